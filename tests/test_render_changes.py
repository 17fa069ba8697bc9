"""The changes section and the marks, rendered from a brief in memory: every kind of change in every
audience's register, hostile values kept inert, and the HTML's marks, panel and timeline labels."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tipbrief.briefs.changes import KINDS, Change, Changes, Cite, EventRef, Interval, Since, event_ref
from tipbrief.briefs.render_html import render_html
from tipbrief.briefs.render_markdown import render_markdown, resolve_sections
from tipbrief.briefs.select import Brief, select
from tipbrief.briefs.spec import load_spec
from tipbrief.facts.model import Document, FactBase, Span

ROOT = Path(__file__).resolve().parent.parent
SPECS = {
    "analyst": ROOT / "briefs" / "asean-us-tip-chronology.yaml",
    "ministerial": ROOT / "briefs" / "actip-implementation-ministerial.yaml",
    "public": ROOT / "briefs" / "protecting-women-and-children-public.yaml",
}
HOSTILE = "<script>alert(1)</script> [click](javascript:alert(1)) **bold** {{ 7*7 }} # heading"
GONE = Document("gone", "seeds/gone.txt", "x", "", title="A withdrawn article")


def brief_for(audience: str, facts: FactBase) -> Brief:
    return select(replace(load_spec(SPECS[audience]), changes=True), facts)


def every_kind(brief: Brief) -> Changes:
    """One change of each kind and detail, about the brief's first events."""
    first, second = brief.events[0].event, brief.events[-1].event
    a, b = event_ref(first), event_ref(second)
    quote = first.sources[0]
    gone = EventRef("gone-event", "An event that was", "2016", False, None)
    withdrawn = (Cite("", Span("gone", 0, 10, "Old words.")),)
    evidence = (
        Cite("the article says “2014”", quote),
        Cite("a meeting row", None, "reference/meetings.csv:3"),
    )
    items = [
        Change(
            "period",
            detail="start",
            before="from 1 January 2012 to 31 December 2023",
            after="from 2015 to 2023",
        ),
        Change("merged", was=(a, gone), now=(a,), evidence=(Cite("", quote),)),
        Change("split", was=(gone,), now=(a, b), evidence=(Cite("", quote),)),
        Change("regrouped", was=(gone, b), now=(a, b)),
        *(
            Change("added", a, d, reason=HOSTILE, evidence=(Cite("", quote),))
            for d in ("new-article", "entered", "new")
        ),
        *(
            Change("removed", gone, d, reason=HOSTILE, withdrawn=withdrawn)
            for d in ("left-out", "source-removed", "source-edited", "gone")
        ),
        Change("id", a, before="old-id", after=a.id, was=(replace(a, id="old-id"),)),
        Change(
            "title",
            a,
            before=HOSTILE,
            after=a.title,
            was=(replace(a, id="old-id"),),
            evidence=(Cite("", quote),),
        ),
        *(
            Change(
                "date",
                a,
                d,
                before="between 2013 and 2014",
                after=a.date,
                dates_before=Interval(date(2013, 1, 1), date(2014, 12, 31)),
                dates_after=Interval(None, None),
                evidence=evidence,
                withdrawn=withdrawn,
            )
            for d in ("narrowed", "widened", "shifted", "contradicted", "now-stated", "now-inferred")
        ),
        Change("place", b, before="Hanoi, Viet Nam", after=HOSTILE, evidence=(Cite("", quote),)),
        Change("sources", b, evidence=(Cite("", quote),), withdrawn=withdrawn),
        Change("sources", b, withdrawn=withdrawn),
        Change(
            "conflict",
            b,
            "appeared",
            reason=HOSTILE,
            field="place",
            after="Hanoi or Da Nang",
            evidence=evidence,
        ),
        Change("conflict", b, "settled", field="date", before="2015 or 2016", withdrawn=withdrawn),
    ]
    assert {c.kind for c in items} == set(KINDS)
    return Changes(Since(date(2024, 2, 1), "Earlier"), tuple(items), (GONE,))


@pytest.mark.parametrize("audience", ["ministerial", "analyst", "public"])
def test_every_kind_of_change_renders_in_every_register_with_its_data_escaped(
    audience: str, facts: FactBase
) -> None:
    brief = brief_for(audience, facts)
    brief = replace(brief, changes=every_kind(brief))
    md = render_markdown(brief)
    heading = (
        "What is new since 1 February 2024" if audience == "public" else "What changed since 1 February 2024"
    )
    section = md.split(f"## {heading}\n\n", 1)[1].split("\n## ", 1)[0]
    entries = [line for line in section.splitlines() if line.startswith("- ")]
    assert brief.changes is not None and len(entries) == len(brief.changes.items)
    # Hostile text is shown, never obeyed: no tag, link, emphasis or template survives.
    assert "<script>" not in md and "](javascript" not in md and "{{" not in md and "49" not in section
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in section
    html = render_html(md, brief).html
    assert "<script>" not in html and 'href="javascript' not in html and "&lt;script&gt;" in html
    # The earlier edition's withdrawn article is named in the notes, though nothing else cites it.
    assert re.search(r"\[\^\d+\]: (“Old words\\.” — )?A withdrawn article", md)


def test_the_section_follows_the_summary_and_is_left_out_for_a_first_edition(facts: FactBase) -> None:
    brief = brief_for("analyst", facts)
    assert "changes" not in resolve_sections(brief)
    assert "changes" not in resolve_sections(replace(brief, changes=Changes(None)))
    said = replace(brief, changes=Changes(Since(None, "T")))
    assert resolve_sections(said)[:3] == ("summary", "changes", "timeline")
    md = render_markdown(said)
    assert (
        "## What changed since the previous edition\n\nNothing has changed since the previous edition:" in md
    )
    spec = replace(said.spec, sections=("chronology", "sources"))
    assert resolve_sections(replace(said, spec=spec)) == ("changes", "chronology", "sources")


def test_the_html_styles_the_marks_wraps_the_section_and_labels_the_timeline(facts: FactBase) -> None:
    brief = brief_for("analyst", facts)
    plain = render_html(render_markdown(brief), brief).html
    assert "strong.mark" not in plain and 'class="changes"' not in plain
    first = brief.events[0].event
    added = Change("added", event_ref(first), "new", evidence=(Cite("", first.sources[0]),))
    brief = replace(brief, changes=Changes(Since(date(2024, 2, 1), "T"), (added,)))
    page = render_html(render_markdown(brief), brief)
    html = page.html
    assert "strong.mark" in html  # changes.css, inlined only now
    assert re.search(
        r'<section class="changes">\n<h2 id="[^"]*">What changed since 1 February 2024</h2>', html
    )
    assert html.count('<strong class="mark mark-new">new</strong>') == 3  # intro, legend, the event
    (uri,) = page.data_uris
    svg = base64.b64decode(uri.split(",", 1)[1]).decode()
    assert svg.count(" · new</text>") == 1 and 'fill="#8a4b08" font-weight="bold"' in svg
