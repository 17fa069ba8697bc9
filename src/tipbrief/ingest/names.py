"""File names for imported articles: from the title or the input's name, safe on every system."""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 80
"""Long enough to tell articles apart, short enough for any file system with room for a suffix."""
# Windows refuses these names whatever their suffix.
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
_WORDS = re.compile(r"[a-z0-9]+")


def safe_name(text: str) -> str:
    """'ASEAN workshop: Việt Nam's victims' → 'asean-workshop-viet-nam-s-victims'.

    Lower-case ASCII letters, digits and hyphens only: the same name on Linux, macOS and Windows,
    case-insensitive file systems included, and nothing a shell or a URL needs to quote. Empty when
    the text has no letter or digit that ASCII can spell.
    """
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    name = "-".join(_WORDS.findall(ascii_text))
    if len(name) > MAX_NAME:
        cut = name[:MAX_NAME]
        name = cut.rsplit("-", 1)[0] if "-" in cut else cut
    if name in _RESERVED:
        name += "-article"
    return name


def article_name(title: str | None, file_name: str) -> str:
    """The name of an article's files: from its title, else from the input's name, else 'article'."""
    stem = re.sub(r"\.(?:html?|xhtml|pdf)$", "", file_name, flags=re.IGNORECASE)
    return safe_name(title or "") or safe_name(stem) or "article"
