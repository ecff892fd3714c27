"""Quaid channel ``messenger``: Facebook Messenger through the Messenger Platform.

Webhooks in (``/api/messenger/webhook``: subscription check, signed events), the Send API
out, both through the core's durable outbox: an acknowledged message is answered even
across a restart, once, in order per user. See README.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from quaidcore import Host, hookimpl

from .channel import CHANNEL, MessengerChannel, messenger_users
from .config import MessengerConfig

QUAID_HOST_API = ">=1.0,<2"

__all__ = ["MessengerChannel", "MessengerConfig"]


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return MessengerConfig


@hookimpl
def quaid_register_channels(register: Any) -> None:
    register(CHANNEL, MessengerChannel)


@hookimpl
def quaid_register_models(register: Any) -> None:
    register("quaid_messenger.models", None)


@hookimpl
async def quaid_forget(host: Host, conversation_ids: list[str]) -> None:
    """Delete the PSID of these conversations' users and their outbox items (the messages
    in and out, redacted, sent or not)."""
    await messenger_users(host).forget(conversation_ids)
