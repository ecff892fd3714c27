"""The ``botframework`` channel: Bot Framework activities in, Bot Connector calls out.

In: ``POST /api/botframework/messages``. The ``Authorization`` bearer token is validated by
botbuilder's own authentication (:mod:`.auth`) before anything is stored; the body goes
through :func:`quaidcore.http.read_json`'s limits and :func:`.activities.parse_activity`.
A ``message`` activity goes to the open conversation of its (platform conversation, user)
pair — or a new one, whose greeting is sent too — and the core's replies are queued. A
``conversationUpdate`` that adds a user to a one-to-one conversation opens it and sends the
greeting. Other activity types are acknowledged and ignored.

Out: every activity to send (replies, an agent's reply, the survey, the handoff notice and
its ``handoff.initiate`` event) is an item of the ``botframework_out`` outbox (group: the
Quaid conversation, so in order; retried on 5xx, 429 and network errors). The worker applies
the conversation's stored ``ConversationReference`` and sends through the SDK's
``ConnectorClient`` to the ``serviceUrl``: a reply to the inbound activity where the channel
threads replies (``/v3/conversations/{id}/activities/{activityId}``), else a new activity
in the conversation (``/v3/conversations/{id}/activities``). The bot's access token comes
from the SDK's app credentials (msal), fetched in a thread; items hold no platform ID.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from email.utils import parsedate_to_datetime
from typing import Any

import requests
import structlog
from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationReference
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import AuthenticationConstants, ClaimsIdentity
from msrest.authentication import Authentication
from msrest.exceptions import ClientRequestError, HttpOperationError

from quaidcore import ComponentContext, GiveUp, Host, Inbound, OutboxItem, Reply, Retry
from quaidcore.http import HttpError, json_errors, read_json

from .activities import (
    BadActivity,
    Incoming,
    activities_for,
    lang_of,
    message_text,
    offered_tokens,
    parse_activity,
    payload_of,
    stored_reference,
)
from .auth import KeysUnavailable, make_authentication
from .config import BotFrameworkConfig
from .models import BotFrameworkReference

log = structlog.get_logger(__name__)

CHANNEL = "botframework"
OUTBOUND = "botframework_out"
MAX_AUTH_HEADER = 4096  # Bot Connector tokens are ~1.5 KB; aiohttp refuses >8 KB lines itself
MAX_CLIENTS = 32
MAX_RECENT = 16
USER_AGENT = "quaid-botframework/0.1"


class BearerToken(Authentication):
    """msrest credentials that only set a token fetched beforehand.

    The SDK's ``MicrosoftAppCredentials`` gets its token with msal's blocking calls inside
    ``signed_session``, on the event loop; here :meth:`refresh` runs them in a thread (msal
    keeps the token cached until it nears expiry) and ``signed_session`` sets the header.
    """

    def __init__(self, credentials: Any) -> None:
        self.credentials = credentials
        self.token: str | None = None

    async def refresh(self) -> None:
        self.token = await asyncio.to_thread(self.credentials.get_access_token)

    def signed_session(self, session: requests.Session | None = None) -> requests.Session:
        session = session or requests.Session()
        if self.token:
            session.headers["Authorization"] = f"Bearer {self.token}"
        else:
            session.headers.pop("Authorization", None)
        return session


class BotFrameworkChannel:
    """Microsoft Bot Framework (Teams, Web Chat, Direct Line) through botbuilder."""

    name = CHANNEL

    def __init__(self, ctx: ComponentContext) -> None:
        if not isinstance(ctx.config, BotFrameworkConfig):
            raise ValueError("plugins.botframework needs app_id and app_password")
        self.config: BotFrameworkConfig = ctx.config
        self.host: Host = ctx.host
        self.auth, self.credentials = make_authentication(self.config)
        self.outbox = self.host.outbox(OUTBOUND, self.send, state_dir=self.host.data_dir / CHANNEL,
                                       **self.config.retry.options())
        self._clients: dict[str, tuple[ConnectorClient, BearerToken]] = {}
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}
        api = self.host.routes("/api/botframework", middlewares=[json_errors])
        api.router.add_post("/messages", self.messages)

    async def start(self) -> None:
        """Nothing to start: the host starts the outbox worker."""

    async def stop(self) -> None:
        """Close the Bot Connector clients (the host already stopped the worker)."""
        clients, self._clients = list(self._clients.values()), {}
        for client, _ in clients:
            with contextlib.suppress(Exception):
                await client.__aexit__(None, None, None)

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Queue replies that are not an immediate answer (an agent's, the survey, the handoff
        notice): sent proactively with the conversation's stored reference."""
        await self._enqueue(conversation_id, replies, await delivery_keys(self.host, conversation_id, replies))

    # -- in ----------------------------------------------------------------------------

    async def messages(self, request: web.Request) -> web.Response:
        """``POST /api/botframework/messages``: one activity from the Bot Connector."""
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer ") or len(header) > MAX_AUTH_HEADER:
            raise _unauthorized()
        body = await read_json(request, self.config.max_body_bytes)
        try:
            incoming = parse_activity(body, self.config.max_text_chars)
        except BadActivity as exc:
            raise HttpError(400, str(exc)) from None
        await self._authenticate(incoming.activity, header)
        if incoming.type == ActivityTypes.message:
            await self._message(incoming)
        elif incoming.type == ActivityTypes.conversation_update:
            await self._members_added(incoming)
        return web.json_response({}, status=200)

    async def _authenticate(self, activity: Activity, header: str) -> None:
        try:
            result = await self.auth.authenticate_request(activity, header)
        except KeysUnavailable as exc:
            log.error("botframework_keys_unavailable", error=str(exc))
            raise HttpError(503, "the channel's signing keys are unavailable; try again later",
                            headers={"Retry-After": "30"}) from None
        except Exception as exc:  # PermissionError, PyJWT's errors, the SDK's bare Exceptions
            log.warning("botframework_unauthorized", reason=f"{type(exc).__name__}: {str(exc)[:120]}")
            raise _unauthorized() from None
        identity = result.claims_identity
        if identity is None or not identity.is_authenticated or not identity.claims:
            raise _unauthorized()

    async def _message(self, incoming: Incoming) -> None:
        activity = incoming.activity
        text = message_text(activity)
        client = _client_key(activity, activity.from_property.id)
        async with self._client_lock(client):
            conversation_id = await self.host.open_conversation(CHANNEL, client)
            row = await self._reference(conversation_id) if conversation_id else None
            if row is not None and activity.id and activity.id in (row.recent or []):
                log.info("botframework_redelivery_ignored", conversation=conversation_id)
                return  # the Bot Connector sent it again: it was answered already
            payload = payload_of(text, incoming.payload_value, row.offered if row else ())
            if not text and payload is None:
                return  # an attachment, a card's submit without a payload: nothing to answer
            replies: list[Reply] = []
            if conversation_id is None:
                lang = lang_of(incoming.locale, self.host.languages)
                conversation_id, replies = await self.host.start_conversation(CHANNEL, lang, client)
            await self._remember(conversation_id, stored_reference(activity))
            replies += await self.host.handle(Inbound(CHANNEL, conversation_id,
                                                      text="" if payload else text, payload=payload))
            await self._enqueue(conversation_id, replies, [uuid.uuid4().hex] * len(replies))
            if activity.id:
                await self._handled(conversation_id, activity.id)

    async def _members_added(self, incoming: Incoming) -> None:
        activity = incoming.activity
        if activity.conversation.is_group:
            return
        bot = activity.recipient.id
        for member in activity.members_added or ():
            if member.id == bot:
                continue
            client = _client_key(activity, member.id)
            async with self._client_lock(client):
                if await self.host.open_conversation(CHANNEL, client):
                    continue
                lang = lang_of(incoming.locale, self.host.languages)
                conversation_id, greeting = await self.host.start_conversation(CHANNEL, lang, client)
                reference = stored_reference(activity)
                reference.user, reference.activity_id = ChannelAccount(id=member.id), None
                await self._remember(conversation_id, reference)
                await self._enqueue(conversation_id, greeting, [uuid.uuid4().hex] * len(greeting))
            return  # one-to-one: one user

    @contextlib.asynccontextmanager
    async def _client_lock(self, key: str) -> AsyncIterator[None]:
        # One platform user's first messages must not open two conversations.
        lock, users = self._locks.get(key) or (asyncio.Lock(), 0)
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    # -- the reference table -------------------------------------------------------------

    async def _reference(self, conversation_id: str) -> BotFrameworkReference | None:
        with self.host.db():
            return await BotFrameworkReference.get_or_none(conversation_id=conversation_id)

    async def _remember(self, conversation_id: str, reference: ConversationReference) -> None:
        with self.host.db():
            await BotFrameworkReference.update_or_create(
                defaults={"reference": reference.serialize(), "updated_at": time.time()},
                conversation_id=conversation_id)

    async def _handled(self, conversation_id: str, activity_id: str) -> None:
        with self.host.db():
            row = await BotFrameworkReference.get_or_none(conversation_id=conversation_id)
            if row is not None:
                row.recent = [*(row.recent or [])[-(MAX_RECENT - 1):], activity_id]
                await row.save(update_fields=["recent"])

    # -- out ---------------------------------------------------------------------------

    async def _enqueue(self, conversation_id: str, replies: Sequence[Reply], keys: Sequence[str]) -> None:
        if not replies:
            return
        row = await self._reference(conversation_id)
        if row is None:
            log.warning("botframework_no_reference", conversation=conversation_id)
            return
        if any(reply.quick_replies for reply in replies):
            row.offered = offered_tokens(replies, row.offered or [])
            with self.host.db():
                await row.save(update_fields=["offered"])
        for index, (key, reply) in enumerate(zip(keys, replies, strict=True)):
            for part, activity in enumerate(activities_for(reply, conversation_id,
                                                           self.config.quick_reply_action, self.config.links)):
                await self.outbox.enqueue(f"{conversation_id}:{key}:{index}:{part}", activity.type,
                                          {"activity": activity.serialize()}, group=conversation_id)

    async def send(self, item: OutboxItem) -> None:
        """The outbox worker's handler: one activity to the conversation's ``serviceUrl``.

        At least once: when an earlier attempt's outcome is unknown (``item.attempts > 0``),
        the Bot Connector offers no way to look the activity up, so it is sent again.
        """
        row = await self._reference(item.group or "")
        if row is None:
            raise GiveUp("no conversation reference (the client was forgotten?)")
        reference = ConversationReference().deserialize(row.reference)
        activity = TurnContext.apply_conversation_reference(
            Activity().deserialize(item.payload["activity"]), reference)
        client, token = await self._connector(reference.service_url)
        await token.refresh()
        conversation = activity.conversation.id
        try:
            if activity.reply_to_id:
                await client.conversations.reply_to_activity(conversation, activity.reply_to_id, activity)
            else:
                await client.conversations.send_to_conversation(conversation, activity)
        except HttpOperationError as exc:
            status = exc.response.status_code if exc.response is not None else 0
            if status == 429:
                raise Retry(_retry_after(exc.response.headers.get("Retry-After")),
                            "Bot Connector: 429") from None
            if status >= 500 or status in (0, 401, 408):  # 401: our token; may be a rotation
                raise RuntimeError(f"Bot Connector answered {status}") from None
            raise GiveUp(f"Bot Connector refused the activity: HTTP {status}") from None
        except ClientRequestError as exc:
            raise RuntimeError(f"Bot Connector unreachable: {type(exc.inner_exception).__name__}") from None

    async def _connector(self, service_url: str) -> tuple[ConnectorClient, BearerToken]:
        """One SDK ``ConnectorClient`` per ``serviceUrl`` (URLs come only from references of
        authenticated activities: their ``serviceurl`` claim matched)."""
        found = self._clients.get(service_url)
        if found is not None:
            return found
        app_id = self.config.app_id
        identity = ClaimsIdentity({AuthenticationConstants.AUDIENCE_CLAIM: app_id,
                                   AuthenticationConstants.APP_ID_CLAIM: app_id}, True)
        factory = self.auth.create_connector_factory(identity)
        sdk_client = await factory.create(service_url, self.auth.get_originating_audience())
        token = BearerToken(sdk_client.config.credentials)  # the cloud's app credentials
        with contextlib.suppress(Exception):
            await sdk_client.__aexit__(None, None, None)
        client = ConnectorClient(token, base_url=service_url)
        client.config.add_user_agent(USER_AGENT)
        client.config.connection.timeout = self.config.timeout_s
        client.config.retry_policy.retries = 0  # the outbox retries, in order, with backoff
        if len(self._clients) >= MAX_CLIENTS:
            old, _ = self._clients.pop(next(iter(self._clients)))
            with contextlib.suppress(Exception):
                await old.__aexit__(None, None, None)
        self._clients[service_url] = (client, token)
        return client, token


async def delivery_keys(host: Host, conversation_id: str, replies: Sequence[Reply]) -> list[str]:
    """A key per delivered reply, from the stored message it is (its time): with several
    workers on one PostgreSQL database each one receives the delivery and enqueues it, and
    the same key makes one outbox item."""
    lines = [line for line in await host.transcript(conversation_id) if line.author != "client"]
    keys, used = [], set()
    for reply in replies:
        found = next((n for n in range(len(lines) - 1, -1, -1) if n not in used
                      and lines[n].text == reply.text and lines[n].kind == reply.kind), None)
        if found is None:
            keys.append(uuid.uuid4().hex)
        else:
            used.add(found)
            keys.append(f"d{lines[found].at!r}")
    return keys


def _client_key(activity: Activity, user_id: str) -> str:
    """The platform user of a conversation, as the core knows it (only its pseudonym is stored)."""
    return f"{activity.channel_id}:{activity.conversation.id}:{user_id}"


def _unauthorized() -> HttpError:
    return HttpError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})


def _retry_after(value: str | None, default: float = 30.0) -> float:
    if not value:
        return default
    try:
        return max(0.0, min(3600.0, float(value)))
    except ValueError:
        pass
    try:
        return max(0.0, min(3600.0, parsedate_to_datetime(value).timestamp() - time.time()))
    except (TypeError, ValueError):
        return default
