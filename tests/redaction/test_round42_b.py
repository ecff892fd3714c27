"""Issue 14, round 42 part B: the general rules written for the misses and false positives of the contact, address and
identifier types in heldout71-75, probed with sentences written for them (not the sets' lines). A value sent in pieces
after its cue word (a phone, a SIN, a UCI, a file's or an application's letter and digits, a card), over new lines,
"...", "then", "et", "puis", "wait": each piece masked when the pieces together make the cue's whole shape; a run whose
groups are set apart by spaced dashes or slashes masked whole, Luhn or not; a dash opening a value's second line; a
group of three said as a hundred ("six cent trois"); "Appelez-moi" before a phone said in words; a bracketed area code
and the last four in pairs; a passport's last letter typed apart; an e-mail before " . thx"; Romania's "Bd."; Belgium's
house and box "58/3"; an Indian city, a comma and its PIN; near-misses: counts, fees and times in pieces, a list's next
item, a body's line asked about ("c le numéro de ...", "told me to call ..., is that you?"), an appointment's place.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order (an empty list: nothing
masked).
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

A, P, Z, PP, C, U, S, E, AN = (
    "ADDRESS",
    "PHONE",
    "POSTAL_CODE",
    "PASSPORT",
    "CREDIT_CARD",
    "CLIENT_ID",
    "SIN",
    "EMAIL",
    "APPLICATION_NUMBER",
)

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a phone in pieces after its cue: one group a line, dots, "puis" (round 44 part C: pieces joined by signs only are
    # one span, pieces joined by words one span a piece)
    ("my phone is 647\n382\n9914\nsorry the app keeps sending", [(P, "647\n382\n9914")]),
    ("cell: 905 ... 441 ... 2087 call after 6", [(P, "905 ... 441 ... 2087")]),
    ("mon cellulaire c'est 819 puis 562 puis 3340", [(P, "819"), (P, "562"), (P, "3340")]),
    ("my number is now 604 2\n81 9930 ok", [(P, "604 2\n81 9930")]),
    # a UCI, a SIN, a file's letter and digits in pieces
    ("my uci is 2209 and then 5531 (phone glitch)", [(U, "2209"), (U, "5531")]),
    ("IUC 33-18... attendez... 40-2291", [(U, "33-18"), (U, "40-2291")]),
    ("application number F00 ... 7712 ... 839 thx", [(AN, "F00 ... 7712 ... 839")]),
    ("my file # is\nV41\n0098\n225", [(AN, "V41\n0098\n225")]),
    ("my SIN: 7 7 1\n0 4 2\n5 5 8", [(S, "7 7 1\n0 4 2\n5 5 8")]),
    ("nas 482 et 119 et 306 merci", [(S, "482"), (S, "119"), (S, "306")]),
    ("my sin is 512...804...377", [(S, "512...804...377")]),
    ("my cell is 613 - then 744 - then 2091", [(P, "613"), (P, "744"), (P, "2091")]),
    ("the app number is w0031 and then 77420", [(AN, "w0031"), (AN, "77420")]),
    ("my sin is 318, 660, 942", [(S, "318, 660, 942")]),
    ("my phone is +1 416\n903\n2218", [(P, "+1 416\n903\n2218")]),
    ("numéro de demande: S 30 ... 6617 ... 442", [(AN, "S 30 ... 6617 ... 442")]),
    ("my uci is 7702 & 1195", [(U, "7702"), (U, "1195")]),
    # one run, its groups set apart by spaced dashes or slashes: one span, Luhn or not
    ("SIN 4 81 - 2 20 - 9 63", [(S, "4 81 - 2 20 - 9 63")]),
    ("numéro d'assurance sociale de mon père : 3 0 4 – 8 8 1 – 2 7 5", [(S, "3 0 4 – 8 8 1 – 2 7 5")]),
    ("card: 5 1 9 0 / 3 3 2 1 / 8 8 0 4 / 1 2 7 7", [(C, "5 1 9 0 / 3 3 2 1 / 8 8 0 4 / 1 2 7 7")]),
    # a dash opening the value's second line joins it
    ("Form:\nUCI: 2211\n-4490", [(U, "2211\n-4490")]),
    # a bracketed area code, the last four in pairs; a group said as a hundred; "Rappelez-moi" before words
    ("my new cell is (587) 204 61 33", [(P, "(587) 204 61 33")]),
    ("mon numéro: 514 deux cent douze 8890", [(P, "514 deux cent douze 8890")]),
    ("Rappelez-moi au six-un-trois, cinq-cinq-deux, quarante, dix-neuf", [(P, "six-un-trois, cinq-cinq-deux, quarante, dix-neuf")]),
    # a passport typed character by character, its last letter too
    ("passport: K 4 4 1 9 0 2 7 B", [(PP, "K 4 4 1 9 0 2 7 B")]),
    # an e-mail before a spaced dot and a word that is no country's code
    ("new email: m.osei77@gmail.com . merci", [(E, "m.osei77@gmail.com")]),
    # Romania's boulevard cut short; Belgium's house and box; an Indian city, a comma and its PIN
    ("adresa: Bd. Eroilor nr. 12, bl. C4, ap. 8", [(A, "Bd. Eroilor nr. 12, bl. C4, ap. 8")]),
    ("j'habite Rue de Namur 12/2, 5000 Namur", [(A, "Rue de Namur 12/2"), (Z, "5000")]),
    ("my brother still lives in Ludhiana, 141001, near the gurdwara", [(Z, "141001")]),
    # near-misses: counts, fees and times in pieces; no cue, or not the shape
    ("i paid 85 ... then 515 ... for the sponsorship", []),
    ("my phone bill was 120\n45\n60 dollars this month", []),
    ("my appointment is at 9:30 then 10:15", []),
    ("my sin application took 120 days\n45 more\n30 more", []),
    ("uci has 8 or 10 digits? mine looks short", []),
    ("the fee went from 1.085 ... to 2.5 then 3", []),
    ("my SIN card came on May 12, 2019, all good", []),
    ("the SIN office was open 2014 - 2015 - 2016 only", []),
    ("passeport AB123456\n2. Enfant: a venir", [(PP, "AB123456")]),
    # near-misses: a body's line asked about; an appointment's place
    ("le 438-555-0188 c le numéro de service canada?", []),
    ("My cousin told me to call 416-555-0142 for help, is that you?", []),
    ("my interview is on May 3 at 10am at 1010 Rue Sainte-Catherine, what should I bring?", []),
    ("the interview is at my place, 22 Birch Road", [(A, "22 Birch Road")]),
    ("le 819-555-0133 c le numéro de mon bureau", [(P, "819-555-0133")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round42_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    if expected:
        assert_finds_exactly(redactor.find, text, expected)
    else:
        assert_unmasked(redactor.find, text)
