"""A found name spelled out letter by letter, the letters apart by blanks, dots or hyphens (people._spelled_out): the
run is masked when its letters make a word of a name found in the same text, or two such words one after the other."""

from __future__ import annotations

import pytest
from people_rounds import names_and_dates

N = "PERSON"

POSITIVE = [
    ("my last name is okafor spelled o k a f o r", [(N, "okafor"), (N, "o k a f o r")]),
    ("my name is Rahul Verma r a h u l v e r m a", [(N, "Rahul Verma"), (N, "r a h u l"), (N, "v e r m a")]),
    ("je m'appelle Hélène Caron, C.A.R.O.N. pour le nom", [(N, "Hélène Caron"), (N, "C.A.R.O.N")]),
    ("its Tomasz Nowak. N-O-W-A-K", [(N, "Tomasz Nowak"), (N, "N-O-W-A-K")]),
    ("name is Ifeoma Eze, first name i f e o m a", [(N, "Ifeoma Eze"), (N, "i f e o m a")]),
]

NEAR_MISS = [
    "press a b c then call back",
    "form I M M 5 2 5 7 for the visa",
    "the code is x y z 1 2 3",
    "U.S.A. or Canada, which one",
    "a.m. or p.m. appointment please",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_spelled_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_dates(text) == expected


@pytest.mark.parametrize("text", NEAR_MISS)
def test_letters_without_a_found_name(text: str) -> None:
    assert [s for s in names_and_dates(text) if s[0] == N] == []
