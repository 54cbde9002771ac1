"""Iraq's governorates, towns and conflict actors, looked up the way people actually write them.

Reports spell Iraqi places in many ways: Arabic, Kurdish and English transliterations ("Nineveh",
"Ninawa", "Nīnawā"), with or without the article ("al-Ramadi"), with "Province" tacked on, or
misspelt in a hurry ("Anbr"). Armed groups go by several names too ("ISIS", "Daesh", "ISIL").
So every lookup normalises the text first, tries the alias index, and only then forgives a near
miss, and only when one candidate is clearly best; otherwise it offers "did you mean ...?"
suggestions instead of guessing. The names themselves live in ``gazetteer.json`` beside this module.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).with_name("gazetteer.json")

ACCEPT = 0.8  # a near miss needs at least this similarity ...
MARGIN = 0.05  # ... and must beat the best other candidate by this much
SUGGEST = 0.65  # candidates at least this similar are offered as suggestions
MAX_SUGGESTIONS = 5
MAX_EXACT_ONLY = 3  # inputs this short ("IS", "Ir") are never fuzzy-matched
SHORT_WORD = 6  # a near miss this short may be one edit off its name, a longer one two

_APOSTROPHES = str.maketrans("", "", "'`´‘’ʻʼʾʿ")
_ARTICLES = frozenset({"al", "el"})
_SUFFIXES = frozenset({"province", "governorate", "gov"})
# Transliteration variants folded together before a fuzzy comparison ("Ramadee" ~ "Ramadi").
_SOUND_ALIKES = (
    ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("sh", "s"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("y", "i"), ("e", "i"), ("o", "u"),
)


def normalise(text: str) -> str:
    """Fold *text* to the key aliases are indexed under ("Al-Anbar Governorate" -> "anbar")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = [word for word in re.split(r"[\W_]+", plain) if word and word not in _ARTICLES]
    if words[:1] == ["the"]:
        words = words[1:]
    while words and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


def _sound_alike(key: str) -> str:
    """A rough sound-alike form of a normalised key, for fuzzy comparison only."""
    folded = key.replace(" ", "")
    for spelling, sound in _SOUND_ALIKES:
        folded = folded.replace(spelling, sound)
    return re.sub(r"(.)\1+", r"\1", folded).removesuffix("h")


def _forms(key: str) -> tuple[str, str, str]:
    """The forms a fuzzy comparison looks at: as is, without spaces, sound-alike."""
    return key, key.replace(" ", ""), _sound_alike(key)


@dataclass(frozen=True)
class Match:
    """The result of a lookup: a canonical name, or suggestions when nothing fitted."""

    name: str | None
    suggestions: tuple[str, ...]
    town: str | None = None
    corrected: bool = False


@dataclass(frozen=True)
class _Hit:
    """What an index found: its payload (None if nothing) plus suggestions or a correction."""

    payload: object = None
    suggestions: tuple[str, ...] = ()
    corrected: bool = False


class _Index:
    """Normalised alias -> (label, payload); exact lookups first, a forgiving fuzzy fallback.

    The label is the canonical name that near misses compete for and suggestions name; the
    payload is what a lookup returns. The first alias added under a key wins.
    """

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str, object]] = {}
        self._forms: dict[str, tuple[str, str, str]] = {}
        self._keys_of: dict[str, list[str]] = {}  # label -> its aliases' keys

    def add(self, alias: str, label: str, payload: object) -> None:
        """Index *alias* unless its key is empty or already taken."""
        key = normalise(alias)
        if key and key not in self._entries:
            self._entries[key] = (label, payload)
            self._forms[key] = _forms(key)
            self._keys_of.setdefault(label, []).append(key)

    def find(self, text: str, fuzzy: bool = True) -> _Hit:
        """Look *text* up exactly, then (if *fuzzy*) as a near miss."""
        key = normalise(text)
        if key in self._entries:
            return _Hit(self._entries[key][1])
        if len(key) <= MAX_EXACT_ONLY or not fuzzy:
            return _Hit()
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> _Hit:
        """Accept a clearly best near miss, else suggest the labels that came close."""
        ranked = self._rank(key)
        if not ranked:
            return _Hit()
        best, label, payload = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        if best >= ACCEPT and best - runner_up >= MARGIN and self._few_edits(key, label):
            return _Hit(payload, corrected=True)
        return _Hit(suggestions=tuple(label for _, label, _ in ranked[:MAX_SUGGESTIONS]))

    def _few_edits(self, key: str, label: str) -> bool:
        """Whether *key* is a typo's distance from one of *label*'s aliases: similarity alone
        lets a different word of shared letters through ("Narnia" ~ "Nasriya" at 0.83)."""
        budget = 1 if len(key.replace(" ", "")) <= SHORT_WORD else 2
        query = _forms(key)[1:]
        return any(
            _edits(mine, theirs, budget) <= budget
            for alias in self._keys_of[label]
            for mine, theirs in zip(query, self._forms[alias][1:], strict=True)
        )

    def _rank(self, key: str) -> list[tuple[float, str, object]]:
        """Labels at least SUGGEST-similar to *key*, with their best alias's payload, best first."""
        matchers = [SequenceMatcher(None, b=form) for form in _forms(key)]
        best: dict[str, tuple[float, str, object]] = {}
        for alias, (label, payload) in self._entries.items():
            score = _similarity(matchers, self._forms[alias])
            if score > best.get(label, (0.0,))[0]:
                best[label] = (score, label, payload)
        return sorted(best.values(), key=lambda entry: -entry[0])


def _edits(first: str, second: str, budget: int) -> int:
    """Edits (insert, delete, substitute, swap neighbours) from *first* to *second*, counted
    up to *budget* + 1."""
    if abs(len(first) - len(second)) > budget:
        return budget + 1
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for i, mine in enumerate(first, 1):
        current = [i]
        for j, theirs in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (mine != theirs))
            if i > 1 and j > 1 and mine == second[j - 2] and first[i - 2] == theirs:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > budget:
            return budget + 1
        before, previous = previous, current
    return min(previous[-1], budget + 1)


def _similarity(matchers: list[SequenceMatcher], forms: tuple[str, str, str]) -> float:
    """The highest ratio between the query's forms (held by *matchers*) and an alias's forms.

    Ratios below SUGGEST count as 0: they can neither be suggested nor threaten a near miss's
    margin, so the cheap upper bounds let most aliases be skipped.
    """
    best = 0.0
    for matcher, form in zip(matchers, forms, strict=True):
        matcher.set_seq1(form)
        bar = max(best, SUGGEST)
        if matcher.real_quick_ratio() >= bar and matcher.quick_ratio() >= bar:
            best = max(best, matcher.ratio())
    return best if best >= SUGGEST else 0.0


class Gazetteer:
    """Canonical governorates (with their towns) and actors, each findable by any of its names."""

    def __init__(self, data: dict) -> None:
        self._regions = {record["name"]: record for record in data["regions"]}
        self._actors = {record["name"]: record for record in data["actors"]}
        self.regions: tuple[str, ...] = tuple(sorted(self._regions))
        self.actors: tuple[str, ...] = tuple(self._actors)
        self._region_index = _Index()
        self._town_index = _Index()
        self._actor_index = _Index()
        self._index_regions()
        self._index_actors()

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Read a gazetteer file; without *path*, the shared default one beside this module."""
        if path is None:
            return default_gazetteer()
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def _index_regions(self) -> None:
        """Governorate names go in first so they win over a town of the same name."""
        for region, record in self._regions.items():
            for alias in (region, *record["aliases"]):
                self._region_index.add(alias, region, (region, None))
        for region, record in self._regions.items():
            for town in record["towns"]:
                for alias in (town["name"], *town["aliases"]):
                    self._region_index.add(alias, region, (region, town["name"]))
                    self._town_index.add(alias, town["name"], (town["name"], region))

    def _index_actors(self) -> None:
        """Every name of every actor."""
        for actor in self.actors:
            for alias in self.actor_aliases(actor):
                self._actor_index.add(alias, actor, actor)

    def region(self, text: str, fuzzy: bool = True) -> Match:
        """The governorate *text* names, directly or through one of its towns (spelt exactly,
        unless *fuzzy*)."""
        hit = self._region_index.find(text, fuzzy)
        if hit.payload is None:
            return Match(None, hit.suggestions)
        region, town = hit.payload
        return Match(region, (), town, hit.corrected)

    def actor(self, text: str) -> Match:
        """The canonical actor *text* names ("ISIS" -> "Islamic State")."""
        hit = self._actor_index.find(text)
        if hit.payload is None:
            return Match(None, hit.suggestions)
        return Match(hit.payload, (), None, hit.corrected)

    def town(self, text: str) -> tuple[str, str] | None:
        """(canonical town, its governorate) for *text*, or None when it names no known town.

        A governorate's own name ("Diyala Province") is not a misspelt town: no fuzzy guess.
        """
        hit = self._town_index.find(text)
        if hit.corrected:
            region = self._region_index.find(text)
            if region.payload is not None and not region.corrected and region.payload[1] is None:
                return None
        return hit.payload

    def towns(self, region: str) -> tuple[str, ...]:
        """The canonical towns of a canonical *region*, its capital first."""
        return tuple(town["name"] for town in self._regions[region]["towns"])

    def capital(self, region: str) -> str:
        """The capital town of a canonical *region*."""
        return self._regions[region]["capital"]

    def region_aliases(self, region: str) -> tuple[str, ...]:
        """Every name of a canonical *region*, the canonical one first."""
        return (region, *self._regions[region]["aliases"])

    def actor_aliases(self, actor: str) -> tuple[str, ...]:
        """Every name of a canonical *actor*, the canonical one first."""
        return (actor, *self._actors[actor]["aliases"])

    def actor_inter(self, actor: str) -> int | None:
        """The ACLED actor type code (``inter``) of a canonical *actor*; None if unknown."""
        return self._actors.get(actor, {}).get("inter")


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer from the JSON beside this module, read once."""
    return Gazetteer.load(DEFAULT_PATH)
