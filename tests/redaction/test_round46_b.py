"""Issue 14, round 46 part B: addresses and identifiers in documents retyped into the chat, read on heldout83-85,
probed with rows written for them (not the sets' lines).

- A unit with its letter before the civic number ("12B-340 ...", places._CIVIC) and a numbered street with its
  letter ("14567 72A Ave").
- A Quebec or Ontario numbered company ("9123-4567 Québec inc.") is no client's UCI (identifiers._NUMBERED_COMPANY_NEXT).
- A number all of zeros is a form's sample ("passport number AB000000", "SIN 000 000 000": redactor._zeros_only).
- A bank account's number ("A/C No:", "Account:", "titulaire du compte n°") is no application number (NOT_ID).
- A passport's machine-readable zone retyped: the number on its second line (identifiers.mrz_passports).
- An identifier's digits written again in another grouping: the same type (redactor._same_digits_again).
- Lower-case French function words are no words of a street's name ("TS 110, est-ce que mon AVE": places._NOT_STREET_NAME_FR).
- A phone after a person's name in brackets is that person's, whatever firm the brackets follow (redactor._named_line).
- A card "on file" ("au dossier") is a card: not a file's word (identifiers._NOT_CARD_CUE).
- "345 Grande Allée Ouest", "12 Grand-Rue" (places._ADDRESS_GRANDE); Quebec's boards ("la Régie ... (RAMQ), ...") are
  organisations whose address is public (offices._ORG_WORD).
- A flat in a numbered tower or block with no street ("Flat 12B, Tower 4": places._FLAT_TOWER); a lot and its section
  ("Lot 34 Section C": places._PLOT_ALONE).
- A value and its correction after "instead of", "au lieu de", "rather than" (identifiers._CORRECTED_BEFORE).
- A passport spoken of in the sentence before a bare "number", no other document since (identifiers._passport_spoken_of).
- India's flat, building and cross typed in capitals, the area's phase or stage ("JP NAGAR 6TH PHASE": places._PREFIXED_STREET,
  _AREA_NEXT).
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
    ("sur le formulaire le format est 000 000 000 pour le NAS?", []),
    # ... but a number of zeros a client gives as theirs is masked (understanding-test20's stand-in for a file number)
    ("Numero de demande W000000000, je veux pas rater de lettre", [(F, "W000000000")]),
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
    # French function words in lower case are no street's name; a capitalised one is
    ("vol AC 870, est-ce que mon AVE est valide?", []),
    ("Flight TS 212, je veux savoir si ma AVE marche", []),
    ("my aunt lives at 45 Mon Repos Ave, Winnipeg", [(A, "45 Mon Repos Ave")]),
    # a phone after a person's name in brackets, after a firm's name
    ("Locataire de Gestion Immobilière Tremblay (Sylvie Tremblay, 418 555-0177) depuis 2021", [(N, "Sylvie Tremblay"), (P, "418 555-0177")]),
    ("the consulate in Toronto (416-555-0101) never answers", []),
    # a card on file
    ("they have my mastercard on file 5312 4410 9087 2265 for the fees", [("CREDIT_CARD", "5312 4410 9087 2265")]),
    ("the file number 5312 4410 9087 2265 for the fee payment", [(F, "5312 4410 9087 2265")]),
    # a French street whose type follows an adjective
    ("je reste au 870 Grande Allée Est, app. 5", [(A, "870 Grande Allée Est, app. 5")]),
    ("mon adresse : 14 Grand-Rue, Bouillon", [(A, "14 Grand-Rue")]),
    # a Quebec board's address is public
    ("la Régie de l'assurance maladie (RAMQ), 1125, Grande Allée Ouest, Québec, demande un document", []),
    ("la Régie du logement, 5199 rue Sherbrooke Est, a envoyé une lettre", []),
    # a flat in a numbered tower or block
    ("my parents live in Gurugram, Flat 804, Tower 7, Sector 54", [(A, "Flat 804, Tower 7")]),
    ("address: Apt 12, Block D, Al Nahda", [(A, "Apt 12, Block D")]),
    ("the flat 3, block of flats nearby", []),
    # a lot and its section
    ("my sister lives at Lot 58 Section B, Cummings Lodge", [(A, "Lot 58 Section B")]),
    ("we bought lot 12 section B at the cemetery", []),
    # a passport spoken of in the sentence before, no other document since
    ("CBSA took my passport at the airport. number K30018824, when do I get it?", [(PP, "K30018824")]),
    ("my passport is fine. my application number is K30018824", [(F, "K30018824")]),
    # a value and its correction after "instead of", "au lieu de"
    ("on the form I put SIN 046 454 268 instead of 046 454 286", [(S, "046 454 268"), (S, "046 454 286")]),
    ("j'ai mis mon IUC 1122-3344 au lieu de 1122-3345 par erreur", [(C, "1122-3344"), (C, "1122-3345")]),
    ("sorry, I paid 1200 instead of 1500 dollars, wrong amount", []),
    # an Indian address in capitals, its area's phase or stage
    (
        "Address: FLAT 12, SHANTI RESIDENCY, 5TH CROSS, HSR LAYOUT 2ND STAGE\nBENGALURU 560102",
        [(A, "FLAT 12, SHANTI RESIDENCY, 5TH CROSS, HSR LAYOUT 2ND STAGE"), (Z, "560102")],
    ),
    (
        "Flat 9, Green Heights, 2nd Main, BTM Layout 2nd Stage, Bengaluru 560076",
        [(A, "Flat 9, Green Heights, 2nd Main, BTM Layout 2nd Stage"), (Z, "560076")],
    ),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round46_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
