"""The web channel's public API over real HTTP on a free loopback port (specs/web-api.md)."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from quaid_web.models import Answered, Opened, Transcript

from quaidcore.app import Quaid
from quaidcore.config import DEFAULT_CONFIG, parse_config, read_yaml
from quaidcore.plugins import Plugins
from quaidcore.testing import merge
from tests.conftest import free_port, serving, start_quaid, wait_healthy

REPLY_KEYS = {"text", "quick_replies", "links", "code", "kind"}


@pytest.fixture
async def server(tmp_path):
    """The real aiohttp server, default config, SQLite in tmp_path."""
    plugins = Plugins()
    raw = merge(read_yaml(DEFAULT_CONFIG), {"data_dir": str(tmp_path / "data"),
                                            "plugins": {"web": {"rate_limit_per_minute": 30}}})
    quaid = Quaid(parse_config(raw, DEFAULT_CONFIG, plugins), plugins)
    async with serving(quaid) as session:
        session.quaid = quaid
        yield session


async def open_conversation(server, body=None):
    async with server.post("/api/web/conversations", json=body) as resp:
        assert resp.status == 201
        return await resp.json()


async def send(server, conversation_id, body):
    async with server.post(f"/api/web/conversations/{conversation_id}/messages", json=body) as resp:
        return resp.status, await resp.json()


async def test_greeting_question_answer_with_code(server):
    opened = await open_conversation(server)
    greeting = opened["replies"][0]
    assert greeting["kind"] == "greeting" and set(greeting) == REPLY_KEYS
    assert "personal information" in greeting["text"]
    assert greeting["links"], "the greeting links to the terms of use"
    status, body = await send(server, opened["conversation_id"], {"payload": "SCOPE_GENERAL"})
    assert status == 200
    status, body = await send(server, opened["conversation_id"],
                              {"text": "how many hours a week can i work as a student"})
    assert status == 200
    answer = body["replies"][0]
    assert answer["kind"] == "answer" and answer["code"] == "050501"
    assert body["replies"][1]["quick_replies"][0]["payload"] == "YES"


async def test_french_greeting(server):
    opened = await open_conversation(server, {"lang": "fr"})
    assert opened["replies"][0]["text"].startswith("Bonjour")


async def test_health_and_openapi(server):
    async with server.get("/healthz") as resp:
        assert resp.status == 200 and await resp.json() == {"status": "ok"}
    async with server.get("/openapi.json") as resp:
        doc = await resp.json()
    assert "/api/web/conversations/{id}/messages" in doc["paths"]
    assert set(doc["paths"]["/api/web/conversations/{id}/messages"]) == {"post", "get"}


@pytest.mark.parametrize("raw, status, fragment", [
    (b"{not json", 400, "malformed JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (b'{"text": 42}', 400, "'text' must be a string"),
    (b'{"payload": ["x"]}', 400, "'payload' must be a string"),
    (b'{"text": null}', 400, "'text' must be a string"),
    (b'{"payload": "my email is someone@example.org"}', 400, "quick-reply payload"),
    (b"{}", 400, "'text' or 'payload'"),
    (b"", 400, "JSON body is required"),
    (b'{"text": "\xff\xfe"}', 400, "UTF-8"),
    (json.dumps({"text": "x" * 20000}).encode(), 413, "limit"),
])
async def test_bad_bodies_are_named_and_change_nothing(server, raw, status, fragment):
    opened = await open_conversation(server)
    before = len(await server.quaid.store.messages(opened["conversation_id"]))
    events_before = len(await server.quaid.store.events())
    async with server.post(f"/api/web/conversations/{opened['conversation_id']}/messages", data=raw,
                           headers={"Content-Type": "application/json"}) as resp:
        assert resp.status == status
        assert fragment in (await resp.json())["error"]
    assert len(await server.quaid.store.messages(opened["conversation_id"])) == before
    assert len(await server.quaid.store.events()) == events_before


async def test_unknown_conversation_is_404(server):
    status, body = await send(server, "no-such-id", {"text": "hello"})
    assert status == 404 and "unknown conversation" in body["error"]
    async with server.get("/api/web/conversations/no-such-id/events") as resp:
        assert resp.status == 404
    async with server.get("/api/web/conversations/no-such-id/messages") as resp:
        assert resp.status == 404 and "unknown conversation" in (await resp.json())["error"]
    status, body = await send(server, "x" * 65, {"text": "hello"})
    assert status == 404 and "no such conversation" in body["error"]


async def test_bad_lang_is_400(server):
    async with server.post("/api/web/conversations", json={"lang": "de"}) as resp:
        assert resp.status == 400 and "'lang'" in (await resp.json())["error"]


async def test_every_answer_matches_the_documented_models(server):
    opened = Opened.model_validate(await open_conversation(server, {"lang": "fr"}))
    assert opened.lang == "fr"
    for body in ({"payload": "SCOPE_GENERAL"}, {"text": "how much is an eta"}, {"payload": "NO"}):
        status, answer = await send(server, opened.conversation_id, body)
        assert status == 200 and Answered.model_validate(answer)
    async with server.get(f"/api/web/conversations/{opened.conversation_id}/messages") as resp:
        transcript = Transcript.model_validate(await resp.json())
    assert transcript.conversation_id == opened.conversation_id and len(transcript.messages) >= 6


async def test_rate_limit_is_429(server):
    """30 a minute per conversation: a token bucket, so the 31st in a burst waits ~2 s."""
    opened = await open_conversation(server)
    path = f"/api/web/conversations/{opened['conversation_id']}/messages"
    answers = []
    for _ in range(34):
        async with server.post(path, json={"payload": "GREETING"}) as resp:
            answers.append((resp.status, resp.headers.get("Retry-After")))
    assert [status for status, _ in answers[:30]] == [200] * 30
    refused = [retry for status, retry in answers[30:] if status == 429]
    assert refused and all(1 <= int(retry) <= 2 for retry in refused)


async def test_later_replies_arrive_on_the_websocket(server):
    opened = await open_conversation(server)
    conv = opened["conversation_id"]
    async with server.ws_connect(f"/api/web/conversations/{conv}/events") as ws:
        _, body = await send(server, conv, {"text": "i want to talk to a human agent"})
        assert body["replies"][-1]["kind"] == "handoff"
        _status, body = await send(server, conv, {"text": "hello?"})
        assert body == {"replies": [], "lang": "en"}, "the bot is silent while an agent owns the conversation"
        await server.quaid.agent_reply(conv, "Hi, I'm an agent.", code="010101")
        pushed = json.loads((await ws.receive(timeout=5)).data)
        assert pushed["replies"][0] == {"text": "Hi, I'm an agent.", "quick_replies": [], "links": [],
                                        "code": "010101", "kind": "agent"}
        await server.quaid.resolve(conv)
        survey = json.loads((await ws.receive(timeout=5)).data)["replies"][0]
        assert survey["kind"] == "survey" and survey["quick_replies"][4]["payload"] == "SAT:5"


def test_quaid_serve_command(tmp_path):
    """`quaid serve` as a user runs it: a subprocess on a free port, then curl-like calls."""
    port = free_port()
    proc = start_quaid(port, tmp_path / "data")
    try:
        async def talk():
            async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as session:
                await wait_healthy(session)
                async with session.get("/demo/") as resp:  # `make run`: the widget on an agency-like page
                    demo = await resp.text()
                    assert resp.status == 200 and 'src="/static/web/widget.js"' in demo
                opened = await open_conversation(session)
                return await send(session, opened["conversation_id"], {"text": "how do i renew my pr card"})
        status, body = asyncio.run(talk())
        assert status == 200 and body["replies"][0]["code"] == "080101"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
