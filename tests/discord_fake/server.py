"""A local Discord for end-to-end tests: REST + gateway on 127.0.0.1 for the real discord.py client.

`FakeDiscord` serves the routes a bot uses, records every request with its parsed JSON body,
answers like Discord does (including its 400s for oversized or empty messages), and lets a test
play the users: slash commands, autocomplete, button presses and @mentions, plus faults on both
the REST API and the gateway. It may hold several guilds spread over `shard_count` shards, whose
events each go to the gateway session of their shard only. Start it with
`async with FakeDiscord() as fake:`; while it runs, discord.py's REST base and default gateway
point at it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any, ClassVar

import discord.gateway
import discord.http
import yarl
from aiohttp import web

from tests.discord_fake.cdn import (
    ATTACHMENT_OPTION,
    ATTACHMENT_SIZE_LIMIT,
    CDN_ROUTE,
    FakeAttachment,
    FakeCdn,
)
from tests.discord_fake.gateway import INTENT_MESSAGE_CONTENT, FakeGateway
from tests.discord_fake.guilds import new_guild
from tests.discord_fake.handles import MODAL, InteractionHandle, MessageHandle
from tests.discord_fake.payloads import (
    BOT_PERMISSIONS,
    CHANNEL_OPTION,
    MEMBER_PERMISSIONS,
    OWNER_PERMISSIONS,
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
    SnowflakeFactory,
    message_payload,
    new_token,
)
from tests.discord_fake.records import RecordedRequest, blocks_every_ping, buttons, selects
from tests.discord_fake.rest import FakeRest, Fault
from tests.discord_fake.routes import API_PREFIX, MESSAGE_ROUTES
from tests.discord_fake.validation import option_value_problem

log = logging.getLogger("tests.discord_fake")


class WaitTimeout(AssertionError):
    """A bounded wait ran out: the thing the test waited for never happened."""


class FakeDiscord:
    """A local Discord (REST + gateway) that the unmodified discord.py client talks to."""

    _running: ClassVar[FakeDiscord | None] = None

    def __init__(
        self,
        *,
        heartbeat_interval: float = 1.0,
        enforce_limits: bool = True,
        response_deadline: float | None = None,
        compress: bool = False,
        shard_count: int = 1,
    ) -> None:
        """`heartbeat_interval`: seconds (Discord uses ~41). `enforce_limits`: answer 400 where
        Discord would. `response_deadline`: expire interactions not acknowledged in time (Discord:
        3 s). `compress`: honour the client's `compress=zlib-stream` with binary frames.
        `shard_count`: the shards GET /gateway/bot recommends; `guild` is on shard 0, and
        `add_guild(name, shard=)` adds others."""
        if shard_count < 1:
            raise ValueError("shard_count: at least 1")
        self.shard_count = shard_count
        self.snowflake = SnowflakeFactory()
        self.token = f"fake.{new_token()}"
        self.enforce_limits = enforce_limits
        self.response_deadline = response_deadline
        self.compress = compress
        self.application_id = self.snowflake()
        self.bot_role = FakeRole(
            id=self.snowflake(), name="lingnan", position=2, bot_id=self.application_id
        )
        self.bot_user = FakeUser(
            id=self.application_id, username="lingnan", bot=True, roles=[self.bot_role.id]
        )
        self.owner = FakeUser(id=self.snowflake(), username="owner", permissions=OWNER_PERMISSIONS)
        self.guild = new_guild(
            self.snowflake,
            name="Fake Guild",
            owner=self.owner,
            members=[self.owner, self.bot_user],
            bot_role=self.bot_role,
            shard_count=shard_count,
        )
        self.guilds: list[FakeGuild] = [self.guild]  # the guilds the bot is in
        # Places a user install reaches: a server without the bot, DMs, a group DM.
        self.foreign_guild_id = self.snowflake()
        self.foreign_channel_id = self.snowflake()
        self.group_dm_id = self.snowflake()
        self._dm_channels: dict[str, str] = {}
        self.alice = self.add_user("alice")
        self.bob = self.add_user("bob")

        self.requests: list[RecordedRequest] = []
        self.messages: dict[str, dict[str, Any]] = {}  # every message the bot has, by id
        self.deleted_messages: dict[str, dict[str, Any]] = {}
        self.user_messages: dict[str, dict[str, Any]] = {}  # MESSAGE_CREATEs the fake sent
        self.message_texts: dict[str, str] = {}  # their content, whether or not the bot saw it
        self.interactions: dict[str, InteractionHandle] = {}
        self.mentions: dict[str, MessageHandle] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" or a guild id -> commands

        self.cdn = FakeCdn(lambda: f"http://127.0.0.1:{self.port}", self.snowflake)
        self.gateway = FakeGateway(self, heartbeat_interval)
        self.interactions_by_token: dict[str, InteractionHandle] = {}
        self.rest = FakeRest(self)
        self._runner: web.AppRunner | None = None
        self.port: int = 0
        self._changed = asyncio.Event()
        self._saved_base: str | None = None
        self._saved_gateway: yarl.URL | None = None

    # ================================================================= lifecycle

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway-resume"

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1 and point discord.py at it."""
        if FakeDiscord._running is not None:
            raise RuntimeError("a FakeDiscord is already running (discord.py's URLs are global)")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/gateway-resume", self.gateway.handle)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self.rest.serve)
        app.router.add_get(CDN_ROUTE, self.cdn.serve)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=2.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]  # port 0: the system picked a free one
        FakeDiscord._running = self
        self._saved_base = discord.http.Route.BASE
        self._saved_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.base_url
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)

    async def stop(self) -> None:
        """Close every connection, free the port and restore discord.py's URLs."""
        try:
            await self.gateway.close_all()
            if self._runner is not None:
                await self._runner.cleanup()
                self._runner = None
        finally:
            if FakeDiscord._running is self:
                discord.http.Route.BASE = self._saved_base  # type: ignore[assignment]
                discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._saved_gateway  # type: ignore[assignment]
                FakeDiscord._running = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ================================================================= waiting

    def notify(self) -> None:
        """Wake every wait_until: something was recorded."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], Any], timeout: float, what: str) -> Any:
        """Wait (at most `timeout` seconds) until `predicate()` is truthy; returns its value."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise WaitTimeout(f"waited {timeout:.1f}s for {what}; {self.summary()}")
            changed = self._changed
            # Re-check at least every 0.25 s: predicates may depend on state outside the fake.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), timeout=min(remaining, 0.25))

    async def wait_identified(self, timeout: float = 10.0) -> None:
        """Until a client has identified and received READY and GUILD_CREATE."""
        await self.wait_until(
            lambda: self.gateway.session is not None and self.gateway.live_connection,
            timeout,
            "the client to identify",
        )

    async def wait_commands(self, scope: str | None = None, timeout: float = 10.0) -> list[dict]:
        """The commands synced to `scope` ("global" or a guild id; default: the fake guild)."""
        scope = scope or self.guild.id
        return await self.wait_until(
            lambda: self.commands.get(scope), timeout, f"commands synced to {scope}"
        )

    def summary(self) -> str:
        routes: dict[str, int] = {}
        for request in self.requests:
            routes[f"{request.route} {request.status}"] = (
                routes.get(f"{request.route} {request.status}", 0) + 1
            )
        return (
            f"requests={routes}, gateway connections={len(self.gateway.connections)}, "
            f"identifies={len(self.gateway.identifies)}, resumes={self.gateway.resumed}"
        )

    # ================================================================= inspection

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.unknown]

    def requests_to(self, route: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.route == route]

    def message_requests(self) -> list[RecordedRequest]:
        """Every accepted request by which the bot created or edited a message."""
        return [
            r
            for r in self.requests
            if r.route in MESSAGE_ROUTES and 200 <= r.status < 300 and r.message_body() is not None
        ]

    def ping_violations(self) -> list[RecordedRequest]:
        """Message requests whose allowed_mentions would let a ping through (or that set none)."""
        return [r for r in self.message_requests() if not blocks_every_ping(r.message_body() or {})]

    def client_errors(self) -> list[RecordedRequest]:
        """Requests the fake refused as Discord would (4xx other than injected faults)."""
        return [
            r
            for r in self.requests
            if 400 <= r.status < 500 and not r.injected_fault and r.status != 429
        ]

    # ================================================================= fault injection

    def fail_next(
        self,
        route: str,
        *,
        status: int = 429,
        times: int = 1,
        retry_after: float = 0.2,
        is_global: bool = False,
    ) -> Fault:
        """Answer the next `times` requests to `route` (a template constant) with 429 or 5xx."""
        fault = Fault(route, status, times, retry_after, is_global)
        self.rest.faults.append(fault)
        return fault

    # ================================================================= users and commands

    def add_user(self, username: str) -> FakeUser:
        """A new member (of every guild) who can use the bot."""
        user = FakeUser(id=self.snowflake(), username=username)
        self.guild.members.append(user)
        return user

    def add_guild(self, name: str, *, shard: int = 0) -> FakeGuild:
        """Another guild the bot is in, on `shard` (of `shard_count`), with the same members
        and channels named as the first guild's. Add guilds before the client identifies:
        READY and GUILD_CREATE list them then."""
        guild = new_guild(
            self.snowflake,
            name=name,
            owner=self.owner,
            members=self.guild.members,
            shard=shard,
            shard_count=self.shard_count,
        )
        self.guilds.append(guild)
        return guild

    def guild_by_id(self, guild_id: str) -> FakeGuild | None:
        return next((guild for guild in self.guilds if guild.id == guild_id), None)

    def guild_with_channel(self, channel_id: str) -> FakeGuild | None:
        """The guild holding the channel with id `channel_id`."""
        return next((g for g in self.guilds if any(c.id == channel_id for c in g.channels)), None)

    def channel(self, name_or_id: str, guild: FakeGuild | None = None) -> FakeChannel:
        """A channel of `guild` by name or id; by id, of whichever guild holds it."""
        return (guild or self.guild_with_channel(name_or_id) or self.guild).channel(name_or_id)

    def make_users(self, count: int, prefix: str = "user") -> list[FakeUser]:
        return [self.add_user(f"{prefix}{number}") for number in range(count)]

    def command(
        self, name: str, command_type: int = 1, guild: FakeGuild | None = None
    ) -> tuple[str, dict[str, Any]]:
        """(scope, definition) of a synced command (`command_type` 1: slash, 3: message
        context menu) as `guild` (default: the first) offers it; guild commands shadow global
        ones."""
        for scope in ((guild or self.guild).id, "global"):
            for command in self.commands.get(scope, []):
                if command["name"] == name and command.get("type", 1) == command_type:
                    return scope, command
        synced = {scope: [c["name"] for c in cmds] for scope, cmds in self.commands.items()}
        raise LookupError(f"no synced command {name!r} of type {command_type}; synced: {synced}")

    # ================================================================= driving: users act

    async def send_slash_command(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user: FakeUser | None = None,
        channel: str = "general",
        validate: bool = True,
        installed: str = "guild",
        context: str = "guild",
        guild: FakeGuild | None = None,
    ) -> InteractionHandle:
        """A user runs /name with `options` (by option name); "group sub" names a subcommand.

        Discord's client checks option values (required, length, range, choices) before sending;
        `validate=False` skips that, as a modified client or a Discord bug could. `installed`
        ("guild" or "user") and `context` ("guild", "bot_dm", "private_channel") say where
        (see `_where`): a user-installed app in a "guild" is one that is no member there.
        `guild`: which of the bot's guilds (default: the first)."""
        data = self._command_data(name, options or {}, focused=None, validate=validate, guild=guild)
        return await self._send_interaction(
            2,
            data,
            user=user,
            channel=channel,
            installed=installed,
            context=context,
            guild=guild,
        )

    async def send_message_command(
        self,
        name: str,
        message_id: str,
        *,
        user: FakeUser | None = None,
        installed: str = "guild",
        context: str = "guild",
    ) -> InteractionHandle:
        """A user runs the message context menu `name` (right-click -> Apps) on a message a user
        sent (`send_message`) or the bot did. As Discord does, the interaction's
        `data.resolved.messages` holds the message, its content included: a context menu's
        target is exempt from the message-content intent."""
        message = self.user_messages.get(message_id) or self.messages.get(message_id)
        if message is None:
            raise LookupError(f"no message {message_id} to run {name!r} on")
        guild = self.guild_with_channel(message["channel_id"])
        scope, command = self.command(name, command_type=3, guild=guild)
        target = dict(message) | {"content": self.message_texts.get(message_id, message["content"])}
        data: dict[str, Any] = {
            "id": command["id"],
            "name": name,
            "type": 3,
            "target_id": message_id,
            "resolved": {"messages": {message_id: target}},
        }
        if scope != "global":
            data["guild_id"] = scope
        return await self._send_interaction(
            2,
            data,
            user=user,
            channel_id=message["channel_id"],
            installed=installed,
            context=context,
        )

    async def send_autocomplete(
        self,
        name: str,
        options: dict[str, Any],
        focused: str,
        *,
        user: FakeUser | None = None,
        channel: str = "general",
        guild: FakeGuild | None = None,
    ) -> InteractionHandle:
        """A user types into option `focused` of /name; the bot answers with choices."""
        data = self._command_data(name, options, focused=focused, validate=False, guild=guild)
        return await self._send_interaction(4, data, user=user, channel=channel, guild=guild)

    async def press_button(
        self,
        message: dict[str, Any] | str,
        *,
        custom_id: str | None = None,
        label: str | None = None,
        user: FakeUser | None = None,
        force: bool = False,
    ) -> InteractionHandle:
        """A user presses a button (found by custom_id or label) on one of the bot's messages.
        `force` sends a custom_id the message does not carry (a stale or forged button)."""
        message_id = message if isinstance(message, str) else message["id"]
        stored = self.messages.get(message_id)
        if stored is None:
            raise LookupError(f"no message {message_id} from the bot")
        found = [
            b
            for b in buttons(stored)
            if (custom_id is None or b.get("custom_id") == custom_id)
            and (label is None or b.get("label") == label)
        ]
        if found:
            button = found[0]
            if button.get("disabled"):
                raise LookupError(f"button {button.get('label')!r} is disabled: cannot be pressed")
            if button.get("style") == 5 or not button.get("custom_id"):
                raise LookupError(f"button {button.get('label')!r} is a link, not an interaction")
            custom_id = button["custom_id"]
        elif not (force and custom_id):
            labels = [(b.get("label"), b.get("custom_id")) for b in buttons(stored)]
            raise LookupError(f"no button {custom_id or label!r} on message {message_id}: {labels}")
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._send_interaction(
            3, data, user=user, channel_id=stored["channel_id"], message=stored
        )

    async def choose_option(
        self,
        message: dict[str, Any] | str,
        value: str | None = None,
        *,
        label: str | None = None,
        custom_id: str | None = None,
        user: FakeUser | None = None,
        force: bool = False,
    ) -> InteractionHandle:
        """A user picks one option (by value or label) of a string select menu on one of the
        bot's messages (the first menu, or the one with `custom_id`). `force` sends a value the
        menu does not offer (a stale or forged choice)."""
        message_id = message if isinstance(message, str) else message["id"]
        stored = self.messages.get(message_id)
        if stored is None:
            raise LookupError(f"no message {message_id} from the bot")
        menus = [m for m in selects(stored) if custom_id is None or m.get("custom_id") == custom_id]
        if not menus:
            raise LookupError(f"no select menu {custom_id!r} on message {message_id}")
        menu = menus[0]
        if menu.get("disabled"):
            raise LookupError(f"select menu {menu.get('custom_id')!r} is disabled")
        offered = [
            o
            for o in menu.get("options") or []
            if (value is None or o.get("value") == value)
            and (label is None or o.get("label") == label)
        ]
        if offered:
            value = offered[0]["value"]
        elif not (force and value is not None):
            shown = [(o.get("label"), o.get("value")) for o in menu.get("options") or []]
            raise LookupError(f"no option {value or label!r} in {menu.get('custom_id')!r}: {shown}")
        data = {"custom_id": menu["custom_id"], "component_type": 3, "values": [value]}
        return await self._send_interaction(
            3, data, user=user, channel_id=stored["channel_id"], message=stored
        )

    async def submit_modal(
        self,
        opened: InteractionHandle,
        values: dict[str, str],
        *,
        user: FakeUser | None = None,
    ) -> InteractionHandle:
        """A user fills in and sends the form (modal) the bot opened in answer to `opened`:
        `values` by field custom_id. Discord sends the form's fields in action rows."""
        callback = opened.callback or {}
        if callback.get("type") != MODAL:
            raise LookupError(f"interaction {opened.id} was not answered with a form")
        form = callback.get("data") or {}
        data = {
            "custom_id": form.get("custom_id"),
            "components": [
                {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
                for key, value in values.items()
            ],
        }
        message = opened.payload.get("message")
        channel_id = opened.payload["channel_id"]
        return await self._send_interaction(
            5, data, user=user, channel_id=channel_id, message=message
        )

    async def send_message(
        self,
        content: str,
        *,
        user: FakeUser | None = None,
        channel: str = "general",
        mention_bot: bool = True,
        mention_bot_role: bool = False,
        guild: FakeGuild | None = None,
    ) -> MessageHandle:
        """A user writes in a channel (of `guild`, default the first); `mention_bot` starts the
        message with the bot's mention."""
        user = user or self.alice
        guild = guild or self.guild
        target = guild.channel(channel)
        mentions: list[dict[str, Any]] = []
        mention_roles: list[str] = []
        if mention_bot_role:
            # What Discord's autocomplete often inserts for "@lingnan": the bot's managed role.
            content = f"<@&{self.bot_role.id}> {content}"
            mention_roles.append(self.bot_role.id)
        elif mention_bot:
            content = f"<@{self.bot_user.id}> {content}"
            mentions.append(
                self.bot_user.to_user() | {"member": self.bot_user.to_member(with_user=False)}
            )
        session = self.gateway.session_for(guild.id)
        intents = session.intents if session else 0
        visible_content = content
        if not intents & INTENT_MESSAGE_CONTENT and not mentions:
            # Discord withholds content without the intent unless the message mentions the app
            # user itself (documented); a mention of its managed role is taken not to count.
            visible_content = ""
        message = message_payload(
            message_id=self.snowflake(),
            channel_id=target.id,
            guild_id=guild.id,
            author=user.to_user(),
            body={"content": visible_content},
        )
        message["member"] = user.to_member(with_user=False)
        message["mentions"] = mentions
        message["mention_roles"] = mention_roles
        handle = MessageHandle(self, message, asyncio.get_running_loop().time())
        self.user_messages[message["id"]] = message
        self.message_texts[message["id"]] = content
        self.mentions[message["id"]] = handle
        await self.gateway.dispatch("MESSAGE_CREATE", message)
        return handle

    def _where(
        self,
        user: FakeUser,
        channel: str,
        installed: str,
        context: str,
        guild: FakeGuild | None = None,
    ) -> dict[str, Any]:
        """The part of an interaction saying where it happens, as Discord sends it:

        - installed "guild", context "guild": one of this fake's guilds (the bot is a member):
          `guild`, else the one holding `channel` (an id), else the first;
        - installed "user", context "guild": another server, which did not install the bot
          (guild_id and a partial guild, no guild in the bot's cache; no bot permissions);
        - context "bot_dm": the bot's direct messages; "private_channel": a group DM between
          users, where only a user install reaches (no guild, `user` instead of `member`).
        """
        if installed not in ("guild", "user") or context not in (
            "guild",
            "bot_dm",
            "private_channel",
        ):
            raise ValueError(f"unknown place: installed {installed!r}, context {context!r}")
        where = guild or self.guild_with_channel(channel) or self.guild
        owners = {"0": where.id} if installed == "guild" else {"1": user.id}
        if context == "guild" and installed == "guild":
            target = where.channel(channel)
            return {
                "guild_id": where.id,
                "guild": where.to_partial(),
                "guild_locale": "en-US",
                "channel_id": target.id,
                "channel": target.to_dict(),
                "member": user.to_member(permissions=user.permissions or MEMBER_PERMISSIONS),
                "app_permissions": BOT_PERMISSIONS,
                "authorizing_integration_owners": owners,
                "context": 0,
            }
        if context == "guild":
            other_guild = self.foreign_guild_id
            channel_id = self.foreign_channel_id
            return {
                "guild_id": other_guild,
                "guild": {"id": other_guild, "locale": "en-US", "features": []},
                "guild_locale": "en-US",
                "channel_id": channel_id,
                "channel": FakeChannel(
                    id=channel_id, name="elsewhere", guild_id=other_guild, position=0
                ).to_dict()
                | {"permissions": MEMBER_PERMISSIONS},
                "member": user.to_member(permissions=MEMBER_PERMISSIONS),
                "app_permissions": "0",
                "authorizing_integration_owners": owners,
                "context": 0,
            }
        if context == "bot_dm":
            owners = {"0": "0"} if installed == "guild" else owners
            channel_data = {
                "id": self.dm_channel_id(user),
                "type": 1,
                "recipients": [user.to_user()],
            }
        else:
            channel_data = {
                "id": self.group_dm_id,
                "type": 3,
                "recipients": [user.to_user(), self.bob.to_user()],
                "owner_id": user.id,
                "name": None,
                "icon": None,
            }
        return {
            "channel_id": channel_data["id"],
            "channel": channel_data,
            "user": user.to_user(),
            "app_permissions": "0",
            "authorizing_integration_owners": owners,
            "context": 1 if context == "bot_dm" else 2,
        }

    def dm_channel_id(self, user: FakeUser) -> str:
        """The id of the direct-message channel between `user` and the bot."""
        return self._dm_channels.setdefault(user.id, self.snowflake())

    def _check_offered(self, data: dict[str, Any], installed: str, context: str) -> None:
        """Discord offers a command only where it may be used: a guild command in its guild
        (guild install), a global one where its `integration_types` and `contexts` allow
        (unset: guild install only, every context)."""
        scope = data.get("guild_id", "global")
        command = next(c for c in self.commands.get(scope, []) if c["id"] == data["id"])
        where = f"/{command['name']} (installed {installed}, context {context})"
        if scope != "global":
            if installed != "guild" or context != "guild":
                raise LookupError(f"Discord would not offer the guild command {where}")
            return
        types = command.get("integration_types") or [0]
        contexts = command.get("contexts")
        wanted_context = {"guild": 0, "bot_dm": 1, "private_channel": 2}[context]
        if (0 if installed == "guild" else 1) not in types or (
            contexts is not None and wanted_context not in contexts
        ):
            raise LookupError(f"Discord would not offer {where}")

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Dispatch any gateway event to the shard of its `guild_id` (none: shard 0); returns its
        sequence number in that shard's session."""
        return await self.gateway.dispatch(event, data)

    def _command_data(
        self,
        name: str,
        values: dict[str, Any],
        focused: str | None,
        validate: bool,
        guild: FakeGuild | None = None,
    ) -> dict[str, Any]:
        root_name, *path = name.split()
        scope, command = self.command(root_name, guild=guild)
        attachments: dict[str, dict[str, Any]] = {}
        channels: dict[str, dict[str, Any]] = {}
        schema = command.get("options") or []
        options_out: list[dict[str, Any]] = []
        container = options_out
        for part in path:  # subcommand group / subcommand
            sub = next((o for o in schema if o["name"] == part and o["type"] in (1, 2)), None)
            if sub is None:
                raise LookupError(f"/{root_name} has no subcommand {part!r}")
            entry: dict[str, Any] = {"name": part, "type": sub["type"], "options": []}
            container.append(entry)
            container = entry["options"]
            schema = sub.get("options") or []
        for option_name, value in values.items():
            spec = next((o for o in schema if o["name"] == option_name), None)
            if spec is None:
                raise LookupError(f"/{name} has no option {option_name!r}")
            if validate:
                problem = option_value_problem(spec, value)
                if problem:
                    raise ValueError(f"Discord would not send /{name}: {problem}")
                if spec["type"] == 3:
                    value = value.strip()  # as Discord's client sends text options
            if spec["type"] == ATTACHMENT_OPTION and isinstance(value, FakeAttachment):
                # The option holds the id; the attachment itself goes in data.resolved.
                attached = self.cdn.attach(value, command["id"])
                attachments[attached["id"]] = attached
                value = attached["id"]
            if spec["type"] == CHANNEL_OPTION:
                # The option holds the channel's id (given by name or id); the channel itself,
                # with the member's permissions in it, goes in data.resolved.
                chosen = self.channel(str(value), guild)
                channels[chosen.id] = chosen.to_dict() | {"permissions": MEMBER_PERMISSIONS}
                value = chosen.id
            option: dict[str, Any] = {"name": option_name, "type": spec["type"], "value": value}
            if option_name == focused:
                option["focused"] = True
                option["value"] = str(value)  # Discord sends what was typed so far, as text
            container.append(option)
        missing = [o["name"] for o in schema if o.get("required") and o["name"] not in values]
        if missing and focused is None and validate:
            raise LookupError(f"/{name} needs option(s) {missing}: Discord would not send it")
        data: dict[str, Any] = {
            "id": command["id"],
            "name": root_name,
            "type": 1,
            "options": options_out,
        }
        if attachments:
            data["resolved"] = {"attachments": attachments}
        if channels:
            data.setdefault("resolved", {})["channels"] = channels
        if scope != "global":
            data["guild_id"] = scope
        return data

    async def _send_interaction(
        self,
        interaction_type: int,
        data: dict[str, Any],
        *,
        user: FakeUser | None,
        channel: str = "general",
        channel_id: str | None = None,
        message: dict[str, Any] | None = None,
        installed: str = "guild",
        context: str = "guild",
        guild: FakeGuild | None = None,
    ) -> InteractionHandle:
        user = user or self.alice
        if interaction_type in (2, 4):
            self._check_offered(data, installed, context)
        payload: dict[str, Any] = {
            "id": self.snowflake(),
            "application_id": self.application_id,
            "type": interaction_type,
            "data": data,
            "token": f"aW50ZXJhY3Rpb24.{new_token()}",
            "version": 1,
            "locale": user.locale,
            "entitlements": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        payload |= self._where(user, channel_id or channel, installed, context, guild)
        if message is not None:
            payload["message"] = dict(message)
        handle = InteractionHandle(self, payload, asyncio.get_running_loop().time())
        self.interactions[handle.id] = handle
        self.interactions_by_token[handle.token] = handle
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return handle
