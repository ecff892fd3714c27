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
  call went through (the Freshdesk plugin looks its ticket up), which makes at-least-once
  delivery exactly-once where the partner allows a look-up.
- Several processes may share one database: an item is claimed with a compare-and-set
  lease, so one worker makes each attempt; a crashed worker's lease expires.

The items live in the core's ``quaid_outbox`` table (:class:`quaidcore.models.OutboxItem`).
Payloads must hold redacted text only.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from typing import Any

import structlog
from pydantic import BaseModel, ConfigDict, Field
from tortoise.exceptions import IntegrityError

from .models import OutboxItem

log = structlog.get_logger(__name__)

Handler = Callable[[OutboxItem], Awaitable[dict[str, Any] | None]]

__all__ = ["GiveUp", "Outbox", "OutboxItem", "Retry", "RetryPolicy", "backoff"]


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


class Outbox:
    """One target's outbox: enqueue calls, and a worker that makes them."""

    def __init__(self, db: Callable[[], AbstractContextManager[Any]], target: str, handler: Handler, *,
                 base_delay: float = 1.0,
                 max_delay: float = 300.0, max_attempts: int = 100, jitter: float = 0.1,
                 poll_interval: float = 1.0, lease_s: float = 300.0, batch: int = 20,
                 clock: Callable[[], float] = time.time) -> None:
        self.db, self.target, self.handler = db, target, handler
        self.base_delay, self.max_delay, self.max_attempts = base_delay, max_delay, max_attempts
        self.jitter, self.poll_interval, self.lease_s, self.batch = jitter, poll_interval, lease_s, batch
        self.clock = clock
        self.worker_id = uuid.uuid4().hex[:12]
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

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
        """Start the background worker (once)."""
        if self._task is None:
            self._stopping = False
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

    def wake(self) -> None:
        """Look for due items now."""
        self._wake.set()

    async def _run(self) -> None:
        while not self._stopping:
            try:
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
            if await self._waits_for_earlier(item) or not await self._claim(item):
                continue
            await self._attempt(item)
            made += 1
        return made

    async def _waits_for_earlier(self, item: OutboxItem) -> bool:
        if item.group is None:
            return False
        with self.db():
            return await OutboxItem.filter(target=self.target, group=item.group, id__lt=item.id,
                                           status="pending").exists()

    async def _claim(self, item: OutboxItem) -> bool:
        now = self.clock()
        with self.db():
            claimed = await OutboxItem.filter(
                id=item.id, status="pending", locked_until=item.locked_until,
                attempts=item.attempts).update(locked_until=now + self.lease_s,
                                               attempts=item.attempts + 1, updated_at=now)
        return claimed == 1

    async def _attempt(self, item: OutboxItem) -> None:
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
