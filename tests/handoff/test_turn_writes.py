"""The helpdesk's ticket and forwarded messages are written in the turn's own transaction
(quaidcore.TurnWrite, issue 14): a handoff and its ticket commit together or not at all, on
the embedded SQLite and on PostgreSQL.

The PostgreSQL runs are a process of their own (:func:`test_the_same_on_postgres`): tortoise
keeps the SQL it built for a model per process, in the first database's dialect."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest
from quaid_helpdesk.labels import BUTTON
from quaid_helpdesk.models import Ticket, TicketMessage
from structlog.testing import capture_logs

from quaidcore import Inbound, TurnWrite
from tests.conftest import rerun_on_postgres
from tests.handoff.conftest import Server, server_on

ON_POSTGRES = "QUAID_TEST_TURN_WRITES_ON_POSTGRES"
TICKETS = "SELECT count(*) FROM helpdesk_ticket WHERE conversation_id = ?"


@pytest.fixture(params=["postgres"] if os.environ.get(ON_POSTGRES) else ["sqlite"])
async def server(request, tmp_path) -> AsyncIterator[Server]:
    """The real server with the helpdesk, on the embedded SQLite or a fresh PostgreSQL database."""
    async with server_on(request.param, tmp_path / "data", "quaid_turn_writes") as started:
        yield started


def sqlite_path(server: Server) -> str | None:
    url = server.quaid.config.database_url
    return url.removeprefix("sqlite://") if url.startswith("sqlite://") else None


async def outside(server: Server, *queries: tuple[str, tuple[Any, ...]]) -> list[list[tuple[Any, ...]]]:
    """Run `queries` in one read transaction of a connection of its own (one snapshot)."""
    path = sqlite_path(server)
    if path is not None:
        with sqlite3.connect(path, isolation_level=None) as db:
            db.execute("BEGIN")
            found = [db.execute(sql, args).fetchall() for sql, args in queries]
            db.execute("COMMIT")
            return found
    import asyncpg

    conn = await asyncpg.connect(server.quaid.config.database_url)
    try:
        async with conn.transaction(isolation="repeatable_read", readonly=True):
            return [[tuple(r) for r in await conn.fetch(_pg(sql), *args)] for sql, args in queries]
    finally:
        await conn.close()


async def run_sql(server: Server, sql: str) -> None:
    path = sqlite_path(server)
    if path is not None:
        with sqlite3.connect(path) as db:
            db.executescript(sql)
        return
    import asyncpg

    conn = await asyncpg.connect(server.quaid.config.database_url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def _pg(sql: str) -> str:
    count = 0
    while "?" in sql:
        count += 1
        sql = sql.replace("?", f"${count}", 1)
    return sql


def poison_handoff_events() -> tuple[str, str]:
    """A trigger refusing the turn's ``handoff`` event row (SQLite, PostgreSQL), and its removal."""
    return ("""CREATE TRIGGER poison BEFORE INSERT ON quaid_event WHEN NEW.type = 'handoff'
               BEGIN SELECT RAISE(ABORT, 'poisoned handoff event'); END;""", "DROP TRIGGER poison;")


PG_POISON = ("""CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN
                  IF NEW.type = 'handoff' THEN RAISE EXCEPTION 'poisoned handoff event'; END IF;
                  RETURN NEW; END $$ LANGUAGE plpgsql;
                CREATE TRIGGER poison BEFORE INSERT ON quaid_event FOR EACH ROW EXECUTE FUNCTION poison();""",
             "DROP TRIGGER poison ON quaid_event; DROP FUNCTION poison();")


def spy_on_writes(server: Server, *, then_fail: bool = False) -> list[int]:
    """Wrap the helpdesk's handoff writes: each run records how many tickets the conversation
    has inside the transaction, right after the ticket's write; with `then_fail` it raises
    after writing."""
    helpdesk = server.quaid.handoff_targets["helpdesk"]
    seen: list[int] = []
    original = helpdesk.handoff_writes

    async def handoff_writes(request: Any) -> TurnWrite:
        write = await original(request)
        conversation_id = request.conversation_id

        def on_sqlite(db: sqlite3.Connection) -> Any:
            result = write.sqlite(db)
            seen.append(db.execute(TICKETS, (conversation_id,)).fetchone()[0])
            if then_fail:
                raise RuntimeError("the helpdesk's write failed (injected)")
            return result

        async def on_orm(conn: Any) -> Any:
            result = await write.orm(conn)
            _, rows = await conn.execute_query(_pg(TICKETS), [conversation_id])
            seen.append(next(iter(dict(rows[0]).values())))
            if then_fail:
                raise RuntimeError("the helpdesk's write failed (injected)")
            return result
        return replace(write, sqlite=on_sqlite if write.sqlite else None, orm=on_orm if write.orm else None)
    helpdesk.handoff_writes = handoff_writes
    return seen


async def test_a_turn_that_fails_after_the_ticket_was_written_stores_neither(server):
    seen = spy_on_writes(server)
    conversation_id, _ = await server.quaid.start_conversation("web", "en")
    create, drop = poison_handoff_events() if sqlite_path(server) else PG_POISON
    await run_sql(server, create)

    with pytest.raises(Exception, match="poisoned handoff event"):
        await server.quaid.hand_off(conversation_id, "asked_for_person")
    assert seen and seen[-1] == 1, "the ticket was written inside the turn's transaction"
    [tickets, handed, notices] = await outside(
        server, (TICKETS, (conversation_id,)),
        ("SELECT stage, owner FROM quaid_conversation WHERE id = ?", (conversation_id,)),
        ("SELECT count(*) FROM quaid_message WHERE conversation_id = ? AND kind = 'handoff'", (conversation_id,)))
    assert tickets == [(0,)], "the failed commit left no ticket"
    assert handed[0][1] == "bot" and handed[0][0] != "handed_off", "nor the turn's rows"
    assert notices == [(0,)]

    await run_sql(server, drop)
    await server.quaid.hand_off(conversation_id, "asked_for_person")
    [tickets] = await outside(server, (TICKETS, (conversation_id,)))
    assert tickets == [(1,)]


async def test_the_ticket_commits_with_the_handoff(server):
    store = server.quaid.store
    commit = store._commit
    committed: list[tuple[list[str], list[Any]]] = []

    async def watch(batch: Any, *rest: Any) -> Any:
        version = await commit(batch, *rest)
        if batch.writes:
            committed.append(([c["stage"] for c in batch.conversations], list(batch.results)))
        return version
    store._commit = watch

    async with server.client() as client:
        conversation_id = await server.open_conversation(client)
        assert await server.say(client, conversation_id, text="how much is an eta?")
        replies = await server.say(client, conversation_id, payload="PERSON")
        assert replies[-1]["kind"] == "handoff"
        [(stages, [(ticket, created)])] = committed
        assert "handed_off" in stages and created, "the handoff's state and the ticket: one transaction"
        ticket_id = ticket["id"] if isinstance(ticket, dict) else ticket.id
        [tickets, conversation] = await outside(
            server, ("SELECT id, status FROM helpdesk_ticket WHERE conversation_id = ?", (conversation_id,)),
            ("SELECT stage, owner FROM quaid_conversation WHERE id = ?", (conversation_id,)))
        assert tickets == [(ticket_id, "open")] and conversation == [("handed_off", "agent")]

        assert await server.say(client, conversation_id, text="still there?") == []
        assert committed[-1][0] == ["handed_off"] and committed[-1][1][0][1] is False, "forwarded in the turn"
    with store.bound():
        lines = await TicketMessage.filter(ticket_id=ticket_id).order_by("id").values_list("kind", "text")
        assert lines[-1] == ("client", "still there?")
        transcript = (await Ticket.get(id=ticket_id)).transcript
        said = [{"author": m.author, "text": m.text, "at": m.at, "code": m.code}
                for m in await store.messages(conversation_id)]
        assert transcript == said[:len(transcript)] and [line["author"] for line in transcript[-2:]] == [
            "client", "bot"], "the handoff's transcript has the turn's own messages (the button, the notice)"
        assert any(kind == "client" and text.startswith(BUTTON) for kind, text in lines), "the button's title"


async def test_a_write_that_fails_is_a_failed_handoff_and_the_message_is_stored_once(server):
    seen = spy_on_writes(server, then_fail=True)
    async with server.client() as client:
        conversation_id = await server.open_conversation(client)
        with capture_logs() as logs:
            replies = await server.say(client, conversation_id, payload="PERSON")
        assert seen and all(n == 1 for n in seen), "the ticket's write ran (and raised after it)"
        assert replies[-1]["kind"] == "system", replies
        assert replies[-1]["text"] == server.quaid.texts.for_lang("en")("handoff_unavailable")
        assert any(e["event"] == "handoff_failed" and "injected" in e["error"] for e in logs), logs
    [tickets, pressed, conversation, events] = await outside(
        server, (TICKETS, (conversation_id,)),
        ("SELECT count(*) FROM quaid_message WHERE conversation_id = ? AND direction = 'in'", (conversation_id,)),
        ("SELECT stage, owner FROM quaid_conversation WHERE id = ?", (conversation_id,)),
        ("SELECT type FROM quaid_event WHERE conversation_id = ? ORDER BY at, id", (conversation_id,)))
    assert tickets == [(0,)] and pressed == [(1,)], "no ticket; the client's message stored once"
    assert conversation[0][1] == "bot"
    assert [t for (t,) in events][-3:] == ["message_in", "handoff", "handoff_failed"]


async def test_a_forward_whose_write_fails_keeps_the_message(server):
    helpdesk = server.quaid.handoff_targets["helpdesk"]
    conversation_id, _ = await server.quaid.start_conversation("web", "en")
    await server.quaid.hand_off(conversation_id, "asked_for_person")

    async def failing(conversation_id: str, text: str, pressed: str | None) -> TurnWrite:
        def fail(_: Any) -> Any:
            raise RuntimeError("the forward's write failed (injected)")

        async def fail_orm(_: Any) -> Any:
            raise RuntimeError("the forward's write failed (injected)")
        return TurnWrite(sqlite=fail, orm=fail_orm)
    helpdesk.forward_writes = failing
    with capture_logs() as logs:
        assert await server.quaid.handle(Inbound("web", conversation_id, "anyone there?")) == []
    assert any(e["event"] == "forward_failed" for e in logs), logs
    [said] = await outside(server, ("SELECT count(*) FROM quaid_message WHERE conversation_id = ? AND text = ?",
                                    (conversation_id, "anyone there?")))
    assert said == [(1,)], "the client's message is stored once"
    [on_ticket] = await outside(server, ("SELECT count(*) FROM helpdesk_ticket_message WHERE text = ?",
                                         ("anyone there?",)))
    assert on_ticket == [(0,)]


async def test_the_same_on_postgres():
    await rerun_on_postgres(__file__, ON_POSTGRES, 4)
