"""tipbrief: briefing documents on ASEAN's work against trafficking in persons, built from news articles."""

__version__ = "0.1.0"
