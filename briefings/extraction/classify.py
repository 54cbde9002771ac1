"""Reading a sentence's event type and completing its actors the way analysts do.

The rule table (``rules``) says which words report which ACLED type; this module checks the
rules' conditions against who does what in the sentence (the subject of "seized" decides between
"Government regains territory" and "Non-state actor overtakes territory"), and adds the actors
ACLED's conventions imply when a report leaves them out: the coalition for an air raid no one is
named as carrying out, an unidentified armed group for an unclaimed bomb, civilians for violence
against them.
"""

from __future__ import annotations

import itertools
import re

from briefings.extraction import rules
from briefings.extraction.dates import find_date
from briefings.extraction.mentions import CIVILIAN_PROPERTY, CIVILIANS, CROWD, ActorMention
from briefings.gazetteer import Gazetteer

REBEL, STATE, MILITIA, EXTERNAL = 2, 1, 3, 8  # ACLED actor types (``inter``)
IRAN, TURKEY = "Iranian forces", "Turkish Armed Forces"
PKK = "Kurdistan Workers' Party"
FOREIGN_AIR_FORCES = frozenset({IRAN, TURKEY})
UNIDENTIFIED = "Unidentified armed group"
DEFAULT_AIR_FORCE = "US-led coalition"
# Whom Iraqi forces retook ground from when a report names no one: in this theatre, IS.
TERRITORY_HOLDER = "Islamic State"


def match_rule(
    body: str, actors: list[ActorMention], gazetteer: Gazetteer
) -> tuple[rules.TypeRule | None, int]:
    """The highest-priority rule whose words and conditions the sentence meets, and where."""
    masked = mask(body)
    protest_named = rules.PROTEST.search(masked) is not None
    for rule in rules.RULES:
        # a protest's purpose is part of it ("gathered ... to denounce the attacks")
        searched = rules.WHO_HAD.sub(lambda m: " " * len(m.group(0)), body) \
            if rule.sub_event_type == "Peaceful protest" else masked
        for match in rule.pattern.finditer(searched):
            if rule.when == rules.PROTESTERS and protest_named and not (
                    rule.event_type == rules.R and _forces_act(match.start(), actors, gazetteer)):
                return rule, match.start()  # "his supporters marched ... police fired tear gas"
            if _condition_holds(rule.when, match.start(), actors, gazetteer, body):
                return rule, match.start()
    return None, 0


def _forces_act(at: int, actors: list[ActorMention], gazetteer: Gazetteer) -> bool:
    """Whether state forces do what the word at *at* says ("Security forces stormed the camp")."""
    subject = _subject_at(at, actors)
    return subject is not None and on_state_side(subject, gazetteer)


def _keep_first_word(match: re.Match) -> str:
    """*match* blanked after its first word, lengths kept."""
    word = match.group(0).split(None, 1)[0]
    return word + " " * (len(match.group(0)) - len(word))


def mask(body: str) -> str:
    """*body* with what does not report its action blanked out, lengths kept: who backed it
    ("backed by U.S. air strikes") and what a victim had done ("a lawyer who had defended
    detained protesters")."""
    blank = lambda m: " " * len(m.group(0))  # noqa: E731
    masked = rules.BACKSTORY.sub(blank, rules.SUPPORT.sub(blank, body))
    masked = rules.REMEMBERED.sub(blank, rules.FIGHTING_WHOM.sub(blank, masked))
    masked = rules.SLOWED_BY.sub(blank, rules.LEFT_BEHIND.sub(blank, masked))
    if rules.STRIKES_DESTROYED.search(masked):  # "two strikes ... destroyed an ISIL mortar system"
        masked = rules.DESTROYED.sub(  # what was destroyed; "one strike destroyed" stays a strike
            lambda m: _keep_first_word(m) if re.search(r"\bstrikes?\s+$", masked[:m.start()])
            else blank(m), masked)
    masked = rules.DEMANDED.sub(
        lambda m: m.group(0)[:m.start("what") - m.start()] + " " * len(m.group("what")), masked)
    if rules.COVER.search(body):  # "helicopters had provided cover as his men cleared ..."
        masked = rules.AIR_WORDS.sub(blank, masked)
    fight = re.search(r"\b(?:fought|fight\w*|clash\w*|battl\w*|exchang\w+\s+fire|traded\s+fire|"
                      r"storm\w*|assault\w*|attack\w*|advanc\w*|disput\w*|feud\w*|overr[au]n\w*)\b",
                      body, re.I)
    if fight:
        return rules.WEAPONS_USED.sub(blank, masked)
    # "militants, some wearing suicide vests, approached": how they came, not a bombing
    return masked if rules.DETONATED.search(body) else rules.WORN_VESTS.sub(blank, masked)


# "... and" followed by a verb in the past tense, or ", while": where a second action may start.
_NEXT_ACTION = re.compile(
    r",\s+while\s+|,?\s+and\s+(?:then\s+|later\s+|also\s+)?"
    r"(?=(?:(?:the\s+)?(?:next|following)\s+(?:day|morning|evening)\s+|on\s+\w+\s+)?"
    r"(?!(?:killed|wounded|injured|left|caused|claimed|said|reported)\b)"
    r"(?:\w+ed|broke|took|drove|swept|overran|retook|blew|shot|fought|struck|threw|set)\b)",
    re.I,
)
# Only acts of violence are told apart this way ("arrested ... and seized weapons" is one).
_VIOLENT = frozenset({rules.B, rules.E, rules.V})
# Fire support and a ground assault in one sentence are one battle (ACLED's convention).
_FIRE_SUPPORT = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})


def match_actions(
    body: str, actors: list[ActorMention], gazetteer: Gazetteer, breaks: tuple[int, ...] = ()
) -> list[tuple[rules.TypeRule, int, int, int]]:
    """Each distinct action *body* reports, as (rule, trigger position, clause start, clause end).

    *breaks* are where the sentence's clauses meet (", while ..."). "Shelled Khanaqin and
    kidnapped two farmers" is two actions; "shelled Samarra and attacked
    police checkpoints" is one battle, fire support going with the assault it supports; actions
    of the same kind ("stormed the town and seized the bridge") are one.
    """
    rule, at = match_rule(body, actors, gazetteer)
    if rule is None:
        return []
    masked = mask(body)
    found = {m.end() for m in _NEXT_ACTION.finditer(masked)} | set(breaks)
    bounds = [0, *sorted(found), len(body) + 1]
    if len(bounds) == 2:
        return [(rule, at, 0, len(body))]
    actions = []
    carried = None  # the start of a part that reported nothing: it belongs to the next one
    for start, end in itertools.pairwise(bounds):
        start = carried if carried is not None else start
        shifted = [ActorMention(m.actor, m.start - start if m.start >= 0 else -1, m.victim)
                   for m in actors if m.start < 0 or start <= m.start < end]
        outside = [ActorMention(m.actor, -2, m.victim) for m in actors
                   if 0 <= m.start < start and not m.victim]  # the subject, for conditions
        part_rule, part_at = match_rule(body[start:end], outside[:1] + shifted, gazetteer)
        if part_rule is None:
            carried = start  # "were lined up | and shot by ...": one action
            continue
        carried = None
        actions.append((part_rule, start + part_at, start, min(end, len(body))))
    if len(actions) > 1:  # "...; four people were killed": the toll of the fight, not a killing
        actions = [a for a in actions if not _toll(a, actors, breaks)] or actions
    if len(actions) > 1:  # "a rocket fell short and struck a house, wounding two children"
        actions = [a for i, a in enumerate(actions) if i == 0 or not _weapon_hit(
            a, actions[i - 1], actors)]
    if len(actions) > 1:  # "...; the group claimed the attack": no new action either
        told = [(m.start(), m.end()) for m in rules.ANAPHORA.finditer(body)]
        actions = [a for a in actions if not any(s <= a[1] < e for s, e in told)] or actions
    if len(actions) > 1 and any(a[0].sub_event_type == "Arrests" for a in actions):
        # "police units entered the area and arrested 11 people": the way in to an arrest
        actions = [a for a in actions if not (a[0].event_type == rules.B
                                              and _WAY_IN.match(body, a[1]))]
    kinds = {action[0].event_type for action in actions}
    elsewhere = any(_PLACED.search(body[start:at]) for _, at, start, _ in actions[1:])
    if len(actions) > 1 and kinds <= {rules.P, rules.R} and not (breaks and elsewhere):
        # a crowd and the force used on it, not "..., while in Karbala students marched"
        best = max(actions, key=lambda a: a[0].priority)
        return [(best[0], best[1], 0, len(body))]
    if not kinds <= _VIOLENT and not breaks and not _dated_apart(body, actions):
        return [(rule, at, 0, len(body))]
    if rules.B in kinds and {a[0].sub_event_type for a in actions} & _FIRE_SUPPORT:
        actions = [a for a in actions if a[0].sub_event_type not in _FIRE_SUPPORT]
    if kinds == {rules.B} and not breaks and not _dated_apart(body, actions):
        best = max(actions, key=lambda a: a[0].priority)  # "pushed into the centre and took
        return [(best[0], best[1], 0, len(body))]  # control of the compound": one advance
    if any(a[0].sub_event_type == "Suicide bomb" for a in actions):  # "The suicide attacker
        actions = [a for a in actions if not _ITS_CHARGE.match(body, a[1])]  # ... detonated his
        # charge": the bomber's own blast, not a second bomb
    distinct = []
    for action in actions:
        if all(action[0].sub_event_type != kept[0].sub_event_type for kept in distinct):
            distinct.append(action)
    if len(distinct) < 2:
        return [(distinct[0][0], distinct[0][1], 0, len(body))] if distinct else [(rule, at, 0,
                                                                                  len(body))]
    return distinct


def _dated_apart(body: str, actions: list[tuple]) -> bool:
    """Whether a later action names a day of its own ("..., and the next day detained four")."""
    return any(find_date(body[start:end], 2000) is not None for _, _, start, end in actions[1:])


# A blast told without a bomb of its own: "detonated his charge", "exploded".
_ITS_CHARGE = re.compile(r"(?:detonat|explod|blast)\w*(?![^.;,]*\b(?:car|truck|roadside|"
                         r"sticky|parked)\s+bombs?\b)", re.I)
_PLACED = re.compile(r"\bin\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z]")  # "while in Karbala ..."


def _weapon_hit(action: tuple, before: tuple, actors: list[ActorMention]) -> bool:
    """Whether an attack on people that names no attacker of its own is what the weapon of the
    action before it hit ("a Katyusha rocket ... struck a house, wounding two children")."""
    rule, _, start, end = action
    return rule.sub_event_type == "Attack" and before[0].event_type == rules.E and not any(
        not m.victim and start <= m.start < end for m in actors)


def _toll(action: tuple, actors: list[ActorMention], breaks: tuple[int, ...]) -> bool:
    """Whether a clause of its own only counts the dead ("; four people were killed")."""
    rule, _, start, end = action
    return rule.sub_event_type == "Attack" and start in breaks and not any(
        not m.victim and start <= m.start < end for m in actors)


def in_clause(actors: list[ActorMention], parts: list[str], at: int) -> list[ActorMention]:
    """The actors of the clause (of *parts*, joined by spaces) holding position *at*, if any."""
    start = 0
    for part in parts:
        end = start + len(part)
        if start <= at < end:
            inside = [m for m in actors if start <= m.start < end or m.start < 0]
            return inside or actors
        start = end + 1
    return actors


def _condition_holds(
    condition: str | None, at: int, actors: list[ActorMention], gazetteer: Gazetteer,
    body: str = "",
) -> bool:
    """Whether the actors (or the words, for NO_FIGHT) meet a rule's condition, for a trigger
    word at position *at*."""
    if condition is None:
        return True
    if condition == rules.NO_FIGHT:
        return not rules.FIGHT.search(body)
    if condition == rules.CIVILIAN_VICTIMS:
        return any(m.actor == CIVILIANS for m in actors)
    if condition == rules.NO_CIVILIAN_VICTIMS:
        return not any(m.actor == CIVILIANS for m in actors)
    if condition == rules.PROTESTERS:  # marching, or fired on ("opened fire on a crowd")
        return any(m.actor in ("Protesters", "Rioters", CROWD) for m in actors)
    subject = _passive_agent(body, at, actors) or _subject_at(at, actors)
    if subject is None:
        return False
    inter = gazetteer.actor_inter(subject)
    if condition == rules.STATE_SIDE:
        return inter in (STATE, EXTERNAL) or subject in rules.PRO_GOVERNMENT
    if condition == rules.STATE_FORCES:
        return inter in (STATE, EXTERNAL)
    return inter == REBEL or subject == UNIDENTIFIED


def _passive_agent(body: str, at: int, actors: list[ActorMention]) -> str | None:
    """Who did it in a passive ("the town was retaken ... by Iraqi troops"): the actor named
    after "by", if the trigger word at *at* follows "was" or "were"."""
    if not body or not re.search(r"\b(?:was|were|been|being)\s+$", body[max(0, at - 12):at]):
        return None
    for mention in actors:
        if mention.start > at and not mention.victim and re.search(
                r"\bby\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", body[at:mention.start]):
            return mention.actor
    return None


def _subject_at(at: int, actors: list[ActorMention]) -> str | None:
    """Who does what a trigger word at *at* says: the nearest actor named before it."""
    before = [m for m in actors if m.start < at and not m.victim]
    if before:
        return before[-1].actor
    return next((m.actor for m in actors if not m.victim), None)


_PASSIVE = re.compile(r"\b(?:by|was|were|been|being)\b", re.I)


def agent_at(body: str, at: int, actors: list[ActorMention]) -> str | None:
    """Who a sentence names as doing what the trigger word at *at* says ("IS fighters launched
    drones"): the nearest actor named before it, not a victim nor the subject of a passive."""
    before = [m for m in actors if m.start < at and not m.victim]
    if not before:
        return None
    mention = before[-1]
    if mention.start >= 0 and _PASSIVE.search(body[mention.start:at]):
        return None
    return mention.actor


def complete_actors(
    actors: list[str],
    rule: rules.TypeRule,
    main_rebel: str | None,
    gazetteer: Gazetteer,
    agent: str | None = None,
    air_force: str | None = None,
    forces: str | None = None,
) -> int:
    """Add to *actors* those analysts record by convention (ACLED's); how many were added.

    *agent* is whoever the report names as the one acting: an air or drone strike it names is
    theirs; one nobody is named as carrying out is Turkey's when it hits the PKK, else the
    *air_force* the article names for its other strikes, else the coalition's. Guns pounding
    the rebels' positions, with no one named as firing them, are the *forces* the article names
    most. Protesters shot at are the victims of excessive force, not "Civilians".
    """
    sub = rule.sub_event_type
    kind = rule.event_type
    property_hit = _resolve_stand_ins(actors, kind)
    if (kind == rules.B or sub == "Agreement") and CIVILIANS in actors:
        actors.remove(CIVILIANS)  # battles and truces are armed groups'; the dead are counted
    if kind == rules.B and UNIDENTIFIED in actors and main_rebel and main_rebel not in actors:
        actors[actors.index(UNIDENTIFIED)] = main_rebel  # the gunmen a report about IS fights
    elif kind == rules.B and UNIDENTIFIED in actors and any(
            gazetteer.actor_inter(a) == REBEL and a != UNIDENTIFIED for a in actors):
        actors.remove(UNIDENTIFIED)  # "IS militants stormed ... police fought the gunmen"
    before = len(actors)

    def ensure(actor: str) -> None:
        if actor not in actors:
            actors.append(actor)

    if property_hit and sub in _HITS_PROPERTY and len(actors) <= 1:
        ensure(CIVILIANS)
    if rule.pattern.pattern == rules.FOUND_BODIES:
        ensure(CIVILIANS)  # the dead of a mass grave are taken for civilians unless told
        if sub == "Other" and main_rebel and not any(
                gazetteer.actor_inter(a) == REBEL or a == UNIDENTIFIED for a in actors):
            ensure(main_rebel)  # and the graves a war on IS uncovers for its own
    rebel_named = any(gazetteer.actor_inter(a) == REBEL or a == UNIDENTIFIED for a in actors)
    if kind == rules.P:  # a peaceful protest's only actor is the protesters (not whom they
        # denounce or whose "withdrawal" they demand)
        actors[:] = [a for a in actors if a != CIVILIANS and sub != "Peaceful protest"]
        ensure("Protesters")
    elif kind == rules.R:
        actors[:] = list(dict.fromkeys(
            "Rioters" if a == "Protesters" else a for a in actors if a != CIVILIANS))
        ensure("Rioters")
    elif kind == rules.V:
        if not [a for a in actors if a != CIVILIANS]:
            ensure(UNIDENTIFIED)
        ensure(CIVILIANS)
    elif sub == "Air/drone strike":
        if agent is None and rule.unclaimed and not rebel_named:
            # an armed drone nobody is named as flying, unless the report is of a neighbour's
            # drone campaign ("Iranian drones struck Koya ... Hours later, drones struck Zrgwez")
            ensure(air_force if air_force in FOREIGN_AIR_FORCES else UNIDENTIFIED)
        elif agent is None and not any(a in rules.AIR_FORCES for a in actors):
            # only Turkey bombs the PKK in Iraq (all 84 labelled strikes on it are Turkish)
            ensure(TURKEY if PKK in actors else air_force or (
                UNIDENTIFIED if actors == [CIVILIANS] else DEFAULT_AIR_FORCE))
        if len(actors) == 1 and main_rebel and actors[0] not in (UNIDENTIFIED, IRAN):
            ensure(main_rebel)  # not Iran's: it hits Iranian Kurdish parties, no listed actor
    elif sub == "Shelling/artillery/missile attack" and agent is None and forces and actors and \
            all(gazetteer.actor_inter(a) == REBEL for a in actors):
        ensure(forces)
    elif sub == "Suicide bomb" and not rebel_named and main_rebel and CIVILIANS not in actors \
            and any(on_state_side(a, gazetteer) for a in actors):
        ensure(main_rebel)  # suicide bombers hurled at the front line of a war on IS are its own
    elif kind == rules.E and not rebel_named and not (sub in rules.FIRED_AT and agent is not None):
        ensure(UNIDENTIFIED)
    elif kind == rules.B and actors and not rebel_named and main_rebel and all(
        on_state_side(a, gazetteer) for a in actors
    ):
        ensure(main_rebel)
    elif sub == "Government regains territory" and actors and not rebel_named and not (
            "Peshmerga" in actors and len(actors) > 1):  # Iraqi forces retaking from the Kurds
        ensure(TERRITORY_HOLDER)
    elif kind == rules.B and len(actors) == 1 and gazetteer.actor_inter(actors[0]) == STATE:
        ensure(UNIDENTIFIED)  # "an attack on an army checkpoint": by someone unnamed
    return len(actors) - before


def settle_coalition_target(
    actors: list[str], rule: rules.TypeRule, evidence: str, town: str | None,
    gazetteer: Gazetteer, agent: str | None = None,
) -> None:
    """Set *actors* right for an attack on the coalition's troops or bases: the coalition is its
    target, not the author of the drones; the author is the group named (the militias, Iran),
    else an unidentified one."""
    hostile = rule.event_type == rules.E or rule.sub_event_type == "Disrupted weapons use"
    if not hostile or (agent == DEFAULT_AIR_FORCE and rule.event_type == rules.E) or not (
            town in rules.COALITION_BASES or rules.COALITION_TARGET.search(evidence)):
        return
    if DEFAULT_AIR_FORCE not in actors:
        actors.append(DEFAULT_AIR_FORCE)
    named = [a for a in actors if a not in (UNIDENTIFIED, DEFAULT_AIR_FORCE, CIVILIANS)
             and gazetteer.actor_inter(a) != STATE]  # the militias, Iran, IS: its authors
    if not named and UNIDENTIFIED not in actors:
        actors.append(UNIDENTIFIED)
    elif named and UNIDENTIFIED in actors:
        actors.remove(UNIDENTIFIED)


# Actions whose target may be homes and villages rather than fighters.
_HITS_PROPERTY = frozenset({"Shelling/artillery/missile attack", "Air/drone strike",
                            "Looting/property destruction", "Remote explosive/landmine/IED",
                            "Suicide bomb", "Grenade"})
# Weapons fired by someone the report can name ("Iranian artillery shelled ...").


def _resolve_stand_ins(actors: list[str], kind: str) -> bool:
    """Replace a crowd by protesters or rioters as its deeds say; drop civilian property, saying
    whether there was any."""
    crowd = {rules.P: "Protesters", rules.R: "Rioters"}.get(kind)
    resolved = []
    for actor in actors:
        actor = crowd if actor == CROWD else actor
        if actor and actor != CIVILIAN_PROPERTY and actor not in resolved:
            resolved.append(actor)
    property_hit = len(resolved) < len(actors) and CIVILIAN_PROPERTY in actors
    actors[:] = resolved
    return property_hit


_WAY_IN = re.compile(r"(?:entered|moved\s+into|raided|stormed|went\s+into|deployed)\b", re.I)


def on_state_side(actor: str, gazetteer: Gazetteer) -> bool:
    """Whether *actor* fights for the state (its forces, allies or foreign backers)."""
    return gazetteer.actor_inter(actor) in (STATE, EXTERNAL) or actor in rules.PRO_GOVERNMENT
