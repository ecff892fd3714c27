"""The web channel's OpenAPI 3.1 document (served at ``/openapi.json``)."""

from __future__ import annotations

from typing import Any


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


_REPLIES = {"type": "array", "items": {"$ref": "#/components/schemas/Reply"}}
_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Quaid web chat API", "version": "1.0.0",
             "description": "Start a conversation, send messages, receive later replies."},
    "paths": {
        "/api/web/conversations": {"post": {
            "summary": "Start a conversation; the answer carries the greeting.",
            "requestBody": {"required": False, "content": {"application/json": {"schema": {
                "type": "object", "properties": {"lang": {"type": "string", "enum": ["en", "fr"]}}}}}},
            "responses": {
                "201": {"description": "Created", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["conversation_id", "replies"],
                    "properties": {"conversation_id": {"type": "string"}, "replies": _REPLIES}}}}},
                "400": _error("Malformed body"), "413": _error("Body too large")}}},
        "/api/web/conversations/{id}/messages": {"post": {
            "summary": "Send a client message (text) or a quick-reply payload.",
            "parameters": [_ID],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "properties": {"text": {"type": "string"},
                                                 "payload": {"type": "string"}}}}}},
            "responses": {
                "200": {"description": "The bot's replies (empty while an agent owns the conversation)",
                        "content": {"application/json": {"schema": {
                            "type": "object", "required": ["replies"], "properties": {"replies": _REPLIES}}}}},
                "400": _error("Malformed body (the message names the field)"),
                "404": _error("Unknown conversation"), "413": _error("Body too large"),
                "429": _error("Rate limit exceeded")}}},
        "/api/web/conversations/{id}/events": {"get": {
            "summary": "WebSocket: each message is {\"replies\": [Reply]} sent later (agent, survey).",
            "parameters": [_ID],
            "responses": {"101": {"description": "Switching to WebSocket"}, "404": _error("Unknown conversation")}}},
        "/healthz": {"get": {"summary": "Health", "responses": {
            "200": {"description": "Store reachable", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"status": {"type": "string"}}}}}},
            "503": {"description": "Store unreachable"}}}},
    },
    "components": {"schemas": {
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
        "Reply": {"type": "object", "required": ["text", "quick_replies", "links", "code", "kind"], "properties": {
            "text": {"type": "string"},
            "quick_replies": {"type": "array", "items": {"type": "object", "required": ["title", "payload"],
                              "properties": {"title": {"type": "string"}, "payload": {"type": "string"}}}},
            "links": {"type": "array", "items": {"type": "object", "required": ["title", "url"],
                      "properties": {"title": {"type": "string"}, "url": {"type": "string"}}}},
            "code": {"type": ["string", "null"], "pattern": "^[0-9]{6}$"},
            "kind": {"type": "string", "enum": ["greeting", "answer", "clarify", "fallback", "handoff",
                                               "survey", "agent", "system"]}}},
    }},
}
