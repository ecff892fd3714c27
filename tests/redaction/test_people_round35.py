"""Round 35 of issue 14 (part A): names and birth dates (people.py, dates.py, gazetteer.py, vocabulary.py,
names_model.py). Each row was written for its rule, not taken from a set (a probe in the set's style, its words
my own); the positives marked "before" were missed or cut at 5a09234, the near-misses so marked were masked."""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

REDACTOR = PatternRedactor()

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # the pilgrim's honorific is no part of the name: people._HONORIFICS, _TITLES (before: with it)
    ("my grandfather Haji Abdul Rahman is 80", [("PERSON", "Abdul Rahman")]),
    ("my uncle Hajji Noor Ahmad lives in Kandahar", [("PERSON", "Noor Ahmad")]),
    # a relative's lower-case short given name, then an emoji: people._EMOJI_NEXT, gazetteer.GIVEN_LATIN (before: missed)
    ("my bf kev 🙏 pls help us with the visa", [("PERSON", "kev")]),
    ("mon chum matt ❤️ arrive demain", [("PERSON", "matt")]),
    ("my sis steph 😭 got refused again", [("PERSON", "steph")]),
    # a listed given name opening the message, then the relative apposed: people._KIN_APPOSED_AFTER (before: missed)
    ("Sophie ma soeur a reçu sa lettre hier", [("PERSON", "Sophie")]),
    ("Tariq my brother said the office is closed", [("PERSON", "Tariq")]),
    ("Fatou ma cousine, elle dit que c'est en ligne", [("PERSON", "Fatou")]),
    # Afghan family names in Latin letters: gazetteer.FAMILY_LATIN (before: missed)
    ("mariam hussaini 02/03/1995 kabul", [("PERSON", "mariam hussaini"), ("DATE_OF_BIRTH", "02/03/1995")]),
    # a user name of two names joined by "_", given as who one is: people._SELF_HANDLE (before: missed)
    ("this is maria_santos, i sent the docs", [("PERSON", "maria_santos")]),
    ("hi its mehwish_ali, any news?", [("PERSON", "mehwish_ali")]),
    # "DN" without its dots before a date: dates._BIRTH (before: missed)
    ("Karim Saadi, DN 1987-11-02, passeport algérien", [("PERSON", "Karim Saadi"), ("DATE_OF_BIRTH", "1987-11-02")]),
    # the next birth date after "and mom's": dates._AND_RELATIVE (before: missed)
    ("dad was born 2 may 1950 and mom's is 11/08/1954", [("DATE_OF_BIRTH", "2 may 1950"), ("DATE_OF_BIRTH", "11/08/1954")]),
    ("her dob 3 march 1960 and sis's 4/4/1999", [("DATE_OF_BIRTH", "3 march 1960"), ("DATE_OF_BIRTH", "4/4/1999")]),
]

NEAR_MISSES: list[str] = [
    # a group's word before "here": vocabulary.GROUP_PLURALS (before: "cousins", "roommates" masked)
    "cousins here! we all want to apply together",
    "hey, housemates here: we share a lease, do we all need one?",
    # a saint's charity or church: people._CAPITAL_PLACE (before: masked)
    "we go to Ste. Anne Parish on sunday, can they sign as a reference?",
    "the St. Joseph Society helped us with furniture",
    # a Polish street, an Arab district: people._NAMED_PLACE_BEFORE, names_model._NEVER_IN_NAME (before: masked)
    "is the VFS office on ul. Jana Pawła 12?",
    "we used to live near Jabal Amman before the war",
    # a street named after someone: people._STREET_NAMED_AFTER
    "the embassy is on Omar Bin Al-Khattab St. near the circle",
    # a public figure's statement after a title: people._STATED_AFTER (before: masked)
    "M. Legault a dit que le gouvernement va réduire les seuils, ça change quoi?",
    "Mr. Harper promised in 2011 that Canada would welcome more families",
    # a user name that is no name
    "its data_export again, the portal crashed",
    "this is the file_name field, what goes there?",
    # not a birth date
    "the DOB field 2024 update is confusing",
    "DN 12 on the form, what is it",
    "Today my brother said it's fine",
    "Monday my wife has her interview",
]

# Names and dates that must keep their meaning next to the rules above.
KEPT: list[tuple[str, list[tuple[str, str]]]] = [
    ("born in 1990 in Lagos", []),
    ("dad's birthday is 4 july 1955 and mom's appointment is on 30/10/2025", [("DATE_OF_BIRTH", "4 july 1955")]),  # a year after "born": the sets differ, left
    ("Mr. Miller said Canada needs my biometrics again", [("PERSON", "Miller")]),  # an officer: first person in it
    ("my son Simon Bolivar Garcia is 5", [("PERSON", "Simon Bolivar Garcia")]),
    ("my sister Jana lives in Warsaw", [("PERSON", "Jana")]),
    ("our friends here: Tom and Lisa", [("PERSON", "Tom"), ("PERSON", "Lisa")]),
    ("mon grand-père El Hadj Mamadou Diallo est malade", [("PERSON", "El Hadj Mamadou Diallo")]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE + KEPT, ids=[t for t, _ in POSITIVE + KEPT])
def test_finds_exactly_the_expected_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(REDACTOR.find, text, expected)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_stays_unmasked(text: str) -> None:
    assert_unmasked(REDACTOR.find, text)
