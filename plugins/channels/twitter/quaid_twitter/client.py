"""X API v2 direct messages (``POST {api_url}/2/dm_conversations/with/{id}/messages``), and
what its answers mean for the outbox.

2xx: sent. 429: :class:`~quaidcore.outbox.Retry` after ``Retry-After``, else after
``x-rate-limit-reset`` (epoch seconds). 5xx, timeouts, connection errors and 401 (a token
being renewed) are retried with backoff. Any other 4xx is a request no retry will fix
(:class:`~quaidcore.outbox.GiveUp`): the user does not accept messages, blocked the account...

No error message holds the token or the recipient's ID.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

from quaidcore import GiveUp, PartnerAPI, PartnerUnavailable, Retry

PATH = "/2/dm_conversations/with/{}/messages"
LONG_NUMBER = re.compile(r"[0-9]{6,}")  # user IDs quoted in an error stay out of the outbox


class XError(PartnerUnavailable):
    """A failed call that may succeed later."""


class DirectMessages(PartnerAPI):
    """A thin client of the v2 direct-message endpoint."""

    unavailable = XError

    def __init__(self, api_url: str, access_token: str, timeout_s: float) -> None:
        super().__init__(timeout_s, headers={"Authorization": f"Bearer {access_token}"})
        self.base = api_url.rstrip("/")

    async def send(self, user_id: str, text: str) -> dict[str, Any]:
        """One direct message to `user_id`; the answer's ``data``, or an exception the outbox
        understands."""
        what = "POST /2/dm_conversations/with/:participant_id/messages"
        answer = await self.post(self.base + PATH.format(user_id), what, json={"text": text})
        if answer.ok:
            data = answer.json_object().get("data")
            return data if isinstance(data, dict) else {}
        if answer.status == 429:
            wait_s = wait(answer.headers.get("Retry-After"), answer.headers.get("x-rate-limit-reset"))
            raise Retry(wait_s, f"{what}: 429 rate limited")
        if answer.status >= 500 or answer.status == 401:
            raise XError(f"{what}: HTTP {answer.status}")
        raise GiveUp(f"{what}: HTTP {answer.status}: {LONG_NUMBER.sub('#', _problem(answer.text))[:200]}")


def wait(retry_after: str | None, reset: str | None, now: float | None = None, default: float = 60.0) -> float:
    """Seconds to wait after a 429: ``Retry-After``, else until ``x-rate-limit-reset``."""
    try:
        if retry_after is not None:
            return max(0.0, float(retry_after))
        if reset is not None:
            return max(0.0, float(reset) - (now or time.time()))
    except ValueError:
        pass
    return default


def _problem(body: str) -> str:
    """The title and detail of an X error body (``{"title", "detail"}`` or ``{"errors": [...]}``)."""
    try:
        data = json.loads(body)
    except json.JSONDecodeError:
        return ""
    if not isinstance(data, dict):
        return ""
    if data.get("title") or data.get("detail"):
        return f"{data.get('title') or ''}: {data.get('detail') or ''}"
    errors = data.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return str(errors[0].get("message") or errors[0].get("title") or "")
    return ""
