"""Quaid handoff target ``helpdesk``: the built-in helpdesk and its web agent console.

Handed-off conversations become tickets in the core's store, routed by channel to the
agents who serve it; agents work in the console at ``/console/`` (sign-in, queues, live
conversation view, canned responses with their codes, notes, expert consultations,
resolve). ``quaid agents add|list|disable`` manages accounts. See README.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from quaidcore import hookimpl

from .config import HelpdeskConfig
from .tickets import Helpdesk

__all__ = ["Helpdesk", "HelpdeskConfig"]


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return HelpdeskConfig


@hookimpl
def quaid_register_handoff_targets(register: Any) -> None:
    register("helpdesk", Helpdesk)


@hookimpl
def quaid_register_models(register: Any) -> None:
    register("quaid_helpdesk.models", None)


@hookimpl
def quaid_register_commands(cli: Any) -> None:
    from .cli import agents

    cli.add_command(agents)


@hookimpl
async def quaid_forget(quaid: Any, conversation_ids: list[str]) -> None:
    """Delete the tickets of these conversations and everything written on them."""
    from .models import Ticket, TicketMessage

    with quaid.store.bound():
        ids = await Ticket.filter(conversation_id__in=conversation_ids).values_list("id", flat=True)
        await TicketMessage.filter(ticket_id__in=ids).delete()
        await Ticket.filter(id__in=ids).delete()
