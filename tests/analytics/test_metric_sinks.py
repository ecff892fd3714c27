"""Bundled metric sinks: Prometheus counters at /metrics and the structured event log."""

from __future__ import annotations

import io
import json

from quaidcore.app import Quaid
from quaidcore.config import DEFAULT_CONFIG, parse_config, read_yaml
from quaidcore.plugins import Plugins
from quaidcore.testing import merge
from tests.conftest import serving


async def test_prometheus_counts_answers_by_code_and_outcomes(tmp_path):
    plugins = Plugins()
    raw = merge(read_yaml(DEFAULT_CONFIG), {"data_dir": str(tmp_path), "metrics": ["prometheus"],
                                            "plugins": {"prometheus": {}}})
    quaid = Quaid(parse_config(raw, DEFAULT_CONFIG, plugins), plugins)
    async with serving(quaid) as http:
        async with http.post("/api/web/conversations") as resp:
            conv = (await resp.json())["conversation_id"]
        for body in ({"text": "how much does an eta cost"}, {"payload": "YES"}):
            async with http.post(f"/api/web/conversations/{conv}/messages", json=body) as resp:
                assert resp.status == 200
        async with http.get("/metrics") as resp:
            assert resp.status == 200 and resp.headers["Content-Type"].startswith("text/plain")
            text = await resp.text()
    assert 'quaid_solutions_sent_total{by="bot",channel="web",code="010102"} 1.0' in text
    assert 'quaid_outcomes_total{channel="web",outcome="resolved_by_bot"} 1.0' in text
    assert 'quaid_events_total{channel="web",type="conversation_started"} 1.0' in text


async def test_eventlog_writes_one_line_per_event_without_texts(demo_harness):
    from quaidcore.logging import configure

    bot = await demo_harness(config={"metrics": ["eventlog"], "plugins": {"eventlog": {}}})
    stream = io.StringIO()
    configure("json", "info", stream)
    await bot.say("my email is someone@example.com, how much is an eta")
    lines = [json.loads(line) for line in stream.getvalue().splitlines() if '"quaid_event"' in line]
    assert [line["type"] for line in lines] == ["conversation_started", "message_in", "solution_sent"]
    assert lines[2]["data_code"] == "010102"
    assert "someone@example.com" not in stream.getvalue()
    assert all("data_text" not in line for line in lines)
