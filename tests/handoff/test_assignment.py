"""Queues that assign themselves, through the real server: availability (a console tab open
or not), capacity, fewest open tickets with round robin on ties, assignment the moment
capacity frees, a supervisor's reassignment, the client told their place and expected wait in
their language; tickets closed as spam / not a question and transferred to another team."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from quaid_helpdesk import accounts
from quaid_helpdesk.assignment import changed_much
from quaid_helpdesk.labels import button_title, duration, reason_words
from quaid_helpdesk.models import Ticket
from quaid_helpdesk.queue_models import AgentStatus, TicketWait
from tortoise import connections

from tests.conftest import ROOT, fresh_postgres
from tests.handoff.conftest import hand_off, sign_in, start_server
from tests.handoff.test_live import live, next_message


def test_when_a_client_is_told_again():
    assert changed_much(None, None, 3, 600)  # never told
    assert not changed_much(3, 600, 2, 400)
    assert changed_much(4, 600, 1, 150)  # three places, or half
    assert changed_much(10, 3000, 5, 1500)
    assert not changed_much(10, 3000, 8, 2400)
    assert changed_much(1, None, 1, 600) and changed_much(1, 600, 1, None)  # (un)known wait
    assert changed_much(2, 600, 2, 1200)  # the wait doubled (+10 min)
    assert not changed_much(2, 600, 2, 840)  # +4 min: under 5 minutes


def test_words_for_people():
    assert reason_words("search_not_helpful") == "The bot's suggested pages did not help"
    assert reason_words("something_new") == "Something new"
    assert duration(30, "en") == "1 minute" and duration(600, "fr") == "10 minutes"
    assert duration(3900, "en") == "1 hour 5 minutes" and duration(7300, "fr") == "2 heures 10 minutes"
    assert button_title("NO", "fr") == "Non" and button_title("SCOPE_OWN_FILE", "en") == "About my own file"
    assert button_title("SAT:4", "en") == "4/5" and button_title("TOPIC:work", "fr") == "Travailler"
    assert button_title("WHATEVER", "en") == "WHATEVER"


# -- through the server ------------------------------------------------------------------


@pytest.fixture
async def queued(tmp_path):
    """A server whose agents hold at most 2 open tickets, clients told about the queue."""
    server = await start_server(tmp_path / "data", {"plugins": {"helpdesk": {"assignment": {
        "capacity": 2, "tell_queue": True, "retell_after_s": 0}}}})
    server.quaid.handoff_targets["helpdesk"].live.offline_grace_s = 0.2
    yield server
    await server.runner.cleanup()


class Desk:
    """Agents signed in with a console tab open, and their API sessions."""

    def __init__(self, server) -> None:
        self.server = server
        self.sessions: dict[str, Any] = {}
        self.csrf: dict[str, str] = {}
        self.sockets: dict[str, Any] = {}

    async def online(self, username: str) -> Any:
        session = self.sessions.get(username) or self.server.client()
        self.sessions[username] = session
        self.csrf[username] = await sign_in(session, username)
        ws = await live(self.server, session)
        await next_message(ws, type="hello")
        self.sockets[username] = ws
        return ws

    async def offline(self, username: str) -> None:
        await self.sockets.pop(username).close()

    async def post(self, username: str, path: str, **body: Any) -> tuple[int, dict]:
        async with self.sessions[username].post(f"/console/api/{path}", json=body,
                                                headers={"X-CSRF-Token": self.csrf[username]}) as resp:
            return resp.status, await resp.json()

    async def close(self) -> None:
        for ws in self.sockets.values():
            await ws.close()
        for session in self.sessions.values():
            await session.close()


@pytest.fixture
async def desk(queued):
    found = Desk(queued)
    yield found
    await found.close()


async def eventually(check: Callable[[], Awaitable[Any]], timeout: float = 8.0) -> Any:
    """The first true result of `check`, polled (the queue pass runs in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        assert time.monotonic() < deadline, "not in time"
        await asyncio.sleep(0.05)


async def assignees(server) -> dict[int, str | None]:
    with server.quaid.store.bound():
        tickets = await Ticket.all().order_by("id").prefetch_related("assignee")
    return {t.id: (t.assignee.username if t.assignee_id else None) for t in tickets}


async def settled(server, expected: dict[int, str | None]) -> None:
    async def check() -> bool:
        return await assignees(server) == expected
    try:
        await eventually(check)
    except AssertionError:
        raise AssertionError(f"{await assignees(server)} != {expected}") from None


async def test_tickets_go_to_the_least_busy_available_agent_of_the_team(queued, desk):
    server = queued
    for name, channels in (("alice", "web"), ("bob", "web"), ("carol", "messenger"), ("dave", "web")):
        await server.add_agent(name, ["agent"], channels)
    await server.add_agent("boss", ["supervisor"], "*")
    for name in ("alice", "bob", "carol", "dave"):
        await desk.online(name)
    assert (await desk.post("dave", "me/availability", availability="away"))[0] == 200

    async with server.client() as client:
        for n in range(1, 5):
            await hand_off(server, client, text="")
            await settled(server, {**await assignees(server), n: {1: "alice", 2: "bob", 3: "alice", 4: "bob"}[n]})
        # fewest open, then who was given one least recently (round robin); dave is away
        await hand_off(server, client, text="")  # both at capacity 2: it waits
        await asyncio.sleep(0.3)
        assert await assignees(server) == {1: "alice", 2: "bob", 3: "alice", 4: "bob", 5: None}

        # alice resolves #1: the waiting ticket is hers at once
        assert (await desk.post("alice", "tickets/1/resolve"))[0] == 200
        await settled(server, {1: "alice", 2: "bob", 3: "alice", 4: "bob", 5: "alice"})

        # bob resolves: nothing waits; a new ticket goes to him (1 open) rather than alice (2)
        assert (await desk.post("bob", "tickets/2/resolve"))[0] == 200
        await hand_off(server, client, text="")
        await settled(server, {1: "alice", 2: "bob", 3: "alice", 4: "bob", 5: "alice", 6: "bob"})

        # dave back: the next one is his (0 open)
        assert (await desk.post("dave", "me/availability", availability="available"))[0] == 200
        await hand_off(server, client, text="")
        await settled(server, {1: "alice", 2: "bob", 3: "alice", 4: "bob", 5: "alice", 6: "bob", 7: "dave"})

    # the supervisor: reassign #4 to dave, put #7 back in the queue (it goes to bob: 1 open
    # like dave, who was given one more recently); agents may not reassign
    await desk.online("boss")
    status, body = await desk.post("boss", "tickets/4/assign", agent="dave")
    assert status == 200 and body["ticket"]["assignee"] == "dave"
    assert (await desk.post("boss", "tickets/4/assign", agent="carol-nobody"))[0] == 400
    assert (await desk.post("alice", "tickets/3/assign", agent="bob"))[0] == 403
    status, body = await desk.post("boss", "tickets/7/assign", agent="")
    assert status == 200
    await settled(server, {1: "alice", 2: "bob", 3: "alice", 4: "dave", 5: "alice", 6: "bob", 7: "bob"})
    async with desk.sessions["boss"].get("/console/api/board") as resp:
        board = {a["username"]: a for a in (await resp.json())["agents"]}
    assert {name: (a["availability"], a["open"], a["capacity"]) for name, a in board.items()} == {
        "alice": ("available", 2, 2), "bob": ("available", 2, 2), "carol": ("available", 0, 2),
        "dave": ("available", 1, 2), "boss": ("available", 0, 2)}
    events = [e for e in await server.quaid.store.events() if e.type == "ticket_assigned"]
    assert [(e.data["ticket"], e.data["agent"], e.data["by"]) for e in events][-2:] == [
        (4, "dave", "boss"), (7, "bob", "automatic")]


async def test_agents_coming_online_and_capacity_raised_take_the_queue(queued, desk):
    server = queued
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("boss", ["supervisor", "agent"], "messenger")
    async with server.client() as client:
        for _ in range(4):
            await hand_off(server, client, text="")
    await asyncio.sleep(0.3)
    assert set((await assignees(server)).values()) == {None}, "nobody is online"
    await desk.online("alice")
    await settled(server, {1: "alice", 2: "alice", 3: None, 4: None})
    await desk.online("boss")  # serves messenger only
    status, _ = await desk.post("boss", "agents/alice/capacity", capacity="3")
    assert status == 200
    await settled(server, {1: "alice", 2: "alice", 3: "alice", 4: None})
    for bad in ("0", "101", "two", "٣"):
        assert (await desk.post("boss", "agents/alice/capacity", capacity=bad))[0] == 400
    assert (await desk.post("alice", "agents/alice/capacity", capacity="9"))[0] == 403
    assert (await desk.post("boss", "agents/nobody/capacity", capacity="9"))[0] == 404

    # alice closes her last tab: offline, her tickets stay hers, new ones wait
    await desk.offline("alice")
    with server.quaid.store.bound():
        alice_id = (await Ticket.get(id=1).prefetch_related("assignee")).assignee.id
    async def offline() -> bool:
        with server.quaid.store.bound():
            return (await AgentStatus.get(agent_id=alice_id)).availability == "offline"
    await eventually(offline)
    assert (await desk.post("boss", "agents/alice/capacity", capacity=""))[0] == 200
    await asyncio.sleep(0.3)
    assert await assignees(server) == {1: "alice", 2: "alice", 3: "alice", 4: None}


async def test_a_disabled_agents_tickets_go_back_to_the_queue(queued, desk):
    server = queued
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("bob", ["agent"], "web")
    await desk.online("alice")
    async with server.client() as client:
        await hand_off(server, client, text="")
        await settled(server, {1: "alice"})
        await desk.online("bob")
        with server.quaid.store.bound():
            await accounts.set_disabled("alice")
        server.quaid.handoff_targets["helpdesk"].queues.kick()
        await settled(server, {1: "bob"})
    async with desk.sessions["bob"].get("/console/api/tickets/1") as resp:
        texts = [m["text"] for m in (await resp.json())["messages"]]
    assert "back in the queue: its agent's account is disabled" in texts
    assert "assigned to bob (automatic)" in texts


async def test_concurrent_passes_never_overfill_an_agent(queued, desk):
    server = queued
    await server.add_agent("alice", ["agent"], "web")
    queues = server.quaid.handoff_targets["helpdesk"].queues
    queues.config.automatic = False  # the passes below are the only ones
    async with server.client() as client:
        for _ in range(5):
            await hand_off(server, client, text="")
    await desk.online("alice")
    with server.quaid.store.bound():
        given = await asyncio.gather(*(queues.assign_waiting() for _ in range(4)))
    assert sum(len(g) for g in given) == 2
    assert list((await assignees(server)).values()).count("alice") == 2


async def client_replies(ws, timeout: float = 8.0) -> list[dict]:
    return json.loads((await ws.receive(timeout=timeout)).data)["replies"]


async def test_waiting_clients_hear_their_place_and_the_wait_in_their_language(queued, desk):
    server = queued
    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as first, server.client() as second:
        async with first.post("/api/web/conversations", json={"lang": "fr"}) as resp:
            fr = (await resp.json())["conversation_id"]
        en = await server.open_conversation(second)
        async with first.ws_connect(f"/api/web/conversations/{fr}/events") as fr_events, \
                second.ws_connect(f"/api/web/conversations/{en}/events") as en_events:
            await server.say(first, fr, payload="PERSON")
            [told] = await client_replies(fr_events)
            assert (told["kind"], told["text"]) == ("system", "Vous êtes le numéro 1 dans la file d'attente. "
                                                    "Un agent vous répondra dès qu'il sera disponible.")
            await server.say(second, en, payload="PERSON")
            [told] = await client_replies(en_events)
            assert told["text"] == ("You are number 2 in the queue. An agent will answer you as soon "
                                    "as one is available.")

            # alice comes online (capacity 2): both are hers, nobody is told anything more
            await desk.online("alice")
            await settled(server, {1: "alice", 2: "alice"})
            async with first.post("/api/web/conversations", json={"lang": "fr"}) as resp:
                third = (await resp.json())["conversation_id"]
            async with first.ws_connect(f"/api/web/conversations/{third}/events") as third_events:
                await server.say(first, third, payload="PERSON")
                [told] = await client_replies(third_events)
                # 1 place, 1 agent with 2 slots, 10 minutes per ticket (nothing measured yet)
                assert told["text"] == ("Vous êtes le numéro 1 dans la file d'attente. "
                                        "Attente prévue : environ 5 minutes.")
                # alice goes away: the wait is unknown again, the client hears it
                assert (await desk.post("alice", "me/availability", availability="away"))[0] == 200
                [told] = await client_replies(third_events)
                assert told["text"].endswith("Un agent vous répondra dès qu'il sera disponible.")
                assert (await desk.post("alice", "me/availability", availability="available"))[0] == 200
                [told] = await client_replies(third_events)
                assert "environ 5 minutes" in told["text"]
                # alice resolves #1: #3 is hers, without another notice
                assert (await desk.post("alice", "tickets/1/resolve"))[0] == 200
                await settled(server, {1: "alice", 2: "alice", 3: "alice"})
                with pytest.raises(asyncio.TimeoutError):
                    await third_events.receive(timeout=1.5)
            [survey] = await client_replies(fr_events)  # #1 resolved: nothing else, once told
            assert survey["kind"] == "survey"
    stored = [m.text for m in await server.quaid.store.messages(fr)]
    assert not any("file d'attente" in text for text in stored), "notices are not in the transcript"


# -- not a question, another team ----------------------------------------------------------


async def test_closing_as_spam_or_not_a_question(queued, desk):
    server = queued
    await server.add_agent("alice", ["agent"], "web")
    await desk.online("alice")
    async with server.client() as client:
        spam = await hand_off(server, client, text="buy cheap watches")
        other = await hand_off(server, client, text="ok thanks bye")
        await settled(server, {1: "alice", 2: "alice"})
        assert (await desk.post("alice", "tickets/1/close", reason="rude"))[0] == 400
        status, body = await desk.post("alice", "tickets/1/close", reason="spam")
        assert status == 200 and body["ticket"]["status"] == "resolved"
        assert body["ticket"]["closed_reason"] == "spam"
        assert (await desk.post("alice", "tickets/1/close", reason="spam"))[0] == 409
        assert (await desk.post("alice", "tickets/2/close", reason="not_a_question"))[0] == 200

        # a close gives both conversations back to the bot (host.release, no survey): what
        # the clients write next is answered by the bot and opens no ticket
        replies = await server.say(client, spam, text="cheap watches!!!")
        assert replies and {r["kind"] for r in replies}.isdisjoint({"handoff", "survey"}), replies
        replies = await server.say(client, other, text="How much is an eTA?")
        assert (replies[0]["kind"], replies[0]["code"]) == ("answer", "010102")
        assert await assignees(server) == {1: "alice", 2: "alice"}
        for conversation_id in (spam, other):
            assert (await server.quaid.conversation(conversation_id)).owner == "bot"

        # the spammer asks for a person again: a ticket as any other (not closed as spam)
        replies = await server.say(client, spam, text="I want to talk to a person")
        assert replies[-1]["kind"] == "handoff"
        await settled(server, {1: "alice", 2: "alice", 3: "alice"})
    with server.quaid.store.bound():
        statuses = {t.id: t.status for t in await Ticket.all()}
        handling = await server.quaid.handoff_targets["helpdesk"].queues.handle_seconds("web")
    assert statuses == {1: "resolved", 2: "resolved", 3: "open"}
    closed = [(e.conversation_id, e.data["reason"], e.data["agent"]) for e in await server.quaid.store.events()
              if e.type == "ticket_closed"]
    assert closed == [(spam, "spam", "alice"), (other, "not_a_question", "alice")], "counted apart, once"
    assert handling == 600, "closes are not in the handling time (the default until 3 resolved)"
    await server.add_agent("boss", ["supervisor"], "web")
    await desk.online("boss")
    async with desk.sessions["boss"].get("/console/api/reports?channel=web&lang=en") as resp:
        report = await resp.json()
    assert report["tickets_closed"] == {"spam": 1, "not_a_question": 1}
    assert report["volume"]["agent_answers"] == 0, "a close is no answer"
    async with desk.sessions["boss"].get("/console/api/reports?channel=messenger") as resp:
        assert (await resp.json())["tickets_closed"] == {"spam": 0, "not_a_question": 0}
    async with desk.sessions["boss"].get("/console/reports.csv?lang=en") as resp:
        assert "tickets_closed.spam,1" in (await resp.text()).splitlines()
    events = {e.type for e in await server.quaid.store.events(spam)}
    assert "resolved" not in events and "satisfaction" not in events, "no survey for spam"
    assert not [m for m in await server.quaid.store.messages(spam) if m.kind == "survey"]


async def test_transfer_to_another_channels_team(queued, desk):
    server = queued
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("mo", ["agent"], "messenger")
    alice_ws = await desk.online("alice")
    mo_ws = await desk.online("mo")
    async with server.client() as client:
        conversation_id = await hand_off(server, client, text="")
        await settled(server, {1: "alice"})
        for team in ("web", "nowhere", "../x", ""):
            assert (await desk.post("alice", "tickets/1/transfer", team=team))[0] == 400, team
        status, body = await desk.post("alice", "tickets/1/transfer", team="messenger")
        assert status == 200 and body["ticket"]["channel"] == "messenger"
        assert body["ticket"]["transferred_from"] == "web"
        await next_message(alice_ws, type="gone", id=1)
        pushed = await next_message(mo_ws, where=lambda m: m.get("type") == "ticket" and "transferred" in m["events"])
        assert pushed["ticket"]["id"] == 1
        await settled(server, {1: "mo"})
        # mo answers on the client's own channel; the reports keep the client's channel
        assert (await desk.post("mo", "tickets/1/reply", solution="010102"))[0] == 200
        assert (await desk.post("alice", "tickets/1/reply", solution="010102"))[0] == 403
    sent = [m for m in await server.quaid.store.messages(conversation_id) if m.author == "agent"]
    assert [m.code for m in sent] == ["010102"]
    events = {e.type: e for e in await server.quaid.store.events(conversation_id)}
    assert events["ticket_transferred"].data["from"] == "web" and events["ticket_transferred"].data["to"] == "messenger"
    assert events["first_agent_response"].channel == "web" and events["ticket_transferred"].channel == "web"


# -- PostgreSQL, two processes ---------------------------------------------------------------

SERVE = """
import asyncio, sys
from tests.handoff.conftest import start_server

async def main(data_dir, url):
    server = await start_server(data_dir, {"database_url": url, "plugins": {"helpdesk": {
        "assignment": {"capacity": 2}}}})
    await server.add_agent("alice", ["agent"], "web")
    print(server.url, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the test ends
    await server.runner.cleanup()

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""

HAND_OFF = """
import asyncio, json, sys
from quaidcore import Inbound
from quaid_helpdesk.models import Ticket
from tests.handoff.conftest import make_quaid

async def main(data_dir, url):
    quaid = make_quaid(data_dir, {"database_url": url, "plugins": {"helpdesk": {"assignment": {"capacity": 2}}}})
    await quaid.start()
    try:
        for _ in range(5):
            conversation_id, _ = await quaid.start_conversation("web", "en")
            await quaid.handle(Inbound("web", conversation_id, text="I want to talk to a person"))
        queues = quaid.handoff_targets["helpdesk"].queues
        with quaid.store.bound():  # these passes race the other process's
            await asyncio.gather(*(queues.assign_waiting() for _ in range(3)))
            await asyncio.sleep(1.0)
            tickets = await Ticket.all().order_by("id").prefetch_related("assignee")
        print(json.dumps([t.assignee.username if t.assignee_id else None for t in tickets]))
    finally:
        await quaid.stop()

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


@pytest.fixture
async def queues_database():
    async with fresh_postgres("quaid_queues") as url:
        yield url


@pytest.mark.services
async def test_on_postgres_two_processes_share_the_queue_and_the_feed(tmp_path, queues_database):
    url = queues_database
    env = {**os.environ, "QUAID_WORKERS": "2"}
    serve = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SERVE, str(tmp_path / "a"), url, cwd=ROOT, env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    try:
        base = ""
        while not base.startswith("http://"):  # after its log lines
            line = await asyncio.wait_for(serve.stdout.readline(), 120)
            assert line, "the serving process ended"
            base = line.decode().strip()
        drain = asyncio.create_task(serve.stdout.read())  # its log must not fill the pipe
        async with aiohttp.ClientSession(base, cookie_jar=aiohttp.CookieJar(unsafe=True)) as agent:
            await sign_in(agent, "alice")
            ws = await agent.ws_connect("/console/api/live", headers={"Origin": base})
            await next_message(ws, type="hello")
            other = await asyncio.create_subprocess_exec(
                sys.executable, "-c", HAND_OFF, str(tmp_path / "b"), url, cwd=ROOT, env=env,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await asyncio.wait_for(other.communicate(), 180)
            assert other.returncode == 0, err.decode()[-3000:]
            assert sorted(json.loads(out.decode().splitlines()[-1]), key=str) == [
                None, None, None, "alice", "alice"], "capacity 2, whichever process claimed"
            created: set[int] = set()

            def seen(message: dict[str, Any]) -> bool:
                if message.get("type") == "ticket" and "created" in message["events"]:
                    created.add(message["ticket"]["id"])
                return len(created) == 5

            await next_message(ws, timeout=10, where=seen)
            async with agent.get("/console/api/board") as resp:
                assert (await resp.json())["me"]["open"] == 2
            await ws.close()
    finally:
        serve.stdin.close()
        await asyncio.wait_for(serve.wait(), 60)
        if "drain" in locals():
            await drain


# -- a full pass reads only the tickets that may need a notice ------------------------------


async def test_a_full_pass_tells_whom_the_whole_queue_would(tmp_path):
    """tell_waiting asks the database for the waiting tickets that may need a notice (their
    places counted there): it tells exactly the tickets the per-ticket judgement over the
    whole queue (estimates() and changed_much, as a pass did before) tells, on random
    queues: never told, told recently, told long ago at a place or a wait near or far from
    today's, teams with and without agents, a team outside its business hours."""
    import random

    from quaid_helpdesk.assignment import NOTICE_DELAY_S

    server = await start_server(tmp_path / "data", {"plugins": {"helpdesk": {
        "assignment": {"capacity": 2, "tell_queue": True, "retell_after_s": 60, "pass_interval_s": 300},
        "business_hours": {"night": {"timezone": "UTC", "week": {"mon-sun": "00:00-00:01"}}}}}})
    queues = server.quaid.handoff_targets["helpdesk"].queues
    queues.clock = lambda: 1_780_000_000.0 + 12 * 3600  # noon UTC: "night" is closed
    if queues._lock is None:
        queues._lock = asyncio.Lock()
    try:
        # the background pass (kicked when the agent comes) must not write wait rows or notices
        # between the queues this test writes and its own pass: it waits for the pass's lock
        async with queues._lock:
            with server.quaid.store.bound():
                alice = await server.add_agent("alice", ["agent"], "web")
                await AgentStatus.create(agent_id=alice.id, availability="available", changed_at=0.0)
                for seed in range(4):
                    rng = random.Random(seed)
                    conn = connections.get("default")
                    await conn.execute_query("DELETE FROM helpdesk_ticket_wait")
                    await conn.execute_query("DELETE FROM helpdesk_ticket")
                    now = time.time()
                    for i in range(160):
                        created = now - rng.choice([0.2, 5, 50, 500, 5000]) - i * 0.001
                        status = rng.choice(["open"] * 8 + ["resolved"])
                        await Ticket.create(conversation_id=f"c{seed}-{i}", created_at=created,
                                            updated_at=created, status=status,
                                            channel=rng.choice(["web", "web", "messenger", "night"]),
                                            assignee_id=alice.id if rng.random() < 0.1 else None)
                    # what the clients were told: near today's place and wait, or far from them
                    today = await queues.estimates()
                    for ticket in await Ticket.all():
                        kind = rng.choice(["none", "row", "recent", "old", "old", "old"])
                        if kind == "none":
                            continue
                        place, wait = today.get(ticket.id, (rng.randint(1, 50), None))
                        told_at = {"row": None, "recent": now - 10, "old": now - 600}[kind]
                        position = rng.choice([None, max(1, place + rng.randint(-7, 7)), place])
                        told_wait = rng.choice([None, 600.0, wait, wait and wait * rng.choice([0.4, 0.6, 1.4, 2.1]),
                                                wait and wait + rng.choice([-350.0, -250.0, 250.0, 350.0])])
                        await TicketWait.filter(ticket_id=ticket.id).delete()  # one row a ticket, whoever wrote
                        await TicketWait.create(ticket_id=ticket.id, told_at=told_at, told_position=position,
                                                told_wait_s=told_wait,
                                                hours_told_at=rng.choice([None, now - 100]))
                    # the judgement over the whole queue, as tell_waiting made it before
                    at, now = queues.clock(), time.time()
                    queue = await queues.waiting()
                    estimates = await queues.estimates(queue)
                    waits = {w.ticket_id: w for w in await TicketWait.all()}
                    expected = []
                    for ticket in queue:
                        if now - ticket.created_at < NOTICE_DELAY_S:
                            continue
                        row = waits.get(ticket.id)
                        if not queues.hours.is_open(ticket.channel, at):
                            if row is None or row.hours_told_at is None:
                                expected.append(ticket.id)
                            continue
                        position, wait = estimates[ticket.id]
                        if row is not None and row.told_at is not None and (
                                now - row.told_at < 60 or not changed_much(row.told_position, row.told_wait_s,
                                                                          position, wait)):
                            continue
                        expected.append(ticket.id)
                    told: list[tuple[int, str, int, float | None]] = []

                    async def tell(ticket, what, at, position=0, wait=None, released=False, told=told):
                        told.append((ticket.id, what, position, wait))
                    queues._tell = tell
                    queues._release = lambda ticket: asyncio.sleep(0, False)
                    await queues.tell_waiting()
                    assert [t[0] for t in told] == expected, seed
                    assert len(expected) > 20 and any(t[1] == "closed" for t in told)
                    for ticket_id, what, position, wait in told:
                        if what == "queue":
                            assert (position, wait) == estimates[ticket_id]
    finally:
        await server.runner.cleanup()


async def test_a_pass_claims_its_notices_in_one_trip_and_skips_those_another_worker_sent(tmp_path):
    """The queue notices a pass sends are claimed together, in one trip to the embedded
    SQLite's thread (one a notice before: as many trips as the core's group commits under
    load); a ticket whose wait row another worker changed since it was read (its told_at) is
    not claimed, and its row is left as that worker wrote it."""
    server = await start_server(tmp_path / "data", {"plugins": {"helpdesk": {
        "assignment": {"tell_queue": True, "pass_interval_s": 300}}}})
    queues = server.quaid.handoff_targets["helpdesk"].queues
    if queues._lock is None:
        queues._lock = asyncio.Lock()
    try:
        async with queues._lock:  # no background pass meanwhile
            with server.quaid.store.bound():
                now = time.time()
                tickets = [await Ticket.create(conversation_id=f"c{i}", channel="web", created_at=now - 100,
                                               updated_at=now - 100)
                           for i in range(4)]
                told = [None, now - 500, now - 600, None]  # as the pass read them
                for ticket, at in zip(tickets, told, strict=True):
                    await TicketWait.create(ticket_id=ticket.id, told_at=at, told_position=9 if at else None)
                # another worker told the third and the fourth meanwhile
                await TicketWait.filter(ticket_id=tickets[2].id).update(told_at=now - 5, told_position=2)
                await TicketWait.filter(ticket_id=tickets[3].id).update(told_at=now - 5, told_position=2)
                trips = 0
                in_db_thread = queues.host.in_db_thread

                async def counted(work, *args):
                    nonlocal trips
                    trips += 1
                    return await in_db_thread(work, *args)
                queues.host.in_db_thread = counted
                conn = connections.get("default")
                claims = [(t.id, 3 + i, 60.0 * i, now, at) for i, (t, at) in enumerate(zip(tickets, told, strict=True))]
                claimed = await queues._claim_notices(conn, claims)
                assert claimed == [tickets[0].id, tickets[1].id] and trips == 1
                rows = {w.ticket_id: w for w in await TicketWait.all()}
                assert [(rows[t.id].told_position, rows[t.id].told_at) for t in tickets] == [
                    (3, now), (4, now), (2, now - 5), (2, now - 5)]
                assert rows[tickets[1].id].told_wait_s == 60.0
                assert await queues._claim_notices(conn, []) == [] and trips == 1
    finally:
        await server.runner.cleanup()


async def test_light_passes_kicked_by_arrivals_share_one_pass_every_gap(tmp_path):
    """Each new ticket kicks a light pass; the kicks that come within LIGHT_PASS_GAP_S of the
    last pass share the next one (a pass costs ~5 trips to the database: one a ticket made
    more trips than the core's group commits under bench/throughput.py's handoffs)."""
    from quaid_helpdesk.assignment import LIGHT_PASS_GAP_S

    server = await start_server(tmp_path / "data", {"plugins": {"helpdesk": {
        "assignment": {"tell_queue": True, "pass_interval_s": 300}}}})
    queues = server.quaid.handoff_targets["helpdesk"].queues
    passes: list[bool] = []
    run_pass = queues.run_pass

    async def counted(full: bool = True) -> None:
        passes.append(full)
        await run_pass(full)
    queues.run_pass = counted
    try:
        for _ in range(100):  # the background task waits for kicks
            if queues._wake is not None:
                break
            await asyncio.sleep(0.02)
        queues._full, queues._last_full = False, time.monotonic()  # no full pass due
        kicks, spread = 40, 4 * LIGHT_PASS_GAP_S
        for _ in range(kicks):  # 40 arrivals over four gaps
            queues.kick(full=False)
            await asyncio.sleep(spread / kicks)
        await asyncio.sleep(2 * LIGHT_PASS_GAP_S)
        assert 1 <= len(passes) <= 6 and not any(passes), passes
    finally:
        await server.runner.cleanup()


async def test_the_queue_passes_count_places_along_the_waiting_tickets_partial_index(tmp_path):
    """The queue task creates WAITING_INDEX at start-up, and the passes' statements state its
    condition as it is written, so that SQLite counts a ticket's place along it (the team's
    waiting tickets before it) instead of reading every ticket of the team, resolved ones
    too (~11 ms a light pass under bench/throughput.py's handoffs, holding up group commits)."""
    from quaid_helpdesk import assignment

    server = await start_server(tmp_path / "data", {"plugins": {"helpdesk": {
        "assignment": {"tell_queue": True}}}})
    try:
        with server.quaid.store.bound():
            conn = connections.get("default")
            for _ in range(200):
                _, found = await conn.execute_query(
                    "SELECT name FROM sqlite_master WHERE name = 'helpdesk_ticket_waiting'")
                if found:
                    break
                await asyncio.sleep(0.02)
            assert found
            for name in ("ARRIVED", "AHEAD", "WAITING", "WAITING_TEAMS"):
                sql = getattr(assignment, name).format("?", "?", marks="?")
                _, plan = await conn.execute_query("EXPLAIN QUERY PLAN " + sql, [1] * sql.count("?"))
                assert any("helpdesk_ticket_waiting" in row[3] for row in plan), (name, plan)
    finally:
        await server.runner.cleanup()


ARRIVED_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.services)]


@pytest.mark.parametrize("backend", ARRIVED_BACKENDS)
async def test_a_light_pass_counts_each_arrivals_place_as_the_whole_queue_would(tmp_path, backend):
    """ARRIVED numbers the arrivals along their team's tail after one count a team: on random
    queues (several teams, resolved and assigned tickets, arrivals out of created_at's order,
    ties of created_at) every arrival's place is the number of its team's waiting tickets
    before it in (created_at, id) order, whatever `seen` is."""
    import random

    from quaid_helpdesk.assignment import ARRIVED, _marks

    async with contextlib.AsyncExitStack() as stack:
        config: dict[str, Any] = {}
        if backend == "postgres":
            config["database_url"] = await stack.enter_async_context(fresh_postgres("quaid_arrived"))
        server = await start_server(tmp_path / "data", config)
        stack.push_async_callback(server.runner.cleanup)
        with server.quaid.store.bound():
            conn = connections.get("default")
            rng = random.Random(7)  # raw rows: tortoise keeps a model's insert built for SQLite
            marks = _marks(conn, 8)
            await conn.execute_query(
                "INSERT INTO helpdesk_agent (username, password_hash, roles, channels, disabled, created_at) "
                "VALUES ({}, {}, {}, {}, {}, {})".format(*marks[:6]), ["alice", "x", "[]", "[]", False, 0.0])
            _, found = await conn.execute_query("SELECT id FROM helpdesk_agent")
            alice = found[0][0]
            rows = []
            for i in range(300):
                created = 1_000.0 + rng.choice([i, i, i, i - 40, float(i // 10 * 10)])
                values = [f"c{i}", rng.choice(["web", "web", "messenger", "x"]),
                          rng.choice(["open"] * 6 + ["resolved"]), alice if rng.random() < 0.1 else None,
                          created, created, "[]", "[]"]
                await conn.execute_query(
                    "INSERT INTO helpdesk_ticket (conversation_id, channel, lang, status, reason, assignee_id, "
                    "created_at, updated_at, candidates, transcript) VALUES ({}, {}, 'en', {}, 'x', {}, {}, "
                    "{}, {}, {})".format(*marks), values)
                _, found = await conn.execute_query("SELECT MAX(id) FROM helpdesk_ticket")
                rows.append(Ticket(id=found[0][0], channel=values[1], status=values[2], assignee_id=values[3],
                                   created_at=created))
            waiting = [t for t in rows if t.assignee_id is None and t.status != "resolved"]
            for seen in (0, rows[150].id, rows[280].id, rows[-1].id):
                _, found = await conn.execute_query(ARRIVED.format(*_marks(conn, 1)), [seen])
                got = [(row["id"], row["ahead"]) for row in map(dict, found)]
                want = [(t.id, sum(1 for w in waiting if w.channel == t.channel
                                   and (w.created_at, w.id) < (t.created_at, t.id)))
                        for t in waiting if t.id > seen]
                assert got == want, seen
                assert len(want) > 20 or seen >= rows[280].id
