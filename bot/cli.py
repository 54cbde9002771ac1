"""The `sitrep` command: serve on Telegram, chat offline, print briefings, move data in and out."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dtm
import json
import logging
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from telegram.error import InvalidToken, NetworkError

from bot.app import ALLOWED_UPDATES, build_application, webhook_options
from bot.config import ConfigError, Settings, load_settings
from bot.console import run_console
from bot.delivery import briefing_for_chat
from bot.logs import configure_logging, redact
from bot.services import Services
from briefings import acled_csv, queries
from briefings.extract import extract_events
from briefings.render import to_plain_text
from store import RecoveryError, StoreCorruptError, recover


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep", description="Conflict-event log and situation briefings on Telegram."
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    verbs.add_parser("run", help="serve on Telegram by long polling (the default)")
    verbs.add_parser("console", help="offline chat with the bot on SITREP_DB, reading stdin")
    verbs.add_parser("demo", help="offline chat on a throwaway database with the sample events")
    verbs.add_parser("briefing", help="print today's briefing for the whole log")
    extract = verbs.add_parser(
        "extract", help="print the events proposed from a news article, as JSON"
    )
    extract.add_argument("file", nargs="?", help="the article as a text file (default: stdin)")
    extract.add_argument(
        "--date", help="the article's date, YYYY-MM-DD, for texts without a dateline"
    )
    verbs.add_parser(
        "recover", help="replace a damaged SITREP_DB by its last good snapshot (.bak)"
    )
    importer = verbs.add_parser("import", help="import an ACLED-format CSV file into SITREP_DB")
    importer.add_argument("file", help="the CSV file")
    exporter = verbs.add_parser("export", help="write the log in ACLED columns (CSV) or as JSON")
    exporter.add_argument("--format", choices=("csv", "json"), default="csv")
    exporter.add_argument("--output", help="file to write (default: stdout)")
    exporter.add_argument("--region", help="only events in this governorate")
    exporter.add_argument("--actor", help="only events involving this actor")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        if args.verb in (None, "run"):
            return serve(settings)
        if args.verb == "briefing":
            return print_briefing(settings)
        if args.verb == "demo":
            return demo(settings)
        if args.verb == "recover":
            return recover_database(settings)
        if args.verb == "import":
            return import_file(settings, args.file)
        if args.verb == "export":
            return export_log(settings, args.format, args.output, args.region, args.actor)
        if args.verb == "extract":
            return print_extraction(settings, args.file, args.date)
        return asyncio.run(run_console(Services.open(settings)))
    except ConfigError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 2
    except StoreCorruptError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 1


def serve(settings: Settings) -> int:
    if not settings.token:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set: get one from @BotFather and put it in .env "
            "(or try the offline demo: sitrep demo)."
        )
    configure_logging(settings.token, logging.getLevelNamesMapping()[settings.log_level])
    application = build_application(Services.open(settings))
    try:
        if settings.webhook_url:
            application.run_webhook(**webhook_options(settings))
        else:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        print("sitrep: TELEGRAM_BOT_TOKEN was refused by the Bot API; check it with "
              "@BotFather.", file=sys.stderr)
        return 2
    except NetworkError as exc:
        reason = redact(str(exc), [settings.token])
        print(f"sitrep: cannot reach the Bot API at {settings.api_url}: {reason}",
              file=sys.stderr)
        return 1
    return 0


def demo(settings: Settings) -> int:
    with tempfile.TemporaryDirectory(prefix="sitrep-demo-") as folder:
        demo_settings = replace(settings, db_path=Path(folder) / "demo.json")
        services = Services.open(demo_settings)
        services.log.load_samples()
        return asyncio.run(run_console(services, demo=True))


def print_briefing(settings: Settings) -> int:
    services = Services.open(settings)
    messages = briefing_for_chat(services, None, services.now())
    print("\n\n".join(to_plain_text(m) for m in messages))
    return 0


def print_extraction(settings: Settings, file: str | None, date: str | None) -> int:
    """`sitrep extract`: candidates as a JSON list, flagged against SITREP_DB when it exists."""
    try:
        article_date = dtm.date.fromisoformat(date) if date else None
    except ValueError:
        raise ConfigError(f"--date must be YYYY-MM-DD; got {date!r}.") from None
    try:
        text = Path(file).read_text(encoding="utf-8-sig") if file else sys.stdin.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the article {file!r}: {exc}") from None
    existing = Services.open(settings).log.all() if settings.db_path.is_file() else []
    candidates = extract_events(
        text,
        article_date=article_date,
        today=dtm.datetime.now(settings.timezone).date(),
        existing=existing,
    )
    json.dump([c.to_json() for c in candidates], sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def import_file(settings: Settings, file: str) -> int:
    """`sitrep import FILE`: ACLED CSV into the log, with progress and a report on stderr."""
    if not Path(file).is_file():
        raise ConfigError(f"cannot read {file!r}: no such file.")
    services = Services.open(settings)
    expected = max(_count_lines(Path(file)) - 1, 1)

    def show_progress(rows: int) -> None:
        print(f"\r{progress_bar(rows, expected)}", end="", file=sys.stderr, flush=True)

    report = acled_csv.import_acled_file(
        Path(file), services.db, services.gazetteer, progress=show_progress
    )
    print(f"\r{progress_bar(report.rows, max(report.rows, 1))}", file=sys.stderr)
    services.close()
    print(
        f"{file}: {report.rows:,} rows; {report.added:,} added, {report.updated:,} updated, "
        f"{report.unchanged:,} unchanged, {len(report.problems):,} refused."
    )
    for problem in report.problems:
        print(f"  line {problem.line}: {problem.reason}")
    if report.new_regions:
        print(f"  new regions kept as written: {', '.join(report.new_regions)}")
    return 0


def _count_lines(path: Path) -> int:
    """Lines in the file (rows, give or take notes spanning lines): the bar's 100%."""
    with path.open("rb") as data:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: data.read(1 << 20), b""))


def progress_bar(done: int, total: int, width: int = 30) -> str:
    """`[###########-------------------]  37%  18,500 / 50,000 rows`"""
    share = min(done / total, 1.0)
    filled = round(share * width)
    return f"[{'#' * filled}{'-' * (width - filled)}] {share:4.0%}  {done:,} / {total:,} rows"


def export_log(
    settings: Settings, fmt: str, output: str | None, region: str | None, actor: str | None
) -> int:
    """`sitrep export`: the log (optionally one region's or actor's) as ACLED CSV or JSON."""
    services = Services.open(settings)
    events = queries.newest_first(services.log.all())
    if region:
        match = services.gazetteer.region(region)
        if match.name is None:
            raise ConfigError(f"--region: no governorate or town called {region!r}.")
        events = queries.in_region(events, match.name)
    if actor:
        match = services.gazetteer.actor(actor)
        events = queries.involving(events, match.name or actor.strip())
    stream = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        if fmt == "csv":
            count = acled_csv.write_acled_csv(events, stream, services.gazetteer)
        else:
            count = acled_csv.write_events_json(events, stream)
    finally:
        if output:
            stream.close()
    if output:
        print(f"{count:,} events written to {output}", file=sys.stderr)
    return 0


def recover_database(settings: Settings) -> int:
    """`sitrep recover`: the damaged file is moved aside (kept), the snapshot takes its place."""
    try:
        aside = recover(settings.db_path)
    except RecoveryError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 1
    print(f"Recovered {settings.db_path} from its last good snapshot; the damaged file is kept "
          f"as {aside}.")
    return 0
