"""Quaid metric sink ``eventlog``: every analytics event as one structured log line.

Lines go through the core's logging, so they are JSON in production and pass through the
redaction processor like every other log value. Useful to ship events to a log pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence

import structlog
from pydantic import BaseModel, ConfigDict, Field

from quaidcore import ComponentContext, Event, hookimpl

QUAID_HOST_API = ">=1.0,<2"


class EventLogConfig(BaseModel):
    """Options of the ``eventlog`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    logger: str = Field("quaid.events", description="logger name of the event lines")
    include_text: bool = Field(False, description="also log the (redacted) message texts")


class EventLog:
    """Logs each event: type, conversation, channel and its data."""

    def __init__(self, config: EventLogConfig) -> None:
        self.config = config
        self.log = structlog.get_logger(config.logger)

    async def record(self, events: Sequence[Event]) -> None:
        """One line per event."""
        for event in events:
            data = dict(event.data)
            if not self.config.include_text:
                data.pop("text", None)
            self.log.info("quaid_event", type=event.type, conversation=event.conversation_id,
                          channel=event.channel, at=event.at, **{f"data_{k}": v for k, v in data.items()})


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return EventLogConfig


@hookimpl
def quaid_register_metric_sinks(register) -> None:
    register("eventlog", lambda ctx: EventLog(_config(ctx)))


def _config(ctx: ComponentContext) -> EventLogConfig:
    return ctx.config if isinstance(ctx.config, EventLogConfig) else EventLogConfig()
