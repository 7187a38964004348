"""Web pages: the main text without the template, the page's own metadata, any encoding."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import formats
from retrieval.corpus import Corpus, load_corpus

WriteCorpus = Callable[[dict[str, str | bytes]], Path]

ENGLISH_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour city opens battery recycling plant | Coastal Courier</title>
<meta property="og:title" content="Harbour city opens battery recycling plant">
<meta property="og:site_name" content="Coastal Courier">
<meta name="author" content="Mei Lin">
<meta property="article:published_time" content="2026-04-09T08:30:00+08:00">
<link rel="canonical" href="https://courier.example.org/economy/battery-plant.html">
</head><body>
<nav><a href="/">Home</a> | <a href="/economy">Economy</a> | <a href="/sports">Sports</a></nav>
<article>
<h1>Harbour city opens battery recycling plant</h1>
<p>The harbour city opened a plant on Thursday that will recycle 50,000 tonnes of used
electric-vehicle batteries a year, the city's industry bureau said.</p>
<p>The plant recovers lithium, cobalt and nickel and sells them back to battery makers in the
province. Its operator plans a second line by 2028.</p>
</article>
<aside>Most read: Ten things to do this weekend</aside>
<footer>© 2026 Coastal Courier. All rights reserved. Share on Facebook | Share on X</footer>
</body></html>"""

GERMAN_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Provinz fördert Wasserstoffbusse</title></head><body><article>
<p>Die Provinzregierung fördert den Kauf von Wasserstoffbussen für den Nahverkehr. Bis Ende
2027 sollen in fünf Städten über 800 Busse fahren, teilte das Verkehrsamt mit.</p>
<p>Die Tankstellen werden gemeinsam mit örtlichen Energieversorgern gebaut; der erste
Abschnitt geht im Frühjahr in Betrieb.</p>
</article></body></html>"""

CHINESE_PAGE = """<html><head><title>省工信厅发布新能源汽车产业政策</title></head><body>
<div class="nav">首页 | 新闻 | 政策</div><article>
<p>省工业和信息化厅日前发布支持新能源汽车产业发展的若干措施，提出到2027年全省新能源汽车产量达到三百万辆。</p>
<p>措施还提出，加快建设充电基础设施，支持企业开展电池回收利用，推动产业链上下游协同发展。</p>
</article><div class="footer">版权所有 联系我们</div></body></html>"""


def _load(write_corpus: WriteCorpus, files: dict[str, str | bytes]) -> Corpus:
    return load_corpus(write_corpus(files))


def test_main_text_leaves_the_template_out(write_corpus: WriteCorpus) -> None:
    """Navigation, teasers and the footer are not part of the document's text."""
    corpus = _load(write_corpus, {"plant.html": ENGLISH_PAGE})
    text = corpus.documents[0].text
    assert "50,000 tonnes" in text and "second line by 2028" in text
    assert "Sports" not in text and "Share on Facebook" not in text and "Most read" not in text


def test_metadata_comes_from_the_pages_head(write_corpus: WriteCorpus) -> None:
    """Title, date, author, site and canonical address come from the page's own metadata."""
    corpus = _load(write_corpus, {"plant.html": ENGLISH_PAGE})
    info = corpus.documents[0].info
    assert info.title == "Harbour city opens battery recycling plant"
    assert info.date == "2026-04-09"
    assert info.author == "Mei Lin"
    assert info.source == "Coastal Courier"
    assert info.url == "https://courier.example.org/economy/battery-plant.html"
    assert info.language == "en"
    assert corpus.warnings == []


def test_passages_are_the_pages_text_at_their_offsets(write_corpus: WriteCorpus) -> None:
    """A page's passages are verbatim slices of its extracted text, without a page number."""
    corpus = _load(write_corpus, {"plant.html": ENGLISH_PAGE})
    text = corpus.documents[0].text
    assert corpus.passages
    for passage in corpus.passages:
        assert text[passage.start : passage.end] == passage.text
        assert passage.page is None


def test_a_declared_windows_1252_page_reads_correctly(write_corpus: WriteCorpus) -> None:
    """A German page in Windows-1252, as its head declares, keeps its umlauts."""
    corpus = _load(write_corpus, {"busse.htm": GERMAN_PAGE.encode("cp1252")})
    (document,) = corpus.documents
    assert "Wasserstoffbussen für den Nahverkehr" in document.text
    assert document.info.language == "de"
    assert document.encoding == "html (cp1252)"


def test_an_undeclared_gb18030_page_is_detected(write_corpus: WriteCorpus) -> None:
    """A Chinese page in GB18030 without a charset declaration is detected and read."""
    corpus = _load(write_corpus, {"policy.html": CHINESE_PAGE.encode("gb18030")})
    (document,) = corpus.documents
    assert "新能源汽车产量达到三百万辆" in document.text
    assert "版权所有" not in document.text
    assert document.info.language == "zh"


def test_a_utf8_page_with_a_stale_declaration_reads_as_utf8(write_corpus: WriteCorpus) -> None:
    """A page saved as UTF-8 that still declares GB2312 is read as the UTF-8 it is."""
    page = CHINESE_PAGE.replace("<head>", '<head><meta charset="gb2312">')
    corpus = _load(write_corpus, {"policy.html": page})
    assert "新能源汽车产量达到三百万辆" in corpus.documents[0].text


def test_missing_metadata_warns_as_for_text_files(write_corpus: WriteCorpus) -> None:
    """A page whose head states no date, source or address gets the text files' warning."""
    corpus = _load(write_corpus, {"busse.html": GERMAN_PAGE.encode("cp1252")})
    (warning,) = corpus.warnings
    assert warning.startswith("busse.html: no catalog entry; the text does not state")
    assert "url" in warning and "catalog.toml" in warning


def test_catalog_overrides_the_pages_metadata(write_corpus: WriteCorpus) -> None:
    """The catalog's fields win over what the page's head says."""
    corpus = _load(
        write_corpus,
        {
            "plant.html": ENGLISH_PAGE,
            "catalog.toml": '["plant.html"]\n'
            'source = "City Industry Bureau (via Coastal Courier)"\nurl = ""\n',
        },
    )
    info = corpus.documents[0].info
    assert info.source == "City Industry Bureau (via Coastal Courier)"
    assert info.url is None
    assert info.title == "Harbour city opens battery recycling plant"


def test_a_page_without_text_is_skipped_with_a_warning(write_corpus: WriteCorpus) -> None:
    """A page of navigation only is skipped with a warning; the others are served."""
    corpus = _load(
        write_corpus,
        {
            "menu.html": "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "plant.html": ENGLISH_PAGE,
        },
    )
    assert [document.info.id for document in corpus.documents] == ["plant"]
    assert any(warning.startswith("menu.html: skipped") for warning in corpus.warnings)


def test_an_empty_or_binary_page_is_skipped_with_a_warning(write_corpus: WriteCorpus) -> None:
    """An empty file or binary bytes named .html are skipped, as such text files are."""
    corpus = _load(
        write_corpus,
        {"empty.html": "", "image.html": b"\x89PNG\r\n\x1a\n\x00\x00", "plant.html": ENGLISH_PAGE},
    )
    assert "empty.html: skipped (empty file)." in corpus.warnings
    assert any(warning.startswith("image.html: skipped (binary") for warning in corpus.warnings)


def _page(body: str, head: str = "<title>Battery plant</title>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


SENTENCE = "The provincial government will invest three billion yuan in new battery factories."


def test_a_year_in_the_body_is_not_the_pages_date(write_corpus: WriteCorpus) -> None:
    """A bare year in the text ("in 2019") does not become the page's date (2019-01-01)."""
    body = (
        f"<article><p>The plant, which opened in 2019, recycles batteries. {SENTENCE}</p></article>"
    )
    corpus = _load(write_corpus, {"plant.html": _page(body)})
    assert corpus.documents[0].info.date != "2019-01-01"


def test_a_year_in_an_attribute_is_not_the_pages_date(write_corpus: WriteCorpus) -> None:
    """A year in an image's address or an attribute does not become the page's date."""
    body = f'<article data-founded="1995"><img src="/img/1995/a.jpg"><p>{SENTENCE}</p></article>'
    corpus = _load(write_corpus, {"plant.html": _page(body)})
    assert corpus.documents[0].info.date != "1995-01-01"


def test_a_date_in_the_pages_json_ld_is_read(write_corpus: WriteCorpus) -> None:
    """The date the page states in its JSON-LD is its date."""
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
    head += '"2024-03-02"}</script><title>Battery plant</title>'
    corpus = _load(
        write_corpus, {"plant.html": _page(f"<article><p>{SENTENCE}</p></article>", head)}
    )
    assert corpus.documents[0].info.date == "2024-03-02"


def test_a_sentence_inside_deeply_nested_tables_is_read(write_corpus: WriteCorpus) -> None:
    """Markup nested deeper than lxml's default limit (255) keeps its text."""
    depth = 300
    body = "<table><tr><td>" * depth + f"<p>{SENTENCE}</p>" + "</td></tr></table>" * depth
    corpus = _load(write_corpus, {"tables.html": _page("<nav>Home | News</nav>" + body)})
    assert SENTENCE in corpus.documents[0].text


def test_a_sentence_inside_deep_divs_is_read(write_corpus: WriteCorpus) -> None:
    """A page of a thousand nested <div>s keeps its sentence."""
    body = "<div>" * 1000 + SENTENCE + "</div>" * 1000
    corpus = _load(write_corpus, {"divs.html": _page(body)})
    assert SENTENCE in corpus.documents[0].text


def test_no_discarding_data_none_is_logged(
    write_corpus: WriteCorpus, caplog: pytest.LogCaptureFixture
) -> None:
    """trafilatura's "discarding data: None", which names nothing, is not logged."""
    caplog.set_level(logging.DEBUG)
    _load(write_corpus, {"picture.html": _page("<img src='a.png'>"), "a.txt": SENTENCE})
    assert not [r for r in caplog.records if "discarding data" in r.getMessage()]


def test_a_nul_byte_in_a_utf8_page_is_not_binary(write_corpus: WriteCorpus) -> None:
    """A stray NUL byte in an otherwise UTF-8 page is dropped; the page is read."""
    page = _page(f"<article><p>{SENTENCE}\x00 Die Stadt baut.</p></article>").encode()
    corpus = _load(write_corpus, {"nul.html": page})
    assert [document.info.id for document in corpus.documents] == ["nul"]
    assert "\x00" not in corpus.documents[0].text


def test_references_to_lone_surrogates_are_dropped(write_corpus: WriteCorpus) -> None:
    """ "&#xD800;" and the like name no character: dropped, not shown as U+FFFD."""
    body = f"<article><p>{SENTENCE} Har&#xD800;bour&#55296;&#xDC00; city&#0;.</p></article>"
    corpus = _load(write_corpus, {"refs.html": _page(body)})
    text = corpus.documents[0].text
    assert "Harbour city." in text and "\ufffd" not in text


def test_a_page_over_the_time_limit_is_skipped_with_a_warning(
    write_corpus: WriteCorpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that takes longer than the bound is given up with a warning; the rest loads."""
    monkeypatch.setattr(formats, "MAX_HTML_SECONDS", 0.05)
    slow = _page("<table><tr><td>" * 400 + SENTENCE + "</td></tr></table>" * 400)
    corpus = _load(write_corpus, {"slow.html": slow, "note.txt": SENTENCE})
    assert [document.info.id for document in corpus.documents] == ["note"]
    assert "slow.html: skipped (reading took longer than 0.05 s)." in corpus.warnings


def test_a_page_main_text_extraction_finds_nothing_in_is_read_as_plain_text(
    write_corpus: WriteCorpus,
) -> None:
    """Text trafilatura leaves out (here: all in a block it takes for comments) is read as
    plain text, without the navigation, and a warning says so."""
    body = f"<nav>Home | News</nav><div class='comments'><p>{SENTENCE}</p></div>"
    corpus = _load(write_corpus, {"notice.html": _page(body)})
    (document,) = corpus.documents
    assert SENTENCE in document.text and "Home" not in document.text
    assert "notice.html: no main text was found in the page; its plain text is read." in (
        corpus.warnings
    )
