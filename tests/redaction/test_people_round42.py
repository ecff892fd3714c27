"""Round 42 of issue 14 (part A): names and birth dates (people.py, dates.py, gazetteer.py). Each row was written for
its rule, not taken from a set (a probe in the sets' style, its names, dates and places my own, several names in no
list); most positive rows fail at the round's start (467a19f: missed, cut or joined), the others guard a rule's edge;
the near-misses stay unmasked."""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

REDACTOR = PatternRedactor()

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # a child of a list with its own year or birth date in brackets, whatever word the name is: people._AGE_AFTER,
    # _group_names
    (
        "Enfants : Prosper (2008), Bénédicte (2011), Miséricorde (2015)",
        [("PERSON", "Prosper"), ("PERSON", "Bénédicte"), ("PERSON", "Miséricorde")],
    ),
    (
        "my kids are Warsan (DOB 4 Mar 2012) and Liban (DOB 19 Nov 2016), both with me",
        [
            ("PERSON", "Warsan"),
            ("DATE_OF_BIRTH", "4 Mar 2012"),
            ("PERSON", "Liban"),
            ("DATE_OF_BIRTH", "19 Nov 2016"),
        ],
    ),
    (
        "Noms des enfants : Espoir Kabongo (2009-03-14), Divine Kabongo (2012-10-02)",
        [
            ("PERSON", "Espoir Kabongo"),
            ("DATE_OF_BIRTH", "2009-03-14"),
            ("PERSON", "Divine Kabongo"),
            ("DATE_OF_BIRTH", "2012-10-02"),
        ],
    ),
    (
        "names of my children: Tendai (2010) and Farai (2013)",
        [("PERSON", "Tendai"), ("PERSON", "Farai")],
    ),
    # each of a list with its own value, the first right after a bracket: people._NAME_THEN_VALUE
    (
        "are the passports ok? (Ishaan – K5520913 and Meera – K5520914)",
        [("PERSON", "Ishaan"), ("PASSPORT", "K5520913"), ("PERSON", "Meera"), ("PASSPORT", "K5520914")],
    ),
    # people named together after "names" / "noms", or after "my kids" with no colon, one of them listed
    # (people._names_list, _KIDS_BARE, _unlisted_item)
    (
        "can you take the fee for my parents? names Wiremu and Aroha Tane",
        [("PERSON", "Wiremu"), ("PERSON", "Aroha Tane")],
    ),
    (
        "biométrie de mes parents, noms : Ikenna et Adaeze Obi",
        [("PERSON", "Ikenna"), ("PERSON", "Adaeze Obi")],
    ),
    ("ma femme et mes enfants Nkiruka et Amadou sont au Mali", [("PERSON", "Nkiruka"), ("PERSON", "Amadou")]),
    # the next child of a list of dates, a name no list knows after a listed one (dates._next_named, _unlisted_name;
    # people._valued_list_names)
    (
        "dob of my kids: Kwabena 2011-03-04, Esinam 2014-06-07",
        [
            ("PERSON", "Kwabena"),
            ("DATE_OF_BIRTH", "2011-03-04"),
            ("PERSON", "Esinam"),
            ("DATE_OF_BIRTH", "2014-06-07"),
        ],
    ),
    # a form's fields: "Prénoms", "Postnom", a short shouted surname after "Nom :", a label under a thing's word
    # (people._STRONG, _NAME_FIELD_BEFORE, _names_a_thing)
    (
        "copié de son formulaire:\nNom : TSHALA\nPostnom : Ilunga\nPrénoms : Béatrice Ngalula",
        [("PERSON", "TSHALA"), ("PERSON", "Ilunga"), ("PERSON", "Béatrice Ngalula")],
    ),
    # a relative's or a sponsor's field, "=" too (people._PARENT_FIELD)
    (
        "spouse = Ngozi Adaora Eze\nDOB = 15 Nov 1992",
        [("PERSON", "Ngozi Adaora Eze"), ("DATE_OF_BIRTH", "15 Nov 1992")],
    ),
    (
        "sponsor: Tomasz Wieczorek\nsponsored spouse: Halyna Wieczorek, dob 22.09.1993",
        [("PERSON", "Tomasz Wieczorek"), ("PERSON", "Halyna Wieczorek"), ("DATE_OF_BIRTH", "22.09.1993")],
    ),
    ("Dad = Rangi Parata. Mom = Huia Parata", [("PERSON", "Rangi Parata"), ("PERSON", "Huia Parata")]),
    # "nom au dossier" (people._NAME_ON)
    ("nom au dossier : Bouchard, Ghislaine. elle a 81 ans", [("PERSON", "Bouchard, Ghislaine")]),
    # a pasted record's birth date with its month in words (dates._record_line)
    (
        "Chen Wei\n3 March 1979\nE71234567",
        [("PERSON", "Chen Wei"), ("DATE_OF_BIRTH", "3 March 1979"), ("PASSPORT", "E71234567")],
    ),
    # a Vietnamese name found from its middle word: the family name before or after it (people._widened)
    ("helping my grandpa Ng Van Tho with the form", [("PERSON", "Ng Van Tho")]),
    (
        "mon épouse Thi Hoa Pham (née 1991-07-30) attend au Vietnam",
        [("PERSON", "Thi Hoa Pham"), ("DATE_OF_BIRTH", "1991-07-30")],
    ),
    # the name on a card, a file, a passport: people._STRONG_FIELD, _NAME_ON, _INITIAL_FAMILY
    (
        "her passport no is X2291847, name on it Gurleen Kaur Sandhu. thanks",
        [("PASSPORT", "X2291847"), ("PERSON", "Gurleen Kaur Sandhu")],
    ),
    ("paying by card, name on card T. Okonjo", [("PERSON", "T. Okonjo")]),
    ("the name on my file is Babatunde Olowe, please check", [("PERSON", "Babatunde Olowe")]),
    ("name on file is Fitzgerald, Maeve. she is 79", [("PERSON", "Fitzgerald, Maeve")]),
    # the label's note without brackets: people._AS_ON_PAPERS
    (
        "Full name as on passport: ADEYEMI Folake Hope\nDOB: 02 MAR 1979",
        [("PERSON", "ADEYEMI Folake Hope"), ("DATE_OF_BIRTH", "02 MAR 1979")],
    ),
    (
        "Nom complet comme sur le passeport : Makosso Bienvenu Céleste",
        [("PERSON", "Makosso Bienvenu Céleste")],
    ),
    # a Swiss, Belgian or African town after "de": where he is from (gazetteer.HOME_TOWNS)
    (
        "Bonjour, je suis Olivier Baumgartner de Lausanne, merci de me rappeler",
        [("PERSON", "Olivier Baumgartner")],
    ),
    ("ici Chantal Mputu de Brazzaville", [("PERSON", "Chantal Mputu")]),
    # a widow's "vda." read as a word of the name: people.people, _WIDOW_WORDS
    (
        "my grandma Rosa Elvira Quintero Vda. de Salazar needs help",
        [("PERSON", "Rosa Elvira Quintero Vda. de Salazar")],
    ),
    # "c'est" before the name after a name's label: people._IT_IS_LEAD
    (
        "Erreur sur mon prénom : c'est Aboubacar Sidiki et non Aboubakar Sidiki",
        [("PERSON", "Aboubacar Sidiki"), ("PERSON", "Aboubakar Sidiki")],
    ),
    # a corrected name that opens with another second letter: people._respelt
    ("c'est Ouedraogo pas Wedraogo sur la lettre", [("PERSON", "Ouedraogo"), ("PERSON", "Wedraogo")]),
    # a name's change, before and now: people._before_now_names
    (
        "mon nom de famille a changé : avant Ndiaye, maintenant Faye. Mon prénom Khady.",
        [("PERSON", "Ndiaye"), ("PERSON", "Faye"), ("PERSON", "Khady")],
    ),
    (
        "my surname was Lindqvist, now it's Moreau since the wedding",
        [("PERSON", "Lindqvist"), ("PERSON", "Moreau")],
    ),
    # a relative's phone, whose it is in brackets: people._phone_owner_names
    (
        "appelez ma soeur au 438 555 0172 (Josiane) si je ne réponds pas",
        [("PHONE", "438 555 0172"), ("PERSON", "Josiane")],
    ),
    (
        "you can call my uncle at +44 7700 900418 (Desmond Achterberg)",
        [("PHONE", "+44 7700 900418"), ("PERSON", "Desmond Achterberg")],
    ),
    # ... not a carrier or a town in brackets
    ("my brother's number is 514 555 0188 (Bell)", [("PHONE", "514 555 0188")]),
    ("call my dad at +1 613 555 0144 (Ottawa) after 6", [("PHONE", "+1 613 555 0144")]),
    # a country of two words whose words are names: gazetteer.TWO_WORD_PLACES (in people.not_a_person)
    (
        "my father Ibrahim Sesay, Sierra Leone passport SL0038812",
        [("PERSON", "Ibrahim Sesay"), ("PASSPORT", "SL0038812")],
    ),
    # birth dates: a form's boxes with the year first, two spaces apart (dates._DATE)
    (
        "Family name: Ionescu\nGiven name(s): Mihai\nDate of birth: 1957 / 09 / 03",
        [("PERSON", "Ionescu"), ("PERSON", "Mihai"), ("DATE_OF_BIRTH", "1957 / 09 / 03")],
    ),
    (
        "Date of birth / Date de naissance\n1983  11  27",
        [("DATE_OF_BIRTH", "1983  11  27")],
    ),
    # the Belgian "°" for born (dates._BIRTH)
    (
        "Mon mari Pieter Janssens (° 03/08/1986) travaille à Gand.",
        [("PERSON", "Pieter Janssens"), ("DATE_OF_BIRTH", "03/08/1986")],
    ),
    # how long ago the child was born, between the birth word and its date (dates._TIME_AGO)
    (
        "our son Mateo was born 3 weeks ago on 2 Apr 2024 in Montreal",
        [("PERSON", "Mateo"), ("DATE_OF_BIRTH", "2 Apr 2024")],
    ),
    ("ma fille est née il y a 10 jours, le 5 mai 2024", [("DATE_OF_BIRTH", "5 mai 2024")]),
    # a spelled birth date corrected by a date in digits (dates.spelled_births)
    (
        "je suis né le douze juin mille neuf cent quatre-vingt-un, pas le 21 juin comme sur la lettre",
        [("DATE_OF_BIRTH", "douze juin mille neuf cent quatre-vingt-un"), ("DATE_OF_BIRTH", "21 juin")],
    ),
    # a named person's birth year alone (dates._named_birth_years)
    (
        "Ma tante Yeshi Tadesse, née en 1959 à Gondar, vit seule.",
        [("PERSON", "Yeshi Tadesse"), ("DATE_OF_BIRTH", "1959")],
    ),
    (
        "for my grandfather Arvo Tamm who is in Tartu, he was born in 1944.",
        [("PERSON", "Arvo Tamm"), ("DATE_OF_BIRTH", "1944")],
    ),
    # ... not the year said with the age
    (
        "mon oncle Kebede Alemu, né en 1950, il a 75 ans, peut-il venir?",
        [("PERSON", "Kebede Alemu")],
    ),
]

NEAR_MISSES: list[str] = [
    # "name on" with no name after it
    "the name on it is wrong, what do I do?",
    "name on file is different from my passport",
    # before and now said of something else than a name
    "my name was on the list before, now it's gone",
    "before Tuesday, now Friday: when is my appointment?",
    # a field or a list with no person in it
    "spouse: Canadian citizen",
    "Spouse: yes\nDependent child: no",
    "the names Google and Apple are brands",
    "my kids Love Pizza and Ice Cream",
    "le nom au dossier est mal écrit",
    # a country of two words alone
    "I lived in Sierra Leone and Costa Rica before coming here",
    # a year in brackets after words that are no list of children
    "Processing times (2024) and fees (2025) changed?",
    # the writer's own year, and a year after a place
    "I was born in 1990 in Lagos, am I eligible?",
    "she was born in 1992 in Accra and now lives here",
    # "°" in a temperature, a date of something else
    "il faisait 30° le 12/07/2024 à l'aéroport",
    # how long ago, then an arrival
    "born 3 months ago, we arrived on 11 Feb 2024",
    # form boxes that are no birth date
    "Date of entry: 2019 / 08 / 14",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_exactly_the_expected_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(REDACTOR.find, text, expected)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_stays_unmasked(text: str) -> None:
    assert_unmasked(REDACTOR.find, text)
