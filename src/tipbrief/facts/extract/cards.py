"""The European Union's cards on illegal fishing: a warning issued to a country and later lifted."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tipbrief.facts.extract.acts import countries
from tipbrief.facts.extract.records import _Context

# The EU's decisions under its regulation on illegal, unreported and unregulated (IUU) fishing are
# news in every ASEAN fishing country, and each is dated: "The European Commission today lifted the
# 'yellow card' it issued to Thailand in April 2015". Two acts, each its own event: the card shown,
# and the card lifted. (A green card is only the state after a lifting, no decision of its own.)
_CARD = re.compile(r"(?P<colour>yellow|red)[\"”’']?\s+cards?\b", re.IGNORECASE)
_ISSUED = re.compile(
    # ("the 'yellow card' procedure first opened against Thailand in April 2015")
    # ("Viet Nam has held a yellow card since October 2017": shown then.)
    r"\b(?:issued|issues|issuing|gave|gives|handed|slapped|imposed|imposes|received|receives|got|opened|"
    r"(?:has|have|had)\s+(?:held|had|carried)|"
    r"was\s+(?:given|issued|shown|handed|slapped\s+with)|were\s+(?:given|issued))\b",
    re.IGNORECASE,
)
# The verbs that lift a card, with an object or a pronoun after them (see _LIFTED_BACK too).
_LIFT_VERBS = r"lifted|lifts|removed|removes|revoked|revokes|withdrew|withdraws|rescinded|scrapped"
_LIFTED = re.compile(
    # ("welcomed the European Union's decision to lift the 'yellow card' it gave Thailand": a decision
    # taken is the lifting.)
    r"\b(?:(?:decision|decided|agreed|voted)\s+to\s+lift|"
    rf"{_LIFT_VERBS}|lifting|withdrawn|dropped|ended|upgraded\s+\w+\s+to\s+(?:a\s+)?green)\b",
    re.IGNORECASE,
)
# ("… had lifted" and "the lifting of"; the noun, too, names the act.)
_LIFTING_NOUN = re.compile(r"\b(?:lifting|removal|withdrawal)\s+of\s+(?:the\s+|its\s+|a\s+)?$", re.IGNORECASE)
_THREAT = re.compile(
    # (Not a card still to come or only hoped for, shown or lifted: "could face a yellow card",
    # "hopes for the lifting of the yellow card", "expects the card to be lifted". Lower case:
    # "MANILA, May 2" is no "may".)
    r"\b(?:could|may|might|would|will|shall|risks?|faces?|facing|threat(?:ened|ens)?|warned\s+of|avoid(?:ed)?|"
    r"hopes?|hoping|expects?|expected|seeks?|seeking|wants?|aims?|urged?|urging|calls?\s+for|await(?:s|ing)?|"
    r"pending|unless|if|until|before|to\s+have|(?:push|press|lobby|work)(?:es|s|ing|ed)?\s+for)\b[^.;]{0,40}$"
)
# (The card is the EU's, or one on fishing: "The Commission lifts Thailand's yellow card".)
_EU = re.compile(r"\b(?:EU|European|Brussels|IUU|Commission)\b|\bfish")
# "The EU lifted the warning on Jan. 8", "Brussels lifted it in January 2019": the card the sentence
# before showed, lifted.
_LIFTED_BACK = re.compile(
    rf"\b(?:{_LIFT_VERBS})\s+(?:it|the\s+(?:warning|card|sanction))\b",
    re.IGNORECASE,
)
# ("The yellow card, issued in April 2015, was lifted in January 2019")
_LIFTED_AFTER = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"(?:lifted|removed|revoked|withdrawn|rescinded|dropped|scrapped)\b",
    re.IGNORECASE,
)
_REACH = 80
# ("The decision to lift the yellow card is expected in January": still to come.)
_AWAITED = re.compile(r"[^.;]{0,40}?\b(?:is|was|are|were)\s+(?:expected|due|likely)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CardDecision:
    """A card shown to a country, or lifted: its verb's offset, the country, the colour."""

    at: int
    lifted: bool
    country: str
    colour: str
    owns_from: int = -1
    """Where its own words begin: the clause after the card ("lifted the yellow card it had issued
    to Thailand"), when the verb stands there; the main clause's time is the lifting's."""

    def title(self, country: str) -> str:
        """Its title, with the country as running text writes it ("the Philippines")."""
        card = f"EU {self.colour} card on illegal fishing"
        return f"Lifting of the {card} for {country}" if self.lifted else f"{card} for {country}"

    @property
    def subject(self) -> str:
        return f"{'lifting of ' if self.lifted else ''}eu {self.colour} card"


# ("The European Commission today removed Thailand from the list of countries warned over illegal,
# unreported and unregulated (IUU) fishing": the yellow card lifted, without the word.)
_OFF_THE_LIST = re.compile(
    r"\b(?:removed|removes|took|takes|delisted|delists)\s+(?P<who>[^,;]{2,40}?)\s+(?:off|from)\s+"
    r"(?:the|its)\s+list\s+of\s+(?:countries|states|nations)\s+(?:\w+\s+)?(?:warned|pre-?identified|identified)\b",
    re.IGNORECASE,
)


def find_card_decisions(
    ctx: _Context, text: str, previous: Callable[[], str] = lambda: ""
) -> list[CardDecision]:
    """ "The EU issued a yellow card to Thailand in April 2015", "Brussels lifted the yellow card it
    had given Viet Nam": each verb that shows or lifts a card, in a sentence that names the EU (or
    illegal fishing) and one country the card is for; and "Brussels lifted it in January 2019"
    after a sentence that showed one country a card (``previous`` gives its text, asked only then)."""
    if _EU.search(text) is None:
        return []
    off = _OFF_THE_LIST.search(text) if "list" in text else None
    who = {c[2] for c in countries(ctx, off.group("who"))} - {"European Union"} if off else set()
    if off is not None and len(who) == 1:
        # (A sentence that says so names no card, or only the one lifted: "… when the so-called
        # yellow card was issued" is the card shown, read below.)
        lifted_off = [CardDecision(off.start(), True, who.pop(), "yellow")]
        return lifted_off + [d for d in _cards_named(ctx, text) if not d.lifted]
    if "card" not in text.casefold():
        back = _LIFTED_BACK.search(text) if "lift" in text or "remov" in text or "revok" in text else None
        if back is None:
            return []
        shown = [d for d in find_card_decisions(ctx, previous()) if not d.lifted]
        if len({(d.country, d.colour) for d in shown}) != 1:
            return []
        return [CardDecision(back.start(), True, shown[0].country, shown[0].colour)]
    return _cards_named(ctx, text)


def _cards_named(ctx: _Context, text: str) -> list[CardDecision]:
    """The cards a sentence that names the EU shows or lifts by the word "card"."""
    named = countries(ctx, text)
    # ("issued a 'yellow card' warning to Bangkok": the capital for its country.)
    named += [
        (a, b, r.get("country"))
        for a, b, r in ctx.gaz.places.find(text)
        if r.get("kind") == "city" and r.get("country") and re.search(r"\bto\s+$", text[max(0, a - 4) : a])
    ]
    out: list[CardDecision] = []
    for card in _CARD.finditer(text):
        mine = [c for c in named if c[2] != "European Union"]  # (on file as a country; it decides)
        if len({c[2] for c in mine}) != 1:
            continue  # ("… as it did to Viet Nam and Cambodia": whose card, the sentence does not say alone.)
        country = mine[0][2]
        colour = card.group("colour").casefold()
        before = text[max(0, card.start() - _REACH) : card.start()]
        after = text[card.end() : card.end() + _REACH]
        lifted = _LIFTED.search(before) or _LIFTING_NOUN.search(before)
        passive = _LIFTED_AFTER.search(after)
        back = _LIFTED_BACK.search(text, card.end())
        lift_at = (
            card.start() - len(before) + lifted.start()
            if lifted
            else card.end() + passive.start()
            if passive
            # ("The EU issued a yellow card to Thailand in April 2015 and lifted it in January 2019")
            else back.start()
            if back
            else -1
        )
        if lift_at >= 0 and not _THREAT.search(text, 0, lift_at) and not _AWAITED.match(after):
            out.append(CardDecision(lift_at, True, country, colour))
        # (After the card, only in its own words: "the yellow card it had issued to Thailand", "the
        # card, issued in April 2015"; not "a yellow card, and the police opened an inquiry".)
        own = re.split(r";|\band\b", after[:60])[0]
        if _THREAT.search(text, 0, card.start()):
            continue
        if (verb := _ISSUED.search(own)) is not None:
            out.append(CardDecision(card.end() + verb.start(), False, country, colour, card.end()))
        elif (verb := _last(_ISSUED, before)) is not None:
            out.append(CardDecision(card.start() - len(before) + verb.start(), False, country, colour))
    return out


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for m in pattern.finditer(text):
        found = m
    return found
