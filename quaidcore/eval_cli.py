"""``python -m quaidcore.eval_cli FILE [--by lang,kind] [--errors] [--json]``: what ``quaid
eval`` prints, plus the per-group table and the error list, without the ``quaid`` command.

Kept apart from :mod:`quaidcore.evaluation` (which the runtime uses to measure a retrain) so
that the evaluation itself never imports the runtime.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .evaluation import (
    GROUP_KEYS,
    METRIC_KEYS,
    Outcome,
    by_groups,
    errors,
    format_groups,
    metrics,
    read_samples,
    run,
)

if TYPE_CHECKING:
    from .app import Quaid


async def evaluate_file(quaid: Quaid, file: str | Path, channel: str = "web", split: str = "test",
                        progress: Callable[[int], None] | None = None) -> list[Outcome]:
    """Prepare every brain (train or load), start the search, run the file, stop the search."""
    import asyncio

    samples = read_samples(file, split)
    for brain in quaid.brains.values():
        await asyncio.to_thread(brain.prepare, True)
    if quaid.search:
        await quaid.search.start()
    try:
        return await run(quaid, samples, channel, progress)
    finally:
        if quaid.search:
            await quaid.search.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m quaidcore.eval_cli FILE [--by lang,kind] [--errors] [--json]``: what
    ``quaid eval`` prints, plus the per-group table and the error list."""
    import argparse
    import asyncio
    import sys

    from .commands import CommandError, build

    parser = argparse.ArgumentParser(prog="python -m quaidcore.eval_cli", description=main.__doc__)
    parser.add_argument("file")
    parser.add_argument("--config", "-c", dest="config_path")
    parser.add_argument("--channel", default="web")
    parser.add_argument("--split", default="test")
    parser.add_argument("--by", default="", help="comma-separated: lang, kind")
    parser.add_argument("--errors", action="store_true", help="list confident wrong / unsure right")
    parser.add_argument("--json", action="store_true", help="one JSON object (metrics, groups)")
    args = parser.parse_args(argv)
    keys = [k.strip() for k in args.by.split(",") if k.strip()]
    unknown = [k for k in keys if k not in GROUP_KEYS]
    if unknown:
        parser.error(f"--by: unknown {unknown} (choose among {', '.join(GROUP_KEYS)})")
    try:
        quaid = build(args.config_path, log_stream=sys.stderr)
        outcomes = asyncio.run(evaluate_file(quaid, args.file, args.channel, args.split))
    except (CommandError, ValueError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    result = metrics(outcomes)
    groups = by_groups(outcomes, keys) if keys else {}
    if args.json:
        print(json.dumps({**result, "groups": groups} if keys else result))
        return 0
    for key in METRIC_KEYS:
        print(f"{key:<20} {result[key]}")
    if groups:
        print()
        print("\n".join(format_groups(groups)))
    if args.errors:
        print("\nerrors (confident wrong answers, then unsure right ones):")
        for error in errors(outcomes):
            print("  " + error.describe())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
