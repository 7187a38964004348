"""Faults: the gateway drops, reconnects and invalidates; REST rate-limits and fails; the corpus
folder holds files that are not documents. The bot keeps answering through all of them."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from tests.discord_fake import FakeDiscord, InteractionHandle, buttons, routes
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import reply_problems, seen
from tests.e2e.questions import LOAD_QUESTIONS

QUESTIONS = LOAD_QUESTIONS[:4]  # answerable, in English: quick to answer, many quotes


async def ask_many(fake: FakeDiscord, count: int) -> list[InteractionHandle]:
    return [
        await fake.send_slash_command("ask", {"question": QUESTIONS[n % len(QUESTIONS)]})
        for n in range(count)
    ]


async def assert_each_answered_once(fake: FakeDiscord, handles: list[InteractionHandle]) -> None:
    await fake.wait_until(
        lambda: all(h.answer is not None for h in handles),
        30,
        f"answers to all {len(handles)} questions",
    )
    for handle in handles:
        assert len(handle.callbacks) == 1, handle.describe()
        assert len(handle.followup_ids) == 1, handle.describe()


async def drop(fake: FakeDiscord) -> None:
    await fake.gateway.drop()


async def close_4000(fake: FakeDiscord) -> None:
    await fake.gateway.close(4000)


async def reconnect(fake: FakeDiscord) -> None:
    await fake.gateway.send_reconnect()


async def invalid_resumable(fake: FakeDiscord) -> None:
    await fake.gateway.send_invalid_session(resumable=True)


INTERRUPTIONS: dict[str, Callable[[FakeDiscord], Awaitable[None]]] = {
    "abnormal close 1006": drop,
    "close 4000": close_4000,
    "RECONNECT op 7": reconnect,
    "INVALID_SESSION resumable": invalid_resumable,
}


@pytest.mark.parametrize("interrupt", INTERRUPTIONS.values(), ids=INTERRUPTIONS.keys())
async def test_gateway_interruption_mid_stream_resumes_and_keeps_answering(
    lingnan: RunningBot, interrupt: Callable[[FakeDiscord], Awaitable[None]]
) -> None:
    """Questions in flight, and those sent while disconnected, are all answered after a RESUME."""
    fake = lingnan.fake
    before = await ask_many(fake, 5)
    await interrupt(fake)
    during = await ask_many(fake, 5)  # buffered by the gateway, replayed on RESUME
    await fake.wait_until(lambda: fake.gateway.resumed, 15, "a RESUME")
    after = await ask_many(fake, 5)
    await assert_each_answered_once(fake, before + during + after)
    assert len(fake.gateway.identifies) == 1
    resume = fake.gateway.resumes[0]
    assert resume["session_id"] == fake.gateway.session.id  # type: ignore[union-attr]
    assert fake.gateway.connections[-1].path == "/gateway-resume"


async def test_invalid_session_identifies_again_and_keeps_answering(lingnan: RunningBot) -> None:
    """INVALID_SESSION (not resumable) leads to a fresh IDENTIFY, then answers as before."""
    fake = lingnan.fake
    await fake.gateway.send_invalid_session(resumable=False)
    # discord.py waits 5 s before identifying again, as Discord asks.
    await fake.wait_until(lambda: len(fake.gateway.identifies) == 2, 15, "a new IDENTIFY")
    await fake.wait_identified()
    handles = await ask_many(fake, 3)
    await assert_each_answered_once(fake, handles)


@pytest.mark.parametrize(
    ("route", "status", "is_global"),
    [
        (routes.CALLBACK, 429, False),
        (routes.CALLBACK, 429, True),
        (routes.CALLBACK, 500, False),
        (routes.WEBHOOK_EXECUTE, 429, False),
        (routes.WEBHOOK_EXECUTE, 502, False),
    ],
    ids=["429 callback", "global 429 callback", "500 callback", "429 follow-up", "502 follow-up"],
)
async def test_rest_fault_is_retried_and_later_questions_answered(
    lingnan: RunningBot, route: str, status: int, is_global: bool
) -> None:
    """One 429 or 5xx is retried by discord.py; this and later questions are answered once."""
    fake = lingnan.fake
    fake.fail_next(route, status=status, retry_after=0.5, is_global=is_global)
    first = await fake.send_slash_command("ask", {"question": QUESTIONS[0]})
    await first.wait_answer(timeout=15)
    attempts = fake.requests_to(route)
    assert [r.status for r in attempts[:2]] == [status, 200]
    if status == 429:
        assert attempts[1].at - attempts[0].at >= 0.5  # retry-after honoured
    later = await ask_many(fake, 3)
    await assert_each_answered_once(fake, [first, *later])


GB18030_DOCUMENT = """广东省推进低空经济高质量发展行动方案（2024—2026年）

2024年5月20日 广东省人民政府办公厅

为抢抓低空经济发展机遇，加快培育新质生产力，推动我省低空经济高质量发展，制定本方案。

到2026年，低空管理机制运转顺畅、基础设施基本完备、应用场景加快拓展、创新能力国际领先、产业竞争力显著增强，推动全省低空经济规模超过3000亿元。

加快建设通用机场和起降场地，完善低空飞行服务保障体系，支持广州、深圳、珠海建设低空经济产业创新高地。

丰富低空应用场景，发展城市空中交通、低空物流、应急救援和农林作业，鼓励无人机企业开展跨境飞行试点。

强化产业链协同，培育一批具有生态主导力的低空经济链主企业，推动电动垂直起降航空器研发制造。
"""


def corpus_with_bad_files(seeds: Path, folder: Path) -> Path:
    shutil.copytree(seeds, folder, ignore=shutil.ignore_patterns(".*"))
    (folder / "empty-notes.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 64 + b"\x00" * 1024)
    (folder / "low-altitude-economy-2024-zh.txt").write_bytes(GB18030_DOCUMENT.encode("gb18030"))
    return folder


async def test_corpus_with_empty_binary_and_gb18030_files(
    fake_discord: FakeDiscord, log_records: LogCollector, seeds_dir: Path, tmp_path: Path
) -> None:
    """Empty and binary files are skipped with warnings; a GB18030 document is quoted."""
    folder = corpus_with_bad_files(seeds_dir, tmp_path / "corpus")
    async with run_lingnan(fake_discord, log_records, folder) as running:
        warned = [r.getMessage() for r in log_records.warnings()]

        def skipped(name: str) -> bool:
            return any(name in line and "skipped" in line for line in warned)

        assert skipped("empty-notes.txt") and skipped("scan.txt")
        assert not skipped("low-altitude-economy-2024-zh.txt")
        assert running.bot.library.stats.documents == 6

        asked = await fake_discord.send_slash_command(
            "ask", {"question": "低空经济 无人机 起降场地"}
        )
        answer = seen(await asked.wait_answer(timeout=15))
        # Not just the echoed question: a quote from the GB18030 document, with its title and date.
        assert "加快建设通用机场和起降场地" in answer
        assert "广东省推进低空经济高质量发展行动方案" in answer and "20 May 2024" in answer
        assert "\ufffd" not in answer  # no replacement characters: decoded, not guessed

        listed = seen(await (await fake_discord.send_slash_command("sources")).wait_answer(15))
        assert "低空经济" in listed
        seeds_only = await fake_discord.send_slash_command("ask", {"question": QUESTIONS[0]})
        assert "no passage" not in seen(await seeds_only.wait_answer(timeout=15)).lower()
        assert not running.problems()


async def test_start_up_logs_corpus_size(
    fake_discord: FakeDiscord, log_records: LogCollector, seeds_copy: Path
) -> None:
    """Loading its corpus itself, the bot logs documents, passages and officials at start-up."""
    import logging

    handler = LogCollector()
    handler.setLevel(logging.INFO)
    records = handler.records
    logging.getLogger("bot").addHandler(handler)
    previous = logging.getLogger("bot").level
    logging.getLogger("bot").setLevel(logging.INFO)
    try:
        async with run_lingnan(fake_discord, log_records, seeds_copy) as running:
            stats: Any = running.bot.library.stats
            logged = "\n".join(r.getMessage() for r in records)
            assert f"{stats.documents} documents" in logged
            assert f"{stats.passages} passages" in logged
            assert f"{stats.officials} officials" in logged
    finally:
        logging.getLogger("bot").removeHandler(handler)
        logging.getLogger("bot").setLevel(previous)


async def test_buttons_from_before_a_restart_get_one_sentence(
    fake_discord: FakeDiscord, log_records: LogCollector, library: Any, seeds_copy: Path
) -> None:
    """After a restart, a button of the bot's earlier paginator (an id no registered button
    answers) gets one private sentence; the answer's own buttons still work (see
    test_bot_answers.py)."""
    async with run_lingnan(fake_discord, log_records, seeds_copy, library):
        asked = await fake_discord.send_slash_command(
            "ask", {"question": "industrial development Guangdong"}
        )
        old_answer = await asked.wait_answer(timeout=15)
    async with run_lingnan(fake_discord, log_records, seeds_copy, library) as restarted:
        current = fake_discord.messages[old_answer["id"]]
        assert buttons(current), "the old answer still shows its buttons after the restart"
        pressed = await fake_discord.press_button(
            current, custom_id="lingnan:page:0123456789abcdef:next", force=True
        )
        reply = await pressed.wait_answer(timeout=10)
        assert pressed.ephemeral
        assert not reply_problems(reply), reply_problems(reply)
        assert len(fake_discord.gateway.identifies) == 2
        assert not restarted.problems()


class BrokenSearch:
    """The real library, except that searching fails the way a bug in retrieval would."""

    def __init__(self, library: Any) -> None:
        self._library = library

    def __getattr__(self, name: str) -> Any:
        return getattr(self._library, name)

    def search(
        self, query: str, top_k: int = 3, filters: Any = None, *, highlight: range | None = None
    ) -> Any:
        raise RuntimeError("the index is corrupt")


async def test_failing_retrieval_is_one_sentence_and_a_logged_traceback(
    fake_discord: FakeDiscord, log_records: LogCollector, library: Any, seeds_copy: Path
) -> None:
    """Failing retrieval: one sentence to the user, the traceback to the log, commands go on."""
    async with run_lingnan(fake_discord, log_records, seeds_copy, BrokenSearch(library)):
        asked = await fake_discord.send_slash_command("ask", {"question": QUESTIONS[0]})
        reply = await asked.wait_answer(timeout=15)
        assert not reply_problems(reply), reply_problems(reply)
        assert "corrupt" not in seen(reply)
        errors = log_records.errors()
        assert errors and errors[0].exc_info is not None
        assert "the index is corrupt" in str(errors[0].exc_info[1])
        sources = await fake_discord.send_slash_command("sources")
        assert "no passage" not in seen(await sources.wait_answer(timeout=15)).lower()
        assert not fake_discord.ping_violations() and not fake_discord.client_errors()


async def test_error_sentence_after_a_public_deferral_is_private(
    fake_discord: FakeDiscord, log_records: LogCollector, library: Any, seeds_copy: Path
) -> None:
    """An error after /ask has deferred reaches only the asker, as every error sentence should."""
    async with run_lingnan(fake_discord, log_records, seeds_copy, BrokenSearch(library)):
        asked = await fake_discord.send_slash_command("ask", {"question": QUESTIONS[0]})
        await asked.wait_answer(timeout=15)
        assert asked.ephemeral
