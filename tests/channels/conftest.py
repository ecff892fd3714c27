"""Fixtures of the channel tests."""

from __future__ import annotations

import pytest

from tests.channels.fake_platforms import FakePlatforms


@pytest.fixture
async def fake():
    """The fake Graph and X APIs on a free loopback port."""
    server = await FakePlatforms().start()
    yield server
    await server.stop()
