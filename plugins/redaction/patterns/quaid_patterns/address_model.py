"""A learned address tagger: a linear-chain CRF (python-crfsuite) over the words of a message,
labelling ADDRESS and POSTAL_CODE in BIO, for the addresses abroad that no rule anticipated
("House 12, Road 5, Dhanmondi", "Jl. Sudirman No. 5", "Lot II M 45 Ivandry", "Quartier Bastos,
rue 1.234"), written in every order.

The model (``data/addresses.crfsuite``) is trained by :mod:`quaid_patterns.train_addresses` on
the held-out sets, the redaction table and the knowledge base's client examples (no addresses),
each read as the tagger reads it at run time: masked by the rules (and the learned names).
Its features are the word, its shape (digits, "12B", "45-12", "#7"), prefixes and suffixes,
whether it is a street, unit or district word (:data:`STREET_WORDS`, :data:`UNIT_WORDS`,
:data:`DISTRICT_WORDS`), the words around it, whether the rules already masked it and as what,
and whether an address cue ("my address", "j'habite", "staying at") comes before it.

The redactor keeps a learned span only where it overlaps nothing the rules found, holds a digit
or a street, unit or district word (and no sentence's end nor money), the message speaks of a
client (a first-person word, an address cue, or another detail the rules masked), the rules do
not know its shape (:func:`known_shape`: where they find "365 Laurier Ave W" in "I live at ...",
leaving it unmasked in its own message was their context rules' choice, a public office's
address), a postal code only next to an address, and its confidence (the smallest 1 - P(O) over
its words) clears :data:`THRESHOLD`, chosen by cross-validation over the training sets
(``train_addresses --cv``). A learned address right after or before another address ("Apartment
5, Building 17" + ", Street 9") is joined to it. The redactor's owner model, which runs after,
may still drop a learned one that its context calls a public body's.

Cost: most messages hold no street or unit word and no number near an address cue
(:func:`candidates`); they skip the CRF. The others are tagged only around those words
(:func:`windows`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from pathlib import Path

from quaidcore import Span

from .crf import Crf
from .names_model import windows as name_windows
from .scan import PLACEHOLDER, masked_text, unmask
from .vocabulary import STREET_TYPES_EN, STREET_TYPES_FR, wordset

MODEL = Path(__file__).with_name("data") / "addresses.crfsuite"
# Lowest confidence of a span the redactor adds; chosen by cross-validation over the training
# sets so that the added spans of held-out folds are right ~90 % of the time (train_addresses --cv).
THRESHOLD = 0.8
TYPES = ("ADDRESS", "POSTAL_CODE")

Token = tuple[int, int, str]
# A placeholder of the rules as one token; a word or number with its inner marks ("45-12", "F-7/2",
# "1.234", "d'Armes", "#17", "12B"); any other mark alone.
_TOKEN = re.compile(r"\[[A-Z][A-Z0-9_]*\]|#?\w+(?:[-/.'’]\w+)*|[^\w\s]")
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z0-9_]*\]")


def _alpha_words(alternation: str) -> set[str]:
    return {w for w in alternation.split("|") if w.isalpha()}


# Street types, in many languages (the names before or after a street's name).
STREET_WORDS = frozenset(_alpha_words(STREET_TYPES_EN) | _alpha_words(STREET_TYPES_FR)) | wordset("""
road street lane avenue boulevard drive highway rue calle carrera cra kra cl avenida avda rua
travessa estrada rodovia alameda paseo camino diagonal transversal via viale vicolo strasse straße
str gasse weg platz ulica ul prospekt jalan jl jln lorong gang soi thanon marg salai path rasta sadak
sarak sokak sokağı sok cadde caddesi cd bulvar shari sharia shareh khiyaban kheyabun kuche calzada
circunvalación circunvalacion callejón callejon pasaje jirón jiron malecón malecon ruta route chemin
boul bd impasse allée allee quai cours sentier ruelle phố pho đường duong ngõ ngo hẻm hem kiệt
""")
# The parts of a building or a plot: "House 12", "Flat 3B", "Lot II M 45", "Imm 3 Appt 9".
UNIT_WORDS = wordset("""
house flat apt apartment appt apto apartamento departamento depto dpto app unit suite ste floor fl
piso étage etage tower torre building bldg edificio edif edf immeuble résidence residence
residencia villa block blk bloque bloc lot plot room rm porte door casa no nº num int interior conj conjunto manzana mz lt lote km kav daire bina kat blok kamar
nhà nha căn hộ tòa toa plaza compound camp gate shop stall box bp case postale po pobox
""")
# Neighbourhoods and the divisions of a town: "Quartier Bastos", "Sector F-7", "Brgy. San Isidro".
DISTRICT_WORDS = wordset("""
district sector colony colonia col nagar quartier quarter cité cite village barangay brgy purok
sitio moo tambon amphoe ward phường phuong quận quan xã xa huyện huyen hay hayy derb douar kebele
woreda kecamatan kec kelurahan kel desa kampung kampong rt rw mahalle mahallesi mohalla mohallah
chowk bazaar bazar town township estate layout phase cross zone area neighbourhood neighborhood
bairro barrio urbanización urbanizacion urb fraccionamiento fracc vila jardim parque conjunto
commune arrondissement cercle secteur carré carre province governorate wilaya daira municipio
subdivision subd compound community
""")
ADDRESS_WORDS = STREET_WORDS | UNIT_WORDS | DISTRICT_WORDS
# Words of the lists that are also common words: they make a candidate only with a number near.
_WEAK = wordset("""
house flat unit suite floor fl tower building block lot plot room door no num int interior box
case app area résidence residence residencia casa zone phase cross town estate gate shop camp village
district sector ward quarter commune community compound ste col cl path route cours court ct place
pl square way line park point view green hill close gate grove bay field walk ridge private st dr
ave av rd ln cir sq mews heights gardens terrace circle trail concession kat daire ul str via
""")
# Words that say an address follows or precedes: "my address", "j'habite", "staying at".
CUES = wordset("""
address addresses addr adress adresse adresses domicile domicilio dirección direccion endereço
endereco live lives living lived reside resides residing residence habite habitons habitent
vivo vivimos moro moramos staying stay stayed located moved move moving déménagé demenage
déménager mailing mail send ship shipping deliver delivery livrer livraison home j'habite j’habite
""")
# Words of the first person before an address: "my", "mon", "j'habite"...
_FIRST_PERSON = wordset("my mon ma mes mi mis meu minha our notre nos nuestra nuestro i je j j'habite i'm we nous")
# Words that show an address is a public body's, a business's or no address at all: "the office
# at 365 Laurier", "Villa 3 was cheaper than the hotel", "House 2 Season 3".
PUBLIC = wordset("""
office offices bureau embassy ambassade embajada consulate consulat consulado vfs vac cpc asc irc
ircc clinic clinique hospital hôpital hopital centre center centro mosque mosquée church église
eglise temple school école ecole university université college cégep cegep restaurant hotel hôtel
hostel shop store magasin boutique company compagnie entreprise employer employeur firm lawyer
avocat notary notaire bank banque library bibliothèque servicecanada serviceontario ministry
ministère government gouvernement season chapter episode page item items price prix receipt
reçu project projet bus métro metro train flight vol gate terminal seat room
""")
_DIGIT = re.compile(r"\d")
_ROMAN = re.compile(r"(?i:[ivxl]{1,5})")


def tokens(text: str) -> list[Token]:
    """The placeholders, words, numbers and marks of `text` as (start, end, token)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=16384)
def shape(word: str) -> str:
    """The word's characters as X, x and d, runs collapsed, other marks kept: "12B" -> "dX",
    "45-12" -> "d-d", "#17" -> "#d", "Jl" -> "Xx"."""
    out: list[str] = []
    for c in word:
        k = "d" if c.isdigit() else "X" if c.isupper() else "x" if c.isalpha() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:8]


def _kind(word: str) -> str:
    low = word.lower().strip("#")
    if low in STREET_WORDS:
        return "street"
    if low in UNIT_WORDS:
        return "unit"
    if low in DISTRICT_WORDS:
        return "district"
    return ""


@lru_cache(maxsize=16384)
def _own(word: str) -> tuple[str, ...]:
    """The features of a word by itself (cached: most words of a chat recur)."""
    if _PLACEHOLDER.fullmatch(word):
        return (f"ph={word[1:-1]}",)
    low = word.lower()
    feats = [f"w={low}", f"shape={shape(word)}", f"p3={low[:3]}", f"s3={low[-3:]}", f"len={min(len(word), 8)}"]
    digits = sum(c.isdigit() for c in word)
    if digits:
        feats.append("has_digit")
        feats.append(f"ndigits={min(digits, 7)}")
        if digits == len(word):
            feats.append("all_digits")
    elif _ROMAN.fullmatch(word) and word.isupper():
        feats.append("roman")
    if kind := _kind(word):
        feats.append(f"kind={kind}")
    if low in CUES:
        feats.append("cue")
    if word[:1].isupper():
        feats.append("cap")
    return tuple(feats)


@lru_cache(maxsize=16384)
def _near(prefix: str, word: str) -> tuple[str, ...]:
    """The features of a word seen from a neighbour `prefix` ("-2", "+1"...) away."""
    if _PLACEHOLDER.fullmatch(word):
        return (f"{prefix}:ph={word[1:-1]}",)
    feats = [f"{prefix}:w={word.lower()}", f"{prefix}:shape={shape(word)}"]
    if kind := _kind(word):
        feats.append(f"{prefix}:kind={kind}")
    if any(c.isdigit() for c in word):
        feats.append(f"{prefix}:digit")
    return tuple(feats)


def features(text: str, toks: Sequence[Token], window: range | None = None) -> list[list[str]]:
    """The features of each token of `window` (default: all)."""
    last = len(toks) - 1
    lows = [t[2].lower() for t in toks]
    sentence = _sentences(text, toks)
    facts: dict[int, list[str]] = {}
    for n, low in zip(sentence, lows, strict=True):
        marks = facts.setdefault(n, [])
        if low in PUBLIC and "public_in_sentence" not in marks:
            marks.append("public_in_sentence")
        if low in _FIRST_PERSON and "first_person_in_sentence" not in marks:
            marks.append("first_person_in_sentence")
        if low == "?" and "question" not in marks:
            marks.append("question")
    rows: list[list[str]] = []
    for i in window if window is not None else range(len(toks)):
        word = toks[i][2]
        row = list(_own(word))
        if i == 0:
            row.append("first")
        else:
            between = text[toks[i - 1][1]:toks[i][0]]
            if "\n" in between:
                row.append("after_newline")
            if not between:
                row.append("glued_before")
        if i == last:
            row.append("last")
        for offset in (-3, -2, -1, 1, 2, 3):
            j = i + offset
            row += _near(f"{offset:+d}", toks[j][2]) if 0 <= j <= last else [f"{offset:+d}:{'BOS' if j < 0 else 'EOS'}"]
        before = lows[max(0, i - 10):i]
        if any(w in CUES for w in before):
            row.append("cue_before")
        if any(w in _FIRST_PERSON for w in lows[max(0, i - 4):i]):
            row.append("first_person_before")
        if any(w in CUES for w in lows[i + 1:i + 4]):
            row.append("cue_after")
        row += facts[sentence[i]]
        rows.append(row)
    return rows


def _sentences(text: str, toks: Sequence[Token]) -> list[int]:
    """The number of the sentence or line of each token."""
    numbers = []
    n = 0
    for i, (start, _, word) in enumerate(toks):
        if i and (toks[i - 1][2] in "!?;" or "\n" in text[toks[i - 1][1]:start]
                  or (toks[i - 1][2] == "." and word[:1].isupper())):
            n += 1
        numbers.append(n)
    return numbers


def _has_digit(word: str) -> bool:
    return _DIGIT.search(word) is not None and not _PLACEHOLDER.fullmatch(word)


def candidates(toks: Sequence[Token]) -> list[int]:
    """The tokens an address the rules missed may hold: a street, unit or district word that
    is no common word; one that is (``house``, ``block``, ``no``) with a number within two
    tokens; a number within two tokens of such a word or ten tokens after an address cue.
    A message without one skips the CRF."""
    lows = [t[2].lower().strip("#") for t in toks]
    digit = [_has_digit(t[2]) for t in toks]
    if not any(digit) and not any(w in ADDRESS_WORDS and w not in _WEAK for w in lows):
        return []
    found = []
    for i, low in enumerate(lows):
        near = range(max(0, i - 3), min(len(toks), i + 4))
        if low in ADDRESS_WORDS:
            if low not in _WEAK or any(digit[j] for j in near):
                found.append(i)
        elif digit[i] and (any(lows[j] in ADDRESS_WORDS for j in near)
                           or any(w in CUES for w in lows[max(0, i - 10):i])):
            found.append(i)
    return found


MARGIN = 6  # tokens of context tagged on each side of a candidate


def windows(candidates: Sequence[int], count: int) -> list[range]:
    """The stretches of tokens tagged: MARGIN tokens around each candidate, merged."""
    return name_windows(candidates, count, MARGIN)


def decode(toks: Sequence[Token], labels: Sequence[str], p_in: Sequence[float]) -> list[tuple[int, int, str, float]]:
    """Spans of a tagged stretch: (start, end, type, confidence), one per run of B-/I- labels
    of one type, its confidence the smallest probability that one of its words is not O."""
    found: list[tuple[int, int, str, float]] = []
    run: list[int] = []
    kind = ""
    for i, label in enumerate([*labels, "O"]):
        if run and not (label.startswith("I-") and label[2:] == kind):
            found.append((toks[run[0]][0], toks[run[-1]][1], kind, min(p_in[j] for j in run)))
            run = []
        if label != "O":
            if not run:
                kind = label[2:]
            run.append(i)
    return found


class AddressTagger:
    """The trained CRF, opened once; ``spans`` is safe to call from several threads."""

    def __init__(self, path: Path = MODEL) -> None:
        self._crf = Crf(path)

    def spans(self, text: str, toks: Sequence[Token] | None = None,
              chosen: Sequence[int] | None = None) -> list[tuple[int, int, str, float]]:
        """The addresses and postal codes the model sees in `text` (masked by the rules; `toks`
        its tokens and `chosen` their candidates, if known): (start, end, type, confidence)."""
        toks = tokens(text) if toks is None else toks
        chosen = candidates(toks) if chosen is None else chosen
        found: list[tuple[int, int, str, float]] = []
        for window in windows(chosen, len(toks)):
            xseq = features(text, toks, window)
            labels, p_in = self._crf.tag(xseq)
            found += decode(toks[window.start:window.stop], labels, p_in)
        return found


@cache
def tagger() -> AddressTagger:
    """The shipped model, loaded on first use."""
    return AddressTagger()


def plausible(text: str, start: int, end: int) -> bool:
    """Whether a learned span text[start:end] may stand: it holds a digit or a street, unit or
    district word, no placeholder, no currency sign, and no sentence's or line's end."""
    value = text[start:end]
    if _MONEY.search(value) or any(not _abbreviation(value, m.start()) for m in _SENTENCE_END.finditer(value)):
        return False
    words = [w for _, _, w in tokens(value)]
    if any(_PLACEHOLDER.fullmatch(w) for w in words):
        return False
    return any(_has_digit(w) or w.lower().strip("#") in ADDRESS_WORDS for w in words)


# A sentence's or a line's end ("no street. Call"), a currency sign ("88 000 $"), a decimal.
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÀ-Þ]|\n")
_MONEY = re.compile(r"[$€£¥₹]")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\Z")


def _abbreviation(value: str, at: int) -> bool:
    """Whether the mark at value[at] is the dot of an abbreviation ("Jl. Sudirman", "Av. Paulista")."""
    if value[at] != ".":
        return False
    word = _WORD_BEFORE.search(value, 0, at)
    return word is not None and len(word.group()) <= 5


_DECIMAL = re.compile(r"\d[.,]\d")
# Words of the first person, or that say an address follows, and the placeholders of a client's
# details: a message with none of them quotes no client's address ("Villa 3 was cheaper").
_PERSONAL = CUES | _FIRST_PERSON | wordset("me moi im i'm j'ai i've mine mío mia mía")
_POSTAL_CUE = wordset("postal code zip pin cp c.p pincode postcode")


def _personal(lows: Sequence[str]) -> bool:
    return any(w in _PERSONAL or (w.startswith("[") and w != "[address]") for w in lows)


# The rules' spans of a text (PatternRedactor.rule_spans, no learned model), handed over by the
# redactor's module with use_rules: it imports this module, so this one cannot import it.
_RULES: list[Callable[[str], list[Span]]] = []


def use_rules(rule_spans: Callable[[str], list[Span]]) -> None:
    """Set how :func:`known_shape` asks the rules (the redactor's module does, on import)."""
    _RULES[:] = [rule_spans]


_FRAMES = ("I live at {}.", "mon adresse : {}.")


def known_shape(value: str) -> bool:
    """Whether the rules find an address or a postal code over most of `value` when a client
    gives it as theirs ("I live at 365 Laurier Ave W."): then the rules know its shape, and
    where they left it unmasked their context rules chose to (a public office's address)."""
    for frame in _FRAMES:
        text = frame.format(value)
        start = frame.index("{}")
        end = start + len(value)
        for span in _RULES[0](text):
            if span.type in TYPES and min(span.end, end) - max(span.start, start) >= len(value) / 2:
                return True
    return False


def _postal_support(text: str, toks: Sequence[Token], span: Span, addresses: Sequence[tuple[Span, float]]) -> float:
    """How sure a learned postal code is placed: 1 after a postal code's word ("zip", "code
    postal", "PIN") or a town's name after an address cue ("residing at ..., Kottayam 686001");
    next to an address on its line (within 40 characters), that address's confidence (1 for the
    rules'); 0 otherwise, or for a decimal or a number after "#" ("# 114-33": a plate)."""
    if _DECIMAL.search(text, span.start, span.end) or text[:span.start].rstrip().endswith("#"):
        return 0.0
    before = [w for s, _, w in toks if s < span.start]
    lows = [w.lower() for w in before]
    if any(w in _POSTAL_CUE for w in lows[-3:]) or (
            before and shape(before[-1]) == "Xx" and any(w in CUES for w in lows[-10:])):
        return 1.0
    support = 0.0
    for address, confidence in addresses:
        gap = text[address.end:span.start] if address.end <= span.start else text[span.end:address.start]
        if len(gap) <= 40 and "\n" not in gap:
            support = max(support, confidence)
    return support


_TRIM = " \t,;:-–("


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM + ".)":
        if text[end - 1] == "." and end - start > 1 and text[end - 2].isalpha():
            break  # "Jl." keeps its dot
        end -= 1
    return start, end


def learned(text: str, placeholders: Sequence[Span], model: AddressTagger | None = None,
            threshold: float = 0.0) -> list[tuple[Span, float]]:
    """The model's spans in `text` (masked by the rules, whose placeholders are `placeholders`),
    with their confidence, from `threshold` on, that overlap none of them, are
    :func:`plausible`, in a message that speaks of a client (:func:`_personal`), of a shape the
    rules do not know (:func:`known_shape`); a postal code only next to an address, no surer than
    it (:func:`_postal_support`)."""
    toks = tokens(text)
    chosen = candidates(toks)
    if not chosen or not _personal([w.lower() for _, _, w in toks]):
        return []
    found = []
    for start, end, kind, confidence in (model or tagger()).spans(text, toks, chosen):
        if confidence < threshold:
            continue
        start, end = _trimmed(text, start, end)
        if end <= start or any(s.start < end and start < s.end for s in placeholders):
            continue
        if plausible(text, start, end):
            found.append((Span(start, end, kind), confidence))
    if not found:
        return []
    found = [(s, c) for s, c in found if not known_shape(text[s.start:s.end])]
    addresses = [(s, 1.0) for s in placeholders if s.type == "ADDRESS"] + [x for x in found if x[0].type == "ADDRESS"]
    kept = []
    for span, confidence in found:
        if span.type == "POSTAL_CODE":
            confidence = min(confidence, _postal_support(text, toks, span, addresses))
        if confidence > 0:
            kept.append((span, confidence))
    return kept


_JOIN = re.compile(r"[ \t]*,?[ \t]*")


def learned_spans(text: str, spans: Sequence[Span], model: AddressTagger | None = None) -> list[tuple[Span, float]]:
    """The CRF's spans of `text` (original coordinates) with their confidence, where they overlap
    none of `spans` (the rules', sorted): the tagger reads the text masked as the core masks it."""
    masked, stretches = masked_text(text, list(spans))
    placeholders = [Span(m.start(), m.end(), m.group()[1:-1]) for m in PLACEHOLDER.finditer(masked)]
    return [(unmask(span, stretches), confidence) for span, confidence in learned(masked, placeholders, model)]


def added(text: str, spans: Sequence[Span], more: Sequence[Span]) -> list[Span]:
    """`spans` and `more` (learned, overlapping none of `spans`), sorted; a learned address next to
    another address, parted from it by a comma or spaces only, is joined to it ("15 Adeola Odeku
    Street" + ", Victoria Island")."""
    if not more:
        return list(spans)
    new = {(s.start, s.end) for s in more}
    out: list[Span] = []
    for span in sorted([*spans, *more], key=lambda s: s.start):
        last = out[-1] if out else None
        if (last is not None and last.type == span.type == "ADDRESS"
                and ((span.start, span.end) in new or (last.start, last.end) in new)
                and _JOIN.fullmatch(text, last.end, span.start)):
            out[-1] = Span(last.start, span.end, "ADDRESS")
            new.add((last.start, span.end))
        else:
            out.append(span)
    return out


_LETTERS = re.compile(r"[^\W\d_]+")
_ALONE = ADDRESS_WORDS - _WEAK  # the words that make a candidate alone (see candidates)


def _maybe(text: str) -> bool:
    """Whether `text` may hold a candidate (a quick test: most messages skip the rest): a word of
    :data:`_ALONE`, or a digit and a street, unit or district word or an address cue."""
    words = set(_LETTERS.findall(text.lower()))
    if not _ALONE.isdisjoint(words):
        return True
    return _DIGIT.search(text) is not None and not (ADDRESS_WORDS.isdisjoint(words) and CUES.isdisjoint(words))


def with_learned_addresses(text: str, spans: list[Span], types: frozenset[str] = frozenset(TYPES),
                           threshold: float = THRESHOLD) -> list[Span]:
    """`spans` (of `text`, sorted) and the addresses and postal codes of `types` the CRF finds
    where they overlap nothing found, from `threshold` on (see :func:`added`).

    What the CRF finds masked changes what it reads next to it (a postal code after the
    placeholder of its address is surer than after the address's own digits): it looks again
    at the text masked with its own spans, as the next redaction of the redacted text will."""
    if not _maybe(text):
        return spans  # most messages
    for _ in range(3):
        more = [s for s, confidence in learned_spans(text, spans) if confidence >= threshold and s.type in types]
        if not more:
            break
        spans = added(text, spans, more)
    return spans
