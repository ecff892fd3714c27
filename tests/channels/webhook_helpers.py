"""What the tests of the webhook channels (``messenger``, ``twitter``) share: starting a
bot with one channel, counting what a webhook stored, and the privacy and hostile-input
checks every such channel must pass."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from quaidcore import OutboxItem
from quaidcore.models import Conversation
from quaidcore.testing import merge
from quaidcore.webhooks import outbox_targets
from tests.channels.fake_platforms import table_rows

RAW = {"email": "marie.tremblay@example.com", "phone": "(613) 555-0199", "passport": "AB123456"}
"""Personal information a privacy test sends: none of it may be stored."""


async def start_channel(quaid_harness: Any, channel: str, block: dict, config: dict | None = None,
                        use: tuple[str, ...] = ()) -> tuple[Any, Any]:
    """A started bot with `channel` (its plugin block `block`, merged with `config`) and an
    HTTP client of its web application."""
    bot = await quaid_harness(use=[channel, *use], config=merge({"plugins": {channel: block}}, config or {}))
    return bot, await bot.http()


async def stored(bot: Any, channel: str, users: Any) -> dict[str, int]:
    """How many rows a webhook could have written: outbox items, users (model `users`),
    conversations."""
    with bot.host.db():
        return {"outbox": await OutboxItem.filter(target__in=outbox_targets(channel)).count(),
                "users": await users.all().count(),
                "conversations": await Conversation.filter(channel=channel).count()}


async def assert_nothing_personal_at_rest(bot: Any, client_id: str, user_table: str) -> None:
    """No value of :data:`RAW` in any table or file of the data folder, and the platform's
    `client_id` only in `user_table`. Stops the bot (its files are read after)."""
    tables = table_rows(bot.host.data_dir)
    assert user_table in tables and "quaid_outbox" in tables
    assert {t: [k for k, v in RAW.items() if v in rows] for t, rows in tables.items()
            if any(v in rows for v in RAW.values())} == {}
    assert [t for t, rows in tables.items() if client_id in rows] == [user_table]
    await bot.quaid.stop()
    for path in bot.host.data_dir.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            assert not [k for k, v in RAW.items() if v.encode() in blob], path


async def assert_forgets(bot: Any, channel: str, gone: str, kept: str, user_table: str) -> None:
    """Forgetting platform user `gone` deletes their ID and outbox items; `kept`'s stay."""
    assert await bot.quaid.forget(client_id=bot.host.pseudonym(channel, gone)) == 1
    rows = table_rows(bot.host.data_dir)
    assert gone not in rows[user_table] and kept in rows[user_table]
    with bot.host.db():
        groups = set(await OutboxItem.filter(target__in=outbox_targets(channel)).values_list("group", flat=True))
    assert groups == {bot.host.pseudonym(channel, kept)}


async def assert_json_errors(post: Callable[[bytes], Awaitable[Any]], cases: dict[str, tuple[bytes, int]]) -> None:
    """Each signed body of `cases` (name: (raw, status)) gets its status and a JSON error."""
    for name, (raw, status) in cases.items():
        resp = await post(raw)
        assert resp.status == status, (name, await resp.text())
        assert "error" in await resp.json(), name
