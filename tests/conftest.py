"""Shared fixtures: a fresh database per test, and the sample events loaded into it."""

from __future__ import annotations

import pytest

from briefings.gazetteer import default_gazetteer
from briefings.log import EventLog
from briefings.subscriptions import Subscriptions
from store import Database


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
