"""The plugin manager: entry-point discovery, enabling from config, and a typed facade.

Core code calls methods of :class:`Plugins`; it never calls ``pm.hook.*`` ad hoc and never
imports a plugin. Plugins are modules named by entry points in the ``quaid`` group.
"""

from __future__ import annotations

import importlib.metadata
import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pluggy

from . import hookspecs
from .components import Factory

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


@dataclass(frozen=True)
class Registration:
    """A component offered by a plugin: its kind, its name, its factory and its plugin."""

    kind: str
    name: str
    factory: Factory | None
    plugin: str


@dataclass(frozen=True)
class PluginInfo:
    """A discovered plugin and the distribution it came from."""

    name: str
    distribution: str
    version: str
    module: str


class Register:
    """The ``register`` callback handed to registration hooks, bound to one plugin."""

    def __init__(self, kind: str, plugin: str, into: dict[str, Registration]) -> None:
        self.kind, self.plugin, self._into = kind, plugin, into

    def __call__(self, name: str, factory: Factory | None) -> None:
        if name in self._into:
            other = self._into[name].plugin
            raise PluginError(
                f"{self.kind} {name!r} is registered twice: by plugin {other!r} and by {self.plugin!r}"
            )
        self._into[name] = Registration(self.kind, name, factory, self.plugin)


class PluginError(Exception):
    """A plugin misbehaved or the config names a plugin or component that does not exist."""


async def await_me_maybe(value: Any) -> Any:
    """Await `value` if it is awaitable: lets a hook be a plain function or a coroutine."""
    if inspect.isawaitable(value):
        return await value
    return value


class Plugins:
    """The discovered plugins and the typed calls the core makes to them."""

    def __init__(self, extra: Mapping[str, ModuleType | object] | None = None,
                 entry_points: bool = True) -> None:
        self.pm = pluggy.PluginManager("quaid")
        self.pm.add_hookspecs(hookspecs)
        self._info: dict[str, PluginInfo] = {}
        self.broken: dict[str, str] = {}
        if entry_points:
            self._load_entry_points()
        for name, module in (extra or {}).items():
            self.add(name, module)
        self.pm.check_pending()

    def _load_entry_points(self) -> None:
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if self.pm.get_plugin(ep.name) is not None:
                continue
            dist = ep.dist
            info = PluginInfo(ep.name, dist.name if dist else "?", dist.version if dist else "?", ep.value)
            try:
                module = ep.load()
            except Exception as exc:  # a broken plugin is an error only where it is enabled
                self.broken[ep.name] = f"plugin {ep.name!r} ({ep.value}) failed to load: {exc!r}"
                self._info[ep.name] = info
                continue
            self.pm.register(module, name=ep.name)
            self._info[ep.name] = info

    def add(self, name: str, module: ModuleType | object) -> None:
        """Register a plugin object directly (tests, embedding)."""
        self.pm.register(module, name=name)
        self._info[name] = PluginInfo(name, "(registered in process)", "-", getattr(module, "__name__", repr(module)))

    @property
    def discovered(self) -> list[PluginInfo]:
        """Every plugin found, sorted by name."""
        return sorted(self._info.values(), key=lambda info: info.name)

    def names(self) -> set[str]:
        """Names of every discovered plugin."""
        return set(self._info)

    def _impls(self, hook: str, enabled: Iterable[str] | None) -> list[pluggy.HookImpl]:
        impls = getattr(self.pm.hook, hook).get_hookimpls()
        if enabled is None:
            return list(impls)
        allowed = set(enabled)
        return [impl for impl in impls if impl.plugin_name in allowed]

    def schema(self, plugin: str) -> Any:
        """The pydantic model a plugin declares for its config block, or None."""
        for impl in self._impls("quaid_config_schema", [plugin]):
            return impl.function()
        return None

    def components(self, kind: str, enabled: Iterable[str] | None = None) -> dict[str, Registration]:
        """Every component of `kind` offered by the enabled plugins, by name."""
        found: dict[str, Registration] = {}
        for impl in self._impls(KINDS[kind], enabled):
            impl.function(register=Register(kind, impl.plugin_name, found))
        return found

    def register_commands(self, cli: Any) -> None:
        """Let every plugin add its sub-commands to the CLI."""
        self.pm.hook.quaid_register_commands(cli=cli)

    async def startup(self, quaid: Any, enabled: Iterable[str]) -> None:
        """Run every enabled plugin's start-up hook, in registration order."""
        for impl in reversed(self._impls("quaid_startup", enabled)):
            await await_me_maybe(impl.function(quaid=quaid))

    async def forget(self, quaid: Any, enabled: Iterable[str], conversation_ids: list[str]) -> None:
        """Ask every enabled plugin to delete what it stores about these conversations."""
        for impl in self._impls("quaid_forget", enabled):
            await await_me_maybe(impl.function(quaid=quaid, conversation_ids=conversation_ids))

    async def shutdown(self, quaid: Any, enabled: Iterable[str]) -> None:
        """Run every enabled plugin's shut-down hook."""
        for impl in self._impls("quaid_shutdown", enabled):
            await await_me_maybe(impl.function(quaid=quaid))
