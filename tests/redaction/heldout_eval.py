"""Held-out measurement of the ``patterns`` redactor on ``heldout.jsonl``.

A expected span is *found* when a masked span of the same type covers its value exactly, or
with only surrounding punctuation/space difference. A masked span is a *false positive* when it
matches no expected value of its type. Run ``python tests/redaction/heldout_eval.py [-v] [path.jsonl]``.
"""

from __future__ import annotations

import json
import string
import sys
from collections import Counter
from pathlib import Path

from quaid_patterns import PatternRedactor, PatternsConfig

from quaidcore.redaction import RedactionChain

HELDOUT = Path(__file__).with_name("heldout.jsonl")
_TRIM = string.punctuation + string.whitespace + "«»’"


def _norm(s: str) -> str:
    return s.strip(_TRIM)


def load(path: Path = HELDOUT) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(rows: list[dict], verbose: bool = False) -> dict:
    chain = RedactionChain([PatternRedactor(PatternsConfig())])
    tp, fn, fp, tpp = Counter(), Counter(), Counter(), Counter()
    for row in rows:
        text = row["text"]
        spans = chain.redact(text).spans
        got = [(s.type, _norm(text[s.start:s.end])) for s in spans]
        want = [(e["type"], _norm(e["value"])) for e in row["spans"]]
        for w in want:
            if w in got:
                tp[w[0]] += 1
            else:
                fn[w[0]] += 1
                if verbose:
                    print(f"MISS {w[0]:<18} {w[1]!r:<32} in {text!r} -> {got}")
        for g in got:
            if g in want:
                tpp[g[0]] += 1
            else:
                fp[g[0]] += 1
                if verbose:
                    print(f"FP   {g[0]:<18} {g[1]!r:<32} in {text!r}")
    types = sorted(set(tp) | set(fn) | set(fp))
    per = {}
    for t in types:
        rec = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 1.0
        pre = tpp[t] / (tpp[t] + fp[t]) if tpp[t] + fp[t] else 1.0
        per[t] = {"tp": tp[t], "fn": fn[t], "fp": fp[t], "recall": rec, "precision": pre}
    T, F, P, TP = sum(tp.values()), sum(fn.values()), sum(fp.values()), sum(tpp.values())
    return {"types": per, "recall": T / (T + F), "precision": TP / (TP + P) if TP + P else 1.0}


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    paths = [a for a in argv if not a.startswith("-")]
    res = evaluate(load(Path(paths[0]) if paths else HELDOUT), verbose="-v" in argv)
    print(f"{'type':<20}{'tp':>4}{'fn':>4}{'fp':>4}{'recall':>8}{'prec':>8}")
    for t, r in res["types"].items():
        print(f"{t:<20}{r['tp']:>4}{r['fn']:>4}{r['fp']:>4}{r['recall']:>8.2f}{r['precision']:>8.2f}")
    print(f"overall recall {res['recall']:.3f} precision {res['precision']:.3f}")


if __name__ == "__main__":
    main()
