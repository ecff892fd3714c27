"""The core's durable outbox (quaidcore.outbox) on its own: idempotency, order, retries."""

from __future__ import annotations

import asyncio

import pytest

from quaidcore.outbox import GiveUp, Outbox, Retry, backoff
from quaidcore.store import Store


@pytest.fixture
async def store(tmp_path):
    opened = Store(f"sqlite://{tmp_path / 'outbox.sqlite3'}")
    await opened.open()
    yield opened
    await opened.close()


def test_backoff_doubles_up_to_the_cap():
    assert [backoff(n, 1.0, 10.0) for n in range(1, 7)] == [1, 2, 4, 8, 10, 10]
    assert backoff(3, 1.0, 10.0, jitter=0.1, rand=lambda: 1.0) == pytest.approx(4.4)


async def test_enqueue_is_idempotent_per_key(store):
    calls = []

    async def handler(item):
        calls.append(item.key)

    outbox = Outbox(store.bound, "test", handler)
    assert await outbox.enqueue("k1", "send", {"n": 1}) is True
    assert await outbox.enqueue("k1", "send", {"n": 2}) is False
    assert await Outbox(store.bound, "other", handler).enqueue("k1", "send", {}) is True, "keys are per target"
    assert await outbox.run_once() == 1
    assert await outbox.run_once() == 0
    assert calls == ["k1"] and (await outbox.get("k1")).payload == {"n": 1}


async def test_a_group_runs_in_order_and_waits_for_a_failing_item(store):
    calls, fail = [], {"a": 2}

    async def handler(item):
        calls.append(item.key)
        if fail.get(item.key, 0) > 0:
            fail[item.key] -= 1
            raise ConnectionError("partner down")
        return {"ok": item.key}

    outbox = Outbox(store.bound, "test", handler, base_delay=0.01, max_delay=0.01, jitter=0)
    for key in ("a", "b", "c"):
        await outbox.enqueue(key, "send", {}, group="conversation-1")
    await outbox.enqueue("x", "send", {}, group="conversation-2")
    await outbox.run_once()
    assert calls == ["a", "x"], "b and c wait for a; another group goes on"
    for _ in range(20):
        await asyncio.sleep(0.02)
        await outbox.run_once()
    assert calls == ["a", "x", "a", "a", "b", "c"]
    assert [(i.key, i.status, i.attempts) for i in await outbox.items()] == [
        ("a", "done", 3), ("b", "done", 1), ("c", "done", 1), ("x", "done", 1)]
    assert (await outbox.get("a")).result == {"ok": "a"}


async def test_retry_after_give_up_and_max_attempts(store):
    async def handler(item):
        if item.key == "rate-limited":
            raise Retry(30, "429")
        if item.key == "rejected":
            raise GiveUp("400 bad request")
        raise RuntimeError("always failing")

    clock = [1000.0]
    outbox = Outbox(store.bound, "test", handler, base_delay=1, max_attempts=2, jitter=0, clock=lambda: clock[0])
    for key in ("rate-limited", "rejected", "flaky"):
        await outbox.enqueue(key, "send", {})
    await outbox.run_once()
    items = {i.key: i for i in await outbox.items()}
    assert items["rate-limited"].next_attempt_at == 1030.0 and items["rate-limited"].status == "pending"
    assert items["rejected"].status == "dead" and "400" in items["rejected"].last_error
    assert items["flaky"].next_attempt_at == 1001.0
    clock[0] = 1001.0
    await outbox.run_once()
    items = {i.key: i for i in await outbox.items()}
    assert items["flaky"].status == "dead" and items["flaky"].attempts == 2
    assert items["rate-limited"].attempts == 1, "not due before its Retry-After"


async def test_two_workers_make_each_attempt_once(store):
    calls = []

    async def handler(item):
        calls.append(item.key)
        await asyncio.sleep(0.01)

    workers = [Outbox(store.bound, "test", handler) for _ in range(2)]
    for n in range(10):
        await workers[0].enqueue(f"k{n}", "send", {})
    await asyncio.gather(*(w.run_once() for w in workers))
    assert sorted(calls) == sorted(f"k{n}" for n in range(10))


async def test_the_worker_runs_in_the_background_and_stops(store):
    done = asyncio.Event()

    async def handler(item):
        done.set()

    outbox = Outbox(store.bound, "test", handler, poll_interval=0.05)
    await outbox.start()
    await outbox.enqueue("k", "send", {})
    await asyncio.wait_for(done.wait(), 5)
    await outbox.stop()
    assert await outbox.pending() == 0
