"""The bot's settings, read once at start-up from the environment and a `.env` file.

Every setting has an environment variable; `.env.example` lists them all. An invalid value stops
start-up with one line that names the variable and says what is wrong (`SettingsError`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticUseDefault
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.answer_pool import DEFAULT_ANSWER_THREADS

ENV_PREFIX = "LINGNAN_"
ENV_FILE = ".env"
MAX_QUOTES_PER_ANSWER = 10  # more would not fit one embed's 4096-character description legibly
# Every number has an upper bound: "inf" or a huge value would overflow where it is used (the
# cooldown message's seconds) or silently disable what it sets.
MAX_SNOWFLAKE = 2**63 - 1  # Discord ids are unsigned 64-bit, in practice below 2**63
MAX_COOLDOWN_RATE = 1_000
MAX_COOLDOWN_SECONDS = 86_400.0  # a day
MAX_KEEP_DAYS = 3_650  # ten years; longer is "forever", which the privacy rule does not allow
MAX_SHARDS = 10_000  # Discord asks for a shard per ~1,000 servers; this is millions of servers
DATABASE_FILE_NAME = "lingnan.db"
# Settings whose values are never echoed in an error (a database URL may carry a password).
SECRET_FIELD_WORDS = ("token", "database_url", "salt")
# A document added from Discord: the PDF reader's own limit is 200 MB.
MAX_ADD_MEGABYTES = 200
# More answer threads only lengthen the event loop's waits for Python's lock (bot/answer_pool.py).
MAX_ANSWER_THREADS = 32

LogLevel = Literal["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"]


class SettingsError(Exception):
    """A setting is invalid; the message is one line naming the variable and the problem."""


class Settings(BaseSettings):
    """All of the bot's configuration. Build it with `load_settings()` (or directly in tests)."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=ENV_FILE,
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
        validate_default=True,
    )

    discord_token: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("DISCORD_TOKEN", "discord_token"),
        description="the bot token from the Discord developer portal; without it a console starts",
    )
    discord_guild_id: int | None = Field(
        None,
        gt=0,
        le=MAX_SNOWFLAKE,
        validation_alias=AliasChoices("DISCORD_GUILD_ID", "discord_guild_id"),
        description="sync the slash commands to this guild at once (development); else global sync",
    )
    corpus_folder: Path = Field(Path("seeds"), description="folder of the documents to quote")
    quotes_per_answer: int = Field(3, ge=1, le=MAX_QUOTES_PER_ANSWER)
    cooldown_rate: int = Field(
        3,
        ge=0,
        le=MAX_COOLDOWN_RATE,
        description="questions a user may ask per cooldown period (0 disables)",
    )
    cooldown_seconds: float = Field(
        30.0,
        ge=0,
        le=MAX_COOLDOWN_SECONDS,
        allow_inf_nan=False,
        description="cooldown period (0 disables)",
    )
    answer_threads: int = Field(
        DEFAULT_ANSWER_THREADS,
        ge=1,
        le=MAX_ANSWER_THREADS,
        description="threads that build answers (search, formatting); more make the event loop "
        "wait longer for Python's lock, and it acknowledges interactions (bot/answer_pool.py)",
    )
    log_level: LogLevel = "INFO"
    owner_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list,
        description="user ids allowed to /reload; empty means the application's owner (or team)",
    )
    watch_corpus: bool = Field(False, description="reload when files in the corpus folder change")
    add_max_mb: int = Field(
        10,
        ge=1,
        le=MAX_ADD_MEGABYTES,
        description="largest file /add accepts, in MB (Discord's own upload limit is often 10)",
    )
    bm25_k1: float = Field(
        1.5, gt=0, le=10, allow_inf_nan=False, description="BM25 term-frequency saturation (k1)"
    )
    bm25_b: float = Field(
        0.75, ge=0, le=1, allow_inf_nan=False, description="BM25 length normalisation (b)"
    )
    database_url: SecretStr | None = Field(
        None,
        description="SQLAlchemy URL of the database (postgresql+asyncpg://...); it may hold a "
        "password, so it is never logged; empty: the SQLite file database_path",
    )
    database_path: Path | None = Field(
        None, description="the SQLite file; empty: lingnan.db beside the corpus folder"
    )
    keep_questions_days: int = Field(
        90,
        ge=0,
        le=MAX_KEEP_DAYS,
        description="days question texts and comments are kept (0: never stored)",
    )
    user_salt: SecretStr | None = Field(
        None,
        description="secret mixed into the hash of user ids; empty: one generated and kept in "
        "the database",
    )
    shard_count: int | None = Field(
        None, ge=1, le=MAX_SHARDS, description="shards of the whole bot (all processes together)"
    )
    shard_ids: Annotated[list[int], NoDecode] = Field(
        default_factory=list, description="the shards this process runs; empty: all of them"
    )

    @field_validator(
        "discord_token",
        "discord_guild_id",
        "database_url",
        "database_path",
        "user_salt",
        "shard_count",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        # `DISCORD_TOKEN=` as .env.example writes it means "not set", not an invalid value.
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("corpus_folder", mode="before")
    @classmethod
    def _blank_folder_is_the_default(cls, value: Any) -> Any:
        # An empty path is ".", the working directory: it would serve (and write an index into)
        # whatever folder the bot was started from. Blank means "not set", as for the token.
        if isinstance(value, str) and not value.strip():
            raise PydanticUseDefault()
        return value

    @field_validator("discord_token")
    @classmethod
    def _token_has_no_spaces(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            secret = value.get_secret_value()
            if secret != secret.strip() or any(c.isspace() for c in secret):
                raise ValueError(
                    "the token contains spaces; paste it exactly as the portal shows it"
                )
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("owner_ids", "shard_ids", mode="before")
    @classmethod
    def _split_owner_ids(cls, value: Any) -> Any:
        # Written as "123, 456" in .env; a JSON list would surprise people editing it by hand.
        if isinstance(value, str):
            return [part for part in (p.strip() for p in value.split(",")) if part]
        if isinstance(value, int):
            return [value]
        return value

    @model_validator(mode="after")
    def _positive_owner_ids(self) -> Settings:
        if any(not 0 < owner <= MAX_SNOWFLAKE for owner in self.owner_ids):
            raise ValueError("owner_ids: user ids are positive numbers of at most 19 digits")
        return self

    @model_validator(mode="after")
    def _shards_within_count(self) -> Settings:
        if self.shard_ids and self.shard_count is None:
            raise ValueError("shard_ids: set LINGNAN_SHARD_COUNT too (the shards of all processes)")
        count = self.shard_count or 0
        if any(not 0 <= shard < count for shard in self.shard_ids):
            raise ValueError(f"shard_ids: each shard is a number from 0 to {count - 1}")
        if len(set(self.shard_ids)) != len(self.shard_ids):
            raise ValueError("shard_ids: a shard is named twice")
        return self

    @property
    def database_file(self) -> Path:
        """The SQLite file when no URL is set: the setting, else lingnan.db beside the corpus."""
        if self.database_path is not None:
            return self.database_path
        return self.corpus_folder.resolve().parent / DATABASE_FILE_NAME

    @property
    def log_level_number(self) -> int:
        return logging.getLevelNamesMapping()[self.log_level]


def env_name(field: str) -> str:
    """The environment variable that sets `field` (as people write it in `.env`)."""
    info = Settings.model_fields.get(field)
    if info is not None and isinstance(info.validation_alias, AliasChoices):
        first = info.validation_alias.choices[0]
        if isinstance(first, str):
            return first
    return f"{ENV_PREFIX}{field}".upper()


def describe_validation_error(error: ValidationError) -> str:
    """One line naming each invalid setting and what is wrong; never echoes the token."""
    problems: list[str] = []
    for item in error.errors(include_url=False, include_input=True):
        location = item.get("loc") or ()
        field = str(location[0]) if location else ""
        message = str(item.get("msg", "invalid value"))
        if not field and message.startswith("Value error, ") and ":" in message:
            # model-level validators name the field in their message ("owner_ids: ...")
            message = message.removeprefix("Value error, ")
            field, _, message = message.partition(": ")
        message = message.removeprefix("Value error, ")
        name = env_name(field.lower()) if field else "settings"
        shown = ""
        raw = item.get("input")
        secret = any(word in field.lower() for word in SECRET_FIELD_WORDS)
        if raw is not None and not secret and not isinstance(raw, dict):
            shown = f" (got {str(raw)[:60]!r})"
        problems.append(f"{name}: {message}{shown}")
    return "invalid setting " + "; ".join(problems)


def load_settings(**overrides: Any) -> Settings:
    """Read the settings once; raise `SettingsError` with one line when any is invalid."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(describe_validation_error(error)) from None
    except UnicodeDecodeError:
        raise SettingsError(
            f"{ENV_FILE} is not UTF-8 text; save it as UTF-8 (plain text, any editor can)"
        ) from None
    except OSError as error:
        name = Path(error.filename).name if error.filename else ENV_FILE
        raise SettingsError(f"{name} cannot be read ({error.strerror or error})") from None
