"""Invisible format characters (Unicode category Cf) that web text hides inside words.

Zero-width spaces, soft hyphens, zero-width joiners and non-joiners, word joiners, byte order
marks and direction marks show nothing, yet "ro<zero-width space>botics" is two words to a
pattern of letters. A word is scanned with them and indexed without them; its span in the text
still covers them, so a highlight falls on what the reader sees.
"""

from __future__ import annotations

import re
import sys
import unicodedata


def _format_codepoints() -> list[int]:
    # Planes 2-13 (ideographs, unassigned) hold none; scanning them would cost most of the time.
    candidates = [*range(0x20000), *range(0xE0000, min(sys.maxunicode, 0xEFFFF) + 1)]
    return [cp for cp in candidates if unicodedata.category(chr(cp)) == "Cf"]


def _character_class(codepoints: list[int]) -> str:
    """The codepoints as the inside of a regular-expression class, consecutive ones as ranges."""
    ranges: list[tuple[int, int]] = []
    for cp in codepoints:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return "".join(
        re.escape(chr(first))
        if first == last
        else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
        for first, last in ranges
    )


# The inside of a character class matching every format character: f"[{FORMAT_CHARACTERS}]".
FORMAT_CHARACTERS = _character_class(_format_codepoints())
_FORMAT = re.compile(f"[{FORMAT_CHARACTERS}]+")


def has_format_characters(text: str) -> bool:
    """Whether ``text`` holds an invisible format character."""
    return not text.isascii() and _FORMAT.search(text) is not None


def without_format_characters(text: str) -> str:
    """``text`` with its invisible format characters removed ("robotics" from "ro<ZWSP>botics")."""
    return _FORMAT.sub("", text) if has_format_characters(text) else text
