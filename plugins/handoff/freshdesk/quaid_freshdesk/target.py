"""Handoff target ``freshdesk``: tickets and notes in Freshdesk, made through the outbox.

Nothing calls Freshdesk from a conversation: ``handoff`` and ``client_message`` only store
outbox items, and the outbox worker (started by ``quaid_startup``) makes the calls, in order
per conversation, with retries. A ticket is created exactly once: its outbox key is unique,
and a retry after an attempt whose outcome is unknown first looks the ticket up by the tag
it carries. Agents' replies and status changes come back on an optional webhook.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import re
import time
import uuid
import weakref
from typing import Any

import structlog
from aiohttp import web

from quaidcore import ComponentContext, HandoffRequest, Host
from quaidcore.outbox import GiveUp, Outbox, OutboxItem, Retry

from .client import FreshdeskAPI
from .config import FreshdeskConfig
from .models import FreshdeskTicket

log = structlog.get_logger(__name__)
TARGET = "freshdesk"
OPEN, PENDING, RESOLVED, CLOSED = 2, 3, 4, 5
TO_FRESHDESK = {"open": OPEN, "pending": PENDING, "resolved": RESOLVED}
FROM_FRESHDESK = {OPEN: "open", PENDING: "pending", RESOLVED: "resolved", CLOSED: "resolved"}
CODE_TAG = re.compile(r"#(\d{6})\b")
MAX_WEBHOOK_BYTES = 64 * 1024

# The target of each running Quaid, for the start-up and shut-down hooks.
instances: weakref.WeakKeyDictionary[Any, FreshdeskTarget] = weakref.WeakKeyDictionary()


def ticket_tag(key: str) -> str:
    """The tag that identifies the ticket of one outbox key (Freshdesk tags are short)."""
    return "quaid-" + hashlib.sha256(key.encode()).hexdigest()[:24]


class FreshdeskTarget:
    """Creates Freshdesk tickets for handed-off conversations and adds clients' messages."""

    def __init__(self, ctx: ComponentContext, routes: bool = True) -> None:
        self.config: FreshdeskConfig = ctx.config
        self.host: Host = ctx.host
        self.api = FreshdeskAPI(self.config.domain, self.config.api_key.get_secret_value(),
                                self.config.timeout_s)
        if routes and self.config.webhook_token is not None:
            self.host.routes("/api/freshdesk").router.add_post("/webhook", self.webhook)
        # The host starts the worker after every start-up hook and stops it before shut-down.
        self.outbox: Outbox = self.host.outbox(TARGET, self.send, **self.config.retry.options())
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

    # -- the outbox's handler ----------------------------------------------------------

    async def send(self, item: OutboxItem) -> dict[str, Any] | None:
        """Make one outbox item's call."""
        if item.action == "create_ticket":
            return await self._create(item)
        if item.action == "add_note":
            ticket_id = await self._ticket_id(item.payload["ticket_key"])
            await self.api.add_note(ticket_id, f"<p>{_html(item.payload['text'])}</p>")
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
            ticket_id = await self.api.find_by_tag(tag)
        if ticket_id is None:
            ticket_id = await self.api.create_ticket(self.ticket_fields(payload, tag))
        with self.host.db():
            await FreshdeskTicket.get_or_create(
                ticket_id=ticket_id, defaults={"conversation_id": payload["conversation_id"],
                                               "outbox_key": item.key, "created_at": time.time()})
        log.info("freshdesk_ticket_created", ticket=ticket_id, conversation=payload["conversation_id"])
        return {"ticket_id": ticket_id}

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
        """``POST /api/freshdesk/webhook`` (``Authorization: Bearer <webhook_token>``).

        ``{"ticket_id": 12, "event": "reply", "text": "...", "code": "010102", "agent": "..."}``
        delivers an agent's reply on the client's channel (the code may instead be written
        ``#010102`` in the text); ``{"ticket_id": 12, "event": "status", "status": 4}``
        (resolved or closed) resolves the conversation, and the client gets the survey.
        """
        expected = self.config.webhook_token.get_secret_value().encode()
        sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip().encode()
        if not expected or not hmac.compare_digest(sent, expected):
            return _error(401, "missing or wrong webhook token")
        raw = await request.content.read(MAX_WEBHOOK_BYTES + 1)
        if len(raw) > MAX_WEBHOOK_BYTES:
            return _error(413, f"body over {MAX_WEBHOOK_BYTES} bytes")
        try:
            body = json.loads(raw.decode("utf-8"))
            ticket_id = int(body["ticket_id"])
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError):
            return _error(400, "a JSON object with an integer 'ticket_id' is required")
        with self.host.db():
            link = await FreshdeskTicket.get_or_none(ticket_id=ticket_id)
        if link is None:
            return _error(404, f"no conversation for Freshdesk ticket {ticket_id}")
        event = body.get("event")
        if event == "reply":
            text = body.get("text")
            if not isinstance(text, str) or not text.strip():
                return _error(400, "'text' must be a non-empty string")
            code = body.get("code") or next(iter(CODE_TAG.findall(text)), None)
            if code is not None and self.host.kb.get(str(code)) is None:
                return _error(400, f"'code' {code!r} is not a response code of the knowledge base")
            text = CODE_TAG.sub("", text).strip()
            await self.host.agent_reply(link.conversation_id, text, code,
                                         agent=str(body.get("agent") or "freshdesk"))
        elif event == "status":
            status = body.get("status")
            if FROM_FRESHDESK.get(status) == "resolved":
                conversation = await self.host.conversation(link.conversation_id)
                if conversation is not None and conversation.owner == "agent":
                    await self.host.resolve(link.conversation_id, agent=str(body.get("agent") or "freshdesk"))
        else:
            return _error(400, "'event' must be 'reply' or 'status'")
        return web.json_response({"ok": True})


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)
