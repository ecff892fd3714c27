"""The ``messenger`` channel against a fake Graph API on loopback: the documented webhook
payloads with right and wrong signatures, de-duplication by ``mid``, the durable outbox both
ways (a restart after the 200, 500 then 200), the Send API's shapes, agents' replies,
privacy at rest, hostile input."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time

import pytest
from quaid_messenger.models import MessengerUser
from quaid_messenger.protocol import message_for, parse_event, parse_webhook

from quaidcore import Link, QuickReply, Reply
from quaidcore.config import ConfigError
from quaidcore.testing import make_harness, merge
from tests.channels import webhook_helpers
from tests.channels.fake_platforms import FAST_RETRY, PAGE_TOKEN, FakePlatforms, settled
from tests.channels.webhook_helpers import (
    RAW,
    assert_forgets,
    assert_json_errors,
    assert_nothing_personal_at_rest,
    start_channel,
)

APP_SECRET = "meta-app-secret"
VERIFY_TOKEN = "verify-me-please"
PAGE_ID = "102030405060708"
ALICE, BOB = "7001002003004005", "7001002003004006"
TARGETS = ["messenger_in", "messenger_out"]


def messenger_block(fake: FakePlatforms, **options) -> dict:
    return {"app_secret": APP_SECRET, "verify_token": VERIFY_TOKEN, "page_access_token": PAGE_TOKEN,
            "graph_url": fake.url + "/v19.0", "retry": FAST_RETRY, **options}


def messenger_config(fake: FakePlatforms, **options) -> dict:
    return {"plugins": {"messenger": messenger_block(fake, **options)}}


async def start(quaid_harness, fake, config: dict | None = None, use: tuple[str, ...] = (), **options):
    return await start_channel(quaid_harness, "messenger", messenger_block(fake, **options), config, use)


# -- the documented payloads -------------------------------------------------------------

def stamp() -> int:
    return int(time.time() * 1000)


def page(*events: dict, entries: int = 1) -> dict:
    """``{"object": "page", "entry": [...]}`` with the events spread over `entries` entries."""
    chunks = [list(events[i::entries]) for i in range(entries)]
    return {"object": "page", "entry": [{"id": PAGE_ID, "time": stamp(), "messaging": chunk}
                                        for chunk in chunks]}


def text(psid: str, mid: str, words: str) -> dict:
    return {"sender": {"id": psid}, "recipient": {"id": PAGE_ID}, "timestamp": stamp(),
            "message": {"mid": mid, "text": words}}


def quick_reply(psid: str, mid: str, title: str, payload: str) -> dict:
    return {"sender": {"id": psid}, "recipient": {"id": PAGE_ID}, "timestamp": stamp(),
            "message": {"mid": mid, "text": title, "quick_reply": {"payload": payload}}}


def postback(psid: str, mid: str, title: str, payload: str) -> dict:
    return {"sender": {"id": psid}, "recipient": {"id": PAGE_ID}, "timestamp": stamp(),
            "postback": {"mid": mid, "title": title, "payload": payload}}


def echo(psid: str, mid: str) -> dict:
    return {"sender": {"id": PAGE_ID}, "recipient": {"id": psid}, "timestamp": stamp(),
            "message": {"is_echo": True, "app_id": 1517776481860111, "mid": mid, "text": "an echo"}}


def delivery(psid: str, mid: str) -> dict:
    return {"sender": {"id": psid}, "recipient": {"id": PAGE_ID},
            "delivery": {"mids": [mid], "watermark": stamp()}}


def read(psid: str) -> dict:
    return {"sender": {"id": psid}, "recipient": {"id": PAGE_ID}, "timestamp": stamp(),
            "read": {"watermark": stamp()}}


def signed(raw: bytes, secret: str = APP_SECRET) -> dict[str, str]:
    digest = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return {"X-Hub-Signature-256": f"sha256={digest}", "Content-Type": "application/json"}


async def post(client, body: dict | bytes, headers: dict[str, str] | None = None):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return await client.post("/api/messenger/webhook", data=raw,
                             headers=signed(raw) if headers is None else headers)


async def stored(bot) -> dict[str, int]:
    return await webhook_helpers.stored(bot, "messenger", MessengerUser)


# -- the subscription check and signatures ---------------------------------------------------

async def test_subscription_check_answers_the_challenge_only_to_the_right_token(quaid_harness, fake):
    _, client = await start(quaid_harness, fake)
    query = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    resp = await client.get("/api/messenger/webhook", params=query)
    assert resp.status == 200 and resp.content_type == "text/plain"
    assert await resp.text() == "1158201444"
    for wrong in ({"hub.verify_token": "guess"}, {"hub.mode": "unsubscribe"}, {"hub.verify_token": ""}):
        resp = await client.get("/api/messenger/webhook", params={**query, **wrong})
        assert resp.status == 403 and "error" in await resp.json()
    resp = await client.get("/api/messenger/webhook", params={**query, "hub.challenge": "x" * 300})
    assert resp.status == 400


async def test_wrong_signatures_get_403_and_store_nothing(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake)
    body = page(text(ALICE, "m_sig1", "how much is an eta"))
    raw = json.dumps(body).encode()
    tampered = raw.replace(b"how much", b"how many")
    for headers in ({}, signed(raw, "another-secret"), {"X-Hub-Signature-256": "sha256="},
                    {"X-Hub-Signature-256": "sha1=" + hashlib.sha1(raw).hexdigest()},
                    {"X-Hub-Signature-256": signed(raw)["X-Hub-Signature-256"].upper()[:-1] + "é"}):
        resp = await post(client, raw, headers)
        assert resp.status == 403, headers
        assert "X-Hub-Signature-256" in (await resp.json())["error"]
    resp = await post(client, tampered, signed(raw))  # a signature of another body
    assert resp.status == 403
    await asyncio.sleep(0.2)
    assert await stored(bot) == {"outbox": 0, "users": 0, "conversations": 0}
    assert fake.calls == []


# -- a batch of documented events ------------------------------------------------------------

async def test_a_batch_of_entries_text_postback_echo_and_receipts(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake)
    body = page(text(ALICE, "m_a1", "how much is an eta"), echo(ALICE, "m_echo1"),
                postback(BOB, "m_b1", "Get Started", "GET_STARTED"), delivery(ALICE, "m_echo1"),
                read(BOB), entries=2)
    assert len(body["entry"]) == 2
    resp = await post(client, body)
    assert resp.status == 200
    assert await resp.json() == {"received": 2, "queued": 2, "ignored": 3}
    items = await settled(bot.host, TARGETS, count=2)
    assert all(i.status == "done" for i in items), [(i.key, i.last_error) for i in items]

    kb = bot.host.kb.get("010102")
    greeting, scope, answer, feedback = [m for m in fake.messages() if m["recipient"]["id"] == ALICE]
    assert "Terms of use: https://" in greeting["message"]["text"], "links are appended to the text"
    assert [q["payload"] for q in scope["message"]["quick_replies"]] == ["SCOPE_GENERAL", "SCOPE_OWN_FILE"]
    assert answer == {"recipient": {"id": ALICE}, "messaging_type": "RESPONSE", "message": {
        "text": f"{kb.answer.get('en')}\n\n{kb.title.get('en')}: {kb.link.get('en')}"}}
    assert feedback["message"] == {"text": "Did this answer your question?", "quick_replies": [
        {"content_type": "text", "title": "Yes", "payload": "YES"},
        {"content_type": "text", "title": "No", "payload": "NO"}]}
    bob = fake.texts(BOB)
    assert len(bob) == 3 and bob[0] == greeting["message"]["text"], "the postback got its answer"
    assert not any("an echo" in t for t in fake.texts()), "echoes are not answered"

    # typing_on goes to each user before their first reply; every body matches the docs
    for psid in (ALICE, BOB):
        calls = [c for c in fake.calls if c.body["recipient"]["id"] == psid]
        assert calls[0].body == {"recipient": {"id": psid}, "sender_action": "typing_on"}
        assert all(c.status == 200 for c in calls)
    assert {c.query["access_token"] for c in fake.calls} == {PAGE_TOKEN}
    assert {c.path for c in fake.calls} == {"/v19.0/me/messages"}

    # one conversation per user, found again by the next message
    alice_conv = await bot.host.open_conversation("messenger", ALICE)
    info = await bot.host.conversation(alice_conv)
    assert info.client == bot.host.pseudonym("messenger", ALICE) and ALICE not in info.client
    await post(client, page(quick_reply(ALICE, "m_a2", "Yes", "YES")))
    await settled(bot.host, TARGETS, count=len(items) + 1)
    assert await bot.host.open_conversation("messenger", ALICE) == alice_conv
    pressed = [line for line in await bot.host.transcript(alice_conv) if line.author == "client"]
    assert pressed[-1].payload == "YES"
    assert (await bot.host.conversation(alice_conv)).outcome == "resolved_by_bot"


async def test_quick_reply_payloads_of_the_core_round_trip(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake)
    await post(client, page(text(ALICE, "m_q1", "how much is an eta")))
    await settled(bot.host, TARGETS, count=2)
    offered = [q for m in fake.messages() for q in m["message"].get("quick_replies", [])]
    yes = next(q for q in offered if q["payload"] == "YES")
    await post(client, page(quick_reply(ALICE, "m_q2", yes["title"], yes["payload"])))
    await settled(bot.host, TARGETS, count=4)
    conversation = await bot.host.open_conversation("messenger", ALICE)
    assert (await bot.host.conversation(conversation)).outcome == "resolved_by_bot"
    events = [e.type for e in await bot.host.store.events(conversation)]
    assert "answer_feedback" in events and "resolved" in events


async def test_the_same_mid_twice_is_one_answer(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake)
    event = text(ALICE, "m_dup", "how much is an eta")
    first = await post(client, page(event))
    assert (await first.json())["queued"] == 1
    items = await settled(bot.host, TARGETS, count=2)
    sent = fake.texts(ALICE)
    again = await post(client, page(event, event))  # the platform redelivers, twice in one batch
    assert (await again.json()) == {"received": 2, "queued": 0, "ignored": 0}
    await asyncio.sleep(0.3)
    assert len(await settled(bot.host, TARGETS)) == len(items)
    assert fake.texts(ALICE) == sent
    transcript = await bot.host.transcript(await bot.host.open_conversation("messenger", ALICE))
    assert [line.text for line in transcript if line.author == "client"] == ["how much is an eta"]


# -- the outbox: failures and restarts --------------------------------------------------------

async def test_500_then_200_sends_each_reply_exactly_once_in_order(quaid_harness, fake):
    fake.script = [500, 429, 500]
    fake.retry_after = 1
    bot, client = await start(quaid_harness, fake)
    await post(client, page(text(ALICE, "m_r1", "how much is an eta")))
    items = await settled(bot.host, TARGETS, count=2)
    out = [i for i in items if i.target == "messenger_out"]
    assert all(i.status == "done" for i in out)
    assert out[0].attempts == 4 and all(i.attempts == 1 for i in out[1:])
    texts = fake.texts(ALICE)
    assert len(texts) == len(out) and len(set(texts)) == len(texts), "each reply exactly once"
    sends = [c for c in fake.calls if "message" in c.body]
    assert [c.status for c in sends[:4]] == [500, 429, 500, 200]
    assert sends[2].at - sends[1].at >= 0.95, "Retry-After: 1 was respected"
    stored_order = [json.loads(json.dumps(i.payload))["body"]["message"]["text"] for i in out]
    assert texts == stored_order, "in order per user: later replies waited for the first"


async def test_a_refused_message_is_given_up_and_does_not_block_the_next(quaid_harness, fake):
    fake.script = [400]  # (#551) This person isn't available right now
    bot, client = await start(quaid_harness, fake)
    await post(client, page(text(ALICE, "m_g1", "how much is an eta")))
    items = await settled(bot.host, TARGETS, count=2)
    out = [i for i in items if i.target == "messenger_out"]
    assert out[0].status == "dead" and "551" in out[0].last_error and ALICE not in out[0].last_error
    assert all(i.status == "done" for i in out[1:]) and len(fake.texts(ALICE)) == len(out) - 1


async def test_an_acknowledged_message_is_answered_after_a_restart(fake, tmp_path):
    config = merge({"redaction": []}, messenger_config(fake))
    first = await make_harness(tmp_path / "data", config=config, use=["messenger"])
    try:
        await first.quaid.channels["messenger"].inbound.stop()  # the process "dies" after the 200
        client = await first.http()
        resp = await post(client, page(text(ALICE, "m_crash", "how much is an eta")))
        assert resp.status == 200
        await asyncio.sleep(0.2)
        assert fake.calls == [], "nothing was processed before the stop"
    finally:
        await first.close()
    second = await make_harness(tmp_path / "data", config=config, use=["messenger"])
    try:
        items = await settled(second.host, TARGETS, count=2)
        assert all(i.status == "done" for i in items)
        assert any("canada.ca" in t for t in fake.texts(ALICE))
        assert len(fake.texts(ALICE)) == len([i for i in items if i.target == "messenger_out"])
    finally:
        await second.close()


# -- agents ---------------------------------------------------------------------------------

async def test_the_handoff_notice_agent_replies_and_survey_reach_the_user(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, human_agent_tag=True)
    await post(client, page(text(ALICE, "m_h1", "how much is an eta")))
    before = len(await settled(bot.host, TARGETS, count=2))
    conversation = await bot.host.open_conversation("messenger", ALICE)
    notice = await bot.host.hand_off(conversation, "asked_for_person")
    assert bot.handoff.requests[-1].channel == "messenger"
    await bot.host.agent_reply(conversation, "Your eTA costs 7 dollars. #010102", code="010102", agent="ana")
    typing = len([c for c in fake.calls if "sender_action" in c.body])
    await post(client, page(text(ALICE, "m_h1b", "and for my son?")))  # the agent owns it: no bot
    await settled(bot.host, TARGETS, count=before + 3)
    assert bot.handoff.forwarded == [(conversation, "and for my son?")]
    assert len([c for c in fake.calls if "sender_action" in c.body]) == typing, "no typing while an agent owns it"
    await bot.host.resolve(conversation, agent="ana")
    await settled(bot.host, TARGETS, count=before + 4)
    later = fake.messages()[-3:]
    assert [m["message"]["text"] for m in later[:2]] == [notice[0].text, "Your eTA costs 7 dollars. #010102"]
    assert all(m["messaging_type"] == "MESSAGE_TAG" and m["tag"] == "HUMAN_AGENT" for m in later)
    assert fake.messages()[0]["messaging_type"] == "RESPONSE", "answers in the window are responses"
    survey = later[2]["message"]["quick_replies"]
    assert [q["payload"] for q in survey] == [f"SAT:{n}" for n in range(1, 6)]
    await post(client, page(quick_reply(ALICE, "m_h2", "5", "SAT:5")))
    await settled(bot.host, TARGETS, count=before + 6)
    events = await bot.host.store.events(conversation)
    assert [e.data for e in events if e.type == "satisfaction"] == [{"score": 5}]


async def test_a_delivery_enqueued_twice_is_one_message(quaid_harness, fake):
    """With several workers on PostgreSQL each one receives a delivery: same key, one item."""
    bot, client = await start(quaid_harness, fake)
    await post(client, page(text(ALICE, "m_w1", "how much is an eta")))
    before = len(await settled(bot.host, TARGETS, count=2))
    conversation = await bot.host.open_conversation("messenger", ALICE)
    replies = await bot.host.agent_reply(conversation, "Here is your answer", agent="ana")
    await bot.quaid.channels["messenger"].deliver(conversation, replies)  # a second worker
    items = await settled(bot.host, TARGETS, count=before + 1)
    assert len(items) == before + 1
    assert fake.texts(ALICE).count("Here is your answer") == 1


# -- privacy ----------------------------------------------------------------------------------

async def test_no_personal_information_at_rest(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config={"redaction": ["patterns"]}, use=("patterns",))
    words = [f"my email is {RAW['email']}", f"call me at {RAW['phone']}",
             f"my passport number is {RAW['passport']}"]
    await post(client, page(*(text(ALICE, f"m_p{n}", w) for n, w in enumerate(words)),
                            postback(ALICE, "m_pb", f"write to {RAW['email']}", "NOT A TOKEN"), entries=2))
    await settled(bot.host, TARGETS, count=4)
    conversation = await bot.host.open_conversation("messenger", ALICE)
    await bot.host.hand_off(conversation, "asked_for_person")
    await bot.host.agent_reply(conversation, f"We wrote to {RAW['email']}", agent="ana")
    await settled(bot.host, TARGETS, count=7)
    lines = [line.text for line in await bot.host.transcript(conversation)]
    assert any("[EMAIL]" in line for line in lines) and any("[PHONE]" in line for line in lines)
    assert any("[PASSPORT]" in line for line in lines), lines
    assert not any(v in t for t in fake.texts() for v in RAW.values())
    await assert_nothing_personal_at_rest(bot, ALICE, "messenger_user")


async def test_forget_deletes_the_psid_and_the_outbox_items(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake)
    await post(client, page(text(ALICE, "m_f1", "how much is an eta"), text(BOB, "m_f2", "hello")))
    await settled(bot.host, TARGETS, count=4)
    await assert_forgets(bot, "messenger", ALICE, BOB, "messenger_user")


# -- hostile input ----------------------------------------------------------------------------

async def test_hostile_bodies_get_json_4xx_never_500(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, max_body_bytes=4096)
    deep = ("[" * 1500 + "]" * 1500).encode()
    deep_object = json.dumps({"object": "page", "entry": [{"messaging": [{"a": 1}]}]}).encode()
    deep_object = deep_object.replace(b'{"a": 1}', b'{"a": ' + b"[" * 100 + b"]" * 100 + b"}")
    surrogate = b'{"object": "page", "entry": [{"messaging": [{"sender": {"id": "1"}, "message": ' \
                b'{"mid": "m_x", "text": "\\ud800"}}]}]}'
    cases = {
        "deep": (deep, 400), "deep in an event": (deep_object, 400), "lone surrogate": (surrogate, 400),
        "invalid UTF-8": (b'{"object": "page", "entry": ["\xff"]}', 400),
        "not an object": (b"[]", 400), "not JSON": (b"{'object': 'page'}", 400),
        "huge number": (b'{"object": "page", "entry": [], "n": ' + b"9" * 100 + b"}", 400),
        "entry not a list": (b'{"object": "page", "entry": {"id": "1"}}', 400),
        "not a page": (b'{"object": "instagram", "entry": []}', 404),
        "oversized": (b'{"object": "page", "entry": [], "pad": "' + b"x" * 5000 + b'"}', 413),
    }
    await assert_json_errors(lambda raw: post(client, raw), cases)
    resp = await post(client, b"x" * 5000, {})  # oversized and unsigned: refused before reading it all
    assert resp.status == 413
    resp = await client.post("/api/messenger/webhook", data=deep)  # unsigned
    assert resp.status == 403
    await asyncio.sleep(0.1)
    assert await stored(bot) == {"outbox": 0, "users": 0, "conversations": 0}


async def test_control_characters_and_odd_events_are_handled_not_fatal(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake)
    odd = [{"sender": {"id": "not-a-psid"}, "message": {"mid": "m_o1", "text": "hi"}},
           {"sender": {"id": ALICE}, "message": {"mid": "m_o2", "attachments": [{"type": "image"}]}},
           {"sender": {"id": ALICE}, "reaction": {"mid": "m_o3", "action": "react", "emoji": "❤"}},
           "not an event", {"sender": {"id": ALICE}, "message": {"mid": "m_o4", "text": "how\x00 much\x1b is an eta"}}]
    resp = await post(client, page(*odd))
    assert await resp.json() == {"received": 1, "queued": 1, "ignored": 4}
    items = await settled(bot.host, TARGETS, count=2)
    assert all(i.status == "done" for i in items)


# -- the wire formats, without I/O -------------------------------------------------------------

def test_message_for_keeps_to_the_send_api_limits():
    long_text = "word " * 1000
    links = (Link("Fees", "https://www.canada.ca/en/fees.html"),)
    buttons = tuple(QuickReply(f"A rather long solution title number {n}", f"CODE:0101{n:02d}") for n in range(15))
    message = message_for(Reply(long_text, "clarify", links=links, quick_replies=buttons))
    assert len(message["text"]) <= 2000 and message["text"].endswith("Fees: https://www.canada.ca/en/fees.html")
    assert len(message["quick_replies"]) == 13
    assert all(len(q["title"]) <= 20 and q["content_type"] == "text" for q in message["quick_replies"])
    assert [q["payload"] for q in message["quick_replies"]] == [f"CODE:0101{n:02d}" for n in range(13)]
    short = message_for(Reply("Did you mean…", "clarify", quick_replies=buttons[:2]))
    assert "• A rather long solution title number 1" in short["text"], "cut titles are listed in full"
    assert message_for(Reply("Yes or no?", quick_replies=(QuickReply("Yes", "YES"),))) == {
        "text": "Yes or no?", "quick_replies": [{"content_type": "text", "title": "Yes", "payload": "YES"}]}
    assert message_for(Reply("")) is None


def test_payloads_of_the_core_round_trip_through_the_parser():
    for payload in ("YES", "CODE:010102", "SAT:5", "SCOPE_OWN_FILE"):
        parsed = parse_event(quick_reply(ALICE, "m_1", "title", payload))
        assert (parsed.payload, parsed.text, parsed.fallback, parsed.key) == (payload, "", "title", "mid:m_1")
    free = parse_event(postback(ALICE, "m_2", "Talk to us", "free text with spaces"))
    assert (free.payload, free.text) == (None, "Talk to us"), "a payload that is no token is sent as its title"
    messages, ignored = parse_webhook(page(text(ALICE, "m_" + "x" * 300, "hi"), read(ALICE)))
    assert ignored == 1 and messages[0].key.startswith("mid#") and len(messages[0].key) < 191


def test_config_requires_secrets_and_https():
    fake_url = "http://127.0.0.1:9"
    from quaid_messenger.config import MessengerConfig

    good = {"app_secret": "a", "verify_token": "b", "page_access_token": "c"}
    assert MessengerConfig(**good).graph_url == "https://graph.facebook.com/v19.0"
    assert MessengerConfig(**good, graph_url=fake_url + "/v19.0/").graph_url == fake_url + "/v19.0"
    for bad in ({**good, "app_secret": ""}, {**good, "graph_url": "http://graph.example.com"},
                {"verify_token": "b", "page_access_token": "c"}, {**good, "colour": "blue"}):
        with pytest.raises(ValueError):
            MessengerConfig(**bad)
    assert "topsecret" not in repr(MessengerConfig(**{**good, "app_secret": "topsecret"}))


async def test_an_unknown_key_in_the_block_is_a_config_error(quaid_harness, fake):
    with pytest.raises(ConfigError, match="messenger"):
        await quaid_harness(use=["messenger"], config=messenger_config(fake, colour="blue"))
