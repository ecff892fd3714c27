"""Hand-written strategies for the WebSocket of ``/api/web/conversations/{id}/events``: the
upgrade with hostile IDs, then hostile frames on a real conversation's socket (text and binary
of any content, text that is not UTF-8, control frames, close codes out of range, fragments,
oversized messages). No 5xx on the upgrade (and a JSON error on a refusal), nothing logged as
an error, and afterwards the conversation's socket still receives an agent's reply."""

from __future__ import annotations

import asyncio
import json
import struct

import aiohttp
from aiohttp import WSMsgType
from hypothesis import given
from hypothesis import strategies as st

from .conftest import Findings, fuzz_settings, report
from .strategies import conversation_ids, hostile_text, mostly
from .test_console import part

EXAMPLES = 80

frames = st.one_of(
    st.tuples(st.just("text"), mostly(st.sampled_from(["ping", "PING", "pong", '{"type": "ping"}']),
                                      hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")), 3)
              .map(lambda t: t if isinstance(t, bytes) else t.encode())),
    st.tuples(st.just("text"), st.sampled_from([b"\xff\xfe", b"\xed\xa0\x80", b"caf\xe9", b"\xc3"])),
    st.tuples(st.just("binary"), st.binary(max_size=256)),
    st.tuples(st.just("ping"), st.binary(max_size=125)),
    st.tuples(st.just("pong"), st.binary(max_size=125)),
    st.tuples(st.just("fragment"), st.binary(max_size=64)),  # a first fragment never finished
    st.tuples(st.just("big"), st.sampled_from([70_000, 5 * 1024 * 1024])),
    st.tuples(st.just("close"), st.one_of(st.integers(0, 70_000), st.just(-1)).map(
        lambda code: b"" if code < 0 else struct.pack("!H", code % 65536) + b"bye")),
)
OPCODES = {"text": WSMsgType.TEXT, "binary": WSMsgType.BINARY, "ping": WSMsgType.PING,
           "pong": WSMsgType.PONG, "close": WSMsgType.CLOSE}


async def hit(url: str, conversation_id: str, sequence: list[tuple[str, object]],
              findings: Findings) -> None:
    async with aiohttp.ClientSession() as session:
        try:
            ws = await session.ws_connect(f"{url}/api/web/conversations/{conversation_id}/events",
                                          autoping=False, timeout=aiohttp.ClientWSTimeout(ws_close=2))
        except aiohttp.WSServerHandshakeError as exc:
            async with session.get(f"{url}/api/web/conversations/{conversation_id}/events") as resp:
                findings.record(f"upgrade {conversation_id[:80]!r} ({exc.status})", resp.status,
                                resp.headers.get("Content-Type", ""), await resp.read(), json_route=True)
            return
        findings.record(f"upgrade {conversation_id[:40]!r}", 101, "", b"", json_route=True)
        try:
            for kind, data in sequence:
                if ws.closed:
                    break
                if kind == "big":
                    await ws.send_bytes(b"x" * int(data))  # type: ignore[arg-type]
                elif kind == "fragment":
                    await ws._writer.send_frame(data, WSMsgType.TEXT, compress=None)  # type: ignore[arg-type]
                    await ws._writer.send_frame(b"\x00", WSMsgType.BINARY)  # not a continuation
                else:
                    await ws.send_frame(data, OPCODES[kind])  # type: ignore[arg-type]
            try:
                await asyncio.wait_for(ws.receive(), 0.3)
            except TimeoutError:
                pass
        except (ConnectionError, aiohttp.ClientError, RuntimeError):
            pass  # the server may close on a protocol error: that is the right answer
        finally:
            await ws.close()


def test_websocket_frames_never_break_the_server(live):
    offset = live.log_size()
    findings = Findings("websocket")

    @fuzz_settings(EXAMPLES)
    @given(conversation=mostly(st.sampled_from(live.conversations), conversation_ids.map(part), 6),
           sequence=st.lists(frames, max_size=4))
    def run(conversation, sequence):
        asyncio.run(hit(live.url, conversation, sequence, findings))

    run()
    assert findings.statuses.get(101, 0) > 0
    # The conversation's socket still works: an agent's reply arrives on it.
    asyncio.run(agent_reply_arrives(live))
    report(findings, live, offset)


async def agent_reply_arrives(live) -> None:
    conversation_id = await asyncio.to_thread(live.open_conversation)
    await asyncio.to_thread(live.say, conversation_id, text="I want to talk to a person")
    queue = (await asyncio.to_thread(live.agent.get, f"{live.url}/console/api/queue", timeout=10)).json()["tickets"]
    ticket = next(t for t in queue if t["conversation_id"] == conversation_id)
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(f"{live.url}/api/web/conversations/{conversation_id}/events")
        await ws.send_str("ping")
        assert (await ws.receive(timeout=5)).data == "pong"
        resp = await asyncio.to_thread(
            live.agent.post, f"{live.url}/console/api/tickets/{ticket['id']}/reply",
            json={"solution": "010102"}, headers={"X-CSRF-Token": live.csrf}, timeout=10)
        assert resp.status_code == 200, resp.text
        pushed = json.loads((await ws.receive(timeout=10)).data)
        assert pushed["replies"][0]["kind"] == "agent" and pushed["replies"][0]["code"] == "010102"
        await ws.close()
