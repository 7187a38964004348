"""Commands as a user can click them: `</ask:123>` once Discord has given the command its id.

Discord renders `</name:id>` as the command, and a click puts it in the user's message box. The
ids exist only after a sync; until then (and in the console) a command is written `/name`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Discord's markup for a command mention; the console shows it as "/name".
COMMAND_MENTION = re.compile(r"</([\w-]+(?: [\w-]+){0,2}):\d+>")


class CommandMentions:
    """Writes commands as mentions from the synced commands' ids; `/name` for unknown ones."""

    def __init__(self, ids: Mapping[str, int] | None = None) -> None:
        self._ids = dict(ids or {})

    def __call__(self, name: str) -> str:
        command_id = self._ids.get(name)
        return f"</{name}:{command_id}>" if command_id else f"/{name}"

    def __bool__(self) -> bool:
        return bool(self._ids)


PLAIN_COMMANDS = CommandMentions()


def mentions_as_plain(text: str) -> str:
    """`text` with every command mention written as `/name`, as a terminal shows it."""
    return COMMAND_MENTION.sub(lambda m: "/" + m.group(1), text)
