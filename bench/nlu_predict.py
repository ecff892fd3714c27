"""The fastText backend's predict against an earlier version of it: same answers, CPU per call.

    python bench/nlu_predict.py MODEL_DIR [--baseline REV] [--calls 5000] [--rounds 5]

MODEL_DIR is a brain's folder trained with the default options (``quaid train`` writes
``fasttext-<hash>`` under the models folder, ``QUAID_MODELS_DIR``). The baseline is the
plugin's ``__init__.py`` at git revision REV, imported as a separate module; both load the
same model.

1. Answers: every text of ``config/eval/*.jsonl`` but the blind files (``BLIND``, and ``--skip``)
   and every example of ``config/kb/*.yaml`` (both languages) is predicted by both, with k = 1, 3 and 10: the codes must be the same
   in the same order and the confidences (rounded to 4 decimals by predict) equal.
   ``differences`` counts the calls that are not; the script exits with status 1 if any.
2. CPU: ``--rounds`` rounds, each timing ``--calls`` calls of predict(k=3) of the baseline
   and of the current version on the same texts, alternating every 250 calls
   (time.process_time, so the other processes of a shared machine are not counted); the
   figure is the median round, in microseconds per call.
   ``_nearest`` is timed the same way on the (candidates, vector) pairs predict passes it,
   and reported with its share of the same version's predict.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quaidcore.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
# evaluation files held out blind: never opened here (a session that is told to read one passes --skip "")
BLIND = ("understanding-test39.jsonl", "understanding-test40.jsonl")
PLUGIN = "plugins/nlu/fasttext/quaid_fasttext/__init__.py"
try:  # installed (or another version first on PYTHONPATH)
    import quaid_fasttext as current
except ImportError:
    sys.path.insert(0, str(ROOT / "plugins" / "nlu" / "fasttext"))
    import quaid_fasttext as current


def baseline_module(revision: str):
    source = subprocess.run(["git", "show", f"{revision}:{PLUGIN}"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    folder = Path(tempfile.mkdtemp(prefix="quaid-nlu-predict-"))
    path = folder / "quaid_fasttext_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("quaid_fasttext_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def texts(skip: tuple[str, ...] = BLIND) -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "config" / "eval").glob("*.jsonl")):
        if path.name in skip:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["text"], row.get("lang") or "en"))
    kb = KnowledgeBase.load(ROOT / "config" / "kb")
    out += [(example.text, example.lang) for example in kb.training_examples(bot_only=False)]
    return out


def interleaved(first, second, inputs: list, calls: int, chunk: int = 250) -> tuple[float, float]:
    """CPU microseconds per call of `first` and of `second` over the same `calls` inputs,
    alternating every `chunk` calls (so a change in the machine's load hits both alike)."""
    spent = [0.0, 0.0]
    for begin in range(0, calls, chunk):
        batch = [inputs[i % len(inputs)] for i in range(begin, min(begin + chunk, calls))]
        for which, function in enumerate((first, second)):
            started = time.process_time()
            for arguments in batch:
                function(*arguments)
            spent[which] += time.process_time() - started
    return 1e6 * spent[0] / calls, 1e6 * spent[1] / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--baseline", default="706d146", help="git revision of the plugin to compare with")
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip", default=",".join(BLIND),
                        help="comma-separated evaluation files not read (default: the blind ones)")
    args = parser.parse_args()
    old_module = baseline_module(args.baseline)
    old = old_module.FastTextBackend(old_module.FastTextConfig())
    new = current.FastTextBackend(current.FastTextConfig())
    if not (old.load(args.model) and new.load(args.model)):
        raise SystemExit(f"{args.model}: not a fastText brain trained with the default options")

    lines = texts(tuple(name for name in args.skip.split(",") if name))
    differences, examples = 0, []
    for text, lang in lines:
        for k in (1, 3, 10):
            a = [(p.code, p.confidence) for p in old.predict(text, lang, k=k)]
            b = [(p.code, p.confidence) for p in new.predict(text, lang, k=k)]
            if a != b:
                differences += 1
                if len(examples) < 5:
                    examples.append({"text": text, "k": k, "baseline": a, "current": b})

    # _nearest's inputs as predict builds them (same model, same candidates for both).
    state = new.state
    nearest_inputs = []
    for text, _ in lines[: args.calls]:
        query = new._clean(text)
        if query:
            ranked = state.model.f.predict(query + "\n", min(len(state.codes), new.config.candidates), 0.0, "strict")
            indexes = [state.labels[label] for _, label in ranked]
            vector = current._sentence_vector(state.model, query).copy()
            nearest_inputs.append((indexes, vector))
    old_state = old.state

    timings: dict[str, list[float]] = {"baseline": [], "current": [], "nearest_baseline": [], "nearest_current": []}
    predict_inputs = [(text, lang, 3) for text, lang in lines]
    for _ in range(args.rounds):
        before, after = interleaved(old.predict, new.predict, predict_inputs, args.calls)
        timings["baseline"].append(before)
        timings["current"].append(after)
        before, after = interleaved(lambda indexes, vector: old._nearest(old_state, indexes, vector),
                                    lambda indexes, vector: new._nearest(state, indexes, vector),
                                    nearest_inputs, args.calls)
        timings["nearest_baseline"].append(before)
        timings["nearest_current"].append(after)
    median = {name: round(statistics.median(values), 1) for name, values in timings.items()}
    with open("/proc/loadavg", encoding="ascii") as load:
        out = {
            "baseline": args.baseline, "texts": len(lines), "calls_compared": 3 * len(lines),
            "differences": differences, "difference_examples": examples,
            "codes": len(state.codes), "example_rows": len(state.vectors),
            "us_per_predict": {"baseline": median["baseline"], "current": median["current"]},
            "us_per_nearest": {"baseline": median["nearest_baseline"], "current": median["nearest_current"]},
            "nearest_share": {
                "baseline": round(median["nearest_baseline"] / median["baseline"], 3),
                "current": round(median["nearest_current"] / median["current"], 3),
            },
            "rounds": {name: [round(v, 1) for v in values] for name, values in timings.items()},
            "load_average": load.read().split()[:3],
        }
    print(json.dumps(out))
    if differences:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
