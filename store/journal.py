"""TinyDB on a snapshot plus a journal: one appended line per write, not one file per write.

Stock TinyDB hands its storage the whole database on every write, and its `Table` rebuilds the
whole table dict around each change: at 100,000 events that is over a second per write (GUIDE
§4). Here two pieces replace those paths while TinyDB stays the API for documents:

- `JournaledTable` runs TinyDB's own insert/update/upsert/remove code against a change set
  (documents copied on first touch) instead of a rebuilt table, then hands the storage only
  what changed. Updates and removals by query first find the matching ids with a read-only scan.
- `JournaledStorage` keeps the data in memory and makes each change durable before returning:
  * small databases (snapshot under `small_bytes`) are rewritten whole, atomically, as before
    (temporary file, fsync, `os.replace`, fsync of the folder): at that size it is as cheap;
  * larger ones append one line to `<db>.journal` (a CRC-32, a space, the JSON of the change:
    documents put by id, ids deleted, table cleared) and `fdatasync` it before returning.
  When the journal outgrows `max(journal_min_bytes, journal_ratio * snapshot size)` (8 MB, or
  half the snapshot) it is folded into a new snapshot: "compaction", done synchronously under
  the database lock, which is simple and correct, and rare (tens of thousands of writes apart
  at 100,000 events; about a second then). A change too big for the journal (a bulk import) is
  written as a snapshot directly. Closing the database also compacts. A failed compaction is
  logged and leaves the journal growing: the change that triggered it is already durable.
  Snapshots are serialised a few thousand documents at a time, to keep memory flat.

Generations tie the two files together: the snapshot records its generation (in a table named
`_store`, so it stays a plain TinyDB JSON file) and the journal's first line names the
generation it applies to. On opening, the snapshot is loaded and a journal of the same
generation replayed; an older journal is already in the snapshot (a crash between writing a
snapshot and removing the journal) and is discarded. A torn last line (a crash mid-append:
never acknowledged) is ignored and cut off; a bad line followed by good ones is corruption,
and opening refuses.

Each compaction also writes `<db>.bak`, the last good snapshot, after checking the new snapshot
reads back as written; at start-up a valid snapshot newer than `<db>.bak` is copied there too.
A snapshot that cannot be read stops start-up with `StoreCorruptError`, which names that backup;
`store.recovery.recover` sets the damaged file aside and restores it.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from store.storage import AtomicJSONStorage, StoreCorruptError, backup_path, corruption_advice

log = logging.getLogger(__name__)

Doc = dict[str, Any]
Tables = dict[str, dict[str, Doc]]

META_TABLE = "_store"
JOURNAL_FORMAT = "sitrep-journal/1"
SMALL_SNAPSHOT_BYTES = 256 * 1024
JOURNAL_MIN_BYTES = 8 * 1024 * 1024
JOURNAL_RATIO = 0.5  # compact when the journal passes this share of the snapshot's size
SNAPSHOT_CHUNK = 2_000  # documents serialised at a time when writing a snapshot
FREEZE_AFTER = 200_000  # objects created under `gc_paused` that make freezing worth it
_MISSING = object()
_sync_data = getattr(os, "fdatasync", os.fsync)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while loading a large database, then none of it ever.

    Collections triggered by a million new objects would scan them again and again (and, left
    for later, three more times as they age through the generations: 0.6 s at 100,000 events,
    and pauses in answer times). What loads here lives as long as the process and holds no
    reference cycles, so after a big load it is frozen (`gc.freeze`): the collector skips it
    for good, while reference counting still frees what is dropped later.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > FREEZE_AFTER:
            gc.freeze()
        if enabled:
            gc.enable()


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def copy_json(value: Any) -> Any:
    """A deep copy of a JSON value (tuples become lists, as they would on disk)."""
    if isinstance(value, dict):
        return {str(k): copy_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [copy_json(v) for v in value]
    return value


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_line(record: dict[str, Any]) -> bytes:
    body = _dumps(record)
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def decode_line(line: bytes) -> dict[str, Any] | None:
    """The record of one complete journal line, or None when it is damaged."""
    crc, _, body = line.partition(b" ")
    try:
        if len(crc) != 8 or int(crc, 16) != zlib.crc32(body):
            return None
        record = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    return record if isinstance(record, dict) else None


def read_journal(path: Path) -> tuple[int | None, list[dict[str, Any]], int, int]:
    """(generation, change records, length of the good part, file length) of a journal file.

    The generation is None when there is no journal or its header never reached the disk. A
    damaged line is tolerated only at the very end (a torn append); anywhere else it is
    corruption.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [], 0, 0
    lines = raw.split(b"\n")  # the last element is what follows the final newline
    generation: int | None = None
    records: list[dict[str, Any]] = []
    good = 0
    for number, line in enumerate(lines[:-1], start=1):
        record = decode_line(line)
        if record is None:
            if any(decode_line(rest) for rest in lines[number:-1]):
                raise StoreCorruptError(
                    f"The journal {path} is damaged at line {number} while later lines are "
                    "intact. Both files were left untouched: restore a backup, or set the "
                    "journal aside to start from the snapshot alone (losing the writes in it)."
                )
            break
        if number == 1:
            if record.get("format") != JOURNAL_FORMAT or not isinstance(
                record.get("generation"), int
            ):
                raise StoreCorruptError(f"{path} is not a sitrep journal. It was left untouched.")
            generation = record["generation"]
        else:
            records.append(record)
        good += len(line) + 1
    return generation, records, good, len(raw)


class JournaledStorage(AtomicJSONStorage):
    """The whole database in memory; each change durable on disk before `commit` returns."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        small_bytes: int = SMALL_SNAPSHOT_BYTES,
        journal_min_bytes: int = JOURNAL_MIN_BYTES,
        journal_ratio: float = JOURNAL_RATIO,
    ) -> None:
        self.path = Path(path)
        self.journal = journal_path(self.path)
        self.backup = backup_path(self.path)
        self.small_bytes = small_bytes
        self.journal_min_bytes = journal_min_bytes
        self.journal_ratio = journal_ratio
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._remove_leftovers()
        self._journal_fd: int | None = None
        self._journal_broken = False
        self._journal_bytes = 0
        self._journal_entries = 0
        self._generation = 0
        self._snapshot_bytes = 0
        with gc_paused():
            self._data: Tables = self._open()

    # -- opening -----------------------------------------------------------------------------

    def _open(self) -> Tables:
        snapshot = self._load()
        data: Tables = snapshot if snapshot is not None else {}
        meta = data.pop(META_TABLE, None) or {}
        generation = (meta.get("1") or {}).get("generation", 0)
        self._generation = generation if isinstance(generation, int) else 0
        self._snapshot_bytes = self.path.stat().st_size if snapshot is not None else 0
        self._data = data  # what the journal replays onto
        journal_generation, records, good, size = read_journal(self.journal)
        if journal_generation is None:
            if size:
                self._drop_journal()  # its header never reached the disk: nothing was in it
        elif journal_generation < self._generation:
            self._drop_journal()  # already folded into the snapshot
        elif journal_generation > self._generation:
            raise StoreCorruptError(
                f"The journal {self.journal} continues a newer snapshot than {self.path} "
                f"(generation {journal_generation}, the snapshot has {self._generation}): "
                "was an older copy of the database put back without its journal? Both files "
                "were left untouched; put back the matching pair, or set the journal aside."
            )
        else:
            for record in records:
                self._apply(record)
            if good < size:
                log.warning("ignoring the torn last line of %s (a write cut short)", self.journal)
                with open(self.journal, "r+b") as stream:
                    stream.truncate(good)
                    os.fsync(stream.fileno())
            self._journal_fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND)
            self._journal_bytes = good
            self._journal_entries = len(records)
        if snapshot is not None and data:
            self._refresh_backup()
        return data

    def _load(self) -> Tables | None:
        """The snapshot, refusing an empty file when a backup shows there was data."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return None
        if size < 64 and not self.path.read_bytes().strip() and self.backup.exists():
            raise StoreCorruptError(
                f"The database {self.path} is empty but a snapshot of it exists. "
                + corruption_advice(self.path)
            )
        return super()._load()

    def _refresh_backup(self) -> None:
        """Copy a snapshot that just loaded fine to `<db>.bak` if that copy is older."""
        try:
            if self.backup.exists() and (
                self.backup.stat().st_mtime_ns >= self.path.stat().st_mtime_ns
            ):
                return
            self._atomic_write(self.backup, _file_chunks(self.path))
        except OSError as exc:
            log.warning("could not refresh the backup snapshot %s: %s", self.backup, exc)

    # -- TinyDB's storage interface ----------------------------------------------------------

    def read(self) -> Tables:
        return self._data

    def write(self, data: Tables) -> None:
        """A whole new state (TinyDB's own paths, e.g. dropping tables): a new snapshot."""
        try:
            self._data = data
            self._write_snapshot()
        except BaseException:
            self._data = self._open_again()
            raise

    def _open_again(self) -> Tables:
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        return self._open()

    def close(self) -> None:
        """Fold the journal into the snapshot, so a stopped database is one complete file."""
        if self._journal_fd is None:
            return
        try:
            self._compact()
        except OSError as exc:
            log.warning("could not compact %s on closing (the journal keeps it all): %s",
                        self.path, exc)
        finally:
            if self._journal_fd is not None:
                os.close(self._journal_fd)
                self._journal_fd = None

    # -- changes -----------------------------------------------------------------------------

    def table_documents(self, name: str) -> dict[str, Doc]:
        """The live documents of a table by id string (read-only for callers)."""
        return self._data.get(name) or {}

    def commit(self, name: str, cleared: bool, puts: dict[str, Doc], deletes: list[str]) -> None:
        """Make a change durable, then visible. On an exception nothing changed, on disk or here."""
        if not (cleared or puts or deletes):
            return
        record: dict[str, Any] = {"t": name, "p": puts, "d": deletes}
        if cleared:
            record["c"] = True
        line = encode_line(record)
        state_bytes = self._snapshot_bytes + self._journal_bytes + len(line)
        whole = state_bytes <= self.small_bytes or len(line) > self._journal_limit()
        if whole or self._journal_broken:
            undo = self._apply(record)
            try:
                self._write_snapshot()
            except BaseException:
                self._undo(name, undo)
                raise
            return
        self._append(line)
        self._apply(record)
        if self._journal_bytes > self._journal_limit():
            try:
                self._compact()
            except Exception:  # the change itself is safe in the journal: do not fail it
                log.exception("compaction of %s failed; the journal keeps growing", self.path)

    def _journal_limit(self) -> int:
        return max(self.journal_min_bytes, int(self._snapshot_bytes * self.journal_ratio))

    def _apply(self, record: dict[str, Any]) -> tuple[Any, Any]:
        """Apply a change record to memory; returns what `_undo` needs."""
        name = record["t"]
        table = self._data.get(name)
        if table is None or record.get("c"):
            previous = table
            table = self._data[name] = {}
            undo: tuple[Any, Any] = ("table", previous)
        else:
            touched = [*record["p"], *record["d"]]
            undo = ("docs", {key: table.get(key, _MISSING) for key in touched})
        for key in record["d"]:
            table.pop(key, None)
        table.update(record["p"])
        return undo

    def _undo(self, name: str, undo: tuple[Any, Any]) -> None:
        kind, before = undo
        if kind == "table":
            if before is None:
                self._data.pop(name, None)
            else:
                self._data[name] = before
            return
        table = self._data[name]
        for key, doc in before.items():
            if doc is _MISSING:
                table.pop(key, None)
            else:
                table[key] = doc

    # -- the journal -------------------------------------------------------------------------

    def _append(self, line: bytes) -> None:
        if self._journal_fd is None:
            self._start_journal()
        assert self._journal_fd is not None
        try:
            _write_all(self._journal_fd, line)
            _sync_data(self._journal_fd)
        except BaseException:
            self._cut_journal()
            raise
        self._journal_bytes += len(line)
        self._journal_entries += 1

    def _start_journal(self) -> None:
        header = encode_line({"format": JOURNAL_FORMAT, "generation": self._generation})
        fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _write_all(fd, header)
            _sync_data(fd)
            self._sync_folder()
        except BaseException:
            os.close(fd)
            self.journal.unlink(missing_ok=True)
            raise
        self._journal_fd = fd
        self._journal_bytes = len(header)
        self._journal_entries = 0

    def _cut_journal(self) -> None:
        """After a failed append: take the partial line off so the next one starts clean."""
        assert self._journal_fd is not None
        try:
            os.ftruncate(self._journal_fd, self._journal_bytes)
        except OSError:
            # Cannot repair it: the next change goes into a whole new snapshot instead.
            os.close(self._journal_fd)
            self._journal_fd = None
            self._journal_broken = True

    def _drop_journal(self) -> None:
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        self.journal.unlink(missing_ok=True)
        self._journal_broken = False
        self._journal_bytes = 0
        self._journal_entries = 0

    # -- snapshots ---------------------------------------------------------------------------

    def _snapshot_chunks(self, generation: int) -> Iterator[bytes]:
        """The snapshot's JSON a few thousand documents at a time (the same bytes as one
        `json.dumps`, without holding a second copy of the database as one string)."""
        tables = {**self._data, META_TABLE: {"1": {"generation": generation}}}
        yield b"{"
        for number, (name, table) in enumerate(tables.items()):
            yield (b"," if number else b"") + _dumps(name) + b":{"
            items = list(table.items())
            for start in range(0, len(items), SNAPSHOT_CHUNK):
                piece = _dumps(dict(items[start : start + SNAPSHOT_CHUNK]))[1:-1]
                yield (b"," if start else b"") + piece
            yield b"}"
        yield b"}"

    def _write_snapshot(self) -> tuple[int, int]:
        """The whole state as a new snapshot, (size, CRC-32); the journal, folded in, goes."""
        written = self._replace_file(self._snapshot_chunks(self._generation + 1))
        self._generation += 1
        self._snapshot_bytes = written[0]
        if self._journal_fd is not None or self._journal_bytes or self._journal_broken:
            self._drop_journal()
        return written

    def _compact(self) -> None:
        written = self._write_snapshot()
        if _measure(_file_chunks(self.path)) != written:
            log.error("the new snapshot %s does not read back as written; %s kept as it was",
                      self.path, self.backup)
            return
        self._atomic_write(self.backup, _file_chunks(self.path))

    def _replace_file(self, payload: bytes | Iterable[bytes]) -> tuple[int, int]:  # type: ignore[override]
        return self._atomic_write(self.path, payload)

    def _atomic_write(self, target: Path, payload: bytes | Iterable[bytes]) -> tuple[int, int]:
        """Write a file whole or not at all: temporary file, fsync, replace, fsync the folder.
        Returns the (size, CRC-32) written."""
        chunks = [payload] if isinstance(payload, bytes) else payload
        size, crc = 0, 0
        fd, tmp_name = _mkstemp(self.path, target)
        try:
            with os.fdopen(fd, "wb") as tmp:
                for chunk in chunks:
                    tmp.write(chunk)
                    size += len(chunk)
                    crc = zlib.crc32(chunk, crc)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        self._sync_folder()
        return size, crc

    def _sync_folder(self) -> None:
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _mkstemp(path: Path, target: Path) -> tuple[int, str]:
    import tempfile

    # Named `.<db name>.*.tmp` so that `_remove_leftovers` finds those of a crashed process.
    return tempfile.mkstemp(prefix=f".{path.name}.{target.name}.", suffix=".tmp", dir=path.parent)


def _file_chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with open(path, "rb") as stream:
        while chunk := stream.read(size):
            yield chunk


def _measure(chunks: Iterable[bytes]) -> tuple[int, int]:
    size, crc = 0, 0
    for chunk in chunks:
        size += len(chunk)
        crc = zlib.crc32(chunk, crc)
    return size, crc


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class _ChangeSet:
    """What TinyDB's update functions see instead of the table: the live documents, copied on
    first touch, with puts and deletes collected rather than applied."""

    def __init__(self, live: dict[str, Doc]) -> None:
        self._live = live
        self.cleared = False
        self.puts: dict[str, Doc] = {}
        self.deletes: set[str] = set()

    def _has(self, key: str) -> bool:
        if key in self.puts:
            return True
        return not self.cleared and key not in self.deletes and key in self._live

    def __contains__(self, doc_id: object) -> bool:
        return self._has(str(doc_id))

    def __getitem__(self, doc_id: int) -> Doc:
        key = str(doc_id)
        if key in self.puts:
            return self.puts[key]
        if not self._has(key):
            raise KeyError(doc_id)
        doc = self.puts[key] = copy_json(self._live[key])
        return doc

    def get(self, doc_id: int, default: Any = None) -> Any:
        if doc_id not in self:
            return default
        return self[doc_id]

    def __setitem__(self, doc_id: int, doc: Doc) -> None:
        key = str(doc_id)
        self.deletes.discard(key)
        self.puts[key] = copy_json(doc)

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        if not self._has(key):
            raise KeyError(doc_id)
        self.puts.pop(key, None)
        if not self.cleared and key in self._live:
            self.deletes.add(key)

    def pop(self, doc_id: int, *default: Any) -> Any:
        if doc_id not in self:
            if default:
                return default[0]
            raise KeyError(doc_id)
        doc = self[doc_id]
        del self[doc_id]
        return doc

    def _keys(self) -> Iterator[str]:
        if not self.cleared:
            yield from (k for k in self._live if k not in self.deletes)
        yield from (k for k in self.puts if self.cleared or k not in self._live)

    def keys(self) -> list[int]:
        return [int(key) for key in self._keys()]

    def __iter__(self) -> Iterator[int]:
        return iter(self.keys())

    def __len__(self) -> int:
        return sum(1 for _ in self._keys())

    def values(self) -> list[Doc]:
        return [self[doc_id] for doc_id in self.keys()]

    def items(self) -> list[tuple[int, Doc]]:
        return [(doc_id, self[doc_id]) for doc_id in self.keys()]

    def clear(self) -> None:
        self.cleared = True
        self.puts.clear()
        self.deletes.clear()

    def changes(self) -> tuple[bool, dict[str, Doc], list[str]]:
        """(cleared, documents put, ids deleted), leaving out documents read but unchanged."""
        live = self._live
        if self.cleared:
            return True, self.puts, []
        puts = {k: doc for k, doc in self.puts.items() if live.get(k, _MISSING) != doc}
        return False, puts, sorted(k for k in self.deletes if k in live)


class JournaledTable(Table):
    """A TinyDB table whose writes cost what they change, not what the table holds."""

    _storage: JournaledStorage

    def documents(self) -> dict[str, Doc]:
        """The live documents by id string: for indexes and scans; never modify them."""
        return self._storage.table_documents(self.name)

    def _update_table(self, updater) -> None:
        changes = _ChangeSet(self.documents())
        updater(changes)
        cleared, puts, deletes = changes.changes()
        self._storage.commit(self.name, cleared, puts, deletes)
        self.clear_cache()

    def _matching(self, cond) -> list[int]:
        return [int(key) for key, doc in self.documents().items() if cond(doc)]

    def update(self, fields, cond=None, doc_ids=None) -> list[int]:
        if doc_ids is None and cond is not None:
            doc_ids = self._matching(cond)
        return super().update(fields, doc_ids=doc_ids)

    def remove(self, cond=None, doc_ids=None) -> list[int]:
        if doc_ids is None and cond is not None:
            doc_ids = self._matching(cond)
        return super().remove(doc_ids=doc_ids)

    def get(self, cond=None, doc_id=None, doc_ids=None):
        if doc_ids is not None and doc_id is None:
            live = self.documents()
            return [
                self.document_class(live[str(i)], self.document_id_class(i))
                for i in doc_ids
                if str(i) in live
            ]
        return super().get(cond, doc_id, doc_ids)


class JournaledTinyDB(TinyDB):
    """TinyDB with `JournaledTable` tables on a `JournaledStorage`."""

    table_class = JournaledTable
    default_storage_class = JournaledStorage


__all__ = [
    "JournaledStorage",
    "JournaledTable",
    "JournaledTinyDB",
    "StoreCorruptError",
    "backup_path",
    "corruption_advice",
    "gc_paused",
    "journal_path",
]
