"""``quaid privacy forget`` while ``quaid serve`` runs: the conversation is gone everywhere —
the database, and the running server's memory (it must not come back with the next message),
every worker's when ``quaid serve --workers 2`` runs."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import free_port, start_quaid, wait_healthy

CONFIG = """\
data_dir: data
kb: {kb}
languages: [en, fr]
plugins:
  web: {{rate_limit_per_minute: 0}}
  fuzzy: {{}}
  patterns: {{}}
redaction: [patterns]
brains:
  default: {{nlu: fuzzy, answer_threshold: 0.85, clarify_threshold: 0.6}}
"""


def quaid_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    quaid = os.path.join(os.path.dirname(sys.executable), "quaid")
    return subprocess.run([quaid, *args], env=env, capture_output=True, text=True, timeout=120)


def rows(db: str, conversation_id: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?",
                                    (conversation_id,)).fetchone()[0]
                for table, column in (("quaid_conversation", "id"), ("quaid_message", "conversation_id"),
                                      ("quaid_event", "conversation_id"))}


async def post_until_every_worker(base: str, url: str, workers: int, body: dict,
                                  tries: int = 64) -> dict[str, int]:
    """POST `body`, each time on a new connection, until each of the `workers` has answered
    at least once (the kernel spreads new connections over them); the statuses by worker,
    which must not change from one request to the next."""
    seen: dict[str, int] = {}
    for _ in range(tries):
        async with aiohttp.ClientSession(base) as http, http.post(url, json=body) as resp:
            worker = resp.headers.get("X-Quaid-Worker", "0")
            assert resp.status == seen.setdefault(worker, resp.status), (worker, resp.status, seen)
        if len(seen) == workers:
            return seen
    raise AssertionError(f"only workers {sorted(seen)} answered in {tries} requests")


async def every_worker_listens(log: Path, server: subprocess.Popen, timeout: float = 120) -> None:
    """`quaid serve` prints "serving on" once all its workers listen."""
    deadline = time.monotonic() + timeout
    while "serving on" not in log.read_text(errors="replace"):
        assert server.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")
        await asyncio.sleep(0.2)


@pytest.mark.parametrize("workers", [1, 2])
async def test_forget_while_the_server_runs(tmp_path, workers):
    """With two workers both have the conversation in memory before the forget, and both
    refuse it after."""
    from quaidcore.config import STARTER

    config = tmp_path / "quaid.yaml"
    config.write_text(CONFIG.format(kb=STARTER / "kb"))
    data = tmp_path / "data"
    env = {**os.environ, "QUAID_DATA_DIR": str(data)}
    port, log = free_port(), tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        server = start_quaid(port, data, "--config", str(config), "--workers", str(workers),
                             stdout=out, stderr=subprocess.STDOUT)
    try:
        async with aiohttp.ClientSession(base) as http:
            await wait_healthy(http)
            await every_worker_listens(log, server)
            async with http.post("/api/web/conversations", json={"lang": "en"}) as resp:
                conversation_id = (await resp.json())["conversation_id"]
            messages = f"/api/web/conversations/{conversation_id}/messages"
            answered = await post_until_every_worker(base, messages, workers, {"text": "how much is an eta"})
            assert set(answered.values()) == {200}
            assert rows(str(data / "quaid.sqlite3"), conversation_id)["quaid_message"] >= 2

            done = quaid_cli("privacy", "forget", "--conversation", conversation_id,
                             "--config", str(config), env=env)
            assert done.returncode == 0, done.stderr
            assert "forgot 1 conversation" in done.stdout

            refused = await post_until_every_worker(base, messages, workers, {"text": "hello again"})
            assert set(refused.values()) == {404}, refused
            async with http.get(f"/api/web/conversations/{conversation_id}/events") as resp:
                assert resp.status == 404
            assert rows(str(data / "quaid.sqlite3"), conversation_id) == {
                "quaid_conversation": 0, "quaid_message": 0, "quaid_event": 0}
            async with http.post("/api/web/conversations", json={}) as resp:
                assert resp.status == 201, "the server goes on serving others"
    finally:
        server.terminate()
        server.wait(timeout=30)
