"""A fake Freshdesk (API v2) on a free loopback port: the endpoints the plugin uses, basic
auth (``api_key:X``), and a script of failures (500s, 429 with ``Retry-After``) to replay."""

from __future__ import annotations

import asyncio
import base64
import html
import re
import time
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
    meanwhile never learns the outcome). ``note_script`` does the same for notes."""

    script: list[Any] = field(default_factory=list)
    note_script: list[Any] = field(default_factory=list)
    stalled: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)
    retry_after: int = 1
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
        self.tickets[ticket_id] = {**body, "id": ticket_id}
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
        found = [t for t in self.tickets.values() if match.group(1) in t.get("tags", [])]
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

    async def update(self, request: web.Request) -> web.Response:
        ticket_id = int(request.match_info["id"])
        if ticket_id not in self.tickets:
            return web.json_response({"message": "not found"}, status=404)
        self.tickets[ticket_id].update(await request.json())
        return web.json_response(self.tickets[ticket_id])

    async def delete(self, request: web.Request) -> web.Response:
        if self.tickets.pop(int(request.match_info["id"]), None) is None:
            return web.json_response({"message": "not found"}, status=404)
        return web.Response(status=204)

    async def start(self) -> FakeFreshdesk:
        app = web.Application(middlewares=[self._auth])
        app.router.add_post("/api/v2/tickets", self.create_ticket)
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
