"""Trains the name tagger (:mod:`quaid_patterns.names_model`) from the repository's data.

    python -m quaid_patterns.train_names [--root .] [--out quaid_patterns/data/names.crfsuite]
    python -m quaid_patterns.train_names --cv      # leave-one-set-out threshold table

Training data, in a fixed order (the result is the same file on every run):
tests/redaction/heldout.jsonl, heldout2..heldout24.jsonl, heldout26..heldout43, heldout45 and heldout47 (:data:`HELDOUTS`),
the redaction table (tests/redaction/redaction_cases.py) and, all words outside names, the client examples
of config/kb/*.yaml. Never heldout25, heldout44, heldout46 nor heldout48 and later (kept blind) nor config/eval (kept
for measuring false positives). Also writes data/words.txt (common words, see common_words) first.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import string
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycrfsuite
import yaml
from tqdm import tqdm

from quaidcore import Span

from .config import PatternsConfig
from .names_model import (
    MODEL,
    WORDS,
    NameTagger,
    features,
    plausible,
    ruled_types,
    surname_first,
    tokens,
    vocabulary,
)
from .redactor import PatternRedactor, _masked, zeros_for_oh
from .scan import PLACEHOLDER

# The held-out sets every learned model of the plugin trains on (names, addresses, owner): never
# heldout25 (never read) nor heldout44, heldout46 and heldout48 and later (kept blind for measuring).
HELDOUTS = ["heldout.jsonl"] + [f"heldout{n}.jsonl" for n in (*range(2, 25), *range(26, 44), 45, 47)]
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
# Each message the rules mask is also learned unmasked without their marks (Example.raw).
BLANK_RULES = True
_TRIM = string.punctuation + string.whitespace + "«»’"

Expected = list[tuple[str, str]]


@dataclass
class Example:
    """One message, its expected PERSON values, its features and its BIO labels."""

    text: str
    persons: list[str]
    xseq: list[list[str]] = field(default_factory=list)
    yseq: list[str] = field(default_factory=list)
    rules: list = field(default_factory=list)
    # The raw text's features without the rules' marks, and its labels: the model also learns
    # names from the words alone, not only around the placeholders.
    raw: tuple[list[list[str]], list[str]] | None = None


def _locate(text: str, expected: Expected) -> list[tuple[int, int, str]]:
    spans = []
    cursor = 0
    for kind, value in expected:
        start = text.find(value, cursor)
        if start < 0:
            start = text.find(value)
        if start < 0:
            continue
        spans.append((start, start + len(value), kind))
        cursor = start + len(value)
    return spans


def _labels(toks: Sequence[tuple[int, int, str]], names: Iterable[tuple[int, int]]) -> list[str]:
    labels = ["O"] * len(toks)
    for start, end in names:
        inside = [i for i, (s, e, _) in enumerate(toks) if s < end and start < e]
        for n, i in enumerate(inside):
            labels[i] = "B" if n == 0 else "I"
    return labels


def _heldout(path: Path) -> list[tuple[str, Expected]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["text"], [(s["type"], s["value"]) for s in r["spans"]]) for r in rows]


def _table(root: Path) -> list[tuple[str, Expected]]:
    spec = importlib.util.spec_from_file_location("redaction_cases", root / "tests/redaction/redaction_cases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("redaction_cases", module)  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return list(module.CASES)


def _examples_in(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "examples" and isinstance(value, dict):
                yield from (text for texts in value.values() for text in texts)
            else:
                yield from _examples_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _examples_in(item)


def _kb(path: Path) -> list[tuple[str, Expected]]:
    return [(text, []) for text in _examples_in(yaml.safe_load(path.read_text(encoding="utf-8")))]


def training_sets(root: Path) -> dict[str, list[tuple[str, Expected]]]:
    """The named sets of (text, expected spans), in a fixed order."""
    sets = {name: _heldout(root / "tests/redaction" / name) for name in HELDOUTS}
    sets["redaction_cases"] = _table(root)
    for path in sorted((root / "config/kb").glob("*.yaml")):
        sets[f"kb/{path.name}"] = _kb(path)
    return sets


KB_WORD_MIN = 3  # a knowledge-base word is common from this many of its texts on


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif isinstance(node, str):
        yield node


def common_words(root: Path) -> list[str]:
    """The words of :data:`names_model.WORDS`: Faker's English and French lorem lists and the
    words of KB_WORD_MIN texts or more of config/kb (client examples, answers, titles: no
    client's name; "CléGC", "biometrics", "IMM"), lower case, sorted."""
    from faker.providers.lorem.en_US import Provider as English
    from faker.providers.lorem.fr_FR import Provider as French

    seen: Counter[str] = Counter()
    for path in sorted((root / "config/kb").glob("*.yaml")):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            seen.update({w.lower() for _, _, w in tokens(text) if w[0].isalpha()})
    words = {w.lower() for w in (*English.word_list, *French.word_list) if " " not in w}
    return sorted(words | {w for w, n in seen.items() if n >= KB_WORD_MIN})


def prepare(cases: Sequence[tuple[str, Expected]], desc: str = "features") -> list[Example]:
    """Features and labels of `cases` as the tagger reads them at run time: masked by the
    rules (placeholders marked as ruled), and the names the rules left to find labelled."""
    redactor = PatternRedactor(PatternsConfig(learned_names=False))
    examples = []
    for text, expected in tqdm(cases, desc=desc, unit="msg", leave=False):
        example = _example(zeros_for_oh(text), expected, redactor)
        if example is not None:
            examples.append(example)
    return examples


def _example(text: str, expected: Expected, redactor: PatternRedactor) -> Example | None:
    rules = redactor.rule_spans(text)
    masked, _ = _masked(text, rules)
    toks = tokens(masked)
    if not toks:
        return None
    placeholders = [Span(m.start(), m.end(), m.group()[1:-1]) for m in PLACEHOLDER.finditer(masked)]
    left = [(s, e) for s, e, kind in _locate(masked, expected) if kind == "PERSON"]
    example = Example(masked, [masked[s:e].strip(_TRIM) for s, e in left], rules=placeholders)
    example.xseq = features(masked, toks, ruled_types(toks, placeholders))
    example.yseq = _labels(toks, left)
    if rules and BLANK_RULES:
        raw = tokens(text)
        names = [(s, e) for s, e, kind in _locate(text, expected) if kind == "PERSON"]
        example.raw = (features(text, raw, [""] * len(raw)), _labels(raw, names))
    return example


class ProgressTrainer(pycrfsuite.Trainer):
    """A trainer that shows its iterations as a progress bar (the plugin's other trainers too)."""

    def __init__(self, bar: tqdm, params: dict[str, Any] = PARAMS) -> None:
        super().__init__(algorithm="lbfgs", params=params, verbose=False)
        self.bar = bar

    def message(self, message: str) -> None:
        if self.logparser.feed(message) == "iteration":
            self.bar.update(1)


def train(examples: Sequence[Example], out: Path, progress: bool = True) -> None:
    """Trains the CRF on `examples` and writes it to `out`."""
    with tqdm(total=PARAMS["max_iterations"], desc="training", unit="it", disable=not progress) as bar:
        trainer = ProgressTrainer(bar)
        for example in examples:
            trainer.append(example.xseq, example.yseq)
            if example.raw is not None:
                trainer.append(*example.raw)
        out.parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(out))


Added = tuple[float, bool, str, str]


def _added(tagger: NameTagger, examples: Sequence[Example]) -> list[Added]:
    """(confidence, correct, name, message) of each name the tagger adds to the rules' spans."""
    added = []
    for ex in examples:
        for start, end, confidence in surname_first(ex.text, tagger.names(ex.text, ex.rules)):
            if not any(s.start < end and start < s.end for s in ex.rules) and plausible(ex.text, start, end):
                name = ex.text[start:end].strip(_TRIM)
                added.append((confidence, name in ex.persons, name, ex.text))
    return added


def cross_validate(sets: dict[str, list[Example]]) -> list[Added]:
    """Leave one set out: the added names of each set, by a model trained on the others."""
    added = []
    folds = _folds(sets)
    for name, held in tqdm(folds.items(), desc="folds", unit="fold"):
        rest = [ex for other, examples in folds.items() if other != name for ex in examples]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "fold.crfsuite"
            train(rest, path, progress=False)
            added += _added(NameTagger(path), held)
    return added


def _folds(sets: dict[str, list[Example]]) -> dict[str, list[Example]]:
    """Each held-out set and the redaction table a fold; the knowledge base's files in three."""
    folds: dict[str, list[Example]] = {}
    kb = [name for name in sets if name.startswith("kb/")]
    for name, examples in sets.items():
        key = f"kb{kb.index(name) % 3}" if name in kb else name
        folds.setdefault(key, []).extend(examples)
    return folds


def threshold_table(added: Sequence[Added], total_missed: int) -> list[str]:
    """Precision and count of the added names at each threshold."""
    lines = [f"names the rules missed: {total_missed}", "threshold  added  correct  precision"]
    for step in [*range(30, 100, 5), 97, 99]:
        threshold = step / 100
        kept = [ok for confidence, ok, _, _ in added if confidence >= threshold]
        precision = sum(kept) / len(kept) if kept else 1.0
        lines.append(f"{threshold:9.2f}  {len(kept):5d}  {sum(kept):7d}  {precision:9.3f}")
    return lines


def _missed(examples: Iterable[Example]) -> int:
    """The names the rules left in the examples' masked texts."""
    return sum(len(ex.persons) for ex in examples)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--cv", action="store_true", help="print the leave-one-set-out threshold table instead")
    args = parser.parse_args(argv)
    WORDS.write_text("\n".join(common_words(args.root)) + "\n", encoding="utf-8")
    vocabulary.cache_clear()
    sets = {name: prepare(cases, name) for name, cases in training_sets(args.root).items()}
    if args.cv:
        added = cross_validate(sets)
        for confidence, ok, name, text in sorted(added, reverse=True):
            print(f"{confidence:.2f} {'ok ' if ok else 'BAD'} {name!r:32} in {text[:100]!r}")
        print("\n".join(threshold_table(added, _missed(ex for exs in sets.values() for ex in exs))))
        return
    examples = [ex for exs in sets.values() for ex in exs]
    train(examples, args.out)
    print(f"{len(examples)} messages, {sum(len(ex.persons) for ex in examples)} names the rules leave -> {args.out}")


if __name__ == "__main__":
    main()
