"""Edge limits for every HTTP route a plugin adds: JSON bodies, IDs, errors as JSON.

Every JSON body goes through :func:`read_json` (size, UTF-8, nesting depth, number size,
well-formed Unicode); every ID from a path or a body through :func:`check_id`. Failures
raise :class:`HttpError`; :func:`json_errors` is the middleware that answers them (and the
core's :class:`~quaidcore.messages.UnknownConversation` and
:class:`~quaidcore.messages.InvalidMessage`) as ``{"error": message}``::

    api = host.routes("/api/mine", middlewares=[json_errors])

    async def post(request):
        body = await read_json(request, max_bytes=16_384)
        conversation_id = check_id(request.match_info["id"])
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from .messages import InvalidMessage, UnknownConversation

__all__ = ["JSON_ERRORS", "MAX_DEPTH", "MAX_NUMBER_DIGITS", "HttpError", "check_id", "json_error", "json_errors",
           "parse_json", "read_body", "read_json"]

MAX_DEPTH = 32
"""The default deepest nesting of arrays and objects a JSON body may have."""
MAX_NUMBER_DIGITS = 64
"""The most characters a number in a JSON body may have."""
_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


class HttpError(Exception):
    """A request refused: answered as ``{"error": message}`` with `status`."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None,
                 close: bool = False) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}
        self.close = close  # the connection cannot go on (a body that cannot be read)


def _number(text: str) -> int | float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise HttpError(400, f"a number in the body has more than {MAX_NUMBER_DIGITS} characters")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _depth_ok(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return False
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return True


def _strings_ok(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def parse_json(raw: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """Parse a JSON document with limits: UTF-8, at most `max_depth` levels of nesting,
    numbers of at most :data:`MAX_NUMBER_DIGITS` characters, no lone surrogates, no NaN."""
    flat = _flat_object(raw)
    if flat is not None:
        return flat
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(400, "body is not valid UTF-8") from None
    try:
        data = json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_constant)
    except RecursionError:
        raise HttpError(400, f"JSON nested deeper than {max_depth} levels") from None
    except json.JSONDecodeError as exc:
        raise HttpError(400, f"malformed JSON: {exc.msg} at position {exc.pos}") from None
    if not _depth_ok(data, max_depth):
        raise HttpError(400, f"JSON nested deeper than {max_depth} levels")
    if not _strings_ok(data):
        raise HttpError(400, "a string in the body is not well-formed Unicode (lone surrogate)")
    return data


def _flat_object(raw: bytes) -> dict[str, Any] | None:
    """The common body, an object of strings, booleans and nulls, parsed by orjson (~5x
    faster than ``json.loads`` with the number hooks and the two walks); None for anything
    else, which :func:`parse_json` then parses with its limits and error messages. orjson
    refuses what those limits refuse in such an object (invalid UTF-8, lone surrogates,
    NaN, raw control characters); nesting and numbers do not pass here."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if type(data) is not dict:
        return None
    for value in data.values():
        if value is not None and type(value) not in (str, bool):
            return None
    return data


def _constant(name: str) -> Any:
    raise HttpError(400, f"{name} is not JSON")


async def read_json(request: web.Request, max_bytes: int, required: bool = True,
                    max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """The request's body as a JSON object, within limits (413 when over `max_bytes`); an
    empty body is ``{}`` unless `required`."""
    raw = await read_body(request, max_bytes)
    if not raw.strip():
        if required:
            raise HttpError(400, "a JSON body is required")
        return {}
    data = parse_json(raw, max_depth)
    if not isinstance(data, dict):
        raise HttpError(400, "body must be a JSON object")
    return data


async def read_body(request: web.Request, max_bytes: int) -> bytes:
    """The raw body, read to its end (it may arrive in several pieces), for a route that
    must see the bytes (a signature over them): 413 over `max_bytes`, 400 when unreadable
    (a corrupt Content-Encoding; the connection then closes)."""
    if request.content_length is not None and request.content_length > max_bytes:
        raise HttpError(413, f"body over the limit of {max_bytes} bytes")
    chunks, size = [], 0
    try:
        while size <= max_bytes:
            chunk = await request.content.read(max_bytes + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except (web.RequestPayloadError, HttpProcessingError, ValueError, OSError) as exc:
        # a corrupt Content-Encoding, a dropped connection
        raise HttpError(400, f"unreadable body: {type(exc).__name__}", close=True) from None
    if size > max_bytes:
        raise HttpError(413, f"body over the limit of {max_bytes} bytes")
    return b"".join(chunks)


def check_id(value: Any, what: str = "ID", status: int = 404) -> str:
    """`value` if it is a plausible ID (1–64 of ``A-Z a-z 0-9 _ . : -``); else
    :class:`HttpError` with `status` (404 for a path, 400 for a body field)."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        shown = value[:20] + "…" if isinstance(value, str) and len(value) > 20 else value
        raise HttpError(status, f"no such {what}: {shown!r}" if status == 404 else f"invalid {what}")
    return value


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


JSON_ERRORS = (HttpError, UnknownConversation, InvalidMessage)
"""The exceptions :func:`json_error` answers."""


def json_error(exc: HttpError | UnknownConversation | InvalidMessage) -> web.Response:
    """The JSON answer to one of :data:`JSON_ERRORS`: an :class:`HttpError` with its status
    and headers, UnknownConversation 404, InvalidMessage 400 (for a middleware of one's own
    that does more than :func:`json_errors`; it closes the connection when ``exc.close``)."""
    if isinstance(exc, HttpError):
        return web.json_response({"error": exc.message}, status=exc.status, headers=exc.headers)
    if isinstance(exc, UnknownConversation):
        return web.json_response({"error": f"unknown conversation {str(exc.args[0])[:64]!r}"}, status=404)
    return web.json_response({"error": str(exc)}, status=400)


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer :class:`HttpError`, UnknownConversation (404) and InvalidMessage (400) as JSON."""
    try:
        return await handler(request)
    except JSON_ERRORS as exc:
        response = json_error(exc)
        if isinstance(exc, HttpError) and exc.close and request.protocol is not None:
            # Answer, then close at once: otherwise aiohttp reads the rest of the broken body
            # after the handler, fails again and logs a traceback.
            response.force_close()
            await response.prepare(request)
            await response.write_eof()
            request.protocol.force_close()
        return response
