"""Business hours per team, in its time zone, with holidays: the schedule itself (inside,
outside, lunch, overnight, holiday, zones, a DST change), the client's notice in their
language, and, through the real server with the helpdesk's clock set, tickets that wait
outside business hours and are assigned when the team opens, while the bot answers the
client's general questions meanwhile (the conversation is released to it; asked for a person
again, the same ticket; the agent's reply takes it back). Nothing sleeps for the clock."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError
from quaid_helpdesk.hours import BusinessHours, Hours
from quaid_helpdesk.labels import back_at
from quaid_helpdesk.models import Ticket, TicketMessage

from tests.handoff.conftest import start_server
from tests.handoff.test_assignment import Desk, assignees, settled

TORONTO, VANCOUVER = ZoneInfo("America/Toronto"), ZoneInfo("America/Vancouver")
OFFICE = {"timezone": "America/Toronto", "week": {"mon-fri": "08:30-12:00, 13:00-16:30"},
          "holidays": ["2025-12-25", "2026-01-01"]}


def at(zone: ZoneInfo, *fields: int) -> float:
    """An epoch time from a wall-clock time in `zone`."""
    return datetime(*fields, tzinfo=zone).timestamp()


def test_inside_outside_and_lunch():
    schedule = BusinessHours(**OFFICE).schedule()
    assert schedule.is_open(at(TORONTO, 2025, 12, 8, 8, 30))  # Monday, opening minute
    assert schedule.is_open(at(TORONTO, 2025, 12, 8, 11, 59))
    assert not schedule.is_open(at(TORONTO, 2025, 12, 8, 12, 0))  # lunch
    assert not schedule.is_open(at(TORONTO, 2025, 12, 8, 8, 29))
    assert not schedule.is_open(at(TORONTO, 2025, 12, 8, 16, 30))  # the closing minute is closed
    assert not schedule.is_open(at(TORONTO, 2025, 12, 6, 10, 0))  # Saturday
    assert schedule.next_open(at(TORONTO, 2025, 12, 8, 12, 15)) == datetime(2025, 12, 8, 13, 0, tzinfo=TORONTO)
    friday_evening = at(TORONTO, 2025, 12, 5, 17, 0)
    assert schedule.next_open(friday_evening) == datetime(2025, 12, 8, 8, 30, tzinfo=TORONTO)
    now = at(TORONTO, 2025, 12, 8, 9, 0)
    assert schedule.next_open(now).timestamp() == now  # open: now


def test_holidays_are_closed_all_day():
    schedule = BusinessHours(**OFFICE).schedule()
    christmas = at(TORONTO, 2025, 12, 25, 10, 0)  # a Thursday
    assert not schedule.is_open(christmas)
    assert schedule.next_open(christmas) == datetime(2025, 12, 26, 8, 30, tzinfo=TORONTO)
    assert schedule.next_open(at(TORONTO, 2025, 12, 31, 17, 0)) == datetime(2026, 1, 2, 8, 30, tzinfo=TORONTO)


def test_time_zones_of_teams():
    hours = Hours({"*": BusinessHours(**OFFICE),
                   "messenger": BusinessHours(timezone="America/Vancouver", week={"mon-fri": "08:30-16:30"})})
    instant = at(ZoneInfo("UTC"), 2025, 12, 8, 14, 0)  # 09:00 in Toronto, 06:00 in Vancouver
    assert hours.is_open("web", instant) and hours.is_open("twitter", instant)  # "*": Toronto
    assert not hours.is_open("messenger", instant)
    assert hours.next_open("messenger", instant) == datetime(2025, 12, 8, 8, 30, tzinfo=VANCOUVER)
    late = at(ZoneInfo("UTC"), 2025, 12, 8, 23, 0)  # 18:00 in Toronto, 15:00 in Vancouver
    assert not hours.is_open("web", late) and hours.is_open("messenger", late)
    assert Hours().is_open("web", late) and Hours({}).schedule("web") is None  # none: always open


def test_overnight_ranges_and_a_dst_change():
    night = BusinessHours(timezone="America/Toronto", week={"fri": "22:00-06:00", "sun": "02:30-04:00"}).schedule()
    assert night.is_open(at(TORONTO, 2025, 12, 5, 23, 0)) and night.is_open(at(TORONTO, 2025, 12, 6, 5, 59))
    assert not night.is_open(at(TORONTO, 2025, 12, 6, 6, 0))
    assert not night.is_open(at(TORONTO, 2025, 12, 4, 23, 0))  # Thursday night
    # 2026-03-08 02:30 does not exist in Toronto (clocks go from 02:00 to 03:00): it opens at 03:30 EDT
    opening = night.next_open(at(TORONTO, 2026, 3, 8, 1, 0))
    assert opening.timestamp() == datetime(2026, 3, 8, 7, 30, tzinfo=ZoneInfo("UTC")).timestamp()
    assert opening.strftime("%H:%M %Z") == "03:30 EDT"
    every_day = BusinessHours(timezone="Asia/Tokyo", week={"mon-sun": ["00:00-24:00"]}).schedule()
    assert every_day.is_open(at(ZoneInfo("Asia/Tokyo"), 2025, 12, 31, 23, 59))


def test_the_config_is_checked():
    for bad in ({"timezone": "Mars/Olympus"}, {"week": {"monday": "08:00-12:00"}},
                {"week": {"mon": "8h-12h"}}, {"week": {"mon": "25:00-26:00"}}, {"week": {"mon": "09:00-09:00"}},
                {"holidays": ["christmas"]}, {"opening": "09:00"}):
        with pytest.raises(ValidationError):
            BusinessHours(**bad)
    assert BusinessHours(week={"sat,sun": "10:00-14:00", "fri-mon": "09:00-10:00"}).schedule().week[6] == [
        (540, 600), (600, 840)]


def test_when_agents_are_back_in_the_clients_language():
    now = datetime(2025, 12, 5, 17, 0, tzinfo=TORONTO)  # a Friday
    monday = datetime(2025, 12, 8, 8, 30, tzinfo=TORONTO)
    assert back_at(monday, now, "en") == "on Monday 8 December at 08:30 (America/Toronto time)"
    assert back_at(monday, now, "fr") == "le lundi 8 décembre à 08:30 (heure de America/Toronto)"
    assert back_at(datetime(2025, 12, 6, 9, 0, tzinfo=TORONTO), now, "en") == "tomorrow at 09:00 (America/Toronto time)"
    assert back_at(datetime(2025, 12, 5, 18, 0, tzinfo=TORONTO), now, "fr") == "aujourd'hui à 18:00 (heure de America/Toronto)"
    assert back_at(monday, now, "de").startswith("on Monday")  # English for other languages


# -- through the server, the helpdesk's clock set -------------------------------------------


@pytest.fixture
async def office(tmp_path):
    server = await start_server(tmp_path / "data", {"plugins": {"helpdesk": {
        "business_hours": {"web": OFFICE},
        "assignment": {"tell_queue": True, "retell_after_s": 0}}}})
    yield server
    await server.runner.cleanup()


async def handoff_in(server, session, lang: str) -> tuple[str, object]:
    async with session.post("/api/web/conversations", json={"lang": lang}) as resp:
        conversation_id = (await resp.json())["conversation_id"]
    events = await session.ws_connect(f"/api/web/conversations/{conversation_id}/events")
    replies = await server.say(session, conversation_id, payload="PERSON")
    assert replies[-1]["kind"] == "handoff"
    return conversation_id, events


async def test_outside_hours_the_ticket_waits_and_the_client_is_told_when_agents_are_back(office):
    server = office
    queues = server.quaid.handoff_targets["helpdesk"].queues
    queues.clock = lambda: at(TORONTO, 2025, 12, 5, 17, 5)  # Friday after closing
    await server.add_agent("alice", ["agent"], "web")
    desk = Desk(server)
    try:
        await desk.online("alice")  # available, but the office is closed
        async with server.client() as client:
            _, fr_events = await handoff_in(server, client, "fr")
            told = json.loads((await fr_events.receive(timeout=8)).data)["replies"][0]
            assert told["kind"] == "system" and told["text"] == (
                "Nos agents ne sont pas disponibles en ce moment. Ils seront de retour le lundi 8 décembre "
                "à 08:30 (heure de America/Toronto). Votre question est dans la file d'attente : un agent "
                "vous répondra ici à ce moment-là. En attendant, je peux toujours répondre ici à vos "
                "questions générales.")
            with server.quaid.store.bound():
                assert await queues.tell_waiting() == 0, "told once"
            assert await assignees(server) == {1: None}

            # Christmas morning, an English client: back tomorrow
            queues.clock = lambda: at(TORONTO, 2025, 12, 25, 10, 0)
            _, en_events = await handoff_in(server, client, "en")
            told = json.loads((await en_events.receive(timeout=8)).data)["replies"][0]
            assert told["text"].startswith("Our agents are not available right now. They are back "
                                           "tomorrow at 08:30 (America/Toronto time).")
            assert await assignees(server) == {1: None, 2: None}

            # Monday 8:31: the queue takes both (alice's capacity: 3), nobody is told a place
            queues.clock = lambda: at(TORONTO, 2025, 12, 8, 8, 31)
            queues.kick()
            await settled(server, {1: "alice", 2: "alice"})
            for events in (fr_events, en_events):
                with pytest.raises(asyncio.TimeoutError):
                    await events.receive(timeout=0.5)
                await events.close()
    finally:
        await desk.close()


async def test_inside_hours_with_nobody_available_the_client_hears_the_queue(office):
    server = office
    queues = server.quaid.handoff_targets["helpdesk"].queues
    queues.clock = lambda: at(TORONTO, 2025, 12, 8, 10, 0)  # Monday morning
    async with server.client() as client:
        _, events = await handoff_in(server, client, "en")
        told = json.loads((await events.receive(timeout=8)).data)["replies"][0]
        assert told["text"] == "You are number 1 in the queue. An agent will answer you as soon as one is available."
        await events.close()


async def notice(events) -> str:
    """The text of the next reply delivered on the client's event socket."""
    return json.loads((await events.receive(timeout=8)).data)["replies"][0]["text"]


async def owner(server, conversation_id: str) -> str:
    return (await server.quaid.conversation(conversation_id)).owner


async def ticket_lines(server) -> list[tuple[int, str, str]]:
    with server.quaid.store.bound():
        return [(m.ticket_id, m.kind, m.text) for m in await TicketMessage.all().order_by("id")]


async def test_outside_hours_the_bot_answers_until_the_agent_replies_on_the_same_ticket(office):
    server = office
    queues = server.quaid.handoff_targets["helpdesk"].queues
    queues.clock = lambda: at(TORONTO, 2025, 12, 5, 17, 5)  # Friday after closing
    await server.add_agent("alice", ["agent"], "web")
    desk = Desk(server)
    try:
        await desk.online("alice")
        async with server.client() as client:
            conversation_id, events = await handoff_in(server, client, "en")
            told = await notice(events)
            assert told.startswith("Our agents are not available right now. They are back on Monday 8 December")
            assert told.endswith("Meanwhile, I can still answer your general questions here.")
            assert await owner(server, conversation_id) == "bot", "released after the notice"

            # a general question: the bot answers it, with its code; the ticket still waits
            replies = await server.say(client, conversation_id, text="How much is an eTA?")
            assert (replies[0]["kind"], replies[0]["code"]) == ("answer", "010102")
            assert await assignees(server) == {1: None}

            # the client asks for a person again: the same ticket, told (and released) again
            replies = await server.say(client, conversation_id, payload="PERSON")
            assert replies[-1]["kind"] == "handoff"
            assert (await notice(events)).startswith("Our agents are not available right now.")
            assert await owner(server, conversation_id) == "bot"
            assert await assignees(server) == {1: None}, "no second ticket"
            lines = await ticket_lines(server)
            assert {ticket for ticket, _, _ in lines} == {1}
            assert (1, "client", "How much is an eTA?") in lines
            assert [text for _, kind, text in lines if kind == "event"] == [
                "outside business hours: the bot answers the client until an agent replies",
                "handed off again: the client asked for a person",
                "outside business hours: the bot answers the client until an agent replies"]
            created = [e for e in await server.quaid.store.events(conversation_id) if e.type == "ticket_created"]
            assert len(created) == 1

            # Monday 8:31: assigned as usual; alice's reply reaches the client and takes the
            # conversation back from the bot
            queues.clock = lambda: at(TORONTO, 2025, 12, 8, 8, 31)
            queues.kick()
            await settled(server, {1: "alice"})
            assert await owner(server, conversation_id) == "bot"
            status, _ = await desk.post("alice", "tickets/1/reply", solution="010102")
            assert status == 200
            pushed = json.loads((await events.receive(timeout=8)).data)["replies"][0]
            assert (pushed["kind"], pushed["code"]) == ("agent", "010102")
            assert await owner(server, conversation_id) == "agent"
            assert await server.say(client, conversation_id, text="and for my mother?") == [], "to alice now"
            assert (await ticket_lines(server))[-1] == (1, "client", "and for my mother?")
            await events.close()
        with server.quaid.store.bound():
            assert await Ticket.all().count() == 1
    finally:
        await desk.close()
