"""Crash tests: ``quaid serve`` SIGKILLed (no clean stop) while an outbox call is in flight.

The partner stalls the call after it has taken it (the SMTP server received the DATA, or
Freshdesk created the ticket) and before it answers: the worst case, whose outcome the
killed process never learns. The client then writes again, so a later item of the same
conversation waits behind the one in flight. A new process on the same data folder must
deliver both within seconds (not after the dead worker's lease), and the duplicates are
counted: e-mail is at-least-once (one extra copy, with the same Message-ID), Freshdesk
exactly-once (the retry finds the ticket by its tag).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import ROOT, free_port, start_quaid, wait_healthy
from tests.handoff.fake_freshdesk import API_KEY, FakeFreshdesk

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")

RESTART_BUDGET_S = 20.0  # start-up included; the old lease alone was 300 s

CONFIG = """\
data_dir: data
kb: {kb}
languages: [en, fr]
plugins:
  web: {{rate_limit_per_minute: 0}}
  fuzzy: {{}}
{partner}
handoff:
  default: {target}
brains:
  default: {{nlu: fuzzy, answer_threshold: 0.85, clarify_threshold: 0.6}}
"""
RETRY = "retry: {base_delay_s: 0.2, max_delay_s: 1, poll_interval_s: 0.1}"


def write_config(tmp_path: Path, target: str, block: str) -> Path:
    path = tmp_path / "quaid.yaml"
    path.write_text(CONFIG.format(kb=ROOT / "config" / "kb", target=target,
                                  partner=f"  {target}: {{{block}, {RETRY}}}"))
    return path


class StallingInbox:
    """An aiosmtpd handler: keeps every message it takes, and answers the first DATA only
    when released (the message is already taken: a lost answer means a copy was kept)."""

    def __init__(self) -> None:
        self.messages: list[tuple[float, email.message.EmailMessage]] = []
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((time.monotonic(), message))
        if len(self.messages) == 1:
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return "250 Message accepted for delivery"


def outbox_rows(data: Path, target: str) -> list[tuple[str, str, int]]:
    with sqlite3.connect(data / "quaid.sqlite3") as db:
        return db.execute("SELECT key, status, attempts FROM quaid_outbox WHERE target = ? ORDER BY id",
                          (target,)).fetchall()


async def wait_until(predicate, timeout: float, what: str) -> float:
    """Poll `predicate` until true; returns the monotonic time it became true."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)
    return time.monotonic()


async def hand_off_then_write(port: int) -> str:
    """A web conversation handed off to people, then a second message from the client."""
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
        await wait_healthy(http)
        async with http.post("/api/web/conversations", json={"lang": "en"}) as resp:
            conversation_id = (await resp.json())["conversation_id"]
        path = f"/api/web/conversations/{conversation_id}/messages"
        async with http.post(path, json={"text": "I want to talk to a person"}) as resp:
            assert (await resp.json())["replies"][-1]["kind"] == "handoff"
        return conversation_id


async def client_writes(port: int, conversation_id: str, text: str) -> None:
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http, http.post(
            f"/api/web/conversations/{conversation_id}/messages", json={"text": text}) as resp:
        assert resp.status == 200, await resp.text()


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


async def test_email_in_flight_when_killed_is_delivered_seconds_after_restart(tmp_path):
    smtp_port = free_port()
    inbox = StallingInbox()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    config = write_config(tmp_path, "email", f"host: 127.0.0.1, port: {smtp_port}, security: none, "
                                             "sender: quaid@agency.example, to: [team@agency.example]")
    data, log = tmp_path / "data", (tmp_path / "serve.log").open("w")
    first = second = None
    try:
        port = free_port()
        first = start_quaid(port, data, "--config", str(config), stdout=log, stderr=subprocess.STDOUT)
        conversation_id = await hand_off_then_write(port)
        await asyncio.to_thread(inbox.stalled.wait, 60)
        assert inbox.stalled.is_set(), "the e-mail never reached the mail server"
        await client_writes(port, conversation_id, "about my work permit")  # waits behind it
        assert len(outbox_rows(data, "email")) == 2
        kill(first)
        killed_at = time.monotonic()

        port = free_port()
        second = start_quaid(port, data, "--config", str(config), stdout=log, stderr=subprocess.STDOUT)
        delivered_at = await wait_until(lambda: len(inbox.messages) >= 3, 120, "the e-mails after restart")
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
            await wait_healthy(http)
        await wait_until(lambda: all(s == "done" for _, s, _ in outbox_rows(data, "email")), 30, "done")
        await asyncio.sleep(1.0)  # anything more would arrive now
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                kill(proc)
        inbox.release.set()
        controller.stop()
        log.close()
    delay = delivered_at - killed_at
    ids = [message["Message-ID"] for _, message in inbox.messages]
    duplicates = len(ids) - len(set(ids))
    print(f"\ne-mail: delivered {delay:.1f} s after the SIGKILL and restart; {len(ids)} messages "
          f"received for 2 e-mails, duplicates {duplicates} (same Message-ID)")
    assert delay < RESTART_BUDGET_S, f"{delay:.1f} s: the dead worker's lease was not released"
    assert len(ids) == 3 and duplicates == 1, "at-least-once: the interrupted e-mail once more"
    assert ids[0] == ids[1], "the copy keeps its Message-ID: mail clients show it once"
    assert "work permit" in inbox.messages[2][1].get_content()
    assert [(s, a) for _, s, a in outbox_rows(data, "email")] == [("done", 2), ("done", 1)]


@pytest.fixture
async def fake():
    server = await FakeFreshdesk().start()
    yield server
    await server.stop()


async def test_freshdesk_ticket_in_flight_when_killed_exists_once_after_restart(tmp_path, fake):
    fake.script = ["stall"]  # created, and the answer never comes
    config = write_config(tmp_path, "freshdesk", f"domain: '{fake.url}', api_key: {API_KEY}")
    data, log = tmp_path / "data", (tmp_path / "serve.log").open("w")
    first = second = None
    try:
        port = free_port()
        first = start_quaid(port, data, "--config", str(config), stdout=log, stderr=subprocess.STDOUT)
        conversation_id = await hand_off_then_write(port)
        await asyncio.wait_for(fake.stalled.wait(), 60)
        await client_writes(port, conversation_id, "about my work permit")  # a note, waiting
        kill(first)
        killed_at = time.monotonic()

        port = free_port()
        second = start_quaid(port, data, "--config", str(config), stdout=log, stderr=subprocess.STDOUT)
        noted_at = await wait_until(lambda: len(fake.notes) >= 1, 120, "the note after restart")
        await wait_until(lambda: all(s == "done" for _, s, _ in outbox_rows(data, "freshdesk")), 30, "done")
        await asyncio.sleep(1.0)
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                kill(proc)
        log.close()
    delay = noted_at - killed_at
    duplicates = len(fake.tickets) - 1 + len(fake.notes) - 1
    print(f"\nfreshdesk: ticket and note done {delay:.1f} s after the SIGKILL and restart; "
          f"{len(fake.tickets)} ticket, {len(fake.notes)} note, duplicates {duplicates}")
    assert delay < RESTART_BUDGET_S, f"{delay:.1f} s: the dead worker's lease was not released"
    assert len(fake.tickets) == 1, "the retry found the ticket by its tag"
    assert fake.posts() == [], "no creation was answered: the only one is the stalled one"
    assert duplicates == 0
    assert fake.notes[0]["ticket_id"] == 1 and "work permit" in fake.notes[0]["body"]
    searches = [c for c in fake.calls if c.path.endswith("/search/tickets")]
    assert [c.status for c in searches] == [200]
    assert [(s, a) for _, s, a in outbox_rows(data, "freshdesk")] == [("done", 2), ("done", 1)]
