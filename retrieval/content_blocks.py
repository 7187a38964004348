"""The paragraphs worth quoting: content segments of ``cleaning.segment`` grouped into blocks.

A block is a span of the original text: one prose segment, or several that belong together (a
paragraph the page broke in the middle of a sentence, a speaker line and the occasion above it).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from retrieval.cleaning import TERMINAL_MARKS, Kind, Segment, ends_sentence


@dataclass(frozen=True)
class ContentBlock:
    """A paragraph of content: one or more segments, a span of the original text."""

    start: int
    end: int
    segments: tuple[int, ...]  # indices into the segment list


def content_blocks(
    text: str,
    segments: Sequence[Segment],
    title_index: int | None,
    extra: Collection[int] = (),
) -> list[ContentBlock]:
    """The paragraphs worth quoting: prose segments and the title, in document order.

    ``extra`` names further segments to keep (headings of clean data records). A paragraph the
    page broke in the middle of a sentence ("... eine dynamische" / blank line / "Zukunft für
    Guangdong zu schaffen.") is joined into one block again. A speaker line shares its block
    with the heading right above it, which says what they delivered and where ("Delivered at
    the First Session of ... on January 12, 2023"): the question "who delivered it?" finds
    the name together with the occasion.
    """
    blocks: list[ContentBlock] = []
    for index, item in enumerate(segments):
        if not (item.kind is Kind.PROSE or index == title_index or index in extra):
            continue
        if _speaks_under_heading(segments, index):
            if blocks and blocks[-1].segments[-1] == index - 1:
                last = blocks[-1]
                blocks[-1] = ContentBlock(last.start, item.end, (*last.segments, index))
            else:
                above = segments[index - 1]
                blocks.append(ContentBlock(above.start, item.end, (index - 1, index)))
            continue
        if blocks and index != title_index and _continues(text, segments, blocks[-1], index):
            last = blocks[-1]
            blocks[-1] = ContentBlock(last.start, item.end, (*last.segments, index))
            continue
        blocks.append(ContentBlock(item.start, item.end, (index,)))
    return blocks


def _speaks_under_heading(segments: Sequence[Segment], index: int) -> bool:
    """Whether segment ``index`` is a speaker line right under a heading (no line between)."""
    return (
        segments[index].reason == "speaker"
        and index > 0
        and segments[index - 1].kind is Kind.HEADING
    )


def speaker_occasion(segments: Sequence[Segment], index: int) -> bool:
    """Whether segment ``index`` is the heading right above a speaker line: the occasion of a
    report or speech, kept with the speaker; a title only when the page has no other."""
    return index + 1 < len(segments) and _speaks_under_heading(segments, index + 1)


def _continues(text: str, segments: Sequence[Segment], block: ContentBlock, index: int) -> bool:
    previous_index = block.segments[-1]
    if previous_index != index - 1:
        return False  # something (boilerplate) stands between them
    previous = segments[previous_index]
    if previous.kind is not Kind.PROSE or ends_sentence(previous.text, TERMINAL_MARKS + "—–-"):
        return False
    last = previous.text.rstrip()[-1]
    if not (last.isalpha() or last in ",，、"):
        return False
    return ends_sentence(segments[index].text)
