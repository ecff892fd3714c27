"""The botframework channel through botbuilder's own classes and a fake Bot Connector.

Inbound tokens are checked by the SDK's ``ConfigurationBotFrameworkAuthentication`` against
an RSA key that the fake publishes as OpenID metadata on loopback; replies go out through
the SDK's ``ConnectorClient`` to the fake's ``/v3/conversations/...`` routes. The fake runs
on the test's own event loop: if the signing-key fetch (blocking ``requests`` in the SDK) or
a connector call ran on the loop, the fake could not answer and the tests would time out —
so every passing round trip also shows that they run in threads.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from botframework.connector.auth import AuthenticationConstants, JwtTokenExtractor, MicrosoftAppCredentials
from pydantic import ValidationError
from quaid_botframework import BotFrameworkConfig
from quaid_botframework.auth import OffLoopOpenIdMetadata, make_authentication

from quaidcore.testing import Harness
from tests.channels.fake_bot_connector import (
    APP_ID,
    FakeBotConnector,
    activity,
    jwk,
    other_key,
    token,
)
from tests.conftest import free_port

URL = "/api/botframework/messages"
BOT_TOKEN = "test-bot-access-token"
ETA = "how much is an eta"


@pytest.fixture
async def fake():
    async with FakeBotConnector() as connector:
        yield connector


@pytest.fixture(autouse=True)
def msal_token(monkeypatch):
    """The bot's own token: msal only talks to https authorities, so the SDK's credentials
    class answers a fixed token here; the threads it was asked from are kept."""
    threads: list[tuple[threading.Thread, str, str]] = []

    def get_access_token(self, force_refresh: bool = False) -> str:
        threads.append((threading.current_thread(), self.oauth_endpoint, self.oauth_scope))
        return BOT_TOKEN

    monkeypatch.setattr(MicrosoftAppCredentials, "get_access_token", get_access_token)
    return threads


def block(fake: FakeBotConnector, **options: Any) -> dict[str, Any]:
    return {"app_id": APP_ID, "app_password": "s3cret-app-password", "openid_metadata": fake.metadata_url,
            "retry": {"base_delay_s": 0.05, "max_delay_s": 0.2, "poll_interval_s": 0.05}, **options}


async def start(fake: FakeBotConnector, quaid_harness: Any, config: dict[str, Any] | None = None,
                **options: Any) -> tuple[Harness, Any]:
    merged = {"plugins": {"botframework": block(fake, **options)}, **(config or {})}
    bot = await quaid_harness(use=["botframework", *merged.pop("use", [])], config=merged)
    return bot, await bot.http()


async def post(client: Any, body: Any, bearer: str | None, **headers: str) -> tuple[int, Any]:
    if bearer is not None:
        headers["Authorization"] = f"Bearer {bearer}"
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    headers.setdefault("Content-Type", "application/json")
    async with client.post(URL, data=data, headers=headers) as resp:
        text = await resp.text()
        try:
            return resp.status, json.loads(text)
        except ValueError:
            return resp.status, text


async def say(client: Any, fake: FakeBotConnector, text: str, **fields: Any) -> dict[str, Any]:
    body = activity(fake.service_url, text, **fields)
    status, answer = await post(client, body, token(fake.service_url))
    assert status == 200, answer
    return body


def database(bot: Harness) -> Path:
    return Path(bot.quaid.store.url.removeprefix("sqlite://"))


def rows(bot: Harness) -> dict[str, list[tuple]]:
    """Every row of every table of the harness's SQLite database."""
    with sqlite3.connect(f"file:{database(bot)}?mode=ro", uri=True) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {table: db.execute(f'SELECT * FROM "{table}"').fetchall() for table in tables}


def counts(bot: Harness) -> dict[str, int]:
    return {table: len(found) for table, found in rows(bot).items()}


async def conversation_of(bot: Harness, body: dict[str, Any]) -> str:
    key = f"{body['channelId']}:{body['conversation']['id']}:{body['from']['id']}"
    found = await bot.host.open_conversation("botframework", key)
    assert found
    return found


# -- a valid token gets a reply ----------------------------------------------------------


async def test_valid_token_gets_the_greeting_and_the_answer(fake, quaid_harness, msal_token):
    bot, client = await start(fake, quaid_harness)
    body = await say(client, fake, ETA)
    calls = await fake.wait_for(4)
    greeting, scope, answer, survey = (c.body for c in calls)
    for call in calls:  # Web Chat does not thread: new activities in the conversation
        assert call.path == "/amer/v3/conversations/conv-8f2a|livechat/activities"
        assert call.conversation == "conv-8f2a|livechat" and call.reply_to is None
        assert call.authorization == f"Bearer {BOT_TOKEN}"
        assert call.body["type"] == "message"
        assert call.body["from"]["id"] == body["recipient"]["id"]
        assert call.body["recipient"] == {"id": "dl_user-42"}  # no display name kept
        assert call.body["conversation"]["id"] == "conv-8f2a|livechat"
        assert call.body["channelId"] == "webchat" and call.body["serviceUrl"] == fake.service_url
    assert greeting["text"].startswith("Hello! I'm a virtual assistant")
    card = greeting["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.hero"
    assert card["content"]["buttons"][0]["type"] == "openUrl"
    assert card["content"]["buttons"][0]["value"].startswith("https://www.canada.ca/")
    assert scope["suggestedActions"]["actions"] == [
        {"type": "postBack", "title": "General question", "value": "SCOPE_GENERAL"},
        {"type": "postBack", "title": "About my own file", "value": "SCOPE_OWN_FILE"}]
    assert "The fee is CAD $7" in answer["text"] and "suggestedActions" not in answer
    assert [a["value"] for a in survey["suggestedActions"]["actions"]] == ["YES", "NO"]
    assert msal_token and all(thread is not threading.main_thread() for thread, _, _ in msal_token)
    assert {(endpoint, scope) for _, endpoint, scope in msal_token} == {
        ("https://login.microsoftonline.com/botframework.com", "https://api.botframework.com")}
    assert fake.key_fetches == 1

    # The next message continues the same conversation: no second greeting.
    await say(client, fake, "YES")
    calls = await fake.wait_for(5)
    assert calls[4].body["text"] == "Glad I could help! Do you have another question?"
    conversation_id = await conversation_of(bot, body)
    lines = await bot.host.transcript(conversation_id)
    client_lines = [line for line in lines if line.author == "client"]
    assert [(line.text, line.payload) for line in client_lines] == [(ETA, None), ("", "YES")]


async def test_a_redelivered_activity_is_answered_once(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness)
    body = activity(fake.service_url, ETA)
    for _ in range(3):  # the Bot Connector retries a delivery it thinks failed
        status, _ = await post(client, body, token(fake.service_url))
        assert status == 200
    await fake.wait_for(4)
    await say(client, fake, "YES")
    calls = await fake.wait_for(5)
    assert [c.body["text"][:12] for c in calls] == ["Hello! I'm a", "Is your ques", "Apply online",
                                                     "Did this ans", "Glad I could"]
    conversation_id = await conversation_of(bot, body)
    assert [line.text for line in await bot.host.transcript(conversation_id)
            if line.author == "client"] == [ETA, ""]


async def test_single_tenant_and_public_cloud_key_cache(fake, quaid_harness, msal_token, monkeypatch):
    """Without ``openid_metadata`` the SDK's public-cloud path validates against Microsoft's
    metadata URL: its cache object is ours (fetches in a thread); the test supplies the
    locally generated key through it, so nothing leaves the machine."""
    _, client = await start(fake, quaid_harness, openid_metadata=None, tenant_id="72f988bf-tenant")
    metadata = JwtTokenExtractor.metadataCache.get(AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL)
    assert isinstance(metadata, OffLoopOpenIdMetadata)
    monkeypatch.setattr(metadata, "keys", [jwk()])
    monkeypatch.setattr(metadata, "last_updated", datetime.now())
    await say(client, fake, ETA)
    await fake.wait_for(4)
    assert fake.key_fetches == 0
    assert {endpoint for _, endpoint, _ in msal_token} == {"https://login.microsoftonline.com/72f988bf-tenant"}
    status, _ = await post(client, activity(fake.service_url, ETA), token(fake.service_url, aud="other-app"))
    assert status == 401


async def test_teams_replies_thread_under_the_activity_and_mentions_are_removed(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness)
    recipient = {"id": "28:" + APP_ID, "name": "Quaid"}
    body = await say(client, fake, f"<at>Quaid</at> {ETA}", channel="msteams",
                     conversation="a:1Fq9-group;messageid=1", user="29:1a2b3c", locale="en-CA",
                     entities=[{"type": "mention", "text": "<at>Quaid</at>", "mentioned": recipient}],
                     conversationType="personal", tenantId="72f988bf")
    calls = await fake.wait_for(4)
    for call in calls:
        assert call.reply_to == body["id"]
        assert call.path == f"/amer/v3/conversations/a:1Fq9-group;messageid=1/activities/{body['id']}"
        assert call.body["replyToId"] == body["id"]
    assert "The fee is CAD $7" in calls[2].body["text"]
    conversation_id = await conversation_of(bot, body)
    assert [line.text for line in await bot.host.transcript(conversation_id) if line.author == "client"] == [ETA]


async def test_im_back_and_markdown_links_options(fake, quaid_harness):
    _, client = await start(fake, quaid_harness, quick_reply_action="imBack", links="markdown")
    await say(client, fake, ETA)
    greeting, scope, answer, _ = (c.body for c in await fake.wait_for(4))
    assert "attachments" not in greeting
    assert "- [Terms of use](https://www.canada.ca/en/transparency/terms.html)" in greeting["text"]
    assert {a["type"] for a in scope["suggestedActions"]["actions"]} == {"imBack"}
    assert "](https://www.canada.ca/" in answer["text"]


async def test_conversation_update_greets_once(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness)
    update = activity(fake.service_url, None, kind="conversationUpdate", membersAdded=[
        {"id": "28:" + APP_ID, "name": "Quaid"}, {"id": "dl_user-42", "name": "Marie Tremblay"}])
    for _ in range(2):
        status, _ = await post(client, update, token(fake.service_url))
        assert status == 200
    calls = await fake.wait_for(2)
    assert calls[0].body["text"].startswith("Hello!") and calls[0].body["recipient"] == {"id": "dl_user-42"}
    await say(client, fake, "SCOPE_GENERAL")  # the button of the greeting, pressed
    calls = await fake.wait_for(3)
    assert not any(c.body.get("text", "").startswith("Hello!") for c in calls[2:])
    conversation_id = await conversation_of(bot, update)
    assert [line.payload for line in await bot.host.transcript(conversation_id)
            if line.author == "client"] == ["SCOPE_GENERAL"]
    assert len(rows(bot)["quaid_conversation"]) == 1


async def test_other_activity_types_are_acknowledged_and_ignored(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness)
    before = counts(bot)
    for kind in ("typing", "messageReaction", "event", "installationUpdate"):
        status, _ = await post(client, activity(fake.service_url, None, kind=kind), token(fake.service_url))
        assert status == 200
    status, _ = await post(client, activity(fake.service_url, None, attachments=[
        {"contentType": "image/png", "contentUrl": "https://example.com/a.png"}]), token(fake.service_url))
    assert status == 200
    assert counts(bot) == before and fake.calls == []


# -- refused tokens ----------------------------------------------------------------------


REFUSED = {
    "wrong audience": {"aud": "00000000-0000-0000-0000-000000000000"},
    "wrong issuer": {"iss": "https://sts.windows.net/not-the-bot-connector/"},
    "expired": {"expires_in": -3600},
    "unsigned": {"unsigned": True},
    "forged signature": {"key": "other"},
    "unknown key id": {"kid": "not-published"},
    "no key id": {"kid": None},
    "serviceurl claim of another service": {"serviceurl": "https://smba.trafficmanager.net/amer/"},
}


@pytest.mark.parametrize("case", sorted(REFUSED))
async def test_refused_tokens_change_nothing(fake, quaid_harness, case):
    bot, client = await start(fake, quaid_harness)
    options = dict(REFUSED[case])
    if options.get("key") == "other":
        options["key"] = other_key()
    before = counts(bot)
    status, answer = await post(client, activity(fake.service_url, ETA), token(fake.service_url, **options))
    assert status == 401 and answer == {"error": "unauthorized"}
    assert counts(bot) == before
    assert fake.calls == []


async def test_missing_or_malformed_authorization_is_refused(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness)
    body = activity(fake.service_url, ETA)
    before = counts(bot)
    for headers in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer"},
                    {"Authorization": "Bearer not.a.jwt"}, {"Authorization": "Bearer " + "a" * 6000},
                    {"Authorization": "Bearer " + token(fake.service_url) + " extra"}):
        status, answer = await post(client, body, None, **headers)
        assert status == 401, headers
        assert answer == {"error": "unauthorized"}
    # A channel the key does not endorse.
    status, _ = await post(client, activity(fake.service_url, ETA, channel="slack"), token(fake.service_url))
    assert status == 401
    assert counts(bot) == before and fake.calls == []


async def test_signing_keys_unavailable_is_503_not_401(fake, quaid_harness):
    metadata = f"http://127.0.0.1:{free_port()}/v1/.well-known/openidconfiguration"
    bot, client = await start(fake, quaid_harness, openid_metadata=metadata)
    before = counts(bot)
    status, answer = await post(client, activity(fake.service_url, ETA), token(fake.service_url))
    assert status == 503 and "signing keys" in answer["error"]
    assert counts(bot) == before


def test_config_refuses_an_empty_app_id_and_plain_http_metadata():
    with pytest.raises(ValidationError):
        BotFrameworkConfig(app_id="", app_password="x")  # an empty app ID disables the SDK's auth
    with pytest.raises(ValidationError):
        BotFrameworkConfig(app_id=APP_ID)
    with pytest.raises(ValidationError):
        BotFrameworkConfig(app_id=APP_ID, app_password="x", openid_metadata="http://keys.example/x")
    config = BotFrameworkConfig(app_id=APP_ID, app_password="x", tenant_id="72f988bf")
    assert "x" not in repr(config.app_password)
    assert BotFrameworkConfig(app_id=APP_ID, app_password="x", tenant_id="").tenant_id is None  # ${VAR:-}


def test_the_cloud_decides_the_audience_of_the_bots_token():
    public = make_authentication(BotFrameworkConfig(app_id=APP_ID, app_password="x"))[0]
    gov = make_authentication(BotFrameworkConfig(app_id=APP_ID, app_password="x",
                                                 channel_service="https://botframework.azure.us"))[0]
    assert public.get_originating_audience() == "https://api.botframework.com"
    assert gov.get_originating_audience() == "https://api.botframework.us"


# -- hostile bodies ----------------------------------------------------------------------


async def test_hostile_bodies_get_4xx_json_never_500(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness, max_body_bytes=16 * 1024)
    bearer = token(fake.service_url)
    good = activity(fake.service_url, ETA)
    raw = json.dumps(good)
    hostile: dict[str, Any] = {
        "deep JSON": '{"a":' * 5000 + "1" + "}" * 5000,
        "deep but small": json.dumps({**good, "channelData": json.loads('{"a":' * 40 + "1" + "}" * 40)}),
        "lone surrogate": raw.replace(ETA, "\\ud800 eta"),
        "invalid UTF-8": raw.encode().replace(b"eta", b"\xff\xfe"),
        "oversized": json.dumps({**good, "channelData": {"pad": "x" * 40_000}}),
        "not an object": "[1, 2, 3]",
        "empty": "",
        "malformed": raw[:-3],
        "NaN": raw[:-1] + ', "n": NaN}',
        "huge number": raw[:-1] + ', "n": ' + "9" * 500 + "}",
        "no type": {k: v for k, v in good.items() if k != "type"},
        "type not a string": {**good, "type": ["message"]},
        "conversation a string": {**good, "conversation": "c1"},
        "from id a number": {**good, "from": {"id": 42}},
        "no from": {k: v for k, v in good.items() if k != "from"},
        "text a number": {**good, "text": 12},
        "text with control characters": {**good, "text": "hi\u0000there\u001b[31m"},
        "text too long": {**good, "text": "a" * 2001},
        "serviceUrl not http": {**good, "serviceUrl": "javascript:alert(1)"},
        "serviceUrl a list": {**good, "serviceUrl": [fake.service_url]},
        "id too long": {**good, "id": "x" * 5000},
        "membersAdded not a list": {**good, "type": "conversationUpdate", "membersAdded": "everyone"},
        "membersAdded of strings": {**good, "type": "conversationUpdate", "membersAdded": ["a"]},
        "locale a dict": {**good, "locale": {"x": 1}},
        "timestamp garbage": {**good, "timestamp": {"$date": 1}},
        "attachments garbage": {**good, "attachments": "x"},
    }
    before = counts(bot)
    for name, body in hostile.items():
        status, answer = await post(client, body, bearer)
        assert 400 <= status < 500, (name, status, answer)
        assert isinstance(answer, dict) and "error" in answer, (name, answer)
    assert counts(bot) == before and fake.calls == []


async def test_odd_but_valid_activities_do_not_fail(fake, quaid_harness):
    _, client = await start(fake, quaid_harness)
    bearer = token(fake.service_url)
    odd = [
        activity(fake.service_url, ETA, entities=[{"type": "mention", "mentioned": "nobody", "text": 3}]),
        activity(fake.service_url, "hello", value={"payload": "not a token!"}),
        activity(fake.service_url, "hello", value=[1, 2, 3], channelData={"x": [None, {"y": True}]}),
        activity(fake.service_url, "CODE:999999", user="dl_other"),  # looks like a token, never offered
        activity(fake.service_url, "Ça coûte combien, l'AVE ? 🇨🇦", locale="fr-CA", user="dl_fr"),
    ]
    for body in odd:
        status, answer = await post(client, body, bearer)
        assert status == 200, (body, answer)


# -- proactive replies: handoff, agent, survey ------------------------------------------------


async def test_handoff_event_agent_reply_and_survey_are_sent_proactively(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness)
    body = await say(client, fake, ETA)
    await fake.wait_for(4)
    await say(client, fake, "talk to a person please")
    calls = await fake.wait_for(6)
    notice, event = calls[4].body, calls[5].body
    assert notice["type"] == "message" and "transferring you to an agent" in notice["text"]
    assert event["type"] == "event" and event["name"] == "handoff.initiate"
    conversation_id = await conversation_of(bot, body)
    assert event["value"] == {"quaidConversationId": conversation_id}
    assert [r.conversation_id for r in bot.handoff.requests] == [conversation_id]

    await say(client, fake, "are you there?")  # an agent owns it: the bot is silent
    await bot.host.agent_reply(conversation_id, "Hello, this is Sam from the agency.", agent="sam")
    calls = await fake.wait_for(7)
    assert calls[6].body["text"] == "Hello, this is Sam from the agency."
    assert calls[6].body["recipient"] == {"id": "dl_user-42"}
    assert calls[6].authorization == f"Bearer {BOT_TOKEN}"

    await bot.host.resolve(conversation_id, agent="sam")
    survey = (await fake.wait_for(8))[7].body
    assert [a["value"] for a in survey["suggestedActions"]["actions"]] == [f"SAT:{n}" for n in range(1, 6)]
    await say(client, fake, "SAT:4")  # the postBack brings the value back as text
    lines = [line for line in await bot.host.transcript(conversation_id) if line.author == "client"]
    assert lines[-1].payload == "SAT:4"


async def test_connector_failures_are_retried_in_order_and_sent_once(fake, quaid_harness):
    _, client = await start(fake, quaid_harness)
    fake.fail_next = [(500, {}), (429, {"Retry-After": "0"}), (503, {})]
    await say(client, fake, ETA)
    calls = await fake.wait_for(4)
    assert fake.refused == 3
    assert [c.body["text"][:12] for c in calls] == ["Hello! I'm a", "Is your ques", "Apply online",
                                                     "Did this ans"]


async def test_a_refused_activity_is_given_up_and_the_next_ones_still_go(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness)
    fake.fail_next = [(400, {})]
    await say(client, fake, ETA)
    calls = await fake.wait_for(3)
    assert [c.body["text"][:12] for c in calls] == ["Is your ques", "Apply online", "Did this ans"]
    outbox = rows(bot)["quaid_outbox"]
    assert sum(1 for row in outbox if "dead" in row) == 1


async def test_a_delivery_seen_by_two_workers_is_sent_once(fake, quaid_harness):
    """On PostgreSQL every worker's channel receives each delivery: the outbox key comes from
    the stored message, so the second enqueue is the same item."""
    bot, client = await start(fake, quaid_harness)
    body = await say(client, fake, "talk to a person please")
    await fake.wait_for(1, text="transferring you")
    conversation_id = await conversation_of(bot, body)
    replies = await bot.host.agent_reply(conversation_id, "Hello, this is Sam.", agent="sam")
    await bot.quaid.channels["botframework"].deliver(conversation_id, replies)  # the other worker
    before = len(await fake.wait_for(1, text="this is Sam"))
    await bot.host.agent_reply(conversation_id, "Hello, this is Sam.", agent="sam")  # said again
    await fake.wait_for(before + 1)
    await asyncio.sleep(0.3)  # time for a duplicate to arrive, if there were one
    assert sum(1 for c in fake.calls if c.body.get("text") == "Hello, this is Sam.") == 2


async def test_forget_deletes_the_reference(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness)
    body = await say(client, fake, ETA)
    await fake.wait_for(4)
    conversation_id = await conversation_of(bot, body)
    assert len(rows(bot)["botframework_reference"]) == 1
    await bot.quaid.forget(conversation_id=conversation_id)
    assert rows(bot)["botframework_reference"] == []
    await bot.host.deliver(conversation_id, [])  # nothing to send, nothing fails


# -- privacy -----------------------------------------------------------------------------


RAW = {"email": "marie.tremblay@example.com", "phone": "(613) 555-0199"}
PLATFORM = {"user": "dl_user-42", "conversation": "conv-8f2a|livechat"}


async def test_privacy_scan_no_raw_values_at_rest(fake, quaid_harness):
    bot, client = await start(fake, quaid_harness, {"use": ["patterns"], "redaction": ["patterns"]})
    for text in (f"my email is {RAW['email']} and my phone is {RAW['phone']}",
                 f"{ETA}? write to {RAW['email']}", "talk to a person please",
                 f"call me at {RAW['phone']}"):
        await say(client, fake, text)
    body = activity(fake.service_url, "x")
    conversation_id = await conversation_of(bot, body)
    await bot.host.agent_reply(conversation_id, f"I'll write to {RAW['email']} today", agent="sam")
    await fake.wait_for(1, text="today")
    sent = json.dumps([c.body for c in fake.calls])
    assert "[EMAIL]" in sent and RAW["email"] not in sent  # the agent's text was masked too
    await bot.quaid.stop()

    found: dict[str, set[str]] = {}
    everything = rows(bot)
    assert everything["botframework_reference"] and everything["quaid_outbox"]
    for table, table_rows in everything.items():
        blob = json.dumps(table_rows, default=str)
        for kind, value in {**RAW, **PLATFORM, "display name": "Marie Tremblay"}.items():
            if value in blob:
                found.setdefault(kind, set()).add(table)
    assert found == {"user": {"botframework_reference"}, "conversation": {"botframework_reference"}}
    for path in database(bot).parent.rglob("*"):
        if path.is_file():
            data = path.read_bytes().decode("utf-8", "replace")
            assert not [kind for kind, value in RAW.items() if value in data], path
