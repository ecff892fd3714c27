"""A cheap test that a message holds nothing the ``patterns`` redactor could mask.

Most client messages ("ok thanks", "how long does it take to process a study permit?") carry
no personal information, yet the redactor runs every recognizer and both learned taggers over
them (30-70 µs in a warm loop). :func:`nothing_to_find` (1-6 µs) lets
:meth:`PatternRedactor.find` return no span at once when the message is made only of *safe*
words, with no digit and no sign any rule reads; when in doubt it says False and all runs.

What each part of the redactor needs to find anything, and why a message that passes has none:

- every recognizer marked ``needs_digit`` (numbers, dates, postal codes, street addresses): a
  digit. A message that passes has none (so :func:`~quaid_patterns.redactor.zeros_for_oh`
  leaves it as it is too).
- the characters: only Latin letters, spaces and ``. , ? ! ' ’ - : ;`` pass: no ``@``/``＠``,
  no bracket (``(a)``, ``[at]``, a placeholder, an aside), no ``&``, ``/``, ``_``, ``#``,
  ``$``, ``+``, new line (a pasted record) or other script. Capitals only as the message's
  first letter and in the word "I".
- e-mails, phones, IDs and birth dates said in words, addresses said in words or named
  without a number: the recognizers' own word tests (contact.emails and spelled_phones,
  pieces.spelled_ids, dates.spelled_births, places.said_addresses), read from the modules
  by :func:`pairs`: a message with a word of both halves of one never passes, nor one with a
  word of ``places._NAMED_HOME_KEYS``.
- the address tagger: a digit or a word of ``address_model._ALONE`` (address_model._maybe):
  those words are never safe.
- the name tagger: a candidate (names_model.candidates): a word that is no common one of its
  own lists (``_COMMON``, ``data/words.txt``), or a name of the gazetteer written with a
  capital away from a sentence's start, or an unknown word after a cue. Safe words are all
  common words of those lists, and a capital passes only at the message's first letter.
- the owner model only drops spans.
- names found by the rules (people.py): a word the rules take for a name. No word list says
  which, so the given and family names of the gazetteer (also "hope", "grace", "olive") are
  never safe unless the lists say they are never a name ("is", "and"), and the rest is
  measured: :func:`quaid_patterns.train_gate.probe` puts each candidate word (in lower case; capitalised where it opens
  the message) into every cue of :data:`PROBES` ("my name is ...", "c'est ...", "thanks, ...",
  "my wife ... needs a visa", "Mr ...", "... here", twice in a row...) and runs the whole
  redactor. A word masked where no cue is ("{} {}") is not safe; a word masked after a cue
  stops a message only when the message holds every word of that cue too ("my name is pay").
  The results are ``data/gate_words.txt``, written by
  ``python -m quaid_patterns.train_gate`` (one minute) after a rule
  changes; tests/redaction/test_gate.py probes again the words of the eval texts and fails if
  the file differs, and checks that the whole redactor finds nothing in any text of the tests,
  the eval sets and the knowledge base (and their mutations) that the gate lets skip.

A word that the lists, the probes or the file leave out only makes fewer messages skip. An
agency's custom patterns (any expression, any word) turn the gate off.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

WORDS = Path(__file__).with_name("data") / "gate_words.txt"

# What a message that may skip is made of (a letter is one of a Latin script).
_PLAIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153 ,.?!'’:;-]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SPACES = str.maketrans(",.?!:;", "      ")
_FIRST_HALVES = int("01" * 16, 2)  # the first half's bit of each pair (see _Safe.halves)
_CAPITAL = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0152]")  # every capital that _PLAIN lets through

# Where the rules may find a name: each probe with "{}" where a word goes. The other words of
# a probe are its cue: :func:`quaid_patterns.train_gate.probe` records which words each probe masks (in lower case; and,
# capitalised, where the probe opens the message), and a message that holds every word of a
# probe's cue and one of the words it masks never skips. A word that a probe without a cue
# masks ("{} {}") is not safe at all.
PROBES = (
    "{}", "{} {}", "{}, {}", "{} {} {}", "{} and {}", "{} et {}", "{} y {}",
    "{} here", "{} ici", "{} speaking", "{} said", "{} told me", "{} from the agency told me",
    "{} de l'agence m'a dit", "{} at the front desk said", "{}'s passport expired",
    "i am {}", "I am {}", "I'm {}", "im {}", "i'm {}", "this is {}", "it's {}", "its {}", "it is {}", "me {}",
    "hi {}", "hey {}", "hello {}, how are you", "dear {}", "thanks {}", "thanks, {}", "thank you {}", "thx {}",
    "ty {}", "best, {}", "ask {}", "for {}", "application for {}", "the file of {}", "I {}", "can I {}", "{} I",
    "je suis {}", "jsuis {}", "c'est {}", "cest {}", "c {}", "c'est {} ici", "moi c'est {}", "moi {}", "merci {}",
    "merci, {}", "bonjour {}", "salut {}", "allo {}", "pour {}", "le dossier de {} est bloqué",
    "my name is {}", "name: {}", "name {}", "names {}", "{} is my name", "my husband's name is {}",
    "surname {}", "call me {}", "called {}", "named {}", "known as {}", "myself {}", "i spoke to {}",
    "talked to {}", "je m'appelle {}", "mappelle {}", "appelle {}", "mon nom est {}", "nom : {}", "nom {}",
    "prénom {}", "prenom {}", "my wife {} needs a visa", "{} is my wife", "my husband {}", "my son {} is 5",
    "my daughter {}", "for my daughter {}", "my mother {}", "my father {}", "my mom {}", "my dad {}",
    "my friend {} said", "my lawyer {}", "my consultant {}", "my brother {}", "my sister {}", "my uncle {}",
    "my boss {}", "my manager {}", "my cousin {}", "ma femme {} a besoin d'un visa", "mon mari {}",
    "mon fils {}", "ma fille {}", "pour ma fille {}", "mon frère {}", "ma soeur {}", "ma mère {}",
    "mon père {}", "mon ami {}", "mon amie {}", "mr {}", "Mrs. {}", "ms {}", "dr {}", "sir {}", "mister {}",
    "madame {}", "monsieur {}", "mme {}", "mlle {}", "regards, {}", "cheers {}", "sincerely, {}", "signed {}",
    "signé {}", "cordialement, {}", "salutations, {}", "agent {} told me", "officer {}",
    "the applicant is {}", "papers for {}",
    # other subjects and French spellings
    "she is {}", "he is {}", "here is {}", "ici {}", "moi c {}", "je m appelle {}",
)


def _known_words() -> frozenset[str]:
    from .names_model import _COMMON, vocabulary

    return frozenset(_COMMON | vocabulary())


def _words_of(text: str) -> frozenset[str]:
    """The words the gate reads in `text`: runs of letters, and runs joined by - ' ’."""
    low = text.lower()
    return frozenset(_LETTERS.findall(low)) | frozenset(_WORDS.findall(low))


@cache
def cues() -> tuple[frozenset[str], ...]:
    """The cue of each of :data:`PROBES`: the runs of letters of its words but the probed one
    (so that "je m appelle" holds the cue of "je m'appelle")."""
    return tuple(frozenset(_LETTERS.findall(p.replace("{}", " ").lower())) for p in PROBES)


@cache
def pairs() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The recognizers' own word tests that need no digit: a message with a word of both halves
    of one pair may hold a spelled phone, ID, birth date, e-mail or address."""
    from . import contact, dates, pieces, places

    def low(words: frozenset[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)

    return (
        (low(contact._AT_WORDS), low(contact._TLDS)),
        (low(contact._SPELLED_KEYS), low(contact._SPELLED_DIGITS)),
        (low(pieces._SPOKEN_KEYS), low(pieces._SPOKEN_WORDS)),
        (low(dates._BIRTH_KEYS), low(dates._SPELLED_KEYS | dates._NUMBER_KEYS)),
        (low(places._SAID_ADDRESS_KEYS), low(places._SAID_NUMBER_KEYS)),
        (frozenset({"code"}), low(places._SAID_NUMBER_KEYS)),
    )


@cache
def _never() -> frozenset[str]:
    """Words that alone let a part of the redactor run: an address tagger's word, a home named
    without a number."""
    from . import address_model, places

    return frozenset(w.lower() for w in address_model._ALONE | places._NAMED_HOME_KEYS)


@cache
def _not_names() -> frozenset[str]:
    """The words the lists say are never a name (a name of the gazetteer among them is one only
    in other readings: "is", "and")."""
    from .vocabulary import NOT_NAME, NOT_NAME_CAPITALISED, NOT_NAME_LOWERCASE

    return frozenset(w.lower() for w in NOT_NAME | NOT_NAME_LOWERCASE | NOT_NAME_CAPITALISED)


def _a_name(word: str) -> bool:
    """Whether the gazetteer holds `word` as a given or family name (also one that is a common
    word: "hope", "grace", "olive", which the rules take for a name in lower case where the
    sentence says so) and no list says it is never one."""
    from .gazetteer import common_given_name, family_name, given_name

    if word in _not_names():
        return False
    return any(given_name(w) or family_name(w) or common_given_name(w) for w in (word, word.capitalize()))


def candidates() -> list[str]:
    """The words that the word lists alone allow: common words of the name tagger's, no name of
    the gazetteer, no address word."""
    never = _never()
    return sorted(
        w for w in _known_words()
        if w == w.lower() and _PLAIN.fullmatch(w) and _words_of(w).isdisjoint(never)
        and not any(_a_name(part) for part in _words_of(w))
    )


class _Safe:
    """What ``data/gate_words.txt`` says, read once."""

    def __init__(self, text: str) -> None:
        allowed = frozenset(candidates())
        targets: list[set[str]] = [set() for _ in PROBES]
        words: set[str] = set()
        opening: set[str] = set()
        for line in text.splitlines():
            fields = line.split()
            if not fields or fields[0] not in allowed:
                continue
            words.add(fields[0])
            for field in fields[1:]:
                if field == "+":
                    opening.add(fields[0])
                else:
                    targets[int(field)].add(fields[0])
        # only words that _WORDS reads whole: a string split at spaces and punctuation is then
        # safe only if it is one of them
        self.words = frozenset(w for w in words if _WORDS.fullmatch(w))
        # the halves of pairs() a word belongs to, two bits a pair
        self.halves: dict[str, int] = {}
        for i, (a, b) in enumerate(pairs()):
            for w in a:
                self.halves[w] = self.halves.get(w, 0) | 1 << 2 * i
            for w in b:
                self.halves[w] = self.halves.get(w, 0) | 2 << 2 * i
        self.opening = frozenset(opening)
        # a probe's cue and the words it masks, found through any word of its cue
        self.by_cue: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        for cue, masked in zip(cues(), targets, strict=True):
            if masked and cue:
                key = max(sorted(cue), key=len)  # its most telling word ("wife", not "my")
                self.by_cue.setdefault(key, []).append((cue, frozenset(masked)))
        self.cue_words = frozenset(self.by_cue)  # sets: a set meets a set in the smaller one's time
        self.halved = frozenset(self.halves)


@cache
def safe() -> _Safe:
    """The safe words (none if ``data/gate_words.txt`` is missing: nothing then skips)."""
    try:
        return _Safe(WORDS.read_text(encoding="utf-8"))
    except OSError:
        return _Safe("")


def nothing_to_find(text: str) -> bool:
    """True when no rule and no model of the redactor can find anything in `text` (see the
    module's docstring); False when they may (they then run)."""
    if _PLAIN.fullmatch(text) is None:
        return False
    known = safe()
    low = text.lower()
    if low != text:  # capitals: the message's first letter (of a word that may open it) and "I" only
        for m in _CAPITAL.finditer(text):
            at = m.start()
            if at == 0:  # never a name tagger's candidate there (a sentence's start)
                if _LETTERS.match(low).group() not in known.opening \
                        or _WORDS.match(low).group() not in known.opening:  # type: ignore[union-attr]
                    return False
            elif not (text[at] == "I" and not text[at - 1].isalpha()
                      and (at + 1 == len(text) or not text[at + 1].isalpha())):
                return False
    words = set(low.translate(_SPACES).split())  # as _WORDS reads them (see _Safe.words)
    if "-" in low or "'" in low or "’" in low:
        words = {w.strip("-'’") for w in words}
        words.update(_LETTERS.findall(low))  # and the runs of letters of a joined word
        words.discard("")  # a lone "-" or "'": no word
    if not known.words.issuperset(words):
        return False
    for word in words.intersection(known.cue_words):
        for cue, masked in known.by_cue[word]:
            if cue <= words and not masked.isdisjoint(words):
                return False
    halves = 0
    for word in words.intersection(known.halved):
        halves |= known.halves[word]
    return not halves & (halves >> 1) & _FIRST_HALVES
