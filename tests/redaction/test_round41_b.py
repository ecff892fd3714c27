"""Issue 14, round 41 part B: the general rules written for the misses and false positives of the contact, address and
identifier types in heldout68, heldout69 and heldout70, probed with sentences written for them (not the sets' lines).
Cards in four groups of four from a card's first digit with no card word right before, in a message that speaks of a
card or a payment (not after a parcel's, an order's, a receipt's or an account's word, nor called an example); an application's or a file's word before any one letter and
nine or ten digits, IRCC's receipt "IRC" and ten digits, a study permit's letter set apart; Switzerland's "natel" and
Turkey's "cep tel" as phone words, and a labelled code that is the head of a longer number; a flat's number after
"Apt" no postal code; a street's part before a building's word; Lebanon's four and four; Colombia's six-digit "CP"; a
label's value already given before a new sentence; a foreign code inside a passport's shape or at an address's head;
a value written twice (a phone locally and with its country's code, an identifier regrouped after "or"); the UCI's
shape after a file's generic word; "à" typed "a" before the town; a contact detail looked up on a body's website or a map, a
line a body does not answer at, the agency's box said "your"; a day and a month no civic number; a door code no postal
code; a move from one address to the next; Vietnam's house and lane before a street with no street word, the house's
number before "Lane"; Iran's "No.", "Kooche" and "Kh."; "CH-" joined to a code on a signature's line; "postal" alone after a town; a
company's signature block (its legal form on a line, its street, code and main line beside the person's cell); Eastern
Europe's street name, type and house; a town, a comma and four to six digits after an address abroad; the old or the
new one after a value the same kind; "c" for "c'est" after a passport word.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order (an empty list: nothing
masked).
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

A, P, Z, PP, C, U, S, N, AN = (
    "ADDRESS",
    "PHONE",
    "POSTAL_CODE",
    "PASSPORT",
    "CREDIT_CARD",
    "CLIENT_ID",
    "SIN",
    "PERSON",
    "APPLICATION_NUMBER",
)

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # four groups of four from a card's first digit, one separator throughout: a card, Luhn or not
    ("we paid thru 5123-9876-0045-1181 yesterday and nothing", [(C, "5123-9876-0045-1181")]),
    ("c'est la Mastercard de ma blonde (5478 2210 9934 0072) qui a payé", [(C, "5478 2210 9934 0072")]),
    ("to pay the fee, ok the whole number then: 4871 0092 3346 1207", [(C, "4871 0092 3346 1207")]),
    # near-miss: the number alone, no card or payment spoken of in the message
    ("4871-0092-3346-1207", []),
    # near-misses: a parcel's, an order's, an account's number; an example; mixed separators; a first digit 1
    ("the courier waybill is 4871 0092 3346 1207, arriving monday", []),
    ("order no. 5478 2210 9934 0072 never shipped", []),
    ("mon compte bancaire 4871 0092 3346 1207 a été débité", []),
    ("4871 0092 3346 1207 is only the sample number printed on the brochure", []),
    ("ref 1871 0092 3346 1207 for the call", []),
    # an application's or a file's word before any one letter and nine or ten digits
    ("my sponsorship application number is Q000812745 still in process", [(AN, "Q000812745")]),
    ("file # K001552093 — any news?", [(AN, "K001552093")]),
    ("numéro de dossier : T0004418275 pour le renouvellement", [(AN, "T0004418275")]),
    ("got charged, the receipt # IRC0047729104 came by mail", [(AN, "IRC0047729104")]),
    ("my work permit app # W 417-229-805, is it approved", [(AN, "W 417-229-805")]),
    # near-misses: "like" an example after the word; a permit's own number
    ("does an application number start with a letter, like Q123456789 or so?", []),
    # phone words: Switzerland's natel, Turkey's "cep tel"; a labelled code that is the head of a longer number
    ("Passeport suisse X7730215. Mon natel: 078 644 21 09.", [(PP, "X7730215"), (P, "078 644 21 09")]),
    ("ev tel yok, cep tel 0542 318 9076 arayin", [(P, "0542 318 9076")]),
    ("İzmir, cep 0505 227 4410 lütfen", [(P, "0505 227 4410")]),
    ("CEP 01310-100, São Paulo", [(Z, "01310-100")]),
    # a flat's number after "Apt" or "Unit" is no postal code
    ("Address: 4410 Fraser St, Apt 2207\nCity: Vancouver", [(A, "4410 Fraser St, Apt 2207")]),
    ("i'm at 77 Princess St, Unit 1502 in Kingston", [(A, "77 Princess St, Unit 1502")]),
    ("we live at 12 Harbour Road, Bondi Beach 2026 now", [(A, "12 Harbour Road"), (Z, "2026")]),
    # a street's part with no number before a building's word; Lebanon's four and four
    (
        "Adresse au Liban : Jbeil, rue du port, immeuble Khoury, 3e étage",
        [(A, "rue du port, immeuble Khoury, 3e étage")],
    ),
    ("code postal 2038 3054 à Zahlé", [(Z, "2038 3054")]),
    ("Beyrouth 1107 2180, c'est mon code", [(Z, "1107 2180")]),
    # Colombia's six digits after "CP"; a label's value given, then a new sentence and a town's code
    ("vivo en Cali CP 760042, gracias", [(Z, "760042")]),
    ("Pasaporte AT 552190. Bogota 110311. gracias", [(PP, "AT 552190"), (Z, "110311")]),
    # a value written twice: locally and with the country's code; an identifier regrouped after "ou"
    (
        "mi número nuevo en Monterrey 81-2245-9930 o +52 1 81 2245 9930 desde Canadá",
        [(P, "81-2245-9930"), (P, "+52 1 81 2245 9930")],
    ),
    ("my UCI is 0087 4412 93 or 0087441293, which one goes in the form", [(U, "0087 4412 93"), (U, "0087441293")]),
    # the UCI's own shape after a file's generic word stays a client ID
    ("on partage le même dossier 22-4418-3307 avec mon frère", [(U, "22-4418-3307")]),
    # near-miss of the card rule: a file's number; the word right after a parcel's
    ("the file number is 5120 4471 0093 2282, please check", [(AN, "5120 4471 0093 2282")]),
    ("the 3371 2209 4418 7731 shipment left Montreal", []),
    # "à" typed without its accent before the town
    ("j'habite au 52, 3e Avenue a Val-d'Or depuis mai", [(A, "52, 3e Avenue")]),
    # a number or an address looked up on a body's website or a map, a line a body does not answer at, "your" box
    ("the consulate in Lagos, their number on the website is +234 9 461 2900, correct?", []),
    ("je vois 3500 boul. Décarie sur google, c'est vous?", []),
    ("J'appelle le consulat depuis lundi, le numéro 022 918 44 00 ne répond jamais.", []),
    ("may I mail the forms to your PO Box 8810 station B?", []),
    ("my cell 438 555 0172 is the one on my profile", [(P, "438 555 0172")]),
    # a date's day and month are no civic number
    ("mon rendez-vous est le 14 juillet et mon AVE expire bientôt", []),
    # a building's door code is no postal code
    ("Adresse : 15 rue des Lilas, 69003 Lyon. Digicode 3371A pour entrer.", [(A, "15 rue des Lilas"), (Z, "69003")]),
    # a move from one address to the next: both the client's
    (
        "on déménage du 1200 rue Fleury app 4 au 8850 boul. Lacordaire le mois prochain, on fait quoi?",
        [(A, "1200 rue Fleury app 4"), (A, "8850 boul. Lacordaire")],
    ),
    # Vietnam: the house and its lane, the street's name with no street word; the house's number before "Lane"
    ("nhà tôi: số 27 ngõ 115 Trần Duy Hưng, Hà Nội", [(A, "số 27 ngõ 115 Trần Duy Hưng")]),
    ("I live at 27 Lane 115 Tran Duy Hung St, Hanoi", [(A, "27 Lane 115 Tran Duy Hung St")]),
    # Iran: the plate's "No.", the alley and the street's "Kh."
    ("Address in Shiraz: No. 9, Kooche Golha, Kh. Zand", [(A, "No. 9, Kooche Golha, Kh. Zand")]),
    # the country's letters joined to a code on a signature's line; "postal" alone after a town
    ("Meilleures salutations,\nJean Dubois\nAvenue de Cour 12\nCH-1007 Lausanne", [(N, "Jean Dubois"), (A, "Avenue de Cour 12"), (Z, "CH-1007")]),
    ("we're in Isfahan postal 8174673441 now", [(Z, "8174673441")]),
    # a company's signature: its street, code and main line are the company's, the person's cell is theirs
    (
        "Merci,\nSophie Tremblay\nTremblay & Associés inc.\n455, boul. René-Lévesque, bureau 900\nMontréal (Qc) H2Z 1Z3\n"
        "T 514 555-0110\nCell. : 514 555-0187",
        [(N, "Sophie Tremblay"), (P, "514 555-0187")],
    ),
    # near-miss: a form's labelled field under a company's line stays (the sets label a contact person's line)
    ("Employer: Harbour Fisheries Inc.\nContact: Tel: 902 555-0164", [(P, "902 555-0164")]),
    # Eastern Europe's order (name, type, house) and the town, a comma and the code after an address abroad
    ("my old address: Ilica ulica 42, Split, 21000 but we left in 2019", [(A, "Ilica ulica 42"), (Z, "21000")]),
    ("адрес: Nevsky st. 28-14, Omsk, 644099. thanks", [(A, "Nevsky st. 28-14"), (Z, "644099")]),
    ("address back home: Av. Belgrano 1450, piso 3, Salta 4400. now in Surrey", [(A, "Av. Belgrano 1450, piso 3"), (Z, "4400")]),
    # near-miss: a year after the town is no code
    ("we lived at 45 Mill Road, Leeds, 2019 and then moved", [(A, "45 Mill Road")]),
    # the old or the new one right after a value: the same kind of thing
    ("nouveau cell : 5817730264 (l'ancien 33-4410-8827 est coupé)", [(P, "5817730264"), (P, "33-4410-8827")]),
    # "c" for "c'est" between a passport word and its number
    ("mon passeport c G041177520 pis mon IUC 8812 4407", [(PP, "G041177520"), (U, "8812 4407")]),
    # a foreign code at an address's head, the street after it
    ("CEP 22071-900, Avenida Atlântica, 1702 apto 501, Rio", [(Z, "22071-900"), (A, "Avenida Atlântica, 1702 apto 501")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round41_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    if expected:
        assert_finds_exactly(redactor.find, text, expected)
    else:
        assert_unmasked(redactor.find, text)
