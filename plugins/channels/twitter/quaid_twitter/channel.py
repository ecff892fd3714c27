"""The ``twitter`` channel: X direct messages through the Account Activity API.

In: ``POST /api/twitter/webhook`` checks the signature, masks each direct message's text with
the configured redaction chain, stores it in the ``twitter_in`` outbox (key: the event ID,
group: the user's pseudonym) and answers 200. The outbox worker then hands it to the core in
the user's open conversation (or a new one). With ``dialogue.channels_without_bot:
[twitter]`` — how the agency works — every conversation is a ticket at once and the bot
stays silent.

Out: agents' replies (and anything else the core delivers) are items of the ``twitter_out``
outbox, sent by the worker as direct messages with retries, in order per user. Items name
the user by pseudonym; the X user ID lives only in the ``twitter_user`` table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiohttp import web

from quaidcore import ComponentContext, Host, OutboxItem, PlatformUsers, Reply, WebhookKit
from quaidcore.http import HttpError, parse_json
from quaidcore.webhooks import outbox_targets, read_signed_body

from .client import DirectMessages
from .config import TwitterConfig
from .models import TwitterUser
from .protocol import SIGNATURE_HEADER, BadWebhook, digest, parse_webhook, signature_ok, text_for

CHANNEL = "twitter"
INBOUND, OUTBOUND = outbox_targets(CHANNEL)
MAX_CRC_TOKEN = 512


def twitter_users(host: Host) -> PlatformUsers:
    """The ``twitter_user`` table: pseudonym → X user ID."""
    return PlatformUsers(host, CHANNEL, TwitterUser, "user_id", "X user")


class TwitterChannel:
    """Account Activity API webhooks in, v2 direct messages out."""

    name = CHANNEL

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: TwitterConfig = ctx.config
        self.host: Host = ctx.host
        self.secret = self.config.consumer_secret.get_secret_value().encode()
        self.api = DirectMessages(self.config.api_url, self.config.access_token.get_secret_value(),
                                  self.config.timeout_s)
        self.kit = WebhookKit(twitter_users(self.host), self.process, self.send, **self.config.retry.options())
        self.inbound, self.outbound = self.kit.inbound, self.kit.outbound
        self.kit.serve(self.crc, self.webhook)

    async def start(self) -> None:
        """Nothing to start: the host starts both outboxes' workers."""

    async def stop(self) -> None:
        """Close the HTTP session (the host already stopped the workers)."""
        await self.api.close()

    # -- the webhook -------------------------------------------------------------------

    async def crc(self, request: web.Request) -> web.Response:
        """``GET /api/twitter/webhook?crc_token=…``: the challenge-response check."""
        token = request.query.get("crc_token", "")
        if not token or len(token) > MAX_CRC_TOKEN or not token.isprintable():
            raise HttpError(400, "crc_token is missing or not a short printable string")
        return web.json_response({"response_token": digest(self.secret, token.encode())})

    async def webhook(self, request: web.Request) -> web.Response:
        """``POST /api/twitter/webhook``: signed account activity in; 200 once it is stored."""
        raw = await read_signed_body(request, self.config.max_body_bytes, SIGNATURE_HEADER,
                                     lambda raw, header: signature_ok(self.secret, raw, header))
        try:
            messages, ignored = parse_webhook(parse_json(raw), self.config.account_id)
        except BadWebhook as exc:
            raise HttpError(400, str(exc)) from None
        return await self.kit.acknowledge(messages, ignored)

    # -- the inbound worker --------------------------------------------------------------

    async def process(self, item: OutboxItem) -> dict[str, Any]:
        """Hand one stored direct message to the core; store any replies to send."""
        user_id = await self.kit.users.client_id(item.payload["user"])
        conversation_id = await self.host.open_conversation(CHANNEL, user_id)
        return await self.kit.answer(item, user_id, conversation_id, _render)

    # -- the outbound worker -------------------------------------------------------------

    async def send(self, item: OutboxItem) -> dict[str, Any]:
        """Send one stored direct message."""
        user_id = await self.kit.users.client_id(item.payload["user"])
        data = await self.api.send(user_id, item.payload["text"])
        return {"dm_event_id": data.get("dm_event_id")}

    # -- later replies (agents, handoff notice, survey) ---------------------------------

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Store replies for the user of the conversation in the outbound outbox."""
        await self.kit.deliver(conversation_id, replies, _render)


def _render(reply: Reply) -> dict[str, Any] | None:
    """An outbound item's payload: the direct message's text."""
    text = text_for(reply)
    return None if text is None else {"text": text}
