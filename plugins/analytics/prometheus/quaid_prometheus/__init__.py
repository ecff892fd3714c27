"""Quaid metric sink ``prometheus``: counters of every event, served at ``/metrics``.

- ``quaid_events_total{type, channel}``: every event;
- ``quaid_solutions_sent_total{code, by, channel}``: answers by standard response code,
  by bot or agent;
- ``quaid_outcomes_total{outcome, channel}``: resolved by bot / by agent, abandoned, handoff;
- ``quaid_satisfaction`` (histogram of 1-5 scores, by channel).

Who may read it: with ``token`` set, a request must carry ``Authorization: Bearer <token>``
(401 otherwise); without one, only clients on loopback are served, and a request that came
through a proxy (``Forwarded``, ``X-Forwarded-For``, ``X-Real-IP``) is refused too (403).
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Callable, Sequence
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from quaidcore import ComponentContext, Event, hookimpl
from quaidcore.http import HttpError, json_errors

# the events counted in more than quaid_events: solutions, outcomes, satisfaction
DETAILED = frozenset({"solution_sent", "resolved", "abandoned", "handoff", "satisfaction"})
PROXY_HEADERS = ("Forwarded", "X-Forwarded-For", "X-Real-IP")

QUAID_HOST_API = ">=1.0,<2"


class PrometheusConfig(BaseModel):
    """Options of the ``prometheus`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    path: str = Field("/metrics", pattern=r"^/")
    token: SecretStr | None = Field(
        None, description="when set, /metrics requires 'Authorization: Bearer <token>'; when "
                          "not, /metrics is served to loopback clients only")


class PrometheusSink:
    """Counts events in its own registry and serves them."""

    def __init__(self, ctx: ComponentContext) -> None:
        config = ctx.config if isinstance(ctx.config, PrometheusConfig) else PrometheusConfig()
        self.registry = CollectorRegistry()
        # counts not yet added to the counters; registered first, it adds them before any
        # collection (a scrape) reads the counters
        self._pending: dict[tuple[Any, ...], int] = {}
        self.registry.register(_Flush(self.flush))
        self.events = Counter("quaid_events", "Analytics events", ["type", "channel"], registry=self.registry)
        self.solutions = Counter("quaid_solutions_sent", "Solutions sent, by standard response code",
                                 ["code", "by", "channel"], registry=self.registry)
        self.outcomes = Counter("quaid_outcomes", "Conversation outcomes", ["outcome", "channel"],
                                registry=self.registry)
        self.satisfaction = Histogram("quaid_satisfaction", "Satisfaction scores (1-5)", ["channel"],
                                      buckets=(1, 2, 3, 4, 5), registry=self.registry)
        self.token = config.token.get_secret_value().encode() if config.token else None
        self._event_counters: dict[tuple[str, str], Any] = {}  # (type, channel) -> its child
        ctx.host.routes(config.path, middlewares=[json_errors]).router.add_get("", self.metrics)

    async def record(self, events: Sequence[Event]) -> None:
        """Count a batch of events: tallied in a dict, added to the counters at the next
        collection (a Counter's ``inc`` takes a lock and checks its value: ~1 us an event)."""
        pending = self._pending
        for event in events:
            key = (event.type, event.channel)
            pending[key] = pending.get(key, 0) + 1
            if event.type in DETAILED:
                self._detail(event)

    def count(self, event: Event) -> None:
        """Update the metrics for one event."""
        self._pending[(event.type, event.channel)] = self._pending.get((event.type, event.channel), 0) + 1
        self._detail(event)

    def _detail(self, event: Event) -> None:
        data: dict[str, Any] = event.data
        key: tuple[Any, ...] | None = None
        if event.type == "solution_sent" and data.get("code"):
            key = ("solution", data["code"], data.get("by", "bot"), event.channel)
        elif event.type == "resolved":
            key = ("outcome", f"resolved_by_{data.get('by', 'bot')}", event.channel)
        elif event.type in ("abandoned", "handoff"):
            key = ("outcome", event.type, event.channel)
        elif event.type == "satisfaction" and isinstance(data.get("score"), int):
            self.satisfaction.labels(event.channel).observe(data["score"])
        if key is not None:
            self._pending[key] = self._pending.get(key, 0) + 1

    def flush(self) -> None:
        """Add the tallied counts to the counters."""
        pending, self._pending = self._pending, {}
        for key, n in pending.items():
            if len(key) == 2:
                counter = self._event_counters.get(key)
                if counter is None:  # labels() takes a lock and checks its values: once a pair
                    counter = self._event_counters[key] = self.events.labels(*key)
                counter.inc(n)
            elif key[0] == "solution":
                self.solutions.labels(*key[1:]).inc(n)
            else:
                self.outcomes.labels(*key[1:]).inc(n)

    def check_access(self, request: web.Request) -> None:
        """Raise :class:`HttpError` unless the request may read the metrics."""
        if self.token is not None:
            sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip().encode()
            if not hmac.compare_digest(sent, self.token):
                raise HttpError(401, "missing or wrong metrics token",
                                headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
            return
        if not _loopback(request.remote) or any(h in request.headers for h in PROXY_HEADERS):
            raise HttpError(403, "/metrics is served to loopback clients only; set the "
                                 "prometheus plugin's token to scrape it from elsewhere")

    async def metrics(self, request: web.Request) -> web.Response:
        """The Prometheus text exposition."""
        self.check_access(request)
        return web.Response(body=generate_latest(self.registry), headers={"Content-Type": CONTENT_TYPE_LATEST})


class _Flush:
    """A collector of no metric of its own: it adds the sink's tallies to its counters
    before the registry collects them."""

    def __init__(self, flush: Callable[[], None]) -> None:
        self.flush = flush

    def collect(self) -> list[Any]:
        self.flush()
        return []


def _loopback(remote: str | None) -> bool:
    if not remote:
        return False  # a UNIX socket or an unknown peer: not provably local
    try:
        address = ipaddress.ip_address(remote.split("%")[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 on a dual-stack socket
    return address.is_loopback


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return PrometheusConfig


@hookimpl
def quaid_register_metric_sinks(register) -> None:
    register("prometheus", PrometheusSink)
