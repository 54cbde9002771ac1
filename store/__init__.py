"""Persistence on TinyDB: a crash-safe snapshot and journal for events and subscriptions."""

from store.database import Database, StoreCorruptError
from store.journal import gc_paused
from store.recovery import RecoveryError, recover

__all__ = ["Database", "RecoveryError", "StoreCorruptError", "gc_paused", "recover"]
