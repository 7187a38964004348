"""Question sets: both file formats and the fixed halves."""

from __future__ import annotations

from pathlib import Path

from retrieval.evaluation.questions import CHECK, TUNING, load_questions


def test_reads_a_single_phrase_and_a_list(tmp_path: Path) -> None:
    """``expect`` may be one phrase or a list of phrases."""
    path = tmp_path / "q.toml"
    path.write_text(
        '[[question]]\nask = "a"\nexpect = "A"\n\n'
        '[[question]]\nask = "b"\nexpect = ["B", "C"]\nkind = "number"\nlanguage = "de"\n'
        '\n[[off_topic]]\nask = "x"\n',
        encoding="utf-8",
    )
    question_set = load_questions(path)
    assert [q.expect for q in question_set.questions] == [("A",), ("B", "C")]
    assert question_set.questions[1].kind == "number"
    assert question_set.off_topic == ["x"]


def test_halves_alternate_by_position(tmp_path: Path) -> None:
    """Odd positions are the tuning half, even ones the check half."""
    path = tmp_path / "q.toml"
    path.write_text(
        "".join(f'[[question]]\nask = "{i}"\nexpect = "x"\n\n' for i in range(4)),
        encoding="utf-8",
    )
    halves = [q.half for q in load_questions(path).questions]
    assert halves == [TUNING, CHECK, TUNING, CHECK]
