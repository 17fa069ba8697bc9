"""Event identity, places and recall on sentences written for the tests (fixtures/event_identity.yaml),
and the identity rule's parts: keys, and places that can be one event's."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tipbrief.facts.extract.records import identity_key, parse_key
from tipbrief.facts.model import Event, Place
from tipbrief.facts.resolve.events import places_agree

CASES = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "event_identity.yaml").read_text(encoding="utf-8")
)


def events_of(*texts: str, fold: bool = True) -> tuple[Event, ...]:
    """The fact base of the articles, each folded to one paragraph unless its paragraphs matter
    (entries of a timeline or a fact box)."""
    from tipbrief.facts.corpus import parse_article
    from tipbrief.facts.extract.article import extract_article
    from tipbrief.facts.gazetteer import build_gazetteer
    from tipbrief.facts.reference import load_reference
    from tipbrief.facts.resolve.events import resolve_events

    gaz = build_gazetteer(load_reference())
    extractions = [
        extract_article(
            parse_article(f"t{i}", f"t{i}.txt", " ".join(text.split()) if fold else text, gaz.outlets), gaz
        )
        for i, text in enumerate(texts)
    ]
    return resolve_events(extractions)


def matches(event: Event, want: dict[str, Any]) -> bool:
    if event.kind != want["kind"] or want["title"].casefold() not in event.title.casefold():
        return False
    if want.get("whole_title") and event.title != want["title"]:
        return False  # (the title is exactly this: nothing runs on after the name)
    if "earliest" in want and event.date.earliest != want["earliest"]:
        return False
    if "latest" in want and event.date.latest != want["latest"]:
        return False
    if any(key in want and getattr(event, key) != want[key] for key in ("party", "ordinal")):
        return False
    return "place" not in want or (event.place.name if event.place else None) == want["place"]


def describe(events: tuple[Event, ...]) -> list[str]:
    return [f"{e.kind}: {e.title} [{e.date.label}] @ {e.place.name if e.place else None}" for e in events]


def assert_one(events: tuple[Event, ...], want: dict[str, Any]) -> None:
    """Exactly one event is the one wanted."""
    assert len([e for e in events if matches(e, want)]) == 1, (want, describe(events))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_event_identity_case(case: dict[str, Any]) -> None:
    events = events_of(*case["articles"], fold=not case.get("paragraphs"))
    for want in case["events"]:
        assert_one(events, want)
    if case.get("only"):
        assert len(events) == len(case["events"]), describe(events)


def test_the_identity_key_names_the_name_only_without_a_subject() -> None:
    assert identity_key("deposit", "actip", "Viet Nam", None, "ignored") == "deposit|actip|Viet Nam||"
    assert identity_key("meeting", "AMMTC", "", 16, "ignored") == "meeting|AMMTC||16|"
    key = identity_key("workshop", "", "", None, "regional workshop on shelters")
    assert parse_key(key) == ("workshop", "", "", None, "regional workshop on shelters")


def test_a_country_and_a_city_in_it_can_be_one_place() -> None:
    cebu, philippines = Place("Cebu", "Philippines"), Place("Philippines", "Philippines")
    assert places_agree(cebu, philippines) and places_agree(philippines, cebu)
    assert places_agree(cebu, None)
    assert not places_agree(cebu, Place("Manila", "Philippines"))
    assert not places_agree(cebu, Place("Indonesia", "Indonesia"))


def test_dates_in_the_fixture_are_dates() -> None:
    for case in CASES:
        for want in case["events"]:
            assert all(
                want[k] is None or isinstance(want[k], date) for k in ("earliest", "latest") if k in want
            ), case["name"]


def test_a_yearly_report_without_its_edition_stays_with_its_own_article() -> None:
    # The second article is dated only "after December 2024", so its September has no year; it
    # must not become the 2022 release the first reports.
    events = events_of(
        "PHNOM PENH, 21 July 2022 (Khmer Times) -- Officials met online yesterday as the US State "
        "Department released its annual Trafficking in Persons Report.",
        "UNODC's Global Report on Trafficking in Persons, launched in December 2024, found more child "
        "victims, and the US State Department's annual Trafficking in Persons Report, published in "
        "September last year, again named scam compounds in the region.",
    )
    tip = [e for e in events if e.title.endswith("Trafficking in Persons Report")]
    assert sorted(tuple(sorted({s.document for s in e.sources})) for e in tip) == [("t0",), ("t1",)]


def test_a_bulleted_timeline_entrys_date_is_its_events_and_names_the_edition() -> None:
    # Paragraphs matter here (each bullet is an entry), so the text is not folded as in the cases.
    text = (
        "FACTBOX-Two reports on trafficking\n\n"
        "* June 27, 2011 - The 2011 Trafficking in Persons Report moves the Philippines up to Tier 2.\n\n"
        "* Dec. 12, 2012 - UNODC publishes a Global Report on Trafficking in Persons.\n\n"
        "* Nov. 24, 2014 - UNODC's next Global Report, launched in Vienna, finds more child victims.\n\n"
        "* December 2024 - UNODC's Global Report on Trafficking in Persons 2024 records more victims.\n"
    )
    events = events_of(text, fold=False)
    found = sorted((e.date.earliest, e.date.latest, e.title) for e in events if e.kind == "publication")
    # An entry that opens with a recorded edition is its release; the day an edition was released
    # on names it; two days are two editions.
    assert found == [
        (date(2011, 6, 27), date(2011, 6, 27), "Publication of the 2011 Trafficking in Persons Report"),
        (
            date(2012, 12, 12),
            date(2012, 12, 12),
            "Publication of the 2012 Global Report on Trafficking in Persons",
        ),
        (date(2014, 11, 24), date(2014, 11, 24), "Launch of the 2014 Global Report"),
        (
            date(2024, 12, 11),
            date(2024, 12, 11),
            "Publication of the Global Report on Trafficking in Persons",
        ),
    ], describe(events)


def test_a_fact_boxs_labels_are_the_numbered_meetings_of_the_series_its_headline_names() -> None:
    text = (
        "FACTBOX - The Bali Process ministerial conferences\n\n"
        "Some facts about the process:\n\n"
        "* SECOND CONFERENCE: 29-30 April 2003, Bali. Ministers agreed to set up two expert groups.\n\n"
        "* SEVENTH CONFERENCE: 7 August 2018, Bali. Ministers welcomed a business forum, which had held "
        "its first meeting in Perth the previous year.\n"
    )
    events = events_of(text, fold=False)
    wanted = [
        {
            "kind": "conference",
            "title": "Second Conference of the BPMC",
            "ordinal": 2,
            "earliest": date(2003, 4, 29),
            "latest": date(2003, 4, 30),
            "place": "Bali",
        },
        {
            "kind": "conference",
            "title": "Seventh Conference of the BPMC",
            "ordinal": 7,
            "earliest": date(2018, 8, 7),
            "latest": date(2018, 8, 7),
            "place": "Bali",
        },
        # "the previous year" counts from the entry's year, not from an article date there is none of.
        {
            "kind": "meeting",
            "title": "First meeting",
            "earliest": date(2017, 1, 1),
            "latest": date(2017, 12, 31),
        },
    ]
    for want in wanted:
        assert_one(events, want)


def test_a_list_of_releases_dates_each_edition_it_names_by_year() -> None:
    text = (
        "FACTBOX - UNODC's Global Report on Trafficking in Persons, edition by edition\n\n"
        "Here are some of the editions:\n\n"
        "* Global Report 2012 - released 12 December 2012. Found that women and girls were most victims.\n\n"
        "* Global Report 2024 - released Dec. 11. Reported a sharp rise in child victims.\n"
    )
    events = events_of(text, fold=False)
    # The year after the short name is the edition's; its release day is on record.
    for title, day in (
        ("Global Report 2012", date(2012, 12, 12)),
        ("Global Report 2024", date(2024, 12, 11)),
    ):
        want = {"kind": "publication", "title": title, "earliest": day, "latest": day}
        assert_one(events, want)


def test_a_meeting_stated_twice_is_titled_as_its_series_numbers_it() -> None:
    factbox = (
        "FACTBOX - The Bali Process ministerial conferences\n\n"
        "Some facts about the process:\n\n"
        "* EIGHTH CONFERENCE: 10 February 2023, Adelaide. Ministers adopted a new strategy.\n"
    )
    release = (
        "BANGKOK, 21 February 2023 – Thailand's delegation attended the 8th Bali Process Ministerial "
        "Conference in Adelaide, Australia, from 8 to 10 February 2023.\n"
    )
    events = [e for e in events_of(factbox, release, fold=False) if e.kind == "conference"]
    # "8th Bali Process Ministerial Conference" over "Eighth Conference of the BPMC": the longer of
    # two titles that number the meeting as its series does.
    assert [e.title for e in events] == ["8th Bali Process Ministerial Conference"], describe(tuple(events))


def test_a_press_releases_dateline_under_its_standfirst_places_and_dates_what_happened_today() -> None:
    # Paragraphs matter: the headline, the standfirst, then the dateline on a line of its own.
    text = (
        "50 million people worldwide in modern slavery\n\n"
        "New global estimates show forced labour and forced marriage have risen sharply.\n\n"
        "GENEVA (ILO News) – 12 September 2022\n\n"
        "Fifty million people were living in modern slavery in 2021, according to the latest Global\n"
        "Estimates of Modern Slavery released today by the International Labour Organization.\n"
    )
    (event,) = events_of(text, fold=False)
    assert (event.kind, event.date.earliest, event.date.latest) == (
        "publication",
        date(2022, 9, 12),
        date(2022, 9, 12),
    )
    assert event.place is not None and event.place.name == "Geneva"


def test_an_entry_of_tiers_in_a_list_of_releases_is_the_edition_released_that_day() -> None:
    # Paragraphs matter: each bullet is an entry with its own date.
    text = (
        "FACTBOX-U.S. reports on trafficking and Southeast Asia\n\n"
        "Key releases of the State Department's annual Trafficking in Persons (TIP) Report:\n\n"
        "* June 27, 2011 - The 2011 TIP Report moves the Philippines up to Tier 2.\n\n"
        "* July 27, 2015 - Malaysia moves up to the Tier 2 Watch List; Thailand stays in Tier 3.\n\n"
        "* March 3, 2016 - Thailand says it will leave Tier 3 soon.\n"
    )
    # (No edition came out on 3 March 2016: that entry is none.)
    found = sorted((e.date.earliest, e.date.latest, e.title) for e in events_of(text, fold=False))
    assert found == [
        (date(2011, 6, 27), date(2011, 6, 27), "Publication of the 2011 TIP Report"),
        (date(2015, 7, 27), date(2015, 7, 27), "Publication of the 2015 Trafficking in Persons Report"),
    ]


def test_a_name_never_ends_on_a_joining_word() -> None:
    (event,) = events_of(
        "WASHINGTON, July 27 (Reuters) - Malaysia hosted an emergency meeting of ASEAN ministers on the "
        "regional migrant boat crisis earlier this month and has pressed its neighbours to act."
    )
    assert event.title == "Emergency meeting of ASEAN ministers on the regional migrant boat crisis"


def test_a_summit_named_with_its_city_told_by_its_country_is_named_without_it() -> None:
    events = events_of(
        "VIENTIANE, Nov 29 (KPL) – Leaders of the ten ASEAN member countries today adopted a declaration "
        "at the 10th ASEAN Summit in the Lao capital."
    )
    assert [e.title for e in events if e.kind == "summit"] == ["10th ASEAN Summit"]


def test_a_programme_launched_is_titled_with_the_acronym_it_is_known_by() -> None:
    events = events_of(
        "BANGKOK, 1 August 2019 – Foreign Minister Marise Payne said at the launch of the ASEAN-Australia "
        "Counter Trafficking (ASEAN-ACT) programme that it extended 15 years of support."
    )
    assert [e.title for e in events if e.kind == "launch"] == [
        "Launch of the ASEAN-Australia Counter Trafficking (ASEAN-ACT)"
    ]


def test_a_numbered_meeting_is_not_the_other_numbered_meeting_its_sentence_names() -> None:
    """ "The 28th APSC Council reviewed it again, and last month the 25th SOMTC in Putrajaya promised
    a legal handbook": the Council's reference row is no occasion of the SOMTC, whose own row alone
    dates it."""
    from tipbrief.facts.corpus import parse_article
    from tipbrief.facts.extract.article import extract_article
    from tipbrief.facts.gazetteer import build_gazetteer
    from tipbrief.facts.reference import load_reference

    gaz = build_gazetteer(load_reference())
    text = (
        "JAKARTA, 30 July 2025 – The 28th APSC Council reviewed it again, and last month the 25th SOMTC"
        " in Putrajaya promised a legal handbook."
    )
    extraction = extract_article(parse_article("t", "t.txt", text, gaz.outlets), gaz)
    somtc = [c for c in extraction.events if c.ordinal == 25]
    assert len(somtc) == 1, [c.title for c in extraction.events]
    assert [i.text for i in somtc[0].identifications] == ["25th SOMTC"]


def test_a_fact_box_label_with_its_owner_after_it_is_not_the_series_the_article_names() -> None:
    """ "* June 3-5 – Sixth meeting of the expert working group drafting the convention, Yangon", in a
    fact box that also names "the ninth ASEAN Ministerial Meeting on Social Welfare and Development":
    the meeting is the group's, not the sixth ASEAN (Foreign) Ministerial Meeting, whose alias only
    begins the AMMSWD's name."""
    text = (
        "FACTBOX-ASEAN's regional tools for women and child victims of trafficking\n\n"
        "Updated: 8 March 2017\n\n2014\n"
        "* June 3-5 – Sixth meeting of the expert working group drafting the convention, Yangon.\n\n2016\n"
        "* Sept 28 – ACWC launches its regional review, Jakarta. The ninth ASEAN Ministerial Meeting on"
        " Social Welfare and Development followed the next day.\n"
    )
    events = events_of(text, fold=False)
    sixth = [e for e in events if e.ordinal == 6]
    assert len(sixth) == 1, describe(events)
    assert "Foreign Ministers" not in sixth[0].title, describe(events)
    assert (sixth[0].date.earliest, sixth[0].date.latest) == (date(2014, 6, 3), date(2014, 6, 5))


def test_a_story_filed_the_day_before_its_page_counts_its_today_from_its_own_day() -> None:
    # The evidence a reader sees names the day "today" counts from: the story's, not the page's.
    events = events_of(
        "THE RIVER GAZETTE | Page 3 | Thursday, April 8, 2010\n\n"
        "HA NOI, April 7 (VNA) - The ASEAN Commission on the Promotion and Protection of the Rights of "
        "Women and Children (ACWC) was inaugurated here today.\n",
        fold=False,
    )
    launch = next(e for e in events if e.kind == "launch")
    notes = [ev.note for ev in launch.date.evidence]
    assert "“today” counted from the day the story it stands in was filed, 7 April 2010" in notes, notes
