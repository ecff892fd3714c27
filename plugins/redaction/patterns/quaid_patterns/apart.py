"""Round 48 part B (issue 14): a passport's code typed apart after a passport word.

Clients of every country type a passport's number as it is printed, read out or wrapped by a phone's screen: in
groups ("passeport sénégalais A02 7731 45"), one digit at a time after its letters ("mexican passport G2 3 4 5 6 7 8
9"), broken over a line ("philippine passport P438\\n2196A", "19CK\\n48213"), or after the word split in two ("passe
port", "pass port"). The pieces, read joined, must make one of the passports' shapes the other rules know (one to three
letters and six to nine digits, a letter last or not; France's two digits, two letters, five digits; Korea's letter
inside the digits), with a letter in it (a code of digits alone is the labelled numbers' to find), and only the words
of a short gap (a nationality, "number", "is", "no.") may stand between the passport word and the code; another
document named there, a sentence's end or a digit ends the search. The span keeps the blanks and the line break
between the pieces, as the sets label them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import IGNORE_CASE, LABELLED_P
from .scan import Candidate, Scan

# "passport", "passeport", the word split or misspelled ("passe port", "pass-port", "pasport"), and the clients' own
# languages' words (Spanish, Portuguese, Italian, German, Dutch, Polish, Turkish).
_PASSPORT_CUE = re.compile(
    r"(?<![\w'’-])(?:pass?e?[ \t-]?ports?|pasaportes?|passaport[eo]s?|reisepass|paspoort|paszport|pasaportu?"
    # the short forms of forms and hurried chats: "PPT: L 4471 9902", "pspt", "pport"
    r"|ppt|pspt|pport)(?![\w'’-])",
    IGNORE_CASE,
)
_CUE_KEYS = ("pass", "pasa", "pasp", "pasz", "reisepass", "ppt", "pspt", "pport")
# The tokens after the passport word, each with the blanks before it.
_TOKEN = re.compile(r"(\s*)(\S+)")
# A word of the gap: letters (a nationality, "number", "is", "c'est"), or a label's mark ("#", ":", "no.", "n°").
_GAP_WORD = re.compile(r"[^\W\d_][\w'’.-]*:?|[#:=-]|n[°º]:?|\(?[^\W\d_]+\)?,?", IGNORE_CASE)
_OTHER_DOCUMENT = re.compile(
    r"(?:applications?|app|permits?|permis|files?|dossiers?|demandes?|cases?|uci|iuc|visas?|cards?|cartes?|copr"
    r"|certificates?|certificats?|licen[cs]es?|receipts?|re[çc]us?|eta|trv|profile|profil|confirmation|reference"
    r"|r[ée]f[ée]rence|tracking|suivi|sin|nas|phone|t[ée]l|cell|tel)\W*",
    IGNORE_CASE,
)
# A piece of the code: letters and digits, or one capital alone ("L 8 4 4 ...", "... 2 0 A"); two or three capitals
# alone are a word or a country's code ("PASSPORT IS ...", "NO", "MX", "SN"): the gap's.
_PIECE = re.compile(r"[A-Za-z0-9]*[0-9][A-Za-z0-9]*|[A-Z]")
# Two capitals right after the digits: a parcel's tracking number ("RN 482 719 335 CA", UPU S10), no passport.
_S10_TAIL = re.compile(r"[ \t]?[A-Z]{2}(?![\w-])")
_TRAILING = re.compile(r"[.,;:!?)]+\Z")
_SHAPE = re.compile(
    r"[A-Za-z]{1,3}[0-9]{6,9}[A-Z]?|[0-9]{2}[A-Za-z]{2}[0-9]{5}|[A-Za-z][0-9]{3}[A-Za-z][0-9]{4}|[A-Z][0-9]{2}[A-Z][0-9]{5}"
    # the Dutch and other Schengen shape ("NXR4 K8L21"), Germany's ("C01X 00T47"), in capitals, three digits at least
    r"|(?=(?:[A-Z]*[0-9]){3})[A-Z]{2}[A-Z0-9]{6}[0-9]|(?=(?:[A-Z]*[0-9]){3})(?=(?:[0-9]*[A-Z]){3})[A-Z][A-Z0-9]{7}[0-9]"
)
# Words that say a place follows, not the passport's number.
_PLACE_WORDS = frozenset(("at", "au", "in", "on", "near", "chez", "dans", "sur", "from"))
_GAP_WORDS = 5
_PIECES = 12


def passports_apart(scan: Scan) -> Iterator[Candidate]:
    """Passport codes in pieces after a passport word (see the module's docstring)."""
    text = scan.text
    if scan.digits < 5 or not any(w.startswith(_CUE_KEYS) for w in scan.words):
        return
    for cue in _PASSPORT_CUE.finditer(text):
        tokens: list[tuple[int, int, str, str]] = []  # (start, end, the blanks before, the punctuation after)
        for m in _TOKEN.finditer(text, cue.end(), min(len(text), cue.end() + 120)):
            start, end = m.span(2)
            trailing = _TRAILING.search(m.group(2))
            closed = ""
            if trailing and trailing.start() > 0:
                end, closed = start + trailing.start(), trailing.group()
            tokens.append((start, end, m.group(1), closed))
            if len(tokens) >= _GAP_WORDS + _PIECES:
                break
        yield from _code_in(text, tokens)


def _code_in(text: str, tokens: list[tuple[int, int, str, str]]) -> Iterator[Candidate]:
    """The code among `tokens`: the gap's words first, then the pieces (a label's ":" or "," may close a word of the
    gap, "passeport de ma fille: ..."; a sentence's end closes the search, a short word's dot aside, "no.")."""
    for i, (start, end, _, closed) in enumerate(tokens):
        word = text[start:end]
        if _PIECE.fullmatch(word) and (any(c.isdigit() for c in word) or _digit_next(text, tokens, i)):
            best = _longest(text, tokens, i)
            if best is not None and not _S10_TAIL.match(text, best):
                yield start, best, "PASSPORT", LABELLED_P
            return
        if i >= _GAP_WORDS or not _GAP_WORD.fullmatch(word) or _OTHER_DOCUMENT.fullmatch(word):
            return
        if word.lower() in _PLACE_WORDS:
            return  # "passport appointment at A1 200 2000 Main": a place follows, its civic number
        if any(c in ".!?;)" for c in closed) and (len(word) > 3 or closed != "."):
            return


def _digit_next(text: str, tokens: list[tuple[int, int, str, str]], i: int) -> bool:
    """Whether a letter or two alone is followed by a piece with digits ("G 2345678")."""
    if i + 1 >= len(tokens):
        return False
    start, end, blanks, _ = tokens[i + 1]
    return not tokens[i][3] and "\n" not in blanks and any(c.isdigit() for c in text[start:end])


def _longest(text: str, tokens: list[tuple[int, int, str, str]], i: int) -> int | None:
    """Where the longest run of pieces from `tokens[i]` that reads as a passport's code ends (one line break at most
    between the pieces, a blank or two otherwise)."""
    joined = ""
    best = None
    breaks = 0
    for k in range(i, len(tokens)):
        start, end, blanks, closed = tokens[k]
        word = text[start:end]
        if not _PIECE.fullmatch(word):
            break
        if k > i:
            if "\n" in blanks:
                breaks += blanks.count("\n")
                if breaks > 1:
                    break
            elif len(blanks) > 2:
                break
        joined += word
        if len(joined) > 12:
            break
        if _SHAPE.fullmatch(joined):
            best = end
            if k == i and len(joined) >= 8:
                break  # a whole code in one piece: what follows is something else
        if closed:
            break  # the punctuation closes the code
    return best
