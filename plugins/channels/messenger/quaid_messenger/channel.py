"""The ``messenger`` channel: the webhook, two durable outboxes, delivery.

In: ``POST /api/messenger/webhook`` checks the signature, masks each message's text with
the configured redaction chain, stores it in the ``messenger_in`` outbox (key: its ``mid``,
group: the user's pseudonym) and answers 200. The outbox worker then processes it: typing
indicator, the user's open conversation (or a new one, greeting included), the core's
answer. An acknowledged message is processed even if the server stops right after the 200,
once, in order per user.

Out: every reply is an item of the ``messenger_out`` outbox (key derived from the message
that caused it, group: the user's pseudonym), sent by the worker through the Send API with
retries, in order per user. Items name the user by pseudonym; the PSID lives only in the
``messenger_user`` table.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Any

from aiohttp import web

from quaidcore import ComponentContext, Host, OutboxItem, PlatformUsers, Reply, WebhookKit
from quaidcore.http import HttpError, parse_json
from quaidcore.webhooks import Render, outbox_targets, read_signed_body

from .config import MessengerConfig
from .graph import SendAPI
from .models import MessengerUser
from .protocol import SIGNATURE_HEADER, BadWebhook, message_for, parse_webhook, signature_ok

CHANNEL = "messenger"
INBOUND, OUTBOUND = outbox_targets(CHANNEL)
MAX_CHALLENGE = 256
RESPONSE = {"messaging_type": "RESPONSE"}


def messenger_users(host: Host) -> PlatformUsers:
    """The ``messenger_user`` table: pseudonym → PSID."""
    return PlatformUsers(host, CHANNEL, MessengerUser, "psid", "Messenger user")


class MessengerChannel:
    """Messenger Platform webhooks in, Send API out."""

    name = CHANNEL

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: MessengerConfig = ctx.config
        self.host: Host = ctx.host
        self.secret = self.config.app_secret.get_secret_value().encode()
        self.api = SendAPI(self.config.graph_url, self.config.page_access_token.get_secret_value(),
                           self.config.timeout_s)
        self.kit = WebhookKit(messenger_users(self.host), self.process, self.send, **self.config.retry.options())
        self.inbound, self.outbound = self.kit.inbound, self.kit.outbound
        self.kit.serve(self.verify, self.webhook)

    async def start(self) -> None:
        """Nothing to start: the host starts both outboxes' workers."""

    async def stop(self) -> None:
        """Close the HTTP session (the host already stopped the workers)."""
        await self.api.close()

    # -- the webhook -------------------------------------------------------------------

    async def verify(self, request: web.Request) -> web.Response:
        """``GET /api/messenger/webhook``: the subscription check. ``hub.mode=subscribe`` and
        the right ``hub.verify_token`` → ``hub.challenge`` as text; anything else → 403."""
        query = request.query
        token = query.get("hub.verify_token", "")
        expected = self.config.verify_token.get_secret_value()
        if query.get("hub.mode") != "subscribe" or not _same(token, expected):
            raise HttpError(403, "wrong hub.mode or hub.verify_token")
        challenge = query.get("hub.challenge", "")
        if not challenge or len(challenge) > MAX_CHALLENGE or not challenge.isprintable():
            raise HttpError(400, "hub.challenge is missing or not a short printable string")
        return web.Response(text=challenge, content_type="text/plain")

    async def webhook(self, request: web.Request) -> web.Response:
        """``POST /api/messenger/webhook``: signed events in; 200 once they are stored."""
        raw = await read_signed_body(request, self.config.max_body_bytes, SIGNATURE_HEADER,
                                     lambda raw, header: signature_ok(self.secret, raw, header))
        body = parse_json(raw)
        if not isinstance(body, dict):
            raise HttpError(400, "body must be a JSON object")
        if body.get("object") != "page":
            raise HttpError(404, "not a Page subscription ('object' must be 'page')")
        try:
            messages, ignored = parse_webhook(body)
        except BadWebhook as exc:
            raise HttpError(400, str(exc)) from None
        return await self.kit.acknowledge(messages, ignored)

    # -- the inbound worker --------------------------------------------------------------

    async def process(self, item: OutboxItem) -> dict[str, Any]:
        """Hand one stored message to the core; store its replies in the outbound outbox."""
        psid = await self.kit.users.client_id(item.payload["user"])
        conversation_id = await self.host.open_conversation(CHANNEL, psid)
        if self.config.typing and item.attempts == 0 and await self._bot_answers(conversation_id):
            await self.api.typing(psid)  # awaited: the indicator comes before the answer
        return await self.kit.answer(item, psid, conversation_id, _render(RESPONSE))

    async def _bot_answers(self, conversation_id: str | None) -> bool:
        """False while an agent owns the conversation (the bot is silent: no typing)."""
        if conversation_id is None:
            return True
        info = await self.host.conversation(conversation_id)
        return info is None or info.owner == "bot"

    # -- the outbound worker -------------------------------------------------------------

    async def send(self, item: OutboxItem) -> dict[str, Any]:
        """Send one stored message through the Send API."""
        psid = await self.kit.users.client_id(item.payload["user"])
        answer = await self.api.send({"recipient": {"id": psid}, **item.payload["body"]})
        return {"message_id": answer.get("message_id")}

    # -- later replies (agents, handoff notice, survey) ---------------------------------

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Store replies for the user of the conversation in the outbound outbox."""
        body = ({"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"} if self.config.human_agent_tag
                else RESPONSE)
        await self.kit.deliver(conversation_id, replies, _render(body))


def _render(body: dict[str, Any]) -> Render:
    """An outbound item's payload: the Send API body without its recipient."""
    def render(reply: Reply) -> dict[str, Any] | None:
        message = message_for(reply)
        return None if message is None else {"body": {**body, "message": message}}
    return render


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())
