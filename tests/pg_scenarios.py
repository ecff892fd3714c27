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
        me = asyncio.current_task()  # the helpdesk's clock-driven tasks (the feed's prune) share the connection

        def counted(execute):
            async def run(sql, values=None):
                if asyncio.current_task() is me:
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


async def group_commit(url: str) -> None:
    """The group commit on PostgreSQL: one raw statement a table (the ORM's bulk_create
    before), writing the rows the ORM wrote for the same batch: a new client and a known one,
    a new conversation and an update of a known one (JSON state as text and as a dict),
    messages with and without a payload, events."""
    import time

    from tortoise import connections
    from tortoise.backends.asyncpg.client import TransactionWrapper
    from tortoise.transactions import in_transaction

    from quaidcore.models import Client, Conversation, EventRecord, Message
    from quaidcore.store import CONVERSATION_FIELDS, Batch, _last_by_id

    bot = await make_harness(Path(tempfile.mkdtemp()), config={"database_url": url}, config_file=DEMO_CONFIG)
    store = bot.quaid.store
    now = time.time()

    def batch(tag: str) -> Batch:
        def conversation(n: int, stage: str, state: object) -> dict[str, object]:
            return {"id": f"{tag}-c{n}", "created_at": now, "channel": "web", "client_id": f"{tag}-k{n}",
                    "brain": "default", "lang": "fr", "stage": stage, "owner": "bot", "outcome": None,
                    "state": state, "updated_at": now + n}

        return Batch(
            clients=[{"id": f"{tag}-k1", "channel": "web"}, {"id": f"{tag}-k2", "channel": "web"}],
            conversations=[conversation(1, "new", "{}"), conversation(2, "asked", {"turns": 1, "é": [1.5, None]}),
                           conversation(1, "answered", '{"last": "010102", "turns": 2}')],
            messages=[{"conversation_id": f"{tag}-c1", "direction": "in", "author": "client", "text": "allô",
                       "kind": None, "code": None, "payload": None, "at": now},
                      {"conversation_id": f"{tag}-c1", "direction": "out", "author": "bot", "text": "Réponse",
                       "kind": "answer", "code": "010102", "payload": {"quick_replies": [{"payload": "YES"}]},
                       "at": now + 0.5}],
            events=[{"type": "message_in", "conversation_id": f"{tag}-c1", "channel": "web", "data": {},
                     "at": now, "lang": "fr", "code": None, "lob": None},
                    {"type": "solution_sent", "conversation_id": f"{tag}-c1", "channel": "web",
                     "data": {"code": "010102", "n": 2}, "at": now + 0.5, "lang": "fr", "code": "010102",
                     "lob": "01"}],
            created={f"{tag}-c1"})

    async def orm_commit(rows: Batch) -> None:  # the store's commit before: the ORM's bulk_create
        async with in_transaction() as conn:
            await Client.bulk_create([Client(**c) for c in _last_by_id(rows.clients)], using_db=conn,
                                     ignore_conflicts=True)
            await Conversation.bulk_create([Conversation(**c) for c in _last_by_id(rows.conversations)],
                                           using_db=conn, on_conflict=["id"], update_fields=CONVERSATION_FIELDS)
            await Message.bulk_create([Message(**m) for m in rows.messages], using_db=conn)
            await EventRecord.bulk_create([EventRecord(**e) for e in rows.events], using_db=conn)

    async def rows_of(tag: str) -> list[list[tuple[object, ...]]]:
        conn = connections.get("default")
        out = []
        for sql in ("SELECT channel, created_at FROM quaid_client WHERE id LIKE $1 ORDER BY id",
                    "SELECT * FROM quaid_conversation WHERE id LIKE $1 ORDER BY id",
                    "SELECT * FROM quaid_message WHERE conversation_id LIKE $1 ORDER BY id",
                    "SELECT * FROM quaid_event WHERE conversation_id LIKE $1 ORDER BY id"):
            _, found = await conn.execute_query(sql, [f"{tag}-%"])
            out.append([tuple(str(v).replace(tag, "T") if isinstance(v, str) else v
                              for k, v in row.items() if k != "id") for row in found])
        return out

    try:
        with store.bound():
            for tag in ("orm", "raw"):  # known clients and conversations first (a conflict each)
                await orm_commit(Batch(clients=[{"id": f"{tag}-k1", "channel": "web"}],
                                       conversations=[batch(tag).conversations[1]]))
            await orm_commit(batch("orm"))
            statements: list[str] = []  # what the transaction's connection is asked to run
            originals = {name: getattr(TransactionWrapper, name) for name in
                         ("execute_query", "execute_query_dict", "execute_insert", "execute_many")}

            def counted(execute):
                async def run(self, sql, values=None):
                    statements.append(sql)
                    return await execute(self, sql, values)

                return run

            for name, execute in originals.items():
                setattr(TransactionWrapper, name, counted(execute))
            try:
                await store._commit(batch("raw"))
            finally:
                for name, execute in originals.items():
                    setattr(TransactionWrapper, name, execute)
            orm, raw = await rows_of("orm"), await rows_of("raw")
        heads = [s.split(" (")[0] for s in statements]
        assert heads == ["INSERT INTO quaid_client", "INSERT INTO quaid_conversation", "INSERT INTO quaid_message",
                         "INSERT INTO quaid_event"], statements
        assert all("$1" in s and '"' not in s for s in statements), statements
        assert [len(r) for r in raw] == [2, 2, 2, 2], raw
        created = [row[1] for row in raw[0]], [row[1] for row in orm[0]]
        assert all(abs((a - b).total_seconds()) < 60 for a, b in zip(*created, strict=True)), created
        assert [[r[:1] for r in raw[0]], *raw[1:]] == [[r[:1] for r in orm[0]], *orm[1:]], (raw, orm)
    finally:
        await bot.quaid.stop()


if __name__ == "__main__":
    scenarios = {"restart": restart, "concurrent": concurrent, "two_workers": two_workers,
                 "cross_worker_delivery": cross_worker_delivery, "conversation_row": conversation_row,
                 "group_commit": group_commit}
    asyncio.run(scenarios[sys.argv[1]](sys.argv[2]))
    print("ok")
