"""The one place that reads and writes the sitrep database.

Events and subscriptions live in two tables of one TinyDB database, and the events `/ingest`
proposed that an admin has not answered yet in a third (`proposals`: nothing there is an event
until saved). The database is kept on disk as a snapshot plus a journal (see `store.journal`):
every write is durable before the method returns, and costs what it changes rather than what
the database holds. Every method takes the same lock, so no two writes interleave even if a
caller uses threads.

Lookups do not scan: the database keeps indexes from event id, subscription chat id and
proposal batch id to TinyDB's document ids, built once on opening and updated by each write
after it is durable. Whoever needs more (the event log's Event objects by region, actor and
date) watches the events table with `watch_events`. Documents go in and come out as plain
dicts: the domain model lives in `briefings`. Deliveries are not here but in `store.ledger`: a
broadcast writes one per message.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from store.journal import JournaledTinyDB, copy_json, gc_paused
from store.storage import StoreCorruptError

__all__ = ["Database", "EventChange", "StoreCorruptError"]

Doc = dict[str, Any]
# (document before, document after) of one event: None before an insert, after a delete.
EventChange = tuple[Doc | None, Doc | None]
EventWatcher = Callable[[list[EventChange]], None]


class Database:
    """Events, subscriptions and pending proposals on one crash-safe TinyDB database."""

    def __init__(self, path: str | Path, **storage_options: Any) -> None:
        self.path = Path(path)
        self.lock = self._lock = threading.RLock()
        self._db = JournaledTinyDB(self.path, **storage_options)
        self._events = self._db.table("events")
        self._subscriptions = self._db.table("subscriptions")
        self._proposals = self._db.table("proposals")
        self._watchers: list[Callable[[], EventWatcher | None]] = []
        self._event_index: dict[str, int] = {}
        self._subscription_index: dict[int, int] = {}
        # batch id -> {position in the batch: document id}, oldest batch first
        self._proposal_index: dict[str, dict[int, int]] = {}
        try:
            with gc_paused():
                self._build_indexes()
        except (KeyError, TypeError) as exc:
            self._db.close()
            raise StoreCorruptError(
                f"The database {self.path} holds a document without its key field ({exc}). "
                "It was left untouched."
            ) from None

    def _build_indexes(self) -> None:
        for key, doc in self._events.documents().items():
            self._event_index.setdefault(doc["id"], int(key))
        for key, doc in self._subscriptions.documents().items():
            self._subscription_index.setdefault(doc["chat_id"], int(key))
        proposals = self._proposals.documents()  # a few hundred at most
        for key in sorted(proposals, key=int):  # oldest batch first
            doc = proposals[key]
            self._proposal_index.setdefault(doc["batch"], {})[doc["index"]] = int(key)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- events ------------------------------------------------------------------------------

    def all_events(self) -> list[Doc]:
        with self._lock:
            return [dict(doc) for doc in self._events.documents().values()]

    def event_documents(self) -> Iterator[Doc]:
        """The stored events without copying them (read-only; hold `lock` while iterating)."""
        return iter(self._events.documents().values())

    def get_event(self, event_id: str) -> Doc | None:
        with self._lock:
            doc = self._event_doc(event_id)
            return dict(doc) if doc else None

    def _event_doc(self, event_id: str) -> Doc | None:
        doc_id = self._event_index.get(event_id)
        return None if doc_id is None else self._events.documents().get(str(doc_id))

    def has_event(self, event_id: str) -> bool:
        return event_id in self._event_index

    def event_count(self) -> int:
        return len(self._event_index)

    def event_ids(self) -> set[str]:
        with self._lock:
            return set(self._event_index)

    def insert_event(self, doc: Doc) -> None:
        self.insert_events([doc])

    def insert_events(self, docs: list[Doc]) -> None:
        """Insert many events in one write (loading sample data, imports); ids must be new."""
        with self._lock:
            ids = [doc["id"] for doc in docs]
            taken = [i for i in ids if i in self._event_index]
            if taken or len(set(ids)) != len(ids):
                repeated = taken or [i for i in ids if ids.count(i) > 1]
                raise KeyError(f"event {repeated[0]} already exists")
            doc_ids = self._events.insert_multiple(docs)
            live = self._events.documents()
            self._event_index.update(zip(ids, doc_ids, strict=True))
            self._notify([(None, live[str(doc_id)]) for doc_id in doc_ids])

    def replace_event(self, doc: Doc) -> bool:
        return bool(self.replace_events([doc]))

    def replace_events(self, docs: list[Doc]) -> int:
        """Replace many events, matched by id, in one write (re-imports); unknown ids are skipped.

        As TinyDB's `update`, fields absent from a given document keep their stored value.
        """
        with self._lock:
            by_id = {doc["id"]: doc for doc in docs}
            doc_ids = [self._event_index[i] for i in by_id if i in self._event_index]
            if not doc_ids:
                return 0
            live = self._events.documents()
            before = [live[str(doc_id)] for doc_id in doc_ids]
            self._events.update(lambda stored: stored.update(by_id[stored["id"]]), doc_ids=doc_ids)
            live = self._events.documents()
            self._notify([(old, live[str(doc_id)]) for old, doc_id in zip(before, doc_ids,
                                                                           strict=True)])
            return len(doc_ids)

    def delete_event(self, event_id: str) -> bool:
        with self._lock:
            doc_id = self._event_index.get(event_id)
            if doc_id is None:
                return False
            old = self._events.documents()[str(doc_id)]
            self._events.remove(doc_ids=[doc_id])
            del self._event_index[event_id]
            self._notify([(old, None)])
            return True

    def watch_events(self, watcher: EventWatcher) -> None:
        """Call `watcher` now with every stored event as an insert, then after every change.

        Calls happen under the lock, after the change is durable, with the stored documents
        themselves: read them, never modify them. A bound method is held weakly, so an object
        watching the database can still be garbage-collected.
        """
        with self._lock:
            bound = hasattr(watcher, "__self__")
            self._watchers.append(weakref.WeakMethod(watcher) if bound else _strong(watcher))
            with gc_paused():
                watcher([(None, doc) for doc in self._events.documents().values()])

    def _notify(self, changes: list[EventChange]) -> None:
        alive = []
        for ref in self._watchers:
            watcher = ref()
            if watcher is not None:
                alive.append(ref)
                watcher(changes)
        self._watchers = alive

    # -- subscriptions -----------------------------------------------------------------------

    def get_subscription(self, chat_id: int) -> Doc | None:
        with self._lock:
            doc_id = self._subscription_index.get(chat_id)
            doc = None if doc_id is None else self._subscriptions.documents().get(str(doc_id))
            return dict(doc) if doc else None

    def all_subscriptions(self) -> list[Doc]:
        with self._lock:
            return [dict(doc) for doc in self._subscriptions.documents().values()]

    def save_subscription(self, doc: Doc) -> None:
        with self._lock:
            _upsert(self._subscriptions, self._subscription_index, doc["chat_id"], doc)

    # -- pending proposals (/ingest) ---------------------------------------------------------
    # One document per proposal, with the id of its batch ("batch") and its place in it
    # ("index"), so that answering one proposal rewrites one small document.

    def pending_batches(self) -> list[str]:
        """The ids of the batches of proposals waiting for an answer, oldest first."""
        with self._lock:
            return list(self._proposal_index)

    def get_proposals(self, batch_id: str) -> list[Doc]:
        """The proposals of a batch in their order; empty when the batch is not pending."""
        with self._lock:
            doc_ids = self._proposal_index.get(batch_id) or {}
            live = self._proposals.documents()
            return [copy_json(live[str(doc_ids[index])]) for index in sorted(doc_ids)]

    def add_proposals(self, batch_id: str, docs: list[Doc], *, keep: int) -> list[str]:
        """Store a new batch of proposals in one write ("batch" and "index" are added to each).

        The oldest batches are forgotten first (one more write), so that at most `keep` remain
        with this one; their ids are returned. A batch without proposals is not stored.
        """
        with self._lock:
            if batch_id in self._proposal_index:
                raise KeyError(f"proposal batch {batch_id} already exists")
            excess = len(self._proposal_index) + 1 - max(keep, 1)
            forgotten = list(self._proposal_index)[:max(excess, 0)]
            self._remove_batches(forgotten)
            if docs:
                doc_ids = self._proposals.insert_multiple(
                    [{**doc, "batch": batch_id, "index": index} for index, doc in enumerate(docs)]
                )
                self._proposal_index[batch_id] = dict(enumerate(doc_ids))
            return forgotten

    def update_proposals(self, batch_id: str, changes: dict[int, Doc]) -> None:
        """Change fields of some proposals of a batch (position -> fields), in one write."""
        with self._lock:
            doc_ids = self._proposal_index.get(batch_id) or {}
            changes = {index: fields for index, fields in changes.items() if index in doc_ids}
            if changes:
                self._proposals.update(lambda doc: doc.update(changes[doc["index"]]),
                                       doc_ids=[doc_ids[index] for index in changes])

    def delete_proposals(self, batch_id: str) -> bool:
        """Forget a whole batch (every proposal answered), in one write."""
        with self._lock:
            return self._remove_batches([batch_id])

    def _remove_batches(self, batch_ids: list[str]) -> bool:
        doc_ids = [doc_id for batch_id in batch_ids
                   for doc_id in (self._proposal_index.get(batch_id) or {}).values()]
        if doc_ids:
            self._proposals.remove(doc_ids=doc_ids)
        found = False
        for batch_id in batch_ids:
            found = self._proposal_index.pop(batch_id, None) is not None or found
        return found


def _upsert(table: Any, index: dict[Any, int], key: Any, doc: Doc) -> None:
    """TinyDB's upsert (update the fields given, or insert), found through an index."""
    doc_id = index.get(key)
    if doc_id is not None:
        table.update(doc, doc_ids=[doc_id])
    else:
        index[key] = table.insert(doc)


def _strong(watcher: EventWatcher) -> Callable[[], EventWatcher]:
    return lambda: watcher
