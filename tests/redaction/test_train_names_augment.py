"""Mention replacement of the name tagger's training (quaid_patterns.train_names, issue 14):
the copies of a message with other names in place of its PERSON values."""

from __future__ import annotations

import random

from quaid_patterns.gazetteer import names
from quaid_patterns.train_names import augmented, name_pool, replace_names

TEXT = "Bonjour, je suis Marie-Ève TREMBLAY (mebd@mail.com), et mon mari jean dubois vit au 12 rue Jean-Talon"
EXPECTED = [("PERSON", "Marie-Ève TREMBLAY"), ("EMAIL", "mebd@mail.com"), ("PERSON", "jean dubois"),
            ("ADDRESS", "12 rue Jean-Talon")]


def _listed(word: str) -> bool:
    given, family = names()
    return word.lower() in given or word.lower() in family


def test_the_spans_stay_on_their_values_and_the_names_change() -> None:
    text, expected = replace_names(TEXT, EXPECTED, random.Random(1)) or ("", [])
    assert [kind for kind, _ in expected] == [kind for kind, _ in EXPECTED]
    cursor = 0
    for _kind, value in expected:
        start = text.index(value, cursor)
        cursor = start + len(value)
    assert dict(expected)["EMAIL"] == "mebd@mail.com" and expected[3] == EXPECTED[3]
    assert text.startswith("Bonjour, je suis ") and text.endswith(", et mon mari " + expected[2][1] + " vit au 12 rue Jean-Talon")
    first, second = expected[0][1], expected[2][1]
    assert first != "Marie-Ève TREMBLAY" and second != "jean dubois"
    assert all(_listed(part) for part in first.replace("-", " ").split() + second.split())


def test_the_case_and_the_words_are_kept() -> None:
    for seed in range(20):
        replaced = replace_names(TEXT, EXPECTED, random.Random(seed))
        assert replaced is not None
        (_, first), _, (_, second), _ = replaced[1]
        given, family = first.split(" ")
        assert given.count("-") >= 1 and given[0].isupper() and not given.isupper()  # "Marie-Ève": Title-Title
        assert family.isupper() and len(family) > 1  # "TREMBLAY"
        assert second.islower() and len(second.split()) == 2  # "jean dubois"
    kept = replace_names("Md. Rafiqul VAN DER BERG Jr.", [("PERSON", "Md. Rafiqul VAN DER BERG Jr.")], random.Random(3))
    assert kept is not None
    words = kept[1][0][1].split()
    assert words[0] == "Md." and words[2:5] == ["VAN", "DER", words[4]] and words[5] == "Jr." and words[4].isupper()


def test_a_name_said_twice_gets_one_replacement() -> None:
    text = "Ana Lopez here. Ana speaking again, ANA"
    expected = [("PERSON", "Ana Lopez"), ("PERSON", "Ana"), ("PERSON", "ANA")]
    replaced = replace_names(text, expected, random.Random(5))
    assert replaced is not None
    (_, full), (_, alone), (_, upper) = replaced[1]
    assert full.split()[0] == alone and upper == alone.upper()


def test_nothing_to_replace_gives_no_copy() -> None:
    assert replace_names("张伟 here", [("PERSON", "张伟")], random.Random(0)) is None
    assert replace_names("no name here", [("PERSON", "Absent")], random.Random(0)) is None
    # an address that begins inside the name: no consistent copy
    assert replace_names("Jean Talon Street", [("PERSON", "Jean Talon"), ("ADDRESS", "Talon Street")],
                         random.Random(0)) is None


def test_the_copies_are_the_same_on_every_run() -> None:
    cases = [(TEXT, EXPECTED), ("how long does it take?", []), ("c'est moussa", [("PERSON", "moussa")])]
    first = augmented(cases, 2, "set")
    assert first == augmented(cases, 2, "set")
    assert len(first) == 4 and first[0] != first[1]
    assert first != augmented(cases, 2, "other")
    assert augmented(cases, 0, "set") == []


def test_the_training_sets_names_replace_given_by_given_and_family_by_family() -> None:
    pool = name_pool([("x", [("PERSON", "Kwame Mensah")]), ("y", [("PERSON", "NGUYEN, Lan"), ("EMAIL", "a@b.c")])])
    assert pool == (("kwame", "lan"), ("mensah", "nguyen"))
    for seed in range(10):
        replaced = replace_names("c'est Ana Lopez", [("PERSON", "Ana Lopez")], random.Random(seed), pool)
        assert replaced is not None
        given, family = replaced[1][0][1].split()
        assert given in ("Kwame", "Lan") and family in ("Mensah", "Nguyen")
        assert replaced[0] == "c'est " + replaced[1][0][1]
