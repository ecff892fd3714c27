"""What registration hooks receive (``register``) and what they produce (registrations).

Kept apart from :mod:`quaidcore.plugins` so that the hook specifications can name these
types without importing the plugin manager.
"""

from __future__ import annotations

from dataclasses import dataclass

from .components import Factory

__all__ = ["PluginError", "Register", "Registration"]


class PluginError(Exception):
    """A plugin misbehaved or the config names a plugin or component that does not exist."""


@dataclass(frozen=True)
class Registration:
    """A component offered by a plugin: its kind, its name, its factory and its plugin."""

    kind: str
    name: str
    factory: Factory | None
    plugin: str


class Register:
    """The ``register`` callback handed to registration hooks, bound to one plugin:
    ``register(name, factory)`` offers a component under `name`."""

    def __init__(self, kind: str, plugin: str, into: dict[str, Registration]) -> None:
        self.kind, self.plugin, self._into = kind, plugin, into

    def __call__(self, name: str, factory: Factory | None) -> None:
        if name in self._into:
            other = self._into[name].plugin
            raise PluginError(
                f"{self.kind} {name!r} is registered twice: by plugin {other!r} and by {self.plugin!r}"
            )
        self._into[name] = Registration(self.kind, name, factory, self.plugin)
