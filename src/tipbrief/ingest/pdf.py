"""PDFs: the text layer read line by line with its geometry, paragraphs rebuilt, metadata from the
document's information and its first page."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

from tipbrief.common.errors import InputError
from tipbrief.ingest.dates import first_full_date, pdf_date
from tipbrief.ingest.model import ImportedArticle
from tipbrief.ingest.text import article_paragraphs, join_paragraphs

# Titles that word processors and scanners write, which name no article.
_NO_TITLE = re.compile(
    r"^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|odt|rtf|pdf|pptx?))$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d+(?:\s*(?:of|/)\s*\d+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"""[.!?:;"”’)]$""")
# pypdf's own reason (a missing trailer, a stream cut short) says nothing a user can act on.
_UNREADABLE = "{source}:1:1: the PDF is damaged or incomplete; download it again or re-save it as PDF"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text on a page: where it sits (PDF points from the bottom) and how big it is."""

    page: int
    y: float
    size: float
    text: str


def _multiply(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def page_lines(page: Any, number: int) -> list[Line]:
    """The page's lines, top to bottom, from pypdf's text visitor (pieces on one baseline joined)."""
    pieces: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            m = _multiply(list(tm), list(cm))
            pieces.append((m[5], abs(size * m[3]) or size, text))

    page.extract_text(visitor_text=visit)
    lines: list[Line] = []
    for y, size, text in pieces:
        for part in text.splitlines():
            if not part.strip():
                continue
            if lines and abs(lines[-1].y - y) < 0.5 * size and not lines[-1].text.endswith("\n"):
                last = lines[-1]
                lines[-1] = Line(number, last.y, max(last.size, size), last.text + part)
            else:
                lines.append(Line(number, y, size, part))
            y -= size  # a second line in one piece sits below the first
    return [Line(ln.page, ln.y, ln.size, " ".join(ln.text.split())) for ln in lines]


def _repeated(lines: list[Line], pages: int) -> set[str]:
    """Running headers and footers: the same line (numbers aside) on most pages of a long document."""
    if pages < 3:
        return set()
    counts = Counter({re.sub(r"\d+", "#", ln.text) for ln in lines if ln.page == p} for p in range(pages))
    seen: Counter[str] = Counter()
    for texts in counts:
        seen.update(texts)
    return {t for t, n in seen.items() if n > pages // 2}


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph rebuilt from lines: the page it starts on, its type size, its text."""

    page: int
    size: float
    text: str


def paragraphs(lines: list[Line], pages: int) -> list[Para]:
    """Each paragraph: a new one where the gap above a line is wider than the line spacing, the type
    size changes, or a page turns after a finished sentence; page numbers and running heads left out."""
    repeated = _repeated(lines, pages)
    kept = [
        ln for ln in lines if not _PAGE_NUMBER.match(ln.text) and re.sub(r"\d+", "#", ln.text) not in repeated
    ]
    # The line spacing of each type size: the narrower gaps between its lines (a paragraph has more
    # lines than breaks). A gap wider by a third, or wider than 1.6 times the size, starts a paragraph.
    gaps: dict[float, list[float]] = {}
    for a, b in pairwise(kept):
        if a.page == b.page and a.y > b.y and abs(a.size - b.size) < 0.1 * a.size:
            gaps.setdefault(round(a.size), []).append(a.y - b.y)
    spacing = {size: sorted(found)[len(found) // 4] for size, found in gaps.items()}
    out: list[tuple[Line, list[str]]] = []
    previous: Line | None = None
    for line in kept:
        new = previous is None
        if previous is not None:
            if line.page != previous.page:
                new = bool(_SENTENCE_END.search(previous.text))
            else:
                gap = previous.y - line.y
                usual = spacing.get(round(previous.size))
                wide = min(usual * 1.3, previous.size * 1.6) if usual else previous.size * 1.6
                new = gap > wide or abs(line.size - previous.size) > 0.1 * previous.size
        if new:
            out.append((line, [line.text]))
        else:
            out[-1][1].append(line.text)
        previous = line
    return [Para(first.page, first.size, _join_lines(texts)) for first, texts in out]


def _join_lines(texts: list[str]) -> str:
    """Lines of one paragraph as one line; a word broken by a hyphen at a line's end is mended."""
    joined = texts[0]
    for text in texts[1:]:
        if re.search(r"[a-z]-$", joined) and text[:1].islower():
            joined += text
        else:
            joined += " " + text
    return joined


def _reader(raw: bytes, source: str) -> Any:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise InputError(
                [
                    f"{source}:1:1: the PDF is protected by a password; open it, save or print an "
                    "unprotected copy, and import that"
                ]
            )
        len(reader.pages)  # reads the page tree: a broken file fails here, not halfway through
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise InputError([_UNREADABLE.format(source=source)]) from None
    return reader


def parse_pdf(raw: bytes, source: str, file_name: str = "") -> ImportedArticle:
    """Pure: a PDF's bytes → its article. InputError for a password, a scan, or a broken file."""
    from pypdf.errors import PdfReadError

    reader = _reader(raw, source)
    try:
        lines = [line for number, page in enumerate(reader.pages) for line in page_lines(page, number)]
        info = reader.metadata or {}
        catalog = reader.trailer["/Root"]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise InputError([_UNREADABLE.format(source=source)]) from None
    found = paragraphs(lines, len(reader.pages))
    if not any(re.search(r"\w", p.text) for p in found):
        raise InputError(
            [
                f"{source}:1:1: the PDF has no text layer (it is a scan or a picture of text); run it "
                "through OCR first (e.g. ocrmypdf), or import the article's web page instead"
            ]
        )
    first_page = [p for p in found if p.page == 0]
    title = _clean(info.get("/Title"))
    if title is None or _NO_TITLE.match(title):
        title = _largest(first_page)
    body = article_paragraphs([p.text for p in found], title)
    lang = catalog.get("/Lang") if hasattr(catalog, "get") else None
    return ImportedArticle(
        source=source,
        kind="pdf",
        text=join_paragraphs(body),
        title=title,
        author=_clean(info.get("/Author")),
        published=first_full_date("\n".join(p.text for p in first_page))
        or pdf_date(info.get("/CreationDate")),
        language=_clean(lang),
        file_name=file_name,
    )


def _largest(first_page: list[Para]) -> str | None:
    """The first page's paragraph in the largest type, when it stands out (a heading), as the title."""
    if not first_page:
        return None
    body = median(p.size for p in first_page)
    top = max(first_page, key=lambda p: p.size)
    return top.text if top.size > body * 1.15 and len(top.text) <= 300 else None


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
