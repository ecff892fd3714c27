"""Every path of the conversation, end to end over HTTP on the real server, checking the
replies' kind and code and the events stored; and a restart in the middle of a conversation."""

from __future__ import annotations

import asyncio
import signal
import time

import aiohttp
import pytest

from quaidcore import Prediction, hookimpl
from quaidcore.app import Quaid
from quaidcore.config import DEFAULT_CONFIG, parse_config, read_yaml
from quaidcore.plugins import Plugins
from quaidcore.testing import merge
from tests.conftest import free_port, serving, start_quaid, wait_healthy

KEYWORDS = {"eta": ("010102", 0.95), "visa": ("010201", 0.5), "work": ("050501", 0.45),
            "agent": ("@person", 0.9)}


class KeywordNLU:
    """A deterministic NLU for path tests: confidences come from a keyword table."""

    def train(self, examples, progress=None):
        pass

    def save(self, path):
        pass

    def load(self, path):
        return True

    def predict(self, text, lang, k=3):
        found = [Prediction(*KEYWORDS[w]) for w in text.lower().split() if w in KEYWORDS]
        return sorted(found, key=lambda p: -p.confidence)[:k]


class KeywordPlugin:
    @hookimpl
    def quaid_register_nlu_backends(self, register):
        register("keywords", lambda ctx: KeywordNLU())


@pytest.fixture
async def http(tmp_path):
    plugins = Plugins(extra={"keywords": KeywordPlugin()})
    raw = merge(read_yaml(DEFAULT_CONFIG), {
        "data_dir": str(tmp_path / "data"),
        "plugins": {"keywords": None, "web": {"rate_limit_per_minute": 0}},
        "channel_brains": {"web": "default"},
        "brains": {"default": {"nlu": "keywords", "answer_threshold": 0.8, "clarify_threshold": 0.4,
                               "languages": {lang: {"answer_threshold": 0.8, "clarify_threshold": 0.4}
                                             for lang in ("en", "fr")}}},
    })
    quaid = Quaid(parse_config(raw, DEFAULT_CONFIG, plugins), plugins)
    async with serving(quaid) as session:
        yield Client(session, quaid)


class Client:
    def __init__(self, session, quaid):
        self.session, self.quaid, self.id = session, quaid, None

    async def open(self):
        async with self.session.post("/api/web/conversations", json={"lang": "en"}) as resp:
            body = await resp.json()
        self.id = body["conversation_id"]
        return body["replies"]

    async def send(self, **body):
        async with self.session.post(f"/api/web/conversations/{self.id}/messages", json=body) as resp:
            assert resp.status == 200, await resp.text()
            return (await resp.json())["replies"]

    async def events(self):
        return [e.type for e in await self.quaid.store.events(self.id)]


def kinds(replies):
    return [(r["kind"], r["code"]) for r in replies]


async def test_answer_then_yes_is_resolved_by_bot(http):
    await http.open()
    assert kinds(await http.send(payload="SCOPE_GENERAL")) == [("system", None)]
    assert kinds(await http.send(text="eta cost")) == [("answer", "010102"), ("survey", None)]
    assert kinds(await http.send(payload="YES")) == [("system", None)]
    assert await http.events() == ["conversation_started", "message_in", "message_in", "solution_sent",
                                   "message_in", "answer_feedback", "resolved"]
    conv = await http.quaid.store.conversation(http.id)
    assert conv.outcome == "resolved_by_bot"


async def test_answer_no_then_search_then_not_helpful_hands_off(http):
    await http.open()
    await http.send(text="eta")
    replies = await http.send(payload="NO")
    assert kinds(replies) == [("fallback", None), ("survey", None)]
    assert replies[0]["links"] and all(link["url"].startswith("https://www.canada.ca/")
                                       for link in replies[0]["links"])
    assert kinds(await http.send(payload="NO")) == [("handoff", None)]
    events = await http.events()
    for _ in range(100):  # the ticket's event is stored after the reply (emit(..., wait=False)): wait for it
        if events[-1:] == ["ticket_created"]:
            break
        await asyncio.sleep(0.05)
        events = await http.events()
    assert events[-7:] == ["message_in", "answer_feedback", "fallback_offered",
                           "message_in", "search_feedback", "handoff", "ticket_created"], \
        "the ticket is created after the turn that handed off is stored, and its event follows"
    assert await http.send(text="hello?") == [], "an agent owns the conversation: the bot is silent"


async def test_clarify_then_choose(http):
    await http.open()
    replies = await http.send(text="visa work")
    assert kinds(replies) == [("clarify", None)]
    payloads = [q["payload"] for q in replies[0]["quick_replies"]]
    assert payloads == ["CODE:010201", "CODE:050501", "NONE"]
    assert kinds(await http.send(payload="CODE:050501")) == [("answer", "050501"), ("survey", None)]
    assert "clarification" in await http.events() and "clarification_chosen" in await http.events()


async def test_clarify_none_of_these_searches(http):
    await http.open()
    await http.send(text="visa")
    assert kinds(await http.send(payload="NONE")) == [("fallback", None), ("survey", None)]


async def test_own_file_hands_off_straight_away(http):
    await http.open()
    replies = await http.send(payload="SCOPE_OWN_FILE")
    assert kinds(replies) == [("handoff", None)]
    assert "agent" in replies[0]["text"]
    assert "handoff" in await http.events()


async def test_person_mid_flow(http):
    await http.open()
    await http.send(text="visa")
    assert kinds(await http.send(text="agent")) == [("handoff", None)]


async def test_unanswerable_offers_site_pages(http):
    await http.open()
    replies = await http.send(text="adopting a child from another country")
    assert kinds(replies) == [("fallback", None), ("survey", None)]
    assert any("adopt" in link["url"] for link in replies[0]["links"])
    assert kinds(await http.send(payload="YES")) == [("system", None)]
    assert (await http.quaid.store.conversation(http.id)).outcome == "resolved_by_bot"


async def test_agent_resolves_then_survey(http):
    await http.open()
    await http.send(payload="PERSON")
    await http.quaid.agent_reply(http.id, "Here is how it works.", code="010102")
    await http.quaid.resolve(http.id)
    assert kinds(await http.send(payload="SAT:4")) == [("system", None)]
    assert (await http.events())[-4:] == ["solution_sent", "resolved", "message_in", "satisfaction"]
    stored = await http.quaid.store.events(http.id)
    assert [e.data for e in stored if e.type == "satisfaction"] == [{"score": 4}]


async def test_inactive_conversation_is_abandoned(http):
    await http.open()
    await http.send(text="visa")
    later = time.time() + http.quaid.core.dialogue.inactivity_timeout_s + 1
    assert await http.quaid.abandon_idle(now=later) == 1
    conv = await http.quaid.store.conversation(http.id)
    assert (conv.stage, conv.outcome) == ("abandoned", "abandoned")
    assert (await http.events())[-1] == "abandoned"


async def test_restart_mid_conversation_resumes(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    first = start_quaid(port, tmp_path / "data")
    try:
        async with aiohttp.ClientSession(base) as session:
            await wait_healthy(session)
            async with session.post("/api/web/conversations") as resp:
                conv = (await resp.json())["conversation_id"]
            async with session.post(f"/api/web/conversations/{conv}/messages",
                                    json={"text": "how do i renew my pr card"}) as resp:
                replies = (await resp.json())["replies"]
            assert replies[0]["code"] == "080101"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=20)
    second = start_quaid(port, tmp_path / "data")
    try:
        async with aiohttp.ClientSession(base) as session:
            await wait_healthy(session)
            async with session.post(f"/api/web/conversations/{conv}/messages", json={"payload": "YES"}) as resp:
                assert resp.status == 200
                replies = (await resp.json())["replies"]
            assert replies[0]["text"].startswith("Glad I could help")
    finally:
        second.terminate()
        second.wait(timeout=20)


async def test_channel_without_bot_becomes_a_ticket(demo_harness):
    bot = await demo_harness(config={"dialogue": {"channels_without_bot": ["test"]}})
    conv = await bot.conversation()
    assert conv.greeting == []
    assert await conv.say("how do i renew my pr card") == []
    stored = await bot.quaid.store.conversation(conv.id)
    assert stored.owner == "agent"
    await asyncio.gather(*bot.quaid._emitting)  # the ticket's event is emitted without holding the reply
    events = [e.type for e in await bot.quaid.store.events(conv.id)]
    assert events == ["conversation_started", "message_in", "handoff", "ticket_created"]
