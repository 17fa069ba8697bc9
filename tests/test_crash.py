"""Nothing is lost: `python -m tipbrief build` killed with SIGKILL at random points leaves every output
either as the previous good build wrote it or as the new build would; two builds into one folder at
once leave a manifest whose hashes match the files.

The project is one two-page brief (Markdown, HTML, PDF, JSON) on nine small articles; its old and new
versions differ only in their title, so every output differs between them.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
SPEC = (
    "title: {title}\naudience: ministerial\nauthor: Desk\nmarking: RESTRICTED\nissued: 2024-03-01\n"
    "topic:\n  summary: Where ASEAN stands.\n  include:\n    terms: [trafficking, ASEAN]\n"
)
OLD, NEW = "Old title of the brief", "New title of the brief"
TRIALS = 20
TEMP = re.compile(r"\..+\.tmp")
"""How build.stage names its temporary files: hidden, never the name of an output."""


def command(out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "tipbrief", "build", "--quiet", "--out", str(out), *extra]


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = str(ROOT / "src")
    return env


def run(project: Path, out: Path, title: str, *extra: str) -> float:
    (project / "briefs" / "brief.yaml").write_text(SPEC.format(title=title), encoding="utf-8")
    started = time.perf_counter()
    done = subprocess.run(
        command(out, *extra), cwd=project, env=environment(), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - started


def hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file directly in ``folder`` (the cache folder aside)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()
    }


@dataclass(frozen=True)
class Versions:
    project: Path
    old: dict[str, str]
    new: dict[str, str]
    old_files: Path
    seconds: float
    """How long one uninterrupted build takes, start of the process to its end."""


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Versions]:
    project = tmp_path_factory.mktemp("crash")
    shutil.copytree(ARTICLES, project / "seeds")
    (project / "briefs").mkdir()
    run(project, project / "old", OLD, "--no-cache", "--jobs", "1")
    seconds = run(project, project / "new", NEW, "--no-cache", "--jobs", "1")
    old, new = hashes(project / "old"), hashes(project / "new")
    assert (
        sorted(old)
        == sorted(new)
        == sorted(["brief.md", "brief.html", "brief.pdf", "brief.json", "manifest.json"])
    )
    assert all(old[name] != new[name] for name in old)
    yield Versions(project, old, new, project / "old", seconds)


def check_outputs(out: Path, versions: Versions) -> tuple[int, int]:
    """Every output is the old or the new file, whole; anything else is a temporary file.
    Returns how many outputs are new and how many temporary files were left."""
    found = hashes(out)
    outputs = {name: sha for name, sha in found.items() if not TEMP.fullmatch(name)}
    assert sorted(outputs) == sorted(versions.old)
    for name, sha in outputs.items():
        assert sha in (versions.old[name], versions.new[name]), name
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["outputs"]
    return sum(outputs[n] == versions.new[n] for n in outputs), len(found) - len(outputs)


def wait_for_writing(out: Path, deadline: float) -> bool:
    """Poll ``out`` until a build starts writing into it (a temporary file appears)."""
    while time.perf_counter() < deadline:
        with os.scandir(out) as entries:
            if any(TEMP.fullmatch(e.name) for e in entries):
                return True
        time.sleep(0.0005)
    return False


def test_a_build_killed_at_random_points_leaves_old_or_new_files(versions: Versions) -> None:
    project, out = versions.project, versions.project / "build"
    (project / "briefs" / "brief.yaml").write_text(SPEC.format(title=NEW), encoding="utf-8")
    rng = random.Random(20240301)
    outcomes = []
    for trial in range(TRIALS):
        out.mkdir(exist_ok=True)
        for name in versions.old:  # temporary files of earlier trials stay, as after a real crash
            shutil.copy2(versions.old_files / name, out / name)
        process = subprocess.Popen(
            command(out, "--no-cache", "--jobs", "1"),
            cwd=project,
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started = time.perf_counter()
        if trial % 2 == 0:
            # Anywhere in the build's run: mostly while it reads and renders.
            time.sleep(rng.uniform(0, versions.seconds))
            when = "run"
        else:
            # Within the write phase: once the first temporary file appears, after 0-20 ms.
            if wait_for_writing(out, started + 5 * versions.seconds + 10):
                time.sleep(rng.uniform(0, 0.02))
            when = "write"
        process.send_signal(signal.SIGKILL)
        code = process.wait(timeout=60)
        new, temporary = check_outputs(out, versions)
        outcomes.append((when, code, new, temporary))
    print(
        f"\none build: {versions.seconds:.2f} s; "
        f"kill trials (phase, exit code, new outputs, temp files): {outcomes}"
    )
    assert len(outcomes) == TRIALS
    # The trials are not all trivial: some builds were killed before writing, some while writing.
    assert any(new == 0 and code == -signal.SIGKILL for _, code, new, _ in outcomes)
    assert any(
        code == -signal.SIGKILL and (0 < new < len(versions.old) or temp) for _, code, new, temp in outcomes
    )
    # The next build clears the temporary files the killed ones left, and writes the new outputs.
    run(project, out, NEW, "--no-cache", "--jobs", "1")
    assert hashes(out) == versions.new


def test_two_builds_into_one_folder_at_once_do_not_corrupt_each_other(versions: Versions) -> None:
    # Two copies of the project, one with the old spec, one with the new, writing to one folder.
    copies = {}
    for version, title in (("old", OLD), ("new", NEW)):
        copy = versions.project / f"project-{version}"
        copy.mkdir(exist_ok=True)
        shutil.copytree(versions.project / "seeds", copy / "seeds", dirs_exist_ok=True)
        (copy / "briefs").mkdir(exist_ok=True)
        (copy / "briefs" / "brief.yaml").write_text(SPEC.format(title=title), encoding="utf-8")
        copies[version] = copy
    valid = {n: {versions.old[n], versions.new[n]} for n in versions.old}
    for round_, order in enumerate((("old", "new"), ("new", "old"))):
        out = versions.project / f"shared-{round_}"
        # With the cache (the default): both builds also share out/.cache.
        processes = [
            subprocess.Popen(
                command(out, "--jobs", "1"),
                cwd=copies[version],
                env=environment(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for version in order
        ]
        for process in processes:
            _, err = process.communicate(timeout=300)
            assert process.returncode == 0, err
        files = hashes(out)
        assert sorted(files) == sorted(versions.old)
        for name, sha in files.items():
            assert sha in valid[name], name
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        for entry in manifest["outputs"]:
            assert files[entry["path"]] == entry["sha256"], entry["path"]
        # The lock makes each build write its files and manifest together: the folder holds one
        # build's outputs, whole.
        assert files in (versions.old, versions.new)
