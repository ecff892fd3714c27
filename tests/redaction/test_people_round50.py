"""Round 50 of issue 14 (part A): names and birth dates, read on heldout44, heldout48, heldout51, heldout101, heldout103
and heldout105 (people.py, names_model.py, dates.py). Each rule covers a way of writing, and each row was written for
it, not taken from a set (names, places, numbers, languages and positions my own). The rows compare only the PERSON and
DATE_OF_BIRTH spans; most positive rows fail at the round's start (f18e72a), the others guard a rule's edge. The
near-misses get no PERSON span."""

from __future__ import annotations

import pytest
from people_rounds import names_and_dates

N, D = "PERSON", "DATE_OF_BIRTH"

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # the family name, a comma, the given name, in lower case or in capitals, where one introduces oneself or after
    # a name's label (people._inverted_names)
    ("its gagnon, sophie", [(N, "gagnon, sophie")]),
    ("c'est bouchard, anne-marie", [(N, "bouchard, anne-marie")]),
    ("hi its nguyen, linh. any news on my file?", [(N, "nguyen, linh")]),
    ("it's Côté, Isabelle. I called yesterday", [(N, "Côté, Isabelle")]),
    ("name on my passport: WANG, JUNHAO. is that ok", [(N, "WANG, JUNHAO")]),
    ("NOM/NAME: DIALLO, AMINATA  DDN/DOB 1990-04-12", [(N, "DIALLO, AMINATA"), (D, "1990-04-12")]),
    # a greeting before the French title "M." and a family name: the family name alone; another initial: with it
    # (people._initial_names)
    ("Cher M. Gauthier, je vous remercie de votre aide", [(N, "Gauthier")]),
    ("Bonjour M. Ouellet (le conseiller), voici mon dossier", [(N, "Ouellet")]),
    ("Dear K. Adeyemi, please find my documents attached", [(N, "K. Adeyemi")]),
    # a staff member's role and an initial before the name the tagger finds (names_model.ROLE_INITIAL_BEFORE)
    ("i want to complain about officer M. Haddad who was rude to me", [(N, "M. Haddad")]),
    # the file's role before a letter's subject name (names_model._ROLE_FIRST)
    ("Re: Applicant Oksana Kovalenko, UCI 1122-3344", [(N, "Oksana Kovalenko")]),
]

NEAR_MISS = [
    # a parent as one calls them, in lower case (people._PARENT_CALLS)
    "Passeport de papa: XK1234567, il expire bientôt",
    "the form for mom is ready, what next",
    "le dossier de maman est toujours en traitement",
    # what one thanks for, shouted after the thanks (people: the sign-off's shouted name)
    "adresse changée au 88 rue King. MERCI DE VÉRIFIER",
    # a crossing street named after someone (names_model.plausible)
    "le bureau est Avenue Cheikh Anta Diop x Moussa Diop Sall, en face de la pharmacie",
    # a role and an initial alone say no name
    "the letter was signed by Officer L. Moreau and asks for a police certificate",
    # a law firm under its founder's name, said again (people._BUSINESS)
    "Patel Avocats inc. is the firm, Patel Avocats is on my letter",
    # a comma between two words that are no names
    "its done, thanks",
    "c'est bon, merci",
    "its monday, marie",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_dates(text) == expected


@pytest.mark.parametrize("text", NEAR_MISS)
def test_near_misses(text: str) -> None:
    assert [s for s in names_and_dates(text) if s[0] == N] == []
