"""Round 37 of issue 14 (part A): names and birth dates (people.py, dates.py, vocabulary.py). Each row was written
for its rule, not taken from a set (a probe in the set's style, its words my own); the positives marked "before"
were missed or cut at a4874cf, the near-misses so marked were masked."""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

REDACTOR = PatternRedactor()

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # a form's next label run into without a colon: people._LABEL_HEAD, _head_label_end (before: "... Date" kept)
    (
        "NOM: GAGNON PRÉNOM: ANNE-SOPHIE DATE DE NAISSANCE: 02/11/1987",
        [("PERSON", "GAGNON"), ("PERSON", "ANNE-SOPHIE"), ("DATE_OF_BIRTH", "02/11/1987")],
    ),
    (
        "Nom de famille : Pham Prénom : Thi Hoa Date de naissance : 21/05/1969",
        [("PERSON", "Pham"), ("PERSON", "Thi Hoa"), ("DATE_OF_BIRTH", "21/05/1969")],
    ),
    (
        "Surname: Okoro Given name: Adaeze Date of birth: 14/02/1993",
        [("PERSON", "Okoro"), ("PERSON", "Adaeze"), ("DATE_OF_BIRTH", "14/02/1993")],
    ),
    # a birth word typed right after a lower-case name: people._BIRTH_TAIL (before: "... nee" kept)
    (
        "ma soeur s'appelle aicha el amrani nee le 3 juillet 1992 on habite a rabat",
        [("PERSON", "aicha el amrani"), ("DATE_OF_BIRTH", "3 juillet 1992")],
    ),
    # a lower-case given name after a role, an adviser's after a title: people._role_lower_names (before: missed;
    # "agent julien", "mme tremblay" and "m. bouchard" were found already, the set's "m. gagnon" and "agent sophie" not)
    ("agent julien m'a dit de patienter", [("PERSON", "julien")]),
    ("the officer james told me to wait outside", [("PERSON", "james")]),
    ("ma conseillère mme tremblay m'a appelé hier", [("PERSON", "tremblay")]),
    ("mon conseiller m. bouchard m'a dit d'attendre", [("PERSON", "bouchard")]),
    # and a possessive with the role before the name is no part of it: people._ROLE_LEAD (before: "ma nounou cristina")
    ("num c'est pour ma nounou cristina", [("PERSON", "cristina")]),
    ("the new number is for my nanny joy", [("PERSON", "joy")]),
    # a pasted record, the name first then a birth date in digits: people._record_opening_names (before: the name
    # and date missed; "Tran Van Duc" in capitals was found already)
    (
        "maria fernanda lopez, 16/07/1975, AR847291",
        [("PERSON", "maria fernanda lopez"), ("DATE_OF_BIRTH", "16/07/1975"), ("PASSPORT", "AR847291")],
    ),
    (
        "Tran Van Duc / 1984-02-11 / C7788991",
        [("PERSON", "Tran Van Duc"), ("DATE_OF_BIRTH", "1984-02-11"), ("PASSPORT", "C7788991")],
    ),
    # a mailbox's two parts written as one name: people._mailed_names (before: two spans)
    (
        "Salma Karim here 😊 can u send letter to salma.karim@yahoo.fr",
        [("PERSON", "Salma Karim"), ("EMAIL", "salma.karim@yahoo.fr")],
    ),
    # a name of two words said again in full: people._restated (before: the family name missed)
    ("hi its jose luis, jose luis ortega sorry", [("PERSON", "jose luis"), ("PERSON", "jose luis ortega")]),
    (
        "c'est marie claire, marie claire dubois pardon",
        [("PERSON", "marie claire"), ("PERSON", "marie claire dubois")],
    ),
    # a bilingual card's month in its two languages: dates._DATE (before: the day and first month only)
    (
        "DATE DE NAISSANCE / DATE OF BIRTH: 02 JUIN/JUN 1985",
        [("DATE_OF_BIRTH", "02 JUIN/JUN 1985")],
    ),
    ("DATE OF BIRTH / DATE DE NAISSANCE\n05 FEB /FÉVR 1979\n", [("DATE_OF_BIRTH", "05 FEB /FÉVR 1979")]),
    # Turkish months and birth words: dates._OTHER_MONTH, _BIRTH (before: missed or the year left out)
    (
        "my father in law ahmet yilmaz dob 14 nisan 1958",
        [("PERSON", "ahmet yilmaz"), ("DATE_OF_BIRTH", "14 nisan 1958")],
    ),
    ("annem doğum tarihi 2 ekim 1965", [("DATE_OF_BIRTH", "2 ekim 1965")]),
    # a date in words said before whose birth date it is: dates._BIRTH_SAID_AFTER (before: missed)
    (
        "nineteen eighty four, march the second that's my birthday",
        [("DATE_OF_BIRTH", "nineteen eighty four, march the second")],
    ),
    (
        "le deux mars mille neuf cent quatre-vingt, c'est ma date de naissance",
        [("DATE_OF_BIRTH", "deux mars mille neuf cent quatre-vingt")],
    ),
    # the year in words first, then the day before the month: dates._SPELLED_DATE year2 (before: missed)
    (
        "date de naissance: mille neuf cent quatre-vingt-huit, le vingt juin",
        [("DATE_OF_BIRTH", "mille neuf cent quatre-vingt-huit, le vingt juin")],
    ),
    (
        "born nineteen seventy, the fourth of june",
        [("DATE_OF_BIRTH", "nineteen seventy, the fourth of june")],
    ),
    # not a Portuguese street after a name: people._NAMED_PLACE_BEFORE in _listed_along (before: "rua das" a name)
    ("je suis marcos lima, rua das flores perto do centro", [("PERSON", "marcos lima")]),
    ("sou o marcos lima, rua augusta fica longe", [("PERSON", "marcos lima")]),
]

NEAR_MISSES: list[str] = [
    # "Merci Beaucoup" capitalised (vocabulary.NOT_NAME; before: "Beaucoup" masked at the message's end)
    "Bonjour Merci Beaucoup",
    "Merci Beaucoup pour la réponse rapide",
    # a role before a word that is no name, or a verb
    "the agent status is still pending",
    "officer said to wait for the letter",
    "my nanny is sick today",
    # a list opened by words that are no name before a date
    "passport renewal, 12/05/2025 appointment",
    "hello team, 12/05/2025 is my biometrics",
    # a date in words with no birth word either side
    "nineteen ninety, may the third",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_exactly_the_expected_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(REDACTOR.find, text, expected)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_stays_unmasked(text: str) -> None:
    assert_unmasked(REDACTOR.find, text)
