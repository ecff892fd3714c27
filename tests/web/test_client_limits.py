"""Per-client limits as a deployment without a proxy has them: the client is the peer's own
address (each test client speaks from its own loopback address, 127.X.Y.Z), every limit
answers 429 with ``Retry-After``, and a forged ``X-Forwarded-For`` changes nothing."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp


@asynccontextmanager
async def from_address(url: str, address: str) -> AsyncIterator[aiohttp.ClientSession]:
    connector = aiohttp.TCPConnector(local_addr=(address, 0))
    async with aiohttp.ClientSession(url, connector=connector) as session:
        yield session


async def opened(http: aiohttp.ClientSession, headers: dict[str, str] | None = None) -> tuple[int, Any, Any]:
    async with http.post("/api/web/conversations", json={}, headers=headers) as resp:
        return resp.status, await resp.json(), resp.headers


async def message(http: aiohttp.ClientSession, conversation_id: str) -> tuple[int, Any, Any]:
    async with http.post(f"/api/web/conversations/{conversation_id}/messages",
                         json={"payload": "SCOPE_GENERAL"}) as resp:
        return resp.status, await resp.json(), resp.headers


async def transcript(http: aiohttp.ClientSession, conversation_id: str) -> tuple[int, Any, Any]:
    async with http.get(f"/api/web/conversations/{conversation_id}/messages") as resp:
        return resp.status, await resp.json(), resp.headers


def refused(answer: tuple[int, Any, Any], words: str) -> bool:
    status, body, headers = answer
    return status == 429 and int(headers["Retry-After"]) >= 1 and words in body["error"]


async def test_opening_is_limited_per_peer_address_and_a_forged_header_is_ignored(web_server):
    server = await web_server(web={"client_conversations_per_minute": 3})
    async with from_address(server.url, "127.0.41.1") as me, from_address(server.url, "127.0.41.2") as other:
        forged = [{"X-Forwarded-For": f"203.0.113.{n}"} for n in range(4)]
        assert [(await opened(me, headers))[0] for headers in forged[:3]] == [201] * 3
        answer = await opened(me, forged[3])
        assert refused(answer, "too many conversations")
        assert int(answer[2]["Retry-After"]) <= 20
        assert (await opened(other))[0] == 201
    assert len(server.channel.client_conversations) == 2  # one key per address


async def test_messages_and_transcript_reads_share_the_address_budget(web_server):
    server = await web_server(web={"client_messages_per_minute": 4})
    async with from_address(server.url, "127.0.42.1") as me, from_address(server.url, "127.0.42.2") as other:
        first, second = (await opened(me))[1]["conversation_id"], (await opened(me))[1]["conversation_id"]
        assert (await message(me, first))[0] == 200
        assert (await message(me, second))[0] == 200
        assert (await transcript(me, first))[0] == 200
        assert (await transcript(me, second))[0] == 200
        assert refused(await message(me, first), "too many messages")
        assert refused(await transcript(me, second), "too many requests")
        before = len(await server.quaid.store.messages(first))
        assert refused(await message(me, first), "too many messages")
        assert len(await server.quaid.store.messages(first)) == before, "a refused message is not stored"
        theirs = (await opened(other))[1]["conversation_id"]
        assert (await message(other, theirs))[0] == 200
        assert (await transcript(other, first))[0] == 200  # another address: its own budget


async def test_unknown_ids_past_the_budget_are_429_without_a_lookup(web_server, monkeypatch):
    """A flood of unknown IDs from one address: 404 while its budget lasts, then 429 on every
    route (message, transcript, WebSocket upgrade) with no database read; other addresses,
    and the real conversations of anyone else, are unaffected."""
    server = await web_server(web={"client_messages_per_minute": 3})
    lookups: list[str] = []
    real_lookup: Callable[..., Any] = server.quaid.conversation

    async def counted(conversation_id: str) -> Any:
        lookups.append(conversation_id)
        return await real_lookup(conversation_id)

    monkeypatch.setattr(server.quaid, "conversation", counted)
    async with from_address(server.url, "127.0.43.1") as flood, from_address(server.url, "127.0.43.2") as user:
        unknown = [secrets.token_hex(16) for _ in range(6)]
        statuses = [(await message(flood, conversation_id))[0] for conversation_id in unknown[:3]]
        assert statuses == [404] * 3 and len(lookups) == 3
        assert refused(await message(flood, unknown[3]), "too many unknown conversations")
        assert refused(await transcript(flood, unknown[4]), "too many unknown conversations")
        async with flood.get(f"/api/web/conversations/{unknown[5]}/events",
                             headers={"Upgrade": "websocket", "Connection": "Upgrade",
                                      "Sec-WebSocket-Version": "13",
                                      "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}) as resp:
            assert resp.status == 429 and int(resp.headers["Retry-After"]) >= 1
        assert len(lookups) == 3, "refused before any lookup"
        assert (await message(user, unknown[0]))[0] == 404
        mine = (await opened(user))[1]["conversation_id"]
        assert (await message(user, mine))[0] == 200
    assert len(server.channel.client_misses) == 2  # keyed by address, never by ID
    assert len(server.channel.conversation_limit) == 1  # the one real conversation
