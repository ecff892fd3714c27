"""Shared fixtures. The `quaid_harness` fixture comes from quaidcore.testing (pytest11)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_service(reason: str) -> None:
    """Skip with `reason`, or fail when CI demands every service (QUAID_REQUIRE_SERVICES=1)."""
    if os.environ.get("QUAID_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_models_dir(tmp_path_factory):
    """One trained-model cache for the whole run: models are keyed by the KB's hash."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch, shared_models_dir):
    """Never write into the checkout's data/ folder from a test."""
    monkeypatch.setenv("QUAID_DATA_DIR", str(tmp_path / "quaid-data"))
    monkeypatch.setenv("QUAID_MODELS_DIR", str(shared_models_dir))
