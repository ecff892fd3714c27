"""Issue 14, round 50 part C: addresses, postal codes and identifiers, read on heldout44, 48, 51, 101, 103 and 105,
probed with rows written for them (not the sets' lines): classes of writing, not the lines themselves.

- A public office's address with its street's type first, as French writes it ("365, avenue Laurier Ouest")
  (offices._TYPE_FIRST).
- A thing's number after "numéro de la ..." ("numéro de la facture", "de la transaction"): no client's file
  (identifiers' NOT_ID label).
- A postal code said right after to be a government's, a form's example or a famous seat's ("K1A 0B1 no wait thats
  the govt one", "c'est l'exemple du formulaire") stays; the writer's own, said next, is masked (places.disowned_code).
- In a message about a British code ("postcode", "UK", "London"), a code of its shape anywhere, in capitals with its
  blank (places._UK_CODE).
- A body's address said with "their"/"leur"/"its", the body named before it ("l'ambassade ... leur adresse 42 ...");
  people's ("my parents ..., their address") stays masked (offices.body_address).
- A community house named after its people or place ("la Maison d'Haïti, 3245 av. ..."): an organisation's block;
  "la maison de ma tante" is a home (offices._ORG_WORD).
- "PVT" in capitals in a sentence is the working holiday permit, no private road ("IUC 1234 5678, demande PVT ...")
  (places._PVT_PROGRAM).
- Eight digits in one piece after a generic label ("id is 20456789"): the UCI's length, not a date (identifiers).
- Ten digits grouped 2-4-4 as the agency prints a UCI, the first two 00, 01 or 1x, with no phone's word near: a UCI,
  not a phone (identifiers.uci_not_phone).
- An application's letter and office digit, then its digits with blanks anywhere ("W3 0728391546", "W 3 0 1 9 8 7 6 5
  4"), without a label; a signature's "W 613 555 0199" stays a phone (identifiers._APPLICATION_BLANKS).
- A label whose value is already masked labels no other number in the redactor's second look ("is 1 (888) 242-2100
  open? my uci 1031-7726") (scan._OWN_VALUE).
- Words before an address that are not its own: "house" in lower case before the civic number and the street's name,
  a form's line number before a unit ("address line 2 is unit 5B") (places._LEAD_NOT_ADDRESS); the unit given as a
  form's second line is the address's (places._LINE_TWO_UNIT).
- A street named again with its civic number and without its type ("12-340 Dufferin Street ... sent to 340 Dufferin")
  (redactor._street_again).
- A passport's two capitals before six digits after a generic label, the passport named in the message ("Numéro de
  l'ancien : AE 702315"): the passport, no file (identifiers._TWO_CAPITALS_BEFORE).
- A letter, a year and a serial after an application's word ("Reference for the app: P2024-1187745")
  (identifiers._LETTER_AFTER_FILE).
- Six digits right after an address's locality and a comma, a passport word only after them ("..., Chanakyapuri 110021
  right? can I drop my passport there"): the place's code, no passport (identifiers._LOCALITY_BEFORE).
- Where the writer is for the day ("I'm at ... this morning", "je suis au ... aujourd'hui"): a place visited, no home,
  unless the sentence speaks of a home, a move or a delivery (places._VISIT_BEFORE, _VISIT_AFTER, _HOME_WORDS).
- A short reply that corrects a number, the number and correction words alone ("wait no. 87654312. sorry", "non
  pardon c'est 55120983"): eight digits, the UCI's length; not a date, not with any other word
  (identifiers._corrected_fragment).
- A unit added to the address given before, as a reply corrects it ("forgot to add apt 5", "j'ai oublié l'app. 3", "oh
  i forgot, unit 1204") (places._UNIT_ADDED).
- A public office's code on the city's line under its box or street, as a letter's "To:" block writes it ("Case
  Processing Centre\nPO Box 7500\nSydney NS B1P 6C7") (places._OFFICE_TO_CODE).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, Z, C, F = "ADDRESS", "POSTAL_CODE", "CLIENT_ID", "APPLICATION_NUMBER"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a public office's street, its type first
    ("on m'a dit d'aller au 200, boulevard René-Lévesque Ouest pour la biométrie, c'est ouvert samedi?", []),
    ("j'ai vu « 365 avenue Laurier » sur le site, c'est bien l'adresse d'IRCC?", []),
    ("j'habite au 365 rue Laurier Est, Gatineau", [(A, "365 rue Laurier Est")]),
    # a thing's number after "numéro de la ..."
    ("le numéro de la transaction TRX-2025-77120 apparaît sur le relevé", []),
    ("numéro de la commande CMD-2024-55190 pour les photos", []),
    ("numéro de la demande W301234567", [(F, "W301234567")]),
    # a code disowned right after
    ("postal code H0H 0H0? thats the example on the form, mine is T5J 3N9", [(Z, "T5J 3N9")]),
    ("is K1A 0L2 right? no wait that's the federal one i think", []),
    ("mon code postal J8Y 3B2, c'est le code du gouvernement je crois", []),
    ("my code is M5V 2T6, that's my old one", [(Z, "M5V 2T6")]),
    ("postal code R3C 0V8 thats my government job address", [(Z, "R3C 0V8")]),
    # a British code in a message about one
    ("UK address for my sister: flat 2, 18 Mill Lane, Leeds LS6 2QT; her old one was M14 5RT",
     [(A, "flat 2, 18 Mill Lane"), (Z, "LS6 2QT"), (Z, "M14 5RT")]),
    ("my postcode in London was N1 9GU before we moved", [(Z, "N1 9GU")]),
    ("the model B2 4XL is out of stock", []),
    # a body's address said with "their"
    ("le consulat du Maroc m'a appelé, leur adresse c'est 1010 rue Sherbrooke Ouest", []),
    ("the clinic is closed, their address is 220 Main St W. My address is 55 Elm Ave", [(A, "55 Elm Ave")]),
    ("my parents moved, their address is 12 Oak Street, Regina", [(A, "12 Oak Street")]),
    # PVT in capitals
    ("UCI 8765 4321, demande PVT W301234567 envoyée en mai", [(C, "8765 4321"), (F, "W301234567")]),
    ("I live at 45 Riverside Pvt, Ottawa", [(A, "45 Riverside Pvt")]),
    # eight digits after a generic label
    ("sorry wrong box, the id is 30918274", [(C, "30918274")]),
    ("ok the number is 71203394", [(C, "71203394")]),
    ("the number is 20240115 on the receipt stamp", [(F, "20240115")]),
    # 2-4-4 with a leading 0 or 1
    ("10 3344 5521", [(C, "10 3344 5521")]),
    ("any news on my file please 01 2290 4417 thanks", [(C, "01 2290 4417")]),
    ("you can call me at 11 2874 0093 after 5", [("PHONE", "11 2874 0093")]),
    ("my sister in Sydney: 02 9876 5432", [("PHONE", "02 9876 5432")]),
    ("order number 11 2233 4455 for the translation", []),
    # an application's letter and digits with blanks
    ("still nothing for S3 0 4 4 1 2 9 8 7 6, my study permit", [(F, "S3 0 4 4 1 2 9 8 7 6")]),
    ("V 3 0 0 5 5 1 2 8 7 is my visitor record", [(F, "V 3 0 0 5 5 1 2 8 7")]),
    ("waiting on E0 1122334455 since march", [(F, "E0 1122334455")]),
    ("Jane Roe\nW 613 555 0199", [("PERSON", "Jane Roe"), ("PHONE", "613 555 0199")]),
    ("section S 1 2 of the guide", []),
    # a label whose value is masked labels no other number
    ("is 1 (800) 555-0144 open on sundays? also my uci 2210-4471 in case", [(C, "2210-4471")]),
    # words before an address that are not its own
    ("moved last week, house 77 Birch Crescent, Regina", [(A, "77 Birch Crescent")]),
    ("the form says address line 2 is suite 410, line 1 is 88 Bay St", [(A, "suite 410"), (A, "88 Bay St")]),
    ("ligne 2 : app. 5", [(A, "app. 5")]),
    ("my parents live at house 23 road 7 dhanmondi", [(A, "house 23 road 7")]),
    ("their address: House 12, Road 5", [(A, "House 12, Road 5")]),
    # a street named again without its type
    (
        "I live at 5-118 Wellington Street but the courier wrote 118 Wellington and it came back",
        [(A, "5-118 Wellington Street"), (A, "118 Wellington")],
    ),
    # a passport's two capitals before a generic label's digits
    ("she needs a new passport. number of the old one: GK 448120", [("PASSPORT", "GK 448120")]),
    # a letter, a year and a serial after an application's word
    ("my application is X2023-5512098, any news?", [(F, "X2023-5512098")]),
    ("the app is version V2024-12345", []),
    # six digits after a locality, the passport word after them
    ("the embassy is at 2/50-G Shantipath, Chanakyapuri 110021? I need to bring my passport", []),
    ("my passport number is 448120", [("PASSPORT", "448120")]),
    # where the writer is for the day
    ("je suis au 1200 rue Dubois aujourd'hui pour la biométrie, la file est longue", []),
    ("I'm at 318 Albert Street this morning, the line is huge", []),
    ("I'm at 45 Elm Street, I moved today", [(A, "45 Elm Street")]),
    ("I'm at 45 Elm Street today if the courier comes", [(A, "45 Elm Street")]),
    ("we're now at 90 Birch Road", [(A, "90 Birch Road")]),
    # a correcting reply, the number alone
    ("oops sorry. 31190482", [(C, "31190482")]),
    ("non pardon c'est 55120983", [(C, "55120983")]),
    ("oops i mean 4471-2290", [(C, "4471-2290")]),
    ("sorry 20240115", []),
    ("sorry, 87654312 + 2 more pages", []),
    # a unit added as a reply
    ("sorry forgot to add unit 908", [(A, "unit 908")]),
    ("j'ai oublié d'ajouter l'app. 14", [(A, "app. 14")]),
    ("oh i forgot, suite 2200", [(A, "suite 2200")]),
    ("add 2 apt listings to the page", []),
    ("I forgot the appointment at 3 pm", []),
    # a public office's code on the city's line
    ("Sent to:\nIRCC Case Processing Centre\nPO Box 7000\nSydney NS B1P 6V6\nlast week", []),
    (
        "my appointment at the VAC, 100 King St W\nToronto ON M5X 1C9\nmy home is 12 Oak St\nToronto M4C 2B1",
        [(A, "12 Oak St"), (Z, "M4C 2B1")],
    ),
    # a community house
    ("Maison du Québec, 88 rue Principale, ils m'ont aidé avec les formulaires", []),
    ("je suis à la maison de ma tante, 45 rue Papineau, Montréal", [(A, "45 rue Papineau")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round50_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
