"""Analytics reports (quaidcore.reports) against figures computed by hand on a small fixed
event set, on SQLite and on PostgreSQL (127.0.0.1:5432; skipped with a reason when absent,
failing in CI).

The event set (period: the week from T0), written through the real store:

- C1 web/en: the bot answers 010102, "yes": resolved by the bot (2 turns, 3 steps).
- C2 web/fr: the bot answers 090101, "no", fallback search, "no", handoff; alice answers
  090102 300 s later (a correction), resolves at 900 s; survey 4 (3 turns, 7 steps).
- C3 messenger/en, client K: the bot answers 010201; handed off TWICE: bob replies 010201
  60 s after the first handoff, BEFORE the ticket is assigned (a plugin's ticket_assigned
  comes later), resolves at 300 s: that survey is NEVER ANSWERED; the client asks again,
  alice replies 010202 after 120 s, resolves at 1000 s; survey 2 (2 turns, 5 steps).
- C4 web/en: asks for a person, the handoff fails, the client leaves: ABANDONED AFTER A HANDOFF.
- C5 messenger/en, client K, the next day: the bot answers 020101, "yes" (2 turns, 3 steps).
- C6 web/en, two days later: opened, never written, abandoned.
- C7 web/en: "can i bring my dog", fallback search, helpful: resolved by the bot.
- C8 web/en: "can i bring my dog on the plane": nothing found, handoff; carol answers
  010101 900 s later; never resolved.
- C9 web/en, ten days before T0: the bot answers 010102, "yes" (outside the period).
"""

from __future__ import annotations

import math
import sqlite3
from typing import Any

import pytest

from quaidcore import reports
from quaidcore.app import _event_row
from quaidcore.messages import Event
from quaidcore.models import EventRecord
from quaidcore.reports import Filters
from quaidcore.store import NOT_MESSAGE_IN, Batch, Store
from tests.conftest import fresh_postgres

T0 = 1704067200.0  # 2024-01-01 00:00 UTC, a Monday
DAY = 86400.0
WEEK = Filters(start=T0, end=T0 + 7 * DAY)

# (conversation, channel, lang, client, start, [(offset, type, data)])
CONVERSATIONS: list[tuple[str, str, str, str | None, float, list[tuple[float, str, dict[str, Any]]]]] = [
    ("c1", "web", "en", None, T0, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "how much is an eta", "payload": None}),
        (11, "solution_sent", {"code": "010102", "by": "bot", "confidence": 0.9}),
        (20, "message_in", {"text": "", "payload": "YES"}),
        (21, "answer_feedback", {"helpful": True, "code": "010102"}),
        (21, "resolved", {"by": "bot", "code": "010102"}),
    ]),
    ("c2", "web", "fr", None, T0 + 3600, [
        (0, "conversation_started", {"lang": "fr"}),
        (10, "message_in", {"text": "rendez-vous biometrie annule", "payload": None}),
        (11, "solution_sent", {"code": "090101", "by": "bot", "confidence": 0.7}),
        (20, "message_in", {"text": "", "payload": "NO"}),
        (21, "answer_feedback", {"helpful": False, "code": "090101"}),
        (22, "fallback_offered", {"urls": ["https://example.org/a"]}),
        (30, "message_in", {"text": "", "payload": "NO"}),
        (31, "search_feedback", {"helpful": False}),
        (31, "handoff", {"reason": "search_not_helpful"}),
        (31.5, "ticket_created", {"ticket": 1, "target": "helpdesk", "reason": "search_not_helpful"}),
        (331, "solution_sent", {"code": "090102", "by": "agent", "agent": "alice"}),
        (331, "first_agent_response", {"ticket": 1, "seconds": 299.5, "code": "090102", "agent": "alice"}),
        (931, "resolved", {"by": "agent", "agent": "alice"}),
        (940, "message_in", {"text": "", "payload": "SAT:4"}),
        (941, "satisfaction", {"score": 4}),
    ]),
    ("c3", "messenger", "en", "client-k", T0 + 7200, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "can i visit canada with my visa", "payload": None}),
        (11, "solution_sent", {"code": "010201", "by": "bot", "confidence": 0.8}),
        (20, "message_in", {"text": "talk to a person", "payload": None}),
        (21, "handoff", {"reason": "asked_for_person"}),
        (21.5, "ticket_created", {"ticket": 2, "target": "helpdesk", "reason": "asked_for_person"}),
        (81, "solution_sent", {"code": "010201", "by": "agent", "agent": "bob"}),
        (90, "ticket_assigned", {"ticket": 2, "agent": "bob"}),
        (321, "resolved", {"by": "agent", "agent": "bob"}),
        (500, "message_in", {"text": "i still need a person", "payload": None}),
        (501, "handoff", {"reason": "asked_for_person"}),
        (501.5, "ticket_created", {"ticket": 3, "target": "helpdesk", "reason": "asked_for_person"}),
        (621, "solution_sent", {"code": "010202", "by": "agent", "agent": "alice"}),
        (1501, "resolved", {"by": "agent", "agent": "alice"}),
        (1600, "message_in", {"text": "", "payload": "SAT:2"}),
        (1601, "satisfaction", {"score": 2}),
    ]),
    ("c4", "web", "en", None, T0 + 10800, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "talk to a person", "payload": None}),
        (11, "handoff", {"reason": "asked_for_person"}),
        (11.5, "handoff_failed", {}),
        (1811.5, "abandoned", {"stage": "ready"}),
    ]),
    ("c5", "messenger", "en", "client-k", T0 + DAY, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "do i need a work permit", "payload": None}),
        (11, "solution_sent", {"code": "020101", "by": "bot", "confidence": 0.95}),
        (20, "message_in", {"text": "", "payload": "YES"}),
        (21, "answer_feedback", {"helpful": True, "code": "020101"}),
        (21, "resolved", {"by": "bot", "code": "020101"}),
    ]),
    ("c6", "web", "en", None, T0 + 2 * DAY, [
        (0, "conversation_started", {"lang": "en"}),
        (1800, "abandoned", {"stage": "ask_scope"}),
    ]),
    ("c7", "web", "en", None, T0 + 14400, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "can i bring my dog", "payload": None}),
        (11, "fallback_offered", {"urls": ["https://example.org/pets"]}),
        (20, "message_in", {"text": "", "payload": "YES"}),
        (21, "search_feedback", {"helpful": True}),
        (21, "resolved", {"by": "bot", "code": None}),
    ]),
    ("c8", "web", "en", None, T0 + 18000, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "can i bring my dog on the plane", "payload": None}),
        (11, "handoff", {"reason": "no_answer"}),
        (11.5, "ticket_created", {"ticket": 4, "target": "helpdesk", "reason": "no_answer"}),
        (911, "solution_sent", {"code": "010101", "by": "agent", "agent": "carol"}),
    ]),
    ("c9", "web", "en", None, T0 - 10 * DAY, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "eta price", "payload": None}),
        (11, "solution_sent", {"code": "010102", "by": "bot", "confidence": 0.9}),
        (20, "message_in", {"text": "", "payload": "YES"}),
        (21, "answer_feedback", {"helpful": True, "code": "010102"}),
        (21, "resolved", {"by": "bot", "code": "010102"}),
    ]),
]


def fixed_batch() -> Batch:
    batch = Batch()
    for cid, channel, lang, client, start, events in CONVERSATIONS:
        last = start + events[-1][0]
        batch.conversations.append({"id": cid, "channel": channel, "client_id": client, "brain": "default",
                                    "lang": lang, "stage": "ready", "owner": "bot", "outcome": None,
                                    "state": {}, "created_at": start, "updated_at": last})
        if client:
            batch.clients.append({"id": client, "channel": channel})
        for offset, kind, data in events:
            batch.events.append(_event_row(Event(kind, cid, channel, data, start + offset), lang))
    return batch


def fresh_store(url: str) -> Store:
    """A Store; tortoise caches each model's INSERT by connection name ("default" for SQLite
    and PostgreSQL alike), so SQL cached by an earlier SQLite test would reach PostgreSQL."""
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    EXECUTOR_CACHE.clear()
    return Store(url)


async def write(url: str, *batches: Batch) -> None:
    store = fresh_store(url)
    await store.open()
    try:
        for batch in batches:
            await store.write(batch)
    finally:
        await store.close()


@pytest.fixture
async def postgres_url():
    async with fresh_postgres("quaid_reports") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite://{tmp_path / 'events.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
async def fixed(url):
    await write(url, fixed_batch())
    return url


async def test_volume_satisfaction_workload_and_abandonment(fixed):
    r = await reports.kpi_report(fixed, WEEK)
    assert r["volume"]["conversations"] == 8
    assert r["volume"]["messages"] == 16
    assert r["volume"]["bot_answers"] == 4 and r["volume"]["agent_answers"] == 4
    assert r["volume"]["by_channel"]["web"] == {
        "conversations": 6, "messages": 10, "bot_answers": 2, "agent_answers": 2,
        "escalation_rate": 0.3333, "containment_rate": 0.3333}
    assert r["volume"]["by_channel"]["messenger"]["conversations"] == 2
    assert r["volume"]["by_channel"]["messenger"]["escalation_rate"] == 0.5
    assert r["volume"]["by_lang"] == {"en": 7, "fr": 1}
    # "did this answer your question?": yes C1, C5; no C2
    assert r["satisfaction"]["rate"] == 0.6667 and (r["satisfaction"]["yes"], r["satisfaction"]["no"]) == (2, 1)
    # surveys: C2 answered 4; C3 twice resolved, one survey never answered, the other 2
    assert r["satisfaction"]["survey_mean"] == 3.0
    assert r["satisfaction"]["survey_distribution"] == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 0}
    assert r["satisfaction"]["survey_responses"] == 2 and r["satisfaction"]["survey_response_rate"] == 0.6667
    # handed to an agent: C2, C3 (twice: counted once), C8; C4's handoff failed
    assert r["escalation"] == {"rate": 0.375, "conversations": 3, "handoffs": 5, "handoffs_failed": 1}
    # served by the bot alone: C1, C5, C7
    assert r["containment"] == {"rate": 0.375, "conversations": 3, "without_message": 1}
    # left without resolution: C4 (after its failed handoff) and C6
    assert r["abandonment"] == {"rate": 0.25, "conversations": 2, "after_handoff": 1}
    assert r["outcomes"] == {"resolved_by_bot": 3, "resolved_by_agent": 2, "surveys_sent": 3}


async def test_function_response_times_and_agents(fixed):
    r = await reports.kpi_report(fixed, WEEK)
    assert r["function"] == {"bot_answers": 4, "confirmed": 2, "confirmed_rate": 0.5, "corrected_by_agent": 1,
                             "corrected_rate": 0.25, "same_code_from_agent": 1}
    # from each handoff: C2 300, C3 60 (before the ticket was assigned) and 120, C8 900
    first = r["first_response_s"]
    assert (first["count"], first["mean"], first["p90"]) == (4, 345.0, 900.0)
    assert first["by_lob"] == {"01": {"count": 3, "mean": 360.0, "p90": 900.0},
                               "09": {"count": 1, "mean": 300.0, "p90": 300.0}}
    assert first["by_code"]["010201"] == {"count": 1, "mean": 60.0, "p90": 60.0}
    resolution = r["resolution_s"]
    assert (resolution["count"], resolution["mean"], resolution["p90"]) == (3, 733.3, 1000.0)
    assert resolution["by_lob"]["01"] == {"count": 2, "mean": 650.0, "p90": 1000.0}
    assert "010101" not in resolution["by_code"]  # C8 is not resolved
    assert r["handoffs"] == {"episodes": 5, "answered": 4, "failed": 1}
    assert r["agents"] == {
        "alice": {"answers": 2, "tickets": 2, "resolved": 2, "first_response_mean_s": 210.0},
        "bob": {"answers": 1, "tickets": 1, "resolved": 1, "first_response_mean_s": 60.0},
        "carol": {"answers": 1, "tickets": 1, "resolved": 0, "first_response_mean_s": 900.0}}


async def test_top_codes_journeys_and_unanswered_questions(fixed):
    r = await reports.kpi_report(fixed, WEEK)
    assert r["top_codes"][0] == {"code": "010201", "count": 2, "bot": 1, "agent": 1}
    assert [t["code"] for t in r["top_codes"]] == ["010201", "010101", "010102", "010202", "020101",
                                                    "090101", "090102"]
    assert r["top_codes_by_channel"]["messenger"] == [
        {"code": "010201", "count": 2}, {"code": "010202", "count": 1}, {"code": "020101", "count": 1}]
    assert r["answers_by_lob"] == [{"lob": "01", "count": 5}, {"lob": "09", "count": 2}, {"lob": "02", "count": 1}]
    assert r["top_codes_by_week"] == {"2024-01-01": [{"code": "010201", "count": 2}, {"code": "010101", "count": 1},
                                                     {"code": "010102", "count": 1}]}
    assert r["turns_to_resolution"] == {"resolved": 5, "mean": 2.2, "max": 3, "interactions_mean": 4.2}
    assert r["journeys"]["transitions"] == [{"from": "010201", "to": "010202", "count": 1},
                                            {"from": "090101", "to": "090102", "count": 1}]
    assert r["journeys"]["next_conversation"] == [{"from": "010202", "to": "020101", "count": 1}]
    assert (r["journeys"]["clients"], r["journeys"]["conversations_per_client"]) == (1, 2.0)
    assert r["unanswered"] == [{"words": ["bring", "dog", "plane"], "count": 2, "langs": {"en": 2},
                                "examples": ["can i bring my dog on the plane", "can i bring my dog"]}]
    assert r["series"]["conversations_by_day"] == [
        {"day": "2024-01-01", "messenger": 1, "web": 5}, {"day": "2024-01-02", "messenger": 1},
        {"day": "2024-01-03", "web": 1}]


async def test_filters(fixed):
    everything = await reports.kpi_report(fixed)
    assert everything["volume"]["conversations"] == 9  # C9 too
    assert everything["satisfaction"]["rate"] == 0.75
    messenger = await reports.kpi_report(fixed, Filters(T0, T0 + 7 * DAY, channel="messenger"))
    assert (messenger["volume"]["conversations"], messenger["volume"]["messages"]) == (2, 6)
    assert messenger["escalation"]["rate"] == 0.5 and messenger["containment"]["rate"] == 0.5
    lob = await reports.kpi_report(fixed, Filters(T0, T0 + 7 * DAY, lob="01"))  # C1, C3, C8
    assert lob["volume"]["conversations"] == 3 and lob["escalation"]["rate"] == 0.6667
    code = await reports.kpi_report(fixed, Filters(T0, T0 + 7 * DAY, code="090101"))  # C2
    assert code["volume"]["conversations"] == 1 and code["first_response_s"]["mean"] == 300.0
    french = await reports.kpi_report(fixed, Filters(T0, T0 + 7 * DAY, lang="fr"))
    assert french["volume"]["conversations"] == 1 and french["satisfaction"]["rate"] == 0.0
    alice = await reports.kpi_report(fixed, Filters(T0, T0 + 7 * DAY, agent="alice"))  # C2, C3
    assert alice["volume"]["conversations"] == 2 and alice["volume"]["agent_answers"] == 2
    assert (alice["first_response_s"]["count"], alice["first_response_s"]["mean"]) == (2, 210.0)
    assert list(alice["agents"]) == ["alice"]
    nobody = await reports.kpi_report(fixed, Filters(T0 + 30 * DAY, T0 + 31 * DAY))
    assert nobody["volume"]["conversations"] == 0 and nobody["escalation"]["rate"] is None
    assert nobody["first_response_s"]["mean"] is None and nobody["top_codes"] == []


async def test_new_events_update_the_summaries_and_forgotten_ones_leave_them(fixed):
    first = await reports.kpi_report(fixed, WEEK)
    assert first["refresh"]["conversations"] == 9
    again = await reports.kpi_report(fixed, WEEK)
    assert again["refresh"]["conversations"] == 0  # nothing new: nothing summed up again
    later = Batch(events=[_event_row(Event(kind, "c8", "web", data, T0 + 18000 + offset), "en") for offset, kind, data in
                          [(1500, "resolved", {"by": "agent", "agent": "carol"}),
                           (1600, "satisfaction", {"score": 5})]])
    await write(fixed, later)
    r = await reports.kpi_report(fixed, WEEK)
    assert r["refresh"]["conversations"] == 1
    assert r["resolution_s"]["count"] == 4 and r["satisfaction"]["survey_mean"] == 3.667
    store = fresh_store(fixed)
    await store.open()
    try:
        await store.forget(["c8"], [])  # quaid privacy forget: the summaries forget it too
        async with reports.connect(fixed) as db:
            for table in reports.SUMMARY_TABLES:
                assert await db.one(f"SELECT COUNT(*) FROM {table} WHERE cid = 'c8'") == (0,), table
        with store.bound():  # events deleted some other way: the next report drops their summaries
            await EventRecord.filter(conversation_id="c7").delete()
    finally:
        await store.close()
    r = await reports.kpi_report(fixed, WEEK)
    assert r["refresh"]["purged"] == 1 and r["volume"]["conversations"] == 6
    assert r["unanswered"] == []  # the questions of C7 and C8 are gone with their events


async def test_trend_and_poisson_rate_test(url):
    change = T0 + 28 * DAY
    batch = Batch()
    for week in range(8):
        for n in range(10 if week < 4 else 2):
            at = T0 + week * 7 * DAY + n * 3600 + 600
            cid = f"t{week}-{n}"
            batch.events.append(_event_row(Event("conversation_started", cid, "web", {}, at), "en"))
            batch.events.append(_event_row(Event("solution_sent", cid, "web", {"code": "090101", "by": "bot"},
                                                 at + 5), "en"))
    await write(url, batch)
    t = await reports.trend_report(url, "090101", change, Filters(T0, T0 + 56 * DAY))
    assert t["before"] == {"count": 40, "days": 28.0, "per_week": 10.0}
    assert t["after"] == {"count": 8, "days": 28.0, "per_week": 2.0}
    assert t["change_pct"] == -80.0 and t["change_date"] == "2024-01-29"
    assert t["period"] == {"from": "2024-01-01", "to": "2024-02-25"}  # the last day, included
    assert [w["count"] for w in t["weeks"]] == [10, 10, 10, 10, 2, 2, 2, 2]
    expected = sum(math.comb(48, k) for k in range(49) if math.comb(48, k) <= math.comb(48, 8)) / 2 ** 48
    assert t["p_value"] == pytest.approx(expected, rel=1e-5) and t["significant"]
    lob = await reports.trend_report(url, "09", change)  # the whole line of business, period from the data
    assert lob["before"]["count"] == 40 and lob["after"]["count"] == 8
    assert lob["period"] == {"from": "2024-01-01", "to": "2024-02-19"}  # the days of the first and last answer


async def test_widget_pages_opens_and_visitors(url):
    batch = fixed_batch()
    views = [("widget_shown", "/en/visit", "new", "CA"), ("widget_shown", "/en/visit", "returning", "CA"),
             ("widget_shown", "/en/visit", "new", "FR"), ("widget_shown", "/fr/etudier", "new", "FR"),
             ("widget_opened", "/en/visit", "new", "CA"), ("widget_opened", "/fr/etudier", "new", "FR")]
    for n, (kind, page, visitor, country) in enumerate(views):
        batch.events.append(_event_row(Event(kind, "", "web", {"page": page, "visitor": visitor,
                                                               "country": country}, T0 + n), None))
    await write(url, batch)
    w = (await reports.kpi_report(url, WEEK))["widget"]
    assert (w["shown"], w["opened"], w["open_rate"]) == (4, 2, 0.5)
    assert (w["conversations"], w["start_rate"]) == (6, 1.5)  # C1, C2, C4, C6, C7, C8 on the web
    assert w["visitors"] == {"new": 3, "returning": 1}
    assert w["pages"] == [{"page": "/en/visit", "shown": 3, "opened": 1, "open_rate": 0.3333},
                          {"page": "/fr/etudier", "shown": 1, "opened": 1, "open_rate": 1.0}]
    assert w["countries"] == [{"country": "CA", "views": 2}, {"country": "FR", "views": 2}]
    assert (await reports.kpi_report(url, WEEK))["refresh"]["conversations"] == 0


def test_exact_poisson_rate_test_by_hand():
    assert reports._binomial_two_sided(0, 10, 0.5) == pytest.approx(2 / 1024)
    assert reports._binomial_two_sided(5, 10, 0.5) == pytest.approx(1.0)
    # unequal exposures: 3 events in 10 days, then 9 in 20 days: p = 2/3 under equal rates
    p = 2 / 3
    pmf = [math.comb(12, k) * p ** k * (1 - p) ** (12 - k) for k in range(13)]
    assert reports.poisson_rate_test(3, 10, 9, 20) == pytest.approx(
        sum(x for x in pmf if x <= pmf[9] * (1 + 1e-7)), abs=1e-6)
    assert reports.poisson_rate_test(0, 7, 0, 7) == 1.0
    assert reports.poisson_rate_test(5, 0, 3, 7) is None


def test_unanswered_questions_grouped_by_shared_words():
    rows = [("biometrics appointment cancelled", "en"), ("rebook my biometrics appointment", "en"),
            ("reschedule biometrics appointment please", "en"), ("refund of the fee", "en"),
            ("fee refund never came", "en"), ("hello", "en"), ("dog", "en")]
    groups = reports.group_questions(rows)
    assert [(g["words"][:2], g["count"]) for g in groups] == [
        (["appointment", "biometrics"], 3), (["fee", "refund"], 2)]


async def test_the_core_fills_lang_code_and_lob(quaid_harness):
    bot = await quaid_harness()
    conversation = await bot.conversation(lang="en")
    await conversation.say("how much is an eta")
    await conversation.hand_off()
    await conversation.agent_reply("Here is how", code="010201", agent="alice")
    await bot.host.emit([Event("ticket_created", conversation.id, "test", {"ticket": 7})])
    rows = {e.type: e for e in await bot.host.store.events(conversation.id)}
    assert rows["conversation_started"].lang == "en" and rows["conversation_started"].code is None
    answer = next(e for e in await bot.host.store.events(conversation.id)
                  if e.type == "solution_sent" and e.data["by"] == "agent")
    assert (answer.code, answer.lob, answer.lang) == ("010201", "01", "en")
    assert rows["ticket_created"].lang == "en"  # a plugin's event: the conversation's language
    r = await reports.kpi_report(bot.host.store.url)
    assert r["volume"]["agent_answers"] == 1 and r["escalation"]["conversations"] == 1


async def test_an_older_database_gets_the_new_columns(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE quaid_event (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, type VARCHAR(48) NOT NULL,
              conversation_id VARCHAR(64) NOT NULL, channel VARCHAR(32) NOT NULL, data JSON NOT NULL,
              at REAL NOT NULL);
            CREATE TABLE quaid_conversation (id VARCHAR(64) NOT NULL PRIMARY KEY, channel VARCHAR(32) NOT NULL,
              client_id VARCHAR(64), brain VARCHAR(32) NOT NULL, lang VARCHAR(8) NOT NULL,
              stage VARCHAR(32) NOT NULL, owner VARCHAR(16) NOT NULL, outcome VARCHAR(32), state JSON NOT NULL,
              created_at REAL NOT NULL, updated_at REAL NOT NULL);
            INSERT INTO quaid_conversation VALUES ('old', 'web', NULL, 'default', 'fr', 'ready', 'bot', NULL,
              '{}', 1, 2);
            INSERT INTO quaid_event (type, conversation_id, channel, data, at) VALUES
              ('solution_sent', 'old', 'web', '{"code": "050101", "by": "bot"}', 1.5);""")
    await write(f"sqlite://{path}")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT lang, lob, code FROM quaid_event").fetchall() == [("fr", "05", "050101")]
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(quaid_event)")}
    assert {"quaid_event_type_at", "quaid_event_code_at"} <= indexes


async def test_an_older_database_gets_the_partial_indexes_and_loses_the_at_ones(tmp_path):
    """SQLite: (code, at) and (lob, at) made whole before are made again over the events about
    a code only, (type, at) over the events other than message_in, and the single-column `at`
    indexes are dropped; the trend's read still goes through the code index, the reports'
    reads by type through (type, at), and the rows are kept."""
    path = tmp_path / "older.sqlite3"
    url = f"sqlite://{path}"
    await write(url, Batch(events=[_event_row(Event("message_in", "c1", "web", {"text": "hi"}), "en"),
                                   _event_row(Event("solution_sent", "c1", "web",
                                                    {"code": "050101", "by": "bot"}), "en")]))
    with sqlite3.connect(path) as conn:  # as a database made before: whole indexes, and the at ones
        conn.executescript("""
            DROP INDEX quaid_event_code_at; DROP INDEX quaid_event_lob_at; DROP INDEX quaid_event_type_at;
            CREATE INDEX quaid_event_type_at ON quaid_event (type, at);
            CREATE INDEX quaid_event_code_at ON quaid_event (code, at);
            CREATE INDEX quaid_event_lob_at ON quaid_event (lob, at);
            CREATE INDEX "idx_quaid_event_at_7e5de5" ON "quaid_event" ("at");
            CREATE INDEX "idx_quaid_messa_at_30bbb9" ON "quaid_message" ("at");""")
    await write(url)
    with sqlite3.connect(path) as conn:
        made = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())
        plan = " ".join(str(row) for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM quaid_event e WHERE e.type = 'solution_sent' "
            "AND e.code = ? AND e.at >= ?", ["050101", 0.0]))
        entries = conn.execute("SELECT COUNT(*) FROM quaid_event INDEXED BY quaid_event_code_at "
                               "WHERE code IS NOT NULL").fetchone()[0]
        by_type = conn.execute("SELECT type FROM quaid_event INDEXED BY quaid_event_type_at "
                               f"WHERE {NOT_MESSAGE_IN}").fetchall()
        started_plan = " ".join(str(row) for row in conn.execute(  # the refresh's count of starts
            f"EXPLAIN QUERY PLAN SELECT COUNT(*) FROM quaid_event WHERE type = 'conversation_started' "
            f"AND {NOT_MESSAGE_IN}"))
        assert conn.execute("SELECT type, code, lob FROM quaid_event ORDER BY id").fetchall() == [
            ("message_in", None, None), ("solution_sent", "050101", "05")]
    assert made["quaid_event_code_at"].endswith("WHERE code IS NOT NULL")
    assert made["quaid_event_lob_at"].endswith("WHERE lob IS NOT NULL")
    assert "idx_quaid_event_at_7e5de5" not in made and "idx_quaid_messa_at_30bbb9" not in made
    assert made["quaid_event_type_at"].endswith("WHERE type <> 'message_in'")
    assert "quaid_event_code_at" in plan and entries == 1
    assert by_type == [("solution_sent",)] and "quaid_event_type_at" in started_plan
    r = await reports.trend_report(url, "050101", 1.0)
    assert sum(w["count"] for w in r["weeks"]) == 1


async def test_postgresql_keeps_its_at_indexes_and_whole_code_indexes(postgres_url):
    """The indexes SQLite drops or makes partial stay as they were on PostgreSQL (its reports'
    refresh reads late events by `at`)."""
    import asyncpg

    await write(postgres_url)
    conn = await asyncpg.connect(postgres_url.replace("postgres://", "postgresql://", 1))
    try:
        made = {row["indexname"]: row["indexdef"] for row in await conn.fetch(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('quaid_event', 'quaid_message')")}
    finally:
        await conn.close()
    assert {"idx_quaid_event_at_7e5de5", "idx_quaid_messa_at_30bbb9"} <= set(made)
    assert "WHERE" not in made["quaid_event_code_at"] and "WHERE" not in made["quaid_event_lob_at"]
    assert "WHERE" not in made["quaid_event_type_at"]


def test_quaid_demo_data_and_quaid_report(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from quaidcore.cli import cli
    from tests.conftest import ROOT

    config = tmp_path / "quaid.yaml"
    config.write_text(f"kb: {ROOT / 'config' / 'kb'}\nlanguages: [en, fr]\nplugins:\n  fuzzy: {{}}\n"
                      "brains:\n  default:\n    nlu: fuzzy\n")
    runner = CliRunner()
    rows = []
    for name in ("a", "b"):  # the same options give the same data
        monkeypatch.setenv("QUAID_DATA_DIR", str(tmp_path / name))
        result = runner.invoke(cli, ["demo-data", "-c", str(config), "--conversations", "80", "--days", "21",
                                     "--seed", "3", "--end", "2026-01-01"])
        assert result.exit_code == 0, result.output
        assert "wrote 80 conversations" in result.output and "090101 drops" in result.output
        with sqlite3.connect(tmp_path / name / "quaid.sqlite3") as conn:
            rows.append(conn.execute("SELECT type, conversation_id, channel, data, at, lang, lob, code "
                                     "FROM quaid_event ORDER BY id").fetchall())
    assert rows[0] == rows[1] and len(rows[0]) > 400
    result = runner.invoke(cli, ["report", "-c", str(config), "--format", "json", "--chart",
                                 str(tmp_path / "kpi.png")])
    assert result.exit_code == 0, result.output
    report = __import__("json").loads(result.stdout[:result.stdout.rindex("}") + 1])
    for key in ("volume.conversations", "volume.messages", "volume.bot_answers", "volume.agent_answers",
                "satisfaction.rate", "satisfaction.survey_mean", "escalation.rate", "containment.rate",
                "abandonment.rate", "first_response_s.mean", "first_response_s.p90", "resolution_s.mean",
                "turns_to_resolution.mean"):
        section, name = key.split(".")
        assert name in report[section], key
    assert report["volume"]["conversations"] == 80 and {"code", "count"} <= set(report["top_codes"][0])
    assert (tmp_path / "kpi.png").read_bytes()[:4] == b"\x89PNG"
    table = runner.invoke(cli, ["report", "-c", str(config), "--from", "2025-12-11", "--to", "2025-12-31",
                                "--channel", "web"])
    assert table.exit_code == 0 and "Volume" in table.output and "(channel=web)" in table.output
    assert "conversations started from 2025-12-11 to 2025-12-31" in table.output
    csv_out = runner.invoke(cli, ["report", "-c", str(config), "--format", "csv", "--lob", "09"])
    assert csv_out.stdout.startswith("metric,value\nvolume.conversations,")
    trend = runner.invoke(cli, ["report", "trend", "090101", "--change", "2025-12-25", "-c", str(config),
                                "--format", "json", "--chart", str(tmp_path / "trend.png")])
    assert trend.exit_code == 0, trend.output
    assert '"p_value"' in trend.output and (tmp_path / "trend.png").stat().st_size > 1000


# Handoffs that reached the queue, on a second small fixed set (the figures below are counted
# by hand from it):
# - D1 web/en: asks for a person, handed off (ticket 11), released to the bot outside business
#   hours, the client leaves: ABANDONED AFTER A HANDOFF THAT DID NOT FAIL.
# - D2 web/en: asks for a person, handed off (ticket 12), dave answers 010101 200 s later and
#   resolves at 400 s; the SURVEY IS NEVER ANSWERED (no abandonment: it was resolved).
# - D3 messenger/en: asks for a person, handed off (ticket 13), released, then asks a question
#   that the bot answers (010102, "yes", resolved by the bot): the bot's reply after the
#   handoff is NO FIRST RESPONSE.
QUEUED: list[tuple[str, str, float, list[tuple[float, str, dict[str, Any]]]]] = [
    ("d1", "web", T0 + 3 * DAY, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "talk to a person", "payload": None}),
        (11, "handoff", {"reason": "asked_for_person"}),
        (11.5, "ticket_created", {"ticket": 11, "target": "helpdesk", "reason": "asked_for_person"}),
        (12, "released", {}),
        (1812, "abandoned", {"stage": "ready"}),
    ]),
    ("d2", "web", T0 + 3 * DAY + 60, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "talk to a person", "payload": None}),
        (11, "handoff", {"reason": "asked_for_person"}),
        (11.5, "ticket_created", {"ticket": 12, "target": "helpdesk", "reason": "asked_for_person"}),
        (20, "ticket_assigned", {"ticket": 12, "agent": "dave"}),
        (211, "solution_sent", {"code": "010101", "by": "agent", "agent": "dave"}),
        (411, "resolved", {"by": "agent", "agent": "dave"}),
    ]),
    ("d3", "messenger", T0 + 3 * DAY + 120, [
        (0, "conversation_started", {"lang": "en"}),
        (10, "message_in", {"text": "talk to a person", "payload": None}),
        (11, "handoff", {"reason": "asked_for_person"}),
        (11.5, "ticket_created", {"ticket": 13, "target": "helpdesk", "reason": "asked_for_person"}),
        (12, "released", {}),
        (30, "message_in", {"text": "how much is an eta", "payload": None}),
        (31, "solution_sent", {"code": "010102", "by": "bot", "confidence": 0.9}),
        (40, "message_in", {"text": "", "payload": "YES"}),
        (41, "answer_feedback", {"helpful": True, "code": "010102"}),
        (41, "resolved", {"by": "bot", "code": "010102"}),
    ]),
]


def queued_batch() -> Batch:
    batch = Batch()
    for cid, channel, start, events in QUEUED:
        batch.conversations.append({"id": cid, "channel": channel, "client_id": None, "brain": "default",
                                    "lang": "en", "stage": "ready", "owner": "bot", "outcome": None,
                                    "state": {}, "created_at": start, "updated_at": start + events[-1][0]})
        for offset, kind, data in events:
            batch.events.append(_event_row(Event(kind, cid, channel, data, start + offset), "en"))
    return batch


async def test_abandonment_after_a_queued_handoff_and_a_survey_never_answered(url):
    await write(url, queued_batch())
    r = await reports.kpi_report(url, WEEK)
    assert (r["volume"]["conversations"], r["volume"]["messages"]) == (3, 5)
    assert (r["volume"]["bot_answers"], r["volume"]["agent_answers"]) == (1, 1)
    assert r["escalation"] == {"rate": 1.0, "conversations": 3, "handoffs": 3, "handoffs_failed": 0}
    assert r["containment"] == {"rate": 0.0, "conversations": 0, "without_message": 0}
    assert r["abandonment"] == {"rate": 0.3333, "conversations": 1, "after_handoff": 1}  # D1 only
    assert r["outcomes"] == {"resolved_by_bot": 1, "resolved_by_agent": 1, "surveys_sent": 1}
    survey = r["satisfaction"]
    assert (survey["survey_mean"], survey["survey_responses"], survey["survey_response_rate"]) == (None, 0, 0.0)
    assert survey["survey_distribution"] == {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0}
    assert (survey["rate"], survey["yes"], survey["no"]) == (1.0, 1, 0)
    # D2's 200 s only: D3's bot answer after its handoff is not an agent's first response
    assert (r["first_response_s"]["count"], r["first_response_s"]["mean"], r["first_response_s"]["p90"]) == (
        1, 200.0, 200.0)
    assert r["first_response_s"]["by_code"] == {"010101": {"count": 1, "mean": 200.0, "p90": 200.0}}
    assert (r["resolution_s"]["count"], r["resolution_s"]["mean"]) == (1, 400.0)
    assert r["handoffs"] == {"episodes": 3, "answered": 1, "failed": 0}
    assert r["agents"] == {"dave": {"answers": 1, "tickets": 1, "resolved": 1, "first_response_mean_s": 200.0}}
    assert r["function"]["confirmed_rate"] == 1.0 and r["function"]["corrected_by_agent"] == 0
    # D2: 1 message before its resolution, 3 steps; D3: 3 messages, 5 steps (2 handoffs in all)
    assert r["turns_to_resolution"] == {"resolved": 2, "mean": 2.0, "max": 3, "interactions_mean": 4.0}


async def test_the_core_abandons_a_released_handoff_but_not_an_unanswered_survey(quaid_harness, tmp_path):
    """The same two paths through the real dialogue: the events the fixed sets stand for."""
    import time

    bot = await quaid_harness()
    left = await bot.conversation(lang="en")
    await left.say("talk to a person")
    await left.hand_off()
    await bot.host.release(left.id)  # outside business hours: the ticket waits, the bot has it
    helped = await bot.conversation(lang="en")
    await helped.say("talk to a person")
    await helped.hand_off()
    await helped.agent_reply("Here is how", code="010101", agent="dave")
    await helped.resolve(agent="dave")  # the survey is sent and never answered
    assert await bot.host.abandon_idle(time.time() + 3 * DAY) == 1
    kinds = [e.type for e in await bot.host.store.events(left.id)]
    assert kinds.index("handoff") < kinds.index("released") < kinds.index("abandoned")
    assert "abandoned" not in [e.type for e in await bot.host.store.events(helped.id)]
    r = await reports.kpi_report(bot.host.store.url)
    assert r["abandonment"] == {"rate": 0.5, "conversations": 1, "after_handoff": 1}
    assert r["escalation"]["conversations"] == 2 and r["containment"]["conversations"] == 0
    assert (r["satisfaction"]["survey_responses"], r["outcomes"]["surveys_sent"]) == (0, 1)
    assert (r["first_response_s"]["count"], r["handoffs"]["episodes"], r["handoffs"]["answered"]) == (1, 2, 1)
