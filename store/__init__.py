"""Persistence on TinyDB: one crash-safe file for events, subscriptions and deliveries."""

from store.database import Database, StoreCorruptError

__all__ = ["Database", "StoreCorruptError"]
