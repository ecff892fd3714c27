"""Quaid channel ``console``: talk to the bot in a terminal with ``quaid chat``.

Quick replies are numbered: type the number to press the button. Replies that arrive later
(an agent's) are printed as they come.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import click

from quaidcore import CommandError, ComponentContext, Host, Inbound, Reply, command_host, hookimpl

QUAID_HOST_API = ">=1.0,<2"


def render(reply: Reply, out: TextIO) -> list[str]:
    """Print a reply; returns the payloads of its numbered quick replies."""
    tag = f" [{reply.code}]" if reply.code else ""
    out.write(f"bot ({reply.kind}){tag}: {reply.text}\n")
    for link in reply.links:
        out.write(f"    → {link.title}: {link.url}\n")
    for number, quick in enumerate(reply.quick_replies, 1):
        out.write(f"    {number}) {quick.title}\n")
    out.flush()
    return [q.payload for q in reply.quick_replies]


class ConsoleChannel:
    """Prints replies delivered later (an agent's) to the terminal."""

    def __init__(self, ctx: ComponentContext) -> None:
        self.out: TextIO = sys.stdout

    async def start(self) -> None:
        """Nothing to start."""

    async def stop(self) -> None:
        """Nothing to stop."""

    async def deliver(self, conversation_id: str, replies: Sequence[Reply]) -> None:
        """Print the replies."""
        for reply in replies:
            render(reply, self.out)


async def chat_loop(host: Host, lang: str | None, lines: TextIO, out: TextIO) -> None:
    """Run one conversation on a started host: read lines from `lines`, print replies to `out`."""
    conversation_id, replies = await host.start_conversation("console", lang)
    payloads = [p for r in replies for p in render(r, out)]
    while True:
        out.write("you: ")
        out.flush()
        line = await asyncio.to_thread(lines.readline)
        if not line:
            break
        text = line.strip()
        if text in ("/quit", "/exit"):
            break
        payload = payloads[int(text) - 1] if text.isdigit() and 0 < int(text) <= len(payloads) else None
        inbound = Inbound("console", conversation_id, text="" if payload else text, payload=payload)
        replies = await host.handle(inbound)
        payloads = [p for r in replies for p in render(r, out)]


async def _chat(config_path: str | None, lang: str | None) -> None:
    async with command_host(config_path, start=True, log_stream=sys.stderr) as host:
        await chat_loop(host, lang, sys.stdin, sys.stdout)


@click.command("chat")
@click.option("--config", "-c", "config_path", type=click.Path(dir_okay=False), help="YAML config file.")
@click.option("--lang", type=click.Choice(["en", "fr"]), help="Language of the greeting.")
def chat(config_path: str | None, lang: str | None) -> None:
    """Chat with the bot in this terminal (/quit to leave)."""
    try:
        asyncio.run(_chat(config_path, lang))
    except CommandError as exc:
        raise click.ClickException(str(exc)) from None


@hookimpl
def quaid_register_channels(register: Any) -> None:
    register("console", ConsoleChannel)


@hookimpl
def quaid_register_commands(cli: click.Group) -> None:
    cli.add_command(chat)
