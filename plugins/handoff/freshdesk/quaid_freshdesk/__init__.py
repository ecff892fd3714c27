"""Quaid handoff target ``freshdesk``: Freshdesk API v2 tickets through the durable outbox.

A handed-off conversation becomes a Freshdesk ticket (tags: channel, candidate codes;
description: the redacted transcript); later client messages become notes; a resolution in
Quaid resolves the ticket, and one in Freshdesk (webhook) the conversation. Calls go
through :mod:`quaidcore.outbox` (retries, backoff, 429 ``Retry-After``, exactly one ticket
across restarts). See README.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from quaidcore import ComponentContext, Host, Outbox, OutboxItem, hookimpl

from .config import FreshdeskConfig
from .models import FreshdeskResolution, FreshdeskTicket
from .target import TARGET, FreshdeskTarget, instances

QUAID_HOST_API = ">=1.1,<2"  # host.observe

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
def quaid_startup(host: Host) -> None:
    """Run the outbox worker, the resolution sync and the webhook also when no channel hands
    off here any more: items stored before a config change are still delivered, a resolution
    in Quaid still resolves the tickets made before it (the host starts and stops the
    worker), and Freshdesk's status changes of those tickets still reach Quaid (with a
    ``webhook_token``, ``POST /api/freshdesk/webhook`` is served whenever the plugin is
    enabled: routes asked for at start-up are mounted before serving)."""
    if host not in instances:
        FreshdeskTarget(ComponentContext("freshdesk", "freshdesk", host.plugin_config("freshdesk"),
                                         host.data_dir, host))


@hookimpl
async def quaid_forget(host: Host, conversation_ids: list[str]) -> None:
    """Drop these conversations' calls not made yet, and queue the deletion of their
    Freshdesk tickets (``DELETE /api/v2/tickets/{id}``, made by the worker, durable)."""
    with host.db():
        tickets = await FreshdeskTicket.filter(conversation_id__in=conversation_ids).values_list(
            "ticket_id", flat=True)
        await OutboxItem.filter(target=TARGET, group__in=conversation_ids).delete()
        await FreshdeskTicket.filter(ticket_id__in=tickets).delete()
        await FreshdeskResolution.filter(conversation_id__in=conversation_ids).delete()
    outbox = Outbox(host.db, TARGET, _no_handler)
    for ticket_id in tickets:
        await outbox.enqueue(f"forget:{ticket_id}", "delete_ticket", {"ticket_id": ticket_id})


async def _no_handler(item: OutboxItem) -> None:  # this outbox only stores; the worker sends
    raise RuntimeError("not a worker")
