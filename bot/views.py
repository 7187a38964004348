"""Buttons that page through a multi-page answer; only the person who asked can press them."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any, ClassVar

import discord

from bot.formatting import (
    INTERNAL_ERROR_MESSAGE,
    NEXT_PAGE_LABEL,
    NOT_YOURS_MESSAGE,
    PREVIOUS_PAGE_LABEL,
    Card,
    page_indicator,
    to_embed,
)

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
PAGE_TIMEOUT_SECONDS = 300.0


class Paginator(discord.ui.View):
    """Previous / page n of m / next, for the asker only; the buttons go when it times out.

    Each paginator's buttons carry its own id (`lingnan:page:<id>:...`); `is_live` tells the
    client whether a pressed button still has a paginator behind it, so a stale one (from
    before a restart or a timeout) can be answered instead of left spinning.
    """

    CUSTOM_ID_PREFIX: ClassVar[str] = "lingnan:page:"
    _live: ClassVar[set[str]] = set()

    def __init__(
        self,
        pages: Sequence[Card],
        *,
        owner_id: int,
        timeout: float | None = PAGE_TIMEOUT_SECONDS,
    ) -> None:
        super().__init__(timeout=timeout)
        if len(pages) < 2:
            raise ValueError("a paginator needs at least two pages")
        self.pages = tuple(pages)
        self.owner_id = owner_id
        self.page = 0
        # set by the sender once the message exists, so on_timeout can take the buttons away
        self.message: discord.Message | discord.WebhookMessage | None = None
        self.interaction: discord.Interaction[Any] | None = None
        self.token = uuid.uuid4().hex
        for name, button in (
            ("previous", self.previous_page),
            ("page", self.indicator),
            ("next", self.next_page),
        ):
            button.custom_id = f"{self.CUSTOM_ID_PREFIX}{self.token}:{name}"
        Paginator._live.add(self.token)
        self._sync_buttons()

    @classmethod
    def is_live(cls, custom_id: str) -> bool:
        """Whether `custom_id` belongs to a paginator still waiting for presses."""
        if not custom_id.startswith(cls.CUSTOM_ID_PREFIX):
            return False
        token = custom_id.removeprefix(cls.CUSTOM_ID_PREFIX).split(":", 1)[0]
        return token in cls._live

    def stop(self) -> None:
        Paginator._live.discard(self.token)
        super().stop()

    @property
    def current(self) -> Card:
        return self.pages[self.page]

    def _sync_buttons(self) -> None:
        self.previous_page.disabled = self.page == 0
        self.next_page.disabled = self.page >= len(self.pages) - 1
        self.indicator.label = page_indicator(self.page, len(self.pages))

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            NOT_YOURS_MESSAGE, ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return False

    async def _show(self, interaction: discord.Interaction[Any], page: int) -> None:
        self.page = max(0, min(page, len(self.pages) - 1))
        self._sync_buttons()
        await interaction.response.edit_message(
            embed=to_embed(self.current), view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label=PREVIOUS_PAGE_LABEL, style=discord.ButtonStyle.secondary)
    async def previous_page(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self._show(interaction, self.page - 1)

    @discord.ui.button(
        label=page_indicator(0, 1), style=discord.ButtonStyle.secondary, disabled=True
    )
    async def indicator(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await interaction.response.defer()  # a label, never enabled; answered if it ever is

    @discord.ui.button(label=NEXT_PAGE_LABEL, style=discord.ButtonStyle.secondary)
    async def next_page(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self._show(interaction, self.page + 1)

    async def on_timeout(self) -> None:
        Paginator._live.discard(self.token)
        try:
            if self.message is not None:
                await self.message.edit(view=None, allowed_mentions=NO_MENTIONS)
            elif self.interaction is not None:
                await self.interaction.edit_original_response(
                    view=None, allowed_mentions=NO_MENTIONS
                )
        except discord.HTTPException as error:
            # Deleted message or expired token: nothing left to tidy, but keep a trace.
            log.info("could not remove the page buttons after timeout: %s", error)

    async def on_error(
        self,
        interaction: discord.Interaction[Any],
        error: Exception,
        item: discord.ui.Item[Any],
        /,
    ) -> None:
        log.error("page button %r failed", item, exc_info=error)
        if not interaction.response.is_done():
            await interaction.response.send_message(
                INTERNAL_ERROR_MESSAGE, ephemeral=True, allowed_mentions=NO_MENTIONS
            )


def paginator_for(pages: Sequence[Card], owner_id: int) -> Paginator | None:
    """A paginator when there is more than one page, else None (no buttons for one page)."""
    return Paginator(pages, owner_id=owner_id) if len(pages) > 1 else None
