"""Round 46 of issue 14 (part A): names and birth dates in documents retyped into the chat (people.py, dates.py). Each
row was written for its rule, not taken from a set (a probe in the sets' style, its names, places and numbers my own).
The rows compare only the PERSON and DATE_OF_BIRTH spans; most positive rows fail at the round's start (d356125), the
others guard a rule's edge. The near-misses get no PERSON and no DATE_OF_BIRTH span."""

from __future__ import annotations

import pytest
from people_rounds import names_and_dates

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # a passport's machine-readable lines: each word of the names, the birth date's six digits
    # (people._mrz_names, dates._mrz_births)
    (
        "bottom of my passport:\nP<CANTREMBLAY<<JEAN<PAUL<<<<<<<<<<<<<<<<<<<<<\nAB12345674CAN9001015M3001012<<<<<<<<<<<<<<02",
        [("PERSON", "TREMBLAY"), ("PERSON", "JEAN"), ("PERSON", "PAUL"), ("DATE_OF_BIRTH", "900101")],
    ),
    ("P<GBRSMITH<<HOPE<GRACE<<<<<<<<<<<<<<<<<<<<<<<", [("PERSON", "SMITH"), ("PERSON", "HOPE"), ("PERSON", "GRACE")]),
    (
        "ID card:\nI<CANAB1234567<<<<<<<<<<<<<<<<\n8512310F3001012CAN<<<<<<<<<<<4\nNGUYEN<<THI<LAN<<<<<<<<<<<<<<<",
        [("DATE_OF_BIRTH", "851231"), ("PERSON", "NGUYEN"), ("PERSON", "THI"), ("PERSON", "LAN")],
    ),
    # a bilingual month with a two-digit year; the issue and expiry dates stay (dates._DATE, _GAP_BREAK)
    (
        "Surname/Nom: OKAFOR\nDate of birth/Date de naissance: 14 FEB /FEV 88\nSex F  Place of birth: ENUGU NGA\n"
        "Date of issue: 11 JUN /JUIN 21\nDate of expiry: 11 JUN /JUIN 31",
        [("PERSON", "OKAFOR"), ("DATE_OF_BIRTH", "14 FEB /FEV 88")],
    ),
    # Haitian Creole "fèt" and its months
    ("manman m Rose Dorcelus, fèt 3 out 1961, li rete Jacmel", [("PERSON", "Rose Dorcelus"), ("DATE_OF_BIRTH", "3 out 1961")]),
    # a parent's word alone before the second date
    ("visitor visa for my parents, mom's DOB 1958-02-11 dad 1955-10-30", [("DATE_OF_BIRTH", "1958-02-11"), ("DATE_OF_BIRTH", "1955-10-30")]),
    # the birth date said wrong "in your system", then what it shows and what it should be
    (
        "My date of birth is wrong in your system. It shows 03/08/1992 but should be 08/03/1992.",
        [("DATE_OF_BIRTH", "03/08/1992"), ("DATE_OF_BIRTH", "08/03/1992")],
    ),
    # a record after a colon: name / date / passport (dates._RECORD_NAME_OPENING)
    ("details: Lucia Fernanda Ortiz / 4-Oct-1991 / pasaporte 123456789", [("PERSON", "Lucia Fernanda Ortiz"), ("DATE_OF_BIRTH", "4-Oct-1991")]),
    # a statement's couple in capitals (people._SHOUTED_GIVEN_AND_BEFORE)
    ("Statement:\nLINDA & MARK VAN DER BERG\n12 Oak St", [("PERSON", "LINDA"), ("PERSON", "MARK VAN DER BERG")]),
    # a number's label in capitals is no part of the name
    ("my name is Amaka Obi UCI 1122-3345. thanks", [("PERSON", "Amaka Obi")]),
    # a passport's given names apart by commas, each a name
    ("Nom: DURAND\nPrénoms: Julie, Anne\nNationalité: Française", [("PERSON", "DURAND"), ("PERSON", "Julie"), ("PERSON", "Anne")]),
    # a money transfer's sender
    ("Interac e-Transfer from AMA MENSAH to you, can I use it as proof?", [("PERSON", "AMA MENSAH")]),
    ("virement de Marie Dubois reçu hier", [("PERSON", "Marie Dubois")]),
    # a verb and its object after the family name
    ("Mon patron M. Lavoie garde mon passeport depuis mars", [("PERSON", "Lavoie")]),
    # a wedding's date before the spouse's birth label: not a birth date (dates._EVENT_JUST_BEFORE)
    ("married Feb 14 2024 to Samuel Otieno (dob 1990-05-05)", [("PERSON", "Samuel Otieno"), ("DATE_OF_BIRTH", "1990-05-05")]),
    # a shop named "Chez" someone: the owner's signature stays a name
    ("Employeur: Restaurant Chez Marcel, Laval\nSignature: Marcel Pelletier", [("PERSON", "Marcel Pelletier")]),
]

NEAR_MISSES: list[str] = [
    # a college, not a sender
    "i want to transfer from George Brown to Centennial, do i need to tell IRCC?",
    "I got a payment from George Brown for tuition refund",
    # a passport's issue and expiry dates after the place of birth
    "Place of birth: LAGOS NGA\nDate of issue: 03 MAY /MAI 22\nDate of expiry: 03 MAY /MAI 32",
    "Lieu de naissance: DAKAR\nDate d'expiration: 14 JUIN/JUN 2029",
    # filler characters that are no machine-readable line
    "tracking 123456789012<<<<",
    # capitals joined by "&": firms
    "JOHNSON & JOHNSON INC",
    "BLACK & DECKER TOOLS LTD",
    # Creole and English words that are months only with a day and a year after a birth word
    "I want to come out 12 me 1990",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_exactly_the_expected_names_and_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_dates(text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_gets_no_name_nor_birth_date(text: str) -> None:
    assert names_and_dates(text) == []
