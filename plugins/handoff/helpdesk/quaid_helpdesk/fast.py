"""The message path's writes on the embedded SQLite default, in one trip to its database thread.

On SQLite, tortoise runs every query on one thread (aiosqlite) that also runs the core's group
commits: each ``await`` of a query queues behind them, and a transaction costs a trip for
``BEGIN``, one per statement and one for ``COMMIT``, holding the connection all along. A
handoff took ~7 such trips and a forwarded client message 3 (bench/throughput.py: handoff p50
198 ms, a forwarded message 153 ms, against 72 ms for an answer). Here the whole of it — find
the conversation's open ticket, write, commit — is one function run on that thread, as the
core's group commit is. Nothing is cached: the open ticket is looked up inside the
transaction, so what another worker did (a resolve, a new ticket) is always seen.

The functions here run through the host API's ``in_db_thread`` (check ``embedded_sqlite``
first); PostgreSQL (a pool of connections, no single thread) keeps the ORM's queries.
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
# (kind, author, text, code, at) of a ticket's line
Line = tuple[str, str | None, str, str | None, float]


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


def forward(db: sqlite3.Connection, conversation_id: str, text: str, now: float,
            change: str | None) -> dict[str, Any] | None:
    """A client's message on the conversation's open ticket, which is reopened, with the
    change feed's row when `change` (its kind) is given; returns the ticket's row (as it is
    now), or None when the conversation has no open ticket (nothing written)."""
    def body() -> dict[str, Any] | None:
        row = _row(db, OPEN_TICKET, (conversation_id,))
        if row is not None:
            db.execute(INSERT_MESSAGE, (row["id"], "client", None, text, None, now))
            db.execute(REOPEN, (now, row["id"]))
            if change:
                db.execute(INSERT_CHANGE, (now, change, row["id"]))
            row["status"], row["updated_at"] = "open", now
        return row
    return _transaction(db, body)


def open_ticket(db: sqlite3.Connection, values: dict[str, Any], lines: list[Line],
                change: str | None) -> tuple[dict[str, Any], bool]:
    """The conversation's open ticket if it has one (nothing written: returns it and False),
    else a new ticket with `values` (its columns, as stored), its `lines` and the change
    feed's row when `change` is given (returns the new row and True)."""
    def body() -> tuple[dict[str, Any], bool]:
        waiting = _row(db, OPEN_TICKET, (values["conversation_id"],))
        if waiting is not None:
            return waiting, False
        ticket_id = db.execute(INSERT_TICKET, (
            values["conversation_id"], values["channel"], values["lang"], values["reason"],
            values["candidates"], values["transcript"], values["created_at"], values["updated_at"])).lastrowid
        db.executemany(INSERT_MESSAGE, [(ticket_id, *line) for line in lines])
        if change:
            db.execute(INSERT_CHANGE, (values["created_at"], change, ticket_id))
        return {"id": ticket_id, "status": "open", "assignee_id": None, "consultant_id": None,
                "first_response_at": None, "resolved_at": None, **values}, True
    return _transaction(db, body)


def ticket_values(**columns: Any) -> dict[str, Any]:
    """A new ticket's columns as stored (its JSON fields encoded as tortoise does)."""
    fields = Ticket._meta.fields_map
    return {name: fields[name].to_db_value(value, Ticket) if name in ("candidates", "transcript") else value
            for name, value in columns.items()}


def ticket(row: dict[str, Any]) -> Ticket:
    """A :class:`Ticket` from its stored row (as a query would give it)."""
    return Ticket._init_from_db(**row)
