"""`make bench`: tipbrief's cost against WeasyPrint itself, its cache, its parallelism and corpus size.

    python -m benchmarks [--quick | --tiny] [--json build/bench.json]

Every comparison is timed in this one run, as a ratio of medians over repeated runs in fresh
processes, with the two sides interleaved so that a busy machine slows both alike:

a. `tipbrief build` of the chronology brief (PDF, no cache) against a bare script that prints
   the same final HTML with WeasyPrint;
b. a no-op rebuild against a cold build of the example briefs (WeasyPrint must stay unimported);
c. 24 briefs with --jobs 2 against --jobs 1 (the outputs must be the same bytes);
d. the fact base over synthetic corpora of two sizes: articles/s, peak memory, growth, and
   dateparser's search_dates over the same articles as the peer;
e. one article edited and one added in the large corpus against the full build;
f. the fact base (built and printed as JSON) over two corpora where most articles retell the same
   few events with conflicting dates (same_events.py): time and JSON bytes must grow linearly.

--quick is a shorter run of the same thing; --tiny is the smoke run `make test` does.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import same_events
from benchmarks.synth import write_corpus

ROOT = Path(__file__).resolve().parent.parent
CHRONOLOGY = "asean-us-tip-chronology"
DEFAULT_JSON = ROOT / "build" / "bench.json"
TEMPLATES = ROOT / "src" / "tipbrief" / "templates"
"""The templates of the code being measured (main() points this at its snapshot)."""


@dataclass(frozen=True, slots=True)
class Mode:
    """How much to measure: repetitions, which briefs, how many, and corpus sizes."""

    name: str
    repeat: int
    brief: str
    """The brief of comparison a and the model of c's briefs."""
    briefs: int
    small: int
    large: int
    large_repeat: int
    peer_sample: int
    same_small: int
    same_large: int
    """Sizes of f's same-events corpora."""
    all_examples: bool = True
    """b builds every example brief (else only ``brief``)."""


MINISTERIAL = "actip-implementation-ministerial"
MODES = {
    "full": Mode(
        "full",
        5,
        CHRONOLOGY,
        briefs=24,
        small=1_000,
        large=10_000,
        large_repeat=2,
        peer_sample=20,
        same_small=400,
        same_large=4_000,
    ),
    "quick": Mode(
        "quick",
        3,
        CHRONOLOGY,
        briefs=8,
        small=200,
        large=2_000,
        large_repeat=1,
        peer_sample=5,
        same_small=200,
        same_large=2_000,
    ),
    # The smoke run of `make test`: every code path once, on the shortest brief and tiny corpora.
    "tiny": Mode(
        "tiny",
        1,
        MINISTERIAL,
        briefs=2,
        small=10,
        large=40,
        large_repeat=1,
        peer_sample=1,
        same_small=10,
        same_large=40,
        all_examples=False,
    ),
}


@dataclass
class Row:
    """One line of the table: what was measured, the ratio, and the goal it is held to."""

    name: str
    value: float
    goal: str
    met: bool | None
    detail: str
    samples: dict[str, list[float]] = field(default_factory=dict)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def timed(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall time of a command in a fresh process, and its standard output; fails loudly."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark command failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    return seconds, done.stdout


def interleaved(
    sides: dict[str, Callable[[], float]], repeat: int, before: Callable[[], None] | None = None
) -> dict[str, list[float]]:
    """Run each side ``repeat`` times, alternating, so that background load hits all sides alike."""
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, run in sides.items():
            if before is not None:
                before()
            samples[name].append(run())
    return samples


def make_project(folder: Path) -> Path:
    """A project with the example seeds and briefs (copies, so the benchmark can edit them)."""
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(ROOT / "briefs", folder / "briefs")
    return folder


def tipbrief(*args: str) -> list[str]:
    return [sys.executable, "-m", "tipbrief", *args]


# --- a. against the floor ----------------------------------------------------------------------

BARE = """\
import sys
import weasyprint

html, css, base, out = sys.argv[1:5]
font_config = weasyprint.text.fonts.FontConfiguration()
sheet = weasyprint.CSS(filename=css, font_config=font_config)
weasyprint.HTML(string=open(html, encoding="utf-8").read(), base_url=base).write_pdf(
    out, stylesheets=[sheet], font_config=font_config, pdf_variant="pdf/ua-1", pdf_tags=True
)
"""


def bench_floor(work: Path, mode: Mode) -> list[Row]:
    from pypdf import PdfReader

    project = make_project(work / "floor")
    spec = project / "briefs" / f"{mode.brief}.yaml"
    # Also fills the cache of out/ with the fact base, as an analyst's earlier builds would have.
    timed(tipbrief("build", str(spec), "--format", "html", "--out", "out", "-q"), project)
    html = project / "out" / f"{mode.brief}.html"
    script = work / "bare.py"
    script.write_text(BARE, encoding="utf-8")
    bare = [
        sys.executable,
        str(script),
        str(html),
        str(TEMPLATES / "fonts.css"),
        TEMPLATES.resolve().as_uri() + "/",
        str(work / "bare.pdf"),
    ]
    edits = iter(range(1_000_000))

    def edited() -> float:
        # The analyst's loop: the spec changed (a comment, so the page is the same), so the brief
        # is rendered again while the articles' fact base comes from the cache.
        with spec.open("a", encoding="utf-8") as handle:
            handle.write(f"# edit {next(edits)}\n")
        return timed(tipbrief("build", str(spec), "--format", "pdf", "--out", "out", "-q"), project)[0]

    cold = tipbrief("build", str(spec), "--format", "pdf", "--no-cache", "--out", "cold", "-q")
    sides: dict[str, Callable[[], float]] = {
        "weasyprint": lambda: timed(bare, project)[0],
        "tipbrief, spec edited": edited,
        "tipbrief --no-cache": lambda: timed(cold, project)[0],
    }
    if mode.name != "tiny":
        sides["tipbrief --no-cache --jobs 1"] = lambda: timed([*cold, "--jobs", "1"], project)[0]
    samples = interleaved(sides, mode.repeat)
    pages = {
        name: len(PdfReader(path).pages)
        for name, path in (("bare", work / "bare.pdf"), ("ours", project / "out" / f"{mode.brief}.pdf"))
    }
    floor = median(samples["weasyprint"])
    rows = []
    for name, label, goal in (
        ("tipbrief, spec edited", "a. build PDF, spec edited / bare WeasyPrint", "≤ 1.10×"),
        ("tipbrief --no-cache", "a. build PDF, --no-cache / bare WeasyPrint", "≤ 1.10×"),
        (
            "tipbrief --no-cache --jobs 1",
            "a. build PDF, --no-cache --jobs 1 / bare WeasyPrint",
            "(information)",
        ),
    ):
        if name not in samples:
            continue
        ratio = median(samples[name]) / floor
        rows.append(
            Row(
                label,
                ratio,
                goal,
                ratio <= 1.10 if goal.startswith("≤") else None,
                f"{median(samples[name]):.2f} s vs {floor:.2f} s ({mode.brief}, {pages['ours']} pages; "
                f"bare: {pages['bare']})",
                {name: samples[name], "weasyprint": samples["weasyprint"]},
            )
        )
    return rows


# --- b. no-op rebuild --------------------------------------------------------------------------

NOOP = """\
import sys
from tipbrief.cli import cli

if __name__ == "__main__":
    cli.main(sys.argv[1:], prog_name="tipbrief", standalone_mode=False)
    print(" ".join(m for m in ("weasyprint", "jinja2") if m in sys.modules))
"""


def bench_noop(work: Path, mode: Mode) -> list[Row]:
    project = make_project(work / "noop")
    script = work / "noop.py"
    script.write_text(NOOP, encoding="utf-8")
    specs = [] if mode.all_examples else [f"briefs/{mode.brief}.yaml"]
    command = [sys.executable, str(script), "build", *specs, "-q"]
    imported: list[str] = []

    def cold() -> float:
        shutil.rmtree(project / "build", ignore_errors=True)
        return timed(command, project)[0]

    def noop() -> float:
        seconds, out = timed(command, project)
        imported.append(out.strip())
        return seconds

    samples = interleaved({"cold": cold, "no-op": noop}, mode.repeat)
    which = "3 example briefs" if mode.all_examples else mode.brief
    ratio = median(samples["no-op"]) / median(samples["cold"])
    loaded = sorted({m for line in imported for m in line.split()})
    return [
        Row(
            f"b. no-op rebuild / cold build ({which}, all formats)",
            ratio,
            "≤ 0.10×, no WeasyPrint",
            ratio <= 0.10 and "weasyprint" not in loaded,
            f"{median(samples['no-op']):.2f} s vs {median(samples['cold']):.2f} s; "
            f"imported on no-op: {', '.join(loaded) or 'neither WeasyPrint nor Jinja2'}",
            samples,
        )
    ]


# --- c. parallel -------------------------------------------------------------------------------


def many_briefs(project: Path, count: int, only: str | None = None) -> None:
    """``count`` specs made from the examples (or only one), each with its own title and outputs."""
    examples = sorted((ROOT / "briefs").glob(f"{only or '*'}.yaml"))
    shutil.rmtree(project / "briefs")
    (project / "briefs").mkdir()
    for index in range(count):
        source = examples[index % len(examples)]
        lines = source.read_text(encoding="utf-8").splitlines()
        text = "\n".join(
            f"{line} (variant {index + 1})" if line.startswith("title: ") else line for line in lines
        )
        (project / "briefs" / f"{source.stem}-{index + 1:02d}.yaml").write_text(text + "\n", encoding="utf-8")


def bench_jobs(work: Path, mode: Mode) -> list[Row]:
    project = make_project(work / "jobs")
    many_briefs(project, mode.briefs, None if mode.all_examples else mode.brief)
    runs = {
        f"--jobs {jobs}": tipbrief("build", "--no-cache", "--jobs", str(jobs), "--out", f"out{jobs}", "-q")
        for jobs in (1, 2)
    }

    def side(command: list[str]) -> Callable[[], float]:
        return lambda: timed(command, project)[0]

    # At most 3 runs a side: 24 PDFs take about a minute a run.
    samples = interleaved({name: side(command) for name, command in runs.items()}, min(mode.repeat, 3))
    one, two = project / "out1", project / "out2"
    names = sorted(p.name for p in one.iterdir() if p.is_file())
    differ = [n for n in names if not (two / n).is_file() or (one / n).read_bytes() != (two / n).read_bytes()]
    same = not differ and names == sorted(p.name for p in two.iterdir() if p.is_file())
    speedup = median(samples["--jobs 1"]) / median(samples["--jobs 2"])
    return [
        Row(
            f"c. {mode.briefs} briefs: --jobs 1 / --jobs 2 (speed-up)",
            speedup,
            "≥ 1.7×, same bytes",
            speedup >= 1.7 and same,
            f"{median(samples['--jobs 1']):.1f} s vs {median(samples['--jobs 2']):.1f} s on {os.cpu_count()} "
            f"cores; {len(names)} files {'identical' if same else 'DIFFER: ' + ', '.join(differ)}",
            samples,
        )
    ]


# --- d. and e. corpus size, the peer, incremental ----------------------------------------------


def run_factbase(corpus: Path, cache: Path | None, json_out: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.factbase_run", str(corpus)]
    if cache is not None:
        command += ["--cache", str(cache)]
    if json_out is not None:
        command += ["--json", str(json_out)]
    _, out = timed(command, ROOT)
    result: dict[str, Any] = json.loads(out)
    return result


def peer_seconds_per_article(corpus: Path, sample: int) -> float | None:
    """dateparser's search_dates over the first ``sample`` articles, per article (warmed up first);
    None when dateparser is not installed (it comes with the 'peers' extra, as `make bench` does)."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    settings = {"PREFER_DATES_FROM": "past"}
    search_dates("The seminar was held on 5 May 2014.", languages=["en"], settings=settings)
    paths = sorted(corpus.glob("*.txt"))[:sample]
    start = time.perf_counter()
    for path in paths:
        search_dates(path.read_text(encoding="utf-8"), languages=["en"], settings=settings)
    return (time.perf_counter() - start) / len(paths)


def edit_article(path: Path, sentence: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip() + "\n\n" + sentence + "\n", encoding="utf-8")


def bench_corpus(work: Path, mode: Mode) -> list[Row]:
    small = write_corpus(work / "small" / "seeds", mode.small)
    large = write_corpus(work / "large" / "seeds", mode.large)
    repeat = min(mode.repeat, 3)
    small_runs = [run_factbase(small, work / f"small-{i}.sqlite") for i in range(repeat)]
    large_runs = [run_factbase(large, work / f"large-{i}.sqlite") for i in range(mode.large_repeat)]
    t_small = median([r["seconds"] for r in small_runs])
    t_large = median([r["seconds"] for r in large_runs])
    growth = t_large / t_small
    size = mode.large / mode.small
    rss = {
        n: max(r["maxrss_kb"] for r in runs) / 1024
        for n, runs in ((mode.small, small_runs), (mode.large, large_runs))
    }
    base = min(r["baseline_kb"] for r in small_runs + large_runs) / 1024
    peer = peer_seconds_per_article(large, mode.peer_sample)
    ours = t_large / mode.large
    # e: the last large build left its cache; edit one article, then add one, and rebuild each time.
    cache = work / f"large-{mode.large_repeat - 1}.sqlite"
    articles = sorted(large.glob("*.txt"))
    incremental: list[dict[str, Any]] = []
    for i in range(repeat):
        edited = articles[(i * 7919) % len(articles)]
        edit_article(edited, f"The follow-up meeting took place on {i + 3} March 2019.")
        incremental.append(run_factbase(large, cache))
        added = large / f"added-{i}.txt"
        added.write_text(
            f"HANOI, {i + 1} June 2021 – ASEAN officials held a workshop on trafficking in persons "
            "in Hanoi.\n",
            encoding="utf-8",
        )
        incremental.append(run_factbase(large, cache))
    extracted = sorted({r["extracted"] for r in incremental})
    t_incr = median([r["seconds"] for r in incremental])
    return [
        Row(
            f"d. fact base {mode.large:,} / {mode.small:,} articles (time)",
            growth,
            f"≤ {1.1 * size:.0f}×",
            growth <= 1.1 * size,
            f"{t_small:.1f} s ({mode.small / t_small:.0f} articles/s) vs {t_large:.1f} s "
            f"({mode.large / t_large:.0f} articles/s); {large_runs[-1]['events']:,} events",
            {"small": [r["seconds"] for r in small_runs], "large": [r["seconds"] for r in large_runs]},
        ),
        Row(
            "d. peak memory (maxrss, MB)",
            rss[mode.large],
            "bounded (streamed)",
            None,
            f"{rss[mode.small]:.0f} MB at {mode.small:,}, {rss[mode.large]:.0f} MB at {mode.large:,} "
            f"(interpreter and imports: {base:.0f} MB); texts are not kept",
        ),
        Row(
            "d. dateparser search_dates / tipbrief extraction (per article)",
            peer / ours,
            "≥ 10×",
            peer / ours >= 10,
            f"dateparser {peer * 1000:.0f} ms/article (timed on {mode.peer_sample} articles, extrapolated: "
            f"{peer * mode.large:.0f} s for {mode.large:,}); tipbrief's whole fact base "
            f"{ours * 1000:.1f} ms/article",
            {"dateparser_per_article": [peer], "tipbrief_per_article": [ours]},
        )
        if peer is not None
        else Row(
            "d. dateparser search_dates / tipbrief extraction (per article)",
            0.0,
            "≥ 10×",
            None,
            "not measured: dateparser is not installed (pip install -e '.[peers]')",
        ),
        Row(
            f"e. one article edited or added in {mode.large:,} / full build",
            t_incr / t_large,
            "≤ 0.05×, re-extracts 1",
            t_incr / t_large <= 0.05 and extracted == [1],
            f"{t_incr:.2f} s vs {t_large:.1f} s; articles extracted per rebuild: {extracted}",
            {"incremental": [r["seconds"] for r in incremental]},
        ),
    ]


# --- f. many articles retelling the same events ------------------------------------------------


def bench_same_events(work: Path, mode: Mode) -> list[Row]:
    """The fact base and its JSON over corpora where most articles retell a few events, some with
    the wrong date: conflicts are grouped by reading, so time and size must grow with the corpus."""
    small = same_events.write_corpus(work / "small" / "seeds", mode.same_small)
    large = same_events.write_corpus(work / "large" / "seeds", mode.same_large)
    # Interleaved, so that a busy machine slows both sizes alike.
    runs: dict[str, list[dict[str, Any]]] = {"small": [], "large": []}
    for _ in range(min(mode.repeat, 3)):
        runs["small"].append(run_factbase(small, None, work / "small.json"))
        if len(runs["large"]) < max(mode.large_repeat, 1):
            runs["large"].append(run_factbase(large, None, work / "large.json"))
    t_small = median([r["json_seconds"] for r in runs["small"]])
    t_large = median([r["json_seconds"] for r in runs["large"]])
    b_small, b_large = runs["small"][-1]["json_bytes"], runs["large"][-1]["json_bytes"]
    size = mode.same_large / mode.same_small
    goal = 1.1 * size
    big = runs["large"][-1].get("largest", {})
    return [
        Row(
            f"f. same-events fact base + JSON {mode.same_large:,} / {mode.same_small:,} articles (time)",
            t_large / t_small,
            f"≤ {goal:.0f}×",
            t_large / t_small <= goal,
            f"{t_small:.1f} s vs {t_large:.1f} s (built and printed as JSON, imports excluded)",
            {
                "small": [r["json_seconds"] for r in runs["small"]],
                "large": [r["json_seconds"] for r in runs["large"]],
            },
        ),
        Row(
            f"f. same-events fact base JSON {mode.same_large:,} / {mode.same_small:,} articles (bytes)",
            b_large / b_small,
            f"≤ {goal:.0f}×, grows linearly",
            b_large / b_small <= goal,
            f"{b_small / 1e6:.1f} MB vs {b_large / 1e6:.1f} MB; the event with most sources at "
            f"{mode.same_large:,}: {big.get('sources', 0):,} sources, {big.get('conflicts', 0)} conflict(s) "
            f"with {big.get('readings', 0)} readings naming {big.get('reading_sources', 0):,} sources",
        ),
    ]


# --- the table ---------------------------------------------------------------------------------


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| comparison | ratio | goal | met | detail |",
        "|---|---:|---|:-:|---|",
    ]
    for row in rows:
        met = "—" if row.met is None else ("yes" if row.met else "NO")
        value = f"{row.value:.0f} MB" if row.name.startswith("d. peak") else f"{row.value:.3f}×"
        lines.append(f"| {row.name} | {value} | {row.goal} | {met} | {row.detail} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="fewer runs, corpora of 200 and 2,000")
    size.add_argument("--tiny", action="store_true", help="smoke run: one run each, tiny corpora")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results")
    parser.add_argument(
        "--only",
        choices=["a", "b", "c", "d", "f"],
        action="append",
        help="run some comparisons (d includes e)",
    )
    args = parser.parse_args(argv)
    mode = MODES["tiny" if args.tiny else "quick" if args.quick else "full"]
    chosen = args.only or ["a", "b", "c", "d", "f"]
    benches = {"a": bench_floor, "b": bench_noop, "c": bench_jobs, "d": bench_corpus, "f": bench_same_events}
    rows: list[Row] = []
    started = time.perf_counter()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="tipbrief-bench-") as tmp:
        # Every measured process runs a snapshot of the code: an edit to the working tree during
        # the run (its cache keys hash tipbrief's source) would otherwise invalidate the cache
        # between a build and its rebuild.
        snapshot = Path(tmp) / "code"
        shutil.copytree(
            ROOT / "src" / "tipbrief", snapshot / "tipbrief", ignore=shutil.ignore_patterns("__pycache__")
        )
        # Compiled as pip compiles an installed package (and as WeasyPrint, on the other side of
        # comparison a, is): where PYTHONDONTWRITEBYTECODE is set, every measured process would
        # otherwise compile tipbrief's source afresh (~0.1 s each).
        compileall.compile_dir(snapshot, quiet=1)
        os.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(snapshot), os.environ.get("PYTHONPATH")])
        )
        global TEMPLATES
        TEMPLATES = snapshot / "tipbrief" / "templates"
        for name in chosen:
            work = Path(tmp) / name
            work.mkdir()
            print(f"[{name}] running…", file=sys.stderr, flush=True)
            rows.extend(benches[name](work, mode))
    print(table(rows))
    print(
        f"{os.cpu_count()} cores; load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after "
        "(other processes share the cores: compare ratios, not seconds)"
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "mode": asdict(mode),
        "cores": os.cpu_count(),
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "python": sys.version.split()[0],
        "seconds": time.perf_counter() - started,
        "rows": [asdict(r) for r in rows],
    }
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {args.json} ({report['seconds']:.0f} s)", file=sys.stderr)
    # The smoke run checks that every comparison runs, not its timings.
    return 0 if mode.name == "tiny" or all(r.met is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
