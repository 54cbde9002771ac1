"""Reading an article's sentences in order, as an analyst would.

The reader remembers the date, place and actors last named (reports say "the same day", "the
town", "its troops"), turns each sentence reporting an action into a draft event, and merges
sentences that only add to an event ("repelled the attack", a quote giving the dead, forces
answering a protest, the lede and the dated account that follows it).
"""

from __future__ import annotations

import dataclasses
import datetime as dtm
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefings.extraction import rules
from briefings.extraction.classify import (
    DEFAULT_AIR_FORCE,
    IRAN,
    MILITIA,
    PKK,
    REBEL,
    STATE,
    UNIDENTIFIED,
    agent_at,
    in_clause,
    match_actions,
    match_rule,
    on_state_side,
)
from briefings.extraction.dates import (
    DateMention,
    find_date,
    period_start,
    resolve,
    within_period,
)
from briefings.extraction.mentions import (
    CIVILIAN_PROPERTY,
    CIVILIANS,
    CROWD,
    FIRST_PERSON,
    GROUP,
    JIHADISTS,
    MILITANTS,
    MILITIA_NAMED,
    PART_OF,
    SPEAKERS_OWN,
    TROOPS,
    ActorMention,
    Place,
    find_actors,
    find_places,
)
from briefings.extraction.numbers import fatalities as count_fatalities
from briefings.extraction.scenes import one_per_region, past_dateline
from briefings.extraction.sentences import Sentence, further_action, narrow, prior_action, whose
from briefings.extraction.text import (
    BY_MARK,
    ENTRY_MARK,
    FRAME_MARK,
    MONTH_HEADING,
    clauses,
    content,
    without_outlets,
)
from briefings.gazetteer import Gazetteer

DEFAULT_TROOPS = "Iraqi Army"
DEFAULT_JIHADISTS = "Islamic State"  # in Iraq since 2014, "the jihadists" unnamed are IS


@dataclass
class Draft:
    """A candidate being assembled from sentences."""

    date: dtm.date | None
    place: Place
    rule: rules.TypeRule
    actors: list[str]
    fatalities: int | None
    evidence: list[str]
    summary: list[str]
    paragraph: int = -1  # of the last sentence taken in
    doubts: list[str] = field(default_factory=list)
    agent: str | None = None  # who the report names as acting
    order: int = 0  # the place in the article of the sentence that first told it
    one_of_many: bool = False  # told in one breath with the same deed elsewhere ("in Baghdad and
    # in Duhok")

    def add_actors(self, actors: Iterable[str]) -> None:
        """Add *actors* not named yet."""
        for actor in actors:
            if actor not in self.actors:
                self.actors.append(actor)

    @property
    def key(self) -> tuple:
        """What makes two drafts the same event: date, place and action."""
        return self.date, self.place.region, self.place.town, self.rule.sub_event_type

    def absorb(self, sentence: Sentence) -> None:
        """Take in a sentence adding to this event (its actors, dead, wording)."""
        self.add_actors(m.actor for m in sentence.actors)
        if sentence.fatalities is not None:
            self.fatalities = max(self.fatalities or 0, sentence.fatalities)
        self.paragraph = sentence.paragraph
        if sentence.text not in self.evidence:
            self.evidence.append(sentence.text)
            self.summary.append(sentence.text)


# Where the PKK fights in Iraq: the Kurdish north and Sinjar (every labelled event with it).
PKK_GROUND = frozenset({"Duhok", "Erbil", "Nineveh", "Sulaymaniyah"})
SINJAR = frozenset({"Sinjar", "Sinuni", "Khanasor"})  # the PKK's ground in Nineveh
_DISTRICT_OR_PROVINCE = re.compile(r"\b(?:district|governorate|province)\b|:", re.I)
# An incident log's address, "al-Rashad (Qaryat al-Hawasha), Muqdadiya district, Diyala:": the
# village, then the district or governorate it lies in.
_ADDRESS_COMMA = re.compile(r"[\w'’-]+(?:[\s-][\w'’-]+){0,2}?\s*(?:\([^()]*\)\s*)?,\s*"
                            r"(?:in\s+(?:the\s+)?)?")  # "near al-Rashad, in the Muqdadiya district"
_ADDRESS_DISTRICT = re.compile(r"[\w'’-]+(?:[\s-][\w'’-]+){0,2}?\s+(?:sub-?)?district\b", re.I)
_ADDRESS_PROVINCE = re.compile(
    r"[\w'’-]+(?:[\s-][\w'’-]+){0,2}?\s*(?:governorate|province)?\s*(?:[:.;)]|[-–—]\s|$)", re.I)


def _in_address(text: str, place: Place, outer: Place) -> bool:
    """Whether *text* gives *outer* as the district or governorate *place* lies in, as an
    address does ("al-Rashad, Muqdadiya district, Diyala:")."""
    if not _ADDRESS_COMMA.fullmatch(text, place.start, outer.start):
        return False
    if outer.town is not None:
        return bool(_ADDRESS_DISTRICT.match(text, outer.start))
    return bool(_ADDRESS_PROVINCE.match(text, outer.start))


class Reader:
    """Reads an article's sentences in order, remembering the date, place and actor last named."""

    def __init__(
        self, gazetteer: Gazetteer, anchor: dtm.date | None, today: dtm.date,
        year: int | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.anchor = anchor
        self.today = today
        self.year = year  # the article's year when it gives one but no day (a title's "2016")
        self.context_date: dtm.date | None = None
        self.named_date: dtm.date | None = None  # the last date the text spelt out
        self.period: tuple[dtm.date, int] | None = None  # a month or season named without a
        # day, and the paragraph naming it
        self.entry_date: dtm.date | None = None  # the day a diary entry or post is headed with
        self.heading_year: int | None = None  # a timeline's "January 2020" over its entries
        self.context_place: Place | None = None
        self.last_subject: str | None = None
        self.paragraph = -1
        self.paragraph_forces: str | None = None  # the state-side actor the paragraph last named
        self.paragraph_rebel: str | None = None  # the rebel group the paragraph last named
        self.paragraph_group: str | None = None  # the armed group (militias too) it last named
        self.militia: str | None = None  # the militia the report last named
        self.lead_paragraph = -1  # the first paragraph reporting anything
        self.lead_orders: set[int] = set()  # its sentences
        self.in_quote = False  # inside a quotation that runs over several sentences
        self.rebels: Counter[str] = Counter()
        self.air_forces: Counter[str] = Counter()  # who the article says flew its air strikes
        self.forces: Counter[str] = Counter()  # the state's side, as often as the article names it
        self.drafts: list[Draft] = []
        self.pending: Sentence | None = None  # a sentence setting the scene for the next
        self.unplaced: Sentence | None = None  # an action told before where it happened
        self.city: Place | None = None  # the dateline's city: where unplaced actions end up
        self.turkish_voice = False  # Ankara's report, its soldiers "martyred" fighting the PKK
        self.lead_rebel: str | None = None  # the group the headline or lead names ("PKK")
        self.parts: dict[str, str] = {}  # village -> the governorate the text puts it in
        self.counter = itertools.count()
        self.waiting: list[tuple[Sentence, dtm.date | None, str | None]] = []
        self.perpetrators: tuple[int, list[str]] | None = None  # a record's, for its paragraph
        self.narrator: str | None = None  # whom an interview's "we" are (its guest's side)

    def analyse(self, text: str, paragraph: int) -> Sentence:
        """The rules' reading of one sentence."""
        if text.startswith(BY_MARK):  # a record's perpetrator: the actor of its first event
            named = text.removeprefix(BY_MARK)
            found = self._resolve_actors(named, find_actors(named, self.gazetteer), named)
            self.perpetrators = (paragraph, [m.actor for m in found if not m.victim])
            return Sentence(text=named, paragraph=paragraph, reported=False, date=None,
                            places=[], actors=[], rule=None, fatalities=None, anaphoric=False,
                            order=next(self.counter))
        entry = text.startswith(ENTRY_MARK)
        framing = entry or text.startswith(FRAME_MARK) or self._rights_lead(text, paragraph)
        text = text.removeprefix(FRAME_MARK).removeprefix(ENTRY_MARK)
        if framing and (heading := MONTH_HEADING.match(text)):
            self.heading_year = int(heading.group("year"))
        if framing:  # a lead or summary names the group the report is about
            self.rebels.update(m.actor for m in find_actors(text, self.gazetteer)
                               if self.gazetteer.actor_inter(m.actor) == REBEL and not m.victim)
        parts = [_without_asides(part) for part in clauses(content(text))]
        reported = [] if framing else [part for part in parts if part.strip()
                    and not rules.NOT_REPORTED.search(rules.PAST_MODAL.sub("", part))
                    and not self._background(part) and not self._abroad(part)]
        body = " ".join(reported)
        if paragraph != self.paragraph:
            self.paragraph, self.paragraph_forces, self.paragraph_rebel = paragraph, None, None
            self.paragraph_group = None
            self.in_quote = False
        hidden = [(m.start(), m.end()) for m in rules.BACKSTORY.finditer(body)]
        actors = [m for m in self._resolve_actors(body, find_actors(body, self.gazetteer), text)
                  if not any(start <= m.start < end for start, end in hidden)]
        breaks = tuple(itertools.accumulate(len(part) + 1 for part in reported[:-1]))
        subject = rules.SUBJECT_REFERENCE.match(body)  # "The strike ...", "The attack came ..."
        follows_up = bool(subject and rules.OTHER_EVENT_NEXT.match(body[subject.end():]))
        blanked = " " * subject.end() + body[subject.end():] if follows_up else body  # the news is
        actions = match_actions(blanked, actors, self.gazetteer, breaks)  # the other event
        if rules.NO_FIGHT_TOLD.search(body):  # "withdrew without
            kept = [a for a in actions if a[0].sub_event_type != rules.REGAINED]  # fighting;
            # the Hashd took over positions": one handover, no battle (rebels overrunning a town
            # the defenders left "with little resistance" still take it by force of arms)
            actions = kept if any(a[0].sub_event_type == rules.HANDOVER for a in kept) else [
                (dataclasses.replace(a[0], event_type=rules.S, sub_event_type=rules.HANDOVER),
                 *a[1:]) if a[0].sub_event_type == rules.REGAINED else a for a in actions]
            # "swept into Kirkuk as the peshmerga pulled back with little resistance"
        if rules.TAKEN_TO_BE_KILLED.search(body):  # "rounded up and shot dead 17 civilians":
            killed = [a for a in actions if a[0].sub_event_type != rules.ABDUCTION]  # a killing
            taken = [a for a in actions if a[0].sub_event_type == rules.ABDUCTION]  # of those
            actions = killed if any(a[0].event_type == rules.V for a in killed) else \
                taken or actions  # taken ("pulled a man and his sons from their car and shot")
        if self.drafts and (lasted := rules.LASTED_UNTIL.match(body)):  # "The clash lasted an
            actions = [a for a in actions if a[1] < lasted.end()]  # hour before the army regained
        if self.drafts:  # "The group claimed the attack the next day": no new action
            claims = [m.span() for m in rules.CLAIM_OF_TOLD.finditer(body)]
            actions = [a for a in actions if not any(start <= a[1] < end for start, end in claims)]
        year = self.current_year
        prior = prior_action(body, actors, self.gazetteer, year) if actions else None
        if prior is not None:  # "found a grave on Monday, a day after retaking the town"
            actions = [(r, a, s, min(e, prior[2])) for r, a, s, e in actions if a < prior[2]]
            if not actions:  # the rule found was the earlier action's: look again before it
                main_rule, main_at = match_rule(body[:prior[2]], actors, self.gazetteer)
                actions = [(main_rule, main_at, 0, prior[2])] if main_rule else []
            if subject:  # "The attack came two days after ...": only the earlier one is news
                actions = [a for a in actions if a[1] >= subject.end()]
            actions.append(prior[:4])
        if actions and actions[0][0].sub_event_type in rules.FIRED_AT:  # what the strikes destroyed
            actions = [a for a in actions if a[0].sub_event_type != "Looting/property destruction"
                       or not re.match(r"destroy|damag", body[a[1]:], re.I)]
        rule, at = (actions[0][0], actions[0][1]) if actions else (None, 0)
        if rule is not None and rule.sub_event_type == "Arrests":
            actors = [m for m in actors if not m.victim]  # whoever was arrested is no actor
            if rules.SURRENDER.match(body, at):  # "gave themselves up at Peshmerga checkpoints"
                actors = [m for m in actors if m.start > at] or actors
            else:
                actors = _arresters(body, at, actors) or actors
            if not actors and self.paragraph_forces:  # "three were arrested": by the police
                actors = [ActorMention(self.paragraph_forces, -1)]
        sentence = Sentence(
            text=text,
            paragraph=paragraph,
            reported=bool(reported),
            date=find_date(body if reported else text, year) if reported or framing
            else self._background_date(text, year),
            places=past_dateline(body, find_places(body, self.gazetteer)) or [  # or the source's
                p for p in past_dateline(
                    text, find_places(without_outlets(_blank_asides(text)), self.gazetteer),
                    wire=paragraph == 0)
                if not p.reference and not p.corrected]
            if reported
            else [],
            actors=in_clause(actors, reported, at) if rule and len(actions) < 2
            and rule.event_type not in (rules.P, rules.R) and rule.sub_event_type != rules.HANDOVER
            and not self._told_twice(reported, rule) else actors,
            rule=rule,
            fatalities=count_fatalities(body),
            anaphoric=bool(rules.ANAPHORA.search(body) or rules.SOURCE_GOES_ON.match(text)),
            quoted=self._quoted(text),
            entry=entry,
            order=next(self.counter),
        )
        if rule is not None and sentence.date is not None and \
                (after := rules.STATE_AFTER.search(body, 0, at)) and \
                sentence.date.start < after.end():
            own = find_date(body[after.end():], year)  # "The gates were still smouldering on
            if own is not None and not own.vague:  # Saturday, after protesters stormed the
                sentence.date = dataclasses.replace(own, start=own.start + after.end())  # compound
                # on Friday night": the storming's day
        sentence.follows_up = follows_up
        if subject and prior is None and not follows_up:  # "The strike hit ...": that strike
            sentence.kinds = rules.kinds_named(subject.group(0))
        if rule is not None:
            sentence.agent = agent_at(body, at, sentence.actors)
            sentence.refers_back = any(m.start() <= at < m.end()
                                       for m in rules.ANAPHORA.finditer(body)) or bool(
                rules.ORDINAL_MORE.match(body) or subject or rules.VICTIMS_OF_TOLD.search(body))
            sentence.anaphoric = sentence.anaphoric or sentence.refers_back
        if len(actions) > 1:
            sentence.also = [further_action(sentence, body, action) for action in actions[1:]]
            narrow(sentence, body, actions[0])
            for copy, (_, _, start, end) in zip(sentence.also, actions[1:], strict=True):
                own = find_date(body[start:end], year)  # "..., noting that on Monday ..."
                if own is not None and not own.vague:
                    copy.date = own
        if prior is not None and sentence.also:
            sentence.also[-1].date = prior[4]
        elif prior is not None:  # only the earlier action reports anything
            sentence.date = prior[4]
        self._learn_parts(text)
        if rule is not None and (again := rules.AGAIN.search(body)):  # "... and again on Sunday"
            repeat = Sentence(**{**sentence.__dict__, "also": []})
            repeat.date = find_date(body[again.end():], year)
            if repeat.date is not None:
                sentence.also.append(repeat)
        return sentence

    @staticmethod
    def _background_date(text: str, year: int) -> DateMention | None:
        """The day a sentence that reports no event still sets for the next ones: that of a
        nationwide total ("42 killed across Iraq on Friday"), a date spelt out in full ("what
        began in the early hours of August 3, 2014"), or the day of what an event came amid
        ("The raids came as forces pressed on Mosul on Thursday"), or of the events it counts
        ("The Muqdadiya attack was one of two deadly bombings on Monday")."""
        if rules.FORECAST.search(text):
            return None
        told = content(text)
        found = find_date(told, year)
        if found is None or found.vague or found.spoken:
            return None
        amid = _CAME_AMID.search(told)
        if rules.NATIONWIDE.search(text) or (amid and amid.end() <= found.start) or \
                rules.COUNTS_EVENTS.search(told) or (
                found.year_given and found.weekday is None and
                                             found.anchor_offset is None and
                                             found.context_offset is None):
            return found
        return None

    def _told_twice(self, parts: list[str], rule: rules.TypeRule) -> bool:
        """Whether several clauses tell the one action ("artillery pounded the mountains; shells
        fell on villages"): the actors of all of them are its actors."""
        told = [part for part in parts
                if (found := match_rule(part, [], self.gazetteer)[0]) is not None
                and found.sub_event_type == rule.sub_event_type]
        return len(told) > 1

    def _quoted(self, text: str) -> bool:
        """Whether *text* is a witness's words: a quotation opens it or is still open."""
        opens = text.lstrip()[:1] in "\"“"
        quoted = opens or self.in_quote
        if len(re.findall(r"[\"“”]", text)) % 2 == 1:
            self.in_quote = not self.in_quote
        return quoted

    def _background(self, clause: str) -> bool:
        """Whether *clause* recalls an earlier year ("Islamic State overran Hawija in June 2014"
        in a report of 2016)."""
        if any(int(m.group("year") or m.group("of") or m.group("season")) < self.current_year
               and not self._told_today_before(clause, m.start())
               for m in rules.IN_YEAR.finditer(clause)):
            return True
        if rules.LAST_YEAR.search(clause):  # "in June last year", unless it tells its own day
            day = find_date(clause, self.current_year)
            return day is None or day.vague
        # "The town was retaken in August" in October; not "... on Monday, in an operation
        # launched in April", where the clause tells its own day.
        month = rules.IN_MONTH.search(clause)
        known = self.anchor or self.context_date
        start = period_start(clause)  # "executed scores ... in late October 2014", in November
        if start and known and (start.year, start.month) < (known.year, known.month):
            day = find_date(clause, self.current_year)  # (not "..., HRW said today")
            return day is None or day.vague or day.reported
        if not month or not known or rules.month_number(month.group("month")) == known.month:
            return False
        if re.search(r"\bwhen\b|\b(?i:operation|offensive|campaign)\b[^,.;]{0,30}?\b"
                     r"(?:launched|began|begun|started)\s*$", clause[:month.start()]):
            return False  # "... when troops fled in June", "an operation launched in April"
        day = find_date(clause, self.current_year)
        return day is None or day.vague

    def _rights_lead(self, text: str, paragraph: int) -> bool:
        """Whether *text* is a rights group's lead summing up its report, naming no day: the
        cases it sums up are told one by one below."""
        if paragraph != 0 or not rules.RIGHTS_LEAD.search(text):
            return False
        day = find_date(text, self.current_year)
        return day is None or day.vague or day.reported

    def _told_today_before(self, clause: str, at: int) -> bool:
        """Whether the year at *at* is only the backstory of a relative clause after a day of
        its own ("exhumed on Monday a grave that holds those killed in August 2014")."""
        head = clause[:at]
        relative = re.search(r"\b(?:that|which|who|whose)\b", head)
        if relative is None:
            return False
        day = find_date(head, self.current_year)
        return day is not None and not day.vague and day.start < relative.start()

    def _abroad(self, clause: str) -> bool:
        """Whether *clause* tells of something outside Iraq ("US jets bombed facilities used by
        the group in eastern Syria") and names no place inside it."""
        spelt_right = [p for p in find_places(clause, self.gazetteer) if not p.corrected]
        return bool(rules.ABROAD.search(clause)) and not spelt_right \
            and not re.search(r"\bIraq\b", clause)  # not "26 strikes in Syria and Iraq"

    def _resolve_actors(
        self, body: str, found: list[ActorMention], text: str = ""
    ) -> list[ActorMention]:
        """Generic nouns and pronouns replaced by the actors they stand for."""
        for mention in found:
            if self.gazetteer.actor_inter(mention.actor) == REBEL:
                self.rebels[mention.actor] += 1
        forces = [m for m in found if on_state_side(m.actor, self.gazetteer)]
        self.forces.update({m.actor for m in forces if m.actor != DEFAULT_AIR_FORCE})
        earlier_forces = self.paragraph_forces
        self.paragraph_forces = ([m.actor for m in forces] or [self.paragraph_forces])[-1]
        inters = {m.actor: self.gazetteer.actor_inter(m.actor) for m in found}
        rebels = [m.actor for m in found if inters[m.actor] == REBEL]
        groups = [m.actor for m in found if inters[m.actor] in (REBEL, MILITIA)]
        self.paragraph_rebel = (rebels or [self.paragraph_rebel])[-1]
        self.paragraph_group = (groups or [self.paragraph_group])[-1]
        militias = [m.actor for m in found if inters[m.actor] == MILITIA]
        self.militia = (militias or [self.militia])[-1]
        rebel = self.paragraph_rebel or self.main_rebel() or self.lead_rebel or UNIDENTIFIED
        stand_ins = {MILITANTS: rebel,
                     JIHADISTS: self.main_rebel() or self._default_jihadists(),
                     GROUP: self.paragraph_group or rebel,  # "Kataib Hezbollah ... the group"
                     MILITIA_NAMED: self.militia,  # "... Kataib Hezbollah. ... the militia's sites"
                     SPEAKERS_OWN: None,  # "they" nobody said anything about
                     FIRST_PERSON: None if text.startswith("Q:")  # the interviewer's "us"
                     else self._speaker(text) or self.narrator}  # the guest's "we", "my men"
        resolved = []
        speaker = self._speaker(text)
        for m in found:
            owner = whose(body, m, text, resolved, speaker) or _unit_of(body, m, found)
            named_before = [f.actor for f in forces if f.start < m.start  # "soldiers" are
                            and f.actor not in rules.PRO_GOVERNMENT]  # not the tribe they back
            stand_ins[TROOPS] = (named_before or [earlier_forces or DEFAULT_TROOPS])[-1]  # nor
            actor = owner or stand_ins.get(m.actor, m.actor)  # the "policemen" named after them
            if m.actor == TROOPS and body[m.start:m.start + 4].lower() == "our ":
                actor = stand_ins[FIRST_PERSON] or actor  # an officer's "our forces": his side
            if actor is not None:
                resolved.append(ActorMention(actor, m.start, m.victim))
        if rules.PRONOUN_SUBJECT.match(body) and self.last_subject:
            resolved.insert(0, ActorMention(self.last_subject, -1))
        return resolved

    def _default_jihadists(self) -> str | None:
        """Who "the terrorists" no sentence so far names are: the group the lead names (Ankara's
        "PKK terrorists"), the PKK in Ankara's own reports of its "martyrs", else IS, except
        where Iran's forces fight them, whose "terrorists" are the Kurdish opposition parties no
        list of actors has."""
        if IRAN in self.forces:
            return None
        return self.lead_rebel or (PKK if self.turkish_voice else DEFAULT_JIHADISTS)

    def _speaker(self, text: str) -> str | None:
        """The actor whose statement the sentence reports ("the Federal Police said ...")."""
        said = rules.SPEECH.search(text)
        if said is None:
            return None
        named = [m.actor for m in find_actors(text[:said.start()], self.gazetteer)
                 if not m.victim and not m.actor.startswith("<")]
        return named[-1] if named else None

    def main_rebel(self, region: str | None = None, town: str | None = None) -> str | None:
        """The rebel group the article has named most so far; in *region*, the most named of
        those that fight there (the PKK of a round-up's last paragraph fought in no Fallujah, nor
        in Nineveh outside Sinjar)."""
        named = [rebel for rebel, _ in self.rebels.most_common()]
        pkk_ground = region in PKK_GROUND and (region != "Nineveh" or town in (None, *SINJAR))
        if region is None or pkk_ground or PKK not in named:
            return next(iter(named), None)
        return next((rebel for rebel in named if rebel != PKK), DEFAULT_JIHADISTS)

    def read(self, sentence: Sentence) -> None:
        """Take one sentence into account: a new event, more on the last one, or scene-setting."""
        if sentence.reported and (not self.lead_orders
                                  or sentence.paragraph == self.lead_paragraph):
            self.lead_paragraph = sentence.paragraph  # the lead: the first paragraph with news
            self.lead_orders.add(sentence.order)
        if sentence.text.startswith("STORY:"):  # a shot list's story under its shots: its days
            self.entry_date = self.context_date = None  # count from the item's date again
        if sentence.text.startswith("Q:") and sentence.date is None and \
                (start := period_start(sentence.text)) is not None:  # "Q: Then, in May 2015,
            self.period = start, sentence.paragraph  # Ramadi fell.": the answer's "the 17th of
            # May" is of that May
        if self.drafts and rules.DENIED_AS_FALSE.search(sentence.text) \
                and self.drafts[-1].order == sentence.order - 1 \
                and self.drafts[-1].paragraph == sentence.paragraph:
            self.drafts.pop()  # "Amaq said U.S. aircraft had destroyed the mosque. A coalition
            return  # spokesman said the allegation was false": a claim denied, no strike
        if not sentence.reported:  # background may still set the scene ("the villages of Tarmiya")
            if sentence.date is not None:  # and a nationwide total the day
                date = self._date_of(sentence)[0]
                if sentence.entry and date is not None:
                    self.entry_date = date
            told = " ".join(rules.FORECAST.split(part, 1)[0]  # not "vowed that the flag
                            for part in clauses(sentence.text))  # would soon fly in Mosul"
            places = past_dateline(told, find_places(told, self.gazetteer),  # not the dateline's
                                   wire=sentence.paragraph == 0)  # "BAGHDAD -"; "Beiji, 250 km
            scenes = [p for p in places if not p.reference] or places  # north of Baghdad, has
            # ...": Beiji
            self.context_place = next(iter(scenes[-1:]), self.context_place)
            return
        date, date_doubt = self._date_of(sentence)
        if sentence.rule is None and rules.REACTION.search(sentence.text):
            return  # "Iraq's government condemned the raids, while the U.S. State Department
            # said it was deeply concerned": no party to them
        if sentence.rule is None and (named := self._take_kind_named(sentence)) is not None:
            if "place inherited" in named.doubts and sentence.scenes:  # "The strikes targeted
                named.place = sentence.scenes[0]  # caves ... in Salah al-Din province"
                named.doubts.remove("place inherited")
            named.absorb(sentence)  # "The strike took place 20 km southeast of Sulaimaniyah."
            return
        last = self._referent(sentence)
        protest = next((d for d in reversed(self.drafts) if d.paragraph == sentence.paragraph
                        and d.rule.event_type in (rules.P, rules.R)), None)
        if protest is not None and protest is not last and self._responds_to(sentence, protest):
            protest.absorb(sentence)  # "Police responded with tear gas", after a killing told
            return  # in passing
        if last and last.paragraph == sentence.paragraph and rules.IDENTIFIED.search(sentence.text):
            last.absorb(sentence)  # "... killing two men. Sources said both were PKK members."
            last.actors = [a for a in last.actors if a != CIVILIANS]
        elif last and self._adds_to(sentence, last):
            if _victims_only(sentence) and len(last.actors) > 1:  # "killing two YBS fighters.
                sentence.actors = [m for m in sentence.actors  # Two other people were wounded":
                                   if m.actor != CIVILIANS]  # its victims are named already
            last.absorb(sentence)
            for action in sentence.also:  # "The offensive began a week after IS bombed ...":
                if action.date is not sentence.date:  # the earlier action is news of its own
                    self._report(action, *self._date_of(action))
                    self.context_date = date
        elif sentence.rule is None and last is not None and \
                sentence.paragraph - last.paragraph <= 1 and \
                (took_part := rules.TOOK_PART.search(sentence.text)):  # "The operation ...
            last.add_actors(m.actor for m in find_actors(sentence.text[took_part.end():],
                                                         self.gazetteer)  # involved the army,
                            if not m.victim and not m.actor.startswith("<"))  # the CTS and PMF"
            last.evidence.append(sentence.text)
        elif sentence.rule is None and last is not None and \
                last.paragraph == sentence.paragraph and \
                rules.BLAMED_NEIGHBOUR.search(sentence.text):
            last.evidence.append(sentence.text)  # "Baghdad blamed Turkish forces": for the
            # shells just told, which nobody claimed
        elif (taken := self._ground_lost(sentence)) is not None:
            taken.add_actors(self._retreating(sentence))  # "IS seized Ramadi on Sunday. Army,
            taken.evidence.append(sentence.text)  # police and special forces units retreated
            # from the city": the side that lost it
        elif sentence.rule is None and last is not None and \
                rules.CLAIM_OF_TOLD.search(sentence.text):
            last.absorb(sentence)  # "IS claimed responsibility for the attack in a statement"
        elif sentence.rule is None:
            self.pending = sentence
            if not sentence.quoted:  # not "..., said a tribal leader reached by phone in Baghdad"
                self.context_place = (sentence.scenes or [self.context_place])[-1]
        elif sentence.follows_up and not sentence.scenes and \
                rules.CAME_AFTER.search(sentence.text):
            pass  # "The attack came barely a week after the peshmerga's own biggest offensive in
            # months": an event told where the report says where it happened, not here
        elif sentence.quoted and sentence.date is None and last is not None and \
                sentence.rule is not None and \
                sentence.rule.sub_event_type == last.rule.sub_event_type and \
                sentence.paragraph - last.paragraph <= 1 and \
                all(p.region == last.place.region for p in sentence.scenes):
            last.add_actors(m.actor for m in sentence.actors  # the commander's own account:
                            if not m.victim and not m.actor.startswith("<"))  # "CTS forces,
            last.evidence.append(sentence.text)  # supported by the army and the Federal Police,
            # liberated the citadel"
        elif (sentence.quoted and sentence.date is None) or (
                sentence.refers_back and not sentence.scenes and not any(
                    not m.victim and not m.actor.startswith("<") for m in sentence.actors)):
            pass  # a witness's words, or "the fighting subsided": nothing new happened
        else:
            self._take_kind_named(sentence)
            self._same_side_again(sentence)
            self._report(sentence, date, date_doubt)
            for action in sentence.also:
                if action.date is sentence.date:
                    self._report(action, date, date_doubt)
                else:  # dated apart: "a day after retaking", "and again on Sunday"
                    self._report(action, *self._date_of(action))
                    self.context_date = date
        self.last_subject = sentence.subject or self.last_subject

    def _same_side_again(self, sentence: Sentence) -> None:
        """Name on "Other missiles struck near the airport in Erbil", which names no one firing,
        the side that fired the missiles just told."""
        if not self.drafts or sentence.agent is not None or sentence.rule is None or \
                not rules.MORE_OF_THEM.match(sentence.text):
            return
        last = self.drafts[-1]
        if last.rule.sub_event_type == sentence.rule.sub_event_type and last.agent is not None:
            sentence.agent = last.agent
            sentence.actors = [ActorMention(last.agent, -1), *sentence.actors]

    def _ground_lost(self, sentence: Sentence) -> Draft | None:
        """The rebels' taking of ground that *sentence* tells who gave up, the same day ("IS
        seized Ramadi. Army and police units retreated from the city", "Tikrit fell after police
        and soldiers abandoned their posts"), if any."""
        if (sentence.rule is not None and sentence.rule.sub_event_type != rules.HANDOVER) or \
                sentence.date is not None or not self._retreating(sentence):
            return None
        towns = {place.town for place in sentence.scenes if place.town}
        taken = [draft for draft in reversed(self.drafts[-4:])
                 if draft.rule.sub_event_type == rules.OVERTAKEN or (  # or "seized Ramadi after
                     draft.rule.sub_event_type == rules.HANDOVER and any(  # government forces
                         self.gazetteer.actor_inter(a) == REBEL for a in draft.actors))]  # left"
        if not towns:
            return next((draft for draft in taken if draft.paragraph == sentence.paragraph), None)
        fled_elsewhere = rules.FLED_TOWARDS.search(sentence.text) is not None  # "streamed east
        # towards the Habbaniyah base": where they went, not the town they lost
        return next((draft for draft in taken if draft.place.town in towns), None) or next(
            (draft for draft in taken if fled_elsewhere
             and sentence.paragraph - draft.paragraph in (0, 1)), None)

    def _retreating(self, sentence: Sentence) -> list[str]:
        """The state forces *sentence* names as pulling out, before its verb ("Army and police
        units retreated"; not the police captain who told of the army's retreat)."""
        retreat = rules.RETREATED.search(sentence.text)
        if retreat is None or sentence.quoted:
            return []
        named = [DEFAULT_TROOPS if m.actor == TROOPS else m.actor  # "soldiers"
                 for m in find_actors(sentence.text[:retreat.start()], self.gazetteer)
                 if not m.victim]
        return [actor for actor in named if on_state_side(actor, self.gazetteer)]

    def _take_kind_named(self, sentence: Sentence) -> Draft | None:
        """Type a sentence whose subject is an earlier event as that event ("the strike near
        Kerbala killed three soldiers" after air strikes: an air strike, not a battle); the
        event's draft, if the sentence only tells more of it (no action of its own)."""
        if not sentence.kinds or (sentence.rule and sentence.rule.sub_event_type in sentence.kinds):
            return None
        told = [self.unplaced] if self.unplaced is not None else []  # told, place unknown yet
        named = next((d for d in [*told, *reversed(self.drafts)]
                      if d.rule.sub_event_type in sentence.kinds), None)
        if named is None:
            return None
        own_action = sentence.rule is not None
        sentence.rule = named.rule
        return named if isinstance(named, Draft) and not own_action else None

    def _referent(self, sentence: Sentence) -> Draft | None:
        """The event a sentence may add to: the last one, or the last of the kind it names
        ("The militants claimed the bombing" after a bombing and a battle)."""
        if not self.drafts:
            return None
        last = self.drafts[-1]
        named = rules.REFERENCE_KINDS.search(sentence.text) if sentence.anaphoric else None
        if named is None:
            return self._whose_actors(sentence) or last
        kinds = rules.kinds_named(named.group(0))
        same_paragraph = [d for d in self.drafts if d.paragraph == last.paragraph]
        return next((d for d in reversed(same_paragraph) if d.rule.sub_event_type in kinds), last)

    def _whose_actors(self, sentence: Sentence) -> Draft | None:
        """The earlier event a sentence pointing back names all the sides of, when the last one
        has none of them: "the operation had been carried out by the peshmerga together with the
        counter-terrorism service" is the retaking of the dam, not its seizure told since."""
        if not sentence.anaphoric or sentence.scenes or sentence.date is not None:
            return None
        own = {m.actor for m in sentence.actors if not m.victim and not m.actor.startswith("<")}
        if len(own) < 2 or own & set(self.drafts[-1].actors):  # one side is a claim: "IS
            # claimed the attack" after a bombing nobody was named for
            return None
        return next((d for d in reversed(self.drafts[:-1]) if own <= set(d.actors)), None)

    @property
    def current_year(self) -> int:
        """The year dates without one are in: a timeline's month heading's, the dateline's or
        last date's, else the title's."""
        known = self.anchor or self.context_date
        return self.heading_year or (known.year if known else self.year or self.today.year)

    @property
    def reference(self) -> dtm.date:
        """What "on Wednesday" and "yesterday" count from: the dateline, else the last date the
        text spelt out (not one it counted from a weekday), else today."""
        return self.entry_date or self.anchor or self.named_date or self.today

    def _date_of(self, sentence: Sentence) -> tuple[dtm.date | None, str | None]:
        """The sentence's date and what was guessed to get it; updates the date context."""
        if sentence.date is not None and sentence.date.vague:
            return None, "date missing"
        if sentence.date is not None and sentence.date.spoken:  # the day a source spoke
            return (self.context_date or self.anchor), "date from context"
        if sentence.date is not None and sentence.date.date is None and self.year and \
                self.year != self.today.year and not (
                    self.entry_date or self.anchor or self.named_date or self.context_date):
            return None, "date missing"  # "the same day" in a "CrisisWatch — October 2016"
            # before any day is told: not today, nor a day of this year
        if sentence.date is not None:
            date = resolve(sentence.date, self.reference, self.context_date,
                           dated=self.anchor is not None)
            if self.period is not None and sentence.paragraph - self.period[1] <= 1 and \
                    date is not None and not (sentence.date.year_given or sentence.date.year_told):
                date = within_period(date, self.period[0]) or date  # the question's, answered
            if date is not None:
                self.context_date, self.period = date, None
                if sentence.date.date is not None:
                    self.named_date = date
                if sentence.date.reported:
                    return date, "date of the report"
                return date, "date relative" if sentence.date.relative else None
        if sentence.rule is not None and sentence.rule.present and self.anchor:
            return self.anchor, None
        if self.context_date is not None:
            return self.context_date, "date from context"
        return self.anchor, "date from context" if self.anchor else "date missing"

    def _adds_to(self, sentence: Sentence, draft: Draft) -> bool:
        """Whether *sentence* tells more of *draft* rather than a new event."""
        if self._responds_to(sentence, draft):
            return True
        if sentence.follows_up and sentence.rule is not None:
            return False
        if self._toll_of(sentence, draft) or self._damage_of(sentence, draft) or \
                self._inside_of(sentence, draft):
            return True
        if undated(draft) and sentence.anaphoric and sentence.rule is not None and \
                sentence.rule.sub_event_type == draft.rule.sub_event_type and \
                all(p.region == draft.place.region for p in sentence.scenes):
            draft.date = self._date_of(sentence)[0] or draft.date  # "IED kills 2. The bomb hit..."
            draft.doubts = [d for d in draft.doubts if not d.startswith("date")]
            return True
        if sentence.rule is not None and not (sentence.anaphoric or self._follows(sentence, draft)):
            return False
        if sentence.rule is not None and self._dated_apart(sentence, draft):
            return False
        if sentence.rule is not None and sentence.scenes and not sentence.refers_back and \
                sentence.rule.event_type != draft.rule.event_type:
            return False  # a new kind of action, somewhere named: "killed four in clashes in Zap"
        if separate_development(sentence, draft) or _ELSEWHERE.match(sentence.text):
            return False  # "Elsewhere, Kurdish Peshmerga forces said they repelled an attack"
        if sentence.rule is not None and sentence.rule.event_type != draft.rule.event_type and \
                rules.ALSO_THAT_DAY.match(sentence.text):
            return False  # "That same day, militiamen pulled nine men from their homes and shot
            # them", after the burning of mosques: a killing of its own
        if sentence.rule is not None and draft.rule.event_type == rules.B and not \
                sentence.refers_back and sentence.rule.sub_event_type == rules.ABDUCTION:
            return False  # "The same day, militiamen seized 600 men": not part of the battle
        if not (sentence.anaphoric or sentence.fatalities is not None
                or self._follows(sentence, draft)):
            return False
        if not sentence.scenes and self._scene_moved_from(draft):
            return False
        return all(place.region == draft.place.region for place in sentence.scenes)

    def _dated_apart(self, sentence: Sentence, draft: Draft) -> bool:
        """Whether *sentence* names a day of its own other than *draft*'s ("The operation opened
        on the 20th" after an event of the 22nd)."""
        if sentence.date is None or sentence.date.vague or sentence.date.spoken:
            return False
        if undated(draft) and (sentence.rule is None
                               or sentence.rule.event_type == draft.rule.event_type):
            return False  # the same event, its day told at last
        date = resolve(sentence.date, self.reference, self.context_date,
                       dated=self.anchor is not None)
        return date is not None and draft.date is not None and date != draft.date

    def _responds_to(self, sentence: Sentence, draft: Draft) -> bool:
        """Whether *sentence* tells how forces answered *draft*'s protest or riot ("Security
        forces fired live rounds as the building burned"): the same event, now with them."""
        if draft.rule.event_type not in (rules.P, rules.R) or sentence.paragraph != draft.paragraph:
            return False
        if sentence.scenes and any(p.region != draft.place.region for p in sentence.scenes):
            return False
        answer = rules.answer_to_protest(sentence.text)
        if answer is None and rules.CLEARED_OF_CROWD.search(sentence.text):
            answer = draft.rule  # "Riot police cleared the airport late in the evening."
        if answer is None:
            return False
        riot = rules.crowd_violence(sentence.text)
        if draft.rule.event_type == rules.P and sentence.rule is not None and \
                sentence.rule.event_type == rules.R:
            draft.rule = sentence.rule  # "Some forced their way in and set fire ...": a riot
        elif draft.rule.event_type == rules.P and riot is not None and not any(
                not m.victim for m in find_actors(sentence.text[:riot[1]], self.gazetteer)):
            draft.rule = riot[0]  # the crowd's own deed, before the police answered it
        elif draft.rule.event_type == rules.P and answer.priority > draft.rule.priority:
            draft.rule = answer
        draft.add_actors(  # "Security forces fired tear gas; one protester was killed": them too
            m.actor for m in sentence.actors if not m.victim and not m.actor.startswith("<")
            and m.actor not in ("Protesters", "Rioters", CROWD))
        return True

    def _scene_moved_from(self, draft: Draft) -> bool:
        """Whether a sentence since *draft* set the scene elsewhere ("In Diyala, ...")."""
        pending = self.pending
        return pending is not None and any(
            place.region != draft.place.region for place in pending.scenes)

    def _follows(self, sentence: Sentence, draft: Draft) -> bool:
        """Whether a placeless sentence right after *draft*'s, about its actors or counting only
        victims ("Two children were killed"), continues it."""
        if sentence.places or sentence.paragraph != draft.paragraph:
            return False
        return any(m.actor in draft.actors for m in sentence.actors) or _victims_only(sentence)

    @staticmethod
    def _inside_of(sentence: Sentence, draft: Draft) -> bool:
        """Whether *sentence* tells how the forces of *draft*'s recapture took the town ("entered
        the town centre ... after a short battle"), undated and with no place of its own."""
        return sentence.rule is not None and sentence.rule.event_type == rules.B and \
            draft.rule.sub_event_type == "Government regains territory" and \
            sentence.date is None and not sentence.places and \
            sentence.paragraph - draft.paragraph in (0, 1) and \
            bool(rules.THE_TOWN.search(sentence.text)) and \
            any(m.actor in draft.actors for m in sentence.actors if not m.victim)

    @staticmethod
    def _damage_of(sentence: Sentence, draft: Draft) -> bool:
        """Whether *sentence* tells only what *draft*'s shelling or strike burnt or destroyed,
        with no one named doing it ("Several orchards and beehives were burned.")."""
        return sentence.rule is not None and draft.rule.event_type in (rules.E, rules.B) and \
            sentence.rule.sub_event_type == "Looting/property destruction" and \
            sentence.date is None and sentence.paragraph == draft.paragraph and \
            not any(m.actor not in (CIVILIANS, CIVILIAN_PROPERTY) for m in sentence.actors)

    @staticmethod
    def _toll_of(sentence: Sentence, draft: Draft) -> bool:
        """Whether *sentence* only counts the victims of *draft*'s event, just told ("More than
        200 people were wounded, health officials in Dhi Qar province said.")."""
        return _victims_only(sentence) and draft.rule.event_type != rules.S \
            and sentence.date is None and not sentence.follows_up and \
            sentence.paragraph - draft.paragraph in (0, 1) and \
            all(p.region == draft.place.region for p in sentence.places)

    def _report(self, sentence: Sentence, date: dtm.date | None, doubt: str | None) -> None:
        """New drafts for a sentence reporting an action (merged with an equal one if any)."""
        if not sentence.actors and sentence.date is None and not sentence.places:
            return  # "Ankara uses the term to mean killed": no one, nowhere, never
        scenes, place_doubt = self._scenes_of(sentence)
        if not scenes:  # "Iran fired missiles at two bases": the next sentences say where
            self.unplaced = sentence
            self.waiting.append((sentence, date, doubt))
            return
        if (lead := self._protest_in_lead(sentence, scenes)) is not None:
            if sentence.rule.event_type == rules.R:  # "In Baghdad, angry demonstrators ... tore
                lead.rule = sentence.rule  # down its sign", after a lead's "took to the streets
            lead.absorb(sentence)  # in Baghdad and in Duhok on Thursday"
            return
        unplaced, self.unplaced = self.unplaced, None
        first_told = None  # the sentence that told the action, placed now for the first time
        if unplaced is not None and unplaced.rule.sub_event_type == sentence.rule.sub_event_type \
                and sentence.agent in (None, unplaced.agent) \
                and sentence.paragraph <= unplaced.paragraph + 2 \
                and not _ELSEWHERE.match(sentence.text):
            sentence.actors = [*unplaced.actors, *sentence.actors]
            sentence.agent = unplaced.agent
            self.unplaced = unplaced  # "Another missile hit a coalition base at Erbil airport"
            told = next((w for w in self.waiting if w[0] is unplaced), None)
            if told is not None:
                first_told = unplaced  # "F-16s struck caves, killing five. The strikes targeted
                if told[1] is not None and told[2] is None and (
                        sentence.date is None or sentence.date.vague):
                    date, doubt = told[1], None  # caves in Saladin": on the day first told
            self.waiting = [w for w in self.waiting if w[0] is not unplaced]
        scene_setter = self._scene_setter(sentence, scenes[0])
        for place in scenes:
            draft = Draft(
                date=date,
                place=place,
                rule=sentence.rule,
                actors=[],
                fatalities=sentence.fatalities,
                evidence=[],
                summary=[],
                doubts=[d for d in (doubt, place_doubt) if d],
                agent=sentence.agent,
                order=sentence.order,
                one_of_many=len(scenes) > 1,
            )
            if scene_setter is not None:
                draft.add_actors(m.actor for m in scene_setter.actors)
                draft.evidence.append(scene_setter.text)
            if first_told is not None:
                draft.absorb(first_told)
                draft.order = first_told.order
            draft.absorb(sentence)
            self._add_perpetrators(draft, sentence.paragraph)
            self._add(draft)
        if self.perpetrators is not None and self.perpetrators[0] == sentence.paragraph:
            self.perpetrators = None  # they are the record's first event's only
        self.context_place = scenes[-1]
        self.pending = None

    def _protest_in_lead(self, sentence: Sentence, scenes: list[Place]) -> Draft | None:
        """The protest the lead told, among others, in the governorate of an undated crowd's deed,
        which the body now tells in full."""
        if sentence.rule.event_type not in (rules.P, rules.R) or sentence.date is not None:
            return None
        return next((d for d in self.drafts if d.order in self.lead_orders and d.one_of_many
                     and d.rule.event_type in (rules.P, rules.R)
                     and d.place.region == scenes[0].region and not d.place.town), None)

    def _add_perpetrators(self, draft: Draft, paragraph: int) -> None:
        """Name on *draft* the perpetrators its record gives, if it is the record's first event
        (an unidentified group the rules guessed gives way to them)."""
        if self.perpetrators is None or self.perpetrators[0] != paragraph:
            return
        named = self.perpetrators[1]
        draft.add_actors(named)
        if named and UNIDENTIFIED not in named and UNIDENTIFIED in draft.actors:
            draft.actors.remove(UNIDENTIFIED)

    def finish(self) -> None:
        """Place at the dateline's city the actions no later sentence placed."""
        waiting, self.waiting = self.waiting, []
        if self.city is None:
            return
        for sentence, date, doubt in waiting:
            self.context_place = self.city
            self._report(sentence, date, doubt)

    def _learn_parts(self, text: str) -> None:
        """Remember the governorate a text puts a village in ("the village of al-Rashad belonging
        to the district of al-Miqdadiya"), over a namesake elsewhere in the gazetteer."""
        if not PART_OF.search(text) and not _DISTRICT_OR_PROVINCE.search(text):
            return
        places = find_places(text, self.gazetteer)
        for place, outer in itertools.pairwise(places):
            if place.town and place.region != outer.region and (
                    PART_OF.match(text, place.start) or _in_address(text, place, outer)):
                self.parts[place.town] = outer.region

    def _scenes_of(self, sentence: Sentence) -> tuple[list[Place], str | None]:
        """Where the sentence's action happened, and what was guessed to say so, in the
        governorate the text put each village in."""
        scenes, doubt = self._scenes_named(sentence)
        return [dataclasses.replace(p, region=self.parts[p.town]) if p.town in self.parts else p
                for p in scenes], doubt

    def _scenes_named(self, sentence: Sentence) -> tuple[list[Place], str | None]:
        """Where the sentence's action happened, and what was guessed to say so."""
        scenes = sentence.scenes
        if scenes and sentence.rule.per_place:
            towns = [place for place in scenes if place.town]
            return towns or scenes[:1], None
        if (spread := one_per_region(sentence)) is not None:
            return spread, None
        spelt_right = [p for p in sentence.places if not p.corrected]
        if scenes and all(p.corrected for p in scenes) and spelt_right and all(
                p.region != spelt_right[0].region for p in scenes):
            scenes = spelt_right[:1]  # "at Siniya, west of Baiji": not a misspelt Husseiniya
        elif scenes and all(p.corrected for p in scenes) and self.context_place is not None \
                and rules.THE_CITY.search(sentence.text) and all(
                p.region != self.context_place.region for p in scenes):
            scenes = [self.context_place]  # "the Karama area, on the city's edge": Mosul's
        if scenes:
            exact = [place for place in scenes if not place.corrected] or scenes
            chosen = next((place for place in exact  # the first place, or a town inside it
                           if place.town and place.region == exact[0].region), exact[0])
            return [chosen], "place misspelt" if chosen.corrected else None
        elsewhere = self.context_place and all(  # "200 km north of Baghdad": not in Baghdad
            p.far and p.region != self.context_place.region for p in sentence.places)
        if sentence.places and not elsewhere and not all(p.no_scene for p in sentence.places):
            return sentence.places[:1], "place only a reference point"
        if self.context_place is not None and not rules.SOMEWHERE_IN_IRAQ.search(sentence.text):
            return [self.context_place], "place inherited"
        return [], None  # "in northern Iraq": the next sentences say where

    def _scene_setter(self, sentence: Sentence, place: Place) -> Sentence | None:
        """The sentence just before that set this event's scene ("On Jan. 21 in Al-Abar ...")."""
        pending = self.pending
        if pending is None or pending.paragraph != sentence.paragraph:
            return None
        if not pending.scenes:  # "The jihadists struck back the next day." names who and when
            named = pending.date is not None and any(not m.victim for m in pending.actors)
            return pending if named else None
        if any(scene.region != place.region for scene in pending.scenes):
            return None
        return pending

    def _add(self, draft: Draft) -> None:
        """Keep *draft*, or merge it into an earlier draft of the same date, place and action
        (or into a lede that told the same action at the same place without its day)."""
        for earlier in self.drafts:
            if earlier.key[1:] == draft.key[1:] and undated(earlier) and not undated(draft):
                earlier.date, earlier.doubts = draft.date, draft.doubts
            same = (earlier.date, earlier.place.region, earlier.rule.sub_event_type) == (
                draft.date, draft.place.region, draft.rule.sub_event_type)
            separate = rules.SEPARATE_INCIDENT.search(" ".join(draft.evidence))
            if same and None in (earlier.place.town, draft.place.town) and not separate:
                earlier.place = earlier.place if earlier.place.town else draft.place  # "south of
                draft.place = earlier.place  # Kirkuk", then "near Rashad": one place, one event
            if earlier.key == draft.key or _one_barrage(earlier, draft):
                earlier.add_actors(draft.actors)
                if earlier.key == draft.key:  # not "strikes ... destroyed 4 mortar systems"
                    earlier.agent = earlier.agent or draft.agent
                earlier.place = earlier.place if earlier.place.town else draft.place
                earlier.evidence += [s for s in draft.evidence if s not in earlier.evidence]
                if draft.fatalities is not None:
                    earlier.fatalities = max(earlier.fatalities or 0, draft.fatalities)
                return
        self.drafts.append(draft)
        if draft.rule.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack") \
                and draft.agent in rules.AIR_FORCES:
            self.air_forces[draft.agent] += 1

    def main_forces(self) -> str | None:
        """The state's own force the article names most, else its allies' (whose guns "pounded
        IS positions")."""
        ranked = sorted(self.forces, key=lambda actor: (
            self.gazetteer.actor_inter(actor) != STATE, -self.forces[actor]))
        return ranked[0] if ranked else None

    def main_air_force(self) -> str | None:
        """The air force the article names most as striking ("A Turkish drone struck ... It
        came a day after another drone strike": Turkey's too)."""
        return self.air_forces.most_common(1)[0][0] if self.air_forces else None


def _unit_of(body: str, mention: ActorMention, found: list[ActorMention]) -> str | None:
    """Whose "a soldier of the Golden Division" is: the force named right after the noun."""
    if mention.actor != TROOPS:
        return None
    of = _OF_FORCE.match(body, mention.start)
    return next((m.actor for m in found if of and m.start == of.end()
                 and not m.actor.startswith("<")), None)


_OF_FORCE = re.compile(r"[\w-]+\s+(?:of|from)\s+(?:the\s+|its\s+)?", re.I)


# "The raids came as Iraqi forces pressed their advance on Thursday": the day of the backdrop.
_CAME_AMID = re.compile(r"\b(?:comes?|came)\s+(?:as|amid)\b")


def _blank_asides(text: str) -> str:
    """*text* with what it recalls in passing blanked out ("in retaliation for the US strike
    ... at Baghdad airport", "since it overran the city of Mosul"): no scene of what it tells."""
    return rules.PAST_ASIDE.sub(_spaces, rules.SINCE_ASIDE.sub(_spaces, text))


def _spaces(match: re.Match) -> str:
    """As many spaces as *match* is long: blanked, not cut, so the offsets still hold."""
    return " " * len(match.group(0))


def _without_asides(clause: str) -> str:
    """*clause* without what it says in passing of its people's past or plans."""
    clause = rules.PAST_ASIDE.sub("", rules.SINCE_ASIDE.sub("", clause))
    clause = rules.TOLD_IN_PASSING.sub("", rules.DURATION_ASIDE.sub("", clause))
    return rules.PAST_YEAR.sub(r"\1", clause)


# "Elsewhere in the country, ...": another event, not where the one just told happened.
_ELSEWHERE = re.compile(r"\s*(?:elsewhere|separately|in\s+other\s+(?:news|developments))\b", re.I)


def _one_barrage(earlier: Draft, draft: Draft) -> bool:
    """Whether two drafts are one attack the same sentence tells with two weapons ("fired
    missiles and launched suicide drones at the camps near Koya")."""
    towns = {earlier.place.town, draft.place.town} - {None}  # (one may name no town)
    return earlier.evidence[:1] == draft.evidence[:1] and earlier.key[:2] == draft.key[:2] \
        and len(towns) <= 1 and \
        {earlier.rule.sub_event_type, draft.rule.sub_event_type} <= rules.FIRED_AT


def _victims_only(sentence: Sentence) -> bool:
    """Whether *sentence* tells of killing or fighting naming no one but its victims."""
    return sentence.rule is not None and sentence.rule.event_type in (rules.V, rules.B) and \
        not any(not m.victim for m in sentence.actors)


def _arresters(body: str, at: int, actors: list[ActorMention]) -> list[ActorMention]:
    """Who made an arrest: the forces named in its own clause before the word ("police and army
    units ... detain", not "Army units deployed ..., and police arrested")."""
    start = max((m.end() for m in re.finditer(r",\s+and\b|;|,\s+while\b", body[:at])), default=0)
    return [m for m in actors if start <= m.start < at and not m.victim]


def undated(draft: Draft) -> bool:
    """Whether *draft*'s day was only guessed from the context."""
    return bool({"date from context", "date missing", "date of the report"} & set(draft.doubts))


def separate_development(sentence: Sentence, draft: Draft) -> bool:
    """Whether *sentence* reports a development of its own about *draft*'s event: arrests "in
    connection with the bombing" (or with an arson) are a Strategic development apart from it."""
    rule = sentence.rule
    return rule is not None and rule.event_type == rules.S and (
        draft.rule.event_type != rules.S or rule.sub_event_type != draft.rule.sub_event_type)
