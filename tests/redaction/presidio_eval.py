"""The ``patterns`` redactor on the test cases of Microsoft Presidio's own recognizers
(``presidio_cases.jsonl``: a public suite that nobody here wrote).

An expected span is *found* when a masked span of the same type covers it; *covered* when a
masked span of any type does (what matters for privacy). A negative is *altered* when the
chain masks anything in it. Negatives come in three scopes (see the file's header): ``any``
(nothing personal at all), ``recognizer`` (nothing of that Presidio recognizer's format, but
personal here, e.g. a North American number in the Turkish tests) and ``convention``.

Run ``python tests/redaction/presidio_eval.py [-v] [--json]``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from quaid_patterns import PatternRedactor, PatternsConfig

from quaidcore.redaction import RedactionChain

CASES = Path(__file__).with_name("presidio_cases.jsonl")


def load(path: Path = CASES) -> list[dict]:
    """The rows of the suite (lines starting with "#" are its header)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip() and not line.startswith("#")]


def group(row: dict, span: dict) -> str:
    """The line of the report a span counts in: its type, and for passports with or without
    a context word ("PASSPORT (context)", "PASSPORT (bare)"); phones by source country."""
    kind = span["type"]
    source = row["source"].rsplit("/", 1)[-1]
    if kind == "PASSPORT":
        return f"PASSPORT ({'context' if row.get('context') else 'bare'})"
    if kind == "PHONE":
        if "_ph_" in source:
            return "PHONE (PH)"
        if "_tr_" in source:
            return "PHONE (TR)"
        return "PHONE (generic)"
    return kind


def evaluate(rows: list[dict], verbose: bool = False) -> dict:
    chain = RedactionChain([PatternRedactor(PatternsConfig())])
    found: Counter[str] = Counter()
    covered: Counter[str] = Counter()
    total: Counter[str] = Counter()
    negatives: Counter[str] = Counter()
    altered: Counter[str] = Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        text = row["text"]
        spans = chain.redact(text).spans
        if row["kind"] == "negative":
            negatives[row["scope"]] += 1
            if spans:
                altered[row["scope"]] += 1
                if verbose:
                    got = [(s.type, text[s.start:s.end]) for s in spans]
                    print(f"ALTERED [{row['scope']}] {text!r} -> {got}")
            continue
        for want in row["spans"]:
            key = group(row, want)
            total[key] += 1
            inside = [s for s in spans if s.start <= want["start"] and want["end"] <= s.end]
            if any(s.type == want["type"] for s in inside):
                found[key] += 1
            else:
                misses[key].append(text)
                if verbose:
                    got = [(s.type, text[s.start:s.end]) for s in spans]
                    print(f"MISS {key:<18} {want['value']!r:<24} in {text!r} -> {got}")
            if inside:
                covered[key] += 1
    types = {
        key: {"spans": total[key], "found": found[key], "covered": covered[key],
              "recall": found[key] / total[key]}
        for key in sorted(total)
    }
    spans_total = sum(total.values())
    return {
        "types": types,
        "spans": spans_total,
        "recall": sum(found.values()) / spans_total,
        "covered": sum(covered.values()) / spans_total,
        "negatives": {
            scope: {"rows": negatives[scope], "altered": altered[scope]} for scope in sorted(negatives)
        },
        "misses": dict(misses),
    }


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    result = evaluate(load(), verbose="-v" in argv)
    if "--json" in argv:
        print(json.dumps({k: v for k, v in result.items() if k != "misses"}, indent=2))
        return
    print(f"{'group':<20}{'spans':>6}{'found':>7}{'recall':>8}{'covered':>9}")
    for key, r in result["types"].items():
        print(f"{key:<20}{r['spans']:>6}{r['found']:>7}{r['recall']:>8.2f}{r['covered']:>9}")
    print(f"all: {result['spans']} spans, recall {result['recall']:.3f}, covered by any mask {result['covered']:.3f}")
    for scope, r in result["negatives"].items():
        print(f"negatives ({scope}): {r['altered']} of {r['rows']} altered")


if __name__ == "__main__":
    main()
