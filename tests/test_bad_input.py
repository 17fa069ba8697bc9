"""Bad input through `tipbrief build` (issue #4, point 3): a clear `file:line:col: message`, the right
exit code, never a traceback, and nothing written when the build stops.

Each spec fixture's messages are tested in test_spec.py through parse_spec; here each kind of failure
goes through the command line, and the article failures (which no other test covers) in full.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_spec import EXPECTED
from tipbrief.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SPEC_FIXTURES = ROOT / "tests" / "fixtures" / "specs"

GOOD_SPEC = (
    "title: Workshops\naudience: analyst\nauthor: Desk\nissued: 2024-03-01\n"
    "topic:\n  summary: Workshops on trafficking.\n  include:\n    terms: [trafficking]\n"
)
GOOD_ARTICLE = (
    "A regional workshop on trafficking was held in Bangkok on 12 January 2019, the ASEAN Commission "
    "on the Promotion and Protection of the Rights of Women and Children (ACWC) said.\n"
)
OTHER_ARTICLE = GOOD_ARTICLE.replace("Bangkok on 12 January 2019", "Hanoi on 14 March 2020")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """briefs/good.yaml and one good article in seeds/, as the working directory."""
    (tmp_path / "briefs").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "briefs" / "good.yaml").write_text(GOOD_SPEC, encoding="utf-8")
    (tmp_path / "seeds" / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return tmp_path


def build(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(
        cli, ["build", "--format", "md", "--format", "json", "--no-cache", *args], catch_exceptions=False
    )
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr.splitlines()


def events(project: Path) -> list[str]:
    data = json.loads((project / "build" / "good.json").read_text(encoding="utf-8"))
    return [e["date"]["label"] for e in data["events"]]


# ---- Articles: a warning each, the rest of the corpus still builds, --strict fails ----------------

BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
ARTICLES: dict[str, tuple[bytes, str]] = {
    "invalid-utf8": (
        b"A workshop on trafficking\nwas held in Hanoi, the caf\xe9 said.\n",
        "seeds/bad.txt:2:27: invalid UTF-8 at byte 52; re-save the article as UTF-8 (skipped)",
    ),
    "binary": (BINARY, "seeds/bad.txt:1:1: invalid UTF-8 at byte 0; re-save the article as UTF-8 (skipped)"),
    "utf16": (
        OTHER_ARTICLE.encode("utf-16"),
        "seeds/bad.txt:1:1: invalid UTF-8 at byte 0; re-save the article as UTF-8 (skipped)",
    ),
    "empty": (b"", "seeds/bad.txt:1:1: article is empty; remove it or add its text"),
    "blank": (b" \n\t\r\n\n", "seeds/bad.txt:1:1: article is empty; remove it or add its text"),
}


@pytest.mark.parametrize("case", sorted(ARTICLES))
def test_a_bad_article_is_a_warning_and_the_rest_builds(project: Path, case: str) -> None:
    data, warning = ARTICLES[case]
    (project / "seeds" / "bad.txt").write_bytes(data)
    code, err = build()
    assert code == 0
    assert err == [f"warning: {warning}", "built 1 brief into build/ (2 files, 1 warning)"]
    assert events(project) == ["12 January 2019"]


@pytest.mark.parametrize("case", sorted(ARTICLES))
def test_with_strict_a_bad_article_fails_the_build(project: Path, case: str) -> None:
    data, warning = ARTICLES[case]
    (project / "seeds" / "bad.txt").write_bytes(data)
    code, err = build("--strict")
    assert code == 1
    assert err == [warning, "1 warning and --strict: nothing written"]
    assert not (project / "build").exists()


def test_a_huge_article_is_skipped_unread(project: Path) -> None:
    # Sparse: 2 GiB on the file system's word, no disk used; read, it would exhaust the memory.
    with (project / "seeds" / "huge.txt").open("wb") as handle:
        handle.truncate(2 * 1024**3)
    code, err = build()
    assert code == 0
    assert err == [
        "warning: seeds/huge.txt:1:1: article is 2147483648 bytes, over the 1048576-byte limit; split it",
        "built 1 brief into build/ (2 files, 1 warning)",
    ]
    assert events(project) == ["12 January 2019"]


def test_a_long_line_is_read_in_bounded_memory(project: Path) -> None:
    # 900 kB without a line break, a full stop or a space: one "word", nothing to extract from it.
    (project / "seeds" / "line.txt").write_text("x" * 900_000 + "\n", encoding="utf-8")
    code, err = build("--strict")
    assert (code, err) == (0, ["built 1 brief into build/ (2 files, 0 warnings)"])


def test_yaml_bombs_in_front_matter_and_sidecars_are_refused(project: Path) -> None:
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (project / "seeds" / "front.txt").write_text(
        f"---\n{bomb}title: *i\n---\n{OTHER_ARTICLE}", encoding="utf-8"
    )
    (project / "seeds" / "side.txt").write_text(GOOD_ARTICLE.replace("Bangkok", "Manila"), encoding="utf-8")
    (project / "seeds" / "side.meta.yaml").write_text(f"{bomb}title: *i\n", encoding="utf-8")
    (project / "seeds" / "deep.txt").write_text(
        "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + OTHER_ARTICLE, encoding="utf-8"
    )
    code, err = build()
    assert code == 0
    assert err == [
        "warning: seeds/deep.txt:1:1: front matter is not usable (values are nested more than 32 levels "
        "deep; a settings file needs only a few levels: flatten it); its fields were ignored, fix it",
        "warning: seeds/front.txt:1:1: front matter is not usable (YAML alias '*a' is not allowed here "
        "(and 72 more aliases); write the value out in full); its fields were ignored, fix it",
        "warning: seeds/side.meta.yaml:1:1: sidecar is not valid YAML (YAML alias '*a' is not allowed "
        "here (and 72 more aliases); write the value out in full); fix it",
        "built 1 brief into build/ (2 files, 3 warnings)",
    ]
    assert (project / "build" / "good.md").stat().st_size < 20_000


# ---- Specs: exit 2, every problem located, nothing written ----------------------------------------

# One fixture per kind of failure that issue #4 names; test_spec.py holds their exact messages.
SPEC_CASES = (
    "yaml-bomb",
    "not-a-mapping",
    "duplicate-key",
    "wrong-type",
    "bad-audience",
    "impossible-date",
    "reversed-period",
    "invalid-utf8",
    "empty",
    "python-tag",
)


@pytest.mark.parametrize("name", SPEC_CASES)
def test_a_bad_spec_exits_2_with_its_located_problems(project: Path, name: str) -> None:
    shutil.copy(SPEC_FIXTURES / f"{name}.yaml", project / "briefs" / f"{name}.yaml")
    code, err = build(f"briefs/{name}.yaml", "briefs/good.yaml")
    assert code == 2
    assert err == [f"briefs/{name}.yaml:{line}" for line in EXPECTED[name]]
    assert not (project / "build").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD_SPEC.replace("author: Desk", "author: &who Desk\nsubtitle: *who"),
            "4:11: YAML alias '*who' is not allowed here; write the value out in full",
        ),
        (
            GOOD_SPEC.replace("title: Workshops", 'title: "Work\\0shops"'),
            "1:8: title contains the control character U+0000; remove it",
        ),
        (
            GOOD_SPEC.replace("issued: 2024-03-01", "issued: 2024-02-30"),
            "4:9: issued '2024-02-30' is not a real date: February 2024 has 29 days; correct the day",
        ),
    ],
    ids=["anchor-and-alias", "nul-escape", "leap-year"],
)
def test_more_spec_mistakes_exit_2(project: Path, text: str, message: str) -> None:
    (project / "briefs" / "bad.yaml").write_text(text, encoding="utf-8")
    code, err = build("briefs/bad.yaml")
    assert code == 2
    assert err[0] == f"briefs/bad.yaml:{message}"


def test_a_huge_spec_is_refused_unparsed(project: Path) -> None:
    (project / "briefs" / "big.yaml").write_text(GOOD_SPEC + "#" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    code, err = build("briefs/big.yaml")
    assert code == 2
    assert err == [
        f"briefs/big.yaml:1:1: file is {len(GOOD_SPEC) + 2 * 1024 * 1024 + 1:,} bytes, more than the "
        "1 MiB allowed; a settings file this big is a mistake: keep only the settings in it"
    ]


def test_a_spec_named_manifest_is_refused(project: Path) -> None:
    (project / "briefs" / "manifest.yaml").write_text(GOOD_SPEC, encoding="utf-8")
    code, err = build("briefs/manifest.yaml")
    assert code == 2
    assert err == [
        "briefs/manifest.yaml:1:1: a spec named 'manifest' would write build/manifest.json over the "
        "build's manifest; rename the file"
    ]
    assert not (project / "build").exists()


def test_a_spec_name_is_only_a_file_name(project: Path) -> None:
    weird = "<b>{{ 7*7 }} & [x](javascript:alert(1))"
    (project / "briefs" / f"{weird}.yaml").write_text(GOOD_SPEC, encoding="utf-8")
    code, err = build(f"briefs/{weird}.yaml")
    assert code == 0, err
    assert sorted(p.name for p in (project / "build").iterdir() if p.is_file()) == sorted(
        [f"{weird}.md", f"{weird}.json", "manifest.json"]
    )
