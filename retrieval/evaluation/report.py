"""The evaluation as a person reads it (Markdown tables) and as a script reads it (JSON)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from retrieval.evaluation.questions import CHECK, TUNING, Question
from retrieval.evaluation.scoring import Evaluation, Figures

Selector = Callable[[Question], bool]


@dataclass
class SetResult:
    """One question set on one corpus, answered by lingnan and by the baselines."""

    name: str
    description: str
    evaluations: list[Evaluation]  # lingnan first

    @property
    def lingnan(self) -> Evaluation:
        return self.evaluations[0]

    @property
    def has_halves(self) -> bool:
        return any(o.question.kind for o in self.lingnan.outcomes)


def groups(result: SetResult) -> list[tuple[str, Selector]]:
    """The rows of a set's table: all, then (for the dev set) each half without the
    cross-language questions, and those apart."""
    if not result.has_halves:
        return [("all questions", lambda q: True)]
    return [
        ("tuning half, same language", lambda q: q.half == TUNING and not q.cross_language),
        ("check half, same language", lambda q: q.half == CHECK and not q.cross_language),
        ("tuning half, cross-language", lambda q: q.half == TUNING and q.cross_language),
        ("check half, cross-language", lambda q: q.half == CHECK and q.cross_language),
        ("all questions", lambda q: True),
    ]


def breakdowns(result: SetResult) -> list[tuple[str, Selector]]:
    """Rows per kind and per language (lingnan only)."""
    outcomes = result.lingnan.outcomes
    kinds = sorted({o.question.kind for o in outcomes if o.question.kind})
    languages = sorted({o.question.language for o in outcomes})
    rows = [(f"kind {kind}", _of_kind(kind)) for kind in kinds]
    rows += [(f"language {language}", _in_language(language)) for language in languages]
    return rows


def _of_kind(kind: str) -> Selector:
    return lambda question: question.kind == kind


def _in_language(language: str) -> Selector:
    return lambda question: question.language == language


def _cells(figures: Figures) -> str:
    return (
        f"{figures.top1}/{figures.questions} ({figures.top1_rate:.0%}) | "
        f"{figures.top3}/{figures.questions} ({figures.top3_rate:.0%}) | {figures.mrr:.3f} | "
        f"{figures.empty}"
    )


def format_report(results: Sequence[SetResult], *, details: bool = False) -> str:
    lines: list[str] = []
    for result in results:
        lines += [f"## {result.name}: {result.description}", ""]
        lines += [
            "| questions | approach | top-1 | top-3 | MRR@10 | answerable, answered with nothing |",
            "|---|---|---|---|---|---|",
        ]
        for label, keep in groups(result):
            for evaluation in result.evaluations:
                lines.append(
                    f"| {label} | {evaluation.name} | {_cells(evaluation.figures(keep))} |"
                )
        lines.append("")
        lines.append(
            "| off-topic answered with nothing | "
            + " | ".join(f"{e.name}: {e.off_topic_empty}/{e.off_topic}" for e in result.evaluations)
            + " |"
        )
        lines.append("")
        rows = breakdowns(result)
        if len(rows) > 1:
            lines += [
                "| lingnan by | top-1 | top-3 | MRR@10 | answered with nothing |",
                "|---|---|---|---|---|",
            ]
            lines += [
                f"| {label} | {_cells(result.lingnan.figures(keep))} |" for label, keep in rows
            ]
            lines.append("")
        if details:
            lines += _details(result.lingnan)
    return "\n".join(lines)


def _details(evaluation: Evaluation) -> list[str]:
    lines = []
    for outcome in evaluation.misses():
        q = outcome.question
        got = outcome.first[:110].replace("\n", " ") if outcome.first else "(nothing)"
        tag = f"q{q.number:02d} {q.half} {q.kind or '-'} {q.language}"
        lines.append(
            f"- miss [{tag}] rank {outcome.rank}: {q.ask!r} wants {q.expect[0]!r}; got {got!r}"
        )
    for ask, quote in evaluation.answered_off_topic:
        lines.append(f"- answered off-topic: {ask!r} with {quote[:100]!r}")
    for ask in evaluation.known_failures:
        lines.append(f"- answered off-topic (known failure, not counted): {ask!r}")
    return [*lines, ""]


def as_json(results: Sequence[SetResult]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for result in results:
        entry: dict[str, Any] = {"description": result.description}
        for evaluation in result.evaluations:
            entry[evaluation.name] = {
                "groups": {
                    label: evaluation.figures(keep).as_dict() for label, keep in groups(result)
                },
                "off_topic": evaluation.off_topic,
                "off_topic_empty": evaluation.off_topic_empty,
            }
        entry["lingnan"]["by"] = {
            label: result.lingnan.figures(keep).as_dict() for label, keep in breakdowns(result)
        }
        out[result.name] = entry
    return out
