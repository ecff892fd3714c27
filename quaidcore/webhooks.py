"""A kit for channels that receive signed webhooks and answer through the durable outbox.

Such a channel (Messenger, X direct messages...) has a platform-specific half — the
signature scheme, the webhook's shape, the outbound message's shape, the partner's error
codes — and a half that is the same everywhere, which this module is:

- :class:`PlatformUsers`: the plugin's own table mapping the pseudonym the core knows to
  the platform user ID sending needs (the only place that ID is stored), and ``forget``.
- :class:`WebhookKit`: the channel's two outboxes (``<channel>_in``, ``<channel>_out``);
  ``accept`` stores parsed :class:`PlatformMessage` objects redacted, grouped by user (the 200
  comes after, so an acknowledged message is processed even across a restart, once, in
  order per user); ``answer`` hands one stored message to the core and queues the replies;
  ``deliver`` queues later replies (agents, survey) under keys that make one item per reply
  even when several workers receive the same delivery.
- :func:`read_signed_body`: the raw body, checked against its signature header.
- :class:`PartnerAPI`: an HTTP client for the outbox worker (one lazy session, timeouts,
  transport failures as a retryable :class:`PartnerUnavailable`).
- Text helpers for the wire formats: :func:`clean_text`, :func:`payload_token`,
  :func:`shorten`, :func:`with_links`.

A channel built on it::

    kit = WebhookKit(PlatformUsers(host, "mine", MyUser, "user_id", "Mine user"),
                     self.process, self.send, **config.retry.options())
    kit.serve(self.verify, self.webhook)          # GET and POST /api/mine/webhook

    async def webhook(self, request):
        raw = await read_signed_body(request, max_bytes, "X-Signature", self.signature_ok)
        messages, ignored = parse(parse_json(raw))   # -> PlatformMessage list
        return await kit.acknowledge(messages, ignored)

    async def process(self, item):                # the inbound worker
        client_id = await kit.users.client_id(item.payload["user"])
        conversation = await host.open_conversation("mine", client_id)
        return await kit.answer(item, client_id, conversation, render)

See ``plugins/channels/messenger/`` and ``plugins/channels/twitter/``.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import structlog
from aiohttp import web
from tortoise import fields
from tortoise.exceptions import IntegrityError
from tortoise.models import Model

from .host import Host
from .http import HttpError, json_errors, read_body
from .messages import Inbound, InvalidMessage, Link, Reply
from .outbox import GiveUp, Handler, Outbox, OutboxItem

__all__ = ["LOOPBACK", "PartnerAPI", "PartnerAnswer", "PartnerUnavailable", "PlatformMessage", "PlatformUserModel",
           "PlatformUsers", "Render", "WebhookKit", "clean_text", "delivery_keys", "outbox_targets",
           "partner_base_url", "payload_token", "read_signed_body", "shorten", "with_links"]

log = structlog.get_logger(__name__)

Render = Callable[[Reply], dict[str, Any] | None]
"""An outbound item's payload for one reply (the kit adds ``"user"``); None: nothing to send."""
RouteHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class PlatformMessage:
    """One client message parsed from a webhook: a text, or a button's payload."""

    key: str
    """The inbound outbox key, from the platform's message ID: a redelivery is the same item."""
    client_id: str
    """The platform's user ID (stored only in the plugin's table; the core sees a pseudonym)."""
    text: str
    payload: str | None
    fallback: str
    """The button's title: handled as text if the core refuses the payload."""
    at: float


def outbox_targets(channel: str) -> tuple[str, str]:
    """The targets of a channel's inbound and outbound outboxes: ``<channel>_in``, ``<channel>_out``."""
    return f"{channel}_in", f"{channel}_out"


class PlatformUserModel(Model):
    """The base of a plugin's table of platform users (abstract: the plugin's subclass adds
    the field that holds the platform ID and names the table)::

        class MineUser(PlatformUserModel):
            user_id = fields.CharField(max_length=64)

            class Meta:
                table = "mine_user"
    """

    pseudonym = fields.CharField(max_length=64, primary_key=True)
    created_at = fields.FloatField()

    class Meta:
        abstract = True


class PlatformUsers:
    """Pseudonym → platform user ID, in the plugin's own table `model`, whose `field` holds
    the platform ID: the only place it is stored."""

    def __init__(self, host: Host, channel: str, model: type[PlatformUserModel], field: str, label: str) -> None:
        self.host, self.channel, self.model, self.field = host, channel, model, field
        self.label = label  # "Messenger user": GiveUp says "the Messenger user was forgotten"

    async def remember(self, user: str, client_id: str) -> None:
        """Store the platform ID of pseudonym `user` (once; concurrent requests are fine)."""
        with self.host.db():
            if await self.model.exists(pseudonym=user):
                return
            try:
                await self.model.create(pseudonym=user, created_at=time.time(), **{self.field: client_id})
            except IntegrityError:  # another request stored it first
                pass

    async def client_id(self, user: str) -> str:
        """The platform ID of pseudonym `user`; :class:`GiveUp` once the user was forgotten."""
        with self.host.db():
            found = await self.model.get_or_none(pseudonym=user)
        if found is None:
            raise GiveUp(f"the {self.label} was forgotten")
        return str(getattr(found, self.field))

    async def forget(self, conversation_ids: Iterable[str]) -> set[str]:
        """Delete the platform IDs of these conversations' clients (of this channel) and their
        items in the channel's two outboxes (the messages in and out, redacted, sent or not).
        What ``quaid_forget`` does; the pseudonyms forgotten."""
        users = set()
        for conversation_id in conversation_ids:
            info = await self.host.conversation(conversation_id)
            if info is not None and info.channel == self.channel and info.client:
                users.add(info.client)
        if users:
            with self.host.db():
                await OutboxItem.filter(target__in=outbox_targets(self.channel), group__in=users).delete()
                await self.model.filter(pseudonym__in=users).delete()
        return users


class WebhookKit:
    """The shared half of a webhook channel: its two outboxes and what goes through them.

    Inbound items (``<channel>_in``, key: the message's key, group: the user's pseudonym)
    hold ``{"user", "text", "payload", "fallback", "at"}``, redacted; `process` handles
    them. Outbound items (``<channel>_out``, action ``send``, group: the pseudonym) hold
    ``{"user", **render(reply)}``; `send` sends them. `options` are the outboxes' (retries).
    """

    def __init__(self, users: PlatformUsers, process: Handler, send: Handler, **options: Any) -> None:
        self.users, self.host, self.channel = users, users.host, users.channel
        inbound, outbound = outbox_targets(self.channel)
        self.inbound: Outbox = self.host.outbox(inbound, process, **options)
        self.outbound: Outbox = self.host.outbox(outbound, send, **options)

    def serve(self, verify: RouteHandler, receive: RouteHandler) -> web.Application:
        """Mount ``GET`` (the platform's subscription check) and ``POST`` (the events)
        ``/api/<channel>/webhook``, errors answered as JSON."""
        api = self.host.routes(f"/api/{self.channel}", middlewares=[json_errors])
        api.router.add_get("/webhook", verify)
        api.router.add_post("/webhook", receive)
        return api

    # -- in ----------------------------------------------------------------------------

    async def accept(self, messages: Iterable[PlatformMessage]) -> int:
        """Store each message in the inbound outbox, redacted, and its user's platform ID;
        how many were new (a redelivered key is stored once)."""
        queued = 0
        known: set[str] = set()
        for message in messages:
            user = self.host.pseudonym(self.channel, message.client_id)
            if user not in known:
                await self.users.remember(user, message.client_id)
                known.add(user)
            # Masked before it is stored: the outbox holds redacted text only.
            text = self.host.redact(message.text).text if message.text else ""
            fallback = self.host.redact(message.fallback).text if message.fallback else ""
            queued += await self.inbound.enqueue(message.key, "message", {
                "user": user, "text": text, "payload": message.payload, "fallback": fallback,
                "at": message.at}, group=user)
        return queued

    async def acknowledge(self, messages: Sequence[PlatformMessage], ignored: int) -> web.Response:
        """:meth:`accept`, then the webhook's 200: ``{"received", "queued", "ignored"}``."""
        queued = await self.accept(messages)
        return web.json_response({"received": len(messages), "queued": queued, "ignored": ignored})

    async def answer(self, item: OutboxItem, client_id: str, conversation_id: str | None,
                     render: Render) -> dict[str, Any]:
        """Hand one stored inbound message to the core, in `conversation_id` or, when None, a
        new conversation (its greeting queued first); queue the replies. The handler's result."""
        data, user = item.payload, item.payload["user"]
        if conversation_id is None:
            conversation_id, greeting = await self.host.start_conversation(self.channel, client_id=client_id)
            await self.queue(user, greeting, f"{item.key}:g", render)
        inbound = Inbound(self.channel, conversation_id, text=data.get("text") or "",
                          payload=data.get("payload"), received_at=float(data.get("at") or time.time()))
        try:
            replies = await self.host.handle(inbound)
        except InvalidMessage:
            if not (inbound.payload and data.get("fallback")):
                raise GiveUp("the core refused the message") from None
            # A button of the platform's own (a persistent menu...) the core does not know: its title.
            replies = await self.host.handle(Inbound(self.channel, conversation_id, text=data["fallback"],
                                                     received_at=inbound.received_at))
        await self.queue(user, replies, f"{item.key}:r", render)
        return {"conversation_id": conversation_id, "replies": len(replies)}

    # -- out ---------------------------------------------------------------------------

    async def queue(self, user: str, replies: Sequence[Reply], prefix: str, render: Render) -> None:
        """Store replies to pseudonym `user` in the outbound outbox, keys ``<prefix>:<n>``:
        derived from what caused them, so handling it again sends nothing twice."""
        for index, reply in enumerate(replies):
            payload = render(reply)
            if payload is not None:
                await self.outbound.enqueue(f"{prefix}:{index}", "send", {"user": user, **payload}, group=user)

    async def deliver(self, conversation_id: str, replies: Sequence[Reply], render: Render) -> None:
        """Queue replies that are not an immediate answer (agents, handoff notice, survey)
        for the client of `conversation_id` (what a channel's ``deliver`` does)."""
        info = await self.host.conversation(conversation_id)
        if info is None or not info.client:
            log.error(f"{self.channel}_deliver_no_user", conversation=conversation_id)
            return
        keys = await delivery_keys(self.host, conversation_id, replies)
        for key, reply in zip(keys, replies, strict=True):
            await self.queue(info.client, [reply], key, render)


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


async def read_signed_body(request: web.Request, max_bytes: int, header: str,
                           valid: Callable[[bytes, str | None], bool]) -> bytes:
    """The raw body (the signature covers the bytes as sent; 413 over `max_bytes`) once
    ``valid(raw, request.headers.get(header))``; 403 naming `header` otherwise."""
    raw = await read_body(request, max_bytes)
    if not valid(raw, request.headers.get(header)):
        raise HttpError(403, f"missing or wrong {header}")
    return raw


# -- the partner's API, for the outbound worker ------------------------------------------


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
"""The hosts a partner's base URL may name over plain http (tests' fakes)."""


def partner_base_url(value: str, example: str) -> str:
    """A partner API's base URL from a plugin's config, for a pydantic validator: https (plain
    http only on loopback, for tests), no query or fragment, no trailing slash. A
    ``ValueError`` quoting `example` otherwise."""
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"a base URL such as {example}")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise ValueError("https is required (plain http only on loopback, for tests)")
    if parts.query or parts.fragment:
        raise ValueError("no query or fragment: the base URL only")
    return value.rstrip("/")


class PartnerUnavailable(Exception):
    """A failed call that may succeed later (a connection error, a timeout): the outbox retries."""


@dataclass(frozen=True)
class PartnerAnswer:
    """A partner's HTTP answer, read whole."""

    status: int
    text: str
    headers: Mapping[str, str]

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def json_object(self) -> dict[str, Any]:
        """The body as a JSON object; ``{}`` when it is empty, not JSON or not an object."""
        try:
            data = json.loads(self.text) if self.text.strip() else {}
        except json.JSONDecodeError:
            return {}
        return data if isinstance(data, dict) else {}


class PartnerAPI:
    """An HTTP client of a partner's API: one aiohttp session opened at the first call
    (default `headers` and a total timeout of `timeout_s`), closed by :meth:`close` (a
    channel's ``stop``). A subclass names its retryable error in :attr:`unavailable`."""

    unavailable: type[Exception] = PartnerUnavailable
    """What a connection error or a timeout raises: a subclass names its own (retried by the outbox)."""

    def __init__(self, timeout_s: float, headers: Mapping[str, str] | None = None) -> None:
        self.timeout = aiohttp.ClientTimeout(total=timeout_s)
        self.headers = dict(headers or {})
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def post(self, url: str, what: str, *, timeout: aiohttp.ClientTimeout | None = None,
                   **options: Any) -> PartnerAnswer:
        """One POST (`options` as for aiohttp: ``json=``, ``params=``...); a connection error or
        a timeout raises :attr:`unavailable` with `what` (never the URL: it may hold a token)."""
        if self._session is None:
            self._session = aiohttp.ClientSession(headers=self.headers, timeout=self.timeout)
        try:
            async with self._session.post(url, timeout=timeout or self.timeout, **options) as resp:
                return PartnerAnswer(resp.status, await resp.text(), resp.headers)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise self.unavailable(f"{what}: {type(exc).__name__}") from None


# -- text of the wire formats -------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: Any, limit: int) -> str:
    """An inbound text: control characters as spaces, at most `limit` characters, stripped;
    ``""`` for anything but a string."""
    if not isinstance(value, str):
        return ""
    return _CONTROL.sub(" ", value)[:limit].strip()


def payload_token(value: Any) -> str | None:
    """`value` when it can be a quick-reply payload (1–64 of ``A-Z a-z 0-9 _ . : -``), else None."""
    return value if isinstance(value, str) and _TOKEN.fullmatch(value) else None


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with an ellipsis when cut."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def with_links(text: str, links: Sequence[Link], limit: int) -> str:
    """The text with its links appended (``Title: URL`` lines), at most `limit` characters:
    the text is cut before the links are."""
    text = text.strip()
    tail = "\n".join(f"{link.title}: {link.url}" if link.title else link.url for link in links)
    if text and tail:
        tail = "\n\n" + tail
    if len(text) + len(tail) <= limit:
        return text + tail
    room = limit - len(tail)
    if room < 2:
        return shorten(text + tail, limit)
    return shorten(text, room) + tail
