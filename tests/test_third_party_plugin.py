"""A throwaway third-party plugin, pip-installed from a temporary folder with its own entry
point, is discovered, enabled by config and called — exactly as a real one would be."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap

import pytest

from quaidcore.plugins import Plugins

SETUP_CFG = """\
[metadata]
name = quaid-tally
version = 0.0.1

[options]
packages = quaid_tally

[options.entry_points]
quaid =
    tally = quaid_tally
"""

MODULE = '''
from pydantic import BaseModel, ConfigDict
from quaidcore import hookimpl

SEEN = []


class TallyConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str = "tally"


class TallySink:
    def __init__(self, ctx):
        self.label = ctx.config.label

    async def record(self, events):
        SEEN.extend(f"{self.label}:{e.type}" for e in events)


@hookimpl
def quaid_config_schema():
    return TallyConfig


@hookimpl
def quaid_register_metric_sinks(register):
    register("tally", TallySink)
'''


def install(tmp_path):
    """pip-install the plugin into a `--target` folder of its own, never into the venv."""
    source = tmp_path / "src"
    (source / "quaid_tally").mkdir(parents=True)
    (source / "setup.cfg").write_text(SETUP_CFG)
    (source / "pyproject.toml").write_text('[build-system]\nrequires = ["setuptools>=68"]\n'
                                           'build-backend = "setuptools.build_meta"\n')
    (source / "quaid_tally" / "__init__.py").write_text(textwrap.dedent(MODULE))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(source)], check=True, capture_output=True)
    return target


@pytest.fixture(scope="module")
def tally_site(tmp_path_factory):
    """The plugin installed once for the module (pip takes seconds; the tests do not)."""
    return install(tmp_path_factory.mktemp("tally"))


async def test_third_party_plugin_is_discovered_enabled_and_called(tally_site, monkeypatch, quaid_harness):
    monkeypatch.syspath_prepend(str(tally_site))
    importlib.invalidate_caches()
    info = {p.name: p for p in Plugins().discovered}
    assert info["tally"].distribution == "quaid-tally" and info["tally"].version == "0.0.1"

    bot = await quaid_harness(config={"plugins": {"tally": {"label": "t"}}, "metrics": ["tally"]},
                              use=["tally"])
    await bot.say("how do i renew my passport")
    import quaid_tally

    assert "t:solution_sent" in quaid_tally.SEEN
    assert "tally" in bot.quaid.metric_sinks
    sys.modules.pop("quaid_tally", None)


def test_disabled_plugin_is_not_called(tally_site, monkeypatch):
    monkeypatch.syspath_prepend(str(tally_site))
    importlib.invalidate_caches()
    plugins = Plugins()
    assert "tally" in plugins.names()
    assert set(plugins.components("metric_sink")) >= {"tally"}
    plugins.enable(["web"])  # blocked: the disabled plugin's hooks are never called again
    assert plugins.pm.is_blocked("tally")
    assert "tally" not in plugins.components("metric_sink")
    sys.modules.pop("quaid_tally", None)


def test_broken_plugin_fails_only_where_enabled(tmp_path, monkeypatch):
    from quaidcore.config import ConfigError, load_config

    source = tmp_path / "src"
    (source / "quaid_broken").mkdir(parents=True)
    (source / "setup.cfg").write_text(SETUP_CFG.replace("tally", "broken"))
    (source / "pyproject.toml").write_text('[build-system]\nrequires = ["setuptools>=68"]\n'
                                           'build-backend = "setuptools.build_meta"\n')
    (source / "quaid_broken" / "__init__.py").write_text("raise RuntimeError('half written')\n")
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(source)], check=True, capture_output=True)
    monkeypatch.syspath_prepend(str(target))
    importlib.invalidate_caches()
    plugins = Plugins()
    assert "half written" in plugins.broken["broken"]
    load_config(None, plugins)  # not enabled: the default config still loads
    config = tmp_path / "quaid.yaml"
    config.write_text("plugins:\n  broken: {}\n")
    try:
        load_config(config, plugins)
    except ConfigError as exc:
        assert "plugins.broken: plugin 'broken' (quaid_broken) failed to load" in str(exc)
    else:
        raise AssertionError("enabling a broken plugin must fail")
