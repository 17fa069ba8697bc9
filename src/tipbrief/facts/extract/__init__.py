"""Extract, per article: dates, places, bodies, people, instruments, and event candidates with
their date constraints, each with offsets into the original text.

Pure and per article (so it can be cached and run in workers). ``article.extract_article`` runs
the rules in this order:

1. ``sentences``: sentences, acronym definitions (the glossary), tense;
2. ``names``: places, bodies, people and their offices;
3. ``instruments``: conventions, declarations and plans, matched to reference rows;
4. ``dates``: the article's own anchor, then every stated or relative date;
5. ``events``: one candidate per sentence that states an event;
6. ``links``: candidates tied to the meetings and events they refer back to.

``records`` holds what they give; ``patterns`` the expressions they share.
"""
