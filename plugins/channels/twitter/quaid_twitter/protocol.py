"""X's wire formats, without I/O: the Account Activity API's CRC and signatures and its
direct-message events in, the API v2 direct-message body out.

- CRC (``GET webhook?crc_token=…``): ``{"response_token": "sha256=" + base64(HMAC-SHA256(
  consumer secret, crc_token))}``.
- Every POST is signed in ``x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of the
  raw body, consumer secret>``; the body is ``{"for_user_id", "direct_message_events":
  [{"type": "message_create", "id", "created_timestamp", "message_create": {"target":
  {"recipient_id"}, "sender_id", "message_data": {"text", "quick_reply_response":
  {"type": "options", "metadata"}}}}], "users": {...}, ...}``.
- Out: ``POST /2/dm_conversations/with/{participant_id}/messages`` with ``{"text": ...}``
  (at most 10,000 characters; the v2 endpoint has no quick replies).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time
from typing import Any

from quaidcore import PlatformMessage, Reply
from quaidcore.webhooks import clean_text, payload_token, with_links

SIGNATURE_HEADER = "x-twitter-webhooks-signature"
TEXT_LIMIT = 10_000
INBOUND_TEXT_LIMIT = 10_000

USER_ID = re.compile(r"[0-9]{1,32}")
EVENT_ID = re.compile(r"[0-9]{1,40}")


class BadWebhook(ValueError):
    """The body is signed but not the shape the Account Activity API sends."""


def digest(secret: bytes, data: bytes) -> str:
    """``sha256=`` + base64 of HMAC-SHA256: the CRC response token and the signature."""
    return "sha256=" + base64.b64encode(hmac.new(secret, data, hashlib.sha256).digest()).decode()


def signature_ok(secret: bytes, raw: bytes, header: str | None) -> bool:
    """True when `header` is the body's signature (constant-time comparison)."""
    if not header:
        return False
    return hmac.compare_digest(digest(secret, raw).encode(), header.strip().encode())


def parse_webhook(body: Any, account_id: str) -> tuple[list[PlatformMessage], int]:
    """The direct messages sent to `account_id`, in order, and how many events were ignored
    (the account's own messages, events for another account, typing and read indicators,
    tweets, likes...). Raises :class:`BadWebhook` when the body's shape is wrong."""
    if not isinstance(body, dict):
        raise BadWebhook("body must be a JSON object")
    events = body.get("direct_message_events", [])
    if not isinstance(events, list):
        raise BadWebhook("'direct_message_events' must be a list")
    others = sum(len(v) for k, v in body.items() if k.endswith("_events") and k != "direct_message_events"
                 and isinstance(v, list))
    for_user = body.get("for_user_id")
    if for_user is not None and str(for_user) != account_id:
        return [], len(events) + others
    messages: list[PlatformMessage] = []
    for event in events:
        parsed = parse_event(event, account_id)
        if parsed is not None:
            messages.append(parsed)
    return messages, len(events) - len(messages) + others


def parse_event(event: Any, account_id: str) -> PlatformMessage | None:
    """A ``message_create`` event to the account as a client message, or None."""
    if not isinstance(event, dict) or event.get("type") != "message_create":
        return None
    event_id, create = event.get("id"), event.get("message_create")
    if not isinstance(event_id, str) or not EVENT_ID.fullmatch(event_id) or not isinstance(create, dict):
        return None
    sender = create.get("sender_id")
    if not isinstance(sender, str) or not USER_ID.fullmatch(sender) or sender == account_id:
        return None  # the account's own messages (our replies come back as events too)
    data = create.get("message_data")
    if not isinstance(data, dict):
        return None
    text = clean_text(data.get("text"), INBOUND_TEXT_LIMIT)
    quick = data.get("quick_reply_response")
    payload = payload_token(quick.get("metadata")) if isinstance(quick, dict) else None
    stamp = event.get("created_timestamp")
    try:
        at = int(stamp) / 1000 if stamp is not None else time.time()
    except (TypeError, ValueError):
        at = time.time()
    if payload:
        return PlatformMessage("dm:" + event_id, sender, "", payload, text, at)
    if not text:
        return None  # a media-only message
    return PlatformMessage("dm:" + event_id, sender, text, None, "", at)


# -- out ---------------------------------------------------------------------------------


def text_for(reply: Reply) -> str | None:
    """The direct message of a reply: its text with its links appended (``Title: URL``
    lines), at most 10,000 characters, the text cut before the links. Quick replies are
    dropped (the v2 endpoint has none). None for a reply with nothing to show."""
    return with_links(reply.text, reply.links, TEXT_LIMIT) or None
