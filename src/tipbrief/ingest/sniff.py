"""What an input is, from its first bytes: a PDF, an HTML page, or neither (whatever its suffix says)."""

from __future__ import annotations

import re

from tipbrief.ingest.model import Kind

# A PDF may have a few bytes of junk before its header; readers look within the first kilobyte.
_PDF_HEADER = re.compile(rb"%PDF-\d")
# The opening of an HTML document, after an optional byte-order mark, white space and comments
# (browsers put "<!-- saved from url=... -->" first). Any of these tags says HTML.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def sniff(raw: bytes) -> Kind | None:
    """``pdf``, ``html`` or None, from the content alone."""
    if _PDF_HEADER.search(raw[:1024]):
        return "pdf"
    head = raw[:4096]
    if head.startswith(_UTF16_BOMS):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    if _HTML_START.match(head):
        return "html"
    return None
