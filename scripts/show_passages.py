"""How a corpus folder is cut into paragraphs, sentences and passages, for reading by eye.

    .venv/bin/python scripts/show_passages.py [CORPUS] [--only SUBSTRING] [--sentences]
    .venv/bin/python scripts/show_passages.py [CORPUS] --stats

Prints each document's paragraphs with their passages (``--sentences``: each sentence too),
or with ``--stats`` only the counts: documents, paragraphs, passages, mean passage length.
Reads the folder where it lies; writes nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from retrieval.corpus import Corpus, load_corpus  # noqa: E402
from retrieval.sentences import split_sentences  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "dev-corpus" / "docs"


def _one_line(text: str) -> str:
    return text.replace("\n", "⏎")


def show(corpus: Corpus, only: str, with_sentences: bool) -> None:
    """Print every paragraph of the matching documents with its passages."""
    for document in corpus.documents:
        if only not in document.info.id:
            continue
        print(f"=== {document.info.id}  [{document.info.language}]  title: {document.info.title}")
        passages = [p for p in corpus.passages if p.document_id == document.info.id]
        for paragraph in document.paragraphs:
            size = paragraph.end - paragraph.start
            print(f"  ¶{paragraph.number} [{paragraph.language}] {size}c")
            if with_sentences:
                for start, end in split_sentences(paragraph.text, paragraph.language):
                    print(f"      · {_one_line(paragraph.text[start:end])}")
            for passage in passages:
                if passage.paragraph == paragraph.number:
                    print(f"    #{passage.id} {len(passage.text)}c | {_one_line(passage.text)}")


def stats(corpus: Corpus) -> None:
    """Print the counts of documents, paragraphs and passages and the mean passage length."""
    lengths = [len(p.text) for p in corpus.passages]
    paragraphs = sum(len(d.paragraphs) for d in corpus.documents)
    print(
        f"documents {len(corpus.documents)}  paragraphs {paragraphs}  passages {len(lengths)}  "
        f"mean length {statistics.mean(lengths):.0f}  median {statistics.median(lengths):.0f}  "
        f"max {max(lengths)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", default="", help="documents whose id contains this")
    parser.add_argument("--sentences", action="store_true", help="print each sentence too")
    parser.add_argument("--stats", action="store_true", help="print the counts only")
    args = parser.parse_args()
    corpus = load_corpus(args.corpus)
    if args.stats:
        stats(corpus)
    else:
        show(corpus, args.only, args.sentences)


if __name__ == "__main__":
    main()
