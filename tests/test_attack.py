"""Hostile articles and specs (tests/attack/) built through build_briefs: the text stays literal in the
Markdown, HTML and PDF, nothing is fetched, and no local file's content reaches an output.

One build carries every attack (three briefs, so three WeasyPrint renders for the whole module). While
it runs, a Python audit hook records every file opened and every socket used, and render_pdf's results
are kept to count the fetcher's calls and refusals.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import tipbrief.briefs.render_pdf
from tipbrief.briefs.render_markdown import MAX_VALUE_CHARS
from tipbrief.briefs.render_pdf import PdfResult
from tipbrief.briefs.templates import PACKAGE_TEMPLATES
from tipbrief.build.briefs import BuildResult, build_briefs

ROOT = Path(__file__).resolve().parent.parent
ATTACK = ROOT / "tests" / "attack"
BRIEFS = ("attack-analyst", "attack-ministerial", "attack-public")
CANARY = "tipbrief-canary-5d1f0c9e-never-print-me"
"""The content of files planted outside the templates: it must never appear in an output."""
WEIRD_ARTICLE = "<b onmouseover=alert(1)>{{ 7*7 }}[x](javascript:alert(1)) & %2e%2e.txt"
LONG_LINE_BYTES = 1024 * 1024 - 4096
"""Just under the corpus's 1 MiB cap: one line, one sentence, read and extracted in full."""


# ---- The audit hook ---------------------------------------------------------------------------


@dataclass
class Audit:
    """Files opened and sockets used while ``active``."""

    active: bool = False
    opened: list[str] = field(default_factory=list)
    network: list[str] = field(default_factory=list)


AUDIT = Audit()


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not AUDIT.active:
        return
    if event == "open" and args and isinstance(args[0], str | bytes | Path):
        AUDIT.opened.append(str(args[0]))
    elif event.startswith(("socket.", "urllib.", "http.")):
        AUDIT.network.append(f"{event} {args!r}"[:200])


sys.addaudithook(_audit)  # hooks cannot be removed; this one does nothing outside the build below


# ---- The project and its build ----------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    project: Path
    out: Path
    canaries: tuple[Path, ...]
    result: BuildResult
    pdfs: dict[str, PdfResult]
    opened: tuple[str, ...]
    network: tuple[str, ...]
    seconds: float

    def text(self, name: str) -> str:
        return (self.out / name).read_text(encoding="utf-8")


def _copy_corpus(project: Path, canary: Path) -> None:
    for folder in ("seeds", "briefs"):
        (project / folder).mkdir()
        for source in sorted((ATTACK / folder).iterdir()):
            text = source.read_text(encoding="utf-8")
            text = text.replace("@CANARY_URL@", canary.as_uri()).replace("@CANARY_PATH@", str(canary))
            (project / folder / source.name).write_text(text, encoding="utf-8")
    sentence = (
        "A regional workshop on trafficking {} was held in {} on {}, the ASEAN Commission on the "
        "Promotion and Protection of the Rights of Women and Children (ACWC) said"
    )
    # A file name is data too: it is printed in the analyst's list of sources.
    (project / "seeds" / WEIRD_ARTICLE).write_text(
        sentence.format("named by its file", "Singapore", "2 September 2023") + ".\n", encoding="utf-8"
    )
    # One sentence of almost 1 MiB on one line: extraction reads it all, the brief quotes a part.
    opening = sentence.format("on one very long line", "Kuala Lumpur", "4 October 2023")
    filler = " and the talks went on"
    body = opening + filler * ((LONG_LINE_BYTES - len(opening)) // len(filler))
    (project / "seeds" / "long-line.txt").write_text(body + ".\n", encoding="utf-8")
    # Over the cap: skipped with a warning before it is read, so it costs neither time nor memory.
    (project / "seeds" / "ten-megabytes.txt").write_bytes(b"trafficking " * (10 * 1024 * 1024 // 12))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    base = tmp_path_factory.mktemp("attack")
    project = base / "project"
    project.mkdir()
    # Canaries outside the templates: beside the project, inside it, and where relative URLs could reach.
    canaries = (base / "canary.txt", project / "canary.txt", project / "templates-not" / "canary.css")
    for canary in canaries:
        canary.parent.mkdir(exist_ok=True)
        canary.write_text(CANARY, encoding="utf-8")
    _copy_corpus(project, canaries[0])
    pdfs: dict[str, PdfResult] = {}
    real_render = tipbrief.briefs.render_pdf.render_pdf

    def recording(html: str, **kwargs: Any) -> PdfResult:
        result = real_render(html, **kwargs)
        pdfs[kwargs["name"]] = result
        return result

    specs = [project / "briefs" / f"{name}.yaml" for name in BRIEFS]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tipbrief.briefs.render_pdf, "render_pdf", recording)
        patch.chdir(project)
        AUDIT.opened.clear()
        AUDIT.network.clear()
        AUDIT.active = True
        started = time.perf_counter()
        try:
            result = build_briefs(specs, project / "seeds", project / "build")
        finally:
            AUDIT.active = False
        seconds = time.perf_counter() - started
    yield Built(
        project,
        project / "build",
        canaries,
        result,
        pdfs,
        tuple(AUDIT.opened),
        tuple(AUDIT.network),
        seconds,
    )


# ---- Reading the outputs ----------------------------------------------------------------------


class Page(HTMLParser):
    """Tags, attributes and text (entities decoded) of an HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str, str]] = []
        self.parts: list[str] = []
        self.style = ""
        self._in: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attributes.extend((tag, name, value or "") for name, value in attrs)
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.style += data
        else:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def squeeze(text: str) -> str:
    """Text without any white space: line breaks in a PDF fall where they fall."""
    return "".join(text.split())


def pdf_text(result: PdfResult) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(BytesIO(result.pdf)).pages)


@pytest.fixture(scope="module")
def pages(built: Built) -> dict[str, Page]:
    return {name: Page(built.text(f"{name}.html")) for name in BRIEFS}


@pytest.fixture(scope="module")
def pdf_texts(built: Built) -> dict[str, str]:
    return {name: pdf_text(built.pdfs[name]) for name in BRIEFS}


# ---- Every attack stays literal text ----------------------------------------------------------

# (brief, text as written in an article or a spec): each must be shown as exactly this text.
LITERAL: list[tuple[str, str]] = [
    # html, script, style, link, img, iframe, object, embed and svg with external references
    ("attack-analyst", "<script>document.write('SCRIPT-RAN')</script> <b>bold</b> &amp; &#60;i&#62;"),
    ("attack-analyst", '<link rel="stylesheet" href="http://127.0.0.1:9/outlet.css"> Wire'),
    ("attack-analyst", '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/link.css">'),
    ("attack-analyst", "<script src=\"http://127.0.0.1:9/x.js\">alert('SCRIPT-RAN')</script>"),
    ("attack-analyst", '<img src="@CANARY_URL@" alt="img-canary">'),
    ("attack-analyst", '<img src="http://127.0.0.1:9/pixel.png">'),
    ("attack-analyst", '<iframe src="@CANARY_URL@"></iframe>'),
    ("attack-analyst", '<object data="@CANARY_URL@" type="text/plain"></object>'),
    ("attack-analyst", '<embed src="http://127.0.0.1:9/e.svg">'),
    ("attack-analyst", '<svg xmlns="http://www.w3.org/2000/svg"><image href="@CANARY_URL@"/>'),
    ("attack-analyst", '<a href="@CANARY_URL@">canary link</a>'),
    # CSS url() and @import
    ("attack-analyst", '<style>@import url("http://127.0.0.1:9/import.css"); @import "@CANARY_URL@";'),
    ("attack-analyst", "body { background: url(@CANARY_URL@) }"),
    ("attack-analyst", "@page { @top-center { content: url(@CANARY_URL@) } }</style>"),
    (
        "attack-analyst",
        "<p style=\"background-image: url('@CANARY_URL@'); content: url(http://127.0.0.1:9/c.png)",
    ),
    # file:, http: and data: links in Markdown, and javascript: links
    ("attack-analyst", "[canary](@CANARY_URL@) [web](http://127.0.0.1:9/page)"),
    ("attack-analyst", "![pixel](http://127.0.0.1:9/p.png)"),
    ("attack-analyst", "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("attack-analyst", "![svg](data:image/svg+xml;base64,PHN2Zy8+)"),
    ("attack-analyst", "[js](javascript:alert(1)) [js2](JaVaScRiPt:alert(1)) <javascript:alert(1)>"),
    ("attack-analyst", "<http://127.0.0.1:9/auto> <@CANARY_URL@> [ref][canary]"),
    # Markdown syntax inside an article
    ("attack-analyst", "**bold** __strong__ _em_ `code` ~~strike~~ [^1]"),
    ("attack-analyst", "\\*escaped\\* &lt;b&gt; &#x3C;i&#x3E;"),
    # Jinja and other template syntax inside an article
    ("attack-analyst", "{{ 7*7 }} {{ config }} {{ ''.__class__.__mro__[1].__subclasses__() }}"),
    ("attack-analyst", "{% for i in range(99999999) %}x{% endfor %} {# hidden #}"),
    ("attack-analyst", "{% include '@CANARY_PATH@' %}"),
    ("attack-analyst", "{{ lipsum.__globals__ }} ${7*7} <%= 7*7 %>"),
    # a hostile sidecar and a hostile file name
    ("attack-analyst", "Sidecar <iframe src='@CANARY_URL@'></iframe> {{ 7*7 }} [x](javascript:alert(1))"),
    ("attack-analyst", "<object data='http://127.0.0.1:9/o'></object> Daily"),
    ("attack-analyst", "seeds/" + WEIRD_ARTICLE),
    # every spec value that is printed: title, subtitle, author, marking, topic summary
    (
        "attack-analyst",
        "{{ 7*7 }} {% include '@CANARY_PATH@' %} <script>document.write('SCRIPT-RAN')</script>",
    ),
    ("attack-analyst", "</script> # [t](@CANARY_URL@)"),
    ("attack-analyst", "<img src='@CANARY_URL@'> ![p](http://127.0.0.1:9/p.png)"),
    ("attack-analyst", "<style>@import url(http://127.0.0.1:9/s.css)</style> DESREVER"),
    ("attack-analyst", "<link rel=stylesheet href=http://127.0.0.1:9/a.css> {{ spec.author }} **Unit** [^1]"),
    ("attack-analyst", "</div><svg><image href='@CANARY_URL@'/></svg> {% raw %} SECRET"),
    ("attack-analyst", "# Not a heading - not a list 1. not a list either > not a quote not code ==="),
    ("attack-analyst", '<style>@import url("@CANARY_URL@");</style> [js](javascript:alert(1)) [^1]'),
    ("attack-analyst", "{% raw %} {{ 7*7 }} {%- endraw %} | a | b |"),
    ("attack-ministerial", "Ministerial <object data='@CANARY_URL@'></object> {{ range(10) | list }}"),
    ("attack-ministerial", "[data](data:text/html,<script>alert(1)</script>)"),
    ("attack-ministerial", "<iframe src='http://127.0.0.1:9/'></iframe>"),
    ("attack-ministerial", "RESTRICTED <style>*{background:url(http://127.0.0.1:9/m.png)}</style>"),
    ("attack-ministerial", "{% for x in range(9) %}{{ x }}{% endfor %} <script>alert(1)</script>"),
    ("attack-public", "Public <embed src='@CANARY_URL@'> {{ 7*7 }}"),
    ("attack-public", "[f](file:///etc/passwd) isolate"),
    ("attack-public", "<a href='javascript:alert(1)'>Office</a>"),
    ("attack-public", "<svg onload=alert(1)><use href='http://127.0.0.1:9/#x'/></svg> &lt;b&gt;"),
    # control characters, NUL bytes and bidi overrides are dropped; the words around them stay
    ("attack-analyst", "Trafficking SDRAWKCAB notice isolated"),
    ("attack-analyst", "NULbyte bell backspace [31mANSI-red[0m del c1 csi"),
    ("attack-analyst", "DESREVER LTR-override RLI zerowidth bommark line separator next line vertical tab"),
]


def _expected(built: Built, text: str) -> str:
    return text.replace("@CANARY_URL@", built.canaries[0].as_uri()).replace(
        "@CANARY_PATH@", str(built.canaries[0])
    )


@pytest.mark.parametrize(
    ("brief", "literal"), LITERAL, ids=[f"{b[7:]}-{i}" for i, (b, _) in enumerate(LITERAL)]
)
def test_each_attack_is_shown_as_the_text_it_is(
    built: Built, pages: dict[str, Page], pdf_texts: dict[str, str], brief: str, literal: str
) -> None:
    wanted = _expected(built, literal)
    assert wanted in pages[brief].text
    assert squeeze(wanted) in squeeze(pdf_texts[brief])


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "nav", "main", "section", "h1",
    "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "a", "sup", "blockquote", "table", "thead",
    "tbody", "tr", "th", "td", "hr", "figure", "img", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"lang", "charset", "name", "content", "class", "id", "href", "aria-label", "src", "alt"}


@pytest.mark.parametrize("brief", BRIEFS)
def test_the_page_holds_only_the_templates_markup(built: Built, pages: dict[str, Page], brief: str) -> None:
    page = pages[brief]
    assert set(page.tags) <= ALLOWED_TAGS
    assert page.tags["style"] == 1 and page.tags["title"] == 1
    css = (PACKAGE_TEMPLATES / "brief.css").read_text(encoding="utf-8")
    assert " ".join(page.style.replace(css, "").split()) == "@page { size: A4; }"
    assert {name for _, name, _ in page.attributes} <= ALLOWED_ATTRIBUTES
    for tag, name, value in page.attributes:
        if name == "href":
            assert value.startswith("#"), (tag, value)
        if name == "src":
            assert tag == "img" and value.startswith("data:image/svg+xml;base64,"), value
    # The analyst and public briefs span 2016-2023, so their time line is the one image.
    assert page.tags["img"] == (0 if brief == "attack-ministerial" else 1)


def test_the_briefs_quote_the_articles(built: Built, pages: dict[str, Page]) -> None:
    """The attack corpus is not silently dropped: each article gave an event of the analyst brief."""
    text = pages["attack-analyst"].text
    for city in ("Bangkok", "Hanoi", "Jakarta", "Manila", "Vientiane", "Yangon", "Phnom Penh", "Singapore"):
        assert f"was held in {city} on" in text, city


def test_nothing_is_fetched_but_the_shipped_fonts_and_the_time_line(built: Built) -> None:
    fonts = {p.resolve().as_uri() for p in (PACKAGE_TEMPLATES / "fonts").glob("*.ttf")}
    assert sorted(built.pdfs) == sorted(BRIEFS)
    for name, result in built.pdfs.items():
        fetched = set(result.fetches)
        data = {url for url in fetched if url.startswith("data:")}
        assert fetched - data <= fonts, name
        assert len(data) == (0 if name == "attack-ministerial" else 1), name
        assert all(url.startswith("data:image/svg+xml;base64,") for url in data)
        # Nothing was even asked for and refused: no URL from the data reached WeasyPrint.
        assert not [w for w in result.warnings if "refused" in w], name
    assert built.network == ()


def test_no_local_file_is_read_or_shown(built: Built) -> None:
    for canary in built.canaries:
        assert not [p for p in built.opened if Path(p).name == canary.name and Path(p).resolve() == canary]
    secrets = ("/etc/passwd", "/etc/shadow", "/etc/hostname")
    assert not [p for p in built.opened if p.startswith(("file:", *secrets))]
    for path in built.out.iterdir():
        data = path.read_bytes()
        assert CANARY.encode() not in data, path.name
        assert b"root:x:0:0" not in data, path.name
    for result in built.pdfs.values():
        assert CANARY not in pdf_text(result)


@pytest.mark.parametrize("brief", BRIEFS)
def test_the_pdf_has_no_actions_attachments_or_outside_links(built: Built, brief: str) -> None:
    reader = PdfReader(BytesIO(built.pdfs[brief].pdf))
    assert reader.attachments == {}
    raw = built.pdfs[brief].pdf
    for marker in (b"/JavaScript", b"/JS ", b"/Launch", b"/EmbeddedFile", b"/SubmitForm", b"/GoToR"):
        assert marker not in raw
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                assert action.get("/S") != "/URI", action
    title = reader.metadata.title if reader.metadata else ""
    assert title is not None and not _hidden(title)


def _hidden(text: str) -> list[str]:
    """Control, surrogate and bidi formatting characters (tab and newline excepted)."""
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if ch not in "\t\n"
        and (
            unicodedata.category(ch) in ("Cc", "Cs")
            or "\u202a" <= ch <= "\u202e"
            or "\u2066" <= ch <= "\u2069"
        )
    ]


def test_no_control_or_bidi_character_reaches_the_markdown_html_or_pdf(
    built: Built, pdf_texts: dict[str, str]
) -> None:
    for name in BRIEFS:
        for ext in ("md", "html"):
            assert _hidden(built.text(f"{name}.{ext}")) == [], f"{name}.{ext}"
        assert _hidden(pdf_texts[name]) == [], f"{name}.pdf"


def test_the_json_keeps_the_quotes_whole(built: Built) -> None:
    """The JSON is data, not a document: it carries each quote as the article has it."""
    data = json.loads(built.text("attack-analyst.json"))
    quotes = [s["quote"] for e in data["events"] for s in e["sources"]]
    assert any("NUL\x00byte" in q and "\u202eDESREVER" in q for q in quotes)
    assert max(len(q) for q in quotes) > 1_000_000


def test_a_sentence_of_a_megabyte_is_quoted_in_part(built: Built, pages: dict[str, Page]) -> None:
    md = built.text("attack-analyst.md")
    quote = next(line for line in md.splitlines() if "on one very long line" in line and line.startswith(">"))
    assert len(quote) < 2 * MAX_VALUE_CHARS
    assert quote.startswith("> “A regional workshop on trafficking on one very long line was held in Kuala")
    assert re.search(r"went on(?: and)? …”\[\^\d+\]$", quote), quote[-80:]
    assert all(len(line) < 4 * MAX_VALUE_CHARS for line in md.splitlines())
    assert (built.out / "attack-analyst.html").stat().st_size < 200_000


def test_articles_over_the_cap_are_skipped_with_a_warning_and_the_rest_builds(built: Built) -> None:
    warnings = [w for w in built.result.warnings if "ten-megabytes" in w]
    assert warnings == [
        "seeds/ten-megabytes.txt:1:1: article is 10485756 bytes, over the 1048576-byte limit; split it"
    ]
    manifest = json.loads(built.text("manifest.json"))
    assert sorted(o["path"] for o in manifest["outputs"]) == sorted(
        f"{name}.{ext}" for name in BRIEFS for ext in ("md", "html", "pdf", "json")
    )
    assert manifest["warnings"] == list(built.result.warnings)


def test_the_whole_hostile_build_takes_bounded_time(built: Built) -> None:
    # The almost-1-MiB line dominates (about 10 s on one core); three short PDFs take a few seconds.
    assert built.seconds < 120, built.seconds
