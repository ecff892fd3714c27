"""Quaid handoff target ``email``: handed-off conversations e-mailed to a team (SMTP).

For small teams without a helpdesk: each handoff is an e-mail (subject with the channel and
reason, the redacted transcript, the bot's candidate codes); each later client message is a
reply in the same thread (``In-Reply-To``). Sending goes through :mod:`quaidcore.outbox`, so
a mail server that is down delays the e-mail and loses nothing. SMTP is at-least-once: it
has no way to ask whether a message went through, so one whose answer was lost (a crash or a
dropped connection after the server took the data) is sent again. Message-IDs derive from
the outbox key, so the copy has the same ID, and mail clients that deduplicate by Message-ID
show it once. The standard library's ``smtplib`` runs in a thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import smtplib
import ssl
import uuid
import weakref
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any, Literal

import structlog
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from quaidcore import (
    ComponentContext,
    GiveUp,
    HandoffRequest,
    Host,
    Outbox,
    OutboxItem,
    RetryPolicy,
    hookimpl,
)

QUAID_HOST_API = ">=1.0,<2"

log = structlog.get_logger(__name__)
TARGET = "email"
instances: weakref.WeakKeyDictionary[Any, EmailTarget] = weakref.WeakKeyDictionary()


class EmailConfig(BaseModel):
    """Options of the ``email`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    host: str = "127.0.0.1"
    port: int = Field(587, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = Field(
        "starttls", description="starttls (port 587), tls (port 465) or none (loopback relays)")
    username: str | None = None
    password: SecretStr | None = None
    sender: str = Field(description="From: address, e.g. quaid@agency.example")
    to: list[str] = Field(min_length=1, description="the team's addresses")
    subject_prefix: str = "[Quaid]"
    timeout_s: float = Field(20.0, gt=0)
    retry: RetryPolicy = Field(default_factory=RetryPolicy)


class EmailTarget:
    """Sends one e-mail per handoff and one reply per later client message."""

    def __init__(self, ctx: ComponentContext) -> None:
        self.config: EmailConfig = ctx.config
        self.host: Host = ctx.host
        self.domain = self.config.sender.rpartition("@")[2] or "quaid.invalid"
        # The host starts the worker after every start-up hook and stops it before shut-down.
        # Its worker slot in data_dir/email: a restart after a crash releases the lease of
        # the e-mail that was in flight at once (see quaidcore.outbox).
        self.outbox: Outbox = self.host.outbox(TARGET, self.send, state_dir=self.host.data_dir / TARGET,
                                               **self.config.retry.options())
        instances[self.host] = self

    async def start(self) -> None:
        """Nothing here: the host starts the outbox worker."""

    async def stop(self) -> None:
        """Nothing to release: the host stops the outbox worker."""

    async def handoff(self, request: HandoffRequest) -> None:
        """Store the e-mail to send."""
        codes = [p.code for p in request.candidates]
        subject = (f"{self.config.subject_prefix} Handoff from {request.channel}: {request.reason} "
                   f"({request.conversation_id[:8]})")
        lines = [f"Conversation {request.conversation_id} on {request.channel} ({request.lang}), "
                 f"handed off: {request.reason}.", ""]
        lines += [f"{line.get('author', '?')}: {line.get('text') or '(quick reply)'}"
                  + (f"  #{line['code']}" if line.get("code") else "") for line in request.transcript]
        lines += ["", f"Bot's candidate codes: {', '.join(codes) or 'none'}"]
        key = f"handoff:{request.conversation_id}:{len(request.transcript)}"
        await self.outbox.enqueue(key, "send", {"subject": subject, "body": "\n".join(lines),
                                                "thread": key}, group=request.conversation_id)

    async def client_message(self, conversation_id: str, text: str) -> None:
        """Store a reply in the conversation's thread."""
        with self.host.db():
            first = await OutboxItem.filter(target=TARGET, group=conversation_id,
                                            key__startswith="handoff:").order_by("-id").first()
        thread = first.key if first else f"handoff:{conversation_id}:orphan"
        subject = f"Re: {first.payload['subject']}" if first else (
            f"{self.config.subject_prefix} Message on conversation {conversation_id[:8]}")
        await self.outbox.enqueue(f"message:{conversation_id}:{uuid.uuid4().hex}", "send",
                                  {"subject": subject, "body": f"client: {text}", "thread": thread},
                                  group=conversation_id)

    def message_id(self, key: str) -> str:
        """A Message-ID that depends only on the outbox key."""
        return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{self.domain}>"

    def message(self, item: OutboxItem) -> EmailMessage:
        """The e-mail of an outbox item."""
        msg = EmailMessage()
        msg["From"], msg["To"] = self.config.sender, ", ".join(self.config.to)
        msg["Subject"] = item.payload["subject"]
        msg["Date"] = formatdate(localtime=False)
        msg["Message-ID"] = self.message_id(item.key)
        thread = item.payload.get("thread")
        if thread and thread != item.key:
            msg["In-Reply-To"] = msg["References"] = self.message_id(thread)
        msg.set_content(item.payload["body"])
        return msg

    async def send(self, item: OutboxItem) -> dict[str, Any]:
        """The outbox's handler: one e-mail over SMTP (in a thread)."""
        msg = self.message(item)
        await asyncio.to_thread(self._smtp_send, msg)
        log.info("email_sent", key=item.key, recipients=len(self.config.to))
        return {"message_id": msg["Message-ID"]}

    def _smtp_send(self, msg: EmailMessage) -> None:
        config = self.config
        context = ssl.create_default_context()
        smtp_class = smtplib.SMTP_SSL if config.security == "tls" else smtplib.SMTP
        kwargs: dict[str, Any] = {"context": context} if config.security == "tls" else {}
        try:
            with smtp_class(config.host, config.port, timeout=config.timeout_s, **kwargs) as smtp:
                if config.security == "starttls":
                    smtp.starttls(context=context)
                if config.username:
                    password = config.password.get_secret_value() if config.password else ""
                    smtp.login(config.username, password)
                smtp.send_message(msg)
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as exc:
            raise GiveUp(f"the mail server refused the addresses: {exc}") from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code >= 500 and exc.smtp_code not in (530, 535):  # 5xx is permanent, but
                raise GiveUp(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}") from None  # not auth
            raise


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return EmailConfig


@hookimpl
def quaid_register_handoff_targets(register: Any) -> None:
    register("email", EmailTarget)


@hookimpl
def quaid_startup(host: Host) -> None:
    """Run the outbox worker also when no channel hands off here any more (the host starts
    and stops it)."""
    if host not in instances:
        EmailTarget(ComponentContext("email", "email", host.plugin_config("email"), host.data_dir, host))


@hookimpl
async def quaid_forget(host: Host, conversation_ids: list[str]) -> None:
    """Drop the e-mails of these conversations not sent yet, and the record of those sent
    (sent e-mails are in the team's mailboxes: delete them there)."""
    with host.db():
        await OutboxItem.filter(target=TARGET, group__in=conversation_ids).delete()
