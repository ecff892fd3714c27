"""A test harness for plugin authors: drive a conversation through the real core, no network.

Like errbot's test backend: the harness builds a real :class:`~quaidcore.app.Quaid` (real
config validation, knowledge base, NLU, dialogue policy, SQLite store in a temporary folder)
with an in-process ``test`` channel that records what is delivered later::

    async def test_my_plugin(quaid_harness):
        bot = await quaid_harness(plugins={"mine": my_module}, config={"plugins": {"mine": {}}})
        replies = await bot.say("how much is an eta")
        assert replies[0].code == "010102"

The ``quaid_harness`` fixture is registered with pytest through the ``pytest11`` entry point.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from .app import Quaid
from .config import DEFAULT_CONFIG, parse_config, read_yaml
from .messages import Inbound, Reply
from .plugins import Plugins, hookimpl


class _TestChannelPlugin:
    """The harness's own channel: records replies delivered outside a request."""

    def __init__(self) -> None:
        self.delivered: dict[str, list[Reply]] = {}

    @hookimpl
    def quaid_register_channels(self, register: Any) -> None:
        register("test", lambda ctx: self)

    async def start(self) -> None:
        """Nothing to start."""

    async def stop(self) -> None:
        """Nothing to stop."""

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Keep the replies for the test to read."""
        self.delivered.setdefault(conversation_id, []).extend(replies)


class Conversation:
    """One conversation on the harness's ``test`` channel."""

    def __init__(self, harness: Harness, conversation_id: str, greeting: list[Reply]) -> None:
        self.harness, self.id, self.greeting = harness, conversation_id, greeting

    async def say(self, text: str, lang: str | None = None) -> list[Reply]:
        """The client types `text`; returns the bot's replies."""
        return await self.harness.quaid.handle(Inbound("test", self.id, text=text, lang=lang))

    async def press(self, payload: str) -> list[Reply]:
        """The client presses a quick reply."""
        return await self.harness.quaid.handle(Inbound("test", self.id, payload=payload))

    @property
    def delivered(self) -> list[Reply]:
        """Replies delivered later (an agent's, the survey)."""
        return self.harness.channel.delivered.get(self.id, [])


class Harness:
    """A started Quaid with a test channel; use :meth:`conversation` to talk to it."""

    def __init__(self, quaid: Quaid, channel: _TestChannelPlugin) -> None:
        self.quaid, self.channel = quaid, channel
        self._default: Conversation | None = None

    async def conversation(self, lang: str | None = None) -> Conversation:
        """Open a new conversation."""
        conversation_id, replies = await self.quaid.start_conversation("test", lang)
        return Conversation(self, conversation_id, replies)

    async def say(self, text: str) -> list[Reply]:
        """Talk in one default conversation (opened on first use)."""
        if self._default is None:
            self._default = await self.conversation()
        return await self._default.say(text)


def merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge `override` into a copy of `base`."""
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


async def make_harness(data_dir: Path, config: Mapping[str, Any] | None = None,
                       plugins: Mapping[str, Any] | None = None, base: Path = DEFAULT_CONFIG,
                       entry_points: bool = True) -> Harness:
    """Build and start a :class:`Harness` over the config at `base` merged with `config`."""
    channel = _TestChannelPlugin()
    registry = Plugins(extra={"test_channel": channel, **(plugins or {})}, entry_points=entry_points)
    raw = merge(read_yaml(base), {"data_dir": str(data_dir), **(config or {})})
    raw.setdefault("plugins", {})["test_channel"] = None
    quaid = Quaid(parse_config(raw, base, registry), registry)
    await quaid.start()
    return Harness(quaid, channel)


@pytest.fixture
async def quaid_harness(tmp_path: Path) -> AsyncIterator[Any]:
    """A factory: ``await quaid_harness(config=..., plugins=...)`` → a started Harness."""
    started: list[Harness] = []

    async def factory(**kwargs: Any) -> Harness:
        harness = await make_harness(tmp_path / f"data{len(started)}", **kwargs)
        started.append(harness)
        return harness

    yield factory
    for harness in started:
        await harness.quaid.stop()
