"""Property: whatever the text, parse_spec returns a BriefSpec or raises InputError of located lines."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tipbrief.briefs.spec import parse_spec
from tipbrief.briefs.spec_kinds import Mapping
from tipbrief.briefs.spec_model import BriefSpec
from tipbrief.briefs.spec_schema import SPEC
from tipbrief.common.errors import InputError

PATH = "briefs/h.yaml"
LOCATED = re.compile(r"^briefs/h\.yaml:\d+:\d+: .+$")


def known_keys(mapping: Mapping) -> list[str]:
    keys = []
    for field in mapping.fields:
        keys.append(field.key)
        if isinstance(field.kind, Mapping):
            keys += known_keys(field.kind)
    return [*keys, "event"]


KEYS = st.sampled_from(known_keys(SPEC)) | st.text(max_size=12)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.dates().map(date.isoformat)
    | st.sampled_from(
        ["analyst", "public", "A4", "en", "2015", "2015-11", "2023-02-30", "summary", "yes", "~"]
    )
    | st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 99),
        st.integers(0, 99),
    )
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=20,
)
SPECS = st.dictionaries(KEYS, VALUES, max_size=12)

VALID_BASE: dict[str, Any] = {
    "title": "T",
    "author": "A",
    "audience": "analyst",
    "topic": {"summary": "S"},
}


def assert_spec_or_located_error(text: str, epoch: str | None = None) -> None:
    try:
        result = parse_spec(text, PATH, "h", epoch)
    except InputError as err:
        lines = str(err).split("\n")
        assert lines and list(err.problems) == lines
        for line in lines:
            assert LOCATED.match(line), line
        return
    assert isinstance(result, BriefSpec)


def dump(data: Any, flow: bool | None) -> str:
    return yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SPECS, st.booleans())
def test_random_mappings_of_keys_and_values(data: dict[str, Any], flow: bool) -> None:
    assert_spec_or_located_error(dump(data, flow))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(st.sampled_from(known_keys(SPEC)), VALUES, max_size=6),
    st.sampled_from([None, "0", "x", "-1"]),
)
def test_valid_spec_with_random_changes(changes: dict[str, Any], epoch: str | None) -> None:
    assert_spec_or_located_error(dump({**VALID_BASE, **changes}, None), epoch)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_random_text(text: str) -> None:
    assert_spec_or_located_error(text)


YAML_BITS = st.sampled_from(
    [
        ":",
        "-",
        " ",
        "  ",
        "\n",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&a",
        "*a",
        "!!",
        "!!python/object ",
        "?",
        "|",
        ">",
        "'",
        '"',
        "#",
        "---",
        "...",
        "%YAML 1.1",
        "<<: ",
        "title",
        "author",
        "period",
        "from",
        "event",
        "2015-02-30",
        "yes",
        "~",
        "\\",
        "\ufeff",
        "\x85",
        "\u2028",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(YAML_BITS | st.text(max_size=3), max_size=40))
def test_yaml_punctuation_soup(bits: list[str]) -> None:
    assert_spec_or_located_error("".join(bits))


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 400), st.text(min_size=1, max_size=5))
def test_valid_spec_with_text_inserted_anywhere(position: int, insert: str) -> None:
    text = dump({**VALID_BASE, "period": {"from": 2015, "to": {"event": "x"}}, "sections": ["summary"]}, None)
    position = min(position, len(text))
    assert_spec_or_located_error(text[:position] + insert + text[position:])
