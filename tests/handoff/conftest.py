"""Fixtures of the handoff tests: a real Quaid server on loopback with the helpdesk enabled."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from quaid_helpdesk import accounts

from quaidcore.app import Quaid, started_web_app
from quaidcore.config import DEFAULT_CONFIG, parse_config
from quaidcore.plugins import Plugins
from quaidcore.testing import merge
from tests.conftest import free_port, fresh_postgres

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PASSWORD = "correct horse battery staple"


def handoff_config(data_dir: Path, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """A small config: web chat, fuzzy NLU (fast to train), the helpdesk as handoff target."""
    raw = {
        "data_dir": str(data_dir), "kb": "kb", "languages": ["en", "fr"],
        "plugins": {"web": {"rate_limit_per_minute": 0}, "fuzzy": {},
                    # queue notices are tested on their own (test_assignment.py): here they
                    # would come between the replies the tests wait for
                    "helpdesk": {"poll_interval_s": 0.3, "assignment": {"tell_queue": False}}},
        "handoff": {"default": "helpdesk"},
        "brains": {"default": {"nlu": "fuzzy", "answer_threshold": 0.85, "clarify_threshold": 0.6}},
    }
    return merge(raw, extra or {})


def make_quaid(data_dir: Path, extra: dict[str, Any] | None = None) -> Quaid:
    """A Quaid (not started) over :func:`handoff_config`."""
    plugins = Plugins()
    return Quaid(parse_config(handoff_config(data_dir, extra), DEFAULT_CONFIG, plugins), plugins)


@dataclass
class Server:
    """A started server: its base URL and its Quaid."""

    url: str
    quaid: Quaid
    runner: web.AppRunner

    async def add_agent(self, username: str, roles: list[str], channels: str = "web",
                        password: str = PASSWORD) -> Any:
        """Create a console account directly in the store."""
        with self.quaid.store.bound():
            return await accounts.add_agent(username, password, roles, channels)

    def client(self) -> aiohttp.ClientSession:
        """A browser-like HTTP client with its own cookie jar (cookies on 127.0.0.1 too)."""
        return aiohttp.ClientSession(self.url, cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def open_conversation(self, session: aiohttp.ClientSession) -> str:
        """A web-chat conversation, handed off to people; returns its ID."""
        async with session.post("/api/web/conversations", json={"lang": "en"}) as resp:
            conversation_id = (await resp.json())["conversation_id"]
        return conversation_id

    async def say(self, session: aiohttp.ClientSession, conversation_id: str, **body: str) -> list[dict]:
        """The client sends `text=` or `payload=`; returns the bot's replies."""
        async with session.post(f"/api/web/conversations/{conversation_id}/messages", json=body) as resp:
            assert resp.status == 200, await resp.text()
            return (await resp.json())["replies"]


async def start_server(data_dir: Path, extra: dict[str, Any] | None = None) -> Server:
    """Serve a new Quaid on a free loopback port."""
    quaid = make_quaid(data_dir, extra)
    runner = web.AppRunner(await started_web_app(quaid))
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return Server(f"http://127.0.0.1:{port}", quaid, runner)


@asynccontextmanager
async def server_on(backend: str, data_dir: Path, database_prefix: str) -> AsyncIterator[Server]:
    """The real server with the helpdesk, on the embedded SQLite (`backend` "sqlite") or on a
    fresh PostgreSQL database named after `database_prefix` ("postgres")."""
    if backend == "sqlite":
        started = await start_server(data_dir)
        yield started
        await started.runner.cleanup()
        return
    async with fresh_postgres(database_prefix) as url:
        started = await start_server(data_dir, {"database_url": url})
        yield started
        await started.runner.cleanup()


@pytest.fixture
async def server(tmp_path) -> AsyncIterator[Server]:
    """The real server with the helpdesk and its console."""
    started = await start_server(tmp_path / "data")
    yield started
    await started.runner.cleanup()


async def sign_in(session: aiohttp.ClientSession, username: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token (from the queue page)."""
    async with session.get("/console/login") as resp:
        token = CSRF.search(await resp.text()).group(1)
    async with session.post("/console/login", data={"csrf_token": token, "username": username,
                                                    "password": password}) as resp:
        assert resp.status == 200, await resp.text()
        page = await resp.text()
    return CSRF.search(page).group(1)


async def hand_off(server: Server, session: aiohttp.ClientSession, text: str = "hello") -> str:
    """A web conversation that asks for a person, then says `text`; returns its ID."""
    conversation_id = await server.open_conversation(session)
    replies = await server.say(session, conversation_id, text="I want to talk to a person")
    assert replies[-1]["kind"] == "handoff", replies
    if text:
        assert await server.say(session, conversation_id, text=text) == []
    return conversation_id
