"""The plugin manager: entry-point discovery, enabling from config, and a typed facade.

Core code calls methods of :class:`Plugins`, one per hook; it never calls ``pm.hook.*`` ad
hoc and never imports a plugin. Plugins are modules named by entry points in the ``quaid``
group. Once the config is read, :meth:`Plugins.enable` *blocks* every plugin it does not
enable (pluggy's ``set_blocked``): a disabled plugin's hooks are never called again.
"""

from __future__ import annotations

import importlib.metadata
import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pluggy
from packaging.specifiers import InvalidSpecifier, SpecifierSet

from . import hookspecs
from .host import HOST_API_VERSION, Host
from .registry import PluginError, Register, Registration

ENTRY_POINT_GROUP = "quaid"
hookimpl = pluggy.HookimplMarker("quaid")

KINDS = {
    "channel": "quaid_register_channels",
    "nlu": "quaid_register_nlu_backends",
    "language_detector": "quaid_register_language_detectors",
    "search": "quaid_register_search_backends",
    "redactor": "quaid_register_redactors",
    "handoff": "quaid_register_handoff_targets",
    "metric_sink": "quaid_register_metric_sinks",
    "models": "quaid_register_models",
}

__all__ = ["ENTRY_POINT_GROUP", "KINDS", "PluginError", "PluginInfo", "Plugins", "Register",
           "Registration", "await_me_maybe", "hookimpl"]


@dataclass(frozen=True)
class PluginInfo:
    """A discovered plugin and the distribution it came from."""

    name: str
    distribution: str
    version: str
    module: str


async def await_me_maybe(value: Any) -> Any:
    """Await `value` if it is awaitable: lets a hook be a plain function or a coroutine."""
    if inspect.isawaitable(value):
        return await value
    return value


def host_api_problem(name: str, module: object) -> str | None:
    """Why `module` cannot run on this host API (its ``QUAID_HOST_API`` specifier), or None."""
    wanted = getattr(module, "QUAID_HOST_API", None)
    if wanted is None:
        return None
    try:
        ok = HOST_API_VERSION in SpecifierSet(str(wanted))
    except InvalidSpecifier:
        return f"plugin {name!r}: QUAID_HOST_API {wanted!r} is not a version specifier"
    if ok:
        return None
    return f"plugin {name!r} needs host API {wanted}; this Quaid has {HOST_API_VERSION}"


class Plugins:
    """The discovered plugins and the typed calls the core makes to them."""

    def __init__(self, extra: Mapping[str, ModuleType | object] | None = None,
                 entry_points: bool | Iterable[str] = True) -> None:
        """`entry_points`: True loads every installed plugin, False none, a list of names
        only those (the test harness loads what a test names)."""
        self.pm = pluggy.PluginManager("quaid")
        self.pm.add_hookspecs(hookspecs)
        self._info: dict[str, PluginInfo] = {}
        self.broken: dict[str, str] = {}
        self.enabled: frozenset[str] | None = None
        if entry_points:
            self._load_entry_points(None if entry_points is True else set(entry_points))
        for name, module in (extra or {}).items():
            self.add(name, module)
        self.pm.check_pending()

    def _load_entry_points(self, only: set[str] | None) -> None:
        found = set()
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self.pm.get_plugin(ep.name) is not None or (only is not None and ep.name not in only):
                continue
            found.add(ep.name)
            dist = ep.dist
            self._info[ep.name] = PluginInfo(ep.name, dist.name if dist else "?",
                                             dist.version if dist else "?", ep.value)
            try:
                module = ep.load()
            except Exception as exc:  # a broken plugin is an error only where it is enabled
                self.broken[ep.name] = f"plugin {ep.name!r} ({ep.value}) failed to load: {exc!r}"
                continue
            problem = host_api_problem(ep.name, module)
            if problem:
                self.broken[ep.name] = problem
                continue
            self.pm.register(module, name=ep.name)
        missing = sorted((only or set()) - found)
        if missing:
            raise PluginError(f"no installed plugin named {', '.join(map(repr, missing))} "
                              f"(entry point group {ENTRY_POINT_GROUP!r})")

    def add(self, name: str, module: ModuleType | object) -> None:
        """Register a plugin object directly (tests, embedding)."""
        problem = host_api_problem(name, module)
        if problem:
            raise PluginError(problem)
        self.pm.register(module, name=name)
        self._info[name] = PluginInfo(name, "(registered in process)", "-",
                                      getattr(module, "__name__", type(module).__name__))

    def enable(self, names: Iterable[str]) -> None:
        """Block every plugin not in `names`: their hooks are never called again."""
        self.enabled = frozenset(names)
        for name in self._info:
            if name not in self.enabled and not self.pm.is_blocked(name):
                self.pm.set_blocked(name)

    @property
    def discovered(self) -> list[PluginInfo]:
        """Every plugin found, sorted by name."""
        return sorted(self._info.values(), key=lambda info: info.name)

    def names(self) -> set[str]:
        """Names of every discovered plugin."""
        return set(self._info)

    # -- one typed method per hook -----------------------------------------------------

    def config_schema(self, plugin: str) -> Any:
        """``quaid_config_schema`` of one plugin: the pydantic model of its block, or None."""
        caller = self.pm.subset_hook_caller(
            "quaid_config_schema", [p for n, p in self.pm.list_name_plugin() if n != plugin])
        results = caller()
        return results[0] if results else None

    def _register(self, kind: str) -> dict[str, Registration]:
        # Each implementation gets a `register` bound to its own plugin, so that a component
        # is made with its own plugin's config block: the hook caller's implementations are
        # called one by one (the blocked ones are gone from it).
        found: dict[str, Registration] = {}
        for impl in getattr(self.pm.hook, KINDS[kind]).get_hookimpls():
            impl.function(register=Register(kind, impl.plugin_name, found))
        return found

    def channels(self) -> dict[str, Registration]:
        """``quaid_register_channels``: every channel offered, by name."""
        return self._register("channel")

    def nlu_backends(self) -> dict[str, Registration]:
        """``quaid_register_nlu_backends``: every NLU backend offered, by name."""
        return self._register("nlu")

    def language_detectors(self) -> dict[str, Registration]:
        """``quaid_register_language_detectors``: every language detector offered."""
        return self._register("language_detector")

    def search_backends(self) -> dict[str, Registration]:
        """``quaid_register_search_backends``: every search backend offered."""
        return self._register("search")

    def redactors(self) -> dict[str, Registration]:
        """``quaid_register_redactors``: every redactor offered."""
        return self._register("redactor")

    def handoff_targets(self) -> dict[str, Registration]:
        """``quaid_register_handoff_targets``: every handoff target offered."""
        return self._register("handoff")

    def metric_sinks(self) -> dict[str, Registration]:
        """``quaid_register_metric_sinks``: every metric sink offered."""
        return self._register("metric_sink")

    def models(self) -> list[str]:
        """``quaid_register_models``: the tortoise model modules of the plugins' own tables."""
        return list(self._register("models"))

    def components(self, kind: str) -> dict[str, Registration]:
        """Every component of `kind` (a key of :data:`KINDS`) offered by the enabled plugins."""
        return self._register(kind)

    def register_commands(self, cli: Any) -> None:
        """``quaid_register_commands``: let every plugin add its sub-commands to the CLI."""
        self.pm.hook.quaid_register_commands(cli=cli)

    async def startup(self, host: Host) -> None:
        """``quaid_startup``: every enabled plugin's start-up hook, in registration order."""
        for result in reversed(self.pm.hook.quaid_startup(host=host)):
            await await_me_maybe(result)

    async def forget(self, host: Host, conversation_ids: list[str]) -> None:
        """``quaid_forget``: every enabled plugin deletes what it stores of these conversations."""
        for result in self.pm.hook.quaid_forget(host=host, conversation_ids=conversation_ids):
            await await_me_maybe(result)

    async def shutdown(self, host: Host) -> None:
        """``quaid_shutdown``: every enabled plugin's shut-down hook."""
        for result in self.pm.hook.quaid_shutdown(host=host):
            await await_me_maybe(result)
