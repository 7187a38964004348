"""Benchmark loading a large corpus: the first load, a restart, and adding one document.

    python -m retrieval.bench_load [--megabytes 200] [--work /tmp/lingnan-bench-load]
                                   [--before /tmp/lingnan-head] [--baseline /tmp/lingnan-old]
                                   [--warm-up] [--json]

Generates a corpus of about ``--megabytes`` MB from the development corpus and the seeds
(``retrieval.bench_corpus``) into ``--work`` (never into the source folders), then, for this
code and for the code in ``--before`` (a checkout of an older commit, e.g.
``git archive HEAD | tar -x -C /tmp/lingnan-head``), each in a fresh process:

- first load: no saved index, no cache; its throughput in MB/s;
- restart: the same corpus again;
- add one document: one more file in the folder, then a load.

``--baseline`` (code without a cache, whose restart is another first load) is measured on the
first load only. Each figure is the seconds ``Library.load`` took, the process's peak memory
(its maximum resident set size, which includes the interpreter and the libraries) and the
memory it holds once loaded (resident set after a garbage collection and ``malloc_trim``: what
a process serving the corpus keeps). ``--warm-up`` also times ``Library.warm_up`` after each
load, in the same process: the bot warms up before it answers, so a start of the bot is both;
and it adds the bot's reload after ``/add``: a process serving the corpus (loaded and warm) gets
the file, and the time from its arrival until the new library serves is measured (the new
library carries the old one's copies and translations over), then the time it takes to find
its own behind.
Figures only, no verdict: the machine decides them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from retrieval.bench_corpus import extra_document, generate_corpus
from retrieval.index_store import INDEX_DIRNAME

_REPOSITORY = Path(__file__).resolve().parents[1]
SOURCE_FOLDERS = (_REPOSITORY.parent / "shared" / "dev-corpus" / "docs", _REPOSITORY / "seeds")
EXTRA_FILE = "zz-added-document.txt"
# Run in a fresh interpreter whose working folder is the code to measure.
_CHILD = """
import ctypes, gc, json, resource, sys, time
import retrieval
from retrieval.library import Library
started = time.perf_counter()
library = Library.load(sys.argv[1])
seconds = time.perf_counter() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
gc.collect()
try:  # give freed heap back to the system, so that what is left is what the library holds
    ctypes.CDLL("libc.so.6").malloc_trim(0)
except OSError:
    pass
with open("/proc/self/statm") as statm:
    held_mb = int(statm.read().split()[1]) * resource.getpagesize() / 2**20
figures = {
    "seconds": seconds,
    "peak_mb": peak_mb,
    "held_mb": held_mb,
    "documents": library.stats.documents,
    "passages": library.stats.passages,
    "index_from_cache": library.stats.index_from_cache,
    "code": retrieval.__file__,
}
if sys.argv[2:] == ["warm-up"]:
    started = time.perf_counter()
    library.warm_up()
    figures["warm_up"] = {
        "seconds": time.perf_counter() - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
print(json.dumps(figures))
"""

# The bot's reload after /add: the library served is loaded and warm; the file arrives; the
# new library is loaded, carries the old one's copies and translations over (code that cannot
# carry them finds its own), warms up and serves; then it finds its own copies and translations.
_RELOAD_CHILD = """
import json, os, resource, sys, time
import retrieval
from retrieval.library import Library
corpus, arriving, name = sys.argv[1:4]
previous = Library.load(corpus)
previous.warm_up()
os.replace(arriving, os.path.join(corpus, name))
started = time.perf_counter()
library = Library.load(corpus)
carried = hasattr(library, "carry_over") and library.carry_over(previous)
library.warm_up()
seconds = time.perf_counter() - started
del previous  # the bot lets go of it once the new library serves
started = time.perf_counter()
if carried:
    library.complete_tables()
print(json.dumps({
    "seconds": seconds,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "carried_over": carried,
    "complete_seconds": time.perf_counter() - started,
    "code": retrieval.__file__,
}))
"""


def _run_child(code: Path, script: str, *args: str) -> dict[str, Any]:
    """Run ``script`` in a fresh interpreter on the code in ``code``; its last line of JSON."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=code,
        env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the load failed in {code}:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(result["code"]).resolve().is_relative_to(code.resolve()):
        raise RuntimeError(f"the child ran {result['code']}, not the code in {code}")
    return result


def measure_reload(code: Path, corpus: Path, arriving: Path) -> dict[str, Any]:
    """The bot's reload after ``/add``, by the code in ``code`` in a fresh process: from the
    file's arrival until the new library serves (load, carry-over, warm-up), then the time it
    takes to find its own copies and translations behind."""
    return _run_child(code, _RELOAD_CHILD, str(corpus), str(arriving), EXTRA_FILE)


def measure_load(code: Path, corpus: Path, *, warm_up: bool = False) -> dict[str, Any]:
    """One ``Library.load`` of ``corpus`` by the code in ``code``, in a fresh process;
    ``warm_up``: then ``Library.warm_up`` too (what the bot does before it answers)."""
    return _run_child(code, _CHILD, str(corpus), *(["warm-up"] if warm_up else []))


def measure_code(
    code: Path, corpus: Path, megabytes: float, *, warm_up: bool = False
) -> dict[str, Any]:
    """First load, restart and add-one-document figures of the code in ``code``; ``warm_up``:
    each process then warms the library up too (what the bot does before it answers), timed
    apart."""
    shutil.rmtree(corpus / INDEX_DIRNAME, ignore_errors=True)
    (corpus / EXTRA_FILE).unlink(missing_ok=True)
    # The bot warms up after its first load too, which caches the searcher's tables: the
    # restart's warm-up then reads them, as the bot's would.
    first = measure_load(code, corpus, warm_up=warm_up)
    first["mb_per_second"] = megabytes / first["seconds"]
    restart = measure_load(code, corpus, warm_up=warm_up)
    extra = extra_document(99, SOURCE_FOLDERS)
    (corpus / EXTRA_FILE).write_text(extra, encoding="utf-8")
    try:
        added = measure_load(code, corpus, warm_up=warm_up)
    finally:
        (corpus / EXTRA_FILE).unlink(missing_ok=True)
    figures = {"first_load": first, "restart": restart, "add_one_document": added}
    if warm_up:
        arriving = corpus.parent / EXTRA_FILE  # outside the corpus until the child moves it in
        arriving.write_text(extra, encoding="utf-8")
        try:
            figures["bot_reload"] = measure_reload(code, corpus, arriving)
        finally:
            arriving.unlink(missing_ok=True)
            (corpus / EXTRA_FILE).unlink(missing_ok=True)
    return figures


def measure_first_load(code: Path, corpus: Path, megabytes: float) -> dict[str, Any]:
    """The first load only, by code that keeps no per-file cache."""
    shutil.rmtree(corpus / INDEX_DIRNAME, ignore_errors=True)
    first = measure_load(code, corpus)
    first["mb_per_second"] = megabytes / first["seconds"]
    shutil.rmtree(corpus / INDEX_DIRNAME, ignore_errors=True)
    return {"first_load": first}


def run(
    megabytes: float,
    work: Path,
    before: Path | None,
    after: Path,
    baseline: Path | None = None,
    *,
    warm_up: bool = False,
) -> dict[str, Any]:
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    paths = generate_corpus(corpus, SOURCE_FOLDERS, megabytes)
    size = sum(path.stat().st_size for path in paths) / 1_000_000
    result: dict[str, Any] = {"megabytes": round(size, 1), "files": len(paths)}
    if baseline is not None:
        result["baseline"] = measure_first_load(baseline, corpus, size)
    if before is not None:
        result["before"] = measure_code(before, corpus, size, warm_up=warm_up)
    result["after"] = measure_code(after, corpus, size, warm_up=warm_up)
    return result


_STEPS = {
    "first_load": "first load",
    "restart": "restart",
    "add_one_document": "add one document",
}
_WIDTH = 34


def _cell(figures: dict[str, Any] | None) -> str:
    if figures is None:
        return "-"
    held = f" {figures['held_mb']:5.0f} held" if "held_mb" in figures else " " * 11
    return f"{figures['seconds']:7.1f} s {figures['peak_mb']:6.0f} MB peak{held}"


def format_result(result: dict[str, Any]) -> str:
    """The figures as a table: one column per code measured, one row per step."""
    codes = [code for code in ("baseline", "before", "after") if code in result]
    lines = [
        f"corpus: {result['megabytes']} MB in {result['files']} files",
        f"{'':22}" + "".join(f"{code:>{_WIDTH}}" for code in codes),
    ]
    for step, label in _STEPS.items():
        if not any(step in result[code] for code in codes):
            continue
        cells = "".join(f"{_cell(result[code].get(step)):>{_WIDTH}}" for code in codes)
        lines.append(f"{label:22}{cells}")
        warmed = [result[code].get(step, {}).get("warm_up") for code in codes]
        if any(warmed):
            cells = "".join(f"{_cell(figures):>{_WIDTH}}" for figures in warmed)
            lines.append(f"{'  then warm-up':22}{cells}")
    reloads = [result[code].get("bot_reload") for code in codes]
    if any(reloads):
        cells = "".join(f"{_cell(figures):>{_WIDTH}}" for figures in reloads)
        lines.append(f"{'bot: add, then serving':22}{cells}")
        behind = [
            f"{figures['complete_seconds']:7.1f} s" if figures and figures["carried_over"] else "-"
            for figures in reloads
        ]
        lines.append(f"{'  then own tables':22}" + "".join(f"{c:>{_WIDTH}}" for c in behind))
    throughput = "".join(
        f"{result[code]['first_load']['mb_per_second']:{_WIDTH - 5}.2f} MB/s" for code in codes
    )
    lines.append(f"{'first load throughput':22}{throughput}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retrieval.bench_load", description=__doc__)
    parser.add_argument("--megabytes", type=float, default=200.0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/lingnan-bench-load"))
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="code without a per-file cache: its first load only (its restart is another)",
    )
    parser.add_argument(
        "--after",
        type=Path,
        default=_REPOSITORY,
        help="the code to measure (default: this one; a copy stays the same while others edit)",
    )
    parser.add_argument(
        "--warm-up",
        action="store_true",
        help="after each load, time Library.warm_up too (what the bot does before it answers)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not 0 < args.megabytes <= 10_000:
        parser.error("--megabytes must be between 0 and 10,000")
    work = args.work.resolve()
    if any(work.is_relative_to(folder.resolve()) for folder in SOURCE_FOLDERS):
        parser.error("--work must not be inside a source folder")
    result = run(args.megabytes, work, args.before, args.after, args.baseline, warm_up=args.warm_up)
    print(json.dumps(result, indent=2) if args.json else format_result(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
