"""A fake Freshdesk (API v2) on a free loopback port: the endpoints the plugin uses, basic
auth (``api_key:X``), a script of failures (500s, 429 with ``Retry-After``) to replay, a
search index that can lag behind, and the automation rule that calls Quaid's webhook when a
ticket's status changes."""

from __future__ import annotations

import asyncio
import base64
import calendar
import html
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.conftest import free_port

API_KEY = "fake-api-key"


@dataclass
class Call:
    """One request the fake answered."""

    method: str
    path: str
    status: int
    at: float


@dataclass
class FakeFreshdesk:
    """``script`` lists what the next POST /tickets answers: 201, 500, 429, "lost" (the
    ticket is created but the answer is a 502, as when a response is lost on the way) or
    "stall" (the ticket is created and the answer waits until the fake stops: a caller killed
    meanwhile never learns the outcome). ``note_script`` does the same for notes.

    ``search_lag_s``: the search finds a ticket only this long after its creation (the real
    search is eventually consistent); the ticket list (``GET /tickets``) and ``GET
    /tickets/{id}`` read the tickets as they are, and the list's entries do not show tags.
    ``on_status``, when set, is called with ``(ticket_id, status)`` after every status change
    (``PUT``), in a task of its own once the answer is sent, as a Freshdesk automation rule
    calling a webhook would; ``hooks`` holds those tasks."""

    script: list[Any] = field(default_factory=list)
    note_script: list[Any] = field(default_factory=list)
    stalled: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)
    retry_after: int = 1
    search_lag_s: float = 0.0
    on_status: Callable[[int, int], Any] | None = None
    hooks: list[asyncio.Task[Any]] = field(default_factory=list)
    tickets: dict[int, dict[str, Any]] = field(default_factory=dict)
    notes: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    url: str = ""
    runner: web.AppRunner | None = None

    def _authorised(self, request: web.Request) -> bool:
        expected = "Basic " + base64.b64encode(f"{API_KEY}:X".encode()).decode()
        return request.headers.get("Authorization") == expected

    @web.middleware
    async def _auth(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if not self._authorised(request):
            response: web.StreamResponse = web.json_response(
                {"code": "invalid_credentials", "message": "You have to be logged in to perform this action."},
                status=401)
        else:
            response = await handler(request)
        self.calls.append(Call(request.method, request.path, response.status, time.monotonic()))
        return response

    async def create_ticket(self, request: web.Request) -> web.Response:
        body = await request.json()
        step = self.script.pop(0) if self.script else 201
        if step == 429:
            return web.json_response({"message": "rate limited"}, status=429,
                                     headers={"Retry-After": str(self.retry_after)})
        if step in (500, 502, 503):
            return web.json_response({"message": "oops"}, status=step)
        missing = [k for k in ("subject", "description", "status", "priority") if k not in body]
        requester = {"email", "unique_external_id", "requester_id", "phone"} & set(body)
        if missing or not requester:
            return web.json_response({"description": "Validation failed",
                                      "errors": [{"field": f, "code": "missing_field"} for f in missing]},
                                     status=400)
        ticket_id = len(self.tickets) + 1
        now = time.time()
        self.tickets[ticket_id] = {**body, "id": ticket_id, "created": now, "updated": now,
                                   "created_at": _iso(now), "updated_at": _iso(now)}
        return await self._answer(step, self.tickets[ticket_id])

    async def _answer(self, step: Any, created: dict[str, Any]) -> web.Response:
        if step == "lost":
            return web.json_response({"message": "bad gateway"}, status=502)
        if step == "stall":
            self.stalled.set()
            await self.released.wait()
        return web.json_response(created, status=201)

    async def search(self, request: web.Request) -> web.Response:
        match = re.fullmatch(r"\"tag:'([^']+)'\"", request.query.get("query", ""))
        if not match:
            return web.json_response({"description": "Validation failed"}, status=400)
        indexed = time.time() - self.search_lag_s
        found = [t for t in self.tickets.values()
                 if match.group(1) in t.get("tags", []) and t["created"] <= indexed]
        return web.json_response({"results": found, "total": len(found)})

    async def add_note(self, request: web.Request) -> web.Response:
        ticket_id = int(request.match_info["id"])
        if ticket_id not in self.tickets:
            return web.json_response({"message": "not found"}, status=404)
        step = self.note_script.pop(0) if self.note_script else 201
        if step in (500, 502, 503):
            return web.json_response({"message": "oops"}, status=step)
        note = {**(await request.json()), "ticket_id": ticket_id, "id": len(self.notes) + 1}
        self.notes.append(note)
        return await self._answer(step, note)

    async def conversations(self, request: web.Request) -> web.Response:
        ticket_id = int(request.match_info["id"])
        if ticket_id not in self.tickets:
            return web.json_response({"message": "not found"}, status=404)
        per_page = min(100, int(request.query.get("per_page", "30")))
        page = int(request.query.get("page", "1"))
        mine = [{**n, "body_text": html.unescape(re.sub(r"<[^>]+>", " ", n["body"])).strip()}
                for n in self.notes if n["ticket_id"] == ticket_id]
        return web.json_response(mine[(page - 1) * per_page:page * per_page])

    async def list_tickets(self, request: web.Request) -> web.Response:
        """``GET /tickets``: filtered by ``email`` or ``unique_external_id`` and
        ``updated_since``, newest first, paged; entries without tags or description."""
        query = request.query
        unknown = set(query) - {"email", "unique_external_id", "updated_since", "order_by",
                                "order_type", "per_page", "page"}
        if unknown:
            return web.json_response({"description": "Validation failed", "errors": [
                {"field": f, "code": "invalid_field"} for f in sorted(unknown)]}, status=400)
        since = calendar.timegm(time.strptime(query.get("updated_since", "1970-01-01T00:00:00Z"),
                                              "%Y-%m-%dT%H:%M:%SZ"))
        found = [t for t in self.tickets.values() if t["updated"] >= since
                 and all(t.get(k) == query[k] for k in ("email", "unique_external_id") if k in query)]
        found.sort(key=lambda t: t["created"], reverse=True)
        per_page, page = min(100, int(query.get("per_page", "30"))), int(query.get("page", "1"))
        shown = [{k: v for k, v in t.items() if k not in ("tags", "description", "created", "updated")}
                 for t in found[(page - 1) * per_page:page * per_page]]
        return web.json_response(shown)

    async def view(self, request: web.Request) -> web.Response:
        ticket = self.tickets.get(int(request.match_info["id"]))
        if ticket is None:
            return web.json_response({"message": "not found"}, status=404)
        return web.json_response({k: v for k, v in ticket.items() if k not in ("created", "updated")})

    async def update(self, request: web.Request) -> web.Response:
        ticket_id = int(request.match_info["id"])
        if ticket_id not in self.tickets:
            return web.json_response({"message": "not found"}, status=404)
        change = await request.json()
        ticket = self.tickets[ticket_id]
        before = ticket.get("status")
        ticket.update(change, updated=time.time(), updated_at=_iso(time.time()))
        if self.on_status is not None and "status" in change and change["status"] != before:
            self.hooks.append(asyncio.get_running_loop().create_task(
                self.on_status(ticket_id, change["status"])))
        return web.json_response({k: v for k, v in ticket.items() if k not in ("created", "updated")})

    def agent_sets_status(self, ticket_id: int, status: int) -> None:
        """An agent changes the ticket's status in Freshdesk (not through the API): the
        automation rule calls the webhook."""
        ticket = self.tickets[ticket_id]
        changed, ticket["status"] = ticket.get("status") != status, status
        if self.on_status is not None and changed:
            self.hooks.append(asyncio.get_running_loop().create_task(self.on_status(ticket_id, status)))

    def puts(self, ticket_id: int) -> list[Call]:
        """The PUTs to a ticket, in order."""
        return [c for c in self.calls if c.method == "PUT" and c.path == f"/api/v2/tickets/{ticket_id}"]

    async def delete(self, request: web.Request) -> web.Response:
        if self.tickets.pop(int(request.match_info["id"]), None) is None:
            return web.json_response({"message": "not found"}, status=404)
        return web.Response(status=204)

    async def start(self) -> FakeFreshdesk:
        app = web.Application(middlewares=[self._auth])
        app.router.add_post("/api/v2/tickets", self.create_ticket)
        app.router.add_get("/api/v2/tickets", self.list_tickets)
        app.router.add_get(r"/api/v2/tickets/{id:\d+}", self.view)
        app.router.add_get("/api/v2/search/tickets", self.search)
        app.router.add_post(r"/api/v2/tickets/{id:\d+}/notes", self.add_note)
        app.router.add_get(r"/api/v2/tickets/{id:\d+}/conversations", self.conversations)
        app.router.add_put(r"/api/v2/tickets/{id:\d+}", self.update)
        app.router.add_delete(r"/api/v2/tickets/{id:\d+}", self.delete)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        port = free_port()
        await web.TCPSite(self.runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        self.released.set()
        if self.runner:
            await self.runner.cleanup()

    def posts(self, path: str = "/api/v2/tickets") -> list[Call]:
        """The POSTs to `path`, in order."""
        return [c for c in self.calls if c.method == "POST" and c.path == path]


def _iso(at: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(at))
