"""The e-mail target against a real SMTP server (aiosmtpd) on loopback, through the outbox."""

from __future__ import annotations

import asyncio
import email
import email.policy

import pytest

from quaidcore.outbox import OutboxItem
from tests.conftest import free_port
from tests.handoff.conftest import make_quaid
from tests.handoff.test_freshdesk import FAST_RETRY, handed_off, wait_for

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


async def test_handoff_and_client_messages_are_mailed_once_even_when_the_server_was_down(tmp_path):
    port = free_port()
    config = {"plugins": {"email": {"host": "127.0.0.1", "port": port, "security": "none",
                                    "sender": "quaid@agency.example", "to": ["team@agency.example"],
                                    "retry": FAST_RETRY}},
              "handoff": {"default": "email"}}
    quaid = make_quaid(tmp_path / "data", config)
    await quaid.start()
    inbox = Inbox()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=port)
    try:
        conversation_id = await handed_off(quaid, then="about my <b>work permit</b>")

        async def attempts() -> int:
            with quaid.store.bound():
                return sum(i.attempts for i in await OutboxItem.filter(target="email"))

        while await attempts() < 2:  # the mail server is down: the first attempts fail
            await asyncio.sleep(0.02)
        assert inbox.messages == []
        await asyncio.to_thread(controller.start)
        await wait_for(lambda: len(inbox.messages) == 2)
        for _ in range(500):
            with quaid.store.bound():
                items = await OutboxItem.filter(target="email").order_by("id")
            if all(i.status != "pending" for i in items):
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)
    finally:
        await quaid.stop()
        await asyncio.to_thread(controller.stop)
    assert len(inbox.messages) == 2, "each e-mail is sent once"
    assert [i.status for i in items] == ["done", "done"]
    handoff, follow_up = inbox.messages
    assert inbox.envelopes[0] == ("quaid@agency.example", ["team@agency.example"])
    assert "Handoff from web: asked_for_person" in handoff["Subject"]
    body = handoff.get_content()
    assert conversation_id in body and "client: I want to talk to a person" in body
    assert "Bot's candidate codes:" in body
    assert follow_up["In-Reply-To"] == handoff["Message-ID"], "client messages reply in the thread"
    assert follow_up["Subject"].startswith("Re: ")
    assert "client: about my <b>work permit</b>" in follow_up.get_content()
