"""`/import` and `/export`: admins bring ACLED datasets in and take the log out, on Telegram.

The bot side of `sitrep import` / `sitrep export` (`bot.cli`): the domain work is
`briefings.acled_csv`; here the file is fetched from or sent to Telegram, and the admin is kept
informed. An import of 50,000 rows takes a few seconds, so it runs in a worker thread (the event
loop keeps serving everyone else; its handler is registered with `block=False` so that other
updates are not queued behind it) and reports progress by editing one message in place.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import difflib
import io
import logging
import math
import re
import time
from pathlib import PurePosixPath

from telegram import Document, InputFile, Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.admin import admin_or_refuse, command_rest, fits
from bot.reader import find_actor
from bot.services import Services, services
from briefings import acled_csv
from briefings.acled_csv import ImportReport
from briefings.events import Event
from briefings.gazetteer import Match, normalise
from briefings.messages import say

log = logging.getLogger(__name__)

# Telegram lets bots download files of at most 20 MB and upload documents of at most 50 MB.
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_EXPORT_BYTES = 50 * 1024 * 1024
CSV_MIME_TYPES = frozenset({
    "text/csv", "text/comma-separated-values", "application/csv", "text/x-csv",
    "application/vnd.ms-excel",  # what Windows calls a .csv
})
# The progress message is edited at most this often (Telegram allows about one edit a second).
PROGRESS_SECONDS = 1.0
IMPORT_LOCK_KEY = "import_lock"
MAX_PROBLEMS_SHOWN = 20
MAX_NEW_REGIONS_SHOWN = 20
OPTION = re.compile(r"(?:^|\s+)([A-Za-z]\w*)\s*=\s*")
OPTIONS = ("region", "actor", "format")
FORMATS = ("csv", "json")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


# -- /import -------------------------------------------------------------------------------------


def is_csv(document: Document) -> bool:
    name = (document.file_name or "").lower()
    return name.endswith(".csv") or (document.mime_type or "").lower() in CSV_MIME_TYPES


class _Progress:
    """Edits one message with the rows read so far, from the import's worker thread.

    `rows_read` runs in the worker: it schedules the edit on the event loop and returns at once,
    skipping updates while the previous edit is still on its way or came less than
    PROGRESS_SECONDS ago, so a slow or rate-limited Telegram never holds the import up.
    """

    def __init__(self, message: Message, name: str, loop: asyncio.AbstractEventLoop) -> None:
        self._message = message
        self._name = name
        self._loop = loop
        self._last = -math.inf
        self._pending: concurrent.futures.Future[None] | None = None

    def rows_read(self, rows: int) -> None:
        now = time.monotonic()
        if now - self._last < PROGRESS_SECONDS or (self._pending and not self._pending.done()):
            return
        self._last = now
        self._pending = asyncio.run_coroutine_threadsafe(self._show(rows), self._loop)

    async def _show(self, rows: int) -> None:
        try:
            await self._message.edit_text(say("import.progress", name=self._name,
                                              rows=f"{rows:,}"))
        except TelegramError as exc:  # progress is a courtesy; the summary still follows
            log.debug("import progress not shown: %s", exc)

    async def finish(self) -> None:
        """Wait for the last progress edit, so it cannot land after (and hide) the summary."""
        if self._pending is not None:
            await asyncio.wrap_future(self._pending)


def import_summary(name: str, report: ImportReport) -> str:
    """What an import did, as `sitrep import` prints it, cut to fit one Telegram message."""
    head = say(
        "import.summary", name=name, rows=f"{report.rows:,}", added=f"{report.added:,}",
        updated=f"{report.updated:,}", unchanged=f"{report.unchanged:,}",
        refused=f"{len(report.problems):,}",
    )
    regions = report.new_regions[:MAX_NEW_REGIONS_SHOWN]
    tail = [say("import.new_regions", regions=regions,
                more=len(report.new_regions) - len(regions))] if regions else []
    shown = min(len(report.problems), MAX_PROBLEMS_SHOWN)
    while True:
        lines = [head]
        if report.problems:
            lines.append(say("import.problems_title"))
            lines += [say("import.problem", line=p.line, reason=p.reason)
                      for p in report.problems[:shown]]
            if len(report.problems) > shown:
                lines.append(say("import.more_problems", count=f"{len(report.problems) - shown:,}"))
        text = "\n".join([*lines, *tail])
        if fits(text) or shown == 0:
            return text
        shown -= 1


async def import_usage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/import` typed as a command: the file must come as a document with that caption."""
    if await admin_or_refuse(update, context, "import events"):
        await update.effective_message.reply_text(
            say("import.usage", limit=MAX_IMPORT_BYTES // (1024 * 1024))
        )


async def import_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A `.csv` document captioned `/import`: ACLED rows into the log, with a summary."""
    if not await admin_or_refuse(update, context, "import events"):
        return
    message = update.effective_message
    document = message.document
    limit_mb = MAX_IMPORT_BYTES // (1024 * 1024)
    if not is_csv(document) or (document.file_size or 0) > MAX_IMPORT_BYTES:
        await message.reply_text(say("import.bad_document", limit=limit_mb))
        return
    # One import at a time. Each store write is atomic (every Database method holds the
    # database's lock, and an import's inserts and its replacements are one call each), and
    # readers of the event log take the same lock, so the worker thread writing while handlers
    # read or write on the loop thread is safe. What is not atomic is an import's "which ids are
    # stored?" snapshot followed by its writes: two imports of overlapping files at once could
    # both insert the same new id. Serialising imports closes that gap; handlers only ever add
    # events under fresh random ids, and an edit or delete racing an import just loses to it or
    # is skipped by it, as it would a moment earlier or later.
    lock: asyncio.Lock = context.bot_data.setdefault(IMPORT_LOCK_KEY, asyncio.Lock())
    if lock.locked():
        await message.reply_text(say("import.busy"))
        return
    async with lock:
        telegram_file = await document.get_file()
        data = bytes(await telegram_file.download_as_bytearray())
        if len(data) > MAX_IMPORT_BYTES:
            await message.reply_text(say("import.bad_document", limit=limit_mb))
            return
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            await message.reply_text(say("import.not_utf8"))
            return
        name = PurePosixPath(document.file_name or "file.csv").name
        svc = services(context)
        status = await message.reply_text(say("import.started", name=name))
        progress = _Progress(status, name, asyncio.get_running_loop())
        try:
            report = await asyncio.to_thread(
                acled_csv.import_acled_file, io.StringIO(text, newline=""), svc.db,
                svc.gazetteer, progress=progress.rows_read,
            )
        finally:
            await progress.finish()
    summary = import_summary(name, report)
    try:
        await status.edit_text(summary)
    except TelegramError:  # the progress message was deleted meanwhile
        await message.reply_text(summary)


# -- /export -------------------------------------------------------------------------------------


def parse_options(text: str) -> dict[str, str] | None:
    """`region=NAME actor=NAME format=csv|json` (names may hold spaces), or None if malformed."""
    parts = OPTION.split(text.strip())
    if parts[0].strip():
        return None
    options: dict[str, str] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        key = key.lower()
        if key not in OPTIONS or key in options or not value.strip():
            return None
        options[key] = value.strip()
    if options.get("format", "csv").lower() not in FORMATS:
        return None
    return options


def find_region(name: str, svc: Services) -> Match:
    """As `/region` finds it (a governorate, or the one a town is in), or a region only the log
    knows (an import keeps unknown admin1 values as written)."""
    match = svc.gazetteer.region(name)
    if match.name is not None and not match.corrected:
        return match
    recorded = [r for r in svc.log.region_counts() if r not in svc.gazetteer.regions]
    wanted = normalise(name)
    for region in recorded:
        if normalise(region) == wanted:
            return Match(region, ())
    if match.name is not None:
        return match
    close = difflib.get_close_matches(wanted, [normalise(r) for r in recorded], n=3, cutoff=0.75)
    extra = tuple(r for r in recorded if normalise(r) in close)
    return Match(None, tuple(dict.fromkeys((*match.suggestions, *extra)))[:5])


def select(svc: Services, region: str | None, actor: str | None) -> list[Event]:
    """The events to export, newest first."""
    if region is not None:
        events = svc.log.in_region(region)
        return [e for e in events if e.involves(actor)] if actor is not None else events
    if actor is not None:
        return svc.log.involving(actor)
    return svc.log.newest()


def export_bytes(events: list[Event], fmt: str, svc: Services) -> bytes:
    stream = io.StringIO(newline="")
    if fmt == "csv":
        acled_csv.write_acled_csv(events, stream, svc.gazetteer)
    else:
        acled_csv.write_events_json(events, stream)
    return stream.getvalue().encode("utf-8")


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")[:40].strip("-")


def export_file_name(fmt: str, day: str, region: str | None, actor: str | None) -> str:
    """`sitrep-events-anbar-islamic-state-2026-11-24.csv`."""
    parts = ["sitrep-events", *(s for s in map(_slug, filter(None, (region, actor))) if s), day]
    return f"{'-'.join(parts)}.{fmt}"


async def export_log(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/export [region=NAME] [actor=NAME] [format=csv|json]`: the log as a document."""
    if not await admin_or_refuse(update, context, "export the log"):
        return
    message = update.effective_message
    svc = services(context)
    options = parse_options(command_rest(message))
    if options is None:
        await message.reply_text(say("export.usage"))
        return
    fmt = options.get("format", "csv").lower()
    region = actor = None
    if "region" in options:
        match = find_region(options["region"], svc)
        if match.name is None:
            await message.reply_text(say("export.unknown_region", name=options["region"],
                                         suggestions=match.suggestions))
            return
        region = match.name
    if "actor" in options:
        match = find_actor(options["actor"], svc)
        if match.name is None:
            await message.reply_text(say("export.unknown_actor", name=options["actor"],
                                         suggestions=match.suggestions))
            return
        actor = match.name
    events = select(svc, region, actor)
    if not events:
        await message.reply_text(say("export.nothing", region=region, actor=actor))
        return
    # Events are immutable and `select` returns a list of its own: safe to write in a thread.
    data = await asyncio.to_thread(export_bytes, events, fmt, svc)
    if len(data) > MAX_EXPORT_BYTES:
        await message.reply_text(say("export.too_big", size=len(data) // (1024 * 1024),
                                     limit=MAX_EXPORT_BYTES // (1024 * 1024)))
        return
    name = export_file_name(fmt, svc.today().isoformat(), region, actor)
    await message.reply_document(
        InputFile(data, filename=name),
        caption=say("export.caption", count=len(events), shown=f"{len(events):,}", region=region,
                    actor=actor, csv=fmt == "csv"),
    )
