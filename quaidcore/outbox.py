"""The durable outbox: calls to outside services (Freshdesk, SMTP, Send APIs) with retries.

A plugin never calls a partner inline from a conversation. It *enqueues* the call in the
store, durable before the client is told anything, and a background worker makes it,
retrying with exponential backoff, so a partner outage or a restart loses nothing::

    outbox = host.outbox("freshdesk", handler)   # the host starts and stops its worker
    await outbox.enqueue("ticket:conv1:7", "create_ticket", {...}, group="conv1")

    async def handler(item: OutboxItem) -> dict | None:
        ...                        # make the call; the dict returned is kept as item.result

What it guarantees:

- ``enqueue`` is idempotent per (target, key): the same key enqueued twice is one item.
- An item whose handler returned is marked done and never run again, across restarts.
- Items of one ``group`` run in order: an item waits while an earlier item of its group
  is still pending (a note waits for its ticket).
- Raise :class:`Retry` to retry after a given delay (HTTP 429 ``Retry-After``), :class:`GiveUp`
  for a failure that no retry will fix; any other exception retries with exponential
  backoff (``base_delay * 2**n``, capped at ``max_delay``) until ``max_attempts``.
- If the process stops while a call is in flight, its outcome is unknown and the item is
  run again: ``item.attempts > 0`` tells the handler to check first whether the earlier
  call went through (the Freshdesk plugin looks its ticket or note up), which makes at-least-once
  delivery exactly-once where the partner allows a look-up.
- Several processes may share one database: an item is claimed with a compare-and-set
  lease, so one worker makes each attempt. Leases are short (``lease_s``, 30 s) and renewed
  by a heartbeat while the handler runs, so a call may take longer than the lease, and the
  lease of a worker that died (SIGKILL, power loss) lapses within ``lease_s``.
- With a ``state_dir``, a worker also has a stable identity: a slot in that folder, held
  with an exclusive ``flock`` while the process lives, and a journal of the claims in
  flight. The kernel drops the lock when a process ends, however it ends, so a slot that can
  be locked proves its last holder dead: on start-up, the worker releases the leases its
  previous incarnation (and any other dead holder of a slot of the folder) recorded, and
  their items run again at once instead of after the lease. A lease is released only by a
  compare-and-set on the exact claim recorded (attempt number and lease value), so a claim
  that another worker made since is never touched: workers of other folders or hosts sharing
  one PostgreSQL database only ever release what is provably dead.

The items live in the core's ``quaid_outbox`` table (:class:`quaidcore.models.OutboxItem`).
Payloads must hold redacted text only.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import socket
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import structlog
from pydantic import BaseModel, ConfigDict, Field
from tortoise.exceptions import IntegrityError

from .models import OutboxItem

try:
    import fcntl
except ImportError:  # not POSIX: no worker identity, leases lapse after lease_s
    fcntl = None  # type: ignore[assignment]

log = structlog.get_logger(__name__)

Handler = Callable[[OutboxItem], Awaitable[dict[str, Any] | None]]

__all__ = ["GiveUp", "Outbox", "OutboxItem", "Retry", "RetryPolicy", "WorkerSlot", "backoff"]


class RetryPolicy(BaseModel):
    """How an outbox retries: a block plugins can offer in their config (``retry: {...}``)."""

    model_config = ConfigDict(extra="forbid")
    base_delay_s: float = Field(1.0, gt=0, description="wait after the first failure; doubles each time")
    max_delay_s: float = Field(300.0, gt=0, description="longest wait between two attempts")
    max_attempts: int = Field(100, ge=1, description="then the item is dead (logged as an error)")
    poll_interval_s: float = Field(1.0, gt=0, description="how often to look for items due")

    def options(self) -> dict[str, float]:
        """Keyword arguments of :class:`Outbox`."""
        return {"base_delay": self.base_delay_s, "max_delay": self.max_delay_s,
                "max_attempts": self.max_attempts, "poll_interval": self.poll_interval_s}


class Retry(Exception):
    """Retry this item after `after` seconds (e.g. the partner's ``Retry-After``)."""

    def __init__(self, after: float, reason: str = "retry requested") -> None:
        super().__init__(reason)
        self.after = max(0.0, float(after))


class GiveUp(Exception):
    """A failure no retry will fix (the partner rejected the request): the item is dead."""


def backoff(attempts: int, base: float, cap: float, jitter: float = 0.0,
            rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait after the `attempts`-th failed attempt: ``base * 2**(attempts-1)``,
    capped at `cap`, plus up to `jitter` of it at random (spreads retries of many items)."""
    delay = min(cap, base * (2 ** max(0, attempts - 1)))
    return delay * (1 + jitter * rand())


Claims = dict[str, dict[str, Any]]
"""A journal: item ID → ``{"attempts": n, "leases": [locked_until values]}``."""


class WorkerSlot:
    """A stable identity for one target's outbox worker: slot `n` of a folder.

    The slot is held with an exclusive ``flock`` on ``<target>.<n>.lock`` while the worker
    runs; its journal ``<target>.<n>.json`` lists the claims in flight. The kernel drops a
    ``flock`` when its process ends (SIGKILL included), so a slot that can be locked has no
    living holder, and the claims its journal lists were abandoned. Several processes sharing
    a data folder take different slots; a restarted process takes the lowest free one, most
    often its previous incarnation's.
    """

    def __init__(self, folder: Path, target: str, max_slots: int = 64) -> None:
        self.folder, self.target, self.max_slots = Path(folder), target, max_slots
        self.number: int | None = None
        self._fd: int | None = None
        self._orphans: dict[int, int] = {}
        self.claims: Claims = {}

    def _lock_path(self, n: int) -> Path:
        return self.folder / f"{self.target}.{n}.lock"

    def _journal_path(self, n: int) -> Path:
        return self.folder / f"{self.target}.{n}.json"

    @staticmethod
    def _try_lock(path: Path) -> int | None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        return fd

    def acquire(self) -> Claims | None:
        """Take the lowest free slot; returns the claims its previous holder left (a dead
        process's), or None when no slot is free or locks are not available here."""
        if fcntl is None:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        for n in range(self.max_slots):
            fd = self._try_lock(self._lock_path(n))
            if fd is not None:
                self.number, self._fd = n, fd
                left = self._read(n)
                self.claims = {}
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
                return left
        log.warning("outbox_no_free_slot", target=self.target, folder=str(self.folder))
        return None

    def orphans(self) -> list[tuple[int, Claims]]:
        """Other slots of the folder whose holder is dead (their lock can be taken), with
        the claims they left. Each stays locked until :meth:`drop_orphan`."""
        if fcntl is None or self.number is None:
            return []
        found = []
        for path in sorted(self.folder.glob(f"{self.target}.*.lock")):
            n_text = path.name[len(self.target) + 1:-len(".lock")]
            if not n_text.isdigit() or int(n_text) == self.number or int(n_text) in self._orphans:
                continue
            n = int(n_text)
            if not self._journal_path(n).exists():
                continue
            fd = self._try_lock(path)
            if fd is None:
                continue  # its holder is alive
            self._orphans[n] = fd
            found.append((n, self._read(n)))
        return found

    def drop_orphan(self, n: int, settled: bool) -> None:
        """Unlock a dead holder's slot; `settled`: its claims were released (clear its
        journal), else leave the journal for the next process to try."""
        fd = self._orphans.pop(n, None)
        if fd is None:
            return
        if settled:
            with contextlib.suppress(OSError):
                self._journal_path(n).unlink()
        os.close(fd)

    def _read(self, n: int) -> Claims:
        try:
            data = json.loads(self._journal_path(n).read_text())
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(self) -> None:
        """Write the journal (atomically)."""
        if self.number is None:
            return
        path = self._journal_path(self.number)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(self.claims))
        os.replace(tmp, path)  # atomic: a crash leaves the old journal or the new one

    def record(self, item_id: int, attempts: int, lease: float) -> None:
        """Before a claim or a renewal: this worker may hold `item_id` with this lease."""
        if self.number is None:
            return
        claim = self.claims.setdefault(str(item_id), {"attempts": attempts, "leases": []})
        claim["attempts"] = attempts
        claim["leases"].append(lease)
        self.save()

    def settle(self, item_id: int, lease: float) -> None:
        """After a renewal went through: only `lease` is held now."""
        if self.number is None or str(item_id) not in self.claims:
            return
        self.claims[str(item_id)]["leases"] = [lease]
        self.save()

    def forget(self, item_id: int) -> None:
        """The claim is over (the item was saved, or the claim failed)."""
        if self.number is not None and self.claims.pop(str(item_id), None) is not None:
            self.save()

    def release(self, settled: bool = True) -> None:
        """Give the slot up at a clean stop. `settled`: nothing is left in flight (the
        journal is removed); else the journal stays for the next holder."""
        for n in list(self._orphans):
            self.drop_orphan(n, settled=False)
        if self._fd is None or self.number is None:
            return
        self.claims = {}
        if settled:
            with contextlib.suppress(OSError):
                self._journal_path(self.number).unlink()
        os.close(self._fd)
        self._fd, self.number = None, None


class Outbox:
    """One target's outbox: enqueue calls, and a worker that makes them.

    `lease_s` is how long a claim holds an item without a heartbeat; the heartbeat renews
    it every `heartbeat_s` (default a third of it) while the handler runs. With `state_dir`
    (a plugin passes ``host.data_dir / "<plugin>"``), the worker takes a :class:`WorkerSlot`
    there and on start releases the leases of dead holders of the folder's slots.
    """

    def __init__(self, db: Callable[[], AbstractContextManager[Any]], target: str, handler: Handler, *,
                 base_delay: float = 1.0,
                 max_delay: float = 300.0, max_attempts: int = 100, jitter: float = 0.1,
                 poll_interval: float = 1.0, lease_s: float = 30.0, heartbeat_s: float | None = None,
                 batch: int = 20, state_dir: Path | str | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.db, self.target, self.handler = db, target, handler
        self.base_delay, self.max_delay, self.max_attempts = base_delay, max_delay, max_attempts
        self.jitter, self.poll_interval, self.lease_s, self.batch = jitter, poll_interval, lease_s, batch
        self.heartbeat_s = heartbeat_s if heartbeat_s is not None else lease_s / 3
        self.clock = clock
        self.slot = WorkerSlot(Path(state_dir), target) if state_dir is not None else None
        self.worker_id = uuid.uuid4().hex[:12]
        self._recovered = self.slot is None
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._left: list[tuple[int | None, Claims]] = []  # (orphan slot or None: ours, claims)

    # -- producing -------------------------------------------------------------------

    async def enqueue(self, key: str, action: str, payload: dict[str, Any],
                      group: str | None = None, delay: float = 0.0) -> bool:
        """Store a call to make; False when an item with this key already exists."""
        now = self.clock()
        try:
            with self.db():
                await OutboxItem.create(target=self.target, key=key, group=group, action=action,
                                        payload=payload, next_attempt_at=now + delay,
                                        created_at=now, updated_at=now)
        except IntegrityError:
            return False
        self._wake.set()
        return True

    async def get(self, key: str) -> OutboxItem | None:
        """The item with `key`, or None."""
        with self.db():
            return await OutboxItem.get_or_none(target=self.target, key=key)

    async def items(self, **filters: Any) -> list[OutboxItem]:
        """This target's items (optionally filtered), oldest first."""
        with self.db():
            return await OutboxItem.filter(target=self.target, **filters).order_by("id")

    async def pending(self) -> int:
        """How many items are still to be made."""
        with self.db():
            return await OutboxItem.filter(target=self.target, status="pending").count()

    # -- the worker ------------------------------------------------------------------

    async def start(self) -> None:
        """Start the background worker (once). With a `state_dir`, take a worker slot first:
        the worker's first act is to release the leases that dead holders left."""
        if self._task is None:
            self._stopping = False
            if self.slot is not None and self.slot.number is None:
                left = self.slot.acquire()
                if self.slot.number is not None:
                    self.worker_id = f"{socket.gethostname()}:{self.slot.folder}:{self.slot.number}"
                    self._left = [(None, left or {}), *self.slot.orphans()]
                    self._recovered = False
            self._task = asyncio.create_task(self._run(), name=f"quaid-outbox-{self.target}")

    async def stop(self, timeout: float = 5.0) -> None:
        """Let the call in flight finish (up to `timeout` seconds), then stop the worker."""
        if self._task is None:
            return
        self._stopping = True
        self._wake.set()
        try:
            await asyncio.wait_for(asyncio.shield(self._task), timeout)
        except TimeoutError:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._task = None
        if self.slot is not None:
            # Claims left by dead holders and not released yet (the database was away)
            # stay in their journals, for the next process to release.
            self.slot.release(settled=self._recovered)
            self._left, self._recovered = [], True

    def wake(self) -> None:
        """Look for due items now."""
        self._wake.set()

    async def release_abandoned(self) -> int:
        """Release the leases that dead holders of this worker's folder left (done once on
        start); returns how many items were released."""
        released = 0
        while self._left:
            orphan, claims = self._left[0]
            holder = f"{self.worker_id} (previous process)" if orphan is None else f"slot {orphan}"
            released += await self._release_claims(holder, claims)
            if self.slot is not None:
                if orphan is None:
                    self.slot.save()  # our own journal: the old claims are settled
                else:
                    self.slot.drop_orphan(orphan, settled=True)
            self._left.pop(0)
        self._recovered = True
        return released

    async def _release_claims(self, holder: str, claims: Claims) -> int:
        now, released = self.clock(), 0
        for item_id, claim in claims.items():
            try:
                attempts, leases = int(claim["attempts"]), [float(v) for v in claim["leases"]]
            except (KeyError, TypeError, ValueError):
                continue
            if not leases:
                continue
            with self.db():
                # Only the exact claim recorded: a later claim has another attempt number.
                count = await OutboxItem.filter(
                    id=int(item_id), target=self.target, status="pending", attempts=attempts,
                    locked_until__in=leases).update(
                        locked_until=0.0, next_attempt_at=now, updated_at=now,
                        last_error="interrupted: its worker ended; outcome unknown")
            released += count
        if released:
            log.warning("outbox_leases_released", target=self.target, holder=holder, items=released)
        return released

    async def _run(self) -> None:
        while not self._stopping:
            try:
                if not self._recovered:
                    await self.release_abandoned()
                made = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database may be briefly away: try again later
                log.error("outbox_worker_failed", target=self.target, error=str(exc))
                made = 0
            if made or self._stopping:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), await self._idle_for())
            self._wake.clear()

    async def _idle_for(self) -> float:
        """Seconds until the next item is due, at most ``poll_interval`` (other processes
        may enqueue too)."""
        try:
            with self.db():
                due = await OutboxItem.filter(target=self.target, status="pending").order_by(
                    "next_attempt_at").limit(1).values_list("next_attempt_at", flat=True)
        except Exception as exc:
            log.error("outbox_worker_failed", target=self.target, error=str(exc))
            return self.poll_interval
        if not due:
            return self.poll_interval
        return max(0.01, min(self.poll_interval, due[0] - self.clock()))

    async def run_once(self) -> int:
        """Make every due item once; returns how many attempts were made."""
        now = self.clock()
        with self.db():
            due = await OutboxItem.filter(
                target=self.target, status="pending", next_attempt_at__lte=now,
                locked_until__lt=now).order_by("id").limit(self.batch)
        made = 0
        for item in due:
            if self._stopping:
                break
            if await self._waits_for_earlier(item):
                continue
            lease = await self._claim(item)
            if lease is None:
                continue
            await self._attempt(item, lease)
            made += 1
        return made

    async def _waits_for_earlier(self, item: OutboxItem) -> bool:
        if item.group is None:
            return False
        with self.db():
            return await OutboxItem.filter(target=self.target, group=item.group, id__lt=item.id,
                                           status="pending").exists()

    async def _claim(self, item: OutboxItem) -> float | None:
        """Claim `item` (compare-and-set); the lease value held, or None if another worker
        was first. The journal records the claim before it is made."""
        now = self.clock()
        lease = now + self.lease_s
        if self.slot is not None:
            self.slot.record(item.id, item.attempts + 1, lease)
        try:
            with self.db():
                claimed = await OutboxItem.filter(
                    id=item.id, status="pending", locked_until=item.locked_until,
                    attempts=item.attempts).update(locked_until=lease, attempts=item.attempts + 1,
                                                   updated_at=now)
        except BaseException:
            if self.slot is not None:
                self.slot.forget(item.id)
            raise
        if claimed != 1:
            if self.slot is not None:
                self.slot.forget(item.id)
            return None
        return lease

    async def _heartbeat(self, item: OutboxItem, lease: float) -> None:
        """Renew the lease every ``heartbeat_s`` while the handler runs."""
        attempts, held = item.attempts + 1, [lease]
        while True:
            await asyncio.sleep(self.heartbeat_s)
            renewed = self.clock() + self.lease_s
            if self.slot is not None:
                self.slot.record(item.id, attempts, renewed)
            try:
                with self.db():
                    count = await OutboxItem.filter(
                        id=item.id, status="pending", attempts=attempts, locked_until__in=held).update(
                            locked_until=renewed)
            except Exception as exc:  # the database may be briefly away: try at the next beat
                log.warning("outbox_heartbeat_failed", target=self.target, key=item.key, error=str(exc))
                held.append(renewed)  # the outcome is unknown: either value may be the lease
                continue
            if count != 1:
                log.warning("outbox_lease_lost", target=self.target, key=item.key,
                            hint="the call outlived its lease: another worker may repeat it")
                return
            held = [renewed]
            if self.slot is not None:
                self.slot.settle(item.id, renewed)

    async def _attempt(self, item: OutboxItem, lease: float) -> None:
        heartbeat = asyncio.create_task(self._heartbeat(item, lease),
                                        name=f"quaid-outbox-{self.target}-heartbeat")
        try:
            await self._attempt_once(item)
        finally:
            heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await heartbeat
            if self.slot is not None:
                self.slot.forget(item.id)

    async def _attempt_once(self, item: OutboxItem) -> None:
        # The handler sees `attempts` = attempts started before this one.
        try:
            result = await self.handler(item)
        except asyncio.CancelledError:
            await self._save(item, locked_until=0.0, next_attempt_at=self.clock(),
                             last_error="interrupted: outcome unknown")
            raise
        except Retry as exc:
            await self._failed(item, exc, exc.after)
        except GiveUp as exc:
            log.error("outbox_gave_up", target=self.target, key=item.key, action=item.action,
                      error=str(exc))
            await self._save(item, status="dead", locked_until=0.0, last_error=str(exc)[:2000])
        except Exception as exc:
            await self._failed(item, exc, None)
        else:
            await self._save(item, status="done", locked_until=0.0, result=result, last_error=None)
            log.info("outbox_done", target=self.target, key=item.key, action=item.action,
                     attempts=item.attempts + 1)

    async def _failed(self, item: OutboxItem, exc: Exception, after: float | None) -> None:
        attempts = item.attempts + 1
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if attempts >= self.max_attempts:
            log.error("outbox_gave_up", target=self.target, key=item.key, action=item.action,
                      attempts=attempts, error=error)
            await self._save(item, status="dead", locked_until=0.0, last_error=error)
            return
        delay = after if after is not None else backoff(attempts, self.base_delay, self.max_delay,
                                                        self.jitter)
        log.warning("outbox_retry", target=self.target, key=item.key, action=item.action,
                    attempts=attempts, retry_in_s=round(delay, 3), error=error)
        await self._save(item, locked_until=0.0, next_attempt_at=self.clock() + delay, last_error=error)

    async def _save(self, item: OutboxItem, **changes: Any) -> None:
        changes["updated_at"] = self.clock()
        with self.db():
            await OutboxItem.filter(id=item.id).update(**changes)
