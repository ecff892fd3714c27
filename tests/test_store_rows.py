"""The SQLite group commit's rows (quaidcore.store._Insert): what is stored, value by value
and type by type, whatever the batch's size (statements of up to ROWS_PER_STATEMENT rows)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator
from typing import Any

import pytest

from quaidcore.store import ROWS_PER_STATEMENT, Batch, Store, _sqlite_statements


@pytest.fixture
async def store(tmp_path) -> AsyncIterator[Store]:
    opened = Store(f"sqlite://{tmp_path / 'quaid.sqlite3'}", workers=1)
    await opened.open()
    yield opened
    await opened.close()


def rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(store.url.removeprefix("sqlite://")) as db:
        return db.execute(sql).fetchall()


def conversation(conv: str, state: Any, at: float) -> dict[str, Any]:
    return {"id": conv, "created_at": 1.5, "channel": "web", "client_id": "p1", "brain": "default",
            "lang": "fr", "stage": "ready", "owner": "bot", "outcome": None, "state": state, "updated_at": at}


async def test_every_value_is_stored_with_its_type_in_statements_of_bounded_size(store):
    count = 2 * ROWS_PER_STATEMENT + 7
    messages = [{"conversation_id": "c1", "direction": "out", "author": "bot", "text": f"t{i}",
                 "kind": "answer" if i % 2 else None, "code": "123456" if i % 3 else None,
                 "payload": [{"n": i, "é": "ü"}, ["a", 1.5], None][i % 3], "at": 1000.0 + i} for i in range(count)]
    events = [{"type": "plugin", "conversation_id": "c1", "channel": "web", "data": {"i": 1}, "at": 2.0},
              {"type": "solution_sent", "conversation_id": "c1", "channel": "web", "data": {"code": "123456"},
               "at": 3.0, "lang": "en", "lob": "12", "code": "123456"},
              {"type": "big", "conversation_id": "c1", "channel": "web", "data": {1: "x", "n": 2 ** 70},
               "at": 4.0, "lang": None, "lob": None, "code": None}]
    batch = Batch(clients=[{"id": "p1", "channel": "web"}, {"id": "p1", "channel": "web"}],
                  conversations=[conversation("c1", {"a": 1}, 5.0), conversation("c2", '{"b": 2}', 6.0),
                                 conversation("c1", {"a": 3}, 7.0)],
                  messages=messages, events=events, created={"c1", "c2"})
    statements = _sqlite_statements(batch)
    assert [len(params) for _, params in statements] == [3, 2 * 11] + [ROWS_PER_STATEMENT * 8] * 2 + [7 * 8, 3 * 8]
    assert all(sql.count("?") == len(params) for sql, params in statements)
    await store.write(batch)

    assert rows(store, "SELECT id, channel, typeof(created_at) FROM quaid_client") == [("p1", "web", "text")]
    assert rows(store, "SELECT id, state, typeof(state), updated_at, outcome FROM quaid_conversation ORDER BY id") == [
        ("c1", '{"a":3}', "text", 7.0, None), ("c2", '{"b": 2}', "text", 6.0, None)]  # the last row of each
    stored = rows(store, "SELECT direction, author, text, kind, code, payload, typeof(payload), at "
                         "FROM quaid_message ORDER BY id")
    assert len(stored) == count
    for row, (direction, author, text, kind, code, payload, kind_of_payload, at) in zip(messages, stored, strict=True):
        assert (direction, author, text, kind, code, at) == (row["direction"], row["author"], row["text"],
                                                             row["kind"], row["code"], row["at"])
        assert (payload, kind_of_payload) == ((None, "null") if row["payload"] is None
                                              else (json.dumps(row["payload"], ensure_ascii=False,
                                                               separators=(",", ":")), "text"))
    assert rows(store, "SELECT type, data, typeof(data), at, lang, lob, code FROM quaid_event ORDER BY id") == [
        ("plugin", '{"i":1}', "text", 2.0, None, None, None),  # a row without some columns: NULL there
        ("solution_sent", '{"code":"123456"}', "text", 3.0, "en", "12", "123456"),
        ("big", json.dumps({1: "x", "n": 2 ** 70}), "text", 4.0, None, None, None)]  # what orjson refuses


async def test_the_same_row_count_reuses_its_statement_and_a_new_count_gets_its_own(store):
    def batch(n: int) -> Batch:
        return Batch(events=[{"type": "t", "conversation_id": "c", "channel": "web", "data": {}, "at": float(i),
                              "lang": None, "lob": None, "code": None} for i in range(n)])
    (one, _), = _sqlite_statements(batch(1))
    (three, params), = _sqlite_statements(batch(3))
    assert _sqlite_statements(batch(1))[0][0] is one  # made once
    assert one.count("?") == 8 and three.count("?") == 24 == len(params)
    for n in (1, 3):
        await store.write(batch(n))
    assert rows(store, "SELECT at, typeof(data) FROM quaid_event ORDER BY id") == [  # "{}"
        (0.0, "text"), (0.0, "text"), (1.0, "text"), (2.0, "text")]
