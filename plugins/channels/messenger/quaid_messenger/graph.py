"""The Send API (``POST {graph_url}/me/messages``), and what its answers mean for the outbox.

2xx: sent. 429: :class:`~quaidcore.outbox.Retry` after ``Retry-After``. 5xx, timeouts,
connection errors, and Graph errors that say they are transient (``is_transient``, or the
codes of throttling and expired tokens: 1, 2, 4, 17, 32, 190, 613) are retried with
backoff. Any other 4xx is a request no retry will fix (:class:`~quaidcore.outbox.GiveUp`):
the user blocked the Page, left the 24-hour window...

No error message holds the access token (it is a query parameter of the URL, which is never
quoted) or the recipient's ID.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import aiohttp
import structlog

from quaidcore import GiveUp, PartnerAPI, PartnerUnavailable, Retry

log = structlog.get_logger(__name__)

RETRIED_CODES = {1, 2, 4, 17, 32, 190, 613}
LONG_NUMBER = re.compile(r"[0-9]{6,}")  # IDs quoted in an error stay out of the outbox


class GraphError(PartnerUnavailable):
    """A failed call that may succeed later."""


class SendAPI(PartnerAPI):
    """A thin client of the Send API."""

    unavailable = GraphError

    def __init__(self, graph_url: str, access_token: str, timeout_s: float) -> None:
        super().__init__(timeout_s)
        self.url = graph_url.rstrip("/") + "/me/messages"
        self.params = {"access_token": access_token}

    async def send(self, body: dict[str, Any], timeout: aiohttp.ClientTimeout | None = None) -> dict[str, Any]:
        """One ``POST /me/messages``; the decoded answer, or an exception the outbox understands."""
        answer = await self.post(self.url, "POST /me/messages", params=self.params, json=body, timeout=timeout)
        if answer.ok:
            return answer.json_object()
        if answer.status == 429:
            raise Retry(seconds(answer.headers.get("Retry-After")), "POST /me/messages: 429 rate limited")
        code, transient, message = _graph_error(answer.text)
        what = f"POST /me/messages: HTTP {answer.status}" + (f", Graph error {code}" if code is not None else "")
        if answer.status >= 500 or transient or code in RETRIED_CODES:
            raise GraphError(what)
        raise GiveUp(f"{what}: {LONG_NUMBER.sub('#', message)[:200]}")

    async def typing(self, psid: str) -> None:
        """``sender_action: typing_on``; best effort: a failure is logged, never raised."""
        try:
            await self.send({"recipient": {"id": psid}, "sender_action": "typing_on"},
                            timeout=aiohttp.ClientTimeout(total=min(5.0, self.timeout.total or 5.0)))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.info("messenger_typing_failed", error=str(exc))


def _graph_error(text: str) -> tuple[int | None, bool, str]:
    """A Graph error body's ``code``, ``is_transient`` and ``message``."""
    try:
        error = json.loads(text).get("error") or {}
    except (json.JSONDecodeError, AttributeError):
        return None, False, ""
    if not isinstance(error, dict):
        return None, False, ""
    code = error.get("code")
    return (code if isinstance(code, int) else None, error.get("is_transient") is True,
            str(error.get("message") or ""))


def seconds(value: str | None, default: float = 60.0) -> float:
    """A ``Retry-After`` in seconds (an HTTP date, or nothing: `default`)."""
    try:
        return max(0.0, float(value)) if value is not None else default
    except ValueError:
        return default
