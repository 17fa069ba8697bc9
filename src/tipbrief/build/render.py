"""Render one brief in memory: select its events, then Markdown, HTML, PDF and JSON; writes nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tipbrief.briefs.render_json import brief_to_dict, dump_json
from tipbrief.build.outputs import Output
from tipbrief.build.printer import PdfJob, PdfPrinter, Printed, could_not_render, print_job
from tipbrief.common.errors import BuildError

if TYPE_CHECKING:
    from tipbrief.briefs.changes import Changes
    from tipbrief.briefs.render_html import HtmlPage
    from tipbrief.briefs.select import Brief
    from tipbrief.briefs.spec_model import BriefSpec, PageSize
    from tipbrief.build.editions import EarlierFile
    from tipbrief.facts.model import FactBase

Format = Literal["md", "html", "pdf", "json"]


FORMATS: tuple[Format, ...] = ("md", "html", "pdf", "json")


@dataclass(frozen=True, slots=True)
class Prepared:
    """A brief selected and rendered up to HTML; the PDF, the slow part, may be made elsewhere."""

    spec: BriefSpec
    brief: Brief
    outputs: tuple[Output, ...]
    """The Markdown and HTML outputs requested."""
    page: HtmlPage | None
    """The HTML page, when a PDF is requested."""
    templates: tuple[Path, ...]

    @property
    def pdf_job(self) -> PdfJob:
        """What the PDF printer needs, as plain picklable values."""
        assert self.page is not None
        spec = self.spec
        return PdfJob(self.page.html, self.templates, self.page.data_uris, spec.issued, spec.name, spec.path)


def brief_changes(brief: Brief, earlier: EarlierFile | None) -> Changes:
    """What the brief says changed since its earlier edition (none: a first edition)."""
    from tipbrief.briefs import changes, editions
    from tipbrief.briefs.render_json import brief_to_dict

    if earlier is None:
        return changes.Changes(since=None)
    new = editions.edition_from_dict(brief_to_dict(brief, ()), "this build", brief.spec.name)
    return changes.changes_since(editions.read_edition(earlier.data, earlier.where, brief.spec.name), new)


def prepare_brief(
    spec: BriefSpec,
    facts: FactBase,
    formats: Iterable[Format],
    templates: Sequence[Path],
    page_size: PageSize | None = None,
    earlier: EarlierFile | None = None,
) -> Prepared:
    """Select the brief's events, compare them with the earlier edition (when the spec asks for
    changes) and render its Markdown and HTML, in memory."""
    from dataclasses import replace

    from tipbrief.briefs.render_html import render_html
    from tipbrief.briefs.render_markdown import render_markdown
    from tipbrief.briefs.select import select

    wanted = set(formats)
    brief = select(spec, facts)
    if spec.changes:
        brief = replace(brief, changes=brief_changes(brief, earlier))
    markdown = render_markdown(brief, templates)
    outputs: list[Output] = []
    page = None
    if "md" in wanted:
        outputs.append(Output(f"{spec.name}.md", markdown.encode("utf-8"), spec.name))
    if wanted & {"html", "pdf"}:
        page = render_html(markdown, brief, templates, page_size)
        if "html" in wanted:
            outputs.append(Output(f"{spec.name}.html", page.html.encode("utf-8"), spec.name))
    return Prepared(spec, brief, tuple(outputs), page if "pdf" in wanted else None, tuple(templates))


def print_pdf(prepared: Prepared) -> Printed:
    """The PDF of a prepared brief, printed in this process."""
    return print_job(prepared.pdf_job)


def finish_brief(
    prepared: Prepared, formats: Iterable[Format], pdf: Printed | None
) -> tuple[tuple[Output, ...], tuple[str, ...]]:
    """Every requested output of a prepared brief, in the order of FORMATS, and its warnings."""
    from tipbrief.briefs.render_markdown import resolve_sections

    spec, brief = prepared.spec, prepared.brief
    warnings = list(brief.warnings)
    outputs = list(prepared.outputs)
    if pdf is not None:
        warnings.extend(pdf.warnings)
        outputs.append(Output(f"{spec.name}.pdf", pdf.pdf, spec.name))
    if "json" in set(formats):
        data = brief_to_dict(brief, resolve_sections(brief))
        data["warnings"] = warnings
        outputs.append(Output(f"{spec.name}.json", dump_json(data), spec.name))
    return tuple(outputs), tuple(warnings)


def render_brief(
    spec: BriefSpec,
    facts: FactBase,
    formats: Iterable[Format],
    templates: Sequence[Path],
    page_size: PageSize | None = None,
    printer: PdfPrinter | None = None,
    earlier: EarlierFile | None = None,
) -> tuple[tuple[Output, ...], tuple[str, ...]]:
    """All requested outputs of one brief, in memory, and its warnings. Writes nothing.
    With ``printer``, the PDF is printed by that child process; ``earlier`` is the brief's earlier
    edition, if it has one."""
    chosen = tuple(formats)
    prepared = prepare_brief(spec, facts, chosen, templates, page_size, earlier)
    pdf = None
    if prepared.page is not None:
        pdf = printer.print(prepared.pdf_job) if printer is not None else print_pdf(prepared)
    return finish_brief(prepared, chosen, pdf)


def render_failed(spec: BriefSpec, err: Exception) -> BuildError:
    return could_not_render(spec.path, f"{type(err).__name__}: {err}")
