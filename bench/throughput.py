"""Throughput of the whole message pipeline against a bare aiohttp handler, in the same run.

    python bench/throughput.py [--seconds 15] [--clients 100] [--messages 100000]
                               [--only sqlite1,sqlite2,pg2] [--profile DIR] [--texts fixed|eval]

Starts `quaid serve` with the default config (config/quaid.yaml, every limit of the web API
off, logging at warning) and drives it with simulated clients through the web API: each
opens a conversation and goes through a scenario drawn from a realistic mix (answers in
English and French, clarifications, the fallback search, handoffs, questions about one's own
file), pressing the quick replies the bot offers, then opens the next conversation. In the
same run a bare aiohttp server that parses the same JSON and returns a fixed reply is driven
by the same clients: that is the ceiling the ratio is taken against.

Setups: `sqlite1` one worker on the embedded SQLite, the server pinned to core 0 and this
load generator to core 1 (taskset); `sqlite2` and `pg2` two workers (`--workers 2`; on
PostgreSQL, a fresh database on 127.0.0.1:5432 per run, dropped afterwards) against a bare
server of two processes on one port; there the load generator shares the cores.

Per setup: warm-up, a measured window (`--seconds`: messages/s, latency percentiles), then
more messages until `--messages` were sent in all, and the server's resident memory after
start-up and after them (per worker: the largest; and the sum). Errors: non-2xx answers,
broken connections and time-outs over the whole run. Prints one JSON object.

`sqlite1_asyncio` is `sqlite1` on asyncio's event loop instead of uvloop (`--loop asyncio`).

`--texts eval` types, in the answer and clarification scenarios, questions drawn from
config/eval's in-scope lines (seeded; understanding-test39 and -test40 are blind and never opened) instead of
the fixed texts, whose short ones all repeat: the caches' best case. The follow-ups ("ok",
"merci", "yes") stay. The JSON says which texts were typed (`texts`).

`--profile DIR` also records the one-worker server with py-spy during the measured window
(DIR/sqlite1.txt: collapsed stacks) and adds its top entries to the JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/test"

# The bare server: parses the JSON body as the web channel does and answers a fixed reply.
BARE = r'''
import json, os, sys, uuid
from aiohttp import web

REPLY = {"replies": [{"text": "ok", "kind": "system", "code": None, "links": [], "quick_replies": []}],
         "lang": "en"}

async def open_conversation(request):
    raw = await request.read()
    json.loads(raw) if raw.strip() else {}
    return web.json_response({"conversation_id": uuid.uuid4().hex, **REPLY}, status=201)

async def message(request):
    body = json.loads(await request.read())
    if not isinstance(body, dict):
        raise web.HTTPBadRequest()
    return web.json_response(REPLY)

WORKER = 0

async def healthz(request):
    return web.json_response({"status": "ok", "worker": WORKER})

def serve():
    app = web.Application()
    app.router.add_post("/api/web/conversations", open_conversation)
    app.router.add_post("/api/web/conversations/{id}/messages", message)
    app.router.add_get("/healthz", healthz)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None,
                reuse_port=True)

workers = int(sys.argv[2]) if len(sys.argv) > 2 else 1
children = []
for index in range(1, workers):
    pid = os.fork()
    if pid == 0:
        WORKER = index
        serve()
        os._exit(0)
    children.append(pid)
try:
    serve()
finally:
    for pid in children:
        os.kill(pid, 15)
'''

# What a client does, step by step: ("text", words) types; ("press", [payloads]) presses the
# first of these quick replies the last answer offers (else its first one); ("lang", code)
# opens the conversation in that language. Weights: shares of the conversations.
SCENARIOS: list[tuple[int, str, list[tuple[str, Any]]]] = [
    (14, "answer_en", [("press", ["SCOPE_GENERAL"]), ("text", "how much is an eta"), ("press", ["YES"])]),
    (10, "answer_en_direct", [("text", "can i work while i study"), ("press", ["YES"]),
                              ("text", "how do i renew my pr card"), ("press", ["NO", "YES"])]),
    (10, "answer_fr", [("lang", "fr"), ("press", ["SCOPE_GENERAL"]),
                       ("text", "combien coûte un passeport"), ("press", ["YES"])]),
    (8, "answer_fr_typed", [("text", "est-ce que je peux travailler pendant mes etudes"),
                            ("press", ["YES"]), ("text", "merci")]),
    (10, "clarify", [("text", "visa"), ("press", ["CODE:", "NONE"]), ("press", ["YES"])]),
    (8, "clarify_fr", [("lang", "fr"), ("text", "permis"), ("press", ["CODE:", "NONE"]), ("press", ["YES"])]),
    (10, "fallback", [("text", "where can i park my car near your office"), ("press", ["NO"]),
                      ("press", ["NO", "YES"])]),
    (8, "handoff", [("press", ["SCOPE_GENERAL"]), ("text", "i want to talk to a real person"),
                    ("text", "hello? is anyone there")]),
    (6, "own_file", [("text", "what is the status of my application"), ("text", "ok thanks")]),
    (8, "chit_chat", [("text", "hello"), ("text", "ok"), ("text", "how much is a passport")]),
    (8, "survey", [("press", ["PERSON"]), ("text", "merci")]),
]

# `--texts eval`: in these scenarios (the answers and clarifications) every typed question is
# drawn from config/eval's in-scope lines of the scenario's language instead of the fixed text
# above; the follow-ups below stay as they are (they do repeat in real chats). The default,
# `--texts fixed`, types the texts above: every short one repeats, the best case of the NLU's
# and the language detector's short-text caches.
DRAWN = {"answer_en": "en", "answer_en_direct": "en", "answer_fr": "fr", "answer_fr_typed": "fr",
         "clarify": "en", "clarify_fr": "fr"}
FOLLOW_UPS = frozenset({"ok", "ok thanks", "thanks", "merci", "yes", "oui"})
# Blind: never opened, not even to count its lines.
BLIND_EVAL = frozenset({"understanding-test39.jsonl", "understanding-test40.jsonl"})


class EvalTexts:
    """config/eval/understanding-*.jsonl's in-scope lines (the blind files skipped before
    they are opened), by language; each language's lines shuffled with `seed` and dealt in
    turn (a line comes again only once all of its language's lines were dealt)."""

    def __init__(self, seed: int, folder: Path | None = None) -> None:
        folder = folder or ROOT / "config" / "eval"
        self.files = [p for p in sorted(folder.glob("understanding-*.jsonl")) if p.name not in BLIND_EVAL]
        self.pool: dict[str, list[str]] = collections.defaultdict(list)
        for path in self.files:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    if row.get("kind") == "in_scope" and row.get("text"):
                        self.pool[row.get("lang") or "en"].append(row["text"])
        self.random = random.Random(seed)
        for lines in self.pool.values():
            self.random.shuffle(lines)
        self.next = dict.fromkeys(self.pool, 0)
        self.drawn: collections.Counter[str] = collections.Counter()
        self.presses_skipped = 0  # press steps after a reply that offered no button

    def draw(self, lang: str) -> str:
        lines = self.pool[lang]
        text = lines[self.next[lang] % len(lines)]
        self.next[lang] += 1
        self.drawn[text] += 1
        return text

    def steps(self, name: str, steps: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
        lang = DRAWN.get(name)
        if lang is None:
            return steps
        return [(op, self.draw(lang)) if op == "text" and arg not in FOLLOW_UPS else (op, arg)
                for op, arg in steps]

    def summary(self) -> dict[str, Any]:
        """What was typed: the files, the pool, and how often the drawn texts repeat."""
        n = sum(self.drawn.values())
        short = {t: c for t, c in self.drawn.items() if len(t) <= 32}
        n_short = sum(short.values())
        return {"mode": "eval", "files": [p.name for p in self.files], "skipped_blind": sorted(BLIND_EVAL),
                "pool": {k: len(v) for k, v in sorted(self.pool.items())}, "scenarios": DRAWN,
                "follow_ups_kept": sorted(FOLLOW_UPS), "drawn": n, "distinct": len(self.drawn),
                "presses_skipped": self.presses_skipped,
                "drawn_at_most_32_chars": n_short,
                "drawn_at_most_32_chars_repeats": n_short - len(short),
                "mean_chars": round(sum(len(t) * c for t, c in self.drawn.items()) / n, 1) if n else None,
                "most_drawn": self.drawn.most_common(5)}


def fixed_texts() -> dict[str, Any]:
    texts = sorted({arg for _, _, steps in SCENARIOS for op, arg in steps if op == "text"})
    return {"mode": "fixed", "texts": texts,
            "at_most_32_chars": sum(len(t) <= 32 for t in texts)}


# -- a lean HTTP/1.1 keep-alive client (the load generator must outrun bare aiohttp) -------

class Connection(asyncio.Protocol):
    """One keep-alive connection; one request at a time."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        self.lost: BaseException | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: BaseException | None) -> None:
        self.lost = exc or ConnectionError("closed")
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(self.lost)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0 or self.waiter is None:
            return
        head = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
        length = 0
        for line in head[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
        if len(self.buffer) < end + 4 + length:
            return
        body = bytes(self.buffer[end + 4:end + 4 + length])
        del self.buffer[:end + 4 + length]
        waiter, self.waiter = self.waiter, None
        if not waiter.done():
            waiter.set_result((int(head[0].split(" ", 2)[1]), body))

    async def request(self, path: str, body: bytes, timeout: float) -> tuple[int, bytes]:
        if self.lost is not None or self.transport is None:
            raise ConnectionError("closed")
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (path.encode(), len(body), body))
        return await asyncio.wait_for(self.waiter, timeout)


class Load:
    """Simulated clients against one server; counts messages, latencies and errors."""

    def __init__(self, port: int, clients: int, seed: int = 1, texts: str = "fixed") -> None:
        self.port, self.clients = port, clients
        self.random = random.Random(seed)
        # a draw of its own: the scenarios come in the same order whatever the texts
        self.texts = EvalTexts(seed) if texts == "eval" else None
        self.weights = [w for w, _, _ in SCENARIOS]
        self.messages = 0
        self.opened = 0
        self.errors: collections.Counter[str] = collections.Counter()
        self.window: list[float] | None = None  # latencies (s) of messages while measuring
        self.window_kinds: list[str | None] = []  # the kind of each one's first reply
        self.kinds: collections.Counter[str] = collections.Counter()
        self.scenarios: collections.Counter[str] = collections.Counter()
        self.stop = False

    async def connect(self) -> Connection:
        loop = asyncio.get_running_loop()
        _, conn = await loop.create_connection(Connection, "127.0.0.1", self.port)
        return conn

    async def client(self) -> None:
        conn = await self.connect()
        while not self.stop:
            _, name, steps = self.random.choices(SCENARIOS, self.weights)[0]
            if self.texts is not None:
                steps = self.texts.steps(name, steps)
            try:
                self.scenarios[name] += 1
                await self.conversation(conn, steps)
            except (ConnectionError, OSError, TimeoutError, ValueError) as exc:
                self.errors[type(exc).__name__] += 1
                with contextlib.suppress(Exception):
                    if conn.transport is not None:
                        conn.transport.close()
                if self.stop:
                    return
                await asyncio.sleep(0.1)
                with contextlib.suppress(OSError):
                    conn = await self.connect()
        if conn.transport is not None:
            conn.transport.close()

    async def conversation(self, conn: Connection, steps: list[tuple[str, Any]]) -> None:
        lang = next((arg for op, arg in steps if op == "lang"), None)
        status, raw = await conn.request("/api/web/conversations",
                                         json.dumps({"lang": lang} if lang else {}).encode(), 30)
        if status != 201:
            self.errors[f"http_{status}"] += 1
            return
        opened = json.loads(raw)
        self.opened += 1
        path = f"/api/web/conversations/{opened['conversation_id']}/messages"
        last = opened.get("replies", [])
        for op, arg in steps:
            if self.stop:
                return
            if op == "lang":
                continue
            if op == "press" and self.texts is not None and not any(r.get("quick_replies") for r in last):
                # a drawn question may get a reply without buttons (a handoff, a question
                # about one's own file) where the fixed text got some: nothing to press
                self.texts.presses_skipped += 1
                continue
            body = step_body(op, arg, last)
            started = time.perf_counter()
            status, raw = await conn.request(path, json.dumps(body).encode(), 30)
            took = time.perf_counter() - started
            if status != 200:
                self.errors[f"http_{status}"] += 1
                return
            self.messages += 1
            last = json.loads(raw).get("replies", [])
            if self.window is not None:
                self.window.append(took)
                self.window_kinds.append(last[0].get("kind") if last else None)
            for reply in last:
                self.kinds[reply.get("kind")] += 1

    async def run(self, warmup: float, seconds: float, total_messages: int,
                  during_window: Any = None, cpu: Any = None, threads: Any = None) -> dict[str, Any]:
        tasks = [asyncio.create_task(self.client()) for _ in range(self.clients)]
        try:
            await asyncio.sleep(warmup)
            self.window, self.window_kinds = [], []
            start_messages, started = self.messages, time.perf_counter()
            cpu_start = cpu() if cpu else 0.0
            threads_start = threads() if threads else {}
            if during_window is not None:
                during_window()
            await asyncio.sleep(seconds)
            elapsed, window, done = time.perf_counter() - started, self.window, self.messages - start_messages
            cpu_used = (cpu() if cpu else 0.0) - cpu_start
            threads_used = {k: v - threads_start[k] for k, v in threads().items()} if threads else {}
            self.window = None
            while self.messages < total_messages and not all(t.done() for t in tasks):
                await asyncio.sleep(0.2)
        finally:
            self.stop = True
            await asyncio.wait(tasks, timeout=35)
            for task in tasks:
                task.cancel()
        by_kind = latency_by_kind(window, self.window_kinds)
        window.sort()

        def pct(p: float) -> float:
            return round(window[min(len(window) - 1, int(p * len(window)))] * 1000, 2) if window else -1.0

        return {"msgs_per_s": round(done / elapsed, 1), "p50_ms": pct(0.50), "p99_ms": pct(0.99),
                # server CPU per message (conversation opens included): less noisy than msg/s
                # on a machine shared with other work
                "server_cpu_us_per_msg": round(1e6 * cpu_used / done) if done else None,
                # one worker: the event loop's thread and the others (the database's)
                "server_cpu_us_per_msg_by_thread": {k: round(1e6 * v / done) for k, v in threads_used.items()}
                if done else None,
                "latency_by_reply_kind": by_kind,
                "messages": self.messages, "conversations": self.opened,
                "errors": sum(self.errors.values()), "error_kinds": dict(self.errors)}


def latency_by_kind(took: list[float], kinds: list[str | None]) -> dict[str, dict[str, float]]:
    """Per kind of the first reply (answer, handoff, search...): messages, p50 and p99 in ms."""
    groups: dict[str, list[float]] = collections.defaultdict(list)
    for seconds, kind in zip(took, kinds, strict=False):
        groups[str(kind)].append(seconds)
    found = {}
    for kind, values in sorted(groups.items(), key=lambda item: -len(item[1])):
        values.sort()
        found[kind] = {"n": len(values), "p50_ms": _at(values, 0.50), "p99_ms": _at(values, 0.99)}
    return found


def _at(ordered: list[float], p: float) -> float:
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 2)


# -- the servers -------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the server and its workers have used so far."""
    total = 0.0
    for p in [pid, *_children(pid)]:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def thread_cpu_s(pid: int) -> dict[str, float]:
    """CPU seconds of the server's main thread (the event loop) and of its other threads (the
    database's, fastText's...), one worker only."""
    found = {"main": 0.0, "other_threads": 0.0}
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
                used = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
                found["main" if int(task.name) == pid else "other_threads"] += used
    return found


def rss_mb(pid: int) -> dict[str, float]:
    """Resident memory of the server: the process, or its worker children (largest, sum)."""
    def one(p: int) -> float:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    children = _children(pid)
    # taskset execs the server in place; a parent of workers has children.
    workers = [one(c) for c in children] or [one(pid)]
    return {"worker_max": round(max(workers), 1), "total": round(sum(workers) + (one(pid) if children else 0), 1),
            "processes": len(workers) + (1 if children else 0)}


async def wait_healthy(port: int, process: subprocess.Popen, workers: int = 1, timeout: float = 300) -> float:
    """Seconds until every worker answers /healthz (each new connection lands on one)."""
    started, seen = time.monotonic(), set()
    while time.monotonic() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            answer = await asyncio.wait_for(reader.read(), 5)
            writer.close()
            if b" 200 " in answer.split(b"\r\n", 1)[0]:
                body = answer.split(b"\r\n\r\n", 1)[-1]
                seen.add(json.loads(body).get("worker", 0) if body.strip().startswith(b"{") else 0)
                if len(seen) >= workers:
                    return time.monotonic() - started
                continue
        except (OSError, TimeoutError):
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError("server did not become healthy")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def step_body(op: str, arg: Any, last: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON body of one scenario step: the typed text, or the first offered quick reply
    (of the last replies) that starts with one of `arg`'s payloads, else the first offered."""
    if op == "text":
        return {"text": arg}
    offered = [q["payload"] for r in last for q in r.get("quick_replies") or ()]
    pick = next((p for want in arg for p in offered if p.startswith(want)), None)
    return {"payload": pick or (offered[0] if offered else arg[0])}


def bench_config(tmp: Path, database_url: str | None = None) -> Path:
    """The default config with every limit of the web API off and quiet logging."""
    data = yaml.safe_load((ROOT / "config" / "quaid.yaml").read_text())
    data["kb"] = str(ROOT / "config" / "kb")
    web = data.setdefault("plugins", {}).setdefault("web", {}) or {}
    data["plugins"]["web"] = web
    web["rate_limit_per_minute"] = 0  # 0 turns every limit of the web API off
    with contextlib.suppress(Exception):  # the per-client limits too, where the plugin has them
        from quaid_web import WebConfig

        for key in ("client_messages_per_minute", "client_conversations_per_minute"):
            if key in WebConfig.model_fields:
                web[key] = 0
    data.setdefault("logging", {})["level"] = "warning"
    if database_url:
        data["database_url"] = database_url
    if not (tmp / "site").exists():
        (tmp / "site").symlink_to(ROOT / "config" / "site")
    path = tmp / (f"quaid-{uuid.uuid4().hex[:6]}.yaml")
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@contextlib.asynccontextmanager
async def fresh_database():
    import asyncpg

    admin = await asyncpg.connect(PG_ADMIN, timeout=5)
    name = f"quaid_bench_{uuid.uuid4().hex[:10]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def measure(cmd: list[str], env: dict[str, str], port: int, args: argparse.Namespace,
                  total_messages: int, profile: Path | None = None, workers: int = 1) -> dict[str, Any]:
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    spy: subprocess.Popen | None = None
    try:
        try:
            ready = await wait_healthy(port, process, workers)
        except RuntimeError as exc:
            stop(process)
            err = process.stderr.read().decode(errors="replace")[-800:] if process.stderr else ""
            return {"error": f"{exc}: {err.strip()}"}
        await asyncio.sleep(0.5)
        before = rss_mb(process.pid)

        def start_profile() -> None:
            nonlocal spy
            if profile is not None:
                spy = subprocess.Popen([shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy"),
                                        "record", "--pid", str(process.pid), "--duration",
                                        str(int(args.seconds)), "--rate", "100", "--format", "raw",
                                        "--nonblocking", "--output", str(profile)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        load = Load(port, args.clients, texts=args.texts)
        result = await load.run(args.warmup, args.seconds, total_messages, start_profile,
                                lambda: cpu_s(process.pid),
                                (lambda: thread_cpu_s(process.pid)) if workers == 1 else None)
        after = rss_mb(process.pid)
        if spy is not None:
            spy.wait(timeout=60)
        result.update(startup_s=round(ready, 2), rss_mb={"after_start": before, "after_run": after},
                      reply_kinds=dict(load.kinds.most_common()),
                      scenarios=dict(load.scenarios.most_common()),
                      texts=load.texts.summary() if load.texts is not None else fixed_texts())
        return result
    finally:
        if spy is not None and spy.poll() is None:
            spy.kill()
        stop(process)


def top_of_profile(path: Path, n: int = 25) -> dict[str, list[tuple[str, float]]]:
    """Inclusive and self shares of samples by function, from py-spy's collapsed stacks."""
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        samples = int(count)
        total += samples
        frames = [_frame(f) for f in stack.split(";")]
        for frame in set(frames):
            inclusive[frame] += samples
        own[frames[-1]] += samples
    share = (lambda c: [(f, round(100 * s / total, 1)) for f, s in c.most_common(n)]) if total else (lambda c: [])
    return {"samples": total, "inclusive_pct": share(inclusive), "self_pct": share(own)}


def _frame(frame: str) -> str:
    # "func (path/to/file.py:123)" -> "func (file.py)"
    name, _, where = frame.partition(" (")
    where = where.rstrip(")").rsplit(":", 1)[0]
    parts = where.split("/")
    short = "/".join(parts[-2:]) if len(parts) > 1 else where
    return f"{name} ({short})"


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    quaid = str(Path(sys.executable).parent / "quaid")
    out: dict[str, Any] = {"benchmark": "throughput", "clients": args.clients, "seconds": args.seconds,
                           "messages": args.messages, "cores": os.cpu_count(), "texts": args.texts}
    with tempfile.TemporaryDirectory(prefix="quaid-bench-") as tmpdir:
        tmp = Path(tmpdir)
        (tmp / "bare.py").write_text(BARE)
        models = tmp / "models"
        env = {**os.environ, "QUAID_MODELS_DIR": str(models), "QUAID_DATA_DIR": str(tmp / "train")}
        train = subprocess.run([quaid, "train", "--config", str(bench_config(tmp))], env=env,
                               capture_output=True, text=True)
        if train.returncode:
            raise SystemExit(f"quaid train failed: {train.stderr[-2000:]}")
        pin = shutil.which("taskset") is not None
        for setup in args.only:
            workers = 1 if setup.startswith("sqlite1") else 2
            # one worker: core 0 only; more: every core (this process is pinned to core 1)
            cores = "0" if workers == 1 else f"0-{(os.cpu_count() or 1) - 1}"
            server_pin = ["taskset", "-c", cores] if pin else []
            port = free_port()
            bare = await measure([*server_pin, sys.executable, str(tmp / "bare.py"), str(port), str(workers)],
                                 env, port, args, 0)
            async with contextlib.AsyncExitStack() as stack:
                url = await stack.enter_async_context(fresh_database()) if setup == "pg2" else None
                config = bench_config(tmp, url)
                port = free_port()
                cmd = [*server_pin, quaid, "serve", "--config", str(config), "--port", str(port)]
                cmd += ["--workers", str(workers)]  # the default is one per core
                if setup.endswith("_asyncio"):
                    cmd += ["--loop", "asyncio"]
                run_env = {**env, "QUAID_DATA_DIR": str(tmp / f"data-{setup}")}
                profile = args.profile / f"{setup}.txt" if args.profile and setup == "sqlite1" else None
                result = await measure(cmd, run_env, port, args, args.messages, profile, workers)
            figures: dict[str, Any] = {
                "quaid_msgs_per_s": result.get("msgs_per_s"), "bare_aiohttp_msgs_per_s": bare.get("msgs_per_s"),
                "ratio": (round(result["msgs_per_s"] / bare["msgs_per_s"], 3)
                          if result.get("msgs_per_s") and bare.get("msgs_per_s") else None),
                "p50_ms": result.get("p50_ms"), "p99_ms": result.get("p99_ms"),
                "rss_mb": result.get("rss_mb"), "errors": result.get("errors"),
                "texts": result.get("texts"),
                "cpu_us_per_msg": {"quaid": result.get("server_cpu_us_per_msg"),
                                   "bare_aiohttp": bare.get("server_cpu_us_per_msg"),
                                   "quaid_by_thread": result.get("server_cpu_us_per_msg_by_thread")},
                "workers": workers, "store": "postgresql" if setup == "pg2" else "sqlite",
                "quaid": result, "bare_aiohttp": bare,
            }
            if profile is not None and profile.exists():
                figures["profile"] = top_of_profile(profile)
            if setup == "sqlite1":  # the headline figures are the one-worker ones
                out.update({k: figures[k] for k in ("quaid_msgs_per_s", "bare_aiohttp_msgs_per_s", "ratio",
                                                   "p50_ms", "p99_ms", "rss_mb", "errors", "cpu_us_per_msg")})
            out[setup] = figures
            print(json.dumps({setup: {k: v for k, v in figures.items() if k not in ("quaid", "bare_aiohttp",
                                                                                  "profile")}}),
                  file=sys.stderr, flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15, help="measured window per server")
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--messages", type=int, default=100_000,
                        help="messages sent to each quaid server in all before its RSS is read again")
    parser.add_argument("--only", default="sqlite1,sqlite2,pg2",
                        type=lambda s: [x for x in s.split(",") if x])
    parser.add_argument("--profile", type=Path, help="folder for py-spy's collapsed stacks (one worker)")
    parser.add_argument("--texts", choices=("fixed", "eval"), default="fixed",
                        help="fixed: the scenarios' 17 texts (the default, comparable across sessions); "
                             "eval: the answers' and clarifications' questions drawn from config/eval's "
                             "in-scope lines (understanding-test39 and -test40 never read), seeded")
    args = parser.parse_args()
    unknown = set(args.only) - {"sqlite1", "sqlite2", "pg2", "sqlite1_asyncio"}
    if unknown:
        parser.error(f"unknown setups: {sorted(unknown)}")
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    if shutil.which("taskset"):  # the load generator on core 1, the one-worker server on core 0
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {1 % (os.cpu_count() or 1)})
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    print(json.dumps(asyncio.run(bench(args)), indent=1))


if __name__ == "__main__":
    main()
