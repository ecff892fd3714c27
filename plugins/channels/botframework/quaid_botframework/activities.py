"""Bot Framework activities ↔ Quaid's messages: pure functions, no I/O.

Out: a :class:`~quaidcore.Reply` becomes a ``message`` activity — quick replies as
``suggestedActions`` (``postBack`` or ``imBack`` card actions whose value is the payload
token), links as a hero card of ``openUrl`` buttons (or markdown links in the text); a
``handoff`` reply is followed by a ``handoff.initiate`` event activity (the Bot Framework's
handoff protocol) for the channel or an agent hub.

In: an activity body is checked (types, lengths) before the SDK deserializes it; only what
the channel needs is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from botbuilder.core import CardFactory, TurnContext
from botbuilder.schema import (
    ActionTypes,
    Activity,
    ActivityTypes,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    HeroCard,
    SuggestedActions,
)

from quaidcore import Reply

HANDOFF_EVENT = "handoff.initiate"
MAX_ID = 1024
MAX_OFFERED = 64
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PAYLOAD = re.compile(r"[A-Z][A-Z0-9_]{0,31}(?::[A-Za-z0-9_.-]{1,32})?")


class BadActivity(ValueError):
    """An activity body this channel cannot take (answered 400)."""


@dataclass(frozen=True)
class Incoming:
    """What the channel reads of an inbound activity."""

    activity: Activity
    type: str
    text: str
    payload_value: str | None
    locale: str | None


def _string(body: dict[str, Any], key: str, required: bool = True, limit: int = MAX_ID) -> str | None:
    value = body.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > limit:
        raise BadActivity(f"field {key!r} must be a non-empty string of at most {limit} characters")
    return value


def _account(body: dict[str, Any], key: str, required: bool = True) -> None:
    value = body.get(key)
    if value is None and not required:
        return
    if not isinstance(value, dict):
        raise BadActivity(f"field {key!r} must be an object")
    _string(value, "id")


def parse_activity(body: dict[str, Any], max_text_chars: int) -> Incoming:
    """Check an activity's body and deserialize it with the SDK; :class:`BadActivity` if unfit."""
    kind = _string(body, "type", limit=64)
    service_url = _string(body, "serviceUrl", limit=2048)
    parts = urlsplit(service_url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise BadActivity("field 'serviceUrl' must be an http(s) URL")
    _string(body, "channelId", limit=64)
    _account(body, "conversation")
    _account(body, "recipient")
    _account(body, "from", required=kind == ActivityTypes.message)
    _string(body, "id", required=False)
    text = body.get("text")
    if text is not None and not isinstance(text, str):
        raise BadActivity("field 'text' must be a string")
    if text is not None and len(text) > max_text_chars:
        raise BadActivity(f"field 'text' is longer than {max_text_chars} characters")
    if text and _CONTROL.search(text):
        raise BadActivity("field 'text' holds control characters")
    for key in ("membersAdded", "membersRemoved"):
        members = body.get(key)
        if members is not None:
            if not isinstance(members, list) or len(members) > 256:
                raise BadActivity(f"field {key!r} must be a list of accounts")
            for member in members:
                if not isinstance(member, dict):
                    raise BadActivity(f"field {key!r} must be a list of accounts")
                _string(member, "id")
    locale = body.get("locale")
    if locale is not None and (not isinstance(locale, str) or len(locale) > 32):
        raise BadActivity("field 'locale' must be a short string")
    try:
        activity = Activity().deserialize(body)
    except Exception as exc:  # msrest's DeserializationError, or a type it chokes on
        raise BadActivity(f"not a Bot Framework activity: {type(exc).__name__}") from None
    value = body.get("value")
    payload_value = None
    if isinstance(value, dict) and isinstance(value.get("payload"), str):
        payload_value = value["payload"]  # a messageBack / object postBack: {"payload": TOKEN}
    return Incoming(activity, kind, text or "", payload_value, locale)


def message_text(activity: Activity) -> str:
    """The activity's text without the @mention of the bot (Teams group chats)."""
    if activity.entities:
        try:
            return (TurnContext.remove_recipient_mention(activity) or "").strip()
        except Exception:  # a malformed mention entity: keep the text as it came
            return (activity.text or "").strip()
    return (activity.text or "").strip()


def payload_of(text: str, payload_value: str | None, offered: Iterable[str]) -> str | None:
    """The quick-reply payload a pressed button sent, or None for free text.

    A button's action brings its value back as the message text (imBack, string postBack)
    or as ``value.payload``; a text counts as a payload only when it is a token this
    conversation was offered.
    """
    if payload_value is not None and _PAYLOAD.fullmatch(payload_value):
        return payload_value
    if text and _PAYLOAD.fullmatch(text) and text in set(offered):
        return text
    return None


def lang_of(locale: str | None, languages: Iterable[str]) -> str | None:
    """``fr-CA`` → ``fr`` when Quaid speaks it."""
    if not locale:
        return None
    lang = locale.replace("_", "-").split("-")[0].lower()
    return lang if lang in set(languages) else None


def stored_reference(activity: Activity) -> ConversationReference:
    """The SDK's conversation reference of an inbound activity, with IDs only (no names)."""
    reference = TurnContext.get_conversation_reference(activity)
    user, bot, conv = reference.user, reference.bot, reference.conversation
    reference.user = ChannelAccount(id=user.id, role=user.role) if user else None
    reference.bot = ChannelAccount(id=bot.id, name=bot.name) if bot else None
    reference.conversation = ConversationAccount(
        id=conv.id, is_group=conv.is_group, conversation_type=conv.conversation_type,
        tenant_id=conv.tenant_id) if conv else None
    return reference


def activities_for(reply: Reply, conversation_id: str, action: str = "postBack",
                   links: str = "card") -> list[Activity]:
    """The activities that carry one reply (a message; after a handoff notice, the event)."""
    text = reply.text
    attachments = []
    if reply.links and links == "markdown":
        text += "\n\n" + "\n".join(f"- [{_md(link.title)}]({link.url})" for link in reply.links)
    elif reply.links:
        buttons = [CardAction(type=ActionTypes.open_url, title=link.title[:100], value=link.url)
                   for link in reply.links]
        attachments.append(CardFactory.hero_card(HeroCard(buttons=buttons)))
    message = Activity(type=ActivityTypes.message, text=text, attachments=attachments or None)
    if reply.quick_replies:
        kind = ActionTypes.im_back if action == "imBack" else ActionTypes.post_back
        message.suggested_actions = SuggestedActions(actions=[
            CardAction(type=kind, title=quick.title[:100], value=quick.payload)
            for quick in reply.quick_replies])
    found = [message]
    if reply.kind == "handoff":
        found.append(Activity(type=ActivityTypes.event, name=HANDOFF_EVENT,
                              value={"quaidConversationId": conversation_id}))
    return found


def offered_tokens(replies: Iterable[Reply], before: Iterable[str] = ()) -> list[str]:
    """The payload tokens offered so far, the latest last, at most :data:`MAX_OFFERED`."""
    tokens = [t for t in before if isinstance(t, str)]
    for reply in replies:
        for quick in reply.quick_replies:
            if quick.payload in tokens:
                tokens.remove(quick.payload)
            tokens.append(quick.payload)
    return tokens[-MAX_OFFERED:]


def _md(title: str) -> str:
    return title.replace("[", "(").replace("]", ")")
