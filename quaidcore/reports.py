"""Analytics reports, computed in SQL over the event store (``quaid_event``).

Every figure is a query (GROUP BY, window functions) on SQLite (>= 3.25) or PostgreSQL; no
event is loaded into Python, except the few hundred redacted question texts that
:func:`group_questions` groups by the words they share. A report reads through a connection
of its own, from summary tables that it first brings up to date (see :func:`refresh`).

Definitions (the tests in ``tests/analytics`` check each against hand-computed figures):

- **Scope**: a report covers the conversations that *started* in the period
  (``conversation_started`` at ``start <= at < end``), with their events, on the filters:
  `channel`, `lang` (the language the conversation started in), `code` / `lob` (the
  conversation had an event about that code / line of business), `agent` (the agent
  answered or resolved in it; agents' own figures then count that agent only).
- **volume**: conversations; messages (the clients' messages, ``message_in``); answers by
  the bot and by agents (``solution_sent`` by ``bot`` / ``agent``); by channel, by agent.
- **satisfaction.rate**: share of "yes" among the answers to "did this answer your
  question?" (``answer_feedback``); **survey**: the 1-5 scores given after an agent resolved
  (mean, distribution), and the share of surveys answered.
- **escalation.rate**: share of conversations handed to an agent (a ``handoff`` that did
  not fail; a conversation handed off twice counts once; ``handoffs`` counts both).
- **containment.rate**: share the bot served alone: the client wrote, it was never handed
  to an agent and not abandoned.
- **abandonment.rate**: share of conversations that were left without resolution: their last
  outcome is ``abandoned`` (after a handoff too: one whose handoff failed and the client left).
- **function**: share of the bot's answers that the client confirmed ("yes"); bot answers
  corrected by an agent (the next answer in the conversation is an agent's, with another code).
- **first_response_s / resolution_s**: for each handoff, from the handoff to the first reply
  of an agent (the bot's replies never count; an agent may reply before the ticket is
  assigned) / to the agent's resolution, until the next handoff: mean and p90 (nearest
  rank), overall, by line of business and by code (the code of the agent's first reply).
- **top_codes**: answers sent (bot and agents) by code; also by channel, line of business and
  week. **unanswered**: the question before each fallback search (and each handoff because
  nothing was found), grouped by the words they share.
- **turns_to_resolution**: client messages before a conversation's first resolution;
  interactions count the bot's and agents' steps too. **journeys**: which code follows which
  in a conversation, and in a client's next conversation.
- **trend**: weekly answers with a code (or line of business) before and after a change
  date, and an exact Poisson rate test (conditional binomial) of the two rates.
- **widget**: from the web widget's own events in the period (by their time):
  ``widget_shown`` (a page showed the widget) and ``widget_opened`` (the visitor opened it),
  each with data ``{"page": path, "visitor": "new"|"returning", "country": "CA"}`` — the
  visitor from an anonymous first-party cookie, the country from the browser's time zone
  only, no identifier — and ``conversation_id`` "" or the conversation's: pages that show it,
  the share of visitors who open it, web conversations started, new vs returning, countries.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import re
import sqlite3
import time
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from .store import NOT_MESSAGE_IN, REPORT_TABLES

WEEK = 7 * 86400.0
DAY = 86400.0
MONDAY = 345600.0  # 1970-01-05 00:00 UTC, a Monday: weeks start on Mondays
AGENT_EVENTS = ("solution_sent", "resolved", "first_agent_response")


@dataclass(frozen=True)
class Filters:
    """A report's period (epoch seconds, `end` excluded) and filters; None means any."""

    start: float | None = None
    end: float | None = None
    channel: str | None = None
    lob: str | None = None
    code: str | None = None
    lang: str | None = None
    agent: str | None = None


# -- the connection -------------------------------------------------------------------


class Database:
    """A connection of the report's own, with the dialect's expressions."""

    def __init__(self, sqlite: bool, conn: Any) -> None:
        self.sqlite, self.conn = sqlite, conn

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of a query (`?` placeholders on both databases)."""
        if self.sqlite:
            return await asyncio.to_thread(lambda: self.conn.execute(sql, list(params)).fetchall())
        rows = await self.conn.fetch(_numbered(sql), *params)
        return [tuple(row) for row in rows]

    async def one(self, sql: str, params: Sequence[Any] = ()) -> tuple:
        """The first row of a query."""
        rows = await self.all(sql, params)
        return rows[0] if rows else ()

    async def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        """A statement (temporary tables)."""
        if self.sqlite:
            await asyncio.to_thread(lambda: self.conn.execute(sql, list(params)))
        else:
            await self.conn.execute(_numbered(sql), *params)

    async def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """A statement for each row."""
        if self.sqlite:
            await asyncio.to_thread(lambda: self.conn.executemany(sql, rows))
        else:
            await self.conn.executemany(_numbered(sql), rows)

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """A write transaction (SQLite: ``BEGIN IMMEDIATE``, waiting for the store's writer)."""
        if not self.sqlite:
            async with self.conn.transaction():
                yield
            return
        await self.run("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            await self.run("ROLLBACK")
            raise
        await self.run("COMMIT")

    def j(self, key: str, alias: str = "e") -> str:
        """A text field of an event's JSON data."""
        if self.sqlite:
            return f"json_extract({alias}.data, '$.{key}')"
        return f"({alias}.data->>'{key}')"

    def jtrue(self, key: str, alias: str = "e") -> str:
        """True when a boolean field of the data is true."""
        return f"{self.j(key, alias)} = 1" if self.sqlite else f"{self.j(key, alias)} = 'true'"

    def jnum(self, key: str, alias: str = "e") -> str:
        """A number field of the data."""
        return self.j(key, alias) if self.sqlite else f"({alias}.data->>'{key}')::float"

    def bucket(self, column: str, size: float, origin: float) -> str:
        """The number of the `size`-second bucket since `origin` that `column` falls in."""
        if self.sqlite:
            return f"CAST(({column} - {origin!r}) / {size!r} AS INTEGER)"
        return f"FLOOR(({column} - {origin!r}) / {size!r})::bigint"


class StoreDatabase(Database):
    """The store's own connection (``with host.db():`` bound), for a plugin that reports:
    queries go through the ORM's client, write transactions through ``in_transaction``."""

    def __init__(self) -> None:
        from tortoise import connections

        conn = connections.get("default")
        super().__init__(conn.capabilities.dialect == "sqlite", conn)

    async def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        _, rows = await self.conn.execute_query(sql if self.sqlite else _numbered(sql), list(params))
        return [tuple(row) for row in rows]

    async def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        await self.conn.execute_query(sql if self.sqlite else _numbered(sql), list(params))

    async def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        await self.conn.execute_many(sql if self.sqlite else _numbered(sql), [list(r) for r in rows])

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        from tortoise.transactions import in_transaction

        outside = self.conn
        async with in_transaction() as conn:
            self.conn = conn
            try:
                yield
            finally:
                self.conn = outside


def _numbered(sql: str) -> str:
    count = 0

    def number(_: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"${count}"

    return re.sub(r"\?", number, sql)


@contextlib.asynccontextmanager
async def connect(url: str) -> AsyncIterator[Database]:
    """A report connection to the store at `url` (``sqlite://PATH`` or ``postgres://...``)."""
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite://")
        if path in ("", ":memory:"):
            raise ValueError("reports need a database file, not an in-memory SQLite")

        def open_sqlite() -> sqlite3.Connection:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA cache_size = -262144")
            conn.execute("PRAGMA mmap_size = 1073741824")
            return conn

        conn = await asyncio.to_thread(open_sqlite)
        try:
            yield Database(True, conn)
        finally:
            await asyncio.to_thread(conn.close)
        return
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        yield Database(False, conn)
    finally:
        await conn.close()


# -- summary tables ---------------------------------------------------------------------
#
# Reports read small summary tables derived from quaid_event: one row per conversation, per
# answer and per handoff, and the question before each fallback. They are brought up to
# date at the start of every report from the events appended since the last one (the
# conversations they touch are summed up again, a few thousand per transaction so that the
# store's writer never waits long); conversations deleted by ``quaid privacy forget`` leave
# them at the next report. They hold no more than the events do (no personal data).

SUMMARY_TABLES = REPORT_TABLES  # Store.forget deletes a forgotten conversation's rows in them too
SCHEMA_VERSION = 1  # another version: the summary tables are dropped and summed up again
SCHEMA = [
    """CREATE TABLE IF NOT EXISTS quaid_report_state (id INTEGER PRIMARY KEY, last_id BIGINT NOT NULL,
       events BIGINT NOT NULL, refreshed_at DOUBLE PRECISION NOT NULL, version INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS quaid_report_conversation (cid VARCHAR(64) PRIMARY KEY,
       started DOUBLE PRECISION, day INTEGER, channel VARCHAR(32), lang VARCHAR(8),
       messages INTEGER, bot_answers INTEGER, agent_answers INTEGER, handoffs INTEGER,
       handoffs_failed INTEGER, yes INTEGER, no INTEGER, resolved_bot INTEGER, resolved_agent INTEGER,
       first_resolved BIGINT, last_resolved BIGINT, last_abandoned BIGINT, first_handoff BIGINT,
       turns INTEGER, steps INTEGER, s1 INTEGER, s2 INTEGER, s3 INTEGER, s4 INTEGER, s5 INTEGER)""",
    """CREATE TABLE IF NOT EXISTS quaid_report_answer (id BIGINT PRIMARY KEY, cid VARCHAR(64),
       started DOUBLE PRECISION, channel VARCHAR(32), lang VARCHAR(8), at DOUBLE PRECISION, week INTEGER,
       code VARCHAR(6), lob VARCHAR(2), author VARCHAR(16), agent VARCHAR(64), next_code VARCHAR(6),
       next_author VARCHAR(16), client VARCHAR(64))""",
    """CREATE TABLE IF NOT EXISTS quaid_report_episode (cid VARCHAR(64), episode INTEGER,
       started DOUBLE PRECISION, channel VARCHAR(32), lang VARCHAR(8), failed INTEGER, code VARCHAR(6),
       lob VARCHAR(2), agent VARCHAR(64), resolver VARCHAR(64), first_s DOUBLE PRECISION,
       resolution_s DOUBLE PRECISION, PRIMARY KEY (cid, episode))""",
    """CREATE TABLE IF NOT EXISTS quaid_report_question (id BIGINT PRIMARY KEY, cid VARCHAR(64),
       started DOUBLE PRECISION, channel VARCHAR(32), lang VARCHAR(8), message_id BIGINT)""",
    # Covering indexes in the order of the reports' GROUP BY and windows: SQLite then reads
    # them in order instead of sorting the rows.
    "CREATE INDEX IF NOT EXISTS quaid_report_conversation_cube ON quaid_report_conversation (day, channel, "
    "lang, started, messages, bot_answers, agent_answers, handoffs, handoffs_failed, last_abandoned, "
    "last_resolved, first_handoff, yes, no, resolved_bot, resolved_agent, s1, s2, s3, s4, s5, first_resolved, "
    "turns, steps)",
    "CREATE INDEX IF NOT EXISTS quaid_report_answer_cube ON quaid_report_answer (channel, code, lob, author, "
    "agent, started, next_author, next_code)",
    "CREATE INDEX IF NOT EXISTS quaid_report_answer_week ON quaid_report_answer (week, code, author, agent, started)",
    "CREATE INDEX IF NOT EXISTS quaid_report_answer_next ON quaid_report_answer (code, next_code, started)",
    "CREATE INDEX IF NOT EXISTS quaid_report_answer_client ON quaid_report_answer (client, at, id, code, cid, "
    "started)",
    "CREATE INDEX IF NOT EXISTS quaid_report_answer_cid ON quaid_report_answer (cid)",
    "CREATE INDEX IF NOT EXISTS quaid_report_answer_agent ON quaid_report_answer (agent)",
    "CREATE INDEX IF NOT EXISTS quaid_report_answer_lob ON quaid_report_answer (lob)",
    "CREATE INDEX IF NOT EXISTS quaid_report_episode_first ON quaid_report_episode (first_s, started, agent)",
    "CREATE INDEX IF NOT EXISTS quaid_report_episode_resolution ON quaid_report_episode (resolution_s, started, "
    "agent)",
    "CREATE INDEX IF NOT EXISTS quaid_report_episode_lob ON quaid_report_episode (lob, first_s, resolution_s, "
    "started, agent)",
    "CREATE INDEX IF NOT EXISTS quaid_report_episode_code ON quaid_report_episode (code, first_s, resolution_s, "
    "started, agent)",
    "CREATE INDEX IF NOT EXISTS quaid_report_episode_resolver ON quaid_report_episode (resolver)",
    "CREATE INDEX IF NOT EXISTS quaid_report_question_cid ON quaid_report_question (cid)",
]
ANALYZE_AFTER = 1000  # PostgreSQL: conversations summed up again that call for fresh statistics
CHUNK = 2000  # conversations summed up per transaction (the store's writer waits at most one)
LATE_S = 600.0  # PostgreSQL: events of transactions that committed after a later ID


async def refresh(db: Database) -> dict[str, Any]:
    """Bring the summary tables up to date with the events; returns what it did."""
    started = time.perf_counter()
    for statement in SCHEMA:
        await db.run(statement)
    row = await db.one("SELECT * FROM quaid_report_state WHERE id = 1")  # id, last_id, events, at, version
    state = (row[1], row[3], row[4] if len(row) > 4 else None) if row else ()
    if state and state[2] != SCHEMA_VERSION:  # summaries of another shape: start again
        for table in (*SUMMARY_TABLES, "quaid_report_state"):
            await db.run(f"DROP TABLE {table}")
        for statement in SCHEMA:
            await db.run(statement)
        state = ()
    last_id, refreshed_at = state[:2] if state else (0, 0.0)
    (top,) = await db.one("SELECT COALESCE(MAX(id), 0) FROM quaid_event")
    (new,) = await db.one("SELECT COUNT(*) FROM quaid_event WHERE id > ? AND id <= ?", [last_id, top])
    late = "" if db.sqlite or not refreshed_at else " OR (at >= ? AND id <= ?)"
    params = [last_id, top] + ([] if not late else [refreshed_at - LATE_S, top])
    touched = [row[0] for row in await db.all(
        f"SELECT DISTINCT conversation_id FROM quaid_event WHERE ((id > ? AND id <= ?){late}) "
        "AND conversation_id <> ''", params)]  # "": the widget's events before any conversation
    for at in range(0, len(touched), CHUNK):
        async with db.transaction():
            await _summarise(db, touched[at:at + CHUNK])
    if not db.sqlite and len(touched) >= ANALYZE_AFTER:  # the planner's statistics: else nested loops
        await db.run(f"ANALYZE {', '.join(SUMMARY_TABLES)}")
    (starts,) = await db.one(
        f"SELECT COUNT(*) FROM quaid_event WHERE type = 'conversation_started' AND {NOT_MESSAGE_IN}")
    (summed,) = await db.one("SELECT COUNT(*) FROM quaid_report_conversation WHERE started IS NOT NULL")
    purged = await _purge(db) if int(summed) > int(starts) else 0  # forgotten conversations
    async with db.transaction():
        await db.run("DELETE FROM quaid_report_state WHERE id = 1")
        await db.run("INSERT INTO quaid_report_state (id, last_id, events, refreshed_at, version) "
                     "VALUES (1, ?, ?, ?, ?)", [top, int(new), time.time(), SCHEMA_VERSION])
    return {"conversations": len(touched), "events": int(new), "purged": purged,
            "seconds": round(time.perf_counter() - started, 3)}


async def _purge(db: Database) -> int:
    gone = [row[0] for row in await db.all(
        "SELECT cid FROM quaid_report_conversation WHERE cid NOT IN "
        f"(SELECT conversation_id FROM quaid_event WHERE type = 'conversation_started' AND {NOT_MESSAGE_IN})")]
    for at in range(0, len(gone), CHUNK):
        async with db.transaction():
            await _delete(db, gone[at:at + CHUNK])
    return len(gone)


async def _delete(db: Database, cids: Sequence[str]) -> None:
    await db.run("DROP TABLE IF EXISTS q_touch")
    await db.run("CREATE TEMP TABLE q_touch (cid VARCHAR(64) PRIMARY KEY)")
    await db.many("INSERT INTO q_touch (cid) VALUES (?)", [(c,) for c in cids])
    for table in SUMMARY_TABLES:
        await db.run(f"DELETE FROM {table} WHERE cid IN (SELECT cid FROM q_touch)")


async def _summarise(db: Database, cids: Sequence[str]) -> None:
    """Sum up these conversations again from their events (in the caller's transaction)."""
    await _delete(db, cids)
    by, agent = db.j("by"), db.j("agent")

    def count(condition: str) -> str:
        return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    score = db.jnum("score")
    surveys = ", ".join(count(f"e.type = 'satisfaction' AND {score} = {n}") for n in range(1, 6))
    started = "MIN(CASE WHEN e.type = 'conversation_started' THEN e.at END)"
    await db.run(f"""INSERT INTO quaid_report_conversation (cid, started, day, channel, lang, messages,
          bot_answers, agent_answers, handoffs, handoffs_failed, yes, no, resolved_bot, resolved_agent,
          first_resolved, last_resolved, last_abandoned, first_handoff, turns, steps, s1, s2, s3, s4, s5)
        SELECT e.conversation_id, {started}, {db.bucket(started, DAY, 0.0)}, MIN(e.channel),
          MIN(CASE WHEN e.type = 'conversation_started' THEN e.lang END),
          {count("e.type = 'message_in'")},
          {count(f"e.type = 'solution_sent' AND {by} = 'bot'")},
          {count(f"e.type = 'solution_sent' AND {by} = 'agent'")},
          {count("e.type = 'handoff'")}, {count("e.type = 'handoff_failed'")},
          {count(f"e.type = 'answer_feedback' AND {db.jtrue('helpful')}")},
          {count(f"e.type = 'answer_feedback' AND NOT ({db.jtrue('helpful')})")},
          {count(f"e.type = 'resolved' AND {by} = 'bot'")},
          {count(f"e.type = 'resolved' AND {by} = 'agent'")},
          MIN(CASE WHEN e.type = 'resolved' THEN e.id END), MAX(CASE WHEN e.type = 'resolved' THEN e.id END),
          MAX(CASE WHEN e.type = 'abandoned' THEN e.id END), MIN(CASE WHEN e.type = 'handoff' THEN e.id END),
          0, 0, {surveys}
        FROM q_touch t CROSS JOIN quaid_event e WHERE e.conversation_id = t.cid
        GROUP BY e.conversation_id""")
    await db.run("""UPDATE quaid_report_conversation SET
          turns = (SELECT COUNT(*) FROM quaid_event m WHERE m.conversation_id = quaid_report_conversation.cid
                   AND m.type = 'message_in' AND m.id < quaid_report_conversation.first_resolved),
          steps = (SELECT COUNT(*) FROM quaid_event m WHERE m.conversation_id = quaid_report_conversation.cid
                   AND m.type IN ('message_in', 'solution_sent', 'clarification', 'fallback_offered', 'handoff')
                   AND m.id < quaid_report_conversation.first_resolved)
        WHERE first_resolved IS NOT NULL AND cid IN (SELECT cid FROM q_touch)""")
    await db.run(f"""INSERT INTO quaid_report_answer (id, cid, started, channel, lang, at, week, code, lob,
          author, agent, next_code, next_author, client)
        SELECT e.id, e.conversation_id, c.started, c.channel, c.lang, e.at, {db.bucket('e.at', WEEK, MONDAY)},
          e.code, e.lob, {by}, {agent}, LEAD(e.code) OVER w, LEAD({by}) OVER w, qc.client_id
        FROM q_touch t CROSS JOIN quaid_event e
          JOIN quaid_report_conversation c ON c.cid = e.conversation_id
          LEFT JOIN quaid_conversation qc ON qc.id = e.conversation_id
        WHERE e.conversation_id = t.cid AND e.type = 'solution_sent'
        WINDOW w AS (PARTITION BY e.conversation_id ORDER BY e.id)""")
    await db.run(f"""INSERT INTO quaid_report_episode (cid, episode, started, channel, lang, failed, code, lob,
          agent, resolver, first_s, resolution_s)
        SELECT p.cid, p.episode, c.started, c.channel, c.lang, p.failed, r.code, r.lob, {db.j('agent', 'r')},
          {db.j('agent', 'z')}, r.at - p.handoff_at, z.at - p.handoff_at
        FROM (SELECT cid, episode, MIN(CASE WHEN type = 'handoff' THEN at END) AS handoff_at,
                MIN(CASE WHEN type = 'solution_sent' AND author = 'agent' THEN id END) AS reply_id,
                MIN(CASE WHEN type = 'resolved' AND author = 'agent' THEN id END) AS resolved_id,
                MAX(CASE WHEN type = 'handoff_failed' THEN 1 ELSE 0 END) AS failed
              FROM (SELECT e.conversation_id AS cid, e.id, e.type, e.at, {by} AS author,
                      SUM(CASE WHEN e.type = 'handoff' THEN 1 ELSE 0 END)
                        OVER (PARTITION BY e.conversation_id ORDER BY e.id) AS episode
                    FROM q_touch t CROSS JOIN quaid_event e WHERE e.conversation_id = t.cid
                      AND e.type IN ('handoff', 'handoff_failed', 'solution_sent', 'resolved')) x
              WHERE episode > 0 GROUP BY cid, episode) p
          JOIN quaid_report_conversation c ON c.cid = p.cid
          LEFT JOIN quaid_event r ON r.id = p.reply_id
          LEFT JOIN quaid_event z ON z.id = p.resolved_id""")
    text = db.j("text", "m")  # the question stays in the event store only: its ID is kept here
    await db.run(f"""INSERT INTO quaid_report_question (id, cid, started, channel, lang, message_id)
        SELECT f.id, f.conversation_id, c.started, c.channel, c.lang,
          (SELECT m.id FROM quaid_event m WHERE m.conversation_id = f.conversation_id
             AND m.type = 'message_in' AND m.id < f.id AND {db.j('payload', 'm')} IS NULL
             AND length({text}) > 3 ORDER BY m.id DESC LIMIT 1)
        FROM q_touch t CROSS JOIN quaid_event f
          JOIN quaid_report_conversation c ON c.cid = f.conversation_id
        WHERE f.conversation_id = t.cid
          AND (f.type = 'fallback_offered' OR (f.type = 'handoff' AND {db.j('reason', 'f')} = 'no_answer'))""")


# -- the KPI report -------------------------------------------------------------------


async def kpi_report(url: str, filters: Filters = Filters(), kb: Any = None,
                     questions: int = 2000) -> dict[str, Any]:
    """Every KPI for the period and filters, as a JSON-able dict (see the module's doc).
    The summary tables are brought up to date first (``report["refresh"]`` says how)."""
    async with connect(url) as db:
        return await full_report(db, filters, kb, questions)


async def full_report(db: Database, filters: Filters = Filters(), kb: Any = None,
                      questions: int = 2000) -> dict[str, Any]:
    """:func:`kpi_report` over an open :class:`Database` (a plugin's: :class:`StoreDatabase`)."""
    started = time.perf_counter()
    refreshed = await refresh(db)
    report = await _kpis(db, filters, questions)
    report["filters"] = {k: v for k, v in asdict(filters).items() if v is not None}
    report["period"] = {"from": _day(filters.start),  # the last day, included
                        "to": _day(filters.end - 1) if filters.end is not None else None}
    if kb is not None:
        for row in report["top_codes"]:
            solution = kb.get(row["code"])
            row["title"] = solution.title.en if solution else None
        report["lob_names"] = {code: lob.en for code, lob in kb.lines.items()}
    report["refresh"] = refreshed
    report["seconds"] = round(time.perf_counter() - started, 3)
    return report


class _Scope:
    """The WHERE clause of the period and filters over any summary table."""

    def __init__(self, f: Filters) -> None:
        where, params = ["started IS NOT NULL"], []
        if f.start is not None:
            where.append("started >= ?")
            params.append(f.start)
        if f.end is not None:
            where.append("started < ?")
            params.append(f.end)
        for column in ("channel", "lang"):
            if getattr(f, column):
                where.append(f"{column} = ?")
                params.append(getattr(f, column))
        for column in ("code", "lob"):
            if getattr(f, column):
                where.append(f"cid IN (SELECT a.cid FROM quaid_report_answer a WHERE a.{column} = ?)")
                params.append(getattr(f, column))
        if f.agent:
            where.append("cid IN (SELECT a.cid FROM quaid_report_answer a WHERE a.agent = ? "
                         "UNION SELECT p.cid FROM quaid_report_episode p WHERE p.resolver = ?)")
            params += [f.agent, f.agent]
        self.sql, self.params, self.agent = " AND ".join(where), params, f.agent

    def mine(self, column: str = "agent") -> tuple[str, list[Any]]:
        """An extra condition for agents' own figures under an agent filter."""
        return (f" AND {column} = ?", [self.agent]) if self.agent else ("", [])


async def _kpis(db: Database, f: Filters, questions: int) -> dict[str, Any]:
    scope = _Scope(f)
    report = await _conversation_kpis(db, scope)
    report.update(await _answer_kpis(db, scope, report["satisfaction"]["yes"]))
    report.update(await _response_times(db, scope, report["agents"]))
    report["journeys"].update(await _journeys(db, scope))
    rows = await db.all(f"""SELECT (SELECT {db.j('text', 'm')} FROM quaid_event m WHERE m.id = q.message_id),
          q.lang FROM (SELECT id, message_id, lang FROM quaid_report_question WHERE {scope.sql}
          AND message_id IS NOT NULL ORDER BY id DESC LIMIT {int(questions)}) q""", scope.params)
    rows = [(text, lang) for text, lang in rows if text]
    report["unanswered"] = group_questions(rows)
    report["widget"] = await _widget(db, f, report["volume"]["by_channel"].get("web", {}).get("conversations", 0))
    return report


async def _widget(db: Database, f: Filters, conversations: int) -> dict[str, Any]:
    where, params = [f"e.type IN ('widget_shown', 'widget_opened') AND e.{NOT_MESSAGE_IN}"], []
    if f.start is not None:
        where.append("e.at >= ?")
        params.append(f.start)
    if f.end is not None:
        where.append("e.at < ?")
        params.append(f.end)
    rows = await db.all(f"""SELECT e.type, {db.j('page')}, {db.j('visitor')}, {db.j('country')}, COUNT(*)
        FROM quaid_event e WHERE {' AND '.join(where)} GROUP BY 1, 2, 3, 4""", params)
    shown: Counter[str] = Counter()
    opened: Counter[str] = Counter()
    visitors: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for kind, page, visitor, country, n in rows:
        n = _int(n)
        if kind == "widget_shown":
            shown[page or "?"] += n
            visitors[visitor or "?"] += n
            countries[country or "?"] += n
        else:
            opened[page or "?"] += n
    total_shown, total_opened = sum(shown.values()), sum(opened.values())
    pages = sorted(set(shown) | set(opened), key=lambda p: (-shown[p], p))[:20]
    return {"shown": total_shown, "opened": total_opened, "open_rate": _rate(total_opened, total_shown),
            "conversations": conversations, "start_rate": _rate(conversations, total_shown) if rows else None,
            "visitors": dict(sorted(visitors.items())),
            "pages": [{"page": p, "shown": shown[p], "opened": opened[p], "open_rate": _rate(opened[p], shown[p])}
                      for p in pages],
            "countries": [{"country": c, "views": n} for c, n in
                          sorted(countries.items(), key=lambda item: (-item[1], item[0]))[:20]]}


CONVERSATION_SUMS = ("conversations", "messages", "bot_answers", "agent_answers", "escalated", "handoffs",
                     "abandoned", "abandoned_after_handoff", "contained", "yes", "no", "resolved_by_bot",
                     "resolved_by_agent", "surveys_sent", "without_message", "handoffs_failed",
                     "s1", "s2", "s3", "s4", "s5", "resolved", "turns", "steps")


async def _conversation_kpis(db: Database, scope: _Scope) -> dict[str, Any]:
    """One scan of the conversations: sums by day, channel and language, added up here."""
    abandoned = "last_abandoned > COALESCE(last_resolved, 0)"
    done = "first_resolved IS NOT NULL"
    rows = await db.all(f"""SELECT day, channel, lang, COUNT(*), SUM(messages), SUM(bot_answers),
          SUM(agent_answers), SUM(CASE WHEN handoffs > handoffs_failed THEN 1 ELSE 0 END), SUM(handoffs),
          SUM(CASE WHEN {abandoned} THEN 1 ELSE 0 END),
          SUM(CASE WHEN {abandoned} AND first_handoff < last_abandoned THEN 1 ELSE 0 END),
          SUM(CASE WHEN messages > 0 AND handoffs <= handoffs_failed AND last_abandoned IS NULL THEN 1
                   WHEN messages > 0 AND handoffs <= handoffs_failed AND NOT ({abandoned}) THEN 1 ELSE 0 END),
          SUM(yes), SUM(no), SUM(CASE WHEN resolved_bot > 0 THEN 1 ELSE 0 END),
          SUM(CASE WHEN resolved_agent > 0 THEN 1 ELSE 0 END), SUM(resolved_agent),
          SUM(CASE WHEN messages = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN handoffs_failed > 0 THEN 1 ELSE 0 END),
          SUM(s1), SUM(s2), SUM(s3), SUM(s4), SUM(s5), COUNT(first_resolved),
          SUM(CASE WHEN {done} THEN turns END), SUM(CASE WHEN {done} THEN steps END),
          MAX(CASE WHEN {done} THEN turns END)
        FROM quaid_report_conversation WHERE {scope.sql} GROUP BY day, channel, lang""", scope.params)
    total = dict.fromkeys(CONVERSATION_SUMS, 0)
    channels: dict[str, dict[str, int]] = {}
    langs: Counter[str] = Counter()
    days: dict[str, dict[str, int]] = {}
    most = None
    for day, channel, lang, *values in rows:
        sums = dict(zip(CONVERSATION_SUMS, (_int(v) for v in values[:-1]), strict=True))
        if values[-1] is not None:
            most = max(most or 0, int(values[-1]))
        for key, value in sums.items():
            total[key] += value
        mine = channels.setdefault(channel, dict.fromkeys(CONVERSATION_SUMS, 0))
        for key, value in sums.items():
            mine[key] += value
        langs[lang or "?"] += sums["conversations"]
        label = _day(int(day) * DAY)
        days.setdefault(label, {})[channel] = days.get(label, {}).get(channel, 0) + sums["conversations"]
    conversations, agent_answers = total["conversations"], total["agent_answers"]
    if scope.agent:  # that agent's answers only
        mine_sql, params = scope.mine()
        (agent_answers,) = await db.one(f"SELECT COUNT(*) FROM quaid_report_answer WHERE {scope.sql} AND "
                                        f"author = 'agent'{mine_sql}", scope.params + params)
    scores = [total[f"s{n}"] for n in range(1, 6)]
    answered = sum(scores)
    yes, no = total["yes"], total["no"]
    return {
        "volume": {"conversations": conversations, "messages": total["messages"],
                   "bot_answers": total["bot_answers"], "agent_answers": _int(agent_answers),
                   "by_channel": {c: {"conversations": v["conversations"], "messages": v["messages"],
                                      "bot_answers": v["bot_answers"], "agent_answers": v["agent_answers"],
                                      "escalation_rate": _rate(v["escalated"], v["conversations"]),
                                      "containment_rate": _rate(v["contained"], v["conversations"])}
                                  for c, v in sorted(channels.items())},
                   "by_lang": dict(sorted(langs.items()))},
        "satisfaction": {"rate": _rate(yes, yes + no), "yes": yes, "no": no,
                         "survey_mean": round(sum(n * k for n, k in enumerate(scores, 1)) / answered, 3)
                         if answered else None,
                         "survey_responses": answered,
                         "survey_response_rate": _rate(answered, total["surveys_sent"]),
                         "survey_distribution": {str(n): scores[n - 1] for n in range(1, 6)}},
        "escalation": {"rate": _rate(total["escalated"], conversations), "conversations": total["escalated"],
                       "handoffs": total["handoffs"], "handoffs_failed": total["handoffs_failed"]},
        "containment": {"rate": _rate(total["contained"], conversations), "conversations": total["contained"],
                        "without_message": total["without_message"]},
        "abandonment": {"rate": _rate(total["abandoned"], conversations), "conversations": total["abandoned"],
                        "after_handoff": total["abandoned_after_handoff"]},
        "outcomes": {"resolved_by_bot": total["resolved_by_bot"], "resolved_by_agent": total["resolved_by_agent"],
                     "surveys_sent": total["surveys_sent"]},
        "turns_to_resolution": {"resolved": total["resolved"], "mean": _rate(total["turns"], total["resolved"]),
                                "max": most, "interactions_mean": _rate(total["steps"], total["resolved"])},
        "journeys": {},
        "series": {"conversations_by_day": [{"day": d, **counts} for d, counts in sorted(days.items())]},
    }


async def _answer_kpis(db: Database, scope: _Scope, yes: int) -> dict[str, Any]:
    """One scan of the answers by channel, code and author; one by week and code."""
    rows = await db.all(f"""SELECT channel, code, lob, author, agent, COUNT(*),
          SUM(CASE WHEN author = 'bot' AND next_author = 'agent' AND next_code <> code THEN 1 ELSE 0 END),
          SUM(CASE WHEN author = 'bot' AND next_author = 'agent' AND next_code = code THEN 1 ELSE 0 END)
        FROM quaid_report_answer WHERE {scope.sql}
        GROUP BY channel, code, lob, author, agent""", scope.params)
    bot = corrected = same = 0
    codes: dict[str, Counter[str]] = {}
    by_channel: dict[str, Counter[str]] = {}
    by_lob: Counter[str] = Counter()
    agents: dict[str, dict[str, Any]] = {}
    for channel, code, lob, author, agent, n, wrong, repeated in rows:
        n = _int(n)
        if author == "bot":
            bot, corrected, same = bot + n, corrected + _int(wrong), same + _int(repeated)
        elif author == "agent" and agent is not None and (not scope.agent or agent == scope.agent):
            agents.setdefault(agent, {"answers": 0})["answers"] += n
        counted = author == "bot" or (author == "agent" and (not scope.agent or agent == scope.agent))
        if code is None or not counted:
            continue
        codes.setdefault(code, Counter())[author] += n
        by_channel.setdefault(channel, Counter())[code] += n
        by_lob[lob] += n
    top = sorted(codes.items(), key=lambda item: (-sum(item[1].values()), item[0]))[:10]
    mine, extra = scope.mine()
    answers = (f"quaid_report_answer WHERE {scope.sql} AND code IS NOT NULL "
               f"AND (author = 'bot' OR (author = 'agent'{mine}))")
    by_week: dict[str, list[dict[str, Any]]] = {}
    for week, code, n in await db.all(_ranked("week", answers, 3), scope.params + extra):
        by_week.setdefault(_day(MONDAY + int(week) * WEEK), []).append({"code": code, "count": _int(n)})
    return {
        "function": {"bot_answers": bot, "confirmed": _int(yes), "confirmed_rate": _rate(yes, bot),
                     "corrected_by_agent": corrected, "corrected_rate": _rate(corrected, bot),
                     "same_code_from_agent": same},
        "top_codes": [{"code": code, "count": sum(c.values()), "bot": c["bot"], "agent": c["agent"]}
                      for code, c in top],
        "top_codes_by_channel": {ch: [{"code": code, "count": n} for code, n in
                                      sorted(c.items(), key=lambda item: (-item[1], item[0]))[:5]]
                                 for ch, c in sorted(by_channel.items())},
        "answers_by_lob": [{"lob": lob, "count": n} for lob, n in
                           sorted(by_lob.items(), key=lambda item: (-item[1], item[0]))],
        "top_codes_by_week": by_week, "agents": dict(sorted(agents.items())),
    }


def _ranked(group: str, source: str, keep: int) -> str:
    return f"""SELECT g, code, n FROM (SELECT g, code, n,
        ROW_NUMBER() OVER (PARTITION BY g ORDER BY n DESC, code) AS rank FROM
        (SELECT {group} AS g, code, COUNT(*) AS n FROM {source} GROUP BY {group}, code) x
        ) y WHERE rank <= {keep} ORDER BY g, rank"""


async def _response_times(db: Database, scope: _Scope, agents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Mean and p90 (nearest rank) of the first response and resolution times, overall, by
    line of business and by code, in one query; tickets by agent in another."""
    mine, extra = scope.mine()
    source = f"quaid_report_episode WHERE {scope.sql}{mine}"
    parts, params = [], []
    # p90, nearest rank: the smallest value that at least 90% of the values do not exceed.
    for metric in ("first_s", "resolution_s"):
        for kind, group in (("all", "'all'"), ("lob", "lob"), ("code", "code")):
            parts.append(f"""SELECT '{metric}', '{kind}', g, COUNT(*), AVG(v),
                MIN(CASE WHEN share >= 0.9 THEN v END) FROM (SELECT {group} AS g, {metric} AS v,
                  CUME_DIST() OVER (PARTITION BY {group} ORDER BY {metric}) AS share
                  FROM {source} AND {metric} IS NOT NULL) x GROUP BY g""")
            params += scope.params + extra
    rows = await db.all(" UNION ALL ".join(parts), params)
    out: dict[str, Any] = {}
    for key, metric in (("first_response_s", "first_s"), ("resolution_s", "resolution_s")):
        out[key] = {"count": 0, "mean": None, "p90": None, "by_lob": {}, "by_code": {}}
        for row_metric, kind, g, n, mean, p90 in rows:
            if row_metric != metric or g is None:
                continue
            stats = {"count": _int(n), "mean": _secs(mean), "p90": _secs(p90)}
            if kind == "all":
                out[key].update(stats)
            else:
                out[key][f"by_{kind}"][g] = stats
    episodes = answered = failed = 0
    for agent, resolver, n, replied, total_s, broken in await db.all(
            f"""SELECT agent, resolver, COUNT(*), COUNT(first_s), SUM(first_s), SUM(failed)
                FROM {source} GROUP BY agent, resolver""", scope.params + extra):
        episodes, answered, failed = episodes + _int(n), answered + _int(replied), failed + _int(broken)
        if agent is not None:
            mine_row = agents.setdefault(agent, {"answers": 0})
            mine_row["tickets"] = mine_row.get("tickets", 0) + _int(n)
            mine_row["_first_s"] = mine_row.get("_first_s", 0.0) + float(total_s or 0)
            mine_row["_replied"] = mine_row.get("_replied", 0) + _int(replied)
        if resolver is not None and (not scope.agent or resolver == scope.agent):
            mine_row = agents.setdefault(resolver, {"answers": 0})
            mine_row["resolved"] = mine_row.get("resolved", 0) + _int(n)
    for row in agents.values():
        replied = row.pop("_replied", 0)
        row["first_response_mean_s"] = _secs(row.pop("_first_s", 0.0) / replied) if replied else None
        row.setdefault("tickets", 0)
        row.setdefault("resolved", 0)
    out["handoffs"] = {"episodes": episodes, "answered": answered, "failed": failed}
    return out


async def _journeys(db: Database, scope: _Scope) -> dict[str, Any]:
    within = [{"from": a, "to": b, "count": _int(n)} for a, b, n in await db.all(
        f"""SELECT code, next_code, COUNT(*) FROM quaid_report_answer WHERE {scope.sql}
           AND next_code IS NOT NULL AND code IS NOT NULL AND next_code <> code
           GROUP BY code, next_code ORDER BY COUNT(*) DESC, code, next_code LIMIT 10""", scope.params)]
    across = [{"from": a, "to": b, "count": _int(n)} for a, b, n in await db.all(
        f"""SELECT code, next_code, COUNT(*) FROM (
             SELECT cid, code, LEAD(code) OVER w AS next_code, LEAD(cid) OVER w AS next_cid
             FROM quaid_report_answer WHERE {scope.sql} AND client IS NOT NULL AND code IS NOT NULL
             WINDOW w AS (PARTITION BY client ORDER BY at, id)) x
           WHERE next_cid <> cid GROUP BY code, next_code ORDER BY COUNT(*) DESC, code, next_code LIMIT 10""",
        scope.params)]
    clients, conversations = await db.one(
        f"""SELECT COUNT(DISTINCT client), COUNT(DISTINCT cid) FROM quaid_report_answer
            WHERE {scope.sql} AND client IS NOT NULL""", scope.params)
    return {"transitions": within, "next_conversation": across, "clients": clients,
            "conversations_per_client": _rate(conversations, clients)}


# -- unanswered questions, grouped by the words they share ------------------------------

_STOPWORDS = """a an and are as at be but by can could do does did for from get got had has have
how i i'm if in into is it its just me my no not of on or our please so that the their them there
they this to too up us was we what when where which who why will with would yes you your yours
want need know tell am hi hello thanks thank ok okay
au aux avec ce ces cette comment dans de des du elle en est et il ils je j'ai la le les leur lui ma
mais me mes moi mon ne non nous on ou oui par pas pour qu que quel quelle qui sa se ses si son sur
ta te tes toi ton tu un une vos votre vous y est-ce puis-je bonjour merci faut veux dois
canada canadian ircc immigration question questions help aide"""
STOPWORDS = frozenset(_STOPWORDS.split())
WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ'-]+")


def significant_words(text: str) -> set[str]:
    """The words of a question that say what it is about (no stopwords, no masks)."""
    return {w.strip("'-") for w in WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2}


def group_questions(rows: Sequence[tuple[str, str]], groups: int = 10,
                    examples: int = 3) -> list[dict[str, Any]]:
    """Group questions by the words they share, greedily: the pair of words (else the word)
    that most questions share makes a group of those questions, whose shared words are those
    at least half of them have; then the next over the questions left. A group has at least
    two questions."""
    left = [(text, lang, significant_words(text)) for text, lang in rows]
    left = [item for item in left if item[2]]
    out: list[dict[str, Any]] = []
    while left and len(out) < groups:
        pairs = Counter(pair for _, _, words in left for pair in _pairs(words))
        key: tuple[str, ...] = ()
        if pairs:
            best, n = min(pairs.items(), key=lambda item: (-item[1], item[0]))
            key = best if n >= 2 else ()
        if not key:
            words = Counter(w for _, _, found in left for w in found)
            best_word, n = min(words.items(), key=lambda item: (-item[1], item[0]))
            if n < 2:
                break
            key = (best_word,)
        members = [item for item in left if set(key) <= item[2]]
        shared = Counter(w for _, _, words in members for w in words)
        common = sorted((w for w, k in shared.items() if k * 2 >= len(members)),
                        key=lambda w: (-shared[w], w))[:6]
        seen: list[str] = []
        for text, _, _ in members:
            if text not in seen:
                seen.append(text)
        out.append({"words": common, "count": len(members),
                    "langs": dict(sorted(Counter(lang for _, lang, _ in members).items())),
                    "examples": seen[:examples]})
        left = [item for item in left if not set(key) <= item[2]]
    return out


def _pairs(words: set[str]) -> list[tuple[str, str]]:
    ordered = sorted(words)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]


# -- trends ----------------------------------------------------------------------------


async def trend_report(url: str, target: str, change: float, filters: Filters = Filters()) -> dict[str, Any]:
    """Weekly answers with code `target` (six digits) or line of business (two digits)
    before and after `change`, with an exact Poisson rate test of the two rates."""
    async with connect(url) as db:
        return await trend_on(db, target, change, filters)


async def trend_on(db: Database, target: str, change: float, filters: Filters = Filters()) -> dict[str, Any]:
    """:func:`trend_report` over an open :class:`Database`."""
    column = "lob" if len(target) == 2 else "code"
    where, params = [f"e.type = 'solution_sent' AND e.{column} = ?"], [target]
    for name in ("channel", "lang"):
        if getattr(filters, name):
            where.append(f"e.{name} = ?")
            params.append(getattr(filters, name))
    first, last = await db.one(f"SELECT MIN(at), MAX(at) FROM quaid_event e WHERE {' AND '.join(where)}", params)
    start = filters.start if filters.start is not None else (_floor_day(first) if first else change)
    end = filters.end if filters.end is not None else (_floor_day(last) + DAY if last else change)
    rows = await db.all(
        f"SELECT {db.bucket('e.at', WEEK, MONDAY)} AS w, SUM(CASE WHEN e.at < ? THEN 1 ELSE 0 END), "
        f"COUNT(*) FROM quaid_event e WHERE {' AND '.join(where)} AND e.at >= ? AND e.at < ? "
        "GROUP BY w ORDER BY w", [change, *params, start, end])
    weeks = [{"week": _day(MONDAY + int(w) * WEEK), "count": _int(n), "before": _int(b)} for w, b, n in rows]
    before = sum(w["before"] for w in weeks)
    after = sum(w["count"] for w in weeks) - before
    days_before, days_after = max(0.0, change - start) / DAY, max(0.0, end - change) / DAY
    rate_before = before / days_before * 7 if days_before else None
    rate_after = after / days_after * 7 if days_after else None
    p_value = poisson_rate_test(before, days_before, after, days_after)
    change_pct = (round((rate_after / rate_before - 1) * 100, 1)
                  if rate_before and rate_after is not None else None)
    return {
        "target": target, "kind": column, "change_date": _day(change),
        "period": {"from": _day(start), "to": _day(end - 1)},  # the last day, included
        "before": {"count": before, "days": round(days_before, 2), "per_week": _round(rate_before, 3)},
        "after": {"count": after, "days": round(days_after, 2), "per_week": _round(rate_after, 3)},
        "change_pct": change_pct,
        "test": "exact Poisson rate test (conditional binomial, two-sided)",
        "p_value": p_value, "significant": p_value is not None and p_value < 0.05,
        "weeks": [{"week": w["week"], "count": w["count"]} for w in weeks],
    }


def poisson_rate_test(count1: int, exposure1: float, count2: int, exposure2: float) -> float | None:
    """Two-sided p-value that two Poisson rates are equal (counts over exposures).

    Given n = count1 + count2, count2 follows Binomial(n, exposure2 / (exposure1 +
    exposure2)) when the rates are equal; the p-value sums the probabilities of every outcome
    no more likely than the one observed (scipy's ``binomtest`` when scipy is installed).
    """
    if exposure1 <= 0 or exposure2 <= 0:
        return None
    n, p = count1 + count2, exposure2 / (exposure1 + exposure2)
    if n == 0:
        return 1.0
    try:
        from scipy.stats import binomtest
    except ImportError:
        return float(f"{_binomial_two_sided(count2, n, p):.6g}")
    return float(f"{binomtest(count2, n, p).pvalue:.6g}")


def _binomial_two_sided(k: int, n: int, p: float) -> float:
    if p <= 0 or p >= 1:
        return 1.0 if (p <= 0 and k == 0) or (p >= 1 and k == n) else 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    base = math.lgamma(n + 1)

    def logpmf(i: int) -> float:
        return base - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q

    observed = logpmf(k)
    limit = observed + math.log1p(1e-7)
    peak = logpmf(int(n * p))
    total = sum(math.exp(value - peak) for value in map(logpmf, range(n + 1)) if value <= limit)
    return min(1.0, total * math.exp(peak))


# -- helpers ---------------------------------------------------------------------------


def _int(value: Any) -> int:
    return int(value or 0)


def _rate(part: Any, whole: Any) -> float | None:
    return round(float(part or 0) / float(whole), 4) if whole else None


def _round(value: Any, digits: int) -> float | None:
    return round(float(value), digits) if value is not None else None


def _secs(value: Any) -> float | None:
    return _round(value, 1)


def _floor_day(at: float) -> float:
    return math.floor(at / DAY) * DAY


def _day(at: float | None) -> str | None:
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d") if at is not None else None


def parse_day(text: str) -> float:
    """Epoch seconds of a date (``2026-03-01``, midnight UTC) or an ISO date-time."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()
