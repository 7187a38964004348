"""Metadata read from the text (title, date, source, URL, language), then the catalog's word."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.cleaning import segment
from retrieval.corpus import Corpus
from retrieval.dates import find_dates
from retrieval.metadata import ExtractedMetadata, extract_metadata


def extract(text: str) -> ExtractedMetadata:
    return extract_metadata(text, segment(text))


def extract_file(seeds_dir: Path, name: str) -> ExtractedMetadata:
    return extract((seeds_dir / name).read_text(encoding="utf-8"))


# --- what the five seed texts state ------------------------------------------------------------


def test_german_press_release_metadata_from_text(seeds_dir: Path) -> None:
    """Presseportal release: "## " title, "06.02.2025 – 13:50 Uhr", "Quelle:" + "(ots)", own URL."""
    meta = extract_file(seeds_dir, "hqd-conference-2025-press-release-de.txt")
    assert meta.title == (
        "Guangdong beschleunigt den Aufbau eines modernen Industriesystems mit höherer "
        "internationaler Wettbewerbsfähigkeit"
    )
    assert (meta.date, meta.date_from_body) == ("2025-02-06", False)
    assert meta.source == "Provinz Guangdong (ots)"
    assert meta.url == "https://www.presseportal.ch/de/pm/100100524/100928605"
    assert meta.language == "de"


def test_english_press_release_metadata_from_text(seeds_dir: Path) -> None:
    """Mirror page: repeated title, "Source:" label, and only the event date in the body."""
    meta = extract_file(seeds_dir, "hqd-conference-2025-press-release-en.txt")
    assert meta.title == (
        "Guangdong accelerates the establishment of a modern industrial system with higher "
        "international competitiveness"
    )
    assert (meta.date, meta.date_from_body) == ("2025-02-05", True)
    assert meta.source == "Province of Guangdong"
    assert meta.url is None
    assert meta.language == "en"


def test_manufacturing_strategy_metadata_from_text(seeds_dir: Path) -> None:
    """No title line and no publisher: the date prefix is read, the rest is left to the catalog."""
    meta = extract_file(seeds_dir, "manufacturing-strategy-2023-en.txt")
    assert meta.title_guessed
    assert meta.title is not None and meta.title.startswith(
        "Guangdong, a major industrial province"
    )
    assert (meta.date, meta.date_from_body) == ("2023-12-05", False)
    assert meta.source is None
    assert meta.url is None
    assert meta.language == "en"


def test_department_heads_metadata_from_text(seeds_dir: Path) -> None:
    """Portal page: title after masthead lines, "发表时间:", the English "Source :" preferred."""
    meta = extract_file(seeds_dir, "department-heads-press-conference-2025-en-zh.txt")
    assert meta.title == (
        "How to boost new quality productive forces? Insights from Guangdong's provincial "
        "department heads"
    )
    assert (meta.date, meta.date_from_body) == ("2025-01-16", False)
    assert meta.source == "Lingnan on the Cloud"
    assert meta.url is None
    assert meta.languages == ("en", "zh")


def test_speech_transcript_metadata_from_text(seeds_dir: Path) -> None:
    """Blog post: navigation skipped, repeated title, weekday date line, "Released by" byline."""
    meta = extract_file(seeds_dir, "huang-kunming-speech-hqd-conference-2024-en.txt")
    assert meta.title == (
        "Transcript of Comrade Huang Kunming’s speech at the Guangdong Provincial "
        "High-Quality Development Conference (2024)"
    )
    assert (meta.date, meta.date_from_body) == ("2024-02-18", False)
    assert meta.source == "Fengkai"
    assert meta.url is None
    assert meta.language == "en"


# --- the loaded documents: text plus catalog --------------------------------------------------

EXPECTED = {
    "hqd-conference-2025-press-release-de": (
        "Guangdong beschleunigt den Aufbau eines modernen Industriesystems mit höherer "
        "internationaler Wettbewerbsfähigkeit",
        "Provinz Guangdong (ots)",
        "2025-02-06",
        "https://www.presseportal.ch/de/pm/100100524/100928605",
        "de",
    ),
    "hqd-conference-2025-press-release-en": (
        "Guangdong accelerates the establishment of a modern industrial system with higher "
        "international competitiveness",
        "Province of Guangdong",
        "2025-02-06",
        None,  # the only known address is a spam mirror: the catalog withholds it on purpose
        "en",
    ),
    "manufacturing-strategy-2023-en": (
        "Deeply promote new industrialization: Guangdong accelerates the construction of a "
        "strong manufacturing province",
        "Breaking Latest News (from China.com.cn)",
        "2023-12-05",
        "https://www.breakinglatest.news/business/deeply-promote-new-industrialization-and-"
        "guangdong-accelerate-the-construction-of-a-strong-manufacturing-province_china-net/",
        "en",
    ),
    "department-heads-press-conference-2025-en-zh": (
        "How to boost new quality productive forces? Insights from Guangdong's provincial "
        "department heads",
        "Lingnan on the Cloud (Yangcheng Evening News, 羊城晚报-云上岭南)",
        "2025-01-16",
        "https://ysln.ycwb.com/content/2025-01/16/content_53187555.html",
        "en",
    ),
    "huang-kunming-speech-hqd-conference-2024-en": (
        "Transcript of Comrade Huang Kunming’s speech at the Guangdong Provincial "
        "High-Quality Development Conference (2024)",
        "Fengkai County, Zhaoqing (via blog.misdr.net)",
        "2024-02-18",
        "http://blog.misdr.net/search/label/Guangdong%20Provincial%20High-Quality%20Development"
        "%20Conference%20%282024%29",
        "en",
    ),
}


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_seed_document_metadata(seed_corpus: Corpus, doc_id: str) -> None:
    """Each seed document has its exact title, source, date, URL and language."""
    info = seed_corpus.document(doc_id).info
    assert (info.title, info.source, info.date, info.url, info.language) == EXPECTED[doc_id]


def test_mixed_document_lists_both_languages(seed_corpus: Corpus) -> None:
    """The press-conference report is English first, with Chinese paragraphs."""
    document = seed_corpus.document("department-heads-press-conference-2025-en-zh")
    assert document.languages == ["en", "zh"]


# --- the next document of the same kind -------------------------------------------------------


def test_next_presseportal_release() -> None:
    """Another ots release: heading title, German date line, "Quelle:" and wire, own address."""
    text = (
        "# Stadt Shenzhen\n\n12.03.2025 – 09:15 Uhr\n\n"
        "## Shenzhen eröffnet ein Forschungszentrum für Halbleiter\n\n"
        "Shenzhen, China (ots) -\n\n"
        "Am 11. März 2025 eröffnete Shenzhen ein Forschungszentrum für Halbleiter. Es soll jedes "
        "Jahr 2.000 Ingenieure ausbilden und mit Herstellern der Region zusammenarbeiten.\n\n"
        "**Quelle: Stadt Shenzhen**\n\nPressekontakt:\n\nLi Wei\nE-Mail: presse@example.cn\n\n"
        "Diese Meldung kann unter https://www.presseportal.de/pm/1/2 abgerufen werden.\n"
    )
    meta = extract(text)
    assert meta.title == "Shenzhen eröffnet ein Forschungszentrum für Halbleiter"
    assert (meta.date, meta.source) == ("2025-03-12", "Stadt Shenzhen (ots)")
    assert meta.url == "https://www.presseportal.de/pm/1/2"
    assert meta.language == "de"


def test_next_chinese_portal_page() -> None:
    """A Chinese portal page: breadcrumb, title, "来源: … 发表时间:" line."""
    text = (
        "首页 > 新闻\n广东发布制造业高质量发展新政策\n"
        "来源:南方日报 作者:张三 发表时间:2024-05-06 10:00\n\n"
        "5月6日,广东省政府发布关于推动制造业高质量发展的若干措施,提出到2027年培育一批世界级先进"
        "制造业集群。措施涵盖技术改造、数字化转型和人才引进等方面。\n"
    )
    meta = extract(text)
    assert meta.title == "广东发布制造业高质量发展新政策"
    assert (meta.date, meta.source, meta.language) == ("2024-05-06", "南方日报", "zh")


def test_next_blog_transcript() -> None:
    """A blog post: label navigation, weekday date line, repeated title, "Released by" byline."""
    title = "Transcript of the Mayor's speech at the Foshan Manufacturing Conference (2024)"
    text = (
        "Showing posts with label Foshan Manufacturing Conference. Show all posts\n\n"
        f"Monday, March 4, 2024\n\n{title}\n\n{title}\n\n"
        "Released by Foshan 2024-03-04 10:20 Guangdong\n\n"
        "The conference was held in Foshan on March 4, 2024, with thousands of companies "
        "attending in person and online. The mayor spoke about robotics, home appliances and "
        "the digital transformation of small factories across the city.\n"
    )
    meta = extract(text)
    assert (meta.title, meta.date, meta.source) == (title, "2024-03-04", "Foshan")


def test_byline_fields_give_author_and_source() -> None:
    """ "Writer: X | Editor: Y | From: Paper | Updated: DATE" gives the writer and the paper."""
    text = (
        "Harbourtown sets its growth target at six percent\n\n"
        "Writer: Chen Anping  |  Editor: Li Ming  |  From: Harbour Daily  |  "
        "Updated: 2031-02-15\n\n"
        "Harbourtown will target a growth of six percent this year as the city speeds up the "
        "building of its new container port and of a rail link to the inland freight hub.\n"
    )
    meta = extract(text)
    assert (meta.author, meta.source, meta.date) == ("Chen Anping", "Harbour Daily", "2031-02-15")


def test_chinese_byline_gives_author() -> None:
    """ "作者:" in a portal's metadata line is the author; "记者 NAME" in a credit line too."""
    head = "港城发布制造业新政策\n"
    body = (
        "\n5月6日,港城市政府发布关于推动制造业高质量发展的若干措施,提出到2030年培育一批先进"
        "制造业集群。措施涵盖技术改造、数字化转型和人才引进等方面。\n"
    )
    labelled = head + "来源:港城日报 作者:李明、陈安平 发表时间:2031-05-06 10:00\n" + body
    credited = head + "港城日报记者 陈安平\n" + body
    assert extract(labelled).author == "李明、陈安平"
    assert extract(credited).author == "陈安平"


def test_empty_source_label_gives_no_source() -> None:
    """ "来源: 点击:" (an empty label, then a counter's label) names no source."""
    text = (
        "港城发布制造业新政策\n发布时间:2031-05-06 10:00来源: 点击:\n\n"
        "5月6日,港城市政府发布关于推动制造业高质量发展的若干措施,提出到2030年培育一批先进"
        "制造业集群。\n"
    )
    assert extract(text).source is None


def test_newswire_dateline_gives_date_and_wire() -> None:
    """A PR Newswire dateline in front of the first paragraph states date and distributor."""
    text = (
        "Guangdong accelerates construction of a modern industrial system\n\n"
        "GUANGZHOU, China, Feb. 6, 2025 /PRNewswire/ -- On February 5, 2025, Guangdong held a "
        "provincial high-quality development conference in Guangzhou to discuss the construction "
        "of a modern industrial system with greater international competitiveness.\n"
    )
    meta = extract(text)
    assert (meta.date, meta.date_from_body, meta.source) == ("2025-02-06", False, "PR Newswire")


def test_event_date_only_is_flagged() -> None:
    """A text that states only the event date yields it, flagged as taken from the body."""
    text = (
        "Guangdong holds its high-quality development conference\n\n"
        "On February 5, 2025, the first working day in the year of the snake, Guangdong held a "
        "conference on high-quality development in Guangzhou with officials from every city.\n"
    )
    meta = extract(text)
    assert (meta.date, meta.date_from_body) == ("2025-02-05", True)


def test_no_metadata_at_all() -> None:
    """A bare paragraph gives no date, source or URL, and its first sentence as a guessed title."""
    meta = extract("Guangdong builds factories. It also trains many engineers for them every year.")
    assert (meta.date, meta.source, meta.url) == (None, None, None)
    assert (meta.title, meta.title_guessed) == ("Guangdong builds factories.", True)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("06.02.2025 – 13:50 Uhr", "2025-02-06"),
        ("date 2023-12-05", "2023-12-05"),
        ("发表时间:2025-01-16 23:09", "2025-01-16"),
        ("Sunday, February 18, 2024", "2024-02-18"),
        ("Released by Fengkai 2024-02-18 17:35", "2024-02-18"),
        ("Am 5. Februar 2025 hielt", "2025-02-05"),
        ("2025年1月15日下午", "2025-01-15"),
        ("18 February 2024", "2024-02-18"),
        ("Feb. 6, 2025", "2025-02-06"),
    ],
)
def test_date_formats(text: str, iso: str) -> None:
    """Every date form of the seeds (and their neighbours) reads as ISO 8601."""
    assert [found.iso for found in find_dates(text)] == [iso]


def test_impossible_dates_are_not_dates() -> None:
    """Numbers that look like dates but are not valid calendar days are ignored."""
    assert find_dates("2025-02-30 and 31.04.2024 and 1.000.000") == []
