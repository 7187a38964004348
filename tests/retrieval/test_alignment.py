"""Translations: documents and language blocks found to translate each other by their figures,
names and dates in order; each passage's counterparts; a ranking shown in the asker's language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from retrieval.alignment import TranslationPairs
from retrieval.corpus import Corpus, load_corpus
from retrieval.models import DocumentInfo, Passage
from retrieval.tokenize import Tokenizer

DEV_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "dev-corpus"

HARBOUR_EN = (
    "Nanhai port handled 21.3 million containers in 2024, Governor Zhou Mingyuan said on "
    "14 January 2025.",
    "Exports through the port reached 860 billion yuan, up 6.5 percent, while imports fell "
    "2.1 percent.",
    "Tang Xiaoqing, director of the Nanhai port authority, said 48 new shipping routes opened, "
    "17 of them to Europe.",
    "The port plans to invest 35 billion yuan in automated terminals by 2027, she added.",
    "A rail link to Qingyuan, 126 kilometres long, is due to open in 2026.",
)
HARBOUR_DE = (
    "Der Hafen Nanhai hat 2024 rund 21,3 Millionen Container umgeschlagen, sagte Gouverneur "
    "Zhou Mingyuan am 14. Januar 2025.",
    "Die Exporte über den Hafen erreichten 860 Milliarden Yuan, ein Plus von 6,5 Prozent, "
    "während die Importe um 2,1 Prozent sanken.",
    "Tang Xiaoqing, Direktorin der Hafenbehörde von Nanhai, sagte, es seien 48 neue "
    "Schifffahrtsrouten eröffnet worden, 17 davon nach Europa.",
    "Der Hafen will bis 2027 rund 35 Milliarden Yuan in automatisierte Terminals investieren, "
    "fügte sie hinzu.",
    "Eine 126 Kilometer lange Bahnverbindung nach Qingyuan soll 2026 eröffnet werden.",
)
# A paragraph only the German version has, with figures of its own.
EXTRA_DE = "Im Vorjahr hatte der Hafen 19,8 Millionen Container und 412 Schiffe abgefertigt."
# One report whose paragraphs alternate between English and Chinese.
BILINGUAL = (
    ("en", "Governor Zhou Mingyuan said Nanhai port handled 21.3 million containers in 2024, "
     "up 4.2 percent."),
    ("zh", "省长周明远表示,2024年南海港完成集装箱吞吐量2130万标箱,同比增长4.2%。"),
    ("en", "Tang Xiaoqing, head of the commerce department, said exports reached 860 billion "
     "yuan and 48 new shipping routes opened."),
    ("zh", "商务厅厅长唐晓青介绍,出口额达8600亿元,新开航线48条。"),
    ("en", "A rail link to Qingyuan, 126 kilometres long, will open on 1 July 2026."),
    ("zh", "通往清远的126公里铁路将于2026年7月1日开通。"),
)  # fmt: skip
# Two reports of one day in one province, on other matters.
HOSPITAL_EN = (
    "On 14 January 2025, Guangdong opened a hospital in Zhuhai with 600 beds and 1,200 staff.",
    "It cost 2.4 billion yuan and will serve 350,000 residents.",
)
RAINFALL_DE = (
    "Am 14. Januar 2025 meldete Guangdong 30 Prozent weniger Niederschlag als im Vorjahr.",
    "In 12 Städten sanken die Pegel um 1,8 Meter.",
)


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


def document(doc_id: str, language: str, date: str | None = None) -> DocumentInfo:
    return DocumentInfo(
        id=doc_id, title=f"Title of {doc_id}", source="a source", date=date, language=language
    )


def passages(*documents: tuple[str, Sequence[tuple[str, str]]]) -> list[Passage]:
    """One passage per paragraph, from (document id, [(language, text), ...]), numbered."""
    made: list[Passage] = []
    for doc_id, paragraphs in documents:
        for number, (language, text) in enumerate(paragraphs, start=1):
            made.append(
                Passage(
                    id=len(made),
                    document_id=doc_id,
                    paragraph=number,
                    start=0,
                    end=len(text),
                    text=text,
                    language=language,
                )
            )
    return made


def written_in(language: str, texts: Sequence[str]) -> list[tuple[str, str]]:
    return [(language, text) for text in texts]


def ids_of(made: Sequence[Passage], doc_id: str, language: str | None = None) -> list[int]:
    return [
        p.id
        for p in made
        if p.document_id == doc_id and (language is None or p.language == language)
    ]


def test_a_translation_is_paired_passage_by_passage(tokenizer: Tokenizer) -> None:
    """An English report and its German translation, same figures and names in the same
    order: each paragraph's counterpart is its translation."""
    made = passages(("en", written_in("en", HARBOUR_EN)), ("de", written_in("de", HARBOUR_DE)))
    pairs = TranslationPairs.build(made, [document("en", "en"), document("de", "de")], tokenizer)
    assert [(p.first, p.second) for p in pairs.pairs()] == [(("en", "en"), ("de", "de"))]
    for english, german in zip(ids_of(made, "en"), ids_of(made, "de"), strict=True):
        assert pairs.counterparts(english) == [german]
        assert pairs.counterparts(german) == [english]


def test_the_language_blocks_of_a_bilingual_document_are_paired(tokenizer: Tokenizer) -> None:
    """A report alternating English and Chinese paragraphs: each English paragraph's
    counterpart is the Chinese one after it."""
    made = passages(("report", BILINGUAL))
    pairs = TranslationPairs.build(made, [document("report", "en")], tokenizer)
    assert [(p.first, p.second) for p in pairs.pairs()] == [(("report", "en"), ("report", "zh"))]
    english, chinese = ids_of(made, "report", "en"), ids_of(made, "report", "zh")
    for first, second in zip(english, chinese, strict=True):
        assert pairs.counterparts(first) == [second]


def test_unrelated_reports_sharing_a_date_and_a_name_are_not_paired(
    tokenizer: Tokenizer,
) -> None:
    """Two reports of one day and one province on other matters are considered, not paired."""
    made = passages(
        ("hospital", written_in("en", HOSPITAL_EN)), ("rainfall", written_in("de", RAINFALL_DE))
    )
    infos = [document("hospital", "en"), document("rainfall", "de")]
    pairs = TranslationPairs.build(made, infos, tokenizer)
    assert len(pairs.candidates) == 1  # the date and the name make them candidates
    assert pairs.pairs() == []
    assert all(pairs.counterparts(p.id) == [] for p in made)


def test_a_paragraph_only_one_side_has_gets_no_counterpart(tokenizer: Tokenizer) -> None:
    """A German version with an extra paragraph is still the translation; the extra paragraph
    has no counterpart and the others keep theirs."""
    german = [*HARBOUR_DE[:3], EXTRA_DE, *HARBOUR_DE[3:]]
    made = passages(("en", written_in("en", HARBOUR_EN)), ("de", written_in("de", german)))
    pairs = TranslationPairs.build(made, [document("en", "en"), document("de", "de")], tokenizer)
    assert len(pairs.pairs()) == 1
    english, translated = ids_of(made, "en"), ids_of(made, "de")
    extra = translated.pop(3)
    assert pairs.counterparts(extra) == []
    for first, second in zip(english, translated, strict=True):
        assert pairs.counterparts(first) == [second]


def test_the_earlier_document_is_the_original(tokenizer: Tokenizer) -> None:
    """When the German version was published a day earlier, its passages are the originals."""
    made = passages(("en", written_in("en", HARBOUR_EN)), ("de", written_in("de", HARBOUR_DE)))
    infos = [document("en", "en", "2025-01-15"), document("de", "de", "2025-01-14")]
    pairs = TranslationPairs.build(made, infos, tokenizer)
    assert all(pairs.is_original(p) for p in ids_of(made, "de"))
    assert not any(pairs.is_original(p) for p in ids_of(made, "en"))


def test_one_language_only_finds_nothing(tokenizer: Tokenizer) -> None:
    """A corpus in one language has no translations (and is not even read for anchors)."""
    made = passages(("a", written_in("en", HARBOUR_EN)), ("b", written_in("en", HARBOUR_EN)))
    pairs = TranslationPairs.build(made, [], tokenizer)
    assert pairs.candidates == () and pairs.counterparts(0) == []


def test_duplicate_passage_ids_are_refused(tokenizer: Tokenizer) -> None:
    """Passage ids must be unique, as the corpus numbers them."""
    made = passages(("en", written_in("en", HARBOUR_EN[:1])))
    with pytest.raises(ValueError, match="unique"):
        TranslationPairs.build([*made, made[0]], [], tokenizer)


# --- one quote in the asker's language ---------------------------------------------------------


def translated() -> TranslationPairs:
    """Passages 1 (de) and 2 (en) translate each other; 3 (zh) translates both; 4 and 5 (en)
    together translate 6 (de); 7 has no translation."""
    return TranslationPairs(
        {1: (2, 3), 2: (1, 3), 3: (1, 2), 4: (6,), 5: (6,), 6: (4, 5)},
        {1: "de", 2: "en", 3: "zh", 4: "en", 5: "en", 6: "de"},
    )


def test_the_counterpart_in_the_askers_language_is_shown() -> None:
    """A German passage ranked first is shown in English to an English question, the German
    and Chinese listed."""
    assert translated().prefer_language([1, 7], "en") == [(2, [1, 3]), (7, [])]


def test_without_a_counterpart_in_the_askers_language_the_ranked_passage_is_shown() -> None:
    """Asked in French, or in no known language, the best-ranked passage is shown."""
    assert translated().prefer_language([3, 1], "fr") == [(3, [1, 2])]
    assert translated().prefer_language([1], None) == [(1, [2, 3])]


def test_a_counterpart_ranked_later_is_not_shown_again() -> None:
    """The quote is shown once, wherever its counterparts rank."""
    assert translated().prefer_language([2, 7, 1, 3], "en") == [(2, [1, 3]), (7, [])]


def test_of_two_counterparts_in_the_askers_language_the_better_ranked_is_shown() -> None:
    """A German passage translated by two English ones is shown as the one ranked higher."""
    assert translated().prefer_language([6, 5, 4], "en")[0] == (5, [6])


def test_passages_without_translations_pass_through_in_order() -> None:
    """Ids the pairs do not know (no translation) keep their ranking."""
    assert translated().prefer_language([9, 7, 8], "en") == [(9, []), (7, []), (8, [])]


# --- the seeds and the development corpus ------------------------------------------------------


def test_the_seeds_press_release_and_its_translation_are_aligned(
    seed_corpus: Corpus, tokenizer: Tokenizer
) -> None:
    """The German press release and its English translation are paired, every passage with
    counterparts in the same paragraph; the bilingual report's Chinese part with the English
    paragraphs it translates; nothing else."""
    pairs = TranslationPairs.build(
        seed_corpus.passages, [d.info for d in seed_corpus.documents], tokenizer
    )
    release = "hqd-conference-2025-press-release"
    report = "department-heads-press-conference-2025-en-zh"
    assert {(p.first, p.second) for p in pairs.pairs()} == {
        ((f"{release}-de", "de"), (f"{release}-en", "en")),
        ((report, "en"), (report, "zh")),
    }
    by_id = {p.id: p for p in seed_corpus.passages}
    for passage in seed_corpus.passages:
        if passage.document_id.startswith(release):
            found = pairs.counterparts(passage.id)
            assert found, passage.text
            assert {by_id[c].paragraph for c in found} == {passage.paragraph}
    chinese = [p for p in seed_corpus.passages if p.document_id == report and p.language == "zh"]
    paragraphs = [sorted({by_id[c].paragraph for c in pairs.counterparts(p.id)}) for p in chinese]
    assert paragraphs == [[2], [7]]  # the opening and the closing paragraph


def translation_groups(sources: str) -> set[frozenset[str]]:
    """The near-duplicate groups of SOURCES.md whose files are in two languages, as file
    numbers: "| B | 012 (en), 025 (de) | ..." is a translation."""
    section = sources.split("## Near-duplicate groups", 1)[-1].split("\n## ", 1)[0]
    groups = set()
    for line in section.splitlines():
        if not line.startswith("|"):
            continue  # the table's rows; the list after it names pages that are no copies
        files = re.findall(r"\b(\d{3}) \((\w\w)\)", line)
        if len({language for _, language in files}) > 1:
            groups.add(frozenset(number for number, _ in files))
    return groups


@pytest.fixture(scope="module")
def dev_corpus() -> Corpus:
    if not (DEV_CORPUS / "docs").is_dir():
        pytest.skip(f"no development corpus at {DEV_CORPUS} (it lives outside the repository)")
    return load_corpus(DEV_CORPUS / "docs")


def test_the_dev_corpus_translations_are_found_and_nothing_else(
    dev_corpus: Corpus, tokenizer: Tokenizer
) -> None:
    """The groups SOURCES.md lists in two languages are paired, most passages with a
    counterpart; no other two of the 40 pages are."""
    expected = translation_groups((DEV_CORPUS / "SOURCES.md").read_text(encoding="utf-8"))
    assert expected, "SOURCES.md lists no translated group"
    pairs = TranslationPairs.build(
        dev_corpus.passages, [d.info for d in dev_corpus.documents], tokenizer
    )
    found = {frozenset(unit[0][:3] for unit in (p.first, p.second)) for p in pairs.pairs()}
    assert found == expected
    translated_ids = [
        p.id for p in dev_corpus.passages if any(p.document_id[:3] in g for g in expected)
    ]
    with_counterpart = [pid for pid in translated_ids if pairs.counterparts(pid)]
    assert len(with_counterpart) >= 0.9 * len(translated_ids)


def test_a_pair_ranks_as_its_text_in_the_askers_language() -> None:
    """A Chinese passage whose English counterpart is a weaker candidate ranks as that English
    text; one whose counterpart is no candidate at all ranks last; others keep their rank."""
    pairs = TranslationPairs(
        {0: (1,), 1: (0,), 3: (4,), 4: (3,)}, {0: "en", 1: "zh", 3: "en", 4: "zh"}
    )
    ranked = pairs.ranked_as_shown(np.array([0, 1, 2, 4]), np.array([1.0, 5.0, 2.0, 3.0]), "en")
    assert ranked.tolist() == [1.0, 1.0, 2.0, 0.0]
