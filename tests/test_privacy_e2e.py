"""The promise, end to end: personal information typed on any channel never reaches the
database file, the logs, the events or the handoff target unredacted."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
from pathlib import Path

import aiohttp

from tests.conftest import free_port, start_quaid, wait_healthy

RAW = {
    "email": "marie.tremblay@example.com",
    "phone": "(613) 555-0199",
    "uci": "1234-5678",
    "application": "E123456789",
    "passport": "AB123456",
    "sin": "046 454 286",
    "postal": "K1A 0B1",
    "name": "Jean Tremblay",
    "card": "4539 1488 0343 6467",
}
MESSAGES = [
    f"my email is {RAW['email']} and my phone is {RAW['phone']}",
    f"my UCI is {RAW['uci']} and my application number is {RAW['application']}",
    f"mon passeport {RAW['passport']}, mon NAS: {RAW['sin']}",
    f"I live at 24 Sussex Drive, Ottawa {RAW['postal']}, my name is {RAW['name']}",
    f"i paid the fee with card {RAW['card']} how long is processing",
    "talk to a person please",
    f"still me, {RAW['email']}",
]


def leaks(blob: bytes) -> list[str]:
    text = blob.decode("utf-8", "replace")
    return [kind for kind, value in RAW.items() if value in text]


def scan_files(folder) -> dict[str, list[str]]:
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and (hits := leaks(path.read_bytes())):
            found[str(path)] = hits
    return found


async def test_harness_channel_store_events_and_handoff(demo_harness, tmp_path):
    from quaidcore.logging import configure, set_redactor

    stream = io.StringIO()
    bot = await demo_harness()
    configure("json", "debug", stream)
    set_redactor(lambda text: bot.quaid.redact(text).text)
    seen: list[str] = []
    conv = await bot.conversation()
    for message in MESSAGES:
        for reply in await conv.say(message):
            seen.append(reply.text)
    await bot.quaid.agent_reply(conv.id, f"I see your email {RAW['email']}", code="090801")
    bot.quaid.store._recent.clear()
    import structlog

    structlog.get_logger("test").info("client said", text=MESSAGES[0])
    stored = [m.text for m in await bot.quaid.store.messages(conv.id)]
    events = [json.dumps(e.data) for e in await bot.quaid.store.events(conv.id)]
    assert any("[EMAIL]" in text for text in stored)
    assert not leaks("\n".join(stored + events + seen).encode())
    assert not leaks(stream.getvalue().encode()), stream.getvalue()
    await bot.quaid.stop()
    assert scan_files(bot.quaid.config.data_dir) == {}


def test_web_channel_via_real_server_then_scan_db_and_logs(tmp_path):
    """`quaid serve` in a subprocess at debug level: the web channel, its database file (with
    its WAL) and everything it logged are scanned for the raw values."""
    port = free_port()
    data = tmp_path / "data"
    log = tmp_path / "server.log"
    config = tmp_path / "quaid.yaml"
    root = Path(__file__).resolve().parent.parent
    text = (root / "config" / "quaid.yaml").read_text()
    text = text.replace("kb: kb", f"kb: {root / 'config' / 'kb'}").replace("level: info", "level: debug")
    config.write_text(text)
    (tmp_path / "site").symlink_to(root / "config" / "site")
    with log.open("wb") as out:
        proc = start_quaid(port, data, "--config", str(config), stdout=out, stderr=subprocess.STDOUT)
        try:
            asyncio.run(_talk(port))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    assert scan_files(data) == {}
    assert leaks(log.read_bytes()) == []


async def _talk(port):
    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as session:
        await wait_healthy(session)
        async with session.post("/api/web/conversations") as resp:
            conv = (await resp.json())["conversation_id"]
        for message in MESSAGES:
            async with session.post(f"/api/web/conversations/{conv}/messages", json={"text": message}) as resp:
                assert resp.status == 200
                body = await resp.text()
                assert not leaks(body.encode()), body
        # a malformed body that carries personal data must not be logged either
        async with session.post(f"/api/web/conversations/{conv}/messages",
                                data=f'{{"text": "{RAW["email"]}"'.encode()) as resp:
            assert resp.status == 400


async def test_console_channel(demo_harness, tmp_path):
    from quaid_console import chat_loop

    bot = await demo_harness()
    lines = io.StringIO("\n".join(MESSAGES) + "\n/quit\n")
    out = io.StringIO()
    await chat_loop(bot.host, "en", lines, out)
    await bot.quaid.stop()
    assert scan_files(bot.quaid.config.data_dir) == {}


async def test_pseudonymous_client_ids(demo_harness):
    bot = await demo_harness()
    conv_id, _ = await bot.quaid.start_conversation("test", "en", client_id="PSID-1234567890")
    bot.quaid.store._recent.clear()
    stored = await bot.quaid.store.conversation(conv_id)
    assert stored.client_id and "1234567890" not in stored.client_id
    assert stored.client_id == bot.quaid.pseudonym("test", "PSID-1234567890")
    other_key = bot.quaid.pseudonym("messenger", "PSID-1234567890")
    assert other_key != stored.client_id
