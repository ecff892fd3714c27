"""The console's own labels in English and French (issue 15, "both languages in the
console's own labels"): one catalogue (``quaid_helpdesk.labels.CONSOLE``) for the templates
and console.js; the language comes from ``?ui=`` (kept in a cookie), else the browser's
Accept-Language. The page in French has the French labels and none of the English ones."""

from __future__ import annotations

import re

from markupsafe import escape
from quaid_helpdesk.labels import CONSOLE, preferred_language, reason_words

from tests.handoff.conftest import hand_off, sign_in

QUEUE_KEYS = ("brand", "nav_queue", "nav_agents", "nav_review", "sign_out", "switch", "queue", "ticket", "team", "language",
              "status", "reason", "question", "waiting_since", "assignee", "bot_codes", "agents", "agent",
              "availability", "open_tickets", "capacity", "channels", "loading", "consultations",
              "no_consultations", "shortcuts_hint")
TICKET_KEYS = ("ticket", "language", "team", "reason", "assignee", "consulting", "opened", "first_response",
               "resolved_at", "reply", "canned", "canned_placeholder", "search", "free_text", "response_code",
               "six_digits", "send_reply", "note_title", "add_note", "consult_title", "your_question", "consult",
               "take", "resolve", "assign_to", "back_to_queue", "assign", "transfer_to", "transfer",
               "close_not_question", "close_spam")


def visible(page: str) -> str:
    """The page without the catalogue handed to console.js (it holds every label)."""
    return re.sub(r'data-labels="[^"]*"', "", page)


def shows(page: str, text: str) -> bool:
    """`text` (escaped as the templates do) on the page as words of its own ("Consult" is
    not in "Consulter")."""
    return re.search(rf"(?<!\w){re.escape(str(escape(text)))}(?!\w)", page) is not None


def check_language(page: str, lang: str, keys: tuple[str, ...]) -> None:
    other = "en" if lang == "fr" else "fr"
    page = visible(page)
    missing = [key for key in keys if not shows(page, CONSOLE[lang][key])]
    assert not missing, f"labels missing in {lang}: {missing}"
    left = [CONSOLE[other][key] for key in keys
            if CONSOLE[other][key] != CONSOLE[lang][key] and shows(page, CONSOLE[other][key])]
    assert not left, f"{other} labels left on the {lang} page: {left}"
    assert f'<html lang="{lang}">' in page


def test_both_languages_have_every_label():
    en, fr = CONSOLE["en"], CONSOLE["fr"]
    assert en.keys() == fr.keys()
    for key, value in en.items():
        if isinstance(value, dict):
            assert value.keys() == fr[key].keys(), key
            assert all(fr[key].values()), key
        else:
            assert fr[key] and value.count("{") == fr[key].count("{"), key
    assert reason_words("no_answer", "fr") == "Le robot n'a pas trouvé de réponse"
    assert reason_words("no_answer") == "The bot found no answer"


def test_the_browsers_language_picks_the_default():
    assert preferred_language("fr-CA,fr;q=0.9,en;q=0.8") == "fr"
    assert preferred_language("en-US,en;q=0.9,fr;q=0.8") == "en"
    assert preferred_language("de-DE,fr;q=0.5,en;q=0.4") == "fr"
    assert preferred_language("fr;q=0, en;q=0.1") == "en"
    assert preferred_language("es, de") == "en" and preferred_language("") == "en"
    assert preferred_language("en, fr") == "en", "the first of equals"
    assert preferred_language("fr;q=abc,en;q=0.2") == "en"


async def test_the_console_in_french_then_english(server):
    await server.add_agent("alice", ["agent", "supervisor"], "web")
    async with server.client() as client, server.client() as agent:
        await hand_off(server, client)
        agent.headers["Accept-Language"] = "fr-CA,fr;q=0.9,en;q=0.5"
        await sign_in(agent, "alice")
        async with agent.get("/console/") as resp:
            page = await resp.text()
        check_language(page, "fr", QUEUE_KEYS)
        assert str(escape(CONSOLE["fr"]["reasons"]["asked_for_person"])) in page
        assert str(escape(CONSOLE["fr"]["statuses"]["open"])) in visible(page)
        async with agent.get("/console/tickets/1") as resp:
            check_language(await resp.text(), "fr", TICKET_KEYS)

        # the toggle: ?ui=en, then kept (a cookie) though the browser still prefers French
        async with agent.get("/console/?ui=en") as resp:
            check_language(await resp.text(), "en", QUEUE_KEYS)
        async with agent.get("/console/tickets/1") as resp:
            page = await resp.text()
        check_language(page, "en", TICKET_KEYS)
        assert 'href="/console/tickets/1?ui=fr"' in page and ">Français</a>" in page
        async with agent.get("/console/agents?ui=fr") as resp:
            page = visible(await resp.text())
        assert "Connexions échouées" in page and "Failed sign-ins" not in page
        assert "<code>quaid agents unlock USERNAME</code>" in page, "the command stays markup, the rest text"


async def test_the_review_link_is_shown_to_those_who_may_review(server):
    """The header links to /console/review for its roles (sme, supervisor), in the console's
    language; an agent neither sees the link nor may open the page."""
    await server.add_agent("boss", ["supervisor"], "web")
    await server.add_agent("sam", ["sme"], "web")
    await server.add_agent("alice", ["agent"], "web")
    for username, ui, allowed in (("boss", "en", True), ("sam", "fr", True), ("alice", "en", False),
                                  ("alice", "fr", False)):
        async with server.client() as session:
            await sign_in(session, username)
            async with session.get(f"/console/?ui={ui}") as resp:
                assert resp.status == 200
                page = visible(await resp.text())
            link = f'<a href="/console/review" id="nav-review">{escape(CONSOLE[ui]["nav_review"])}</a>'
            assert (link in page) is allowed, (username, ui)
            assert ('href="/console/review"' in page) is allowed
            async with session.get("/console/review") as resp:
                assert resp.status == (200 if allowed else 403), (username, await resp.text())
                if allowed:
                    assert link in visible(await resp.text()), "the link on the review page itself"
