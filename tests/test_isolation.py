"""A plugin that fails is logged and isolated: the conversation goes on (ARCHITECTURE.md)."""

from __future__ import annotations

import io
import json

from quaidcore import Span, hookimpl


class Broken:
    """Offers a metric sink, a search backend and a handoff target that all throw, and a
    redactor that throws on one word."""

    @hookimpl
    def quaid_register_metric_sinks(self, register):
        register("broken_sink", lambda ctx: self)

    @hookimpl
    def quaid_register_search_backends(self, register):
        register("broken_search", lambda ctx: self)

    @hookimpl
    def quaid_register_handoff_targets(self, register):
        register("broken_handoff", lambda ctx: self)

    @hookimpl
    def quaid_register_redactors(self, register):
        register("broken_redactor", lambda ctx: self)

    async def start(self):
        pass

    async def stop(self):
        pass

    async def record(self, events):
        raise RuntimeError("sink down")

    async def search(self, query, lang, limit=3):
        raise ConnectionError("search down")

    async def handoff(self, request):
        raise ConnectionError("helpdesk down")

    async def client_message(self, conversation_id, text):
        raise ConnectionError("helpdesk down")

    def find(self, text):
        if "explode" in text:
            raise ValueError("bug in a redactor")
        return [Span(0, 0, "NOTHING")]


async def test_failing_plugins_are_logged_and_the_conversation_goes_on(demo_harness):
    from quaidcore.logging import configure

    bot = await demo_harness(plugins={"broken": Broken()}, config={
        "plugins": {"broken": None}, "metrics": ["broken_sink"], "search": "broken_search",
        "handoff": {"default": "broken_handoff"}, "redaction": ["broken_redactor", "patterns"]})
    stream = io.StringIO()
    configure("json", "info", stream)
    conv = await bot.conversation()
    answered = await conv.say("how much does an eta cost")
    assert answered[0].code == "010102", "a failing metric sink does not stop the answer"
    rephrase = await conv.say("who won the hockey game last night")
    assert [r.kind for r in rephrase] == ["system"], "off-topic: asked to rephrase, once"
    no_pages = await conv.say("and what is the weather like in ulaanbaatar today")
    assert [r.kind for r in no_pages] == ["handoff", "system"], "search down: to a person, who fails"
    assert no_pages[1].text == bot.quaid.texts.get("handoff_unavailable", "en")
    assert (await conv.say("how much does an eta cost"))[0].code == "010102", "the bot took it back"
    await conv.say("are you there? explode")
    stored = [m.text for m in await bot.quaid.store.messages(conv.id) if m.direction == "in"]
    assert stored[-1] == "[REDACTED]", "a failing redactor masks the whole text (fail closed)"
    logged = [json.loads(line)["event"] for line in stream.getvalue().splitlines()]
    assert {"metric_sink_failed", "search_failed", "handoff_failed", "redactor_failed"} <= set(logged)
