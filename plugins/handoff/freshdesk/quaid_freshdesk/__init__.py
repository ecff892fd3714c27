"""Quaid handoff target ``freshdesk``: Freshdesk API v2 tickets through the durable outbox.

A handed-off conversation becomes a Freshdesk ticket (tags: channel, candidate codes;
description: the redacted transcript); later client messages become notes. Calls go
through :mod:`quaidcore.outbox` (retries, backoff, 429 ``Retry-After``, exactly one ticket
across restarts). See README.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from quaidcore import hookimpl
from quaidcore.outbox import Outbox, OutboxItem

from .config import FreshdeskConfig
from .models import FreshdeskTicket
from .target import TARGET, FreshdeskTarget, instances

__all__ = ["FreshdeskConfig", "FreshdeskTarget"]


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return FreshdeskConfig


@hookimpl
def quaid_register_handoff_targets(register: Any) -> None:
    register("freshdesk", FreshdeskTarget)


@hookimpl
def quaid_register_models(register: Any) -> None:
    register("quaid_freshdesk.models", None)


@hookimpl
async def quaid_startup(quaid: Any) -> None:
    """Start the outbox worker, also when no channel hands off here any more: items stored
    before a config change are still delivered."""
    target = instances.get(quaid)
    if target is None:
        target = FreshdeskTarget(quaid.context_for("freshdesk", "freshdesk"), routes=False)
    await target.outbox.start()


@hookimpl
async def quaid_shutdown(quaid: Any) -> None:
    """Stop the outbox worker (the call in flight may finish) before the store closes."""
    target = instances.get(quaid)
    if target is not None:
        await target.stop()


@hookimpl
async def quaid_forget(quaid: Any, conversation_ids: list[str]) -> None:
    """Drop these conversations' calls not made yet, and queue the deletion of their
    Freshdesk tickets (``DELETE /api/v2/tickets/{id}``, made by the worker, durable)."""
    with quaid.store.bound():
        tickets = await FreshdeskTicket.filter(conversation_id__in=conversation_ids).values_list(
            "ticket_id", flat=True)
        await OutboxItem.filter(target=TARGET, group__in=conversation_ids).delete()
        await FreshdeskTicket.filter(ticket_id__in=tickets).delete()
    outbox = Outbox(quaid.store, TARGET, _no_handler)
    for ticket_id in tickets:
        await outbox.enqueue(f"forget:{ticket_id}", "delete_ticket", {"ticket_id": ticket_id})


async def _no_handler(item: OutboxItem) -> None:  # this outbox only stores; the worker sends
    raise RuntimeError("not a worker")
