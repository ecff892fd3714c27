"""Long hostile texts: does one client's long text slow the other clients down? (issue 14)

    python bench/long_texts.py [--seconds 10] [--clients 20] [--every 1.0] [--rounds 2]
    python bench/long_texts.py --time-shapes [--sizes 2000,8000]

Starts `quaid serve` as flood.py does (the bundled config, a fresh data folder, logging at warning, one worker on
SQLite, the web API's limits at their defaults), with the web chat's text limit raised from 2,000 to 8,000
characters (Messenger's; X allows 10,000) and its body limit to 64 KiB, so that one web client can send what a
client of those channels can. Trained models are kept in `--models` between runs. The server is pinned to core 0
and this load generator to core 1 (taskset).

Real traffic: `--clients` web-chat users in closed loop, flood.py's (throughput.py's scenario mix without the
conversations that end with a person), each conversation from a new loopback address.

The hostile client: every `--every` seconds (open loop: sent on schedule, at most `--in-flight` at once, else
counted as skipped) it opens a fresh conversation from a new address (127.6.X.Y) and sends one long text, in turn
one of HOSTILE below; each text's digits are drawn anew. The shapes are the slowest of CANDIDATES for the patterns
redactor (`--time-shapes`: RedactionChain([PatternRedactor()]).redact, CPU seconds, best of 2). Measured at 7a65657
(load ~5.5 on 2 cores), seconds at 2,000 / 8,000 characters:

    phone_pieces     "le numéro de mon père c'est 06 puis 71 puis 34 puis 56 puis 89, " ...   0.26 / 1.16
    phone_pieces_en  "my sister's mobile is 0917 then 123 then 4567, " ...                    0.17 / 0.78
    call_blanks      "call me at " + 1,990 blanks, repeated                                     0.19 / 0.78
    north_american   "514 555 0143, " ...                                                       0.15 / 0.55
    moo              "1 Moo 2, Thanon " ...                                                     0.14 / 0.58
    letter_en        a pasted letter: file and client numbers, dates, phones, an address        0.08 / 0.38
    names            "Jean Dupont, " x 615                                                      0.05 / 0.22
    (plain phones "06 71 34 56 89 " 0.09 at 2,000; letter_fr 0.08 / 0.29; "A" x 2,000 0.12 / 0.53 at 8,000;
    whatsapp 0.07, names with phones 0.10, "numéro 06 puis ..." 0.19; bare pieces, no cue: 0.01-0.02)

So HOSTILE sends, in turn: phone_pieces at 8,000, call_blanks at 8,000, letter_en at 8,000, phone_pieces_en at
4,000, names at 8,000 (the repeated names), phone_pieces at 2,000 (one window): ~0.5 s of redaction a request on
average, plus the rest of the turn (language, NLU, search) on the long text.

Phases alternate, baseline (real traffic alone) then hostile, `--rounds` times, each a `--warmup` then a measured
window of `--seconds`. Per phase: the real clients' msg/s, p50, p99 and max latency, the server's CPU (% of a core;
the event loop's thread and the others), and in a hostile phase the hostile requests' count, statuses and latency
(p50, max, per shape). The summary gives the median over rounds. Prints one JSON object.

To compare with the redaction on the event loop (before 7a65657): a worktree of 7a65657^ with this file copied
into its bench/, run with `PYTHONPATH=<worktree>` so that its quaidcore is the one served (`quaidcore_long_text`
in the JSON says which: "redaction thread" or "event loop").
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from flood import RealTraffic, close, connect, median, serve_and_run
from soak import prepare, rss_kib
from throughput import cpu_s, thread_cpu_s, wait_healthy

Shape = Callable[[random.Random], str]


def _digits(r: random.Random, n: int) -> str:
    return "".join(str(r.randrange(10)) for _ in range(n))


def _letter_en(r: random.Random) -> str:
    d = _digits
    return (f"Dear Sir or Madam, I am writing about my application {d(r, 2)}{r.choice('ABWX')}{d(r, 6)} submitted on "
            f"{r.randint(1, 28)} May 2024. My client ID is {d(r, 8)}, my date of birth {r.randint(1, 28)}/"
            f"{r.randint(1, 12)}/19{d(r, 2)}, phone +1 {d(r, 3)} {d(r, 3)} {d(r, 4)}. I live at {r.randint(1, 999)} "
            f"Rue {r.choice(['Sainte-Catherine', 'Sherbrooke', 'King'])}, apt {r.randint(1, 40)}, Montréal "
            f"H{d(r, 1)}X {d(r, 1)}Y{d(r, 1)}. ")


def _letter_fr(r: random.Random) -> str:
    d = _digits
    return (f"Madame, Monsieur, je vous écris au sujet de mon dossier n° E{d(r, 9)} du {r.randint(1, 28)}/0"
            f"{r.randint(1, 9)}/2024. Mon UCI est {d(r, 2)}-{d(r, 4)}-{d(r, 4)}, mon passeport AB{d(r, 6)}, téléphone "
            f"{d(r, 3)} {d(r, 3)} {d(r, 4)}. J'ai payé {r.randint(50, 999)} $ le {r.randint(1, 28)} mars, reçu "
            f"{d(r, 10)}. ")


# A piece of text, repeated (digits drawn anew each time) up to the size asked.
CANDIDATES: dict[str, Shape] = {
    "phone_pieces": lambda r: (f"le numéro de mon père c'est 0{r.randint(6, 7)} puis {_digits(r, 2)} puis "
                               f"{_digits(r, 2)} puis {_digits(r, 2)} puis {_digits(r, 2)}, "),
    "phone_pieces_en": lambda r: f"my sister's mobile is 0917 then {_digits(r, 3)} then {_digits(r, 4)}, ",
    "phone_pieces_no_cue": lambda r: (f"0{r.randint(6, 7)} puis {_digits(r, 2)} puis {_digits(r, 2)} puis "
                                      f"{_digits(r, 2)} puis {_digits(r, 2)} "),
    "phone_pieces_numero": lambda r: (f"numéro {_digits(r, 2)} puis {_digits(r, 2)} puis {_digits(r, 2)} puis "
                                      f"{_digits(r, 2)} puis {_digits(r, 2)} et "),
    "plain_phones": lambda r: f"06 {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)} ",
    "north_american": lambda r: f"514 {_digits(r, 3)} {_digits(r, 4)}, ",
    "whatsapp": lambda r: f"+33 6 {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)} c'est mon whatsapp ",
    "names": lambda r: "Jean Dupont, ",
    "names_with_phones": lambda r: f"Jean Dupont {_digits(r, 3)} {_digits(r, 3)} {_digits(r, 4)}, ",
    "letter_en": _letter_en,
    "letter_fr": _letter_fr,
    "moo": lambda r: "1 Moo 2, Thanon ",
    "call_blanks": lambda r: "call me at " + " " * 1990,
    "letters_A": lambda r: "A" * 100,
}
# What the hostile client sends, in turn: (shape, characters).
HOSTILE: list[tuple[str, int]] = [("phone_pieces", 8000), ("call_blanks", 8000), ("letter_en", 8000),
                                  ("phone_pieces_en", 4000), ("names", 8000), ("phone_pieces", 2000)]


def hostile_text(shape: str, size: int, r: random.Random) -> str:
    """`shape` repeated to at most `size` characters, cut at a blank."""
    make, parts, length = CANDIDATES[shape], [], 0
    while length < size:
        parts.append(make(r))
        length += len(parts[-1])
    text = "".join(parts)[:size]
    return text.rsplit(" ", 1)[0] if len(text) == size and " " in text.strip() else text.rstrip()


def time_shapes(sizes: list[int]) -> dict[str, Any]:
    """CPU seconds of the patterns redactor's chain (windowed as the server's) on each candidate, best of 2."""
    from quaid_patterns import PatternRedactor

    from quaidcore.redaction import RedactionChain

    chain = RedactionChain([PatternRedactor()])
    chain.redact("my name is Jean Dupont, call me at 514 555 0143")  # models loaded
    found: dict[str, dict[str, Any]] = {}
    for name in CANDIDATES:
        for size in sizes:
            text = hostile_text(name, size, random.Random(3))
            best = float("inf")
            for _ in range(2):
                started = time.process_time()
                spans = chain.redact(text).spans
                best = min(best, time.process_time() - started)
            found.setdefault(name, {})[str(size)] = {"chars": len(text), "cpu_s": round(best, 3), "spans": len(spans)}
            print(json.dumps({name: found[name]}), file=sys.stderr, flush=True)
    slowest = sorted(found, key=lambda n: -max(v["cpu_s"] for v in found[n].values()))
    return {"benchmark": "long_texts_shapes", "load_average_1min": round(os.getloadavg()[0], 1),
            "shapes": {n: found[n] for n in slowest}}


class MeasuredTraffic(RealTraffic):
    """flood.py's real clients, keeping the measured window's latencies (Load.run drops them) for the max."""

    measured: list[float] = []

    @property
    def window(self) -> list[float] | None:
        return self._window

    @window.setter
    def window(self, value: list[float] | None) -> None:
        self._window = value
        if value is not None:
            self.measured = value  # the same list: sorted in place by Load.run


class Hostile:
    """One long text in a fresh conversation every `every` seconds, from a new address each time."""

    def __init__(self, port: int, every: float, in_flight: int) -> None:
        self.port, self.every, self.in_flight = port, every, in_flight
        self.random = random.Random(11)
        self.sent = 0
        self.addresses = 0
        self.stop = False
        self.records: list[dict[str, Any]] = []  # this phase's: shape, chars, status, latency
        self.skipped = 0
        self.running: set[asyncio.Task[None]] = set()

    def address(self) -> str:
        k, self.addresses = self.addresses, self.addresses + 1
        return f"127.6.{k // 250 % 250}.{k % 250 + 1}"

    async def one(self, shape: str, size: int) -> None:
        text = hostile_text(shape, size, self.random)
        record: dict[str, Any] = {"shape": f"{shape}_{size}", "chars": len(text)}
        conn = None
        try:
            conn = await connect(self.port, self.address())
            status, raw = await conn.request("/api/web/conversations", b"{}", 60)
            if status != 201:
                record["status"] = f"open_{status}"
                return
            path = f"/api/web/conversations/{json.loads(raw)['conversation_id']}/messages"
            body = json.dumps({"text": text}, ensure_ascii=False).encode()
            started = time.perf_counter()
            status, _ = await conn.request(path, body, 120)
            record["latency_s"] = time.perf_counter() - started
            record["status"] = str(status)
        except (ConnectionError, OSError, TimeoutError, ValueError) as exc:
            record["status"] = type(exc).__name__
        finally:
            close(conn)
            self.records.append(record)

    async def run(self) -> None:
        due = time.monotonic()
        while not self.stop:
            if len(self.running) >= self.in_flight:
                self.skipped += 1
            else:
                shape, size = HOSTILE[self.sent % len(HOSTILE)]
                self.sent += 1
                task = asyncio.create_task(self.one(shape, size))
                self.running.add(task)
                task.add_done_callback(self.running.discard)
            due += self.every
            await asyncio.sleep(max(0.0, due - time.monotonic()))
        if self.running:
            await asyncio.wait(self.running, timeout=150)

    def summary(self) -> dict[str, Any]:
        took = sorted(r["latency_s"] for r in self.records if "latency_s" in r)
        by_shape: dict[str, list[float]] = collections.defaultdict(list)
        for r in self.records:
            if "latency_s" in r:
                by_shape[r["shape"]].append(r["latency_s"])
        return {"hostile_sent": len(self.records), "hostile_skipped": self.skipped,
                "hostile_statuses": dict(collections.Counter(r["status"] for r in self.records)),
                "hostile_p50_ms": _ms(took, 0.5), "hostile_max_ms": round(took[-1] * 1000, 1) if took else None,
                "hostile_median_ms_by_shape": {k: round(1000 * sorted(v)[len(v) // 2], 1)
                                               for k, v in sorted(by_shape.items())}}


def _ms(ordered: list[float], q: float) -> float | None:
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1) if ordered else None


async def phase(port: int, pid: int, args: argparse.Namespace, addresses: collections.Counter[int],
                hostile: Hostile | None, seed: int) -> dict[str, Any]:
    """One warm-up and measured window of real traffic, with or without the hostile client."""
    task = None
    if hostile is not None:
        hostile.stop, hostile.records, hostile.skipped = False, [], 0
        task = asyncio.create_task(hostile.run())
    try:
        load = MeasuredTraffic(port, args.clients, seed, addresses)
        result = await load.run(args.warmup, args.seconds, 0, None, lambda: cpu_s(pid), lambda: thread_cpu_s(pid))
    finally:
        if hostile is not None and task is not None:
            hostile.stop = True
            await task
    rate, per_msg = result["msgs_per_s"], result["server_cpu_us_per_msg_by_thread"] or {}
    out = {"phase": "hostile" if hostile else "baseline", "msgs_per_s": rate, "p50_ms": result["p50_ms"],
           "p99_ms": result["p99_ms"], "max_ms": round(load.measured[-1] * 1000, 1) if load.measured else None,
           "messages": len(load.measured), "errors": result["errors"], "error_kinds": result["error_kinds"],
           # CPU per message x messages a second: the share of a core over the measured window
           "server_cpu_pct": {k: round(v * rate / 1e4, 1) for k, v in per_msg.items()},
           "rss_mib": round(rss_kib(pid) / 1024, 1)}
    if hostile is not None:
        out.update(hostile.summary())
    return out


def served_quaidcore() -> str:
    from quaidcore.app import Quaid

    where = str(Path(sys.modules["quaidcore.app"].__file__ or "").parent)
    return ("redaction thread" if hasattr(Quaid, "redact_client_text") else "event loop") + f" ({where})"


async def bench(args: argparse.Namespace, port: int, server: subprocess.Popen) -> dict[str, Any]:
    await wait_healthy(port, server, timeout=600)  # the first start trains the NLU model
    await asyncio.sleep(1)
    pid = server.pid
    addresses: collections.Counter[int] = collections.Counter()
    hostile = Hostile(port, args.every, args.in_flight)
    phases: list[dict[str, Any]] = []
    for n in range(args.rounds):
        for kind in ("baseline", "hostile"):
            phases.append(await phase(port, pid, args, addresses, hostile if kind == "hostile" else None,
                                      2 * n + (kind == "hostile")))
            print(json.dumps({"round": n + 1, **{k: v for k, v in phases[-1].items()
                                                 if k not in ("error_kinds", "hostile_median_ms_by_shape")}}),
                  file=sys.stderr, flush=True)
    summary: dict[str, Any] = {}
    for key in ("msgs_per_s", "p50_ms", "p99_ms", "max_ms"):
        summary[key] = {kind: median([p for p in phases if p["phase"] == kind], key)
                        for kind in ("baseline", "hostile")}
    hostile_phases = [p for p in phases if p["phase"] == "hostile"]
    summary["hostile_p50_ms"] = median(hostile_phases, "hostile_p50_ms")
    summary["hostile_max_ms"] = max((p["hostile_max_ms"] or 0 for p in hostile_phases), default=None)
    summary["hostile_statuses"] = dict(sum((collections.Counter(p["hostile_statuses"]) for p in hostile_phases),
                                           collections.Counter()))
    return {"benchmark": "long_texts", "quaidcore_long_text": served_quaidcore(), "clients": args.clients,
            "seconds": args.seconds, "rounds": args.rounds, "every_s": args.every,
            "hostile_shapes": [f"{s}_{n}" for s, n in HOSTILE], "summary": summary, "phases": phases,
            "real_errors": sum(p["errors"] for p in phases)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10, help="measured window of each phase")
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=2, help="baseline + hostile pairs")
    parser.add_argument("--clients", type=int, default=20, help="concurrent real web-chat users")
    parser.add_argument("--every", type=float, default=1.0, help="seconds between the hostile client's texts")
    parser.add_argument("--in-flight", type=int, default=4, help="the hostile client's requests at once, at most")
    parser.add_argument("--max-text", type=int, default=8000, help="the web chat's max_text_chars for the run")
    parser.add_argument("--models", type=Path, default=Path(tempfile.gettempdir()) / "quaid-long-texts-models",
                        help="trained models kept between runs (QUAID_MODELS_DIR)")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the server and this process")
    parser.add_argument("--time-shapes", action="store_true", help="time the candidate shapes' redaction only")
    parser.add_argument("--sizes", default="2000,8000", help="with --time-shapes: the texts' lengths")
    args = parser.parse_args()
    if args.time_shapes:
        print(json.dumps(time_shapes([int(s) for s in args.sizes.split(",")]), indent=1))
        return
    args.config = None  # soak.prepare: the bundled config
    tmp = Path(tempfile.mkdtemp(prefix="quaid-long-texts-"))
    config, env = prepare(tmp, args)
    data = yaml.safe_load(config.read_text())
    web = data.setdefault("plugins", {}).setdefault("web", {}) or {}
    data["plugins"]["web"] = web
    web["max_text_chars"], web["max_body_bytes"] = args.max_text, 65536
    config.write_text(yaml.safe_dump(data, sort_keys=False))
    env["QUAID_MODELS_DIR"] = str(args.models)
    serve_and_run(args, tmp, config, env, bench)


if __name__ == "__main__":
    main()
