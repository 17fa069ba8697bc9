"""Article text as the corpus reads it: one paragraph a block, blank lines between, spaces folded."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
