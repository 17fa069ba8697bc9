"""Render a Brief as Markdown through the audience's Jinja2 templates, escaping every value from the data."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tipbrief.briefs.spec_model import SECTIONS, Audience, Section
from tipbrief.briefs.templates import PACKAGE_TEMPLATES, TEMPLATE_BYTECODE
from tipbrief.common.errors import InputError
from tipbrief.common.months import day_label, month_label
from tipbrief.facts.model import Conflict, Document, Event, Evidence, Reading, Span
from tipbrief.facts.resolve.conflicts import UNKNOWN_ORIGIN, shown_readings

if TYPE_CHECKING:
    import jinja2

    from tipbrief.briefs.changes import Cite, EventRef
    from tipbrief.briefs.select import Brief

# Jinja2 and the select stage are imported where a brief is rendered: a build asks this module
# for template_dirs() before it knows whether anything must be rendered.

# The package's own templates, installed with it; a project's templates/ folder is searched first.

DEFAULT_SECTIONS: dict[Audience, tuple[Section, ...]] = {
    "ministerial": ("summary", "key-points", "chronology", "sources"),
    "analyst": (
        "summary",
        "timeline",
        "chronology",
        "actors",
        "instruments",
        "conflicts",
        "glossary",
        "sources",
    ),
    "public": ("summary", "timeline", "chronology", "sources"),
}

SECTION_TITLES: dict[Audience, dict[Section, str]] = {
    "ministerial": {
        "summary": "Bottom line",
        "key-points": "Key points",
        "chronology": "Chronology",
        "timeline": "Timeline",
        "actors": "Actors",
        "instruments": "Instruments",
        "glossary": "Glossary",
        "conflicts": "Caveats",
        "sources": "Sources",
    },
    "analyst": {
        "summary": "Summary",
        "key-points": "Key points",
        "chronology": "Chronology",
        "timeline": "Timeline",
        "actors": "Actors",
        "instruments": "Instruments",
        "glossary": "Glossary",
        "conflicts": "Conflicts and uncertainties",
        "sources": "Sources",
    },
    "public": {
        "summary": "In brief",
        "key-points": "Main points",
        "chronology": "What happened",
        "timeline": "Timeline",
        "actors": "Who was involved",
        "instruments": "Agreements and documents",
        "glossary": "Words used in this brief",
        "conflicts": "What is not certain",
        "sources": "Where this comes from",
    },
}

INFERRED_MARK = "†"
"""Follows every inferred date, in every format; the chronology's legend explains it."""
UNCERTAIN_MARK = "‡"
"""Follows an event that may fall outside the period."""
CHANGE_MARKS = {"new": "**new**", "revised": "**revised**"}
"""Follow an event that is new or revised since the earlier edition (render_html styles them)."""


class MdText(str):
    """Text that is already safe Markdown: escaped data, or markup tipbrief wrote itself."""

    __slots__ = ()


class UnescapedValueError(Exception):
    """A template printed a value without the ``md`` filter (a template bug, caught in tests)."""


# Every character that can start or shape Markdown syntax, escaped wherever it occurs.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&])")

# Control characters (NUL included; the white-space ones are folded instead), lone surrogates,
# zero-width characters and the bidi marks, embeddings, overrides and isolates: invisible, and
# able to hide or reorder the text around them ("Trojan Source"), so no value from the data
# carries them into a brief. The same set the corpus drops from its cleaned view.
_HIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ud800-\udfff]"
)

MAX_VALUE_CHARS = 1000
"""A longer value (a 10 MB "sentence") is cut at a word and ends with " …"; the JSON keeps it whole."""


def plain_text(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """A data value as one line of visible text: hidden characters dropped, white space folded,
    at most ``limit`` characters (cut at a space when there is one, then " …")."""
    text = " ".join(_HIDDEN.sub("", str(value)).split())
    if len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit - 1)
        text = text[: cut if cut > 0 else limit - 2].rstrip() + " …"
    return text


def escape_md(value: object) -> MdText:
    """Escape a data value so that Markdown shows it literally, on one line.

    The value first becomes plain text (``plain_text``): white space, newlines included,
    collapses to single spaces, so a value can never open a block (a list, a heading, a code
    block). Then every punctuation character Markdown gives a meaning to is backslash-escaped,
    and a leading ``=`` (a setext underline) is escaped too.
    """
    text = _MD_SPECIAL.sub(r"\\\1", plain_text(value))
    if text.startswith("="):
        text = "\\" + text
    return MdText(text)


def trusted(value: str) -> MdText:
    """Markdown written by a template author (never data)."""
    return MdText(value)


def _finalize(value: Any) -> Any:
    # Jinja calls this on every {{ expression }}: only escaped text and numbers may reach the page.
    if isinstance(value, MdText | int) and not isinstance(value, bool):
        return value
    if value is None or value == "":
        return ""
    raise UnescapedValueError(
        f"template printed {type(value).__name__} {str(value)[:60]!r} without the md filter"
    )


def resolve_sections(brief: Brief) -> tuple[Section, ...]:
    """The sections to render, in order: the spec's list, else the audience's defaults.

    Sources always close the brief, because every citation points into them; the timeline
    appears by default only when the events span several years.
    """
    spec = brief.spec
    if spec.sections is not None:
        problems = []
        for name in spec.sections:
            if name not in SECTIONS:
                close = difflib.get_close_matches(name, SECTIONS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(SECTIONS)
                problems.append(f"{spec.path}:1:1: unknown section '{name}'; {hint}")
        if problems:
            raise InputError(problems)
        chosen: list[Section] = [s for s in SECTIONS if s in spec.sections]
        chosen.sort(key=spec.sections.index)
    else:
        chosen = list(DEFAULT_SECTIONS[spec.audience])
        if "timeline" in chosen and not spans_several_years(brief):
            chosen.remove("timeline")
    chosen = [s for s in chosen if s != "sources"] + ["sources"]
    if says_changes(brief):
        # Near the top: what is new is the first thing a reader of a new edition asks.
        chosen.insert(chosen.index("summary") + 1 if "summary" in chosen else 0, "changes")
    return tuple(chosen)


def says_changes(brief: Brief) -> bool:
    """The brief has an earlier edition to say what changed since."""
    return brief.changes is not None and brief.changes.since is not None


def spans_several_years(brief: Brief) -> bool:
    first, last = brief.first, brief.last
    return first is not None and last is not None and last.year - first.year >= 2


@dataclass(frozen=True, slots=True)
class Citation:
    """One numbered note: a span of an article (analyst) or a whole document (other audiences)."""

    number: int
    document: Document | None
    document_id: str
    span: Span | None


@dataclass
class Citations:
    """Numbers citations in the order the template first cites them, so notes read in order."""

    by_document: bool
    documents: dict[str, Document]
    notes: list[Citation] = field(default_factory=list)
    _numbers: dict[tuple[str, int, int], int] = field(default_factory=dict)

    def number(self, span: Span) -> int:
        key = (span.document, -1, -1) if self.by_document else (span.document, span.start, span.end)
        if key not in self._numbers:
            self._numbers[key] = len(self.notes) + 1
            self.notes.append(
                Citation(
                    self._numbers[key],
                    self.documents.get(span.document),
                    span.document,
                    None if self.by_document else span,
                )
            )
        return self._numbers[key]

    def cite(self, spans: Span | Sequence[Span]) -> MdText:
        """Footnote references for one or more spans, each number once."""
        many = [spans] if isinstance(spans, Span) else list(spans)
        numbers = sorted({self.number(s) for s in many})
        return MdText("".join(f"[^{n}]" for n in numbers))


def month_year(value: date) -> str:
    return month_label(value)


def year_span(brief: Brief) -> str:
    first, last = brief.first, brief.last
    if first is None or last is None:
        return ""
    return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"


def is_inferred(event: Event) -> bool:
    return event.date.basis == "inferred"


_ORIGIN = re.compile(r"(.+):(\d+)-(\d+)")

CITED_PER_LINE = 3
"""A conflict's reading, or a date's evidence note, cites the spans of its first few sources and
counts the rest ("1,285 sources[^1][^2][^3] and 1,282 more"): a value thousands of articles give
stays one legible line."""


@dataclass(frozen=True, slots=True)
class EventSpans:
    """The spans an event rests on (its sources, then its evidence), by document: where a conflict
    reading's ``doc:start-end`` origin points. Built once per event, so that finding the spans of
    every origin costs one look-up each, not one pass over the event's spans."""

    by_document: dict[str, tuple[Span, ...]]

    @staticmethod
    def of(event: Event) -> EventSpans:
        from tipbrief.briefs.select import cited_spans

        found: dict[str, list[Span]] = {}
        for span in cited_spans(event):
            found.setdefault(span.document, []).append(span)
        return EventSpans({doc: tuple(spans) for doc, spans in found.items()})

    def origin(self, origin: str) -> list[Span]:
        """The spans the origin lies in (none for a reference row)."""
        match = _ORIGIN.fullmatch(origin)
        if not match:
            return []
        start, end = int(match.group(2)), int(match.group(3))
        return [s for s in self.by_document.get(match.group(1), ()) if s.start <= start and end <= s.end]

    def reading(self, reading: Reading) -> list[Span]:
        return [s for origin in reading.sources for s in self.origin(origin)]


def reading_spans(reading: Reading, event: Event) -> list[Span]:
    """Spans that carry one reading of a conflict (reference rows have none), every one of them."""
    return EventSpans.of(event).reading(reading)


def conflict_spans(conflict: Conflict, event: Event) -> list[Span]:
    index = EventSpans.of(event)
    return [s for r in conflict.readings for s in index.reading(r)]


@dataclass(frozen=True, slots=True)
class ReadingView:
    """One reading as a brief prints it: the spans cited for its first sources, the first sources
    no span carries (reference rows, printed as they are), and how many sources are left."""

    reading: Reading
    spans: tuple[Span, ...]
    named: tuple[str, ...]
    more: int


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A conflict as a brief prints it: the readings shown, in the conflict's order, and the rest
    counted. ``counted``: some value has several sources, so each reading says how many."""

    conflict: Conflict
    readings: tuple[ReadingView, ...]
    counted: bool
    hidden: int
    hidden_sources: int


def view_conflict(conflict: Conflict, index: EventSpans) -> ConflictView:
    """The readings to print (``shown_readings``: the first few kept and set aside, in the
    conflict's order, which puts those more sources give first), each citing its first sources."""
    shown, hidden = shown_readings(conflict.readings)
    counted = any(r.count > 1 for r in conflict.readings)
    views = []
    for reading in shown:
        spans: list[Span] = []
        named: list[str] = []
        used = 0
        for origin in reading.sources:
            if len(spans) + len(named) >= CITED_PER_LINE:
                break
            used += 1
            found = index.origin(origin)
            if found and counted:
                # One note per source: the narrowest span, which quotes the value itself.
                narrowest = min(found, key=lambda s: s.end - s.start)
                if narrowest not in spans:
                    spans.append(narrowest)
            elif found:
                spans.extend(s for s in found if s not in spans)
            elif origin != UNKNOWN_ORIGIN:
                named.append(origin)
        views.append(ReadingView(reading, tuple(spans), tuple(named), reading.count - used))
    return ConflictView(conflict, tuple(views), counted, len(hidden), sum(r.count for r in hidden))


SUMMARY_CITED = 2 * CITED_PER_LINE
"""At most this many citations on a line that sums up every conflict of a brief."""


def summary_spans(views: Iterable[ConflictView]) -> list[Span]:
    """What a line that sums up the conflicts cites: the first span of each conflict's first two
    readings shown, at most ``SUMMARY_CITED`` (the analyst brief cites the rest)."""
    spans: list[Span] = []
    for view in views:
        for reading in view.readings[:2]:
            if reading.spans and reading.spans[0] not in spans:
                spans.append(reading.spans[0])
    return spans[:SUMMARY_CITED]


@dataclass(frozen=True, slots=True)
class EvidenceGroup:
    """The date evidence of one note (the same constraint, as many articles state it), printed
    once: the spans of its first few pieces, how many more there are, its reference rows."""

    note: str
    spans: tuple[Span, ...]
    more: int
    references: tuple[str, ...]


def evidence_groups(event: Event) -> list[EvidenceGroup]:
    """The event's date evidence grouped by note, in the order of first appearance."""
    spans: dict[str, dict[Span, None]] = {}
    references: dict[str, dict[str, None]] = {}
    for evidence in event.date.evidence:
        spans.setdefault(evidence.note, {})
        if evidence.span is not None:
            spans[evidence.note][evidence.span] = None
        if evidence.reference:
            references.setdefault(evidence.note, {})[evidence.reference] = None
    groups = []
    for note, found in spans.items():
        cited = list(found)
        groups.append(
            EvidenceGroup(
                note,
                tuple(cited[:CITED_PER_LINE]),
                max(0, len(cited) - CITED_PER_LINE),
                tuple(references.get(note, ())),
            )
        )
    return groups


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def words(n: int) -> MdText:
    """Numbers below ten in words, the others in digits (house style of most ministries)."""
    return MdText(_NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n))


def amount(n: int) -> MdText:
    """As ``words``, with thousands separated: "two", "1,285"."""
    return MdText(_NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else f"{n:,}")


def plural(n: int, singular: str, plural_form: str | None = None) -> MdText:
    return MdText(singular if n == 1 else (plural_form or singular + "s"))


def capitalize_md(value: str) -> MdText:
    return MdText(value[:1].upper() + value[1:])


def sentence_text(text: str) -> str:
    """A note as a sentence: capital first letter, final full stop (fact-base notes may be fragments)."""
    text = " ".join(text.split()).rstrip(" ;,:")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def join_numbers(numbers: Iterable[int]) -> MdText:
    return MdText(", ".join(str(n) for n in numbers))


def _width(evidence: Evidence) -> int:
    """Days an evidence item allows; unbounded ones count as infinitely wide."""
    if evidence.earliest is None or evidence.latest is None:
        return 10**9
    return (evidence.latest - evidence.earliest).days


def _counted(values: Iterable[tuple[str, int]]) -> list[tuple[str, list[int]]]:
    """Group (name, event number) pairs by name, in order of first appearance."""
    found: dict[str, list[int]] = {}
    for name, number in values:
        numbers = found.setdefault(name, [])
        if number not in numbers:
            numbers.append(number)
    return list(found.items())


def _environment(template_dirs: Sequence[Path]) -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        # Compiled templates are kept between builds (tipbrief.build.cache); compiling was slow.
        bytecode_cache=TEMPLATE_BYTECODE.store("markdown"),
    )
    env.filters["md"] = escape_md
    env.filters["trusted"] = trusted
    env.filters["capitalize_md"] = capitalize_md
    env.filters["join_numbers"] = join_numbers
    return env


class _Writer:
    """How the templates print data: escaped, acronyms spelled out for the public, cited."""

    def __init__(self, brief: Brief) -> None:
        self.audience = brief.spec.audience
        self.glossary = brief.glossary
        earlier = brief.changes.documents if brief.changes is not None else ()
        documents = {d.id: d for d in (*earlier, *brief.documents)}
        self.citations = Citations(by_document=self.audience != "analyst", documents=documents)
        self.marks = brief.changes.marks() if says_changes(brief) and brief.changes is not None else {}
        from tipbrief.briefs.select import spell_out

        self._spell_out = spell_out
        self._spans: dict[str, EventSpans] = {}

    def event_spans(self, event: Event) -> EventSpans:
        """The event's spans by document, built once per event of the brief."""
        if event.id not in self._spans:
            self._spans[event.id] = EventSpans.of(event)
        return self._spans[event.id]

    def reading_spans(self, reading: Reading, event: Event) -> list[Span]:
        return self.event_spans(event).reading(reading)

    def conflict_spans(self, conflict: Conflict, event: Event) -> list[Span]:
        index = self.event_spans(event)
        return [s for r in conflict.readings for s in index.reading(r)]

    def conflict_view(self, conflict: Conflict, event: Event) -> ConflictView:
        return view_conflict(conflict, self.event_spans(event))

    def text(self, value: object) -> MdText:
        """Escape a data value, spelling out acronyms for the public."""
        raw = str(value)
        return escape_md(self._spell_out(raw, self.glossary) if self.audience == "public" else raw)

    def join(self, values: Iterable[object], sep: str = ", ") -> MdText:
        return MdText(sep.join(self.text(v) for v in values))

    def glossary_long(self, name: str) -> str | None:
        return next((g.long for g in self.glossary if g.short == name), None)

    def sentence(self, value: str) -> MdText:
        return self.text(sentence_text(value))

    def evidence_notes(self, event: Event, limit: int | None = None) -> MdText:
        """The distinct evidence notes of a date as sentences, each cited; ``limit`` keeps the first few."""
        spans_by_note: dict[str, list[Span]] = {}
        evidence_list = list(event.date.evidence)
        if limit is not None:
            # When only a few fit, show the tightest constraints: they explain the date best.
            evidence_list.sort(key=_width)
        for evidence in evidence_list:
            key = sentence_text(evidence.note)
            if key:
                spans_by_note.setdefault(key, []).extend([evidence.span] if evidence.span else [])
        items = list(spans_by_note.items())
        shown = items if limit is None else items[:limit]
        cite = self.citations.cite
        parts = []
        for note, spans in shown:
            cited = list(dict.fromkeys(spans))
            more = len(cited) - CITED_PER_LINE
            parts.append(
                f"{self.text(note)}{cite(cited[:CITED_PER_LINE]) if cited else ''}"
                + (f" ({amount(more)} more {plural(more, 'source')})" if more > 0 else "")
            )
        if len(items) > len(shown):
            more = len(items) - len(shown)
            parts.append(
                f"{words(more).capitalize()} more {plural(more, 'constraint')} in the analyst brief."
            )
        return MdText(" ".join(parts))

    def when(self, event: Event) -> MdText:
        """The date label, in italics with a dagger when inferred."""
        label = self.text(event.date.label)
        return MdText(f"*{label}*{INFERRED_MARK}") if is_inferred(event) else label

    def ref_when(self, ref: EventRef) -> MdText:
        """An event's date label as an edition showed it, marked as ``when`` marks it."""
        label = self.text(ref.date)
        return MdText(f"*{label}*{INFERRED_MARK}") if ref.inferred else label

    def mark(self, event: Event) -> MdText:
        """ " **new**" or " **revised**" after an event that changed since the earlier edition."""
        found = self.marks.get(event.id)
        return MdText(f" {CHANGE_MARKS[found]}") if found else MdText("")

    def cite_all(self, cites: Iterable[Cite]) -> MdText:
        """Footnote references for the passages a change rests on (reference rows have none)."""
        spans = [c.span for c in cites if c.span is not None]
        return self.citations.cite(spans) if spans else MdText("")


def _template_context(brief: Brief) -> dict[str, Any]:
    """What the audience's templates see: the brief, counts and labels made here, and the
    functions that print data (every one escapes)."""
    from tipbrief.briefs.select import cited_spans

    spec = brief.spec
    audience = spec.audience
    glossary = brief.glossary
    writer = _Writer(brief)
    citations = writer.citations
    numbers = {c.event.id: i for i, c in enumerate(brief.events, start=1)}
    actors = _counted((a, numbers[c.event.id]) for c in brief.events for a in c.event.actors)
    instruments = _counted((i, numbers[c.event.id]) for c in brief.events for i in c.event.instruments)
    conflicts = [(c, conflict) for c in brief.events for conflict in c.event.conflicts]
    views = [writer.conflict_view(conflict, c.event) for c, conflict in conflicts]
    changes = brief.changes if says_changes(brief) else None
    since = changes.since if changes is not None else None
    since_text = (
        escape_md(day_label(since.issued)) if since is not None and since.issued is not None else None
    )
    return {
        "brief": brief,
        "spec": spec,
        "audience": audience,
        "sections": resolve_sections(brief),
        "titles": SECTION_TITLES[audience],
        "events": brief.events,
        "number": numbers,
        "actors": actors,
        "instruments": instruments,
        "conflicts": conflicts,
        "glossary": glossary,
        "documents": brief.documents,
        "inferred_count": sum(is_inferred(c.event) for c in brief.events),
        "uncertain_count": sum(c.uncertain for c in brief.events),
        "ambiguous_left_out": [x for x in brief.left_out if x.ambiguous],
        "inferred_mark": MdText(INFERRED_MARK),
        "uncertain_mark": MdText(UNCERTAIN_MARK),
        "issued": MdText(escape_md(day_label(spec.issued))) if spec.issued else None,
        "years": escape_md(year_span(brief)),
        "first": escape_md(month_year(brief.first)) if brief.first else None,
        "last": escape_md(month_year(brief.last)) if brief.last else None,
        "period_from": brief.period.from_label,
        "period_to": brief.period.to_label,
        "period_from_event": brief.period.from_event,
        "period_to_event": brief.period.to_event,
        "text": writer.text,
        "sentence": writer.sentence,
        "evidence_notes": writer.evidence_notes,
        "conflict_fields": _counted((c.field, numbers[e.event.id]) for e, c in conflicts),
        "conflict_spans": summary_spans(views),
        "conflict_view": writer.conflict_view,
        "evidence_groups": evidence_groups,
        "join": writer.join,
        "when": writer.when,
        "cite": citations.cite,
        "cited_spans": cited_spans,
        "reading_spans": writer.reading_spans,
        "reading_spans_all": writer.conflict_spans,
        "words": words,
        "amount": amount,
        "plural": plural,
        "short_title": lambda event: event.title,
        "date_label": day_label,
        "glossary_long": writer.glossary_long,
        "latest_event": brief.events[-1] if brief.events else None,
        "top_actors": sorted(actors, key=lambda item: (-len(item[1]), item[0]))[:4],
        "notes": lambda: citations.notes,
        "is_inferred": is_inferred,
        "changes": changes,
        "change_items": changes.items if changes is not None else (),
        "since": since_text,
        "since_words": MdText(f"the edition of {since_text}" if since_text else "the previous edition"),
        "changes_title": MdText(
            f"What changed since {since_text}" if since_text else "What changed since the previous edition"
        ),
        "marks": writer.marks,
        "mark": writer.mark,
        "ref_when": writer.ref_when,
        "cite_all": writer.cite_all,
    }


def render_markdown(brief: Brief, templates: Sequence[Path] = (PACKAGE_TEMPLATES,)) -> str:
    """The brief as Markdown text: ``templates/<audience>.md.j2`` rendered with the brief's data."""
    import jinja2

    env = _environment(templates)
    audience = brief.spec.audience
    context = _template_context(brief)
    try:
        template = env.get_template(f"{audience}.md.j2")
        rendered = template.render(context)
    except jinja2.TemplateError as err:
        where = getattr(err, "filename", None) or f"{audience}.md.j2"
        line = getattr(err, "lineno", None) or 1
        raise InputError([f"{where}:{line}:1: template error: {err.message}; fix the template"]) from None
    # Blank-line runs left by skipped blocks carry no meaning in Markdown: squeeze them.
    return re.sub(r"\n{3,}", "\n\n", rendered).strip() + "\n"
