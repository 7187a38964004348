"""Start-up time of lingnan on a corpus folder: the library alone and the whole bot process.

    .venv/bin/python scripts/bench_startup.py [CORPUS] [--runs N]

Prints figures; asserts nothing (the machines are shared and noisy). Each run works on a fresh
copy of the corpus, so "cold" really builds the index and "warm" really reuses the saved one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

LOAD_LIBRARY = """
import sys, time
started = time.perf_counter()
from retrieval.library import Library
library = Library.load(sys.argv[1])
print(time.perf_counter() - started, library.stats.index_from_cache)
"""


def _library_seconds(folder: Path) -> tuple[float, bool]:
    """Import and load the library in a new interpreter: what a fresh start pays."""
    out = subprocess.run(
        [sys.executable, "-c", LOAD_LIBRARY, str(folder)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout.split()
    return float(out[0]), out[1] == "True"


def _bot_console_seconds(folder: Path) -> float:
    """`python -m bot` without a token, from exec to the console's exit on 'quit'."""
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env.update(DISCORD_TOKEN="", LINGNAN_CORPUS_FOLDER=str(folder), LINGNAN_LOG_LEVEL="WARNING")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot"],
        input="quit\n",
        check=True,
        capture_output=True,
        text=True,
        cwd=folder.parent,
        env=env,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO / "seeds")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    rows: dict[str, list[float]] = {"library, cold": [], "library, warm": [], "bot, warm": []}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            shutil.copytree(args.corpus, folder, ignore=shutil.ignore_patterns(".*"))
            seconds, cached = _library_seconds(folder)
            assert not cached, "a fresh copy has no saved index"
            rows["library, cold"].append(seconds)
            seconds, cached = _library_seconds(folder)
            assert cached, "the second load reuses the index the first one saved"
            rows["library, warm"].append(seconds)
            rows["bot, warm"].append(_bot_console_seconds(folder))

    print(f"start-up on {args.corpus} ({args.runs} runs; seconds, imports included)")
    print("| what | median | min | max |")
    print("|---|---|---|---|")
    for name, values in rows.items():
        print(
            f"| {name} | {statistics.median(values):.2f} | {min(values):.2f} | {max(values):.2f} |"
        )


if __name__ == "__main__":
    main()
