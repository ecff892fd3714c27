"""The web API's bodies as pydantic models: they validate the requests and, through
:func:`quaid_web.openapi.build_openapi`, are the OpenAPI document, so the two cannot drift.

The request models depend on the config (the configured languages, the text limit), so they
are made per channel by :func:`request_models`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator

from quaidcore.http import HttpError

# A quick-reply payload is a short token (YES, CODE:010102), never free text; the core
# refuses anything else too (InvalidMessage).
PAYLOAD_PATTERN = r"^[A-Z][A-Z0-9_]{0,31}(:[A-Za-z0-9_.-]{1,32})?$"
# Text may hold tabs and line breaks, no other control character (the core refuses them).
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"

ReplyKind = Literal["greeting", "answer", "clarify", "fallback", "handoff", "survey", "agent", "system",
                    "typing"]


def _drop_null_defaults(schema: dict[str, Any]) -> None:
    """An optional field may be left out but is never ``null``: say so in the schema."""
    for prop in schema.get("properties", {}).values():
        if "default" in prop and prop["default"] is None:
            del prop["default"]


def _one_of_text_or_payload(schema: dict[str, Any]) -> None:
    _drop_null_defaults(schema)
    schema["anyOf"] = [{"required": ["text"]}, {"required": ["payload"]}]


class _Body(BaseModel):
    # strict: 42 is not a string, "1" is not a number; unknown fields are ignored (the API
    # extends compatibly), and documented as allowed.
    model_config = ConfigDict(strict=True, json_schema_extra=_drop_null_defaults)


class _MessageBase(_Body):
    model_config = ConfigDict(strict=True, json_schema_extra=_one_of_text_or_payload)

    @model_validator(mode="after")
    def _text_or_payload(self) -> _MessageBase:
        if getattr(self, "text", None) is None and getattr(self, "payload", None) is None:
            raise ValueError("one of the fields 'text' or 'payload' is required")
        return self


@dataclass(frozen=True)
class RequestModels:
    """The request bodies of one web channel (its languages, its text limit)."""

    open: type[BaseModel]
    message: type[BaseModel]
    event: type[BaseModel]


def request_models(languages: Sequence[str], max_text_chars: int) -> RequestModels:
    """The models of ``POST /conversations``, ``POST /conversations/{id}/messages`` and
    ``POST /events``."""
    lang_type: Any = Literal[tuple(languages)]  # type: ignore[valid-type]
    lang = (lang_type, Field(default=None, description="ISO 639-1; one of the configured languages."))
    opened = create_model(
        "OpenConversation", __base__=_Body, __doc__="Start a conversation, optionally in a language.",
        lang=lang)
    message = create_model(
        "MessageBody", __base__=_MessageBase,
        __doc__="A client message: free text, or the payload of a quick reply the client "
                "pressed, or both. `lang` (optional) is the language the client chose in the "
                "widget; without it the language is detected from the text.",
        text=(str, Field(default=None, min_length=1, max_length=max_text_chars, pattern=TEXT_PATTERN,
                         description="What the client typed (no control characters).")),
        payload=(str, Field(default=None, max_length=65, pattern=PAYLOAD_PATTERN,
                            description="A quick-reply payload, e.g. `YES` or `CODE:010102`.")),
        lang=lang)
    return RequestModels(opened, message, WidgetEvent)


class WidgetEvent(_Body):
    """What the widget saw on a partner's page, for the reports: ``widget_shown`` (its
    launcher was rendered) or ``widget_opened`` (the visitor opened it). No identifier: the
    page's path (no query, no fragment), whether this browser had seen the widget on an
    earlier visit, and the browser's time zone (turned into a country, then dropped)."""

    type: Literal["widget_shown", "widget_opened"]
    page: str = Field(default="/", max_length=300, pattern=r"^/[^\x00-\x20?#\x7f]*$",
                      description="The page's path, without its query or fragment.")
    visitor: Literal["new", "returning"] = "new"
    tz: str | None = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9_+/-]+$",
                           description="The browser's IANA time zone (`America/Toronto`): only "
                                       "its country is kept.")
    conversation_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.:-]{1,64}$",
                                        description="The conversation the widget resumed, if any.")


def validate(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """`data` as `model`, or :class:`HttpError` 400 naming the first field at fault."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise HttpError(400, _message(exc.errors()[0])) from None


def _message(error: Any) -> str:
    field = ".".join(str(part) for part in error.get("loc", ()))
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if not field:  # the model's own check
        return str(ctx.get("error") or error.get("msg", "invalid body"))
    if kind == "string_type":
        return f"field '{field}' must be a string"
    if kind == "literal_error":
        return f"field '{field}' must be one of {ctx.get('expected', '')}"
    if kind == "string_too_long":
        return f"field '{field}' is longer than {ctx.get('max_length')} characters"
    if kind == "string_too_short":
        return f"field '{field}' is empty"
    if kind == "string_pattern_mismatch":
        if field == "payload":
            return "field 'payload' is not a quick-reply payload (send free text as 'text')"
        return f"field '{field}' holds control characters"
    return f"field '{field}': {error.get('msg', 'invalid')}"


# -- responses (documentation, and the tests check every answer against them) ----------------

class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class QuickReplyOut(_Out):
    """A button; its `payload` comes back as a message's `payload`."""

    title: str
    payload: str


class LinkOut(_Out):
    """A link shown under a reply (a page of the agency's site)."""

    title: str
    url: str


class ReplyOut(_Out):
    """What the bot or an agent says. `code` is the standard response code of the solution
    the reply delivers; `kind` says which step of the conversation produced it."""

    model_config = ConfigDict(extra="forbid", strict=True, title="Reply")
    text: str
    quick_replies: list[QuickReplyOut]
    links: list[LinkOut]
    code: Annotated[str, Field(pattern=r"^[0-9]{6}$")] | None
    kind: ReplyKind


class Opened(_Out):
    """The new conversation and its greeting."""

    conversation_id: str
    replies: list[ReplyOut]
    lang: str = Field(description="The conversation's language.")


class Answered(_Out):
    """The bot's replies to a message (none while an agent owns the conversation)."""

    replies: list[ReplyOut]
    lang: str = Field(description="The conversation's language after this message (it follows the client).")


class Pushed(_Out):
    """One WebSocket text frame of ``/events``: replies that arrive later (an agent's, a
    handoff notice, the survey). The socket answers the text frame ``ping`` with ``pong``."""

    replies: list[ReplyOut]


class TranscriptMessage(_Out):
    """One stored message, oldest first. Texts are as stored: personal information masked
    (``[EMAIL]``...). A client's quick reply has an empty `text` and its `payload`."""

    author: Literal["client", "bot", "agent"]
    text: str
    at: float = Field(description="Seconds since the epoch.")
    kind: ReplyKind | None = None
    code: str | None = None
    payload: str | None = None
    links: list[LinkOut] = Field(description="An answer's page (in the conversation's language).")


class Transcript(_Out):
    """What a conversation holds so far: a reloaded page or a reconnected socket catches up."""

    conversation_id: str
    lang: str
    messages: list[TranscriptMessage]


class Error(_Out):
    """Every error: 400 (names the field), 403, 404, 413, 429 (with `Retry-After`)."""

    error: str


class Health(_Out):
    """``/healthz``."""

    status: Literal["ok", "unavailable"]


RESPONSE_MODELS: tuple[type[BaseModel], ...] = (Opened, Answered, Pushed, Transcript, Error, Health)
