"""Write a build's outputs: each staged beside its target, then renamed under the folder's lock,
the manifest last."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import tipbrief
from tipbrief.briefs.render_json import dump_json
from tipbrief.common.errors import BuildError

MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class Output:
    """One file of a build, held in memory until everything has been rendered."""

    name: str
    """File name inside the output folder."""
    data: bytes
    brief: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` (same folder, so the rename is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


# What stage() names a temporary file: "." + the output's name + mkstemp's 8 characters + ".tmp".
_STAGED = re.compile(r"\..+\.(?:md|html|pdf|json)\.[a-z0-9_]{8}\.tmp")


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[int | None]:
    """Hold an exclusive lock on ``folder`` itself (no lock file to leave behind) and yield its
    descriptor: builds into one folder then write one after the other, each its whole set of
    files and its manifest. The kernel drops the lock when a build dies, even by SIGKILL."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix":
        yield None
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def write_all(
    files: Sequence[tuple[Path, bytes]], folder: Path | None = None, *, skip_unchanged: bool = False
) -> None:
    """Stage every file, then rename each over its target in order: readers never see half a file,
    and a failure while staging (a full disk) leaves every previous output as it was.

    With ``folder`` (where every file goes), this runs under the folder's lock and first removes
    temporary files that a killed build left: no build holds the lock, so none is being written.
    ``skip_unchanged`` leaves files that already hold exactly their bytes alone (checked under the
    lock, so that another build cannot change them between the check and the manifest).
    """
    with locked(folder) if folder is not None else contextlib.nullcontext() as fd:
        if folder is not None:
            for stale in folder.iterdir():
                if _STAGED.fullmatch(stale.name):
                    stale.unlink(missing_ok=True)
        if skip_unchanged:
            files = [(path, data) for path, data in files if not _holds(path, data)]
        staged: list[tuple[Path, Path]] = []
        try:
            for path, data in files:
                staged.append((stage(path, data), path))
        except OSError as err:
            for tmp, _ in staged:
                tmp.unlink(missing_ok=True)
            raise BuildError(f"{path}: cannot write: {err.strerror or err}; nothing was replaced") from None
        for tmp, path in staged:
            os.replace(tmp, path)
        if fd is not None and staged:
            os.fsync(fd)  # the renames themselves survive a power cut


def manifest(outputs: Sequence[Output], warnings: Sequence[str]) -> bytes:
    return dump_json(
        {
            "tipbrief": tipbrief.__version__,
            "outputs": [
                {"path": o.name, "brief": o.brief, "bytes": len(o.data), "sha256": o.sha256}
                for o in sorted(outputs, key=lambda o: o.name)
            ],
            "warnings": list(warnings),
        }
    )


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
