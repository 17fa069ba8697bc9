"""The brief side: spec → select → Markdown → HTML → PDF (and the brief's JSON).

May import ``tipbrief.facts`` and ``tipbrief.common``. Only ``render_pdf`` imports WeasyPrint.
"""
