"""Ingest speed: ../shared/datasets/gva/articles.jsonl into a temporary store.

Prints articles per second for the whole ingest, the time spent reading, cleaning and
storing, and peak memory (ru_maxrss). Target: >= 200 articles/s.

    .venv/bin/python bench/ingest.py [--processes N] [PATH ...]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from newsfuse.clean import clean
from newsfuse.config import Settings
from newsfuse.ingest import ingest_paths, read_inputs
from newsfuse.store import Store

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "gva" / "articles.jsonl"
TARGET = 200.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(CORPUS)])
    parser.add_argument("--processes", type=int, default=1, help="clean in N worker processes")
    args = parser.parse_args()
    if not all(Path(p).exists() for p in args.paths):
        print(f"skipped: {args.paths} not found (../shared absent?)")
        return 0
    settings = Settings()
    read_wall, read_cpu, _ = _timed(lambda: sum(1 for _ in read_inputs(args.paths, settings)))
    cleaner = _TimedClean()
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        run = partial(ingest_paths, args.paths, store, settings, processes=args.processes)
        wall, cpu, report = _timed(lambda: run(clean=cleaner) if args.processes == 1 else run())
    rate = report.read / wall
    print(f"inputs: {report.read} ({report.new} new, {report.duplicate} duplicate, {report.failed} failed)")
    print(f"ingest: {wall:.2f} s wall with {args.processes} process(es): {rate:.0f} articles/s (target >= {TARGET:.0f})")
    if args.processes == 1:  # the clean timer only sees work done in this process
        rest = cpu - cleaner.cpu - read_cpu
        print(f"  CPU {cpu:.2f} s ({report.read / cpu:.0f} articles per CPU second): read {read_cpu:.2f} s,"
              f" clean {cleaner.cpu:.2f} s ({cleaner.cpu / cpu:.0%}), store and glue {rest:.2f} s"
              f" ({1000 * rest / max(report.read, 1):.2f} ms per article)")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB (ru_maxrss)" + (f", largest worker {workers:.0f} MB" if args.processes > 1 else ""))
    return 0 if rate >= TARGET else 1


class _TimedClean:
    """newsfuse.clean.clean, adding up the CPU time it takes."""

    def __init__(self) -> None:
        self.cpu = 0.0

    def __call__(self, raw):
        start = time.process_time()
        try:
            return clean(raw)
        finally:
            self.cpu += time.process_time() - start


def _timed(func):
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    return time.perf_counter() - wall, time.process_time() - cpu, result


if __name__ == "__main__":
    sys.exit(main())
