"""Sign-in throttling: exponential backoff per address, per (account, address) and per account.

A lockout that anyone can trigger is a denial of service against agents, so there is none.
Instead every failed sign-in is counted three times, and each count has its own allowance
before a delay starts, then doubles the delay at each further failure (capped):

- per client address (IPv6: per /64) — guessing or spraying many usernames from one place
  slows that place, whichever usernames it tries;
- per (account, address) — a stranger who guesses at ``alice`` slows the stranger's attempts
  at ``alice``, not Alice's own from another address;
- per account, across every address — a ceiling for guessing spread over many addresses.
  Addresses from which the account signed in successfully are exempt from it (the agent's
  office keeps working during such an attack), and a supervisor can lift it: the agents page's
  *Unlock* button or ``quaid agents unlock NAME`` (which leaves a mark in the store that every
  worker honours at the next attempt).

An attempt is counted *before* the password is checked (and given back when it succeeds), so
concurrent attempts cannot all slip through before the first failure is recorded. Counts are
forgotten after ``forget_after_s`` without a failure; memory is bounded (least recently used
keys are dropped first). The counts are per process.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


@dataclass
class Count:
    """Failures of one key since `since`; the last one at `last`."""

    failures: int = 0
    since: float = 0.0
    last: float = 0.0


@dataclass(frozen=True)
class Tier:
    """A backoff: `free` failures without delay, then `base_s` doubling up to `max_s`."""

    name: str
    free: int
    base_s: float
    max_s: float

    def delay(self, failures: int) -> float:
        """Seconds to wait after `failures` failures."""
        if failures < self.free:
            return 0.0
        return min(self.max_s, self.base_s * 2.0 ** min(failures - self.free, 64))


class LRU(Generic[K, V]):
    """A dict bounded to `size` keys: the least recently touched are dropped first."""

    def __init__(self, size: int) -> None:
        self.size, self.items = size, OrderedDict[K, V]()

    def get(self, key: K) -> V | None:
        return self.items.get(key)

    def put(self, key: K, value: V) -> None:
        self.items[key] = value
        self.items.move_to_end(key)
        while len(self.items) > self.size:
            self.items.popitem(last=False)

    def pop(self, key: K) -> None:
        self.items.pop(key, None)

    def list_keys(self) -> list[K]:
        return list(self.items)

    def __len__(self) -> int:
        return len(self.items)


class SignInThrottle:
    """The three backoffs of console sign-in (see the module's docstring)."""

    def __init__(self, per_address: int = 20, per_account_address: int = 5, per_account: int = 100,
                 base_delay_s: float = 1.0, max_delay_s: float = 900.0,
                 forget_after_s: float = 3600.0, trust_s: float = 30 * 86400.0,
                 max_keys: int = 50_000, clock: Callable[[], float] = time.time) -> None:
        self.address = Tier("address", per_address, base_delay_s, max_delay_s)
        self.pair = Tier("account_address", per_account_address, base_delay_s, max_delay_s)
        self.account = Tier("account", per_account, base_delay_s, max_delay_s)
        self.forget_after_s, self.trust_s, self.clock = forget_after_s, trust_s, clock
        self.counts: dict[str, LRU[object, Count]] = {
            tier.name: LRU(max_keys) for tier in (self.address, self.pair, self.account)}
        self.trusted: LRU[tuple[str, str], float] = LRU(max_keys)

    # -- the sign-in path ----------------------------------------------------------------

    def attempt(self, address: str, account: str, unlocked_at: float | None = None) -> tuple[float, str]:
        """Before checking a password: ``(0, "")`` when the attempt may go ahead (it is then
        counted as a failure until :meth:`succeeded` says otherwise), else the seconds to wait
        and the tier that refuses. `unlocked_at` is the account's latest unlock mark."""
        now = self.clock()
        keys = self._keys(address, account, now)
        waits = []
        for tier, key in keys:
            count = self._count(tier, key, now, unlocked_at)
            if count.failures:
                waits.append((count.last + tier.delay(count.failures) - now, tier.name))
        wait, name = max(waits, default=(0.0, ""))
        if wait > 0:
            return wait, name
        for tier, key in keys:
            count = self._count(tier, key, now, unlocked_at)
            if not count.failures:
                count.since = now
            count.failures += 1
            count.last = now
            self.counts[tier.name].put(key, count)
        return 0.0, ""

    def succeeded(self, address: str, account: str) -> None:
        """The password was right: give the attempt back, forget the pair's failures and
        trust this address for the account (it is exempt from the account's ceiling)."""
        now = self.clock()
        for tier, key in self._keys(address, account, now):
            count = self.counts[tier.name].get(key)
            if count is None:
                continue
            if tier is self.pair:
                self.counts[tier.name].pop(key)
            else:
                count.failures = max(0, count.failures - 1)
        self.trusted.put((account, address), now)

    def unlock(self, account: str) -> None:
        """Forget the account's failures, from every address (a supervisor's action)."""
        self.counts[self.account.name].pop(account)
        pairs = self.counts[self.pair.name]
        for key in pairs.list_keys():
            if isinstance(key, tuple) and key[0] == account:
                pairs.pop(key)

    def status(self, account: str) -> tuple[int, float]:
        """The account's failures (all addresses) and the seconds its ceiling still holds."""
        now = self.clock()
        count = self.counts[self.account.name].get(account)
        if count is None or now - count.last > self.forget_after_s:
            return 0, 0.0
        return count.failures, max(0.0, count.last + self.account.delay(count.failures) - now)

    # -- internals -------------------------------------------------------------------------

    def _keys(self, address: str, account: str, now: float) -> list[tuple[Tier, object]]:
        keys: list[tuple[Tier, object]] = [(self.address, address), (self.pair, (account, address))]
        trusted = self.trusted.get((account, address))
        if trusted is None or now - trusted > self.trust_s:
            keys.append((self.account, account))
        return keys

    def _count(self, tier: Tier, key: object, now: float, unlocked_at: float | None) -> Count:
        count = self.counts[tier.name].get(key)
        if count is None or now - count.last > self.forget_after_s:
            return Count()
        if unlocked_at is not None and tier is not self.address and count.since <= unlocked_at:
            return Count()  # a supervisor lifted the failures counted so far
        return count


def retry_after(seconds: float) -> str:
    """A ``Retry-After`` value: whole seconds, at least 1."""
    return str(max(1, math.ceil(seconds)))


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> list[Network]:
    """``["10.0.0.1", "fd00::/8"]`` → networks (ValueError for a malformed one)."""
    return [ipaddress.ip_network(value.strip(), strict=False) for value in values]


def address_key(address: str | None) -> str:
    """The throttling key of a client address: itself for IPv4, its /64 for IPv6 (one host
    commonly holds a whole /64); the text as it is when it is not an IP address."""
    if not address:
        return "?"
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_address(remote: str | None, forwarded_for: str | None, trusted: list[Network]) -> str:
    """The client's address: `remote`, unless it is a trusted proxy, in which case the
    right-most address of ``X-Forwarded-For`` that is not itself a trusted proxy."""
    chain = [remote or ""]
    if forwarded_for and trusted:
        chain += [part.strip() for part in reversed(forwarded_for.split(",")) if part.strip()]
    previous = chain[0]
    for hop in chain:
        try:
            ip = ipaddress.ip_address(hop.split("%", 1)[0])
        except ValueError:  # not an address: what a trusted proxy would never write
            return address_key(previous)
        if not any(ip in network for network in trusted):
            return address_key(hop)
        previous = hop
    return address_key(previous)
