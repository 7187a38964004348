"""The local Discord itself, driven by a minimal discord.py bot defined in this file."""

from __future__ import annotations

import asyncio
import zlib
from typing import ClassVar

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.discord_fake import (
    FakeAttachment,
    FakeDiscord,
    message_text,
    routes,
    running_client,
)
from tests.e2e.conftest import LogCollector, port_is_closed


class NextPage(discord.ui.View):
    """A pager, the pattern a real bot uses for paged answers: "Next" answers by editing the
    message at once, "Later" acknowledges first and edits it when `built` is set."""

    latest: ClassVar[NextPage | None] = None  # the last one made, for a test to set `built`

    def __init__(self) -> None:
        super().__init__(timeout=30)
        self.page = 1
        self.built = asyncio.Event()  # what "Later" waits for before it edits its message
        NextPage.latest = self

    @discord.ui.button(label="Next", custom_id="minimal:next")
    async def next_page(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        self.page += 1
        await interaction.response.edit_message(content=f"page {self.page}", view=self)

    @discord.ui.button(label="Later", custom_id="minimal:later")
    async def later_page(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await interaction.response.defer()  # acknowledged first, edited when built
        await self.built.wait()
        self.page += 1
        await interaction.edit_original_response(content=f"page {self.page}", view=self)


def minimal_bot(fake: FakeDiscord, *, allowed_mentions: bool = True) -> commands.Bot:
    """A bot with one command of each kind the product bot uses, synced to the fake's guild."""
    bot = commands.Bot(
        command_prefix=commands.when_mentioned,
        intents=discord.Intents.default(),
        allowed_mentions=discord.AllowedMentions.none() if allowed_mentions else None,
    )
    guild = discord.Object(int(fake.guild.id))

    @bot.tree.command(description="Repeat a text")
    @app_commands.describe(text="what to repeat")
    async def echo(interaction: discord.Interaction, text: str) -> None:
        await interaction.response.send_message(f"echo: {text}", view=NextPage())

    @echo.autocomplete("text")
    async def echo_complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f"{current} {n}", value=f"{current} {n}") for n in (1, 2)]

    @bot.tree.command(description="Think, then answer, then add a note")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.edit_original_response(content="done thinking")
        await interaction.followup.send("a note", ephemeral=True)

    @bot.tree.command(description="Read an attached file")
    @app_commands.describe(file="the file to read")
    async def measure(interaction: discord.Interaction, file: discord.Attachment) -> None:
        data = await file.read()
        await interaction.response.send_message(
            f"{file.filename} {file.size} {file.content_type} {data.decode()}"
        )

    @bot.tree.command(description="Send an over-long message")
    async def toolong(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("x" * 2001)

    @bot.event
    async def on_message(message: discord.Message) -> None:
        if bot.user in message.mentions:
            await message.reply(f"you said {len(message.content)} characters")

    async def setup_hook() -> None:
        await bot.tree.sync(guild=guild)

    bot.tree.copy_global_to(guild=guild)
    bot.setup_hook = setup_hook  # type: ignore[method-assign]
    return bot


async def test_login_identify_and_ready(fake_discord: FakeDiscord) -> None:
    """The client logs in over REST with its token, identifies, and caches READY's guild."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        assert [r.route for r in fake_discord.requests[:2]] == [routes.ME, routes.APPLICATION]
        assert fake_discord.requests[0].headers["Authorization"] == f"Bot {fake_discord.token}"
        identify = fake_discord.gateway.identifies[0]
        assert identify["token"] == fake_discord.token
        assert identify["intents"] == discord.Intents.default().value
        assert bot.user is not None and str(bot.user.id) == fake_discord.bot_user.id
        guild = bot.get_guild(int(fake_discord.guild.id))
        assert guild is not None and {c.name for c in guild.text_channels} == {"general", "policy"}
        query = fake_discord.gateway.connections[0].query
        assert query["encoding"] == "json" and query["v"] == "10"
        # discord.py asks for a compressed stream; plain text frames work all the same.
        assert query["compress"] in ("zlib-stream", "zstd-stream")


async def test_wrong_token_is_refused(fake_discord: FakeDiscord) -> None:
    """A token the fake does not know gets 401, which discord.py reports as LoginFailure."""
    bot = minimal_bot(fake_discord)
    with pytest.raises(discord.LoginFailure):
        await bot.login("not-the-token")
    await bot.close()


async def test_command_sync_is_recorded_with_ids(fake_discord: FakeDiscord) -> None:
    """A guild sync is recorded with descriptions and options, and the commands get ids."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        synced = await fake_discord.wait_commands()
        assert {c["name"] for c in synced} == {"echo", "slow", "measure", "toolong"}
        echo = next(c for c in synced if c["name"] == "echo")
        assert echo["description"] == "Repeat a text"
        assert echo["options"][0] | {"required": True} == {
            "type": 3,
            "name": "text",
            "description": "what to repeat",
            "required": True,
            "autocomplete": True,
        }
        fetched = await bot.tree.fetch_commands(guild=discord.Object(int(fake_discord.guild.id)))
        assert {str(c.id) for c in fetched} == {c["id"] for c in synced}


async def test_json_content_type_is_exact(fake_discord: FakeDiscord) -> None:
    """Responses say exactly `application/json`, the only value discord.py parses as JSON."""
    async with (
        aiohttp.ClientSession() as session,
        session.get(
            f"{fake_discord.base_url}/users/@me",
            headers={"Authorization": f"Bot {fake_discord.token}"},
        ) as response,
    ):
        assert response.headers["Content-Type"] == "application/json"


async def test_slash_command_answer_and_view(fake_discord: FakeDiscord) -> None:
    """A slash command is answered through the callback, and its button works via the message id."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        asked = await fake_discord.send_slash_command("echo", {"text": "hello"})
        answer = await asked.wait_answer()
        assert answer["content"] == "echo: hello"
        assert asked.callbacks[0].query["with_response"] in ("1", "true")
        pressed = await fake_discord.press_button(answer, label="Next", user=fake_discord.bob)
        edited = await pressed.wait_answer()
        assert edited["id"] == answer["id"] and edited["content"] == "page 2"


async def test_press_acknowledged_as_update_is_answered_by_the_edit(
    fake_discord: FakeDiscord,
) -> None:
    """A press deferred as an update has no answer until its message is edited: the message
    as it was is not what the user asked for."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        asked = await fake_discord.send_slash_command("echo", {"text": "hello"})
        answer = await asked.wait_answer()
        pressed = await fake_discord.press_button(answer, label="Later", user=fake_discord.bob)
        await fake_discord.wait_until(lambda: pressed.callbacks, 5, "the press acknowledged")
        assert pressed.callback_type == 6 and pressed.answer is None
        assert NextPage.latest is not None
        NextPage.latest.built.set()
        edited = await pressed.wait_answer()
        assert edited["id"] == answer["id"] and edited["content"] == "page 2"


async def test_deferred_answer_edit_and_followup(fake_discord: FakeDiscord) -> None:
    """A deferred answer becomes visible when the original is edited; follow-ups are recorded."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        asked = await fake_discord.send_slash_command("slow")
        answer = await asked.wait_answer()
        assert answer["content"] == "done thinking"
        (note,) = await asked.wait_followups(1)
        assert note["content"] == "a note" and note["flags"] & 64
        assert asked.callback_type == 5


async def test_autocomplete_choices(fake_discord: FakeDiscord) -> None:
    """Autocomplete arrives with the focused option and the bot's choices are recorded."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        typed = await fake_discord.send_autocomplete("echo", {"text": "ab"}, focused="text")
        choices = await typed.wait_choices()
        assert [c["value"] for c in choices] == ["ab 1", "ab 2"]


async def test_attachment_is_resolved_and_downloaded(fake_discord: FakeDiscord) -> None:
    """An attached file arrives as Discord sends it (id in the option, the attachment in
    resolved) and its bytes download from its url; its name is passed on as given."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        attached = FakeAttachment("../notes 1.txt", "Grüße".encode())
        sent = await fake_discord.send_slash_command("measure", {"file": attached})
        answer = await sent.wait_answer()
        assert answer["content"] == "../notes 1.txt 7 text/plain Grüße"
        (option,) = sent.payload["data"]["options"]
        assert (
            option["type"] == 11
            and option["value"] in sent.payload["data"]["resolved"]["attachments"]
        )
        assert fake_discord.cdn.downloads == [option["value"]]


async def test_attachment_over_the_upload_limit_is_not_sent(fake_discord: FakeDiscord) -> None:
    """A file larger than a user may upload is refused before anything is sent."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        huge = FakeAttachment("big.txt", b"x" * (10 * 1024 * 1024 + 1))
        with pytest.raises(ValueError, match="larger than"):
            await fake_discord.send_slash_command("measure", {"file": huge})


async def test_mention_reply(fake_discord: FakeDiscord) -> None:
    """A message mentioning the bot reaches on_message and the reply references it."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        said = await fake_discord.send_message("hi there")
        reply = await said.wait_reply()
        assert reply["message_reference"]["message_id"] == said.id
        assert "characters" in reply["content"]


async def test_oversized_message_refused_like_discord(
    fake_discord: FakeDiscord, log_records: LogCollector
) -> None:
    """A 2001-character message gets Discord's 400 Invalid Form Body, so the command fails."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        asked = await fake_discord.send_slash_command("toolong")
        await fake_discord.wait_until(lambda: asked.rejected_callbacks, 5, "the 400")
        assert asked.rejected_callbacks[0].status == 400
        assert fake_discord.client_errors()
        await fake_discord.wait_until(log_records.errors, 5, "the command error log")


async def test_unknown_route_answers_404_and_is_recorded(fake_discord: FakeDiscord) -> None:
    """A route the fake does not serve answers 404 and shows up in unknown_requests."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        with pytest.raises(discord.NotFound):
            await bot.http.request(discord.http.Route("GET", "/guilds/{guild_id}/bans", guild_id=1))
        assert [r.path for r in fake_discord.unknown_requests] == ["/guilds/1/bans"]


async def test_ping_checker_catches_missing_allowed_mentions(fake_discord: FakeDiscord) -> None:
    """ping_violations flags a message sent without allowed_mentions (Discord's default pings)."""
    bot = minimal_bot(fake_discord, allowed_mentions=False)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        asked = await fake_discord.send_slash_command("echo", {"text": "@everyone"})
        await asked.wait_answer()
        assert fake_discord.ping_violations() == asked.callbacks


async def test_heartbeats_are_acknowledged(fake_discord: FakeDiscord) -> None:
    """The client heartbeats at HELLO's interval and every heartbeat is acknowledged."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_until(
            lambda: fake_discord.gateway.heartbeat_count >= 3, 5, "three heartbeats"
        )
        assert fake_discord.gateway.unacked_heartbeats == 0
        assert bot.latency < 1.0


async def test_resume_after_close_4000_replays_missed_events(fake_discord: FakeDiscord) -> None:
    """After a 4000 close the client resumes on resume_gateway_url and gets what it missed."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        session_id = fake_discord.gateway.session.id  # type: ignore[union-attr]
        await fake_discord.gateway.close(4000)
        missed = await fake_discord.send_slash_command("echo", {"text": "while away"})
        assert (await missed.wait_answer())["content"] == "echo: while away"
        resume = fake_discord.gateway.resumes[0]
        assert resume["session_id"] == session_id and resume["seq"] >= 2
        assert fake_discord.gateway.connections[-1].path == "/gateway-resume"
        assert fake_discord.gateway.replayed >= 1
        assert len(fake_discord.gateway.identifies) == 1


async def test_resume_after_abnormal_close(fake_discord: FakeDiscord) -> None:
    """A connection cut without a close frame (1006) is resumed, not re-identified."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        await fake_discord.gateway.drop()
        await fake_discord.wait_until(lambda: fake_discord.gateway.resumed, 10, "a resume")
        asked = await fake_discord.send_slash_command("echo", {"text": "again"})
        assert (await asked.wait_answer())["content"] == "echo: again"
        assert len(fake_discord.gateway.identifies) == 1


@pytest.mark.parametrize("opcode", ["RECONNECT", "INVALID_SESSION resumable"])
async def test_reconnect_or_resumable_invalid_session_resumes(
    fake_discord: FakeDiscord, opcode: str
) -> None:
    """Op 7 RECONNECT, or op 9 with d=true, makes the client reconnect and resume its session."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        if opcode == "RECONNECT":
            await fake_discord.gateway.send_reconnect()
        else:
            await fake_discord.gateway.send_invalid_session(resumable=True)
        await fake_discord.wait_until(lambda: fake_discord.gateway.resumed, 10, "a resume")
        assert len(fake_discord.gateway.identifies) == 1


async def test_invalid_session_not_resumable_identifies_again(fake_discord: FakeDiscord) -> None:
    """Op 9 with d=false makes the client start a new session with IDENTIFY."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        await fake_discord.gateway.send_invalid_session(resumable=False)
        await fake_discord.wait_until(
            lambda: len(fake_discord.gateway.identifies) == 2, 10, "a second IDENTIFY"
        )
        await fake_discord.wait_identified()
        asked = await fake_discord.send_slash_command("echo", {"text": "new session"})
        assert (await asked.wait_answer())["content"] == "echo: new session"
        assert fake_discord.gateway.connections[-1].path == "/gateway"


async def test_rate_limited_callback_is_retried(fake_discord: FakeDiscord) -> None:
    """A 429 with retry_after on the callback is retried by discord.py and then accepted."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        fake_discord.fail_next(routes.CALLBACK, status=429, retry_after=0.3)
        asked = await fake_discord.send_slash_command("echo", {"text": "limited"})
        await asked.wait_answer()
        attempts = fake_discord.requests_to(routes.CALLBACK)
        assert [r.status for r in attempts] == [429, 200]
        assert attempts[1].at - attempts[0].at >= 0.3


async def test_server_error_on_followup_is_retried(fake_discord: FakeDiscord) -> None:
    """A 500 on a follow-up is retried once by discord.py and the follow-up arrives."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        fake_discord.fail_next(routes.WEBHOOK_EXECUTE, status=500)
        asked = await fake_discord.send_slash_command("slow")
        await asked.wait_followups(1, timeout=10)
        assert [r.status for r in fake_discord.requests_to(routes.WEBHOOK_EXECUTE)] == [500, 200]


async def test_zlib_stream_compression_when_enabled() -> None:
    """With compress=True the fake answers compress=zlib-stream with binary zlib frames."""
    if discord.utils._ActiveDecompressionContext.COMPRESSION_TYPE != "zlib-stream":
        pytest.skip("this discord.py install asks for zstd, which the fake does not speak")
    async with FakeDiscord(heartbeat_interval=0.5, compress=True) as fake:
        bot = minimal_bot(fake)
        async with running_client(fake, bot):
            connection = fake.gateway.connections[0]
            assert connection.query["compress"] == "zlib-stream"
            assert isinstance(connection.compressor, type(zlib.compressobj()))
            assert bot.get_guild(int(fake.guild.id)) is not None


async def test_stop_frees_the_port_and_restores_discord_urls() -> None:
    """Stopping the fake closes its port and puts discord.py's real URLs back."""
    original = discord.http.Route.BASE
    fake = FakeDiscord()
    async with fake:
        assert discord.http.Route.BASE == fake.base_url
        assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == fake.gateway_url
    assert port_is_closed(fake.port)
    assert discord.http.Route.BASE == original
    assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == "wss://gateway.discord.gg/"


async def test_waits_are_bounded(fake_discord: FakeDiscord) -> None:
    """A wait for something that never happens fails with what was awaited, after its timeout."""
    with pytest.raises(AssertionError, match="never"):
        await fake_discord.wait_until(lambda: False, 0.2, "something that never happens")


def test_message_text_joins_content_and_embeds() -> None:
    """message_text reads a message as a user does: its content, then its embeds' text."""
    assert message_text({"content": "a", "embeds": [{"title": "b"}]}) == "a\nb"


def deferring_bot(fake: FakeDiscord, *, delay: float = 0.0) -> commands.Bot:
    """A bot whose only command defers in public, then answers with an ephemeral follow-up."""
    bot = commands.Bot(
        command_prefix=commands.when_mentioned,
        intents=discord.Intents.default(),
        allowed_mentions=discord.AllowedMentions.none(),
    )
    guild = discord.Object(int(fake.guild.id))

    @bot.tree.command(description="Defer, then answer privately", guild=guild)
    async def private(interaction: discord.Interaction) -> None:
        await asyncio.sleep(delay)
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("only for you?", ephemeral=True)

    async def setup_hook() -> None:
        await bot.tree.sync(guild=guild)

    bot.setup_hook = setup_hook  # type: ignore[method-assign]
    return bot


async def test_followup_after_public_defer_stays_public(fake_discord: FakeDiscord) -> None:
    """As on Discord, the first follow-up fills the deferred message and keeps its visibility."""
    async with running_client(fake_discord, deferring_bot(fake_discord)):
        await fake_discord.wait_commands()
        asked = await fake_discord.send_slash_command("private")
        answer = await asked.wait_answer()
        assert answer["id"] == asked.original_message_id
        assert not asked.ephemeral
        assert asked.ignored_followup_flags  # the ephemeral flag asked for was ignored


async def test_late_acknowledgement_is_unknown_interaction(
    log_records: LogCollector,
) -> None:
    """With a response deadline, a callback after it gets Discord's 404 Unknown interaction."""
    fake = FakeDiscord(heartbeat_interval=0.5, response_deadline=0.2)
    async with fake, running_client(fake, deferring_bot(fake, delay=0.4)):
        await fake.wait_commands()
        asked = await fake.send_slash_command("private")
        await fake.wait_until(lambda: asked.rejected_callbacks, 5, "the late callback")
        assert asked.rejected_callbacks[0].response["code"] == 10062
        assert asked.answer is None
        await fake.wait_until(log_records.errors, 5, "discord.py's error log")


async def test_option_values_discord_would_not_send_are_refused(fake_discord: FakeDiscord) -> None:
    """Blank required text is refused by the driving API unless validation is turned off."""
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_commands()
        with pytest.raises(ValueError, match="Discord would not send"):
            await fake_discord.send_slash_command("echo", {"text": "   "})
        with pytest.raises(LookupError, match="needs option"):
            await fake_discord.send_slash_command("echo")
        forged = await fake_discord.send_slash_command("echo", {"text": "   "}, validate=False)
        assert (await forged.wait_answer())["content"] == "echo:    "


async def test_message_content_needs_the_intent_unless_mentioned(fake_discord: FakeDiscord) -> None:
    """Without the message_content intent the bot sees text only of messages that mention it."""
    bot = minimal_bot(fake_discord)
    seen: list[str] = []

    async def record(message: discord.Message) -> None:
        seen.append(message.content)

    bot.add_listener(record, "on_message")
    async with running_client(fake_discord, bot):
        await fake_discord.send_message("not for the bot", mention_bot=False)
        await fake_discord.send_message("for the bot")
        await fake_discord.wait_until(lambda: len(seen) == 2, 5, "both messages")
        assert seen[0] == "" and seen[1].endswith("for the bot")


async def test_member_query_is_answered_with_a_chunk(fake_discord: FakeDiscord) -> None:
    """A member query (op 8, with a nonce) is answered by GUILD_MEMBERS_CHUNK."""
    intents = discord.Intents.default()
    intents.members = True
    bot = commands.Bot(command_prefix=commands.when_mentioned, intents=intents)
    async with running_client(fake_discord, bot):
        guild = bot.get_guild(int(fake_discord.guild.id))
        assert guild is not None
        found = await asyncio.wait_for(guild.query_members("ali"), timeout=5)
        assert [m.name for m in found] == ["alice"]
        (request,) = fake_discord.gateway.frames_from_client(8)
        assert request["d"]["query"] == "ali" and request["d"]["nonce"]


async def test_unacknowledged_heartbeats_make_the_client_resume(fake_discord: FakeDiscord) -> None:
    """A zombie connection (heartbeats never acknowledged) is closed by the client and resumed."""
    bot = minimal_bot(fake_discord)
    bot._connection.heartbeat_timeout = 1.5  # discord.py's `heartbeat_timeout` option (60 s)
    async with running_client(fake_discord, bot):
        fake_discord.gateway.ack_heartbeats = False
        await fake_discord.wait_until(lambda: fake_discord.gateway.resumes, 10, "a RESUME")
        assert fake_discord.gateway.unacked_heartbeats >= 1
        fake_discord.gateway.ack_heartbeats = True
        await fake_discord.wait_until(lambda: fake_discord.gateway.resumed, 10, "RESUMED")


async def test_server_heartbeat_request_is_answered_at_once(fake_discord: FakeDiscord) -> None:
    """Op 1 from the server makes the client heartbeat immediately, off its schedule."""
    fake_discord.gateway.heartbeat_interval = 30.0
    bot = minimal_bot(fake_discord)
    async with running_client(fake_discord, bot):
        await fake_discord.wait_until(lambda: fake_discord.gateway.heartbeat_count == 1, 5, "beat")
        await fake_discord.gateway.request_heartbeat()
        await fake_discord.wait_until(
            lambda: fake_discord.gateway.heartbeat_count == 2, 2, "the requested heartbeat"
        )


async def test_threaded_fake_serves_a_client_from_its_own_loop() -> None:
    """ThreadedFakeDiscord runs the fake on another thread's loop; calls cross over with call()."""
    from tests.discord_fake.threaded import ThreadedFakeDiscord

    host = ThreadedFakeDiscord(heartbeat_interval=0.5)
    async with host as fake:
        bot = minimal_bot(fake)
        async with running_client(fake, bot):
            await host.call(lambda f: f.wait_commands())
            asked = await host.call(lambda f: f.send_slash_command("echo", {"text": "far"}))
            answer = await host.call(lambda f: asked.wait_answer())
            assert answer["content"] == "echo: far"
    assert port_is_closed(fake.port)


async def test_auto_sharded_client_uses_gateway_bot(fake_discord: FakeDiscord) -> None:
    """An AutoShardedClient asks GET /gateway/bot, then identifies shard 0 of 1 on its URL."""
    client = discord.AutoShardedClient(intents=discord.Intents.default())
    async with running_client(fake_discord, client):
        assert fake_discord.requests_to(routes.GATEWAY_BOT)
        assert fake_discord.gateway.identifies[0]["shard"] == [0, 1]
        assert client.get_guild(int(fake_discord.guild.id)) is not None
