"""One article's extraction, the rules in the order they run."""

from __future__ import annotations

from tipbrief.facts.corpus import Article
from tipbrief.facts.extract.dates import _extract_dates
from tipbrief.facts.extract.events import _events_in_sentence, without_stated_times
from tipbrief.facts.extract.instruments import _extract_instruments
from tipbrief.facts.extract.links import _link_anaphora, _link_ongoing_meetings, _merge_within_article
from tipbrief.facts.extract.names import _extract_bodies, _extract_glossary, _extract_people, _extract_places
from tipbrief.facts.extract.records import Constraint, EventCandidate, Extraction, PersonMention, _Context
from tipbrief.facts.extract.sentences import split_sentences, unasserted
from tipbrief.facts.extract.written import anchor_constraints, written_interval
from tipbrief.facts.gazetteer import Gazetteer
from tipbrief.facts.model import Place, Span


def extract_article(article: Article, gaz: Gazetteer) -> Extraction:
    """Pure: everything one article states, with offsets into its original text."""
    sentences = tuple(s for p in article.paragraphs for s in split_sentences(p))
    ctx = _Context(article, gaz, sentences, {})
    glossary = _extract_glossary(ctx)
    ctx.glossary.update({g.short: g.long for g in glossary})
    places = _extract_places(ctx)
    bodies = _extract_bodies(ctx)
    people = _extract_people(ctx)
    instruments = _extract_instruments(ctx)
    anchor = anchor_constraints(ctx, people)
    dates = _extract_dates(ctx, anchor)
    events = _extract_events(ctx, places, people, anchor)
    return Extraction(
        document=article.document.id,
        dates=dates,
        places=places,
        bodies=bodies,
        people=tuple(people),
        instruments=instruments,
        glossary=glossary,
        events=events,
        anchor=anchor,
        written=written_interval(anchor),
        warnings=article.warnings,
    )


def _extract_events(
    ctx: _Context,
    places: tuple[tuple[Span, Place], ...],
    people: list[PersonMention],
    anchor: tuple[Constraint, ...],
) -> tuple[EventCandidate, ...]:
    raw: list[EventCandidate] = []
    lead_index: int | None = None
    for s in ctx.sentences:
        found = _events_in_sentence(ctx, s, places, people, anchor)
        if unasserted(s.text):
            found = without_stated_times(found)
        if found and lead_index is None:
            lead_index = len(raw)
        raw.extend(found)
    raw = _link_ongoing_meetings(ctx, raw, lead_index, places)
    raw = _link_anaphora(ctx, raw, people)
    return tuple(_merge_within_article(ctx, raw))
