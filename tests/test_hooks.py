"""Every hook, exercised through the real core by an in-process plugin (test_hook_<name>),
and documented (docs/plugins.md) — datasette's pattern."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from pydantic import BaseModel, ConfigDict

from quaidcore import Span, hookimpl, hookspecs
from quaidcore.messages import Prediction, SearchResult

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
HOOKS = sorted(name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
               if name.startswith("quaid_"))


class SpyConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    word: str = "secretword"


class Spy:
    """A plugin that implements every hook and records what the core did with it."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.events: list[str] = []
        self.handoffs: list[str] = []

    @hookimpl
    def quaid_config_schema(self):
        return SpyConfig

    @hookimpl
    def quaid_register_channels(self, register):
        register("spy_channel", lambda ctx: _Lifecycle(self, "channel"))

    @hookimpl
    def quaid_register_nlu_backends(self, register):
        register("spy_nlu", lambda ctx: _NLU(self))

    @hookimpl
    def quaid_register_language_detectors(self, register):
        register("spy_lang", lambda ctx: _Lang(self))

    @hookimpl
    def quaid_register_search_backends(self, register):
        register("spy_search", lambda ctx: _Search(self))

    @hookimpl
    def quaid_register_redactors(self, register):
        register("spy_redactor", lambda ctx: _Redactor(ctx.config.word))

    @hookimpl
    def quaid_register_handoff_targets(self, register):
        register("spy_handoff", lambda ctx: _Handoff(self))

    @hookimpl
    def quaid_register_metric_sinks(self, register):
        register("spy_sink", lambda ctx: _Sink(self))

    @hookimpl
    def quaid_register_models(self, register):
        register("tests.spy_models", None)

    @hookimpl
    def quaid_register_commands(self, cli):
        @click.command("spy")
        def spy():
            click.echo("spied")
        cli.add_command(spy)

    @hookimpl
    async def quaid_forget(self, host, conversation_ids):
        self.calls.append(f"forget:{','.join(conversation_ids)}")

    @hookimpl
    async def quaid_startup(self, host):
        self.calls.append("startup")

    @hookimpl
    def quaid_shutdown(self, host):
        self.calls.append("shutdown")


class _Lifecycle:
    def __init__(self, spy, what):
        self.spy, self.what = spy, what

    async def start(self):
        self.spy.calls.append(f"{self.what}.start")

    async def stop(self):
        self.spy.calls.append(f"{self.what}.stop")

    async def deliver(self, conversation_id, replies):
        self.spy.calls.append("channel.deliver")


class _NLU:
    def __init__(self, spy):
        self.spy = spy

    def train(self, examples, progress=None):
        self.spy.calls.append(f"nlu.train:{len(examples)}")

    def save(self, path):
        path.mkdir(parents=True, exist_ok=True)
        (path / "spy").write_text("ok")

    def load(self, path):
        return False

    def predict(self, text, lang, k=3):
        self.spy.calls.append(f"nlu.predict:{text}")
        if "eta" in text:
            return [Prediction("010102", 0.99)]
        return [Prediction("010102", 0.01)]


class _Lang:
    def __init__(self, spy):
        self.spy = spy

    def detect(self, text, default):
        self.spy.calls.append("lang.detect")
        return "fr" if "bonjour" in text else default


class _Search(_Lifecycle):
    def __init__(self, spy):
        super().__init__(spy, "search")

    async def search(self, query, lang, limit=3):
        self.spy.calls.append(f"search:{query}")
        return [SearchResult("A page", "https://example.org/page")]


class _Redactor:
    def __init__(self, word):
        self.word = word

    def find(self, text):
        return [Span(m.start(), m.end(), "SECRET") for m in re.finditer(re.escape(self.word), text)]


class _Handoff(_Lifecycle):
    def __init__(self, spy):
        super().__init__(spy, "handoff")

    async def handoff(self, request):
        self.spy.handoffs.append(request.reason)

    async def client_message(self, conversation_id, text):
        self.spy.calls.append(f"forward:{text}")


class _Sink:
    def __init__(self, spy):
        self.spy = spy

    async def record(self, events):
        self.spy.events.extend(e.type for e in events)


SPY_CONFIG = {
    "plugins": {"spy": {"word": "hush"}},
    "language_detector": "spy_lang",
    "search": "spy_search",
    "redaction": ["spy_redactor"],
    "handoff": {"default": "spy_handoff"},
    "metrics": ["spy_sink"],
    "brains": {"default": {"nlu": "spy_nlu", "answer_threshold": 0.5, "clarify_threshold": 0.2}},
}


@pytest.fixture
async def spied(quaid_harness):
    spy = Spy()
    harness = await quaid_harness(plugins={"spy": spy}, config=SPY_CONFIG)
    return spy, harness


def test_every_hook_is_documented():
    text = DOCS.read_text()
    missing = [h for h in HOOKS if not re.search(rf"^### `{h}", text, re.M)]
    assert not missing, f"hooks without a section in docs/plugins.md: {missing}"


def test_every_hook_has_a_test():
    names = set(globals())
    missing = [h for h in HOOKS if f"test_hook_{h}" not in names]
    assert not missing, f"hooks without a test_hook_<name>: {missing}"


def test_every_hook_has_a_docstring():
    assert all((getattr(hookspecs, h).__doc__ or "").strip() for h in HOOKS)


async def test_hook_quaid_config_schema(spied):
    _spy, harness = spied
    assert harness.quaid.config.plugins["spy"] == SpyConfig(word="hush")


async def test_hook_quaid_register_channels(spied):
    spy, harness = spied
    assert "spy_channel" in harness.quaid.channels
    assert "channel.start" in spy.calls


async def test_hook_quaid_register_nlu_backends(spied):
    spy, harness = spied
    assert any(c.startswith("nlu.train:") for c in spy.calls)
    replies = await harness.say("eta please")
    assert "nlu.predict:eta please" in spy.calls
    assert replies[0].code == "010102"


async def test_hook_quaid_register_language_detectors(spied):
    spy, harness = spied
    eta = harness.quaid.kb.solutions["010102"].answer
    replies = await harness.say("bonjour eta")
    assert "lang.detect" in spy.calls
    assert replies[0].text == eta.fr
    replies = await harness.say("eta")  # unsure: the conversation keeps its language
    assert replies[0].text == eta.fr
    other = await harness.conversation()
    assert (await other.say("eta"))[0].text == eta.en


async def test_hook_quaid_register_search_backends(spied):
    spy, harness = spied
    replies = await harness.say("something else")
    assert "search:something else" in spy.calls
    assert replies[0].kind == "fallback" and replies[0].links[0].url == "https://example.org/page"


async def test_hook_quaid_register_redactors(spied):
    spy, harness = spied
    await harness.say("my eta hush hush")
    assert "nlu.predict:my eta [SECRET] [SECRET]" in spy.calls
    stored = [m.text for m in await harness.quaid.store.messages(harness._default.id)]
    assert not any("hush" in text for text in stored)


async def test_hook_quaid_register_handoff_targets(spied):
    spy, harness = spied
    conv = await harness.conversation()
    await conv.press("PERSON")
    assert spy.handoffs == ["asked_for_person"]
    assert await conv.say("are you there hush") == []
    assert "forward:are you there [SECRET]" in spy.calls


async def test_hook_quaid_register_metric_sinks(spied):
    spy, harness = spied
    await harness.say("eta")
    assert {"conversation_started", "message_in", "solution_sent"} <= set(spy.events)


async def test_hook_quaid_register_models(spied):
    _spy, _harness = spied
    from tests.spy_models import SpyNote

    await SpyNote.create(note="kept")
    assert await SpyNote.filter(note="kept").count() == 1


def test_hook_quaid_register_commands():
    from quaidcore.cli import cli
    from quaidcore.plugins import Plugins

    Plugins(extra={"spy": Spy()}, entry_points=False).register_commands(cli)
    result = CliRunner().invoke(cli, ["spy"])
    assert result.output.strip() == "spied"
    cli.commands.pop("spy")


async def test_hook_quaid_forget(spied):
    spy, harness = spied
    conv = await harness.conversation()
    await conv.say("eta")
    assert await harness.quaid.forget(conversation_id=conv.id) == 1
    assert f"forget:{conv.id}" in spy.calls
    assert await harness.quaid.store.messages(conv.id) == []
    assert await harness.quaid.store.events(conv.id) == []


async def test_hook_quaid_startup(spied):
    spy, _ = spied
    assert "startup" in spy.calls


async def test_hook_quaid_shutdown(spied):
    spy, harness = spied
    await harness.quaid.stop()
    assert "shutdown" in spy.calls and "channel.stop" in spy.calls
