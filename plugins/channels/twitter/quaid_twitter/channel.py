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

import time
import uuid
from collections.abc import Sequence
from typing import Any

import structlog
from aiohttp import web
from tortoise.exceptions import IntegrityError

from quaidcore import ComponentContext, GiveUp, Host, Inbound, InvalidMessage, OutboxItem, Reply
from quaidcore.http import HttpError, json_errors, parse_json

from .client import DirectMessages
from .config import TwitterConfig
from .models import TwitterUser
from .protocol import SIGNATURE_HEADER, BadWebhook, digest, parse_webhook, signature_ok, text_for

log = structlog.get_logger(__name__)

CHANNEL = "twitter"
INBOUND = "twitter_in"
OUTBOUND = "twitter_out"
MAX_CRC_TOKEN = 512


class TwitterChannel:
    """Account Activity API webhooks in, v2 direct messages out."""

    name = CHANNEL

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: TwitterConfig = ctx.config
        self.host: Host = ctx.host
        self.secret = self.config.consumer_secret.get_secret_value().encode()
        self.api = DirectMessages(self.config.api_url, self.config.access_token.get_secret_value(),
                                  self.config.timeout_s)
        options = self.config.retry.options()
        self.inbound = self.host.outbox(INBOUND, self.process, **options)
        self.outbound = self.host.outbox(OUTBOUND, self.send, **options)
        api = self.host.routes("/api/twitter", middlewares=[json_errors])
        api.router.add_get("/webhook", self.crc)
        api.router.add_post("/webhook", self.webhook)

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
        raw = await _body(request, self.config.max_body_bytes)
        if not signature_ok(self.secret, raw, request.headers.get(SIGNATURE_HEADER)):
            raise HttpError(403, f"missing or wrong {SIGNATURE_HEADER}")
        try:
            messages, ignored = parse_webhook(parse_json(raw), self.config.account_id)
        except BadWebhook as exc:
            raise HttpError(400, str(exc)) from None
        queued = 0
        known: set[str] = set()
        for message in messages:
            user = self.host.pseudonym(CHANNEL, message.user_id)
            if user not in known:
                await self._remember(user, message.user_id)
                known.add(user)
            # Masked before it is stored: the outbox holds redacted text only.
            text = self.host.redact(message.text).text if message.text else ""
            fallback = self.host.redact(message.fallback).text if message.fallback else ""
            queued += await self.inbound.enqueue(message.key, "message", {
                "user": user, "text": text, "payload": message.payload, "fallback": fallback,
                "at": message.at}, group=user)
        return web.json_response({"received": len(messages), "queued": queued, "ignored": ignored})

    async def _remember(self, user: str, user_id: str) -> None:
        with self.host.db():
            if await TwitterUser.exists(pseudonym=user):
                return
            try:
                await TwitterUser.create(pseudonym=user, user_id=user_id, created_at=time.time())
            except IntegrityError:  # another request stored it first
                pass

    async def _user_id(self, user: str) -> str:
        with self.host.db():
            found = await TwitterUser.get_or_none(pseudonym=user)
        if found is None:
            raise GiveUp("the X user was forgotten")
        return found.user_id

    # -- the inbound worker --------------------------------------------------------------

    async def process(self, item: OutboxItem) -> dict[str, Any]:
        """Hand one stored direct message to the core; store any replies to send."""
        data, user = item.payload, item.payload["user"]
        user_id = await self._user_id(user)
        conversation_id = await self.host.open_conversation(CHANNEL, user_id)
        if conversation_id is None:
            conversation_id, greeting = await self.host.start_conversation(CHANNEL, client_id=user_id)
            await self._queue(user, greeting, f"{item.key}:g")
        inbound = Inbound(CHANNEL, conversation_id, text=data.get("text") or "",
                          payload=data.get("payload"), received_at=float(data.get("at") or time.time()))
        try:
            replies = await self.host.handle(inbound)
        except InvalidMessage:
            if not (inbound.payload and data.get("fallback")):
                raise GiveUp("the core refused the message") from None
            replies = await self.host.handle(Inbound(CHANNEL, conversation_id, text=data["fallback"],
                                                     received_at=inbound.received_at))
        await self._queue(user, replies, f"{item.key}:r")
        return {"conversation_id": conversation_id, "replies": len(replies)}

    async def _queue(self, user: str, replies: Sequence[Reply], prefix: str) -> None:
        # Keys derive from the inbound message: processing it again sends nothing twice.
        for index, reply in enumerate(replies):
            text = text_for(reply)
            if text is not None:
                await self.outbound.enqueue(f"{prefix}:{index}", "send", {"user": user, "text": text},
                                            group=user)

    # -- the outbound worker -------------------------------------------------------------

    async def send(self, item: OutboxItem) -> dict[str, Any]:
        """Send one stored direct message."""
        user_id = await self._user_id(item.payload["user"])
        data = await self.api.send(user_id, item.payload["text"])
        return {"dm_event_id": data.get("dm_event_id")}

    # -- later replies (agents, handoff notice, survey) ---------------------------------

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Store replies for the user of the conversation in the outbound outbox."""
        info = await self.host.conversation(conversation_id)
        if info is None or not info.client:
            log.error("twitter_deliver_no_user", conversation=conversation_id)
            return
        for key, reply in zip(await delivery_keys(self.host, conversation_id, replies), replies, strict=True):
            await self._queue(info.client, [reply], key)


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
