"""Measure extraction once on a sealed round: texts and labels no one working on the rules has seen.

A round is a folder per author, each with ``labels.json`` (entries as in ``tests/data/labels.json``,
split ``held_out``) and the ``articles/`` they name; ``tests/data/AUTHORING.md`` says how one is
commissioned. ``python -m tests.measure_round DIR...`` prints only figures (right, proposed,
recorded; precision and recall per folder and in all; how the confidence ranks the proposals),
so a round can be measured without reading it. ``--rows FILE --by COMMIT`` also writes the
proposals as rows for ``tests/data/unseen_candidates.jsonl``, to append once the round is
installed.
"""

from __future__ import annotations

import argparse
import datetime as dtm
import json
from collections import Counter
from pathlib import Path

from briefings.extract import extract_events
from tests.bench_extract import TODAY, compare, key
from tests.train_likelihood import auc

ROW_FIELDS = ("date", "region", "location", "actors", "event_type", "sub_event_type",
              "fatalities", "confidence", "evidence")


def measure(folder: Path, by: str | None = None) -> tuple[Counter, list[tuple[float, bool]], list]:
    """Counts, (confidence, right) pairs and rows for one author's folder."""
    counts: Counter = Counter()
    scored, rows = [], []
    for entry in json.loads((folder / "labels.json").read_text(encoding="utf-8"))["articles"]:
        text = (folder / entry["file"]).read_text(encoding="utf-8")
        given = entry["article_date"]
        candidates = extract_events(text, today=TODAY, article_date=dtm.date.fromisoformat(given)
                                    if given else None)
        recorded = tuple(key(e["date"], e["region"], e["actors"], e["event_type"])
                         for e in entry["events"])
        found = [key(c.date.isoformat() if c.date else None, c.region, c.actors, c.event_type)
                 for c in candidates]
        invented, _ = compare(found, recorded)
        wrong = Counter(invented)
        for index, (candidate, event) in enumerate(zip(candidates, found, strict=True)):
            right = wrong[event] == 0
            wrong[event] -= not right
            scored.append((candidate.confidence, right))
            if by is not None:
                doc = candidate.to_json()
                rows.append({"extracted_by": by, "file": entry["file"], "index": index,
                             "right": right, **{field: doc[field] for field in ROW_FIELDS}})
        counts.update(right=len(found) - len(invented), proposed=len(found),
                      recorded=len(recorded))
    return counts, scored, rows


def line(name: str, counts: Counter) -> str:
    """One folder's figures."""
    precision = counts["right"] / counts["proposed"] if counts["proposed"] else 1.0
    recall = counts["right"] / counts["recorded"] if counts["recorded"] else 1.0
    return (f"{name}: {counts['right']} right of {counts['proposed']} proposed, "
            f"{counts['recorded']} recorded; precision {precision:.3f}, recall {recall:.3f}")


def main(argv: list[str] | None = None) -> None:
    """Print a round's figures; with --rows, write its rows too."""
    parser = argparse.ArgumentParser(prog="python -m tests.measure_round")
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--rows", type=Path, help="write the proposals here, as training rows")
    parser.add_argument("--by", help="the commit measured, for the rows")
    args = parser.parse_args(argv)
    total: Counter = Counter()
    scored, rows = [], []
    for folder in args.folders:
        counts, pairs, found = measure(folder, args.by or "unknown")
        print(line(str(folder), counts))
        total += counts
        scored += pairs
        rows += found
    print(line("all", total))
    if any(right for _, right in scored) and not all(right for _, right in scored):
        print(f"confidence AUC {auc(scored):.2f}")
    if args.rows is not None:
        args.rows.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows),
                             encoding="utf-8")
        print(f"{len(rows)} rows written to {args.rows}")


if __name__ == "__main__":
    main()
