"""Quaid channel ``web``: the public web-chat API, live events over WebSocket, the widget.

Implements ``specs/web-api.md``: start a conversation, post messages, read the transcript,
receive later replies (an agent's, a survey) on ``/api/web/conversations/{id}/events``.
Served by the core's aiohttp application; documented at ``/openapi.json`` (generated from
the models that validate the bodies). The widget (``static/widget.js``) embeds in any page
with one script tag; see this plugin's README.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
from aiohttp import WSMsgType, web
from aiohttp.http_exceptions import HttpProcessingError
from multidict import CIMultiDict
from pydantic import BaseModel, ConfigDict, Field, field_validator

from quaidcore import (
    ComponentContext,
    ConversationInfo,
    Event,
    Inbound,
    Reply,
    TranscriptLine,
    UnknownConversation,
    hookimpl,
)
from quaidcore.http import JSON_ERRORS, HttpError, check_id, json_error, parse_json

from .countries import country_of
from .limits import TokenBuckets, retry_after
from .models import request_models, validate
from .openapi import build_openapi

QUAID_HOST_API = ">=1.0,<2"

STATIC = Path(__file__).parent / "static"
BODY_TIMEOUT_S = 15
_ORIGIN = re.compile(r"https?://[a-z0-9.\-\[\]:]+")
# every answer of the API carries these (built once: a dict a response was ~2 us more)
SECURITY_HEADERS = CIMultiDict({
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"})
PREFLIGHT_HEADERS = {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                     "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "600"}


class _Answer(web.Response):
    """An answer of the API's own routes: JSON by orjson (~15x faster than json.dumps on a
    reply body, 0.5 vs 7 us), with the edge's Vary and security headers from the start."""

    def __init__(self, value: Any, status: int = 200) -> None:
        # bytes, not json_response's text encoded again: ~6 k instructions less an answer
        super().__init__(body=orjson.dumps(value), status=status, headers=_ANSWER_HEADERS)


_ANSWER_HEADERS = CIMultiDict({"Content-Type": "application/json; charset=utf-8", "Vary": "Origin",
                               **SECURITY_HEADERS})


class WebConfig(BaseModel):
    """Options of the ``web`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    max_body_bytes: int = Field(16 * 1024, ge=256, le=1024 * 1024)
    max_text_chars: int = Field(2000, ge=1)
    rate_limit_per_minute: int = Field(
        60, ge=0, description="messages per conversation a minute; 0 turns every limit of the web API off")
    client_messages_per_minute: int = Field(
        120, ge=0, description="messages and transcript reads per client (address) a minute; 0 = off")
    client_conversations_per_minute: int = Field(
        20, ge=0, description="conversations a client (address) may open a minute; 0 = off")
    client_ip_header: str | None = Field(
        None, description="behind a reverse proxy: the header holding the client's address "
                          "(X-Forwarded-For: its last value). Set it only if the proxy sets it.")
    allowed_origins: list[str] = Field(
        default_factory=list,
        description="origins of pages that may embed the widget (https://www.example.ca); "
                    "'*' allows any. Empty: the server's own origin only.")
    max_sockets_per_conversation: int = Field(5, ge=1, le=100)
    widget: bool = True
    demo_page: bool = Field(True, description="serve an agency-like demo page with the widget at /demo/")

    @field_validator("allowed_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        cleaned = []
        for origin in value:
            origin = origin.strip().lower().rstrip("/")
            if origin != "*" and not _ORIGIN.fullmatch(origin):
                raise ValueError(f"{origin!r} is not an origin (scheme://host[:port], no path) nor '*'")
            cleaned.append(origin)
        return cleaned


def _host_of(origin: str) -> str:
    """``host[:port]`` of an origin, without the scheme's default port."""
    parts = urlsplit(origin)
    default = {"http": ":80", "https": ":443"}.get(parts.scheme, "")
    netloc = parts.netloc
    return netloc[: -len(default)] if default and netloc.endswith(default) else netloc


def _strip_default_port(host: str) -> str:
    for port in (":80", ":443"):
        if host.endswith(port):
            return host[: -len(port)]
    return host


class WebChannel:
    """The web channel: HTTP routes, WebSocket subscribers, delivery."""

    name = "web"

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: WebConfig = ctx.config if isinstance(ctx.config, WebConfig) else WebConfig()
        self.host = ctx.host
        cfg = self.config
        self.sockets: dict[str, set[web.WebSocketResponse]] = {}
        on = cfg.rate_limit_per_minute > 0
        self.conversation_limit = TokenBuckets(cfg.rate_limit_per_minute)
        self.client_messages = TokenBuckets(cfg.client_messages_per_minute if on else 0)
        self.client_conversations = TokenBuckets(cfg.client_conversations_per_minute if on else 0)
        # unknown conversation IDs asked for, per address: past the address's message budget
        # it gets 429 without a lookup (a flood costs no database read); never keyed by ID
        self.client_misses = TokenBuckets(cfg.client_messages_per_minute if on else 0)
        self.origins = frozenset(cfg.allowed_origins)
        self.models = request_models(self.host.languages, cfg.max_text_chars)
        self.document = build_openapi(self.models, cfg.max_body_bytes, cfg.max_sockets_per_conversation, {
            "client_conversations": int(self.client_conversations.capacity),
            "client_messages": int(self.client_messages.capacity),
            "conversation_messages": int(self.conversation_limit.capacity)})
        self._add_routes()

    def _add_routes(self) -> None:
        # Routes go in before the application starts: aiohttp freezes its router then.
        # one middleware (the edge answers quaidcore.http's errors as json_errors does): each
        # middleware of a sub-application is one more coroutine and aiohttp's wrapper around it
        api = self.host.routes("/api/web", middlewares=[self._edge])
        api.router.add_post("/conversations", self.open_conversation)
        api.router.add_post("/conversations/{id}/messages", self.post_message)
        api.router.add_get("/conversations/{id}/messages", self.transcript)
        api.router.add_get("/conversations/{id}/events", self.events)
        api.router.add_post("/events", self.widget_event)
        self.host.page("/openapi.json", self.openapi)
        if self.config.widget:
            self.host.page("/", self._page("index.html"))
            static = self.host.routes("/static/web", middlewares=[self._static_headers])
            static.router.add_static("/", STATIC)
            if self.config.demo_page:
                self.host.page("/demo", self._redirect("/demo/"))
                self.host.page("/demo/", self._page("demo/index.html"))
                self.host.page("/demo/fr", self._redirect("/demo/fr/"))
                self.host.page("/demo/fr/", self._page("demo/fr/index.html"))

    async def start(self) -> None:
        """Nothing to start: the routes were added when the channel was made."""

    async def stop(self) -> None:
        """Close every open socket."""
        for sockets in list(self.sockets.values()):
            for ws in list(sockets):
                await ws.close()
        self.sockets.clear()

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Push replies to every socket open on the conversation (a client that is not
        connected catches up with ``GET .../messages``)."""
        message = json.dumps({"replies": [r.to_json() for r in replies]})
        for ws in list(self.sockets.get(conversation_id, ())):
            if not ws.closed:
                try:
                    await ws.send_str(message)
                except (ConnectionError, RuntimeError):  # the client went away meanwhile
                    pass

    # -- the edge: origins, CORS, security headers, limits ---------------------------------

    def _origin_allowed(self, request: web.Request) -> bool:
        """No Origin (not a browser), the server's own, or one of `allowed_origins`."""
        origin = request.headers.get("Origin")
        if origin is None:
            return True
        origin = origin.strip().lower().rstrip("/")
        if "*" in self.origins or origin in self.origins:
            return True
        return origin != "null" and _host_of(origin) == _strip_default_port(request.host.lower())

    def _cors(self, request: web.Request, response: web.StreamResponse) -> None:
        origin = request.headers.get("Origin")
        if origin is not None:
            response.headers["Access-Control-Allow-Origin"] = "*" if "*" in self.origins else origin
            response.headers["Access-Control-Expose-Headers"] = "Retry-After"

    @web.middleware
    async def _edge(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Origins (403), CORS preflight, every error as JSON (quaidcore.http's as
        :func:`~quaidcore.http.json_errors` answers them), security headers."""
        allowed = self._origin_allowed(request)
        close = False
        if not allowed:
            response: web.StreamResponse = web.json_response(
                {"error": "origin not allowed: add it to the web channel's allowed_origins"}, status=403)
        elif request.method == "OPTIONS":
            response = web.Response(status=204, headers=PREFLIGHT_HEADERS)
        else:
            try:
                response = await handler(request)
            except JSON_ERRORS as exc:  # HttpError, UnknownConversation, InvalidMessage
                response = json_error(exc)
                close = isinstance(exc, HttpError) and exc.close
            except web.HTTPException as exc:  # aiohttp's own: unknown route, 405, bad handshake
                if exc.status < 400:
                    raise
                headers = {k: v for k, v in exc.headers.items() if k.lower() in ("allow", "retry-after")}
                response = web.json_response({"error": (exc.reason or "error").lower()},
                                             status=exc.status, headers=headers)
        if not response.prepared:  # a WebSocket is prepared already
            if type(response) is not _Answer:  # an _Answer has Vary and these already
                response.headers.update(SECURITY_HEADERS)
                if allowed:
                    response.headers["Vary"] = "Origin"
            if allowed:
                self._cors(request, response)
            if close and request.protocol is not None:
                # Send the answer, then close at once: otherwise aiohttp reads the rest of the
                # broken body after the handler, fails again and logs a traceback.
                response.force_close()
                await response.prepare(request)
                await response.write_eof()
                request.protocol.force_close()
        return response

    def client_key(self, request: web.Request) -> str:
        """Who is asking, for the per-client limits: the peer's address, or the last value of
        `client_ip_header` behind a proxy that sets it."""
        header = self.config.client_ip_header
        if header:
            value = request.headers.get(header, "").split(",")[-1].strip()
            if value:
                return value[:64]
        return request.remote or "?"

    @staticmethod
    def _limit(buckets: TokenBuckets, key: str, message: str) -> None:
        wait = buckets.take(key)
        if wait:
            raise HttpError(429, message, {"Retry-After": retry_after(wait)})

    async def _body(self, request: web.Request, model: type[BaseModel], required: bool) -> Any:
        """The body as `model`, within :mod:`quaidcore.http`'s limits (size, depth, numbers,
        Unicode). It is read to its end here: ``read_json`` reads one ``content.read(n)``,
        which returns only the first part of a body that arrives in several TCP segments."""
        limit = self.config.max_body_bytes
        length = request.content_length  # (parsed from the header at each read)
        if length is not None and length > limit:
            raise HttpError(413, f"body over the limit of {limit} bytes")
        raw = b""
        try:
            if request.content.is_eof():  # the whole body came with the headers: no timer
                raw = request.content.read_nowait(limit + 1)
            else:
                async with asyncio.timeout(BODY_TIMEOUT_S):
                    while len(raw) <= limit:
                        chunk = await request.content.read(limit + 1 - len(raw))
                        if not chunk:
                            break
                        raw += chunk
        except TimeoutError:  # a slow client, or a body aiohttp's decoder left hanging
            raise HttpError(400, f"body not received within {BODY_TIMEOUT_S} s") from None
        except (HttpProcessingError, web.RequestPayloadError, ValueError, OSError) as exc:
            # a corrupt Content-Encoding: the connection cannot go on (the edge closes it)
            raise HttpError(400, f"unreadable body: {type(exc).__name__}", close=True) from None
        if len(raw) > limit:
            raise HttpError(413, f"body over the limit of {limit} bytes")
        if not raw.strip():
            if required:
                raise HttpError(400, "a JSON body is required")
            return validate(model, {})
        data = parse_json(raw)
        if not isinstance(data, dict):
            raise HttpError(400, "body must be a JSON object")
        return validate(model, data)

    async def _known(self, request: web.Request, conversation_id: str, key: str | None = None) -> ConversationInfo:
        """The web conversation, else 404, counted against the asking address (`key`, else
        :meth:`client_key`): one that has asked for too many unknown IDs gets 429 before any
        lookup."""
        key = key or self.client_key(request)
        wait = self.client_misses.wait(key)
        if wait:
            raise HttpError(429, "too many unknown conversations from this address: slow down",
                            {"Retry-After": retry_after(wait)})
        found = await self.host.conversation(conversation_id)
        if found is None or found.channel != self.name:
            self.client_misses.take(key)
            raise UnknownConversation(conversation_id)
        return found

    # -- the API -------------------------------------------------------------------

    async def open_conversation(self, request: web.Request) -> web.Response:
        """``POST /api/web/conversations``: the greeting."""
        body = await self._body(request, self.models.open, required=False)
        self._limit(self.client_conversations, self.client_key(request),
                    "too many conversations opened from this address: try again later")
        conversation_id, replies = await self.host.start_conversation("web", body.lang)
        return _Answer({"conversation_id": conversation_id, "replies": [r.to_json() for r in replies],
                        "lang": body.lang or self.host.default_language}, status=201)

    async def post_message(self, request: web.Request) -> web.Response:
        """``POST /api/web/conversations/{id}/messages``: the bot's answer."""
        conversation_id = check_id(request.match_info["id"], "conversation")
        body = await self._body(request, self.models.message, required=True)
        key = self.client_key(request)
        await self._known(request, conversation_id, key)  # 404 before the message limits count
        self._limit(self.client_messages, key, "too many messages from this address: slow down")
        self._limit(self.conversation_limit, conversation_id, "too many messages: slow down")
        replies = await self.host.handle(Inbound("web", conversation_id, text=body.text or "",
                                                 payload=body.payload, lang=body.lang))
        after = await self.host.conversation(conversation_id)
        return _Answer({"replies": [r.to_json() for r in replies],
                        "lang": after.lang if after else self.host.default_language})

    async def transcript(self, request: web.Request) -> web.Response:
        """``GET /api/web/conversations/{id}/messages``: what the conversation holds so far."""
        conversation_id = check_id(request.match_info["id"], "conversation")
        found = await self._known(request, conversation_id)
        self._limit(self.client_messages, self.client_key(request),
                    "too many requests from this address: slow down")
        lines = await self.host.transcript(conversation_id)
        return web.json_response({"conversation_id": conversation_id, "lang": found.lang, "messages": [
            {"author": line.author, "text": line.text, "at": line.at, "kind": line.kind,
             "code": line.code, "payload": line.payload, "links": self._links(line, found.lang)}
            for line in lines]})

    def _links(self, line: TranscriptLine, lang: str) -> list[dict[str, str]]:
        """An answer's link (its solution's page), which the stored line does not keep."""
        solution = self.host.kb.get(line.code) if line.kind == "answer" and line.code else None
        if solution is None:
            return []
        url = solution.link.get(lang)
        return [{"title": solution.title.get(lang) or url, "url": url}] if url else []

    async def events(self, request: web.Request) -> web.StreamResponse:
        """``GET /api/web/conversations/{id}/events``: later replies over a WebSocket."""
        conversation_id = check_id(request.match_info["id"], "conversation")
        await self._known(request, conversation_id)
        ws = web.WebSocketResponse(heartbeat=30, max_msg_size=4096)
        if not ws.can_prepare(request).ok:
            raise HttpError(400, "not a WebSocket handshake")
        sockets = self.sockets.setdefault(conversation_id, set())
        if len(sockets) >= self.config.max_sockets_per_conversation:
            raise HttpError(429, f"already {len(sockets)} sockets open on this conversation",
                            {"Retry-After": "30"})
        sockets.add(ws)  # before the handshake's await: the cap holds under concurrency
        try:
            await ws.prepare(request)
            async for msg in ws:
                if msg.type == WSMsgType.TEXT and msg.data == "ping":
                    await ws.send_str("pong")
        finally:
            sockets.discard(ws)
            if not sockets and self.sockets.get(conversation_id) is sockets:
                del self.sockets[conversation_id]
        return ws

    async def widget_event(self, request: web.Request) -> web.Response:
        """``POST /api/web/events``: the widget was shown on a page, or opened (for the
        reports' widget figures; no identifier is stored)."""
        body = await self._body(request, self.models.event, required=True)
        self._limit(self.client_messages, self.client_key(request),
                    "too many requests from this address: slow down")
        conversation_id = ""
        if body.conversation_id and (found := await self.host.conversation(body.conversation_id)):
            conversation_id = found.id if found.channel == self.name else ""
        await self.host.emit([Event(body.type, conversation_id, self.name, {
            "page": self.host.redact(body.page).text, "visitor": body.visitor, "country": country_of(body.tz)})])
        return web.Response(status=204)

    async def openapi(self, _: web.Request) -> web.Response:
        """The API's OpenAPI document."""
        return web.json_response(self.document, headers={"X-Content-Type-Options": "nosniff",
                                                         "Cache-Control": "no-cache"})

    # -- pages and the widget's files ------------------------------------------------

    def page_headers(self) -> dict[str, str]:
        """Security headers of the widget's pages: no inline script, framed only by the
        server itself and the explicitly allowed origins."""
        framers = " ".join(o for o in sorted(self.origins) if o != "*")
        headers = {
            "Content-Security-Policy": (
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                f"connect-src 'self'; base-uri 'none'; form-action 'none'; "
                f"frame-ancestors 'self'{' ' + framers if framers else ''}"),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "Cross-Origin-Opener-Policy": "same-origin",
        }
        if not framers:
            headers["X-Frame-Options"] = "SAMEORIGIN"
        return headers

    def _page(self, name: str) -> Any:
        async def page(_: web.Request) -> web.FileResponse:
            return web.FileResponse(STATIC / name, headers={**self.page_headers(), "Cache-Control": "no-cache"})
        return page

    @staticmethod
    def _redirect(to: str) -> Any:
        async def redirect(_: web.Request) -> web.Response:
            raise web.HTTPMovedPermanently(to)
        return redirect

    @web.middleware
    async def _static_headers(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """The widget's files: embeddable from any page (they hold no data), never sniffed."""
        response = await handler(request)
        if not response.prepared:
            response.headers.update(self.page_headers())
            response.headers.pop("Cross-Origin-Opener-Policy", None)
            response.headers.update({"Cross-Origin-Resource-Policy": "cross-origin",
                                     "Cache-Control": "no-cache"})
        return response


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return WebConfig


@hookimpl
def quaid_register_channels(register: Any) -> None:
    register("web", WebChannel)
