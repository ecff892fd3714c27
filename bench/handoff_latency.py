"""Latency of a handoff and of a forwarded client message, in process, through the host API.

    python bench/handoff_latency.py [--conversations 2000] [--concurrency 1]

A Quaid with the web channel, the fuzzy NLU and the built-in helpdesk on the embedded SQLite
(a temporary folder). For each conversation: open it, then time the client pressing "talk to
a person" (``handle``: the turn, its commit and the ticket) and, once handed off, a client
message forwarded to the ticket. `--concurrency` conversations run at once. Prints one JSON
object: median and p99 in ms of each, and where quaidcore was imported from, so that two
versions can be compared with ``PYTHONPATH=<worktree>:<worktree>/plugins/...``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import quaid_helpdesk

import quaidcore
from quaidcore import Inbound
from quaidcore.app import Quaid
from quaidcore.config import DEFAULT_CONFIG, parse_config
from quaidcore.plugins import Plugins


def config(data_dir: Path) -> dict[str, Any]:
    return {
        "data_dir": str(data_dir), "kb": "kb", "languages": ["en", "fr"],
        "plugins": {"web": {"rate_limit_per_minute": 0}, "fuzzy": {},
                    "helpdesk": {"assignment": {"tell_queue": False}}},
        "handoff": {"default": "helpdesk"},
        "brains": {"default": {"nlu": "fuzzy", "answer_threshold": 0.85, "clarify_threshold": 0.6}},
    }


async def one(quaid: Quaid, handoffs: list[float], forwards: list[float]) -> None:
    conversation_id, _ = await quaid.start_conversation("web", "en")
    started = time.perf_counter()
    replies = await quaid.handle(Inbound("web", conversation_id, payload="PERSON"))
    handoffs.append(time.perf_counter() - started)
    assert replies and replies[-1].kind == "handoff", replies
    started = time.perf_counter()
    assert await quaid.handle(Inbound("web", conversation_id, "are you there?")) == []
    forwards.append(time.perf_counter() - started)


def summary(found: list[float]) -> dict[str, float]:
    ordered = sorted(found)
    return {"p50_ms": round(1000 * statistics.median(ordered), 3),
            "p99_ms": round(1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 3)}


async def main(conversations: int, concurrency: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        plugins = Plugins()
        quaid = Quaid(parse_config(config(Path(folder)), DEFAULT_CONFIG, plugins), plugins)
        await quaid.start()
        try:
            for _ in range(50):  # warm-up
                await one(quaid, [], [])
            handoffs: list[float] = []
            forwards: list[float] = []
            for start in range(0, conversations, concurrency):
                await asyncio.gather(*(one(quaid, handoffs, forwards)
                                       for _ in range(min(concurrency, conversations - start))))
        finally:
            await quaid.stop()
    return {"quaidcore": str(Path(quaidcore.__file__).parent), "helpdesk": str(Path(quaid_helpdesk.__file__).parent),
            "conversations": conversations, "concurrency": concurrency,
            "handoff": summary(handoffs), "forward": summary(forwards)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.conversations, args.concurrency))))
