"""The live console: changes pushed to every open console tab, whichever worker made them.

- Every change of a ticket (a new ticket, a client's message, a reply, an assignment, a
  status change...) and of an agent's availability or capacity is written to the
  ``helpdesk_change`` table; one background task per worker reads the rows after the last it
  saw (every ``assignment.live_poll_s``, at once for its own changes while it holds tabs) and pushes them to the
  WebSockets it holds, each to the agents allowed to see the ticket. Rows whose commit came
  late (a gap in the IDs, possible on PostgreSQL) are looked for again for a few seconds.
- ``GET /console/api/live``: the WebSocket, opened with the session cookie from a page of the
  console's own origin (``Origin`` must name this host: no other site can open it with the
  agent's cookie). Its session is checked again every 30 s (without extending it): a signed
  out, disabled or expired session closes it (code 4401). Messages sent to the page are JSON:
  ``{"type": "hello", "me": ...}``, ``{"type": "ticket", "event": "created|message|...",
  "events": [...], "ticket": {...}}``, ``{"type": "gone", "id": N}`` (out of the agent's view),
  ``{"type": "agent", "agent": {...}}``. The page sends ``{"type": "typing", "ticket": N}``
  (the client is told an agent is typing, at most every :data:`TYPING_EVERY_S`) and ``ping``.
- Presence: an agent is available when their first tab opens (if they were offline), and
  offline when their last one closes; rows of a worker that died expire after
  :data:`SOCKET_TTL_S`.
- ``GET /console/api/board``: the agent's queue with the language, a preview of the question
  and the reason in plain words; their availability; for supervisors every agent's
  availability, open tickets and capacity; the teams a ticket can be transferred to.
- Actions: ``POST /console/[api/]me/availability`` (``available`` / ``away``),
  ``/console/[api/]agents/NAME/capacity`` (supervisors), and on a ticket ``assign``
  (supervisors: ``{"agent": NAME}``, empty = back to the queue), ``transfer``
  (``{"team": CHANNEL}``), ``close`` (``{"reason": "spam" | "not_a_question"}``).
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import structlog
from aiohttp import WSCloseCode, WSMsgType, web
from tortoise import connections

from quaidcore import Reply
from quaidcore.http import HttpError

from . import accounts, fast, labels
from .assignment import Queues, wait_for_event
from .console import COOKIE, ROOT, Console, _ticket_json, guard, is_api, refuse
from .models import Agent, AgentSession, Ticket, TicketMessage
from .queue_models import CHANGE_TTL_S, AgentStatus, Change, LiveSocket, TicketWait
from .tickets import TicketError

if TYPE_CHECKING:
    from .tickets import Helpdesk

log = structlog.get_logger(__name__)

SOCKET_TTL_S = 60.0  # a worker's sockets are written down again every third of this
OFFLINE_GRACE_S = 5.0  # a page that navigates closes its socket before the next page opens one
SESSION_CHECK_S = 30.0
TYPING_EVERY_S = 4.0
GAP_WAIT_S = 5.0  # how long a missing change ID is looked for (a transaction committed late)
MAX_SOCKETS_PER_AGENT = 20
PREVIEW_CHARS = 160
CLOSED = 4401  # the WebSocket close code of an ended session


@dataclass(eq=False)
class LiveClient:
    """One open console tab."""

    id: str
    ws: web.WebSocketResponse
    agent: Agent
    token: str
    seen: set[int] = field(default_factory=set)

    async def send(self, message: dict[str, Any]) -> None:
        if self.ws.closed:
            return
        try:
            await self.ws.send_str(json.dumps(message))
        except (ConnectionError, RuntimeError):  # the tab went away meanwhile
            pass


class Live:
    """The console's push channel, presence and the queue's actions."""

    def __init__(self, helpdesk: Helpdesk, console: Console, queues: Queues) -> None:
        self.helpdesk, self.console, self.queues = helpdesk, console, queues
        self.host, self.config = helpdesk.host, helpdesk.config
        self.worker = f"{socket.gethostname()[:30]}:{os.getpid()}:{secrets.token_hex(4)}"
        self.clients: dict[str, LiveClient] = {}
        self.cursor: int | None = None
        self.gaps: dict[int, float] = {}
        self._typing: dict[int, float] = {}
        self._wake: asyncio.Event | None = None
        self.session_check_s = SESSION_CHECK_S
        self.offline_grace_s = OFFLINE_GRACE_S
        self._later: set[asyncio.Task[None]] = set()
        helpdesk.observers.append(self.record)
        helpdesk.feed = self
        queues.agent_observers.append(self.record_agent)
        console.templates.filters["reason_words"] = labels.reason_words
        router = console.app.router
        router.add_get("/api/live", self.live)
        router.add_get("/api/board", self.board)
        for prefix in ("", "/api"):
            router.add_post(f"{prefix}/me/availability", self.availability)
            router.add_post(prefix + "/agents/{username}/capacity", self.capacity)
            for action in ("assign", "transfer", "close"):
                router.add_post(rf"{prefix}/tickets/{{id:\d+}}/{action}", self.act)
        console.app.on_shutdown.append(self._shutdown)
        self.host.background("helpdesk-live", self.run)

    async def _shutdown(self, _: web.Application) -> None:
        # Before the server waits for its handlers: an open tab would hold it up to its
        # shutdown timeout. The pages reconnect (to another worker, or once this one is back).
        for client in list(self.clients.values()):
            await client.ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutting down")
        for task in list(self._later):
            task.cancel()

    # guard() asks the object it decorates for the request's session
    async def session(self, request: web.Request) -> Any:
        return await self.console.session(request)

    # -- the change feed ----------------------------------------------------------------

    async def record(self, ticket: Ticket, what: str) -> None:
        """A :attr:`Helpdesk.observers` callback: write the change down for every worker."""
        conn = connections.get("default")  # fast.py's statement, raw (the ORM's create before)
        await conn.execute_query(fast.placeholders(conn, fast.INSERT_CHANGE), [time.time(), what[:24], ticket.id])
        self.recorded(ticket, what)

    def recorded(self, ticket: Ticket, what: str) -> None:
        """The change's row is written (by :meth:`record`, or with the change itself): push it."""
        if what == "reply":  # the client saw the message: the next keystroke says "typing" again
            self._typing.pop(ticket.id, None)
        self.wake()

    async def record_agent(self, agent_id: int) -> None:
        """An agent's availability or capacity changed."""
        await Change.create(at=time.time(), kind="agent", agent_id=agent_id)
        self.wake()

    def wake(self) -> None:
        """Poll the feed now: only when this worker holds console tabs to push to (without
        any, every ``live_poll_s`` keeps the cursor; a poll per change was a trip to the
        database each, ~50 a second under load)."""
        if self._wake is not None and self.clients:
            self._wake.set()

    async def run(self) -> None:
        """The background task: read the feed, push; keep this worker's sockets alive in the
        store; expire dead workers' sockets; prune the feed; check sessions."""
        self._wake = asyncio.Event()
        interval = self.config.assignment.live_poll_s
        last_beat = last_prune = last_check = 0.0
        while True:
            await wait_for_event(self._wake, interval)
            self._wake.clear()
            now = time.time()
            try:
                with self.host.db():
                    await self.poll()
                    if now - last_beat >= SOCKET_TTL_S / 3:
                        last_beat = now
                        await self.beat(now)
                    if now - last_prune >= 60:
                        last_prune = now
                        await Change.filter(at__lt=now - CHANGE_TTL_S).delete()
                    if now - last_check >= self.session_check_s:
                        last_check = now
                        await self.check_sessions(now)
            except Exception as exc:  # a database hiccup: the next round tries again
                log.error("helpdesk_live_failed", error=str(exc))

    async def poll(self) -> int:
        """Push the changes written since the last poll; returns how many."""
        if self.cursor is None:
            last = await Change.all().order_by("-id").first()
            self.cursor = last.id if last else 0
            return 0
        now = time.time()
        rows = await Change.filter(id__gt=self.cursor).order_by("id").limit(500)
        if self.gaps:
            self.gaps = {i: t for i, t in self.gaps.items() if now - t < GAP_WAIT_S}
            if self.gaps:
                late = await Change.filter(id__in=list(self.gaps))
                for row in late:
                    self.gaps.pop(row.id, None)
                rows = sorted([*late, *rows], key=lambda r: r.id)
        for row in rows:
            if row.id > self.cursor:
                self.gaps.update((i, now) for i in range(self.cursor + 1, min(row.id, self.cursor + 101)))
                self.cursor = row.id
        if not self.clients:
            return len(rows)
        tickets: dict[int, list[str]] = {}  # each ticket once, with what happened to it
        agents: set[int] = set()
        for row in rows:
            if row.ticket_id is not None:
                tickets.setdefault(row.ticket_id, []).append(row.kind)
            if row.agent_id is not None:
                agents.add(row.agent_id)
        for ticket_id, kinds in tickets.items():
            await self.push_ticket(ticket_id, kinds)
        for agent_id in agents:
            await self.push_agent(agent_id)
        return len(rows)

    async def push_ticket(self, ticket_id: int, kinds: list[str]) -> None:
        """Send a changed ticket to the tabs allowed to see it (``gone`` to those that saw it
        and may no longer): ``event`` is the latest change, ``events`` all since the last
        push, oldest first."""
        ticket = await Ticket.get_or_none(id=ticket_id).prefetch_related("assignee", "consultant")
        row = (await self.rows([ticket]))[0] if ticket is not None else None
        for client in list(self.clients.values()):
            if ticket is not None and self.helpdesk.can_see(client.agent, ticket):
                client.seen.add(ticket_id)
                await client.send({"type": "ticket", "event": kinds[-1], "events": kinds, "ticket": row})
            elif ticket_id in client.seen:
                client.seen.discard(ticket_id)
                await client.send({"type": "gone", "id": ticket_id})

    async def push_agent(self, agent_id: int) -> None:
        """Send an agent's availability and load to their own tabs and to supervisors."""
        entry = next((a for a in await self.queues.board() if a["id"] == agent_id), None)
        if entry is None:
            return
        for client in list(self.clients.values()):
            if client.agent.id == agent_id or client.agent.has("supervisor"):
                await client.send({"type": "agent", "agent": entry})

    async def beat(self, now: float) -> None:
        """Write this worker's sockets down again; expire the others' stale ones and make
        availabilities agree with the tabs open."""
        if self.clients:
            await LiveSocket.filter(worker=self.worker).update(seen_at=now)
        await LiveSocket.filter(seen_at__lt=now - SOCKET_TTL_S).delete()
        online = set(await LiveSocket.all().values_list("agent_id", flat=True))
        for status in await AgentStatus.exclude(availability="offline"):
            if status.agent_id not in online:
                await self.queues.set_availability(status.agent_id, "offline")
        for agent_id in online:
            await self.queues.set_availability(agent_id, "available", only_from=("offline",))

    async def check_sessions(self, now: float) -> None:
        """Close the tabs whose session ended (signed out, disabled, timed out)."""
        idle_s = self.config.session_idle_minutes * 60
        max_age_s = self.config.session_max_hours * 3600
        for client in list(self.clients.values()):
            session = await AgentSession.get_or_none(id=accounts.token_id(client.token)).prefetch_related("agent")
            if (session is None or session.agent.disabled or now - session.last_seen_at > idle_s
                    or now - session.created_at > max_age_s):
                await client.ws.close(code=CLOSED, message=b"signed out")
            else:
                client.agent = session.agent  # roles and channels as they are now

    # -- rows ---------------------------------------------------------------------------

    async def rows(self, tickets: Iterable[Ticket]) -> list[dict[str, Any]]:
        """Tickets as the console shows them: the API's fields, the reason in plain words,
        a preview of the client's question, transfer and close."""
        tickets = list(tickets)
        ids = [t.id for t in tickets]
        typed: dict[int, str] = {}  # the latest message the client typed, else the latest button
        pressed: dict[int, str] = {}
        for message in await TicketMessage.filter(ticket_id__in=ids, kind="client").order_by("id"):
            (pressed if message.text.startswith(labels.BUTTON) else typed)[message.ticket_id] = message.text
        previews = {**pressed, **typed}
        waits = {w.ticket_id: w for w in await TicketWait.filter(ticket_id__in=ids)}
        out = []
        for ticket in tickets:
            wait = waits.get(ticket.id)
            preview = previews.get(ticket.id, "")
            out.append({**_ticket_json(ticket), "reason_text": labels.reason_words(ticket.reason),
                        "preview": preview[:PREVIEW_CHARS] + ("…" if len(preview) > PREVIEW_CHARS else ""),
                        "transferred_from": wait.transferred_from if wait else None,
                        "closed_reason": wait.closed_reason if wait else None})
        return out

    async def me(self, agent: Agent) -> dict[str, Any]:
        status = await self.queues.status(agent.id)
        loads = await self.queues.loads([agent.id])
        return {"username": agent.username, "roles": agent.roles, "availability": status.availability,
                "capacity": self.queues.capacity_of(status), "open": loads[agent.id]}

    # -- routes -------------------------------------------------------------------------

    @guard()
    async def board(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/api/board``."""
        tickets = await self.helpdesk.queue(agent)
        body: dict[str, Any] = {"me": await self.me(agent), "tickets": await self.rows(tickets),
                                "teams": await self.queues.teams()}
        if agent.has("supervisor"):
            body["agents"] = await self.queues.board()
        return web.json_response(body)

    @guard()
    async def live(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``GET /console/api/live``: the WebSocket of a console tab."""
        origin = request.headers.get("Origin")
        if not origin or urlsplit(origin).netloc.lower() != request.host.lower():
            raise refuse(request, 403, "the console's live feed opens only from the console's own pages")
        ws = web.WebSocketResponse(heartbeat=30, max_msg_size=4096)
        if not ws.can_prepare(request).ok:
            raise HttpError(400, "not a WebSocket handshake")
        if sum(c.agent.id == agent.id for c in self.clients.values()) >= MAX_SOCKETS_PER_AGENT:
            raise HttpError(429, "too many console tabs open", {"Retry-After": "30"})
        client = LiveClient(secrets.token_hex(16), ws, agent, request.cookies.get(COOKIE, ""))
        client.seen = {t.id for t in await self.helpdesk.queue(agent)}
        self.clients[client.id] = client
        try:
            await ws.prepare(request)
            await LiveSocket.create(id=client.id, agent_id=agent.id, worker=self.worker, seen_at=time.time())
            await self.queues.set_availability(agent.id, "available", only_from=("offline",))
            await client.send({"type": "hello", "me": await self.me(agent)})
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                if message.data == "ping":
                    await ws.send_str("pong")
                    continue
                await self.on_message(client, message.data)
        finally:
            self.clients.pop(client.id, None)
            await self._closed(client)
        return ws

    async def _closed(self, client: LiveClient) -> None:
        try:
            with self.host.db():
                await LiveSocket.filter(id=client.id).delete()
        except Exception as exc:  # the store is closing: the rows expire
            log.warning("helpdesk_live_close_failed", error=str(exc))
            return
        # offline once no tab is back after a moment (a click to another page of the console
        # closes this one's socket first: the agent stays available, or away)
        task = asyncio.get_running_loop().create_task(self._offline_later(client.agent.id))
        self._later.add(task)
        task.add_done_callback(self._later.discard)

    async def _offline_later(self, agent_id: int) -> None:
        await asyncio.sleep(self.offline_grace_s)
        try:
            with self.host.db():
                if not await LiveSocket.filter(agent_id=agent_id).exists():
                    await self.queues.set_availability(agent_id, "offline")
        except Exception as exc:  # the store is closing: the sweep of another worker fixes it
            log.warning("helpdesk_live_offline_failed", error=str(exc))

    async def on_message(self, client: LiveClient, data: str) -> None:
        """What a tab sends: ``{"type": "typing", "ticket": N}``."""
        try:
            message = json.loads(data)
        except ValueError:
            return
        if not isinstance(message, dict) or message.get("type") != "typing":
            return
        ticket_id = message.get("ticket")
        if not isinstance(ticket_id, int) or not 0 < ticket_id < 2**31:
            return
        now = time.monotonic()
        if now - self._typing.get(ticket_id, -TYPING_EVERY_S) < TYPING_EVERY_S:
            return
        self._typing[ticket_id] = now
        if len(self._typing) > 10_000:
            self._typing = {k: v for k, v in self._typing.items() if now - v < TYPING_EVERY_S}
        await self.typing(client.agent, ticket_id)

    async def typing(self, agent: Agent, ticket_id: int) -> bool:
        """Tell the client that an agent is typing (on the channels that show it)."""
        ticket = await Ticket.get_or_none(id=ticket_id)
        if ticket is None or ticket.status == "resolved" or not self.helpdesk.can_answer(agent, ticket):
            return False
        conversation = await self.host.conversation(ticket.conversation_id)
        if conversation is None or conversation.channel not in self.config.assignment.typing_channels:
            return False
        await self.host.deliver(ticket.conversation_id,
                                [Reply(labels.text("typing", conversation.lang), "typing")])
        return True

    @guard()
    async def availability(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST /console/[api/]me/availability``: ``available`` or ``away``."""
        data = await self.console._input(request)
        value = data.get("availability", "")
        if value not in ("available", "away"):
            raise HttpError(400, "availability must be 'available' or 'away' (offline: close the console)")
        await self.queues.set_availability(agent.id, value)
        if is_api(request):
            return web.json_response({"ok": True, "me": await self.me(agent)})
        raise web.HTTPSeeOther(ROOT)

    @guard("supervisor")
    async def capacity(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST /console/[api/]agents/NAME/capacity``: ``{"capacity": "5"}`` (empty: the
        default)."""
        username = request.match_info["username"]
        target = await Agent.get_or_none(username=username) if accounts.valid_username(username) else None
        if target is None:
            raise HttpError(404, f"no agent named {username[:20]!r}")
        raw = str((await self.console._input(request)).get("capacity", "")).strip()
        if raw and not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= 100):
            raise HttpError(400, "capacity must be a whole number from 1 to 100 (empty: the default)")
        await self.queues.set_capacity(target.id, int(raw) if raw else None)
        if is_api(request):
            return web.json_response({"ok": True})
        raise web.HTTPSeeOther(ROOT)

    @guard()
    async def act(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST /console/[api/]tickets/{id}/assign|transfer|close``."""
        action = request.path.rsplit("/", 1)[1]
        ticket = await self.console._ticket(request, agent)
        data = await self.console._input(request)
        if action == "assign" and not agent.has("supervisor"):
            raise refuse(request, 403, "only a supervisor can reassign a ticket")
        if not self.helpdesk.can_answer(agent, ticket):
            raise refuse(request, 403, "your role does not allow this")
        try:
            if action == "assign":
                await self.queues.reassign(ticket, agent, data.get("agent", ""))
            elif action == "transfer":
                await self.queues.transfer(ticket, agent, data.get("team", ""))
            else:
                await self.queues.close(ticket, agent, data.get("reason", ""))
        except TicketError as exc:
            if is_api(request):
                raise refuse(request, exc.status, str(exc)) from None
            raise web.HTTPSeeOther(f"{ROOT}tickets/{ticket.id}?error={quote(str(exc))}") from None
        if is_api(request):
            ticket = await Ticket.get(id=ticket.id).prefetch_related("assignee", "consultant")
            return web.json_response({"ok": True, "ticket": (await self.rows([ticket]))[0]})
        if self.helpdesk.can_see(agent, ticket) and action == "assign":
            raise web.HTTPSeeOther(f"{ROOT}tickets/{ticket.id}")
        raise web.HTTPSeeOther(ROOT)
