"""The supervisors' dashboard (/console/reports) in real headless Chromium (Playwright): demo
traffic written through the store, a supervisor signs in and finds the KPI tiles and the
charts drawn (screenshots that are not blank), draws a trend with its change date and exports
CSV; an agent without the supervisor role is refused, page and API."""

from __future__ import annotations

import io

import pytest

from quaidcore.report_cli import DemoSpec, write_demo
from tests.analytics.test_reports import T0
from tests.handoff.conftest import PASSWORD, Server, start_server

pytestmark = pytest.mark.browser
CHARTS = ("chart-volume", "chart-top", "chart-times", "chart-survey")


@pytest.fixture
async def server(tmp_path):
    started: Server = await start_server(tmp_path / "data")
    await write_demo(started.quaid.store, started.quaid.kb,
                     DemoSpec(400, days=42, seed=4, end=T0 + 42 * 86400, messages=False))
    await started.add_agent("sue", ["supervisor", "agent"], "*")
    await started.add_agent("alice", ["agent"], "web")
    yield started
    await started.runner.cleanup()


async def sign_in(page, server: Server, username: str) -> None:
    await page.goto(server.url + "/console/login")
    await page.fill("#username", username)
    await page.fill("#password", PASSWORD)
    await page.click("#sign-in")
    await page.wait_for_url(server.url + "/console/")


def colours(png: bytes) -> int:
    from PIL import Image

    found = Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20)
    return len(found or ())


async def test_a_supervisor_sees_the_charts_drawn(server, browser):
    page = await (await browser.new_context()).new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    await sign_in(page, server, "sue")
    await page.goto(server.url + "/console/reports")
    await page.wait_for_selector('#reports[data-loaded="true"]', timeout=30_000)
    for chart in CHARTS:
        figure = await page.wait_for_selector(f'#{chart} svg[data-drawn="true"]')
        assert colours(await figure.screenshot()) > 3, f"{chart} is blank"
        assert len(await figure.query_selector_all("rect, polyline")) > 1
    tiles = await page.query_selector_all("#tiles .tile")
    assert len(tiles) == 14 and "400" in await tiles[0].inner_text()
    assert len(await page.query_selector_all("#unanswered tbody tr")) >= 1

    await page.fill("#trend-target", "090101")
    await page.fill("#trend-change", "2024-01-29")
    await page.click("#trend-show")
    trend = await page.wait_for_selector('#chart-trend svg[data-drawn="true"]')
    assert await trend.query_selector("line.change") is not None
    assert colours(await trend.screenshot()) > 3
    assert "p = " in await page.inner_text("#trend-summary")

    assert await page.evaluate("fetch('/console/api/reports?lob=ABC').then(r => r.status)") == 400
    csv = await page.evaluate("fetch('/console/reports.csv?lob=09').then(r => r.text())")
    assert csv.startswith("metric,value\nvolume.conversations,")
    await page.goto(server.url + "/console/reports?ui=fr&channel=web")
    await page.wait_for_selector('#chart-volume svg[data-drawn="true"]', timeout=30_000)
    assert "Rapports" in await page.inner_text("h1")
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors


async def test_an_agent_without_the_supervisor_role_is_refused(server, browser):
    page = await (await browser.new_context()).new_page()
    await sign_in(page, server, "alice")
    response = await page.goto(server.url + "/console/reports")
    assert response.status == 403
    assert await page.evaluate("fetch('/console/api/reports').then(r => r.status)") == 403
    assert await page.evaluate("fetch('/console/reports.csv').then(r => r.status)") == 403
    anonymous = await (await browser.new_context()).new_page()
    await anonymous.goto(server.url + "/console/reports")
    assert anonymous.url.startswith(server.url + "/console/login")
