"""Round 44 of issue 14 (part A): names and birth dates (people.py, dates.py, gazetteer.py, vocabulary.py). Each row was
written for its rule, not taken from a set (a probe in the sets' style, its names, places and numbers my own, most names
in no list). The rows compare only the PERSON and DATE_OF_BIRTH spans (the addresses and numbers around them are part
B's); most positive rows fail at the round's start (3908dac: missed, cut or run on), the others guard a rule's edge. The
near-misses get no PERSON and no DATE_OF_BIRTH span."""

from __future__ import annotations

import pytest
from people_rounds import names_and_dates

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # a name no list knows opening a message, right before the address, a phone or an e-mail further on
    # (people._address_opening_names)
    ("Ngaire Tamihana\nFlat 3, 22 Rimu Road, Kelburn\n021 448 3390", [("PERSON", "Ngaire Tamihana")]),
    (
        "Dorjsuren Batbayar, 14 Enkhtaivan Avenue, Ulaanbaatar, mobile +976 9911 2345",
        [("PERSON", "Dorjsuren Batbayar")],
    ),
    ("Kahurangi Waititi\nKarangahape Road 18, Auckland\nkahu.w@example.co.nz", [("PERSON", "Kahurangi Waititi")]),
    ("Tavita Leiataua\nLot 12 Vaitele Uta\n+685 772 1134", [("PERSON", "Tavita Leiataua")]),
    # a name no list knows signing the message right after a phone's number (people._signed_after_number)
    ("my new address is 7 Rue Pasteur, Tunis. tel +216 71 234 567. Zied Ghannouchi", [("PERSON", "Zied Ghannouchi")]),
    ("call me on 0821 445 672. Tsholofelo Mabuza", [("PERSON", "Tsholofelo Mabuza")]),
    # Chinese family names as Singapore and Malaysia spell them (gazetteer.FAMILY_LATIN)
    ("Lim Kok Wah here, passport E7712345", [("PERSON", "Lim Kok Wah")]),
    # a country after "du", "de", "of" is where the person is from (vocabulary.COUNTRIES, people._name_at)
    ("je m'appelle Jean-Claude Habimana du Rwanda, passeport PC123456", [("PERSON", "Jean-Claude Habimana")]),
    ("my name is Ahmed Khan of Pakistan, passport AB1234567", [("PERSON", "Ahmed Khan")]),
    # the particle and the family name after it (people.particle_family_end), a signature after a blank line
    ("my name is Samira el fassi and my passport is XY1234567", [("PERSON", "Samira el fassi")]),
    (
        "Best regards,\n\nKhalid Al Nuaimi\nOperations Manager\nM: +971 55 123 4567",
        [("PERSON", "Khalid Al Nuaimi")],
    ),
    (
        "his passport says Maria Clara F. dos Santos but the form says Maria Clara Ferreira dos Santos",
        [("PERSON", "Maria Clara F. dos Santos"), ("PERSON", "Maria Clara Ferreira dos Santos")],
    ),
    # a job's title is no name (people._JOB_AFTER, _JOB_HEAD_BEFORE)
    (
        "Best regards,\nNguyen Van Hai | Chief Marketing Officer\nMekong Seafood JSC\nHotline: 1900 5555",
        [("PERSON", "Nguyen Van Hai")],
    ),
    # a relative where she lives, then her name after a comma (people._WEAK)
    ("mon oncle à Niamey, Issoufou Garba Maman, +227 96 12 34 56", [("PERSON", "Issoufou Garba Maman")]),
    # a formal letter's "I" and the full name (people._formal_i_names)
    ("Dear sir, I Tendai Rufaro Moyo humbly request an update on my study permit", [("PERSON", "Tendai Rufaro Moyo")]),
    # a greeting from a town before the name and the address (people._FROM_PLACE_OPENING)
    ("greetings from Kumasi, Yaa Asantewaa Boakye, Plot 7 Ahodwo Road, 024 555 1234", [("PERSON", "Yaa Asantewaa Boakye")]),
    # a district named like the street, a district between the address and its town (people._street_echo,
    # _district_between)
    ("address: 20 Sai Kung Road, Sai Kung. Chan Tai Man, +852 9876 5432", [("PERSON", "Chan Tai Man")]),
    ("vive en Av. Arequipa 2210, dpto 5, San Isidro, Lima 15073, cel +51 987 000 111", []),
    # a lane or an estate of the Maghreb named like a person (people._NAMED_PLACE_BEFORE)
    (
        "Cordialement,\nNadia Bouzid\nChef de projet – Cevital\nDjenane Malik, Bouzaréah, Alger\nMobile : +213 5 55 12 34 56",
        [("PERSON", "Nadia Bouzid")],
    ),
    ("ma mère habite Zenket Sidi Ali, Bab El Oued, Alger. tel +213 5 55 98 76 54", []),
    # a full date on the line under the name, in a list of details (dates._name_line_dates)
    ("here:\n- Tran Thi Bich Ngoc\n- 21/03/1990\n- C7788990", [("PERSON", "Tran Thi Bich Ngoc"), ("DATE_OF_BIRTH", "21/03/1990")]),
    # a birth date with a dot and a space after the day and the month (dates._DATE)
    ("my father, DOB 7. 11. 1983, needs a visa", [("DATE_OF_BIRTH", "7. 11. 1983")]),
    ("datum narození / date of birth: 23. 4. 1958", [("DATE_OF_BIRTH", "23. 4. 1958")]),
]

NEAR_MISSES: list[str] = [
    # a business opening the message before its address
    "Tim Hortons, 123 Main St, Toronto. call 416-555-0199",
    "Sunrise Bakery\n45 Elm Street\n+1 416 555 0199",
    "Hilton Garden Inn, 200 Dundas St, 416-555-0188",
    # words after a number at a message's end
    "my file number is W123456789. Happy Holidays",
    "please call the office at 1-800-567-6868. Service Canada",
    "the total was 450. Processing Fees Included",
    "I booked room 1208. Marriott Courtyard",
    "call them at 416-555-0100. Koodo Mobile",
    "the agency number is 613-555-0100. Western Union",
    "Purolator Courier, 5995 Avebury Rd, Mississauga, 1-888-744-7123",
    # a team signing
    "Best regards,\n\nHuman Resources Team\nAcme Logistics Inc.\n514 555 0100",
    "Kind regards,\n\nCustomer Support Desk\nNorthwind Traders\n1-800-555-0199",
    # a job's title alone on its line
    "Regards,\nFinance Manager\nNorthwind Traders\n+1 416 555 0100",
    # a town after a place and a comma
    "my brother in Guatemala, Quetzaltenango, is waiting. his cell 502 5555 1234",
    # a date under a line that is no name
    "my appointment:\n- Service Canada\n- 12/07/2025\n- 3 pm",
    # a formal "I" before no name
    "Dear Officer, I Really Need Help with my file",
    # one word after a place and a comma is a town, not a relative's name
    "my sister in Peru, Arequipa, cel +51 987 000 111",
        # a date of something else written the same way
    "the meeting is on 5. 9. 2025 at 3 pm",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_exactly_the_expected_names_and_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_dates(text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_gets_no_name_nor_birth_date(text: str) -> None:
    assert names_and_dates(text) == []
