"""Round 47 of issue 14 (part A): names and birth dates, read on heldout86-90 and heldout92 (people.py, dates.py). Each
row was written for its rule, not taken from a set (a probe in the sets' style, its names, places and numbers my own).
The rows compare only the PERSON and DATE_OF_BIRTH spans; most positive rows fail at the round's start (923d0f6), the
others guard a rule's edge. The near-misses get no PERSON and no DATE_OF_BIRTH span."""

from __future__ import annotations

import pytest
from people_rounds import names_and_dates

N, D = "PERSON", "DATE_OF_BIRTH"

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # how the child came into the family, said after the relative: no part of the name (people._WEAK)
    ("ma fille adoptive Mireille est née le 04/11/2015 en Haïti", [(N, "Mireille"), (D, "04/11/2015")]),
    ("mon fils adoptif Idriss est né le 04/11/2015", [(N, "Idriss"), (D, "04/11/2015")]),
    ("mon fils adopté Kwame a un passeport ghanéen", [(N, "Kwame")]),
    ("our adopted daughter Anjali Rao needs a study permit", [(N, "Anjali Rao")]),
    # the birth date written wrong, then what was written instead of the right one (dates._wrote_instead)
    ("my DOB is wrong on the COPR!! they typed 1992-11-03 instead of 1992-03-11", [(D, "1992-11-03"), (D, "1992-03-11")]),
    ("ma date de naissance est fausse!! j'ai écrit 12/05/1987 au lieu de 12/05/1978", [(D, "12/05/1987"), (D, "12/05/1978")]),
    # the birth date corrected at once on the same line (dates._SORRY_NEXT)
    ("dob 1979-06-30 oops 1978-06-30", [(D, "1979-06-30"), (D, "1978-06-30")]),
    ("né le 14/02/1966 pardon c'est 14/02/1967", [(D, "14/02/1966"), (D, "14/02/1967")]),
    # a date of another calendar, then the western one after a slash (dates._SLASH_SAME)
    ("DOB 5 Mehr 1365 / 27 Sep 1986 for my mother", [(D, "5 Mehr 1365"), (D, "27 Sep 1986")]),
    # a Thai year (dates._BUDDHIST_YEAR)
    ("born 3 March 2530 (BE), that is 3 March 1987", [(D, "3 March 2530"), (D, "3 March 1987")]),
    # six digits after the birth word (dates._COMPACT_BIRTH)
    ("DOB: 880412 (yymmdd) on my Korean papers", [(D, "880412")]),
    # "mine" alone before the writer's own date (dates._AND_RELATIVE)
    ("his date of birth 1984.07.19 mine 1986.01.02", [(D, "1984.07.19"), (D, "1986.01.02")]),
    # a child's birth told, then the name and the date (dates._BORN_THEN_NAMED)
    ("baby girl born yesterday!! Amina Diallo, 12 June 2025. how do we get her PR?", [(N, "Amina Diallo"), (D, "12 June 2025")]),
    # a given name alone in brackets after a value: whose it is (people._VALUE_OWNER_BRACKET)
    ("my wife's passport is XK220341 (Priya), mine XK220342", [(N, "Priya")]),
    ("email me at k.obi@yahoo.com (Chioma)", [(N, "Chioma")]),
    # the name in its own script after a comma (people._NATIVE_AFTER); a family name that is a word, counted by syllables
    ("name: Wang Fang, 王芳, DOB 1990-02-02", [(N, "Wang Fang"), (N, "王芳"), (D, "1990-02-02")]),
    ("my father: Ma Jun (马军) in Xi'an", [(N, "Ma Jun"), (N, "马军")]),
    # a title's line under the signature is no name (people._contact_opening_names)
    ("Best,\nAmina Yusuf\nSettlement Translator\n(613) 555-0144", [(N, "Amina Yusuf")]),
    # a region that is a given name: a person's after a relative
    ("ma tante Lorraine vient de Gaspé", [(N, "Lorraine")]),
    # capitalised particles (people._name_at, _GIVEN_PARTICLE_BEFORE)
    ("my boss Mr Pieter Van den Berg called", [(N, "Pieter Van den Berg")]),
    ("her name is Rosalinda Dela Cruz Reyes, born 1950", [(N, "Rosalinda Dela Cruz Reyes"), (D, "1950")]),  # round 48: the year too
    # a part of the name said to be one, a word too (people._PART_AFTER in _repeated)
    ("Ly Van Minh (Ly = nom de famille), né en 1980", [(N, "Ly Van Minh"), (N, "Ly")]),
    ("I am Ganbold Tserendorj (Ganbold is my father's name)", [(N, "Ganbold Tserendorj"), (N, "Ganbold")]),
    # a given name that is a word, between the introduction and the name (people._INTRO_WORD_BEFORE)
    ("I am Said Hassan Omar from Djibouti", [(N, "Said Hassan Omar")]),
    ("i am Happy Maria Lopez", [(N, "Maria Lopez")]),
    # a third word the lists lack, then a verb of the past (people._unlisted_last)
    ("Resident Khalid Omar Dualeh lost his card", [(N, "Khalid Omar Dualeh")]),
    ("my cousin Amina Yusuf Toronto is here", [(N, "Amina Yusuf")]),  # a town, not the third word
    # a second couple's name after "&" (people._AND_PAIR_AFTER)
    ("my parents Wang Jun & Sun Mei, Beijing", [(N, "Wang Jun"), (N, "Sun Mei")]),
]

NEAR_MISSES: list[str] = [
    # an adjective after a relative, no name
    "est-ce que mon frère orphelin peut venir?",
    "my adopted son needs a passport, how?",
    # two dates after a slash, neither in another calendar, no birth word
    "the office was closed 12 May 2024 / 13 May 2024",
    # six digits after "born" that are no date; six digits of a Korean resident number's first half with its dash
    "born 991399 is not a date",
    # a wrong date with no birth word
    "the letter is wrong!! they wrote 2024-03-01 instead of 2024-01-03",
    # a label in brackets after a phone; a town that is a given name
    "call 514-555-0101 (Home) or (Victoria)",
    # a region that is a given name, where someone comes from
    "elle vient de Lorraine, est-ce que j'écris France ou Lorraine?",
    # a French participle after "est" ("mon prénom est composé")
    "mon prénom est composé, je mets un tiret?",
    # a firm after "&"
    "we bought it at Johnson & Sons Hardware.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_exactly_the_expected_names_and_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_dates(text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_gets_no_name_nor_birth_date(text: str) -> None:
    assert names_and_dates(text) == []
