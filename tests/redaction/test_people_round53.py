"""Round 53 of issue 14 (part A): names and birth dates, read on heldout94, heldout113, heldout116 and heldout118
(people.py, dates.py). Each rule covers a way of writing, and each row was written for it, not taken from a set (names,
places, numbers, languages and positions my own). The rows compare only the PERSON and DATE_OF_BIRTH spans; most
positive rows fail at the round's start (90039ed), the others guard a rule's edge."""

from __future__ import annotations

import pytest
from people_rounds import names_and_dates

N, D = "PERSON", "DATE_OF_BIRTH"

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # the one to ask for after the thanks, without the verb (people._ASK_AFTER_THANKS)
    ("appelez au 418 555 0102, merci, demandez Solange", [(N, "Solange")]),
    ("thanks, ask Priya", [(N, "Priya")]),
    ("merci, demandez Marc-André Roy", [(N, "Marc-André Roy")]),
    # where one is from, a town or a country after "d'", is no part of the name (people._elided_place)
    ("je suis Mamadou Traoré d'Alger, mon dossier est bloqué", [(N, "Mamadou Traoré")]),
    ("bonjour c'est Youssef Benali d'Égypte", [(N, "Youssef Benali")]),
    ("c'est Marie-Claire d'Amours, mon dossier", [(N, "Marie-Claire d'Amours")]),
    # the words that introduce a name glued to it, the space bar broken (people._GLUED_CUE)
    ("jemappelleLucie Gagnon, mon clavier est brisé", [(N, "Lucie Gagnon")]),
    ("thisisKwame Mensah from Accra", [(N, "Kwame Mensah")]),
    ("iamPriya Sharma pls help", [(N, "Priya Sharma")]),
    # the agent one spoke with, "w" for "with", "un certain" (people._ABOUT)
    ("I phoned on monday and talked w/ Fatima about my file", [(N, "Fatima")]),
    ("une certaine Nathalie m'a rappelée hier", [(N, "Nathalie")]),
    ("le gars au comptoir, un certain Sylvain, m'a dit d'attendre", [(N, "Sylvain")]),
    # Quebec given names of the older generations that no list held (gazetteer.GIVEN_LATIN)
    ("le gars au comptoir, un certain Réjean, m'a dit d'attendre", [(N, "Réjean")]),
    ("ma tante Pierrette Gagnon est née le 3 mai 1948", [(N, "Pierrette Gagnon"), (D, "3 mai 1948")]),
    # a middle initial with its full stop in a shouted name, a letter that is a word too (people._name_at)
    ("the name on my visa is KEVIN J. OBRIEN", [(N, "KEVIN J. OBRIEN")]),
    ("je m'appelle JEAN J. ROY", [(N, "JEAN J. ROY")]),
    # a friend by a chat word (people._WEAK)
    ("my bestie Jade Thibault needs help with her permit", [(N, "Jade Thibault")]),
    ("hey my buddy Dusty Kowalczuk cant log in", [(N, "Dusty Kowalczuk")]),
    # a name said again to spell it by a likeness (people._PART_AFTER)
    (
        "ma conjointe: Sylvie Boisvert. Oui Boisvert comme le bois vert",
        [(N, "Sylvie Boisvert"), (N, "Boisvert")],
    ),
    # a name no list knows after "its", the e-mail's opening, a family name of the lists after it (people._INTRODUCED_ALONE)
    ("hey this is Kaz, my email is kaz_nowak@outlook.com", [(N, "Kaz")]),
    # a full name's given name that is a word too, said again to open a sentence before its verb (people._repeated)
    (
        "hi I'm writing for Hope Wanjiku, my niece. Hope can't open her account",
        [(N, "Hope Wanjiku"), (N, "Hope")],
    ),
    ("my wife is Joy Achieng. Joy lives in Nairobi now", [(N, "Joy Achieng"), (N, "Joy")]),
    # a record typed in lower case, the name opening its sentence, a comma, a full date (people._lower_record_names)
    (
        "for my aunt, she cant see well. mariam hassan odeh, 12/04/1950, passport a1234567",
        [(N, "mariam hassan odeh"), (D, "12/04/1950")],
    ),
    (
        "je remplis pour mon oncle. karim youssef haddou, 1947-08-21, NAS 046 454 286",
        [(N, "karim youssef haddou"), (D, "1947-08-21")],
    ),
    # Quebec's "date de fête" (birthday), whatever the year's digits (dates._BIRTH)
    ("pour ma blonde Josée, sa date de fête c'est le 4 mars 91", [(N, "Josée"), (D, "4 mars 91")]),
    ("ma date de fete: 12 mars 88", [(D, "12 mars 88")]),
    # a date alone: a child's year before the last few, a month's name and a year of two digits (dates._date_alone)
    ("its 2011-03-09", [(D, "2011-03-09")]),
    ("c'est le 2016-10-30", [(D, "2016-10-30")]),
    ("sept 14 '79", [(D, "sept 14 '79")]),
    ("12 dec 86", [(D, "12 dec 86")]),
    ("march 3 '05", [(D, "march 3 '05")]),
]

# near-misses: no name, or no birth date
EDGES: list[tuple[str, list[tuple[str, str]]]] = [
    ("merci, demandez au bureau de Laval", []),
    ("un certain nombre de documents manquent", []),
    ("i spoke w my lawyer yesterday", []),
    ("MY MOTHER IS 80 AND CANT WALK, OR COST TOO MUCH", []),
    ("HE IS 74 AND CANT USE A COMPUTER", []),
    ("my name is Kevin A. Please help", [(N, "Kevin")]),
    ("hey buddy, can you help me", []),
    ("Grace Mwangi applied. Grace period is over now", [(N, "Grace Mwangi")]),
    ("my appointment. next monday, 2025-03-04, is it ok", []),
    ("we moved. ottawa ontario, 2019-01-01 was the day", []),
    ("la date de fête du Canada est le 1er juillet 2025", []),
    ("its 2023-05-01", []),
    ("dec 25 2024", []),
    ("may 12 25", []),
    ("meeting jun 5 at 10", []),
    ("i have 3 kids aged 12 and 15", []),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE + EDGES)
def test_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_dates(text) == expected
