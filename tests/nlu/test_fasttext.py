"""The ``fasttext`` NLU backend on a small synthetic knowledge base."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

pytest.importorskip("fasttext")

import quaid_fasttext
from quaid_fasttext import FastTextBackend, FastTextConfig

from quaidcore import ComponentContext, DetachedHost, NLUBackend, Prediction, TrainingExample

KB = {
    "050501": (
        "en", ["can i work while i study", "am i allowed to work during my studies",
               "work off campus as a student", "how many hours can a student work",
               "can international students have a job", "working while studying in canada"],
        "fr", ["est-ce que je peux travailler pendant mes études", "jpeux travailler pendant mes etudes",
               "combien d heures un étudiant peut travailler", "travailler hors campus étudiant"],
    ),
    "051103": (
        "en", ["how early can i arrive before my classes start", "when can i come before my program begins",
               "how soon before school starts can i land", "arrive in canada before classes"],
        "fr", ["combien de temps avant le début des cours je peux arriver",
               "quand puis-je arriver avant mon programme", "arriver au canada avant les cours"],
    ),
    "020101": (
        "en", ["how long is processing", "what are the processing times", "how long does my application take",
               "processing time for a work permit", "when will my application be processed"],
        "fr", ["quel est le délai de traitement", "combien de temps pour traiter ma demande",
               "c koi le delai", "délais de traitement permis de travail"],
    ),
    "030201": (
        "en", ["how do i renew my passport", "my passport expires soon", "passport renewal",
               "renew passport before it expires"],
        "fr", ["comment renouveler mon passeport", "mon passeport expire bientôt",
               "renouvellement de passeport"],
    ),
    "greeting": (
        "en", ["hi", "hello", "good morning", "hey there"],
        "fr", ["bonjour", "salut", "allô", "bonsoir"],
    ),
}


def examples() -> list[TrainingExample]:
    out = []
    for code, (lang1, texts1, lang2, texts2) in KB.items():
        out += [TrainingExample(text, code, lang1) for text in texts1]
        out += [TrainingExample(text, code, lang2) for text in texts2]
    return out


# Small buckets keep each training well under a second; the defaults are checked separately.
FAST = {"bucket": 20_000, "dim": 50}


def make(**options) -> FastTextBackend:
    return FastTextBackend(FastTextConfig(**{**FAST, **options}))


@pytest.fixture(scope="module")
def trained() -> FastTextBackend:
    backend = make()
    backend.train(examples())
    return backend


def test_repeated_training_never_diverges() -> None:
    # Regression test for fastText's "Encountered NaN" with few threads (0.9.3 on 2 cores).
    for thread in (1, 2, 12, 2, 12):
        backend = make(thread=thread, seed=thread, epoch=60, lr=1.0)
        backend.train(examples())
        predictions = backend.predict("can i work while i study", "en")
        assert predictions and all(math.isfinite(p.confidence) for p in predictions)
        assert predictions[0].code == "050501"


def test_training_with_the_default_single_thread_is_deterministic() -> None:
    queries = ["can i work while i study", "renew my passport", "how much is an eta", "weather"]
    runs = []
    for _ in range(2):
        backend = make()
        backend.train(examples())
        runs.append([backend.predict(q, "en", k=3) for q in queries])
    assert runs[0] == runs[1]


def _input_matrix(backend: FastTextBackend) -> np.ndarray:
    return np.array(backend.state.model.get_input_matrix())


def test_another_seed_gives_another_model_and_the_same_seed_the_same() -> None:
    # fastText's own seeds 0 and 1 give the same model (std::minstd_rand maps a seed of 0 to 1):
    # the config's seed 1 used to train seed 0's model to the bit (NLU round 12).
    models = {}
    for seed in (0, 1, 0, 2, 1):
        backend = make(seed=seed)
        backend.train(examples())
        matrix = _input_matrix(backend)
        if seed in models:
            assert np.array_equal(models[seed], matrix)
        models[seed] = matrix
    assert not np.array_equal(models[0], models[1])
    assert not np.array_equal(models[0], models[2])
    assert not np.array_equal(models[1], models[2])


def test_the_default_seed_keeps_the_model_fasttext_seed_0_trains(tmp_path: Path) -> None:
    # Shifting the seed by one leaves the default model as it was (fastText's 1 is its 0).
    backend = make()
    backend.train(examples())
    data = tmp_path / "train.txt"
    codes = sorted({e.code for e in examples()})
    data.write_text("".join(f"__label__{codes.index(e.code)} {backend._clean(e.text)}\n"
                            for code in codes for e in examples() if e.code == code), encoding="utf-8")
    c = backend.config
    plain = quaid_fasttext.fasttext.train_supervised(
        input=str(data), epoch=c.epoch, lr=c.lr, wordNgrams=c.word_ngrams, minn=c.minn, maxn=c.maxn,
        dim=c.dim, loss=c.loss, bucket=c.bucket, seed=0, thread=1, minCount=1, verbose=0)
    assert quaid_fasttext.fasttext_seed(0) == 1
    assert np.array_equal(_input_matrix(backend), np.array(plain.get_input_matrix()))


def test_a_diverged_training_is_retried_with_more_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    real = quaid_fasttext.fasttext.train_supervised
    calls: list[dict] = []

    def flaky(**options):
        calls.append(options)
        if len(calls) == 1:
            raise RuntimeError("Encountered NaN.")
        return real(**options)

    monkeypatch.setattr(quaid_fasttext.fasttext, "train_supervised", flaky)
    backend = make(thread=2)
    backend.train(examples())
    assert [c["thread"] for c in calls] == [2, 12]
    assert backend.predict("renew my passport", "en")[0].code == "030201"


def test_ranking(trained: FastTextBackend) -> None:
    cases = {
        "Can I work while I'm studying?": "050501",
        "est-ce que je peux travailler pendant mes etudes": "050501",
        "how early can I arrive before classes": "051103",
        "What's the processing time?": "020101",
        "délai de traitement": "020101",
        "renew my passport": "030201",
        "Bonjour!": "greeting",
    }
    for text, code in cases.items():
        predictions = trained.predict(text, "en", k=3)
        assert predictions[0].code == code, (text, predictions)


def test_predictions_shape_and_confidence_range(trained: FastTextBackend) -> None:
    predictions = trained.predict("can i work while i study", "en", k=3)
    assert len(predictions) == 3
    assert all(isinstance(p, Prediction) for p in predictions)
    assert len({p.code for p in predictions}) == 3
    assert all(0.0 <= p.confidence <= 1.0 for p in predictions)
    assert [p.confidence for p in predictions] == sorted((p.confidence for p in predictions), reverse=True)
    assert predictions[0].confidence > 0.8
    assert len(trained.predict("passport", "en", k=1)) == 1
    assert len(trained.predict("passport", "en", k=50)) == len(KB)
    assert trained.predict("passport", "en", k=0) == []


def test_confidence_is_the_documented_mix(trained: FastTextBackend) -> None:
    # (1 - w) * probability + w * cos ** 4, the cosine to the code's closest example, computed
    # here with the fasttext module's own sentence vectors (predict reuses a buffer instead).
    import numpy as np

    state, text = trained.state, "how early can i arrive before classes"
    query = trained._clean(text)
    ranked = state.model.f.predict(query + "\n", len(state.codes), 0.0, "strict")
    probability = {state.codes[state.labels[label]]: min(max(p, 0.0), 1.0) for p, label in ranked}
    vector = state.model.get_sentence_vector(query)
    vector = vector / np.linalg.norm(vector)
    first = trained.predict(text, "en", k=5)
    for prediction in first:
        rows = state.groups[state.codes.index(prediction.code)]
        cosine = min(max(float((rows @ vector).max()), 0.0), 1.0)
        assert prediction.confidence == pytest.approx(0.5 * probability[prediction.code] + 0.5 * cosine ** 4,
                                                      abs=2e-4)
    trained.predict("renew my passport", "en")
    assert trained.predict(text, "en", k=5) == first


def test_one_threshold_separates_known_from_unrelated_questions(trained: FastTextBackend) -> None:
    known = ["Can I work while I am studying?", "how early can i arrive before classes",
             "what is the processing time", "renew my passport", "bonjour", "délai de traitement",
             "combien d heures je peux travailler", "passport expired"]
    unrelated = ["what is the weather in ottawa tomorrow", "i want to order a pizza", "my cat is sick",
                 "tell me a joke", "quelle heure est-il", "je veux acheter une voiture", "asdkjh qwe"]
    lowest_known = min(trained.predict(text, "en")[0].confidence for text in known)
    highest_unrelated = max(trained.predict(text, "en")[0].confidence for text in unrelated)
    # On the scale of the core's default thresholds (answer 0.6, clarify 0.35).
    assert lowest_known > 0.8 and highest_unrelated < 0.6


@pytest.mark.parametrize("text", [
    "", "   ", "😀🎉👍", "???", "\n\t\r", "\x00", "\ud800 lone surrogate", "a" * 100_000,
    "work permit " * 20_000, "line one\nline two", "__label__0 __label__1",
])
def test_odd_inputs_do_not_raise(trained: FastTextBackend, text: str) -> None:
    predictions = trained.predict(text, "en", k=3)
    assert all(0.0 <= p.confidence <= 1.0 for p in predictions)


def test_save_load_round_trip(trained: FastTextBackend, tmp_path: Path) -> None:
    trained.save(tmp_path / "model")
    loaded = make()
    assert loaded.load(tmp_path / "model")
    for text in ["can i work while i study", "délai de traitement", "bonjour", "weather tomorrow"]:
        assert loaded.predict(text, "fr", k=5) == trained.predict(text, "fr", k=5)


def test_load_refuses_missing_corrupt_or_differently_trained_models(trained: FastTextBackend,
                                                                    tmp_path: Path) -> None:
    assert not make().load(tmp_path / "nothing")
    trained.save(tmp_path / "model")
    assert not make(dim=20).load(tmp_path / "model")  # other training options: retrain
    assert make(neighbour_weight=0.2).load(tmp_path / "model")  # read-time options may differ
    (tmp_path / "model" / "fasttext.bin").write_bytes(b"not a model")
    assert not make().load(tmp_path / "model")


def test_quantized_round_trip(tmp_path: Path) -> None:
    # A cutoff keeps quantization (k-means over the kept rows) quick.
    backend = make(quantize=True, quantize_cutoff=1000)
    backend.train(examples())
    assert backend.predict("renew my passport", "en")[0].code == "030201"
    backend.save(tmp_path)
    assert (tmp_path / "fasttext.ftz").exists()
    assert (tmp_path / "fasttext.ftz").stat().st_size < 200_000
    assert not make().load(tmp_path)  # not quantized: retrain
    loaded = make(quantize=True, quantize_cutoff=1000)
    assert loaded.load(tmp_path)
    assert loaded.predict("renew my passport", "en", k=5) == backend.predict("renew my passport", "en", k=5)


def test_progress_is_reported_in_order() -> None:
    seen: list[float] = []
    make(epoch=5).train(examples(), progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen) and all(0.0 <= f <= 1.0 for f in seen)


def test_empty_and_single_code_knowledge_bases(tmp_path: Path) -> None:
    empty = make()
    empty.train([TrainingExample("😀", "x", "en")])
    assert empty.predict("anything", "en") == []
    empty.save(tmp_path / "empty")
    assert make().load(tmp_path / "empty")
    one = make()
    one.train([TrainingExample("renew my passport", "030201", "en"),
               TrainingExample("passport renewal", "030201", "en")])
    predictions = one.predict("renew my passport", "en", k=3)
    assert [p.code for p in predictions] == ["030201"]
    assert 0.0 <= predictions[0].confidence <= 1.0


def test_defaults_and_strict_config() -> None:
    config = FastTextConfig()
    assert config.bucket <= 200_000 and config.thread == 1 and config.word_ngrams == 2
    assert 50 <= config.epoch <= 100 and 0.5 <= config.lr <= 1.0
    with pytest.raises(ValidationError):
        FastTextConfig(unknown=1)
    with pytest.raises(ValidationError):
        FastTextConfig(loss="hs")
    with pytest.raises(ValidationError):
        FastTextConfig(minn=4, maxn=3)
    with pytest.raises(ValidationError):
        FastTextConfig(quantize_cutoff=100)


def test_default_config_trains(tmp_path: Path) -> None:
    backend = FastTextBackend(FastTextConfig())
    backend.train(examples())
    assert backend.predict("how long is processing", "en")[0].code == "020101"


def test_registers_an_nlu_backend(tmp_path: Path) -> None:
    assert quaid_fasttext.quaid_config_schema() is FastTextConfig
    found = {}
    quaid_fasttext.quaid_register_nlu_backends(lambda name, factory: found.update({name: factory}))
    ctx = ComponentContext(name="fasttext", plugin="fasttext", config=FastTextConfig(**FAST),
                           data_dir=tmp_path, host=DetachedHost(tmp_path))
    backend = found["fasttext"](ctx)
    assert isinstance(backend, NLUBackend)
    assert backend.config.bucket == FAST["bucket"]


def test_distribution_declares_the_entry_point() -> None:
    import configparser

    setup = configparser.ConfigParser()
    setup.read(Path(quaid_fasttext.__file__).resolve().parent.parent / "setup.cfg")
    assert setup["metadata"]["name"] == "quaid-fasttext"
    assert setup["options.entry_points"]["quaid"].split() == ["fasttext", "=", "quaid_fasttext"]
    assert "fasttext-wheel==0.9.2" in setup["options"]["install_requires"].split()


def _reference_predict(backend: FastTextBackend, text: str, k: int) -> list[tuple[str, float]]:
    """predict's documented computation written plainly, from the fasttext module's own
    calls: fastText's candidates in its order, clamped probability and best cosine to each
    candidate's example rows (0 for a code without rows), stable sort, rounded."""
    import numpy as np

    state, config = backend.state, backend.config
    if config.drop_personal_marks:
        text = quaid_fasttext.without_personal_marks(text)
    query = backend._clean(quaid_fasttext.without_courtesies(text) if config.strip_courtesies else text)
    if config.respell:
        query = " ".join(state.respell.get(word, word) for word in query.split())
    if not query or k < 1:
        return []
    ranked = state.model.f.predict(query + "\n", min(len(state.codes), max(k, config.candidates)), 0.0, "strict")
    vector = state.model.get_sentence_vector(query)  # allocates its own arrays
    squared = float(vector @ vector)
    scored = []
    for probability, label in ranked:
        index = state.labels[label]
        rows = state.groups[index]
        similarity = 0.0
        if config.neighbour_weight > 0 and squared > 0 and len(rows):
            # One product over all the candidates' rows, as predict does (a product of another
            # shape may round a dot product differently), then this code's share of it.
            sizes = [len(state.groups[state.labels[other]]) for _, other in ranked]
            at = sum(sizes[: [lab for _, lab in ranked].index(label)])
            every = np.concatenate([state.groups[state.labels[other]] for _, other in ranked]) @ vector
            similarity = float(every[at:at + len(rows)].max() * np.float32(squared ** -0.5))
        confidence = ((1 - config.neighbour_weight) * min(max(probability, 0.0), 1.0)
                      + config.neighbour_weight * min(max(similarity, 0.0), 1.0) ** config.similarity_power)
        scored.append((state.codes[index], confidence))
    scored.sort(key=lambda pair: pair[1], reverse=True)  # stable: fastText's order among ties
    return [(code, round(confidence, 4)) for code, confidence in scored[:k]]


REFERENCE_TEXTS = ["can i work while i study", "Délai de traitement?", "bonjour", "passport",
                   "what is the weather in ottawa tomorrow", "asdkjh qwe", "how early can i arrive",
                   "work permit processing time for students", "😀 hello", "__label__0 __label__1",
                   "Bonjour Monsieur, délai de traitement? Merci d'avance",
                   "[PERSON] here, born [DATE_OF_BIRTH], can i work while i study", "[PERSON]",
                   "cb d heures un etudiant peut travailler", "cb"]


@pytest.mark.parametrize("options", [{}, {"neighbour_weight": 0.0}, {"candidates": 2}, {"similarity_power": 1.0},
                                     {"strip_courtesies": False}, {"drop_personal_marks": False},
                                     {"read_question": False}, {"respell": False}])
def test_predict_matches_the_plain_computation_from_fasttext_calls(trained: FastTextBackend,
                                                                   options: dict) -> None:
    # neighbour_weight 0: the confidence is the probability alone, so codes tied at fastText's
    # floor (p = 1e-5) must keep fastText's order; candidates 2 cuts fastText's list.
    backend = make(**options)
    backend.state = trained.state
    for text in REFERENCE_TEXTS:
        for k in (1, 3, 10):
            got = [(p.code, p.confidence) for p in backend.predict(text, "en", k=k)]
            assert got == _reference_predict(backend, text, k), (options, text, k)


def test_a_code_without_example_rows_gets_no_similarity(trained: FastTextBackend) -> None:
    # A saved model whose vectors file lost a code's rows (hand-edited): that code is still
    # proposed by fastText, with similarity 0, and the other codes are unaffected.
    import numpy as np
    from quaid_fasttext import _Trained

    state = trained.state
    empty = state.codes.index("030201")
    keep = [row for i, group in enumerate(state.groups) if i != empty for row in group]
    sizes = [0 if i == empty else len(group) for i, group in enumerate(state.groups)]
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    backend = make()
    backend.state = _Trained.build(state.model, state.codes, np.array(keep, np.float32), starts)
    assert not backend.state.every_code_has_rows and backend.state.sizes[empty] == 0
    for text in [*REFERENCE_TEXTS, "renew my passport"]:
        for k in (1, 3, 10):
            got = [(p.code, p.confidence) for p in backend.predict(text, "en", k=k)]
            assert got == _reference_predict(backend, text, k), (text, k)
    passport = {p.code: p.confidence for p in backend.predict("renew my passport", "en", k=10)}
    assert passport["030201"] <= 0.5  # probability half only: no similarity


@pytest.mark.parametrize(("text", "read"), [
    ("Bonjour Monsieur, je voudrais un permis d'études", "je voudrais un permis d'études"),
    ("Bonjour à vous, ma sœur veut venir", "ma sœur veut venir"),
    ("salut tout le monde, je finis en juin", "je finis en juin"),
    ("hello good day po, my tita wants to visit", "my tita wants to visit"),
    ("Hi there! Good morning sir, how do i renew my passport?", "how do i renew my passport?"),
    ("Dear Sir, what documents for a study permit", "what documents for a study permit"),
    ("Sir, how do i apply for a super visa", "how do i apply for a super visa"),
    ("how do i renew my passport? thank you so much!", "how do i renew my passport?"),
    ("c quoi le délai, merci d'avance svp", "c quoi le délai"),
    ("bonsoir, combien coûte un passeport? Merci beaucoup. Bonne journée", "combien coûte un passeport?"),
    # thanks for a last answer before the next question (NLU round 14)
    ("thanks so much for your help! another question: do kids need a visa", "do kids need a visa"),
    ("ok thx. can my wife work", "can my wife work"),
    ("Merci beaucoup! Une autre question, mon fils peut étudier?", "mon fils peut étudier?"),
    ("merci pour la réponse. et pour le permis de travail?", "et pour le permis de travail?"),
    # formal openings and closings (NLU round 15)
    ("Respected Sir/Madam, what is the fee for a work permit? Thanking you in anticipation.",
     "what is the fee for a work permit?"),
    ("Please madam, can my son study here? Thanks and regards", "can my son study here?"),
    ("Bonsoir mes chers, le permis coûte combien? Bien cordialement.", "le permis coûte combien?"),
    ("Bonjour, je voudrais parrainer mon père. Salutations distinguées", "je voudrais parrainer mon père"),
    ("how do i renew my pr card? Kind regards", "how do i renew my pr card?"),
    # a request's opening words (NLU round 15)
    ("Good day sir, kindly inform me the fee for a work permit", "the fee for a work permit"),
    ("Bonsoir Monsieur, veuillez m'indiquer les délais pour un passeport", "les délais pour un passeport"),
    ("pls i would like to know, can my son study here?", "can my son study here?"),
    # a need stated before what is asked (NLU round 16)
    ("I need a short explanation about the super visa", "the super visa"),
    ("need to understand the rule for dependent children", "the rule for dependent children"),
    ("j'ai besoin de savoir si mon fils peut étudier", "si mon fils peut étudier"),
    ("besoin de connaître le délai pour un passeport", "le délai pour un passeport"),
    ("besoin d'une explication rapide du parrainage privé", "parrainage privé"),
    ("besoin d'une explication claire d'EIMT", "EIMT"),
    # a request to explain (NLU round 18)
    ("Could you explain how the CRS score is calculated?", "how the CRS score is calculated?"),
    ("Pourriez-vous m'expliquer comment se calculent les 730 jours?", "comment se calculent les 730 jours?"),
    ("could you please walk me through how they apply", "how they apply"),
    ("can you tell me what credit cards i have open", "can you tell me what credit cards i have open"),
    # a question announced before a colon, comma or dash (NLU round 19)
    ("Quick question: can my kids study while I'm on a work permit?", "can my kids study while I'm on a work permit?"),
    ("hi, just a quick question - how long is the super visa valid", "- how long is the super visa valid"),
    ("Petite question : combien coûte la biométrie?", "combien coûte la biométrie?"),
    ("bonjour, question rapide, le PTPD dure combien de temps", "le PTPD dure combien de temps"),
])
def test_courtesies_around_a_question_are_not_read(text: str, read: str) -> None:
    assert quaid_fasttext.without_courtesies(text) == read


@pytest.mark.parametrize("text", [
    "bonjour", "Hello there", "hi, thanks!", "merci",  # nothing else: the greeting is the message
    "please check my file", "please tell me the status",  # a request, not a courtesy
    "hiring foreign workers, how?", "salutations distinguées", "there is a fee?", "allowed to work?",
    "thanks to my employer i have an LMIA, what next?", "pls how do i apply",
    "merci de me dire combien coute un visa", "thank you!", "ty",
    "please sir help me with the visa", "respected", "cordialement", "yours faithfully",
    "tell me the status of my application", "i want to know", "advised by my lawyer to apply again",
    "need to know my status", "besoin de savoir", "i need an explanation letter",
    "quick question about my file", "a quick question", "petite question sur mon dossier",  # no colon, comma or dash
])
def test_a_message_that_is_only_a_courtesy_or_starts_with_a_lookalike_is_read_as_written(text: str) -> None:
    assert quaid_fasttext.without_courtesies(text) == text


def test_strip_courtesies_reads_the_question_alone(trained: FastTextBackend) -> None:
    stripping, literal = make(), make(strip_courtesies=False)
    stripping.state = literal.state = trained.state
    text = "Bonjour Monsieur, délai de traitement? Merci d'avance"
    assert stripping.predict(text, "fr", k=3) == literal.predict("délai de traitement?", "fr", k=3)
    assert literal.predict(text, "fr", k=3) != literal.predict("délai de traitement?", "fr", k=3)
    assert stripping.predict("bonjour", "fr", k=3) == literal.predict("bonjour", "fr", k=3)


@pytest.mark.parametrize(("text", "read"), [
    ("premier passeport pour mon bebe, né le [DATE_OF_BIRTH] a Montreal",
     "premier passeport pour mon bebe, né le   a Montreal"),
    ("[PERSON] ici, mon courriel est [EMAIL]", "ici, mon courriel est"),
    ("my UCI is [CLIENT_ID], call me at [PHONE]", "my UCI is [CLIENT_ID], call me at"),  # the identifier stays
    ("mon NAS [SIN] est perdu", "mon NAS [SIN] est perdu"),  # a mark that names a topic stays
    ("[PERSON] [PHONE]", "[PERSON] [PHONE]"),  # nothing else: read as written
    ("no mark at all [sic]", "no mark at all [sic]"),
])
def test_placeholders_of_personal_details_are_not_read(text: str, read: str) -> None:
    assert quaid_fasttext.without_personal_marks(text) == read


def test_drop_personal_marks_reads_the_message_without_them(trained: FastTextBackend) -> None:
    dropping, literal = make(), make(drop_personal_marks=False)
    dropping.state = literal.state = trained.state
    text = "[PERSON] ici, délai de traitement [EMAIL]"
    assert dropping.predict(text, "fr", k=3) == literal.predict("ici, délai de traitement", "fr", k=3)
    assert literal.predict(text, "fr", k=3) != literal.predict("ici, délai de traitement", "fr", k=3)


STORY_EN = ("I have a closed work permit with a restaurant in Winnipeg, the manager is awful. "
            "Can I just quit and go work at another restaurant with the same permit?")
STORY_FR = ("Je fais un DEC a Montreal et un entrepot m'offre 40h par semaine de mai a aout. "
            "On peut bosser a temps plein pendant les vacances d'ete avec un permis d'etudes?")


@pytest.mark.parametrize(("text", "question"), [
    (STORY_EN, "Can I just quit and go work at another restaurant with the same permit?"),
    (STORY_FR, "On peut bosser a temps plein pendant les vacances d'ete avec un permis d'etudes?"),
    # the question first, the story after; a question word without "?"
    ("how do i renew my canadian passport? my current one expires in 2 months, got it when I was 25 in 2016, "
     "nothing wrong with it. can i do it online now or do i have to go in person somewhere",
     "how do i renew my canadian passport? can i do it online now or do i have to go in person somewhere"),
    ("Mon père a 70 ans et il vit à Dakar avec ma mère. Comment faire une demande de visa pour lui en ligne",
     "Comment faire une demande de visa pour lui en ligne"),
    # a sentence that goes on from a question ("and ...") is part of it
    ("We are five and we land in Halifax in June. Do the kids have to give biometrics too? "
     "and how much is it for all of us. The eldest is 17.",
     "Do the kids have to give biometrics too? and how much is it for all of us."),
    ("Ma femme et moi partons à Lyon en mai, puis à Paris.\nest-ce que mon permis de travail reste valide si je sors",
     "est-ce que mon permis de travail reste valide si je sors"),
    # one sentence: its context, then a comma and the question (NLU round 16)
    ("My wife is a nurse from Manila and we live in Winnipeg since 2022, can she get her own work permit there?",
     "can she get her own work permit there?"),
    ("j'habite à Sherbrooke depuis trois ans avec mon conjoint, est-ce que je peux parrainer ma mère maintenant?",
     "est-ce que je peux parrainer ma mère maintenant?"),
    # without "?", a clause that opens with a question word or an auxiliary that asks (NLU round 21)
    ("My wife is a nurse from Manila and we live in Winnipeg since 2022, can she get her own work permit there",
     "can she get her own work permit there"),
    ("so after the news this morning i am a bit lost, does a summer camp counsellor need a work permit or not",
     "does a summer camp counsellor need a work permit or not"),
    ("mon frère arrive de Dakar au mois de juin pour le mariage, comment il peut demander un visa de visiteur",
     "comment il peut demander un visa de visiteur"),
    # ... but not in a message of several sentences: the asking sentence stays whole
    ("Our son was born in Regina last spring and we fly to Kingston in December. First passport for him, "
     "what do we need and how much?", "First passport for him, what do we need and how much?"),
])
def test_the_question_of_a_long_message_is_its_asking_sentences(text: str, question: str) -> None:
    assert quaid_fasttext.question_of(text) == question


@pytest.mark.parametrize("text", [
    "can i work while i study?",  # short: the whole message is the question
    "Bonjour, combien de temps avant le début des cours je peux arriver?",
    # a story that asks nothing
    "I arrived in Montreal in 2024 and made a refugee claim, I have the paper from IRCC and a lawyer helps me.",
    "Je suis citoyen depuis 2019, mes parents vivent seuls a Abidjan et j'ai un bon salaire maintenant.",
    # a question too short to carry its subject
    "My parents are 68 and 72, they live in Algeria and want to stay with us for years. Is it possible?",
    "Mes parents ont 68 et 72 ans, ils veulent passer de longues périodes chez nous. Qu'est-ce qui existe?",
    # a question that is nearly all the message: the rest is what gives it its sense
    "GOT MY ITA!!! how long do i have to submit and how long does it take after that",
    # one sentence, however long
    "can my wife work too when she comes with me to Toronto on my three year work permit or does she need an offer",
    # a comma before "is there" / "faut-il" in a sentence that does not end with "?" splits nothing (NLU round 21:
    # only a question word or an auxiliary that asks opens a clause of its own without "?")
    "my visitor status ran out two weeks ago at my cousin's place, is there anything i can still do about it",
    "j'ai une carte verte americaine depuis cinq ans maintenant, faut-il une AVE pour venir voir ma soeur",
])
def test_a_short_or_questionless_message_has_no_question_of_its_own(text: str) -> None:
    assert quaid_fasttext.question_of(text) is None


def test_read_question_raises_the_top_code_only_when_the_question_agrees(trained: FastTextBackend) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    story = ("We landed in Toronto last month with my wife and the kids, the flat is small but nice. "
             "How many hours can a student work off campus?")
    question = quaid_fasttext.question_of(story)
    assert question == "How many hours can a student work off campus?"
    got, read_whole, read_alone = (reading.predict(story, "en", k=3), whole.predict(story, "en", k=3),
                                   whole.predict(question, "en", k=3))
    assert read_whole[0].code == read_alone[0].code == "050501" and read_alone[0].confidence > read_whole[0].confidence
    assert got == [read_alone[0], *read_whole[1:]]  # the question's confidence, the rest the whole's
    # a question whose best code is not the message's changes nothing
    elsewhere = ("My passport expires soon, passport renewal is urgent and I must renew my passport before it "
                 "expires. What are the processing times for a work permit?")
    assert whole.predict(elsewhere, "en", k=3)[0].code == "030201"
    assert whole.predict(quaid_fasttext.question_of(elsewhere), "en", k=3)[0].code == "020101"
    assert reading.predict(elsewhere, "en", k=3) == whole.predict(elsewhere, "en", k=3)
    # a message with no question of its own is read as before
    assert reading.predict("can i work while i study", "en", k=3) == whole.predict("can i work while i study", "en", k=3)


# NLU round 14 (config/eval/README.md): phone spellings spelt out as the examples write them.
def test_respellings_leave_the_kbs_own_forms_and_unknown_spellings_out() -> None:
    words = {"combien": 5, "jpeux": 3, "je": 9, "peux": 9, "wp": 1, "work": 2, "permit": 2, "koi": 1,
             "d": 4, "un": 3}
    table = quaid_fasttext.respellings(words)
    assert table["cb"] == "combien" and table["wp"] == "work permit" and table["dun"] == "d un"
    assert "jpeux" not in table  # the examples use it 3 times: the KB's own spelling
    assert "koi" not in table  # "quoi" is in no example: nothing to gain
    assert "pr" not in quaid_fasttext.RESPELL and "ca" not in quaid_fasttext.RESPELL  # words of their own


@pytest.mark.parametrize(("query", "read"), [
    ("cb coute le wp", "combien coute le work permit"),
    ("mes enfants ont besoin dun permis detude", "mes enfants ont besoin d un permis d etude"),
    ("r u open on sunday", "are you open on sunday"),
    ("combien coute le permis", "combien coute le permis"),  # nothing to spell out
    ("cbd oil", "cbd oil"),  # whole words only
    # world Englishes' and Frenches' words for the KB's (NLU round 15)
    ("is it compulsory for students", "is it mandatory for students"),
    ("kindly revert on the modalities", "kindly reply on the requirements"),
    ("c est obligee pour les etudiants", "c est obligatoire pour les etudiants"),
    ("ma femme peut travailler pdt mes etudes", "ma femme peut travailler pendant mes etudes"),  # NLU round 19
    # French as francophones type it (NLU round 27): SMS, Québec, Haitian Creole, anglicisms
    ("kel papier pcq jai bcp de questions", "quel papier parce que j ai beaucoup de questions"),
    ("chui icitte asteure faut tu checker qqch", "je suis ici maintenant faut tu verifier quelque chose"),
    ("kijan mwen ka renouvle paspo a", "comment je ka renouvle passeport a"),
])
def test_respelt_spells_out_whole_words_only(query: str, read: str) -> None:
    table = {form: spelt for form, spelt in quaid_fasttext.RESPELL.items()}
    assert quaid_fasttext.respelt(query, table) == read


def test_respell_reads_phone_spellings_as_the_examples_write_them(trained: FastTextBackend) -> None:
    respelling, literal = make(), make(respell=False)
    respelling.state = literal.state = trained.state
    assert trained.state.respell["cb"] == "combien"
    sms, spelt = "cb d heures un etudiant peut travailler", "combien d heures un etudiant peut travailler"
    assert respelling.predict(sms, "fr", k=3) == literal.predict(spelt, "fr", k=3)
    assert literal.predict(sms, "fr", k=3) != literal.predict(spelt, "fr", k=3)
    # "c koi le delai" is an example: "koi" stays ("quoi" is in no example), read as learnt
    assert respelling.predict("c koi le delai", "fr", k=3) == literal.predict("c koi le delai", "fr", k=3)


# NLU round 17 (config/eval/README.md): a question also read as the examples ask it.
@pytest.mark.parametrize(("query", "plain"), [
    ("est ce que je peux renouveler mon passeport en ligne", "je peux renouveler mon passeport en ligne"),
    ("ou est ce que je peux voir les delais de traitement", "ou je peux voir les delais de traitement"),
    ("est ce qu on paie quelque chose pour demander l asile", "on paie quelque chose pour demander l asile"),
    ("c est quoi une lap et est ce que j en ai besoin", "c est quoi une lap et j en ai besoin"),
    ("y a t il un moyen de suivre une demande de rp sur internet", "comment suivre une demande de rp sur internet"),
    ("est ce qu il y a une facon d avoir un rendez vous", "comment avoir un rendez vous"),
    ("is there a way to track it online", "how to track it online"),
    ("is there a tracker for citizenship applications", "tracker for citizenship applications"),
    ("y a t il des frais pour faire une demande d asile", "frais pour faire une demande d asile"),
])
def test_plainly_drops_the_particle_before_the_client_and_reads_a_way_as_how(query: str, plain: str) -> None:
    assert quaid_fasttext.plainly(query) == plain


@pytest.mark.parametrize("query", [
    "qu est ce que je dois faire",  # "what": the particle is the question's word
    "est ce que ma demande est acceptee",  # about something: the intents' words stay
    "est ce que desjardins embauche des travailleurs etrangers",
    "is there a fee",  # nothing it is for
    "comment renouveler mon passeport",
    "is there an internet outage in my area",  # what it is for is not asked
    "can i apply for asylum from inside canada is there a fee for it",  # not how the message opens
    "does everyone need a work permit or are there exceptions",
])
def test_plainly_leaves_other_questions_as_they_are(query: str) -> None:
    assert quaid_fasttext.plainly(query) is query


def test_a_question_asked_plainly_raises_the_top_code_only_when_it_agrees(trained: FastTextBackend) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    for text in ("Est-ce que je peux arriver au canada avant les cours?", "Y a-t-il un moyen de renouveler mon passeport?"):
        plain = quaid_fasttext.plainly(whole._query(text))
        read_whole, read_plain = whole.predict(text, "fr", k=3), whole._predict(plain, 3)
        assert read_plain[0].code == read_whole[0].code and read_plain[0].confidence > read_whole[0].confidence
        assert reading.predict(text, "fr", k=3) == [read_plain[0], *read_whole[1:]]
    # a message with nothing to read plainly is read as before
    text = "est-ce que mon passeport expire bientôt?"
    assert reading.predict(text, "fr", k=3) == whole.predict(text, "fr", k=3)



# NLU round 18 (config/eval/README.md): a question of two parts joined by "and" / "n" / "et", its first part
# read alone too.
@pytest.mark.parametrize(("text", "part"), [
    ("how long does pr card renewal take n can i travel meanwhile", "how long does pr card renewal take"),
    ("whats the fee for a temporary resident visa and can it be done online",
     "whats the fee for a temporary resident visa"),
    ("le renouvellement de carte rp prend cb de temps et je peux voyager pendant",
     "le renouvellement de carte rp prend cb de temps"),
    ("cest quoi le tvrp et comment le demander de lexterieur du canada", "cest quoi le tvrp"),
    ("TVRP c'est quoi et combien ca coute", "TVRP c'est quoi"),
    ("Dois-je fournir à nouveau ma biométrie, et si oui, quels sont les frais?", "Dois-je fournir à nouveau ma biométrie"),
    ("super visa insurance how much coverage needed and does it have to be canadian company",
     "super visa insurance how much coverage needed"),
    # the first join only
    ("what is EE profile and how long is it valid and can i update it", "what is EE profile"),
    # "or" before a second question
    ("can i do the oath online or must be in person", "can i do the oath online"),
    ("le CPG est-il obligatoire ou je peux montrer le compte de mon père", "le CPG est-il obligatoire"),
    # a comma before the next question, in a question that opens with a question word
    ("Comment trouvent-ils un médecin agréé, en quoi consiste l'examen et combien de temps est-il valide?",
     "Comment trouvent-ils un médecin agréé"),
    ("Is it required, and in what situations is it recommended?", "Is it required"),
    ("what is that 5 year visa for parents, how does it work and is insurance needed?",
     "what is that 5 year visa for parents"),
])
def test_the_first_part_of_a_question_of_two_parts(text: str, part: str) -> None:
    assert quaid_fasttext.first_part(text) == part


@pytest.mark.parametrize("text", [
    "can i work while i study",  # one part
    "passport renewal and can i do it online",  # a first part too short to carry its subject
    "renew my passport? and how much is it",  # after a sentence's end: a question of its own
    "I'm visiting my son in Ottawa and would like to stay 3 more months",  # "and would like": no second question
    "j'ai mon numero de demande mais j'arrive pas a entrer et je dois voir la lettre",  # "et je dois" goes on
    "my brother and his wife want to visit",
    "dann kann ich",  # whole words only
    # a comma after context, in a message that does not open with a question word
    "my ITA expired before i could submit, can you reopen it",
    "je suis demandeur d'asile, est ce que mes lunettes sont remboursées?",
])
def test_a_message_without_a_second_question_has_no_first_part(text: str) -> None:
    assert quaid_fasttext.first_part(text) is None


def test_the_first_part_raises_the_top_code_only_when_it_agrees(trained: FastTextBackend) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    for text in ("renew my passport before it expires n how much is it", "renouvellement de passeport et combien ca coute"):
        part = quaid_fasttext.first_part(text)
        read_whole, read_part = whole.predict(text, "en", k=3), whole.predict(part, "en", k=3)
        assert read_part[0].code == read_whole[0].code == "030201"
        assert read_part[0].confidence > read_whole[0].confidence
        assert reading.predict(text, "en", k=3) == [read_part[0], *read_whole[1:]]
    # a first part whose best code is not the message's changes nothing
    text = "my passport expires soon and what are the processing times for a work permit application"
    assert whole.predict(quaid_fasttext.first_part(text), "en", k=3)[0].code == "030201"
    assert whole.predict(text, "en", k=3)[0].code == "020101"
    assert reading.predict(text, "en", k=3) == whole.predict(text, "en", k=3)


def test_a_long_messages_question_is_read_without_its_courtesies(trained: FastTextBackend) -> None:
    reading = make()
    reading.state = trained.state
    story = ("We landed in Toronto last month with my wife and the kids, the flat is small but nice. "
             "Could you explain how many hours a student can work off campus?")
    question = quaid_fasttext.question_of(story)
    assert question == "Could you explain how many hours a student can work off campus?"
    asked = quaid_fasttext.without_courtesies(question)
    assert asked == "how many hours a student can work off campus?"
    whole, alone = reading._predict(reading._query(story), 3), reading._predict(reading._query(asked), 1)
    assert whole[0].code == alone[0].code == "050501" and alone[0].confidence > whole[0].confidence
    assert reading.predict(story, "en", k=3)[0] == alone[0]


# NLU round 20 (config/eval/README.md): "il existe" / "existe-t-il" opening a question of what something is for,
# and a message's first question read alone too.
@pytest.mark.parametrize(("query", "plain"), [
    ("il existe un outil pour suivre une demande de citoyennete", "outil pour suivre une demande de citoyennete"),
    ("existe t il des frais pour une demande d asile", "frais pour une demande d asile"),
    ("est ce qu il existe une aide pour les refugies", "aide pour les refugies"),
])
def test_plainly_reads_il_existe_as_is_there(query: str, plain: str) -> None:
    assert quaid_fasttext.plainly(query) == plain


@pytest.mark.parametrize(("text", "question"), [
    ("How does the IEC pool work? Do I just create a profile and wait to be invited?", "How does the IEC pool work?"),
    ("passeport canadien en 2 semaines c possible? on doit partir pour un deces dans la famille",
     "passeport canadien en 2 semaines c possible?"),
    ("My dad came in March. Can he stay until the end of December? He loves it here.",
     "Can he stay until the end of December?"),
])
def test_the_first_question_of_a_message(text: str, question: str) -> None:
    assert quaid_fasttext.first_question(text) == question


@pytest.mark.parametrize("text", [
    "How does the IEC pool work?",  # nothing after it
    "How does the IEC pool work",
    "Does my son have to give biometrics with our visitor visa application? and how much is it for the family",
    "Mon mari peut-il venir et travailler avec moi? Et les enfants peuvent aller à l'école?",  # goes on with "et"
    "c'est quoi mon numero IUC? j'ai perdu le papier",  # under 6 words
    "I applied in May. It is still pending. Any news?",  # the last sentence asks
])
def test_a_message_without_a_first_question_followed_by_more(text: str) -> None:
    assert quaid_fasttext.first_question(text) is None


def test_the_first_question_raises_the_top_code_only_when_it_agrees(trained: FastTextBackend) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    for text in ("Can I renew my passport before it expires? Do I keep my old one?",
                 "comment renouveler mon passeport avant qu'il expire? je pars le mois prochain"):
        assert quaid_fasttext.question_of(text) is None and quaid_fasttext.first_part(text) is None
        asked = quaid_fasttext.first_question(text)
        read_whole, read_asked = whole.predict(text, "en", k=3), whole.predict(asked, "en", k=3)
        assert read_asked[0].code == read_whole[0].code == "030201"
        assert read_asked[0].confidence > read_whole[0].confidence
        assert reading.predict(text, "en", k=3) == [read_asked[0], *read_whole[1:]]
    # a first question whose best code is not the message's changes nothing
    text = ("Can I work while I study in Canada? What are the processing times and how long does my application "
            "take for a work permit?")
    assert whole.predict(quaid_fasttext.first_question(text), "en", k=3)[0].code == "050501"
    assert whole.predict(text, "en", k=3)[0].code == "020101"
    assert reading.predict(text, "en", k=3) == whole.predict(text, "en", k=3)


# NLU round 21 (config/eval/README.md): in a message of several sentences, the clause after the last comma before a
# question word of its first question is read alone too ("Bonsoir, mon frère est en Haïti ..., est-ce qu'il peut
# faire la demande de visa visiteur sur papier? Mèsi"). Probes of my own (no such reading at 916a4c3).
@pytest.mark.parametrize(("text", "clause"), [
    ("Je pars à Lyon en mai avec mes enfants, est-ce qu'ils ont besoin d'un visa? On a des passeports français.",
     "est-ce qu'ils ont besoin d'un visa?"),
    ("My parents live in Accra and retire next year, how long can they stay with us on a visitor visa? "
     "They have never travelled.", "how long can they stay with us on a visitor visa?"),
])
def test_the_asked_clause_of_a_messages_first_question(text: str, clause: str) -> None:
    assert quaid_fasttext.asked_clause(text) == clause


@pytest.mark.parametrize("text", [
    # one sentence: question_of reads its clause already
    "My parents live in Accra and retire next year, how long can they stay with us on a visitor visa?",
    "We live in Ottawa now, can we apply? thanks a lot",  # a clause under 6 words
    "Can I work while I study? My friend, how does she apply for it?",  # the first question has no such clause
    "We live in Ottawa, my wife works here. I have a question about the fees.",  # nothing asked
])
def test_a_message_without_an_asked_clause(text: str) -> None:
    assert quaid_fasttext.asked_clause(text) is None


# NLU round 21: a question is read without its trailing condition too ("... from a Canadian college if I stay in
# Lebanon?" 050101 0.53, without it 0.78). Probes of my own (no such reading at 39f3d61).
@pytest.mark.parametrize(("text", "question"), [
    ("Do my kids need a study permit for primary school if we are refugee claimants?",
     "Do my kids need a study permit for primary school?"),
    ("Combien de temps faut-il pour un passeport canadien si je fais la demande par la poste?",
     "Combien de temps faut-il pour un passeport canadien?"),
    ("We live in Halifax. Can my brother visit me next summer when he finishes his studies? He is 24.",
     "Can my brother visit me next summer?"),
    ("Est-ce que je peux suivre un cours d'anglais en travaillant à temps plein?",
     "Est-ce que je peux suivre un cours d'anglais?"),
    # and without its reason (NLU round 21, part 5)
    ("My wife is still in Lima. Can she get an open work permit because of my job as a nurse?",
     "Can she get an open work permit?"),
    ("Est-ce que ma mère peut rester plus longtemps chez nous parce qu'elle est malade?",
     "Est-ce que ma mère peut rester plus longtemps chez nous?"),
    ("Est-ce que je peux prolonger mon visa de visiteur à cause d'une opération?",
     "Est-ce que je peux prolonger mon visa de visiteur?"),
    # a message of one sentence without "?" that opens with a question word (NLU round 21, part 7)
    ("Do I need a visa to visit if I have a US green card", "Do I need a visa to visit?"),
    ("can my husband get an open work permit if i study in a college program",
     "can my husband get an open work permit?"),
    ("est-ce que je dois passer un examen médical si je viens pour six mois",
     "est-ce que je dois passer un examen médical?"),
])
def test_a_question_without_its_trailing_condition(text: str, question: str) -> None:
    assert quaid_fasttext.without_condition(text) == question


@pytest.mark.parametrize("text", [
    "How long does a PR card renewal take these days?",  # no condition
    "Can I come if my visa expired?",  # 3 words left
    "What documents do I need? I will apply if my employer agrees.",  # the condition is not the question's
    # without "?", a sentence that does not open with a question word, or more than one sentence
    "j'ai oublié mon mot de passe du compte parce que je suis fatiguée, je fais comment",
    "We moved to Regina. how long does a PR card take if we mail the form",
])
def test_a_question_without_a_trailing_condition(text: str) -> None:
    assert quaid_fasttext.without_condition(text) is None


# NLU round 21: words that stress a question are read away in the plain reading, unless next to a negation. Probes of
# my own (read as written at 895a739).
@pytest.mark.parametrize(("query", "plain"), [
    ("est ce que mon fils peut encore demander un pvt a 31 ans", "est ce que mon fils peut demander un pvt a 31 ans"),
    ("do i really need biometrics again for my pgwp", "do i need biometrics again for my pgwp"),
    ("is a visitor visa even possible for my uncle", "is a visitor visa possible for my uncle"),
    ("je peux vraiment travailler pendant mes etudes", "je peux travailler pendant mes etudes"),
    # NLU round 24 (read as written at cd6c94d)
    ("je peux deja demander mon permis d etudes", "je peux demander mon permis d etudes"),
    ("can my wife apply for an open work permit if she already lives here",
     "can my wife apply for an open work permit if she lives here"),
])
def test_plainly_reads_away_words_that_stress_a_question(query: str, plain: str) -> None:
    assert quaid_fasttext.plainly(query) == plain


@pytest.mark.parametrize("query", [
    "mon changement d adresse est pas encore dans mon dossier",  # "pas encore": a wait
    "still nothing on my file after 8 months",
    "mon permis est pas deja renouvele",  # NLU round 24: "deja" next to a negation
    "i have not already paid the fee",
    "how long is my visa valid",  # none of the words
])
def test_plainly_keeps_a_negations_stress_word(query: str) -> None:
    assert quaid_fasttext.plainly(query) == query


# Issue 13 / NLU round 22: predict splits a message into sentences once for every reading, predicts a reading read
# already (the message itself, or a first question that is also the question) once, and does not score a reading
# that cannot raise the top code (its code not among fastText's candidates, or not even with a cosine of 1): the
# same predictions, to the bit, as reading every one of them in full.
def _read_in_full(backend: FastTextBackend, query: str, k: int) -> list[Prediction]:
    best = backend._predict(query, k)
    if best:
        plain = quaid_fasttext.plainly(query)
        if plain is not query and plain:
            quaid_fasttext._confirm(best, backend._predict(plain, 1))
    return best


def _predict_in_full(backend: FastTextBackend, text: str, k: int, lang: str = "en") -> list[Prediction]:
    text = quaid_fasttext.without_courtesies(quaid_fasttext.without_personal_marks(text))
    text = quaid_fasttext._GLUED_ELISION.sub(r"\1 \2", text)  # NLU round 27
    best = _read_in_full(backend, backend._query(text), max(k, quaid_fasttext.SWITCH_RANKS))
    if best:
        # NLU round 27: a French message's topic, while it is under TOPIC_BELOW on a solution
        topic = (quaid_fasttext.topic_first(text) if lang == "fr" and best[0].confidence < quaid_fasttext.TOPIC_BELOW
                 and not best[0].code.startswith("@") else None)
        question = quaid_fasttext.question_of(text)
        if question is not None:
            question = quaid_fasttext.without_courtesies(question)
        # NLU round 23: while the message alone is unsure, a reading (not the one without a condition) may switch its
        # top code once
        unsure = best[0].confidence < quaid_fasttext.SWITCH_BELOW
        for reading, may_switch in (
                (question, True), (quaid_fasttext.first_part(text), True),
                (quaid_fasttext.first_part(question) if question else None, True),
                (quaid_fasttext.first_question(text), True), (quaid_fasttext.asked_clause(text), True),
                (quaid_fasttext.without_condition(text), False), (quaid_fasttext.question_in_context(text), True),
                (quaid_fasttext.last_clause(text), False), (quaid_fasttext.part_in_context(text), False),
                (quaid_fasttext.question_before_next(text), False), (quaid_fasttext.question_before_context(text), False),
                (topic, False)):
            if reading is not None:
                asked = _read_in_full(backend, backend._query(reading), 1)
                if unsure and may_switch and quaid_fasttext._switch(best, asked):
                    unsure = False
                    continue
                quaid_fasttext._confirm(best, asked)
        # NLU round 30: the French rest after the topic's comma, while the message does not hesitate between two
        # solutions, when the rest alone is sure of its code by REST_MARGIN
        if topic is not None and (len(best) < 2 or best[1].code.startswith("@")
                                  or best[1].confidence <= best[0].confidence - quaid_fasttext.REST_SECOND_GAP):
            rest = quaid_fasttext.rest_after_topic(text)
            if rest is not None:
                asked = _read_in_full(backend, backend._query(rest), 2)
                if asked and (len(asked) < 2 or asked[0].confidence - asked[1].confidence >= quaid_fasttext.REST_MARGIN):
                    quaid_fasttext._confirm(best, asked)
    return best[:k]


READINGS = [
    "We landed in Toronto last month with my wife and the kids, the flat is small but nice. "
    "How many hours can a student work off campus?",
    "My passport expires soon, passport renewal is urgent and I must renew my passport before it expires. "
    "What are the processing times for a work permit?",
    "Can I renew my passport before it expires? Do I keep my old one?",
    "comment renouveler mon passeport avant qu'il expire? je pars le mois prochain",
    "Can I work while I study in Canada? What are the processing times and how long does my application take?",
    "how long is processing n can i work while i study",
    "est-ce que je peux travailler pendant mes études si je change de programme?",
    "after the move im confused, how many hours can a student work off campus",
    "Bonjour, je suis à Lyon avec mes enfants, est-ce que je peux renouveler mon passeport? Merci",
    "hello\tthere  how   long\t\tis processing?\n\nmy  friend waited   3 months.  can i work while i study?",
    "can i still work while i study even if my program ends",
    "We landed in Toronto last month. I have a passport that expires soon. How do I renew it?",
    "We landed in Toronto last month with the kids and the flat is small but nice, a student can work off campus too?",
    "We moved to Regina in May with the kids. My passport expires soon. How do I renew it and can I travel with it?",
    "Can I renew my passport before it expires next month? and is it done online or by mail",
    "how many hours can a student work off campus, i have a job offer at a cafe near my college",
    "hi",
    "",
    # NLU round 27: a French topic before a comma, an elision glued to an acronym
    "mon passeport expire bientôt et je voyage beaucoup pour le travail, comment faire?",
    "mon passeport expire le mois prochain et je pars en voyage, je fais comment?",
    "combien de temps pour lAVE, je pars bientot en voyage avec mes enfants",
    # NLU round 30: a French situation, then the question after the comma
    "on a eu notre convocation pour la ceremonie de citoyennete, ca dure combien de temps et faut apporter quoi",
    "mon passeport expire bientôt et je voyage beaucoup pour le travail, combien de temps pour le renouveler?",
]


@pytest.mark.parametrize("text", READINGS)
@pytest.mark.parametrize("candidates", [10, 2])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_predict_gives_what_reading_every_reading_in_full_gives(trained: FastTextBackend, text: str,
                                                                candidates: int, lang: str) -> None:
    backend = make(candidates=candidates)  # 2: a reading's codes are often not the message's
    backend.state = trained.state
    for k in (1, 3, 10):
        assert backend.predict(text, lang, k=k) == _predict_in_full(backend, text, k, lang)


def test_a_reading_read_already_is_not_predicted_again(trained: FastTextBackend,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    text = "We moved to Regina last month with the kids. How many hours can a student work off campus? Yes."
    question = quaid_fasttext.question_of(text)
    assert question == quaid_fasttext.first_question(text) == "How many hours can a student work off campus?"
    asked: list[str] = []
    predict = FastTextBackend._predict

    def counted(self, query, k, *args):
        asked.append(query)
        return predict(self, query, k, *args)

    monkeypatch.setattr(FastTextBackend, "_predict", counted)
    trained.predict(text, "en")
    assert asked.count(trained._query(question)) == 1


@pytest.mark.parametrize("text", [
    "one. two? three! four; five", "a\n b \n\n c", "  a  b\t\tc ?  d  ", "no end at all", "x?y. z", "\u00a0a.\u00a0b",
    "a . . b", "", "is it ok? and can i. x", "how do i do this, i have one, my own", "how, i",
])
def test_sentences_split_once_are_the_readings_own(text: str) -> None:
    blank = quaid_fasttext._BLANKS.sub(" ", text)
    assert blank == re.sub(r"[^\S\n]+", " ", text)
    expected = [s for s in (part.strip() for part in quaid_fasttext._SENTENCE_END.split(blank)) if s]
    sentences = quaid_fasttext._sentences(blank)
    assert sentences == expected
    for reading in (quaid_fasttext.first_question, quaid_fasttext.asked_clause, quaid_fasttext.without_condition,
                    quaid_fasttext.last_clause, quaid_fasttext.part_in_context, quaid_fasttext.question_before_next,
                    quaid_fasttext.question_before_context, quaid_fasttext.topic_first):
        assert reading(text, sentences) == reading(text)
    if blank == text:
        assert quaid_fasttext.question_of(text, sentences) == quaid_fasttext.question_of(text)


# NLU round 22 (config/eval/README.md): a short last question, or a message's only question under 10 words, that leaves
# its subject to the sentence before it is read with that sentence too ("... My study permit ends in May. How do I extend
# it?"). Probes of my own (no such reading at 4ab31a2; the only question's at ca2fbca).
@pytest.mark.parametrize(("text", "reading"), [
    ("We came from Peru in 2023 and my son started grade 4 here. His study permit expires in June. Can we renew it?",
     "His study permit expires in June. Can we renew it?"),
    ("Bonjour. Ma mère est en visite chez nous depuis avril, elle aime beaucoup Montréal. Son visa finit en août. "
     "Comment le prolonger?", "Son visa finit en août. Comment le prolonger?"),
    ("I lost my wallet on the bus yesterday.\nMy PR card was in it. What now?", "My PR card was in it. What now?"),
    # the only question, under 10 words, wherever it is
    ("We move to Halifax in March for my job. My wife needs a work permit too. Where does she apply for it? "
     "She is a nurse.", "My wife needs a work permit too. Where does she apply for it?"),
    ("Mon fils est accepté au cégep. Il lui faut une lettre de la province. Il la demande à qui? On vit au Mali.",
     "Il lui faut une lettre de la province. Il la demande à qui?"),
])
def test_a_short_last_question_with_the_sentence_before_it(text: str, reading: str) -> None:
    assert quaid_fasttext.question_in_context(text) == reading


@pytest.mark.parametrize("text", [
    "My study permit ends in May. How do I extend my study permit before it expires?",  # 10 words or more
    "Is my permit valid? Can I extend it?",  # the sentence before asks too
    "My study permit ends in May. How do I extend it",  # no "?"
    "How do I extend it?",  # one sentence
    "It ends. Why?",  # under 6 words
    "How do I extend it? My study permit ends in May.",  # the first sentence
    "Our flight is in 8 days and my passport expired. Can I get one fast? How much extra?",  # two questions
    "My wife needs a work permit too. Where exactly does she apply for her own work permit? She is a nurse.",  # 10 words
])
def test_no_short_last_question_with_the_sentence_before_it(text: str) -> None:
    assert quaid_fasttext.question_in_context(text) is None


def test_a_short_last_question_raises_the_top_code_only_when_it_agrees(trained: FastTextBackend) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    text = ("We landed in Toronto last month and the flat is small but nice. My kids like the park. "
            "I have a passport that expires soon. How do I renew it?")
    asked = quaid_fasttext.question_in_context(text)
    assert asked == "I have a passport that expires soon. How do I renew it?"
    assert quaid_fasttext.question_of(text) is None and quaid_fasttext.first_question(text) is None
    read_whole, read_asked = whole.predict(text, "en", k=3), whole.predict(asked, "en", k=3)
    assert read_asked[0].code == read_whole[0].code == "030201"
    assert read_asked[0].confidence > read_whole[0].confidence
    assert reading.predict(text, "en", k=3) == [read_asked[0], *read_whole[1:]]


# NLU round 24 (config/eval/README.md): the clause after the last comma of a message's first question is read alone too,
# whatever its first word ("je pars faire un doctorat a ottawa, mon mari pourra travailler la bas?"), 5 words or more,
# unless it asks a second thing after "ou" / "or". Probes of my own (no such reading at 68c16d7).
@pytest.mark.parametrize(("text", "clause"), [
    ("je commence un bac à Moncton en septembre, ma femme pourra travailler aussi?", "ma femme pourra travailler aussi?"),
    ("I moved to Halifax from Kenya last year, my PR card stays valid while I travel?",
     "my PR card stays valid while I travel?"),
    ("Nous sommes à Gatineau depuis mars, mes parents peuvent rester tout l'été? Ils arrivent en mai.",
     "mes parents peuvent rester tout l'été?"),
    ("on a un permis de travail, nos 2 enfants ont besoin d'un permis d'études ou pas?",
     "nos 2 enfants ont besoin d'un permis d'études ou pas?"),  # "ou pas" asks no second thing
])
def test_the_last_clause_of_a_messages_first_question(text: str, clause: str) -> None:
    assert quaid_fasttext.last_clause(text) == clause


@pytest.mark.parametrize("text", [
    "ma femme pourra travailler aussi au Canada pendant mes études?",  # no comma
    "I moved to Halifax last year, how long does my PR card stay valid abroad?",  # round 16's clause (question_of)
    "je suis à Laval depuis mars, c'est obligatoire?",  # under 5 words
    "je pars étudier à Laval, mon mari peut venir avec moi ou il doit attendre ici?",  # a second question after "ou"
    "I start a master's in Regina, my wife can come with me or does she need a visa first?",  # and after "or"
    "je pars étudier à Laval, mon mari pourra travailler là-bas",  # no "?"
    "Mon mari peut travailler ici? Je pars à Laval, il pourra venir avec moi aussi?",  # the first question has no comma
])
def test_a_message_without_a_last_clause(text: str) -> None:
    assert quaid_fasttext.last_clause(text) is None


def test_the_last_clause_raises_the_top_code_only_when_it_agrees(trained: FastTextBackend) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    text = "Nous sommes arrivés à Montréal le mois passé avec les enfants, un étudiant peut travailler hors campus aussi?"
    clause = quaid_fasttext.last_clause(text)
    assert clause == "un étudiant peut travailler hors campus aussi?"
    assert quaid_fasttext.question_of(text) is None and quaid_fasttext.first_part(text) is None
    read_whole, read_clause = whole.predict(text, "en", k=3), whole.predict(clause, "en", k=3)
    assert read_clause[0].code == read_whole[0].code == "050501"
    assert read_clause[0].confidence > read_whole[0].confidence
    assert reading.predict(text, "en", k=3) == [read_clause[0], *read_whole[1:]]


# NLU round 25 (config/eval/README.md): the short first part of a message's first question is read with the sentence
# before it ("... Someone told me about a special visa that lets parents stay longer than 6 months at a time. What are the
# conditions, do I need to show my income ...?"). Probes of my own (no such reading at 8239311).
@pytest.mark.parametrize(("text", "reading"), [
    ("My sister lives in Dakar. I heard of a permit that lets nurses come without a job offer. What are the rules, do "
     "they check her diploma?", "I heard of a permit that lets nurses come without a job offer. What are the rules"),
    ("Bonjour. On m'a parlé d'un visa qui permet aux grands-parents de rester deux ans. C'est quoi les conditions et "
     "combien ça coûte?", "On m'a parlé d'un visa qui permet aux grands-parents de rester deux ans. C'est quoi les conditions"),
    ("We moved to Regina in May with the kids. My passport expires soon. How do I renew it and can I still travel with "
     "it before then?", "My passport expires soon. How do I renew it"),
])
def test_the_short_first_part_of_a_question_with_the_sentence_before_it(text: str, reading: str) -> None:
    assert quaid_fasttext.part_in_context(text) == reading


@pytest.mark.parametrize("text", [
    "What are the rules, do they check her diploma?",  # the first sentence
    "My passport expires soon. How do I renew it?",  # one part
    "Is my permit valid? How do I renew it and can I travel?",  # the sentence before asks too
    "My passport expires soon. How do I renew my passport from here in Regina and can I travel?",  # 8 words or more
    "Help! How do I renew and can I travel?",  # under 6 words with the sentence before
    "My passport expires soon. How do I renew it and can I travel",  # no "?"
    "We moved in May. I have a question. Can my wife work? How do I renew it and can I travel?",  # its first question
])
def test_no_short_first_part_with_the_sentence_before_it(text: str) -> None:
    assert quaid_fasttext.part_in_context(text) is None


def test_the_short_first_part_in_context_raises_the_top_code_only_when_it_agrees(trained: FastTextBackend) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    text = ("We moved to Regina in May with the kids and the school is great. Somebody told me my passport expires "
            "soon. How do I renew it and can I still travel with it before it ends?")
    asked = quaid_fasttext.part_in_context(text)
    assert asked == "Somebody told me my passport expires soon. How do I renew it"
    assert quaid_fasttext.question_in_context(text) is None and quaid_fasttext.first_question(text) is None
    read_whole, read_asked = whole.predict(text, "en", k=3), whole.predict(asked, "en", k=3)
    assert read_asked[0].code == read_whole[0].code == "030201"
    assert read_asked[0].confidence > read_whole[0].confidence
    assert reading.predict(text, "en", k=3) == [read_asked[0], *read_whole[1:]]


# NLU round 26 (config/eval/README.md): a first question followed by a second one asked after "and" / "et" and an
# auxiliary is read alone ("can my kids attend my citizenship ceremony? and is it online or in person"), and so is a
# message's opening clause that asks before a comma and the client's context ("how do i get more crs points, i have 1 yr
# canadian work experience ..."). Probes of my own (neither reading at 94b85b0).
@pytest.mark.parametrize(("text", "reading"), [
    ("Can my brother visit us for the wedding in June? and does he need a visa from Ghana",
     "Can my brother visit us for the wedding in June?"),
    ("Mon fils peut-il étudier ici sans permis? et est-ce que l'école doit le savoir",
     "Mon fils peut-il étudier ici sans permis?"),
    ("How long is the work permit processing now? And can I travel while I wait? Thanks",
     "How long is the work permit processing now?"),
    ("Ma femme peut travailler pendant mes études? et faut-il un autre permis pour elle",
     "Ma femme peut travailler pendant mes études?"),
])
def test_a_first_question_before_a_second_asked_after_and(text: str, reading: str) -> None:
    assert quaid_fasttext.question_before_next(text) == reading
    assert quaid_fasttext.first_question(text) is None


@pytest.mark.parametrize("text", [
    # after "and" and a question word: the first question is read alone by no reading (round 20)
    "Does my son have to give biometrics for our visitor visa? and how much is it for the whole family",
    "Mon mari peut-il venir et travailler? et les enfants aussi",  # no second question
    "Can my brother visit us in June? Does he need a visa",  # not after "and": first_question's
    "Can he visit? and does he need a visa",  # under 6 words
    "Can my brother visit us for the wedding in June and does he need a visa?",  # one sentence
    "My brother wants to visit us. and does he need a visa?",  # no question before "and"
])
def test_no_first_question_before_a_second_asked_after_and(text: str) -> None:
    assert quaid_fasttext.question_before_next(text) is None


@pytest.mark.parametrize(("text", "reading"), [
    ("what documents do i need for a visitor visa, my mother is 70 and lives in Accra",
     "what documents do i need for a visitor visa"),
    ("comment prolonger mon permis d'études au Canada, j'ai changé de programme en janvier",
     "comment prolonger mon permis d'études au Canada"),
    ("can i bring my kids with me while i study, we are from Nepal", "can i bring my kids with me while i study"),
    ("Is an eTA enough for a layover in Toronto, I’m flying from Lisbon to Chicago",
     "Is an eTA enough for a layover in Toronto"),
])
def test_an_opening_question_before_its_context(text: str, reading: str) -> None:
    assert quaid_fasttext.question_before_context(text) == reading


@pytest.mark.parametrize("text", [
    "je dois ecrire ma lettre d'explication pour mon permis, j'ai arrete l'ecole 4 ans",  # a need told, not asked
    "my mother is 70 and lives in Accra, what documents does she need",  # context first
    "what documents do i need for a visitor visa, my mother is 70, what does she bring?",  # the rest asks
    "what documents do i need for a visitor visa, i wonder, how long does it take",  # the rest asks after a comma
    "what documents do i need for a visitor visa, the embassy is closed",  # not the client's context
    "what do i need, i am 70",  # under 5 words
    "what documents do i need for a visitor visa. i have a question, my mother is 70",  # not the first sentence
    "what documents do i need for a visitor visa",  # no comma
])
def test_no_opening_question_before_its_context(text: str) -> None:
    assert quaid_fasttext.question_before_context(text) is None


@pytest.mark.parametrize(("text", "code"), [
    ("Can I renew my passport before it expires next month? and is it done online or by mail", "030201"),
    ("how many hours can a student work off campus, i have a job offer at a cafe near my college", "050501"),
    ("comment renouveler mon passeport avant qu'il expire, je suis à Lyon avec les enfants depuis mars", "030201"),
])
def test_the_round_26_readings_raise_the_top_code_only_when_they_agree(trained: FastTextBackend, text: str,
                                                                      code: str) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    asked = quaid_fasttext.question_before_next(text) or quaid_fasttext.question_before_context(text)
    assert asked is not None
    read_whole, read_asked = whole.predict(text, "en", k=3), whole.predict(asked, "en", k=3)
    assert read_asked[0].code == read_whole[0].code == code
    assert read_asked[0].confidence > read_whole[0].confidence
    assert reading.predict(text, "en", k=3) == [read_asked[0], *read_whole[1:]]


# NLU round 27 (config/eval/README.md): French states its topic first, then asks of it after a comma ("premiere demande de
# passeport pour ma fille de 6 ans, les deux parents doivent signer?"); the topic is read alone. Probes of my own (no
# such reading at a47f2b8).
@pytest.mark.parametrize(("text", "topic"), [
    ("le permis de travail ouvert pour mon conjoint, c'est combien?", "le permis de travail ouvert pour mon conjoint"),
    ("mon passeport expire le mois prochain, je fais comment?", "mon passeport expire le mois prochain"),
    ("renouvellement du passeport pour mon fils de 4 ans, il doit venir en personne?",
     "renouvellement du passeport pour mon fils de 4 ans"),
    ("j'arrive plus a ouvrir mon compte en ligne, j'ai perdu mon mot de passe", "j'arrive plus a ouvrir mon compte en ligne"),
])
def test_a_french_topic_before_a_comma_is_read_alone(text: str, topic: str) -> None:
    assert quaid_fasttext.topic_first(text) == topic


@pytest.mark.parametrize("text", [
    "mon passeport expire le mois prochain. je pars en juin, je fais comment?",  # two sentences
    "mon passeport expire, je fais comment?",  # a topic under 5 words
    "mon passeport expire le mois prochain et je pars en voyage",  # no comma
    "mon passeport expire le mois prochain, pouvez-vous le renouveler?",  # someone asked to act
    "mon passeport expire le mois prochain, verifiez mon dossier",  # an order
    "mon passeport expire le mois prochain, quelqu'un peut m'aider?",
    "mon voisin dit qu'on peut renouveler le passeport en ligne, c'est vrai?",  # what someone said
    "mon passeport expire le mois prochain, je pars en France en juillet pour trois semaines avec ma femme et nos deux "
    "enfants, je fais comment?",  # more than 12 words after the comma
])
def test_no_french_topic_read_alone(text: str) -> None:
    assert quaid_fasttext.topic_first(text) is None


def test_a_french_topic_raises_the_top_code_only_in_french_and_under_the_bar(trained: FastTextBackend) -> None:
    reading, whole = make(), make(read_question=False)
    reading.state = whole.state = trained.state
    text = "mon passeport expire bientôt et je voyage beaucoup pour le travail, comment faire?"
    topic = quaid_fasttext.topic_first(text)
    assert topic == "mon passeport expire bientôt et je voyage beaucoup pour le travail"
    read_whole, read_topic = whole.predict(text, "fr", k=3), whole.predict(topic, "fr", k=3)
    assert read_topic[0].code == read_whole[0].code == "030201"
    assert read_whole[0].confidence < read_topic[0].confidence and read_whole[0].confidence < quaid_fasttext.TOPIC_BELOW
    assert reading.predict(text, "fr", k=3) == [read_topic[0], *read_whole[1:]]
    assert reading.predict(text, "en", k=3) == read_whole  # French only
    # a message already at the bar on its top code is not read by its topic
    sure = "mon passeport expire le mois prochain et je pars en voyage, je fais comment?"
    read_sure = whole.predict(sure, "fr", k=3)
    assert read_sure[0].confidence >= quaid_fasttext.TOPIC_BELOW
    assert whole.predict(quaid_fasttext.topic_first(sure), "fr", k=3)[0].confidence > read_sure[0].confidence
    assert reading.predict(sure, "fr", k=3) == read_sure


# NLU round 30 (config/eval/README.md): the question after a French situation's comma is read alone too, when it asks.
# Probes of my own.
@pytest.mark.parametrize(("text", "rest"), [
    ("on a eu notre convocation pour devenir citoyens, ca dure combien de temps une ceremonie",
     "ca dure combien de temps une ceremonie"),
    ("mon nom a change apres mon mariage, faut il refaire ma carte?", "faut il refaire ma carte?"),
    ("je suis au Canada avec un visa de visiteur, je peux rester combien de temps", "je peux rester combien de temps"),
])
def test_the_question_after_a_french_situation_is_read_alone(text: str, rest: str) -> None:
    assert quaid_fasttext.rest_after_topic(text) == rest


@pytest.mark.parametrize("text", [
    "mon nom a change apres mon mariage, ma carte de RP est encore a mon ancien nom",  # the rest does not ask
    "mon nom a change apres mon mariage, quoi faire?",  # a rest under 4 words
    "mon nom a change, faut il refaire ma carte de RP?",  # a situation under 5 words (no topic)
    "mon nom a change apres mon mariage, pouvez-vous changer ma carte?",  # someone asked to act
    "mon nom a change apres mon mariage. faut il refaire ma carte de RP?",  # two sentences
    "mon agent dit que mon nom a change apres mon mariage, faut il refaire ma carte?",  # what someone said
])
def test_no_question_after_a_french_situation_read_alone(text: str) -> None:
    assert quaid_fasttext.rest_after_topic(text) is None


@pytest.mark.parametrize("text", [" " * 5000 + ", " + "a" * 5000, "a" * 5000, "1" * 5000, "est ce " * 1200,
                                  "mon passeport expire demain, " * 300, "quel" * 2000 + "?"])
def test_the_rest_after_a_situation_on_hostile_text(text: str) -> None:
    assert quaid_fasttext.rest_after_topic(text) is None  # no situation of 5 words and a rest of 4-12 words that asks


# NLU round 27: an elision typed without its apostrophe before an acronym ("lAVE") is split before the message is cleaned.
@pytest.mark.parametrize(("text", "split"), [
    ("combien de temps pour lAVE", "combien de temps pour l AVE"),
    ("le numero dEIMT et lEIC", "le numero d EIMT et l EIC"),
    ("Lave la vaisselle", "Lave la vaisselle"),  # a word
    ("LAVE", "LAVE"),  # capitals
    ("mon iPhone et lAVEnue", "mon iPhone et lAVEnue"),  # not an acronym
])
def test_an_elision_glued_to_an_acronym_is_split(text: str, split: str) -> None:
    assert quaid_fasttext._GLUED_ELISION.sub(r"\1 \2", text) == split


def test_a_glued_elision_is_read_as_the_elision_and_the_acronym(trained: FastTextBackend) -> None:
    respelling, literal = make(), make(respell=False, read_question=False)
    respelling.state = literal.state = trained.state
    glued, apart = "combien de temps pour lEIMT", "combien de temps pour l EIMT"
    assert literal._clean(glued) != literal._clean(apart)
    assert respelling.predict(glued, "fr", k=3) == respelling.predict(apart, "fr", k=3)
    assert literal.predict(glued, "fr", k=3) == literal._predict(literal._clean(glued), 3)  # respell off: as typed


# Issue 13: the predictions of a short text are remembered per trained state (an LRU cache of SHORT_TEXT_CACHE entries).
SHORT = ["ok", "merci", "visa", "permis", "hello", "how much is an eta", "combien coûte un passeport",
         "hello? is anyone there", "x" * quaid_fasttext.SHORT_TEXT]


def test_a_short_texts_predictions_are_remembered_and_the_same(trained: FastTextBackend,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    backend = make()
    backend.state = trained.state
    computed: list[tuple[str, str, int]] = []
    predict_text = FastTextBackend._predict_text

    def counted(self, text, lang, k=3):
        computed.append((text, lang, k))
        return predict_text(self, text, lang, k)

    monkeypatch.setattr(FastTextBackend, "_predict_text", counted)
    for text in SHORT:
        for lang in ("en", "fr"):
            for k in (1, 3, 10):
                first = backend.predict(text, lang, k)
                again = backend.predict(text, lang, k)
                assert first == again == predict_text(backend, text, lang, k)
                assert again is not first  # a new list each call: a caller may change it
                again.clear()
                assert backend.predict(text, lang, k) == first
    assert len(computed) == len(SHORT) * 2 * 3  # once per (text, language, k)
    longer = "x" * (quaid_fasttext.SHORT_TEXT + 1)
    backend.predict(longer, "en", 3)
    backend.predict(longer, "en", 3)
    assert computed.count((longer, "en", 3)) == 2  # longer texts: always predicted


def test_a_new_state_does_not_answer_from_the_old_states_cache(trained: FastTextBackend) -> None:
    backend = make()
    backend.state = trained.state
    before = backend.predict("visa", "en", 3)
    assert before and backend.predict("visa", "en", 3) == before
    # a state whose codes are the same but every example row of the top code gone: another confidence
    from quaid_fasttext import _Trained

    state = trained.state
    top = state.codes.index(before[0].code)
    keep = [row for i, group in enumerate(state.groups) if i != top for row in group]
    sizes = [0 if i == top else len(group) for i, group in enumerate(state.groups)]
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    backend.state = _Trained.build(state.model, state.codes, np.array(keep, np.float32), starts)
    after = backend.predict("visa", "en", 3)
    assert after == backend._predict_text("visa", "en", 3)
    assert after != before
    backend.state = trained.state  # the old state again: predicted again, the same as before
    assert backend.predict("visa", "en", 3) == before


def test_the_short_texts_cache_is_bounded(trained: FastTextBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quaid_fasttext, "SHORT_TEXT_CACHE", 8)
    backend = make()
    backend.state = trained.state
    for i in range(20):
        backend.predict(f"visa {i}", "en", 3)
    _, cached = backend._short
    assert cached.cache_info().currsize == 8
