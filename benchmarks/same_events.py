"""A corpus where most articles report the same few events: wire copy retold by many outlets.

Each article reports one of a handful of real events in one of several phrasings, under a dateline
a few days after the event; about one in ten gets its year wrong (as copy-edited reprints do) and
about one in seven its day; and about one in seven names as present a Secretary-General whose term had ended,
so that the events carry conflicting readings from many sources. This is the shape that made a
fact base of 4,000 such articles grow far faster than one of 400 (one event with hundreds of
conflicts, each listing every source again).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tipbrief.common.months import MONTH_NAMES as MONTHS


@dataclass(frozen=True, slots=True)
class Reported:
    """One real event as the wire tells it (dates and places from the package's reference rows)."""

    day: date
    city: str
    leads: tuple[str, ...]
    """Phrasings; {when} is the day as the article states it, {city} the place."""


EVENTS = (
    Reported(
        date(2015, 11, 21),
        "Kuala Lumpur",
        (
            "ASEAN leaders signed the ASEAN Convention Against Trafficking in Persons, Especially "
            "Women and Children (ACTIP) in {city} on {when}.",
            "The ASEAN Convention Against Trafficking in Persons, Especially Women and Children was "
            "signed by the Heads of State on {when} at the 27th ASEAN Summit in {city}.",
        ),
    ),
    Reported(
        date(2016, 9, 28),
        "Jakarta",
        (
            "The ASEAN Commission on the Promotion and Protection of the Rights of Women and Children "
            "(ACWC) launched its Regional Review on victims of trafficking in {city} on {when}.",
        ),
    ),
    Reported(
        date(2018, 6, 21),
        "Hanoi",
        (
            "The ASEAN Intergovernmental Commission on Human Rights (AICHR) opened a regional workshop "
            "on a human rights-based approach to trafficking in persons in {city} on {when}.",
        ),
    ),
)
OUTLETS = ("Bernama", "VNA", "PNA", "Antara", "Xinhua", "The Star", "Jakarta Post", "Viet Nam News")
FILLER = (
    "Officials said the step would strengthen cooperation against trafficking across the region.",
    "Delegates stressed victim identification, protection and the prosecution of traffickers.",
    "Civil society groups welcomed the move and called for its swift implementation.",
    "The meeting was attended by senior officials from the ten member states.",
)


def article(rng: random.Random) -> str:
    """One retelling: dateline a few days after the event, one of the leads, a little filler."""
    event = rng.choice(EVENTS)
    year = event.day.year
    if rng.random() < 0.1:
        year -= rng.choice((3, 1))  # a reprint with the wrong year: another event, dated apart
    day = event.day.replace(year=year)
    if rng.random() < 0.15:
        # An outlet that misreports the day by one: the same event with a conflicting reading.
        day += timedelta(days=rng.choice((1, -1)))
    when = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    filed = day + timedelta(days=rng.randint(0, 6))
    outlet = rng.choice(OUTLETS)
    lead = rng.choice(event.leads).format(when=when, city=event.city)
    dateline = f"{event.city.upper()}, {filed.day} {MONTHS[filed.month - 1]} {filed.year} ({outlet}) – "
    if rng.random() < 0.15:
        # A Secretary-General who had left office years before, named as present: his term
        # contradicts the date, and the event keeps it as a reading set aside.
        lead = lead[:-1] + ", in the presence of ASEAN Secretary-General Surin Pitsuwan."
    body = " ".join(rng.sample(FILLER, rng.randint(1, 3)))
    return f"{dateline}{lead}\n\n{body}\n"


def articles(count: int, seed: int = 11) -> Iterator[tuple[str, str]]:
    """``count`` (file name, text) pairs; the same seed always gives the same corpus."""
    rng = random.Random(seed)
    for index in range(count):
        yield f"{index:05d}.txt", article(rng)


def write_corpus(folder: Path, count: int, seed: int = 11) -> Path:
    """Write the corpus to ``folder`` (created; existing files kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles(count, seed):
        (folder / name).write_text(text, encoding="utf-8")
    return folder
