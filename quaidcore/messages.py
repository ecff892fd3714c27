"""The types that flow through Quaid: inbound messages, replies, events, predictions.

They are plain frozen dataclasses so that the dialogue policy, plugins and tests can build
and compare them without any I/O; :func:`~quaidcore.frozen.quick_init` makes building them
cheaper (~130 fields a message were set through ``object.__setattr__``).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from .frozen import quick_init

ReplyKind = Literal[
    "greeting", "answer", "clarify", "fallback", "handoff", "survey", "agent", "system", "typing"
]
"""``typing``: a notice that an agent is typing, delivered (never stored) to channels that
show a typing indicator; its text says it in the conversation's language for the others."""


@quick_init
@dataclass(frozen=True)
class QuickReply:
    """A button the client can press; `payload` comes back as an inbound payload."""

    title: str
    payload: str


@quick_init
@dataclass(frozen=True)
class Link:
    """A link shown under a reply (a page of the agency's site)."""

    title: str
    url: str


@quick_init
@dataclass(frozen=True)
class Reply:
    """What the bot (or an agent) says to the client.

    `code` is the standard response code of the solution the reply delivers, if any;
    `kind` says which step of the conversation produced it.
    """

    text: str
    kind: ReplyKind = "system"
    code: str | None = None
    quick_replies: tuple[QuickReply, ...] = ()
    links: tuple[Link, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The web API's `Reply` object: the same dict on every call (copy it to change it).

        Made once a reply: a turn's reply is read twice, for its message row and for the
        channel's answer (~9 k instructions each with two quick replies and a link)."""
        found = self.__dict__.get("_json")  # not a field: equality, hash and repr ignore it
        if found is None:
            # built by hand: ``dataclasses.asdict`` deep-copies, ~4x slower on the message path
            found = self.__dict__["_json"] = {
                "text": self.text,
                "quick_replies": [{"title": q.title, "payload": q.payload} for q in self.quick_replies],
                "links": [{"title": link.title, "url": link.url} for link in self.links],
                "code": self.code,
                "kind": self.kind,
            }
        return found

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reply:
        """Inverse of :meth:`to_json`."""
        return cls(
            text=data["text"],
            kind=data.get("kind", "system"),
            code=data.get("code"),
            quick_replies=tuple(QuickReply(**q) for q in data.get("quick_replies", [])),
            links=tuple(Link(**link) for link in data.get("links", [])),
        )


@quick_init
@dataclass(frozen=True)
class Inbound:
    """One message from a client, as a channel adapter hands it to the core.

    `text` is the raw text: it lives only in memory for the duration of one inbound event
    and is redacted before anything stores, logs or forwards it. `payload` is the payload of
    a quick reply or button the client pressed (no free text).
    """

    channel: str
    conversation_id: str
    text: str = ""
    payload: str | None = None
    client_id: str | None = None
    lang: str | None = None
    received_at: float = field(default_factory=time.time)


@quick_init
@dataclass(frozen=True)
class TrainingExample:
    """One labelled phrasing: what a client might type, in which language, for which code."""

    text: str
    code: str
    lang: str


@quick_init
@dataclass(frozen=True)
class Prediction:
    """One ranked candidate from an NLU backend: a solution code and a confidence in [0, 1]."""

    code: str
    confidence: float


@quick_init
@dataclass(frozen=True)
class SearchResult:
    """One page found by the fallback search."""

    title: str
    url: str
    snippet: str = ""
    score: float = 0.0


@quick_init
@dataclass(frozen=True)
class Span:
    """A masked stretch of the original text: offsets into the original, and its type."""

    start: int
    end: int
    type: str


@quick_init
@dataclass(frozen=True)
class Redaction:
    """The result of redacting a text: the masked text and the spans that were masked."""

    text: str
    spans: tuple[Span, ...] = ()


@quick_init
@dataclass(frozen=True)
class Event:
    """An analytics event: something that happened in a conversation.

    `data` never holds personal information: texts in it are redacted.
    """

    type: str
    conversation_id: str
    channel: str
    data: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.time)


class UnknownConversation(LookupError):
    """No conversation has that ID."""


class InvalidMessage(ValueError):
    """An inbound message the core refuses before anything happens: text that is not
    well-formed Unicode or holds control characters, or a payload that is not a quick-reply
    payload (payloads are short tokens such as ``YES`` or ``CODE:010102``, never free text).
    Channels answer it as a client error (HTTP 400)."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PAYLOAD = re.compile(r"[A-Z][A-Z0-9_]{0,31}(?::[A-Za-z0-9_.-]{1,32})?")


def check_inbound(text: str, payload: str | None) -> None:
    """Raise :class:`InvalidMessage` unless `text` and `payload` may enter the core."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidMessage("text is not well-formed Unicode (lone surrogate)") from None
    if _CONTROL.search(text):
        raise InvalidMessage("text holds control characters")
    if payload is not None and not PAYLOAD.fullmatch(payload):
        raise InvalidMessage("payload is not a quick-reply payload (send free text as 'text')")
