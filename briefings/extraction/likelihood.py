"""How likely a proposed event is to be right, learned from how the rules fared on unseen text.

The rules' own doubts (a date carried over, a place inherited) said little about whether a
candidate was right: proposals they rated 0.95 were right two times in three. So the confidence
an admin sees is a probability instead, from a logistic model over what a candidate looks like
(its type, actors, toll, evidence words, and its neighbours in the same article). The model is
trained by ``python -m tests.train_likelihood`` on the candidates the extractor proposed for
each sealed round of labelled texts *before* any rule had been tuned on them, because that is
what a new article looks like to the rules; its weights ship in ``likelihood.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("likelihood.json")
_WORD = re.compile(r"[a-z]+")
_STOPWORDS = frozenset({
    "the", "a", "an", "of", "in", "on", "and", "to", "was", "were", "is", "are", "by", "at",
    "for", "with", "from", "that", "as", "it", "its", "his", "their", "had", "has", "have", "be",
    "been", "this", "which", "who", "after", "near", "said",
})


def _band(value: float, edges: Sequence[float]) -> str:
    """The first of *edges* that *value* does not exceed ("9"), else ">" the last (">9")."""
    return next((f"{edge:g}" for edge in edges if value <= edge), f">{edges[-1]:g}")


def features(candidates: Sequence[dict], index: int) -> list[str]:
    """What the model sees of ``candidates[index]`` (candidates as ``Candidate.to_json``): its
    own fields, and how it stands among the others the same article gave."""
    c = candidates[index]
    actors = sorted(c["actors"])
    dates = Counter(other["date"] for other in candidates)
    regions = Counter(other["region"] for other in candidates)
    own_key = (c["date"], c["region"], actors, c["event_type"])
    others = [other for position, other in enumerate(candidates) if position != index]
    found = [
        "bias", f"type:{c['event_type']}", f"sub:{c['sub_event_type']}",
        *(f"actor:{a}" for a in actors),
        *(f"type-actor:{c['event_type']}|{a}" for a in actors),
        f"actors:{_band(len(actors), (0, 1, 2, 3))}",
        "toll:none" if c["fatalities"] is None else f"toll:{_band(c['fatalities'], (0, 1, 9))}",
        "date:none" if c["date"] is None else
        "date:main" if dates[c["date"]] == max(dates.values()) else "date:other",
        "region:main" if regions[c["region"]] == max(regions.values()) else "region:other",
        "position:first" if index == 0 else
        "position:last" if index == len(candidates) - 1 else "position:middle",
        f"candidates:{_band(len(candidates), (1, 2, 4, 6, 9))}",
        f"sentences:{_band(len(c['evidence']), (1, 2, 3))}",
        f"guesses:{_band(c['confidence'], (0.5, 0.7, 0.85, 0.95))}",
    ]
    if c["location"] is None:
        found.append("location:none")
    if any((o["date"], o["region"], sorted(o["actors"]), o["event_type"]) == own_key
           for o in candidates[:index]):
        found.append("told-before")  # the same key again: at most one of them is right
    if any((o["date"], o["region"], o["event_type"]) == (c["date"], c["region"], c["event_type"])
           and sorted(o["actors"]) != actors for o in others):
        found.append("rival")  # the same fight told with other sides
    if any((o["date"], o["region"]) == (c["date"], c["region"]) for o in others):
        found.append("same-day-and-place")
    words = {w for w in _WORD.findall(" ".join(c["evidence"]).lower())
             if len(w) > 2 and w not in _STOPWORDS}
    found += [f"word:{w}" for w in sorted(words)]
    return found


def sigmoid(z: float) -> float:
    """The logistic function, clipped so that extreme scores cannot overflow."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probability(weights: dict[str, float], found: Sequence[str]) -> float:
    """The logistic model's probability for a candidate with features *found*."""
    return sigmoid(sum(weights.get(name, 0.0) for name in found))


@lru_cache(maxsize=1)
def shipped_weights() -> dict[str, float]:
    """The trained weights that ship with the extractor."""
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))["weights"]


def likelihoods(candidates: Sequence[dict]) -> list[float]:
    """For each of one article's *candidates*, the probability that it is right as proposed."""
    weights = shipped_weights()
    return [probability(weights, features(candidates, i)) for i in range(len(candidates))]
