"""The core's durable outbox (quaidcore.outbox) on its own: idempotency, order, retries."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import time

import pytest

from quaidcore.outbox import GiveUp, Outbox, OutboxItem, Retry, WorkerSlot, backoff
from quaidcore.store import Store
from tests.conftest import ROOT, fresh_postgres

PG = "postgres://postgres@127.0.0.1:5432"


@pytest.fixture
async def store(tmp_path):
    opened = Store(f"sqlite://{tmp_path / 'outbox.sqlite3'}")
    await opened.open()
    yield opened
    await opened.close()


@pytest.fixture
async def pg_url():
    """A fresh PostgreSQL database (used from subprocesses only: tortoise keeps one dialect
    per process)."""
    async with fresh_postgres("quaid_outbox") as url:
        yield url


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


async def test_the_heartbeat_renews_a_short_lease_while_the_call_runs(store):
    calls = []

    async def slow(item):
        calls.append(item.key)
        await asyncio.sleep(0.8)  # longer than the lease: only the heartbeat keeps it

    first = Outbox(store.bound, "test", slow, lease_s=0.3, heartbeat_s=0.1)
    other = Outbox(store.bound, "test", slow, lease_s=0.3, heartbeat_s=0.1)
    await first.enqueue("k", "send", {})
    running = asyncio.create_task(first.run_once())
    for _ in range(8):  # another worker keeps looking while the call runs
        await asyncio.sleep(0.1)
        assert await other.run_once() == 0, "the lease was renewed: nobody else may claim the item"
    await running
    assert calls == ["k"] and (await first.get("k")).status == "done"


async def test_without_a_heartbeat_a_dead_workers_short_lease_lapses(store):
    clock = [1000.0]
    calls = []

    async def handler(item):
        calls.append((item.key, item.attempts))

    dead = Outbox(store.bound, "test", handler, lease_s=30, clock=lambda: clock[0])
    await dead.enqueue("k", "send", {})
    [item] = await dead.items()
    assert await dead._claim(item) == 1030.0  # claimed, then the process died (no save)
    survivor = Outbox(store.bound, "test", handler, clock=lambda: clock[0])
    clock[0] = 1029.0
    assert await survivor.run_once() == 0, "the lease still holds"
    clock[0] = 1030.5
    assert await survivor.run_once() == 1
    assert calls == [("k", 1)], "attempts > 0: the handler knows an earlier call may have gone through"


# A worker in another process: claims the item, starts the call, then hangs until killed.
WORKER = """
import asyncio, sys
from quaidcore.outbox import Outbox
from quaidcore.store import Store

async def main():
    store = Store(sys.argv[1])
    await store.open()
    async def hang(item):
        print("in flight", item.key, flush=True)
        await asyncio.sleep(3600)
    outbox = Outbox(store.bound, "test", hang, state_dir=sys.argv[2], poll_interval=0.05)
    prefix = sys.argv[3]
    await outbox.enqueue(f"{prefix}1", "send", {}, group=prefix)
    await outbox.enqueue(f"{prefix}2", "send", {}, group=prefix)
    print("slot", outbox.slot.number if outbox.slot else None, flush=True)
    await outbox.start()
    await asyncio.sleep(3600)

asyncio.run(main())
"""


def spawn_worker(db_url: str, state_dir, prefix: str = "k") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WORKER, db_url, str(state_dir), prefix],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)


# The restarted worker in its own process: runs a second and a half, prints its calls and
# the items' states.
RESTARTED = """
import asyncio, sys, time
from quaidcore.outbox import Outbox, OutboxItem
from quaidcore.store import Store

async def main():
    store = Store(sys.argv[1])
    await store.open()
    async def handler(item):
        print("call", item.key, item.attempts, flush=True)
    outbox = Outbox(store.bound, "test", handler, state_dir=sys.argv[2], poll_interval=0.05)
    await outbox.start()
    print("slot", outbox.slot.number, flush=True)
    await asyncio.sleep(1.5)
    await outbox.stop()
    with store.bound():
        for item in await OutboxItem.filter(target="test").order_by("id"):
            print("item", item.key, item.status, item.attempts, item.locked_until > time.time(), flush=True)
    await store.close()

asyncio.run(main())
"""


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)  # no clean stop: nothing is released on the way out
    proc.wait()
    proc.stdout.close()


def wait_line(proc: subprocess.Popen, prefix: str) -> str:
    for line in proc.stdout:
        if line.startswith(prefix):
            return line
    raise AssertionError(f"the worker ended before printing {prefix!r}")


async def test_a_restarted_worker_releases_the_lease_its_killed_incarnation_held(store, tmp_path):
    state = tmp_path / "state"
    proc = spawn_worker(store.url, state)
    try:
        await asyncio.wait_for(asyncio.to_thread(wait_line, proc, "in flight k1"), 60)
    finally:
        kill(proc)
    calls = []

    async def handler(item):
        calls.append((item.key, item.attempts))

    restarted = Outbox(store.bound, "test", handler, state_dir=state, poll_interval=0.05)
    [held, _] = await restarted.items()
    assert held.locked_until > time.time() + 20, "the killed worker's lease is still running"
    await restarted.start()
    try:
        assert restarted.slot.number == 0, "the same slot: the previous incarnation's identity"
        for _ in range(100):
            if len(calls) == 2:
                break
            await asyncio.sleep(0.02)
    finally:
        await restarted.stop()
    assert calls == [("k1", 1), ("k2", 0)], "released at once, in order; the retry knows it is one"
    assert [i.status for i in await restarted.items()] == ["done", "done"]


async def test_a_live_workers_lease_is_never_released_by_another(store, tmp_path):
    state = tmp_path / "state"
    alive = spawn_worker(store.url, state)
    try:
        await asyncio.wait_for(asyncio.to_thread(wait_line, alive, "in flight k1"), 60)
        calls = []

        async def handler(item):
            calls.append(item.key)

        # A second process on the same folder, and a worker of another host (its own folder)
        # sharing the database: neither can prove the holder dead, neither touches its claim.
        for folder in (state, tmp_path / "another-host"):
            other = Outbox(store.bound, "test", handler, state_dir=folder, poll_interval=0.05)
            await other.start()
            assert other.slot.number == (1 if folder == state else 0)
            await asyncio.sleep(0.5)
            await other.stop()
            assert other.slot.number is None  # released at stop
        assert calls == [], "the holder is alive (its slot is locked): its claim stands"
        [held, waiting] = await other.items()
        assert held.status == "pending" and held.attempts == 1 and held.locked_until > time.time()
        assert waiting.attempts == 0
    finally:
        kill(alive)


async def test_a_journal_claim_that_another_worker_superseded_is_left_alone(store, tmp_path):
    async def handler(item):
        return None

    box = Outbox(store.bound, "test", handler)
    await box.enqueue("k", "send", {})
    [item] = await box.items()
    # A dead worker's journal says it held attempt 1 with lease 1.0; since then another
    # worker claimed the item again (attempt 2) and holds it.
    slot = WorkerSlot(tmp_path / "state", "test")
    slot.folder.mkdir(parents=True)
    (slot.folder / "test.0.json").write_text(json.dumps({str(item.id): {"attempts": 1, "leases": [1.0]}}))
    with store.bound():
        await OutboxItem.filter(id=item.id).update(attempts=2, locked_until=time.time() + 30)
    restarted = Outbox(store.bound, "test", handler, state_dir=tmp_path / "state")
    await restarted.start()
    try:
        for _ in range(50):
            if restarted._recovered:
                break
            await asyncio.sleep(0.02)
    finally:
        await restarted.stop()
    item = await box.get("k")
    assert item.attempts == 2 and item.locked_until > time.time() + 20, "the live claim stands"


async def test_on_postgres_a_restart_releases_only_its_dead_incarnations_lease(pg_url, tmp_path):
    """Two hosts (two data folders) share one PostgreSQL database; each has a call in flight.
    Host A is killed and restarted: it releases its own dead claim at once, and leaves host
    B's live claim alone."""
    host_a = spawn_worker(pg_url, tmp_path / "host-a", "a")
    host_b = None
    try:
        await asyncio.wait_for(asyncio.to_thread(wait_line, host_a, "in flight a1"), 60)
        host_b = spawn_worker(pg_url, tmp_path / "host-b", "b")
        await asyncio.wait_for(asyncio.to_thread(wait_line, host_b, "in flight b1"), 60)
        kill(host_a)
        restarted = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-c", RESTARTED, pg_url, str(tmp_path / "host-a")],
            capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert restarted.returncode == 0, restarted.stderr[-3000:]
        lines = restarted.stdout.splitlines()
    finally:
        if host_a.poll() is None:
            kill(host_a)
        if host_b is not None:
            kill(host_b)
    assert "slot 0" in lines
    assert [line for line in lines if line.startswith("call")] == ["call a1 1", "call a2 0"], lines
    items = {line.split()[1]: line.split()[2:] for line in lines if line.startswith("item")}
    assert items["a1"] == ["done", "2", "False"] and items["a2"] == ["done", "1", "False"]
    assert items["b1"] == ["pending", "1", "True"], "host B is alive: its claim stands"
    assert items["b2"] == ["pending", "0", "False"], "and its conversation's next item waits for it"
