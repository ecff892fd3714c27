"""Agent accounts and console sessions: argon2 password hashes, random session tokens.

The caller binds the store (``with host.db():``). Hashing runs in a thread: argon2
is deliberately slow and must not stall the event loop.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import secrets
import time
from collections.abc import Iterable
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .models import ROLES, Agent, AgentSession, SignInUnlock

MIN_PASSWORD = 10
USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.@-]{1,63}$")
_hasher = PasswordHasher()


class AccountError(ValueError):
    """An account cannot be created or changed as asked; the message says why."""


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (salted; the password itself is never stored)."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when `password` matches `password_hash`."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    # Verifying against a decoy for unknown usernames keeps sign-in time the same, so the
    # response time does not tell which usernames exist.
    return hash_password(secrets.token_urlsafe(16))


def parse_list(values: Iterable[str] | str) -> list[str]:
    """``"web, messenger"`` or ``["web", "x,y"]`` → ``["web", "messenger"]`` (deduplicated)."""
    items = [values] if isinstance(values, str) else list(values)
    out: list[str] = []
    for item in items:
        for part in item.split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def check_new_account(username: str, password: str, roles: list[str], channels: list[str]) -> None:
    """Raise :class:`AccountError` when the account's fields are not acceptable."""
    if not USERNAME.match(username):
        raise AccountError("username: 2-64 characters, lower-case letters, digits and . _ @ -")
    check_password(password)
    if not roles:
        raise AccountError(f"at least one role is required ({', '.join(ROLES)})")
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise AccountError(f"unknown role {unknown[0]!r} (roles: {', '.join(ROLES)})")
    if not channels:
        raise AccountError("at least one channel is required (or '*' for every channel)")


def check_password(password: str) -> None:
    """Raise :class:`AccountError` for a password too weak to accept."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")


async def add_agent(username: str, password: str, roles: Iterable[str],
                    channels: Iterable[str] | str = ("*",)) -> Agent:
    """Create an account; :class:`AccountError` when the username is taken or a field is bad."""
    username = username.strip().lower()
    roles, channels = parse_list(roles), parse_list(channels)
    check_new_account(username, password, roles, channels)
    if await Agent.exists(username=username):
        raise AccountError(f"an agent named {username!r} already exists")
    password_hash = await asyncio.to_thread(hash_password, password)
    return await Agent.create(username=username, password_hash=password_hash, roles=roles,
                              channels=channels, created_at=time.time())


async def set_password(username: str, password: str) -> None:
    """Replace an agent's password and end their sessions."""
    check_password(password)
    agent = await _get(username)
    agent.password_hash = await asyncio.to_thread(hash_password, password)
    await agent.save(update_fields=["password_hash"])
    await AgentSession.filter(agent_id=agent.id).delete()


async def set_disabled(username: str, disabled: bool = True) -> Agent:
    """Disable (or re-enable) an account; disabling ends its sessions at once."""
    agent = await _get(username)
    agent.disabled = disabled
    await agent.save(update_fields=["disabled"])
    if disabled:
        await AgentSession.filter(agent_id=agent.id).delete()
    return agent


async def unlock(username: str, by: str | None = None) -> Agent:
    """Lift the account's sign-in backoff: every worker forgets the failed sign-ins it
    counted for it so far (the mark is read at the next attempt)."""
    agent = await _get(username)
    await SignInUnlock.update_or_create(username=agent.username,
                                        defaults={"at": time.time(), "by": by})
    return agent


async def unlocked_at(username: str) -> float | None:
    """When a supervisor last lifted the account's sign-in backoff, or None."""
    if not valid_username(username):
        return None
    mark = await SignInUnlock.get_or_none(username=username)
    return mark.at if mark else None


def valid_username(username: str) -> bool:
    """True when `username` could name an account (what path parameters are checked with)."""
    return bool(USERNAME.fullmatch(username))


async def _get(username: str) -> Agent:
    agent = await Agent.get_or_none(username=username.strip().lower())
    if agent is None:
        raise AccountError(f"no agent named {username!r}")
    return agent


def token_id(token: str) -> str:
    """The stored key of a session token: its SHA-256 (a stolen database opens no session)."""
    return hashlib.sha256(token.encode()).hexdigest()


async def sign_in(username: str, password: str) -> tuple[str, AgentSession] | None:
    """A new session (cookie token, row) for the right password of an enabled agent."""
    username = username.strip().lower()
    # A name that cannot be an account (a NUL, 65 characters...) never reaches the database.
    agent = await Agent.get_or_none(username=username) if valid_username(username) else None
    stored = agent.password_hash if agent else _decoy_hash()
    ok = await asyncio.to_thread(verify_password, stored, password)
    if agent is None or agent.disabled or not ok:
        return None
    now = time.time()
    if _hasher.check_needs_rehash(agent.password_hash):
        agent.password_hash = await asyncio.to_thread(hash_password, password)
    agent.last_sign_in_at = now
    await agent.save(update_fields=["password_hash", "last_sign_in_at"])
    token = secrets.token_urlsafe(32)
    session = await AgentSession.create(id=token_id(token), agent=agent,
                                        csrf_token=secrets.token_urlsafe(32),
                                        created_at=now, last_seen_at=now)
    return token, session


async def session_for(token: str | None, idle_s: float, max_age_s: float) -> AgentSession | None:
    """The live session of a cookie token (its agent loaded), or None."""
    if not token or len(token) > 128:
        return None
    session = await AgentSession.get_or_none(id=token_id(token)).prefetch_related("agent")
    if session is None:
        return None
    now = time.time()
    if (session.agent.disabled or now - session.last_seen_at > idle_s
            or now - session.created_at > max_age_s):
        await session.delete()
        return None
    if now - session.last_seen_at > 60:  # one write a minute is enough for the idle timeout
        session.last_seen_at = now
        await session.save(update_fields=["last_seen_at"])
    return session


async def sign_out(token: str | None) -> None:
    """End the session of a cookie token."""
    if token:
        await AgentSession.filter(id=token_id(token)).delete()
