"""Issue 14, round 48 part B: phones, e-mails, cards and passports, read on heldout91, heldout95 and heldout97, probed
with rows written for each class (not the sets' lines: other numbers, languages, positions).

- A card's expiry date after its number written as people write it: the month in one digit ("exp 1/27"), a space, a
  dot or a dash before the year ("expires 07 29", "11.28"), "date d'exp" with its apostrophe dropped ("date dexp"),
  the words of other languages ("fecha de vencimiento", "valable jusqu'à", "scadenza"), the month's name ("exp sept
  2027"); and after a card number broken over three or four lines (identifiers._EXPIRY_BARE, _EXPIRY, _EXPIRY_WORDS,
  _broken_cards). A card's digits typed one at a time, Luhn-valid (identifiers._one_by_one).
- A date typed with spaces ("born 12 03 1956") is no passport's or file's number, whatever label stands near
  (identifiers._DATE_SHAPE).
- A passport's code typed apart after a passport word, the word split or in another language: in groups ("A02 7731
  45"), digit by digit after its letter ("G2 3 4 5 6 7 8 9"), broken over a line ("P438\\n2196A", "19CK\\n48213"),
  after a form's short word ("PPT"): apart.passports_apart.
- A North American number with a slash between every group ("416 / 555 / 0199"); a number typed digit by digit after
  a call's verb glued to its pronoun ("callme back pls 6 1 3 ...", "textme", "rappellemoi"): contact._PHONE_NANP,
  _CALL_BEFORE. An extension glued to the number ("0142x31"): contact._PHONE_NANP. An "O" typed for a number's first
  zero ("O6 12 34 56 78", "O46 454 286"): redactor.zeros_for_oh.
- A phone broken over a line after a phone's word, its trunk prefix first ("0300 4417 2\\n19"), or with its country's
  code, Mexico's mobiles with the "1" their plan dropped ("+52 1 81\\n2345 6789"): worldphones._broken_trunk_phones,
  international_number.
- A word of the sentence before a mail host named alone ("(pas @yahoo.com)") is no address: contact._SENTENCE_WORDS.
  An address at a known host with its end left out ("li.wen88@hotmail", "tran.minh at yahoo"), an account named by
  its host, its name alone ("my gmail is kofi.mensah77"), or the line broken after its "@": contact._EMAIL_NO_END,
  _EMAIL_HOST_SAID, _HOST_ACCOUNT, _EMAIL. "plus" said for the "+" of a valid international number: contact._PLUS_WORD.
- The characters of other keyboards and copied documents: full-width digits, letters and signs, Unicode hyphens, read
  as the plain ones, one character for one (keyboards.plain_keys, at the start of redactor.find). A phone, a passport
  or an e-mail glued to the words of a script written without spaces ("电话13912345678", "邮箱是chen.jie99@163.com"):
  keyboards.script_glued, contact._after_script.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

C, P, PP, E, D = "CREDIT_CARD", "PHONE", "PASSPORT", "EMAIL", "DATE_OF_BIRTH"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # expiry dates after the card's number: the month in one digit, a space or a dot before the year
    ("visa 4024 0071 5336 2297 exp 3/28 thx", [(C, "4024 0071 5336 2297"), (C, "3/28")]),
    ("paid with mastercard 5500 0055 5555 5559 expires 11 27 but it failed", [(C, "5500 0055 5555 5559"), (C, "11 27")]),
    ("ma carte 4556 7375 8689 9855 valable jusqu'à 04.29", [(C, "4556 7375 8689 9855"), (C, "04.29")]),
    ("la carte 4111 1111 1111 1111 date dexp 02/30", [(C, "4111 1111 1111 1111"), (C, "02/30")]),
    ("tarjeta 4111 1111 1111 1111, fecha de vencimiento 9/27", [(C, "4111 1111 1111 1111"), (C, "9/27")]),
    ("card 4111 1111 1111 1111 exp. date 6 2028", [(C, "4111 1111 1111 1111"), (C, "6 2028")]),
    # ... after a number broken over three or four lines
    ("my card\n4024\n0071\n5336\n2297\nexpiry 08 28", [(C, "4024\n0071\n5336\n2297"), (C, "08 28")]),
    ("carte 4556 7375\n8689\n9855 exp 5/29", [(C, "4556 7375\n8689\n9855"), (C, "5/29")]),
    # ... or its month's name
    ("card 4111 1111 1111 1111 exp sept 2027", [(C, "4111 1111 1111 1111"), (C, "sept 2027")]),
    ("carte 4556 7375 8689 9855 expire en mars 28", [(C, "4556 7375 8689 9855"), (C, "mars 28")]),
    # a card's digits typed one at a time
    ("ma carte c'est 4 5 5 6 7 3 7 5 8 6 8 9 9 8 5 5 exp 04/29", [(C, "4 5 5 6 7 3 7 5 8 6 8 9 9 8 5 5"), (C, "04/29")]),
    ("scores 4 5 5 6 7 3 7 5 8 6 8 9 9 8 5 6", []),  # no Luhn
    # near-misses: no expiry word, a year alone, a count after the card
    ("card 4111 1111 1111 1111 paid on 12 26 items", [(C, "4111 1111 1111 1111")]),
    ("card 4111 1111 1111 1111 expiry 2026", [(C, "4111 1111 1111 1111")]),
    ("on 3/27 we paid 120 dollars", []),
    # a date typed with spaces near a passport's word: the birth date, not the passport
    (
        "he was born 07 11 1983\nhis passport is XB4471920",
        [(D, "07 11 1983"), (PP, "XB4471920")],
    ),
    ("passport expires 14 08 2031", []),
    # a passport's code typed apart after the passport word
    ("pasaporte guatemalteco B3 118 4420", [(PP, "B3 118 4420")]),
    ("my passport number is K 2290 7731", [(PP, "K 2290 7731")]),
    ("numéro de passeport ivoirien 18AD\n40921 merci", [(PP, "18AD\n40921")]),
    ("indian passport Z55\n18204", [(PP, "Z55\n18204")]),
    ("pass port T7 7 2 1 0 4 9 6", [(PP, "T7 7 2 1 0 4 9 6")]),
    ("Reisepass C01X 00T47", [(PP, "C01X 00T47")]),
    ("PPT: M 5520 1187", [(PP, "M 5520 1187")]),
    ("see the PPT slide 12 of 40", []),
    ("passeport haïtien\nRD 04\n7712 9", [(PP, "RD 04\n7712 9")]),
    # near-misses: sizes, counts, a parcel's tracking number, a place, a date
    ("passport photo 2 x 2 inches, I need 4 of them", []),
    ("passport office at 200 Kent St opens at 9", []),
    ("passport renewal took 6 to 8 weeks", []),
    ("passport A 3 months ago and still nothing", []),
    ("the passport fee is 160 dollars and 35 for the photo", []),
    ("mon passeport est parti par la poste, suivi RR 551 208 337 CA", []),
    ("MY PASSPORT IS AT 2200 14 ST NW", [("ADDRESS", "2200 14 ST NW")]),
    ("my passport appointment is at B2 310 4410 Yonge", []),
    ("le passeport de ma fille: B7 1 2 3 4 5 6 7", [(PP, "B7 1 2 3 4 5 6 7")]),
    # a North American number with slashes between the groups, spaced or not
    ("my cell is 438 / 291 / 7736 after 6", [(P, "438 / 291 / 7736")]),
    ("rejoignez-moi au 819/555/0134 svp", [(P, "819/555/0134")]),
    ("the ratio was 250/100/2000 on the test", []),
    ("pages 100/200/3000 of the guide", []),
    # digit by digit after a call's verb glued to its pronoun
    ("callme asap 4 3 8 5 5 5 0 1 9 9", [(P, "4 3 8 5 5 5 0 1 9 9")]),
    ("textme at 2 0 4 5 5 5 0 1 6 8 tonight", [(P, "2 0 4 5 5 5 0 1 6 8")]),
    ("rappellemoi au 0 6 7 1 3 4 5 6 8 9", [(P, "0 6 7 1 3 4 5 6 8 9")]),
    ("callme back the score was 1 2 3 4 5 6 7 8 9 9", []),  # no plan's number
    # "plus" said for the "+" before the country's code
    ("appelez ma soeur plus 221 77 123 45 67", [(P, "plus 221 77 123 45 67")]),
    ("it costs 20 dollars plus 15 30 45 60", []),
    # an "O" typed for the first zero; an extension glued to the number
    ("mon cell O7 58 21 49 36 merci", [(P, "O7 58 21 49 36")]),
    ("my SIN is O46 454 286", [("SIN", "O46 454 286")]),
    ("the O2 arena had 12 000 seats", []),
    ("the DLI on my letter is O19283746555", []),  # a DLI's own "O", its digits in one piece
    ("work phone 905 555 0142x31", [(P, "905 555 0142x31")]),
    ("code 416 555 0199xyz", []),
    # a phone broken over a line, its trunk prefix first, or Mexico's "1" after the country's code
    ("phone 0321 5567 8\n81 thx", [(P, "0321 5567 8\n81")]),
    ("my number 0803 123\n4567 thanks", [(P, "0803 123\n4567")]),
    ("whatsapp +52 1 33\n1234 5678", [(P, "+52 1 33\n1234 5678")]),
    ("phone 0612345678\n2 kids and my wife", [(P, "0612345678")]),
    ("invoice 0300 4417\n2 boxes", []),
    # an address at a known host, its end left out, or the line broken after the "@"
    ("my email is li.wen88@hotmail thanks", [(E, "li.wen88@hotmail")]),
    ("courriel: moussa.k@\nyahoo.fr", [(E, "moussa.k@\nyahoo.fr")]),
    ("write to me@gmail or on twitter", []),
    ("sent from my phone via gmail", []),
    # the characters of a Chinese or Japanese keyboard (full width), the Unicode hyphens of a copied form
    ("我的手机 １３９ １２３４ ５６７８", [(P, "１３９ １２３４ ５６７８")]),
    ("携帯 ０８０-９８７６-５４３２", [(P, "０８０-９８７６-５４３２")]),
    ("邮箱 li．na＠163．com", [(E, "li．na＠163．com")]),
    ("tél : 418‑555‑0127", [(P, "418‑555‑0127")]),
    ("NAS 046‐454‐286", [("SIN", "046‐454‐286")]),
    ("护照号 Ｅ８８４１２２０７", [(PP, "Ｅ８８４１２２０７")]),
    ("价格 １２０ 元", []),
    # a value glued to the words of a script without spaces, after its word in that script
    ("我妈妈的手机13801234567，谢谢", [(P, "13801234567")]),
    ("携帯は080-2345-6789です", [(P, "080-2345-6789")]),
    ("她的护照号码是EA7712345。", [(PP, "EA7712345")]),
    ("邮箱是chen.jie99@163.com", [(E, "chen.jie99@163.com")]),
    ("订单号13801234567已发货", []),
    ("注文番号は080-2345-6789です", []),
    ("我叫李娜，电话 １３９１２３４５６７８", [("PERSON", "李娜"), (P, "１３９１２３４５６７８")]),
    # an address said with "at" and a known host, its end left out; an account named by its host, the name alone
    ("reach me: tran.minh at yahoo", [(E, "tran.minh at yahoo")]),
    ("my gmail is kofi.mensah77", [(E, "kofi.mensah77")]),
    ("mon hotmail c'est fatou_ba", [(E, "fatou_ba")]),
    ("mail: diego.r90 (outlook)", [(E, "diego.r90")]),
    ("my gmail is full again", []),
    ("I sent it at 10.30 at gmail", []),
    ("the file is report_v2 on gmail drive", []),
    # a word of the sentence before a mail host named alone
    ("mon courriel: awa.sow77@gmail.com (et non @hotmail.com)", [(E, "awa.sow77@gmail.com")]),
    ("it's on @outlook.com not @yahoo.ca", []),
    ("email john @gmail.com please", [(E, "john @gmail.com")]),
    ("My e-mail changed to li.wei @ yahoo.ca last week", [(E, "li.wei @ yahoo.ca")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round48_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
