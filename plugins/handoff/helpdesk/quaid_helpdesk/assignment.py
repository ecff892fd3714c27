"""Queues that assign themselves: availability, capacity, business hours, queue notices.

- Every agent has an **availability** (available, away, offline: offline once their last
  console tab closes, see :mod:`quaid_helpdesk.live`) and a **capacity** (most open tickets:
  their own, else ``assignment.capacity``).
- A ticket nobody has is **waiting** in its team's queue (the team: the ticket's channel, or
  the one it was transferred to). A waiting ticket goes to the available agent of its team with
  the fewest open tickets below capacity, the one given a ticket least recently first on ties
  (round robin) — when it arrives, and the moment capacity frees (a resolve, a close, an
  agent becoming available, a capacity raised), in order of arrival. Outside the team's
  business hours nothing is assigned automatically: the conversation is given back to the bot
  (``host.release``: it answers general questions meanwhile) and the client is told when
  agents are back; the ticket waits in the queue. Handed off again meanwhile (the client asks
  for a person, the bot finds no answer), the conversation gets the same ticket back
  (:meth:`Helpdesk.handoff`) and is told and released again; once the team opens, the ticket
  is assigned as any other and the agent's first reply takes the conversation back.
- A waiting client is told their place in the queue and the expected wait, in their language,
  and told again when either changes much (at most every ``retell_after_s``).
- A supervisor can reassign (or put back in the queue); an agent can transfer a ticket to
  another channel's team or close it as spam / not a question (``ticket_closed``).

Two workers may run a pass at once: a ticket is claimed only if nobody has it, and only
while the agent's status row still has the version read before counting their tickets (every
claim and availability change bumps it), so an agent's last free slot is given once.
"""

from __future__ import annotations

import asyncio
import math
import re
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import structlog
from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from quaidcore import Reply

from . import accounts, fast, labels
from .hours import Hours
from .models import Agent, Ticket, TicketMessage
from .queue_models import AVAILABILITY, AgentStatus, TicketWait
from .tickets import TicketError

if TYPE_CHECKING:
    from .tickets import Helpdesk

log = structlog.get_logger(__name__)

NOTICE_DELAY_S = 1.0  # the first queue notice follows the handoff's own notice
# Light passes (kicked by each new ticket) at most this often: the tickets that arrive meanwhile
# share one pass (~5 trips to the database), instead of a pass each (bench/throughput.py's
# handoffs: ~130 tickets a second kicked ~100 passes a second once a pass's notices were
# claimed in one trip)
LIGHT_PASS_GAP_S = 0.25
CLOSE_REASONS = tuple(labels.CLOSE_REASONS)
TEAM = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,31}$")
HANDLE_SAMPLE = 20  # resolved tickets the handling time is measured on
HANDLE_MIN_SAMPLES = 3


async def wait_for_event(event: asyncio.Event, timeout: float) -> None:
    """Wait until `event` is set or `timeout` passed. (Not ``asyncio.wait_for``: on Python
    3.11 it can swallow the task's cancellation when the event is set at the same moment,
    and the host's shutdown would then wait for the task forever.)"""
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
    except TimeoutError:
        pass


class _Lost(Exception):
    """Another worker changed the row first."""


@dataclass
class Candidate:
    """An agent who may be given tickets in this pass."""

    agent: Agent
    status: AgentStatus
    load: int
    capacity: int

    @property
    def free(self) -> bool:
        return self.load < self.capacity


def changed_much(told_position: int | None, told_wait: float | None, position: int,
                 wait: float | None) -> bool:
    """Whether a waiting client should hear again about their place: the place moved by at
    least 3 or by half, or the expected wait by at least 5 minutes and half, or became known
    or unknown."""
    if told_position is None:
        return True
    if (told_wait is None) != (wait is None):
        return True
    if abs(position - told_position) >= max(3, told_position / 2):
        return True
    return bool(wait is not None and told_wait is not None
                and abs(wait - told_wait) >= max(300.0, told_wait / 2))


# A queue pass, the place of the tickets that arrived: the waiting tickets of the same team
# that arrived before each (one statement for them all, not one per ticket)
# (a row value, so that the count walks WAITING_INDEX from the team's start to the ticket: the
# OR of created_at and id read every ticket of the team, resolved ones too, ~11 ms a light pass
# of bench/throughput.py's handoffs, holding up the core's group commits)
_AHEAD_OF_T = ("(SELECT COUNT(*) FROM helpdesk_ticket w WHERE w.channel = t.channel "
               "AND w.assignee_id IS NULL AND w.status != 'resolved' "
               "AND (w.created_at, w.id) < (t.created_at, t.id))")
# The waiting tickets of each team in the queue's order (the passes' places): a partial index,
# created at start-up (the statements state its condition as it is written here)
WAITING_INDEX = ("CREATE INDEX IF NOT EXISTS helpdesk_ticket_waiting ON helpdesk_ticket "
                 "(channel, created_at, id) WHERE assignee_id IS NULL AND status != 'resolved'")
AHEAD = "SELECT t.id, " + _AHEAD_OF_T + " FROM helpdesk_ticket t WHERE t.id IN ({marks})"
# A pass's candidates: the available agents' status rows, their accounts (enabled) and their open
# tickets, one statement instead of three ORM queries (one when nobody is available)
_STATUS_COLUMNS = ("agent_id", "availability", "capacity", "changed_at", "last_assigned_at", "version")
_AGENT_COLUMNS = ("id", "username", "password_hash", "roles", "channels", "disabled", "created_at",
                  "last_sign_in_at")
CANDIDATES = ("SELECT " + ", ".join(f"s.{c}" for c in _STATUS_COLUMNS) + ", "
              + ", ".join(f"a.{c} AS a_{c}" for c in _AGENT_COLUMNS)
              + ", (SELECT COUNT(*) FROM helpdesk_ticket t WHERE t.assignee_id = s.agent_id "
              "AND t.status != 'resolved') AS a_load "
              "FROM helpdesk_agent_status s JOIN helpdesk_agent a ON a.id = s.agent_id "
              "WHERE s.availability = 'available' AND a.disabled = {0} ORDER BY a.id")
WAIT_READ = ("SELECT ticket_id, told_position, told_wait_s, told_at, hours_told_at FROM helpdesk_ticket_wait "
             "WHERE ticket_id IN ({marks})")
WAIT_ROWS = "INSERT INTO helpdesk_ticket_wait (ticket_id) VALUES {rows} ON CONFLICT DO NOTHING"
# A claim (one transaction): the agent's status row bumped if unchanged since read, then the
# ticket taken if nobody has it (the ORM's two filtered updates before)
CLAIM_STATUS = ("UPDATE helpdesk_agent_status SET version = {0}, last_assigned_at = {1} "
                "WHERE agent_id = {2} AND version = {3} AND availability = 'available'")
CLAIM_TICKET = ("UPDATE helpdesk_ticket SET assignee_id = {0}, updated_at = {1} "
                "WHERE id = {2} AND assignee_id IS NULL AND NOT status = 'resolved'")
# A wait row's columns set, the row created when missing (the ORM's get, then create or update)
WAIT_SET = ("INSERT INTO helpdesk_ticket_wait (ticket_id, {columns}) VALUES ({marks}) "
            "ON CONFLICT (ticket_id) DO UPDATE SET {updates}")
TICKET_LINE = ("INSERT INTO helpdesk_ticket_message (ticket_id, kind, author, text, code, at) "
               "VALUES ({0}, {1}, {2}, {3}, {4}, {5})")
# The handling time's sample: the team's last resolved tickets with their wait rows (the ORM's
# two queries before)
HANDLED = ("SELECT t.id, t.created_at, t.first_response_at, t.resolved_at, w.assigned_at, w.closed_reason "
           "FROM helpdesk_ticket t LEFT JOIN helpdesk_ticket_wait w ON w.ticket_id = t.id "
           "WHERE t.channel = {0} AND t.status = 'resolved' AND t.resolved_at IS NOT NULL "
           "ORDER BY t.resolved_at DESC LIMIT {1}")


def _marks(conn: Any, n: int) -> list[str]:
    """`n` placeholders of a raw statement, in the database's style."""
    if conn.capabilities.dialect == "postgres":
        return [f"${i}" for i in range(1, n + 1)]
    return ["?"] * n


# The columns a queue pass reads: not the transcript nor the candidates (JSON). Tickets read
# so cannot be saved whole; the passes change tickets with filtered updates.
LIGHT = ("id", "conversation_id", "channel", "lang", "status", "reason", "assignee_id", "created_at",
         "first_response_at", "resolved_at", "updated_at")
# A light pass, the tickets that arrived since the last pass (nobody has them) with their place:
# one statement instead of the ORM's read then AHEAD. A place is counted once a team (the
# waiting tickets before the team's earliest arrival, along WAITING_INDEX), then numbered
# along the queue's tail: a count a ticket took ~10 ms of the SQLite thread a pass under
# bench/throughput.py's handoffs (a store of 12,031 tickets, 2,937 waiting: 10 / 33 / 232
# arrivals 1.2 / 4.1 / 28.9 -> 0.3 / 0.3 / 2.4 ms, the same rows, ties of created_at included).
_WAITING_W = "w.assignee_id IS NULL AND w.status != 'resolved'"
ARRIVED = ("WITH a AS MATERIALIZED (SELECT " + ", ".join(LIGHT) + " FROM helpdesk_ticket "
           "WHERE id > {0} AND assignee_id IS NULL AND status != 'resolved'), "
           "b AS MATERIALIZED (SELECT k.channel, k.since, (SELECT COUNT(*) FROM helpdesk_ticket w "
           "WHERE w.channel = k.channel AND " + _WAITING_W + " AND w.created_at < k.since) AS base "
           "FROM (SELECT channel, MIN(created_at) AS since FROM a GROUP BY channel) k), "
           "r AS (SELECT w.id, b.base + ROW_NUMBER() OVER (PARTITION BY w.channel ORDER BY w.created_at, w.id) - 1 "
           "AS ahead FROM b JOIN helpdesk_ticket w ON w.channel = b.channel WHERE " + _WAITING_W + " "
           "AND w.created_at >= b.since) "
           "SELECT " + ", ".join(f"a.{c}" for c in LIGHT) + ", r.ahead FROM a JOIN r ON r.id = a.id "
           "ORDER BY a.id")
# The queue (the ORM's .only(*LIGHT) read before) and the disabled accounts, raw
WAITING = ("SELECT " + ", ".join(LIGHT) + " FROM helpdesk_ticket WHERE assignee_id IS NULL "
           "AND status != 'resolved' ORDER BY created_at, id")
DISABLED = "SELECT id FROM helpdesk_agent WHERE disabled = {0}"
# A full pass's teams: the channels of the waiting tickets, each with the highest ID of those
# old enough to be told (NULL: none yet)
WAITING_TEAMS = ("SELECT channel, MAX(CASE WHEN {0} - created_at >= {1} THEN id END) FROM helpdesk_ticket "
                 "WHERE assignee_id IS NULL AND status != 'resolved' GROUP BY channel")
# A full pass's notices: the waiting tickets old enough to be told, with their place in their
# team's queue (counted by the database) and their wait rows, only those that may need a
# notice: the team is closed and they were not told so; or queue notices are on and they were
# never told, or told `retell_after_s` ago and their place or wait moved much (the thresholds
# of changed_much, a little looser: the pass judges each row returned as before). A pass's
# work in Python is then what changed, not every waiting ticket (~19 us of CPU each before).
# {teams}: one (channel, closed, handle seconds, slots) row per team, in the database's style.
TO_TELL = (
    "WITH f(channel, shut, handle, slots) AS (VALUES {teams}), "
    "q AS (SELECT " + ", ".join(f"t.{c}" for c in LIGHT) + ", ROW_NUMBER() OVER "
    "(PARTITION BY t.channel ORDER BY t.created_at, t.id) AS position FROM helpdesk_ticket t "
    "WHERE t.assignee_id IS NULL AND t.status != 'resolved') "
    "SELECT " + ", ".join(f"q.{c}" for c in LIGHT) + ", q.position FROM q JOIN f ON f.channel = q.channel "
    "LEFT JOIN helpdesk_ticket_wait w ON w.ticket_id = q.id "
    "WHERE {now} - q.created_at >= {delay} AND ("
    "(f.shut = 1 AND w.hours_told_at IS NULL) OR (f.shut = 0 AND {queue} = 1 AND (w.told_at IS NULL OR "
    "({now_again} - w.told_at >= {retell} AND (w.told_position IS NULL "
    "OR (ABS(q.position - w.told_position) >= 2.99 AND ABS(q.position - w.told_position) >= w.told_position / 2.01) "
    "OR (f.slots = 0 AND w.told_wait_s IS NOT NULL) OR (f.slots > 0 AND w.told_wait_s IS NULL) "
    "OR (f.slots > 0 AND ABS(q.position * f.handle / f.slots - w.told_wait_s) >= 299.0 "
    "AND ABS(q.position * f.handle / f.slots - w.told_wait_s) >= w.told_wait_s / 2.01)))))) "
    "ORDER BY q.created_at, q.id")


class Queues:
    """The helpdesk's queues: automatic assignment, availability, notices to the client."""

    def __init__(self, helpdesk: Helpdesk, clock: Callable[[], float] | None = None) -> None:
        self.helpdesk, self.host = helpdesk, helpdesk.host
        self.config = helpdesk.config.assignment
        self.hours = Hours(helpdesk.config.business_hours)
        # the time business hours are judged at (tests set it); timestamps are the wall clock
        self.clock = clock or time.time
        self._wake: asyncio.Event | None = None
        self._lock: asyncio.Lock | None = None
        # a full pass reads every waiting ticket; a light one, the tickets that arrived since
        # (the highest ticket ID a pass looked at is `_seen`)
        self._full, self._last_full, self._seen = True, 0.0, 0
        self._last_pass = 0.0
        # when tickets created here arrived (monotonic), until a light pass told them: a light
        # pass reads the new tickets only once one of them is due (NOTICE_DELAY_S old)
        self._arrivals: list[float] = []
        # the available agents read by this pass's assignment, for its estimates
        self._pass_candidates: list[Candidate] | None = None
        # told when an agent's availability or capacity changed (the live console's feed)
        self.agent_observers: list[Callable[[int], Awaitable[None]]] = []
        helpdesk.observers.append(self.observe)
        self.host.background("helpdesk-queues", self.run)

    # -- the loop ----------------------------------------------------------------------

    def kick(self, full: bool = True) -> None:
        """Run a pass soon (capacity freed, a ticket arrived...). A light pass (`full` False:
        a ticket arrived) tells only the clients of tickets that arrived since the last pass;
        places that moved are told by the next full pass, within ``pass_interval_s``."""
        self._full = self._full or full
        if self._wake is not None:
            self._wake.set()

    async def run(self) -> None:
        """The background task: a pass when kicked, and every ``pass_interval_s`` (business
        hours open, changes made by other workers); a light pass at most every
        ``LIGHT_PASS_GAP_S``."""
        self._wake = asyncio.Event()
        await self.index_waiting()
        while True:
            await wait_for_event(self._wake, self.config.pass_interval_s)
            soon = self._last_pass + LIGHT_PASS_GAP_S - time.monotonic()
            if soon > 0 and not self._full:  # a light pass: with the tickets arriving meanwhile
                await asyncio.sleep(soon)
            self._wake.clear()
            self._last_pass = time.monotonic()
            full = self._full or time.monotonic() - self._last_full >= self.config.pass_interval_s
            self._full = False
            try:
                with self.host.db():
                    await self.run_pass(full)
            except Exception as exc:  # a database hiccup: the next pass tries again
                self._full = True
                log.error("helpdesk_queue_pass_failed", error=str(exc))

    async def index_waiting(self) -> None:
        """The waiting tickets' partial index (WAITING_INDEX), if missing: the passes' places
        count along it. A failure (another worker creating it at the same moment) is logged:
        the passes are right without it, only slower."""
        try:
            with self.host.db():
                await connections.get("default").execute_script(WAITING_INDEX)
        except Exception as exc:
            log.warning("helpdesk_waiting_index_failed", error=str(exc))

    async def run_pass(self, full: bool = True) -> None:
        """Assign what can be, then tell the clients still waiting (store bound); a light pass
        tells only those of the tickets that arrived since the last pass."""
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            try:
                await self._pass(full)
            finally:
                self._pass_candidates = None

    async def _pass(self, full: bool) -> None:
        if full:  # (disabled elsewhere: within pass_interval_s)
            await self.release_disabled()
        if self.config.automatic:
            await self.assign_waiting()
        if full:
            self._last_full = time.monotonic()
            self._arrival_due()  # those told now (a light pass tells those not due yet)
            await self.tell_waiting()
        elif self._arrival_due():
            await self.tell_arrived()

    def _arrival_due(self) -> bool:
        """Whether a ticket created here is old enough to be told (the ones not yet due stay)."""
        due = time.monotonic() - NOTICE_DELAY_S
        if not any(at <= due for at in self._arrivals):
            return False
        self._arrivals = [at for at in self._arrivals if at > due]
        return True

    async def observe(self, ticket: Ticket, what: str) -> None:
        """A ticket changed (a :attr:`Helpdesk.observers` callback)."""
        if what in ("created", "message") and ticket.reason == "client_message" \
                and await self._close_repeat_spam(ticket):
            return
        if what == "created":  # at the back of the queue: a light pass tells it
            self._arrivals.append(time.monotonic())
            self.kick(full=False)
            asyncio.get_running_loop().call_later(NOTICE_DELAY_S + 0.05, self.kick, False)
        elif what == "again":  # handed off again while it waited: told (and released) anew
            await self._set_wait(connections.get("default"), ticket.id, told_position=None, told_wait_s=None,
                                 told_at=None, hours_told_at=None)
            self.kick()
        elif what in ("resolve", "closed", "transferred", "unassigned", "assigned", "take"):
            self.kick()  # capacity freed, the queue moved
        # a client's message on a waiting ticket ("message") starts no pass: neither the queue
        # (its place, its team) nor the agents' capacity changed, so a pass would give out
        # nothing the last one did not (it was a query of the agents' status per message)
        if what == "take":
            await self._set_wait(connections.get("default"), ticket.id, assigned_at=time.time())

    # -- availability and capacity -------------------------------------------------------

    async def status(self, agent_id: int) -> AgentStatus:
        """The agent's status row (created offline when missing)."""
        row = await AgentStatus.get_or_none(agent_id=agent_id)
        if row is not None:
            return row
        try:
            return await AgentStatus.create(agent_id=agent_id, availability="offline",
                                            changed_at=time.time())
        except IntegrityError:  # created meanwhile by another worker
            return await AgentStatus.get(agent_id=agent_id)

    async def set_availability(self, agent_id: int, availability: str,
                               only_from: tuple[str, ...] | None = None) -> bool:
        """Change an agent's availability (only from one of `only_from` when given); True
        when it changed. A pass follows (capacity appeared, or the expected waits changed)."""
        if availability not in AVAILABILITY:
            raise ValueError(f"availability must be one of {', '.join(AVAILABILITY)}")
        for _ in range(5):
            row = await self.status(agent_id)
            if row.availability == availability or (only_from and row.availability not in only_from):
                return False
            done = await AgentStatus.filter(agent_id=agent_id, version=row.version).update(
                availability=availability, changed_at=time.time(), version=row.version + 1)
            if done:
                self.kick()
                await self._agent_changed(agent_id)
                return True
        return False

    async def set_capacity(self, agent_id: int, capacity: int | None) -> None:
        """An agent's own capacity (None: the config's); a pass follows."""
        if capacity is not None and not 1 <= capacity <= 100:
            raise ValueError("capacity must be from 1 to 100")
        await self.status(agent_id)
        await AgentStatus.filter(agent_id=agent_id).update(capacity=capacity, version=F("version") + 1)
        self.kick()
        await self._agent_changed(agent_id)

    def capacity_of(self, status: AgentStatus) -> int:
        """The agent's capacity."""
        return status.capacity or self.config.capacity

    async def loads(self, agent_ids: list[int]) -> dict[int, int]:
        """Open (not resolved) tickets assigned to each agent."""
        if not agent_ids:
            return {}
        rows = await (Ticket.filter(assignee_id__in=agent_ids).exclude(status="resolved")
                      .annotate(n=Count("id")).group_by("assignee_id").values("assignee_id", "n"))
        found = {row["assignee_id"]: row["n"] for row in rows}
        return {agent_id: found.get(agent_id, 0) for agent_id in agent_ids}

    async def candidates(self) -> list[Candidate]:
        """Available agents (role agent, enabled) with their load and capacity (one raw
        statement: the status rows, the accounts and the open tickets of what three ORM
        queries read)."""
        conn = connections.get("default")
        _, rows = await conn.execute_query(CANDIDATES.format(*_marks(conn, 1)), [False])
        out = []
        for row in rows:
            row = dict(row)
            agent = Agent._init_from_db(**{c: row[f"a_{c}"] for c in _AGENT_COLUMNS})
            if not agent.has("agent"):
                continue
            status = AgentStatus._init_from_db(**{c: row[c] for c in _STATUS_COLUMNS})
            out.append(Candidate(agent, status, row["a_load"], self.capacity_of(status)))
        return out

    async def board(self) -> list[dict[str, Any]]:
        """Every agent's availability, load and capacity (for supervisors)."""
        agents = [a for a in await Agent.filter(disabled=False).order_by("username")
                  if a.has("agent", "supervisor")]
        statuses = {s.agent_id: s for s in await AgentStatus.filter(agent_id__in=[a.id for a in agents])}
        loads = await self.loads([a.id for a in agents])
        out = []
        for agent in agents:
            status = statuses.get(agent.id)
            out.append({"id": agent.id, "username": agent.username, "roles": agent.roles,
                        "channels": agent.channels,
                        "availability": status.availability if status else "offline",
                        "capacity": self.capacity_of(status) if status else self.config.capacity,
                        "own_capacity": status.capacity if status else None,
                        "open": loads[agent.id]})
        return out

    # -- assignment --------------------------------------------------------------------

    async def waiting(self) -> list[Ticket]:
        """Tickets nobody has, oldest first, without their transcript and candidates (light:
        a queue pass reads them all; at 2,000 waiting the JSON columns were ~10 MB a pass)."""
        _, rows = await connections.get("default").execute_query(WAITING)  # one raw statement
        return [Ticket._init_from_db(**dict(row)) for row in rows]  # partial, as .only(*LIGHT) reads them

    async def release_disabled(self) -> int:
        """Put the open tickets of disabled accounts back in the queue."""
        conn = connections.get("default")  # a full pass's first read: raw
        _, rows = await conn.execute_query(DISABLED.format(*_marks(conn, 1)), [True])
        disabled = [row[0] for row in rows]
        if not disabled:
            return 0
        tickets = await Ticket.filter(assignee_id__in=list(disabled)).exclude(status="resolved")
        now = time.time()
        for ticket in tickets:
            if await Ticket.filter(id=ticket.id, assignee_id=ticket.assignee_id).update(
                    assignee_id=None, updated_at=now):
                ticket.assignee_id = None
                await TicketMessage.create(ticket_id=ticket.id, kind="event", at=now,
                                           text="back in the queue: its agent's account is disabled")
                await self.helpdesk.changed(ticket, "unassigned")
        return len(tickets)

    async def assign_waiting(self) -> list[tuple[int, str]]:
        """Give waiting tickets to available agents; returns (ticket, username) pairs."""
        given: list[tuple[int, str]] = []
        for _ in range(3):  # a claim lost to another worker: count again
            lost = False
            candidates = self._pass_candidates = await self.candidates()
            if not any(c.free for c in candidates):  # every agent full: reading the queue gives nothing
                return given
            now, at = time.time(), self.clock()
            for ticket in await self.waiting():
                if not self.hours.is_open(ticket.channel, at):
                    continue
                eligible = [c for c in candidates if c.free and c.agent.serves(ticket.channel)]
                if not eligible:
                    continue
                chosen = min(eligible, key=lambda c: (c.load, c.status.last_assigned_at, c.agent.id))
                if not await self._claim(ticket, chosen, now):
                    lost = True
                    break
                given.append((ticket.id, chosen.agent.username))
                await self._assigned(ticket, chosen.agent, None, now)
            if not lost:
                break
        return given

    async def _claim(self, ticket: Ticket, candidate: Candidate, now: float) -> bool:
        status = candidate.status
        try:
            async with in_transaction() as conn:  # two raw statements (the ORM's updates before)
                bumped, _ = await conn.execute_query(CLAIM_STATUS.format(*_marks(conn, 4)), [
                    status.version + 1, now, status.agent_id, status.version])
                if not bumped:
                    raise _Lost
                taken, _ = await conn.execute_query(CLAIM_TICKET.format(*_marks(conn, 3)), [
                    candidate.agent.id, now, ticket.id])
                if not taken:
                    raise _Lost
        except _Lost:
            return False
        status.version += 1
        status.last_assigned_at = now
        candidate.load += 1
        ticket.assignee_id, ticket.updated_at = candidate.agent.id, now
        return True

    async def _assigned(self, ticket: Ticket, agent: Agent | None, by: Agent | None, now: float) -> None:
        """After a ticket changed hands: its log line, the wait's memory, the event, the feed."""
        conn = connections.get("default")  # raw statements: the wait row set, the ticket's line
        if agent is not None:
            await self._set_wait(conn, ticket.id, assigned_at=now)
            text = (f"{by.username} assigned the ticket to {agent.username}" if by
                    else f"assigned to {agent.username} (automatic)")
        else:
            text = f"{by.username if by else 'nobody'} put the ticket back in the queue"
        await conn.execute_query(TICKET_LINE.format(*_marks(conn, 6)), [
            ticket.id, "event", by.username if by else None, text, None, now])
        if agent is not None:
            await self.helpdesk._event("ticket_assigned", ticket, {
                "agent": agent.username, "by": by.username if by else "automatic",
                "seconds": round(max(0.0, now - ticket.created_at), 3)})
        await self.helpdesk.changed(ticket, "assigned" if agent else "unassigned")

    async def reassign(self, ticket: Ticket, by: Agent, username: str | None) -> Agent | None:
        """A supervisor gives the ticket to `username` (None or "": back to the queue)."""
        if ticket.status == "resolved":
            raise TicketError("this ticket is resolved")
        target = None
        if username:
            name = username.strip().lower()
            target = await Agent.get_or_none(username=name, disabled=False) if accounts.valid_username(name) else None
            if target is None or not target.has("agent"):
                raise TicketError(f"{username[:64]!r} is not an active agent", 400)
        now = time.time()
        ticket.assignee_id, ticket.updated_at = (target.id if target else None), now
        await ticket.save(update_fields=["assignee_id", "updated_at"])
        if target is not None:
            await AgentStatus.filter(agent_id=target.id).update(last_assigned_at=now, version=F("version") + 1)
        await self._assigned(ticket, target, by, now)
        return target

    # -- transfer and close -------------------------------------------------------------

    async def teams(self) -> list[str]:
        """The teams a ticket can be transferred to: channels agents serve by name, channels
        with business hours, channels tickets came from."""
        names: set[str] = set()
        for channels in await Agent.filter(disabled=False).values_list("channels", flat=True):
            names.update(c for c in channels or () if c != "*")
        names.update(t for t in self.hours.schedules if t != "*")
        names.update(await Ticket.all().distinct().values_list("channel", flat=True))
        return sorted(n for n in names if TEAM.match(n))

    async def transfer(self, ticket: Ticket, by: Agent, team: str) -> None:
        """Send the ticket to another channel's team: it waits in their queue, unassigned."""
        team = team.strip().lower()
        if ticket.status == "resolved":
            raise TicketError("this ticket is resolved")
        if team == ticket.channel:
            raise TicketError(f"the ticket is already in the {team} queue", 400)
        if not TEAM.match(team) or team not in await self.teams():
            raise TicketError(f"{team[:32]!r} is not a team (a channel agents serve)", 400)
        previous, now = ticket.channel, time.time()
        ticket.channel, ticket.assignee_id, ticket.updated_at = team, None, now
        await ticket.save(update_fields=["channel", "assignee_id", "updated_at"])
        row = await self._wait_row(ticket.id)
        await TicketWait.filter(ticket_id=ticket.id).update(
            transferred_from=row.transferred_from or previous, told_position=None, told_wait_s=None,
            told_at=None, hours_told_at=None)
        await TicketMessage.create(ticket_id=ticket.id, kind="event", author=by.username, at=now,
                                   text=f"{by.username} transferred the ticket from {previous} to {team}")
        await self.helpdesk._event("ticket_transferred", ticket, {"from": previous, "to": team,
                                                                  "agent": by.username})
        await self.helpdesk.changed(ticket, "transferred")

    async def close(self, ticket: Ticket, by: Agent | None, reason: str) -> None:
        """Close a ticket that is not a question (``spam``, ``not_a_question``): resolved
        without a survey, counted apart (``ticket_closed`` with the reason)."""
        if reason not in CLOSE_REASONS:
            raise TicketError(f"reason must be one of {', '.join(CLOSE_REASONS)}", 400)
        now = time.time()
        done = await Ticket.filter(id=ticket.id).exclude(status="resolved").update(
            status="resolved", resolved_at=now, updated_at=now)
        if not done:
            raise TicketError("this ticket is already resolved")
        ticket.status, ticket.resolved_at, ticket.updated_at = "resolved", now, now
        await self._wait_row(ticket.id)
        await TicketWait.filter(ticket_id=ticket.id).update(closed_reason=reason)
        who = by.username if by else "automatic"
        await TicketMessage.create(ticket_id=ticket.id, kind="event", author=by.username if by else None,
                                   at=now, text=f"closed as {labels.CLOSE_REASONS[reason].lower()} ({who})")
        await self.helpdesk._event("ticket_closed", ticket, {"reason": reason, "agent": who})
        await self.host.release(ticket.conversation_id)  # the bot answers general questions again
        await self.helpdesk.changed(ticket, "closed")

    async def _close_repeat_spam(self, ticket: Ticket) -> bool:
        # After a close the bot owns the conversation again (host.release); a ticket opened
        # by one lone message of the conversation after a spam close is closed at once.
        if ticket.status == "resolved":
            return False
        previous = await Ticket.filter(conversation_id=ticket.conversation_id, id__lt=ticket.id).order_by(
            "-id").first()
        if previous is None:
            return False
        wait = await TicketWait.get_or_none(ticket_id=previous.id)
        if wait is None or wait.closed_reason != "spam" or \
                await TicketMessage.filter(ticket_id=ticket.id).count() > 1:
            return False
        await self.close(ticket, None, "spam")
        return True

    # -- what the waiting client is told --------------------------------------------------

    async def handle_seconds(self, team: str) -> float:
        """Mean handling time of the team's last resolved tickets (from assignment, else first
        response, else arrival, to resolution); ``handle_minutes`` until there are enough."""
        conn = connections.get("default")  # the tickets with their wait rows: one raw statement
        _, recent = await conn.execute_query(HANDLED.format(*_marks(conn, 2)), [team, HANDLE_SAMPLE])
        spans = []
        for ticket in recent:
            if ticket["closed_reason"]:
                continue
            start = ticket["assigned_at"] or ticket["first_response_at"] or ticket["created_at"]
            spans.append(max(0.0, ticket["resolved_at"] - start))
        if len(spans) < HANDLE_MIN_SAMPLES:
            return self.config.handle_minutes * 60
        return min(4 * 3600.0, max(60.0, sum(spans) / len(spans)))

    async def estimates(self, queue: list[Ticket] | None = None) -> dict[int, tuple[int, float | None]]:
        """Each waiting ticket's place in its team's queue and expected wait in seconds (None
        when no available agent serves the team); `queue`: :meth:`waiting` if read already."""
        by_team: dict[str, list[Ticket]] = defaultdict(list)
        for ticket in await self.waiting() if queue is None else queue:
            by_team[ticket.channel].append(ticket)
        candidates = await self._candidates_now()
        out: dict[int, tuple[int, float | None]] = {}
        for team, tickets in by_team.items():
            slots = sum(c.capacity for c in candidates if c.agent.serves(team))
            handle = await self.handle_seconds(team) if slots else 0.0
            for position, ticket in enumerate(tickets, 1):
                out[ticket.id] = (position, position * handle / slots if slots else None)
        return out

    async def tell_waiting(self) -> int:
        """Outside business hours, give waiting clients back to the bot and tell them when
        agents are back (once per handoff); inside, tell them their place and expected wait
        (with ``tell_queue``). Returns how many were told."""
        now = time.time()
        conn = connections.get("default")
        _, teams = await conn.execute_query(WAITING_TEAMS.format(*_marks(conn, 2)), [now, NOTICE_DELAY_S])
        due = [row[1] for row in teams if row[1] is not None]
        if not due:
            return 0
        self._seen = max(self._seen, max(due))
        # each team's wait as estimates() gives it: place * handle / slots (None without
        # slots); the places are counted by the database
        at, candidates = self.clock(), await self._candidates_now()
        factors: dict[str, tuple[float, int]] = {}
        values: list[Any] = []
        for row in teams:
            team = row[0]
            slots = sum(c.capacity for c in candidates if c.agent.serves(team))
            factors[team] = (await self.handle_seconds(team) if slots else 0.0, slots)
            values += [team, 0 if self.hours.is_open(team, at) else 1, factors[team][0], slots]
        values += [now, NOTICE_DELAY_S, 1 if self.config.tell_queue else 0, now, self.config.retell_after_s]
        marks = iter(_marks(conn, len(values)))
        teams_sql = ", ".join(f"(CAST({next(marks)} AS VARCHAR(32)), CAST({next(marks)} AS INTEGER), "
                              f"CAST({next(marks)} AS DOUBLE PRECISION), CAST({next(marks)} AS INTEGER))"
                              for _ in teams)
        sql = TO_TELL.format(teams=teams_sql, now=next(marks), delay=next(marks), queue=next(marks),
                             now_again=next(marks), retell=next(marks))
        _, rows = await conn.execute_query(sql, values)
        tickets, estimates = [], {}
        for row in rows:
            row = dict(row)
            position = row.pop("position")
            ticket = Ticket._init_from_db(**row)  # partial, as .only(*LIGHT) reads it
            handle, slots = factors[ticket.channel]
            estimates[ticket.id] = (position, position * handle / slots if slots else None)
            tickets.append(ticket)
        if not tickets:
            return 0
        return await self._tell_each(tickets, estimates, now)

    async def tell_arrived(self) -> int:
        """What a light pass tells: the clients of tickets that arrived since the last pass
        (their places counted in SQL), not the whole queue."""
        now = time.time()
        arrived: list[Ticket] = []
        ahead: dict[int, int] = {}
        conn = connections.get("default")  # the tickets with their places: one raw statement
        _, rows = await conn.execute_query(ARRIVED.format(*_marks(conn, 1)), [self._seen])
        for row in rows:
            row = dict(row)
            if now - row["created_at"] < NOTICE_DELAY_S:
                break  # told by the pass NOTICE_DELAY_S after its arrival
            ahead[row["id"]] = row.pop("ahead")
            arrived.append(Ticket._init_from_db(**row))  # partial, as .only(*LIGHT) reads it
        if not arrived:
            return 0
        self._seen = arrived[-1].id
        return await self._tell_each(arrived, await self._places(arrived, ahead), now)

    async def places(self, tickets: list[Ticket]) -> dict[int, tuple[int, float | None]]:
        """The place and expected wait of a few waiting tickets, as :meth:`estimates` gives
        them, counting in SQL the tickets ahead of each (one query for them all)."""
        return await self._places(tickets, await self._ahead([t.id for t in tickets]))

    async def _places(self, tickets: list[Ticket], ahead: dict[int, int]) -> dict[int, tuple[int, float | None]]:
        candidates = await self._candidates_now()
        handles: dict[str, float] = {}
        out: dict[int, tuple[int, float | None]] = {}
        for ticket in tickets:
            position = 1 + ahead.get(ticket.id, 0)
            slots = sum(c.capacity for c in candidates if c.agent.serves(ticket.channel))
            if slots and ticket.channel not in handles:
                handles[ticket.channel] = await self.handle_seconds(ticket.channel)
            out[ticket.id] = (position, position * handles[ticket.channel] / slots if slots else None)
        return out

    async def _candidates_now(self) -> list[Candidate]:
        # what this pass's assignment read (capacities do not change with its claims)
        if self._pass_candidates is not None:
            return self._pass_candidates
        return await self.candidates()

    @staticmethod
    async def _ahead(ids: list[int]) -> dict[int, int]:
        """How many waiting tickets are ahead of each of these in its team's queue."""
        if not ids:
            return {}
        conn = connections.get("default")
        marks = ", ".join(_marks(conn, len(ids)))
        _, rows = await conn.execute_query(AHEAD.format(marks=marks), ids)
        return {row[0]: row[1] for row in rows}

    async def _tell_each(self, waiting: list[Ticket], estimates: dict[int, tuple[int, float | None]],
                         now: float) -> int:
        at = self.clock()
        conn = connections.get("default")  # the wait rows, created if missing: one statement
        rows = ", ".join(f"({mark})" for mark in _marks(conn, len(waiting)))
        await conn.execute_query(WAIT_ROWS.format(rows=rows), [t.id for t in waiting])
        ids = [t.id for t in waiting]  # read raw: 110 against 560 us of CPU through the ORM
        _, read = await conn.execute_query(WAIT_READ.format(marks=", ".join(_marks(conn, len(ids)))), ids)
        rows = {row["ticket_id"]: row for row in read}
        plan: list[tuple[Ticket, fast.Claim | None]] = []  # in the queue's order: None for "closed"
        for ticket in waiting:
            row = rows[ticket.id]
            if not self.hours.is_open(ticket.channel, at):
                if row["hours_told_at"] is None:
                    plan.append((ticket, None))
                continue
            if not self.config.tell_queue:
                continue
            position, wait = estimates.get(ticket.id, (1, None))
            told_at = row["told_at"]
            if told_at is not None and (now - told_at < self.config.retell_after_s or not changed_much(
                    row["told_position"], row["told_wait_s"], position, wait)):
                continue
            plan.append((ticket, (ticket.id, position, wait, now, told_at)))
        # the queue notices due, claimed together (one trip on the embedded SQLite)
        claimed = set(await self._claim_notices(conn, [claim for _, claim in plan if claim is not None]))
        told = 0
        for ticket, claim in plan:
            if claim is None:
                if await TicketWait.filter(ticket_id=ticket.id, hours_told_at__isnull=True).update(
                        hours_told_at=now):
                    await self._tell(ticket, "closed", at, released=await self._release(ticket))
                    told += 1
            elif ticket.id in claimed:
                await self._tell(ticket, "queue", at, position=claim[1], wait=claim[2])
                told += 1
        return told

    async def _claim_notices(self, conn: Any, claims: list[fast.Claim]) -> list[int]:
        """Note the notices about to be sent, each unless another worker sent one since its
        ``told_at`` was read; the tickets claimed. The embedded SQLite: one trip to the
        database's thread for them all (one a notice before: as many trips as the core's
        group commits under load); PostgreSQL: one raw statement each."""
        if not claims:
            return []
        if self.host.embedded_sqlite:
            return await self.host.in_db_thread(fast.alone, partial(fast.claim_notices, claims=claims))
        claimed = []
        for claim in claims:
            sql, args = fast.claim_statement(claim)
            done, _ = await conn.execute_query(fast.placeholders(conn, sql), list(args))
            if done:
                claimed.append(claim[0])
        return claimed

    async def _release(self, ticket: Ticket) -> bool:
        """Outside business hours: the bot answers the client until an agent replies (the
        ticket keeps waiting). True when the bot has the conversation (a channel without a
        bot keeps it with the agents)."""
        try:
            await self.host.release(ticket.conversation_id)
        except Exception as exc:  # the ticket still waits; the client is still told
            log.error("helpdesk_release_failed", ticket=ticket.id, error=str(exc))
            return False
        conversation = await self.host.conversation(ticket.conversation_id)
        if conversation is None or conversation.owner != "bot":
            return False
        await TicketMessage.create(ticket_id=ticket.id, kind="event", at=time.time(),
                                   text="outside business hours: the bot answers the client until an agent replies")
        await self.helpdesk.changed(ticket, "released")
        return True

    async def _tell(self, ticket: Ticket, what: str, at: float, position: int = 0,
                    wait: float | None = None, released: bool = False) -> None:
        conversation = await self.host.conversation(ticket.conversation_id)
        lang = conversation.lang if conversation else ticket.lang
        if what == "closed":
            back = self.hours.next_open(ticket.channel, at)
            schedule = self.hours.schedule(ticket.channel)
            message = (labels.text("closed", lang, when=labels.back_at(back, schedule.local(at), lang))
                       if back is not None and schedule is not None else labels.text("closed_unknown", lang))
            if released:
                message += " " + labels.text("meanwhile", lang)
        elif wait is None:
            message = labels.text("queue_unknown", lang, position=position)
        else:
            message = labels.text("queue", lang, position=position, wait=labels.duration(wait, lang))
        log.info("helpdesk_queue_notice", ticket=ticket.id, notice=what, position=position or None,
                 wait_s=math.ceil(wait) if wait is not None else None)
        try:
            await self.host.deliver(ticket.conversation_id, [Reply(message, "system")])
        except Exception as exc:  # the client's channel is down: the ticket still waits
            log.error("helpdesk_queue_notice_failed", ticket=ticket.id, error=str(exc))

    async def _wait_row(self, ticket_id: int, **values: Any) -> TicketWait:
        row = await TicketWait.get_or_none(ticket_id=ticket_id)
        if row is None:
            try:
                return await TicketWait.create(ticket_id=ticket_id, **values)
            except IntegrityError:
                row = await TicketWait.get(ticket_id=ticket_id)
        if values:
            await TicketWait.filter(ticket_id=ticket_id).update(**values)
            for key, value in values.items():
                setattr(row, key, value)
        return row

    @staticmethod
    async def _set_wait(conn: Any, ticket_id: int, **values: Any) -> None:
        """Set these columns of the ticket's wait row, created when missing (one raw
        statement: :meth:`_wait_row` reads the row, then creates or updates it)."""
        columns = list(values)
        marks = _marks(conn, len(columns) + 1)
        sql = WAIT_SET.format(columns=", ".join(columns), marks=", ".join(marks),
                              updates=", ".join(f"{c} = excluded.{c}" for c in columns))
        await conn.execute_query(sql, [ticket_id, *values.values()])

    async def _agent_changed(self, agent_id: int) -> None:
        for observer in self.agent_observers:
            await observer(agent_id)
