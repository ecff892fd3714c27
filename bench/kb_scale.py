"""How an NLU backend scales to a real agency's knowledge base: 1,000 codes x 20 examples x 2
languages, against the demo KB measured in the same run.

    python bench/kb_scale.py [--backend fasttext] [--backend embed] [--codes 1000]
                             [--examples 20] [--queries 1000]

Prints one JSON object a line per (backend, KB) on stdout, progress on stderr: ``train_s``
(wall time of ``train``; ``train_cpu_s`` its CPU time, which a busy machine does not inflate),
``model_bytes`` (what ``save`` writes), ``rss_train_mb`` (peak
resident memory of the process that trained), ``rss_serving_mb`` (resident memory of a fresh
process once it has loaded the saved model and answered the queries; ``rss_python_mb`` is the
same process before it built the backend: Python, numpy and the backend's module),
``latency_ms_p50`` / ``latency_ms_p99`` (one ``predict(text, lang, k=3)`` at a time; the
``latency_cpu_ms_*`` twins count the predicting thread's CPU time only), and
``top1_accuracy`` on the held-out queries (a sanity check that the model learnt something,
not a figure of merit: the generated codes are harder to tell apart than real ones). Each
(backend, KB) trains in one subprocess and serves in another, so that memory is not shared.

How the generated KB is built (deterministic, seed 13), from public data sets in
``../shared/datasets``:

- Intents: CLINC150's 150 intents (train + val + test utterances, 150 per intent) and
  Banking77's 77 categories: 227 ways clients ask for something, in their own words.
- Codes: each intent crossed with a programme slot (work permit, study permit, visitor visa,
  PR card, citizenship, passport, sponsorship, eTA; English and French names): 227 x 8 =
  1,816 (intent, programme) pairs, shuffled, the first ``--codes`` of them kept. A real KB's
  codes are like that: the same kind of question (a fee, a delay, a lost card...) about
  different programmes.
- Examples: ``--examples`` English examples per code, each a different utterance of the
  intent (drawn without replacement from its training utterances, with replacement when an
  intent has too few) put in one of eight sentence frames with the programme's name ("{u}
  for my {p}", "{p}: {u}", "question about my {p}, {u}"...); and as many French examples:
  the utterance word by word through an English-French glossary of 200 frequent words
  (unknown words are kept, as in clients' franglais), in one of eight French frames with the
  programme's French name. The French is rough, but it has what matters here: a second
  vocabulary as large as a real one, so that the model's size and speed are those of a
  bilingual KB.
- Queries: held-out utterances (CLINC150's test split, Banking77's test.csv) in the same
  frames, half English half French, one per code in turn.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DATASETS = ROOT.parent / "shared" / "datasets"
SEED = 13

PROGRAMMES = [
    ("work permit", "permis de travail"), ("study permit", "permis d'études"),
    ("visitor visa", "visa de visiteur"), ("PR card", "carte de résident permanent"),
    ("citizenship application", "demande de citoyenneté"), ("passport", "passeport"),
    ("sponsorship", "parrainage"), ("eTA", "AVE"),
]
FRAMES_EN = [
    "{u} for my {p}", "{p}: {u}", "question about my {p}, {u}", "{u} ({p})",
    "hi, {u}, it's for the {p}", "{u} - {p}", "about the {p}. {u}", "{u} regarding my {p}",
]
FRAMES_FR = [
    "{u} pour mon {p}", "{p} : {u}", "question sur mon {p}, {u}", "{u} ({p})",
    "bonjour, {u}, c'est pour le {p}", "{u} - {p}", "concernant le {p}. {u}", "{u} au sujet de mon {p}",
]
_GLOSSARY = """
a un|an un|the le|my mon|your votre|i je|you vous|me moi|we nous|is est|are sont|was etait|be etre
can peux|could pourrais|would voudrais|will vais|do fais|does fait|did fait|have ai|has a|had avais
what quoi|how comment|when quand|where ou|why pourquoi|which quel|who qui|much combien|many combien
to a|for pour|of de|in dans|on sur|at a|from de|with avec|and et|or ou|not pas|no non|yes oui
please svp|thanks merci|thank merci|hello bonjour|hi salut|help aide|need besoin|want veux|like aime
get obtenir|got recu|make faire|take prendre|give donner|send envoyer|sent envoye|pay payer|paid paye
card carte|money argent|account compte|bank banque|transfer virement|payment paiement|fee frais
fees frais|charge frais|cash especes|balance solde|refund remboursement|credit credit|limit limite
time temps|long longtemps|day jour|days jours|week semaine|month mois|year an|today aujourd'hui
new nouveau|old ancien|lost perdu|stolen vole|wrong mauvais|right bon|still encore|yet encore
why pourquoi|there la|this ce|that que|it il|here ici|now maintenant|again encore|just juste
know savoir|tell dire|say dire|find trouver|check verifier|change changer|cancel annuler
order commande|book reserver|flight vol|travel voyage|trip voyage|car voiture|home maison
work travail|job emploi|email courriel|phone telephone|number numero|address adresse|name nom
language langue|translate traduire|weather meteo|food nourriture|restaurant restaurant
set regler|reset reinitialiser|pin nip|password mot-de-passe|app application|online en-ligne
should devrais|must dois|our notre|their leur|his son|her sa|its son
been ete|being etant|going allant|look regarder|see voir|show montrer|let laisser|use utiliser
arrive arriver|arrived arrive|received recu|receive recevoir|declined refuse|pending attente
top recharger|up haut|out dehors|off eteint|down bas|about sur|more plus|less moins|some des
exchange change|rate taux|currency devise|country pays|abroad etranger|foreign etranger
"""
GLOSSARY = dict(pair.split(" ", 1) for pair in _GLOSSARY.replace("\n", "|").split("|") if pair.strip())


def french(utterance: str) -> str:
    """The utterance word by word through the glossary (unknown words kept)."""
    return " ".join(GLOSSARY.get(w.lower().strip("?!.,"), w) for w in utterance.split())


def intents() -> dict[str, tuple[list[str], list[str]]]:
    """name -> (training utterances, held-out utterances), CLINC150 then Banking77."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    clinc = json.loads((DATASETS / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    for split, held in (("train", False), ("val", False), ("test", True)):
        for text, intent in clinc[split]:
            out.setdefault(f"clinc:{intent}", ([], []))[held].append(text)
    for name, held in (("train.csv", False), ("test.csv", True)):
        with (DATASETS / "banking77" / name).open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                out.setdefault(f"banking:{row['category']}", ([], []))[held].append(row["text"])
    return out


def generated_kb(codes: int, per_code: int, queries: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(training examples, held-out queries) of the generated KB, as dicts text/code/lang."""
    rng = random.Random(SEED)
    sources = intents()
    pairs = [(name, p) for name in sorted(sources) for p in range(len(PROGRAMMES))]
    rng.shuffle(pairs)
    if codes > len(pairs):
        raise SystemExit(f"--codes {codes}: at most {len(pairs)} (intents x programmes)")
    pairs = pairs[:codes]
    pools = {name: rng.sample(train, len(train)) for name, (train, _) in sources.items()}
    examples: list[dict[str, str]] = []
    for index, (name, programme) in enumerate(pairs):
        code, (p_en, p_fr) = f"{index:06d}", PROGRAMMES[programme]
        pool = pools[name]
        for _ in range(per_code):
            u_en = pool.pop() if pool else rng.choice(sources[name][0])
            u_fr = pool.pop() if pool else rng.choice(sources[name][0])
            examples.append({"text": rng.choice(FRAMES_EN).format(u=u_en, p=p_en), "code": code, "lang": "en"})
            examples.append({"text": rng.choice(FRAMES_FR).format(u=french(u_fr), p=p_fr), "code": code,
                             "lang": "fr"})
    held: list[dict[str, str]] = []
    for i in range(queries):
        index = i % len(pairs)
        name, programme = pairs[index]
        utterance = rng.choice(sources[name][1] or sources[name][0])
        if i % 2:
            text = rng.choice(FRAMES_FR).format(u=french(utterance), p=PROGRAMMES[programme][1])
        else:
            text = rng.choice(FRAMES_EN).format(u=utterance, p=PROGRAMMES[programme][0])
        held.append({"text": text, "code": f"{index:06d}", "lang": "fr" if i % 2 else "en"})
    return examples, held


def demo_kb(queries: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The demo KB's training examples; its held-out test files' in-scope lines as queries."""
    from quaidcore.kb import KnowledgeBase

    kb = KnowledgeBase.load(ROOT / "config" / "kb")
    examples = [{"text": e.text, "code": e.code, "lang": e.lang} for e in kb.training_examples()]
    held = []
    for name in ("demo-test.jsonl", "demo-test2.jsonl", "understanding-test.jsonl"):
        for line in (ROOT / "config" / "eval" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if row and row.get("code"):
                held.append({"text": row["text"], "code": row["code"], "lang": row.get("lang", "en")})
    return examples, (held * (queries // max(len(held), 1) + 1))[:queries]


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 3)


def backend_for(name: str, data_dir: Path) -> Any:
    from nlu import discover, make_backend

    plugins, registrations = discover()
    if name not in registrations:
        raise SystemExit(f"no NLU backend {name!r} (installed: {', '.join(sorted(registrations))})")
    return make_backend(plugins, registrations[name], {}, data_dir)


def worker_train(backend_name: str, data: Path, model: Path) -> dict[str, Any]:
    from quaidcore import TrainingExample

    rows = json.loads(data.read_text(encoding="utf-8"))["examples"]
    backend = backend_for(backend_name, model.parent)
    examples = [TrainingExample(r["text"], r["code"], r["lang"]) for r in rows]
    started, cpu = time.perf_counter(), time.process_time()
    backend.train(examples)
    train_s, train_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    backend.save(model)
    size = sum(f.stat().st_size for f in model.rglob("*") if f.is_file())
    return {"train_s": round(train_s, 2), "train_cpu_s": round(train_cpu_s, 2), "model_bytes": size,
            "rss_train_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def worker_serve(backend_name: str, data: Path, model: Path) -> dict[str, Any]:
    queries = json.loads(data.read_text(encoding="utf-8"))["queries"]
    before = rss_mb()
    backend = backend_for(backend_name, model.parent)
    if not backend.load(model):
        raise SystemExit(f"{backend_name}: could not load {model}")
    backend.predict("warm up", "en", k=3)
    times, cpu_times, right = [], [], 0
    for query in queries:
        started, cpu = time.perf_counter(), time.thread_time()
        predictions = backend.predict(query["text"], query["lang"], k=3)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.thread_time() - cpu) * 1000)
        right += bool(predictions) and predictions[0].code == query["code"]
    return {"rss_python_mb": before, "rss_serving_mb": rss_mb(),
            "latency_ms_p50": percentile(times, 0.5), "latency_ms_p99": percentile(times, 0.99),
            "latency_cpu_ms_p50": percentile(cpu_times, 0.5), "latency_cpu_ms_p99": percentile(cpu_times, 0.99),
            "load_average": round(os.getloadavg()[0], 2),
            "top1_accuracy": round(right / len(queries), 4), "n_queries": len(queries)}


def run_worker(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--worker", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode:
        raise SystemExit(f"worker {args[:2]} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", action="append", help="NLU backend (repeatable; default fasttext)")
    parser.add_argument("--codes", type=int, default=1000)
    parser.add_argument("--examples", type=int, default=20, help="examples per code and language")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--worker", nargs=4, metavar=("MODE", "BACKEND", "DATA", "MODEL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        mode, backend, data, model = args.worker
        work = worker_train if mode == "train" else worker_serve
        print(json.dumps(work(backend, Path(data), Path(model))))
        return 0
    kbs = {"demo": demo_kb(args.queries), "generated": generated_kb(args.codes, args.examples, args.queries)}
    with tempfile.TemporaryDirectory(prefix="quaid-kb-scale-") as tmp:
        for kb_name, (examples, queries) in kbs.items():
            data = Path(tmp) / f"{kb_name}.json"
            data.write_text(json.dumps({"examples": examples, "queries": queries}), encoding="utf-8")
            n_codes = len({e["code"] for e in examples})
            for backend in args.backend or ["fasttext"]:
                print(f"{backend}/{kb_name}: training on {len(examples)} examples, {n_codes} labels",
                      file=sys.stderr, flush=True)
                model = Path(tmp) / f"{backend}-{kb_name}" / "model"
                model.parent.mkdir()
                row: dict[str, Any] = {"kb": kb_name, "backend": backend, "codes": n_codes,
                                       "examples": len(examples)}
                row.update(run_worker("train", backend, str(data), str(model)))
                row.update(run_worker("serve", backend, str(data), str(model)))
                print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
