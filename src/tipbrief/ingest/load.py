"""Read the inputs of `tipbrief import` from disk: which files, their bytes, and what each is."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from tipbrief.common.errors import InputError
from tipbrief.ingest.html import parse_html
from tipbrief.ingest.model import ImportedArticle
from tipbrief.ingest.pdf import parse_pdf
from tipbrief.ingest.sniff import sniff
from tipbrief.ingest.text import MAX_ARTICLE_BYTES

# The readers log what they think of a file's markup ("EOF marker not found", "empty HTML tree"),
# which Python would print on stderr for want of a handler. The import says what matters, in its
# own words; what they log stays available to a handler that asks (tests, --debug tools).
for _library in ("pypdf", "trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_library).addHandler(logging.NullHandler())

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""A saved news page or press release is far smaller, even with its pictures inlined; a bigger file
is not one article, and parsing it would hold the machine for long."""
IMPORT_SUFFIXES = (".html", ".htm", ".xhtml", ".pdf")
"""What a folder's files must be named to be imported; a file named on its own is read whatever its name."""


def input_files(paths: Sequence[Path]) -> list[Path]:
    """The files to import: each file given, and the pages and PDFs directly inside each folder given
    (not below: browsers save a page's pictures and frames in a NAME_files folder beside it)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in IMPORT_SUFFIXES)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def parse_input(raw: bytes, source: str, file_name: str) -> ImportedArticle:
    """Pure: an input's bytes → its article, by what the bytes are, whatever the file's suffix."""
    if not raw.strip():
        raise InputError([f"{source}:1:1: the file is empty; save the page or download the PDF again"])
    kind = sniff(raw)
    suffix = Path(file_name).suffix.lower()
    if kind is None:
        if suffix == ".pdf":
            what = "is named .pdf but is not a PDF (it does not start with %PDF-); download the PDF again"
        elif suffix in IMPORT_SUFFIXES:
            what = (
                f"is named {suffix} but is not HTML (no <html>, <head> or <body> at its start); "
                "save the page again from the browser (Save Page As)"
            )
        else:
            what = "is neither a web page (HTML) nor a PDF; import pages saved from the browser, or PDFs"
        raise InputError([f"{source}:1:1: {what}"])
    article = parse_pdf(raw, source, file_name) if kind == "pdf" else parse_html(raw, source, file_name)
    size = len(article.text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            [
                f"{source}:1:1: its text is {size} bytes, over the {MAX_ARTICLE_BYTES}-byte limit of an "
                "article; it is not one news article: split it, or import the article's own page"
            ]
        )
    return article


def load_input(path: Path) -> ImportedArticle:
    """Read one input (refusing one too big before reading it) and parse it."""
    source = path.as_posix()
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                [
                    f"{source}:1:1: the file is {size} bytes, over the {MAX_INPUT_BYTES}-byte limit; save "
                    "the article alone (in the browser: Save Page As, 'Web Page, HTML only')"
                ]
            )
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(
            [f"{source}:1:1: cannot read the file ({err.strerror or err}); check its name"]
        ) from None
    return parse_input(raw, source, path.name)
