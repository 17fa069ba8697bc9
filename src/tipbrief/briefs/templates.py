"""Where a brief's templates come from (the project's templates/ first, then the package's), and
their compiled code kept across builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

PACKAGE_TEMPLATES = Path(__file__).parent.parent / "templates"


def template_dirs(project: Path | None) -> tuple[Path, ...]:
    """Where templates are looked up: the project's templates/ first, then the package's defaults."""
    dirs = []
    if project is not None and (project / "templates").is_dir():
        dirs.append(project / "templates")
    dirs.append(PACKAGE_TEMPLATES)
    return tuple(dirs)


class TemplateBytecode:
    """Compiled Jinja2 templates kept for the next build, one store per kind of environment.

    Jinja2 keys compiled code by template name and source checksum, not by the environment's
    options, so the Markdown and the HTML environments each get their own ``namespace``. The
    entries are saved in the build cache under a key of tipbrief's code and the library versions,
    so a changed environment or Jinja2 never reads old code. Compiling the templates was the
    largest share of what a build adds to WeasyPrint's own time.
    """

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}
        self.added = False

    def store(self, namespace: str) -> Any:
        """A jinja2.BytecodeCache reading and writing this store's ``namespace``."""
        import jinja2

        owner = self

        class Store(jinja2.BytecodeCache):
            def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
                data = owner.entries.get(f"{namespace}:{bucket.key}")
                if data is not None:
                    bucket.bytecode_from_string(data)

            def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
                owner.entries[f"{namespace}:{bucket.key}"] = bucket.bytecode_to_string()
                owner.added = True

        return Store()


TEMPLATE_BYTECODE = TemplateBytecode()
"""Process-wide: every Environment the render stages create shares it."""
