"""Issue 14, round 44 part C: values typed in pieces or partly spelled in words (quaid_patterns/pieces.py), probed with
sentences written for them (not the sets' lines).

The convention settled this round: pieces joined only by blanks, line breaks, dots, dashes, slashes or ellipses are ONE
span, from the first piece's first character to the last piece's last; pieces joined by words ("then", "et", "puis",
"wait", a remark in brackets) are one span a piece. Digits said in words spread over a value after its cue: a digit
said twice or three times ("double 5", "triple zéro"), groups said as hundreds ("neuf cent douze"), French compounds
("soixante et onze"), one or two digit words among typed digits, groups across "..." and line breaks; a file's or a
passport's letters typed apart from the digits, in lower case too. Near-misses: counts, fees, times and durations said
in words or in pieces, forms' numbers, a doubled word that is no digit, a value whose typed digits are whole already.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order (an empty list: nothing
masked).
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

P, PP, C, U, S, AN = ("PHONE", "PASSPORT", "CREDIT_CARD", "CLIENT_ID", "SIN", "APPLICATION_NUMBER")

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # pieces joined by signs only: one span
    ("my cell is 587\n204\n6133 sry", [(P, "587\n204\n6133")]),
    ("mon nas 7 2 1 ... 4 0 8 ... 3 1 9", [(S, "7 2 1 ... 4 0 8 ... 3 1 9")]),
    ("file number B02\n7719\n4432 pls", [(AN, "B02\n7719\n4432")]),
    ("carte 4510 2298\n7761 0034", [(C, "4510 2298\n7761 0034")]),
    ("my card 4510…2298…7761…0034", [(C, "4510…2298…7761…0034")]),
    ("phone 514.\n555.\n0199", [(P, "514.\n555.\n0199")]),
    ("my cell (819)\n442\n3310", [(P, "(819)\n442\n3310")]),
    ("cell: 438/555/0177", [(P, "438/555/0177")]),
    ("my sin 912/334/567", [(S, "912/334/567")]),
    ("UCI: 08/5547/1067 thanks", [(U, "08/5547/1067")]),
    # pieces joined by words or a remark in brackets: one span a piece
    ("uci 3318 then 4021", [(U, "3318"), (U, "4021")]),
    ("my uci 3318 (first half) 4021", [(U, "3318"), (U, "4021")]),
    ("mon nas 912 (les premiers) 334 567", [(S, "912"), (S, "334 567")]),
    ("mon cell c 514 pis 555 pis 0199", [(P, "514"), (P, "555"), (P, "0199")]),
    ("uci 1104 hold on 5582", [(U, "1104"), (U, "5582")]),
    ("mon nas 912 334, le reste : 567", [(S, "912 334"), (S, "567")]),
    ("my sin is six four two then three three eight then one zero nine",
     [(S, "six four two"), (S, "three three eight"), (S, "one zero nine")]),
    ("mon nas c'est neuf zéro deux, pis quatre quatre un, pis six sept trois",
     [(S, "neuf zéro deux"), (S, "quatre quatre un"), (S, "six sept trois")]),
    ("my sin is nine one two three three four five six seven, ok, one more thing",
     [(S, "nine one two three three four five six seven")]),
    # two values one after the other, a word between: each on its own
    ("uci 2205\n7781 and 2205\n7790", [(U, "2205\n7781"), (U, "2205\n7790")]),
    # a digit said twice or three times
    ("my cell is four one six, double 5, 5, two oh nine eight", [(P, "four one six, double 5, 5, two oh nine eight")]),
    ("mon cell c'est 438 triple zéro 1234", [(P, "438 triple zéro 1234")]),
    ("call me at six one three double five five, oh one four two", [(P, "six one three double five five, oh one four two")]),
    ("my sin is 912 double three 45 67", [(S, "912 double three 45 67")]),
    ("ring me back on oh seven nine double one, four double two, eight three five",
     [(P, "oh seven nine double one, four double two, eight three five")]),
    ("my brother's number, oh seven seven double zero nine oh four six one, that's his mobile",
     [(P, "oh seven seven double zero nine oh four six one")]),
    # hundreds and French compounds in a SIN or a UCI
    ("mon NAS c'est neuf cent douze, trois cent trente-quatre, cinq cent soixante-sept",
     [(S, "neuf cent douze, trois cent trente-quatre, cinq cent soixante-sept")]),
    ("my sin is nine hundred twelve, three three four, five six seven",
     [(S, "nine hundred twelve, three three four, five six seven")]),
    ("mon IUC est le soixante et onze vingt-deux trente-trois quarante-quatre",
     [(U, "soixante et onze vingt-deux trente-trois quarante-quatre")]),
    ("IUC: onze zéro quatre, cinquante-cinq, quatre-vingt-deux", [(U, "onze zéro quatre, cinquante-cinq, quatre-vingt-deux")]),
    # a phone's owner named after its label
    ("le numéro de téléphone de mon fils c'est le cinq un quatre, cinq cinq cinq, zéro un deux trois",
     [(P, "cinq un quatre, cinq cinq cinq, zéro un deux trois")]),
    # one or two digit words among typed digits
    ("my uci is 2207 55 eight 1", [(U, "2207 55 eight 1")]),
    ("my cell is 514 555 oh 199", [(P, "514 555 oh 199")]),
    ("mon IUC c'est 1104 cinq cinq 82", [(U, "1104 cinq cinq 82")]),
    # groups in words across "..." and line breaks: one span
    ("my sin is six four two ... three three eight ... one zero nine",
     [(S, "six four two ... three three eight ... one zero nine")]),
    ("my cell is\nsix one three\nfive five five\nzero one four two", [(P, "six one three\nfive five five\nzero one four two")]),
    # a card read partly in words, its groups typed
    ("my card is four five one nine, 0301 2234 8876", [(C, "four five one nine, 0301 2234 8876")]),
    # letters typed apart from the digits, lower case too
    ("Mon numéro de demande c W 3 0 7 1 2 5 9 9 8 merci", [(AN, "W 3 0 7 1 2 5 9 9 8")]),
    ("file nbr v 3001 23456", [(AN, "v 3001 23456")]),
    ("application number e 001 234 567", [(AN, "e 001 234 567")]),
    ("passport no: hk 1234567", [(PP, "hk 1234567")]),
    ("uci 11 22 33 44 55", [(U, "11 22 33 44 55")]),
    # near-misses: the typed digits whole already, a short word before a passport's digits
    ("my uci is 1104 5582, forty days since I applied", [(U, "1104 5582")]),
    ("my passport no 1234567 expired", [(PP, "1234567")]),
    # near-misses: counts, fees, times and durations in words or pieces; a doubled word that is no digit
    ("I paid five hundred and twelve dollars for my application on the third of May", []),
    ("please double check my file, we are three kids and two adults, 5 people total", []),
    ("mon dossier a été triple vérifié, on est cinq, six avec le bébé, trois enfants", []),
    ("my sin letter came after six hundred days, twenty two weeks, not ok", []),
    ("the application took neuf cent douze jours, trois cent trente-quatre de trop", []),
    ("Triple Five Logistics called my cell from their office, double five double five", []),
    ("we sent form IMM 5 2 5 7 and IMM 1 3 4 4 for my file last week", []),
    ("le numéro de dossier est sur la lettre, page 2 de 3, section B 2 0 2 4 1 1 0 5", []),
    ("call me after six thirty, or at nine fifteen tomorrow, five minutes only", []),
    ("Room E 305 1200 is where the hearing happens", []),
    ("my phone number ends in double seven, the rest you have", []),
    ("I paid 100 (biometrics) then 85 (fee) for my file", []),
    ("my cell is from 2019 one year old", []),
    ("my uci letter came 12/05/2024", []),
    ("uci 2019/2020 tax years", []),
    ("phone bill 120/45/60 this month", []),
    ("my sin came 2 weeks ago, the rest is 3 more weeks, 45 days total", []),
    ("le numéro de téléphone du bureau c'est le un huit zéro zéro, cinq cinq cinq, un deux trois quatre", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round44_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    if expected:
        assert_finds_exactly(redactor.find, text, expected)
    else:
        assert_unmasked(redactor.find, text)
