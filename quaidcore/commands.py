"""A host for command-line tools: what a plugin's ``quaid`` sub-command runs against.

A plugin's command (``quaid agents add``, ``quaid chat``) needs the configured store, the
knowledge base and the redaction chain, without serving::

    @click.command()
    @click.option("--config", "config_path")
    def agents(config_path):
        async def run():
            async with command_host(config_path) as host:
                with host.db():
                    ...
        asyncio.run(run())
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import STARTER_CONFIG, Config, ConfigError, find_config, load_config
from .kb import KBError
from .logging import configure, set_redactor
from .registry import PluginError

if TYPE_CHECKING:
    from .app import Quaid
    from .host import Host
    from .plugins import Plugins

_plugins: Plugins | None = None


class CommandError(Exception):
    """The config or a plugin cannot be used; the message says where and why."""


def discovered_plugins() -> Plugins:
    """The plugins installed in this environment (discovered once per process)."""
    from .plugins import Plugins

    global _plugins
    if _plugins is None:
        _plugins = Plugins()
    return _plugins


def load(config_path: str | None) -> Config:
    """The validated config: `config_path`, else ``$QUAID_CONFIG``, else ``./quaid.yaml``,
    else the repository's ``config/quaid.yaml``, else the starter config of the wheel."""
    path = Path(config_path or os.environ.get("QUAID_CONFIG") or find_config()).resolve()
    if path == STARTER_CONFIG and not os.environ.get("QUAID_DATA_DIR"):
        # The wheel's own starter config: data goes to ./data, never into site-packages.
        os.environ["QUAID_DATA_DIR"] = str(Path.cwd() / "data")
    try:
        return load_config(path, discovered_plugins())
    except (ConfigError, PluginError) as exc:
        raise CommandError(str(exc)) from None


def build(config_path: str | None, log_stream: Any = None) -> Quaid:
    """A :class:`~quaidcore.app.Quaid` for the config, with logging set up (not started)."""
    from .app import Quaid
    from .plugins import Plugins

    config = load(config_path)
    configure(config.core.logging.format, config.core.logging.level, log_stream)
    try:  # a plugin manager of its own: the host blocks the plugins its config does not enable
        quaid = Quaid(config, Plugins())
    except (KBError, PluginError, ValueError, KeyError) as exc:
        raise CommandError(str(exc)) from None
    set_redactor(lambda text: quaid.redact(text).text)
    return quaid


@contextlib.asynccontextmanager
async def command_host(config_path: str | None = None, start: bool = False,
                       plugin: str | None = None, log_stream: Any = None) -> AsyncIterator[Host]:
    """The :class:`~quaidcore.host.Host` of the config, for a command-line tool.

    By default only the store is open (the plugin's tables exist): enough for ``db()``,
    ``redact`` and ``kb``. With ``start=True`` the host starts as for serving (brains
    trained or loaded, components and background tasks started), and conversations run.
    `plugin` names a plugin the command belongs to: :class:`CommandError` if the config
    does not enable it. Raises :class:`CommandError` with a readable message when the
    config is wrong.
    """
    quaid = build(config_path, log_stream)
    if plugin is not None and plugin not in quaid.config.enabled:
        raise CommandError(f"{quaid.config.path}: the {plugin} plugin is not enabled "
                           f"(add `{plugin}: {{}}` under `plugins:`)")
    if start:
        await quaid.start()
        try:
            yield quaid
        finally:
            await quaid.stop()
        return
    await quaid.store.open()
    try:
        yield quaid
    finally:
        await quaid.store.close()
