"""PDFs: text in reading order, pages kept, furniture left out, scans and damage warned about."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import formats
from retrieval.corpus import Corpus, load_corpus
from retrieval.pdf_text import read_pdf
from tests.retrieval.pdf_maker import make_pdf

WriteCorpus = Callable[[dict[str, str | bytes]], Path]

HEAD = "Coastal Wind Power Programme | Progress Report"
ENGLISH_PAGES = [
    [
        HEAD,
        "Coastal Wind Power Programme 2026",
        "The province will build offshore wind farms with a capacity of 12 gigawatts by 2030,",
        "the programme says. Harbour towns will host the assembly yards for the turbine blades,",
        "and the first yard opens in the spring. The department expects some 9,000 jobs in the",
        "sector. Engineers from the maritime college will train the first crews of techni-",
        "cians over the summer.",
        "1",
    ],
    [
        HEAD,
        "Grid operators will invest 4.2 billion yuan in new submarine cables, which will carry",
        "the power to the industrial parks inland. Each cable is tested before it is laid, and",
        "- 2 -",
    ],
    [
        HEAD,
        "the tests are published every quarter. Fishing cooperatives will be consulted on the",
        "routes of the cables before construction begins in any bay.",
        "Page 3 of 3",
    ],
]
GERMAN_PAGE = [
    "Die Provinz fördert Windkraft auf See und baut bis 2030 Anlagen mit zwölf Gigawatt Leistung.",
    "Der Gouverneur sagte, die Häfen würden zu Montagezentren für Rotorblätter ausgebaut.",
]
CHINESE_PAGE = [
    "省政府发布海上风电发展规划。到2030年，全省海上风电装机容量将达到1200万千瓦。",
    "省长表示，沿海港口将建设风机叶片组装基地，并带动约九千个就业岗位。",
]


def _load(write_corpus: WriteCorpus, files: dict[str, str | bytes]) -> Corpus:
    return load_corpus(write_corpus(files))


def test_english_pdf_reads_in_order_without_page_furniture(write_corpus: WriteCorpus) -> None:
    """Page numbers and the running head are left out; the text reads in page order."""
    corpus = _load(write_corpus, {"wind.pdf": make_pdf(ENGLISH_PAGES)})
    (document,) = corpus.documents
    assert HEAD not in document.text
    assert "Page 3 of 3" not in document.text and "- 2 -" not in document.text
    assert document.text.index("12 gigawatts") < document.text.index("4.2 billion")
    assert document.text.index("4.2 billion") < document.text.index("Fishing cooperatives")


def test_hyphenated_word_at_a_line_end_is_joined(write_corpus: WriteCorpus) -> None:
    """ "techni-" at a line end and "cians" on the next line read as "technicians"."""
    corpus = _load(write_corpus, {"wind.pdf": make_pdf(ENGLISH_PAGES)})
    assert "technicians" in corpus.documents[0].text


def test_passages_carry_the_page_they_start_on(write_corpus: WriteCorpus) -> None:
    """Each passage knows its page; the text at its offsets is the passage."""
    corpus = _load(write_corpus, {"wind.pdf": make_pdf(ENGLISH_PAGES)})
    text = corpus.documents[0].text
    pages = {passage.text.split()[0]: passage.page for passage in corpus.passages}
    assert pages["The"] == 1
    assert pages["Grid"] == 2
    for passage in corpus.passages:
        assert text[passage.start : passage.end] == passage.text


def test_a_sentence_across_a_page_break_stays_one_passage(write_corpus: WriteCorpus) -> None:
    """A sentence that ends on the next page is one passage, cited by the page it starts on."""
    corpus = _load(write_corpus, {"wind.pdf": make_pdf(ENGLISH_PAGES)})
    (crossing,) = [p for p in corpus.passages if "before it is laid" in p.text]
    assert "published every quarter" in crossing.text
    assert crossing.page == 2


def test_text_files_have_no_page(write_corpus: WriteCorpus) -> None:
    """Passages of a text file carry no page number."""
    corpus = _load(write_corpus, {"note.txt": "\n".join(ENGLISH_PAGES[0][1:7]) + "\n"})
    assert {passage.page for passage in corpus.passages} == {None}


@pytest.mark.parametrize(
    ("lines", "language", "words"),
    [
        (GERMAN_PAGE, "de", "zwölf Gigawatt"),
        (CHINESE_PAGE, "zh", "海上风电装机容量"),
    ],
)
def test_german_and_chinese_pdfs_read_verbatim(
    write_corpus: WriteCorpus, lines: list[str], language: str, words: str
) -> None:
    """German umlauts and Chinese characters come out as written, in the right language."""
    corpus = _load(write_corpus, {"plan.pdf": make_pdf([lines])})
    (document,) = corpus.documents
    assert words in document.text
    assert document.info.language == language
    assert all(passage.page == 1 for passage in corpus.passages)


def test_document_information_fills_what_the_text_does_not_state(
    write_corpus: WriteCorpus,
) -> None:
    """Title, author and date of the document information are used when the text has none."""
    information = {
        "Title": "Offshore Wind Programme",
        "Author": "Provincial Energy Bureau",
        "CreationDate": "D:20260305093000+08'00'",
    }
    corpus = _load(
        write_corpus, {"plan.pdf": make_pdf([ENGLISH_PAGES[1][1:3]], information=information)}
    )
    info = corpus.documents[0].info
    assert (info.title, info.author, info.date) == (
        "Offshore Wind Programme",
        "Provincial Energy Bureau",
        "2026-03-05",
    )


def test_a_word_processors_placeholder_title_is_not_used() -> None:
    """A title such as "Microsoft Word - draft3.docx" is not taken for the document's title."""
    pdf = make_pdf([GERMAN_PAGE], information={"Title": "Microsoft Word - entwurf3.docx"})
    assert "title" not in read_pdf(pdf, max_pages=10, max_seconds=10).fallback


def test_catalog_overrides_a_pdfs_metadata(write_corpus: WriteCorpus) -> None:
    """The catalog's fields win over the document information, as for text files."""
    corpus = _load(
        write_corpus,
        {
            "plan.pdf": make_pdf([GERMAN_PAGE], information={"Title": "Entwurf"}),
            "catalog.toml": '["plan.pdf"]\ntitle = "Windkraftplan"\nsource = "Energieamt"\n'
            'date = "2026-01-02"\nurl = "https://example.org/plan.pdf"\n',
        },
    )
    info = corpus.documents[0].info
    assert (info.title, info.source, info.date) == ("Windkraftplan", "Energieamt", "2026-01-02")
    assert corpus.warnings == []


def test_a_scanned_pdf_is_skipped_with_a_warning(write_corpus: WriteCorpus) -> None:
    """A PDF of images only is skipped with a warning saying it has no text; nothing crashes."""
    corpus = _load(
        write_corpus,
        {"scan.pdf": make_pdf([[], []], image_pages={0, 1}), "note.txt": "\n".join(GERMAN_PAGE)},
    )
    assert [document.info.id for document in corpus.documents] == ["note"]
    assert any(
        warning.startswith("scan.pdf: skipped (a PDF without a text layer")
        for warning in corpus.warnings
    )


def test_scanned_pages_inside_a_pdf_are_named(write_corpus: WriteCorpus) -> None:
    """Pages without text are named in a warning; the other pages are read."""
    corpus = _load(write_corpus, {"mixed.pdf": make_pdf([GERMAN_PAGE, []], image_pages={1})})
    assert corpus.documents[0].info.id == "mixed"
    assert any("mixed.pdf: 1 page without text (p. 2)" in warning for warning in corpus.warnings)


def test_a_damaged_pdf_is_skipped_with_a_warning(write_corpus: WriteCorpus) -> None:
    """Bytes that are no PDF are skipped with one sentence, not a traceback."""
    corpus = _load(
        write_corpus, {"broken.pdf": b"%PDF-1.7\nnot really", "note.txt": "\n".join(GERMAN_PAGE)}
    )
    assert "broken.pdf: skipped (a PDF that cannot be opened: damaged or password-protected)." in (
        corpus.warnings
    )


def test_reading_stops_after_the_page_limit() -> None:
    """Beyond the page limit the rest is not read, and a note says so."""
    extracted = read_pdf(make_pdf([GERMAN_PAGE, CHINESE_PAGE]), max_pages=1, max_seconds=10)
    assert "海上风电" not in extracted.text
    assert extracted.notes == ["2 pages; only the first 1 are read"]
    assert extracted.cut_short


def test_reading_stops_after_the_time_limit() -> None:
    """Once the time limit has passed, reading stops after the page it is on, with a note."""
    extracted = read_pdf(make_pdf([GERMAN_PAGE, CHINESE_PAGE]), max_pages=10, max_seconds=0)
    assert "海上风电" not in extracted.text
    assert "only the first 1 of 2 pages are read" in extracted.notes[0]
    assert extracted.cut_short


def test_a_pdf_read_to_its_end_is_not_cut_short() -> None:
    """Within the limits every page is read and the text is not marked as cut short."""
    extracted = read_pdf(make_pdf([GERMAN_PAGE, CHINESE_PAGE]), max_pages=10, max_seconds=10)
    assert "海上风电" in extracted.text and not extracted.cut_short


def test_a_pdf_over_the_size_limit_is_refused(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF larger than the limit is skipped unread, with its size and the limit."""
    monkeypatch.setattr(formats, "MAX_PDF_BYTES", 1000)
    corpus = _load(
        write_corpus, {"big.pdf": make_pdf([GERMAN_PAGE] * 3), "note.txt": "\n".join(GERMAN_PAGE)}
    )
    assert any("big.pdf: skipped (too large to read" in warning for warning in corpus.warnings)


def _with_broken_first_page(pdf: bytes) -> bytes:
    """``pdf`` with a page object PDFium cannot load put before its pages."""
    return pdf.replace(b"/Kids [", b"/Kids [999 0 R ", 1).replace(b"/Count 2", b"/Count 3", 1)


def test_a_page_that_cannot_be_loaded_is_skipped_with_a_warning(
    write_corpus: WriteCorpus,
) -> None:
    """A damaged page is named in a warning; the other pages are read, with their numbers."""
    pdf = _with_broken_first_page(make_pdf([GERMAN_PAGE, CHINESE_PAGE]))
    corpus = _load(write_corpus, {"damaged.pdf": pdf})
    (document,) = corpus.documents
    assert "zwölf Gigawatt" in document.text and "海上风电" in document.text
    assert "damaged.pdf: 1 page cannot be read (p. 1): damaged? the other pages are read." in (
        corpus.warnings
    )
    assert {passage.page for passage in corpus.passages} == {2, 3}


def test_a_pdf_none_of_whose_pages_load_is_skipped(write_corpus: WriteCorpus) -> None:
    """A PDF whose every page fails to load is skipped with one warning; the load goes on."""
    pdf = make_pdf([GERMAN_PAGE]).replace(b"/Kids [7 0 R]", b"/Kids [998 0 R]")
    corpus = _load(write_corpus, {"broken.pdf": pdf, "note.txt": "\n".join(GERMAN_PAGE)})
    assert [document.info.id for document in corpus.documents] == ["note"]
    assert "broken.pdf: skipped (a PDF whose pages cannot be read: damaged)." in corpus.warnings


def test_an_empty_pdf_file_is_called_empty(write_corpus: WriteCorpus) -> None:
    """A 0-byte .pdf is an empty file, as an empty text file is, not a damaged PDF."""
    corpus = _load(write_corpus, {"empty.pdf": b"", "note.txt": "\n".join(GERMAN_PAGE)})
    assert "empty.pdf: skipped (empty file)." in corpus.warnings


def test_a_pdf_without_pages_is_not_called_a_scan(write_corpus: WriteCorpus) -> None:
    """A PDF with no pages says so, not that it may be a scan or damaged."""
    corpus = _load(write_corpus, {"blank.pdf": make_pdf([]), "note.txt": "\n".join(GERMAN_PAGE)})
    assert "blank.pdf: skipped (a PDF with no pages)." in corpus.warnings


def test_a_figure_alone_on_a_line_inside_a_page_is_kept() -> None:
    """A table's figures on lines of their own survive; the page number at the foot does not."""
    table = ["Output by city, in units:", "Harbour City", "1250", "River Town", "980", "Total"]
    extracted = read_pdf(make_pdf([[*table, "2230", "7"]]), max_pages=10, max_seconds=10)
    assert extracted.text.split("\n") == [*table, "2230"]


def test_a_reader_that_fails_unexpectedly_costs_only_its_file(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception a reader does not foresee skips its file with one warning, never the load."""

    def fail(*_: object, **__: object) -> None:
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr("retrieval.pdf_text.read_pdf", fail)
    corpus = _load(
        write_corpus, {"report.pdf": make_pdf([GERMAN_PAGE]), "note.txt": "\n".join(GERMAN_PAGE)}
    )
    assert [document.info.id for document in corpus.documents] == ["note"]
    assert [w for w in corpus.warnings if w.startswith("report.pdf")] == [
        "report.pdf: skipped (the reader failed on it: RuntimeError)."
    ]
