"""``quaid agents add|list|disable|enable|password|unlock``: console accounts, in the config's store."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import click

from quaidcore import CommandError, command_host

from . import accounts
from .models import ROLES, Agent

config_option = click.option("--config", "-c", "config_path", type=click.Path(dir_okay=False),
                             help="YAML config file (default: $QUAID_CONFIG, else config/quaid.yaml).")


def with_store(config_path: str | None, work: Callable[[], Awaitable[Any]]) -> Any:
    """Open the config's store (creating the tables on first use), run `work`, close."""

    async def run() -> Any:
        async with command_host(config_path, plugin="helpdesk", log_stream=sys.stderr) as host:
            with host.db():
                return await work()

    try:
        return asyncio.run(run())
    except (accounts.AccountError, CommandError) as exc:
        raise click.ClickException(str(exc)) from None


def read_password(from_stdin: bool) -> str:
    """The new password: the first line of standard input, or asked twice without echo."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        accounts.check_password(password)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from None
    return password


@click.group("agents")
def agents() -> None:
    """Agent-console accounts (helpdesk plugin)."""


@agents.command("add")
@config_option
@click.argument("username")
@click.option("--role", "roles", multiple=True, default=("agent",), show_default=True,
              help=f"One of {', '.join(ROLES)}; repeat (or separate with commas) for several.")
@click.option("--channels", default="*", show_default=True,
              help="Channels whose queues the agent serves, comma-separated; * = every channel.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def add(config_path: str | None, username: str, roles: tuple[str, ...], channels: str,
        password_stdin: bool) -> None:
    """Create an account (the password is asked for, or read from standard input)."""
    password = read_password(password_stdin)

    async def work() -> Agent:
        return await accounts.add_agent(username, password, roles, channels)

    agent = with_store(config_path, work)
    click.echo(f"added {agent.username}: roles {', '.join(agent.roles)}; channels {', '.join(agent.channels)}")


@agents.command("list")
@config_option
def list_agents(config_path: str | None) -> None:
    """List accounts: username, roles, channels, state."""

    async def work() -> list[Agent]:
        return await Agent.all().order_by("username")

    found = with_store(config_path, work)
    if not found:
        click.echo("no agents yet: quaid agents add USERNAME --role agent --channels web")
    for agent in found:
        state = "disabled" if agent.disabled else "active"
        click.echo(f"{agent.username:<24} {','.join(agent.roles):<22} {','.join(agent.channels):<20} {state}")


@agents.command("disable")
@config_option
@click.argument("username")
def disable(config_path: str | None, username: str) -> None:
    """Disable an account and end its sessions."""
    with_store(config_path, lambda: accounts.set_disabled(username, True))
    click.echo(f"disabled {username}")


@agents.command("enable")
@config_option
@click.argument("username")
def enable(config_path: str | None, username: str) -> None:
    """Re-enable a disabled account."""
    with_store(config_path, lambda: accounts.set_disabled(username, False))
    click.echo(f"enabled {username}")


@agents.command("unlock")
@config_option
@click.argument("username")
def unlock(config_path: str | None, username: str) -> None:
    """Lift the sign-in backoff of an account (failed sign-ins from every address are
    forgotten; running servers read the mark at the account's next sign-in attempt)."""
    with_store(config_path, lambda: accounts.unlock(username, by="quaid agents unlock"))
    click.echo(f"unlocked {username}: its failed sign-ins are forgotten")


@agents.command("password")
@config_option
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def password(config_path: str | None, username: str, password_stdin: bool) -> None:
    """Set a new password (ends the account's sessions)."""
    new = read_password(password_stdin)
    with_store(config_path, lambda: accounts.set_password(username, new))
    click.echo(f"password changed for {username}")
