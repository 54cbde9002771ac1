"""The delivery ledger: what happened to each chat's briefing of each day, kept beside the database.

A broadcast to 10,000 chats changes a row per message, twice. Rewriting the TinyDB file each time
(GUIDE §4: about 100 ms at 10,000 documents) would cap the send rate far below Telegram's, so the
ledger is an append-only journal of JSON lines: one `os.write` per change. A process killed at any
moment (even `kill -9`) loses nothing: the kernel already has every line. Against a power cut,
changes that ask for durability ("sending", run summaries) are fdatasynced, at most once per
`SYNC_INTERVAL` so that a fast broadcast does not wait on the disk per message: a cut can lose
the last such interval, i.e. a few sends that would be repeated. On opening, the journal is
replayed (a torn last line from a crash is ignored), rows older than the retention period are
dropped, and the journal is rewritten compacted.

States: (no row) -> sending -> sent | failed | uncertain | inactive. A row still "sending" when
the ledger is opened belongs to a process that died mid-send: nobody knows whether Telegram got
the message.
"""

from __future__ import annotations

import datetime as dtm
import json
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

SENDING = "sending"
SENT = "sent"
FAILED = "failed"
UNCERTAIN = "uncertain"
INACTIVE = "inactive"
# States after which a chat's briefing of that day is never sent again.
FINAL = frozenset({SENT, FAILED, UNCERTAIN, INACTIVE})
# States that count as delivered when working out what the next briefing covers.
DELIVERED = frozenset({SENT, UNCERTAIN})
RETENTION_DAYS = 30
SYNC_INTERVAL = 0.05  # seconds


class Ledger:
    """Per (day, chat) delivery rows, and a summary of each broadcast run."""

    def __init__(self, path: str | os.PathLike[str], retention_days: int = RETENTION_DAYS) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.retention = dtm.timedelta(days=retention_days)
        self._lock = threading.Lock()
        self._rows: dict[tuple[str, int], dict[str, Any]] = {}
        self._runs: list[dict[str, Any]] = []
        self._last_until: dict[int, str] = {}
        self._replay()
        self._compact()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._synced_at = 0.0

    def _replay(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        for line in raw.splitlines():
            try:
                entry = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue  # a line torn by a crash mid-write
            self._apply(entry)

    def _apply(self, entry: dict[str, Any]) -> None:
        if entry.get("kind") == "run":
            self._runs.append(entry)
            return
        key = (entry["day"], entry["chat"])
        row = self._rows[key] = {**self._rows.get(key, {}), **entry}
        if row["state"] in DELIVERED and row.get("until"):
            best = self._last_until.get(row["chat"])
            if best is None or row["until"] > best:
                self._last_until[row["chat"]] = row["until"]

    def _compact(self) -> None:
        """Rewrite the journal with one line per live row (atomically), dropping old days."""
        oldest = (dtm.date.today() - self.retention).isoformat()
        self._rows = {key: row for key, row in self._rows.items() if key[0] >= oldest}
        self._runs = [run for run in self._runs if run.get("day", "") >= oldest][-50:]
        lines = [json.dumps(row) for row in self._rows.values()]
        lines += [json.dumps(run) for run in self._runs]
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                   dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("".join(f"{line}\n" for line in lines))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)

    def close(self) -> None:
        with self._lock:
            os.fdatasync(self._fd)
            os.close(self._fd)

    # -- rows ------------------------------------------------------------------------------

    def row(self, day: str, chat_id: int) -> dict[str, Any] | None:
        return self._rows.get((day, chat_id))

    def rows(self, day: str) -> list[dict[str, Any]]:
        return [row for (row_day, _), row in self._rows.items() if row_day == day]

    def mark(self, day: str, chat_id: int, state: str, *, durable: bool = False,
             **details: Any) -> None:
        """Record a new state; `durable` also gets it to the disk within SYNC_INTERVAL."""
        entry = {"day": day, "chat": chat_id, "state": state,
                 "at": dtm.datetime.now(dtm.UTC).isoformat(), **details}
        self._write(entry, durable)
        self._apply(entry)

    def covered_until(self, chat_id: int) -> dtm.datetime | None:
        """Where the chat's newest delivered briefing ended: the next one starts there."""
        until = self._last_until.get(chat_id)
        return dtm.datetime.fromisoformat(until) if until else None

    # -- runs ------------------------------------------------------------------------------

    def record_run(self, summary: dict[str, Any]) -> None:
        entry = {"kind": "run", **summary}
        self._write(entry, durable=True)
        self._apply(entry)

    def last_run(self) -> dict[str, Any] | None:
        return self._runs[-1] if self._runs else None

    def _write(self, entry: dict[str, Any], durable: bool) -> None:
        line = (json.dumps(entry) + "\n").encode("utf-8")
        with self._lock:
            os.write(self._fd, line)
            now = time.monotonic()
            if durable and now - self._synced_at >= SYNC_INTERVAL:
                os.fdatasync(self._fd)
                self._synced_at = now
