"""The ``lingua`` language detector: short chat messages in English and French."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

pytest.importorskip("lingua")

import quaid_lingua
from quaid_lingua import LinguaConfig, LinguaDetector

from quaidcore import ComponentContext, DetachedHost, LanguageDetector


@pytest.fixture(scope="module")
def detector() -> LinguaDetector:
    return LinguaDetector(LinguaConfig())


@pytest.mark.parametrize(("text", "lang"), [
    ("merci", "fr"),
    ("permis de travail", "fr"),
    ("bonjour", "fr"),
    ("hi", "en"),
    ("how long is processing", "en"),
    ("c koi le eta", "fr"),
    ("jpeux travailler pendant mes etudes", "fr"),
    ("Est-ce que je peux travailler pendant mes études?", "fr"),
    ("can I work while I study?", "en"),
    ("ok merci", "fr"),
    ("ok thanks", "en"),
])
def test_detects_short_messages(detector: LinguaDetector, text: str, lang: str) -> None:
    # The default is the other language, so a "too short to tell" cannot pass by chance.
    other = "en" if lang == "fr" else "fr"
    assert detector.detect(text, default=other) == lang


@pytest.mark.parametrize("text", ["ok", "OK!", "okay", "k", "", "   ", "😀👍", "12345", "?", "visa"])
def test_undecidable_texts_get_the_default(detector: LinguaDetector, text: str) -> None:
    assert detector.detect(text, default="en") == "en"
    assert detector.detect(text, default="fr") == "fr"


def test_close_call_gets_the_default() -> None:
    strict = LinguaDetector(LinguaConfig(min_relative_distance=0.9, function_words={}))
    assert strict.detect("merci", default="en") == "en"


@pytest.mark.parametrize("accuracy", ["low", "high"])
def test_function_words_decide_before_lingua(accuracy: str) -> None:
    detector = LinguaDetector(LinguaConfig(accuracy=accuracy))
    # lingua alone calls these English in its low-accuracy mode
    assert detector.detect("comment demander l'asile au canada", default="en") == "fr"
    assert detector.detect("je t'aime", default="en") == "fr"
    assert detector._by_words("comment demander l'asile au canada", "en") == "fr"
    assert detector._by_words("passeport express a montreal", "en") is None  # no function word: lingua


def test_words_of_both_languages_go_to_lingua(detector: LinguaDetector) -> None:
    assert detector._by_words("passport for Maria de Souza", "en") is None
    assert detector._by_words("passport for Maria de Souza", "fr") is None
    assert detector._by_words("passeport Maria de Souza", "en") == "fr"


def test_switch_words() -> None:
    # With switch_words 2, one "de" does not take an English conversation to French; it still
    # settles a French one, and a text of nothing but French words is French.
    detector = LinguaDetector(LinguaConfig(switch_words=2))
    assert detector._by_words("passeport Maria de Souza", "fr") == "fr"
    assert detector._by_words("passeport Maria de Souza", "en") is None
    assert detector._by_words("de", "en") == "fr"
    assert detector._by_words("passeport de Maria de Souza", "en") == "fr"


def test_function_words_of_two_languages_are_ignored() -> None:
    detector = LinguaDetector(LinguaConfig(function_words={"en": ["pour", "the"], "fr": ["pour", "le"]}))
    assert detector.words == {"the": "en", "le": "fr"}
    assert LinguaDetector(LinguaConfig(function_words={})).words == {}


def test_min_letters() -> None:
    assert LinguaDetector(LinguaConfig(min_letters=3)).detect("hi", default="fr") == "fr"


def test_letters_are_unicodes_letter_categories() -> None:
    # _detect counts letters with str.isalpha (issue 13): the code points of categories Lu, Ll, Lt, Lm, Lo, as
    # unicodedata.category tells them (what it counted before), on every code point
    import sys
    import unicodedata

    assert all(chr(c).isalpha() == unicodedata.category(chr(c)).startswith("L") for c in range(sys.maxunicode + 1))
    few = LinguaDetector(LinguaConfig(min_letters=3))
    # a combining accent, a digit, an emoji, a modifier letter (Lm) and a CJK ideograph (Lo)
    assert few.detect("e\u0301 7 \U0001F600", default="fr") == "fr"  # one letter
    assert few.detect("\u02b0\u4e00\u00e9 bonjour tout le monde", default="en") == "fr"


def test_very_long_text(detector: LinguaDetector) -> None:
    assert detector.detect("permis de travail " * 5000, default="en") == "fr"


def test_detector_is_built_once() -> None:
    first, second = LinguaDetector(LinguaConfig()), LinguaDetector(LinguaConfig())
    assert first.detector is second.detector


def test_single_language() -> None:
    only = LinguaDetector(LinguaConfig(languages=["fr"]))
    assert only.detect("how long is processing", default="en") == "fr"
    assert only.detect("ok", default="en") == "en"


def test_config_is_strict() -> None:
    with pytest.raises(ValidationError):
        LinguaConfig(languages=["en", "xx"])
    with pytest.raises(ValidationError):
        LinguaConfig(unknown=1)
    with pytest.raises(ValidationError):
        LinguaConfig(languages=[])
    assert LinguaConfig(languages=["EN", "fr", "en"]).languages == ["en", "fr"]


def test_registers_a_language_detector(tmp_path) -> None:
    assert quaid_lingua.quaid_config_schema() is LinguaConfig
    found = {}
    quaid_lingua.quaid_register_language_detectors(lambda name, factory: found.update({name: factory}))
    ctx = ComponentContext(name="lingua", plugin="lingua", config=LinguaConfig(), data_dir=tmp_path,
                           host=DetachedHost(tmp_path))
    made = found["lingua"](ctx)
    assert isinstance(made, LanguageDetector)
    assert made.detect("bonjour", "en") == "fr"


def test_distribution_declares_the_entry_point() -> None:
    import configparser
    from pathlib import Path

    setup = configparser.ConfigParser()
    setup.read(Path(quaid_lingua.__file__).resolve().parent.parent / "setup.cfg")
    assert setup["metadata"]["name"] == "quaid-lingua"
    assert setup["options.entry_points"]["quaid"].split() == ["lingua", "=", "quaid_lingua"]
