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
