"""`tipbrief new`: a commented spec that is valid as written, never overwritten, listing the events."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

import tipbrief.build.factbase
from tipbrief.briefs.render_markdown import DEFAULT_SECTIONS
from tipbrief.briefs.spec import parse_spec
from tipbrief.briefs.spec_model import AUDIENCES, DEFAULT_MARKING, Audience, PartialDate
from tipbrief.briefs.spec_schema import SPEC, schema_text
from tipbrief.commands.events import format_events
from tipbrief.commands.new import (
    PLACEHOLDER_AUTHOR,
    PLACEHOLDER_SUMMARY,
    Bound,
    field_at,
    render_new_spec,
    title_from_name,
)
from tipbrief.facts.factjson import fact_base_from_dict

ROOT = Path(__file__).parent.parent
FACTS = fact_base_from_dict(
    json.loads((Path(__file__).parent / "fixtures" / "specs" / "events.json").read_text(encoding="utf-8"))
)
MODELINE = "# yaml-language-server: $schema=../brief-spec.schema.json"


def run(*args: str) -> Result:
    from tipbrief.cli import cli

    return CliRunner().invoke(cli, ["new", *args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project with a seeds/ folder whose fact base is the fixture's."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(tipbrief.build.factbase, "build_fact_base", lambda seeds, project=None: FACTS)
    return tmp_path


def spec_text(audience: Audience = "analyst", **kwargs: Any) -> str:
    return render_new_spec(
        "labour-trafficking",
        audience=audience,
        title=kwargs.pop("title", "Labour trafficking"),
        author=kwargs.pop("author", "Regional Affairs Desk"),
        **kwargs,
    )


# --- the text ------------------------------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_new_spec_is_valid_as_written(audience: Audience) -> None:
    text = spec_text(audience, events=FACTS.events)
    spec = parse_spec(text, "briefs/labour-trafficking.yaml", "labour-trafficking")
    assert (spec.title, spec.audience, spec.author) == (
        "Labour trafficking",
        audience,
        "Regional Affairs Desk",
    )
    assert spec.topic.summary == PLACEHOLDER_SUMMARY
    assert spec.topic.include.terms == ()
    assert (spec.period_from, spec.period_to, spec.sections) == (None, None, None)
    assert spec.marking == ("" if audience == "public" else DEFAULT_MARKING)
    assert text.splitlines()[0] == MODELINE


def test_options_become_values() -> None:
    text = spec_text(
        "public",
        terms=["forced labour", "trafficking"],
        period_from=Bound(2015),
        period_to=Bound({"event": "labuan-bajo-declaration-2023"}, FACTS.events[5]),
        events=FACTS.events,
    )
    spec = parse_spec(text, "briefs/x.yaml", "x")
    assert spec.topic.include.terms == ("forced labour", "trafficking")
    assert spec.topic.summary == "ASEAN's work on forced labour and trafficking."
    assert spec.keywords == ("forced labour", "trafficking")
    assert spec.period_from is not None and spec.period_from.date == PartialDate(2015)
    assert spec.period_to is not None and spec.period_to.event == "labuan-bajo-declaration-2023"
    # The id alone is cryptic: the event's title and date are written under it.
    assert (
        "  to: {event: labuan-bajo-declaration-2023}\n"
        "    # that is: Declaration on combating trafficking in persons caused by the abuse of technology\n"
        "    # (11 May 2023)\n"
    ) in text


def test_every_optional_key_can_be_switched_on_by_removing_its_hash() -> None:
    text = spec_text("analyst", events=FACTS.events)
    keys = {f.key for f in _all_fields(SPEC)}
    switched, count = re.subn(
        r"^( *)# ([a-z_]+:)",
        lambda m: m.group(1) + m.group(2) if m.group(2)[:-1] in keys else m.group(0),
        text,
        flags=re.MULTILINE,
    )
    assert count >= 12
    spec = parse_spec(switched, "briefs/x.yaml", "x")
    assert spec.subtitle == field_at("subtitle").example
    assert spec.sections == DEFAULT_SECTIONS["analyst"]
    assert spec.topic.include.actors == tuple(field_at("topic.include.actors").example)
    assert spec.topic.exclude.kinds == ("meeting",)
    assert spec.period_from is not None and spec.period_to is not None


def _all_fields(mapping: Any) -> list[Any]:
    found = []
    for f in mapping.fields:
        found.append(f)
        if hasattr(f.kind, "fields"):
            found.extend(_all_fields(f.kind))
    return found


def test_every_key_is_introduced_by_its_schema_description() -> None:
    text = spec_text("ministerial", terms=["x"], period_from=Bound(2015), period_to=Bound("2016-03"))
    lines = text.splitlines()
    for path in (
        "title",
        "author",
        "audience",
        "marking",
        "topic.summary",
        "topic.include.terms",
        "period.to",
    ):
        key = path.split(".")[-1]
        at = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"{key}:"))
        comments = []
        for line in reversed(lines[:at]):
            if not line.lstrip().startswith("#") or line.lstrip().startswith(f"# {key}"):
                break
            comments.insert(0, line.strip().removeprefix("# "))
        assert " ".join(comments).endswith(field_at(path).description), path


def test_the_events_are_listed_in_the_spec_as_comments() -> None:
    text = spec_text(events=FACTS.events)
    listing = "\n".join(line.rstrip() for line in format_events(FACTS.events, indent="#   "))
    assert listing in text
    assert "somtc-undated-meeting" in text
    assert spec_text(events=()).count("The fact base has no events: write the period's bounds as dates.") == 1
    assert "#   " not in spec_text(events=None)


def test_only_the_first_forty_events_are_listed_in_the_spec() -> None:
    many = [FACTS.events[0].__class__(**{**_fields(FACTS.events[0]), "id": f"e{n:03d}"}) for n in range(45)]
    text = spec_text(events=many)
    assert "e039" in text and "e040" not in text
    assert "(45 in all; `tipbrief events` lists the other 5)" in text.replace("\n# ", " ")


def _fields(event: Any) -> dict[str, Any]:
    return {name: getattr(event, name) for name in event.__slots__}


def test_the_text_is_the_same_on_every_run() -> None:
    assert spec_text(events=FACTS.events) == spec_text(events=tuple(reversed(FACTS.events)))


@pytest.mark.parametrize(
    ("name", "title"), [("labour-trafficking", "Labour trafficking"), ("acwc_2016", "Acwc 2016")]
)
def test_title_from_name(name: str, title: str) -> None:
    assert title_from_name(name) == title


texts = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40).filter(
    lambda t: t.strip() != ""
)


@settings(max_examples=60, deadline=None)
@given(title=texts, author=texts, terms=st.lists(texts, max_size=3))
def test_any_title_author_and_terms_give_a_valid_spec_that_keeps_them(
    title: str, author: str, terms: list[str]
) -> None:
    clean_terms = [" ".join(t.split()) for t in terms]
    text = spec_text(title=title, author=author, terms=clean_terms)
    spec = parse_spec(text, "briefs/x.yaml", "x")
    assert spec.title == " ".join(title.split())
    assert spec.author == " ".join(author.split())
    assert spec.topic.include.terms == tuple(clean_terms)
    assert yaml.safe_load(text)["title"] == title


# --- the command ---------------------------------------------------------------------------------


def test_new_writes_the_spec_and_the_schema_and_lists_the_events(project: Path) -> None:
    result = run("labour-trafficking", "--audience", "public", "--topic", "forced labour", "--from", "2015")
    assert (result.exit_code, result.stderr) == (0, "")
    written = Path("briefs/labour-trafficking.yaml").read_text(encoding="utf-8")
    spec = parse_spec(written, "briefs/labour-trafficking.yaml", "labour-trafficking")
    assert (spec.title, spec.audience, spec.author) == ("Labour trafficking", "public", PLACEHOLDER_AUTHOR)
    assert Path("brief-spec.schema.json").read_text(encoding="utf-8") == schema_text()
    listing = "\n".join(format_events(FACTS.events, indent="  "))
    assert result.stdout == (
        "wrote briefs/labour-trafficking.yaml\n"
        "wrote brief-spec.schema.json (editors complete and check keys with it)\n"
        "\n"
        "Events you can name as period bounds. Name an event in a spec by its id: "
        "period: {from: {event: ID}, to: {event: ID}}\n"
        f"{listing}\n"
        "\n"
        "Next: edit briefs/labour-trafficking.yaml, then run "
        "`tipbrief preview briefs/labour-trafficking.yaml`.\n"
    )


def test_new_resolves_event_descriptions_to_ids(project: Path) -> None:
    result = run("chronology", "--from", "the first ASEAN-US seminar", "--to", "the Labuan Bajo declaration")
    assert result.exit_code == 0, result.stderr
    spec = parse_spec(Path("briefs/chronology.yaml").read_text(encoding="utf-8"), "c.yaml", "chronology")
    assert spec.period_from is not None and spec.period_from.event == "asean-us-seminar-2014"
    assert spec.period_to is not None and spec.period_to.event == "labuan-bajo-declaration-2023"


def test_new_never_overwrites(project: Path) -> None:
    Path("briefs").mkdir()
    Path("briefs/mine.yaml").write_text("title: my work\n", encoding="utf-8")
    result = run("mine", "--audience", "public")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "briefs/mine.yaml:1:1: already exists; edit it, or choose another NAME "
        "(tipbrief new never overwrites a spec)\n"
    )
    assert Path("briefs/mine.yaml").read_text(encoding="utf-8") == "title: my work\n"
    assert run("mine.yaml").exit_code == 2


def test_a_briefs_file_in_the_way_is_a_clear_error(project: Path) -> None:
    Path("briefs").write_text("not a folder\n", encoding="utf-8")
    result = run("x")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "briefs: is a file, not a folder; move it away\n"


def test_an_existing_schema_is_kept_and_a_stale_one_is_pointed_out(project: Path) -> None:
    Path("brief-spec.schema.json").write_text("{}\n", encoding="utf-8")
    result = run("a")
    assert "note: brief-spec.schema.json is out of date; `tipbrief schema` rewrites it\n" in result.stdout
    assert Path("brief-spec.schema.json").read_text(encoding="utf-8") == "{}\n"
    Path("brief-spec.schema.json").write_text(schema_text(), encoding="utf-8")
    assert "schema" not in run("b").stdout


@pytest.mark.parametrize("name", ["../escape", "sub/name", "/abs", "a\\b", ".hidden", "", "bad name", "x."])
def test_name_must_be_a_plain_file_name(project: Path, name: str) -> None:
    result = run(name)
    assert result.exit_code == 2
    assert "Invalid value for 'NAME'" in result.stderr
    assert "is not a plain file name: use letters, digits, '-', '_' and '.', e.g. labour-trafficking" in (
        result.stderr.replace("\n", " ")
    )
    assert not Path("briefs").exists() or not any(Path("briefs").iterdir())
    assert not (project.parent / "escape.yaml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--to", "the zebra summit"],
            "tipbrief new: --to: event 'the zebra summit' matches no event; did you mean "
            "'acwc-regional-review-2016' (Launch of the ACWC Regional Review on Laws, Policies and "
            "Practices within ASEAN)? (nothing written)",
        ),
        (
            ["--from", "2020", "--to", "2015"],
            "tipbrief new: --from (2020) is after --to (2015); swap them (nothing written)",
        ),
        (
            ["--from", "2015-13"],
            "tipbrief new: --from '2015-13' is not a real date: there is no month 13; correct the month "
            "(nothing written)",
        ),
        (
            ["--from", "somtc-undated-meeting"],
            "tipbrief new: event 'somtc-undated-meeting' resolves to 'somtc-undated-meeting', whose date is "
            "not known well enough to bound the period; give a date instead (nothing written)",
        ),
        (
            ["--title", "bell\x07"],
            "tipbrief new: title contains the control character U+0007; remove it (nothing written)",
        ),
    ],
)
def test_bad_options_are_reported_and_nothing_is_written(
    project: Path, args: list[str], message: str
) -> None:
    result = run("x", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")
    assert not Path("briefs/x.yaml").exists()


def test_without_articles_dates_still_work_and_events_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("x", "--from", "2015")
    assert result.exit_code == 0
    assert (
        "No folder seeds/, so no events to list; `tipbrief events --seeds DIR` lists them.\n" in result.stdout
    )
    assert parse_spec(Path("briefs/x.yaml").read_text(encoding="utf-8"), "x", "x").period_from is not None
    failed = run("y", "--to", "the Labuan Bajo declaration")
    assert failed.exit_code == 2
    assert failed.stderr == (
        "tipbrief new: --to 'the Labuan Bajo declaration': an event reference needs the fact base, and "
        "there is no folder of articles; pass --seeds DIR, or give a date (2015, 2015-11, 2015-11-21)\n"
    )


def test_a_typo_in_the_new_spec_is_reported_with_its_line_and_a_suggestion(project: Path) -> None:
    """The editor's path: new, edit (with a typo), validate."""
    from tipbrief.cli import cli

    assert run("typo", "--audience", "ministerial").exit_code == 0
    path = Path("briefs/typo.yaml")
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("audience:"))
    lines[at] = "audiense: ministerial"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "briefs/typo.yaml"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stdout == (
        f"briefs/typo.yaml:{at + 1}:1: unknown key 'audiense'; did you mean 'audience'?\n"
        "1 spec checked: 1 error, 0 warnings\n"
    )


@pytest.mark.parametrize("command", ["new", "events", "preview"])
def test_help_ends_with_an_example(command: str) -> None:
    import click

    from tipbrief.cli import cli

    found = cli.get_command(click.Context(cli), command)
    assert found is not None and found.help is not None
    last = found.help.strip().splitlines()[-1].strip()
    assert last.startswith(f"Example: tipbrief {command}")
    result = CliRunner().invoke(cli, [command, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert last in result.stdout


# --- the schema editors read ---------------------------------------------------------------------


def test_the_project_schema_is_the_generated_one() -> None:
    committed = (ROOT / "brief-spec.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: tipbrief schema (in the project folder) and commit the file"


@pytest.mark.parametrize("spec", sorted((ROOT / "briefs").glob("*.yaml")), ids=lambda p: p.name)
def test_example_specs_point_editors_at_the_schema(spec: Path) -> None:
    first = spec.read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE
    assert (spec.parent / "../brief-spec.schema.json").resolve().is_file()


def _properties(schema: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(schema, dict):
        for key, sub in schema.get("properties", {}).items():
            found.append((f"{where}.{key}".lstrip("."), sub))
            found.extend(_properties(sub, f"{where}.{key}"))
        for branch in schema.get("anyOf", []):
            found.extend(_properties(branch, where))
    return found


def test_every_property_of_the_schema_has_a_description_and_an_example() -> None:
    schema = json.loads(schema_text())
    properties = _properties(schema)
    assert {p for p, _ in properties} >= {"title", "topic.include.terms", "period.from.event", "sections"}
    for path, sub in properties:
        assert sub.get("description"), path
        assert sub.get("examples"), path
