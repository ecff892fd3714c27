"""Every hook a Quaid plugin can implement, with its contract.

A plugin is a module named by an entry point in the ``quaid`` group. It implements some of
the hooks below with ``@quaidcore.hookimpl``. The registration hooks receive a ``register``
callback: ``register(name, factory)`` offers a component that the YAML config can then
select by `name`; the core calls ``factory(ComponentContext)`` with the plugin's own
validated config block (see :func:`quaid_config_schema`) and gets a component following the
matching protocol in :mod:`quaidcore.components`.

Hooks may be plain functions or coroutines (``async def``); the core awaits what needs it.
The lifecycle hooks receive the :class:`~quaidcore.host.Host`: the whole of what a plugin
may ask of the running Quaid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

from .host import Host
from .registry import Register

if TYPE_CHECKING:
    import click
    from pydantic import BaseModel

hookspec = pluggy.HookspecMarker("quaid")


@hookspec
def quaid_config_schema() -> type[BaseModel] | None:
    """The pydantic model of this plugin's block under ``plugins:`` in the YAML config.

    Unknown keys and wrong types in the block are reported naming the file, the key and the
    plugin. A plugin without a block returns None (or does not implement the hook).
    """


@hookspec
def quaid_register_channels(register: Register) -> None:
    """Offer channel adapters (:class:`~quaidcore.components.Channel`).

    ``register("web", factory)``; the core starts every channel whose plugin is enabled.
    """


@hookspec
def quaid_register_nlu_backends(register: Register) -> None:
    """Offer NLU backends (:class:`~quaidcore.components.NLUBackend`).

    A brain in the config picks one by name (``brains: {web: {nlu: fasttext}}``); the core
    makes one instance per brain.
    """


@hookspec
def quaid_register_language_detectors(register: Register) -> None:
    """Offer language detectors (:class:`~quaidcore.components.LanguageDetector`).

    The config picks one with ``language_detector: NAME``.
    """


@hookspec
def quaid_register_search_backends(register: Register) -> None:
    """Offer fallback search engines (:class:`~quaidcore.components.SearchBackend`).

    The config picks one with ``search: NAME``.
    """


@hookspec
def quaid_register_redactors(register: Register) -> None:
    """Offer redactors (:class:`~quaidcore.components.Redactor`).

    The config lists the chain in order: ``redaction: [patterns, ...]``. Every redactor of
    the chain sees the original text; where spans overlap, the earlier redactor wins.
    """


@hookspec
def quaid_register_handoff_targets(register: Register) -> None:
    """Offer handoff targets (:class:`~quaidcore.components.HandoffTarget`).

    The config picks one per channel: ``handoff: {default: helpdesk, channels: {...}}``.
    ``handoff`` and ``client_message`` are called once the turn that asked for them is
    committed; a target whose writes live in the core's store may instead add them to that
    turn's own transaction (:class:`~quaidcore.components.TurnWriter`: ``handoff_writes``,
    ``forward_writes`` returning a :class:`~quaidcore.components.TurnWrite`; host API 1.2).
    """


@hookspec
def quaid_register_metric_sinks(register: Register) -> None:
    """Offer metric sinks (:class:`~quaidcore.components.MetricSink`).

    The config lists the sinks that receive every event: ``metrics: [sql, log]``.
    """


@hookspec
def quaid_register_models(register: Register) -> None:
    """Offer tortoise-orm model modules for the plugin's own tables.

    ``register("quaid_helpdesk.models", None)``: the module is added to the ORM's apps and
    its tables are created with the core's on first start.
    """


@hookspec
def quaid_register_commands(cli: click.Group) -> None:
    """Add sub-commands to the ``quaid`` command line (``cli.add_command(...)``)."""


@hookspec
def quaid_forget(host: Host, conversation_ids: list[str]) -> Any:
    """Delete everything the plugin stores about these conversations (a client asked to be
    forgotten: ``quaid privacy forget``). May be a coroutine. The core deletes its own rows
    and drops them from every running worker's memory."""


@hookspec
def quaid_startup(host: Host) -> Any:
    """Called once the host is assembled and the store is open, before serving.

    May be a coroutine. Use it to add routes (``host.routes(prefix)``) or background tasks
    (``host.background(name, run)``); the host starts those after every start-up hook.
    """


@hookspec
def quaid_shutdown(host: Host) -> Any:
    """Called when the server stops, after background tasks and outboxes stopped and
    before the store closes. May be a coroutine."""
