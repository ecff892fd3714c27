"""The ``helpdesk`` plugin's config block."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from .hours import BusinessHours
from .throttle import parse_networks


class BootstrapAdmin(BaseModel):
    """A first supervisor, created at start-up when no agent has that username yet.

    Meant for ``${ENV}`` variables (``username: ${QUAID_ADMIN_USER:-}``); left empty, nothing
    is created. The password is only ever hashed, never logged.
    """

    model_config = ConfigDict(extra="forbid")
    username: str = ""
    password: SecretStr = SecretStr("")
    channels: list[str] = Field(default_factory=lambda: ["*"])


class SignInThrottling(BaseModel):
    """Backoff of failed console sign-ins (see :mod:`quaid_helpdesk.throttle`): each tier lets
    its free failures through, then waits ``base_delay_s``, doubling at each failure, up to
    ``max_delay_s``; failures are forgotten after ``forget_after_s`` without one."""

    model_config = ConfigDict(extra="forbid")
    per_address: int = Field(20, ge=1, description="free failures per client address (IPv6: /64)")
    per_account_address: int = Field(5, ge=1, description="free failures per (username, address)")
    per_account: int = Field(100, ge=1, description="free failures per username, all addresses")
    base_delay_s: float = Field(1.0, gt=0, le=60)
    max_delay_s: float = Field(900.0, gt=0, le=86400)
    forget_after_s: float = Field(3600.0, gt=0)


class AssignmentConfig(BaseModel):
    """Queues and automatic assignment (see :mod:`quaid_helpdesk.assignment`) and the live
    console (:mod:`quaid_helpdesk.live`)."""

    model_config = ConfigDict(extra="forbid")
    automatic: bool = Field(True, description="give new tickets to available agents")
    capacity: int = Field(3, ge=1, le=100, description="most open tickets per agent (per-agent override)")
    handle_minutes: float = Field(10, gt=0, description="time per ticket before enough are resolved to measure")
    tell_queue: bool = Field(True, description="tell waiting clients their place and the expected wait")
    retell_after_s: float = Field(60, ge=0, description="at most one new queue notice per ticket this often")
    typing_channels: list[str] = Field(default_factory=lambda: ["web"],
                                       description="channels told that an agent is typing")
    live_poll_s: float = Field(0.25, gt=0, le=5, description="how often each worker reads the change feed")
    pass_interval_s: float = Field(5, gt=0, le=300, description="assignment pass at least this often")


class ReviewConfig(BaseModel):
    """The learning loop (see :mod:`quaid_helpdesk.review`)."""

    model_config = ConfigDict(extra="forbid")
    validation: str | None = Field(None, description="a `quaid eval` file (relative to the config's "
                                   "folder): its figures before and after each retrain")
    sync_s: float = Field(10, gt=0, le=3600, description="how often each worker looks for another's retrain")


class HelpdeskConfig(BaseModel):
    """Options of the ``helpdesk`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    session_idle_minutes: float = Field(480, gt=0, description="sign out after this long unused")
    session_max_hours: float = Field(12, gt=0, description="sign out this long after signing in")
    cookie_secure: bool = Field(False, description="always mark cookies Secure (they are on https anyway)")
    poll_interval_s: float = Field(2.0, gt=0, le=60, description="live updates of the console")
    canned_results: int = Field(8, ge=1, le=50)
    sign_in_attempts: int | None = Field(
        None, ge=1, description="deprecated: the same as sign_in.per_account_address")
    sign_in: SignInThrottling = Field(default_factory=SignInThrottling)
    trusted_proxies: list[str] = Field(
        default_factory=list, description="reverse proxies (IPs or networks) whose X-Forwarded-For "
        "gives the client's address for sign-in throttling")
    bootstrap_admin: BootstrapAdmin | None = None
    assignment: AssignmentConfig = Field(default_factory=AssignmentConfig)
    business_hours: dict[str, BusinessHours] = Field(
        default_factory=dict, description='team (a channel, or "*" for the others) → opening times')
    review: ReviewConfig = Field(default_factory=ReviewConfig)

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        parse_networks(value)  # ValueError names the malformed one
        return value
