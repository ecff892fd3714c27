"""``quaid privacy forget`` while ``quaid serve`` runs: the conversation is gone everywhere —
the database, and the running server's memory (it must not come back with the next message)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import aiohttp

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


async def test_forget_while_the_server_runs(tmp_path):
    from quaidcore.config import STARTER

    config = tmp_path / "quaid.yaml"
    config.write_text(CONFIG.format(kb=STARTER / "kb"))
    data = tmp_path / "data"
    env = {**os.environ, "QUAID_DATA_DIR": str(data)}
    port = free_port()
    server = start_quaid(port, data, "--config", str(config))
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
            await wait_healthy(http)
            async with http.post("/api/web/conversations", json={"lang": "en"}) as resp:
                conversation_id = (await resp.json())["conversation_id"]
            messages = f"/api/web/conversations/{conversation_id}/messages"
            async with http.post(messages, json={"text": "how much is an eta"}) as resp:
                assert resp.status == 200
            assert rows(str(data / "quaid.sqlite3"), conversation_id)["quaid_message"] >= 2

            done = quaid_cli("privacy", "forget", "--conversation", conversation_id,
                             "--config", str(config), env=env)
            assert done.returncode == 0, done.stderr
            assert "forgot 1 conversation" in done.stdout

            async with http.post(messages, json={"text": "hello again"}) as resp:
                assert resp.status == 404, await resp.text()
            async with http.get(f"/api/web/conversations/{conversation_id}/events") as resp:
                assert resp.status == 404
            assert rows(str(data / "quaid.sqlite3"), conversation_id) == {
                "quaid_conversation": 0, "quaid_message": 0, "quaid_event": 0}
            async with http.post("/api/web/conversations", json={}) as resp:
                assert resp.status == 201, "the server goes on serving others"
    finally:
        server.terminate()
        server.wait(timeout=30)
