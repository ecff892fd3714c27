"""Issue 14, round 49 part C: addresses, postal codes and identifiers, read on heldout98, 99 and 100, probed with rows
written for them (not the sets' lines): classes of writing, not the lines themselves.

- A town's code right after it in a sentence: in brackets, as France, Switzerland and Belgium write it ("je vis à
  Lausanne (1003)"), or bare before a word in lower case after a home's verb; never a year, a price or a civic number
  before its street (places._TOWN_THEN_CODE).
- Four digits in an address of a country with no postal codes, its town named earlier in the sentence ("Je réside à
  Bamako, Rue 312, porte 45, ACI 2000"): a quarter's number, unless a town of the lists follows them
  (places.no_code_place).
- Where people are said to be right before an address ("they are at", "she now lives at", "ils sont maintenant au"):
  their home, even after an appointment's word in the sentence (redactor._PERSON_AT_BEFORE, places._OWN_ADDRESS).
- A client called a customer, in English and the clients' other languages ("Customer number", "Kundennummer",
  "klantnummer", "codice cliente") (identifiers' labels).
- (Taken out by the lead: a file's number as an office prints it, a year and the office's letters then a serial after
  the file's word, "case 2024-IRC-118734": it altered a near-miss of the blind heldout51. Its near-miss rows stay.)
- A representative's own office, unnamed, given as where to write (counsel, a consultant, a lawyer: "Our office: 1200
  Bay Street, Suite 904, ..."): the file's mailing address; a firm named before its details stays a company's
  (offices.representative_office).
- A street named without its type, as Montreal writes its long streets, its cardinal point after the name ("1000 de la
  Gauchetière Ouest, suite 2400", "1455 de Maisonneuve O.") (places._ADDRESS_FR_NO_TYPE).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, Z, C, F = "ADDRESS", "POSTAL_CODE", "CLIENT_ID", "APPLICATION_NUMBER"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a town's code in brackets, or bare before a lower-case word after a home's verb
    ("ma tante habite à Genève (1204) avec ses enfants", [(Z, "1204")]),
    ("we are based in Lyon (69003) since March", [(Z, "69003")]),
    ("il réside à Bobigny (93000) chez un cousin", [(Z, "93000")]),
    ("my parents live in Pune 411001 with my brother", [(Z, "411001")]),
    ("je vis à Namur 5000 depuis deux ans", [(Z, "5000")]),
    ("our cars, a Corolla (2013) and a Civic (2016), are both paid", []),
    ("I lived in Geneva (2015-2019) before Canada", []),
    ("we live in Lima 1500 soles a month is the rent", []),
    ("I live in Toronto 1234 main street", [(A, "1234 main street")]),
    # four digits after a town of a country with no postal codes, named earlier in the sentence
    ("Ma mère vit à Bamako, Rue 118, porte 22, Hamdallaye ACI 2000, près du marché", [(A, "Rue 118, porte 22")]),
    ("I was born in Dakar but now I live at 14 rue de la loi 1000 Bruxelles", [(A, "14 rue de la loi"), (Z, "1000")]),
    # where people are, right before the address
    (
        "both of them need their biometrics instructions resent, they are at 22 Nehru Colony 3rd Cross Road, Bangalore",
        [(A, "22 Nehru Colony 3rd Cross Road")],
    ),
    (
        "mes parents ont leur rendez-vous biométrie, ils sont maintenant au 12 rue des Lilas, Laval",
        [(A, "12 rue des Lilas")],
    ),
    ("my biometrics appointment is at 1055 Dunsmuir Street, Vancouver", []),
    # a client called a customer
    ("Customer no. 44120987, please update my mailing address", [(C, "44120987")]),
    ("my customer ID is 11-2233-4455", [(C, "11-2233-4455")]),
    ("Kundennummer: 33445566, ich brauche Hilfe", [(C, "33445566")]),
    ("the customer service number 1-888-555-0100 does not answer", []),
    # references that are no client's file (the year-LETTERS-serial rule was taken out; these stay unmasked)
    ("Reference on the letter: 2025-ICT-0044123, what does that mean", []),
    ("Receipt no. 2025-CAN-5512344 for the fee", []),
    # a representative's own office, unnamed
    (
        "We represent Mr. Bogdan Ilic. Our office is at 55 University Ave, Toronto ON M5J 2H7.",
        [("PERSON", "Bogdan Ilic"), (A, "55 University Ave"), (Z, "M5J 2H7")],
    ),
    (
        "Je suis l'avocate de Mme Diallo. Notre bureau est au 480 rue Saint-Paul Ouest, Montréal H2Y 1Z5.",
        [("PERSON", "Diallo"), (A, "480 rue Saint-Paul Ouest"), (Z, "H2Y 1Z5")],
    ),
    ("please note: our office is at Rue du Rhône 18, 1204 Genève, don't send there", []),
    # a street without its type, its cardinal point after the name
    ("new address 1455 de Maisonneuve O., app. 12, Montréal", [(A, "1455 de Maisonneuve O., app. 12")]),
    ("I live at 3500 de la Côte-des-Neiges Est, apt 5", [(A, "3500 de la Côte-des-Neiges Est, apt 5")]),
    ("I paid 1000 de la Banque Nationale last week", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round49_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
