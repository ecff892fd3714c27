"""Text analysis shared by indexing and querying: words, stop words, stems, safe FTS5 queries.

Both sides go through the same steps, so they always agree: lower case, accents folded
(clients often type French without them), split into words, then a Snowball stem in the
page's (or the query's) language. Stemming *after* folding accents makes ``"etudes"`` and
``"études"`` the same stem, at the cost of slightly cruder French stems.

Every word of a query is emitted as a quoted FTS5 string, so no client text can be read as
query syntax (``AND``, ``NEAR``, ``*``, ``"``, ``(``, ``:`` are just words or nothing).
"""

from __future__ import annotations

import functools
import re
import threading

import snowballstemmer

from quaidcore.text import strip_accents

# Snowball algorithm per ISO 639-1 code; a language not listed is indexed unstemmed.
SNOWBALL_LANGUAGES = {"en": "english", "fr": "french", "es": "spanish", "de": "german",
                      "it": "italian", "pt": "portuguese", "nl": "dutch"}

MAX_QUERY_TERMS = 32
MIN_PREFIX_STEM = 4  # a shorter stem used as a prefix ("cas*") would light up unrelated words

_WORD = re.compile(r"[^\W_]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def _word_set(text: str) -> frozenset[str]:
    return frozenset(strip_accents(text).split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _word_set("""
        a about above after again against all am an and any are aren as at be because been
        before being below between both but by can cannot could couldn did didn do does doesn
        doing don down during each few for from further get got had hadn has hasn have haven
        having he her here hers herself him himself his how i if in into is isn it its itself
        just let ll me might more most must mustn my myself need no nor not now of off on once
        only or other ought our ours ourselves out over own please re same shall she should
        shouldn so some such than thank thanks that the their theirs them themselves then there
        these they this those through to too under until up us ve very want was wasn we were
        weren what when where which while who whom why will with won would wouldn you your
        yours yourself yourselves hello hi hey also still yet ok okay
    """),
    "fr": _word_set("""
        a à afin ai aie aient aies ait alors as au aucun aucune aupres auquel aura aurai auraient
        aurais aurait auras aurez auriez aurons auront aussi autre autres aux auxquelles auxquels
        avaient avais avait avant avec avez aviez avions avoir avons ayant ayez ayons bonjour
        bonsoir ça car ce ceci cela celle celles celui cependant certain certaines certains ces
        cet cette ceux chaque chez ci comme comment d dans de depuis des desquelles desquels dois
        doit doivent donc dont du duquel elle elles en encore entre es est et etaient etais etait
        etant ete etes etiez etions etre eu eue eues eûmes eurent eus eusse eussent eut eux faire
        fais fait faut fois furent fus fut il ils j je jusqu jusque l la laquelle le lequel les
        lesquelles lesquels leur leurs lors lorsque lui m ma mais me meme memes merci mes moi mon
        n ne ni non nos notre nous on ont ou où par parce pas peu peut peuvent peux plus pour
        pourquoi pouvez pouvons puis puisque qu quand que quel quelle quelles quels qui quoi s sa
        salut sans se sera serai seraient serais serait seras serez seriez serons seront ses si
        sien sienne soi soient sois soit sommes son sont sous suis sur t ta te tes toi ton tous
        tout toute toutes tres tu un une unes uns v veux voici voila vos votre vous vs y
        svp stp
    """),
}

_local = threading.local()


def fold(text: str) -> str:
    """Lower case without accents or ligatures: ``"Sœur Études"`` → ``"soeur etudes"``."""
    return strip_accents(text.lower().translate(_LIGATURES))


def words(text: str) -> list[str]:
    """The folded words of `text`, split the way FTS5's ``unicode61`` tokenizer splits."""
    return _WORD.findall(fold(text))


def _stemmer(lang: str) -> snowballstemmer.stemmer | None:
    # Snowball stemmers keep state while they work: one instance per thread.
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if lang not in cache:
        algorithm = SNOWBALL_LANGUAGES.get(lang)
        cache[lang] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return cache[lang]


@functools.lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """The Snowball stem of a folded `word` in `lang`: ``stem("renewing", "en") == "renew"``."""
    stemmer = _stemmer(lang)
    return stemmer.stemWord(word) if stemmer else word


def stems(text: str, lang: str) -> str:
    """`text` as a space-separated string of stems: what the stem columns index."""
    return " ".join(stem(word, lang) for word in words(text))


def content_words(text: str, lang: str) -> list[str]:
    """The distinct words of a query that carry meaning, in order, at most MAX_QUERY_TERMS.

    Stop words of `lang` (of every known language when `lang` has no list) and single
    letters are dropped; numbers are kept.
    """
    stop = STOP_WORDS.get(lang) or frozenset().union(*STOP_WORDS.values())
    kept: dict[str, None] = {}
    for word in words(text):
        if word in stop or (len(word) < 2 and not word.isdigit()):
            continue
        kept.setdefault(word, None)
        if len(kept) == MAX_QUERY_TERMS:
            break
    return list(kept)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(text: str, lang: str, columns: str, pages_lang: str | None = None) -> str | None:
    """An FTS5 query matching, in `columns` (which hold stems), the stem of any meaningful
    word of `text`, a query in `lang`. None when `text` has no such word.

    Words are stemmed the way pages in `pages_lang` (default: `lang`) were, so that a French
    client's "visa" finds English pages too. OR rather than AND, so that a long question
    still finds pages; BM25 ranks the pages that match more (and rarer) words first.
    """
    kept = content_words(text, lang)
    if not kept:
        return None
    terms = " OR ".join(dict.fromkeys(_quoted(stem(word, pages_lang or lang)) for word in kept))
    return f"{{{columns}}} : ({terms})"


def highlight_expression(text: str, lang: str) -> str | None:
    """An FTS5 query for choosing a snippet in the unstemmed text: each word, or any word
    that starts with its stem (``"renewing"`` → ``"renew"*`` lights up "renewal")."""
    kept = content_words(text, lang)
    if not kept:
        return None
    terms: dict[str, None] = {}
    for word in kept:
        terms.setdefault(_quoted(word), None)
        root = stem(word, lang)
        if len(root) >= MIN_PREFIX_STEM:
            terms.setdefault(_quoted(root) + "*", None)
    return " OR ".join(terms)
