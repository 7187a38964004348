"""What the fake saw: recorded REST requests, and the checks tests make on what the bot sent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Discord's mention syntax: the tokens in a message's content that can ping someone.
_PING_PATTERN = re.compile(r"@everyone|@here|<@!?\d+>|<@&\d+>")


@dataclass
class RecordedRequest:
    """One REST request as the fake received it, with its JSON body parsed."""

    method: str
    path: str  # relative to the API base, e.g. "/interactions/1/abc/callback"
    route: str  # the route template that matched, e.g. "POST /interactions/{id}/{token}/callback"
    query: dict[str, str]
    headers: dict[str, str]
    json: Any  # parsed JSON body (payload_json for multipart), None when there was none
    files: list[dict[str, Any]]  # multipart file parts: name, filename, size, data
    at: float  # loop.time() when received
    params: dict[str, str] = field(default_factory=dict)  # the route's path parameters
    status: int = 0  # what the fake answered
    response: Any = None
    injected_fault: bool = False  # answered by fault injection (429/500), not by the route

    @property
    def unknown(self) -> bool:
        return self.route == "UNKNOWN"

    def message_body(self) -> dict[str, Any] | None:
        """The message this request creates or edits, or None when it carries none."""
        body = self.json
        if not isinstance(body, dict):
            return None
        if self.route.endswith("/callback"):
            if body.get("type") == 9:
                return None  # a form (modal): its components are fields, not a message
            body = body.get("data")
            if not isinstance(body, dict):
                return None
        if any(key in body for key in ("content", "embeds", "components")):
            return body
        return None

    def __repr__(self) -> str:
        return f"<{self.method} {self.path} -> {self.status}>"


def blocks_every_ping(body: dict[str, Any]) -> bool:
    """Whether a body's allowed_mentions stops every ping (without one, Discord allows them)."""
    allowed = body.get("allowed_mentions")
    if not isinstance(allowed, dict):
        return False
    return (
        allowed.get("parse") == []
        and not allowed.get("users")
        and not allowed.get("roles")
        and not allowed.get("replied_user", False)
    )


def ping_tokens(text: str) -> list[str]:
    """The mention tokens in `text` that Discord would turn into pings if allowed."""
    return _PING_PATTERN.findall(text)


def message_text(message: dict[str, Any]) -> str:
    """Everything a reader sees in a message or message body: content, embeds, button labels."""
    parts: list[str] = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts.append(embed.get("title") or "")
        parts.append(embed.get("description") or "")
        parts.append((embed.get("author") or {}).get("name") or "")
        for embed_field in embed.get("fields") or []:
            parts.append(embed_field.get("name") or "")
            parts.append(embed_field.get("value") or "")
        parts.append((embed.get("footer") or {}).get("text") or "")
        parts.append(embed.get("url") or "")
    for label in button_labels(message):
        parts.append(label)
    return "\n".join(part for part in parts if part)


def iter_components(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every component in a message, flattened out of action rows and containers."""
    found: list[dict[str, Any]] = []
    stack = list(message.get("components") or [])
    while stack:
        component = stack.pop(0)
        found.append(component)
        stack.extend(component.get("components") or [])
        if isinstance(component.get("accessory"), dict):
            stack.append(component["accessory"])
    return found


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in iter_components(message) if c.get("type") == 2]


def selects(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The message's string select menus."""
    return [c for c in iter_components(message) if c.get("type") == 3]


def select_problems(menu: dict[str, Any]) -> list[str]:
    """Why Discord would refuse a string select menu (its documented limits), or []."""
    problems: list[str] = []
    custom_id = menu.get("custom_id") or ""
    if not 1 <= len(custom_id) <= 100:
        problems.append(f"select custom_id {custom_id[:20]!r} must be 1-100 characters")
    if len(menu.get("placeholder") or "") > 150:
        problems.append("select placeholder longer than 150")
    options = menu.get("options") or []
    if not 1 <= len(options) <= 25:
        problems.append(f"select has {len(options)} options (1-25)")
    values = [o.get("value") for o in options]
    if len(set(values)) != len(values):
        problems.append("select option values repeat")
    for option in options:
        for key in ("label", "value"):
            if not 1 <= len(option.get(key) or "") <= 100:
                problems.append(f"select option {key} {option.get(key)!r} must be 1-100 characters")
        if len(option.get("description") or "") > 100:
            problems.append("select option description longer than 100")
    if sum(1 for o in options if o.get("default")) > max(1, int(menu.get("max_values") or 1)):
        problems.append("more default options than the menu lets one choose")
    return problems


def button_labels(message: dict[str, Any]) -> list[str]:
    return [b.get("label") or "" for b in buttons(message)]


def embed_length(embed: dict[str, Any]) -> int:
    """Characters counted against Discord's 6000 limit for one embed."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for embed_field in embed.get("fields") or []:
        total += len(embed_field.get("name") or "") + len(embed_field.get("value") or "")
    return total


def limit_violations(body: dict[str, Any]) -> list[str]:
    """Where a message body breaks Discord's documented size limits (Discord would answer 400)."""
    problems: list[str] = []
    if len(body.get("content") or "") > 2000:
        problems.append(f"content has {len(body['content'])} > 2000 characters")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        problems.append(f"{len(embeds)} > 10 embeds")
    if sum(embed_length(e) for e in embeds) > 6000:
        problems.append("embeds total more than 6000 characters")
    for number, embed in enumerate(embeds, start=1):
        checks = [
            ("title", len(embed.get("title") or ""), 256),
            ("description", len(embed.get("description") or ""), 4096),
            ("footer", len((embed.get("footer") or {}).get("text") or ""), 2048),
            ("author", len((embed.get("author") or {}).get("name") or ""), 256),
            ("fields", len(embed.get("fields") or []), 25),
        ]
        for embed_field in embed.get("fields") or []:
            checks.append(("field name", len(embed_field.get("name") or ""), 256))
            checks.append(("field value", len(embed_field.get("value") or ""), 1024))
            if not (embed_field.get("name") or "").strip():
                problems.append(f"embed {number}: empty field name")
            if not (embed_field.get("value") or "").strip():
                problems.append(f"embed {number}: empty field value")
        for what, size, limit in checks:
            if size > limit:
                problems.append(f"embed {number}: {what} {size} > {limit}")
    for button in buttons(body):
        if len(button.get("label") or "") > 80:
            problems.append("button label longer than 80")
        if len(button.get("custom_id") or "") > 100:
            problems.append("custom_id longer than 100")
    for menu in selects(body):
        problems += select_problems(menu)
    return problems
