"""Freshdesk API v2 calls, and what their answers mean for the outbox.

429 → :class:`~quaidcore.outbox.Retry` after ``Retry-After``; 5xx, timeouts, connection
errors, 401/403 (a key being fixed) → retried with backoff; any other 4xx → the request is
wrong and no retry will fix it (:class:`~quaidcore.outbox.GiveUp`).
"""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import aiohttp

from quaidcore.outbox import GiveUp, Retry


class FreshdeskError(Exception):
    """A failed call that may succeed later."""


class FreshdeskAPI:
    """A thin client: one method per endpoint the plugin uses."""

    def __init__(self, domain: str, api_key: str, timeout_s: float) -> None:
        self.base = domain.rstrip("/") + "/api/v2"
        token = base64.b64encode(f"{api_key}:X".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}", "Accept": "application/json"}
        self.timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def call(self, method: str, path: str, body_json: Any = None,
                   params: dict[str, str] | None = None) -> Any:
        """One request; the decoded JSON answer, or an exception the outbox understands."""
        if self._session is None:
            self._session = aiohttp.ClientSession(headers=self.headers, timeout=self.timeout)
        try:
            async with self._session.request(method, self.base + path, json=body_json, params=params) as resp:
                body = await resp.text()
                status = resp.status
                retry_after = resp.headers.get("Retry-After")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise FreshdeskError(f"{method} {path}: {type(exc).__name__}: {exc}") from None
        if 200 <= status < 300:
            return json.loads(body) if body.strip() else None
        if status == 429:
            raise Retry(_seconds(retry_after), f"{method} {path}: 429 rate limited")
        if status >= 500 or status in (401, 403):
            raise FreshdeskError(f"{method} {path}: HTTP {status}")
        raise GiveUp(f"{method} {path}: HTTP {status}: {body[:300]}")

    async def create_ticket(self, ticket: dict[str, Any]) -> int:
        """``POST /tickets``: the new ticket's ID."""
        return int((await self.call("POST", "/tickets", ticket))["id"])

    async def find_by_tag(self, tag: str) -> int | None:
        """``GET /search/tickets?query="tag:'...'"``: a ticket carrying `tag`, if any."""
        found = await self.call("GET", "/search/tickets", params={"query": f"\"tag:'{tag}'\""})
        results = (found or {}).get("results") or []
        return int(results[0]["id"]) if results else None

    async def find_listed(self, tag: str, requester: dict[str, str], since: float,
                          max_pages: int = 3, max_reads: int = 10) -> int | None:
        """``GET /tickets?<requester>&updated_since=...`` (newest first): a ticket of this
        requester carrying `tag`, if any. The list is read from Freshdesk's database, not
        from its search index: a ticket created a moment ago is in it. An entry that does
        not show its tags is read (``GET /tickets/{id}``), at most `max_reads` of them."""
        params = {**requester, "updated_since": _iso(since), "order_by": "created_at",
                  "order_type": "desc", "per_page": "100"}
        reads = 0
        for page in range(1, max_pages + 1):
            found = await self.call("GET", "/tickets", params={**params, "page": str(page)})
            found = [t for t in found if isinstance(t, dict) and "id" in t] if isinstance(found, list) else []
            for ticket in found:
                tags = ticket.get("tags")
                if tags is None and reads < max_reads:
                    reads += 1
                    tags = ((await self.call("GET", f"/tickets/{int(ticket['id'])}")) or {}).get("tags")
                if isinstance(tags, list) and tag in tags:
                    return int(ticket["id"])
            if len(found) < 100:
                return None
        return None

    async def add_note(self, ticket_id: int, body_html: str) -> None:
        """``POST /tickets/{id}/notes``: a public note marked incoming (from the client)."""
        await self.call("POST", f"/tickets/{ticket_id}/notes",
                        {"body": body_html, "private": False, "incoming": True})

    async def has_note(self, ticket_id: int, marker: str, max_pages: int = 50) -> bool:
        """``GET /tickets/{id}/conversations`` (100 a page): does a note of the ticket carry
        `marker` in its text? Used before re-adding a note whose first answer was lost."""
        for page in range(1, max_pages + 1):
            found = await self.call("GET", f"/tickets/{ticket_id}/conversations",
                                    params={"per_page": "100", "page": str(page)})
            found = found if isinstance(found, list) else []
            for conversation in found:
                if not isinstance(conversation, dict):
                    continue
                text = f"{conversation.get('body_text') or ''} {conversation.get('body') or ''}"
                if marker in text:
                    return True
            if len(found) < 100:
                return False
        return False

    async def delete_ticket(self, ticket_id: int) -> None:
        """``DELETE /tickets/{id}`` (to Freshdesk's trash); a ticket already gone is fine."""
        try:
            await self.call("DELETE", f"/tickets/{ticket_id}")
        except GiveUp as exc:
            if "HTTP 404" not in str(exc):
                raise

    async def set_status(self, ticket_id: int, status: int) -> None:
        """``PUT /tickets/{id}``: change the ticket's status."""
        await self.call("PUT", f"/tickets/{ticket_id}", {"status": status})


def _iso(at: float) -> str:
    """A Unix time as Freshdesk's filters write it: ``2026-01-31T23:59:00Z`` (UTC)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at))


def _seconds(value: str | None) -> float:
    try:
        return max(0.0, float(value)) if value is not None else 60.0
    except ValueError:  # an HTTP date: wait a minute rather than parse it
        return 60.0
