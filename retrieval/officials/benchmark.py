"""Timing of the officials directory: ``python -m retrieval.officials.benchmark [corpus folder]``.

Prints how long extraction takes and microseconds per lookup and per autocomplete call, on the
corpus and on a synthetic directory of several thousand officials (autocomplete runs on every
keystroke, so it must stay fast as the corpus grows). Figures, not pass/fail: the machine is
shared and noisy.
"""

from __future__ import annotations

import argparse
import itertools
import time
import timeit
from collections.abc import Callable
from pathlib import Path

from retrieval.corpus import load_corpus
from retrieval.models import Official, OfficialTitle
from retrieval.officials import OfficialsDirectory

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "seeds"


def per_call_us(function: Callable[[], object], budget_seconds: float = 0.3) -> float:
    """Median-of-three microseconds per call, each run sized to about ``budget_seconds``."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    number = max(1, int(number * budget_seconds / 0.2))
    return min(timer.repeat(repeat=3, number=number)) / number * 1e6


def synthetic_directory(size: int) -> OfficialsDirectory:
    surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"]
    syllables = ["wei", "ming", "hua", "jian", "guo", "li", "hong", "jun", "feng", "xin", "yu"]
    given = ["".join(pair).capitalize() for pair in itertools.product(syllables, repeat=2)]
    names = (f"{s} {g}" for g, s in itertools.product(given * 10, surnames))
    officials = [
        Official(
            name=f"{name}{'' if i < len(given) * 10 else i}",
            titles=[OfficialTitle(title="director", document="d", date=None)],
        )
        for i, name in zip(range(size), names, strict=False)
    ]
    return OfficialsDirectory(officials)


def report(label: str, directory: OfficialsDirectory) -> None:
    calls: dict[str, Callable[[], object]] = {
        "lookup exact 'Wang Weizhong'": lambda: directory.lookup("Wang Weizhong"),
        "lookup typo 'wang weizong'": lambda: directory.lookup("wang weizong"),
        "lookup characters '张劲松'": lambda: directory.lookup("张劲松"),
        "lookup unknown 'Albert Huang'": lambda: directory.lookup("Albert Huang"),
        "lookup 6000 chars": lambda: directory.lookup("x" * 6000),
        "complete 'wan'": lambda: directory.complete("wan"),
        "complete '张'": lambda: directory.complete("张"),
        "complete typo 'wnag'": lambda: directory.complete("wnag"),
    }
    print(f"{label}: {len(directory)} officials")
    for name, call in calls.items():
        print(f"  {name:<32} {per_call_us(call):9.1f} µs/call")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--synthetic", type=int, default=5000, help="size of the synthetic set")
    args = parser.parse_args()

    corpus = load_corpus(args.folder)
    started = time.perf_counter()
    directory = OfficialsDirectory.from_corpus(corpus)
    build = time.perf_counter() - started
    print(f"extraction: {len(corpus.documents)} documents in {build * 1000:.0f} ms")
    report(f"corpus {args.folder}", directory)
    if args.synthetic > 0:
        report("synthetic", synthetic_directory(args.synthetic))


if __name__ == "__main__":
    main()
