"""Resolve: the only stage that looks across articles.

- ``dates``: one event's date, the intersection of every constraint its candidates carry, with
  summits, meetings and offices identified, and contradictions kept as conflicts;
- ``events``: candidates grouped by key, merged where they are one event, resolved and given ids
  (one algorithm for a build from scratch and an incremental one, ``update_events``);
- ``mentions``: the corpus's dates, mentions and glossary, in document order;
- ``records`` and ``labels``: what those share.
"""
