"""Soak test: minutes of mixed traffic against `quaid serve`, watching errors, latency and memory.

    python bench/soak.py [--minutes 30] [--clients 16] [--config FILE] [--port 0]

Starts `quaid serve` in a subprocess (default: the bundled config, with a fresh data folder,
one console account created with `quaid agents add`, quaid's default number of workers) and
drives it with:

- `--clients` concurrent web-chat users; each conversation comes from a new loopback address
  (127.X.Y.Z: Linux routes all of 127/8 to loopback), as separate people would, so the
  per-client rate limits apply as in real life. Each goes through a whole conversation in
  English or French, along a path picked at random: questions from the held-out eval
  sets (answers, "Did you mean…" clarifications), out-of-scope questions (site search),
  feedback yes/no, and requests for a person (handoff); a handed-off client listens on the
  WebSocket for the agent's reply and the survey, then answers the survey;
- one agent in the console (JSON API): polls the queue, reads each open ticket, replies with
  a canned solution, resolves it;
- a few hostile requests (about one every 2 s): JSON nested 1,000 deep, lone surrogates,
  5,000-digit numbers, IDs over 64 characters or beyond 64 bits, oversized and non-UTF-8
  bodies, free text as a payload, `lang=__class__` on the console, anonymous console calls,
  WebSockets on unknown conversations. They must be refused with a 4xx.

Every minute it prints one line: requests, errors, p50/p99 latency of that minute, the
server's RSS (supervisor and workers together). At the end it prints one JSON object: requests, errors (5xx or transport
errors), p99 per minute, RSS at start (after `--warmup-s` of traffic) and end, growth in
percent, what each conversation path did, the hostile requests' statuses and the number of
ERROR lines and tracebacks in the server's log.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "config" / "eval"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
AGENT, PASSWORD = "soak-agent", "soak-password-1234"
PERSON = {"en": ["I want to talk to a person", "can I speak to an agent please"],
          "fr": ["je veux parler à un agent", "puis-je parler à une personne"]}
OUT_OF_SCOPE = {"en": ["what is the weather in paris tomorrow", "recipe for banana bread",
                       "who won the hockey game last night", "how do i fix my bicycle chain"],
                "fr": ["quel temps fera-t-il demain à paris", "recette de pain aux bananes",
                       "qui a gagné le match de hockey hier", "comment réparer la chaîne de mon vélo"]}
WAITING = {"en": "thanks, I will wait", "fr": "merci, j'attends"}
KINDS = {"greeting", "answer", "clarify", "fallback", "handoff", "survey", "agent", "system"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def questions() -> dict[str, list[str]]:
    """Held-out questions by language (the eval sets: never trained on)."""
    found: dict[str, list[str]] = {"en": [], "fr": []}
    for name in ("demo-test.jsonl", "demo-test2.jsonl", "demo-oos.jsonl"):
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                found.setdefault(item.get("lang", "en"), []).append(item["text"])
    return found


def process_tree(root: int) -> list[int]:
    """`root` and its descendants (`quaid serve` runs a supervisor and one worker per core)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def rss_kib(root: int) -> int:
    """Resident memory of the server, supervisor and workers together, in KiB (Linux)."""
    total = 0
    for pid in process_tree(root):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


@dataclass
class Stats:
    """Everything measured, per minute and overall."""

    started: float = field(default_factory=time.monotonic)
    latencies: list[list[float]] = field(default_factory=lambda: [[]])
    statuses: Counter = field(default_factory=Counter)
    errors: int = 0
    transport_errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    paths: Counter = field(default_factory=Counter)
    hostile: Counter = field(default_factory=Counter)

    def record(self, latency: float, status: int | None, what: str = "") -> None:
        self.latencies[-1].append(latency)
        if status is None:
            self.transport_errors += 1
            self.errors += 1
        else:
            self.statuses[status] += 1
            if status >= 500:
                self.errors += 1
        if (status is None or status >= 500) and len(self.error_samples) < 20:
            self.error_samples.append(f"{status} {what}")

    @property
    def requests(self) -> int:
        return sum(len(minute) for minute in self.latencies)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Client:
    """An HTTP session that records the latency and status of every request."""

    def __init__(self, base: str, stats: Stats, local_addr: str | None = None) -> None:
        connector = aiohttp.TCPConnector(local_addr=(local_addr, 0) if local_addr else None, limit=4)
        self.session = aiohttp.ClientSession(base, connector=connector,
                                             cookie_jar=aiohttp.CookieJar(unsafe=True),
                                             timeout=aiohttp.ClientTimeout(total=30))
        self.stats = stats

    async def call(self, method: str, path: str, what: str = "", **kwargs: Any) -> tuple[int | None, Any]:
        started = time.monotonic()
        try:
            async with self.session.request(method, path, **kwargs) as resp:
                raw = await resp.read()
                status = resp.status
        except (TimeoutError, aiohttp.ClientError) as exc:
            self.stats.record(time.monotonic() - started, None, f"{what or path}: {type(exc).__name__}")
            return None, None
        self.stats.record(time.monotonic() - started, status, what or f"{method} {path}")
        try:
            body = json.loads(raw) if raw[:1] in (b"{", b"[") else raw.decode("utf-8", "replace")
        except ValueError:
            body = raw.decode("utf-8", "replace")
        return status, body

    async def close(self) -> None:
        await self.session.close()


async def conversation(client: Client, rng: random.Random, asked: dict[str, list[str]]) -> None:
    """One whole conversation along a path picked at random."""
    stats = client.stats
    lang = rng.choice(("en", "fr"))
    status, body = await client.call("POST", "/api/web/conversations", "open", json={"lang": lang})
    if status != 201:
        return
    stats.paths["conversations"] += 1
    conversation_id = body["conversation_id"]
    path = f"/api/web/conversations/{conversation_id}/messages"

    async def post(**message: str) -> list[dict]:
        status, body = await client.call("POST", path, "message", json=message)
        if status != 200:
            return []
        for reply in body["replies"]:
            stats.paths[reply["kind"]] += 1
        return body["replies"]

    if rng.random() < 0.7:
        await post(payload="SCOPE_GENERAL")
    roll = rng.random()
    if roll < 0.15:
        replies = await post(text=rng.choice(PERSON[lang]))
    elif roll < 0.3:
        replies = await post(text=rng.choice(OUT_OF_SCOPE[lang]))
    else:
        replies = await post(text=rng.choice(asked[lang]))
    for _ in range(4):  # follow the conversation where it leads
        kinds = [r["kind"] for r in replies]
        if not replies or "handoff" in kinds:
            break
        payloads = [q["payload"] for r in replies for q in r["quick_replies"]]
        if "clarify" in kinds:
            codes = [p for p in payloads if p.startswith("CODE:")]
            replies = await post(payload=rng.choice(codes) if codes and rng.random() < 0.85 else "NONE")
        elif "YES" in payloads:
            replies = await post(payload="YES" if rng.random() < 0.6 else "NO")
        elif any(p.startswith("SAT:") for p in payloads):
            replies = await post(payload=f"SAT:{rng.randint(1, 5)}")
        else:
            break
    if replies and replies[-1]["kind"] == "handoff":
        await handed_off(client, conversation_id, lang, post)


async def handed_off(client: Client, conversation_id: str, lang: str, post: Any) -> None:
    """Wait on the WebSocket for the agent's reply and the survey; answer the survey."""
    stats = client.stats
    started = time.monotonic()
    try:
        ws = await client.session.ws_connect(f"/api/web/conversations/{conversation_id}/events",
                                             timeout=aiohttp.ClientWSTimeout(ws_close=5))
    except (TimeoutError, aiohttp.ClientError) as exc:
        stats.record(time.monotonic() - started, None, f"websocket: {type(exc).__name__}")
        return
    stats.record(time.monotonic() - started, 101, "websocket")
    try:
        await post(text=WAITING[lang])  # the agent owns the conversation: the bot is silent
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                msg = await ws.receive(timeout=deadline - time.monotonic())
            except TimeoutError:
                break
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            for reply in json.loads(msg.data)["replies"]:
                stats.paths[f"pushed_{reply['kind']}"] += 1
                sat = [q["payload"] for q in reply["quick_replies"] if q["payload"].startswith("SAT:")]
                if sat:
                    await post(payload=random.choice(sat))
                    stats.paths["survey_answered"] += 1
                    return
        stats.paths["handoff_without_survey"] += 1
    finally:
        await ws.close()


async def web_client(base: str, stats: Stats, n: int, until: float, think: float,
                     asked: dict[str, list[str]]) -> None:
    """One concurrent user slot: conversations one after another, each from a new address."""
    rng = random.Random(n)
    k = 0
    while time.monotonic() < until:
        client = Client(base, stats, local_addr=f"127.{10 + n}.{k // 250 % 250}.{k % 250 + 1}")
        k += 1
        try:
            await conversation(client, rng, asked)
        finally:
            await client.close()
        await asyncio.sleep(rng.uniform(0, 2 * think))


async def sign_in(client: Client) -> str:
    status, page = await client.call("GET", "/console/login", "console login page")
    token = CSRF.search(page).group(1)
    await client.call("POST", "/console/login", "console sign-in",
                      data={"csrf_token": token, "username": AGENT, "password": PASSWORD})
    status, page = await client.call("GET", "/console/", "console queue page")
    found = CSRF.search(page or "")
    if status != 200 or not found:
        raise SystemExit("the soak agent could not sign in to the console")
    return found.group(1)


async def agent(base: str, stats: Stats, until: float) -> None:
    """The console agent: reply to each open ticket with a canned solution, then resolve it."""
    client = Client(base, stats, local_addr="127.0.2.1")
    try:
        csrf = await sign_in(client)
        headers = {"X-CSRF-Token": csrf}
        while time.monotonic() < until + 5:
            status, body = await client.call("GET", "/console/api/queue", "console queue")
            for ticket in (body or {}).get("tickets", []) if status == 200 else []:
                if ticket["status"] != "open":
                    continue
                api = f"/console/api/tickets/{ticket['id']}"
                await client.call("GET", api, "console ticket", params={"after": "0"})
                code = (ticket["candidates"] or [{"code": "010102"}])[0]["code"]
                if code.startswith("@"):
                    code = "010102"
                status, _ = await client.call("POST", f"{api}/reply", "console reply", headers=headers,
                                              json={"solution": code})
                if status == 200:
                    stats.paths["agent_reply"] += 1
                status, _ = await client.call("POST", f"{api}/resolve", "console resolve", headers=headers)
                if status == 200:
                    stats.paths["resolve"] += 1
            await asyncio.sleep(0.5)
    finally:
        await client.close()


def hostile_requests(conversation_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, request options) of requests that must be refused with a 4xx."""
    messages = f"/api/web/conversations/{conversation_id}/messages"
    json_type = {"Content-Type": "application/json"}
    return [
        ("POST", messages, {"data": '{"text": ' + "[" * 1000 + "]" * 1000 + "}", "headers": json_type}),
        ("POST", messages, {"data": '{"text": "hello \\ud800 world"}', "headers": json_type}),
        ("POST", messages, {"data": '{"text": "\\udc00", "payload": "NO"}', "headers": json_type}),
        ("POST", messages, {"data": '{"text": ' + "9" * 5000 + "}", "headers": json_type}),
        ("POST", messages, {"data": b"\xff\xfe\x00garbage", "headers": json_type}),
        ("POST", messages, {"data": '{"text": "' + "x" * 20_000 + '"}', "headers": json_type}),
        ("POST", messages, {"json": {"payload": "my email is soak.leak@example.org"}}),
        ("POST", messages, {"json": {"text": 42}}),
        ("POST", "/api/web/conversations/" + "a" * 200 + "/messages", {"json": {"text": "hi"}}),
        ("POST", "/api/web/conversations/no-such-conversation/messages", {"json": {"text": "hi"}}),
        ("POST", "/api/web/conversations", {"data": "[" * 1000, "headers": json_type}),
        ("GET", "/console/api/solutions?q=eta&lang=__class__", {}),
        ("GET", "/console/api/solutions?q=eta&lang=__dict__", {}),
        ("GET", "/console/api/tickets/" + "9" * 30, {}),
        ("GET", "/console/api/tickets/1?after=" + "9" * 30, {}),
        ("POST", "/console/api/tickets/1/note", {"data": '{"text": "\\ud800"}', "headers": json_type}),
        ("POST", "/console/agents/" + "a" * 65 + "/disable", {}),
        ("WS", "/api/web/conversations/no-such-conversation/events", {}),
    ]


async def hostile(base: str, stats: Stats, until: float, every: float) -> None:
    """A few hostile requests, signed in to the console for half of them."""
    rng = random.Random(-1)
    client = Client(base, stats, local_addr="127.0.3.1")
    anonymous = Client(base, stats, local_addr="127.0.3.2")
    try:
        csrf = await sign_in(client)
        status, body = await client.call("POST", "/api/web/conversations", "open (hostile)", json={})
        conversation_id = body["conversation_id"] if status == 201 else "x"
        requests: list[tuple[str, str, dict[str, Any]]] = []
        while time.monotonic() < until:
            if not requests:  # every hostile request once per round, in a random order
                requests = hostile_requests(conversation_id)
                rng.shuffle(requests)
            method, path, options = requests.pop()
            who = client if rng.random() < 0.5 else anonymous
            if method == "WS":
                started = time.monotonic()
                try:
                    ws = await who.session.ws_connect(path)
                    await ws.close()
                    status = 101
                except aiohttp.WSServerHandshakeError as exc:
                    status = exc.status
                except (TimeoutError, aiohttp.ClientError):
                    status = None
                stats.record(time.monotonic() - started, status, f"hostile {method} {path[:60]}")
            else:
                headers = {**options.get("headers", {}), "X-CSRF-Token": csrf}
                status, _ = await who.call(method, path, f"hostile {method} {path[:60]}",
                                           **{**options, "headers": headers})
            stats.hostile[str(status)] += 1
            await asyncio.sleep(rng.uniform(0, 2 * every))
    finally:
        await client.close()
        await anonymous.close()


async def reporter(stats: Stats, pid: int, minutes: float, warmup_s: float, rss: dict[str, int]) -> None:
    minute = 0
    while minute < int(minutes + 0.999):
        await asyncio.sleep(min(60.0, minutes * 60 - minute * 60))
        if rss.get("start") is None:  # the run was shorter than the warm-up
            rss["start"] = rss_kib(pid)
        minute += 1
        current = stats.latencies[-1]
        stats.latencies.append([])
        rss_now = rss_kib(pid)
        rss.setdefault("per_minute", []).append(rss_now)  # type: ignore[attr-defined]
        print(f"minute {minute}: {len(current)} requests, {stats.errors} errors so far, "
              f"p50 {percentile(current, 0.5) * 1000:.1f} ms, p99 {percentile(current, 0.99) * 1000:.1f} ms, "
              f"RSS {rss_now / 1024:.1f} MiB", file=sys.stderr, flush=True)


async def run(base: str, pid: int, args: argparse.Namespace) -> dict[str, Any]:
    stats = Stats()
    asked = questions()
    until = time.monotonic() + args.minutes * 60
    rss: dict[str, Any] = {"ready": rss_kib(pid)}

    async def baseline() -> None:
        await asyncio.sleep(min(args.warmup_s, args.minutes * 60))
        rss["start"] = rss_kib(pid)

    tasks = [asyncio.create_task(web_client(base, stats, n, until, args.think, asked))
             for n in range(args.clients)]
    tasks += [asyncio.create_task(agent(base, stats, until)),
              asyncio.create_task(hostile(base, stats, until, args.hostile_every)),
              asyncio.create_task(baseline())]
    report = asyncio.create_task(reporter(stats, pid, args.minutes, args.warmup_s, rss))
    await asyncio.gather(*tasks)
    await report
    if len(stats.latencies) > 1:  # requests finishing after the last report: the last minute's
        tail = stats.latencies.pop()
        stats.latencies[-1].extend(tail)
    per_minute = [m for m in stats.latencies if m]
    rss["end"] = rss_kib(pid)
    everything = [x for m in stats.latencies for x in m]
    return {
        "benchmark": "soak", "minutes": args.minutes, "clients": args.clients,
        "requests": stats.requests, "errors": stats.errors, "errors_5xx": stats.errors - stats.transport_errors,
        "transport_errors": stats.transport_errors, "error_samples": stats.error_samples,
        "statuses": {str(k): v for k, v in sorted(stats.statuses.items())},
        "rate_limited_429": stats.statuses.get(429, 0),
        "requests_per_s": round(stats.requests / (args.minutes * 60), 1),
        "p50_ms": round(percentile(everything, 0.5) * 1000, 1),
        "p99_ms": round(percentile(everything, 0.99) * 1000, 1),
        "p99_ms_per_minute": [round(percentile(m, 0.99) * 1000, 1) for m in per_minute],
        "p50_ms_per_minute": [round(statistics.median(m) * 1000, 1) for m in per_minute],
        "rss_mib_ready": round(rss["ready"] / 1024, 1),
        "rss_mib_start": round(rss["start"] / 1024, 1), "rss_mib_end": round(rss["end"] / 1024, 1),
        "rss_growth_pct": round(100 * (rss["end"] - rss["start"]) / rss["start"], 2),
        "rss_mib_per_minute": [round(x / 1024, 1) for x in rss.get("per_minute", [])],
        "replies_by_kind": {k: v for k, v in sorted(stats.paths.items()) if k in KINDS},
        "pushed_by_kind": {k[7:]: v for k, v in sorted(stats.paths.items()) if k.startswith("pushed_")},
        "actions": {k: v for k, v in sorted(stats.paths.items())
                    if k not in KINDS and not k.startswith("pushed_")},
        "hostile_statuses": dict(sorted(stats.hostile.items())),
    }


def prepare(tmp: Path, args: argparse.Namespace) -> tuple[Path, dict[str, str]]:
    """The config to serve and the environment: the bundled config by default, in `tmp`."""
    if args.config:
        config = Path(args.config).resolve()
    else:
        text = (ROOT / "config" / "quaid.yaml").read_text()
        text = text.replace("kb: kb", f"kb: {ROOT / 'config' / 'kb'}").replace("level: info", "level: warning")
        config = tmp / "quaid.yaml"
        config.write_text(text)
        (tmp / "site").symlink_to(ROOT / "config" / "site")
    env = {**os.environ, "QUAID_DATA_DIR": str(tmp / "data"), "QUAID_ADMIN_USER": "",
           "QUAID_ADMIN_PASSWORD": ""}
    return config, env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--clients", type=int, default=16, help="simulated web-chat clients")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between a user's conversations")
    parser.add_argument("--hostile-every", type=float, default=2.0, help="mean seconds between hostile requests")
    parser.add_argument("--warmup-s", type=float, default=30, help="RSS at start is taken after this long")
    parser.add_argument("--config", help="Quaid config (default: the bundled one, in a fresh data folder)")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--workers", type=int, help="quaid serve --workers (default: quaid's, one per core)")
    parser.add_argument("--keep", action="store_true", help="keep the data folder and the server log")
    args = parser.parse_args()
    quaid = str(Path(sys.executable).parent / "quaid")
    tmp = Path(tempfile.mkdtemp(prefix="quaid-soak-"))
    config, env = prepare(tmp, args)
    added = subprocess.run([quaid, "agents", "add", AGENT, "--role", "agent,supervisor", "--channels", "*",
                            "--password-stdin", "--config", str(config)], input=PASSWORD + "\n",
                           env=env, capture_output=True, text=True)
    if added.returncode != 0 and "already exists" not in added.stderr:
        raise SystemExit(f"quaid agents add failed: {added.stderr.strip()}")
    port = args.port or free_port()
    log_path = tmp / "server.log"
    with log_path.open("wb") as log:
        workers = ["--workers", str(args.workers)] if args.workers else []
        server = subprocess.Popen([quaid, "serve", "--config", str(config), "--port", str(port), *workers],
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600  # the first start trains the NLU model
        while not healthy(port):
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start: {log_path.read_text()[-2000:]}")
            time.sleep(0.5)
        time.sleep(2)  # every worker up, not only the first
        load_before = os.getloadavg()[0]
        result = asyncio.run(run(base, server.pid, args))
        result["load_average_1min"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
        result["cpus"] = os.cpu_count()
        result["server_processes"] = len(process_tree(server.pid))
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    log_text = log_path.read_text(errors="replace")
    result["server_log_error_lines"] = sum(1 for line in log_text.splitlines()
                                           if '"level": "error"' in line or line.startswith("ERROR"))
    result["server_log_tracebacks"] = log_text.count("Traceback")
    if args.keep:
        result["kept"] = str(tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
