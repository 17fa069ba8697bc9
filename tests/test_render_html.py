"""HTML stage: untrusted Markdown stays inert, links are filtered, the page carries metadata, golden files."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tipbrief.briefs.render_html import is_safe_link, markdown_parser, render_html, timeline_svg
from tipbrief.briefs.render_markdown import render_markdown
from tipbrief.briefs.select import Brief, select
from tipbrief.briefs.spec import load_spec
from tipbrief.facts.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
# The shipped examples, named so that an editor's new brief in briefs/ does not change the tests.
EXAMPLES = (
    "actip-implementation-ministerial",
    "asean-us-tip-chronology",
    "protecting-women-and-children-public",
)


def example(name: str, facts: FactBase) -> Brief:
    return select(load_spec(ROOT / "briefs" / f"{name}.yaml"), facts)


def page_of(name: str, facts: FactBase) -> str:
    brief = example(name, facts)
    return render_html(render_markdown(brief), brief).html


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_html_matches_its_golden_file(
    name: str, facts: FactBase, golden: Callable[[str, str], None]
) -> None:
    golden(f"{name}.html", page_of(name, facts))


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://asean.org/actip", True),
        ("http://example.org/a?b=c#d", True),
        ("#fn3", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:x", False),
        ("../secrets.txt", False),
        ("//evil.example/x", False),
        ('https://ok.example/"onmouseover=x', False),
    ],
)
def test_only_http_links_and_fragments_are_safe(url: str, safe: bool) -> None:
    assert is_safe_link(url) is safe


@pytest.mark.parametrize(
    ("markdown", "forbidden"),
    [
        ("[click](javascript:alert(1))", "javascript:"),
        ("[f](file:///etc/passwd)", "file:"),
        ("<javascript:alert(1)>", "href"),
        ("[d](data:text/html,hi)", "data:"),
        ("![x](https://tracker.example/p.png)", "<img"),
        ("<script>alert(1)</script>", "<script"),
        ("<img src=x onerror=alert(1)>", "<img"),
    ],
)
def test_unsafe_markdown_renders_inert(markdown: str, forbidden: str) -> None:
    rendered = markdown_parser().render(markdown + "\n")
    assert forbidden not in _tags(rendered)


def _tags(rendered: str) -> str:
    """Only the markup of the HTML, not its escaped text."""
    return "".join(re.findall(r"<[^>]*>", rendered))


def test_safe_links_still_render() -> None:
    assert markdown_parser().render("[ASEAN](https://asean.org/)\n") == (
        '<p><a href="https://asean.org/">ASEAN</a></p>\n'
    )


def test_the_page_carries_metadata_language_and_inlined_css(facts: FactBase) -> None:
    html = page_of("asean-us-tip-chronology", facts)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    assert "<title>ASEAN and the United States against trafficking in persons</title>" in html
    assert '<meta name="author" content="Regional Affairs Analysis Unit">' in html
    assert (
        '<meta name="keywords" content="trafficking in persons, ASEAN, United States, ACTIP, chronology">'
        in html
    )
    assert '<meta name="dcterms.created" content="2024-03-01T00:00:00Z">' in html
    assert "@page { size: A4; }" in html
    # Self-contained: no stylesheet link, no script, no external URL to fetch.
    assert "<link" not in html and "<script" not in html
    assert not re.search(r'(?:src|href)="(?!#|data:image/svg\+xml;base64,)', html)


def test_the_title_block_contents_and_timeline_are_placed(facts: FactBase) -> None:
    html = page_of("asean-us-tip-chronology", facts)
    header = html.index('<header class="title-block">')
    toc = html.index('<nav class="toc"')
    chronology = html.index('<h2 id="chronology">')
    figure = html.index('<figure class="timeline">')
    assert header < toc < html.index('<h2 id="timeline">') < figure < chronology
    assert '<li><a href="#conflicts-and-uncertainties">Conflicts and uncertainties</a></li>' in html
    assert '<div class="marking-banner">UNCLASSIFIED // FOR OFFICIAL USE</div>' in html
    # The Markdown's sentence about the figure gives way to the figure itself.
    assert "The HTML and PDF editions draw them" not in html


def test_the_ministerial_brief_has_no_contents_list_and_the_public_no_marking(facts: FactBase) -> None:
    assert '<nav class="toc"' not in page_of("actip-implementation-ministerial", facts)
    public = page_of("protecting-women-and-children-public", facts)
    assert "marking-banner" not in public.split("</style>")[1]


def test_citations_are_superscript_links_to_their_notes(facts: FactBase) -> None:
    html = page_of("asean-us-tip-chronology", facts)
    assert '<sup class="cite"><a href="#fn1" id="fnref1">1</a></sup>' in html
    assert '<li id="fn1" class="footnote-item">' in html
    assert "footnote-backref" not in html


def test_data_from_articles_is_escaped_in_the_page(facts: FactBase) -> None:
    import dataclasses

    hostile = dataclasses.replace(
        facts.events[3], title='<script>alert(1)</script> [x](javascript:y) "q" & {{ 1 }}'
    )
    brief = select(
        load_spec(ROOT / "briefs" / "asean-us-tip-chronology.yaml"),
        dataclasses.replace(facts, events=(*facts.events[:3], hostile, *facts.events[4:])),
    )
    html = render_html(render_markdown(brief), brief).html
    assert "<script>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:y) &quot;q&quot; &amp; {{ 1 }}" in html


def test_the_timeline_draws_one_lane_per_event_with_ranges_for_inferred_dates(facts: FactBase) -> None:
    brief = example("asean-us-tip-chronology", facts)
    svg = timeline_svg(brief.events)
    assert svg.count("<text") == 5 + len(range(2009, 2024))  # a label per event, a label per year
    assert svg.count('stroke-dasharray="3 2"') == 1  # the seminar's six-year range
    assert "1. Yangon, between May 2009 and November 2014 †" in svg
    page = render_html(render_markdown(brief), brief)
    (uri,) = page.data_uris
    assert base64.b64decode(uri.split(",", 1)[1]).decode("utf-8") == svg
