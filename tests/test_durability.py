"""A reply leaves only after its rows are committed (issue 13: every optimisation keeps it).

Fault injection on the store's commit, through the real web API: the database writer
stalls mid-batch (no answer while the rows are not stored, and none of them readable from
another connection), then fails inside the transaction after some rows were written, or is
killed outright: the client gets an error, never a reply, and none of the turn's rows is
stored; the other conversations of the same group commit are stored and answered once.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import pytest

from quaidcore import store as store_module
from tests.conftest import serving

MARK = "zanzibar"  # a word no redactor masks, to find the turn's rows


def stored_texts(bot: Any) -> list[str]:
    """Client messages committed so far, read through a connection of our own (WAL: only
    what is committed is visible)."""
    path = bot.quaid.store.url.removeprefix("sqlite://")
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT text FROM quaid_message WHERE direction = 'in'")]


async def open_conversation(http: Any) -> str:
    async with http.post("/api/web/conversations", json={}) as resp:
        assert resp.status == 201
        return (await resp.json())["conversation_id"]


def post(http: Any, conv: str, text: str) -> Any:
    async def send() -> tuple[int, dict[str, Any]]:
        async with http.post(f"/api/web/conversations/{conv}/messages", json={"text": text}) as resp:
            if resp.content_type == "application/json":
                return resp.status, await resp.json()
            return resp.status, {"error": await resp.text()}  # aiohttp's own 500: no reply in it
    return asyncio.ensure_future(send())


@pytest.fixture
async def web_bot(demo_harness):
    bot = await demo_harness(config={"plugins": {"web": {"rate_limit_per_minute": 0}}})
    async with serving(bot.quaid) as http:
        yield bot, http


async def test_no_reply_while_the_commit_is_stalled_then_the_reply_follows_the_rows(web_bot, monkeypatch):
    bot, http = web_bot
    store = bot.quaid.store
    conv = await open_conversation(http)
    entered, release = asyncio.Event(), asyncio.Event()
    commit = store._commit

    async def stalled(batch: Any, *rest: Any) -> Any:
        if any(MARK in (m.get("text") or "") for m in batch.messages):
            entered.set()
            await release.wait()  # the writer hangs mid-batch
        return await commit(batch, *rest)
    monkeypatch.setattr(store, "_commit", stalled)

    pending = post(http, conv, f"how much is an eta {MARK}")
    await asyncio.wait_for(entered.wait(), 30)
    await asyncio.sleep(0.5)
    assert not pending.done(), "a reply left before its rows were committed"
    assert not any(MARK in t for t in stored_texts(bot))
    release.set()
    status, body = await asyncio.wait_for(pending, 30)
    assert status == 200 and body["replies"], body
    # the moment the reply is out, its rows are readable by anyone
    assert any(MARK in t for t in stored_texts(bot))


async def test_a_commit_failing_mid_transaction_sends_no_reply_and_stores_nothing(web_bot, monkeypatch):
    bot, http = web_bot
    convs = [await open_conversation(http) for _ in range(4)]
    original = store_module._write_sqlite

    def half_then_fail(db: sqlite3.Connection, statements: list[tuple[str, list[Any]]], *rest: Any) -> Any:
        # in the database's thread, inside the group's transaction: the batch's first rows
        # (its conversations) are written, then the disk fails
        if not any(MARK in str(value) for _, params in statements for value in params):
            return original(db, statements, *rest)

        class Failing:
            def __init__(self) -> None:
                self.statements = 0

            def execute(self, sql: str, params: Any = ()) -> Any:
                if sql.startswith("INSERT"):
                    self.statements += 1
                    if self.statements > 1:
                        raise sqlite3.OperationalError("disk I/O error (injected mid-batch)")
                return db.execute(sql, params)

            @property
            def in_transaction(self) -> bool:
                return db.in_transaction
        return original(Failing(), statements, *rest)
    monkeypatch.setattr(store_module, "_write_sqlite", half_then_fail)

    sockets = {}
    for conv in convs:
        sockets[conv] = await http.ws_connect(f"/api/web/conversations/{conv}/events")
    texts = [f"can i work while i study {MARK}" if i == 1 else "can i work while i study"
             for i in range(len(convs))]
    results = await asyncio.gather(*(post(http, c, t) for c, t in zip(convs, texts, strict=True)))
    statuses = [status for status, _ in results]
    assert statuses[1] >= 500 and "replies" not in results[1][1], results[1]
    assert [s for i, s in enumerate(statuses) if i != 1] == [200] * 3
    assert all(body["replies"][0]["code"] == "050501" for i, (_, body) in enumerate(results) if i != 1)
    stored = stored_texts(bot)
    assert not any(MARK in t for t in stored), "no row of the failed turn is stored"
    assert stored.count("can i work while i study") == 3, "every good turn of the group is stored once"
    with pytest.raises(asyncio.TimeoutError):  # and nothing was pushed for it either
        await sockets[convs[1]].receive(timeout=0.5)
    state = await bot.quaid.store.conversation(convs[1])
    assert state.state.get("turns", 0) == 0, "the failed turn did not advance the conversation"
    for ws in sockets.values():
        await ws.close()


async def test_a_writer_killed_mid_batch_answers_an_error_not_a_reply(web_bot, monkeypatch):
    bot, http = web_bot
    store = bot.quaid.store
    conv = await open_conversation(http)
    entered = asyncio.Event()
    commit = store._commit

    async def hang(batch: Any, *rest: Any) -> Any:
        if any(MARK in (m.get("text") or "") for m in batch.messages):
            entered.set()
            await asyncio.Event().wait()  # until the writer is killed
        return await commit(batch, *rest)
    monkeypatch.setattr(store, "_commit", hang)

    pending = post(http, conv, f"how much is an eta {MARK}")
    await asyncio.wait_for(entered.wait(), 30)
    store._writer.cancel()  # the database writer dies mid-batch
    status, body = await asyncio.wait_for(pending, 30)
    assert status >= 500 and "replies" not in body, body
    assert not any(MARK in t for t in stored_texts(bot))
    later = post(http, conv, "how much is an eta")  # no reply can leave uncommitted afterwards
    status, body = await asyncio.wait_for(later, 30)
    assert status >= 500 and "replies" not in body, body
    store._writer = None  # closed already: let the harness stop cleanly
