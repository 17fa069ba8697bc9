"""Brief spec validation: one fixture per failure, each with its exact messages; the valid specs in full."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tipbrief.briefs.spec import load_spec, parse_spec
from tipbrief.briefs.spec_model import DEFAULT_MARKING, BriefSpec, Criteria, PartialDate, PeriodBound, Topic
from tipbrief.common.errors import InputError, Location
from tipbrief.common.yamlsafe import MAX_YAML_BYTES, MAX_YAML_DEPTH, decode_yaml_bytes

SPECS = Path(__file__).parent / "fixtures" / "specs"

MINIMAL = """\
title: Trafficking in persons in ASEAN
author: Regional Affairs Desk
audience: analyst
topic:
  summary: What ASEAN does against trafficking in persons.
"""

# Every failing fixture and the exact lines it must produce, shown as if it were briefs/NAME.yaml.
EXPECTED: dict[str, list[str]] = {
    "bad-audience": ["3:11: unknown audience 'analist'; did you mean 'analyst'?"],
    "bad-date-format": [
        "4:9: issued '11 May 2024' is not a date in the right form; write it as YYYY-MM-DD, e.g. 2024-05-11",
        "8:9: period.from '21/11/2015' is not a date in the right form; write a year (2015), a month "
        "(2015-11), a day (2015-11-21) or an event reference ({event: id or description})",
        "9:7: period.to '2015-11-21T10:00:00' is not a date in the right form; write a year (2015), a month "
        "(2015-11), a day (2015-11-21) or an event reference ({event: id or description})",
    ],
    "bad-event-ref": [
        "7:10: unknown key 'evnt' in period.from; did you mean 'event'?",
        "8:15: period.to.event is blank; write e.g. event: the Labuan Bajo declaration",
    ],
    "bad-page-size": [
        "4:12: unknown page size 'a4'; did you mean 'A4'?",
        "5:11: unknown language 'fr'; use one of: en",
    ],
    "bad-sections": [
        "6:21: unknown section 'keypoints'; did you mean 'key-points'?",
        "6:44: section 'summary' is listed twice (first at line 6); keep one",
    ],
    "bad-changes": ["4:10: changes must be true or false, not the boolean 'yes'; write changes: true"],
    "blank-title": [
        "1:8: title is blank; write e.g. title: ASEAN–US cooperation against trafficking in persons",
        "2:8: author is empty; write e.g. author: Regional Affairs Desk",
    ],
    "boolean-text": [
        "3:10: marking must be text, not the boolean 'no'; put it in quotes: marking: \"no\"",
        "5:12: item 1 of keywords must be text, not the boolean 'yes'; put it in quotes: \"yes\"",
        "5:17: item 2 of keywords must be text, not the number '2015'; put it in quotes: \"2015\"",
    ],
    "duplicate-key": ["6:1: duplicate key 'audience' (first set at line 3); keep only one of them"],
    "empty": [
        "1:1: the spec is empty; write at least the keys title, author, audience and topic "
        "(`tipbrief schema` describes every key)"
    ],
    "impossible-date": [
        "4:9: issued '2023-02-30' is not a real date: February 2023 has 28 days; correct the day",
        "8:9: period.from '2015-13' is not a real date: there is no month 13; correct the month",
    ],
    "invalid-utf8": ["5:25: invalid UTF-8 at byte 120 (0xe9); save the file with UTF-8 encoding"],
    "missing-required": [
        "1:1: missing required key 'author'; add e.g. author: Regional Affairs Desk",
        "1:1: missing required key 'audience'; "
        "add e.g. audience: analyst (one of: ministerial, analyst, public)",
        "3:3: missing required key 'summary' in topic; "
        "add e.g. summary: ASEAN's work with the United States against trafficking in persons.",
    ],
    "multiple-documents": [
        "6:1: invalid YAML: expected a single document in the stream (line 1, column 1), "
        "but found another document; keep one document per file: remove the extra '---'"
    ],
    "nested-typo-key": ["6:3: unknown key 'includes' in topic; did you mean 'include'?"],
    "not-a-mapping": [
        "1:1: a spec must be a mapping of keys to values, not a list; "
        "start with a line like title: ASEAN–US cooperation against trafficking in persons"
    ],
    "public-marking": [
        "4:10: a public brief carries no marking; remove 'marking' or choose another audience"
    ],
    "python-tag": [
        "1:8: YAML tag '!!python/object/apply:os.system' is not allowed here; remove it "
        "(a spec holds only plain text, numbers, dates, lists and mappings)"
    ],
    "reversed-period": ["7:9: period.from (2016-03) is after period.to (2015); swap them"],
    "syntax-error": [
        "6:1: invalid YAML: found unexpected end of stream while scanning a quoted scalar "
        "(line 5, column 12); check the indentation, quotes and brackets here"
    ],
    "typo-key": ["1:1: unknown key 'titel'; did you mean 'title'?"],
    "wrong-type": [
        "2:3: title must be text, not a list; "
        "write e.g. title: ASEAN–US cooperation against trafficking in persons",
        "6:11: keywords must be a list of text, not the text 'trafficking in persons'; "
        "write e.g. keywords: [trafficking in persons, ASEAN, United States]",
        "7:8: topic must be a mapping with the keys summary, include, exclude, not the text "
        "'What ASEAN does against trafficking in persons.'; "
        "write e.g. topic: {summary: ASEAN's work with the United States against trafficking in persons.}",
    ],
    "yaml-bomb": [
        "6:1: unknown key 'lol'; use one of: title, subtitle, author, issued, marking, language, audience, "
        "page_size, keywords, topic, period, sections, changes",
        "8:10: YAML alias '*a' is not allowed here (and 71 more aliases); write the value out in full",
    ],
}
VALID = ("valid-full", "valid-minimal")


def check_fixture(name: str) -> BriefSpec:
    """Validate a fixture as ``briefs/NAME.yaml``, reading it as load_spec would (bytes, then UTF-8)."""
    display = f"briefs/{name}.yaml"
    text = decode_yaml_bytes((SPECS / f"{name}.yaml").read_bytes(), display)
    return parse_spec(text, display, name)


def test_every_fixture_has_an_expectation() -> None:
    on_disk = {p.stem for p in SPECS.glob("*.yaml")}
    assert on_disk == set(EXPECTED) | set(VALID)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reports_exactly_its_problems(name: str) -> None:
    with pytest.raises(InputError) as caught:
        check_fixture(name)
    assert list(caught.value.problems) == [f"briefs/{name}.yaml:{line}" for line in EXPECTED[name]]


def test_valid_full_spec_gives_every_field() -> None:
    spec = check_fixture("valid-full")
    assert spec == BriefSpec(
        name="valid-full",
        path="briefs/valid-full.yaml",
        title="ASEAN–US cooperation against trafficking in persons",
        subtitle="Joint activities since 2012",
        author="Regional Affairs Desk",
        issued=date(2024, 5, 11),
        marking="RESTRICTED",
        language="en",
        audience="analyst",
        page_size="Letter",
        keywords=("trafficking in persons", "ASEAN", "United States"),
        topic=Topic(
            summary="ASEAN's work with the United States against trafficking in persons.",
            include=Criteria(
                terms=("trafficking in persons", "human trafficking"),
                actors=("ASEAN", "United States"),
                places=("Jakarta", "Yangon"),
                kinds=("seminar", "workshop", "adoption"),
            ),
            exclude=Criteria(kinds=("meeting",)),
        ),
        period_from=PeriodBound(Location("briefs/valid-full.yaml", 24, 9), date=PartialDate(2012)),
        period_to=PeriodBound(Location("briefs/valid-full.yaml", 25, 7), event="the Labuan Bajo declaration"),
        sections=("summary", "key-points", "chronology", "sources"),
        changes=False,
    )


def test_minimal_public_spec_takes_the_defaults_and_carries_no_marking() -> None:
    spec = check_fixture("valid-minimal")
    assert (spec.audience, spec.marking, spec.language, spec.page_size) == ("public", "", "en", "A4")
    assert (spec.subtitle, spec.issued, spec.period_from, spec.period_to, spec.sections) == (None,) * 5
    assert spec.keywords == ()
    assert spec.topic == Topic("What ASEAN does against trafficking in persons.")


@pytest.mark.parametrize(
    ("audience", "default"), [("ministerial", True), ("analyst", True), ("public", False)]
)
def test_changes_default_to_the_audience_and_follow_the_spec(audience: str, default: bool) -> None:
    text = MINIMAL.replace("audience: analyst", f"audience: {audience}")
    assert parse_spec(text, "b.yaml", "b").changes is default
    for written, value in (("true", True), ("false", False), ("False", False), ("TRUE", True)):
        assert parse_spec(text + f"changes: {written}\n", "b.yaml", "b").changes is value


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("off", "changes must be true or false, not the boolean 'off'; write changes: false"),
        ('"true"', "changes must be true or false, not the text 'true'; write changes: true"),
        ("1", "changes must be true or false, not the number '1'; write e.g. changes: true"),
        ("[true]", "changes must be true or false, not a list; write e.g. changes: true"),
    ],
)
def test_changes_is_true_or_false_and_nothing_else(written: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(MINIMAL + f"changes: {written}\n", "b.yaml", "b")
    assert caught.value.problems == (f"b.yaml:6:10: {message}",)


def test_non_public_spec_gets_the_default_marking() -> None:
    assert (
        parse_spec(MINIMAL, "briefs/m.yaml", "m").marking
        == DEFAULT_MARKING
        == "UNCLASSIFIED // FOR OFFICIAL USE"
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2015", PartialDate(2015)),
        ('"2015"', PartialDate(2015)),
        ("2015-11", PartialDate(2015, 11)),
        ("2015-11-21", PartialDate(2015, 11, 21)),
        ("'2016-02-29'", PartialDate(2016, 2, 29)),
    ],
)
def test_period_bounds_are_years_months_or_days(written: str, expected: PartialDate) -> None:
    spec = parse_spec(MINIMAL + f"period:\n  from: {written}\n  to: null\n", "b.yaml", "b")
    assert spec.period_from == PeriodBound(Location("b.yaml", 7, 9), date=expected)
    assert spec.period_to is None


def test_period_that_starts_and_ends_in_the_same_month_is_not_reversed() -> None:
    spec = parse_spec(MINIMAL + "period: {from: 2015-11-21, to: 2015-11}\n", "b.yaml", "b")
    assert spec.period_from is not None and spec.period_to is not None
    assert spec.period_from.date == PartialDate(2015, 11, 21)


def test_event_reference_is_kept_for_the_fact_base() -> None:
    spec = parse_spec(
        MINIMAL + "period:\n  to: {event: '  the Labuan Bajo\n    declaration '}\n", "b.yaml", "b"
    )
    assert spec.period_to == PeriodBound(Location("b.yaml", 7, 7), event="the Labuan Bajo declaration")


@pytest.mark.parametrize(
    ("epoch", "issued"),
    [
        (None, None),
        ("", None),
        ("0", date(1970, 1, 1)),
        ("1715385600", date(2024, 5, 11)),
        (1715385600, date(2024, 5, 11)),
    ],
)
def test_issued_comes_from_source_date_epoch_when_absent(
    epoch: str | int | None, issued: date | None
) -> None:
    assert parse_spec(MINIMAL, "b.yaml", "b", epoch).issued == issued


def test_issued_in_the_spec_wins_over_source_date_epoch() -> None:
    spec = parse_spec(MINIMAL + "issued: 2020-01-31\n", "b.yaml", "b", "1715385600")
    assert spec.issued == date(2020, 1, 31)


@pytest.mark.parametrize("epoch", ["yesterday", "-5", "1.5", "99999999999999"])
def test_bad_source_date_epoch_is_reported_when_needed(epoch: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(MINIMAL, "b.yaml", "b", epoch)
    assert caught.value.problems == (
        f"b.yaml:1:1: the spec has no 'issued' date and SOURCE_DATE_EPOCH '{epoch}' is not a date "
        "(a whole number of seconds since 1970-01-01 UTC); set issued: YYYY-MM-DD or fix SOURCE_DATE_EPOCH",
    )


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    text = "audience: analist\ntitel: x\nsections: []\ntopic: {summary: s, include: {kinds: [seminar, 3]}}\n"
    with pytest.raises(InputError) as caught:
        parse_spec(text, "b.yaml", "b")
    assert caught.value.problems == (
        "b.yaml:1:1: missing required key 'author'; add e.g. author: Regional Affairs Desk",
        "b.yaml:1:11: unknown audience 'analist'; did you mean 'analyst'?",
        "b.yaml:2:1: unknown key 'titel'; did you mean 'title'?",
        "b.yaml:3:11: sections is an empty list; "
        "list at least one section or remove 'sections' to use the defaults",
        "b.yaml:4:48: item 2 of topic.include.kinds must be text, not the number '3'; "
        'put it in quotes: "3"',
    )


def test_single_line_text_is_folded_and_summary_keeps_its_lines() -> None:
    text = (
        "title: |\n  Trafficking\n    in ASEAN\nauthor: Desk\naudience: analyst\n"
        "topic:\n  summary: |\n    Line one.\n    Line two.\n"
    )
    spec = parse_spec(text, "b.yaml", "b")
    assert spec.title == "Trafficking in ASEAN"
    assert spec.topic.summary == "Line one.\nLine two."


def test_control_characters_in_text_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(MINIMAL.replace("author: Regional Affairs Desk", 'author: "Desk\\x07"'), "b.yaml", "b")
    assert caught.value.problems == ("b.yaml:2:9: author contains the control character U+0007; remove it",)


def test_merge_keys_and_non_text_keys_are_refused() -> None:
    text = MINIMAL + "<<: {subtitle: x}\n? [a, b]\n: c\n"
    with pytest.raises(InputError) as caught:
        parse_spec(text, "b.yaml", "b")
    assert caught.value.problems == (
        "b.yaml:6:1: merge keys ('<<') are not allowed here; write the keys out in full",
        "b.yaml:7:3: a key must be plain text, not a list; write the key as a word and a ':'",
    )


def test_deep_nesting_is_refused_before_the_parser_recurses() -> None:
    text = MINIMAL + "keywords: " + "[" * 10_000 + "]" * 10_000 + "\n"
    with pytest.raises(InputError) as caught:
        parse_spec(text, "b.yaml", "b")
    assert caught.value.problems == (
        f"b.yaml:6:{11 + MAX_YAML_DEPTH - 1}: values are nested more than {MAX_YAML_DEPTH} levels deep; "
        "a settings file needs only a few levels: flatten it",
    )


def test_characters_yaml_forbids_are_located() -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(MINIMAL + "subtitle: a\x00b\n", "b.yaml", "b")
    assert caught.value.problems == (
        "b.yaml:6:12: character U+0000 is not allowed in YAML; remove it or write it as an escape",
    )


def test_huge_text_is_refused_without_parsing() -> None:
    text = MINIMAL + "# " + "x" * MAX_YAML_BYTES + "\n"
    with pytest.raises(InputError) as caught:
        parse_spec(text, "b.yaml", "b")
    assert caught.value.problems == (
        f"b.yaml:1:1: file is {len(text):,} bytes, more than the 1 MiB allowed; "
        "a settings file this big is a mistake: keep only the settings in it",
    )


# load_spec: the only part that touches the disk.


def test_load_spec_reads_the_file_and_names_the_spec_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "tip-note.yaml").write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    spec = load_spec(tmp_path / "briefs" / "tip-note.yaml", environ={"SOURCE_DATE_EPOCH": "1715385600"})
    assert (spec.name, spec.path, spec.issued) == ("tip-note", "briefs/tip-note.yaml", date(2024, 5, 11))


def test_load_spec_reports_a_bad_byte_at_its_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("x.yaml").write_bytes(b"title: caf\xc3\xa9 \xff\n")
    with pytest.raises(InputError) as caught:
        load_spec("x.yaml", environ={})
    assert caught.value.problems == (
        "x.yaml:1:13: invalid UTF-8 at byte 13 (0xff); save the file with UTF-8 encoding",
    )


def test_load_spec_refuses_huge_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("big.yaml").write_bytes(b"#" * (3 * MAX_YAML_BYTES))
    with pytest.raises(InputError) as caught:
        load_spec("big.yaml", environ={})
    assert caught.value.problems == (
        "big.yaml:1:1: file is 3,145,728 bytes, more than the 1 MiB allowed; "
        "a settings file this big is a mistake: keep only the settings in it",
    )


def test_load_spec_reports_a_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        load_spec("briefs/nope.yaml", environ={})
    assert caught.value.problems == (
        "briefs/nope.yaml:1:1: cannot read the file: No such file or directory; "
        "check the path and permissions",
    )
