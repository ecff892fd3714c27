"""The helpdesk's part of the message path, on SQLite (one trip to the database's thread:
quaid_helpdesk/fast.py) and on PostgreSQL (the ORM's queries): what a handoff and a forwarded
client message store, the change feed's rows (one per change), what another worker changed
meanwhile (nothing is cached: a resolved ticket gets no more messages), and the queue's
places counted in one statement as the whole queue counts them.

The PostgreSQL runs are a process of their own (:func:`test_the_same_on_postgres`): tortoise
keeps the SQL it built for a model per process, in the first database's dialect."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import AsyncIterator

import pytest
from quaid_helpdesk.labels import BUTTON
from quaid_helpdesk.models import Agent, Ticket, TicketMessage
from quaid_helpdesk.queue_models import AgentStatus, Change, TicketWait
from tortoise import connections

from quaidcore import HandoffRequest, Prediction
from tests.conftest import rerun_on_postgres
from tests.handoff.conftest import Server, server_on

ON_POSTGRES = "QUAID_TEST_HELPDESK_ON_POSTGRES"


@pytest.fixture(params=["postgres"] if os.environ.get(ON_POSTGRES) else ["sqlite"])
async def server(request, tmp_path) -> AsyncIterator[Server]:
    """The real server with the helpdesk, on the embedded SQLite or on a fresh PostgreSQL
    database."""
    async with server_on(request.param, tmp_path / "data", "quaid_helpdesk") as started:
        yield started


async def another_worker(server: Server, sql: str, *args: object) -> None:
    """Run `sql` on a connection of its own, as another worker of the same database would."""
    url = server.quaid.config.database_url
    if url.startswith("sqlite://"):
        with sqlite3.connect(url.removeprefix("sqlite://")) as db:
            db.execute(sql, args)
        return
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        await conn.execute(sql.replace("?", "$1", 1).replace("?", "$2", 1), *args)
    finally:
        await conn.close()


async def stored(server: Server, conversation_id: str) -> list[tuple[int, str, str, list[tuple[str, str]]]]:
    """The conversation's tickets: ID, status, reason, their lines (kind, text)."""
    with server.quaid.store.bound():
        out = []
        for ticket in await Ticket.filter(conversation_id=conversation_id).order_by("id"):
            lines = await TicketMessage.filter(ticket_id=ticket.id).order_by("id").values_list("kind", "text")
            out.append((ticket.id, ticket.status, ticket.reason, [tuple(line) for line in lines]))
        return out


async def changes(server: Server, ticket_id: int) -> list[str]:
    with server.quaid.store.bound():
        return list(await Change.filter(ticket_id=ticket_id).order_by("id").values_list("kind", flat=True))


async def test_a_handoff_then_forwarded_messages(server):
    async with server.client() as client:
        conversation_id = await server.open_conversation(client)
        assert await server.say(client, conversation_id, text="how much is an eta?")
        replies = await server.say(client, conversation_id, payload="PERSON")
        assert replies[-1]["kind"] == "handoff"
        transcript = [{"author": m.author, "text": m.text, "at": m.at, "code": m.code}
                      for m in await server.quaid.store.messages(conversation_id)]
        [(ticket_id, status, reason, lines)] = await stored(server, conversation_id)
        assert (status, reason) == ("open", "asked_for_person")
        assert len(lines) == len(transcript) and ("client", "how much is an eta?") in lines
        assert any(kind == "client" and text.startswith(BUTTON) for kind, text in lines), \
            "the pressed button by its title"
        with server.quaid.store.bound():
            ticket = await Ticket.get(id=ticket_id)
        assert ticket.transcript == transcript and ticket.created_at == ticket.updated_at
        assert await changes(server, ticket_id) == ["created"], "one row per change"

        await another_worker(server, "UPDATE helpdesk_ticket SET status = ? WHERE id = ?", "pending", ticket_id)
        assert await server.say(client, conversation_id, text="still there?") == []
        [(_, status, _, lines)] = await stored(server, conversation_id)
        assert status == "open" and lines[-1] == ("client", "still there?")
        assert await changes(server, ticket_id) == ["created", "message"]


async def test_a_ticket_resolved_by_another_worker_gets_no_more_messages(server):
    helpdesk = server.quaid.handoff_targets["helpdesk"]
    async with server.client() as client:
        conversation_id = await server.open_conversation(client)
        assert (await server.say(client, conversation_id, payload="PERSON"))[-1]["kind"] == "handoff"
    [(first, _, _, before)] = await stored(server, conversation_id)
    await another_worker(server, "UPDATE helpdesk_ticket SET status = ? WHERE id = ?", "resolved", first)

    await helpdesk.client_message(conversation_id, "hello again")
    tickets = await stored(server, conversation_id)
    assert tickets[0] == (first, "resolved", "asked_for_person", before)
    [(second, status, reason, lines)] = tickets[1:]
    assert (status, reason, lines) == ("open", "client_message", [("client", "hello again")])

    request = HandoffRequest(conversation_id, "web", "en", "no_answer",
                             ({"author": "client", "text": "anyone?", "at": 9e9, "code": None},),
                             (Prediction("010102", 0.123456),))
    await helpdesk.handoff(request)
    tickets = await stored(server, conversation_id)
    assert len(tickets) == 2, "the open ticket gets the handoff: no third ticket"
    assert tickets[1][3][-2:] == [("client", "anyone?"), ("event", "handed off again: the bot found no answer")]

    await another_worker(server, "UPDATE helpdesk_ticket SET status = ? WHERE id = ?", "resolved", second)
    await helpdesk.handoff(request)
    [*_, (third, status, reason, lines)] = await stored(server, conversation_id)
    assert third > second and (status, reason, lines) == ("open", "no_answer", [("client", "anyone?")])
    with server.quaid.store.bound():
        assert (await Ticket.get(id=third)).candidates == [{"code": "010102", "confidence": 0.1235}]


async def test_places_in_one_statement_are_the_queues(server):
    queues = server.quaid.handoff_targets["helpdesk"].queues
    agent = await server.add_agent("alice", ["agent"], "web")
    with server.quaid.store.bound():
        await Ticket.filter().delete()
        for n, (channel, created_at, status, assignee) in enumerate([
                ("web", 1.0, "open", None), ("web", 2.0, "pending", None), ("messenger", 1.0, "open", None),
                ("web", 2.0, "open", None), ("web", 0.5, "open", agent.id), ("web", 0.1, "resolved", None),
                ("web", 3.0, "open", None)]):
            await Ticket.create(conversation_id=f"c{n}", channel=channel, status=status, assignee_id=assignee,
                                created_at=created_at, updated_at=created_at)
        queue = await queues.waiting()
        every = await queues.estimates(queue)
        some = [t for t in queue if t.conversation_id in ("c1", "c2", "c3", "c6")]
        places = await queues.places(some)
        assert {i: place for i, (place, _) in places.items()} == {t.id: every[t.id][0] for t in some}
        assert sorted(place for place, _ in every.values()) == [1, 1, 2, 3, 4]

        for _ in range(2):  # the wait rows, created once whoever gets there first
            await queues._tell_each(queue, every, 10.0)
        assert sorted(await TicketWait.all().values_list("ticket_id", flat=True)) == sorted(t.id for t in queue)


async def test_the_ticket_writes_are_raw_statements(server, monkeypatch):
    """A handoff's and a forwarded message's ticket writes: on SQLite one trip to the
    database's thread (no tortoise statement); on PostgreSQL fast.py's statements, raw, on the
    transaction's connection (the ORM's queries before, ~0.8 M instructions each), writing
    the same rows (a new ticket, a message on it, a handoff again on the open ticket)."""
    from tortoise.backends.asyncpg.client import TransactionWrapper
    from tortoise.backends.sqlite.client import SqliteTransactionWrapper

    helpdesk = server.quaid.handoff_targets["helpdesk"]
    statements: list[str] = []
    mine = asyncio.current_task()

    def counted(execute):
        async def run(self, sql, *args, **kwargs):
            if asyncio.current_task() is mine:
                statements.append(sql)
            return await execute(self, sql, *args, **kwargs)

        return run

    for cls in (TransactionWrapper, SqliteTransactionWrapper):
        for name in ("execute_query", "execute_query_dict", "execute_insert", "execute_many"):
            monkeypatch.setattr(cls, name, counted(getattr(cls, name)))
    lines = ({"author": "client", "text": "anyone?", "at": 1.0, "code": None},
             {"author": "bot", "text": "Sorry.", "at": 2.0, "code": "010102"})
    request = HandoffRequest("c-raw", "web", "fr", "no_answer", lines, (Prediction("010102", 0.5),))
    await helpdesk.handoff(request)
    opened = list(statements)
    await helpdesk.client_message("c-raw", "allô?")
    forwarded = statements[len(opened):]
    later = ({"author": "client", "text": "encore?", "at": 9e9, "code": None},)
    await helpdesk.handoff(HandoffRequest("c-raw", "web", "fr", "asked_for_person", lines + later, ()))
    again = statements[len(opened) + len(forwarded):]

    [(ticket_id, status, reason, stored_lines)] = await stored(server, "c-raw")
    assert (status, reason) == ("open", "no_answer")
    assert stored_lines == [("client", "anyone?"), ("bot", "Sorry."), ("client", "allô?"), ("client", "encore?"),
                            ("event", "handed off again: the client asked for a person")]
    with server.quaid.store.bound():
        ticket = await Ticket.get(id=ticket_id)
    assert ticket.candidates == [{"code": "010102", "confidence": 0.5}] and ticket.lang == "fr"
    assert ticket.transcript == [dict(line) for line in lines] and ticket.assignee_id is None
    assert await changes(server, ticket_id) == ["created", "message", "again"]
    if server.quaid.store.is_sqlite:
        assert statements == []
        return
    heads = [[sql.split(" (")[0].split(" WHERE")[0] for sql in part] for part in (opened, forwarded, again)]
    assert heads == [
        ["SELECT * FROM helpdesk_ticket", "INSERT INTO helpdesk_ticket", "INSERT INTO helpdesk_ticket_message",
         "INSERT INTO helpdesk_change"],
        ["SELECT * FROM helpdesk_ticket", "INSERT INTO helpdesk_ticket_message", "UPDATE helpdesk_ticket SET status = 'open', updated_at = $1",
         "INSERT INTO helpdesk_change"],
        ["SELECT * FROM helpdesk_ticket", "SELECT MAX(at) AS latest FROM helpdesk_ticket_message",
         "INSERT INTO helpdesk_ticket_message", "INSERT INTO helpdesk_ticket_message",
         "UPDATE helpdesk_ticket SET status = 'open', updated_at = $1", "INSERT INTO helpdesk_change"]], heads
    assert not any('"' in sql or "?" in sql for sql in statements), statements


async def test_an_assignment_and_the_handling_time_are_raw_statements(server, monkeypatch):
    """With an agent available, a pass that gives a ticket out reads the queue, claims the
    ticket, sets its wait row, writes its line and the feed's row in raw statements (eleven ORM
    queries a handoff before); the handling time's sample is one statement (two ORM queries),
    with the same mean (assignment, else first response, else arrival, to resolution; closed
    tickets and other teams left out)."""
    import contextvars

    from quaid_helpdesk.live import Live
    from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
    from tortoise.backends.sqlite.client import SqliteClient, SqliteTransactionWrapper

    async def no_beat(self, now):  # no console tab is open: the beat would set alice offline
        return None

    monkeypatch.setattr(Live, "beat", no_beat)
    helpdesk = server.quaid.handoff_targets["helpdesk"]
    queues = helpdesk.queues
    alice = await server.add_agent("alice", ["agent"], "web")
    counting = contextvars.ContextVar("counting", default=False)  # this task and what it starts
    statements: list[str] = []

    def counted(execute):
        async def run(self, sql, *args, **kwargs):
            if counting.get():
                statements.append(sql)
            return await execute(self, sql, *args, **kwargs)

        return run

    for cls in (AsyncpgDBClient, TransactionWrapper, SqliteClient, SqliteTransactionWrapper):
        for name in ("execute_query", "execute_query_dict", "execute_insert", "execute_many"):
            if name in vars(cls):
                monkeypatch.setattr(cls, name, counted(vars(cls)[name]))
    with server.quaid.store.bound():
        if queues._lock is None:
            queues._lock = asyncio.Lock()
        async with queues._lock:  # no background pass meanwhile
            await queues.set_availability(alice.id, "available")
            await queues.set_capacity(alice.id, 1)
            for n in (1, 2):
                await helpdesk.handoff(HandoffRequest(f"c-a{n}", "web", "en", "asked_for_person", (), ()))
            [first, second] = [t.id for t in await Ticket.filter(conversation_id__startswith="c-a").order_by("id")]
            counting.set(True)
            await queues._pass(True)
            counting.set(False)
            assert statements and not any('"' in sql for sql in statements), statements
            assert (await Ticket.get(id=first)).assignee_id == alice.id
            assert (await Ticket.get(id=second)).assignee_id is None, "alice is full"
            assert (await TicketWait.get(ticket_id=first)).assigned_at is not None
            assert (await TicketMessage.filter(ticket_id=first).order_by("-id").first()).text == \
                "assigned to alice (automatic)"
            assert (await changes(server, first))[-1] == "assigned"

            await Ticket.filter(conversation_id__startswith="c-a").update(status="resolved", resolved_at=9e9)
            for n, (channel, created, first_response, resolved, assigned, closed) in enumerate([
                    ("web", 100.0, None, 400.0, 200.0, None), ("web", 100.0, 150.0, 450.0, None, "x"),
                    ("web", 100.0, 150.0, 460.0, "no row", None), ("web", 0.0, None, 1000.0, 10.0, "spam"),
                    ("web", 100.0, None, 500.0, None, None), ("messenger", 0.0, None, 990.0, None, None)]):
                ticket = await Ticket.create(conversation_id=f"h{n}", channel=channel, status="resolved",
                                             created_at=created, updated_at=resolved,
                                             first_response_at=first_response, resolved_at=resolved)
                if assigned != "no row":
                    await TicketWait.create(ticket_id=ticket.id, assigned_at=assigned,
                                            closed_reason=None if closed == "x" else closed)
            await Ticket.filter(conversation_id__startswith="c-a").update(resolved_at=None)
            statements.clear()
            counting.set(True)
            handled = await queues.handle_seconds("web")
            counting.set(False)
            # 400 - 200, 450 - 150, 460 - 150, 500 - 100 (the spam close left out)
            assert handled == (200.0 + 300.0 + 310.0 + 400.0) / 4
            assert len(statements) == 1 and '"' not in statements[0], statements


async def test_the_same_on_postgres():
    await rerun_on_postgres(__file__, ON_POSTGRES, 6)


async def test_a_pass_reads_candidates_and_arrivals_in_one_statement_each(server, monkeypatch):
    """A queue pass's candidates (status rows, accounts, loads) and a light pass's arrived
    tickets with their places are one statement each, with what the ORM's queries gave."""
    queues = server.quaid.handoff_targets["helpdesk"].queues
    alice = await server.add_agent("alice", ["agent"], "web")
    bob = await server.add_agent("bob", ["agent", "supervisor"], "*")
    carol = await server.add_agent("carol", ["supervisor"], "web")  # not an agent
    dave = await server.add_agent("dave", ["agent"], "web")  # away
    erin = await server.add_agent("erin", ["agent"], "web")  # disabled
    with server.quaid.store.bound():
        if queues._lock is None:
            queues._lock = asyncio.Lock()
        async with queues._lock:  # no background pass meanwhile
            for agent in (alice, bob, carol, erin):
                await queues.set_availability(agent.id, "available")
            await queues.set_availability(dave.id, "away")
            await queues.set_capacity(alice.id, 3)
            await Agent.filter(id=erin.id).update(disabled=True)
            await Ticket.filter().delete()
            for n, (channel, created_at, assignee) in enumerate([
                    ("web", 1.0, alice.id), ("web", 2.0, None), ("messenger", 1.0, None), ("web", 1.5, None),
                    ("web", 3.0, bob.id), ("web", 4.0, alice.id)]):
                await Ticket.create(conversation_id=f"c{n}", channel=channel, assignee_id=assignee,
                                    created_at=created_at, updated_at=created_at)
            await Ticket.filter(conversation_id="c5").update(status="resolved")

            conn = connections.get("default")
            statements: list[str] = []
            mine = asyncio.current_task()
            execute_query = conn.execute_query

            async def counted(sql, *args, **kwargs):
                if asyncio.current_task() is mine:
                    statements.append(sql)
                return await execute_query(sql, *args, **kwargs)

            monkeypatch.setattr(conn, "execute_query", counted)
            candidates = await queues.candidates()
            assert len(statements) == 1
            got = sorted((c.agent.username, c.agent.roles, c.agent.channels, c.load, c.capacity, c.free,
                          c.status.availability, c.status.version) for c in candidates)
            versions = dict(await AgentStatus.all().values_list("agent_id", "version"))
            assert got == [("alice", ["agent"], ["web"], 1, 3, True, "available", versions[alice.id]),
                           ("bob", ["agent", "supervisor"], ["*"], 1, queues.config.capacity, True,
                            "available", versions[bob.id])]
            assert not any(c.status._partial or c.agent._partial for c in candidates)

            async def handle_seconds(team):  # (a query of its own per team, not counted here)
                return {"web": 600.0, "messenger": 900.0}[team]

            monkeypatch.setattr(queues, "handle_seconds", handle_seconds)
            every = await queues.estimates()
            told = []

            async def tell(ticket, what, at, position=0, wait=None, released=False):
                told.append((ticket.conversation_id, what, position, wait))

            monkeypatch.setattr(queues, "_tell", tell)
            monkeypatch.setattr(queues.config, "tell_queue", True)
            queues._seen, queues._pass_candidates = 0, candidates
            statements.clear()
            assert await queues.tell_arrived() == 3
            reads = [s for s in statements if "helpdesk_ticket" in s.replace("helpdesk_ticket_", "")]
            assert len(reads) == 1, reads
            by_conversation = {t.conversation_id: t.id for t in await Ticket.all()}
            assert told == [(c, "queue", *every[by_conversation[c]]) for c in ("c1", "c2", "c3")]
            assert [position for _, _, position, _ in told] == [2, 1, 1]
            assert queues._seen == by_conversation["c3"]
