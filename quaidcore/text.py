"""Text normalisation shared by NLU and search plugins: pure functions."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\[\]]+")
_SPACES = re.compile(r"\s+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
# the combining diacritical marks (U+0300-U+036F) that combine (all but U+034F): French's accents once decomposed
_COMMON_MARKS = re.compile("[" + "".join(chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]+")


def _without_combining(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


def strip_accents(text: str) -> str:
    """``"études"`` → ``"etudes"``: clients often type French without accents."""
    if text.isascii():  # nothing to decompose (most messages): no copy, no per-character pass
        return text
    # the common marks dropped at once, then any other combining character from the runs of non-ASCII
    # characters left (no ASCII character combines): the same characters as a pass in Python over every one
    stripped = _COMMON_MARKS.sub("", unicodedata.normalize("NFKD", text))
    return stripped if stripped.isascii() else _NOT_ASCII.sub(_without_combining, stripped)


def normalize(text: str) -> str:
    """Lower case, no accents, punctuation to spaces, single spaces."""
    text = strip_accents(text.lower()).replace("'", " ").replace("’", " ")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()
