"""Throughput of the message pipeline against bare aiohttp, measured in the same run.

    python bench/pipeline.py [--seconds 15] [--connections 100] [--runs 3]

Starts two servers on loopback, each pinned to core 0 (taskset), and drives each with wrk
pinned to core 1: a bare aiohttp route that parses JSON and returns a fixed reply (the
baseline), and `quaid serve` with the given config (default: the bundled one with the web
rate limit off) on POST /api/web/conversations/{id}/messages over 200 conversations. Prints
one JSON object: requests/s and latency percentiles of each, and the ratio. Needs `wrk`
(Debian: apt-get install wrk).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = '''
from aiohttp import web
async def handle(request):
    body = await request.json()
    return web.json_response({"replies": [{"text": "ok", "quick_replies": [], "links": [],
                                           "code": None, "kind": "system", "echo": len(body.get("text", ""))}]})
app = web.Application()
app.router.add_post("/api/web/conversations/{id}/messages", handle)
web.run_app(app, host="127.0.0.1", port=int(__import__("sys").argv[1]), print=None, access_log=None)
'''
LUA = '''
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local ids = {%s}
local texts = {"how much is an eta", "can i work while i study", "how do i renew my pr card",
               "combien coute un passeport", "what is express entry", "hello"}
local n = 0
request = function()
  n = n + 1
  local id = ids[(n %% #ids) + 1]
  local body = '{"text": "' .. texts[(n %% #texts) + 1] .. '"}'
  return wrk.format(nil, "/api/web/conversations/" .. id .. "/messages", nil, body)
end
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"server at {url} did not start")


def post(url: str, body: dict) -> dict:
    req = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as resp:
        return json.load(resp)


def wrk(port: int, script: Path, seconds: int, connections: int) -> dict:
    out = subprocess.run(["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{seconds}s",
                          "--latency", "-s", str(script), f"http://127.0.0.1:{port}"],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p: str) -> float:
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": pct("50"), "p99_ms": pct("99"), "non_2xx": int(errors.group(1)) if errors else 0}


def run_server(cmd: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(["taskset", "-c", "0", *cmd], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure(name: str, cmd: list[str], port: int, ids: list[str] | None, args, env, tmp: Path) -> dict:
    server = run_server(cmd, env)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"{name} did not start") from None
                time.sleep(0.2)
        if ids is None:  # the quaid server: open conversations first
            wait(f"http://127.0.0.1:{port}/healthz")
            ids = [post(f"http://127.0.0.1:{port}/api/web/conversations", {})["conversation_id"]
                   for _ in range(200)]
        script = tmp / f"{name}.lua"
        script.write_text(LUA % ", ".join(f'"{i}"' for i in ids))
        wrk(port, script, 3, args.connections)  # warm-up
        runs = [wrk(port, script, args.seconds, args.connections) for _ in range(args.runs)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"rps": statistics.median(r["rps"] for r in runs),
            "p50_ms": statistics.median(r["p50_ms"] for r in runs),
            "p99_ms": statistics.median(r["p99_ms"] for r in runs),
            "non_2xx": sum(r["non_2xx"] for r in runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--config", help="Quaid config (default: the bundled one, rate limit off)")
    args = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("taskset"):
        print(json.dumps({"error": "needs wrk and taskset (apt-get install wrk util-linux)"}))
        return
    quaid = str(Path(sys.executable).parent / "quaid")
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        config = args.config
        if not config:
            text = (ROOT / "config" / "quaid.yaml").read_text()
            text = text.replace("rate_limit_per_minute: 60", "rate_limit_per_minute: 0")
            text = text.replace("level: info", "level: warning")
            config = tmp / "quaid.yaml"
            config.write_text(text.replace("kb: kb", f"kb: {ROOT / 'config' / 'kb'}"))
            (tmp / "site").symlink_to(ROOT / "config" / "site")
        env = {**os.environ, "QUAID_DATA_DIR": str(tmp / "data")}
        subprocess.run([quaid, "train", "--config", str(config)], env=env, check=True,
                       capture_output=True)
        bare_port, quaid_port = free_port(), free_port()
        (tmp / "bare.py").write_text(BARE)
        baseline = measure("bare", [sys.executable, str(tmp / "bare.py"), str(bare_port)], bare_port,
                           ["x"] * 200, args, env, tmp)
        pipeline = measure("quaid", [quaid, "serve", "--config", str(config), "--port", str(quaid_port)],
                           quaid_port, None, args, env, tmp)
    print(json.dumps({
        "benchmark": "pipeline", "connections": args.connections, "seconds": args.seconds, "runs": args.runs,
        "baseline_bare_aiohttp": baseline, "quaid": pipeline,
        "ratio_rps": round(pipeline["rps"] / baseline["rps"], 3),
    }))


if __name__ == "__main__":
    main()
