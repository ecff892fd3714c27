"""``quaid new-plugin``: every kind's generated distribution installs, passes its own tests
and ruff; bad names and existing folders are refused with clear errors.

The generated plugins are installed with pip into a temporary ``--target`` folder, never
into the venv, and their tests run in a subprocess that sees that folder on PYTHONPATH.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from quaidcore import (
    Channel,
    ComponentContext,
    DetachedHost,
    HandoffTarget,
    MetricSink,
    NLUBackend,
    Redactor,
    SearchBackend,
)
from quaidcore.cli import cli
from quaidcore.host import HOST_API_VERSION
from quaidcore.plugins import Plugins, host_api_problem
from quaidcore.scaffold import KINDS, MAX_NAME_LENGTH, PluginSpec, write

NAMES = {"channel": "kiosk", "nlu": "keywords", "search": "sitepages", "redactor": "emails",
         "handoff": "jsonl-desk", "metric_sink": "counter"}
PROTOCOLS = {"channel": Channel, "nlu": NLUBackend, "search": SearchBackend, "redactor": Redactor,
             "handoff": HandoffTarget, "metric_sink": MetricSink}
REPORTED = re.compile(r"(\d+) passed.* in ([\d.]+)s")


def new_plugin(*args: str):
    """``quaid new-plugin ARGS`` through the real command group."""
    return CliRunner().invoke(cli, ["new-plugin", *args])


def subprocess_env(site: Path, **extra: str) -> dict[str, str]:
    """The environment of a generated project's test run: the installed plugin on the path,
    none of this test session's Quaid or pytest settings (QUAID_DATA_DIR would make every
    harness share one folder)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUAID_", "PYTEST_"))}
    return {**env, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1", **extra}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """One plugin of each kind, written by the real command."""
    root = tmp_path_factory.mktemp("plugins")
    for kind, name in NAMES.items():
        result = new_plugin(name, "--kind", kind, "--dir", str(root))
        assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def installed(generated, tmp_path_factory):
    """``installed(kind)`` → (project folder, site folder), pip-installed once per kind."""
    sites: dict[str, tuple[Path, Path]] = {}

    def install(kind: str) -> tuple[Path, Path]:
        if kind not in sites:
            folder = generated / f"quaid-{NAMES[kind]}"
            site = tmp_path_factory.mktemp(f"site-{kind}")
            result = subprocess.run(
                [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                 "--no-input", "--disable-pip-version-check", "--target", str(site), str(folder)],
                capture_output=True, text=True, timeout=180)
            assert result.returncode == 0, result.stdout + result.stderr
            sites[kind] = (folder, site)
        return sites[kind]

    return install


@pytest.mark.parametrize("kind", list(KINDS))
def test_generated_plugin_passes_its_own_tests(kind, installed, capsys):
    folder, site = installed(kind)
    started = time.perf_counter()
    # -P: the project folder is not on sys.path, so the tests import the installed wheel (a
    # packaging mistake cannot hide behind the source folder). Only the pytest plugins the
    # project relies on are loaded, by their entry points: pytest-asyncio (its `test` extra)
    # and quaid's harness; not the rest of this venv's (hypothesis alone takes 2 s to import).
    command = [sys.executable, "-P", "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "-p", "asyncio", "-p", "quaid"]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300,
                            env=subprocess_env(site, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1"))
    wall = time.perf_counter() - started
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    found = REPORTED.search(result.stdout)
    assert found and int(found.group(1)) >= 3, output
    assert not re.search(r"skipped|xfail|warning", result.stdout, re.I), output
    with capsys.disabled():
        print(f"\n[scaffold] {kind}: {found.group(1)} generated tests passed in {found.group(2)}s "
              f"(pytest's figure; {wall:.2f}s with interpreter start-up)")


def test_metric_sink_tests_pass_alone(installed, capsys):
    """A third-party metric sink's harness tests, run alone as their author would. The time
    pytest reports is printed (a figure, not an assertion: the machine may be shared)."""
    folder, site = installed("metric_sink")
    result = subprocess.run([sys.executable, "-m", "pytest", "tests"], cwd=folder,
                            env=subprocess_env(site), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    with capsys.disabled():
        print(f"\n[scaffold] metric_sink: `python -m pytest tests` reported "
              f"{float(REPORTED.search(result.stdout).group(2))} s")


def test_generated_code_passes_ruff(tmp_path):
    pytest.importorskip("ruff")
    for kind, name in NAMES.items():
        write(PluginSpec(name, kind), tmp_path / "short")
        write(PluginSpec("x" * MAX_NAME_LENGTH, kind), tmp_path / f"longest-{kind}")
    # Each project is checked with the [tool.ruff] of its own pyproject.toml.
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("kind", list(KINDS))
def test_generated_module_is_a_plugin_of_its_kind(kind, tmp_path, monkeypatch):
    """In process, without installing: the module loads, states a host API this Quaid has,
    validates its block strictly and offers a component of its kind under its name."""
    name = "town-hall"
    folder = write(PluginSpec(name, kind), tmp_path)
    source = folder / "quaid_town_hall" / "__init__.py"
    spec = importlib.util.spec_from_file_location("quaid_town_hall", source)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "quaid_town_hall", module)
    spec.loader.exec_module(module)

    assert host_api_problem(name, module) is None and f">={HOST_API_VERSION},<{int(HOST_API_VERSION.split('.')[0]) + 1}" == module.QUAID_HOST_API
    plugins = Plugins(extra={name: module}, entry_points=False)
    schema = plugins.config_schema(name)
    assert schema.model_config["extra"] == "forbid"
    assert [f for f in schema.model_fields.values() if f.description], "a documented option"
    registration = plugins.components(kind)[name]
    if kind != "channel":  # a channel adds routes: it needs a running host (tested above)
        ctx = ComponentContext(name, name, schema(), tmp_path / "data", DetachedHost(tmp_path))
        assert isinstance(registration.factory(ctx), PROTOCOLS[kind])


def test_the_distribution_metadata(tmp_path):
    result = new_plugin("town-hall", "--kind", "nlu", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "pip install -e" in result.output and "python -m pytest" in result.output
    folder = tmp_path / "quaid-town-hall"
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        ".gitignore", "README.md", "pyproject.toml", "quaid_town_hall/__init__.py",
        "tests/test_town_hall.py"]
    meta = tomllib.loads((folder / "pyproject.toml").read_text())
    assert meta["build-system"]["build-backend"] == "setuptools.build_meta"
    project = meta["project"]
    assert project["name"] == "quaid-town-hall"
    assert "quaid>=0.2,<0.3" in project["dependencies"]
    assert any(d.startswith("rapidfuzz") for d in project["dependencies"])
    assert project["entry-points"]["quaid"] == {"town-hall": "quaid_town_hall"}
    assert sorted(re.split(r"[<>=]", r)[0] for r in project["optional-dependencies"]["test"]) == [
        "pytest", "pytest-asyncio"]
    assert meta["tool"]["pytest"]["ini_options"]["asyncio_mode"] == "auto"
    readme = (folder / "README.md").read_text()
    assert "pip install -e" in readme and "nlu: town-hall" in readme and "pytest" in readme


@pytest.mark.parametrize("name", ["Visits", "1visits", "vi sits", "visits_", "vi--sits", "vi.sits",
                                  "visités", "-visits", ""])
def test_names_that_are_not_identifiers_are_refused(name, tmp_path):
    result = new_plugin("--kind", "metric_sink", "--dir", str(tmp_path), "--", name)
    assert result.exit_code == 2
    assert "is not a plugin name" in result.output and "lower-case letters" in result.output
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(("name", "message"), [
    ("quaid-visits", "leave out the 'quaid-' prefix"),
    ("v" * (MAX_NAME_LENGTH + 1), f"longer than {MAX_NAME_LENGTH} characters"),
    ("harness", "used by the test harness"),
    ("recording", "used by the test harness"),
])
def test_other_bad_names_are_refused(name, message, tmp_path):
    result = new_plugin(name, "--kind", "metric_sink", "--dir", str(tmp_path))
    assert result.exit_code == 2 and message in result.output, result.output


def test_the_name_of_an_installed_plugin_needs_force(tmp_path):
    taken = next(iter(importlib.metadata.entry_points(group="quaid")), None)
    if taken is None:
        pytest.skip("no Quaid plugin is installed in this environment")
    result = new_plugin(taken.name, "--kind", "search", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "is already installed" in result.output, result.output
    assert not any(tmp_path.iterdir())
    result = new_plugin(taken.name, "--kind", "search", "--dir", str(tmp_path), "--force")
    assert result.exit_code == 0, result.output


def test_kind_is_required_and_checked(tmp_path):
    result = new_plugin("visits", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "Missing option '--kind'" in result.output
    result = new_plugin("visits", "--kind", "chatbot", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "'chatbot' is not one of" in result.output


def test_an_existing_folder_needs_force(tmp_path):
    assert new_plugin("visits", "--kind", "handoff", "--dir", str(tmp_path)).exit_code == 0
    module = tmp_path / "quaid-visits" / "quaid_visits" / "__init__.py"
    original = module.read_text()
    module.write_text("# edited\n")
    (tmp_path / "quaid-visits" / "NOTES.md").write_text("mine")

    result = new_plugin("visits", "--kind", "handoff", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "already exists; use --force" in result.output
    assert module.read_text() == "# edited\n"

    result = new_plugin("visits", "--kind", "handoff", "--dir", str(tmp_path), "--force")
    assert result.exit_code == 0, result.output
    assert module.read_text() == original
    assert (tmp_path / "quaid-visits" / "NOTES.md").read_text() == "mine"  # not generated: kept


def test_a_file_in_the_way_is_refused_even_with_force(tmp_path):
    (tmp_path / "quaid-visits").write_text("not a folder")
    result = new_plugin("visits", "--kind", "redactor", "--dir", str(tmp_path), "--force")
    assert result.exit_code == 1 and "is not a folder" in result.output
