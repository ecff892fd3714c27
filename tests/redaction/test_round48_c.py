"""Issue 14, round 48 part C: addresses, postal codes and identifiers, read on heldout91, 95 and 97, probed with rows
written for them (not the sets' lines): classes of writing, not the lines themselves.

- "Number" cut short any way after a file's, an application's or a client's word ("file nbr", "app num", "case nb",
  "client nbr"), and the bare word "client" right before its number, as a file's header writes it (identifiers'
  labels): also what makes a value broken over line breaks after such a label one value (pieces).
- A form's sample: the agency's zeros, then digits counting up from 1 ("E001234567"), with a word that says it is an
  example, after an elided article too ("l'exemple") (redactor._zeros_only).
- Four digits after the street, before a town typed in lower case (Switzerland's, Belgium's, Norway's... code), the
  town of the lists or the address's last word (places._FOUR_BEFORE_LOWER_TOWN).
- A street given its civic number before it and four digits after its name: the code, not a second civic number
  ("27 rue du marché aux herbes 1000"); not a flat's number after its word (places._CIVIC_BEFORE_TYPE).
- A town of the lists typed after a street that is named already, no comma, the address's last word ("145 rue
  principale saint-jérôme", "12 Main Street Truro"); not the street's own name ("rue Saint-Hyacinthe", "Chem.
  Sainte-Foy"), nor a name after a particle ("rue de Lyon") (places._TOWN_LAST).
- Four digits right before a town of a country that has no postal codes (Mali, Cameroon, Côte d'Ivoire, the Congos,
  the Gulf...): a quarter's number, no code, the tagger's too (places.NO_CODE_TOWN_NEXT, redactor).
- An office said to be at a civic number whose street no rule reads ("the VAC at 1055 Dunsmuir"): its postal code,
  asked about or in its sentence, is the office's, unless the code or an address is said to be the client's
  (places._office_at_code).
- A client's number after Spanish's and Portuguese's words ("número de cliente", "cliente 1122..."); a Canadian code's
  halves parted by a dot or a slash.
- A civic number said in words with the street's name in lower case, as voice-to-text types it, after a home's or a
  move's word; not a count of minutes, blocks or miles (places._ADDRESS_SAID_LOWER).
- An application number's groups parted by dots ("W307.551.208") (identifiers._APPLICATION).
- An address broken over a line after any home's word or a label misspelt or in another language, the break after the
  civic number, inside the street's words before its type, or after a French type (redactor._ADDRESS_NUMBER_BREAK).
- A postal code's label in the clients' other languages (PLZ, CAP, kod pocztowy, почтовый индекс, postnummer, posta
  kodu, mã bưu chính, PSČ, 우편번호, 邮编), and their shapes: the Netherlands' "3511 LX" (not a Swiss canton's letters),
  Poland's "31-042", Sweden's and Czechia's "411 06" (places._POSTAL_LABEL, _POSTAL_LABELLED).
- The home's word in the clients' other languages before an address ("domicilio", "domicile", "morada", "Anschrift",
  "indirizzo", "adres"), and after any address's label a street's name first and its number after with no type ("Las
  Acacias 318"), not a unit's or an area's word with its number, nor a year (places._ADDRESS_LABELLED).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, Z, C, F = "ADDRESS", "POSTAL_CODE", "CLIENT_ID", "APPLICATION_NUMBER"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # "number" cut short; a value broken over lines after it
    ("hi, case nbr is\n\nB001\n448\n273", [(F, "B001\n448\n273")]),
    ("app num: V301 667 812, still waiting", [(F, "V301 667 812")]),
    ("numéro de demande\nX000\n512\n904", [(F, "X000\n512\n904")]),
    ("my client nbr 22-6104-3398 is on the letter", [(C, "22-6104-3398")]),
    # the bare word "client" before its number
    ("Dossier W000318274 / client 8812004471 / merci", [(F, "W000318274"), (C, "8812004471")]),
    ("Client : 33170982 (mon fils)", [(C, "33170982")]),
    ("the client 2 of 5 in the queue got served", []),
    ("I have been a client for 12 years", []),
    # a form's sample
    ("the example in the guide says W001234567, is that the format?", []),
    ("sur l'exemple du formulaire ils mettent F000123456 mais le mien commence par W", []),
    ("my study permit application is F000123457", [(F, "F000123457")]),
    # four digits before a town in lower case
    ("we moved to 8 chemin du lac 1095 lutry, my husband too", [(A, "8 chemin du lac"), (Z, "1095")]),
    ("my address is 41 Storgata 0184 oslo", [(A, "41 Storgata"), (Z, "0184")]),
    ("ma mère: 3 avenue de la couronne 1050 ixelles", [(A, "3 avenue de la couronne"), (Z, "1050")]),
    ("new address 9 rue des fleurs 4020 liege.", [(A, "9 rue des fleurs"), (Z, "4020")]),
    ("we rent at 45 Main Street 2000 dollars a month for a basement", [(A, "45 Main Street")]),
    # a code after a street that has its civic number
    ("adresse a anvers: 14 rue de la loi 2000", [(A, "14 rue de la loi"), (Z, "2000")]),
    ("mon adresse 77 ch. des Érables app 1104", [(A, "77 ch. des Érables app 1104")]),
    ("rue Royale 118, 1000 Bruxelles", [(A, "rue Royale 118"), (Z, "1000")]),
    # a town of the lists after the named street, no comma
    ("je demeure au 610 rue principale shediac", [(A, "610 rue principale")]),
    ("I live at 27 Prince Street Truro.", [(A, "27 Prince Street")]),
    ("mon adresse: 300 rang Saint-Joseph Saint-Hyacinthe J2T 4L5", [(A, "300 rang Saint-Joseph"), (Z, "J2T 4L5")]),
    ("I live at 12 rue Saint-Hyacinthe", [(A, "12 rue Saint-Hyacinthe")]),
    ("My address is 3-880 Chem. Sainte-Foy, Quebec G1S 2L3", [(A, "3-880 Chem. Sainte-Foy"), (Z, "G1S 2L3")]),
    ("j'habite au 80 rue de Lyon", [(A, "80 rue de Lyon")]),
    # four digits before a town of a country with no postal codes: a quarter's number
    ("ma soeur habite rue 412, porte 18, Magnambougou 1008 Logements, Bamako", [(A, "rue 412, porte 18")]),
    ("mon adresse: rue 14, porte 22, Cité 2000, Abidjan", [(A, "rue 14, porte 22")]),
    ("I live at 12 rue de carouge, 1205 Genève", [(A, "12 rue de carouge"), (Z, "1205")]),
    # an office at a civic number no rule reads as a street: its code asked about
    ("is the VAC at 1055 Dunsmuir still there? the postal code V7X 1L3 right?", []),
    ("le bureau de Service Canada au 1550 d'Estimauville, code postal G1J 0C4?", []),
    ("the office at 25 King lost my file. postal code H7N 2K1", [(Z, "H7N 2K1")]),
    ("I went to the office at 25 King today. my postal code is M5X 1C9", [(Z, "M5X 1C9")]),
    # a client's number under Spanish's or Portuguese's words; a Canadian code's halves parted by a dot
    ("mi número de cliente es 8844120937, gracias", [(C, "8844120937")]),
    ("o número do cliente: 33-7710-2290", [(C, "33-7710-2290")]),
    ("postal code J4K.2T9 for the new place", [(Z, "J4K.2T9")]),
    # a civic number said in words, the street's name in lower case, after a home's word
    ("hi my address is sixty two birch crescent", [(A, "sixty two birch crescent")]),
    ("we moved to one forty four cedar rd apt two", [(A, "one forty four cedar rd apt two")]),
    ("on a déménagé au deux cent dix rue des pins", [(A, "deux cent dix rue des pins")]),
    ("she lives twenty five minutes off main road", []),
    ("j'habite à deux pas de la rue principale", []),
    # an application number's groups parted by dots
    ("my work permit app V301.448.927 was sent in may", [(F, "V301.448.927")]),
    ("demande e.002.118.450 toujours en traitement", [(F, "e.002.118.450")]),
    ("the app is at version 3.0.1 on my phone", []),
    # an address broken over a line after any home's word, inside the street's words too
    ("we live at 4410\nWillow Drive, Red Deer", [(A, "4410\nWillow Drive")]),
    ("new adress 19 Spruce\nCourt, Moncton", [(A, "19 Spruce\nCourt")]),
    ("je demeure au 2250 ch.\nSainte-Foy", [(A, "2250 ch.\nSainte-Foy")]),
    ("I live at 12 Elm St\nPhone 514 555 0199", [(A, "12 Elm St"), ("PHONE", "514 555 0199")]),
    # a postal code's label in the clients' other languages, and their countries' shapes
    ("meine PLZ ist 80331, Wohnung in München", [(Z, "80331")]),
    ("il CAP di mia madre: 20121", [(Z, "20121")]),
    ("kod pocztowy 31-042 Kraków", [(Z, "31-042")]),
    ("почтовый индекс 630099", [(Z, "630099")]),
    ("postnummer 411 06 Göteborg", [(Z, "411 06")]),
    ("onze postcode is 3511 LX", [(Z, "3511 LX")]),
    ("우편번호 04524", [(Z, "04524")]),
    ("the CAP 2024 results are out", []),
    ("postal code 1201 GE, is that enough?", [(Z, "1201")]),
    # the home's word in the clients' other languages; a street's name first, its number after, no type
    ("domicilio: Las Acacias 318, Temuco", [(A, "Las Acacias 318")]),
    ("mon domicile : 9 Les Peupliers, Wavre", [(A, "9 Les Peupliers")]),
    ("Anschrift: Rosenhof 12, 8004 Zürich", [(A, "Rosenhof 12"), (Z, "8004")]),
    ("my address is Toronto 2024, before that Ottawa", []),
    (
        "New address: Flat No. 18, Green Park Residency, Plot 4, Sector 9, Vashi",
        [(A, "Flat No. 18, Green Park Residency, Plot 4, Sector 9")],
    ),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round48_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
