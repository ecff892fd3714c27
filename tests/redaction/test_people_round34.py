"""Round 34 of issue 14 (part A): names and birth dates said beside their nicknames, titles, married and
maiden names, families, and birth dates restated on papers (people.py, dates.py, gazetteer.py,
vocabulary.py, names_model.py). Each row was written for its rule, not taken from a set (a probe in the set's
style, its words my own): 23 of the 42 positive rows were missed or cut before the round, 4 of the 16
near-misses were masked; the rest are the rules' edges, kept as they are."""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

REDACTOR = PatternRedactor()

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # a title or an honorific is no part of the name: people._HONORIFIC_LEAD, _HONORIFICS, _TITLES
    ("ma tante, la Dre Nadia Haddad, peut signer la lettre", [("PERSON", "Nadia Haddad")]),
    ("my mother Smt. Kamla Devi is 70 and lives with us", [("PERSON", "Kamla Devi")]),
    ("Shri Suresh Kumar Gupta here, my file is stuck", [("PERSON", "Suresh Kumar Gupta")]),
    ("sa grand-mère, feu Amina Diallo, était canadienne", [("PERSON", "Amina Diallo")]),
    ("Fr. Peter Okafor of our parish can sign as a reference", [("PERSON", "Peter Okafor")]),
    # married and maiden names: people._MAIDEN (épouse, ép., veuve after a name; nee; "(née X)" even a town's name)
    ("ma mère Aminata Sy épouse Diallo veut venir", [("PERSON", "Aminata Sy"), ("PERSON", "Diallo")]),
    ("ma tante Rose Dubois, veuve Lemieux, a 88 ans", [("PERSON", "Rose Dubois"), ("PERSON", "Lemieux")]),
    ("my mom is Joy Mensah nee Boateng. she needs a visa", [("PERSON", "Joy Mensah"), ("PERSON", "Boateng")]),
    ("my wife Giulia Rossi (née Napoli) needs her PR card", [("PERSON", "Giulia Rossi"), ("PERSON", "Napoli")]),
    # a married, maiden or birth name said in a sentence: people._STRONG
    ("mon nom de jeune fille est Tremblay", [("PERSON", "Tremblay")]),
    ("son nom de naissance est Kowalczyk, pas Kowalski", [("PERSON", "Kowalczyk"), ("PERSON", "Kowalski")]),
    ("her maiden name was Okafor, now she is Mrs Bello", [("PERSON", "Okafor"), ("PERSON", "Bello")]),
    # a family by its family name: people._FAMILY_NAMED
    ("I work as a nanny for the Nowak family in Surrey", [("PERSON", "Nowak")]),
    ("je suis gardienne chez les Gagnon depuis 2022", [("PERSON", "Gagnon")]),
    ("we are staying with the Okafors, they invited us", [("PERSON", "Okafors")]),
    ("Employer: Mr and Mrs Ravi & Priya Sharma", [("PERSON", "Ravi"), ("PERSON", "Priya Sharma")]),
    # a nickname beside the full name: people._nicknames
    ("my brother Sam (Samuel Osei) will bring the papers", [("PERSON", "Sam"), ("PERSON", "Samuel Osei")]),
    ("ma fille Cathy (Catherine Roy) a perdu son passeport", [("PERSON", "Cathy"), ("PERSON", "Catherine Roy")]),
    ("my friend Oluwaseun Adeyemi (Seun) will call you", [("PERSON", "Oluwaseun Adeyemi"), ("PERSON", "Seun")]),
    ("call Mo, i mean Mohamed Ali, he has the file", [("PERSON", "Mo"), ("PERSON", "Mohamed Ali")]),
    ("Alex, je veux dire Alexandre Côté, a signé", [("PERSON", "Alex"), ("PERSON", "Alexandre Côté")]),
    # a nickname given: people._NICKNAME
    ("my son Oluwatobi goes by Tobi, he needs a visa", [("PERSON", "Oluwatobi"), ("PERSON", "Tobi")]),
    ("ma voisine s'appelle Marie-Josée, appelez-la Josée svp", [("PERSON", "Marie-Josée"), ("PERSON", "Josée")]),
    # a compound given name before "here" after an exclamation: people._here_names
    ("salut! Jean-François here, any news?", [("PERSON", "Jean-François")]),
    # a particle of Italian names: vocabulary.NAME_PARTICLES
    ("my mother Lucia degli Esposti is 80", [("PERSON", "Lucia degli Esposti")]),
    # a name signed above its contact lines: people._SIGNED_ABOVE_CONTACT
    ("thanks for the quick answer. Tomasz\n+48 512 300 411", [("PERSON", "Tomasz"), ("PHONE", "+48 512 300 411")]),
    # the writer and other cues: people._MYSELF, _MINE_IS, _ME_APPOSED, _ON_THE_PAPER, _KIN_INITIALS
    ("mon fils Yanick et moi-même Rosalie voulons venir", [("PERSON", "Yanick"), ("PERSON", "Rosalie")]),
    ("his name is Omar, mine is Leila", [("PERSON", "Omar"), ("PERSON", "Leila")]),
    ("please text me, Amira, at 514 555 0134", [("PERSON", "Amira"), ("PHONE", "514 555 0134")]),
    ("Liu Yang on my passport but everyone says Yang Liu", [("PERSON", "Liu Yang"), ("PERSON", "Yang Liu")]),
    ("ma fille MJ a besoin d'un visa", [("PERSON", "MJ")]),
    # a family name in capitals after the name; a given name joined to a full name: people.people
    ("ci-joint les infos de mon père : Van Minh NGUYEN, né le 02/03/1950", [("PERSON", "Van Minh NGUYEN"),
                                                                          ("DATE_OF_BIRTH", "02/03/1950")]),
    ("We are Pedro y Carmen Ruiz, both retired", [("PERSON", "Pedro"), ("PERSON", "Carmen Ruiz")]),
    # Scottish and Irish names with their inner capital: gazetteer.family_name
    ("employer: Fiona MacDonald, 12 Elm St", [("PERSON", "Fiona MacDonald"), ("ADDRESS", "12 Elm St")]),
    # Polish family names (Faker's male_/unisex_last_names, the feminine made): gazetteer._words_of
    ("my aunt Ewa Wiśniewska needs a visitor visa", [("PERSON", "Ewa Wiśniewska")]),
    # birth dates: spelled ordinals with "day of" and "first of"; the next date after "et le"
    ("my father was born on the twentieth day of May, 1938", [("DATE_OF_BIRTH", "twentieth day of May, 1938")]),
    ("she was born the first of March 1945 in Kumasi", [("DATE_OF_BIRTH", "first of March 1945")]),
    ("nés le 5 mai 1950 et le 9 juin 1952", [("DATE_OF_BIRTH", "5 mai 1950"), ("DATE_OF_BIRTH", "9 juin 1952")]),
    # the birth date of someone named at length, after "is": dates._BIRTH_OF_IS
    ("the date of birth of my husband's niece, the one in Lagos, is 2011-04-09",
     [("DATE_OF_BIRTH", "2011-04-09")]),
    # a birth date restated as a paper or a form has it: dates._on_papers
    ("born 12.03.1990 and on my passport 12.03.1991", [("DATE_OF_BIRTH", "12.03.1990"), ("DATE_OF_BIRTH", "12.03.1991")]),
    ("née le 4/7/1960 mais sur mes papiers c'est 4/7/1961", [("DATE_OF_BIRTH", "4/7/1960"), ("DATE_OF_BIRTH", "4/7/1961")]),
    # the holiday's name left out when the date follows in brackets
    ("born on Christmas Day 1950 (25 December 1950) in Accra", [("DATE_OF_BIRTH", "25 December 1950")]),
]

NEAR_MISSES: list[str] = [
    "on m'a dit d'aller à Service Canada mais ça ferme à 16h",
    "the Royal family visited Ottawa last year",
    "la famille Canada est un beau documentaire",
    "chez les Anglais c'est pareil",
    "I lived in the Philippines, then the Maldives.",
    "Visa (Visitor Record) expired, what now",
    "Service Canada (Service Centre) told me to wait",
    "I use a MacBook Pro for the forms",
    "my wife PR card expired last week",
    "my spouse OWP is approved",
    "the name on the passport is wrong",
    "je suis née à l'étranger avant le 1er janvier 1947, suis-je citoyenne?",
    "notre anniversaire de mariage est le 9 septembre",
    "I am Sri Lankan and my visa expired",
    "appelle-moi demain",
    "quận Hai Bà Trưng, Hà Nội is where the office is",
]

# Names and dates that must keep their meaning next to the rules above.
KEPT: list[tuple[str, list[tuple[str, str]]]] = [
    ("yo this is dre, my full name is Andre Baptiste", [("PERSON", "dre"), ("PERSON", "Andre Baptiste")]),
    ("Name: Sri Wahyuni (only one name)", [("PERSON", "Sri Wahyuni")]),
    ("Guy, mon beau-père, a 72 ans", [("PERSON", "Guy")]),
    ("For the Lutala family:\n1. Lutala Mwamba Jean - 03.04.1980", [("PERSON", "Lutala Mwamba Jean"),
                                                                   ("DATE_OF_BIRTH", "03.04.1980")]),
    ("the officer called me Mr Gupta but my last name is Guptaa", [("PERSON", "Gupta"), ("PERSON", "Guptaa")]),
    ("born after the war, on 3 May 1946", [("DATE_OF_BIRTH", "3 May 1946")]),
    # a paper's other dates after a birth date stay (dates._on_papers): an issue's, an expiry's
    ("born 12.03.1990 but my passport was issued 12.03.2015", [("DATE_OF_BIRTH", "12.03.1990")]),
    ("born 12.03.1990 and my passport expires 12.03.2030", [("DATE_OF_BIRTH", "12.03.1990")]),
    ("Bonjour, c'est Marie L'Heureux, mon IUC 1234-5678", [("PERSON", "Marie L'Heureux"), ("CLIENT_ID", "1234-5678")]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE + KEPT, ids=[t for t, _ in POSITIVE + KEPT])
def test_finds_exactly_the_expected_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(REDACTOR.find, text, expected)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_stays_unmasked(text: str) -> None:
    assert_unmasked(REDACTOR.find, text)
