"""Round 33 of issue 14 (part A): names and birth dates of people writing for their family, and terse
phone typing (people.py, dates.py, gazetteer.py). Each row was written for its rule, not taken from
a set: the positives were missed or cut before the rule, the near-misses must stay as they are."""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

REDACTOR = PatternRedactor()

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # a verb typed without its apostrophe after a name is no family name ("Cant" is one): people._widened
    ("my father in law Mr. Gurpreet Singh Dhillon cant come to the appt", [("PERSON", "Gurpreet Singh Dhillon")]),
    ("Mr. John Smith cant attend the interview", [("PERSON", "John Smith")]),
    # a widow's late husband's name: people._WIDOW_AFTER
    ("my aunt Carmen Rosa Díaz viuda de Pérez needs a visa", [("PERSON", "Carmen Rosa Díaz viuda de Pérez")]),
    ("ma tante Lucía Gómez vda de Herrera veut venir", [("PERSON", "Lucía Gómez vda de Herrera")]),
    ("My grandmother Esperanza Villanueva vda. de Ortiz lives in Bogotá",
     [("PERSON", "Esperanza Villanueva vda. de Ortiz")]),
    # the writer said by a relative's name: people._KIN_OF_ME
    ("Je suis la sœur de Wesner. Il est à Santiago", [("PERSON", "Wesner")]),
    ("I'm the brother of Wesner, he lives in Chile", [("PERSON", "Wesner")]),
    ("c'est la fille de Kettly Joseph qui écrit", [("PERSON", "Kettly Joseph")]),
    ("I am the sister of Yaw and he needs a visa", [("PERSON", "Yaw")]),
    # a remark in brackets between a relative's word and the name: people._KIN_ASIDE
    ("nephew wants to come study, his dad (my bro) Yaw can pay.", [("PERSON", "Yaw")]),
    ("my sister (the eldest) Akosua will sponsor him", [("PERSON", "Akosua")]),
    ("ma sœur (la plus jeune) Wesline veut venir", [("PERSON", "Wesline")]),
    # the person a paper is for: people._PAPERS_FOR
    ("our daycare needs proof of status for Chloé. can i get a letter?", [("PERSON", "Chloé")]),
    ("can i get a letter for Amadou?", [("PERSON", "Amadou")]),
    ("le formulaire pour Aïcha.", [("PERSON", "Aïcha")]),
    # a pasted record, the name alone on the first line and numbers under it: people._RECORD_FIRST_LINE
    ("Xu Wenjie\nE58823104\n13912887450", [("PERSON", "Xu Wenjie"), ("PASSPORT", "E58823104"), ("PHONE", "13912887450")]),
    ("Nguyen Thanh\n0912 345 678", [("PERSON", "Nguyen Thanh"), ("PHONE", "0912 345 678")]),
    # the letter of the number on the next line is no initial of the name
    ("hello\nim Chidi Okonkwo-Eze\nW307712458", [("PERSON", "Chidi Okonkwo-Eze"), ("APPLICATION_NUMBER", "W307712458")]),
    # a relative's word, the name, then the date: dates._KIN_NAMED_BEFORE
    ("Dad (Jorge Luis Castillo) - 1957/03/21\nMom (Ana María Paredes de Castillo) - 1959/08/30\nsuper visa?",
     [("PERSON", "Jorge Luis Castillo"), ("DATE_OF_BIRTH", "1957/03/21"),
      ("PERSON", "Ana María Paredes de Castillo"), ("DATE_OF_BIRTH", "1959/08/30")]),
    ("Père (Jean Dupont) - 12/03/1955\nMère (Marie Roy) - 04/07/1958",
     [("PERSON", "Jean Dupont"), ("DATE_OF_BIRTH", "12/03/1955"), ("PERSON", "Marie Roy"), ("DATE_OF_BIRTH", "04/07/1958")]),
    ("Dad Jorge Castillo - 1957/03/21", [("PERSON", "Jorge Castillo"), ("DATE_OF_BIRTH", "1957/03/21")]),
    ("- Son (Luca) : 2015.06.01\n- Daughter (Mia) : 2018.02.11",
     [("PERSON", "Luca"), ("DATE_OF_BIRTH", "2015.06.01"), ("PERSON", "Mia"), ("DATE_OF_BIRTH", "2018.02.11")]),
    # a person's papers saying a date of the last century: dates._papers_say
    ("my grandmother's tazkira only shows the year but her passport says 01/01/1940. which one do i put?",
     [("DATE_OF_BIRTH", "01/01/1940")]),
    ("son passeport dit 01/01/1950, c'est pas sa vraie date", [("DATE_OF_BIRTH", "01/01/1950")]),
    ("my father's passport says 15/06/1948 but his ID says 1949", [("DATE_OF_BIRTH", "15/06/1948")]),
    # the birth date changed, then the new one: dates._CHANGED_TO
    ("our adopted daughter's birth date was changed by the court to 2016/05/10 after the adoption",
     [("DATE_OF_BIRTH", "2016/05/10")]),
    ("sa date de naissance a été modifiée par le tribunal au 2016-05-10", [("DATE_OF_BIRTH", "2016-05-10")]),
    ("his DOB got corrected to 1990-05-04 last month", [("DATE_OF_BIRTH", "1990-05-04")]),
]

NEAR_MISSES: list[str] = [
    # a place's name before a noun, an article before it (people._ARTICLE_BEFORE, gazetteer.PLACES)
    "my fiancé's passport is fine, we got married in Vegas, is a Vegas marriage valid for spousal??",
    "is a Vegas marriage certificate ok for the passport?",
    # a neighbourhood's word before its name (people._NAMED_PLACE_BEFORE)
    "my parents live in Barrio San Antonio, Cali",
    # a month after "since", "until", "depuis" (people._SINCE_BEFORE)
    "Hope u r well. still waiting since Jun",
    "on attend depuis juin. des nouvelles?",
    # no name after the relative's word
    "je suis le fils de Dieu",
    "je suis la sœur de Montréal",
    "I am the son of a farmer.",
    "my wife (spouse) is in Manila",
    # a paper for a place or a holiday's
    "a visa for Oman.",
    "proof of status for Canada.",
    # a body's words or a place's on a record's first line
    "Service Canada\n1-800-622-6232",
    "Canada Post\n1-866-607-6301",
    # a paper's own dates
    "her passport says 01/01/2019 as issue date",
    "the passport says expiry 01/01/2030",
    "her marriage certificate says 1975-06-02",
    "my birth certificate was issued on 2016/05/10",
    "Your office sent a letter dated 12/03/2025 asking for my son's birth certificate, deadline 30 days.",
    "lettre datée du 12/03/2025 pour l'acte de naissance de mon fils",
]

# An event's date after a relative and the name: the name is masked, the date stays.
NO_BIRTH_DATE: list[str] = [
    "my son (Omar) interview - 2025/03/21",
    "my wife (Grace) - arrived 2023/05/02",
    "Mom (Ana) - 2025/03/21 biometrics appointment",
    "my brother Ahmed, 2019-05-01 is when he landed",
]

# Names and dates that must keep their meaning next to the rules above.
KEPT: list[tuple[str, list[tuple[str, str]]]] = [
    ("my son Jun needs a visa", [("PERSON", "Jun")]),
    ("since May Chen moved, her file is stuck", [("PERSON", "May Chen")]),
    ("je suis la mère de Kervens", [("PERSON", "Kervens")]),
    ("birth date 30.06.1975", [("DATE_OF_BIRTH", "30.06.1975")]),
    ("Mom (Ana) - 1959/08/30", [("PERSON", "Ana"), ("DATE_OF_BIRTH", "1959/08/30")]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE + KEPT, ids=[t for t, _ in POSITIVE + KEPT])
def test_finds_exactly_the_expected_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(REDACTOR.find, text, expected)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_stays_unmasked(text: str) -> None:
    assert_unmasked(REDACTOR.find, text)


@pytest.mark.parametrize("text", NO_BIRTH_DATE)
def test_event_date_is_no_birth_date(text: str) -> None:
    assert [text[s.start:s.end] for s in REDACTOR.find(text) if s.type == "DATE_OF_BIRTH"] == []
