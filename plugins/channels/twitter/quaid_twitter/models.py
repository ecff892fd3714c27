"""The one thing the X channel keeps: how to reach an X user.

The core knows a client only by a pseudonym (a keyed hash of the X user ID). Sending a
direct message needs the user ID itself, so this table maps pseudonym → user ID. It is the
only place the ID is stored; ``quaid_forget`` deletes the row.
"""

from __future__ import annotations

from tortoise import fields

from quaidcore import PlatformUserModel


class TwitterUser(PlatformUserModel):
    """An X user: the pseudonym the core knows and the user ID the DM endpoint needs
    (``pseudonym`` and ``created_at`` come from :class:`~quaidcore.PlatformUserModel`)."""

    user_id = fields.CharField(max_length=32)

    class Meta:
        table = "twitter_user"
