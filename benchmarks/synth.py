"""Seeded synthetic corpora in the seeds' patterns: wire copy with varied dates, places, bodies, lengths."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tipbrief.common.months import MONTH_NAMES as MONTHS
from tipbrief.facts.reference import Reference, load_reference

TOPICS = (
    "trafficking in persons",
    "combating human trafficking",
    "the protection of victims of trafficking",
    "labour migration and trafficking",
    "online sexual exploitation of children",
    "trafficking caused by the abuse of technology",
    "border management and transnational crime",
    "the rights of women and children",
)
KINDS = ("workshop", "seminar", "meeting", "consultation", "conference", "training")
# Sentences in the register of the seeds; each body paragraph draws a few of them.
FILLER = (
    "Participants shared good practices on victim identification, referral and protection.",
    "The meeting reviewed progress in implementing the regional plan of action.",
    "Both sides agreed that addressing trafficking should not be limited to certain forms of exploitation.",
    "Speakers stressed the need for closer cooperation between law enforcement agencies in the region.",
    "Representatives of civil society organisations, UN agencies and regional experts attended the event.",
    "The discussions covered prosecution, prevention, protection and partnership.",
    "Delegates underlined the importance of a human rights-based and victim-centred approach.",
    "The participants called for stronger public awareness campaigns in source communities.",
    "It was an avenue for participants to discuss the legal and policy frameworks against trafficking.",
    "Officials highlighted the role of labour inspection systems and cross-border control.",
    "They agreed to enhance information exchange and mutual legal assistance in trafficking cases.",
    "The organisers said the outcome would feed into the work plan of the sectoral bodies.",
    "Further, they underlined the need for campaigns that target specific audiences and local needs.",
    "The event was supported by development partners and the governments of several dialogue partners.",
    "Speakers noted that the crime increasingly relies on social media and online recruitment.",
)
# Background sentences recall a past fact, so each appears only in articles written after it (an
# article from 2010 cannot recall the 2015 signing): (first year an article may recall it, sentence).
BACKGROUND = (
    (
        2016,
        "The ASEAN Convention against Trafficking in Persons, Especially Women and Children (ACTIP) was "
        "signed at the 27th ASEAN Summit in November 2015 in Kuala Lumpur, Malaysia.",
    ),
    (
        2005,
        "The meeting recalled the ASEAN Declaration against Trafficking in Persons Particularly Women and "
        "Children, adopted in 2004.",
    ),
    (2017, "Cognizant that the ACTIP entered into force, the officials urged its effective implementation."),
)
SIGNOFFS = ("", "", "/.", " -VNA", " (VNA)", "")
OUTLET_LINES = ("ASEAN Secretariat News", "Vietnam News Agency", "Xinhua", "Bernama")


@dataclass(frozen=True, slots=True)
class Names:
    """Names drawn from the package's reference data, so synthetic text links to real rows."""

    cities: tuple[tuple[str, str], ...]
    bodies: tuple[tuple[str, str], ...]
    people: tuple[tuple[str, str, int, int], ...]
    """(person, office, first year, last year of the term)."""
    summits: tuple[tuple[int, str, str], ...]
    """(number, first day as YYYY-MM-DD, city)."""


def names_from(reference: Reference) -> Names:
    cities = tuple(
        (r.get("name"), r.get("country")) for r in reference.rows("places") if r.get("kind") == "city"
    )
    bodies = tuple((r.get("short"), r.get("long")) for r in reference.rows("bodies") if r.get("long"))
    people = tuple(
        (r.get("person"), r.get("office"), int(r.get("start")[:4]), int(r.get("end")[:4]))
        for r in reference.rows("offices")
        if r.get("start")[:4].isdigit() and r.get("end")[:4].isdigit()
    )
    summits = tuple(
        (int(r.get("number")), r.get("start"), r.get("city"))
        for r in reference.rows("summits")
        if r.get("number").isdigit() and len(r.get("start")) == 10 and r.get("start") >= "2004"
    )
    return Names(cities or (("Jakarta", "Indonesia"),), bodies, people, summits)


def _day(rng: random.Random, month: int) -> int:
    return rng.randint(1, 28 if month == 2 else 30)


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def article(rng: random.Random, names: Names) -> str:
    """One article: optional title, date and source lines, a lead with a dated event, a body."""
    year = rng.randint(2004, 2024)
    month = rng.randint(1, 12)
    day = _day(rng, month)
    city, country = rng.choice(names.cities)
    short, long = rng.choice(names.bodies) if names.bodies else ("ASEAN", "ASEAN")
    topic = rng.choice(TOPICS)
    kind = rng.choice(KINDS)
    style = rng.randrange(4)
    summit = rng.choice(names.summits) if style == 2 and names.summits else None
    if summit is not None:
        # A declaration adopted at a summit: on the summit's own first day, as reports give it.
        first_day = summit[1]
        year, month, day = int(first_day[:4]), int(first_day[5:7]), int(first_day[8:10])
    head: list[str] = []
    if rng.random() < 0.6:
        head.append(f"{short} {kind} on {topic} held in {city}")
    if rng.random() < 0.3:
        head.append(f"{day} {MONTHS[month - 1][:3]} {year}")
    if rng.random() < 0.3:
        head.append(f"Source:  {rng.choice(OUTLET_LINES)}")
    end = min(day + rng.randint(0, 2), 30 if month != 2 else 28)
    when = f"{day}-{end} {MONTHS[month - 1]}" if end > day else f"{day} {MONTHS[month - 1]}"
    if style == 0:
        lead = (
            f"The {long} ({short}) convened a regional {kind} on {topic} in {city}, {country} "
            f"on {when} {year}."
        )
    elif style == 1:
        lead = (
            f"{short} officials on {MONTHS[month - 1]} {day} held a {kind} on {topic} in {city}, {country}."
        )
    elif summit is not None:
        number, _, summit_city = summit
        lead = (
            f"ASEAN leaders on {MONTHS[month - 1]} {day} adopted a declaration on {topic} at the "
            f"{_ordinal(number)} ASEAN Summit in {summit_city}."
        )
    else:
        lead = f"A {kind} on {topic} was held in {city} in {MONTHS[month - 1]} {year}, the {short} said."
    if rng.random() < 0.5:
        lead = f"{city.upper()}, {day} {MONTHS[month - 1]} {year} – {lead}"
    paragraphs = [lead]
    # Only someone in office in the article's year is quoted in it.
    speakers = [(p, o) for p, o, start, end in names.people if start <= year <= end]
    if speakers and rng.random() < 0.4:
        person, office = rng.choice(speakers)
        paragraphs.append(f"{person}, {office}, said the {kind} marked a step forward for the region.")
    recalled = [sentence for since, sentence in BACKGROUND if year >= since]
    if recalled and rng.random() < 0.3:
        paragraphs.append(rng.choice(recalled))
    # Lengths vary from a brief to a long feature, like the seeds (2–6 kB) and beyond.
    for _ in range(rng.choice((1, 2, 3, 4, 6, 8, 12))):
        paragraphs.append(" ".join(rng.sample(FILLER, rng.randint(2, 4))))
    if rng.random() < 0.2:
        paragraphs.append(
            f"The {kind} last year in {rng.choice(names.cities)[0]} took place on "
            f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year - 1}."
        )
    paragraphs[-1] += rng.choice(SIGNOFFS)
    return "\n\n".join([*head, *paragraphs]) + "\n"


def articles(count: int, seed: int = 5, reference: Reference | None = None) -> Iterator[tuple[str, str]]:
    """``count`` (file name, text) pairs; the same seed always gives the same corpus."""
    names = names_from(reference if reference is not None else load_reference())
    rng = random.Random(seed)
    for index in range(count):
        yield f"{index:05d}.txt", article(rng, names)


def write_corpus(folder: Path, count: int, seed: int = 5) -> Path:
    """Write a synthetic corpus of ``count`` articles to ``folder`` (created; existing files kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles(count, seed):
        (folder / name).write_text(text, encoding="utf-8")
    return folder
