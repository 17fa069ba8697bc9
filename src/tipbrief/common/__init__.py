"""Shared by every stage: errors and located problems, safe YAML, month names, word sets.

May import nothing else of tipbrief.
"""
