"""Writing calibrated thresholds back into the YAML config, keeping its comments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML


def write_thresholds(path: Path, brain: str, found: dict[str, tuple[Any, Any]], backend: str) -> None:
    """Set ``brains.<brain>.thresholds_by_backend.<backend>`` (a pair, and a pair per
    language) in the file at `path`."""
    yaml = YAML()
    yaml.preserve_quotes = True
    data = yaml.load(path.read_text(encoding="utf-8")) or {}
    brains = data.setdefault("brains", {})
    block = brains.setdefault(brain, {}).setdefault("thresholds_by_backend", {}).setdefault(backend, {})
    for lang, (limits, _) in found.items():
        target = block if lang == "*" else block.setdefault("languages", {}).setdefault(lang, {})
        target["answer_threshold"] = float(limits.answer)
        target["clarify_threshold"] = float(limits.clarify)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
