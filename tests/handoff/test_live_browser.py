"""The live console in real headless Chromium (Playwright), nothing reloaded by hand.

- One agent: a handoff appears in the queue without a reload, with its language, a preview
  and the reason in plain words; the ticket view opens at the newest message and follows new
  ones; a pressed button shows with its title; Send confirms and shows the reply in place;
  the client's widget shows that an agent is typing (its indicator, not a message) until the
  agent's message arrives or a few seconds pass.
- Two agents, capacity 1 each: a client's handoff appears in the right agent's queue without
  a reload and is assigned automatically; when one agent is full the next ticket goes to the
  other; the third waits, and its client is told their place in the queue; when an agent
  resolves, the waiting ticket is assigned to them.
"""

from __future__ import annotations

import pytest

from tests.handoff.conftest import PASSWORD, start_server

pytestmark = pytest.mark.browser




# Notifications as the page shows them: recorded (headless Chromium shows none).
RECORD_NOTIFICATIONS = """
window.shownNotifications = [];
window.Notification = class {
  constructor(title, options) { window.shownNotifications.push(title); }
  static get permission() { return "granted"; }
  static requestPermission() { return Promise.resolve("granted"); }
};
"""


async def console_page(browser, server, username: str, notify: bool = False):
    """A signed-in console tab on the queue (with notifications turned on)."""
    context = await browser.new_context()
    await context.add_init_script(RECORD_NOTIFICATIONS)
    page = await context.new_page()
    page.errors = []  # the console's JavaScript must not fail (CSP, exceptions)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and "Failed to load resource" not in message.text
            and page.errors.append(message.text))
    page.on("response", lambda response: response.status >= 400 and not response.url.endswith("/favicon.ico")
            and page.errors.append(f"{response.status} {response.url}"))
    await page.goto(server.url + "/console/")
    await page.fill("#username", username)
    await page.fill("#password", PASSWORD)
    await page.click("#sign-in")
    await page.wait_for_selector("#availability")
    await page.wait_for_selector("#queue tr")
    if notify:
        await page.click("#notify")
        await page.wait_for_selector('#notify[aria-pressed="true"]')
    return page


async def notifications(page) -> list[str]:
    return await page.evaluate("window.shownNotifications")


async def widget(browser, server):
    """The client's web chat, scrolled to its greeting."""
    page = await (await browser.new_context()).new_page()
    await page.goto(server.url + "/")
    await page.wait_for_selector('#log li[data-kind="greeting"]')
    return page


async def ask_for_person(client) -> None:
    await client.fill("#text", "I want to talk to a person")
    await client.press("#text", "Enter")
    await client.wait_for_selector('#log li[data-kind="handoff"]')


async def test_the_queue_and_the_ticket_follow_what_happens(server, browser):
    await server.add_agent("alice", ["agent"], "web")
    agent = await console_page(browser, server, "alice")
    await agent.wait_for_selector("#queue tr.empty")

    client = await widget(browser, server)
    await client.click('#log button:has-text("About my own file")')
    await client.wait_for_selector('#log li[data-kind="handoff"]')
    await agent.wait_for_selector('#queue tr[data-ticket="1"]', timeout=10_000)
    # auto-assigned (pushed a moment after the new ticket)
    row = await agent.wait_for_selector('#queue tr[data-ticket="1"]:has(td.assignee:text-is("alice"))',
                                        timeout=10_000)
    cells = [await c.inner_text() for c in await row.query_selector_all("td")]
    assert cells[1:5] == ["web", "en", "open", "A question about the client's own file"]
    assert cells[5] == "(button) About my own file" and cells[7] == "alice", cells

    for n in range(12):  # enough for the view to scroll
        await client.fill("#text", f"Here is more about my situation, part {n}")
        await client.press("#text", "Enter")
    await agent.wait_for_selector('#queue td.preview:has-text("part 11")', timeout=10_000)

    await agent.click('#queue a[href="/console/tickets/1"]')
    await agent.wait_for_selector('#messages li.client.pressed:has-text("(button) About my own file")')
    at_bottom = "(() => { const l = document.getElementById('messages'); " \
                "return l.scrollHeight > l.clientHeight && l.scrollHeight - l.scrollTop - l.clientHeight < 5; })()"
    assert await agent.evaluate(at_bottom), "the view opens at the newest message"

    await client.fill("#text", "Are you there?")
    await client.press("#text", "Enter")
    await agent.wait_for_selector('#messages li.client:has-text("Are you there?")', timeout=10_000)
    assert await agent.evaluate(at_bottom), "the view follows new messages"

    shown = await client.locator("#log li").count()
    await agent.type("#reply-text", "Let me check", delay=20)
    # "an agent is typing" is the widget's typing indicator, not a message of its log
    await client.wait_for_selector('#typing[data-who="agent"]:has-text("An agent is typing")', timeout=10_000)
    assert await client.locator("#log li").count() == shown
    await agent.fill("#reply-code", "100101")
    await agent.click("#send-free")
    sent = await agent.wait_for_selector("#sent.ok", timeout=10_000)
    assert "Sent to the client" in await sent.inner_text()
    await agent.wait_for_selector('#messages li.agent:has-text("Let me check")')
    assert await agent.input_value("#reply-text") == "" and agent.url.endswith("/console/tickets/1")
    await client.wait_for_selector('#log li.agent:has-text("Let me check")', timeout=10_000)
    # the agent's message hides the indicator; typing again shows it, and it goes by itself
    assert await client.locator('#typing').inner_text() == ""
    await agent.type("#reply-text", "One more", delay=20)
    await client.wait_for_selector('#typing[data-who="agent"]', timeout=10_000)
    await client.wait_for_selector('#typing[data-who=""]', state="attached", timeout=20_000)
    assert await client.locator("#log li.agent").count() == 1
    assert agent.errors == []


async def test_two_agents_share_the_queue_by_capacity(tmp_path, browser):
    server = await start_server(tmp_path / "data", {"plugins": {"helpdesk": {"assignment": {
        "capacity": 1, "tell_queue": True, "retell_after_s": 0}}}})
    try:
        await server.add_agent("alice", ["agent"], "web")
        await server.add_agent("bob", ["agent"], "web")
        await server.add_agent("mo", ["agent"], "messenger")
        alice = await console_page(browser, server, "alice", notify=True)
        bob = await console_page(browser, server, "bob")
        mo = await console_page(browser, server, "mo", notify=True)

        clients = []
        first = await widget(browser, server)
        await ask_for_person(first)
        clients.append(first)
        # the first ticket goes to one of them (round robin: who has waited longest for one)
        await bob.wait_for_selector('#queue tr[data-ticket="1"]', timeout=10_000)
        cell = await alice.wait_for_selector('#queue tr[data-ticket="1"] td.assignee:not(:text-is("—"))',
                                             timeout=10_000)
        owner = await cell.inner_text()
        other = "bob" if owner == "alice" else "alice"
        pages = {"alice": alice, "bob": bob}
        # alice asked for notifications: the new ticket in her queue (then, with the same tag,
        # that it is hers); bob did not ask
        shown = await notifications(alice)
        assert shown and set(shown) <= {"New ticket #1 (web)", "Ticket #1 assigned to you"}
        assert (shown[-1] == "Ticket #1 assigned to you") == (owner == "alice")
        assert await notifications(bob) == []

        second = await widget(browser, server)
        await ask_for_person(second)
        clients.append(second)
        await pages[owner].wait_for_selector(
            f'#queue tr[data-ticket="2"] td.assignee:has-text("{other}")', timeout=10_000)

        third = await widget(browser, server)
        await ask_for_person(third)
        clients.append(third)
        await alice.wait_for_selector('#queue tr[data-ticket="3"]', timeout=10_000)
        assert await (await alice.query_selector('#queue tr[data-ticket="3"] td.assignee')).inner_text() == "—"
        # both are full: the third client is told their place (on the widget and the events socket)
        notice = await third.wait_for_selector('#log li:has-text("number 1 in the queue")', timeout=10_000)
        assert "Expected wait" in await notice.inner_text()
        assert await mo.query_selector('#queue tr[data-ticket="3"]') is None, "messenger's agent"
        assert await notifications(mo) == []

        # the agent of ticket 1 resolves it: ticket 3 is theirs at once
        page = pages[owner]
        await page.click('#queue a[href="/console/tickets/1"]')
        await page.click("#resolve")
        await page.wait_for_selector("#status.resolved")
        await page.goto(server.url + "/console/")
        await page.wait_for_selector(f'#queue tr[data-ticket="3"] td.assignee:has-text("{owner}")',
                                     timeout=10_000)
        await pages[other].wait_for_selector(f'#queue tr[data-ticket="3"] td.assignee:has-text("{owner}")',
                                             timeout=10_000)
        transcript = await server.quaid.transcript(await third.evaluate("window.quaidConversationId"))
        assert all("queue" not in line.text for line in transcript), "notices are not stored"
    finally:
        for context in browser.contexts:  # the widgets' sockets would hold the server's shutdown
            await context.close()
        await server.runner.cleanup()
