"""A fake Graph API (Messenger Send API) and X API (v2 direct messages) on a free loopback
port. It checks each request against the platforms' documented shapes and credentials,
records every call, and replays a script of failures for the next message sends.

- ``POST /v19.0/me/messages?access_token=…``: ``{"recipient": {"id"}, "messaging_type",
  "message": {"text" ≤ 2000, "quick_replies" ≤ 13 × {"content_type": "text", "title" ≤ 20,
  "payload" ≤ 1000}}}`` or ``{"recipient": {"id"}, "sender_action": "typing_on"}``; answers
  ``{"recipient_id", "message_id"}``, or a Graph error ``{"error": {"message", "type", "code"}}``.
- ``POST /2/dm_conversations/with/{participant_id}/messages`` with ``Authorization: Bearer``
  and ``{"text"}``; answers 201 ``{"data": {"dm_conversation_id", "dm_event_id"}}``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.conftest import free_port

PAGE_TOKEN = "fake-page-access-token"
X_TOKEN = "fake-x-user-access-token"
X_ACCOUNT = "1500000000000000001"
SENDER_ACTIONS = {"typing_on", "typing_off", "mark_seen"}
MESSAGING_TYPES = {"RESPONSE", "UPDATE", "MESSAGE_TAG"}


@dataclass
class Call:
    """One request the fake answered."""

    platform: str  # "graph" | "x"
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    status: int
    at: float


def graph_problems(body: Any) -> list[str]:
    """What is wrong with a Send API body, per the Send API reference."""
    if not isinstance(body, dict):
        return ["body must be an object"]
    problems = []
    recipient = body.get("recipient")
    if not isinstance(recipient, dict) or not isinstance(recipient.get("id"), str):
        problems.append("recipient.id is required")
    if "sender_action" in body:
        if body["sender_action"] not in SENDER_ACTIONS:
            problems.append("unknown sender_action")
        if "message" in body:
            problems.append("sender_action cannot be sent with a message")
        return problems
    if body.get("messaging_type") not in MESSAGING_TYPES:
        problems.append("messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG")
    if body.get("messaging_type") == "MESSAGE_TAG" and not body.get("tag"):
        problems.append("a MESSAGE_TAG message needs a tag")
    message = body.get("message")
    if not isinstance(message, dict):
        return [*problems, "message is required"]
    text = message.get("text")
    if not isinstance(text, str) or not text or len(text) > 2000:
        problems.append("message.text must be 1 to 2000 characters")
    quick = message.get("quick_replies", [])
    if not isinstance(quick, list) or len(quick) > 13:
        problems.append("at most 13 quick_replies")
    else:
        for button in quick:
            if not isinstance(button, dict) or button.get("content_type") != "text":
                problems.append("quick reply content_type must be text")
            elif not 1 <= len(button.get("title") or "") <= 20:
                problems.append("quick reply title must be 1 to 20 characters")
            elif not 1 <= len(button.get("payload") or "") <= 1000:
                problems.append("quick reply payload must be 1 to 1000 characters")
    unknown = set(message) - {"text", "quick_replies", "attachment", "metadata"}
    if unknown:
        problems.append(f"unknown message fields {sorted(unknown)}")
    return problems


@dataclass
class FakePlatforms:
    """``script`` lists what the next message sends answer (Graph messages and X direct
    messages; typing indicators always succeed): 200, 500, 429 (with ``Retry-After``) or 400
    (a permanent refusal)."""

    script: list[int] = field(default_factory=list)
    retry_after: int = 1
    calls: list[Call] = field(default_factory=list)
    url: str = ""
    runner: web.AppRunner | None = None

    # -- Graph ---------------------------------------------------------------------------

    async def graph_send(self, request: web.Request) -> web.Response:
        body = await request.json()
        if request.query.get("access_token") != PAGE_TOKEN:
            return self._record("graph", request, body, web.json_response({"error": {
                "message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}},
                status=401))
        problems = graph_problems(body)
        if problems:
            return self._record("graph", request, body, web.json_response({"error": {
                "message": "(#100) " + "; ".join(problems), "type": "OAuthException", "code": 100}},
                status=400))
        if "sender_action" in body:
            return self._record("graph", request, body,
                                web.json_response({"recipient_id": body["recipient"]["id"]}))
        step = self.script.pop(0) if self.script else 200
        if step == 500:
            response = web.json_response({"error": {"message": "An unknown error has occurred.",
                                                    "type": "OAuthException", "code": 1}}, status=500)
        elif step == 429:
            response = web.json_response({"error": {"message": "rate limited", "code": 613}},
                                         status=429, headers={"Retry-After": str(self.retry_after)})
        elif step == 400:
            response = web.json_response({"error": {
                "message": "(#551) This person isn't available right now.", "type": "OAuthException",
                "code": 551, "error_subcode": 1545041}}, status=400)
        else:
            response = web.json_response({"recipient_id": body["recipient"]["id"],
                                          "message_id": f"m_fake{len(self.calls)}"})
        return self._record("graph", request, body, response)

    def messages(self) -> list[dict[str, Any]]:
        """The Send API bodies of the messages sent (answered 200), in order."""
        return [c.body for c in self.calls
                if c.platform == "graph" and c.status == 200 and "message" in c.body]

    def texts(self, psid: str | None = None) -> list[str]:
        """The texts of the messages sent (to `psid`), in order."""
        return [m["message"]["text"] for m in self.messages()
                if psid is None or m["recipient"]["id"] == psid]

    # -- X -------------------------------------------------------------------------------

    async def x_send(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            body = None
        if request.headers.get("Authorization") != f"Bearer {X_TOKEN}":
            return self._record("x", request, body, web.json_response(
                {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"},
                status=401))
        text = body.get("text") if isinstance(body, dict) else None
        if (not isinstance(text, str) or not text or len(text) > 10_000
                or set(body) - {"text", "attachments"}):
            return self._record("x", request, body, web.json_response(
                {"title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
                 "type": "https://api.twitter.com/2/problems/invalid-request"}, status=400))
        step = self.script.pop(0) if self.script else 201
        if step == 500:
            response = web.json_response({"title": "Internal Server Error"}, status=500)
        elif step == 429:
            response = web.json_response({"title": "Too Many Requests", "detail": "Too Many Requests"},
                                         status=429, headers={"x-rate-limit-reset": str(int(time.time()) + 1)})
        elif step == 400:
            response = web.json_response({"title": "Forbidden", "detail": "You cannot send messages to this user."},
                                         status=403)
        else:
            participant = request.match_info["participant"]
            response = web.json_response({"data": {
                "dm_conversation_id": f"{X_ACCOUNT}-{participant}",
                "dm_event_id": str(1_800_000_000_000_000_000 + len(self.calls))}}, status=201)
        return self._record("x", request, body, response)

    def dms(self) -> list[tuple[str, str]]:
        """The direct messages sent (answered 201): (participant ID, text), in order."""
        return [(c.path.split("/")[-2], c.body["text"]) for c in self.calls
                if c.platform == "x" and c.status == 201]

    # -- the server ----------------------------------------------------------------------

    def _record(self, platform: str, request: web.Request, body: Any, response: web.Response) -> web.Response:
        self.calls.append(Call(platform, request.path, dict(request.query), dict(request.headers), body,
                               response.status, time.monotonic()))
        return response

    async def start(self) -> FakePlatforms:
        app = web.Application()
        app.router.add_post("/v19.0/me/messages", self.graph_send)
        app.router.add_post("/2/dm_conversations/with/{participant}/messages", self.x_send)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        port = free_port()
        await web.TCPSite(self.runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()


# -- helpers of the channel tests ----------------------------------------------------------

FAST_RETRY = {"base_delay_s": 0.05, "max_delay_s": 0.2, "poll_interval_s": 0.05}


async def settled(host: Any, targets: list[str], count: int = 1, timeout: float = 15.0) -> list[Any]:
    """The outbox items of `targets` once at least `count` exist and none is pending."""
    import asyncio

    from quaidcore import OutboxItem

    deadline = time.monotonic() + timeout
    while True:
        with host.db():
            items = await OutboxItem.filter(target__in=targets).order_by("id")
        if len(items) >= count and all(i.status != "pending" for i in items):
            return items
        if time.monotonic() > deadline:
            raise AssertionError(f"the outbox did not settle: {[(i.key, i.status, i.last_error) for i in items]}")
        await asyncio.sleep(0.02)


def table_rows(data_dir: Any) -> dict[str, str]:
    """Every table of the SQLite database in `data_dir`, its rows as one text (WAL included)."""
    import sqlite3
    from pathlib import Path

    [path] = Path(data_dir).glob("*.sqlite3")
    out = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            rows = db.execute(f'SELECT * FROM "{table}"').fetchall()
            out[table] = "\n".join(repr(row) for row in rows)
    db.close()
    return out
