"""CPU per call of the fastText backend's predict on the labelled evaluation lines.

    python bench/predict.py MODEL_DIR [--repeat 5] [--save FILE] [--compare FILE]

MODEL_DIR is a trained brain's folder (``quaid train`` writes them under the models folder,
``QUAID_MODELS_DIR``: ``fasttext-<hash>``). Every line of ``config/eval/*.jsonl`` is predicted
(k=3), one at a time; the figure is the best of ``--repeat`` passes of process time divided by
the lines (the machine is shared: the best pass is the least disturbed). ``--save`` writes the
predictions, ``--compare`` checks them against a saved file (an optimisation must not change
them). To time another version of the plugin, put its folder first on ``PYTHONPATH``.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:  # installed (or another version first on PYTHONPATH, to compare)
    from quaid_fasttext import FastTextBackend, FastTextConfig
except ImportError:
    sys.path.insert(0, str(ROOT / "plugins" / "nlu" / "fasttext"))
    from quaid_fasttext import FastTextBackend, FastTextConfig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    backend = FastTextBackend(FastTextConfig())
    if not backend.load(args.model):
        raise SystemExit(f"{args.model}: not a fastText brain trained with the default options")
    texts = [json.loads(line)["text"] for path in sorted((ROOT / "config" / "eval").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    answers = [[(p.code, p.confidence) for p in backend.predict(text, "en", k=3)] for text in texts]
    best = float("inf")
    for _ in range(args.repeat):
        started = time.process_time()
        for text in texts:
            backend.predict(text, "en", k=3)
        best = min(best, time.process_time() - started)
    with open("/proc/loadavg", encoding="ascii") as load:
        out = {"lines": len(texts), "codes": len(backend.codes), "example_rows": len(backend.state.vectors),
               "us_per_call": round(1e6 * best / len(texts), 1), "load_average": load.read().split()[:3]}
    if args.save:
        args.save.write_text(json.dumps(answers))
    if args.compare:
        saved = [[tuple(p) for p in row] for row in json.loads(args.compare.read_text())]
        out["same_predictions"] = sum(a == b for a, b in zip(answers, saved, strict=True)) / len(texts)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
