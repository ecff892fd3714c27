"""quaidcore.text: strip_accents drops exactly the combining characters of the NFKD form (issue 13)."""

from __future__ import annotations

import random
import unicodedata

import pytest

from quaidcore.text import normalize, strip_accents


def _per_character(text: str) -> str:  # what strip_accents did before: a pass over every character
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize("text", [
    "études", "Est-ce que je peux renouveler mon passeport à Montréal ?", "ça coûte combien", "Ǆ ﬁ ① ²",
    "a\u034fb",  # the combining grapheme joiner: in U+0300-U+036F but of class 0, kept
    "Tiếng Việt có dấu", "שָׁלוֹם", "\u05d0\u0591", "x\u1ab0y\u20d0z\ufe20", "𝅘𝅥𝅮 \U0001d167", "日本語のテキスト",
    "e\u0301\u0301\u0327", "\u0301 alone", "", "plain ascii", "ÀÉÎÕÜ àéîõü",
])
def test_strip_accents_drops_the_combining_characters(text: str) -> None:
    assert strip_accents(text) == _per_character(text)


def test_strip_accents_on_random_text_and_every_code_point() -> None:
    rng = random.Random(13)
    pool = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert strip_accents("".join(pool)) == _per_character("".join(pool))
    for _ in range(2000):
        text = "".join(rng.choice(pool) if rng.random() < 0.3 else rng.choice("ab éàç\u0301\u0327 ")
                       for _ in range(rng.randint(1, 30)))
        assert strip_accents(text) == _per_character(text)


def test_normalize() -> None:
    assert normalize("  Est-ce que j’ai   droit à l'AVE ? ") == "est ce que j ai droit a l ave"
    assert normalize("[PERSON] à Montréal") == "[person] a montreal"
