"""The fake gateway: HELLO, heartbeats, IDENTIFY/READY, RESUME with replay, and fault controls."""

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


@dataclass
class GatewaySession:
    """A gateway session: what IDENTIFY starts, what RESUME continues."""

    id: str
    intents: int
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)  # every dispatched frame, in order
    valid: bool = True
    connection: GatewayConnection | None = None


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
    """Serves /gateway (and the resume URL) for the fake; one live session at a time."""

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

    # ----------------------------------------------------------------- dispatching

    async def dispatch(self, event: str, data: dict[str, Any]) -> int:
        """Send a DISPATCH to the current session; buffered for RESUME when no socket is live."""
        session = self.session
        if session is None or not session.valid:
            raise RuntimeError(f"cannot dispatch {event}: no identified gateway session")
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

    async def _identify(self, connection: GatewayConnection, data: dict[str, Any]) -> None:
        self.identifies.append(data)
        if data.get("token") != self.fake.token:
            connection.closed_by = "server"
            connection.close_code = 4004
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return
        session = GatewaySession(id=secrets.token_hex(16), intents=int(data.get("intents") or 0))
        for old in self.sessions.values():
            old.valid = False
        self.sessions[session.id] = session
        self.session = session
        session.connection = connection
        connection.session = session
        fake = self.fake
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": fake.bot_user.to_user() | {"verified": True, "mfa_enabled": False},
                "guilds": [{"id": fake.guild.id, "unavailable": True}],
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
        await self.dispatch("GUILD_CREATE", fake.guild.to_create())

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
        await self.dispatch("RESUMED", {"_trace": ["fake-gateway"]})

    async def _members_chunk(self, connection: GatewayConnection, data: dict[str, Any]) -> None:
        fake = self.fake
        members = [user.to_member() for user in fake.guild.members]
        query = (data.get("query") or "").lower()
        if query:
            members = [m for m in members if m["user"]["username"].lower().startswith(query)]
        chunk: dict[str, Any] = {
            "guild_id": fake.guild.id,
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        await self.dispatch("GUILD_MEMBERS_CHUNK", chunk)
