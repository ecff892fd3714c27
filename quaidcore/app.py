"""The runtime: assembles components from the config and runs conversations.

:class:`Quaid` is what channel adapters and other plugins talk to: ``start_conversation``,
``handle`` (one inbound message → replies), ``agent_reply``, ``resolve``, ``deliver``.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import hashlib
import hmac
import inspect
import os
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import CoroutineType
from typing import Any, TypeVar

import orjson
import structlog
from aiohttp import web
from aiohttp.web_urldispatcher import MatchInfoError

from .brains import Brain, build_brains
from .components import ComponentContext, HandoffRequest, TurnWrite, TurnWriteFailed
from .config import Config, ConfigError
from .dialogue import (
    Action,
    AgentReply,
    AgentResolved,
    ClientMessage,
    Emit,
    Forward,
    Handoff,
    HandoffFailed,
    HandoffRequested,
    Policy,
    Released,
    Say,
    Search,
    SearchDone,
    Start,
    State,
    Thresholds,
    Tick,
)
from .host import HOST_API_VERSION, ConversationInfo, EventHandler, Retrained, TranscriptLine
from .kb import KnowledgeBase
from .messages import Event, Inbound, Redaction, Reply, TrainingExample, UnknownConversation, check_inbound
from .outbox import Handler, Outbox
from .plugins import PluginError, Plugins, Registration
from .redaction import RedactionChain
from .store import Batch, Store, dumps
from .texts import Texts

T = TypeVar("T")
log = structlog.get_logger(__name__)
APP_KEY = web.AppKey("quaid", object)
LONG_TEXT = 500  # characters: a client's longer text is redacted off the event loop
# a stored conversation row's ConversationInfo, kept in the row (Store.conversation_row: a row
# is never changed once made, each turn stores a new one)
_INFO = "_info"
# the State whose JSON a row's ``state`` holds, put in the row by the turn that made it (Host._run)
# and kept with it by the store's cache: the next turn takes it as it is instead of parsing the
# JSON back (orjson.loads and State.from_json, ~9 k instructions a message). A row read from the
# database has none (the JSON is parsed)
_STATE = "_state"


@dataclass
class Turn:
    """What one event produced: replies to send, rows to commit, and the side effects to
    carry out once the rows are durable (in the order the policy asked for them)."""

    state: State
    replies: list[Reply] = field(default_factory=list)
    batch: Batch = field(default_factory=Batch)
    events: list[Event] = field(default_factory=list)
    effects: list[Handoff | Forward] = field(default_factory=list)


@dataclass
class Effect:
    """A handoff or a forward of one turn: its target, the handoff's request, and the writes
    the target adds to the turn's transaction (None: it is called after the commit)."""

    action: Handoff | Forward
    target: str | None
    request: HandoffRequest | None = None
    write: TurnWrite | None = None
    failed: bool = False  # no target, or its writes failed: nothing to do after the commit


class Quaid:
    """One running Quaid: config, plugins, knowledge base, components and store.

    It is the :class:`~quaidcore.host.Host` that plugins receive.
    """

    api_version = HOST_API_VERSION

    def __init__(self, config: Config, plugins: Plugins) -> None:
        self.config, self.plugins = config, plugins
        plugins.enable(config.enabled)
        self.core = config.core
        self.languages: tuple[str, ...] = tuple(self.core.languages)
        self.default_language: str = self.core.default_language
        self.data_dir: Path = config.data_dir
        self.kb = KnowledgeBase.load(config.kb_dir)
        self.texts = Texts(self.core.dialogue.texts, self.core.default_language)
        self.web = web.Application(client_max_size=1024 ** 2)
        self.web[APP_KEY] = self
        self._subapps: list[tuple[str, web.Application]] = []
        self._edges: dict[web.Application, tuple[Any, ...]] = {}  # a sub-application's middlewares
        self._tasks: dict[str, Callable[[], Awaitable[None]]] = {}
        self._running_tasks: list[asyncio.Task[None]] = []
        self._outboxes: list[Outbox] = []
        self._locks: dict[str, list[Any]] = {}  # [lock or None, users] a conversation in use (_enter)
        self._ticker: asyncio.Task[None] | None = None
        self._observers: list[EventHandler] = []
        self._emitting: set[asyncio.Task[None]] = set()  # emit(..., wait=False) not yet stored
        self._learning = asyncio.Lock()  # one retrain at a time
        self._redaction_thread: ThreadPoolExecutor | None = None  # long client texts (redact_client_text)
        self.running = False
        self._secret = self._load_secret()
        self.store = Store(config.database_url, self.plugins.models())
        self._build_components()

    # -- assembly --------------------------------------------------------------------

    def _registry(self, kind: str) -> dict[str, Registration]:
        return self.plugins.components(kind)

    def context_for(self, plugin: str, name: str, **options: Any) -> ComponentContext:
        """The context a factory of `plugin` receives: its validated block, the data and config
        folders, this host. Plugins that make a component themselves (an outbox worker
        whose target no channel selects any more) use it too."""
        return ComponentContext(
            name=name, plugin=plugin, config=self.config.plugins.get(plugin),
            data_dir=self.config.data_dir, host=self, options=options,
            config_dir=self.config.base_dir,
        )

    def plugin_config(self, plugin: str) -> Any:
        """The validated config block of an enabled plugin (None if it takes no options)."""
        if plugin not in self.config.enabled:
            raise PluginError(f"plugin {plugin!r} is not enabled")
        return self.config.plugins.get(plugin)

    def _make(self, registration: Registration, **options: Any) -> Any:
        assert registration.factory is not None
        return registration.factory(self.context_for(registration.plugin, registration.name, **options))

    def _pick(self, kind: str, name: str, where: str) -> Registration:
        found = self._registry(kind)
        if name not in found:
            offered = ", ".join(sorted(found)) or "none"
            raise PluginError(f"{self.config.path}: {where}: no enabled plugin offers {kind} "
                              f"{name!r} (offered: {offered})")
        return found[name]

    def _build_components(self) -> None:
        core = self.core
        self.redaction = RedactionChain(
            [self._make(self._pick("redactor", n, f"redaction[{i}]")) for i, n in enumerate(core.redaction)])
        self.language_detector = (self._make(self._pick("language_detector", core.language_detector,
                                                        "language_detector"))
                                  if core.language_detector else None)
        self.search = self._make(self._pick("search", core.search, "search")) if core.search else None
        targets = {core.handoff.default, *core.handoff.channels.values()} - {None}
        self.handoff_targets = {n: self._make(self._pick("handoff", n, "handoff")) for n in sorted(targets)}
        self.metric_sinks = {n: self._make(self._pick("metric_sink", n, "metrics")) for n in core.metrics}
        self.channels = {n: self._make(r) for n, r in self._registry("channel").items()}
        self.brains: dict[str, Brain] = build_brains(self.config, self.kb, self.texts, self.nlu_factory)
        self._without_bot = Policy(self.kb, self.texts, lambda lang: Thresholds(1.0, 1.0), bot=False)

    def nlu_factory(self, backend: str, brain: str) -> Any:
        """A new NLU backend instance for `brain` (used by :mod:`quaidcore.brains`)."""
        return self._make(self._pick("nlu", backend, f"brains.{brain}.nlu"), brain=brain)

    def _load_secret(self) -> bytes:
        if self.core.secret_key:
            return self.core.secret_key.encode()
        path = self.config.data_dir / "secret.key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip().encode()

    # -- lifecycle -------------------------------------------------------------------

    async def start(self, train: bool = True) -> None:
        """Open the store, prepare brains and components, run plugins' start-up hooks."""
        if self.running:
            return
        problems = self.config.core.uncalibrated()
        if problems:
            raise ConfigError("\n".join(f"{self.config.path}: {p}" for p in problems))
        self.running = True
        await self.store.open()
        await self.store.subscribe(self._delivered)
        for brain in self.brains.values():
            await asyncio.to_thread(brain.prepare, train)
        for component in self._lifecycle_components():
            await component.start()
        await self.plugins.startup(self)
        for name in list(self._tasks):
            self._spawn(name)
        for outbox in self._outboxes:
            await outbox.start()
        self._ticker = asyncio.create_task(self._tick_loop(), name="quaid-abandon")
        log.info("quaid_started", solutions=len(self.kb.solutions), brains=sorted(self.brains),
                 channels=sorted(self.channels), store=self.store.url.split(":")[0])

    async def stop(self) -> None:
        """Stop background work, components and the store (once)."""
        if not self.running:
            return
        self.running = False
        if self._emitting:  # events emitted without waiting: stored before the store closes
            await asyncio.gather(*self._emitting, return_exceptions=True)
        if self._ticker:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
        for task in self._running_tasks:
            task.cancel()
        await asyncio.gather(*self._running_tasks, return_exceptions=True)
        self._running_tasks.clear()
        for outbox in self._outboxes:
            await outbox.stop()
        await self.plugins.shutdown(self)
        for component in reversed(self._lifecycle_components()):
            try:
                await component.stop()
            except Exception as exc:
                log.error("component_stop_failed", component=type(component).__name__, error=str(exc))
        await self.store.close()
        if self._redaction_thread is not None:
            self._redaction_thread.shutdown(wait=True)
            self._redaction_thread = None

    def _lifecycle_components(self) -> list[Any]:
        found = [*self.channels.values(), *self.handoff_targets.values()]
        if self.search:
            found.insert(0, self.search)
        return found

    # -- host API: web routes, background work, the plugins' own tables -----------------

    def routes(self, prefix: str, middlewares: Sequence[Any] = ()) -> web.Application:
        """A sub-application mounted at `prefix` with its own middlewares (see Host)."""
        prefix = "/" + prefix.strip("/")
        if self.web.frozen:
            raise PluginError(f"routes: {prefix!r} asked for after the server started; ask in a "
                              "component's factory or in the quaid_startup hook")
        if prefix == "/" or any(p == prefix for p, _ in self._subapps):
            raise PluginError(f"routes: prefix {prefix!r} is the root or already taken")
        chain = tuple(middlewares)
        if all(getattr(m, "__middleware_version__", None) == 1 for m in chain):
            # new-style middlewares are run around each route's handler at mount (see
            # _wrap_routes), not by aiohttp: once any sub-application has a middleware, aiohttp
            # runs every request of the server through a wrapper of its own per application
            app = web.Application(client_max_size=1024 ** 2)
            self._edges[app] = chain
        else:  # an old-style one: aiohttp runs them as it always did
            app = web.Application(middlewares=list(middlewares), client_max_size=1024 ** 2)
        app[APP_KEY] = self
        self._subapps.append((prefix, app))
        return app

    def page(self, path: str, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> None:
        """A GET route at an exact path of the root application."""
        self.web.router.add_get(path, handler)

    def mount_routes(self) -> web.Application:
        """Mount every plugin's sub-application (once, before serving) and return the root."""
        mounted = {resource.canonical for resource in self.web.router.resources()}
        for prefix, app in self._subapps:
            if prefix not in mounted:
                if app in self._edges:
                    _wrap_routes(app, self._edges[app])
                self.web.add_subapp(prefix, app)  # freezes its router: no route comes after
        return self.web

    def background(self, name: str, run: Callable[[], Awaitable[None]]) -> None:
        """Run ``run()`` while the host runs; restarted a second after it raises."""
        if name in self._tasks:
            raise PluginError(f"background task {name!r} is registered twice")
        self._tasks[name] = run
        if self.running:
            self._spawn(name)

    def _spawn(self, name: str) -> None:
        async def supervise() -> None:
            while True:
                try:
                    await self._tasks[name]()
                    return
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    log.error("background_task_failed", task=name, error=str(exc))
                    await asyncio.sleep(1.0)
        self._running_tasks.append(asyncio.create_task(supervise(), name=f"quaid-{name}"))

    def outbox(self, target: str, handler: Handler, **options: Any) -> Outbox:
        """A durable outbox over the core's store, started and stopped with the host. Its
        crash records live in ``data_dir/outbox/<target>`` unless `state_dir` is given."""
        options.setdefault("state_dir", self.data_dir / "outbox" / target)
        box = Outbox(self.db, target, handler, **options)
        self._outboxes.append(box)
        if self.running:
            asyncio.get_running_loop().create_task(box.start())
        return box

    @property
    def embedded_sqlite(self) -> bool:
        """True when the store is the embedded SQLite default."""
        return self.store.is_sqlite

    async def in_db_thread(self, work: Callable[..., T], *args: Any) -> T:
        """``work(connection, *args)`` on the embedded SQLite's thread, in one trip."""
        return await self.store.in_db_thread(work, *args)

    @contextlib.contextmanager
    def db(self) -> Iterator[None]:
        """Bind the store's ORM for the calling task while the block runs."""
        with self.store.bound():
            yield

    # -- privacy ---------------------------------------------------------------------

    def redact(self, text: str) -> Redaction:
        """Mask personal information with the configured chain."""
        return self.redaction.redact(text)

    async def redact_client_text(self, text: str) -> Redaction:
        """A client's text masked: a long one on the redaction thread, so that a hostile text (up to a channel's
        limit, 10,000 characters on X) that costs the redactor a second leaves the event loop serving others."""
        if len(text) <= LONG_TEXT:
            return self.redact(text)
        if self._redaction_thread is None:
            self._redaction_thread = ThreadPoolExecutor(1, thread_name_prefix="quaid-redact")
        call = functools.partial(contextvars.copy_context().run, self.redact, text)
        return await asyncio.get_running_loop().run_in_executor(self._redaction_thread, call)

    def pseudonym(self, channel: str, client_id: str) -> str:
        """A keyed hash of a channel's user ID: stable, not reversible without the key."""
        return hmac.new(self._secret, f"{channel}:{client_id}".encode(), hashlib.sha256).hexdigest()[:32]

    def detect_language(self, text: str, fallback: str) -> str:
        """The client's language, or `fallback` when unsure or no detector is configured."""
        if not self.language_detector or not text.strip():
            return fallback
        lang = self.language_detector.detect(text, fallback)
        return lang if lang in self.core.languages else fallback

    # -- conversations ---------------------------------------------------------------

    def brain_for(self, channel: str) -> Brain:
        """The brain that serves `channel`."""
        return self.brains[self.core.brain_for(channel)]

    @contextlib.asynccontextmanager
    async def _hold(self, conversation_id: str) -> AsyncIterator[None]:
        # Messages of one conversation are handled in order: first among this process's
        # tasks, then across workers (a PostgreSQL advisory lock; nothing on SQLite).
        entry = self._enter(conversation_id)
        held = False
        try:
            if entry[0] is not None or entry[1] > 1:
                await self._wait_turn(entry)
            held = True
            if self.store.shared:
                async with self.store.conversation_lock(conversation_id):
                    yield
            else:
                yield
        finally:
            self._leave(conversation_id, entry, held)

    def _enter(self, conversation_id: str) -> list[Any]:
        """The conversation's entry in this process, ``[lock or None, users]``, counted as
        used once more. Its lock is made only when a second user comes while the first holds
        the conversation: alone (the common case), a user takes it without a lock (an
        asyncio.Lock made, entered and left was ~22 k instructions a message)."""
        entry = self._locks.get(conversation_id)
        if entry is None:
            entry = self._locks[conversation_id] = [None, 0]
        entry[1] += 1
        return entry

    async def _wait_turn(self, entry: list[Any]) -> None:
        """Wait until the conversation is ours, in the order of arrival (after _enter, when
        someone else uses it or it has a lock: the callers take it at once otherwise)."""
        lock = entry[0]
        if lock is None:
            # the user before us holds it without a lock: a lock, taken on that user's behalf
            # (free at once: acquire() returns without waiting), released when that user leaves
            lock = entry[0] = asyncio.Lock()
            await lock.acquire()
        await lock.acquire()

    def _leave(self, conversation_id: str, entry: list[Any], held: bool) -> None:
        """One user less; `held`: it had the conversation (its lock, if one was made, is
        released: held by it, or taken on its behalf)."""
        if held and entry[0] is not None:
            entry[0].release()
        entry[1] -= 1
        if entry[1] == 0:
            del self._locks[conversation_id]

    async def start_conversation(self, channel: str, lang: str | None = None,
                                 client_id: str | None = None) -> tuple[str, list[Reply]]:
        """Open a conversation; returns its ID and the greeting."""
        conversation_id = new_conversation_id()
        pseudonym = self.pseudonym(channel, client_id) if client_id else None
        lang = lang if lang in self.core.languages else self.core.default_language
        now = time.time()
        row = {"id": conversation_id, "channel": channel, "client_id": pseudonym,
               "brain": self.core.brain_for(channel), "lang": lang, "created_at": now}
        turn = await self._run(row, State(), Start(lang, now))
        turn.batch.created.add(conversation_id)
        if pseudonym:
            turn.batch.clients.append({"id": pseudonym, "channel": channel})
        await self._commit(turn)
        return conversation_id, turn.replies

    async def handle(self, inbound: Inbound) -> list[Reply]:
        """One client message → the bot's replies (none while an agent owns it)."""
        check_inbound(inbound.text, inbound.payload)
        conversation_id = inbound.conversation_id
        if self.store.shared:
            async with self._hold(conversation_id):
                return await self._handle(inbound)
        # one process: _hold without its context manager (~13 k instructions a message)
        entry = self._enter(conversation_id)
        held = False
        try:
            if entry[0] is not None or entry[1] > 1:  # someone else uses it: wait our turn
                await self._wait_turn(entry)
            held = True
            return await self._handle(inbound)
        finally:
            self._leave(conversation_id, entry, held)

    async def _handle(self, inbound: Inbound) -> list[Reply]:
        row, state = await self._load(inbound.conversation_id)
        if row["channel"] != inbound.channel:  # an ID from another channel is not this one's
            raise UnknownConversation(inbound.conversation_id)
        redacted = (await self.redact_client_text(inbound.text)).text if inbound.text else ""
        lang = inbound.lang or self.detect_language(redacted, state.lang)
        predictions: tuple = ()
        if redacted and state.owner == "bot" and inbound.channel not in self.core.dialogue.channels_without_bot:
            predictions = tuple(self.brains[row["brain"]].predict(redacted, lang))
        event = ClientMessage(redacted, lang, inbound.received_at, inbound.payload, predictions)
        return await self._turn(row, state, event)

    async def hand_off(self, conversation_id: str, reason: str) -> list[Reply]:
        """Hand the conversation to people; the notice is delivered on its channel."""
        return await self._external(conversation_id, HandoffRequested(reason))

    async def agent_reply(self, conversation_id: str, text: str, code: str | None = None,
                          agent: str | None = None) -> list[Reply]:
        """An agent's reply: redacted, stored with the agent, delivered on the client's channel."""
        return await self._external(conversation_id, AgentReply(self.redact(text).text, code, agent))

    async def resolve(self, conversation_id: str, agent: str | None = None) -> list[Reply]:
        """The agent resolved the conversation: the client gets the satisfaction survey."""
        return await self._external(conversation_id, AgentResolved(agent))

    async def release(self, conversation_id: str) -> list[Reply]:
        """Give the conversation back to the bot without a survey (see Host.release)."""
        return await self._external(conversation_id, Released())

    async def _external(self, conversation_id: str, event: Any) -> list[Reply]:
        async with self._hold(conversation_id):
            row, state = await self._load(conversation_id)
            replies = await self._turn(row, state, event)
        await self.deliver(conversation_id, replies, channel=row["channel"])
        return replies

    async def conversation(self, conversation_id: str) -> ConversationInfo | None:
        """The conversation, or None."""
        c = self.store.cached_row(conversation_id) or await self.store.conversation_row(conversation_id)
        if c is None:
            return None
        # made once a row (~8 k instructions): the web channel asks twice a message, before
        # the turn and after it, and the row after one turn is the row before the next
        info = c.get(_INFO)
        if info is None:
            info = c[_INFO] = ConversationInfo(c["id"], c["channel"], c["lang"], c["stage"], c["owner"],
                                               c["outcome"], c["client_id"], c["created_at"], c["updated_at"])
        return info

    async def open_conversation(self, channel: str, client_id: str) -> str | None:
        """The latest conversation of this channel's user that is not abandoned, or None."""
        return await self.store.latest_conversation(channel, self.pseudonym(channel, client_id))

    async def transcript(self, conversation_id: str) -> list[TranscriptLine]:
        """The conversation's stored (redacted) messages, oldest first."""
        return [TranscriptLine(m["author"], m["text"], m["at"], m["code"], m["kind"], m["pressed"], m["agent"])
                for m in await self.store.transcript(conversation_id)]

    async def deliver(self, conversation_id: str, replies: Sequence[Reply],
                      channel: str | None = None) -> None:
        """Send replies that are not an immediate answer through the conversation's channel."""
        if not replies:
            return
        if channel is None:
            row, _ = await self._load(conversation_id)
            channel = row["channel"]
        if self.store.shared:  # another worker may hold the client's socket: tell them all
            await self.store.publish({"conversation_id": conversation_id, "channel": channel,
                                      "replies": [r.to_json() for r in replies]})
            return
        await self._deliver_here(conversation_id, channel, replies)

    async def _deliver_here(self, conversation_id: str, channel: str, replies: Sequence[Reply]) -> None:
        adapter = self.channels.get(channel)
        if adapter is None:
            log.error("deliver_no_channel", channel=channel, conversation=conversation_id)
            return
        await adapter.deliver(conversation_id, replies)

    async def _delivered(self, message: dict[str, Any]) -> None:
        """A delivery published by any worker (PostgreSQL NOTIFY): hand it to our channel."""
        replies = [Reply.from_json(r) for r in message["replies"]]
        try:
            await self._deliver_here(message["conversation_id"], message["channel"], replies)
        except Exception as exc:
            log.error("deliver_failed", channel=message["channel"], error=str(exc))

    async def _load(self, conversation_id: str) -> tuple[dict[str, Any], State]:
        conv = self.store.cached_row(conversation_id) or await self.store.conversation_row(conversation_id)
        if conv is None:  # (a dict: no model object)
            raise UnknownConversation(conversation_id)
        row = {"id": conv["id"], "channel": conv["channel"], "client_id": conv["client_id"],
               "brain": conv["brain"] if conv["brain"] in self.brains else "default",
               "lang": conv["lang"], "created_at": conv["created_at"]}
        state = conv.get(_STATE)
        if state is None:
            state = State.from_json(orjson.loads(conv["state"]))
        return row, state

    # -- running the policy ----------------------------------------------------------

    def policy_for(self, channel: str, brain: str) -> Policy:
        """The brain's policy, or the bot-less one for ``dialogue.channels_without_bot``."""
        if channel in self.core.dialogue.channels_without_bot:
            return self._without_bot
        return self.brains[brain].policy

    async def _run(self, row: dict[str, Any], state: State, event: Any) -> Turn:
        """Run the policy on `event` (and the events its actions feed back, like search
        results); returns the turn, not yet committed."""
        turn = Turn(state)
        policy = self.policy_for(row["channel"], row["brain"])
        pending = [event]
        while pending:
            state, actions = policy.step(state, pending.pop(0))
            for action in actions:
                follow_up = await self._act(row, action, turn)
                if follow_up is not None:
                    pending.append(follow_up)
        turn.state = state
        for event_row in turn.batch.events:  # the conversation's language once the turn is done
            event_row["lang"] = event_row["lang"] or state.lang
        turn.batch.conversations.append({
            **row, "lang": state.lang, "stage": state.stage, "owner": state.owner,
            "outcome": state.outcome, "state": dumps(state.to_json()), "updated_at": time.time(),
            _STATE: state})
        return turn

    async def _turn(self, row: dict[str, Any], state: State, event: Any) -> list[Reply]:
        """One turn: run the policy, commit (with the writes a handoff target adds to the
        turn's transaction), then the side effects; a failed handoff feeds
        :class:`HandoffFailed` back into the policy as a turn of its own."""
        turn = await self._run(row, state, event)
        effects = [await self._prepare(row, turn, action) for action in turn.effects]
        turn.batch.writes = [e.write for e in effects if e.write is not None]
        await self._commit_turn(turn, effects)
        replies = list(turn.replies)
        results = iter(turn.batch.results)  # one per write, in the order of the effects
        for effect in effects:
            if effect.write is not None:
                await self._committed(effect, next(results))
            elif isinstance(effect.action, Forward):
                if not effect.failed:
                    await self._forward(row, effect.action.text)
            elif effect.failed or not await self._handoff(effect):
                replies += await self._turn(row, turn.state, HandoffFailed())
        return replies

    async def _prepare(self, row: dict[str, Any], turn: Turn, action: Handoff | Forward) -> Effect:
        """The effect of `action`: its target and, when the target writes in the turn's
        transaction (``handoff_writes`` / ``forward_writes``), those writes."""
        name = self.core.handoff.target_for(row["channel"])
        target = self.handoff_targets.get(name) if name else None
        effect = Effect(action, name)
        if target is None:
            if isinstance(action, Handoff):
                log.warning("handoff_no_target", channel=row["channel"])
            effect.failed = isinstance(action, Handoff)
            return effect
        try:
            if isinstance(action, Handoff):
                effect.request = await self._request(row, turn, action)
                writes = getattr(target, "handoff_writes", None)
                effect.write = await writes(effect.request) if writes else None
            elif (writes := getattr(target, "forward_writes", None)) is not None:
                effect.write = await writes(row["id"], action.text, _pressed(turn.batch.messages, action.text))
        except Exception as exc:  # as a target's handoff that raises: nobody took it
            log.error("handoff_failed" if isinstance(action, Handoff) else "forward_failed",
                      target=name, error=str(exc))
            effect.failed = True
        return effect

    async def _request(self, row: dict[str, Any], turn: Turn, action: Handoff) -> HandoffRequest:
        """The handoff's request: the transcript stored so far and this turn's messages."""
        transcript = tuple(_request_line(m) for m in await self.store.transcript(row["id"], turn.batch.messages))
        return HandoffRequest(row["id"], row["channel"], turn.state.lang, action.reason,
                              transcript, action.candidates)

    async def _commit_turn(self, turn: Turn, effects: list[Effect]) -> None:
        """Commit the turn; a target's write that fails is logged and left out, and the turn
        committed again without it (its client's message is still stored once)."""
        while True:
            try:  # _commit inlined: one coroutine less on the message path
                await self.store.write(turn.batch)
                if turn.events:
                    await self._to_sinks(turn.events)
                return
            except TurnWriteFailed as exc:
                effect = next(e for e in effects if e.write is exc.write)
                log.error("handoff_failed" if isinstance(effect.action, Handoff) else "forward_failed",
                          target=effect.target, error=str(exc.__cause__ or exc), in_transaction=True)
                effect.write, effect.failed = None, True
                turn.batch.writes = [e.write for e in effects if e.write is not None]

    async def _committed(self, effect: Effect, result: Any) -> None:
        """A target's after-commit side effects of its writes (events, notifications)."""
        if effect.write is None or effect.write.committed is None:
            return
        try:
            await effect.write.committed(result)
        except Exception as exc:  # the writes are stored: only the notifications are lost
            log.error("turn_write_committed_failed", target=effect.target, error=str(exc))

    async def _act(self, row: dict[str, Any], action: Action, turn: Turn) -> Any:
        conv_id, channel = row["id"], row["channel"]
        if isinstance(action, Say):
            turn.replies.append(action.reply)
            author = "agent" if action.reply.kind == "agent" else "bot"
            turn.batch.messages.append(_message_row(conv_id, "out", author, action.reply, action.agent))
        elif isinstance(action, Emit):
            event = Event(action.type, conv_id, channel, action.data)
            turn.events.append(event)
            turn.batch.events.append(_event_row(event))
            if action.type == "message_in":
                turn.batch.messages.append(_inbound_row(conv_id, action.data))
        elif isinstance(action, Search):
            return SearchDone(tuple(await self.search_site(action.query, action.lang)))
        elif isinstance(action, Handoff | Forward):
            turn.effects.append(action)
        return None

    async def search_site(self, query: str, lang: str) -> list[Any]:
        """Up to three pages of the agency's site; [] when search is off or failing."""
        if not self.search:
            return []
        try:
            return await self.search.search(query, lang, 3)
        except Exception as exc:  # a search backend down must not end the conversation
            log.error("search_failed", error=str(exc))
            return []

    async def _handoff(self, effect: Effect) -> bool:
        """A target without writes in the turn's transaction opens its ticket (the turn is
        committed); False when it failed."""
        assert effect.target is not None and effect.request is not None
        try:
            await self.handoff_targets[effect.target].handoff(effect.request)
        except Exception as exc:  # no ticket: the client must not wait for nobody
            log.error("handoff_failed", target=effect.target, error=str(exc))
            return False
        return True

    async def _forward(self, row: dict[str, Any], text: str) -> None:
        name = self.core.handoff.target_for(row["channel"])
        target = self.handoff_targets.get(name) if name else None
        if target is not None:
            try:
                await target.client_message(row["id"], text)
            except Exception as exc:
                log.error("forward_failed", target=name, error=str(exc))

    async def _commit(self, turn: Turn) -> None:
        await self.store.write(turn.batch)
        if turn.events:
            await self._to_sinks(turn.events)

    async def emit(self, events: Sequence[Event], wait: bool = True) -> None:
        """Store plugins' events with the core's (after what caused them), then the sinks;
        with ``wait=False`` in a task of their own (see Host.emit)."""
        if not events:
            return
        if not wait:
            task = asyncio.get_running_loop().create_task(self._emit_logged(list(events)))
            self._emitting.add(task)
            task.add_done_callback(self._emitting.discard)
            return
        langs: dict[str, str | None] = {}
        for event in events:  # rows carry the conversation's language, as the core's do
            if event.conversation_id not in langs:
                conv = await self.store.conversation_row(event.conversation_id)  # no model object
                langs[event.conversation_id] = conv["lang"] if conv else None
        await self.store.write(Batch(events=[_event_row(e, langs[e.conversation_id]) for e in events]))
        await self._to_sinks(events)

    async def _emit_logged(self, events: list[Event]) -> None:
        try:
            await self.emit(events)
        except Exception as exc:  # nobody awaits this task: the error is logged
            log.error("emit_failed", events=[e.type for e in events], error=str(exc))

    async def _to_sinks(self, events: Sequence[Event]) -> None:
        """Hand events to every metric sink; a failing sink is logged and isolated."""
        for name, sink in self.metric_sinks.items():
            try:
                recorded = sink.record(events)
                # await_me_maybe without its coroutine (an async sink's coroutine: no call)
                if type(recorded) is CoroutineType or inspect.isawaitable(recorded):
                    await recorded
            except Exception as exc:
                log.error("metric_sink_failed", sink=name, error=str(exc))
        for handler in self._observers:
            try:
                await handler(events)
            except Exception as exc:
                log.error("event_observer_failed", error=str(exc))

    def observe(self, handler: EventHandler) -> None:
        """Call `handler` with every batch of events stored by this process (see Host.observe)."""
        self._observers.append(handler)

    # -- learning (see quaidcore.learning) --------------------------------------------

    async def add_examples(self, examples: Sequence[TrainingExample]) -> int:
        """Append new client phrasings to the KB's ``learned.yaml``; returns how many were new."""
        from . import learning

        return await asyncio.to_thread(learning.add_examples, self.config.kb_dir, self.kb,
                                       self.languages, list(examples))

    async def retrain(self, validation: str | Path | None = None) -> Retrained:
        """Train the brains of the KB's files as they are now and swap them in."""
        from . import learning

        async with self._learning:
            return await learning.retrain(self, validation)

    def swap_brains(self, kb: KnowledgeBase, brains: dict[str, Brain]) -> None:
        """Serve `brains` (trained on `kb`) from now on: one assignment each, between turns."""
        self.kb, self.brains = kb, brains
        self._without_bot = Policy(kb, self.texts, lambda lang: Thresholds(1.0, 1.0), bot=False)

    async def forget(self, client_id: str | None = None, conversation_id: str | None = None) -> int:
        """Delete a client's conversations (by pseudonym) or one conversation, everywhere:
        the core's rows and every enabled plugin's (``quaid_forget``). Returns how many."""
        ids = [conversation_id] if conversation_id else []
        if client_id:
            ids += await self.store.conversations_of(client_id)
        if not ids:
            return 0
        await self.plugins.forget(self, ids)
        return await self.store.forget(ids, [client_id] if client_id else [])

    # -- inactivity ------------------------------------------------------------------

    async def abandon_idle(self, now: float | None = None) -> int:
        """Mark conversations idle past the timeout as abandoned; returns how many."""
        now = now or time.time()
        timeout = self.core.dialogue.inactivity_timeout_s
        count = 0
        for conv in await self.store.idle_conversations(now - timeout):
            async with self._hold(conv.id):
                row, state = await self._load(conv.id)
                turn = await self._run(row, state, Tick(now))
                if turn.events:
                    await self._commit(turn)
                    count += 1
        return count

    async def _tick_loop(self) -> None:
        interval = min(60.0, self.core.dialogue.inactivity_timeout_s / 4)
        while True:
            await asyncio.sleep(interval)
            try:
                await self.abandon_idle()
            except Exception as exc:
                log.error("abandon_failed", error=str(exc))


def new_conversation_id() -> str:
    """A UUID version 7 (RFC 9562) as 32 hex digits: 48 bits of Unix time in milliseconds,
    then 74 random bits (``secrets``: not guessable, as a conversation's ID is all a web
    client shows to continue it). Time first, so that the active conversations' rows sit
    together at the end of every index on ``conversation_id`` (events, messages, the
    conversation's own key) instead of at random places: each group commit writes a few
    pages instead of one per conversation (bench/store_ids.py)."""
    value = (time.time_ns() // 1_000_000) << 80 | 0x7 << 76 | secrets.randbits(12) << 64 \
        | 0b10 << 62 | secrets.randbits(62)
    return f"{value:032x}"


def _message_row(conv_id: str, direction: str, author: str, reply: Reply,
                 agent: str | None = None) -> dict[str, Any]:
    payload = reply.to_json()
    if agent:  # a copy: the reply's JSON is shared (Reply.to_json)
        payload = {**payload, "agent": agent}
    return {"conversation_id": conv_id, "direction": direction, "author": author,
            "text": reply.text, "kind": reply.kind, "code": reply.code,
            "payload": payload, "at": time.time()}


def _event_row(event: Event, lang: str | None = None) -> dict[str, Any]:
    """The stored row of an event: `lang` is the conversation's, `code` the response code the
    event is about (``data["code"]``, six digits) and `lob` its line of business."""
    code = event.data.get("code")
    code = code if isinstance(code, str) and len(code) == 6 and code.isdigit() else None
    return {"type": event.type, "conversation_id": event.conversation_id,
            "channel": event.channel, "data": event.data, "at": event.at,
            "lang": lang, "code": code, "lob": code[:2] if code else None}


def _request_line(line: dict[str, Any]) -> dict[str, Any]:
    """A transcript line of a handoff's request (``pressed`` only on a pressed button's)."""
    found = {"author": line["author"], "text": line["text"], "at": line["at"], "code": line["code"]}
    if line["pressed"] is not None:
        found["pressed"] = line["pressed"]
    return found


def _pressed(messages: list[dict[str, Any]], text: str) -> str | None:
    """The payload of the client's button when the turn's message (forwarded as `text`) was
    a pressed quick reply without text, else None."""
    inbound = next((m for m in reversed(messages) if m["direction"] == "in"), None)
    payload = (inbound.get("payload") or {}).get("payload") if inbound is not None else None
    return payload if payload and payload == text and not inbound["text"] else None


def _inbound_row(conv_id: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"conversation_id": conv_id, "direction": "in", "author": "client",
            "text": data.get("text") or "", "kind": None, "code": None,
            "payload": {"payload": data.get("payload")} if data.get("payload") else None,
            "at": time.time()}


def _chained(handler: Any, middlewares: tuple[Any, ...]) -> Any:
    """`handler` run through `middlewares` (the first outermost) as aiohttp runs them."""
    for middleware in reversed(middlewares):
        handler = functools.partial(middleware, handler=handler)
    return handler


def _wrap_routes(app: web.Application, middlewares: tuple[Any, ...]) -> None:
    """The sub-application's middlewares run around each of its routes' handlers, and around
    the 404 / 405 aiohttp answers for a path under its prefix that no route takes (raised by
    aiohttp's own handler, as they reach a middleware of aiohttp's). Done once, before the
    sub-application is mounted: aiohttp then runs no middleware wrapper of its own on any
    request (~10 k instructions a request with two applications' wrappers and one
    middleware)."""
    router = app.router
    for route in router.routes():
        route._handler = _chained(route.handler, middlewares)  # type: ignore[attr-defined]
    resolve = router.resolve

    async def resolve_through(request: web.Request) -> Any:
        match_info = await resolve(request)
        if isinstance(match_info, MatchInfoError):
            route = match_info.route
            route._handler = _chained(route.handler, middlewares)  # type: ignore[attr-defined]
        return match_info

    router.resolve = resolve_through  # type: ignore[method-assign]


def build_web_app(quaid: Quaid, train: bool = True) -> web.Application:
    """The aiohttp application: channels' routes plus ``/healthz``; starts and stops Quaid
    (`train`: train a brain whose model is not cached, else fail)."""
    app = quaid.web

    quaid.mount_routes()
    worker = os.environ.get("QUAID_WORKER")  # set by `quaid serve --workers N`

    async def lifecycle(_: web.Application) -> AsyncIterator[None]:
        await quaid.start(train=train)
        pauses = watch_collections()
        yield
        await quaid.stop()
        if pauses is not None:
            pauses.report()

    async def healthz(_: web.Request) -> web.Response:
        ok = await quaid.store.ping()
        body: dict[str, Any] = {"status": "ok" if ok else "unavailable"}
        if worker is not None:
            body["worker"] = int(worker)
        return web.json_response(body, status=200 if ok else 503)

    if worker is not None:  # which worker answered: for operators and the tests
        async def tag(_: web.Request, response: web.StreamResponse) -> None:
            response.headers["X-Quaid-Worker"] = worker
        app.on_response_prepare.append(tag)

    app.router.add_get("/healthz", healthz)
    app.cleanup_ctx.append(lifecycle)
    return app


class CollectionPauses:
    """The garbage collector's pauses while serving, by generation (``gc.callbacks``)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses[info["generation"]].append(time.perf_counter() - self._started)

    def report(self) -> None:
        """Append one JSON line to the file: collections, total, p50, p99 and longest ms a generation."""
        import gc

        with contextlib.suppress(ValueError):
            gc.callbacks.remove(self)
        summary: dict[str, Any] = {"pid": os.getpid()}
        for generation, found in self.pauses.items():
            ordered = sorted(found)
            summary[f"gen{generation}"] = {"n": len(ordered), "total_ms": round(1000 * sum(ordered), 1),
                                           "p50_ms": _ms_at(ordered, 0.5), "p99_ms": _ms_at(ordered, 0.99),
                                           "max_ms": round(1000 * ordered[-1], 2)} if ordered else {"n": 0}
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(orjson.dumps(summary).decode() + "\n")


def _ms_at(ordered: list[float], p: float) -> float:
    return round(1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)


def watch_collections() -> CollectionPauses | None:
    """With ``QUAID_GC_STATS=FILE``: time every collection until the server stops, then append
    the pauses to FILE (what the garbage collector adds to the latency's tail)."""
    path = os.environ.get("QUAID_GC_STATS")
    if not path:
        return None
    import gc

    pauses = CollectionPauses(path)
    gc.callbacks.append(pauses)
    return pauses


async def started_web_app(quaid: Quaid, train: bool = True) -> web.Application:
    """`quaid` started, and its aiohttp application with every route mounted, those that
    plugins asked for in their start-up hooks included: aiohttp takes no sub-application
    once its runner is set up. The runner's start-up then finds Quaid running."""
    app = build_web_app(quaid, train=train)
    await quaid.start(train=train)
    quaid.mount_routes()
    return app
