"""Handoff target ``freshdesk``: tickets and notes in Freshdesk, made through the outbox.

Nothing calls Freshdesk from a conversation: ``handoff`` and ``client_message`` only store
outbox items, and the outbox worker (started by ``quaid_startup``) makes the calls, in order
per conversation, with retries. A ticket is created exactly once: its outbox key is unique,
and a retry after an attempt whose outcome is unknown first looks the ticket up by the tag
it carries (the search, then the requester's ticket list, which does not lag); a note
likewise, by the reference written in it. Agents' replies and status changes come back on an
optional webhook (bearer token, and an HMAC signature with a replay window when
``webhook_secret`` is set). A resolution made in Quaid (any ``host.resolve``, seen through
``host.observe``) resolves the ticket through the outbox; one made in Freshdesk resolves the
conversation; whichever side is first claims the handoff's :class:`FreshdeskResolution`, so
the client gets one survey and nothing is echoed back.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import re
import time
import uuid
import weakref
from typing import Any

import structlog
from aiohttp import web
from tortoise.exceptions import IntegrityError

from quaidcore import ComponentContext, Event, HandoffRequest, Host
from quaidcore.http import HttpError, json_errors, parse_json, read_body
from quaidcore.outbox import GiveUp, Outbox, OutboxItem, Retry

from .client import FreshdeskAPI
from .config import FreshdeskConfig
from .models import FreshdeskResolution, FreshdeskTicket, FreshdeskWebhookSeen

log = structlog.get_logger(__name__)
TARGET = "freshdesk"
OPEN, PENDING, RESOLVED, CLOSED = 2, 3, 4, 5
TO_FRESHDESK = {"open": OPEN, "pending": PENDING, "resolved": RESOLVED}
FROM_FRESHDESK = {OPEN: "open", PENDING: "pending", RESOLVED: "resolved", CLOSED: "resolved"}
CODE_TAG = re.compile(r"#(\d{6})\b")
MAX_WEBHOOK_BYTES = 64 * 1024
MAX_TICKET_ID = 2 ** 63 - 1  # Freshdesk IDs are 64-bit; the link table's key is a BIGINT
DIGITS = re.compile(r"[0-9]{1,19}")
HEX64 = re.compile(r"[0-9a-f]{64}")
LOOKBACK_S = 600  # the ticket list is read from this long before the creation was queued

# The target of each running Quaid, for the start-up and shut-down hooks.
instances: weakref.WeakKeyDictionary[Any, FreshdeskTarget] = weakref.WeakKeyDictionary()


def ticket_tag(key: str) -> str:
    """The tag that identifies the ticket of one outbox key (Freshdesk tags are short)."""
    return "quaid-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def note_marker(key: str) -> str:
    """The reference written at the end of the note of one outbox key: a retry after a lost
    answer looks for it among the ticket's conversations before adding the note again."""
    return "quaid-note-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def signature(secret: bytes, timestamp: str, body: bytes) -> str:
    """The webhook signature: hex HMAC-SHA256 of ``timestamp + "." + raw body``."""
    return hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class FreshdeskTarget:
    """Creates Freshdesk tickets for handed-off conversations and adds clients' messages."""

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: FreshdeskConfig = ctx.config
        self.host: Host = ctx.host
        self.api = FreshdeskAPI(self.config.domain, self.config.api_key.get_secret_value(),
                                self.config.timeout_s)
        self._pruned_at = 0.0
        if self.config.webhook_token is not None:
            self.host.routes("/api/freshdesk", middlewares=[json_errors]).router.add_post(
                "/webhook", self.webhook)
        # The host starts the worker after every start-up hook and stops it before shut-down;
        # its slot in data_dir/freshdesk lets a restart after a crash release the lease of the
        # call that was in flight at once (see quaidcore.outbox).
        self.outbox: Outbox = self.host.outbox(TARGET, self.send, state_dir=self.host.data_dir / TARGET,
                                               **self.config.retry.options())
        self.host.observe(self.observed)
        instances[self.host] = self

    async def start(self) -> None:
        """Nothing here: the host starts the outbox worker."""

    async def stop(self) -> None:
        """Close the HTTP session (the host already stopped the worker)."""
        await self.api.close()

    # -- the handoff target ------------------------------------------------------------

    async def handoff(self, request: HandoffRequest) -> None:
        """Store the ticket to create; the worker creates it."""
        # One key per handoff of a conversation: the same handoff never makes two tickets,
        # a later handoff of the same conversation makes a new one.
        key = f"ticket:{request.conversation_id}:{len(request.transcript)}"
        payload = {"conversation_id": request.conversation_id, "channel": request.channel,
                   "lang": request.lang, "reason": request.reason,
                   "transcript": [dict(line) for line in request.transcript],
                   "candidates": [{"code": p.code, "confidence": round(p.confidence, 4)}
                                  for p in request.candidates]}
        await self.outbox.enqueue(key, "create_ticket", payload, group=request.conversation_id)

    async def client_message(self, conversation_id: str, text: str) -> None:
        """Store a note for the conversation's ticket (made after the ticket, in order)."""
        with self.host.db():
            latest = await OutboxItem.filter(target=TARGET, group=conversation_id,
                                             action="create_ticket").order_by("-id").first()
        if latest is None:  # no handoff went through this target: a ticket, not a lost message
            await self.outbox.enqueue(f"ticket:{conversation_id}:message:{uuid.uuid4().hex}",
                                      "create_ticket", {
                                          "conversation_id": conversation_id, "channel": "?",
                                          "lang": "", "reason": "client_message",
                                          "transcript": [{"author": "client", "text": text}],
                                          "candidates": []}, group=conversation_id)
            return
        await self.outbox.enqueue(f"note:{conversation_id}:{uuid.uuid4().hex}", "add_note",
                                  {"ticket_key": latest.key, "text": text}, group=conversation_id)

    # -- resolutions made in Quaid -------------------------------------------------------

    async def observed(self, events: list[Event]) -> None:
        """Every batch of events this process stores: an agent's resolution of a
        conversation handed off here resolves its Freshdesk ticket."""
        for event in events:
            if event.type == "resolved" and event.data.get("by") == "agent":
                await self.resolved_in_quaid(event.conversation_id)

    async def resolved_in_quaid(self, conversation_id: str) -> bool:
        """Queue ``status: resolved`` for the ticket of the conversation's latest handoff
        (after its creation and notes: same group). Nothing when the conversation has no
        ticket here, or when Freshdesk resolved it first (no echo). True if queued."""
        with self.host.db():
            latest = await OutboxItem.filter(target=TARGET, group=conversation_id,
                                             action="create_ticket").order_by("-id").first()
        if latest is None or latest.status == "dead":
            return False
        if not await self._claim(latest.key, conversation_id, "quaid"):
            return False
        await self.outbox.enqueue(f"status:{latest.key}:resolved", "set_status",
                                  {"ticket_key": latest.key, "status": "resolved"}, group=conversation_id)
        log.info("freshdesk_resolution_queued", conversation=conversation_id)
        return True

    async def _claim(self, ticket_key: str, conversation_id: str, by: str) -> bool:
        """Record that the ticket of `ticket_key` is resolved, by `by`; False if it was already."""
        try:
            with self.host.db():
                await FreshdeskResolution.create(ticket_key=ticket_key, conversation_id=conversation_id,
                                                 by=by, at=time.time())
        except IntegrityError:
            return False
        return True

    # -- the outbox's handler ----------------------------------------------------------

    async def send(self, item: OutboxItem) -> dict[str, Any] | None:
        """Make one outbox item's call."""
        if item.action == "create_ticket":
            return await self._create(item)
        if item.action == "add_note":
            ticket_id = await self._ticket_id(item.payload["ticket_key"])
            marker = note_marker(item.key)
            # An earlier attempt may have added it before its answer was lost: look first.
            if item.attempts and await self.api.has_note(ticket_id, marker):
                log.info("freshdesk_note_found", ticket=ticket_id, key=item.key)
                return {"ticket_id": ticket_id, "found": True}
            await self.api.add_note(ticket_id, f"<p>{_html(item.payload['text'])}</p>"
                                               f"<p><small>ref {marker}</small></p>")
            return {"ticket_id": ticket_id}
        if item.action == "delete_ticket":  # the client asked to be forgotten
            await self.api.delete_ticket(int(item.payload["ticket_id"]))
            return None
        if item.action == "set_status":
            ticket_id = await self._ticket_id(item.payload["ticket_key"])
            await self.api.set_status(ticket_id, TO_FRESHDESK[item.payload["status"]])
            return {"ticket_id": ticket_id}
        raise GiveUp(f"unknown outbox action {item.action!r}")

    async def _create(self, item: OutboxItem) -> dict[str, Any]:
        payload, tag = item.payload, ticket_tag(item.key)
        ticket_id = None
        if item.attempts:  # an earlier attempt may have created it before its answer was lost
            ticket_id = await self._find(tag, payload, item.created_at)
        if ticket_id is None:
            ticket_id = await self.api.create_ticket(self.ticket_fields(payload, tag))
        with self.host.db():
            await FreshdeskTicket.get_or_create(
                ticket_id=ticket_id, defaults={"conversation_id": payload["conversation_id"],
                                               "outbox_key": item.key, "created_at": time.time()})
        log.info("freshdesk_ticket_created", ticket=ticket_id, conversation=payload["conversation_id"])
        return {"ticket_id": ticket_id}

    async def _find(self, tag: str, payload: dict[str, Any], queued_at: float) -> int | None:
        """The ticket carrying `tag`: by the search (quick, but its index lags behind), then
        in the requester's ticket list (read from the database: a ticket made a moment ago
        is there)."""
        ticket_id = await self.api.find_by_tag(tag)
        if ticket_id is not None:
            return ticket_id
        requester = ({"email": self.config.requester_email} if self.config.requester_email
                     else {"unique_external_id": f"quaid-{payload['conversation_id']}"})
        try:
            ticket_id = await self.api.find_listed(tag, requester, queued_at - LOOKBACK_S)
        except GiveUp as exc:  # a filter this Freshdesk refuses: the search had the last word
            log.warning("freshdesk_list_refused", error=str(exc))
            return None
        if ticket_id is not None:
            log.info("freshdesk_ticket_found_in_list", ticket=ticket_id, tag=tag)
        return ticket_id

    def ticket_fields(self, payload: dict[str, Any], tag: str) -> dict[str, Any]:
        """The ``POST /tickets`` body: subject, transcript, tags (channel, codes), requester."""
        config, conversation = self.config, payload["conversation_id"]
        codes = [c["code"] for c in payload.get("candidates", [])]
        lines = [f"<p><b>{_html(line.get('author', '?'))}</b>: {_html(line.get('text') or '')}"
                 f"{' #' + _html(line['code']) if line.get('code') else ''}</p>"
                 for line in payload.get("transcript", [])]
        if codes:
            lines.append(f"<p>Bot's candidate codes: {_html(', '.join(codes))}</p>")
        fields: dict[str, Any] = {
            "subject": config.subject.format(channel=payload["channel"], reason=payload["reason"]),
            "description": "".join(lines) or "<p>(empty transcript)</p>",
            "status": OPEN, "priority": config.priority, "source": config.source,
            "tags": ["quaid", f"channel-{payload['channel']}", *(f"code-{c}" for c in codes), tag],
        }
        if payload.get("lang"):
            fields["tags"].append(f"lang-{payload['lang']}")
        if config.requester_email:
            fields["email"] = config.requester_email
        else:
            fields["unique_external_id"] = f"quaid-{conversation}"
            fields["name"] = f"Quaid client ({payload['channel']})"
        if config.group_id is not None:
            fields["group_id"] = config.group_id
        return fields

    async def _ticket_id(self, ticket_key: str) -> int:
        created = await self.outbox.get(ticket_key)
        if created is None or created.status == "dead":
            raise GiveUp(f"the ticket {ticket_key!r} was never created")
        if created.status != "done":  # cannot happen while the group keeps order; be safe
            raise Retry(self.config.retry.base_delay_s, "the ticket is not created yet")
        return int(created.result["ticket_id"])

    # -- the webhook: Freshdesk → the client ---------------------------------------------

    async def webhook(self, request: web.Request) -> web.Response:
        """``POST /api/freshdesk/webhook`` (``Authorization: Bearer <webhook_token>``; with
        `webhook_secret`, also ``X-Quaid-Timestamp`` and ``X-Quaid-Signature``).

        ``{"ticket_id": 12, "event": "reply", "text": "...", "code": "010102", "agent": "..."}``
        delivers an agent's reply on the client's channel (the code may instead be written
        ``#010102`` in the text); ``{"ticket_id": 12, "event": "status", "status": 4}``
        (resolved or closed) resolves the conversation, and the client gets the survey —
        once: the same status delivered again, or a resolution made in Quaid first, changes
        nothing (and nothing is sent back to Freshdesk).
        Refusals are JSON: 401 (token, signature, timestamp), 409 (a replayed request), 400
        (body), 404 (unknown ticket), 413 (over 64 KiB).
        """
        assert self.config.webhook_token is not None
        expected = self.config.webhook_token.get_secret_value().encode()
        sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip().encode("utf-8", "surrogateescape")  # bytes as sent
        if not expected or not hmac.compare_digest(sent, expected):
            raise HttpError(401, "missing or wrong webhook token")
        raw = await self._raw_body(request)
        if self.config.webhook_secret is not None:
            await self._check_signature(request, raw)
        body = parse_json(raw) if raw.strip() else None
        if not isinstance(body, dict):
            raise HttpError(400, "body must be a JSON object")
        ticket_id = _ticket_id(body.get("ticket_id"))
        with self.host.db():
            link = await FreshdeskTicket.get_or_none(ticket_id=ticket_id)
        if link is None:
            raise HttpError(404, f"no conversation for Freshdesk ticket {ticket_id}")
        agent = body.get("agent") or "freshdesk"
        if not isinstance(agent, str) or len(agent) > 128:
            raise HttpError(400, "'agent' must be a string of at most 128 characters")
        event = body.get("event")
        if event == "reply":
            text, code = body.get("text"), body.get("code")
            if not isinstance(text, str) or not text.strip():
                raise HttpError(400, "'text' must be a non-empty string")
            if code is not None and not isinstance(code, str):
                raise HttpError(400, "'code' must be a string")
            code = code or next(iter(CODE_TAG.findall(text)), None)
            if code is not None and self.host.kb.get(code) is None:
                raise HttpError(400, f"'code' {code[:12]!r} is not a response code of the knowledge base")
            text = CODE_TAG.sub("", text).strip()
            await self.host.agent_reply(link.conversation_id, text, code, agent=agent)
        elif event == "status":
            status = body.get("status")
            if isinstance(status, bool) or not isinstance(status, int):
                raise HttpError(400, "'status' must be an integer (2 open, 3 pending, 4 resolved, 5 closed)")
            if FROM_FRESHDESK.get(status) == "resolved":
                await self._resolved_in_freshdesk(link, agent)
        else:
            raise HttpError(400, "'event' must be 'reply' or 'status'")
        return web.json_response({"ok": True})

    async def _resolved_in_freshdesk(self, link: FreshdeskTicket, agent: str) -> None:
        """Resolve the conversation unless this ticket's resolution was claimed already
        (a retried delivery; resolved in Quaid first). The claim comes first, so the
        ``resolved`` event that follows is not sent back to Freshdesk."""
        if await self.host.conversation(link.conversation_id) is None:
            return
        if not await self._claim(link.outbox_key, link.conversation_id, "freshdesk"):
            return
        try:
            await self.host.resolve(link.conversation_id, agent=agent)
        except Exception:  # not resolved: Freshdesk's retry of this request may resolve it
            with self.host.db():
                await FreshdeskResolution.filter(ticket_key=link.outbox_key).delete()
            raise

    @staticmethod
    async def _raw_body(request: web.Request) -> bytes:
        return await read_body(request, MAX_WEBHOOK_BYTES)

    async def _check_signature(self, request: web.Request, raw: bytes) -> None:
        """401 unless ``X-Quaid-Signature`` is the HMAC of ``X-Quaid-Timestamp.body`` and
        the timestamp is within the window; 409 when the signature was seen already."""
        assert self.config.webhook_secret is not None
        window = self.config.webhook_window_s
        timestamp = request.headers.get("X-Quaid-Timestamp", "")
        sent = request.headers.get("X-Quaid-Signature", "").strip().lower().removeprefix("sha256=")
        if not DIGITS.fullmatch(timestamp) or not HEX64.fullmatch(sent):
            raise HttpError(401, "missing or malformed X-Quaid-Timestamp / X-Quaid-Signature")
        secret = self.config.webhook_secret.get_secret_value().encode()
        if not hmac.compare_digest(sent, signature(secret, timestamp, raw)):
            raise HttpError(401, "wrong webhook signature")
        now = time.time()
        if abs(now - int(timestamp)) > window:
            raise HttpError(401, f"X-Quaid-Timestamp is more than {window} s away from this "
                                 "server's clock (a replay, or a clock to set right)")
        with self.host.db():
            if now - self._pruned_at > 60:  # signatures past the window cannot be replayed
                self._pruned_at = now
                await FreshdeskWebhookSeen.filter(seen_at__lt=now - 2 * window).delete()
            try:
                await FreshdeskWebhookSeen.create(signature=sent, seen_at=now)
            except IntegrityError:
                raise HttpError(409, "this request was received already (replay)") from None


def _ticket_id(value: Any) -> int:
    """A ticket ID from the body: an integer (or a string of digits) of 1 to 2^63-1."""
    if isinstance(value, str) and DIGITS.fullmatch(value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise HttpError(400, "a JSON object with an integer 'ticket_id' is required")
    if not 1 <= value <= MAX_TICKET_ID:
        raise HttpError(404, "no conversation for this Freshdesk ticket (ID out of range)")
    return value


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
