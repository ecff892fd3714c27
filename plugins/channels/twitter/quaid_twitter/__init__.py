"""Quaid channel ``twitter``: X direct messages through the Account Activity API.

Webhooks in (``/api/twitter/webhook``: CRC, signed events), API v2 direct messages out,
both through the core's durable outbox. With ``dialogue.channels_without_bot: [twitter]``
every conversation goes straight to the helpdesk and agents' replies go back as direct
messages. See README.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from quaidcore import Host, hookimpl

from .channel import CHANNEL, TwitterChannel, twitter_users
from .config import TwitterConfig

QUAID_HOST_API = ">=1.0,<2"

__all__ = ["TwitterChannel", "TwitterConfig"]


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return TwitterConfig


@hookimpl
def quaid_register_channels(register: Any) -> None:
    register(CHANNEL, TwitterChannel)


@hookimpl
def quaid_register_models(register: Any) -> None:
    register("quaid_twitter.models", None)


@hookimpl
async def quaid_forget(host: Host, conversation_ids: list[str]) -> None:
    """Delete the X user ID of these conversations' users and their outbox items (the
    messages in and out, redacted, sent or not)."""
    await twitter_users(host).forget(conversation_ids)
