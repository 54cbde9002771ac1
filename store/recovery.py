"""Going back to the last good snapshot when the database file cannot be read.

`sitrep recover` (stop the bot first) calls `recover(path)`: the damaged file is renamed, never
deleted, to `<db>.corrupt-<UTC time>`, and `<db>.bak` (see `store.journal`) is copied in its
place. The journal is kept when it continues that very snapshot (same generation: a snapshot
damaged after its last compaction loses nothing), else it is set aside beside the damaged file.
"""

from __future__ import annotations

import datetime as dtm
import json
import os
import shutil
from pathlib import Path

from store.journal import META_TABLE, JournaledStorage, journal_path, read_journal
from store.storage import StoreCorruptError, backup_path


class RecoveryError(RuntimeError):
    """There is nothing to recover, or nothing good to recover from."""


def recover(path: str | os.PathLike[str]) -> Path:
    """Replace an unreadable database by its last good snapshot; returns where the damaged
    file now is. Raises `RecoveryError` when the database reads fine or no snapshot is good."""
    path = Path(path)
    if _reads_fine(path):
        raise RecoveryError(f"The database {path} reads fine: there is nothing to recover.")
    backup = backup_path(path)
    generation = _snapshot_generation(backup)
    stamp = dtm.datetime.now(dtm.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    journal = journal_path(path)
    try:
        journal_generation = read_journal(journal)[0]
    except StoreCorruptError:
        journal_generation = None
    if path.exists():
        os.replace(path, aside)
    if journal.exists() and journal_generation != generation:
        os.replace(journal, journal.with_name(f"{journal.name}.corrupt-{stamp}"))
    tmp = path.with_name(f".{path.name}.recover.tmp")
    shutil.copyfile(backup, tmp)
    with open(tmp, "rb") as stream:
        os.fsync(stream.fileno())
    os.replace(tmp, path)
    JournaledStorage(path).close()  # opens (replaying a kept journal), or raises
    return aside


def _reads_fine(path: Path) -> bool:
    """Whether the snapshot parses and the journal is sound, touching nothing."""
    generation = 0
    try:
        raw = path.read_bytes()
        if raw.strip():
            data = json.loads(raw)
            if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
                return False
            generation = _generation(data)
        elif backup_path(path).exists():
            return False
    except FileNotFoundError:
        if backup_path(path).exists():
            return False
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    try:
        journal_generation = read_journal(journal_path(path))[0]
    except StoreCorruptError:
        return False
    return journal_generation is None or journal_generation <= generation


def _generation(data: dict) -> int:
    generation = ((data.get(META_TABLE) or {}).get("1") or {}).get("generation", 0)
    return generation if isinstance(generation, int) else 0


def _snapshot_generation(backup: Path) -> int:
    try:
        data = json.loads(backup.read_bytes())
    except FileNotFoundError:
        raise RecoveryError(
            f"There is no snapshot {backup} to recover from: restore a backup of your own."
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RecoveryError(f"The snapshot {backup} is damaged too ({exc}).") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise RecoveryError(f"The snapshot {backup} is not a sitrep database.")
    return _generation(data)
