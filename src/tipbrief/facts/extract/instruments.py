"""Instruments (conventions, declarations, work plans) an article names, matched to reference rows."""

from __future__ import annotations

import re
from functools import lru_cache

from tipbrief.facts.corpus import MONTH_RE
from tipbrief.facts.extract.patterns import (
    _ADOPTION_VERB,
    _CLAUSE_END,
    _GAP_BEFORE_VERB,
    _INSTRUMENT_COMMON,
    _INSTRUMENT_COMMON_HEADS,
    _INSTRUMENT_HEAD,
    _INSTRUMENT_HEADS,
    _INSTRUMENT_NAME,
    LAW_HEAD,
    WEEKDAY_RE,
)
from tipbrief.facts.extract.records import _Context
from tipbrief.facts.extract.sentences import _clean_title, _first_sentence_cap
from tipbrief.facts.gazetteer import Gazetteer
from tipbrief.facts.model import Span
from tipbrief.facts.reference import Row

# A law, bill or act named by its capitalised words and its year ("the Anti-Trafficking in Persons and
# Anti-Smuggling of Migrants (Amendment) Bill 2022"), by its number ("Republic Act No. 10364"), or
# "Law on …" with what it is on.
_DECREE_NAME = (
    r"(?P<decree>(?:Decision|Decree|Directive|(?:Presidential|Government|Ministerial)\s+Regulation"
    r"(?:\s+\((?:Perpres|PP|Permen)\))?)\s+No\.\s*\d+(?:/(?:19|20)\d\d)?(?:/[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*)?"
    r"(?:\s+of\s+(?:19|20)\d\d)?)"
)
_A_DATE = rf"{WEEKDAY_RE}|{MONTH_RE}|\d+"
_LAW_NAME = re.compile(
    # ("Executive Order 74, signed in November last year, banned offshore gaming": a president's
    # order, numbered as a law is.)
    r"(?P<name>(?P<numbered>(?:Republic\s+Act|Executive\s+Order)\s+(?:No\.\s*)?\d+|"
    # ("Law No. 66/2011/QH12", "Law No. 21/2007": the year, and the legislature's term, in the number.)
    r"Law\s+No\.\s*\d+(?:\s+of\s+(?:19|20)\d\d|/(?:19|20)\d\d(?:/[A-Z]+\d*)?)?|"
    # ("Decision No. 1427/QD-TTg", "Decree No. 62/2012/ND-CP", "Presidential Regulation (Perpres)
    # No. 49 of 2023": a government's instrument, named by its number as a law is.)
    rf"{_DECREE_NAME})"
    # ("the Anti Trafficking in Persons Law enacted in September 2005": a name that ends in "Law".)
    r"|(?:[A-Z][\w'’-]*\s+(?:(?:in|of|on|for|against|and|to)\s+)?(?:\([A-Z][\w ]*\)\s+)?){1,10}?"
    # (Not "Law on …", a name that goes on; but "… Law on Tuesday" ends before the day.)
    rf"(?:Act|Bill|Law(?!\s+No\b)(?!\s+on\s+(?!(?:{_A_DATE})\b)))"
    r"(?:,?\s+(?:of\s+)?(?:19|20)\d\d)?"
    # ("the Law on Prevention, Suppression of Human Trafficking": a comma before another act it is on.)
    rf"|Law\s+on\s+(?!(?:{_A_DATE})\b)(?:the\s+)?[A-Z][\w'’-]*"
    rf"(?:(?:\s+(?:(?:and|of|on|in|the|against|for)\s+)*|,\s+(?=[A-Z][a-z]+(?:ion|ment)\b))(?!(?:{_A_DATE})\b)[A-Z][\w'’-]*)*)\b"
)
# What a law's name must be about to be one this product follows.
_LAW_TOPIC = re.compile(r"Traffick|Smuggl|Forced Labou?r|Exploitation|Migrant|Slavery", re.IGNORECASE)


def _overlaps_found(found: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a name already found (the first found keeps its words)."""
    return any(s <= start < e or start <= s < end for s, e, _ in found)


def _extract_instruments(ctx: _Context) -> tuple[tuple[Span, str], ...]:
    out = []
    for s in ctx.sentences:
        for start, end, name in _instrument_names(ctx, s.text):
            row = _instrument_row(ctx.gaz, name)
            out.append(
                (s.span(ctx.doc, ctx.original, start, end), row.get("name") if row else _clean_title(name))
            )
    return tuple(out)


def _instrument_names(ctx: _Context, text: str) -> list[tuple[int, int, str]]:
    """Instruments named in a sentence: known ones by reference name, others by their shape."""
    # Asked once the glossary is complete, so the answer for a text holds for the whole article.
    known = ctx.instrument_names.get(text)
    if known is None:
        known = ctx.instrument_names[text] = _find_instrument_names(ctx, text)
    return known


_ABOUT_ANOTHER = re.compile(
    r"\b(?:declaration|statement|report|communiqu[eé]|decision|resolution)\s+(?:on|of)\s+(?:the\s+)?"
    r"(?:blueprint|draft(?:ing)?|elements|drafting|review)\s+(?:of|for)\s+(?:the\s+|an?\s+)?$"
    # ("the leaders' declaration launching work on an ASEAN Charter, to be signed on the opening day":
    # the declaration is signed; the Charter it sets out to make is not yet.)
    r"|\b(?:declaration|statement|communiqu[eé]|decision|resolution)\s+(?:launching|starting|beginning|"
    r"opening|calling\s+for|paving\s+the\s+way\s+(?:for|to)|towards|to\s+(?:establish|draft|start))\s+"
    r"(?:(?:work|talks|negotiations)\s+(?:on|towards|for)\s+)?(?:the\s+|an?\s+)?$"
)


# The depositary an instrument is deposited with, after its name.
_WITH_DEPOSITARY = re.compile(
    r"\s+with\s+(?:the\s+)?(?:United\s+Nations|UN|ASEAN|ILO|International\s+Labour|Secretary[- ]General"
    r"|Director[- ]General)\b.*$"
)


def _find_instrument_names(ctx: _Context, text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    folded = text.casefold()
    for start, end, row in ctx.gaz.instruments.find(text):
        # "the 2004 ASEAN Declaration against Trafficking in Persons Particularly Women and Children":
        # a shorter form first, and a longer one of the same instrument inside it: the name runs on.
        for form in (row.get("name"), *filter(None, row.get("aliases").split(";"))):
            at = folded.find(form.casefold(), start, end + len(form))
            if start <= at < end and at + len(form) > end:
                end = at + len(form)
        found.append((start, end, row.get("name")))
    # "the bloc's convention against human trafficking", "ASEAN's own convention against trafficking",
    # "The ASEAN convention against human trafficking": ASEAN's own, described as a regional one is.
    if "onvention against" in text or "rafficking convention" in text:
        # ("When ASEAN leaders put their names to the regional convention against trafficking in
        # persons at their summit": regional, in a sentence on ASEAN, is ASEAN's own.)
        regional = _REGIONAL_CONVENTION.finditer(text) if "ASEAN" in text else iter(())
        for m in (*_ASEAN_OWN_CONVENTION.finditer(text), *regional):
            if not _overlaps_found(found, m.start("name"), m.end("name")):
                found.append((m.start("name"), m.end("name"), "regional convention against trafficking"))
    # "The Council of Europe convention that GRETA monitors", "the Council of Europe's convention, in
    # force since 2008": a body's convention named by the body alone, when the reference rows hold
    # exactly one convention whose name opens with it.
    if "onvention" in text:
        for m in _BODY_CONVENTION.finditer(text):
            if _overlaps_found(found, m.start("name"), m.end("name")):
                continue
            body = m.group("body")
            rows = [
                r
                for r in ctx.gaz.reference.rows("instruments")
                if r.get("name").startswith(body + " Convention")
            ]
            if len(rows) == 1:
                found.append((m.start("name"), m.end("name"), rows[0].get("name")))
    # The shapes need a head noun ("Declaration", "plan of action"): most sentences have none.
    shaped = _INSTRUMENT_NAME.finditer(text) if any(h in text for h in _INSTRUMENT_HEADS) else ()
    for m in shaped:
        # "the Kuala Lumpur Declaration on the Establishment of the ASEAN Charter": a known name
        # after the head of a longer one is its complement; the longer name is the instrument.
        head = re.search(_INSTRUMENT_HEAD, m.group())
        inner = [f for f in found if m.start() <= f[0] and f[1] <= m.end()]
        if head and inner and all(m.start() + head.end() <= f[0] for f in inner):
            found = [f for f in found if f not in inner]
        if _overlaps_found(found, m.start(), m.end()):
            continue
        if _VENUE_AFTER.match(text, m.end()):
            continue  # "the Kuala Lumpur Convention Centre": a building
        name = m.group("name").strip()
        end = m.end()
        # ("adopted a Declaration on … Migrant Workers in Cebu in January 2007": when, and then where,
        # are no part of the name either.)
        when = re.search(
            rf"\s+(?:in|on)\s+(?:[0-3]?\d\s+)?(?:{MONTH_RE})\.?(?:\s+[0-3]?\d)?,?\s+(?:19|20)\d\d$", name
        )
        if when is not None:
            end -= len(name) - when.start()
            name = name[: when.start()]
        # ("deposited the convention and the Protocol with the United Nations on the same day": with
        # whom it was deposited, not part of the name.)
        depositary = _WITH_DEPOSITARY.search(name)
        if depositary is not None:
            end -= len(name) - depositary.start()
            name = name[: depositary.start()]
        # ("signed the Convention in Kuala Lumpur last November", "… the Convention in Kuala Lumpur.":
        # where, not part of the name.)
        where = next(
            (
                w
                for w in re.finditer(r"\s+in\s+(?P<at>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\.?$", name)
                if ctx.gaz.place_row(w.group("at")) is not None
            ),
            None,
        )
        if where is not None:
            end -= len(name) - where.start()
            name = name[: where.start()]
        if len(name.split()) >= 2:
            found.append((m.start(), end, name))
    common = _INSTRUMENT_COMMON.finditer(text) if any(h in text for h in _INSTRUMENT_COMMON_HEADS) else ()
    for m in common:
        if _overlaps_found(found, m.start("name"), m.end()):
            continue
        found.append((m.start("name"), m.end("name"), _first_sentence_cap(m.group("name").strip())))
    # "Thailand and Burma signed a memorandum of understanding in Naypyidaw on Friday": a memorandum
    # named by its kind alone, which its signatories identify (acts: none named, no act).
    if "emorandum" in text or "MoU" in text or "MOU" in text:
        for m in _BARE_MEMORANDUM.finditer(text):
            g = bare_memorandum_group(m)
            if not _overlaps_found(found, m.start(g), m.end(g)):
                found.append((m.start(g), m.end(g), m.group(g)))
    # "The convention, which leaders signed last November", "the Treaty enters into force", "signed
    # the charter", "adopted the work plan", "signed the Consensus in Manila": a bare
    # head noun, which names the article's one instrument of that kind (see acts._common_instrument).
    if any(
        h in text for h in ("onvention", "reaty", "harter", "ork plan", "ork Plan", "rotocol", "Consensus")
    ):
        for m in _BARE_INSTRUMENT.finditer(text):
            if not _overlaps_found(found, m.start("name"), m.end()):
                found.append((m.start("name"), m.end("name"), m.group("name")))
    # "leaders adopted a regional plan of action on the elimination of violence against children": an
    # instrument described in lower case, by what it is on (which recorded one, acts.py decides).
    if any(h in text for h in ("plan of action", "action plan", "declaration on", "declaration against")):
        for m in _DESCRIBED_LOWER.finditer(text):
            if not _overlaps_found(found, m.start("name"), m.end("name")):
                # (Told as ASEAN's own, or its first: see acts._described_instrument.)
                own = "ASEAN " if m.group("own") or m.group("asean") else ""
                first = "first " if m.group("first") else ""
                found.append((m.start("name"), m.end("name"), first + own + m.group("name")))
    # "adopted declarations on the protection of migrant workers … and on the placement and protection
    # of migrant fishers": two instruments, each named by its own subject.
    if "eclarations" in text:
        for m in _TWO_DESCRIBED.finditer(text):
            for part in ("a", "b"):
                if not any(s <= m.start(part) < e for s, e, _ in found):
                    found.append((m.start(part), m.end(part), f"Declaration {m.group(part)}"))
    # A national law on trafficking, by its name ("the Expanded Anti-Trafficking in Persons Act of
    # 2012", "Republic Act No. 10364", "the Law on Prevention and Suppression of Human Trafficking").
    if "Act" in text or "Law" in text or "Bill" in text or "Executive Order" in text or "No." in text:
        for m in _LAW_NAME.finditer(text):
            name = m.group("name")
            if not _overlaps_found(found, m.start("name"), m.end("name")) and _named_law(text, m):
                # ("the Expanded Anti-Trafficking in Persons Act of 2012, Republic Act No. 10364": the
                # number in apposition is the same law.)
                # ("Republic Act 11862, the Expanded Anti-Trafficking in Persons Act of 2022": so is
                # the name in apposition to the number.)
                # ("the Law on … (Law No. 66/2011/QH12)": so is the number in brackets.)
                apposed = any(
                    LAW_HEAD.search(n) and re.fullmatch(r",\s*(?:the\s+)?|\s*\(", text[e : m.start("name")])
                    for _, e, n in found
                )
                if not apposed:
                    found.append((m.start("name"), m.end("name"), name))
    # "1 March 2015 - The Act comes into force", "The law takes effect on 1 July": the one law the
    # article names by its name.
    if ("Act" in text or "aw" in text or "ill" in text) and _BARE_LAW.search(text):
        laws = _article_laws(ctx)
        bills = [n for n in laws if re.search(r"\bBill\b", n)]
        for m in _BARE_LAW.finditer(text):
            word = next(g for g in ("name", "object", "subject", "opening", "possessive") if m.group(g))
            # ("the Bill": the one bill the article names, whatever acts it names besides.)
            which = bills if m.group(word) in ("Bill", "bill") else laws
            if len(which) == 1 and not _overlaps_found(found, m.start(word), m.end(word)):
                found.append((m.start(word), m.end(word), which[0]))
    # An acronym defined in this article for an instrument ("ACTIP") names it too.
    for short, long in ctx.glossary.items():
        if short in text and re.search(_INSTRUMENT_HEAD, long):
            for m in re.finditer(rf"\b{re.escape(short)}\b", text):
                if not any(s <= m.start() < e for s, e, _ in found):
                    known = ctx.gaz.instruments.find(long)
                    found.append((m.start(), m.end(), known[0][2].get("name") if known else long))
    # "adopted a new protocol to the Forced Labour Convention": what is acted on is the protocol,
    # another instrument than the one it adds to.
    found = [_protocol_to(text, f) for f in found]
    # "signed a declaration on the blueprint of an ASEAN Charter": what another document is about,
    # not the instrument acted on.
    return sorted(f for f in found if not _ABOUT_ANOTHER.search(text, max(0, f[0] - 80), f[0]))


_BODY_CONVENTION = re.compile(
    r"(?P<name>(?P<body>(?!The\b)[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,3})(?:['’]s)?\s+(?:new\s+|own\s+)?"
    r"[Cc]onvention)\b(?!\s+(?:on|of|against|for|to|in)\b)(?![’'-])"
)
_PROTOCOL_BEFORE = re.compile(r"\bprotocols?\s+(?:of\s+(?:19|20)\d\d\s+)?to\s+(?:the\s+)?$")


def _protocol_to(text: str, f: tuple[int, int, str]) -> tuple[int, int, str]:
    """A protocol told in small letters before the instrument it adds to, named as the protocol."""
    m = _PROTOCOL_BEFORE.search(text, max(0, f[0] - 40), f[0])
    if m is None:
        return f
    return (m.start(), f[1], "Protocol to the " + re.sub(r"^(?:the|The)\s+", "", f[2]))


# Only for its entry into force: "the law adopted by the 12th National Assembly in 2011", in a story
# on the amended law of the same name, is another law.
_BARE_LAW = re.compile(
    # ("The law, with eight chapters and 58 articles, will take effect": past an aside.)
    r"\b[Tt]he\s+(?:new\s+)?(?P<name>Act|[Ll]aw)(?:,[^,;.]{1,80},)?\s+(?:(?:will|would|shall)\s+)?"
    r"(?:comes?|came|enters?|entered|takes?|took)\s+(?:into\s+(?:force|effect)|effect)\b"
    # ("The Dewan Rakyat approved the Bill on July 15", "The Bill was passed by the Senate": the
    # bill a house votes on.)
    r"|\b(?:approved|passed|adopted)\s+the\s+(?:(?:new|amended|amendment|[\w-]+-article)\s+)?(?P<object>Bill|bill|[Ll]aw)\b"
    r"|\b[Tt]he\s+(?P<subject>Bill|bill)\s+(?:was|had\s+been|has\s+been)\s+(?:approved|passed|adopted)\b"
    # ("The revised law, with eight chapters …, replaces …. It will take effect on July 1": the
    # sentence's subject, which "It" in the next one stands for.)
    r"|^The\s+(?:new\s+|revised\s+|amended\s+)?(?P<opening>law)\b(?=,)"
    # ("Singapore's first dedicated law against human trafficking comes into force today": a country's
    # first or new law, as the article names it elsewhere.)
    r"|\b[A-Z][a-z]+['’]s\s+(?:first|new)\s+(?:(?:dedicated|comprehensive|anti-trafficking)\s+)*(?P<possessive>law"
    r"(?:\s+(?:against|on)\s+(?:human\s+|people\s+)?trafficking(?:\s+in\s+persons)?)?)"
    r"\s+(?:(?:will|would|shall)\s+)?(?:comes?|came|enters?|entered|takes?|took)\s+(?:into\s+(?:force|effect)|effect)\b"
)


_ITS_OWN_ACT = re.compile(r",?\s+(?:signed|issued|dated|adopted|approved|promulgated)\b")


def _named_law(text: str, m: re.Match[str]) -> bool:
    """A law's name this product follows: numbered, or about trafficking; not the means of another
    act ("which Indonesia ratified through Law No. 12 of 2017")."""
    means = re.search(r"\b(?:through|via|under|by|with)\s+(?:the\s+)?$", text[: m.start("name")])
    # ("under Decision No. 793/QD-TTg signed by the Prime Minister on 10/5/2016": the means, with its
    # own act told right after it.)
    if means and m.group("decree") and _ITS_OWN_ACT.match(text, m.end("name")):
        means = None
    # ("A revised Anti-Trafficking in Persons Law is expected to be approved": a draft under the old
    # law's name, not the law that name has meant so far. Not "adopted a new Law on …", enacted.)
    fresh = re.search(r"\b(?:[Aa]|[Aa]nother)\s+(?:new\s+)?(?:revised|draft)\s+$", text[: m.start("name")])
    # (A government's numbered decision or decree is followed only in a sentence on trafficking:
    # "Decision No. 1427/QD-TTg …, approving the national action programme against human
    # trafficking crimes".)
    if m.group("decree") and not _LAW_TOPIC.search(text):
        return False
    return bool(m.group("numbered") or _LAW_TOPIC.search(m.group("name"))) and not means and not fresh


def _article_laws(ctx: _Context) -> tuple[str, ...]:
    """The laws the article names by their names (asked once)."""
    if ctx.article_laws is None:
        names = (
            m.group("name")
            for s in ctx.sentences
            for m in _LAW_NAME.finditer(s.text)
            if _named_law(s.text, m)
        )
        ctx.article_laws = tuple(dict.fromkeys(names))
    return ctx.article_laws


_DESCRIBED_LOWER = re.compile(
    # ("The bloc adopted a separate declaration against trafficking in persons in 2004")
    # ("The bloc's first declaration against trafficking in persons", "ASEAN's first declaration …", "a
    # non-binding ASEAN declaration against trafficking": ASEAN's own, the first of them.)
    r"\b(?:a|the|(?P<own>(?:[Tt]he\s+)?(?:bloc|grouping|association)['’]s|ASEAN['’]s))\s+(?P<first>first\s+)?"
    r"(?:(?:regional|new|separate|landmark|non-binding)\s+)*(?P<asean>ASEAN\s+)?"
    r"(?P<name>(?:plan of action|action plan|declaration)\s+(?:on|against)\s+(?:the\s+)?[a-z][a-z -]{3,80}?)"
    # ("… against trafficking in persons was adopted": "in persons" is what it is against; "…
    # against trafficking adopted in Vientiane": the participle after it is not.)
    r"(?=\s+(?:and|in(?!\s+(?:persons|human)\b)|at|on|with|which|that|by|for|was|were|is|are"
    r"|adopted|signed|endorsed|issued)\b|\s*[,;.()]|$)"
)
_TWO_DESCRIBED = re.compile(
    r"\b[Dd]eclarations\s+(?P<a>on\s+[^,;.()]{5,120}?)\s+and\s+(?P<b>on\s+[^,;.()]{5,120}?)(?=\s*(?:[,;.]|$))"
)
_VENUE_AFTER = re.compile(r"\s+(?:Centre|Center|Hall|Hotel|Building|Complex)\b")
# ("the Convention on …" is a name; "the work plan on Monday" is not.)
_BARE_INSTRUMENT = re.compile(
    # ("the grouping's first charter", "the bloc's new charter": the group's own, of that kind.)
    r"\b(?:[Tt]he|[Tt]he\s+(?:grouping|bloc|association|region)['’]s(?:\s+(?:first|new|landmark))?)\s+"
    # ("the regional trafficking convention", "the regional anti-trafficking treaty": what it is on.)
    r"(?P<name>(?:regional\s+(?:anti-)?(?:human\s+|people\s+)?trafficking\s+)?"
    r"(?:[Cc]onvention|[Tt]reaty|[Cc]harter|[Ww]ork [Pp]lan|[Pp]rotocol|Consensus))\b"
    # ("signed the convention on Nov. 21, 2015": a date, not what the convention is on.)
    # ("signed the convention in Kuala Lumpur in November 2015": where, not what it is in.)
    rf"(?!\s+(?:on|of|against|to|for|in)\b(?!\s+(?:{WEEKDAY_RE}|\d|{MONTH_RE}\b)"
    r"|(?<=\sin)\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:[,.;]|\s+(?:in|on|last|this|at)\b)))"
    r"(?![’'-])"
)
_ASEAN_OWN_CONVENTION = re.compile(
    r"\b(?:[Tt]he\s+ASEAN|ASEAN['’]s(?:\s+own)?|[Tt]he\s+(?:bloc|grouping|association|region)['’]s(?:\s+own)?"
    # ("ASEAN leaders signed their own trafficking convention": the leaders' own, where the
    # sentence names them.)
    r"|(?<=ASEAN\sleaders\ssigned\s)their\s+own"
    # ("handed over its ratification of a Southeast Asian convention against human trafficking": the
    # region's, and so ASEAN's, the one there is.)
    r"|\b(?:[Aa]|[Tt]he)\s+South-?\s?[Ee]ast\s+Asian)\s+"
    # ("the grouping's binding convention", "ASEAN's trafficking convention": what it is, or is on.)
    r"(?:(?:legally\s+)?binding\s+|landmark\s+|regional\s+)?"
    r"(?P<name>convention\s+against\s+(?:human\s+|people\s+)?trafficking(?:\s+in\s+persons)?"
    r"|(?:anti-)?(?:human\s+|people\s+)?trafficking\s+convention)\b"
)
# ("A day after ASEAN leaders signed the convention against trafficking": the one ASEAN has.)
_REGIONAL_CONVENTION = re.compile(
    r"\b[Tt]he\s+(?:regional\s+)?(?P<name>convention\s+against\s+(?:human\s+|people\s+)?trafficking"
    r"(?:\s+in\s+persons)?)\b(?!\s+(?:adopted|opened|of|by)\b)"
)
PARTY_NOUNS = r"(?:countries|sides|governments|nations)"
"""What the signatories of a bilateral instrument are called as a subject ("the two countries")."""
_BARE_MEMORANDUM = re.compile(
    # ("an anti-trafficking memorandum of understanding in 2009")
    r"(?:\b(?:[Aa]n?|[Tt]heir)\s+(?:(?:new|first|bilateral|landmark|anti-trafficking)\s+)?"
    # ("COMMIT AT A GLANCE … - Memorandum of Understanding signed in Yangon on 29 October 2004": a
    # fact box's entry, no article before it.)
    r"|^[\s*•·-]*)"
    r"(?P<name>[Mm]emorandum of [Uu]nderstanding|MoU|MOU)(?:\s+\((?:MoU|MOU)\))?"
    # (Where and when it was signed follow, not what it is on: "on" a topic is _INSTRUMENT_COMMON's.)
    r"(?=\s+(?:in\s+(?:[A-Z]|\d{4}\b)|(?:a|one|two|three|\d+)\s+(?:decades?|years?)\s+ago\b"
    rf"|on\s+(?:{WEEKDAY_RE}|{MONTH_RE})\b|at\s+(?:the\s+)?[A-Z]|during\b|here\b"
    r"|yesterday\b|today\b|last\b|this\b|with\s+(?:the\s+)?[A-Z]|signed\b)|\s*[,.;]|\s*$)"
    # ("under the bilateral memorandum of understanding the two countries signed in 2005": "the"
    # one that its signatories, the subject of the clause after it, signed.)
    r"|\b[Tt]he\s+(?:bilateral\s+)?(?P<signed>[Mm]emorandum of [Uu]nderstanding|MoU|MOU)"
    rf"(?=\s+(?:the|both)\s+(?:[\w-]+\s+){{0,2}}{PARTY_NOUNS}\s+(?:had\s+)?signed\b)"
)


def bare_memorandum_group(m: re.Match[str]) -> str:
    """The group of a _BARE_MEMORANDUM match that holds the memorandum's words."""
    return "name" if m.group("name") else "signed"


_NAME_NOISE = {"the", "asean", "leaders", "of", "on", "in", "and", "a", "an", "s"}


@lru_cache(maxsize=4096)  # every unknown instrument name is compared with every reference alias
def _content_words(name: str) -> frozenset[str]:
    name = re.sub(r"\([A-Z][A-Za-z&-]{1,11}\)", " ", name)
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w not in _NAME_NOISE)


def _instrument_row(gaz: Gazetteer, name: str) -> Row | None:
    """The reference row an instrument name denotes: by exact name or alias, else by the same
    content words (articles drop "ASEAN Leaders'" or insert "(TIP)")."""
    found = gaz.instruments.find(name)
    head = re.search(_INSTRUMENT_HEAD, name)
    # "the Kuala Lumpur Declaration on the Establishment of the ASEAN Charter" is a declaration:
    # a known name after its head is what it is about, not what it is.
    found = tuple(f for f in found if head is None or f[0] <= head.start())
    if found:
        return found[0][2]
    words = _content_words(name)
    if len(words) < 3:
        return None
    for row in gaz.reference.rows("instruments"):
        for alias in row.names("name", "aliases"):
            other = _content_words(alias)
            if other and len(words & other) / len(words | other) >= 0.85:
                return row
    return None


def _adopted_instruments(ctx: _Context, text: str, words: frozenset[str]) -> list[tuple[int, int, str]]:
    """Instruments that an adoption verb governs: the ones listed right after it ("the adoption of
    X, Y and Z during …") or named right before it ("X, which was signed …", "X and Y will be adopted")."""
    names = _instrument_names(ctx, text)
    picked: dict[tuple[int, int], tuple[int, int, str]] = {}
    for verb in _ADOPTION_VERB.finditer(text, words):
        limit = next(
            (
                m.start()
                for m in _CLAUSE_END.finditer(text, verb.end())
                if not any(a <= m.start() < b for a, b, _ in names)
            ),
            len(text),
        )
        for item in names:
            if verb.end() <= item[0] < limit and item[0] - verb.end() <= 250:
                picked[item[:2]] = item
        for i, item in enumerate(names):
            if item[1] > verb.start() or verb.start() - item[1] > 160:
                continue
            gap = re.sub(r"\([A-Z][A-Za-z&-]{1,11}\)", " ", text[item[1] : verb.start()])
            for other in names[i + 1 :]:
                if other[1] <= verb.start():
                    gap = gap.replace(text[other[0] : other[1]], " ")
            gap = re.sub(r"\b[A-Z]{2,10}\b", " ", gap)
            if _GAP_BEFORE_VERB.match(gap):
                picked[item[:2]] = item
    return [picked[k] for k in sorted(picked)]
