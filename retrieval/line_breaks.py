"""Whether a single line break ends a line of its own or only wraps a paragraph.

Plain text wraps paragraphs at a fixed width, so a line break inside a paragraph says nothing.
Web pages put a headline, a byline, a dateline or a breadcrumb on a line of its own right
above the body, with no blank line and no final punctuation. Two signs tell them apart:

- field separators (" | ", " > ", ">>"): bylines and breadcrumbs, never wrapped prose;
- the width: a wrapper breaks a line only when the next word would not fit, so the lines of a
  wrapped paragraph fill the width. A line much shorter than the one after it, with room for
  that line's first word, was ended on purpose. Widths are counted in columns (a CJK
  character takes two), as wrappers count them. (A line ending in a comma or a hyphen, or a
  next line starting in lower case, continues the sentence whatever the widths.)
"""

from __future__ import annotations

import re

from retrieval.scripts import CJK_CHAR

# Separators of bylines ("Writer: X | Editor: Y") and breadcrumbs ("Home > News", "A>>B").
_FIELD_SEPARATOR = re.compile(r"\s[|｜>»›]\s|>>")
# Marks after which a sentence goes on: a wrapped line may end with them, a headline does not.
_CONTINUES_AFTER = ",，、;；:：-‐–—/(（&+"
# How much of the next line's width a line may fill, its next word included, and still be a
# line of its own. Wrappers that balance lines (rather than fill them) stay well above this.
_FILL_SHARE = 0.8
_FIRST_WORD = re.compile(r"\S+")
# Characters two columns wide (East Asian Wide and Fullwidth, emoji and rare scripts aside):
# Hangul Jamo, CJK punctuation and ideographs, kana, Hangul syllables, compatibility and
# full-width forms, the supplementary ideographs.
_WIDE_CHAR = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def is_line_of_its_own(line: str, next_line: str) -> bool:
    """Whether the break between two adjacent non-blank lines (white space trimmed) was meant."""
    if not line or not next_line:
        return True
    if _FIELD_SEPARATOR.search(line) or _FIELD_SEPARATOR.search(next_line):
        return True
    if line[-1] in _CONTINUES_AFTER or next_line[0].islower():
        return False
    room = _FILL_SHARE * _width(next_line)
    return _width(line) + 1 + _width(_first_word(next_line)) <= room


def _width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width font: a CJK character takes two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE_CHAR.findall(text))


def _first_word(line: str) -> str:
    """The word a wrapper would have had to fit: a CJK character counts on its own."""
    if CJK_CHAR.match(line):
        return line[0]
    word = _FIRST_WORD.match(line)
    if word is None:
        return ""
    cjk = CJK_CHAR.search(word.group())
    return word.group()[: cjk.start()] if cjk else word.group()
