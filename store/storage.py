"""A TinyDB storage that survives `kill -9` at any moment.

Stock `JSONStorage` rewrites its file in place, so a crash mid-write leaves a corrupt database.
Here every write goes to a temporary file in the same folder, is fsynced, then atomically
replaces the old file (and the folder is fsynced), so the file on disk is always either the
previous or the next complete state. The parsed data is kept in memory: one process owns the
file, so re-reading it on every query would only cost time.

This is the snapshot half of `store.journal.JournaledStorage`, which the database uses: large
databases append each change to a journal and rewrite the snapshot only now and then.
"""

from __future__ import annotations

import datetime as dtm
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage


class StoreCorruptError(RuntimeError):
    """The database file exists but cannot be read as a sitrep database."""


def backup_path(path: Path) -> Path:
    """Where the last good snapshot of the database at `path` is kept."""
    return path.with_name(path.name + ".bak")


def corruption_advice(path: Path) -> str:
    """What to do about a database that cannot be read, naming the last good snapshot."""
    backup = backup_path(path)
    if not backup.is_file():
        return "Restore it from a backup, or move it aside to start a new database."
    saved = dtm.datetime.fromtimestamp(backup.stat().st_mtime, dtm.UTC)
    return (
        f"The last good snapshot is {backup} (saved {saved:%Y-%m-%d %H:%M} UTC). To go back "
        f"to it, stop the bot and run `sitrep recover`: the damaged file is kept beside it as "
        f"{path.name}.corrupt-<time>. By hand: move {path.name} aside and copy "
        f"{backup.name} in its place."
    )


class AtomicJSONStorage(Storage):
    """JSON file storage with atomic replace-on-write and an in-memory copy."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        self._data = self._load()

    def _remove_leftovers(self) -> None:
        """Temporary files of writes cut short by a crash; the real file never depends on them."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            leftover.unlink(missing_ok=True)

    def _load(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        try:
            text = raw.decode("utf-8")
            del raw  # parse from the text alone: at 50 MB, one copy less at the peak
            data = json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreCorruptError(
                f"The database {self.path} is not valid JSON ({exc}). It was left untouched. "
                + corruption_advice(self.path)
            ) from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise StoreCorruptError(
                f"The database {self.path} is not a sitrep database. It was left untouched. "
                + corruption_advice(self.path)
            )
        return data

    def read(self) -> dict[str, dict[str, Any]] | None:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            self._replace_file(payload)
        except BaseException:
            # TinyDB mutated our in-memory copy before calling write: put the disk state back.
            self._data = self._load()
            raise
        self._data = data

    def _replace_file(self, payload: bytes) -> None:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(fd, "wb") as tmp:
                tmp.write(payload)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, self.path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def close(self) -> None:
        """Nothing to flush: every write is already on disk."""
