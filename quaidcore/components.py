"""The component contracts that plugins implement, one per concern.

A plugin registers *factories* through its hooks (see :mod:`quaidcore.hookspecs`); the core
calls a factory with a :class:`ComponentContext` and gets back an object that follows one of
the protocols below. The protocols are the whole contract: the core never looks further.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel

from .host import Host
from .messages import Event, Prediction, Reply, SearchResult, Span, TrainingExample


@dataclass
class ComponentContext:
    """What a factory receives: the component's name, its plugin's validated config block
    (None when the plugin takes no options), the data and config folders, and the
    :class:`~quaidcore.host.Host` — everything the plugin may ask of the running Quaid."""

    name: str
    plugin: str
    config: BaseModel | None
    data_dir: Path
    host: Host
    options: dict[str, Any] = field(default_factory=dict)
    config_dir: Path = field(default_factory=Path.cwd)

    def resolve(self, path: str | Path) -> Path:
        """`path` made absolute: relative paths are relative to the config file's folder."""
        path = Path(path).expanduser()
        return path if path.is_absolute() else (self.config_dir / path).resolve()


Factory = Callable[[ComponentContext], Any]

__all__ = ["Channel", "ComponentContext", "Factory", "HandoffRequest", "HandoffTarget",
           "LanguageDetector", "MetricSink", "NLUBackend", "Redactor", "SearchBackend",
           "TrainingExample", "TurnWrite", "TurnWriteFailed", "TurnWriter"]


@runtime_checkable
class Redactor(Protocol):
    """Finds personal information in a text. Pure, synchronous, fast, never raises."""

    def find(self, text: str) -> Iterable[Span]:
        """Spans of `text` to mask, each typed (``EMAIL``, ``PHONE``, ...)."""


@runtime_checkable
class LanguageDetector(Protocol):
    """Tells which of the configured languages a text is written in."""

    def detect(self, text: str, default: str) -> str:
        """An ISO 639-1 code (``en``/``fr``); `default` when the text is too short to tell."""


@runtime_checkable
class NLUBackend(Protocol):
    """Maps a client's message to ranked solutions with confidences in [0, 1].

    The core creates one instance per brain, trains it (or loads a cached model keyed by
    the hash of the brain's examples) and then only calls :meth:`predict`.
    """

    def train(
        self, examples: Sequence[TrainingExample], progress: Callable[[float], None] | None = None
    ) -> None:
        """Learn from labelled examples. `progress` receives fractions in [0, 1]."""

    def save(self, path: Path) -> None:
        """Write the trained model under the directory `path`."""

    def load(self, path: Path) -> bool:
        """Load a model saved by :meth:`save`; False when there is none usable."""

    def predict(self, text: str, lang: str, k: int = 3) -> list[Prediction]:
        """The `k` best codes for `text`, best first."""


@runtime_checkable
class SearchBackend(Protocol):
    """The site-restricted fallback search over the agency's own pages."""

    async def start(self) -> None:
        """Open connections, build or load the index."""

    async def stop(self) -> None:
        """Release resources."""

    async def search(self, query: str, lang: str, limit: int = 3) -> list[SearchResult]:
        """Up to `limit` pages for `query`, best first, in `lang` when there are some."""


@dataclass(frozen=True)
class HandoffRequest:
    """A conversation handed to people: redacted transcript and the bot's best guesses.

    `transcript` is every message of the conversation, the turn that hands it off included,
    oldest first: dicts of ``author``, ``text``, ``at``, ``code``, and ``pressed`` (the
    quick reply's payload) on a client's line whose message was a pressed button.
    """

    conversation_id: str
    channel: str
    lang: str
    reason: str
    transcript: tuple[dict[str, Any], ...]
    candidates: tuple[Prediction, ...] = ()


@runtime_checkable
class HandoffTarget(Protocol):
    """Where handed-off conversations go: the built-in helpdesk, Freshdesk, e-mail..."""

    async def start(self) -> None:
        """Prepare (tables, connections)."""

    async def stop(self) -> None:
        """Release resources."""

    async def handoff(self, request: HandoffRequest) -> None:
        """Open a ticket for the conversation."""

    async def client_message(self, conversation_id: str, text: str) -> None:
        """A (redacted) message from a client whose conversation an agent owns."""


@dataclass(frozen=True, eq=False)
class TurnWrite:
    """Writes a handoff target adds to the transaction of the turn that hands a conversation
    off or forwards a client's message (see :class:`TurnWriter`): they commit with the
    turn's rows or not at all. *Since host API 1.2.*

    The core runs the callable of its database, before the turn's own rows, inside the
    transaction of the store's group commit:

    - `sqlite`: ``sqlite(connection) -> result`` on the embedded SQLite default, on the
      database's thread with its :class:`sqlite3.Connection` (rows as :class:`sqlite3.Row`);
    - `orm`: ``await orm(connection) -> result`` on any other database (PostgreSQL), with
      the tortoise transaction's connection (``Model.create(..., using_db=connection)``).

    Either must only read and write through that connection, never begin, commit or roll
    back, and not block for long (the group commit waits). It may run more than once (a
    group commit that fails is retried batch by batch, each try rolled back); only the run
    that commits counts. If it raises, nothing of the transaction is stored, the turn is
    committed again without it and the core treats the handoff as failed (the client is
    told: ``HandoffFailed``) or the forward as lost (logged).

    `committed`: ``await committed(result)`` once the turn is durable, with what the
    committed run returned: the after-commit side effects (events, notifications, a live
    view). An error there is logged; the writes are stored already.
    """

    sqlite: Callable[[sqlite3.Connection], Any] | None = None
    orm: Callable[[Any], Awaitable[Any]] | None = None
    committed: Callable[[Any], Awaitable[None]] | None = None


class TurnWriteFailed(Exception):
    """A :class:`TurnWrite` raised inside the turn's transaction (the error is the cause):
    the transaction was rolled back. *Since host API 1.2.*"""

    def __init__(self, write: TurnWrite) -> None:
        super().__init__("a handoff target's write in the turn's transaction failed")
        self.write = write


@runtime_checkable
class TurnWriter(Protocol):
    """What a :class:`HandoffTarget` whose writes live in the core's store may add (the
    built-in helpdesk): a handoff or a forwarded message written in the turn's own
    transaction, instead of its ``handoff`` or ``client_message`` after the turn's commit.
    A crash can then not leave a conversation handed off without its ticket, and the turn
    costs one commit. Both methods are optional; one that returns None leaves that call on
    the after-commit path. *Since host API 1.2.*"""

    async def handoff_writes(self, request: HandoffRequest) -> TurnWrite | None:
        """The ticket's writes for `request` (the transcript includes this turn). Raising
        here is a failed handoff, as raising in ``handoff`` is."""

    async def forward_writes(self, conversation_id: str, text: str, pressed: str | None) -> TurnWrite | None:
        """The writes that add a client's (redacted) message to the conversation's ticket;
        `pressed` is the quick reply's payload when the client pressed a button (`text` is
        then the payload too)."""


@runtime_checkable
class MetricSink(Protocol):
    """Receives every analytics event. A failing sink is logged and isolated."""

    async def record(self, events: Sequence[Event]) -> None:
        """Store or forward a batch of events."""


@runtime_checkable
class Channel(Protocol):
    """A channel adapter: turns platform traffic into :class:`~quaidcore.messages.Inbound`
    messages for :meth:`Host.handle <quaidcore.host.Host.handle>`, and delivers replies that arrive later."""

    async def start(self) -> None:
        """Start polling or background work. Web routes are added with ``ctx.host.routes``
        in the factory, because aiohttp freezes its router once the server starts."""

    async def stop(self) -> None:
        """Close sockets and sessions."""

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Send replies that were not an immediate answer (an agent's, a survey...)."""
