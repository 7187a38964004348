"""`python -m bot`: one-line start-up errors, and the console when no token is set."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import discord
import pytest

import bot.__main__ as entry
from bot.settings import Settings
from tests.bot.fixtures import FakeLibrary, as_library

REPO_ROOT = Path(__file__).resolve().parents[2]
TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.rejected-token-for-tests"


def run_bot_module(
    tmp_path: Path, stdin: str, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LINGNAN_", "DISCORD_"))}
    clean["PYTHONPATH"] = str(REPO_ROOT)
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no .env there
        env=clean,
        timeout=90,
        check=False,
    )


def test_no_token_prints_two_hint_lines_then_runs_the_console(
    tmp_path: Path, seeds_copy: Path
) -> None:
    """Without a token: two lines on getting one, then the console answers piped questions."""
    process = run_bot_module(
        tmp_path,
        "What priority do artificial intelligence and robotics have?\n/sources\nquit\n",
        {"LINGNAN_CORPUS_FOLDER": str(seeds_copy), "LINGNAN_LOG_LEVEL": "WARNING"},
    )
    assert process.returncode == 0, process.stderr
    hint = process.stderr.splitlines()[:2]
    assert "discord.com/developers/applications" in hint[0] and "Bot" in hint[0]
    assert "DISCORD_TOKEN=" in hint[1] and ".env" in hint[1]
    assert "robotics" in process.stdout and "**" not in process.stdout
    assert "Sources (5 documents)" in process.stdout
    assert "Traceback" not in process.stderr


def test_console_language_sets_the_hint_and_greeting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The console in Chinese (`--language zh`): the hint on getting a token and the greeting
    are Chinese."""
    monkeypatch.setattr(entry, "load_library", lambda *_, **__: as_library(FakeLibrary()))
    monkeypatch.setattr(sys, "stdin", io.StringIO("quit\n"))
    assert entry.start_console(Settings(_env_file=None), language="zh") == 0
    shown = capsys.readouterr()
    assert shown.err.startswith("未设置 Discord 令牌。")
    assert shown.out.startswith("lingnan 控制台。命令：")


def test_invalid_setting_stops_with_one_line(tmp_path: Path) -> None:
    """An invalid setting: exit status 2 and one line naming it, no traceback."""
    process = run_bot_module(tmp_path, "", {"LINGNAN_QUOTES_PER_ANSWER": "0"})
    assert process.returncode == 2
    lines = process.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("lingnan: invalid setting LINGNAN_QUOTES_PER_ANSWER:")


def test_missing_corpus_folder_is_one_line(tmp_path: Path) -> None:
    """A corpus folder that does not exist: one line after the hint, exit status 1."""
    process = run_bot_module(
        tmp_path,
        "",
        {"LINGNAN_CORPUS_FOLDER": str(tmp_path / "nowhere"), "LINGNAN_LOG_LEVEL": "ERROR"},
    )
    assert process.returncode == 1
    last = process.stderr.strip().splitlines()[-1]
    assert last.startswith("lingnan: ") and "nowhere" in last
    assert "Traceback" not in process.stderr


def test_unreachable_discord_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No connection to Discord: one line saying so, status 1."""
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    settings = Settings(_env_file=None, discord_token=TOKEN)
    assert entry.start_bot(settings) == 1
    err = capsys.readouterr().err
    assert "lingnan: cannot reach Discord" in err
    assert "Traceback" not in err


def test_unusable_corpus_in_bot_mode_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corpus error raised during start-up (after login) ends with one line, status 1."""
    from retrieval.errors import CorpusError

    async def failing_run_bot(settings: Settings) -> None:
        raise CorpusError("The corpus folder /nowhere does not exist.")

    monkeypatch.setattr(entry, "run_bot", failing_run_bot)
    assert entry.start_bot(Settings(_env_file=None, discord_token=TOKEN)) == 1
    assert capsys.readouterr().err == "lingnan: The corpus folder /nowhere does not exist.\n"
