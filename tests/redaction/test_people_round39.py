"""Round 39 of issue 14 (part A): names and birth dates (people.py, dates.py, vocabulary.py). Each row was written
for its rule, not taken from a set (a probe in the set's style, its words my own); most positives were missed or cut
at d48b211 (the others guard a rule's edge), the near-misses stay unmasked."""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

REDACTOR = PatternRedactor()

POSITIVE: list[tuple[str, list[tuple[str, str]]]] = [
    # a family name in capitals after a lone given name: people._SHOUTED_FAMILY_NEXT (before: the given name only)
    ("my uncle Peter KWABENYA lost his passport", [("PERSON", "Peter KWABENYA")]),
    ("ma belle-mère Yamina ZERROUKI arrive demain", [("PERSON", "Yamina ZERROUKI")]),
    (
        "Mon beau-frère Olivier MBAPPE (IUC 6620-1183) a reçu la lettre.",
        [("PERSON", "Olivier MBAPPE"), ("CLIENT_ID", "6620-1183")],
    ),
    # a name's own label run into: people._NAME_LABEL_HEAD, _OWN_LABEL_HEAD (before: "Okafor Given" one span)
    (
        "Last name: ODHIAMBO First name: Akinyi DOB: 3 May 1994",
        [("PERSON", "ODHIAMBO"), ("PERSON", "Akinyi"), ("DATE_OF_BIRTH", "3 May 1994")],
    ),
    ("Family name: KAMARA Given name: Fatmata", [("PERSON", "KAMARA"), ("PERSON", "Fatmata")]),
    # a table's column mark inside a name the tagger found: names_model._COLUMN (before: "KONE | Mariam" one span).
    # The tagger retrained after round 39 no longer tags "KONE" under a French header ("Nom | Prénom | Passeport"):
    # the row is the English header's, where it tags both cells; the cut itself is tested below on its own (todo: a
    # rule for a header's columns)
    (
        "Surname | Given name | Passport\nOKAFOR | Chinedu | A0938472",
        [("PERSON", "OKAFOR"), ("PERSON", "Chinedu"), ("PASSPORT", "A0938472")],
    ),
    # a tab after a reversed name, a table's next column: people._REVERSED (before: the first row only)
    (
        "Famille :\nTREMBLAY, Julie\t1988-04-02\tconjointe\nTREMBLAY, Noah\t2015-09-30\tfils",
        [
            ("PERSON", "TREMBLAY, Julie"),
            ("DATE_OF_BIRTH", "1988-04-02"),
            ("PERSON", "TREMBLAY, Noah"),
            ("DATE_OF_BIRTH", "2015-09-30"),
        ],
    ),
    # the writer's name, then a date alone between full stops, then another field: dates._INTRODUCED_BEFORE
    (
        "Kwame Mensah here. 1981-09-23. passport G1234567",
        [("PERSON", "Kwame Mensah"), ("DATE_OF_BIRTH", "1981-09-23"), ("PASSPORT", "G1234567")],
    ),
    (
        "je suis Fatou Sow. 12/08/1995. +221 77 123 45 67",
        [("PERSON", "Fatou Sow"), ("DATE_OF_BIRTH", "12/08/1995"), ("PHONE", "+221 77 123 45 67")],
    ),
    ("hi I am Grace Mensah. 12/05/2025 is my appointment", [("PERSON", "Grace Mensah")]),
    # a relative's word, a dash or a colon, the name, then the date: dates._KIN_NAMED_BEFORE (before: no date)
    (
        "Mère – Amina DIALLO – 3 mars 1963\nPère – Ousmane DIALLO – 14 janv. 1958",
        [
            ("PERSON", "Amina DIALLO"),
            ("DATE_OF_BIRTH", "3 mars 1963"),
            ("PERSON", "Ousmane DIALLO"),
            ("DATE_OF_BIRTH", "14 janv. 1958"),
        ],
    ),
    (
        "ma fille: Awa Ndiaye / 12 juin 2015 / passeport A1234567",
        [("PERSON", "Awa Ndiaye"), ("DATE_OF_BIRTH", "12 juin 2015"), ("PASSPORT", "A1234567")],
    ),
    (
        "Son: Marco BIANCHI / Oct 3, 2008 / passport YB1234567",
        [("PERSON", "Marco BIANCHI"), ("DATE_OF_BIRTH", "Oct 3, 2008"), ("PASSPORT", "YB1234567")],
    ),
    # and after a sentence's end, the next one opening with a capital: _KIN_NAMED_BEFORE, _ITEM_END
    (
        "this is for my parents. Dad Piotr NOWAK - 2 maja 1951, Mom Anna NOWAK - 9 mai 1954. Thanks",
        [
            ("PERSON", "Piotr NOWAK"),
            ("DATE_OF_BIRTH", "2 maja 1951"),
            ("PERSON", "Anna NOWAK"),
            ("DATE_OF_BIRTH", "9 mai 1954"),
        ],
    ),
    # the relative's word in brackets, then a date whose year has two digits: dates._KIN_IN_BRACKETS_BEFORE
    (
        "ok: Hassan (me) 4/3/87, Leila (wife) 19/2/91",
        [
            ("PERSON", "Hassan"),
            ("DATE_OF_BIRTH", "4/3/87"),
            ("PERSON", "Leila"),
            ("DATE_OF_BIRTH", "19/2/91"),
        ],
    ),
    # another label's date on the line before a birth label: dates._other_line_label (before: both dates)
    (
        "Date de mariage : 03/06/2019\nDate de naissance du conjoint : 12/01/1990",
        [("DATE_OF_BIRTH", "12/01/1990")],
    ),
    ("Date of landing: 2019-05-02\nDOB: 1990-01-01", [("DATE_OF_BIRTH", "1990-01-01")]),
    # a form's month, day and year between dashes: dates._DATE (before: missed)
    ("Client: Grace OWUSU\nDOB: Mar-02-1991", [("PERSON", "Grace OWUSU"), ("DATE_OF_BIRTH", "Mar-02-1991")]),
    ("born oct-3-1988 in Lagos", [("DATE_OF_BIRTH", "oct-3-1988")]),
    # a greeting of two capitalised words is no name: names_model._GREETINGS (before: "Xin chao" a name)
    ("Xin chao, I am Tran Minh Khoa", [("PERSON", "Tran Minh Khoa")]),
    ("Chao Li is my wife", [("PERSON", "Chao Li")]),
    # an elder's or younger's word and a date format's placeholder are no names: vocabulary.NOT_NAME
    (
        "Mon fils aîné Rayan, né le 2 septembre 2005",
        [("PERSON", "Rayan"), ("DATE_OF_BIRTH", "2 septembre 2005")],
    ),
    ("Date de naissance (AAAA-MM-JJ) : 1995-03-30", [("DATE_OF_BIRTH", "1995-03-30")]),
    ("Date of birth (YYYY-MM-DD): 1990-01-02", [("DATE_OF_BIRTH", "1990-01-02")]),
    # the name alone: a word or an acronym in capitals after it, an appointment's date after a relative in brackets
    ("merci Marie ASAP svp", [("PERSON", "Marie")]),
    ("hi Sarah URGENT please answer", [("PERSON", "Sarah")]),
    ("Omar (son): 12/05/2025 appointment at VFS", [("PERSON", "Omar")]),
    ("my son. Omar - interview 12/05/2025", [("PERSON", "Omar")]),
]

NEAR_MISSES: list[str] = [
    # a relative in brackets, then an appointment's date
    "my son (oldest) 12/05/2025 appointment at VFS",
    "mon fils (le grand): rdv le 12/05/2025",
    "my appointment is Mar-12-2025",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds_exactly_the_expected_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(REDACTOR.find, text, expected)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_stays_unmasked(text: str) -> None:
    assert_unmasked(REDACTOR.find, text)


def test_a_tagged_name_is_cut_at_a_tables_column_marks() -> None:
    """names_model.columns: what the tagger spans across a bar, a tab or a spaced slash is one name a column (the
    tagger retrained after round 39 no longer spans one in the rows above, so the cut is tested on its own)."""
    from quaid_patterns.names_model import columns

    for text, names in (
        ("KONE | Mariam | AB123456", ["KONE", "Mariam"]),
        ("JOSEPH\tMarie-Claude\t1990", ["JOSEPH", "Marie-Claude"]),
        ("NDIAYE / Aminata Fatou", ["NDIAYE", "Aminata Fatou"]),
        ("Suresh s/o Ramasamy", ["Suresh s/o Ramasamy"]),
    ):
        end = text.index(names[-1]) + len(names[-1])
        assert [text[a:b] for a, b in columns(text, 0, end)] == names, text

