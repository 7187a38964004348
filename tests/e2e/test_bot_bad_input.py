"""Bad input through the gateway: every odd question, name or button gets one clear answer.

The `lingnan` fixture checks after each test that every message the bot sent blocked all pings,
that Discord would have accepted every request, and that nothing was logged as an error.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.discord_fake import InteractionHandle, message_text
from tests.e2e.conftest import RunningBot
from tests.e2e.expect import reply_problems, seen

ROLE_PING = "<@&123456789012345678>"
USER_PING = "<@123456789012345678>"

# Questions a Discord client can send as /ask (non-blank, within the option's length).
ODD_QUESTIONS = {
    "zero-width only": "\u200b\u200c\u200d\u2060\ufeff",
    "control characters": "robotics\x00\x07\x1b[31m\x7f policy\x0b",
    "right-to-left": "ما هي سياسة الروبوتات في قوانغدونغ؟",
    "right-to-left override": "\u202erobotics\u202c industrial \u200fpolicy",
    "markdown": "**robotics** `code` [click](https://evil.example) ||spoiler|| # heading > quote",
    "mass and role pings": f"@everyone @here {ROLE_PING} {USER_PING} robotics",
    "only stopwords": "the of and to in is it was what which",
    "only emoji": "🤖🏭🇨🇳👍🏽👨‍👩‍👧",
    "combining marks": "r\u0336o\u0336b\u0336o\u0336t\u0336i\u0336c\u0336s\u0336" * 3,
    "surrogate-heavy": "𝓻𝓸𝓫𝓸𝓽𝓲𝓬𝓼 " * 20,
}


def assert_answered_once_clearly(handle: InteractionHandle) -> dict[str, Any]:
    answer = handle.answer
    assert answer is not None
    assert len(handle.callbacks) == 1 and not handle.rejected_callbacks
    assert len(handle.messages) == 1, [seen(m) for m in handle.messages]
    assert not reply_problems(answer), reply_problems(answer)
    return answer


@pytest.mark.parametrize("question", ODD_QUESTIONS.values(), ids=ODD_QUESTIONS.keys())
async def test_odd_question_gets_one_clear_answer(lingnan: RunningBot, question: str) -> None:
    """/ask with odd text is answered once, clearly, with no error logged and no ping."""
    asked = await lingnan.fake.send_slash_command("ask", {"question": question})
    await asked.wait_answer(timeout=15)
    assert_answered_once_clearly(asked)


async def test_markdown_in_a_question_is_shown_not_rendered(lingnan: RunningBot) -> None:
    """Markdown typed into a question is echoed inert: no link, spoiler or code span."""
    asked = await lingnan.fake.send_slash_command("ask", {"question": ODD_QUESTIONS["markdown"]})
    answer = await asked.wait_answer(timeout=15)
    raw = message_text(answer)
    assert "spoiler" in seen(answer), "the question is echoed"
    assert "[click](https://evil.example)" not in raw
    assert "||spoiler||" not in raw
    assert "`code`" not in raw


async def test_pings_in_a_question_are_neutralised(lingnan: RunningBot) -> None:
    """@everyone and role mentions echoed from a question cannot ping (allowed_mentions none)."""
    asked = await lingnan.fake.send_slash_command(
        "ask", {"question": ODD_QUESTIONS["mass and role pings"]}
    )
    await asked.wait_answer(timeout=15)
    for request in lingnan.fake.message_requests():
        body = request.message_body()
        assert body is not None
        assert body["allowed_mentions"]["parse"] == []


@pytest.mark.parametrize(
    "question",
    ["", "   \t  ", "x" * 6000, "robotics " * 700],
    ids=["empty", "whitespace", "6000 characters", "6300 characters of words"],
)
async def test_question_discord_would_refuse_gets_one_sentence(
    lingnan: RunningBot, question: str
) -> None:
    """A question outside the option's limits (a modified client) gets one private sentence."""
    asked = await lingnan.fake.send_slash_command("ask", {"question": question}, validate=False)
    answer = await asked.wait_answer(timeout=15)
    assert_answered_once_clearly(asked)
    assert asked.ephemeral
    assert len(seen(answer)) < 400


@pytest.mark.parametrize(
    "text",
    ["", "   ", "x" * 3970, *ODD_QUESTIONS.values()],
    ids=["empty", "whitespace", "3970 characters", *ODD_QUESTIONS.keys()],
)
async def test_odd_mention_gets_one_clear_reply(lingnan: RunningBot, text: str) -> None:
    """A mention with odd or no text gets exactly one clear reply that pings no one."""
    said = await lingnan.fake.send_message(text)
    reply = await said.wait_reply(timeout=15)
    assert len(said.reply_ids) == 1
    assert not reply_problems(reply), reply_problems(reply)


@pytest.mark.parametrize(
    "name",
    ["Zzyzx Qwertyuiop", "黄某某", "<@&123456789012345678>", "\u200b", "' OR 1=1 --", "x" * 100],
    ids=["latin", "chinese", "role ping", "zero-width", "sql", "100 characters"],
)
async def test_unknown_official_gets_one_clear_answer(lingnan: RunningBot, name: str) -> None:
    """/official with a name not in the directory is answered once, clearly, with no error."""
    asked = await lingnan.fake.send_slash_command("official", {"name": name})
    await asked.wait_answer(timeout=15)
    assert_answered_once_clearly(asked)


@pytest.mark.parametrize(
    "typed", ["", "zzzz", "黄", "\u200b", "%" * 100], ids=["empty", "none", "han", "zw", "long"]
)
async def test_autocomplete_with_odd_text_answers_valid_choices(
    lingnan: RunningBot, typed: str
) -> None:
    """Autocomplete answers any typed text with a list Discord accepts (maybe empty)."""
    completion = await lingnan.fake.send_autocomplete("official", {"name": typed}, focused="name")
    choices = await completion.wait_choices()
    assert len(choices) <= 25 and not completion.rejected_callbacks


async def test_unknown_button_id_gets_one_sentence(lingnan: RunningBot) -> None:
    """A button the bot no longer knows (e.g. from before a restart) gets one private sentence."""
    fake = lingnan.fake
    answer = await (
        await fake.send_slash_command("ask", {"question": "industrial development Guangdong"})
    ).wait_answer(timeout=15)
    pressed = await fake.press_button(answer, custom_id="lingnan:stale:0123456789", force=True)
    reply = await pressed.wait_answer(timeout=10)
    assert pressed.ephemeral
    assert not reply_problems(reply), reply_problems(reply)


@pytest.mark.parametrize(
    ("command", "options"),
    [("ask", {"question": 12345}), ("ask", {"question": None}), ("official", {"name": ["x"]})],
    ids=["number as question", "null question", "list as name"],
)
async def test_forged_option_types_get_one_private_sentence(
    fake_discord: Any,
    log_records: Any,
    library: Any,
    seeds_copy: Any,
    command: str,
    options: dict[str, Any],
) -> None:
    """A forged option type gets one private sentence; the bot answers the next question."""
    from tests.e2e.conftest import run_lingnan

    async with run_lingnan(fake_discord, log_records, seeds_copy, library) as running:
        forged = await fake_discord.send_slash_command(command, options, validate=False)
        reply = await forged.wait_answer(timeout=10)
        assert forged.ephemeral and not reply_problems(reply), reply_problems(reply)
        after = await fake_discord.send_slash_command("ask", {"question": "manufacturing"})
        assert "manufactur" in seen(await after.wait_answer(timeout=15)).lower()
        assert not fake_discord.ping_violations() and not fake_discord.client_errors()
        assert running.bot.is_ready()
