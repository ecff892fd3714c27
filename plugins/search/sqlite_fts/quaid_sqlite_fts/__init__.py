"""Quaid fallback search ``sqlite_fts``: the agency's own pages in an embedded SQLite FTS5 index.

The embedded default: no server, nothing to install beyond Python. Only pages whose URL is
under an ``allowed`` prefix are indexed. English and French: accents are folded, words are
stemmed (Snowball), stop words are dropped from queries, titles weigh more than bodies
(BM25), and pages in the client's language come first.

Config block (every key optional)::

    plugins:
      sqlite_fts:
        allowed:                      # URL prefixes (or bare hosts) of the site
          - https://www.canada.ca/en/immigration-refugees-citizenship/
          - https://www.canada.ca/fr/immigration-refugies-citoyennete/
        pages: /srv/quaid/site        # folder of .md/.html pages, or a text file listing them
        index_path: data/search.sqlite3
        title_weight: 4.0
        snippet_words: 24

``pages`` and ``index_path`` are absolute, or relative to the folder of the config file.
Left out, ``pages`` is the ``site`` folder beside the config file; ``index_path`` is
``search.sqlite3`` in the data directory. The index is rebuilt at start-up whenever the
pages (names, sizes, modification times) or ``allowed`` changed; ``quaid search index``
rebuilds it by hand and a running server picks the new file up on its next query.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from quaidcore import ComponentContext, hookimpl

from .backend import SiteSearch
from .index import INDEX_FILE, IndexCounts, SiteIndex, build_index, ensure_index
from .scope import DEFAULT_ALLOWED, SiteScope

QUAID_HOST_API = ">=1.0,<2"

__all__ = ["DEFAULT_ALLOWED", "IndexCounts", "SiteIndex", "SiteScope", "SiteSearch",
           "SqliteFtsConfig", "build_index", "ensure_index"]



class SqliteFtsConfig(BaseModel):
    """Options of the ``sqlite_fts`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    allowed: list[str] = Field(default_factory=lambda: list(DEFAULT_ALLOWED), min_length=1)
    pages: str | None = None
    index_path: str | None = None
    title_weight: float = Field(4.0, gt=0, le=100)
    snippet_words: int = Field(24, ge=4, le=64)

    @field_validator("allowed")
    @classmethod
    def _prefixes(cls, value: list[str]) -> list[str]:
        SiteScope(value)  # raises ValueError naming the entry that is not a URL prefix
        return value


def resolve_path(ctx: ComponentContext, value: str | None, default: Path) -> Path:
    """A configured path: absolute, or relative to the config file's folder; `default` if unset."""
    return default if value is None else ctx.resolve(value)


def make_backend(ctx: ComponentContext) -> SiteSearch:
    """The factory registered as ``sqlite_fts``."""
    config = ctx.config if isinstance(ctx.config, SqliteFtsConfig) else SqliteFtsConfig()
    return SiteSearch(
        pages=resolve_path(ctx, config.pages, ctx.resolve("site")),
        index_path=resolve_path(ctx, config.index_path, Path(ctx.data_dir) / INDEX_FILE),
        allowed=config.allowed,
        title_weight=config.title_weight,
        snippet_words=config.snippet_words,
    )


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    """The ``sqlite_fts`` block: :class:`SqliteFtsConfig`."""
    return SqliteFtsConfig


@hookimpl
def quaid_register_search_backends(register) -> None:
    """Offer the ``sqlite_fts`` search backend."""
    register("sqlite_fts", make_backend)


@hookimpl
def quaid_register_commands(cli) -> None:
    """Add ``quaid search index`` and ``quaid search query``."""
    from .cli import search_commands

    cli.add_command(search_commands)
