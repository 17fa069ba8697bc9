"""Markdown stage: escaping of data, the template guard, sections, marks and citations, golden files."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tipbrief.briefs.render_markdown import (
    MAX_VALUE_CHARS,
    UnescapedValueError,
    escape_md,
    render_markdown,
    resolve_sections,
)
from tipbrief.briefs.select import Brief, select
from tipbrief.briefs.spec import load_spec, parse_spec
from tipbrief.briefs.templates import PACKAGE_TEMPLATES, template_dirs
from tipbrief.common.errors import InputError
from tipbrief.facts.model import Conflict, Evidence, FactBase, Reading, Span

ROOT = Path(__file__).resolve().parent.parent
# The shipped examples, named so that an editor's new brief in briefs/ does not change the tests.
EXAMPLES = (
    "actip-implementation-ministerial",
    "asean-us-tip-chronology",
    "protecting-women-and-children-public",
)


def example(name: str, facts: FactBase) -> Brief:
    return select(load_spec(ROOT / "briefs" / f"{name}.yaml"), facts)


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_markdown_matches_its_golden_file(
    name: str, facts: FactBase, golden: Callable[[str, str], None]
) -> None:
    golden(f"{name}.md", render_markdown(example(name, facts)))


PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")


def as_html(text: str) -> str:
    """How markdown-it escapes literal text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# Zero-width and bidi formatting characters: escape_md drops them, as it drops control characters.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\t"),
        max_size=60,
    )
)
def test_escaped_text_renders_as_itself(value: str) -> None:
    shown = " ".join(INVISIBLE.sub("", value).split())
    rendered = PARSER.render(f"Before: {escape_md(value)}\n")
    assert rendered == f"<p>Before: {as_html(shown)}</p>\n".replace("Before: </p>", "Before:</p>")


@pytest.mark.parametrize(
    "value",
    [
        "# heading",
        "1. item",
        "- item",
        "> quote",
        "=====",
        "    code",
        "[x](javascript:alert(1))",
        "<b>bold</b>",
        "*a* _b_ `c` ~~d~~",
        "| a | b |",
        "&amp; &#65;",
        "![img](http://x/y.png)",
        "[^1]: note",
        "\\*",
    ],
)
def test_escaped_text_never_opens_markdown_syntax(value: str) -> None:
    rendered = PARSER.render(escape_md(value) + "\n")
    assert rendered == f"<p>{as_html(' '.join(value.split()))}</p>\n"


def test_hidden_characters_are_dropped_and_long_values_cut() -> None:
    hostile = "a\x00b\x07c\x1b[31m \u202eevil\u202c \u2066x\u2069 z\u200bw \ufeff\x85next\x0bline\x9bd"
    assert escape_md(hostile) == "abc\\[31m evil x zw next lined"
    long = "word " * 1000
    shown = escape_md(long)
    assert len(shown) <= MAX_VALUE_CHARS and shown.endswith("word …")
    assert escape_md("x" * 5000) == "x" * (MAX_VALUE_CHARS - 2) + " …"


def test_escaping_a_line_start_marker_after_collapsing_newlines() -> None:
    assert escape_md("a\n# b\n\n1. c") == "a \\# b 1\\. c"
    assert escape_md("=== underline") == "\\=== underline"


def test_jinja_delimiters_in_data_stay_literal(facts: FactBase) -> None:
    event = dataclasses.replace(facts.events[0], title="{{ 7*7 }} {% if x %}y{% endif %} {# c #}")
    brief = select(
        parse_spec(
            "title: '{{ title }}'\naudience: analyst\nauthor: U\nissued: 2024-03-01\ntopic:\n  summary: s\n",
            "b.yaml",
            "b",
        ),
        dataclasses.replace(facts, events=(event,)),
    )
    text = render_markdown(brief)
    assert "# \\{\\{ title \\}\\}" in text
    assert "\\{\\{ 7\\*7 \\}\\} \\{% if x %\\}y\\{% endif %\\} \\{\\# c \\#\\}" in text
    assert "49" not in text


def test_a_template_that_prints_data_without_md_is_refused(tmp_path: Path, facts: FactBase) -> None:
    (tmp_path / "analyst.md.j2").write_text("# {{ spec.title }}\n", encoding="utf-8")
    brief = example("asean-us-tip-chronology", facts)
    with pytest.raises(UnescapedValueError):
        render_markdown(brief, (tmp_path, PACKAGE_TEMPLATES))


def test_a_project_template_overrides_the_package_default(tmp_path: Path, facts: FactBase) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "analyst.md.j2").write_text(
        "# {{ text(spec.title) }}\n\nOurs.\n", encoding="utf-8"
    )
    dirs = template_dirs(tmp_path)
    assert dirs == (tmp_path / "templates", PACKAGE_TEMPLATES)
    text = render_markdown(example("asean-us-tip-chronology", facts), dirs)
    assert text == "# ASEAN and the United States against trafficking in persons\n\nOurs.\n"


def test_a_broken_template_is_an_input_error_with_its_line(tmp_path: Path, facts: FactBase) -> None:
    (tmp_path / "analyst.md.j2").write_text("# ok\n{% if %}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        render_markdown(example("asean-us-tip-chronology", facts), (tmp_path,))
    assert err.value.problems[0].startswith(f"{tmp_path / 'analyst.md.j2'}:2:1: template error: ")


def test_sections_default_by_audience_and_follow_the_spec(facts: FactBase) -> None:
    assert resolve_sections(example("asean-us-tip-chronology", facts)) == (
        "summary",
        "timeline",
        "chronology",
        "actors",
        "instruments",
        "conflicts",
        "glossary",
        "sources",
    )
    assert resolve_sections(example("actip-implementation-ministerial", facts)) == (
        "summary",
        "key-points",
        "chronology",
        "sources",
    )
    spec = parse_spec(
        "title: T\naudience: public\nauthor: U\nissued: 2024-03-01\ntopic:\n  summary: s\n"
        "sections: [sources, glossary, chronology]\n",
        "b.yaml",
        "b",
    )
    brief = select(spec, facts)
    # Sources always close the brief: every citation points into them.
    assert resolve_sections(brief) == ("glossary", "chronology", "sources")
    text = render_markdown(brief)
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        "## Words used in this brief",
        "## What happened",
        "## Where this comes from",
    ]


def test_a_short_period_gets_no_timeline_by_default(facts: FactBase) -> None:
    spec = parse_spec(
        "title: T\naudience: analyst\nauthor: U\nissued: 2024-03-01\ntopic:\n  summary: s\n"
        "period:\n  from: 2015\n  to: 2016\n",
        "b.yaml",
        "b",
    )
    assert "timeline" not in resolve_sections(select(spec, facts))


def test_inferred_dates_are_marked_and_explained(facts: FactBase) -> None:
    text = render_markdown(example("asean-us-tip-chronology", facts))
    assert (
        "### 1. *between May 2009 and November 2014*† — First ASEAN–US seminar on trafficking in persons"
        in text
    )
    assert "### 3. 28 September 2016 — ACWC launches" in text  # stated: no mark
    assert "an office he held from May 2009 to November 2014\\.[^2]" in text


def test_every_event_cites_its_sources_and_every_note_is_defined_once(facts: FactBase) -> None:
    for name in EXAMPLES:
        text = render_markdown(example(name, facts))
        body, _, notes = text.partition("\n[^1]: ")
        defined = ["1"] + [line[2 : line.index("]")] for line in notes.splitlines() if line.startswith("[^")]
        assert defined == [str(n) for n in range(1, len(defined) + 1)], name
        cited = {int(part.split("]")[0]) for part in body.split("[^")[1:]}
        assert cited == set(range(1, len(defined) + 1)), name


def test_the_analyst_notes_quote_the_article_and_the_others_name_it(facts: FactBase) -> None:
    analyst = render_markdown(example("asean-us-tip-chronology", facts))
    assert (
        "[^1]: “during a seminar on trafficking in persons \\(TIP\\) held recently in Yangon , Myanmar” — "
        "ASEAN and US agree to strengthen cooperation against human trafficking, VNA; "
        "seeds/000\\_4c4873f172a26ffe\\.txt, characters 102–184." in analyst
    )
    ministerial = render_markdown(example("actip-implementation-ministerial", facts))
    assert (
        "[^2]: ASEAN strengthens efforts to eliminate Trafficking In Persons, ASEAN Secretariat News, "
        in ministerial
    )
    assert "“" not in ministerial.partition("\n[^1]: ")[2]


def test_the_public_brief_spells_out_acronyms_and_carries_no_marking(facts: FactBase) -> None:
    text = render_markdown(example("protecting-women-and-children-public", facts))
    body = text.partition("\n[^1]: ")[0]
    for acronym in ("ACWC", "AICHR", "ACTIP", "TIP", "AMLAT"):
        assert f" {acronym} " not in body and f"{acronym}\\)" not in body, acronym
    assert (
        "ASEAN Commission on the Promotion and Protection of the Rights of Women and Children launches"
        in body
    )
    assert "Marking" not in text and "OFFICIAL" not in text


def crowded(facts: FactBase) -> FactBase:
    """The ACTIP signing as 1,223 retellings would make it: one date conflict whose readings are
    grouped by value, evidence whose one note 1,223 spans carry, and a value with Markdown in it."""
    event = next(e for e in facts.events if e.id == "2015-11-kuala-lumpur-actip-signature")
    doc = event.sources[0].document

    def spans(n: int, at: int) -> tuple[Span, ...]:
        return tuple(
            Span(doc, at + 40 * i, at + 40 * i + 16, f"{21 + at % 7} November 2015") for i in range(n)
        )

    kept, aside = spans(1223, 10_000), spans(72, 100_000)
    origin = [f"{s.document}:{s.start}-{s.end}" for s in (*kept, *aside)]
    conflict = Conflict(
        "date",
        (
            Reading("21 November 2015", tuple(origin[:1223]), kept=True),
            Reading("27 November 2015", tuple(origin[1223:]), kept=False),
            *(Reading(f"2{n} November 2015 *bold*", (f"ref.csv:{n}",)) for n in range(2, 7)),
        ),
        "kept 21 November 2015, which 1,223 sources support; set aside 27 November 2015 (72 sources)",
    )
    same = Evidence(
        "stated-date", "the article says “21 November 2015”", date(2015, 11, 21), date(2015, 11, 21)
    )
    evidence = tuple(dataclasses.replace(same, span=s) for s in kept)
    event = dataclasses.replace(
        event,
        sources=(*event.sources, *kept, *aside),
        conflicts=(conflict, *event.conflicts),
        date=dataclasses.replace(event.date, evidence=(*event.date.evidence, *evidence)),
    )
    return dataclasses.replace(facts, events=tuple(event if e.id == event.id else e for e in facts.events))


def test_a_conflict_of_thousands_of_sources_prints_one_line_per_reading_group(facts: FactBase) -> None:
    text = render_markdown(example("asean-us-tip-chronology", crowded(facts)))
    (line,) = [x for x in text.splitlines() if x.startswith("- **Sources disagree on the date:**")]
    assert re.search(
        r"“21 November 2015” \(1,223 sources(\[\^\d+\]){3} and 1,220 more\) or "
        r"“27 November 2015” \(72 sources(\[\^\d+\]){3} and 69 more\) or "
        r"“22 November 2015 \\\*bold\\\*” \(one source: ref\\\.csv:2\) or ",
        line,
    ), line
    # Four set-aside readings are shown, the others counted; every value escaped.
    assert line.count("\\*bold\\*") == 3
    assert " or two other readings (two sources). Kept 21 November 2015, which 1,223 sources support" in line
    (bullet,) = [x for x in text.splitlines() if x.startswith("  - The article says “21 November 2015”")]
    assert re.fullmatch(
        r"  - The article says “21 November 2015”\\\.(\[\^\d+\]){3} \(1,220 more sources\)", bullet
    )
    # The conflicts section prints the same readings against each other.
    (listed,) = [x for x in text.splitlines() if x.startswith("- *ASEAN Convention") and ", date: " in x]
    assert (
        "“21 November 2015” (1,223 sources[^" in listed
        and " against “27 November 2015” (72 sources[^" in listed
    )


def test_the_ministerial_caveat_cites_a_few_sources_of_a_crowded_conflict(facts: FactBase) -> None:
    text = render_markdown(example("actip-implementation-ministerial", crowded(facts)))
    (line,) = [x for x in text.splitlines() if x.startswith("- **Caveats.**")]
    assert "Sources disagree on the date of one event and the summit of two events" in line
    assert len(re.findall(r"\[\^\d+\]", line)) <= 6
