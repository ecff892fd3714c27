"""The host API (quaidcore.host.Host): what plugins may ask of a running Quaid, and the
promises around it — side effects after commit, events in causal order, agent attribution,
routes isolated per plugin, background tasks, versions."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from aiohttp import web

from quaidcore import (
    HOST_API_VERSION,
    Event,
    Host,
    Inbound,
    InvalidMessage,
    UnknownConversation,
    hookimpl,
)
from quaidcore.host import iter_missing
from quaidcore.plugins import PluginError, Plugins
from quaidcore.testing import RecordingHandoffTarget


async def test_the_runtime_is_a_host(quaid_harness):
    bot = await quaid_harness()
    assert isinstance(bot.host, Host)
    assert list(iter_missing(bot.host)) == []
    assert bot.host.api_version == HOST_API_VERSION
    assert bot.host.languages == ("en", "fr") and bot.host.default_language == "en"
    assert "010102" in bot.host.kb.solutions


async def test_in_db_thread_runs_a_plugin_transaction_in_one_trip_on_the_core_connection(quaid_harness):
    bot = await quaid_harness()
    host = bot.host
    assert host.embedded_sqlite
    conv = await bot.conversation()
    await conv.say("how much is an eta")

    def count_and_write(db: Any, conversation_id: str) -> tuple[int, str]:
        # the core's committed rows are visible on this connection, and a plugin's table too
        stored = db.execute("SELECT count(*) FROM quaid_message WHERE conversation_id = ?",
                            (conversation_id,)).fetchone()[0]
        db.execute("BEGIN IMMEDIATE")
        db.execute("CREATE TABLE IF NOT EXISTS plugin_probe (id TEXT)")
        db.execute("INSERT INTO plugin_probe VALUES (?)", (conversation_id,))
        db.execute("COMMIT")
        return stored, threading.current_thread().name

    stored, thread = await host.in_db_thread(count_and_write, conv.id)
    assert stored >= 2, "the turn's message in and reply out were committed before"
    assert thread != threading.current_thread().name, "ran on the database's thread"
    rows = await host.in_db_thread(lambda db: db.execute("SELECT id FROM plugin_probe").fetchall())
    assert [tuple(row) for row in rows] == [(conv.id,)]  # rows are sqlite3.Row
    await conv.say("thanks")  # the core's group commit still works after the plugin's transaction
    assert len(await host.transcript(conv.id)) > stored


class TicketingTarget(RecordingHandoffTarget):
    """A handoff target that emits ``ticket_created`` and looks at what is stored when called."""

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.host: Host = ctx.host
        self.seen_at_handoff: list[str] = []

    async def handoff(self, request: Any) -> None:
        stored = await self.host.transcript(request.conversation_id)
        self.seen_at_handoff = [line.text for line in stored]
        await super().handoff(request)
        await self.host.emit([Event("ticket_created", request.conversation_id, request.channel,
                                    {"reason": request.reason})])


class Ticketing:
    def __init__(self) -> None:
        self.target: TicketingTarget | None = None

    @hookimpl
    def quaid_register_handoff_targets(self, register: Any) -> None:
        def make(ctx: Any) -> TicketingTarget:
            self.target = TicketingTarget(ctx)
            return self.target
        register("ticketing", make)


@pytest.fixture
async def ticketing(quaid_harness):
    plugin = Ticketing()
    bot = await quaid_harness(plugins={"ticketing": plugin},
                              config={"plugins": {"ticketing": None}, "handoff": {"default": "ticketing"}})
    return bot, plugin


async def test_handoff_runs_after_the_turn_is_stored_and_its_event_follows(ticketing):
    bot, plugin = ticketing
    conv = await bot.conversation()
    await conv.press("SCOPE_OWN_FILE")  # "about my own file": handed to an agent
    assert plugin.target.requests and plugin.target.requests[0].reason == "own_file"
    assert plugin.target.seen_at_handoff[-1], "the handoff notice was stored before the target ran"
    assert any("agent" in text for text in plugin.target.seen_at_handoff)
    types = [e.type for e in await bot.quaid.store.events(conv.id)]
    assert types[-3:] == ["message_in", "handoff", "ticket_created"]
    assert bot.sink.types()[-2:] == ["handoff", "ticket_created"], "sinks get them in the same order"


def fail_commits_of(store: Any, marker: str) -> None:
    """Fault injection: the database refuses any commit holding a message with `marker`."""
    commit = store._commit

    async def failing(batch: Any, *rest: Any) -> Any:
        if any(marker in (m.get("text") or "") for m in batch.messages):
            raise OSError("disk I/O error (injected)")
        return await commit(batch, *rest)
    store._commit = failing


async def test_a_turn_that_fails_to_commit_has_no_side_effect(quaid_harness):
    bot = await quaid_harness()
    conv = await bot.conversation()
    await conv.hand_off("asked_for_person")
    assert len(bot.handoff.requests) == 1
    fail_commits_of(bot.quaid.store, "POISON")
    with pytest.raises(OSError, match="injected"):
        await conv.say("POISON is this thing on")
    assert bot.handoff.forwarded == [], "nothing is forwarded to the agent for a turn never stored"
    await conv.say("is this thing on")
    assert bot.handoff.forwarded == [(conv.id, "is this thing on")]
    assert "POISON" not in " ".join(line.text for line in await bot.host.transcript(conv.id))


async def test_one_bad_batch_fails_alone_in_a_group_commit(quaid_harness):
    bot = await quaid_harness()
    convs = [await bot.conversation() for _ in range(6)]
    fail_commits_of(bot.quaid.store, "POISON")
    commits = bot.quaid.store.commits
    results = await asyncio.gather(*(c.say("POISON" if i == 2 else "hello") for i, c in enumerate(convs)),
                                   return_exceptions=True)
    failed = [i for i, r in enumerate(results) if isinstance(r, BaseException)]
    assert failed == [2]
    assert bot.quaid.store.commits - commits >= 5
    for i, conv in enumerate(convs):
        texts = [line.text for line in await bot.host.transcript(conv.id) if line.author == "client"]
        assert texts == ([] if i == 2 else ["hello"]), "every good turn is stored once"


@pytest.mark.parametrize(("text", "payload"), [("\udc00", None), ("hello \ud800 world", None),
                                               ("nul\x00", None), ("", "my email is a@b.example")])
async def test_malformed_input_is_refused_before_anything_happens(quaid_harness, text, payload):
    bot = await quaid_harness()
    conv = await bot.conversation()
    before = await bot.host.transcript(conv.id)
    with pytest.raises(InvalidMessage):
        await bot.host.handle(Inbound("test", conv.id, text=text, payload=payload))
    assert await bot.host.transcript(conv.id) == before


async def test_agent_attribution_is_stored(quaid_harness):
    bot = await quaid_harness()
    conv = await bot.conversation()
    await conv.hand_off()
    await conv.agent_reply("Apply online, it costs $7.", "010102", agent="alex")
    await conv.resolve(agent="sam")
    lines = await bot.host.transcript(conv.id)
    agent_lines = [line for line in lines if line.author == "agent"]
    assert [(line.agent, line.code) for line in agent_lines] == [("alex", "010102")]
    events = await bot.quaid.store.events(conv.id)
    sent = [e.data for e in events if e.type == "solution_sent"]
    assert sent[-1] == {"code": "010102", "by": "agent", "agent": "alex"}
    resolved = [e.data for e in events if e.type == "resolved"]
    assert resolved == [{"by": "agent", "agent": "sam"}]
    assert [r.kind for r in conv.delivered] == ["handoff", "agent", "survey"]


async def test_a_message_on_another_channel_is_refused(quaid_harness):
    bot = await quaid_harness()
    conv = await bot.conversation()
    with pytest.raises(UnknownConversation):
        await bot.host.handle(Inbound("web", conv.id, text="hello"))
    assert [line.text for line in await bot.host.transcript(conv.id)][-1] != "hello"


async def test_open_conversation_and_conversation_info(quaid_harness):
    bot = await quaid_harness()
    conv_id, _ = await bot.host.start_conversation("test", "fr", client_id="PSID-9876543210")
    assert await bot.host.open_conversation("test", "PSID-9876543210") == conv_id
    assert await bot.host.open_conversation("test", "PSID-9876543211") is None
    assert await bot.host.open_conversation("other", "PSID-9876543210") is None
    info = await bot.host.conversation(conv_id)
    assert (info.channel, info.lang, info.owner) == ("test", "fr", "bot")
    assert info.client == bot.host.pseudonym("test", "PSID-9876543210") and "9876543210" not in info.client
    assert await bot.host.conversation("nope") is None


async def test_conversation_info_is_made_once_a_stored_row_and_follows_each_turn(quaid_harness):
    bot = await quaid_harness()
    conv = await bot.conversation()
    before = await bot.host.conversation(conv.id)
    assert await bot.host.conversation(conv.id) is before  # the same row: the same info
    await conv.hand_off()
    after = await bot.host.conversation(conv.id)
    assert after is not before and (before.owner, after.owner) == ("bot", "agent")
    assert after.updated_at >= before.updated_at
    stored = await bot.quaid.store.conversation(conv.id)  # the ORM object from the same row
    assert (stored.id, stored.owner, stored.stage) == (conv.id, "agent", after.stage)


class Routed:
    """Two plugins' routes: each sub-application has its own middleware."""

    def __init__(self) -> None:
        self.ticks = 0

    @hookimpl
    def quaid_startup(self, host: Host) -> None:
        @web.middleware
        async def tag(request: web.Request, handler: Any) -> web.StreamResponse:
            response = await handler(request)
            response.headers["X-Plugin-A"] = "yes"
            return response

        async def hello(_: web.Request) -> web.Response:
            return web.json_response({"plugin": "a"})

        async def other(_: web.Request) -> web.Response:
            return web.json_response({"plugin": "b"})

        async def root(_: web.Request) -> web.Response:
            return web.Response(text="the prefix itself")

        a = host.routes("/api/a", middlewares=[tag])
        a.router.add_get("/hello", hello)
        a.router.add_get("", root)
        host.routes("/api/b").router.add_get("/hello", other)

        async def tick() -> None:
            while True:
                self.ticks += 1
                await asyncio.sleep(0.01)
        host.background("ticker", tick)


async def test_routes_are_isolated_and_background_tasks_run_and_stop(quaid_harness):
    plugin = Routed()
    bot = await quaid_harness(plugins={"routed": plugin}, config={"plugins": {"routed": None}})
    client = await bot.http()
    resp = await client.get("/api/a/hello")
    assert resp.headers.get("X-Plugin-A") == "yes" and (await resp.json()) == {"plugin": "a"}
    resp = await client.get("/api/b/hello")
    assert "X-Plugin-A" not in resp.headers, "a plugin's middleware wraps only its own routes"
    assert await (await client.get("/api/a")).text() == "the prefix itself"
    await asyncio.sleep(0.05)
    assert plugin.ticks > 0
    await bot.close()
    stopped = plugin.ticks
    await asyncio.sleep(0.05)
    assert plugin.ticks == stopped, "the host cancels background tasks when it stops"


class Edged:
    """A plugin whose middleware answers aiohttp's own errors under its prefix as JSON."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    @hookimpl
    def quaid_startup(self, host: Host) -> None:
        @web.middleware
        async def edge(request: web.Request, handler: Any) -> web.StreamResponse:
            self.seen.append(request.path)
            try:
                return await handler(request)
            except web.HTTPException as exc:
                return web.json_response({"error": exc.reason}, status=exc.status,
                                         headers={"Allow": exc.headers.get("Allow", "")})

        async def hello(_: web.Request) -> web.Response:
            return web.json_response({"hello": True})

        api = host.routes("/api/edged", middlewares=[edge])
        api.router.add_get("/hello", hello)
        api.router.add_get("/items/{id}", hello)


async def test_a_plugins_middleware_answers_the_404_and_405_under_its_prefix(quaid_harness):
    """The host runs a sub-application's middlewares around its routes and around aiohttp's
    404 / 405 for a path under its prefix (as aiohttp does), and aiohttp runs no wrapper of
    its own per application on any request (``_run_middlewares``: ~10 k instructions a
    request)."""
    plugin = Edged()
    bot = await quaid_harness(plugins={"edged": plugin}, config={"plugins": {"edged": None}})
    client = await bot.http()
    assert (await (await client.get("/api/edged/hello")).json()) == {"hello": True}
    for path in ("/api/edged", "/api/edged/", "/api/edged/nope", "/api/edged/items/1/more"):
        resp = await client.get(path)
        assert (resp.status, await resp.json()) == (404, {"error": "Not Found"}), path
    resp = await client.post("/api/edged/items/7")
    assert (resp.status, await resp.json()) == (405, {"error": "Method Not Allowed"})
    assert resp.headers["Allow"] == "GET,HEAD"
    resp = await client.get("/api/edgedx")  # not under the prefix: aiohttp's own answer
    assert resp.status == 404 and resp.content_type == "text/plain"
    assert plugin.seen == ["/api/edged/hello", "/api/edged", "/api/edged/", "/api/edged/nope",
                           "/api/edged/items/1/more", "/api/edged/items/7"]
    assert bot.quaid.web._run_middlewares is False
    await bot.close()


async def test_a_prefix_is_taken_once(quaid_harness):
    bot = await quaid_harness()
    bot.host.routes("/api/x")
    with pytest.raises(PluginError, match="already taken"):
        bot.host.routes("/api/x/")
    with pytest.raises(PluginError, match="root"):
        bot.host.routes("/")


class NeedsTheFuture:
    QUAID_HOST_API = ">=2.0"


def test_a_plugin_needing_another_host_api_is_refused():
    with pytest.raises(PluginError, match=rf"needs host API >=2.0; this Quaid has {HOST_API_VERSION}"):
        Plugins(extra={"future": NeedsTheFuture()}, entry_points=False)


async def test_plugin_config_is_for_enabled_plugins(quaid_harness):
    bot = await quaid_harness()
    assert bot.host.plugin_config("harness") is None
    with pytest.raises(PluginError, match="not enabled"):
        bot.host.plugin_config("web")


async def test_forget_drops_the_conversation_from_this_process_memory(quaid_harness):
    bot = await quaid_harness()
    conv = await bot.conversation()
    await conv.say("hello")
    assert await bot.quaid.forget(conversation_id=conv.id) == 1
    assert await bot.host.conversation(conv.id) is None
    with pytest.raises(UnknownConversation):
        await conv.say("hello again")
    assert await bot.host.transcript(conv.id) == []


# -- host API 1.1: release, observe, add_examples, retrain ------------------------------------

async def test_release_gives_the_conversation_back_to_the_bot_without_a_survey(quaid_harness):
    bot = await quaid_harness()
    chat = await bot.conversation("en")
    await chat.hand_off("asked_for_person")
    assert await chat.say("how do i apply for an eta") == []  # the agents own it
    assert await bot.host.release(chat.id) == []
    info = await bot.host.conversation(chat.id)
    assert (info.owner, info.stage, info.outcome) == ("bot", "ready", None)
    replies = await chat.say("how do i apply for an eta")
    assert [r.code for r in replies if r.kind == "answer"] == ["010102"]
    assert "released" in bot.sink.types() and "survey" not in [r.kind for r in chat.delivered]
    await chat.agent_reply("Here is the form.", "010102")  # an agent's reply takes it again
    assert (await bot.host.conversation(chat.id)).owner == "agent"


async def test_release_is_a_no_op_while_the_bot_owns_the_conversation(quaid_harness):
    bot = await quaid_harness()
    chat = await bot.conversation("en")
    before = await bot.host.conversation(chat.id)
    assert await bot.host.release(chat.id) == []
    after = await bot.host.conversation(chat.id)
    assert (after.owner, after.stage) == (before.owner, before.stage)
    assert "released" not in bot.sink.types()


async def test_observers_hear_every_stored_batch_and_one_that_fails_is_isolated(quaid_harness):
    bot = await quaid_harness()
    heard: list[str] = []

    async def broken(events: Any) -> None:
        raise RuntimeError("observer down")

    async def listen(events: Any) -> None:
        heard.extend(e.type for e in events)

    bot.host.observe(broken)
    bot.host.observe(listen)
    chat = await bot.conversation("en")
    await chat.say("passport")
    await bot.host.emit([Event("ticket_created", chat.id, "test", {"ticket": 1})])
    assert heard == bot.sink.types()[-len(heard):] and "ticket_created" in heard
    assert "solution_sent" in heard or "clarification" in heard


async def test_emit_without_waiting_returns_at_once_and_is_stored_before_the_host_stops(quaid_harness):
    bot = await quaid_harness()
    chat = await bot.conversation("en")
    await chat.say("passport")
    await bot.host.emit([Event("ticket_created", chat.id, "test", {"ticket": 7})], wait=False)
    stored = [e.type for e in await bot.quaid.store.events(chat.id)]
    assert "ticket_created" not in stored, "returned before the group commit, not after it"
    assert "ticket_created" not in bot.sink.types()
    await bot.host.emit([Event("ticket_assigned", chat.id, "test", {"ticket": 7})], wait=False)
    await bot.quaid.stop()  # pending events are stored (and reach the sinks) before the store closes
    assert bot.sink.types()[-2:] == ["ticket_created", "ticket_assigned"]


async def test_emit_without_waiting_logs_a_failed_write(quaid_harness):
    bot = await quaid_harness()
    chat = await bot.conversation("en")

    async def broken(batch: Any, *rest: Any) -> Any:
        raise OSError("disk I/O error (injected)")
    bot.quaid.store._commit = broken
    await bot.host.emit([Event("ticket_created", chat.id, "test", {"ticket": 7})], wait=False)
    await asyncio.gather(*bot.quaid._emitting)  # the task ends without raising: the error is logged
    assert "ticket_created" not in bot.sink.types()


async def test_add_examples_then_retrain_learns_without_a_restart(quaid_harness, tmp_path):
    import shutil

    from quaidcore import Retrained, TrainingExample
    from quaidcore.config import STARTER

    kb = tmp_path / "kb"
    shutil.copytree(STARTER / "kb", kb)
    bot = await quaid_harness(config={"kb": str(kb)})
    phrasing = "my grandmother wants to come see us for the summer"
    assert [r.code for r in await bot.say(phrasing) if r.kind == "answer"] != ["010201"]
    new = [TrainingExample(phrasing, "010201", "en"), TrainingExample(phrasing.upper(), "010201", "en")]
    assert await bot.host.add_examples(new) == 1
    assert await bot.host.add_examples(new) == 0  # never twice
    with pytest.raises(ValueError):
        await bot.host.add_examples([TrainingExample("x", "999999", "en")])
    done = await bot.host.retrain()
    assert isinstance(done, Retrained) and done.brains == ("default",) and done.before is None
    assert phrasing in bot.host.kb.solutions["010201"].examples.en
    chat = await bot.conversation("en")
    assert [r.code for r in await chat.say(phrasing) if r.kind == "answer"] == ["010201"]
    assert (await bot.host.retrain()).brains == ()  # nothing changed: nothing trained


async def test_routes_asked_for_at_start_up_are_served_by_a_real_server(tmp_path):
    """`quaid serve`'s path (Quaid not yet started when the web app is built): routes a
    plugin asks for in quaid_startup are mounted before aiohttp freezes; later, refused."""
    import copy

    from quaidcore.app import Quaid
    from quaidcore.config import parse_config
    from quaidcore.testing import FAST_CONFIG, HARNESS_PLUGIN, STARTER, _HarnessPlugin, merge
    from tests.conftest import serving

    plugin = Routed()
    registry = Plugins(extra={HARNESS_PLUGIN: _HarnessPlugin(), "routed": plugin}, entry_points=False)
    raw = merge(copy.deepcopy(FAST_CONFIG), {"data_dir": str(tmp_path)})
    raw.setdefault("plugins", {}).update({HARNESS_PLUGIN: None, "routed": None})
    quaid = Quaid(parse_config(raw, STARTER / "harness.yaml", registry), registry)
    assert not quaid.running
    async with serving(quaid) as session:
        async with session.get("/api/a/hello") as resp:
            assert resp.status == 200 and resp.headers.get("X-Plugin-A") == "yes"
        with pytest.raises(PluginError, match="after the server started"):
            quaid.routes("/api/late")


async def test_the_harness_keys_its_thresholds_by_its_backend(quaid_harness):
    """The fast default's pair (or the test's override of it) becomes
    ``thresholds_by_backend.harness_nlu``: same thresholds, no calibrate warning at start."""
    from structlog.testing import capture_logs

    with capture_logs() as logs:
        bot = await quaid_harness(config={"brains": {"default": {"answer_threshold": 0.9}}})
    assert [e for e in logs if e["event"] == "brain_thresholds_not_keyed_by_backend"] == []
    brain = bot.quaid.config.core.brains["default"]
    assert not brain.unkeyed() and brain.thresholds("en").answer_threshold == 0.9
    assert brain.thresholds("en").clarify_threshold == 0.6
    with capture_logs() as logs:  # another backend with the plain pair: warned, as configured
        await quaid_harness(config={"plugins": {"fuzzy": None},
                                    "brains": {"default": {"nlu": "fuzzy"}}}, use=["fuzzy"])
    assert [e["backend"] for e in logs if e["event"] == "brain_thresholds_not_keyed_by_backend"] == ["fuzzy"]


def test_conversation_ids_are_uuid7_time_first_and_unguessable():
    import uuid

    from quaidcore.app import new_conversation_id

    ids = [new_conversation_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    parsed = [uuid.UUID(i) for i in ids]
    assert all(len(i) == 32 and u.version == 7 and u.variant == uuid.RFC_4122 for i, u in zip(ids, parsed, strict=True))
    millis = [u.int >> 80 for u in parsed]
    assert millis == sorted(millis), "time first: later IDs sort after earlier ones (to the millisecond)"
    # the 74 bits after the time are random: every one of them takes both values
    tails = [u.int & ((1 << 62) - 1) | ((u.int >> 64) & 0xFFF) << 62 for u in parsed]
    assert all(any(t >> b & 1 for t in tails) and not all(t >> b & 1 for t in tails) for b in range(74))


async def test_one_conversation_is_handled_by_one_task_at_a_time_in_arrival_order(quaid_harness):
    """The per-conversation exclusion: alone, a message takes the conversation without a
    lock; who comes meanwhile (a message, a handoff through _hold) waits in arrival order, a
    waiter cancelled while waiting gives its turn to the next, and nothing is left once done."""
    bot = await quaid_harness()
    host = bot.quaid
    conv = await bot.conversation()
    log: list[str] = []
    gate = asyncio.Event()

    async def handled(inbound: Inbound) -> list[Any]:
        log.append(f"in {inbound.text}")
        if inbound.text == "a":
            await gate.wait()
        await asyncio.sleep(0)
        log.append(f"out {inbound.text}")
        return []

    async def held(name: str) -> None:
        async with host._hold(conv.id):
            log.append(f"in {name}")
            await asyncio.sleep(0)
            log.append(f"out {name}")

    host._handle = handled
    first = asyncio.create_task(host.handle(Inbound("test", conv.id, text="a")))
    await asyncio.sleep(0)
    assert host._locks[conv.id] == [None, 1]  # alone: no lock made
    rest = [asyncio.create_task(host.handle(Inbound("test", conv.id, text="b"))),
            asyncio.create_task(held("h")),
            asyncio.create_task(host.handle(Inbound("test", conv.id, text="c"))),
            asyncio.create_task(host.handle(Inbound("test", conv.id, text="d")))]
    await asyncio.sleep(0.01)
    rest[2].cancel()  # "c" gives up while it waits
    await asyncio.sleep(0.01)
    assert log == ["in a"]
    gate.set()
    await asyncio.gather(first, rest[0], rest[1], rest[3])
    assert log == ["in a", "out a", "in b", "out b", "in h", "out h", "in d", "out d"]
    assert rest[2].cancelled() and conv.id not in host._locks
    await host.handle(Inbound("test", conv.id, text="e"))  # alone again
    assert log[-2:] == ["in e", "out e"] and conv.id not in host._locks
