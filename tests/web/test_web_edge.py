"""The web API under hostile input (issue 14): every bad request is a 4xx JSON error and
stores nothing; origins, CORS and WebSockets are checked; per-client limits answer 429 with
Retry-After, and a flood of unknown IDs neither counts nor costs a real client its quota."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
import zlib

import aiohttp
import pytest
from quaid_web.limits import TokenBuckets, retry_after
from quaid_web.models import Answered, Opened, Transcript

LEAK = "repro.leak@example.org"


async def raw_post(server, path: str, body: bytes, headers: dict[str, str] | None = None):
    """POST exactly these bytes on a connection of its own (a corrupt body closes it)."""
    async with aiohttp.ClientSession(server.url) as http, http.post(
            path, data=body, headers={"Content-Type": "application/json", "Connection": "close",
                                      **(headers or {})}) as resp:
        return resp.status, resp.headers.get("Content-Type", ""), await resp.text()


HOSTILE = [
    pytest.param(b"[" * 1000 + b"]" * 1000, {}, "nested deeper", id="json-1000-deep"),
    pytest.param(b'{"text": {"a": ' * 1000 + b"1" + b"}" * 1001, {}, "nested deeper", id="object-1000-deep"),
    pytest.param(b'{"text": ' + b"9" * 5000 + b"}", {}, "number", id="integer-5000-digits"),
    pytest.param(b'{"text": "hello \\ud800 world"}', {}, "surrogate", id="lone-surrogate"),
    pytest.param(b'{"text": "\\udc00", "payload": "NO"}', {}, "surrogate", id="lone-surrogate-with-payload"),
    pytest.param(b'{"text": "a\\u0000b"}', {}, "control characters", id="nul"),
    pytest.param(b'{"text": "bell\\u0007"}', {}, "control characters", id="control-character"),
    pytest.param(json.dumps({"payload": f"my email is {LEAK}"}).encode(), {}, "quick-reply payload",
                 id="payload-with-email"),
    pytest.param(json.dumps({"payload": f"CODE:{LEAK}"}).encode(), {}, "quick-reply payload",
                 id="payload-token-with-email"),
    pytest.param(b'{"text": null}', {}, "'text' must be a string", id="text-null"),
    pytest.param(b'{"text": "hi", "lang": null}', {}, "'lang'", id="lang-null"),
    pytest.param(b'{"text": "hi", "lang": "__class__"}', {}, "'lang'", id="lang-dunder"),
    pytest.param(b'{"text": ""}', {}, "'text' is empty", id="text-empty"),
    pytest.param(b'{"text": NaN}', {}, "NaN", id="nan"),
    pytest.param(b'{"text": "x"}garbage', {}, "malformed JSON", id="trailing-garbage"),
    pytest.param(b'{"text": "\xed\xa0\x80"}', {}, "UTF-8", id="utf8-encoded-surrogate"),
    pytest.param(zlib.compress(b'{"text": "hi"}')[:4] + b"\x00garbage\xff" * 4,
                 {"Content-Encoding": "deflate"}, "unreadable body", id="corrupt-deflate"),
    pytest.param(b'{"text": "hi"}', {"Content-Encoding": "deflate"}, "unreadable body", id="plain-as-deflate"),
    pytest.param(b"\x1f\x8b\x08\x00garbage", {"Content-Encoding": "gzip"}, "body", id="corrupt-gzip"),
]


async def test_hostile_bodies_are_4xx_json_and_store_nothing(web_server, caplog):
    server = await web_server()  # one server for every case: each must leave it unharmed
    conv = await server.open()
    for case in HOSTILE:
        body, headers, fragment = case.values
        before = await server.stored(conv)
        status, content_type, text = await raw_post(server, f"/api/web/conversations/{conv}/messages",
                                                    body, headers)
        assert status == 400, (case.id, text)
        assert content_type.startswith("application/json"), case.id
        assert fragment in json.loads(text)["error"], (case.id, text)
        assert await server.stored(conv) == before, case.id
    assert server.at_rest(LEAK) == []
    await asyncio.sleep(0.2)  # what the server does after answering (a lingering read) is done
    tracebacks = [r.getMessage() for r in caplog.records if r.exc_info and r.name.startswith("aiohttp")]
    assert tracebacks == [], "a refused body is one answer, not a traceback in the log"
    status, answer, _ = await server.send(conv, {"text": "how much is an eta"})  # the conversation goes on
    assert status == 200 and Answered.model_validate(answer)


async def test_a_truncated_deflate_stream_stores_nothing(web_server):
    """A deflate stream that stops short fails when aiohttp's parser completes the message,
    before any route runs: aiohttp answers 400 itself (plain text, see the report)."""
    server = await web_server()
    conv = await server.open()
    before = await server.stored(conv)
    body = zlib.compress(b'{"text": "hello there, how much is an eta"}')[:-6]
    status, _, _ = await raw_post(server, f"/api/web/conversations/{conv}/messages", body,
                                  {"Content-Encoding": "deflate"})
    assert status == 400
    assert await server.stored(conv) == before


async def test_opening_refuses_bad_bodies_too(web_server):
    server = await web_server()
    for body, fragment in [(b"[" * 1000 + b"]" * 1000, "nested deeper"), (b'{"lang": ' + b"1" * 5000 + b"}", "number"),
                           (b'{"lang": null}', "'lang'"), (b'{"lang": "de"}', "'lang'"), (b"[]", "JSON object")]:
        status, content_type, text = await raw_post(server, "/api/web/conversations", body)
        assert (status, content_type[:16], fragment in text) == (400, "application/json", True), text
    assert [e for e in await server.quaid.store.events() if e.type == "conversation_started"] == []


async def test_a_body_in_several_tcp_segments_is_read_whole(web_server):
    """A slow network splits bodies: the API reads to the end of the body, not one segment."""
    server = await web_server()
    conv = await server.open()
    port = int(server.url.rsplit(":", 1)[1])
    body = json.dumps({"text": "how much is an eta " + "please " * 50}).encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"POST /api/web/conversations/{conv}/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                 "Connection: close\r\n\r\n".encode() + body[:20])
    await writer.drain()
    for start in range(20, len(body), 100):
        await asyncio.sleep(0.05)
        writer.write(body[start:start + 100])
        await writer.drain()
    answer = (await asyncio.wait_for(reader.read(), 20)).decode()
    writer.close()
    assert answer.startswith("HTTP/1.1 200"), answer[:300]


async def test_impossible_ids_are_404_json_everywhere(web_server):
    server = await web_server()
    for conversation_id in ["x" * 65, "a" * 64 + "b", "..%2F..%2Fetc", "id with space", "é" * 10, "1" * 5000]:
        base = f"/api/web/conversations/{conversation_id}"
        async with server.http.post(base + "/messages", json={"text": "hello"}) as resp:
            assert resp.status == 404 and "error" in await resp.json(), conversation_id
        async with server.http.get(base + "/messages") as resp:
            assert resp.status == 404 and "error" in await resp.json(), conversation_id
        async with server.http.get(base + "/events") as resp:
            assert resp.status == 404 and "error" in await resp.json(), conversation_id
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await server.http.ws_connect(base + "/events")
        assert refused.value.status == 404


async def test_unknown_routes_and_methods_are_json(web_server):
    server = await web_server()
    async with server.http.get("/api/web/nothing") as resp:
        assert resp.status == 404 and "error" in await resp.json()
    async with server.http.put("/api/web/conversations") as resp:
        assert resp.status == 405 and "error" in await resp.json() and resp.headers["Allow"] == "POST"
    conv = await server.open()
    async with server.http.get(f"/api/web/conversations/{conv}/events") as resp:  # not a handshake
        assert resp.status == 400 and "WebSocket" in (await resp.json())["error"]


# -- stale quick replies --------------------------------------------------------------------

async def test_stale_quick_replies_are_answered_sensibly(web_server):
    """Buttons of a turn that has passed (a page left open, a replayed request): each is
    answered 200 with well-formed replies, whatever the stage."""
    server = await web_server(web={"rate_limit_per_minute": 0})
    conv = await server.open()
    stale = ["SCOPE_GENERAL", "YES", "NO", "SAT:5", "SAT:1", "CODE:010102", "CODE:999999", "NONE",
             "SCOPE_OWN_FILE_NOT", "HELPFUL", "ZZZ:x"]
    steps = [{"payload": "SCOPE_GENERAL"}, {"text": "how much is an eta"}, {"payload": "YES"},
             {"text": "how much is an eta"}, {"payload": "NO"}, {"text": "blorp zzxq"}]
    for step in steps:
        status, body, _ = await server.send(conv, step)
        assert status == 200, body
        for payload in stale:
            status, body, _ = await server.send(conv, {"payload": payload})
            assert status == 200, (step, payload, body)
            Answered.model_validate(body)
    await server.send(conv, {"text": "I want to talk to a person"})
    await server.quaid.resolve(conv)  # the survey's buttons are live now; the old ones are stale
    for payload in stale:
        status, body, _ = await server.send(conv, {"payload": payload})
        assert status == 200, (payload, body)


# -- origins, CORS, WebSockets -------------------------------------------------------------------

GOOD, BAD = "https://www.agency.example", "https://evil.example"


async def test_cors_preflight_and_requests_follow_allowed_origins(web_server):
    server = await web_server(web={"allowed_origins": [GOOD + "/"]})
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    async with server.http.options("/api/web/conversations", headers={"Origin": GOOD, **preflight}) as resp:
        assert resp.status == 204
        assert resp.headers["Access-Control-Allow-Origin"] == GOOD
        assert "POST" in resp.headers["Access-Control-Allow-Methods"]
        assert "content-type" in resp.headers["Access-Control-Allow-Headers"].lower()
        assert "Origin" in resp.headers["Vary"]
    async with server.http.options("/api/web/conversations", headers={"Origin": BAD, **preflight}) as resp:
        assert resp.status == 403 and "Access-Control-Allow-Origin" not in resp.headers
        assert "origin" in (await resp.json())["error"]

    async with server.http.post("/api/web/conversations", json={}, headers={"Origin": GOOD}) as resp:
        assert resp.status == 201 and resp.headers["Access-Control-Allow-Origin"] == GOOD
        assert "Retry-After" in resp.headers["Access-Control-Expose-Headers"]
        conv = (await resp.json())["conversation_id"]
    before = await server.stored(conv)
    status, _, headers = await server.send(conv, {"text": "hello"}, headers={"Origin": BAD})
    assert status == 403 and "Access-Control-Allow-Origin" not in headers
    assert await server.stored(conv) == before, "a refused origin changes nothing"
    async with server.http.get(f"/api/web/conversations/{conv}/messages", headers={"Origin": BAD}) as resp:
        assert resp.status == 403
    # The server's own pages are always allowed; so are clients that send no Origin (curl).
    status, _, _ = await server.send(conv, {"text": "hello"}, headers={"Origin": server.url})
    assert status == 200
    status, _, _ = await server.send(conv, {"text": "hello"})
    assert status == 200


async def test_default_is_same_origin_only_and_star_is_explicit(web_server):
    server = await web_server()
    async with server.http.post("/api/web/conversations", headers={"Origin": GOOD}) as resp:
        assert resp.status == 403
    async with server.http.post("/api/web/conversations", headers={"Origin": "null"}) as resp:
        assert resp.status == 403
    anyone = await web_server(web={"allowed_origins": ["*"]})
    async with anyone.http.post("/api/web/conversations", headers={"Origin": BAD}) as resp:
        assert resp.status == 201 and resp.headers["Access-Control-Allow-Origin"] == "*"


def test_config_refuses_what_is_not_an_origin():
    from pydantic import ValidationError
    from quaid_web import WebConfig

    assert WebConfig(allowed_origins=["HTTPS://WWW.Agency.example/"]).allowed_origins == [GOOD]
    for bad in ["www.agency.example", "https://agency.example/path", "javascript:alert(1)", ""]:
        with pytest.raises(ValidationError):
            WebConfig(allowed_origins=[bad])


async def test_websocket_origin_is_checked(web_server):
    server = await web_server(web={"allowed_origins": [GOOD]})
    conv = await server.open()
    path = f"/api/web/conversations/{conv}/events"
    for origin in (GOOD, server.url, None):
        ws = await server.http.ws_connect(path, origin=origin)
        await ws.send_str("ping")
        assert (await ws.receive(timeout=5)).data == "pong"
        await ws.close()
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await server.http.ws_connect(path, origin=BAD)
    assert refused.value.status == 403


async def test_sockets_per_conversation_are_capped(web_server):
    server = await web_server(web={"max_sockets_per_conversation": 3})
    conv = await server.open()
    path = f"/api/web/conversations/{conv}/events"
    sockets = [await server.http.ws_connect(path) for _ in range(3)]
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await server.http.ws_connect(path)
    assert refused.value.status == 429 and int(refused.value.headers["Retry-After"]) >= 1
    await sockets[0].close()
    for _ in range(50):  # the server notices the close
        if len(server.channel.sockets.get(conv, ())) < 3:
            break
        await asyncio.sleep(0.05)
    again = await server.http.ws_connect(path)
    for ws in [again, *sockets[1:]]:
        await ws.close()


async def test_oversized_websocket_frames_close_the_socket(web_server):
    server = await web_server()
    conv = await server.open()
    ws = await server.http.ws_connect(f"/api/web/conversations/{conv}/events")
    await ws.send_str("x" * 100_000)
    message = await ws.receive(timeout=5)
    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
    await ws.close()


# -- rate limits ------------------------------------------------------------------------------

def client(ip: str) -> dict[str, str]:
    return {"X-Forwarded-For": f"203.0.113.9, {ip}"}


async def test_per_client_conversation_limit_is_429_with_retry_after(web_server):
    server = await web_server(web={"client_conversations_per_minute": 3, "client_ip_header": "X-Forwarded-For"})
    for _ in range(3):
        await server.open(headers=client("198.51.100.1"))
    async with server.http.post("/api/web/conversations", headers=client("198.51.100.1")) as resp:
        assert resp.status == 429
        assert 1 <= int(resp.headers["Retry-After"]) <= 20
        assert "too many conversations" in (await resp.json())["error"]
    await server.open(headers=client("198.51.100.2"))  # another client is not affected
    started = [e for e in await server.quaid.store.events() if e.type == "conversation_started"]
    assert len(started) == 4


async def test_per_client_message_limit_spans_conversations(web_server):
    server = await web_server(web={"client_messages_per_minute": 5, "client_ip_header": "X-Forwarded-For"})
    me = client("198.51.100.7")
    first, second = await server.open(headers=me), await server.open(headers=me)
    statuses = [(await server.send(conv, {"payload": "SCOPE_GENERAL"}, headers=me))[0]
                for conv in (first, second, first, second, first)]
    assert statuses == [200] * 5
    status, body, headers = await server.send(second, {"text": "hello"}, headers=me)
    assert status == 429 and int(headers["Retry-After"]) >= 1 and "too many messages" in body["error"]
    before = await server.stored(second)
    assert (await server.send(second, {"text": "hello"}, headers=me))[0] == 429
    assert await server.stored(second) == before
    assert (await server.send(second, {"text": "hello"}, headers=client("198.51.100.8")))[0] == 200


async def test_per_conversation_limit(web_server):
    server = await web_server(web={"rate_limit_per_minute": 4})
    conv = await server.open()
    statuses = [(await server.send(conv, {"payload": "SCOPE_GENERAL"}))[0] for _ in range(6)]
    assert statuses[:4] == [200] * 4 and statuses[-1] == 429


async def test_limits_off(web_server):
    server = await web_server(web={"rate_limit_per_minute": 0, "client_conversations_per_minute": 1})
    assert [await server.open() for _ in range(5)]


async def test_a_flood_of_unknown_ids_is_404_and_costs_no_quota(web_server):
    """Unknown IDs are answered 404 before the message limits count anything: a flood costs
    no real client its quota and leaves no state per ID; past its budget of misses the
    flooding address gets 429 without a lookup (one limiter key: its address)."""
    server = await web_server(web={"client_messages_per_minute": 5, "rate_limit_per_minute": 5,
                                   "client_ip_header": "X-Forwarded-For"})
    conv = await server.open()

    async def flood(n: int) -> list[int]:
        async def one() -> int:
            async with server.http.post(f"/api/web/conversations/{secrets.token_hex(16)}/messages",
                                        json={"text": "hello"}, headers=client("198.51.100.66")) as resp:
                assert "error" in await resp.json()
                return resp.status
        return await asyncio.gather(*(one() for _ in range(n)))

    started = time.monotonic()
    statuses = await flood(400)
    assert set(statuses) == {404, 429} and statuses.count(404) >= 5
    flood_s = time.monotonic() - started
    assert len(server.channel.conversation_limit) == 0 and len(server.channel.client_messages) == 0
    assert len(server.channel.client_misses) == 1
    statuses = [(await server.send(conv, {"payload": "SCOPE_GENERAL"}))[0] for _ in range(5)]
    assert statuses == [200] * 5, "the flood used none of the real client's quota"
    assert (await server.send(conv, {"payload": "SCOPE_GENERAL"}))[0] == 429
    assert flood_s < 20


# -- the limiter itself ----------------------------------------------------------------------

def test_token_bucket_refills_and_says_how_long_to_wait():
    buckets = TokenBuckets(per_minute=6)  # one token every 10 s, 6 at most
    assert [buckets.take("a", now=100.0) for _ in range(6)] == [0.0] * 6
    wait = buckets.take("a", now=100.0)
    assert wait == pytest.approx(10.0) and retry_after(wait) == "10"
    assert buckets.take("a", now=105.0) == pytest.approx(5.0)
    assert buckets.take("a", now=110.0) == 0.0
    assert buckets.take("b", now=110.0) == 0.0, "keys are independent"
    assert retry_after(0.01) == "1"


def test_token_buckets_memory_is_bounded_and_idle_keys_expire():
    buckets = TokenBuckets(per_minute=10, max_keys=1000)
    for i in range(50_000):
        buckets.take(f"k{i}", now=1000.0 + i * 0.0001)
    assert len(buckets) == 1000
    buckets.take("late", now=5000.0)  # every bucket is idle past its refill time: they go
    for i in range(200):
        buckets.take(f"n{i}", now=5000.0)
    assert len(buckets) < 1000


def test_token_buckets_are_constant_time_per_request():
    """Past max_keys nothing is rebuilt: 200,000 distinct keys cost about what 20,000 do."""
    def run(n: int) -> float:
        buckets = TokenBuckets(per_minute=60, max_keys=10_000)
        started = time.perf_counter()
        for i in range(n):
            buckets.take(str(i), now=float(i) * 1e-6)
        return (time.perf_counter() - started) / n
    small, large = run(20_000), run(200_000)
    assert large < small * 3, (small, large)


def test_limits_off_take_nothing():
    buckets = TokenBuckets(per_minute=0)
    assert all(buckets.take(str(i)) == 0.0 for i in range(100)) and len(buckets) == 0


# -- the transcript, languages, the OpenAPI document ---------------------------------------------

async def test_transcript_is_what_was_stored_redacted(web_server):
    server = await web_server()
    opened_conv = await server.open({"lang": "en"})
    await server.send(opened_conv, {"payload": "SCOPE_GENERAL"})
    await server.send(opened_conv, {"text": f"how much is an eta, write to {LEAK}"})
    async with server.http.get(f"/api/web/conversations/{opened_conv}/messages") as resp:
        assert resp.status == 200 and resp.headers["Cache-Control"] == "no-store"
        transcript = Transcript.model_validate(await resp.json())
    authors = [m.author for m in transcript.messages]
    assert authors[:2] == ["bot", "bot"] and authors[2] == "client"
    assert transcript.messages[2].payload == "SCOPE_GENERAL" and transcript.messages[2].text == ""
    asked = next(m for m in transcript.messages if m.author == "client" and m.text)
    assert LEAK not in asked.text and "[EMAIL]" in asked.text
    assert transcript.lang == "en" and len(transcript.messages) == len(await server.quaid.store.messages(opened_conv))
    answer = next(m for m in transcript.messages if m.kind == "answer")
    assert answer.code and answer.links and answer.links[0].url.startswith("https://"), "its page, as it was shown"
    assert all(m.links == [] for m in transcript.messages if m.kind != "answer")


async def test_switching_language_keeps_the_conversation(web_server):
    server = await web_server()
    async with server.http.post("/api/web/conversations", json={"lang": "en"}) as resp:
        opened = Opened.model_validate(await resp.json())
    assert opened.lang == "en"
    status, body, _ = await server.send(opened.conversation_id, {"payload": "SCOPE_GENERAL", "lang": "fr"})
    assert status == 200 and body["lang"] == "fr"
    assert body["replies"][0]["text"] != "Go ahead: type your question in a few words."
    info = await server.quaid.conversation(opened.conversation_id)
    assert info.lang == "fr" and info.channel == "web"


async def test_openapi_is_the_models_that_validate(web_server):
    server = await web_server(web={"max_text_chars": 500})
    async with server.http.get("/openapi.json") as resp:
        doc = await resp.json()
    schemas = doc["components"]["schemas"]
    message = schemas["MessageBody"]
    assert message["properties"]["text"]["maxLength"] == 500, "from the config, through the model"
    assert message["properties"]["text"]["type"] == "string" and "default" not in message["properties"]["text"]
    assert message["anyOf"] == [{"required": ["text"]}, {"required": ["payload"]}], "{} is documented as refused"
    assert schemas["OpenConversation"]["properties"]["lang"]["enum"] == ["en", "fr"]
    assert doc["paths"]["/api/web/conversations/{id}/messages"]["post"]["requestBody"]["content"][
        "application/json"]["schema"] == {"$ref": "#/components/schemas/MessageBody"}
    for path, methods in doc["paths"].items():
        for method, operation in methods.items():
            codes = set(operation["responses"])
            if path.startswith("/api/web/conversations/{id}"):
                assert {"400", "404", "429"} <= codes or {"403", "404", "429"} <= codes, (path, method)
            if operation.get("requestBody"):
                assert {"400", "413", "429"} <= codes, (path, method)
            for answer in operation["responses"].values():
                for content in answer.get("content", {}).values():
                    ref = content["schema"]["$ref"].rsplit("/", 1)[1]
                    assert ref in schemas
    assert {"400", "403", "404", "429"} <= set(doc["paths"]["/api/web/conversations/{id}/events"]["get"]["responses"])
    # What the document says is what the server does: documented-valid bodies pass, and
    # what it excludes (null, {}, a payload that is free text, text over maxLength) is refused.
    conv = await server.open()
    for body, status in [({"text": "hi"}, 200), ({"payload": "YES"}, 200), ({"text": "hi", "payload": "NO"}, 200),
                         ({"text": "hi", "extra": 1}, 200), ({}, 400), ({"text": None}, 400),
                         ({"payload": None}, 400), ({"payload": "free text"}, 400), ({"text": "x" * 501}, 400)]:
        assert (await server.send(conv, body))[0] == status, body


async def test_security_headers_on_pages_files_and_api(web_server):
    server = await web_server(web={"allowed_origins": [GOOD]})
    for path in ("/", "/demo/", "/demo/fr/", "/static/web/widget.js", "/static/web/widget.css"):
        async with server.http.get(path) as resp:
            assert resp.status == 200, path
            csp = resp.headers["Content-Security-Policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp
            assert f"frame-ancestors 'self' {GOOD}" in csp
            assert resp.headers["X-Content-Type-Options"] == "nosniff"
            assert resp.headers["Referrer-Policy"]
    async with server.http.get("/static/web/widget.js") as resp:
        assert resp.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    alone = await web_server()
    async with alone.http.get("/") as resp:
        assert resp.headers["X-Frame-Options"] == "SAMEORIGIN"
        assert resp.headers["Content-Security-Policy"].endswith("frame-ancestors 'self'")
    async with alone.http.post("/api/web/conversations") as resp:
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    async with alone.http.get("/demo", allow_redirects=False) as resp:
        assert resp.status == 301 and resp.headers["Location"] == "/demo/"
    no_demo = await web_server(web={"demo_page": False})
    async with no_demo.http.get("/demo/") as resp:
        assert resp.status == 404


async def test_widget_events_are_checked_and_hold_no_identifier(web_server):
    server = await web_server()
    conv = await server.open()
    for body, status in [({"type": "widget_shown", "page": "/fr/etudier", "visitor": "returning",
                           "tz": "Europe/Paris"}, 204),
                         ({"type": "widget_opened", "page": "/apply", "tz": "Etc/UTC",
                           "conversation_id": conv}, 204),
                         ({"type": "widget_opened", "conversation_id": "no-such-one"}, 204),
                         ({"type": "conversation_started"}, 400), ({"page": "/"}, 400),
                         ({"type": "widget_shown", "page": "/a?email=x@y.ca"}, 400),
                         ({"type": "widget_shown", "page": "https://elsewhere/"}, 400),
                         ({"type": "widget_shown", "visitor": "bob"}, 400),
                         ({"type": "widget_shown", "tz": "<script>"}, 400), (None, 400)]:
        async with server.http.post("/api/web/events", json=body) as resp:
            assert resp.status == status, (body, await resp.text())
    events = [(e.type, e.conversation_id, e.data) for e in await server.quaid.store.events()
              if e.type.startswith("widget_")]
    assert events == [("widget_shown", "", {"page": "/fr/etudier", "visitor": "returning", "country": "FR"}),
                      ("widget_opened", conv, {"page": "/apply", "visitor": "new", "country": "?"}),
                      ("widget_opened", "", {"page": "/", "visitor": "new", "country": "?"})]
    async with server.http.get("/openapi.json") as resp:
        doc = await resp.json()
    assert doc["components"]["schemas"]["WidgetEvent"]["properties"]["type"]["enum"] == [
        "widget_shown", "widget_opened"]
