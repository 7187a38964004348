"""The owner's and a server manager's commands in their Discord language, through the local
Discord (issue 12): /reload, /stats and /settings reply in German or Chinese."""

from __future__ import annotations

from tests.e2e.conftest import RunningBot
from tests.e2e.expect import embed, seen


async def test_german_owner_reads_the_reload_report_in_german(lingnan: RunningBot) -> None:
    """/reload by an owner whose Discord is German: the report's title and counts in German."""
    fake = lingnan.fake
    fake.owner.locale = "de"
    reloaded = await fake.send_slash_command("reload", user=fake.owner)
    report = embed(await reloaded.wait_answer(timeout=30))
    documents = lingnan.bot.library.stats.documents
    assert report["title"] == "Korpus neu geladen"
    assert report["description"].startswith(f"Jetzt verfügbar: {documents} Dokumente, ")
    assert "Geladen in " in report["description"]


async def test_german_non_owner_is_refused_stats_in_german(lingnan: RunningBot) -> None:
    """/stats by someone else whose Discord is German: one German sentence."""
    fake = lingnan.fake
    fake.bob.locale = "de"
    refused = await fake.send_slash_command("stats", user=fake.bob)
    answer = await refused.wait_answer(timeout=10)
    assert refused.ephemeral
    assert seen(answer) == "Nur der Besitzer des Bots kann die Statistik sehen."


async def test_chinese_manager_reads_the_settings_card_in_chinese(lingnan: RunningBot) -> None:
    """/settings by a server manager whose Discord is Chinese: the card is Chinese."""
    fake = lingnan.fake
    fake.owner.locale = "zh-CN"
    changed = await fake.send_slash_command("settings", {"quotes_per_page": 2}, user=fake.owner)
    card = embed(await changed.wait_answer(timeout=10))
    assert card["title"] == "lingnan 在本服务器"
    assert card["description"] == "已保存。下一个回答将按这些设置进行。"
    fields = {field["name"]: field["value"] for field in card["fields"]}
    assert fields["每页引语数"] == "2"
    assert fields["说明和提示的语言"] == "提问者的语言（机器人的默认值）"
