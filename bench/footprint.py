"""Footprint of one worker: resident memory after start-up and after N messages, ready time.

    python bench/footprint.py [--messages 100000] [--clients 100]
                              [--variant NAME[:VAR=VALUE,...]] [--trace DIR]

Starts `quaid serve` (one worker, the default config as bench/throughput.py sets it up: every
limit of the web API off, logging at warning, models trained once beforehand and cached)
pinned to core 0, and drives it from core 1 with bench/throughput.py's simulated clients
(the same mix of conversations). Per variant, in one run: seconds until /healthz answers
(models cached), VmRSS of the worker after start-up, then after every `--step` messages
until `--messages`, and the growth. A variant is a name and environment variables for the
server (``--variant arena8:MALLOC_ARENA_MAX=8``) or, for dotted names, settings of the config
(``--variant high:plugins.lingua.accuracy=high``); ``default`` is `quaid serve` as it is.
``--trace DIR`` also sets ``QUAID_TRACEMALLOC`` and signals the worker (SIGUSR1) after start-up
and at the end: DIR/NAME.txt holds its tracemalloc diffs and allocator statistics (tracing
costs CPU and some memory: compare RSS only between runs without it).

Prints one JSON object a line per variant (and the machine's load average first).

Measured 2026-12-05 (2 cores, load ~3-4, 100 clients, 100k messages, same run per pair):
helpdesk queue passes reading whole tickets (transcript and candidates JSON; the previous
assignment.py first on PYTHONPATH) vs light tickets: 312.0 -> 386.4 MB vs 311.9 -> 362.8 MB
(growth from 20k to 100k messages 31.7 vs 9.5 MB); lingua high-accuracy vs low + function
words: 367.2 vs 311.8 MB after start-up; MALLOC_ARENA_MAX=2: 353.6 vs 353.2 MB after 100k
and a periodic malloc_trim (every 10 s): 360.5 vs 358.8 MB, both not kept. The first ~1,500
messages add ~26 MB (13 of them with 100 connections rather than 10), then ~2.5 MB per 20k.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import Load, bench_config, free_port, rss_mb, stop, wait_healthy


def parse_variant(text: str) -> tuple[str, dict[str, str]]:
    name, _, assignments = text.partition(":")
    env = dict(item.split("=", 1) for item in assignments.split(",") if item)
    return name, env


def configured(tmp: Path, settings: dict[str, str]) -> Path:
    """bench/throughput.py's config with dotted keys set (``plugins.lingua.accuracy=high``;
    values read as YAML)."""
    path = bench_config(tmp)
    if settings:
        data = yaml.safe_load(path.read_text())
        for dotted, value in settings.items():
            *parents, last = dotted.split(".")
            node = data
            for key in parents:
                if not isinstance(node.get(key), dict):
                    node[key] = {}
                node = node[key]
            node[last] = yaml.safe_load(value)
        path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


async def drive(port: int, clients: int, messages: int, step: int, pid: int) -> list[tuple[int, float]]:
    """Messages sent and the worker's RSS after each `step` of them, until `messages`."""
    load = Load(port, clients)
    points: list[tuple[int, float]] = []
    tasks = [asyncio.create_task(load.client()) for _ in range(clients)]
    try:
        mark = step
        while load.messages < messages and not all(task.done() for task in tasks):
            await asyncio.sleep(0.2)
            if load.messages >= mark:
                points.append((load.messages, rss_mb(pid)["worker_max"]))
                mark += step
    finally:
        load.stop = True
        await asyncio.wait(tasks, timeout=35)
        for task in tasks:
            task.cancel()
    points.append((load.messages, rss_mb(pid)["worker_max"]))
    if load.errors:
        points.append((-sum(load.errors.values()), 0.0))
    return points


async def dump(process: subprocess.Popen, trace: Path, timeout: float = 120) -> None:
    """SIGUSR1 to the worker, then wait until its dump is written (a snapshot takes seconds)."""
    dumps = trace.read_text().count("after malloc_trim") if trace.exists() else 0
    process.send_signal(signal.SIGUSR1)
    for _ in range(int(timeout * 5)):
        await asyncio.sleep(0.2)
        if trace.exists() and trace.read_text().count("after malloc_trim") > dumps:
            return


async def measure(name: str, extra_env: dict[str, str], args: argparse.Namespace, tmp: Path,
                  env: dict[str, str]) -> dict[str, Any]:
    quaid = str(Path(sys.executable).parent / "quaid")
    port = free_port()
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    settings = {key: value for key, value in extra_env.items() if "." in key}
    run_env = {**env, **{k: v for k, v in extra_env.items() if k not in settings},
               "QUAID_DATA_DIR": str(tmp / f"data-{name}")}
    trace = args.trace / f"{name}.txt" if args.trace else None
    if trace is not None:
        run_env["QUAID_TRACEMALLOC"] = str(trace)
    cmd = [*pin, quaid, "serve", "--config", str(configured(tmp, settings)), "--port", str(port),
           "--workers", "1"]
    process = subprocess.Popen(cmd, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        ready = await wait_healthy(port, process)
        await asyncio.sleep(0.5)
        after_start = rss_mb(process.pid)["worker_max"]
        if trace is not None:
            await dump(process, trace)
        points = await drive(port, args.clients, args.messages, args.step, process.pid)
        await asyncio.sleep(0.5)
        after = rss_mb(process.pid)["worker_max"]
        if trace is not None:
            await dump(process, trace)
        errors = -points.pop()[0] if points and points[-1][0] < 0 else 0
        return {"variant": name, "env": extra_env, "ready_s": round(ready, 2), "rss_after_start_mb": after_start,
                "rss_after_mb": after, "growth_mb": round(after - after_start, 1),
                "messages": points[-1][0] if points else 0, "errors": errors,
                "rss_by_messages": [[n, r] for n, r in points]}
    finally:
        stop(process)


async def main_async(args: argparse.Namespace) -> None:
    with open("/proc/loadavg", encoding="ascii") as load:
        print(json.dumps({"load_average": load.read().split()[:3]}), flush=True)
    if shutil.which("taskset"):
        os.sched_setaffinity(0, {1 % (os.cpu_count() or 1)})
    with tempfile.TemporaryDirectory(prefix="quaid-footprint-") as tmpdir:
        tmp = Path(tmpdir)
        env = {**os.environ, "QUAID_MODELS_DIR": str(tmp / "models"), "QUAID_DATA_DIR": str(tmp / "train")}
        quaid = str(Path(sys.executable).parent / "quaid")
        train = subprocess.run([quaid, "train", "--config", str(bench_config(tmp))], env=env,
                               capture_output=True, text=True)
        if train.returncode:
            raise SystemExit(f"quaid train failed: {train.stderr[-2000:]}")
        if args.trace:
            args.trace.mkdir(parents=True, exist_ok=True)
        for variant in args.variant or ["default"]:
            name, extra = parse_variant(variant)
            print(json.dumps(await measure(name, extra, args, tmp, env)), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--step", type=int, default=20_000, help="record RSS every this many messages")
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--variant", action="append",
                        help="NAME or NAME:VAR=VALUE,... (environment of the server); repeatable")
    parser.add_argument("--trace", type=Path, help="folder for tracemalloc dumps (QUAID_TRACEMALLOC)")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
