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


# -- Messenger and X: the documented webhooks of a real `quaid serve` -------------------------

APP_SECRET, VERIFY_TOKEN = "e2e-meta-app-secret", "e2e-verify-token"
CONSUMER_SECRET = "e2e-x-consumer-secret"
PSID, X_USER = "7009008007006005", "3009008007"
PLATFORM_BLOCKS = """\
  messenger:
    app_secret: {app_secret}
    verify_token: {verify_token}
    page_access_token: {page_token}
    graph_url: {url}/v19.0
    retry: {{base_delay_s: 0.05, max_delay_s: 0.2, poll_interval_s: 0.05}}
  twitter:
    consumer_secret: {consumer_secret}
    access_token: {x_token}
    account_id: "{x_account}"
    api_url: {url}
    retry: {{base_delay_s: 0.05, max_delay_s: 0.2, poll_interval_s: 0.05}}
"""


def messenger_body(number: int, text: str) -> bytes:
    event = {"sender": {"id": PSID}, "recipient": {"id": "102030405060708"}, "timestamp": 1764900000000 + number,
             "message": {"mid": f"m_e2e{number}", "text": text}}
    return json.dumps({"object": "page", "entry": [{"id": "102030405060708", "time": 1764900000000,
                                                    "messaging": [event]}]}).encode()


def x_body(number: int, text: str, account: str) -> bytes:
    event = {"type": "message_create", "id": str(1_900_000_000_000_000_000 + number),
             "created_timestamp": str(1764900000000 + number),
             "message_create": {"target": {"recipient_id": account}, "sender_id": X_USER,
                                "message_data": {"text": text, "entities": {}}}}
    return json.dumps({"for_user_id": account, "direct_message_events": [event]}).encode()


def platform_config(tmp_path: Path, url: str) -> Path:
    """The demo config at debug level, with Messenger and X pointed at the fake on loopback
    and X conversations going straight to the helpdesk, as the agency works."""
    from tests.channels.fake_platforms import PAGE_TOKEN, X_ACCOUNT, X_TOKEN

    root = Path(__file__).resolve().parent.parent
    text = (root / "config" / "quaid.yaml").read_text()
    text = text.replace("kb: kb", f"kb: {root / 'config' / 'kb'}").replace("level: info", "level: debug")
    blocks = PLATFORM_BLOCKS.format(app_secret=APP_SECRET, verify_token=VERIFY_TOKEN, page_token=PAGE_TOKEN,
                                    url=url, consumer_secret=CONSUMER_SECRET, x_token=X_TOKEN,
                                    x_account=X_ACCOUNT)
    text = text.replace("plugins:\n", "plugins:\n" + blocks, 1)
    text = text.replace("dialogue:\n", "dialogue:\n  channels_without_bot: [twitter]\n", 1)
    config = tmp_path / "quaid.yaml"
    config.write_text(text)
    (tmp_path / "site").symlink_to(root / "config" / "site")
    return config


def outbox_counts(database: Path) -> dict[str, dict[str, int]]:
    """Outbox items by target and status, read while the server runs."""
    import sqlite3

    if not database.exists():
        return {}
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        found: dict[str, dict[str, int]] = {}
        for target, status, count in db.execute(
                "SELECT target, status, count(*) FROM quaid_outbox GROUP BY target, status"):
            found.setdefault(target, {})[status] = count
    return found


async def settle(database: Path, inbound: int, timeout: float = 90) -> dict[str, dict[str, int]]:
    """Wait until every inbound message of both channels was handled and nothing is pending."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        counts = outbox_counts(database)
        handled = all(sum(counts.get(f"{c}_in", {}).values()) == inbound for c in ("messenger", "twitter"))
        if handled and not any(by.get("pending") for by in counts.values()):
            return counts
        assert time.monotonic() < deadline, counts
        await asyncio.sleep(0.2)


async def test_messenger_and_x_via_real_server_then_scan_db_logs_and_platform_calls(tmp_path):
    """`quaid serve` with Messenger and X enabled against a fake Graph / X API on loopback:
    every message of :data:`MESSAGES` arrives by each platform's signed webhook; then the
    database file (with its WAL), the server's debug log, the webhook answers and every call
    the server made to the platforms are scanned for the raw values."""
    import base64
    import hashlib
    import hmac
    import sqlite3

    from tests.channels.fake_platforms import X_ACCOUNT, FakePlatforms

    fake = await FakePlatforms().start()
    port, data, log = free_port(), tmp_path / "data", tmp_path / "server.log"
    config = platform_config(tmp_path, fake.url)
    answers: list[str] = []
    try:
        with log.open("wb") as out:
            proc = start_quaid(port, data, "--config", str(config), stdout=out, stderr=subprocess.STDOUT)
            try:
                async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
                    await wait_healthy(http)
                    for number, message in enumerate(MESSAGES):
                        raw = messenger_body(number, message)
                        digest = hmac.new(APP_SECRET.encode(), raw, hashlib.sha256).hexdigest()
                        async with http.post("/api/messenger/webhook", data=raw,
                                             headers={"X-Hub-Signature-256": f"sha256={digest}"}) as resp:
                            assert resp.status == 200, await resp.text()
                            answers.append(await resp.text())
                        raw = x_body(number, message, X_ACCOUNT)
                        mac = hmac.new(CONSUMER_SECRET.encode(), raw, hashlib.sha256).digest()
                        async with http.post("/api/twitter/webhook", data=raw, headers={
                                "x-twitter-webhooks-signature": "sha256=" + base64.b64encode(mac).decode()}) as resp:
                            assert resp.status == 200, await resp.text()
                            answers.append(await resp.text())
                    counts = await settle(data / "quaid.sqlite3", len(MESSAGES))
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    finally:
        await fake.stop()

    assert counts["messenger_in"] == {"done": len(MESSAGES)} and counts["twitter_in"] == {"done": len(MESSAGES)}
    assert fake.texts(PSID), "the bot answered on Messenger"
    with sqlite3.connect(data / "quaid.sqlite3") as db:
        stored = {channel: [text for (text,) in db.execute(
            "SELECT m.text FROM quaid_message m JOIN quaid_conversation c ON c.id = m.conversation_id "
            "WHERE c.channel = ? AND m.author = 'client'", (channel,))] for channel in ("messenger", "twitter")}
    for channel, texts in stored.items():  # what was said was stored, redacted
        assert len(texts) == len(MESSAGES), (channel, texts)
        assert any("[EMAIL]" in text for text in texts) and any("[PASSPORT]" in text for text in texts), texts
    outbound = json.dumps([call.body for call in fake.calls]).encode()
    assert leaks(outbound) == [] and leaks("\n".join(answers).encode()) == []
    assert scan_files(data) == {}
    assert leaks(log.read_bytes()) == []
