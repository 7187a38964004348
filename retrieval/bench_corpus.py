"""A large corpus for load benchmarks, generated from the pages of a small one.

Each generated file joins a few pages of the source corpus (the development corpus and the seeds)
with its figures replaced and its body paragraphs shuffled, and a made-up word in some sentences,
so that no two files are alike and the vocabulary grows with the corpus as a real one's does.
The same arguments always generate the same files. Generated into a folder the caller names
(never the source folders).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

from retrieval.corpus import TEXT_SUFFIXES

_DIGIT = re.compile(r"\d")
_SYLLABLES = ("ka", "lo", "mi", "ne", "tu", "ra", "shi", "zen", "po", "vu", "qi", "dor")
# Pages joined into one generated file: files of some tens of kilobytes, as reports are.
PAGES_PER_FILE = 20


def source_pages(folders: Sequence[Path]) -> list[str]:
    """The text of every text document in ``folders``, in a stable order."""
    pages: list[str] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
                pages.append(path.read_text(encoding="utf-8", errors="replace"))
    return [page for page in pages if page.strip()]


def varied_page(page: str, rng: random.Random) -> str:
    """``page`` with other figures, its body paragraphs in another order and a made-up word."""
    paragraphs = [p for p in page.split("\n\n") if p.strip()]
    head, body = paragraphs[:2], paragraphs[2:]
    rng.shuffle(body)
    word = "".join(rng.choice(_SYLLABLES) for _ in range(3))
    if body:
        spot = rng.randrange(len(body))
        body[spot] = f"{body[spot]} The {word} programme is part of it."
    text = "\n\n".join(head + body)
    return _DIGIT.sub(lambda _: str(rng.randrange(10)), text)


def generate_corpus(
    target: Path, source_folders: Sequence[Path], megabytes: float, *, seed: int = 13
) -> list[Path]:
    """Write about ``megabytes`` MB of text files into ``target``; return their paths."""
    pages = source_pages(source_folders)
    if not pages:
        raise ValueError("the source folders hold no text document")
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    budget = int(megabytes * 1_000_000)
    written = 0
    paths: list[Path] = []
    while written < budget:
        chosen = [varied_page(rng.choice(pages), rng) for _ in range(PAGES_PER_FILE)]
        data = "\n\n".join(chosen).encode("utf-8")
        path = target / f"doc-{len(paths):06d}.txt"
        path.write_bytes(data)
        paths.append(path)
        written += len(data)
    return paths


def extra_document(rng_seed: int, source_folders: Sequence[Path]) -> str:
    """One more document, unlike every generated one: what "adding a document" adds."""
    rng = random.Random(rng_seed)
    pages = source_pages(source_folders)
    return "\n\n".join(varied_page(rng.choice(pages), rng) for _ in range(PAGES_PER_FILE))
