"""Round 48 part B (issue 14): the characters of other keyboards and of copied documents, read as the plain ones.

A Chinese or Japanese input method types digits, letters and signs in full width ("１３８ ００１３ ８０００",
"wang．wei＠qq．com", "＋86"); a word processor, a form or a PDF copies its hyphens as Unicode ones ("514‑555‑0199" with
a non-breaking hyphen, "046‐454‐286", a minus sign "4111−1111−1111−1111"). Every rule is written for the plain
characters: :func:`plain_keys` maps each of these to its plain one, one character for one, so that spans found in the
mapped text are spans of the original. The en and em dashes stay: the rules read them on their own (a sentence's dash,
"+509 3712 - 4567").
"""

from __future__ import annotations

# The full-width digits and Latin letters, and the signs inside a value ("＋", "－", "．", "＠", "（", "）", "＃", "／",
# "＿"); not the punctuation between words ("，", "：", "。"), which the names' and the labels' rules read as it is.
_WIDE = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９＋－．＠（）＃／＿"}
_WIDE |= {0xFF21 + k: 0x41 + k for k in range(26)} | {0xFF41 + k: 0x61 + k for k in range(26)}
_HYPHENS = dict.fromkeys((0x2010, 0x2011, 0x2012, 0x2212, 0xFE63), 0x2D)  # ‐ ‑ ‒ − ﹣ -> -
_TABLE = _WIDE | _HYPHENS


def plain_keys(text: str) -> str:
    """`text` with full-width characters and Unicode hyphens as their plain ones (same length)."""
    if text.isascii():
        return text
    return text.translate(_TABLE)
