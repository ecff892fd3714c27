"""The fuzz suite's server: `quaid serve` in a subprocess, as a user runs it, on a free loopback
port, with the web chat, the helpdesk console and the Freshdesk webhook enabled.

One server serves the whole package (started once, stopped after the last fuzz test). Each
test reads what the server logged while it ran (:meth:`LiveServer.log_since`): a traceback or
an ERROR line there fails the test as surely as a 500.

``QUAID_FUZZ_EXAMPLES`` scales the number of examples (default 1.0 keeps the suite under a
minute on two cores); ``QUAID_FUZZ_RANDOM=1`` explores new examples at each run instead of the
same derandomized ones.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from hypothesis import HealthCheck, settings
from quaid_helpdesk import accounts

from tests.conftest import ROOT, free_port

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ADMIN, SME, PASSWORD = "fuzzboss", "fuzzsme", "fuzz-password-12345"
WEBHOOK_TOKEN = "fuzz-webhook-token"
LINKED_TICKET = 1001  # a Freshdesk ticket ID linked to a real conversation
SCALE = float(os.environ.get("QUAID_FUZZ_EXAMPLES", "1"))


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings of the suite: a bounded number of examples, no shrinking (the
    failures are collected and reported together), reproducible unless QUAID_FUZZ_RANDOM=1."""
    return settings(max_examples=max(1, int(examples * SCALE)), deadline=None, database=None,
                    derandomize=os.environ.get("QUAID_FUZZ_RANDOM") != "1",
                    phases=["explicit", "generate"], suppress_health_check=list(HealthCheck))


def fuzz_config(data_dir: Path, freshdesk_port: int) -> dict[str, Any]:
    """Web chat (limits off: the fuzzer would only meet 429s), fuzzy NLU (fast to train), the
    helpdesk, and Freshdesk for the webhook (its API points at a closed port: nothing is sent)."""
    return {
        "data_dir": str(data_dir), "kb": str(ROOT / "config" / "kb"), "languages": ["en", "fr"],
        "plugins": {
            "web": {"rate_limit_per_minute": 0}, "fuzzy": {}, "console": {},
            # A small allowance: past a few failures the sign-in fuzzer meets 429s (cheap)
            # instead of an argon2 verification per example.
            "helpdesk": {"poll_interval_s": 0.3, "sign_in": {"per_address": 4, "base_delay_s": 60},
                         "bootstrap_admin": {"username": ADMIN, "password": PASSWORD}},
            "freshdesk": {"domain": f"http://127.0.0.1:{freshdesk_port}", "api_key": "fuzz",
                          "webhook_token": WEBHOOK_TOKEN},
        },
        "handoff": {"default": "helpdesk", "channels": {"console": "freshdesk"}},
        "brains": {"default": {"nlu": "fuzzy", "answer_threshold": 0.85, "clarify_threshold": 0.6}},
        "logging": {"format": "json", "level": "info"},
    }


@dataclass
class LiveServer:
    """The running server, an agent signed in to its console, conversations to aim at."""

    url: str
    log_path: Path
    db_path: Path
    process: subprocess.Popen
    agent: requests.Session = field(default_factory=requests.Session)
    csrf: str = ""
    conversations: list[str] = field(default_factory=list)
    linked: str = ""  # a conversation linked to Freshdesk ticket LINKED_TICKET

    def log_size(self) -> int:
        return self.log_path.stat().st_size

    def log_since(self, offset: int) -> list[str]:
        """ERROR lines and tracebacks the server logged after `offset`."""
        time.sleep(0.2)  # let the server flush what the last requests logged
        with self.log_path.open("rb") as log:
            log.seek(offset)
            text = log.read().decode("utf-8", "replace")
        return [line[:300] for line in text.splitlines()
                if line.startswith(("ERROR", "CRITICAL", "Traceback")) or '"level": "error"' in line
                or '"level": "critical"' in line]

    def open_conversation(self, session: requests.Session | None = None, lang: str = "en") -> str:
        resp = (session or requests).post(f"{self.url}/api/web/conversations", json={"lang": lang}, timeout=10)
        assert resp.status_code == 201, resp.text
        return resp.json()["conversation_id"]

    def say(self, conversation_id: str, **body: str) -> list[dict[str, Any]]:
        resp = requests.post(f"{self.url}/api/web/conversations/{conversation_id}/messages",
                             json=body, timeout=10)
        assert resp.status_code == 200, resp.text
        return resp.json()["replies"]

    def alive(self) -> bool:
        try:
            return requests.get(f"{self.url}/healthz", timeout=5).status_code == 200
        except requests.RequestException:
            return False


def sign_in(url: str, username: str, password: str) -> tuple[requests.Session, str]:
    """A console session and its CSRF token."""
    session = requests.Session()
    page = session.get(f"{url}/console/login", timeout=10).text
    resp = session.post(f"{url}/console/login", timeout=10, data={
        "csrf_token": CSRF.search(page).group(1), "username": username, "password": password})
    found = CSRF.search(resp.text)
    assert resp.status_code == 200 and found and "/console/logout" in resp.text, resp.text[:500]
    return session, found.group(1)


def add_expert(db_path: Path, username: str, password: str) -> None:
    """A subject-matter expert account, written straight into the helpdesk's table (what
    `quaid agents add --role sme` does, without a second process starting)."""
    with sqlite3.connect(db_path, timeout=10) as db:
        db.execute("INSERT INTO helpdesk_agent (username, password_hash, roles, channels, disabled, created_at) "
                   "VALUES (?, ?, ?, ?, 0, ?)", (username, accounts.hash_password(password), '["sme"]',
                                                 '["*"]', time.time()))


def link_freshdesk_ticket(db_path: Path, ticket_id: int, conversation_id: str) -> None:
    """Link a Freshdesk ticket ID to a conversation, as the plugin does once it created the
    ticket (no Freshdesk here): the webhook's replies and status changes then reach it."""
    with sqlite3.connect(db_path, timeout=10) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(freshdesk_ticket)")}
        row = {"ticket_id": ticket_id, "conversation_id": conversation_id,
               "outbox_key": f"fuzz:{ticket_id}", "created_at": time.time()}
        row = {k: v for k, v in row.items() if k in columns}
        db.execute(f"INSERT INTO freshdesk_ticket ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                   tuple(row.values()))


@pytest.fixture(scope="package")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`quaid serve` with the fuzz config; stopped after the package's last test (its data
    folder and log stay in pytest's temporary folders, the last few runs kept)."""
    tmp = tmp_path_factory.mktemp("quaid-fuzz")
    config = tmp / "quaid.yaml"
    config.write_text(yaml.safe_dump(fuzz_config(tmp / "data", free_port())))
    env = {**os.environ, "QUAID_DATA_DIR": str(tmp / "data")}
    quaid = str(Path(sys.executable).parent / "quaid")
    port = free_port()
    log_path = tmp / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen([quaid, "serve", "--config", str(config), "--port", str(port)],
                                   env=env, stdout=log, stderr=subprocess.STDOUT)
    server = LiveServer(f"http://127.0.0.1:{port}", log_path, tmp / "data" / "quaid.sqlite3", process)
    try:
        deadline = time.monotonic() + 120
        while not server.alive():
            assert process.poll() is None, log_path.read_text()[-3000:]
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        add_expert(server.db_path, SME, PASSWORD)
        server.agent, server.csrf = sign_in(server.url, ADMIN, PASSWORD)
        for _ in range(3):  # tickets 1, 2 and 3
            handed_off = server.open_conversation()
            assert server.say(handed_off, text="I want to talk to a person")[-1]["kind"] == "handoff"
            server.say(handed_off, text="hello, anyone there?")
        server.linked = server.open_conversation()
        server.say(server.linked, text="I want to talk to a person")
        link_freshdesk_ticket(server.db_path, LINKED_TICKET, server.linked)
        server.conversations = [server.open_conversation(lang=lang) for lang in ("en", "fr", "en")]
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        server.agent.close()


@dataclass
class Findings:
    """What a fuzz test saw: cases sent, statuses, and every response that broke a rule."""

    name: str
    cases: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def record(self, what: str, status: int, content_type: str, body: bytes, json_route: bool) -> None:
        self.cases += 1
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status >= 500:
            self.problems.append(f"{status} {what}: {body[:200]!r}")
        elif status >= 400 and json_route and not _json_error(content_type, body):
            self.problems.append(f"{status} without a JSON error {what}: {content_type} {body[:120]!r}")

    def summary(self) -> str:
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items()))
        skipped = f"; no cases for {', '.join(self.skipped)}" if self.skipped else ""
        return f"{self.name}: {self.cases} cases ({statuses}), {len(self.problems)} problems{skipped}"


def _json_error(content_type: str, body: bytes) -> bool:
    if not content_type.startswith("application/json"):
        return False
    try:
        data = json.loads(body)
    except ValueError:
        return False
    return isinstance(data, dict) and isinstance(data.get("error"), str) and bool(data["error"])


def report(findings: Findings, live: LiveServer, log_offset: int) -> None:
    """Print the figures; fail on any problem, a dead server or an error in its log."""
    print(findings.summary())
    logged = live.log_since(log_offset)
    assert live.alive(), "the server stopped answering"
    assert not findings.problems, "\n".join(findings.problems[:30])
    assert not logged, "the server logged errors:\n" + "\n".join(logged[:30])
