"""The fact side: articles → corpus → temporal expressions and extractors → resolve → fact base.

Pure stages on typed records (``model``); reads only articles, reference data and overrides.
May import ``tipbrief.common``; never the brief side, the build machinery or the commands.
"""
