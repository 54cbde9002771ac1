"""Pending `/ingest` proposals in the store: what the cards show survives, each saves once."""

from __future__ import annotations

import dataclasses
import datetime as dtm
import json

import pytest

from bot.ingest import _card
from briefings.extract import Candidate, extract_events
from briefings.gazetteer import default_gazetteer
from briefings.log import EventLog
from briefings.proposals import PendingProposals
from store import Database
from tests.test_e2e_ingest import ARTICLE

TODAY = dtm.date(2015, 3, 5)


@pytest.fixture(scope="module")
def candidates(gazetteer) -> list[Candidate]:
    found = extract_events(ARTICLE, today=TODAY, gazetteer=gazetteer)
    assert len(found) == 2
    return found


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


def reopen(path) -> tuple[Database, EventLog, PendingProposals]:
    db = Database(path)
    return db, EventLog(db), PendingProposals(db)


def test_a_candidate_survives_its_json_form(candidates):
    bare = Candidate(date=None, region=None, location=None, actors=(), event_type=None,
                     sub_event_type=None, fatalities=0, summary="x", source=None,
                     confidence=0.05, evidence=(), duplicate_of="abc234")
    for candidate in [*candidates, bare]:
        assert Candidate.from_json(json.loads(json.dumps(candidate.to_json()))) == candidate


def test_a_batch_read_back_after_reopening_shows_the_same_cards(tmp_path, candidates):
    path = tmp_path / "sitrep.json"
    db, _, pending = reopen(path)
    batch = pending.open(500, candidates, keep=50)
    for n, proposal in enumerate(batch.proposals):
        proposal.message_id = 40 + n
    pending.record_cards(batch)
    pending.discard(batch, 1)

    _, _, again = reopen(path)  # db not closed: as after kill -9
    restored = again.get(batch.id)
    assert restored == batch and restored.chat_id == 500
    assert [p.done for p in restored.proposals] == [False, True]
    assert [_card(p, i, 2) for i, p in enumerate(restored.proposals)] == [
        _card(p, i, 2) for i, p in enumerate(batch.proposals)
    ]
    assert db.all_events() == []
    assert again.get("00000000") is None


def test_a_finished_batch_is_gone_and_the_cap_forgets_the_oldest(tmp_path, candidates,
                                                                 gazetteer):
    db, log, pending = reopen(tmp_path / "sitrep.json")
    first = pending.open(500, candidates, keep=2)
    second = pending.open(500, candidates[:1], keep=2)
    third = pending.open(501, candidates[:1], keep=2)
    assert pending.get(first.id) is None and db.pending_batches() == [second.id, third.id]
    results = pending.save(second, [0], log=log, gazetteer=gazetteer, created_by=500,
                           today=TODAY)
    assert results[0].ok and pending.get(second.id) is None
    assert [e.id for e in log.all()] == [results[0].values["id"]]


def test_a_save_cut_short_by_a_crash_is_finished_once_by_the_next_press(
    tmp_path, candidates, gazetteer, monkeypatch
):
    path = tmp_path / "sitrep.json"
    db, log, pending = reopen(path)
    batch = pending.open(500, candidates, keep=50)

    def crash(*args, **kwargs):
        raise SystemExit("killed")

    # The ids are reserved and the events stored, then the process dies before the proposals
    # are marked done (here: their batch dropped, as both are done).
    monkeypatch.setattr(db, "delete_proposals", crash)
    with pytest.raises(SystemExit):
        pending.save(batch, [0, 1], log=log, gazetteer=gazetteer, created_by=500, today=TODAY)
    stored = {e.id for e in log.all()}
    assert len(stored) == 2

    db, log, pending = reopen(path)
    restored = pending.get(batch.id)
    assert [p.done for p in restored.proposals] == [False, False]
    results = pending.save(restored, [0, 1], log=log, gazetteer=gazetteer, created_by=500,
                           today=TODAY)
    assert {r.values["id"] for r in results.values()} == stored
    assert {e.id for e in log.all()} == stored  # each stored once
    assert pending.get(batch.id) is None


def test_a_discarded_or_saved_proposal_stays_done_after_reopening(tmp_path, candidates,
                                                                  gazetteer):
    path = tmp_path / "sitrep.json"
    _, log, pending = reopen(path)
    batch = pending.open(500, [*candidates, dataclasses.replace(candidates[0], fatalities=3)],
                         keep=50)
    pending.discard(batch, 0)
    saved = pending.save(batch, [1], log=log, gazetteer=gazetteer, created_by=500,
                         today=TODAY)[1].values["id"]

    _, log, pending = reopen(path)
    restored = pending.get(batch.id)
    assert [p.done for p in restored.proposals] == [True, True, False]
    assert restored.proposals[1].event_id == saved
    pending.save(restored, [2], log=log, gazetteer=gazetteer, created_by=500, today=TODAY)
    assert len(log.all()) == 2 and pending.get(batch.id) is None

