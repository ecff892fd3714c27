"""The ``patterns`` redactor on held-out samples written apart from its rules and tests
(``heldout.jsonl``): overall recall and precision stay above their floors."""

from __future__ import annotations

from heldout_eval import evaluate, load

ROWS = load()


def test_heldout_file_is_sound() -> None:
    assert len(ROWS) >= 200
    assert sum(1 for row in ROWS if not row["spans"]) >= 60
    for row in ROWS:
        assert row["lang"] in ("en", "fr")
        for span in row["spans"]:
            assert span["value"] in row["text"], (span, row["text"])


def test_heldout_recall_and_precision() -> None:
    result = evaluate(ROWS)
    assert result["recall"] >= 0.97, result
    assert result["precision"] >= 0.97, result


def test_heldout_near_misses_stay_unmasked() -> None:
    from quaid_patterns import PatternRedactor

    redactor = PatternRedactor()
    masked = [(row["text"], redactor.find(row["text"])) for row in ROWS if not row["spans"]]
    assert [(text, spans) for text, spans in masked if spans] == []
