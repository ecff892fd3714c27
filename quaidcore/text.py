"""Text normalisation shared by NLU and search plugins: pure functions."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\[\]]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """``"études"`` → ``"etudes"``: clients often type French without accents."""
    if text.isascii():  # nothing to decompose (most messages): no copy, no per-character pass
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """Lower case, no accents, punctuation to spaces, single spaces."""
    text = strip_accents(text.lower()).replace("'", " ").replace("’", " ")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()
