"""The one thing the Messenger channel keeps: how to reach a Messenger user.

The core knows a client only by a pseudonym (a keyed hash of the page-scoped ID). Sending
needs the page-scoped ID itself, so this table maps pseudonym → PSID. It is the only place
the PSID is stored; ``quaid_forget`` deletes the row.
"""

from __future__ import annotations

from tortoise import fields

from quaidcore import PlatformUserModel


class MessengerUser(PlatformUserModel):
    """A Messenger user: the pseudonym the core knows and the PSID the Send API needs
    (``pseudonym`` and ``created_at`` come from :class:`~quaidcore.PlatformUserModel`)."""

    psid = fields.CharField(max_length=64)

    class Meta:
        table = "messenger_user"
