"""The store runs a batch's writes (TurnWrite) in the batch's own transaction, on the embedded
SQLite with one worker and with several (``_write_sqlite_locked``): their results come back
after the commit, and a write or a row that fails leaves nothing of the batch."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from quaidcore import TurnWrite, TurnWriteFailed
from quaidcore.store import Batch, Store


@pytest.fixture(params=[1, 2], ids=["one_worker", "two_workers"])
async def store(request, tmp_path) -> AsyncIterator[Store]:
    opened = Store(f"sqlite://{tmp_path / 'quaid.sqlite3'}", workers=request.param)
    await opened.open()
    await opened.in_db_thread(lambda db: db.execute("CREATE TABLE side (note TEXT NOT NULL)"))
    yield opened
    await opened.close()


def event(conversation_id: str | None, note: str = "x") -> dict[str, Any]:
    return {"type": "test", "conversation_id": conversation_id, "channel": "web", "data": {"note": note},
            "at": time.time(), "lang": None, "code": None, "lob": None}


def note(text: str) -> TurnWrite:
    return TurnWrite(sqlite=lambda db: db.execute("INSERT INTO side (note) VALUES (?)", (text,)).lastrowid)


def counts(store: Store) -> tuple[int, int]:
    with sqlite3.connect(store.url.removeprefix("sqlite://")) as db:
        return (db.execute("SELECT count(*) FROM side").fetchone()[0],
                db.execute("SELECT count(*) FROM quaid_event").fetchone()[0])


async def test_writes_commit_with_the_rows_and_hand_back_their_results(store):
    batches = [Batch(events=[event(f"c{i}")], writes=[note(f"n{i}")]) for i in range(5)]
    await asyncio.gather(*(store.write(batch) for batch in batches))  # one group commit or more
    assert sorted(r for b in batches for r in b.results) == [1, 2, 3, 4, 5]
    assert all(len(b.results) == 1 for b in batches)
    assert counts(store) == (5, 5)


async def test_a_row_that_fails_after_the_write_leaves_neither(store):
    bad = Batch(events=[event(None)], writes=[note("ran, then rolled back")])  # conversation_id NOT NULL
    good = Batch(events=[event("c1")], writes=[note("kept")])
    results = await asyncio.gather(store.write(bad), store.write(good), return_exceptions=True)
    assert isinstance(results[0], sqlite3.IntegrityError) and results[1] is None
    assert counts(store) == (1, 1), "the good batch alone is stored"
    assert good.results == [1], "the rolled-back write left no row behind"


async def test_a_write_that_raises_is_a_turn_write_failed_and_stores_nothing(store):
    def fail(db: sqlite3.Connection) -> None:
        db.execute("INSERT INTO side (note) VALUES ('written before the error')")
        raise ValueError("the target's write failed")
    write = TurnWrite(sqlite=fail)
    with pytest.raises(TurnWriteFailed) as caught:
        await store.write(Batch(events=[event("c1")], writes=[write]))
    assert caught.value.write is write and isinstance(caught.value.__cause__, ValueError)
    assert counts(store) == (0, 0)
    with pytest.raises(TurnWriteFailed):  # no write for this database
        await store.write(Batch(events=[event("c1")], writes=[TurnWrite(orm=lambda conn: None)]))
    assert counts(store) == (0, 0)
