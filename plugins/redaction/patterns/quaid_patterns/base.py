"""What every recognizer shares: the candidate tuple, priorities, and small helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .scan import Candidate, Scan

# Priorities: which type names a span when candidates overlap (their union is masked).
EMAIL_P = 100
CARD_P = 90
APPLICATION_P = 85
PHONE_P = 80
CUSTOM_P = 75
LABELLED_P = 70  # a bare number with a context word that says what it is
ID_SHAPE_P = 65  # formatted SIN / client ID, Canadian passport
POSTAL_P = 60
POSTAL_AFTER_P = 81  # a foreign postal code right after an address: it outranks a phone's shape
BIRTH_P = 60
ADDRESS_P = 55
PERSON_P = 50
FALLBACK_P = 30  # bare numbers that their checksum or number plan gives away

IGNORE_CASE = re.IGNORECASE
SP = r"[ \u00a0\u202f]"  # spaces inside numbers, including the French non-breaking ones
# Lookarounds treat "[" and "]" as part of a word, so that a placeholder left by redaction
# never creates a word boundary that the original text did not have.
NOT_BEFORE = r"(?<![\w\]])"
NOT_AFTER = r"(?![\w\[])"


@dataclass(frozen=True)
class Recognizer:
    """One kind of personal information: how to find its candidates.

    `find` receives the shared :class:`~quaid_patterns.scan.Scan`; it checks its own cheap
    preconditions (digits, keywords) before running any expression.
    """

    name: str
    types: frozenset[str]
    find: Callable[[Scan], Iterator[Candidate]]
    needs_digit: bool = True


def every(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of `pattern`, also those that start inside an earlier one.

    ``finditer`` resumes after a match; when a checksum then rejects that match, a valid
    value that overlaps it ("123 046 454 286": "123 046 454" fails Luhn) would be skipped.
    """
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def words_pattern(fragment: str) -> str:
    """An alternation of context words that never matches inside a word (nor, see
    :meth:`~quaid_patterns.scan.Scan.labels`, inside a placeholder); one that ends in "#" or
    ":" may touch its value ("order #123456")."""
    return rf"(?<!\w)(?:{fragment})(?:(?<=[#:])|(?!\w))"


def keywords(fragment: str) -> frozenset[str]:
    """The lower-case words an alternation of simple words matches: ``"c[ôo]te|rue"`` →
    ``{"côte", "cote", "rue"}`` (only ``[...]`` classes are expanded)."""
    found: set[str] = set()
    pending = [alternative.replace("\\", "") for alternative in fragment.split("|")]
    while pending:
        word = pending.pop()
        open_at = word.find("[")
        if open_at < 0:
            found.add(word.lower())
            continue
        close_at = word.index("]", open_at)
        for char in word[open_at + 1:close_at]:
            pending.append(word[:open_at] + char + word[close_at + 1:])
    return frozenset(found)


def quantity(text: str, start: int, end: int) -> bool:
    """True when the number at ``text[start:end]`` is a price or a count."""
    if start and (text[start - 1] in "$€£" or text[max(0, start - 2):start] in ("$ ", "€ ")):
        return True
    return _QUANTITY_AFTER.match(text, end) is not None


# Words after a number that make it a quantity, not an identifier.
_QUANTITY_AFTER = re.compile(
    r"[ \u00a0\u202f]?(?:\$|€|£|%|(?:cad|usd|dollars?|bucks|days?|jours?|months?|mois|years?|ans?"
    r"|ann[ée]es?|hours?|hrs?|heures?|weeks?|semaines?|points?|pts|km|kg|people|personnes?"
    r"|applicants?|candidats?|times|fois|words?|mots|pages?)(?![\w\]]))",
    IGNORE_CASE,
)
