"""The ``helpdesk`` plugin's config block."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr


class BootstrapAdmin(BaseModel):
    """A first supervisor, created at start-up when no agent has that username yet.

    Meant for ``${ENV}`` variables (``username: ${QUAID_ADMIN_USER:-}``); left empty, nothing
    is created. The password is only ever hashed, never logged.
    """

    model_config = ConfigDict(extra="forbid")
    username: str = ""
    password: SecretStr = SecretStr("")
    channels: list[str] = Field(default_factory=lambda: ["*"])


class HelpdeskConfig(BaseModel):
    """Options of the ``helpdesk`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    session_idle_minutes: float = Field(480, gt=0, description="sign out after this long unused")
    session_max_hours: float = Field(12, gt=0, description="sign out this long after signing in")
    cookie_secure: bool = Field(False, description="always mark cookies Secure (they are on https anyway)")
    poll_interval_s: float = Field(2.0, gt=0, le=60, description="live updates of the console")
    canned_results: int = Field(8, ge=1, le=50)
    sign_in_attempts: int = Field(10, ge=1, description="failed sign-ins per username per 15 minutes")
    bootstrap_admin: BootstrapAdmin | None = None
