"""Find and read the earlier edition of each brief: the files of ``--since``, or else the brief JSON
the previous build left in the output folder. This is the I/O at the edge; what an edition says and
how two compare is briefs/editions.py and briefs/changes.py."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tipbrief.briefs.changes import Changes, changes_between
from tipbrief.briefs.editions import MAX_EDITION_BYTES, read_edition
from tipbrief.common.errors import InputError
from tipbrief.common.yamlsafe import display_path

_HOW = "pass the NAME.json that an earlier `tipbrief build` wrote, or a folder of them"


@dataclass(frozen=True, slots=True)
class EarlierFile:
    """The bytes of one brief's earlier edition, read once; parsed where the brief is rendered."""

    where: str
    """How messages name the file."""
    data: bytes
    explicit: bool
    """Named by --since (checked before anything is built), not found in the output folder."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _read(path: Path, where: str) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_EDITION_BYTES + 1)
    except FileNotFoundError:
        raise InputError([f"{where}:1:1: no such file or folder; {_HOW}"]) from None
    except OSError as err:
        raise InputError([f"{where}:1:1: cannot read it ({err.strerror or err}); {_HOW}"]) from None
    return data


def earlier_editions(names: Sequence[str], out: Path, since: Sequence[Path] = ()) -> dict[str, EarlierFile]:
    """The earlier edition of each brief named (by spec name) that has one.

    With ``since`` (files, or folders holding NAME.json), those are the earlier editions, each
    checked now, so that a broken or foreign one stops the build before anything is written; a
    brief with none among them is a first edition. Without, a brief's earlier edition is OUT/NAME.json
    when the previous build wrote one (read as it is rendered, and only when it says what changed).
    """
    found: dict[str, EarlierFile] = {}
    if not since:
        for name in names:
            path = out / f"{name}.json"
            if path.is_file():
                found[name] = EarlierFile(display_path(path), _read(path, display_path(path)), explicit=False)
        return found
    problems: list[str] = []
    for given in since:
        # A folder's NAME.json must be NAME's edition; a file, the edition of a brief being built.
        candidates: list[tuple[Path, str | None]]
        if given.is_dir():
            candidates = [(given / f"{n}.json", n) for n in names if (given / f"{n}.json").is_file()]
        else:
            candidates = [(given, names[0] if len(names) == 1 else None)]
        for path, expected in candidates:
            where = display_path(path)
            try:
                data = _read(path, where)
                edition = read_edition(data, where, expected)
            except InputError as err:
                problems.extend(err.problems)
                continue
            if edition.name not in names:
                shown = ", ".join(repr(n) for n in names)
                problems.append(
                    f"{where}:1:1: is an edition of the brief {edition.name!r}, which this build does not "
                    f"build (it builds {shown}); pass the JSON of one of them"
                )
            elif edition.name in found:
                problems.append(
                    f"{where}:1:1: is a second earlier edition of {edition.name!r} (the first is "
                    f"{found[edition.name].where}); pass one"
                )
            else:
                found[edition.name] = EarlierFile(where, data, explicit=True)
    if problems:
        raise InputError(problems)
    return found


def compare_files(old: Path, new: Path) -> tuple[str, Changes]:
    """The brief's name and what changed from the edition in file ``old`` to the one in ``new``
    (two brief JSON files of one brief); InputError, one line per file, for what is not."""
    where_old, where_new = display_path(old), display_path(new)
    earlier = read_edition(_read(old, where_old), where_old)
    later = read_edition(_read(new, where_new), where_new, earlier.name)
    return earlier.name, changes_between(earlier, later)
