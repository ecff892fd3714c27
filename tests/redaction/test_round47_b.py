"""Issue 14, round 47 part B: phones, read on heldout86-90 and heldout92, probed with rows written for them (not the
sets' lines).

- A phone sent in pieces that words join ("06 puis 71 puis 34 ...", "+91 then 98140 then ...", "418 puis 555 puis
  0166", "followed by", a bare "et" / "and" between three pieces or more) after a phone's or a number's word: the pieces together a valid number of some plan (its "+" and country
  code, North America's ten digits, a trunk prefix and a national number, or a national number of the country the
  message names), one span a piece (contact.phone_pieces; worldphones.trunk_number, international_number).
- A form's field naming a person, then the person's name, then the number ("École : ... — Tuteur : Seydou Koné, tél.
  +225 ..."), or a phone's label naming its owner ("Téléphone du parent :"): the person's line, whatever body the
  form named before it (contact._PERSON_FIELD_BEFORE, _PERSONS_PHONE_LABEL_BEFORE; owner_model._OWNER_BEFORE's
  relatives and guardians).
- A number abroad spelled in words with its trunk prefix ("oh seven nine one one, ..."), and "mobile" or "whatsapp"
  as the phone's word (contact.spelled_phones).
- A relative's number in a country or city the message names, without the trunk prefix the matcher wants ("à Kinshasa
  81 234 5678": worldphones._national); more countries of Africa and the Middle East in worldphones.REGIONS and their
  capitals; a city that ends a country's name names it alone ("Brazzaville", "Kinshasa").
- A slash after the country's code or spaced dashes between the groups of an international number, when its plan
  says it is valid ("+243/812345678", "+509 3712 - 4567": contact._PHONE_INTERNATIONAL).
- An e-mail with a comma for the dot before a known host's end ("@gmail,com"), or a Chinese keyboard's full stop
  ("@gmail。com"): contact._EMAIL_COMMA, _EMAIL.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

P, N = "PHONE", "PERSON"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a phone in pieces that words join: a French mobile in pairs, after the number's word
    (
        "le numéro de mon père à Marseille c'est 06 puis 22 puis 48 puis 91 puis 37",
        [(P, "06"), (P, "22"), (P, "48"), (P, "91"), (P, "37")],
    ),
    ("mon numéro c 07 puis 61 puis 80 puis 24 puis 53 dsl le clavier", [(P, "07"), (P, "61"), (P, "80"), (P, "24"), (P, "53")]),
    # ... its country's code with its "+" first
    ("my dad's number in Accra is +233 then 24 then 412 3456", [(P, "+233"), (P, "24"), (P, "412 3456")]),
    ("+221 then 77 then 123 45 67, c'est le cell de ma tante", [(P, "+221"), (P, "77"), (P, "123 45 67")]),
    # ... a North American number after "numéro" alone
    ("mon numéro c 514 puis 555 puis 0143", [(P, "514"), (P, "555"), (P, "0143")]),
    # ... a trunk prefix and a national number (the Philippines, Nigeria)
    ("my sister's mobile is 0917 then 123 then 4567", [(P, "0917"), (P, "123"), (P, "4567")]),
    ("my brother in Lagos, number is 0803 then 123 then 4567", [(P, "0803"), (P, "123"), (P, "4567")]),
    # ... a national number of the country the message names
    (
        "numéro de mon oncle au Cameroun: 6 puis 77 puis 12 puis 34 puis 56",
        [(P, "6"), (P, "77"), (P, "12"), (P, "34"), (P, "56")],
    ),
    ("mi mamá en Guadalajara, su número: 33 luego 2345 luego 6789", [(P, "33"), (P, "2345"), (P, "6789")]),
    # ... dots alone between the pieces: one span
    ("whatsapp de ma tante: +221 77... 123... 45 67", [(P, "+221 77... 123... 45 67")]),
    # ... "followed by", or a bare "et" / "and" between three pieces or more
    ("my number is 0917, followed by 123, followed by 4567", [(P, "0917"), (P, "123"), (P, "4567")]),
    ("mon numéro c 06 et 98 et 45 et 32 et 17", [(P, "06"), (P, "98"), (P, "45"), (P, "32"), (P, "17")]),
    ("the number of applicants grew 2019 and 2020 and 2021", []),
    ("numéro de dossier 2019 et 2020", []),
    # near-misses: amounts, a count, a body's line, pages, no valid number
    ("on a payé 120 puis 340 puis 560 dollars", []),
    ("les numéros des chambres: 06 puis 07 puis 08 puis 09 puis 10", []),
    ("le numéro du MIFI c'est 514 puis 864 puis 9191", []),
    ("the number of days went from 060 then 120 then 180", []),
    ("Le numéro de page 12 puis 34 puis 56 puis 78", []),
    ("le numéro de mon frère c'est 6 puis 77 puis 12 puis 34 puis 56", []),  # no country named: no plan says it
    # a person's field, the name, then the number, after a body's name
    (
        "Relevé de notes : Élève : Fatou Traoré — École : Collège Moderne de Bouaké — Tuteur : Moussa Traoré, tél. "
        "+225 05 44 21 87 63",
        [(N, "Fatou Traoré"), (N, "Moussa Traoré"), (P, "+225 05 44 21 87 63")],
    ),
    (
        "Employer: Kumasi Technical Institute — Emergency contact: Ama Owusu, +233 20 555 1234",
        [(N, "Ama Owusu"), (P, "+233 20 555 1234")],
    ),
    (
        "School: Greenfield Academy, Accra — Guardian: Kwame Asante, phone +233 24 555 7788",
        [(N, "Kwame Asante"), (P, "+233 24 555 7788")],
    ),
    # ... or a phone's label naming its owner
    ("Nom de l'école : Lycée Saint-Exupéry — Téléphone du parent : +243 81 555 2233", [(P, "+243 81 555 2233")]),
    # near-misses: the body's own line, a body's name in the person's field
    ("Ambassade du Sénégal — tél. de l'ambassade : +221 33 889 47 00", []),
    ("Ambassade du Sénégal — Répondant : Église Saint-Paul, tél. +221 33 889 47 00", []),
    ("le numéro du MIFI c'est 514 864-9191", []),
    # a number abroad spelled with its trunk prefix, "mobile" as its word
    (
        "my dad's mobile in the UK is oh seven seven zero zero, nine one one, two three four",
        [(P, "oh seven seven zero zero, nine one one, two three four")],
    ),
    ("the mobile plan costs forty five dollars a month, one two three", []),
    # a relative's number in a country or city the message names, the trunk prefix left out or the country newly listed
    ("mon frère à Kinshasa 81 234 5678", [(P, "81 234 5678")]),
    ("ma soeur à Brazzaville 06 612 34 56", [(P, "06 612 34 56")]),
    ("mon frère au Tchad 66 12 34 56", [(P, "66 12 34 56")]),
    ("my dad in Yemen 77 123 4567", [(P, "77 123 4567")]),
    ("ma tante à Niamey: 96 12 34 56", [(P, "96 12 34 56")]),
    # near-misses: no country named, a count
    ("we were 66 12 34 56 in the list", []),
    ("mon frère au Tchad depuis 2019, il a 3 enfants", []),
    # a slash after the country's code, spaced dashes between the groups (when the plan says the number is valid)
    ("ma mère: +243/812345678", [(P, "+243/812345678")]),
    ("my aunt's whatsapp +509 3712 - 4567", [(P, "+509 3712 - 4567")]),
    ("mon père +221 77 - 123 - 45 - 67", [(P, "+221 77 - 123 - 45 - 67")]),
    ("call +44 7911 123456 - 5 stars service", [(P, "+44 7911 123456")]),
    # near-misses: a score, a date
    ("score +20 - 30 pts", []),
    # an e-mail typed on a phone's keyboard: a comma for the dot before a known host's end, a Chinese keyboard's full stop
    ("e-mail ng.van.an@gmail,com", [("EMAIL", "ng.van.an@gmail,com")]),
    ("mon courriel: awa.diop@yahoo,fr merci", [("EMAIL", "awa.diop@yahoo,fr")]),
    ("e-mail: nguyenthilan@gmail。com", [("EMAIL", "nguyenthilan@gmail。com")]),
    # near-misses: an unknown host, a handle
    ("write jo@company,com", []),
    ("follow us @gmail, com or twitter", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round47_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
