"""The command line: the same API for people (text) and scripts (JSON, JSON Lines).

The JSON shapes are the models in ``retrieval.models`` dumped as JSON; they are a public interface.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel

from retrieval.errors import IndexSaveError, RetrievalError
from retrieval.filters import (
    LANGUAGE_NAMES,
    FilterError,
    FilterMistake,
    describe_filters,
    search_filters,
)
from retrieval.index_store import WAIT_LOGGER
from retrieval.library import Library
from retrieval.models import DocumentSummary, Official, SearchFilters, SearchResponse, Timeline

DEFAULT_CORPUS = Path("seeds")
# A corpus warning about a file or folder left out: "<name>: skipped (<why>)."
_SKIPPED = re.compile(r"[^:]+: skipped \(")
MAX_TOP_K = 100


class UsageError(Exception):
    """A mistake in how the command was called; the message is shown as one line."""


def _dump(model: BaseModel | list, out: TextIO) -> None:
    data = (
        [m.model_dump(mode="json") for m in model]
        if isinstance(model, list)
        else model.model_dump(mode="json")
    )
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def _emit(model: BaseModel | list, text: str, as_json: bool, out: TextIO) -> None:
    if as_json:
        _dump(model, out)
    else:
        out.write(text + "\n")


def _positive_top_k(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= MAX_TOP_K:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_TOP_K}")
    return number


# ---- text rendering for people -------------------------------------------------------------


def render_search(response: SearchResponse) -> str:
    lines: list[str] = []
    for c in response.corrections:
        lines.append(f"(searched for '{c.corrected}' instead of '{c.original}')")
    for e in response.expansions:
        lines.append(f"(also searched for {', '.join(map(repr, e.added))} for '{e.original}')")
    for e in response.synonyms:
        lines.append(f"(same meaning: {', '.join(map(repr, e.added))} for '{e.original}')")
    for e in response.translations:
        lines.append(f"(found through: '{e.original}' -> {', '.join(map(repr, e.added))})")
    lines.extend(_filter_lines(response))
    if not response.results:
        if response.filters is None:
            lines.append("The corpus has no passage that answers this question.")
        return "\n".join(lines)
    for rank, r in enumerate(response.results, 1):
        doc = r.document
        lines.append(f"{rank}. {doc.source} — {doc.title} ({doc.date or 'undated'})")
        lines.extend(
            textwrap.wrap(
                r.text,
                width=96,
                initial_indent="   “",
                subsequent_indent="    ",
                break_on_hyphens=False,  # "1-11月" is a range, not a place to break
            )
        )
        lines[-1] += "”"
        page = f"page {r.page}, " if r.page else ""
        where = (
            f"   {page}paragraph {r.paragraph}, characters {r.start}–{r.end}, score {r.score:.2f}"
        )
        lines.append(where + (f"  {doc.url}" if doc.url else ""))
    return "\n".join(lines)


def _filter_lines(response: SearchResponse) -> list[str]:
    """What the filters did: the filters, the undated documents left out, and when nothing
    was left, how many results there are without them."""
    filters = response.filters
    if filters is None:
        return []
    undated = response.undated_left_out
    left_out = f"; {undated} undated document{'s' * (undated != 1)} left out" if undated else ""
    lines = [f"(filters: {describe_filters(filters)}{left_out})"]
    if not response.results:
        without = response.without_filters or 0
        if not response.filtered_documents:
            lines.append("No document of the corpus meets these filters.")
        else:
            lines.append("No passage of the documents these filters leave answers this question.")
        lines.append(f"Without the filters: {without} result{'s' * (without != 1)}.")
    return lines


def render_timeline(timeline: Timeline) -> str:
    """One line per quote, oldest first: date, source, the sentence that matched best."""
    lines = [
        f"(searched for '{c.corrected}' instead of '{c.original}')" for c in timeline.corrections
    ]
    if not timeline.entries and not timeline.undated:
        lines.append("The corpus has no passage on this topic.")
    for entry in timeline.entries:
        lines.append(f"{entry.date}  {entry.result.document.source} — {entry.sentence}")
    if timeline.undated:
        lines.append("undated:")
        lines.extend(
            f"            {entry.result.document.source} — {entry.sentence}"
            for entry in timeline.undated
        )
    return "\n".join(lines)


def render_documents(documents: Iterable[DocumentSummary]) -> str:
    lines = []
    for d in documents:
        lines.append(f"{d.id}  [{d.language}] {d.date or 'undated'}  {d.source}")
        lines.append(f"    {d.title}  ({d.passages} passages){'  ' + d.url if d.url else ''}")
    return "\n".join(lines) or "The corpus folder holds no documents."


def render_officials(officials: Iterable[Official]) -> str:
    lines = [f"{o.name}: {o.main_title or 'no title stated'}" for o in officials]
    return "\n".join(lines) or "No officials are named in the corpus."


def render_official(o: Official) -> str:
    lines = [o.name]
    if o.aliases:
        lines.append("  also: " + ", ".join(o.aliases))
    for t in o.titles:
        lines.append(f"  - {t.title} ({t.document}, {t.date or 'undated'})")
    lines.append("  documents:")
    lines.extend(f"    {d.id} ({d.date or 'undated'}) {d.title}" for d in o.documents)
    if o.statements:
        lines.append("  statements:")
        for s in o.statements:
            lines.extend(
                textwrap.wrap(
                    f"“{s.text}” ({s.document}, {s.date or 'undated'})",
                    width=96,
                    initial_indent="    ",
                    subsequent_indent="     ",
                )
            )
    return "\n".join(lines)


def filter_mistake_sentence(error: FilterError) -> str:
    """What is wrong with a filter, in one English sentence (the bot words its own)."""
    value = error.value if len(error.value) <= 40 else error.value[:39] + "\u2026"
    sentences = {
        FilterMistake.NOT_A_DATE: f"\u201c{value}\u201d is not a date: write a year (2024), "
        "a year and month (2024-03) or a day (2024-03-15).",
        FilterMistake.SINCE_AFTER_UNTIL: f"\u201csince {value}\u201d is after "
        f"\u201cuntil {error.other}\u201d.",
        FilterMistake.NOT_A_LANGUAGE: f"\u201c{value}\u201d is not a language code: "
        f"use {', '.join(LANGUAGE_NAMES)}.",
        FilterMistake.NO_SUCH_SOURCE: f"No source of the corpus is called \u201c{value}\u201d.",
        FilterMistake.SEVERAL_SOURCES: f"\u201c{value}\u201d is part of {error.count} "
        "sources' names.",
    }
    return sentences[error.mistake]


# ---- commands ------------------------------------------------------------------------------


def _filters(args: argparse.Namespace) -> SearchFilters | None:
    try:
        filters = search_filters(
            language=args.language, since=args.since, until=args.until, source=args.source
        )
    except FilterError as error:  # a filter mistyped is a mistake in the call
        raise UsageError(filter_mistake_sentence(error)) from None
    return filters if filters.active else None


def _search_one(
    library: Library,
    question: str,
    top_k: int,
    as_json: bool,
    out: TextIO,
    filters: SearchFilters | None = None,
) -> None:
    if not question.strip():
        raise UsageError("the question is empty")
    response = library.search(question, top_k=top_k, filters=filters)
    if as_json:
        _dump(response, out)
    else:
        out.write(render_search(response) + "\n")


def _search_batch(
    library: Library,
    top_k: int,
    stdin: TextIO,
    out: TextIO,
    filters: SearchFilters | None = None,
) -> None:
    # One JSON object per input line, in order, so scripts can zip questions with answers.
    for line in stdin:
        question = line.rstrip("\n")
        if not question.strip():
            out.write(
                json.dumps({"query": question, "results": [], "error": "empty question"}) + "\n"
            )
        else:
            _dump(library.search(question, top_k=top_k, filters=filters), out)
        out.flush()


def _interactive(library: Library, top_k: int, stdin: TextIO, out: TextIO) -> None:
    stats = library.stats
    out.write(
        f"lingnan: {stats.documents} documents, {stats.passages} passages, "
        f"{stats.officials} officials. Ask a question; 'quit' or Ctrl-D leaves.\n"
    )
    while True:
        if stdin.isatty():
            out.write("? ")
            out.flush()
        line = stdin.readline()
        if not line:
            break
        question = line.strip()
        if question.lower() in {"quit", "exit", ":q"}:
            break
        if question:
            out.write(render_search(library.search(question, top_k=top_k)) + "\n\n")
            out.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m retrieval",
        description="Search lingnan's corpus; with no command, an interactive prompt.",
    )
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: seeds)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and warnings")
    parser.add_argument("--k1", type=float, default=1.5, help="BM25 k1 (default 1.5)")
    parser.add_argument("--b", type=float, default=0.75, help="BM25 b (default 0.75)")
    sub = parser.add_subparsers(dest="command")

    search = sub.add_parser("search", help="the passages that best answer a question")
    search.add_argument("question", help="the question, or - to read one per line from stdin")
    search.add_argument("--top-k", type=_positive_top_k, default=3, help="results (default 3)")
    search.add_argument("--json", action="store_true", help="print JSON (JSON Lines with -)")
    _add_filter_arguments(search)

    timeline = sub.add_parser("timeline", help="the best passages on a topic, oldest first")
    timeline.add_argument("topic")
    timeline.add_argument("--json", action="store_true")
    _add_filter_arguments(timeline)

    documents = sub.add_parser("documents", help="the documents of the corpus")
    documents.add_argument("--json", action="store_true")

    officials = sub.add_parser("officials", help="everyone in the officials directory")
    officials.add_argument("--json", action="store_true")

    official = sub.add_parser("official", help="one official: titles, documents, statements")
    official.add_argument("name")
    official.add_argument("--json", action="store_true")

    index = sub.add_parser("index", help="build and save the search index of a corpus folder")
    index.add_argument("path", type=Path, help="a folder of .txt/.md/.jsonl/.html/.pdf documents")
    return parser


def _add_filter_arguments(command: argparse.ArgumentParser) -> None:
    languages = ", ".join(LANGUAGE_NAMES)
    command.add_argument("--language", help=f"only documents in this language ({languages})")
    command.add_argument("--since", help="only documents of this year, month or day or later")
    command.add_argument("--until", help="only documents of this year, month or day or earlier")
    command.add_argument("--source", help="only documents whose source contains these words")


def run(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    # The same bounds as the bot's settings; NaN fails every comparison, hence the form.
    if not (0 < args.k1 <= 10 and 0 <= args.b <= 1):
        raise UsageError("BM25 needs k1 between 0 (excluded) and 10, and b between 0 and 1")
    if args.command == "index":
        library = Library.load(args.path, k1=args.k1, b=args.b, progress=True)
        _report_skipped(library, args.verbose)
        s = library.stats
        if s.index_save_error:
            # Saving is what this command is for: "index built" would be a lie.
            raise IndexSaveError(s.index_save_error)
        source = "reused" if s.index_from_cache else "built"
        out.write(
            f"{s.documents} documents, {s.passages} passages, {s.officials} officials; "
            f"index {source} in {s.index_seconds:.2f} s (total {s.load_seconds:.2f} s)\n"
        )
        return 0

    if args.command == "search" and args.question != "-" and not args.question.strip():
        raise UsageError("the question is empty")
    if args.command == "search" and args.question == "-" and not args.json:
        raise UsageError("reading questions from stdin (-) needs --json")
    if args.command == "timeline" and not args.topic.strip():
        raise UsageError("the topic is empty")
    filters = _filters(args) if args.command in ("search", "timeline") else None

    library = Library.load(args.corpus, k1=args.k1, b=args.b)
    _report_skipped(library, args.verbose)
    if library.stats.index_save_error:
        # The answers are right (the index built in memory); the next start will be slow.
        print(f"warning: {library.stats.index_save_error}", file=sys.stderr)
    if args.command is None:
        _interactive(library, 3, stdin, out)
    elif args.command == "search":
        if args.question == "-":
            _search_batch(library, args.top_k, stdin, out, filters)
        else:
            _search_one(library, args.question, args.top_k, args.json, out, filters)
    elif args.command == "timeline":
        timeline = library.timeline(args.topic, filters)
        _emit(timeline, render_timeline(timeline), args.json, out)
    elif args.command == "documents":
        docs = library.documents()
        _emit(docs, render_documents(docs), args.json, out)
    elif args.command == "officials":
        people = library.officials.all()
        _emit(people, render_officials(people), args.json, out)
    elif args.command == "official":
        lookup = library.officials.lookup(args.name)
        if lookup.official is None:
            if lookup.suggestions:
                hint = ", ".join(lookup.suggestions)
                text = f"{args.name!r} names no single official in the corpus. Did you mean: {hint}"
            else:
                text = f"No official in the corpus is called {args.name!r} or holds that office."
            _emit(lookup, text, args.json, out)
            return 1
        _emit(lookup.official, render_official(lookup.official), args.json, out)
    return 0


def _report_skipped(library: Library, verbose: bool) -> None:
    """Without -v the log is hidden: say in one line how many files were skipped."""
    skipped = sum(1 for warning in library.warnings if _SKIPPED.match(warning))
    if skipped and not verbose:
        files = "1 file" if skipped == 1 else f"{skipped:,} files"
        print(f"{files} skipped (-v lists them)", file=sys.stderr)


def _announce_waits() -> logging.Handler:
    """Show the wait for another build's lock on stderr although the log is hidden."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    waits = logging.getLogger(WAIT_LOGGER)
    waits.addHandler(handler)
    waits.setLevel(logging.INFO)
    waits.propagate = False
    return handler


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )
    waits = None if args.verbose else _announce_waits()
    try:
        return run(args, sys.stdin, sys.stdout)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RetrievalError as exc:
        logging.getLogger("retrieval").debug("failed", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `... | head` closed the pipe: not an error worth a traceback.
        return 0
    finally:
        if waits is not None:  # main() may run again in this process (tests do)
            logger = logging.getLogger(WAIT_LOGGER)
            logger.removeHandler(waits)
            logger.setLevel(logging.NOTSET)
            logger.propagate = True
