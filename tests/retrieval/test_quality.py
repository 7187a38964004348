"""Answer quality stays at or above the committed floors (the figures are printed).

The floors are in ``quality-floors.toml`` beside this file: raise them when the search gets
better, never lower them to make a change pass. The dev sets need ``../shared/dev-corpus``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retrieval.evaluate import DEV_CORPUS, SEED_QUESTIONS, run
from retrieval.evaluation.questions import CHECK, TUNING, Question, load_questions
from retrieval.evaluation.report import SetResult, format_report

FLOORS = tomllib.loads((Path(__file__).parent / "quality-floors.toml").read_text("utf-8"))
HAS_DEV = (DEV_CORPUS / "docs").is_dir()
GROUPS: dict[str, Callable[[Question], bool]] = {
    "all": lambda q: True,
    "tuning": lambda q: q.half == TUNING and not q.cross_language,
    "check": lambda q: q.half == CHECK and not q.cross_language,
    "cross_tuning": lambda q: q.half == TUNING and q.cross_language,
    "cross_check": lambda q: q.half == CHECK and q.cross_language,
}


@pytest.fixture(scope="module")
def results(request: pytest.FixtureRequest) -> dict[str, SetResult]:
    found = {result.name: result for result in run()}
    report = format_report(list(found.values()), details=True)
    # Shown in every run, not only with -s: the figures are the point of this test.
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print("\n" + report)
    else:
        print(report)
    return found


def _floors() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (name, group, floor)
        for name, groups in FLOORS.items()
        for group, floor in groups.items()
        if isinstance(floor, dict)
    ]


@pytest.mark.parametrize(("name", "group", "floor"), _floors())
def test_figures_stay_at_or_above_their_floor(
    results: dict[str, SetResult], name: str, group: str, floor: dict[str, Any]
) -> None:
    """Each set's top-1, top-3 and answered-with-nothing stay within the committed floors."""
    if name not in results:
        pytest.skip(f"the {name} set needs the dev corpus at {DEV_CORPUS}")
    figures = results[name].lingnan.figures(GROUPS[group])
    assert figures.top1_rate >= floor["top1"], (name, group, figures)
    assert figures.top3_rate >= floor["top3"], (name, group, figures)
    assert figures.empty_rate <= floor.get("max_empty", 1.0), (name, group, figures)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_off_topic_questions_stay_unanswered(results: dict[str, SetResult], name: str) -> None:
    """At least the committed number of off-topic questions get no answer."""
    if name not in results:
        pytest.skip(f"the {name} set needs the dev corpus at {DEV_CORPUS}")
    lingnan = results[name].lingnan
    assert lingnan.off_topic_empty >= FLOORS[name]["off_topic_empty"], lingnan.answered_off_topic


def test_seed_question_set_is_large_and_multilingual() -> None:
    """The seeds' set has at least 30 questions in English, German and Chinese."""
    question_set = load_questions(SEED_QUESTIONS)
    assert len(question_set.questions) >= 30
    assert {q.language for q in question_set.questions} >= {"en", "de", "zh"}
    assert len(question_set.off_topic) >= 8


@pytest.mark.skipif(not HAS_DEV, reason=f"no dev corpus at {DEV_CORPUS}")
def test_dev_halves_are_balanced() -> None:
    """The dev set's halves hold as many same-language questions each."""
    questions = load_questions(DEV_CORPUS / "questions.toml").questions
    tuning = [q for q in questions if q.half == TUNING and not q.cross_language]
    check = [q for q in questions if q.half == CHECK and not q.cross_language]
    assert abs(len(tuning) - len(check)) <= 2
