"""Quaid metric sink ``prometheus``: counters of every event, served at ``/metrics``.

- ``quaid_events_total{type, channel}``: every event;
- ``quaid_solutions_sent_total{code, by, channel}``: answers by standard response code,
  by bot or agent;
- ``quaid_outcomes_total{outcome, channel}``: resolved by bot / by agent, abandoned, handoff;
- ``quaid_satisfaction`` (histogram of 1-5 scores, by channel).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from pydantic import BaseModel, ConfigDict, Field

from quaidcore import ComponentContext, Event, hookimpl

QUAID_HOST_API = ">=1.0,<2"


class PrometheusConfig(BaseModel):
    """Options of the ``prometheus`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    path: str = Field("/metrics", pattern=r"^/")


class PrometheusSink:
    """Counts events in its own registry and serves them."""

    def __init__(self, ctx: ComponentContext) -> None:
        config = ctx.config if isinstance(ctx.config, PrometheusConfig) else PrometheusConfig()
        self.registry = CollectorRegistry()
        self.events = Counter("quaid_events", "Analytics events", ["type", "channel"], registry=self.registry)
        self.solutions = Counter("quaid_solutions_sent", "Solutions sent, by standard response code",
                                 ["code", "by", "channel"], registry=self.registry)
        self.outcomes = Counter("quaid_outcomes", "Conversation outcomes", ["outcome", "channel"],
                                registry=self.registry)
        self.satisfaction = Histogram("quaid_satisfaction", "Satisfaction scores (1-5)", ["channel"],
                                      buckets=(1, 2, 3, 4, 5), registry=self.registry)
        ctx.host.routes(config.path).router.add_get("", self.metrics)

    async def record(self, events: Sequence[Event]) -> None:
        """Count a batch of events."""
        for event in events:
            self.count(event)

    def count(self, event: Event) -> None:
        """Update the metrics for one event."""
        self.events.labels(event.type, event.channel).inc()
        data: dict[str, Any] = event.data
        if event.type == "solution_sent" and data.get("code"):
            self.solutions.labels(data["code"], data.get("by", "bot"), event.channel).inc()
        elif event.type == "resolved":
            self.outcomes.labels(f"resolved_by_{data.get('by', 'bot')}", event.channel).inc()
        elif event.type in ("abandoned", "handoff"):
            self.outcomes.labels(event.type, event.channel).inc()
        elif event.type == "satisfaction" and isinstance(data.get("score"), int):
            self.satisfaction.labels(event.channel).observe(data["score"])

    async def metrics(self, _: web.Request) -> web.Response:
        """The Prometheus text exposition."""
        return web.Response(body=generate_latest(self.registry), headers={"Content-Type": CONTENT_TYPE_LATEST})


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return PrometheusConfig


@hookimpl
def quaid_register_metric_sinks(register) -> None:
    register("prometheus", PrometheusSink)
