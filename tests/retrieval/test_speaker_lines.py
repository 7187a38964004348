"""A line that is a person's name with their office is recognised, in English, German, Chinese."""

from __future__ import annotations

import pytest

from retrieval.speaker_lines import is_speaker_line


@pytest.mark.parametrize(
    "line",
    [
        "LI Ming, Mayor of Harbourtown",
        "Chen Anping, Deputy Director of the Harbour Commerce Office",
        "Maria K. Berger, Chairwoman and CEO of Harbour Logistics",
        "Tao Wenjun, founder and chairman of Harbour Robotics",
        "Anna Vogel, Bürgermeisterin von Hafenstadt",
        "港城市市长 李明",
        "港城市市长李明",
        "李明 港城市市长",
    ],
)
def test_name_with_office_is_a_speaker_line(line: str) -> None:
    """A name followed by an office (or, in Chinese, an office and a name) is a speaker line."""
    assert is_speaker_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Harbourtown opens a new container port",
        "Deputy Director, Office of Harbour Affairs",  # an office without a name
        "Hong Kong, Governor of the colony",  # a place, not a name
        "Li Ming, a farmer from the northern hills",  # a person without an office
        "Li Ming, Mayor of Harbourtown, opened the port on Monday.",  # a sentence
        "港城市召开全市制造业发展大会",
        "",
    ],
)
def test_other_lines_are_not_speaker_lines(line: str) -> None:
    """Headlines, offices without a name, names without an office and sentences are not."""
    assert not is_speaker_line(line)
