"""Events proposed from an article, waiting for an admin to save or discard them (`/ingest`).

A batch is what one article proposed: the chat it was proposed in and, for each proposal, the
candidate (every field its card shows, in `Candidate.to_json` form), the id of the card's
message and whether it is done (saved or discarded). Batches are kept in the database's own
table (`Database.add_proposals`, never the events table: nothing is an event until saved), so
the buttons of a card still work after the bot restarts. A new batch makes the oldest ones
beyond the cap forgotten, and a batch goes once every proposal in it is done.

Saving stores each event exactly once, even across a crash: the event's id is first reserved
in the proposal (a durable write), then the event is stored under that id, then the proposal is
marked done. A save cut short between those writes is finished by the next press, which finds
the event already stored under the reserved id instead of storing it again.
"""

from __future__ import annotations

import datetime as dtm
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefings import forms
from briefings.extract import Candidate
from briefings.gazetteer import Gazetteer
from briefings.log import EventLog
from store import Database


@dataclass
class Proposal:
    candidate: Candidate
    message_id: int | None = None  # the card showing it, once sent
    done: bool = False
    event_id: str | None = None  # reserved just before it is saved

    def to_doc(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate.to_json(),
            "message_id": self.message_id,
            "done": self.done,
            "event_id": self.event_id,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Proposal:
        return cls(
            candidate=Candidate.from_json(doc["candidate"]),
            message_id=doc.get("message_id"),
            done=bool(doc.get("done")),
            event_id=doc.get("event_id"),
        )


@dataclass
class Batch:
    id: str
    chat_id: int
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return all(p.done for p in self.proposals)


def new_batch_id(taken: Iterable[str] = ()) -> str:
    """A short random id (8 hex digits: it travels in every button's callback data)."""
    taken = set(taken)
    while (batch_id := secrets.token_hex(4)) in taken:
        pass
    return batch_id


class PendingProposals:
    """The batches of proposals waiting for an answer, read from and written to the store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def open(self, chat_id: int, candidates: Sequence[Candidate], *, keep: int) -> Batch:
        """Store a new batch; the oldest are forgotten so that at most `keep` wait."""
        batch = Batch(new_batch_id(self.db.pending_batches()), chat_id,
                      [Proposal(c) for c in candidates])
        self.db.add_proposals(
            batch.id, [{"chat_id": chat_id, **p.to_doc()} for p in batch.proposals], keep=keep
        )
        return batch

    def get(self, batch_id: str) -> Batch | None:
        """The batch, or None when it is not pending (finished, forgotten or never made)."""
        docs = self.db.get_proposals(batch_id)
        if not docs:
            return None
        return Batch(batch_id, docs[0]["chat_id"], [Proposal.from_doc(d) for d in docs])

    def record_cards(self, batch: Batch) -> None:
        """Keep the message id of each card (Save all edits them), in one write."""
        self.db.update_proposals(
            batch.id, {i: {"message_id": p.message_id} for i, p in enumerate(batch.proposals)}
        )

    def discard(self, batch: Batch, index: int) -> None:
        batch.proposals[index].done = True
        self._mark_done(batch, [index])

    def save(self, batch: Batch, indexes: Sequence[int], *, log: EventLog,
             gazetteer: Gazetteer, created_by: int | None,
             today: dtm.date) -> dict[int, forms.FormResult]:
        """Save proposals as events, checked as `/addevent` checks a form; each saved once.

        Returns the check of each proposal by position; a saved one has its event id in
        `values["id"]`. Proposals that do not pass stay pending.
        """
        results = {
            i: forms.validate(forms.raw_form(batch.proposals[i].candidate), gazetteer, today)
            for i in indexes
        }
        valid = [i for i, result in results.items() if result.ok]
        reserved: dict[int, dict[str, Any]] = {}
        for i in valid:
            proposal = batch.proposals[i]
            if proposal.event_id is None:
                proposal.event_id = log.new_id()
                reserved[i] = {"event_id": proposal.event_id}
        self.db.update_proposals(batch.id, reserved)  # durable before any of the events exists
        for i in valid:
            proposal = batch.proposals[i]
            event = log.get(proposal.event_id) or log.add(
                results[i].values, created_by=created_by, today=today,
                event_id=proposal.event_id,
            )
            results[i].values["id"] = event.id
            proposal.done = True
        self._mark_done(batch, valid)
        return results

    def _mark_done(self, batch: Batch, indexes: list[int]) -> None:
        if not indexes:
            return
        if batch.finished:
            self.db.delete_proposals(batch.id)
        else:
            self.db.update_proposals(batch.id, {i: {"done": True} for i in indexes})
