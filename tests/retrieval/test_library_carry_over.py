"""Copies and translations carried over from the library a reload replaces: a file added is
searchable at once, its own copies and translations found afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.library import Library

RELEASE = "hqd-conference-2025-press-release-en.txt"
GERMAN_RELEASE = "hqd-conference-2025-press-release-de.txt"
MIRROR = "aa-mirror.txt"  # sorts first: every passage after it is numbered anew


@pytest.fixture
def folder(tmp_path: Path, seeds_dir: Path) -> Path:
    shutil.copytree(seeds_dir, tmp_path / "corpus", ignore=shutil.ignore_patterns(".*"))
    return tmp_path / "corpus"


def _warm(folder: Path) -> Library:
    library = Library.load(folder)
    library.warm_up()
    return library


def _translations(library: Library) -> dict[tuple[str, int], list[tuple[str, int]]]:
    """Each translated passage by (file, start), with its counterparts so named."""
    passages = library.corpus.passages

    def where(passage_id: int) -> tuple[str, int]:
        passage = passages[passage_id]
        return library.corpus.document(passage.document_id).path.name, passage.start

    translated = library.searcher.translated
    return {
        where(p.id): sorted(map(where, translated.counterparts(p.id)))
        for p in passages
        if translated.counterparts(p.id)
    }


def _copies(library: Library) -> list[list[tuple[str, int]]]:
    passages = library.corpus.passages
    return sorted(
        sorted(
            (library.corpus.document(passages[p].document_id).path.name, passages[p].start)
            for p in group
        )
        for group in library.searcher.copies.groups()
    )


def test_a_file_added_is_searched_at_once_with_the_tables_carried_over(folder: Path) -> None:
    """After an added file, the old corpus's translations serve renumbered, the new file has
    no copies yet, and its text is found."""
    before = _warm(folder)
    (folder / MIRROR).write_text((folder / RELEASE).read_text(encoding="utf-8"), "utf-8")
    after = Library.load(folder)
    assert after.carry_over(before)
    assert after.tables_carried_over
    assert _translations(after) == _translations(before)
    assert _copies(after) == []
    mirror = {d.info.id for d in after.corpus.documents if d.path.name == MIRROR}
    found = after.search("first working day in the year of the snake", top_k=15).results
    assert mirror & {r.document.id for r in found}


def test_completed_tables_equal_a_fresh_load(folder: Path) -> None:
    """Once completed, the copies and translations are those a load from the texts finds:
    the mirror is a copy of the release."""
    before = _warm(folder)
    (folder / MIRROR).write_text((folder / RELEASE).read_text(encoding="utf-8"), "utf-8")
    after = Library.load(folder)
    after.carry_over(before)
    after.complete_tables()
    fresh = Library.load(folder, use_cache=False)
    assert not after.tables_carried_over
    assert _copies(after) == _copies(fresh) != []
    assert _translations(after) == _translations(fresh)


def test_a_removed_file_leaves_no_translation_behind(folder: Path) -> None:
    """Without the German release, the English one is carried over with no counterpart, as a
    fresh load finds it."""
    before = _warm(folder)
    assert any(name == GERMAN_RELEASE for name, _ in _translations(before))
    (folder / GERMAN_RELEASE).unlink()
    after = Library.load(folder)
    assert after.carry_over(before)
    assert _translations(after) == _translations(Library.load(folder, use_cache=False))


def test_nothing_is_carried_from_a_library_that_has_not_found_them(folder: Path) -> None:
    """A library that never found its copies and translations carries nothing, and is not made
    to find them."""
    before = Library.load(folder)
    after = Library.load(folder)
    assert not after.carry_over(before)
    assert not before.searcher.copies_and_translations_ready
    assert not after.tables_carried_over


def test_a_removed_mirror_leaves_no_copy_behind(folder: Path) -> None:
    """The copies of a file taken out are not carried over: its original stands alone again."""
    (folder / MIRROR).write_text((folder / RELEASE).read_text(encoding="utf-8"), "utf-8")
    before = _warm(folder)
    assert _copies(before)
    (folder / MIRROR).unlink()
    after = Library.load(folder)
    assert after.carry_over(before)
    assert _copies(after) == []


def test_copies_among_unchanged_files_are_carried_over(folder: Path) -> None:
    """A mirror found before keeps its copies when an unrelated file arrives ahead of it."""
    (folder / "ab-mirror.txt").write_text((folder / RELEASE).read_text(encoding="utf-8"), "utf-8")
    before = _warm(folder)
    assert _copies(before)
    (folder / "a0-note.txt").write_text("Guangdong wind power grew fast.", encoding="utf-8")
    after = Library.load(folder)
    assert after.carry_over(before)
    assert _copies(after) == _copies(before)


def test_a_passage_edited_in_place_loses_its_carried_copy(folder: Path) -> None:
    """A word replaced by one as long keeps every passage's place; the edited passage is not
    the one whose copy was found, so its copy is not carried, the others' are."""
    text = (folder / RELEASE).read_text(encoding="utf-8")
    (folder / "ab-mirror.txt").write_text(text, "utf-8")
    before = _warm(folder)
    edited = text.replace("year of the snake", "year of the tiger")
    assert edited != text
    (folder / "ab-mirror.txt").write_text(edited, "utf-8")
    after = Library.load(folder)
    assert after.carry_over(before)
    kept, found = _copies(after), _copies(before)
    assert kept and len(kept) == len(found) - 1 and all(group in found for group in kept)


def test_a_completion_no_longer_wanted_stops_and_keeps_the_carried_tables(folder: Path) -> None:
    """Asked to stop, completing leaves the carried tables serving."""
    before = _warm(folder)
    after = Library.load(folder)
    after.carry_over(before)
    assert not after.complete_tables(lambda: False)
    assert after.tables_carried_over
