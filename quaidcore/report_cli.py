"""``quaid report`` and ``quaid demo-data``: analytics from the command line.

``quaid report`` prints the KPIs of :mod:`quaidcore.reports` for a period and filters (a
table, CSV or JSON, and a PNG chart with ``--chart``); ``quaid report trend CODE --change
DATE`` says whether a question faded after a change to a web page. ``quaid demo-data``
writes realistic synthetic traffic through the real store, so that there is something to
report on; the same options (and ``--end``) give the same data.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import math
import random
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import click

from . import commands, reports
from .messages import Event
from .store import Batch

DAY = 86400.0

# -- demo data -------------------------------------------------------------------------

CHANNELS = (("web", 0.68), ("messenger", 0.22), ("twitter", 0.10))
LANGS = (("en", 0.64), ("fr", 0.36))
AGENTS = {"en": ("alice", "bruno", "emma", "george"), "fr": ("chantal", "farid", "emma", "bruno")}
SURVEY_SCORES = ((1, 0.05), (2, 0.07), (3, 0.14), (4, 0.34), (5, 0.40))
DROP_CODE = "090101"  # biometrics: the page the agency rewrote
UNANSWERED = {
    "en": [
        "can i bring my dog to canada on a visitor visa", "travelling with my cat and dog what papers",
        "my biometrics appointment was cancelled how do i rebook the appointment",
        "reschedule biometrics appointment at the visa centre",
        "the refund of my overpaid fee never arrived", "how to get a refund for a fee paid twice",
        "my passport was not returned by mail after the decision",
        "courier lost my passport returned by mail",
        "medical exam results expired before my landing", "do i redo the medical exam if it expired",
        "can i volunteer on a visitor visa", "is volunteer work allowed while visiting",
    ],
    "fr": [
        "puis-je amener mon chien au canada", "voyager avec mon chat et mon chien quels documents",
        "mon rendez-vous biometrie a ete annule comment reprendre un rendez-vous",
        "changer la date du rendez-vous biometrie",
        "le remboursement des frais payes deux fois", "comment obtenir un remboursement des frais",
        "mon passeport n'a pas ete retourne par la poste",
        "examen medical expire avant mon arrivee", "refaire l'examen medical expire",
        "benevolat avec un visa de visiteur",
    ],
}


@dataclass
class DemoSpec:
    """What ``quaid demo-data`` generates."""

    conversations: int = 2000
    days: int = 90
    seed: int = 1
    end: float = 0.0  # epoch seconds (midnight UTC); 0: today
    drop_code: str = DROP_CODE
    drop_after: float = 0.0  # epoch seconds; 0: a third of the period before the end
    drop_factor: float = 0.35  # the code's weight after `drop_after`
    messages: bool = True  # also the transcript rows (quaid_message)

    def __post_init__(self) -> None:
        if not self.end:
            today = datetime.now(UTC).date()
            self.end = datetime(today.year, today.month, today.day, tzinfo=UTC).timestamp()
        if not self.drop_after:
            self.drop_after = _midnight(self.end - self.days * DAY / 3)


def _midnight(at: float) -> float:
    day = datetime.fromtimestamp(at, UTC).date()
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def _pick(rng: random.Random, weighted: Any) -> Any:
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


@dataclass
class _Conv:
    """One synthetic conversation being written: its rows and its clock."""

    id: str
    channel: str
    lang: str
    at: float
    pseudonym: str | None
    events: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    stage: str = "ask_scope"
    owner: str = "bot"
    outcome: str | None = None
    turns: int = 0

    def emit(self, kind: str, data: dict[str, Any], gap: float = 0.0) -> None:
        from .app import _event_row

        self.at += gap
        self.events.append(_event_row(Event(kind, self.id, self.channel, data, self.at), self.lang))

    def say(self, author: str, text: str, kind: str | None = None, code: str | None = None,
            agent: str | None = None, gap: float = 0.0) -> None:
        self.at += gap
        payload = {"text": text, "kind": kind, "code": code}
        if agent:
            payload["agent"] = agent
        self.messages.append({"conversation_id": self.id, "direction": "in" if author == "client" else "out",
                              "author": author, "text": text, "kind": kind, "code": code,
                              "payload": payload if author != "client" else None, "at": self.at})

    def client(self, rng: random.Random, text: str = "", payload: str | None = None) -> None:
        self.at += rng.uniform(6, 70)
        self.turns += 1
        self.emit("message_in", {"text": text, "lang": self.lang, "payload": payload, "stage": self.stage})
        self.say("client", text or "(quick reply)")


class DemoTraffic:
    """Deterministic synthetic traffic over a knowledge base (see :func:`demo_batches`)."""

    def __init__(self, kb: Any, spec: DemoSpec) -> None:
        self.kb, self.spec = kb, spec
        self.rng = random.Random(spec.seed)
        codes = sorted(c for c, s in kb.solutions.items() if s.bot)
        self.codes = codes
        # Zipf-like popularity, shuffled by the seed so that some lines are busier.
        order = codes[:]
        self.rng.shuffle(order)
        self.weight = {c: 1.0 / (rank + 1) ** 0.8 for rank, c in enumerate(order)}
        if spec.drop_code in self.weight:  # the page that makes this question is busy
            self.weight[spec.drop_code] = max(self.weight.values()) * 0.9
        self.by_lob: dict[str, list[str]] = {}
        for code in codes:
            self.by_lob.setdefault(code[:2], []).append(code)
        self.tickets = 0
        self.clients = {ch: [uuid.UUID(int=self.rng.getrandbits(128)).hex[:32]
                             for _ in range(max(1, spec.conversations // 6))]
                        for ch, _ in CHANNELS if ch != "web"}

    def _start_time(self) -> float:
        spec, rng = self.spec, self.rng
        while True:  # busier on weekdays and in office hours (Eastern time, UTC-5)
            at = spec.end - rng.random() * spec.days * DAY
            moment = datetime.fromtimestamp(at - 5 * 3600, UTC)
            hour_w = 1.0 if 8 <= moment.hour < 18 else (0.45 if 18 <= moment.hour < 23 else 0.12)
            day_w = 0.55 if moment.weekday() >= 5 else 1.0
            if rng.random() < hour_w * day_w:
                return at

    def _code(self, at: float) -> str:
        weights = [self.weight[c] * (self.spec.drop_factor if c == self.spec.drop_code
                                     and at >= self.spec.drop_after else 1.0) for c in self.codes]
        return self.rng.choices(self.codes, weights)[0]

    def _example(self, code: str, lang: str) -> str:
        return self.rng.choice(getattr(self.kb.solutions[code].examples, lang))

    def conversations(self) -> list[_Conv]:
        """Every conversation, oldest first."""
        rng = self.rng
        out = []
        for _ in range(self.spec.conversations):
            channel, lang = _pick(rng, CHANNELS), _pick(rng, LANGS)
            client = rng.choice(self.clients[channel]) if channel in self.clients else None
            conv = _Conv(uuid.UUID(int=rng.getrandbits(128)).hex, channel, lang, self._start_time(), client)
            self._play(conv)
            out.append(conv)
        out.sort(key=lambda c: c.events[0]["at"])
        return out

    # -- one conversation ---------------------------------------------------------------

    def _play(self, conv: _Conv) -> None:
        rng = self.rng
        conv.emit("conversation_started", {"lang": conv.lang})
        conv.say("bot", "greeting", "greeting", gap=0.05)
        roll = rng.random()
        if roll < 0.06:  # opened the widget and never wrote
            return self._abandon(conv)
        if roll < 0.11:  # about their own file: straight to a person
            conv.client(rng, payload="SCOPE_OWN_FILE")
            return self._handoff(conv, "own_file", rng.choice(self.codes))
        if rng.random() < 0.6:
            conv.client(rng, payload="SCOPE_GENERAL")
            conv.stage = "ready"
        questions = 1 + (rng.random() < 0.12) + (rng.random() < 0.03)
        for number in range(questions):
            if not self._question(conv) or number == questions - 1:
                return None
        return None

    def _question(self, conv: _Conv) -> bool:
        """One question; True when the conversation may go on with another."""
        rng = self.rng
        code = self._code(conv.at)
        roll = rng.random()
        if roll < 0.10:  # a question the knowledge base does not answer
            text = rng.choice(UNANSWERED[conv.lang])
            conv.client(rng, text)
            conv.stage = "searching"
            if rng.random() < 0.2:  # search found nothing
                return self._handoff(conv, "no_answer", None, text)
            return self._fallback(conv, None)
        if roll < 0.16:  # asks for a person
            conv.client(rng, self._example(code, conv.lang))
            conv.client(rng, "I want to talk to a person" if conv.lang == "en" else "je veux parler a un agent")
            return self._handoff(conv, "asked_for_person", code)
        conv.client(rng, self._example(code, conv.lang))
        shown = code
        if rng.random() < 0.14:  # "did you mean...?"
            lob = self.by_lob[code[:2]]
            others = rng.sample([c for c in lob if c != code] or [code], min(2, max(1, len(lob) - 1)))
            conv.emit("clarification", {"candidates": [code, *others]}, gap=0.3)
            conv.say("bot", "clarify", "clarify")
            conv.stage = "clarify"
            if rng.random() < 0.15:
                conv.client(rng, payload="NONE")
                conv.emit("clarification_chosen", {"code": None})
                return self._fallback(conv, code)
            conv.client(rng, payload=f"CODE:{code}")
            conv.emit("clarification_chosen", {"code": code})
        elif rng.random() < 0.12:  # the bot is wrong: a neighbour in the same line of business
            shown = rng.choice(self.by_lob[code[:2]])
        conv.emit("solution_sent", {"code": shown, "by": "bot", "confidence": round(rng.uniform(0.6, 0.99), 3)},
                  gap=0.3)
        conv.say("bot", self.kb.solutions[shown].answer.get(conv.lang)[:80], "answer", shown)
        conv.stage = "feedback"
        roll = rng.random()
        if roll < 0.12:  # no answer to "did this answer your question?"
            if rng.random() < 0.6:
                self._abandon(conv)
                return False
            return True
        wrong = shown != code
        if (not wrong and roll < 0.88) or (wrong and roll < 0.2):
            conv.client(rng, payload="YES")
            conv.emit("answer_feedback", {"helpful": True, "code": shown})
            conv.emit("resolved", {"by": "bot", "code": shown})
            conv.stage, conv.outcome = "ready", "resolved_by_bot"
            return True
        conv.client(rng, payload="NO")
        conv.emit("answer_feedback", {"helpful": False, "code": shown})
        return self._fallback(conv, code)

    def _fallback(self, conv: _Conv, code: str | None) -> bool:
        rng = self.rng
        conv.emit("fallback_offered", {"urls": ["https://www.canada.ca/en/immigration-refugees-citizenship.html"]},
                  gap=0.6)
        conv.say("bot", "fallback", "fallback")
        conv.stage = "search_feedback"
        roll = rng.random()
        if roll < 0.08:
            self._abandon(conv)
            return False
        if roll < 0.45:
            conv.client(rng, payload="YES")
            conv.emit("search_feedback", {"helpful": True})
            conv.emit("resolved", {"by": "bot", "code": None})
            conv.stage, conv.outcome = "ready", "resolved_by_bot"
            return True
        conv.client(rng, payload="NO")
        conv.emit("search_feedback", {"helpful": False})
        return self._handoff(conv, "search_not_helpful", code)

    def _handoff(self, conv: _Conv, reason: str, code: str | None, question: str = "") -> bool:
        rng = self.rng
        conv.say("bot", "handoff", "handoff", gap=0.2)
        conv.emit("handoff", {"reason": reason})
        conv.stage, conv.owner = "handed_off", "agent"
        if rng.random() < 0.03:  # no agent could take it: the bot owns it again, the client leaves
            conv.emit("handoff_failed", {}, gap=0.5)
            conv.stage, conv.owner = "ready", "bot"
            self._abandon(conv)
            return False
        created = conv.at + 0.05
        self.tickets += 1
        ticket = self.tickets
        conv.emit("ticket_created", {"ticket": ticket, "target": "helpdesk", "reason": reason}, gap=0.05)
        if rng.random() < 0.06:  # still waiting for an agent
            return False
        code = code or (self._code(conv.at) if rng.random() < 0.7 else None)
        code = code or rng.choice(self.codes)
        agent = rng.choice(AGENTS[conv.lang])
        busy = 1.6 if datetime.fromtimestamp(conv.at - 5 * 3600, UTC).hour >= 18 else 1.0
        conv.at += min(rng.lognormvariate(math.log(540 * busy), 0.9), 3 * DAY)
        conv.emit("solution_sent", {"code": code, "by": "agent", "agent": agent})
        conv.say("agent", self.kb.solutions[code].answer.get(conv.lang)[:80], "agent", code, agent)
        conv.emit("first_agent_response", {"ticket": ticket, "target": "helpdesk", "code": code, "agent": agent,
                                           "seconds": round(conv.at - created, 3)})
        if rng.random() < 0.25:  # a follow-up question to the agent
            conv.client(rng, "ok thanks, and how long does it take?" if conv.lang == "en"
                        else "merci, et combien de temps?")
            conv.at += rng.lognormvariate(math.log(240), 0.7)
            conv.emit("solution_sent", {"code": code, "by": "agent", "agent": agent})
            conv.say("agent", "follow-up", "agent", code, agent)
        if rng.random() < 0.05:  # never resolved (the ticket stays open)
            return False
        conv.at += rng.lognormvariate(math.log(300), 0.8)
        conv.emit("resolved", {"by": "agent", "agent": agent})
        conv.say("bot", "survey", "survey")
        conv.stage, conv.owner, conv.outcome = "survey", "bot", "resolved_by_agent"
        if rng.random() < 0.55:
            conv.client(rng, payload=f"SAT:{_pick(rng, SURVEY_SCORES)}")
            score = int(conv.events[-1]["data"]["payload"].split(":")[1])
            conv.emit("satisfaction", {"score": score})
            conv.stage = "ready"
            if rng.random() < 0.08:  # asks again: handed off a second time
                conv.client(rng, "I still need to talk to a person" if conv.lang == "en"
                            else "je dois encore parler a un agent")
                return self._handoff(conv, "asked_for_person", code)
        return True

    def _abandon(self, conv: _Conv) -> None:
        if conv.outcome or conv.owner != "bot":  # the policy abandons only what is unresolved
            return
        conv.emit("abandoned", {"stage": conv.stage}, gap=1800 + self.rng.uniform(0, 60))
        conv.stage, conv.outcome = "abandoned", "abandoned"


def demo_batches(kb: Any, spec: DemoSpec, size: int = 500) -> Iterator[Batch]:
    """The demo traffic as store batches of `size` conversations, oldest first."""
    traffic = DemoTraffic(kb, spec)
    batch = Batch()
    for number, conv in enumerate(traffic.conversations(), 1):
        created = conv.events[0]["at"]
        state = {"stage": conv.stage, "lang": conv.lang, "owner": conv.owner, "question": "", "code": None,
                 "candidates": [], "outcome": conv.outcome, "last_activity": conv.at, "turns": conv.turns}
        batch.conversations.append({"id": conv.id, "channel": conv.channel, "client_id": conv.pseudonym,
                                    "brain": "default", "lang": conv.lang, "stage": conv.stage,
                                    "owner": conv.owner, "outcome": conv.outcome, "state": state,
                                    "created_at": created, "updated_at": conv.at})
        batch.created.add(conv.id)
        if conv.pseudonym:
            batch.clients.append({"id": conv.pseudonym, "channel": conv.channel})
        batch.events += conv.events
        if spec.messages:
            batch.messages += conv.messages
        if number % size == 0:
            yield batch
            batch = Batch()
    if batch.conversations:
        yield batch


async def write_demo(store: Any, kb: Any, spec: DemoSpec) -> dict[str, int]:
    """Write the demo traffic through `store` (open); returns what was written."""
    counts = {"conversations": 0, "events": 0, "messages": 0}
    for batch in demo_batches(kb, spec):
        await store.write(batch)
        counts["conversations"] += len(batch.conversations)
        counts["events"] += len(batch.events)
        counts["messages"] += len(batch.messages)
    return counts


# -- output -----------------------------------------------------------------------------


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """``(dotted.key, value)`` for every leaf of a report (lists indexed: ``top_codes.0.code``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from flatten(item, f"{prefix}.{index}")
    else:
        yield prefix, value


def to_csv(report: dict[str, Any]) -> str:
    """The report as CSV: one ``metric,value`` row per figure."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["metric", "value"])
    for key, value in flatten(report):
        writer.writerow([key, "" if value is None else value])
    return out.getvalue()


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


def to_table(r: dict[str, Any]) -> str:
    """The report for people, in a terminal."""
    v, s = r["volume"], r["satisfaction"]
    first, last = r["period"]["from"], r["period"]["to"]
    period = (f"from {first} to {last}" if first and last else f"from {first}" if first
              else f"up to {last}" if last else "at any time")
    filters = ", ".join(f"{k}={v}" for k, v in r["filters"].items() if k not in ("start", "end"))
    lines = [f"Quaid report, conversations started {period}" + (f" ({filters})" if filters else ""), ""]
    lines.append(f"Volume        {v['conversations']} conversations, {v['messages']} client messages, "
                 f"{v['bot_answers']} answers by the bot, {v['agent_answers']} by agents")
    for channel, c in v["by_channel"].items():
        lines.append(f"  {channel:<11} {c['conversations']:>7} conversations  escalation "
                     f"{_pct(c['escalation_rate'])}  containment {_pct(c['containment_rate'])}")
    lines.append(f"  languages   {', '.join(f'{k} {n}' for k, n in v['by_lang'].items())}")
    dist = " ".join(f"{k}:{n}" for k, n in s["survey_distribution"].items())
    lines += [
        f"Satisfaction  {_pct(s['rate'])} 'yes' to 'did this answer your question?' ({s['yes']}/"
        f"{s['yes'] + s['no']}); survey mean {s['survey_mean'] or '—'} over {s['survey_responses']} answers "
        f"({_pct(s['survey_response_rate'])} of surveys)  [{dist}]",
        f"Workload      escalation {_pct(r['escalation']['rate'])} ({r['escalation']['handoffs']} handoffs), "
        f"containment {_pct(r['containment']['rate'])}, abandonment {_pct(r['abandonment']['rate'])} "
        f"({r['abandonment']['after_handoff']} after a handoff)",
        f"Function      {_pct(r['function']['confirmed_rate'])} of the bot's answers confirmed by the client, "
        f"{_pct(r['function']['corrected_rate'])} corrected by an agent",
    ]
    first, resolution = r["first_response_s"], r["resolution_s"]
    lines.append(f"Agents        first response mean {_duration(first['mean'])}, p90 {_duration(first['p90'])} "
                 f"({first['count']}); resolution mean {_duration(resolution['mean'])}, p90 "
                 f"{_duration(resolution['p90'])} ({resolution['count']})")
    names = r.get("lob_names", {})
    for lob, stats in first["by_lob"].items():
        res = resolution["by_lob"].get(lob, {})
        lines.append(f"  {lob} {names.get(lob, ''):<28} first {_duration(stats['mean']):>7} / p90 "
                     f"{_duration(stats['p90']):>7}   resolution {_duration(res.get('mean')):>7} / p90 "
                     f"{_duration(res.get('p90')):>7}")
    for name, a in r["agents"].items():
        lines.append(f"  {name:<14} {a['answers']:>5} answers {a['tickets']:>5} tickets {a['resolved']:>5} "
                     f"resolved, first response {_duration(a['first_response_mean_s'])}")
    lines.append("Top codes")
    for row in r["top_codes"]:
        lines.append(f"  {row['code']} {row['count']:>7}  {row.get('title') or ''}")
    t = r["turns_to_resolution"]
    lines.append(f"Journeys      {t['mean'] or '—'} client messages to resolution ({t['interactions_mean'] or '—'} "
                 f"interactions); {r['journeys']['clients']} returning clients, "
                 f"{r['journeys']['conversations_per_client'] or '—'} conversations each")
    moves = ", ".join(f"{m['from']}→{m['to']} ({m['count']})" for m in r["journeys"]["transitions"][:5])
    if moves:
        lines.append(f"  next code   {moves}")
    w = r.get("widget") or {}
    if w.get("shown"):
        visitors = ", ".join(f"{k} {n}" for k, n in w["visitors"].items())
        lines.append(f"Web widget    shown {w['shown']} times, opened {_pct(w['open_rate'])}, "
                     f"{w['conversations']} web conversations; visitors: {visitors}")
        for page in w["pages"][:5]:
            lines.append(f"  {page['page']:<40} {page['shown']:>7} shown  {_pct(page['open_rate'])} opened")
    if r["unanswered"]:
        lines.append("Unanswered questions (candidates for new solutions)")
        for group in r["unanswered"]:
            lines.append(f"  {group['count']:>5}  {' '.join(group['words'])}  e.g. \"{group['examples'][0]}\"")
    lines.append(f"\n({r['seconds']} s; summaries updated for {r['refresh']['conversations']} conversations)")
    return "\n".join(lines)


def trend_table(t: dict[str, Any]) -> str:
    """A trend for people."""
    b, a = t["before"], t["after"]
    verdict = "significant" if t["significant"] else "not significant"
    lines = [f"Trend of {t['kind']} {t['target']}, change on {t['change_date']} "
             f"({t['period']['from']} → {t['period']['to']})",
             f"  before: {b['count']} answers in {b['days']} days = {b['per_week']} a week",
             f"  after:  {a['count']} answers in {a['days']} days = {a['per_week']} a week",
             f"  change: {t['change_pct']}%   p = {t['p_value']} ({t['test']}): {verdict} at 5%", ""]
    lines += [f"  {w['week']}  {w['count']:>6}  {'#' * min(60, w['count'])}" for w in t["weeks"]]
    return "\n".join(lines)


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise click.ClickException("--chart needs matplotlib (pip install matplotlib)") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def kpi_chart(r: dict[str, Any], path: str) -> None:
    """Four panels: conversations a day by channel, top codes, response times by line of
    business, survey scores."""
    plt = _pyplot()
    fig, axes = plt.subplots(2, 2, figsize=(13, 8.5))
    days = r["series"]["conversations_by_day"]
    channels = sorted({k for d in days for k in d if k != "day"})
    x = [datetime.fromisoformat(d["day"]) for d in days]
    for channel in channels:
        axes[0][0].plot(x, [d.get(channel, 0) for d in days], label=channel, linewidth=1.2)
    axes[0][0].set_title("Conversations a day, by channel")
    axes[0][0].legend()
    axes[0][0].tick_params(axis="x", rotation=30)
    top = r["top_codes"][::-1]
    axes[0][1].barh([t["code"] for t in top], [t["bot"] for t in top], label="bot", color="#4C78A8")
    axes[0][1].barh([t["code"] for t in top], [t["agent"] for t in top], left=[t["bot"] for t in top],
                    label="agents", color="#F58518")
    axes[0][1].set_title("Top codes (answers)")
    axes[0][1].legend()
    lobs = sorted(r["first_response_s"]["by_lob"])
    means = [(r["first_response_s"]["by_lob"][lob]["mean"] or 0) / 60 for lob in lobs]
    p90s = [(r["first_response_s"]["by_lob"][lob]["p90"] or 0) / 60 for lob in lobs]
    positions = range(len(lobs))
    axes[1][0].bar([p - 0.2 for p in positions], means, width=0.4, label="mean", color="#54A24B")
    axes[1][0].bar([p + 0.2 for p in positions], p90s, width=0.4, label="p90", color="#B279A2")
    axes[1][0].set_xticks(list(positions), lobs)
    axes[1][0].set_title("Agents' first response (minutes) by line of business")
    axes[1][0].legend()
    s = r["satisfaction"]
    scores = s["survey_distribution"]
    axes[1][1].bar(list(scores), list(scores.values()), color="#72B7B2")
    axes[1][1].set_title(f"Survey scores (mean {s['survey_mean'] or '—'}); 'yes' to answers {_pct(s['rate'])}")
    fig.suptitle(f"Quaid: {r['volume']['conversations']} conversations, escalation "
                 f"{_pct(r['escalation']['rate'])}, containment {_pct(r['containment']['rate'])}, "
                 f"abandonment {_pct(r['abandonment']['rate'])}")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def trend_chart(t: dict[str, Any], path: str) -> None:
    """Weekly answers with the change date marked and the rates before and after."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(11, 5))
    weeks = [datetime.fromisoformat(w["week"]) for w in t["weeks"]]
    change = datetime.fromisoformat(t["change_date"])
    ax.bar(weeks, [w["count"] for w in t["weeks"]], width=6, align="edge",
           color=["#4C78A8" if w < change else "#F58518" for w in weeks])
    ax.axvline(change, color="black", linestyle="--", label=f"change {t['change_date']}")
    for side, color in (("before", "#4C78A8"), ("after", "#F58518")):
        if t[side]["per_week"] is not None:
            ax.axhline(t[side]["per_week"], color=color, linestyle=":", label=f"{side}: {t[side]['per_week']}/week")
    ax.set_title(f"{t['kind']} {t['target']}: {t['change_pct']}% after the change, p = {t['p_value']}")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# -- commands -------------------------------------------------------------------------


CONFIG_HELP = "YAML config file (default: $QUAID_CONFIG, else the usual search; see quaid --help)."


def _options(trend: bool = False) -> Any:
    def wrap(func: Any) -> Any:
        options = [
            click.option("--config", "-c", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP),
            click.option("--from", "date_from", help="First day (YYYY-MM-DD, UTC)."),
            click.option("--to", "date_to", help="Last day, included (YYYY-MM-DD, UTC)."),
            click.option("--channel", help="Only this channel."),
            click.option("--lang", help="Only conversations started in this language."),
            click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                         show_default=True),
            click.option("--chart", type=click.Path(dir_okay=False), help="Also draw a PNG chart here."),
        ]
        if not trend:
            options += [
                click.option("--lob", help="Only conversations about this line of business (2 digits)."),
                click.option("--code", help="Only conversations about this response code (6 digits)."),
                click.option("--agent", help="Only conversations this agent answered or resolved."),
            ]
        for option in reversed(options):
            func = option(func)
        return func
    return wrap


def _period(date_from: str | None, date_to: str | None) -> tuple[float | None, float | None]:
    try:
        start = reports.parse_day(date_from) if date_from else None
        end = reports.parse_day(date_to) + DAY if date_to else None
    except ValueError as exc:
        raise click.BadParameter(f"dates are YYYY-MM-DD: {exc}") from None
    return start, end


async def _opened(config_path: str | None) -> Any:
    """The configured Quaid with its store opened once (older tables get the new columns)."""
    try:
        quaid = commands.build(config_path, log_stream=sys.stderr)
    except commands.CommandError as exc:
        raise click.ClickException(str(exc)) from None
    await quaid.store.open()
    await quaid.store.close()
    return quaid


def _emit(text: str) -> None:
    click.echo(text.rstrip("\n"))


@click.group("report", invoke_without_command=True)
@_options()
@click.pass_context
def report(ctx: click.Context, config_path: str | None, date_from: str | None, date_to: str | None,
           channel: str | None, lang: str | None, fmt: str, chart: str | None, lob: str | None,
           code: str | None, agent: str | None) -> None:
    """Analytics: volume, satisfaction, workload, function, response times, top and unanswered
    questions, journeys; for conversations started in a period, on filters.

    ``quaid report trend CODE --change DATE``: did a question fade after a change?
    """
    if ctx.invoked_subcommand:
        return
    start, end = _period(date_from, date_to)
    filters = reports.Filters(start, end, channel, lob, code, lang, agent)

    async def run() -> dict[str, Any]:
        quaid = await _opened(config_path)
        return await reports.kpi_report(quaid.store.url, filters, quaid.kb)

    _output(asyncio.run(run()), fmt, chart, to_table, kpi_chart)


def _output(result: dict[str, Any], fmt: str, chart: str | None,
            table: Callable[[dict[str, Any]], str], draw: Callable[[dict[str, Any], str], None]) -> None:
    """Print a report as JSON, CSV or a table; draw its chart when asked."""
    if fmt == "json":
        _emit(json.dumps(result, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        _emit(to_csv(result))
    else:
        _emit(table(result))
    if chart:
        draw(result, chart)
        click.echo(f"chart written to {chart}", err=True)


@report.command("trend")
@click.argument("target")
@click.option("--change", required=True, help="The day of the change (YYYY-MM-DD, UTC).")
@_options(trend=True)
def trend(target: str, change: str, config_path: str | None, date_from: str | None, date_to: str | None,
          channel: str | None, lang: str | None, fmt: str, chart: str | None) -> None:
    """Weekly answers with response code TARGET (or line of business, 2 digits) before and
    after --change, with an exact Poisson rate test of the change."""
    if not (target.isdigit() and len(target) in (2, 6)):
        raise click.BadParameter("a response code (6 digits) or a line of business (2 digits)",
                                 param_hint="TARGET")
    start, end = _period(date_from, date_to)
    (changed, _) = _period(change, None)
    assert changed is not None

    async def run() -> dict[str, Any]:
        quaid = await _opened(config_path)
        return await reports.trend_report(quaid.store.url, target, changed,
                                          reports.Filters(start, end, channel, lang=lang))

    _output(asyncio.run(run()), fmt, chart, trend_table, trend_chart)


@click.command("demo-data")
@click.option("--config", "-c", "config_path", type=click.Path(dir_okay=False), help=CONFIG_HELP)
@click.option("--conversations", type=click.IntRange(1), default=2000, show_default=True)
@click.option("--days", type=click.IntRange(1), default=90, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--end", help="The day after the last one (YYYY-MM-DD, UTC; default: today). The same "
                            "options and --end give the same data.")
@click.option("--drop-code", default=DROP_CODE, show_default=True,
              help="The code whose volume drops after a third of the period from the end.")
def demo_data(config_path: str | None, conversations: int, days: int, seed: int, end: str | None,
              drop_code: str) -> None:
    """Write realistic synthetic traffic into the configured store (for reports and the
    dashboard): channels, languages, answered / clarified / searched / handed off /
    abandoned conversations, agents' replies after realistic delays, surveys, and one code
    whose volume drops after a date."""
    (end_at, _) = _period(end, None)
    spec = DemoSpec(conversations, days, seed, end=end_at or 0.0, drop_code=drop_code)

    async def run() -> dict[str, int]:
        try:
            quaid = commands.build(config_path, log_stream=sys.stderr)
        except commands.CommandError as exc:
            raise click.ClickException(str(exc)) from None
        await quaid.store.open()
        try:
            return await write_demo(quaid.store, quaid.kb, spec)
        finally:
            await quaid.store.close()

    counts = asyncio.run(run())
    first = datetime.fromtimestamp(spec.end - days * DAY, UTC).date()
    last = datetime.fromtimestamp(spec.end - DAY, UTC).date()
    drop = datetime.fromtimestamp(spec.drop_after, UTC).date()
    click.echo(f"wrote {counts['conversations']} conversations ({counts['events']} events, "
               f"{counts['messages']} messages) from {first} to {last}; code {spec.drop_code} drops to "
               f"{int(spec.drop_factor * 100)}% after {drop} (try: quaid report trend {spec.drop_code} "
               f"--change {drop})")
