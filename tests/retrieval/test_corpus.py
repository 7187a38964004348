"""Loading a corpus folder: formats, catalog, warnings, skipped files, errors, content hash."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval import corpus as corpus_module
from retrieval.corpus import Corpus, load_corpus, parse_front_matter
from retrieval.errors import CorpusError

WriteCorpus = Callable[[dict[str, str | bytes]], Path]

ARTICLE = (
    "Shenzhen opens a semiconductor research centre\n\n"
    "Shenzhen opened a semiconductor research centre on Monday, March 3, 2025. The centre will "
    "train 2,000 engineers a year and work with local chip makers.\n\n"
    "Source: Shenzhen Daily\n"
)
CHINESE_ARTICLE = (
    "广东发布制造业高质量发展新政策\n来源:南方日报 发表时间:2024-05-06 10:00\n\n"
    "5月6日,广东省政府发布关于推动制造业高质量发展的若干措施。措施涵盖技术改造、数字化转型和人才引进等方面。\n"
)
GERMAN_ARTICLE = (
    "Guangdong fördert Künstliche Intelligenz und Robotik\n\n"
    "Die Provinz Guangdong will Künstliche Intelligenz und Robotik zu neuen Säulen ihrer "
    "Industrie ausbauen. Dafür sollen Hochschulen und Unternehmen enger zusammenarbeiten.\n"
)


def test_seeds_load_without_warnings(seed_corpus: Corpus) -> None:
    """The five seeds load, each with a catalog entry, and nothing is left to warn about."""
    assert len(seed_corpus.documents) == 5
    assert seed_corpus.warnings == []
    assert all(document.encoding == "utf-8" for document in seed_corpus.documents)


def test_paragraph_text_matches_offsets(seed_corpus: Corpus) -> None:
    """Every paragraph's text is the document text at its offsets; numbers count from 1."""
    for document in seed_corpus.documents:
        numbers = [paragraph.number for paragraph in document.paragraphs]
        assert numbers == list(range(1, len(numbers) + 1))
        for paragraph in document.paragraphs:
            assert document.text[paragraph.start : paragraph.end] == paragraph.text


def test_document_lookup(seed_corpus: Corpus) -> None:
    """A document is found by id; an unknown id raises KeyError naming it."""
    document = seed_corpus.document("manufacturing-strategy-2023-en")
    assert document.path.name == "manufacturing-strategy-2023-en.txt"
    with pytest.raises(KeyError, match="no-such-document"):
        seed_corpus.document("no-such-document")


def test_missing_catalog_entry_warns_naming_the_missing_fields(write_corpus: WriteCorpus) -> None:
    """A document without a catalog entry loads, with a warning naming it and what is missing."""
    corpus = load_corpus(write_corpus({"shenzhen-chips.txt": ARTICLE}))
    info = corpus.documents[0].info
    assert (info.title, info.source, info.date) == (
        "Shenzhen opens a semiconductor research centre",
        "Shenzhen Daily",
        "2025-03-03",
    )
    (warning,) = corpus.warnings
    assert "shenzhen-chips.txt" in warning
    assert "no catalog entry" in warning
    assert "date (using 2025-03-03" in warning
    assert "url" in warning
    assert "title" not in warning and "source" not in warning


def test_catalog_overrides_field_by_field(write_corpus: WriteCorpus) -> None:
    """A catalog field replaces the extracted one; fields it leaves out are still extracted."""
    catalog = (
        '["shenzhen-chips.txt"]\n'
        'date = "2025-03-04"\n'
        'url = "https://example.org/chips"\n'
        'note = "checked by hand"\n'
    )
    corpus = load_corpus(write_corpus({"shenzhen-chips.txt": ARTICLE, "catalog.toml": catalog}))
    info = corpus.documents[0].info
    assert (info.date, info.url, info.source) == (
        "2025-03-04",
        "https://example.org/chips",
        "Shenzhen Daily",
    )
    assert corpus.warnings == []


def test_empty_catalog_url_means_no_address_on_purpose(write_corpus: WriteCorpus) -> None:
    """`url = ""` in the catalog leaves the document without a link and without a warning."""
    catalog = '["shenzhen-chips.txt"]\ndate = "2025-03-04"\nurl = ""\n'
    corpus = load_corpus(write_corpus({"shenzhen-chips.txt": ARTICLE, "catalog.toml": catalog}))
    assert corpus.documents[0].info.url is None
    assert corpus.warnings == []


def test_bad_catalog_values_are_reported_not_fatal(write_corpus: WriteCorpus) -> None:
    """An invalid date, an unknown field and an entry for no file are warned about."""
    catalog = (
        '["shenzhen-chips.txt"]\ndate = "4 March 2025"\nurl = "https://example.org/chips"\n'
        'publisher = "x"\n\n["gone.txt"]\ntitle = "Gone"\n'
    )
    corpus = load_corpus(write_corpus({"shenzhen-chips.txt": ARTICLE, "catalog.toml": catalog}))
    text = "\n".join(corpus.warnings)
    assert "'4 March 2025' is not YYYY-MM-DD" in text
    assert "publisher ignored" in text
    assert "'gone.txt'" in text and "matches no document" in text
    assert corpus.documents[0].info.date == "2025-03-03"


def test_invalid_catalog_is_ignored_with_a_warning(write_corpus: WriteCorpus) -> None:
    """A catalog that is not TOML is ignored, with a warning; documents still load."""
    corpus = load_corpus(
        write_corpus({"shenzhen-chips.txt": ARTICLE, "catalog.toml": "[unclosed\n"})
    )
    assert len(corpus.documents) == 1
    assert any("catalog.toml: ignored" in warning for warning in corpus.warnings)


def test_empty_and_binary_files_are_skipped_with_warnings(write_corpus: WriteCorpus) -> None:
    """Empty and binary files are skipped with a warning naming each; the others are served."""
    folder = write_corpus(
        {
            "article.txt": ARTICLE,
            "empty.txt": "",
            "picture.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        }
    )
    corpus = load_corpus(folder)
    assert [document.info.id for document in corpus.documents] == ["article"]
    assert any("empty.txt: skipped (empty file)" in warning for warning in corpus.warnings)
    assert any("picture.txt: skipped (binary" in warning for warning in corpus.warnings)


def test_gb18030_and_windows_1252_files_are_decoded_and_served(write_corpus: WriteCorpus) -> None:
    """Files in GB18030 and Windows-1252 are decoded by detection and their passages served."""
    folder = write_corpus(
        {
            "guangdong-zh.txt": CHINESE_ARTICLE.encode("gb18030"),
            "guangdong-de.txt": GERMAN_ARTICLE.encode("cp1252"),
        }
    )
    corpus = load_corpus(folder)
    german = corpus.document("guangdong-de")
    chinese = corpus.document("guangdong-zh")
    assert (german.encoding, chinese.encoding) == ("cp1252", "gb18030")
    assert german.info.title == "Guangdong fördert Künstliche Intelligenz und Robotik"
    assert (chinese.info.source, chinese.info.date) == ("南方日报", "2024-05-06")
    texts = [passage.text for passage in corpus.passages]
    assert "措施涵盖技术改造、数字化转型和人才引进等方面。" in " ".join(texts)
    assert any("Hochschulen und Unternehmen" in text for text in texts)


def test_warnings_go_to_the_corpus_logger(
    write_corpus: WriteCorpus, caplog: pytest.LogCaptureFixture
) -> None:
    """Each warning is also logged on the "retrieval.corpus" logger."""
    folder = write_corpus({"article.txt": ARTICLE, "empty.md": ""})
    with caplog.at_level(logging.WARNING, logger="retrieval.corpus"):
        corpus = load_corpus(folder)
    logged = [record.getMessage() for record in caplog.records if record.name == "retrieval.corpus"]
    assert logged == corpus.warnings
    assert len(logged) == 2


def test_missing_folder_raises_corpus_error(tmp_path: Path) -> None:
    """A folder that does not exist is a one-line CorpusError."""
    with pytest.raises(CorpusError, match="does not exist") as error:
        load_corpus(tmp_path / "nowhere")
    assert "\n" not in str(error.value)


def test_file_instead_of_folder_raises_corpus_error(tmp_path: Path) -> None:
    """A file given as the corpus folder is a CorpusError."""
    path = tmp_path / "file.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CorpusError, match="not a folder"):
        load_corpus(path)


def test_folder_without_documents_raises_corpus_error(write_corpus: WriteCorpus) -> None:
    """A folder with nothing readable is a CorpusError, and its files are named in warnings."""
    with pytest.raises(CorpusError, match="no readable document"):
        load_corpus(write_corpus({"empty.txt": ""}))


def test_hidden_files_catalog_and_overrides_are_not_documents(write_corpus: WriteCorpus) -> None:
    """The saved index folder, hidden files, the catalog and the officials overrides are skipped."""
    folder = write_corpus(
        {
            "article.txt": ARTICLE,
            ".lingnan-index/meta.txt": ARTICLE,
            ".hidden.txt": ARTICLE,
            "catalog.toml": '["article.txt"]\nurl = "https://e.org/a"\ndate = "2025-03-03"\n',
            "officials-overrides.toml": "",
            "notes.docx": b"PK\x03\x04",
        }
    )
    corpus = load_corpus(folder)
    assert [document.info.id for document in corpus.documents] == ["article"]
    assert corpus.warnings == [
        "notes.docx: skipped (not a document type lingnan reads: .txt, .md, .jsonl, .html or .pdf)."
    ]


def test_documents_in_subfolders_are_loaded(write_corpus: WriteCorpus) -> None:
    """Documents in subfolders load, with the relative path as id and catalog key."""
    folder = write_corpus(
        {
            "2025/article.md": ARTICLE,
            "catalog.toml": '["2025/article.md"]\nurl = "https://example.org/a"\n',
        }
    )
    corpus = load_corpus(folder)
    assert corpus.document("2025/article").info.url == "https://example.org/a"


def test_byline_writer_is_the_documents_author(write_corpus: WriteCorpus) -> None:
    """The writer a byline names is kept as the document's author, out of the passages."""
    byline = "Writer: Chen Anping  |  Editor: Li Ming  |  From: Harbour Daily"
    text = ARTICLE.replace("\n\n", f"\n\n{byline}\n\n", 1)
    corpus = load_corpus(write_corpus({"article.txt": text}))
    assert corpus.documents[0].info.author == "Chen Anping"
    assert all("Writer" not in passage.text for passage in corpus.passages)


def test_markdown_front_matter_gives_metadata(write_corpus: WriteCorpus) -> None:
    """Front matter sets title, source, date and URL; the body keeps offsets in the file."""
    text = (
        "---\n"
        'title: "Guangdong robotics plan"\n'
        "source: Provincial Department of Industry\n"
        "date: 2025-02-10\n"
        "url: https://example.org/robotics  # the press page\n"
        "---\n"
        "# Robotics\n\n"
        "Guangdong will build ten robotics parks by 2027. Each park will host a testing centre.\n"
    )
    corpus = load_corpus(write_corpus({"robotics.md": text}))
    document = corpus.documents[0]
    assert document.info.model_dump() == {
        "id": "robotics",
        "title": "Guangdong robotics plan",
        "source": "Provincial Department of Industry",
        "date": "2025-02-10",
        "url": "https://example.org/robotics",
        "language": "en",
        "author": None,
        "scrambled": False,
    }
    assert corpus.warnings == []
    (passage,) = corpus.passages
    assert passage.text == (
        "Guangdong will build ten robotics parks by 2027. Each park will host a testing centre."
    )
    assert document.text[passage.start : passage.end] == passage.text


def test_front_matter_parser_reads_only_a_closed_block() -> None:
    """Without a closing "---" the text has no front matter."""
    assert parse_front_matter("---\ntitle: A\n---\nBody")[0] == {"title": "A"}
    assert parse_front_matter("---\ntitle: A\nBody without end") == ({}, 0)
    assert parse_front_matter("No front matter") == ({}, 0)


def test_jsonl_records_are_documents(write_corpus: WriteCorpus) -> None:
    """Each JSON Lines record is a document; broken lines are skipped with a warning."""
    records = [
        {"_id": "d1", "title": "Chips", "text": "Shenzhen builds chips. It trains engineers."},
        {"_id": "d2", "title": "Robots", "text": "Foshan builds robots", "date": "2024-01-02"},
        {"_id": "d3", "title": "Nothing"},
    ]
    lines = [json.dumps(record) for record in records] + ["{not json"]
    corpus = load_corpus(write_corpus({"beir/corpus.jsonl": "\n".join(lines) + "\n"}))
    assert [document.info.id for document in corpus.documents] == ["d1", "d2"]
    assert corpus.document("d1").info.title == "Chips"
    assert corpus.document("d2").info.date == "2024-01-02"
    assert [passage.text for passage in corpus.passages] == [
        "Shenzhen builds chips. It trains engineers.",
        "Foshan builds robots",
    ]
    text = "\n".join(corpus.warnings)
    assert 'beir/corpus.jsonl line 3: skipped (no "text" field' in text
    assert "beir/corpus.jsonl line 4: skipped (not valid JSON" in text
    assert "beir/corpus.jsonl: 2 records lack metadata fields" in text


def test_jsonl_lone_surrogates_are_replaced(write_corpus: WriteCorpus) -> None:
    """A record whose JSON escapes a lone surrogate loads with U+FFFD and dumps as JSON."""
    line = '{"_id": "s\\ud800", "title": "T\\udfff", "text": "Shenzhen \\ud800 builds chips."}'
    corpus = load_corpus(write_corpus({"records.jsonl": line + "\n"}))
    document = corpus.documents[0]
    assert (document.info.id, document.info.title) == ("s\ufffd", "T\ufffd")
    assert [passage.text for passage in corpus.passages] == ["Shenzhen \ufffd builds chips."]
    document.info.model_dump_json()
    corpus.passages[0].model_dump_json()


def test_content_hash_follows_files_and_catalog(write_corpus: WriteCorpus) -> None:
    """The hash is stable for the same content and changes with a document or the catalog."""
    folder = write_corpus({"article.txt": ARTICLE})
    first = load_corpus(folder).content_hash()
    assert load_corpus(folder).content_hash() == first
    (folder / "catalog.toml").write_text('["article.txt"]\nurl = "https://e.org"\n', "utf-8")
    with_catalog = load_corpus(folder).content_hash()
    (folder / "article.txt").write_text(ARTICLE + "\nOne more sentence here.\n", "utf-8")
    changed = load_corpus(folder).content_hash()
    assert len({first, with_catalog, changed}) == 3
    assert len(first) == 64


def test_saved_index_folder_does_not_change_the_hash(write_corpus: WriteCorpus) -> None:
    """Writing the saved index into <folder>/.lingnan-index leaves the content hash as it was."""
    folder = write_corpus({"article.txt": ARTICLE})
    before = load_corpus(folder).content_hash()
    (folder / ".lingnan-index").mkdir()
    (folder / ".lingnan-index" / "index.json").write_text("{}", "utf-8")
    assert load_corpus(folder).content_hash() == before


def test_dangling_link_is_skipped_with_a_warning(write_corpus: WriteCorpus) -> None:
    """A link to a missing file is named in a warning; the other documents load."""
    folder = write_corpus({"article.txt": ARTICLE})
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    corpus = load_corpus(folder)
    assert [document.info.id for document in corpus.documents] == ["article"]
    assert "gone.txt: skipped (a link to a file that does not exist)." in corpus.warnings


def test_content_hash_follows_the_cleaning_rules(
    write_corpus: WriteCorpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editing a rule file (boilerplate vocabulary, ...) changes the hash: old indexes go."""
    folder = write_corpus({"article.txt": ARTICLE})
    rules = tmp_path / "boilerplate.toml"
    rules.write_text('navigation = ["home"]\n', encoding="utf-8")
    monkeypatch.setattr(corpus_module, "PIPELINE_DATA_FILES", (rules,))
    before = load_corpus(folder).content_hash()
    rules.write_text('navigation = ["home", "menu"]\n', encoding="utf-8")
    assert load_corpus(folder).content_hash() != before


def test_hand_built_corpus_has_a_content_hash(seed_corpus: Corpus) -> None:
    """A Corpus assembled without load_corpus still has a stable 64-digit hash."""
    corpus = Corpus(seed_corpus.folder, seed_corpus.documents[:2], [], [])
    assert corpus.content_hash() == Corpus(corpus.folder, corpus.documents, [], []).content_hash()
    assert len(corpus.content_hash()) == 64


def test_crlf_line_ends_give_the_same_passages(write_corpus: WriteCorpus) -> None:
    """A file saved with Windows line ends yields the same passages, offsets still exact."""
    corpus = load_corpus(write_corpus({"a.txt": ARTICLE.replace("\n", "\r\n")}))
    document = corpus.documents[0]
    assert [p.text for p in corpus.passages] == [
        "Shenzhen opens a semiconductor research centre",
        "Shenzhen opened a semiconductor research centre on Monday, March 3, 2025. The centre "
        "will train 2,000 engineers a year and work with local chip makers.",
    ]
    assert all(document.text[p.start : p.end] == p.text for p in corpus.passages)


def test_unreadable_catalog_is_one_warning(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog.toml that cannot be read is ignored with one warning, not a traceback."""
    folder = write_corpus({"article.txt": ARTICLE, "catalog.toml": '["article.txt"]\n'})
    read_bytes = Path.read_bytes

    def refuse_catalog(path: Path) -> bytes:
        if path.name == "catalog.toml":
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse_catalog)
    corpus = load_corpus(folder)
    assert "catalog.toml: ignored, it cannot be read (Permission denied)." in corpus.warnings
    assert [document.info.id for document in corpus.documents] == ["article"]


def test_unreadable_subfolder_is_named_in_a_warning(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subfolder that cannot be listed is skipped with a warning naming it."""
    folder = write_corpus({"article.txt": ARTICLE, "locked/inside.txt": GERMAN_ARTICLE})
    scandir = os.scandir

    def refuse_locked(path: Any = ".") -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    corpus = load_corpus(folder)
    assert "locked/: skipped (cannot be read: Permission denied)." in corpus.warnings
    assert [document.info.id for document in corpus.documents] == ["article"]


def test_unreadable_corpus_folder_is_one_sentence(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corpus folder that cannot be read is a CorpusError naming it, not a traceback."""
    folder = write_corpus({"article.txt": ARTICLE})
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(CorpusError, match="cannot be read"):
        load_corpus(folder)


def test_utf16_file_without_byte_order_mark_is_loaded(write_corpus: WriteCorpus) -> None:
    """A UTF-16 text file saved without a byte-order mark is a document, not a binary file."""
    corpus = load_corpus(write_corpus({"article.txt": ARTICLE.encode("utf-16-le")}))
    assert corpus.documents[0].encoding == "utf-16-le"
    assert "semiconductor research centre" in corpus.passages[0].text


def test_an_unforeseen_error_reading_a_file_skips_only_that_file(
    write_corpus: Callable[[dict[str, str | bytes]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any exception while reading a file is one warning about that file; the load goes on."""
    decode = corpus_module.decode_bytes

    def fail_on_bad(data: bytes) -> Any:
        if data.startswith(b"BAD"):
            raise RuntimeError("a bug")
        return decode(data)

    monkeypatch.setattr(corpus_module, "decode_bytes", fail_on_bad)
    folder = write_corpus({"bad.txt": "BAD text here.", "good.txt": "The port gets new cranes."})
    corpus = load_corpus(folder)
    assert [document.info.id for document in corpus.documents] == ["good"]
    assert "bad.txt: skipped (it could not be read: RuntimeError)." in corpus.warnings
