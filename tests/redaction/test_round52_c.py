"""Issue 14, round 52 part C: addresses, postal codes and identifiers, read on heldout109, 110, 114, 115 and 117, probed
with rows written for them (not the sets' lines): classes of writing, not the lines themselves.

- A town's or the state's office named right before its address, where one marries or files: a city hall, an "hôtel de
  ville", a courthouse or "palais de justice", a tax centre or "centre fiscal", a civil registry ("registro civil",
  "état civil", "cartório") (places._PUBLIC_PLACE).
- Four digits after an address that a street's words follow are the next address's civic number, no postal code ("...
  app 6, new 5120 av. Papineau") (places._codes_after_addresses).
- The basement after the street right before its postal code ("812 Keele St basement M6N 3E1"), "bsmt" too
  (places._UNIT_AFTER).
- The floor's ordinal before the civic number with no comma ("3rd floor 1200 Portage Ave"); a flat's number and letter
  before it as Lagos writes it ("4C 22 Awolowo Rd") (places._UNIT_BEFORE).
- A postal code in lower case or glued after the town is no word of the street ("1450 portage ave winnipeg r3g0w4")
  (places._NOT_CITY_LAST, _NOT_POSTAL_HALF).
- A UCI after "its" its label ("my UCI its 0033-4471-90", the "00" no phone's exit code there)
  (identifiers._UCI_LABEL_RIGHT_BEFORE), and typed again after "wait no" (identifiers.uci_corrected_phone,
  identifiers._CORRECTED).
- Ten digits alone, the first two 10 or 11, no North American area code: a UCI typed as a reply; not a counted
  placeholder ("1012345678") (identifiers._UCI_TEN_ALONE).
- A label after a number that "n°" gives its own number does not claim the first ("passeport marocain n° 887412309,
  dossier n° W301128874") (scan._OWN_VALUE).
- An area and its number before the villa with no comma ("Grand Yoff 3 villa n° 1188") (places._AREA_VILLA); Abidjan's
  commune before its quarter and the street ("Yopougon Selmer 2, rue des Palmiers lot 55")
  (places._COMMUNE_BEFORE_ROAD).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, Z, C, F, P = "ADDRESS", "POSTAL_CODE", "CLIENT_ID", "APPLICATION_NUMBER", "PASSPORT"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a town's or the state's office named right before its address
    ("we got married at Toronto City Hall, 100 Queen St W. do I need the long form?", []),
    ("le certificat vient de l'hôtel de ville de Laval, 1 place du Souvenir, il est bon pour IRCC", []),
    ("I mailed the T1 to the Winnipeg tax centre, 66 Stapon Rd last month", []),
    ("on a signé au palais de justice de Montréal, 1 rue Notre-Dame Est, avec deux témoins", []),
    ("the courthouse, 361 University Ave, gave us the certificate", []),
    ("nos casamos en el registro civil de Monterrey, Calle Zaragoza 1000, sirve para IRCC", []),
    ("le certificat du Directeur de l'état civil, 2050 rue de Bleury, est arrivé", []),
    ("tirei a certidão no cartório de Campinas, Rua XV de Novembro 120, serve", []),
    ("j'ai changé mon état civil et j'habite au 12 rue Jarry", [(A, "12 rue Jarry")]),
    ("my new address is 44 Hall St, Hamilton", [(A, "44 Hall St")]),
    # a postal code's digits that open the next address: a civic number
    (
        "old 220 rue Papineau app 3, new 5120 av. Papineau, H2H 1W1",
        [(A, "220 rue Papineau app 3"), (A, "5120 av. Papineau"), (Z, "H2H 1W1")],
    ),
    # the basement before its postal code
    ("moved to 812 Keele St basement M6N 3E1 last week", [(A, "812 Keele St basement"), (Z, "M6N 3E1")]),
    ("je reste au 77 rue Jarry sous-sol H2P 1S6", [(A, "77 rue Jarry sous-sol"), (Z, "H2P 1S6")]),
    ("new place 19 Oak Ave bsmt L4T 2K9 from may", [(A, "19 Oak Ave bsmt"), (Z, "L4T 2K9")]),
    ("the basement M6N was flooded", []),
    # the floor's ordinal before the civic number, no comma
    ("send it to 3rd floor 1200 Portage Ave, Winnipeg", [(A, "3rd floor 1200 Portage Ave")]),
    ("mon bureau: 2e étage 455 rue King Ouest", [(A, "2e étage 455 rue King Ouest")]),
    ("she lives on the 2nd floor now", []),
    # a flat's number and letter before the civic number
    ("Chidi Okafor, 4C 22 Awolowo Rd, Ikoyi, Lagos", [("PERSON", "Chidi Okafor"), (A, "4C 22 Awolowo Rd")]),
    ("I bought 2B 12 pencils", []),
    # a postal code in lower case or glued after the town: not a word of the street
    (
        "new address 3 - 221 pembina hwy winnipeg r3t2h5 from june",
        [(A, "3 - 221 pembina hwy"), (Z, "r3t2h5")],
    ),
    ("my address is 5 elm st halifax b3h 1a1", [(A, "5 elm st"), (Z, "b3h 1a1")]),
    # a UCI after "its" its label, and typed again to correct it
    ("my UCI its 0033-4471-90", [(C, "0033-4471-90")]),
    ("uci its 0061-2290-44 wait no 0061229045", [(C, "0061-2290-44"), (C, "0061229045")]),
    ("uci its 0061-2290-44 and my wife 0061 2290 45", [(C, "0061-2290-44"), ("PHONE", "0061 2290 45")]),
    ("my uci is 1123-9908-45, call me at 416 555 0198", [(C, "1123-9908-45"), ("PHONE", "416 555 0198")]),
    # ten digits alone, the first 1: a UCI typed as a reply
    ("1187730452", [(C, "1187730452")]),
    ("1187730452.", [(C, "1187730452")]),
    ("4165550198", [("PHONE", "4165550198")]),
    ("1012345678", []),
    ("1398204471", []),
    # a passport's number after its nationality, a file's label after it with its own number
    ("son passeport marocain n° 887412309, dossier n° W301128874", [(P, "887412309"), (F, "W301128874")]),
    # an area and its number before the villa, no comma; a commune and its quarter before the street
    ("ma soeur habite Grand Yoff 3 villa n° 1188", [(A, "Grand Yoff 3 villa n° 1188")]),
    (
        "j'habite Yopougon Selmer 2, rue des Palmiers lot 55",
        [(A, "Yopougon Selmer 2, rue des Palmiers lot 55")],
    ),
    ("Hotel Riviera 3 villa 12 was booked for the wedding", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round52_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
