"""Where an action happened, beyond the places a sentence names: a wire's dateline is not a
scene, and strikes on a list of sites in several governorates are one event in each."""

from __future__ import annotations

import re

from briefings.extraction import rules
from briefings.extraction.mentions import Place
from briefings.extraction.sentences import Sentence

_SITES_LISTED = re.compile(r"\band\s+(?:near|in|at|outside|around)\b")
# "Similar protests were held in the holy cities of Najaf and Karbala": one in each.
_PROTESTS_IN = re.compile(r"\b(?:protests|demonstrations|rallies|sit-ins)\s+(?:were|took\s+place)\b"
                          r"[^.;]*?\bin\s+(?:the\s+)?(?:[\w-]+\s+)?(?:cities|towns|provinces)\s+of\b|"
                          r"\b(?:took\s+to\s+the\s+streets|protested|demonstrated|rallied)\s+in\s+"
                          r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+and\s+(?:in\s+)?"
                          r"(?-i:[A-Z])", re.I)  # "took to the streets in Baghdad and in Duhok"
_SEVERAL_TARGETS = re.compile(r"\b(?:sites|facilities|targets|positions|bases|locations|"
                              r"headquarters|strikes)\b", re.I)


def one_per_region(sentence: Sentence) -> list[Place] | None:
    """The scenes of strikes on several sites in different governorates ("hitting sites in Jurf
    al-Nasr in Babil province and near al-Qaim in Anbar"): one event per governorate."""
    protests = sentence.rule.event_type == rules.P and _PROTESTS_IN.search(sentence.text)
    if not protests and (sentence.rule.sub_event_type not in rules.FIRED_AT or
                         not _SEVERAL_TARGETS.search(sentence.text)):
        return None
    first: dict[str, Place] = {}
    for place in sentence.scenes:
        if not place.reference and not place.far and (
                place.region not in first or (place.town and not first[place.region].town)):
            first[place.region] = place
    listed = protests or _SITES_LISTED.search(sentence.text)  # "in X and near Y": one list
    return list(first.values()) if len(first) > 1 and listed else None


_CITY_DATELINE = re.compile(
    r"^(?:[A-Z][\w'’]+(?:[\s/][A-Z][\w'’]+)?(?:,\s*[A-Z][\w'’]+(?:\s[A-Z][\w'’]+)?)?\s*"
    r"(?:\([^)]{1,30}\)\s*){0,2}(?:[-–—]{1,2}|//)|[A-Z]{3,}(?:\s[A-Z]{3,})?:)"
    r"\s+")  # "Erbil - ...", "ERBIL, Kurdistan Region - ...", "Erbil (Iraq) (AFP) - ",
# "BAGHDAD // ..." or "BAGHDAD: ..." (a roundup's "Maysan: ..." is its scene)


_HEAD = re.compile(r"^[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?:\s+")  # "Baghdad: ...", "Maysan: ..."
_WIRE_DATELINE = re.compile(r"^(?:[A-Z]{3,}\b|.*\().*(?:[-–—]|//)\s*$")  # not "BAGHDAD: ..."


def past_dateline(body: str, places: list[Place], wire: bool | None = None) -> list[Place]:
    """*places* without a city dateline's ("Erbil - ISIS executed ... in Hawija"). With *wire*
    given, only a wire's dateline opening the article ("BAGHDAD (AP) -") counts, not a section
    heading ("Kerbala — ...", "HALABJA – ...")."""
    dateline = _CITY_DATELINE.match(body)
    if dateline and wire is not None and not (wire and _WIRE_DATELINE.match(dateline.group(0))):
        dateline = None
    if dateline is None and (head := _HEAD.match(body)) and places:  # "Baghdad: militants
        named = [p for p in places if p.start < head.end()]  # overran Tikrit": a dateline, as
        after = [p for p in places if p.start >= head.end() and not p.reference]  # the
        if named and after and all(p.region != named[0].region for p in after):  # scene is
            dateline = head  # elsewhere; "Maysan: In Amara, ..." heads its own scene
    return [p for p in places if not dateline or p.start >= dateline.end()] if places else places
