"""Fixtures of the web channel's tests: the real server on a free loopback port."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from quaid_web import WebChannel

from quaidcore.app import Quaid
from quaidcore.config import DEFAULT_CONFIG, parse_config, read_yaml
from quaidcore.plugins import Plugins
from quaidcore.testing import merge
from tests.conftest import serving


@dataclass
class WebServer:
    """A started server: a client session on it, its URL, its Quaid and web channel."""

    http: aiohttp.ClientSession
    quaid: Quaid

    @property
    def url(self) -> str:
        return str(self.http._base_url).rstrip("/")

    @property
    def channel(self) -> WebChannel:
        return self.quaid.channels["web"]

    async def open(self, body: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> str:
        async with self.http.post("/api/web/conversations", json=body, headers=headers) as resp:
            assert resp.status == 201, await resp.text()
            return (await resp.json())["conversation_id"]

    async def send(self, conversation_id: str, body: Any, headers: dict[str, str] | None = None):
        async with self.http.post(f"/api/web/conversations/{conversation_id}/messages", json=body,
                                  headers=headers) as resp:
            return resp.status, await resp.json(), resp.headers

    async def stored(self, conversation_id: str) -> tuple[int, int]:
        """How many messages the conversation holds, and how many events the store holds."""
        return (len(await self.quaid.store.messages(conversation_id)),
                len(await self.quaid.store.events()))

    def at_rest(self, needle: str) -> list[str]:
        """The files of the data folder (database, WAL, logs) that hold `needle`."""
        raw = needle.encode()
        return [str(path) for path in self.quaid.data_dir.rglob("*")
                if path.is_file() and raw in path.read_bytes()]


@pytest.fixture
async def web_server(tmp_path) -> AsyncIterator[Callable[..., Any]]:
    """``await web_server(web={...}, config={...})``: a server on the demo config with the web
    block (and any other config) changed."""
    stack: list[Any] = []

    async def start(web: dict[str, Any] | None = None, config: dict[str, Any] | None = None) -> WebServer:
        plugins = Plugins()
        raw = merge(read_yaml(DEFAULT_CONFIG), {"data_dir": str(tmp_path / f"data{len(stack)}"),
                                                "plugins": {"web": web or {}}})
        quaid = Quaid(parse_config(merge(raw, config or {}), DEFAULT_CONFIG, plugins), plugins)
        context = serving(quaid)
        http = await context.__aenter__()
        stack.append(context)
        return WebServer(http, quaid)

    yield start
    for context in reversed(stack):
        await context.__aexit__(None, None, None)
