"""The learned name tagger (quaid_patterns.names_model): the shipped model, its place in the
redactor, the option that turns it off, and a training that gives the same model twice."""

from __future__ import annotations

from pathlib import Path

from quaid_patterns import PatternRedactor, PatternsConfig
from quaid_patterns.names_model import MODEL, candidates, learned_names, tagger, tokens, vocabulary, windows
from quaid_patterns.train_names import prepare, train, training_sets

ROOT = Path(__file__).resolve().parents[2]
NO_CUE = "TSHIMANGA Patrick"


def _persons(text: str, config: PatternsConfig | None = None) -> list[str]:
    return [text[s.start:s.end] for s in PatternRedactor(config).find(text) if s.type == "PERSON"]


def test_the_model_ships_with_the_package_and_tags_a_name_without_a_cue() -> None:
    assert MODEL.is_file()
    assert [text for start, end, _ in tagger().names(NO_CUE) for text in [NO_CUE[start:end]]] == [NO_CUE]
    assert _persons(NO_CUE) == [NO_CUE]
    assert _persons("hello, mohammed el amrani speaking") == ["mohammed el amrani"]


def test_client_questions_are_left_alone() -> None:
    for question in (
        "how long does it take to process a study permit?",
        "Combien de temps pour obtenir un permis d'études?",
        "can my spouse come with me to Canada while I study in Toronto",
        "What is the difference between a TRV and an eTA",
    ):
        assert PatternRedactor().find(question) == [], question


def test_the_option_off_keeps_the_rules_alone() -> None:
    off = PatternRedactor(PatternsConfig(learned_names=False))
    spans = off.find(NO_CUE)
    added = learned_names(NO_CUE, spans)
    assert [NO_CUE[s.start:s.end] for s in added] == [NO_CUE], "the model would add the name"
    assert not any(s.type == "PERSON" for s in spans)
    assert _persons(NO_CUE, PatternsConfig(types=["EMAIL", "PHONE"])) == []


def _candidates(text: str) -> list[str]:
    toks = tokens(text)
    return [toks[i][2] for i in candidates(text, toks, [""] * len(toks))]


def test_only_messages_with_a_possible_name_go_through_the_crf() -> None:
    assert _candidates("how long does it take to process a study permit?") == []
    assert _candidates("I'm from India and want to apply for express entry") == []
    assert _candidates("Combien de temps pour obtenir un permis d'études?") == []
    assert _candidates("ma cousine au Canada c Guerline") == ["Guerline"]
    assert _candidates("TSHIMANGA Patrick") == ["TSHIMANGA", "Patrick"]
    assert _candidates("hello, mohammed el amrani speaking") == ["mohammed", "el", "amrani"]
    assert _candidates("this is Wei Zhang 张伟 again")[-1] == "张伟"
    masked = "mon NAS est [SIN]"
    toks = tokens(masked)
    assert candidates(masked, toks, ["", "", "", "OTHER", "OTHER", "OTHER"]) == []
    assert "permit" in vocabulary() and "guerline" not in vocabulary()


def test_the_crf_reads_the_tokens_around_the_candidates() -> None:
    assert windows([2, 5, 30], 40) == [range(0, 10), range(26, 35)]
    assert windows([], 10) == []
    text = "The form asks many things I do not understand at all and my aunt in Kinshasa is TSHIMANGA Patrick"
    assert [text[s:e] for s, e, _ in tagger().names(text)] == ["TSHIMANGA Patrick"]


def test_a_possessive_is_not_part_of_the_name() -> None:
    assert [t[2] for t in tokens("its farida's son")] == ["its", "farida", "'s", "son"]


def test_training_is_deterministic(tmp_path: Path) -> None:
    sets = training_sets(ROOT)
    sample = sets["heldout14.jsonl"][:50] + sets["kb/02-work-permits.yaml"][:40]
    examples = prepare(sample)
    assert sum(y != "O" for ex in examples for y in ex.yseq) > 10, "the sample has names to learn"
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train(examples, first, progress=False)
    train(examples, second, progress=False)
    assert first.read_bytes() == second.read_bytes()
