"""What the name-and-birth-date rounds' tests (test_people_round44-47) compare: the PERSON and DATE_OF_BIRTH
spans the redactor finds, as (type, value) pairs in order; the other types are other parts' and left out."""

from __future__ import annotations

from quaid_patterns import PatternRedactor

REDACTOR = PatternRedactor()
KINDS = ("PERSON", "DATE_OF_BIRTH")


def names_and_dates(text: str) -> list[tuple[str, str]]:
    return [(s.type, text[s.start:s.end]) for s in REDACTOR.find(text) if s.type in KINDS]
