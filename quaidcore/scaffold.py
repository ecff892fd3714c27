"""``quaid new-plugin``: the starter kit for a third-party plugin.

``quaid new-plugin NAME --kind KIND`` writes a complete, installable distribution into
``DIR/quaid-NAME``: a ``pyproject.toml`` (setuptools, PEP 621, the ``quaid`` entry point),
the package ``quaid_NAME`` with a pydantic config schema and a working component of the
chosen kind, a README, and tests that run a real conversation through the component with
the ``quaid_harness`` fixture. The files come from the Jinja2 templates under
``quaidcore/templates/plugin/``: the shared ones at the top, one module and one test file
per kind under ``kinds/KIND/``.
"""

from __future__ import annotations

import importlib.metadata
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import __version__
from .host import HOST_API_VERSION
from .plugins import ENTRY_POINT_GROUP

TEMPLATES = Path(__file__).resolve().parent / "templates"

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")
MAX_NAME_LENGTH = 30
LINE_LENGTH = 100  # of the generated code (its pyproject's [tool.ruff])
# Names the test harness uses for its own plugin and components: a plugin named so could
# not be tested with the `quaid_harness` fixture.
RESERVED_NAMES = frozenset({"harness", "harness_nlu", "harness-nlu", "recording", "test"})

__all__ = ["KINDS", "Kind", "PluginSpec", "check_name", "from_import", "installed_as", "new_plugin",
           "render", "templates", "write"]


@dataclass(frozen=True)
class Kind:
    """What differs between the kinds of plugin the starter kit writes."""

    title: str
    """A human name of the kind (``metric sink``)."""
    protocol: str
    """The protocol in :mod:`quaidcore.components` the component follows."""
    hook: str
    """The registration hook of :mod:`quaidcore.hookspecs`."""
    suffix: str
    """The component class's name ends with this (``CounterSink``)."""
    what: str
    """What the generated component does, for the README and the package metadata."""
    dependencies: tuple[str, ...] = ()
    """Requirements beyond quaid and pydantic."""


KINDS: dict[str, Kind] = {
    "channel": Kind(
        "channel", "Channel", "quaid_register_channels", "Channel",
        "one JSON route for messages; replies that come later are kept until fetched",
        ("aiohttp>=3.9",)),
    "nlu": Kind(
        "NLU backend", "NLUBackend", "quaid_register_nlu_backends", "Backend",
        "the nearest training example by rapidfuzz similarity",
        ("rapidfuzz>=3.9",)),
    "search": Kind(
        "search backend", "SearchBackend", "quaid_register_search_backends", "Search",
        "the fallback search over a few pages listed in the config"),
    "redactor": Kind(
        "redactor", "Redactor", "quaid_register_redactors", "Redactor",
        "masks e-mail addresses, except at the domains the config keeps"),
    "handoff": Kind(
        "handoff target", "HandoffTarget", "quaid_register_handoff_targets", "Target",
        "handed-off conversations and later client messages in a JSON lines file"),
    "metric_sink": Kind(
        "metric sink", "MetricSink", "quaid_register_metric_sinks", "Sink",
        "counts events by type and appends them to a JSON lines file"),
}


@dataclass(frozen=True)
class PluginSpec:
    """Everything the templates need to know about the plugin to write."""

    name: str
    kind: str

    @property
    def package(self) -> str:
        """The import package: ``quaid_`` and the name with underscores."""
        return "quaid_" + self.name.replace("-", "_")

    @property
    def distribution(self) -> str:
        """The distribution (and folder) name."""
        return f"quaid-{self.name}"

    @property
    def camel(self) -> str:
        """``my-sink`` → ``MySink``: the prefix of the generated class names."""
        return "".join(part.capitalize() for part in re.split(r"[-_]", self.name))

    def context(self) -> dict[str, Any]:
        """The variables the templates see."""
        kind = KINDS[self.kind]
        major, minor = __version__.split(".")[:2]
        api_major = HOST_API_VERSION.split(".")[0]
        dependencies = [f"quaid>={major}.{minor},<{major}.{int(minor) + 1}", "pydantic>=2.10,<3",
                        *kind.dependencies]
        return {
            "name": self.name, "kind": self.kind, "k": kind, "package": self.package,
            "distribution": self.distribution, "camel": self.camel,
            "config_class": f"{self.camel}Config", "component_class": f"{self.camel}{kind.suffix}",
            "module_test": f"test_{self.package.removeprefix('quaid_')}",
            "host_api": f">={HOST_API_VERSION},<{int(api_major) + 1}",
            "dependencies": dependencies, "quaid_version": __version__,
            "line_length": LINE_LENGTH,
        }


def check_name(name: str) -> str:
    """`name` if it can name a plugin, else a :class:`click.BadParameter` saying why."""
    if name.startswith(("quaid-", "quaid_")):
        raise click.BadParameter(f"{name!r}: leave out the 'quaid-' prefix; the distribution is "
                                 f"called quaid-NAME anyway (try {name[6:]!r})")
    if not NAME_PATTERN.fullmatch(name):
        raise click.BadParameter(
            f"{name!r} is not a plugin name: use lower-case letters, digits, and single '-' or "
            "'_' between them, starting with a letter (e.g. 'visits' or 'town-hall')")
    if len(name) > MAX_NAME_LENGTH:
        raise click.BadParameter(f"{name!r} is longer than {MAX_NAME_LENGTH} characters")
    if name in RESERVED_NAMES:
        raise click.BadParameter(f"{name!r} is used by the test harness; choose another name")
    return name


def installed_as(name: str) -> str | None:
    """The distribution (and version) of an installed plugin called `name`, or None."""
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            return f"{ep.dist.name} {ep.dist.version}" if ep.dist else "an unknown distribution"
    return None


def from_import(module: str, *names: str) -> str:
    """``from module import a, b`` as ruff's isort writes it: one line when it fits, else
    one name a line in parentheses (long plugin names make long class names)."""
    names = tuple(sorted(names))
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    return f"from {module} import (\n" + "".join(f"    {name},\n" for name in names) + ")"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                      autoescape=False)
    env.globals["from_import"] = from_import
    return env


def templates(spec: PluginSpec) -> dict[str, str]:
    """The files of the plugin's distribution: relative path → template."""
    return {
        "pyproject.toml": "plugin/pyproject.toml.j2",
        "README.md": "plugin/README.md.j2",
        ".gitignore": "plugin/gitignore.j2",
        f"{spec.package}/__init__.py": f"plugin/kinds/{spec.kind}/module.py.j2",
        f"tests/{spec.context()['module_test']}.py": f"plugin/kinds/{spec.kind}/test.py.j2",
    }


def render(spec: PluginSpec) -> dict[str, str]:
    """The files of the plugin's distribution: relative path → content."""
    env, context = _environment(), spec.context()
    return {path: env.get_template(template).render(context)
            for path, template in templates(spec).items()}


def write(spec: PluginSpec, directory: Path, force: bool = False) -> Path:
    """Write the distribution into ``directory/quaid-NAME``; returns that folder.

    Raises :class:`click.ClickException` when the folder exists (without `force`: with it,
    the generated files are overwritten and any other file is left alone).
    """
    target = directory / spec.distribution
    if target.exists() and not target.is_dir():
        raise click.ClickException(f"{target} exists and is not a folder")
    if target.exists() and not force:
        raise click.ClickException(f"{target} already exists; use --force to overwrite the "
                                   "generated files in it")
    for relative, content in render(spec).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return target


def _name_callback(ctx: click.Context, param: click.Parameter, value: str) -> str:
    return check_name(value)


@click.command("new-plugin")
@click.argument("name", callback=_name_callback)
@click.option("--kind", required=True, type=click.Choice(list(KINDS)),
              help="The component the plugin offers.")
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Where to create the quaid-NAME folder.")
@click.option("--force", is_flag=True, help="Overwrite the generated files of an existing "
              "quaid-NAME folder; allow the name of an installed plugin.")
def new_plugin(name: str, kind: str, directory: Path, force: bool) -> None:
    """Write a new plugin distribution, quaid-NAME, into DIR.

    NAME is the plugin's name in the config (lower case, e.g. `visits` or `town-hall`); the
    package is quaid_NAME (with underscores). The plugin offers a working component of
    KIND, a config schema, a README and tests that use the quaid_harness fixture.
    """
    taken = installed_as(name)
    if taken and not force:
        raise click.BadParameter(
            f"a plugin named {name!r} is already installed ({taken}); choose another name, or "
            "use --force to write it anyway (to regenerate your own)", param_hint="NAME")
    spec = PluginSpec(name, kind)
    target = write(spec, directory, force)
    files = sorted(templates(spec))
    click.echo(f"wrote {spec.distribution} ({KINDS[kind].title}) in {target}: {', '.join(files)}")
    click.echo("next steps:")
    click.echo(f"  cd {target}")
    click.echo('  pip install -e ".[test]"        # installs the plugin and pytest')
    click.echo("  python -m pytest                # runs a conversation through it")
    click.echo(f"then enable it in quaid.yaml (see {target / 'README.md'}) and run `quaid plugins`.")
