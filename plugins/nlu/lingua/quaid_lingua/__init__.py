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

Short texts ("ok", "merci", "how much is an eta") make most of a chat and repeat across
conversations: their answers, per default language, are kept in a bounded LRU cache
(``SHORT_TEXT_CACHE`` entries), so that lingua runs once per distinct short text. Same answers, no
model call; longer texts always go to lingua.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from typing import Any

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
from pydantic import BaseModel, ConfigDict, Field, field_validator

from quaidcore import ComponentContext, hookimpl

QUAID_HOST_API = ">=1.0,<2"

NEUTRAL_WORDS = [
    "ok", "okay", "okk", "oki", "k", "kk", "lol", "haha", "hmm", "hm", "xd", "visa", "ircc",
    "info", "infos", "taxi", "id", "pdf", "email", "covid",
]


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


def _detector(languages: tuple[str, ...], distance: float, preload: bool) -> Any:
    """The lingua detector for these options, built on first use and shared afterwards."""
    key = (languages, distance, preload)
    with _LOCK:
        detector = _DETECTORS.get(key)
        if detector is None:
            builder = LanguageDetectorBuilder.from_languages(*[
                Language.from_iso_code_639_1(IsoCode639_1.from_str(code.upper()))
                for code in languages
            ]).with_minimum_relative_distance(distance)
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
            _detector(tuple(config.languages), config.min_relative_distance, config.preload)
            if len(config.languages) > 1 else None
        )
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
        letters = sum(1 for char in text if unicodedata.category(char).startswith("L"))
        if letters < max(self.config.min_letters, 1):
            return default
        if self.detector is None:
            return self.config.languages[0]
        language = self.detector.detect_language_of(text)
        if language is None:
            return default
        return language.iso_code_639_1.name.lower()


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return LinguaConfig


@hookimpl
def quaid_register_language_detectors(register) -> None:
    register("lingua", lambda ctx: LinguaDetector(_config(ctx)))


def _config(ctx: ComponentContext) -> LinguaConfig:
    return ctx.config if isinstance(ctx.config, LinguaConfig) else LinguaConfig()
