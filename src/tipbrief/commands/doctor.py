"""`tipbrief doctor`: say what this machine lacks for tipbrief, and the command that installs it."""

from __future__ import annotations

import sys

import click


@click.command()
def doctor() -> None:
    """List what tipbrief uses from this machine, what is missing, and how to install it.

    Exits with 1 when something a build needs is missing (no PDF can be printed), 0 otherwise:
    the optional tools only make a build slower or a `make` target unavailable.

    Example: tipbrief doctor
    """
    from tipbrief.build.machine import check_machine

    checks = check_machine()
    for check in checks:
        state = "ok" if check.found else "missing" if check.required else "absent"
        click.echo(f"{state:8} {check.name}: {check.detail}")
        if not check.found and check.install:
            click.echo(f"{'':8} install: {check.install}")
    if any(c.required and not c.found for c in checks):
        click.echo("tipbrief cannot print PDFs here: install what is missing above")
        sys.exit(1)
    click.echo("tipbrief can build every brief on this machine")
