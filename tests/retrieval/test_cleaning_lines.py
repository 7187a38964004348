"""Lines of a page head (headline, byline, dateline) are cut from the body they stand above."""

from __future__ import annotations

from retrieval.cleaning import Kind, segment

BODY = (
    "The harbour city opened its new container port on Monday, adding ten berths and a rail "
    "link to the inland freight hub, the mayor told reporters."
)


def kinds(text: str) -> list[tuple[str, Kind]]:
    return [(item.text, item.kind) for item in segment(text)]


def test_headline_and_byline_lines_are_cut_from_the_body() -> None:
    """Headline, byline and body on adjacent lines are three segments; the byline is not prose."""
    head = "Harbour city opens its new container port\nHARBOUR DAILY | Updated: 2024-03-01 08:10"
    text = f"{head}\n{BODY}"
    assert kinds(text) == [
        ("Harbour city opens its new container port", Kind.HEADING),
        ("HARBOUR DAILY | Updated: 2024-03-01 08:10", Kind.BOILERPLATE),
        (BODY, Kind.PROSE),
    ]


def test_date_line_under_a_headline_is_its_own_segment() -> None:
    """A date line right under a long headline is not read as the headline's wrapped tail."""
    text = (
        "Harbour city opens its new container port with ten berths and a rail link\n"
        "(Agency) 11:07, January 24, 2024\n\n" + BODY
    )
    segments = segment(text)
    assert segments[0].text.endswith("rail link")
    assert segments[1].kind is Kind.BOILERPLATE


def test_hard_wrapped_paragraph_stays_one_segment() -> None:
    """Lines of a paragraph wrapped at a fixed width are one prose segment."""
    text = (
        "The harbour city opened its new container port on Monday, adding\n"
        "ten berths and a rail link to the inland freight hub, the mayor told\n"
        "reporters at the opening ceremony."
    )
    assert kinds(text) == [(text, Kind.PROSE)]


def test_list_item_ending_in_a_semicolon_is_prose() -> None:
    """A clause of a list that ends in a semicolon is running text, not a title."""
    item = "港口吞吐量同比增长百分之八,连续十年位居全省首位;"
    assert kinds(f"全年港口发展情况如下:\n\n{item}\n\n其他指标保持稳定增长。")[1] == (
        item,
        Kind.PROSE,
    )


def test_dateline_with_a_dated_parenthesis_is_a_prefix() -> None:
    """ "PLACE, (Agency - Site - 19th Feb, 2024) The ..." keeps the dateline out of the text."""
    text = f"HARBOURTOWN, (HNA - Harbour News / Coast Post - 19th Feb, 2024) {BODY}"
    first = segment(text)[0]
    assert first.text == BODY
    assert "19th Feb, 2024" in first.prefix
