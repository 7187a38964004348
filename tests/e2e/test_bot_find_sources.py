""" "Find sources" on a message and a user install, through the local Discord (issue 12)."""

from __future__ import annotations

from pathlib import Path

from tests.discord_fake import FakeDiscord
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import embed, seen

CLAIM = (
    "Morning all! Saw this in the news: Guangdong expects GDP of over 14 trillion yuan in 2024. "
    "Can anyone confirm?"
)


async def find_sources(running: RunningBot, text: str) -> tuple[object, dict]:
    posted = await running.fake.send_message(text, user=running.fake.bob, mention_bot=False)
    asked = await running.fake.send_message_command(
        "Find sources", posted.id, user=running.fake.alice
    )
    return asked, await asked.wait_answer(timeout=15)


async def test_a_claim_the_corpus_holds_gets_its_quotes_privately(lingnan: RunningBot) -> None:
    """Someone's claim in the channel: the asker alone sees the quote stating it, and what
    was searched for (the claim, not the greeting)."""
    asked, answer = await find_sources(lingnan, CLAIM)
    assert asked.ephemeral  # type: ignore[attr-defined]
    shown = embed(answer)
    assert shown["title"] == "Sources for this message"
    assert "14 trillion yuan" in seen(answer)
    searched = shown["description"].split("\n")[-1]
    assert searched.startswith("-# Searched for: ") and "14 trillion" in searched
    assert "Morning all" not in searched


async def test_a_claim_the_corpus_lacks_is_said_honestly(lingnan: RunningBot) -> None:
    """A claim about Paris: the corpus has nothing, and says so, privately."""
    asked, answer = await find_sources(lingnan, "The Eiffel tower in Paris is 330 metres tall.")
    assert asked.ephemeral  # type: ignore[attr-defined]
    assert "The corpus holds no passage that says what this message says" in seen(answer)


async def test_the_menu_is_a_message_command_installable_anywhere(lingnan: RunningBot) -> None:
    """ "Find sources" is synced as a message context menu (type 3), for users' installs too."""
    _, menu = lingnan.fake.command("Find sources", command_type=3)
    assert menu["integration_types"] == [0, 1]
    assert menu["contexts"] == [0, 1, 2]


async def test_user_install_answers_privately_where_the_bot_is_no_member(
    fake_discord: FakeDiscord, log_records: LogCollector, seeds_copy: Path, library: object
) -> None:
    """Synced globally, /ask reaches a user's install in a group DM and in a server without the
    bot; both answers are private. Owner commands stay server installs."""
    async with run_lingnan(
        fake_discord, log_records, seeds_copy, library, discord_guild_id=None
    ) as running:
        fake = running.fake
        _, ask = fake.command("ask")
        assert ask["integration_types"] == [0, 1] and ask["contexts"] == [0, 1, 2]
        _, reload = fake.command("reload")
        assert reload.get("integration_types") in (None, [0])
        for context in ("private_channel", "guild"):
            asked = await fake.send_slash_command(
                "ask", {"question": "robotics"}, installed="user", context=context
            )
            answer = await asked.wait_answer(timeout=15)
            assert asked.ephemeral, context
            assert "robotics" in seen(answer).lower()
        problems = running.problems()
    assert not problems, "\n".join(problems)


async def test_in_its_own_server_answers_stay_public(lingnan: RunningBot) -> None:
    """Where the bot is a member, /ask answers publicly as before."""
    asked = await lingnan.fake.send_slash_command("ask", {"question": "robotics"})
    await asked.wait_answer(timeout=15)
    assert not asked.ephemeral
