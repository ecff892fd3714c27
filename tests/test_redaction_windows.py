"""A long text is redacted window by window (quaidcore.redaction.find_windowed): each redactor call reads at most
WINDOW + CONTEXT characters, a value across a cut is masked whole, and what a row's redaction finds alone is still
masked when the row stands inside a long text."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from quaidcore.messages import Span
from quaidcore.redaction import CONTEXT, WINDOW, RedactionChain, windows

HELDOUT = Path(__file__).parent / "redaction"


class Numbers:
    """A redactor of digit runs (blanks inside allowed) that keeps the length of every text it is given."""

    def __init__(self) -> None:
        self.lengths: list[int] = []

    def find(self, text: str) -> list[Span]:
        self.lengths.append(len(text))
        return [Span(m.start(), m.end(), "NUMBER") for m in re.finditer(r"\d(?:[\d ]*\d)?", text)]


@pytest.mark.parametrize("text", [
    "word " * 3000,
    "line of a letter\n" * 900,
    "A sentence here. " * 700,
    "x" * 7000,  # no place to cut: hard cuts of WINDOW characters
    "short",
])
def test_windows_cover_the_text_in_order(text: str) -> None:
    pieces = windows(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(0 < end - start <= WINDOW for start, end in pieces)


def test_a_cut_falls_on_a_line_break_when_there_is_one() -> None:
    text = "a few words on a line\n" * 300
    assert all(text[end - 1] == "\n" for _, end in windows(text)[:-1])


def test_every_call_reads_a_window_and_its_context_at_most() -> None:
    numbers = Numbers()
    RedactionChain([numbers]).redact("call me at 613 555 0199 please. " * 800)
    assert len(numbers.lengths) > 1 and max(numbers.lengths) <= WINDOW + CONTEXT


def test_a_value_across_a_cut_is_masked_whole() -> None:
    head = "a" * 1990 + " 613 555 "  # the first window ends at the blank after "555"
    text = head + "0199 " + "b " * 600
    assert windows(text)[0][1] == len(head)
    redaction = RedactionChain([Numbers()]).redact(text)
    assert [text[s.start:s.end] for s in redaction.spans] == ["613 555 0199"]
    assert not re.search(r"\d", redaction.text)


def test_a_short_text_is_read_whole_in_one_call() -> None:
    numbers = Numbers()
    text = "my number is 613 555 0199 " * 70
    assert len(text) <= WINDOW
    RedactionChain([numbers]).redact(text)
    assert numbers.lengths == [len(text)]


def test_windows_lose_almost_nothing_of_reading_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """heldout12's rows joined by line breaks (> 5 windows), read window by window and read whole: every span the
    whole reading masks is inside a mask of the windowed reading but one at most (a value linked to a
    cue or a name more than a window before it) -- and the windowed reading masks nothing the whole reading leaves."""
    from quaid_patterns import PatternRedactor

    import quaidcore.redaction

    chain = RedactionChain([PatternRedactor()])
    rows = [json.loads(line)["text"] for line in (HELDOUT / "heldout12.jsonl").read_text(encoding="utf-8").splitlines()]
    text = "\n".join(rows)
    assert len(windows(text)) > 5
    windowed = chain.redact(text).spans
    monkeypatch.setattr(quaidcore.redaction, "WINDOW", len(text))
    whole = chain.redact(text).spans

    def outside(spans: tuple[Span, ...], masks: tuple[Span, ...]) -> list[str]:
        return [text[s.start:s.end] for s in spans if not any(m.start <= s.start and s.end <= m.end for m in masks)]

    assert len(whole) > 300
    assert len(outside(whole, windowed)) <= 1, outside(whole, windowed)
    assert outside(windowed, whole) == []
