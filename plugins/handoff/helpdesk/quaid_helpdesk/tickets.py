"""The built-in helpdesk: the handoff target that turns conversations into tickets.

It is the :class:`~quaidcore.HandoffTarget` named ``helpdesk``; what agents do in the console
(reply, notes, consultations, resolve) are its methods, so the console is only HTTP.
Agents' replies go through ``quaid.agent_reply`` (which delivers on the client's channel)
and resolving through ``quaid.resolve`` (which asks the client for satisfaction).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import structlog
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from quaidcore import ComponentContext, Event, HandoffRequest, Host, TranscriptLine, TurnWrite

from . import accounts, fast, labels
from .canned import Canned, CannedResponses
from .config import HelpdeskConfig
from .models import Agent, Ticket, TicketMessage

log = structlog.get_logger(__name__)
MAX_TEXT = 4000


class TicketError(Exception):
    """An action refused: 409 when the ticket's state does not allow it (replying to a
    resolved ticket), 400 when what was sent is wrong (no code)."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


class Helpdesk:
    """Handoff target ``helpdesk``: tickets in the store, queues by channel, the console."""

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: HelpdeskConfig = (ctx.config if isinstance(ctx.config, HelpdeskConfig)
                                       else HelpdeskConfig())
        self.host: Host = ctx.host
        self.canned = CannedResponses(self.host.kb)
        # told of every change of a ticket ("created", "message", "reply", "resolve"...):
        # the live console's feed and the automatic assignment (make_helpdesk adds them)
        self.observers: list[Callable[[Ticket, str], Awaitable[None]]] = []
        # the live console's change feed (make_helpdesk sets it): the message path writes its
        # row in the change's own transaction (changed(..., recorded=True))
        self.feed: Any = None

    async def start(self) -> None:
        """Create the bootstrap supervisor when the config asks for one."""
        admin = self.config.bootstrap_admin
        if not admin or not admin.username or not admin.password.get_secret_value():
            return
        with self.host.db():
            if await Agent.exists(username=admin.username.strip().lower()):
                return
            try:
                await accounts.add_agent(admin.username, admin.password.get_secret_value(),
                                         ["supervisor", "agent"], admin.channels)
            except accounts.AccountError as exc:
                log.error("helpdesk_bootstrap_admin_refused", error=str(exc))
                return
        log.info("helpdesk_bootstrap_admin_created", username=admin.username)

    async def stop(self) -> None:
        """Nothing to release: the store belongs to the core."""

    # -- the handoff target ------------------------------------------------------------
    #
    # The core runs handoff_writes' and forward_writes' writes inside the turn's own
    # transaction (quaidcore.TurnWrite): the ticket commits with the handoff, or neither does.
    # handoff() and client_message() are the same writes in a transaction of their own.

    async def handoff(self, request: HandoffRequest) -> None:
        """Open a ticket for `request` in a transaction of its own (see :meth:`handoff_writes`)."""
        await self._alone(await self.handoff_writes(request))

    async def client_message(self, conversation_id: str, text: str) -> None:
        """Add a client's (redacted) message to the conversation's open ticket, in a
        transaction of its own (see :meth:`forward_writes`)."""
        await self._alone(self._forward_write(conversation_id, await self._client_text(conversation_id, text)))

    async def handoff_writes(self, request: HandoffRequest) -> TurnWrite:
        """A ticket with the redacted transcript and the bot's candidate codes; when the
        conversation still has an open ticket (it waited outside business hours while the bot
        answered), that ticket gets what was said since, instead of a second ticket."""
        now = time.time()
        lines_in = [dict(line) for line in request.transcript]
        texts = labels.transcript_texts(lines_in, await self._payloads(request, lines_in), request.lang,
                                        self.host.kb)
        lines = [(_kind(line.get("author")), None, text, line.get("code"), line.get("at") or now)
                 for line, text in zip(lines_in, texts, strict=True)]
        transcript = [{k: v for k, v in line.items() if k != "pressed"} for line in lines_in]
        values = dict(
            conversation_id=request.conversation_id, channel=request.channel, lang=request.lang,
            reason=request.reason, transcript=transcript, created_at=now, updated_at=now,
            candidates=[{"code": p.code, "confidence": round(p.confidence, 4)} for p in request.candidates])
        again = f"handed off again: {labels.reason_words(request.reason).lower()}"
        feed = self.feed is not None

        async def committed(result: tuple[Ticket | dict[str, Any], bool]) -> None:
            await self._opened(request.reason, *result)
        if self.host.embedded_sqlite:
            return TurnWrite(sqlite=partial(fast.open_ticket, values=fast.ticket_values(**values), lines=lines,
                                            again=again, feed=feed), committed=committed)
        return TurnWrite(orm=partial(_open_raw, values=fast.ticket_values(**values), lines=lines, again=again,
                                     feed=feed), committed=committed)

    async def forward_writes(self, conversation_id: str, text: str, pressed: str | None) -> TurnWrite:
        """The client's message on the conversation's open ticket (a new ticket if it has
        none); a pressed button is shown by its title."""
        if pressed:
            conversation = await self.host.conversation(conversation_id)
            text = labels.client_line("", pressed, conversation.lang if conversation else "en", self.host.kb)
        return self._forward_write(conversation_id, text)

    def _forward_write(self, conversation_id: str, text: str) -> TurnWrite:
        now, feed, text = time.time(), self.feed is not None, text or "(quick reply)"

        async def committed(result: tuple[Ticket | dict[str, Any], bool]) -> None:
            found, created = result
            with self.host.db():
                await self.changed(_as_ticket(found), "created" if created else "message", recorded=feed)
        if self.host.embedded_sqlite:
            return TurnWrite(sqlite=partial(fast.forward, conversation_id=conversation_id, text=text, now=now,
                                            feed=feed), committed=committed)
        return TurnWrite(orm=partial(self._forward_raw, conversation_id=conversation_id, text=text, now=now,
                                     feed=feed), committed=committed)

    async def _alone(self, write: TurnWrite) -> None:
        # the writes in a transaction of their own, then what follows their commit
        with self.host.db():
            if write.sqlite is not None:  # one trip to the database's thread
                result = await self.host.in_db_thread(fast.alone, write.sqlite)
            else:
                assert write.orm is not None
                async with in_transaction() as conn:
                    result = await write.orm(conn)
        assert write.committed is not None
        await write.committed(result)

    async def _payloads(self, request: HandoffRequest, lines: list[dict[str, Any]]) -> list[TranscriptLine]:
        # The titles of the buttons pressed: from the request's `pressed`, or (a request made
        # without it) from the stored lines, which keep the payloads.
        if any("pressed" in line for line in lines) or not any(
                line.get("author") == "client" and not line.get("text") for line in lines):
            return [TranscriptLine(line.get("author") or "", line.get("text") or "", line.get("at") or 0.0,
                                   payload=line.get("pressed")) for line in lines]
        return await self.host.transcript(request.conversation_id)

    async def _opened(self, reason: str, found: Ticket | dict[str, Any], created: bool) -> None:
        # after the commit: the log, the event, the observers
        ticket = _as_ticket(found)
        with self.host.db():
            if not created:
                log.info("ticket_handed_off_again", ticket=ticket.id, reason=reason)
                await self.changed(ticket, "again", recorded=self.feed is not None)
                return
            log.info("ticket_created", ticket=ticket.id, channel=ticket.channel, reason=reason)
            # The ticket is committed already: the event joins the store's next group commit
            # without holding the client's notice for it (emit's wait=False)
            await self._event("ticket_created", ticket, {"reason": reason}, wait=False)
            await self.changed(ticket, "created", recorded=self.feed is not None)

    async def _forward_raw(self, conn: Any, conversation_id: str, text: str, now: float,
                           feed: bool) -> tuple[dict[str, Any], bool]:
        # fast.forward on the transaction's connection (PostgreSQL): its statements through
        # tortoise's connection, raw (the ORM's four queries cost ~0.8 M instructions each)
        row = await _first(conn, fast.OPEN_TICKET, [conversation_id])
        created = row is None
        if row is None:
            conversation = await self.host.conversation(conversation_id)
            row = await _insert_ticket(conn, fast.ticket_values(
                conversation_id=conversation_id, channel=conversation.channel if conversation else "?",
                lang=conversation.lang if conversation else "en", reason="client_message", candidates=[],
                transcript=[], created_at=now, updated_at=now))
        await conn.execute_query(_sql(conn, fast.INSERT_MESSAGE), [row["id"], "client", None, text, None, now])
        await conn.execute_query(_sql(conn, fast.REOPEN), [now, row["id"]])
        if feed:
            await conn.execute_query(_sql(conn, fast.INSERT_CHANGE),
                                     [now, "created" if created else "message", row["id"]])
        row["status"], row["updated_at"] = "open", now
        return row, created

    async def _client_text(self, conversation_id: str, text: str) -> str:
        # A pressed button reaches here as its payload: show the button's title instead.
        lines = await self.host.transcript(conversation_id)
        last = next((line for line in reversed(lines) if line.author == "client"), None)
        if last is None or last.text or not last.payload or last.payload != text:
            return text
        conversation = await self.host.conversation(conversation_id)
        return labels.client_line("", last.payload, conversation.lang if conversation else "en",
                                  self.host.kb)

    async def changed(self, ticket: Ticket, what: str, recorded: bool = False) -> None:
        """Tell the observers that `ticket` changed (the store bound by the caller), one after
        the other (the feed's row, the queue's kick, the review's candidate); one that fails is
        logged: the change itself is done. `recorded`: the change feed's row was written with
        the change (the feed is only woken). Not ``asyncio.gather``: its tasks cost a handoff's
        reply two turns of a loaded event loop (handoff p50 +9 ms over an answer's at 100
        clients, bench/throughput.py), and on the message path the observers finish without
        waiting for anything (a kick, a woken feed)."""
        observers = self.observers
        if recorded and self.feed is not None:
            self.feed.recorded(ticket, what)
            observers = [o for o in observers if o != self.feed.record]
        for observer in observers:
            try:
                await observer(ticket, what)
            except Exception as exc:
                log.error("helpdesk_observer_failed", change=what, ticket=ticket.id, error=str(exc))

    # -- queues ------------------------------------------------------------------------

    async def queue(self, agent: Agent) -> list[Ticket]:
        """Unresolved tickets routed to `agent`: their channels' queues, their own tickets,
        their consultations; supervisors see every queue."""
        query = Ticket.exclude(status="resolved")
        every_channel = agent.has("supervisor") or (agent.has("agent") and "*" in agent.channels)
        if not every_channel:
            mine = Q(assignee_id=agent.id) | Q(consultant_id=agent.id)
            if agent.has("agent"):
                mine = mine | Q(channel__in=list(agent.channels))
            query = query.filter(mine)
        return await query.order_by("created_at", "id").prefetch_related("assignee", "consultant")

    @staticmethod
    def can_see(agent: Agent, ticket: Ticket) -> bool:
        """True when `agent` may open `ticket`."""
        return (agent.has("supervisor") or ticket.assignee_id == agent.id
                or ticket.consultant_id == agent.id
                or (agent.has("agent") and agent.serves(ticket.channel)))

    @staticmethod
    def can_answer(agent: Agent, ticket: Ticket) -> bool:
        """True when `agent` may reply to the client, take, consult or resolve."""
        return agent.has("agent", "supervisor") and Helpdesk.can_see(agent, ticket)

    # -- what agents do ----------------------------------------------------------------

    def canned_reply(self, code: str, lang: str) -> Canned:
        """The canned response of solution `code` in `lang` (:class:`TicketError` if none)."""
        found = self.canned.get(code, lang) if self.canned else None
        if found is None:
            raise TicketError(f"no solution with code {code!r}", 400)
        return found

    async def reply(self, ticket: Ticket, agent: Agent, text: str, code: str) -> TicketMessage:
        """Send a reply to the client on their channel, tagged with a response code."""
        text = text.strip()
        if ticket.status == "resolved":
            raise TicketError("this ticket is resolved")
        if not text:
            raise TicketError("the reply is empty", 400)
        if len(text) > MAX_TEXT:
            raise TicketError(f"a reply has at most {MAX_TEXT} characters", 400)
        if self.host.kb.get(code) is None:
            raise TicketError(f"tag the reply with a response code of the knowledge base ({code!r} "
                              "is not one)", 400)
        replies = await self.host.agent_reply(ticket.conversation_id, text, code, agent=agent.username)
        sent = replies[0].text if replies else self.host.redact(text).text
        now = time.time()
        first = ticket.first_response_at is None
        ticket.status, ticket.updated_at = "pending", now
        ticket.first_response_at = ticket.first_response_at or now
        ticket.assignee_id = ticket.assignee_id or agent.id
        await ticket.save(update_fields=["status", "updated_at", "first_response_at", "assignee_id"])
        message = await TicketMessage.create(ticket_id=ticket.id, kind="agent", author=agent.username,
                                             text=sent, code=code, at=now)
        if first:
            await self._event("first_agent_response", ticket,
                              {"seconds": round(now - ticket.created_at, 3), "code": code,
                               "agent": agent.username})
        await self.changed(ticket, "reply")
        return message

    async def note(self, ticket: Ticket, agent: Agent, text: str, kind: str = "note") -> TicketMessage:
        """An internal note (never sent to the client); redacted like everything stored."""
        text = text.strip()
        if not text:
            raise TicketError("the note is empty", 400)
        if len(text) > MAX_TEXT:
            raise TicketError(f"a note has at most {MAX_TEXT} characters", 400)
        now = time.time()
        await Ticket.filter(id=ticket.id).update(updated_at=now)
        message = await TicketMessage.create(ticket_id=ticket.id, kind=kind, author=agent.username,
                                             text=self.host.redact(text).text, at=now)
        await self.changed(ticket, kind)
        return message

    async def take(self, ticket: Ticket, agent: Agent) -> None:
        """Assign the ticket to `agent`."""
        if ticket.status == "resolved":
            raise TicketError("this ticket is resolved")
        ticket.assignee_id, ticket.updated_at = agent.id, time.time()
        await ticket.save(update_fields=["assignee_id", "updated_at"])
        await self._log(ticket, agent, f"{agent.username} took the ticket")
        await self.changed(ticket, "take")

    async def consult(self, ticket: Ticket, agent: Agent, expert: str, question: str) -> None:
        """Ask a subject-matter expert: the ticket appears in their consultations."""
        name = expert.strip().lower()
        if not accounts.valid_username(name):
            raise TicketError(f"{expert[:20]!r} is not an active subject-matter expert", 400)
        sme = await Agent.get_or_none(username=name, disabled=False)
        if sme is None or not sme.has("sme"):
            raise TicketError(f"{expert!r} is not an active subject-matter expert", 400)
        if ticket.status == "resolved":
            raise TicketError("this ticket is resolved")
        ticket.consultant_id, ticket.updated_at = sme.id, time.time()
        ticket.assignee_id = ticket.assignee_id or agent.id
        await ticket.save(update_fields=["consultant_id", "updated_at", "assignee_id"])
        await self.note(ticket, agent, f"asked {sme.username}: {question.strip() or '(no question)'}",
                        kind="consult")

    async def consult_done(self, ticket: Ticket, agent: Agent, answer: str) -> None:
        """The expert gives the ticket back, with their answer as an internal note."""
        if ticket.consultant_id is None:
            raise TicketError("nobody is consulted on this ticket")
        ticket.consultant_id, ticket.updated_at = None, time.time()
        await ticket.save(update_fields=["consultant_id", "updated_at"])
        await self.note(ticket, agent, answer.strip() or "(handed back)", kind="consult_done")

    async def resolve(self, ticket: Ticket, agent: Agent) -> None:
        """Resolve: the client is asked for satisfaction, the bot owns the conversation again."""
        now = time.time()
        previous = ticket.status
        changed = await Ticket.filter(id=ticket.id).exclude(status="resolved").update(
            status="resolved", resolved_at=now, updated_at=now)
        if not changed:  # two agents pressed "resolve": one survey only
            raise TicketError("this ticket is already resolved")
        try:
            await self.host.resolve(ticket.conversation_id, agent=agent.username)
        except Exception:
            await Ticket.filter(id=ticket.id).update(status=previous, resolved_at=None)
            raise
        ticket.status, ticket.resolved_at = "resolved", now
        await self._log(ticket, agent, f"{agent.username} resolved the ticket")
        await self.changed(ticket, "resolve")

    async def _log(self, ticket: Ticket, agent: Agent, text: str) -> None:
        await TicketMessage.create(ticket_id=ticket.id, kind="event", author=agent.username,
                                   text=text, at=time.time())

    async def _event(self, kind: str, ticket: Ticket, data: dict[str, Any], wait: bool = True) -> None:
        # the client's channel: a ticket transferred to another team keeps it in the reports
        conversation = await self.host.conversation(ticket.conversation_id)
        channel = conversation.channel if conversation else ticket.channel
        await self.host.emit([Event(kind, ticket.conversation_id, channel,
                                    {"ticket": ticket.id, "target": "helpdesk", **data})], wait=wait)


async def _open_raw(conn: Any, values: dict[str, Any], lines: list[fast.Line], again: str,
                    feed: bool) -> tuple[dict[str, Any], bool]:
    # fast.open_ticket on the transaction's connection (PostgreSQL): the same statements
    # through tortoise's connection, raw (the ORM's queries: ~0.8 M instructions each, four a
    # handoff); `values` as stored (fast.ticket_values)
    waiting = await _first(conn, fast.OPEN_TICKET, [values["conversation_id"]])
    if waiting is None:
        row = await _insert_ticket(conn, values)
        if lines:
            await conn.execute_many(_sql(conn, fast.INSERT_MESSAGE), [[row["id"], *line] for line in lines])
        if feed:
            await conn.execute_query(_sql(conn, fast.INSERT_CHANGE), [values["created_at"], "created", row["id"]])
        return row, True
    now = values["created_at"]
    known = (await _first(conn, fast.LATEST_LINE, [waiting["id"]]) or {}).get("latest") or 0.0
    new = [[waiting["id"], *line] for line in lines if line[4] > known]
    if new:
        await conn.execute_many(_sql(conn, fast.INSERT_MESSAGE), new)
    await conn.execute_query(_sql(conn, fast.INSERT_MESSAGE), [waiting["id"], "event", None, again, None, now])
    await conn.execute_query(_sql(conn, fast.REOPEN), [now, waiting["id"]])
    if feed:
        await conn.execute_query(_sql(conn, fast.INSERT_CHANGE), [now, "again", waiting["id"]])
    waiting["status"], waiting["updated_at"] = "open", now
    return waiting, False


def _sql(conn: Any, sql: str) -> str:
    return fast.placeholders(conn, sql)


async def _first(conn: Any, sql: str, args: list[Any]) -> dict[str, Any] | None:
    rows = await conn.execute_query_dict(_sql(conn, sql), args)
    return dict(rows[0]) if rows else None


async def _insert_ticket(conn: Any, values: dict[str, Any]) -> dict[str, Any]:
    # fast._insert_ticket's row; the new ID through RETURNING (tortoise's execute_query drops
    # an INSERT's rows on PostgreSQL: execute_query_dict fetches them)
    rows = await conn.execute_query_dict(_sql(conn, fast.INSERT_TICKET) + " RETURNING id", [
        values["conversation_id"], values["channel"], values["lang"], values["reason"],
        values["candidates"], values["transcript"], values["created_at"], values["updated_at"]])
    return {"id": rows[0]["id"], "status": "open", "assignee_id": None, "consultant_id": None,
            "first_response_at": None, "resolved_at": None, **values}


def _as_ticket(found: Ticket | dict[str, Any]) -> Ticket:
    return fast.ticket(found) if isinstance(found, dict) else found


def _kind(author: str | None) -> str:
    return {"client": "client", "agent": "agent"}.get(author or "", "bot")
