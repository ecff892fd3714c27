"""The ``quaid`` command line."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from . import commands, evaluation
from .commands import discovered_plugins
from .config import STARTER, STARTER_CONFIG, Config, read_yaml
from .kb import KBError, KnowledgeBase
from .registry import PluginError

CONFIG_HELP = ("YAML config file (default: $QUAID_CONFIG, else ./quaid.yaml, else the demo "
               "config/quaid.yaml of a source checkout, else the starter config).")


def load(config_path: str | None) -> Config:
    """The validated config, or a clean CLI error naming what is wrong."""
    try:
        return commands.load(config_path)
    except commands.CommandError as exc:
        raise click.ClickException(str(exc)) from None


def build(config_path: str | None, log_stream: Any = None) -> Any:
    """A :class:`~quaidcore.app.Quaid` for the config, with logging set up."""
    try:
        return commands.build(config_path, log_stream)
    except commands.CommandError as exc:
        raise click.ClickException(str(exc)) from None


config_option = click.option("--config", "-c", "config_path", type=click.Path(dir_okay=False),
                             help=CONFIG_HELP)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quaid")
def cli() -> None:
    """Quaid: a plugin-based client-support bot for public services."""


@cli.command()
@config_option
@click.option("--host", help="Interface to listen on (default: server.host in the config).")
@click.option("--port", type=int, help="Port (default: server.port in the config; 0 = any free port).")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Worker processes sharing the port (default: the number of cores on PostgreSQL; "
                   "1 on the embedded SQLite, where a second worker measured slower).")
@click.option("--loop", type=click.Choice(["auto", "uvloop", "asyncio"]), default="auto", show_default=True,
              help="Event loop: uvloop when installed (auto), or asyncio's.")
@click.option("--no-train", "no_train", is_flag=True,
              help="Fail instead of training a brain whose model is not cached (`quaid train`).")
def serve(config_path: str | None, host: str | None, port: int | None, workers: int | None,
          loop: str, no_train: bool) -> None:
    """Serve the channels' web routes (web chat, agent console, webhooks).

    With several workers (the default on PostgreSQL on a machine with several cores) a parent
    process runs them on one port and restarts one that dies; SIGTERM stops them all cleanly.
    On the embedded SQLite default one worker is the default: two measured 358 against 695
    messages/s on 2 cores (bench/throughput.py), as each turn must then read the database.
    """
    from . import workers as serving

    serving.prepare_environment()  # before numpy is imported
    worker = os.environ.get("QUAID_WORKER")  # set by the parent for its workers
    config = load(config_path)
    uncalibrated = config.core.uncalibrated()
    if uncalibrated:
        raise click.ClickException("\n".join(f"{config.path}: {problem}" for problem in uncalibrated))
    host = host or config.core.server.host
    port = config.core.server.port if port is None else port
    embedded = config.database_url.startswith("sqlite")
    count = 1 if worker is not None else (workers or (1 if embedded else serving.default_workers()))

    def announce(url: str) -> None:
        click.echo(f"Quaid serving on {url} (config {config.path}, data in {config.data_dir})", err=True)

    if count > 1:
        argv = [sys.executable, "-m", "quaidcore.cli", "serve", "--config", str(config.path), "--loop", loop]
        sys.exit(serving.Supervisor(argv, count, host, port, announce).run())
    if worker is not None:
        serving.die_with_parent()
    serving.run_worker(lambda: build(str(config.path)), host, port, reuse_port=worker is not None,
                       train=not no_train, loop=loop, announce=None if worker is not None else announce,
                       ready_fd=serving.ready_fd())


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False), default=".")
@click.option("--force", is_flag=True, help="Overwrite an existing quaid.yaml and kb/ files.")
def init(folder: str, force: bool) -> None:
    """Write a starter config (quaid.yaml) and an example knowledge base (kb/) into FOLDER.

    Then `quaid serve` in FOLDER uses them: a web chat on http://127.0.0.1:8080/.
    """
    target = Path(folder)
    config = target / "quaid.yaml"
    kb_dir = target / "kb"
    existing = [p for p in (config, *(kb_dir / f.name for f in (STARTER / "kb").iterdir())) if p.exists()]
    if existing and not force:
        raise click.ClickException(f"{existing[0]} exists; use --force to overwrite")
    kb_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STARTER_CONFIG, config)
    for source in sorted((STARTER / "kb").iterdir()):
        shutil.copyfile(source, kb_dir / source.name)
    click.echo(f"wrote {config} and {kb_dir}/ ({len(list(kb_dir.glob('*.yaml')))} files)")
    installed = discovered_plugins().names()
    missing = sorted(set(read_yaml(config).get("plugins") or {}) - installed)
    if missing:
        click.echo(f"note: the config enables plugins that are not installed: {', '.join(missing)} "
                   f"(pip install {' '.join('quaid-' + m.replace('_', '-') for m in missing)}, or "
                   f"remove them from {config})", err=True)
    click.echo(f"next: cd {target} && quaid serve", err=True)


@cli.command("plugins")
@config_option
def plugins_command(config_path: str | None) -> None:
    """List discovered plugins, their distributions, and which the config enables."""
    config = load(config_path)
    plugins = discovered_plugins()
    def state(name: str) -> str:
        if name in plugins.broken:
            return "BROKEN"
        return "enabled" if name in config.enabled else "-"

    rows = [(p.name, f"{p.distribution} {p.version}", state(p.name)) for p in plugins.discovered]
    width = max((len(r[0]) for r in rows), default=4)
    for name, dist, state in rows:
        click.echo(f"{name:<{width}}  {state:<8}  {dist}")
    for kind in ("channel", "nlu", "language_detector", "search", "redactor", "handoff", "metric_sink"):
        offered = {n: r for n, r in plugins.components(kind).items() if r.plugin in config.enabled}
        if offered:
            listing = ", ".join(f"{n} ({r.plugin})" for n, r in sorted(offered.items()))
            click.echo(f"  {kind}: {listing}")
    for message in plugins.broken.values():
        click.echo(f"  {message}", err=True)


@cli.group("config")
def config_group() -> None:
    """Inspect the configuration."""


@config_group.command("check")
@config_option
def config_check(config_path: str | None) -> None:
    """Validate the config, the plugins it names and the knowledge base."""
    quaid = build(config_path)
    click.echo(f"{quaid.config.path}: OK — {len(quaid.config.enabled)} plugins enabled, "
               f"{len(quaid.kb.solutions)} solutions, brains: {', '.join(quaid.brains)}")


@cli.group()
def kb() -> None:
    """Knowledge base: check and list solutions."""


def _kb(config_path: str | None, folder: str | None) -> KnowledgeBase:
    path = Path(folder) if folder else load(config_path).kb_dir
    try:
        return KnowledgeBase.load(path)
    except KBError as exc:
        raise click.ClickException(str(exc)) from None


@kb.command("check")
@config_option
@click.argument("folder", required=False, type=click.Path(file_okay=False))
def kb_check(config_path: str | None, folder: str | None) -> None:
    """Validate the knowledge base (codes, languages, examples, links)."""
    base = _kb(config_path, folder)
    examples = len(base.training_examples(bot_only=False))
    click.echo(f"OK: {len(base.solutions)} solutions in {len(base.lines)} lines of business, "
               f"{len(base.intents)} system intents, {examples} examples")


@kb.command("list")
@config_option
@click.option("--lob", help="Only this line of business (two digits).")
@click.argument("folder", required=False, type=click.Path(file_okay=False))
def kb_list(config_path: str | None, lob: str | None, folder: str | None) -> None:
    """List solutions: code, line of business, title."""
    base = _kb(config_path, folder)
    for code, solution in sorted(base.solutions.items()):
        if lob and solution.line_of_business != lob:
            continue
        flag = "" if solution.bot else "  (agents only)"
        click.echo(f"{code}  {solution.topic.en:<32.32}  {solution.title.en}{flag}")


@cli.command()
@config_option
@click.option("--brain", help="Only this brain.")
@click.option("--force", is_flag=True, help="Retrain even if a model for this KB is cached.")
def train(config_path: str | None, brain: str | None, force: bool) -> None:
    """Train each brain's NLU backend (cached on disk, keyed by the KB's hash)."""
    quaid = build(config_path)
    for name, item in quaid.brains.items():
        if brain and name != brain:
            continue
        with tqdm(total=100, desc=f"{name} ({item.config.nlu})", unit="%", file=sys.stderr) as bar:
            def progress(fraction: float, bar: tqdm = bar) -> None:
                bar.n = round(fraction * 100)
                bar.refresh()
            what = item.prepare(train=True, progress=progress, force=force)
            bar.n = 100
        click.echo(f"{name}: {what} — {item.model_dir}")


async def _evaluate(quaid: Any, file: str, channel: str, split: str) -> list[evaluation.Outcome]:
    samples = evaluation.read_samples(file, split)
    for brain in quaid.brains.values():
        await asyncio.to_thread(brain.prepare, True)
    if quaid.search:
        await quaid.search.start()
    try:
        with tqdm(total=len(samples), desc="evaluating", unit="msg", file=sys.stderr,
                  disable=not sys.stderr.isatty()) as bar:
            return await evaluation.run(quaid, samples, channel, bar.update)
    finally:
        if quaid.search:
            await quaid.search.stop()


@cli.command("eval")
@config_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--channel", default="web", show_default=True, help="Evaluate the brain of this channel.")
@click.option("--split", default="test", show_default=True, help="For CLINC150's data_full.json.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of metrics.")
@click.option("--by", "by", default="", metavar="KEYS",
              help="Also the metrics per group: comma-separated among lang, kind (e.g. --by lang,kind).")
@click.option("--errors", "show_errors", is_flag=True,
              help="List the confident wrong answers and the unsure right ones.")
def eval_command(config_path: str | None, file: str, channel: str, split: str, as_json: bool,
                 by: str, show_errors: bool) -> None:
    """Measure the bot on a labelled file (JSON Lines, or CLINC150's data_full.json)."""
    keys = [key.strip() for key in by.split(",") if key.strip()]
    unknown = [key for key in keys if key not in evaluation.GROUP_KEYS]
    if unknown:
        raise click.BadParameter(f"unknown {unknown} (choose among {', '.join(evaluation.GROUP_KEYS)})",
                                 param_hint="--by")
    quaid = build(config_path, log_stream=sys.stderr)
    problem = quaid.brain_for(channel).config.uncalibrated(quaid.brain_for(channel).name)
    if problem:
        raise click.ClickException(f"{quaid.config.path}: {problem}")
    try:
        outcomes = asyncio.run(_evaluate(quaid, file, channel, split))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    result = evaluation.metrics(outcomes)
    groups = evaluation.by_groups(outcomes, keys) if keys else {}
    if as_json:
        click.echo(json.dumps({**result, "groups": groups} if keys else result))
        return
    for key in evaluation.METRIC_KEYS:
        click.echo(f"{key:<20} {result[key]}")
    if groups:
        click.echo("\n" + "\n".join(evaluation.format_groups(groups)))
    click.echo("\nmost confused (labelled -> predicted top-1, count):")
    for labelled, predicted, count in evaluation.confusions(outcomes):
        click.echo(f"  {labelled} -> {predicted}  {count}")
    if show_errors:
        click.echo("\nerrors (confident wrong answers, then unsure right ones):")
        for error in evaluation.errors(outcomes):
            click.echo("  " + error.describe())


@cli.command()
@config_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--target-precision", type=float, default=0.97, show_default=True)
@click.option("--target-oos-recall", type=float, default=0.85, show_default=True,
              help="Share of out-of-scope messages that must still get no solution.")
@click.option("--channel", default="web", show_default=True, help="Calibrate the brain of this channel.")
@click.option("--per-language/--no-per-language", default=True, show_default=True,
              help="Also calibrate a pair per language.")
@click.option("--dry-run", is_flag=True, help="Print the thresholds; do not write the config.")
def calibrate(config_path: str | None, file: str, target_precision: float, target_oos_recall: float,
              channel: str, per_language: bool, dry_run: bool) -> None:
    """Pick answer/clarify thresholds on a validation file and write them to the config."""
    from .calibration import write_thresholds

    quaid = build(config_path, log_stream=sys.stderr)
    outcomes = asyncio.run(_evaluate(quaid, file, channel, "val"))
    brain = quaid.brain_for(channel)
    answerable = brain.policy.answerable
    # The pair is picked with the answer margin the config already sets (kept as it is).
    block = brain.config.thresholds_by_backend.get(brain.config.nlu) or brain.config
    overall, score = evaluation.calibrate(outcomes, target_precision, answerable, target_oos_recall,
                                          block.answer_margin)
    found = {"*": (overall, score)}
    if per_language:
        for lang in quaid.core.languages:
            subset = [o for o in outcomes if o.lang == lang]
            if subset:
                found[lang] = evaluation.calibrate(subset, target_precision, answerable, target_oos_recall,
                                                   brain.config.thresholds(lang).answer_margin)
    for lang, (limits, result) in found.items():
        margin = "" if limits.margin is None else f" (answer_margin={limits.margin})"
        click.echo(f"{brain.name} [{lang}]: answer_threshold={limits.answer} clarify_threshold="
                   f"{limits.clarify}{margin}  precision={result['precision']:.3f} "
                   f"containment={result['containment']:.3f} oos_recall={result['oos_recall']:.3f}")
    if not dry_run:
        write_thresholds(quaid.config.path, brain.name, found, brain.config.nlu)
        click.echo(f"written to {quaid.config.path} (brains.{brain.name}.thresholds_by_backend.{brain.config.nlu})")


@cli.command()
@config_option
@click.option("--json", "as_json", is_flag=True,
              help='Write {"text": redacted, "spans": [{"start", "end", "type"}]} per line.')
def redact(config_path: str | None, as_json: bool) -> None:
    """Redact lines from standard input (plain text, or JSON objects with a "text" key)."""
    quaid = build(config_path, log_stream=sys.stderr)
    for number, line in enumerate(sys.stdin, 1):
        text = line.rstrip("\n")
        if text.lstrip().startswith("{"):
            try:
                text = str(json.loads(text)["text"])
            except (json.JSONDecodeError, KeyError, TypeError):
                raise click.ClickException(f"line {number}: a JSON line needs a \"text\" key") from None
        result = quaid.redact(text)
        if as_json:
            spans = [{"start": s.start, "end": s.end, "type": s.type} for s in result.spans]
            click.echo(json.dumps({"text": result.text, "spans": spans}, ensure_ascii=False))
        else:
            click.echo(result.text)


@cli.group()
def privacy() -> None:
    """Clients' privacy requests."""


@privacy.command("forget")
@config_option
@click.argument("client", required=False)
@click.option("--channel", help="CLIENT is this channel's user ID (PSID, X user ID...), not a pseudonym.")
@click.option("--conversation", help="Forget one conversation by its ID instead.")
def forget(config_path: str | None, client: str | None, channel: str | None, conversation: str | None) -> None:
    """Delete a client's conversations everywhere in the store.

    CLIENT is the stored pseudonym, or, with --channel, the user ID on that channel.
    """
    if not client and not conversation:
        raise click.UsageError("give a CLIENT or --conversation ID")
    quaid = build(config_path, log_stream=sys.stderr)
    pseudonym = quaid.pseudonym(channel, client) if (client and channel) else client

    async def run() -> int:
        await quaid.store.open()
        try:
            return await quaid.forget(pseudonym, conversation)
        finally:
            await quaid.store.close()

    count = asyncio.run(run())
    click.echo(f"forgot {count} conversation(s)")


from .scaffold import new_plugin  # noqa: E402

cli.add_command(new_plugin)
from .report_cli import demo_data, report  # noqa: E402, I001
cli.add_command(report); cli.add_command(demo_data)  # noqa: E702


def main() -> None:
    """Entry point: discover plugins, let them add commands, run."""
    try:
        discovered_plugins().register_commands(cli)
    except PluginError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    cli()


if __name__ == "__main__":
    main()
