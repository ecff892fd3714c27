"""Shared fixtures. The `quaid_harness` fixture comes from quaidcore.testing (pytest11)."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEMO_CONFIG = ROOT / "config" / "quaid.yaml"
PG = "postgres://postgres@127.0.0.1:5432"


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_service(reason: str) -> None:
    """Skip with `reason`, or fail when CI demands every service (QUAID_REQUIRE_SERVICES=1)."""
    if os.environ.get("QUAID_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


async def rerun_on_postgres(test_file: str, flag: str, passed: int) -> None:
    """Run `test_file` again in a subprocess with the environment variable `flag` set (its
    fixtures then use PostgreSQL) and check that `passed` tests passed there; skipped inside
    that run. A server that cannot be reached skips, or fails in CI."""
    if os.environ.get(flag):
        pytest.skip("this is the PostgreSQL run")
    try:
        import asyncpg

        await (await asyncpg.connect(f"{PG}/test", timeout=5)).close()
    except Exception as exc:
        require_service(f"PostgreSQL on 127.0.0.1:5432 is not reachable ({exc})")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test_file],
                         env={**os.environ, flag: "1"}, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:]
    assert f"{passed} passed" in run.stdout, run.stdout[-2000:]


@asynccontextmanager
async def fresh_postgres(prefix: str) -> AsyncIterator[str]:
    """A new PostgreSQL database on 127.0.0.1:5432 named `prefix` and a random suffix; yields
    its URL and drops it afterwards (a server that cannot be reached skips, or fails in CI)."""
    try:
        import asyncpg

        admin = await asyncpg.connect(f"{PG}/test", timeout=5)
    except Exception as exc:
        require_service(f"PostgreSQL on 127.0.0.1:5432 is not reachable ({exc})")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(scope="session")
def shared_models_dir(tmp_path_factory):
    """One trained-model cache for the whole run: models are keyed by the KB's hash."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch, shared_models_dir):
    """Never write into the checkout's data/ folder from a test."""
    monkeypatch.setenv("QUAID_DATA_DIR", str(tmp_path / "quaid-data"))
    monkeypatch.setenv("QUAID_MODELS_DIR", str(shared_models_dir))


@pytest.fixture
def demo_harness(quaid_harness):
    """The harness on the demo config (every plugin it enables, the demo KB, fastText)."""
    async def factory(**kwargs):
        kwargs.setdefault("config_file", DEMO_CONFIG)
        return await quaid_harness(**kwargs)
    return factory


@asynccontextmanager
async def serving(quaid):
    """The real aiohttp server for `quaid` on a free loopback port; yields a client session."""
    from quaidcore.app import started_web_app

    runner = web.AppRunner(await started_web_app(quaid))
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as session:
            yield session
    finally:
        await runner.cleanup()


def start_quaid(port: int, data_dir, *args: str, **popen) -> subprocess.Popen:
    """`quaid serve` in a subprocess, as a user runs it."""
    quaid = os.path.join(os.path.dirname(sys.executable), "quaid")
    env = {**os.environ, "QUAID_DATA_DIR": str(data_dir)}
    popen.setdefault("stdout", subprocess.DEVNULL)
    popen.setdefault("stderr", subprocess.DEVNULL)
    return subprocess.Popen([quaid, "serve", "--port", str(port), *args], env=env, **popen)


async def wait_healthy(session: aiohttp.ClientSession, timeout: float = 60) -> None:
    """Poll /healthz until the server answers 200."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            async with session.get("/healthz") as resp:
                if resp.status == 200:
                    return
        except aiohttp.ClientConnectionError:
            pass
        assert time.monotonic() < deadline, "server did not start"
        await asyncio.sleep(0.2)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture
async def browser():
    """Headless Debian Chromium through Playwright (a missing one skips, or fails in CI)."""
    if not Path(CHROMIUM).exists():
        require_service(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        require_service("playwright is not installed (pip install -e '.[test]')")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            await launched.close()
