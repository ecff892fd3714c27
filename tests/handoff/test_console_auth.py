"""The agent console's security: sign-in, sessions, roles, CSRF, escaping, no clear passwords."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import logging
from contextlib import AsyncExitStack

import pytest
import structlog
import yaml
from click.testing import CliRunner
from quaid_helpdesk import accounts
from quaid_helpdesk.models import AgentSession, Ticket, TicketMessage
from quaid_helpdesk.throttle import SignInThrottle, address_key, client_address, parse_networks

from quaidcore.cli import cli, discovered_plugins
from quaidcore.config import DEFAULT_CONFIG
from quaidcore.logging import configure
from tests.handoff.conftest import CSRF, PASSWORD, hand_off, handoff_config, sign_in, start_server

XSS = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'
ACTIONS = ["reply", "note", "take", "consult", "consult_done", "resolve"]


async def client_messages(server, conversation_id):
    return [m for m in await server.quaid.store.messages(conversation_id) if m.author == "agent"]


async def ticket_lines(server) -> int:
    with server.quaid.store.bound():
        return await TicketMessage.all().count()


async def test_anonymous_is_sent_to_sign_in_or_refused(server):
    async with server.client() as client, server.client() as anonymous:
        conversation_id = await hand_off(server, client)
        for page in ("/console/", "/console/tickets/1", "/console/agents", "/console"):
            async with anonymous.get(page, allow_redirects=False) as resp:
                assert resp.status in (302, 303), page
                assert resp.headers["Location"].startswith("/console/"), page
        async with anonymous.get("/console/tickets/1") as resp:  # followed: the sign-in form
            assert resp.url.path == "/console/login" and resp.url.query["next"] == "/console/tickets/1"
        for api in ("/console/api/queue", "/console/api/tickets/1", "/console/api/solutions?q=eta"):
            async with anonymous.get(api) as resp:
                assert resp.status == 401, api
                assert "sign in" in (await resp.json())["error"]
        lines = await ticket_lines(server)
        for action in ACTIONS:
            for prefix in ("/console/", "/console/api/"):
                async with anonymous.post(f"{prefix}tickets/1/{action}",
                                          data={"text": "hi", "code": "010102", "solution": "010102"},
                                          allow_redirects=False) as resp:
                    assert resp.status == 401, (prefix, action)
        async with anonymous.post("/console/logout", allow_redirects=False) as resp:
            assert resp.status == 401
        assert await ticket_lines(server) == lines and await client_messages(server, conversation_id) == []


async def test_wrong_role_or_queue_is_forbidden(server):
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("marc", ["agent"], "messenger")
    await server.add_agent("sofia", ["sme"], "*")
    async with server.client() as client, server.client() as sme, server.client() as other:
        conversation_id = await hand_off(server, client)
        sme_csrf = await sign_in(sme, "sofia")
        async with sme.get("/console/tickets/1") as resp:
            assert resp.status == 403, "an expert sees a ticket only when consulted"
        async with sme.get("/console/api/solutions?q=eta") as resp:
            assert resp.status == 403
        async with sme.get("/console/agents") as resp:
            assert resp.status == 403
        for action in ("reply", "resolve", "take"):
            async with sme.post(f"/console/api/tickets/1/{action}", json={"solution": "010102"},
                                headers={"X-CSRF-Token": sme_csrf}) as resp:
                assert resp.status == 403, action
        marc_csrf = await sign_in(other, "marc")
        async with other.get("/console/tickets/1") as resp:
            assert resp.status == 403 and "not in your queues" in await resp.text()
        async with other.get("/console/api/queue") as resp:
            assert (await resp.json())["tickets"] == [], "web tickets are not routed to a messenger agent"
        async with other.post("/console/tickets/1/reply", allow_redirects=False,
                              data={"csrf_token": marc_csrf, "solution": "010102"}) as resp:
            assert resp.status == 403
        async with other.post("/console/agents/alice/disable", data={"csrf_token": marc_csrf}) as resp:
            assert resp.status == 403
        assert await client_messages(server, conversation_id) == []


async def test_csrf_missing_or_wrong_is_403_and_changes_nothing(server):
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("bob", ["agent"], "web")
    async with server.client() as client, server.client() as agent, server.client() as other:
        conversation_id = await hand_off(server, client)
        csrf = await sign_in(agent, "alice")
        bobs = await sign_in(other, "bob")
        assert bobs != csrf
        lines = await ticket_lines(server)
        refused = [
            agent.post("/console/tickets/1/reply", data={"solution": "010102"}),
            agent.post("/console/tickets/1/reply", data={"solution": "010102", "csrf_token": "x" * 43}),
            agent.post("/console/tickets/1/reply", data={"solution": "010102", "csrf_token": bobs}),
            agent.post("/console/tickets/1/resolve", data={"csrf_token": ""}),
            agent.post("/console/api/tickets/1/reply", json={"solution": "010102", "csrf_token": csrf}),
            agent.post("/console/api/tickets/1/note", json={"text": "hi"}, headers={"X-CSRF-Token": "nope"}),
            agent.post("/console/logout", data={}),
        ]
        for request in refused:
            async with request as resp:
                assert resp.status == 403
                assert "CSRF" in await resp.text()
        assert await ticket_lines(server) == lines and await client_messages(server, conversation_id) == []
        async with agent.post("/console/api/tickets/1/note", json={"text": "checked"},
                              headers={"X-CSRF-Token": csrf}) as resp:
            assert resp.status == 200
    async with server.client() as fresh:  # sign-in itself: a double-submit token
        async with fresh.post("/console/login", data={"username": "alice", "password": PASSWORD}) as resp:
            assert resp.status == 403
        async with fresh.get("/console/login") as resp:
            token = CSRF.search(await resp.text()).group(1)
        async with fresh.post("/console/login", data={"csrf_token": token + "x", "username": "alice",
                                                      "password": PASSWORD}) as resp:
            assert resp.status == 403


async def test_client_text_is_escaped(server):
    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as client, server.client() as agent:
        await hand_off(server, client, text=XSS)
        csrf = await sign_in(agent, "alice")
        async with agent.post("/console/tickets/1/note", data={"csrf_token": csrf, "text": XSS}) as resp:
            page = await resp.text()
        assert "<script>alert" not in page and "<img src=x" not in page
        assert page.count("&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;") == 2
        async with agent.get("/console/tickets/1?q=" + "<b>eta</b>") as resp:
            page = await resp.text()
            csp = resp.headers["Content-Security-Policy"]
        assert "<b>eta</b>" not in page and "&lt;b&gt;eta&lt;/b&gt;" in page
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "<script>" not in page.replace('<script src="/console/static/console.js" defer></script>', "")
        async with agent.get("/console/api/tickets/1?after=0") as resp:
            assert resp.content_type == "application/json"
            assert XSS in [m["text"] for m in (await resp.json())["messages"]]


async def test_session_cookie_flags_and_sign_out(server):
    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as agent:
        async with agent.get("/console/login") as resp:
            token = CSRF.search(await resp.text()).group(1)
        async with agent.post("/console/login", allow_redirects=False,
                              data={"csrf_token": token, "username": "Alice", "password": PASSWORD}) as resp:
            assert resp.status == 303 and resp.headers["Location"] == "/console/"
            cookie = next(v for v in resp.headers.getall("Set-Cookie") if v.startswith("quaid_console="))
        flags = [part.strip().lower() for part in cookie.split(";")]
        assert "httponly" in flags and "samesite=strict" in flags and "path=/console" in flags
        assert len(cookie.split(";")[0].split("=", 1)[1]) >= 40, "a long random token"
        async with agent.get("/console/") as resp:
            csrf = CSRF.search(await resp.text()).group(1)
        async with agent.post("/console/logout", data={"csrf_token": csrf}) as resp:
            assert resp.url.path == "/console/login"
        async with agent.get("/console/api/queue") as resp:
            assert resp.status == 401


async def test_wrong_password_unknown_user_and_disabled_account(server):
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("root", ["supervisor"], "*")
    async with server.client() as agent, server.client() as boss:
        for username, password in (("alice", "wrong password!"), ("nobody", PASSWORD)):
            async with agent.get("/console/login") as resp:
                token = CSRF.search(await resp.text()).group(1)
            async with agent.post("/console/login", data={"csrf_token": token, "username": username,
                                                          "password": password}) as resp:
                assert resp.status == 401 and "Wrong username or password" in await resp.text()
        await sign_in(agent, "alice")
        boss_csrf = await sign_in(boss, "root")
        async with boss.post("/console/agents/alice/disable", data={"csrf_token": boss_csrf}) as resp:
            assert resp.status == 200 and "disabled" in await resp.text()
        async with agent.get("/console/api/queue") as resp:
            assert resp.status == 401, "disabling ends the sessions at once"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_throttle_backs_off_per_pair_and_never_slows_the_agent_elsewhere():
    clock = Clock()
    throttle = SignInThrottle(per_address=20, per_account_address=3, per_account=100, clock=clock)
    for _ in range(3):
        assert throttle.attempt("203.0.113.9", "alice") == (0, "")  # a stranger guesses
    delays = []
    for _ in range(6):
        wait, tier = throttle.attempt("203.0.113.9", "alice")
        assert tier == "account_address"
        delays.append(wait)
        clock.now += wait
        assert throttle.attempt("203.0.113.9", "alice") == (0, "")  # after the wait: one more try
    assert delays == [1, 2, 4, 8, 16, 32], "exponential, from the first failure past the allowance"
    assert throttle.attempt("198.51.100.7", "alice") == (0, ""), "Alice, elsewhere, is not slowed"
    throttle.succeeded("198.51.100.7", "alice")
    assert throttle.attempt("203.0.113.9", "bob") == (0, ""), "the stranger may still try another name"


def test_throttle_spraying_usernames_from_one_address_is_slowed():
    clock = Clock()
    throttle = SignInThrottle(per_address=20, per_account_address=5, per_account=100, clock=clock)
    for n in range(20):
        assert throttle.attempt("203.0.113.9", f"user{n}") == (0, "")
    wait, tier = throttle.attempt("203.0.113.9", "user20")
    assert (wait, tier) == (1, "address")
    assert throttle.attempt(address_key("2001:db8:1:2::5"), "user21") == (0, "")
    for n in range(19):
        throttle.attempt(address_key(f"2001:db8:1:2::{n + 6:x}"), f"user{22 + n}")
    assert throttle.attempt(address_key("2001:db8:1:2:ffff::1"), "x")[1] == "address", \
        "IPv6 is counted per /64"


def test_throttle_account_ceiling_spares_known_addresses_and_a_supervisor_lifts_it():
    clock = Clock()
    throttle = SignInThrottle(per_address=20, per_account_address=5, per_account=10, clock=clock)
    assert throttle.attempt("198.51.100.7", "alice") == (0, "")
    throttle.succeeded("198.51.100.7", "alice")  # Alice's office
    for n in range(10):  # guesses spread over ten addresses
        assert throttle.attempt(f"203.0.113.{n}", "alice") == (0, "")
    wait, tier = throttle.attempt("192.0.2.1", "alice")
    assert tier == "account" and wait == 1
    assert throttle.status("alice") == (10, 1)
    assert throttle.attempt("198.51.100.7", "alice") == (0, ""), "the office is exempt from the ceiling"
    throttle.succeeded("198.51.100.7", "alice")
    throttle.unlock("alice")
    assert throttle.attempt("192.0.2.1", "alice") == (0, "")
    for n in range(10):
        throttle.attempt(f"203.0.113.{n}", "alice")
    assert throttle.attempt("192.0.2.2", "alice")[1] == "account"
    clock.now += 0.5
    assert throttle.attempt("192.0.2.2", "alice", unlocked_at=clock.now - 0.1) == (0, ""), \
        "an unlock mark from another process (quaid agents unlock) lifts it too"


def test_throttle_counts_an_attempt_before_the_password_is_checked():
    throttle = SignInThrottle(per_address=100, per_account_address=2, per_account=100, clock=Clock())
    # Three concurrent attempts: the third is refused before the first two were checked.
    assert throttle.attempt("203.0.113.9", "alice") == (0, "")
    assert throttle.attempt("203.0.113.9", "alice") == (0, "")
    assert throttle.attempt("203.0.113.9", "alice")[0] > 0


def test_throttle_forgets_and_stays_bounded():
    clock = Clock()
    throttle = SignInThrottle(per_address=1, per_account_address=1, per_account=1,
                              forget_after_s=60, max_keys=100, clock=clock)
    throttle.attempt("203.0.113.9", "alice")
    assert throttle.attempt("203.0.113.9", "alice")[0] > 0
    clock.now += 61
    assert throttle.attempt("203.0.113.9", "alice") == (0, "")
    for n in range(1000):
        throttle.attempt(f"10.0.{n // 250}.{n % 250}", f"u{n}")
    assert all(len(table) <= 100 for table in throttle.counts.values())


@pytest.mark.parametrize(("remote", "forwarded", "expected"), [
    ("127.0.0.1", "203.0.113.9", "203.0.113.9"),
    ("127.0.0.1", "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client cannot choose its key
    ("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3", "203.0.113.9"),  # through two proxies
    ("127.0.0.1", "garbage", "127.0.0.1"),
    ("192.0.2.1", "203.0.113.9", "192.0.2.1"),  # not a trusted proxy: its header is ignored
    ("::ffff:192.0.2.1", None, "192.0.2.1"),
])
def test_client_address_behind_trusted_proxies(remote, forwarded, expected):
    trusted = parse_networks(["127.0.0.1", "10.0.0.0/8"])
    assert client_address(remote, forwarded, trusted) == expected


async def test_passwords_are_never_stored_or_logged_in_clear(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    raw = handoff_config(tmp_path / "data", {"kb": str(DEFAULT_CONFIG.parent / "kb")})
    config = tmp_path / "quaid.yaml"
    config.write_text(yaml.safe_dump(raw))
    discovered_plugins().register_commands(cli)
    runner = CliRunner()
    saved = structlog.get_config()
    secret, other = "Tr0ub4dor&3-very-secret", "another-secret-passphrase"
    try:
        added = await asyncio.to_thread(runner.invoke, cli, [
            "agents", "add", "alice", "--role", "agent,supervisor", "--channels", "web",
            "--password-stdin", "--config", str(config)], input=secret + "\n")
        assert added.exit_code == 0, added.output
        listed = await asyncio.to_thread(runner.invoke, cli, ["agents", "list", "--config", str(config)])
        assert "alice" in listed.output and "agent,supervisor" in listed.output
        logs = io.StringIO()
        configure("json", "debug", logs)
        server = await start_server(tmp_path / "data", {"kb": str(DEFAULT_CONFIG.parent / "kb")})
        try:
            async with server.client() as agent:
                async with agent.get("/console/login") as resp:
                    token = CSRF.search(await resp.text()).group(1)
                async with agent.post("/console/login", data={"csrf_token": token, "username": "alice",
                                                              "password": secret[::-1]}) as resp:
                    assert resp.status == 401
                await sign_in(agent, "alice", secret)
                session_token = next(c.value for c in agent.cookie_jar if c.key == "quaid_console")
                async with agent.get("/console/agents") as resp:
                    assert "alice" in await resp.text()
            with server.quaid.store.bound():
                assert await Ticket.all().count() == 0
                session_row = hashlib.sha256(session_token.encode()).hexdigest()
                assert await AgentSession.exists(id=session_row), "the session is kept as its hash"
            data_dir = server.quaid.config.data_dir
        finally:
            await server.runner.cleanup()
        # The command line runs as its own process would: not beside a running server.
        changed = await asyncio.to_thread(runner.invoke, cli, [
            "agents", "password", "alice", "--password-stdin", "--config", str(config)],
            input=other + "\n")
        assert changed.exit_code == 0, changed.output
    finally:
        structlog.configure(**saved)
    stored = b"".join(p.read_bytes() for p in data_dir.glob("quaid.sqlite3*"))
    assert b"$argon2id$" in stored
    for clear in (secret, secret[::-1], other):
        assert clear.encode() not in stored, "a password is in the database"
        for output in (added.output, listed.output, changed.output, logs.getvalue(), caplog.text):
            assert clear not in output, "a password is in the logs"
    assert session_token.encode() not in stored, "session tokens are stored hashed"


def test_cli_refuses_bad_accounts(tmp_path):
    raw = handoff_config(tmp_path / "data", {"kb": str(DEFAULT_CONFIG.parent / "kb")})
    config = tmp_path / "quaid.yaml"
    config.write_text(yaml.safe_dump(raw))
    discovered_plugins().register_commands(cli)
    runner = CliRunner()

    def agents(*args: str, password: str = PASSWORD):
        return runner.invoke(cli, ["agents", *args, "--config", str(config)], input=password + "\n")

    assert agents("add", "bob", "--password-stdin", password="short").exit_code != 0
    assert "at least 10 characters" in agents("add", "bob", "--password-stdin", password="short").output
    assert "unknown role" in agents("add", "bob", "--role", "admin", "--password-stdin").output
    assert agents("add", "bob", "--role", "sme", "--channels", "web,messenger", "--password-stdin").exit_code == 0
    assert "already exists" in agents("add", "bob", "--password-stdin").output
    assert agents("disable", "bob").exit_code == 0
    assert "disabled" in agents("list").output
    assert "no agent named" in agents("disable", "nobody").output
    unlocked = agents("unlock", "Bob")
    assert unlocked.exit_code == 0 and "unlocked Bob" in unlocked.output
    assert "no agent named" in agents("unlock", "nobody").output
    off = tmp_path / "off.yaml"
    off.write_text(yaml.safe_dump({**raw, "plugins": {"web": {}, "fuzzy": {}}, "handoff": {}}))
    result = runner.invoke(cli, ["agents", "list", "--config", str(off)])
    assert result.exit_code != 0 and "helpdesk plugin is not enabled" in result.output


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example", "/elsewhere"])
async def test_sign_in_never_redirects_off_the_console(server, next_url):
    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as agent:
        async with agent.get("/console/login") as resp:
            token = CSRF.search(await resp.text()).group(1)
        async with agent.post("/console/login", allow_redirects=False, data={
                "csrf_token": token, "username": "alice", "password": PASSWORD, "next": next_url}) as resp:
            assert resp.headers["Location"] == "/console/"


async def test_bootstrap_admin_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUAID_ADMIN_USER", "Admin")
    monkeypatch.setenv("QUAID_ADMIN_PASSWORD", "bootstrap-password-1")
    block = {"bootstrap_admin": {"username": "${QUAID_ADMIN_USER:-}", "password": "${QUAID_ADMIN_PASSWORD:-}"}}
    server = await start_server(tmp_path / "data", {"plugins": {"helpdesk": block}})
    try:
        async with server.client() as boss:
            await sign_in(boss, "admin", "bootstrap-password-1")
            async with boss.get("/console/agents") as resp:
                assert resp.status == 200 and "supervisor" in await resp.text()
    finally:
        await server.runner.cleanup()


HUGE_ID = "1" + "0" * 25  # beyond 64 bits


async def test_hostile_input_is_a_4xx_never_a_500(server, caplog):
    """The cases of issue 14, signed in: each is refused as JSON under /console/api/ (HTML on
    pages), nothing reaches the ticket or the client, and nothing is logged as an error."""
    caplog.set_level(logging.INFO)
    await server.add_agent("root", ["supervisor", "agent"], "*")
    async with server.client() as client, server.client() as agent:
        conversation_id = await hand_off(server, client)
        csrf = await sign_in(agent, "root")
        lines = await ticket_lines(server)
        headers = {"X-CSRF-Token": csrf}
        for lang in ("__class__", "model_dump", "model_fields", "__dict__", "de", "", "EN"):
            async with agent.get("/console/api/solutions", params={"q": "eta", "lang": lang}) as resp:
                assert resp.status == 400, lang
                assert "lang" in (await resp.json())["error"]
        async with agent.get("/console/api/solutions", params={"q": "eta", "lang": "fr"}) as resp:
            assert resp.status == 200 and (await resp.json())["solutions"][0]["code"] == "010102"
        for path in (f"/console/api/tickets/{HUGE_ID}", f"/console/tickets/{HUGE_ID}",
                     "/console/api/tickets/4294967296", "/console/api/tickets/0",
                     "/console/api/tickets/%D9%A1"):  # an Arabic-Indic digit one
            async with agent.get(path, allow_redirects=False) as resp:
                assert resp.status == 404, path
                if "/api/" in path:
                    assert "error" in await resp.json()
        for action in ACTIONS:
            async with agent.post(f"/console/api/tickets/{HUGE_ID}/{action}", json={"text": "x"},
                                  headers=headers) as resp:
                assert resp.status == 404 and "error" in await resp.json(), action
        for after in (HUGE_ID, "-1", "abc", "1e3", "٣"):
            async with agent.get("/console/api/tickets/1", params={"after": after}) as resp:
                assert resp.status == 400 and "after" in (await resp.json())["error"], after
        nested = "[" * 1000 + "]" * 1000
        bodies = [
            (f'{{"text": {nested}}}', "nested"), ('{"text": ' + "9" * 5000 + "}", "characters"),
            ('{"text": "\\ud800 hello"}', "surrogate"), ('{"text": "a\\u0000b"}', "control"),
            ('{"text": 12}', "string"), ('{"text": {"$gt": ""}}', "string"), ("[1]", "object"),
            ('{"text": "x"', "malformed"), ('{"text": NaN}', "NaN"), (b"\xff\xfe", "UTF-8"),
            ('{"expert": "\\udc00", "text": "q"}', "surrogate"),
            ('{"solution": "010102", "code": ' + "1" * 65 + "}", "characters"),
        ]
        for action in ("note", "reply", "consult", "consult_done"):
            for body, why in bodies:
                async with agent.post(f"/console/api/tickets/1/{action}", data=body, headers={
                        **headers, "Content-Type": "application/json"}) as resp:
                    assert resp.status == 400, (action, why)
                    assert why in (await resp.json())["error"], (action, why)
        async with agent.post("/console/api/tickets/1/note", data="x" * 70_000,
                              headers={**headers, "Content-Type": "application/json"}) as resp:
            assert resp.status == 413 and "limit" in (await resp.json())["error"]
        async with agent.post("/console/tickets/1/note", data=b"--b\r\nbroken", headers={
                "Content-Type": "multipart/form-data; boundary=b", **headers}) as resp:
            assert resp.status == 400 and "text/html" in resp.content_type
        async with agent.post("/console/tickets/1/note", data={"csrf_token": csrf, "text": "a\x00b"}) as resp:
            assert resp.status == 400
        long_name = "a" * 65
        for path in (f"/console/agents/{long_name}/disable", f"/console/agents/{long_name}/unlock",
                     "/console/agents/%00/disable", "/console/agents/Al%20ice/unlock"):
            async with agent.post(path, data={"csrf_token": csrf}, allow_redirects=False) as resp:
                assert resp.status == 404, path
        async with agent.post("/console/api/tickets/1/consult", headers=headers,
                              json={"expert": long_name, "text": "q"}) as resp:
            assert resp.status == 400 and "subject-matter expert" in (await resp.json())["error"]
        async with agent.get("/console/api/nothing-here") as resp:
            assert resp.status == 404 and "error" in await resp.json()
        async with agent.get("/console/api/tickets/1/note") as resp:
            assert resp.status == 405 and "error" in await resp.json()
            assert "POST" in resp.headers["Allow"]
        assert await ticket_lines(server) == lines and await client_messages(server, conversation_id) == []
        async with agent.post("/console/api/tickets/1/note", json={"text": "still fine", "code": None},
                              headers=headers) as resp:
            assert resp.status == 200
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


async def raw_request(url: str, request: bytes) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(request)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(65536), 10)
    writer.close()
    return answer


async def test_malformed_http_on_the_console_is_answered_without_a_traceback(server, caplog):
    """Requests that aiohttp can parse but whose body is broken: a 4xx and at most one line of
    log, never a traceback at ERROR."""
    caplog.set_level(logging.DEBUG)
    await server.add_agent("root", ["supervisor", "agent"], "*")
    async with server.client() as client, server.client() as agent:
        await hand_off(server, client)
        csrf = await sign_in(agent, "root")
        cookie = next(f"{c.key}={c.value}" for c in agent.cookie_jar if c.key == "quaid_console")
        head = f"Host: x\r\nCookie: {cookie}\r\nX-CSRF-Token: {csrf}\r\nConnection: close\r\n"
        cases = [
            ("POST /console/api/tickets/1/note", "Content-Type: application/json\r\n"
             "Content-Encoding: deflate\r\nContent-Length: 10\r\n", b"not-zlib!!"),
            ("POST /console/tickets/1/note", "Content-Type: application/x-www-form-urlencoded\r\n"
             "Content-Encoding: gzip\r\nContent-Length: 10\r\n", b"not-gzip!!"),
            ("POST /console/tickets/1/note", "Content-Type: multipart/form-data\r\n"
             "Content-Length: 5\r\n", b"--x\r\n"),
            ("POST /console/login", "Content-Type: multipart/form-data; boundary=z\r\n"
             "Content-Length: 9\r\n", b"--z\r\nbad\r"),
        ]
        for line, extra, body in cases:
            answer = await raw_request(server.url, f"{line} HTTP/1.1\r\n{head}{extra}\r\n".encode() + body)
            status = int(answer.split(b" ", 2)[1])
            assert 400 <= status < 500, (line, answer[:200])
    tracebacks = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not tracebacks, [r.getMessage() for r in tracebacks]


def throttled_config(tmp_path):
    return {"plugins": {"helpdesk": {
        "trusted_proxies": ["127.0.0.1"],  # lets the test speak from several addresses
        "sign_in": {"per_address": 6, "per_account_address": 3, "per_account": 8, "base_delay_s": 30}}}}


async def try_sign_in(server, username, password, address, session=None):
    """One sign-in from `address` (through the trusted proxy) in a fresh browser, or `session`."""
    async with AsyncExitStack() as stack:
        if session is None:
            session = await stack.enter_async_context(server.client())
        async with session.get("/console/login") as resp:
            token = CSRF.search(await resp.text()).group(1)
        async with session.post("/console/login", allow_redirects=False, headers={"X-Forwarded-For": address},
                                data={"csrf_token": token, "username": username, "password": password}) as resp:
            return resp.status, resp.headers.get("Retry-After"), await resp.text()


async def test_sign_in_throttling_over_http(tmp_path):
    server = await start_server(tmp_path / "data", throttled_config(tmp_path))
    try:
        await server.add_agent("alice", ["agent"], "web")
        await server.add_agent("root", ["supervisor", "agent"], "*")
        async with server.client() as boss:
            s = server
            for _ in range(3):
                assert (await try_sign_in(s, "alice", "guess-guess", "203.0.113.9"))[0] == 401
            status, retry, page = await try_sign_in(s, "alice", PASSWORD, "203.0.113.9")
            assert status == 429 and 25 <= int(retry) <= 30 and f"try again in {retry} seconds" in page, \
                "even the right password waits: the stranger cannot tell"
            assert (await try_sign_in(s, "alice", PASSWORD, "198.51.100.7"))[0] == 303, \
                "the stranger's failures do not slow Alice on her own address"
            # Spraying usernames from one address: slowed after per_address failures.
            for n in range(3):
                assert (await try_sign_in(s, f"user{n}", "guess-guess", "203.0.113.9"))[0] == 401
            status, retry, page = await try_sign_in(s, "user9", "guess-guess", "203.0.113.9")
            assert status == 429 and "from your address" in page
            # Guessing spread over many addresses reaches the account's ceiling...
            for n in range(5):
                assert (await try_sign_in(s, "alice", "guess-guess", f"192.0.2.{n}"))[0] == 401
            status, retry, page = await try_sign_in(s, "alice", PASSWORD, "192.0.2.200")
            assert status == 429 and "ask a supervisor" in page and int(retry) >= 1
            # ...which spares the address Alice signed in from, and a supervisor lifts.
            assert (await try_sign_in(s, "alice", PASSWORD, "198.51.100.7"))[0] == 303
            assert (await try_sign_in(s, "root", PASSWORD, "198.51.100.8", session=boss))[0] == 303
            async with boss.get("/console/agents") as resp:
                page = await resp.text()
                csrf = CSRF.search(page).group(1)
                assert "/console/agents/alice/unlock" in page and "slowed for" in page
            async with boss.post("/console/agents/alice/unlock", data={"csrf_token": csrf}) as resp:
                assert resp.status == 200 and "/console/agents/alice/unlock" not in await resp.text()
            assert (await try_sign_in(s, "alice", PASSWORD, "192.0.2.200"))[0] == 303
            # An unlock mark written by another process (quaid agents unlock) is honoured too.
            for n in range(8):
                await try_sign_in(s, "alice", "guess-guess", f"192.0.2.{50 + n}")
            assert (await try_sign_in(s, "alice", PASSWORD, "192.0.2.201"))[0] == 429
            with server.quaid.store.bound():
                await accounts.unlock("alice")
            assert (await try_sign_in(s, "alice", PASSWORD, "192.0.2.201"))[0] == 303
    finally:
        await server.runner.cleanup()


async def test_a_json_body_in_several_segments_is_read_whole(server):
    """A long note that arrives in three TCP segments is stored whole (a single
    ``content.read(n)`` returns only the first segment)."""
    await server.add_agent("root", ["supervisor", "agent"], "*")
    async with server.client() as client, server.client() as agent:
        await hand_off(server, client)
        csrf = await sign_in(agent, "root")
        cookie = next(f"{c.key}={c.value}" for c in agent.cookie_jar if c.key == "quaid_console")
        text = "word " * 790  # under the 4,000-character limit
        body = json.dumps({"text": text}).encode()
        host, port = server.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(f"POST /console/api/tickets/1/note HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n"
                     f"X-CSRF-Token: {csrf}\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode())
        for piece in (body[:10], body[10:2000], body[2000:]):
            writer.write(piece)
            await writer.drain()
            await asyncio.sleep(0.2)
        answer = await asyncio.wait_for(reader.read(), 10)
        writer.close()
        assert answer.startswith(b"HTTP/1.1 200"), answer[:300]
        async with agent.get("/console/api/tickets/1") as resp:
            notes = [m["text"] for m in (await resp.json())["messages"] if m["kind"] == "note"]
        assert notes == [text.strip()]
