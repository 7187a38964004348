"""Files users attach to slash commands, served as Discord's CDN serves them.

A command option of type ATTACHMENT (11) carries only the attachment's id; the attachment itself
(filename, size, content type, `url`, `proxy_url`) is in the interaction's
`data.resolved.attachments`, and the bot downloads the bytes from `url` without its token
(discord.py's `Attachment.read()`). Here `url` points at this server's
`/ephemeral-attachments/{command id}/{attachment id}/{filename}`, as Discord's CDN names files
attached to a command; an unknown id answers 404, as the CDN does for an expired link.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from aiohttp import web

ATTACHMENT_OPTION = 11  # Discord's ApplicationCommandOptionType.ATTACHMENT
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024  # what a user without Nitro may upload (interaction's
# `attachment_size_limit`); Discord's client refuses bigger files before sending anything
CDN_ROUTE = "/ephemeral-attachments/{command_id}/{attachment_id}/{filename}"


@dataclass(frozen=True)
class FakeAttachment:
    """A file a user attaches: its name exactly as the user's client sends it, and its bytes.

    Discord keeps the name as uploaded apart from a few characters; a bot must not rely on it
    being a plain name, so the fake sends it as given (a path, a leading dot, any script).
    """

    filename: str
    data: bytes
    content_type: str | None = None  # None: guessed from the name, as Discord does


class FakeCdn:
    """The attachments users sent, by id, and every download the bot made of one."""

    def __init__(self, base_url: Callable[[], str], snowflake: Callable[[], str]) -> None:
        self._base_url = base_url
        self._snowflake = snowflake
        self.files: dict[str, FakeAttachment] = {}
        self.downloads: list[str] = []  # attachment ids, in the order the bot fetched them

    def attach(self, attachment: FakeAttachment, command_id: str) -> dict[str, Any]:
        """Store ``attachment`` and return the attachment object `resolved` carries."""
        attachment_id = self._snowflake()
        self.files[attachment_id] = attachment
        content_type = attachment.content_type or mimetypes.guess_type(attachment.filename)[0]
        path = f"/ephemeral-attachments/{command_id}/{attachment_id}/"
        url = f"{self._base_url()}{path}{quote(attachment.filename, safe='')}"
        payload: dict[str, Any] = {
            "id": attachment_id,
            "filename": attachment.filename,
            "size": len(attachment.data),
            "url": url,
            "proxy_url": url,
            "ephemeral": True,
        }
        if content_type:
            payload["content_type"] = content_type
        return payload

    async def serve(self, request: web.Request) -> web.Response:
        attachment_id = request.match_info["attachment_id"]
        attachment = self.files.get(attachment_id)
        self.downloads.append(attachment_id)
        if attachment is None:
            return web.Response(status=404, text="404: Not Found")
        content_type = attachment.content_type or "application/octet-stream"
        return web.Response(body=attachment.data, headers={"Content-Type": content_type})
