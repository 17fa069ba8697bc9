"""Acts on an instrument a sentence reports: its signing or adoption, a country's ratification or
deposit, its entry into force; each with the instrument, the parties and where its verb stands."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from tipbrief.facts.corpus import MONTH_RE
from tipbrief.facts.extract.instruments import (
    _BARE_MEMORANDUM,
    PARTY_NOUNS,
    _content_words,
    _instrument_names,
    _instrument_row,
    bare_memorandum_group,
)
from tipbrief.facts.extract.patterns import (
    _ACT_VERB,
    _CLAUSE_END,
    _INSTRUMENT_HEADS,
    LAW_HEAD,
    ON_ITS_WAY,
    ORDINAL_TOKEN,
    ordinal_value,
)
from tipbrief.facts.extract.records import _Context
from tipbrief.facts.extract.sentences import _clean_title, _norm
from tipbrief.facts.extract.where import dateline_of
from tipbrief.facts.reference import Row, parse_partial
from tipbrief.facts.temporal.expressions import Temporal, extract_temporals
from tipbrief.facts.temporal.intervals import stated_interval

ACT_KINDS = ("signing", "adoption", "ratification", "deposit", "entry-into-force", "endorsement")
"""Kinds of event that are acts on an instrument: their identity is the instrument (and the party)."""
POINT_KINDS = frozenset({*ACT_KINDS, "launch", "publication"})
"""Events of one day: a day the text names dates them, even at a meeting of several."""


# ASEAN adopts a binding instrument by signing it: its adoption and its signing are one act. (An
# "open convention", adopted by the UN's or the Council of Europe's assembly and then opened for
# signature, is bound by signing too, but its adoption is an act of its own: see conclusion_kind.)
_SIGNED_KINDS = frozenset(
    {"convention", "treaty", "agreement", "charter", "protocol", "memorandum", "open convention"}
)
_A_LAW_BEFORE = re.compile(
    r"\b(?:a|an|another)\s+(?:new\s+)?(?:law|bill|decree|act|measure)\s+$", re.IGNORECASE
)
# "the Philippine law against trafficking, in force since 2003": a country's own law, unnamed, takes
# effect; not the instrument the article is about.
_NATIONAL_LAW_BEFORE = re.compile(
    r"\b(?!(?:The|This|That|A|An|It|Its)\b)(?:[A-Z][a-z]+(?:['’]s)?|national|domestic|own)\s+"
    r"(?:anti-trafficking\s+)?(?:law|legislation)\b(?:\s+(?:against|on)\s[^,;()]{0,60})?"
    r"(?:\s*,\s*|\s+)(?:which\s+|that\s+)?(?:(?:has|have|had)\s+)?(?:(?:been|was|is)\s+)?$"
)
_TERMS_OF_FORCE = re.compile(
    r"\s+(?:(?:only|automatically)\s+)?(?:(?:one|two|three|six|twelve|\d+|a|an)\s+(?:days?|months?|years?)"
    r"|on\s+the\s+[\w-]+\s+day)\s+after\b"
)
_SIGNED_HEADS = re.compile(
    r"\b(?:Convention|Treaty|Agreement|Charter|Protocol|Memorandum(?: of Understanding)?|MoU)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Act:
    """One act a verb of a sentence states on one instrument, by one party (or by all)."""

    kind: str
    start: int
    """Where the verb starts in the sentence: the evidence after it, up to the next verb, is its own."""
    end: int
    label: str
    """The instrument's name: the reference row's, else the text's, cleaned."""
    subject: str
    """The reference row's id, else the normalised name."""
    acronym: str
    parties: tuple[str, ...]
    future: bool = False
    """ "enters into force on the 30th day after …": a present tense that states what will happen."""
    counted: bool = False
    """ "after the sixth ratification was deposited": its party only counted, never named, so only
    the reference rows date it (the sentence's dates are another act's); so with a treaty's terms
    ("the Convention takes effect one year after the tenth ratification")."""
    name_at: int = -1
    """Where the instrument's name stands in the sentence (-1: named before it, or not at all)."""
    by: str = ""
    """The upper house that passed a national law ("the Dewan Negara"): a passage of its own."""


class _Lazy:
    """The earlier instruments, looked up only when a sentence points back at one."""

    def __init__(self, get: Callable[[], tuple[Row, ...]]) -> None:
        self._get = get
        self._rows: tuple[Row, ...] | None = None

    @property
    def rows(self) -> tuple[Row, ...]:
        if self._rows is None:
            self._rows = self._get()
        return self._rows

    def __bool__(self) -> bool:
        return bool(self.rows)

    def __getitem__(self, i: int) -> Row:
        return self.rows[i]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


# ("signed the instrument of ratification of the ASEAN Convention …": the ratification, not a
# signing of the convention.)
_RATIFICATION_OBJECT = re.compile(
    r"\s+(?:the\s+|its\s+|their\s+)?(?:(?:bill|law|act|decree|motion|resolution)\s+(?:on|for)\s+(?:the\s+)?"
    r"|instruments?\s+of\s+)?"
    r"(?:ratification|accession)\b",
    re.IGNORECASE,
)


# ("a meeting of ASEAN law officials", "law enforcement agencies": a law that only qualifies who.)
_A_BILL = re.compile(
    r"\b(?:bill|law|decree|sub-decree|resolution|motion|act|amendments?)\b"
    r"(?!\s+(?:officials?|officers?|ministers?|enforcement|enforcers?|firms?|experts?|makers?|students?|schools?))"
)
# "endorsed turning the Treaty on Mutual Legal Assistance into an ASEAN treaty", "approved
# amending the charter": the verb's object is a change to the instrument, which is not the act.
_CHANGE_OBJECT = re.compile(
    r"\s+(?:turning|making|upgrading|elevating|converting|transforming|amending|revising|reviewing"
    r"|extending|expanding|renaming|updating|merging)\s",
    re.IGNORECASE,
)


_DOCUMENT_OBJECT = re.compile(
    r"\s+(?:(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:decree|law|bill|order|sub-decree|resolution"
    # ("signed a decision ratifying the ASEAN Convention …": a head of state's decision.)
    r"|decision)\b"
    r"|(?:[A-Z][a-z]+\s+)?(?:Law|Decree|Act|Order)\s+No\b)"
)


def _verb_kind(verb: str) -> str:
    v = verb.casefold()
    if "force" in v or "effect" in v or "binding" in v or "operation" in v:
        return "entry-into-force"
    if v.startswith(("ratif", "acced", "accession")):
        return "ratification"
    if v.startswith(("deposit", "hand", "lodged", "submitted", "present", "regist")):
        return "deposit"
    if "gazette" in v:
        return "publication"
    return "conclusion"


_MINISTERS_BEFORE = re.compile(
    r"\b(?:ministers|officials|delegates|negotiators)\b[^.;]{0,60}$", re.IGNORECASE
)


def conclusion_kind(row: Row | None, name: str, verb: str = "") -> str:
    """Signing for binding instruments (conventions, treaties, agreements, charters), adoption for
    the rest (declarations, plans, work plans, guidelines, consensus documents). An instrument the
    reference rows do not hold is concluded as its verb says ("The protocol was adopted by the
    International Labour Conference"), when the verb says so."""
    if row is not None and row.get("kind") == "open convention":
        # ("The General Assembly adopted the Protocol in November 2000"; "opened for signature in
        # Palermo in December 2000": two acts, each as its verb says.)
        return "signing" if verb.casefold().startswith(("sign", "open")) else "adoption"
    if row is not None and row.get("kind"):
        return "signing" if row.get("kind") in _SIGNED_KINDS else "adoption"
    if LAW_HEAD.search(name):
        # A law is passed (adopted) by its parliament and signed by its head of state: two acts.
        # (The royal assent is the head of state's signature: "The Act received the royal assent on
        # July 18".)
        return "signing" if verb.casefold().startswith(("sign", "received", "receives")) else "adoption"
    if verb.casefold().startswith("adopt"):
        return "adoption"
    return "signing" if _SIGNED_HEADS.search(name) else "adoption"


# A verb that does not report an act: an intention ("agreed to adopt"), a negation ("has not
# ratified"), a step still to come for others ("the sixth Member State to ratify").
# "Thailand used the occasion to deposit its ratification": a purpose done, so the act was done.
_USED_TO_ACT = re.compile(
    r"\b(?:used|took)\s+(?:the|that|this)\s+(?:occasion|opportunity|meeting|summit|visit)\s+to\s+$"
)
# "ASEAN leaders gathered here to sign the Convention", "met in this city to sign": a gathering told in
# the past, for that act, reports the act.
_MET_TO_ACT = re.compile(
    r"\b(?:gathered|met|convened|assembled|came\s+together)\b[^,;.]{0,50}?\s+to\s+$", re.IGNORECASE
)
# "They are expected to be signed and adopted", "It will be signed": a pronoun as the subject of a
# passive act, with nothing else before the verb.
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?P<p>It|They)\s+(?:(?:is|are|was|were|will|would|has|have|had|been|be|also|now|expected|due|set|"
    r"scheduled|to|then|later|finally|formally|jointly)\s+){1,6}(?:\w+ed\s+and\s+)?$"
)
# "It received the royal assent": only a law receives it, so "It" with no auxiliary is the law.
_ASSENTED_IT = re.compile(r"\s*(?P<p>It)\s+(?:(?:has|had|then|later|finally|formally)\s+)*$")
# "The law, numbered 53/2024/QH15, has eight chapters … and takes effect from …": an instrument's
# kind as the sentence's subject, with what it says of it before the verb.
# (Not "The law was passed …, replacing the earlier law that had been in force since …": another
# instrument, or a clause of its own, stands between.)
_INSTRUMENT_HEAD = r"(?:law|convention|treaty|charter|agreement|protocol)"
_DEFINITE_SUBJECT = re.compile(
    rf"\s*The\s+(?P<head>{_INSTRUMENT_HEAD})\b(?:(?!\b{_INSTRUMENT_HEAD}\b)[^.;:]){{0,120}}?"
    r"(?<!\bthat)(?<!\bwhich)(?:\s+and|,)?\s+$"
)
_RATIFYING = re.compile(r"\bratif(?:y|ies|ying|ied|ication)\b|\bacce(?:ssion|des?|ded|ding)\b", re.IGNORECASE)
_DEFINITE_LAW_OBJECT = re.compile(r"\s+the\s+(?:new\s+|amended\s+)?(?:law|bill|Bill|Act|measure)\b")
# "as ASEAN leaders prepare to sign the ASEAN Consensus at the 31st ASEAN Summit later this month": a
# signing or adoption to come at a meeting (not "Thailand is preparing to ratify", whose time no one
# has set).
_PREPARE_TO = re.compile(r"\b(?:prepare|prepares|preparing)\s+to\s+$", re.IGNORECASE)
_TOOK_UNTIL = re.compile(
    r"\b(?:took|had\s+taken|it\s+was\s+not\s+until)\b[^.;]{0,110}?\bfor\s+[^.;]{1,40}?\bto\s+$"
)
_NOT_AN_ACT = re.compile(
    r"(?:\bto|\b(?:not|never|yet)(?:\s+yet)?|n't(?:\s+yet)?|\byet to|\bbefore)\s+$"
    # "once a sixth Member State has deposited": a condition, not an act anyone performed.
    r"|\b(?:once|until|unless|if|when|after)\s+(?:a|an|any|each|every)\s+[\w\s-]{0,30}?(?:has|have)\s+$"
    # "Indonesia has proposed that the leaders adopt a declaration": a proposal.
    r"|\b(?:propos|urg|call|ask|recommend|suggest|insist|demand|want|hope)\w*(?:\s+for)?\s+that\s+"
    r"(?:[\w'’-]+\s+){1,4}$"
    # "Indonesia was in the process of ratifying the convention": not done yet.
    r"|\b(?:process|course|midst|verge)\s+of\s+$"
    # "will enter into force on the thirtieth day after the date of deposit of its instrument,
    # namely on 28 October 2015": the treaty's terms count from a deposit, whose day is not that one.
    # (Not "Thirty days after the deposit of the sixth instrument": that deposit, counted, is known.)
    r"|\b(?:days?|months?|years?)\s+(?:after|following|from)\s+the\s+date\s+of\s+(?:the\s+)?$"
    # "Timor-Leste must now accede to more than 100 ASEAN agreements": a duty, not an act.
    r"|\b(?:must|should|need|needs|has\s+to|have\s+to|ought\s+to)\s+(?:now\s+|still\s+|also\s+|first\s+)?$",
    re.IGNORECASE,
)
# "1. Endorse the work plan and publish it in full.": a call, a request's or a petition's, in the
# imperative that opens the sentence or a list's item, asks for an act no one has performed.
_IMPERATIVE_LEAD = re.compile(
    r"\s*(?:(?:\d{1,2}|[a-h])[.)]\s+)?(?:(?:please|also|now|then|first|finally)\s+)?", re.I
)
_INFLECTED = re.compile(r"(?:ed|es|s|ing)$", re.I)
# (With its object after it: not "Deposit of the instrument: 7 February 2017", a row's noun.)
_IMPERATIVE_OBJECT = re.compile(r"\s+(?:and\s+\w+\s+)?(?:the|a|an|it|this|these|your|our|its|their)\s")
# ("which member states expect to sign next year", "plan to adopt")
_EXPECTED_TO = re.compile(
    r"\b(?:expected|due|set|scheduled|likely|expects?|plans?|planned|intends?)\s+to\s+$", re.IGNORECASE
)
# "…, clearing the way for the leaders to sign the convention at the 27th Summit": a signing or an
# adoption to come (not "clearing the way for the convention to take effect", which its terms date).
_CLEARED_FOR = re.compile(
    r"\b(?:clear|pav)(?:e|es|ed|ing)\s+the\s+way\s+for\s+(?:[\w'’-]+\s+){0,4}?to\s+$", re.IGNORECASE
)
# "became the sixth state to ratify", "were the first to deposit": done, and counted.
# ("have become the first ASEAN member states to deposit", "was one of the first two countries to
# deposit")
_BECAME_NTH = re.compile(
    r"\b(?:became|becoming|becomes|(?:has|have|had)\s+become|were|was|is|are)\s+(?:one\s+of\s+)?(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d{1,2}(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,3}?to\s+$",
    re.IGNORECASE,
)
_INSTRUMENT_OF_RATIFICATION = re.compile(
    r"\binstruments?\s+of\s+(?:ratification|accession|acceptance|approval)\b", re.IGNORECASE
)
# "lodged their ratifications with the Secretary-General", "handed over its instrument here in July":
# what a party hands over or lodges is its instrument of ratification, however the copy shortens it.
_ITS_RATIFICATION = re.compile(
    r"\s+(?:over\s+)?(?:its|their)\s+(?:instruments?|ratifications?)\b(?!\s+(?:of|on|for|to)\s+(?!ratification\b|the\b|[A-Z]))"
)
# ("Cambodia and Singapore lodged theirs in January": lodged or handed over, the pronoun is for them;
# "submitted theirs" may be anything a party submits.)
_THEIRS = re.compile(r"\s+(?:theirs|its\s+own|their\s+own)\b")


# Another name set beside an instrument's: "…, known as C188, …".
_ANOTHER_NAME = r"(?:known\s+as|also\s+called|called|dubbed)\s[^,;]{1,60},\s*"


# The head nouns of documents an act may be done to ("the Declaration", "the directive").
_DOCUMENT_HEADS = (
    r"directive|regulation|resolution|decision|recommendation|bill|law|decree|protocol|treaty|convention|"
    r"declaration|plan|strategy|framework|agreement|memorandum|statement"
)
_DOCUMENT_HEAD = rf"(?i:{_DOCUMENT_HEADS})"
# What may stand between an instrument and a verb that acts on it: "X, which was signed",
# "X, which the region's leaders signed", "X, the first … plan, was noted", "X will take effect".
_GAP_BEFORE = re.compile(
    r"^[\s,]*(?:and\s+)?"
    # "X, the region's first binding treaty, was …"; "X, signed by the leaders in 2015, has been …"
    # ("The law, with eight chapters and 58 articles, will take effect": what it holds; "ACTIP,
    # ASEAN's first legally binding instrument on the subject, was signed": whose it is.)
    # (An acronym's possessive is blanked to "'s" before the match: see _governed.)
    # ("ACTIP, together with a regional plan of action, is to be signed": what goes with it.)
    r"(?:(?:the|a|an|with|together\s+with|along\s+with|(?:[A-Z][\w-]*)?['’]s)\s[^,;]{0,90},\s*"
    r"|(?:signed|adopted|ratified|endorsed|passed|enacted|finali[sz]ed|drafted|negotiated)\b[^,;]{0,90},\s*"
    # ("The Law on …, which the National Assembly adopted on 29/3/2011, took effect": a relative
    # clause with its own subject, set off by commas.)
    r"|(?:which|that)\s+(?:the|its|their)\s+(?:[\w’'-]+\s+){0,5}?(?:signed|adopted|ratified|endorsed|passed|enacted|approved)\b[^,;]{0,90},\s*"
    # ("The Work in Fishing Convention, known as C188, was adopted …": another name for it.)
    rf"|{_ANOTHER_NAME}"
    # ("The amended Law on …, No. 53/2024/QH15, took effect": its number.)
    r"|No\.\s*[\w/.-]+,\s*"
    # ("5 November 2024 - Executive Order 74 banning offshore gaming is signed": what it does.)
    r"|\w+ing\s[^,;.]{1,40}?\s(?=(?:is|are|was|were)\s))?"
    # ("The draft Convention … goes to the 10th AMMTC … and is to be signed": both the name's.)
    rf"(?:{ON_ITS_WAY})?"
    # (Not "…, which follows from the Declaration our leaders signed": another document's act, done
    # by a subject of its own; "which replaced the 1997 law and took effect" is still the name's.)
    rf"(?:(?:which|that)\s+(?:(?:the|its|their)\s+)?(?:(?!{_DOCUMENT_HEAD}s?\s+(?!and\s))[\w’'-]+\s+){{0,6}}?)?"
    r"(?:was|were|has been|have been|had been|is|are|will be|would be|to be|will|would|shall|has|have|had|"
    # "ACTIP is due to be signed by ASEAN heads of government next month"
    r"(?:is|are|was|were)\s+(?:expected|due|set|scheduled|slated|on track)\s+to|is to|are to)?(?:\s+be)?\s*"
    r"(?:\w+(?:ed|ised|ized)\s+and\s+)?"
    # "The ASEAN Charter formally entered into force on Monday"
    r"(?:(?:formally|officially|finally|now|already|eventually|subsequently|also|jointly|fully)\s+)?$"
)


def find_acts(
    ctx: _Context,
    text: str,
    words: frozenset[str],
    earlier: Callable[[], tuple[Row, ...]],
    country_before: Callable[[], str | None] = lambda: None,
    named_before: Callable[[], tuple[Row, ...]] | None = None,
    previous: Callable[[], tuple[str, ...]] = lambda: (),
) -> list[Act]:
    """Every act the sentence reports, in the order of their verbs. ``earlier`` gives the
    instruments named earlier in the article, latest last: "its instrument of ratification" and
    "the Convention" point back at them. ``country_before`` gives the last country named before
    the sentence: "the country's instrument of ratification" is that country's. ``named_before``
    gives only those the article names before the sentence ("it" never points forward); without
    it, ``earlier`` does. ``previous`` gives the instruments the sentence before names: "They are
    expected to be signed and adopted" acts on them."""
    if _ACT_VERB.words.isdisjoint(words):
        return []
    # ("hereby ratifies the said Convention": a legal text's "said" is "the" one named before; blanked,
    # so that every offset stays the sentence's.)
    text = _SAID.sub(lambda m: " " * len(m.group()), text)
    names = _instrument_names(ctx, text)
    before = _Lazy(earlier)
    out: list[Act] = []
    for verb in _ACT_VERB.finditer(text, words):
        word = verb.group("verb")
        endorses = word.casefold().startswith("endors")
        kind = _verb_kind(word)
        lead = text[max(0, verb.start() - 40) : verb.start()]
        # "are expected to sign tomorrow": a planned act, dated as the future; "agreed to adopt",
        # "yet to ratify": none.
        if _NOT_AN_ACT.search(lead) and not (
            _EXPECTED_TO.search(lead)
            or _HEADLINE_TO.search(text, 0, verb.start())
            or _BECAME_NTH.search(text, max(0, verb.start() - 80), verb.start())
            or _LEGISLATURE_VOTED.search(lead)
            # ("delegates at the International Labour Conference voted last week to adopt a Forced
            # Labour Protocol": a vote to adopt is the adoption.)
            or (kind == "conclusion" and _VOTED_TO.search(lead))
            or _USED_TO_ACT.search(lead)
            # ("It took until the Kuala Lumpur summit last November for the ten governments to sign a
            # convention": done, at last, then.)
            or _TOOK_UNTIL.search(text, max(0, verb.start() - 160), verb.start())
            or _MET_TO_ACT.search(text, max(0, verb.start() - 80), verb.start())
            or (_PREPARE_TO.search(lead) and kind == "conclusion")
            or (kind == "conclusion" and _CLEARED_FOR.search(text, max(0, verb.start() - 80), verb.start()))
        ):
            continue
        if (
            _IMPERATIVE_LEAD.fullmatch(text, 0, verb.start())
            and not _INFLECTED.search(word)
            and _IMPERATIVE_OBJECT.match(text, verb.end())
        ):
            continue
        if (
            word.casefold() in ("passed", "enacted", "pass")
            and not any(LAW_HEAD.search(n[2]) and n[0] > verb.start() for n in names)
            and not LAW_HEAD.search(text[max(0, verb.start() - 80) : verb.start()])
            and not re.match(r"\s*The\s+law\s+(?:was|has\s+been)\s+$", text[: verb.start()])
        ):
            continue  # a parliament passes laws and bills ("passed a resolution ratifying …" ratifies)
        if word.casefold() == "agreed" and not _AGREED_INSTRUMENT.match(text, verb.end()):
            continue  # "agreed to", "agreed that", "agreed on steps": no instrument concluded
        if kind == "conclusion" and _A_LAW_BEFORE.search(lead):
            continue  # "widened by a law signed in 2013": another law, unnamed, not the one named before
        if kind == "entry-into-force" and _NATIONAL_LAW_BEFORE.search(
            text, max(0, verb.start() - 120), verb.start()
        ):
            continue
        if word.casefold() in ("noted", "note", "notes") and not re.search(r"\b(?:was|were|been)\s+$", lead):
            # "Leaders noted the Bohol TIP Work Plan at the 31st ASEAN Summit": an instrument that is
            # the verb's whole object (not "noted the plan's progress", not "noted that …").
            article = re.match(r"\s+(?:the\s+)?", text[verb.end() :])
            obj = verb.end() + (article.end() if article else 0)
            if not any(n[0] == obj and not re.match(r"['’]s\b", text[n[1] :]) for n in names):
                continue
        if kind == "ratification" and re.search(r"\binstruments?\s+of\s+$", lead, re.IGNORECASE):
            continue  # "deposited its instrument of ratification": the deposit is the act
        document = _DOCUMENT_OBJECT.match(text, verb.end()) if kind == "conclusion" else None
        bare = document is not None and any(
            verb.end() <= n[0] < document.end() and text[n[0] : n[1]].casefold() in ("law", "bill")
            for n in names
        )
        if document is not None and (
            _RATIFYING.search(text, document.end(), document.end() + 120)
            or not (bare or (not names and _DEFINITE_LAW_OBJECT.match(text, verb.end())))
        ):
            # "signed a royal decree promulgating the ratification of the convention", "signed Law
            # No. 12 of 2017 on the ratification of …": the decree or law is what was signed, to
            # ratify. (Not "passed the 52-article law", "signed the law on June 23": the trafficking
            # law the article names, or the one the sentence before names. A law named by its
            # number right after the verb stays skipped, as before: see commit 9263c9d.)
            continue
        if _CHANGE_OBJECT.match(text, verb.end()):
            continue
        if kind == "conclusion" and _RATIFICATION_OBJECT.match(text, verb.end()):
            # "approved the ratification of the convention", "approved the bill on the ratification
            # of the ACTIP": the ratification is the act.
            continue
        if word.casefold() in (
            "handed",
            "handed over",
            "hands",
            "hands over",
            "handing over",
            "lodged",
            "submitted",
            "presented",
            "presents",
            "registered",
            "registers",
        ) and not (
            # (Up to an instrument's whole name away: "The Philippines' instrument of ratification of
            # the ASEAN Convention Against Trafficking in Persons, Especially Women and Children
            # (ACTIP) was handed to …".)
            _INSTRUMENT_OF_RATIFICATION.search(text[max(0, verb.start() - 160) : verb.end() + 80])
            or _ITS_RATIFICATION.match(text, verb.end())
            or (word.casefold() in ("lodged", "handed over") and _THEIRS.match(text, verb.end()))
        ):
            continue
        possessive = bool(re.search(r"\bits\s+$", lead))
        # "the convention … to its signing": what "its" stands for comes before, never after.
        found = [] if possessive else _governed(ctx, text, names, verb.start(), verb.end(), kind)
        unnamed = _UNNAMED_OBJECT.match(text, verb.end())
        if unnamed is not None:
            # "leaders signed a declaration to protect migrant fishers …, a step groups said should
            # push Manila to ratify the Work in Fishing Convention": the verb's object is the
            # instrument it describes; a name further on is not it, unless set beside it.
            # (Within its own words it may be coordinated with a name: "signed a declaration on
            # migrant workers and the ASEAN Convention on Counter Terrorism".)
            found = [
                n
                for n in found
                if n[0] < unnamed.end()
                or _APPOSED.fullmatch(text, unnamed.end(), n[0])
                or not _PAST_ITS_PHRASE.search(text, unnamed.end(), n[0])
            ]
        row_of = _NAMED_ROW.match(text, names[0][1]) if not found and names and names[0][0] <= 2 else None
        if (
            row_of is not None
            and verb.start() >= row_of.end()
            and not any(row_of.end() <= n[0] < verb.start() for n in names[1:])
        ):
            # ("UN Convention against Transnational Organized Crime - signed 13 December 2000;
            # ratified 17 October 2013": a list's row, its instrument and then what was done to it.)
            found = names[:1]
        if not found and (kind == "deposit" or _INSTRUMENT_OF_RATIFICATION.search(text)):
            # "its instrument of ratification was handed to …": the instrument the article is about.
            # (Named before the verb, if the sentence names any there: "The Convention had entered
            # into force …, after Manila deposited the sixth instrument of ratification …, and … the
            # region finalized the Bohol TIP Work Plan" deposits no work plan.)
            prior = [n for n in names if n[1] <= verb.start()]
            found = [(n[0], n[1], n[2]) for n in (prior or names)[-1:]] or (
                [(-1, -1, _ratifiable(before.rows, kind).get("name"))] if before else []
            )
        if (
            not found
            and before
            and (
                _BARE_HEAD.match(text, verb.end())
                # ("Ministers endorsed the draft on Sept. 13": the instrument named before, if the
                # article has named one only; after a consensus and the declaration it builds on,
                # which draft is unknown.)
                or (
                    endorses
                    and _BARE_DRAFT.match(text, verb.end())
                    and len({r.key for r in before.rows}) == 1
                )
                or (kind == "ratification" and _WHICH_BEFORE.search(text, 0, verb.start()))
                # ("Cambodia and Singapore were the first to ratify, in January 2016": the instrument
                # the article is about.)
                or (
                    kind == "ratification"
                    and _BECAME_NTH.search(text, max(0, verb.start() - 80), verb.start())
                    and re.match(r"\s*[,.;]", text[verb.end() :])
                )
                # "Myanmar's Union Parliament approved the ratification in December": of the
                # instrument the article is about.
                or (kind == "ratification" and _LEGISLATURE_APPROVED.search(text, 0, verb.start()))
                # ("Signed by the President with the other ASEAN Leaders: 21 November 2015", a
                # profile's row under the instrument's heading: of the instrument named last.)
                # (Named before it: not the instrument a page names first, further down.)
                or (
                    verb.start() == 0
                    and not names
                    and _LABEL_ROW.match(text, verb.end())
                    and named_before is not None
                    and bool(named_before())
                )
            )
        ):
            # "which ratified the Convention last year", "Cambodia and Singapore, which ratified
            # ahead of Manila": the instrument the article named before.
            # (Of the kind the bare noun names: "adopted the Declaration" is no memorandum named before.)
            bare_noun = _BARE_HEAD.match(text, verb.end())
            pool = [r for r in before.rows if not bare_noun or _of_bare_kind(r, bare_noun.group("head"))]
            found = [(-1, -1, _ratifiable(pool, kind).get("name"))] if pool else []
        if not found and kind == "entry-into-force" and _IT_WILL_BEFORE.search(text, 0, verb.start()):
            found = [n for n in names if n[1] <= verb.start()][-1:]
        if not found and kind == "entry-into-force" and _AND_THEN_IN_FORCE.search(text, 0, verb.start()):
            # "The Council of Europe Convention … was opened for signature in Warsaw on 16 May 2005
            # and entered into force on 1 February 2008": the sentence's subject, named first.
            found = [n for n in names if n[1] <= verb.start()][:1]
        if not found and kind == "entry-into-force" and _IT_BEFORE.search(text, 0, verb.start()):
            # "… and it entered into force in March 2017": the instrument named before (one that
            # binds: after "… was the ASEAN Declaration Against Trafficking …, which is not binding",
            # "It entered into force on 8 March 2017" is the convention named before it).
            prior = [n for n in names if n[1] <= verb.start()]
            in_force = [r for r in before.rows if r.get("kind") in _RATIFIED_KINDS] if not prior else []
            found = prior[-1:] or ([(-1, -1, in_force[-1].get("name"))] if in_force else [])
        # "signed it", "steered the convention to its signing": the instrument named before (for
        # "its", the one instrument the sentence names before it, if only one).
        if not found and re.match(r"\s+it\b", text[verb.end() :]):
            prior = [n for n in names if n[1] <= verb.start()]
            # ("Mexico became the first country to adopt it", of a campaign, in an article that names
            # a declaration only further down: "it" is nothing the article has named.)
            named = _Lazy(named_before) if named_before is not None else before
            found = prior[-1:] or ([(-1, -1, named[-1].get("name"))] if named else [])
            # ("Leaders adopted it … at the 35th ASEAN Summit on 2 November, along with the … Declaration
            # on the Protection of Children …": what the verb acts on besides it.)
            if found:
                found += _along_with(text, names, verb.end())
            document = _ANOTHER_DOCUMENT_BEFORE.search(text, 0, verb.start()) if not prior else None
            if (
                document is not None
                and found
                and document.group("head").casefold() not in found[0][2].casefold()
            ):
                # ("The European Parliament adopted the directive on 14 December 2010, and the Council
                # adopted it in March 2011": "it" is the directive the sentence names, not the
                # convention the article named before.)
                found = []
            # ("The House passes the anti-trafficking bill; the President signs it on 19 April as Law
            # No. 21 of 2007": "it" is the bill, named after any instrument, not the instrument.)
            last = max((n[1] for n in prior), default=0)
            if _A_BILL.search(text, last, verb.start()):
                found = []
        # ("It received the royal assent on July 18": only a law receives it, so "It" is the law.)
        pronoun = _PRONOUN_SUBJECT.match(text, 0, verb.start()) or (
            _ASSENTED_IT.match(text, 0, verb.start()) if word.casefold().startswith("receive") else None
        )
        if not found and kind == "publication" and out and re.search(r"\band\s+(?:was\s+|were\s+)?$", lead):
            # "It received the royal assent on July 18 and was published in the Gazette on July 26":
            # the law the verb before acted on.
            found = [(-1, -1, out[-1].label)]
        if not found and not names and pronoun:
            # "The two documents are ACTIP and the APA. They are expected to be signed and adopted by
            # ASEAN leaders …": "They" are the instruments the sentence before names (two or more);
            # "It" is the one it names, if only one.
            told = previous()
            plural = pronoun.group("p") == "They"
            if (plural and len(told) >= 2) or (not plural and len(told) == 1):
                found = [(-1, -1, n) for n in told]
        if (
            not found
            and not names
            and (kind == "entry-into-force" or re.search(r"\b(?:was|were|has\s+been|had\s+been)\s+$", lead))
            and (head := _DEFINITE_SUBJECT.match(text, 0, verb.start()))
        ):
            # "The law, numbered 53/2024/QH15, has eight chapters and 63 articles and takes effect
            # from 01/7/2025", "The law was passed by the National Assembly on November 28 last year":
            # the one instrument of that kind the sentence before names.
            word = head.group("head").casefold()
            alike = [n for n in previous() if word in n.casefold().split()]
            found = [(-1, -1, alike[0])] if len(alike) == 1 else []
        if not found and not names and _DEFINITE_LAW_OBJECT.match(text, verb.end()):
            # "Duterte has signed Republic Act No. 11862 … The President signed the law on June 23":
            # the one law the sentence before names.
            laws = [n for n in previous() if LAW_HEAD.search(n)]
            found = [(-1, -1, laws[0])] if len(laws) == 1 else []
        if not found and possessive:
            prior = [n for n in names if n[1] <= verb.start()]
            # ("the Phnom Penh Statement on its adoption": the statement is about another's act.)
            gap = text[prior[-1][1] : verb.start()] if prior else ""
            about = re.fullmatch(r"\s+(?:on|about|regarding)\s+its\s+", gap)
            # ("the ASEAN Convention … (ACTIP) since its entry into force": a name and its acronym
            # are one instrument.)
            same = {(r.key if (r := _instrument_row(ctx.gaz, n[2])) else n[2]) for n in prior}
            found = prior[-1:] if len(same) == 1 and not about else []
        # "endorsed the draft ASEAN Convention … (ACTIP)": the verb acts on the text, not on the
        # instrument ("a draft declaration, which the leaders are expected to adopt" is the act).
        drafts = {
            name
            for start, _, name in found
            if start > verb.start()
            and _DRAFT_BEFORE.search(text, max(0, start - 8), start)
            # ("finalised the draft Plan, which will be submitted for adoption in November": the
            # adoption to come is the act.)
            and not _FOR_ADOPTION.search(text)
            # ("ministers endorsed the draft ASEAN Convention …": the endorsement of a draft is an
            # act of its own, see below.)
            and not (endorses and not _national_endorser(ctx, text, verb))
        }
        # "The draft ASEAN Convention …, finalised by senior officials in Siem Reap earlier this
        # month, … is to be signed by the Leaders in November": a draft finalised is a text made
        # ready, neither signed nor adopted.
        drafts |= {
            name
            for start, _, name in found
            if 0 <= start < verb.start()
            and word.casefold() in ("finalised", "finalized")
            and _DRAFT_BEFORE.search(text, max(0, start - 8), start)
        }
        endorsed_draft = endorses and (
            bool(_BARE_DRAFT.match(text, verb.end()))
            or any(
                start > verb.start() and _DRAFT_BEFORE.search(text, max(0, start - 8), start)
                for start, _, _ in found
            )
        )
        # "endorsed the upgrading of the Treaty on Mutual Legal Assistance … to an ASEAN treaty": the
        # verb acts on a work on the instrument, not on the instrument itself.
        drafts |= {
            name
            for start, _, name in found
            if start > verb.start() and _WORK_ON.fullmatch(text, verb.end(), start)
        }
        for start, _, name in found:
            if name in drafts:
                continue
            # ("The UN General Assembly yesterday adopted a plan of action against trafficking in
            # persons", in 2010: a description in lower case after "a" whose words spell a recorded
            # alias is that instrument only if the sentence's years allow its adoption; else its
            # kind, words and year say which it is, if any.)
            indefinite = (
                start >= 0
                and text[start : start + 1].islower()
                and re.search(r"\b(?:a|an)\s+$", text[max(0, start - 4) : start], re.IGNORECASE) is not None
            )
            row = _instrument_row(ctx.gaz, name)
            if indefinite and row is not None:
                row = None if _adopted_in_years(row, _own_clause(text, verb.start())) is False else row
            row = row or _common_instrument(ctx, text, start, name, before, concluded=kind == "conclusion")
            label = row.get("name") if row else _named_in_article(ctx, text, start, name)
            label = re.sub(r"^(?:the|The)\s+", "", label)
            # ("The convention, signed … last November", after "the bloc's convention against human
            # trafficking": the name the article gives it may be a recorded one's, whose row it is.)
            row = row or (_instrument_row(ctx.gaz, label) if label != name else None)
            if (
                row is not None
                and row.get("kind") == "memorandum"
                and _instrument_row(ctx.gaz, name) is None
                and len(_signatories(ctx, text, verb.start(), verb.end())) == 2
            ):
                # "Thailand and Myanmar signed a memorandum of understanding … to fight trafficking in
                # persons": two countries' own memorandum, not the recorded one of six its words fit.
                row, label = None, re.sub(r"^(?:the|The|a|an)\s+", "", name)
            nth = _NTH_BEFORE.search(text, max(0, start - 12), start) if row is None and start >= 0 else None
            if nth is not None and not label.casefold().startswith(nth.group("nth").casefold()):
                # "sign the third COMMIT Joint Declaration": one of a series the same name covers, so
                # the ordinal is part of what was signed (never the first or second of the series).
                label = f"{nth.group('nth')} {label}"
            if label.casefold() in ("convention", "treaty"):
                # "the convention" in an article that names two: which one is unknown, unless it opens
                # the sentence right after one that names one such ("The Council of Europe adopted its
                # Convention on Action … in May 2005. The convention entered into force in February
                # 2008", after a paragraph on ACTIP).
                opens = start >= 0 and re.fullmatch(r"\s*(?:The\s+)?", text[:start]) is not None
                alike = [n for n in previous() if label.casefold() in n.casefold().split()] if opens else []
                clause = _AFTER_SEMICOLON.search(text, 0, start) if start >= 0 and not opens else None
                if clause is not None:
                    # ("… deposited its instrument of ratification of the ASEAN Convention … in January
                    # 2017; the Convention entered into force …": the one such the clause before names.)
                    alike = list(
                        {
                            n[2]
                            for n in names
                            if n[1] <= clause.start() and label.casefold() in n[2].casefold().split()
                        }
                    )
                if len(alike) != 1:
                    continue
                row = _instrument_row(ctx.gaz, alike[0])
                label = re.sub(r"^(?:the|The)\s+", "", row.get("name") if row else _clean_title(alike[0]))
            act_kind = conclusion_kind(row, label, word) if kind == "conclusion" else kind
            if (
                act_kind == "ratification"
                and row is not None
                and row.get("kind") == "ILO convention"
                and not _APPROVED_AT_HOME.search(text, max(0, verb.start() - 100), verb.start())
            ):
                # "Thailand on Wednesday became the first Asian country to ratify the ILO Work in
                # Fishing Convention": a state ratifies an ILO convention by registering it, its deposit
                # (not "Thailand's legislature approved the ratification in November", "the approval
                # given by the National Legislative Assembly in November to the ratification of …",
                # a step at home).
                act_kind = "deposit"
            if act_kind == "publication" and not LAW_HEAD.search(label):
                continue  # (a gazette publishes laws and decrees)
            if (
                act_kind == "signing"
                and endorses
                and _instrument_row(ctx.gaz, name) is None
                and _MINISTERS_BEFORE.search(text, 0, verb.start())
            ):
                # "Foreign ministers endorsed the convention on Friday": leaders sign a convention;
                # ministers or officials who endorse it send it on to them.
                continue
            if (act_kind == "signing" or endorsed_draft) and endorses:
                # (Of a draft, whatever the instrument: "Ministers of the ASCC Council endorsed the
                # draft on Sept. 13", of a consensus the leaders adopted in November.)
                if _national_endorser(ctx, text, verb):
                    # "The Thai cabinet endorsed the Convention on 10 November": a step at home
                    # towards the country's signature or ratification, which the sentence does not
                    # date (never the signing).
                    continue
                if start > verb.end() and not _ENDORSED_OBJECT.fullmatch(text, verb.end(), start):
                    # ("officials endorsed a regional data template to monitor implementation of the
                    # ASEAN Convention …": what they endorsed is another text, on the convention.)
                    continue
                act_kind = "endorsement"
            parties: tuple[str, ...] = ()
            counted = False
            if act_kind == "entry-into-force":
                # "The convention entered into force for Thailand on 23 August 2016", "takes effect
                # in Thailand": for that party alone, an act of its own, not the convention's entry
                # into force.
                binding = word.casefold().endswith("binding on")
                for_party = re.match(
                    r"\s+(?:the\s+)?" if binding else r"\s+(?:for|in)\s+(?:the\s+)?", text[verb.end() :]
                )
                parties = tuple(
                    c[2] for c in countries(ctx, text) if for_party and c[0] == verb.end() + for_party.end()
                )
                front = None if binding or parties else re.match(r"\s*For\s+(?:the\s+)?", text)
                if front is not None:
                    # ("For Thailand it will enter into force on 4 June 2019": so, said first.)
                    parties = tuple(
                        c[2] for c in countries(ctx, text) if c[0] == front.end() and c[1] <= verb.start()
                    )
                if binding and not parties:
                    continue  # "binding on all member states": a property, not an act
                # "the Convention takes effect one year after the tenth ratification": its terms say
                # when, not the days the sentence names (another act's), so only its reference rows
                # date it; but "… enters into force on the 30th day after the sixth ratification,
                # or on March 8" says when.
                counted = bool(_TERMS_OF_FORCE.match(text, verb.end())) and not re.search(
                    rf"\b(?:{MONTH_RE})\b", text[verb.end() :]
                )
            if act_kind in ("signing", "adoption") and row is None and _generic_name(label):
                # "Cambodia and Thailand signed Standard Operating Procedures …": a memorandum or an
                # agreement known by its kind alone is the one its signatories concluded; they are
                # part of what it is ("… by Cambodia and Thailand"), so another pair's never merges.
                signatories = _signatories(ctx, text, verb.start(), verb.end())
                parties = (" and ".join(signatories),) if signatories else ()
                if not signatories and any(
                    m.group("signed") and m.start("signed") == start for m in _BARE_MEMORANDUM.finditer(text)
                ):
                    continue  # ("the memorandum the two countries signed": which two, unknown)
                if not countries(ctx, text) and any(
                    m.start(bare_memorandum_group(m)) == start for m in _BARE_MEMORANDUM.finditer(text)
                ):
                    # ("Officials signed a memorandum of understanding on Friday": which one, no one says;
                    # "… launched with a memorandum of understanding signed in Yangon in 2004": the
                    # one memorandum on record signed in the year the sentence states.)
                    stated = _stated_years(text)
                    dated = [
                        r
                        for r in ctx.gaz.reference.rows("instruments")
                        if stated and "memorandum" in r.get("name").casefold() and _adopted_within(r, stated)
                    ]
                    if len(dated) != 1:
                        continue
                    row, label, parties = dated[0], dated[0].get("name"), ()
                    act_kind = conclusion_kind(row, label, word)
            if (
                act_kind == "signing"
                and row is not None
                and row.get("kind") in (*_RATIFIED_KINDS, "memorandum")
                and (stated := _stated_years(text))
                and (adopted := parse_partial(row.get("adopted")) if row.get("adopted") else None)
                and all(lo > adopted[1] for lo, _ in stated)
            ):
                # "The Treaty was concluded on 29 November 2004 … Myanmar and Thailand signed it in
                # 2006": countries that make up the verb's whole subject, in a year after the one on
                # record, signed for themselves (not "Thailand signed the COMMIT MOU in 2004").
                parties = _country_subject(ctx, text, verb.start())
            if (
                act_kind in ("adoption", "signing", "entry-into-force")
                and row is None
                and LAW_HEAD.search(label)
            ):
                # "Singapore's Parliament passes the Prevention of Human Trafficking Act", "SINGAPORE:
                # Parliament on Monday passed the … Bill": a national law is its country's, named as a
                # ratifying party is (never part of what identifies the law).
                parties = parties or _law_country(ctx, text, verb.start(), verb.end())
            if act_kind in ("ratification", "deposit"):
                parties = _parties(ctx, text, verb.start(), verb.end())
                if (
                    not parties
                    and (
                        (_COUNTRY_ANAPHOR.search(text) and not countries(ctx, text))
                        # ("…, following Cambodia and Singapore": those did it before, see listed_acts.)
                        or (
                            _IT_DEPOSITED.match(text, 0, verb.start())
                            and not countries(ctx, text[: verb.start()])
                        )
                    )
                ):
                    parties = tuple(c for c in (country_before(),) if c)
                parties = (
                    parties or _legislature_country(ctx, text, verb.start()) or _profile_country(ctx, text)
                )
                counted = not parties and act_kind == "deposit" and row is not None
                if counted and row is not None:
                    parties = _nth_depositor(ctx, text, verb.start(), verb.end(), row)
                if not parties:
                    continue
            acronym = (row.get("acronym") if row else "") or next(
                (k for k, v in ctx.glossary.items() if _norm(v) == _norm(label)), ""
            )
            future = act_kind == "entry-into-force" and bool(
                re.match(r"(?:enters|takes|comes|becomes)\b", word, re.IGNORECASE)
            )
            future = future or bool(
                _PLANNED.search(lead)
                or _CLEARED_FOR.search(text, max(0, verb.start() - 80), verb.start())
                or _HEADLINE_TO.search(text, 0, verb.start())
            )
            # ("Leaders will sign the … Declaration … and adopt the … Declaration on ASEAN 2025 on
            # Sunday": a bare verb after "and" shares the "will" of the verb it is joined to.)
            future = future or bool(
                word.casefold() in _BARE_ACT_VERBS
                and _JOINED_TO_WILL.search(text, max(0, verb.start() - 240), verb.start())
            )
            subject = row.key if row else _norm(label)
            # "The Dewan Negara today passed the … (Amendment) Bill 2010. The Dewan Rakyat approved
            # the Bill on July 15.": a bill passes each house on its own day.
            house = (
                _upper_house(text, verb.start(), verb.end()) if act_kind == "adoption" and row is None else ""
            )
            if house and LAW_HEAD.search(label):
                subject = f"{subject} by {_norm(house)}"
            out.append(
                Act(
                    act_kind,
                    verb.start(),
                    verb.end(),
                    label,
                    subject,
                    acronym,
                    parties,
                    future,
                    counted,
                    start,
                    by=house if LAW_HEAD.search(label) else "",
                )
            )
    return _unique(_endorsed_then_adopted(text, out) + listed_acts(ctx, text, out))


def _national_endorser(ctx: _Context, text: str, verb: re.Match[str]) -> bool:
    """Whether a legislature or cabinet acts ("The Thai cabinet endorsed the Convention")."""
    lead = text[max(0, verb.start() - 80) : verb.start()]
    return bool(re.search(_LEGISLATURE, lead) or _legislature_country(ctx, text, verb.start()))


def _endorsed_then_adopted(text: str, acts: list[Act]) -> list[Act]:
    """ "Ministers at the 11th AMMTC endorsed the Bohol … Work Plan, and leaders adopted it at the 31st
    ASEAN Summit in November": an endorsement the sentence goes on to tell the adoption of is a step
    on the way, not the adoption."""

    def verb(a: Act) -> str:
        return text[a.start : a.end].casefold()

    return [
        a
        for a in acts
        if not (
            verb(a).startswith("endors")
            and any(
                b.start > a.start
                and verb(b).startswith("adopt")
                and (b.kind, b.subject, b.parties) == (a.kind, a.subject, a.parties)
                for b in acts
            )
        )
    ]


# A status table's row, "6 | Myanmar | 16/01/2017" (its number, the party, the date) or "Myanmar |
# 2017-01-16", or a list's, "Viet Nam: 5 January 2017" (its bullet dropped): the act the table's or
# the list's heading names. (Lines of a table run on in one paragraph: a row ends where the next
# begins.)
_TABLE_ROW = re.compile(
    r"(?<!\S)\d{1,2}\s*\|\s*(?P<party>[^|]{2,40}?)\s*\|\s*(?P<value>[^|]*?)\s*(?=(?<!\S)\d{1,2}\s*\||$)"
)
_PAIR_ROW = re.compile(
    r"(?<![\w|-])(?P<party>[A-Z][A-Za-z.'’ ]{1,40}?)\s*\|\s*(?P<value>[^|]*?)\s*"
    r"(?=(?<!\S)[A-Z][A-Za-z.'’ ]{1,40}?\s*\||$)"
)
_LIST_ENTRY = re.compile(r"(?P<party>[A-Z][\w .'’-]{1,30}?)\s*:\s")
_LIST_ROW = re.compile(r"(?P<party>[A-Z][\w .'’-]{1,30}?)\s*:\s*(?P<value>[^:]{3,40}?)\.?")


def record_rows(ctx: _Context, text: str) -> tuple[list[tuple[re.Match[str], str]], str]:
    """A sentence's rows of a record, each with the one country it is of, and what else it holds (a
    table's header, before its rows or as a row of its own: "Member State | Instrument of
    ratification deposited")."""
    if "|" not in text and ":" not in text:
        if text.rstrip(" .").endswith(")") and _pair_entry(ctx, text):
            return [], ""  # ("Thailand-Lao PDR (2005)": a list's entry, no heading of the entries after it)
        return [], text.strip()  # (most sentences: no cell, no label; the scans below are skipped)
    rows = list(_TABLE_ROW.finditer(text)) or list(_PAIR_ROW.finditer(text))
    if not rows:
        whole = _LIST_ROW.fullmatch(text.strip())
        rows = [whole] if whole else []
    if not rows and (entry := _LIST_ENTRY.match(text.strip())) and _country_cell(ctx, entry.group("party")):
        # ("Thailand: first memorandum signed in Bangkok on 13 July 2005; second … in 2017": an entry
        # of the list too long to read as a row, and no heading of the entries after it.)
        return [], ""
    of_countries: list[tuple[re.Match[str], str]] = []
    header = text[: rows[0].start()] if rows else text
    for m in rows:
        country = _country_cell(ctx, m.group("party"))
        if country:
            of_countries.append((m, country))
        elif not of_countries:
            header += " " + m.group()
    return of_countries, header.strip()


def recorded_acts(ctx: _Context, text: str, heading: Callable[[], str]) -> list[Act]:
    """ "No. | Member State | Date of deposit of instrument of ratification" over "6 | Myanmar |
    16/01/2017", "Ratification record (instruments deposited)" over "Viet Nam: 5 January 2017": a
    deposit (ratification) by each country a row names, of the one instrument the heading or else
    the article names that is ratified at all, dated by its row (a row without a date, "-", reports
    none)."""
    pair = _pair_entry(ctx, text)
    if pair is not None:
        return _pair_signed(pair, heading())
    rows, header = record_rows(ctx, text)
    if not rows:
        return []
    head = header or heading()
    kind = (
        "deposit"
        if re.search(r"\bdeposit", head, re.IGNORECASE)
        else "ratification"
        if re.search(r"\b(?:ratification|accession)", head, re.IGNORECASE)
        else ""
    )

    if not kind:
        return _bilateral_entries(ctx, rows, head)
    # (A treaty's status page names it in its title alone.)
    instruments = _rows_named(ctx, head) or _ratified_on_page(ctx)
    if not kind or len({r.key for r in instruments}) != 1:
        return []
    row = instruments[0]
    return [
        Act(
            kind,
            m.start("party"),
            m.end("party"),
            row.get("name"),
            row.key,
            row.get("acronym") or "",
            (country,),
        )
        for m, country in rows
        # ("Brunei Darussalam | -": none yet.)
        if re.search(r"\d", m.group("value"))
    ]


def _bilateral_entries(ctx: _Context, rows: list[tuple[re.Match[str], str]], head: str) -> list[Act]:
    """ "Thailand's memoranda on trafficking:" over "Laos: signed in Bangkok on 13 July 2005": the
    memorandum (agreement) the heading's one country signed with the row's, when the row says it
    was signed."""
    noun = _BILATERAL_HEAD.search(head)
    owners = {c[2] for c in countries(ctx, head)}
    if noun is None or len(owners) != 1:
        return []
    owner = owners.pop()
    label = _agreement_label(noun)
    return [
        # (Its signatories are part of what it is, as for any memorandum known by its kind alone.)
        Act(
            "signing",
            m.start("party"),
            m.end("party"),
            label,
            _norm(label),
            "",
            (" and ".join(sorted({owner, country})),),
        )
        for m, country in rows
        if country != owner and _SIGNED_VALUE.match(m.group("value"))
    ]


# "Thailand-Lao PDR (2005)", "Cambodia – Viet Nam (2005)": an entry of a list of two countries'
# agreements, with its year.
_PAIR_ENTRY = re.compile(
    r"\s*(?P<a>[A-Z][\w.'’ ]{1,25}?)\s*[-–—/]\s*(?P<b>[A-Z][\w.'’ ]{1,25}?)\s*\(\s*(?:19|20)\d\d\s*\)\.?\s*"
)


def _pair_entry(ctx: _Context, text: str) -> tuple[re.Match[str], str, str] | None:
    """The entry and its two countries, if the text is such an entry."""
    m = _PAIR_ENTRY.fullmatch(text)
    if m is None:
        return None
    a, b = _country_cell(ctx, m.group("a")), _country_cell(ctx, m.group("b"))
    return (m, a, b) if a and b and a != b else None


def _pair_signed(pair: tuple[re.Match[str], str, str], head: str) -> list[Act]:
    """ "BILATERAL AGREEMENTS AMONG COMMIT MEMBERS" over "Thailand-Lao PDR (2005)": the agreement
    (memorandum) the two countries signed in the year the entry gives."""
    noun = _BILATERAL_HEAD.search(head)
    if noun is None:
        return []
    m, a, b = pair
    label = _agreement_label(noun)
    signatories = " and ".join(sorted({a, b}))
    return [Act("signing", m.start("a"), m.end("b"), label, _norm(label), "", (signatories,))]


def _agreement_label(noun: re.Match[str]) -> str:
    """What a heading's noun calls the agreements it lists: memoranda, or agreements."""
    memoranda = noun.group().casefold().startswith(("memo", "mou"))
    return "memorandum of understanding" if memoranda else "agreement"


_BILATERAL_HEAD = re.compile(r"\b(?:memorand(?:um|a)|MOUs?|MoUs?|agreements?)\b", re.IGNORECASE)
_SIGNED_VALUE = re.compile(
    r"(?:(?:first|second|third|new|revised|a|an|the)\s+)?(?:(?:bilateral\s+)?(?:memorandum|agreement|MOU|MoU)\s+)?"
    r"(?:signed|inked)\b",
    re.IGNORECASE,
)


# A register of instruments, "Instrument | Type | Signed or adopted | Where" over "ASEAN Human Rights
# Declaration (AHRD) | declaration | 18.11.2012 | Phnom Penh": the act the header of the row's one
# dated column names, of the instrument the row's first cell names.
_COLUMN_ACTS = (
    ("signing", re.compile(r"\bsign", re.IGNORECASE)),
    ("adoption", re.compile(r"\badopt", re.IGNORECASE)),
    ("entry-into-force", re.compile(r"\b(?:in force|entry into force)", re.IGNORECASE)),
)


def tabled_acts(ctx: _Context, text: str, header: str) -> list[Act]:
    """ "Treaty on Mutual Legal Assistance in Criminal Matters (AMLAT) | treaty | 29.11.2004 |
    Kuala Lumpur" under "Instrument | Type | Signed or adopted | Where": the treaty's signing. A row
    of an instrument with two dated columns that name acts, or none, reports nothing: which date is
    which act's is the header's to say. A country's row is a status table's (see _status_row), one
    act per dated column."""
    if text.lstrip().startswith("|") and not header.lstrip().startswith("|"):
        # ("Ratification status | State | Signed | Ratified |": the table's heading before its header.)
        header = re.sub(r"^[^|]*(?=\|.*\|\s*$)", lambda m: " " * len(m.group()), header)
    cells, heads = _inner_cells(text).split("|"), _inner_cells(header).split("|")
    if len(cells) < 2 or len(cells) != len(heads):
        return []
    country = _country_cell(ctx, cells[0])
    if country:
        return _status_row(ctx, cells, heads, country)
    columns = [
        [kind for kind, said in _COLUMN_ACTS if said.search(heads[i])]
        for i, cell in enumerate(cells)
        if re.search(r"\b\d{4}\b", cell)
    ]
    columns = [kinds for kinds in columns if kinds]
    first = cells[0]
    names = _instrument_names(ctx, first)
    if len(columns) != 1 or not names:
        return []
    start, end, name = names[0]
    # (The first cell is the instrument's name, with its acronym at most: not a note that names one.)
    rest = first[:start] + first[end:]
    if re.sub(r"\([A-Z][\w -]{1,15}\)", "", rest).strip(" ,"):
        return []
    row = _instrument_row(ctx.gaz, name)
    kinds = columns[0]
    if len(kinds) > 1:
        kinds = [k for k in kinds if k == conclusion_kind(row, name)] or kinds[:1]
    label = row.get("name") if row is not None else _clean_title(name)
    acronym = (row.get("acronym") if row is not None else "") or ""
    return [Act(kinds[0], start, end, label, row.key if row is not None else _norm(label), acronym, ())]


# A timeline's entry that is an instrument's name alone, after its year or day and a dash, with
# where and when in brackets or after a comma at most: "2004 - ASEAN Declaration Against
# Trafficking in Persons Particularly Women and Children (Vientiane, 29 November)".
_ENTRY_DATE = re.compile(
    rf"(?:(?:[0-3]?\d\s+)?(?:{MONTH_RE})\s+)?(?:19|20)\d\d\s*(?:--|[–—-])\s+(?:the\s+|The\s+)?"
)
_ENTRY_REST = re.compile(
    r"(?:\s*\([A-Z][\w-]{1,10}\))?(?:\s*\([^()]{1,40}\)|,\s*[^,;()]{1,30}(?:,\s*[^,;()]{1,30})?)?\.?"
)


def timeline_entry_acts(ctx: _Context, text: str) -> list[Act]:
    """A timeline's entry that names a recorded instrument and nothing else it did: its conclusion
    (signing or adoption), dated by the entry."""
    lead = _ENTRY_DATE.match(text)
    names = _instrument_names(ctx, text) if lead else []
    if lead is None or not names or names[0][0] != lead.end() or not _ENTRY_REST.fullmatch(text, names[0][1]):
        return []
    start, end, name = names[0]
    row = _instrument_row(ctx.gaz, name)
    if row is None:
        return []
    kind = conclusion_kind(row, name)
    return [Act(kind, start, end, row.get("name"), row.key, row.get("acronym") or "", ())]


# A citation's day right after the instrument's name: ", Nov. 29, 2004", ", 21 November 2015".
_CITED_DAY = re.compile(
    rf",\s+(?:(?:{MONTH_RE})\.?\s+[0-3]?\d,\s+|[0-3]?\d\s+(?:{MONTH_RE})\.?,?\s+)(?:19|20)\d\d(?=\s*[;.,(]|\s*$)"
)
_CITED_IN_FORCE = re.compile(
    r"\s*\((?P<verb>entered\s+into\s+force|entry\s+into\s+force:?)\s+(?:on\s+)?(?=[A-Z0-9])"
)
# A note's number before it: "(4) ", "[4] ", "4. ".
_NOTE_MARK = re.compile(r"\s*(?:\(\d{1,3}\)|\[\d{1,3}\]|\d{1,3}\.)\s+")


def cited_acts(ctx: _Context, text: str) -> list[Act]:
    """A note that cites recorded instruments by name and day ("(4) ASEAN Declaration Against
    Trafficking in Persons Particularly Women and Children, Nov. 29, 2004; ASEAN Convention …, Nov.
    21, 2015 (entered into force Mar. 8, 2017)."): each one's conclusion (signing or adoption), on
    the day its citation gives."""
    mark = _NOTE_MARK.match(text)
    if mark is None:
        return []
    acts = []
    for start, end, name in _instrument_names(ctx, text):
        opens = start == mark.end() or re.search(r";\s*$", text[max(0, start - 4) : start]) is not None
        day = _CITED_DAY.match(text, end) if opens else None
        row = _instrument_row(ctx.gaz, name) if day is not None else None
        if day is None or row is None:
            continue
        label, acronym = row.get("name"), row.get("acronym") or ""
        acts.append(Act(conclusion_kind(row, name), start, end, label, row.key, acronym, ()))
        # ("…, Nov. 21, 2015 (entered into force Mar. 8, 2017)": its entry into force, on that day.)
        if (force := _CITED_IN_FORCE.match(text, day.end())) is not None:
            acts.append(
                Act("entry-into-force", force.start("verb"), force.end(), label, row.key, acronym, ())
            )
    return acts


def _inner_cells(row: str) -> str:
    """ "| Cambodia | 21 November 2015 |": a row with bars at both ends, the outer ones blanked (the
    offsets stay those of the row)."""
    m = re.fullmatch(r"(\s*)\|(.*)\|(\s*)", row, re.DOTALL)
    return f"{m.group(1)} {m.group(2)} {m.group(3)}" if m else row


# An infobox's field, "Royal assent: 18 July 2007", "Effective: 8 March 2017": the act its label
# names, of the one instrument the page's title names.
_BOX_ACTS = (
    ("signing", re.compile(r"(?:Signed|Signature|Royal\s+assent|Assented|Promulgated)", re.IGNORECASE)),
    (
        "entry-into-force",
        re.compile(r"(?:Effective|Commenced|Commencement|In\s+force|Entry\s+into\s+force)", re.IGNORECASE),
    ),
    ("adoption", re.compile(r"(?:Adopted|Passed|Enacted|Adoption)", re.IGNORECASE)),
)
_BOX_LINE = re.compile(r"(?P<label>[A-Z][\w ]{1,25}?)\s*:\s*(?P<value>[^:]{6,40})")


def is_box_field(text: str) -> bool:
    """Whether the sentence is an infobox's field ("Royal assent: 18 July 2007")."""
    return _BOX_LINE.fullmatch(text.strip()) is not None


def box_acts(ctx: _Context, text: str, box_title: Callable[[], str]) -> list[Act]:
    """ "Royal assent: 18 July 2007" in a box titled "Anti-Trafficking in Persons Act 2007", or on a
    page so titled: the law's signing, dated by its field (a field without a whole date, "Enacted by:
    Parliament of Malaysia", reports none)."""
    line = _BOX_LINE.fullmatch(text.strip())
    if line is None or not re.search(r"\b\d{1,2}\b.*\b(?:19|20)\d\d\b", line.group("value")):
        return []
    kind = next((k for k, said in _BOX_ACTS if said.fullmatch(line.group("label"))), None)
    if kind is None:
        return []
    page = ctx.article.document.title or ""
    for title in (box_title(), page):
        names = {n for _, _, n in _instrument_names(ctx, title)}
        if len(names) == 1:
            break
    else:
        return []
    name = names.pop()
    row = _instrument_row(ctx.gaz, name)
    label = row.get("name") if row is not None else _clean_title(name)
    acronym = (row.get("acronym") if row is not None else "") or ""
    # (A national law is its country's, which the title names: "… Act 2007 (Malaysia)".)
    owners = (
        {c for _, _, c in countries(ctx, title)} or {c for _, _, c in countries(ctx, page)}
        if row is None and LAW_HEAD.search(label)
        else set()
    )
    parties = (owners.pop(),) if len(owners) == 1 else ()
    start = text.index(line.group("label"))
    subject = row.key if row is not None else _norm(label)
    return [Act(kind, start, start + len(line.group("label")), label, subject, acronym, parties)]


# A treaty's status table: "Member State | Signature | Deposit of instrument" over "Thailand |
# 21.11.2015 | 24.07.2016".
_STATUS_COLUMNS = (
    ("deposit", re.compile(r"\bdeposit", re.IGNORECASE)),
    ("ratification", re.compile(r"\b(?:ratification|accession|ratified|acceded)", re.IGNORECASE)),
    ("signing", re.compile(r"\bsign", re.IGNORECASE)),
)


def _status_row(ctx: _Context, cells: list[str], heads: list[str], country: str) -> list[Act]:
    """ "Thailand | 21.11.2015 | 24.07.2016" under "Member State | Signature | Deposit of
    instrument", in a page on one treaty: the country's act in each dated column the header names
    (a signature on the day the treaty is recorded as signed is the treaty's own signing), each act
    starting at its cell, so each cell's date is its own."""
    instruments = _ratified_on_page(ctx)
    if len({r.key for r in instruments}) != 1:
        return []
    row = instruments[0]
    adopted = parse_partial(row.get("adopted")) if row.get("adopted") else None
    out: list[Act] = []
    at = len(cells[0]) + 1
    for cell, head in zip(cells[1:], heads[1:], strict=True):
        kind = next((k for k, said in _STATUS_COLUMNS if said.search(head)), None)
        stated = _stated_years(cell)
        if kind is not None and stated:
            own = kind != "signing" or adopted is None or not any(lo <= adopted[0] <= hi for lo, hi in stated)
            lead = len(cell) - len(cell.lstrip())
            out.append(
                Act(
                    kind,
                    at + lead,
                    at + len(cell.rstrip()),
                    row.get("name"),
                    row.key,
                    row.get("acronym") or "",
                    (country,) if own else (),
                )
            )
        at += len(cell) + 1
    return out


def _rows_named(ctx: _Context, words: str) -> list[Row]:
    return [r for _, _, n in _instrument_names(ctx, words) if (r := _instrument_row(ctx.gaz, n)) is not None]


def _ratified_on_page(ctx: _Context) -> list[Row]:
    """The instruments that are ratified at all that the page names, its title included: what a
    status table's rows are of, when its heading names none. (The one its title names, if it names
    one: "ASEAN and the UN Trafficking Protocol: who joined when", whose notes below name ACTIP too.)"""
    title = ctx.article.document.title or ""
    titled = [r for r in _rows_named(ctx, title) if r.get("kind") in _RATIFIED_KINDS]
    if len({r.key for r in titled}) == 1:
        return titled
    return [r for r in (*titled, *article_instruments(ctx)) if r.get("kind") in _RATIFIED_KINDS]


def _country_cell(ctx: _Context, cell: str) -> str:
    """The country a table cell or a list item's label is, when it names one and nothing else
    ("Brunei Darussalam", "the Philippines"); "" otherwise."""
    cell = cell.strip()
    found = countries(ctx, cell)
    if len(found) == 1 and found[0][1] - found[0][0] >= len(cell.removeprefix("the ")):
        return found[0][2]
    return ""


# "following Cambodia and Singapore in January last year, Thailand in July last year, and …": the
# countries that did the same before, each group with its own date.
_LIST_START = re.compile(r"\b(?:following|after|behind|joining|followed by)\s+(?:the\s+)?")
_ITEM_DATE = re.compile(r"\s+(?:in|on)\s+")
_LIST_JOIN = re.compile(r",\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
# "followed by Thailand, Viet Nam and Myanmar.": a list that ends the clause, without dates.
_LIST_END = re.compile(r"\s*(?:[.;]|$)")
# "and Myanmar, which did so on 16 January 2017": the same act, by another country.
_DID_SO = re.compile(r",\s+which\s+(?:did|had done)\s+so\b")


# "Cambodia and Singapore had been the first to do so, in January last year", "Viet Nam and Myanmar
# followed on Jan. 5 and Jan. 16 respectively", "Myanmar did so on 16 January": the act the article
# reported just before, by the countries that stand before these words.
_SAME_ACT = re.compile(
    r"\s+(?:(?:had been|has been|have been|were|was|became|are|is)\s+the\s+"
    r"(?:first|second|third|fourth|fifth|sixth|next|last)(?:\s+(?:two|three))?(?:\s+[\w-]+){0,2}?\s+to\s+do\s+so"
    r"|followed(?=\s+(?:on|in|last|earlier|later)\s)|(?:also\s+)?did\s+so|had\s+done\s+so"
    # ("Jan 16 - Myanmar follows, becoming the fifth.": a timeline's present, its day the entry's.)
    r"|follows(?=\s*[,.;]|\s+(?:on|in)\s)"
    # ("… and the Philippines became the sixth party on 7 February")
    r"|became\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:state\s+)?party)\b"
)


# "Singapore deposited its instrument in January, as did Cambodia": the same act, the same time.
_AS_DID = re.compile(r",?\s+as\s+did\s+(?:the\s+)?$")


def same_acts(ctx: _Context, text: str, model: Act) -> list[Act]:
    """The ``model`` act (a ratification or deposit reported before this sentence) by the countries
    a sentence says did the same, each group where its words stand."""
    named = countries(ctx, text)
    out: list[Act] = []
    for i, c in enumerate(named):
        if not _AS_DID.search(text, 0, c[0]):
            continue
        listed = [c]
        for nxt in named[i + 1 :]:
            # (", and Thailand followed in July" opens a clause of its own.)
            if not _LIST_JOIN.fullmatch(text, listed[-1][1], nxt[0]) or re.match(
                r",\s+and\s", text[listed[-1][1] :]
            ):
                break
            listed.append(nxt)
        parties = tuple(dict.fromkeys(x[2] for x in listed))
        out.append(replace(model, start=c[0], end=listed[-1][1], parties=parties, future=False))
    for m in _SAME_ACT.finditer(text):
        group: list[tuple[int, int, str]] = []
        end = m.start()
        for c in reversed(named):
            if c[1] > end:
                continue
            if c[1] == end or _LIST_JOIN.fullmatch(text, c[1], end):
                group.insert(0, c)
                end = c[0]
            else:
                break
        # ("Singapore deposited its instrument in January, as did Cambodia, and Thailand followed in
        # July": Cambodia is the "as did"'s, below.)
        while group and _AS_DID.search(text, 0, group[0][0]):
            group.pop(0)
        # The group must open its clause: "Cambodia and Singapore had been …", not "talks with Cambodia".
        # ("Jan 16 - Myanmar follows, becoming the fifth": after a timeline entry's dash too.)
        if group and re.search(r"(?:^|[.;,:–—-]\s*|\band\s+|\bthe\s+)$", text[: group[0][0]]):
            parties = tuple(dict.fromkeys(c[2] for c in group))
            out.append(replace(model, start=m.start() + 1, end=m.end(), parties=parties, future=False))
    return out


def _dated_aside(text: str, at: int, dates: dict[int, Temporal]) -> re.Match[str] | None:
    """ "Thailand, which handed over its papers in Vientiane in July last year": the first date
    after "in" or "on" in the relative clause that follows a listed country."""
    aside = re.compile(r",\s+which\s+[^,;.]{0,100}").match(text, at)
    if aside is None:
        return None
    for link in re.finditer(r"\s(?:in|on)\s+", text[: aside.end()]):
        if link.start() >= at and link.end() in dates:
            return link
    return None


# A time right after a country in a list whose verb is left out: "Cambodia and Singapore deposited
# their instruments in January last year and Thailand in July 2016".
GAPPED_TIME = re.compile(
    # ("and the Philippines, the sixth, on 7 February 2017": past its rank.)
    rf"(?:,\s+the\s+[\w-]+,)?\s+(?:(?:in|on)\s+(?:(?:early|mid|late)[\s-]+)?(?:{MONTH_RE}|\d|the\s)|last\s|earlier\s"
    r"|a\s+(?:month|year|week)\s+later)"
)


# What opens a gapped clause after a list's comma or "and" ("…, and Thailand in July 2016").
# ("Cambodia and Singapore deposited in January 2016; Thailand on 24 July 2016; …": a semicolon too.)
GAP_OPENS = re.compile(r"(?:[,;]\s*(?:and\s+)?|\sand\s+)(?:the\s+)?$")


def listed_acts(ctx: _Context, text: str, acts: list[Act]) -> list[Act]:
    """The ratifications or deposits a sentence lists after its own, each group of countries with
    the date that follows it; only with a ratification or deposit of one instrument in the sentence."""
    done = [a for a in acts if a.kind in ("ratification", "deposit") and a.parties]
    if not done or len({a.subject for a in done}) != 1:
        return []
    model = done[0]
    named = countries(ctx, text)
    dates = {t.start: t for t in extract_temporals(text) if t.kind in ("date", "month", "relative", "year")}
    out: list[Act] = []

    def act(group: list[tuple[int, int, str]], at: int | None = None) -> None:
        parties = tuple(dict.fromkeys(c[2] for c in group if c[2] not in model.parties))
        if parties:
            start = group[0][0] if at is None else at
            out.append(replace(model, start=start, end=group[-1][1], parties=parties, future=False))

    for start in _LIST_START.finditer(text):
        at = start.end()
        while True:
            group = []
            while (c := next((c for c in named if c[0] == at), None)) is not None:
                group.append(c)
                join = _LIST_JOIN.match(text, c[1])
                if join is None or not any(n[0] == join.end() for n in named):
                    at = c[1]
                    break
                at = join.end()
            if not group:
                break
            link = _ITEM_DATE.match(text, at) or _dated_aside(text, at, dates)
            if link is None or link.end() not in dates:
                if _LIST_END.match(text, at):
                    act(group)  # undated: the reference rows may date it
                break
            act(group)
            after = _LIST_JOIN.match(text, dates[link.end()].end)
            if after is None:
                break
            at = after.end()
    for so in _DID_SO.finditer(text):
        before = [c for c in named if c[1] == so.start()]
        if before:
            act(before, so.start() + 1)
    # ("… deposited their instruments in January 2016, Thailand on 24 July 2016, Viet Nam and
    # Myanmar on 5 and 16 January 2017 respectively, and the Philippines on 7 February 2017": the
    # same act by each country or group after a comma or "and", on the time that follows it.)
    later = [c for c in named if c[0] > model.end and not re.search(r"\.\s", text[model.end : c[0]])]
    i = 0
    while i < len(later):
        c = later[i]
        if not GAP_OPENS.search(text[: c[0]]):
            i += 1
            continue
        group = [c]
        while i + 1 < len(later) and re.fullmatch(
            r"\s+and\s+(?:the\s+)?", text[group[-1][1] : later[i + 1][0]]
        ):
            i += 1
            group.append(later[i])
        if GAPPED_TIME.match(text, group[-1][1]):
            act(group)
        i += 1
    return out


# "the country's instrument of ratification", "the kingdom deposited": the country named before.
_LEGISLATURE = (
    r"\b(?:[Pp]arliament|[Hh]luttaw|National Assembly|Congress|Senate|House of Representatives|"
    r"[Cc]abinet|[Ll]egislature|Dewan Rakyat|Rathasapha)"
)
# "The Union Parliament on Thursday voted to ratify the Convention": the legislature's vote is the
# country's ratification.
# "Fisheries ministers agreed a regional plan of action on … in Bali in May 2007", "agreed on a
# joint declaration": an instrument as the verb's object is concluded (adopted).
_AGREED_INSTRUMENT = re.compile(
    r"\s+(?:on\s+)?(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:plan|declaration|convention|agreement|memorandum|protocol|roadmap|guidelines|statement)\b",
    re.IGNORECASE,
)
_VOTED_TO = re.compile(r"\bvoted\s+(?:[\w-]+\s+){0,3}?to\s+$")
_LEGISLATURE_VOTED = re.compile(rf"{_LEGISLATURE}\b[^,;.]{{0,30}}\bvoted\s+(?:unanimously\s+)?to\s+$")
_LEGISLATURE_APPROVED = re.compile(
    # ("Myanmar's Union Parliament in Naypyitaw approves ratification": a timeline's present, where.)
    rf"{_LEGISLATURE}\s+(?:in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?(?:has\s+|had\s+)?"
    r"(?:approved|approves|endorsed|endorses|voted for|votes for|passed|passes|consented to|consents to)"
    r"\s+(?:the\s+)?$"
)
# A country's own approval of a ratification, before the instrument goes abroad.
_APPROVED_AT_HOME = re.compile(
    r"\b(?:approv\w*|consent\w*|endors\w*|Assembly|Parliament|[Ll]egislature|Senate|Cabinet|Hluttaw)\b"
)
# "Thailand was among the early movers. It handed over its instrument of ratification …": a party
# that deposits or ratifies is a country, the one named before.
_IT_DEPOSITED = re.compile(r"\s*It\s+(?:(?:has|had|also|then|formally|finally|later)\s+)*$")
_COUNTRY_ANAPHOR = re.compile(
    r"\b[Tt]he (?:country|kingdom|republic|nation)(?:['’]s)? instruments? of\b"
    rf"|{_LEGISLATURE}\b[^,;.]{{0,30}}\bvoted\s+(?:unanimously\s+)?to\s+ratify\b"
    r"|\b[Tt]he (?:country|kingdom|republic|nation) (?:deposited|ratified|handed|lodged|submitted)\b"
    # "The Pyidaungsu Hluttaw approved the ratification of the convention": a legislature's country.
    rf"|{_LEGISLATURE}\s+(?:has\s+|had\s+)?(?:approved|endorsed|voted for|passed|consented to)"
    r"\s+(?:the\s+)?ratification\b"
    # "The House of Representatives (DPR) on Tuesday passed a bill ratifying the convention".
    rf"|{_LEGISLATURE}\b[^,;.]{{0,40}}\b(?:passed|approved|endorsed|adopted)\s+(?:a|the)\s+(?:[\w-]+\s+)?"
    r"(?:bill|law|resolution|motion)\s+(?:ratifying|on\s+(?:the\s+)?ratification|to\s+ratify)\b"
)


# "X was signed in Kuala Lumpur in November 2015 and entered into force in March 2017": the second
# verb has the first one's subject.
_SECOND_ACT = re.compile(
    r"\band\s+(?:also\s+|then\s+|later\s+)?"
    # "… and on Nov 14 sign the ASEAN Consensus": a day before the second verb, in a timeline's present.
    rf"(?:on\s+(?:{MONTH_RE})\s+\d{{1,2}}\s+|on\s+\d{{1,2}}\s+(?:{MONTH_RE})\s+)?"
    r"(?:adopt|sign|endorse|approve|ratifie|deposit|launche|issue)(?:ed|d|s)?\b"
    # ("ratified the ILO Domestic Workers Convention in 2012, and Thailand became the first Asian
    # country to ratify the Work in Fishing Convention": a clause with a subject of its own, and an
    # act of its own.)
    r"|,\s+and\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:[\w'’-]+\s+){0,8}?(?:to\s+)?"
    r"(?:adopt|sign|endorse|approve|ratif|deposit|accede)\w*\b"
    # ("ratification of C188 follows Thailand's ratification of the ILO Protocol …": another's act,
    # named by its noun and whose it is, acts on what follows it.)
    r"|\b[A-Z][\w-]*['’]s\s+(?:ratification|adoption|signing|signature|accession)\s+of\b"
)
_RELATIVE_GAP = re.compile(
    # ("the Cebu Declaration on the protection of migrant workers, which leaders signed")
    r"(?:\s+(?:on|of|for|against|to)\s+[^,;()]{1,80}?)?"
    r"(?:\s*,?\s*(?:that|which)\s+(?:(?:the|its|their)\s+)?(?:[\w’'-]+\s+){1,4}?"
    # ("the bilateral memorandum of understanding the two countries signed in 2005", "the COMMIT
    # memorandum the six Mekong countries signed": a clause with no "that", whose subject is the
    # parties themselves.)
    r"|\s+(?:the|both|all|its|their)\s+(?:[\w-]+\s+){0,2}(?:countries|sides|governments|nations|leaders|ministers)\s+)"
    r"(?:had\s+|has\s+|have\s+)?(?:(?:formally|jointly|unanimously)\s+)?"
)
# ("sign the Convention … this weekend, closing a chapter that began with the declaration against
# trafficking that leaders adopted in Vientiane in 2004": a name whose own relative clause acts on it
# is that clause's object, not the object of a verb before it.)
_OWN_RELATIVE_ACT = re.compile(
    _RELATIVE_GAP.pattern + r"(?:signed|adopted|ratified|endorsed|approved|concluded|deposited)\b"
)
_DIRECT_OBJECT_GAP = re.compile(r"\s*(?:(?:the|a|an|its|their)\s+)?")
_COORDINATED_GAP = re.compile(
    rf"^[\s,]*(?:{_ANOTHER_NAME})?"
    # ("the Law on …, which was passed on 29/3/2011 and has been in force since 1/1/2012")
    r"(?:which\s+)?(?:(?:was|were|has been|had been|is)\s+"
    # ("the Law on …, which the National Assembly adopted on 29/3/2011 and which took effect on
    # January 1": a relative clause with its own subject, then a second one.)
    r"|(?<=which\s)(?:the|its|their)\s+(?:[\w’'-]+\s+){0,5}?|(?P<bare>))"
    r"(?:signed|adopted|ratified|endorsed|concluded|passed|enacted)\b[^;.]{0,120}?"
    # ("… was signed in November 2015 and has been in force since March 2017")
    r"\band\s+(?:then\s+|later\s+|subsequently\s+|finally\s+)?(?:which\s+)?(?:(?:has|have|had)\s+been\s+)?$"
)
_FOR_ADOPTION = re.compile(r"\bfor\s+(?:adoption|signature|signing)\b|\bto\s+(?:be\s+)?(?:adopt|sign)", re.I)
# "the convention was on track to be signed by ASEAN leaders in November", "is due to be signed",
# "was to be adopted": a planned act, still to come when the article was written, whatever the
# tense of the verb before it.
_BARE_ACT_VERBS = frozenset({"sign", "adopt", "ratify", "endorse", "approve", "deposit", "conclude"})
_JOINED_TO_WILL = re.compile(
    # (In lower case: "the … Declaration to Combat Transnational Crime … and adopt" has a name's "to".)
    r"\b(?:will|shall|would|to)\s+(?:also\s+)?[a-z]+\b[^.;]*?\band\s+(?:then\s+|also\s+)?$"
)
# "ASEAN leaders to sign the convention on Saturday", "- Kuala Lumpur: Leaders to sign …": a headline's
# or a news diary's infinitive, the subject right before it at the head of its line, is an act to come.
_HEADLINE_TO = re.compile(
    r"(?:^|[:–—]\s+|\s[-–—]\s+)(?:[\w'’-]+\s+){0,3}?"
    r"(?:leaders|ministers|officials|countries|nations|governments|member\s+states)\s+to\s+$",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:(?:on track|due|expected|set|scheduled|slated|poised|planned|expects?|plans?|intends?)\s+to|"
    r"(?:is|are|was|were)\s+to)"
    r"\s+(?:be\s+)?$"
)


def _unique(acts: list[Act]) -> list[Act]:
    """One act per kind, instrument and parties: "signed … the signing of X" states it once."""
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    out = []
    for a in acts:
        if (a.kind, a.subject, a.parties) not in seen:
            seen.add((a.kind, a.subject, a.parties))
            out.append(a)
    return out


_PARTICIPLE = re.compile(
    r"(?:adopted|signed|endorsed|approved|ratified|issued|finalised|finalized|passed|enacted)\b"
)
# ("Law No. 21 of 2007 on the Eradication of the Crime of Trafficking in Persons, passed …": a
# numbered law's title after its number.)
_LAW_TITLE = r"\s+on\s+the\s+[A-Z][\w'’-]*(?:\s+(?:of|in|and|the|against|on|for|[A-Z][\w'’-]*))*"
# ("the Cebu Declaration - signed in Cebu in January 2007 - and", "(signed …)": an aside opened by a
# dash or a bracket is one too.)
_NAME_COMMA = re.compile(rf"(?:{_LAW_TITLE})?\s*(?:\([A-Z][\w&/-]*\))?\s*(?:,|\(|\s[-–—]{{1,2}})\s*")


_SUBJECT_OF_ITS_OWN = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would)\s")


# A name inside an aside that a participle opens is not the subject of a verb after the aside (but
# "…, recalling the Declaration … adopted in Vientiane": of one inside it).
_IN_PARTICIPLE_ASIDE = re.compile(r",\s+[a-z]+ing\s[^,;()]*$")


_ILO_STYLE_TAIL = re.compile(
    r"^,\s*(?:19|20)\d\d\b(?:\s*\((?:No\.\s*|C\s?)\d{1,3}\))?|^\s*\((?:No\.\s*|C\s?)\d{1,3}\)"
)


_NTH_BEFORE = re.compile(
    r"\b(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+$",
    re.IGNORECASE,
)


# "signed a declaration", "adopted an action plan": an instrument described, not named.
_UNNAMED_OBJECT = re.compile(
    r"\s+(?:a|an|another)\s+(?:[\w-]+\s+){0,3}?(?i:"
    + "|".join(h.replace(" ", r"\s+") for h in _INSTRUMENT_HEADS)
    + r")s?\b"
)
# "a declaration on migrant fishers, the ASEAN Declaration on …", "a convention known as …"
_PAST_ITS_PHRASE = re.compile(r",|\bto\s+(?:ratify|sign|adopt|endorse|accede)\b")
_APPOSED = re.compile(r"[^,;.]{0,80}?(?:,\s+|\s+(?:called|known\s+as|named|entitled)\s+)(?:the\s+)?")


# (An ILO convention or protocol is adopted by the International Labour Conference, then ratified.)
_RATIFIED_KINDS = frozenset(
    {"convention", "treaty", "charter", "protocol", "agreement", "ILO convention", "open convention"}
)


def _of_bare_kind(row: Row, head: str) -> bool:
    """Whether an instrument is what a bare noun calls it ("the Declaration": a declaration; "the
    Treaty": any instrument that binds, as the convention is called)."""
    if head == "Treaty":
        return row.get("kind") in _RATIFIED_KINDS or _headed_by(row.get("name"), head)
    return _headed_by(row.get("name"), head)


def _ratifiable(before: Sequence[Row], kind: str) -> Row:
    """The instrument named before that an unnamed deposit or ratification is of: the last one
    that is ratified at all ("Cambodia and Singapore deposited their instruments", after a
    convention and then a memorandum of understanding, which is signed, never ratified)."""
    if kind in ("deposit", "ratification", "entry-into-force"):
        # (A declaration is adopted, never in force: "It entered into force on 8 March 2017, thirty
        # days after the Philippines deposited the sixth instrument", after a declaration's name.)
        ratified = [r for r in before if r.get("kind") in _RATIFIED_KINDS]
        if ratified:
            return ratified[-1]
    return before[-1]


# "endorsed a ministerial meeting of the central authorities under the treaty": what an act is
# done under is its framework, not its object.
# ("deposited its instrument of accession to the Protocol …, supplementing the United Nations
# Convention against Transnational Organized Crime": what the object supplements is no object.)
_FRAMEWORK_OF = re.compile(
    r"\b(?:under|within|pursuant\s+to|in\s+line\s+with|,\s+supplementing|supplementary\s+to)\s+(?:the\s+|its\s+)?$"
)


_TIME_THEN_AND = re.compile(
    rf"in\s+(?:[0-3]?\d\s+)?(?:{MONTH_RE}|(?:19|20)\d\d)[\w ,.]{{0,12}}?"
    # ("signed the Convention in Kuala Lumpur in November 2015, together with the ASEAN Plan of
    # Action …": a second object with the same time.)
    r"(?:\s+and|,\s+(?:together|along)\s+with)\s+(?:the\s+|an?\s+)?"
)


# ", along with the …", ", together with the …" right before a name: a second object of the verb,
# however far the verb's time and place stand between.
_ALONG_WITH = re.compile(r",\s+(?:together|along)\s+with\s+(?:the\s+|an?\s+)?$")


def _along_with(text: str, names: list[tuple[int, int, str]], v_end: int) -> list[tuple[int, int, str]]:
    """The names after the verb set beside its object with ", along with the …", before any
    second act or another clause (";")."""
    second = _SECOND_ACT.search(text, v_end)
    semicolon = text.find(";", v_end)
    stop = min(second.start() if second else len(text), semicolon if semicolon >= 0 else len(text))
    return [
        n for n in names if v_end <= n[0] < stop and _ALONG_WITH.search(text, max(v_end, n[0] - 30), n[0])
    ]


_ACT_NOUN = re.compile(r"(?:adoption|signing|signature|ratification|endorsement)", re.IGNORECASE)
_NOUN_TIME_OF = re.compile(r"\s+(?:in|on|last|this)\s+[^,;()]{1,25}?\s+of\s+(?=(?:the|an?|its|their)\s)")


def _governed(
    ctx: _Context, text: str, names: list[tuple[int, int, str]], v_start: int, v_end: int, kind: str
) -> list[tuple[int, int, str]]:
    """The instruments a verb acts on: those listed right after it ("the adoption of X, Y and Z
    during …", "deposited its instrument of ratification of X") or named right before it ("X,
    which was signed …", "X and Y will be adopted", "X enters into force")."""
    # ("the adoption in May of the ASEAN Leaders' Declaration …": an act's noun, its time, then what
    # it was of; the time ends no list.)
    timed = _NOUN_TIME_OF.match(text, v_end) if _ACT_NOUN.fullmatch(text, v_start, v_end) else None
    if timed is not None:
        v_end = timed.end()
    ends = [
        m.start()
        for m in _CLAUSE_END.finditer(text, v_end)
        if not any(a <= m.start() < b for a, b, _ in names)
    ]
    limit = ends[0] if ends else len(text)
    # ("adopted a Declaration on … in Cebu in January 2007 and the ASEAN Consensus on the same
    # subject in 2017": a time, then "and" and another name, lists a second object with its own time.)
    while (nxt := next((n for n in names if n[0] >= limit), None)) is not None and _TIME_THEN_AND.fullmatch(
        text, limit, nxt[0]
    ):
        limit = next((e for e in ends if e > nxt[1]), len(text))
    # "signed the ASEAN Consensus … on Nov. 14 and adopted the Bohol TIP Work Plan": a second verb
    # acts on what follows it.
    second = _SECOND_ACT.search(text, v_end, limit)
    limit = second.start() if second else limit
    # ("adopted a declaration on …, and the ASEAN convention against trafficking has been in force
    # since March 2017": a name with a verb of its own after it starts a clause; nothing adopted it.)
    after = [
        n
        for n in names
        if v_end <= n[0] < limit
        and n[0] - v_end <= 250
        and not _SUBJECT_OF_ITS_OWN.match(text, n[1])
        and not _FRAMEWORK_OF.search(text, max(0, n[0] - 30), n[0])
        # (Unless it is the verb's own object: "signed a protocol amending the memorandum … that the
        # two countries signed in Bali in May 2006" signed the protocol.)
        and not (_OWN_RELATIVE_ACT.match(text, n[1]) and not _DIRECT_OBJECT_GAP.fullmatch(text, v_end, n[0]))
    ]
    # (Only beside a named object: "adopted it …, along with the …" is left to the pronoun's reading.)
    after += [n for n in _along_with(text, names, v_end) if after and n not in after]
    # "the Declaration on …, adopted last year, and the Convention": a participle right after a
    # name and its comma is that name's (a reduced relative clause), whatever follows.
    if _PARTICIPLE.match(text, v_start):
        named = [n for n in names if n[1] <= v_start and _NAME_COMMA.fullmatch(text, n[1], v_start)]
        if named:
            return named[-1:]
    # "the declaration against trafficking that Asean adopted in 2004 and the Cebu Declaration …": a
    # relative clause with its own subject acts on the name it follows, not on one after it.
    relative = [n for n in names if n[1] <= v_start and _RELATIVE_GAP.fullmatch(text, n[1], v_start)]
    if relative:
        return relative[-1:]
    # A subject that enters into force comes first; an object that is signed or adopted, after.
    if after and kind != "entry-into-force":
        return after
    picked: list[tuple[int, int, str]] = []
    for i, item in enumerate(names):
        if item[1] > v_start or v_start - item[1] > 200:
            continue
        if _IN_PARTICIPLE_ASIDE.search(text, 0, item[0]) and "," in text[item[1] : v_start]:
            continue  # "Senate Resolution No. 27, concurring in the ratification of the ACTIP, was adopted"
        # ("… Act 2007 (Act 670) come into operation": a statute's number in brackets, as an acronym.)
        # (So is its number in apposition: "the Expanded Anti-Trafficking in Persons Act of 2012,
        # Republic Act 10364, was signed into law".)
        gap = re.sub(
            r"\((?:[A-Z][A-Za-z&-]{1,11}|(?:Republic\s+Act(?:\s+No\.)?|Act|RA|No\.|Law\s+No\.)\s*[A-Z]?\d+[\w/]*)\)"
            r"|^,\s*(?:Republic\s+Act|RA|Act|Law)\s+(?:No\.\s*)?[A-Z]?\d+[\w/]*(?=,)"
            # (And what it holds: "The law, of eight chapters and 63 articles, will take effect".)
            r"|^,\s*(?:of|with|numbered|comprising|containing)\s+[^,;.]{1,60}(?=,)"
            # (And a relative clause of its own: "The ASEAN Convention …, which leaders signed in
            # 2015, entered into force on 8 March", "The Act, which parliament passed in 2007, …".)
            r"|^,\s*(?:which|that)\s+[^,;.]{1,80}(?=,)",
            " ",
            text[item[1] : v_start],
        )
        # "the Work in Fishing Convention, 2007 (No. 188) comes into force": the year and number
        # the ILO writes after its conventions' names belong to the name.
        gap = _ILO_STYLE_TAIL.sub("", gap, count=1)
        if text.startswith("Law No.", item[0]):
            gap = re.sub(rf"^{_LAW_TITLE}", "", gap, count=1)
        if text[: item[0]].endswith("("):
            gap = gap.removeprefix(")")  # "a companion plan (RPA on EVAW) was adopted": the name in brackets
        for other in names[i + 1 :]:
            if other[1] <= v_start:
                gap = gap.replace(text[other[0] : other[1]], " ")
        gap = re.sub(r"\b[A-Z]{2,10}\b", " ", gap)
        # ("…, endorsed by the ministers in September and adopted by the leaders in November": a
        # participle alone before "and" coordinates an entry into force only, not a second step.)
        coordinated = _COORDINATED_GAP.match(gap)
        # (A law's steps are each their own act, whoever takes them: "…, passed by the House of
        # Representatives in March 2007 and signed by the President in April 2007".)
        if _GAP_BEFORE.match(gap) or (
            coordinated
            and (coordinated.group("bare") is None or kind == "entry-into-force" or LAW_HEAD.search(item[2]))
        ):
            picked.append(item)
    return picked or after


def _headed_by(name: str, head: str) -> bool:
    """Whether an instrument's name is of that kind: the kind it names first ("Protocol of 2014 to
    the Forced Labour Convention" is a protocol, not "the convention" of an article)."""
    m = re.search(rf"\b{head}\b", name, re.I)
    return m is not None and not any(
        re.search(rf"\b{h}\b", name[: m.start()], re.I)
        for h in _INSTRUMENT_HEADS
        if h.casefold() != head.casefold()
    )


def _common_instrument(
    ctx: _Context, text: str, start: int, name: str, before: _Lazy, concluded: bool = False
) -> Row | None:
    """ "The Convention", "a convention to fight human trafficking": the one instrument of that kind
    the article names by its own name (before or after), when there is exactly one."""
    head = next((h for h in _INSTRUMENT_HEADS if re.search(rf"\b{h}\b", name, re.IGNORECASE)), None)
    if head is None:
        return None
    bare = _clean_title(name).casefold() == head.casefold()
    common = start >= 0 and start < len(text) and text[start].islower()
    # "The Convention", "a convention to fight …"; not "The Kuala Lumpur Declaration on …", a name.
    described = re.match(r"(?:the|a|an)\s+[a-z]", text[start:] if start >= 0 else "", re.IGNORECASE)
    if described and re.match(r"(?i:the|a|an)\s+[A-Z][\w'’-]*\s+[A-Z]", text[start:]):
        described = None
    if not (bare or common or described):
        return None
    # (A date in the words is when, not what: "the convention on 14 September".)
    # (Who is trafficked says nothing of which instrument: "a convention against human trafficking"
    # is ACTIP, named "… Trafficking in Persons" in the article, not the Council of Europe's "…
    # Trafficking in Human Beings".)
    words = frozenset(
        w
        for w in _content_words(name) - _content_words(head) - _CONNECTORS - _TRAFFICKED
        if w not in _DATE_WORDS
    )

    # Recorded instruments of that kind whose names hold every word of the description: "a
    # declaration on trafficking caused by the abuse of technology" is the 2023 one, never the 2004
    # Declaration Against Trafficking the article names elsewhere.
    fitting = (
        {
            r.key
            for r in ctx.gaz.reference.rows("instruments")
            if _headed_by(r.get("name"), head) and words <= _row_words(r)
        }
        if len(words) >= 2
        else set()
    )
    # "ASEAN adopted its first declaration against trafficking in Vientiane in 2004", in a story on
    # the 2023 declaration: an instrument adopted or signed in the year the sentence states.
    stated = _stated_years(text) if concluded else []
    wider = WIDER_FORUM.search(text, 0, max(start, 0))

    def of_that_kind(pool: tuple[Row, ...]) -> dict[str, Row]:
        rows = {
            r.key: r
            for r in pool
            if _headed_by(r.get("name"), head)
            and (not fitting or r.key in fitting)
            and (not stated or _adopted_within(r, stated) is not False)
            # (Nor one whose name shares no word with the description: "declarations on the
            # protection of migrant workers … in crisis situations" is not the abuse-of-technology one;
            # nor, adopted by a wider forum, one of ASEAN's own: "the East Asia Summit adopted a
            # declaration on … migrants in crisis and trafficking in persons" is not the 2004 ASEAN
            # Declaration Against Trafficking in Persons.)
            and (len(words) < 2 or bool(words & _row_words(r)))
            and not (wider and r.get("name").startswith("ASEAN "))
        }
        if len(rows) > 1:
            # "signed a convention against people trafficking" in an article that also names the
            # Convention on Counter Terrorism: the one whose name shares the description's subject.
            rows = {k: r for k, r in rows.items() if words & _content_words(r.get("name"))}
        return rows

    # "The ministers adopted the work plan on Monday", after a sentence that names the new Work Plan
    # and before one that names the plan it succeeds: the one named before, if only one.
    if head.casefold() == "treaty" and not of_that_kind((*before, *article_instruments(ctx))):
        # "the regional treaty", in an article that names the Convention: a binding instrument,
        # whatever its name calls it.
        binding = {r.key: r for r in (*before, *article_instruments(ctx)) if r.get("kind") in _SIGNED_KINDS}
        return next(iter(binding.values())) if len(binding) == 1 else None
    if bare and _unrecorded_named_before(ctx, text, head):
        # "The ILO Work in Fishing Convention comes into force today … the Convention takes effect
        # one year after …": the convention the article named, which no row records; never the
        # ASEAN one it names further on.
        return None
    earlier = of_that_kind(tuple(before))
    if len(earlier) == 1:
        return next(iter(earlier.values()))
    rows = of_that_kind((*before, *article_instruments(ctx)))
    if rows:
        return next(iter(rows.values())) if len(rows) == 1 else None
    return _described_instrument(ctx, text, head, name)


def _unrecorded_named_before(ctx: _Context, text: str, head: str) -> bool:
    """Whether the article, up to this sentence, names an instrument of that kind that no reference
    row records (a name longer than the bare head noun)."""
    for s in ctx.sentences:
        for _, _, name in _instrument_names(ctx, s.text):
            named = _clean_title(name)
            if (
                re.search(rf"\b{head}\b", named, re.IGNORECASE)
                and not re.fullmatch(rf"(?:the\s+)?{head}", named, re.IGNORECASE)
                and _instrument_row(ctx.gaz, name) is None
            ):
                return True
        if s.text == text:
            break
    return False


def regional_instrument(ctx: _Context, text: str, name: str) -> Row | None:
    """ "The regional trafficking convention is still not in force": the recorded ASEAN instrument a
    regional description names, for the pronouns after it ("ASEAN leaders signed it …")."""
    if not re.search(r"\bregional\b", name, re.IGNORECASE):
        return None
    head = next((h for h in _INSTRUMENT_HEADS if re.search(rf"\b{h}\b", name, re.IGNORECASE)), None)
    return _described_instrument(ctx, text, head, name) if head else None


def _described_instrument(ctx: _Context, text: str, head: str, name: str) -> Row | None:
    """ "in 2004, when leaders adopted a non-binding declaration against trafficking": the one
    recorded instrument of that kind, on that subject, adopted when the sentence says (or where:
    "adopted in Vientiane"; or the first of them: "ASEAN's first declaration against trafficking")."""
    first = bool(re.match(r"first\s", name))
    name = name.removeprefix("first ")
    # ("a convention against human trafficking": trafficking in persons, as the names say it.)
    words = _content_words(_HUMAN_TRAFFICKING.sub("", name)) - _content_words(head) - _CONNECTORS
    words -= {"anti"}
    stated = _stated_years(text)
    # ("the regional trafficking convention", "the bloc's declaration against trafficking": ASEAN's
    # own, the one of that kind on that subject, whenever it was adopted.)
    regional = bool(re.search(r"\bregional\b", name, re.IGNORECASE)) or name.startswith("ASEAN ")
    # ("follow up on the declaration on trafficking caused by the abuse of technology that leaders
    # adopted two years ago": words enough to name one of ASEAN's own, whenever it was adopted.)
    specific = len(words) >= 3 and not stated and not WIDER_FORUM.search(text)
    if len(words) < 1 or not (stated or regional or specific):
        return None
    of_kind = [
        row
        for row in ctx.gaz.reference.rows("instruments")
        if re.search(rf"\b{head}\b", row.get("name"), re.I) and words <= _row_words(row)
    ]
    found = [row for row in of_kind if stated and _adopted_within(row, stated)]
    if not found and (regional or specific):
        # (A year the sentence gives for something else, a dateline's, does not rule it out.)
        found = [row for row in of_kind if row.get("name").startswith("ASEAN ")]
        if len(found) > 1:
            # ("adopted in Vientiane two decades ago": the one adopted in the city the sentence names.)
            found = [
                r for r in found if r.get("city") and re.search(rf"\b{re.escape(r.get('city'))}\b", text)
            ] or found
        if len(found) > 1 and first:
            adopted = [(d[0], r) for r in found if (d := parse_partial(r.get("adopted")))]
            found = [min(adopted, key=lambda x: x[0])[1]] if len(adopted) == len(found) else found
    return found[0] if len(found) == 1 else None


_HUMAN_TRAFFICKING = re.compile(r"\bhuman\s+(?=trafficking\b)", re.IGNORECASE)
# Forums wider than ASEAN, whose instruments are not ASEAN's (nor their meetings its summits).
WIDER_FORUM = re.compile(
    r"\b(?:East\s+Asia\s+Summit|EAS|ASEAN\s+Plus\s+Three|ASEAN\+3|ASEAN\s+Regional\s+Forum|ARF|Bali\s+Process)\b"
)


def _row_words(row: Row) -> frozenset[str]:
    """The words of an instrument's name and aliases."""
    return _content_words(row.get("name")) | _content_words(row.get("aliases"))


def _stated_years(text: str) -> list[tuple[date, date]]:
    """The intervals of the dates with a year the sentence states."""
    return [iv for t in extract_temporals(text) if t.year is not None and (iv := stated_interval(t))]


_ACTS_CLAUSE_START = re.compile(r",\s+and\s|;\s")


def _own_clause(text: str, at: int) -> str:
    """The clause of the verb at ``at``, from the last ", and" or ";" before it: not "adopted the
    Declaration … in November 2004, and at the 12th ASEAN Summit in January signed a declaration
    on the protection …"."""
    return text[own_clause_start(text, at) :]


def own_clause_start(text: str, at: int) -> int:
    """Where the clause that holds ``at`` begins, after the last ", and" or ";" before it (0: none)."""
    return _clause_start(_ACTS_CLAUSE_START, text, at)


def _clause_start(breaks: re.Pattern[str], text: str, at: int) -> int:
    """Where the clause that holds ``at`` begins: after the last of ``breaks`` before it (0: none)."""
    return max((m.end() for m in breaks.finditer(text, 0, at)), default=0)


def _adopted_in_years(row: Row, text: str) -> bool | None:
    """Whether the instrument's recorded adoption falls in a year the text (a clause) states (None:
    it states no year, or no adoption is recorded): _adopted_within, by whole years."""
    years = [(date(lo.year, 1, 1), date(hi.year, 12, 31)) for lo, hi in _stated_years(text)]
    return _adopted_within(row, years) if years else None


def _adopted_within(row: Row, stated: list[tuple[date, date]]) -> bool | None:
    """Whether the instrument's recorded adoption falls within one of the stated dates (None: it has
    no recorded adoption)."""
    adopted = parse_partial(row.get("adopted")) if row.get("adopted") else None
    if adopted is None:
        return None
    return any(lo <= adopted[0] and adopted[1] <= hi for lo, hi in stated)


_DATE_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october"}
    | {"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {str(n) for n in range(1, 32)}
)
# Words of a description that say nothing of its subject (see patterns._INSTRUMENT_COMMON).
_TRAFFICKED = frozenset({"human", "humans", "people", "persons", "beings"})
_CONNECTORS = frozenset(
    {"against", "for", "to", "pledging", "committing", "calling", "aimed", "at", "vowing", "joint", "action"}
    | {"non", "binding", "legally", "landmark", "historic", "new", "first", "political", "common", "regional"}
)


def _named_in_article(ctx: _Context, text: str, start: int, name: str) -> str:
    """ "The Guideline, adopted on 27 May": the article's one Guideline with a name of its own."""
    label = _clean_title(name)
    head = next((h for h in _INSTRUMENT_HEADS if label.casefold() == h.casefold()), None)
    if head is None:
        return label
    named = {
        _clean_title(n)
        for s in ctx.sentences
        for _, _, n in _instrument_names(ctx, s.text)
        if re.search(rf"\b{head}\b", n) and len(_clean_title(n).split()) >= 3
    }
    return named.pop() if len(named) == 1 else label


def article_instruments(ctx: _Context) -> tuple[Row, ...]:
    """Every instrument with a reference row that the article names, in order (asked once)."""
    if ctx.article_rows is None:
        rows: dict[str, Row] = {}
        for s in ctx.sentences:
            for _, _, name in _instrument_names(ctx, s.text):
                row = _instrument_row(ctx.gaz, name)
                if row is not None:
                    rows.setdefault(row.key, row)
        ctx.article_rows = tuple(rows.values())
    return ctx.article_rows


_CLAUSE_START = re.compile(
    # ("SINGAPORE, 5 May 2018 - Indonesia was one of the first to ratify": a dateline's dash ends
    # where the article was filed; the country there is no party.)
    r"\s(?:-|–|—|--)\s|[;:]|,\s+(?:which|who|and|but|while|after|as|making)\b|\b(?:said|says|announced|added|reported)\s+(?:that\s+)?"
)


_AND_SUBJECT_VERB = re.compile(
    r"\s+and\s+(?=(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:also\s+)?\w+ed\b)"
)
_SAID = re.compile(r"(?<=\bthe\s)said\s+(?=[A-Z])")
_IT_BEFORE = re.compile(r"\b(?:it|It)\s+(?:has\s+|had\s+|finally\s+)?(?:been\s+)?$")
# ("…, and it will take effect on January 1, 2012": the law the sentence names before, if any.)
# A document the sentence names by its kind alone, before "it": what "it" points back at.
_ANOTHER_DOCUMENT_BEFORE = re.compile(
    rf"\b(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){{0,3}}?(?P<head>{_DOCUMENT_HEADS}|report)\b",
    re.IGNORECASE,
)
# A second predicate of the instrument the sentence opens with ("… was signed in 2005 and entered
# into force in 2008"): no subject of its own between "and" and the verb.
_AND_THEN_IN_FORCE = re.compile(
    r"^(?:The\s+)?[A-Z][^,;]*\b(?:was|were)\s+[^;]*\band\s+(?:later\s+|then\s+)?$"
    # ("The Council of Europe Convention …, opened for signature in Warsaw in May 2005, entered into
    # force in 2008": the subject, an act of its own set off by commas, then the verb.)
    r"|^(?:The\s+)?[A-Z][^,;]*,\s+(?:opened|signed|adopted|concluded|agreed)\s+[^;]*,\s+(?:later\s+|then\s+)?$"
)
_IT_WILL_BEFORE = re.compile(r"\bit\s+(?:will|(?:is|was)\s+(?:due|set|expected)\s+to)\s+$")
_BARE_HEAD = re.compile(
    r"\s+the\s+(?P<head>Convention|Treaty|Agreement|Charter|Protocol|Declaration)\b"
    # (Not a name that runs on: "the Declaration Against Trafficking in Persons …", "the Charter of".)
    r"(?!\s+(?i:on|of|against|for|to|in)\b)(?!\s+[A-Z])"
)
# What stands between "endorsed" and the instrument it endorses: "the", "the draft", "the final text of"
# (and "of" after the noun: "Endorsement of the ASEAN Convention …").
# "the draft ASEAN Convention …": a name right after "draft".
_DRAFT_BEFORE = re.compile(r"\bdraft\s+$", re.IGNORECASE)
_ENDORSED_OBJECT = re.compile(
    r"\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|an?\s+)?(?:(?:final\s+|revised\s+)?(?:draft|text)\s+(?:of\s+)?(?:the\s+)?)?"
)
# (Not "endorsed the draft guidelines": a draft of something else, which its noun names.)
_BARE_DRAFT = re.compile(
    r"\s+(?:the|its|their)\s+(?:final\s+)?draft\b(?!\s+(?:of\s+)?(?:the\s+)?[A-Z])"
    r"(?!\s+(?!(?:on|in|at|by|during|last|this|next|yesterday|today|and|or|which|that|for|when|after|before|"
    r"with|as|to|was|were|is|are|had|has)\b)[a-z])"
)
# A clause after a semicolon that opens with its subject, "the Convention".
_AFTER_SEMICOLON = re.compile(r";\s+(?:the\s+)?$", re.IGNORECASE)
# The rest of a row's label, up to its colon, and a value with a date ("Ratified: pending" reports no act).
_LABEL_ROW = re.compile(r"[^:.;]{0,80}:\s+[A-Za-z ,.'’()-]{0,40}?\d")
# A row's instrument, then its bracketed acronym or number, then a dash or colon: what follows is
# done to it.
_NAMED_ROW = re.compile(r"(?:\s*\([^()]{1,30}\))?\s*(?:[-–—]|:)\s+")
_WHICH_BEFORE = re.compile(r",\s+which\s+(?:had\s+|have\s+|has\s+|all\s+|both\s+)*$")


def countries(ctx: _Context, text: str) -> list[tuple[int, int, str]]:
    """The countries a text names, with their offsets."""
    return [(a, b, r.get("name")) for a, b, r in ctx.gaz.places.find(text) if r.get("kind") == "country"]


def _where(ctx: _Context, text: str, at: int) -> bool:
    """Whether the country at ``at`` says where, not who: "in Vientiane, Lao PDR", "in Indonesia"."""
    before = text[:at]
    if re.search(r"\b(?:in|at|from)\s+(?:the\s+)?$", before):
        return True
    city = re.search(r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}),\s+$", before)
    row = ctx.gaz.place_row(city.group("name")) if city else None
    return row is not None and row.get("kind") == "city"


# (Not "of ratification": "the deposit of instruments of ratification of the ACTIP by Cambodia and
# Singapore" is one act.)
_NEXT_ACT_NOUN = re.compile(r"\b(?<!\bof\s)(?:deposits?|ratifications?|accessions?)\b", re.IGNORECASE)


# What joins the countries of a list: "Cambodia, Singapore and Thailand".
_COUNTRY_SEP = r"(?:,\s*(?:and\s+)?|\s+and\s+)"


_WORK_ON = re.compile(
    r"\s+(?:the\s+)?(?:upgrad(?:e|ing)|review(?:ing)?|implementation|implementing|amendment|amending|"
    r"revision|revising|elevation|elevating|conversion|converting|transformation|translation|monitoring|"
    r"progress)\s+(?:of|on)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _country_subject(ctx: _Context, text: str, v_start: int) -> tuple[str, ...]:
    """ "Myanmar and Thailand signed it": the countries that alone make up the verb's subject, from
    the start of the sentence or of its clause."""
    run: list[tuple[int, int, str]] = []
    for c in reversed([c for c in countries(ctx, text) if c[1] <= v_start]):
        gap = text[c[1] : run[0][0] if run else v_start]
        if not re.fullmatch(rf"\s*(?:{_COUNTRY_SEP}\s*)?(?:the\s+)?(?:also\s+|later\s+)?", gap):
            break
        run.insert(0, c)
    if not run or not re.fullmatch(
        r"(?:.*[,;:]\s*)?(?:the\s+)?", text[: run[0][0]], re.DOTALL | re.IGNORECASE
    ):
        return ()
    return tuple(dict.fromkeys(c[2] for c in run))


def _parties(ctx: _Context, text: str, v_start: int, v_end: int) -> tuple[str, ...]:
    """The countries that ratify or deposit: the verb's subject ("Viet Nam and Myanmar deposited"),
    else "by X" after it, else the one country the sentence names."""
    named = countries(ctx, text)
    if not named:
        return (
            _party_by_adjective(ctx, text, v_start)
            or _party_by_office(ctx, text, v_start)
            or _party_by_capital(ctx, text, v_start)
        )
    antecedent = _WHICH_BEFORE.search(text, 0, v_start)
    if antecedent is not None:
        # "Cambodia, Singapore and Thailand, which ratified the Convention last year": the list
        # the relative clause hangs on, when nothing but countries and "and" makes it up.
        listed = [c for c in named if c[1] <= antecedent.start()]
        run: list[tuple[int, int, str]] = []
        for c in reversed(listed):
            gap = text[c[1] : run[0][0] if run else antecedent.start()]
            if not re.fullmatch(rf"\s*{_COUNTRY_SEP}?(?:the\s+)?", gap) and gap.strip():
                break
            run.insert(0, c)
        if run:
            return tuple(dict.fromkeys(c[2] for c in run))
    # "the deposit by the Philippines …, following the deposits by Viet Nam and Myanmar": a noun's
    # "by" names its own parties, up to the next act on an instrument.
    nxt = _NEXT_ACT_NOUN.search(text, v_end)
    by = [
        c
        for c in named
        if v_end <= c[0] < (nxt.start() if nxt else len(text))
        and re.search(r"\bby\s+(?:the\s+)?$", text[max(0, c[0] - 10) : c[0]])
    ]
    # ("by Cambodia and Singapore": the countries listed with the first.)
    for c in named:
        if by and c[0] > by[-1][0] and re.fullmatch(rf"\s*{_COUNTRY_SEP}(?:the\s+)?", text[by[-1][1] : c[0]]):
            by.append(c)
    if by and re.match(r"\s+by\s", text[v_end:]):
        return tuple(dict.fromkeys(c[2] for c in by))
    clause = _clause_start(_CLAUSE_START, text, v_start)
    # ("Cambodia ratified the convention in 2021 and Thailand registered its ratification": after a
    # verb of its own, "and" opens another subject's clause; not "Cambodia and Thailand deposited".)
    clause = max(
        (
            m.end()
            for m in _AND_SUBJECT_VERB.finditer(text, clause, v_start)
            if re.search(r"\b\w+ed\b", text[clause : m.start()])
        ),
        default=clause,
    )
    subject = [c for c in named if clause <= c[0] and c[1] <= v_start and not _where(ctx, text, c[0])]
    if subject:
        # ("Cambodia … depositing its instrument in January 2016, together with Singapore": the
        # country set beside the subject did it too.)
        beside = [
            c
            for c in named
            if c[0] > v_end
            and re.search(r",\s+(?:together|along)\s+with\s+(?:the\s+)?$", text[max(0, c[0] - 25) : c[0]])
        ]
        return tuple(dict.fromkeys(c[2] for c in subject + beside))
    if by:
        return tuple(dict.fromkeys(c[2] for c in by))
    distinct = tuple(dict.fromkeys(c[2] for c in named))
    return distinct if len(distinct) == 1 else ()


_KIND_WORDS = frozenset(
    {"memorandum", "understanding", "mou", "agreement", "standard", "operating", "procedures", "procedure"}
    | {"sop", "sops", "joint", "statement", "bilateral", "cooperation", "arrangement", "letter", "intent"}
    | {"of", "on", "the", "and", "a", "an", "new", "first", "second", "third"}
    # ("a memorandum of understanding to fight trafficking in persons, especially women and children":
    # what every such memorandum is about says no more than its kind.)
    | {"to", "fight", "combat", "combating", "against", "trafficking", "in", "persons", "human", "especially"}
    | {"women", "children", "prevent", "preventing", "prevention", "suppress", "suppression", "counter"}
)


def _generic_name(label: str) -> bool:
    """ "Memorandum of Understanding", "Standard Operating Procedures": a name that says only what
    kind of instrument it is."""
    words = re.findall(r"[a-z]+", label.casefold())
    return bool(words) and all(w in _KIND_WORDS for w in words)


def _signatories(ctx: _Context, text: str, v_start: int, v_end: int) -> tuple[str, ...]:
    """The two (or more) countries that signed: the verb's subject ("Cambodia and Thailand have
    signed"), with the one it signed "with" if the subject is one country; sorted, so that two
    outlets naming them in another order name one event."""
    named = countries(ctx, text)
    clause = _clause_start(_CLAUSE_START, text, v_start)
    subject = [c[2] for c in named if clause <= c[0] and c[1] <= v_start and not _where(ctx, text, c[0])]
    partner = [
        c[2]
        for c in named
        if c[0] >= v_end and re.search(r"\bwith\s+(?:the\s+)?$", text[max(0, c[0] - 12) : c[0]])
    ]
    found = tuple(sorted(dict.fromkeys(subject + partner[:1])))
    if len(found) < 2 and _THE_TWO.search(text, clause, v_start):
        # ("would work with Thailand under the bilateral memorandum the two countries signed in
        # 2005", in a sentence on Lao officials: the two the sentence names.)
        # (A country named by its adjective counts: "Lao officials", "the Thai government".)
        adjectives = [
            country
            for m in re.finditer(
                r"\b[A-Z][a-z]+(?=\s+(?:officials?|government|authorities|ministers?)\b)", text
            )
            if (country := ctx.gaz.country_of_adjective(m.group()))
        ]
        found = tuple(
            sorted(dict.fromkeys([*(c[2] for c in named if not _where(ctx, text, c[0])), *adjectives]))
        )
        return found if len(found) == 2 else ()
    return found if len(found) >= 2 else ()


_THE_TWO = re.compile(rf"\b(?:the\s+two|both)\s+{PARTY_NOUNS}\s+(?:had\s+)?$")


# "The Lao National Assembly approved the ratification", "the Thai cabinet endorsed …": a country
# named by its adjective, before its legislature or government, in the verb's clause.
_BY_ADJECTIVE = re.compile(
    r"\b(?P<adj>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:National\s+Assembly|[Pp]arliament|Senate|Congress|"
    r"[Cc]abinet|[Gg]overnment|lawmakers|legislators|[Ll]egislature|House\s+of\s+Representatives)\b"
)


# A legislature's upper house, which passes a bill after the lower one ("the Dewan Negara", "the
# Senate", "the Amyotha Hluttaw"); the lower house's passage is the bill's adoption as such.
_UPPER_HOUSE = r"(?P<house>Dewan Negara|Senate|Upper House|Amyotha Hluttaw|House of Nationalities)"
_HOUSE_ACTED = re.compile(rf"\b{_UPPER_HOUSE}\b(?:\s*\([A-Z]+\))?[^,;.]{{0,40}}$")
_BY_HOUSE = re.compile(rf"[^;.]{{0,120}}?\bby\s+the\s+{_UPPER_HOUSE}\b")


def _upper_house(text: str, v_start: int, v_end: int) -> str:
    """ "The Dewan Negara today passed …", "… was approved by the Senate on 18 January": the upper
    house whose vote the verb reports, as "the Senate" is written ("" if none)."""
    m = _HOUSE_ACTED.search(text, 0, v_start) or _BY_HOUSE.match(text, v_end)
    return f"the {m.group('house')}" if m else ""


def _law_country(ctx: _Context, text: str, v_start: int, v_end: int) -> tuple[str, ...]:
    """The country whose law it is: as a ratifying party is found, or, when the sentence names no
    country, the article's dateline country for a legislature named without one."""
    found = _parties(ctx, text, v_start, v_end)
    if found:
        return found if len(found) == 1 else ()
    return _legislature_country(ctx, text, v_start)


# ("MANILA, 30 June 2022 - The President signed the law on June 23": the head of state of the
# country the article was filed in, as a legislature named without one.)
_HEAD_OF_STATE = r"\b[Tt]he\s+(?:President|King|Sultan)\b"


def _legislature_country(ctx: _Context, text: str, v_start: int) -> tuple[str, ...]:
    """ "HANOI — The National Assembly approved the ratification …", "NAY PYI TAW, 15 Dec - The
    Pyidaungsu Hluttaw today approved …", "SINGAPORE: Parliament on Monday passed the … Bill", "The
    President signed the law": no country named, the legislature or head of state of the country
    the article was filed in."""
    filed = dateline_of(ctx) if not countries(ctx, text) else None
    if filed is not None and re.search(rf"{_LEGISLATURE}\b|{_HEAD_OF_STATE}", text[:v_start]):
        return (filed[0].country,)
    return ()


_PROFILE_TITLE = re.compile(
    r"\b(?:country\s+(?:profile|brief|note|page|summary)|profile|key\s+facts|fact\s+sheet|at\s+a\s+glance)\b",
    re.IGNORECASE,
)


def _profile_country(ctx: _Context, text: str) -> tuple[str, ...]:
    """ "ACTIP: signed 21 November 2015; instrument of ratification deposited 5 January 2017" on a
    page titled "Country profile: Viet Nam": with no country in the sentence, the one the profile is
    of."""
    title = ctx.article.document.title or ""
    if countries(ctx, text) or not _PROFILE_TITLE.search(title):
        return ()
    named = {c for _, _, c in countries(ctx, title)}
    return (named.pop(),) if len(named) == 1 else ()


def _party_by_adjective(ctx: _Context, text: str, v_start: int) -> tuple[str, ...]:
    clause = _clause_start(_CLAUSE_START, text, v_start)
    for m in reversed(list(_BY_ADJECTIVE.finditer(text, clause, v_start))):
        adjective = m.group("adj")
        country = ctx.gaz.country_of_adjective(adjective) or ctx.gaz.country_of_adjective(
            adjective.split()[-1]
        )
        if country:
            return (country,)
    return ()


def _party_by_capital(ctx: _Context, text: str, v_start: int) -> tuple[str, ...]:
    """ "Manila's envoy to ASEAN, Elizabeth Buensuceso, deposited the instrument …": a city's
    possessive in the verb's clause (a capital, as news writes it) stands for its country."""
    clause = _clause_start(_CLAUSE_START, text, v_start)
    found = set()
    # ("Manila ratified the Convention in 2017": the city as the verb's whole subject, too.)
    lead = text[clause:v_start]
    subject = re.fullmatch(
        r"\s*(?:[A-Z][A-Z .,-]*\s[-–—]+\s*)?(?P<city>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:\w+ly\s+)?", lead
    )
    for m in [
        *re.finditer(r"\b(?P<city>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s", lead),
        *filter(None, [subject]),
    ]:
        row = ctx.gaz.place_row(m.group("city"))
        if row is not None and row.get("kind") == "city":
            found.add(row.get("country"))
    return tuple(found) if len(found) == 1 else ()


def _party_by_office(ctx: _Context, text: str, v_start: int) -> tuple[str, ...]:
    """ "President Joko Widodo signed Law No. 12 of 2017 on the ratification of …": the country whose
    office the one person named in the verb's clause holds (offices.csv: "President of Indonesia")."""
    clause = _clause_start(_CLAUSE_START, text, v_start)
    held = set()
    for _, _, row in ctx.gaz.offices.find(text[clause:v_start]):
        # (The last "of": "Minister of Foreign Affairs of Thailand" is Thailand's.)
        office = re.search(r"^.*\bof\s+(?:the\s+)?(?P<c>[A-Z][\w -]+)$", row.get("office"))
        place = ctx.gaz.place_row(office.group("c")) if office else None
        if place is not None and place.get("kind") == "country":
            held.add(place.get("name"))
    return tuple(held) if len(held) == 1 else ()


# "thirty days after the sixth ratification was deposited", "after the sixth member state deposited
# its instrument", "deposited the sixth instrument of ratification": a deposit counted, no party named.
_NTH_DEPOSIT = re.compile(
    rf"\bthe\s+(?P<n>{ORDINAL_TOKEN})\s+(?:(?:ASEAN\s+)?[Mm]ember\s+[Ss]tate|country|state|ratification|"
    r"instrument\s+of\s+ratification)\b"
)


def _nth_depositor(ctx: _Context, text: str, v_start: int, v_end: int, row: Row) -> tuple[str, ...]:
    """The party whose deposit the reference rows put at the rank the sentence counts, when that rank
    is one party's alone (no deposit on the same day or month beside it)."""
    clause = _clause_start(_CLAUSE_START, text, v_start)
    counted = [m for m in _NTH_DEPOSIT.finditer(text, clause, min(len(text), v_end + 60))]
    n = ordinal_value(counted[-1].group("n")) if counted else None
    if n is None:
        return ()
    dated = []
    for act in ctx.gaz.reference.rows("acts"):
        if act.get("instrument") == row.key and act.get("act") == "deposit" and act.get("party"):
            day = parse_partial(act.get("date"))
            if day is not None:
                dated.append((day[0], day[1], act.get("party")))
    dated.sort()
    if not 0 < n <= len(dated):
        return ()
    lo, hi, party = dated[n - 1]
    before_ok = n == 1 or dated[n - 2][1] < lo
    after_ok = n == len(dated) or hi < dated[n][0]
    return (party,) if before_ok and after_ok else ()
