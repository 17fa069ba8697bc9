"""Turn a brief's Markdown into one self-contained HTML page: markdown-it for untrusted text, CSS inlined."""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup, escape
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from tipbrief import __version__
from tipbrief.briefs.render_markdown import SECTION_TITLES, plain_text, resolve_sections, says_changes
from tipbrief.briefs.select import Brief, ChosenEvent
from tipbrief.briefs.templates import PACKAGE_TEMPLATES, TEMPLATE_BYTECODE
from tipbrief.common.errors import InputError

_SAFE_LINK = re.compile(r"(?:https?://[^\s<>\"'`]+|#[A-Za-z0-9_:.\-]*)", re.IGNORECASE)


def is_safe_link(url: str) -> bool:
    """Only http(s) links and #fragments survive: javascript:, file:, data: and relative paths do not."""
    return _SAFE_LINK.fullmatch(url.strip()) is not None


def _cite_ref(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # A plain superscript number: the plugin's "[1:1]" for repeated citations reads badly in print.
    meta = tokens[idx].meta or {}
    number = int(meta["id"]) + 1
    ref_id = f"fnref{number}" + (f":{meta['subId']}" if meta.get("subId") else "")
    # Adjacent citations read "1,2"; CSS cannot tell them from citations with text between.
    comma = "," if idx > 0 and tokens[idx - 1].type == "footnote_ref" else ""
    return f'<sup class="cite">{comma}<a href="#fn{number}" id="{ref_id}">{number}</a></sup>'


def _nothing(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return ""


def markdown_parser() -> MarkdownIt:
    """CommonMark with raw HTML off and images off, plus tables, footnotes and heading ids."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.disable("image")
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=1, max_level=3)
    md.add_render_rule("footnote_ref", _cite_ref)
    md.add_render_rule("footnote_anchor", _nothing)
    return md


@dataclass(frozen=True, slots=True)
class TocEntry:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """A rendered page, and the data: URIs tipbrief put in it (the only ones the PDF stage may load)."""

    html: str
    data_uris: frozenset[str]


MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


CHANGE_COLOUR = "#8a4b08"


def timeline_svg(events: Sequence[ChosenEvent], marks: Mapping[str, str] | None = None) -> str:
    """An SVG time line: one lane per event, a dot for a known day, a bar over an inferred range.
    ``marks`` ("new" or "revised" by event id) label the events changed since the earlier edition."""
    marks = marks or {}
    dated = [c for c in events if c.event.date.earliest or c.event.date.latest]
    if not dated:
        return ""
    lows = [c.event.date.earliest or c.event.date.latest for c in dated]
    highs = [c.event.date.latest or c.event.date.earliest for c in dated]
    first_year = min(d.year for d in lows if d)
    last_year = max(d.year for d in highs if d) + 1
    origin, end = date(first_year, 1, 1).toordinal(), date(last_year, 1, 1).toordinal()
    width, left, right, top, lane = 680.0, 14.0, 14.0, 8.0, 21.0
    plot = width - left - right
    height = top + lane * len(dated) + 30.0

    def x(day: date) -> float:
        return left + (day.toordinal() - origin) / (end - origin) * plot

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="Brief Sans, Noto Sans, sans-serif">',
        '<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>',
    ]
    years = range(first_year, last_year + 1)
    step = 1 if len(years) <= 16 else 2 if len(years) <= 32 else 5
    axis_y = top + lane * len(dated) + 4
    for year in years:
        xpos = x(date(year, 1, 1))
        parts.append(
            f'<line x1="{xpos:.1f}" y1="{top - 4:.1f}" x2="{xpos:.1f}" y2="{axis_y:.1f}" '
            'stroke="#dde3ea" stroke-width="0.6"/>'
        )
        parts.append(
            f'<line x1="{xpos:.1f}" y1="{axis_y:.1f}" x2="{xpos:.1f}" y2="{axis_y + 4:.1f}" '
            'stroke="#1f3a5f" stroke-width="0.8"/>'
        )
        if (year - first_year) % step == 0 and year < last_year:
            mid = x(date(year, 7, 1))
            parts.append(
                f'<text x="{mid:.1f}" y="{axis_y + 15:.1f}" font-size="9" text-anchor="middle" '
                f'fill="#5a5f66">{year}</text>'
            )
    parts.append(
        f'<line x1="{left:.1f}" y1="{axis_y:.1f}" x2="{width - right:.1f}" y2="{axis_y:.1f}" '
        'stroke="#1f3a5f" stroke-width="1"/>'
    )
    for number, chosen in enumerate(dated, start=1):
        event = chosen.event
        lo = event.date.earliest or event.date.latest
        hi = event.date.latest or event.date.earliest
        assert lo is not None and hi is not None
        cy = top + lane * (number - 1) + lane / 2
        x1, x2 = x(lo), x(hi + (date.resolution))
        inferred = event.date.basis == "inferred"
        if x2 - x1 < 5:
            mid = (x1 + x2) / 2
            fill = "#ffffff" if inferred else "#1f3a5f"
            parts.append(
                f'<circle cx="{mid:.1f}" cy="{cy:.1f}" r="4" fill="{fill}" '
                'stroke="#1f3a5f" stroke-width="1.4"/>'
            )
            x1, x2 = mid - 4, mid + 4
        else:
            dash = ' stroke-dasharray="3 2"' if inferred else ""
            fill = "#c9d6e4" if inferred else "#1f3a5f"
            parts.append(
                f'<rect x="{x1:.1f}" y="{cy - 4:.1f}" width="{x2 - x1:.1f}" height="8" rx="2" '
                f'fill="{fill}" stroke="#1f3a5f" stroke-width="1"{dash}/>'
            )
        where = event.place.name if event.place else event.kind
        label = plain_text(f"{number}. {where}, {event.date.label}", 120) + (" †" if inferred else "")
        mark = marks.get(event.id)
        if mark:
            label += f" · {mark}"
        # Glyph widths of the sans at 9 units average about 5; flip the label left when it would overflow.
        estimate = 5.0 * len(label)
        if x2 + 6 + estimate <= width - right:
            anchor, tx = "start", x2 + 6
        else:
            anchor, tx = "end", x1 - 6
        ink = CHANGE_COLOUR if mark else "#1b1b1b"
        weight = ' font-weight="bold"' if mark else ""
        parts.append(
            f'<text x="{tx:.1f}" y="{cy + 3.2:.1f}" font-size="9" text-anchor="{anchor}" '
            f'fill="{ink}"{weight}>{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


_MARKS = ("new", "revised")


def _style_marks(tokens: Sequence[Token]) -> None:
    """Give the marks a template wrote (**new**, **revised**) a class, so that they read as marks.
    Data is escaped, so no value from an article can make one."""
    for token in tokens:
        kids = token.children or []
        for i in range(len(kids) - 2):
            if (
                kids[i].type == "strong_open"
                and kids[i + 1].type == "text"
                and kids[i + 1].content in _MARKS
                and kids[i + 2].type == "strong_close"
            ):
                kids[i].attrSet("class", f"mark mark-{kids[i + 1].content}")


def _wrap_section(body: list[Token], index: int, name: str) -> None:
    """Put the ``index``-th section of the body (from its h2 to the next) in <section class=name>."""
    starts = [i for i, t in enumerate(body) if t.type == "heading_open" and t.tag == "h2"]
    if index >= len(starts):
        return
    end = starts[index + 1] if index + 1 < len(starts) else len(body)
    close, open_ = Token("html_block", "", 0), Token("html_block", "", 0)
    close.content, open_.content = "</section>\n", f'<section class="{name}">\n'
    body.insert(end, close)
    body.insert(starts[index], open_)


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _heading_text(tokens: Sequence[Token], open_index: int) -> str:
    inline = tokens[open_index + 1]
    return "".join(child.content for child in inline.children or () if child.type in ("text", "code_inline"))


def _page_env(template_dirs: Sequence[Path]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        # Compiled templates are kept between builds (tipbrief.build.cache); compiling was slow.
        bytecode_cache=TEMPLATE_BYTECODE.store("html"),
    )


def render_html(
    markdown: str,
    brief: Brief,
    templates: Sequence[Path] = (PACKAGE_TEMPLATES,),
    page_size: str | None = None,
) -> HtmlPage:
    """Render the Markdown and wrap it in ``page.html.j2`` with ``brief.css`` inlined.

    Everything before the first section heading becomes the title block; a contents list follows
    it (except in the two-page ministerial brief); the timeline figure goes under its heading.
    """
    md = markdown_parser()
    env: dict[str, Any] = {}
    tokens = md.parse(markdown, env)
    audience = brief.spec.audience
    titles = SECTION_TITLES[audience]
    sections = resolve_sections(brief)

    marks = brief.changes.marks() if says_changes(brief) and brief.changes is not None else {}
    if marks:
        _style_marks(tokens)

    split = next((i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"), len(tokens))
    front, body = tokens[:split], list(tokens[split:])
    if "changes" in sections:
        _wrap_section(body, sections.index("changes"), "changes")

    data_uris: set[str] = set()
    toc: list[TocEntry] = []
    changed = " Events marked new or revised changed since the earlier edition." if marks else ""
    i = 0
    while i < len(body):
        token = body[i]
        if token.type == "heading_open" and token.tag == "h2":
            text = _heading_text(body, i)
            toc.append(TocEntry(str(token.attrs.get("id", "")), text))
            if "timeline" in sections and text == titles["timeline"]:
                svg = timeline_svg(brief.events, marks)
                if svg:
                    uri = svg_data_uri(svg)
                    data_uris.add(uri)
                    alt = f"Time line of the {len(brief.events)} events of this brief"
                    figure = Token("html_block", "", 0)
                    figure.content = (
                        f'<figure class="timeline"><img src="{escape(uri)}" alt="{escape(alt)}">'
                        "<figcaption>Each lane is one event of the chronology. A filled dot is a date "
                        "stated in the sources; a hollow dot or a dashed bar (†) is an inferred date "
                        f"or range.{changed}</figcaption></figure>\n"
                    )
                    # The section's paragraph tells Markdown readers of the figure; the page shows it.
                    after = i + 3
                    if after < len(body) and body[after].type == "paragraph_open":
                        del body[after : after + 3]
                    body.insert(after, figure)
        i += 1

    renderer = md.renderer
    options = md.options
    front_html = renderer.render(front, options, env)
    body_html = renderer.render(body, options, env)

    template_dirs = tuple(templates)
    page_env = _page_env(template_dirs)
    try:
        css = page_env.loader.get_source(page_env, "brief.css")[0] if page_env.loader else ""
        if "changes" in sections or marks:
            css += "\n" + (page_env.loader.get_source(page_env, "changes.css")[0] if page_env.loader else "")
        page = page_env.get_template("page.html.j2")
    except jinja2.TemplateError as err:
        raise InputError([f"{getattr(err, 'name', 'templates')}:1:1: {err}; restore the template"]) from None
    spec = brief.spec
    # Autoescaping makes these values inert; plain_text also keeps control and bidi characters
    # out of the page and the PDF's metadata, as escape_md does in the body.
    html = page.render(
        lang=spec.language,
        title=plain_text(spec.title),
        author=plain_text(spec.author),
        subject=plain_text(spec.topic.summary),
        keywords=plain_text(", ".join(spec.keywords)),
        version=__version__,
        issued=f"{spec.issued.isoformat()}T00:00:00Z" if spec.issued else None,
        css=Markup(css),
        page_size=page_size or spec.page_size,
        audience=audience,
        marking=plain_text(spec.marking) if audience != "public" else None,
        front=Markup(front_html),
        toc=toc if audience != "ministerial" else [],
        body=Markup(body_html),
    )
    return HtmlPage(html=html, data_uris=frozenset(data_uris))
