"""Print an HTML page to PDF with WeasyPrint, allowed to read nothing but the templates' own files."""

from __future__ import annotations

import base64
import contextlib
import io
import logging
import os
import re
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import FrameType
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import weasyprint
import weasyprint.pdf.fonts
from fontTools import subset as fonttools_subset
from fontTools.ttLib import TTFont, TTLibError

from tipbrief.common.errors import BuildError

MAX_RESOURCE_BYTES = 8 * 1024 * 1024
"""A font or image larger than this is refused: nothing we ship comes close."""
MAX_HTML_BYTES = 5 * 1024 * 1024
RENDER_SECONDS = 120
"""A render that takes longer is stopped (when running on the main thread, where signals work)."""


# --- fonts: the same subsetter on every machine ----------------------------------------------------

# Tables that WeasyPrint's fontTools path drops from every subset font (its Options.drop_tables).
_DROPPED_TABLES = ("GSUB", "GPOS", "SVG ")


def subset_font(font: weasyprint.pdf.fonts.Font, to_unicode: dict[int, object], hinting: bool) -> None:
    """Keep only the glyphs ``to_unicode`` uses: WeasyPrint's own fontTools subsetting, on every machine.

    WeasyPrint subsets with HarfBuzz-Subset where libharfbuzz-subset0 is installed and with fontTools
    elsewhere, and the two give different font bytes, so a PDF (and the manifest's sha256 of it) would
    depend on the machine. fontTools comes with WeasyPrint, so tipbrief always takes that path: with
    the same options as WeasyPrint's ``Font._fonttools_subset``, hence the same bytes as WeasyPrint
    prints without the library. One step differs: the layout tables that those options drop anyway
    are removed before subsetting, because fontTools (4.68) first decompiles them whole: that took
    a two-page brief's PDF from 1.1 s to 2.6 s (HarfBuzz-Subset: 1.0 s). The bytes are the same.
    """
    if not to_unicode:
        return
    options = fonttools_subset.Options(
        retain_gids=True,
        passthrough_tables=True,
        ignore_missing_glyphs=True,
        hinting=hinting,
        desubroutinize=True,
        notdef_outline=bool(font.missing),
    )
    options.drop_tables += [tag.strip() for tag in _DROPPED_TABLES]
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(gids=to_unicode)
    try:
        ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index)
        for tag in _DROPPED_TABLES:
            if tag in ttfont:
                del ttfont[tag]
        subsetter.subset(ttfont)
        subset = io.BytesIO()
        ttfont.save(subset)
    except TTLibError as err:
        # As WeasyPrint does: the font is embedded whole, and the warning reaches the brief.
        weasyprint.LOGGER.warning('Unable to subset "%s" with fontTools', font.family)
        weasyprint.LOGGER.debug("Original exception:", exc_info=err)
        return
    font.file_content = subset.getvalue()


WEASYPRINT_SUBSET = weasyprint.pdf.fonts.Font.subset
"""WeasyPrint's own choice of subsetter, kept for the test that both choices print the same bytes."""
# Installed once, for the whole process: every render then subsets the same way, whichever
# thread or printer process runs it.
weasyprint.pdf.fonts.Font.subset = subset_font

MACHINE_NOTICE = re.compile(
    r'Using fontTools instead of HarfBuzz-Subset for font ".*"\. This will be unsupported in future '
    r"versions of WeasyPrint\. Please install HarfBuzz-Subset >= [0-9.]+ with your package manager\.",
    re.DOTALL,
)
"""WeasyPrint's notice that the machine lacks libharfbuzz-subset0. It describes the machine, not the
brief, and subset_font means it is not even true of tipbrief's PDFs: it never becomes a warning."""


def machine_libraries() -> tuple[str, bool]:
    """The Pango version WeasyPrint loaded, and whether it found libharfbuzz-subset0 (for `tipbrief
    doctor`; importing this module already failed if Pango or HarfBuzz is missing)."""
    from weasyprint.text import ffi

    number = int(ffi.pango.pango_version())
    pango = f"{number // 10000}.{number // 100 % 100}.{number % 100}"
    return pango, ffi.harfbuzz_subset is not None


class RefusedURL(ValueError):
    """The fetcher would not load a URL; WeasyPrint logs it and carries on without the resource."""


class SandboxedFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
    """Loads files under the template folders and data: URIs tipbrief generated; refuses the rest.

    ``calls`` records every URL asked for and ``refused`` one message per refusal, so a build
    can report them and tests can count them.
    """

    def __init__(self, roots: Sequence[Path], data_uris: frozenset[str] = frozenset()) -> None:
        super().__init__(timeout=5, allowed_protocols=("file", "data"))
        self.roots = tuple(Path(r).resolve() for r in roots)
        self.data_uris = data_uris
        self.calls: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: object = None) -> weasyprint.urls.URLFetcherResponse:
        self.calls.append(url)
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            if url not in self.data_uris:
                return self._refuse(url, "a data: URI tipbrief did not generate")
            body = _decode_data_uri(url)
            return weasyprint.urls.URLFetcherResponse(url, body, {"Content-Type": _data_mime(url)})
        if scheme != "file":
            return self._refuse(url, f"the {scheme or 'relative'} scheme is not allowed")
        path = Path(url2pathname(unquote(urlsplit(url).path))).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            return self._refuse(url, "outside the templates folder")
        if not path.is_file():
            return self._refuse(url, "no such file in the templates folder")
        if path.stat().st_size > MAX_RESOURCE_BYTES:
            return self._refuse(url, f"larger than {MAX_RESOURCE_BYTES} bytes")
        return weasyprint.urls.URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _file_mime(path)})

    def _refuse(self, url: str, why: str) -> weasyprint.urls.URLFetcherResponse:
        shown = url if len(url) <= 80 else url[:77] + "..."
        self.refused.append(f"refused to load {shown}: {why}")
        raise RefusedURL(why)


def _data_mime(url: str) -> str:
    return url[5:].split(",", 1)[0].split(";", 1)[0] or "text/plain"


def _decode_data_uri(url: str) -> bytes:
    header, _, payload = url[5:].partition(",")
    if header.endswith(";base64"):
        return base64.b64decode(payload)
    return unquote(payload).encode("utf-8")


def _file_mime(path: Path) -> str:
    return {
        ".css": "text/css",
        ".ttf": "font/ttf",
        ".otf": "font/otf",
        ".woff": "font/woff",
        ".woff2": "font/woff2",
        ".svg": "image/svg+xml",
        ".png": "image/png",
    }.get(path.suffix.lower(), "application/octet-stream")


@dataclass(frozen=True, slots=True)
class PdfResult:
    """PDF bytes and every warning the render produced (refused fetches, CSS problems)."""

    pdf: bytes
    warnings: tuple[str, ...]
    fetches: tuple[str, ...]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def _weasyprint_warnings() -> Iterator[list[str]]:
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


@contextlib.contextmanager
def _source_date_epoch(issued: date | None) -> Iterator[None]:
    # Font subsetting through fontTools (when HarfBuzz-subset is missing) stamps the font with
    # the current time unless SOURCE_DATE_EPOCH is set: pin it to the date of issue.
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    if previous is None:
        day = issued or date(1980, 1, 1)
        os.environ["SOURCE_DATE_EPOCH"] = str(
            int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
        )
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


class RenderTimeout(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise RenderTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def render_pdf(
    html: str,
    *,
    templates: Sequence[Path] | None = None,
    data_uris: frozenset[str] = frozenset(),
    issued: date | None = None,
    name: str = "brief",
    seconds: int = RENDER_SECONDS,
) -> PdfResult:
    """Print ``html`` to a tagged PDF (PDF/UA-1) with the shipped fonts embedded.

    Relative URLs resolve against the first templates folder (by default the package's); the
    fetcher refuses anything outside ``templates`` and any data: URI not in ``data_uris``, and each
    refusal becomes a warning.
    """
    if templates is None:
        # Imported only here: a printer process loads WeasyPrint and none of the other stages.
        from tipbrief.briefs.templates import PACKAGE_TEMPLATES

        templates = (PACKAGE_TEMPLATES,)
    if len(html.encode("utf-8")) > MAX_HTML_BYTES:
        raise BuildError(f"{name}: the HTML is larger than {MAX_HTML_BYTES} bytes; shorten the brief")
    roots = tuple(Path(t) for t in templates)
    fetcher = SandboxedFetcher(roots=roots, data_uris=data_uris)
    base = roots[0].resolve().as_uri() + "/"
    font_css = next((r / "fonts.css" for r in roots if (r / "fonts.css").is_file()), None)
    with _weasyprint_warnings() as logged, _source_date_epoch(issued):
        try:
            with _time_limit(seconds):
                # @font-face rules in an extra stylesheet need a FontConfiguration shared with the render.
                font_config = weasyprint.text.fonts.FontConfiguration()
                stylesheets = []
                if font_css is not None:
                    stylesheets.append(
                        weasyprint.CSS(
                            string=font_css.read_text(encoding="utf-8"),
                            base_url=font_css.parent.resolve().as_uri() + "/",
                            url_fetcher=fetcher,
                            font_config=font_config,
                        )
                    )
                document = weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher)
                pdf = document.write_pdf(
                    stylesheets=stylesheets,
                    font_config=font_config,
                    pdf_variant="pdf/ua-1",
                    pdf_tags=True,
                    attachments=[],
                    uncompressed_pdf=False,
                    full_fonts=False,
                )
        except RenderTimeout:
            raise BuildError(
                f"{name}: the PDF took longer than {seconds} s to render; shorten the brief"
            ) from None
    assert isinstance(pdf, bytes)
    # WeasyPrint also logs each refusal; report it once, in our words.
    warnings = [
        *fetcher.refused,
        *(m for m in logged if RefusedURL.__name__ not in m and not MACHINE_NOTICE.fullmatch(m)),
    ]
    return PdfResult(
        pdf=pdf,
        warnings=tuple(dict.fromkeys(f"{name}.pdf: {w}" for w in warnings)),
        fetches=tuple(fetcher.calls),
    )
