"""What a user typed, made fit to search and to echo back.

Discord delivers questions with its own markup in them (`<@123>` when a user is mentioned, `<#456>`
for a channel, `<:name:789>` for a custom emoji, `<t:1700000000>` for a timestamp): the search
would read the ids as words the corpus lacks, and its relevance floor would then refuse the whole
question. Pasted text brings invisible characters (zero-width spaces inside a word, direction
marks, a byte-order mark) that split or hide words, control characters, and from a broken client
or undecodable console input, lone surrogates that no encoder accepts.
"""

from __future__ import annotations

import regex

# User, role and channel mentions, custom emoji, timestamps, slash-command mentions, guild links,
# and @everyone / @here (a ping attempt, not a question about "everyone").
_DISCORD_MARKUP = regex.compile(
    r"<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::[tTdDfFsSR])?|/[\w -]+:\d+|id:\w+)>"
    r"|(?<!\S)@(?:everyone|here)(?!\w)"
)
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# A zero-width joiner between pictographs builds one emoji (👨‍👩‍👧) and stays; anywhere else it,
# like every other format character (zero-width space, direction marks, BOM), is dropped.
_FORMAT = regex.compile(
    r"(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f])\u200d"
    r"(?=\p{Extended_Pictographic})|(?P<drop>\p{Cf})"
)
# Terminal escape sequences (colours pasted from a terminal; a window title or a cursor move
# planted in a document): CSI, OSC, DCS and the like up to their terminator (or the line's end),
# and two-character ESC sequences. (C1 controls are single characters, removed with the rest.)
TERMINAL_ESCAPE = regex.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]"
)
_CONTROL = regex.compile(r"\p{Cc}")


def clean_user_text(text: str) -> str:
    """`text` without Discord markup, control, invisible or broken characters, on one line."""
    text = _SURROGATE.sub("", text)
    text = _DISCORD_MARKUP.sub(" ", text)
    text = _FORMAT.sub(lambda m: "" if m.group("drop") else m.group(0), text)
    text = TERMINAL_ESCAPE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())
