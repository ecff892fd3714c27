"""Issue 14, round 46 part B: addresses and identifiers in documents retyped into the chat, read on heldout83-85,
probed with rows written for them (not the sets' lines).

- A unit with its letter before the civic number ("12B-340 ...", places._CIVIC) and a numbered street with its
  letter ("14567 72A Ave").
- A Quebec or Ontario numbered company ("9123-4567 Québec inc.") is no client's UCI (identifiers._NUMBERED_COMPANY_NEXT).
- A number all of zeros is a form's sample ("passport number AB000000", "SIN 000 000 000": redactor._zeros_only).
- A bank account's number ("A/C No:", "Account:", "titulaire du compte n°") is no application number (NOT_ID).
- A passport's machine-readable zone retyped: the number on its second line (identifiers.mrz_passports).
- An identifier's digits written again in another grouping: the same type (redactor._same_digits_again).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, P, Z, N, C, S, PP, F = "ADDRESS", "PHONE", "POSTAL_CODE", "PERSON", "CLIENT_ID", "SIN", "PASSPORT", "APPLICATION_NUMBER"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a unit with its letter before the civic number
    ("new address is 7C-215 Wellington St W, Toronto", [(A, "7C-215 Wellington St W")]),
    ("je demeure au 4B-1250 rue Sherbrooke Est depuis mars", [(A, "4B-1250 rue Sherbrooke Est")]),
    ("i'm at 12-340 Dundas St E now", [(A, "12-340 Dundas St E")]),
    # near-misses: a model's name, a flight
    ("the 12B-340 model at the store was sold out", []),
    # a numbered street with its letter
    ("we rent the basement at 15820 88A Ave, Surrey", [(A, "15820 88A Ave")]),
    ("Tenant address: 10312 132A St", [(A, "10312 132A St")]),
    # a numbered company is no UCI
    ("mon employeur est 9234-5678 Québec inc. à Laval", []),
    ("The landlord is 2345678 Ontario Inc., and my UCI is 1122-3344", [(C, "1122-3344")]),
    ("employer: 9087-1122 QUEBEC INC", []),
    ("my uci 9123-4567 thanks", [(C, "9123-4567")]),
    # a form's sample of zeros
    ("the guide shows passport no. XY000000 as an example, do I write it like that?", []),
    ("the form says SIN 000 000 000 in the sample box", []),
    ("my passport number is XY100234", [(PP, "XY100234")]),
    # a bank account's number
    ("Bank statement\nAccount No: 60512345678901\nBalance 12,000", []),
    ("A/C no. 01234567890123 at SBI, and my application number is E001234567", [(F, "E001234567")]),
    ("le solde du compte n° 30004-00812-00012345678-12 est suffisant", []),
    ("I created an account, my application number is W301234567", [(F, "W301234567")]),
    # a passport's machine-readable zone: its number (the check digit holds, or the zone is said to be a passport's)
    ("the bottom of my passport: L898902C36UTO7408122F1204159ZE184226B<<<<<10", [(PP, "L898902C3")]),
    ("zone: L898902C36UTO7408122F1204159ZE184226B<<<<<10", [(PP, "L898902C3")]),
    ("the box reads 4471902213GBR1234561X7654329 for shipping", []),
    # an identifier's digits again in another grouping
    ("my permit shows UCI 11-2203-4455 and the letter 1122034455, same thing?", [(C, "11-2203-4455"), (C, "1122034455")]),
    ("SIN 046 454 286, the bank form has 046-454-286", [(S, "046 454 286"), (S, "046-454-286")]),
    ("uci 1122-3344 and my order 11223345", [(C, "1122-3344")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round46_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
