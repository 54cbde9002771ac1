"""What one sentence of an article reports, as far as the rules can tell.

A sentence may report several actions ("shelled Khanaqin and kidnapped two farmers"), an earlier
one in passing ("a day after retaking the town") or the same one on another day ("and again on
Sunday"); each becomes a ``Sentence`` of its own, narrowed to its clause's places, actors and dead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefings.extraction import rules
from briefings.extraction.classify import agent_at, match_rule
from briefings.extraction.dates import DateMention, find_date
from briefings.extraction.mentions import SPEAKERS_OWN, TROOPS, ActorMention, Place
from briefings.extraction.numbers import NUMBER, parse_number
from briefings.extraction.numbers import fatalities as count_fatalities
from briefings.gazetteer import Gazetteer


@dataclass
class Sentence:
    """What one sentence says, as far as the rules can tell."""

    text: str
    paragraph: int
    reported: bool  # False for forecasts, plans and generalities
    date: DateMention | None
    places: list[Place]
    actors: list[ActorMention]
    rule: rules.TypeRule | None
    fatalities: int | None
    anaphoric: bool
    agent: str | None = None  # who the sentence names as acting, before the action's word
    refers_back: bool = False  # its action's word points back ("claimed the Erbil attack")
    kinds: frozenset[str] = frozenset()  # the kinds of event its subject names ("The strike")
    follows_up: bool = False  # "The attacks followed a quieter Saturday, when ...": another event
    quoted: bool = False  # a witness's own words
    entry: bool = False  # a diary entry's or post's heading date: the day "today" means below
    order: int = 0  # its place in the article, to list events as the article tells them
    also: list[Sentence] = field(default_factory=list)  # further actions the sentence reports

    @property
    def scenes(self) -> list[Place]:
        """The places named as where something happened (not "west of Baghdad")."""
        return [place for place in self.places if not place.reference]

    @property
    def subject(self) -> str | None:
        """The first actor named other than as a victim."""
        return next((m.actor for m in self.actors if not m.victim), None)


_SAID_THAT = re.compile(r"\b(?:said|says|say|claimed|claims|added|reported|announced|stated)\s+"
                        r"(?:that\s+)?$", re.I)


def whose(
    body: str, mention: ActorMention, text: str, before: list[ActorMention],
    speaker: str | None = None,
) -> str | None:
    """Whose "its soldiers" are: the actor the sentence named last ("Islamic State claimed the
    attack, saying its soldiers ..."), or a foreign speaker's ("The Turkish defence ministry said
    its troops killed ...")."""
    if mention.actor == SPEAKERS_OWN:  # "X said they had ...": X's, else no one's
        if not body[:mention.start].strip():  # the attribution was cut from the body
            return speaker
        if not _SAID_THAT.search(body[:mention.start]):
            return None
        named = [m.actor for m in before if not m.victim and not m.actor.startswith("<")]
        return named[-1] if named else speaker
    owned = body[mention.start:mention.start + 6].lower().startswith(("its ", "their", "our ",
                                                                      "his "))
    if mention.actor != TROOPS or not (owned or rules.POSSESSIVE.search(body[:mention.start])):
        return None
    named = [m.actor for m in before if not m.victim and not m.actor.startswith("<")]
    if named or speaker:  # "the Federal Police said that its forces arrested ..."
        return named[-1] if named else speaker
    speaker = rules.FOREIGN_SPEAKER.search(text)
    return rules.FOREIGN_FORCES[speaker.group(1).lower()[:4]] if speaker else None


def narrow(sentence: Sentence, body: str, action: tuple) -> None:
    """Keep to *sentence* what belongs to one of its actions (its clause of *body*).

    The clause's own places and actors, the sentence's subject, and the dead it counts; places
    and actors from the rest of the sentence only when the clause names none.
    """
    _, _, start, end = action
    inside = [m for m in sentence.actors if start <= m.start < end or m.start < 0]
    subject = next((m for m in sentence.actors if not m.victim and m.start < start), None)
    passive = PASSIVE_BY.search(body[start:end]) is not None  # "was killed by Daesh's sniper"
    acts_first = passive or any(not m.victim and m.start < action[1] for m in inside)
    if not acts_first and subject is not None and subject not in inside:
        inside.insert(0, subject)  # "..., a day after retaking the town from IS": the subject's
    sentence.actors = inside or [m for m in sentence.actors if m.start < end]
    places = [p for p in sentence.places if start <= p.start < end]
    sentence.places = places or [p for p in sentence.places if p.start < start][-1:] or \
        sentence.places
    sentence.fatalities = count_fatalities(body[start:end])
    sentence.agent = agent_at(body, action[1], sentence.actors)


# ", a day after retaking the town": an earlier action told as background, with its distance.
PRIOR = re.compile(
    rf"(?:,\s+|\b(?:came|comes|happened|occurred|followed|follows|began|started)\s+"
    rf"(?:(?:exactly|just|only|barely|nearly|almost|some)\s+)?)(?:(?P<n>{NUMBER}|an?|one)\s+)?"
    rf"(?P<unit>days?|weeks?)\s+after\s+(?!the\s+(?:[\w-]+\s+)?(?:attack|bombing|strike|raid)s?\b)"
    r"(?!(?:launching|starting|beginning|opening)\s+(?:an?|the|its|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:offensive|operation|campaign|push|assault)\b)",  # not "after launching an offensive"
    re.I)


def prior_action(
    body: str, actors: list[ActorMention], gazetteer: Gazetteer, year: int
) -> tuple | None:
    """The earlier action a sentence tells in passing: (rule, trigger, start, end, date); its
    date is the day it names ("two days after a drone struck ... late on Monday"), else the
    distance counted back."""
    match = PRIOR.search(body)
    if match is None:
        return None
    shifted = [ActorMention(m.actor, m.start - match.end() if m.start >= 0 else -1, m.victim)
               for m in actors]
    # the clause runs to the comma after its verb ("a day after government forces, militiamen
    # and tribal fighters recaptured ..., cutting ...")
    ends = [i for i in range(match.end(), len(body)) if body[i] in ",;"] + [len(body)]
    for end in ends:
        rule, at = match_rule(body[match.end():end], shifted, gazetteer)
        if rule is not None:
            break
    else:
        return None
    toll = _TOLL_AFTER.match(body, end)  # "..., killing at least 84 people": its dead too
    end = toll.end() if toll else end
    count = parse_number(match.group("n")) if match.group("n") else 1  # "days after": a day or more
    days = (count or 1) * (7 if match.group("unit")[0] == "w" else 1)
    own = find_date(body[match.end():], year)  # "days after gunmen killed X, a ..., on Wednesday"
    date = own if own is not None and not own.vague and not own.spoken else DateMention(
        None, context_offset=-days)
    return rule, match.end() + at, match.start(), end, date


_TOLL_AFTER = re.compile(r",\s+(?:killing|wounding|injuring|leaving)\b[^,;]*", re.I)
PASSIVE_BY = re.compile(r"\b(?:was|were)\s+\w+(?:ed|en)\s+by\b")


def further_action(sentence: Sentence, body: str, action: tuple) -> Sentence:
    """A copy of *sentence* reporting only its further *action*."""
    copy = Sentence(**{**sentence.__dict__, "also": []})
    copy.rule = action[0]
    narrow(copy, body, action)
    if copy.rule.sub_event_type == "Arrests":  # whoever was arrested is no actor
        copy.actors = [m for m in copy.actors if not m.victim] or copy.actors
    return copy
