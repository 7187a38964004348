"""The officials directory on the development corpus, read from ../shared/dev-corpus at run time.

The expected officials and the people who are not officials come from the corpus's own
``officials.toml``; nothing of the corpus is copied here.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import Any

import pytest

from retrieval.corpus import load_corpus
from retrieval.folding import compact
from retrieval.models import Official
from retrieval.officials import OfficialsDirectory

DEV_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "dev-corpus"

pytestmark = pytest.mark.skipif(
    not (DEV_CORPUS / "docs").is_dir() or not (DEV_CORPUS / "officials.toml").is_file(),
    reason="needs ../shared/dev-corpus (docs/ and officials.toml)",
)


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    with (DEV_CORPUS / "officials.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def directory() -> OfficialsDirectory:
    logging.disable(logging.WARNING)  # the raw pages have no catalog: one warning each
    try:
        return OfficialsDirectory.from_corpus(load_corpus(DEV_CORPUS / "docs"))
    finally:
        logging.disable(logging.NOTSET)


def _by_spelling(directory: OfficialsDirectory) -> dict[str, Official]:
    found: dict[str, Official] = {}
    for official in directory.all():
        for spelling in [official.name, *official.aliases]:
            found.setdefault(compact(spelling), official)
    return found


def test_every_official_is_found_by_name_or_alias(
    directory: OfficialsDirectory, expected: dict[str, Any]
):
    """Each official of officials.toml is listed under its name or one of its aliases."""
    listed = _by_spelling(directory)
    missing = [
        entry["name"]
        for entry in expected["official"]
        if not any(compact(s) in listed for s in [entry["name"], *entry.get("aliases", [])])
    ]
    assert missing == []


def test_spellings_of_one_official_are_one_entry(
    directory: OfficialsDirectory, expected: dict[str, Any]
):
    """The name and aliases the directory knows of one official all lead to the same entry."""
    listed = _by_spelling(directory)
    split = []
    for entry in expected["official"]:
        spellings = [entry["name"], *entry.get("aliases", [])]
        entries = {listed[compact(s)].name for s in spellings if compact(s) in listed}
        if len(entries) > 1:
            split.append((entry["name"], sorted(entries)))
    assert split == []


def test_no_one_who_is_not_an_official_is_listed(
    directory: OfficialsDirectory, expected: dict[str, Any]
):
    """Scholars, executives, analysts, reporters, companies and spam are never listed."""
    listed = _by_spelling(directory)
    wrongly = [name for name in expected["not_officials"] if compact(name) in listed]
    assert wrongly == []


def test_no_one_else_is_listed(directory: OfficialsDirectory, expected: dict[str, Any]):
    """The directory lists as many officials as officials.toml names."""
    assert len(directory) == len(expected["official"])


def test_lookup_by_each_alias_finds_the_official(
    directory: OfficialsDirectory, expected: dict[str, Any]
):
    """Looking up any spelling of an official (characters, misspelling) finds that official."""
    wrong = []
    for entry in expected["official"]:
        for spelling in [entry["name"], *entry.get("aliases", [])]:
            found = directory.lookup(spelling).official
            names = set() if found is None else {compact(found.name)}
            names |= set() if found is None else {compact(a) for a in found.aliases}
            if compact(entry["name"]) not in names and not (
                {compact(a) for a in entry.get("aliases", [])} & names
            ):
                wrong.append(spelling)
    assert wrong == []


def _governor(expected: dict[str, Any]) -> str:
    holders = [
        entry["name"]
        for entry in expected["official"]
        if any("governor" in t.split() and "vice" not in t for t in entry["titles"])
    ]
    assert len(holders) == 1
    return holders[0]


@pytest.mark.parametrize("query", ["governor", "Gouverneur", "省长", "省長"])
def test_governor_is_found_by_the_title_in_every_language(
    directory: OfficialsDirectory, expected: dict[str, Any], query: str
):
    """ "governor", "Gouverneur" and "省长" find the governor, not the vice governor."""
    found = directory.lookup(query).official
    assert found is not None
    assert found.name == _governor(expected)
