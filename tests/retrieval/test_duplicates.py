"""Near-duplicate passages: copies grouped across documents, different statements kept apart,
and a ranking collapsed to one entry per quote with the other publishers listed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from retrieval.corpus import Corpus, load_corpus
from retrieval.duplicates import DuplicateGroups, copy_preference
from retrieval.models import DocumentInfo, Passage

DEV_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "dev-corpus"
# SOURCES.md's near-duplicate groups in one language, by file number: wire stories on two sites
# (004/005, 013/014) and one news item in two German renderings (027/028).
VERBATIM_PAIRS = (("004", "005"), ("013", "014"))
RENDERED_PAIRS = (("027", "028"),)

HARBOUR_FULL = (
    "The port of Eastwick handled 3.2 million containers in May, up 14 percent from a year "
    "earlier, the port authority said on Tuesday, citing strong demand for electronics and "
    "furniture from overseas buyers."
)
HARBOUR_CUT = (
    "The port of Eastwick handled 3.2 million containers in May, up 14 percent from a year "
    "earlier, the port authority said on Tuesday"
)


def document(doc_id: str, *, date: str | None = None, source: str = "unknown source",
             url: str | None = None, language: str = "en") -> DocumentInfo:  # fmt: skip
    return DocumentInfo(
        id=doc_id, title=f"Title of {doc_id}", source=source, date=date, url=url, language=language
    )


def passages(*items: tuple[str, str] | tuple[str, str, str]) -> list[Passage]:
    """Passages from (document id, text[, language]), numbered in order."""
    made = []
    for number, item in enumerate(items):
        doc_id, text = item[0], item[1]
        language = item[2] if len(item) > 2 else "en"
        made.append(
            Passage(
                id=number,
                document_id=doc_id,
                paragraph=1,
                start=0,
                end=len(text),
                text=text,
                language=language,
            )
        )
    return made


def build(items: Sequence[Passage], *documents: DocumentInfo) -> DuplicateGroups:
    known = {d.id: d for d in documents}
    for passage in items:
        known.setdefault(passage.document_id, document(passage.document_id, language="en"))
    return DuplicateGroups.build(items, known.values())


def grouped(groups: DuplicateGroups, first: int, second: int) -> bool:
    return any(first in group and second in group for group in groups.groups())


# --- finding copies ---------------------------------------------------------------------------


def test_copies_with_other_bylines_and_a_cut_are_one_group() -> None:
    """Two sites' copies of one story, each with its own byline, one cut short, are grouped."""
    items = passages(
        ("harbour-post", "By Mara Lind, Harbour Post: " + HARBOUR_FULL),
        ("coastal-wire", "EASTWICK, May 6 (Coastal Wire) - " + HARBOUR_CUT),
        ("coastal-wire", "Officials expect the new quay to open in the autumn of next year."),
    )
    groups = build(items)
    assert groups.groups() == [[0, 1]]
    assert groups.holders(1) == [0]  # the cut copy is held whole by the full one


def test_a_mirror_with_a_stray_word_is_a_copy() -> None:
    """A mirror that slips in a stray word and a stray letter at the end is still a copy."""
    original = "The province opened 20 new charging stations for electric buses along the coast."
    mirror = (
        "The province opened 20 new charging stations casino for electric buses along the coast. E"
    )
    groups = build(passages(("original", original), ("mirror", mirror)))
    assert groups.groups() == [[0, 1]]


def test_chinese_copies_are_grouped() -> None:
    """A Chinese story reposted with a news-desk prefix and a reporter credit is one group."""
    story = "东湖市今年第一季度新增高新技术企业1200家,同比增长15%,企业研发投入再创新高。"
    items = passages(
        ("daily", story, "zh"),
        ("portal", "本报讯 " + story + "(记者 陈小雨)", "zh"),
    )
    assert build(items).groups() == [[0, 1]]


def test_passages_sharing_a_boilerplate_phrase_are_not_grouped() -> None:
    """Two different statements that open with the same stock phrase are no copies."""
    phrase = "According to figures released by the provincial statistics bureau on Monday, "
    items = passages(
        ("first", phrase + "retail sales in the region rose 4 percent in the first quarter."),
        ("second", phrase + "industrial output in the delta grew 6 percent in March alone."),
    )
    assert build(items).groups() == []


def test_a_translation_is_not_grouped() -> None:
    """The same report in English and in German is no copy: translations are another matter."""
    items = passages(
        ("english", "Eastwick signed 1,284 projects worth 3.45 trillion yuan at the fair in 2024."),
        (
            "german",
            "Eastwick unterzeichnete auf der Messe 2024 insgesamt 1.284 Projekte im Wert von "
            "3,45 Billionen Yuan.",
            "de",
        ),
    )
    assert build(items).groups() == []


@pytest.mark.parametrize(
    "changed",
    [
        "Exports of the province fell 5 percent in the first half of the year, officials said.",
        "Exports of the province did not rise 5 percent in the first half of the year.",
        "Exports of the province rose 9 percent in the first half of the year, officials said.",
        "Imports of the province rose 5 percent in the first half of the year, officials said.",
    ],
    ids=["replaced word", "added negation", "changed figure", "other subject"],
)
def test_a_changed_statement_is_not_a_copy(changed: str) -> None:
    """A near-verbatim passage that says something else (another verb, a negation, another
    figure, another subject) is no copy of the original."""
    original = (
        "Exports of the province rose 5 percent in the first half of the year, officials said."
    )
    assert build(passages(("original", original), ("other", changed))).groups() == []


def test_swapped_terms_are_not_a_copy() -> None:
    """Swapping who does what ("A more than B" / "B more than A") makes another statement."""
    items = passages(
        ("first", "Small firms in the delta export more machinery than large state enterprises."),
        ("second", "Large state enterprises in the delta export more machinery than small firms."),
    )
    assert build(items).groups() == []


GERMAN_NEWS = (
    "Die Stadt hat noch im Winter mit dem Bau einer neuen Schule am Marktplatz begonnen.",
    "Mehr als die Hälfte der Firmen aus der Region sagte, sie wolle im nächsten Jahr wachsen.",
    "Der Hafen teilte mit, dass die Zahl der Schiffe aus aller Welt weiter steige.",
    "Die Regierung hat an ihrem Ziel festgehalten und will die Ausgaben für Forschung erhöhen.",
)


def test_a_german_rendering_with_the_same_figures_is_grouped() -> None:
    """Two German renderings of one report, worded differently, stating the same figures in
    the same order, are the same quote (other news sets how common each word is)."""
    others = [(f"news-{n}", text, "de") for n, text in enumerate(GERMAN_NEWS)]
    items = passages(
        *others,
        (
            "first",
            "Die neue Brücke über den Ostfluss soll im Herbst 2026 eröffnet werden und rund 48 "
            "Millionen Euro kosten. Nach Angaben der Stadtverwaltung werden dort täglich etwa "
            "12.000 Fahrzeuge erwartet.",
            "de",
        ),
        (
            "second",
            "Die neue Brücke über den Ostfluss soll nach Plänen der Stadt im Herbst 2026 fertig "
            "sein und wird rund 48 Millionen Euro kosten. Die Stadtverwaltung erwartet dort "
            "täglich etwa 12.000 Fahrzeuge.",
            "de",
        ),
    )
    assert build(items).groups() == [[len(others), len(others) + 1]]


def test_passages_of_one_document_are_never_grouped() -> None:
    """A document repeating its own sentence is not a copy of itself."""
    items = passages(("only", HARBOUR_FULL), ("only", HARBOUR_FULL))
    assert build(items).groups() == []


def test_an_empty_corpus_builds() -> None:
    """No passages: no groups, and collapsing passes the ranking through."""
    groups = DuplicateGroups.build([], [])
    assert groups.groups() == []
    assert groups.collapse([3, 1]) == [(3, []), (1, [])]


def test_duplicate_passage_ids_are_refused() -> None:
    """Two passages with one id cannot be told apart: building says so."""
    items = passages(("a", HARBOUR_FULL), ("b", HARBOUR_FULL))
    clash = [items[0], items[1].model_copy(update={"id": 0})]
    with pytest.raises(ValueError, match="unique"):
        build(clash)


# --- collapsing a ranking --------------------------------------------------------------------


def test_collapse_shows_the_best_sourced_copy_in_place_of_the_first() -> None:
    """The first-ranked copy's slot shows the dated, sourced copy; the other is listed."""
    items = passages(
        ("mirror", HARBOUR_FULL),
        ("agency", HARBOUR_FULL),
        ("other", "Officials expect the new quay to open in the autumn of next year."),
    )
    groups = build(items, document("agency", date="2025-05-06", source="Coastal Wire"))
    assert groups.collapse([0, 2, 1]) == [(1, [0]), (2, [])]


def test_collapse_lists_each_other_document_once() -> None:
    """A document holding the quote in two passages is listed once, best copy first."""
    first, second = HARBOUR_CUT + ".", "Trade through the port has doubled since 2015."
    items = passages(
        ("agency", HARBOUR_FULL + " " + second),
        ("mirror", first),
        ("mirror", second),
        ("blog", HARBOUR_FULL),
    )
    groups = build(items, document("agency", date="2025-05-06", source="Coastal Wire"))
    [(shown, others)] = groups.collapse([1])
    assert shown == 0
    assert sorted(others) == [1, 3]


def test_collapse_shows_the_complete_copy_when_the_ranked_one_was_cut() -> None:
    """Between copies alike in date, source and address, the longer (uncut) one is shown."""
    items = passages(("cut", HARBOUR_CUT), ("whole", HARBOUR_FULL))
    assert build(items).collapse([0]) == [(1, [0])]


def test_a_shared_copyright_line_makes_no_copies() -> None:
    """Two stories ending with the same copyright line are shown apart, and the line alone
    is no publisher of either."""
    notice = "Copyright 2021 Harbour Post Ltd. All rights reserved."
    items = passages(
        ("first", HARBOUR_FULL + " " + notice),
        ("second", "Officials expect the new quay to open in the autumn of next year. " + notice),
        ("notice", notice),
    )
    groups = build(items)
    assert groups.collapse([0, 1]) == [(0, []), (1, [])]
    assert groups.collapse([2, 0]) == [(2, []), (0, [])]


def test_collapse_keeps_unrelated_passages_in_ranking_order() -> None:
    """Passages without copies keep their places and order."""
    items = passages(("a", HARBOUR_FULL), ("b", "A different sentence about the autumn quay."))
    assert build(items).collapse([1, 0]) == [(1, []), (0, [])]


def test_collapse_passes_unknown_ids_through() -> None:
    """An id the corpus does not hold is kept as it is, without copies."""
    items = passages(("a", HARBOUR_FULL), ("b", HARBOUR_FULL))
    assert build(items).collapse([99, 0]) == [(99, []), (0, [1])]


def test_collapse_is_a_pure_function_of_the_ranking() -> None:
    """A cut copy ranked first shows a full copy, and collapsing leaves nothing behind: the
    same ranking later gives the same quote, another ranking its own."""
    items = passages(("a", HARBOUR_FULL), ("b", HARBOUR_FULL), ("c", HARBOUR_CUT))
    groups = build(items)
    assert groups.collapse([2, 0, 1]) == [(0, [1, 2])]
    assert groups.collapse([1]) == [(1, [0, 2])]
    assert groups.collapse([2, 0, 1]) == [(0, [1, 2])]


def test_copy_preference_prefers_date_then_source_then_url_then_length_then_rank() -> None:
    """Dated beats sourced beats linked beats longer beats ranked higher."""
    dated = document("d", date="2024-01-01")
    sourced = document("s", source="Coastal Wire", url="https://example.org/a")
    linked = document("l", url="https://example.org/b")
    bare = document("b")
    order = sorted(
        [
            ("rank", copy_preference(bare, 10, 0)),
            ("longer", copy_preference(bare, 30, 5)),
            ("linked", copy_preference(linked, 10, 9)),
            ("sourced", copy_preference(sourced, 10, 9)),
            ("dated", copy_preference(dated, 10, 9)),
            ("unknown", copy_preference(None, 99, 0)),
        ],
        key=lambda item: item[1],
    )
    assert [name for name, _ in order] == [
        "dated",
        "sourced",
        "linked",
        "longer",
        "rank",
        "unknown",
    ]


# --- the development corpus (read at run time, never copied) ----------------------------------


@pytest.fixture(scope="module")
def dev_corpus() -> Corpus:
    if not (DEV_CORPUS / "docs").is_dir():
        pytest.skip(f"no development corpus at {DEV_CORPUS} (it lives outside the repository)")
    return load_corpus(DEV_CORPUS / "docs")


@pytest.fixture(scope="module")
def dev_groups(dev_corpus: Corpus) -> DuplicateGroups:
    return DuplicateGroups.build(dev_corpus.passages, [d.info for d in dev_corpus.documents])


def _document_by_number(corpus: Corpus, number: str) -> str:
    [doc_id] = [d.info.id for d in corpus.documents if d.info.id.startswith(number + "_")]
    return doc_id


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _held_whole(text: str, other: str) -> bool:
    """Whether nine tenths of ``text``'s words stand in ``other`` in runs of three or more."""
    words = _words(text)
    blocks = SequenceMatcher(None, words, _words(other), autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks if b.size >= 3) >= 0.9 * len(words)


def _figures(text: str) -> list[str]:
    return [re.sub(r"[.,]", "", f) for f in re.findall(r"\d[\d.,]*\d|\d", text)]


@pytest.mark.parametrize("pair", VERBATIM_PAIRS, ids="/".join)
def test_dev_corpus_wire_copies_are_grouped(
    dev_corpus: Corpus, dev_groups: DuplicateGroups, pair: tuple[str, str]
) -> None:
    """Every passage of one site's copy that stands nearly whole in the other's text is grouped
    with a passage of the other copy."""
    first, second = (_document_by_number(dev_corpus, number) for number in pair)
    expected = 0
    for this, that in ((first, second), (second, first)):
        other_text = dev_corpus.document(that).text
        for passage in (p for p in dev_corpus.passages if p.document_id == this):
            if not _held_whole(passage.text, other_text):
                continue
            expected += 1
            copies = {dev_corpus.passages[c].document_id for c in dev_groups.copies(passage.id)}
            assert that in copies, passage.id
    assert expected >= 8  # each copy holds several sentences of the other


@pytest.mark.parametrize("pair", RENDERED_PAIRS, ids="/".join)
def test_dev_corpus_renderings_are_grouped_where_they_state_the_same_figures(
    dev_corpus: Corpus, dev_groups: DuplicateGroups, pair: tuple[str, str]
) -> None:
    """Passages of two renderings of one item that state the same two or more figures, in the
    same order, are grouped."""
    first, second = (_document_by_number(dev_corpus, number) for number in pair)
    expected = 0
    for this, that in ((first, second), (second, first)):
        theirs = [p for p in dev_corpus.passages if p.document_id == that]
        for passage in (p for p in dev_corpus.passages if p.document_id == this):
            figures = _figures(passage.text)
            if len(figures) < 2:
                continue
            for other in theirs:
                remaining = iter(_figures(other.text))
                if all(figure in remaining for figure in figures):
                    expected += 1
                    assert grouped(dev_groups, passage.id, other.id), (passage.id, other.id)
    assert expected >= 1


def test_dev_corpus_groups_join_only_near_duplicate_files(
    dev_corpus: Corpus, dev_groups: DuplicateGroups
) -> None:
    """No group joins passages of files that are not near-duplicates of each other."""
    allowed = [
        {_document_by_number(dev_corpus, number) for number in pair}
        for pair in (*VERBATIM_PAIRS, *RENDERED_PAIRS)
    ]
    for group in dev_groups.groups():
        files = {dev_corpus.passages[p].document_id for p in group}
        assert any(files <= pair for pair in allowed), files
