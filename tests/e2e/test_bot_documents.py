"""/add and /remove through a local Discord: the owner attaches a file or picks one to take
out; what Discord receives, and what the corpus folder then holds."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot import texts
from retrieval.library import Library
from tests.discord_fake import FakeAttachment, FakeDiscord
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import reply_problems, seen
from tests.retrieval.pdf_maker import make_pdf

PORTS = """---
title: Port logistics upgrade in the Pearl River Delta
source: Example Provincial Gazette
date: 2024-05-02
url: https://example.org/port-logistics
language: en
---
Several ports in the delta will share one customs data platform from next year. The platform
is expected to cut clearance times for container ships by a third.

Operators said the first stage covers twelve terminals and two inland river ports.
"""
BROADBAND = """---
title: Rural broadband reaches the mountain counties
source: Example Provincial Gazette
date: 2023-09-18
url: https://example.org/rural-broadband
language: en
---
Fibre connections now reach every township in the northern mountain counties. Village clinics
use the new lines for remote consultations with city hospitals.
"""
WIND = """---
title: Offshore wind targets for the eastern coast
source: Example Energy Bulletin
date: 2025-03-14
url: https://example.org/offshore-wind
language: en
---
Governor Chen Haoran said that offshore wind capacity along the eastern coast should reach eight
gigawatts by 2027. The province will auction three new sea areas for turbines this summer.

Chen Haoran also announced a training programme for two thousand maintenance technicians.
"""
PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Wasserstoffbusse im Stadtverkehr</title>
<meta property="og:site_name" content="Beispiel-Stadtanzeiger">
<meta name="date" content="2024-11-05">
</head><body><nav><a href="/">Start</a> | <a href="/news">Nachrichten</a></nav>
<article><h1>Wasserstoffbusse im Stadtverkehr</h1>
<p>Die Stadt setzt ab dem kommenden Frühjahr vierzig Busse mit Brennstoffzellen auf den
Linien im Hafengebiet ein. Die Tankstelle am Betriebshof wird dafür erweitert.</p>
<p>Nach Angaben der Verkehrsbetriebe sinken die Lärmwerte an den Haltestellen deutlich.</p>
</article><footer>Impressum</footer></body></html>
"""
PDF_LINES = [
    "Cold chain warehouses for fresh produce",
    "The province will build six cold chain warehouses next to its largest wholesale markets.",
    "Each warehouse keeps fruit and vegetables fresh for up to three weeks.",
]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder of two small invented documents, private to the test."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "port-logistics.txt").write_text(PORTS, encoding="utf-8")
    (folder / "rural-broadband.txt").write_text(BROADBAND, encoding="utf-8")
    return folder


@pytest.fixture
async def owner_bot(
    fake_discord: FakeDiscord, log_records: LogCollector, corpus: Path
) -> AsyncIterator[RunningBot]:
    """The bot serving `corpus`, loaded by itself as at a start; afterwards nothing it sent may
    ping anyone or be refused by Discord, and nothing may be logged as an error."""
    async with run_lingnan(fake_discord, log_records, corpus, add_max_mb=1) as running:
        yield running
        problems = running.problems()
    assert not problems, "\n".join(problems)


async def add(running: RunningBot, name: str, data: bytes, user: Any = None) -> dict[str, Any]:
    fake = running.fake
    attachment = FakeAttachment(name, data)
    sent = await fake.send_slash_command("add", {"file": attachment}, user=user or fake.owner)
    answer = await sent.wait_answer(timeout=60)
    assert sent.ephemeral
    return answer


def listing(folder: Path) -> set[str]:
    """The folder's visible files (the saved index lives in a hidden folder)."""
    return {path.name for path in folder.iterdir() if not path.name.startswith(".")}


async def test_owner_adds_a_text_file(owner_bot: RunningBot, corpus: Path) -> None:
    """An added text file is saved under its name, served, and reported with its title, date,
    source, language, passages and the officials it names."""
    answer = await add(owner_bot, "coastal-wind.txt", WIND.encode())
    report = seen(answer)
    for shown in (
        "Offshore wind targets for the eastern coast",
        "Example Energy Bulletin",
        "2025-03-14",
        "English",
        "passages",
        "Chen Haoran",
        "Now serving 3 documents",
    ):
        assert shown in report, (shown, report)
    assert (corpus / "coastal-wind.txt").read_text(encoding="utf-8") == WIND
    titles = [d.title for d in owner_bot.bot.library.documents()]
    assert "Offshore wind targets for the eastern coast" in titles


async def test_an_added_document_is_there_after_a_restart(
    owner_bot: RunningBot, corpus: Path
) -> None:
    """What /add saved is in the folder, so a fresh load (a restart) serves it too."""
    await add(owner_bot, "coastal-wind.txt", WIND.encode())
    restarted = await asyncio.to_thread(Library.load, corpus)
    assert "Chen Haoran" in [o.name for o in restarted.officials.all()]


async def test_owner_adds_a_pdf(owner_bot: RunningBot, corpus: Path) -> None:
    """A PDF made by the test is read, saved and reported with its title and passages."""
    data = make_pdf([PDF_LINES], information={"Title": "Cold chain warehouses"})
    report = seen(await add(owner_bot, "cold-chain.pdf", data))
    assert "Cold chain warehouses" in report and "passage" in report
    assert (corpus / "cold-chain.pdf").read_bytes() == data


async def test_owner_adds_a_web_page(owner_bot: RunningBot, corpus: Path) -> None:
    """A web page is read for its main text and head: title, site as source, date, German."""
    report = seen(await add(owner_bot, "busse.html", PAGE.encode()))
    for shown in ("Wasserstoffbusse im Stadtverkehr", "Beispiel-Stadtanzeiger", "2024-11-05"):
        assert shown in report, (shown, report)
    assert "German" in report
    assert "busse.html" in listing(corpus)


async def test_a_taken_name_gets_a_new_one(owner_bot: RunningBot, corpus: Path) -> None:
    """A file named like one in the corpus is saved beside it, never over it."""
    answer = await add(owner_bot, "port-logistics.txt", WIND.encode())
    assert "port-logistics-2.txt" in seen(answer)
    assert (corpus / "port-logistics.txt").read_text(encoding="utf-8") == PORTS
    assert (corpus / "port-logistics-2.txt").read_text(encoding="utf-8") == WIND


async def test_a_path_like_name_stays_inside_the_corpus(
    owner_bot: RunningBot, corpus: Path
) -> None:
    """A name with a path and a leading dot is reduced to a plain name inside the folder."""
    outside = corpus.parent
    before = set(outside.iterdir())
    await add(owner_bot, "../../.coastal wind.txt", WIND.encode())
    assert "coastal-wind.txt" in listing(corpus)
    assert set(outside.iterdir()) == before


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("scan.txt", PNG, "cannot be read (binary file"),
        ("huge.txt", b"Ports and terminals. " * 60_000, "too large"),
        ("minutes.docx", WIND.encode(), "not .docx ones"),
        ("blank.md", b" \n\n \n", "holds no text"),
        ("broken.pdf", b"%PDF-1.7\n" + PNG, "cannot be read (a PDF that cannot be opened"),
    ],
    ids=["binary", "oversize", "unknown-type", "empty", "unreadable-pdf"],
)
async def test_refused_files_leave_the_corpus_unchanged(
    owner_bot: RunningBot, corpus: Path, name: str, data: bytes, expected: str
) -> None:
    """A file lingnan cannot serve is refused in one private sentence and nothing is saved."""
    before = listing(corpus)
    answer = await add(owner_bot, name, data)
    assert expected in seen(answer) and "was not added" in seen(answer)
    assert not reply_problems(answer), reply_problems(answer)
    assert listing(corpus) == before
    assert owner_bot.bot.library.stats.documents == 2


async def test_an_oversize_file_is_never_downloaded(owner_bot: RunningBot) -> None:
    """A file over the limit by the size Discord states is refused before it is fetched."""
    await add(owner_bot, "huge.txt", b"Ports and terminals. " * 60_000)
    assert owner_bot.fake.cdn.downloads == []


async def test_owner_removes_a_document_picked_by_autocomplete(
    owner_bot: RunningBot, corpus: Path
) -> None:
    """/remove offers the documents by title as the owner types; the chosen file is deleted and
    no longer served."""
    fake = owner_bot.fake
    typed = await fake.send_autocomplete(
        "remove", {"document": "broadband"}, focused="document", user=fake.owner
    )
    choices = await typed.wait_choices()
    assert [c["value"] for c in choices] == ["rural-broadband.txt"]
    assert "Rural broadband reaches the mountain counties" in choices[0]["name"]
    removed = await fake.send_slash_command(
        "remove", {"document": choices[0]["value"]}, user=fake.owner
    )
    report = seen(await removed.wait_answer(timeout=60))
    assert "Rural broadband reaches the mountain counties" in report
    assert "Now serving 1 document" in report
    assert listing(corpus) == {"port-logistics.txt"}
    assert [d.id for d in owner_bot.bot.library.documents()] == ["port-logistics"]


async def test_remove_takes_only_a_file_of_the_corpus(owner_bot: RunningBot, corpus: Path) -> None:
    """A typed value that names no corpus file (a path, say) removes nothing."""
    fake = owner_bot.fake
    sent = await fake.send_slash_command(
        "remove", {"document": "../corpus/port-logistics.txt"}, user=fake.owner
    )
    answer = await sent.wait_answer(timeout=15)
    assert "No document file of the corpus" in seen(answer)
    assert listing(corpus) == {"port-logistics.txt", "rural-broadband.txt"}


async def test_non_owner_can_neither_add_nor_remove(owner_bot: RunningBot, corpus: Path) -> None:
    """Anyone but the owner gets one sentence, sees no file names, and changes nothing."""
    fake = owner_bot.fake
    refused = await add(owner_bot, "coastal-wind.txt", WIND.encode(), user=fake.bob)
    assert seen(refused) == texts.NOT_OWNER_MESSAGE()
    typed = await fake.send_autocomplete(
        "remove", {"document": ""}, focused="document", user=fake.bob
    )
    assert await typed.wait_choices() == []
    removing = await fake.send_slash_command(
        "remove", {"document": "port-logistics.txt"}, user=fake.bob
    )
    assert seen(await removing.wait_answer(timeout=15)) == texts.NOT_OWNER_MESSAGE()
    assert listing(corpus) == {"port-logistics.txt", "rural-broadband.txt"}
    assert fake.cdn.downloads == []


async def test_others_are_answered_while_a_document_is_added(
    owner_bot: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While /add's reload works, another user's question is answered from the library served."""
    bot = owner_bot.bot
    fake = owner_bot.fake
    answered = threading.Event()
    load = bot._load_library

    def slow_load(*args: Any) -> Any:
        # The reload cannot finish before the other user's answer arrives.
        assert answered.wait(timeout=30), "the question was not answered during the reload"
        return load(*args)

    monkeypatch.setattr(bot, "_load_library", slow_load)
    attachment = FakeAttachment("coastal-wind.txt", WIND.encode())
    adding = await fake.send_slash_command("add", {"file": attachment}, user=fake.owner)
    await fake.wait_until(lambda: bot._reload_lock.locked(), 30, "the reload to start")
    asked = await fake.send_slash_command(
        "ask", {"question": "customs data platform"}, user=fake.bob
    )
    answer = await asked.wait_answer(timeout=15)
    assert "customs data platform" in seen(answer)
    answered.set()
    assert "Offshore wind targets" in seen(await adding.wait_answer(timeout=60))


async def test_add_and_remove_are_for_administrators(owner_bot: RunningBot) -> None:
    """/add and /remove are synced for administrators only; /add takes one attachment."""
    import discord

    synced = {c["name"]: c for c in owner_bot.fake.commands[owner_bot.fake.guild.id]}
    for name in ("add", "remove"):
        permissions = int(synced[name]["default_member_permissions"])
        assert permissions == discord.Permissions(administrator=True).value
    (file_option,) = synced["add"]["options"]
    assert file_option["type"] == 11 and file_option["required"] is True


async def test_a_mirror_added_is_shown_as_a_copy_once_the_copies_are_found(
    owner_bot: RunningBot,
) -> None:
    """After /add the corpus's copies are found again behind the reload, on the bot's own
    thread; then the mirror is listed under the original's quote, not quoted apart."""
    mirror = PORTS.replace("Example Provincial Gazette", "Example Harbour Weekly").replace(
        "port-logistics", "harbour-weekly-ports"
    )
    await add(owner_bot, "ports-mirror.txt", mirror.encode())
    await owner_bot.fake.wait_until(
        lambda: not owner_bot.bot.library.tables_carried_over, 60, "the copies to be found"
    )
    asked = await owner_bot.fake.send_slash_command(
        "ask", {"question": "customs data platform for container ships"}
    )
    answer = seen(await asked.wait_answer(timeout=30))
    assert "also published by" in answer, answer
