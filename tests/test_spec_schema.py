"""The published JSON Schema: valid draft 2020-12, shipped up to date, and in agreement with the validator."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tipbrief.briefs.spec import parse_spec
from tipbrief.briefs.spec_kinds import Field, Mapping
from tipbrief.briefs.spec_schema import SPEC, json_schema, schema_text
from tipbrief.common.errors import InputError
from tipbrief.common.yamlsafe import YamlMap, YamlNode, YamlScalar, YamlSeq, parse_yaml

SPECS = Path(__file__).parent / "fixtures" / "specs"


def as_json(node: YamlNode | None) -> Any:
    """What an editor's YAML 1.2 reader sees: dates stay text, everything else keeps its type."""
    if isinstance(node, YamlMap):
        return {k.text: as_json(v) for k, v in node.items}
    if isinstance(node, YamlSeq):
        return [as_json(item) for item in node.items]
    assert isinstance(node, YamlScalar)
    if node.kind == "int":
        return int(node.text)
    if node.kind == "bool":
        return node.text.lower() in ("yes", "true", "on", "y")
    if node.kind == "null":
        return None
    return node.text


def schema_errors(text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(json_schema())
    return [e.message for e in validator.iter_errors(as_json(parse_yaml(text, "x.yaml").root))]


def all_fields(mapping: Mapping, prefix: str = "") -> list[tuple[str, Field]]:
    found = []
    for field in mapping.fields:
        found.append((prefix + field.key, field))
        if isinstance(field.kind, Mapping):
            found += all_fields(field.kind, f"{prefix}{field.key}.")
    return found


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_shipped_schema_is_the_generated_one() -> None:
    shipped = files("tipbrief").joinpath("data/brief-spec.schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(), "run: tipbrief schema --out src/tipbrief/data/brief-spec.schema.json"


def test_schema_text_is_stable_json() -> None:
    assert schema_text() == schema_text()
    assert json.loads(schema_text()) == json_schema()
    assert schema_text().endswith("}\n")


@pytest.mark.parametrize(("label", "field"), all_fields(SPEC), ids=lambda x: x if isinstance(x, str) else "")
def test_every_key_has_a_description_and_an_example(label: str, field: Field) -> None:
    assert field.description.strip().endswith("."), label
    assert field.example not in (None, "", [], {}), label


def test_the_examples_together_make_a_valid_spec() -> None:
    text = yaml.safe_dump({f.key: f.example for f in SPEC.fields}, allow_unicode=True, sort_keys=False)
    spec = parse_spec(text, "examples.yaml", "examples")
    assert spec.title == SPEC.fields[0].example
    assert schema_errors(text) == []
    assert json_schema()["examples"] == [{f.key: f.example for f in SPEC.fields}]


@pytest.mark.parametrize("name", ["valid-full", "valid-minimal"])
def test_valid_fixtures_pass_the_schema(name: str) -> None:
    assert schema_errors((SPECS / f"{name}.yaml").read_text(encoding="utf-8")) == []


# The problems a JSON Schema can express; the others (duplicate keys, aliases, impossible days,
# reversed periods, markings on public briefs) only the validator sees.
# (`changes: yes` is among the latter: PyYAML reads it as true, where YAML 1.2 editors read text.)
SCHEMA_VISIBLE = [
    "bad-audience",
    "bad-date-format",
    "bad-event-ref",
    "bad-page-size",
    "bad-sections",
    "blank-title",
    "boolean-text",
    "missing-required",
    "nested-typo-key",
    "typo-key",
    "wrong-type",
]


@pytest.mark.parametrize("name", SCHEMA_VISIBLE)
def test_schema_rejects_what_the_validator_rejects(name: str) -> None:
    text = (SPECS / f"{name}.yaml").read_text(encoding="utf-8")
    with pytest.raises(InputError):
        parse_spec(text, "x.yaml", name)
    assert schema_errors(text) != []
