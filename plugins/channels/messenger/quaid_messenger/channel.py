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
import time
import uuid
from collections.abc import Sequence
from typing import Any

import structlog
from aiohttp import web
from tortoise.exceptions import IntegrityError

from quaidcore import ComponentContext, GiveUp, Host, Inbound, InvalidMessage, OutboxItem, Reply
from quaidcore.http import HttpError, json_errors, parse_json

from .config import MessengerConfig
from .graph import SendAPI
from .models import MessengerUser
from .protocol import SIGNATURE_HEADER, BadWebhook, message_for, parse_webhook, signature_ok

log = structlog.get_logger(__name__)

CHANNEL = "messenger"
INBOUND = "messenger_in"
OUTBOUND = "messenger_out"
MAX_CHALLENGE = 256


class MessengerChannel:
    """Messenger Platform webhooks in, Send API out."""

    name = CHANNEL

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: MessengerConfig = ctx.config
        self.host: Host = ctx.host
        self.secret = self.config.app_secret.get_secret_value().encode()
        self.api = SendAPI(self.config.graph_url, self.config.page_access_token.get_secret_value(),
                           self.config.timeout_s)
        options = self.config.retry.options()
        self.inbound = self.host.outbox(INBOUND, self.process, **options)
        self.outbound = self.host.outbox(OUTBOUND, self.send, **options)
        api = self.host.routes("/api/messenger", middlewares=[json_errors])
        api.router.add_get("/webhook", self.verify)
        api.router.add_post("/webhook", self.webhook)

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
        raw = await _body(request, self.config.max_body_bytes)
        if not signature_ok(self.secret, raw, request.headers.get(SIGNATURE_HEADER)):
            raise HttpError(403, f"missing or wrong {SIGNATURE_HEADER}")
        body = parse_json(raw)
        if not isinstance(body, dict):
            raise HttpError(400, "body must be a JSON object")
        if body.get("object") != "page":
            raise HttpError(404, "not a Page subscription ('object' must be 'page')")
        try:
            messages, ignored = parse_webhook(body)
        except BadWebhook as exc:
            raise HttpError(400, str(exc)) from None
        queued = 0
        known: set[str] = set()
        for message in messages:
            user = self.host.pseudonym(CHANNEL, message.psid)
            if user not in known:
                await self._remember(user, message.psid)
                known.add(user)
            # Masked before it is stored: the outbox holds redacted text only.
            text = self.host.redact(message.text).text if message.text else ""
            fallback = self.host.redact(message.fallback).text if message.fallback else ""
            queued += await self.inbound.enqueue(message.key, "message", {
                "user": user, "text": text, "payload": message.payload, "fallback": fallback,
                "at": message.at}, group=user)
        return web.json_response({"received": len(messages), "queued": queued, "ignored": ignored})

    async def _remember(self, user: str, psid: str) -> None:
        with self.host.db():
            if await MessengerUser.exists(pseudonym=user):
                return
            try:
                await MessengerUser.create(pseudonym=user, psid=psid, created_at=time.time())
            except IntegrityError:  # another request stored it first
                pass

    async def _psid(self, user: str) -> str:
        with self.host.db():
            found = await MessengerUser.get_or_none(pseudonym=user)
        if found is None:
            raise GiveUp("the Messenger user was forgotten")
        return found.psid

    # -- the inbound worker --------------------------------------------------------------

    async def process(self, item: OutboxItem) -> dict[str, Any]:
        """Hand one stored message to the core; store its replies in the outbound outbox."""
        data, user = item.payload, item.payload["user"]
        psid = await self._psid(user)
        conversation_id = await self.host.open_conversation(CHANNEL, psid)
        if self.config.typing and item.attempts == 0 and await self._bot_answers(conversation_id):
            await self.api.typing(psid)  # awaited: the indicator comes before the answer
        if conversation_id is None:
            conversation_id, greeting = await self.host.start_conversation(CHANNEL, client_id=psid)
            await self._queue(user, greeting, f"{item.key}:g")
        inbound = Inbound(CHANNEL, conversation_id, text=data.get("text") or "",
                          payload=data.get("payload"), received_at=float(data.get("at") or time.time()))
        try:
            replies = await self.host.handle(inbound)
        except InvalidMessage:
            if not (inbound.payload and data.get("fallback")):
                raise GiveUp("the core refused the message") from None
            # A button of the Page's own (a persistent menu...) the core does not know: its title.
            replies = await self.host.handle(Inbound(CHANNEL, conversation_id, text=data["fallback"],
                                                     received_at=inbound.received_at))
        await self._queue(user, replies, f"{item.key}:r")
        return {"conversation_id": conversation_id, "replies": len(replies)}

    async def _bot_answers(self, conversation_id: str | None) -> bool:
        """False while an agent owns the conversation (the bot is silent: no typing)."""
        if conversation_id is None:
            return True
        info = await self.host.conversation(conversation_id)
        return info is None or info.owner == "bot"

    async def _queue(self, user: str, replies: Sequence[Reply], prefix: str,
                     body: dict[str, Any] | None = None) -> None:
        # Keys derive from the inbound message: processing it again sends nothing twice.
        for index, reply in enumerate(replies):
            message = message_for(reply)
            if message is not None:
                await self.outbound.enqueue(f"{prefix}:{index}", "send", {
                    "user": user, "body": {**(body or {"messaging_type": "RESPONSE"}), "message": message}},
                    group=user)

    # -- the outbound worker -------------------------------------------------------------

    async def send(self, item: OutboxItem) -> dict[str, Any]:
        """Send one stored message through the Send API."""
        psid = await self._psid(item.payload["user"])
        answer = await self.api.send({"recipient": {"id": psid}, **item.payload["body"]})
        return {"message_id": answer.get("message_id")}

    # -- later replies (agents, handoff notice, survey) ---------------------------------

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Store replies for the user of the conversation in the outbound outbox."""
        info = await self.host.conversation(conversation_id)
        if info is None or not info.client:
            log.error("messenger_deliver_no_user", conversation=conversation_id)
            return
        body = ({"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"} if self.config.human_agent_tag
                else {"messaging_type": "RESPONSE"})
        for key, reply in zip(await delivery_keys(self.host, conversation_id, replies), replies, strict=True):
            await self._queue(info.client, [reply], key, body)


async def delivery_keys(host: Host, conversation_id: str, replies: Sequence[Reply]) -> list[str]:
    """An outbox key per reply, from the stored message it is: with several workers on one
    database, each receives the delivery and enqueues it, and the same key makes one item."""
    lines = [line for line in await host.transcript(conversation_id) if line.author != "client"]
    keys, used = [], set()
    for index, reply in enumerate(replies):
        found = next((n for n in range(len(lines) - 1, -1, -1) if n not in used
                      and lines[n].text == reply.text and lines[n].kind == reply.kind), None)
        if found is None:
            keys.append(f"d:{conversation_id}:{uuid.uuid4().hex}:{index}")
        else:
            used.add(found)
            keys.append(f"d:{conversation_id}:{lines[found].at!r}:{index}")
    return keys


async def _body(request: web.Request, limit: int) -> bytes:
    """The raw body (the signature covers the bytes as sent), at most `limit` bytes."""
    if request.content_length is not None and request.content_length > limit:
        raise HttpError(413, f"body over the limit of {limit} bytes")
    try:
        raw = await request.content.read(limit + 1)
    except (ValueError, OSError) as exc:
        raise HttpError(400, f"unreadable body: {type(exc).__name__}") from None
    if len(raw) > limit:
        raise HttpError(413, f"body over the limit of {limit} bytes")
    return raw


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())
