"""Entry point for ``python -m tipbrief``."""

from tipbrief.cli import main

main()
