"""Quaid channel ``botframework``: Microsoft Bot Framework (Teams, Web Chat, Direct Line).

``POST /api/botframework/messages`` takes the Bot Connector's activities, validated with
botbuilder's own authentication; replies go back through the activity's ``serviceUrl`` with
the SDK's ``ConnectorClient``, from a durable outbox. See ``README.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from quaidcore import Host, hookimpl

from .config import BotFrameworkConfig

if TYPE_CHECKING:
    from quaidcore import ComponentContext

    from .channel import BotFrameworkChannel

QUAID_HOST_API = ">=1.0,<2"

__all__ = ["BotFrameworkChannel", "BotFrameworkConfig"]


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return BotFrameworkConfig


def __getattr__(name: str) -> Any:
    """``BotFrameworkChannel`` on first use: botbuilder (about 20 MB) is imported only by a
    process whose config enables the channel."""
    if name == "BotFrameworkChannel":
        from .channel import BotFrameworkChannel

        return BotFrameworkChannel
    raise AttributeError(name)


def _channel(ctx: ComponentContext) -> BotFrameworkChannel:
    from .channel import BotFrameworkChannel

    return BotFrameworkChannel(ctx)


@hookimpl
def quaid_register_channels(register: Any) -> None:
    register("botframework", _channel)


@hookimpl
def quaid_register_models(register: Any) -> None:
    register("quaid_botframework.models", None)


@hookimpl
async def quaid_forget(host: Host, conversation_ids: list[str]) -> None:
    """Delete the stored conversation references (the platform's IDs) of these conversations."""
    from .models import BotFrameworkReference

    with host.db():
        await BotFrameworkReference.filter(conversation_id__in=conversation_ids).delete()
