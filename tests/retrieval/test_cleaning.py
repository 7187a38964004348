"""Boilerplate removal by general rules, with offsets into the original text."""

from __future__ import annotations

import pytest

from retrieval.cleaning import Kind, segment
from retrieval.content_blocks import content_blocks
from retrieval.corpus import Corpus
from retrieval.metadata import extract_metadata

BLOG_PAGE = """Skip to content
Home » News » Economy
Menu

# Shenzhen opens a new semiconductor research centre

Posted by admin on March 3, 2024 | Leave a comment

Shenzhen opened a semiconductor research centre on Monday, the city government said. The centre \
will train 2,000 engineers a year and work with local chip makers on packaging and testing.

The city expects the centre to attract more than 50 companies within three years. Officials said \
the project is part of a plan to strengthen the local semiconductor supply chain.

**Share this:** Facebook | Twitter | WhatsApp | Email

Tags: Shenzhen, semiconductors, research

Related: Top 10 beaches to visit in Bali this summer. Discover hidden coves and luxury resorts...

Popular posts

Slot gacor hari ini, bandar togel terpercaya dengan bonus new member 100%!

Best holiday cocktails: mojito, sangria and spritz recipes for your summer party.

Contact us
Tel: +86 755 1234 5678
Email: info@example-news.com
Address: 88 Shennan Road, Futian District, Shenzhen

© 2024 Example News. All rights reserved.
Older Posts
"""


def kept_text(text: str) -> list[str]:
    """The content blocks of ``text`` as the corpus keeps them (title included)."""
    segments = segment(text)
    title = extract_metadata(text, segments).title_segment
    return [text[block.start : block.end] for block in content_blocks(text, segments, title)]


def reasons(text: str) -> dict[str, str]:
    return {item.text: item.reason for item in segment(text) if item.kind is Kind.BOILERPLATE}


def test_boilerplate_laden_blog_page_keeps_only_the_article() -> None:
    """Of a blog page full of boilerplate, only the title and the article stay, verbatim."""
    assert kept_text(BLOG_PAGE) == [
        "Shenzhen opens a new semiconductor research centre",
        "Shenzhen opened a semiconductor research centre on Monday, the city government said. "
        "The centre will train 2,000 engineers a year and work with local chip makers on "
        "packaging and testing.",
        "The city expects the centre to attract more than 50 companies within three years. "
        "Officials said the project is part of a plan to strengthen the local semiconductor "
        "supply chain.",
    ]


def test_blog_page_boilerplate_reasons() -> None:
    """Each kind of junk on the blog page is recognised for what it is."""
    found = reasons(BLOG_PAGE)
    assert found["Skip to content"] == "navigation"
    assert found["Home » News » Economy"] == "navigation"
    assert found["Posted by admin on March 3, 2024 | Leave a comment"] == "navigation"
    assert found["**Share this:** Facebook | Twitter | WhatsApp | Email"] == "share"
    assert found["Slot gacor hari ini, bandar togel terpercaya dengan bonus new member 100%!"] == (
        "spam"
    )
    assert found["Tel: +86 755 1234 5678"] == "contact"
    assert found["Email: info@example-news.com"] == "contact"
    assert found["© 2024 Example News. All rights reserved."] == "credits"
    assert (
        found["Best holiday cocktails: mojito, sangria and spritz recipes for your summer party."]
        == "unrelated"
    )
    assert found[
        "Related: Top 10 beaches to visit in Bali this summer. Discover hidden coves and luxury "
        "resorts..."
    ] in ("navigation", "teaser")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("togel singapore", "spam"),
        ("Situs judi online terpercaya dengan live draw tercepat", "spam"),
        ("Share on Facebook", "share"),
        ("X", "share"),
        ("Exit mobile version", "navigation"),
        ("Read more", "navigation"),
        ("首页 > 新闻中心 > 本地新闻", "navigation"),
        ("Media contact: Jane Doe, +49 30 1234 5678", "contact"),
        ("电话：020-83135078", "contact"),
        ("Photo: Xinhua/Li Gang", "credits"),
        ("责任编辑：王芳", "credits"),
        ("岭南晚报全媒体记者 李明", "credits"),
        ("Pearl River Weekly photo Li Gang", "credits"),
        ("Die Verwendung dieses Bildes ist honorarfrei. Nur mit Bildrechte-Hinweis.", "credits"),
        ("Read the full release at https://example.org/release-42 today.", "link"),
        ("Monday, 4 March 2024", "date"),
        ("Quelle: Stadt Shenzhen", "metadata"),
        ("Released by Foshan 2024-03-04 10:20", "metadata"),
        ("Shenzhen, China (ots) -", "dateline"),
        ("Guangdong ramps up chip output as new fabs open in... ", "teaser"),
        ("Albert Huang", "short"),
    ],
)
def test_boilerplate_line_kinds(line: str, reason: str) -> None:
    """A single line of a known boilerplate kind is classified by rule, not by a stored string."""
    text = f"{line}\n"
    (item,) = segment(text)
    assert (item.kind, item.reason) == (Kind.BOILERPLATE, reason)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Macao's casino revenue fell 5% in March, the city's gaming regulator said on Monday.",
        "Search and rescue teams reached the flooded villages in Meizhou on Tuesday morning.",
        "February 18 2024 is the first working day of the Lunar New Year.",
        "省商务厅厅长张劲松称,广东抓好4张招商清单,去年1-11月到资超1亿美元项目24个。",
        "For details, officials said, companies can call the provincial hotline or visit the new "
        "service centre in Tianhe, which opens next week and will advise investors on permits, "
        "land, tax and hiring, as well as on the support programmes of the province.",
    ],
)
def test_real_sentences_are_kept(paragraph: str) -> None:
    """Real prose that merely mentions casinos, searches, dates or hotlines is not dropped."""
    (item,) = segment(paragraph + "\n")
    assert item.kind is Kind.PROSE
    assert item.text == paragraph


def test_byline_inside_a_hard_wrapped_paragraph_is_not_quoted() -> None:
    """A byline line the page set between wrapped lines is cut out, not joined to the prose."""
    text = (
        "东莞电子信息产业去年营收增长百分之六,新建智能工厂二十余家,出口订单持续回升,\n"
        "岭南晚报全媒体记者 李明\n"
        "全市家具和玩具企业也加快转型,跨境电商销售额再创新高。\n"
    )
    assert [item.text for item in segment(text) if item.kind is Kind.BOILERPLATE] == [
        "岭南晚报全媒体记者 李明"
    ]


def test_markdown_markers_are_outside_the_span() -> None:
    """Heading hashes and bold stars are not part of the kept span, which stays verbatim."""
    text = "## Guangdong builds a modern industrial system\n\n**Quelle: Provinz Guangdong**\n"
    heading, label = segment(text)
    assert heading.text == "Guangdong builds a modern industrial system"
    assert text[heading.start : heading.end] == heading.text
    assert heading.heading_level == 2
    assert label.text == "Quelle: Provinz Guangdong"


def test_inline_date_prefix_is_outside_the_span() -> None:
    """A labelled date in front of the first paragraph is metadata, not part of the quote."""
    text = " date 2023-12-05 Guangdong, a major industrial province in China, is growing fast.\n"
    (item,) = segment(text)
    assert item.prefix == "date 2023-12-05"
    assert item.text == "Guangdong, a major industrial province in China, is growing fast."
    assert text[item.start : item.end] == item.text


def test_repeated_title_is_kept_once() -> None:
    """A title repeated by the page template survives only once."""
    title = "Guangdong accelerates the establishment of a modern industrial system"
    text = f"{title}\n\n{title}\n\nThe province held a conference on Monday. It was long.\n"
    assert kept_text(text) == [title, "The province held a conference on Monday. It was long."]


def test_paragraph_broken_mid_sentence_is_joined() -> None:
    """A paragraph the page broke inside a sentence is one block again (spanning the break)."""
    first = (
        "Guangdong verfüge über ein vollständiges Industriesystem. Diese Stärken müssten in "
        "konkrete Entwicklungserfolge umgewandelt werden, um eine dynamische"
    )
    text = f"{first}\n\nZukunft für Guangdong zu schaffen.\n"
    assert kept_text(text) == [text.rstrip("\n")]


def test_hard_wrapped_lines_form_one_paragraph() -> None:
    """Lines wrapped at a fixed width are one segment, not many."""
    text = (
        "Guangdong has a complete industrial system, a strong industrial support\n"
        "structure and sufficient scope for development. The province has built up a\n"
        "solid industrial basis over the years.\n"
    )
    (item,) = segment(text)
    assert item.kind is Kind.PROSE
    assert item.text == text.rstrip("\n")


# Every piece of boilerplate in the five seed files: none may ever be quoted.
SEED_BOILERPLATE = [
    "首页 > English",
    "云上岭南 Lingnan on the Cloud",
    "来源:羊城晚报",
    "发表时间",
    "Source :Lingnan on the Cloud",
    "文|记者",
    "图|记者",
    "# Guangdong Province",
    "06.02.2025 – 13:50 Uhr",
    "(ots)",
    "Quelle: Provinz Guangdong",
    "Pressekontakt",
    "Albert Huang",
    "1713543383@qq.com",
    "Medieninhalte",
    "Bildrechte",
    "presseportal",
    "Diese Meldung kann",
    "Source: Province of Guangdong",
    "togel",
    "data sdy",
    "data hk",
    "Exit mobile version",
    "Showing posts with label",
    "Show all posts",
    "Sunday, February 18, 2024",
    "Released by Fengkai",
    "Sihui City Investment Promotion Center",
    "Contact information",
    "Tel:",
    "Fax:",
    "0086",
    "Zhaoqing Investment Promotion Bureau",
    "Address:",
    "Jiangbin West Road",
    "Moving the factory",
    "搬工廠",
    "What happened to your factory",
    "date 2023-12-05",
    "Share this",
    "Facebook",
    "##",
    "**",
]


def test_no_seed_boilerplate_in_any_passage(seed_corpus: Corpus) -> None:
    """No passage of the seeds contains any of their boilerplate."""
    quoted = [
        (junk, passage.document_id, passage.text)
        for passage in seed_corpus.passages
        for junk in SEED_BOILERPLATE
        if junk in passage.text
    ]
    assert quoted == []


def test_no_seed_boilerplate_in_any_paragraph(seed_corpus: Corpus) -> None:
    """Content paragraphs (which other parts read) are free of the seeds' boilerplate too."""
    for document in seed_corpus.documents:
        for paragraph in document.paragraphs:
            for junk in SEED_BOILERPLATE:
                assert junk not in paragraph.text, (document.info.id, junk)


def test_lone_x_of_the_share_widget_is_gone(seed_corpus: Corpus) -> None:
    """The share widget's lone "X" line is no passage."""
    assert all(passage.text.strip() != "X" for passage in seed_corpus.passages)
