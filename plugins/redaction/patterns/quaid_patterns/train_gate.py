"""Writes the gate's safe words (:mod:`quaid_patterns.gate`, ``data/gate_words.txt``).

    python -m quaid_patterns.train_gate [--out quaid_patterns/data/gate_words.txt]

Run it after a name rule changes or the name tagger is retrained (one minute): each candidate
word of :func:`quaid_patterns.gate.candidates` is put into every cue of
:data:`quaid_patterns.gate.PROBES` and the whole redactor is run (see the gate's docstring).
Apart from the gate so that the gate, which the redactor imports, does not import the redactor.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from .gate import PROBES, WORDS, candidates, cues
from .redactor import PatternRedactor

Probed = tuple[str, bool, tuple[int, ...]]


def probe(words: list[str]) -> list[Probed]:
    """Each word of `words` that no probe without a cue masks, with whether it may open a
    message capitalised (no probe that it opens masks it then) and the probes that mask it."""
    redactor = PatternRedactor()
    redactor.gate = False  # the whole redactor, every time
    find = redactor.find
    bare = [i for i, cue in enumerate(cues()) if not cue]
    kept: list[Probed] = []
    for word in words:
        masked = tuple(i for i, p in enumerate(PROBES) if find(p.replace("{}", word)))
        if any(i in bare for i in masked):
            continue
        capital = word[:1].upper() + word[1:]
        opens = not any(find(capital + p[2:].replace("{}", word)) for p in PROBES if p.startswith("{}"))
        kept.append((word, opens, masked))
    return kept


def lines(kept: list[Probed]) -> str:
    """The text of ``data/gate_words.txt``: a word a line, "+" after one that may open a message
    capitalised, then the probes that mask it."""
    return "".join(" ".join([word, *(["+"] if opens else []), *map(str, masked)]) + "\n"
                   for word, opens, masked in kept)


def write(path: Path = WORDS) -> int:
    """Probe every candidate word and write those kept to `path`; how many were kept."""
    kept = probe(candidates())
    path.write_text(lines(kept), encoding="utf-8")
    return len(kept)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=WORDS)
    args = parser.parse_args(argv)
    print(f"{write(args.out)} safe words -> {args.out}")


if __name__ == "__main__":
    main()
