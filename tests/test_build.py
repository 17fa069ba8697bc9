"""Build stage and `tipbrief build`: atomic writes, manifest, JSON, strictness, exit codes and messages."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tipbrief.build.briefs import build_briefs
from tipbrief.cli import cli
from tipbrief.common.errors import BuildError, InputError
from tipbrief.facts.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
# The shipped examples, named so that an editor's new brief in briefs/ does not change the tests.
BRIEFS = [
    ROOT / "briefs" / f"{name}.yaml"
    for name in (
        "actip-implementation-ministerial",
        "asean-us-tip-chronology",
        "protecting-women-and-children-public",
    )
]
ANALYST = ROOT / "briefs" / "asean-us-tip-chronology.yaml"
MINISTERIAL = ROOT / "briefs" / "actip-implementation-ministerial.yaml"

STRADDLING = (
    "title: T\naudience: analyst\nauthor: U\nissued: 2024-03-01\ntopic:\n  summary: s\n"
    "  include:\n    terms: [trafficking]\nperiod:\n  from: 2014\n  to: 2016\n"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def test_a_build_writes_each_output_and_a_manifest_of_their_hashes(tmp_path: Path, facts: FactBase) -> None:
    result = build_briefs(BRIEFS, ROOT / "seeds", tmp_path, ("md", "json"), facts=facts)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([f"{p.stem}.{ext}" for p in BRIEFS for ext in ("md", "json")] + ["manifest.json"])
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert [o["path"] for o in manifest["outputs"]] == sorted(n for n in names if n != "manifest.json")
    for entry in manifest["outputs"]:
        data = (tmp_path / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    assert manifest["warnings"] == list(result.warnings)
    assert len(result.warnings) == 1 and "may come before or after" in result.warnings[0]


def test_the_json_lists_the_chosen_events_in_order_with_dates_sources_and_reasons(
    tmp_path: Path, facts: FactBase
) -> None:
    build_briefs([ANALYST], ROOT / "seeds", tmp_path, ("json",), facts=facts)
    data = json.loads((tmp_path / "asean-us-tip-chronology.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["events"]] == [
        "2009-2014-yangon-asean-us-seminar-on-tip",
        "2015-11-kuala-lumpur-actip-signature",
        "2016-09-28-jakarta-acwc-regional-review-launch",
        "2018-06-21-hanoi-aichr-workshop-prevention-strategies",
        "2023-05-11-labuan-bajo-declaration-tip-abuse-of-technology",
    ]
    first = data["events"][0]
    assert first["date"]["label"] == "between May 2009 and November 2014"
    assert first["reasons"] == ["opens the period"]
    assert first["sources"][0]["quote"].startswith("during a seminar on trafficking in persons")
    assert data["events"][1]["reasons"] == [
        "term “trafficking” in title",
        "within the period (from 30 November 2014 to 11 May 2023)",
    ]
    assert data["spec"]["period_from"] == {
        "date": None,
        "event": "the first ASEAN–US seminar on trafficking in persons",
        "where": "briefs/asean-us-tip-chronology.yaml:19:9",
    }
    assert data["left_out"][0]["ambiguous"] is True
    assert data["warnings"] == data["warnings"] and len(data["warnings"]) == 1


def test_outputs_are_byte_identical_across_builds(tmp_path: Path, facts: FactBase) -> None:
    build_briefs([MINISTERIAL], ROOT / "seeds", tmp_path / "a", facts=facts)
    build_briefs([MINISTERIAL], ROOT / "seeds", tmp_path / "b", facts=facts)
    first, second = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert sorted(first) == sorted(
        ["actip-implementation-ministerial." + ext for ext in ("md", "html", "pdf", "json")]
        + ["manifest.json"]
    )
    assert first == second


def test_a_failed_build_leaves_previous_outputs_untouched(tmp_path: Path, facts: FactBase) -> None:
    build_briefs([ANALYST], ROOT / "seeds", tmp_path, ("md",), facts=facts)
    before = snapshot(tmp_path)
    bad = tmp_path.parent / "bad.yaml"
    bad.write_text("title: T\naudience: analist\n", encoding="utf-8")
    with pytest.raises(InputError):
        build_briefs([ANALYST, bad], ROOT / "seeds", tmp_path, ("md",), facts=facts)
    with pytest.raises(BuildError):
        build_briefs([ANALYST], ROOT / "seeds", tmp_path, ("md",), strict=True, facts=facts)
    assert snapshot(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_write_that_fails_while_staging_replaces_nothing(
    tmp_path: Path, facts: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_briefs([ANALYST], ROOT / "seeds", tmp_path, ("md", "json"), facts=facts)
    before = snapshot(tmp_path)
    import tipbrief.build.outputs as build_module

    real_stage = build_module.stage
    calls: list[Path] = []

    def flaky(path: Path, data: bytes) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_stage(path, data + b"changed")

    monkeypatch.setattr(build_module, "stage", flaky)
    with pytest.raises(BuildError) as err:
        build_briefs([ANALYST], ROOT / "seeds", tmp_path, ("md", "json"), facts=facts)
    assert str(err.value).endswith(": cannot write: No space left on device; nothing was replaced")
    assert snapshot(tmp_path) == before


def test_two_specs_with_one_name_are_refused(tmp_path: Path, facts: FactBase) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    twin = other / ANALYST.name
    twin.write_text(ANALYST.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        build_briefs([ANALYST, twin], ROOT / "seeds", tmp_path / "out", ("md",), facts=facts)
    assert "has the same name 'asean-us-tip-chronology'" in err.value.problems[0]


# ---- The command line --------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with the real seeds and briefs, as the working directory."""
    (tmp_path / "briefs").mkdir()
    for spec in BRIEFS:
        (tmp_path / "briefs" / spec.name).write_text(spec.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_help_documents_exit_codes_and_gives_an_example() -> None:
    code, out, _ = run("build", "--help")
    assert code == 0
    words = " ".join(out.split())
    assert "Exit codes: 0 built" in words
    assert "2 a spec, an article, a template or a --since file is wrong" in words
    assert (
        "Example: tipbrief build briefs/asean-us-tip-chronology.yaml --format pdf --page-size Letter" in out
    )
    assert "Example: tipbrief build --strict --since previous/" in out
    for option in (
        "--seeds",
        "--out",
        "--format",
        "--strict",
        "--quiet",
        "--verbose",
        "--page-size",
        "--since",
    ):
        assert option in out


def test_build_defaults_to_every_brief_and_reports_progress(project: Path) -> None:
    code, out, err = run("build", "--format", "md", "--format", "json")
    assert code == 0, err
    assert out == ""
    assert err.splitlines() == [
        "[1/3] actip-implementation-ministerial",
        "[2/3] asean-us-tip-chronology",
        "[3/3] protecting-women-and-children-public",
        "built 3 briefs into build/ (6 files, 0 warnings)",
    ]
    assert (project / "build" / "actip-implementation-ministerial.json").is_file()


def test_one_brief_quiet_or_verbose(project: Path) -> None:
    code, _, err = run("build", "briefs/asean-us-tip-chronology.yaml", "--format", "md", "--quiet")
    assert (code, err) == (0, "")
    code, _, err = run("build", "briefs/asean-us-tip-chronology.yaml", "--format", "md", "-v")
    md = project / "build" / "asean-us-tip-chronology.md"
    assert err.splitlines() == [
        f"build/asean-us-tip-chronology.md ({md.stat().st_size} bytes)",
        "built 1 brief into build/ (1 file, 0 warnings)",
    ]


def test_bad_specs_exit_2_with_every_problem_and_write_nothing(project: Path) -> None:
    (project / "briefs" / "bad.yaml").write_text(
        "title: T\naudience: analist\nauthor: U\ntopic:\n  summary: s\n"
    )
    code, _out, err = run(
        "build", "briefs/bad.yaml", "briefs/missing.yaml", "briefs/asean-us-tip-chronology.yaml"
    )
    assert code == 2
    assert err.splitlines() == [
        "briefs/bad.yaml:2:11: unknown audience 'analist'; did you mean 'analyst'?",
        "briefs/missing.yaml:1:1: cannot read the file: No such file or directory; "
        "check the path and permissions",
    ]
    assert not (project / "build").exists()


def test_an_unknown_event_reference_exits_2_at_its_place(project: Path) -> None:
    (project / "briefs" / "ref.yaml").write_text(
        "title: T\naudience: analyst\nauthor: U\nissued: 2024-03-01\ntopic:\n  summary: s\n"
        "period:\n  from: {event: the moon landing}\n"
    )
    code, _, err = run("build", "briefs/ref.yaml", "--format", "md")
    assert code == 2
    assert err.startswith("briefs/ref.yaml:8:9: event 'the moon landing' matches no event")


def test_warnings_are_printed_and_fail_only_with_strict(project: Path) -> None:
    (project / "briefs" / "straddle.yaml").write_text(STRADDLING)
    warning = (
        "briefs/straddle.yaml:10:9: event 'First ASEAN–US seminar on trafficking in persons' (between "
        "September 2013 and November 2014) straddles a bound of the period (from 1 January 2014 to "
        "31 December 2016); included and marked uncertain"
    )
    code, _, err = run("build", "briefs/straddle.yaml", "--format", "md", "--strict")
    assert code == 1
    assert err.splitlines() == [warning, "1 warning and --strict: nothing written"]
    assert not (project / "build").exists()
    code, _, err = run("build", "briefs/straddle.yaml", "--format", "md")
    assert code == 0
    assert err.splitlines() == [f"warning: {warning}", "built 1 brief into build/ (1 file, 1 warning)"]


def test_no_specs_at_all_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("build")
    assert code == 2
    assert err == "briefs/: no brief specs (*.yaml) found; pass spec files or add briefs/NAME.yaml\n"


def test_a_missing_seeds_folder_is_an_input_error(project: Path) -> None:
    code, _, err = run("build", "briefs/asean-us-tip-chronology.yaml", "--seeds", "nowhere")
    assert code == 2
    assert err == "nowhere:1:1: no such folder of articles; pass --seeds DIR\n"


def test_page_size_option_reaches_the_pdf(project: Path) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    code, _, err = run(
        "build", "briefs/actip-implementation-ministerial.yaml", "--format", "pdf", "--page-size", "Letter"
    )
    assert code == 0, err
    pdf = PdfReader(BytesIO((project / "build" / "actip-implementation-ministerial.pdf").read_bytes()))
    assert round(float(pdf.pages[0].mediabox.width)) == 612
    assert len(pdf.pages) <= 2
    assert os.access(project / "build" / "manifest.json", os.R_OK)
