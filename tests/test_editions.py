"""Editions end to end: `tipbrief build --since` and `tipbrief diff` on a copy of the seeds, the changes
read back from the PDF (through pypdf), the brief JSON and the diff, with exact exit codes."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from tipbrief.build.briefs import build_briefs
from tipbrief.cli import cli
from tipbrief.facts.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
NAME = "asean-us-tip-chronology"
SPEC = ROOT / "briefs" / f"{NAME}.yaml"

# A new event in the brief's period, and a narrower date for the seminar that opens the period
# (narrower on its early side only, so the period itself does not move); see their README.
ARTICLES = ROOT / "tests" / "fixtures" / "editions"
NEW_EVENT = ARTICLES / "new_bangkok_workshop.txt"
NARROWER_DATE = ARTICLES / "yangon_seminar_2014.txt"
SEMINAR = "first-asean-us-seminar-on-trafficking-in-persons"
WORKSHOP = "regional-workshop-on-victim-identification-in-trafficking-in"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def files(folder: Path) -> dict[str, bytes]:
    return (
        {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.exists() else {}
    )


def make_project(folder: Path, *specs: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    (folder / "briefs").mkdir()
    for spec in specs or (SPEC,):
        shutil.copy(spec, folder / "briefs" / spec.name)
    return folder


def add_articles(project: Path) -> None:
    for article in (NEW_EVENT, NARROWER_DATE):
        shutil.copy(article, project / "seeds" / article.name)


@dataclass(frozen=True)
class Editions:
    project: Path
    first: dict[str, bytes]
    """The first edition's outputs (build/ before the articles were added)."""
    second: dict[str, bytes]
    """The outputs of the rebuild with --since the first edition's JSON."""


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editions]:
    """The chronology built on a copy of the seeds, then rebuilt with --since after two new articles."""
    project = make_project(tmp_path_factory.mktemp("editions") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        code, _, err = run("build", "--jobs", "1", "--format", "md", "--format", "json", "-q")
        assert code == 0, err
        first = files(project / "build")
        (project / "earlier").mkdir()
        (project / "earlier" / "first.json").write_bytes(first[f"{NAME}.json"])
        add_articles(project)
        code, _, err = run("build", "--jobs", "1", "--since", "earlier/first.json", "-q")
        assert code == 0, err
        yield Editions(project, first, files(project / "build"))


# ---- the two changes, in the PDF, the JSON and the diff -----------------------------------------------


def changes_section(pdf: bytes) -> tuple[str, str]:
    """The text of the PDF's changes section, and the text of the whole PDF."""
    from io import BytesIO

    pages = [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]
    text = "\n".join(pages)
    start = text.index("What changed since 1 March 2024\nCompared")
    end = text.index("Page ", start)  # the section fits on its page, which the footer closes
    return text[start:end], text


def test_the_pdf_lists_exactly_the_two_changes_with_citations(editions: Editions) -> None:
    section, whole = changes_section(editions.second[f"{NAME}.pdf"])
    assert "Compared with the edition of 1 March 2024, two changes" in section
    entries = re.findall(
        r"^(Date \w+|Added|Removed|Merged|Split|Retitled|Place|Sources|Period moved):", section, re.M
    )
    assert entries == ["Date narrowed", "Added"]
    assert (
        "First ASEAN–US seminar on trafficking in persons, now between\nJanuary 2014 and November 2014†"
        in section
    )
    assert "it was between September 2013 and November\n2014" in section
    # Each change ends with its citation number, and the note of that number quotes the passage.
    assert "The article says “2014”.1" in section
    assert re.search(r"Bangkok on 4-5 March\.”2", section)
    assert (
        "“2014” — article yangon_seminar_2014, 30 December 2014; seeds/yangon_seminar_2014.txt, characters"
        in whole
    )
    assert "in Bangkok on 4-5 March.” — article new_bangkok_workshop, 6 March 2019; seeds/" in whole
    # The contents list the section, and the timeline and chronology mark both events.
    assert "What changed since 1 March 2024 . ." in whole
    assert "REVISED" in whole and "NEW" in whole


def test_the_json_lists_the_two_changes_with_their_evidence(editions: Editions) -> None:
    data = json.loads(editions.second[f"{NAME}.json"])
    changes = data["changes"]
    assert changes["since"] == {
        "issued": "2024-03-01",
        "title": "ASEAN and the United States against trafficking in persons",
    }
    assert [(c["kind"], c["detail"], c["event"]["id"]) for c in changes["items"]] == [
        ("date", "narrowed", SEMINAR),
        ("added", "new-article", WORKSHOP),
    ]
    narrowed, added = changes["items"]
    assert (narrowed["before"], narrowed["after"]) == (
        "between September 2013 and November 2014",
        "between January 2014 and November 2014",
    )
    assert narrowed["dates_before"] == {"earliest": "2013-09-03", "latest": "2014-11-10"}
    assert narrowed["dates_after"] == {"earliest": "2014-01-01", "latest": "2014-11-10"}
    assert narrowed["evidence"] == [
        {
            "note": "the article says “2014”",
            "reference": None,
            "source": {"document": "yangon_seminar_2014", "start": 171, "end": 175, "quote": "2014"},
        }
    ]
    assert added["reason"] == "seeds/new_bangkok_workshop.txt"
    assert [c["source"]["document"] for c in added["evidence"]] == ["new_bangkok_workshop"]
    assert data["sections"][:3] == ["summary", "changes", "timeline"]
    assert {"id": "new_bangkok_workshop", "path": "seeds/new_bangkok_workshop.txt"}.items() <= next(
        d for d in data["corpus"] if d["id"] == "new_bangkok_workshop"
    ).items()


def test_the_markdown_marks_the_changed_events(editions: Editions) -> None:
    md = editions.second[f"{NAME}.md"].decode()
    assert (
        "### 1. *between January 2014 and November 2014*† — "
        "First ASEAN–US seminar on trafficking in persons **revised**" in md
    )
    assert re.search(
        r"— Regional workshop on victim identification in trafficking in persons cases \*\*new\*\*\n", md
    )
    assert md.count("**new**") == 3 and md.count("**revised**") == 3  # legend, intro, one event each
    first_md = editions.first[f"{NAME}.md"].decode()
    assert "What changed" not in first_md and "**new**" not in first_md


def test_diff_gives_the_same_two_changes_and_exits_1(editions: Editions) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(editions.project)
        code, out, err = run("diff", "earlier/first.json", f"build/{NAME}.json")
        assert (code, err) == (1, "")
        assert [line for line in out.splitlines() if not line.startswith("    ")] == [
            f"{NAME}: 2 changes since 1 March 2024",
            "~ date narrowed: First ASEAN–US seminar on trafficking in persons (between January 2014 and "
            f"November 2014, Yangon) [{SEMINAR}]: between September 2013 and November 2014 → between January "
            "2014 and November 2014",
            "+ added: Regional workshop on victim identification in trafficking in persons cases "
            f"(4–5 March 2019, Bangkok) [{WORKSHOP}]: reported by a new article "
            "(seeds/new_bangkok_workshop.txt)",
        ]
        assert "    the article says “2014”: yangon_seminar_2014:171-175 “2014”" in out.splitlines()
        code, out, _ = run("diff", "--format", "json", "earlier/first.json", f"build/{NAME}.json")
        assert code == 1
        assert json.loads(out) == {"brief": NAME, **json.loads(editions.second[f"{NAME}.json"])["changes"]}


# ---- the same inputs again ---------------------------------------------------------------------------


def test_the_same_inputs_again_give_the_same_bytes_and_no_changes(editions: Editions, tmp_path: Path) -> None:
    project = editions.project
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        # Without --since, the previous build is the earlier edition: the same edition, rebuilt.
        assert run("build", "--jobs", "1", "-q")[0] == 0
        assert files(project / "build") == editions.second
        # With --since that build: the same again.
        again = tmp_path / "again"
        assert run("build", "--jobs", "1", "-q", "--since", f"build/{NAME}.json", "--out", str(again))[0] == 0
        assert files(again) == editions.second
        assert run("diff", f"build/{NAME}.json", str(again / f"{NAME}.json")) == (
            0,
            f"{NAME}: no changes since 1 March 2024\n",
            "",
        )


def test_a_new_date_of_issue_with_nothing_new_says_nothing_changed(
    editions: Editions, tmp_path: Path
) -> None:
    project = make_project(tmp_path / "project")
    add_articles(project)
    spec = project / "briefs" / f"{NAME}.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("issued: 2024-03-01", "issued: 2024-04-01"))
    (project / "earlier").mkdir()
    (project / "earlier" / f"{NAME}.json").write_bytes(editions.second[f"{NAME}.json"])
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert (
            run("build", "--jobs", "1", "-q", "--format", "md", "--format", "json", "--since", "earlier")[0]
            == 0
        )
    md = (project / "build" / f"{NAME}.md").read_text(encoding="utf-8")
    assert (
        "## What changed since 1 March 2024\n\nNothing has changed since the edition of 1 March 2024: "
        "the same events, with the same dates, places, sources and conflicts.\n\n## Timeline"
    ) in md
    assert "**new**" not in md and "**revised**" not in md
    assert json.loads((project / "build" / f"{NAME}.json").read_bytes())["changes"]["items"] == []


def test_without_since_the_previous_build_is_the_earlier_edition(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    out = project / "build"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert run("build", "--jobs", "1", "-q", "--format", "md", "--format", "json")[0] == 0
        first = files(out)
        assert json.loads(first[f"{NAME}.json"])["changes"] == {"since": None, "items": [], "documents": []}
        assert run("build", "--jobs", "1", "-q", "--format", "md", "--format", "json")[0] == 0
        assert files(out) == first  # a first edition rebuilt is still a first edition
        add_articles(project)
        assert run("build", "--jobs", "1", "-q", "--format", "md", "--format", "json")[0] == 0
        second = files(out)
        items = json.loads(second[f"{NAME}.json"])["changes"]["items"]
        assert [(c["kind"], c["event"]["id"]) for c in items] == [("date", SEMINAR), ("added", WORKSHOP)]
        # Building twice does not turn the first build's changes into news, nor drop them.
        assert run("build", "--jobs", "1", "-q", "--format", "md", "--format", "json")[0] == 0
        assert files(out) == second


# ---- a removed article -------------------------------------------------------------------------------


def test_removing_an_article_lists_the_event_it_alone_supported_as_removed_and_why(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert run("build", "--jobs", "1", "-q", "--format", "md", "--format", "json")[0] == 0
        shutil.copy(project / "build" / f"{NAME}.json", project / "before.json")
        (project / "seeds" / "002_3d44747cab342dcf.txt").unlink()
        assert run("build", "--jobs", "1", "-q", "--format", "md", "--format", "json")[0] == 0
        code, out, _ = run("diff", "before.json", f"build/{NAME}.json")
    assert code == 1
    assert out.splitlines()[:2] == [
        f"{NAME}: 1 change since 1 March 2024",
        "- removed: Regional Workshop on Prevention Strategies to combat Trafficking in Persons, "
        "Especially Women and Children (21–22 June 2018, Hanoi) "
        "[regional-workshop-on-prevention-strategies-to-combat]: its articles were removed "
        "(seeds/002_3d44747cab342dcf.txt)",
    ]
    md = (project / "build" / f"{NAME}.md").read_text(encoding="utf-8")
    section = md.split("## What changed since 1 March 2024\n\n", 1)[1].split("\n## ", 1)[0]
    lines = section.splitlines()
    assert (
        lines[0] == "Compared with the edition of 1 March 2024, one change, in the order of the Chronology."
    )
    assert lines[2].startswith(
        "- **Removed:** *Regional Workshop on Prevention Strategies to combat Trafficking in Persons, "
        "Especially Women and Children* (*21–22 June 2018*†; "
        "id regional\\-workshop\\-on\\-prevention\\-strategies\\-to\\-combat): "
        "the articles it rested on were removed (seeds/002\\_3d44747cab342dcf\\.txt)."
    )
    assert lines[3].startswith(
        "  - It rested on “HANOI, 26 June 2018\\- The ASEAN Intergovernmental Commission"
    )
    assert lines[3].endswith(" and four more passages.[^1][^2][^3][^4][^5]")
    # The removed article's passages are still quoted in the notes, from the earlier edition.
    assert (
        "[^1]: “HANOI, 26 June 2018\\- The ASEAN" in md
        and "seeds/002\\_3d44747cab342dcf\\.txt, characters 0–306" in md
    )


# ---- bad --since files ---------------------------------------------------------------------------------

HOW = "pass the NAME.json that an earlier `tipbrief build` wrote"


def bad_files(first: bytes) -> dict[str, tuple[bytes, str]]:
    data = json.loads(first)
    return {
        "not-json.json": (b'{"events": [\n', f"not-json.json:2:1: is not JSON (Expecting value); {HOW}"),
        "manifest.json": (
            b'{"outputs": [], "tipbrief": "0.1.0"}',
            f"manifest.json:1:1: is not a tipbrief brief JSON; {HOW}",
        ),
        "other.json": (
            json.dumps({**data, "spec": {**data["spec"], "name": "other-brief"}}).encode(),
            f"other.json:1:1: is an edition of the brief 'other-brief', not of '{NAME}'; "
            f"pass a {NAME}.json that `tipbrief build` wrote",
        ),
        "newer.json": (
            json.dumps({**data, "schema": "urn:tipbrief:brief:2.0"}).encode(),
            "newer.json:1:1: was written by a newer tipbrief (brief JSON urn:tipbrief:brief:2.0; "
            "this one reads urn:tipbrief:brief:1.1 and older); upgrade tipbrief, or compare with an "
            "edition it can read",
        ),
    }


@pytest.mark.parametrize(
    "name", ["not-json.json", "manifest.json", "other.json", "newer.json", "missing.json"]
)
def test_a_broken_or_foreign_since_file_is_one_line_exit_2_and_nothing_written(
    editions: Editions, tmp_path: Path, name: str
) -> None:
    cases = bad_files(editions.first[f"{NAME}.json"])
    if name in cases:
        (tmp_path / name).write_bytes(cases[name][0])
        expected = cases[name][1]
    else:
        expected = f"missing.json:1:1: no such file or folder; {HOW}, or a folder of them"
    out = editions.project / "build"
    before = files(out)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        code, stdout, err = run(
            "build",
            str(editions.project / "briefs" / f"{NAME}.yaml"),
            "--seeds",
            str(editions.project / "seeds"),
            "--out",
            str(out),
            "--since",
            name,
        )
    assert (code, stdout, err) == (2, "", expected + "\n")
    assert files(out) == before


def test_diff_refuses_what_is_not_an_edition_with_exit_2(editions: Editions, tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_bytes(b'{"outputs": []}')
    first = tmp_path / "first.json"
    first.write_bytes(editions.first[f"{NAME}.json"])
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        assert run("diff", "first.json", "manifest.json") == (
            2,
            "",
            f"manifest.json:1:1: is not a tipbrief brief JSON; {HOW}\n",
        )
        assert run("diff", "nowhere.json", "first.json")[0] == 2


# ---- what the spec and the cache decide ---------------------------------------------------------------


def test_a_spec_with_changes_false_and_public_briefs_say_nothing(tmp_path: Path, facts: FactBase) -> None:
    quiet = tmp_path / "quiet.yaml"
    quiet.write_text(SPEC.read_text(encoding="utf-8") + "changes: false\n", encoding="utf-8")
    public = ROOT / "briefs" / "protecting-women-and-children-public.yaml"
    out = tmp_path / "out"
    build_briefs([quiet, public], ROOT / "seeds", out, ("md", "json"), facts=facts)
    build_briefs([quiet, public], ROOT / "seeds", out, ("md", "json"), facts=facts)
    for name in ("quiet", "protecting-women-and-children-public"):
        assert json.loads((out / f"{name}.json").read_bytes())["changes"] is None
        md = (out / f"{name}.md").read_text(encoding="utf-8")
        assert "What changed" not in md and "What is new" not in md


def test_the_cache_keys_on_the_earlier_edition(editions: Editions, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    add_articles(project)
    first = json.loads(editions.first[f"{NAME}.json"])
    (project / "a.json").write_bytes(editions.first[f"{NAME}.json"])
    (project / "b.json").write_text(
        json.dumps({**first, "spec": {**first["spec"], "issued": "2024-02-01"}}), encoding="utf-8"
    )

    def build(since: str, out: str, *extra: str) -> str:
        code, _, err = run(
            "build",
            "--jobs",
            "1",
            "-q",
            "--format",
            "md",
            "--format",
            "json",
            "--since",
            since,
            "--out",
            out,
            *extra,
        )
        assert code == 0, err
        return (project / out / f"{NAME}.md").read_text(encoding="utf-8")

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert "## What changed since 1 March 2024\n" in build("a.json", "build")
        # Same inputs, another earlier edition: not the cached brief.
        assert "## What changed since 1 February 2024\n" in build("b.json", "build")
        build("b.json", "fresh", "--no-cache")
        assert files(project / "build") == files(project / "fresh")


def test_a_bad_since_file_is_reported_with_the_specs_problems(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("title: T\naudiense: analyst\n", encoding="utf-8")
    (tmp_path / "old.json").write_text("[]", encoding="utf-8")
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        code, _, err = run("build", "bad.yaml", "--since", "old.json", "--format", "md")
    assert code == 2
    lines = err.splitlines()
    assert "bad.yaml:2:1: unknown key 'audiense'; did you mean 'audience'?" in lines
    assert lines[-1] == f"old.json:1:1: is not a tipbrief brief JSON; {HOW}"
    assert not (tmp_path / "build").exists()


def test_an_event_that_lost_an_article_is_revised_not_removed_and_added(tmp_path: Path) -> None:
    # Without article 004, the ACTIP signing keeps article 000's passages: the same event (matched by
    # its id and the passages it still rests on), revised. Its id no longer changes, as it did when
    # signings of a convention were titled by their wording: the event's kind is its identity.
    # (An id that does change is matched by passages: tests/test_changes.py.)
    project = make_project(tmp_path / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert run("build", "--jobs", "1", "-q", "--format", "json")[0] == 0
        shutil.copy(project / "build" / f"{NAME}.json", project / "before.json")
        (project / "seeds" / "004_10266aafdbd0851c.txt").unlink()
        assert run("build", "--jobs", "1", "-q", "--format", "json")[0] == 0
        code, out, _ = run("diff", "--format", "json", "before.json", f"build/{NAME}.json")
    assert code == 1
    items = json.loads(out)["items"]
    actip = "signing-of-the-asean-convention-against-trafficking-in-persons"
    assert [(c["kind"], c["detail"], (c["event"] or {}).get("id")) for c in items] == [
        ("place", "", actip),
        ("sources", "", actip),
        ("conflict", "settled", actip),
        ("removed", "source-removed", "launch-of-the-regional-review-on-laws-policies-and-practices"),
    ]
    assert [c["source"]["document"] for c in items[1]["withdrawn"]] == ["004_10266aafdbd0851c"] * 2
