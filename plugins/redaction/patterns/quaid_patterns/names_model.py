"""A learned name tagger: a linear-chain CRF (python-crfsuite) over the words of a message,
labelling PERSON names in BIO, for the names that no rule finds because nothing introduces
them ("TSHIMANGA Patrick" alone, "hello, mohammed el amrani speaking", a sign-off).

The model (``data/names.crfsuite``) is trained by :mod:`quaid_patterns.train_names` on the
held-out sets 1-19, the redaction table and the knowledge base's client examples (no names),
each read as the tagger reads it at run time: masked by the rules.
Its features are the word, its shape, prefixes and suffixes, whether the gazetteer lists it as
a given or family name, whether it is a common word (stop lists, ``data/words.txt``), its
position, the words around it, and whether the rules already masked it. The redactor keeps the
tagger's names that overlap nothing the rules found and whose confidence clears
:data:`THRESHOLD`.

Cost: most messages hold no word that could be a name the rules missed (:func:`candidates`);
they skip the CRF. The others are tagged only around such words (:func:`windows`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path

from quaidcore import Span

from .crf import Crf
from .gazetteer import COMMON_WORDS, PLACES, common_given_name, family_name, given_name
from .vocabulary import (
    GROUP_PLURALS,
    NOT_NAME,
    NOT_NAME_CAPITALISED,
    NOT_NAME_LOWERCASE,
    STREET_TYPES_EN,
    STREET_TYPES_EN_CAPITALISED,
    STREET_TYPES_FR,
    wordset,
)

MODEL = Path(__file__).with_name("data") / "names.crfsuite"
# Common English and French words (Faker's lorem lists and the words of three texts or more of
# the knowledge base), written by train_names with the model.
WORDS = Path(__file__).with_name("data") / "words.txt"
# Lowest confidence (the smallest 1 - P(O) over a name's words) of a name the redactor adds;
# chosen by leave-one-set-out cross-validation over the training sets (train_names --cv).
THRESHOLD = 0.95

Token = tuple[int, int, str]
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|[^\w\s]|_")
_POSSESSIVE = re.compile(r"[^\W\d_]['’][sS]$")
# Words that are never part of a person's name the tagger adds: street types ("Jean Brillant
# Park", "Rue Jean Talon") and the wishes that close a message like a name ("Merry Christmas").
_NEVER_IN_NAME = frozenset(
    w.lower() for w in "|".join((STREET_TYPES_EN, STREET_TYPES_EN_CAPITALISED, STREET_TYPES_FR)).split("|")
    if w.isalpha()
) | wordset("""
hay hayy derb quartier cité
ul ulica ulicy aleja jabal jebel wadi
vila bairro jardim colonia barrio
merry christmas xmas happy new year holidays holiday easter eid mubarak diwali ramadan kareem
bonne bon année annee noël noel fêtes fetes joyeux joyeuses vacances feliz navidad
""")
# Round 36: the last line above, a district's word in Brazil and Mexico before its name ("Vila Olímpia", "Bairro
# Jardim América", "Colonia Roma"): a place.
# Round 36: "Ma." (Maria, in the Philippines) and "Md." before the tagger's name are part of it ("Ma. Cristina ...").
_ABBREVIATED_GIVEN = re.compile(r"(?<![\w'’.-])(?:Ma|Mª|Md|Mohd|Muhd)\.[ \t]+\Z")
# Round 34: a public body's word after an elided article ("l'Ambassade", "d'Immigration"); not "L'Heureux".
_ELIDED_BODY = re.compile(
    r"(?i:[ld]['’])(?i:ambassade|embassy|consulat|consulate|h[ôo]pital|universit[ée]|[ée]cole|acad[ée]mie|a[ée]roport"
    r"|immigration|office|agence|administration|ambassadeur|ambassadrice|[ée]glise|eglise|[ée]tat|h[ôo]tel|h[ôo]tel-dieu)"
)
# Words after a place's name: "Ben Thanh ward", "Hoan Kiem district", "Quezon City".
# Round 48: or a square, a roundabout, an airport named after someone ("Kwame Nkrumah Circle", "Jomo Kenyatta Airport").
_PLACE_NEXT = wordset("""
ward district province county sector barangay village city town quận phường
circle square roundabout junction interchange airport stadium bridge plaza expressway
""")
# Round 26: a province and a postal code after a word show it is the town: "88 Kent St W,
# Lindsay ON K9V 2Y3", "Mississauga, Ont. L5B 3C2".
_PROVINCE_CODE_NEXT = re.compile(
    r"[ \t]*+,?[ \t]*+(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|Ont\.?|Qc|Qu[ée]bec)[ \t]*+,?[ \t]*+"  # round 52: possessive
    r"(?:[A-Z][0-9][A-Z][ \t-]?[0-9][A-Z][0-9]|\[POSTAL_CODE\])"
)
# A name next to one of these is a company's ("Johnson & Johnson") or a handle.
_COMPANY_MARKS = frozenset("&@+/")
_COMMON = frozenset(w.lower() for w in COMMON_WORDS | PLACES | NOT_NAME | NOT_NAME_CAPITALISED | NOT_NAME_LOWERCASE)


def tokens(text: str) -> list[Token]:
    """The words, numbers and punctuation marks of `text` as (start, end, token); an English
    possessive is split off ("farida's" -> "farida", "'s")."""
    found: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        if len(word) > 3 and word[-2] in "'’" and _POSSESSIVE.search(word):
            found.append((start, end - 2, word[:-2]))
            found.append((end - 2, end, word[-2:]))
        else:
            found.append((start, end, word))
    return found


def shape(word: str) -> str:
    """"Xx", "X", "XX", "xx", "d" (digits), "p" (punctuation) or "mix", plus "-" for a
    hyphen and "'" for an apostrophe inside."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if not letters:
        base = "p"
    elif letters.isdigit():
        base = "d"
    elif letters.isupper():
        base = "X" if len(letters) == 1 else "XX"
    elif letters.islower():
        base = "xx"
    elif letters[0].isupper() and letters[1:].islower():
        base = "Xx"
    else:
        base = "mix"
    return base + ("-" if "-" in word else "") + ("'" if "'" in word or "’" in word else "")


@cache
def vocabulary() -> frozenset[str]:
    """The common words of :data:`WORDS`, lower case (empty if the file is missing)."""
    try:
        return frozenset(WORDS.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def _word_facts(word: str) -> list[str]:
    facts: list[str] = []
    if word[0].isalpha():
        if given_name(word):
            facts.append("given")
        if family_name(word):
            facts.append("family")
        if common_given_name(word):
            facts.append("common_given")
        if word.lower() in _COMMON:
            facts.append("common")
        if word.lower() in vocabulary():
            facts.append("vocab")
    return facts


# Words after which any word may be a name ("c'est moussa", "myself ravi", "regards, amaka").
_CUES = wordset("""
name names nom prénom prenom surname appelle mappelle called named nommé nommée nomme myself moi
me am im i'm this its it's c cest c'est ici regards cordialement thanks merci signed signé
mr mrs ms miss mme mlle dr madame monsieur sir son daughter fils fille wife husband femme mari
""")


@lru_cache(maxsize=16384)
def _standing(word: str) -> int:
    """Whether a word may be part of a name the tagger would add: 2 anywhere, 1 only where no
    sentence starts (a capitalised word that is no common word), 0 not by itself."""
    first = word[0]
    if not first.isalpha():
        return 0
    if not (first.isupper() or first.islower()):
        return 2  # a script without case: "张伟"
    known = _known(word)
    if given_name(word) or family_name(word) or common_given_name(word):
        return 2 if not known else 1 if first.isupper() and not word.isupper() else 0
    if known or len(word) < 2:
        return 0
    return 2 if word.isupper() else 1 if first.isupper() else 0


def _known(word: str) -> bool:
    low = word.lower()
    return low in _COMMON or low in vocabulary()


def _sentence_start(text: str, toks: Sequence[Token], i: int) -> bool:
    return i == 0 or toks[i - 1][2] in ".!?:;" or "\n" in text[toks[i - 1][1]:toks[i][0]]


def candidates(text: str, toks: Sequence[Token], ruled: Sequence[str]) -> list[int]:
    """The tokens that may be part of a name the rules missed: a capitalised word that is
    not a common one, away from a sentence's start; an all-capital word, or a name of the
    gazetteer's that is no common word, anywhere; a word that is no common one after a name
    cue ("c'est moussa"). A message
    without one skips the CRF."""
    found = []
    for i, (_, _, word) in enumerate(toks):
        if ruled[i]:
            continue
        standing = _standing(word)
        if standing == 2 or (standing == 1 and not _sentence_start(text, toks, i)) \
                or (i and word[0].isalpha() and toks[i - 1][2].lower() in _CUES and not _known(word)):
            found.append(i)
    return found


MARGIN = 4  # tokens of context tagged on each side of a candidate


def windows(candidates: Sequence[int], count: int, margin: int = MARGIN) -> list[range]:
    """The stretches of tokens tagged: `margin` tokens around each candidate, merged (the
    address tagger's too)."""
    spans: list[range] = []
    for i in candidates:
        start, stop = max(0, i - margin), min(count, i + margin + 1)
        if spans and start <= spans[-1].stop:
            spans[-1] = range(spans[-1].start, max(stop, spans[-1].stop))
        else:
            spans.append(range(start, stop))
    return spans


@lru_cache(maxsize=16384)
def _own(word: str) -> tuple[str, ...]:
    """The features of a word by itself (cached: most words of a chat recur)."""
    low = word.lower()
    return (f"w={low}", f"shape={shape(word)}", f"p2={low[:2]}", f"p3={low[:3]}", f"s2={low[-2:]}",
            f"s3={low[-3:]}", f"len={min(len(word), 8)}", *_word_facts(word))


@lru_cache(maxsize=16384)
def _near(prefix: str, word: str) -> tuple[str, ...]:
    """The features of a word seen from a neighbour `prefix` ("-2", "+1"...) away."""
    return (f"{prefix}:w={word.lower()}", f"{prefix}:shape={shape(word)}", *(f"{prefix}:{f}" for f in _word_facts(word)))


def _position(text: str, toks: Sequence[Token], i: int) -> list[str]:
    if i == 0:
        return ["first"]
    between = text[toks[i - 1][1]:toks[i][0]]
    previous = toks[i - 1][2]
    marks = []
    if "\n" in between:
        marks.append("after_newline")
    if previous == ",":
        marks.append("after_comma")
    if previous in ".!?:;":
        marks.append("after_stop")
    return marks


def _message(text: str) -> list[str]:
    letters = "".join(filter(str.isalpha, text))
    if not letters:
        return []
    if all(map(str.islower, letters)):
        return ["msg_lower"]
    if sum(map(str.isupper, letters)) > 0.6 * len(letters):
        return ["msg_upper"]
    return []


def features(text: str, toks: Sequence[Token], ruled: Sequence[str], window: range | None = None) -> list[list[str]]:
    """The features of each token of `window` (default: all); `ruled[i]` is the type the rules
    masked token i as, or ""."""
    message = _message(text)
    last = len(toks) - 1
    rows: list[list[str]] = []
    for i in window if window is not None else range(len(toks)):
        word = toks[i][2]
        row = [*_own(word), *_position(text, toks, i), *message]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            row += _near(f"{offset:+d}", toks[j][2]) if 0 <= j <= last else [f"{offset:+d}:{'BOS' if j < 0 else 'EOS'}"]
        if ruled[i]:
            row.append(f"rule={ruled[i]}")
        if i == last:
            row.append("last")
        rows.append(row)
    return rows


def ruled_types(toks: Sequence[Token], spans: Sequence[Span]) -> list[str]:
    """For each token, the type of the span found by the rules that covers it ("PERSON" or
    "OTHER"), or ""."""
    marks = [""] * len(toks)
    if not spans:
        return marks
    ends = [end for _, end, _ in toks]  # the tokens follow one another: their ends rise (round 50: a bisection, not
    # every token for every span, which took a quadratic time on a text of many names)
    for span in spans:
        kind = "PERSON" if span.type == "PERSON" else "OTHER"
        i = bisect.bisect_right(ends, span.start)
        while i < len(toks) and toks[i][0] < span.end:
            marks[i] = kind
            i += 1
    return marks


def decode(toks: Sequence[Token], labels: Sequence[str], p_name: Sequence[float]) -> list[tuple[int, int, float]]:
    """Names of a tagged message: (start, end, confidence), one per run of B/I labels,
    confidence being the smallest probability that one of its words is in a name."""
    names: list[tuple[int, int, float]] = []
    run: list[int] = []
    for i, label in enumerate([*labels, "O"]):
        if run and (label != "I"):
            names.append((toks[run[0]][0], toks[run[-1]][1], min(p_name[j] for j in run)))
            run = []
        if label in ("B", "I"):
            run.append(i)
    return names


class NameTagger:
    """The trained CRF, opened once; ``names`` is safe to call from several threads."""

    def __init__(self, path: Path = MODEL) -> None:
        self._crf = Crf(path)

    def names(self, text: str, found: Sequence[Span] = ()) -> list[tuple[int, int, float]]:
        """The names the model sees in `text` (`found`: the spans the rules found there)."""
        toks = tokens(text)
        ruled = ruled_types(toks, found)
        names: list[tuple[int, int, float]] = []
        for window in windows(candidates(text, toks, ruled), len(toks)):
            names += self._tag(text, toks, ruled, window)
        return names

    def _tag(self, text: str, toks: Sequence[Token], ruled: Sequence[str], window: range) -> list[tuple[int, int, float]]:
        xseq = features(text, toks, ruled, window)
        labels, p_name = self._crf.tag(xseq)
        return decode(toks[window.start:window.stop], labels, p_name)


@cache
def tagger() -> NameTagger:
    """The shipped model, loaded on first use."""
    return NameTagger()


def plausible(text: str, start: int, end: int) -> bool:
    """Whether the tagger's name text[start:end] may stand: none of its words is a street type
    or a wish, it does not follow a street type nor come before "ward" or "district", and no
    "&" or "@" touches it."""
    if text[start:end].lower() in GROUP_PLURALS:
        return False  # round 35: "hey, roommates here:": a group's word
    if " ".join(text[start:end].lower().split()) in _GREETINGS:
        return False  # round 39: "Xin chao, I am ...": a greeting of two capitalised words
    if any(w.lower() in _NEVER_IN_NAME or _ELIDED_BODY.fullmatch(w) for _, _, w in tokens(text[start:end])):
        return False  # round 34: "l'Ambassade du Canada": a body after its elided article
    previous = [w for _, _, w in tokens(text[max(0, start - 12):start]) if w != "."]
    if previous and previous[-1].lower() in _NEVER_IN_NAME:
        return False  # the street's name after its type: "Av. Simon Bolivar", "rue Jean Talon"
    following = tokens(text[end:end + 16])
    if following and following[0][2].lower() in _PLACE_NEXT:
        return False  # "Ben Thanh ward", "Hoan Kiem district": a place
    if _PROVINCE_CODE_NEXT.match(text, end):
        return False  # "Lindsay ON K9V 2Y3": the town before its province and postal code
    if crossing_street(text, start):
        return False  # round 50: "Rue Galliéni x Amadou Assane Ndoye": a crossing street
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    return before not in _COMPANY_MARKS and after not in _COMPANY_MARKS


def crossing_street(text: str, start: int) -> bool:
    """Whether the name at `start` follows a street and the crossing's word (see _CORNER_BEFORE)."""
    previous = _LAST_WORD_BEFORE.search(text, max(0, start - 16), start)
    return previous is not None and previous.group(1).lower() in _CORNER_WORDS \
        and _CORNER_BEFORE.search(text, max(0, start - 60), start) is not None


_LAST_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]+|×)[ \t]*+\Z")
# Round 50: a crossing street named after someone, right after a street and the crossing's word: "Rue Galliéni x
# Amadou Assane Ndoye", "Avenue Bourguiba x Cheikh Anta Diop", "Main St corner Nelson Mandela".
_CORNER_WORDS = wordset("x × corner coin angle intersection croisement")
_CORNER_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:{STREET_TYPES_EN}|{STREET_TYPES_FR}|calle|avenida|rua)\.?[ \t][^\n,;.!?]{{0,40}}?"
    r"(?:[ \t](?:x|×)|corner(?:[ \t]+of)?|coin(?:[ \t]+de)?|angle|intersection|croisement)[ \t]*\Z",
    re.IGNORECASE,
)
# Round 50: a staff member's role, then the initial of the name found after it ("officer T. Rahman", "l'agent K.
# Diallo"): the initial is the name's. The role and an initial alone say no name ("signed by Officer R. Dumont").
ROLE_INITIAL_BEFORE = re.compile(
    r"(?<![\w-])(?i:officer|agent|agente|rep|representative|caseworker|clerk|counsellor|counselor|conseiller|conseillère"
    r"|interviewer|supervisor|superviseur|superviseure|inspector|inspecteur|inspectrice|préposé|préposée)"
    r"[ \t]+([A-Z]\.[ \t]?)\Z"
)
# Round 50: the file's role before the name of a letter's subject line: "Re: Taxpayer Liu Mei".
_ROLE_FIRST = re.compile(
    r"(?-i:Taxpayer|Applicant|Claimant|Sponsor|Beneficiary|Patient|Student|Employee|Contribuable|Demandeur|Demandeuse"
    r"|Requérant|Requérante|Bénéficiaire|Répondant|Répondante|Étudiant|Étudiante|Employé|Employée)[ \t]+(?=[A-ZÀ-Þ])"
)


# Round 39: greetings in other languages, written capitalised at a message's start.
_GREETINGS = frozenset(("xin chao", "xin chào", "sat sri akal", "assalamu alaikum", "salam alaikum", "kumusta po"))
_COMMA = re.compile(r",[ \t]*")
# Kinship words and honorifics said before a name, not part of it ("Lola Remedios", "Tita
# Baby", "ma'am Liza", "Abuela Rosa").
KIN_FIRST = re.compile(
    r"(?i:lola|lolo|tita|tito|tia|tío|tio|tía|abuela|abuelo|auntie|aunty|uncle|kuya|ate|ma['’]?am|maam|mam|sir|madam)[ \t]+(?=[^\W\d_])"
    # round 28: Hindi and Urdu relatives in Latin letters ("mere pati Rakesh", "meri beti Simran")
    r"|(?-i:pati|patni|beta|beti|bhai|bhaiya|behen|bahan|didi|ammi|abbu|chacha|chachi|bhabhi|saas|sasur)[ \t]+(?=[A-ZÀ-Þ][a-zà-ÿ])"
    r"|(?-i:maman|mama|papa)[ \t]+(?=[A-ZÀ-Þ][a-zà-ÿ])"  # round 27: "ma maman Furaha Neema"
    # round 27: a clergy title: "This is Father Joseph Mukasa", "Sœur Marie-Claire Dubé"
    r"|(?-i:Father|Fr\.|Père|Abbé|Sister|Sœur|Soeur|Brother|Frère|Pastor|Rabbi)[ \t]+(?=[A-ZÀ-Þ][a-zà-ÿ])"
    r"|(?i:doña|dona|señora|senora|señor|senor)[ \t]+(?=[A-ZÀ-Þ][a-zà-ÿ])"  # round 27: "my grandma doña Carmen"
    # round 28: the clergy title alone before a name masked on the first pass ("Je suis Sœur [PERSON]"); the
    # Spanish "Don" before a given name and two family names ("his name is Don Refugio Hernández Ochoa")
    r"|(?-i:Father|Père|Abbé|Sister|Sœur|Soeur|Brother|Frère|Pastor|Rabbi|Don|Doña)[ \t]+(?=\[PERSON\])"
    r"|(?-i:Don)[ \t]+(?=[A-ZÀ-Þ][a-zà-ÿ]+[ \t]+[A-ZÀ-Þ][a-zà-ÿ]+[ \t]+[A-ZÀ-Þ][a-zà-ÿ])"
    # "Mama Nkechi", "Papa Kofi": how a parent is called after a child, the word left out
    r"|(?-i:Mama|Papa|Maman|Mamie|Baba)[ \t]+(?=[A-ZÀ-Þ][a-zà-ÿ]|\[PERSON\])"
)


def surname_first(text: str, names: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """`names` with "Surname(s), Given name(s)" as one name ("Lopez Garcia, Ana Sofia"): two
    names of two words or more each, parted by a comma alone and sharing no word (a list of a
    family's names shares one: "Aarav Patel, Anaya Patel")."""
    merged: list[tuple[int, int, float]] = []
    for start, end, confidence in names:
        if merged:
            s0, e0, c0 = merged[-1]
            first, second = text[s0:e0].lower().split(), text[start:end].lower().split()
            if (_COMMA.fullmatch(text[e0:start]) and len(first) > 1 and len(second) > 1
                    and not set(first) & set(second)):
                merged[-1] = (s0, end, min(c0, confidence))
                continue
        merged.append((start, end, confidence))
    return merged


# Round 28: a span ending in a particle that opens the family name ("Van", "De", "Von"), the rest of
# that name after it: lower-case particles, then a capitalised word.
_DANGLING_PARTICLE = re.compile(r"[ \t](?:Van|Von|De|Der|Den|Del|Della|Da|Di|Du|Ter|Ten|Le|La)\Z")
_PARTICLE_TAIL = re.compile(r"(?:[ \t]+(?:den|der|de|del|la|le|los|las|van|von|ten|ter|da|dos|das)){0,2}[ \t]+[A-ZÀ-Þ][a-zà-ÿ'’-]+(?![\w'’-])")


def learned_names(text: str, spans: Sequence[Span], threshold: float = THRESHOLD) -> list[Span]:
    """PERSON spans of the model in `text` above `threshold` that overlap none of `spans`."""
    added = []
    for start, end, confidence in surname_first(text, tagger().names(text, spans)):
        if confidence < threshold or any(s.start < end and start < s.end for s in spans):
            continue
        if plausible(text, start, end):
            if (tail := _PARTICLE_TAIL.match(text, end)) and _DANGLING_PARTICLE.search(text, start, end):
                end = tail.end()  # round 28: "Élise Van den Broeck", the tagger's span ending at "Van"
            if (alone := KIN_FIRST.match(text, start)) and alone.end() >= end:
                continue  # round 28: "my father's name is Baba [PERSON]": the word before the name alone
            if start > 4 and (abbr := _ABBREVIATED_GIVEN.search(text, max(0, start - 6), start)):
                start = abbr.start()  # round 36: "for Ma. Cristina delos Santos"
            elif "." in text[max(0, start - 3):start] and (role := ROLE_INITIAL_BEFORE.search(text, max(0, start - 30), start)):
                start = role.start(1)  # round 50: "officer T. Rahman": the initial is the name's
            kin = KIN_FIRST.match(text, start, end)  # "my lola remedios": the kinship word is no name
            start = kin.end() if kin and kin.end() < end else start
            role = _ROLE_FIRST.match(text, start, end)  # round 50: "Re: Taxpayer Liu Mei": the file's role is no name
            start = role.end() if role and role.end() < end else start
            for a, b in columns(text, start, end):
                added.extend(Span(x, y, "PERSON") for x, y in listed_full_names(text, a, b))
    return added


_LIST_COMMA = re.compile(r"[ \t]*,[ \t]*")


def listed_full_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Round 45: the tagger's stretch cut at its commas when it lists full names ("Karen Whitfield, Ahmad Sabbagh"):
    each part two words or more, not in capitals, opening with a given name of the lists that is no family name
    (not "Lopez Garcia, Ana Sofia", "SANTOS, Maria Clara", "Reyes, Ma. Cristina": a family name first)."""
    if "," not in text[start:end]:
        return [(start, end)]
    cuts = [start, *chain.from_iterable(m.span() for m in _LIST_COMMA.finditer(text, start, end)), end]
    parts = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
    for a, b in parts:
        words = text[a:b].split()
        if len(words) < 2 or text[a:b].isupper() or not given_name(words[0]) or family_name(words[0]):
            return [(start, end)]
    return parts


def columns(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretch ``text[start:end]`` cut at a table's column marks (round 39: "JOSEPH | Marie-Claude", two columns,
    two names); the stretch whole when it holds none."""
    if not _COLUMN.search(text, start, end):
        return [(start, end)]
    cuts = [start, *chain.from_iterable(m.span() for m in _COLUMN.finditer(text, start, end)), end]
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if b > a]


# Round 39: a table's column mark inside a tagged name: a bar, a tab, or a slash with spaces either side ("NDIAYE /
# Aminata Fatou" under "Nom de famille / Prénom(s)"). No name of the sets spans one ("Suresh s/o Ramasamy" has no space).
_COLUMN = re.compile(r"[ \t]*(?:\||\t|[ \t]/[ \t])[ \t]*")
