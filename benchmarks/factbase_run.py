"""One fact-base build in this process, reported as JSON: run in a fresh process per measurement.

    python -m benchmarks.factbase_run CORPUS [--cache FILE] [--jobs N] [--json FILE]

Prints {"seconds", "extracted", "articles", "events", "maxrss_kb", "baseline_kb"}: the time of
scanning, extracting and resolving (imports excluded), and the process's peak resident memory
before and after the build, so that the build's own share can be told apart from the interpreter's.

With --json, also writes the fact base's JSON (as `tipbrief facts --format json` prints it) to FILE
and adds "json_bytes", "json_seconds" (the build and the dump: what `tipbrief facts` does) and
"largest" (the event with most sources: its sources, conflicts, readings and the sources they name).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    # As `tipbrief build` does by default: one extraction worker per core.
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    # Loaded before the clock starts: import cost is not the build's.
    import tipbrief.facts.extract.article
    import tipbrief.facts.resolve.events  # noqa: F401
    from tipbrief.build.cache import Cache
    from tipbrief.build.factbase import assemble_fact_base, scan_inputs
    from tipbrief.facts.factjson import dump_fact_base

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cache = Cache(args.cache) if args.cache is not None else None
    start = time.perf_counter()
    made = assemble_fact_base(scan_inputs(args.corpus, args.corpus.parent, cache), cache, jobs=args.jobs)
    if cache is not None:
        cache.flush()
    seconds = time.perf_counter() - start
    report: dict[str, object] = {
        "seconds": seconds,
        "extracted": made.extracted,
        "articles": len(made.facts.documents),
        "events": len(made.facts.events),
    }
    if args.json is not None:
        data = dump_fact_base(made.facts).encode("utf-8")
        args.json.write_bytes(data)
        report["json_seconds"] = time.perf_counter() - start
        report["json_bytes"] = len(data)
        largest = max(made.facts.events, key=lambda e: len(e.sources), default=None)
        if largest is not None:
            report["largest"] = {
                "id": largest.id,
                "sources": len(largest.sources),
                "evidence": len(largest.date.evidence),
                "conflicts": len(largest.conflicts),
                "readings": sum(len(c.readings) for c in largest.conflicts),
                "reading_sources": sum(len(r.sources) for c in largest.conflicts for r in c.readings),
            }
    report["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report["baseline_kb"] = baseline
    print(json.dumps(report))


if __name__ == "__main__":
    main()
