"""The regular expressions and trigger words the extractors share, compiled once."""

from __future__ import annotations

import re

from tipbrief.common.words import Trigger, trigger
from tipbrief.facts.corpus import MONTH_RE
from tipbrief.facts.reference import Row

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
    # ("the 11th AIPA Caucus was hosted online …": a numbered meeting of the parliaments' caucus.)
    "caucus",
)


_MEETING_VERB = trigger(
    *("held", "convened", "organised", "organized", "co-organised", "co-organized", "hosted", "opened"),
    *("took place", "take place", "kicked off", "concluded", "conducted", "will hold", "to hold", "convene"),
    *("organise", "organize", "met", "meet", "gathered", "brought together", "gather", "host", "hosting"),
    *("continued", "wrapped up", "ended", "closed", "opens", "begins", "began", "chaired", "will chair"),
    *("preceded", "followed"),
    # "When ASEAN leaders sit down in Jakarta tomorrow for the 43rd ASEAN Summit": they meet for it.
    *("sit down", "sits down", "sat down"),
    # "Twenty-five practitioners finished a four-day workshop … last week": those who took part.
    *("finished", "completed"),
    # A timeline's present: "May 29 - Thailand hosts a Special Meeting on Irregular Migration …".
    *("hosts", "holds", "convenes"),
    *("took part", "attended", "attending", "attend", "participated", "is being held", "being held"),
    *("runs", "run from"),
    # "That summit … was put off and moved to February": a meeting still to be held (see events._PUT_OFF).
    *("postponed", "put off", "rescheduled", "deferred", "pushed back"),
    group="verb",
)


# Verbs after which the meeting is the object ("held a workshop"), not the subject ("the workshop
# opened"): with these, the meeting named after the verb is the one that took place.
_TRANSITIVE_MEETING_VERB = re.compile(
    r"^(?:held|convened|organi[sz]ed|co-organi[sz]ed|hosted|host|hosts|hosting|holds|convenes|opened|"
    r"will hold|to hold|"
    r"convene|organi[sz]e|chaired|will chair|attended|attending|attend|wrapped up|closed|took part|"
    r"participated|gather|gathered|meet|met|finished|completed)$",
    re.IGNORECASE,
)


# Ordinal numbers as words ("the Tenth Meeting", "its twenty-third meeting").
_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORDINAL_TEENS = (
    *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth"),
)
TENS_WORDS = ("twenty", "thirty", "forty", "fifty")
ORDINAL_WORDS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)},
    **{w: i + 10 for i, w in enumerate(_ORDINAL_TEENS)},
    **{t[:-1] + "ieth": 20 + 10 * i for i, t in enumerate(TENS_WORDS)},
    **{
        f"{t}-{u}": 20 + 10 * i + j + 1
        for i, t in enumerate(TENS_WORDS)
        for j, u in enumerate(_ORDINAL_UNITS)
    },
}


ORDINAL_TOKEN = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|"
    + "|".join(sorted((w.replace("-", "[- ]") for w in ORDINAL_WORDS), key=len, reverse=True))
    + ")"
)


def ordinal_value(token: str) -> int | None:
    """ "18th" → 18, "Eighteenth" → 18, "twenty third" → 23; None for anything else."""
    t = token.strip().casefold().replace(" ", "-")
    if t[:-2].isdigit() and t[-2:] in ("st", "nd", "rd", "th"):
        return int(t[:-2])
    return ORDINAL_WORDS.get(t)


# Acts on an instrument. The verb names the act; whether concluding an instrument is its signing
# or its adoption depends on the instrument (see acts.py).
_ACT_VERB = trigger(
    *("adopted", "approved", "signed", "endorsed", "issued", "finalised", "finalized", "inked", "noted"),
    # ("where the 12th ASEAN Summit produced the ASEAN Declaration on … Migrant Workers": concluded.)
    "produced",
    # ("October 2021 – … leaders note the Regional Plan of Action …": a timeline's present.)
    *("note", "notes"),
    # ("… and was published in the Gazette on July 26": a law's publication, its own step.)
    *("published in the Gazette", "published in the Government Gazette", "published in the Royal Gazette"),
    *("gazetted",),
    # ("The Act received the royal assent on July 18": a law's signing by its head of state.)
    *("received the royal assent", "received royal assent", "receives royal assent"),
    # ("The Dewan Rakyat on Wednesday passed the … (Amendment) Bill 2022": a law's adoption.)
    *("passed", "enacted"),
    # ("the National Assembly voted to pass the Law on …": see acts._LEGISLATURE_VOTED.)
    "pass",
    # ("28 November 2024 - Viet Nam's National Assembly passes the amended Law on …": a timeline's present.)
    "passes",
    *("adoption", "signing", "signature", "endorsement", "adopt", "sign", "endorse", "approve", "adopts"),
    # ("ministers agreed a regional plan of action … in Bali in May 2007": see acts._AGREED_INSTRUMENT.)
    "agreed",
    *("signs", "ratified", "ratify", "ratifies", "ratification", "deposited", "deposit", "deposits"),
    # ("The Council of Europe Convention … was opened for signature in Warsaw on 16 May 2005": the
    # day its first parties signed it.)
    *("opened for signature", "open for signature"),
    *("handed", "handed over", "lodged", "submitted", "entered into force", "enter into force"),
    *("hands", "hands over", "handing over"),
    # ("Thailand registered its ratification of the Protocol with the ILO": the ILO's word for the
    # deposit of an instrument with its Director-General.)
    *("registered", "registers"),
    # ("The minister presented Thailand's instrument of ratification … to the Director-General")
    *("presented", "presents"),
    # "Singapore acceded to the Protocol …": a state that did not sign ratifies by accession.
    # (Not the noun: "Timor-Leste's accession to ASEAN" is mostly membership, or talk of it.)
    *("acceded", "accedes", "accede", "acceding"),
    *("enters into force", "entry into force", "came into force", "come into force", "comes into force"),
    *("took effect", "take effect", "takes effect", "came into effect", "come into effect"),
    *("will enter into force", "entering into force", "in force since"),
    # ("The Act came into operation on 28 February 2008", "fully in operation since February 2008":
    # Malaysian and Singaporean statutes' own words for it.)
    *("came into operation", "come into operation", "comes into operation", "in operation since"),
    # ("signed at the 27th Summit and in force from 8 March 2017": the day it took effect.)
    *("in force from",),
    # ("… was passed on 29/3/2011 and has been in effect since 01/01/2012")
    *("in effect since", "in effect from"),
    # ("the ASEAN Convention … has been in force in the region since March 2017")
    *("in force in the region since", "in force across the region since", "in force across ASEAN since"),
    # ("… has been in force internationally since 16 November 2017": for all its parties.)
    *("in force internationally since", "in force worldwide since", "in force globally since"),
    # "the Convention becomes binding on Thailand on 30 January": its entry into force for a party.
    *("became binding on", "becomes binding on", "become binding on", "be binding on", "been binding on"),
    # ("The ACTIP became binding yesterday": on all its parties at once.)
    *("became binding", "becomes binding"),
    # "As the sixth ratification, it brings the Convention into force on 8 March 2017".
    *("into force on",),
    *("adopting", "endorsing", "approving", "ratifying", "depositing", "signatures"),
    # ("Decision No. 193/QD-TTg, dated 09/02/2021, approved …": a government's instrument is issued on
    # the day it is dated.)
    "dated",
    # "leaders put their names to the Convention": the idiom for signing it.
    *("put their names to", "put their signatures to", "put pen to paper on"),
    group="verb",
)


_ADOPTION_VERB = trigger(
    *("adopted", "approved", "signed", "endorsed", "ratified", "issued", "finalised", "finalized"),
    *("adoption", "signing", "signature", "ratification", "endorsement", "adopt", "sign", "endorse"),
    *("ratify", "approve", "adopting", "endorsing", "approving", "ratifying", "signatures"),
    group="verb",
)


_PUBLICATION_VERB = trigger(
    *("launched", "launch", "launches", "launching", "published", "released", "made public", "unveiled"),
    *("publishes", "publish", "releases", "release", "unveils", "unveil"),
    *("presented", "presenting", "issued", "inaugurated", "inauguration"),
    # ("October 2009 - Leaders inaugurate the ASEAN Intergovernmental Commission …": a timeline's present.)
    *("inaugurate", "inaugurates"),
    # ("the previous edition appeared in December 2012": what appears is only ever a document; so
    # does "The previous edition had come out in July 2018".)
    *("appeared", "came out", "come out"),
    # ("The UN Human Rights Office put out a report last Tuesday")
    *("put out", "puts out"),
    # "The AICHR was established in October 2009": a body set up (bodies only, see launches.py).
    *("established", "founded", "set up", "created"),
    group="verb",
)


# What is launched, when it is not a document: "the Philippine Chairmanship of ASEAN", "the ASEAN
# Community", "a 10-year programme".
_LAUNCH_HEAD = (
    r"(?:Programme|Program|Project|Initiative|Campaign|Chairmanship|Community|Network|Platform|Portal"
    # ("a National Approach against TIP": a head is a whole word, never "App" in "Approach".)
    r"|Fund|Strategy|Partnership|Hotline|Database|Website|App|Centre|Center|Mechanism|System|Approach)\b"
)


# Common nouns for what is launched: "a compilation of good practices", "a new programme to …".
_LAUNCH_COMMON = re.compile(
    # (No second determiner among the words before the noun: "the upgrade to Tier 2 came in the
    # edition published a year ago" is "the edition".)
    r"\b(?P<det>a|an|the|its|their|(?:last|this|next) year['’]s)\s+"
    r"(?P<mods>(?:(?!(?:a|an|the)\s)[\w$.,’'()-]+\s+){0,8}?)"
    r"(?P<noun>programme|program|project|initiative|campaign|compilation|report|review|study|estimates|index|survey|"
    r"handbook|guidelines?|compendium|"
    r"toolkit|manual|database|website|platform|network|hotline|app|strategy|fund|community|edition|"
    # "the Philippines launched its ASEAN chairmanship in Davao City"
    r"chairmanship)\b",
    re.IGNORECASE,
)


# The noun without its plural "s" names the kind of meeting, so this pattern is not a plain list.
_MEETING_NOUN = Trigger(
    re.compile(r"\b(?P<noun>" + "|".join(MEETING_NOUNS) + r")s?\b", re.IGNORECASE),
    frozenset(n + s for n in MEETING_NOUNS for s in ("", "s")),
)


_DOC_NOUN = (
    r"(?:Report|Review|Study|Survey|Assessment|Estimates|Handbook|Guidelines?|Toolkit|Publication|Factsheet|Index"
    r"|Analysis|Baseline|Manual|Compendium|Compilation|Curriculum)"
)


_INSTRUMENT_HEADS = (
    *("Declaration", "Convention", "Treaty", "Plan of Action", "Agreement", "Charter", "Consensus"),
    *("Protocol", "Roadmap", "Framework", "Statement", "Action Plan", "Work Plan", "Guidelines", "Guideline"),
    # "its National Strategic Plan on Combating Human Trafficking 2024-2028", "the National Plan"
    *("Strategic Plan", "National Plan"),
    # "the ASEAN Community Vision 2025, adopted in Kuala Lumpur ten years ago"
    "Vision",
    # "Ministers adopted the 2023 Adelaide Strategy for Cooperation"
    "Strategy",
    *("Memorandum of Understanding", "MoU"),
    # "leaders signed the Vientiane Action Programme", "the Programme of Action": a plan by another
    # name (a "programme" alone is a project, launched).
    *("Action Programme", "Programme of Action"),
    # "Cambodia and Thailand signed Standard Operating Procedures on law enforcement cooperation"
    *("Standard Operating Procedures", "Standard Operating Procedure"),
)


_INSTRUMENT_HEAD = "(?:" + "|".join(_INSTRUMENT_HEADS) + ")"

# The head of a national law's name ("… Act of 2012", "… Bill 2022", "Law on …").
LAW_HEAD = re.compile(r"\b(?:Act|Bill|Law|Executive Order)\b")


# ("the Attorneys-General/Ministers of Justice": one word with a slash; not two names of a joint
# event, "the ASEAN Civil Society Conference/ASEAN Peoples' Forum", each a name of its own.)
_SLASH_IN_WORD = r"(?<!Conference)(?<!Forum)(?<!Meeting)(?<!Summit)/(?!ASEAN\b)"
# (Never from inside a word: "13TH MEETING OF …" in a headline in capitals has no word "TH".)
_CAP_WORD = rf"(?:(?<!\w)[A-Z][\w’'.-]*(?:{_SLASH_IN_WORD}[A-Z][\w’'.-]*)*|U\.S\.)"


_CONNECT = (
    r"(?:of|on|for|the|and|in|to|against|within|with|Especially|especially|Particularly|particularly|,)"
)


_CONNECT_WORD = r"(?:of|on|for|the|and|in|to|against|within|with)"


_NAME_PHRASE = rf"{_CAP_WORD}(?:\s+(?:{_CONNECT}\s+)*{_CAP_WORD})*"


_INSTRUMENT_NAME = re.compile(
    # ("the ILO Work in Fishing Convention": a small word between capitalised ones before the head.)
    rf"(?P<name>(?:{_CAP_WORD}\s+(?:(?:in|of|on|for|against)\s+(?=[A-Z]))?)*?{_INSTRUMENT_HEAD}"
    # "the Protocol of 2014 to the Forced Labour Convention": a year in the name.
    r"(?:\s+of\s+(?:19|20)\d\d(?=\s+to\s+the\s+[A-Z]))?"
    # ("the Protocol to Prevent, Suppress and Punish Trafficking in Persons": a list of capitalised
    # words inside the name.)
    # ("the Regional Plan of Action for the Protection of Children from All Forms of Online
    # Exploitation and Abuse in ASEAN": "from" joins capitalised words inside the name.)
    rf"(?:(?:\s+(?:{_CONNECT_WORD}\s+)+|\s+from\s+(?=All\b|Any\b)|,\s+(?=[EePp](?:specially|articularly)\b)"
    r"|,\s+(?=(?:[A-Z][a-z]+,\s+)*[A-Z][a-z]+\s+and\s+[A-Z]))"
    rf"{_CAP_WORD}(?:\s+{_CAP_WORD})*)*"
    # "the ASEAN Multi-Year Work Plan 2024-2028": the years it covers close the name.
    r"(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\b(?!\s*[-–]))?)"
)


_INSTRUMENT_COMMON_HEADS = (
    *("declaration", "convention", "treaty", "plan of action", "agreement", "statement", "roadmap"),
    # ("signed the first memorandum on cooperation to combat trafficking": a memorandum with what it
    # is on, as a memorandum of understanding is.)
    *("framework", "memorandum of understanding", "memorandum"),
    # ("The first MoU on Indonesian domestic workers was inked in Bali")
    *("MoU", "MOU"),
    # ("signed a protocol amending the memorandum of understanding …": the protocol is what was signed.)
    "protocol",
    # "ministers on Monday adopted a 2023-2028 work plan to combat trafficking in persons"
    *("work plan", "action plan"),
)


# "in the same town": the place named before (links._link_back, events._same_place).
SAME_PLACE = re.compile(r"\b(?:in the same (?:city|town|place|venue)|at the same venue)\b", re.IGNORECASE)


# A weekday's name, as a date may open with it ("on Thursday", "on Monday, 5 May").
WEEKDAY_RE = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"


_INSTRUMENT_COMMON = re.compile(
    # ("an ASEAN leaders' declaration on trafficking …": two of them.)
    # ("The first MoU on Indonesian domestic workers was inked in Bali": at a sentence's start too.)
    r"\b(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:own\s+)?(?P<name>(?:(?:ASEAN|regional|joint|leaders['’])\s+){0,2}"
    # ("the Thai-Myanmar memorandum of understanding against trafficking": the pair that signed it.)
    r"(?:[A-Z][a-z]+[-–][A-Z][a-z]+\s+)?"
    # "a non-binding declaration against trafficking", "a declaration pledging joint action against …"
    r"(?:(?:non-binding|legally binding|binding|landmark|historic|new|first|political|common|regional"
    r"|long-awaited|bilateral|(?:19|20)\d\d[-–](?:19|20)\d\d)\s+){0,2}"
    rf"(?:{'|'.join(_INSTRUMENT_COMMON_HEADS)})"
    # ("a memorandum of understanding (MOU) on Indonesian domestic workers": its acronym first.)
    r"(?:\s+\((?:MOU|MoU|MOUs|MoUs)\))?"
    r"(?:\s+(?:on|against|to|for|pledging|committing|calling for|aimed at|vowing|amending)\s+"
    # ("ratified the convention on 14 March 2016 and deposited …": a date, not what it is about.)
    rf"(?!\d|(?:{MONTH_RE}|{WEEKDAY_RE})\b"
    # ("adopted the declaration on the last day of the summit", "on the sidelines of …", "on behalf of
    # …": when or how it was adopted, not what it is on.)
    r"|(?:the\s+)?(?:first|last|final|opening|closing|same|following|next|previous|second|third)\s+"
    r"(?:day|days|week|month|year|session)\b|the\s+sidelines\b|behalf\b)"
    r"(?:[^,;.()]|\([A-Z]{2,8}\)){3,140}?"
    # ("the ASEAN convention against trafficking has been in force since March 2017": the verb ends it.)
    # ("… to combat trafficking in persons on July 13, 2005": the day is no part of the name.)
    # ("… abuse of technology at their summit in the same town": where it was adopted, as "at the".)
    r"(?=\s*(?:,|;|\.|\bat (?:the|their|its|an?)\b|\bduring\b|\bin [A-Z]|\bin \d|\bon \d|\bwhich\b|\bthat\b|$"
    rf"|\bon (?:{MONTH_RE}|{WEEKDAY_RE})\b"
    # ("signed a memorandum of understanding on trafficking a decade ago": nor is a time counted back.)
    r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:decades?|years?|months?|weeks?)\s+ago\b"
    r"|\b(?:last|this)\s+(?:year|month|week)\b|\byesterday\b"
    # ("signed a memorandum of understanding on trafficking in persons with Laos": who it was signed
    # with, not what it is on.)
    r"|\bwith\s+(?:the\s+)?[A-Z]"
    # ("adopting a declaration on combating transnational crime … and a roadmap for cooperation on
    # border management": a second instrument of its own, after "and".)
    r"|\band\s+(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,2}?"
    rf"(?:{'|'.join(_INSTRUMENT_COMMON_HEADS)})\b)"
    r"|\s+(?:has|have|had|is|are|was|were|will|would|shall)\s)"
    # "a declaration that commits their governments to …": what it does describes it.
    r"|(?=\s+(?:that|which)\s+(?:commits?|pledges?|binds?|calls?|vows?|aims?|seeks?|sets?|urges?|obliges?)\b)"
    # "the regional treaty that Southeast Asian leaders signed in Kuala Lumpur": its conclusion.
    r"|(?=\s+(?:that|which)\s+(?:[\w'’-]+\s+){1,4}?(?:signed|adopted)\b)))"
)


# Names may hold small words between capitalised ones: "Trafficking in Persons Report".
_DOC_NAME = re.compile(
    # An acronym in brackets may stand inside the name: "Trafficking in Persons (TIP) Report".
    rf"(?P<name>(?:(?:{_CAP_WORD}|\([A-Z][\w&/-]*\))\s+(?:(?:of|on|for|in|and|to|against)\s+)*)*?{_DOC_NOUN}"
    # An edition's year may close it: "Global Report on Trafficking in Persons 2016".
    rf"(?:,?\s+(?:{_CONNECT}\s+)*{_CAP_WORD}(?:,?\s+{_CAP_WORD})*)*(?:\s+(?:19|20)\d\d\b(?![-–/]))?)"
)


_LAUNCH_NAME = re.compile(
    rf"(?P<name>(?:{_CAP_WORD}\s+(?:(?:of|on|for|the|and|in|to|against)\s+)*)*?{_LAUNCH_HEAD}"
    # ("the National Approach against Trafficking in Persons": small words inside what it is against.)
    rf"(?:\s+(?:of|on|for|against|to)\s+(?:the\s+)?{_CAP_WORD}(?:\s+(?:(?:in|of|and)\s+)?{_CAP_WORD})*)?)"
)


_QUOTED = re.compile(r"[“\"](?P<q>[^”\"]{8,300})[”\"]")


_SUMMIT_NUMBER = re.compile(
    r"\b(?:(?P<n1>\d{1,2})(?:st|nd|rd|th)\s+ASEAN\s+Summits?|ASEAN\s+Summit\s+(?:No\.?\s*)?(?P<n2>\d{1,2})\b|"
    # ("the 44th and 45th Summits": two numbers held as one are ASEAN's own, with or without the name.)
    r"(?P<n3>\d{1,2})(?:st|nd|rd|th)\s+and\s+(?P<n4>\d{1,2})(?:st|nd|rd|th)\s+(?:ASEAN\s+)?[Ss]ummits)"
)


_SUMMIT_WORD = re.compile(r"\bASEAN\s+Summits?\b|\bSummits?\b")


_ORDINAL = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?:ASEAN\s+)?(?:(?:Regular|Annual)\s+)?$")
# A series' name (or alias) that runs on into a longer name is another meeting's: "ASEAN Ministerial
# Meeting" inside "the Ninth ASEAN Ministerial Meeting on Social Welfare and Development (AMMSWD)".
_NAME_GOES_ON = re.compile(r"\s+(?:on|for|of|against)\s+[A-Z]")
_TOPIC_GOES_ON = re.compile(r"\s+(?:on|against)\s+[a-z]")


def goes_on(text: str, start: int, end: int, row: Row) -> bool:
    """An alias of a series that runs on into a longer name (the series' own name may run on: "Sixth
    Bali Process Ministerial Conference on People Smuggling, …")."""
    on = _NAME_GOES_ON.match(text, end)
    said_words = text[start:end].split()
    if on is None and any(w[:1].islower() for w in said_words[1:]):
        # ("an emergency ASEAN ministerial meeting on trafficking": a meeting described in common
        # words, on a topic of its own, is no meeting of the series whose name those words spell.)
        on = _TOPIC_GOES_ON.match(text, end)
    if on is None or text[start:end].casefold() == row.get("name").casefold():
        return False
    # ("Ministerial Conference of the Bali Process on People Smuggling": the start of a longer name
    # of the same series.)
    word = re.match(r"[\w'’-]+", text[on.end() - 1 :])
    said = text[start : on.end() - 1 + (word.end() if word else 0)].casefold()
    return not any(n.casefold().startswith(said) for n in (row.get("name"), *row.get("aliases").split(";")))


# A meeting's number after its series' name: "AMMTC 17 met in Labuan Bajo", "APSC Council 26" (not
# "AMMTC 10 years ago", "SOMTC 2024", "SOMTC 3.5").
NUMBER_AFTER = re.compile(r"\s+(?P<n>\d{1,2})\b(?![\d,.:/%-]\d|\s*(?:per\s*cent|%)|\s+[a-z]+s\b)")


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
    r"\b(?:former|late|then|ex-|outgoing|incoming|newly appointed|designate"
    # ("Deputy Foreign Minister Don Pramudwinai": another office than the one the title names.)
    r"|deputy|vice|assistant|acting"
    # ("President Prabowo Subianto, who succeeded Joko Widodo in October": Widodo is out of office.)
    r"|succeeded|succeeds|replaced|replaces|took over from|takes over from|predecessor|successor to)"
    # ("then Indonesian President Joko Widodo": with the title between.)
    r"(?:\s+[A-Z][\w.'’-]*){0,3}\s*$",
    re.IGNORECASE,
)


_TITLED_PERSON = re.compile(
    r"\b(?P<title>H\.E\.?\s+(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?\s+)?|Ambassador|Madame|Mme\.?|Dr\.|Mr\.|Ms\.|Mrs\.|Prof\."
    r"|Minister|Secretary[- ]General|Deputy Secretary[- ]General)\s+"
    r"(?P<name>(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'-]+|[A-Z]\.|de|van|bin|binti)){1,4})"
)


_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|is to|are to|is expected to|are expected to)\b[^.;,]{0,60}$")


# (Not "ratify" or "approve": "expected to press the remaining states to ratify the Convention,
# which leaders signed in January 2007" comes after the adoption, not before it.)
_FUTURE_ADOPTION = re.compile(
    r"\b(?:will|shall|to be|is expected to|are expected to)\b[^.;,]{0,40}"
    r"\b(?:adopt|sign|finali|endors)"
)


_AT_MEETING = re.compile(
    r"\b(?:at|during|on the (?:sidelines|margins) of|in conjunction with|ongoing|addressing|opened|opening|"
    r"convened|hosted|attended|closed|chaired|concluded|ended|wrapped up)\b(?:\s+(?:the|its|this))?"
    r"(?:\s+(?:ongoing|annual|upcoming))?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th))?(?:\s+ASEAN)?\s*$",
    re.IGNORECASE,
)


_MEETING_ACTED = re.compile(
    # ("August 2018 - Seventh conference, Bali, held after …, adopts a declaration": a timeline's
    # present, after the place in apposition and an aside on when it was held.)
    r"^(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},)?(?:\s*(?:held|convened)\b[^;.]{0,80}?,)?"
    r"[^,.;]{0,40}?\b(?:had |has |have )?"
    r"(?:adopted|approved|endorsed|signed|issued|launched|agreed|adopts|approves|endorses|signs|issues|launches)\b",
    re.IGNORECASE,
)


_BODY_HEAD = re.compile(
    r"\b(?:Commission|Committee|Secretariat|Meeting|Agency|Association|Council|Organi[sz]ation|Ministry|"
    r"Mission|Office|Community|Partnership|Network|Forum|Court|Police|Bank|Fund|Department|Unit|Cent(?:re|er)|"
    r"Institute|Task Force|Body|Bureau|Authority|Group|Union|Coalition|Alliance|Foundation|Project|"
    r"Programme)\b"
)


# ", building on the Cebu Declaration of January 2007": an aside on what something rests on.
_BUILDING_ON = (
    r",\s+(?:building\s+on|based\s+on|following|in\s+line\s+with|pursuant\s+to|in\s+accordance\s+with)\b"
)
_RESTS_ON = re.compile(_BUILDING_ON)


_CLAUSE_END = re.compile(
    # "signed the Consensus, a document negotiated since the Cebu Declaration was signed in 2007":
    # a subordinate clause has instruments of its own.
    r"\b(?:during|at|when|where|while|since|after|before|because|although|until|in\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b))\b|;"
    # "to sign an ASEAN instrument on migrant workers, building on the Cebu Declaration of January
    # 2007": what it builds on, follows or accords with is not signed.
    rf"|{_BUILDING_ON}"
    # "adopted its Rules of Procedure and discussed the Work Plan": a second predicate's object.
    r"|\band\s+(?:also\s+)?(?:discussed|noted|welcomed|reviewed|considered|exchanged|called|pledged|"
    r"expressed|decided|agreed|recalled|shared|heard|acknowledged|highlighted|stressed|urged|encouraged)\b"
    # A full stop, not the one of "Nov. 14" or "Gen."
    r"|(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSep)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bGen)\.(?:\s|$)"
)


_GAP_BEFORE_VERB = re.compile(
    r"^[\s,]*(?:and\s+)?(?:which|that)?\s*"
    r"(?:was|were|has been|have been|had been|is|are|will be|would be|to be)?\s*"
    r"(?:\w+(?:ed|ised|ized)\s+and\s+)?$"
)


_ONGOING = re.compile(r"\bongoing\b")


# The words that make a span of years a period something covers ("the second plan of action,
# covering 2008 to 2010", "a third plan for 2011 to 2013"): the period's, not a day's.
# "began a two-day meeting … to set priorities for 2017": the year that plans are for, which dates
# neither the meeting nor the article.
# "The draft Convention … goes to the 10th AMMTC in Kuala Lumpur … and is to be signed": a step on an
# instrument's way, then "and" and the act; the step's time and place are not the act's.
ON_ITS_WAY = (
    r"(?:goes|go|went|moves|moved|passes|passed|heads|headed)\s+(?:on\s+)?(?:to|before)"
    r"\s[^,;.]{1,90}?\s+and\s+"
)
# What is done every year, none in particular: "usually released in June", "normally held in November".
# Verbs that report what was done ("disclosed on Monday that …", "today informed that …"); each
# user adds its own "told".
REPORTING_VERBS = r"said|announced|disclosed|revealed|confirmed|reported|stated|informed|notified"
# Verbs that call for an act still to be done ("urged member states to ratify …").
DIRECTIVE_VERBS = r"asked|urged|called\s+on|called\s+upon|tasked|instructed|directed|requested"
HABITUALLY = r"(?:usually|typically|normally|traditionally|generally|customarily|habitually|always)"
PLANS_FOR = re.compile(r"\b(?:priorities|plans?|targets?|budgets?|goals|activities|agenda)\s+for\s+$")
PERIOD_FOR = re.compile(
    r"\b(?:for|covering|covers|spanning|spans)\s+(?:the\s+(?:period|years)\s+)?(?:from\s+)?$", re.IGNORECASE
)
