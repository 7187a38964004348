"""The card model and Discord's limits: every answer is a list of `Card` pages held to them.

A card is what one page of an answer says, in Discord markdown, already escaped. `fit_card` holds
it to Discord's embed limits whatever the corpus contains; `to_embed` makes it a `discord.Embed`
(the console renders cards in `bot.console_text`).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import discord

from bot.markdown import clip, discord_len

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELD_COUNT_LIMIT = 25
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
MESSAGE_LIMIT = 2000
LINK_BUTTON_URL_LIMIT = 512
SELECT_OPTION_LIMIT = 25
SELECT_TEXT_LIMIT = 100

ANSWER_COLOUR = 0x1F8B4C  # jade: Lingnan
EMPTY_COLOUR = 0x95A5A6

# The commands whose answers can be built again from what a message shows (buttons recompute);
# "speech" is an official's speech in one document, opened from /official's menu.
Command = Literal["ask", "official", "officials", "sources", "speech", "timeline"]


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True)
class Card:
    """One page of an answer, in Discord markdown (already escaped and within the limits).

    `citation` is the page's ready-to-paste citation (the Cite button sends it) and `source_url`
    the address of its first quote's page (the link button opens it); neither is shown inline.
    """

    title: str
    description: str = ""
    url: str | None = None
    fields: tuple[Field, ...] = ()
    footer: str | None = None
    colour: int = ANSWER_COLOUR
    citation: str | None = None
    source_url: str | None = None


@dataclass(frozen=True)
class Choice:
    """One entry of a select menu under an answer: what it shows, and what choosing it asks
    (a `checksum`: of a document's id, of an official's name)."""

    label: str
    value: str
    description: str | None = None
    default: bool = False  # shown as chosen: what the message shows now


MenuKind = Literal["speech", "official"]


@dataclass(frozen=True)
class Menu:
    """A select menu under an answer: "speech" opens one document's sentences of an official's
    speech (or their reported statements again), "official" one of several officials."""

    kind: MenuKind
    placeholder: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class Origin:
    """How to build an answer again: the command and the argument it was given (the cleaned
    question, the official's name), and what else it needs that the message does not show
    (`detail`: the checksum of a speech's document, an /ask answer's filters). Buttons carry
    it, so they work after a restart."""

    command: Command
    argument: str = ""
    detail: str = ""


def checksum(text: str) -> str:
    """Eight hex digits naming `text` in a button's id: whether a title still shows the
    argument the button was made for, which document or official a menu entry opens."""
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


@dataclass(frozen=True)
class QuoteShown:
    """A quote an answer shows, as its record in the database names it."""

    document_id: str
    document_title: str
    passage_id: int
    paragraph: int | None


@dataclass(frozen=True)
class Answer:
    """What the bot says in reply: one card per page; `ephemeral` for private replies.

    `origin` (when set) lets page buttons rebuild the answer; `menu` (when set) is shown under
    every page and opens one of its choices (a document's speech sentences, one of several
    officials).
    """

    pages: Sequence[Card]  # a tuple, or cards built when read (`bot.page_source`)
    ephemeral: bool = False
    found: bool = True  # False when the corpus had nothing for the request
    origin: Origin | None = None
    menu: Menu | None = None
    quotes: tuple[QuoteShown, ...] = ()  # what an /ask answer shows, for its record and votes
    language: str | None = None  # of lingnan's own words; its buttons' labels follow it

    def __post_init__(self) -> None:
        if not self.pages:
            raise ValueError("an answer has at least one page")


def card_length(card: Card) -> int:
    """The characters Discord counts toward an embed's 6000 total."""
    return (
        discord_len(card.title)
        + discord_len(card.description)
        + sum(discord_len(f.name) + discord_len(f.value) for f in card.fields)
        + discord_len(card.footer or "")
    )


def fit_card(card: Card) -> Card:
    """`card` held to every embed limit; clipping is markdown-safe (see `bot.markdown.clip`)."""
    title = clip(card.title, TITLE_LIMIT) or "\u2026"
    fields = tuple(
        Field(
            clip(f.name, FIELD_NAME_LIMIT) or "\u200b",
            clip(f.value, FIELD_VALUE_LIMIT) or "\u200b",
            f.inline,
        )
        for f in card.fields[:FIELD_COUNT_LIMIT]
    )
    fitted = replace(
        card,
        title=title,
        description=clip(card.description, DESCRIPTION_LIMIT),
        fields=fields,
        footer=clip(card.footer, FOOTER_LIMIT) if card.footer else None,
    )
    while card_length(fitted) > EMBED_TOTAL_LIMIT and fitted.fields:
        fitted = replace(fitted, fields=fitted.fields[:-1])
    excess = card_length(fitted) - EMBED_TOTAL_LIMIT
    if excess > 0:
        room = max(discord_len(fitted.description) - excess, 0)
        fitted = replace(fitted, description=clip(fitted.description, room))
    if fitted.source_url and len(fitted.source_url) > LINK_BUTTON_URL_LIMIT:
        fitted = replace(fitted, source_url=None)
    return fitted


def to_embed(card: Card) -> discord.Embed:
    """The card as a Discord embed."""
    embed = discord.Embed(
        title=card.title,
        url=card.url,
        description=card.description or None,
        colour=discord.Colour(card.colour),
    )
    for item in card.fields:
        embed.add_field(name=item.name, value=item.value, inline=item.inline)
    if card.footer:
        embed.set_footer(text=card.footer)
    return embed
