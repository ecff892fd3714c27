"""Issue 14, round 47 part C: addresses, postal codes and identifiers, read on heldout86-90 and heldout92, probed with
rows written for them (not the sets' lines).

- Several files named at once: "app numbers", "file numbers" (identifiers' APPLICATION_NUMBER words).
- An application number grouped by dashes after "app", "file", "application" ("E00-441-2987": _LETTER_AFTER_FILE).
- Nine digits in a SIN's three groups or typed one at a time (en dashes too), a SIN named before, no other kind's word
  since and none near but a bare "number", Luhn or not (identifiers._sin_spoken_of).
- A form's sample right after "like", "genre", "comme": digits all zeros or counting up from 1 (redactor._zeros_only).
- A card's expiry date given before its number, a card's field word in the message ("exp date", "cvv") for a card in four
  groups of four (identifiers._PAYMENT_WORD, _BEFORE_CARD).
- A certificate's seal or its register's folio is no file (NOT_ID).
- A second value of the same shape, said with whose it is ("et celui de mon fils"), keeps the first one's kind over a
  phone's shape (identifiers.labelled_numbers).
- A value in pieces never takes the civic number of the street after it (pieces._chain_spans); nor does a label's
  number before a numbered street ("phone ... address 10234 98 St NW": identifiers._STREET_TYPE_NEXT).
- A passport's word before its number wins a tie against a file's word after it, and a capitalised word opening the
  next sentence labels nothing before it (scan.Scan.context).
- An employer who is a person worked for ("works for Mrs. ...") has a home address (places._EMPLOYER_PERSON).
- A public office's postal code asked about right after its address (places._CODE_ASKED_AFTER).
- Abroad: a purok's block ("Blk 4 Purok 3, Brgy. ..."), a street's extension before the barangay ("Rizal Ave Ext"),
  a nagar's sector, an area's phase after units with no street, China's streets in pinyin ("Jiefang Lu") and the code
  after them, a Vietnamese street of common words after an address word ("adresse 56 Le Loi, Quan 1, TP HCM"), a flat in
  a named building before its area, town and PIN; a town named by its side ("north van") is no street's direction.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, Z, C, S, PP, F, CC, P, N = (
    "ADDRESS", "POSTAL_CODE", "CLIENT_ID", "SIN", "PASSPORT", "APPLICATION_NUMBER", "CREDIT_CARD", "PHONE", "PERSON"
)

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # several files named at once
    ("our two app numbers are W301122334 and W301122335", [(F, "W301122334"), (F, "W301122335")]),
    ("file numbers: B000551230, B000551231 (mine and my wife's)", [(F, "B000551230"), (F, "B000551231")]),
    ("how many app numbers can one account have?", []),
    # an application number grouped by dashes
    ("my app is W30-118-4472, any news?", [(F, "W30-118-4472")]),
    ("application E00-552-1873 still in progress", [(F, "E00-552-1873")]),
    ("the app is version 2-118-44 on android", []),
    # a SIN in its three groups, named before, Luhn or not
    ("my SIN begins with 9 since I'm on a work permit... it's 918 442 301. is it valid?", [(S, "918 442 301")]),
    ("question about my NAS: c'est 927 554 018, il expire quand?", [(S, "927 554 018")]),
    ("my SIN card came. call me at 613 555 0199", [(P, "613 555 0199")]),
    ("SIN question: the ad said 450 000 000 people? no idea", []),
    # ... typed one digit at a time with en dashes, or after a bare "the number is"
    ("my SIN ran out with my visa. the number is 9 1 4 – 3 3 2 – 8 0 5. what now", [(S, "9 1 4 – 3 3 2 – 8 0 5")]),
    ("the SIN the bank asked for, the number is 915 227 304", [(S, "915 227 304")]),
    ("my SIN is fine. my passport number is 915227304", [(PP, "915227304")]),
    # a form's sample after "like"
    ("the form wants the UCI like 0000-0000, with the dash?", []),
    ("they say write the SIN like 123 456 789 without spaces?", []),
    ("on doit écrire le numéro genre B000000000 ou sans la lettre?", []),
    ("my SIN is 046 454 286 like the card says", [(S, "046 454 286")]),
    # an expiry date before the card's number
    ("expiry date 08/28 and the number 5123 4400 9912 0076", [(CC, "08/28"), (CC, "5123 4400 9912 0076")]),
    ("cvv 311, number 4556 0192 7731 4408, name on card as in passport", [(CC, "4556 0192 7731 4408")]),
    ("my passport expiry date is 08/28, and my file number is F000441276", [(F, "F000441276")]),
    # a seal, a folio
    ("the birth certificate has a seal number 008812 on the back", []),
    ("acte de naissance, folio 004418, registre 12: c'est quoi pour IRCC?", []),
    # a second value of the kind of the first, said with whose it is
    ("UCI 22 6610 4471 and my daughter's 22 6610 4488", [(C, "22 6610 4471"), (C, "22 6610 4488")]),
    ("mon IUC c'est 33 1200 5566 et celui de ma fille 33 1200 5573", [(C, "33 1200 5566"), (C, "33 1200 5573")]),
    # a civic number after a value is the street's
    ("2) UCI 1172-0034, 45 Birch Rd\nall in Truro", [(C, "1172-0034"), (A, "45 Birch Rd")]),
    ("cell 780-555-0144 address 11820 104 Ave NW unit 3", [(P, "780-555-0144"), (A, "11820 104 Ave NW unit 3")]),
    # a passport's word before wins a tie against a file's after
    ("passeport belge EH771024, demande de PVT W300118842.", [(PP, "EH771024"), (F, "W300118842")]),
    # ... and a word that opens the next sentence labels nothing before it
    ("passeport malien B04417729. Demande de visa V300229817.", [(PP, "B04417729"), (F, "V300229817")]),
    # an employer who is a person: a home
    (
        "my mother works for Mr. Kowalski as a caregiver, the employer's address is 14 Maple Crescent.",
        [(N, "Kowalski"), (A, "14 Maple Crescent")],
    ),
    ("I work for Maple Foods, the employer's address is 200 Industrial Pkwy", []),
    # a public office's postal code asked about right after its address
    ("the Vancouver IRCC office is at 1148 Hornby St, right? postal code V6Z 2C3?", []),
    ("I live at 1148 Hornby St, right? postal code V6Z 2C3", [(A, "1148 Hornby St"), (Z, "V6Z 2C3")]),
    # abroad
    ("my lola lives at Blk 7 Purok 2, Brgy. Malinta, Valenzuela 1440", [(A, "Blk 7 Purok 2, Brgy. Malinta"), (Z, "1440")]),
    ("his house: 88 Taft Ave Ext, Brgy. 12, Pasay City", [(A, "88 Taft Ave Ext, Brgy. 12")]),
    ("we own a flat at 22 Gandhi Nagar, Sector 4, Jammu 180004", [(A, "22 Gandhi Nagar, Sector 4"), (Z, "180004")]),
    ("they live in Plot 7, Block B, Gwarinpa Phase 2, Abuja", [(A, "Plot 7, Block B, Gwarinpa Phase 2")]),
    ("my parents: 120 Zhongshan Lu, Apt 3, Nanjing 210005", [(A, "120 Zhongshan Lu, Apt 3"), (Z, "210005")]),
    ("we met 2 Chen Lu yesterday at the office", []),
    ("adresse de ma soeur 12 Le Loi, Quan 1, TP HCM", [(A, "12 Le Loi")]),
    ("2 Great Days, Hanoi was lovely", []),
    ("she stays at Flat 12, Om Residency, Malad West, Mumbai 400064", [(A, "Flat 12, Om Residency"), (Z, "400064")]),
    ("living at 330 Esplanade W north van V7M 1A4", [(A, "330 Esplanade W"), (Z, "V7M 1A4")]),
    ("my address is 45 Main St North, Hamilton", [(A, "45 Main St North")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round47_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
