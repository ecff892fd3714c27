"""The helpdesk's review page (the learning loop) through the real server: an agent's coded
reply and a client's "did you mean" choice become candidates; an expert approves (the bot
answers the new phrasing after the background retrain, no restart), edits or rejects; agents
without the role get 403. And host.release: after a spam close the bot answers again."""

from __future__ import annotations

import asyncio
import shutil
import time
from typing import Any

import pytest

from quaidcore.config import STARTER
from quaidcore.kb import KnowledgeBase
from quaidcore.testing import merge
from tests.handoff.conftest import hand_off, sign_in, start_server

PHRASING = "my grandmother wants to come see us for the summer"  # 010201, visitor visa


async def serve(tmp_path: Any, extra: dict[str, Any] | None = None) -> Any:
    """The server over a copy of the small starter KB (its learned.yaml is the test's)."""
    kb = tmp_path / "kb"
    shutil.copytree(STARTER / "kb", kb)
    server = await start_server(tmp_path / "data", merge({"kb": str(kb), "plugins": {"helpdesk": {
        "assignment": {"automatic": False}}}}, extra or {}))
    server.kb = kb
    return server


@pytest.fixture
async def learning(tmp_path):
    server = await serve(tmp_path)
    yield server
    await server.runner.cleanup()


@pytest.fixture
async def unsure(tmp_path):
    """Answers only above 0.9: the fuzzy matcher's 0.85 gets "did you mean"."""
    server = await serve(tmp_path, {"brains": {"default": {"answer_threshold": 0.9}}})
    yield server
    await server.runner.cleanup()


class Console:
    """A signed-in console session."""

    def __init__(self, server: Any, username: str) -> None:
        self.server, self.username, self.session, self.csrf = server, username, server.client(), ""

    async def __aenter__(self) -> Console:
        self.csrf = await sign_in(self.session, self.username)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.session.close()

    async def get(self, path: str) -> tuple[int, Any]:
        async with self.session.get(f"/console/api/{path}") as resp:
            return resp.status, await resp.json()

    async def post(self, path: str, **body: Any) -> tuple[int, Any]:
        async with self.session.post(f"/console/api/{path}", json=body,
                                     headers={"X-CSRF-Token": self.csrf}) as resp:
            return resp.status, await resp.json()


async def retrained(expert: Console, runs: int = 1) -> dict[str, Any]:
    """The latest retrain once `runs` have finished (it runs in the background)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        _, body = await expert.get("review")
        done = [r for r in body["runs"] if r["status"] != "running"]
        if len(done) >= runs:
            assert done[0]["status"] == "done", done[0]
            return done[0]
        await asyncio.sleep(0.1)
    raise AssertionError("no retrain finished in 30 s")


def answered(replies: list[dict]) -> list[str]:
    return [r["code"] for r in replies if r["kind"] == "answer"]


async def ask(server: Any, text: str) -> list[dict]:
    async with server.client() as client:
        conversation_id = await server.open_conversation(client)
        return await server.say(client, conversation_id, text=text)


async def test_an_agents_coded_reply_is_learnt_once_approved_without_a_restart(learning):
    server = learning
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("sam", ["sme"], "web")
    assert answered(await ask(server, PHRASING)) != ["010201"]
    async with server.client() as client:
        await hand_off(server, client, text=PHRASING)
        await hand_off(server, client, text=PHRASING.upper())  # the same text: offered once
    async with Console(server, "alice") as alice, Console(server, "sam") as sam:
        for ticket in (1, 2):
            status, _ = await alice.post(f"tickets/{ticket}/reply", solution="010201")
            assert status == 200
        assert (await alice.get("review"))[0] == 403, "an agent is not a subject-matter expert"
        status, body = await sam.get("review")
        assert status == 200 and [(c["text"], c["code"], c["source"], c["agent"]) for c in body["pending"]] == [
            (PHRASING, "010201", "agent_reply", "alice")]
        candidate = body["pending"][0]["id"]
        assert (await alice.post(f"review/{candidate}/approve"))[0] == 403
        status, body = await sam.post(f"review/{candidate}/approve")
        assert status == 200 and body["status"] == "approved"
        assert (await sam.post(f"review/{candidate}/reject"))[0] == 409
        run = await retrained(sam)
        assert run["brains"] == ["default"] and run["approved"] == 1
        assert answered(await ask(server, PHRASING)) == ["010201"]
        assert (await sam.get("review"))[1]["pending"] == []
        page = await (await sam.session.get("/console/review")).text()
        assert "Nothing to review." in page and f"run-{run['id']}" in page


async def test_edit_then_approve_learns_the_edited_text_and_code_and_reject_changes_nothing(learning):
    server = learning
    await server.add_agent("alice", ["agent"], "web")
    await server.add_agent("boss", ["supervisor"], "*")
    async with server.client() as client:
        await hand_off(server, client, text="is the fee for my aunt's visa payable online")
        await hand_off(server, client, text="what colour is the sky over ottawa today")
    async with Console(server, "alice") as alice, Console(server, "boss") as boss:
        await alice.post("tickets/1/reply", solution="010102")  # the wrong code
        await alice.post("tickets/2/reply", solution="100101")
        pending = (await boss.get("review"))[1]["pending"]
        assert [c["code"] for c in pending] == ["010102", "100101"]
        edited, rejected = pending[0]["id"], pending[1]["id"]
        assert (await boss.post(f"review/{edited}/edit", code="999999"))[0] == 400
        status, body = await boss.post(f"review/{edited}/edit", text="can i pay my aunt's visitor visa fee online",
                                       code="010201")
        assert status == 200 and body["status"] == "pending"
        assert (await boss.post(f"review/{rejected}/reject"))[1]["status"] == "rejected"
        kb_before = KnowledgeBase.load(server.kb).fingerprint()
        assert server.quaid.kb.fingerprint() == kb_before, "a rejection teaches nothing"
        assert (await boss.post(f"review/{edited}/approve"))[1]["code"] == "010201"
        await retrained(boss)
    learned = KnowledgeBase.load(server.kb).solutions
    assert "can i pay my aunt's visitor visa fee online" in learned["010201"].examples.en
    assert not any("aunt" in e for e in learned["010102"].examples.en)
    assert not any("sky" in e for s in learned.values() for e in s.examples.en)
    assert answered(await ask(server, "can i pay my aunt's visitor visa fee online")) == ["010201"]


async def test_a_did_you_mean_choice_is_a_candidate(unsure):
    server = unsure
    await server.add_agent("sam", ["sme"], "web")
    async with server.client() as client:
        conversation_id = await server.open_conversation(client)
        replies = await server.say(client, conversation_id, text="need help with my passport")
        clarify = next(r for r in replies if r["kind"] == "clarify")
        code = next(q["payload"] for q in clarify["quick_replies"] if q["payload"].startswith("CODE:"))
        await server.say(client, conversation_id, payload=code)
    async with Console(server, "sam") as sam:
        pending = (await sam.get("review"))[1]["pending"]
    assert [(c["text"], c["code"], c["source"]) for c in pending] == [
        ("need help with my passport", code.split(":", 1)[1], "clarification")]


async def test_after_a_spam_close_the_bot_answers_the_next_general_question(learning):
    server = learning
    await server.add_agent("alice", ["agent"], "web")
    async with server.client() as client:
        conversation_id = await hand_off(server, client, text="buy cheap watches")
        assert await server.say(client, conversation_id, text="how do i apply for an eta") == []
        async with Console(server, "alice") as alice:
            assert (await alice.post("tickets/1/close", reason="spam"))[0] == 200
        assert answered(await server.say(client, conversation_id, text="how do i apply for an eta")) == ["010102"]
    info = await server.quaid.conversation(conversation_id)
    assert info.owner == "bot"
