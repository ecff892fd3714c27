"""PostgreSQL scenarios, run in a fresh process by test_postgres.py: tortoise-orm's models
are process-wide and keep the SQL dialect of the first database a process used, so a test
process that already talked to SQLite cannot switch to PostgreSQL."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from quaidcore import Inbound
from quaidcore.testing import make_harness

DEMO_CONFIG = Path(__file__).resolve().parent.parent / "config" / "quaid.yaml"


async def restart(url: str) -> None:
    tmp = Path(tempfile.mkdtemp())
    first = await make_harness(tmp / "a", config={"database_url": url}, config_file=DEMO_CONFIG)
    assert first.quaid.store.url.startswith("postgres") and first.quaid.store.cache_size == 0
    conv = await first.conversation()
    replies = await conv.say("how much does an eta cost")
    assert replies[0].code == "010102", replies
    await first.quaid.stop()
    second = await make_harness(tmp / "b", config={"database_url": url}, config_file=DEMO_CONFIG)
    try:
        replies = await second.quaid.handle(Inbound("test", conv.id, payload="YES"))
        assert replies[0].text.startswith("Glad I could help"), replies
        stored = await second.quaid.store.conversation(conv.id)
        assert stored.outcome == "resolved_by_bot"
    finally:
        await second.quaid.stop()


async def concurrent(url: str) -> None:
    bot = await make_harness(Path(tempfile.mkdtemp()), config={"database_url": url}, config_file=DEMO_CONFIG)
    try:
        conversations = [await bot.conversation() for _ in range(20)]
        results = await asyncio.gather(*(c.say("can i work while i study") for c in conversations))
        assert all(r[0].code == "050501" for r in results), results
        for c in conversations:
            kinds = [m.kind for m in await bot.quaid.store.messages(c.id)]
            assert kinds == ["greeting", "system", None, "answer", "survey"], kinds
    finally:
        await bot.quaid.stop()


async def two_workers(url: str) -> None:
    """Two runtimes on one database take turns on one conversation: with the advisory lock,
    no turn is lost (each reads the state the other committed)."""
    tmp = Path(tempfile.mkdtemp())
    a = await make_harness(tmp / "a", config={"database_url": url}, config_file=DEMO_CONFIG)
    b = await make_harness(tmp / "b", config={"database_url": url}, config_file=DEMO_CONFIG)
    try:
        conv = await a.conversation()
        workers = [a.quaid, b.quaid] * 8
        await asyncio.gather(*(w.handle(Inbound("test", conv.id, text="hello")) for w in workers))
        stored = await a.quaid.store.conversation(conv.id)
        assert stored.state["turns"] == len(workers), stored.state
        assert len([m for m in await a.quaid.store.messages(conv.id) if m.direction == "in"]) == len(workers)
    finally:
        await b.quaid.stop()
        await a.quaid.stop()


async def cross_worker_delivery(url: str) -> None:
    """The client's WebSocket is held by worker B; the agent answers through worker A; the
    reply reaches the client through PostgreSQL LISTEN/NOTIFY."""
    from conftest import serving

    tmp = Path(tempfile.mkdtemp())
    a = await make_harness(tmp / "a", config={"database_url": url}, config_file=DEMO_CONFIG)
    b = await make_harness(tmp / "b", config={"database_url": url}, config_file=DEMO_CONFIG)
    async with serving(a.quaid) as http_a, serving(b.quaid) as http_b:
        async with http_a.post("/api/web/conversations") as resp:
            conv = (await resp.json())["conversation_id"]
        async with http_b.ws_connect(f"/api/web/conversations/{conv}/events") as ws:
            async with http_b.post(f"/api/web/conversations/{conv}/messages", json={"payload": "PERSON"}) as resp:
                assert (await resp.json())["replies"][-1]["kind"] == "handoff"
            await a.quaid.agent_reply(conv, "Hello from worker A", code="010101")
            pushed = (await ws.receive_json(timeout=10))["replies"][0]
            assert (pushed["text"], pushed["code"], pushed["kind"]) == ("Hello from worker A", "010101", "agent")
            await a.quaid.resolve(conv)
            survey = (await ws.receive_json(timeout=10))["replies"][0]
            assert survey["kind"] == "survey"


async def conversation_row(url: str) -> None:
    """The message path's read of a conversation: one raw statement, not the ORM's, with the
    columns and state the ORM's model gave."""
    from tortoise import connections

    from quaidcore.models import Conversation
    from quaidcore.store import _CONVERSATION_COLUMNS, _json_text

    bot = await make_harness(Path(tempfile.mkdtemp()), config={"database_url": url}, config_file=DEMO_CONFIG)
    store = bot.quaid.store
    try:
        conv = await bot.conversation()
        await conv.say("how much does an eta cost")
        with store.bound():
            model = await Conversation.get(id=conv.id)
            conn = connections.get("default")
        expected = {name: getattr(model, name) for name in _CONVERSATION_COLUMNS}
        expected["state"] = _json_text(expected["state"])
        statements: list[str] = []

        def counted(execute):
            async def run(sql, values=None):
                statements.append(sql)
                return await execute(sql, values)

            return run

        for name in ("execute_query", "execute_query_dict"):
            setattr(conn, name, counted(getattr(conn, name)))
        row = await store.conversation_row(conv.id)
        select = "SELECT " + ", ".join(_CONVERSATION_COLUMNS) + " FROM quaid_conversation WHERE id = $1"
        assert statements == [select], statements
        assert row == expected, (row, expected)
        assert [type(v) for v in row.values()] == [type(v) for v in expected.values()]
        assert await store.conversation_row("nope") is None and len(statements) == 2
    finally:
        await bot.quaid.stop()


if __name__ == "__main__":
    scenarios = {"restart": restart, "concurrent": concurrent, "two_workers": two_workers,
                 "cross_worker_delivery": cross_worker_delivery, "conversation_row": conversation_row}
    asyncio.run(scenarios[sys.argv[1]](sys.argv[2]))
    print("ok")
