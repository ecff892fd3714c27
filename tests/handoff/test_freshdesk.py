"""The Freshdesk target against a fake Freshdesk on loopback: the durable outbox, 429
Retry-After, exactly one ticket across failures and restarts, the webhook back to clients."""

from __future__ import annotations

import asyncio
import json
import time

import aiohttp
import pytest
from quaid_freshdesk.models import FreshdeskResolution, FreshdeskTicket
from quaid_freshdesk.target import note_marker, signature

from quaidcore import Inbound
from quaidcore.config import DEFAULT_CONFIG, ConfigError, parse_config
from quaidcore.models import EventRecord, Message
from quaidcore.outbox import OutboxItem
from quaidcore.plugins import Plugins
from tests.handoff.conftest import handoff_config, make_quaid, sign_in, start_server
from tests.handoff.fake_freshdesk import API_KEY, FakeFreshdesk

FAST_RETRY = {"base_delay_s": 0.05, "max_delay_s": 0.2, "poll_interval_s": 0.05}


def freshdesk_config(fake: FakeFreshdesk, **options) -> dict:
    block = {"domain": fake.url, "api_key": API_KEY, "retry": FAST_RETRY, **options}
    return {"plugins": {"freshdesk": block},
            "handoff": {"default": "helpdesk", "channels": {"web": "freshdesk"}}}


async def wait_for(predicate, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def handed_off(quaid, then: str = "") -> str:
    conversation_id, _ = await quaid.start_conversation("web", "en")
    replies = await quaid.handle(Inbound("web", conversation_id, text="I want to talk to a person"))
    assert replies[-1].kind == "handoff"
    if then:
        assert await quaid.handle(Inbound("web", conversation_id, text=then)) == []
    return conversation_id


async def outbox_items(quaid) -> list[OutboxItem]:
    with quaid.store.bound():
        return await OutboxItem.filter(target="freshdesk").order_by("id")


async def settled(quaid, count: int = 1) -> list[OutboxItem]:
    """The outbox items once `count` of them exist and none is pending any more."""
    for _ in range(500):
        items = await outbox_items(quaid)
        if len(items) >= count and all(i.status != "pending" for i in items):
            return items
        await asyncio.sleep(0.02)
    raise AssertionError(f"the outbox did not settle: {[(i.key, i.status) for i in items]}")


@pytest.fixture
async def fake():
    server = await FakeFreshdesk().start()
    yield server
    await server.stop()


async def test_500s_then_429_then_201_make_exactly_one_ticket(fake, tmp_path):
    fake.script = [500, 500, 429, 201]
    quaid = make_quaid(tmp_path / "data", freshdesk_config(fake))
    await quaid.start()
    try:
        conversation_id = await handed_off(quaid)
        await wait_for(lambda: len(fake.tickets) == 1)
        posts = fake.posts()
        assert [c.status for c in posts] == [500, 500, 429, 201]
        assert posts[3].at - posts[2].at >= 0.95, "Retry-After: 1 was not respected"
        [item] = await settled(quaid)
        await asyncio.sleep(0.3)
        assert len(fake.posts()) == 4 and len(fake.tickets) == 1, "nothing is sent twice"
        assert (item.status, item.attempts, item.result) == ("done", 4, {"ticket_id": 1})
    finally:
        await quaid.stop()
    ticket = fake.tickets[1]
    assert {"quaid", "channel-web", "lang-en"} <= set(ticket["tags"])
    assert ticket["unique_external_id"] == f"quaid-{conversation_id}"
    assert "I want to talk to a person" in ticket["description"]
    assert ticket["status"] == 2 and ticket["source"] == 7


async def test_a_restart_between_attempts_loses_nothing(fake, tmp_path):
    fake.script = [500] * 1000  # Freshdesk is down
    config = freshdesk_config(fake)
    first = make_quaid(tmp_path / "data", config)
    await first.start()
    conversation_id = await handed_off(first, then="it is about my <b>study permit</b>")
    await wait_for(lambda: len(fake.posts()) >= 2)
    await first.stop()
    made = len(fake.posts())
    await asyncio.sleep(0.2)
    assert len(fake.posts()) == made and fake.tickets == {}, "a stopped Quaid makes no calls"

    fake.script = []  # Freshdesk is back; a new process on the same SQLite file
    second = make_quaid(tmp_path / "data", config)
    await second.start()
    try:
        items = await settled(second, 2)
        await asyncio.sleep(0.3)
    finally:
        await second.stop()
    assert len(fake.tickets) == 1 and len(fake.posts()) == made + 1
    [note] = fake.notes
    assert note["ticket_id"] == 1 and note["incoming"] is True and note["private"] is False
    assert "&lt;b&gt;study permit&lt;/b&gt;" in note["body"], "client text is escaped in HTML"
    assert [(i.action, i.status) for i in items] == [("create_ticket", "done"), ("add_note", "done")]
    assert items[0].group == items[1].group == conversation_id


async def test_an_answer_lost_after_the_ticket_was_made_is_not_a_second_ticket(fake, tmp_path):
    fake.script = ["lost"]  # created, but the 201 never arrives (a 502 instead)
    quaid = make_quaid(tmp_path / "data", freshdesk_config(fake))
    await quaid.start()
    try:
        await handed_off(quaid)
        [item] = await settled(quaid)
    finally:
        await quaid.stop()
    assert item.status == "done" and item.result == {"ticket_id": 1}
    assert len(fake.tickets) == 1 and len(fake.posts()) == 1, "the retry found the ticket by its tag"
    assert [c.status for c in fake.calls if c.path.endswith("/search/tickets")] == [200]


async def test_a_wrong_api_key_is_retried_not_dropped(fake, tmp_path):
    config = freshdesk_config(fake)
    config["plugins"]["freshdesk"]["api_key"] = "wrong"
    quaid = make_quaid(tmp_path / "data", config)
    await quaid.start()
    try:
        await handed_off(quaid)
        await wait_for(lambda: len(fake.calls) >= 3)
        [item] = await outbox_items(quaid)
    finally:
        await quaid.stop()
    assert fake.tickets == {} and {c.status for c in fake.calls} == {401}
    assert item.status == "pending" and "401" in item.last_error


async def test_webhook_delivers_agent_replies_and_resolution_to_the_client(fake, tmp_path):
    server = await start_server(tmp_path / "data", freshdesk_config(fake, webhook_token="hook-secret"))
    try:
        async with server.client() as client:
            conversation_id = await server.open_conversation(client)
            async with client.ws_connect(f"/api/web/conversations/{conversation_id}/events") as ws:
                await server.say(client, conversation_id, text="I want to talk to a person")
                await settled(server.quaid)  # the ticket is made and recorded
                hook = "/api/freshdesk/webhook"
                reply = {"ticket_id": 1, "event": "reply", "text": "Apply online. #010102", "agent": "sam"}
                async with client.post(hook, json=reply) as resp:
                    assert resp.status == 401
                async with client.post(hook, json=reply, headers={"Authorization": "Bearer nope"}) as resp:
                    assert resp.status == 401
                auth = {"Authorization": "Bearer hook-secret"}
                async with client.post(hook, json={**reply, "ticket_id": 99}, headers=auth) as resp:
                    assert resp.status == 404
                async with client.post(hook, json=reply, headers=auth) as resp:
                    assert resp.status == 200, await resp.text()
                pushed = json.loads((await ws.receive(timeout=5)).data)["replies"][0]
                assert pushed["kind"] == "agent" and pushed["code"] == "010102"
                assert pushed["text"] == "Apply online."
                async with client.post(hook, json={"ticket_id": 1, "event": "status", "status": 4},
                                       headers=auth) as resp:
                    assert resp.status == 200
                survey = json.loads((await ws.receive(timeout=5)).data)["replies"][0]
                assert survey["kind"] == "survey" and survey["quick_replies"][0]["payload"] == "SAT:1"
    finally:
        await server.runner.cleanup()


def test_plain_http_is_refused_except_on_loopback(tmp_path):
    plugins = Plugins()
    raw = handoff_config(tmp_path, {"plugins": {"freshdesk": {"domain": "http://example.freshdesk.com",
                                                              "api_key": "k"}}})
    with pytest.raises(ConfigError, match=r"plugins\.freshdesk\.domain.*https is required"):
        parse_config(raw, DEFAULT_CONFIG, plugins)


async def test_forgetting_a_client_deletes_their_freshdesk_ticket(fake, tmp_path):
    quaid = make_quaid(tmp_path / "data", freshdesk_config(fake))
    await quaid.start()
    try:
        conversation_id = await handed_off(quaid)
        await settled(quaid)
        assert await quaid.forget(conversation_id=conversation_id) == 1
        await wait_for(lambda: fake.tickets == {})
        items = await outbox_items(quaid)
    finally:
        await quaid.stop()
    assert [(i.action, i.group, i.status) for i in items] == [("delete_ticket", None, "done")]
    assert conversation_id not in json.dumps([i.payload for i in items])


async def test_a_note_whose_answer_was_lost_is_not_added_twice(fake, tmp_path):
    fake.note_script = ["lost"]  # the note is added, but the 201 never arrives (a 502 instead)
    quaid = make_quaid(tmp_path / "data", freshdesk_config(fake))
    await quaid.start()
    try:
        await handed_off(quaid, then="about my study permit")
        items = await settled(quaid, 2)
        await asyncio.sleep(0.3)
    finally:
        await quaid.stop()
    assert [(i.action, i.status) for i in items] == [("create_ticket", "done"), ("add_note", "done")]
    assert len(fake.notes) == 1 and len(fake.posts("/api/v2/tickets/1/notes")) == 1
    assert items[1].attempts == 2 and items[1].result == {"ticket_id": 1, "found": True}
    assert note_marker(items[1].key) in fake.notes[0]["body"], "the note carries its reference"
    looked = [c for c in fake.calls if c.path.endswith("/conversations")]
    assert [c.status for c in looked] == [200], "the retry looked the note up instead of resending"


SECRET = "a-shared-secret-of-some-length"


def signed(body: bytes, at: float | None = None, secret: str = SECRET, token: str = "hook-secret") -> dict:
    timestamp = str(int(time.time() if at is None else at))
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
            "X-Quaid-Timestamp": timestamp,
            "X-Quaid-Signature": "sha256=" + signature(secret.encode(), timestamp, body)}


async def test_the_webhook_checks_signature_timestamp_and_replays(fake, tmp_path):
    config = freshdesk_config(fake, webhook_token="hook-secret", webhook_secret=SECRET)
    server = await start_server(tmp_path / "data", config)
    hook = "/api/freshdesk/webhook"
    try:
        async with server.client() as client:
            conversation_id = await server.open_conversation(client)
            await server.say(client, conversation_id, text="I want to talk to a person")
            await settled(server.quaid)
            body = json.dumps({"ticket_id": 1, "event": "reply", "text": "Apply online. #010102"}).encode()

            async def post(data: bytes, headers: dict) -> tuple[int, dict]:
                async with client.post(hook, data=data, headers=headers) as resp:
                    return resp.status, await resp.json()

            bearer_only = {"Authorization": "Bearer hook-secret", "Content-Type": "application/json"}
            assert (await post(body, bearer_only))[0] == 401, "the token alone is not enough any more"
            assert (await post(body, signed(body, secret="another-secret-of-length")))[0] == 401
            assert (await post(body, signed(body, token="nope")))[0] == 401
            tampered = signed(body)
            assert (await post(body.replace(b"online", b"offline"), tampered))[0] == 401
            status, error = await post(body, signed(body, at=time.time() - 301))
            assert status == 401 and "X-Quaid-Timestamp" in error["error"], "outside the window"
            assert (await post(body, signed(body, at=time.time() + 301)))[0] == 401
            good = signed(body)
            status, answer = await post(body, good)
            assert (status, answer) == (200, {"ok": True})
            status, error = await post(body, good)
            assert status == 409 and "replay" in error["error"]
            with server.quaid.store.bound():
                messages = await Message.filter(conversation_id=conversation_id, author="agent").count()
            assert messages == 1, "the replayed reply was not delivered twice"
    finally:
        await server.runner.cleanup()


@pytest.mark.parametrize(("raw", "status"), [
    (b'{"ticket_id": 1, "event": "status", "status": 4, "x": ' + b"[" * 1000 + b"]" * 1000 + b"}", 400),
    (b'{"ticket_id": ' + b"9" * 5000 + b', "event": "status", "status": 4}', 400),
    (b'{"ticket_id": 1, "event": "reply", "text": "\\udc00"}', 400),
    (b'{"ticket_id": 18446744073709551616, "event": "status", "status": 4}', 404),
    (b'{"ticket_id": 9223372036854775808, "event": "status", "status": 4}', 404),
    (b'{"ticket_id": -1, "event": "status", "status": 4}', 404),
    (b'{"ticket_id": "99999999999999999999999", "event": "status", "status": 4}', 400),
    (b'{"ticket_id": true, "event": "status", "status": 4}', 400),
    (b'{"ticket_id": 1.5, "event": "status", "status": 4}', 400),
    (b'{"ticket_id": 1, "event": "status", "status": "4"}', 400),
    (b'{"ticket_id": 1, "event": "reply", "text": "hi", "agent": {"a": 1}}', 400),
    (b'{"ticket_id": 1, "event": "reply", "text": "hi", "code": 10102}', 400),
    (b'{"ticket_id": 1, "event": "reply", "text": "hi", "code": "999999"}', 400),
    (b'{"ticket_id": 1, "event": "nope"}', 400),
    (b"[1]", 400),
    (b"", 400),
    (b"\xff\xfe", 400),
    (b'{"ticket_id": 1, "event": "status", "status": NaN}', 400),
    (b'{"ticket_id": 1, "event": "status", "status": 4, "pad": "' + b"x" * 70_000 + b'"}', 413),
])
async def test_hostile_webhook_bodies_are_json_4xx_never_500(fake, tmp_path, raw, status):
    config = freshdesk_config(fake, webhook_token="hook-secret", webhook_secret=SECRET)
    server = await start_server(tmp_path / "data", config)
    try:
        with server.quaid.store.bound():  # a ticket to point at, without a handoff
            await FreshdeskTicket.create(ticket_id=1, conversation_id="c1", outbox_key="k",
                                         created_at=time.time())
        async with server.client() as client, client.post(
                "/api/freshdesk/webhook", data=raw, headers=signed(raw)) as resp:
            assert resp.status == status, await resp.text()
            assert "error" in await resp.json()
    finally:
        await server.runner.cleanup()


def test_a_webhook_secret_needs_the_token_and_some_length(tmp_path):
    for block, message in (({"webhook_secret": SECRET}, "set both"),
                           ({"webhook_token": "t", "webhook_secret": "short"}, "at least 16")):
        raw = handoff_config(tmp_path, {"plugins": {"freshdesk": {
            "domain": "https://x.freshdesk.com", "api_key": "k", **block}}})
        with pytest.raises(ConfigError, match=message):
            parse_config(raw, DEFAULT_CONFIG, Plugins())


@pytest.mark.parametrize("requester_email", [None, "desk@example.org"])
async def test_an_answer_lost_while_the_search_lags_is_not_a_second_ticket(fake, tmp_path, requester_email):
    fake.script = ["lost"]  # created, but the 201 never arrives
    fake.search_lag_s = 3600  # and the search does not find it yet
    quaid = make_quaid(tmp_path / "data", freshdesk_config(fake, requester_email=requester_email))
    await quaid.start()
    try:
        await handed_off(quaid)
        [item] = await settled(quaid)
    finally:
        await quaid.stop()
    assert (item.status, item.result) == ("done", {"ticket_id": 1})
    assert len(fake.tickets) == 1 and len(fake.posts()) == 1, "the retry found the ticket in the list"
    looked = [(c.method, c.path, c.status) for c in fake.calls if c.method == "GET"]
    assert looked == [("GET", "/api/v2/search/tickets", 200), ("GET", "/api/v2/tickets", 200),
                      ("GET", "/api/v2/tickets/1", 200)], "search (lagging), list, then the ticket's tags"


HOOK = "/api/freshdesk/webhook"
TOKEN = {"Authorization": "Bearer hook-secret"}


def automation(fake: FakeFreshdesk, server, answers: list[int]) -> None:
    """Freshdesk's automation rule: a status change calls Quaid's webhook (answers recorded)."""
    async def call(ticket_id: int, status: int) -> None:
        async with aiohttp.ClientSession(server.url) as http, http.post(
                HOOK, json={"ticket_id": ticket_id, "event": "status", "status": status},
                headers=TOKEN) as resp:
            answers.append(resp.status)
    fake.on_status = call


async def surveys(server, conversation_id: str) -> int:
    with server.quaid.store.bound():
        return await Message.filter(conversation_id=conversation_id, kind="survey").count()


async def resolutions(server) -> list[tuple[str, str]]:
    with server.quaid.store.bound():
        return [(r.conversation_id, r.by) for r in await FreshdeskResolution.all()]


async def received(ws) -> dict:
    return json.loads((await ws.receive(timeout=5)).data)["replies"][0]


async def test_a_resolution_in_quaid_resolves_the_ticket_after_its_creation_and_notes(fake, tmp_path):
    fake.script = [503, 503, 503]  # the ticket is still being created when the agent resolves
    server = await start_server(tmp_path / "data", freshdesk_config(fake, webhook_token="hook-secret"))
    answers: list[int] = []
    automation(fake, server, answers)
    try:
        async with server.client() as client:
            conversation_id = await server.open_conversation(client)
            async with client.ws_connect(f"/api/web/conversations/{conversation_id}/events") as ws:
                await server.say(client, conversation_id, text="I want to talk to a person")
                assert await server.say(client, conversation_id, text="about my study permit") == []
                await server.quaid.resolve(conversation_id, agent="ana")  # any host.resolve
                assert (await received(ws))["kind"] == "survey"
                items = await settled(server.quaid, 3)
                await wait_for(lambda: len(answers) == 1)
                await asyncio.gather(*fake.hooks)
                assert await server.quaid.resolve(conversation_id, agent="bob") == [], "resolved already"
            assert await surveys(server, conversation_id) == 1, "Freshdesk's webhook about it: no survey"
            assert await resolutions(server) == [(conversation_id, "quaid")]
    finally:
        await server.runner.cleanup()
    assert [(i.action, i.status) for i in items] == [
        ("create_ticket", "done"), ("add_note", "done"), ("set_status", "done")]
    assert fake.tickets[1]["status"] == 4 and answers == [200]
    writes = [(c.method, c.path) for c in fake.calls if c.method != "GET" and c.status < 300]
    assert writes == [("POST", "/api/v2/tickets"), ("POST", "/api/v2/tickets/1/notes"),
                      ("PUT", "/api/v2/tickets/1")], "in order, one status change, no loop"


async def test_a_status_change_in_freshdesk_resolves_the_conversation_once(fake, tmp_path):
    server = await start_server(tmp_path / "data", freshdesk_config(fake, webhook_token="hook-secret"))
    answers: list[int] = []
    automation(fake, server, answers)
    try:
        async with server.client() as client:
            conversation_id = await server.open_conversation(client)
            async with client.ws_connect(f"/api/web/conversations/{conversation_id}/events") as ws:
                await server.say(client, conversation_id, text="I want to talk to a person")
                await settled(server.quaid)
                resolved = {"ticket_id": 1, "event": "status", "status": 4}
                async with client.post(HOOK, json=resolved, headers={"Authorization": "Bearer nope"}) as resp:
                    assert resp.status == 401 and "error" in await resp.json()
                conversation = await server.quaid.conversation(conversation_id)
                assert conversation.owner == "agent" and await surveys(server, conversation_id) == 0
                assert await resolutions(server) == [], "a refused request changes nothing"

                fake.agent_sets_status(1, 4)  # an agent resolves the ticket in Freshdesk
                await asyncio.gather(*fake.hooks)
                survey = await received(ws)
                assert survey["kind"] == "survey" and survey["quick_replies"][0]["payload"] == "SAT:1"
                async with client.post(HOOK, json=resolved, headers=TOKEN) as resp:  # Freshdesk retries
                    assert (resp.status, await resp.json()) == (200, {"ok": True})
                fake.agent_sets_status(1, 5)  # then closes it
                await asyncio.gather(*fake.hooks)
                assert answers == [200, 200]
            conversation = await server.quaid.conversation(conversation_id)
            assert (conversation.owner, conversation.outcome) == ("bot", "resolved_by_agent")
            assert await surveys(server, conversation_id) == 1
            items = await outbox_items(server.quaid)
            assert [i.action for i in items] == ["create_ticket"], "nothing is sent back to Freshdesk"
            assert fake.puts(1) == [] and await resolutions(server) == [(conversation_id, "freshdesk")]
    finally:
        await server.runner.cleanup()


async def test_both_sides_resolving_at_once_make_one_survey_and_no_loop(fake, tmp_path):
    server = await start_server(tmp_path / "data", freshdesk_config(fake, webhook_token="hook-secret"))
    answers: list[int] = []
    automation(fake, server, answers)
    try:
        async with server.client() as client:
            conversation_id = await server.open_conversation(client)
            await server.say(client, conversation_id, text="I want to talk to a person")
            await settled(server.quaid)
            fake.agent_sets_status(1, 4)
            await asyncio.gather(server.quaid.resolve(conversation_id, agent="ana"), *fake.hooks)
            await settled(server.quaid)
            await asyncio.gather(*fake.hooks)
            [(_, first)] = await resolutions(server)
            assert await surveys(server, conversation_id) == 1
            with server.quaid.store.bound():
                events = await EventRecord.filter(conversation_id=conversation_id, type="resolved").count()
            assert events == 1
            quaid_puts = len(fake.puts(1))
            assert quaid_puts == (1 if first == "quaid" else 0), "a resolution from Freshdesk is not echoed"
            assert set(answers) == {200} and len(answers) <= 1, "no status loop"
            assert fake.tickets[1]["status"] == 4
    finally:
        await server.runner.cleanup()


async def test_a_resolution_in_the_console_resolves_the_freshdesk_ticket(fake, tmp_path):
    """Both plugins: the web channel moved from Freshdesk to the console while a client
    waited; the agent who resolves in the console also resolves the Freshdesk ticket, and the
    status-change webhook Freshdesk sends back is received (served though no channel hands
    off to Freshdesk any more) and changes nothing."""
    before = freshdesk_config(fake, webhook_token="hook-secret")
    first = await start_server(tmp_path / "data", before)
    try:
        async with first.client() as client:
            conversation_id = await first.open_conversation(client)
            await first.say(client, conversation_id, text="I want to talk to a person")
            await settled(first.quaid)
    finally:
        await first.runner.cleanup()
    after = {**before, "handoff": {"default": "helpdesk"}}  # web: the console's now
    server = await start_server(tmp_path / "data", after)
    answers: list[int] = []
    automation(fake, server, answers)
    try:
        assert "freshdesk" not in server.quaid.handoff_targets
        await server.add_agent("alice", ["agent"], "web")
        async with server.client() as client, server.client() as agent:
            async with client.ws_connect(f"/api/web/conversations/{conversation_id}/events") as ws:
                assert await server.say(client, conversation_id, text="are you there?") == []
                csrf = await sign_in(agent, "alice")
                async with agent.post("/console/api/tickets/1/resolve", headers={"X-CSRF-Token": csrf}) as resp:
                    assert resp.status == 200, await resp.text()
                assert (await received(ws))["kind"] == "survey"
                items = await settled(server.quaid, 2)
                await asyncio.gather(*fake.hooks)  # Freshdesk's automation: status 4 → the webhook
                assert answers == [200], "the webhook is served"
                with pytest.raises(asyncio.TimeoutError):
                    await ws.receive(timeout=0.5)  # no second survey
            assert await surveys(server, conversation_id) == 1
            assert await resolutions(server) == [(conversation_id, "quaid")]
    finally:
        await server.runner.cleanup()
    assert [(i.action, i.status) for i in items] == [("create_ticket", "done"), ("set_status", "done")]
    assert fake.tickets[1]["status"] == 4 and len(fake.puts(1)) == 1
