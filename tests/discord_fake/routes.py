"""The REST routes the fake serves, as templates: recorded in RecordedRequest.route and used to
aim injected faults (`fake.fail_next(routes.CALLBACK, status=429)`)."""

from __future__ import annotations

import re

API_PREFIX = "/api/v10"

# Route templates, as recorded in RecordedRequest.route and used to aim injected faults.
ME = "GET /users/@me"
APPLICATION = "GET /oauth2/applications/@me"
GATEWAY = "GET /gateway"
GATEWAY_BOT = "GET /gateway/bot"
GLOBAL_COMMANDS_PUT = "PUT /applications/{application_id}/commands"
GLOBAL_COMMANDS_GET = "GET /applications/{application_id}/commands"
GUILD_COMMANDS_PUT = "PUT /applications/{application_id}/guilds/{guild_id}/commands"
GUILD_COMMANDS_GET = "GET /applications/{application_id}/guilds/{guild_id}/commands"
CALLBACK = "POST /interactions/{interaction_id}/{token}/callback"
WEBHOOK_EXECUTE = "POST /webhooks/{application_id}/{token}"
WEBHOOK_MESSAGE_GET = "GET /webhooks/{application_id}/{token}/messages/{message_id}"
WEBHOOK_MESSAGE_EDIT = "PATCH /webhooks/{application_id}/{token}/messages/{message_id}"
WEBHOOK_MESSAGE_DELETE = "DELETE /webhooks/{application_id}/{token}/messages/{message_id}"
CHANNEL_MESSAGE_CREATE = "POST /channels/{channel_id}/messages"
CHANNEL_MESSAGE_GET = "GET /channels/{channel_id}/messages/{message_id}"
CHANNEL_MESSAGE_EDIT = "PATCH /channels/{channel_id}/messages/{message_id}"
CHANNEL_MESSAGE_DELETE = "DELETE /channels/{channel_id}/messages/{message_id}"
CHANNEL_TYPING = "POST /channels/{channel_id}/typing"

# Routes a bot may call without its token (the interaction token authorises them).
TOKENLESS_PREFIXES = ("/webhooks/", "/interactions/")

# Routes whose success creates or edits a message.
MESSAGE_ROUTES = frozenset(
    {CALLBACK, WEBHOOK_EXECUTE, WEBHOOK_MESSAGE_EDIT, CHANNEL_MESSAGE_CREATE, CHANNEL_MESSAGE_EDIT}
)


def template_regex(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(f"^{pattern}$")
