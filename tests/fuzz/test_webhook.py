"""Hand-written strategies for the Freshdesk webhook (``POST /api/freshdesk/webhook``, not in
the OpenAPI document), configured with a token and a ticket linked to a real conversation, so
that replies and status changes reach the core. No 5xx; every 4xx a JSON ``{"error": ...}``."""

from __future__ import annotations

import requests
from hypothesis import given
from hypothesis import strategies as st

from .conftest import LINKED_TICKET, WEBHOOK_TOKEN, Findings, fuzz_settings, report
from .strategies import CODES, hostile_text, huge_int, ids, json_body, json_values, mostly, raw_bytes

EXAMPLES = 120
URL = "/api/freshdesk/webhook"

fields = {
    "ticket_id": mostly(st.sampled_from([LINKED_TICKET, LINKED_TICKET, str(LINKED_TICKET), 7]),
                        st.one_of(ids, huge_int, json_values, st.just(float(LINKED_TICKET)))),
    "event": mostly(st.sampled_from(["reply", "reply", "status"]), hostile_text | json_values),
    "text": mostly(st.sampled_from(["Thanks for waiting #010102", "Bonjour, voici la réponse."]), hostile_text, 5),
    "code": mostly(st.sampled_from(CODES), json_values, 7),
    "status": mostly(st.sampled_from([2, 3, 4, 5]), st.one_of(huge_int, json_values, st.just(True))),
    "agent": mostly(st.sampled_from(["Sam", "Léa"]), hostile_text | json_values, 7),
}
bodies = mostly(json_body(fields), raw_bytes, 9)
authorization = mostly(st.just(f"Bearer {WEBHOOK_TOKEN}"), st.one_of(
    st.none(), st.just(WEBHOOK_TOKEN), st.just(f"Bearer {WEBHOOK_TOKEN}x"), st.just("Bearer "),
    # header values as a client can send them: control characters are refused by the HTTP
    # parser itself, before any route (tests/fuzz/test_malformed_http.py)
    st.text(st.characters(codec="latin-1", categories=["L", "N", "P", "S", "Zs"]), max_size=40)), 8)
content_types = mostly(st.just("application/json"), st.sampled_from(
    ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin-1", ""]), 8)


def test_freshdesk_webhook_never_answers_5xx(live):
    offset = live.log_size()
    findings = Findings("freshdesk webhook")
    session = requests.Session()

    @fuzz_settings(EXAMPLES)
    @given(body=bodies, auth=authorization, content_type=content_types)
    def run(body, auth, content_type):
        headers = {"Content-Type": content_type}
        if auth is not None:
            headers["Authorization"] = auth
        try:
            response = session.post(live.url + URL, data=body, headers=headers, timeout=15)
        except requests.RequestException as exc:
            findings.problems.append(f"transport error: {exc!r}")
            return
        findings.record(f"{auth!r} {body[:120]!r}", response.status_code,
                        response.headers.get("Content-Type", ""), response.content, json_route=True)

    run()
    assert findings.statuses.get(200, 0) > 0, "some examples reached the conversation"
    report(findings, live, offset)
