"""Dictation: numbers, letters and dates said in words, read as a typed text would have them.

Voice-to-text writes what a client says: "my postal code is h three z two y seven", "born march
third nineteen eighty seven", "passport a b one two three four five six", "né le trois mars mille
neuf cent quatre-vingt-sept". The rules read digits. :func:`written` writes each such run of words
as it would have been typed ("H3Z 2Y7", "march 3rd 1987", "AB123456", "3 mars 1987") and keeps, for
every character of the written text, the stretch of the said text it comes from; the redactor reads
the written text with all its rules and masks, in the said text, the words its spans come from.

Only runs are rewritten: two number words or more in a row ("one twenty three", "double five
seven"), or one next to a month's name ("le trois mars", "march third"); single letters join a
run only beside its numbers ("h three z"), and "b as in boy", "b comme Bernard" is a "b". A lone
number word ("one more thing", "I have two kids") stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from quaidcore import Span

from .contact import _DIGIT_WORDS, _TEEN_WORDS, _TEN_WORDS
from .vocabulary import wordset

# the number words that contact.py reads in a phone said aloud, as values ("une" too, and "fourty" as typed)
_UNITS = {**{word: int(digit) for word, digit in _DIGIT_WORDS.items()}, "une": 1}
_TEENS = _TEEN_WORDS
_TENS = {**_TEN_WORDS, "fourty": 40}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "premier": 1, "première": 1,
}  # fmt: skip
_HUNDREDS = frozenset(("hundred", "cent", "cents"))
_THOUSANDS = frozenset(("thousand", "mille", "mil"))
_TIMES = {"double": 2, "doublé": 2, "triple": 3, "triplé": 3}
_DASHES = {"dash": "-", "hyphen": "-", "tiret": "-", "slash": "/"}
_JOINS = frozenset(("and", "et"))  # "two thousand and five", "vingt et un", "soixante et onze"
_MONTHS = wordset(
    "january february march april may june july august september october november december jan feb mar apr jun jul"
    " aug sep sept oct nov dec janvier février fevrier mars avril mai juin juillet août aout septembre octobre"
    " novembre décembre decembre"
)
# a flat's or an extension's word: the one number word after it is its number ("apartment six", "poste quatre")
_UNIT_WORDS = wordset("apartment apt app appt appartement suite unit unité logement extension ext poste")
_NUMBER_WORDS = frozenset([*_UNITS, *_TEENS, *_TENS, *_HUNDREDS, *_THOUSANDS, *_TIMES])
# articles and pronouns ("a", "I", "y"): at a run's edge only beside another letter
_WEAK_LETTERS = frozenset("aiy")

_TOKEN = re.compile(r"[^\W_]+")
# "b as in boy", "b like in bravo", "b for boy", "b comme Bernard", "b pour bateau": the letter, when the word
# begins with it
_LETTER_AS = re.compile(
    r"(?<![^\W_])(?P<letter>[a-zA-Z])[ \t]+(?:as[ \t]+in|like[ \t]+in|like|for|comme(?:[ \t]+dans)?|pour)[ \t]+"
    r"(?P<word>[^\W\d_]{2,})(?![^\W_])"
)
_HINT_WORDS = (_NUMBER_WORDS - {"oh"}) | frozenset(_ORDINALS)
_LETTERS = re.compile(r"[^\W\d_]+")
_APOSTROPHES = frozenset("'’")
_GAP = re.compile(r"[ \t]*(?:[,.\-–][ \t]*)?")
_LONGEST_RUN = 40  # tokens: a longer run is read in pieces of this many (bounds the work on a hostile text)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # lower case
    kind: str  # "number", "digits", "letter", "dash", "join", "ordinal", "month", "other"
    letter: str = ""  # the letter that "b as in boy" stands for


def hint(text: str) -> bool:
    """Whether `text` may hold a said number: two number words, one and a month's name, or three
    single letters in a row (cheap: ~8 us on a message, a set lookup a word)."""
    found = 0
    month = False
    letters = 0  # single letters in a row: a word spelled ("f a t i m a")
    for word in _LETTERS.findall(text.lower()):
        letters = letters + 1 if len(word) == 1 else 0
        if letters == 3:
            return True
        if word in _HINT_WORDS:
            found += 1
            if found == 2:
                return True
        if word in _MONTHS:
            month = True
    return found == 1 and month


def _tokens(text: str) -> list[_Token]:
    # the word begins with its letter ("c comme Charles"; "c pour mon frère" is "c'est pour")
    spelled = {m.start(): m for m in _LETTER_AS.finditer(text) if m["word"][0].lower() == m["letter"].lower()}
    tokens: list[_Token] = []
    skip_to = -1
    for m in _TOKEN.finditer(text):
        if m.start() < skip_to:
            continue
        word = m.group().lower()
        if m.start() in spelled:
            said = spelled[m.start()]
            tokens.append(_Token(said.start(), said.end(), word, "letter", said.group("letter").upper()))
            skip_to = said.end()
            continue
        kind = _kind(word)
        if kind == "letter" and (
            text[m.end() : m.end() + 1] in _APOSTROPHES or text[m.start() - 1 : m.start()] in _APOSTROPHES
        ):
            kind = "other"  # "c'est", "l'adresse", "it's"
        tokens.append(_Token(m.start(), m.end(), word, kind))
    for k, token in enumerate(tokens):  # "le 3 sept 1990": September between typed digits
        if token.word == "sept" and any(
            0 <= n < len(tokens) and tokens[n].kind == "digits" for n in (k - 1, k + 1)
        ):
            tokens[k] = _Token(token.start, token.end, token.word, "month")
    return tokens


def _kind(word: str) -> str:
    if word in _NUMBER_WORDS:
        return "number"
    if word.isdigit():
        return "digits" if len(word) <= 4 else "other"
    if len(word) == 1 and "a" <= word <= "z":
        return "letter"
    if word in _DASHES:
        return "dash"
    if word in _JOINS:
        return "join"
    if word in _ORDINALS:
        return "ordinal"
    if word in _MONTHS:
        return "month"
    return "other"


def _runs(text: str, tokens: list[_Token]) -> Iterator[tuple[int, int]]:
    """Index ranges [i, j) of `tokens` that make one said value, before they are judged."""
    i = 0
    while i < len(tokens):
        if tokens[i].kind not in ("number", "digits", "letter", "ordinal"):
            i += 1
            continue
        j = i + 1
        while (
            j < len(tokens)
            and j - i < _LONGEST_RUN
            and tokens[j - 1].kind != "ordinal"
            and tokens[j].kind in ("number", "digits", "letter", "dash", "join", "ordinal")
            and (tokens[j].kind != "join" or _joins(tokens, j))
            and _GAP.fullmatch(text, tokens[j - 1].end, tokens[j].start)
        ):
            j += 1
        yield i, j
        i = j


def _joins(tokens: list[_Token], k: int) -> bool:
    """Whether the "and" / "et" at `k` is inside a number ("two thousand and five", "five hundred and
    two", "vingt et un", "soixante et onze"), not between two ("my kids are seven and nine")."""
    before = tokens[k - 1].word
    after = tokens[k + 1].word if k + 1 < len(tokens) else ""
    if tokens[k].word == "and":
        return before in _HUNDREDS or before in _THOUSANDS
    return before in _TENS and after in ("un", "une", "onze")


def _trimmed(tokens: list[_Token], i: int, j: int) -> tuple[int, int]:
    """The run without what cannot stand at its edges: joins and dashes, "oh", weak letters alone."""
    while i < j and _edge_weak(tokens[i], tokens[i + 1] if i + 1 < j else None):
        i += 1
    while j > i and _edge_weak(tokens[j - 1], tokens[j - 2] if j - 2 >= i else None):
        j -= 1
    return i, j


def _edge_weak(token: _Token, inner: _Token | None) -> bool:
    """Whether `token`, at a run's edge with `inner` next to it inside the run, is left out."""
    if token.kind in ("join", "dash") or token.word == "oh":
        return True
    if token.kind == "letter" and not token.letter and token.word in _WEAK_LETTERS:
        return inner is None or inner.kind != "letter"
    return False


def _month_beside(tokens: list[_Token], i: int, j: int) -> bool:
    before = tokens[i - 1] if i > 0 else None
    after = tokens[j] if j < len(tokens) else None
    after_of = (
        tokens[j + 1] if after is not None and after.word in ("of", "de") and j + 1 < len(tokens) else None
    )
    return any(t is not None and t.kind == "month" for t in (before, after, after_of))


def _worth_writing(text: str, tokens: list[_Token], i: int, j: int) -> bool:
    """Two number words said or more ("one twenty three"; "one 416 555 0139" is a pronoun and a
    typed number), one after a flat's or an extension's word, a day or a year beside a month's
    name, a letter said "as in" a word, or a word spelled letter by letter."""
    run = tokens[i:j]
    said = sum(t.kind == "number" for t in run)
    typed = sum(t.kind == "digits" for t in run)
    if run[-1].kind == "ordinal":
        return _month_beside(tokens, i, j)
    if _counting(run):
        return False
    if said >= 2 or (any(t.letter for t in run) and said + typed >= 1):
        return True
    if said + typed == 0 and len(run) >= 3 and all(t.kind == "letter" for t in run):
        # a word spelled letter by letter ("f a t i m a", "s-a-m"), not "a a a" or "a y a", nor letters listed with
        # commas ("m, a, r, i, e, point, c, ...": an e-mail's letters read out, a list)
        return (
            sum(t.word not in _WEAK_LETTERS for t in run) >= 2
            and len({t.word for t in run}) > 1
            and "," not in text[run[0].end : run[-1].start]
        )
    if said == 1 and typed == 0 and i > 0 and tokens[i - 1].word in _UNIT_WORDS:
        return True  # "apartment six", "poste quatre"
    return said == 1 and typed == 0 and _month_beside(tokens, i, j)


def _counting(run: list[_Token]) -> bool:
    """ "one two three four five six ...": five numbers or more counted up by one, a count, not a value."""
    values = [_UNITS.get(t.word, _TEENS.get(t.word)) for t in run if t.kind == "number"]
    if len(values) < 5 or len(values) != len(run) or None in values:
        return False
    return all(b == a + 1 for a, b in pairwise(values))  # type: ignore[operator]


def _number_groups(words: list[str]) -> str:
    """Digits of a run of number words and typed digits, read as said: "nineteen eighty seven" 1987,
    "one twenty three" 123, "five oh two" 502, "two thousand and five" 2005, "double five" 55,
    "quatre vingt dix sept" 97, "mille neuf cent quatre vingt sept" 1987."""
    out: list[str] = []
    k = 0
    while k < len(words):
        value, k = _one_number(words, k)
        out.append(value)
    return "".join(out)


def _one_number(words: list[str], k: int) -> tuple[str, int]:
    word = words[k]
    if word.isdigit():
        return word, k + 1
    if word in _TIMES and k + 1 < len(words) and words[k + 1] in _UNITS:
        return str(_UNITS[words[k + 1]]) * _TIMES[word], k + 2
    if word in _THOUSANDS:  # "mille neuf cent ..." (no number before it)
        rest, end = _below_thousand(words, k + 1)
        return str(1000 + (rest or 0)), end
    if word in _HUNDREDS:
        rest, end = _after_hundred(words, k + 1)
        return str(100 + (rest or 0)), end
    head, end = _below_hundred(words, k)
    if head is None:
        return "", k + 1  # a multiplier or a join alone: said, not written
    if end < len(words) and words[end] in _THOUSANDS:
        rest, after = _below_thousand(words, end + 1)
        return str(head * 1000 + (rest or 0)), after
    if end < len(words) and words[end] in _HUNDREDS:  # "five hundred twelve", "twenty one hundred"
        rest, after = _after_hundred(words, end + 1)
        return str(head * 100 + (rest or 0)), after
    return str(head), end


def _after_hundred(words: list[str], k: int) -> tuple[int | None, int]:
    """What a hundred takes after it: a ten or a teen ("five hundred twelve"), a unit only after "and"
    or in French ("five hundred and two", "six cent trois"): "one eight hundred five five five" is
    1 800 555, as a phone is said."""
    if k < len(words) and words[k] in _UNITS and words[k - 1] == "hundred":
        return None, k
    return _below_hundred(words, k)


def _below_thousand(words: list[str], k: int) -> tuple[int | None, int]:
    if k < len(words) and words[k] in _JOINS:
        k += 1
    head, end = _below_hundred(words, k)
    if end < len(words) and words[end] in _HUNDREDS:
        rest, after = _after_hundred(words, end + 1)
        return (head or 1) * 100 + (rest or 0), after
    if k < len(words) and words[k] in _HUNDREDS:
        rest, after = _after_hundred(words, k + 1)
        return 100 + (rest or 0), after
    return head, end


def _below_hundred(words: list[str], k: int) -> tuple[int | None, int]:
    """A number under a hundred said from words[k]: a unit, a teen, a ten and its unit or teen
    ("soixante dix sept" 77, "quatre vingt dix" 90, "vingt et un" 21), or None."""
    if k < len(words) and words[k] in _JOINS:
        k += 1
    if k >= len(words):
        return None, k
    word = words[k]
    if word == "quatre" and k + 1 < len(words) and words[k + 1] in ("vingt", "vingts"):
        rest, end = _unit_or_teen(words, k + 2, teen=True)
        return 80 + (rest or 0), end
    if word in _TENS:
        rest, end = _unit_or_teen(words, k + 1, teen=word == "soixante")
        return _TENS[word] + (rest or 0), end
    if word in _TEENS:
        if word == "dix" and k + 1 < len(words) and words[k + 1] in ("sept", "huit", "neuf"):
            return 10 + _UNITS[words[k + 1]], k + 2
        return _TEENS[word], k + 1
    if word in _UNITS:
        return _UNITS[word], k + 1
    return None, k


def _unit_or_teen(words: list[str], k: int, teen: bool) -> tuple[int | None, int]:
    start = k
    if k < len(words) and words[k] in _JOINS:
        k += 1
    if k < len(words) and words[k] in _UNITS and words[k] != "oh" and words[k] not in ("zero", "zéro"):
        return _UNITS[words[k]], k + 1
    if teen and k < len(words) and words[k] in _TEENS:
        value, end = _below_hundred(words, k)
        return value, end
    return None, start


def _written_run(text: str, tokens: list[_Token], i: int, j: int) -> str:
    """The run as typed: digits and capital letters, a blank where a comma or a full stop paused
    it, the dashes said as dashes, an ordinal with its ending ("3rd", "1er")."""
    parts: list[str] = []
    words: list[str] = []

    def flush() -> None:
        if words:
            parts.append(_number_groups(words))
            words.clear()

    for k in range(i, j):
        token = tokens[k]
        if k > i and re.search(r"[,.]", text[tokens[k - 1].end : token.start]):
            flush()
            if not all(
                len(part) == 1 and part.isalpha() for part in parts
            ):  # "b, c, one two ..." is "BC12..."
                parts.append(" ")
        if (
            token.kind == "digits"
            and k > i
            and tokens[k - 1].kind == "digits"
            and "-" in text[tokens[k - 1].end : token.start]
        ):
            flush()
            parts.append("-")  # a typed number's own dashes: "416-555" among said words
        if token.kind in ("number", "digits", "join"):
            words.append(token.word)
            continue
        tens = 0
        if token.kind == "ordinal" and words and words[-1] in _TENS:  # "twenty second": 22nd
            tens = _TENS[words.pop()]
        flush()
        if token.kind == "dash":
            parts.append(_DASHES[token.word])
        elif token.kind == "ordinal":
            parts.append(_ordinal(token.word, tens))
        else:
            parts.append(token.letter or token.word.upper())
    flush()
    return "".join(parts).strip()


def _ordinal(word: str, tens: int = 0) -> str:
    value = tens + _ORDINALS[word]
    if word.startswith("premi") and not tens:
        return "1er"
    ending = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{ending}"


def written(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """`text` with its said numbers written, and for each character of it the stretch of `text`
    it stands for; None when nothing is said in numbers."""
    tokens = _tokens(text)
    pieces: list[tuple[int, int, str]] = []
    for i, j in _runs(text, tokens):
        i, j = _trimmed(tokens, i, j)
        if i < j and _worth_writing(text, tokens, i, j):
            value = _written_run(text, tokens, i, j)
            if value:
                pieces.append((tokens[i].start, tokens[j - 1].end, value))
    if not pieces:
        return None
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    cursor = 0
    for start, end, value in pieces:
        out.append(text[cursor:start])
        origin.extend((c, c + 1) for c in range(cursor, start))
        out.append(value)
        origin.extend((start, end) for _ in value)
        cursor = end
    out.append(text[cursor:])
    origin.extend((c, c + 1) for c in range(cursor, len(text)))
    return "".join(out), origin


def with_said_numbers(text: str, spans: list[Span], find: Callable[[str], list[Span]]) -> list[Span]:
    """`spans` of `text`, and the spans that `find` reads in its written form over the said numbers
    that no span of `text` covers: such a span replaces the spans of `text` that it covers, and is
    dropped when it only overlaps one."""
    said = written(text)
    if said is None:
        return spans
    typed, origin = said
    # the said runs whose words the rules left unmasked in `text`, in part at least
    masked = {c for s in spans for c in range(s.start, s.end)}
    runs = {o for o in origin if o[1] - o[0] > 1}
    open_runs = [run for run in runs if not masked.issuperset(c for c in range(*run) if text[c].isalnum())]
    extra: list[Span] = []
    for span in find(typed):
        start, end = origin[span.start][0], origin[span.end - 1][1]
        if any(start < b and a < end for a, b in open_runs) or _widens_one(
            spans, Span(start, end, span.type)
        ):
            extra.append(Span(start, end, span.type))
    if not extra:
        return spans
    kept = [s for s in spans if not any(x.start <= s.start and s.end <= x.end for x in extra)]
    extra = [x for x in extra if not any(s.start < x.end and x.start < s.end for s in kept)]
    return sorted(kept + extra, key=lambda s: s.start)


def _widens_one(spans: list[Span], wider: Span) -> bool:
    """Whether `wider` is one span of `spans` with more of its words ("(six one three) 555-0142" for
    "six one three) 555-0142"), of the same type, and touches no other: two spans are not merged into
    one ("Sara, s a r a"), nor is a span of another type read over them."""
    touching = [s for s in spans if s.start < wider.end and wider.start < s.end]
    if len(touching) != 1:
        return False
    one = touching[0]
    return one.type == wider.type and wider.start <= one.start and one.end <= wider.end and one != wider
