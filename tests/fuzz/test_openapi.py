"""Schemathesis over the running server's /openapi.json: every operation, positive and negative
examples, half of the conversation IDs replaced by real ones (so that bodies reach the bot,
the store and the handoff, not only the 404). No response may be a 5xx; every 4xx is a JSON
``{"error": ...}``."""

from __future__ import annotations

import time

import requests
import schemathesis
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from .conftest import Findings, fuzz_settings, report

EXAMPLES = 50  # per operation and generation mode


def test_openapi_operations_never_answer_5xx(live):
    offset = live.log_size()
    schema = schemathesis.openapi.from_url(f"{live.url}/openapi.json", timeout=10)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 4, [op.label for op in operations]
    findings = Findings("openapi")
    session = requests.Session()
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(live, session, operation, mode, findings)
    report(findings, live, offset)


def fuzz(live, session: requests.Session, operation, mode: GenerationMode, findings: Findings) -> None:
    """Run `EXAMPLES` cases of one operation in one generation mode."""

    @fuzz_settings(EXAMPLES)
    @given(case=operation.as_strategy(generation_mode=mode), real=st.sampled_from([*live.conversations, ""]))
    def run(case, real):
        if real and "id" in (case.path_parameters or {}):
            case.path_parameters["id"] = real
        try:
            response = case.call(base_url=live.url, session=session, timeout=15)
        except requests.RequestException as exc:
            findings.problems.append(f"transport error {operation.label}: {exc!r}")
            return
        what = f"{mode.value} {case.method} {case.formatted_path} body={str(case.body)[:100]!r}"
        content_type = (response.headers.get("content-type") or [""])[0]  # lower-case keys, lists
        findings.record(what, response.status_code, content_type, response.content, json_route=True)

    started, before = time.monotonic(), findings.cases
    try:
        run()
        print(f"  {mode.value} {operation.label}: {findings.cases - before} cases in "
              f"{time.monotonic() - started:.1f} s")
    except Unsatisfiable:  # nothing to make negative (GET /healthz has no parameters)
        findings.skipped.append(f"{mode.value} {operation.label}")
