"""The sidecar of an imported article: its metadata as YAML that the corpus reads back."""

from __future__ import annotations

from typing import Any

import yaml

from tipbrief.ingest.model import ImportedArticle

HEADER = "# Written by `tipbrief import`; edit a value to correct it (the fact base reads this file).\n"


def dump_sidecar(article: ImportedArticle) -> str:
    """``NAME.meta.yaml``: title, outlet, author, published, language, url and the imported file's
    name, in that order; a value the input did not give is left out."""
    fields: dict[str, Any] = {
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "url": article.url,
        "imported_from": article.file_name or None,
    }
    kept = {key: value for key, value in fields.items() if value is not None}
    # Plain scalars only (no tags, no anchors), so that the corpus's safe YAML reader takes it.
    return HEADER + yaml.safe_dump(kept, sort_keys=False, allow_unicode=True, width=1000)
