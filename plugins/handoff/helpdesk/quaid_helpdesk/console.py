"""The agent console: server-rendered HTML (jinja2, autoescaped) under ``/console/``.

Security, in the order a request meets it:

- signed in? a random session token in an HttpOnly, SameSite=Strict cookie, stored only as
  its hash; anonymous page views go to the sign-in page, anything else gets 401;
- on every state-changing request (POST), the session's CSRF token, from the form's
  ``csrf_token`` field or the ``X-CSRF-Token`` header: missing or wrong → 403 (the sign-in
  form uses a double-submit cookie, as there is no session yet);
- the role (agent, sme, supervisor) and the ticket's queue: wrong → 403;
- responses carry a strict Content-Security-Policy (no inline script), ``nosniff``,
  ``frame-ancestors 'none'`` and ``no-store``; client text is escaped by the templates and
  inserted as text by the page's JavaScript.

Every state-changing endpoint answers both an HTML form (303 back to the page) and JSON
under ``/console/api/`` (the same path with ``api/`` in front).
"""

from __future__ import annotations

import hmac
import json
import secrets
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from aiohttp import web

from quaidcore import Host

from . import accounts
from .models import Agent, Ticket, TicketMessage
from .tickets import Helpdesk

HERE = Path(__file__).parent
COOKIE = "quaid_console"
LOGIN_COOKIE = "quaid_console_login"
COOKIE_PATH = "/console"
ROOT = "/console/"
CSRF_KEY = web.RequestKey("quaid_console_csrf", str)
ACTIONS = ("reply", "note", "take", "consult", "consult_done", "resolve")
LABELS = {"client": "Client", "bot": "Bot", "agent": "Agent", "note": "Note",
          "consult": "Consultation", "consult_done": "Expert's answer", "event": "Event"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
       "object-src 'none'")

Handler = Callable[..., Awaitable[web.StreamResponse]]


def is_api(request: web.Request) -> bool:
    """JSON endpoints live under ``/console/api/``."""
    return request.path.startswith(ROOT + "api/")


def refuse(request: web.Request, status: int, message: str) -> web.HTTPException:
    """An error response: JSON for the API, a short HTML page otherwise."""
    classes = {400: web.HTTPBadRequest, 401: web.HTTPUnauthorized, 403: web.HTTPForbidden,
               404: web.HTTPNotFound, 409: web.HTTPConflict, 429: web.HTTPTooManyRequests}
    cls = classes[status]
    if is_api(request):
        return cls(text=json.dumps({"error": message}), content_type="application/json")
    page = ERROR_PAGE.render(status=status, message=message)
    return cls(text=page, content_type="text/html")


ERROR_PAGE = jinja2.Environment(autoescape=True).from_string(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ status }}</title>'
    '<link rel="stylesheet" href="/console/static/console.css"></head><body class="error">'
    '<main><h1>{{ status }}</h1><p>{{ message }}</p><p><a href="/console/">Back to the console</a>'
    '</p></main></body></html>')


def guard(*roles: str, page: bool = False) -> Callable[[Handler], Handler]:
    """Sign-in, CSRF and role checks in front of a console handler ``(self, request, agent)``."""

    def wrap(handler: Handler) -> Handler:
        @wraps(handler)
        async def checked(self: Console, request: web.Request) -> web.StreamResponse:
            session = await self.session(request)
            if session is None:
                if page and request.method == "GET":
                    raise web.HTTPSeeOther(f"{ROOT}login?{urlencode({'next': request.path_qs})}")
                raise refuse(request, 401, "sign in first")
            if request.method not in ("GET", "HEAD"):
                sent = request.headers.get("X-CSRF-Token")
                if sent is None and request.content_type in ("application/x-www-form-urlencoded",
                                                             "multipart/form-data"):
                    sent = (await request.post()).get("csrf_token")
                if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(),
                                                                        session.csrf_token.encode()):
                    raise refuse(request, 403, "missing or wrong CSRF token: reload the page")
            if roles and not session.agent.has(*roles):
                raise refuse(request, 403, "your role does not allow this")
            request[CSRF_KEY] = session.csrf_token
            return await handler(self, request, session.agent)

        return checked

    return wrap


class SignInLimiter:
    """Failed sign-ins per username in a 15-minute window (slows password guessing)."""

    def __init__(self, limit: int, window_s: float = 900) -> None:
        self.limit, self.window_s = limit, window_s
        self.failures: dict[str, list[float]] = defaultdict(list)

    def blocked(self, username: str) -> bool:
        """True when `username` had too many recent failures."""
        now = time.monotonic()
        recent = [t for t in self.failures.get(username, []) if now - t < self.window_s]
        if recent:
            self.failures[username] = recent
        else:
            self.failures.pop(username, None)
        return len(recent) >= self.limit

    def failed(self, username: str) -> None:
        """Count a failure."""
        self.failures[username].append(time.monotonic())


def when(timestamp: float | None) -> str:
    """A time for people: ``2025-11-27 12:40 UTC``."""
    if not timestamp:
        return "—"
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class Console:
    """The console's aiohttp sub-application, mounted at ``/console/``."""

    def __init__(self, helpdesk: Helpdesk, host: Host) -> None:
        self.helpdesk, self.config, self.host = helpdesk, helpdesk.config, host
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
            undefined=jinja2.StrictUndefined)
        self.templates.filters["when"] = when
        self.templates.globals["labels"] = LABELS
        self.limiter = SignInLimiter(self.config.sign_in_attempts)
        self.app = host.routes(COOKIE_PATH, middlewares=[self._headers, self._bind_store])
        router = self.app.router
        router.add_get("", self._to_root)
        router.add_get("/", self.home)
        router.add_get("/login", self.login_page)
        router.add_post("/login", self.login)
        router.add_post("/logout", self.logout)
        router.add_get(r"/tickets/{id:\d+}", self.ticket_page)
        for action in ACTIONS:
            router.add_post(rf"/tickets/{{id:\d+}}/{action}", self.act)
            router.add_post(rf"/api/tickets/{{id:\d+}}/{action}", self.act)
        router.add_get("/agents", self.agents_page)
        router.add_post("/agents/{username}/disable", self.disable_agent)
        router.add_get("/api/queue", self.api_queue)
        router.add_get(r"/api/tickets/{id:\d+}", self.api_ticket)
        router.add_get("/api/solutions", self.api_solutions)
        router.add_static("/static/", HERE / "static")
        from .reports_view import ReportsView  # the supervisors' analytics dashboard
        ReportsView(self).register(router, guard)

    @staticmethod
    async def _to_root(_: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(ROOT)

    # -- middlewares -------------------------------------------------------------------

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            self._secure(request, exc)
            raise
        self._secure(request, response)
        return response

    @staticmethod
    def _secure(request: web.Request, response: web.StreamResponse) -> None:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        if not request.path.startswith(ROOT + "static/"):
            headers.setdefault("Cache-Control", "no-store")

    @web.middleware
    async def _bind_store(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        with self.host.db():
            return await handler(request)

    # -- sessions ----------------------------------------------------------------------

    async def session(self, request: web.Request) -> Any:
        """The request's live session (with its agent), or None."""
        return await accounts.session_for(request.cookies.get(COOKIE),
                                          idle_s=self.config.session_idle_minutes * 60,
                                          max_age_s=self.config.session_max_hours * 3600)

    def _cookie(self, request: web.Request, response: web.StreamResponse, name: str, value: str,
                max_age: int | None = None) -> None:
        response.set_cookie(name, value, path=COOKIE_PATH, httponly=True, samesite="Strict",
                            secure=self.config.cookie_secure or request.secure, max_age=max_age)

    def render(self, request: web.Request, name: str, status: int = 200,
               **values: Any) -> web.Response:
        """A page of the console."""
        values.setdefault("agent", None)
        values.setdefault("csrf", request.get(CSRF_KEY, ""))
        values.setdefault("poll_ms", int(self.config.poll_interval_s * 1000))
        html = self.templates.get_template(name).render(**values)
        return web.Response(text=html, content_type="text/html", status=status)

    async def login_page(self, request: web.Request, error: str | None = None,
                         status: int = 200) -> web.Response:
        """``GET /console/login``: the sign-in form (with a fresh double-submit CSRF token)."""
        if error is None and await self.session(request) is not None:
            raise web.HTTPSeeOther(ROOT)
        token = secrets.token_urlsafe(32)
        response = self.render(request, "login.html", status=status, csrf=token, error=error,
                               next=_safe_next(request.query.get("next")))
        self._cookie(request, response, LOGIN_COOKIE, token, max_age=3600)
        return response

    async def login(self, request: web.Request) -> web.StreamResponse:
        """``POST /console/login``: check the password, open a session."""
        form = await request.post()
        sent, expected = form.get("csrf_token"), request.cookies.get(LOGIN_COOKIE)
        if not (isinstance(sent, str) and expected and hmac.compare_digest(sent.encode(), expected.encode())):
            raise refuse(request, 403, "missing or wrong CSRF token: reload the sign-in page")
        username = str(form.get("username", "")).strip().lower()[:64]
        password = str(form.get("password", ""))
        if self.limiter.blocked(username):
            raise refuse(request, 429, "too many failed sign-ins: wait 15 minutes")
        opened = await accounts.sign_in(username, password)
        if opened is None:
            self.limiter.failed(username)
            return await self.login_page(request, error="Wrong username or password.", status=401)
        token, _ = opened
        response = web.HTTPSeeOther(_safe_next(str(form.get("next", ""))) or ROOT)
        self._cookie(request, response, COOKIE, token)
        response.del_cookie(LOGIN_COOKIE, path=COOKIE_PATH)
        raise response

    @guard()
    async def logout(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST /console/logout``."""
        await accounts.sign_out(request.cookies.get(COOKIE))
        response = web.HTTPSeeOther(ROOT + "login")
        response.del_cookie(COOKIE, path=COOKIE_PATH)
        raise response

    # -- pages -------------------------------------------------------------------------

    @guard(page=True)
    async def home(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/``: the agent's queue and consultations."""
        tickets = await self.helpdesk.queue(agent)
        consultations = [t for t in tickets if t.consultant_id == agent.id]
        queue = [t for t in tickets if t.consultant_id != agent.id or agent.has("agent", "supervisor")]
        return self.render(request, "queue.html", agent=agent, queue=queue,
                           consultations=consultations, answers=agent.has("agent", "supervisor"))

    @guard(page=True)
    async def ticket_page(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/tickets/{id}``: the conversation, canned responses, actions."""
        ticket = await self._ticket(request, agent)
        messages = await TicketMessage.filter(ticket_id=ticket.id).order_by("at", "id")
        lang = await self._lang(ticket)
        query = request.query.get("q", "").strip()[:200]
        results = self.helpdesk.canned.search(query, lang, self.config.canned_results) if query else []
        suggested = [c for c in (self.helpdesk.canned.get(x["code"], lang) for x in ticket.candidates) if c]
        experts = [a for a in await Agent.filter(disabled=False).order_by("username")
                   if a.has("sme") and a.id != agent.id]
        codes = sorted(self.host.kb.solutions)
        return self.render(request, "ticket.html", agent=agent, ticket=ticket, messages=messages,
                           lang=lang, query=query, results=results, suggested=suggested,
                           experts=experts, codes=codes, error=request.query.get("error", "")[:300],
                           confidence={c["code"]: c["confidence"] for c in ticket.candidates},
                           answers=self.helpdesk.can_answer(agent, ticket),
                           consulted=ticket.consultant_id == agent.id)

    @guard("supervisor", page=True)
    async def agents_page(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/agents``: accounts (supervisors only)."""
        return self.render(request, "agents.html", agent=agent,
                           agents=await Agent.all().order_by("username"))

    @guard("supervisor")
    async def disable_agent(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST /console/agents/{username}/disable`` (supervisors only)."""
        username = request.match_info["username"]
        if username == agent.username:
            raise refuse(request, 400, "you cannot disable your own account")
        try:
            await accounts.set_disabled(username)
        except accounts.AccountError as exc:
            raise refuse(request, 404, str(exc)) from None
        raise web.HTTPSeeOther(ROOT + "agents")

    # -- actions -----------------------------------------------------------------------

    @guard()
    async def act(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST /console/[api/]tickets/{id}/{action}``: reply, note, take, consult,
        consult_done, resolve."""
        from .tickets import TicketError

        action = request.path.rsplit("/", 1)[1]
        ticket = await self._ticket(request, agent)
        data = await self._input(request)
        helpdesk = self.helpdesk
        if action in ("reply", "take", "consult", "resolve") and not helpdesk.can_answer(agent, ticket):
            raise refuse(request, 403, "your role does not allow this")
        if action == "consult_done" and not (ticket.consultant_id == agent.id or agent.has("supervisor")):
            raise refuse(request, 403, "only the consulted expert or a supervisor can hand it back")
        try:
            if action == "reply":
                solution = data.get("solution", "").strip()
                if solution:
                    canned = helpdesk.canned_reply(solution, await self._lang(ticket))
                    await helpdesk.reply(ticket, agent, canned.reply_text(), canned.code)
                else:
                    await helpdesk.reply(ticket, agent, data.get("text", ""), data.get("code", "").strip())
            elif action == "note":
                await helpdesk.note(ticket, agent, data.get("text", ""))
            elif action == "take":
                await helpdesk.take(ticket, agent)
            elif action == "consult":
                await helpdesk.consult(ticket, agent, data.get("expert", ""), data.get("text", ""))
            elif action == "consult_done":
                await helpdesk.consult_done(ticket, agent, data.get("text", ""))
            elif action == "resolve":
                await helpdesk.resolve(ticket, agent)
        except TicketError as exc:
            if is_api(request):
                raise refuse(request, exc.status, str(exc)) from None
            raise web.HTTPSeeOther(f"{ROOT}tickets/{ticket.id}?error={quote(str(exc))}") from None
        if is_api(request):
            ticket = await Ticket.get(id=ticket.id).prefetch_related("assignee", "consultant")
            return web.json_response({"ok": True, "ticket": _ticket_json(ticket)})
        if action == "consult_done" and not agent.has("agent", "supervisor"):
            raise web.HTTPSeeOther(ROOT)
        raise web.HTTPSeeOther(f"{ROOT}tickets/{ticket.id}")

    async def _input(self, request: web.Request) -> dict[str, str]:
        if request.content_type == "application/json":
            try:
                raw = await request.json()
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise refuse(request, 400, "malformed JSON") from None
            if not isinstance(raw, dict):
                raise refuse(request, 400, "body must be a JSON object")
        else:
            raw = dict(await request.post())
        out = {}
        for key, value in raw.items():
            if key != "csrf_token" and value is not None and not isinstance(value, str):
                raise refuse(request, 400, f"field {key!r} must be a string")
            out[key] = value or ""
        return out

    async def _ticket(self, request: web.Request, agent: Agent) -> Ticket:
        ticket = await Ticket.get_or_none(id=int(request.match_info["id"])).prefetch_related(
            "assignee", "consultant")
        if ticket is None:
            raise refuse(request, 404, "no such ticket")
        if not self.helpdesk.can_see(agent, ticket):
            raise refuse(request, 403, "this ticket is not in your queues")
        return ticket

    async def _lang(self, ticket: Ticket) -> str:
        conversation = await self.host.conversation(ticket.conversation_id)
        return conversation.lang if conversation else ticket.lang

    # -- JSON --------------------------------------------------------------------------

    @guard()
    async def api_queue(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/api/queue``: the tickets of the agent's queues."""
        return web.json_response({"tickets": [_ticket_json(t) for t in await self.helpdesk.queue(agent)]})

    @guard()
    async def api_ticket(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/api/tickets/{id}?after=N``: the ticket and its messages after id N."""
        ticket = await self._ticket(request, agent)
        try:
            after = int(request.query.get("after", "0"))
        except ValueError:
            raise refuse(request, 400, "'after' must be an integer") from None
        messages = await TicketMessage.filter(ticket_id=ticket.id, id__gt=after).order_by("id")
        return web.json_response({"ticket": _ticket_json(ticket),
                                  "messages": [_message_json(m) for m in messages]})

    @guard("agent", "supervisor")
    async def api_solutions(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/api/solutions?q=...&lang=en``: canned responses."""
        lang = request.query.get("lang", "en")
        found = self.helpdesk.canned.search(request.query.get("q", "")[:200], lang,
                                            self.config.canned_results)
        return web.json_response({"solutions": [
            {"code": c.code, "title": c.title, "answer": c.answer, "link": c.link,
             "score": round(c.score, 1)} for c in found]})


def _safe_next(value: str | None) -> str:
    # Only back into the console: never an open redirect to another site.
    if value and value.startswith(ROOT) and "//" not in value and "\\" not in value:
        return value
    return ""


def _ticket_json(ticket: Ticket) -> dict[str, Any]:
    assignee = ticket.assignee if ticket.assignee_id else None
    consultant = ticket.consultant if ticket.consultant_id else None
    return {"id": ticket.id, "conversation_id": ticket.conversation_id, "channel": ticket.channel,
            "lang": ticket.lang, "status": ticket.status, "reason": ticket.reason,
            "assignee": getattr(assignee, "username", None),
            "consultant": getattr(consultant, "username", None),
            "candidates": ticket.candidates, "created_at": ticket.created_at,
            "first_response_at": ticket.first_response_at, "resolved_at": ticket.resolved_at,
            "updated_at": ticket.updated_at}


def _message_json(message: TicketMessage) -> dict[str, Any]:
    return {"id": message.id, "kind": message.kind, "author": message.author, "text": message.text,
            "code": message.code, "at": message.at, "internal": message.internal}
