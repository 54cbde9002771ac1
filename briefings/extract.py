"""Turn a pasted news article into candidate events an admin can confirm.

Admins read reports like the seed article every day, and typing each event by hand is the slowest
part of their job. This proposes the events instead, offline and with no model: the article is
read sentence by sentence, keeping track of the date and place last mentioned (reports say "the
same day" and "the town"), and each sentence that reports an action becomes an event (or several,
for "still controls Mosul and Tikrit") typed by the rule table in ``extraction.rules``. Sentences
that only add to the last event ("repelled the attack", a quote giving the dead) are merged into
it; forecasts, plans and general statements yield nothing. Every field an analyst would have to
guess (a date carried over, a place inherited or misspelt, an actor supplied by convention)
is noted. A model learned on how these rules fared on text they had not seen gives each
candidate's confidence: the probability that it is right (``extraction.likelihood``). A candidate
matching an event already stored says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dtm
import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefings.events import MAX_SUMMARY, Event
from briefings.extraction import rules
from briefings.extraction.classify import (
    FOREIGN_AIR_FORCES,
    IRAN,
    MILITIA,
    PKK,
    REBEL,
    TURKEY,
    UNIDENTIFIED,
    complete_actors,
    on_state_side,
    settle_coalition_target,
)
from briefings.extraction.duplicates import find_duplicate
from briefings.extraction.likelihood import likelihoods
from briefings.extraction.mentions import CIVILIANS, find_actors, find_places
from briefings.extraction.reader import Draft, Reader
from briefings.extraction.text import (
    Body,
    find_source,
    read_article,
    strip_city,
    summary_sentence,
)
from briefings.gazetteer import Gazetteer, default_gazetteer

# How much each guess costs the rules' own score, one of the things the likelihood model weighs.
PENALTIES = {
    "date from context": 0.1,
    "date relative": 0.05,
    "date of the report": 0.05,
    "date missing": 0.35,
    "place inherited": 0.2,
    "place misspelt": 0.1,
    "place only a reference point": 0.1,
    "actor by convention": 0.05,
    "no actors": 0.2,
}
MIN_CONFIDENCE = 0.05
# Governorates of the Shiite south, where tribes at war are clans ("Clan militias").
SOUTH = frozenset({"Basra", "Maysan", "Dhi Qar", "Qadisiyah", "Muthanna", "Wasit", "Najaf",
                   "Karbala", "Babil"})
MAX_SUMMARY_SENTENCES = 2
ARMY = "Iraqi Army"
PESHMERGA = "Peshmerga"
IS = "Islamic State"
IS_DEFEATED = dtm.date(2018, 1, 1)  # Iraq declared victory over IS on 9 December 2017
CLANS = "Clan militias"
FEDERAL_FORCES = frozenset({"Iraqi Police", "Iraqi Special Forces"})  # beside the army


@dataclass(frozen=True)
class Candidate:
    """An event proposed from an article, with the sentences it came from."""

    date: dtm.date | None
    region: str | None
    location: str | None
    actors: tuple[str, ...]
    event_type: str | None
    sub_event_type: str | None
    fatalities: int | None
    summary: str
    source: str | None
    confidence: float
    evidence: tuple[str, ...]
    duplicate_of: str | None = None

    def to_json(self) -> dict:
        """The candidate as JSON-ready data (dates as ISO strings)."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "region": self.region,
            "location": self.location,
            "actors": list(self.actors),
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "fatalities": self.fatalities,
            "summary": self.summary,
            "source": self.source,
            "confidence": self.confidence,
            "evidence": list(self.evidence),
            "duplicate_of": self.duplicate_of,
        }

    @classmethod
    def from_json(cls, data: dict) -> Candidate:
        """The candidate `to_json` gave (after a trip through JSON: lists back to tuples)."""
        return cls(
            date=dtm.date.fromisoformat(data["date"]) if data.get("date") else None,
            region=data.get("region"),
            location=data.get("location"),
            actors=tuple(data.get("actors") or ()),
            event_type=data.get("event_type"),
            sub_event_type=data.get("sub_event_type"),
            fatalities=data.get("fatalities"),
            summary=data.get("summary") or "",
            source=data.get("source"),
            confidence=data.get("confidence", 0.0),
            evidence=tuple(data.get("evidence") or ()),
            duplicate_of=data.get("duplicate_of"),
        )


def _summary(draft: Draft, subject: str | None) -> str:
    """One or two clean sentences: the reporting sentence and the first one adding to it."""
    lines = [summary_sentence(strip_city(s)) for s in draft.summary[:MAX_SUMMARY_SENTENCES]]
    if subject:
        lines = [rules.PRONOUN_SUBJECT.sub(f"{subject}'s", line, count=1) for line in lines]
    text = " ".join(lines)
    if len(text) > MAX_SUMMARY:
        text = lines[0]
    if len(text) > MAX_SUMMARY:
        text = text[:MAX_SUMMARY - 1].rsplit(" ", 1)[0] + "…"
    return text


def _guess_score(doubts: list[str]) -> float:
    """1 less the cost of every guess, kept within (0, 1]: the rules' own score."""
    score = 1.0 - sum(PENALTIES[doubt] for doubt in doubts)
    return round(max(MIN_CONFIDENCE, score), 2)


def extract_events(
    text: str,
    *,
    article_date: dtm.date | None = None,
    today: dtm.date | None = None,
    gazetteer: Gazetteer | None = None,
    existing: Iterable[Event] = (),
) -> list[Candidate]:
    """The events *text* reports, in the order it reports them.

    *article_date* dates the article when it has no dateline; *today* completes years and
    relative dates when neither is known; *existing* events are checked for duplicates.
    """
    gazetteer = gazetteer or default_gazetteer()
    today = today or dtm.date.today()
    body = read_article(text, (article_date or today).year)
    anchor = body.dateline or article_date
    reader = Reader(gazetteer, anchor, today, body.year)
    reader.context_place = next(
        (p for p in find_places(body.headline, gazetteer) if not p.reference), None)
    reader.city = next(  # where the report was filed: the scene of what no sentence places
        (p for p in find_places(body.city.title(), gazetteer) if not p.reference), None)
    lead = " ".join([body.headline, *next(iter(body.paragraphs), [])])
    reader.lead_rebel = next((m.actor for m in find_actors(lead, gazetteer)
                              if gazetteer.actor_inter(m.actor) == REBEL), None)
    reader.turkish_voice = bool(rules.TURKISH.search(text) and rules.MARTYRED.search(text))
    reader.narrator = _interviewee(body, lead, gazetteer)
    for number, paragraph in enumerate(body.paragraphs):
        for sentence in paragraph:
            reader.read(reader.analyse(sentence, number))
    reader.finish()
    stored = list(existing)
    drafts = _without_lead_summaries(sorted(reader.drafts, key=lambda draft: draft.order))
    candidates = [_candidate(d, reader, body.source) for d in drafts]
    proposed = _without_protest_asides(_without_general_leads(
        _without_echoes(_without_repeats([c for c in candidates if _told_whole(c)]))))
    proposed = [_with_holder(c) for c in proposed]
    return _rated([_checked_against(c, stored) for c in proposed])


def _without_lead_summaries(drafts: list[Draft]) -> list[Draft]:
    """*drafts* (in the article's order) without a lead's summary of an event the report then
    tells in full with its own day ("A security source announced on Tuesday the martyrdom of
    two Hashd members by a device north of al-Miqdadiya ..." and then "a device exploded
    yesterday evening, Monday, on a patrol ... north of al-Miqdadiya")."""
    def summarises(lead: Draft, told: Draft) -> bool:
        return lead.order == drafts[0].order < told.order \
            and lead.rule.sub_event_type == told.rule.sub_event_type \
            and lead.place.region == told.place.region and None not in (lead.date, told.date) \
            and 0 <= (lead.date - told.date).days <= 3 and (
                lead.place.town in (None, told.place.town)
                or "place only a reference point" in lead.doubts) \
            and set(lead.actors) - {CIVILIANS, UNIDENTIFIED} - _forces_told(lead, told) \
            <= set(told.actors) \
            and bool(_DAY_NOT_TOLD & set(lead.doubts)) and not _DAY_NOT_TOLD & set(told.doubts)
    return [d for d in drafts if not any(summarises(d, other) for other in drafts)]


_DAY_NOT_TOLD = {"date from context", "date of the report"}


def _forces_told(lead: Draft, told: Draft) -> set[str]:
    """The army a lead names for "Iraqi forces" that the full telling names as the police or
    the counter-terrorism service ("Iraqi forces found a mass grave"; "Federal police who
    entered the town on Monday discovered the grave")."""
    return {ARMY} if ARMY in lead.actors and FEDERAL_FORCES & set(told.actors) else set()


def _interviewee(body: Body, lead: str, gazetteer: Gazetteer) -> str | None:
    """In an interview (its answers led by "A:"), the side its guest speaks for: the first
    party its headline or introduction names ("an interview with a Federal Police commander")."""
    answers = sum(sentence.startswith("A:") for paragraph in body.paragraphs
                  for sentence in paragraph)
    if answers < 2:
        return None
    lead = _QUOTED.sub(" ", lead)  # not the party a quoted headline names ("Daesh today is ...")
    return next((m.actor for m in find_actors(lead, gazetteer)
                 if not m.victim and not m.actor.startswith("<")), None)


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def _checked_against(candidate: Candidate, stored: list[Event]) -> Candidate:
    """*candidate*, flagged when it repeats one of the *stored* events."""
    duplicate = find_duplicate(candidate, stored)
    return candidate if duplicate is None else _with_duplicate(candidate, duplicate)


def _rated(candidates: list[Candidate]) -> list[Candidate]:
    """*candidates* with the probability that each is right as its confidence. All are kept,
    the unlikely too: an admin discards a wrong card in one tap, but retypes a missed event."""
    chances = likelihoods([c.to_json() for c in candidates])
    return [dataclasses.replace(c, confidence=round(chance, 2))
            for c, chance in zip(candidates, chances, strict=True)]


def _without_protest_asides(candidates: list[Candidate]) -> list[Candidate]:
    """*candidates* without a "protest" that only names the protesters of another told the same
    day in the same governorate ("Most of the protesters were unemployed graduates")."""
    def aside(c: Candidate) -> bool:
        return c.event_type == rules.P and not rules.PROTEST_ACT.search(" ".join(c.evidence))
    return [c for c in candidates if not (aside(c) and any(
        other is not c and other.event_type in (rules.P, rules.R) and not aside(other)
        and (other.date, other.region) == (c.date, c.region) for other in candidates))]


def _without_general_leads(candidates: list[Candidate]) -> list[Candidate]:
    """*candidates* with a lead's battle by "Iraqi forces" folded into the battle the report then
    tells unit by unit, the same day and governorate and against the same group ("Iraqi forces
    retook the compound on Friday. Counter-terrorism troops, backed by federal police, ...")."""
    def general(c: Candidate) -> bool:
        return c.event_type == rules.B and ARMY in c.actors and \
            not rules.ARMY_NAMED.search(" ".join(c.evidence))
    kept = list(candidates)
    for lead in [c for c in candidates if general(c)]:
        others = set(lead.actors) - {ARMY}
        detail = next((c for c in kept if c is not lead and c.event_type == rules.B
                       and (c.date, c.region) == (lead.date, lead.region)
                       and ARMY not in c.actors and FEDERAL_FORCES & set(c.actors)
                       and others <= set(c.actors)), None)
        if detail is None:
            continue
        kept[kept.index(detail)] = dataclasses.replace(
            detail, sub_event_type=lead.sub_event_type, summary=lead.summary,
            evidence=lead.evidence + detail.evidence)
        kept.remove(lead)
    return kept


def _without_echoes(candidates: list[Candidate]) -> list[Candidate]:
    """*candidates* without a fight told with one side only when the same day and governorate
    have it with both ("a day after the insurgents launched their assault", the assault being
    told in full further down)."""
    def echoes(one: Candidate, other: Candidate) -> bool:  # or its attack on civilians: "attacked
        return one is not other and other.event_type in (rules.B, rules.V) and \
            (other.date, other.region) == (one.date, one.region) and \
            set(one.actors) < set(other.actors)  # the village and opened fire upon the people"
    return [c for c in candidates if not (
        c.event_type == rules.B and len(c.actors) == 1
        and any(echoes(c, other) for other in candidates))]


def _without_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """*candidates* with an event told twice kept once, its evidence joined (a fight that
    turned out one-sided, told again in a quote; "drove IS out of Jalula" and then "peshmerga
    units entered Jalula at dawn": one battle, the same day, place and sides)."""
    kept: list[Candidate] = []
    for candidate in candidates:
        first = next((c for c in kept if _same_act(c, candidate)), None)
        if first is None:
            kept.append(candidate)
            continue
        evidence = first.evidence + tuple(e for e in candidate.evidence if e not in first.evidence)
        actors = first.actors + tuple(a for a in candidate.actors if a not in first.actors)
        kind = first
        if {first.sub_event_type, candidate.sub_event_type} == {rules.REGAINED, rules.HANDOVER}:
            kind = next(c for c in (first, candidate) if (c.sub_event_type == rules.HANDOVER) == (
                rules.NOT_A_SHOT.search(" ".join(evidence)) is not None))  # "took control of
            # Sinjar"; "entered Sinjar after the peshmerga pulled out without a fight": handed
            # over; "swept into Kirkuk"; "entered the city with little resistance": retaken
        kept[kept.index(first)] = dataclasses.replace(
            first, evidence=evidence, actors=actors, event_type=kind.event_type,
            sub_event_type=kind.sub_event_type)
    return kept


def _with_holder(candidate: Candidate) -> Candidate:
    """*candidate* with the side that lost the ground when the report names only IS, that took
    it ("ISIS fighters overran Mosul"): the government's troops, who held it (analysts name the
    side that lost the ground in 141 of the 150 takings by IS labelled)."""
    if candidate.sub_event_type not in (rules.OVERTAKEN, rules.REGAINED) or \
            candidate.actors != (IS,):
        return candidate
    return dataclasses.replace(candidate, actors=(IS, ARMY), sub_event_type=rules.OVERTAKEN)


def _same_act(one: Candidate, other: Candidate) -> bool:
    """Whether two candidates tell one act: the same day, place and action, with the same
    sides; a taking of ground whose sides one of them names in full ("seized Ramadi after
    government forces pulled out"; "Security forces and police abandoned their positions"); or
    ground the state took there that day, told once as retaken and once as handed over."""
    told = one.event_type if one.event_type == rules.B else one.sub_event_type  # a killing and
    # an abduction are two acts; a fight is one
    if (one.date, one.region, one.location) != (other.date, other.region, other.location):
        return False
    if {one.sub_event_type, other.sub_event_type} == {rules.REGAINED, rules.HANDOVER}:
        return True  # the same ground changing hands, told twice
    if told != (other.event_type if other.event_type == rules.B else other.sub_event_type):
        return False
    if set(one.actors) == set(other.actors):
        return True
    ground = {rules.OVERTAKEN, rules.REGAINED}
    return one.sub_event_type == other.sub_event_type and one.sub_event_type in ground and (
        set(one.actors) <= set(other.actors) or set(other.actors) <= set(one.actors))


def _told_whole(candidate: Candidate) -> bool:
    """Whether *candidate* names who took part as an event of its kind must: a fight between
    nobody is a generality ("the fighting subsided"), and ground handed over with no one to
    take it is a retreat told of a battle ("the militants withdrew towards the border")."""
    if candidate.event_type == rules.B:
        return bool(candidate.actors)
    return candidate.sub_event_type != rules.HANDOVER or \
        len(candidate.actors) > 1


def _candidate(draft: Draft, reader: Reader, source: str | None) -> Candidate:
    """The finished candidate for a draft."""
    evidence = " ".join(draft.evidence)
    _settle_type(draft, reader.gazetteer)
    # not IS's fight: against the Kurds, by men the report does not know or calls criminals,
    # between rival clans
    not_theirs = rules.AGAINST_KURDS.search(evidence) or rules.UNKNOWN_AUTHOR.search(evidence) \
        or rules.CRIMINALS.search(evidence) or rules.CLAN_FIGHT.search(evidence) or (  # a
            # suicide bomber away from the front told
            draft.rule.sub_event_type == "Suicide bomb" and rules.ELSEWHERE.match(evidence))
    # drones flown at the coalition's bases are the militias', not the neighbour's whose
    # strikes the rest of the report tells
    air_force = None if rules.COALITION_TARGET.search(evidence) else reader.main_air_force()
    added = complete_actors(
        draft.actors, draft.rule, None if not_theirs else _rebel_behind(draft, reader),
        reader.gazetteer, draft.agent, air_force, reader.main_forces())
    draft.doubts += ["actor by convention"] * added
    if _taken_from_the_kurds(draft, reader, evidence):
        draft.actors = list(dict.fromkeys(PESHMERGA if a == IS else a for a in draft.actors))
    settle_coalition_target(draft.actors, draft.rule, evidence, draft.place.town,
                            reader.gazetteer, draft.agent)
    _mend_actors(draft, evidence, reader.gazetteer, reader.turkish_voice)
    if not draft.actors:
        draft.doubts.append("no actors")
    if draft.place.region in SOUTH:  # tribes in the Shiite south are clans, not Sunni tribes
        draft.actors = list(dict.fromkeys(
            "Clan militias" if a == "Sunni tribes" else a for a in draft.actors))
    elif draft.place.region and CLANS in draft.actors and any(
            a == IS or on_state_side(a, reader.gazetteer) for a in draft.actors):
        draft.actors = list(dict.fromkeys(  # tribal gunmen beside the army, or against IS, in
            "Sunni tribes" if a == CLANS else a for a in draft.actors))  # Anbar: Sunni tribes
    subject = next((a for a in draft.actors if a != CIVILIANS), None)
    return Candidate(
        date=draft.date,
        region=draft.place.region,
        location=draft.place.town,
        actors=tuple(draft.actors),
        event_type=draft.rule.event_type,
        sub_event_type=draft.rule.sub_event_type,
        fatalities=draft.fatalities,
        summary=_summary(draft, subject),
        source=find_source(" ".join(draft.evidence)) or source,
        confidence=_guess_score(draft.doubts),  # until _rated
        evidence=tuple(draft.evidence),
    )


def _taken_from_the_kurds(draft: Draft, reader: Reader, evidence: str) -> bool:
    """Whether ground retaken from a holder the report does not name was the peshmerga's: the
    same day and governorate, the report has government forces fighting them ("took control of
    the town" after "exchanged fire with the peshmerga", Kirkuk, October 2017)."""
    if draft.rule.sub_event_type != "Government regains territory" or IS not in draft.actors or \
            any(m.actor == IS for m in find_actors(evidence, reader.gazetteer)):
        return False
    return any(other is not draft and other.rule.event_type == rules.B
               and (other.date, other.place.region) == (draft.date, draft.place.region)
               and PESHMERGA in other.actors and IS not in other.actors for other in reader.drafts)


def _rebel_behind(draft: Draft, reader: Reader) -> str | None:
    """The group unnamed fighters are taken for: the one the report is about, except that once
    IS had lost its last towns (2018 on), gunmen a report does not name stay unidentified."""
    rebel = reader.main_rebel(draft.place.region, draft.place.town)
    insurgency = draft.date is not None and draft.date >= IS_DEFEATED
    return None if rebel == IS and insurgency and draft.rule.event_type == rules.B else rebel


def _settle_type(draft: Draft, gazetteer: Gazetteer) -> None:
    """Retype what its actors show the verbs told wrong."""
    if _one_sided(draft, gazetteer):  # "an attack by Daesh on a village killed three"
        draft.rule = dataclasses.replace(draft.rule, event_type=rules.V, sub_event_type="Attack")
    if draft.rule.event_type == rules.B and "Protesters" in draft.actors and any(
            on_state_side(a, gazetteer) for a in draft.actors):  # "a protester was shot dead
        draft.rule = dataclasses.replace(  # when security forces opened fire on a crowd"
            draft.rule, event_type=rules.P, sub_event_type="Excessive force against protesters")
    if draft.rule.sub_event_type == rules.HANDOVER and any(
            gazetteer.actor_inter(a) == REBEL for a in draft.actors):
        draft.rule = dataclasses.replace(  # "took Tikrit as the army abandoned its positions":
            draft.rule, event_type=rules.B,  # insurgents taking ground, not a handover
            sub_event_type=rules.OVERTAKEN)


def _mend_actors(
    draft: Draft, evidence: str, gazetteer: Gazetteer, turkish_voice: bool = False
) -> None:
    """Set right the actor sets that the whole evidence shows the conventions got wrong."""
    actors = draft.actors
    if ARMY in actors and not rules.ARMY_NAMED.search(evidence) and FEDERAL_FORCES & set(actors):
        actors.remove(ARMY)  # "Iraqi forces" told as the police who took the gate
    if draft.rule.sub_event_type == "Disrupted weapons use" and rules.PLANTED_BY.search(evidence):
        defusers = [a for a in actors if gazetteer.actor_inter(a) != REBEL and a != UNIDENTIFIED]
        actors[:] = defusers or actors  # who planted the bombs found is no party to it
    if draft.rule.event_type == rules.B and not actors and rules.CLAN_FIGHT.search(evidence):
        actors.append(CLANS)  # "an armed tribal conflict left two dead"
    if UNIDENTIFIED in actors and any(gazetteer.actor_inter(a) == REBEL and a != UNIDENTIFIED
                                      for a in actors):
        actors.remove(UNIDENTIFIED)  # "two members of an armed group ... of the YBS": named
    if UNIDENTIFIED in actors and draft.rule.event_type == rules.E and \
            FOREIGN_AIR_FORCES & set(actors):
        actors.remove(UNIDENTIFIED)  # "missiles launched from Iranian territory": Iran's
    if UNIDENTIFIED in actors and draft.rule.sub_event_type in rules.FIRED_AT and \
            (blamed := rules.BLAMED_NEIGHBOUR.search(evidence)):  # "Baghdad blamed Turkish
        neighbour = TURKEY if blamed.group("who")[0] in "TA" else IRAN  # forces" for the shells
        actors[actors.index(UNIDENTIFIED)] = neighbour  # that hit a resort
    if draft.rule.sub_event_type == "Arrests":  # the arrested are no party to their arrest
        actors[:] = [a for a in actors if on_state_side(a, gazetteer)] or [ARMY]
    if draft.rule.sub_event_type == "Attack" and CIVILIANS in actors and len(actors) > 2:
        # one side attacks civilians: the first named, not whom the victims were accused of
        # helping ("executed 12 residents for passing information to the security forces")
        actors[:] = [next(a for a in actors if a != CIVILIANS), CIVILIANS]
    if draft.rule.sub_event_type == "Air/drone strike" and ARMY in actors and any(
            a in rules.AIR_FORCES and a != ARMY for a in actors) and \
            not rules.IRAQI_AIRCRAFT.search(evidence):
        actors.remove(ARMY)  # "struck IS positions in support of Iraqi forces": a foreign
        # air force's strike has the striker and the struck, not the troops it helped
    elif draft.rule.sub_event_type == "Air/drone strike" and ARMY not in actors and \
            rules.IRAQI_AIRCRAFT.search(evidence):
        actors.insert(0, ARMY)  # "Iraqi and US-led coalition aircraft struck": Iraq's too
    if draft.rule.sub_event_type == "Looting/property destruction":
        # one side destroys, civilians own what burns: not who left the town before, nor whom
        # the owners were accused of backing, nor the police who looked on
        armed = [a for a in actors if a != CIVILIANS]
        author = draft.agent if draft.agent in armed else UNIDENTIFIED \
            if rules.UNKNOWN_AUTHOR.search(evidence) or not armed else armed[0]
        owners = CIVILIANS in actors or rules.OWNED_PROPERTY.search(evidence)
        actors[:] = [author, CIVILIANS] if owners else [author]
    if ARMY in actors and PKK in actors and not rules.IRAQI_TROOPS.search(evidence) and (
            turkish_voice or rules.TURKISH.search(evidence)):
        # "one soldier was killed" by a PKK bomb or in a clash, Ankara said: Turkey's soldier
        actors[:] = list(dict.fromkeys(TURKEY if a == ARMY else a for a in actors))
    if turkish_voice and actors == [PKK]:
        actors.insert(0, TURKEY)  # Ankara's "our commandos" in "an engagement with terrorists"
    _mend_authors(draft, evidence, gazetteer)
    if draft.rule.event_type == rules.E and CIVILIANS not in actors and \
            rules.CROWDED_PLACE.search(evidence) and not any(
                on_state_side(a, gazetteer) or gazetteer.actor_inter(a) == MILITIA
                for a in actors):
        actors.append(CIVILIANS)  # a bomb in a crowded cafe or market: its victims are civilians
    if CIVILIANS in actors and rules.DESCRIBED_AS_FIGHTERS.search(evidence):
        actors.remove(CIVILIANS)  # the dead were named as the group's fighters


def _mend_authors(draft: Draft, evidence: str, gazetteer: Gazetteer) -> None:
    """Set right who carried out an attack, from who fired it, claimed it or is only suspected
    of it ("no one claimed it, but ...")."""
    actors = draft.actors
    if UNIDENTIFIED in actors and draft.rule.event_type == rules.E and any(
            m.actor in actors and m.actor != UNIDENTIFIED
            and rules.FIRED_BY.search(evidence[max(0, m.start - 40):m.start])
            for m in find_actors(evidence, gazetteer)):
        actors.remove(UNIDENTIFIED)  # "mortar rounds fired from Hashd positions": theirs
    unclaimed = rules.UNKNOWN_AUTHOR.search(evidence)
    turkish_base = draft.rule.sub_event_type in rules.FIRED_AT and \
        rules.FOREIGN_BASE_TARGET.search(evidence)  # rockets at a Turkish base: at Turkey
    if unclaimed and draft.rule.event_type == rules.E:  # "No one claimed it, but IS has
        named = [(m.actor, m.start) for m in find_actors(evidence, gazetteer)]  # claimed such"
        suspects = [a for a in actors if a != UNIDENTIFIED and (
            (gazetteer.actor_inter(a) == REBEL and all(
                at > unclaimed.start() for actor, at in named if actor == a))
            or (a in FOREIGN_AIR_FORCES and all(actor != a for actor, _ in named)
                and not (a == TURKEY and turkish_base)))]
        # ... or a foreign force only the paragraphs before named: the unclaimed drone is nobody's
        actors[:] = list(dict.fromkeys(UNIDENTIFIED if a in suspects else a for a in actors))
    if turkish_base and not any(gazetteer.actor_inter(a) in (REBEL, MILITIA)
                                for a in actors if a != UNIDENTIFIED):
        actors[:] = [a for a in actors if a != CIVILIANS]  # rockets at a Turkish base: by
        actors.extend(a for a in (TURKEY, UNIDENTIFIED) if a not in actors)  # someone, at Turkey
    claimant = _claimant(draft.evidence, gazetteer)
    if claimant and UNIDENTIFIED in actors:  # "IS said one of its fighters did it"
        if claimant in actors:
            actors.remove(UNIDENTIFIED)
        else:
            actors[actors.index(UNIDENTIFIED)] = claimant


def _claimant(evidence: list[str], gazetteer: Gazetteer) -> str | None:
    """The armed group a sentence of *evidence* has claiming the attack, named before the claim
    ("IS claimed the attack through Amaq", "ISIL said in a statement that ... carried out")."""
    for sentence in evidence:
        for claim in rules.CLAIMED.finditer(sentence):
            if rules.UNKNOWN_AUTHOR.search(sentence):
                return None  # "no group claimed the attack"
            named = [m.actor for m in find_actors(sentence[:claim.start()], gazetteer)
                     if not m.victim and gazetteer.actor_inter(m.actor) in (REBEL, MILITIA)
                     and m.actor != UNIDENTIFIED]
            if named:
                return named[-1]
    return None


def _one_sided(draft: Draft, gazetteer: Gazetteer) -> bool:
    """Whether a fight told has one armed side only, a rebel or unknown group, and civilians as
    its victims: violence against civilians, not a battle (clans and militias fight their own)."""
    armed = [a for a in draft.actors if a != CIVILIANS]
    if draft.rule.sub_event_type != "Armed clash" or CIVILIANS not in draft.actors or \
            len(armed) != 1:
        return False
    rebel = gazetteer.actor_inter(armed[0]) == REBEL or armed[0] == UNIDENTIFIED
    return rebel and not rules.FIGHT_BACK.search(" ".join(draft.evidence))


def _with_duplicate(candidate: Candidate, event_id: str) -> Candidate:
    """*candidate* flagged as repeating stored event *event_id*."""
    return Candidate(**{**candidate.__dict__, "duplicate_of": event_id})
