"""The fake gateway: HELLO, heartbeats, IDENTIFY/READY, RESUME with replay, shards, and fault
controls.

A session identified with `shard: [id, count]` receives READY and GUILD_CREATE for the guilds of
that shard only, and afterwards only the events of those guilds (direct messages: shard 0), as
Discord routes them; a session without `shard` is shard 0 of 1 and receives everything.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import secrets
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from tests.discord_fake.guilds import shard_of

if TYPE_CHECKING:
    from tests.discord_fake.server import FakeDiscord

log = logging.getLogger("tests.discord_fake.gateway")

# Gateway opcodes.
DISPATCH = 0
HEARTBEAT = 1
IDENTIFY = 2
PRESENCE_UPDATE = 3
RESUME = 6
RECONNECT = 7
REQUEST_GUILD_MEMBERS = 8
INVALID_SESSION = 9
HELLO = 10
HEARTBEAT_ACK = 11

INTENT_MESSAGE_CONTENT = 1 << 15
INVALID_SHARD = 4010  # Discord's close code for a `shard` it cannot serve


@dataclass
class GatewaySession:
    """A gateway session: what IDENTIFY starts, what RESUME continues."""

    id: str
    intents: int
    shard: tuple[int, int] = (0, 1)  # [id, count] from IDENTIFY
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)  # every dispatched frame, in order
    valid: bool = True
    connection: GatewayConnection | None = None

    def receives(self, guild_id: str | None) -> bool:
        """Whether Discord sends this session the events of `guild_id` (None: a DM)."""
        shard_id, shard_count = self.shard
        return shard_of(guild_id, shard_count) == shard_id


@dataclass
class GatewayConnection:
    """One WebSocket connection from the client."""

    number: int
    path: str
    query: dict[str, str]
    ws: web.WebSocketResponse
    transport: asyncio.BaseTransport | None
    session: GatewaySession | None = None
    compressor: Any = None  # a zlib stream when the client asked for compress=zlib-stream
    received: list[dict[str, Any]] = field(default_factory=list)  # frames from the client
    close_code: int | None = None
    closed_by: str | None = None  # "server" | "client" | "abort"

    @property
    def live(self) -> bool:
        return not self.ws.closed and self.closed_by is None


@dataclass
class Heartbeat:
    at: float
    seq: int | None
    acked: bool


class FakeGateway:
    """Serves /gateway (and the resume URL) for the fake; one live session per shard."""

    def __init__(self, fake: FakeDiscord, heartbeat_interval: float) -> None:
        self.fake = fake
        self.heartbeat_interval = heartbeat_interval
        self.connections: list[GatewayConnection] = []
        self.sessions: dict[str, GatewaySession] = {}
        self.session: GatewaySession | None = None  # the current (latest identified) session
        self.heartbeats: list[Heartbeat] = []
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.resumed: int = 0  # successful resumes
        self.replayed: int = 0  # events sent again on resume
        self.ack_heartbeats = True  # tests turn this off to simulate a zombie connection
        self._send_lock = asyncio.Lock()

    # ----------------------------------------------------------------- state for tests

    @property
    def live_connection(self) -> GatewayConnection | None:
        for connection in reversed(self.connections):
            if connection.live and connection.session is not None:
                return connection
        return None

    @property
    def heartbeat_count(self) -> int:
        return len(self.heartbeats)

    @property
    def unacked_heartbeats(self) -> int:
        return sum(1 for beat in self.heartbeats if not beat.acked)

    def heartbeat_gaps(self, since: float = 0.0) -> list[float]:
        """Seconds between consecutive heartbeats on the same connection, after `since`."""
        times = [beat.at for beat in self.heartbeats if beat.at >= since]
        return [later - earlier for earlier, later in itertools.pairwise(times)]

    def frames_from_client(self, op: int) -> list[dict[str, Any]]:
        return [f for c in self.connections for f in c.received if f.get("op") == op]

    def session_for(self, guild_id: str | None) -> GatewaySession | None:
        """The valid session that receives the events of `guild_id` (None: a DM); the latest
        identified when several would."""
        for session in reversed(list(self.sessions.values())):
            if session.valid and session.receives(guild_id):
                return session
        return None

    def dispatched(self, session: GatewaySession, event: str) -> list[dict[str, Any]]:
        """The data of every `event` dispatched to `session`."""
        return [frame["d"] for frame in session.events if frame["t"] == event]

    # ----------------------------------------------------------------- dispatching

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH to the session of the shard of `data["guild_id"]` (none: shard 0);
        buffered for RESUME when no socket is live. Returns its sequence number."""
        guild_id = data.get("guild_id")
        session = self.session_for(None if guild_id is None else str(guild_id))
        if session is None:
            raise RuntimeError(f"cannot dispatch {event}: no identified gateway session for it")
        return await self.dispatch_to(session, event, data)

    async def dispatch_to(self, session: GatewaySession, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH to `session` whatever guild it concerns (READY, GUILD_CREATE)."""
        session.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        session.events.append(frame)
        connection = session.connection
        if connection is not None and connection.live:
            await self._send(connection, frame)
        return session.seq

    async def _send(self, connection: GatewayConnection, frame: dict[str, Any]) -> None:
        text = json.dumps(frame, ensure_ascii=False)
        try:
            async with self._send_lock:
                if connection.compressor is not None:
                    compressed = connection.compressor.compress(text.encode())
                    await connection.ws.send_bytes(
                        compressed + connection.compressor.flush(zlib.Z_SYNC_FLUSH)
                    )
                else:
                    await connection.ws.send_str(text)
        except (ConnectionError, RuntimeError) as exc:
            # The client is gone; a dispatched event stays in the session for RESUME.
            log.debug("send to gateway connection %s failed: %s", connection.number, exc)

    # ----------------------------------------------------------------- fault controls

    def _require_live(self) -> GatewayConnection:
        connection = self.live_connection
        if connection is None:
            raise RuntimeError("no live gateway connection")
        return connection

    async def close(self, code: int = 4000, message: str = "") -> None:
        """Close the live connection with a close frame carrying `code` (e.g. 4000, 1000, 4004)."""
        connection = self._require_live()
        connection.closed_by = "server"
        connection.close_code = code
        await connection.ws.close(code=code, message=message.encode())

    async def drop(self) -> None:
        """Cut the live connection without a close frame: the client sees 1006 (abnormal)."""
        connection = self._require_live()
        connection.closed_by = "abort"
        connection.close_code = 1006
        if connection.transport is not None:
            connection.transport.abort()  # type: ignore[attr-defined]

    async def send_reconnect(self) -> None:
        """Op 7: ask the client to reconnect and resume."""
        await self._send(self._require_live(), {"op": RECONNECT, "d": None})

    async def send_invalid_session(self, resumable: bool) -> None:
        """Op 9: the session is invalid; `resumable` is d (False forces a new IDENTIFY)."""
        connection = self._require_live()
        if not resumable and connection.session is not None:
            connection.session.valid = False
        await self._send(connection, {"op": INVALID_SESSION, "d": resumable})

    async def request_heartbeat(self) -> None:
        """Op 1 from the server: the client must heartbeat at once."""
        await self._send(self._require_live(), {"op": HEARTBEAT, "d": None})

    async def close_all(self) -> None:
        for connection in self.connections:
            if not connection.ws.closed:
                connection.closed_by = connection.closed_by or "server"
                try:
                    await asyncio.wait_for(connection.ws.close(code=1001), timeout=2.0)
                except (TimeoutError, ConnectionError, RuntimeError):
                    if connection.transport is not None:
                        connection.transport.abort()  # type: ignore[attr-defined]

    # ----------------------------------------------------------------- the WebSocket handler

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        connection = GatewayConnection(
            number=len(self.connections) + 1,
            path=request.path,
            query=dict(request.query),
            ws=ws,
            transport=request.transport,
        )
        if self.fake.compress and request.query.get("compress") == "zlib-stream":
            connection.compressor = zlib.compressobj()
        self.connections.append(connection)
        self.fake.notify()
        interval_ms = int(self.heartbeat_interval * 1000)
        await self._send(connection, {"op": HELLO, "d": {"heartbeat_interval": interval_ms}})
        try:
            async for message in ws:
                if message.type is WSMsgType.TEXT:
                    await self._on_frame(connection, json.loads(message.data))
                elif message.type is WSMsgType.BINARY:
                    log.warning("binary gateway frame ignored (the fake speaks plain JSON text)")
                elif message.type is WSMsgType.ERROR:
                    break
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            if connection.closed_by is None:
                connection.closed_by = "client"
                connection.close_code = ws.close_code
            session = connection.session
            if session is not None and session.connection is connection:
                session.connection = None
            self.fake.notify()
        return ws

    async def _on_frame(self, connection: GatewayConnection, frame: dict[str, Any]) -> None:
        connection.received.append(frame)
        op = frame.get("op")
        data: Any = frame.get("d")  # any JSON: a number for a heartbeat, else an object
        if op == HEARTBEAT:
            beat = Heartbeat(at=asyncio.get_running_loop().time(), seq=data, acked=False)
            self.heartbeats.append(beat)
            if self.ack_heartbeats:
                await self._send(connection, {"op": HEARTBEAT_ACK})
                beat.acked = True
        elif op == IDENTIFY:
            await self._identify(connection, data)
        elif op == RESUME:
            await self._resume(connection, data)
        elif op == REQUEST_GUILD_MEMBERS:
            await self._members_chunk(connection, data)
        elif op == PRESENCE_UPDATE:
            pass  # recorded in connection.received
        else:
            log.warning("unexpected gateway op %s from the client", op)
        self.fake.notify()

    async def _refuse(self, connection: GatewayConnection, code: int, reason: str) -> None:
        connection.closed_by = "server"
        connection.close_code = code
        await connection.ws.close(code=code, message=reason.encode())

    async def _identify(self, connection: GatewayConnection, data: dict[str, Any]) -> None:
        self.identifies.append(data)
        if data.get("token") != self.fake.token:
            await self._refuse(connection, 4004, "Authentication failed.")
            return
        shard = requested_shard(data.get("shard"))
        if shard is None:
            await self._refuse(connection, INVALID_SHARD, "Invalid shard.")
            return
        session = GatewaySession(
            id=secrets.token_hex(16), intents=int(data.get("intents") or 0), shard=shard
        )
        for old in self.sessions.values():
            if old.shard == shard:  # a new IDENTIFY of a shard ends that shard's old session
                old.valid = False
        self.sessions[session.id] = session
        self.session = session
        session.connection = connection
        connection.session = session
        fake = self.fake
        guilds = [guild for guild in fake.guilds if session.receives(guild.id)]
        await self.dispatch_to(
            session,
            "READY",
            {
                "v": 10,
                "user": fake.bot_user.to_user() | {"verified": True, "mfa_enabled": False},
                "guilds": [{"id": guild.id, "unavailable": True} for guild in guilds],
                "session_id": session.id,
                "resume_gateway_url": fake.resume_gateway_url,
                "shard": data.get("shard") or [0, 1],
                "application": {"id": fake.application_id, "flags": 1 << 19},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "guild_join_requests": [],
                "geo_ordered_rtc_regions": [],
                "session_type": "normal",
                "auth_session_id_hash": "",
                "_trace": ["fake-gateway"],
            },
        )
        for guild in guilds:
            await self.dispatch_to(session, "GUILD_CREATE", guild.to_create())

    async def _resume(self, connection: GatewayConnection, data: dict[str, Any]) -> None:
        self.resumes.append(data)
        session = self.sessions.get(data.get("session_id") or "")
        if session is None or not session.valid or data.get("token") != self.fake.token:
            await self._send(connection, {"op": INVALID_SESSION, "d": False})
            return
        previous = session.connection
        if previous is not None and previous is not connection and previous.live:
            previous.closed_by = "server"
            await previous.ws.close(code=4000)
        connection.session = session
        # Replay before going live, so that events dispatched meanwhile keep their order.
        sent_up_to = data.get("seq") or 0
        while missed := [frame for frame in session.events if frame["s"] > sent_up_to]:
            for frame in missed:
                await self._send(connection, frame)
                sent_up_to = frame["s"]
            self.replayed += len(missed)
        session.connection = connection
        self.resumed += 1
        await self.dispatch_to(session, "RESUMED", {"_trace": ["fake-gateway"]})

    async def _members_chunk(self, connection: GatewayConnection, data: dict[str, Any]) -> None:
        session = connection.session
        if session is None:
            log.warning("member query before IDENTIFY ignored")
            return
        guild = self.fake.guild_by_id(str(data.get("guild_id")))
        if guild is None or not session.receives(guild.id):
            log.warning("member query for guild %s, not one of this shard's", data.get("guild_id"))
            return
        members = [user.to_member() for user in guild.members]
        query = (data.get("query") or "").lower()
        if query:
            members = [m for m in members if m["user"]["username"].lower().startswith(query)]
        chunk: dict[str, Any] = {
            "guild_id": guild.id,
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await self.dispatch_to(session, "GUILD_MEMBERS_CHUNK", chunk)


def requested_shard(value: Any) -> tuple[int, int] | None:
    """IDENTIFY's `shard` as (id, count): absent is (0, 1); None when Discord would refuse it."""
    if value is None:
        return (0, 1)
    if not isinstance(value, list) or len(value) != 2:
        return None
    shard_id, shard_count = value
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        return None
    if not 0 <= shard_id < shard_count:
        return None
    return (shard_id, shard_count)
