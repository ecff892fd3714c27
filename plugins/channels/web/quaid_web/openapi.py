"""The web channel's OpenAPI 3.1 document (served at ``/openapi.json``), generated from the
pydantic models that validate the bodies (:mod:`quaid_web.models`): it cannot drift."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .models import RESPONSE_MODELS, Answered, Error, Health, Opened, Pushed, RequestModels, Transcript

REF = "#/components/schemas/{model}"


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.model_config.get("title") or model.__name__)}


def _json(description: str, model: type[BaseModel], headers: dict[str, Any] | None = None) -> dict[str, Any]:
    answer: dict[str, Any] = {"description": description,
                              "content": {"application/json": {"schema": _ref(model)}}}
    if headers:
        answer["headers"] = headers
    return answer


def build_openapi(requests: RequestModels, max_body_bytes: int, max_sockets: int,
                  limits: dict[str, int]) -> dict[str, Any]:
    """The document for one channel's models and limits."""
    _, defs = models_json_schema([(m, "validation") for m in (requests.open, requests.message, requests.event)]
                                 + [(m, "serialization") for m in RESPONSE_MODELS], ref_template=REF)
    schemas = defs["$defs"]

    retry = {"Retry-After": {"description": "Seconds to wait before trying again.",
                             "schema": {"type": "integer", "minimum": 1}}}
    cors = ("Browsers on another origin may call it when the origin is in the channel's "
            "`allowed_origins` (CORS; preflight `OPTIONS` answered).")
    per_client = (f"{limits['client_conversations']} conversations a minute per client"
                  if limits["client_conversations"] else "no limit")
    per_message = (f"{limits['client_messages']} a minute per client, {limits['conversation_messages']} "
                   "a minute per conversation" if limits["conversation_messages"] else "no limit")
    bad_id = "Unknown conversation, or an ID that cannot be one (over 64 characters, other characters)"
    body_errors = {
        "400": _json("Malformed body: not JSON, not an object, nested too deep, a number too "
                     "long, text that is not well-formed Unicode or holds control characters, a "
                     "field of the wrong type (the message names it), a corrupt Content-Encoding",
                     Error),
        "403": _json("The request's Origin is not allowed", Error),
        "413": _json(f"Body over {max_body_bytes} bytes", Error),
    }
    path_id = {"name": "id", "in": "path", "required": True, "description": "The conversation's ID.",
               "schema": {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{1,64}$"}}

    paths: dict[str, Any] = {
        "/api/web/conversations": {"post": {
            "operationId": "openConversation",
            "summary": "Start a conversation; the answer carries the greeting.",
            "description": f"Rate limit: {per_client}. {cors}",
            "requestBody": {"required": False, "content": {"application/json": {
                "schema": _ref(requests.open)}}},
            "responses": {
                "201": _json("Created", Opened), **body_errors,
                "429": _json("Too many conversations opened by this client", Error, retry)}}},
        "/api/web/conversations/{id}/messages": {
            "post": {
                "operationId": "sendMessage",
                "summary": "Send a client message (text) or a quick-reply payload.",
                "description": f"Rate limit: {per_message}; an unknown conversation is answered "
                               f"404 before anything is counted. {cors}",
                "parameters": [path_id],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": _ref(requests.message)}}},
                "responses": {
                    "200": _json("The bot's replies (empty while an agent owns the conversation)", Answered),
                    **body_errors, "404": _json(bad_id, Error),
                    "429": _json("Too many messages from this client or in this conversation", Error, retry)}},
            "get": {
                "operationId": "getTranscript",
                "summary": "The conversation so far (stored texts, personal information masked).",
                "description": "A reloaded page or a reconnected socket catches up with it. "
                               f"Counts against the client's message limit. {cors}",
                "parameters": [path_id],
                "responses": {
                    "200": _json("The stored messages, oldest first", Transcript),
                    "403": body_errors["403"], "404": _json(bad_id, Error),
                    "429": _json("Too many requests from this client", Error, retry)}}},
        "/api/web/conversations/{id}/events": {"get": {
            "operationId": "events",
            "summary": "WebSocket: each text frame is a `Pushed` object, sent later (agent, survey).",
            "description": "The `Origin` of a browser must be the server's own or one of "
                           f"`allowed_origins`; at most {max_sockets} sockets per conversation. "
                           "Frames: the client may send `ping` (answered `pong`); anything else is "
                           "ignored.",
            "parameters": [path_id],
            "responses": {
                "101": {"description": "Switching to WebSocket; then `Pushed` frames",
                        "content": {"application/json": {"schema": _ref(Pushed)}}},
                "400": _json("Not a WebSocket handshake", Error),
                "403": body_errors["403"], "404": _json(bad_id, Error),
                "429": _json(f"Already {max_sockets} sockets open on this conversation", Error, retry)}}},
        "/api/web/events": {"post": {
            "operationId": "widgetEvent",
            "summary": "The widget was shown on a page (`widget_shown`) or opened (`widget_opened`).",
            "description": "For the reports' widget figures: the page's path, new or returning "
                           "visitor, the country of the browser's time zone; no identifier is "
                           f"stored. Counts against the client's message limit. {cors}",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": _ref(requests.event)}}},
            "responses": {"204": {"description": "Recorded"}, **body_errors,
                          "429": _json("Too many requests from this client", Error, retry)}}},
        "/healthz": {"get": {
            "operationId": "health", "summary": "Health",
            "responses": {"200": _json("Store reachable", Health),
                          "503": _json("Store unreachable", Health)}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Quaid web chat API", "version": "1.1.0",
                 "description": "Start a conversation, send messages, receive later replies. "
                                "Every error is JSON `{\"error\": message}`."},
        "paths": paths,
        "components": {"schemas": schemas},
    }

