"""Where each imported article goes in the corpus folder, and whether that clashes with what is there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tipbrief.common.errors import InputError
from tipbrief.ingest.model import ImportedArticle
from tipbrief.ingest.names import article_name
from tipbrief.ingest.sidecar import dump_sidecar

State = Literal["new", "unchanged", "replaced"]


@dataclass(frozen=True, slots=True)
class Planned:
    """One article's two files, their bytes, and what writing them would do."""

    article: ImportedArticle
    text_path: Path
    meta_path: Path
    text: bytes
    meta: bytes
    state: State


def plan_import(
    articles: Sequence[ImportedArticle],
    folder: Path,
    *,
    force: bool = False,
    name: str | None = None,
    read: Callable[[Path], bytes | None] | None = None,
) -> tuple[Planned, ...]:
    """Each article's files in ``folder``; InputError listing every clash: with another article of
    this import, or with files already there that hold something else (unless ``force``). Files
    that already hold exactly these bytes are ``unchanged``: importing again changes nothing.
    ``read`` gives a file's bytes or None (default: from disk)."""
    read = read or _read
    plans: list[Planned] = []
    problems: list[str] = []
    taken: dict[str, ImportedArticle] = {}
    shown = folder.as_posix().rstrip("/")
    for article in articles:
        stem = name or article_name(article.title, article.file_name)
        text_path, meta_path = folder / f"{stem}.txt", folder / f"{stem}.meta.yaml"
        if stem in taken:
            problems.append(
                f"{article.source}:1:1: its article would be {shown}/{stem}.txt, as {taken[stem].source}'s "
                "is; import it on its own with --name NAME"
            )
            continue
        taken[stem] = article
        text = article.text.encode("utf-8")
        meta = dump_sidecar(article).encode("utf-8")
        before = (read(text_path), read(meta_path))
        if before == (text, meta):
            state: State = "unchanged"
        elif before == (None, None):
            state = "new"
        elif force:
            state = "replaced"
        else:
            problems.append(
                f"{article.source}:1:1: {shown}/{stem}.txt already holds another article (or another "
                "version of this one); pass --force to replace it, or --name NAME to keep both"
            )
            continue
        plans.append(Planned(article, text_path, meta_path, text, meta, state))
    if problems:
        raise InputError(problems)
    return tuple(plans)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
