"""`quaid serve --workers 2`: two processes on one port (SO_REUSEPORT), on the embedded
SQLite default and on PostgreSQL.

- Two clients, each on its own worker (``X-Quaid-Worker``), take turns on one conversation
  at once: every turn is stored once, in each client's order, and none is lost (a stale
  conversation cache or a missing cross-process lock loses turns).
- A reply produced by another process (an agent's, then the satisfaction survey) reaches
  the client's WebSockets on both workers.
- SIGTERM stops the parent and its workers cleanly.

Run as a script (``python tests/test_workers.py agent DATABASE_URL CONVERSATION``) it is
the producing process: a Quaid on the same database that answers as an agent.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import free_port, fresh_postgres  # noqa: E402

PG = "postgres://postgres@127.0.0.1:5432"
WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def write_config(tmp: Path, database_url: str | None = None) -> Path:
    """The demo config with the web API's limits off (two clients hammer one conversation)."""
    data = yaml.safe_load((ROOT / "config" / "quaid.yaml").read_text())
    data["kb"] = str(ROOT / "config" / "kb")
    data["plugins"]["web"] = {**(data["plugins"].get("web") or {}), "rate_limit_per_minute": 0}
    data["logging"] = {"level": "warning"}
    if database_url:
        data["database_url"] = database_url
    (tmp / "site").symlink_to(ROOT / "config" / "site")
    path = tmp / "quaid.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


class Workers:
    """`quaid serve --workers 2` in a subprocess."""

    def __init__(self, tmp: Path, config: Path) -> None:
        self.port = free_port()
        self.log = (tmp / "serve.log").open("w+")
        quaid = os.path.join(os.path.dirname(sys.executable), "quaid")
        self.proc = subprocess.Popen(
            [quaid, "serve", "--config", str(config), "--port", str(self.port), "--workers", "2"],
            env={**os.environ, "QUAID_DATA_DIR": str(tmp / "data")},
            stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()[-3000:]

    async def ready(self, timeout: float = 300) -> None:
        """Both workers answer; "serving on" was printed once they all listen."""
        deadline = time.monotonic() + timeout
        while "serving on" not in self.output():
            assert self.proc.poll() is None, self.output()
            assert time.monotonic() < deadline, self.output()
            await asyncio.sleep(0.2)
        seen = set()
        while seen != {"0", "1"}:
            async with aiohttp.ClientSession() as http, http.get(f"{self.url}/healthz") as resp:
                assert resp.status == 200
                seen.add(resp.headers["X-Quaid-Worker"])
            assert time.monotonic() < deadline

    async def session_on(self, worker: str) -> aiohttp.ClientSession:
        """A client whose one keep-alive connection is served by `worker`."""
        for _ in range(64):
            http = aiohttp.ClientSession(self.url, connector=aiohttp.TCPConnector(limit=1))
            async with http.get("/healthz") as resp:
                if resp.headers["X-Quaid-Worker"] == worker:
                    return http
            await http.close()
        raise AssertionError(f"no connection landed on worker {worker}")

    async def socket_on(self, worker: str, conversation: str) -> tuple[aiohttp.ClientSession, Any]:
        """A WebSocket on the conversation's events, held by `worker`."""
        for _ in range(64):
            http = aiohttp.ClientSession(self.url)
            ws = await http.ws_connect(f"/api/web/conversations/{conversation}/events")
            if ws._response.headers.get("X-Quaid-Worker") == worker:
                return http, ws
            await ws.close()
            await http.close()
        raise AssertionError(f"no WebSocket landed on worker {worker}")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=60)
        finally:
            self.log.close()


@pytest.fixture
async def postgres_url():
    async with fresh_postgres("quaid_workers") as url:
        yield url


async def open_conversation(http: aiohttp.ClientSession) -> str:
    async with http.post("/api/web/conversations", json={}) as resp:
        assert resp.status == 201
        return (await resp.json())["conversation_id"]


async def test_two_clients_on_two_workers_take_turns_in_order_on_sqlite(tmp_path):
    server = Workers(tmp_path, write_config(tmp_path))
    try:
        await server.ready()
        a, b = await server.session_on("0"), await server.session_on("1")
        conv = await open_conversation(a)
        served: dict[str, set[str]] = {"alpha": set(), "bravo": set()}

        async def client(http: aiohttp.ClientSession, name: str) -> None:
            for word in WORDS:
                async with http.post(f"/api/web/conversations/{conv}/messages",
                                     json={"text": f"{name} {word}"}) as resp:
                    assert resp.status == 200, await resp.text()
                    served[name].add(resp.headers["X-Quaid-Worker"])

        await asyncio.gather(client(a, "alpha"), client(b, "bravo"))
        assert served == {"alpha": {"0"}, "bravo": {"1"}}, "each client stayed on its own worker"
        async with a.get(f"/api/web/conversations/{conv}/messages") as resp:
            lines = (await resp.json())["messages"]
        await a.close()
        await b.close()
    finally:
        assert server.stop() == 0, server.output()
    said = [line["text"] for line in lines if line["author"] == "client"]
    assert sorted(said) == sorted(f"{n} {w}" for n in ("alpha", "bravo") for w in WORDS), said
    for name in ("alpha", "bravo"):  # each client's turns in its own order
        assert [t for t in said if t.startswith(name)] == [f"{name} {w}" for w in WORDS]
    with sqlite3.connect(tmp_path / "data" / "quaid.sqlite3") as db:
        (state,) = db.execute("SELECT state FROM quaid_conversation WHERE id = ?", [conv]).fetchone()
        turns = db.execute("SELECT count(*) FROM quaid_message WHERE conversation_id = ? AND direction = 'in'",
                           [conv]).fetchone()[0]
    assert turns == 20
    assert json.loads(state)["turns"] == 20, "every turn read the state the one before committed"


async def check_cross_worker_delivery(tmp_path: Path, database_url: str | None) -> None:
    server = Workers(tmp_path, write_config(tmp_path, database_url))
    try:
        await server.ready()
        client = await server.session_on("0")
        conv = await open_conversation(client)
        held = [await server.socket_on(w, conv) for w in ("0", "1")]
        async with client.post(f"/api/web/conversations/{conv}/messages", json={"payload": "PERSON"}) as resp:
            assert (await resp.json())["replies"][-1]["kind"] == "handoff"
        url = database_url or f"sqlite://{tmp_path / 'data' / 'quaid.sqlite3'}"
        agent = subprocess.run([sys.executable, __file__, "agent", url, conv], capture_output=True, text=True,
                               timeout=300, env={**os.environ, "QUAID_WORKERS": "2",
                                                 "QUAID_DATA_DIR": str(tmp_path / "agent")})
        assert agent.returncode == 0 and agent.stdout.strip().endswith("ok"), agent.stderr[-3000:]
        for _, ws in held:  # the agent's reply, then the survey, on both workers' sockets
            kinds = []  # (the helpdesk's queue notice may come first)
            while "survey" not in kinds:
                for pushed in (await ws.receive_json(timeout=15))["replies"]:
                    kinds.append(pushed["kind"])
                    if pushed["kind"] == "agent":
                        assert (pushed["text"], pushed["code"]) == ("Hello from another worker", "010101")
            assert kinds.index("agent") < kinds.index("survey"), kinds
        for http, ws in held:
            await ws.close()
            await http.close()
        await client.close()
    finally:
        assert server.stop() == 0, server.output()


async def test_a_reply_reaches_sockets_on_both_workers_on_sqlite(tmp_path):
    await check_cross_worker_delivery(tmp_path, None)


async def test_a_reply_reaches_sockets_on_both_workers_on_postgres(tmp_path, postgres_url):
    await check_cross_worker_delivery(tmp_path, postgres_url)


async def agent(url: str, conversation: str) -> None:
    """Another worker on the same database: an agent answers, then resolves."""
    import tempfile

    from quaidcore.testing import make_harness

    bot = await make_harness(Path(tempfile.mkdtemp()), config={"database_url": url},
                             config_file=ROOT / "config" / "quaid.yaml")
    try:
        assert bot.quaid.store.shared
        await bot.quaid.agent_reply(conversation, "Hello from another worker", code="010101")
        await bot.quaid.resolve(conversation)
    finally:
        await bot.quaid.stop()


if __name__ == "__main__":
    assert sys.argv[1] == "agent"
    asyncio.run(agent(sys.argv[2], sys.argv[3]))
    print("ok")
