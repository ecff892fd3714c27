"""The agent console's security: sign-in, sessions, roles, CSRF, escaping, no clear passwords."""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging

import pytest
import structlog
import yaml
from click.testing import CliRunner
from quaid_helpdesk.console import SignInLimiter
from quaid_helpdesk.models import AgentSession, Ticket, TicketMessage

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


def test_sign_in_limiter():
    limiter = SignInLimiter(3)
    for _ in range(3):
        assert not limiter.blocked("alice")
        limiter.failed("alice")
    assert limiter.blocked("alice") and not limiter.blocked("bob")


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
