"""The sqlite_fts plugin as the core sees it: hooks, config block, factory, commands."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
import quaid_sqlite_fts
from click.testing import CliRunner
from pydantic import ValidationError
from quaid_sqlite_fts import DEFAULT_ALLOWED, SiteSearch, SqliteFtsConfig

from quaidcore import ComponentContext, DetachedHost, SearchBackend
from quaidcore.plugins import Plugins


@pytest.fixture
def plugins() -> Plugins:
    return Plugins(extra={"sqlite_fts": quaid_sqlite_fts}, entry_points=False)


def context(config: SqliteFtsConfig, data_dir: Path, config_dir: Path | None = None) -> ComponentContext:
    return ComponentContext(name="sqlite_fts", plugin="sqlite_fts", config=config,
                            data_dir=data_dir, host=DetachedHost(data_dir),
                            config_dir=config_dir or Path.cwd())


def test_hook_quaid_register_search_backends(plugins):
    registered = plugins.components("search")
    assert list(registered) == ["sqlite_fts"]
    assert registered["sqlite_fts"].plugin == "sqlite_fts"


def test_hook_quaid_config_schema(plugins):
    assert plugins.config_schema("sqlite_fts") is SqliteFtsConfig
    assert SqliteFtsConfig().allowed == list(DEFAULT_ALLOWED)
    with pytest.raises(ValidationError, match="extra"):
        SqliteFtsConfig.model_validate({"alowed": ["https://www.canada.ca/"]})
    with pytest.raises(ValidationError, match="not a URL prefix"):
        SqliteFtsConfig.model_validate({"allowed": ["https://"]})
    with pytest.raises(ValidationError):
        SqliteFtsConfig.model_validate({"allowed": []})


def test_factory_paths(plugins, tmp_path, monkeypatch):
    factory = plugins.components("search")["sqlite_fts"].factory
    monkeypatch.chdir(tmp_path)
    backend = factory(context(SqliteFtsConfig(), tmp_path / "data"))
    assert isinstance(backend, SiteSearch) and isinstance(backend, SearchBackend)
    assert backend.index_path == tmp_path / "data" / "search.sqlite3"
    assert backend.pages == tmp_path / "site"  # the config folder defaults to the current one
    # Paths are relative to the config file's folder.
    config_dir = tmp_path / "config"
    assert factory(context(SqliteFtsConfig(), tmp_path, config_dir)).pages == config_dir / "site"
    backend = factory(context(SqliteFtsConfig(pages="pages", index_path="/srv/i.sqlite3"), tmp_path, config_dir))
    assert (backend.pages, backend.index_path) == (config_dir / "pages", Path("/srv/i.sqlite3"))


async def test_factory_backend_serves(plugins, site, tmp_path):
    factory = plugins.components("search")["sqlite_fts"].factory
    config = SqliteFtsConfig(allowed=site.allowed, pages=str(site.folder))
    backend = factory(context(config, tmp_path / "data"))
    await backend.start()
    results = await backend.search("super visa", "fr", 3)
    assert results[0].title == "Super visa pour les parents et grands-parents"
    await backend.stop()
    await backend.stop()  # twice is harmless


@pytest.fixture
def cli(plugins) -> click.Group:
    @click.group()
    def quaid() -> None:
        """The root command, as the core's would be."""

    plugins.register_commands(quaid)
    return quaid


def test_hook_quaid_register_commands(cli, site, tmp_path):
    runner = CliRunner()
    index = tmp_path / "cli.sqlite3"
    allow = [arg for prefix in site.allowed for arg in ("--allow", prefix)]
    result = runner.invoke(cli, ["search", "index", str(site.folder), "--index", str(index), *allow])
    assert result.exit_code == 0, result.output
    assert f"{site.n_allowed} pages indexed, {site.n_skipped} skipped" in result.output

    result = runner.invoke(cli, ["search", "query", "etudes", "--lang", "fr", "--limit", "1",
                                 "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert "1. " in result.output and "Permis d'études" in result.output
    assert site.fr + "etudier-canada/permis-etudes.html" in result.output
    assert "2. " not in result.output

    result = runner.invoke(cli, ["search", "query", "super visa", "--json", "--index", str(index)])
    found = json.loads(result.output)
    assert found[0]["url"] == site.en + "visit-canada/super-visa.html"
    assert set(found[0]) == {"title", "url", "snippet", "score"}

    result = runner.invoke(cli, ["search", "query", "😀", "--index", str(index)])
    assert result.exit_code == 0 and "no pages found" in result.output


def test_cli_errors_are_clear(cli, site, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["search", "query", "x", "--index", str(tmp_path / "none.sqlite3")])
    assert result.exit_code != 0 and "no search index" in result.output
    result = runner.invoke(cli, ["search", "index", str(site.folder), "--index",
                                 str(tmp_path / "i.sqlite3"), "--allow", "https://"])
    assert result.exit_code != 0 and "--allow" in result.output
    result = runner.invoke(cli, ["search", "index", str(tmp_path / "missing")])
    assert result.exit_code != 0 and "does not exist" in result.output


def test_cli_uses_the_data_dir_by_default(cli, site, tmp_path, monkeypatch):
    monkeypatch.setenv("QUAID_DATA_DIR", str(tmp_path / "data"))
    result = CliRunner().invoke(cli, ["search", "index", str(site.folder)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "search.sqlite3").is_file()
    # the default allow-list is the agency's site: the test pages are under it
    assert f"{site.n_allowed} pages indexed" in result.output
