"""The small schema language the brief spec is written in: kinds of value, fields and mappings,
each able to check a YAML node (every problem at once, located) and to say itself as JSON Schema."""

from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

import yaml

from tipbrief.briefs.spec_model import (
    PartialDate,
)
from tipbrief.common.errors import Location, Problem
from tipbrief.common.yamlsafe import YamlMap, YamlNode, YamlRefused, YamlScalar, YamlSeq, describe, quote

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


SCHEMA_ID = "urn:tipbrief:brief-spec:1"


class _Invalid:
    """The value of a node that was reported; cross-checks skip it."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class Checker:
    """Collects every problem of one file, so they can all be reported at once."""

    display: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, where: Location, message: str) -> None:
        self.problems.append(Problem(self.display, where.line, where.col, message))


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a value goes: its name in messages, its key, and what to write there instead."""

    label: str
    key: str
    suggestion: str
    """The "what to do" of a message, e.g. ``write e.g. title: ...``."""


def example_yaml(key: str, value: Any) -> str:
    """``key: value`` as one line of YAML, the way a message suggests it."""
    dumped = yaml.safe_dump(
        {key: value}, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6
    ).strip()
    return dumped.removeprefix("{").removesuffix("}")


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The choice the user most likely meant (case, '_' and '-' ignored), or None."""

    def squash(text: str) -> str:
        return text.casefold().replace("_", "-").replace(" ", "-")

    by_squashed = {squash(c): c for c in choices}
    if squash(word) in by_squashed:
        return by_squashed[squash(word)]
    close = difflib.get_close_matches(squash(word), list(by_squashed), n=1, cutoff=0.6)
    return by_squashed[close[0]] if close else None


def _suggest(word: str, choices: tuple[str, ...]) -> str:
    match = did_you_mean(word, choices)
    if match is not None:
        return f"did you mean {quote(match)}?"
    return "use one of: " + ", ".join(choices)


class Kind(ABC):
    """A type of value: checks a YAML node and describes itself as JSON Schema."""

    @abstractmethod
    def expected(self) -> str:
        """What a value of this kind is, for "X must be <expected>, not <what it is>"."""

    @abstractmethod
    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        """The checked value, or INVALID after reporting why."""

    @abstractmethod
    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema (draft 2020-12) of this kind."""

    def wrong_type(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        if isinstance(node, YamlRefused):
            return INVALID
        if isinstance(node, YamlScalar) and node.kind != "null" and self.accepts_quoted_text:
            hint = f'put it in quotes: {slot.key}: "{_double_quoted(node.text)}"'
        else:
            hint = slot.suggestion
        out.error(node.where, f"{slot.label} must be {self.expected()}, not {describe(node)}; {hint}")
        return INVALID

    @property
    def accepts_quoted_text(self) -> bool:
        """True when quoting a mistyped scalar (yes, 2015) would make it valid input."""
        return False


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its kind, what it means, an example, and whether it must be given."""

    key: str
    kind: Kind
    description: str
    example: Any
    required: bool = False
    default: Any = None

    def slot(self, parent_label: str) -> Slot:
        label = f"{parent_label}.{self.key}" if parent_label else self.key
        return Slot(label, self.key, f"write e.g. {example_yaml(self.key, self.example)}")

    def json_schema(self) -> dict[str, Any]:
        schema = self.kind.json_schema()
        if not self.required:
            schema = _nullable(schema)
        schema = {"description": self.description, **schema, "examples": [self.example]}
        if self.default is not None:
            schema["default"] = self.default
        return schema


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Optional keys may be left empty (``subtitle:``), which YAML reads as null."""
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return {"anyOf": [schema, {"type": "null"}]}


def _double_quoted(text: str) -> str:
    return quote(text)[1:-1].replace("\\'", "'").replace('"', '\\"')


# C0 and C1 control characters except tab and line feed: they break PDF text and terminals.
_CONTROL_PATTERN = "[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]"


TEXT_DEF = {
    "type": "string",
    "description": "Text that is not blank and holds no control characters.",
    "pattern": "\\S",
    "not": {"pattern": _CONTROL_PATTERN},
}


def _bad_character(text: str) -> str | None:
    for ch in text:
        if ch not in "\t\n" and unicodedata.category(ch) in ("Cc", "Cs"):
            return f"U+{ord(ch):04X}"
    return None


@dataclass(frozen=True)
class Text(Kind):
    """Non-blank text; single-line text has its whitespace runs (line breaks too) folded to one space."""

    single_line: bool = True

    def expected(self) -> str:
        return "text"

    @property
    def accepts_quoted_text(self) -> bool:
        return True

    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        if not isinstance(node, YamlScalar) or node.kind != "str":
            return self.wrong_type(node, slot, out)
        bad = _bad_character(node.text)
        if bad is not None:
            out.error(node.where, f"{slot.label} contains the control character {bad}; remove it")
            return INVALID
        value = " ".join(node.text.split()) if self.single_line else node.text.strip()
        if not value:
            out.error(node.where, f"{slot.label} is blank; {slot.suggestion}")
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"$ref": "#/$defs/text"}


@dataclass(frozen=True)
class Choice(Kind):
    """One of a fixed set of words."""

    values: tuple[str, ...]
    noun: str

    def expected(self) -> str:
        return "one of " + ", ".join(self.values)

    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        if not isinstance(node, YamlScalar) or node.kind != "str":
            return self.wrong_type(node, slot, out)
        if node.text in self.values:
            return node.text
        out.error(node.where, f"unknown {self.noun} {quote(node.text)}; {_suggest(node.text, self.values)}")
        return INVALID

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


# What a yes or a no written otherwise was meant as, for the message that asks for true or false.
_YES_NO = {"true": "true", "yes": "true", "on": "true", "y": "true"} | {
    "false": "false",
    "no": "false",
    "off": "false",
    "n": "false",
}


@dataclass(frozen=True)
class Flag(Kind):
    """A yes-or-no setting, written true or false (YAML 1.1's yes, no, on and off are refused as unclear)."""

    def expected(self) -> str:
        return "true or false"

    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        if not isinstance(node, YamlScalar) or node.kind not in ("bool", "str"):
            return self.wrong_type(node, slot, out)
        word = node.text.strip().lower()
        if node.kind == "bool" and word in ("true", "false"):
            return word == "true"
        meant = _YES_NO.get(word)
        if meant is None:
            return self.wrong_type(node, slot, out)
        out.error(
            node.where, f"{slot.label} must be true or false, not {describe(node)}; write {slot.key}: {meant}"
        )
        return INVALID

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


_DATE_FORMAT = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _partial_date(text: str, slot: Slot, where: Location, out: Checker, how: str, day_only: bool) -> Any:
    match = _DATE_FORMAT.fullmatch(text)
    if match is None or (day_only and match.group(3) is None):
        out.error(where, f"{slot.label} {quote(text)} is not a date in the right form; {how}")
        return INVALID
    year, month, day = (int(g) if g is not None else None for g in match.groups())
    assert year is not None
    unreal = f"{slot.label} {quote(text)} is not a real date"
    if year < 1:
        out.error(where, f"{unreal}: there is no year 0; correct the year")
        return INVALID
    if month is not None and not 1 <= month <= 12:
        out.error(where, f"{unreal}: there is no month {month}; correct the month")
        return INVALID
    if month is not None and day is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            out.error(
                where, f"{unreal}: {calendar.month_name[month]} {year} has {days} days; correct the day"
            )
            return INVALID
    return PartialDate(year, month, day)


@dataclass(frozen=True)
class Day(Kind):
    """A calendar day written YYYY-MM-DD (quoted or not: PyYAML reads it as a timestamp)."""

    def expected(self) -> str:
        return "a date written YYYY-MM-DD"

    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        if not isinstance(node, YamlScalar) or node.kind not in ("str", "timestamp"):
            return self.wrong_type(node, slot, out)
        how = "write it as YYYY-MM-DD, e.g. 2024-05-11"
        value = _partial_date(node.text, slot, node.where, out, how, day_only=True)
        if value is INVALID:
            return INVALID
        assert isinstance(value, PartialDate)
        return value.earliest

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


@dataclass(frozen=True)
class Mapping(Kind):
    """Keys with their own kinds; unknown keys and missing required ones are reported."""

    fields: tuple[Field, ...]

    def expected(self) -> str:
        return "a mapping"

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        if not isinstance(node, YamlMap):
            if isinstance(node, YamlRefused):
                return INVALID
            keys = ", ".join(self.keys)
            out.error(
                node.where,
                f"{slot.label} must be a mapping with the keys {keys}, not {describe(node)}; "
                + slot.suggestion,
            )
            return INVALID
        return self.check_items(node, slot.label, out)

    def check_items(self, node: YamlMap, label: str, out: Checker) -> Checked:
        by_key = {f.key: f for f in self.fields}
        within = f" in {label}" if label else ""
        checked = Checked(node.where)
        # A misspelt required key is reported once, as a typo, not again as missing.
        suggested: set[str] = set()
        for key, value in node.items:
            spec_field = by_key.get(key.text)
            if spec_field is None:
                meant = did_you_mean(key.text, self.keys)
                if meant is not None:
                    suggested.add(meant)
                suggestion = _suggest(key.text, self.keys)
                out.error(key.where, f"unknown key {quote(key.text)}{within}; {suggestion}")
                continue
            checked.present.add(key.text)
            checked.where[key.text] = value.where
            if isinstance(value, YamlScalar) and value.kind == "null":
                if spec_field.required:
                    slot = spec_field.slot(label)
                    out.error(value.where, f"{slot.label} is empty; {slot.suggestion}")
                else:
                    checked.present.discard(key.text)
                continue
            result = spec_field.kind.check(value, spec_field.slot(label), out)
            if result is not INVALID:
                checked.values[key.text] = result
        for spec_field in self.fields:
            if (
                spec_field.required
                and spec_field.key not in checked.where
                and spec_field.key not in suggested
            ):
                options = (
                    f" (one of: {', '.join(spec_field.kind.values)})"
                    if isinstance(spec_field.kind, Choice)
                    else ""
                )
                out.error(
                    node.where,
                    f"missing required key {quote(spec_field.key)}{within}; "
                    f"add e.g. {example_yaml(spec_field.key, spec_field.example)}{options}",
                )
        return checked

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {f.key: f.json_schema() for f in self.fields},
            "additionalProperties": False,
        }
        required = [f.key for f in self.fields if f.required]
        if required:
            schema["required"] = required
        return schema


@dataclass
class Checked:
    """The checked keys of one mapping: valid values, and where every given key's value sits."""

    where_mapping: Location
    values: dict[str, Any] = field(default_factory=dict)
    where: dict[str, Location] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    """Keys given with a non-null value, valid or not: cross-checks need both ends valid."""


@dataclass(frozen=True)
class TextList(Kind):
    """A list of single-line texts (possibly empty)."""

    def expected(self) -> str:
        return "a list of text"

    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        if not isinstance(node, YamlSeq):
            return self.wrong_type(node, slot, out)
        values = []
        for number, item in enumerate(node.items, start=1):
            item_slot = Slot(f"item {number} of {slot.label}", slot.key, "write the text or remove the item")
            values.append(self._check_item(item, item_slot, out))
        return INVALID if INVALID in values else tuple(values)

    def _check_item(self, item: YamlNode, slot: Slot, out: Checker) -> Any:
        if isinstance(item, YamlRefused):
            return INVALID
        if isinstance(item, YamlScalar) and item.kind == "null":
            out.error(item.where, f"{slot.label} is empty; {slot.suggestion}")
            return INVALID
        if isinstance(item, YamlScalar) and item.kind != "str":
            hint = f'put it in quotes: "{_double_quoted(item.text)}"'
            out.error(item.where, f"{slot.label} must be text, not {describe(item)}; {hint}")
            return INVALID
        if not isinstance(item, YamlScalar):
            hint = "write each item as text on its own '- ' line"
            out.error(item.where, f"{slot.label} must be text, not {describe(item)}; {hint}")
            return INVALID
        return Text().check(item, slot, out)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": Text().json_schema()}


@dataclass(frozen=True)
class ChoiceList(Kind):
    """A non-empty list of distinct words from a fixed set, in the user's order."""

    choice: Choice

    def expected(self) -> str:
        return "a list"

    def check(self, node: YamlNode, slot: Slot, out: Checker) -> Any:
        if not isinstance(node, YamlSeq):
            return self.wrong_type(node, slot, out)
        if not node.items:
            out.error(
                node.where,
                f"{slot.label} is an empty list; list at least one {self.choice.noun} "
                f"or remove {quote(slot.key)} to use the defaults",
            )
            return INVALID
        values: list[Any] = []
        first_at: dict[str, int] = {}
        options = f"write one {self.choice.noun} name per item"
        for number, item in enumerate(node.items, start=1):
            value = self.choice.check(item, Slot(f"item {number} of {slot.label}", slot.key, options), out)
            if value is not INVALID and value in first_at:
                out.error(
                    item.where,
                    f"{self.choice.noun} {quote(value)} is listed twice (first at line {first_at[value]}); "
                    "keep one",
                )
                value = INVALID
            elif value is not INVALID:
                first_at[value] = item.where.line
            values.append(value)
        return INVALID if INVALID in values else tuple(values)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.choice.json_schema(), "minItems": 1, "uniqueItems": True}
