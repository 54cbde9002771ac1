"""Train the models behind an event's learned sides (``briefings/extraction/sides.py``).

The rows are those the confidence model learns from (``tests/data/unseen_candidates.jsonl``):
the candidates the rules proposed for each sealed round before any rule was tuned on it. A
candidate teaches the side models when analysts recorded an event of its date, governorate and
type; the actors they recorded for it say which actors belong. The rows are the rules' own
proposals: when adding a round, run its measuring commit with the side models off
(``learned_sides(..., weights={})``).

``python -m tests.train_sides`` rewrites the shipped weights; ``--cross`` leaves each round out
in turn and reports how many more of its candidates the models trained on the other rounds make
right on the full key (date, governorate, actor set, event type).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefings.extraction.sides import WEIGHTS, ArticleActors, Evidence, features, learned_sides
from briefings.gazetteer import default_gazetteer
from tests.train_likelihood import DATA, ROWS, train

# The actors whose models gained right events when each round was left out in turn. Turkey's
# model lost two (the rules know Ankara's wars well), and those of civilians, the coalition
# and the clans changed nothing.
LEARNED_ACTORS = ("Iraqi Army", "Iraqi Police", "Unidentified armed group", "Shiite militias",
                  "Islamic State", "Peshmerga", "Sunni tribes", "Kurdistan Workers' Party",
                  "Iranian forces")


def _key(event: dict, actors: Sequence[str] | None = None) -> tuple:
    return (event["date"], event["region"],
            frozenset(event["actors"] if actors is None else actors), event["event_type"])


@dataclass
class Article:
    """One article of a round: the rules' candidates for it, and what analysts recorded."""

    round: str
    file: str
    text: str
    candidates: list[dict]
    recorded: list[dict]

    def recorded_sides(self) -> list[frozenset[str] | None]:
        """For each candidate, the actors of the recorded event it stands for: the one with its
        whole key, else one left with its date, governorate and type; None when there is none."""
        left = Counter(_key(e) for e in self.recorded)
        sides: list[frozenset[str] | None] = [None] * len(self.candidates)
        for i, c in enumerate(self.candidates):
            if left[_key(c)] > 0:
                left[_key(c)] -= 1
                sides[i] = frozenset(c["actors"])
        rest = list(left.elements())
        for i, c in enumerate(self.candidates):
            same = next((k for k in rest if sides[i] is None and
                         (k[0], k[1], k[3]) == (c["date"], c["region"], c["event_type"])), None)
            if same is not None:
                rest.remove(same)
                sides[i] = same[2]
        return sides

    def right(self, sides: Sequence[Sequence[str]]) -> int:
        """How many candidates, with these *sides*, match a recorded event on the whole key."""
        left = Counter(_key(e) for e in self.recorded)
        right = 0
        for c, actors in zip(self.candidates, sides, strict=True):
            if left[_key(c, actors)] > 0:
                left[_key(c, actors)] -= 1
                right += 1
        return right


@dataclass(frozen=True)
class Example:
    """Whether *actor* belongs to a candidate's recorded sides, and what its model sees."""

    round: str
    actor: str
    found: tuple[str, ...]
    right: bool  # the actor is among the recorded sides (named so for ``train``)


def load_articles(path: Path = ROWS) -> list[Article]:
    """The training rows grouped by round and article, with the article's text and labels."""
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        grouped[row["extracted_by"], row["file"]].append(row)
    labels = {entry["file"]: entry for entry in
              json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["articles"]}
    return [Article(commit, file, (DATA / file).read_text(encoding="utf-8"),
                    sorted(rows, key=lambda row: row["index"]), labels[file]["events"])
            for (commit, file), rows in grouped.items()]


def examples_of(articles: Sequence[Article]) -> list[Example]:
    """One example per learned actor and candidate whose recorded sides are known."""
    gazetteer = default_gazetteer()
    found = []
    for article in articles:
        actors = ArticleActors.of(article.text, gazetteer)
        for candidate, sides in zip(article.candidates, article.recorded_sides(), strict=True):
            if sides is None:
                continue
            evidence = Evidence.of(candidate, gazetteer)
            found += [Example(article.round, actor,
                              tuple(features(candidate, actor, actors, evidence)), actor in sides)
                      for actor in LEARNED_ACTORS]
    return found


def train_sides(examples: Sequence[Example]) -> dict[str, dict[str, float]]:
    """Each learned actor's weights, trained on its examples."""
    return {actor: train([e for e in examples if e.actor == actor]) for actor in LEARNED_ACTORS}


def cross_validate(articles: Sequence[Article]) -> dict[str, tuple[int, int, int]]:
    """round -> (its candidates, right as the rules propose them, right with the sides of
    models trained on all the other rounds)."""
    gazetteer = default_gazetteer()
    examples = examples_of(articles)
    scored = {}
    for held in dict.fromkeys(a.round for a in articles):
        weights = train_sides([e for e in examples if e.round != held])
        tested = [a for a in articles if a.round == held]
        scored[held] = (
            sum(len(a.candidates) for a in tested),
            sum(a.right([c["actors"] for c in a.candidates]) for a in tested),
            sum(a.right(learned_sides(a.candidates, a.text, gazetteer, weights)) for a in tested))
    return scored


def main(argv: list[str]) -> None:
    articles = load_articles()
    if "--cross" in argv:
        total = [0, 0, 0]
        for held, (candidates, rules, learned) in cross_validate(articles).items():
            print(f"round {held[:7]}: {candidates:4} candidates, right {rules:4} by the rules, "
                  f"{learned:4} with learned sides ({learned - rules:+d})")
            total = [t + n for t, n in zip(total, (candidates, rules, learned), strict=True)]
        print(f"all: {total[0]} candidates, right {total[1]} by the rules, {total[2]} with "
              f"learned sides ({total[2] - total[1]:+d})")
        return
    examples = examples_of(articles)
    weights = train_sides(examples)
    WEIGHTS.write_text(json.dumps({
        "trained_on": len(examples) // len(LEARNED_ACTORS),
        "rounds": list(dict.fromkeys(a.round for a in articles)),
        "actors": weights,
    }, indent=0) + "\n", encoding="utf-8")
    print(f"{sum(map(len, weights.values()))} weights for {len(weights)} actors from "
          f"{len(examples) // len(LEARNED_ACTORS)} candidates written to {WEIGHTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
