"""Build cache: the fact base's incremental state and whole-brief outputs in SQLite, keyed by content hashes.

Every key is a sha256 over everything the cached value was computed from: the article's bytes and
sidecar, the reference tables (package and project), ``overrides.yaml``, the spec, every template
file, the tipbrief version and source code, and the versions of the libraries that shape an output
(WeasyPrint among them). A changed input gives a new key, so a stale entry can never be returned.
The ``state`` table holds what factbase.py carries from one build to the next: shards named by the
hash of their content, a root listing them, and a stat index that spares re-reading files.

Values are pickles. The cache is as trusted as the output folder it lives in (``build/.cache``);
``--no-cache`` ignores it and ``tipbrief clean`` deletes it. New entries are kept in memory and
written by :meth:`Cache.flush` once a build has succeeded, so a failed build writes nothing at all.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime
import hashlib
import importlib
import io
import itertools
import operator
import os
import pickle
import re
import sqlite3
import sys
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache as memoize
from pathlib import Path
from typing import Any

import tipbrief

SCHEMA = 4
"""Bump when the layout of a cached value changes: older entries then never match."""
CACHE_DIR = ".cache"
CACHE_FILE = "tipbrief.sqlite"
# Libraries whose version can change a brief's bytes: the PDF stack, the template engine, the Markdown
# parser. Read from installed metadata, so that checking them never imports WeasyPrint.
RENDER_LIBRARIES = (
    "weasyprint",
    "pydyf",
    "fonttools",
    "tinycss2",
    "cssselect2",
    "jinja2",
    "markdown-it-py",
    "mdit-py-plugins",
    "pyyaml",
)


def cache_file(out: Path) -> Path:
    """Where the cache of an output folder lives."""
    return out / CACHE_DIR / CACHE_FILE


def digest(*parts: str | bytes) -> str:
    """sha256 over length-prefixed parts, so ("ab", "c") and ("a", "bc") differ."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def tipbrief_version() -> str:
    # Read at call time (not imported by name) so that a changed version is always seen.
    return str(tipbrief.__version__)


@memoize
def _source_fingerprint() -> str:
    """Hash of the package's own code: an edited extractor must not reuse old extractions."""
    root = Path(tipbrief.__file__).parent
    files = sorted(root.rglob("*.py"), key=lambda p: p.relative_to(root).as_posix())
    return digest(*(part for p in files for part in (p.relative_to(root).as_posix(), p.read_bytes())))


def code_key() -> str:
    """The tipbrief version and a fingerprint of its source code."""
    return digest(tipbrief_version(), _source_fingerprint())


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@memoize
def _dist_info_versions() -> dict[str, str]:
    """Installed versions from the ``NAME-VERSION.dist-info`` folder names on sys.path: one listing
    per folder, where asking importlib.metadata reads every distribution's metadata file."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                project, _, version = name.removesuffix(".dist-info").partition("-")
                # The first on sys.path is the one Python imports.
                found.setdefault(_normal(project), version)
    return found


def library_version(name: str) -> str:
    version = _dist_info_versions().get(_normal(name))
    if version:
        return version
    from importlib import metadata  # slower, but knows every kind of installation

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def weasyprint_version() -> str:
    return library_version("weasyprint")


# The C libraries WeasyPrint lays text out with: an upgrade can move a line break. Not
# libharfbuzz-subset: fonts are subset with fontTools whether it is there or not (render_pdf.subset_font).
SYSTEM_LIBRARIES = ("libpango-1.0.so.", "libpangoft2-1.0.so.", "libharfbuzz.so.")
LIBRARY_DIRS = (
    "/usr/lib",
    "/usr/lib64",
    "/usr/local/lib",
    "/usr/lib/x86_64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu",
)


@memoize
def system_libraries() -> tuple[str, ...]:
    """File names (with their full version) of the layout libraries found where Linux keeps them,
    read without loading them; elsewhere an empty tuple, and the WeasyPrint version must do."""
    found: list[str] = []
    for folder in LIBRARY_DIRS:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found.extend(f"{folder}/{n}" for n in names if n.startswith(SYSTEM_LIBRARIES))
    return tuple(sorted(found))


def render_key() -> str:
    """Versions of everything that renders a brief, WeasyPrint first (tests change it on its own)."""
    return digest(
        weasyprint_version(),
        *(f"{n}={library_version(n)}" for n in RENDER_LIBRARIES[1:]),
        *system_libraries(),
    )


def files_key(files: Iterable[tuple[str, Path]]) -> str:
    """Names and contents of files, in the order given."""
    return digest(*(part for name, path in files for part in (name, path.read_bytes())))


def folder_files(folder: Path, pattern: str = "*") -> list[tuple[str, Path]]:
    """Every file below ``folder`` matching ``pattern``, named by its path inside it, sorted."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.rglob(pattern) if p.is_file()]
    return sorted(((p.relative_to(folder).as_posix(), p) for p in found), key=lambda item: item[0])


def package_data_dir() -> Path:
    # Where reference.load_reference reads the package's tables (importlib.resources of tipbrief).
    return Path(tipbrief.__file__).parent / "data"


def reference_key(project: Path) -> str:
    """The package's reference tables and the project's own ``reference/`` rows."""
    package = [(f"package/{n}", p) for n, p in folder_files(package_data_dir(), "*.csv")]
    own = [(f"project/{n}", p) for n, p in folder_files(project / "reference", "*.csv")]
    return files_key([*package, *own])


def templates_key(folders: Sequence[Path]) -> str:
    """Every file of every templates folder (templates, CSS, fonts), with the folders' places."""
    parts: list[tuple[str, Path]] = []
    for index, folder in enumerate(folders):
        parts.extend((f"{index}:{folder.resolve()}/{name}", path) for name, path in folder_files(folder))
    return files_key(parts)


def optional_file_key(path: Path) -> str:
    """A file's content, or the fact that it is absent (both are inputs)."""
    return digest(path.read_bytes()) if path.is_file() else "absent"


@memoize
def _init_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of a slotted dataclass that its constructor takes, in order (None: other types)."""
    if not dataclasses.is_dataclass(cls) or not hasattr(cls, "__slots__"):
        return None
    fields = dataclasses.fields(cls)
    return None if any(not f.init for f in fields) else tuple(f.name for f in fields)


class _Pickler(pickle.Pickler):
    """Pickles a frozen slotted dataclass as its constructor call: reading 10k articles' extractions
    back is then about a third faster than through dataclasses' generic __setstate__."""

    def reducer_override(self, obj: Any) -> Any:
        kind: Any = type(obj)
        names = _init_fields(kind)
        if names is None:
            return NotImplemented
        return kind, tuple(getattr(obj, name) for name in names)


def dumps(value: Any) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


# --- column-wise pickles ------------------------------------------------------------------------

_ATOMS = frozenset({str, int, float, bool, type(None), bytes, datetime.date})


class _NotColumnar(Exception):
    """A value dumps_columns cannot lay out in columns (dumps takes it as it is)."""


@memoize
def _column_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of a slotted dataclass whose instances are nothing but their fields' values
    (constructor takes them all, no __post_init__), in order; None for any other type."""
    names = _init_fields(cls)
    if names is None or hasattr(cls, "__post_init__") or cls.__dictoffset__:
        return None
    return (
        names if all(isinstance(getattr(cls, n, None), types.MemberDescriptorType) for n in names) else None
    )


def _plain(value: Any) -> bool:
    """Atoms and tuples of plain values: what pickle itself lays out fastest."""
    kind = type(value)
    return kind in _ATOMS or (kind is tuple and all(_plain(v) for v in value))


def dumps_columns(value: Any) -> bytes:
    """A pickle of ``value`` whose frozen slotted dataclasses are laid out as one column per field.

    Loading it builds each class's instances at once (``object.__new__``) and sets each field of
    all of them with one C-level loop over the slot's descriptor: no constructor runs per object,
    which makes reading a fact base's worth of Spans, Mentions and Events back about 2.5 times as
    fast as through constructor calls. A field's values must be plain (atoms and tuples of them),
    or all instances of one such class (or None), or all tuples of instances of one class; a value
    laid out otherwise is pickled by :func:`dumps` as it is. Shared objects stay shared.
    """
    try:
        return dumps(_Columns.of(value))
    except _NotColumnar:
        return dumps(value)


@dataclass
class _Columns:
    """Classes (by module and name, with their fields), their instances' columns, and the value."""

    classes: list[tuple[str, str, tuple[str, ...], int]]
    columns: list[list[tuple[Any, ...]]]
    value: tuple[Any, ...]

    @staticmethod
    def of(value: Any) -> _Columns:
        kinds: dict[type, int] = {}
        getters: list[Any] = []
        rows: list[list[tuple[Any, ...]]] = []
        where: dict[int, int] = {}
        # Breadth first, a class at a time: the fields of all new instances of a class are read
        # and looked through together, and only the columns that hold more than atoms are walked.
        frontier = _instances([value])
        while frontier:
            fresh: dict[int, list[Any]] = {}
            for item in frontier:
                if id(item) in where:
                    continue
                kind: Any = type(item)
                table = kinds.get(kind)
                if table is None:
                    names = _column_fields(kind)
                    if names is None:
                        raise _NotColumnar(kind)
                    table = kinds[kind] = len(rows)
                    rows.append([])
                    getters.append(operator.attrgetter(*names) if len(names) > 1 else _one(names[0]))
                where[id(item)] = len(rows[table]) + len(fresh.get(table, ()))
                fresh.setdefault(table, []).append(item)
            frontier = []
            for table, items in fresh.items():
                fields = list(map(getters[table], items))
                rows[table].extend(fields)
                for column in zip(*fields, strict=True):
                    if not set(map(type, column)) <= _ATOMS:
                        frontier.extend(_instances(column))
        classes = []
        columns = []
        strings: dict[str, str] = {}
        for known, table in kinds.items():
            names = _column_fields(known)
            assert names is not None
            classes.append((known.__module__, known.__qualname__, names, len(rows[table])))
            columns.append([_column(list(c), kinds, where, strings) for c in zip(*rows[table], strict=True)])
        return _Columns(classes, columns, _root(value, kinds, where, strings))

    def __reduce__(self) -> tuple[Any, ...]:
        return _load_columns, (self.classes, self.columns, self.value)


def _instances(values: Iterable[Any]) -> list[Any]:
    """The objects among ``values`` that are neither atoms nor tuples, looking inside tuples."""
    found = []
    for v in values:
        kind = type(v)
        if kind is tuple:
            found.extend(_instances(v))
        elif kind not in _ATOMS:
            found.append(v)
    return found


def _root(
    value: Any, kinds: dict[type, int], where: dict[int, int], strings: dict[str, str]
) -> tuple[Any, ...]:
    """The value itself as a column of one; a tuple of unlike things as ("each", their columns)."""
    try:
        return _column([value], kinds, where, strings)
    except _NotColumnar:
        if type(value) is not tuple:
            raise
        return ("each", [_root(v, kinds, where, strings) for v in value])


def _one(name: str) -> Any:
    get = operator.attrgetter(name)
    return lambda item: (get(item),)


def _column(
    values: list[Any], kinds: dict[type, int], where: dict[int, int], strings: dict[str, str]
) -> tuple[Any, ...]:
    """One field's values: ("plain", values), ("ref", class, rows: -1 for None) or ("refs", class,
    lengths, rows). Equal strings become one object (``strings``): pickled once, read back once."""
    found = set(map(type, values))
    if found <= _ATOMS:
        if found == {str}:
            return ("plain", list(map(strings.setdefault, values, values)))
        return ("plain", [strings.setdefault(v, v) if type(v) is str else v for v in values])
    if found <= _ATOMS | {tuple} and all(_plain(v) for v in values):
        return ("plain", [_shared(v, strings) for v in values])
    found.discard(type(None))
    if len(found) == 1 and (target := next(iter(found))) in kinds:
        return ("ref", kinds[target], [-1 if v is None else where[id(v)] for v in values])
    if found == {tuple}:
        items = list(itertools.chain.from_iterable(values))
        inside = set(map(type, items))
        if len(inside) == 1 and (target := inside.pop()) in kinds:
            return ("refs", kinds[target], list(map(len, values)), [where[id(x)] for x in items])
    raise _NotColumnar(values[0])


def _shared(value: Any, strings: dict[str, str]) -> Any:
    kind = type(value)
    if kind is str:
        return strings.setdefault(value, value)
    if kind is tuple and any(type(v) is str for v in value):
        return tuple(_shared(v, strings) for v in value)
    return value


@memoize
def _column_class(module: str, qualname: str, names: tuple[str, ...]) -> Any:
    """The class a column-wise pickle names, if it still has those fields."""
    kind: Any = importlib.import_module(module)
    for part in qualname.split("."):
        kind = getattr(kind, part)
    if _column_fields(kind) != names:
        raise pickle.UnpicklingError(f"{module}.{qualname} has changed its fields")
    return kind


def _load_columns(
    classes: list[tuple[str, str, tuple[str, ...], int]],
    columns: list[list[tuple[Any, ...]]],
    value: tuple[Any, ...],
) -> Any:
    kinds = [_column_class(module, qualname, names) for module, qualname, names, _ in classes]
    tables: list[list[Any]] = [
        list(map(object.__new__, itertools.repeat(kind, count)))
        for kind, (*_, count) in zip(kinds, classes, strict=True)
    ]
    for kind, table, (_, _, names, _), fields in zip(kinds, tables, classes, columns, strict=True):
        for name, column in zip(names, fields, strict=True):
            # Sets the slot as the frozen class's own __init__ does (object.__setattr__), for all rows.
            collections.deque(map(getattr(kind, name).__set__, table, _values(column, tables)), maxlen=0)
    return _values(value, tables)[0]


def _values(column: tuple[Any, ...], tables: list[list[Any]]) -> list[Any]:
    if column[0] == "each":
        return [tuple(_values(part, tables)[0] for part in column[1])]
    if column[0] == "plain":
        return column[1]  # type: ignore[no-any-return]
    if column[0] == "ref":
        table = tables[column[1]]
        rows = column[2]
        return (
            list(map(table.__getitem__, rows))
            if -1 not in rows
            else [table[i] if i >= 0 else None for i in rows]
        )
    table = tables[column[1]]
    items = list(map(table.__getitem__, column[3]))
    lengths = column[2]
    if len(set(lengths)) == 1 and lengths[0]:
        # Tuples of one length (a date's one piece of evidence): zip cuts them without a loop here.
        return list(zip(*[iter(items)] * lengths[0], strict=True))
    ends = list(itertools.accumulate(lengths))
    return list(map(tuple, map(items.__getitem__, map(slice, itertools.chain((0,), ends), ends))))


@dataclass
class Cache:
    """An SQLite store of pickled values in named tables; reads are immediate, writes wait for flush.

    ``slot`` names what an entry stands for (an article's path, a brief's name and formats): a newer
    entry replaces the older one of its slot, so the cache stays the size of the current project.
    """

    path: Path
    _connection: sqlite3.Connection | None = field(default=None, init=False, repr=False)
    _pending: dict[tuple[str, str], tuple[str, bytes]] = field(default_factory=dict, init=False, repr=False)
    hits: int = field(default=0, init=False)
    misses: int = field(default=0, init=False)

    TABLES = ("facts", "briefs", "templates", "state")

    def _read(self) -> sqlite3.Connection | None:
        if self._connection is None and self.path.is_file():
            try:
                self._connection = sqlite3.connect(self.path, timeout=30)
                self._connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            except sqlite3.DatabaseError:
                # Not a cache we can read (damaged, or another program's file): ignore it; flush
                # replaces it.
                self._close()
        return self._connection

    def get(self, table: str, key: str) -> Any | None:
        """The value stored under ``key``, or None."""
        pending = self._pending.get((table, key))
        if pending is not None:
            return pickle.loads(pending[1])
        db = self._read()
        row = None
        if db is not None:
            try:
                row = db.execute(f"SELECT data FROM {table} WHERE key = ?", (key,)).fetchone()
            except sqlite3.DatabaseError:
                row = None
        if row is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(row[0])
        except Exception:  # an entry that no longer unpickles is a miss, never an error
            self.misses += 1
            return None
        self.hits += 1
        return value

    def get_many(self, table: str, keys: Iterable[str]) -> dict[str, Any]:
        """The values stored under those of ``keys`` that the cache has (one query per 500 keys)."""
        wanted = list(dict.fromkeys(keys))
        rows: dict[str, bytes] = {}
        for key in wanted:
            pending = self._pending.get((table, key))
            if pending is not None:
                rows[key] = pending[1]
        db = self._read()
        missing = [k for k in wanted if k not in rows]
        if db is not None:
            for start in range(0, len(missing), 500):
                part = missing[start : start + 500]
                try:
                    found = db.execute(
                        f"SELECT key, data FROM {table} WHERE key IN ({','.join('?' * len(part))})", part
                    ).fetchall()
                except sqlite3.DatabaseError:
                    found = []
                rows.update(found)
        values: dict[str, Any] = {}
        for key, data in rows.items():
            try:
                values[key] = pickle.loads(data)
            except Exception:  # an entry that no longer unpickles is a miss, never an error
                continue
        self.hits += len(values)
        self.misses += len(wanted) - len(values)
        return values

    def put(self, table: str, key: str, slot: str, value: Any) -> None:
        """Remember ``value`` under ``key``; written by :meth:`flush`."""
        self.put_pickled(table, key, slot, dumps(value))

    def put_pickled(self, table: str, key: str, slot: str, data: bytes) -> None:
        """Like :meth:`put`, for a value already pickled by :func:`dumps`."""
        assert table in self.TABLES
        self._pending[(table, key)] = (slot, data)

    def flush(self) -> None:
        """Write every pending entry in one transaction (creating the database if needed)."""
        if not self._pending:
            return
        self._close()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._open_for_writing()
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            db = self._open_for_writing()
        with db:
            for table in self.TABLES:
                rows = [(key, slot, data) for (t, key), (slot, data) in self._pending.items() if t == table]
                if not rows:
                    continue
                db.executemany(
                    f"DELETE FROM {table} WHERE slot = ? AND key != ?",
                    [(slot, key) for key, slot, _ in rows],
                )
                db.executemany(
                    f"INSERT OR REPLACE INTO {table} (key, slot, data) VALUES (?, ?, ?)",
                    rows,
                )
        self._pending.clear()
        self._connection = db

    def _open_for_writing(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        found = None
        with contextlib.suppress(sqlite3.OperationalError):
            found = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        if found is None or found[0] != str(SCHEMA):
            with db:
                for table in ("meta", *self.TABLES):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
                for table in self.TABLES:
                    db.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, slot TEXT, data BLOB)")
                    db.execute(f"CREATE INDEX {table}_slot ON {table} (slot)")
        return db

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        self._close()


def template_bytecode_key() -> str:
    return digest("jinja-bytecode", str(SCHEMA), code_key(), render_key(), sys.version)


def open_cache(out: Path, enabled: bool = True) -> Cache | None:
    """The cache of ``out``, or None when caching is off (``--no-cache``)."""
    return Cache(cache_file(out)) if enabled else None
