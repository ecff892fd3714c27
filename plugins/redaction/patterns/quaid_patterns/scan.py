"""One message under examination: what every recognizer shares while it looks at the text.

A :class:`Scan` holds the text, a few cheap facts about it (does it have a digit, an ``@``),
the placeholders an earlier pass left in it, and the context words ("UCI", "téléphone",
"passport"...) found in it, computed once and only when a recognizer asks.

Context never reaches across a placeholder: a number that redaction left unmasked must stay
unmasked when the redacted text is redacted again (masking shortens the text, which would
otherwise bring far-away context words within reach).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Any

from quaidcore import Span

# A placeholder left by redaction: "[EMAIL]", "[CLIENT_ID]"; "[at]"/"[dot]" are not, nor is a
# value that a client wrote in brackets ("[E123456789]", "[AB123456]"): a type's name has
# no run of four digits.
PLACEHOLDER = re.compile(r"\[(?!(?:AT|DOT)\])(?![A-Z0-9_]*[0-9]{4})[A-Z][A-Z0-9_]*[A-Z0-9]\]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Scripts whose words Scan.words cannot split reliably (no spaces between Chinese or
# Japanese words, Korean particles glued to nouns, vowel signs of Devanagari, Bengali,
# Gurmukhi, Gujarati, Tamil, Arabic), and Cyrillic and Ethiopic:
# when the text has any, Scan.words holds NON_LATIN, and context words of those scripts
# (护照, 여권, पासपोर्ट, جواز, паспорт, 手机...) list it among their keys.
NON_LATIN = "\x00non-latin"
_NON_LATIN_SCRIPT = re.compile(
    "[\u0400-\u04ff\u0590-\u06ff\u0900-\u0bff\u1200-\u137f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_DIGITS = "0123456789"

# How far a context word may stand from the value it introduces (characters).
BEFORE = 40
AFTER = 25
_LONGEST_LABEL = 80  # no context word is longer: bounds the search among them
_CLAUSE_BREAK = re.compile(r"[,.;!?\n]")
# Within a short stretch, a comma does not part a word from what it names: "his passport is
# Iranian, number K1234567".
_SENTENCE_BREAK = re.compile(r"[.;!?\n0-9]")
_SHORT_CLAUSE = 25

# Another value between a context word and the number: the word is that value's when another
# word introduces the number ("my app number is W305998112 and my number 0917 888 2233", but
# "passports: AB1234567 and XY9876543"), as is a word that its own value follows
# ("0321-7654321, passport no GB1234567"). Six digits at least, in one run; not a date.
_VALUE = re.compile(r"(?<![\w\]])[A-Za-z]{0,3}[0-9](?:[ .-]?[0-9]){5,}[A-Za-z]?(?![\w\[])")
# (round 37 part B: an international number's "+" too, "pp: E73820194 / tel: +86 138 ...")
# (round 50 part C: or its value already masked, "is 1 (888) 242-2100 open? my uci [CLIENT_ID]" in the redactor's second look)
_OWN_VALUE = re.compile(
    r"[\s:#=.-]*(?:(?:is|est|es|no|nr|num|n[°º])[\s:#=.-]*)?(?=(?:\+[ ]?)?[A-Za-z]{0,3}[0-9](?:[ .-]?[0-9]){5,}|(?-i:\[[A-Z_]{3,}\]))",
    re.IGNORECASE,
)
_SENTENCE_GAP = re.compile(r"[ \t]*+[.!?]++[ \t]+")
_NEW_SENTENCE = re.compile(r"[ \t]*[.!?][ \t]+(?-i:[A-ZÀ-Þ])[^\W\d_]+[ \t]+")
_DATE = re.compile(r"(?:19|20)[0-9]{2}([-.])[0-9]{1,2}\1[0-9]{1,2}|[0-9]{1,2}([-.])[0-9]{1,2}\2(?:19|20)?[0-9]{2}")

# (start, end, type, priority)
Candidate = tuple[int, int, str, int]
# A type's context words: the expression; the words one of which the text must contain for
# the expression to be worth running (None: always run it); and a handicap in characters
# for generic words ("number") that must yield to a specific one ("phone number") as near.
Label = tuple[re.Pattern[str], frozenset[str] | None, int]


def _words(text: str) -> frozenset[str]:
    """The lower-case words of `text`, and :data:`NON_LATIN` when it has such a script."""
    words = _LETTERS.findall(text.lower())
    if not text.isascii() and _NON_LATIN_SCRIPT.search(text):
        words.append(NON_LATIN)
    return frozenset(words)


class Scan:
    """The text being redacted and the facts about it that recognizers share."""

    __slots__ = (
        "_digits",
        "_label_patterns",
        "_label_starts",
        "_labels",
        "_placeholder_starts",
        "has_at",
        "has_digit",
        "memo",
        "placeholders",
        "text",
        "words",
    )

    def __init__(self, text: str, label_patterns: Mapping[str, Label]) -> None:
        self.text = text
        self._digits = sum(map(text.count, _DIGITS))
        self.has_digit = self._digits > 0
        self.has_at = "@" in text
        self.placeholders: list[tuple[int, int]] = (
            [m.span() for m in PLACEHOLDER.finditer(text)] if "[" in text else []
        )
        self._placeholder_starts = [s for s, _ in self.placeholders]
        self.memo: dict[str, Any] = {}  # what recognizers compute once and share
        self._label_patterns = label_patterns
        self._labels: list[tuple[int, int, str, int]] | None = None
        self._label_starts: list[int] = []
        # The lower-case words (runs of letters) of the text: recognizers check that their
        # keywords are there before running their expressions. Every scan needs them.
        self.words = _words(text)

    @property
    def digits(self) -> int:
        """How many ASCII digits the text has."""
        return self._digits

    def labels(self) -> list[tuple[int, int, str, int]]:
        """Every context word in the text, as (start, end, type, handicap), computed once."""
        if self._labels is None:
            found: list[tuple[int, int, str, int]] = []
            words = self.words
            for name, (pattern, keys, handicap) in self._label_patterns.items():
                if keys is None or not keys.isdisjoint(words):
                    kind = name.partition("/")[0]  # "PHONE/shorthand": a second expression of PHONE
                    found.extend((m.start(), m.end(), kind, handicap) for m in pattern.finditer(self.text))
            if self.placeholders:  # "[PHONE]" is a placeholder, not the word "phone"
                found = [label for label in found if not self.blocked(label[0], label[1])]
                # round 42 part B: nor is a word glued to a placeholder ("UCI[CLIENT_ID]" was "UCI00000000", where
                # "UCI" was no word of its own): it labels nothing in the masked text that it did not label before
                found = [
                    label
                    for label in found
                    if not (
                        self.text[label[1] - 1].isalnum()
                        and self.text.startswith("[", label[1])
                        and PLACEHOLDER.match(self.text, label[1])
                    )
                ]
            found.sort()
            self._labels = found
            self._label_starts = [label[0] for label in found]
        return self._labels

    def blocked(self, start: int, end: int) -> bool:
        """True when a placeholder lies (even partly) within ``text[start:end]``."""
        if not self.placeholders:
            return False
        index = bisect_left(self._placeholder_starts, end)  # placeholders starting before `end`
        return index > 0 and self.placeholders[index - 1][1] > start

    def _same_clause(self, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` joins a context word to a value (see :meth:`context`)."""
        if _CLAUSE_BREAK.search(self.text, s, e) is None:
            return True
        return e - s <= _SHORT_CLAUSE and _SENTENCE_BREAK.search(self.text, s, e) is None

    def _value_between(self, s: int, e: int) -> bool:
        """Whether another value (not a date) stands in ``text[s:e]`` and a context word of
        its own introduces the number at `e` after it."""
        if e - s < 6:
            return False
        ends = [m.end() for m in _VALUE.finditer(self.text, s, e) if _DATE.fullmatch(m.group()) is None]
        if not ends:
            return False
        index = bisect_left(self._label_starts, ends[-1])
        if index < len(self._labels) and self._labels[index][1] <= e:
            return True
        # round 41 part B: or the word's own value given, then a new sentence that opens with a capitalised word
        # ("Passport AU 184726. Medellin 050021": the town's code)
        return _NEW_SENTENCE.fullmatch(self.text, ends[-1], e) is not None

    def context(self, start: int, end: int, kinds: frozenset[str] | None = None) -> list[str]:
        """Types of the context words near ``text[start:end]``, nearest first.

        A word before the value counts within :data:`BEFORE` characters, one after it
        within :data:`AFTER` (and a little less than one before it at the same distance).
        A generic word ("numéro") yields to a specific one earlier in the same clause
        ("mon passeport marocain porte le numéro XA1234567").
        """
        scored: list[tuple[int, str, int, int]] = []
        labels = self.labels()
        lo = bisect_left(self._label_starts, start - BEFORE - _LONGEST_LABEL)
        hi = bisect_right(self._label_starts, end + AFTER)
        for s, e, kind, handicap in labels[lo:hi]:
            if kinds is not None and kind not in kinds:
                continue
            if e <= start:
                distance = start - e
                if distance <= BEFORE and not self.blocked(e, start) and not self._value_between(e, start):
                    scored.append((distance + handicap, kind, handicap, e))
            elif s >= end:
                distance = s - end
                if (distance <= AFTER and not self.blocked(end, s)
                        and not (distance and _OWN_VALUE.match(self.text, e))
                        # round 47 part C: nor a capitalised word that opens the next sentence ("passeport sénégalais
                        # A01928374. Demande de parrainage F000448219": the next sentence's subject)
                        and not (self.text[s].isupper() and _SENTENCE_GAP.fullmatch(self.text, end, s))):
                    scored.append((distance + 8 + handicap, kind, handicap, -1))
        scored.sort(key=lambda item: (item[0], item[3] < 0, item[1]))  # (round 47 part C: a tie goes to the word before)
        if len(scored) > 1 and scored[0][2]:
            for item in scored[1:]:
                if not item[2] and item[3] >= 0 and self._same_clause(item[3], start):
                    scored.remove(item)
                    scored.insert(0, item)
                    break
        seen: list[str] = []
        for _, kind, _, _ in scored:
            if kind not in seen:
                seen.append(kind)
        return seen


def masked_text(text: str, spans: list[Span]) -> tuple[str, list[tuple[int, int]]]:
    """`text` masked as the core masks it, and where each unmasked stretch of the masked
    text starts: (start in the masked text, start in `text`)."""
    parts: list[str] = []
    stretches: list[tuple[int, int]] = []
    cursor = length = 0
    for span in spans:
        stretches.append((length, cursor))
        parts.append(text[cursor:span.start])
        length += span.start - cursor
        placeholder = f"[{span.type}]"
        parts.append(placeholder)
        length += len(placeholder)
        cursor = span.end
    stretches.append((length, cursor))
    parts.append(text[cursor:])
    return "".join(parts), stretches


def unmask(span: Span, stretches: list[tuple[int, int]]) -> Span:
    """A span of the masked text as a span of the original (spans never cover placeholders,
    so each lies within one unmasked stretch)."""
    index = bisect_right([masked for masked, _ in stretches], span.start) - 1
    masked_start, start = stretches[index]
    shift = start - masked_start
    return Span(span.start + shift, span.end + shift, span.type)
