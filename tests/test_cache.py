"""The build cache: what it reuses, and that a changed input of any kind never gives a stale brief."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import tipbrief
import tipbrief.build.cache
from tipbrief.briefs.templates import PACKAGE_TEMPLATES
from tipbrief.build.briefs import BuildResult, build_briefs
from tipbrief.build.cache import Cache, cache_file, open_cache
from tipbrief.common.errors import BuildError

ROOT = Path(__file__).resolve().parent.parent
BRIEFS = sorted((ROOT / "briefs").glob("*.yaml"))
ANALYST = "asean-us-tip-chronology"


def make_project(folder: Path) -> Path:
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(ROOT / "briefs", folder / "briefs")
    return folder


def build(
    project: Path, out: Path, *, cache: bool = True, strict: bool = False, since: tuple[Path, ...] = ()
) -> BuildResult:
    specs = sorted((project / "briefs").glob("*.yaml"))
    return build_briefs(
        specs,
        project / "seeds",
        out,
        ("md", "json"),
        strict,
        project=project,
        cache=open_cache(out, enabled=cache),
        since=since,
    )


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


# ---- the store ----------------------------------------------------------------------------------


def test_entries_are_written_only_on_flush_and_read_back_by_a_new_cache(tmp_path: Path) -> None:
    path = tmp_path / "c" / "tipbrief.sqlite"
    cache = Cache(path)
    cache.put("briefs", "k1", "slot", {"value": (1, "a")})
    assert cache.get("briefs", "k1") == {"value": (1, "a")}
    assert not path.exists()
    cache.flush()
    assert Cache(path).get("briefs", "k1") == {"value": (1, "a")}
    assert Cache(path).get("briefs", "other") is None


def test_a_new_entry_replaces_the_old_one_of_its_slot(tmp_path: Path) -> None:
    path = tmp_path / "tipbrief.sqlite"
    first = Cache(path)
    first.put("state", "old", "seeds/a.txt", 1)
    first.put("state", "kept", "seeds/b.txt", 2)
    first.flush()
    second = Cache(path)
    second.put("state", "new", "seeds/a.txt", 3)
    second.flush()
    third = Cache(path)
    assert (third.get("state", "old"), third.get("state", "new")) == (None, 3)
    assert third.get("state", "kept") == 2


def test_a_damaged_cache_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "tipbrief.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = Cache(path)
    assert cache.get("briefs", "k") is None
    cache.put("briefs", "k", "s", "v")
    cache.flush()
    assert Cache(path).get("briefs", "k") == "v"


# ---- reuse -----------------------------------------------------------------------------------


def test_a_second_build_reuses_everything_and_rewrites_nothing(project: Path) -> None:
    out = project / "build"
    first = build(project, out)
    assert first.extracted == 5 and len(first.rendered) == 3
    assert cache_file(out).is_file()
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    before = outputs(out)
    second = build(project, out)
    assert (second.extracted, second.rendered) == (0, ())
    assert outputs(out) == before
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == stamps
    assert second.warnings == first.warnings


def test_no_cache_renders_everything_and_writes_no_cache(project: Path) -> None:
    build(project, project / "build")
    again = build(project, project / "build", cache=False)
    assert (again.extracted, len(again.rendered)) == (5, 3)
    fresh = build(project, project / "other", cache=False)
    assert not (project / "other" / ".cache").exists()
    assert outputs(project / "other") == outputs(project / "build")
    assert fresh.warnings == again.warnings


def test_a_failed_build_writes_no_cache(project: Path) -> None:
    (project / "briefs" / "straddle.yaml").write_text(
        "title: T\naudience: analyst\nauthor: U\nissued: 2024-03-01\ntopic:\n  summary: s\n"
        "  include:\n    terms: [trafficking]\nperiod:\n  from: 2014\n  to: 2016\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError):
        build(project, project / "build", strict=True)
    assert not (project / "build").exists()


# ---- a stale cache never gives a wrong brief ------------------------------------------------------


def edit_article(project: Path) -> None:
    path = next((project / "seeds").glob("002_*.txt"))
    text = path.read_text(encoding="utf-8")
    assert "21-22 June" in text
    path.write_text(text.replace("21-22 June", "23-24 June"), encoding="utf-8")


def add_reference_row(project: Path) -> None:
    # A second record of the 27th Summit's dates: the ACTIP signing "at the 27th ASEAN Summit" now
    # has two readings, so its dates and conflicts change.
    (project / "reference").mkdir()
    (project / "reference" / "summits.csv").write_text(
        "number,start,end,city,country,source\n"
        "27,2015-10-01,2015-10-02,Kuala Lumpur,Malaysia,https://example.org/27th-summit\n",
        encoding="utf-8",
    )


def add_override(project: Path) -> None:
    data = json.loads((project / "build" / f"{ANALYST}.json").read_text(encoding="utf-8"))
    bounds = {data["period"]["from_event"], data["period"]["to_event"]}
    event = next(e["id"] for e in data["events"] if e["id"] not in bounds)
    (project / "overrides.yaml").write_text(
        f"- event: {event}\n  title: Title pinned by an editor\n", encoding="utf-8"
    )


def edit_spec(project: Path) -> None:
    spec = project / "briefs" / f"{ANALYST}.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("title: ASEAN and", "title: Edited, ASEAN and", 1), encoding="utf-8")


def override_template(project: Path) -> None:
    (project / "templates").mkdir()
    source = (PACKAGE_TEMPLATES / "_title.md.j2").read_text(encoding="utf-8")
    (project / "templates" / "_title.md.j2").write_text(source + "\nA line a project template adds.\n")


CHANGES: dict[str, tuple[Callable[[Path], None], int, int]] = {
    # change, articles extracted again, briefs rendered again
    "article": (edit_article, 1, 3),
    "reference row": (add_reference_row, 5, 3),
    "overrides.yaml": (add_override, 0, 3),
    "spec": (edit_spec, 0, 1),
    "template": (override_template, 0, 3),
}


@pytest.mark.parametrize("kind", CHANGES)
def test_a_changed_input_gives_what_a_build_without_cache_gives(project: Path, kind: str) -> None:
    change, extracted, rendered = CHANGES[kind]
    out = project / "build"
    build(project, out)
    before = outputs(out)
    earlier = project / "earlier"
    earlier.mkdir()
    for name, data in before.items():
        (earlier / name).write_bytes(data)
    change(project)
    result = build(project, out)
    assert (result.extracted, len(result.rendered)) == (extracted, rendered)
    after = outputs(out)
    # What changed is said against the previous build: a build from scratch needs that edition too.
    build(project, project / "fresh", cache=False, since=(earlier,))
    assert after == outputs(project / "fresh")
    assert after != before
    # And the new state is cached in turn.
    assert build(project, out).rendered == ()


def test_a_new_tipbrief_version_extracts_and_renders_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = project / "build"
    build(project, out)
    before = outputs(out)
    monkeypatch.setattr(tipbrief, "__version__", "99.0.0")
    result = build(project, out)
    assert (result.extracted, len(result.rendered)) == (5, 3)
    after = outputs(out)
    assert json.loads(after["manifest.json"])["tipbrief"] == "99.0.0"
    assert json.loads(after[f"{ANALYST}.json"])["tipbrief"] == "99.0.0"
    build(project, project / "fresh", cache=False)
    assert after == outputs(project / "fresh") != before


def test_a_new_weasyprint_version_renders_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = project / "build"
    build(project, out)
    before = outputs(out)
    monkeypatch.setattr(tipbrief.build.cache, "weasyprint_version", lambda: "999.0")
    result = build(project, out)
    # Extraction does not depend on WeasyPrint; every brief's outputs do.
    assert (result.extracted, len(result.rendered)) == (0, 3)
    assert outputs(out) == before


def test_the_article_cache_is_keyed_by_content_not_by_time(project: Path) -> None:
    out = project / "build"
    build(project, out)
    path = next((project / "seeds").glob("000_*.txt"))
    path.write_bytes(path.read_bytes())  # touched, not changed
    assert build(project, out).rendered == ()
    (project / "seeds" / "new.txt").write_text(
        "HANOI, 3 March 2019 – ASEAN officials held a workshop on trafficking in persons in Hanoi.\n",
        encoding="utf-8",
    )
    result = build(project, out)
    assert result.extracted == 1


NO_OP = """\
import sys
from tipbrief.cli import cli

if __name__ == "__main__":
    cli.main(sys.argv[1:], prog_name="tipbrief", standalone_mode=False)
    loaded = ("weasyprint", "tipbrief.facts.extract", "tipbrief.briefs.render_pdf")
    print(" ".join(m for m in loaded if m in sys.modules))
"""


def test_a_no_op_rebuild_does_not_import_weasyprint(project: Path) -> None:
    script = project / "run.py"
    script.write_text(NO_OP, encoding="utf-8")
    args = [sys.executable, str(script), "build", "briefs/actip-implementation-ministerial.yaml", "-q"]

    def run(*extra: str) -> str:
        done = subprocess.run(
            [*args, *extra], cwd=project, capture_output=True, text=True, check=False, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    # One job: the PDF is printed in this process (with more, a child process prints it).
    assert "weasyprint" in run("--jobs", "1")
    pdf = project / "build" / "actip-implementation-ministerial.pdf"
    stamp = pdf.stat().st_mtime_ns
    assert run() == []
    assert pdf.stat().st_mtime_ns == stamp


def test_a_template_edited_in_place_is_compiled_again(project: Path) -> None:
    override_template(project)
    out = project / "build"
    build(project, out)
    template = project / "templates" / "_title.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("A line a project", "A project"))
    build(project, out)
    build(project, project / "fresh", cache=False)
    assert outputs(out) == outputs(project / "fresh")
    assert b"A project template adds." in outputs(out)[f"{ANALYST}.md"]
