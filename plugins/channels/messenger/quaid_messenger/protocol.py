"""The Messenger Platform's wire formats, without I/O: the webhook's signature and events
in, the Send API's message bodies out.

- Webhook: https://developers.facebook.com/docs/messenger-platform/webhooks — every POST is
  signed in ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, app secret>``;
  the body is ``{"object": "page", "entry": [{"id", "time", "messaging": [event...]}]}``.
- Events: ``message`` (``mid``, ``text``, ``quick_reply.payload``; ``is_echo`` for the Page's
  own messages), ``postback`` (``title``, ``payload``, ``mid``), ``delivery``, ``read``...
- Send API: https://developers.facebook.com/docs/messenger-platform/reference/send-api —
  ``{"recipient": {"id": PSID}, "messaging_type": "RESPONSE", "message": {"text": ≤ 2000
  characters, "quick_replies": ≤ 13 × {"content_type": "text", "title": ≤ 20, "payload": ≤ 1000}}}``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from typing import Any

from quaidcore import PlatformMessage, Reply
from quaidcore.webhooks import clean_text, payload_token, shorten, with_links

SIGNATURE_HEADER = "X-Hub-Signature-256"
TEXT_LIMIT = 2000
QUICK_REPLY_LIMIT = 13
TITLE_LIMIT = 20
PAYLOAD_LIMIT = 1000
INBOUND_TEXT_LIMIT = 8000

PSID = re.compile(r"[0-9]{1,64}")  # page-scoped IDs are decimal strings
_KEY_SAFE = re.compile(r"[A-Za-z0-9_.:=-]{1,160}")


class BadWebhook(ValueError):
    """The body is signed but not the shape the Messenger Platform sends."""


def signature(secret: bytes, raw: bytes) -> str:
    """The ``X-Hub-Signature-256`` value of a body."""
    return "sha256=" + hmac.new(secret, raw, hashlib.sha256).hexdigest()


def signature_ok(secret: bytes, raw: bytes, header: str | None) -> bool:
    """True when `header` is the body's signature (constant-time comparison)."""
    if not header:
        return False
    return hmac.compare_digest(signature(secret, raw).encode(), header.strip().lower().encode())


def parse_webhook(body: Any) -> tuple[list[PlatformMessage], int]:
    """The client messages of a webhook body, in order, and how many events were ignored
    (echoes of the Page's own messages, delivery and read receipts, attachments without
    text, anything else). Raises :class:`BadWebhook` when the body's shape is wrong."""
    if not isinstance(body, dict):
        raise BadWebhook("body must be a JSON object")
    entries = body.get("entry")
    if not isinstance(entries, list):
        raise BadWebhook("'entry' must be a list")
    messages: list[PlatformMessage] = []
    ignored = 0
    for entry in entries:
        if not isinstance(entry, dict):
            raise BadWebhook("each entry must be an object")
        events = entry.get("messaging", [])
        if not isinstance(events, list):
            raise BadWebhook("'entry[].messaging' must be a list")
        for event in events:
            parsed = parse_event(event)
            if parsed is None:
                ignored += 1
            else:
                messages.append(parsed)
    return messages, ignored


def parse_event(event: Any) -> PlatformMessage | None:
    """One ``messaging`` event as a client message, or None when it is not one."""
    if not isinstance(event, dict):
        return None
    sender = event.get("sender")
    psid = sender.get("id") if isinstance(sender, dict) else None
    if not isinstance(psid, str) or not PSID.fullmatch(psid):
        return None
    stamp = event.get("timestamp")
    at = stamp / 1000 if isinstance(stamp, int | float) and stamp > 0 else time.time()
    message, postback = event.get("message"), event.get("postback")
    if isinstance(message, dict):
        if message.get("is_echo"):
            return None
        text = clean_text(message.get("text"), INBOUND_TEXT_LIMIT)
        quick = message.get("quick_reply")
        payload = payload_token(quick.get("payload")) if isinstance(quick, dict) else None
        mid = message.get("mid")
        if not isinstance(mid, str) or not mid or not (text or payload):
            return None  # stickers, images, likes: nothing the bot can answer
        if payload:  # like a web client pressing a button: the payload, the title as fallback
            return PlatformMessage(_key(mid), psid, "", payload, text, at)
        return PlatformMessage(_key(mid), psid, text, None, "", at)
    if isinstance(postback, dict):
        title = clean_text(postback.get("title"), INBOUND_TEXT_LIMIT)
        payload = payload_token(postback.get("payload"))
        if not (payload or title):
            return None
        mid = postback.get("mid")
        key = _key(mid) if isinstance(mid, str) and mid else "postback#" + hashlib.sha256(
            f"{psid}:{stamp}:{postback.get('payload')}".encode()).hexdigest()[:40]
        if payload:
            return PlatformMessage(key, psid, "", payload, title, at)
        return PlatformMessage(key, psid, title, None, "", at)
    return None  # delivery, read, reaction, optin, referral...


def _key(mid: str) -> str:
    return "mid:" + mid if _KEY_SAFE.fullmatch(mid) else "mid#" + hashlib.sha256(mid.encode()).hexdigest()


# -- out ---------------------------------------------------------------------------------


def message_for(reply: Reply) -> dict[str, Any] | None:
    """The Send API ``message`` of a reply: text (links appended, ≤ 2000 characters) and up
    to 13 quick replies (titles ≤ 20 characters; when a title had to be cut, the full titles
    are listed in the text too). None for a reply with nothing to show."""
    buttons = [q for q in reply.quick_replies if q.title.strip() and q.payload][:QUICK_REPLY_LIMIT]
    text = reply.text.strip()
    if any(len(q.title.strip()) > TITLE_LIMIT for q in buttons):
        text = "\n".join([text, "", *(f"• {q.title.strip()}" for q in buttons)]).strip()
    text = with_links(text, reply.links, TEXT_LIMIT)
    if not text:
        return None
    message: dict[str, Any] = {"text": text}
    if buttons:
        message["quick_replies"] = [{"content_type": "text", "title": shorten(q.title, TITLE_LIMIT),
                                     "payload": q.payload[:PAYLOAD_LIMIT]} for q in buttons]
    return message
