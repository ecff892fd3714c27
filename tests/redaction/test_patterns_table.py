"""The ``patterns`` redactor against the table of (text, expected spans), Presidio style."""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import CASES, NEAR_MISSES, POSITIVE, assert_finds_exactly, assert_unmasked, report, score

from quaidcore.redaction import RedactionChain

REDACTOR = PatternRedactor()
CHAIN = RedactionChain([REDACTOR])


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 170
    assert len(NEAR_MISSES) >= 60


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_exactly_the_expected_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(REDACTOR.find, text, expected)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_stays_unmasked(text: str) -> None:
    assert_unmasked(REDACTOR.find, text)
    assert CHAIN.redact(text).text == text


@pytest.mark.parametrize(("text", "expected"), POSITIVE[:40], ids=[t for t, _ in POSITIVE[:40]])
def test_chain_masks_with_typed_placeholders(text: str, expected: list[tuple[str, str]]) -> None:
    redacted = CHAIN.redact(text).text
    for kind, substring in expected:
        assert substring not in redacted
        assert f"[{kind}]" in redacted


def test_recall_and_precision_per_type(capsys: pytest.CaptureFixture[str]) -> None:
    scores = report(score(REDACTOR.find))
    with capsys.disabled():
        print()
        for kind, figures in scores.items():
            print(f"  {kind:<20} recall {figures['recall']:.3f}  precision {figures['precision']:.3f}")
    assert scores["ALL"]["recall"] == 1.0
    assert scores["ALL"]["precision"] == 1.0
