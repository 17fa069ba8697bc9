"""Safe YAML for user files: size cap, strict UTF-8, no tags or aliases, duplicate keys caught."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tipbrief.common.errors import InputError, Location, Problem

MAX_YAML_BYTES = 1024 * 1024
"""Settings files are small; anything bigger is a mistake (or an attack) and is refused before parsing."""

MAX_YAML_DEPTH = 32
"""Deeper nesting than this is never a real settings file, and PyYAML's composer recurses per level."""

ScalarKind = Literal["str", "int", "float", "bool", "null", "timestamp"]

_CORE = "tag:yaml.org,2002:"
_SCALAR_KINDS: dict[str, ScalarKind] = {
    _CORE + "str": "str",
    _CORE + "int": "int",
    _CORE + "float": "float",
    _CORE + "bool": "bool",
    _CORE + "null": "null",
    _CORE + "timestamp": "timestamp",
}
# Stands in for an alias in the node tree: the alias was reported, the walker skips it.
_ALIAS_TAG = "!tipbrief/refused-alias"


@dataclass(frozen=True, slots=True)
class YamlScalar:
    """A scalar as written: its YAML 1.1 type and its text, never a constructed object."""

    kind: ScalarKind
    text: str
    """The scalar's content after YAML unquoting and unescaping."""
    where: Location


@dataclass(frozen=True, slots=True)
class YamlSeq:
    items: tuple[YamlNode, ...]
    where: Location


@dataclass(frozen=True, slots=True)
class YamlMap:
    items: tuple[tuple[YamlScalar, YamlNode], ...]
    """Key and value pairs in file order; keys are unique (later duplicates are reported and dropped)."""
    where: Location

    def get(self, key: str) -> YamlNode | None:
        for k, value in self.items:
            if k.text == key:
                return value
        return None


@dataclass(frozen=True, slots=True)
class YamlRefused:
    """A node that was already reported (alias, unknown tag, bad key); checkers skip it silently."""

    where: Location


YamlNode = YamlScalar | YamlSeq | YamlMap | YamlRefused


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """The located tree of one YAML file, and the problems found while building it."""

    root: YamlNode | None
    """None when the file holds no document (empty, comments only) or could not be parsed."""
    problems: tuple[Problem, ...]


class LocatedInputError(InputError):
    """An InputError that also keeps its problems as records, for commands that report them as data."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.located = problems
        super().__init__(str(p) for p in problems)


def describe(node: YamlNode) -> str:
    """How a node's type reads in a message: 'a list', 'the number 2015', 'the boolean yes'."""
    if isinstance(node, YamlSeq):
        return "a list"
    if isinstance(node, YamlMap):
        return "a mapping"
    if isinstance(node, YamlRefused):
        return "a refused value"
    if node.kind in ("int", "float"):
        return f"the number {quote(node.text)}"
    if node.kind == "bool":
        return f"the boolean {quote(node.text)}"
    if node.kind == "null":
        return "an empty value"
    if node.kind == "timestamp":
        return f"the date {quote(node.text)}"
    return f"the text {quote(node.text)}"


def printable(text: str, limit: int = 60) -> str:
    """User text made safe for a one-line message: control characters escaped, long text cut."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in shown)


def quote(text: str, limit: int = 60) -> str:
    """User text in single quotes for a one-line message."""
    return "'" + printable(text, limit).replace("'", "\\'") + "'"


def read_yaml_file(path: str | os.PathLike[str], display: str, max_bytes: int = MAX_YAML_BYTES) -> str:
    """Read a YAML file as text: refuse huge files and invalid UTF-8 with a located message."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            data = stream.read(max_bytes + 1)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise LocatedInputError(
            (Problem(display, 1, 1, f"cannot read the file: {reason}; check the path and permissions"),)
        ) from None
    if len(data) > max_bytes:
        raise LocatedInputError((_too_big(display, max(size, len(data)), max_bytes),))
    return decode_yaml_bytes(data, display)


def decode_yaml_bytes(data: bytes, display: str) -> str:
    """Decode UTF-8 (dropping a byte-order mark); a bad byte is reported at its line and column."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line_start = data.rfind(b"\n", 0, err.start) + 1
        line = data.count(b"\n", 0, err.start) + 1
        col = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
        message = (
            f"invalid UTF-8 at byte {err.start} (0x{data[err.start]:02x}); save the file with UTF-8 encoding"
        )
        raise LocatedInputError((Problem(display, line, col, message),)) from None
    return text.removeprefix("\ufeff")


def _too_big(display: str, size: int, max_bytes: int) -> Problem:
    message = (
        f"file is {size:,} bytes, more than the {_size(max_bytes)} allowed; "
        "a settings file this big is a mistake: keep only the settings in it"
    )
    return Problem(display, 1, 1, message)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MiB".replace(".0 ", " ")
    if n >= 1024:
        return f"{n / 1024:.1f} KiB".replace(".0 ", " ")
    return f"{n} bytes"


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader that composes nodes only, refuses aliases and caps nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_marks: list[tuple[str, Any]] = []
        self.depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            self.alias_marks.append((event.anchor, event.start_mark))
            return ScalarNode(_ALIAS_TAG, "", event.start_mark, event.end_mark)
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if event.anchor is not None:
            # Nothing may refer to an anchor, so a repeated one is harmless: forget the old one.
            self.anchors.pop(event.anchor, None)
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH:
                raise _TooDeep(event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def parse_yaml(text: str, display: str, max_bytes: int = MAX_YAML_BYTES) -> YamlDocument:
    """Parse one YAML document into a located tree. Pure: never constructs objects, never raises."""
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        size = len(text.encode("utf-8", "surrogatepass"))
        return YamlDocument(None, (_too_big(display, size, max_bytes),))
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as err:
        return YamlDocument(None, (_reader_problem(text, display, err),))
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as err:
        return YamlDocument(None, (_reader_problem(text, display, err),))
    except yaml.MarkedYAMLError as err:
        return YamlDocument(None, (_syntax_problem(display, err),))
    except _TooDeep as err:
        message = (
            f"values are nested more than {MAX_YAML_DEPTH} levels deep; "
            "a settings file needs only a few levels: flatten it"
        )
        return YamlDocument(None, (Problem(display, err.mark.line + 1, err.mark.column + 1, message),))
    finally:
        loader.dispose()
    problems: list[Problem] = []
    if loader.alias_marks:
        anchor, mark = loader.alias_marks[0]
        more = len(loader.alias_marks) - 1
        others = f" (and {more} more alias{'es' if more > 1 else ''})" if more else ""
        problems.append(
            Problem(
                display,
                mark.line + 1,
                mark.column + 1,
                f"YAML alias {quote('*' + anchor)} is not allowed here{others}; write the value out in full",
            )
        )
    root = _walk(node, display, problems) if node is not None else None
    problems.sort(key=lambda p: (p.line, p.col))
    return YamlDocument(root, tuple(problems))


def _where(node: Node, display: str) -> Location:
    return Location(display, node.start_mark.line + 1, node.start_mark.column + 1)


def _show_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _walk(node: Node, display: str, problems: list[Problem]) -> YamlNode:
    where = _where(node, display)
    if node.tag == _ALIAS_TAG:
        return YamlRefused(where)
    expected = {ScalarNode: None, SequenceNode: _CORE + "seq", MappingNode: _CORE + "map"}[type(node)]
    allowed = node.tag in _SCALAR_KINDS if expected is None else node.tag == expected
    if not allowed and node.tag == _CORE + "merge":
        message = "merge keys ('<<') are not allowed here; write the keys out in full"
        problems.append(Problem(display, where.line, where.col, message))
        return YamlRefused(where)
    if not allowed:
        message = (
            f"YAML tag {quote(_show_tag(node.tag))} is not allowed here; remove it "
            "(a spec holds only plain text, numbers, dates, lists and mappings)"
        )
        problems.append(Problem(display, where.line, where.col, message))
        return YamlRefused(where)
    if isinstance(node, ScalarNode):
        return YamlScalar(_SCALAR_KINDS[node.tag], node.value, where)
    if isinstance(node, SequenceNode):
        return YamlSeq(tuple(_walk(item, display, problems) for item in node.value), where)
    assert isinstance(node, MappingNode)
    return _walk_mapping(node, where, display, problems)


def _walk_mapping(node: MappingNode, where: Location, display: str, problems: list[Problem]) -> YamlMap:
    items: list[tuple[YamlScalar, YamlNode]] = []
    first_seen: dict[str, YamlScalar] = {}
    for key_node, value_node in node.value:
        key = _walk(key_node, display, problems)
        value = _walk(value_node, display, problems)
        if isinstance(key, YamlRefused):
            continue
        if not isinstance(key, YamlScalar):
            message = f"a key must be plain text, not {describe(key)}; write the key as a word and a ':'"
            problems.append(Problem(display, key.where.line, key.where.col, message))
            continue
        first = first_seen.get(key.text)
        if first is not None:
            message = (
                f"duplicate key {quote(key.text)} (first set at line {first.where.line}); "
                "keep only one of them"
            )
            problems.append(Problem(display, key.where.line, key.where.col, message))
            continue
        first_seen[key.text] = key
        items.append((key, value))
    return YamlMap(tuple(items), where)


def _reader_problem(text: str, display: str, err: yaml.reader.ReaderError) -> Problem:
    position = max(0, min(err.position, len(text)))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    character = err.character if isinstance(err.character, int) else 0
    message = f"character U+{character:04X} is not allowed in YAML; remove it or write it as an escape"
    return Problem(display, line, col, message)


_SYNTAX_HINTS = (
    ("mapping values are not allowed", "put text that contains ': ' in quotes, and check the indentation"),
    ("cannot start any token", "indent with spaces, not tabs, and quote text that starts with @ or `"),
    ("expected a single document", "keep one document per file: remove the extra '---'"),
    ("found undefined tag handle", "remove the '!' tag or put the text in quotes"),
)


def _syntax_problem(display: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = " ".join(str(err.problem or "syntax error").split())
    detail = problem
    if err.context:
        context = " ".join(str(err.context).split())
        if err.context_mark is not None and err.context_mark is not mark:
            context += f" (line {err.context_mark.line + 1}, column {err.context_mark.column + 1})"
        # Scanner and parser contexts read "while ...", composer ones state an expectation.
        detail = f"{problem} {context}" if context.startswith("while") else f"{context}, {problem}"
    hint = next(
        (hint for needle, hint in _SYNTAX_HINTS if needle in detail),
        "check the indentation, quotes and brackets here",
    )
    return Problem(display, line, col, f"invalid YAML: {detail}; {hint}")


def display_path(path: str | os.PathLike[str], cwd: Path | None = None) -> str:
    """The path as a user would type it: relative to the working folder when inside it, with '/'."""
    candidate = Path(path)
    if candidate.is_absolute():
        base = cwd if cwd is not None else Path.cwd()
        with contextlib.suppress(ValueError):
            candidate = candidate.relative_to(base)
    return candidate.as_posix()
