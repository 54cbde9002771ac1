"""Shared fixtures: a fresh database per test, the sample events, and the fake Bot API."""

from __future__ import annotations

import pytest

from briefings.gazetteer import default_gazetteer
from briefings.log import EventLog
from briefings.subscriptions import Subscriptions
from store import Database
from tests.fakebotapi import FakeBotAPI


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "sitrep.json")
    yield database
    database.close()


@pytest.fixture
def event_log(db):
    return EventLog(db)


@pytest.fixture
def sample_log(event_log):
    event_log.load_samples()
    return event_log


@pytest.fixture
def subscriptions(db):
    return Subscriptions(db)


@pytest.fixture
def gazetteer():
    return default_gazetteer()


@pytest.fixture
async def fake():
    """A fake Bot API server on 127.0.0.1 for end-to-end tests."""
    async with FakeBotAPI() as server:
        yield server
