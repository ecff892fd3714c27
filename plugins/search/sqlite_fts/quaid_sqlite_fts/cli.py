"""``quaid search``: build the index by hand and try queries against it."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import click

from .index import INDEX_FILE, SiteIndex, build_index, read_meta
from .scope import DEFAULT_ALLOWED


def _default_index() -> Path:
    # The core's commands take --config one by one and a plugin cannot load the config
    # itself, so the default is the server's default: search.sqlite3 in $QUAID_DATA_DIR,
    # else in ./data (the bundled config's data_dir, seen from the project's root).
    data_dir = os.environ.get("QUAID_DATA_DIR")
    return (Path(data_dir) if data_dir else Path("data")).resolve() / INDEX_FILE


@click.group("search")
def search_commands() -> None:
    """The site-restricted fallback search (sqlite_fts)."""


@search_commands.command("index")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--index", "index_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Index file to write [default: search.sqlite3 in the data directory].")
@click.option("--allow", "allowed", multiple=True, metavar="PREFIX",
              help="Allowed URL prefix, repeatable [default: the agency's site].")
def index_command(source: Path, index_file: Path | None, allowed: tuple[str, ...]) -> None:
    """Index the pages in SOURCE: a folder of .md/.html pages, or a text file listing them."""
    target = index_file or _default_index()
    try:
        counts = build_index(source, target, list(allowed) or list(DEFAULT_ALLOWED))
    except ValueError as exc:  # an --allow entry that is not a URL prefix
        raise click.BadParameter(str(exc), param_hint="--allow") from None
    for problem in counts.problems:
        click.echo(f"not indexed: {problem}", err=True)
    click.echo(f"{target}: {counts.indexed} pages indexed, {counts.skipped} skipped "
               f"(not on the allowed site), {len(counts.problems)} with problems")


@search_commands.command("query")
@click.argument("text")
@click.option("--lang", default="en", show_default=True, help="The client's language.")
@click.option("--limit", default=3, show_default=True, type=click.IntRange(1, 50))
@click.option("--index", "index_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Index file to read [default: search.sqlite3 in the data directory].")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def query_command(text: str, lang: str, limit: int, index_file: Path | None, as_json: bool) -> None:
    """Search the index for TEXT and print the ranked pages: score, title, URL, snippet."""
    target = index_file or _default_index()
    if not read_meta(target):
        raise click.ClickException(f"{target}: no search index; build one with `quaid search index`")
    index = SiteIndex(target)
    try:
        results = index.search(text, lang, limit)
    finally:
        index.close()
    if as_json:
        click.echo(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=2))
        return
    if not results:
        click.echo("no pages found")
    for rank, result in enumerate(results, 1):
        click.echo(f"{rank}. {result.score:8.3f}  {result.title}\n   {result.url}")
        if result.snippet:
            click.echo(f"   {result.snippet}")
