"""Case-folded word sets: a quick necessary test before a case-insensitive regex runs on a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Trigger:
    """Words or phrases that trigger a rule, matched whole and ignoring case.

    Most sentences hold none of them, and a scan of the sentence's set of words rules that out far
    faster than the regex can: the regex runs only when the last word of some phrase is there.
    """

    pattern: re.Pattern[str]
    words: frozenset[str]

    def search(self, text: str, words: frozenset[str]) -> re.Match[str] | None:
        return None if self.words.isdisjoint(words) else self.pattern.search(text)

    def finditer(self, text: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
        return iter(()) if self.words.isdisjoint(words) else self.pattern.finditer(text)


def trigger(*phrases: str, group: str | None = None) -> Trigger:
    alternatives = "|".join(re.escape(p) for p in phrases)
    named = f"?P<{group}>" if group else "?:"
    pattern = re.compile(rf"\b({named}{alternatives})\b", re.IGNORECASE)
    return Trigger(pattern, frozenset(word_set(p)[-1] for p in phrases))


# The regex module folds a few letters to ASCII that str.casefold leaves alone (dotless ı, and the
# dot that casefold adds to İ): fold them too, so that the word set never misses what a regex with
# IGNORECASE would match.
_FOLD_FIXES = {0x131: "i", 0x307: None}
_WORD_RUN = re.compile(r"\w+")


def word_set(text: str) -> list[str]:
    """The text's runs of word characters, case-folded, in order."""
    return _WORD_RUN.findall(text.casefold().translate(_FOLD_FIXES))


@lru_cache(maxsize=4096)  # several rules ask about the same sentence
def sentence_words(text: str) -> frozenset[str]:
    return frozenset(word_set(text))
