"""The agent console in real headless Chromium (Playwright): a web-chat client asks for a
person, an agent signs in, answers with a canned response, the client's widget shows it
with its code; resolving sends the client the satisfaction survey."""

from __future__ import annotations

import pytest

from tests.handoff.conftest import PASSWORD

pytestmark = pytest.mark.browser




async def test_agent_answers_a_web_chat_from_the_console(server, browser):
    await server.add_agent("alice", ["agent"], "web")
    answer = server.quaid.kb.get("010102").answer.en

    client = await (await browser.new_context()).new_page()
    await client.goto(server.url + "/")
    await client.wait_for_selector('#log li[data-kind="greeting"]')
    await client.fill("#text", "I want to talk to a person")
    await client.press("#text", "Enter")
    await client.wait_for_selector('#log li[data-kind="handoff"]')

    agent = await (await browser.new_context()).new_page()
    await agent.goto(server.url + "/console/")
    assert agent.url.startswith(server.url + "/console/login")
    await agent.fill("#username", "alice")
    await agent.fill("#password", PASSWORD)
    await agent.click("#sign-in")
    await agent.wait_for_selector('#queue tr[data-ticket="1"]')
    await agent.click('#queue a[href="/console/tickets/1"]')
    await agent.wait_for_selector('#messages li.client:has-text("I want to talk to a person")')

    # Live view: the client's next message appears without a reload.
    await client.fill("#text", "How much is it, and how long does it take?")
    await client.press("#text", "Enter")
    await agent.wait_for_selector('#messages li.client:has-text("How much is it")', timeout=10_000)

    await agent.fill("#canned-q", "eta fee")
    await agent.click("#canned-search")
    await agent.click('#canned li[data-code="010102"] button')
    await agent.wait_for_selector('#messages li.agent[data-code="010102"]')

    reply = await client.wait_for_selector('#log li.agent[data-code="010102"]', timeout=10_000)
    shown = await reply.inner_text()
    assert answer in shown and "#010102" in shown

    await agent.click("#resolve")
    await agent.wait_for_selector("#status.resolved")
    survey = await client.wait_for_selector('#log li[data-kind="survey"]:has-text("satisfied")',
                                            timeout=10_000)
    assert len(await survey.query_selector_all("button")) == 5


async def test_console_in_french_and_by_keyboard(server, browser):
    """The console in the browser's language (French), toggled to English and kept; the
    common actions by keyboard: j/k through the queue, o opens, r reply, Ctrl+Enter sends,
    e resolves, u back to the queue, ? lists them — and none while typing in a field."""
    import asyncio

    from tests.handoff.conftest import hand_off

    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as client:
        await hand_off(server, client)
        await hand_off(server, client)
    page = await (await browser.new_context(locale="fr-CA")).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: asyncio.ensure_future(dialog.accept()))
    await page.goto(server.url + "/console/")
    assert await page.inner_text("h1") == "Se connecter"
    await page.fill("#username", "alice")
    await page.fill("#password", PASSWORD)
    await page.click("#sign-in")
    await page.wait_for_selector('#queue tr[data-ticket="2"]')
    # French from the templates and from console.js
    assert await page.inner_text("h1") == "File d'attente"
    await page.wait_for_selector('#notify:text-is("M\'avertir des nouveaux billets")')
    assert await page.locator("#availability option").all_inner_texts() == ["Disponible", "Absent"]
    await page.wait_for_selector('#queue tr[data-ticket="1"] .status:text-is("ouvert")')
    assert "Le client a demandé à parler à une personne" in await page.inner_text('#queue tr[data-ticket="1"]')
    assert await page.evaluate("document.documentElement.lang") == "fr"

    # the toggle: English, kept on the next pages
    await page.click("#ui-switch")
    await page.wait_for_selector('h1:text-is("Queue")')
    await page.wait_for_selector('#notify:text-is("Notify me of new tickets")')
    await page.wait_for_selector('#queue tr[data-ticket="1"] .status:text-is("open")')
    assert await page.inner_text("#ui-switch") == "Français"

    # the queue by keyboard
    await page.keyboard.press("j")
    await page.wait_for_selector('#queue tr[data-ticket="1"].selected')
    await page.keyboard.press("j")
    await page.wait_for_selector('#queue tr[data-ticket="2"].selected')
    await page.keyboard.press("k")
    await page.wait_for_selector('#queue tr[data-ticket="1"].selected')
    assert await page.locator("#queue tr.selected").count() == 1
    await page.keyboard.press("?")
    help_list = await page.wait_for_selector("#shortcuts")
    assert "Next ticket in the queue" in await help_list.inner_text()
    await page.keyboard.press("Escape")
    await page.wait_for_selector("#shortcuts", state="detached")
    await page.keyboard.press("o")
    await page.wait_for_url("**/console/tickets/1")
    await page.wait_for_selector('#messages li.client:has-text("hello")')
    assert await page.inner_text("#send-free") == "Send reply"

    # the ticket: r to the reply; keys typed there are text, not shortcuts; Ctrl+Enter sends
    await page.fill("#reply-code", "100101")
    await page.evaluate("document.activeElement.blur()")
    await page.keyboard.press("r")
    assert await page.evaluate("document.activeElement.id") == "reply-text"
    await page.keyboard.type("jk?eu ok")
    assert await page.input_value("#reply-text") == "jk?eu ok"
    assert page.url.endswith("/console/tickets/1") and await page.locator("#shortcuts").count() == 0
    await page.keyboard.press("Control+Enter")
    await page.wait_for_selector("#sent.ok")
    await page.wait_for_selector('#messages li.agent:has-text("jk?eu ok")')
    await page.evaluate("document.activeElement.blur()")
    await page.keyboard.press("e")  # asks first (accepted here), then resolves
    await page.wait_for_selector("#status.resolved")
    assert await page.inner_text("#status") == "resolved"
    await page.keyboard.press("u")
    await page.wait_for_url("**/console/")
    await page.wait_for_selector('#queue tr[data-ticket="2"]')
    assert await page.locator('#queue tr[data-ticket="1"]').count() == 0
    assert errors == []
