"""Round 48 part B (issue 14): the characters of other keyboards and of copied documents, read as the plain ones.

A Chinese or Japanese input method types digits, letters and signs in full width ("１３８ ００１３ ８０００",
"wang．wei＠qq．com", "＋86"); a word processor, a form or a PDF copies its hyphens as Unicode ones ("514‑555‑0199" with
a non-breaking hyphen, "046‐454‐286", a minus sign "4111−1111−1111−1111"). Every rule is written for the plain
characters: :func:`plain_keys` maps each of these to its plain one, one character for one, so that spans found in the
mapped text are spans of the original. The en and em dashes stay: the rules read them on their own (a sentence's dash,
"+509 3712 - 4567").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .apart import _SHAPE
from .base import LABELLED_P, PHONE_P
from .checksums import digits_of
from .scan import Candidate, Scan
from .worldphones import international_number, trunk_number

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


# Round 48 part B: a value in Latin letters and digits glued to the words of a script written without spaces (Chinese,
# Japanese, Korean), after its word in that script: "电话13912345678", "我的电话是13912345678。", "電話番号は090-1234-5678
# です", "護照號碼E12345678". The other rules want a blank or a sign around a value; here the script's letters stand there.
_SCRIPT = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
_GLUED_VALUE = re.compile(
    rf"(?<={_SCRIPT})(?:\+?[0-9](?:[0-9]|[ -](?=[0-9])){{6,16}}|[A-Z]{{1,2}}[0-9]{{6,9}}[A-Z]?)(?![0-9A-Za-z])"
)
_PHONE_WORD = re.compile(r"(?:电话|電話|手机|手機|联系|聯繫|聯絡|携帯|ケータイ|전화|휴대폰|핸드폰|연락처|微信)")
_PASSPORT_WORD = re.compile(r"(?:护照|護照|パスポート|旅券|여권)")
_WORD_REACH = 8
_EAST_ASIA = ("CN", "TW", "HK", "JP", "KR")


def script_glued(scan: Scan) -> Iterator[Candidate]:
    """Phones and passports glued to the words of a script without spaces (see :data:`_GLUED_VALUE`)."""
    text = scan.text
    if scan.digits < 6 or text.isascii():
        return
    for m in _GLUED_VALUE.finditer(text):
        before = text[max(0, m.start() - _WORD_REACH) : m.start()]
        value = m.group()
        if value[0].isalpha():
            if _PASSPORT_WORD.search(before) and _SHAPE.fullmatch(value):
                yield m.start(), m.end(), "PASSPORT", LABELLED_P
            continue
        if not _PHONE_WORD.search(before):
            continue
        digits = digits_of(value)
        if (
            (value[0] == "+" and international_number(digits))
            or (len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789")  # a Chinese mobile
            or (value[0] != "+" and trunk_number(digits, _EAST_ASIA))
        ):
            yield m.start(), m.end(), "PHONE", PHONE_P
