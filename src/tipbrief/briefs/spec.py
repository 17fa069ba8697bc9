"""Load and validate brief specs (briefs/*.yaml) into BriefSpec, and resolve their event references."""

from __future__ import annotations

import difflib
import math
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tipbrief.briefs.spec_kinds import Checked, Checker, example_yaml
from tipbrief.briefs.spec_model import (
    DEFAULT_MARKING,
    BriefSpec,
    Criteria,
    PartialDate,
    PeriodBound,
    Topic,
    changes_by_default,
)
from tipbrief.briefs.spec_schema import SPEC
from tipbrief.common.errors import Location, Problem
from tipbrief.common.months import MONTH_NAMES as MONTHS
from tipbrief.common.yamlsafe import (
    LocatedInputError,
    YamlMap,
    YamlRefused,
    YamlScalar,
    describe,
    display_path,
    parse_yaml,
    printable,
    quote,
    read_yaml_file,
)
from tipbrief.facts.model import Event

__all__ = [
    "check_event_refs",
    "check_spec",
    "event_refs",
    "load_spec",
    "parse_spec",
    "resolve_event_ref",
]


def load_spec(path: str | os.PathLike[str], *, environ: Mapping[str, str] | None = None) -> BriefSpec:
    """Read and validate one spec file; raise InputError (a LocatedInputError) with every problem.

    ``environ`` supplies SOURCE_DATE_EPOCH for specs without ``issued`` (default: the process environment).
    """
    display = display_path(path)
    text = read_yaml_file(path, display)
    env = os.environ if environ is None else environ
    return parse_spec(text, display, Path(path).stem, env.get("SOURCE_DATE_EPOCH"))


def parse_spec(text: str, path: str, name: str, source_date_epoch: str | int | None = None) -> BriefSpec:
    """Validate spec text (pure). Raise InputError listing every problem as ``path:line:col: message``."""
    spec, problems = check_spec(text, path, name, source_date_epoch)
    if spec is None:
        raise LocatedInputError(problems)
    return spec


def check_spec(
    text: str, path: str, name: str, source_date_epoch: str | int | None = None
) -> tuple[BriefSpec | None, tuple[Problem, ...]]:
    """Validate spec text (pure): the spec if all is well, else None and every problem in file order."""
    doc = parse_yaml(text, path)
    out = Checker(path, list(doc.problems))
    root = doc.root
    spec: BriefSpec | None = None
    if root is None or (isinstance(root, YamlScalar) and root.kind == "null"):
        if not doc.problems:
            out.error(
                Location(path, 1, 1),
                "the spec is empty; write at least the keys title, author, audience and topic "
                "(`tipbrief schema` describes every key)",
            )
    elif isinstance(root, YamlMap):
        checked = SPEC.check_items(root, "", out)
        _cross_check(checked, out)
        issued = _issued(checked, source_date_epoch, out)
        if not out.problems:
            spec = _build(checked, path, name, issued)
    elif not isinstance(root, YamlRefused):
        out.error(
            root.where,
            f"a spec must be a mapping of keys to values, not {describe(root)}; "
            f"start with a line like {example_yaml('title', SPEC.fields[0].example)}",
        )
    problems = sorted(out.problems, key=lambda p: (p.line, p.col))
    return (spec if not problems else None), tuple(problems)


def _show_date(value: PartialDate) -> str:
    parts = [f"{value.year:04d}"]
    if value.month is not None:
        parts.append(f"{value.month:02d}")
    if value.day is not None:
        parts.append(f"{value.day:02d}")
    return "-".join(parts)


def _cross_check(checked: Checked, out: Checker) -> None:
    """Rules that involve more than one key."""
    period = checked.values.get("period")
    if isinstance(period, Checked):
        start, end = period.values.get("from"), period.values.get("to")
        if (
            isinstance(start, PeriodBound)
            and isinstance(end, PeriodBound)
            and start.date is not None
            and end.date is not None
            and start.date.earliest > end.date.latest
        ):
            out.error(
                start.where,
                f"period.from ({_show_date(start.date)}) is after period.to ({_show_date(end.date)}); "
                "swap them",
            )
    if checked.values.get("audience") == "public" and "marking" in checked.present:
        out.error(
            checked.where["marking"],
            "a public brief carries no marking; remove 'marking' or choose another audience",
        )


_EPOCH = re.compile(r"[0-9]{1,12}")


def _issued(checked: Checked, source_date_epoch: str | int | None, out: Checker) -> date | None:
    """The date of issue: from the spec, else from SOURCE_DATE_EPOCH, never from the clock."""
    if "issued" in checked.present:
        value = checked.values.get("issued")
        return value if isinstance(value, date) else None
    if source_date_epoch is None or source_date_epoch == "":
        return None
    raw = str(source_date_epoch).strip()
    if _EPOCH.fullmatch(raw):
        try:
            return datetime.fromtimestamp(int(raw), tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            pass
    out.error(
        checked.where_mapping,
        f"the spec has no 'issued' date and SOURCE_DATE_EPOCH {quote(raw)} is not a date "
        "(a whole number of seconds since 1970-01-01 UTC); set issued: YYYY-MM-DD or fix SOURCE_DATE_EPOCH",
    )
    return None


def _criteria(value: Any) -> Criteria:
    if not isinstance(value, Checked):
        return Criteria()
    return Criteria(**{key: tuple(items) for key, items in value.values.items()})


def _build(checked: Checked, path: str, name: str, issued: date | None) -> BriefSpec:
    values = checked.values
    topic = values["topic"]
    assert isinstance(topic, Checked)
    period = values.get("period")
    bounds = period.values if isinstance(period, Checked) else {}
    audience = values["audience"]
    return BriefSpec(
        name=name,
        path=path,
        title=values["title"],
        audience=audience,
        topic=Topic(
            summary=topic.values["summary"],
            include=_criteria(topic.values.get("include")),
            exclude=_criteria(topic.values.get("exclude")),
        ),
        author=values["author"],
        marking="" if audience == "public" else values.get("marking", DEFAULT_MARKING),
        subtitle=values.get("subtitle"),
        issued=issued,
        language=values.get("language", "en"),
        period_from=bounds.get("from"),
        period_to=bounds.get("to"),
        sections=values.get("sections"),
        page_size=values.get("page_size", "A4"),
        keywords=values.get("keywords", ()),
        changes=values.get("changes", changes_by_default(audience)),
    )


def event_refs(spec: BriefSpec) -> tuple[PeriodBound, ...]:
    """The period bounds that name an event rather than a date."""
    return tuple(b for b in (spec.period_from, spec.period_to) if b is not None and b.event is not None)


def check_event_refs(spec: BriefSpec, events: Sequence[Event]) -> tuple[Problem, ...]:
    """Resolve the spec's event references against a fact base's events; every problem, in file order."""
    problems: list[Problem] = []
    resolved: dict[str, Event] = {}
    for side, bound in (("from", spec.period_from), ("to", spec.period_to)):
        if bound is None or bound.event is None:
            continue
        try:
            event = resolve_event_ref(bound.event, bound.where, events)
        except LocatedInputError as err:
            problems.extend(err.located)
            continue
        resolved[side] = event
        if event.date.earliest is None or event.date.latest is None:
            where = bound.where
            message = (
                f"event {quote(bound.event)} resolves to {quote(event.id)}, whose date is not known "
                "well enough to bound the period; give a date instead"
            )
            problems.append(Problem(where.path, where.line, where.col, message))
    start = _earliest(spec.period_from, resolved.get("from"))
    end = _latest(spec.period_to, resolved.get("to"))
    if spec.period_from is not None and start is not None and end is not None and start > end:
        where = spec.period_from.where
        problems.append(
            Problem(
                where.path,
                where.line,
                where.col,
                f"period.from ({start.isoformat()}) is after period.to ({end.isoformat()}); swap them",
            )
        )
    return tuple(sorted(problems, key=lambda p: (p.line, p.col)))


def _earliest(bound: PeriodBound | None, event: Event | None) -> date | None:
    if bound is not None and bound.date is not None:
        return bound.date.earliest
    return event.date.earliest if event is not None else None


def _latest(bound: PeriodBound | None, event: Event | None) -> date | None:
    if bound is not None and bound.date is not None:
        return bound.date.latest
    return event.date.latest if event is not None else None


# Words that say nothing about which event is meant.
_STOPWORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "during", "for", "from", "in", "into", "its", "of", "on", "or"}
    | {"the", "their", "this", "that", "to", "was", "were", "with"}
)
# A description must carry more than half of its information (by IDF weight) in the chosen event.
_MIN_COVERAGE = 0.5


def _stem(word: str) -> str:
    """A light, symmetric stemmer: plural -s, then -ing, -ed or -ion, so that adopted ~ adoption."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed", "ion"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _tokens(text: str) -> set[str]:
    """Normalised words: case, accents, dashes and punctuation ignored (ASEAN–US ~ asean-us ~ ASEAN US)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = re.sub(r"['’]s\b", "", folded)
    return {_stem(w) for w in re.findall(r"[^\W_]+", folded) if w not in _STOPWORDS}


def _event_tokens(event: Event) -> set[str]:
    parts = [event.title, event.kind, *event.actors, *event.instruments]
    if event.place is not None:
        parts += [event.place.name, event.place.country]
    tokens = set().union(*(_tokens(p) for p in parts))
    earliest, latest = event.date.earliest, event.date.latest
    if earliest is not None and latest is not None and latest.year - earliest.year <= 1:
        tokens.update(str(year) for year in range(earliest.year, latest.year + 1))
        if (earliest.year, earliest.month) == (latest.year, latest.month):
            tokens.add(MONTHS[earliest.month - 1].casefold())
    return tokens


def resolve_event_ref(text: str, where: Location, events: Sequence[Event]) -> Event:
    """The one event that ``text`` names: its id, else the clearly best description match.

    Raise InputError with one ``where: message`` line when nothing or several events match.
    """
    ordered = sorted(events, key=lambda e: e.id)
    wanted = text.strip()
    for exact in (
        [e for e in ordered if e.id == wanted],
        [e for e in ordered if e.id.casefold() == wanted.casefold()],
    ):
        if len(exact) == 1:
            return exact[0]

    def fail(message: str) -> LocatedInputError:
        return LocatedInputError((Problem(where.path, where.line, where.col, message),))

    if not ordered:
        raise fail(f"event {quote(text)} matches no event: the fact base has none; use a date instead")
    bags = {e.id: _event_tokens(e) for e in ordered}
    query = _tokens(text)
    total_events = len(ordered)

    def weight(token: str) -> float:
        frequency = sum(1 for bag in bags.values() if token in bag)
        return math.log(1 + total_events / max(frequency, 1))

    weights = {t: weight(t) for t in query}
    total = sum(weights.values())
    scores = {e.id: round(sum(w for t, w in weights.items() if t in bags[e.id]), 9) for e in ordered}
    best = max(scores.values(), default=0.0)
    leaders = [e for e in ordered if scores[e.id] == best]
    if best > 0 and round(best / total, 6) > _MIN_COVERAGE:
        if len(leaders) == 1:
            return leaders[0]
        shown = ", ".join(e.id for e in leaders[:6]) + (", …" if len(leaders) > 6 else "")
        raise fail(f"event {quote(text)} matches {len(leaders)} events: {shown}; use an id")
    closest = leaders[0] if best > 0 else _closest_by_title(wanted, ordered)
    title = printable(closest.title, 120)
    raise fail(f"event {quote(text)} matches no event; did you mean {quote(closest.id)} ({title})?")


def _closest_by_title(text: str, events: Sequence[Event]) -> Event:
    def ratio(event: Event) -> float:
        return difflib.SequenceMatcher(None, text.casefold(), event.title.casefold()).ratio()

    return max(events, key=ratio)  # ``events`` is sorted by id, and max keeps the first of equals
