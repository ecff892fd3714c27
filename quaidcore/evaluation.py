"""``quaid eval`` and ``quaid calibrate``: the bot measured on labelled client messages.

Each message runs through the real pipeline (redaction, language detection, NLU, dialogue
policy, fallback search) as the first message of a fresh conversation, with nothing stored.
The metrics and their keys are those of ``specs/evaluation.md``.

A labelled line may carry a ``kind`` (any other key is ignored, as the spec says):
``in_scope`` (the default when ``code`` is set), ``own_file`` (about the client's own
application: status, delays, documents received, a refusal, a change to a submitted file, a
client ID or application number), ``off_topic`` (nothing to do with the agency: cooking,
weather, jokes...), ``other_service`` (another department's or government's service: taxes,
employment insurance, health cards, a US visa...), ``no_solution`` (immigration, but no
solution of the KB answers it: the site search is the bot's best) and ``gibberish``.
Unlabelled out-of-scope lines are ``out_of_scope``. :func:`by_groups` gives the metrics
per language and kind; :func:`errors` lists the confident wrong answers and the unsure
right ones. ``quaid eval FILE --by lang,kind --errors`` prints both (or
``python -m quaidcore.eval_cli``).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .dialogue import (
    ClientMessage,
    Emit,
    Handoff,
    Say,
    Search,
    SearchDone,
    Start,
    State,
    Thresholds,
    decide,
    has_file_identifier,
)
from .messages import Prediction


class Pipeline(Protocol):
    """What :func:`run` needs of a Quaid: its brains, redaction, language detection and the
    fallback search (a running Quaid, or the same with other brains pinned for a retrain)."""

    core: Any

    def brain_for(self, channel: str) -> Any: ...

    def redact(self, text: str) -> Any: ...

    def detect_language(self, text: str, fallback: str) -> str: ...

    async def search_site(self, query: str, lang: str) -> list[Any]: ...

METRIC_KEYS = ["n", "n_in_scope", "n_out_of_scope", "answered", "precision", "containment",
               "clarified", "oos_recall", "in_scope_accuracy", "escalation",
               "latency_ms_p50", "latency_ms_p99"]


@dataclass(frozen=True)
class Sample:
    """One labelled client message; `code` None means out of scope."""

    text: str
    code: str | None
    lang: str | None = None
    kind: str | None = None

    @property
    def label(self) -> str:
        """The message's kind: the labelled one, else ``in_scope`` / ``out_of_scope``."""
        return self.kind or ("in_scope" if self.code is not None else "out_of_scope")


@dataclass(frozen=True)
class Outcome:
    """What the pipeline did with one sample on its first turn."""

    sample: Sample
    lang: str
    predictions: tuple[Prediction, ...]
    step: str  # answer | clarify | fallback | handoff | other
    answered: str | None
    offered: tuple[str, ...]
    latency_ms: float
    events: tuple[str, ...] = ()  # the analytics events of the turn (``handoff:own_file``...)
    redacted: str = ""  # the text the NLU and the policy saw


def read_samples(path: str | Path, split: str = "test") -> list[Sample]:
    """A JSON Lines file of ``{"text", "code", "lang"?}``, or CLINC150's ``data_full.json``.

    For CLINC150, `split` ``test`` reads ``test`` + ``oos_test`` (``val``: ``val`` + ``oos_val``);
    intents play the role of codes and ``oos`` maps to None.
    """
    path = Path(path)
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data[split] + data.get(f"oos_{split}", [])
        return [Sample(text, None if intent == "oos" else intent, "en") for text, intent in rows]
    samples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            kind = row.get("kind")
            samples.append(Sample(str(row["text"]), row.get("code"), row.get("lang"),
                                  str(kind) if kind else None))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a labelled message ({exc})") from None
    return samples


async def run(quaid: Pipeline, samples: Iterable[Sample], channel: str = "web",
              progress: Callable[[int], None] | None = None) -> list[Outcome]:
    """Play every sample as the first message of a fresh conversation on `channel`."""
    brain = quaid.brain_for(channel)
    outcomes = []
    for sample in samples:
        started = time.perf_counter()
        redacted = quaid.redact(sample.text).text
        lang = sample.lang or quaid.detect_language(redacted, quaid.core.default_language)
        predictions = tuple(brain.predict(redacted, lang))
        state, _ = brain.policy.step(State(), Start(lang, time.time()))
        state, actions = brain.policy.step(state, ClientMessage(redacted, lang, time.time(), None, predictions))
        for action in list(actions):
            if isinstance(action, Search):
                results = await quaid.search_site(action.query, action.lang)
                state, more = brain.policy.step(state, SearchDone(tuple(results)))
                actions += more
        latency = (time.perf_counter() - started) * 1000
        outcomes.append(_outcome(sample, lang, predictions, actions, latency, redacted))
        if progress:
            progress(1)
    return outcomes


def _outcome(sample: Sample, lang: str, predictions: tuple[Prediction, ...],
             actions: Sequence[Any], latency: float, redacted: str = "") -> Outcome:
    replies = [a.reply for a in actions if isinstance(a, Say)]
    answered = next((r.code for r in replies if r.kind == "answer"), None)
    clarify = next((r for r in replies if r.kind == "clarify"), None)
    offered = tuple(q.payload.split(":", 1)[1] for q in clarify.quick_replies
                    if q.payload.startswith("CODE:")) if clarify else ()
    if answered:
        step = "answer"
    elif clarify:
        step = "clarify"
    elif any(isinstance(a, Handoff) for a in actions):
        step = "handoff"
    elif any(r.kind == "fallback" for r in replies):
        step = "fallback"
    else:
        step = "other"
    events = tuple(f"{a.type}:{a.data['reason']}" if a.type == "handoff" else a.type
                   for a in actions if isinstance(a, Emit) and a.type != "message_in")
    return Outcome(sample, lang, predictions, step, answered, offered, latency, events, redacted)


def _percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def metrics(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The metrics of ``specs/evaluation.md``, fractions in [0, 1]."""
    inscope = [o for o in outcomes if o.sample.code is not None]
    oos = [o for o in outcomes if o.sample.code is None]
    answered = [o for o in outcomes if o.step == "answer"]
    right = [o for o in answered if o.answered == o.sample.code]
    contained = [o for o in inscope if (o.step == "answer" and o.answered == o.sample.code)
                 or (o.step == "clarify" and o.sample.code in o.offered)]
    top1 = [o for o in inscope if _top_solution(o.predictions) == o.sample.code]
    latencies = [o.latency_ms for o in outcomes]

    def share(part: Sequence[Any], whole: Sequence[Any]) -> float:
        return round(len(part) / len(whole), 4) if whole else 0.0

    return {
        "n": len(outcomes), "n_in_scope": len(inscope), "n_out_of_scope": len(oos),
        "answered": len(answered),
        "precision": share(right, answered),
        "containment": share(contained, inscope),
        "clarified": share([o for o in outcomes if o.step == "clarify"], outcomes),
        "oos_recall": share([o for o in oos if o.step in ("fallback", "handoff", "other")], oos),
        "in_scope_accuracy": share(top1, inscope),
        "escalation": share([o for o in outcomes if o.step == "handoff"], outcomes),
        "latency_ms_p50": round(_percentile(latencies, 0.5), 3),
        "latency_ms_p99": round(_percentile(latencies, 0.99), 3),
    }


def _top_solution(predictions: Sequence[Prediction]) -> str | None:
    return next((p.code for p in predictions if not p.code.startswith("@")), None)


def confusions(outcomes: Sequence[Outcome], most: int = 15) -> list[tuple[str, str, int]]:
    """(labelled, predicted top-1, count) pairs where they differ, most frequent first."""
    pairs = Counter((o.sample.code or "(none)", _top_solution(o.predictions) or "(none)")
                    for o in outcomes if o.sample.code is not None
                    and _top_solution(o.predictions) != o.sample.code)
    return [(a, b, n) for (a, b), n in pairs.most_common(most)]


def calibrate(outcomes: Sequence[Outcome], target_precision: float,
              answerable: Callable[[str], bool],
              target_oos_recall: float = 0.85,
              margin: float | None = None) -> tuple[Thresholds, dict[str, float]]:
    """The thresholds that reach `target_precision` with the highest containment, while
    out-of-scope messages still get no solution at `target_oos_recall` (else clarifying
    everything would maximise containment).

    Searches a grid of (answer, clarify) pairs, replaying the policy's classification step
    on the predictions already computed. When no pair meets both targets, precision comes
    first, then the sum of containment and out-of-scope recall. Ties go to the pair that
    answers more messages directly. The answer `margin` (``Thresholds.margin``), when given,
    is kept as it is and replayed with every pair.
    """
    grid = [round(0.02 * i, 2) for i in range(1, 50)] + [0.99, 1.0]
    best: tuple[tuple[float, ...], Thresholds, dict[str, float]] | None = None
    for answer in grid:
        for clarify in [c for c in grid if c <= answer]:
            limits = Thresholds(answer, clarify, margin)
            score = _replay(outcomes, limits, answerable)
            precise = score["precision"] >= target_precision
            both = precise and score["oos_recall"] >= target_oos_recall
            # Within a point of containment, prefer answering directly to asking "did you mean".
            key = (float(both), float(precise),
                   round(score["containment"] if both else score["containment"] + score["oos_recall"], 2),
                   score["answered"], clarify)
            if best is None or key > best[0]:
                best = (key, limits, score)
    assert best is not None
    return best[1], best[2]


def _replay(outcomes: Sequence[Outcome], limits: Thresholds,
            answerable: Callable[[str], bool]) -> dict[str, float]:
    answered = right = contained = inscope = oos = oos_kept = 0
    for o in outcomes:
        step, chosen = decide(o.predictions, limits, answerable, o.redacted)
        top = o.predictions[0] if o.predictions else None
        if step in ("own_file", "off_topic") or has_file_identifier(o.redacted):
            step, chosen = "intent", ()
        if step != "search" and top and top.code.startswith("@") and top.confidence >= limits.clarify:
            step, chosen = "intent", ()
        codes = [p.code for p in chosen]
        if o.sample.code is None:
            oos += 1
            oos_kept += step in ("search", "intent")
        else:
            inscope += 1
            if (step == "answer" and codes[0] == o.sample.code) or (step == "clarify" and o.sample.code in codes):
                contained += 1
        if step == "answer":
            answered += 1
            right += codes[0] == o.sample.code
    return {"precision": right / answered if answered else 0.0,
            "containment": contained / inscope if inscope else 0.0,
            "oos_recall": oos_kept / oos if oos else 1.0, "answered": answered}


# -- per group, errors, and a runnable entry point -------------------------------------------

GROUP_KEYS = ("lang", "kind")


def _group_value(outcome: Outcome, key: str) -> str:
    if key == "lang":
        return outcome.lang
    if key == "kind":
        return outcome.sample.label
    raise ValueError(f"cannot group by {key!r} (choose among {', '.join(GROUP_KEYS)})")


def by_groups(outcomes: Sequence[Outcome], keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The metrics of every group of outcomes that share the values of `keys` (``lang``,
    ``kind``), keyed ``"en/own_file"``, plus what the bot did with them: ``not_answered``
    (share that got no solution: the goal for every out-of-scope kind), ``own_file_handoff``
    (share handed to an agent as the client's own file), ``rephrase`` (share asked to
    rephrase: off-topic or not understood)."""
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault("/".join(_group_value(o, key) for key in keys), []).append(o)
    result = {}
    for name in sorted(groups):
        items = groups[name]
        row = metrics(items)
        n = len(items)
        row["not_answered"] = round(sum(o.step != "answer" for o in items) / n, 4)
        row["own_file_handoff"] = round(sum("handoff:own_file" in o.events for o in items) / n, 4)
        row["rephrase"] = round(sum(bool({"rephrase", "not_understood"} & set(o.events))
                                    for o in items) / n, 4)
        result[name] = row
    return result


GROUP_COLUMNS = ("n", "answered", "precision", "containment", "not_answered", "own_file_handoff",
                 "rephrase", "escalation")


def format_groups(groups: dict[str, dict[str, Any]]) -> list[str]:
    """`by_groups` as a table, one line per group."""
    width = max([len(name) for name in groups] + [5])
    lines = [f"{'group':<{width}}  " + "  ".join(f"{c:>16}" for c in GROUP_COLUMNS)]
    for name, row in groups.items():
        lines.append(f"{name:<{width}}  " + "  ".join(f"{row[c]:>16}" for c in GROUP_COLUMNS))
    return lines


@dataclass(frozen=True)
class Error:
    """A message the bot got wrong in a way worth a look."""

    what: str  # confident_wrong | unsure_right
    outcome: Outcome

    def describe(self) -> str:
        """One line: what, language, kind, label, the top predictions, the step, the text."""
        o = self.outcome
        top = ", ".join(f"{p.code} {p.confidence:.2f}" for p in o.predictions[:3]) or "-"
        label = o.sample.code or "null"
        return f"{self.what:<14} {o.lang} {o.sample.label:<13} {label:<8} [{top}] {o.step}: {o.sample.text}"


def errors(outcomes: Sequence[Outcome]) -> list[Error]:
    """The confident wrong answers (the bot answered a solution other than the labelled one,
    or answered an out-of-scope message), then the unsure right ones (the top-1 solution was
    the labelled one, but the bot did not answer it: clarified, searched or handed off),
    each group most confident first."""
    wrong = [o for o in outcomes if o.step == "answer" and o.answered != o.sample.code]
    unsure = [o for o in outcomes if o.sample.code is not None and o.step != "answer"
              and _top_solution(o.predictions) == o.sample.code]

    def confidence(o: Outcome) -> float:
        return -(o.predictions[0].confidence if o.predictions else 0.0)

    return ([Error("confident_wrong", o) for o in sorted(wrong, key=confidence)]
            + [Error("unsure_right", o) for o in sorted(unsure, key=confidence)])
