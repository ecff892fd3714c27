"""Round 51 of issue 14 (part A): names and birth dates, read on heldout102, heldout104, heldout106 and heldout108
(people.py, dates.py). Each rule covers a way of writing, and each row was written for it, not taken from a set (names,
places, numbers, languages and positions my own). The rows compare only the PERSON and DATE_OF_BIRTH spans; most
positive rows fail at the round's start (71b8934), the others guard a rule's edge."""

from __future__ import annotations

import pytest
from people_rounds import names_and_dates

N, D = "PERSON", "DATE_OF_BIRTH"

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # a title (with West and Central Africa's "Mle", "Sieur", "Dame") or a spouse or child, the family name in capitals
    # with its particles, then the given names (people._titled_family_first)
    ("La Dame KOUASSI Adjoua Marie demande un visa", [(N, "KOUASSI Adjoua Marie")]),
    ("Mme OUEDRAOGO Salimata a déposé sa demande", [(N, "OUEDRAOGO Salimata")]),
    ("M. BEN SALAH Mohamed Amine, UCI 1234", [(N, "BEN SALAH Mohamed Amine")]),
    ("Madame ABOU NADER Rita souhaite un rendez-vous", [(N, "ABOU NADER Rita")]),
    ("M. N'GUESSAN Koffi Olivier attend sa lettre", [(N, "N'GUESSAN Koffi Olivier")]),
    ("ma femme RAKOTO Hanitra attend toujours", [(N, "RAKOTO Hanitra")]),
    ("Le Sieur TRAORÉ Moussa demande un permis", [(N, "TRAORÉ Moussa")]),
    ("mon fils KABILA wa KABILA Patrick est malade", [(N, "KABILA wa KABILA Patrick")]),
    ("bonjour, je suis Mlle DIOP Khady, merci", [(N, "DIOP Khady")]),
    # the next birth date of a list after a possessive or "le" ("..., our twins 07/07/2010", "maman le 17 ...")
    # (dates._NEXT_NAMED)
    ("ma mère est née le 3 juin 1950, papa le 8 août 1948", [(D, "3 juin 1950"), (D, "8 août 1948")]),
    ("DOB: mine 1990-02-03, our kids 2015-06-07 and 2018-09-10",
     [(D, "1990-02-03"), (D, "2015-06-07"), (D, "2018-09-10")]),
    ("date de naissance: moi 12/03/1985, mes enfants 04/04/2012", [(D, "12/03/1985"), (D, "04/04/2012")]),
    # the name, who the person is to the writer, then the date (dates._KIN_AFTER_NAME)
    ("please add Omar (fils) 12.03.2016 to my file", [(N, "Omar"), (D, "12.03.2016")]),
    ("Kofi Mensah - my husband - 1985-02-02, passport G1234567", [(N, "Kofi Mensah"), (D, "1985-02-02")]),
    # a birth date typed with "o" for zero, "l" or "I" for one (dates._LETTERED_BIRTH)
    ("DOB: l2-o4-1988 thx", [(D, "l2-o4-1988")]),
    ("date de naissance : 3O.O9.1975", [(D, "3O.O9.1975")]),
    ("born 2oo1-o7-l9 in lagos", [(D, "2oo1-o7-l9")]),
    # a paper's expiry before the birth word is no birth date (dates._EVENT_JUST_BEFORE)
    ("my visa expires on May 3, I was born on 4 June 1990", [(D, "4 June 1990")]),
    ("mon permis expire le 30 juin, je suis née le 2 mars 1991", [(D, "2 mars 1991")]),
    # the family's birth dates listed after who each is, no birth word (dates._kin_dated_list)
    ("moi 1984-02-02, ma blonde 1986-06-06 pis le p'tit 2020-10-10",
     [(D, "1984-02-02"), (D, "1986-06-06"), (D, "2020-10-10")]),
    ("for the forms: dad 1955-01-01; mom 1957-02-02", [(D, "1955-01-01"), (D, "1957-02-02")]),
    # a solar calendar's date after the name, its Gregorian date after it (dates._SOLAR_DATE)
    ("my husband Ali Rezaei, 1360/11/02 which is 22 jan 1982",
     [(N, "Ali Rezaei"), (D, "1360/11/02"), (D, "22 jan 1982")]),
    # the year in texting's thousands after a birth date without its year (dates._TWO_K_YEAR)
    ("née le 3 mai 2k", [(D, "3 mai 2k")]),
    ("bday: march 4, 2K10 lol", [(D, "march 4, 2K10")]),
    # "Dame" a title, not the name
    ("C'est Dame KONATÉ Mariam qui vous écrit", [(N, "KONATÉ Mariam")]),
    # an adverb between the relative and the name is not the name (people._ADVERB_BEFORE_NAME)
    ("contact my wife rather Chiamaka Obi at 613-555-0142", [(N, "Chiamaka Obi")]),
    # a child named by rank after the article (people._RANKED_CHILD)
    ("la cadette, Inès, a besoin d'un passeport", [(N, "Inès")]),
    ("the eldest Kwame is 19 now", [(N, "Kwame")]),
    ("le plus jeune Thomas n'a pas de NAS", [(N, "Thomas")]),
    # the French "m." in lower case, a family name after it (people._TITLE_LOWER, _name_at)
    ("j'ai parlé à m. gagnon hier", [(N, "gagnon")]),
    ("le gars s'appelait m. lavoie je pense", [(N, "lavoie")]),
    # two family names joined in lower case after "l'agent", "la conseillère" (people._DOUBLE_FAMILY_LOWER)
    ("la conseillère gagnon-tremblay m'a rappelé", [(N, "gagnon-tremblay")]),
    ("l'agente bouchard-roy a fermé mon dossier", [(N, "bouchard-roy")]),
    # a family name beginning with a saint's, after a given name (people._SAINT_FAMILY)
    ("svp écrivez à Marie Saint-Jean, ma cousine", [(N, "Marie Saint-Jean")]),
    # the next full names of a list whose first ones were found (people._masked_list_names)
    ("the applicants are Oumar Diallo, Awa Diallo and Mariam Diallo.",
     [(N, "Oumar Diallo"), (N, "Awa Diallo"), (N, "Mariam Diallo")]),
    ("nous sommes: Zhang Wei, Liu Yang, Zhang Min, Zhang Lei - merci",
     [(N, "Zhang Wei"), (N, "Liu Yang"), (N, "Zhang Min"), (N, "Zhang Lei")]),
]

# near-misses: no name, or no second birth date
EDGES: list[tuple[str, list[tuple[str, str]]]] = [
    ("Mr SMITH Thanks for the help", []),
    ("M. IRCC Montréal ne répond pas", []),
    ("Mr UCI Number is 1234", []),
    ("DOB: 99/oo/1990", []),
    ("born 1990-01-01, our wedding 2015-05-05", [(D, "1990-01-01")]),
    ("my appointment is at 9 a.m. tomorrow morning", []),
    ("Contact: Mike Larsen, Larsen Orchards, 250-499-2281", [(N, "Mike Larsen")]),
    ("I spoke with Jean Tremblay, Case Officer", [(N, "Jean Tremblay")]),
    ("pls dm back, ur agent jean-philippe tremblay gave me wrong info", [(N, "jean-philippe tremblay")]),
    ("j'habite rue Jean St-Pierre à Laval", []),
    ("l'aîné Canada est grand", []),
    ("me 2025-03-03, my wife 2025-04-04", []),
    ("visa paid: me 1999-01-01, my wife 2001-02-02", []),
    ("la dame m'a dit d'attendre", []),
    ("room 1365/04/12 = 2020-01-01", []),
    ("dob 12/03/1990 2k vibes", [(D, "12/03/1990")]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE + EDGES)
def test_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_dates(text) == expected
