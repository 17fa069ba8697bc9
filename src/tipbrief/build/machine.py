"""What this machine has and lacks for tipbrief: WeasyPrint's system libraries and optional tools."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

APT = "sudo apt-get install"


@dataclass(frozen=True, slots=True)
class Check:
    """One thing tipbrief uses from the machine, and whether the machine has it."""

    name: str
    found: bool
    required: bool
    """Without it, tipbrief cannot build a PDF; the others only cost a convenience."""
    detail: str
    """What it is for, and what its absence means."""
    install: str
    """The command that installs it (Debian and Ubuntu)."""


def check_rendering() -> tuple[Check, Check]:
    """WeasyPrint with its libraries (Pango, HarfBuzz, fontconfig), then libharfbuzz-subset0."""
    from tipbrief.build.cache import weasyprint_version

    try:
        # Imported here: loading WeasyPrint is what fails when its libraries are missing.
        from tipbrief.briefs.render_pdf import machine_libraries

        pango, has_subset = machine_libraries()
    except OSError as err:  # cffi's word for a shared library it cannot load
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        weasyprint = Check(
            "Pango and HarfBuzz",
            False,
            True,
            f"WeasyPrint cannot load them ({first}), so no PDF can be built",
            f"{APT} libpango-1.0-0 libpangoft2-1.0-0",
        )
        subset = Check("libharfbuzz-subset0", False, False, "not checked: WeasyPrint does not load", "")
        return weasyprint, subset
    weasyprint = Check(
        "Pango and HarfBuzz",
        True,
        True,
        f"WeasyPrint {weasyprint_version()} lays out and prints PDFs with Pango {pango}",
        f"{APT} libpango-1.0-0 libpangoft2-1.0-0",
    )
    same = (
        "tipbrief subsets fonts with fontTools on every machine, "
        "so a PDF is the same bytes with or without it"
    )
    subset = Check(
        "libharfbuzz-subset0",
        has_subset,
        False,
        f"unused: {same}"
        if has_subset
        else f"not needed: {same}; WeasyPrint says its future versions will "
        "require it, and logs a notice on each PDF it prints without it",
        f"{APT} libharfbuzz-subset0",
    )
    return weasyprint, subset


def check_machine() -> tuple[Check, ...]:
    """Every check, the required ones first."""
    return (
        *check_rendering(),
        Check(
            "pdftoppm",
            shutil.which("pdftoppm") is not None,
            False,
            "draws the README's page pictures in `make previews`",
            f"{APT} poppler-utils",
        ),
    )
