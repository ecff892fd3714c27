"""The ``twitter`` channel against a fake X API on loopback: the Account Activity API's CRC
and signed direct-message events, the helpdesk flow of ``dialogue.channels_without_bot``,
de-duplication by event ID, the durable outbox (500 then 200), agents' replies as direct
messages, privacy at rest, hostile input."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time

import pytest
from quaid_twitter.client import wait
from quaid_twitter.models import TwitterUser
from quaid_twitter.protocol import parse_webhook, text_for

from quaidcore import Link, QuickReply, Reply
from quaidcore.testing import make_harness, merge
from tests.channels import webhook_helpers
from tests.channels.fake_platforms import FAST_RETRY, X_ACCOUNT, X_TOKEN, FakePlatforms, settled
from tests.channels.webhook_helpers import (
    RAW,
    assert_forgets,
    assert_json_errors,
    assert_nothing_personal_at_rest,
    start_channel,
)

CONSUMER_SECRET = "x-consumer-secret"
CAROL, DAVE = "3001969357", "3001969358"
TARGETS = ["twitter_in", "twitter_out"]
HELPDESK = {"dialogue": {"channels_without_bot": ["twitter"]}}


def twitter_block(fake: FakePlatforms, **options) -> dict:
    return {"consumer_secret": CONSUMER_SECRET, "access_token": X_TOKEN, "account_id": X_ACCOUNT,
            "api_url": fake.url, "retry": FAST_RETRY, **options}


async def start(quaid_harness, fake, config: dict | None = None, use: tuple[str, ...] = (), **options):
    return await start_channel(quaid_harness, "twitter", twitter_block(fake, **options), config, use)


# -- the documented payloads -------------------------------------------------------------

_ids = iter(range(954491830116155396, 954491830116255396))


def dm(sender: str, words: str, event_id: str | None = None, metadata: str | None = None,
       recipient: str = X_ACCOUNT) -> dict:
    """A ``message_create`` event as the Account Activity API sends it."""
    data: dict = {"text": words, "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}}
    if metadata is not None:
        data["quick_reply_response"] = {"type": "options", "metadata": metadata}
    return {"type": "message_create", "id": event_id or str(next(_ids)),
            "created_timestamp": str(int(time.time() * 1000)),
            "message_create": {"target": {"recipient_id": recipient}, "sender_id": sender,
                               "source_app_id": "13090192", "message_data": data}}


def activity(*events: dict, for_user: str = X_ACCOUNT, **others: list) -> dict:
    users = {uid: {"id": uid, "created_timestamp": "1422556069340", "name": "Jordan Brinks",
                   "screen_name": "furiouscamper", "protected": False, "verified": False,
                   "followers_count": 22, "friends_count": 45, "statuses_count": 494}
             for uid in {X_ACCOUNT, *(e["message_create"]["sender_id"] for e in events)}}
    return {"for_user_id": for_user, "direct_message_events": list(events),
            "apps": {"13090192": {"id": "13090192", "name": "AgencyApp", "url": "https://x.com/agency"}},
            "users": users, **others}


def typing(sender: str) -> dict:
    return {"created_timestamp": "1518127183443", "sender_id": sender, "target": {"recipient_id": X_ACCOUNT}}


def signature(raw: bytes, secret: str = CONSUMER_SECRET) -> str:
    return "sha256=" + base64.b64encode(hmac.new(secret.encode(), raw, hashlib.sha256).digest()).decode()


async def post(client, body: dict | bytes, headers: dict[str, str] | None = None):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    if headers is None:
        headers = {"x-twitter-webhooks-signature": signature(raw), "Content-Type": "application/json"}
    return await client.post("/api/twitter/webhook", data=raw, headers=headers)


async def stored(bot) -> dict[str, int]:
    return await webhook_helpers.stored(bot, "twitter", TwitterUser)


# -- CRC and signatures ------------------------------------------------------------------------

async def test_crc_answers_the_response_token(quaid_harness, fake):
    _, client = await start(quaid_harness, fake)
    resp = await client.get("/api/twitter/webhook", params={"crc_token": "4ac3b0a1-2f0c-4c6e-95c1"})
    assert resp.status == 200
    expected = base64.b64encode(hmac.new(CONSUMER_SECRET.encode(), b"4ac3b0a1-2f0c-4c6e-95c1",
                                         hashlib.sha256).digest()).decode()
    assert await resp.json() == {"response_token": f"sha256={expected}"}
    for query in ({}, {"crc_token": ""}, {"crc_token": "x" * 600}):
        resp = await client.get("/api/twitter/webhook", params=query)
        assert resp.status == 400 and "error" in await resp.json()


async def test_wrong_signatures_get_403_and_store_nothing(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config=HELPDESK)
    raw = json.dumps(activity(dm(CAROL, "help me please"))).encode()
    hex_digest = "sha256=" + hmac.new(CONSUMER_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    for headers in ({}, {"x-twitter-webhooks-signature": signature(raw, "another-secret")},
                    {"x-twitter-webhooks-signature": hex_digest},
                    {"x-twitter-webhooks-signature": signature(raw).lower()},
                    {"x-twitter-webhooks-signature": signature(raw + b" ")}):
        resp = await post(client, raw, headers)
        assert resp.status == 403, headers
        assert "x-twitter-webhooks-signature" in (await resp.json())["error"]
    await asyncio.sleep(0.2)
    assert await stored(bot) == {"outbox": 0, "users": 0, "conversations": 0}
    assert bot.handoff.requests == [] and fake.calls == []


# -- the helpdesk flow -------------------------------------------------------------------------

async def test_direct_messages_become_tickets_and_agents_reply_by_direct_message(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config=HELPDESK)
    body = activity(dm(CAROL, "My study permit application is late"), dm(X_ACCOUNT, "our own reply",
                    recipient=CAROL), direct_message_indicate_typing_events=[typing(CAROL)],
                    direct_message_mark_read_events=[typing(CAROL)])
    resp = await post(client, body)
    assert await resp.json() == {"received": 1, "queued": 1, "ignored": 3}
    await settled(bot.host, TARGETS, count=1)
    [request] = bot.handoff.requests
    assert (request.channel, request.reason) == ("twitter", "channel_without_bot")
    assert [line["text"] for line in request.transcript] == ["My study permit application is late"]
    assert fake.calls == [], "the bot stays silent on X"

    await post(client, activity(dm(CAROL, "any news?")))
    await settled(bot.host, TARGETS, count=2)
    conversation = await bot.host.open_conversation("twitter", CAROL)
    assert bot.handoff.forwarded == [(conversation, "any news?")]
    assert len(bot.handoff.requests) == 1

    await bot.host.agent_reply(conversation, "Processing takes 8 weeks.", code="010102", agent="ana")
    await bot.host.resolve(conversation, agent="ana")
    await settled(bot.host, TARGETS, count=4)
    [reply, survey] = fake.dms()
    assert reply == (CAROL, "Processing takes 8 weeks.")
    assert survey[0] == CAROL and survey[1] == (await bot.host.transcript(conversation))[-1].text
    call = next(c for c in fake.calls if c.status == 201)
    assert call.path == f"/2/dm_conversations/with/{CAROL}/messages"
    assert call.headers["Authorization"] == f"Bearer {X_TOKEN}" and call.body == {"text": reply[1]}


async def test_the_same_event_twice_is_one_ticket(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config=HELPDESK)
    event = dm(CAROL, "hello, I need an agent", event_id="1000000000000000042")
    assert (await (await post(client, activity(event))).json())["queued"] == 1
    again = await post(client, activity(event, event))
    assert await again.json() == {"received": 2, "queued": 0, "ignored": 0}
    items = await settled(bot.host, TARGETS, count=1)
    await asyncio.sleep(0.2)
    assert [i.key for i in items] == ["dm:1000000000000000042"]
    assert len(bot.handoff.requests) == 1 and bot.handoff.forwarded == []


async def test_500_then_200_delivers_each_agent_reply_exactly_once(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config=HELPDESK)
    await post(client, activity(dm(CAROL, "I need an agent")))
    await settled(bot.host, TARGETS, count=1)
    conversation = await bot.host.open_conversation("twitter", CAROL)
    fake.script = [500, 429, 500]
    for text in ("First answer.", "Second answer."):
        await bot.host.agent_reply(conversation, text, agent="ana")
    items = await settled(bot.host, TARGETS, count=3)
    out = [i for i in items if i.target == "twitter_out"]
    assert [i.status for i in out] == ["done", "done"] and out[0].attempts == 4
    assert fake.dms() == [(CAROL, "First answer."), (CAROL, "Second answer.")]
    assert [c.status for c in fake.calls] == [500, 429, 500, 201, 201]


async def test_a_refused_direct_message_is_given_up(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config=HELPDESK)
    await post(client, activity(dm(CAROL, "I need an agent")))
    await settled(bot.host, TARGETS, count=1)
    fake.script = [400]  # 403: you cannot send messages to this user
    await bot.host.agent_reply(await bot.host.open_conversation("twitter", CAROL), "Hello", agent="ana")
    [item] = [i for i in await settled(bot.host, TARGETS, count=2) if i.target == "twitter_out"]
    assert item.status == "dead" and "403" in item.last_error and CAROL not in item.last_error


async def test_an_acknowledged_message_becomes_a_ticket_after_a_restart(fake, tmp_path):
    config = merge(HELPDESK, {"plugins": {"twitter": twitter_block(fake)}})
    first = await make_harness(tmp_path / "data", config=config, use=["twitter"])
    try:
        await first.quaid.channels["twitter"].inbound.stop()  # the process "dies" after the 200
        resp = await post(await first.http(), activity(dm(CAROL, "I need an agent")))
        assert (await resp.json())["queued"] == 1
        await asyncio.sleep(0.2)
        assert first.handoff.requests == []
    finally:
        await first.close()
    second = await make_harness(tmp_path / "data", config=config, use=["twitter"])
    try:
        [item] = await settled(second.host, TARGETS, count=1)
        assert item.status == "done" and len(second.handoff.requests) == 1
        assert [line["text"] for line in second.handoff.requests[0].transcript] == ["I need an agent"]
    finally:
        await second.close()


async def test_with_the_bot_answers_and_quick_reply_metadata_round_trip(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake)  # X without channels_without_bot: the bot answers
    await post(client, activity(dm(DAVE, "how much is an eta")))
    await settled(bot.host, TARGETS, count=2)
    texts = [text for _, text in fake.dms()]
    kb = bot.host.kb.get("010102")
    assert f"{kb.answer.get('en')}\n\n{kb.title.get('en')}: {kb.link.get('en')}" in texts
    assert texts[-1] == "Did this answer your question?", "quick replies are dropped on X"
    await post(client, activity(dm(DAVE, "Yes", metadata="YES")))
    await settled(bot.host, TARGETS, count=len(texts) + 2)
    conversation = await bot.host.open_conversation("twitter", DAVE)
    assert (await bot.host.conversation(conversation)).outcome == "resolved_by_bot"
    assert [line.payload for line in await bot.host.transcript(conversation) if line.author == "client"] == [
        None, "YES"]


async def test_events_for_another_account_are_ignored(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config=HELPDESK)
    resp = await post(client, activity(dm(CAROL, "hi", recipient="42"), for_user="42"))
    assert await resp.json() == {"received": 0, "queued": 0, "ignored": 1}
    assert await stored(bot) == {"outbox": 0, "users": 0, "conversations": 0}


# -- privacy ----------------------------------------------------------------------------------

async def test_no_personal_information_at_rest(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config={**HELPDESK, "redaction": ["patterns"]},
                              use=("patterns",))
    words = [f"my email is {RAW['email']}", f"call me at {RAW['phone']}",
             f"my passport number is {RAW['passport']}"]
    await post(client, activity(*(dm(CAROL, w) for w in words)))
    await settled(bot.host, TARGETS, count=3)
    conversation = await bot.host.open_conversation("twitter", CAROL)
    await bot.host.agent_reply(conversation, f"We wrote to {RAW['email']}", agent="ana")
    await settled(bot.host, TARGETS, count=4)
    sent = [line["text"] for line in bot.handoff.requests[0].transcript] + [t for _, t in bot.handoff.forwarded]
    assert sent == ["my email is [EMAIL]", "call me at [PHONE]", "my passport number is [PASSPORT]"]
    assert fake.dms() == [(CAROL, "We wrote to [EMAIL]")]
    await assert_nothing_personal_at_rest(bot, CAROL, "twitter_user")


async def test_forget_deletes_the_user_id_and_the_outbox_items(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config=HELPDESK)
    await post(client, activity(dm(CAROL, "hello"), dm(DAVE, "hello")))
    await settled(bot.host, TARGETS, count=2)
    await assert_forgets(bot, "twitter", CAROL, DAVE, "twitter_user")


# -- hostile input ----------------------------------------------------------------------------

async def test_hostile_bodies_get_json_4xx_never_500(quaid_harness, fake):
    bot, client = await start(quaid_harness, fake, config=HELPDESK, max_body_bytes=4096)
    deep = ("[" * 1500 + "]" * 1500).encode()
    surrogate = json.dumps(activity(dm(CAROL, "x"))).replace('"text": "x"', '"text": "\\udc00"').encode()
    cases = {
        "deep": (deep, 400), "lone surrogate": (surrogate, 400),
        "invalid UTF-8": (b'{"for_user_id": "\xfe"}', 400), "not an object": (b'"hello"', 400),
        "not JSON": (b"{direct_message_events: []}", 400),
        "events not a list": (b'{"direct_message_events": {"type": "message_create"}}', 400),
        "NaN": (b'{"direct_message_events": [], "x": NaN}', 400),
        "oversized": (b'{"direct_message_events": [], "pad": "' + b"x" * 5000 + b'"}', 413),
    }
    await assert_json_errors(lambda raw: post(client, raw), cases)
    resp = await post(client, deep, {})
    assert resp.status == 403
    odd = activity(dm(CAROL, "ok"))
    odd["direct_message_events"] += ["text", {"type": "message_create", "id": "x"},
                                     {"type": "message_create", "id": "1", "message_create": {"sender_id": 5}},
                                     dm(CAROL, "")]
    resp = await post(client, odd)
    assert await resp.json() == {"received": 1, "queued": 1, "ignored": 4}
    items = await settled(bot.host, TARGETS, count=1)
    assert [i.status for i in items] == ["done"]


# -- the wire formats, without I/O -------------------------------------------------------------

def test_text_for_appends_links_and_keeps_to_the_limit():
    links = (Link("eTA", "https://www.canada.ca/eta"),)
    assert text_for(Reply("Apply online.", links=links)) == "Apply online.\n\neTA: https://www.canada.ca/eta"
    long = text_for(Reply("word " * 5000, links=links, quick_replies=(QuickReply("Yes", "YES"),)))
    assert len(long) <= 10_000 and long.endswith("eTA: https://www.canada.ca/eta")
    assert text_for(Reply("  ")) is None


def test_rate_limit_waits():
    assert wait("3", None) == 3.0
    assert wait(None, "1000", now=990.0) == 10.0
    assert wait(None, None) == 60.0 and wait("soon", None) == 60.0


def test_parse_ignores_own_messages_and_keeps_payloads():
    messages, ignored = parse_webhook(activity(dm(CAROL, "Yes", metadata="SAT:5"), dm(X_ACCOUNT, "ours")),
                                      X_ACCOUNT)
    assert ignored == 1
    [message] = messages
    assert (message.client_id, message.payload, message.text, message.fallback) == (CAROL, "SAT:5", "", "Yes")
    assert message.key.startswith("dm:")


def test_config_requires_secrets_the_account_and_https():
    from quaid_twitter.config import TwitterConfig

    good = {"consumer_secret": "a", "access_token": "b", "account_id": "123"}
    assert TwitterConfig(**good).api_url == "https://api.x.com"
    for bad in ({**good, "consumer_secret": ""}, {**good, "account_id": "@agency"},
                {**good, "api_url": "http://api.x.com"}, {"consumer_secret": "a", "access_token": "b"},
                {**good, "bearer": "c"}):
        with pytest.raises(ValueError):
            TwitterConfig(**bad)
    assert "topsecret" not in repr(TwitterConfig(**{**good, "access_token": "topsecret"}))
