"""Settings: defaults, parsing, and one-line errors that name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings

SECRET = "MTIzNDU2Nzg5.abcdef.very-secret-token"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No setting leaks in from the developer's shell or .env."""
    import os

    for name in list(os.environ):
        if name.startswith(("LINGNAN_", "DISCORD_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_defaults() -> None:
    """Without configuration: no token, seeds/, 3 quotes, a cooldown, INFO logging."""
    settings = load_settings()
    assert settings.discord_token is None
    assert settings.discord_guild_id is None
    assert settings.corpus_folder == Path("seeds")
    assert settings.quotes_per_answer == 3
    assert (settings.cooldown_rate, settings.cooldown_seconds) == (3, 30.0)
    assert settings.log_level == "INFO"
    assert settings.owner_ids == []
    assert settings.watch_corpus is False
    assert settings.add_max_mb == 10


def test_reads_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every setting is read from its environment variable."""
    monkeypatch.setenv("DISCORD_TOKEN", SECRET)
    monkeypatch.setenv("DISCORD_GUILD_ID", "123456789012345678")
    monkeypatch.setenv("LINGNAN_CORPUS_FOLDER", "/data/corpus")
    monkeypatch.setenv("LINGNAN_QUOTES_PER_ANSWER", "5")
    monkeypatch.setenv("LINGNAN_COOLDOWN_RATE", "0")
    monkeypatch.setenv("LINGNAN_LOG_LEVEL", "debug")
    monkeypatch.setenv("LINGNAN_OWNER_IDS", "111, 222")
    monkeypatch.setenv("LINGNAN_WATCH_CORPUS", "true")
    settings = load_settings()
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == SECRET
    assert settings.discord_guild_id == 123456789012345678
    assert settings.corpus_folder == Path("/data/corpus")
    assert settings.quotes_per_answer == 5
    assert settings.cooldown_rate == 0
    assert settings.log_level == "DEBUG"
    assert settings.owner_ids == [111, 222]
    assert settings.watch_corpus is True


def test_reads_dotenv_file(tmp_path: Path) -> None:
    """A .env file in the working directory is read; blank token and guild mean unset."""
    (tmp_path / ".env").write_text(
        "LINGNAN_QUOTES_PER_ANSWER=4\nDISCORD_TOKEN=\nDISCORD_GUILD_ID= \n"
    )
    settings = load_settings()
    assert settings.quotes_per_answer == 4
    assert settings.discord_token is None
    assert settings.discord_guild_id is None


def test_token_is_never_shown() -> None:
    """The token does not appear in the settings' repr or str."""
    settings = Settings(_env_file=None, discord_token=SECRET)
    assert SECRET not in repr(settings)
    assert SECRET not in str(settings)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("LINGNAN_QUOTES_PER_ANSWER", "50", "LINGNAN_QUOTES_PER_ANSWER: Input should be less than"),
        (
            "LINGNAN_QUOTES_PER_ANSWER",
            "three",
            "LINGNAN_QUOTES_PER_ANSWER: Input should be a valid",
        ),
        ("DISCORD_GUILD_ID", "my-server", "DISCORD_GUILD_ID: Input should be a valid integer"),
        ("LINGNAN_COOLDOWN_SECONDS", "-5", "LINGNAN_COOLDOWN_SECONDS: Input should be greater"),
        ("LINGNAN_LOG_LEVEL", "loud", "LINGNAN_LOG_LEVEL: Input should be 'CRITICAL'"),
        ("LINGNAN_OWNER_IDS", "12, bob", "LINGNAN_OWNER_IDS: Input should be a valid integer"),
        ("LINGNAN_WATCH_CORPUS", "maybe", "LINGNAN_WATCH_CORPUS: Input should be a valid boolean"),
        ("LINGNAN_ANSWER_THREADS", "0", "LINGNAN_ANSWER_THREADS: Input should be greater"),
    ],
)
def test_invalid_setting_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    """An invalid value raises SettingsError: one line, naming the variable and the problem."""
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith("invalid setting ")
    assert expected in message


def test_token_error_does_not_echo_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """A malformed token is reported without repeating it."""
    monkeypatch.setenv("DISCORD_TOKEN", "abc def")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "DISCORD_TOKEN" in str(raised.value)
    assert "abc def" not in str(raised.value)


def test_several_errors_stay_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two bad settings are both named, still on one line."""
    monkeypatch.setenv("LINGNAN_QUOTES_PER_ANSWER", "0")
    monkeypatch.setenv("DISCORD_GUILD_ID", "x")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert "\n" not in message
    assert "LINGNAN_QUOTES_PER_ANSWER" in message and "DISCORD_GUILD_ID" in message


def test_env_example_lists_every_setting() -> None:
    """.env.example names the environment variable of every setting, so none is undocumented."""
    from bot.settings import env_name

    example = (Path(__file__).resolve().parents[2] / ".env.example").read_text(encoding="utf-8")
    listed = {line.split("=", 1)[0] for line in example.splitlines() if "=" in line}
    assert {env_name(field) for field in Settings.model_fields} <= listed


def test_bm25_b_outside_zero_to_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A BM25 b above 1 stops start-up with one line naming LINGNAN_BM25_B."""
    monkeypatch.setenv("LINGNAN_BM25_B", "1.5")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert "LINGNAN_BM25_B" in message and "\n" not in message


@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "1e9"])
def test_cooldown_seconds_must_be_a_bounded_number(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """An infinite, undefined or huge cooldown is refused in one line (it overflowed the reply)."""
    monkeypatch.setenv("LINGNAN_COOLDOWN_SECONDS", value)
    with pytest.raises(SettingsError, match="LINGNAN_COOLDOWN_SECONDS") as caught:
        load_settings()
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("LINGNAN_COOLDOWN_RATE", "10000000"),
        ("LINGNAN_BM25_K1", "inf"),
        ("LINGNAN_BM25_B", "nan"),
        ("DISCORD_GUILD_ID", "99999999999999999999"),
        ("LINGNAN_OWNER_IDS", "99999999999999999999"),
        ("LINGNAN_ADD_MAX_MB", "0"),
        ("LINGNAN_ADD_MAX_MB", "201"),
        ("LINGNAN_ADD_MAX_MB", "inf"),
    ],
)
def test_every_number_has_bounds(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    """Each numeric setting refuses values beyond its bounds, naming itself."""
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        load_settings()


def test_blank_corpus_folder_means_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """LINGNAN_CORPUS_FOLDER= is unset (seeds), not the working directory."""
    monkeypatch.setenv("LINGNAN_CORPUS_FOLDER", " ")
    assert load_settings().corpus_folder == Path("seeds")


def test_dotenv_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    """A .env in another encoding stops start-up with one line saying so, not a traceback."""
    (tmp_path / ".env").write_bytes("LINGNAN_CORPUS_FOLDER=Dokumente/Übersicht\n".encode("cp1252"))
    with pytest.raises(SettingsError, match=r"\.env is not UTF-8"):
        load_settings()


def test_unreadable_dotenv_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A .env that cannot be opened stops start-up with one line naming it."""
    import dotenv.main

    (tmp_path / ".env").write_text("LINGNAN_LOG_LEVEL=DEBUG\n", "utf-8")

    def refuse(path: str, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(dotenv.main, "open", refuse, raising=False)
    with pytest.raises(SettingsError, match=r"^\.env cannot be read \(Permission denied\)$"):
        load_settings()
