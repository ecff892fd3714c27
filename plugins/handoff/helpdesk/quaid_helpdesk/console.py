"""The agent console: server-rendered HTML (jinja2, autoescaped) under ``/console/``.

Security, in the order a request meets it:

- signed in? a random session token in an HttpOnly, SameSite=Strict cookie, stored only as
  its hash; anonymous page views go to the sign-in page, anything else gets 401;
- on every state-changing request (POST), the session's CSRF token, from the form's
  ``csrf_token`` field or the ``X-CSRF-Token`` header: missing or wrong → 403 (the sign-in
  form uses a double-submit cookie, as there is no session yet);
- the role (agent, sme, supervisor) and the ticket's queue: wrong → 403;
- input within limits: JSON bodies read whole, then :func:`quaidcore.http.parse_json` (size,
  depth, number size, well-formed Unicode), every text field through the core's check (no lone
  surrogates, no control characters), path IDs within the columns' range (else 404),
  ``lang`` one of the configured languages, usernames of the accounts' shape; whatever is
  refused is a 4xx, as JSON under ``/console/api/``, never a 500;
- sign-in failures slow down the address and the (account, address) that fail, with an
  account-wide ceiling a supervisor can lift (:mod:`quaid_helpdesk.throttle`);
- responses carry a strict Content-Security-Policy (no inline script), ``nosniff``,
  ``frame-ancestors 'none'`` and ``no-store``; client text is escaped by the templates and
  inserted as text by the page's JavaScript.

Every state-changing endpoint answers both an HTML form (303 back to the page) and JSON
under ``/console/api/`` (the same path with ``api/`` in front).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import re
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
import structlog
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from quaidcore import Host, InvalidMessage
from quaidcore.http import HttpError, parse_json
from quaidcore.messages import check_inbound

from . import accounts, labels
from .models import Agent, Ticket, TicketMessage
from .review import ROLES as REVIEW_ROLES
from .throttle import SignInThrottle, client_address, parse_networks, retry_after
from .tickets import Helpdesk

log = structlog.get_logger(__name__)

HERE = Path(__file__).parent
COOKIE = "quaid_console"
LOGIN_COOKIE = "quaid_console_login"
COOKIE_PATH = "/console"
ROOT = "/console/"
CSRF_KEY = web.RequestKey("quaid_console_csrf", str)
ACTIONS = ("reply", "note", "take", "consult", "consult_done", "resolve")
UI_COOKIE = "quaid_console_ui"  # the console's language (labels.UI_LANGUAGES), chosen with ?ui=
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
       "object-src 'none'")

MAX_BODY = 64 * 1024  # a 4,000-character text, every character escaped, fits
BODY_TIMEOUT_S = 10
MAX_TICKET_ID = 2**31 - 1  # helpdesk_ticket.id is a 32-bit integer on PostgreSQL
MAX_MESSAGE_ID = 2**63 - 1  # helpdesk_ticket_message.id is a 64-bit integer
DIGITS = re.compile(r"[0-9]{1,19}")

Handler = Callable[..., Awaitable[web.StreamResponse]]


def is_api(request: web.Request) -> bool:
    """JSON endpoints live under ``/console/api/``."""
    return request.path.startswith(ROOT + "api/")


def refuse(request: web.Request, status: int, message: str,
           headers: dict[str, str] | None = None) -> web.HTTPException:
    """An error response: JSON for the API, a short HTML page otherwise."""
    classes = {400: web.HTTPBadRequest, 401: web.HTTPUnauthorized, 403: web.HTTPForbidden,
               404: web.HTTPNotFound, 409: web.HTTPConflict, 413: web.HTTPRequestEntityTooLarge,
               429: web.HTTPTooManyRequests}
    cls: Any = classes.get(status)
    if cls is None:
        cls = type("Refused", (web.HTTPClientError,), {"status_code": status})
    kwargs: dict[str, Any] = {"headers": headers}
    if cls is web.HTTPRequestEntityTooLarge:
        kwargs.update(max_size=MAX_BODY, actual_size=request.content_length or MAX_BODY + 1)
    if is_api(request):
        return cls(text=json.dumps({"error": message}), content_type="application/json", **kwargs)
    page = ERROR_PAGE.render(status=status, message=message)
    return cls(text=page, content_type="text/html", **kwargs)


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
                if sent is None and request.content_type in FORMS:
                    sent = (await _form(request)).get("csrf_token")
                if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(),
                                                                        session.csrf_token.encode()):
                    raise refuse(request, 403, "missing or wrong CSRF token: reload the page")
            if roles and not session.agent.has(*roles):
                raise refuse(request, 403, "your role does not allow this")
            request[CSRF_KEY] = session.csrf_token
            return await handler(self, request, session.agent)

        return checked

    return wrap


FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
BROKEN_BODY = (HttpProcessingError, web.RequestPayloadError)
THROTTLED = {
    "address": "Too many failed sign-ins from your address: try again in {} seconds.",
    "account_address": "Too many failed sign-ins for this account from your address: "
                       "try again in {} seconds.",
    "account": "Too many failed sign-ins for this account: try again in {} seconds, "
               "or ask a supervisor to unlock it.",
}


async def _form(request: web.Request) -> Any:
    """The request's form fields (malformed → 400, over aiohttp's size limit → 413)."""
    try:
        return await request.post()
    except web.HTTPException:
        raise
    except (*BROKEN_BODY, ValueError, AssertionError, LookupError, OSError, RuntimeError) as exc:
        # a broken multipart part, a corrupt Content-Encoding, a bad charset...
        raise BrokenBody(request, exc) from None


class BrokenBody(HttpError):
    """A body that cannot be read to its end: answered 400 on a connection then closed.

    aiohttp would otherwise read the rest of the body after the answer (a "lingering close")
    and log the same decoding error again, with a traceback, at ERROR."""

    def __init__(self, request: web.Request, exc: Exception) -> None:
        super().__init__(400, f"malformed body: {type(exc).__name__}")
        if request.content.exception() is not None:
            request.content.feed_eof()  # nothing more will be read from it


async def _json(request: web.Request) -> dict[str, Any]:
    """The body as a JSON object within :func:`quaidcore.http.parse_json`'s limits (depth,
    number size, well-formed Unicode), read to its end (``content.read(n)`` returns only what
    has arrived so far), in at most :data:`BODY_TIMEOUT_S`; an empty body is ``{}``."""
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise HttpError(413, f"body over the limit of {MAX_BODY} bytes")
    raw = b""
    try:
        async with asyncio.timeout(BODY_TIMEOUT_S):
            while len(raw) <= MAX_BODY:
                chunk = await request.content.read(MAX_BODY + 1 - len(raw))
                if not chunk:
                    break
                raw += chunk
    except TimeoutError:
        raise HttpError(400, f"body not received within {BODY_TIMEOUT_S} s") from None
    except (*BROKEN_BODY, ValueError, OSError) as exc:  # a corrupt Content-Encoding...
        raise BrokenBody(request, exc) from None
    if len(raw) > MAX_BODY:
        raise HttpError(413, f"body over the limit of {MAX_BODY} bytes")
    if not raw.strip():
        return {}
    data = parse_json(raw)
    if not isinstance(data, dict):
        raise HttpError(400, "body must be a JSON object")
    return data


def ticket_id(value: str) -> int:
    """A ticket ID from a path: ASCII digits within the column's range, else 404."""
    if not DIGITS.fullmatch(value) or not 0 < int(value) <= MAX_TICKET_ID:
        raise HttpError(404, "no such ticket")
    return int(value)


def message_id(value: str) -> int:
    """``?after=``: a message ID (0 for all), ASCII digits within the column's range, else 400."""
    if not DIGITS.fullmatch(value) or int(value) > MAX_MESSAGE_ID:
        raise HttpError(400, f"'after' must be an integer from 0 to {MAX_MESSAGE_ID}")
    return int(value)


def ui_language(request: web.Request) -> str:
    """The console's language: ``?ui=`` (a toggle), else the agent's cookie, else the
    browser's ``Accept-Language``."""
    for chosen in (request.query.get("ui"), request.cookies.get(UI_COOKIE)):
        if chosen in labels.UI_LANGUAGES:
            return str(chosen)
    return labels.preferred_language(request.headers.get("Accept-Language", ""))


def when(timestamp: float | None) -> str:
    """A time for people: ``2025-11-27 12:40 UTC``."""
    if not timestamp:
        return "—"
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class Console:
    """The console's aiohttp sub-application, mounted at ``/console/``."""

    ui_language = staticmethod(ui_language)  # for the pages registered by other modules

    def __init__(self, helpdesk: Helpdesk, host: Host) -> None:
        self.helpdesk, self.config, self.host = helpdesk, helpdesk.config, host
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
            undefined=jinja2.StrictUndefined)
        self.templates.filters["when"] = when
        self.templates.filters["reason_words"] = labels.reason_words
        limits = self.config.sign_in
        self.throttle = SignInThrottle(
            per_address=limits.per_address,
            per_account_address=self.config.sign_in_attempts or limits.per_account_address,
            per_account=limits.per_account, base_delay_s=limits.base_delay_s,
            max_delay_s=limits.max_delay_s, forget_after_s=limits.forget_after_s)
        self.proxies = parse_networks(self.config.trusted_proxies)
        self.app = host.routes(COOKIE_PATH, middlewares=[self._headers, self._errors, self._bind_store])
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
        router.add_post("/agents/{username}/unlock", self.unlock_agent)
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

    @web.middleware
    async def _errors(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        # Refused input becomes a 4xx (JSON under /console/api/); an error aiohttp raises
        # itself (no such route, wrong method, body too large) is JSON there too.
        try:
            return await handler(request)
        except HttpError as exc:
            refused = refuse(request, exc.status, exc.message, exc.headers)
            if isinstance(exc, BrokenBody):
                refused.force_close()
            raise refused from None
        except InvalidMessage as exc:
            raise refuse(request, 400, str(exc)) from None
        except web.HTTPException as exc:
            if (is_api(request) and exc.status >= 400 and exc.content_type != "application/json"):
                headers = {k: v for k, v in exc.headers.items()
                           if k.lower() in ("allow", "retry-after")}
                raise refuse(request, exc.status, exc.reason, headers) from None
            raise

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
        values.setdefault("review_roles", REVIEW_ROLES)  # who sees the Review link
        ui = values.setdefault("ui", ui_language(request))
        values.setdefault("tr", labels.console_texts(ui))
        other = "en" if ui == "fr" else "fr"
        values.setdefault("switch_href", f"{request.path}?{urlencode({**request.query, 'ui': other})}")
        html = self.templates.get_template(name).render(**values)
        response = web.Response(text=html, content_type="text/html", status=status)
        if request.query.get("ui") in labels.UI_LANGUAGES:  # the agent's choice, kept a year
            self._cookie(request, response, UI_COOKIE, request.query["ui"], max_age=365 * 86400)
        return response

    async def login_page(self, request: web.Request, error: str | None = None,
                         status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        """``GET /console/login``: the sign-in form (with a fresh double-submit CSRF token)."""
        if error is None and await self.session(request) is not None:
            raise web.HTTPSeeOther(ROOT)
        token = secrets.token_urlsafe(32)
        response = self.render(request, "login.html", status=status, csrf=token, error=error,
                               next=_safe_next(request.query.get("next")))
        response.headers.update(headers or {})
        self._cookie(request, response, LOGIN_COOKIE, token, max_age=3600)
        return response

    async def login(self, request: web.Request) -> web.StreamResponse:
        """``POST /console/login``: check the password, open a session."""
        form = await _form(request)
        sent, expected = form.get("csrf_token"), request.cookies.get(LOGIN_COOKIE)
        if not (isinstance(sent, str) and expected and hmac.compare_digest(
                sent.encode("utf-8", "replace"), expected.encode("utf-8", "replace"))):
            raise refuse(request, 403, "missing or wrong CSRF token: reload the sign-in page")
        username, password = form.get("username", ""), form.get("password", "")
        if not isinstance(username, str) or not isinstance(password, str):
            raise refuse(request, 400, "username and password are text fields")
        username = username.strip().lower()[:64]
        address = client_address(request.remote, request.headers.get("X-Forwarded-For"), self.proxies)
        wait, tier = self.throttle.attempt(address, username, await accounts.unlocked_at(username))
        if wait > 0:
            return await self.login_page(request, status=429, headers={"Retry-After": retry_after(wait)},
                                         error=THROTTLED[tier].format(retry_after(wait)))
        opened = await accounts.sign_in(username, password)
        if opened is None:
            failures, _ = self.throttle.status(username)
            log.info("console_sign_in_failed", address=address,
                     account_failures=failures if accounts.valid_username(username) else None)
            error = labels.console_texts(ui_language(request))["wrong_password"]
            return await self.login_page(request, error=error, status=401)
        self.throttle.succeeded(address, username)
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
        agents = await Agent.all().order_by("username")
        return self.render(request, "agents.html", agent=agent, agents=agents,
                           throttled={a.username: self.throttle.status(a.username) for a in agents})

    @guard("supervisor")
    async def disable_agent(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST /console/agents/{username}/disable`` (supervisors only)."""
        username = _username(request)
        if username == agent.username:
            raise refuse(request, 400, "you cannot disable your own account")
        try:
            await accounts.set_disabled(username)
        except accounts.AccountError as exc:
            raise refuse(request, 404, str(exc)) from None
        raise web.HTTPSeeOther(ROOT + "agents")

    @guard("supervisor")
    async def unlock_agent(self, request: web.Request, agent: Agent) -> web.StreamResponse:
        """``POST /console/agents/{username}/unlock`` (supervisors only): lift the account's
        sign-in backoff, here and (through the store) in every worker."""
        username = _username(request)
        try:
            await accounts.unlock(username, by=agent.username)
        except accounts.AccountError as exc:
            raise refuse(request, 404, str(exc)) from None
        self.throttle.unlock(username)
        log.info("console_sign_in_unlocked", account=username, by=agent.username)
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
        """The action's fields: a JSON object (within :func:`_json`'s limits) or a form;
        every value text (or null) that the core would accept (well-formed, no control
        characters), else 400."""
        if request.content_type == "application/json":
            raw: Any = await _json(request)
        else:
            raw = await _form(request)
        out = {}
        for key, value in raw.items():
            if key == "csrf_token":
                continue
            if value is not None and not isinstance(value, str):
                raise HttpError(400, f"field {key[:40]!r} must be a string")
            check_inbound(value or "", None)
            out[key] = value or ""
        return out

    async def _ticket(self, request: web.Request, agent: Agent) -> Ticket:
        ticket = await Ticket.get_or_none(id=ticket_id(request.match_info["id"])).prefetch_related(
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
        after = message_id(request.query.get("after", "0"))
        messages = await TicketMessage.filter(ticket_id=ticket.id, id__gt=after).order_by("id")
        return web.json_response({"ticket": _ticket_json(ticket),
                                  "messages": [_message_json(m) for m in messages]})

    @guard("agent", "supervisor")
    async def api_solutions(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/api/solutions?q=...&lang=en``: canned responses."""
        lang = request.query.get("lang", self.host.default_language)
        if lang not in self.host.languages:  # never an attribute name: 'lang' picks a field
            raise HttpError(400, f"'lang' must be one of {list(self.host.languages)}")
        query = request.query.get("q", "")[:200]
        check_inbound(query, None)
        found = self.helpdesk.canned.search(query, lang, self.config.canned_results)
        return web.json_response({"solutions": [
            {"code": c.code, "title": c.title, "answer": c.answer, "link": c.link,
             "score": round(c.score, 1)} for c in found]})


def _username(request: web.Request) -> str:
    username = request.match_info["username"]
    if not accounts.valid_username(username):
        raise HttpError(404, f"no agent named {username[:20]!r}")
    return username


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
