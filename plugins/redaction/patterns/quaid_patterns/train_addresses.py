"""Trains the address tagger (:mod:`quaid_patterns.address_model`) from the repository's data.

    python -m quaid_patterns.train_addresses [--root .] [--out quaid_patterns/data/addresses.crfsuite]
    python -m quaid_patterns.train_addresses --cv      # leave-sets-out threshold table

Training data, in a fixed order (the result is the same file on every run):
the held-out sets of :data:`quaid_patterns.train_names.HELDOUTS` (never heldout25, heldout44,
heldout46, heldout48, heldout51, heldout71 and later: kept blind), the redaction table (tests/redaction/redaction_cases.py) and, all words
outside addresses, the client examples of config/kb/*.yaml. Never config/eval (kept for measuring
false positives).

Each message is read as the tagger reads it at run time: masked by the rules and the learned
names (placeholders marked), the addresses and postal codes the rules left labelled; and also
unmasked, every expected address and postal code labelled, so that the model learns their shapes
from all of them. Only the stretches the tagger reads are learned (address_model.windows).
"""

from __future__ import annotations

import argparse
import string
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from quaidcore import Span

from .address_model import (
    MODEL,
    TYPES,
    AddressTagger,
    added,
    candidates,
    features,
    learned_spans,
    tokens,
    windows,
)
from .config import PatternsConfig
from .redactor import PatternRedactor, _masked, zeros_for_oh
from .train_names import WRITTEN, ProgressTrainer, _locate, training_sets

PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
FOLDS = 5
# Each message the rules mask is also learned unmasked, every address and postal code labelled.
RAW = True
_TRIM = string.punctuation + string.whitespace + "«»’"

Expected = list[tuple[str, str]]
Seq = tuple[list[list[str]], list[str]]


@dataclass
class Example:
    """One message: its text, its expected addresses and postal codes (type, value), the rules'
    spans, and the sequences learned from it (masked and unmasked)."""

    text: str
    expected: list[tuple[str, str]]
    other_expected: bool
    rules: list[Span]
    seqs: list[Seq] = field(default_factory=list)


def _labels(toks: Sequence[tuple[int, int, str]], found: Iterable[tuple[int, int, str]]) -> list[str]:
    labels = ["O"] * len(toks)
    for start, end, kind in found:
        inside = [i for i, (s, e, _) in enumerate(toks) if s < end and start < e]
        for n, i in enumerate(inside):
            labels[i] = ("B-" if n == 0 else "I-") + kind
    return labels


def _sequences(text: str, expected: Expected) -> list[Seq]:
    toks = tokens(text)
    labels = _labels(toks, [(s, e, k) for s, e, k in _locate(text, expected) if k in TYPES])
    seqs = []
    for window in windows(candidates(toks), len(toks)):
        seqs.append((features(text, toks, window), labels[window.start:window.stop]))
    return seqs


def rule_redactor() -> PatternRedactor:
    """The redactor as the tagger follows it: everything but the learned addresses and the
    owner model (which runs after them)."""
    options = {"learned_addresses": False}
    if "owner_model" in PatternsConfig.model_fields:
        options["owner_model"] = False
    return PatternRedactor(PatternsConfig(**options))


def prepare(cases: Sequence[tuple[str, Expected]], desc: str = "features") -> list[Example]:
    """Examples of `cases` as the tagger reads them at run time, and unmasked."""
    redactor = rule_redactor()
    examples = []
    for text, expected in tqdm(cases, desc=desc, unit="msg", leave=False):
        text = zeros_for_oh(text)
        rules = redactor.find(text)
        masked, _ = _masked(text, rules)
        ours = [(k, v) for k, v in expected if k in TYPES]
        example = Example(text, ours, len(ours) < len(expected), rules)
        example.seqs = _sequences(masked, expected)
        if rules and RAW:
            example.seqs += _sequences(text, expected)
        examples.append(example)
    return examples


def train(examples: Sequence[Example], out: Path, progress: bool = True) -> int:
    """Trains the CRF on `examples`, writes it to `out`, returns the number of sequences."""
    count = 0
    with tqdm(total=PARAMS["max_iterations"], desc="training", unit="it", disable=not progress) as bar:
        trainer = ProgressTrainer(bar, PARAMS)
        for example in examples:
            for xseq, yseq in example.seqs:
                trainer.append(xseq, yseq)
                count += 1
        out.parent.mkdir(parents=True, exist_ok=True)
        trainer.train(str(out))
    return count


def _norm(value: str) -> str:
    return value.strip(_TRIM)


Learned = tuple[Example, list[tuple[Span, float]]]


def _folds(sets: dict[str, list[Example]]) -> list[list[Example]]:
    """FOLDS folds of whole sets, dealt in turn (the knowledge base's files too)."""
    folds: list[list[Example]] = [[] for _ in range(FOLDS)]
    for n, examples in enumerate(sets.values()):
        folds[n % FOLDS].extend(examples)
    return folds


def cross_validate(sets: dict[str, list[Example]]) -> list[Learned]:
    """Leave sets out: the learned spans (confidence 0 and up) of each fold's messages, by a
    model trained on the other folds."""
    found: list[Learned] = []
    folds = _folds(sets)
    for n, held in enumerate(tqdm(folds, desc="folds", unit="fold")):
        rest = [ex for m, fold in enumerate(folds) if m != n for ex in fold]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "fold.crfsuite"
            train(rest, path, progress=False)
            model = AddressTagger(path)
            found += [(ex, learned_spans(ex.text, ex.rules, model)) for ex in held]
    return found


@dataclass
class Score:
    """What the learned spans kept at one threshold change on the held-out folds."""

    new: int = 0  # spans the redactor now gives that the rules alone did not
    right: int = 0  # of them, equal to an expected address or postal code
    partial: int = 0  # of them, not equal but overlapping one
    wrong: int = 0  # of them, overlapping none
    gained: int = 0  # expected values found now, not by the rules alone
    lost: int = 0  # expected values the rules found, now not
    near_miss_rows: int = 0  # messages with nothing to mask that now have something masked
    lines: list[str] = field(default_factory=list)


def score(found: Sequence[Learned], threshold: float, verbose: bool = False) -> Score:
    """The :class:`Score` of the spans in `found` from `threshold` on."""
    result = Score()
    for ex, spans in found:
        more = [s for s, c in spans if c >= threshold]
        if not more:
            continue
        after = added(ex.text, ex.rules, more)
        before_set = {(s.start, s.end, s.type) for s in ex.rules}
        new = [s for s in after if (s.start, s.end, s.type) not in before_set]
        if not ex.expected and not ex.other_expected and new:
            result.near_miss_rows += 1
        want = {(k, _norm(v)) for k, v in ex.expected}
        places = [(s, e) for s, e, k in _locate(ex.text, ex.expected)]
        got_before = {(s.type, _norm(ex.text[s.start:s.end])) for s in ex.rules}
        got_after = {(s.type, _norm(ex.text[s.start:s.end])) for s in after}
        result.gained += len((want & got_after) - got_before)
        result.lost += len((want & got_before) - got_after)
        for s in new:
            result.new += 1
            value = (s.type, _norm(ex.text[s.start:s.end]))
            if value in want:
                result.right += 1
                verdict = "ok  "
            elif any(a < s.end and s.start < b for a, b in places):
                result.partial += 1
                verdict = "part"
            else:
                result.wrong += 1
                verdict = "BAD "
            if verbose:
                confidence = min((c for x, c in spans if s.start <= x.start and x.end <= s.end), default=0.0)
                result.lines.append(f"{confidence:.2f} {verdict} {s.type:11} {value[1]!r:40} in {ex.text[:110]!r}")
    return result


def threshold_table(found: Sequence[Learned], missed: int) -> list[str]:
    """The figures of the learned spans at each threshold."""
    lines = [
        f"expected addresses and postal codes the rules leave unfound (exactly): {missed}",
        "threshold  new  right  partial  wrong  precision  right+partial  gained  lost  near-miss rows",
    ]
    for step in [*range(10, 100, 10), 95, 97, 99]:
        s = score(found, step / 100)
        precision = s.right / s.new if s.new else 1.0
        loose = (s.right + s.partial) / s.new if s.new else 1.0
        lines.append(f"{step / 100:9.2f}  {s.new:3d}  {s.right:5d}  {s.partial:7d}  {s.wrong:5d}  {precision:9.3f}"
                     f"  {loose:13.3f}  {s.gained:6d}  {s.lost:4d}  {s.near_miss_rows:14d}")
    return lines


def _missed(examples: Iterable[Example]) -> int:
    missed = 0
    for ex in examples:
        got = {(s.type, _norm(ex.text[s.start:s.end])) for s in ex.rules}
        missed += sum((k, _norm(v)) not in got for k, v in ex.expected)
    return missed


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--cv", action="store_true", help="print the leave-sets-out threshold table instead")
    parser.add_argument("--show", type=float, default=None, help="with --cv: list the spans kept at this threshold")
    args = parser.parse_args(argv)
    # not the training-only sets (train_names.WRITTEN): with them the tagger gained nothing on the fresh blind sets and
    # lost a joined stretch of its own tests ("Apartment 5, Building 17, Street 9"), tenth session
    sets = {name: prepare(cases, name) for name, cases in training_sets(args.root).items() if name not in WRITTEN}
    if args.cv:
        found = cross_validate(sets)
        if args.show is not None:
            print("\n".join(sorted(score(found, args.show, verbose=True).lines, reverse=True)))
        print("\n".join(threshold_table(found, _missed(ex for exs in sets.values() for ex in exs))))
        return
    examples = [ex for exs in sets.values() for ex in exs]
    count = train(examples, args.out)
    labelled = sum(any(y != "O" for y in seq[1]) for ex in examples for seq in ex.seqs)
    print(f"{len(examples)} messages, {count} stretches learned ({labelled} with an address or postal code) -> {args.out}")


if __name__ == "__main__":
    main()
