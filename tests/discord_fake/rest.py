"""The fake's REST API: Discord's routes for a bot, its answers and its refusals, and faults."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.discord_fake.handles import (
    AUTOCOMPLETE_RESULT,
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE_MESSAGE,
    MODAL,
    PONG,
    UPDATE_MESSAGE,
    InteractionHandle,
)
from tests.discord_fake.payloads import (
    MESSAGE_FLAG_EPHEMERAL,
    MESSAGE_FLAG_LOADING,
    FakeChannel,
    application_payload,
    apply_edit,
    message_payload,
)
from tests.discord_fake.records import RecordedRequest
from tests.discord_fake.routes import (
    API_PREFIX,
    APPLICATION,
    CALLBACK,
    CHANNEL_MESSAGE_CREATE,
    CHANNEL_MESSAGE_DELETE,
    CHANNEL_MESSAGE_EDIT,
    CHANNEL_MESSAGE_GET,
    CHANNEL_TYPING,
    GATEWAY,
    GATEWAY_BOT,
    GLOBAL_COMMANDS_GET,
    GLOBAL_COMMANDS_PUT,
    GUILD_COMMANDS_GET,
    GUILD_COMMANDS_PUT,
    ME,
    TOKENLESS_PREFIXES,
    WEBHOOK_EXECUTE,
    WEBHOOK_MESSAGE_DELETE,
    WEBHOOK_MESSAGE_EDIT,
    WEBHOOK_MESSAGE_GET,
    template_regex,
)
from tests.discord_fake.validation import (
    autocomplete_problems,
    command_problems,
    message_problems,
)

if TYPE_CHECKING:
    from tests.discord_fake.server import FakeDiscord

log = logging.getLogger("tests.discord_fake.rest")

Handler = Callable[[RecordedRequest], Awaitable[tuple[int, Any]]]


class DiscordError(Exception):
    """Raised inside a route handler: answered as Discord's JSON error body."""

    def __init__(self, status: int, code: int, message: str, errors: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"message": message, "code": code}
        if errors is not None:
            self.body["errors"] = errors


@dataclass
class Fault:
    """Answer the next `times` requests to `route` with `status` instead of serving them."""

    route: str
    status: int
    times: int
    retry_after: float = 0.2
    is_global: bool = False


class FakeRest:
    """Serves API_PREFIX for a FakeDiscord, whose state (messages, interactions, commands) it
    reads and changes; records every request in `fake.requests`."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.faults: list[Fault] = []
        self._routes: list[tuple[str, str, re.Pattern[str], Handler]] = []
        self._register_routes()

    def _take_fault(self, route: str) -> Fault | None:
        for fault in self.faults:
            if fault.route == route and fault.times > 0:
                fault.times -= 1
                return fault
        return None

    def _fault_response(self, fault: Fault) -> web.Response:
        if fault.status == 429:
            body = {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": fault.is_global,
            }
            headers = {
                "Retry-After": str(math.ceil(fault.retry_after)),
                "X-RateLimit-Scope": "global" if fault.is_global else "user",
            }
            if fault.is_global:
                headers["X-RateLimit-Global"] = "true"
            return self._json(429, body, headers)
        return self._json(fault.status, {"message": f"{fault.status}: Server Error", "code": 0})

    # ================================================================= REST plumbing

    def _route(self, template: str, handler: Handler) -> None:
        method, path = template.split(" ", 1)
        self._routes.append((template, method, template_regex(path), handler))

    def _register_routes(self) -> None:
        self._route(ME, self._get_me)
        self._route(APPLICATION, self._get_application)
        self._route(GATEWAY, self._get_gateway)
        self._route(GATEWAY_BOT, self._get_gateway_bot)
        self._route(GLOBAL_COMMANDS_PUT, self._put_commands)
        self._route(GLOBAL_COMMANDS_GET, self._get_commands)
        self._route(GUILD_COMMANDS_PUT, self._put_commands)
        self._route(GUILD_COMMANDS_GET, self._get_commands)
        self._route(CALLBACK, self._interaction_callback)
        self._route(WEBHOOK_EXECUTE, self._webhook_execute)
        self._route(WEBHOOK_MESSAGE_GET, self._webhook_message)
        self._route(WEBHOOK_MESSAGE_EDIT, self._webhook_message)
        self._route(WEBHOOK_MESSAGE_DELETE, self._webhook_message)
        self._route(CHANNEL_MESSAGE_CREATE, self._channel_message_create)
        self._route(CHANNEL_MESSAGE_GET, self._channel_message)
        self._route(CHANNEL_MESSAGE_EDIT, self._channel_message)
        self._route(CHANNEL_MESSAGE_DELETE, self._channel_message)
        self._route(CHANNEL_TYPING, self._typing)

    @staticmethod
    def _json(status: int, payload: Any, headers: dict[str, str] | None = None) -> web.Response:
        # Exactly "application/json": discord.py parses JSON only for that header value, and
        # aiohttp's json_response would append "; charset=utf-8".
        all_headers = {"Content-Type": "application/json", "Via": "1.1 google"}
        all_headers.update(headers or {})
        body = json.dumps(payload, ensure_ascii=False).encode()
        return web.Response(status=status, body=body, headers=all_headers)

    async def _read_body(self, request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
        if request.content_type == "multipart/form-data":
            body: Any = None
            files: list[dict[str, Any]] = []
            reader = await request.multipart()
            async for part in reader:
                raw = await part.read()  # type: ignore[union-attr]
                if part.name == "payload_json":  # type: ignore[union-attr]
                    body = json.loads(raw)
                else:
                    files.append(
                        {
                            "name": part.name,  # type: ignore[union-attr]
                            "filename": part.filename,  # type: ignore[union-attr]
                            "size": len(raw),
                            "data": bytes(raw),  # what the user would download
                        }
                    )
            return body, files
        raw_text = await request.text()
        if not raw_text:
            return None, []
        if request.content_type == "application/json":
            return json.loads(raw_text), []
        return raw_text, []

    async def serve(self, request: web.Request) -> web.StreamResponse:
        """Record the request, then answer it: a fault, a refusal, or the route's answer."""
        path = request.path[len(API_PREFIX) :]
        body, files = await self._read_body(request)
        record = RecordedRequest(
            method=request.method,
            path=path,
            route="UNKNOWN",
            query=dict(request.query),
            headers=dict(request.headers),
            json=body,
            files=files,
            at=asyncio.get_running_loop().time(),
        )
        for template, method, regex, _handler in self._routes:
            matched = regex.match(path)
            if method == request.method and matched:
                record.route = template
                record.params = matched.groupdict()
                break
        self.fake.requests.append(record)
        try:
            response = await self._answer(request, record)
        except Exception:
            log.exception("fake Discord failed on %s %s", request.method, path)
            record.status = 500
            response = self._json(500, {"message": "fake Discord crashed", "code": 0})
        self.fake.notify()
        return response

    async def _answer(self, request: web.Request, record: RecordedRequest) -> web.Response:
        if record.unknown:
            record.status = 404
            record.response = {"message": "404: Not Found", "code": 0}
            return self._json(404, record.response)
        authorised = request.headers.get("Authorization") == f"Bot {self.fake.token}"
        if not record.path.startswith(TOKENLESS_PREFIXES) and not authorised:
            record.status = 401
            record.response = {"message": "401: Unauthorized", "code": 0}
            return self._json(401, record.response)
        fault = self._take_fault(record.route)
        if fault is not None:
            record.status = fault.status
            record.injected_fault = True
            return self._fault_response(fault)
        handler = next(h for t, _, _, h in self._routes if t == record.route)
        try:
            status, payload = await handler(record)
        except DiscordError as error:
            status, payload = error.status, error.body
        record.status = status
        record.response = payload
        if status == 204 or payload is None:
            record.status = 204
            return web.Response(status=204, headers={"Via": "1.1 google"})
        return self._json(status, payload)

    def _check_message(self, body: dict[str, Any] | None, *, creating: bool) -> None:
        if not self.fake.enforce_limits:
            return
        problems = message_problems(body, creating=creating)
        if problems:
            raise DiscordError(400, 50035, "Invalid Form Body", problems)

    # ================================================================= REST: login, gateway

    async def _get_me(self, record: RecordedRequest) -> tuple[int, Any]:
        extra = {"verified": True, "mfa_enabled": False, "flags": 0}
        return 200, self.fake.bot_user.to_user() | extra

    async def _get_application(self, record: RecordedRequest) -> tuple[int, Any]:
        fake = self.fake
        return 200, application_payload(fake.application_id, fake.bot_user, fake.owner)

    async def _get_gateway(self, record: RecordedRequest) -> tuple[int, Any]:
        return 200, {"url": self.fake.gateway_url}

    async def _get_gateway_bot(self, record: RecordedRequest) -> tuple[int, Any]:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        shards = self.fake.shard_count  # the count Discord recommends, which the fake is set for
        return 200, {"url": self.fake.gateway_url, "shards": shards, "session_start_limit": limit}

    # ================================================================= REST: commands

    def _scope(self, record: RecordedRequest) -> str:
        if record.params.get("application_id") != self.fake.application_id:
            raise DiscordError(403, 50001, "Missing Access")
        guild_id = record.params.get("guild_id")
        if guild_id is None:
            return "global"
        if self.fake.guild_by_id(guild_id) is None:
            raise DiscordError(403, 50001, "Missing Access")
        return guild_id

    async def _put_commands(self, record: RecordedRequest) -> tuple[int, Any]:
        scope = self._scope(record)
        problems = command_problems(record.json)
        if problems:
            raise DiscordError(400, 50035, "Invalid Form Body", problems)
        previous = {c["name"]: c for c in self.fake.commands.get(scope, [])}
        stored: list[dict[str, Any]] = []
        for command in record.json:
            saved = {
                "type": 1,
                "description": "",  # what Discord answers for a context menu
                "default_member_permissions": None,
                "nsfw": False,
                "options": [],
                **command,
                "id": previous.get(command["name"], {}).get("id") or self.fake.snowflake(),
                "application_id": self.fake.application_id,
                "version": self.fake.snowflake(),
            }
            if saved["default_member_permissions"] is not None:
                # Discord answers permission bitsets as strings, whatever the client sent.
                saved["default_member_permissions"] = str(saved["default_member_permissions"])
            if scope != "global":
                saved["guild_id"] = scope
            stored.append(saved)
        self.fake.commands[scope] = stored
        return 200, stored

    async def _get_commands(self, record: RecordedRequest) -> tuple[int, Any]:
        return 200, self.fake.commands.get(self._scope(record), [])

    # ================================================================= REST: interactions

    def _interaction_for_callback(self, record: RecordedRequest) -> InteractionHandle:
        handle = self.fake.interactions.get(record.params["interaction_id"])
        if handle is None or handle.token != record.params["token"]:
            raise DiscordError(404, 10062, "Unknown interaction")
        return handle

    async def _interaction_callback(self, record: RecordedRequest) -> tuple[int, Any]:
        handle = self._interaction_for_callback(record)
        try:
            return await self._accept_callback(handle, record)
        except DiscordError:
            handle.rejected_callbacks.append(record)
            raise

    async def _accept_callback(
        self, handle: InteractionHandle, record: RecordedRequest
    ) -> tuple[int, Any]:
        if handle.callbacks:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        deadline = self.fake.response_deadline
        if deadline is not None and record.at - handle.dispatched_at > deadline:
            raise DiscordError(404, 10062, "Unknown interaction")
        body = record.json if isinstance(record.json, dict) else {}
        kind = body.get("type")
        allowed = {
            2: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, MODAL},
            3: {
                CHANNEL_MESSAGE,
                DEFERRED_CHANNEL_MESSAGE,
                DEFERRED_UPDATE_MESSAGE,
                UPDATE_MESSAGE,
                MODAL,
            },
            4: {AUTOCOMPLETE_RESULT},
            5: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE},
        }.get(handle.type, {PONG})
        if kind not in allowed:
            raise DiscordError(400, 50035, "Invalid Form Body", [f"bad response type {kind}"])
        data = body.get("data") or {}
        now = record.at
        message: dict[str, Any] | None = None
        if kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            self._check_message(data if kind == CHANNEL_MESSAGE else None, creating=True)
            flags = int(data.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
            if kind == DEFERRED_CHANNEL_MESSAGE:
                flags |= MESSAGE_FLAG_LOADING
            message = self._create_message(
                handle.payload["channel_id"], data | {"flags": flags}, interaction=handle
            )
            handle.original_message_id = message["id"]
            if kind == CHANNEL_MESSAGE:
                handle.replied_at = now
        elif kind in (UPDATE_MESSAGE, DEFERRED_UPDATE_MESSAGE):
            target_id = (handle.payload.get("message") or {}).get("id")
            if target_id not in self.fake.messages:
                raise DiscordError(404, 10008, "Unknown Message")
            handle.original_message_id = target_id
            if kind == UPDATE_MESSAGE:
                self._check_message(data, creating=False)
                message = self._edit_message(target_id, data)
                handle.replied_at = now
            else:
                message = self.fake.messages[target_id]
        elif kind == AUTOCOMPLETE_RESULT:
            if self.fake.enforce_limits:
                problems = autocomplete_problems(data)
                if problems:
                    raise DiscordError(400, 50035, "Invalid Form Body", problems)
            handle.replied_at = now
        elif kind == MODAL:
            handle.replied_at = now
        handle.callbacks.append(record)
        if record.query.get("with_response", "").lower() not in ("1", "true"):
            return 204, None
        response: dict[str, Any] = {
            "interaction": {
                "id": handle.id,
                "type": handle.type,
                "response_message_id": handle.original_message_id,
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(
                    message and int(message.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
                ),
            }
        }
        if message is not None and kind != DEFERRED_UPDATE_MESSAGE:
            response["resource"] = {"type": kind, "message": message}
        return 200, response

    def _create_message(
        self,
        channel_id: str,
        body: dict[str, Any],
        *,
        interaction: InteractionHandle | None = None,
    ) -> dict[str, Any]:
        metadata = None
        guild = self.fake.guild_with_channel(channel_id)
        guild_id = guild.id if guild is not None else None
        if interaction is not None:
            payload = interaction.payload
            # In a DM or a group DM the user comes as `user`, and there is no guild.
            user = payload["member"]["user"] if "member" in payload else payload["user"]
            guild_id = payload.get("guild_id")
            metadata = {
                "id": interaction.id,
                "type": interaction.type,
                "user": user,
                "authorizing_integration_owners": payload["authorizing_integration_owners"],
            }
        message = message_payload(
            message_id=self.fake.snowflake(),
            channel_id=channel_id,
            guild_id=guild_id,
            author=self.fake.bot_user.to_user(),
            body=body,
            message_type=19 if body.get("message_reference") else 0,
            application_id=self.fake.application_id if interaction else None,
            webhook_id=self.fake.application_id if interaction else None,
            interaction_metadata=metadata,
        )
        self.fake.messages[message["id"]] = message
        return message

    def _edit_message(self, message_id: str, body: dict[str, Any]) -> dict[str, Any]:
        edited = apply_edit(self.fake.messages[message_id], body)
        edited["flags"] = int(edited.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
        self.fake.messages[message_id] = edited
        return edited

    # ================================================================= REST: webhooks

    def _interaction_for_webhook(self, record: RecordedRequest) -> InteractionHandle:
        handle = self.fake.interactions_by_token.get(record.params["token"])
        if record.params["application_id"] != self.fake.application_id or handle is None:
            raise DiscordError(404, 10015, "Unknown Webhook")
        if not handle.callbacks:
            # Discord only opens the interaction webhook once the interaction is acknowledged.
            raise DiscordError(404, 10015, "Unknown Webhook")
        return handle

    async def _webhook_execute(self, record: RecordedRequest) -> tuple[int, Any]:
        handle = self._interaction_for_webhook(record)
        body = record.json if isinstance(record.json, dict) else {}
        self._check_message(body, creating=True)
        flags = int(body.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
        original = self.fake.messages.get(handle.original_message_id or "")
        if original is not None and int(original.get("flags") or 0) & MESSAGE_FLAG_LOADING:
            # Discord: the first follow-up after a deferral fills in the "thinking..." message,
            # which keeps the visibility the deferral chose, whatever flags the follow-up asks.
            kept = int(original["flags"]) & MESSAGE_FLAG_EPHEMERAL
            if kept != flags:
                handle.ignored_followup_flags.append(record)
            message = apply_edit(original, body) | {"flags": kept, "edited_timestamp": None}
            self.fake.messages[message["id"]] = message
        else:
            message = self._create_message(
                handle.payload["channel_id"], body | {"flags": flags}, interaction=handle
            )
        handle.followup_ids.append(message["id"])
        if handle.replied_at is None:
            handle.replied_at = record.at
        if record.query.get("wait", "").lower() in ("1", "true"):
            return 200, message
        return 204, None

    async def _webhook_message(self, record: RecordedRequest) -> tuple[int, Any]:
        handle = self._interaction_for_webhook(record)
        message_id = record.params["message_id"]
        if message_id == "@original":
            message_id = handle.original_message_id or ""
        if message_id not in self.fake.messages or (
            message_id != handle.original_message_id and message_id not in handle.followup_ids
        ):
            raise DiscordError(404, 10008, "Unknown Message")
        if record.method == "GET":
            return 200, self.fake.messages[message_id]
        if record.method == "DELETE":
            self.fake.deleted_messages[message_id] = self.fake.messages.pop(message_id)
            return 204, None
        body = record.json if isinstance(record.json, dict) else {}
        self._check_message(body, creating=False)
        was_loading = int(self.fake.messages[message_id].get("flags") or 0) & MESSAGE_FLAG_LOADING
        candidate = apply_edit(self.fake.messages[message_id], body)
        if was_loading and not (candidate.get("content") or candidate.get("embeds")):
            raise DiscordError(400, 50006, "Cannot send an empty message")
        edited = self._edit_message(message_id, body)
        handle.edits.append(record)
        if handle.replied_at is None:
            handle.replied_at = record.at
        return 200, edited

    # ================================================================= REST: channels

    async def _channel_message_create(self, record: RecordedRequest) -> tuple[int, Any]:
        channel = self._channel(record)
        body = record.json if isinstance(record.json, dict) else {}
        self._check_message(body, creating=True)
        reference = body.get("message_reference") or {}
        referenced = reference.get("message_id")
        known = str(referenced) in self.fake.user_messages or str(referenced) in self.fake.messages
        if referenced and not known and reference.get("fail_if_not_exists", True):
            raise DiscordError(400, 50035, "Invalid Form Body", ["Unknown message"])
        message = self._create_message(channel.id, body)
        handle = self.fake.mentions.get(str(referenced)) if referenced else None
        if handle is not None:
            handle.reply_ids.append(message["id"])
            if handle.replied_at is None:
                handle.replied_at = record.at
        return 200, message

    def _channel(self, record: RecordedRequest) -> FakeChannel:
        guild = self.fake.guild_with_channel(record.params["channel_id"])
        if guild is None:
            raise DiscordError(404, 10003, "Unknown Channel")
        return guild.channel(record.params["channel_id"])

    async def _channel_message(self, record: RecordedRequest) -> tuple[int, Any]:
        channel = self._channel(record)
        message_id = record.params["message_id"]
        message = self.fake.messages.get(message_id) or self.fake.user_messages.get(message_id)
        if message is None or message["channel_id"] != channel.id:
            raise DiscordError(404, 10008, "Unknown Message")
        if record.method == "GET":
            return 200, message
        if message_id not in self.fake.messages:
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        if record.method == "DELETE":
            self.fake.deleted_messages[message_id] = self.fake.messages.pop(message_id)
            return 204, None
        body = record.json if isinstance(record.json, dict) else {}
        self._check_message(body, creating=False)
        return 200, self._edit_message(message_id, body)

    async def _typing(self, record: RecordedRequest) -> tuple[int, Any]:
        self._channel(record)
        return 204, None
