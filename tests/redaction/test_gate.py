"""The quick "nothing to mask" test of the ``patterns`` redactor (quaid_patterns.gate): a message
it lets skip must be one in which the whole redactor finds nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from quaid_patterns import PatternRedactor, PatternsConfig, train_gate
from quaid_patterns import gate as gate_module
from quaid_patterns.config import CustomPattern
from quaid_patterns.gate import nothing_to_find
from redaction_cases import CASES

ROOT = Path(__file__).resolve().parents[2]
_PUNCT = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")


@pytest.fixture(scope="module")
def full() -> PatternRedactor:
    """The whole redactor, the gate off."""
    redactor = PatternRedactor()
    redactor.gate = False
    return redactor


def _examples(node: object, out: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "examples":
                for texts in value.values() if isinstance(value, dict) else [value]:
                    out.extend(t for t in texts or [] if isinstance(t, str))
            else:
                _examples(value, out)
    elif isinstance(node, list):
        for value in node:
            _examples(value, out)


def _texts() -> list[str]:
    """Every config/eval text, the redaction table, Presidio's cases and the knowledge base's
    examples, each also in lower case, without punctuation and without digits."""
    texts = [text for text, _ in CASES]
    for path in sorted((ROOT / "config" / "eval").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    presidio = ROOT / "tests" / "redaction" / "presidio_cases.jsonl"
    texts += [json.loads(line)["text"] for line in presidio.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    for path in sorted((ROOT / "config" / "kb").glob("*.yaml")):
        _examples(yaml.safe_load(path.read_text(encoding="utf-8")), texts)
    mutated = [m for t in texts for m in (t.lower(), _PUNCT.sub("", t), _DIGIT.sub("", t.lower()))]
    return list(dict.fromkeys(texts + mutated))


def test_a_skipped_text_has_no_span(full: PatternRedactor) -> None:
    """Over every text of the tests and the knowledge base (and their mutations), the whole
    redactor finds nothing in each text the gate lets skip; and the gate lets many skip."""
    texts = _texts()
    skipped = [t for t in texts if nothing_to_find(t)]
    wrong = [(t, full.find(t)) for t in skipped if full.find(t)]
    assert wrong == []
    assert len(skipped) > len(texts) // 10


def test_the_table_spans_are_the_same(full: PatternRedactor) -> None:
    """The redaction table gives the same spans with the gate as without it."""
    redactor = PatternRedactor()
    assert redactor.gate
    for text, _ in CASES:
        assert redactor.find(text) == full.find(text), text


TRICKY = [
    "my name is olive",
    "olive and i got married in june",
    "my daughter hope got her study permit",
    "guy est mon conjoint de fait",
    "c'est moussa",
    "je m'appelle fleur",
    "thanks, grace",
    "merci fatima",
    "regards aminata",
    "TSHIMANGA Patrick",
    "hello, mohammed el amrani speaking",
    "Grace from the agency told me to write",
    "my wife grace needs a visa",
    "john dot smith at gmail dot com",
    "marie point tremblay arobase videotron point ca",
    "my phone is five one four five five five zero one nine nine",
    "my uci is one one zero two three four five six",
    "born on the fifth of june nineteen ninety",
    "je suis née le cinq juin mille neuf cent quatre-vingt-dix",
    "rue Sainte-Catherine Ouest app. B",
    "i live on rue sainte catherine ouest app b",
    "we live in the lakou habitation near the church",
    "my address is twelve maple street",
    "code postal h trois a deux b un",
    "I'm Amaka",
    "im chidi okonkwo",
    "ok Priya",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_run_the_whole_redactor(text: str, full: PatternRedactor) -> None:
    """Names in lower case after a cue, e-mails, phones, IDs and dates said in words, addresses
    without a digit: the gate never lets them skip, and the spans are the same."""
    assert not nothing_to_find(text)
    assert PatternRedactor().find(text) == full.find(text)


@pytest.mark.parametrize("text", [
    "ok thanks",
    "how long does it take to process a study permit?",
    "what documents do I need for a visitor visa",
    "combien de temps puis-je rester au canada comme visiteur",
    "can I work while I study",
])
def test_plain_questions_skip(text: str, full: PatternRedactor) -> None:
    assert nothing_to_find(text)
    assert full.find(text) == []


def test_custom_patterns_turn_the_gate_off() -> None:
    """An agency's own expression may match any word: no message skips. Nor without the owner
    model (a contact detail it drops would stay); fewer types or no learned tagger keep it."""
    redactor = PatternRedactor(PatternsConfig(custom=[CustomPattern(type="TICKET", regex="thanks")]))
    assert not redactor.gate
    assert [s.type for s in redactor.find("ok thanks")] == ["TICKET"]
    assert not PatternRedactor(PatternsConfig(owner_model=False)).gate
    assert PatternRedactor(PatternsConfig(owner_model=False, types=["PERSON", "EMAIL"])).gate
    assert PatternRedactor(PatternsConfig(learned_names=False, learned_addresses=False)).gate


def test_the_words_file_is_current() -> None:
    """The probes, run again over the words of the config/eval texts, say what
    data/gate_words.txt says of them (run ``python -m quaid_patterns.gate`` after a rule
    changes)."""
    listed = {line.split()[0]: line for line in gate_module.WORDS.read_text(encoding="utf-8").splitlines() if line}
    words: set[str] = set()
    for path in sorted((ROOT / "config" / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words |= gate_module._words_of(json.loads(line)["text"])
    chosen = sorted(w for w in gate_module.candidates() if w in words)
    assert chosen
    probed = {line.split()[0]: line for line in train_gate.lines(train_gate.probe(chosen)).splitlines()}
    assert probed == {w: listed[w] for w in chosen if w in listed}
