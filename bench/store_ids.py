"""What the shape of conversation IDs costs the store: random (UUID 4) against time-first
(UUID 7, what ``quaidcore.app.new_conversation_id`` makes), measured in the same run.

    python bench/store_ids.py [--messages 60000] [--clients 100]

Each run starts the real core in process (``quaidcore.testing.make_harness``: the SQLite
store in a temporary folder, the starter KB, fastText, no redaction: the store's share is
large) and drives it with `--clients` concurrent simulated clients: each opens a
conversation, says four things (answers, a clarification, thanks), and opens the next, until
`--messages` messages were handled. Every index on ``conversation_id`` (events, messages,
the conversation's own key, and the reports' ``(conversation_id, type)``) takes an insert
per row: with random IDs the active conversations' entries are spread over the whole index,
so each group commit dirties (and writes to the WAL) about one page per conversation and
index; with time-first IDs they sit together at the index's end.

Prints one JSON object: per kind of ID, messages/s, CPU µs a message (the process, and the
database's thread alone), the database's size; and the ratios UUID 7 / UUID 4.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import quaidcore.app as app_module  # noqa: E402
from quaidcore.testing import make_harness  # noqa: E402

SAYINGS = ("how much is an eta", "passport", "thanks", "do I need a visa to visit",
           "combien coute un permis d'etudes", "merci", "study permit fees", "ok")


def thread_cpu_s(names: tuple[str, ...]) -> float:
    """CPU seconds of this process's threads whose name starts with one of `names` (Linux)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for thread in threading.enumerate():
        if thread.native_id is None or not thread.name.startswith(names):
            continue
        try:
            fields = Path(f"/proc/self/task/{thread.native_id}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


async def drive(harness: Any, messages: int, clients: int) -> int:
    sent = 0

    async def client(seed: int) -> None:
        nonlocal sent
        turn = seed
        while sent < messages:
            chat = await harness.conversation("en")
            for _ in range(4):
                turn += 1
                await chat.say(SAYINGS[turn % len(SAYINGS)])
                sent += 1
    await asyncio.gather(*(client(i) for i in range(clients)))
    return sent


async def one_run(kind: str, messages: int, clients: int) -> dict[str, Any]:
    make_id = (lambda: uuid.uuid4().hex) if kind == "uuid4" else app_module.new_conversation_id
    original = app_module.new_conversation_id
    app_module.new_conversation_id = make_id
    try:
        with tempfile.TemporaryDirectory(prefix="quaid-bench-ids-") as tmp:
            harness = await make_harness(Path(tmp), use=["fasttext"], config={
                "brains": {"default": {"nlu": "fasttext", "answer_threshold": 0.56, "clarify_threshold": 0.32}}})
            try:
                await drive(harness, 2000, clients)  # warm-up
                db_before = thread_cpu_s(("Thread-",))  # aiosqlite's connection thread
                cpu_before, started = time.process_time(), time.perf_counter()
                sent = await drive(harness, messages, clients)
                wall = time.perf_counter() - started
                cpu = time.process_time() - cpu_before
                db_cpu = thread_cpu_s(("Thread-",)) - db_before
            finally:
                await harness.quaid.stop()
            size = sum(f.stat().st_size for f in Path(tmp).rglob("*.sqlite3*"))
    finally:
        app_module.new_conversation_id = original
    return {"messages": sent, "msgs_per_s": round(sent / wall, 1),
            "cpu_us_per_msg": round(cpu / sent * 1e6, 1), "db_thread_cpu_us_per_msg": round(db_cpu / sent * 1e6, 1),
            "db_mb": round(size / 2 ** 20, 1)}


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {"benchmark": "store_ids", "clients": args.clients}
    for kind in ("uuid4", "uuid7"):
        print(f"{kind}: {args.messages} messages...", file=sys.stderr)
        result[kind] = await one_run(kind, args.messages, args.clients)
    for key in ("msgs_per_s", "cpu_us_per_msg", "db_thread_cpu_us_per_msg"):
        result[f"ratio_{key}"] = round(result["uuid7"][key] / result["uuid4"][key], 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=60000)
    parser.add_argument("--clients", type=int, default=100)
    print(json.dumps(asyncio.run(main_async(parser.parse_args()))))


if __name__ == "__main__":
    main()
