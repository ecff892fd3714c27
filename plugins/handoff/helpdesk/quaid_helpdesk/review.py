"""The learning loop: agents' answers and clients' choices teach the bot.

- Every agent reply tagged with a code (the console's canned replies carry one) and every
  "did you mean" choice a client makes (``clarification_chosen``, heard through
  ``host.observe``) becomes a **candidate**: the client's question, redacted as the core
  stored it (``host.transcript``), with the code. The same text (language, case and spacing
  ignored) is never offered twice, and a text the KB already has for that code is not offered.
- A subject-matter expert (role ``sme`` or ``supervisor``) reviews them at
  ``/console/review``: approve (as is, or with the text and code edited), edit, or reject.
- Approved examples go to the KB's ``learned.yaml`` (``host.add_examples``); a background
  task then retrains the brains (``host.retrain``, in a thread: messages meanwhile are
  answered by the previous brains) and swaps them in without a restart. Each retrain is a
  row with the ``quaid eval`` figures of ``review.validation`` before and after, shown on
  the page. Other workers see the new row and load the new model within ``review.sync_s``.

Routes (registered by :class:`~quaid_helpdesk.console.Console`, behind its ``guard``):
``GET /console/review`` (the page), ``GET /console/api/review`` (queue and runs as JSON),
``POST /console/review/{id}/{approve|edit|reject}`` and the same under ``/console/api/``
(form fields or JSON ``text``, ``code``).
"""

from __future__ import annotations

import asyncio
import hashlib
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import structlog
from aiohttp import web
from tortoise.exceptions import IntegrityError

from quaidcore import Event, Host, TrainingExample, TranscriptLine
from quaidcore.http import HttpError, read_json
from quaidcore.messages import check_inbound

from .models import Agent, Ticket, TicketMessage
from .review_models import ReviewCandidate, ReviewRun

log = structlog.get_logger(__name__)

ROLES = ("sme", "supervisor")
ACTIONS = ("approve", "edit", "reject")
MIN_WORDS = 3  # "yes", "thanks", "hello?" teach nothing
MAX_TEXT = 500
MAX_BODY = 16 * 1024
SHOWN = 100  # candidates on the page, oldest first
FIGURES = ("n", "precision", "containment", "oos_recall", "in_scope_accuracy", "escalation")


def key_of(text: str, lang: str) -> str:
    """The candidate's identity: its language and text, case and spacing ignored."""
    return hashlib.sha256(f"{lang}\n{' '.join(text.casefold().split())}".encode()).hexdigest()


def question_before(lines: list[TranscriptLine], index: int, kb: Any, lang: str) -> str | None:
    """The client's last typed question before ``lines[index]`` and after the previous agent
    reply: not a button, at least :data:`MIN_WORDS` words, not an example of a system intent
    ("I want to talk to a person")."""
    for line in reversed(lines[:index]):
        if line.author == "agent":
            return None
        if line.author != "client" or not line.text or line.payload:
            continue
        known = kb.knows(line.text, lang)
        if len(line.text.split()) >= MIN_WORDS and not (known and known.startswith("@")):
            return line.text
    return None


class Review:
    """Collects candidates, applies the experts' decisions, retrains in the background."""

    def __init__(self, helpdesk: Any, host: Host, validation: Path | None, sync_s: float) -> None:
        self.helpdesk, self.host, self.validation, self.sync_s = helpdesk, host, validation, sync_s
        self.wake = asyncio.Event()
        self.seen_run = 0  # the latest finished retrain this process serves
        helpdesk.observers.append(self.on_ticket_change)
        host.observe(self.on_events)
        host.background("helpdesk-review", self.run)

    # -- collecting ----------------------------------------------------------------------

    async def on_ticket_change(self, ticket: Ticket, what: str) -> None:
        """An agent's reply with a code: its client's question is a candidate."""
        if what != "reply":
            return
        reply = await TicketMessage.filter(ticket_id=ticket.id, kind="agent").order_by("-id").first()
        if reply is None or not reply.code:
            return
        await self.propose(ticket.conversation_id, reply.code, "agent_reply", reply.author,
                           lambda line: line.author == "agent")

    async def on_events(self, events: Any) -> None:
        """A client chose a solution under "did you mean": the question they asked is a candidate."""
        for event in events:
            if isinstance(event, Event) and event.type == "clarification_chosen" and event.data.get("code"):
                with self.host.db():
                    await self.propose(event.conversation_id, str(event.data["code"]), "clarification",
                                       None, lambda line: line.kind == "clarify")

    async def propose(self, conversation_id: str, code: str, source: str, agent: str | None,
                      anchor: Callable[[TranscriptLine], bool]) -> ReviewCandidate | None:
        """Queue the question asked before the latest `anchor` line of the conversation."""
        lines = await self.host.transcript(conversation_id)
        info = await self.host.conversation(conversation_id)
        index = next((i for i in range(len(lines) - 1, -1, -1) if anchor(lines[i])), None)
        if info is None or index is None or self.host.kb.get(code) is None:
            return None
        text = question_before(lines, index, self.host.kb, info.lang)
        if text is None or self.host.kb.knows(text, info.lang) == code:
            return None
        try:
            candidate = await ReviewCandidate.create(
                key=key_of(text, info.lang), text=text[:MAX_TEXT], lang=info.lang, code=code, source=source,
                conversation_id=conversation_id, agent=agent, created_at=time.time())
        except IntegrityError:  # offered before (maybe decided): never twice
            return None
        log.info("review_candidate", candidate=candidate.id, source=source, code=code)
        return candidate

    # -- deciding ------------------------------------------------------------------------

    async def decide(self, candidate: ReviewCandidate, action: str, agent: Agent,
                     text: str | None, code: str | None) -> ReviewCandidate:
        """Approve (with `text`/`code` if given), edit, or reject a pending candidate."""
        if candidate.status != "pending":
            raise HttpError(409, f"this candidate is already {candidate.status}")
        if action in ("approve", "edit"):
            candidate.text, candidate.code = self._checked(candidate, text, code)
        if action == "edit":
            await candidate.save(update_fields=["text", "code"])
            return candidate
        status = "approved" if action == "approve" else "rejected"
        claimed = await ReviewCandidate.filter(id=candidate.id, status="pending").update(
            status=status, text=candidate.text, code=candidate.code, decided_by=agent.username,
            decided_at=time.time())
        if not claimed:
            raise HttpError(409, "another expert decided this candidate first")
        candidate.status = status
        if status == "approved":
            await self.host.add_examples([TrainingExample(candidate.text, candidate.code, candidate.lang)])
            self.wake.set()
        log.info("review_decided", candidate=candidate.id, decision=status, by=agent.username)
        return candidate

    def _checked(self, candidate: ReviewCandidate, text: str | None, code: str | None) -> tuple[str, str]:
        text = " ".join((candidate.text if text is None else text).split())
        code = (candidate.code if code is None else code).strip()
        if not text or len(text) > MAX_TEXT:
            raise HttpError(400, f"the text is empty or longer than {MAX_TEXT} characters")
        if self.host.kb.get(code) is None:
            raise HttpError(400, f"{code[:12]!r} is not the code of a solution")
        return self.host.redact(text).text, code  # an expert's edit is redacted like all text

    # -- retraining ------------------------------------------------------------------------

    async def run(self) -> None:
        """The background task: retrain after approvals; follow other workers' retrains."""
        with self.host.db():
            latest = await ReviewRun.filter(status="done").order_by("-id").first()
        self.seen_run = latest.id if latest else 0
        while True:
            try:
                await asyncio.wait_for(self.wake.wait(), timeout=self.sync_s)
            except TimeoutError:
                await self._follow()
                continue
            self.wake.clear()
            await self.retrain()

    async def retrain(self) -> ReviewRun:
        """Retrain now and record the run (with the figures before and after)."""
        with self.host.db():
            approved = await ReviewCandidate.filter(status="approved").count()
            row = await ReviewRun.create(started_at=time.time(), approved=approved)
        try:
            done = await self.host.retrain(self.validation)
        except Exception as exc:
            log.error("review_retrain_failed", error=str(exc))
            with self.host.db():
                await ReviewRun.filter(id=row.id).update(status="failed", error=str(exc)[:2000],
                                                          finished_at=time.time())
            return row
        with self.host.db():
            await ReviewRun.filter(id=row.id).update(
                status="done", finished_at=time.time(), brains=list(done.brains), seconds=done.seconds,
                before=done.before, after=done.after)
            self.seen_run = max(self.seen_run, row.id)
            return await ReviewRun.get(id=row.id)

    async def _follow(self) -> None:
        # Another worker retrained: load its model (cached by the KB's hash) here too.
        with self.host.db():
            latest = await ReviewRun.filter(status="done").order_by("-id").first()
        if latest is not None and latest.id > self.seen_run:
            self.seen_run = latest.id
            await self.host.retrain()


class ReviewView:
    """The review page and its API; the console's sign-in, CSRF and role checks apply."""

    def __init__(self, console: Any, review: Review) -> None:
        self.console, self.review, self.host = console, review, console.host

    async def session(self, request: web.Request) -> Any:
        """The console's session check (what ``guard`` calls)."""
        return await self.console.session(request)

    def register(self, router: web.UrlDispatcher, guard: Callable[..., Any]) -> None:
        """Add the routes behind the console's `guard` (signed in, CSRF, sme or supervisor)."""
        def bound(handler: Any, page: bool = False) -> Any:
            return types.MethodType(guard(*ROLES, page=page)(handler), self)

        router.add_get("/review", bound(ReviewView.page, page=True))
        router.add_get("/api/review", bound(ReviewView.api))
        for action in ACTIONS:
            router.add_post(rf"/review/{{id:\d+}}/{action}", bound(ReviewView.act))
            router.add_post(rf"/api/review/{{id:\d+}}/{action}", bound(ReviewView.act))

    async def page(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/review``: the queue, then the last retrains."""
        pending, runs = await self._state()
        return self.console.render(request, "review.html", agent=agent, pending=pending, runs=runs,
                                   figures=FIGURES, validation=self.review.validation,
                                   solutions=self.host.kb.solutions)

    async def api(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/api/review``: pending candidates and the last retrains."""
        pending, runs = await self._state()
        return web.json_response({"pending": [_candidate(c) for c in pending], "runs": [_run(r) for r in runs]})

    async def act(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST .../review/{id}/{approve|edit|reject}``."""
        action = request.path.rsplit("/", 1)[1]
        number = int(request.match_info["id"])
        candidate = await ReviewCandidate.get_or_none(id=number) if 0 < number < 2**31 else None
        if candidate is None:
            raise HttpError(404, "no such candidate")
        api = request.path.startswith("/console/api/")
        body = await read_json(request, MAX_BODY, required=False) if api else dict(await request.post())
        text, code = body.get("text") or None, body.get("code") or None
        if not all(v is None or isinstance(v, str) for v in (text, code)):
            raise HttpError(400, "text and code are strings")
        check_inbound(text or "", None)  # well-formed Unicode, no control characters
        decided = await self.review.decide(candidate, action, agent, text, code)
        if api:
            return web.json_response(_candidate(decided))
        raise web.HTTPSeeOther("/console/review")

    async def _state(self) -> tuple[list[ReviewCandidate], list[ReviewRun]]:
        pending = await ReviewCandidate.filter(status="pending").order_by("created_at", "id").limit(SHOWN)
        runs = await ReviewRun.all().order_by("-id").limit(5)
        return list(pending), list(runs)


def _candidate(c: ReviewCandidate) -> dict[str, Any]:
    return {"id": c.id, "text": c.text, "lang": c.lang, "code": c.code, "source": c.source,
            "agent": c.agent, "status": c.status, "created_at": c.created_at}


def _run(r: ReviewRun) -> dict[str, Any]:
    return {"id": r.id, "status": r.status, "approved": r.approved, "brains": r.brains,
            "seconds": r.seconds, "before": r.before, "after": r.after, "error": r.error,
            "started_at": r.started_at, "finished_at": r.finished_at}
