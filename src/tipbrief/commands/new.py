"""`tipbrief new`: start a brief spec from a commented template that is valid as written."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from tipbrief.briefs.spec import check_event_refs, check_spec, resolve_event_ref
from tipbrief.briefs.spec_kinds import Field, Mapping, example_yaml
from tipbrief.briefs.spec_model import AUDIENCES, DEFAULT_MARKING, Audience, changes_by_default
from tipbrief.briefs.spec_schema import SPEC, schema_text
from tipbrief.commands.errors import reports_errors
from tipbrief.commands.events import HOW_TO_USE, format_events, load_facts
from tipbrief.commands.options import seeds_option
from tipbrief.commands.schema import DEFAULT_SCHEMA_FILE, write_schema
from tipbrief.common.errors import BuildError, InputError, Location
from tipbrief.common.yamlsafe import LocatedInputError, printable, quote
from tipbrief.facts.model import Event

WIDTH = 100
# A spec that names hundreds of events in comments would bury its keys; `tipbrief events` lists all.
MAX_EVENTS_IN_SPEC = 40
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_DATE_BOUND = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
PLACEHOLDER_SUMMARY = "Replace this with one or two sentences on what the brief covers."
PLACEHOLDER_AUTHOR = "Your name or office"


def spec_name(text: str) -> str:
    """NAME as typed, minus a .yaml suffix; a plain file name, since outputs are build/NAME.*."""
    name = re.sub(r"\.ya?ml$", "", text.strip())
    if not _NAME.fullmatch(name) or name.endswith("."):
        raise click.BadParameter(
            f"{quote(text)} is not a plain file name: use letters, digits, '-', '_' and '.', "
            "e.g. labour-trafficking (the spec is written to briefs/NAME.yaml)",
            param_hint="'NAME'",
        )
    return name


def title_from_name(name: str) -> str:
    """'labour-trafficking' → 'Labour trafficking': a start the editor will replace."""
    words = " ".join(re.split(r"[-_.]+", name)).strip()
    return words[:1].upper() + words[1:] if words else name


def field_at(path: str) -> Field:
    """The schema's field at a dotted path such as ``topic.include.terms``."""
    kind: Any = SPEC
    found: Field | None = None
    for key in path.split("."):
        assert isinstance(kind, Mapping), path
        found = next(f for f in kind.fields if f.key == key)
        kind = found.kind
    assert found is not None
    return found


@dataclass(frozen=True, slots=True)
class Bound:
    """A period bound as the spec will hold it, and the event it names, if any."""

    value: Any
    event: Event | None = None


def parse_bound(option: str, text: str, events: Sequence[Event] | None) -> Bound:
    """--from/--to: a year, month or day, else an event id or description resolved now."""
    raw = text.strip()
    if _DATE_BOUND.fullmatch(raw):
        return Bound(int(raw) if len(raw) == 4 else raw)
    if events is None:
        raise InputError(
            [
                f"tipbrief new: {option} {quote(raw)}: an event reference needs the fact base, and there "
                "is no folder of articles; pass --seeds DIR, or give a date (2015, 2015-11, 2015-11-21)"
            ]
        )
    try:
        event = resolve_event_ref(raw, Location(option, 1, 1), events)
    except LocatedInputError as err:
        messages = [f"tipbrief new: {option}: {p.message} (nothing written)" for p in err.located]
        raise InputError(messages) from None
    return Bound({"event": event.id}, event)


class _Writer:
    """Lines of a commented YAML file, descriptions taken from the schema."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def comment(self, text: str, indent: int = 0) -> None:
        pad = " " * indent
        self.lines.extend(
            textwrap.wrap(text, WIDTH - indent, initial_indent=pad + "# ", subsequent_indent=pad + "# ")
        )

    def key(self, path: str, value: Any, indent: int = 0, *, on: bool = True, note: str = "") -> None:
        """A described key; ``on=False`` writes it commented out, ready to be switched on."""
        spec_field = field_at(path)
        self.comment(spec_field.description, indent)
        self.lines.append(" " * indent + ("" if on else "# ") + example_yaml(spec_field.key, value))
        if note:
            self.comment(note, indent + 2)

    def blank(self) -> None:
        self.lines.append("")


def bound_note(bound: Bound) -> str:
    if bound.event is None:
        return ""
    title = printable(" ".join(bound.event.title.split()), 200)
    return f"that is: {title} ({printable(bound.event.date.label, 80)})"


def render_new_spec(
    name: str,
    *,
    audience: Audience,
    title: str,
    author: str,
    terms: Sequence[str] = (),
    period_from: Bound | None = None,
    period_to: Bound | None = None,
    events: Sequence[Event] | None = None,
    sections: Sequence[str] = (),
) -> str:
    """The text of a new spec (pure): every key described, optional ones commented out."""
    from tipbrief.briefs.render_markdown import DEFAULT_SECTIONS

    path = f"briefs/{name}.yaml"
    out = _Writer()
    out.lines.append(f"# yaml-language-server: $schema=../{DEFAULT_SCHEMA_FILE}")
    out.comment(
        f"A brief spec. Check it with `tipbrief validate {path}`, watch the brief change as you edit "
        f"with `tipbrief preview {path}`, and build it with `tipbrief build {path}`. "
        "To use an optional key, remove the '# ' in front of it."
    )
    out.blank()
    out.key("title", title)
    out.key("subtitle", field_at("subtitle").example, on=False)
    out.key("author", author)
    out.key("audience", audience)
    if audience == "public":
        out.comment("Public briefs carry no marking.")
    else:
        out.key("marking", DEFAULT_MARKING)
    out.key("issued", field_at("issued").example, on=False)
    out.key("keywords", list(terms) or field_at("keywords").example, on=bool(terms))
    out.blank()

    out.comment(field_at("topic").description)
    out.lines.append("topic:")
    summary = f"ASEAN's work on {_and_list(terms)}." if terms else PLACEHOLDER_SUMMARY
    out.key("topic.summary", summary, 2)
    out.comment(field_at("topic.include").description, 2)
    out.lines.append(("  " if terms else "  # ") + "include:")
    for key in ("terms", "actors", "places", "kinds"):
        example = field_at(f"topic.include.{key}").example
        if key == "terms" and terms:
            out.key("topic.include.terms", list(terms), 4)
        else:
            out.key(f"topic.include.{key}", example, 4, on=False)
    out.key("topic.exclude", field_at("topic.exclude").example, 2, on=False)
    out.blank()

    has_period = period_from is not None or period_to is not None
    out.comment(field_at("period").description)
    out.lines.append(("" if has_period else "# ") + "period:")
    for key, bound in (("from", period_from), ("to", period_to)):
        if bound is not None:
            out.key(f"period.{key}", bound.value, 2, note=bound_note(bound))
        else:
            out.key(f"period.{key}", field_at(f"period.{key}").example, 2, on=False)
    if events:
        shown = list(events)[:MAX_EVENTS_IN_SPEC]
        more = len(events) - len(shown)
        out.comment(
            f"Events of the fact base, by date ({len(events)} in all"
            + (f"; `tipbrief events` lists the other {more}" if more else "")
            + f"). {HOW_TO_USE}."
        )
        out.lines.extend(line.rstrip() for line in format_events(shown, indent="#   "))
    elif events is not None:
        out.comment("The fact base has no events: write the period's bounds as dates.")
    out.blank()

    out.key("sections", list(sections) or list(DEFAULT_SECTIONS[audience]), on=bool(sections))
    out.key("changes", changes_by_default(audience), on=False)
    out.key("page_size", field_at("page_size").example, on=False)
    out.key("language", field_at("language").example, on=False)
    return "\n".join(out.lines) + "\n"


def _and_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def check_new_spec(text: str, name: str, events: Sequence[Event] | None) -> None:
    """Make sure the spec about to be written is valid: options can still combine badly."""
    spec, problems = check_spec(text, f"briefs/{name}.yaml", name)
    if spec is not None and events is not None:
        problems = check_event_refs(spec, events)
    if problems:
        labels = {"period.from": "--from", "period.to": "--to"}
        messages = []
        for p in problems:
            message = p.message
            for label, option in labels.items():
                message = message.replace(label, option)
            messages.append(f"tipbrief new: {message} (nothing written)")
        raise InputError(messages)


def already_exists(path: Path) -> InputError:
    return InputError(
        [
            f"{path.as_posix()}:1:1: already exists; edit it, or choose another NAME "
            "(tipbrief new never overwrites a spec)"
        ]
    )


def write_new(path: Path, text: str) -> None:
    """Create the file, never replacing one: 'x' mode makes the check and the write one step."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("x", encoding="utf-8", newline="\n")
    except FileExistsError:
        if path.parent.is_dir():
            raise already_exists(path) from None
        raise BuildError(f"{path.parent.as_posix()}: is a file, not a folder; move it away") from None
    except OSError as err:
        raise BuildError(f"{path.as_posix()}: cannot write the spec: {err.strerror or err}") from None
    with handle:
        handle.write(text)


@click.command()
@click.argument("name")
@click.option(
    "--audience",
    type=click.Choice(AUDIENCES),
    default="analyst",
    show_default=True,
    help="Who reads the brief: sets the default sections and the level of detail.",
)
@click.option("--title", help="Title of the brief (default: made from NAME).")
@click.option("--author", default=PLACEHOLDER_AUTHOR, show_default=True, help="Who issues the brief.")
@click.option(
    "--topic",
    "terms",
    multiple=True,
    help="A word or phrase an event must mention; repeat for several.",
)
@click.option("--from", "period_from", help="Start: a year, month or day (2015, 2015-11), or an event id.")
@click.option("--to", "period_to", help="End: a year, month or day, or an event id or description.")
@seeds_option("Folder of articles whose events are listed for period references.")
@reports_errors
def new(
    name: str,
    audience: Audience,
    title: str | None,
    author: str,
    terms: tuple[str, ...],
    period_from: str | None,
    period_to: str | None,
    seeds: Path,
) -> None:
    """Write a new, commented brief spec to briefs/NAME.yaml and list the events it can name.

    The spec is valid as written; `tipbrief preview` then shows the brief as you edit it.
    An existing file is never overwritten. --from and --to take a year, a month, a day or
    an event (its id or a description; `tipbrief events` lists them).

    \b
    Example: tipbrief new labour-trafficking --audience public --topic "forced labour" --from 2015
    """
    stem = spec_name(name)
    target = Path("briefs") / f"{stem}.yaml"
    if target.exists():
        raise already_exists(target)  # before the fact base is built for nothing
    facts = load_facts(seeds) if seeds.is_dir() else None
    events = facts.events if facts is not None else None
    bounds = {
        option: parse_bound(option, text, events) if text is not None else None
        for option, text in (("--from", period_from), ("--to", period_to))
    }
    text = render_new_spec(
        stem,
        audience=audience,
        title=" ".join(title.split()) if title else title_from_name(stem),
        author=" ".join(author.split()) or PLACEHOLDER_AUTHOR,
        terms=[" ".join(t.split()) for t in terms if t.strip()],
        period_from=bounds["--from"],
        period_to=bounds["--to"],
        events=events,
    )
    check_new_spec(text, stem, events)
    write_new(target, text)
    click.echo(f"wrote {target.as_posix()}")
    # The spec's first line points editors at ../brief-spec.schema.json: make sure it is there.
    schema_path = Path(DEFAULT_SCHEMA_FILE)
    if not schema_path.exists():
        write_schema(schema_path)
        click.echo(f"wrote {schema_path.as_posix()} (editors complete and check keys with it)")
    elif schema_path.read_text(encoding="utf-8") != schema_text():
        click.echo(f"note: {schema_path.as_posix()} is out of date; `tipbrief schema` rewrites it")
    click.echo("")
    if events is None:
        click.echo(
            f"No folder {seeds.as_posix()}/, so no events to list; `tipbrief events --seeds DIR` lists them."
        )
    elif not events:
        click.echo("The fact base has no events: write the period's bounds as dates.")
    else:
        click.echo(f"Events you can name as period bounds. {HOW_TO_USE}")
        for line in format_events(events, indent="  "):
            click.echo(line)
    click.echo("")
    click.echo(f"Next: edit {target.as_posix()}, then run `tipbrief preview {target.as_posix()}`.")
