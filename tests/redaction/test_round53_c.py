"""Issue 14, round 53 part C: addresses, postal codes and the agency's numbers, read on heldout94, 113, 116 and 118,
probed with rows written for them (not the sets' lines): classes of writing, not the lines themselves.

- An application number with a letter typed for a digit, a small L or a capital I for a one as well as an O for a zero
  ("application E3021l8450"), after a generic "numéro" too, where a phone's "mon numéro" is nearer
  (identifiers._APPLICATION_LETTER_O).
- Any other capital and nine digits when the nearest label is an application's word, whatever stands between ("numéro de
  demande de mon fils?? J309118844") (identifiers._APPLICATION_OTHER_LETTER).
- A rural box, route or site after the street with no comma ("15 Main St Box 212 Norway House MB"), and the box's
  number no civic number (places._UNIT_AFTER, _BOX_WORD_BEFORE).
- A known town after an English street type, then a lower-case word or a province's code, is no word of the street
  ("3-1180 Portage Ave Winnipeg now", "12 Jasper Ave Edmonton AB") (places._NOT_CITY_LAST, _AFTER_ENGLISH_TYPE).
- The postal code's label, whose it is (the other kin) and where they live, then the code ("le code postal de ma fille
  à Lyon c'est 69003") (places._POSTAL_LABELLED).
- A phone in North America's groups said to be the new number after a UCI stays a phone (redactor._NANP_GROUPED).
- A UCI or a file's number said right after to be the example is no one's (redactor._DISOWNED_KINDS).
- The estate and its number after a villa and a comma ("villa n° 6712, Sicap Liberté 6") (places._VILLA_FIRST).
- A word of time in lower case ends the street after "j'habite au" ("45 rue Principale depuis mai") (places._NOT_LINK).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, Z, C, F, T = "ADDRESS", "POSTAL_CODE", "CLIENT_ID", "APPLICATION_NUMBER", "PHONE"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a letter for a digit in an application number; a phone's "mon numéro" nearer
    ("my application # is W3I0447812 i think, hard to read", [(F, "W3I0447812")]),
    ("le numéro de demande B20l1993045 ne marche pas sur le portail", [(F, "B20l1993045")]),
    ("bonjour voici mon numero V3O5512874 merci", [(F, "V3O5512874")]),
    ("my number is 6O4 555 0182, call after 5", [(T, "6O4 555 0182")]),
    # any other capital and nine digits, an application's word the nearest label
    ("application number for my husband: K304998127", [(F, "K304998127")]),
    ("le numéro de demande de ma soeur, vous l'avez? C301772940", [(F, "C301772940")]),
    ("my health card number is A123456789", []),
    ("the receipt number R123456789 for the application fee", []),
    # a rural box, route or site after the street, no comma
    ("please send it to 22 Lake Rd Box 48 Cross Lake MB R0B 0J0", [(A, "22 Lake Rd Box 48"), (Z, "R0B 0J0")]),
    ("we are at 7 Bay St RR 2 Site 4 Thompson MB R8N 1N1", [(A, "7 Bay St RR 2 Site 4"), (Z, "R8N 1N1")]),
    ("i left 2 boxes at 12 Main St box 4 of them broke", [(A, "12 Main St")]),
    # a known town after the street's English type, then a lower-case word or a province's code
    ("we live at 880 Broadway Ave Saskatoon since june, new cell soon", [(A, "880 Broadway Ave")]),
    ("my address is 51 Barrington St Halifax NS", [(A, "51 Barrington St")]),
    ("moved to 4-220 Main St. Winnipeg last week", [(A, "4-220 Main St")]),
    # a word of time in lower case ends the street after "j'habite au" / "I live at"
    ("j'habite au 88 rue Bélanger depuis octobre, merci", [(A, "88 rue Bélanger")]),
    ("I live at 14 birch crescent since april", [(A, "14 birch crescent")]),
    # the postal code's label, whose it is and where they live
    ("le code postal de mon fils à Bordeaux c'est 33000", [(Z, "33000")]),
    ("the zip code of my daughter in Denver is 80202", [(Z, "80202")]),
    ("le code postal de ma fille à Lyon, c'est bien ça? on a payé 69003 euros", []),
    # a phone in its groups said to be the new number after a UCI
    ("UCI 5521-0087, my new number is 587-220-4413", [(C, "5521-0087"), (T, "587-220-4413")]),
    ("UCI 5521-0087, new one 1155210087", [(C, "5521-0087"), (C, "1155210087")]),
    # a UCI or a file's number said to be the example
    ("is it UCI 1234-5678? no thats the example on the site, mine is 7731-0952", [(C, "7731-0952")]),
    ("W123456789 c'est l'exemple du guide, le mien c'est W305512874", [(F, "W305512874")]),
    # the estate and its number after a villa and a comma
    ("ma tante habite villa n° 318, Sicap Amitié 2. merci", [(A, "villa n° 318, Sicap Amitié 2")]),
    ("j'habite villa n° 45, Dakar", [(A, "villa n° 45")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round53_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
