"""The record the import stage gives for one input: the article's text and its metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Kind = Literal["html", "pdf"]


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    """One article taken out of a saved page or a PDF, ready to be written to the corpus."""

    source: str
    """The input as messages show it (the path given on the command line)."""
    kind: Kind
    text: str
    """The article's own text: paragraphs separated by blank lines, no menus, footers or link lists."""
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    """When the article was published, as its page or document says."""
    language: str | None = None
    """As the page declares it (``<html lang>``, the PDF's /Lang), e.g. ``en`` or ``en-GB``."""
    url: str | None = None
    """Where the page was saved from (canonical link, og:url or the browser's 'saved from' note)."""
    file_name: str = ""
    """The input's own file name, for a name when the article has no title."""
