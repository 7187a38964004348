"""Adding one file to a corpus folder: safe names, the checks, saving that never overwrites."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from retrieval.added_files import (
    MAX_NAME_BYTES,
    check_document,
    check_size,
    remove_file,
    safe_file_name,
    save_new_file,
)
from retrieval.errors import DocumentRefused, Refusal
from tests.retrieval.pdf_maker import make_pdf

TEXT = (
    b"Harbour cranes go electric\n\n"
    b"The harbour authority will replace its diesel cranes with electric ones by 2026. "
    b"The first twelve cranes arrive in spring.\n"
)
LIMIT = 1024 * 1024


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("report.txt", "report.txt"),
        ("../../etc/report.txt", "report.txt"),
        ("C:\\Users\\me\\report.md", "report.md"),
        (".hidden.md", "hidden.md"),
        ("Report 2024 (final).PDF", "Report-2024-final.pdf"),
        ("广东 政策.html", "广东-政策.html"),
        ("a\u202eevil\u0000.txt", "aevil.txt"),
        ("notes..txt", "notes.txt"),
    ],
)
def test_names_are_reduced_to_a_plain_name(given: str, safe: str) -> None:
    """Paths, leading dots, spaces, controls and bidirectional marks are gone; the type is kept."""
    assert safe_file_name(given) == safe


def test_a_long_name_is_shortened_within_its_bytes() -> None:
    """A long name (in a script of three bytes a character) fits MAX_NAME_BYTES, type kept."""
    name = safe_file_name("政" * 200 + ".pdf")
    assert name.endswith(".pdf") and len(name.encode()) <= MAX_NAME_BYTES


@pytest.mark.parametrize("given", ["minutes.docx", "README", "archive.tar.gz", "notes.txt.exe"])
def test_names_without_a_readable_type_are_refused(given: str) -> None:
    """A name whose type lingnan does not read (or that has none) is refused as UNKNOWN_TYPE."""
    with pytest.raises(DocumentRefused) as refused:
        safe_file_name(given)
    assert refused.value.refusal is Refusal.UNKNOWN_TYPE


@pytest.mark.parametrize("given", ["../???.txt", ".txt", "../.md"])
def test_a_name_with_nothing_left_is_refused(given: str) -> None:
    """A name that is only a type, or unsafe characters and a type, is refused as NO_NAME."""
    with pytest.raises(DocumentRefused) as refused:
        safe_file_name(given)
    assert refused.value.refusal is Refusal.NO_NAME


def test_sizes_over_the_limit_are_refused() -> None:
    """A size over the limit is TOO_LARGE, saying both sizes; an empty file is EMPTY."""
    with pytest.raises(DocumentRefused) as refused:
        check_size(3 * LIMIT, LIMIT)
    assert refused.value.refusal is Refusal.TOO_LARGE and "3.0 MB" in refused.value.detail
    with pytest.raises(DocumentRefused) as empty:
        check_size(0, LIMIT)
    assert empty.value.refusal is Refusal.EMPTY


def test_a_readable_file_gives_its_documents() -> None:
    """A text file passes the check with the document and passages a load would make."""
    reading = check_document("cranes.txt", TEXT, LIMIT)
    assert [d.info.title for d in reading.documents] == ["Harbour cranes go electric"]
    assert reading.passages


@pytest.mark.parametrize(
    ("name", "data", "refusal"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, Refusal.UNREADABLE),
        ("blank.md", b"  \n\n\t\n", Refusal.EMPTY),
        ("broken.pdf", b"%PDF-1.4 not really", Refusal.UNREADABLE),
        ("records.jsonl", b'{"_id": "a", "title": "no text"}\n', Refusal.EMPTY),
        ("scan.pdf", make_pdf([[]], image_pages=[0]), Refusal.UNREADABLE),
    ],
    ids=["binary", "blank", "broken-pdf", "jsonl-without-text", "scanned-pdf"],
)
def test_files_without_text_are_refused(name: str, data: bytes, refusal: Refusal) -> None:
    """Binary, blank, damaged or scanned files, and records without text, are refused."""
    with pytest.raises(DocumentRefused) as refused:
        check_document(name, data, LIMIT)
    assert refused.value.refusal is refusal


def test_a_pdf_read_in_part_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PDF the reader stops early (its time limit reached) is refused, not added in part."""
    import retrieval.formats

    monkeypatch.setattr(retrieval.formats, "MAX_READ_SECONDS", 0.0)
    pdf = make_pdf([["Page one says a little."], ["Page two says more."]])
    with pytest.raises(DocumentRefused) as refused:
        check_document("long.pdf", pdf, LIMIT)
    assert refused.value.refusal is Refusal.CUT_SHORT


def test_saving_never_overwrites(tmp_path: Path) -> None:
    """A taken name gets a number; the file that had it keeps its bytes."""
    (tmp_path / "cranes.txt").write_bytes(b"older")
    saved = save_new_file(tmp_path, "cranes.txt", TEXT)
    assert saved == tmp_path / "cranes-2.txt" and saved.read_bytes() == TEXT
    assert (tmp_path / "cranes.txt").read_bytes() == b"older"


def test_saving_never_follows_a_link(tmp_path: Path) -> None:
    """A link with the name, even one to nowhere, is left alone: the file gets another name."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    target = tmp_path / "elsewhere.txt"
    (corpus / "cranes.txt").symlink_to(target)
    saved = save_new_file(corpus, "cranes.txt", TEXT)
    assert saved.name == "cranes-2.txt" and not saved.is_symlink()
    assert not target.exists()


def test_saving_leaves_no_temporary_file(tmp_path: Path) -> None:
    """After a save only the saved file is in the folder."""
    save_new_file(tmp_path, "cranes.txt", TEXT)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cranes.txt"]


def test_a_stale_temporary_file_is_removed(tmp_path: Path) -> None:
    """A temporary file left by a save killed an hour ago goes at the next save; a fresh one
    (a save running now) stays."""
    stale = tmp_path / ".lingnan-add-killed.tmp"
    fresh = tmp_path / ".lingnan-add-running.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    save_new_file(tmp_path, "cranes.txt", TEXT)
    assert not stale.exists() and fresh.exists()


def test_a_folder_that_refuses_writing_is_not_saved(tmp_path: Path) -> None:
    """A folder that cannot be written to refuses the file as NOT_SAVED, in one line."""
    missing = tmp_path / "gone"
    with pytest.raises(DocumentRefused) as refused:
        save_new_file(missing, "cranes.txt", TEXT)
    assert refused.value.refusal is Refusal.NOT_SAVED


def test_removing_a_link_keeps_what_it_points_to(tmp_path: Path) -> None:
    """Removing a linked document deletes the link, never the file it points to."""
    target = tmp_path / "original.txt"
    target.write_bytes(TEXT)
    link = tmp_path / "linked.txt"
    link.symlink_to(target)
    remove_file(link)
    assert not link.exists() and target.read_bytes() == TEXT
