"""The helpdesk's work over HTTP: queues by channel, canned responses with codes in the
client's language, free text tagged with a code, notes, expert consultation, resolve."""

from __future__ import annotations

import json

from quaid_helpdesk.canned import CannedResponses
from quaid_helpdesk.models import Ticket, TicketMessage

from quaidcore import HandoffRequest, Prediction
from tests.handoff.conftest import sign_in


async def api(session, path: str, csrf: str, **body) -> tuple[int, dict]:
    async with session.post(f"/console/api/tickets/{path}", json=body, headers={"X-CSRF-Token": csrf}) as resp:
        return resp.status, await resp.json()


async def test_a_ticket_from_handoff_to_resolution(server):
    kb = server.quaid.kb
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("sofia", ["sme"], "*")
    async with server.client() as client, server.client() as agent, server.client() as expert:
        async with client.post("/api/web/conversations", json={"lang": "fr"}) as resp:
            conversation_id = (await resp.json())["conversation_id"]
        async with client.ws_connect(f"/api/web/conversations/{conversation_id}/events") as ws:
            replies = await server.say(client, conversation_id, payload="PERSON")
            assert replies[-1]["kind"] == "handoff"
            csrf = await sign_in(agent, "alice")
            async with agent.get("/console/api/queue") as resp:
                [ticket] = (await resp.json())["tickets"]
            assert (ticket["id"], ticket["channel"], ticket["status"]) == (1, "web", "open")
            assert ticket["conversation_id"] == conversation_id and ticket["first_response_at"] is None

            # live: a new client message shows in the ticket's feed
            async with agent.get("/console/api/tickets/1?after=0") as resp:
                last = (await resp.json())["messages"][-1]["id"]
            assert await server.say(client, conversation_id, text="combien coûte une AVE?") == []
            async with agent.get(f"/console/api/tickets/1?after={last}") as resp:
                fresh = (await resp.json())["messages"]
            assert [(m["kind"], m["text"]) for m in fresh] == [("client", "combien coûte une AVE?")]

            # canned search, then the canned reply: tagged, in the conversation's language
            async with agent.get("/console/api/solutions?q=ave&lang=fr") as resp:
                found = (await resp.json())["solutions"]
            assert "010102" in [s["code"] for s in found[:3]]
            assert (await api(agent, "1/reply", csrf, solution="010102"))[0] == 200
            pushed = json.loads((await ws.receive(timeout=5)).data)["replies"][0]
            assert pushed["kind"] == "agent" and pushed["code"] == "010102"
            assert pushed["text"].startswith(kb.get("010102").answer.fr)
            assert kb.get("010102").link.fr in pushed["text"]

            # free text must carry a code of the knowledge base
            status, body = await api(agent, "1/reply", csrf, text="Autre chose?")
            assert status == 400 and "response code" in body["error"]
            status, body = await api(agent, "1/reply", csrf, text="Autre chose?", code="999999")
            assert status == 400
            status, body = await api(agent, "1/reply", csrf, text="Autre chose?", code="010101")
            assert status == 200 and body["ticket"]["status"] == "pending"
            assert body["ticket"]["assignee"] == "alice" and body["ticket"]["first_response_at"]
            pushed = json.loads((await ws.receive(timeout=5)).data)["replies"][0]
            assert (pushed["text"], pushed["code"]) == ("Autre chose?", "010101")

            # internal note and consultation: never sent to the client
            assert (await api(agent, "1/note", csrf, text="client seems in a hurry"))[0] == 200
            status, body = await api(agent, "1/consult", csrf, expert="sofia", text="fee waived?")
            assert status == 200 and body["ticket"]["consultant"] == "sofia"
            expert_csrf = await sign_in(expert, "sofia")
            async with expert.get("/console/") as resp:
                assert 'href="/console/tickets/1"' in await resp.text()
            async with expert.get("/console/tickets/1") as resp:
                page = await resp.text()
            assert resp.status == 200 and "fee waived?" in page and "Answer and hand back" in page
            assert (await api(expert, "1/reply", expert_csrf, solution="010102"))[0] == 403
            status, body = await api(expert, "1/consult_done", expert_csrf, text="No waiver for eTAs.")
            assert status == 200 and body["ticket"]["consultant"] is None
            async with expert.get("/console/tickets/1") as resp:
                assert resp.status == 403, "handed back: out of the expert's view"
            async with agent.get("/console/api/tickets/1?after=0") as resp:
                kinds = [(m["kind"], m["internal"]) for m in (await resp.json())["messages"]]
            assert ("note", True) in kinds and ("consult", True) in kinds and ("consult_done", True) in kinds

            # resolve: the client gets the survey; the ticket is closed to replies
            status, body = await api(agent, "1/resolve", csrf)
            assert status == 200 and body["ticket"]["status"] == "resolved" and body["ticket"]["resolved_at"]
            survey = json.loads((await ws.receive(timeout=5)).data)["replies"][0]
            assert survey["kind"] == "survey" and survey["quick_replies"][4]["payload"] == "SAT:5"
            assert (await api(agent, "1/resolve", csrf))[0] == 409
            assert (await api(agent, "1/reply", csrf, solution="010102"))[0] == 409
            async with agent.get("/console/api/queue") as resp:
                assert (await resp.json())["tickets"] == []
    sent = [m for m in await server.quaid.store.messages(conversation_id) if m.author == "agent"]
    assert [m.code for m in sent] == ["010102", "010101"]
    assert not any("hurry" in m.text or "waiver" in m.text for m in await server.quaid.store.messages(conversation_id))


async def test_forms_redirect_back_to_the_ticket(server):
    await server.add_agent("alice", ["agent"], "*")
    async with server.client() as client, server.client() as agent:
        conversation_id = await server.open_conversation(client)
        await server.say(client, conversation_id, payload="SCOPE_OWN_FILE")
        csrf = await sign_in(agent, "alice")
        async with agent.post("/console/tickets/1/take", data={"csrf_token": csrf}) as resp:
            assert resp.url.path == "/console/tickets/1" and "alice took the ticket" in await resp.text()
        async with agent.post("/console/tickets/1/reply", data={"csrf_token": csrf, "text": "hi"}) as resp:
            assert resp.url.path == "/console/tickets/1" and "response code" in await resp.text()
        async with agent.get("/console/tickets/1?q=passport") as resp:
            page = await resp.text()
        assert 'id="canned"' in page and 'data-code="100101"' in page
        async with agent.post("/console/tickets/1/resolve", data={"csrf_token": csrf}) as resp:
            assert 'class="status resolved"' in await resp.text()
    with server.quaid.store.bound():
        ticket = await Ticket.get(id=1)
    assert ticket.reason == "own_file" and ticket.status == "resolved"


async def test_tickets_are_routed_by_channel(server):
    helpdesk = server.quaid.handoff_targets["helpdesk"]
    for n, channel in enumerate(("web", "messenger", "twitter")):
        await helpdesk.handoff(HandoffRequest(f"conv{n}", channel, "en", "asked_for_person",
                                              ({"author": "client", "text": "help", "at": 1.0, "code": None},),
                                              (Prediction("010102", 0.5),)))
    await server.add_agent("web-agent", ["agent"], "web")
    await server.add_agent("social", ["agent"], "messenger,twitter")
    await server.add_agent("boss", ["supervisor"], "web")
    seen = {}
    for username in ("web-agent", "social", "boss"):
        async with server.client() as agent:
            await sign_in(agent, username)
            async with agent.get("/console/api/queue") as resp:
                seen[username] = [t["channel"] for t in (await resp.json())["tickets"]]
    assert seen == {"web-agent": ["web"], "social": ["messenger", "twitter"],
                    "boss": ["web", "messenger", "twitter"]}


def test_canned_search_finds_titles_examples_and_codes(server):
    canned = CannedResponses(server.quaid.kb)
    assert canned.search("eta fee", "en")[0].code == "010102"
    assert canned.search("permis d'études", "fr")[0].code.startswith("05")
    assert [c.code for c in canned.search("080101", "en")] == ["080101"]
    assert canned.search("", "en") == [] and canned.search("zzzzqqq", "en") == []


async def test_forgetting_a_conversation_deletes_its_tickets(server):
    async with server.client() as client:
        conversation_id = await server.open_conversation(client)
        await server.say(client, conversation_id, payload="PERSON")
        await server.say(client, conversation_id, text="still there?")
    with server.quaid.store.bound():
        assert await Ticket.filter(conversation_id=conversation_id).count() == 1
    assert await server.quaid.forget(conversation_id=conversation_id) == 1
    with server.quaid.store.bound():
        assert await Ticket.all().count() == 0 and await TicketMessage.all().count() == 0
