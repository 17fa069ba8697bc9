"""PDF stage, read back with pypdf: pages, outline, metadata, contents page numbers, footers, citations,
fonts, determinism, and the sandboxed URL fetcher. The example PDFs are rendered once per module."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tipbrief.briefs.render_html import render_html
from tipbrief.briefs.render_markdown import render_markdown
from tipbrief.briefs.render_pdf import PdfResult, RefusedURL, SandboxedFetcher, render_pdf
from tipbrief.briefs.select import select
from tipbrief.briefs.spec import load_spec
from tipbrief.briefs.templates import PACKAGE_TEMPLATES
from tipbrief.facts.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
ANALYST = "asean-us-tip-chronology"
MINISTERIAL = "actip-implementation-ministerial"
PUBLIC = "protecting-women-and-children-public"


def render_example(name: str, facts: FactBase, page_size: str | None = None) -> PdfResult:
    spec = load_spec(ROOT / "briefs" / f"{name}.yaml")
    brief = select(spec, facts)
    page = render_html(render_markdown(brief), brief, page_size=page_size)
    return render_pdf(page.html, data_uris=page.data_uris, issued=spec.issued, name=name)


@pytest.fixture(scope="module")
def pdfs(facts: FactBase) -> dict[str, PdfResult]:
    """The three example briefs, rendered once for every test of this module."""
    return {name: render_example(name, facts) for name in (ANALYST, MINISTERIAL, PUBLIC)}


def reader(result: PdfResult) -> PdfReader:
    return PdfReader(BytesIO(result.pdf))


def page_texts(result: PdfResult) -> list[str]:
    return list(_page_texts(result.pdf))


@functools.cache
def _page_texts(pdf: bytes) -> tuple[str, ...]:
    # Text extraction is the slow part of these checks: do it once per PDF.
    return tuple(" ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(pdf)).pages)


def outline(items: Any, pdf: PdfReader, depth: int = 0) -> Iterator[tuple[int, str, int]]:
    """(depth, title, 0-based page) for every bookmark, in order."""
    for item in items:
        if isinstance(item, list):
            yield from outline(item, pdf, depth + 1)
        else:
            yield depth, str(item.title), pdf.get_destination_page_number(item)


def test_renders_log_no_warning(pdfs: dict[str, PdfResult]) -> None:
    for name, result in pdfs.items():
        assert result.warnings == (), name


def test_page_counts(pdfs: dict[str, PdfResult]) -> None:
    counts = {name: len(reader(result).pages) for name, result in pdfs.items()}
    assert counts[MINISTERIAL] <= 2
    assert counts[PUBLIC] <= 3
    assert 6 <= counts[ANALYST] <= 12


def test_every_page_has_the_footer_and_later_pages_the_running_header(pdfs: dict[str, PdfResult]) -> None:
    for name, result in pdfs.items():
        texts = page_texts(result)
        # The analyst's cover page is the only one without a footer.
        first = 2 if name == ANALYST else 1
        assert ("Page 1 of" in texts[0]) is (first == 1)
        for number, text in enumerate(texts[first - 1 :], start=first):
            assert f"Page {number} of {len(texts)}" in text, (name, number)
    analyst = page_texts(pdfs[ANALYST])
    for text in analyst[1:]:
        assert (
            "ASEAN and the United States against trafficking in persons UNCLASSIFIED // FOR OFFICIAL USE"
            in text
        )
    assert all("RESTRICTED" in text for text in page_texts(pdfs[MINISTERIAL]))
    assert not any("OFFICIAL" in text or "RESTRICTED" in text for text in page_texts(pdfs[PUBLIC]))


def test_the_cover_carries_title_audience_period_date_and_marking(pdfs: dict[str, PdfResult]) -> None:
    cover = page_texts(pdfs[ANALYST])[0]
    for expected in (
        "ASEAN and the United States against trafficking in persons",
        "A sourced chronology of the regional framework",
        "BRIEF FOR: analysts",
        "PERIOD: from First ASEAN–US seminar on trafficking in persons (between May 2009 and November 2014†)",
        "ISSUED: 1 March 2024",
        "MARKING: UNCLASSIFIED // FOR OFFICIAL USE",
    ):
        assert expected in cover


def test_metadata_language_and_fixed_dates(pdfs: dict[str, PdfResult]) -> None:
    pdf = reader(pdfs[ANALYST])
    meta = pdf.metadata
    assert meta is not None
    assert meta.title == "ASEAN and the United States against trafficking in persons"
    assert meta.author == "Regional Affairs Analysis Unit"
    assert meta.subject is not None and meta.subject.startswith("How ASEAN built its regional framework")
    assert meta["/Keywords"] == "trafficking in persons, ASEAN, United States, ACTIP, chronology"
    assert meta.creation_date == datetime(2024, 3, 1, tzinfo=UTC)
    assert meta.modification_date == datetime(2024, 3, 1, tzinfo=UTC)
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged PDF
    assert "/StructTreeRoot" in root


def test_fonts_are_the_shipped_ones_and_embedded(pdfs: dict[str, PdfResult]) -> None:
    for name, result in pdfs.items():
        fonts: dict[str, bool] = {}
        for page in reader(result).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant["/FontDescriptor"].get_object()
                fonts[str(font["/BaseFont"]).split("+", 1)[1]] = "/FontFile2" in descriptor
        assert fonts and all(fonts.values()), name
        assert all(f.startswith(("Brief-Serif", "Brief-Sans")) for f in fonts), (name, fonts)


def test_outline_follows_the_headings(pdfs: dict[str, PdfResult]) -> None:
    pdf = reader(pdfs[ANALYST])
    marks = list(outline(pdf.outline, pdf))
    assert marks[0] == (0, "ASEAN and the United States against trafficking in persons", 0)
    sections = [title for depth, title, _ in marks if depth == 1]
    assert sections == [
        "Summary",
        "Timeline",
        "Chronology",
        "Actors",
        "Instruments",
        "Conflicts and uncertainties",
        "Glossary",
        "Sources",
    ]
    events = [title for depth, title, _ in marks if depth == 2]
    assert (
        events[0]
        == "1. between May 2009 and November 2014† — First ASEAN–US seminar on trafficking in persons"
    )
    assert len(events) == 5


def test_contents_page_numbers_are_where_the_headings_land(pdfs: dict[str, PdfResult]) -> None:
    for name in (ANALYST, PUBLIC):
        pdf = reader(pdfs[name])
        texts = page_texts(pdfs[name])
        toc_page = next(i for i, t in enumerate(texts) if "CONTENTS" in t)
        lines = (pdf.pages[toc_page].extract_text() or "").splitlines()
        entries = {}
        for line in lines:
            match = re.fullmatch(r"(.+?)[ .]*\.\s*(\d+)", line.strip())
            if match:
                entries[match.group(1).strip(" .")] = int(match.group(2))
        marks = {title: page + 1 for depth, title, page in outline(pdf.outline, pdf) if depth == 1}
        assert entries == marks, name
        for title, number in entries.items():
            assert title in texts[number - 1], (name, title, number)


def test_citations_and_quotes_are_in_the_analyst_brief(pdfs: dict[str, PdfResult]) -> None:
    text = " ".join(page_texts(pdfs[ANALYST]))
    assert (
        "“during a seminar on trafficking in persons (TIP) held recently in Yangon , Myanmar” — ASEAN and US"
        in text
    )
    assert "seeds/000_4c4873f172a26ffe.txt, characters 102–184." in text
    assert re.search(
        r"Where the sources disagree\..*“27th ASEAN Summit” ?5 against “28th ASEAN Summit” ?6", text
    )
    # One note per cited passage, each giving its place in the article.
    markdown = (ROOT / "tests" / "golden" / f"{ANALYST}.md").read_text(encoding="utf-8")
    assert len(re.findall(r", characters \d+ ?– ?\d+\.", text)) == markdown.count("\n[^") == 24


def test_inferred_dates_are_marked_with_their_evidence(pdfs: dict[str, PdfResult]) -> None:
    text = " ".join(page_texts(pdfs[MINISTERIAL]))
    assert "18–22 November 2015†" in text
    assert (
        "† ASEAN Convention against Trafficking in Persons, Especially Women and Children signed: "
        "Signed at the 27th ASEAN Summit" in text
    )
    assert "28 September 2016†" not in text


def test_rendering_is_deterministic(facts: FactBase, pdfs: dict[str, PdfResult]) -> None:
    again = render_example(MINISTERIAL, facts)
    assert again.pdf == pdfs[MINISTERIAL].pdf


def test_letter_paper_on_request(facts: FactBase) -> None:
    result = render_example(MINISTERIAL, facts, page_size="Letter")
    box = reader(result).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a4_by_default(pdfs: dict[str, PdfResult]) -> None:
    box = reader(pdfs[ANALYST]).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


# ---- The sandboxed fetcher ------------------------------------------------------------------------


def test_fetcher_allows_template_files_and_known_data_uris(tmp_path: Path) -> None:
    fetcher = SandboxedFetcher([PACKAGE_TEMPLATES], frozenset({"data:image/svg+xml;base64,PHN2Zy8+"}))
    font = (PACKAGE_TEMPLATES / "fonts" / "NotoSans-Regular.ttf").resolve().as_uri()
    assert fetcher.fetch(font).read()[:4] == b"\x00\x01\x00\x00"
    assert fetcher.fetch("data:image/svg+xml;base64,PHN2Zy8+").read() == b"<svg/>"
    assert fetcher.refused == []


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://example.org/tracker.png", "the https scheme is not allowed"),
        ("http://127.0.0.1:9/x.css", "the http scheme is not allowed"),
        ("ftp://example.org/x", "the ftp scheme is not allowed"),
        ("file:///etc/passwd", "outside the templates folder"),
        ("data:text/html,hello", "a data: URI tipbrief did not generate"),
    ],
)
def test_fetcher_refuses_everything_else(url: str, why: str) -> None:
    fetcher = SandboxedFetcher([PACKAGE_TEMPLATES])
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [f"refused to load {url}: {why}"]


def test_fetcher_refuses_escapes_from_the_templates_folder() -> None:
    fetcher = SandboxedFetcher([PACKAGE_TEMPLATES])
    sneaky = PACKAGE_TEMPLATES.resolve().as_uri() + "/../render_pdf.py"
    with pytest.raises(RefusedURL):
        fetcher.fetch(sneaky)
    assert fetcher.refused[0].endswith("outside the templates folder")


def test_a_render_reports_each_refused_fetch_as_a_warning() -> None:
    hostile = (
        '<!DOCTYPE html><html lang="en"><head><title>t</title>'
        '<link rel="stylesheet" href="https://example.org/evil.css">'
        "<style>@import url(http://example.org/more.css); "
        "body { background: url(file:///etc/hostname); }</style></head><body>"
        '<p>x</p><img src="file:///etc/passwd" alt="p"><img src="data:image/png;base64,iVBORw0KGgo=" alt="d">'
        '<img src="fonts/OFL.txt" alt="inside">'
        "</body></html>"
    )
    result = render_pdf(hostile, name="hostile")
    refusals = {w for w in result.warnings if "refused" in w}
    assert refusals == {
        "hostile.pdf: refused to load https://example.org/evil.css: the https scheme is not allowed",
        "hostile.pdf: refused to load http://example.org/more.css: the http scheme is not allowed",
        "hostile.pdf: refused to load file:///etc/hostname: outside the templates folder",
        "hostile.pdf: refused to load file:///etc/passwd: outside the templates folder",
        "hostile.pdf: refused to load data:image/png;base64,iVBORw0KGgo=: "
        "a data: URI tipbrief did not generate",
    }
    # Inside the templates folder, so fetched, but not an image: WeasyPrint's own warning comes through.
    ofl = (PACKAGE_TEMPLATES / "fonts" / "OFL.txt").resolve().as_uri()
    assert [w for w in result.warnings if "refused" not in w] == [
        f"hostile.pdf: Failed to load image at '{ofl}': "
    ]
    # Seven fonts, five refusals and the one allowed file: every call went through the fetcher.
    assert len(result.fetches) == 7 + 5 + 1
    assert len(PdfReader(BytesIO(result.pdf)).pages) == 1


class _PresentLibrary:
    """Stands for libharfbuzz-subset0 on a machine that lacks it: WeasyPrint would take its HarfBuzz
    path, and any use of the library fails the test."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"HarfBuzz-Subset was used ({name})")


def test_the_pdf_is_the_same_bytes_with_or_without_harfbuzz_subset(
    facts: FactBase, pdfs: dict[str, PdfResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    import weasyprint.pdf.fonts

    from tipbrief.briefs import render_pdf as stage

    assert weasyprint.pdf.fonts.Font.subset is stage.subset_font
    printed = pdfs[MINISTERIAL].pdf
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", _PresentLibrary())
    with_library = render_example(MINISTERIAL, facts)
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    without_library = render_example(MINISTERIAL, facts)
    assert with_library.pdf == without_library.pdf == printed
    assert with_library.warnings == without_library.warnings == ()
    # And they are the bytes WeasyPrint itself prints with fontTools, when the machine lacks the library.
    monkeypatch.setattr(weasyprint.pdf.fonts.Font, "subset", stage.WEASYPRINT_SUBSET)
    own = render_example(MINISTERIAL, facts)
    assert own.pdf == printed
    assert own.warnings == ()


def test_weasyprints_notice_about_a_missing_harfbuzz_subset_is_never_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import weasyprint.pdf.fonts

    from tipbrief.briefs import render_pdf as stage

    # WeasyPrint's own subsetter on a machine without the library logs its notice once per font.
    monkeypatch.setattr(weasyprint.pdf.fonts.Font, "subset", stage.WEASYPRINT_SUBSET)
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    html = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>x</p></body></html>'
    caplog.set_level(logging.WARNING, logger="weasyprint")
    with_notice = render_pdf(html, name="n")
    logged = [r.getMessage() for r in caplog.records if r.name == "weasyprint"]
    assert logged and all(stage.MACHINE_NOTICE.fullmatch(m) for m in logged)
    assert with_notice.warnings == ()
    notice = (
        'Using fontTools instead of HarfBuzz-Subset for font "Brief Serif". This will be unsupported in '
        "future versions of WeasyPrint. Please install HarfBuzz-Subset >= 4.1.0 with your package manager."
    )
    assert stage.MACHINE_NOTICE.fullmatch(notice)
    # A precise match: another message that mentions HarfBuzz is still a warning.
    assert not stage.MACHINE_NOTICE.fullmatch('Unable to subset "Brief Serif" with HarfBuzz')
    assert not stage.MACHINE_NOTICE.fullmatch(notice + " And something else went wrong.")
