"""Credit lines: a speaker line is content, a photo credit and a byline are not, nor disclaimers."""

from __future__ import annotations

from retrieval.cleaning import Kind, segment
from retrieval.content_blocks import content_blocks
from retrieval.metadata import extract_metadata

REPORT = (
    "Welcome to the Website of the Harbourtown Foreign Affairs Office\n\n"
    "Home > Reports\n\n"
    "Report on the Work of the Harbourtown Government\n\n"
    "2031-02-03 10:00:00\n\n"
    "Delivered at the Second Session of the 9th Harbourtown People's Congress on "
    "January 28, 2031\n\n"
    "LI Ming, Mayor of Harbourtown\n\n"
    "*The English version of this report is for reference only.\n\n"
    "Fellow Deputies,\n\n"
    "On behalf of the Harbourtown Municipal People's Government, I will now report to you on the "
    "work of the government for your deliberation and approval. The city's output grew by five "
    "percent last year, and its port handled more containers than ever before.\n"
)
BODY = (
    "Other targets for this year include a growth of the city's budget revenue by six percent "
    "and of its industrial output by more than five percent."
)


def blocks_text(text: str) -> list[str]:
    segments = segment(text)
    title = extract_metadata(text, segments).title_segment
    return [text[block.start : block.end] for block in content_blocks(text, segments, title)]


def test_speaker_line_is_content() -> None:
    """ "NAME, Mayor of X" under a report's title is prose, not a heading or boilerplate."""
    speaker = next(item for item in segment(REPORT) if item.text.startswith("LI Ming"))
    assert (speaker.kind, speaker.reason) == (Kind.PROSE, "speaker")


def test_speaker_line_shares_a_paragraph_with_the_occasion_above() -> None:
    """The "Delivered at ..." line and the speaker line are one paragraph of content."""
    assert (
        "Delivered at the Second Session of the 9th Harbourtown People's Congress on January 28, "
        "2031\n\nLI Ming, Mayor of Harbourtown"
    ) in blocks_text(REPORT)


def test_occasion_line_is_not_the_title() -> None:
    """The report's heading is the title, not the longer occasion line nor the site banner."""
    segments = segment(REPORT)
    assert extract_metadata(REPORT, segments).title == (
        "Report on the Work of the Harbourtown Government"
    )


def test_site_greeting_banner_is_navigation() -> None:
    """A "Welcome to the Website of ..." line that is no sentence is the site's banner."""
    banner = segment(REPORT)[0]
    assert (banner.kind, banner.reason) == (Kind.BOILERPLATE, "navigation")


def test_translation_disclaimer_is_boilerplate() -> None:
    """A short "... is for reference only." note is a disclaimer, not content."""
    note = next(item for item in segment(REPORT) if "reference only" in item.text)
    assert (note.kind, note.reason) == (Kind.BOILERPLATE, "disclaimer")


def test_generated_image_disclaimer_is_boilerplate() -> None:
    """A picture's "AI-generated ... for illustrative purposes only" note is a disclaimer."""
    text = (
        "Harbourtown opens its new container port\n\n"
        "This picture is AI-generated and does not depict any real event. It is shown for "
        "illustrative purposes only.\n\n" + BODY
    )
    note = segment(text)[1]
    assert (note.kind, note.reason) == (Kind.BOILERPLATE, "disclaimer")


def test_photo_credit_after_a_caption_is_cut_off() -> None:
    """ "... yesterday. Photos by NAME" keeps the caption as prose and the credit as a credit."""
    caption = "Deputies listen to the government work report at the city hall yesterday."
    text = f"{caption} Photos by Chen Anping\n\n{BODY}"
    segments = segment(text)
    assert [(item.text, item.kind) for item in segments] == [
        (caption, Kind.PROSE),
        ("Photos by Chen Anping", Kind.BOILERPLATE),
        (BODY, Kind.PROSE),
    ]


def test_photo_credit_does_not_join_the_next_paragraph() -> None:
    """The paragraph after a credited caption stays a paragraph of its own."""
    caption = "Deputies listen to the government work report at the city hall yesterday."
    assert blocks_text(f"{caption} Photos by Chen Anping\n\n{BODY}") == [caption, BODY]


def test_chinese_photo_credit_after_a_caption_is_cut_off() -> None:
    """ "...。港城日报记者 李明 摄" keeps the caption and drops the photographer's credit."""
    caption = "港城市现有机器人企业三百余家,图为一家企业的展厅。"
    segments = segment(f"{caption}港城日报记者 李明 摄")
    assert [(item.text, item.kind) for item in segments] == [
        (caption, Kind.PROSE),
        ("港城日报记者 李明 摄", Kind.BOILERPLATE),
    ]


def test_update_label_line_is_cut_from_the_headline_above() -> None:
    """ "Update:DATE  Source: X" under a headline is metadata; the headline stays the title."""
    headline = "Harbourtown adds over 3,000 foreign-funded enterprises in 2030"
    text = f"{headline}\nUpdate:2031-01-18    Source: Harbour News\n\n{BODY}"
    segments = segment(text)
    assert segments[0].text == headline
    assert segments[1].kind is Kind.BOILERPLATE
    meta = extract_metadata(text, segments)
    assert (meta.title, meta.date, meta.source) == (headline, "2031-01-18", "Harbour News")
