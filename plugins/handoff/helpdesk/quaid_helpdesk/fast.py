"""The message path's writes on the embedded SQLite default, as plain statements on the
store's connection.

On SQLite, tortoise runs every query on one thread (aiosqlite) that also runs the core's group
commits: each ``await`` of a query queues behind them, and a transaction costs a trip for
``BEGIN``, one per statement and one for ``COMMIT``. A handoff took ~7 such trips and a
forwarded client message 3 (bench/throughput.py). The functions here are the whole of it —
find the conversation's open ticket, write — as plain statements: the core runs them inside
the turn's own transaction (a :class:`~quaidcore.TurnWrite` of the helpdesk's
``handoff_writes`` / ``forward_writes``: no trip of their own, and the ticket commits with
the handoff or not at all), and :func:`alone` runs one in a transaction of its own through
the host API's ``in_db_thread`` (``Helpdesk.handoff`` called directly). Nothing is cached:
the open ticket is looked up inside the transaction, so what another worker did (a resolve,
a new ticket) is always seen. On PostgreSQL tickets.py runs the same statements raw on the
turn's transaction (:func:`placeholders`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .models import Ticket

T = TypeVar("T")

OPEN_TICKET = ("SELECT * FROM helpdesk_ticket WHERE conversation_id = ? AND status != 'resolved' "
               "ORDER BY id DESC LIMIT 1")
INSERT_TICKET = ("INSERT INTO helpdesk_ticket (conversation_id, channel, lang, status, reason, candidates, "
                 "transcript, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?)")
INSERT_MESSAGE = ("INSERT INTO helpdesk_ticket_message (ticket_id, kind, author, text, code, at) "
                  "VALUES (?, ?, ?, ?, ?, ?)")
REOPEN = "UPDATE helpdesk_ticket SET status = 'open', updated_at = ? WHERE id = ?"
INSERT_CHANGE = "INSERT INTO helpdesk_change (at, kind, ticket_id) VALUES (?, ?, ?)"
LATEST_LINE = ("SELECT MAX(at) AS latest FROM helpdesk_ticket_message WHERE ticket_id = ? "
               "AND kind IN ('client', 'bot', 'agent')")
CONVERSATION = "SELECT channel, lang FROM quaid_conversation WHERE id = ?"
# (kind, author, text, code, at) of a ticket's line
Line = tuple[str, str | None, str, str | None, float]


_NUMBERED: dict[str, str] = {}


def placeholders(conn: Any, sql: str) -> str:
    """A statement of this module (``?`` placeholders) in the style of `conn` (a tortoise
    connection): ``$1``, ``$2``... on PostgreSQL, where tickets.py runs them raw."""
    if conn.capabilities.dialect != "postgres":
        return sql
    found = _NUMBERED.get(sql)
    if found is None:
        parts = sql.split("?")
        found = _NUMBERED[sql] = parts[0] + "".join(f"${i}{part}" for i, part in enumerate(parts[1:], 1))
    return found


def _transaction(db: sqlite3.Connection, body: Callable[[], T]) -> T:
    db.execute("BEGIN IMMEDIATE")  # the write lock at once, not at the first INSERT
    try:
        result = body()
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return result


def _row(db: sqlite3.Connection, sql: str, args: Sequence[Any]) -> dict[str, Any] | None:
    cursor = db.execute(sql, args)
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([c[0] for c in cursor.description], found, strict=True))


def alone(db: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    """``work(db)`` in a transaction of its own (when no turn's transaction holds it)."""
    return _transaction(db, lambda: work(db))


# A queue notice's claim: the told place, wait and time, set only if told_at is unchanged since
# it was read (another worker may have told the client meanwhile)
CLAIM_NOTICE_AT = ("UPDATE helpdesk_ticket_wait SET told_position = ?, told_wait_s = ?, told_at = ? "
                   "WHERE ticket_id = ? AND told_at = ?")
CLAIM_NOTICE_NEW = ("UPDATE helpdesk_ticket_wait SET told_position = ?, told_wait_s = ?, told_at = ? "
                    "WHERE ticket_id = ? AND told_at IS NULL")
# (ticket_id, position, wait, now, told_at) of a notice about to be sent
Claim = tuple[int, int, float | None, float, float | None]


def claim_statement(claim: Claim) -> tuple[str, tuple[Any, ...]]:
    """The statement (``?`` placeholders) and arguments that claim one notice."""
    ticket_id, position, wait, now, told_at = claim
    if told_at is None:
        return CLAIM_NOTICE_NEW, (position, wait, now, ticket_id)
    return CLAIM_NOTICE_AT, (position, wait, now, ticket_id, told_at)


def claim_notices(db: sqlite3.Connection, claims: Sequence[Claim]) -> list[int]:
    """Note the queue notices about to be sent (:func:`claim_statement`); the tickets whose
    notice is claimed, in order. Run it through :func:`alone`: a queue pass's claims cost one
    trip to the database's thread, not one each (as many trips as the core's group commits
    under bench/throughput.py's load)."""
    return [claim[0] for claim in claims if db.execute(*claim_statement(claim)).rowcount]


def forward(db: sqlite3.Connection, conversation_id: str, text: str, now: float,
            feed: bool) -> tuple[dict[str, Any], bool]:
    """A client's message on the conversation's open ticket, which is reopened, with the
    change feed's row when `feed`; returns the ticket's row (as it is now) and False. A
    conversation without an open ticket (resolved elsewhere, or its handoff failed) gets a
    new one, so that nothing a client says is lost: its row and True."""
    row = _row(db, OPEN_TICKET, (conversation_id,))
    created = row is None
    if row is None:
        conversation = _row(db, CONVERSATION, (conversation_id,)) or {"channel": "?", "lang": "en"}
        row = _insert_ticket(db, {"conversation_id": conversation_id, "channel": conversation["channel"],
                                  "lang": conversation["lang"], "reason": "client_message",
                                  "candidates": "[]", "transcript": "[]", "created_at": now, "updated_at": now})
    db.execute(INSERT_MESSAGE, (row["id"], "client", None, text, None, now))
    db.execute(REOPEN, (now, row["id"]))
    if feed:
        db.execute(INSERT_CHANGE, (now, "created" if created else "message", row["id"]))
    row["status"], row["updated_at"] = "open", now
    return row, created


def open_ticket(db: sqlite3.Connection, values: dict[str, Any], lines: list[Line], again: str,
                feed: bool) -> tuple[dict[str, Any], bool]:
    """A new ticket with `values` (its columns, as stored) and its `lines`, with the change
    feed's row when `feed`: returns the new row and True. When the conversation still has an
    open ticket (it waited outside business hours while the bot answered), that ticket gets
    the lines said since its latest one and an event line `again`, and is reopened: returns
    it and False."""
    waiting = _row(db, OPEN_TICKET, (values["conversation_id"],))
    if waiting is None:
        row = _insert_ticket(db, values)
        db.executemany(INSERT_MESSAGE, [(row["id"], *line) for line in lines])
        if feed:
            db.execute(INSERT_CHANGE, (values["created_at"], "created", row["id"]))
        return row, True
    now = values["created_at"]
    latest = db.execute(LATEST_LINE, (waiting["id"],)).fetchone()[0] or 0.0
    db.executemany(INSERT_MESSAGE, [(waiting["id"], *line) for line in lines if line[4] > latest])
    db.execute(INSERT_MESSAGE, (waiting["id"], "event", None, again, None, now))
    db.execute(REOPEN, (now, waiting["id"]))
    if feed:
        db.execute(INSERT_CHANGE, (now, "again", waiting["id"]))
    waiting["status"], waiting["updated_at"] = "open", now
    return waiting, False


def _insert_ticket(db: sqlite3.Connection, values: dict[str, Any]) -> dict[str, Any]:
    ticket_id = db.execute(INSERT_TICKET, (
        values["conversation_id"], values["channel"], values["lang"], values["reason"],
        values["candidates"], values["transcript"], values["created_at"], values["updated_at"])).lastrowid
    return {"id": ticket_id, "status": "open", "assignee_id": None, "consultant_id": None,
            "first_response_at": None, "resolved_at": None, **values}


def ticket_values(**columns: Any) -> dict[str, Any]:
    """A new ticket's columns as stored (its JSON fields encoded as tortoise does)."""
    fields = Ticket._meta.fields_map
    return {name: fields[name].to_db_value(value, Ticket) if name in ("candidates", "transcript") else value
            for name, value in columns.items()}


def ticket(row: dict[str, Any]) -> Ticket:
    """A :class:`Ticket` from its stored row (as a query would give it)."""
    return Ticket._init_from_db(**row)
