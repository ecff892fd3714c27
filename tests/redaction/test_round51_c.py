"""Issue 14, round 51 part C: addresses, postal codes and identifiers, read on heldout102, 104, 106 and 108, probed
with rows written for them (not the sets' lines): classes of writing, not the lines themselves.

- Round 50's application retyped with blanks stays out after a thing's label ("invoice no. S3 0 4 ...", "commande
  V 3 0 ...") and when its digits start with a year and its month (a date stamp, "V 2 0 2 5 1 1 ...")
  (identifiers._APPLICATION_BLANKS_NOT, _YEAR_MONTH_DIGITS); eight digits after a generic label, a document named
  before them ("permit number 40917763"), are the document's, no UCI (identifiers._THING_DOCUMENT_BEFORE).
- A letter typed for a digit where a thumb types it: an "o" right after an application's letter ("W3O 765 4321"), an
  "l" first in a grouped number of eight digits or more ("uci l1-2233-4455") (redactor.zeros_for_oh).
- A UCI typed in a phone's groups right after its label, its first digit 0 or 1, no area code ("uci 112 233 4455")
  (identifiers.uci_labelled_phone); the label glued to its number ("UCI1107-4421-93") (identifiers._UCI_GLUED).
- A street named after a day of its country's history ("221 Boulevard du 30 Juin", "avenue du 24 Novembre")
  (places._DATE_NAME); a rural route in lower case after the street ("7 chemin du lac, rr2") (places._UNIT_TAIL).
- A unit and its civic number after a home's word with a word after it ("new addy 1020-4500 kingsway"): no UCI
  (identifiers._HOME_BEFORE).
- Several client IDs after a plural label ("client IDs for my parents: 60 112 947 (dad) 60 112 948 (mom)"); an
  Eircode in lower case in a message about Ireland ("dublin d08 x2y3") (places._EIRCODE_IRISH_LOWER).
- An application's letter, a dash and its digits in dashed groups after a file's or an application's word ("file
  E-1234-56789") (identifiers._APPLICATION_DASHED).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, Z, C, F = "ADDRESS", "POSTAL_CODE", "CLIENT_ID", "APPLICATION_NUMBER"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # an application retyped with blanks: not after a thing's label, not a year and month
    ("invoice no. S3 0 4 4 1 2 9 8 7 6 from the printer", []),
    ("numéro de commande V 3 0 0 5 5 1 2 8 7 pour les photos", []),
    ("le reçu dit E 2 0 2 5 1 1 0 4 7 en haut", []),
    ("toujours rien pour W3 0 7 7 1 2 4 5 9 8, mon permis d'études", [(F, "W3 0 7 7 1 2 4 5 9 8")]),
    # eight digits after a generic label, a document named before
    ("my work permit number 40917763 expires soon", [(F, "40917763")]),
    ("le numéro est 63018245", [(C, "63018245")]),
    # a letter typed for a digit: "o" after an application's letter, "l" first in a grouped number
    ("ma demande V3O 418 2276 est bloquée", [(F, "V3O 418 2276")]),
    ("iuc l0-4471-2290 merci", [(C, "l0-4471-2290")]),
    ("the model l2 345 6789", []),
    # a UCI typed in a phone's groups right after its label, no area code
    ("my UCI: 104 229 3381, still waiting", [(C, "104 229 3381")]),
    ("mon IUC c 019-448-2271", [(C, "019-448-2271")]),
    ("uci 8841-2290 and my cell 613 555 0144", [(C, "8841-2290"), ("PHONE", "613 555 0144")]),
    # the UCI's label glued to its number
    ("IUC0044-8812 pas encore lié à mon compte", [(C, "0044-8812")]),
    ("uci11-0448-2291 pls check", [(C, "11-0448-2291")]),
    ("the cuisine12345678 shop", []),
    # a street named after a date, "du" then the day and its month
    ("mes parents habitent au 8 avenue du 24 Novembre, Kinshasa", [(A, "8 avenue du 24 Novembre")]),
    ("envoyez-le au 31, rue du 1er Mai, Cotonou", [(A, "31, rue du 1er Mai")]),
    ("j'ai payé 40 dollars du 3 mai au 5 juin", []),
    # a rural route typed in lower case after the street
    ("we live at 412 concession road 6, rr 1, near Orillia", [(A, "412 concession road 6, rr 1")]),
    # a unit and its civic number after a home's word, a street with no type after it
    ("new address 306-7788 Kingsway, Burnaby BC", [(A, "306-7788 Kingsway")]),
    ("my adr is 2201-1180 granville", []),
    ("my address changed, uci 1020-4500 please update", [(C, "1020-4500")]),
    # several client IDs after a plural label
    ("our client numbers are 7720-1184 and 7720-1185", [(C, "7720-1184"), (C, "7720-1185")]),
    ("client numbers 1 to 5 are served first", []),
    # an Eircode in lower case in a message about Ireland
    ("we rent in galway, 14 college rd, h91 tk33 until june", [(A, "14 college rd"), (Z, "h91 tk33")]),
    ("my eircode is t12 xw80", [(Z, "t12 xw80")]),
    ("back from cork, gate d12 ab34 was closed", []),
    # an application's letter, a dash and dashed groups after a file's word
    ("case: S-1122-334455 pls", [(F, "S-1122-334455")]),
    ("ma demande W-30-1234-5678 est en attente", [(F, "W-30-1234-5678")]),
    ("model V-1234-56789 printer", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round51_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
