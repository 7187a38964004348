"""What /stats shows its owner, in the owner's language."""

from __future__ import annotations

from bot.cogs.stats_answers import stats_answer
from bot.stats.gaps import Gap
from bot.stats.report import DayCount, StatsReport

REPORT = StatsReport(
    since="2025-03-01",
    questions=4,
    answered=3,
    votes=0,
    helpful=0,
    per_day=[DayCount("2025-03-01", 4, 3)],
    cited=[],
    gap_questions=1,
    gaps=[Gap(words=["football"], count=1, example="who won the football match")],
)


def test_german_owner_reads_the_figures_in_german() -> None:
    """Title, headings, day line, shares and gaps are German for a German owner."""
    card = stats_answer(REPORT, 1, texts_kept=True, language="de").pages[0]
    fields = {field.name: field.value for field in card.fields}
    assert card.title == "lingnan \u2013 der letzte Tag"
    assert fields["Fragen pro Tag"] == "`2025-03-01` 4 (3 beantwortet)"
    assert fields["Beantwortet"] == "3 von 4 (75\u00a0%)"
    assert fields["Hilfreich"] == "keine Bewertungen"
    assert fields["Meistzitierte Dokumente"] == "Noch keine Zitate gezeigt."
    gaps = fields["Lücken (unbeantwortet oder nicht hilfreich): 1"]
    assert gaps == "**football** \u2013 1 Frage, z. B. \u201ewho won the football match\u201c"


def test_untold_gaps_are_counted_when_texts_are_not_kept() -> None:
    """Without question texts the gaps are a count, filled in (no "{count}" left)."""
    report = StatsReport(**{**REPORT.to_json(), "gaps": [], "per_day": [], "cited": []})
    card = stats_answer(report, 30, texts_kept=False).pages[0]
    gaps = card.fields[-1].value
    assert gaps == "Question texts are not kept (LINGNAN_KEEP_QUESTIONS_DAYS=0): 1 question."
