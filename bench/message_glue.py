"""Instructions per message of the whole server (web layer, core, store, plugins) under
callgrind, against a bare aiohttp handler in the same run: a measure of CPU per message that
other work on a shared machine does not disturb (timings there vary +-15 %).

    python bench/message_glue.py [--messages 2000] [--warmup 300] [--clients 1] [--seed 1]
                                 [--only quaid,bare] [--models DIR] [--keep DIR] [--top 40]
                                 [--tree DIR]

How: trains the default config's models once (or reuses `--models DIR`), then starts
`quaid serve` (one worker, the default config as bench/throughput.py sets it: every limit of
the web API off, logging at warning) under ``valgrind --tool=callgrind
--instr-atstart=no``, and drives it through the web API with bench/throughput.py's
SCENARIOS (opening conversations, answers in English and French, quick-reply presses,
clarifications, the fallback search, handoffs...), each client's conversations drawn from
its own seeded random generator. Once the server answers, instrumentation is switched on
(``callgrind_control -i on``), `--warmup` messages are sent, the counters are zeroed
(``callgrind_control -z``), `--messages` messages are sent and the counters dumped
(``callgrind_control -d``). The bare aiohttp server of bench/throughput.py (it parses the
same JSON and answers a fixed reply) is measured the same way with the same requests.

Prints one JSON object: instructions per message (conversation openings are requests
counted in the cost, not as messages, as bench/throughput.py does), for each thread (the
event loop's ``main``, SQLite's, fastText's...), the bare figure and the ratio. With one
client (the default) the requests are the same from run to run; runs of the same length
repeat within ~0.1 % (2,382,749 and 2,383,320 side by side), but some clock-driven work is
left (the helpdesk's feed poll every 5 s, a full assignment pass every 300 s, the idle
check every 60 s): a run made twice as long by a loaded machine counts up to ~1 % more.
Compare commits in runs made side by side (two at once on two cores). More clients batch
more rows a group commit and interleave differently.

Old commit against new: ``git worktree add /tmp/old COMMIT`` then ``--tree /tmp/old`` serves
that checkout's quaidcore and plugins (PYTHONPATH before the editable installs), with this
bench, the same models (``--models``) and the same KB (config/kb of this checkout).

Where the instructions go: ``--keep DIR`` keeps the callgrind files, and ``--top N``
prints the N Python-level functions of ours (quaidcore, plugins) with the most inclusive
instructions, from ``callgrind_annotate --inclusive=yes``. With CPython 3.11 the C frames
are named (``_PyEval_EvalFrameDefault``, ``PyObject_Call``...), not the Python ones: the
Python functions' shares come from py-spy (bench/throughput.py --profile); callgrind gives
the totals and the C-level split (dict, allocation, JSON, sqlite3, uvloop). Takes ~2-4
minutes a server for 2,000 messages (callgrind runs ~50x slower).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from throughput import BARE, SCENARIOS, Connection, bench_config, free_port, step_body, stop, wait_healthy

ROOT = Path(__file__).resolve().parent.parent


class Driver:
    """Clients going through seeded scenarios until a budget of messages is spent."""

    def __init__(self, port: int, clients: int, seed: int) -> None:
        self.port = port
        self.randoms = [random.Random(seed * 1000 + i) for i in range(clients)]
        self.budget = 0
        self.messages = 0
        self.requests = 0
        self.errors: dict[str, int] = {}
        self.kinds: dict[str, int] = {}

    async def send(self, messages: int) -> None:
        """`messages` more messages (openings not counted) from every client at once."""
        self.budget = messages
        conns = []
        for _ in self.randoms:
            _, conn = await asyncio.get_running_loop().create_connection(Connection, "127.0.0.1", self.port)
            conns.append(conn)
        try:
            await asyncio.gather(
                *(self.client(conn, rng) for conn, rng in zip(conns, self.randoms, strict=True))
            )
        finally:
            for conn in conns:
                if conn.transport is not None:
                    conn.transport.close()

    async def client(self, conn: Connection, rng: random.Random) -> None:
        weights = [w for w, _, _ in SCENARIOS]
        while self.budget > 0:
            _, _, steps = rng.choices(SCENARIOS, weights)[0]
            await self.conversation(conn, steps)

    def _error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    async def conversation(self, conn: Connection, steps: list[tuple[str, Any]]) -> None:
        lang = next((arg for op, arg in steps if op == "lang"), None)
        self.requests += 1
        status, raw = await conn.request(
            "/api/web/conversations", json.dumps({"lang": lang} if lang else {}).encode(), 600
        )
        if status != 201:
            self._error(f"http_{status}")
            return
        opened = json.loads(raw)
        path = f"/api/web/conversations/{opened['conversation_id']}/messages"
        last = opened.get("replies", [])
        for op, arg in steps:
            if op == "lang":
                continue
            if self.budget <= 0:
                return
            self.budget -= 1
            body = step_body(op, arg, last)
            self.requests += 1
            status, raw = await conn.request(path, json.dumps(body).encode(), 600)
            if status != 200:
                self._error(f"http_{status}")
                return
            self.messages += 1
            last = json.loads(raw).get("replies", [])
            for reply in last:
                kind = str(reply.get("kind"))
                self.kinds[kind] = self.kinds.get(kind, 0) + 1


async def control(pid: int, port: int, *args: str) -> None:
    """``callgrind_control ARGS PID``; should it not answer within 5 s, the server is woken by
    /healthz requests (valgrind reads its command file only while the program runs)."""
    process = await asyncio.create_subprocess_exec(
        "callgrind_control", *args, str(pid), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    waited = asyncio.create_task(process.communicate())
    await asyncio.wait([waited], timeout=5)
    while not waited.done():
        with contextlib.suppress(OSError, TimeoutError):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            await asyncio.wait_for(reader.read(), 60)
            writer.close()
        await asyncio.wait([waited], timeout=0.5)
    out, _ = waited.result()
    if process.returncode:
        raise RuntimeError(f"callgrind_control {' '.join(args)}: {out.decode(errors='replace')[-500:]}")


def totals(files: list[Path]) -> dict[str, int]:
    """Instructions (Ir) of each thread's dump file."""
    found = {}
    for path in files:
        match = re.search(r"^(?:summary|totals): (\d+)", path.read_text(errors="replace"), re.M)
        thread = re.search(r"-(\d+)$", path.name)
        found[f"thread{thread.group(1) if thread else ''}"] = int(match.group(1)) if match else 0
    return found


async def measure(
    name: str, cmd: list[str], env: dict[str, str], port: int, out: Path, args: argparse.Namespace
) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    prefix = out / f"{name}.callgrind"
    valgrind = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        "--separate-threads=yes",
        f"--callgrind-out-file={prefix}.%p",
    ]
    process = subprocess.Popen([*valgrind, *cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        try:
            await wait_healthy(port, process, 1, timeout=1800)
        except RuntimeError as exc:
            stop(process)
            err = process.stderr.read().decode(errors="replace")[-1500:] if process.stderr else ""
            return {"error": f"{exc}: {err.strip()}"}
        driver = Driver(port, args.clients, args.seed)
        await control(process.pid, port, "-i", "on")
        started = time.monotonic()
        await driver.send(args.warmup)
        await control(process.pid, port, "-z")
        before = driver.messages, driver.requests
        await driver.send(args.messages)
        for old in out.glob(f"{prefix.name}.{process.pid}*"):
            old.unlink()
        await control(process.pid, port, "-d")
        took = time.monotonic() - started
        messages, requests = driver.messages - before[0], driver.requests - before[1]
        files = sorted(out.glob(f"{prefix.name}.{process.pid}*"))
        by_thread = totals([f for f in files if f.stat().st_size])
        instructions = sum(by_thread.values())
        # thread 1 is the event loop's; the others SQLite's, fastText's, the default executor's
        threads = {
            ("main" if k == "thread01" else k): round(v / messages)
            for k, v in sorted(by_thread.items(), key=lambda item: -item[1])
            if v
        }
        return {
            "instructions_per_message": round(instructions / messages) if messages else None,
            "by_thread": threads,
            "messages": messages,
            "requests": requests,
            "errors": driver.errors,
            "reply_kinds": driver.kinds,
            "seconds": round(took, 1),
            "files": [str(f) for f in files],
        }
    finally:
        stop(process)


def our_functions(files: list[str], top: int) -> list[tuple[str, float]]:
    """Inclusive shares of the biggest C-level functions (callgrind_annotate)."""
    shares = []
    for path in files:
        text = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", path], capture_output=True, text=True
        ).stdout
        total = re.search(r"^([\d,]+) \(100.0%\)\s+PROGRAM TOTALS", text, re.M)
        if not total:
            continue
        for line in text.splitlines():
            match = re.match(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S.*)$", line)
            if match and "PROGRAM TOTALS" not in line:
                shares.append((match.group(3)[:120], int(match.group(1).replace(",", ""))))
    merged: dict[str, int] = {}
    for name, count in shares:
        merged[name] = merged.get(name, 0) + count
    grand = sum(v for k, v in merged.items() if "???:0x" not in k) or 1
    return [(k, v) for k, v in sorted(merged.items(), key=lambda item: -item[1])[:top]] if grand else []


def quiet_config(path: Path) -> Path:
    """bench/throughput.py's config without the work that runs by the clock, which callgrind's
    ~50x slower run would count ~50x as often a message as a run at full speed, and which varies
    with the machine's load: the helpdesk reading its change feed every 0.25 s (~0.85 M
    instructions each: ~3.4 M a second of an idle server), its full assignment pass every 5 s,
    the review's and the console's polls. They run at their longest intervals here."""
    data = yaml.safe_load(path.read_text())
    plugins = data.setdefault("plugins", {})
    if "helpdesk" in plugins:
        helpdesk = plugins["helpdesk"] = plugins["helpdesk"] or {}
        helpdesk["assignment"] = {
            **(helpdesk.get("assignment") or {}),
            "pass_interval_s": 300,
            "live_poll_s": 5,
        }
        helpdesk["review"] = {**(helpdesk.get("review") or {}), "sync_s": 3600}
        helpdesk["poll_interval_s"] = 60
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {
        "benchmark": "message_glue",
        "messages": args.messages,
        "warmup": args.warmup,
        "clients": args.clients,
        "seed": args.seed,
    }
    with tempfile.TemporaryDirectory(prefix="quaid-glue-") as tmpdir:
        tmp = Path(tmpdir)
        keep = args.keep or tmp / "callgrind"
        models = args.models or tmp / "models"
        env = {
            **os.environ,
            "QUAID_MODELS_DIR": str(models),
            "QUAID_DATA_DIR": str(tmp / "train"),
            "PYTHONHASHSEED": "0",
        }
        config = quiet_config(bench_config(tmp))
        if "quaid" in args.only and not (models.exists() and any(models.iterdir())):
            train = subprocess.run(
                [str(Path(sys.executable).parent / "quaid"), "train", "--config", str(config)],
                env=env,
                capture_output=True,
                text=True,
            )
            if train.returncode:
                raise SystemExit(f"quaid train failed: {train.stderr[-2000:]}")
        if "bare" in args.only:
            (tmp / "bare.py").write_text(BARE)
            port = free_port()
            result["bare_aiohttp"] = await measure(
                "bare", [sys.executable, str(tmp / "bare.py"), str(port)], env, port, keep, args
            )
            print(
                json.dumps({"bare_aiohttp": result["bare_aiohttp"].get("instructions_per_message")}),
                file=sys.stderr,
                flush=True,
            )
        if "quaid" in args.only:
            port = free_port()
            run_env = {**env, "QUAID_DATA_DIR": str(tmp / "data")}
            if args.tree:  # the server's code from another checkout (git worktree add DIR COMMIT)
                paths = [
                    str(args.tree),
                    *(str(p.parent) for p in sorted(args.tree.glob("plugins/*/*/setup.cfg"))),
                ]
                run_env["PYTHONPATH"] = os.pathsep.join(paths)
            cmd = [
                sys.executable,
                "-m",
                "quaidcore.cli",
                "serve",
                "--config",
                str(config),
                "--port",
                str(port),
                "--workers",
                "1",
            ]
            result["quaid"] = await measure("quaid", cmd, run_env, port, keep, args)
            if args.top and result["quaid"].get("files"):
                result["quaid"]["top_inclusive"] = our_functions(result["quaid"]["files"], args.top)
        quaid = (result.get("quaid") or {}).get("instructions_per_message")
        bare = (result.get("bare_aiohttp") or {}).get("instructions_per_message")
        result["quaid_instructions_per_message"] = quaid
        result["bare_aiohttp_instructions_per_message"] = bare
        result["ratio"] = round(quaid / bare, 2) if quaid and bare else None
        if not args.keep:
            for side in ("quaid", "bare_aiohttp"):
                (result.get(side) or {}).pop("files", None)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000, help="messages measured")
    parser.add_argument("--warmup", type=int, default=300, help="messages before the counters are zeroed")
    parser.add_argument(
        "--clients", type=int, default=1, help="clients at once (1: the same requests each run)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="quaid,bare", type=lambda s: {x for x in s.split(",") if x})
    parser.add_argument("--models", type=Path, help="trained models to reuse (trained there when empty)")
    parser.add_argument("--keep", type=Path, help="folder for the callgrind files (callgrind_annotate them)")
    parser.add_argument(
        "--tree", type=Path, help="serve the code of this checkout (a git worktree of another commit)"
    )
    parser.add_argument("--top", type=int, default=0, help="print the N biggest functions (inclusive)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        raise SystemExit("needs valgrind (apt-get install valgrind)")
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    print(json.dumps(asyncio.run(bench(args)), indent=1))


if __name__ == "__main__":
    main()
