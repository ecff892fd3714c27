"""Learning from agents: approved client phrasings go into the KB, the brains retrain live.

``host.add_examples`` appends examples to ``<kb>/learned.yaml`` (the format is in
``config/kb/FORMAT.md``: the loader merges them into their solutions' examples);
``host.retrain`` reads the KB's files again, trains the brains whose share changed in a
thread and swaps them in at once. The ``quaid eval`` figures of a validation file are taken
before and after, in a thread too: the event loop keeps answering clients with the
previous brains all along.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import structlog
import yaml

from . import evaluation
from .brains import Brain, build_brains
from .host import Retrained
from .kb import LANGUAGES, KnowledgeBase, same_text
from .messages import TrainingExample

Quaid = Any  # quaidcore.app.Quaid, which imports this module: not imported back

log = structlog.get_logger(__name__)

LEARNED_FILE = "learned.yaml"
HEADER = ("# Client phrasings approved on the helpdesk's review page (host.add_examples).\n"
          "# Merged into their solutions' examples when the knowledge base is loaded; edit freely.\n")


def learned_path(kb_dir: Path) -> Path:
    """The file of learned examples of a KB folder."""
    return kb_dir / LEARNED_FILE


def add_examples(kb_dir: Path, kb: KnowledgeBase, languages: Sequence[str],
                 examples: Sequence[TrainingExample]) -> int:
    """Append the examples neither the KB nor the file has yet to ``learned.yaml`` (under an
    exclusive lock, written to a temporary file then renamed); returns how many were new."""
    for example in examples:
        if kb.get(example.code) is None:
            raise ValueError(f"{example.code!r} is not the code of a solution")
        if example.lang not in languages or example.lang not in LANGUAGES:
            raise ValueError(f"{example.lang!r} is not a configured language")
        if not example.text.strip():
            raise ValueError("an example has no text")
    path = learned_path(kb_dir)
    with _locked(path):
        rows = _read(path)
        added = 0
        for example in examples:
            text = " ".join(example.text.split())
            known = [r["text"] for r in rows if r["lang"] == example.lang and r["code"] == example.code]
            if kb.knows(text, example.lang) == example.code or any(same_text(text, k) for k in known):
                continue
            rows.append({"code": example.code, "lang": example.lang, "text": text})
            added += 1
        if added:
            _write(path, rows)
    return added


def _read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [dict(row) for row in data.get("learned") or []]


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    body = yaml.safe_dump({"learned": rows}, allow_unicode=True, sort_keys=False, width=1000)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".learned-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(HEADER + body)
    os.replace(tmp, path)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    import fcntl

    with open(path.with_name(".learned.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


async def retrain(quaid: Quaid, validation: str | Path | None = None) -> Retrained:
    """Train the brains of the KB as its files are now and swap them in (see Host.retrain)."""
    started = time.perf_counter()
    loop = asyncio.get_running_loop()
    samples = evaluation.read_samples(validation) if validation else None
    before = await _evaluate(quaid, quaid.brains, samples, loop)
    kb = await asyncio.to_thread(KnowledgeBase.load, quaid.config.kb_dir)
    fresh = build_brains(quaid.config, kb, quaid.texts, quaid.nlu_factory)
    brains: dict[str, Brain] = {}
    for name, brain in fresh.items():
        old = quaid.brains.get(name)
        if old is not None and old.model_dir == brain.model_dir and old.ready:
            brains[name] = old  # its share of the KB did not change
            continue
        await asyncio.to_thread(brain.prepare, True)
        brains[name] = brain
    changed = tuple(name for name in brains if brains[name] is not quaid.brains.get(name))
    quaid.swap_brains(kb, brains)
    after = await _evaluate(quaid, brains, samples, loop)
    seconds = round(time.perf_counter() - started, 3)
    log.info("brains_retrained", brains=changed, seconds=seconds,
             examples=sum(len(b.kb.training_examples()) for b in brains.values()))
    return Retrained(changed, seconds, before, after)


async def _evaluate(quaid: Quaid, brains: dict[str, Brain], samples: list[evaluation.Sample] | None,
                    loop: asyncio.AbstractEventLoop) -> dict[str, Any] | None:
    if not samples:
        return None
    view = _Pinned(quaid, brains, loop)
    outcomes = await asyncio.to_thread(asyncio.run, evaluation.run(view, samples))  # type: ignore[arg-type]
    return evaluation.metrics(outcomes)


class _Pinned:
    """The host as ``evaluation.run`` sees it, with its brains pinned, run in a thread of its
    own (its event loop): the fallback search still runs on the host's loop."""

    def __init__(self, quaid: Quaid, brains: dict[str, Brain], loop: asyncio.AbstractEventLoop) -> None:
        self.quaid, self.brains, self.loop = quaid, brains, loop
        self.core = quaid.core

    def brain_for(self, channel: str) -> Brain:
        return self.brains[self.core.brain_for(channel)]

    def redact(self, text: str) -> Any:
        return self.quaid.redact(text)

    def detect_language(self, text: str, fallback: str) -> str:
        return self.quaid.detect_language(text, fallback)

    async def search_site(self, query: str, lang: str) -> list[Any]:
        future = asyncio.run_coroutine_threadsafe(self.quaid.search_site(query, lang), self.loop)
        return await asyncio.wrap_future(future)
