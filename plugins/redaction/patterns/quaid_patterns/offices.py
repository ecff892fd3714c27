"""The agency's public offices: addresses that clients quote without them being theirs.

"the Ottawa office at 365 Laurier Ave W", "room 302, 25 St Clair Ave E is the passport
office right?": a public office's address says nothing about the client, so it stays. The
list holds the civic number and the street's own name of offices open to the public (IRCC,
passport and case-processing offices); the street type and direction may be written any way.
It is the agency's to keep up to date (a public list, nothing personal in it).
"""

from __future__ import annotations

import re

# (civic number, the street's name as an expression), one per public office.
PUBLIC_OFFICES: tuple[tuple[str, str], ...] = (
    ("365", r"laurier"),  # Ottawa: IRCC headquarters
    ("240", r"sparks"),  # Ottawa: passport office
    ("25", r"(?:st\.?|saint)[ -]?clair"),  # Toronto: IRCC and passport office
    ("1010", r"(?:rue\s+)?(?:st|saint)[ -]antoine"),  # Montréal: IRCC
    ("200", r"(?:boul(?:evard)?\.?\s+|bd\s+)?ren[ée][ -]l[ée]vesque"),  # Montréal: Complexe Guy-Favreau
    ("1148", r"hornby"),  # Vancouver: IRCC
    ("757", r"(?:west\s+|w\.?\s+)?hastings"),  # Vancouver: Sinclair Centre
    ("9700", r"jasper"),  # Edmonton: Canada Place
    ("220", r"4(?:th)?\s+ave(?:nue)?\s+s\.?e"),  # Calgary: Harry Hays Building
    ("49", r"dorchester"),  # Sydney: case processing centre
    ("6212", r"55(?:th)?\s+ave(?:nue)?"),  # Vegreville: case processing centre
)

# The post-office boxes of the case processing centres, where applications are mailed.
PUBLIC_BOXES: tuple[str, ...] = (
    "7000",  # Sydney NS: citizenship applications
    "10020",  # Sydney NS: permanent resident cards
)
_BOX = r"(?:p\.?\s?o\.?\s*box|post\s+office\s+box|case\s+postale|c\.\s?p\.|bo[iî]te\s+postale)\s*#?\s*"

_OFFICE = re.compile(
    r"(?<![\w-])(?:" + "|".join(rf"{number},?\s+{street}" for number, street in PUBLIC_OFFICES)
    + rf"|{_BOX}(?:" + "|".join(PUBLIC_BOXES) + r"))(?![\w'’-])",
    re.IGNORECASE,
)
_NUMBERS = frozenset(number for number, _ in PUBLIC_OFFICES) | frozenset(PUBLIC_BOXES)
_NUMBER = re.compile(r"[0-9]+")


def public_offices(text: str) -> list[tuple[int, int]]:
    """Where the text quotes one of :data:`PUBLIC_OFFICES` or :data:`PUBLIC_BOXES`, as (start, end)."""
    if _NUMBERS.isdisjoint(_NUMBER.findall(text)):
        return []
    return [m.span() for m in _OFFICE.finditer(text)]
