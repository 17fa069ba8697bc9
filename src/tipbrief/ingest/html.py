"""Saved web pages: the article's own text with trafilatura, its metadata, its date with htmldate."""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import TYPE_CHECKING

from tipbrief.common.errors import InputError
from tipbrief.ingest.model import ImportedArticle
from tipbrief.ingest.text import article_paragraphs, has_prose, join_paragraphs

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Chrome and Internet Explorer write this first when saving a page ("Mark of the Web").
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(?P<url>https?://[^\s>]+?)\s*-->", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*(?P<enc>[A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def decode_page(raw: bytes) -> str:
    """The page's text: from its byte-order mark, else its <meta charset>, else UTF-8, else Windows-1252
    (what browsers assume for a page that declares nothing and is not UTF-8)."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace")
    declared = _META_CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group("enc").decode("ascii"), errors="replace")
        except LookupError:
            pass  # an unknown encoding name: guess as if none were declared
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def parse_tree(text: str) -> HtmlElement:
    """The page as a tree, parsed so that nothing in it reaches outside: no network, no entities from
    a DTD (lxml's HTML parser never loads one), comments and processing instructions kept out."""
    import lxml.html

    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, default_doctype=False
    )
    # lxml refuses a str that declares its encoding; the bytes were decoded already.
    return lxml.html.document_fromstring(_XML_DECLARATION.sub("", text) or "<html></html>", parser=parser)


def _first(tree: HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            found = " ".join(str(value).split())
            if found:
                return found
    return None


def page_url(raw: bytes, tree: HtmlElement) -> str | None:
    """Where the page was saved from: its canonical link, its og:url, or the browser's note."""
    url = _first(
        tree,
        (
            "//head/link[@rel='canonical']/@href",
            "//head/meta[@property='og:url']/@content",
            "//head/meta[@name='twitter:url']/@content",
        ),
    )
    if url and re.match(r"https?://\S+$", url):
        return url
    saved = _SAVED_FROM.search(raw[:2048])
    return saved.group("url").decode("ascii", errors="replace") if saved else None


def page_language(tree: HtmlElement) -> str | None:
    """The language the page declares (``<html lang>``, else content-language), as a BCP 47 tag."""
    lang = _first(
        tree,
        (
            "/html/@lang",
            "/html/@xml:lang",
            "//head/meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
            "='content-language']/@content",
            "//head/meta[@property='og:locale']/@content",
        ),
    )
    if not lang or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", lang):
        return None
    primary, *rest = lang.replace("_", "-").split("-")
    return "-".join([primary.lower(), *(r.upper() if len(r) == 2 else r for r in rest)])


def page_date(tree: HtmlElement, url: str | None) -> date | None:
    """When the article was first published, by htmldate: its markup (<meta>, <time>, JSON-LD),
    then its URL, then dates in its text; the original date rather than the last update."""
    import htmldate

    # A tree, never a string: htmldate downloads a string that looks like a URL.
    found = htmldate.find_date(
        copy.deepcopy(tree), url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d"
    )
    return date.fromisoformat(found) if found else None


def parse_html(raw: bytes, source: str, file_name: str = "") -> ImportedArticle:
    """Pure: a saved page's bytes → its article. InputError when no article can be found in it."""
    import trafilatura

    tree = parse_tree(decode_page(raw))
    url = page_url(raw, tree)
    # A tree again (trafilatura's loader would accept more), and a copy: extraction prunes it.
    found = trafilatura.bare_extraction(
        copy.deepcopy(tree),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    # A trafilatura Document (a dict only when asked for with as_dict).
    document = None if found is None or isinstance(found, dict) else found
    title = _clean(document.title) if document is not None else None
    lines = document.text.split("\n") if document is not None and document.text else []
    kept = article_paragraphs(lines, title)
    # trafilatura falls back on whatever text a page has; a front page's is headlines and menus.
    text = join_paragraphs(kept) if has_prose(kept) else ""
    if document is None or not text:
        raise InputError(
            [
                f"{source}:1:1: no article found in the page (only navigation, links or too little text); "
                "save the article's own page, not a front page or a list of links"
            ]
        )
    return ImportedArticle(
        source=source,
        kind="html",
        text=text,
        title=title,
        outlet=_clean(document.sitename),
        author=_clean(document.author),
        published=page_date(tree, url),
        language=page_language(tree),
        url=url,
        file_name=file_name,
    )


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
