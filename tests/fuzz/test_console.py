"""Hand-written strategies for the agent console (not in the OpenAPI document): signed in as
a supervisor-agent, every route with hostile path IDs, query values, JSON and form bodies,
content types and CSRF tokens; and the sign-in form, anonymous. No response may be a 5xx;
under /console/api/ every 4xx is a JSON ``{"error": ...}``."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

import requests
from hypothesis import given
from hypothesis import strategies as st

from .conftest import CSRF, SME, Findings, fuzz_settings, report
from .strategies import ATTRIBUTES, CODES, hostile_text, ids, json_body, json_values, mostly, raw_bytes

EXAMPLES = 150
# Replies and notes most often; a resolve ends a ticket's useful life, so it is rarer.
ACTIONS = ["reply"] * 4 + ["note"] * 3 + ["consult"] * 2 + ["consult_done", "take", "resolve"]
TICKETS = mostly(st.sampled_from(["1", "2", "3"]), ids)


def part(value: str) -> str:
    """A path segment or query value as raw bytes would be sent: lone surrogates become the
    (invalid) UTF-8 bytes they would be in a careless client."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def query(values: dict[str, str]) -> str:
    return urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in values.items()})


@dataclass
class Request:
    method: str
    path: str
    body: bytes | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


def form(fields: dict[str, str]) -> bytes:
    return query(fields).encode()


text_fields = st.fixed_dictionaries({}, optional={
    "text": hostile_text, "code": st.sampled_from(CODES) | hostile_text,
    "solution": st.sampled_from(CODES) | hostile_text, "expert": st.sampled_from([SME, "fuzzboss", ""]) | hostile_text,
})
action_bodies = mostly(st.one_of(
    json_body({"text": hostile_text, "code": st.sampled_from(CODES), "solution": st.sampled_from(CODES),
               "expert": st.sampled_from([SME, "nobody"])}).map(lambda b: (b, "application/json")),
    text_fields.map(lambda f: (form(f), "application/x-www-form-urlencoded"))), st.one_of(
    json_body({"text": hostile_text, "code": st.sampled_from(CODES), "solution": st.sampled_from(CODES),
               "expert": st.sampled_from([SME, "nobody"]) | hostile_text}).map(lambda b: (b, "application/json")),
    text_fields.map(lambda f: (form(f), "application/x-www-form-urlencoded")),
    raw_bytes.map(lambda b: (b, "multipart/form-data; boundary=x")),
    raw_bytes.map(lambda b: (b, "multipart/form-data")),
    st.tuples(raw_bytes, st.sampled_from(["text/plain", "application/json; charset=latin-1",
                                          "application/x-www-form-urlencoded; charset=utf-16", ""])),
    json_values.map(lambda v: (str(v).encode("utf-8", "surrogatepass"), "application/json")),
), tenths=6)


@st.composite
def console_requests(draw) -> Request:
    kind = draw(st.sampled_from(["action", "action", "action", "ticket_api", "solutions", "page", "agents"]))
    if kind == "action":
        prefix = draw(st.sampled_from(["/console/api/tickets/", "/console/tickets/"]))
        action = draw(mostly(st.sampled_from(ACTIONS), st.text(max_size=10), tenths=9))
        body, content_type = draw(action_bodies)
        return Request("POST", f"{prefix}{part(draw(TICKETS))}/{part(action)}", body, content_type)
    if kind == "ticket_api":
        after = draw(st.one_of(st.none(), ids, hostile_text))
        suffix = "" if after is None else "?" + query({"after": after})
        return Request("GET", f"/console/api/tickets/{part(draw(TICKETS))}{suffix}")
    if kind == "solutions":
        values = draw(st.fixed_dictionaries({}, optional={
            "q": st.sampled_from(["eta", "permis d'études", "010102", ""]) | hostile_text,
            "lang": st.sampled_from(["en", "fr", *ATTRIBUTES]) | hostile_text}))
        return Request("GET", "/console/api/solutions?" + query(values))
    if kind == "page":
        path = draw(st.sampled_from(["/console/", "/console/tickets/1", "/console/agents", "/console/login",
                                     "/console/api/queue", "/console/api/", "/console/static/console.js"])
                    | TICKETS.map(lambda t: f"/console/tickets/{part(t)}"))
        values = draw(st.dictionaries(st.sampled_from(["q", "error", "next", "after", "lang"]), hostile_text,
                                      max_size=3))
        return Request(draw(st.sampled_from(["GET", "GET", "HEAD", "PUT", "DELETE"])), f"{path}?{query(values)}")
    username = draw(st.sampled_from([SME, "nobody", "a" * 64, "a" * 65, "Fuzzsme", ""]) | hostile_text)
    action = draw(st.sampled_from(["disable", "unlock"]))
    body, content_type = draw(action_bodies)
    return Request("POST", f"/console/agents/{part(username)}/{action}", body, content_type)


def send(session: requests.Session, url: str, request: Request, findings: Findings) -> requests.Response | None:
    headers = dict(request.headers)
    if request.content_type is not None:
        headers["Content-Type"] = request.content_type
    try:
        response = session.request(request.method, url + request.path, data=request.body, headers=headers,
                                   allow_redirects=False, timeout=15)
    except requests.RequestException as exc:
        findings.problems.append(f"transport error {request.method} {request.path[:80]}: {exc!r}")
        return None
    what = f"{request.method} {request.path[:100]} {request.content_type} {(request.body or b'')[:80]!r}"
    findings.record(what, response.status_code, response.headers.get("Content-Type", ""), response.content,
                    json_route=request.path.startswith("/console/api/"))
    return response


def test_console_signed_in_never_answers_5xx(live):
    offset = live.log_size()
    findings = Findings("console (signed in)")
    session = live.agent

    @fuzz_settings(EXAMPLES)
    @given(request=console_requests(), csrf=st.sampled_from(["right"] * 8 + ["wrong", "none"]))
    def run(request, csrf):
        if csrf != "none":
            request.headers["X-CSRF-Token"] = live.csrf if csrf == "right" else "x" * 43
        send(session, live.url, request, findings)

    run()
    assert session.get(f"{live.url}/console/api/queue", timeout=10).status_code == 200, \
        "the fuzzer's session still works (nothing signed it out or broke it)"
    report(findings, live, offset)


sign_in_fields = st.fixed_dictionaries({}, optional={
    "username": st.sampled_from(["fuzzboss", SME, "nobody", "a" * 65]) | hostile_text,
    "password": hostile_text, "next": st.sampled_from(["/console/", "//evil.example", "https://x"]) | hostile_text,
    "csrf_token": hostile_text})


def test_sign_in_form_never_answers_5xx(live):
    """Anonymous: the sign-in form with hostile fields and bodies (failures slow this address
    down: the 429s are part of what is checked)."""
    offset = live.log_size()
    findings = Findings("console sign-in (anonymous)")
    session = requests.Session()
    page = session.get(f"{live.url}/console/login", timeout=10).text
    token = [CSRF.search(page).group(1)]  # each answered form sets a new double-submit token

    @fuzz_settings(EXAMPLES // 5)  # each sign-in costs an argon2 hash
    @given(fields=sign_in_fields, body=mostly(st.none(), action_bodies, tenths=7),
           real_token=st.sampled_from([True] * 4 + [False]))
    def run(fields, body, real_token):
        if real_token:
            fields = {**fields, "csrf_token": token[0]}
        if body is None:
            body = (form(fields), "application/x-www-form-urlencoded")
        response = send(session, live.url, Request("POST", "/console/login", body[0], body[1]), findings)
        found = CSRF.search(response.text) if response is not None else None
        if found and "quaid_console_login" in response.headers.get("Set-Cookie", ""):
            token[0] = found.group(1)

    run()
    report(findings, live, offset)
