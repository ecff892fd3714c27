"""Persistence: tortoise-orm over SQLite (embedded default) or PostgreSQL, with group commit.

Per-message ORM commits cap the pipeline at a fraction of aiohttp's speed (PERF-NOTES.md),
so the message path writes through one writer task: it takes every batch waiting, commits
them in one transaction and then releases every waiting request. A reply is still sent only
after its data is committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import fcntl
import hashlib
import json
import operator
import os
import sqlite3
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import orjson
import structlog
from tortoise import Tortoise, connections
from tortoise.context import TortoiseContext, _current_context
from tortoise.exceptions import ConfigurationError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from .components import TurnWrite, TurnWriteFailed
from .messages import UnknownConversation
from .models import Client, Conversation, EventRecord, Message

T = TypeVar("T")
log = structlog.get_logger(__name__)
CORE_MODELS = "quaidcore.models"
CONVERSATION_FIELDS = ["channel", "client_id", "brain", "lang", "stage", "owner", "outcome",
                       "state", "updated_at"]
# The conversation cache of the embedded default is bounded by memory: each entry counts its
# state's JSON text plus this (a dict of 11 columns with their strings, measured ~1 kB), and
# each message of its transcript its text plus MESSAGE_ENTRY_BYTES (a tuple of 8 fields).
CACHE_BYTES = 16 * 1024 ** 2
CACHE_ENTRY_BYTES = 1024
MESSAGE_ENTRY_BYTES = 200
# A None parameter bound by the sqlite3 module goes through its adapter protocol: without an
# adapter for NoneType, each looks up __adapt__ and __conform__ and raises (and clears) two
# AttributeErrors, ~6 k instructions of the database thread, 5-6 a message (a message's kind
# and code, an event's lob and code...). An adapter that hands None back is one dict lookup
# and a C call; NULL is bound as before (every sqlite3 connection of the process: the same values).
sqlite3.register_adapter(type(None), {}.get)


@dataclass
class Batch:
    """Rows to commit together: one turn of one conversation, usually."""

    conversations: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    clients: list[dict[str, Any]] = field(default_factory=list)
    created: set[str] = field(default_factory=set)  # conversations this batch opens
    # a handoff target's writes, run first in the batch's transaction (TurnWrite), and
    # what each returned, in the same order, once the batch is committed
    writes: list[TurnWrite] = field(default_factory=list)
    results: list[Any] = field(default_factory=list)

    def extend(self, other: Batch) -> None:
        """Add `other`'s rows (and writes) to this batch."""
        self.conversations += other.conversations
        self.messages += other.messages
        self.events += other.events
        self.clients += other.clients
        self.created |= other.created
        self.writes += other.writes


class Store:
    """The database: schema creation, the group-commit writer, and reads."""

    def __init__(self, url: str, model_modules: Iterable[str] = (), workers: int | None = None) -> None:
        self.url = url
        self.modules = [CORE_MODELS, *model_modules]
        # Processes serving this database at once (`quaid serve --workers N` sets
        # QUAID_WORKERS in each): with more than one on SQLite, conversations are locked
        # across processes (a byte-range lock file), the cache is off and deliveries go
        # through a table every worker polls.
        self.workers = workers or int(os.environ.get("QUAID_WORKERS") or 1)
        # batches waiting for the writer, which waits on `_wake` when there are none (a list
        # and a future: asyncio.Queue's get, put and task_done were ~2 us of Python a commit)
        self._pending: list[tuple[Batch, asyncio.Future[None]]] = []
        self._wake: asyncio.Future[None] | None = None
        self._writing = False  # a group is being committed
        self._writer: asyncio.Task[None] | None = None
        self._sqlite = url.startswith("sqlite")
        self._client: Any = None  # tortoise's client of the database, once open
        self.commits = 0
        # Conversations this process wrote, newest last, their state as JSON text (one
        # dict an entry for the garbage collector to walk). Only the embedded (SQLite,
        # one-process) default trusts it; with PostgreSQL other workers write too.
        self._recent: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.cache_size = CACHE_BYTES if url.startswith("sqlite") and self.workers == 1 else 0
        self._cached_bytes = 0
        self.ctx: TortoiseContext | None = None
        self._lock_pool: Any = None
        self._listener: Any = None
        self._listening: set[asyncio.Task[None]] = set()
        self._data_version: int | None = None
        self._lock_fd: int | None = None  # SQLite, several workers: the conversation lock file
        self._write_fd: int | None = None  # SQLite, several workers: the write lock file
        self._slots: dict[int, int] = {}  # its byte ranges this process holds, with users
        self._poller: asyncio.Task[None] | None = None
        # SQLite file: a connection of the event loop's thread for point reads by key (a
        # conversation's row: ~10-20 us in WAL mode, where readers never wait for the writer),
        # instead of a trip to the database's thread and back (each a GIL hand-over)
        self._reader: sqlite3.Connection | None = None

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded default."""
        return self._sqlite

    async def open(self) -> None:
        """Connect, create the schema on first start and start the writer."""
        if self.is_sqlite:
            path = self.url.removeprefix("sqlite://")
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:  # plugins' tasks and handlers created later find the ORM through the fallback
            self.ctx = await Tortoise.init(db_url=self.url, modules={"models": self.modules},
                                           _enable_global_fallback=True)
        except ConfigurationError:  # another store in this process holds the fallback
            self.ctx = await Tortoise.init(db_url=self.url, modules={"models": self.modules})
        with self.bound():
            # the ORM's client of this store's database, kept: `connections.get` goes through
            # tortoise's context proxy (a failed attribute lookup, then its __getattr__ and the
            # context's handler, an import: ~15 k instructions, once a group commit)
            self._client = connections.get("default")
            if self.is_sqlite:
                conn = self._client
                # journal_size_limit: tortoise's 16 kB truncates the WAL after every
                # checkpoint, and the next commits grow the file again (SQLite CPU of the
                # group commit ~113 -> ~91 us a turn with 8 MB: the WAL is then overwritten
                # in place); a checkpoint every 4,000 pages (16 MB of WAL) instead of 1,000
                # writes the pages every commit changes (index ends) back less often
                # (~92 -> ~83 us a turn)
                await conn.execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                          "PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint=4000; "
                                          "PRAGMA journal_size_limit=25165824;")
            await Tortoise.generate_schemas(safe=True)
            await upgrade_schema(connections.get("default"), self.is_sqlite)
            self._writer = asyncio.create_task(self._write_loop(), name="quaid-store-writer")
        if self.is_sqlite and self.url.removeprefix("sqlite://") != ":memory:":
            self._reader = sqlite3.connect(self.url.removeprefix("sqlite://"), isolation_level=None,
                                           check_same_thread=False)
            self._reader.execute("PRAGMA busy_timeout=1000")
        if not self.is_sqlite:  # connections that hold the per-conversation advisory locks
            import asyncpg

            self._lock_pool = await asyncpg.create_pool(self.url, min_size=1, max_size=20)
        elif self.workers > 1:
            path = self.url.removeprefix("sqlite://")
            self._lock_fd = os.open(f"{path}.locks", os.O_RDWR | os.O_CREAT, 0o600)
            self._write_fd = os.open(f"{path}.write-lock", os.O_RDWR | os.O_CREAT, 0o600)

    @contextlib.contextmanager
    def bound(self) -> Iterator[None]:
        """Bind this store's ORM context for the calling task while the block runs.

        Plugins wrap their own model queries in ``with quaid.store.bound():``. Unlike
        ``with store.ctx:`` (tortoise keeps one token per context object, so two tasks that
        enter it at once break each other with ``ValueError``), the token lives on this
        call's stack: safe across concurrent tasks and re-entrant.
        """
        token = _current_context.set(self.ctx)
        try:
            yield
        finally:
            _current_context.reset(token)

    @property
    def shared(self) -> bool:
        """True when other workers may share this database (PostgreSQL, or several
        `quaid serve` workers on one SQLite file)."""
        return not self._sqlite or self.workers > 1

    async def publish(self, message: dict[str, Any]) -> None:
        """Send `message` to every worker's :meth:`subscribe` callback (this one included).

        The message is stored in ``quaid_delivery`` and its ID sent with NOTIFY (whose payload
        is limited to 8 kB); rows older than an hour are swept as new ones come. On SQLite
        (several workers) the row alone: every worker polls the table.
        """
        if self.is_sqlite:
            with self.bound():
                conn = connections.get("default")
                row_id = await conn.execute_insert("INSERT INTO quaid_delivery (payload, at) VALUES (?, ?)",
                                                   [json.dumps(message), time.time()])
                if row_id % 100 == 0:
                    await conn.execute_query("DELETE FROM quaid_delivery WHERE at < ?", [time.time() - 3600])
            return
        async with self._lock_pool.acquire() as conn, conn.transaction():
            row_id = await conn.fetchval(
                "INSERT INTO quaid_delivery (payload, at) VALUES ($1, $2) RETURNING id",
                json.dumps(message), time.time())
            await conn.execute("SELECT pg_notify('quaid_deliver', $1)", str(row_id))
            if row_id % 100 == 0:
                await conn.execute("DELETE FROM quaid_delivery WHERE at < $1", time.time() - 3600)

    async def subscribe(self, callback: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        """Call `callback` with every message any worker publishes (when :attr:`shared`)."""
        if not self.shared:
            return
        if self.is_sqlite:
            await self._poll_deliveries(callback)
            return
        await self._lock_pool.execute(
            "CREATE TABLE IF NOT EXISTS quaid_delivery (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL,"
            " at DOUBLE PRECISION NOT NULL)")
        loop = asyncio.get_running_loop()

        async def fetch(row_id: int) -> None:
            payload = await self._lock_pool.fetchval("SELECT payload FROM quaid_delivery WHERE id = $1", row_id)
            if payload is not None:
                await callback(json.loads(payload))

        def notified(_conn: Any, _pid: int, _channel: str, payload: str) -> None:
            task = loop.create_task(fetch(int(payload)))
            self._listening.add(task)
            task.add_done_callback(self._listening.discard)

        import asyncpg

        self._listener = await asyncpg.connect(self.url)
        await self._listener.add_listener("quaid_deliver", notified)

    async def _poll_deliveries(self, callback: Callable[[dict[str, Any]], Awaitable[None]],
                               interval: float = 0.1) -> None:
        """SQLite with several workers: read the deliveries published since the last look,
        every `interval` seconds, in order (one indexed query; nothing when idle)."""
        with self.bound():
            conn = connections.get("default")
            await conn.execute_script(
                "CREATE TABLE IF NOT EXISTS quaid_delivery (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " payload TEXT NOT NULL, at REAL NOT NULL)")
            _, rows = await conn.execute_query("SELECT COALESCE(MAX(id), 0) FROM quaid_delivery")
        last = rows[0][0]

        async def poll() -> None:
            nonlocal last
            while True:
                await asyncio.sleep(interval)
                try:
                    with self.bound():
                        _, found = await connections.get("default").execute_query(
                            "SELECT id, payload FROM quaid_delivery WHERE id > ? ORDER BY id LIMIT 500", [last])
                except Exception as exc:  # the database busy or closing: try again
                    log.warning("delivery_poll_failed", error=str(exc))
                    continue
                for row_id, payload in found:
                    last = row_id
                    try:
                        await callback(json.loads(payload))
                    except Exception as exc:
                        log.error("delivery_failed", error=str(exc))

        self._poller = asyncio.create_task(poll(), name="quaid-store-deliveries")

    @contextlib.asynccontextmanager
    async def conversation_lock(self, conversation_id: str) -> AsyncIterator[None]:
        """Hold a conversation across every worker of a deployment while the block runs.

        On PostgreSQL, a session advisory lock keyed by the conversation ID: atomic, and
        released by the server if the worker dies. On SQLite with several workers, an
        exclusive byte-range lock (``fcntl.lockf``) on ``<database>.locks`` at an offset
        hashed from the ID: taken without blocking the event loop (non-blocking, retried
        with a short backoff), released by the kernel if the worker dies. On SQLite with
        one process the runtime's in-process lock is enough, and this does nothing.
        """
        if self._lock_fd is not None:
            slot = int.from_bytes(hashlib.blake2b(conversation_id.encode(), digest_size=6).digest(), "big")
            await self._lock_slot(slot)
            try:
                yield
            finally:
                self._unlock_slot(slot)
            return
        if self._lock_pool is None:
            yield
            return
        async with self._lock_pool.acquire() as conn:
            await conn.execute("SELECT pg_advisory_lock(hashtextextended($1, 0))", conversation_id)
            try:
                yield
            finally:
                await conn.execute("SELECT pg_advisory_unlock(hashtextextended($1, 0))", conversation_id)

    async def _lock_slot(self, slot: int) -> None:
        # fcntl locks belong to the process: two conversations of this process on one slot
        # (a hash collision) share it, counted, and it is unlocked when the last one leaves.
        delay = 0.0005
        while True:
            if slot in self._slots:
                self._slots[slot] += 1
                return
            try:
                fcntl.lockf(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, slot)
            except OSError:  # another worker holds it (EAGAIN / EACCES)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 0.02)
                continue
            self._slots[slot] = 1
            return

    def _unlock_slot(self, slot: int) -> None:
        users = self._slots[slot] - 1
        if users:
            self._slots[slot] = users
            return
        del self._slots[slot]
        fcntl.lockf(self._lock_fd, fcntl.LOCK_UN, 1, slot)

    async def close(self) -> None:
        """Finish pending writes, stop the writer, close connections."""
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
            self._poller = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None
            self._slots.clear()
        if self._listener is not None:
            await self._listener.close()
            self._listener = None
        if self._listening:
            await asyncio.gather(*self._listening, return_exceptions=True)
        if self._lock_pool is not None:
            await self._lock_pool.close()
            self._lock_pool = None
        if self._writer:
            while (self._pending or self._writing) and not self._writer.done():
                await asyncio.sleep(0.005)  # what was written before close is committed
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer
            self._writer = None
        if self.ctx is not None:
            await self.ctx.close_connections()
            self.ctx = self._client = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._write_fd is not None:  # after the writer's last commit
            os.close(self._write_fd)
            self._write_fd = None

    async def write(self, batch: Batch) -> None:
        """Commit `batch` (with whatever else is waiting); return once it is durable."""
        if self._writer is None:
            raise RuntimeError("the store is not open (start the host first)")
        if self._writer.done():
            raise RuntimeError("the store's writer has stopped")
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((batch, future))
        wake = self._wake
        if wake is not None and not wake.done():
            wake.set_result(None)
        await future

    async def _write_loop(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                if not self._pending:
                    self._wake = loop.create_future()
                    await self._wake
                waiting, self._pending = self._pending, []
                self._writing = True
                try:
                    await self._write_group(waiting)
                except BaseException:  # the writer stopped mid-batch: nobody waits forever, and
                    # nobody is told their rows are stored (whatever the database did with them)
                    for _, future in waiting:
                        _settle(future, RuntimeError("the store's writer stopped before the commit finished"))
                    raise
                finally:
                    self._writing = False
        finally:  # stopped: whatever came meanwhile is not committed either
            waiting, self._pending = self._pending, []
            for _, future in waiting:
                _settle(future, RuntimeError("the store's writer stopped before the commit finished"))

    async def _write_group(self, waiting: list[tuple[Batch, asyncio.Future[None]]]) -> None:
        """Commit every waiting batch in one transaction. Batches of conversations deleted by
        another process meanwhile fail alone (UnknownConversation); if the group commit
        fails, each batch is committed on its own, so that one bad request fails alone."""
        if self.cache_size and self.is_sqlite and await self._commit_if_unchanged(waiting):
            return
        with self.bound():
            gone = await self._forgotten_elsewhere([batch for batch, _ in waiting])
        live = []
        for batch, future in waiting:
            lost = next((c["id"] for c in batch.conversations if c["id"] in gone), None)
            if lost is not None:
                _settle(future, UnknownConversation(lost))
            else:
                live.append((batch, future))
        if not live:
            return
        merged = _merged([batch for batch, _ in live])
        try:
            await self._commit_and_remember(merged)
            _hand_back(merged, [batch for batch, _ in live])
        except Exception as exc:
            if len(live) == 1:
                log.error("store_commit_failed", error=str(exc), rows=len(merged.messages))
                _settle(live[0][1], exc)
                return
            for batch, future in live:  # find the bad one: the others still commit
                try:
                    await self._commit_and_remember(batch)
                    _settle(future, None)
                except Exception as alone:
                    log.error("store_commit_failed", error=str(alone), rows=len(batch.messages))
                    _settle(future, alone)
            return
        for _, future in live:
            _settle(future, None)

    async def in_db_thread(self, work: Callable[..., T], *args: Any) -> T:
        """``work(connection, *args)`` on the SQLite connection's thread, in one trip, holding
        the connection and (several workers on one file) the write lock (Host.in_db_thread)."""
        if not self.is_sqlite:
            raise RuntimeError("in_db_thread needs the embedded SQLite store")
        with self.bound():
            async with self._client.acquire_connection() as conn:
                if self._write_fd is None:
                    return await conn._execute(work, conn._conn, *args)
                return await conn._execute(_call_locked, self._write_fd, work, conn._conn, *args)

    async def _commit_if_unchanged(self, waiting: list[tuple[Batch, asyncio.Future[None]]]) -> bool:
        """The common case of the embedded default, in one trip to the database's thread
        instead of two: every waiting batch in one transaction, which also reads ``PRAGMA
        data_version`` and writes nothing when another process changed the database since
        the last commit. False then, or when the group fails: the careful path follows."""
        merged = _merged([batch for batch, _ in waiting])
        token = _current_context.set(self.ctx)  # self.bound() without its context manager
        try:
            version = await self._commit(merged, expect=self._data_version)
        except Exception:  # a bad batch among them: the careful path finds it
            return False
        finally:
            _current_context.reset(token)
        if version is None or (self._data_version is not None and version != self._data_version):
            return False
        self._data_version = version
        self._remember(merged)
        self.commits += 1
        _hand_back(merged, [batch for batch, _ in waiting])
        for _, future in waiting:
            _settle(future, None)
        return True

    async def _commit_and_remember(self, batch: Batch) -> None:
        with self.bound():
            await self._commit(batch)
        self._remember(batch)
        self.commits += 1

    async def _forgotten_elsewhere(self, batches: list[Batch]) -> set[str]:
        """On the embedded SQLite default, conversations are cached in memory; when another
        process (``quaid privacy forget``) changed the database since the last commit
        (SQLite's ``PRAGMA data_version``), the cache is dropped and the batches' existing
        conversations that are gone are returned. One tiny query per group commit."""
        if not self.cache_size:
            return set()
        conn = connections.get("default")
        _, rows = await conn.execute_query("PRAGMA data_version")
        version = rows[0][0]
        changed, self._data_version = (self._data_version not in (None, version)), version
        if not changed:
            return set()
        self._forget_cached()
        ids = {c["id"] for b in batches for c in b.conversations if c["id"] not in b.created}
        if not ids:
            return set()
        marks = ", ".join("?" for _ in ids)
        _, found = await conn.execute_query(f"SELECT id FROM quaid_conversation WHERE id IN ({marks})",
                                            list(ids))
        return ids - {row[0] for row in found}

    async def _commit(self, batch: Batch, expect: int | None = None) -> int | None:
        """Write `batch` in one transaction, its writes (:class:`TurnWrite`) first; once
        committed, their results are in ``batch.results``. SQLite: returns the
        ``data_version`` read inside it, and writes nothing when `expect` is given and
        differs (see :func:`_write_sqlite`)."""
        if self.is_sqlite:  # the hot path: one trip to the database's thread, no model objects
            statements = _sqlite_statements(batch)
            if not statements and not batch.writes:
                return None
            async with self._client.acquire_connection() as conn:
                if self._write_fd is None:
                    version, results = await conn._execute(_write_sqlite, conn._conn, statements, expect,
                                                           batch.writes)
                else:
                    version, results = await conn._execute(_write_sqlite_locked, conn._conn, statements,
                                                           self._write_fd, expect, batch.writes)
            batch.results = results
            return version
        async with in_transaction() as conn:
            results = [await _run_orm_write(write, conn) for write in batch.writes]
            if conn.capabilities.dialect == "postgres":  # the rows in raw statements (_PG_INSERTS)
                for sql, params in _pg_statements(batch):
                    await conn.execute_query(sql, params)
                batch.results = results
                return None
            if batch.clients:
                await Client.bulk_create([Client(**c) for c in _last_by_id(batch.clients)],
                                         using_db=conn, ignore_conflicts=True)
            if batch.conversations:
                rows = [Conversation(**c) for c in _last_by_id(batch.conversations)]
                await Conversation.bulk_create(rows, using_db=conn, on_conflict=["id"],
                                               update_fields=CONVERSATION_FIELDS)
            if batch.messages:
                await Message.bulk_create([Message(**m) for m in batch.messages], using_db=conn)
            if batch.events:
                await EventRecord.bulk_create([EventRecord(**e) for e in batch.events], using_db=conn)
        batch.results = results
        return None

    def _remember(self, batch: Batch) -> None:
        """Keep the conversations just committed, newest last, within :attr:`cache_size`
        bytes, with their transcripts: whole when this process opened the conversation (or
        read it whole since), else none."""
        if not self.cache_size:
            return
        recent = self._recent
        said: dict[str, list[dict[str, Any]]] = {}  # message rows by conversation, in order
        for m in batch.messages:
            found = said.get(m["conversation_id"])
            if found is None:
                said[m["conversation_id"]] = [m]
            else:
                found.append(m)
        created, cached = batch.created, self._cached_bytes
        for row in _last_by_id(batch.conversations):
            conversation_id, state = row["id"], row.get("state")
            # a copy (the batch's row is not the cache's), the state as JSON text (the
            # message path's rows bring it so already)
            row = {**row, "state": state if isinstance(state, str) else _json_text(state)}
            old = recent.pop(conversation_id, None)
            if old is not None:
                cached -= old[_BYTES]
                lines = old.get("transcript")
            else:
                lines = [] if conversation_id in created else None
            lines_bytes = 0
            if lines is not None:
                lines_bytes = old[_LINES_BYTES] if old is not None else 0
                new_rows = said.get(conversation_id)
                if new_rows:
                    lines = lines.copy()  # the old entry's list stays as it was
                    for m in new_rows:
                        line = _transcript_entry(m)
                        lines.append(line)
                        lines_bytes += MESSAGE_ENTRY_BYTES + len(line[2])
                row["transcript"] = lines
            row[_LINES_BYTES] = lines_bytes  # kept, not summed again over the transcript each turn
            row[_BYTES] = size = CACHE_ENTRY_BYTES + len(row["state"]) + lines_bytes
            recent[conversation_id] = row
            cached += size
        while cached > self.cache_size and recent:
            cached -= recent.popitem(last=False)[1][_BYTES]
        self._cached_bytes = cached

    def _forget_cached(self, conversation_id: str | None = None) -> None:
        """Drop one conversation from the cache, or all of them."""
        if conversation_id is None:
            self._recent.clear()
            self._cached_bytes = 0
        elif (old := self._recent.pop(conversation_id, None)) is not None:
            self._cached_bytes -= old[_BYTES]

    async def latest_conversation(self, channel: str, client_id: str) -> str | None:
        """The ID of a client's latest conversation on `channel` that is not abandoned."""
        with self.bound():
            found = await Conversation.filter(  # NOT (NULL = 'abandoned') is NULL: say both
                Q(outcome__isnull=True) | Q(outcome__not="abandoned"), channel=channel,
                client_id=client_id).order_by("-updated_at").limit(1).values_list("id", flat=True)
        return found[0] if found else None

    def cached_row(self, conversation_id: str) -> dict[str, Any] | None:
        """:meth:`conversation_row` when the conversation is in the cache (the message path's
        common case, without a coroutine), else None: ask :meth:`conversation_row` then."""
        return self._recent.get(conversation_id)

    async def conversation_row(self, conversation_id: str) -> dict[str, Any] | None:
        """The stored conversation as a dict of its columns, ``state`` as its JSON text
        (``json.loads`` it), or None: what the message path reads, without building a model
        object from the cache. Do not change the dict: it may be the cache's (the host keeps
        the row's ConversationInfo in it, under ``_info``, and a row its turn made holds that
        turn's State under ``_state``; nothing else)."""
        row = self._recent.get(conversation_id)
        if row is not None:
            return row
        if self._reader is not None:  # one query on this thread, no model object nor query
            # builder (several workers: every turn reads its conversation three times, which
            # through tortoise and aiosqlite's thread was ~25% of a worker's samples)
            found = self._reader.execute(_SELECT_CONVERSATION, (conversation_id,)).fetchall()
            if not found:  # (fetchall: the statement runs to its end, no read left open)
                return None
            row = dict(zip(_CONVERSATION_COLUMNS, found[0], strict=True))
            row["state"] = _json_text(row["state"])
            return row
        with self.bound():  # PostgreSQL (or SQLite in memory): one raw statement through
            # tortoise's connection, no model object nor query builder (the ORM's get_or_none,
            # three times a turn); the state decoded as the JSONField decodes it
            conn = connections.get("default")
            sql = _SELECT_CONVERSATION_PG if conn.capabilities.dialect == "postgres" else _SELECT_CONVERSATION
            found = await conn.execute_query_dict(sql, [conversation_id])
        if not found:
            return None
        row = found[0]
        state = row["state"]
        if isinstance(state, (str, bytes)):
            state = orjson.loads(state)
        row["state"] = _json_text(state)
        return row

    async def conversation(self, conversation_id: str) -> Conversation | None:
        """The stored conversation, or None."""
        row = self._recent.get(conversation_id)
        if row is not None:
            return Conversation(**{**row, "state": json.loads(row["state"])})
        with self.bound():
            return await Conversation.get_or_none(id=conversation_id)

    async def messages(self, conversation_id: str) -> list[Message]:
        """A conversation's messages, oldest first."""
        with self.bound():
            return await Message.filter(conversation_id=conversation_id).order_by("at", "id")

    async def transcript(self, conversation_id: str, pending: Iterable[dict[str, Any]] = ()) -> list[dict[str, Any]]:
        """A conversation's messages, oldest first, as dicts of ``direction, author, text,
        kind, code, at`` and, from the payload, ``pressed`` (the quick reply a client pressed)
        and ``agent``: what the message path reads (handoffs), from the cache when it holds
        the whole transcript, without building model objects. `pending`: message rows not
        committed yet (a turn's), whose lines of this conversation follow the stored ones."""
        lines = [*await self._stored_lines(conversation_id),
                 *(_transcript_entry(m) for m in pending if m["conversation_id"] == conversation_id)]
        return [dict(zip(_TRANSCRIPT_FIELDS, line, strict=True)) for line in lines]

    async def _stored_lines(self, conversation_id: str) -> list[tuple[Any, ...]]:
        cached = self._recent.get(conversation_id)
        if cached is not None and cached.get("transcript") is not None:
            return list(cached["transcript"])
        if self._reader is not None:  # on this thread, as conversation_row
            found = self._reader.execute(_SELECT_TRANSCRIPT, (conversation_id,)).fetchall()
            rows = [dict(zip(_MESSAGE_COLUMNS[1:], line, strict=True)) for line in found]
        else:  # PostgreSQL: one raw statement, as conversation_row (the ORM's values query before;
            # the payload's JSON text is decoded by _transcript_entry)
            with self.bound():
                conn = connections.get("default")
                sql = _SELECT_TRANSCRIPT_PG if conn.capabilities.dialect == "postgres" else _SELECT_TRANSCRIPT
                rows = await conn.execute_query_dict(sql, [conversation_id])
        return [_transcript_entry(row) for row in rows]

    async def events(self, conversation_id: str | None = None) -> list[EventRecord]:
        """Stored events, oldest first (all, or one conversation's)."""
        with self.bound():
            query = EventRecord.all() if conversation_id is None else EventRecord.filter(
                conversation_id=conversation_id)
            return await query.order_by("at", "id")

    async def ping(self) -> bool:
        """True when the database answers."""
        try:
            with self.bound():
                await connections.get("default").execute_query("SELECT 1")
            return True
        except Exception:
            return False

    async def forget(self, conversation_ids: list[str], client_ids: list[str]) -> int:
        """Delete these conversations, their messages and events, and these clients."""
        for conversation_id in conversation_ids:
            self._forget_cached(conversation_id)
        with self.bound():
            async with in_transaction() as conn:
                await Message.filter(conversation_id__in=conversation_ids).delete()
                await EventRecord.filter(conversation_id__in=conversation_ids).delete()
                await _forget_in_reports(conn, self.is_sqlite, conversation_ids)
                deleted = await Conversation.filter(id__in=conversation_ids).delete()
                await Client.filter(id__in=client_ids).delete()
        return deleted

    async def conversations_of(self, client_id: str) -> list[str]:
        """IDs of a client's conversations."""
        with self.bound():
            return await Conversation.filter(client_id=client_id).values_list("id", flat=True)

    async def idle_conversations(self, before: float) -> list[Conversation]:
        """Bot-owned, unresolved conversations with no activity since `before`."""
        with self.bound():
            return await Conversation.filter(updated_at__lt=before, owner="bot", outcome=None).exclude(
                stage__in=["abandoned", "new", "handed_off"])


_CONVERSATION_COLUMNS = ["id", "created_at", *CONVERSATION_FIELDS]
_SELECT_CONVERSATION = f"SELECT {', '.join(_CONVERSATION_COLUMNS)} FROM quaid_conversation WHERE id = ?"
_SELECT_CONVERSATION_PG = _SELECT_CONVERSATION.replace("?", "$1")
_MESSAGE_COLUMNS = ["conversation_id", "direction", "author", "text", "kind", "code", "payload", "at"]
_SELECT_TRANSCRIPT = (f"SELECT {', '.join(_MESSAGE_COLUMNS[1:])} FROM quaid_message WHERE conversation_id = ?"
                      " ORDER BY at, id")
_SELECT_TRANSCRIPT_PG = _SELECT_TRANSCRIPT.replace("?", "$1")
_EVENT_COLUMNS = ["type", "conversation_id", "channel", "data", "at", "lang", "lob", "code"]
_JSON = {"state", "payload", "data"}
# SQLite, the group commit: many rows per INSERT statement. ``executemany`` steps once per
# row, and each step hands the GIL back and forth with the event loop's thread: under load
# a batch of ~40 turns (~240 rows) took 36-60 ms at p50 to commit, mostly waiting for the GIL.
ROWS_PER_STATEMENT = 200


# Columns added to quaid_event after its first release, and the reports' indexes.
# ``generate_schemas(safe=True)`` creates missing tables but never adds a column to an
# existing one: :func:`upgrade_schema` does, at every start (a no-op once done).
EVENT_COLUMNS_ADDED = {"lang": "VARCHAR(8)", "lob": "VARCHAR(2)", "code": "VARCHAR(6)"}
EVENT_INDEXES = {
    "quaid_event_type_at": "type, at",
    "quaid_event_code_at": "code, at",
    "quaid_event_lob_at": "lob, at",
    "quaid_event_conv_type": "conversation_id, type",
}
# The single-column indexes tortoise made on quaid_event.type and .conversation_id before
# the model dropped them (its names: a hash of table and column): the composite indexes
# above begin with those columns, and each index costs every event insert (the message
# path's group commit: 133 -> 93 us of SQLite CPU a turn without these two).
EVENT_INDEXES_DROPPED = ("idx_quaid_event_type_2f4cee", "idx_quaid_event_convers_8a1198")
# On SQLite the (code, at) and (lob, at) indexes hold the events about a code only (partial:
# the trend report's ``code = ?`` / ``lob = ?`` implies it): a message_in, a conversation's
# start, a clarification... write no entry there. Each index entry of a group commit's rows
# dirties a page of its own, written to the WAL (4 kB and its checksum) at every commit.
# (type, at) holds no message_in (one a client message; no query reads them by type alone:
# the reports count them by conversation, through (conversation_id, type)). SQLite uses a
# partial index only for a query that says its condition in the same words: a query of
# quaid_event by type adds ``AND {NOT_MESSAGE_IN}`` (reports.py), else it scans the table.
NOT_MESSAGE_IN = "type <> 'message_in'"
EVENT_INDEXES_PARTIAL = {"quaid_event_code_at": "code IS NOT NULL", "quaid_event_lob_at": "lob IS NOT NULL",
                         "quaid_event_type_at": NOT_MESSAGE_IN}
# The single-column indexes on quaid_event.at and quaid_message.at (tortoise's names): no
# query of the embedded default reads by `at` alone (the reports read events by
# conversation, type, code or line of business; transcripts by conversation), and each is
# one more page written a commit. Made on PostgreSQL only, where the reports' incremental
# refresh reads late events by `at`; dropped on SQLite.
AT_INDEXES = {"idx_quaid_event_at_7e5de5": "quaid_event", "idx_quaid_messa_at_30bbb9": "quaid_message"}


async def upgrade_schema(conn: Any, sqlite: bool) -> list[str]:
    """Add the columns of :data:`EVENT_COLUMNS_ADDED` that an older ``quaid_event`` lacks
    (``ALTER TABLE ... ADD COLUMN``; existing rows get `code`/`lob` from their data and
    `lang` from their conversation) and create the reports' indexes if missing. Returns the
    columns added."""
    if sqlite:
        _, rows = await conn.execute_query("PRAGMA table_info(quaid_event)")
        have = {row[1] for row in rows}
    else:
        _, rows = await conn.execute_query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'quaid_event' "
            "AND table_schema = current_schema()")
        have = {row[0] for row in rows}
    added = [name for name in EVENT_COLUMNS_ADDED if name not in have]
    for name in added:
        await conn.execute_script(f"ALTER TABLE quaid_event ADD COLUMN {name} {EVENT_COLUMNS_ADDED[name]}")
    if added:
        code = "json_extract(data, '$.code')" if sqlite else "(data->>'code')"
        await conn.execute_script(
            f"UPDATE quaid_event SET code = {code} WHERE code IS NULL AND length({code}) = 6; "
            "UPDATE quaid_event SET lob = substr(code, 1, 2) WHERE lob IS NULL AND code IS NOT NULL; "
            "UPDATE quaid_event SET lang = (SELECT c.lang FROM quaid_conversation c "
            "WHERE c.id = quaid_event.conversation_id) WHERE lang IS NULL")
        log.info("store_schema_upgraded", table="quaid_event", added=added)
    made: dict[str, str] = {}  # SQLite: the indexes of quaid_event as created
    if sqlite:
        _, rows = await conn.execute_query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'quaid_event'")
        made = {row[0]: row[1] or "" for row in rows}
    for name, columns in EVENT_INDEXES.items():
        where = f" WHERE {EVENT_INDEXES_PARTIAL[name]}" if sqlite and name in EVENT_INDEXES_PARTIAL else ""
        if where and name in made and " WHERE " not in made[name].upper():  # made whole before
            await conn.execute_script(f"DROP INDEX {name}")
        await conn.execute_script(f"CREATE INDEX IF NOT EXISTS {name} ON quaid_event ({columns}){where}")
    for name in EVENT_INDEXES_DROPPED:
        await conn.execute_script(f'DROP INDEX IF EXISTS "{name}"')
    for name, table in AT_INDEXES.items():
        await conn.execute_script(f'DROP INDEX IF EXISTS "{name}"' if sqlite else
                                  f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("at")')
    return added


# The reports' summary tables (quaidcore.reports), made by the first report: a forgotten
# conversation leaves them with its events.
REPORT_TABLES = ("quaid_report_conversation", "quaid_report_answer", "quaid_report_episode",
                 "quaid_report_question")


async def _forget_in_reports(conn: Any, sqlite: bool, conversation_ids: list[str]) -> None:
    if sqlite:
        _, rows = await conn.execute_query("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        _, rows = await conn.execute_query("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = current_schema()")
    present = {row[0] for row in rows}
    for table in REPORT_TABLES:
        if table in present and conversation_ids:
            if sqlite:
                marks = ", ".join("?" for _ in conversation_ids)
                await conn.execute_query(f"DELETE FROM {table} WHERE cid IN ({marks})", list(conversation_ids))
            else:
                await conn.execute_query(f"DELETE FROM {table} WHERE cid = ANY($1::text[])", [list(conversation_ids)])


def dumps(value: Any) -> str:
    """`value` as JSON text: orjson (~10x faster than json.dumps on the message path's
    rows: a state 3.4 -> 0.24 us, a reply 3.8 -> 0.30 us), json.dumps for what orjson
    refuses (keys that are not strings, integers over 64 bits)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value)


def _json_text(value: Any) -> str:
    """A JSON column's value as JSON text."""
    return value if isinstance(value, str) else dumps(value if value is not None else {})


_BYTES, _LINES_BYTES = "_bytes", "_lines_bytes"  # a cached row's size, and its transcript's


_TRANSCRIPT_FIELDS = ("direction", "author", "text", "kind", "code", "at", "pressed", "agent")


def _transcript_entry(row: dict[str, Any]) -> tuple[Any, ...]:
    """A message row as the cache keeps it (:data:`_TRANSCRIPT_FIELDS`): the payload's
    pressed quick reply and agent only."""
    payload = row.get("payload")
    if payload is None:  # a typed client message: no payload to read
        return (row["direction"], row["author"], row["text"], row.get("kind"), row.get("code"), row["at"],
                None, None)
    if isinstance(payload, str):
        payload = json.loads(payload)
    if not isinstance(payload, dict):
        payload = {}
    pressed = payload.get("payload") if row["direction"] == "in" else None
    return (row["direction"], row["author"], row["text"], row.get("kind"), row.get("code"), row["at"],
            pressed, payload.get("agent"))


class _Insert:
    """One table's multi-row ``INSERT`` of the SQLite group commit: the rows' values in one
    flat parameter list (no list a row, no flattening afterwards), the JSON columns encoded
    in place, and the statement's SQL text made once per row count."""

    __slots__ = ("columns", "encoded", "head", "marks", "numbered", "pick", "sql", "tail", "width")

    def __init__(self, table: str, columns: list[str], tail: str = "", numbered: bool = False,
                 text_kept: Iterable[str] = ("state",)) -> None:
        self.head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        self.tail = tail
        self.columns = columns
        self.width = len(columns)
        self.pick = operator.itemgetter(*columns)  # one C call a row (the core's rows have every column)
        # the JSON columns' positions, and whether text there is kept as it is (a
        # conversation's state comes as JSON text already; anything else is encoded on
        # SQLite; on PostgreSQL text is kept in every JSON column, as tortoise's JSONField does)
        kept = set(text_kept)
        self.encoded = [(i, c in kept) for i, c in enumerate(columns) if c in _JSON]
        self.marks = "(" + ", ".join("?" * self.width) + ")"
        self.numbered = numbered  # PostgreSQL's placeholders: $1, $2... across the rows
        self.sql: dict[int, str] = {}  # by row count: at most ROWS_PER_STATEMENT entries

    def text(self, count: int) -> str:
        """The SQL of `count` rows."""
        sql = self.sql.get(count)
        if sql is None:
            if self.numbered:
                width = self.width
                rows = ", ".join("(" + ", ".join(f"${r * width + i}" for i in range(1, width + 1)) + ")"
                                 for r in range(count))
            else:
                rows = ", ".join([self.marks] * count)
            sql = self.sql[count] = self.head + rows + self.tail
        return sql

    def params(self, rows: list[dict[str, Any]]) -> list[Any]:
        """The rows' values, row after row, JSON columns encoded (:func:`dumps`)."""
        params: list[Any] = []
        extend, pick = params.extend, self.pick
        for row in rows:
            try:
                extend(pick(row))
            except KeyError:  # a row of a plugin's event without some column: None there
                extend([row.get(c) for c in self.columns])
        end, width = len(params), self.width
        for first, keep_text in self.encoded:
            for i in range(first, end, width):
                value = params[i]
                if value is not None and not (keep_text and isinstance(value, str)):
                    params[i] = dumps(value)
        return params

    def add(self, statements: list[tuple[str, list[Any]]], rows: list[dict[str, Any]]) -> None:
        """Append the statements of `rows`: up to :data:`ROWS_PER_STATEMENT` rows each."""
        params = self.params(rows)
        count = len(rows)
        if count <= ROWS_PER_STATEMENT:
            statements.append((self.text(count), params))
            return
        step = ROWS_PER_STATEMENT * self.width
        for start in range(0, len(params), step):
            chunk = params[start:start + step]
            statements.append((self.text(len(chunk) // self.width), chunk))


# A conversation's channel and client never change after its first row: left out of the
# update, their two indexes are not rewritten every turn (SQLite rewrites the entries of an
# index whose column is SET, value changed or not: two pages more a commit)
_UPSERT_CONVERSATION = _Insert("quaid_conversation", _CONVERSATION_COLUMNS,
                               " ON CONFLICT(id) DO UPDATE SET " + ", ".join(
                                   f"{c}=excluded.{c}" for c in CONVERSATION_FIELDS
                                   if c not in ("channel", "client_id")))
_INSERT_MESSAGE = _Insert("quaid_message", _MESSAGE_COLUMNS)
_INSERT_EVENT = _Insert("quaid_event", _EVENT_COLUMNS)
_INSERT_CLIENT = _Insert("quaid_client", ["id", "channel", "created_at"], " ON CONFLICT(id) DO NOTHING")


# PostgreSQL, the group commit: the statements tortoise's bulk_create made (the same rows,
# columns and conflict clauses), without building a model object a row nor the ORM's query
# (~0.3-0.8 M instructions of Python a bulk_create, three or four a turn)
_PG_INSERTS = (
    _Insert("quaid_client", ["id", "channel", "created_at"], " ON CONFLICT DO NOTHING", True, _JSON),
    _Insert("quaid_conversation", _CONVERSATION_COLUMNS,
            " ON CONFLICT (id) DO UPDATE SET " + ", ".join(f"{c}=EXCLUDED.{c}" for c in CONVERSATION_FIELDS),
            True, _JSON),
    _Insert("quaid_message", _MESSAGE_COLUMNS, "", True, _JSON),
    _Insert("quaid_event", _EVENT_COLUMNS, "", True, _JSON),
)


def _sqlite_statements(batch: Batch) -> list[tuple[str, list[Any]]]:
    """The batch's rows as ``INSERT`` statements with their parameters (SQLite)."""
    # the client's created_at as tortoise writes a DatetimeField: "2026-01-02 03:04:05.678901+00:00"
    return _statements(batch, (_INSERT_CLIENT, _UPSERT_CONVERSATION, _INSERT_MESSAGE, _INSERT_EVENT), str)


def _pg_statements(batch: Batch) -> list[tuple[str, list[Any]]]:
    """The batch's rows as ``INSERT`` statements with their parameters (PostgreSQL: numbered
    placeholders, the client's created_at an aware datetime as tortoise passes it)."""
    return _statements(batch, _PG_INSERTS, lambda now: now)


def _statements(batch: Batch, inserts: tuple[_Insert, ...],
                stamp: Callable[[datetime.datetime], Any]) -> list[tuple[str, list[Any]]]:
    clients, conversations, messages, events = inserts
    statements: list[tuple[str, list[Any]]] = []
    if batch.clients:
        now = stamp(datetime.datetime.now(datetime.UTC))
        clients.add(statements, [{"id": c["id"], "channel": c["channel"], "created_at": now}
                                 for c in _last_by_id(batch.clients)])
    if batch.conversations:
        conversations.add(statements, _last_by_id(batch.conversations))
    if batch.messages:
        messages.add(statements, batch.messages)
    if batch.events:
        events.add(statements, batch.events)
    return statements


def _write_sqlite(db: sqlite3.Connection, statements: list[tuple[str, list[Any]]],
                  expect: int | None = None, writes: Sequence[TurnWrite] = ()) -> tuple[int, list[Any]]:
    """Run `writes` (a handoff target's, :class:`TurnWrite`) then `statements` in one
    transaction, in the database connection's thread: one trip there and back for the whole
    group commit (each ``await`` of a query is one, and each hands the GIL back and forth
    with the event loop's thread). ``BEGIN IMMEDIATE``: the database's write lock is taken
    at once, not at the first ``INSERT``. Returns ``PRAGMA data_version`` read under that
    lock and the writes' results; when `expect` is given and differs (another process
    committed since), nothing is written (nor any write run)."""
    db.execute("BEGIN IMMEDIATE")
    results: list[Any] = []
    try:
        version = db.execute("PRAGMA data_version").fetchone()[0]
        if expect is None or version == expect:
            results = [_run_sqlite_write(write, db) for write in writes]
            for sql, params in statements:
                db.execute(sql, params)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return version, results


def _run_sqlite_write(write: TurnWrite, db: sqlite3.Connection) -> Any:
    try:
        if write.sqlite is None:
            raise TypeError("this TurnWrite has no write for the embedded SQLite (its `sqlite`)")
        return write.sqlite(db)
    except Exception as exc:
        raise TurnWriteFailed(write) from exc


async def _run_orm_write(write: TurnWrite, conn: Any) -> Any:
    try:
        if write.orm is None:
            raise TypeError("this TurnWrite has no write for this database (its `orm`)")
        return await write.orm(conn)
    except Exception as exc:
        raise TurnWriteFailed(write) from exc


def _merged(batches: list[Batch]) -> Batch:
    """The batches' rows in one batch: the batch itself when it is alone (the common case
    with few clients: no new Batch of seven lists and sets to fill)."""
    if len(batches) == 1:
        return batches[0]
    merged = Batch()
    for batch in batches:
        merged.extend(batch)
    return merged


def _hand_back(merged: Batch, batches: list[Batch]) -> None:
    """The results of a group's writes to the batches they came from."""
    if not merged.writes:
        return
    found = dict(zip(map(id, merged.writes), merged.results, strict=True))
    for batch in batches:
        batch.results = [found[id(write)] for write in batch.writes]


def _write_sqlite_locked(db: sqlite3.Connection, statements: list[tuple[str, list[Any]]], fd: int,
                         expect: int | None = None, writes: Sequence[TurnWrite] = ()) -> tuple[int, list[Any]]:
    """:func:`_write_sqlite` holding an exclusive ``flock`` on `fd` (``<database>.write-lock``),
    when several processes write one SQLite file (``quaid serve --workers N``). Without it, a
    writer that finds the database locked sleeps in SQLite's busy handler (1, 2, 5, 10 ... 100
    ms, polling) while the other process commits; the kernel wakes a process waiting on flock
    the moment the lock is released. Blocks the database connection's thread only."""
    return _call_locked(fd, _write_sqlite, db, statements, expect, writes)


def _call_locked(fd: int, work: Callable[..., T], *args: Any) -> T:
    """``work(*args)`` holding an exclusive ``flock`` on `fd` (see :func:`_write_sqlite_locked`)."""
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        return work(*args)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _settle(future: asyncio.Future[None], error: BaseException | None) -> None:
    if future.done():
        return
    if error is None:
        future.set_result(None)
    else:
        future.set_exception(error)


def _last_by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(rows) == 1:  # one turn's conversation: the list itself (nobody changes it)
        return rows
    by_id: dict[Any, dict[str, Any]] = {}
    for row in rows:
        by_id[row["id"]] = row
    return list(by_id.values())
