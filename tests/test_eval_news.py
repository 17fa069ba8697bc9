"""The news-set evaluation's scoring functions, on tiny hand-made gold and tool events."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

# The benchmarks are a package of the repository, not of the installed project.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_dates import Expected, Found
from benchmarks.eval_news import (
    GoldArticle,
    GoldEvent,
    Match,
    ToolEvent,
    article_date_score,
    is_candidate,
    match_events,
    missed_merges,
    parse_gold,
    same_place,
    score_temporals,
    summarise_events,
    wrong_merges,
)
from benchmarks.scoring import contains

D = date


def gold(article: str, gid: str, truth: tuple[date, date], **kw: object) -> GoldEvent:
    fields: dict[str, object] = {
        "kind": "meeting",
        "subject": "AMMTC",
        "party": None,
        "ordinal": None,
        "keywords": ("AMMTC",),
        "tight": truth,
        "place": "Vientiane",
    }
    fields.update(kw)
    return GoldEvent(article, gid, truth=truth, **fields)  # type: ignore[arg-type]


def tool(eid: str, articles: set[str], lo: date | None, hi: date | None, **kw: object) -> ToolEvent:
    fields: dict[str, object] = {
        "kind": "meeting",
        "title": "18th AMMTC",
        "label": "",
        "place": "Vientiane",
        "actors": (),
    }
    fields.update(kw)
    return ToolEvent(eid, earliest=lo, latest=hi, articles=frozenset(articles), **fields)  # type: ignore[arg-type]


def test_contains_treats_an_open_side_as_everything() -> None:
    day = (D(2024, 8, 28), D(2024, 8, 28))
    assert contains((None, None), day)
    assert contains((D(2024, 8, 1), None), day)
    assert contains((D(2024, 8, 28), D(2024, 8, 28)), day)
    assert not contains((D(2024, 8, 29), None), day)
    assert not contains((D(2024, 1, 1), D(2024, 8, 27)), day)
    # an open gold side is contained only by an open tool side
    assert not contains((D(2023, 1, 1), D(2030, 1, 1)), (D(2024, 1, 1), None))
    assert contains((D(2023, 1, 1), None), (D(2024, 1, 1), None))


def test_candidate_needs_article_keyword_compatible_kind_and_party() -> None:
    g = gold("a.txt", "ammtc18", (D(2024, 8, 28), D(2024, 8, 28)))
    assert is_candidate(tool("t", {"a.txt", "b.txt"}, None, None), g)
    assert not is_candidate(tool("t", {"b.txt"}, None, None), g)  # another article
    assert not is_candidate(tool("t", {"a.txt"}, None, None, title="18th SOMTC"), g)  # no keyword
    assert not is_candidate(tool("t", {"a.txt"}, None, None, kind="workshop"), g)  # kind
    assert is_candidate(tool("t", {"a.txt"}, None, None, kind="dialogue", title="AMMTC talks"), g)
    deposit = gold(
        "a.txt", "dep_vn", (D(2017, 1, 5),) * 2, kind="deposit", party="Viet Nam", keywords=("ACTIP",)
    )
    assert is_candidate(
        tool("t", {"a.txt"}, None, None, kind="adoption", title="Vietnam deposits ACTIP"), deposit
    )
    assert is_candidate(
        tool("t", {"a.txt"}, None, None, kind="adoption", title="ACTIP", actors=("Viet Nam",)), deposit
    )
    assert not is_candidate(
        tool("t", {"a.txt"}, None, None, kind="adoption", title="Myanmar: ACTIP"), deposit
    )


def test_candidate_needs_the_gold_number_and_reads_the_tools_subject() -> None:
    g = gold("a.txt", "ammtc18", (D(2024, 8, 28), D(2024, 8, 28)), ordinal=18)
    assert is_candidate(tool("t", {"a.txt"}, None, None, ordinal=18), g)
    assert not is_candidate(tool("t", {"a.txt"}, None, None, ordinal=17, title="17th AMMTC"), g)
    assert is_candidate(tool("t", {"a.txt"}, None, None, title="18th AMMTC"), g)  # number unknown
    somtc = gold(
        "a.txt",
        "somtc13",
        (D(2013, 6, 19),) * 2,
        keywords=("Senior Officials' Meeting on Transnational Crime",),
    )
    assert is_candidate(
        tool("t", {"a.txt"}, None, None, title="13th Senior Officials Meeting on Transnational Crime"), somtc
    )
    by_subject = gold("a.txt", "somtc13", (D(2013, 6, 19),) * 2, keywords=("SOMTC",))
    assert is_candidate(tool("t", {"a.txt"}, None, None, title="13th meeting", subject="SOMTC"), by_subject)
    assert not is_candidate(
        tool("t", {"a.txt"}, None, None, title="13th meeting", subject="ACWC"), by_subject
    )


def test_a_numbered_acronym_keyword_matches_the_tools_number_and_series() -> None:
    # "7th AMMTC" in the gold, "7th ASEAN Ministerial Meeting on Transnational Crime" in the title.
    g = gold("a.txt", "ammtc7", (D(2009, 11, 16),) * 2, ordinal=7, keywords=("7th AMMTC",))
    title = "7th ASEAN Ministerial Meeting on Transnational Crime"
    assert is_candidate(tool("t", {"a.txt"}, None, None, title=title, ordinal=7, subject="AMMTC"), g)
    assert not is_candidate(tool("t", {"a.txt"}, None, None, title=title, ordinal=None, subject="AMMTC"), g)
    assert not is_candidate(tool("t", {"a.txt"}, None, None, title=title, ordinal=7, subject="SOMTC"), g)


def test_a_keyword_written_with_its_act_names_the_subject() -> None:
    # "ACTIP enters into force": the kind is the gold's; the keyword's subject is "ACTIP".
    g = gold(
        "a.txt",
        "actip_eif",
        (D(2017, 3, 8),) * 2,
        kind="entry-into-force",
        keywords=("ACTIP enters into force",),
    )
    title = "Entry into force of the ASEAN Convention Against Trafficking in Persons (ACTIP)"
    assert is_candidate(tool("t", {"a.txt"}, None, None, kind="entry-into-force", title=title), g)
    # An act's words alone name no subject: only that act itself matches, not a kind that may stand
    # for it (an adoption).
    bare = gold("a.txt", "x", (D(2017, 3, 8),) * 2, kind="entry-into-force", keywords=("entered into force",))
    assert is_candidate(tool("t", {"a.txt"}, None, None, kind="entry-into-force", title=title), bare)
    plan = "Adoption of the Bohol Trafficking in Persons Work Plan"
    assert not is_candidate(tool("t", {"a.txt"}, None, None, kind="adoption", title=plan), bare)


def test_an_asean_summit_title_matches_the_texts_bare_summit() -> None:
    # "their 10th summit" in the text, "10th ASEAN Summit" in the tool's title.
    g = gold(
        "a.txt", "summit10", (D(2004, 11, 29),) * 2, kind="summit", ordinal=10, keywords=("10th summit",)
    )
    assert is_candidate(tool("t", {"a.txt"}, None, None, kind="summit", title="10th ASEAN Summit"), g)
    eas = gold("a.txt", "eas1", (D(2005, 12, 14),) * 2, kind="summit", keywords=("East Asia Summit",))
    assert not is_candidate(tool("t", {"a.txt"}, None, None, kind="summit", title="11th ASEAN Summit"), eas)


def test_match_scores_dates_places_and_merges() -> None:
    day = (D(2024, 8, 28), D(2024, 8, 28))
    golds = [
        gold("a.txt", "ammtc18", day),
        gold("b.txt", "ammtc18", day, tight=(D(2023, 8, 28), None)),
        gold("c.txt", "ammtc18", day),
        gold("c.txt", "somtc_prep", (D(2024, 8, 27),) * 2, keywords=("SOMTC", "AMMTC"), place=None),
    ]
    events = [
        # one event for a.txt and b.txt: the merge done right; open upper side contains the truth
        tool("t1", {"a.txt", "b.txt"}, D(2023, 8, 28), None),
        # c.txt's AMMTC is a separate tool event (a missed merge), dated wrong, placed wrong
        tool("t2", {"c.txt"}, D(2031, 8, 28), D(2031, 8, 28), place="Hanoi"),
    ]
    matches = match_events(golds, events)
    assert [m.event.id if m.event else None for m in matches] == ["t1", "t1", "t2", "t2"]
    a, b, c, prep = matches
    assert a.contains_truth and not a.tight and a.place_right
    assert b.contains_truth and b.tight
    assert c.found and c.wrong_date and not c.place_right
    assert prep.wrong_date and not prep.place_right  # tool has a place, gold has none
    assert wrong_merges(matches) == {"t2": ("ammtc18", "somtc_prep")}
    assert missed_merges(matches) == {"ammtc18": ("t1", "t2")}
    s = summarise_events(matches)
    assert (s["gold_events"], s["gold_ids"], s["found"], s["contains_truth"], s["tight"]) == (4, 2, 4, 2, 1)
    assert (s["wrong_dates"], s["wrong_merges"], s["missed_merges"], s["places_right"]) == (2, 1, 1, 2)
    assert s["found_rate"] == 1.0 and s["contains_truth_rate"] == 0.5


def test_an_unclaimed_candidate_beats_one_claimed_by_another_gold_id() -> None:
    golds = [
        gold("a.txt", "dep_vn", (D(2017, 1, 5),) * 2, kind="deposit", keywords=("ACTIP",)),
        gold("a.txt", "dep_mm", (D(2017, 1, 16),) * 2, kind="deposit", keywords=("ACTIP",)),
    ]
    both = [
        tool("x", {"a.txt"}, D(2017, 1, 5), D(2017, 1, 16), kind="adoption", title="ACTIP"),
        # y is not tight either: only being unclaimed makes it beat x for Myanmar
        tool("y", {"a.txt"}, D(2017, 1, 16), D(2017, 1, 17), kind="adoption", title="ACTIP"),
    ]
    first, second = match_events(golds, both)
    assert first.event is not None and first.event.id == "x"  # x contains 5 January, y does not
    assert second.event is not None and second.event.id == "y"
    assert wrong_merges((first, second)) == {}
    # with one tool event for both, it is a wrong merge
    only = match_events(golds, both[:1])
    assert wrong_merges(only) == {"x": ("dep_mm", "dep_vn")}
    assert not Match(golds[0], None).found


def test_a_one_day_act_dated_within_the_golds_span_is_unsettled_not_wrong() -> None:
    span = (D(2021, 9, 28), D(2021, 9, 30))
    golds = [
        gold("a.txt", "bsb_adoption", span, kind="adoption", keywords=("Declaration",)),
        gold("a.txt", "ammtc15", span, keywords=("AMMTC",)),
        gold("a.txt", "roadmap", span, kind="adoption", keywords=("Roadmap",)),
        gold("a.txt", "deposit", (D(2021, 9, 29),) * 2, kind="deposit", keywords=("Instrument",)),
    ]
    events = [
        tool("d", {"a.txt"}, D(2021, 9, 28), D(2021, 9, 29), kind="adoption", title="Declaration"),
        # a meeting's span is its days, not an uncertainty: part of it is a wrong date
        tool("m", {"a.txt"}, D(2021, 9, 28), D(2021, 9, 29), kind="meeting", title="AMMTC"),
        # outside every day the gold allows: wrong
        tool("r", {"a.txt"}, D(2021, 10, 1), D(2021, 10, 2), kind="adoption", title="Roadmap"),
        # a gold day known exactly: anything not holding it is wrong
        tool("i", {"a.txt"}, D(2021, 9, 28), D(2021, 9, 28), kind="deposit", title="Instrument"),
    ]
    adoption, meeting, roadmap, deposit = match_events(golds, events)
    assert adoption.unsettled and not adoption.wrong_date and not adoption.contains_truth
    assert meeting.wrong_date and not meeting.unsettled
    assert roadmap.wrong_date and not roadmap.unsettled
    assert deposit.wrong_date and not deposit.unsettled
    s = summarise_events((adoption, meeting, roadmap, deposit))
    assert (s["wrong_dates"], s["unsettled"], s["contains_truth"]) == (3, 1, 0)


def test_a_keyword_may_be_a_whole_name_the_reference_data_records_for_the_instrument() -> None:
    cebu = gold("a.txt", "cebu", (D(2007, 1, 13),) * 2, kind="adoption", keywords=("Cebu Declaration",))
    bohol = gold("a.txt", "bohol", (D(2017, 11, 13),) * 2, kind="adoption", keywords=("Bohol TIP Work Plan",))
    cebu_title = (
        "Adoption of the ASEAN Declaration on the Protection and Promotion of the Rights of Migrant Workers"
    )
    cebu_names = ("Cebu Declaration", "Cebu Declaration on Migrant Workers")
    day = (D(2007, 1, 13), D(2007, 1, 13))
    declaration = tool("d", {"a.txt"}, *day, kind="adoption", title=cebu_title, names=cebu_names)
    plan2_title = "Adoption of the ASEAN Multi-Sectoral Work Plan Against Trafficking in Persons 2023-2028"
    plan2 = tool("p", {"a.txt"}, *day, kind="adoption", title=plan2_title, names=("Bohol TIP Work Plan 2.0",))
    assert is_candidate(declaration, cebu)
    assert not is_candidate(replace(declaration, names=()), cebu)
    # a keyword inside a longer recorded name is not that name
    assert not is_candidate(plan2, bohol)


def test_an_edition_the_tool_names_and_dates_right_is_never_another_edition() -> None:
    tip = ("Trafficking in Persons Report",)
    g2013 = gold("a.txt", "tip2013", (D(2013, 6, 19),) * 2, kind="publication", keywords=tip)
    g2014 = gold("a.txt", "tip2014", (D(2014, 6, 20),) * 2, kind="publication", keywords=tip)
    title = "Publication of the 2014 Trafficking in Persons Report"
    t2014 = tool("t", {"a.txt"}, D(2014, 6, 20), D(2014, 6, 20), kind="publication", title=title)
    first, second = match_events([g2013, g2014], [t2014])
    assert not first.found and not first.wrong_date  # the 2013 edition: not found, not misdated
    assert second.found and second.contains_truth
    assert wrong_merges((first, second)) == {}
    # With no gold edition it is dated right for, the tool's edition stays a candidate: a wrong date.
    (alone,) = match_events([g2013], [t2014])
    assert alone.found and alone.wrong_date


def test_parse_gold_locates_temporals_in_order_and_rejects_missing_text() -> None:
    texts = {"a.txt": "PUTRAJAYA, Sept 25 -- opened today; the AMMTC meets in October. It ended today."}
    source = """
articles:
  a.txt:
    written: {earliest: 2018-09-25, latest: 2018-09-25}
    written_tight: {earliest: null, latest: null}
    temporals:
      - {text: "Sept 25", earliest: 2018-09-25, latest: 2018-09-25}
      - {text: "today", earliest: 2018-09-25, latest: 2018-09-25}
      - {text: "October", earliest: 2018-10-01, latest: 2018-10-31}
      - {text: "today", earliest: 2018-09-25, latest: 2018-09-25}
    events:
      - {id: x, kind: meeting, subject: S, party: null, ordinal: 18, keywords: [AMMTC],
         truth: {earliest: 2018-10-01, latest: 2018-10-31}, tight: null, place: null, why: "w"}
"""
    (article,) = parse_gold(source, texts)
    starts = [t.start for t in article.temporals]
    assert starts == sorted(starts) and len(set(starts)) == 4
    assert texts["a.txt"][starts[3] : article.temporals[3].end] == "today" and starts[3] > starts[2]
    assert article.written_tight == (None, None)
    (event,) = article.events
    assert event.tight == (None, None) and event.keywords == ("AMMTC",) and event.ordinal == 18
    with pytest.raises(ValueError, match="'November'"):
        parse_gold(source.replace('text: "October"', 'text: "November"'), texts)


def test_article_dates_and_temporal_scores() -> None:
    text = "HANOI, 26 June 2018 - held on 21-22 June."
    lo, hi = text.index("21-22 June"), text.index("21-22 June") + len("21-22 June")
    a = GoldArticle(
        "a.txt",
        (D(2018, 6, 26),) * 2,
        (D(2018, 6, 26),) * 2,
        (
            Expected("26 June 2018", 7, 19, D(2018, 6, 26), D(2018, 6, 26)),
            Expected("21-22 June", lo, hi, D(2018, 6, 21), D(2018, 6, 22)),
        ),
        (),
    )
    b = GoldArticle("b.txt", (D(2019, 1, 1),) * 2, (None, None), (), ())
    dates = article_date_score([a, b], {"a.txt": (D(2018, 6, 26),) * 2, "b.txt": None})
    assert (dates["dated"], dates["contains_truth"], dates["tight"]) == (1, 1, 1)
    mentions = {
        "a.txt": (
            Found(7, 19, "26 June 2018", D(2018, 6, 26), D(2018, 6, 26)),
            Found(lo, hi, "21-22 June", D(2018, 6, 21), D(2018, 6, 21)),  # wrong value: one day
            Found(0, 5, "HANOI", None, None),  # no temporal there: a false positive
        )
    }
    results, skipped = score_temporals([a], {"a.txt": text}, mentions, peers={})
    assert skipped == []
    (ours,) = results
    assert ours["system"] == "tipbrief"
    assert (ours["found"], ours["expected"], ours["precision"], ours["recall"]) == (3, 2, 0.667, 1.0)
    assert ours["value_accuracy"] == 0.5


def test_a_partys_act_on_the_golds_subject_matches_whatever_the_keywords_quote() -> None:
    # "Cambodia and Singapore, which deposited their instruments in January": the keyword quotes the
    # text, the tool titles the act by its instrument; kind, subject and party say it is the one.
    actip = "ASEAN Convention Against Trafficking in Persons, Especially Women and Children"
    g = gold(
        "a.txt",
        "actip_deposit_cambodia",
        (D(2016, 1, 1), D(2016, 1, 31)),
        kind="deposit",
        subject=actip,
        party="Cambodia",
        keywords=("Cambodia and Singapore, which deposited",),
    )
    title = f"Deposit of the instrument of ratification of the {actip} (ACTIP)"
    assert is_candidate(
        tool("t", {"a.txt"}, None, None, kind="deposit", title=title, actors=("Cambodia",)), g
    )
    # Not another party's deposit, nor another kind, nor an act on another instrument.
    assert not is_candidate(
        tool("t", {"a.txt"}, None, None, kind="deposit", title=title, actors=("Thailand",)), g
    )
    assert not is_candidate(
        tool("t", {"a.txt"}, None, None, kind="signing", title=title, actors=("Cambodia",)), g
    )
    # A party's ratification stands for its deposit ("were the first to ratify, in January 2016").
    ratified = f"Ratification of the {actip}"
    assert is_candidate(
        tool("t", {"a.txt"}, None, None, kind="ratification", title=ratified, actors=("Cambodia",)), g
    )
    other = (
        "Deposit of the instrument of ratification of the Protocol of 2014 to the Forced Labour Convention"
    )
    assert not is_candidate(
        tool("t", {"a.txt"}, None, None, kind="deposit", title=other, actors=("Cambodia",)), g
    )


def test_the_golds_numbered_meeting_matches_whatever_the_keywords_quote() -> None:
    # "ministers on transnational crime gather in Melaka in September": the keyword quotes the text;
    # the tool names the 19th AMMTC. Series and number say it is the one.
    g = gold(
        "a.txt",
        "ammtc19",
        (D(2025, 9, 8), D(2025, 9, 12)),
        ordinal=19,
        keywords=("ministers on transnational crime",),
    )
    title = "19th ASEAN Ministerial Meeting on Transnational Crime"
    assert is_candidate(tool("t", {"a.txt"}, None, None, title=title, ordinal=19, subject="AMMTC"), g)
    # Not another number of the series, nor the number of another series.
    assert not is_candidate(tool("t", {"a.txt"}, None, None, title=title, ordinal=18, subject="AMMTC"), g)
    assert not is_candidate(
        tool("t", {"a.txt"}, None, None, title="19th SOMTC", ordinal=19, subject="SOMTC"), g
    )


def test_an_event_read_in_other_sentences_is_not_the_golds_event_dated_wrong() -> None:
    name = "ASEAN-Australia Special Summit"
    kw = {"kind": "summit", "subject": name, "keywords": (name,)}
    first = gold("a.txt", "sydney", (D(2018, 3, 17), D(2018, 3, 18)), **kw)
    quotes = (("a.txt", "Leaders attend the Melbourne summit, which opened here yesterday."),)
    melbourne = tool(
        "t", {"a.txt"}, D(2024, 3, 4), D(2024, 3, 6), kind="summit", title="ASEAN-Australia Special Summit"
    )
    # Judged on its title alone (no sentences), the other summit is this one dated wrong …
    (m,) = match_events([first], [melbourne])
    assert m.found and m.wrong_date
    # … but its sentences hold none of the gold's keywords: the gold's summit was not found.
    (m,) = match_events([first], [replace(melbourne, quotes=quotes)])
    assert not m.found and not m.wrong_date
    # A sentence that holds a keyword keeps it a candidate, and a wrong date stays one.
    said = (("a.txt", "It is the second ASEAN-Australia Special Summit, after the one in Sydney."),)
    (m,) = match_events([first], [replace(melbourne, quotes=quotes + said)])
    assert m.found and m.wrong_date
    # Dated right, it matches whatever its sentences say; so does one read in another article.
    right = replace(melbourne, earliest=D(2018, 3, 17), latest=D(2018, 3, 18), quotes=quotes)
    (m,) = match_events([first], [right])
    assert m.found and m.contains_truth
    (m,) = match_events([first], [replace(melbourne, quotes=(("b.txt", "No keyword."),))])
    assert m.found and m.wrong_date


def test_a_place_is_right_however_places_csv_spells_it() -> None:
    # "Ha Noi" and "Hanoi", "Rangoon" and "Yangon" are one city each (aliases of one row);
    # a city within another (Pasay in Metro Manila) or a different city is not the same place.
    assert same_place("Ha Noi", "Hanoi") and same_place("Rangoon", "yangon")
    assert same_place("Pasay City", "Pasay")
    assert not same_place("Pasay", "Manila") and not same_place("Bali", "Nusa Dua")
    assert same_place("Somewhere", "somewhere")  # (a name no row has: its letters)


def test_of_two_events_holding_the_truth_the_golds_own_kind_is_matched() -> None:
    # "The amended Law on …, which the National Assembly passed last November, takes effect on
    # 1 July. It replaces the law in force since January 2012": the tool's entry into force (1 July,
    # year unknown) is the amended law's, not the adoption's undated event, though both hold the
    # truth; the 2012 entry into force, which the tool did not find, is then no wrong date.
    law = "Law on Prevention and Combat of Human Trafficking"
    kw: dict[str, object] = {"subject": law, "keywords": (law,), "place": None}
    new = gold("a.txt", "law_2024_eif", (D(2025, 7, 1), D(2025, 7, 1)), kind="entry-into-force", **kw)
    old = gold("a.txt", "law_2011_eif", (D(2012, 1, 1), D(2012, 1, 1)), kind="entry-into-force", **kw)
    adopted = tool(
        "a-adoption", {"a.txt"}, None, None, kind="adoption", title=f"Adoption of the {law}", place=None
    )
    in_force = tool(
        "e-eif",
        {"a.txt"},
        D(2017, 3, 1),
        None,
        kind="entry-into-force",
        title=f"Entry into force of the {law}",
        place=None,
    )
    matches = match_events([new, old], [adopted, in_force])
    assert [(m.gold.id, m.event.id if m.event else None) for m in matches] == [
        ("law_2024_eif", "e-eif"),
        ("law_2011_eif", "a-adoption"),
    ]
    assert not any(m.wrong_date for m in matches)


def test_a_gold_with_no_party_whose_subject_names_a_country_is_not_another_countrys_act() -> None:
    # "EU IUU yellow card (Viet Nam)", keyword "yellow card": the tool's card for Thailand, in the
    # same article, is not it; its card for Viet Nam is (the European Union names no party).
    g = gold(
        "a.txt",
        "eu_yellow_card_vietnam_2017",
        (D(2017, 10, 23), D(2017, 10, 23)),
        kind="adoption",
        subject="EU IUU yellow card (Viet Nam)",
        keywords=("yellow card",),
        place=None,
    )
    title = "EU yellow card on illegal fishing for {}"
    assert not is_candidate(
        tool("t", {"a.txt"}, None, None, kind="adoption", title=title.format("Thailand")), g
    )
    assert is_candidate(tool("v", {"a.txt"}, None, None, kind="adoption", title=title.format("Viet Nam")), g)
    # A title that names no country says nothing either way.
    assert is_candidate(tool("x", {"a.txt"}, None, None, kind="adoption", title="EU yellow card"), g)
