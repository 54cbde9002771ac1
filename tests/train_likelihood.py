"""Train the model behind a candidate's confidence (``briefings/extraction/likelihood.py``).

``tests/data/unseen_candidates.jsonl`` holds, for each sealed round of labelled texts, the
candidates the extractor proposed when the round was first measured (``extracted_by`` is that
commit), before any rule was tuned on it, each marked ``right`` when its (date, region, actor set,
event type) matched a labelled event. That is what a new article looks like to the rules, so it
is what the model learns from. To add a round once it has been measured: run the extractor of
its measuring commit over its texts and append the rows (``index`` is the candidate's place in
its article's list).

``python -m tests.train_likelihood`` rewrites the shipped weights; ``--cross`` leaves each round
out in turn and reports how well the model trained on the others ranks it (AUC) and what
dropping unlikely candidates does to precision and recall.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefings.extraction.likelihood import WEIGHTS, features, probability, sigmoid

DATA = Path(__file__).resolve().parent / "data"
ROWS = DATA / "unseen_candidates.jsonl"
MIN_WORD_COUNT = 5  # rarer evidence words are noise
WORD_FEATURES = ("word:", "near:")  # the evidence's words, and those near an actor's name
L2 = 1.0
EPOCHS = 300
LEARNING_RATE = 0.5
THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


@dataclass(frozen=True)
class Example:
    """A candidate the rules proposed for a text they had not been tuned on."""

    round: str
    file: str
    found: tuple[str, ...]
    right: bool
    guess_score: float  # the confidence it was first shown with (rules' doubts, later the model)


def load_examples(path: Path = ROWS) -> list[Example]:
    """The training rows, with each candidate's features computed among its article's others."""
    articles: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles[row["extracted_by"], row["file"]].append(row)
    examples = []
    for (commit, file), rows in articles.items():
        rows.sort(key=lambda row: row["index"])
        examples += [Example(commit, file, tuple(features(rows, i)), row["right"],
                             row["confidence"]) for i, row in enumerate(rows)]
    return examples


def train(examples: Sequence[Example]) -> dict[str, float]:
    """Logistic regression with L2, by full-batch gradient descent in a fixed order (so the
    same rows always give the same weights)."""
    counts = Counter(name for e in examples for name in set(e.found))
    names = sorted(n for n, c in counts.items()
                   if c >= MIN_WORD_COUNT or not n.startswith(WORD_FEATURES))
    column = {name: i for i, name in enumerate(names)}
    rows = [([column[n] for n in e.found if n in column], e.right) for e in examples]
    weights = [0.0] * len(names)
    rate = LEARNING_RATE
    for _ in range(EPOCHS):
        gradient = [0.0] * len(names)
        for found, right in rows:
            z = sum(weights[i] for i in found)
            error = sigmoid(z) - right
            for i in found:
                gradient[i] += error
        for i, g in enumerate(gradient):
            weights[i] -= rate * (g + L2 * weights[i]) / len(rows)
        rate *= 0.99
    weights = dict(zip(names, weights, strict=True))
    return {name: round(w, 4) for name, w in weights.items() if round(w, 4)}


def auc(scored: Iterable[tuple[float, bool]]) -> float:
    """The chance that a right candidate scores above a wrong one (ties count half)."""
    by_score: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    for score, right in scored:
        by_score[score][right] += 1
    wrong_below = area = 0.0
    for score in sorted(by_score):
        wrong, right = by_score[score]
        area += right * (wrong_below + wrong / 2)
        wrong_below += wrong
    right_total = sum(r for _, r in by_score.values())
    wrong_total = sum(w for w, _ in by_score.values())
    return area / (right_total * wrong_total)


def _number(file: str) -> int:
    return int(file.rsplit("/", 1)[-1].split("-", 1)[0])


def recorded_events(examples: Sequence[Example]) -> int:
    """How many events the labels record in the rounds of *examples* (every text of a round,
    numbered between its first and last, including texts the rules proposed nothing for)."""
    spans = defaultdict(list)
    for e in examples:
        spans[e.round].append(_number(e.file))
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return sum(len(entry["events"]) for entry in labels["articles"] if entry["file"] != "seed"
               and any(min(s) <= _number(entry["file"]) <= max(s) for s in spans.values()))


def cross_validate(examples: Sequence[Example]) -> dict[str, list[tuple[float, bool]]]:
    """Each round scored by a model trained on all the others: round -> (probability, right)."""
    scored = {}
    for held in dict.fromkeys(e.round for e in examples):
        weights = train([e for e in examples if e.round != held])
        scored[held] = [(probability(weights, e.found), e.right)
                        for e in examples if e.round == held]
    return scored


def _report_cross(examples: Sequence[Example]) -> None:
    scored = cross_validate(examples)
    everything = [s for round_scores in scored.values() for s in round_scores]
    print(f"{len(examples)} candidates from {len(scored)} rounds, each scored by a model "
          "trained on the other rounds")
    print(f"AUC: model {auc(everything):.3f}, the confidence shown when each round was "
          f"measured (the rules' doubts, then the model) "
          f"{auc((e.guess_score, e.right) for e in examples):.3f}")
    recorded = recorded_events(examples)
    for threshold in THRESHOLDS:
        kept = [right for p, right in everything if p >= threshold]
        right = sum(kept)
        print(f"drop below {threshold:.2f}: kept {len(kept):4}  precision "
              f"{right / len(kept):.3f}  recall {right / recorded:.3f}")
    bands = defaultdict(lambda: [0, 0])
    for p, right in everything:
        bands[min(9, math.floor(p * 10))][right] += 1
    for band, (wrong, right) in sorted(bands.items()):
        print(f"probability {band / 10:.1f}-{(band + 1) / 10:.1f}: {wrong + right:4} "
              f"candidates, {right / (wrong + right):.0%} right")


def main(argv: list[str]) -> None:
    examples = load_examples()
    if "--cross" in argv:
        _report_cross(examples)
        return
    weights = train(examples)
    WEIGHTS.write_text(json.dumps({
        "trained_on": len(examples),
        "rounds": list(dict.fromkeys(e.round for e in examples)),
        "weights": weights,
    }, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights from {len(examples)} candidates written to {WEIGHTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
