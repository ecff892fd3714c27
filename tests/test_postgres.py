"""The store on PostgreSQL over real TCP (127.0.0.1:5432): a conversation, concurrency, and
a restart that resumes. Skipped with a reason when PostgreSQL is absent, except in CI
(QUAID_REQUIRE_SERVICES=1), where a missing server fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import fresh_postgres


@pytest.fixture
async def database():
    async with fresh_postgres("quaid_test") as url:
        yield url


def run(scenario: str, url: str) -> None:
    result = subprocess.run([sys.executable, str(Path(__file__).with_name("pg_scenarios.py")), scenario, url],
                            capture_output=True, text=True, timeout=300, env=os.environ)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr[-3000:]


def test_conversation_on_postgres_survives_restart(database):
    run("restart", database)


def test_concurrent_conversations_group_commit(database):
    run("concurrent", database)


def test_two_workers_take_turns_on_one_conversation(database):
    run("two_workers", database)


def test_replies_reach_a_socket_held_by_another_worker(database):
    run("cross_worker_delivery", database)


def test_the_message_path_reads_a_conversation_in_one_raw_statement(database):
    run("conversation_row", database)


def test_the_group_commit_writes_raw_statements_the_rows_the_orm_wrote(database):
    run("group_commit", database)
