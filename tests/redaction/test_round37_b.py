"""Issue 14, round 37 part B: the general rules written for heldout59/60's misses and false positives of the contact,
address and identifier types, probed with sentences written for them (not the sets' lines). Terse direct messages
abroad (a postal code after the district or city that closes a street address, a street in lower case with its type
first, a Maghreb street's particle, a misspelt label), values dictated or copied from a form (a passport's spaced
letters and digits in words, a card's digits in words, a SIN after its spelled label, a ZIP and a Canadian postal code
in words, a UCI in French compounds, a file's letter in lower case, a phone's digits one at a time with commas), a
card named after its number, a public body named after its line, and what is no one's (a visa application centre's
hotline, a hotel's address, a year before a clause). Each row: the text and the exact (type, value) spans the whole
redactor must give, in order (an empty list: nothing masked).
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

A, P, Z, S, PP, C, U, N = (
    "ADDRESS",
    "PHONE",
    "POSTAL_CODE",
    "SIN",
    "PASSPORT",
    "CREDIT_CARD",
    "CLIENT_ID",
    "APPLICATION_NUMBER",
)

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a postal code after the place's words that follow a street and its number (places._codes_after_addresses)
    ("home is 17 tilak road, ramnagar, pune 411030", [(A, "17 tilak road"), (Z, "411030")]),
    ("we stay at 21 mabini st, brgy poblacion, makati 1210 until june", [(A, "21 mabini st"), (Z, "1210")]),
    (
        "mon frère vit au 9 rue ibn batouta apt 3 tanger 90000 depuis mars",
        [(A, "9 rue ibn batouta apt 3"), (Z, "90000")],
    ),
    ("la casa de mi tía: avenida juárez 210 ote puebla 72000", [(A, "avenida juárez 210 ote"), (Z, "72000")]),
    (
        "rua das flores 88 ap 7 curitiba 80010-010 is where she lives",
        [(A, "rua das flores 88 ap 7"), (Z, "80010-010")],
    ),
    # ... not a unit's number, a price or a year after the place's words
    (
        "we live at Rua Bela Cintra 500, apto 1102, Sao Paulo 01415-000",
        [(A, "Rua Bela Cintra 500, apto 1102"), (Z, "01415-000")],
    ),
    ("i paid rent at 14 kings road, hyderabad 2000 rupees a month", [(A, "14 kings road")]),
    ("moved to 3 elm street toronto 2021 and never left", [(A, "3 elm street")]),
    # a Maghreb street's particle carries the word after it (places._ARABIC_PARTICLE)
    ("on vit au 12 rue el jadida, quartier hassan", [(A, "12 rue el jadida")]),
    ("my parents: 4 avenue ibn khaldoun apt 2, rabat", [(A, "4 avenue ibn khaldoun apt 2")]),
    # a terse or misspelt label before a number, words and a street's type (places._ADDRESS_TERSE)
    ("adress 15 ogunlana drive surulere pls update", [(A, "15 ogunlana drive")]),
    ("addr no 8 adeola odeku way, victoria island", [(A, "no 8 adeola odeku way")]),
    ("my adress 40 marina way", [(A, "40 marina way")]),
    ("on my way to 3 offices today", []),
    # the street's type first abroad, in lower case (places._TYPE_FIRST_LOWER)
    ("vivimos en calle hidalgo 45 int 3, oaxaca", [(A, "calle hidalgo 45 int 3")]),
    ("ela mora na rua do catete 120 ap 301", [(A, "rua do catete 120 ap 301")]),
    # a unit and a civic number joined by a dash before a street in lower case: no UCI (identifiers._LOWER_STREET_NEXT)
    ("new place is 804-1250 bay st, come visit", [(A, "804-1250 bay st")]),
    # a civic number said in English before a French street (places._ADDRESS_SAID)
    (
        "my address is forty two rue Saint Denis apartment nine",
        [(A, "forty two rue Saint Denis apartment nine")],
    ),
    # dictated after their label (identifiers.dictated_numbers)
    (
        "passport number is G K three four five six seven eight nine",
        [(PP, "G K three four five six seven eight nine")],
    ),
    (
        "le passeport de ma fille c'est R T un deux trois quatre cinq six",
        [(PP, "R T un deux trois quatre cinq six")],
    ),
    ("his passport is L 4 8 2 9 1 7 3 6 ok", [(PP, "L 4 8 2 9 1 7 3 6")]),
    (
        "card four five five six, one two three four, five six seven eight, nine zero one two",
        [(C, "four five five six, one two three four, five six seven eight, nine zero one two")],
    ),
    (
        "ma carte cinq deux un zéro, quatre quatre trois trois, un un deux deux, six six sept sept",
        [(C, "cinq deux un zéro, quatre quatre trois trois, un un deux deux, six six sept sept")],
    ),
    ("s.i.n. 0 4 6 4 5 4 2 8 6 thanks", [(S, "0 4 6 4 5 4 2 8 6")]),
    ("the zip code is three three one three zero", [(Z, "three three one three zero")]),
    ("code postal j four k two m nine", [(Z, "j four k two m nine")]),
    ("one two three four five six seven eight, i can count", []),
    ("my card has four corners and two sides", []),
    # a UCI in French compounds; a file's letter in lower case before its digits in words (identifiers.spelled_ids)
    (
        "mon IUC c onze, vingt-deux, trente-trois, quarante-quatre, cinquante-cinq",
        [(U, "onze, vingt-deux, trente-trois, quarante-quatre, cinquante-cinq")],
    ),
    (
        "application number w three zero one two three four five six seven",
        [(N, "w three zero one two three four five six seven")],
    ),
    # a North American number one digit at a time, commas between the groups (contact._PHONE_SPACED)
    ("number 6 4 7, 5 5 5, 0 1 9 2 ok?", [(P, "6 4 7, 5 5 5, 0 1 9 2")]),
    ("le numéro : 5, 1, 4, 5, 5, 5, 0, 1, 7, 7", [(P, "5, 1, 4, 5, 5, 5, 0, 1, 7, 7")]),
    ("rooms 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 are booked", []),
    # a card named after its number, its check digit off (identifiers._CARD_SAID_AFTER)
    ("5217 3300 4412 9981 c la carte de ma mère", [(C, "5217 3300 4412 9981")]),
    ("4929 1100 2233 4455 is my visa, it got declined", [(C, "4929 1100 2233 4455")]),
    # a label after a value with its own "+" number is the next value's (scan._OWN_VALUE)
    ("pp: K83920174 / tel: +63 917 555 0148", [(PP, "K83920174"), (P, "+63 917 555 0148")]),
    # a public body named after its line, or called, or written in lower case (contact._BODY_RIGHT_AFTER, _BODY)
    ("j'ai appelé le 514 873-4000 du MIFI, personne", []),
    ("tried +234 1 460 0000 vfs abuja, always busy", []),
    ("vfs accra hotline 030 274 4100 is that right", []),
    ("my cell 438 555 0123 for the VFS appointment", [(P, "438 555 0123")]),
    # a visa application centre is no application's label; a hotel's address; a year before a clause
    ("the Visa Application Centre in Lagos, call 01 234 5678", []),
    ("we booked at Park Hyatt Hotel 4 Avenue Road for the trip", []),
    ("né en 2001, je peux faire PVT cette année?", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round37_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    if expected:
        assert_finds_exactly(redactor.find, text, expected)
    else:
        assert_unmasked(redactor.find, text)
