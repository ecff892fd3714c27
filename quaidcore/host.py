"""The host API: everything a plugin may ask of a running Quaid.

A component factory receives a :class:`~quaidcore.components.ComponentContext` whose
``host`` follows the :class:`Host` protocol below; the start-up, shut-down and forget hooks
receive the same object. A plugin that needs something of the core that is not here asks
for it to be added here: it never reaches into the runtime.

The protocol is versioned (:data:`HOST_API_VERSION`, ``MAJOR.MINOR``): a minor version adds,
a major version changes or removes. A plugin states what it needs with a module attribute
``QUAID_HOST_API = ">=1.0,<2"`` (a PEP 440 specifier); an installed plugin that needs
another version is reported as broken, naming both versions, and can only fail where the
config enables it. Every change is recorded in ``CHANGELOG.md``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from aiohttp import web
from pydantic import BaseModel

from .frozen import quick_init
from .kb import KnowledgeBase
from .messages import Event, Inbound, Redaction, Reply, TrainingExample
from .outbox import Handler, Outbox

HOST_API_VERSION = "1.2"
"""The version of the host API this Quaid implements (``MAJOR.MINOR``): a plugin states
the versions it runs on with ``QUAID_HOST_API = ">=1.0,<2"``."""

T = TypeVar("T")

__all__ = ["HOST_API_VERSION", "ConversationInfo", "DetachedHost", "EventHandler", "Host", "Retrained",
           "TranscriptLine"]

EventHandler = Callable[[Sequence[Event]], Awaitable[None]]
"""What :meth:`Host.observe` calls with each batch of stored events."""


@quick_init
@dataclass(frozen=True)
class ConversationInfo:
    """What a plugin may know of a conversation (nothing personal: the client is a pseudonym)."""

    id: str
    channel: str
    lang: str
    stage: str
    owner: str
    outcome: str | None
    client: str | None
    created_at: float
    updated_at: float


@dataclass(frozen=True)
class TranscriptLine:
    """One stored (redacted) message of a conversation, oldest first."""

    author: str
    text: str
    at: float
    code: str | None = None
    kind: str | None = None
    payload: str | None = None
    agent: str | None = None


@dataclass(frozen=True)
class Retrained:
    """What :meth:`Host.retrain` did: the brains trained again (the others' share of the KB
    did not change), how long it took, and the ``quaid eval`` figures of the validation
    file on the previous brains (`before`) and the new ones (`after`), None without a file."""

    brains: tuple[str, ...]
    seconds: float
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


@runtime_checkable
class Host(Protocol):
    """A running Quaid as plugins see it. Version :data:`HOST_API_VERSION`."""

    api_version: str
    """The version of this API (``"1.0"``)."""

    languages: tuple[str, ...]
    """The configured languages (ISO 639-1), the default first."""

    default_language: str
    """The language of a conversation before the client's is known."""

    kb: KnowledgeBase
    """The knowledge base, for reading (solutions, codes, answers, examples)."""

    data_dir: Path
    """The data folder: a plugin keeps its files under ``data_dir / plugin_name``."""

    embedded_sqlite: bool
    """True when the store is the embedded SQLite default (see :meth:`in_db_thread`). *Since 1.1.*"""

    def plugin_config(self, plugin: str) -> BaseModel | None:
        """The validated config block of an enabled plugin (None if it takes no options),
        for a hook that makes a component of its own."""

    # -- conversations ---------------------------------------------------------------

    async def start_conversation(self, channel: str, lang: str | None = None,
                                 client_id: str | None = None) -> tuple[str, list[Reply]]:
        """Open a conversation on `channel`; returns its ID and the greeting.

        `client_id` is the platform's user ID (a Messenger PSID...): stored only as a
        pseudonym, it lets :meth:`open_conversation` find the conversation again.
        """

    async def handle(self, inbound: Inbound) -> list[Reply]:
        """One client message: redacted, stored, answered. Returns the replies to send now
        (none while an agent owns the conversation). Raises
        :class:`~quaidcore.messages.UnknownConversation` for an unknown ID, or one that
        belongs to another channel."""

    async def hand_off(self, conversation_id: str, reason: str) -> list[Reply]:
        """Hand the conversation to people (a no-op if an agent already owns it); returns
        the notice sent to the client, which is also delivered on its channel."""

    async def agent_reply(self, conversation_id: str, text: str, code: str | None = None,
                          agent: str | None = None) -> list[Reply]:
        """An agent's reply: redacted, stored with the agent's identity and the response
        code, delivered on the client's channel."""

    async def resolve(self, conversation_id: str, agent: str | None = None) -> list[Reply]:
        """An agent resolved the conversation: the bot owns it again and the client gets
        the satisfaction survey (delivered on its channel)."""

    async def release(self, conversation_id: str) -> list[Reply]:
        """Give the conversation back to the bot without a survey (a ticket closed as spam,
        a client waiting outside business hours): the bot answers the client's next
        messages; an agent's reply takes the conversation again. A no-op when the bot owns
        it or its channel has no bot. Records a ``released`` event; says nothing to the
        client (returns no replies). *Since 1.1.*"""

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Send replies that are not an immediate answer through the conversation's channel,
        whichever worker holds the client's connection."""

    async def conversation(self, conversation_id: str) -> ConversationInfo | None:
        """The conversation, or None when there is none with this ID."""

    async def open_conversation(self, channel: str, client_id: str) -> str | None:
        """The ID of the latest conversation of a channel's user that is not abandoned, or
        None: a platform whose users have no session (Messenger, X) continues it."""

    async def transcript(self, conversation_id: str) -> list[TranscriptLine]:
        """The conversation's stored messages, oldest first (redacted)."""

    # -- events ----------------------------------------------------------------------

    async def emit(self, events: Sequence[Event], wait: bool = True) -> None:
        """Record events of the plugin's own (``ticket_created``...): stored in the core's
        event table after the events that caused them, then handed to every metric sink.
        Event data must hold no personal information.

        ``wait=False`` returns at once: the events join the store's next group commit and
        the sinks and observers get them once they are stored, in a task of the host's (an
        error there is logged; the host stores what is pending before it stops). For an
        event whose cause is durable already and that nobody waits on: the helpdesk's
        ``ticket_created``, after the ticket's commit, no longer holds the client's handoff
        notice for one more group commit. A crash in the few milliseconds before that commit
        loses the event, not its cause. *Since 1.1.*"""

    def observe(self, handler: EventHandler) -> None:
        """Call ``await handler(events)`` with every batch of events this process stores
        (the core's and plugins'), after the metric sinks: a plugin that reacts to what
        happens (a ``clarification_chosen``...) without being a configured sink. A handler
        that raises is logged and isolated. *Since 1.1.*"""

    # -- learning --------------------------------------------------------------------

    async def add_examples(self, examples: Sequence[TrainingExample]) -> int:
        """Learn client phrasings (redacted) of solutions: appended to the KB's
        ``learned.yaml`` (see ``config/kb/FORMAT.md``), except those the KB already has.
        Returns how many were new. Raises ``ValueError`` for a code that is not a solution or
        an unconfigured language. They are used at the next :meth:`retrain` (or restart).
        *Since 1.1.*"""

    async def retrain(self, validation: str | Path | None = None) -> Retrained:
        """Read the KB's files again and train, in a background thread, the brains whose
        share of it changed; then swap them in at once, without a restart: messages that
        arrive meanwhile are answered by the previous brains, none is dropped. One retrain
        at a time. With `validation` (a ``quaid eval`` file), the figures before and after.
        :attr:`kb` is the new KB afterwards. *Since 1.1.*"""

    # -- privacy ---------------------------------------------------------------------

    def redact(self, text: str) -> Redaction:
        """Mask personal information with the configured redaction chain."""

    def pseudonym(self, channel: str, client_id: str) -> str:
        """A keyed hash of a channel's user ID: stable, not reversible without the key."""

    # -- the plugin's own tables -------------------------------------------------------

    def db(self) -> AbstractContextManager[None]:
        """Bind the store's ORM for the calling task while the block runs::

            with host.db():
                await Ticket.create(...)

        Safe across concurrent tasks and re-entrant. The plugin's models are those it
        registered with ``quaid_register_models``; their tables exist once the host started.
        """

    async def in_db_thread(self, work: Callable[..., T], *args: Any) -> T:
        """Embedded SQLite only (:attr:`embedded_sqlite`): ``work(connection, *args)`` with
        the store's :class:`sqlite3.Connection` (rows come as :class:`sqlite3.Row`), run on
        the database's thread in one trip,
        holding the connection (no ORM query nor group commit runs meanwhile) and, with
        several workers on one file, their write lock. For a plugin's hot path: a
        transaction of several statements costs one trip instead of one per statement.
        `work` must not block for long; it opens and ends its own transaction. Raises
        ``RuntimeError`` on another database. *Since 1.1.*"""

    # -- web routes ------------------------------------------------------------------

    def routes(self, prefix: str, middlewares: Sequence[Any] = ()) -> web.Application:
        """A sub-application mounted at `prefix` (``/api/messenger``), with its own
        middlewares, that only the plugin's routes pass through. Call it from a factory
        or the start-up hook: the router freezes once the server starts. A route path of
        ``""`` is the prefix itself."""

    def page(self, path: str, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> None:
        """A GET route at an exact path outside any prefix (``/`` for a widget page)."""

    # -- background work -------------------------------------------------------------

    def background(self, name: str, run: Callable[[], Awaitable[None]]) -> None:
        """Run ``run()`` as a task once the host has started (after every plugin's start-up
        hook) and cancel it when the host stops. A task that raises is logged and restarted
        after a second. Tasks added after the start begin at once."""

    def outbox(self, target: str, handler: Handler, **options: Any) -> Outbox:
        """A durable outbox for calls to a partner (see :mod:`quaidcore.outbox`) over the
        core's store. The host starts it with the background tasks and stops it on exit."""


def iter_missing(obj: object) -> Iterator[str]:
    """Names of :class:`Host` members `obj` lacks (a test helper for host implementations)."""
    for name in (*Host.__annotations__, *(n for n in vars(Host) if not n.startswith("_"))):
        if not hasattr(obj, name):
            yield name


class DetachedHost:
    """The host of a component made outside a running Quaid (a unit test of an NLU backend
    or a redactor, a benchmark): it has the configured languages and a data folder, and any
    other use fails loudly, naming what was asked."""

    api_version = HOST_API_VERSION

    def __init__(self, data_dir: Path | None = None, languages: Sequence[str] = ("en", "fr")) -> None:
        self.data_dir = data_dir or Path.cwd()
        self.languages = tuple(languages)
        self.default_language = self.languages[0]

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError(f"host.{name}: this component was made outside a running Quaid "
                           "(DetachedHost); use the quaid_harness fixture for a real host")
