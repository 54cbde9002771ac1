"""The one place that reads and writes the sitrep database.

Events, subscriptions and deliveries live in three tables of one TinyDB file. Every method takes
the same lock, so no two writes interleave even if a caller uses threads; every write is durable
(see `store.storage`) before the method returns. Documents go in and come out as plain dicts:
the domain model lives in `briefings`.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from store.storage import AtomicJSONStorage, StoreCorruptError

__all__ = ["Database", "StoreCorruptError"]

Doc = dict[str, Any]
_Q = Query()


class Database:
    """Events, subscriptions and delivery records on one crash-safe TinyDB file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self._events = self._db.table("events")
        self._subscriptions = self._db.table("subscriptions")
        self._deliveries = self._db.table("deliveries")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- events ------------------------------------------------------------------------------

    def all_events(self) -> list[Doc]:
        with self._lock:
            return [dict(doc) for doc in self._events.all()]

    def get_event(self, event_id: str) -> Doc | None:
        with self._lock:
            doc = self._events.get(_Q.id == event_id)
            return dict(doc) if doc else None

    def event_ids(self) -> set[str]:
        with self._lock:
            return {doc["id"] for doc in self._events.all()}

    def insert_event(self, doc: Doc) -> None:
        with self._lock:
            if self._events.contains(_Q.id == doc["id"]):
                raise KeyError(f"event {doc['id']} already exists")
            self._events.insert(doc)

    def insert_events(self, docs: list[Doc]) -> None:
        """Insert many events in one write (loading sample data, imports)."""
        with self._lock:
            self._events.insert_multiple(docs)

    def replace_event(self, doc: Doc) -> bool:
        with self._lock:
            return bool(self._events.update(doc, _Q.id == doc["id"]))

    def replace_events(self, docs: list[Doc]) -> int:
        """Replace many events, matched by id, in one write (re-imports)."""
        with self._lock:
            by_id = {doc["id"]: doc for doc in docs}
            doc_ids = [stored.doc_id for stored in self._events.all() if stored["id"] in by_id]
            if doc_ids:
                self._events.update(
                    lambda stored: stored.update(by_id[stored["id"]]), doc_ids=doc_ids
                )
            return len(doc_ids)

    def delete_event(self, event_id: str) -> bool:
        with self._lock:
            return bool(self._events.remove(_Q.id == event_id))

    # -- subscriptions -----------------------------------------------------------------------

    def get_subscription(self, chat_id: int) -> Doc | None:
        with self._lock:
            doc = self._subscriptions.get(_Q.chat_id == chat_id)
            return dict(doc) if doc else None

    def all_subscriptions(self) -> list[Doc]:
        with self._lock:
            return [dict(doc) for doc in self._subscriptions.all()]

    def save_subscription(self, doc: Doc) -> None:
        with self._lock:
            self._subscriptions.upsert(doc, _Q.chat_id == doc["chat_id"])

    # -- deliveries --------------------------------------------------------------------------

    def was_delivered(self, chat_id: int, day: str) -> bool:
        with self._lock:
            return self._deliveries.contains((_Q.chat_id == chat_id) & (_Q.day == day))

    def record_delivery(self, doc: Doc) -> None:
        with self._lock:
            self._deliveries.upsert(
                doc, (_Q.chat_id == doc["chat_id"]) & (_Q.day == doc["day"])
            )

    def deliveries(self) -> list[Doc]:
        with self._lock:
            return [dict(doc) for doc in self._deliveries.all()]
