"""Language detection: accuracy, CPU per call and memory of the ``lingua`` detector's modes.

    python bench/language.py [--variant low+words] [--repeat 3]

On every labelled line of ``config/eval/*.jsonl`` (each carries ``"lang"``), the detector
is asked in three situations: a new conversation (the default is the config's default
language, ``en``), a conversation settled in the line's language (the default is the right
answer: what matters is that a clear text in the other language is not missed and nothing
settled is thrown off), and a client switching language (the default is the other
language: every line must be detected on its own). Accuracy is given per language and
over all lines; lines whose label no detector could know (gibberish, "ok") count as they
are labelled.

Variants: lingua's ``high`` or ``low`` accuracy mode, with or without the function words
(``+words``). Each variant is measured in its own process so that its memory (resident
memory added by building the detector, language models preloaded) is its own. CPU per
call is the process time of ``_detect`` (the short-text cache bypassed) over every line,
the best of ``--repeat`` passes; ``by_words`` is the share of lines the function words
decided without lingua. Prints one JSON object a line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("high", "low", "low+words", "high+words")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))


def lines() -> list[dict[str, Any]]:
    found = []
    for path in sorted((ROOT / "config" / "eval").glob("*.jsonl")):
        with path.open(encoding="utf-8") as source:
            found += [row for row in map(json.loads, filter(str.strip, source)) if row.get("lang")]
    return found


def measure(variant: str, repeat: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "plugins" / "nlu" / "lingua"))
    from quaid_lingua import LinguaConfig, LinguaDetector

    accuracy, _, words = variant.partition("+")
    options: dict[str, Any] = {"accuracy": accuracy}
    if not words:
        options["function_words"] = {}
    before = rss_mb()
    started = time.perf_counter()
    detector = LinguaDetector(LinguaConfig(**options))
    built = time.perf_counter() - started
    grown = rss_mb() - before
    rows = lines()
    other = {"en": "fr", "fr": "en"}
    situations = {"new_conversation": lambda row: "en", "settled": lambda row: row["lang"],
                  "switching": lambda row: other[row["lang"]]}
    out: dict[str, Any] = {"variant": variant, "lines": len(rows), "rss_mb": round(grown, 1),
                           "build_s": round(built, 2)}
    for name, default in situations.items():
        right: dict[str, list[int]] = {}
        for row in rows:
            got = detector._detect(row["text"], default(row))
            right.setdefault(row["lang"], []).append(got == row["lang"])
        out[name] = {lang: round(sum(hits) / len(hits), 4) for lang, hits in sorted(right.items())}
        out[name]["all"] = round(sum(sum(h) for h in right.values()) / len(rows), 4)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for row in rows:
            detector._detect(row["text"], "en")
        best = min(best, time.process_time() - started)
    out["us_per_call"] = round(1e6 * best / len(rows), 1)
    out["by_words"] = round(sum(detector._by_words(row["text"], "en") is not None for row in rows)
                            / len(rows), 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", choices=VARIANTS, action="append",
                        help="measure only these (default: all, each in its own process)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child process measuring one variant
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.repeat)), flush=True)
        return
    with open("/proc/loadavg", encoding="ascii") as load:
        print(json.dumps({"load_average": load.read().split()[:3]}), flush=True)
    for variant in args.variant or VARIANTS:
        subprocess.run([sys.executable, __file__, "--one", variant, "--repeat", str(args.repeat)], check=True)


if __name__ == "__main__":
    main()
