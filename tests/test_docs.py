"""The documentation, checked against the code: the site builds with no warning (griffe's and
autorefs' included, so a stale cross-reference fails), every hook's documented signature is
its hookspec's, the changelog's latest host API version is the code's, the configuration
reference names every key of the config models, and the tutorial's plugin passes its test."""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from pydantic import BaseModel

import quaidcore
from quaidcore import hookspecs
from quaidcore.config import BrainConfig, CoreConfig

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HOOKS = {name: fn for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
         if name.startswith("quaid_")}
# The one format of a hook's heading in docs/plugins.md: its name and its arguments' names,
# in the hookspec's order, in a code span: ### `quaid_forget(host, conversation_ids)`
HOOK_HEADING = re.compile(r"^### `(quaid_\w+)\(((?:\w+(?:, \w+)*)?)\)`$", re.M)


def section(text: str, heading: str) -> str:
    """The body of the `## heading` section of a Markdown text, up to the next `## `."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"no '## {heading}' section"
    return match.group(1)


def test_site_builds_strict_without_warnings(tmp_path):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert time.monotonic() - started < 60, "the docs build got slow"
    reference = (tmp_path / "site" / "reference" / "index.html").read_text()
    for name in ("quaidcore.host.Host", "quaidcore.host.HOST_API_VERSION",
                 "quaidcore.components.ComponentContext", "quaidcore.testing.Harness",
                 "quaidcore.outbox.Outbox", "quaidcore.messages.Event", "quaidcore.http.read_json",
                 *(f"quaidcore.hookspecs.{h}" for h in HOOKS)):
        assert f'id="{name}"' in reference, f"{name} is missing from the API reference"
    changelog = (tmp_path / "site" / "changelog" / "index.html").read_text()
    assert quaidcore.HOST_API_VERSION in changelog and "Host API" in changelog


def test_hook_headings_are_the_hookspecs_signatures():
    text = (DOCS / "plugins.md").read_text()
    reference = section(text, "Hook reference")
    headings = re.findall(r"^### .*$", reference, re.M)
    malformed = [h for h in headings if not HOOK_HEADING.fullmatch(h)]
    assert not malformed, f"hook headings not in the form ### `quaid_x(arg1, arg2)`: {malformed}"
    documented: dict[str, list[str]] = {}
    for name, args in HOOK_HEADING.findall(reference):
        assert name not in documented, f"{name} is documented twice"
        documented[name] = args.split(", ") if args else []
    assert sorted(documented) == sorted(HOOKS), "docs/plugins.md documents other hooks than hookspecs.py"
    wrong = {name: (args, list(inspect.signature(HOOKS[name]).parameters))
             for name, args in documented.items()
             if args != list(inspect.signature(HOOKS[name]).parameters)}
    assert not wrong, f"documented (arguments) != hookspec (arguments): {wrong}"


def test_changelog_latest_host_api_is_the_codes():
    host_api = section((ROOT / "CHANGELOG.md").read_text(), "Host API")
    versions = re.findall(r"^### (\d+)\.(\d+)\b", host_api, re.M)
    assert versions, "no '### MAJOR.MINOR' version under '## Host API' in CHANGELOG.md"
    as_tuples = [(int(major), int(minor)) for major, minor in versions]
    assert as_tuples == sorted(as_tuples, reverse=True), "host API versions must be newest first"
    assert "{}.{}".format(*versions[0]) == quaidcore.HOST_API_VERSION


def _keys(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every key of a config model: nested models' keys dotted (``server.port``)."""
    keys = set()
    for name, field in model.model_fields.items():
        inner = field.annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            keys |= _keys(inner, f"{prefix}{name}.")
        else:
            keys.add(prefix + name)
    return keys


def _table(text: str) -> list[list[str]]:
    """The rows of the Markdown tables in `text`, as lists of cells (headers left out)."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("|---")]
    return [row for row in rows if row[0] not in ("key", "plugin")]


def test_configuration_reference_names_every_key():
    text = (DOCS / "configuration.md").read_text()
    documented = {key for row in _table(text.split("## Brains")[0])
                  for key in re.findall(r"`([\w.]+)`", row[0])}
    expected = _keys(CoreConfig)
    assert not expected - documented, f"config keys missing from docs/configuration.md: {expected - documented}"
    assert not documented - expected, f"docs/configuration.md documents unknown keys: {documented - expected}"
    brains = section(text, "Brains")
    missing = [key for key in BrainConfig.model_fields if not re.search(rf"\b{key}:", brains)]
    assert not missing, f"brain keys missing from the Brains section: {missing}"


def test_configuration_reference_lists_each_bundled_plugins_options():
    from quaidcore.plugins import Plugins

    plugins = Plugins()
    rows = _table(section((DOCS / "configuration.md").read_text(), "Bundled plugins"))
    bundled = {re.search(r"^\s+(\w+) = ", cfg.read_text(), re.M).group(1)
               for cfg in ROOT.glob("plugins/*/*/setup.cfg")}
    assert bundled - {row[0].strip("`") for row in rows} == set(), "every bundled plugin has a row"
    for row in rows:
        name = row[0].strip("`")
        if name not in plugins.names():
            continue  # not installed here: `make install` installs every bundled plugin
        schema = plugins.config_schema(name)
        fields = set(schema.model_fields) if schema else set()
        listed = {token for group in re.findall(r"`([^`]+)`", row[2]) if "." not in group and "plugins/" not in group  # not a path
                  for token in group.split("/") if re.fullmatch(r"[a-z_][a-z0-9_]*", token)}
        assert listed == fields, f"plugin {name}: documented {sorted(listed)}, schema {sorted(fields)}"


def test_the_tutorials_plugin_passes_its_test(tmp_path):
    text = (DOCS / "tutorial.md").read_text()
    toml = re.findall(r"```toml\n(.*?)```", text, re.S)
    module, test = re.findall(r"```python\n(.*?)```", text, re.S)[:2]
    package = re.search(r'^(\w+) = "(quaid_\w+)"$', toml[0], re.M).group(2)
    (tmp_path / "pyproject.toml").write_text(toml[0])
    (tmp_path / package).mkdir()
    (tmp_path / package / "__init__.py").write_text(module)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_tutorial.py").write_text(test)
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUAID_")}
    env["PYTHONPATH"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b\d+ passed\b", result.stdout), result.stdout

