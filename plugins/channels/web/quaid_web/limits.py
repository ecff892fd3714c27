"""Rate limits: a token bucket per key, bounded memory, O(1) per request."""

from __future__ import annotations

import math
import time
from collections import OrderedDict


class TokenBuckets:
    """One token bucket per key (a client address, a conversation ID).

    A bucket holds at most `per_minute` tokens and refills at `per_minute` tokens a minute;
    a request takes one token. Keys live in an :class:`~collections.OrderedDict` in order of
    last use: a bucket unused for as long as it takes to refill is full again, so it is
    dropped (from the front, a few at a time, amortised O(1)); past `max_keys` the least
    recently used bucket goes. Nothing is ever rebuilt. ``per_minute <= 0`` turns it off.
    """

    def __init__(self, per_minute: int, max_keys: int = 100_000) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens a second
        self.max_keys = max_keys
        self.idle = 60.0  # seconds after which an unused bucket is full again
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)

    def __len__(self) -> int:
        return len(self.buckets)

    def take(self, key: str, now: float | None = None) -> float:
        """Take a token for `key`: 0.0 when allowed, else the seconds until one is free."""
        if self.capacity <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        self._expire(now)
        tokens, at = self.buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - at) * self.rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self.buckets[key] = (tokens, now)  # re-inserted at the end: most recently used
        if len(self.buckets) > self.max_keys:
            self.buckets.popitem(last=False)
        return wait

    def wait(self, key: str, now: float | None = None) -> float:
        """The seconds until `key` has a token (0.0: it has one), taking none."""
        found = self.buckets.get(key)
        if self.capacity <= 0 or found is None:
            return 0.0
        now = time.monotonic() if now is None else now
        tokens = min(self.capacity, found[0] + (now - found[1]) * self.rate)
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate

    def _expire(self, now: float, batch: int = 8) -> None:
        for _ in range(batch):
            if not self.buckets:
                return
            key, (_, at) = next(iter(self.buckets.items()))
            if now - at < self.idle:
                return
            del self.buckets[key]


def retry_after(wait: float) -> str:
    """A ``Retry-After`` value: whole seconds, at least 1."""
    return str(max(1, math.ceil(wait)))
