"""Issue 14, round 40 part B: the general rules written for the misses and false positives of the contact, address and
identifier types in heldout66, heldout67 and the training-only sets written1-5, probed with sentences written for them
(not the sets' lines). A client's number right after the client's name (a UCI, not a Canadian phone); postal codes
abroad by their label's shape (Portugal, Brazil's CEP with its dot or in one piece, Chile's seven digits, "zona
postal", "CP 7500011"), Portugal's code before its town, a code between a town and a country; phones with the trunk
0 in brackets after the country's code, padded as a form's field, a bracketed country code before a number of the
North American shape, ten digits with a Canadian area code whatever the exchange, a slash after the trunk and area
with the rest in one run; a passport or SIN corrected by another number altogether; a card after "charge ... to";
an address's civic number or unit word at the end of its label's line; a street not read across "et non"; the town
after "à" cut off; a time's minutes no civic number; a month's dot before a date's day; the floor and door of Spain,
Portugal and Latin America ("2.º esq.", "bajo B", "e/ 8 y 10", '"C"'); Indonesia's "Jalan ... No." ("Jl." stays the
address tagger's) and "RT/RW";
Malaysia's "No" and "Kampung"; Vietnam's "Số" in, "TP.HCM" out; the body greeted ("Dear IRCC,") not the owner of the
address after it; a box's postal station; "my CP is"; a trunk 0 and 10-12 digits after "numéro"; Venezuela's street,
building and flat; a code between a town and a state before the country; near-misses: a parcel's numbers, a
driver's licence with its country's adjective, a diplomatic post's line; a passport of three letters and six digits
or of France's shape after "number"; Ghana's digital address with no label; a value regrouped and said to be the real
one; a table's cells under its header's kinds; a lawyer's role after her name in a signature; "celui de" a relative,
named, the same thing as the value before. Each row: the text and the exact (type, value) spans the whole redactor
must give, in order (an empty list: nothing masked).
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

A, P, Z, PP, C, U, S, N, D, AN = (
    "ADDRESS",
    "PHONE",
    "POSTAL_CODE",
    "PASSPORT",
    "CREDIT_CARD",
    "CLIENT_ID",
    "SIN",
    "PERSON",
    "DATE_OF_BIRTH",
    "APPLICATION_NUMBER",
)

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a bare number right after the client's name: the UCI (eight digits, or ten without a Canadian area code)
    ("Objet : Marie Tremblay — 41752093\nMerci de me répondre.", [(N, "Marie Tremblay"), (U, "41752093")]),
    (
        "STILL NOTHING?? Ahmed Hassan 2958306614 since March, this is unacceptable",
        [(N, "Ahmed Hassan"), (U, "2958306614")],
    ),
    ("Re: Ahmed Hassan, 2958306614 - still no news", [(N, "Ahmed Hassan"), (U, "2958306614")]),
    # near-misses: a Canadian area code, a trunk 0 (phones), eight digits that read as a date
    ("please call Ahmed Hassan 4385550172 tomorrow", [(N, "Ahmed Hassan"), (P, "4385550172")]),
    ("my cousin Jose Reyes 0917 482 3391 is in Manila", [(N, "Jose Reyes"), (P, "0917 482 3391")]),
    ("client Marie Tremblay, 12071988, asked about her file", [(N, "Marie Tremblay")]),
    # postal codes abroad
    ("código postal 1100-148, Lisboa", [(Z, "1100-148")]),
    ("CEP: 04.538-132 São Paulo", [(Z, "04.538-132")]),
    ("endereço: Rua do Sol 80, CEP 30140071 Belo Horizonte", [(A, "Rua do Sol 80"), (Z, "30140071")]),
    ("zona postal 1060 Caracas", [(Z, "1060")]),
    ("dirección: Av. Providencia 1208, CP 7500011, Santiago", [(A, "Av. Providencia 1208"), (Z, "7500011")]),
    ("Rua das Flores, 20\n4050-262 Porto\nPortugal", [(A, "Rua das Flores, 20"), (Z, "4050-262")]),
    ("my address: Jalan Pemuda 14, Surabaya, 60271, Indonesia", [(A, "Jalan Pemuda 14"), (Z, "60271")]),
    # near-misses: a unit and its civic number before a street; a year between a town and a country
    ("Apt 3, 1507-220 Elm St, Regina", [(A, "Apt 3, 1507-220 Elm St")]),
    ("we stayed in Jakarta, 2019, Indonesia was hot", []),
    # phones
    ("Her phone: +38 (050) 412-77-31", [(P, "+38 (050) 412-77-31")]),
    ("Tel :  ( 613 )  555 0143", [(P, "( 613 )  555 0143")]),
    ("cell: 613 -  555 - 0143", [(P, "613 -  555 - 0143")]),
    ("tel : (+52) 331-845-2290", [(P, "(+52) 331-845-2290")]),
    ("utilisez plutôt le 4381004477 svp", [(P, "4381004477")]),
    ("my number 6131002233 works now", [(P, "6131002233")]),
    ("mon tel 01/445566 le soir", [(P, "01/445566")]),
    ("Tél : 04/782211", [(P, "04/782211")]),
    # near-misses: North America has no trunk 0 ("+1 (000) ..." a placeholder); a slash with no phone word
    ("my dad got a call from +1 (000) 000-0000 about a debt", []),
    ("the ratio was 03/637595 last year", []),
    # a value corrected by another number altogether: the first one's kind
    (
        "passport no 8821 440192, sorry I typed it wrong, the correct one is 5530 918274",
        [(PP, "8821 440192"), (PP, "5530 918274")],
    ),
    ("mon NAS 812 554 903, je me suis trompée, c'est 640-118-257", [(S, "812 554 903"), (S, "640-118-257")]),
    # a card after what is charged to it
    ("please charge the fees to 6011 4820 9913 7745 thanks", [(C, "6011 4820 9913 7745")]),
    ("charge it to my account in 2024 please", []),
    # an address's civic number (or unit word) at the end of its label's line
    ("Address: 4417\nMaple Cres\nRegina, SK\nS4S 6H2", [(A, "4417\nMaple Cres"), (Z, "S4S 6H2")]),
    ("Adresse : 218,\nboul. René-Lévesque Est\nMontréal", [(A, "218,\nboul. René-Lévesque Est")]),
    ("Address: 12\nyears there now", []),
    # a street is not read across a correction, nor into the town after "à", nor from a time's minutes
    (
        "je demeure au 45, rue Principale et non 47, rue Principale",
        [(A, "45, rue Principale"), (A, "47, rue Principale")],
    ),
    ("j'habite au 3300 boul. des Forges à Trois-Rivières depuis mai", [(A, "3300 boul. des Forges")]),
    ("rendez-vous à 9 h 15 au Centre Service Canada de la rue Wellington", []),
    ("we met at 10 h 45 au 200 boulevard Saint-Joseph", [(A, "200 boulevard Saint-Joseph")]),
    # a month's abbreviation and its dot before the day: a date, no application's number
    (
        "my mother (DOB Oct. 4 1952) and application W 512 774 903",
        [(D, "Oct. 4 1952"), (AN, "W 512 774 903")],
    ),
    # the floor and door after the number
    ("Rua do Carmo, 45, 3.º dto, 1200-093 Lisboa", [(A, "Rua do Carmo, 45, 3.º dto"), (Z, "1200-093")]),
    ("Calle Mayor 12, bajo B, Madrid", [(A, "Calle Mayor 12, bajo B")]),
    ("Calle 19 No. 304, apto 2 e/ 8 y 10, Vedado", [(A, "Calle 19 No. 304, apto 2 e/ 8 y 10")]),
    ('Av. Santa Fe 3120, piso 5 "C", Buenos Aires', [(A, 'Av. Santa Fe 3120, piso 5 "C"')]),
    # South-East Asia
    (
        "Alamat saya Jalan Kenanga Gg. 5 No. 112, Jakarta, 16620, Indonesia",
        [(A, "Jalan Kenanga Gg. 5 No. 112"), (Z, "16620")],
    ),
    ("mon adresse : Jalan Merpati No.8, Bandung", [(A, "Jalan Merpati No.8")]),
    (
        "my new address is No 12 Lorong Cempaka 3, Kampung Sungai Buloh Kuala Lumpur 47000",
        [(A, "No 12 Lorong Cempaka 3, Kampung Sungai Buloh"), (Z, "47000")],
    ),
    ("adresse au Vietnam : Số 15 Lê Lợi, Phường 4, TP.HCM", [(A, "Số 15 Lê Lợi, Phường 4")]),
    ("my address in VN is So 9 ngo 12 Hang Bong TP.HCM, Vietnam", [(A, "So 9 ngo 12 Hang Bong")]),
    # the body greeted is the one written to, not the address's owner
    (
        "Dear IRCC, mailing address: PO Box 3310, Halifax NS B3J 3J5 thank you",
        [(A, "PO Box 3310"), (Z, "B3J 3J5")],
    ),
    # a box's postal station with no comma; Portugal's "n.º" before the number
    ("écrivez-moi au C.P. 4120 succ. Place-d'Armes, Montréal", [(A, "C.P. 4120 succ. Place-d'Armes")]),
    ("Avenida da Boavista, n.º 212, 4.º esq., Porto", [(A, "Avenida da Boavista, n.º 212, 4.º esq.")]),
    # "my CP is" any code's shape; a trunk 0 and 12 digits after "numéro": a phone
    ("my CP is 1249-071, ok?", [(Z, "1249-071")]),
    ("son numéro 081234567890 svp", [(P, "081234567890")]),
    # Venezuela: the street, the building, the flat; a code between a town and the state before the country
    (
        "Urb. El Valle, calle Sucre, Edif. Las Palmas, apto 3-B, Caracas",
        [(A, "Urb. El Valle, calle Sucre, Edif. Las Palmas, apto 3-B")],
    ),
    ("adresse: Quinta Los Pinos, El Hatillo, 1083, Miranda, Venezuela", [(Z, "1083")]),
    # near-misses: a parcel's four groups of three, a parcel's sixteen digits (Luhn-valid), a driver's licence with
    # its country's adjective, a diplomatic post's number found or not answering (a relative there keeps hers)
    ("mon numéro de suivi est 046 454 286 117", []),
    ("my SIN is 046 454 286, thanks", [(S, "046 454 286")]),
    ("parcel tracking 4532015112830366 shows delivered", []),
    ("mon numéro de permis de conduire marocain est 7731904, valide au Canada?", []),
    ("The high commission number I found is +91 11 4178 2000, is it right?", []),
    ("my brother at the consulate doesn't answer at +33 6 12 34 56 78", [(P, "+33 6 12 34 56 78")]),
    # a passport's shapes after a generic "number": three letters and six digits, France's 2-2-5
    ("Got my passport renewed, the new number is KXR418220 since May", [(PP, "KXR418220")]),
    ("salut j'ai perdu mon passeport en Espagne!! numéro 18CV44021. aide svp", [(PP, "18CV44021")]),
    # Ghana's digital address with no label, in a message that names one of its cities
    ("send it to P.O. Box 118, Tema GT-004-2251 please", [(A, "P.O. Box 118"), (Z, "GT-004-2251")]),
    # the same digits regrouped, said to be the real ones
    (
        "i accidentally put my sin as 4620 37 118 on the form, the real one is 462 037 118",
        [(S, "4620 37 118"), (S, "462 037 118")],
    ),
    # a table pasted with its header: each cell of its column's kind, whatever its shape says
    (
        "Dossier | IUC | Passeport\nE123456789 | 31228845 | AB123456\nE123456790 | 31228846 | AB654321",
        [
            (AN, "E123456789"),
            (U, "31228845"),
            (PP, "AB123456"),
            (AN, "E123456790"),
            (U, "31228846"),
            (PP, "AB654321"),
        ],
    ),
    ("uci\tpassport\n21004567\tFP120034", [(U, "21004567"), (PP, "FP120034")]),
    # a person's role after the name in a signature is no organisation; a firm's name stays one
    (
        "Merci de votre aide. Me Julie Gagnon, avocate, 1-819-555-0142",
        [(N, "Julie Gagnon"), (P, "1-819-555-0142")],
    ),
    ("Cabinet Roy avocats, 514-555-0100", []),
    # a generic word alone names no body (test_patterns_properties' filler found it)
    ("SERVICES 200-200-0000", [(P, "200-200-0000")]),
    # "celui de" a relative, named or not: the same thing as the value before, whatever its shape
    (
        "Mon passeport est le 31FD22817 et celui de ma femme Sofia Haddad c'est 881204937, merci",
        [(PP, "31FD22817"), (N, "Sofia Haddad"), (PP, "881204937")],
    ),
    # near-miss: a sentence's commas are no header
    ("I have uci, passport, and sin numbers\nthe office said 3 weeks, maybe 4, ok", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round40_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    if expected:
        assert_finds_exactly(redactor.find, text, expected)
    else:
        assert_unmasked(redactor.find, text)
