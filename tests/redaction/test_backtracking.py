"""Inputs that made a rule's regular expression backtrack exponentially must come back at once.

``places._PLACE_GAP`` (round 37) let a word be split into several "words" when its fullmatch
failed: 22 letters before a "/" took 3.5 s, 40 letters would take days. The bound below is a
hang detector with a margin of several orders of magnitude, not a performance figure.
"""

from __future__ import annotations

import threading

import pytest
from quaid_patterns import PatternRedactor, PatternsConfig, places

HANG = 60.0  # seconds: the old expression needed ~10^5 s for the 40-letter word
WORD = "a" * 40
TEXTS = [
    f"12 rue {WORD}/ 75001",
    f"my address is 45 main st {WORD}/ 90210",
    f"j'habite au 8 avenue {WORD}-{WORD}/ 12345",
    f"rua augusta 1508, {WORD}. {WORD}/ 01304-001",
]


def _returns(call, *args) -> bool:
    done = threading.Event()

    def run() -> None:
        call(*args)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    return done.wait(HANG)


def test_place_gap_does_not_split_words() -> None:
    text = WORD + "/"
    assert _returns(places._code_closes, text, 0, len(text))


@pytest.mark.parametrize("text", TEXTS)
def test_long_words_before_a_code_come_back(text: str) -> None:
    assert _returns(PatternRedactor(PatternsConfig()).find, text)


# Twelfth session: "is my name" / "est mon nom" was searched from every blank of a run with two runs around an
# optional comma (cubic: "Name\nJean" + 1,000 spaces + "[PERSON]" 7.3 s, 5,000 spaces more than 10 minutes), and a
# firm's legal form after a name read a run twice (quadratic). 5,000 blanks take under a second now.
@pytest.mark.parametrize("text", [
    "Name\nJean" + " " * 5000 + "[PERSON]",
    "Pedro" + " " * 5000 + "est mon nom",
    "my name is Ana" + " " * 5000 + ", est",
    "Roy" + "\t" * 5000 + ", inc",
])
def test_long_runs_of_blanks_come_back(text: str) -> None:
    assert _returns(PatternRedactor(PatternsConfig()).find, text)


# Thirteenth session: a name found again was looked for with every name found, each occurrence tested against every
# name found (``people._repeated``, cubic: 615 names in 8,000 characters took 14.5 s, 2,000 names would take some
# 500 s). 2,000 names take about a second now (the core reads a text in windows of 2,000 characters besides).
def test_a_long_list_of_names_comes_back() -> None:
    assert _returns(PatternRedactor(PatternsConfig()).find, "Jean Dupont, " * 2000)


# Round 47 part C: the new expressions of addresses abroad, a SIN named earlier, a card's expiry before its number, a
# form's sample after "like", a public office's code asked about, each after a long run of blanks or of its own prefix
# (2,000 characters, the core's window, for a prefix repeated). A street's type, then blanks and a word: the code after
# an address (places._POSTAL_AFTER) shared the blanks out among its runs (400 blanks 11 s, 5,000 never came back), and
# a unit after the street (_UNIT_AFTER, _DIRECTION) read them quadratically (2,000 blanks 1.4 s): 5,000 tabs 0.5 s now.
@pytest.mark.parametrize("text", [
    "35 Jiefang" + " " * 5000 + "Lu, Apt 602",
    "Blk 4" + " " * 5000 + "Purok 3, Brgy. San Isidro",
    "1123 Rizal Ave" + "\t" * 5000 + "Ext, Brgy. 96",
    "1123 Rizal Ave" + " " * 5000 + "Ext, Brgy. 96",
    "14 Nehru Nagar," + " " * 5000 + "Sector 5",
    "Plot 12, Block C," + " " * 5000 + "Lekki Phase 1",
    "my SIN is" + " " * 5000 + "912 384 557",
    "exp date is 03/29 and the number" + " " * 5000 + "4012 7783 9921 0065",
    "the UCI like" + " " * 5000 + "0000-0000",
    "office is at 200 King St W, right?" + " " * 5000 + "postal code M5H 3T4",
    "phone 780-555-0109 address 10234 98" + " " * 5000 + "St NW",
    "app is E00-" * 180,
    "1820 Lonsdale Ave north van " * 72,
])
def test_round47_c_expressions_come_back(text: str) -> None:
    assert _returns(PatternRedactor(PatternsConfig()).find, text)


# Round 47 part B: a phone sent in pieces that words join, a person's field or a phone's label naming a relative before
# a number, an e-mail with a comma for its dot, each after a long run of blanks or of its own prefix.
@pytest.mark.parametrize("text", [
    "06 puis " * 1000,
    "+91 then " * 900,
    "06... " * 1300,
    "mon numéro c 06 puis 98 puis 45 puis 32 puis 17 " * 40,
    "le numéro de ma mère" + " " * 5000 + "c'est 06 puis 71",
    "Tuteur : " * 900,
    "Tuteur : Awa" + " " * 5000 + ", tél. +225 07 08 55 21 34",
    "Téléphone du " * 600,
    "Téléphone du parent" + "\t" * 5000 + ": +243 81 555 2233",
    "a@gmail," * 600,
    "ng.van.an" * 600 + "@gmail,com",
    "+22 - 3 - " * 500,
    "+243/" * 1000,
    "06 et " * 800,
])
def test_round47_b_expressions_come_back(text: str) -> None:
    assert _returns(PatternRedactor(PatternsConfig()).find, text)


# Round 47 part A: birth dates corrected or restated (another calendar after a slash, "mine", "sorry", "wrote ...
# instead of"), a child's birth then the name, six digits after "born", a given name in brackets after a value, a name
# in its own script after a comma, a place of origin, particles, an introduction, a couple after "&", each after a long
# run of blanks or of its own prefix. dates._EQUIVALENT and _AND_RELATIVE were cubic on blanks between two dates
# ("DOB 5 Mehr 1365" + 500 blanks + "/ 27 Sep 1986": 15.6 s at 923d0f6; "dob 1990-01-01" + 5,000 blanks + "mine ...":
# minutes); their runs are possessive now (0.03 s, 0.2 s).
@pytest.mark.parametrize("text", [
    "my DOB is wrong!! wrote" + " " * 5000 + "1990-01-01 instead of 1991-01-01",
    "born today!!" + " " * 5000 + "Amina Diallo, 12 June 2025",
    "dob 1990-01-01 sorry" + "\t" * 5000 + "1991-01-01",
    "DOB 5 Mehr 1365" + " " * 5000 + "/ 27 Sep 1986",
    "dob 1990-01-01" + " " * 5000 + "mine 1991-01-01",
    "born" + " " * 2000 + "930115",
    "[PASSPORT] (" * 700,
    "vient de " * 900,
    "Corazon Dela " * 600,
    "je suis Said " * 600,
    "Zhou Xiaoming & " * 500,
    "mon fils adoptif " * 500,
])
def test_round47_a_expressions_come_back(text: str) -> None:
    assert _returns(PatternRedactor(PatternsConfig()).find, text)


# Issue 14 (hostile long texts): a spelled e-mail's joint ("at") shared a run of blanks with the runs around it
# (contact._EMAIL_SPELLED, quadratic: "call me at" + 1,990 blanks 0.19 s a window); its blanks are read once now
# (2 ms). 200,000 blanks would take the quadratic expression some 30 minutes; the linear one a fraction of a second.
def test_a_spelled_email_joint_before_blanks_comes_back() -> None:
    from quaid_patterns import contact
    from quaid_patterns.base import every

    for text in ("call me at" + " " * 200_000 + "x", "me" + " " * 200_000 + "at gmail dot com"):
        assert _returns(lambda t: list(every(contact._EMAIL_SPELLED, t)), text)


# Issue 14: the owner model read a detail's whole sentence (owner_model.features), quadratic in one long sentence of
# many contact details (136 phones in pieces in 2,000 characters: 0.19 s a window). A detail that the words near it
# leave unjudged (fewer than MIN_WORDS known words around it, an owner's word nearer it than any body's) is decided
# from those words now. Counted, not timed: the words the owner model reads a detail stay a few dozen however long
# the sentence (the whole sentence's 1,000-1,360 words a detail before).
@pytest.mark.parametrize("piece", [
    "le numéro de mon père c'est 06 {} puis {} puis {} puis {}, ",
    "my sister's mobile is 0917 then {} then {}, ",
    "1 Moo 2, Thanon ",
])
def test_the_owner_model_reads_a_few_words_a_detail(piece: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from quaid_patterns import owner_model

    tokens, read = owner_model._tokens, [0]

    def counting(*args, **kwargs):
        found = tokens(*args, **kwargs)
        read[0] += len(found)
        return found

    monkeypatch.setattr(owner_model, "_tokens", counting)
    r, text = random.Random(1), ""
    while len(text) < 8000:
        text += piece.format(*(str(r.randrange(10, 99)) for _ in range(4)))
    details = sum(s.type in owner_model.CONTACT_TYPES for s in PatternRedactor(PatternsConfig()).find(text))
    assert details >= 400 and read[0] <= 150 * details


# Issue 14: each detail's text with the other spans masked was made by reading every span (owner_model._masked_around,
# quadratic: 250 postal codes in 2,000 characters, 0.08 s of 0.27); when the spans do not overlap it is made from
# pieces cut once (_masked_each). Counted: no detail reads every span then.
def test_the_masked_texts_are_cut_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from quaid_patterns import owner_model

    around, calls = owner_model._masked_around, [0]

    def counting(*args, **kwargs):
        calls[0] += 1
        return around(*args, **kwargs)

    monkeypatch.setattr(owner_model, "_masked_around", counting)
    spans = PatternRedactor(PatternsConfig()).find("H2X 1Y4 " * 250)
    assert len(spans) >= 200 and calls[0] == 0


# Issue 14: two of people's gates were searched again from every letter of a long run (people._TWO_CAPITALS,
# _RELATIVE_ANYWHERE: "A" x 2,000 0.07 s and 0.06 s, 5,000 letters 0.5 s a window); a run is read from its start once
# now. 200,000 letters would take the old expressions 10-15 minutes each; the new ones a few milliseconds.
@pytest.mark.parametrize("text", ["A" * 200_000, "Ab" + "c" * 200_000 + "'s", "É" * 200_000 + " x"])
def test_people_gates_read_a_run_of_letters_once(text: str) -> None:
    from quaid_patterns import people

    for pattern in (people._TWO_CAPITALS, people._RELATIVE_ANYWHERE):
        assert _returns(pattern.search, text)
