"""Which ACLED event a sentence reports, as a table of word patterns.

A sentence often matches several rules ("attacked ... using seven car bombs" is an attack and a
bombing); the highest priority wins, so the most specific reading ("Remote explosive") beats the
general one ("Armed clash"). Some rules hold only for certain actors: taking a town is
"Government regains territory" for the army or its allies and "Non-state actor overtakes
territory" for Islamic State; killing is "Violence against civilians" only when civilians die.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

B, E, V = "Battles", "Explosions/Remote violence", "Violence against civilians"
P, R, S = "Protests", "Riots", "Strategic developments"

# Conditions a rule may require (checked by the caller against the sentence's actors).
CIVILIAN_VICTIMS = "civilian victims"
NO_CIVILIAN_VICTIMS = "no civilian victims"
NO_FIGHT = "no fighting told"  # "withdrew" is a handover unless the sentence tells a fight
FIGHT = re.compile(r"\b(?:repelled|repulsed|clash\w*|fought|fighting|battl\w+|attack\w*|"
                   r"firefight|gunfight|exchang\w+\s+fire|forced\s+(?:\w+\s+){0,2}to\s+(?:withdraw|"
                   r"retreat|flee|pull))\b", re.I)
# Who took part in the operation just told: "The operation, ordered by ..., involved the Iraqi
# army, the Counter Terrorism Service and Shiite militias".
TOOK_PART = re.compile(r"^(?:The|That|This)\s+(?:[\w-]+\s+){0,2}?(?:operation|offensive|assault|"
                       r"push|advance)\b[^.;]*?\b(?:involved|included|was\s+(?:carried\s+out|"
                       r"conducted|led)\s+(?:jointly\s+)?by)\b")
# A government blaming a neighbour for shells nobody claimed: "Baghdad blamed Turkish forces".
BLAMED_NEIGHBOUR = re.compile(
    r"\b(?:blamed|accused|held)\s+(?:the\s+)?(?P<who>Turk(?:ey|ish\s+(?:forces|army|military|"
    r"troops|artillery))|Ankara|Iran(?:ian\s+forces)?|Tehran)\b")
# Governments answering an event: "condemned the raids", "said it was deeply concerned".
REACTION = re.compile(r"\b(?:condemn(?:ed|s|ing)|denounc(?:ed|es|ing)|deplor(?:ed|es)|"
                      r"criticis(?:ed|es)|criticiz(?:ed|es)|(?:deeply\s+)?concerned)\b")
# "The attack came barely a week after ...": what the sentence names is another event.
CAME_AFTER = re.compile(r"\bcame\s+(?:[\w-]+\s+){1,3}?after\b")
# Forces giving up ground: "units retreated from the city", "troops fled their positions".
RETREATED = re.compile(r"\b(?:retreated|withdrew|fled|pulled\s+(?:out|back)|abandoned|"
                       r"streamed\s+(?:east|west|north|south|out|away))\b", re.I)
# "Army and police units streamed east towards the Habbaniyah base": where they fled to, not
# where the ground was lost.
FLED_TOWARDS = re.compile(
    r"\b(?:retreated|withdrew|fled|pulled\s+back|streamed\s+\w+)\s+(?:\w+\s+)?(?:towards?|to)\b",
    re.I)
# "A spokesman said the allegation was false": the claim just told did not happen.
DENIED_AS_FALSE = re.compile(
    r"\b(?:allegation|claim|accusation|report)s?\s+(?:was|were|is|are)\s+(?:false|untrue|baseless|"
    r"unfounded|fabricated)\b|\bsaid\s+(?:it|they)\s+had\s+not\s+(?:carried\s+out|conducted|launched)\s+"
    r"(?:any\s+)?(?:air\s*)?strikes\b", re.I)  # "The coalition said it had not carried out strikes"
# "Other missiles struck near the airport in Erbil": more of the weapons just told, the same
# side's.
MORE_OF_THEM = re.compile(r"^(?:Other|Another|More|Further|Two\s+other|Several\s+other)\s+"
                          r"(?:[\w-]+\s+)?(?:missiles?|rockets?|drones?|shells?|strikes?)\b")
# ", after hundreds of protesters stormed": the deed a state told first ("still smouldering")
# followed from.
STATE_AFTER = re.compile(r"\bstill\s+\w+ing\b[^.;]*?,?\s+after\b", re.I)
# "That same day, militiamen pulled nine men from their homes": another deed the same day.
ALSO_THAT_DAY = re.compile(r"^(?:That|The)\s+same\s+(?:day|night|evening|morning)\b")
PROTESTERS = "protesters"
FIRED_AT = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})  # from afar
ABDUCTION = "Abduction/forced disappearance"
HANDOVER = "Non-violent transfer of territory"  # whoever gave the ground and whoever took it
REGAINED = "Government regains territory"
OVERTAKEN = "Non-state actor overtakes territory"
# "withdrew without fighting": ground handed over, whatever the next clause says was taken.
NO_FIGHT_TOLD = re.compile(
    r"\bwithout\s+(?:a\s+(?:fight|shot)|any\s+(?:fighting|resistance)|fighting|resistance)\b|"
    r"\bwith\s+(?:little|no|hardly\s+any)\s+(?:resistance|fighting)\b", re.I)
# "without a fight", "without firing a shot": no resistance at all, unlike "little resistance".
NOT_A_SHOT = re.compile(r"\bwithout\s+(?:a\s+(?:fight|shot)|firing|any\s+(?:fighting|resistance)|"
                        r"fighting|resistance)\b", re.I)
STATE_SIDE = "state-aligned subject"
STATE_FORCES = "state forces subject"  # not militias: men they detain have disappeared
REBEL_SIDE = "rebel subject"

# Actors fighting on the government's side though not state forces.
PRO_GOVERNMENT = frozenset({"Shiite militias", "Sunni tribes"})
# Actors that fly: an air strike by none of them was the coalition's.
AIR_FORCES = ("US-led coalition", "Iraqi Army", "Turkish Armed Forces", "Iranian forces")


@dataclass(frozen=True)
class TypeRule:
    """Words that report an event of an ACLED type and sub-type."""

    pattern: re.Pattern
    event_type: str
    sub_event_type: str
    priority: int
    when: str | None = None  # a condition on the actors, see above
    per_place: bool = False  # one event per place named ("still controls Mosul and Tikrit")
    present: bool = False  # a state of affairs: dated to the article, not to the last date
    unclaimed: bool = False  # no one named as its author is an unidentified group, not an army


def _rule(pattern: str, event_type: str, sub: str, priority: int, **options) -> TypeRule:
    return TypeRule(re.compile(pattern, re.I), event_type, sub, priority, **options)


_W = r"(?:[\w'’-]+\s+)"  # any word
# "The coalition fighting ISIL": who the coalition is, not a fight.
FIGHTING_WHOM = re.compile(
    r"\b(?:coalition|alliance)\s+(?:fighting|against)\s+(?:the\s+)?(?:remnants\s+of\s+(?:the\s+)?)?"
    r"(?:ISIL|ISIS|IS|Islamic\s+State|Daesh)\b", re.I)
# Aircraft that only covered a ground action ("army helicopters provided cover").
COVER = re.compile(r"\b(?:provided|providing|gave|giving)\s+(?:air\s+)?(?:cover|support)\b|"
                   r"\b(?:cover|shelter|hide)\s+from\s+(?:coalition\s+)?(?:aircraft|air\s*strikes|"
                   r"warplanes|drones|jets|the\s+air)\b", re.I)  # "to provide cover from aircraft"
AIR_WORDS = re.compile(r"\b(?:helicopters?|jets|aircraft|warplanes?|drones?|aviation)\b", re.I)
# The weapons a fight was fought with ("fought ... with artillery, mortars and machine guns").
_WEAPON = (r"(?:heavy\s+|light\s+|medium\s+)?(?:artillery|mortars?|machine[\s-]*guns?|rockets?|"
           r"(?:hand\s+)?grenades|sniper\s+fire|snipers?|small[\s-]+arms(?:\s+fire)?|explosives|"
           r"RPGs?|rocket-propelled\s+grenades|PKMs?|(?:light|medium|heavy)(?:\s+and\s+(?:light|"
           r"medium|heavy))?\s+weapons|rifles|mortar\s+fire|artillery\s+fire)")
_WORN = (r"\b(?:wearing|wore|carrying|strapped\s+with|armed\s+with(?:\s+[\w-]+,?(?:\s+and)?){0,3}?)"
         r"\s+(?:explosive|suicide)\s+(?:vests?|belts?)\b")  # "armed with rifles and suicide belts"
WEAPONS_USED = re.compile(
    rf"\b(?:with|using|used|behind|under\s+cover\s+of)\s+{_WEAPON}(?:,?\s+(?:and\s+)?{_WEAPON})*|"
    r"\bafter\s+(?:unleashing|detonating|sending\s+in)\s+(?:[\w-]+\s+){0,4}?(?:suicide\s+)?"
    r"(?:car\s+)?bombs?\b|"  # "overran Ramadi after unleashing 10 car bombs": how they took it
    r"\b(?:facing|braving)\s+(?:[\w-]+,?\s+(?:and\s+)?){0,6}(?:suicide\s+)?(?:bombers|bombs|"
    r"traps|mines|IEDs)\b|"  # "fought their way deeper, facing sniper fire, booby traps and
    # suicide bombers": what they fought through
    + _WORN, re.I)  # "militants, some wearing suicide vests, stormed into Kirkuk": how they fought
# What a release's strikes destroyed: their targets, not weapons used.
STRIKES_DESTROYED = re.compile(r"\bstrikes?\b[^.;]*\bdestroy(?:ed|ing)\b", re.I)
DESTROYED = re.compile(r"\bdestroy(?:ed|ing)\b[^.;]*", re.I)
# What fighters left behind ("leaving behind booby-trapped houses and roadside bombs").
LEFT_BEHIND = re.compile(r"\b(?:leaving|left)\s+behind\b[^.;]*", re.I)
# What slowed an advance ("slowed by hundreds of roadside bombs").
SLOWED_BY = re.compile(r"\b(?:slowed|hampered|delayed|held\s+up)\s+by\b[^.;]*", re.I)
WORN_VESTS = re.compile(_WORN, re.I)
DETONATED = re.compile(r"\b(?:detonat\w+|blew\s+(?:himself|herself|themselves)|blown\s+up|"
                       r"exploded|explosion|set\s+off)\b", re.I)
# What a victim had done before ("who had defended detained protesters"): no part of the event.
# What went on around it ("as the troops advanced", "before withdrawing", "for having fought
# the group"): no part either.
_WHO_HAD = (
    r"\b(?:who|whom)\s+(?:had\s+)?(?:organi[sz]ed|helped|led|defended|covered|reported|documented|"
    r"worked|supported|joined|took\s+part|campaigned)\b[^,.;]*|"
    r"\b(?:who|whom)\s+(?:(?:had|has|have)\s+(?:been\s+)?(?:\w+(?:ed|en|ing)|fought|fled|stood|"
    r"held|won|lost)|(?:was|were)\s+\w+ed)\b"
    r"[^,.;]*")
WHO_HAD = re.compile(_WHO_HAD, re.I)  # "who had organised ... protests": a victim's past
BACKSTORY = re.compile(
    r"\b(?:for|after)\s+having\s+\w+\b[^,.;]*|" + _WHO_HAD + "|"
    r"\bsaying\s+(?:that\s+)?(?:they|it)\s+had\s+\w+\b[^,.;]*|"  # "saying they had fought for
    # ISIS", a claim's "saying it had targeted Shiite militiamen"
    r"\b(?:more\s+than\s+|nearly\s+|almost\s+|over\s+)?(?:a|an|one|two|three|\d+)\s+(?:years?|"
    r"months?)\s+after\b[^.;]*|"  # "more than a year after the group overran it"
    r",\s+as\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:hit|struck|fought)\s+back\b[^;]*|"
    r",\s+as\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:stepped\s+up|retaliated|loses|lost)\b[^;]*|"
    r"\bas\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:advanced|approached|closed\s+in|withdrew|retreated|"
    r"fled|pulled\s+back)\b|\bat\s+the\s+request\s+of\s+[^,.;]*|"
    r"\b(?:the\s+)?Iraqi\s+government(?=\s+(?:has\s+|had\s+)?(?:condemned|denounced|said|called|"
    r"described|summoned|declared|protested|critici[sz]ed)\b)|\bin\s+support\s+of\s+[^,.;]*|"
    r"\brecently\s+(?:recaptured|retaken|liberated|captured|seized)\s+by\b[^,.;]*|"
    r"\b(?:security\s+forces|(?:the\s+)?police|troops|(?:the\s+)?army|soldiers)\s+(?:later\s+|then\s+|"
    r"quickly\s+|also\s+|have\s+|had\s+)?(?:cordoned\s+off|sealed\s+off|arrived|rushed\s+to|"
    r"(?:launched|opened)\s+an\s+investigation|found\s+the\s+(?:burned|burnt|abandoned)\b)[^.;]*|\bsince\s+(?:it|they|the\s+[\w-]+)\s+(?:was|were|had\s+been)\s+(?:overrun|"
    r"captured|seized|taken|lost)\b[^,.;]*|\bafter\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+had\s+(?:withdrawn|pulled\s+"
    r"out|fled|left|retreated|been\s+(?:driven|pushed)\s+out)\b[^,.;]*|"
    r"\b(?:that|which)\s+(?:was|were|had\s+been)\s+(?:shelling|attacking|"
    r"firing\s+(?:on|at)|targeting|besieging)\b[^,.;]*|\b(?:before|until)\s+(?:[\w-]+\s+){0,3}(?:reinforcements|forces|"
    r"troops|police|patrols?|units)\s+(?:arrived|intervened|rushed|were\s+deployed)\b[^.;]*|"
    r"\b(?:before|while)\s+(?:withdrawing|retreating|fleeing|pulling\s+"
    r"(?:out|back))\b[^,.;]*|\b(?:after|following|since|over|against|condemn\w*|denounc\w*)\s+"
    r"(?:the|this|these|\w+day['’]s)\s+(?:[\w-]+\s+){0,2}(?:raids?|attacks?|strikes?|bombings?|killings?|assassinations?|"
    r"shelling|bombardment|offensive|operation|clashes|violence)\b",
    re.I,
)
# "The strike hit a small hospital ...": a sentence whose subject is the event just told.
SUBJECT_REFERENCE = re.compile(
    r"^\s*(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|bombings?|blasts?|"
    r"explosions?|raids?|ambush|assault|shelling|bombardment)\b(?!\s+(?:on|in|at|of)\b)")
# "rounded up and shot dead at least 17 civilians": the same people, one killing.
TAKEN_TO_BE_KILLED = re.compile(
    r"\b(?:rounded\s+up|abducted|kidnapped|seized|snatched|dragged\s+out|(?:took|dragged|pulled|"
    r"hauled)\s+(?:[\w'’-]+\s+){1,6}?(?:from|out\s+of)\s+(?:their|his|her)\s+[\w-]+)\s+and\s+"
    r"(?:then\s+)?(?:shot(?:\s+dead)?|killed|executed|beheaded|murdered|hanged)\b", re.I)
# "The clash lasted about an hour before the army regained control": how the event told ended.
LASTED_UNTIL = re.compile(
    r"^\s*(?:The|That)\s+(?:[\w-]+\s+){0,2}?(?:clash(?:es)?|fighting|battles?|gunfights?|firefights?|"
    r"attacks?|siege|standoff|dispute)\s+(?:lasted|continued|raged|went\s+on)\b[^.;]*?\b(?:before|until)\b",
    re.I)
# "The clinic strike followed a ground battle": the sentence tells of another event.
OTHER_EVENT_NEXT = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:followed|came|happened|occurred|preceded|was\s+the)\b")
# Nouns pointing back to one kind of event ("the bombing"), and the sub-event types they name.
REFERENCE_KINDS = re.compile(
    r"\bthe\s+(?:[\w-]+\s+)?(?:bombings?|blasts?|explosions?|air\s*strikes?|strikes?|shelling)\b|"
    r"\bthe\s+suicide\s+(?:bomber|attacker)s?\b", re.I)
_KINDS_NAMED = (
    (re.compile(r"suicide\s+(?:bomber|attacker)", re.I), frozenset({"Suicide bomb"})),
    (re.compile(r"bomb|blast|explosion", re.I),
     frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})),
    (re.compile(r"strike", re.I),
     frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})),
    (re.compile(r"shelling", re.I), frozenset({"Shelling/artillery/missile attack"})),
)


def kinds_named(noun: str) -> frozenset[str]:
    """The sub-event types a noun such as "the bombing" can stand for."""
    return next((kinds for pattern, kinds in _KINDS_NAMED if pattern.search(noun)), frozenset())


# "pounded villages on Saturday and again on Sunday": the same action on another day.
AGAIN = re.compile(r"\s+and\s+again\s+(?=(?:on|late|early|the|overnight)\b)", re.I)
# Words that report a protest ("to protest the violations" is a purpose, not one).
PROTEST_WORDS = (r"\b(?:gathered|assembled)\b(?=[^.]{0,120}\b(?:to\s+(?:protest|denounce|condemn|"
                 r"demand|call\s+for)|demanding|calling\s+for|chanting|in\s+protest))|"r"(?<!to\s)\bprotest(?:ed|ers|s|ing)?\b(?!\s+(?:note|letter|memo))|\bdemonstrat(?:ed|ions?|ors)\b|"
                 r"\brall(?:y|ied|ies)\b|\bmarch(?:ed|es)\b|\bsit-ins?\b|\bvigils?\b|\bchant(?:ed|ing)\b|"
                 r"\btook\s+to\s+the\s+streets\b|\bblock(?:ed|ing)\s+(?:[\w-]+\s+){0,2}(?:roads?|"
                 r"bridges?|highways?|streets?|entrances?)\b")
# What protesters do, as against the nouns that only name them.
PROTEST_ACT = re.compile(
    r"\b(?:gathered|assembled|protested|demonstrated|rallied|marched|staged|held\s+(?:a|their)|"
    r"took\s+to\s+the\s+streets|block(?:ed|ing)|chant(?:ed|ing)|took\s+part|join(?:ed)?|poured|returned\s+to|"
    r"flocked|converged|camped|stormed|set\s+fire|burn(?:ed|t|ing)|torched|threw|dispers\w+|"
    r"fired|tear\s*gas|opened\s+fire|clashed|protesting|demonstrating|rallying|marching)\b", re.I)
_BUILDINGS = (r"(?:offices?|headquarters|building|consulate|embassy|premises|studios?|homes?|"
              r"houses?|court(?:house)?|police\s+stations?|checkpoints?|posts?|outposts?|barracks|"
              r"bases?|prisons?|jails?|positions?|(?:shopping\s+)?malls?|hotels?|markets?)")
# Taking ground by force (storming a building is an attack or a riot, not a conquest).
_FORCED = (r"\b(?:overran|overrun|overruns|overrunning|stormed|storms|storming|routs?|routed|"
           r"sweeps?\s+(?:into|through)|swept\s+(?:into|through))\b"
           rf"(?!\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,3}}{_BUILDINGS}\b)")
_CAPTURE = (r"(?<!were\s)(?<!was\s)(?<!been\s)"  # "rifles were seized": a search's haul
            r"\b(?:seized|seizes?|seizing|captured|captures?|capturing|"
            r"(?:took|takes|taken|taking)\s+(?:full\s+|complete\s+|total\s+)?control|"
            r"took\s+over|takes\s+over|"
            r"fell\s+to|falls\s+to|(?:took|taken)(?=\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}"
            r"\s+from\b))\b"  # as timelines and headlines write it: "IS seizes"; "took Hawija from"
            r"(?!\s+(?:a\s+(?:quantity|number|cache)\s+of\s+|large\s+(?:amounts|quantities)\s+of\s+)?"
            r"(?:weapons|arms|ammunition|rifles|explosives|drugs|documents|cash|money)\b)")
SURRENDER = re.compile(r"\b(?:gave|give|giving)\s+themselves\s+up\b|\bturned\s+themselves\s+in\b|"
                       r"\bsurrendered\s+(?:to|at)\b", re.I)
# A mass grave or bodies found: their dead are taken for civilians unless told otherwise.
FOUND_BODIES = (r"\b(?:found|discovered|uncovered|unearthed|exhumed|exhuming),?\s+"
                r"(?:[\w'’,-]+\s+){0,4}?(?:mass\s+graves?|bodies|corpses)\b|"
                r"\bmass\s+graves?\b[^.;]{0,80}?\b(?:discovered|found|uncovered|unearthed)\s+"
                r"(?:on|in|by|a\s+day|two\s+days|last|earlier|yesterday|this|overnight)\b")
# ... and "a mass grave ..., discovered a day earlier by peshmerga"
RULES: tuple[TypeRule, ...] = tuple(sorted((
    _rule(r"\b(?:executed|massacred|beheaded|executions?)\b|\bmassacres?\b(?=[^.;]{0,80}\bcommitted\b)|"
          r"\bcommitted\s+(?:a|the|another)\s+(?:[\w-]+\s+)?massacre\b", V, "Attack", 90),  # "the
    # bloody massacre which the Daesh gangs committed in the village"
    _rule(r"(?<!\bof\s)(?<!\bthe\s)(?<!\bfor\s)(?<!\ba\s)(?<!\ban\s)\b(?:kidnapp\w+|abduct\w+|"
          r"snatch(?:ed|ing)|carried\s+off|took\s+away|led\s+away|"
          r"took\s+\w+\s+hostage|taken\s+hostage|(?:took|taken)\s+(?:[\w-]+\s+){0,4}?to\s+(?:an\s+)?"
          r"unknown\s+(?:location|destination|place)s?|(?:was|were|been)\s+taken\s+(?:away\s+)?by\s+"
          r"(?:[\w-]+\s+){0,2}?(?:men|gunmen|militiamen))\b", V,  # "was taken by masked men"
          "Abduction/forced disappearance", 85),
    _rule(r"\b(?:seizure|discovery|dismantling|defusing|confiscation)\s+of\s+(?:[\w'’,()-]+\s+){0,5}?"
          r"(?:launchers?|rockets?|weapons|arms|explosives?|IEDs?|bombs?|explosive\s+devices?|mines|"
          r"ammunition|caches?)\b", S, "Disrupted weapons use", 86),
    _rule(r"\b(?:found|finds?|discover(?:ed|s)?|seiz(?:ed|es)|defused|dismantled|confiscated|"
          r"uncover(?:ed|s)|foiled|"
          r"thwarted|intercepted|shot\s+down|downed),?\s+(?:[\w'’,()-]+\s+){0,5}?(?:launchers?|"
          r"rockets?|weapons|arms|explosives?|IEDs?|bombs?|explosive\s+devices?|mines|"
          r"ammunition|(?:suicide\s+)?vests?|belts?|caches?|drones?|plots?|launch\s+(?:pads?|"
          r"platforms?|sites?|rails?)|(?:suicide|bomb|"
          r"car\s+bomb|rocket|drone)\s+attacks?)\b", S,
          "Disrupted weapons use", 86),
    _rule(r"\b(?:drones?|rockets?|missiles?|projectiles?)\s+(?:[\w-]+\s+){0,3}?(?:were|was)\s+"
          r"(?:shot\s+down|intercepted|downed)\b", S, "Disrupted weapons use", 86),
    _rule(r"\b(?:seized|seizes?|captured|captures?|grabbed|intercepted)\s+(?:[\w'’-]+\s+){0,3}"
          r"(?:workers|men|civilians|volunteers?|medics?|activists?|doctors?|\d+-year-old|"
          r"people|engineers|farmers|shepherds|drivers|students|pilgrims|women|children|"
          r"journalists?|activists?|passengers|villagers|families)\b", V,
          "Abduction/forced disappearance", 86),
    _rule(r"\b(?:took|dragged|pulled|hauled)\s+(?:[\w'’-]+\s+){1,6}?(?:from|out\s+of)\s+(?:their|"
          r"his|her)\s+(?:homes?|houses?|beds?|cars?|vehicles?)\b", V,
          "Abduction/forced disappearance", 86),  # "gunmen took at least ten men from their homes"
    _rule(r"(?<!\bbe\s)(?<!\bbeing\s)\barrest(?:ed|s|ing)?\b", S, "Arrests", 87),  # not "demanding
    # that the killers be arrested"; "arrested ... and seized weapons" is one action
    # fighters giving themselves up at a checkpoint: arrests by whoever held it
    _rule(SURRENDER.pattern, S, "Arrests", 88),
    _rule(r"\b(?:detain(?:ed|s)?|rounded\s+up)\b", S, "Arrests", 83, when=STATE_FORCES),
    _rule(r"\bsuspects?\s+(?:were|was|had\s+been)\s+(?:detained|held|picked\s+up)\b", S, "Arrests",
          84),  # "the 11 suspects were detained in raids on houses": arrests, whoever made them
    _rule(r"\b(?:caught|captured|capturing|nabbed|apprehended)\s+(?:[\w'’-]+\s+){0,4}?(?:suspects?|"
          r"militants|members|fighters|terrorists|men|gunmen|jihadists|operatives|emirs?)\b", S,
          "Arrests", 87, when=STATE_FORCES),  # "we caught two Daesh men hiding among the displaced"
    _rule(r"\b(?:detained|rounded\s+up)\b", V, "Abduction/forced disappearance", 82),
    _rule(rf"\bopened\s+fire\b[^.;]{{0,90}}?\bon\s+(?:the\s+)?{_W}?(?:protesters|demonstrators|"
          rf"crowds?|mourners|marchers)|\bfired\s+(?:on|at|into)\s+(?:the\s+)?{_W}?(?:protesters|"
          rf"demonstrators|crowds?|mourners|marchers)\b|\blive\s+(?:fire|"
          rf"ammunition|rounds)\b|\b(?:protesters|demonstrators)\s+(?:were|was)\s+(?:shot|killed)\b|"
          rf"\b(?:killing|killed|shot)\s+{_W}{{0,3}}(?:protesters|"
          r"demonstrators)\b", P, "Excessive force against protesters", 80, when=PROTESTERS),
    _rule(r"\b(?:security\s+forces|police|troops|soldiers|guards)\s+(?:then\s+)?opened\s+fire\b",
          P, "Excessive force against protesters", 78, when=PROTESTERS),  # "took to the
    # streets, and security forces opened fire": on them
    _rule(rf"\b(?:shot\s+dead|gunned\s+down|killed|killing|shot)\s+{_W}{{0,4}}(?:protesters|"
          r"demonstrators)\b", P, "Excessive force against protesters", 80,
          when=STATE_SIDE),  # "security forces shot dead at least 25 demonstrators"
    _rule(r"\b(?:stormed|raided|cleared|burned|torched|dismantled)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?"
          r"(?:protest|sit-in)\s+(?:camps?|tents?|squares?|sites?)\b|\btear\s*gas\b|\bwater\s*cannons?\b|\bdispers(?:ed|e)\b(?!\s+(?:peacefully|quietly|without))|\brubber\s+bullets\b|\bbatons\b|"
          r"\b(?:fired|shot|shots)\s+(?:[\w-]+\s+){0,2}(?:in)?to\s+the\s+air\b|\bwarning\s+shots\b|"
          r"\bstun\s+grenades\b|\bbroke\s+up\b",
          P, "Protest with intervention", 79, when=PROTESTERS),
    _rule(r"\b(?:stormed|set\s+fire|setting\s+fire\s+to(?!\s+(?:tyres|tires))|torched|burned(?!\s+(?:tyres|tires))|clashed|"
          r"threw\s+(?:stones|rocks)|rioted|"
          r"attacked|ransacked|looted|set\s+(?!tyres|tires)(?:[\w-]+\s+){1,3}(?:alight|ablaze|on\s+fire)|"
          r"smashed|broke\s+into|forced\s+(?:their|its)\s+way\s+into|vandali[sz](?:ed|ing)|"
          r"tore\s+down)\b", R, "Violent demonstration", 81,
          when=PROTESTERS),
    _rule(r"\b(?:crowds?|protesters|demonstrators|mob)\s+(?:(?:that|who)\s+)?(?:was\s+|were\s+)?"
          r"(?:trying|attempting|tried|attempted)\s+to\s+(?:storm|set\s+fire|burn|torch|break\s+into|"
          r"force\s+(?:their|its)\s+way)\b",
          R, "Violent demonstration", 82),  # fired on "a crowd that was trying to storm" it
    _rule(r"\b(?:crowds?|protesters|demonstrators|mob)\s+(?:that|who)\s+had\s+(?:stormed|torched|"
          r"burned|ransacked|set\s+(?:fire|(?:[\w-]+\s+){1,5}(?:alight|ablaze|on\s+fire)))\b",
          R, "Violent demonstration", 82),  # fired on "crowds who had set the provincial
    # government headquarters ablaze": a riot
    _rule(r"\bpelt(?:ed|ing)\b|\bston(?:ed|ing)\b|\b(?:threw|throwing|hurled|hurling)\s+(?:[\w-]+\s+)?"
          r"(?:stones|rocks|bricks|petrol\s+bombs|fire\s*bombs|molotov\s+cocktails)\b|"
          r"\bmolotov\s+cocktails\b|\bpetrol\s+bombs\b", R, "Violent demonstration", 82),
    _rule(r"\bgun\s*(?:fights?|battles?)\b|\bshoot-?outs?\b|\bfire\s*fights?\b|"
          r"\b(?:exchang\w+|trad(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,4}fire\b|\bartillery\s+duels?\b|"
          r"\bexchanges?\s+of\s+(?:[\w-]+\s+){0,2}fire\b", B, "Armed clash", 76),
    _rule(r"\bsuicide\s+(?:car\s+|truck\s+|vehicle-borne\s+)?(?:bomb\w*|attacks?|attackers?|vests?|"
          r"belts?|drivers?|IEDs?)\b|\bSVBIEDs?\b|\bblew\s+"
          r"(?:himself|herself|themselves)\s+up\b", E, "Suicide bomb", 75),
    # Armed drones flown at bases, airports and towns are mostly unclaimed militia attacks.
    _rule(r"\bdrones?\s+(?:packed|laden|loaded|rigged)\s+with\s+explosives\b|"
          r"\b(?:(?:armed|explosives?-(?:laden|packed|rigged)|bomb-laden|booby-trapped|suicide)\s+)?"
          r"drones?\s+(?:attacks?|strikes?)\b|\b(?:armed|explosives?-(?:laden|packed|rigged)|"
          r"bomb-laden|booby-trapped|suicide)\s+drones?\b|"
          r"\b(?:a|an|one|two|three)\s+(?:small\s+|unidentified\s+|unmanned\s+)?drones?\s+"
          r"(?:struck|hit|crashed|slammed|exploded|targeted|attacked)\b",
          E, "Air/drone strike", 71, unclaimed=True),
    _rule(r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+"
          r"(?:(?:coalition|U\.?S\.?|American|precision|allied)\s+)?(?:air\s*)?strikes?\s+"
          r"(?:struck|hit|targeted|destroyed|engaged)\b", E, "Air/drone strike", 72),  # a release's
    # "Near Ramadi, six strikes struck five ISIL tactical units"
    _rule(r"\b(?:conducted|carried\s+out)\s+(?:(?:a|an|one|two|three|several|\d+)\s+)?"
          r"(?:[\w-]+\s+(?:and\s+)?){0,3}?strikes?\b|"  # "conducted necessary and proportionate
          r"\bprecision\s+strikes?\b|"  # strikes"; "U.S. forces struck 85 targets": from the air
          r"\b(?:U\.S\.|US|American|CENTCOM|[Cc]oalition)\s+forces\s+(?:struck|hit)\b",
          E, "Air/drone strike", 71),  # CENTCOM: "conducted a strike"
    _rule(r"\bair\s*(?:raids?|strikes?)\b|\bairstrikes?\b|\bwarplanes?\b|\bdrones?\b|\bjets\b|"
          r"\b(?:coalition|American|U\.?S\.?|Iraqi|Turkish|Iranian|Russian|military|fighter|war|"
          r"enemy)\s+planes?\b|\bplanes?\s+(?:struck|hit|bombed|pounded|targeted|attacked)\b|"
          r"\b(?:U\.?S\.?|American|coalition|Turkish|retaliatory)\s+(?:retaliatory\s+|precision\s+|"
          r"military\s+)?strikes?\b(?!\s+(?:group|force|team|package|capabilit\w+|plans?|options?))|"
          r"\baviation\b|\bgunships?\b|\bF-16s?\b|\b(?:F-15E?|F/A-18|F-35|B-52|B-1B?|A-10|"
          r"AC-130|MQ-9|MQ-1|CF-18)s?\b|\b(?:Reapers?|Typhoons?|Tornados?|Rafales?|Hornets?|"
          r"Predators?)\b|\b(?:Paveway|Hellfire|Brimstone)\b|"
          r"\baircraft\b|\bhelicopters?\b|\bbombed\b|\b(?:armed\s+)?UAVs?\b|"
          r"\bair(?:-supported)?\s+operations?\b", E, "Air/drone strike", 70),
    _rule(r"\bshell(?:ed|ing|s)\b(?!\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:houses|homes|buildings|cars|"
          r"vehicles|shops))|\bmortars?\b|\bartillery\b|\brockets?\b|\bmissiles?\b|"
          r"\bkatyushas?\b|\bindirect\s+fire\b", E, "Shelling/artillery/missile attack", 65),
    _rule(r"(?<!gas\s)(?<!stun\s)(?<!propelled\s)\b(?:hand\s+)?grenades?\b", E, "Grenade", 62),
    _rule(r"\bbombs?\b|\bbombings?\b|\bIEDs?\b|\bexplosive\s+devices?\b|\b(?:land)?mines?\b|"
          r"\bexplo(?:ded|sions?|des)\b|\bblasts?\b|\bdetonated\b", E,
          "Remote explosive/landmine/IED", 60),
    # Taking a place by force beats the other side's withdrawal ("overran Sinjar after the
    # peshmerga withdrew"); "took control ... after troops withdrew" is a handover.
    _rule(r"\b(?:stormed|storms?|storming|attacked|raided|overran|overrun)\s+(?:(?:a|an|the|two|three|"
          r"several)\s+)?(?:[\w-]+\s+(?:and\s+)?){0,3}?"
          r"(?:police\s+stations?|checkpoints?|posts?|outposts?|barracks|bases?|prisons?|jails?|"
          r"positions?|compounds?)\b", B, "Armed clash", 62, when=REBEL_SIDE),
    _rule(_FORCED, B, OVERTAKEN, 60, when=REBEL_SIDE),
    _rule(_FORCED, B, "Government regains territory", 59, when=STATE_SIDE),
    _rule(r"\b(?:moved|moving|deployed|deploying)\s+(?:in)?to\s+(?:[\w'’-]+\s+){0,3}?(?:positions|bases?|"
          r"areas?|posts|checkpoints|barracks)\s+(?:[\w-]+\s+)?(?:vacated|abandoned|left|evacuated)\s+"
          r"by\b", S, HANDOVER, 66),  # "Peshmerga units moved into
    # positions vacated by the Iraqi Army's 12th Division"
    _rule(NO_FIGHT_TOLD.pattern + r"|"
          r"(?<!were\s)(?<!was\s)(?<!been\s)\bhanded\s+over\b(?!\s+to\s+"
          r"(?:the\s+)?(?:competent|judicial|relevant|security)\s+authorit)|\bhand(?:ed|s)\s+(?:[\w,'’-]+\s+){1,6}"
          r"(?:over\s+)?to\s+(?:the\s+)?(?:iraqi|kurdish|peshmerga|federal|local)\b", S,
          HANDOVER, 58),
    _rule(r"(?<!\bthe\s)(?<!\bto\s)\bwithdr[ae]w\w*(?!\s+(?:his|her|their|its)\s+(?:support|candidac\w+|nomination|"
          r"resignation|request|bill))|\bpulled\s+(?:out|back)\b|(?<!\ban\s)\babandon(?:ed|ing)\b|"
          r"\bleft\s+(?:their|its)\s+positions\b", S,
          HANDOVER, 57, when=NO_FIGHT),
    _rule(r"\bblew\s+up\s+(?:a|an|the|two|three|several|\w+'s)\s+(?:[\w-]+\s+){0,2}(?:bridges?|"
          r"buildings?|houses?|homes?|schools?|mosques?|shrines?|churches|church|hospitals?|"
          r"pipelines?|power\s+\w+|stations?|offices?|dams?)\b", S,
          "Looting/property destruction", 57),
    _rule(rf"\b(?:reclaimed|recaptured|recaptures?|retook|retakes?|retaken|liberated|regained|"
          rf"cleared|took\s+back|takes\s+back|"
          rf"taken\s+back|won\s+back|wrested|"
          rf"retaking|recapturing|reclaiming|liberating)\b|"
          rf"\b(?:announc\w+|declar\w+)\s+the\s+(?:full\s+|complete\s+)?(?:liberation|recapture)"
          rf"\s+of\b|\bpush(?:ed|ing)\s+{_W}{{0,4}}out\s+of\b|\b(?:drove|driving|drive)\s+{_W}{{0,4}}"
          rf"(?:out|from)\b|\bbr(?:oke|eaking)\s+{_W}{{0,4}}siege\b|"
          rf"\bfreed\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:villages?|towns?|districts?|areas?|"
          rf"neighbou?rhoods?|city)\b", B,  # "freed the villages of Tiz Khirab, Barima ..."
          "Government regains territory", 56, when=STATE_SIDE),
    _rule(_CAPTURE, B, OVERTAKEN, 55, when=REBEL_SIDE),
    _rule(_CAPTURE, B, "Government regains territory", 54, when=STATE_SIDE),
    _rule(r"\b(?:broke|breaking|lifted|lifting|ended|ending)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?"
          r"siege\b", B, REGAINED, 55),  # "entered Amerli, ending a siege"
    _rule(r"\b(?:pushed|pushing|advanced|advancing|moved|moving|swept|sweeping)\s+into\b(?=[^.;]{0,80}?"
          r"\b(?:rais(?:ed|ing)|hoist(?:ed|ing))\s+the\s+(?:Iraqi|national|Kurdish|Kurdistan)\s+"
          r"flag\b)", B, REGAINED, 54, when=STATE_SIDE),  # "pushed into the centre of Fallujah
    # today, raising the national flag over the main government building": taken
    _rule(r"\b(?:killed|killing|shot|gunned\s+down|murdered|attacked|stabbed|wounded|"
          r"wounding|assassinat\w+|slain|slew|lynched|tortured|fired\s+(?:on|upon)|"
          r"opened\s+(?:the\s+)?fire\s+(?:[\w-]+\s+){0,5}?(?:on|upon)|"  # "opened the fire from
          # the medium weapons upon the people", as a machine translates it
          r"hit\s+by\s+(?:[\w-]+\s+){0,2}(?:bullets|gunfire|shots))\b", V,
          "Attack", 52,
          when=CIVILIAN_VICTIMS),
    _rule(r"\b(?:stormed|storming|ransacked|ransacking)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}"
          r"(?:offices?|headquarters|building|consulate|embassy|premises|studios?|home|house|"
          r"court(?:house)?)\b", S, "Looting/property destruction", 61, when=NO_CIVILIAN_VICTIMS),
    # Fighting named as such is a battle even when bystanders die ("clashes killed five people").
    _rule(r"\bclash(?:ed|es|ing)?\b|\bfought\b|\bfight\b(?!\s+against)|"
          r"\bfighting\s+(?:broke\s+out|erupted|flared)\b|"
          r"\barmed\s+(?:disputes?|conflicts?|confrontations?)\b|\bskirmish(?:es|ed)?\b|"
          r"\b(?:tribal|clan)\s+(?:fights?|fighting|feuds?|conflicts?|disputes?)\b", B,
          "Armed clash", 53),
    _rule(r"\bclash(?:ed|es|ing)?\b|\bfought\b|\bfighting\b(?!\s+positions?)|\bbattl(?:es?|ed|ing)\b|\binfiltrated\b|"
          r"\brepelled\b|\battack(?:ed|s|ing)?\b|\bassault(?:ed|s)?\b|\bambush(?:ed)?\b|"
          r"\bfirefights?\b|\bexchanged\s+fire\b|\brepulsed\b|\bfoiled\b|\bthwarted\b|"
          r"\bbeat\s+back\b|\bfought\s+off\b|\bdrove\s+back\b|\bconfronted\b|\bhunted\s+down\b|"
          r"\bcornered\b|\b(?:tried|attempted|sought)\s+to\s+(?:storm|attack|infiltrate|overrun|"
          r"break\s+into)\b|(?<!launched\sa\s)\b(?:search|clearing|combing|military|security)\s+operations?\b|\bqualitative\s+operation\b|\bbesieg\w+|(?<!on\sthe\s)\boffensive\b|\badvanc(?:ed|ing)\b|"
          r"\bpushed\s+into\b|\bopened\s+fire\b|\braid(?:ed)?\b|\bneutrali[sz]ed\b", B,
          "Armed clash", 50),  # "forces had 'neutralised' four PKK militants": a fight
    _rule(r"\b(?:entered|moved\s+into|advanced\s+into|pushed\s+into|breached)\b|\bmoved\s+on\s+"
          r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:villages?|towns?|city|positions?|districts?|"
          r"neighbou?rhoods?|areas?)\b", B, "Armed clash", 49, when=STATE_SIDE),
    # Killing named with no weapon and no civilian victim: fighters killing fighters.
    _rule(r"\b(?:killed|shot|gunned\s+down|assassinated|sniper\s+fire)\b", B,
          "Armed clash", 45),
    _rule(r"\bstill\s+(?:controls?|holds?|occupies)\b|\bremains?\s+in\s+control\b|"
          rf"\b(?:remains?|is|are)\s+(?:still\s+)?under\s+{_W}{{0,3}}control\b", S, "Other", 40,
          per_place=True, present=True),
    _rule(r"\bblew\s+up\b|\bdynamit(?:ed|ing)\b|\bburn(?:ed|t)\b(?!-out|\s+(?:tyres|tires))|\btorched\b|"
          r"\b(?:set|setting)\s+fire\s+to\b|\b(?:set|setting)\s+(?!tyres|tires)(?:[\w'’-]+\s+){1,3}?"
          r"(?:on\s+fire|alight|ablaze)\b|\bdemolish\w+|"  # "setting the houses on fire"
          r"\bdestroyed\b|\blooted\b|\brazed\b|\bbulldozed\b", S, "Looting/property destruction",
          35),
    _rule(r"\bset\s+up\s+(?:a\s+)?(?:new\s+)?(?:base|headquarters|checkpoints?)\b|"
          r"\bestablished\s+(?:a\s+)?(?:new\s+)?(?:base|headquarters)\b", S,
          "Headquarters or base established", 30),
    _rule(PROTEST_WORDS, P, "Peaceful protest", 25),
    _rule(FOUND_BODIES, S, "Other", 91),
    _rule(r"\b(?:sign(?:ed|s)?|agree(?:d|s)?|reached|brokered)\b.*\b(?:ceasefire|truce|agreement|"
          r"deal)\b|\bagreed\s+(?:[\w-]+\s+){0,4}to\s+(?:pull\s+back|withdraw|hand\s+over|exchange|"
          r"end|halt|stop|cease|release|return)\b", S, "Agreement", 88),
    _rule(r"\b(?:arrested|detained|rounded\s+up)\s+(?:[\w-]+\s+){0,3}(?:protesters|demonstrators)\b",
          P, "Protest with intervention", 85),
), key=lambda rule: -rule.priority))

def crowd_violence(sentence: str) -> tuple[TypeRule, int] | None:
    """The riot rule and where its deed is told, when *sentence* tells of violence by a crowd
    whatever it is called ("Some climbed the wall and set fire to the booth")."""
    for rule in RULES:
        if rule.event_type == R and rule.when == PROTESTERS and \
                (deed := rule.pattern.search(sentence)):
            return rule, deed.start()
    return None


def answer_to_protest(sentence: str) -> TypeRule | None:
    """The protest rule for force used on a crowd, when *sentence* tells of it ("police fired
    tear gas to disperse them"), whoever the crowd is called."""
    for rule in RULES:
        if rule.event_type == P and rule.when == PROTESTERS and rule.pattern.search(sentence):
            return rule
    return None


PROTEST = re.compile(PROTEST_WORDS, re.I)
# Forces taking back a place a crowd held, just told ("Riot police cleared the airport").
CLEARED_OF_CROWD = re.compile(
    r"\b(?:riot\s+police|police|security\s+forces|troops|soldiers)\s+(?:then\s+|later\s+|finally\s+)?"
    r"(?:cleared|evicted|removed|regained\s+control\s+of|retook)\b", re.I)


# "in June 2014", "in 2014": a year the caller compares with the report's.
IN_YEAR = re.compile(
    r"\b(?i:in)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d\d)\b|"
    r"\b(?:the|its|their)\s+(?P<of>(?:19|20)\d\d)\s+(?=(?:[\w-]+\s+)?(?:onslaught|offensive|"
    r"assault|takeover|capture|fall|invasion|genocide|massacres?|campaign|sweep|blitz|advance|"
    r"rampage|occupation|siege|war|battle)\b)|"  # "in June 2014", "the 2014 onslaught",
    r"\bin\s+the\s+(?:summer|spring|autumn|fall|winter|beginning|end|middle|first\s+half|second\s+half)"
    r"\s+of\s+(?P<season>(?:19|20)\d\d)\b")  # "in the summer of 2014"
# Attacks on the coalition's troops and the bases hosting them ("a rocket attack on Ain al-Asad
# air base, which hosts US-led coalition troops").
COALITION_BASES = frozenset({"Ain al-Asad", "Harir"})
_US = r"(?:U\.?S\.?|US|American|coalition|(?:U\.?S\.?|US)-led\s+coalition)"
COALITION_TARGET = re.compile(
    rf"\b(?:on|against|targeting|targeted|at|hit|struck|approaching)\s+(?:the\s+)?{_US}\s+"
    r"(?:forces|troops|personnel|service\s*members|bases?|convoys?|positions|embassy)\b|"
    rf"\b(?:hosts?|hosting|housing|houses)\s+{_US}\s+(?:forces|troops|personnel)\b|"
    rf"\bwhere\s+{_US}\s+(?:forces|troops)\s+are\s+(?:stationed|based|deployed)\b|"
    r"\bErbil\s+(?:International\s+)?(?:airport|air\s*base)\b|"  # the coalition's base
    r"\bconvoys?\s+(?:carrying|transporting)\s+(?:[\w-]+\s+){1,3}?(?:for|to)\s+(?:the\s+)?"
    rf"(?:international\s+)?{_US}(?:\s+forces|\s+troops)?\b", re.I)  # its supply convoys
# Rockets at Turkey's bases in Iraq ("two rockets landed near the Turkish military base at
# Zilkan"): Turkey is the target, the author whoever the report names, else unidentified.
FOREIGN_BASE_TARGET = re.compile(
    r"\b(?:on|at|near|targeting|targeted|hit|struck)\s+(?:[\w-]+,\s+)?(?:the\s+|a\s+)?Turkish\s+"
    r"(?:military\s+|army\s+)?(?:base|camp|post|outpost)s?\b|"  # "targeted Zilkan, a Turkish base"
    r"\bZilkan\s+(?:military\s+)?(?:base|camp)\b", re.I)  # Turkey's base near Bashiqa
# Where a bomb's victims are the public: "inside a crowded cafe", "as families were shopping".
CROWDED_PLACE = re.compile(
    r"\b(?:crowded|busy|packed)\s+(?:[\w-]+\s+)?(?:cafe|café|coffee\s*shop|market|restaurant|street|"
    r"square|mosque|shopping|bus\s+station)|\b(?:shoppers|worshippers|mourners|families\s+were|"
    r"wedding\s+guests|passers-?by)\b|\b(?:cafe|café|coffee\s+shop|restaurant|liquor\s+(?:shop|store)|"
    r"vegetable\s+market|marketplace)\b", re.I)
# A rights group's lead, summing up what its report then tells case by case ("Shia militia
# members abducted and killed Sunni residents ..., Human Rights Watch said today").
RIGHTS_LEAD = re.compile(
    r"\b(?:Human\s+Rights\s+Watch|Amnesty(?:\s+International)?|UNAMI|OHCHR|the\s+(?:organi[sz]ation|"
    r"rights\s+group|monitor|Observatory|Commission|Office|Mission))\s+(?:said|says|found|"
    r"documented|reported)\s+(?:today|in\s+(?:a|its)\s+(?:new\s+)?(?:report|statement|briefing))\b")
# "The group claimed the attack the next day": a claim of an event told already, no new one.
CLAIM_OF_TOLD = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|adopted)\s+(?:responsibility\s+for\s+)?(?:the|that|this|both|these|"
    r"those)\s+"  # a machine translation's "adopted the attack" is a claim of it
    r"(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|blasts?|strikes?|killings?|ambush|assault|raids?|"
    r"explosions?)\b(?!\s+(?:that|which|on|near|at)\b|\s+in\s+(?![a-z]+\s+(?:statement|post|"
    r"message|video)))", re.I)  # not "claimed the attack in Tarmiya", but "... in a statement"
# "IS said in a statement that one of its fighters had carried out the attack": who claims it.
CLAIMED = re.compile(
    r"\b(?:claimed|claims|claiming|adopted|adopts)\s+(?:responsibility|(?:the|that|this|these|both)\s+"
    r"(?:[\w-]+\s+)?(?:attacks?|bombings?|blasts?|strikes?|killings?|ambush|assault|raids?|"
    r"explosions?))\b|"
    r"\b(?:said|says|announced|stated|admitted)\b[^.;]{0,80}?\b(?:had\s+|has\s+)?(?:carried\s+out|"
    r"was\s+behind|were\s+behind|(?:was|were)\s+responsible\s+for)\s+(?:the|that|a)\b|"
    r"\b(?:said|says|announced|stated)\b[^.;]{0,80}?\bthe\s+(?:attack|bombing|blast)\s+(?:had\s+)?"
    r"targeted\b", re.I)
# The army itself, not "Iraqi forces" or "security forces" that a report then names as others.
ARMY_NAMED = re.compile(
    r"\b(?:army|soldiers?|military(?!\s+(?:officers?|sources?|spokesm[ae]n|officials?|statement)\b)|"
    r"(?<!Response\s)divisions?|brigades?|armou?red|Humvees?|tanks?|"
    r"F-16s?|air\s+force|jets|warplanes|helicopters?|artillery|(?<!service\s)(?<!police\s)troops"
    r"(?!\s+(?:from|of)\s+the\s+(?:elite\s+)?(?:federal|counter|interior|rapid|special|golden))|"
    r"servicemen|conscripts)\b(?!\s+(?:base|medic))",
    re.I)
# "Elsewhere in Anbar, a suicide bomber ...": an attack away from the fighting the report is about.
ELSEWHERE = re.compile(
    r"(?:Elsewhere|Separately|Meanwhile|Closer\s+to|Further\s+\w+|In\s+(?:another|a\s+separate)|"
    r"In\s+[A-Z][\w-]+\s+province)\b")
# "An armed tribal conflict left two dead": the clans fought, whether or not the report names them.
CLAN_FIGHT = re.compile(r"\b(?:tribal|clan)\s+(?:fights?|fighting|feuds?|conflicts?|disputes?|"
                        r"clash(?:es)?)\b|\b(?:two\s+)?rival\s+(?:tribes|clans)\b", re.I)
# "IEDs planted by the remnants of Daesh": who laid the bombs found takes no part in finding them.
PLANTED_BY = re.compile(r"\b(?:planted|left|laid|hidden)\s+by\b", re.I)
# Iraq's own aircraft, or a strike flown with them: the army takes part in a foreign air strike.
IRAQI_AIRCRAFT = re.compile(
    r"\bIraqi\s+(?:and\s+(?:[\w-]+\s+)?coalition\s+|[\w-]+\s+)?"
    r"(?:jets?|warplanes?|aircraft|F-16s?|helicopters?|air\s+force|drones?)|\barmy\s+(?:aviation|helicopters?)|\bjoint\s+(?:air\s*)?strikes?|"
    r"\b(?:Iraqi|army)\s+(?:[\w-]+\s+){0,3}(?:positions?|checkpoints?|convoy|base|troops)\s+"
    r"(?:were|was)\s+(?:hit|struck|targeted)", re.I)
# What people own, so that its destruction has civilians among its actors (not bridges, oil
# wells or a party's headquarters).
OWNED_PROPERTY = re.compile(
    r"\b(?:homes?|houses?|shops?|stores?|mosques?|churches|shrines?|orchards?|farms?|fields|"
    r"businesses|markets?|cars|vehicles|offices\s+of\s+(?:Kurdish|the\s+two)|(?:TV|television)\s+"
    r"(?:channel|station)s?|channels?)\b", re.I)
# Whose soldiers fight the PKK in a report of Turkey's war ("the Turkish Defence Ministry said one
# soldier was killed in a clash"), unless the report names Iraq's; Ankara's own reports call its
# dead soldiers martyred.
TURKISH = re.compile(r"\bT(?:urk(?:ish|ey)|[uü]rkiye)\b")
MARTYRED = re.compile(r"(?i:\bmartyr(?:ed|dom)\b)|\bmartyrs?\b")  # not the "Martyrs Foundation"
IRAQI_TROOPS = re.compile(r"\bIraqi\s+(?:army|soldiers?|troops|forces|military)\b", re.I)
# What comes before a group named as firing what a sentence tells ("mortar rounds fired from
# Hashd positions", "rockets launched by Iran-backed factions"): that group is the author.
FIRED_BY = re.compile(
    r"\b(?:fired|launched|lobbed|shot|flown|sent)\s+(?:by|from)\s+(?:(?:the|a|an|its|their)\s+)?"
    r"(?:[\w'-]+\s+){0,2}$", re.I)
# "Unknown gunmen", "the attack is unattributed": not the group the report is about.
UNKNOWN_AUTHOR = re.compile(
    r"\b(?:unknown|unidentified)\s+(?:militants|fighters|attackers|assailants|insurgents|gunmen|"
    r"men)\b|\bunattributed\b|\b(?:no\s+(?:group|one)|nobody)\s+(?:has\s+|immediately\s+)?"
    r"claimed\b",
    re.I)
# Criminals ("an armed gang of drug smugglers"): no insurgent group, whatever the report is about.
CRIMINALS = re.compile(
    r"\b(?:(?:drug|arms|fuel|oil|cattle)\s+)?(?:smugglers|dealers|traffickers)\b|\bcriminal\s+"
    r"(?:gangs?|networks?)\b|\boutlaws\b|\bkidnapping\s+gangs?\b|\b(?:thieves|robbers)\b", re.I)
# "in northern Iraq": a part of the country, no scene to inherit.
SOMEWHERE_IN_IRAQ = re.compile(
    r"\bin\s+(?:the\s+)?(?:north|south|east|west|centre|center|central)(?:ern)?"
    r"(?:[\s-]+(?:west|east)(?:ern)?)?\s+(?:of\s+)?Iraq\b|"
    r"\bin\s+Iraq\s+and\s+Syria\b|\bin\s+Syria\s+and\s+Iraq\b", re.I)  # "85 targets in Iraq
# and Syria": the next sentences say where in Iraq
# "in June last year", "at the end of last March", "a year ago": before the report's own days.
LAST_YEAR = re.compile(
    r"\b(?:last|the\s+previous)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b|\blast\s+(?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December)\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
# "in August" with no day or year: a month the caller compares with the report's.
IN_MONTH = re.compile(
    r"\b(?:in|(?:at|by)\s+the\s+(?:end|start|beginning|middle)\s+of)\s+(?:early\s+|late\s+|mid-)?"
    r"(?P<month>January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?!\s*\d)(?!,?\s+(?:19|20)\d\d)")


def month_number(name: str) -> int:
    """1 for "January"."""
    return _MONTHS.index(name.lower()) + 1


# "Hours earlier, gunmen fired on a car carrying two other activists": another incident.
SEPARATE_INCIDENT = re.compile(
    r"\b(?:hours|minutes)\s+(?:earlier|later)\b|\b(?:two|three|four|five|\d+)\s+other\b|"
    r"\bin\s+a\s+separate\b|\bseparately\b|"
    r"^(?:[^,]{0,60},\s+)?(?:an?|another)\s+(?:[\w-]+\s+){0,2}(?:bomb|blast|explosion|bomber|"
    r"rocket|mortar\s+round|drone|grenade|IED)\b", re.I)  # "In Dora, a bomb went off ..."
# "At least 42 people were killed across Iraq on Friday": a total, no event, but it dates the
# report's events.
NATIONWIDE = re.compile(
    r"\bthroughout\s+the\s+country\b|\bacross\s+(?:the\s+country|Iraq|the\s+south|the\s+north|"
    r"the\s+region)\b|\bnationwide\b")
# "the city's outskirts": the city the report is about, not a misspelt town elsewhere.
THE_CITY = re.compile(r"\bthe\s+city(?:'s|’s)?\b")
THE_TOWN = re.compile(r"\bthe\s+(?:town|city|village|district)(?:'s|’s)?\b")
FORECAST = re.compile(r"\b(?:will|would|could|may|might|expects?|expected)\b")
# "Iraqi troops ... fought Kurdish peshmerga fighters": the Kurds are the other side, not IS.
AGAINST_KURDS = re.compile(
    r"\b(?:fought|fighting|clash(?:ed)?\s+with|clashes\s+with|battled|battle\s+with|attacked|"
    r"exchanged\s+fire\s+with)\s+(?:the\s+)?(?:Kurdish\s+)?(?:peshmerga|Kurdish\s+(?:forces|fighters))|"
    r"\b(?:peshmerga|Kurdish\s+(?=fighters|forces|units|troops))(?:\s*(?:fighters|forces|units|troops))?"
    r"\s+and\s+[^.;]{0,80}?\b(?:clashed|"
    r"exchanged\s+(?:[\w-]+\s+){0,4}?fire)\b(?!\s+(?:with|on|at)\b)",  # "peshmerga fighters and
    re.I)  # units of the Hashd ... exchanged artillery and machine-gun fire": with each other
# "in eastern Syria": a scene outside Iraq, outside the log.
ABROAD = re.compile(
    r"\bon\s+the\s+(?:Syrian|Iranian|Turkish|Jordanian)\s+side\s+of\s+the\s+border\b|"
    r"\b(?i:in|inside|into|across\s+the\s+border\s+in)\s+(?:(?:north|south|east|west)"
    r"(?:-?(?:east|west))?ern\s+)?(?:Syria|Iran|Turkey|Jordan|Kuwait|Saudi\s+Arabia|Lebanon|"
    r"Israel|Yemen|Gaza)\b|^(?:Syria|Iran|Turkey|Jordan|Kuwait|Lebanon|Israel|Yemen|Gaza):\s|"
    r"\b(?i:in|inside|into)\s+(?:(?:Iran|Turkey|Syria)['’]s\s+)?(?:West\s+Azarbaijan|West\s+Azerbaijan|"
    r"Kermanshah|Ilam|Hakk[aâ]ri|[SŞ][iı]rnak|Mardin|Deir\s+ez-?Zor|Hasakah?|Raqqa|Idlib|Aleppo|"
    r"Kobani)\b")  # a release's "Syria" section; the neighbours' border provinces
# "The Turkish defence ministry said ... its troops": whose troops a possessive means.
POSSESSIVE = re.compile(r"\b(?:its|their|our)\s+$", re.I)
FOREIGN_SPEAKER = re.compile(r"\b(Turk(?:ish|ey)\b|Iran(?:ian)?\b|U\.S\.|US\b|American\b).{0,40}?"
                             r"\b(?:said|says|announced|claimed|stated)\b")
FOREIGN_FORCES = {"turk": "Turkish Armed Forces", "iran": "Iranian forces",
                  "u.s.": "US-led coalition", "us": "US-led coalition",
                  "amer": "US-led coalition"}


# "Sources said both were members of the PKK": the dead were fighters, not civilians.
IDENTIFIED = re.compile(
    r"\b(?:both|all|the\s+two|the\s+three|the\s+dead|the\s+victims|they)\s+(?:men\s+)?were\s+"
    r"(?:\w+\s+)?(?:members|fighters|militants|commanders|operatives)\s+of\b", re.I)
# "killing two people the Turkish defence ministry described as PKK militants": no civilians.
DESCRIBED_AS_FIGHTERS = re.compile(
    r"\b(?:described|identified|named)\s+as\s+(?:[\w'’()-]+\s+){0,6}?(?:militants|members|"
    r"fighters|commanders|operatives|cadres?)\b|\bthe\s+(?:two|three|four)\s+dead\s+were\s+"
    r"(?:members|fighters|militants)\b", re.I)
# The verbs that report speech, for who said it.
SPEECH = re.compile(r"\b(?:said|says|announced|reported|stated|told)\b")
# "killed the bomber before he could detonate": a past event, whatever the modal says.
PAST_MODAL = re.compile(r"\b(?:before|until|so\s+that)\s+(?:he|she|they|it)\s+could\b", re.I)
# "..., in one of the bloodiest days since the protests began": a comparison, not a total;
# "... with militants who had held it since 2014": what they had done, not what they did.
SINCE_ASIDE = re.compile(
    r"\b(?:in\s+)?(?:one\s+of\s+)?the\s+(?:\w+est|worst)\s+(?:[\w-]+\s+){0,3}?since\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,4}?(?:began|started|erupted|broke\s+out)|start|beginning)\b[^.;]*|"
    r"\b(?:who|which|that)\s+(?:had|have|has)\s+(?:[\w'’,-]+\s+){1,6}?since\s+(?:(?:[\w-]+\s+)?"
    r"(?:19|20)\d\d|(?:early\s+|late\s+|mid-)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December))\b[^.;]*|"  # "... who had clung to the city
    # since early 2014", "which ISIS has held since June"
    r"\b(?:that|which)\s+(?:has|had|have)\s+(?:[\w'’-]+\s+){1,8}?since\s+(?:the\s+)?[\w-]+\s+(?:swept|"
    r"overran|seized|took|captured|stormed)\b[^.;]*|"  # "that has changed hands since IS swept"
    r"(?:,\s+(?:in\s+)?|\s+in\s+)(?:one\s+of\s+)?the\s+(?:most\s+\w+|\w+est|worst|first)\s+"
    r"(?:[\w'’-]+\s+){0,5}?"
    r"since\b[^.;]*|"  # ", the most significant victory ... since the extremists swept"
    r"\bsince\s+(?:the\s+)?(?:fall|capture|loss|liberation|recapture)\s+of\b[^,.;]*|"  # "the
    # biggest blow to Baghdad since the fall of Mosul nearly a year ago"
    r"\bfor\s+the\s+first\s+time\s+since\b[^.;]*|"  # "raising the flag ... for the first time
    # since the city fell to Isis in January 2014"
    r"(?:,|(?<=\w))\s+the\s+(?:latest|last|third|fourth|fifth|\w+th)\s+(?:[\w-]+\s+)?(?:in|of)\s+an?\s+"
    r"(?:string|series|spate|wave|spree|run)\s+of\b[^.;]*", re.I)  # ", the latest in a string of"


# What a relative clause says of the people in a report, stripped before judging it: "suspects
# who they said were planning attacks" (the arrest is news, the plan is not).
# "after 15 months of occupation and more than a year of bombing": a span, no event of its own.
DURATION_ASIDE = re.compile(
    r"(?:\b(?:after|following|during|over|despite)\s+)?(?:(?:more\s+than|nearly|almost|about|some)\s+)?"
    r"(?:[\w-]+\s+)?\b(?:months|years|weeks|year|month)\s+of\s+(?:[\w-]+\s+)?(?:bombing|"
    r"bombardment|shelling|fighting|occupation|war|siege|air\s*strikes|strikes|clashes)\b", re.I)
# What a clause says in passing of a deed's consequences, aims, surroundings or motives, cut
# before the clause is judged: no deed of its own, and no side of the deed told.
TOLD_IN_PASSING = re.compile("|".join((
    # ", raising fears they could flood cities downstream": what the deed made people fear
    r",\s+(?:raising|sparking|stoking|fuell?ing|prompting)\s+(?:[\w-]+\s+)?(?:fears|concerns|"
    r"worries|alarm)\b[^.;]*",
    # ", in the most striking sign yet of the anger against Tehran and its militias"
    r"(?:,|(?<=,[\"”]))\s+in\s+(?:the\s+|a\s+)?(?:most\s+\w+|latest|clearest|strongest|starkest|"
    r"first)\s+sign\b[^.;]*",
    # ", undermining PM Abadi's strategy of relying on the coalition, army and Sunni tribes"
    r",\s+(?:undermining|dealing\s+a|delivering\s+a)\b(?:[^.;]|(?<=\b[A-Z])\.)*",
    # "Tal Afar, which is expected to be the next target of the ground campaign"
    r",\s+(?:which|who)\s+(?:is|are)\s+(?:expected|likely|due|set|tipped)\s+to\b[^.;]*",
    # "a week into a government offensive to recapture the city": what it is for
    r"\b(?:offensive|operation|campaign|push|drive)\s+to\s+(?:retake|recapture|liberate|capture|"
    r"seize|free)\b[^,.;]*",
    # "its fighters in Mosul, where Iraqi and Kurdish forces are advancing": the scene now
    r",\s+where\s+[^,.;]*?\b(?:are|is|ha(?:s|ve)\s+been)\s+(?:still\s+)?\w+ing\b[^,.;]*",
    # "The protesters, furious over a Turkish air strike that killed civilians, broke in"
    r",\s+(?:furious|angry|angered|enraged|incensed|outraged)\s+(?:over|at|by|about)\s+"
    r"[^,.;]*(?=,)",
    # "Far from the fight against ISIS, Turkish warplanes struck PKK positions": another war
    r"^(?:Far|Away)\s+from\s+the\s+(?:fight|war|battle|front)\b[^,;]*,\s*",
    # a sit-in's ", calling on the government to put an end to the fighting": what it asked for
    r",\s+calling\s+on\s+(?:[\w'’()-]+\s+){1,12}?to\b[^.;]*",
)), re.I)
PAST_ASIDE = re.compile(
    r"\b(?:which|that)\s+(?:[\w-]+\s+){1,3}?(?:retook|recaptured|captured|seized|liberated|took)\b"
    r"[^,.;]*?\b(?:ago|earlier)\b|"  # "the Yarmouk district, which Iraqi forces retook months ago"
    r"\bfrom\s+which\b[^.;]*|"  # "Sulaiman Bek, a town from which mortars had been fired"
    r"\bin\s+(?:apparent\s+|possible\s+|an\s+apparent\s+)?(?:retaliation|revenge|reprisal)\s+for\s+"
    r"(?:the|a|an)\s+[^,.;]*|"  # what it answered
    r"\b(?:were|was)\s+(?:a\s+)?(?:retaliation|revenge|reprisal)\s+for\s+the\s+[^,.;]*|"  # "which
    # Washington said were retaliation for the Erbil attack": the attack told before
    r"\b(?:who|whom)\s+(?:[\w'’-]+\s+){0,3}?(?:were|was|are|is|had\s+been)\s+(?:planning|"
    r"plotting|preparing|accused|suspected|wanted)\b[^,.;]*?"
    r"(?=\s+(?:were|was|had\s+been|have\s+been)\s+\w+(?:ed|en)\b|[,.;]|$)|"  # not the main verb
    r"\b(?:who|which|that)\s+(?:(?:have|has|had)\s+)?(?:long\s+|previously\s+)?(?:fought|battled|"
    r"served|sided)\s+(?:alongside|with)\b[^,.;]*", re.I)  # "tribes that fought alongside the army"
# "... believed to have been executed by ISIS in 2015": the year of a past told of what was found.
PAST_YEAR = re.compile(
    r"(\b(?:believed|thought|said|reported)\s+to\s+have\s+been\s+[^,.;]*?)\s+in\s+(?:19|20)\d\d\b",
    re.I)
# Sentences that judge, describe a state or tally rather than tell an act: an analyst's hedge
# ("likely reflects", "we assess that"), what was done "at the time", "no interest in fighting",
# "protesters who have occupied squares since October", a toll that "brings to 21 the number",
# what officials "are prepared to" do, detainees who "remain unaccounted for", grenades
# "manufactured in" a country.
_STATES_AND_JUDGEMENTS = (
    r"\blikely\s+(?:reflects?|intended|seeks?|aims?|indicates?|signals?|designed)\b|"
    r"\b(?:we\s+)?assess(?:es|ed)?\s+that\b|\bat\s+the\s+time\s*[.,;]|"
    r"\bno\s+(?:interest|intention|plans?|desire|wish)\s+(?:in|to|of)\b|"
    r"\bwho\s+(?:have|has)\s+(?:[\w-]+\s+){1,10}?since\s+(?:early\s+|late\s+|mid-)?(?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d)|"
    r"\bbrings?\s+to\s+\d[\d,]*\s+the\s+(?:number|total|toll)\b|"
    r"(?<!that\s)(?<!which\s)\b(?:is|are|was|were)\s+prepared\s+to\b|"
    r"\bremains?\s+(?:unaccounted|missing|displaced)\b|"
    r"\b(?:were|was)\s+(?:manufactured|made|produced)\s+in\b")
# "The Muqdadiya attack was one of two deadly bombings on Monday": a count of events told.
ONE_OF_SEVERAL = (r"\b(?:was|is)\s+one\s+of\s+(?:two|three|four|several|many|\d+)\s+(?:[\w-]+\s+)?"
                  r"(?:attacks|bombings|blasts|strikes|explosions)\b")
COUNTS_EVENTS = re.compile(ONE_OF_SEVERAL)
# Clauses that forecast, plan, generalise or judge rather than report.
NOT_REPORTED = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|must|can)\b|"
    r"\bhad\s+been\s+used\s+(?:as|for)\b|"  # a town's past
    r"\b(?:has|have|had)\s+long\s+(?:blamed|accused|suspected|held|argued|said)\b|"
    r"\b(?:were|was|had\s+been)\s+(?:\w+\s+){1,6}?for\s+(?:many\s+|several\s+)?(?:weeks|months|"
    r"years|decades)\b|"  # "the
    # place from which car bombs were sent to Baghdad for years": a habit, no event
    r"\b(?:has|have)\s+claimed\s+(?:a\s+)?(?:string|series|spate|number|wave)\s+of\b|"  # a record
    + ONE_OF_SEVERAL + "|"
    r"\b(?:was|were|is|are)\s+still\s+(?:up|there|standing|visible)\b|"  # "the mourning tents
    # were still up on Friday": the aftermath (not "still smouldering ..., after they stormed it")
    r"\bto\s+hide\s+from\s+(?:[\w-]+\s+)?(?:aircraft|drones|planes|warplanes|jets)\b|"  # torching
    # tires "to hide from surveillance aircraft"
    r"\b(?:are|is)\s+taking\s+part\s+in\b|"  # "The Peshmerga are taking part in the offensive"
    r"\b(?:has|have)\s+(?:stepped\s+up|intensified|escalated)\b|"  # "The group has stepped up
    # bombings in the capital": a trend
    r"\b(?:an\s+)?end\s+to\s+the\s+(?:fighting|violence|clashes|attacks|shelling|strikes|war)\b|"
    r"\bdeclared\s+(?:[\w-]+\s+){0,2}?victory\b|"  # "has formally declared victory over ISIL"
    r"\b(?:a|one|two|three|four|five|\d+)\s+years?\s+ago\b|"  # "were pushed out of the province a
    # year ago": the backdrop
    r"\baccused\s+(?:[\w.-]+\s+){1,4}?of\s+(?:abandoning|betraying|deserting)\b|"  # "accused
    # Washington of abandoning an ally": a reproach
    r"\b(?:has|have)\s+been\s+(?:conducting|carrying\s+out|waging|mounting)\s+(?:[\w-]+\s+)?"
    r"(?:operations|campaigns?|attacks|strikes|raids)\b|"  # "Turkey has been conducting
    # military operations against PKK militants": a campaign, not an event
    r"\b(?:keep|keeping|prevent|preventing|stop|stopping)\s+(?:[\w-]+\s+){1,3}?from\s+(?:fighting|"
    r"attacking|clashing|striking)\b|"  # "to keep the two from fighting it out on Iraqi soil"
    r"\b(?:were|was|are|is)\s+clearing\s+(?:[\w-]+\s+){0,2}(?:bombs|mines|explosives|IEDs)\b|"
    r"\b(?:has|have)\s+(?:been\s+)?(?:fought|fighting|battled|battling|clashed|protesting|"
    r"demonstrating|rallying)\b[^.;]*?\bfor\s+"
    r"(?:(?:several|many|two|three|four|five)\s+)?(?:days|weeks|months|years)\b|"  # "The tribe
    r"\b(?:is|are)\s+being\s+fought\b|\bto\s+do\s+(?:its|their|the)\s+fighting\b|"  # has fought
    r"\bdoing\s+(?:much\s+of\s+|most\s+of\s+)?the\s+(?:heavy\s+lifting|fighting)\b|"  # for weeks"
    r"(?<!\bthat\s)(?<!\bwhich\s)\b(?:have|has)\s+(?:[\w-]+\s+)?(?:killed|wounded|injured|displaced|claimed\s+the\s+lives)\b"
    r"[^.;]{0,60}\bsince\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|\d{4}|the\s+(?:start|beginning|uprising|protests))\b|(?<!over\s)(?<!about\s)"
    r"(?<!against\s)\b(?:plans?|aims?|expects?|"
    r"expected|vowed|pledged|hopes?)\s+to\b|\bexpects?\b|\bgoal\b|\bneeds?\b|\bfears?\b|\bafraid\s+of\b|"
    r"\bcall(?:ed|s)\s+(?:for|on)\b|" + _STATES_AND_JUDGEMENTS + "|"
    r"\b(?:more\s+than|over|at\s+least|some|nearly|about)\s+\d[\d,]*\s+times\b|"  # a tally
    r"\b(?:has|have)\s+(?:suffered|endured|witnessed|faced|seen|been)\b[^.;]{0,40}?\bfor\s+"
    r"(?:many\s+)?(?:years|decades)\b|"  # "has suffered for years from Daesh attacks"
    r"\b(?:commanded|led|served|fought)\s+(?:[\w-]+\s+){0,4}?in\s+the\s+(?:battle|fight|war|"
    r"offensive|campaign)\s+(?:for|of|against)\b|"  # a guest's career: "commanded a brigade in
    # the battle for west Mosul"
    r"\b(?:put|puts|putting)\s+the\s+(?:total\s+|overall\s+)?(?:number|toll|death\s+toll|figure)\b|"
    r"\b(?:appears?|appeared|purports?|purported|claims?)\s+to\s+show\b|"  # posted images
    r"\b(?:suspend|suspends|suspending|suspended|halt|halts|halting|halted)\s+(?:its\s+|their\s+|"
    r"all\s+)?(?:[\w-]+\s+)?(?:operations|attacks|strikes)\b|"  # "suspending military operations"
    r"\b(?:have|has)\s+(?:[\w-]+\s+)?(?:fought|served)\s+(?:with|in|alongside)\b[^.;]{0,40}?"
    r"\bsince\b|"  # "You have fought with the Hashd since the fatwa": a career again
    r"\b(?:weapons|arms|equipment|ammunition)\s+to\s+(?:fight|combat|confront|battle)\b|"  # asked
    # for "heavier weapons to fight the militants": no fight yet
    r"\b(?:asked|requested|urged)\s+(?:[\w.-]+\s+){0,4}?to\s+(?:carry\s+out|launch|conduct|"
    r"send|provide)\b|"  # "asked the United States to carry out air strikes": no strike yet
    r"\b(?:ask(?:ing|s|ed)?|wonder(?:ing|s|ed)?)\s+why\b|"
    r"\bsentenc(?:ed|es|ing)\s+(?:[\w-]+\s+){0,6}?to\s+(?:death|life|\d+|[a-z]+\s+years)|"  # court
    r"\b(?:was|were|been|being)\s+(?:sentenced|convicted|acquitted)\b|"  # judging a deed done
    r"\bconvicted\s+(?:him|her|them|[\w-]+\s+(?:men|suspects|defendants))\b|"
    r"\b(?:more\s+than|over|at\s+least|some)\s+[\d,]+\s+(?:[\w-]+\s+){0,2}(?:arrested|detained|"
    r"killed)\b[^.;]{0,60}\bsince\b|"  # "more than 1,200 people arrested ... since January"
    r"\bin\s+the\s+past\b(?!\s+(?:[\w-]+\s+)?(?:week|month|day|year|hours?|days|weeks|months|24))|"
    r"^(?![^.;]*\b(?:struck|strikes?|bombed|hit|destroy\w*|pounded|killing)\b)[^.;]*"  # aid
    r"\b(?:dropped|airdropped|delivered)\s+(?:[\w-]+\s+){0,2}(?:food|water|aid|supplies|leaflets|"
    r"humanitarian)\b|"  # dropped from the air, and nothing struck
    r"\b(?:was|were|had\s+been|has\s+been)\s+no\s+(?:fighting|clashes|resistance|casualties|"
    r"injuries|shots)\b|\bstill\s+(?:carry|carries|launch|launches|operates?|mounts?|"
    r"controls?\s+(?:cells|fighters))\b|"
    r"\b(?:has|have)\s+(?:now\s+|already\s+|repeatedly\s+)?been\s+(?:hit|rocked|shaken|targeted|struck|attacked|destroyed|damaged)\b|"
    r"\bcontinues?\s+(?:its|their|his|her)\s+(?:[\w-]+\s+)?(?:attacks|assaults|operations|"
    r"bombardment|shelling|strikes|campaign|raids|crackdown)\b|"
    r"\b(?:(?:has|have|had)\s+(?:now\s+)?)?(?:conducted|carried\s+out|launched|flown)\s+\d[\d,]*\s+"
    r"(?:[\w-]+\s+)?(?:air\s*)?(?:strikes|sorties|raids)\b[^.;]*\bsince\b|"  # a running total
    r"\bcontinued\s+to\s+(?:carry\s+out|launch|conduct|mount|stage)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks|assaults|operations|raids|strikes)\b|"  # a UN report's "During the reporting
    r"\b(?i:during|over|throughout|in)\s+the\s+reporting\s+period\b|"  # period" sums up
    r"\b(?:uses?|used|using)\s+the\s+(?:term|word)\b|\b(?:inquiry|investigation|report|study|"
    r"survey|tally|count|figures)\s+(?:[\w-]+\s+){0,4}?(?:found|concluded|showed|shows?|finds)\s+that\b|"
    r"\bordered\s+(?:the\s+)?(?:arrest|investigation|release|inquiry)\b|"
    r"\bordered\s+(?:[\w-]+\s+){1,4}?to\s+(?!death\b)\w+|"
    r"\b(?i:since)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b|\bincreasingly\b|\b(?:usually|often|typically|routinely)\b|^(?i:no)\s+(?:arrests?|casualties|injuries|deaths|shots\s+fired)\b|\bthreaten(?:ed|s|ing)\b(?=[^.]{0,80}\bto\s+\w+)|^No\s+(?:[\w-]+\s+){0,3}(?:were|was)\s+(?:killed|hurt|injured|wounded)\b|"
    r"\b(?i:it\s+is|it\s+was)\s+(?:noteworthy|worth\s+noting)\b|\bto\s+(?:build|make|manufacture|"
    r"produce|assemble|store|plan|prepare)\b|\bcoming\s+(?:days|weeks|months)\b|\bthroughout\s+the\s+country\b|"
    r"\bacross\s+(?:the\s+country|Iraq|the\s+south|the\s+north|the\s+region)\b|\bnationwide\b|"
    r"\bpave\s+the\s+way\b|\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b|"
    r"^In\s+all\b|\b(?:protests?|demonstrations|unrest|uprising|movement)\s+(?:that|which)\s+(?:erupted|began|"
    r"started|broke\s+out)\b|\baccuse\b|"
    r"\b(?:near|almost|nearly)[- ]daily\b|\b(?:remains?|is|are)\s+(?:still\s+)?(?:exposed|"
    r"vulnerable)\s+to\b|"
    r"(?<!that\s)\banalysts\s+(?:say|said|believe|argue|note)\b|\bcasualty\s+figures\b|\bevery\s+(?:few\s+)?(?:minutes|hours|day|night|morning)\b|\b(?i:since)\s+the\s+(?:start|beginning|launch|outset)\s+of\b|\b(?:earlier|previous|past|failed)\s+attempts?\b|\bcampaign\s+of\s+(?:[\w-]+\s+)?(?:attacks|strikes|bombings|assassinations|killings)\b|^(?:[\w-]+\s+){1,3}(?:were|was|are|is)\s+(?:also\s+)?(?:thought|believed)\s+to\s+have\b|\b(?:remained|remains|was|were)\s+(?:relatively\s+|largely\s+|mostly\s+)?(?:calm|quiet|low)\b|\b(?:fewer|less|more)\s+than\s+(?:\w+\s+)?(?:[\w-]+\s+)?(?:attacks|incidents)\s+(?:across|in)\b|\b(?:had\s+been|was|were)\s+(?:positioned|stationed|located|based)\b|\b(?i:the\s+number\s+of)\s+(?:[\w-]+\s+){1,2}?(?:killed|injured|wounded|dead)\s+(?:was|were|stood|rose|reached)\b|\b(?i:a\s+total\s+of)\s+\d{1,3}(?:,\d{3})+\b|"
    r"\b(?:receive[sd]?|receiving)\s+(?:[\w-]+\s+)?reports\s+of\b|\b(?:have|has)\s+repeatedly\b|\bcontinues?\s+to\b|\bpersists?\b|\bhave\s+become\b|(?<!killed\s)(?<!wounded\s)(?<!detained\s)(?<!arrested\s)\bin\s+recent\s+(?:days|weeks|months)\b|\b(?:spike|surge|rise|uptick|increase|wave)\s+in\s+(?:[\w-]+\s+)?(?:attacks|violence|killings|bombings)\b|\b(?:is|are|was|were)\s+(?:being\s+)?planned\b|\b(?:comes?|came)\s+(?:as|amid)\b|"
    r"\b(?:had|has|have|did)\s+(?:not|n['’]t)\s+(?:yet\s+)?(?:moved|entered|attacked|fought|taken|"
    r"clashed|advanced|fired|struck|intervened|been\s+involved)\b|(?<!while\s)\bpreparing\s+(?:for|to)\b|\b(?:are|is)\s+likely\s+to\b|\bwithout\s+a\s+single\b|"
    r"\b(?:continues?|continued|subsided|(?:are|is)\s+(?:still\s+)?ongoing)\s*[.!]?$|\b[Ww]e\s+(?:call|urge)\b|\b(?:praised|welcomed|hailed|called)\s+the\s+(?:recapture|liberation|victory|retaking|attack|strike|bombing|killing)\b|\b(?:trying|attempting|seeking|hoping)\s+to\s+(?:retake|recapture|capture|seize|liberate)\b|\b(?:are|is|were|was)\s+preparing\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:offensive|assault|push|operation)\b|\b(?i:more\s+than|over|some|at\s+least)\s+\d[\d,]*\s+(?:[\w-]+\s+)?(?:air\s*)?(?:strikes|attacks|raids)\b(?:[^.;]|(?<=\b[A-Z])\.)*\bsince\b|\bdefines?\b|\btimeline\s+of\b|\bauthori[sz]e[sd]?\b|^(?:[\w\s,]{0,40}\s)?(?:[Pp]rotesters|[Dd]emonstrators)\s+(?:say|are\s+demanding|"
    r"demand|want|accuse|blame|have\s+turned|have\s+vented|have\s+directed)\b|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:year|week|month|months|weeks|"
    r"years|few\s+(?:days|weeks)|"
    r"twelve\s+months|12\s+months|"
    r"decade)\b|"
    r"\bso\s+far\s+this\s+(?:year|month)\b|\b(?:counted|recorded|documented|tallied|claimed)\s+"
    r"(?:more\s+than\s+|at\s+least\s+|over\s+|some\s+)?\d[\d,]*\s+(?:[\w-]+\s+)?(?:attacks|incidents|"
    r"strikes)\b|\bsince\s+the\s+(?:start|beginning)\b|"
    r"\b(?:had|has|have)\s+been\s+(?:killed|wounded|injured|displaced)\b[^.;]{0,40}\bsince\b|"
    r"\b(?i:since)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:began|started|erupted|broke\s+out)\b|"
    r"\bunder\s+pressure\s+from\b|\bconfess\w*\b|"
    r"(?<!of\s)\b(?:planning|plotting)\s+(?:to\s+|attacks?\b|bombings?\b)|\bcarried\s+the\s+coffins?\b|"
    r"\bfuneral\s+(?:procession|of|for)\b|\b(?:were|was|been|be)\s+(?:\w+\s+)?buried\b|"
    r"\bburied\s+(?:their|his|her|the)\s+(?:dead|victims|bodies|sons?|relatives)\b|"
    r"\b(?:detonated|destroyed|blew\s+up|exploded)\s+(?:the\s+|them|it)(?:[\w-]+\s+){0,2}?"
    r"(?:materials?|cache|devices|explosives|munitions|ordnance|items|them|it)?\s*"
    r"(?:on\s+site|in\s+place|safely|under\s+control)\b|\bcontrolled\s+(?:detonation|explosion)s?\b|"
    r"\b(?:weighing|considering|mulling)\s+(?:options|whether|sending|an?\b)|\bruled\s+out\b|"
    r"\b(?:voted|votes|voting)\s+(?:[\w-]+\s+){0,3}to\b|\bask\s+(?:[\w-]+\s+){0,3}to\b|"
    r"\bin\s+the\s+(?:first|second|previous|last)\s+(?:wave|round|months?|weeks?)\b|"
    r"\bin\s+(?:previous|past|earlier|former)\s+years\b|"
    r"\bin\s+the\s+(?:days|weeks|months)\s+that\s+followed\b|"
    r"\b(?:has|have|had)\s+since\s+(?:shifted|turned|moved|become|resorted|switched|recaptured|"
    r"retaken|regained|liberated|reclaimed|lost)\b|"
    r"^(?i:since)\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b(?!\s+\d)|"  # "Since October, attacks have ..."
    r"\bbetween\s+(?:[A-Z][a-z]+\s+\d{1,2}\s+and\s+\d{1,2}\b|\d{1,2}\s+and\s+\d{1,2}\s+"
    r"[A-Z][a-z]+)|\baccuses\b|"  # a period's sum ("between June 3 and 9"), not "between 12 and 16"
    r"\bnot\s+(?:yet\s+)?ready\s+to\b|\burg(?:ed|es)\s+(?:[\w-]+\s+){1,12}?to\s+\w+|"
    r"\b\d[\d,]*\s+[^.;\d]{0,60}?\b(?:attacks|strikes|incidents|rockets|drones)\b[^.;\d]{0,60}?"
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b(?!\s+\d)|"  # a count "since late October"
    r"\bin\s+(?:two|three|four|several|\d)\s+separate\s+(?:incidents|attacks)\b|"  # a lead's sum
    r"\b(?:has|have)\s+carried\s+out\s+(?:many|several|numerous|dozens\s+of|similar)\b|"
    r"\bcarried\s+out\s+\d[\d,]*\s+attacks\b|"  # a tally ("ISIS carried out 17 attacks in ...")
    r"\b(?:has|have)\s+(?:witnessed|seen|suffered)\s+(?:repeated|frequent|several|numerous|many|"
    r"dozens\s+of|a\s+(?:series|spate|wave)\s+of)\b|"  # "the province has witnessed repeated"
    r"\b(?:promised|promises|promising|threatened|threatens|threatening|intends?|intending|"
    r"is\s+set|are\s+set|was\s+set|were\s+set|is\s+due|are\s+due|(?<!while\s)prepar(?:es|ing)|urged|"
    r"urges|asked|warned|warns)\s+to\b|"
    r"\b(?:urged|urges|urging|asked|asks|called\s+on|calls\s+on)\s+(?:[\w-]+\s+){1,12}?to\s+"
    r"(?:avoid|stop|end|refrain|halt|cease|exercise|show|respect|protect|allow|withdraw|lay\s+down|"
    r"surrender|give\s+up|leave|return|stay)\b|"
    # Denials: "U.S. aircraft were not involved", "the army denied carrying out the raid".
    r"\b(?:was|were|is|are|had|has|have|did|does|do)\s*(?:n[o']t|never)\s+(?:been\s+)?(?:\w+\s+)?"
    r"(?:involved|responsible|behind|carr(?:y|ied)\s+out|conduct\w*|participat\w+|tak(?:e|en|ing)"
    r"\s+part)\b|\b(?i:den(?:y|ied|ies|ying))\b|\b(?i:there\s+is\s+no\s+truth)\b|\bdismiss(?:ed|es)\s+(?:the\s+)?(?:reports?|claims?)\b"
)
# "The source told Shafaq News that ...": the source of the event just told, telling more of it.
SOURCE_GOES_ON = re.compile(
    r"(?:The|This|That|A|the\s+same)\s+(?:same\s+)?(?:[\w-]+\s+){0,2}?(?:source|official|"
    r"spokes(?:man|woman|person))\s+(?:told|added|said|explained|stated)\b[^.;]{0,60}?\bthat\b|"
    r"(?:He|She)\s+(?:told|added|explained)\b[^.;]{0,60}?\bthat\b")
# "Two members of the group were killed in the strike on Jurf al-Nasr": the dead of one told.
VICTIMS_OF_TOLD = re.compile(
    r"\b(?:killed|wounded|injured|died|hurt)\s+(?:in|by)\s+the\s+(?:[\w-]+\s+)?(?:strikes?|attacks?|"
    r"raids?|bombings?|blasts?|explosions?|shelling|ambush|bombardment)\b", re.I)
# "A third struck a house": one more of the rockets, bombs or drones just told.
ORDINAL_MORE = re.compile(r"^(?:A|The)\s+(?:second|third|fourth|fifth|sixth)\b(?!\s+day)")
# Words pointing back to an event already told ("repelled the attack", "the fighting killed").
ANAPHORA = re.compile(
    r"\bthe\s+(?:[\w-]+\s+)?(?:attacks?|assault|fighting|offensive|operation|bombings?|blasts?|"
    r"explosions?|clashes|raids?|protests?|strikes?|battle|ambush|siege|advance|shelling|"
    r"bombardment)\b|"
    r"\bclaimed\s+(?:responsibility|the\s+\w+)\b|\bno\s+(?:group|one)\s+(?:has\s+)?claimed\b|"
    r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:attacks?|raids?|strikes?|bombings?)\b|\bsuch\s+(?:attacks?|raids?|"
    r"strikes?)\b|\bthe\s+(?:dead|victims|bodies|wounded|injured|casualties)\b|"
    r"\bthe\s+(?:first\s+|second\s+|other\s+)?(?:bombers?|attackers|assailants|gunmen)\b|"
    r"\bthe\s+suicide\s+(?:bomber|attacker)s?\b|"
    r"^(?:[\w\s]{0,40}\bthat\s+)?the\s+(?:rockets?|missiles?|mortars?|shells?|drones?)\s+(?:were|was|had|"
    r"landed|fell|hit|struck|exploded)\b|"
    r"\b(?:both|these|those|all\s+the|either|neither)\s+(?:attacks?|bombings?|blasts?|strikes?)\b|"
    r"\b(?:nobody|no\s+one)\s+(?:has\s+)?claimed\b|"
    r"\bclaimed\s+(?:both|these|those|all)\b|"
    r"\bthe\s+(?:[\w-]+\s+)?(?:cache|caches|launcher|device|bomb|car\s+bomb)\b",
    re.I,
)
# Phrases naming who helped, masked before typing ("backed by U.S. air strikes" is no strike).
# The phrase is a noun phrase: it ends at punctuation (abbreviations such as "U.S." aside), at a
# preposition or conjunction opening a clause, or at a verb ("forces backed by Badr fighters
# clashed with ..." keeps "clashed"); past participles used as adjectives ("armed") do not end it.
_ADJECTIVES_IN_ED = r"(?:armed|allied|combined|trained|equipped|hundred|based|led)"
_IRREGULAR_PAST = (r"broke|took|fought|drove|swept|fell|overran|retook|blew|shot|struck|hit|"
                   r"began|led|won|held|made|set|went|came|ran|threw|sent|beat|stood|overtook|"
                   r"seized|killed")
_CLAUSE_WORDS = (r"on|in|at|near|to|as|after|before|while|when|which|who|that|during|since|"
                 r"and\s+then|but|then|was|were|is|are|has|have|had")
_PHRASE_END = (rf"(?:(?!{_ADJECTIVES_IN_ED}(?![\w'’-]))\w+ed|{_IRREGULAR_PAST}|{_CLAUSE_WORDS})"
               r"(?![\w'’-])")
# Words telling that the other side fought back: a battle, whoever its victims.
FIGHT_BACK = re.compile(r"\b(?:clash\w*|exchang\w+\s+fire|firefight|gun\s*battle|repell?\w*|"
                        r"fought|battl\w+|returned\s+fire)\b", re.I)
# The dead a crowd remembers ("carrying pictures of those killed in recent weeks").
REMEMBERED = re.compile(r"\b(?:of|mourn(?:ed|ing)?|honou?r(?:ed|ing)?)\s+(?:those|the\s+protesters|"
                        r"the\s+victims|the\s+people)\s+(?:who\s+were\s+)?(?:killed|slain)\b[^,.;]*",
                        re.I)
# What a crowd demands or whom people accuse: no part of the action ("gathered to demand that
# Ankara and the PKK keep the fighting away", "renewed accusations against armed groups").
DEMANDED = re.compile(r"\b(?:to\s+(?:demand|denounce|condemn|protest)|demanding|calling\s+for|"
                      r"accusations?\s+against|accusing|blaming|accused\s+of|suspected\s+of)\b"
                      r"(?P<what>[^.;,]*)", re.I)
SUPPORT = re.compile(
    r"\b(?:(?:fighting\s+)?alongside|(?:backed|supported|aided|assisted|covered)(?:\s+(?:up|in|"
    r"during|over|throughout|at)(?:\s+[\w-]+){0,3}?)?\s+by|with\s+(?:the\s+)?(?:air\s+)?"
    r"(?:support|backing|help|cover)\s+(?:of|from)|"
    r"after\s+(?:[\w-]+\s+){1,2}of(?=\s+(?:[\w.'’-]+\s+){0,3}(?:air\s*strikes|airstrikes|"
    r"bombing|bombardment)\s+(?:that|which)\s+(?:cleared|paved|opened)))"  # "after two days of
    rf"(?:\s+(?!{_PHRASE_END})(?:(?:[A-Z]\.){{2,}}[\w'’-]*|[\w'’-]+)){{1,8}}",
    re.I,
)
# Sentences whose subject is a pronoun for the last actor named ("Its forces attacked ...").
PRONOUN_SUBJECT = re.compile(r"^(?:[A-Z][\w' -]{0,30}[:—–]\s+)?(?:Its|Their)\b")
