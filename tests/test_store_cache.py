"""The embedded default's conversation cache (quaidcore.store): bounded by its byte count,
which is kept turn by turn instead of summed again over each transcript."""

from __future__ import annotations

import json

from quaidcore.store import CACHE_ENTRY_BYTES, MESSAGE_ENTRY_BYTES, Batch, Store


def _turn(conv: str, n: int, created: bool) -> Batch:
    row = {"id": conv, "channel": "web", "client_id": None, "brain": "default", "lang": "en",
           "created_at": 0.0, "stage": "ready", "owner": "bot", "outcome": None,
           "state": f'{{"stage": "ready", "turns": {n}}}', "updated_at": float(n)}
    said = [{"conversation_id": conv, "direction": d, "author": a, "text": f"{a} says {'x' * n}",
             "kind": None, "code": None, "payload": {}, "at": float(n)} for d, a in (("in", "client"), ("out", "bot"))]
    return Batch(conversations=[row], messages=said, created={conv} if created else set())


def _recount(store: Store) -> int:
    return sum(CACHE_ENTRY_BYTES + len(row["state"])
               + sum(MESSAGE_ENTRY_BYTES + len(line[2]) for line in row.get("transcript") or ())
               for row in store._recent.values())


def test_the_cache_keeps_its_byte_count_and_its_bound():
    store = Store("sqlite://:memory:", workers=1)
    store.cache_size = 40 * CACHE_ENTRY_BYTES
    for n in range(30):
        for conv in ("a" * 32, "b" * 32, f"{n:032x}"):
            store._remember(_turn(conv, n, created=n == 0 or conv not in ("a" * 32, "b" * 32)))
            assert store._cached_bytes == _recount(store) <= store.cache_size
    assert len(store._recent["a" * 32]["transcript"]) == 60  # every turn's two lines, in order
    assert store._recent["a" * 32]["transcript"][-1][2].endswith("x" * 29)
    assert "0" * 32 not in store._recent  # the oldest went first
    store._forget_cached("b" * 32)
    assert store._cached_bytes == _recount(store)


async def test_a_turn_s_state_is_kept_with_its_cached_row_and_read_back_without_parsing(quaid_harness):
    """The next turn takes the State the last one stored (no JSON parsed back), the same
    State the row's JSON holds; a row read from the database (none kept) is parsed."""
    from quaidcore.app import _STATE
    from quaidcore.dialogue import State

    bot = await quaid_harness()
    conv = await bot.conversation()
    await conv.say("how much is an eta")
    host, store = bot.quaid, bot.quaid.store
    row = store.cached_row(conv.id)
    kept = row[_STATE]
    assert kept == State.from_json(json.loads(row["state"])) and kept.turns == 1
    assert (await host._load(conv.id))[1] is kept  # taken as it is
    store._recent.clear()  # as after another process's change: the row comes from the database
    read = await store.conversation_row(conv.id)
    assert _STATE not in read
    state = (await host._load(conv.id))[1]
    assert state == kept and state is not kept
    await conv.say("and for a child")  # the turn after a parsed row stores its own State again
    assert store.cached_row(conv.id)[_STATE].turns == 2
