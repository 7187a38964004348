"""Line breaks: a line of its own (headline, byline, breadcrumb) against a wrapped paragraph."""

from __future__ import annotations

from retrieval.line_breaks import is_line_of_its_own

BODY = (
    "The harbour city opened its new container port on Monday, adding ten berths and a rail "
    "link to the inland freight hub, the mayor told reporters."
)


def test_headline_above_a_longer_body_line_is_its_own() -> None:
    """A line with room to spare for the next line's first word was ended on purpose."""
    assert is_line_of_its_own("Harbour City Opens New Port With Ten Berths", BODY)


def test_byline_and_breadcrumb_separators_make_a_line_its_own() -> None:
    """ " | ", " > " and ">>" separate fields, never words of wrapped prose."""
    assert is_line_of_its_own(
        "Harbour news of the week for the whole coast", "Writer: A | Editor: B"
    )
    assert is_line_of_its_own("Home > News > Economy > Ports and harbours", "Harbour City")
    assert is_line_of_its_own("Portal>>Region>>Economy and trade in the coastal towns", "Ports")


def test_lines_of_a_wrapped_paragraph_are_not_their_own() -> None:
    """Lines of similar width, the next word not fitting, are one paragraph."""
    assert not is_line_of_its_own(
        "The harbour city opened its new container port on Monday",
        "After years of planning, the mayor said to the reporters",
    )


def test_line_ending_in_a_comma_or_before_lower_case_continues() -> None:
    """A comma at the end or a lower-case start of the next line goes on with the sentence."""
    assert not is_line_of_its_own("The harbour city opened a port,", BODY)
    assert not is_line_of_its_own("The Harbour City Opened a Port", "and " + BODY)


def test_long_next_word_keeps_a_short_line_wrapped() -> None:
    """A line left short because a long word (a link) did not fit is still wrapped."""
    link = "https://harbour.example.org/reports/2024/annual-report-on-port-throughput.html"
    assert not is_line_of_its_own("The full report on the new port is at", link + " today.")


def test_chinese_heading_above_a_long_line_is_its_own() -> None:
    """Widths count a CJK character as two columns: a short Chinese heading stands alone."""
    body = "今年以来,港口新增泊位十个,吞吐量同比增长百分之八,港口服务持续优化,货运量创历史新高。"
    assert is_line_of_its_own("一、港口建设加快推进", body)


def test_wrapped_chinese_lines_of_equal_width_are_not_their_own() -> None:
    """Chinese text wrapped at a fixed width is one paragraph."""
    assert not is_line_of_its_own(
        "今年以来港口新增泊位十个吞吐量同比增长", "百分之八港口服务持续优化货运量创新高"
    )
