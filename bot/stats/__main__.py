"""`python -m bot.stats`: the owner's figures on the command line, as text or JSON, and CSV.

    python -m bot.stats                      # the last 30 days, as text
    python -m bot.stats --since 2025-05-01 --json
    python -m bot.stats --since 7d --csv questions.csv   # every question, a row each (-: stdout)

The database is the bot's (LINGNAN_DATABASE_URL, else the SQLite file of LINGNAN_DATABASE_PATH or
beside the corpus); `--database URL` names another.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from bot.settings import SettingsError, load_settings
from bot.stats.export import export_csv
from bot.stats.report import StatsReport, build_report
from bot.storage.database import Database, DatabaseError, utc_now
from bot.storage.recorder import database_url_of

DEFAULT_DAYS = 30
_DAYS = re.compile(r"(\d{1,5})d")


def parse_since(value: str, now: datetime) -> datetime:
    """ "30d" (days back from now) or a date "2025-05-01" (UTC midnight)."""
    days = _DAYS.fullmatch(value.strip())
    if days:
        return now - timedelta(days=int(days.group(1)))
    try:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=None)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--since takes a date (2025-05-01) or a number of days (30d), not {value!r}"
        ) from None


def report_text(report: StatsReport) -> str:
    """The report for a person reading a terminal."""

    def share(part: int, whole: int) -> str:
        return f"{part} of {whole} ({round(100 * part / whole)}%)" if whole else "none"

    lines = [
        f"since {report.since}",
        f"questions: {report.questions}, answered: {share(report.answered, report.questions)}",
        f"votes: {report.votes}, helpful: {share(report.helpful, report.votes)}",
        "questions per day:",
    ]
    lines += [f"  {d.day}  {d.questions:5d}  answered {d.answered}" for d in report.per_day]
    lines.append("most-cited documents (answers quoting them):")
    lines += [f"  {c.answers:5d}  {c.title} [{c.document_id}]" for c in report.cited]
    lines.append(f"coverage gaps ({report.gap_questions} unanswered or not helpful):")
    lines += [
        f"  {g.count:5d}  {', '.join(g.words)}  e.g. \u201c{g.example}\u201d" for g in report.gaps
    ]
    if report.gaps_without_text:
        lines.append(f"  ({report.gaps_without_text} of them with no text kept)")
    return "\n".join(lines)


def _arguments(argv: Sequence[str] | None, now: datetime) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.stats", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--since",
        type=lambda value: parse_since(value, now),
        default=now - timedelta(days=DEFAULT_DAYS),
        help="a date (2025-05-01, UTC) or a number of days back (30d); default 30d",
    )
    parser.add_argument("--json", action="store_true", help="the report as one JSON object")
    parser.add_argument("--csv", metavar="FILE", help="write every question as CSV ('-': stdout)")
    parser.add_argument("--database", metavar="URL", help="another database than the bot's")
    return parser.parse_args(argv)


async def _run(arguments: argparse.Namespace, url: str, out: TextIO) -> None:
    database = await Database.open(url)
    try:
        if arguments.csv:
            if arguments.csv == "-":
                await export_csv(database, arguments.since, out)
            else:
                with Path(arguments.csv).open("w", encoding="utf-8", newline="") as file:
                    rows = await export_csv(database, arguments.since, file)
                print(f"{rows} questions written to {arguments.csv}", file=sys.stderr)
            return
        from retrieval.tokenize import Tokenizer  # loads word lists: only for the report

        report = await build_report(database, arguments.since, Tokenizer())
        if arguments.json:
            json.dump(report.to_json(), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            out.write(report_text(report) + "\n")
    finally:
        await database.close()


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    arguments = _arguments(argv, utc_now())
    url = arguments.database
    if url is None:
        try:
            settings = load_settings()
        except SettingsError as error:
            print(f"lingnan: {error}", file=sys.stderr)
            return 2
        if settings.database_url is None and not settings.database_file.exists():
            where = settings.database_file
            print(f"lingnan: no database at {where} yet (the bot writes it)", file=sys.stderr)
            return 1
        url = database_url_of(settings)
    try:
        asyncio.run(_run(arguments, url, out or sys.stdout))
    except DatabaseError as error:
        print(f"lingnan: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"lingnan: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
