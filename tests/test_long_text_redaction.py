"""A client's long text is redacted on the redaction thread (Quaid.redact_client_text): a hostile text that costs
the redactor a second holds its own conversation only, while the event loop goes on serving the others."""

from __future__ import annotations

import asyncio
import threading

from quaidcore import Span, hookimpl
from quaidcore.app import LONG_TEXT


class Slow:
    """A redactor that, on a long text, waits until the test lets it go (the stand-in for a costly text)."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.threads: list[str] = []

    @hookimpl
    def quaid_register_redactors(self, register):
        register("slow_redactor", lambda ctx: self)

    def find(self, text: str) -> list[Span]:
        self.threads.append(threading.current_thread().name)
        if len(text) > LONG_TEXT:
            self.entered.set()
            self.release.wait(10)
        return []


async def test_a_long_text_is_redacted_while_other_clients_are_answered(demo_harness):
    slow = Slow()
    bot = await demo_harness(plugins={"slow": slow}, config={
        "plugins": {"slow": None}, "redaction": ["slow_redactor", "patterns"]})
    long_conv, short_conv = await bot.conversation(), await bot.conversation()
    pending = asyncio.create_task(long_conv.say("my question is about my eta, " * 40))
    assert await asyncio.to_thread(slow.entered.wait, 10), "the long text reached the redactor"
    answered = await asyncio.wait_for(short_conv.say("how much does an eta cost"), 30)
    assert answered[0].code == "010102"
    assert not pending.done(), "the long text's turn waits for its redaction, the other client does not"
    slow.release.set()
    assert await asyncio.wait_for(pending, 30)
    assert slow.threads[0].startswith("quaid-redact"), "the long text was read on the redaction thread"
    assert not any(name.startswith("quaid-redact") for name in slow.threads[1:]), "short texts stay on the loop"


async def test_a_long_text_is_masked_as_a_short_one_is(demo_harness):
    bot = await demo_harness()
    conv = await bot.conversation()
    text = "please write to me at jane.roe@example.org " + "about my visitor visa, " * 30
    assert len(text) > LONG_TEXT
    await conv.say(text)
    stored = [m.text for m in await bot.quaid.store.messages(conv.id) if m.direction == "in"]
    assert "jane.roe@example.org" not in stored[-1] and "[EMAIL]" in stored[-1]
