"""The ``freshdesk`` plugin's config block."""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from quaidcore.outbox import RetryPolicy

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class FreshdeskConfig(BaseModel):
    """Options of the ``freshdesk`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    domain: str = Field(description="the helpdesk's base URL: https://yourcompany.freshdesk.com")
    api_key: SecretStr = Field(description="an agent's API key (basic auth api_key:X)")
    requester_email: str | None = Field(
        None, description="the ticket's requester; default: a unique_external_id per conversation")
    group_id: int | None = None
    priority: int = Field(1, ge=1, le=4)
    source: int = Field(7, description="Freshdesk source: 7 = chat")
    subject: str = "Quaid handoff ({channel}): {reason}"
    webhook_token: SecretStr | None = Field(
        None, description="enables POST /api/freshdesk/webhook for agents' replies and status changes")
    webhook_secret: SecretStr | None = Field(
        None, description="HMAC-SHA256 key: when set, every webhook request must also carry "
                          "X-Quaid-Timestamp and X-Quaid-Signature (hex HMAC of 'timestamp.body')")
    webhook_window_s: int = Field(
        300, ge=10, le=3600, description="how old (or early) a signed request's timestamp may be")
    timeout_s: float = Field(20.0, gt=0)
    retry: RetryPolicy = Field(default_factory=RetryPolicy)

    @field_validator("domain")
    @classmethod
    def _https(cls, value: str) -> str:
        parts = urlsplit(value if "://" in value else f"https://{value}")
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError("a base URL such as https://yourcompany.freshdesk.com")
        if parts.scheme == "http" and parts.hostname not in LOOPBACK:
            raise ValueError("https is required (plain http only on loopback, for tests)")
        return f"{parts.scheme}://{parts.netloc}"

    @model_validator(mode="after")
    def _secret_needs_token(self) -> FreshdeskConfig:
        if self.webhook_secret is not None and self.webhook_token is None:
            raise ValueError("webhook_secret signs the webhook that webhook_token enables: set both")
        if self.webhook_secret is not None and len(self.webhook_secret.get_secret_value()) < 16:
            raise ValueError("webhook_secret: at least 16 characters")
        return self
