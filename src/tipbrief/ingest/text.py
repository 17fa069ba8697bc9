"""Article text as the corpus reads it: one paragraph a block, blank lines between, spaces folded."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tipbrief.ingest.dates import first_full_date

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs with their runs of spaces folded, blank lines between, one newline at the end;
    empty paragraphs dropped. The same article gives the same bytes whichever way it came in."""
    kept = [" ".join(_SPACES.sub(" ", p).split()) for p in paragraphs]
    text = "\n\n".join(p for p in kept if p)
    return text + "\n" if text else ""


MAX_ARTICLE_BYTES = 1024 * 1024
"""The corpus skips articles bigger than this (facts.corpus.MAX_ARTICLE_BYTES, which this stage may
not import): an import must not write one that the fact base would then leave out."""


# Where the article's text starts: its title, and the kicker or label above it, come off; so do the
# lines that only date it ("Posted on 21 November 2017"): the sidecar holds both.
_LEADING = 4
_DATE_LINE_CHARS = 60


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def article_paragraphs(paragraphs: Sequence[str], title: str | None) -> list[str]:
    """The paragraphs of the article proper: what stands up to its title (among the first few) and
    the lines that only date it are left out, and the title wherever it is repeated."""
    kept = [p for p in paragraphs if p.strip()]
    if title:
        at = next((i for i, p in enumerate(kept[:_LEADING]) if _same(p, title)), None)
        if at is not None:
            kept = kept[at + 1 :]
        kept = [p for p in kept if not _same(p, title)]
    while (
        kept
        and len(kept[0]) <= _DATE_LINE_CHARS
        and first_full_date(kept[0])
        and not re.search(r"[.!?]\s*$", kept[0])
    ):
        kept = kept[1:]
    return kept


_SENTENCE = re.compile(r"""[.!?]["”’)]?$""")
MIN_SENTENCE_WORDS = 8


def has_prose(paragraphs: Iterable[str]) -> bool:
    """Whether any paragraph reads as prose (a sentence of some length), as an article's text does
    and a front page's headlines, menus and link lists do not."""
    return any(len(p.split()) >= MIN_SENTENCE_WORDS and _SENTENCE.search(p.strip()) for p in paragraphs)
