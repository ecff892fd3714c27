"""A test harness for plugin authors: conversations through the real core, no network.

Like errbot's test backend: the harness builds a real :class:`~quaidcore.app.Quaid` (config
validation, knowledge base, NLU, dialogue policy, SQLite store in a temporary folder) with
an in-process ``test`` channel that records what is delivered later. By default it is
fast: only the plugins the test names are loaded, the knowledge base is the small starter
KB of the wheel and the NLU is a light fuzzy matcher (``harness_nlu``), and the handoff
target and metric sink are recording fakes::

    async def test_my_sink(quaid_harness):
        sink = RecordingSink()
        bot = await quaid_harness(plugins={"mine": MySinkPlugin(sink)},
                                  config={"metrics": ["mine"], "plugins": {"mine": {}}})
        await bot.say("how much is an eta")
        assert "solution_sent" in [e.type for e in sink.events]

``use=["patterns", "web"]`` also loads installed plugins by entry-point name; ``config_file``
starts from a config of your own (its plugins are loaded from the installed ones).
``await bot.http()`` is an HTTP client over the real aiohttp application (for channel
plugins). The ``quaid_harness`` fixture reaches pytest through the ``pytest11`` entry
point; it works in ``asyncio_mode = "auto"`` and, in strict mode, in tests marked
``@pytest.mark.asyncio``.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

try:  # the fixture needs pytest-asyncio; without it, importing this module must not break pytest
    import pytest_asyncio

    _async_fixture = pytest_asyncio.fixture
except ImportError:  # pragma: no cover
    import pytest

    _async_fixture = pytest.fixture

from .components import ComponentContext, HandoffRequest
from .config import STARTER, parse_config, read_yaml
from .messages import Event, Inbound, Prediction, Reply, TrainingExample
from .plugins import Plugins, hookimpl

__all__ = ["Conversation", "Harness", "RecordingHandoffTarget", "RecordingSink", "make_harness",
           "merge", "quaid_harness"]

HARNESS_PLUGIN = "harness"


class FuzzyNLU:
    """``harness_nlu``: nearest training example by rapidfuzz's WRatio. Trains instantly."""

    def __init__(self, ctx: ComponentContext | None = None) -> None:
        self.examples: list[TrainingExample] = []

    def train(self, examples: Sequence[TrainingExample], progress: Any = None) -> None:
        """Keep the examples."""
        self.examples = list(examples)

    def save(self, path: Path) -> None:
        """Nothing to save: training is instant."""

    def load(self, path: Path) -> bool:
        """Never cached: always train."""
        return False

    def predict(self, text: str, lang: str, k: int = 3) -> list[Prediction]:
        """The `k` best codes by their best-matching example in `lang`."""
        pool = [e for e in self.examples if e.lang == lang] or self.examples
        best: dict[str, float] = {}
        for _, score, index in process.extract(text.lower(), [e.text.lower() for e in pool],
                                               scorer=fuzz.WRatio, limit=k * 8):
            code = pool[index].code
            best[code] = max(best.get(code, 0.0), score / 100)
        ranked = sorted(best.items(), key=lambda item: -item[1])[:k]
        return [Prediction(code, confidence) for code, confidence in ranked]


class RecordingHandoffTarget:
    """A handoff target that keeps what it receives: ``requests`` and ``forwarded``.

    Set ``fail = True`` to make the next handoffs raise (the client is told, and the bot
    keeps the conversation).
    """

    def __init__(self, ctx: ComponentContext | None = None) -> None:
        self.requests: list[HandoffRequest] = []
        self.forwarded: list[tuple[str, str]] = []
        self.fail = False

    async def start(self) -> None:
        """Nothing to start."""

    async def stop(self) -> None:
        """Nothing to stop."""

    async def handoff(self, request: HandoffRequest) -> None:
        """Keep the request (or raise when ``fail`` is set)."""
        if self.fail:
            raise RuntimeError("handoff target down (RecordingHandoffTarget.fail)")
        self.requests.append(request)

    async def client_message(self, conversation_id: str, text: str) -> None:
        """Keep the forwarded message."""
        self.forwarded.append((conversation_id, text))


class RecordingSink:
    """A metric sink that keeps every event it receives, in order (``events``)."""

    def __init__(self, ctx: ComponentContext | None = None) -> None:
        self.events: list[Event] = []

    async def record(self, events: Sequence[Event]) -> None:
        """Keep the events."""
        self.events.extend(events)

    def types(self) -> list[str]:
        """The types of the events received, in order."""
        return [e.type for e in self.events]


class _HarnessPlugin:
    """The harness's own plugin: the ``test`` channel, ``harness_nlu``, and the recording
    handoff target and metric sink (both named ``recording``)."""

    def __init__(self) -> None:
        self.delivered: dict[str, list[Reply]] = {}
        self.handoff = RecordingHandoffTarget()
        self.sink = RecordingSink()

    @hookimpl
    def quaid_register_channels(self, register: Any) -> None:
        register("test", lambda ctx: self)

    @hookimpl
    def quaid_register_nlu_backends(self, register: Any) -> None:
        register("harness_nlu", FuzzyNLU)

    @hookimpl
    def quaid_register_handoff_targets(self, register: Any) -> None:
        register("recording", lambda ctx: self.handoff)

    @hookimpl
    def quaid_register_metric_sinks(self, register: Any) -> None:
        register("recording", lambda ctx: self.sink)

    async def start(self) -> None:
        """Nothing to start."""

    async def stop(self) -> None:
        """Nothing to stop."""

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Keep the replies for the test to read."""
        self.delivered.setdefault(conversation_id, []).extend(replies)


HARNESS_NLU = "harness_nlu"
PAIR_KEYS = ("answer_threshold", "clarify_threshold", "languages")

# The fast default: the wheel's starter KB, the light NLU, recording fakes, no redaction.
FAST_CONFIG: dict[str, Any] = {
    "kb": str(STARTER / "kb"),
    "languages": ["en", "fr"],
    "default_language": "en",
    "brains": {"default": {"nlu": "harness_nlu", "answer_threshold": 0.8, "clarify_threshold": 0.6}},
    "handoff": {"default": "recording"},
    "metrics": ["recording"],
    "redaction": [],
}


class Conversation:
    """One conversation on the harness's ``test`` channel."""

    def __init__(self, harness: Harness, conversation_id: str, greeting: list[Reply]) -> None:
        self.harness, self.id, self.greeting = harness, conversation_id, greeting

    async def say(self, text: str, lang: str | None = None) -> list[Reply]:
        """The client types `text`; returns the bot's replies."""
        return await self.harness.host.handle(Inbound("test", self.id, text=text, lang=lang))

    async def press(self, payload: str) -> list[Reply]:
        """The client presses a quick reply."""
        return await self.harness.host.handle(Inbound("test", self.id, payload=payload))

    async def hand_off(self, reason: str = "asked_for_person") -> list[Reply]:
        """Hand the conversation to people, as a plugin would."""
        return await self.harness.host.hand_off(self.id, reason)

    async def agent_reply(self, text: str, code: str | None = None, agent: str = "agent1") -> list[Reply]:
        """An agent answers (delivered to :attr:`delivered`)."""
        return await self.harness.host.agent_reply(self.id, text, code, agent=agent)

    async def resolve(self, agent: str = "agent1") -> list[Reply]:
        """The agent resolves: the survey is delivered."""
        return await self.harness.host.resolve(self.id, agent=agent)

    @property
    def delivered(self) -> list[Reply]:
        """Replies delivered later (an agent's, the survey)."""
        return self.harness.plugin.delivered.get(self.id, [])


class Harness:
    """A started Quaid with a test channel; use :meth:`conversation` to talk to it."""

    def __init__(self, quaid: Any, plugin: _HarnessPlugin) -> None:
        self.quaid, self.plugin = quaid, plugin
        self._default: Conversation | None = None
        self._clients: list[Any] = []

    @property
    def host(self) -> Any:
        """The :class:`~quaidcore.host.Host`, as plugins see it."""
        return self.quaid

    @property
    def handoff(self) -> RecordingHandoffTarget:
        """The recording handoff target (selected by the fast default config)."""
        return self.plugin.handoff

    @property
    def sink(self) -> RecordingSink:
        """The recording metric sink (selected by the fast default config)."""
        return self.plugin.sink

    async def conversation(self, lang: str | None = None) -> Conversation:
        """Open a new conversation."""
        conversation_id, replies = await self.quaid.start_conversation("test", lang)
        return Conversation(self, conversation_id, replies)

    async def say(self, text: str) -> list[Reply]:
        """Talk in one default conversation (opened on first use)."""
        if self._default is None:
            self._default = await self.conversation()
        return await self._default.say(text)

    async def http(self) -> Any:
        """An aiohttp test client over the real web application (every plugin's routes)::

            client = await bot.http()
            resp = await client.post("/api/web/conversations")
        """
        from aiohttp.test_utils import TestClient, TestServer

        from .app import build_web_app

        app = build_web_app(self.quaid)
        app.cleanup_ctx.clear()  # the harness already started the host
        client = TestClient(TestServer(app))
        await client.start_server()
        self._clients.append(client)
        return client

    async def close(self) -> None:
        """Close HTTP clients and stop the host."""
        for client in self._clients:
            await client.close()
        await self.quaid.stop()


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
                       plugins: Mapping[str, Any] | None = None, use: Iterable[str] = (),
                       config_file: str | Path | None = None, train: bool = True) -> Harness:
    """Build and start a :class:`Harness`.

    `plugins` are plugin objects registered in process; `use` names installed plugins to
    load by entry point. Without `config_file` the fast default config is used (merged with
    `config`); with it, that file (merged with `config`) and every plugin it enables.
    """
    from .app import Quaid

    harness_plugin = _HarnessPlugin()
    if config_file is not None:
        source = Path(config_file).resolve()
        raw = read_yaml(source)
        wanted: set[str] = {*(raw.get("plugins") or {}), *(config or {}).get("plugins", {}), *use}
    else:
        source = STARTER / "harness.yaml"
        raw = copy.deepcopy(FAST_CONFIG)
        wanted = set(use)
    wanted -= set(plugins or {})
    registry = Plugins(extra={HARNESS_PLUGIN: harness_plugin, **(plugins or {})},
                       entry_points=sorted(wanted) or False)
    raw = merge(raw, {"data_dir": str(data_dir), **(config or {})})
    if config_file is None:
        _key_harness_thresholds(raw)
    raw.setdefault("plugins", {})
    raw["plugins"][HARNESS_PLUGIN] = None
    for name in use:
        raw["plugins"].setdefault(name, None)
    quaid = Quaid(parse_config(raw, source, registry), registry)
    await quaid.start(train=train)
    return Harness(quaid, harness_plugin)


def _key_harness_thresholds(raw: dict[str, Any]) -> None:
    """Brains on ``harness_nlu`` with the plain pair (the fast default, maybe overridden by
    the test) get it as ``thresholds_by_backend.harness_nlu``: the same thresholds, without
    the start-up warning that they may have been calibrated for another backend."""
    for brain in (raw.get("brains") or {}).values():
        if not isinstance(brain, dict) or brain.get("nlu") != HARNESS_NLU:
            continue
        keyed = brain.get("thresholds_by_backend") or {}
        if HARNESS_NLU not in keyed and any(key in brain for key in PAIR_KEYS):
            keyed[HARNESS_NLU] = {key: brain.pop(key) for key in PAIR_KEYS if key in brain}
            brain["thresholds_by_backend"] = keyed


@_async_fixture
async def quaid_harness(tmp_path: Path) -> AsyncIterator[Any]:
    """A factory: ``await quaid_harness(config=..., plugins=..., use=...)`` → a started
    :class:`Harness` (stopped at the end of the test)."""
    started: list[Harness] = []

    async def factory(**kwargs: Any) -> Harness:
        harness = await make_harness(tmp_path / f"data{len(started)}", **kwargs)
        started.append(harness)
        return harness

    yield factory
    for harness in started:
        await harness.close()
