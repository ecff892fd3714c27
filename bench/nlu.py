"""Benchmark the installed NLU backends on CLINC150 and Banking77.

    python bench/nlu.py [--backend fasttext] [--dataset clinc150] [--limit 500]
                        [--option fasttext.epoch=100] [--repeat 3] [--oos-train]

Prints one JSON object a line per (backend, dataset) on stdout, progress on stderr.

- Backends are the NLU backends registered by the plugins of the ``quaid`` entry-point group;
  bundled NLU plugins that are not installed are imported from ``plugins/nlu/*`` instead, and
  each is built through its own factory with its own config schema, as the core does.
- CLINC150 (``../shared/datasets/clinc150/data_full.json`` next to the project): train on
  ``train`` (in-scope only), pick the out-of-scope threshold on ``val`` + ``oos_val`` by
  maximising plain accuracy over those 3,100 queries (the rule of the paper's
  "oos-threshold" results; ``--threshold-rule balanced`` maximises the mean of in-scope
  accuracy and out-of-scope recall instead), report on ``test`` + ``oos_test``. ``in_scope_accuracy`` counts
  an in-scope query right when its top code is right *and* clears the threshold (as in
  the paper); ``top1_accuracy`` ignores the threshold (as ``quaid eval`` does).
- ``--oos-train`` also trains on CLINC150's ``oos_train`` (100 queries) as one more label,
  ``@out_of_scope`` (the name of the KB's system intent): a query whose top label is it is
  rejected whatever its confidence, and the threshold still applies to the others (the
  paper's "oos-train" setting, with a threshold). Each row says whether it was used.
- Banking77 (``../shared/datasets/banking77/{train,test}.csv``): no out-of-scope queries,
  so in-scope top-1 accuracy only.
- Latency is the wall time of one ``predict(text, "en", k=3)`` call per test query, one
  query at a time, on whatever the machine is also doing (``load_average``: the 1-minute
  load when the test pass started); ``latency_cpu_ms_*`` is the CPU time of the predicting
  thread for the same calls, which waiting for a core does not count: on a shared machine
  the wall-time p99 measures the machine, the CPU-time p99 the code. ``model_bytes`` is the
  size of what ``save`` writes.
- ``--limit N`` evaluates on a fixed random sample of N queries of each split (train is
  never cut), for quick runs: the fuzzy backend scores every training example for every
  query (about 15,000 x 8,600 comparisons on CLINC150, minutes on two cores).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import importlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quaidcore import ComponentContext, DetachedHost, TrainingExample  # noqa: E402
from quaidcore.plugins import PluginError, Plugins, Registration  # noqa: E402

DATASETS = ROOT.parent / "shared" / "datasets"
THRESHOLD_RULES = {
    "accuracy": "max plain accuracy on val+oos_val (the paper's oos-threshold rule)",
    "balanced": "max mean of in-scope accuracy and oos recall on val+oos_val (favours oos)",
}

PUBLISHED: dict[str, dict[str, Any]] = {
    "clinc150": {
        "source": "Larson et al. 2019, results table, full set, oos-threshold",
        "model": "FastText", "in_scope_accuracy": 0.886, "oos_recall": 0.283,
        "best_non_bert": {"model": "MLP on USE embeddings", "in_scope_accuracy": 0.934, "oos_recall": 0.491},
    },
    "banking77": {
        "source": "Casanueva et al. 2020, full training set (no fastText row published)",
        "model": "BERT fine-tuned / USE+ConveRT", "in_scope_accuracy": [0.937, 0.934],
    },
}


OOS_LABEL = "@out_of_scope"


@dataclass
class Dataset:
    name: str
    train: list[tuple[str, str]]
    val: list[tuple[str, str | None]]
    test: list[tuple[str, str | None]]
    has_oos: bool
    oos_train: list[tuple[str, str]] = field(default_factory=list)


def load_clinc(folder: Path) -> Dataset:
    data = json.loads((folder / "data_full.json").read_text(encoding="utf-8"))

    def rows(*keys: str) -> list[tuple[str, str | None]]:
        return [(text, None if intent == "oos" else intent) for key in keys for text, intent in data[key]]

    return Dataset("clinc150", [(t, c) for t, c in rows("train") if c], rows("val", "oos_val"),
                   rows("test", "oos_test"), True, [(t, OOS_LABEL) for t, _ in rows("oos_train")])


def load_banking(folder: Path) -> Dataset:
    def rows(name: str) -> list[tuple[str, str]]:
        with (folder / name).open(encoding="utf-8", newline="") as file:
            return [(row["text"], row["category"]) for row in csv.DictReader(file)]

    return Dataset("banking77", rows("train.csv"), [], rows("test.csv"), False)


LOADERS = {"clinc150": ("clinc150", "data_full.json", load_clinc),
           "banking77": ("banking77", "train.csv", load_banking)}


def discover() -> tuple[Plugins, dict[str, Registration]]:
    """NLU backends of installed plugins, plus bundled ones importable from the source tree."""
    plugins = Plugins()
    loaded = {info.module for info in plugins.discovered}
    extra: dict[str, Any] = {}
    for folder in sorted((ROOT / "plugins" / "nlu").iterdir()):
        module_name = f"quaid_{folder.name}"
        if not (folder / module_name).is_dir() or module_name in loaded or folder.name in plugins.names():
            continue
        sys.path.insert(0, str(folder))
        try:
            extra[folder.name] = importlib.import_module(module_name)
        except ImportError as exc:
            print(f"skipping bundled plugin {folder.name!r}: {exc}", file=sys.stderr)
    for name, module in extra.items():
        plugins.add(name, module)
    return plugins, plugins.components("nlu")


def make_backend(plugins: Plugins, reg: Registration, options: dict[str, Any], data_dir: Path) -> Any:
    schema = plugins.config_schema(reg.plugin)
    config = schema.model_validate(options) if schema is not None else None
    return reg.factory(ComponentContext(name=reg.name, plugin=reg.plugin, config=config,
                                        data_dir=data_dir, host=DetachedHost(data_dir)))


def sample(rows: list[Any], limit: int | None, seed: int = 13) -> list[Any]:
    if not limit or limit >= len(rows):
        return rows
    return random.Random(seed).sample(rows, limit)


def predict_all(backend: Any, rows: Sequence[tuple[str, str | None]], label: str,
                cpu_times: list[float] | None = None) -> tuple[list[str | None], list[float], list[float]]:
    """Top code and confidence of every row, and the wall time of each prediction in ms
    (`cpu_times`, when given, gets the CPU time of the predicting thread)."""
    codes: list[str | None] = []
    confidences: list[float] = []
    times: list[float] = []
    started = time.perf_counter()
    for i, (text, _) in enumerate(rows, 1):
        t0, c0 = time.perf_counter(), time.thread_time()
        predictions = backend.predict(text, "en", k=3)
        times.append((time.perf_counter() - t0) * 1000)
        if cpu_times is not None:
            cpu_times.append((time.thread_time() - c0) * 1000)
        if predictions and predictions[0].code == OOS_LABEL:  # the out-of-scope label: rejected
            codes.append(None)
            confidences.append(float("-inf"))
            continue
        codes.append(predictions[0].code if predictions else None)
        confidences.append(predictions[0].confidence if predictions else 0.0)
        if i % 1000 == 0:
            print(f"  {label}: {i}/{len(rows)} queries, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)
    return codes, confidences, times


def pick_threshold(gold: Sequence[str | None], codes: Sequence[str | None],
                   confidences: Sequence[float], rule: str = "accuracy") -> float:
    """The lowest threshold that maximises, over the validation queries, plain accuracy
    (in-scope right and accepted, out-of-scope rejected) or, with rule ``balanced``, the
    mean of in-scope accuracy and out-of-scope recall."""
    rows = zip(gold, codes, confidences, strict=True)
    correct = sorted(conf for g, c, conf in rows if g is not None and c == g)
    oos = sorted(conf for g, conf in zip(gold, confidences, strict=True) if g is None)
    n_in, n_oos = len(gold) - len(oos), len(oos)
    best, best_score = 0.0, -1.0
    for threshold in [*sorted(set(confidences)), float("inf")]:
        accepted = len(correct) - bisect.bisect_left(correct, threshold)
        rejected = bisect.bisect_left(oos, threshold)
        if rule == "balanced":
            score = (accepted / max(n_in, 1) + rejected / max(n_oos, 1)) / 2
        else:
            score = float(accepted + rejected)
        if score > best_score:
            best, best_score = threshold, score
    return best


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def run_once(plugins: Plugins, reg: Registration, options: dict[str, Any], data: Dataset,
             limit: int | None, rule: str, oos_train: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="quaid-bench-") as tmp:
        backend = make_backend(plugins, reg, options, Path(tmp))
        train = data.train + (data.oos_train if oos_train else [])
        examples = [TrainingExample(text, code, "en") for text, code in train]
        t0 = time.perf_counter()
        backend.train(examples)
        train_s = time.perf_counter() - t0
        print(f"  {reg.name}/{data.name}: trained on {len(examples)} examples in {train_s:.1f} s",
              file=sys.stderr, flush=True)
        backend.save(Path(tmp) / "model")
        model_bytes = sum(f.stat().st_size for f in (Path(tmp) / "model").rglob("*") if f.is_file())

        threshold = None
        if data.has_oos:
            val = sample(data.val, limit)
            val_codes, val_conf, _ = predict_all(backend, val, "val")
            threshold = pick_threshold([g for _, g in val], val_codes, val_conf, rule)
        test = sample(data.test, limit)
        t0, load = time.perf_counter(), os.getloadavg()[0]
        cpu_times: list[float] = []
        codes, confidences, times = predict_all(backend, test, "test", cpu_times)
        eval_s = time.perf_counter() - t0

    gold = [g for _, g in test]
    in_scope = [(g, c, conf) for g, c, conf in zip(gold, codes, confidences, strict=True) if g is not None]
    oos = [conf for g, conf in zip(gold, confidences, strict=True) if g is None]
    top1 = sum(c == g for g, c, _ in in_scope) / len(in_scope)
    accepted = threshold if threshold is not None else float("-inf")
    rejected = [conf < threshold for conf in oos] if data.has_oos and threshold is not None else []
    return {
        "in_scope_accuracy": sum(c == g and conf >= accepted for g, c, conf in in_scope) / len(in_scope),
        "oos_recall": sum(rejected) / len(oos) if data.has_oos and oos else None,
        "top1_accuracy": top1,
        "train_s": train_s,
        "latency_ms_p50": percentile(times, 50),
        "latency_ms_p99": percentile(times, 99),
        "latency_cpu_ms_p50": percentile(cpu_times, 50),
        "latency_cpu_ms_p99": percentile(cpu_times, 99),
        "load_average": load,
        "model_bytes": model_bytes,
        "threshold": threshold,
        "eval_s": eval_s,
        "n_test_in_scope": len(in_scope),
        "n_test_oos": len(oos),
    }


def parse_options(values: Sequence[str]) -> dict[str, dict[str, Any]]:
    options: dict[str, dict[str, Any]] = {}
    for value in values:
        key, sep, raw = value.partition("=")
        backend, dot, name = key.partition(".")
        if not sep or not dot:
            raise SystemExit(f"--option {value!r}: expected BACKEND.KEY=VALUE")
        try:
            parsed = json.loads(raw)
        except json.JSONDecodeError:
            parsed = raw
        options.setdefault(backend, {})[name] = parsed
    return options


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", action="append", help="NLU backend name (repeatable; default all)")
    parser.add_argument("--dataset", action="append", choices=sorted(LOADERS),
                        help="dataset (repeatable; default all)")
    parser.add_argument("--limit", type=int, help="evaluate on a random sample of N queries per split")
    parser.add_argument("--option", action="append", default=[], metavar="BACKEND.KEY=VALUE",
                        help="override a backend's config option (JSON value)")
    parser.add_argument("--threshold-rule", choices=sorted(THRESHOLD_RULES), default="accuracy",
                        help="how the out-of-scope threshold is picked on val (default: as the paper)")
    parser.add_argument("--repeat", type=int, default=1, help="train and evaluate N times, report means")
    parser.add_argument("--oos-train", action="store_true",
                        help=f"also train on CLINC150's oos_train as the label {OOS_LABEL} (rejected when top)")
    parser.add_argument("--datasets-dir", type=Path, default=DATASETS)
    args = parser.parse_args(argv)

    if not args.datasets_dir.is_dir():
        print(f"no datasets folder at {args.datasets_dir}: nothing to benchmark "
              "(see shared/datasets/README.md)", file=sys.stderr)
        return 0
    datasets: list[Dataset] = []
    for name in args.dataset or sorted(LOADERS, reverse=True):
        folder_name, marker, loader = LOADERS[name]
        folder = args.datasets_dir / folder_name
        if not (folder / marker).is_file():
            print(f"dataset {name!r} not found at {folder}: skipped", file=sys.stderr)
            continue
        datasets.append(loader(folder))
    if not datasets:
        print("no dataset available: nothing to benchmark", file=sys.stderr)
        return 0

    try:
        plugins, backends = discover()
    except PluginError as exc:
        print(f"cannot load the plugins: {exc}", file=sys.stderr)
        return 1
    names = args.backend or sorted(backends)
    unknown = [name for name in names if name not in backends]
    if unknown:
        print(f"unknown NLU backend(s) {unknown}; available: {sorted(backends)}", file=sys.stderr)
        return 2
    options = parse_options(args.option)

    for name in names:
        for data in datasets:
            runs = [run_once(plugins, backends[name], options.get(name, {}), data, args.limit,
                             args.threshold_rule, args.oos_train)
                    for _ in range(max(1, args.repeat))]
            result: dict[str, Any] = {"dataset": data.name, "backend": name}
            for key in runs[0]:
                values = [run[key] for run in runs]
                if all(isinstance(v, (int, float)) for v in values):
                    mean = statistics.fmean(values)
                    result[key] = round(mean) if isinstance(values[0], int) else round(mean, 4)
                else:
                    result[key] = values[0]
            if len(runs) > 1:
                result["runs"] = [{k: round(run[k], 4) for k in ("in_scope_accuracy", "top1_accuracy")}
                                  | {"oos_recall": run["oos_recall"] and round(run["oos_recall"], 4)}
                                  for run in runs]
            result["threshold_rule"] = THRESHOLD_RULES[args.threshold_rule] if data.has_oos else None
            result["limit"] = args.limit
            result["oos_train"] = bool(args.oos_train and data.oos_train)
            result["options"] = options.get(name, {})
            result["published"] = PUBLISHED[data.name]
            print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
