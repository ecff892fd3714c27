"""quaidcore.webhooks, the kit for channels that receive signed webhooks and answer through
the durable outbox, tested through a third-party channel built on it (``kit``: a webhook
signed with hex HMAC-SHA256, a partner API on loopback that records what it is sent),
in a real Quaid: redaction before storage, one item per redelivered key, the greeting and
answers queued and sent in order, the fallback of a refused payload, deliveries enqueued
twice, forgetting, and the HTTP client's failures."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from aiohttp import web
from pydantic import BaseModel

from quaidcore import (
    GiveUp,
    Link,
    OutboxItem,
    PartnerAnswer,
    PartnerAPI,
    PartnerUnavailable,
    PlatformMessage,
    PlatformUsers,
    Reply,
    RetryPolicy,
    WebhookKit,
    hookimpl,
)
from quaidcore.http import parse_json
from quaidcore.webhooks import (
    clean_text,
    outbox_targets,
    partner_base_url,
    payload_token,
    read_signed_body,
    shorten,
    with_links,
)
from tests.channels.fake_platforms import FAST_RETRY, settled, table_rows
from tests.channels.kit_models import KitUser
from tests.conftest import free_port

SECRET = b"kit-secret"
HEADER = "X-Kit-Signature"
TARGETS = list(outbox_targets("kit"))
RAW_EMAIL = "marie.tremblay@example.com"


class KitError(PartnerUnavailable):
    """The partner may answer later."""


class KitAPI(PartnerAPI):
    unavailable = KitError

    def __init__(self, url: str) -> None:
        super().__init__(2.0, headers={"Authorization": "Bearer kit-token"})
        self.url = url

    async def send(self, handle: str, text: str) -> dict[str, Any]:
        answer = await self.post(self.url + "/send", "POST /send", json={"to": handle, "text": text})
        if answer.ok:
            return answer.json_object()
        if answer.status >= 500:
            raise KitError(f"POST /send: HTTP {answer.status}")
        raise GiveUp(f"POST /send: HTTP {answer.status}")


def render(reply: Reply) -> dict[str, Any] | None:
    text = with_links(reply.text, reply.links, 2000)
    return {"text": text} if text else None


class KitChannel:
    """A webhook channel as a third party writes it on the kit."""

    name = "kit"

    def __init__(self, ctx: Any) -> None:
        self.host = ctx.host
        self.api = KitAPI(ctx.config.partner_url)
        users = PlatformUsers(ctx.host, "kit", KitUser, "handle", "Kit user")
        self.kit = WebhookKit(users, self.process, self.send, **RetryPolicy(**FAST_RETRY).options())
        self.kit.serve(self.verify, self.webhook)

    async def start(self) -> None:
        """The host starts the outboxes."""

    async def stop(self) -> None:
        await self.api.close()

    async def verify(self, request: web.Request) -> web.Response:
        return web.Response(text=request.query.get("challenge", ""))

    async def webhook(self, request: web.Request) -> web.Response:
        raw = await read_signed_body(request, 4096, HEADER, signed)
        messages = [PlatformMessage(f"kit:{m['id']}", m["from"], clean_text(m.get("text"), 100),
                                    payload_token(m.get("payload")), clean_text(m.get("title"), 100), 1.0e9)
                    for m in parse_json(raw)["messages"]]
        return await self.kit.acknowledge(messages, ignored=0)

    async def process(self, item: OutboxItem) -> dict[str, Any]:
        handle = await self.kit.users.client_id(item.payload["user"])
        conversation_id = await self.host.open_conversation("kit", handle)
        return await self.kit.answer(item, handle, conversation_id, render)

    async def send(self, item: OutboxItem) -> dict[str, Any]:
        return await self.api.send(await self.kit.users.client_id(item.payload["user"]), item.payload["text"])

    async def deliver(self, conversation_id: str, replies: list[Reply]) -> None:
        await self.kit.deliver(conversation_id, replies, render)


class KitConfig(BaseModel):
    partner_url: str


class KitPlugin:
    @hookimpl
    def quaid_config_schema(self):
        return KitConfig

    @hookimpl
    def quaid_register_channels(self, register):
        register("kit", KitChannel)

    @hookimpl
    def quaid_register_models(self, register):
        register("tests.channels.kit_models", None)

    @hookimpl
    async def quaid_forget(self, host, conversation_ids):
        await PlatformUsers(host, "kit", KitUser, "handle", "Kit user").forget(conversation_ids)


def signed(raw: bytes, header: str | None) -> bool:
    return header == hmac.new(SECRET, raw, hashlib.sha256).hexdigest()


class Partner:
    """The platform's API: records each message; answers the statuses of `script` first."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.auth: set[str] = set()
        self.script: list[int] = []

    async def send(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.auth.add(request.headers.get("Authorization", ""))
        status = self.script.pop(0) if self.script else 200
        if status == 200:
            self.sent.append((body["to"], body["text"]))
            return web.json_response({"id": len(self.sent)})
        return web.json_response({"error": "no"}, status=status)


@pytest.fixture
async def partner():
    found = Partner()
    app = web.Application()
    app.router.add_post("/send", found.send)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    found.url = f"http://127.0.0.1:{port}"
    yield found
    await runner.cleanup()


async def start(quaid_harness, partner, **config):
    bot = await quaid_harness(plugins={"kit": KitPlugin()}, use=["patterns"], config={
        "plugins": {"kit": {"partner_url": partner.url}}, "redaction": ["patterns"], **config})
    return bot, await bot.http()


async def post(client, *messages: dict, signature: str | None = None):
    raw = json.dumps({"messages": list(messages)}).encode()
    header = hmac.new(SECRET, raw, hashlib.sha256).hexdigest() if signature is None else signature
    return await client.post("/api/kit/webhook", data=raw, headers={HEADER: header})


# -- in -----------------------------------------------------------------------------------

async def test_accept_stores_redacted_messages_once_per_key_grouped_by_user(quaid_harness, partner):
    bot, client = await start(quaid_harness, partner)
    kit = bot.quaid.channels["kit"].kit
    await kit.inbound.stop()  # look at the stored items before the worker takes them
    first = {"id": "1", "from": "ann", "text": f"write to {RAW_EMAIL}"}
    resp = await post(client, first, {"id": "2", "from": "ann", "payload": "YES", "title": f"mail {RAW_EMAIL}"})
    assert await resp.json() == {"received": 2, "queued": 2, "ignored": 0}
    again = await post(client, first)
    assert await again.json() == {"received": 1, "queued": 0, "ignored": 0}
    user = bot.host.pseudonym("kit", "ann")
    items = await kit.inbound.items()
    assert [(i.key, i.group, i.action) for i in items] == [("kit:1", user, "message"), ("kit:2", user, "message")]
    assert items[0].payload == {"user": user, "text": "write to [EMAIL]", "payload": None, "fallback": "",
                                "at": 1.0e9}
    assert (items[1].payload["payload"], items[1].payload["fallback"]) == ("YES", "mail [EMAIL]")
    assert await kit.users.client_id(user) == "ann"
    rows = table_rows(bot.host.data_dir)
    assert "ann" in rows["kit_user"] and RAW_EMAIL not in rows["quaid_outbox"]


async def test_a_wrong_signature_is_403_naming_the_header_and_stores_nothing(quaid_harness, partner):
    bot, client = await start(quaid_harness, partner)
    resp = await post(client, {"id": "1", "from": "ann", "text": "hi"}, signature="0" * 64)
    assert resp.status == 403 and (await resp.json())["error"] == f"missing or wrong {HEADER}"
    oversized = await client.post("/api/kit/webhook", data=b"x" * 5000, headers={HEADER: "0"})
    assert oversized.status == 413
    with bot.host.db():
        assert await OutboxItem.filter(target__in=TARGETS).count() == 0 and await KitUser.all().count() == 0


async def test_answer_starts_the_conversation_and_sends_greeting_then_answers(quaid_harness, partner):
    bot, client = await start(quaid_harness, partner)
    await post(client, {"id": "7", "from": "ann", "text": "how much is an eta"})
    items = await settled(bot.host, TARGETS, count=2)
    out = [i for i in items if i.target == "kit_out"]
    assert all(i.status == "done" for i in items), [(i.key, i.last_error) for i in items]
    assert out[0].key == "kit:7:g:0" and any(i.key.startswith("kit:7:r:") for i in out)
    assert [text for _, text in partner.sent] == [i.payload["text"] for i in out], "in order"
    kb = bot.host.kb.get("010102")
    assert f"{kb.answer.get('en')}\n\n{kb.title.get('en')}: {kb.link.get('en')}" in [t for _, t in partner.sent]
    assert {to for to, _ in partner.sent} == {"ann"} and partner.auth == {"Bearer kit-token"}
    conversation = await bot.host.open_conversation("kit", "ann")
    assert (await bot.host.conversation(conversation)).client == bot.host.pseudonym("kit", "ann")
    [inbound] = [i for i in items if i.target == "kit_in"]
    answers = [i for i in out if i.key.startswith("kit:7:r:")]
    assert inbound.result == {"conversation_id": conversation, "replies": len(answers)}


async def test_a_refused_payload_falls_back_to_its_title_or_is_given_up(quaid_harness, partner):
    bot, client = await start(quaid_harness, partner)
    # well-formed for the platform, not a quick-reply payload of the core: refused by host.handle
    await post(client, {"id": "1", "from": "ann", "payload": "menu.help", "title": "how much is an eta"},
               {"id": "2", "from": "ann", "payload": "menu.other"})
    items = {i.key: i for i in await settled(bot.host, TARGETS, count=3)}
    assert items["kit:1"].status == "done" and items["kit:2"].status == "dead"
    assert items["kit:2"].last_error == "the core refused the message"
    lines = await bot.host.transcript(await bot.host.open_conversation("kit", "ann"))
    assert [line.text for line in lines if line.author == "client"] == ["how much is an eta"]


# -- out ----------------------------------------------------------------------------------

async def test_a_delivery_enqueued_twice_is_one_message_and_a_failure_is_retried(quaid_harness, partner):
    bot, client = await start(quaid_harness, partner)
    await post(client, {"id": "1", "from": "ann", "text": "hello"})
    before = len(await settled(bot.host, TARGETS, count=2))
    conversation = await bot.host.open_conversation("kit", "ann")
    partner.script = [503]
    replies = await bot.host.agent_reply(conversation, "Here is your answer", agent="ana")
    await bot.quaid.channels["kit"].deliver(conversation, replies)  # a second worker receives it too
    items = await settled(bot.host, TARGETS, count=before + 1)
    [item] = items[before:]
    assert item.key.startswith(f"d:{conversation}:") and item.status == "done" and item.attempts == 2
    assert [t for _, t in partner.sent].count("Here is your answer") == 1


async def test_deliver_to_an_unknown_conversation_queues_nothing(quaid_harness, partner):
    bot, _ = await start(quaid_harness, partner)
    await bot.quaid.channels["kit"].kit.deliver("no-such-conversation", [Reply("hi")], render)
    with bot.host.db():
        assert await OutboxItem.filter(target__in=TARGETS).count() == 0


async def test_forget_deletes_the_platform_id_and_items_of_that_user_only(quaid_harness, partner):
    bot, client = await start(quaid_harness, partner)
    await post(client, {"id": "1", "from": "ann", "text": "hello"}, {"id": "2", "from": "bob", "text": "hello"})
    await settled(bot.host, TARGETS, count=4)
    ann, bob = bot.host.pseudonym("kit", "ann"), bot.host.pseudonym("kit", "bob")
    assert await bot.quaid.forget(client_id=ann) == 1
    rows = table_rows(bot.host.data_dir)
    assert "ann" not in rows["kit_user"] and "bob" in rows["kit_user"]
    with bot.host.db():
        assert set(await OutboxItem.filter(target__in=TARGETS).values_list("group", flat=True)) == {bob}
    users = bot.quaid.channels["kit"].kit.users
    with pytest.raises(GiveUp, match="the Kit user was forgotten"):
        await users.client_id(ann)
    assert await users.forget(["no-such-conversation"]) == set()


# -- the partner's API ----------------------------------------------------------------------

async def test_partner_api_failures_name_the_call_never_the_url():
    api = KitAPI(f"http://127.0.0.1:{free_port()}/secret-token")  # nothing listens there
    with pytest.raises(KitError) as failed:
        await api.send("ann", "hi")
    assert str(failed.value) == "POST /send: ClientConnectorError" and "secret" not in str(failed.value)
    assert api._session is not None
    await api.close()
    assert api._session is None
    await api.close()  # twice is fine


def test_partner_answer_reads_json_objects_leniently():
    assert PartnerAnswer(200, '{"id": 3}', {}).json_object() == {"id": 3}
    for text in ("", "  ", "not json", "[1, 2]", '"text"'):
        assert PartnerAnswer(200, text, {}).json_object() == {}, text
    assert PartnerAnswer(204, "", {}).ok and not PartnerAnswer(301, "", {}).ok
    assert PartnerAPI.unavailable is PartnerUnavailable and issubclass(KitAPI.unavailable, PartnerUnavailable)


# -- text of the wire formats ---------------------------------------------------------------

def test_text_helpers():
    assert clean_text("  a\x00b\x1bc\n ", 100) == "a b c" and clean_text(None, 10) == "" and clean_text("abcdef", 3) == "abc"
    assert payload_token("SAT:5") == "SAT:5" and payload_token("two words") is None and payload_token(5) is None
    assert payload_token("x" * 65) is None
    assert shorten("short", 10) == "short" and shorten("a long sentence", 7) == "a long…"
    links = (Link("Fees", "https://example.org/fees"), Link("", "https://example.org"))
    assert with_links("See:", links, 100) == "See:\n\nFees: https://example.org/fees\nhttps://example.org"
    cut = with_links("word " * 50, links, 80)
    assert len(cut) <= 80 and cut.endswith("Fees: https://example.org/fees\nhttps://example.org") and "…" in cut
    assert len(with_links("text", links, 20)) == 20, "no room for the text: the whole is cut"
    assert with_links("  ", (), 10) == ""


def test_partner_base_url_wants_https_except_on_loopback():
    assert partner_base_url("https://api.example.org/v2/", "https://x") == "https://api.example.org/v2"
    assert partner_base_url("http://127.0.0.1:8080", "https://x") == "http://127.0.0.1:8080"
    for bad in ("http://api.example.org", "ftp://api.example.org", "api.example.org", "https://a.org/?k=1",
                "https://a.org/#top"):
        with pytest.raises(ValueError):
            partner_base_url(bad, "https://x")
    with pytest.raises(ValueError, match=r"such as https://api\.example\.org"):
        partner_base_url("nonsense", "https://api.example.org")


def test_outbox_targets():
    assert outbox_targets("mine") == ("mine_in", "mine_out")
