"""Malformed HTTP on a raw socket: the server answers 4xx (or closes), keeps serving, and logs
one line per request, not a traceback at ERROR (issue 14: 51 tracebacks from 953 requests).

Requests that aiohttp's parser refuses never reach a route: what is logged for them is the
core's to decide (quaidcore.logging / the server's request handler), so that half is marked
as an expected failure until the core turns them into one line."""

from __future__ import annotations

import socket

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import Findings, fuzz_settings

PARSER = [  # refused by aiohttp's HTTP parser, before any route
    b"GET /console/ HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    b"POST /api/web/conversations HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
    b"POST /api/web/conversations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n0\r\n\r\n",
    b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n",
    b"GET /console/\x7f HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 20000 + b"\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX: a\x01b\r\n\r\n",
]
HEAD = b"Host: x\r\nConnection: close\r\n"
BROKEN_GZIP = b"Content-Encoding: gzip\r\nContent-Length: 10\r\n\r\nnot-gzip!!"
BODIES = {  # parsed, then broken in the body: the route's own answer
    "console sign-in": b"POST /console/login HTTP/1.1\r\n" + HEAD
    + b"Content-Type: multipart/form-data; boundary=z\r\nContent-Length: 9\r\n\r\n--z\r\nbad\r",
    "console sign-in, gzip": b"POST /console/login HTTP/1.1\r\n" + HEAD
    + b"Content-Type: application/x-www-form-urlencoded\r\n" + BROKEN_GZIP,
    "web API": b"POST /api/web/conversations HTTP/1.1\r\n" + HEAD + b"Content-Type: application/json\r\n"
    + BROKEN_GZIP,
    "freshdesk webhook": b"POST /api/freshdesk/webhook HTTP/1.1\r\n" + HEAD
    + b"Authorization: Bearer fuzz-webhook-token\r\nContent-Type: application/json\r\n" + BROKEN_GZIP,
}
OTHERS: dict[str, str] = {}  # known failures, each with its cause (none left)


def exchange(url: str, request: bytes, half_close: bool = False) -> int | None:
    """Send raw bytes; the status of the answer, or None when the server just closed.
    `half_close` ends the sending side at once, for requests that may be cut short."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    if not answer.startswith(b"HTTP/"):
        return None
    return int(answer.split(b" ", 2)[1])


mutations = st.builds(
    lambda base, at, junk: base[:at] + junk + base[at:],
    st.sampled_from(PARSER + [body for name, body in BODIES.items() if name not in OTHERS]),
    st.integers(0, 120),
    st.binary(min_size=1, max_size=8) | st.sampled_from([b"\r\n", b"\x00", b" ", b":", b"\r\n\r\n"]))


def test_malformed_requests_are_answered_4xx_and_the_server_lives(live):
    findings = Findings("malformed HTTP")

    @fuzz_settings(60)
    @given(request=mutations)
    def run(request):
        status = exchange(live.url, request, half_close=True)
        findings.record(repr(request[:80]), 0 if status is None else status, "", b"", json_route=False)

    run()
    print(findings.summary() + " (0: closed without an answer)")
    assert live.alive()
    assert not findings.problems, "\n".join(findings.problems[:20])


@pytest.mark.parametrize("route", [
    pytest.param(name, marks=[pytest.mark.xfail(reason=OTHERS[name])] if name in OTHERS else [])
    for name in BODIES])
def test_a_broken_body_is_answered_400_without_a_traceback(live, route):
    offset = live.log_size()
    status = exchange(live.url, BODIES[route])
    assert status is not None and 400 <= status < 500, status
    assert live.alive()
    assert not live.log_since(offset), live.log_since(offset)


def test_parser_errors_are_logged_on_one_line(live):
    offset = live.log_size()
    for request in PARSER:
        status = exchange(live.url, request)
        assert status is None or 400 <= status < 500
    logged = live.log_since(offset)
    assert not [line for line in logged if line.startswith("Traceback")], logged
