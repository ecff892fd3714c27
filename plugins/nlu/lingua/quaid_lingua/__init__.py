"""Quaid language detector ``lingua``: lingua-language-detector restricted to our languages.

Restricted to English and French, lingua tells short chat messages apart offline ("merci",
"permis de travail", French typed without accents) where general-purpose detectors fail.
The detector is built once per set of options and shared: its language models take time
and memory to load. Texts that cannot tell the language are given the caller's `default`:

- fewer than ``min_letters`` letters (emoji, numbers, "?");
- made only of ``neutral_words``, words clients type the same way in every configured
  language ("ok", "lol", "visa"); these words are ignored in longer texts too, so that
  "ok merci" is French and "ok thanks" English;
- mixed or ambiguous, where lingua's best two languages are closer than
  ``min_relative_distance``.

Function words first: a text with words only one language uses ("je", "mon", "est-ce",
"l'..." against "the", "my", "what") is that language without asking lingua, when that
language is the caller's `default` (the conversation's settled language), or at least
``switch_words`` of its words are there (1 by default: on the evaluation lines one French
word in a text without English ones meant French far more often than a name's "de"), or the
text is only such words ("merci", "hi"). Only other texts (no such words, or words of both)
go to lingua. This is what lets
lingua run in its low-accuracy mode (``accuracy: low``, trigram models only): its English and
French models take 9.8 MB of memory instead of 78.4 MB and load in 0.06 s instead of 2.1 s,
while the detector as a whole is as accurate as lingua's high-accuracy mode alone on the
labelled evaluation lines (``bench/language.py``).

Short texts ("ok", "merci", "how much is an eta") make most of a chat and repeat across
conversations: their answers, per default language, are kept in a bounded LRU cache
(``SHORT_TEXT_CACHE`` entries), so that lingua runs once per distinct short text. Same answers, no
model call; longer texts always go to lingua.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any, Literal

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
from pydantic import BaseModel, ConfigDict, Field, field_validator

from quaidcore import ComponentContext, hookimpl

QUAID_HOST_API = ">=1.0,<2"

NEUTRAL_WORDS = [
    "ok", "okay", "okk", "oki", "k", "kk", "lol", "haha", "hmm", "hm", "xd", "visa", "ircc",
    "info", "infos", "taxi", "id", "pdf", "email", "covid",
]


# Words one of the two languages uses and the other does not (or only in names), chosen from
# each language's most frequent words and chat spellings; not from the evaluation lines.
FUNCTION_WORDS = {
    "en": [
        "the", "i", "i'm", "im", "my", "you", "your", "we", "our", "they", "their", "it", "it's",
        "is", "are", "was", "were", "be", "been", "am", "have", "has", "had", "do", "does", "did",
        "don't", "dont", "can", "can't", "cant", "could", "should", "would", "will", "what", "what's",
        "whats", "how", "when", "where", "why", "who", "which", "to", "of", "for", "with", "from",
        "and", "or", "this", "that", "there", "here", "at", "by", "if", "not", "get", "need", "want",
        "much", "many", "yes", "thanks", "thank", "hello", "hi", "hey", "please", "pls",
        "any", "about", "after", "before", "still", "in", "into", "wat", "u", "ur",
    ],
    "fr": [
        "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "et", "ou",
        "où", "je", "j'", "jai", "tu", "il", "elle", "nous", "vous", "ils", "elles", "mon", "ma",
        "mes", "ta", "tes", "votre", "vos", "notre", "nos", "leur", "leurs", "ce", "cette",
        "ces", "c'", "c'est", "cest", "est", "sont", "suis", "être", "etre", "avoir",
        "faire", "fait", "peux", "peut", "puis", "dois", "doit", "veux", "faut", "qui", "que",
        "qu'", "quoi", "koi", "quel", "quelle", "quels", "quelles", "comment", "quand",
        "pourquoi", "combien", "avec", "dans", "pour", "sans", "chez", "sur", "pas",
        "n'", "s'", "m'", "t'", "merci", "bonjour", "salut", "oui", "svp", "stp", "ça", "aussi",
        "encore", "depuis", "jusqu'", "après", "apres", "avant", "déjà", "deja",
    ],
}


class LinguaConfig(BaseModel):
    """Options of the ``lingua`` plugin block."""

    model_config = ConfigDict(extra="forbid")

    languages: list[str] = Field(
        default_factory=lambda: ["en", "fr"], min_length=1,
        description="ISO 639-1 codes of the languages to tell apart",
    )
    min_relative_distance: float = Field(
        0.1, ge=0, le=0.99,
        description="below this distance between the two likeliest languages, return the default",
    )
    min_letters: int = Field(2, ge=0, description="texts with fewer letters get the default")
    neutral_words: list[str] = Field(
        default_factory=lambda: list(NEUTRAL_WORDS),
        description="words shared by the languages; texts made only of them get the default",
    )
    preload: bool = Field(True, description="load the language models when the detector is built")
    accuracy: Literal["low", "high"] = Field(
        "low",
        description="lingua's models: `low` (trigrams only: 9.8 MB for English and French, loaded in "
                    "0.06 s) or `high` (1- to 5-grams: 78.4 MB, 2.1 s); function words decide the "
                    "texts where the low mode errs most",
    )
    function_words: dict[str, list[str]] = Field(
        default_factory=lambda: {code: list(words) for code, words in FUNCTION_WORDS.items()},
        description="per language, words only it uses; a text with some of one language's and none "
                    "of the others' is that language without asking lingua. Elisions (\"l'\", "
                    "\"qu'\") are written with their apostrophe. `{}` turns this off",
    )
    switch_words: int = Field(
        1, ge=1,
        description="function words a text needs to be detected, without lingua, in a language "
                    "other than the caller's default (the conversation's language)",
    )

    @field_validator("languages")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        codes = []
        for code in value:
            try:
                IsoCode639_1.from_str(code.strip().upper())
            except ValueError:
                raise ValueError(f"{code!r} is not an ISO 639-1 code lingua knows") from None
            if code.strip().lower() not in codes:
                codes.append(code.strip().lower())
        return codes


SHORT_TEXT = 32  # characters: texts up to this long are cached
SHORT_TEXT_CACHE = 4096  # distinct (short text, default language) pairs remembered
_DETECTORS: dict[tuple[Any, ...], Any] = {}
_LOCK = threading.Lock()


WORD = re.compile(r"\w+(?:['’]\w*)*")


def _detector(languages: tuple[str, ...], distance: float, preload: bool, accuracy: str = "high") -> Any:
    """The lingua detector for these options, built on first use and shared afterwards."""
    key = (languages, distance, preload, accuracy)
    with _LOCK:
        detector = _DETECTORS.get(key)
        if detector is None:
            builder = LanguageDetectorBuilder.from_languages(*[
                Language.from_iso_code_639_1(IsoCode639_1.from_str(code.upper()))
                for code in languages
            ]).with_minimum_relative_distance(distance)
            if accuracy == "low":
                builder = builder.with_low_accuracy_mode()
            if preload:
                builder = builder.with_preloaded_language_models()
            detector = _DETECTORS[key] = builder.build()
        return detector


class LinguaDetector:
    """Detects one of the configured languages; the caller's default when it cannot tell."""

    def __init__(self, config: LinguaConfig) -> None:
        self.config = config
        words = sorted({word.strip() for word in config.neutral_words} - {""}, key=len, reverse=True)
        self.neutral = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)
            if words else None
        )
        self.detector = (
            _detector(tuple(config.languages), config.min_relative_distance, config.preload, config.accuracy)
            if len(config.languages) > 1 else None
        )
        self.words = _word_languages(config.function_words, config.languages)
        self._cached = functools.lru_cache(maxsize=SHORT_TEXT_CACHE)(self._detect)

    def detect(self, text: str, default: str) -> str:
        """An ISO 639-1 code among the configured languages, or `default`."""
        if len(text) <= SHORT_TEXT:
            return self._cached(text, default)
        return self._detect(text, default)

    def _detect(self, text: str, default: str) -> str:
        text = text[:2000]
        if self.neutral is not None:
            text = self.neutral.sub(" ", text)
        # str.isalpha is Unicode's letter categories (Lu, Ll, Lt, Lm, Lo), from the same tables as
        # unicodedata.category(char).startswith("L") (equal on every code point), counted in C: ~10 us less
        # on a 40-character text than a generator over unicodedata (issue 13)
        letters = sum(map(str.isalpha, text))
        if letters < max(self.config.min_letters, 1):
            return default
        if self.detector is None:
            return self.config.languages[0]
        by_words = self._by_words(text, default)
        if by_words is not None:
            return by_words
        language = self.detector.detect_language_of(text)
        if language is None:
            return default
        return language.iso_code_639_1.name.lower()

    def _by_words(self, text: str, default: str) -> str | None:
        """The one language whose function words the text has, if it is `default`, or the text
        has ``switch_words`` of them, or only them ("merci"); None when no language's or several
        languages' are there."""
        if not self.words:
            return None
        found: dict[str, int] = {}
        tokens = WORD.findall(text.lower())
        for token in tokens:
            token = token.replace("’", "'")
            language = self.words.get(token)
            if language is None and "'" in token:
                language = self.words.get(token[:token.index("'") + 1])  # "l'asile": "l'"
            if language is not None:
                found[language] = found.get(language, 0) + 1
        if len(found) != 1:
            return None
        ((language, hits),) = found.items()
        clear = language == default or hits >= self.config.switch_words or hits == len(tokens)
        return language if clear else None


def _word_languages(words: dict[str, list[str]], languages: list[str]) -> dict[str, str]:
    """Each function word of a configured language, lower-cased, to its language; a word
    listed for two languages tells nothing and is left out."""
    seen: dict[str, set[str]] = {}
    for code, listed in words.items():
        if code.strip().lower() in languages:
            for word in listed:
                if word.strip():
                    seen.setdefault(word.strip().lower().replace("’", "'"), set()).add(code.strip().lower())
    return {word: codes.pop() for word, codes in seen.items() if len(codes) == 1}


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return LinguaConfig


@hookimpl
def quaid_register_language_detectors(register) -> None:
    register("lingua", lambda ctx: LinguaDetector(_config(ctx)))


def _config(ctx: ComponentContext) -> LinguaConfig:
    return ctx.config if isinstance(ctx.config, LinguaConfig) else LinguaConfig()
