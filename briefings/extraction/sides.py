"""Which actors analysts would record for a proposed event, learned from unseen text.

The rules name an event's sides from the words of its sentences and a set of conventions (an
unclaimed bomb is an unidentified group's, a battle against IS has the army in it). On texts by
new authors the sides were the commonest single mistake: the army added or left out, an
unidentified group where the report blames the militias. Each actor below has a small logistic
model that weighs what the rules chose against how the evidence and the article name that
actor, trained by ``python -m tests.train_sides`` on the candidates the rules proposed for
sealed rounds *before* any rule was tuned on them, matched to the events analysts recorded.
Where a model is fairly sure the rules are wrong, its answer is kept, within limits a reader
would check at once. With each of 14 rounds scored by models trained on the others, that made
1,087 proposals right against the rules' 1,047; but those rounds were proposed by older rules,
and on the latest sealed round, proposed by today's, the models changed a single proposal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefings.extraction.classify import on_state_side
from briefings.extraction.likelihood import probability
from briefings.extraction.mentions import (
    CIVILIANS,
    JIHADISTS,
    MILITANTS,
    TROOPS,
    ActorMention,
    find_actors,
)
from briefings.gazetteer import Gazetteer

WEIGHTS = Path(__file__).with_name("sides.json")
BATTLES = "Battles"
LEAD_CHARACTERS = 500  # the headline and first lines: whom the report is about
NEAR = 40  # characters either side of a mention whose words say what the actor did
# What a report may call an actor without naming it, before the rules resolve it ("soldiers",
# "the militants", "tribal gunmen" who are Sunni tribes outside the south).
DESCRIBED_AS = {
    "Iraqi Army": frozenset({TROOPS}),
    "Islamic State": frozenset({MILITANTS, JIHADISTS}),
    "Unidentified armed group": frozenset({MILITANTS}),
    "Sunni tribes": frozenset({"Clan militias"}),
}
# The rules' choice stands unless its model is fairly sure otherwise.
DROP_BELOW = 0.3
ADD_ABOVE = 0.7
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class ArticleActors:
    """The actors an article names in its lead and anywhere at all."""

    lead: frozenset[str]
    anywhere: frozenset[str]

    @classmethod
    def of(cls, text: str, gazetteer: Gazetteer) -> ArticleActors:
        return cls(frozenset(m.actor for m in find_actors(text[:LEAD_CHARACTERS], gazetteer)),
                   frozenset(m.actor for m in find_actors(text, gazetteer)))


@dataclass(frozen=True)
class Evidence:
    """How a candidate's own sentences name actors, read once for all the models."""

    text: str
    mentions: tuple[ActorMention, ...]
    first: frozenset[str]  # named in its first sentence
    words: tuple[str, ...]

    def hurts(self, actor: str) -> bool:
        """Whether the evidence names *actor* among those hurt or killed."""
        return any(m.victim and (m.actor == actor or m.actor in DESCRIBED_AS.get(actor, ()))
                   for m in self.mentions)

    @classmethod
    def of(cls, candidate: dict, gazetteer: Gazetteer) -> Evidence:
        text = " ".join(candidate["evidence"])
        first = find_actors(candidate["evidence"][0], gazetteer) if candidate["evidence"] else []
        return cls(text, tuple(find_actors(text, gazetteer)), frozenset(m.actor for m in first),
                   tuple(sorted(w for w in set(_WORD.findall(text.lower())) if len(w) > 3)))


def features(candidate: dict, actor: str, article: ArticleActors, evidence: Evidence) -> list[str]:
    """What *actor*'s model sees of *candidate* (as ``Candidate.to_json``)."""
    named = {m.actor for m in evidence.mentions}
    chosen = actor in candidate["actors"]
    mentioned = actor in named
    described = bool(DESCRIBED_AS.get(actor, frozenset()) & named)
    found = [
        "bias", f"chosen:{chosen}", f"named:{mentioned}",
        f"victim:{actor in {m.actor for m in evidence.mentions if m.victim}}",
        f"first:{actor in evidence.first}",
        f"type:{candidate['event_type']}", f"sub:{candidate['sub_event_type']}",
        f"sides:{min(len(candidate['actors']), 3)}",
        f"chosen-sub:{chosen}|{candidate['sub_event_type']}",
        f"named-type:{mentioned}|{candidate['event_type']}",
        f"described:{described}", f"described-type:{described}|{candidate['event_type']}",
        *(f"with:{other}" for other in candidate["actors"] if other != actor),
        *(f"beside:{other}" for other in sorted(named) if other != actor),
        *(f"word:{w}" for w in evidence.words),
        f"lead:{actor in article.lead}", f"article:{actor in article.anywhere}",
        f"region:{candidate['region']}", f"year:{(candidate['date'] or '????')[:4]}",
    ]
    for mention in evidence.mentions:
        if mention.actor == actor or mention.actor in DESCRIBED_AS.get(actor, ()):
            window = evidence.text[max(0, mention.start - NEAR):mention.start + len(actor) + NEAR]
            found += [f"near:{w}" for w in _WORD.findall(window.lower()) if len(w) > 2]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=1)
def shipped_weights() -> dict[str, dict[str, float]]:
    """Each learned actor's trained weights, as shipped with the extractor."""
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))["actors"]


def learned_sides(candidates: Sequence[dict], text: str, gazetteer: Gazetteer,
                  weights: dict[str, dict[str, float]] | None = None,
                  settled: Sequence[Collection[str]] | None = None) -> list[list[str]]:
    """For each of *text*'s *candidates*, its actors with each learned actor added or dropped
    where its model is fairly sure; the rules' order kept and additions after them.

    What the model may not do, because a reader would see at once that it is wrong: drop an
    actor the evidence names as hurt ("killed three soldiers"), leave fewer than two actors
    where the rules gave two, leave a battle without one of its sides (the state's or its
    enemies'), or touch an actor *settled* for that candidate by a rule reading its evidence.
    """
    weights = shipped_weights() if weights is None else weights
    article = ArticleActors.of(text, gazetteer)
    sides = []
    for candidate, fixed in zip(candidates, settled or [()] * len(candidates), strict=True):
        evidence = Evidence.of(candidate, gazetteer)
        chance = {actor: probability(model, features(candidate, actor, article, evidence))
                  for actor, model in weights.items() if actor not in fixed}
        chosen = candidate["actors"]
        kept = [a for a in chosen if chance.get(a, 1.0) >= DROP_BELOW or evidence.hurts(a)]
        added = [a for a, p in chance.items() if p > ADD_ABOVE and a not in chosen]
        dropped = sorted((a for a in chosen if a not in kept), key=lambda a: -chance[a])
        while len(kept) + len(added) < min(len(chosen), 2):
            kept.append(dropped.pop(0))
        if candidate["event_type"] == BATTLES:
            kept += _lost_sides(chosen, kept + added, chance, gazetteer)
        sides.append([a for a in chosen if a in kept] + added)
    return sides


def _lost_sides(chosen: Sequence[str], final: Sequence[str], chance: dict[str, float],
                gazetteer: Gazetteer) -> list[str]:
    """The likeliest of the *chosen* actors of each side (the state's, its enemies') that
    *final* no longer has."""
    def sides(actors: Iterable[str]) -> dict[bool, list[str]]:
        found: dict[bool, list[str]] = {True: [], False: []}
        for actor in actors:
            if actor != CIVILIANS:
                found[on_state_side(actor, gazetteer)].append(actor)
        return found
    before, after = sides(chosen), sides(final)
    return [max(before[side], key=lambda a: chance.get(a, 1.0))
            for side in (True, False) if before[side] and not after[side]]
