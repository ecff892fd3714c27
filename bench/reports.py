"""Seconds to compute the full KPI report (``quaid report``) over 1,000,000 events, on SQLite
and on PostgreSQL.

    python bench/reports.py [--events 1000000] [--sqlite PATH] [--postgres URL] [--no-postgres]
                            [--runs 3] [--keep]

Writes ``quaid demo-data`` traffic (365 days, seed 11, ending 2026-01-01, without transcript
rows) through the real store into a SQLite file until it holds at least ``--events`` events
(``--keep`` reuses a file that already does), then copies the same events and conversations
into a fresh PostgreSQL database (``quaid_bench_reports`` on the server of ``--postgres``,
dropped and created again) whose schema the real store created.

For each database it times:

- ``build_s``: the first report, which sums up every conversation into the summary tables;
- ``report_s``: the full report when nothing changed since (median of ``--runs``) — the
  figure the goal (under 2 s on SQLite on the 2-core machine) is about;
- ``report_filtered_s``: the same for the last 90 days of one line of business;
- ``report_after_new_s``: the full report after 1,000 new conversations (~8,500 events),
  which it sums up first;
- ``trend_s``: ``quaid report trend 090101 --change ...``;
- ``scan_s``: the baseline, measured in the same run before the summaries exist: one plain
  pass over every event row (``SELECT type, COUNT(*), SUM(length(CAST(data AS TEXT))) ... GROUP BY type``,
  median of ``--runs``);
  ``report_vs_scan`` = report_s / scan_s and ``report_vs_build`` = report_s / build_s (the
  report from the summaries against summing every event up).

It also states the process CPU seconds of ``report_s`` (other work on the machine stretches
wall-clock times). One JSON object on stdout; progress on stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quaidcore import reports  # noqa: E402
from quaidcore.kb import KnowledgeBase  # noqa: E402
from quaidcore.report_cli import DemoSpec, write_demo  # noqa: E402
from quaidcore.store import Store  # noqa: E402

EVENTS_PER_CONVERSATION = 8.5  # what the demo traffic writes, on average
END = 1767225600.0  # 2026-01-01 00:00 UTC
DAY = 86400.0


def say(*parts: Any) -> None:
    print(*parts, file=sys.stderr, flush=True)


def count_events(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT COUNT(*) FROM quaid_event").fetchone()[0]
    except sqlite3.Error:
        return 0


async def generate(path: Path, events: int, kb: KnowledgeBase) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(f"sqlite://{path}")
    await store.open()
    started = time.perf_counter()
    try:
        conversations = math.ceil(events / EVENTS_PER_CONVERSATION)
        while True:
            spec = DemoSpec(conversations, days=365, seed=11, end=END, messages=False)
            written = await write_demo(store, kb, spec)
            if count_events(path) >= events:
                break
            say(f"  {written['events']} events: adding more")  # pragma: no cover (ratio drift)
    finally:
        await store.close()
    return time.perf_counter() - started


async def copy_to_postgres(sqlite_path: Path, admin_url: str) -> str:
    import asyncpg

    server, _, _ = admin_url.rpartition("/")
    name = "quaid_bench_reports"
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    url = f"{server}/{name}"
    store = Store(url)  # the real schema: tables and the events' indexes
    await store.open()
    await store.close()
    source = sqlite3.connect(sqlite_path)
    conn = await asyncpg.connect(url)
    try:
        for table, columns in (
                ("quaid_event", ["id", "type", "conversation_id", "channel", "data", "at", "lang", "lob", "code"]),
                ("quaid_conversation", ["id", "channel", "client_id", "brain", "lang", "stage", "owner", "outcome",
                                        "state", "created_at", "updated_at"])):
            cursor = source.execute(f"SELECT {', '.join(columns)} FROM {table}")
            while rows := cursor.fetchmany(50_000):
                await conn.copy_records_to_table(table, records=rows, columns=columns)
        await conn.execute("SELECT setval(pg_get_serial_sequence('quaid_event', 'id'), "
                           "(SELECT MAX(id) FROM quaid_event))")
        await conn.execute("VACUUM ANALYZE")  # as autovacuum would have, on a live database
    finally:
        await conn.close()
        source.close()
    return url


async def timed(call: Any) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = await call
    return time.perf_counter() - wall, time.process_time() - cpu, result


async def scan_baseline(url: str, runs: int) -> float:
    """Median seconds of one plain pass over every event row (events and bytes of data by
    type: the table itself is read, not an index): the baseline, measured in the same run,
    that ``report_s`` is compared with."""
    walls = []
    for _ in range(runs):
        async with reports.connect(url) as db:
            wall, _, _ = await timed(db.all("SELECT type, COUNT(*), SUM(length(CAST(data AS TEXT))) FROM quaid_event GROUP BY type"))
        walls.append(wall)
    return statistics.median(walls)


async def measure(url: str, kb: KnowledgeBase, runs: int, add_more: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    out["scan_s"] = round(await scan_baseline(url, runs), 3)
    wall, _, first = await timed(reports.kpi_report(url, reports.Filters(), kb))
    out["build_s"] = round(wall, 3)
    out["events_summed"] = first["refresh"]["events"]
    out["conversations"] = first["volume"]["conversations"]
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, result = await timed(reports.kpi_report(url, reports.Filters(), kb))
        assert result["refresh"]["conversations"] == 0
        walls.append(wall)
        cpus.append(cpu)
    out["report_s"] = round(statistics.median(walls), 3)
    out["report_runs_s"] = [round(w, 3) for w in walls]
    out["report_cpu_s"] = round(statistics.median(cpus), 3)  # this process (SQLite runs in it)
    out["report_vs_scan"] = round(out["report_s"] / out["scan_s"], 3) if out["scan_s"] else None
    out["report_vs_build"] = round(out["report_s"] / out["build_s"], 4) if out["build_s"] else None
    recent = reports.Filters(END - 90 * DAY, END, lob="09")
    walls = [(await timed(reports.kpi_report(url, recent, kb)))[0] for _ in range(runs)]
    out["report_filtered_s"] = round(statistics.median(walls), 3)
    wall, _, trend = await timed(reports.trend_report(url, "090101", END - 120 * DAY))
    out["trend_s"] = round(wall, 3)
    out["trend_p_value"] = trend["p_value"]
    await add_more(url)
    wall, _, result = await timed(reports.kpi_report(url, reports.Filters(), kb))
    out["report_after_new_s"] = round(wall, 3)
    out["new_conversations_summed"] = result["refresh"]["conversations"]
    return out


async def add_conversations(url: str, kb: KnowledgeBase, seed: int) -> None:
    store = Store(url)
    await store.open()
    try:  # 1,000 conversations of the last week, as if the server had been running
        await write_demo(store, kb, DemoSpec(1000, days=7, seed=seed, end=END + 7 * DAY, messages=False))
    finally:
        await store.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--sqlite", type=Path, default=Path("/tmp/quaid-bench-reports/events.sqlite3"))
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/test",
                        help="an existing database of the server (a fresh quaid_bench_reports is made beside it)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="reuse --sqlite if it holds enough events")
    args = parser.parse_args()
    kb = KnowledgeBase.load(ROOT / "config" / "kb")
    out: dict[str, Any] = {"events_goal": args.events, "cores": os.cpu_count(),
                           "load_average_before": [round(x, 2) for x in os.getloadavg()]}
    path = args.sqlite
    fresh_copy = path.with_name(path.stem + "-run.sqlite3")
    if not (args.keep and count_events(path) >= args.events):
        say(f"writing demo traffic into {path} ...")
        out["generate_s"] = round(await generate(path, args.events, kb), 1)
    out["events"] = count_events(path)
    for suffix in ("", "-wal", "-shm"):  # measure on a copy: the summaries start from nothing
        Path(f"{fresh_copy}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(path) as src, sqlite3.connect(fresh_copy) as dst:
        src.backup(dst)
    postgres_url = None
    if not args.no_postgres:
        say("copying the events into PostgreSQL ...")
        started = time.perf_counter()
        postgres_url = await copy_to_postgres(fresh_copy, args.postgres)
        out["postgres_copy_s"] = round(time.perf_counter() - started, 1)
    say("SQLite ...")
    out["sqlite"] = await measure(f"sqlite://{fresh_copy}", kb, args.runs,
                                  lambda url: add_conversations(url, kb, 101))
    if postgres_url:
        say("PostgreSQL ...")
        out["postgres"] = await measure(postgres_url, kb, args.runs, lambda url: add_conversations(url, kb, 101))
    out["goal_sqlite_report_s"] = 2.0
    out["goal_met"] = out["sqlite"]["report_s"] < 2.0
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out))


if __name__ == "__main__":
    asyncio.run(main())
