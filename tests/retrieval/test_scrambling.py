"""Word-scrambled Chinese copies are told from clean text by fragments glued to clause starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import scrambling
from retrieval.chinese_script import to_simplified
from retrieval.corpus import load_corpus
from retrieval.scrambling import measure_scrambling, starts_with_fragment

DEV_DOCS = Path(__file__).resolve().parents[3] / "shared" / "dev-corpus" / "docs"

# An invented news paragraph, and the same with fragments of its own words (cut across word
# boundaries) glued in front of four clauses, as SEO scramblers do.
CLEAN = (
    "港城市今年一季度地区生产总值同比增长百分之五,工业投资继续保持两位数增长。"
    "市长李明在会上表示,全市将加快建设现代化产业体系,推动制造业高质量发展。"
    "目前,全市共有规模以上工业企业三千余家,其中高新技术企业超过一千家。"
    "下一步,港城市将围绕新能源、新材料等重点领域,培育一批具有竞争力的龙头企业,"
    "同时加大对中小企业的支持力度,进一步优化营商环境,吸引更多优质项目落户。"
)
SCRAMBLED = (
    "港城市今年一季度地区生产总值同比增长百分之五,造业工业投资继续保持两位数增长。"
    "市长李明在会上表示,量发全市将加快建设现代化产业体系,推动制造业高质量发展。"
    "目前,全市共有规模以上工业企业三千余家,其中高新技术企业超过一千家。"
    "下一步,港城市将围绕新能源、新材料等重点领域,展制培育一批具有竞争力的龙头企业,"
    "同时加大对中小企业的支持力度,造业进一步优化营商环境,吸引更多优质项目落户。"
)


def test_clean_text_has_no_fragment_starts() -> None:
    """Every clause of running Chinese text starts with a word."""
    measure = measure_scrambling([CLEAN], exact=True)
    assert (measure.clauses, measure.fragment_starts, measure.scrambled) == (14, 0, False)


def test_clean_text_is_judged_without_segmenting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """When too few clauses could start with a fragment, jieba is not asked (a quick start)."""

    def fail(lead: str) -> bool:
        raise AssertionError(f"segmented {lead!r}")

    monkeypatch.setattr(scrambling, "starts_with_fragment", fail)
    assert not measure_scrambling([CLEAN]).scrambled


def test_fragments_glued_to_clause_starts_mark_the_text_scrambled() -> None:
    """Word fragments in front of four of fourteen clauses make the text a scrambled copy."""
    measure = measure_scrambling([SCRAMBLED])
    assert (measure.fragment_starts, measure.scrambled) == (4, True)


def test_traditional_script_is_judged_like_simplified() -> None:
    """The same clean text in traditional characters has no fragment starts either."""
    traditional = CLEAN.translate(
        str.maketrans("产业发为东区规质进优吸围绕营", "產業發為東區規質進優吸圍繞營")
    )
    assert to_simplified(traditional) == CLEAN
    assert measure_scrambling([traditional], exact=True).fragment_starts == 0


def test_clause_opened_by_a_name_is_no_fragment() -> None:
    """A clause that opens with a person's name, cut into single characters, is not flagged."""
    assert not starts_with_fragment("柯振邦表示全市将加快")


def test_numerals_opening_a_clause_are_no_fragment() -> None:
    """ "三是…" opens a clause on its own: numerals are never fragments."""
    assert not starts_with_fragment("三是加快培育新兴产业")


def test_too_few_clauses_are_not_judged() -> None:
    """A short text with fragments is not judged: a few clauses say too little."""
    text = "造业工业投资继续增长,量发全市将加快建设,展制培育一批龙头企业。"
    measure = measure_scrambling([text], exact=True)
    assert (measure.fragment_starts, measure.scrambled) == (3, False)


def test_corpus_marks_a_scrambled_document_and_warns(
    write_corpus: Callable[[dict[str, str]], Path],
) -> None:
    """A scrambled page is served with ``scrambled`` set and a warning; a clean one is not."""
    folder = write_corpus(
        {
            "clean.txt": f"港城经济稳步增长\n\n{CLEAN}\n",
            "copy.txt": f"港城经济稳步增长\n\n{SCRAMBLED}\n",
        }
    )
    corpus = load_corpus(folder)
    assert not corpus.document("clean").info.scrambled
    assert corpus.document("copy").info.scrambled
    assert any("copy.txt: reads as a word-scrambled copy" in w for w in corpus.warnings)


@pytest.mark.skipif(not DEV_DOCS.is_dir(), reason="needs ../shared/dev-corpus")
def test_only_the_scrambled_dev_page_is_marked() -> None:
    """Of the development pages, only the one described as scrambled is marked."""
    corpus = load_corpus(DEV_DOCS)
    marked = {document.info.id for document in corpus.documents if document.info.scrambled}
    described = {
        document.info.id for document in corpus.documents if "scrambled" in document.info.id
    }
    assert marked == described
    assert len(marked) == 1
