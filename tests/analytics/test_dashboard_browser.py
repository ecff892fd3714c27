"""The supervisors' dashboard (/console/reports) in real headless Chromium (Playwright): demo
traffic written through the store, a supervisor signs in and finds the KPI tiles and the
charts drawn (screenshots that are not blank: the data's colours are painted, one mark for
each non-zero figure of the API's report), draws a trend with its change date and exports
CSV; an agent without the supervisor role is refused, page and API.

QUAID_SCREENSHOTS=DIR keeps the screenshots (each chart, the whole page) in DIR."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from quaidcore.report_cli import DemoSpec, write_demo
from tests.analytics.test_reports import T0
from tests.handoff.conftest import PASSWORD, Server, start_server

pytestmark = pytest.mark.browser
CHARTS = ("chart-volume", "chart-top", "chart-times", "chart-survey")
# reports.js's colours that each chart paints its data with (legend squares aside)
DATA_COLOURS = {"chart-volume": [(0x4C, 0x78, 0xA8), (0xF5, 0x85, 0x18), (0x54, 0xA2, 0x4B)],
                "chart-top": [(0x4C, 0x78, 0xA8), (0xF5, 0x85, 0x18)],
                "chart-times": [(0x54, 0xA2, 0x4B), (0xB2, 0x79, 0xA2)],
                "chart-survey": [(0x72, 0xB7, 0xB2)], "chart-trend": [(0x4C, 0x78, 0xA8), (0xF5, 0x85, 0x18)]}
# the marks (SVG elements with a non-zero size) each chart should draw for the API's report
MARKS = {
    "chart-volume": ("polyline.series", "el => el.getAttribute('points').split(' ').some(p => +p.split(',')[1] < 260)",
                     lambda r: len({k for day in r["series"]["conversations_by_day"] for k in day} - {"day"})),
    "chart-top": ("rect.bar", "el => +el.getAttribute('width') > 0",
                  lambda r: sum((row["bot"] > 0) + (row["agent"] > 0) for row in r["top_codes"])),
    "chart-times": ("rect.bar", "el => +el.getAttribute('height') > 0",
                    lambda r: sum(bool(s["mean"]) + bool(s["p90"]) for s in r["first_response_s"]["by_lob"].values())),
    "chart-survey": ("rect.bar", "el => +el.getAttribute('height') > 0",
                     lambda r: sum(n > 0 for n in r["satisfaction"]["survey_distribution"].values())),
}


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


def painted(png: bytes, wanted: list[tuple[int, int, int]]) -> int:
    """Pixels of the screenshot in exactly one of the `wanted` colours."""
    from PIL import Image

    found = Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20) or []
    return sum(n for n, colour in found if colour in wanted)


def keep(name: str, png: bytes) -> None:
    folder = os.environ.get("QUAID_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"{name}.png").write_bytes(png)


async def marks(figure, selector: str, sized: str) -> int:
    """How many of the figure's `selector` elements have a non-zero size."""
    return await figure.eval_on_selector_all(selector, f"els => els.filter({sized}).length")


async def test_a_supervisor_sees_the_charts_drawn(server, browser):
    page = await (await browser.new_context()).new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    await sign_in(page, server, "sue")
    await page.goto(server.url + "/console/reports")
    await page.wait_for_selector('#reports[data-loaded="true"]', timeout=30_000)
    report = await page.evaluate("fetch('/console/api/reports').then(r => r.json())")
    for chart in CHARTS:
        figure = await page.wait_for_selector(f'#{chart} svg[data-drawn="true"]')
        png = await figure.screenshot()
        keep(chart, png)
        assert colours(png) > 3, f"{chart} is blank"
        # more data pixels than its legend squares (10 x 10 each) could paint
        assert painted(png, DATA_COLOURS[chart]) > 400, f"{chart}: no data painted"
        selector, sized, expected = MARKS[chart]
        assert await marks(figure, selector, sized) == expected(report) > 0, chart
    keep("page", await page.screenshot(full_page=True))
    tiles = await page.query_selector_all("#tiles .tile")
    assert len(tiles) == 14 and "400" in await tiles[0].inner_text()
    assert len(await page.query_selector_all("#unanswered tbody tr")) >= 1

    await page.fill("#trend-target", "090101")
    await page.fill("#trend-change", "2024-01-29")
    await page.click("#trend-show")
    trend = await page.wait_for_selector('#chart-trend svg[data-drawn="true"]')
    assert await trend.query_selector("line.change") is not None
    png = await trend.screenshot()
    keep("chart-trend", png)
    assert colours(png) > 3 and painted(png, DATA_COLOURS["chart-trend"]) > 400
    assert "p = " in await page.inner_text("#trend-summary")
    keep("trend-summary", await (await page.query_selector("#trend-summary")).screenshot())

    assert await page.evaluate("fetch('/console/api/reports?lob=ABC').then(r => r.status)") == 400
    csv = await page.evaluate("fetch('/console/reports.csv?lob=09').then(r => r.text())")
    assert csv.startswith("metric,value\nvolume.conversations,")
    await page.goto(server.url + "/console/reports?ui=fr&channel=web")
    await page.wait_for_selector('#chart-volume svg[data-drawn="true"]', timeout=30_000)
    assert "Rapports" in await page.inner_text("h1")
    keep("page-fr", await page.screenshot(full_page=True))
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    assert any(url.endswith("/reports.js") for url in requests)  # the charts' own script, served here
    assert [url for url in requests if not url.startswith(server.url)] == []  # no CDN, no other host


async def test_an_agent_without_the_supervisor_role_is_refused(server, browser):
    page = await (await browser.new_context()).new_page()
    await sign_in(page, server, "alice")
    response = await page.goto(server.url + "/console/reports")
    assert response.status == 403
    assert await page.evaluate("fetch('/console/api/reports').then(r => r.status)") == 403
    assert await page.evaluate("fetch('/console/reports.csv').then(r => r.status)") == 403
    trend = "/console/api/reports/trend?target=090101&change=2024-01-29"
    assert await page.evaluate(f"fetch('{trend}').then(r => r.status)") == 403
    anonymous = await (await browser.new_context()).new_page()
    await anonymous.goto(server.url + "/console/reports")
    assert anonymous.url.startswith(server.url + "/console/login")
