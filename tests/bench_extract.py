"""How well extraction matches the labelled articles: precision, recall and time per article.

An extracted event counts as right when its (date, region, actor set, event type) equals one a
careful analyst recorded (``tests/data/labels.json``); each recorded event can be matched once.
Run ``python -m tests.bench_extract`` (``make bench`` does); ``--misses`` also lists the events
missed or invented in the tuning texts (held-out texts stay unexamined).
"""

from __future__ import annotations

import datetime as dtm
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefings.extract import extract_events

DATA = Path(__file__).resolve().parent / "data"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed-article.txt"
SECOND_OPINION = DATA / "second_opinion.json"
TODAY = dtm.date(2024, 1, 1)  # fixed, so that results never depend on the day of the run
SPLITS = ("tuning", "held_out")

Key = tuple[str | None, str | None, frozenset, str | None]


@dataclass(frozen=True)
class Article:
    """A labelled text."""

    name: str
    path: Path
    split: str
    article_date: dtm.date | None
    events: tuple[Key, ...]


@dataclass(frozen=True)
class Score:
    """Counts over a set of articles, and the extraction time."""

    right: int
    extracted: int
    recorded: int
    seconds: float
    articles: int

    @property
    def precision(self) -> float:
        return self.right / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.recorded if self.recorded else 1.0

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.seconds / self.articles if self.articles else 0.0


def key(date: str | None, region: str | None, actors, event_type: str | None) -> Key:
    """What an event is compared by."""
    return date, region, frozenset(actors), event_type


def load_articles() -> list[Article]:
    """The labelled articles whose text is present (the seed lives outside the repository)."""
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    articles = []
    for entry in labels["articles"]:
        path = SEED if entry["file"] == "seed" else DATA / entry["file"]
        if not path.exists():
            continue
        date = entry["article_date"]
        articles.append(Article(
            entry["file"], path, entry["split"],
            dtm.date.fromisoformat(date) if date else None, events_of(entry),
        ))
    return articles


def events_of(entry: dict) -> tuple[Key, ...]:
    """The keys of a labelled entry's events."""
    return tuple(key(e["date"], e["region"], e["actors"], e["event_type"]) for e in entry["events"])


def extracted_keys(article: Article) -> list[Key]:
    """What extraction finds in *article*."""
    text = article.path.read_text(encoding="utf-8")
    candidates = extract_events(text, article_date=article.article_date, today=TODAY)
    return [
        key(c.date.isoformat() if c.date else None, c.region, c.actors, c.event_type)
        for c in candidates
    ]


def compare(found: list[Key], recorded: tuple[Key, ...]) -> tuple[list[Key], list[Key]]:
    """(events invented, events missed): each recorded event matches at most one found."""
    missing = Counter(recorded)
    invented = []
    for event in found:
        if missing[event] > 0:
            missing[event] -= 1
        else:
            invented.append(event)
    return invented, list(missing.elements())


def score(articles: list[Article]) -> Score:
    """Precision and recall counts over *articles*, timing the extraction."""
    right = extracted = recorded = 0
    seconds = 0.0
    for article in articles:
        started = time.perf_counter()
        found = extracted_keys(article)
        seconds += time.perf_counter() - started
        invented, _ = compare(found, article.events)
        right += len(found) - len(invented)
        extracted += len(found)
        recorded += len(article.events)
    return Score(right, extracted, recorded, seconds, len(articles))


def agreement(articles: list[Article]) -> tuple[Score, Score]:
    """A second analyst's events (``second_opinion.json``) scored against labels.json's as the
    extractor is, beside the extractor's own score on the same texts: how far two careful
    analysts agree is the ceiling that precision and recall are read against."""
    second = json.loads(SECOND_OPINION.read_text(encoding="utf-8"))["articles"]
    recorded = {article.name: article for article in articles}
    right = proposed = total = 0
    for entry in second:
        theirs = events_of(entry)
        invented, _ = compare(list(theirs), recorded[entry["file"]].events)
        right += len(theirs) - len(invented)
        proposed += len(theirs)
        total += len(recorded[entry["file"]].events)
    same_texts = [recorded[entry["file"]] for entry in second]
    return Score(right, proposed, total, 0.0, len(second)), score(same_texts)


def confidence_report(articles: list[Article]) -> str:
    """How well the candidates' confidence separates the right ones from the wrong ones."""
    from tests.train_likelihood import auc  # the bench's only use of the trainer
    scored = []
    for article in articles:
        candidates = extract_events(article.path.read_text(encoding="utf-8"),
                                    article_date=article.article_date, today=TODAY)
        missing = Counter(article.events)
        for c in candidates:
            found = key(c.date.isoformat() if c.date else None, c.region, c.actors, c.event_type)
            scored.append((c.confidence, missing[found] > 0))
            missing[found] -= missing[found] > 0
    if not scored or all(right for _, right in scored) or not any(r for _, r in scored):
        return "confidence: nothing to separate"
    bands = []
    for label, low, high in (("< 0.4", 0.0, 0.4), ("0.4-0.7", 0.4, 0.7), (">= 0.7", 0.7, 1.1)):
        rights = [right for p, right in scored if low <= p < high]
        if rights:
            bands.append(f"{label}: {sum(rights) / len(rights):.0%} right of {len(rights)}")
    return f"confidence AUC {auc(scored):.2f}; " + ", ".join(bands)


def _describe(event: Key) -> str:
    date, region, actors, event_type = event
    return f"{date} {region} {sorted(actors)} {event_type}"


def print_misses(articles: list[Article]) -> None:
    """The events invented and missed in each tuning article."""
    for article in articles:
        invented, missed = compare(extracted_keys(article), article.events)
        for label, events in (("invented", invented), ("missed", missed)):
            for event in events:
                print(f"  {article.name}: {label} {_describe(event)}")


def main(argv: list[str] | None = None) -> None:
    """Print precision and recall per split, and the time per article."""
    argv = sys.argv[1:] if argv is None else argv
    articles = load_articles()
    for split in SPLITS:
        chosen = [a for a in articles if a.split == split]
        result = score(chosen)
        print(
            f"{split:9} {result.articles:2} texts  {result.recorded:3} events  "
            f"precision {result.precision:.2f}  recall {result.recall:.2f}  "
            f"{result.ms_per_article:.0f} ms/article"
        )
        print(f"{'':9} {confidence_report(chosen)}")
    analysts, extractor = agreement(articles)
    print(
        f"agreement {analysts.articles:2} texts  {analysts.recorded:3} events  a second analyst: "
        f"precision {analysts.precision:.2f}  recall {analysts.recall:.2f}; the extractor on the "
        f"same texts: {extractor.precision:.2f} / {extractor.recall:.2f}"
    )
    if "--misses" in argv:
        print_misses([a for a in articles if a.split == "tuning"])


if __name__ == "__main__":
    main()
