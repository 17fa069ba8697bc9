"""The regular expressions and trigger words the extractors share, compiled once."""

from __future__ import annotations

import re

from tipbrief.common.words import Trigger, trigger

MEETING_NOUNS = (
    "seminar",
    "workshop",
    "symposium",
    "conference",
    "forum",
    "dialogue",
    "consultation",
    "training",
    "meeting",
    "summit",
    "retreat",
    "roundtable",
    "congress",
)


_MEETING_VERB = trigger(
    *("held", "convened", "organised", "organized", "co-organised", "co-organized", "hosted", "opened"),
    *("took place", "take place", "kicked off", "concluded", "conducted", "will hold", "to hold", "convene"),
    *("organise", "organize", "met", "meet", "gathered", "brought together"),
)


_ADOPTION_VERB = trigger(
    *("adopted", "approved", "signed", "endorsed", "ratified", "issued", "finalised", "finalized"),
    *("adoption", "signing", "signature", "ratification", "endorsement", "adopt", "sign", "endorse"),
    *("ratify", "approve"),
    group="verb",
)


_PUBLICATION_VERB = trigger(
    "launched",
    "launch",
    "published",
    "released",
    "made public",
    "unveiled",
    "presented",
    "issued",
    group="verb",
)


# The noun without its plural "s" names the kind of meeting, so this pattern is not a plain list.
_MEETING_NOUN = Trigger(
    re.compile(r"\b(?P<noun>" + "|".join(MEETING_NOUNS) + r")s?\b", re.IGNORECASE),
    frozenset(n + s for n in MEETING_NOUNS for s in ("", "s")),
)


_DOC_NOUN = (
    r"(?:Report|Review|Study|Survey|Assessment|Handbook|Guidelines?|Toolkit|Publication|Factsheet|Index"
    r"|Analysis|Baseline|Manual|Compendium)"
)


_INSTRUMENT_HEADS = (
    *("Declaration", "Convention", "Treaty", "Plan of Action", "Agreement", "Charter", "Consensus"),
    *("Protocol", "Roadmap", "Framework", "Statement", "Action Plan", "Work Plan"),
    *("Memorandum of Understanding", "MoU"),
)


_INSTRUMENT_HEAD = "(?:" + "|".join(_INSTRUMENT_HEADS) + ")"


_CAP_WORD = r"(?:[A-Z][\w’'.-]*|U\.S\.)"


_CONNECT = (
    r"(?:of|on|for|the|and|in|to|against|within|with|Especially|especially|Particularly|particularly|,)"
)


_CONNECT_WORD = r"(?:of|on|for|the|and|in|to|against|within|with)"


_NAME_PHRASE = rf"{_CAP_WORD}(?:\s+(?:{_CONNECT}\s+)*{_CAP_WORD})*"


_INSTRUMENT_NAME = re.compile(
    rf"(?P<name>(?:{_CAP_WORD}\s+)*?{_INSTRUMENT_HEAD}"
    rf"(?:(?:\s+(?:{_CONNECT_WORD}\s+)+|,\s+(?=[EePp](?:specially|articularly)\b)){_CAP_WORD}(?:\s+{_CAP_WORD})*)*)"
)


_INSTRUMENT_COMMON_HEADS = (
    *("declaration", "convention", "treaty", "plan of action", "agreement", "statement", "roadmap"),
    "framework",
)


_INSTRUMENT_COMMON = re.compile(
    r"\b(?:a|an|the)\s+(?P<name>(?:ASEAN\s+|regional\s+|joint\s+|leaders['’]\s+)?"
    rf"(?:{'|'.join(_INSTRUMENT_COMMON_HEADS)})"
    r"\s+(?:on|against|to|for)\s+(?:[^,;.()]|\([A-Z]{2,8}\)){3,140}?)"
    r"(?=\s*(?:,|;|\.|\bat the\b|\bduring\b|\bin [A-Z]|\bwhich\b|$))"
)


_DOC_NAME = re.compile(
    rf"(?P<name>(?:{_CAP_WORD}\s+)*?{_DOC_NOUN}(?:,?\s+(?:{_CONNECT}\s+)*{_CAP_WORD}(?:,?\s+{_CAP_WORD})*)*)"
)


_QUOTED = re.compile(r"[“\"](?P<q>[^”\"]{8,300})[”\"]")


_SUMMIT_NUMBER = re.compile(
    r"\b(?:(?P<n1>\d{1,2})(?:st|nd|rd|th)\s+ASEAN\s+Summits?|ASEAN\s+Summit\s+(?:No\.?\s*)?(?P<n2>\d{1,2})\b|"
    r"(?P<n3>\d{1,2})(?:st|nd|rd|th)\s+and\s+\d{1,2}(?:st|nd|rd|th)\s+ASEAN\s+Summits)"
)


_SUMMIT_WORD = re.compile(r"\bASEAN\s+Summits?\b|\bSummits?\b")


_ORDINAL = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?:ASEAN\s+)?(?:(?:Regular|Annual)\s+)?$")


_ANAPHORIC_NOUNS = (
    "event",
    *MEETING_NOUNS,
    "launch",
    "launching",
    "ceremony",
    "report",
    "review",
    "declaration",
    "convention",
)


_ANAPHOR = Trigger(
    re.compile(
        r"\b(?:the|this|that)\s+(?:two-day\s+|three-day\s+|one-day\s+)?(?P<noun>"
        + "|".join(_ANAPHORIC_NOUNS)
        + r")\b",
        re.IGNORECASE,
    ),
    frozenset(_ANAPHORIC_NOUNS),
)


_NOT_CURRENT = re.compile(
    r"\b(?:former|late|then|ex-|outgoing|incoming|newly appointed|designate)\s*$", re.IGNORECASE
)


_TITLED_PERSON = re.compile(
    r"\b(?P<title>H\.E\.?\s+(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?\s+)?|Ambassador|Madame|Mme\.?|Dr\.|Mr\.|Ms\.|Mrs\.|Prof\."
    r"|Minister|Secretary[- ]General|Deputy Secretary[- ]General)\s+"
    r"(?P<name>(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'-]+|[A-Z]\.|de|van|bin|binti)){1,4})"
)


_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|is to|are to|is expected to|are expected to)\b[^.;,]{0,60}$")


_FUTURE_ADOPTION = re.compile(
    r"\b(?:will|shall|to be|is expected to|are expected to)\b[^.;,]{0,40}"
    r"\b(?:adopt|sign|ratif|finali|approv|endors)"
)


_AT_MEETING = re.compile(
    r"\b(?:at|during|on the (?:sidelines|margins) of|in conjunction with|ongoing|addressing|opened|opening|"
    r"convened|hosted|attended|closed|chaired)\b(?:\s+(?:the|its|this))?(?:\s+(?:ongoing|annual|upcoming))?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th))?(?:\s+ASEAN)?\s*$",
    re.IGNORECASE,
)


_MEETING_ACTED = re.compile(
    r"^[^,.;]{0,40}?\b(?:had |has |have )?(?:adopted|approved|endorsed|signed|issued|launched|agreed)\b",
    re.IGNORECASE,
)


_BODY_HEAD = re.compile(
    r"\b(?:Commission|Committee|Secretariat|Meeting|Agency|Association|Council|Organi[sz]ation|Ministry|"
    r"Mission|Office|Community|Partnership|Network|Forum|Court|Police|Bank|Fund|Department|Unit|Cent(?:re|er)|"
    r"Institute|Task Force|Body|Bureau|Authority|Group|Union|Coalition|Alliance|Foundation|Project|"
    r"Programme)\b"
)


_CLAUSE_END = re.compile(
    r"\b(?:during|at|when|where|while|in\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b))\b|;|\.(?:\s|$)"
)


_GAP_BEFORE_VERB = re.compile(
    r"^[\s,]*(?:and\s+)?(?:which|that)?\s*"
    r"(?:was|were|has been|have been|had been|is|are|will be|would be|to be)?\s*"
    r"(?:\w+(?:ed|ised|ized)\s+and\s+)?$"
)


_ONGOING = re.compile(r"\bongoing\b")
