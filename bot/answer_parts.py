"""Pieces every answer builder uses: one line of corpus text, counts, dates, languages, pages,
example questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.command_mentions import CommandMentions
from bot.examples import Example
from bot.markdown import clip, discord_len, escape
from bot.translations import Sentence

T = TypeVar("T")

LANGUAGE_NAMES = {
    "en": "English",
    "de": "German",
    "zh": "Chinese",
    "fr": "French",
    "es": "Spanish",
    "ja": "Japanese",
    "ko": "Korean",
    "pt": "Portuguese",
    "ru": "Russian",
}
# The names above as lingnan's own words write them (a corpus's other languages stay English).
LANGUAGE_NAME_SENTENCES = {
    code: Sentence(f"languages.{code}", name) for code, name in LANGUAGE_NAMES.items()
}
UNDATED = Sentence("dates.undated", "undated")
_LANGUAGE_ORDER = {"en": 0, "de": 1, "zh": 2}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# A day as lingnan writes it, in each language's order ("16 Jan 2025", "16. Jan. 2025",
# "2025年1月16日"); the templates' spaces are non-breaking, so a date never wraps.
MONTH_NAMES = tuple(Sentence(f"dates.months.{month.lower()}", month) for month in _MONTHS)
DAY_DATE = Sentence("dates.day", "{day}\u00a0{month}\u00a0{year}")

# The footer of a paged answer, by what its pages list: "quotes 4–6 of 9 · page 2/3".
_PAGE_NOUNS = {
    "quotes": ("quote", "quotes"),
    "statements": ("statement", "statements"),
    "officials": ("official", "officials"),
    "documents": ("document", "documents"),
    "lines": ("line", "lines"),
}
PAGE_ONLY_ITEM = {
    noun: Sentence(f"pages.{noun}.only", f"1 {one}") for noun, (one, _) in _PAGE_NOUNS.items()
}
PAGE_ONE_ITEM = {
    noun: Sentence(f"pages.{noun}.single", f"{one} {{first}} of {{total}}")
    for noun, (one, _) in _PAGE_NOUNS.items()
}
PAGE_ITEMS = {
    noun: Sentence(f"pages.{noun}.range", f"{many} {{first}}\u2013{{last}} of {{total}}")
    for noun, (_, many) in _PAGE_NOUNS.items()
}
PAGE_OF = Sentence("pages.page", "{shown} \u00b7 page {page}/{pages}")
# The last line of a list cut short.
_MORE_LINES = Sentence("lists.more", "\u2026 and {count} more")


def inline(text: str) -> str:
    """Corpus or user text for one line of an answer: whitespace flattened, then escaped."""
    return escape(" ".join(text.split()))


def iso_date(value: str | None, language: str | None = None) -> str:
    """A date as the corpus gives it (ISO), or "undated" (in `language`)."""
    return value or UNDATED(language)


def short_date(value: str | None, language: str | None = None) -> str:
    """A date that never breaks across lines, in `language`: "16 Jan 2025", "16. Jan. 2025",
    "2025年1月16日" (an ISO date's hyphens are where a narrow embed wraps it). Partial or odd
    dates stay as written, their hyphens non-breaking; no date is "undated" (in `language`)."""
    if not value:
        return UNDATED(language)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value.replace("-", "\u2011")  # non-breaking hyphen: "2025-02" stays whole
    month = MONTH_NAMES[day.month - 1](language)
    return DAY_DATE(language, day=day.day, month=month, year=day.year)


def language_name(code: str, language: str | None = None) -> str:
    """A language's name in `language` ("German", "Deutsch"); the code when lingnan knows none."""
    sentence = LANGUAGE_NAME_SENTENCES.get(code)
    return sentence(language) if sentence is not None else code


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    first: int  # the number of the page's first item, from 1
    footer: str  # "quotes 4–6 of 9 · page 2/3"


def paged(
    items: Sequence[T], per_page: int, noun: str, language: str | None = None
) -> list[Page[T]]:
    """`items` cut into pages of `per_page`, each with its first item's number and its footer
    (in `language`; `noun` is one of `PAGE_ITEMS`)."""
    total = len(items)
    starts = range(0, total, per_page)
    pages: list[Page[T]] = []
    for number, start in enumerate(starts, start=1):
        chunk = items[start : start + per_page]
        first, last = start + 1, start + len(chunk)
        if total == 1:
            shown = PAGE_ONLY_ITEM[noun](language)
        elif first == last:
            shown = PAGE_ONE_ITEM[noun](language, first=first, total=total)
        else:
            shown = PAGE_ITEMS[noun](language, first=first, last=last, total=total)
        footer = (
            shown
            if len(starts) == 1
            else PAGE_OF(language, shown=shown, page=number, pages=len(starts))
        )
        pages.append(Page(chunk, first, footer))
    return pages


def lines_within(lines: Sequence[str], limit: int, language: str | None = None) -> str:
    """Whole lines up to `limit`, then a count of the ones left out (in `language`)."""
    kept: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        more = "\n" + _MORE_LINES(language, count=len(lines) - index)
        line = clip(line, limit // 2)
        if used + discord_len(line) + 1 + discord_len(more) > limit:
            kept.append(more.strip())
            break
        kept.append(line)
        used += discord_len(line) + 1
    return "\n".join(kept)


def choose_examples(
    examples: Sequence[Example], limit: int, first_language: str | None = None
) -> list[Example]:
    """Up to `limit` examples, one per language first (the asker's language before the others),
    then the rest, in the file's order within a language."""
    order = dict(_LANGUAGE_ORDER)
    if first_language:
        order[first_language] = -1
    ordered = sorted(examples, key=lambda e: order.get(e.language, 9))
    chosen: list[Example] = []
    seen: set[str] = set()
    for example in ordered:
        if example.language not in seen:
            chosen.append(example)
            seen.add(example.language)
    chosen += [e for e in ordered if e not in chosen]
    return sorted(chosen[:limit], key=lambda e: order.get(e.language, 9))


def example_lines(
    examples: Sequence[Example],
    commands: CommandMentions,
    limit: int = 6,
    first_language: str | None = None,
) -> str:
    """Example questions, one a line, each after the /ask command (a mention one can click)."""
    chosen = choose_examples(examples, limit, first_language)
    return "\n".join(f"• {commands('ask')} {inline(e.question)}" for e in chosen)
