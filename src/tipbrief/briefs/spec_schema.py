"""The brief spec's schema, defined once: the validator and the published JSON Schema both derive from it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tipbrief.briefs.spec_kinds import (
    INVALID,
    JSON_SCHEMA_DIALECT,
    SCHEMA_ID,
    TEXT_DEF,
    Checker,
    Choice,
    ChoiceList,
    Day,
    Field,
    Flag,
    Kind,
    Mapping,
    Slot,
    Text,
    TextList,
    _partial_date,
)
from tipbrief.briefs.spec_model import (
    AUDIENCES,
    DEFAULT_MARKING,
    LANGUAGES,
    PAGE_SIZES,
    SECTIONS,
    PeriodBound,
)
from tipbrief.common.yamlsafe import YamlMap, YamlNode, YamlScalar

EVENT_REFERENCE = Mapping(
    (
        Field(
            "event",
            Text(),
            "The id of an event in the fact base, or a description that matches exactly one event "
            "(words of its title, kind, place, actors or instruments).",
            "the Labuan Bajo declaration",
            required=True,
        ),
    )
)


@dataclass(frozen=True)
class Bound(Kind):
    """One end of a period: a year, a month, a day, or ``{event: ...}``."""

    def expected(self) -> str:
        return "a year (2015), a month (2015-11), a day (2015-11-21) or {event: ...}"

    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        how = (
            "write a year (2015), a month (2015-11), a day (2015-11-21) "
            "or an event reference ({event: id or description})"
        )
        if isinstance(node, YamlMap):
            checked = EVENT_REFERENCE.check_items(node, slot.label, out)
            if "event" not in checked.values:
                return INVALID
            return PeriodBound(where=node.where, event=checked.values["event"])
        if isinstance(node, YamlScalar) and node.kind in ("int", "str", "timestamp"):
            value = _partial_date(node.text, slot, node.where, out, how, day_only=False)
            return INVALID if value is INVALID else PeriodBound(where=node.where, date=value)
        if isinstance(node, YamlScalar) and node.kind == "null":
            return None
        return self.wrong_type(node, slot, out)

    def json_schema(self) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 9999},
                {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
                EVENT_REFERENCE.json_schema(),
            ]
        }


def _criteria(key: str, description: str, example: dict[str, list[str]]) -> Field:
    return Field(
        key,
        Mapping(
            (
                Field(
                    "terms",
                    TextList(),
                    "Words or phrases looked for in an event's title and sources.",
                    ["trafficking in persons", "human trafficking"],
                ),
                Field(
                    "actors",
                    TextList(),
                    "Bodies, countries or people taking part, by name or acronym.",
                    ["ASEAN", "United States"],
                ),
                Field(
                    "places",
                    TextList(),
                    "Cities or countries where events took place.",
                    ["Jakarta", "Myanmar"],
                ),
                Field(
                    "kinds",
                    TextList(),
                    "Kinds of event, such as seminar, workshop, meeting, summit, conference, adoption "
                    "or publication.",
                    ["seminar", "workshop"],
                ),
            )
        ),
        description,
        example,
    )


SPEC = Mapping(
    (
        Field(
            "title",
            Text(),
            "Title of the brief, printed on the cover and stored in the PDF metadata.",
            "ASEAN–US cooperation against trafficking in persons",
            required=True,
        ),
        Field(
            "subtitle",
            Text(),
            "A line printed under the title on the cover.",
            "Joint activities since 2012",
        ),
        Field(
            "author",
            Text(),
            "Author or organisation issuing the brief, printed on the cover and stored in the PDF metadata.",
            "Regional Affairs Desk",
            required=True,
        ),
        Field(
            "issued",
            Day(),
            "Date of issue, written YYYY-MM-DD. When absent it is taken from the SOURCE_DATE_EPOCH "
            "environment variable; when that is unset too, the brief carries no date of issue.",
            "2024-05-11",
        ),
        Field(
            "marking",
            Text(),
            "Classification or handling marking printed at the top and bottom of every page. "
            "Public briefs carry none: leave it out for them.",
            "RESTRICTED",
            default=DEFAULT_MARKING,
        ),
        Field(
            "language",
            Choice(LANGUAGES, "language"),
            "Language of the brief's headings and labels. Only English (en) for now.",
            "en",
            default="en",
        ),
        Field(
            "audience",
            Choice(AUDIENCES, "audience"),
            "Who reads the brief. It sets the default sections and the level of detail: "
            "ministerial (short, key points first), analyst (full chronology with sources and conflicts), "
            "public (no handling marking, no internal notes).",
            "analyst",
            required=True,
        ),
        Field(
            "page_size",
            Choice(PAGE_SIZES, "page size"),
            "Paper size of the PDF.",
            "A4",
            default="A4",
        ),
        Field(
            "keywords",
            TextList(),
            "Keywords stored in the PDF metadata.",
            ["trafficking in persons", "ASEAN", "United States"],
        ),
        Field(
            "topic",
            Mapping(
                (
                    Field(
                        "summary",
                        Text(single_line=False),
                        "One or two sentences on what the brief covers, printed in its introduction.",
                        "ASEAN's work with the United States against trafficking in persons.",
                        required=True,
                    ),
                    _criteria(
                        "include",
                        "Conditions an event must meet to be chosen for the brief; "
                        "an empty or absent list sets no condition.",
                        {"terms": ["trafficking in persons"], "actors": ["United States"]},
                    ),
                    _criteria(
                        "exclude",
                        "Conditions that leave an event out of the brief even when it matches 'include'.",
                        {"kinds": ["meeting"]},
                    ),
                )
            ),
            "What the brief is about, and which events of the fact base it covers.",
            {"summary": "ASEAN's work with the United States against trafficking in persons."},
            required=True,
        ),
        Field(
            "period",
            Mapping(
                (
                    Field(
                        "from",
                        Bound(),
                        "First day covered: the start of the year, month or day given, or the event's date. "
                        "Leave it out for no lower limit.",
                        2012,
                    ),
                    Field(
                        "to",
                        Bound(),
                        "Last day covered: the end of the year, month or day given, or the event's date. "
                        "Leave it out for no upper limit.",
                        {"event": "the Labuan Bajo declaration"},
                    ),
                )
            ),
            "The time span the brief covers. Each end is a year (2015), a month (2015-11), a day "
            "(2015-11-21) or a reference to an event in the fact base ({event: id or description}).",
            {"from": 2012, "to": "2023-05"},
        ),
        Field(
            "sections",
            ChoiceList(Choice(SECTIONS, "section")),
            "The sections to print, in this order, instead of the audience's default sections. "
            "Allowed: " + ", ".join(SECTIONS) + ".",
            ["summary", "key-points", "chronology", "sources"],
        ),
        Field(
            "changes",
            Flag(),
            "Whether the brief says what changed since its earlier edition (the brief JSON of an earlier "
            "build, from `tipbrief build --since` or the output folder): a section near the top and a mark "
            "on each new or revised event. Default: true for ministerial and analyst briefs, false for "
            "public ones.",
            True,
        ),
    )
)
"""The whole brief spec. Every key, kind, description and example lives here and nowhere else."""


def schema_text() -> str:
    """The JSON Schema as the file ``tipbrief schema`` writes and the package ships: stable bytes."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def json_schema() -> dict[str, Any]:
    """The published JSON Schema (draft 2020-12) of a brief spec file."""
    example = {f.key: f.example for f in SPEC.fields}
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "tipbrief brief spec",
        "description": (
            "A brief spec (briefs/NAME.yaml) says what one briefing document covers and for whom. "
            "Check a spec with `tipbrief validate briefs/NAME.yaml`."
        ),
        **SPEC.json_schema(),
        "examples": [example],
        "$defs": {"text": TEXT_DEF},
    }
