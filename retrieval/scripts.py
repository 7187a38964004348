"""Which writing system a character belongs to: the one definition every module uses.

Han covers the CJK Unified Ideographs with Extension A, the Compatibility Ideographs and the
supplementary plane's extensions (rare characters of personal and place names live there).
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
KANA = "\u3040-\u30ff"
HANGUL = "\uac00-\ud7af\u1100-\u11ff"
CJK = KANA + HAN + HANGUL  # scripts written without spaces between words

HAN_CHAR = re.compile(f"[{HAN}]")
HAN_RUN = re.compile(f"[{HAN}]+")
CJK_CHAR = re.compile(f"[{CJK}]")


def is_han(char: str) -> bool:
    """Whether ``char`` (one character) is a Chinese character."""
    return HAN_CHAR.fullmatch(char) is not None


def has_han(text: str) -> bool:
    """Whether ``text`` holds at least one Chinese character."""
    return HAN_CHAR.search(text) is not None
