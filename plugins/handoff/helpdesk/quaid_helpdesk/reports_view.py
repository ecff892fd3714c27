"""The supervisors' analytics dashboard in the agent console: ``/console/reports``.

KPI tiles, conversations a day by channel, top codes, response times by line of business,
survey scores and the trend of a code around the day its page changed; filters (period,
channel, line of business, code, language, agent) and a CSV export. The page is rendered
by the server; ``static/reports.js`` draws the charts as SVG from the JSON API (no CDN,
no inline script: the console's Content-Security-Policy holds). English and French: the
console's language (its toggle, ``?ui=fr``). Supervisors only: any other role gets 403.

Routes (registered by :class:`~quaid_helpdesk.console.Console`):

- ``GET /console/reports``: the page;
- ``GET /console/api/reports?from=&to=&channel=&lob=&code=&lang=&agent=``: the KPI report
  (:func:`quaidcore.reports.full_report`) as JSON, with ``tickets_closed``: the helpdesk's
  tickets closed as spam / not a question, counted apart from resolutions (see
  :func:`closed_counts`);
- ``GET /console/api/reports/trend?target=CODE&change=DATE``: the trend report;
- ``GET /console/reports.csv?...``: the KPI report as CSV (``metric,value``).

Reports run over the store through ``host.db()`` (the console binds it for every request).
"""

from __future__ import annotations

import json
import re
import types
from collections.abc import Callable
from typing import Any

from aiohttp import web

from quaidcore import reports

from .labels import CLOSE_REASONS
from .models import Agent, Ticket
from .queue_models import TicketWait

NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
TEXTS = {
    "en": {
        "title": "Reports", "filters": "Filters", "from": "From", "to": "To", "channel": "Channel",
        "lob": "Line of business", "code": "Code", "lang": "Language", "agent": "Agent", "any": "any",
        "apply": "Apply", "csv": "Export CSV", "loading": "Computing…", "conversations": "Conversations",
        "messages": "Client messages", "bot_answers": "Bot answers", "agent_answers": "Agent answers",
        "satisfaction": "“Yes” to answers", "survey": "Survey mean", "escalation": "Escalation",
        "containment": "Containment", "abandonment": "Abandonment", "confirmed": "Bot answers confirmed",
        "corrected": "Corrected by an agent", "first_response": "First response (mean / p90)",
        "resolution": "Resolution (mean / p90)", "turns": "Messages to resolution",
        "volume_chart": "Conversations a day, by channel", "top_chart": "Top codes (bot / agents)",
        "times_chart": "Agents' first response by line of business (minutes: mean, p90)",
        "survey_chart": "Survey scores", "trend": "Trend of a code around a change",
        "target": "Code or line of business", "change": "Day of the change", "show": "Show",
        "unanswered": "Unanswered questions (candidates for new solutions)", "words": "Shared words",
        "count": "Questions", "example": "Example", "before": "before", "after": "after",
        "per_week": "a week", "p_value": "p", "significant": "significant", "not_significant": "not significant",
        "bot": "bot", "agents": "agents", "mean": "mean", "p90": "p90", "none": "No data for these filters.",
        "error": "The report failed", "switch": "Français",
    },
    "fr": {
        "title": "Rapports", "filters": "Filtres", "from": "Du", "to": "Au", "channel": "Canal",
        "lob": "Secteur d'activité", "code": "Code", "lang": "Langue", "agent": "Agent", "any": "tous",
        "apply": "Appliquer", "csv": "Exporter en CSV", "loading": "Calcul…", "conversations": "Conversations",
        "messages": "Messages des clients", "bot_answers": "Réponses du robot", "agent_answers": "Réponses des agents",
        "satisfaction": "« Oui » aux réponses", "survey": "Note moyenne du sondage", "escalation": "Transferts",
        "containment": "Traitées par le robot seul", "abandonment": "Abandons",
        "confirmed": "Réponses du robot confirmées", "corrected": "Corrigées par un agent",
        "first_response": "Première réponse (moyenne / p90)", "resolution": "Résolution (moyenne / p90)",
        "turns": "Messages jusqu'à la résolution", "volume_chart": "Conversations par jour, par canal",
        "top_chart": "Codes les plus fréquents (robot / agents)",
        "times_chart": "Première réponse des agents par secteur (minutes : moyenne, p90)",
        "survey_chart": "Notes du sondage", "trend": "Tendance d'un code autour d'un changement",
        "target": "Code ou secteur", "change": "Jour du changement", "show": "Afficher",
        "unanswered": "Questions sans réponse (pistes de nouvelles solutions)", "words": "Mots communs",
        "count": "Questions", "example": "Exemple", "before": "avant", "after": "après",
        "per_week": "par semaine", "p_value": "p", "significant": "significatif",
        "not_significant": "non significatif", "bot": "robot", "agents": "agents", "mean": "moyenne",
        "p90": "p90", "none": "Aucune donnée pour ces filtres.", "error": "Le rapport a échoué",
        "switch": "English",
    },
}


class ReportsView:
    """The dashboard's handlers; the console's sign-in and role checks (its ``guard``) apply.
    (This module does not import the console: the console registers it.)"""

    def __init__(self, console: Any) -> None:
        self.console, self.host = console, console.host

    async def session(self, request: web.Request) -> Any:
        """The console's session check (what ``guard`` calls)."""
        return await self.console.session(request)

    def register(self, router: web.UrlDispatcher, guard: Callable[..., Any]) -> None:
        """Add the dashboard's routes to the console's router, behind the console's `guard`
        (signed in, supervisor role)."""
        for path, handler, page in (("/reports", ReportsView.page, True), ("/reports.csv", ReportsView.csv, True),
                                    ("/api/reports", ReportsView.api, False),
                                    ("/api/reports/trend", ReportsView.api_trend, False)):
            router.add_get(path, types.MethodType(guard("supervisor", page=page)(handler), self))

    async def page(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/reports``: the dashboard."""
        ui = self.console.ui_language(request)  # ?ui=, the agent's choice, else Accept-Language
        query = {k: v for k, v in request.query.items() if k in FILTERS and v}
        lines = sorted((code, getattr(lob, ui)) for code, lob in self.host.kb.lines.items())
        return self.console.render(request, "reports.html", agent=agent, t=TEXTS[ui], ui=ui, query=query,
                                   lines=lines, languages=self.host.languages, labels=TEXTS[ui])

    async def api(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/api/reports``: the KPI report as JSON."""
        return web.json_response(await self._report(request))

    async def csv(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/reports.csv``: the KPI report as CSV."""
        from quaidcore.report_cli import to_csv

        return web.Response(text=to_csv(await self._report(request)), content_type="text/csv",
                            headers={"Content-Disposition": 'attachment; filename="quaid-report.csv"'})

    async def api_trend(self, request: web.Request, agent: Agent) -> web.Response:
        """``GET /console/api/reports/trend?target=090101&change=2026-03-01``."""
        target = request.query.get("target", "").strip()
        if not (target.isdigit() and len(target) in (2, 6)):
            raise bad("target: a response code (6 digits) or a line of business (2 digits)")
        change = _date(request, "change")
        if change is None:
            raise bad("change: the day of the change (YYYY-MM-DD)")
        filters = _filters(request)
        return web.json_response(await reports.trend_on(reports.StoreDatabase(), target, change, filters))

    async def _report(self, request: web.Request) -> dict[str, Any]:
        filters = _filters(request)
        report = await reports.full_report(reports.StoreDatabase(), filters, self.host.kb)
        report["tickets_closed"] = await closed_counts(filters)
        return report


async def closed_counts(f: reports.Filters) -> dict[str, int | None]:
    """Tickets opened in the period and closed as spam / not a question, by reason (no survey,
    no resolution, not in the handling times). The channel is the client's (before any
    transfer); None for each reason under a code, line-of-business or agent filter, which a
    close has none of."""
    if f.code or f.lob or f.agent:
        return dict.fromkeys(CLOSE_REASONS)
    counts: dict[str, int | None] = dict.fromkeys(CLOSE_REASONS, 0)
    waits = await TicketWait.filter(closed_reason__in=list(CLOSE_REASONS)).values_list(
        "ticket_id", "closed_reason", "transferred_from")
    if not waits:
        return counts
    query = Ticket.filter(id__in=[w[0] for w in waits])
    if f.start is not None:
        query = query.filter(created_at__gte=f.start)
    if f.end is not None:
        query = query.filter(created_at__lt=f.end)
    if f.lang:
        query = query.filter(lang=f.lang)
    tickets = dict(await query.values_list("id", "channel"))
    for ticket_id, reason, transferred_from in waits:
        if ticket_id in tickets and (not f.channel or (transferred_from or tickets[ticket_id]) == f.channel):
            counts[reason] = (counts[reason] or 0) + 1
    return counts


FILTERS = ("from", "to", "channel", "lob", "code", "lang", "agent")


def bad(message: str) -> web.HTTPBadRequest:
    """A malformed filter: 400 with a JSON body, as the console's API answers."""
    return web.HTTPBadRequest(text=json.dumps({"error": message}), content_type="application/json")


def _date(request: web.Request, key: str) -> float | None:
    value = request.query.get(key, "").strip()
    if not value:
        return None
    try:
        return reports.parse_day(value[:10])
    except ValueError:
        raise bad(f"{key}: a day is YYYY-MM-DD") from None


def _filters(request: web.Request) -> reports.Filters:
    """The query's filters, checked (400 for a malformed one)."""
    query = request.query
    start, end = _date(request, "from"), _date(request, "to")
    values: dict[str, str | None] = {}
    for key, pattern in (("lob", r"\d{2}"), ("code", r"\d{6}"), ("channel", NAME.pattern[1:-1]),
                         ("lang", r"[a-z]{2}"), ("agent", NAME.pattern[1:-1])):
        value = query.get(key, "").strip()
        if value and not re.fullmatch(pattern, value):
            raise bad(f"{key}: {value[:20]!r} is not valid")
        values[key] = value.lower() if key == "agent" and value else (value or None)
    return reports.Filters(start, end + 86400 if end is not None else None, values["channel"], values["lob"],
                           values["code"], values["lang"], values["agent"])
