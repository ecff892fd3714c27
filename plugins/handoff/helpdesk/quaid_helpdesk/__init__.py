"""Quaid handoff target ``helpdesk``: the built-in helpdesk and its web agent console.

Handed-off conversations become tickets in the core's store, routed by channel to the
agents who serve it; agents work in the console at ``/console/`` (sign-in, queues, live
conversation view, canned responses with their codes, notes, expert consultations,
resolve). ``quaid agents add|list|disable`` manages accounts. See README.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from quaidcore import ComponentContext, Host, hookimpl

from .assignment import Queues
from .config import HelpdeskConfig
from .console import Console, guard
from .live import Live
from .review import Review, ReviewView
from .tickets import Helpdesk

QUAID_HOST_API = ">=1.2,<2"

__all__ = ["Console", "Helpdesk", "HelpdeskConfig", "Live", "Queues", "make_helpdesk"]


def make_helpdesk(ctx: ComponentContext) -> Helpdesk:
    """The handoff target, with its console mounted at ``/console/`` (before serving:
    aiohttp freezes its router then)."""
    helpdesk = Helpdesk(ctx)
    helpdesk.console = Console(helpdesk, ctx.host)
    helpdesk.queues = Queues(helpdesk)
    helpdesk.live = Live(helpdesk, helpdesk.console, helpdesk.queues)
    block = helpdesk.config.review
    helpdesk.review = Review(helpdesk, ctx.host, ctx.resolve(block.validation) if block.validation else None,
                             block.sync_s)
    ReviewView(helpdesk.console, helpdesk.review).register(helpdesk.console.app.router, guard)
    return helpdesk


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return HelpdeskConfig


@hookimpl
def quaid_register_handoff_targets(register: Any) -> None:
    register("helpdesk", make_helpdesk)


@hookimpl
def quaid_register_models(register: Any) -> None:
    register("quaid_helpdesk.models", None)
    register("quaid_helpdesk.queue_models", None)
    register("quaid_helpdesk.review_models", None)


@hookimpl
def quaid_register_commands(cli: Any) -> None:
    from .cli import agents

    cli.add_command(agents)


@hookimpl
async def quaid_forget(host: Host, conversation_ids: list[str]) -> None:
    """Delete the tickets of these conversations and everything written on them."""
    from .models import Ticket, TicketMessage
    from .queue_models import Change, TicketWait
    from .review_models import ReviewCandidate

    with host.db():
        ids = await Ticket.filter(conversation_id__in=conversation_ids).values_list("id", flat=True)
        await TicketMessage.filter(ticket_id__in=ids).delete()
        await TicketWait.filter(ticket_id__in=ids).delete()
        await Change.filter(ticket_id__in=ids).delete()
        await Ticket.filter(id__in=ids).delete()
        await ReviewCandidate.filter(conversation_id__in=conversation_ids, status="pending").delete()
