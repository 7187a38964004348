"""Invisible format characters (Unicode Cf) found and removed."""

from __future__ import annotations

import re

from retrieval.invisible import (
    FORMAT_CHARACTERS,
    has_format_characters,
    without_format_characters,
)


def test_zero_width_soft_hyphen_joiners_and_bom_are_removed() -> None:
    """Zero-width space, soft hyphen, ZWJ, ZWNJ, word joiner and BOM all go."""
    text = "ro\u200bbo\u00adti\u200dcs\u200c and\u2060 \ufeffmore"
    assert without_format_characters(text) == "robotics and more"


def test_direction_marks_are_format_characters() -> None:
    """Left-to-right and right-to-left marks are format characters too."""
    assert has_format_characters("a\u200eb") and has_format_characters("a\u202eb")


def test_visible_text_is_returned_unchanged() -> None:
    """Text without format characters, accents included, is the same object back."""
    text = "Künstliche Intelligenz"
    assert without_format_characters(text) is text and not has_format_characters(text)


def test_character_class_matches_only_format_characters() -> None:
    """The class for the scanner matches a format character, not a letter or a space."""
    pattern = re.compile(f"[{FORMAT_CHARACTERS}]")
    assert pattern.match("\u200b") and not pattern.match("a") and not pattern.match(" ")


def test_format_characters_beyond_the_basic_plane_are_covered() -> None:
    """Tag characters (U+E0001...) are format characters as well."""
    assert without_format_characters("a\U000e0001b") == "ab"
