"""The live console over HTTP: /console/api/live pushes tickets as they change (to the agents
who may see them, across workers), checks the session and the Origin, sets presence; the
queue's rows have the language, a preview and the reason in plain words; buttons the client
pressed show with their titles; the client hears that an agent is typing."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

import aiohttp
import pytest
from quaid_helpdesk.models import TicketMessage
from quaid_helpdesk.queue_models import AgentStatus, LiveSocket

from tests.conftest import ROOT
from tests.handoff.conftest import hand_off, sign_in, start_server


async def live(server, session: aiohttp.ClientSession, origin: str | None = None) -> Any:
    """The agent's live socket (a browser sends its page's origin)."""
    return await session.ws_connect("/console/api/live", headers={"Origin": origin or server.url})


async def next_message(ws, timeout: float = 5.0, where: Any = None, **match: Any) -> dict[str, Any]:
    """The next JSON message whose fields equal `match` and for which `where` is true."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        assert left > 0, f"no message matching {match}"
        msg = await ws.receive(timeout=left)
        assert msg.type == aiohttp.WSMsgType.TEXT, msg
        if msg.data == "pong":
            continue
        data = json.loads(msg.data)
        if all(data.get(k) == v for k, v in match.items()) and (where is None or where(data)):
            return data


async def ticket_event(ws, kind: str, timeout: float = 5.0) -> dict[str, Any]:
    """The next push of a ticket to which `kind` happened (``created``, ``message``...)."""
    return await next_message(ws, timeout, lambda m: m.get("type") == "ticket" and kind in m["events"])


async def replies(ws, timeout: float = 5.0) -> list[dict[str, Any]]:
    """The next replies pushed on a web conversation's events socket."""
    return json.loads((await ws.receive(timeout=timeout)).data)["replies"]


async def test_live_socket_needs_a_session_and_the_consoles_origin(server):
    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as anonymous:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await live(server, anonymous)
        assert refused.value.status == 401
    async with server.client() as agent:
        await sign_in(agent, "alice")
        for origin in ("http://evil.example", "null", f"{server.url}.evil.example"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await live(server, agent, origin)
            assert refused.value.status == 403, origin
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:  # no Origin at all
            await agent.ws_connect("/console/api/live")
        assert refused.value.status == 403
        async with agent.get("/console/api/live", headers={"Origin": server.url}) as resp:
            assert resp.status == 400 and "WebSocket" in (await resp.json())["error"]
        ws = await live(server, agent)
        hello = await next_message(ws, type="hello")
        assert hello["me"]["username"] == "alice" and hello["me"]["availability"] == "available"
        await ws.close()


async def test_tickets_are_pushed_to_the_agents_who_see_them(server):
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("mo", ["agent"], "messenger")
    async with server.client() as client, server.client() as alice, server.client() as mo:
        csrf = await sign_in(alice, "alice")
        await sign_in(mo, "mo")
        ws, ws_mo = await live(server, alice), await live(server, mo)
        await next_message(ws, type="hello")
        await next_message(ws_mo, type="hello")

        conversation_id = await hand_off(server, client, text="")
        created = await ticket_event(ws, "created")
        row = created["ticket"]
        assert (row["id"], row["channel"], row["lang"], row["status"]) == (1, "web", "en", "open")
        assert row["reason_text"] == "The client asked for a person"
        assert row["preview"] == "I want to talk to a person"

        await server.say(client, conversation_id, text="How much is an eTA?")
        pushed = await ticket_event(ws, "message")
        assert pushed["ticket"]["preview"] == "How much is an eTA?"

        async with alice.post("/console/api/tickets/1/reply", json={"solution": "010102"},
                              headers={"X-CSRF-Token": csrf}) as resp:
            assert resp.status == 200
        replied = await ticket_event(ws, "reply")
        assert replied["ticket"]["status"] == "pending" and replied["ticket"]["assignee"] == "alice"

        async with alice.post("/console/api/tickets/1/resolve", headers={"X-CSRF-Token": csrf}) as resp:
            assert resp.status == 200
        resolved = await ticket_event(ws, "resolve")
        assert resolved["ticket"]["status"] == "resolved"

        # mo serves messenger only: nothing of the web ticket reached him
        with pytest.raises(asyncio.TimeoutError):
            await next_message(ws_mo, timeout=0.8, type="ticket")
        await ws.close()
        await ws_mo.close()


async def test_the_board_has_plain_reasons_previews_and_pressed_buttons(server):
    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as client, server.client() as agent:
        async with client.post("/api/web/conversations", json={"lang": "fr"}) as resp:
            conversation_id = (await resp.json())["conversation_id"]
        handoff = await server.say(client, conversation_id, payload="SCOPE_OWN_FILE")
        assert handoff[-1]["kind"] == "handoff"
        assert await server.say(client, conversation_id, payload="YES") == []
        await sign_in(agent, "alice")
        async with agent.get("/console/api/board") as resp:
            board = await resp.json()
        [row] = board["tickets"]
        assert row["lang"] == "fr" and row["reason_text"] == "A question about the client's own file"
        assert row["preview"] == "(button) Oui"  # no typed text: the last button
        assert board["me"] == {"username": "alice", "roles": ["agent"], "availability": "offline",
                               "capacity": 3, "open": 0}
        assert "agents" not in board and board["teams"] == ["web"]
        async with agent.get("/console/api/tickets/1") as resp:
            texts = [(m["kind"], m["text"]) for m in (await resp.json())["messages"]]
        assert ("client", "(button) Sur mon dossier") in texts and texts[-1] == ("client", "(button) Oui")
        async with agent.get("/console/") as resp:
            page = await resp.text()
        assert "A question about the client&#39;s own file" in page and '<td class="lang">fr</td>' in page


async def test_presence_follows_the_console_tabs(server):
    alice = await server.add_agent("alice", ["agent"], "web")
    live_ = server.quaid.handoff_targets["helpdesk"].live
    live_.offline_grace_s = 0.3  # (5 s: a click to another console page keeps the agent's state)

    async def availability() -> str:
        with server.quaid.store.bound():
            row = await AgentStatus.get_or_none(agent_id=alice.id)
        return row.availability if row else "offline"

    async with server.client() as agent:
        csrf = await sign_in(agent, "alice")
        first, second = await live(server, agent), await live(server, agent)
        await next_message(first, type="hello")
        await next_message(second, type="hello")
        assert await availability() == "available"
        async with agent.post("/console/api/me/availability", json={"availability": "away"},
                              headers={"X-CSRF-Token": csrf}) as resp:
            assert resp.status == 200 and (await resp.json())["me"]["availability"] == "away"
        pushed = await next_message(first, type="agent", where=lambda m: m["agent"]["availability"] == "away")
        assert pushed["agent"]["username"] == "alice" and pushed["agent"]["open"] == 0
        async with agent.post("/console/api/me/availability", json={"availability": "offline"},
                              headers={"X-CSRF-Token": csrf}) as resp:
            assert resp.status == 400
        await first.close()
        await asyncio.sleep(0.6)
        assert await availability() == "away", "one tab still open"
        await second.close()  # a click to another page: its socket opens just after
        second = await live(server, agent)
        await next_message(second, type="hello")
        await asyncio.sleep(0.6)
        assert await availability() == "away", "still away on the next page"
        await second.close()
        for _ in range(50):
            if await availability() == "offline":
                break
            await asyncio.sleep(0.05)
        assert await availability() == "offline"
        with server.quaid.store.bound():
            assert await LiveSocket.all().count() == 0
        assert not live_.clients


async def test_a_signed_out_session_closes_its_socket(server):
    await server.add_agent("alice", ["agent"], "web")
    server.quaid.handoff_targets["helpdesk"].live.session_check_s = 0.1
    async with server.client() as agent:
        csrf = await sign_in(agent, "alice")
        ws = await live(server, agent)
        await next_message(ws, type="hello")
        async with agent.post("/console/logout", data={"csrf_token": csrf}) as resp:
            assert resp.status == 200
        msg = await ws.receive(timeout=5)
        while msg.type == aiohttp.WSMsgType.TEXT:  # what was pushed before
            msg = await ws.receive(timeout=5)
        assert msg.type == aiohttp.WSMsgType.CLOSE and ws.close_code == 4401


async def test_the_client_hears_that_an_agent_is_typing(server):
    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as client, server.client() as agent:
        async with client.post("/api/web/conversations", json={"lang": "fr"}) as resp:
            conversation_id = (await resp.json())["conversation_id"]
        async with client.ws_connect(f"/api/web/conversations/{conversation_id}/events") as events:
            await server.say(client, conversation_id, payload="PERSON")
            await sign_in(agent, "alice")
            ws = await live(server, agent)
            await next_message(ws, type="hello")
            await ws.send_str(json.dumps({"type": "typing", "ticket": 1}))
            [typing] = await replies(events)
            assert (typing["kind"], typing["text"]) == ("typing", "Un agent écrit…")
            await ws.send_str(json.dumps({"type": "typing", "ticket": 1}))  # within 4 s: once
            for junk in ("{", "[]", json.dumps({"type": "typing", "ticket": "1"}),
                         json.dumps({"type": "typing", "ticket": 2**40})):
                await ws.send_str(junk)
            with pytest.raises(asyncio.TimeoutError):
                await events.receive(timeout=0.8)
            await ws.close()


OTHER_WORKER = """
import asyncio, sys
from quaidcore import Inbound
from tests.handoff.conftest import make_quaid

async def main(data_dir):
    quaid = make_quaid(data_dir)
    await quaid.start()
    try:
        conversation_id, _ = await quaid.start_conversation("web", "en")
        await quaid.handle(Inbound("web", conversation_id, text="I want to talk to a person"))
        await quaid.handle(Inbound("web", conversation_id, text="still there?"))
        print(conversation_id)
    finally:
        await quaid.stop()

asyncio.run(main(sys.argv[1]))
"""


async def test_changes_reach_a_socket_held_by_another_worker(tmp_path, monkeypatch):
    # two processes on one database, as `quaid serve --workers 2`: the agent's socket is held
    # here, the client's conversation is handled by the other process
    monkeypatch.setenv("QUAID_WORKERS", "2")
    server = await start_server(tmp_path / "data")
    try:
        await server.add_agent("alice", ["agent"], "web")
        async with server.client() as agent:
            await sign_in(agent, "alice")
            ws = await live(server, agent)
            await next_message(ws, type="hello")
            other = await asyncio.create_subprocess_exec(
                sys.executable, "-c", OTHER_WORKER, str(tmp_path / "data"), cwd=ROOT,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await asyncio.wait_for(other.communicate(), 120)
            assert other.returncode == 0, err.decode()[-2000:]
            conversation_id = out.decode().split()[-1]
            events: list[str] = []  # pushes of one poll are one message per ticket

            def seen(message: dict[str, Any]) -> bool:
                if message.get("type") != "ticket":
                    return False
                assert message["ticket"]["conversation_id"] == conversation_id
                events.extend(message["events"])
                return message["ticket"]["preview"] == "still there?"

            await next_message(ws, where=seen)
            assert "created" in events and "message" in events
            with server.quaid.store.bound():
                assert await TicketMessage.filter(ticket_id=1, kind="client").count() == 2
            await ws.close()
    finally:
        await server.runner.cleanup()
