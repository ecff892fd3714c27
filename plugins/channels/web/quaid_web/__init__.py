"""Quaid channel ``web``: the public web-chat API, live events over WebSocket, the widget.

Implements ``specs/web-api.md``: start a conversation, post messages, receive later replies
(an agent's, a survey) on ``/api/web/conversations/{id}/events``. Served by the core's
aiohttp application; documented at ``/openapi.json``.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web
from pydantic import BaseModel, ConfigDict, Field

from quaidcore import ComponentContext, Inbound, InvalidMessage, Reply, UnknownConversation, hookimpl

from .openapi import OPENAPI

QUAID_HOST_API = ">=1.0,<2"

STATIC = Path(__file__).parent / "static"


class WebConfig(BaseModel):
    """Options of the ``web`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    max_body_bytes: int = Field(16 * 1024, ge=256, le=1024 * 1024)
    rate_limit_per_minute: int = Field(60, ge=0, description="messages per conversation; 0 = off")
    max_text_chars: int = Field(2000, ge=1)
    widget: bool = True


class ApiError(Exception):
    """An error answered as ``{"error": message}`` with `status`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class RateLimiter:
    """A sliding one-minute window per key."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.hits: dict[str, list[float]] = defaultdict(list)

    def allow(self, key: str, now: float | None = None) -> bool:
        """Count a hit for `key`; False when the key is over its limit."""
        if self.per_minute <= 0:
            return True
        now = now or time.monotonic()
        recent = [t for t in self.hits[key] if now - t < 60]
        allowed = len(recent) < self.per_minute
        if allowed:
            recent.append(now)
        self.hits[key] = recent
        if len(self.hits) > 10_000:  # forget keys idle for a minute: memory stays bounded
            self.hits = defaultdict(list, {k: v for k, v in self.hits.items() if v and now - v[-1] < 60})
        return allowed


class WebChannel:
    """The web channel: HTTP routes, WebSocket subscribers, delivery."""

    name = "web"

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: WebConfig = ctx.config if isinstance(ctx.config, WebConfig) else WebConfig()
        self.host = ctx.host
        self.sockets: dict[str, set[web.WebSocketResponse]] = defaultdict(set)
        self.limiter = RateLimiter(self.config.rate_limit_per_minute)
        self._add_routes()

    def _add_routes(self) -> None:
        # Routes go in before the application starts: aiohttp freezes its router then.
        api = self.host.routes("/api/web", middlewares=[self._errors])
        api.router.add_post("/conversations", self.open_conversation)
        api.router.add_post("/conversations/{id}/messages", self.post_message)
        api.router.add_get("/conversations/{id}/events", self.events)
        self.host.page("/openapi.json", self.openapi)
        if self.config.widget:
            self.host.page("/", self.widget)
            self.host.routes("/static/web").router.add_static("/", STATIC)

    async def start(self) -> None:
        """Nothing to start: the routes were added when the channel was made."""

    async def stop(self) -> None:
        """Close every open socket."""
        for sockets in list(self.sockets.values()):
            for ws in list(sockets):
                await ws.close()
        self.sockets.clear()

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Push replies to every socket open on the conversation."""
        message = json.dumps({"replies": [r.to_json() for r in replies]})
        for ws in list(self.sockets.get(conversation_id, ())):
            if not ws.closed:
                await ws.send_str(message)

    # -- HTTP ------------------------------------------------------------------------

    @web.middleware
    async def _errors(self, request: web.Request, handler: Any) -> web.StreamResponse:
        try:
            return await handler(request)
        except ApiError as exc:
            return web.json_response({"error": exc.message}, status=exc.status)
        except UnknownConversation as exc:
            return web.json_response({"error": f"unknown conversation {exc.args[0]!r}"}, status=404)
        except InvalidMessage as exc:
            return web.json_response({"error": str(exc)}, status=400)

    async def _body(self, request: web.Request, required: bool) -> dict[str, Any]:
        limit = self.config.max_body_bytes
        if request.content_length is not None and request.content_length > limit:
            raise ApiError(413, f"body over the limit of {limit} bytes")
        raw = await request.content.read(limit + 1)
        if len(raw) > limit:
            raise ApiError(413, f"body over the limit of {limit} bytes")
        if not raw.strip():
            if required:
                raise ApiError(400, "a JSON body is required")
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise ApiError(400, "body is not valid UTF-8") from None
        except json.JSONDecodeError as exc:
            raise ApiError(400, f"malformed JSON: {exc.msg} at position {exc.pos}") from None
        if not isinstance(data, dict):
            raise ApiError(400, "body must be a JSON object")
        return data

    async def open_conversation(self, request: web.Request) -> web.Response:
        """``POST /api/web/conversations``: the greeting."""
        body = await self._body(request, required=False)
        lang = body.get("lang")
        if lang is not None and lang not in self.host.languages:
            raise ApiError(400, f"field 'lang' must be one of {list(self.host.languages)}")
        conversation_id, replies = await self.host.start_conversation("web", lang)
        return web.json_response({"conversation_id": conversation_id,
                                  "replies": [r.to_json() for r in replies]}, status=201)

    async def post_message(self, request: web.Request) -> web.Response:
        """``POST /api/web/conversations/{id}/messages``: the bot's answer."""
        conversation_id = request.match_info["id"]
        body = await self._body(request, required=True)
        text, payload = body.get("text"), body.get("payload")
        if text is None and payload is None:
            raise ApiError(400, "one of the fields 'text' or 'payload' is required")
        for field, value in (("text", text), ("payload", payload)):
            if value is not None and not isinstance(value, str):
                raise ApiError(400, f"field '{field}' must be a string")
        if text is not None and len(text) > self.config.max_text_chars:
            raise ApiError(400, f"field 'text' is longer than {self.config.max_text_chars} characters")
        if not self.limiter.allow(conversation_id):
            raise ApiError(429, "too many messages: slow down")
        inbound = Inbound("web", conversation_id, text=text or "", payload=payload)
        replies = await self.host.handle(inbound)
        return web.json_response({"replies": [r.to_json() for r in replies]})

    async def events(self, request: web.Request) -> web.StreamResponse:
        """``GET /api/web/conversations/{id}/events``: later replies over a WebSocket."""
        conversation_id = request.match_info["id"]
        found = await self.host.conversation(conversation_id)
        if found is None or found.channel != "web":
            raise UnknownConversation(conversation_id)
        ws = web.WebSocketResponse(heartbeat=30)
        await ws.prepare(request)
        self.sockets[conversation_id].add(ws)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT and msg.data == "ping":
                    await ws.send_str("pong")
        finally:
            self.sockets[conversation_id].discard(ws)
            if not self.sockets[conversation_id]:
                del self.sockets[conversation_id]
        return ws

    async def openapi(self, _: web.Request) -> web.Response:
        """The API's OpenAPI document."""
        return web.json_response(OPENAPI)

    async def widget(self, _: web.Request) -> web.FileResponse:
        """The web-chat widget page."""
        return web.FileResponse(STATIC / "index.html")


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return WebConfig


@hookimpl
def quaid_register_channels(register: Any) -> None:
    register("web", WebChannel)
