"""/stats and /settings through the local Discord: the owner's figures for a scripted day, and a
server's settings changing what the next answer does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot import records_texts
from tests.discord_fake import FakeDiscord, WaitTimeout
from tests.e2e.conftest import LogCollector, run_lingnan
from tests.e2e.expect import embed, seen

ANSWERABLE = ["artificial intelligence and robotics", "new quality productive forces"]
# Off-topic questions sharing a word: one coverage gap.
FOOTBALL = [
    "football match results Shenzhen",
    "who won the football match",
    "football stadium opening hours",
]


async def test_stats_shows_the_figures_and_coverage_gaps_of_the_day(
    fake_discord: FakeDiscord,
    log_records: LogCollector,
    library: Any,
    seeds_copy: Path,
    tmp_path: Path,
) -> None:
    """After a scripted day, /stats (owner only, private) shows the questions, the share
    answered, the votes and the unanswered questions grouped by their shared word."""
    fake = fake_discord
    async with run_lingnan(
        fake, log_records, seeds_copy, library, database_path=tmp_path / "day.db"
    ) as running:
        answers = []
        for question in ANSWERABLE + FOOTBALL:
            asked = await fake.send_slash_command("ask", {"question": question})
            answers.append(await asked.wait_answer(timeout=15))
        answered = sum(bool(library.search(q, top_k=3).results) for q in ANSWERABLE + FOOTBALL)
        vote = await fake.press_button(answers[0], label=records_texts.HELPFUL_LABEL())
        await vote.wait_answer(timeout=10)
        refused = await fake.send_slash_command("stats", user=fake.alice)
        assert (await refused.wait_answer(timeout=10))["content"] == records_texts.STATS_NOT_OWNER()
        asked = await fake.send_slash_command("stats", user=fake.owner)
        report = await asked.wait_answer(timeout=15)
        assert asked.ephemeral
        fields = {f["name"]: f["value"] for f in embed(report)["fields"]}
        total = len(ANSWERABLE + FOOTBALL)
        assert f"{total} ({answered} answered)" in fields[records_texts.QUESTIONS_HEADING()]
        assert fields[records_texts.ANSWERED_HEADING()].startswith(f"{answered} of {total}")
        assert fields[records_texts.HELPFUL_HEADING()].startswith("1 of 1")
        gaps = next(v for k, v in fields.items() if k.startswith(records_texts.GAPS_HEADING()))
        assert "football" in seen({"content": gaps})
        assert f"{total - answered} questions" in gaps or "3 questions" in gaps
        assert not running.problems(), running.problems()


async def test_stats_attaches_every_question_as_csv(
    fake_discord: FakeDiscord,
    log_records: LogCollector,
    library: Any,
    seeds_copy: Path,
    tmp_path: Path,
) -> None:
    """/stats csv:true attaches a CSV file with one row per question."""
    fake = fake_discord
    async with run_lingnan(
        fake, log_records, seeds_copy, library, database_path=tmp_path / "csv.db"
    ) as running:
        await (await fake.send_slash_command("ask", {"question": ANSWERABLE[0]})).wait_answer(15)
        asked = await fake.send_slash_command("stats", {"csv": True}, user=fake.owner)
        await asked.wait_answer(timeout=15)
        files = [f for r in fake.requests if r.files for f in r.files]
        (csv_file,) = [f for f in files if f["filename"] == records_texts.STATS_CSV_NAME]
        lines = csv_file["data"].decode("utf-8-sig").splitlines()
        assert lines[0].startswith("asked_at,") and ANSWERABLE[0] in lines[1]
        assert len(lines) == 2
        assert not running.problems(), running.problems()


async def test_settings_change_what_the_next_answer_does(
    fake_discord: FakeDiscord,
    log_records: LogCollector,
    library: Any,
    seeds_copy: Path,
    tmp_path: Path,
) -> None:
    """Quotes per page, private answers and mention channels set by /settings apply to the
    next answer; a member without Manage Server cannot change them."""
    fake = fake_discord
    question = "industrial development Guangdong"
    async with run_lingnan(
        fake, log_records, seeds_copy, library, database_path=tmp_path / "settings.db"
    ) as running:
        refused = await fake.send_slash_command("settings", {"quotes_per_page": 1})
        sentence = (await refused.wait_answer(timeout=10))["content"]
        assert sentence == records_texts.SETTINGS_NEED_MANAGE_SERVER()
        changed = await fake.send_slash_command(
            "settings",
            {"quotes_per_page": 1, "answers": "private", "answer_mentions_in": "policy"},
            user=fake.owner,
        )
        card = await changed.wait_answer(timeout=10)
        assert changed.ephemeral and records_texts.SETTINGS_SAVED() in seen(card)
        asked = await fake.send_slash_command("ask", {"question": question})
        answer = await asked.wait_answer(timeout=15)
        assert asked.ephemeral
        first = library.search(question, top_k=5).results
        text = seen(answer)
        assert first[0].text[:30] in text and first[1].text[:30] not in text
        ignored = await fake.send_message(question, channel="general")
        try:
            await ignored.wait_reply(timeout=1.5)
            raise AssertionError("a mention outside the chosen channel was answered")
        except WaitTimeout:
            pass
        answered = await fake.send_message(question, channel="policy")
        assert await answered.wait_reply(timeout=15)
        assert not running.problems(), running.problems()
