"""The thin click CLI: parse options, call one library function, map errors to exit codes."""

from __future__ import annotations

import importlib

import click

from tipbrief import __version__

# Each command lives in its own module and is imported only when used, so that
# `tipbrief --help` stays fast and never imports WeasyPrint.
COMMANDS: dict[str, str] = {
    "build": "tipbrief.commands.build:build",
    "clean": "tipbrief.commands.clean:clean",
    "diff": "tipbrief.commands.diff:diff",
    "doctor": "tipbrief.commands.doctor:doctor",
    "events": "tipbrief.commands.events:events",
    "facts": "tipbrief.commands.facts:facts",
    "import": "tipbrief.commands.import_:import_",
    "new": "tipbrief.commands.new:new",
    "preview": "tipbrief.commands.preview:preview",
    "schema": "tipbrief.commands.schema:schema",
    "validate": "tipbrief.commands.validate:validate",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tipbrief")
def cli() -> None:
    """Build briefing documents on ASEAN's work against trafficking in persons.

    Example: tipbrief build briefs/asean-us-tip-chronology.yaml
    """


def main() -> None:
    cli(prog_name="tipbrief")
