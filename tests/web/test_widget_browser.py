"""The embeddable widget in real headless Chromium (Playwright): a plain HTML page served on
another origin embeds the script tag; the bubble opens, a question gets an answer, a quick
reply is pressed — by keyboard alone — the page is reloaded and the conversation is still
there; an agent's link is clickable; a dropped connection catches up; the layout at 375 px
and 1280 px is screenshotted into the test's tmp dir."""

from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp import web

from tests.conftest import free_port

pytestmark = pytest.mark.browser

# The partner's page: its own styles are hostile on purpose (tiny fonts, red, reset buttons);
# the widget lives in a shadow root and must not care.
PARTNER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A partner's page</title>
<style>* {{ font-size: 10px !important; color: #c00; }} button {{ all: unset; }}
body {{ font-family: Georgia, serif; margin: 2em; }}</style>
</head><body>
<h1>Apply for a permit</h1>
<p><a id="first" href="#apply">How to apply</a> — a page of some agency, on its own origin.</p>
<script src="{quaid}/static/web/widget.js" data-quaid="{quaid}" defer></script>
</body></html>
"""

FOCUSED = """() => {
  const host = document.getElementById("quaid-widget");
  const el = host && host.shadowRoot.activeElement;
  if (!el) return {outside: document.activeElement && document.activeElement.id};
  return {id: el.id, tag: el.tagName.toLowerCase(), cls: el.className, text: el.textContent.trim(),
          disabled: !!el.disabled};
}"""

CHECKS = """() => {
  const root = document.getElementById("quaid-widget").shadowRoot;
  const parse = (s) => { const p = s.match(/rgba?\\(([^)]+)\\)/)[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
                         return {rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1}; };
  const lum = (rgb) => { const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                         return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement || (node.getRootNode() && node.getRootNode().host)) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.a > 0.5) return c.rgb;
    }
    return [255, 255, 255];
  };
  const ratio = (fg, bg) => { const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); };
  const contrast = {};
  const selectors = ["li.bot .text", "li.client .text", "li.bot .code", "#log li > a", ".quick button:not(:disabled)",
                     ".quick button.chosen", "#send", "#text", "header h2", "select", "#typing", "li.agent .text",
                     "li.agent .badge", "li.error .text", ".banner"];
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    if (el) contrast[sel] = ratio(parse(getComputedStyle(el).color).rgb, background(el));
  }
  const input = root.getElementById("text");
  contrast["placeholder"] = ratio(parse(getComputedStyle(input, "::placeholder").color).rgb, background(input));
  const targets = {};
  for (const sel of ["#launcher", "#close", "#lang", "#send", "#text", ".quick button", "#log li > a"]) {
    for (const el of root.querySelectorAll(sel)) {
      const box = el.getBoundingClientRect();
      if (box.width) targets[sel] = Math.min(targets[sel] || 999, box.width, box.height);
    }
  }
  const authors = [...root.querySelectorAll("#log li")].map((li) => li.firstChild.className === "sr-only" ? li.firstChild.textContent.trim() : null);
  return {contrast, targets, authors, inputFont: getComputedStyle(input).fontSize,
          live: root.getElementById("log").getAttribute("aria-live"),
          typingRole: root.getElementById("typing").getAttribute("role"),
          inputLabel: root.querySelector("label[for=text]").textContent,
          expanded: root.getElementById("launcher").getAttribute("aria-expanded")};
}"""

WATCH_TYPING = """() => {
  const el = document.getElementById("quaid-widget").shadowRoot.getElementById("typing");
  window.__typing = [];
  new MutationObserver(() => window.__typing.push(el.textContent)).observe(el, {childList: true, characterData: true, subtree: true});
}"""

CSP_WATCH = """document.addEventListener("securitypolicyviolation",
  (e) => (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI));"""




@pytest.fixture
async def partner(web_server):
    """Quaid on one port, the partner's page on another (another origin) that embeds it."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    server = await web_server(web={"allowed_origins": [origin]})

    async def page(_: web.Request) -> web.Response:
        return web.Response(text=PARTNER_PAGE.format(quaid=server.url), content_type="text/html")

    app = web.Application()
    app.router.add_get("/", page)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield server, origin + "/"
    finally:
        await runner.cleanup()


async def focused(page) -> dict:
    return await page.evaluate(FOCUSED)


async def tab_to(page, want, key: str = "Tab", limit: int = 12) -> dict:
    """Press `key` until the focused element matches `want` (a predicate)."""
    for _ in range(limit):
        await page.keyboard.press(key)
        now = await focused(page)
        if want(now):
            return now
    raise AssertionError(f"{key} never reached the element; focus is on {now}")


def assert_accessible(checks: dict) -> None:
    low = {sel: round(ratio, 2) for sel, ratio in checks["contrast"].items() if ratio < 4.5}
    assert not low, f"contrast under 4.5:1: {low}"
    small = {sel: size for sel, size in checks["targets"].items() if size < 44}
    assert not small, f"targets under 44 px: {small}"
    assert checks["inputFont"] == "16px"
    assert checks["live"] == "polite" and checks["typingRole"] == "status"
    assert all(checks["authors"]), f"a message does not say who wrote it: {checks['authors']}"


async def test_embedded_widget_by_keyboard_survives_reload(partner, browser, tmp_path):
    server, page_url = partner
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    posted: list[dict] = []
    page.on("request", lambda r: posted.append(json.loads(r.post_data)) if r.method == "POST"
            and "/messages" in r.url else None)
    await page.goto(page_url)
    await page.wait_for_selector("#launcher")

    # Keyboard only: Tab to the bubble, Enter opens it, focus lands in the message box.
    await tab_to(page, lambda f: f.get("id") == "launcher")
    await page.keyboard.press("Enter")
    await page.wait_for_selector('#log li[data-kind="greeting"]')
    assert (await focused(page))["id"] == "text"
    conv = await page.evaluate("window.quaidConversationId")
    assert conv and (await server.quaid.conversation(conv)).channel == "web"

    # A quick reply by keyboard: back from the box to "General question", Enter.
    await tab_to(page, lambda f: f.get("text") == "General question", key="Shift+Tab")
    await page.keyboard.press("Enter")
    await page.wait_for_selector('#log li.bot:has-text("type your question")')
    now = await focused(page)
    assert now["tag"] == "li" and "bot" in now["cls"], f"focus should move to the answer, not {now}"
    scope = page.locator('#log li[data-kind="system"]').first.locator("button")
    assert await scope.count() == 2 and all([await b.is_disabled() for b in await scope.all()]), \
        "the buttons of a passed turn are disabled"

    # A typed question; the typing indicator shows while the bot works.
    await tab_to(page, lambda f: f.get("id") == "text")
    await page.evaluate(WATCH_TYPING)
    await page.keyboard.type("how much is an eta")
    await page.keyboard.press("Enter")
    answer = await page.wait_for_selector('#log li[data-kind="answer"]')
    assert await answer.get_attribute("data-code")
    assert "#" + await answer.get_attribute("data-code") in await answer.inner_text()
    assert any("writing" in text for text in await page.evaluate("window.__typing"))
    assert (await focused(page))["id"] == "text", "after typing, focus stays in the box"
    await page.wait_for_selector('#log li[data-kind="survey"] button:has-text("Yes")')

    # The survey's "Yes" by keyboard.
    await tab_to(page, lambda f: f.get("text") == "Yes" and not f["disabled"], key="Shift+Tab")
    await page.keyboard.press("Enter")
    await page.wait_for_function("""() => document.getElementById("quaid-widget").shadowRoot
        .querySelectorAll('#log li.client').length === 3""")
    await page.wait_for_selector('#log li[data-kind="survey"] button.chosen:disabled')
    checks = await page.evaluate(CHECKS)
    assert_accessible(checks)
    assert checks["expanded"] == "true" and checks["inputLabel"] == "Your message"
    await page.screenshot(path=str(tmp_path / "widget-1280.png"))

    # Reload: same conversation, same messages, the panel still open.
    await page.wait_for_timeout(300)
    before = await page.locator("#log li .text").all_inner_texts()
    await page.reload()
    await page.wait_for_selector('#log li[data-kind="answer"]')
    assert await page.evaluate("window.quaidConversationId") == conv
    assert await page.locator("#log li .text").all_inner_texts() == before
    assert await page.locator("#panel").is_visible()

    # French: the labels change, the conversation does not.
    await page.select_option("#lang", "fr")
    assert await page.locator("#send").inner_text() == "Envoyer"
    assert await page.locator("#title").inner_text() == "Assistant virtuel"
    assert await page.locator("#text").get_attribute("placeholder") == "Écrivez votre question…"
    count = await page.locator("#log li").count()
    await page.fill("#text", "combien coûte une autorisation de voyage électronique")
    await page.press("#text", "Enter")
    await page.wait_for_function(f"""() => {{
        const root = document.getElementById("quaid-widget").shadowRoot;
        return root.querySelectorAll('#log li').length >= {count + 2} && !root.getElementById("typing").textContent;
    }}""")
    assert posted[-1]["lang"] == "fr" and await page.evaluate("window.quaidConversationId") == conv
    assert (await server.quaid.conversation(conv)).lang == "fr"
    assert (await page.evaluate(CHECKS))["authors"][-1] == "L’assistant virtuel a dit :"

    # An agent's reply: its URL is a link, its markup is text.
    await server.quaid.hand_off(conv, "test")
    url = "https://www.canada.ca/en/services.html"
    await server.quaid.agent_reply(conv, f"Voir {url}. <img src=x onerror=alert(1)>", agent="alice")
    reply = await page.wait_for_selector(f'#log li.agent a[href="{url}"]', timeout=10_000)
    assert (await reply.inner_text()).startswith(url) and await reply.get_attribute("target") == "_blank"
    assert await page.locator("#log li.agent img").count() == 0
    assert "<img src=x" in await page.locator("#log li.agent .text").inner_text()
    assert_accessible(await page.evaluate(CHECKS))
    assert errors == []


async def test_a_dropped_connection_reconnects_and_catches_up(partner, browser, tmp_path):
    server, page_url = partner
    page = await (await browser.new_context()).new_page()
    await page.goto(page_url)
    await page.click("#launcher")
    await page.wait_for_selector('#log li[data-kind="greeting"]')
    conv = await page.evaluate("window.quaidConversationId")
    await page.fill("#text", "I want to talk to a person")
    await page.press("#text", "Enter")
    await page.wait_for_selector('#log li[data-kind="handoff"]')
    for _ in range(100):
        if server.channel.sockets.get(conv):
            break
        await asyncio.sleep(0.05)

    class Gone:  # placeholders that hold the socket cap, so the widget cannot reconnect yet
        closed = True

    sockets = server.channel.sockets[conv]
    blockers = [Gone() for _ in range(server.channel.config.max_sockets_per_conversation)]
    live = list(sockets)
    sockets.update(blockers)
    for ws in live:  # the link drops
        await ws.close()
    assert not [ws for ws in sockets if not ws.closed], "no socket to deliver on"
    await server.quaid.agent_reply(conv, "Sorry for the wait: I am here now.", agent="alice")
    # The widget retries with backoff (refused while the cap is held) and catches up from the
    # stored transcript: the reply was delivered to no socket.
    await page.wait_for_selector('#banner:has-text("Reconnecting")', timeout=10_000)
    await page.wait_for_selector('#log li.agent:has-text("I am here now")', timeout=20_000)
    sockets.difference_update(blockers)
    await page.wait_for_selector('#banner:has-text("Connected again")', timeout=20_000)
    # and the socket works again: the next push arrives live
    await server.quaid.agent_reply(conv, "Anything else?", agent="alice")
    await page.wait_for_selector('#log li.agent:has-text("Anything else?")', timeout=10_000)
    assert await page.locator('#log li.agent').count() == 2


async def test_phone_full_screen_at_375px(partner, browser, tmp_path):
    _, page_url = partner
    context = await browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True,
                                        device_scale_factor=2)
    page = await context.new_page()
    await page.goto(page_url)
    await page.tap("#launcher")
    await page.wait_for_selector('#log li[data-kind="greeting"]')
    await page.tap('#log button:has-text("General question")')
    await page.wait_for_selector('#log li.bot:has-text("type your question")')
    await page.fill("#text", "how many hours a week can i work as a student")
    await page.press("#text", "Enter")
    await page.wait_for_selector('#log li[data-kind="survey"]')
    box = await page.locator("#panel").bounding_box()
    assert box == {"x": 0, "y": 0, "width": 375, "height": 740}, f"full screen on a phone, not {box}"
    assert not await page.locator("#launcher").is_visible(), "the bubble hides behind the open chat"
    assert await page.locator("#close").is_visible()
    assert await page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(await page.evaluate(CHECKS))
    await page.screenshot(path=str(tmp_path / "widget-375.png"))
    await page.locator("#close").tap()
    assert await page.locator("#launcher").is_visible() and not await page.locator("#panel").is_visible()


async def test_own_pages_run_under_their_csp(web_server, browser, tmp_path):
    """The demo agency page and the full-page chat: no inline script, nothing the CSP blocks,
    and the WebSocket (connect-src 'self') delivers."""
    server = await web_server()
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    await context.add_init_script(CSP_WATCH)
    page = await context.new_page()
    await page.goto(server.url + "/demo/")
    await page.click("#launcher")
    await page.wait_for_selector('#log li[data-kind="greeting"]')
    conv = await page.evaluate("window.quaidConversationId")
    await page.click('#log button:has-text("General question")')
    await page.fill("#text", "how do i renew my pr card")
    await page.press("#text", "Enter")
    await page.wait_for_selector('#log li[data-kind="answer"]')
    await server.quaid.hand_off(conv, "test")
    await server.quaid.agent_reply(conv, "Hello from an agent.", agent="alice")
    await page.wait_for_selector('#log li.agent:has-text("Hello from an agent")', timeout=10_000)
    await page.screenshot(path=str(tmp_path / "demo-1280.png"))
    assert await page.evaluate("window.__csp || []") == []

    full = await context.new_page()
    await full.goto(server.url + "/")
    await full.wait_for_selector('#log li[data-kind="greeting"]')
    assert not await full.locator("#launcher").count()
    assert await full.evaluate("window.__csp || []") == []
    await full.screenshot(path=str(tmp_path / "page-1280.png"))


async def widget_events(server, count: int) -> list:
    """The widget's events in the store, once there are `count` (its fetches run on their own)."""
    for _ in range(200):
        found = [e for e in await server.quaid.store.events() if e.type.startswith("widget_")]
        if len(found) >= count:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"{len(found)} widget events, not {count}")


async def test_widget_shown_and_opened_reach_the_report(partner, browser):
    from quaidcore import reports

    server, page_url = partner
    context = await browser.new_context(timezone_id="America/Toronto")
    page = await context.new_page()
    await page.goto(page_url + "?name=someone#top")  # the query and fragment never leave the page
    await page.wait_for_selector("#launcher")
    await widget_events(server, 1)
    await page.click("#launcher")
    await page.wait_for_selector('#log li[data-kind="greeting"]')
    events = await widget_events(server, 2)
    assert [(e.type, e.channel, e.data) for e in events] == [
        ("widget_shown", "web", {"page": "/", "visitor": "new", "country": "CA"}),
        ("widget_opened", "web", {"page": "/", "visitor": "new", "country": "CA"})]
    # the mark is an anonymous first-party cookie of the embedding page's site, holding "1"
    seen = [c for c in await context.cookies(page_url) if c["name"] == "quaid_seen"]
    assert [(c["value"], c["sameSite"]) for c in seen] == [("1", "Lax")]
    # another tab of the same browser later: a returning visitor (from that cookie)
    again = await context.new_page()
    await again.goto(page_url)
    await again.wait_for_selector("#launcher")
    assert (await widget_events(server, 3))[-1].data["visitor"] == "returning"

    w = (await reports.kpi_report(server.quaid.store.url))["widget"]
    assert (w["shown"], w["opened"], w["open_rate"]) == (2, 1, 0.5)
    assert w["pages"] == [{"page": "/", "shown": 2, "opened": 1, "open_rate": 0.5}]
    assert w["visitors"] == {"new": 1, "returning": 1} and w["countries"] == [{"country": "CA", "views": 2}]
    assert w["conversations"] == 1 and w["start_rate"] == 0.5


async def test_links_in_an_agents_reply_are_safe(partner, browser):
    server, page_url = partner
    page = await (await browser.new_context()).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: errors.append("dialog: " + dialog.message))
    await page.goto(page_url)
    await page.click("#launcher")
    await page.wait_for_selector('#log li[data-kind="greeting"]')
    conv = await page.evaluate("window.quaidConversationId")
    await server.quaid.hand_off(conv, "test")
    url = "https://www.canada.ca/en/services.html?a=1&b=2"
    payload = (f"Read {url}, not javascript:alert(1) nor <a href=\"javascript:alert(2)\">this</a> "
               "<img src=x onerror=alert(3)> <script>alert(4)</script> http://example.org/x\"onmouseover=alert(5)")
    await server.quaid.agent_reply(conv, payload, agent="alice")
    reply = await page.wait_for_selector('#log li.agent:has-text("Read")', timeout=10_000)
    links = await reply.eval_on_selector_all("a", "(all) => all.map((a) => [a.getAttribute('href'), "
                                                   "a.target, a.rel, a.attributes.length])")
    assert links == [[url, "_blank", "noopener noreferrer", 3],
                     ["http://example.org/x", "_blank", "noopener noreferrer", 3]]
    assert await page.locator("#log li.agent img, #log li.agent script").count() == 0
    text = await page.locator("#log li.agent .text").inner_text()
    assert "javascript:alert(1)" in text and '<a href="javascript:alert(2)">this</a>' in text
    assert "<img src=x onerror=alert(3)>" in text and "<script>alert(4)</script>" in text
    await page.hover("#log li.agent .text")
    assert errors == []
