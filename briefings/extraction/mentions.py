"""Finding the gazetteer's places and actors in running text.

Place names are looked for only in capitalised runs of words ("Diyala Province", "Mosul dam",
"al-Miqdadiya"), and a misspelling is forgiven only where the sentence expects a place ("in
Al-Abar", "south of Sinjaar"): elsewhere a near miss is more likely a person, a party or a feast
("Ashura" is not the town of Shura). Actors are found under every alias, descriptive phrases
("Shiite paramilitary fighters") included; civilians count only as victims, and mentions in
"anti-Islamic State" or "Iran-backed" name someone else.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from briefings.gazetteer import Gazetteer, Match

# Descriptive mentions the gazetteer's aliases do not cover.
DESCRIPTIVE: tuple[tuple[str, str], ...] = (
    (r"shi(?:'|’)?(?:ite|a)\s+(?:paramilitar(?:y|ies)|volunteers?|fighters|armed\s+groups?|"
     r"factions?|militiam[ae]n|militias?)", "Shiite militias"),
    (r"militiam[ae]n|(?<!yazidi\s)(?<!kurdish\s)(?<!christian\s)(?<!sunni\s)(?<!tribal\s)"
     r"(?<!affiliated\s)(?:militias|militia\s+(?:fighters|members|men|gunmen|positions?|"
     r"pick-?ups?|pickup\s+trucks?|vehicles?|convoys?|trucks?|checkpoints?|bases?))|"
     r"paramilitar(?:y|ies)", "Shiite militias"),
    (r"sunni\s+(?:tribal\s+)?(?:fighters|clans|tribes(?:men)?|militias?)|(?:fighters|gunmen)\s+"
     r"(?:from|of)\s+the\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+tribe\b",
     "Sunni tribes"),  # "fighters from the Albu Nimr tribe"
    (r"(?:fighters|men|gunmen)\s+(?:in|wearing)\s+(?:pmf|hashd|militia|popular\s+mobili[sz]ation)\s+"
     r"uniforms?", "Shiite militias"),
    (r"(?:a\s+)?(?:force|unit|brigade|regiment|troops|soldiers)\s+(?:from|of)\s+the\s+"
     r"\d+(?:st|nd|rd|th)\s+(?:infantry\s+|armou?red\s+|army\s+)?division",
     "Iraqi Army"),  # "a force from the 7th Division"
    (r"(?:fighters|men|gunmen)\s+(?:in|wearing)\s+peshmerga\s+uniforms?|"
     r"kurdish\s+(?:soldiers|units|commandos)|the\s+kurds(?=\s+(?:then\s+)?(?:entered|advanced|"
     r"took|retook|recaptured|captured|attacked|pushed|fought|stormed|seized|liberated|withdrew|"
     r"pulled\s+back|shelled|repelled|held)\b)", "Peshmerga"),  # "the Kurds entered Sinjar"
    (r"gunmen\s+(?:of|from)\s+(?:both|the\s+two)\s+(?:sides|clans|tribes|families)|"
     r"gunmen\s+(?:belonging\s+to|from|of)\s+(?:a|the|one|another|a\s+rival)\s+clan\b|"
     r"(?:fighters|members)\s+(?:of|from)\s+(?:both|the\s+two)\s+(?:clans|tribes|families)",
     "Clan militias"),  # "came under fire from gunmen of both sides" of a clan feud
    (r"police(?:man|men|\s+officers?|\s+commandos?|\s+patrols?|\s+checkpoints?)|"
     r"(?:traffic|riot|local|federal)\s+police(?:man|men)?|(?:members\s+of\s+)?anti-?riot\s+"
     r"(?:units?|police|forces|squads?|brigades?)", "Iraqi Police"),
    (r"popular\s+mobili[sz]ation(?:\s+(?:forces|units|committees?|fighters|brigades?))?|"
     r"hashd\s+(?:al-)?sha['’]?abi|(?:iran-(?:backed|aligned|allied)|iranian-backed|pro-iran(?:ian)?)"
     r"\s+(?:armed\s+)?"
     r"(?:militias?|militiam[ae]n|groups?|factions?|fighters|paramilitar(?:y|ies))",
     "Shiite militias"),
    (r"iraqi(?=\s+(?:and|or)\s+(?:coalition|u\.s\.|us|american)\s+(?:aircraft|jets|warplanes|"
     r"forces|troops|air\s+strikes|airstrikes)\b)", "Iraqi Army"),
    (r"(?:unidentified|unknown)\s+(?:militants|fighters|attackers|assailants|insurgents|snipers?|"
     r"gunman|shooters?|persons|men)|"
     r"masked\s+(?:men|gunmen|assailants)|armed\s+(?:gangs?|groups?)|(?:gun)?men\s+(?:in|wearing)\s+"
     r"(?:military|army|police|security)\s+uniforms?(?:\s+without\s+insignia)?|kidnappers|captors|"
     r"abductors|(?:criminal\s+|kidnapping\s+)?gangs?|(?:two|three)\s+men\s+on\s+(?:a\s+)?"
     r"(?:motorbikes?|motorcycles?)",
     "Unidentified armed group"),
    (r"kurdish\s+(?:positions|lines|posts?|checkpoints?|units|outposts?|defen[cs]es)|"
     r"(?:the\s+)?kurdish\s+force|kurdistan\s+regional\s+government|kurdish\s+regional\s+"
     r"government|KRG", "Peshmerga"),
    (r"government\s+(?:helicopters|jets|warplanes|aircraft|planes)|"
     r"iraq['’]s\s+(?:government|army|military|security\s+forces|troops)|military\s+intelligence|"
     r"army\s+(?:engineering|engineers?|bomb\s+disposal)\s+(?:units?|teams?)|"
     r"(?:[a-z]+\s+)?operations\s+command", "Iraqi Army"),
    (r"(?:two\s+|rival\s+|the\s+)?tribes", "Sunni tribes"),
    (r"(?:iraqi\s+)?elite\s+(?:troops|forces|units|soldiers)", "Iraqi Special Forces"),
    (r"american\s+(?:troops|soldiers|forces)|americans|(?:british|french|australian|canadian|"
     r"coalition)\s+(?:service\s*(?:wo)?m[ae]n|service\s+members|soldiers?|troops|servicewom[ae]n)|"
     r"(?:u\.s\.|us)\s+service\s*(?:members|m[ae]n|wom[ae]n)|(?:u\.s\.|us|american|coalition)\s+"
     r"special\s+(?:operations\s+)?forces", "US-led coalition"),
    (r"(?:iraqi\s+)?counter[- ]?terrorism\s+(?:troops|forces|units|service)",
     "Iraqi Special Forces"),
    (r"iraqi\s+(?:warplanes|jets|aircraft|helicopters|planes|units)", "Iraqi Army"),
    (r"(?:iraqi\s+)?(?:federal|government|pro-government)\s+(?:forces|troops|soldiers)",
     "Iraqi Army"),
    (r"(?:us-led\s+|u\.s\.-led\s+)?coalition\s+(?:fighting|against)\s+(?:the\s+)?(?:isil|isis|is|"
     r"islamic\s+state|daesh)(?:\s+\((?:isis|isil|is)\))?", "US-led coalition"),
    (r"(?:american|u\.s\.|us)\s+(?:(?:drone|fighter|attack|combat)\s+)?(?:strikes?|air\s*strikes?|"
     r"airstrikes?|warplanes|jets|aircraft|drones?|planes|helicopters|soldiers|service\s*m[ae]n|"
     r"service\s+members|contractors|marines|bombers)",
     "US-led coalition"),
    (r"(?:turkish|turkey['’]s)\s+(?:shelling|bombardment|bombing|strikes?|air\s*strikes?|fire|"
     r"operations?)", "Turkish Armed Forces"),
    (r"(?:iranian|iran['’]s)\s+(?:shelling|bombardment|bombing|strikes?|fire|"
     r"revolutionary\s+guards?)", "Iranian forces"),
    (r"iraqi\s+(?:f-16s?|sukhois?|cessnas?|air\s+force\s+\w+)", "Iraqi Army"),
    (r"(?:kurdish\s+)?asayish(?:\s+(?:police|security|forces))?|"
     r"kurdish\s+(?:police|counter-?terrorism(?:\s+\w+)?)", "Peshmerga"),
    (r"turkish\s+(?:[\w-]+\s+)?(?:jets|planes|fighter\s+jets|war\s+planes|drones?|artillery|commandos|"
     r"police(?:\s+and\s+soldiers)?|f-16s?|"
     r"special\s+forces|soldiers?|air\s+force|army\s+units|helicopters|howitzers|troops?|"
     r"(?:security\s+|armed\s+|ground\s+)?forces|army|military)",
     "Turkish Armed Forces"),
    (r"iranian\s+(?:[\w-]+\s+)?(?:jets|planes|drones?|artillery|forces|soldiers?|border\s+guards|guards|"
     r"missiles|rockets|helicopters|howitzers|guns|troops|army|military|shells|mortars)",
     "Iranian forces"),
)
# Nouns naming an actor only through the context: resolved by the caller.
TROOPS, MILITANTS, JIHADISTS = "<troops>", "<militants>", "<jihadists>"
GROUP = "<the group>"  # the armed group named last, militias included
MILITIA_NAMED = "<the militia>"  # "the militia's sites": the militia the report named last
# A crowd is protesters or rioters, by what it did; the caller decides.
CROWD = "<crowd>"
# "The peshmerga said they had retaken nine villages": the speaker's own side.
SPEAKERS_OWN = "<they>"
# "We took the bridge", "the third killed four of my men": whoever speaks, if the text says who.
FIRST_PERSON = "<we>"
# Homes, shops or villages hit: civilians are the target unless the report names another.
CIVILIAN_PROPERTY = "<civilian property>"
GENERIC: tuple[tuple[str, str], ...] = (
    (r"(?:its|their|our|his)\s+(?:air\s+force|forces|jets|warplanes|aircraft|drones|artillery|army|"
     r"military|detectives|heroes|units|personnel|men|teams)|soldiers?|troops|servicem[ae]n|"
     r"conscripts?", TROOPS),
    (r"(?:terrorist|takfiri)\s+(?:gangs|groups?|organi[sz]ation|elements)|jihadist-led\s+"
     r"(?:militants|fighters|insurgents|rebels)|jihadists?|takfiris?|terrorists?", JIHADISTS),
    (r"the\s+(?:(?:extremist|militant|jihadist|terrorist|terror|hardline|radical)\s+)?group"
     r"(?:['’]s\s+(?:fighters|militants|members|gunmen))?", GROUP),
    (r"(?<!supporters\sof\s)(?<!followers\sof\s)(?<!loyalists\sof\s)(?:the|one)\s+militia(?:['’]s\s+"
     r"(?:fighters|members|gunmen)|(?!['’]s\s+(?:supporters|followers|loyalists|sympathi[sz]ers)"
     r"|\s+(?:threat|problem|issue|question|file|groups?|leaders?)\b))", MILITIA_NAMED),
    (r"(?:militant|jihadist|insurgent)\s+(?:positions|fighters|groups?|cells?|hideouts)|militants|"
     r"the\s+fighters|"
     r"insurgents|extremists|(?:a\s+)?snipers?|assailants|attackers", MILITANTS),
    (r"(?:angry\s+|hundreds\s+of\s+|thousands\s+of\s+)?(?:crowds?|youths|the\s+youth|supporters|followers|"
     r"loyalists)|(?:hundreds|thousands|dozens)\s+of\s+(?:young\s+)?(?:men|people)|"
     r"(?:sadrists|young\s+men)", CROWD),
    (r"they(?=\s+(?:had|have)\s+(?:[\w-]+\s+)?(?:retaken|recaptured|captured|taken|seized|"
     r"liberated|cleared|killed|repelled|destroyed|shot\s+down|downed|struck|hit)\b)",
     SPEAKERS_OWN),
    (r"(?-i:[Ww]e|us)|my\s+(?:men|unit|brigade|battalion|company|soldiers|fighters|comrades)",
     FIRST_PERSON),
)
# Words after a name that still belong to the mention ("Islamic State gunmen").
_TAIL = (r"(?:\s+(?:fighters|militants|gunmen|snipers|members|forces|troops|units|soldiers|"
         r"militiamen|jihadists|suicide\s+bombers?|bombers?|cells|positions|gangs|elements|"
         r"remnants))*")
VICTIM_NOUNS = (r"people|civilians?|victims?|worshippers|shoppers|pilgrims|women|children|"
                r"villagers|residents|engineers|workers|farmers|men|passengers|students|journalists|"
                r"bystanders|mourners|families|family|man|woman|boys?|girls?|child|sheikhs?|"
                r"drivers?|shepherds?|activists?|clerics?|imams?|teachers?|doctors?|farmer|"
                r"worker|student|journalist|civilian|shopkeepers?|mukhtars?|candidates?|"
                r"lawyers?|judges?|pilgrim|resident|villager|passenger|organi[sz]ers?|campaigners?|"
                r"bloggers?|medics?|nurses?|contractors?|traders?|merchants?|businessm[ae]n|"
                r"officials?|mayors?|politicians?|MPs?|lawmakers?|council\s+members?|"
                r"truck\s+drivers?|fishermen|labou?rers|herders?|displaced\s+families|tourists?|"
                r"visitors?|guests|holidaymakers|vacationers|picnickers|wedding\s+(?:party|guests)|party-?goers|customers|"
                r"worshipers|shepherds|(?:shop\s*)?owners?|barbers?|vendors?|cleaners?|"
                r"passers?-by|passersby|porters?|technicians?|engineers?|pedestrians?|"
                r"friends?|relatives?|brothers?|sons?|daughters?|wife|husband|citizens?|employees?|"
                r"experts?|researchers?|analysts?|academics?|professors?|writers?|poets?|novelists?|"
                r"artists?|singers?|intellectuals?|scholars?|physicians?|surgeons?|pharmacists?|"
                r"members?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:council|parliament|assembly)")
_HARM = (r"(?:(?:arrest|capture|detention|killing|assassination|abduction|kidnapping|martyrdom|"
         r"death)\s+of|"
         r"killing|killed|kill|assassinated|assassinating|wounding|wounded|injuring|injured|"
         r"kidnapped|kidnapping|"
         r"abducted|abducting|executed|detained|detaining|arrested|arresting|targeting|targeted|"
         r"shot|attacked|massacred|shelled|shelling|bombed|bombing|pounded|pounding|struck|"
         r"striking|hit|hitting|ambushed|raided|raiding|opened\s+(?:the\s+)?fire(?:\s+(?:on|upon))?|"
         r"fired\s+(?:on|upon)|shot\s+at)")
_VICTIM_BEFORE = re.compile(  # "killed ... when ISIS militants attacked": the attackers are not
    rf"\b{_HARM}\s+(?:(?!(?:when|as|after|before|while|by)\b)[\w',-]+\s+){{0,6}}$", re.I)
_VICTIM_AFTER = re.compile(
    r"^[\s,]+(?:[\w,'’-]+\s+){0,14}?(?:is|are)\s+(?:shot|killed|kidnapped|abducted|executed|"
    r"murdered|stabbed)\b|"  # a timeline's present: "an activist ... is shot dead"
    r"^[\s,]+(?:[\w,'’.-]+\s+){0,14}?(?:were|was|have\s+been|had\s+been)\s+(?:[\w-]+\s+){0,24}?"
    r"(?:killed|wounded|injured|kidnapped|abducted|executed|hurt|shot|beheaded|murdered|arrested|"
    r"assassinated|gunned\s+down|detained|hit\s+by\s+(?:[\w-]+\s+){0,2}(?:bullets|gunfire|shots))\b|"
    r"^\s+(?:[\w,'’-]+\s+){0,14}?(?:and|then)\s+(?:shot|killed|executed|beheaded)\s+(?:them|all\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|(?:(?:at\s+least|some|about|nearly)\s+)?"
    r"[\w-]+\s+of\s+them)\b|"  # "... and shot at least 46 of them", "... and shot all three dead"
    r"^\s+(?:killed|executed|murdered|slain|abducted|kidnapped)\s+by\b",  # "civilians killed by IS"
    re.I)
CIVILIANS = "Civilians"
# Homes, shops and villages struck, shelled or burnt, and crowds bombed: civilians are hit.
_PROPERTY = re.compile(
    r"\b(?:shell(?:ed|ing)|pound(?:ed|ing)|bomb(?:ed|ing)|bombard(?:ed|ing)|struck|hit|hitting|"
    r"target(?:ed|ing)|torch(?:ed|ing)|burn(?:ed|t|ing)|set(?:ting)?\s+fire\s+to|loot(?:ed|ing)|ransack(?:ed|ing)|"
    r"demolish(?:ed|ing)|destroy(?:ed|ing)|raz(?:ed|ing)|bulldoz(?:ed|ing)|blew\s+up|dynamit(?:ed|ing)|"
    r"wreck(?:ed|s|ing)|damag(?:ed|ing)|(?:fell|landed|crashed|exploded)\s+(?:on|in|near|into|"
    r"among|around)|threw|(?:exploded|detonated|went\s+off)\s+(?:next\s+to|beside|under|against))"
    r"\s+"  # what was hit, not where ("struck their patrol in the orchards")
    r"(?:(?!(?:in|near|at|through|across|outside|along|from)\s+(?:the|a|an|their|its|his)\b)"
    r"[\w'’,-]+\s+){0,6}?(?P<what>villages?|homes?|houses?|shops?|stores?|mosques?|schools?|"
    r"churches|church|markets?|farms?|fields|orchards|residential\s+(?:areas?|districts?|"
    r"neighbou?rhoods?|buildings?)|neighbou?rhoods?|(?<!army\s)(?<!military\s)(?<!police\s)"
    r"(?:trucks|lorries)|(?:civilian|private)\s+"
    r"(?:cars?|vehicles?))\b|"
    r"\b(?P<done>homes|houses|shops|stores|villages|mosques|farms|orchards|fields)\s+"
    r"(?:[\w'’,-]+\s+){0,3}?(?:were|had\s+been|have\s+been)\s+(?:[\w-]+\s+){0,2}?(?:looted|"
    r"torched|burned|burnt|destroyed|demolished|set\s+ablaze|set\s+on\s+fire|razed|bulldozed|"
    r"damaged|shelled|hit|blown\s+up)\b|"
    r"\bset(?:ting|s)?\s+(?:[\w'’,-]+\s+){0,4}?(?P<burnt>fields|orchards|farms?|crops|homes?|"
    r"houses?|shops?|stores?|the\s+shop|the\s+store|cars|vehicles)\s+(?:[\w'’,-]+\s+){0,3}?"
    r"(?:on\s+fire|ablaze|alight)\b|"
    r"\b(?:among|amid|into|on|at|(?:the\s+)?(?:homes?|houses?|cars?|vehicles?)\s+of)\s+"
    r"(?:a\s+|an\s+|the\s+|two\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?P<whom>crowds?|families|worshippers|shoppers|pilgrims|mourners|"
    r"people|civilians|displaced|(?:local\s+)?(?:journalist|activist|official|judge|lawyer|"
    r"organi[sz]er|officer|teacher|doctor|politician|candidate|tribal\s+(?:leader|elder)|sheikh|"
    r"employee|contractor|surgeon|money\s+changer)s?|family)\b",
    re.I,
)

_PLACE_TOKEN = re.compile(r"[A-Za-z][\w-]*(?:['’](?![sS]\b)[\w-]+)*")  # "Baghdad's": Baghdad
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|as|ad|ar|at|an|ash|az)-", re.I)
_PLACE_SUFFIXES = frozenset({"dam", "province", "governorate", "district", "city"})
_PLACE_WORDS = frozenset({"mount", "lake", "camp", "city", "province", "governorate", "dam",
                          "district", "iraq", "university", "airport", "refinery", "hospital",
                          "bridge", "road", "highway", "square", "base", "prison", "market",
                          "street", "stadium", "station", "gate", "desert", "valley", "mountain",
                          "mountains", "river", "plain", "plains", "outskirts", "countryside",
                          "airbase", "crossing", "border", "field", "oilfield", "international"})
_NOT_PLACES = frozenset({
    "the", "a", "an", "in", "on", "at", "near", "of", "and", "or", "but", "to", "from", "by", "for",
    "with", "yesterday", "today", "tonight", "meanwhile", "separately", "later", "late", "early",
    "also", "then", "after", "before", "during", "since", "inside", "outside", "around", "across",
    "elsewhere", "further", "farther", "along", "nearby", "within", "beyond", "throughout",
    "between", "into", "through", "islamic", "state", "iraq", "iraqi",
    "iraqis", "kurdish", "kurdistan", "shiite", "shia", "sunni", "turkish", "us", "u.s", "american",
    "prime", "minister", "president", "governor", "general", "police", "army", "syrian", "syria",
    "iranian", "iran", "turkey", "saudi", "jordanian", "jordan", "kuwaiti", "arab", "arabs",
    "yazidi", "yazidis", "christian", "christians", "turkmen", "british", "french", "russian",
    "ankara", "tehran", "damascus", "washington", "riyadh", "moscow", "london", "paris", "amman",
    "beirut", "istanbul", "cairo", "doha",  # capitals abroad ("Ankara's" is no misspelt Ankawa)
    "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
_COMPASS = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?"
REFERENCE = re.compile(
    rf"(?:\b{_COMPASS}\s+of|\b(?:miles|kilomet(?:re|er)s|km)\s+(?:{_COMPASS}\s+)?(?:from|of)|"
    r"\b(?:flown|sent|brought|dispatched|deployed|arrived|came|coming|transferred|rushed|bused|"
    r"reinforcements)\s+(?:in\s+)?from(?:\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+and)?)"
    r"\s+(?:the\s+)?(?:capital\s+)?$",  # "troops flown in from Baghdad", "rushed in from Erbil
    # and Sulaimani": not where they fought
    re.I,
)
PLACE_CONTEXT = re.compile(
    rf"(?:\b(?:in|near|at|outside|around|into|from|toward|towards|across|through|inside)|"
    rf"\b{_COMPASS}\s+of|\b(?:(?:home\s*)?town|city|village|province|district|area|outskirts|edges?|heart|"
    rf"centre|center|parts?|suburbs?|streets|neighbou?rhoods?|entrance|gates?)\s+of|"
    r"\bcapitals?)\s+(?:the\s+)?(?:(?:town|city|village|province|district|area)\s+of\s+)?$",
    re.I,
)


# A neighbourhood's name ("the neighbourhood of Baladiyat", "the Dawasa quarter"): never a town.
_QUARTER_BEFORE = re.compile(r"\b(?:neighbou?rhood|quarter)\s+of\s+(?:the\s+)?$", re.I)
_QUARTER_AFTER = re.compile(
    r"\s+(?:neighbou?rhood|quarter|district|street|square|market|area)\b", re.I)
# "Mousil's al-Zohour neighbourhood": a name whose district follows is a place, misspelt or not.
_POSSESSIVE_PLACE = re.compile(
    r"['’]s\s+(?:[\w'’-]+\s+){0,2}(?:neighbou?rhoods?|districts?|outskirts|quarter|suburbs?|"
    r"centre|center|old\s+city|airport|university|province|governorate|countryside)\b", re.I)


@dataclass(frozen=True)
class Place:
    """A governorate or town named in a text."""

    region: str
    town: str | None
    start: int
    corrected: bool = False
    reference: bool = False  # a point of reference ("west of Baghdad"), not the scene
    far: bool = False  # a reference by distance ("200 km north of Baghdad"): miles away
    no_scene: bool = False  # a clock ("12:15 a.m. (Baghdad time)"), never a scene


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a text; *actor* may be TROOPS or MILITANTS, for the caller to resolve."""

    actor: str
    start: int
    victim: bool = False


@cache
def _lookup(gazetteer: Gazetteer, text: str, fuzzy: bool = True) -> Match:
    """The gazetteer's answer for *text*, remembered (near-miss lookups are slow)."""
    return gazetteer.region(text, fuzzy)


def find_places(text: str, gazetteer: Gazetteer) -> list[Place]:
    """Every place *text* names, in order ("the capital" being Baghdad)."""
    places = []
    for chunk in _chunks(text):
        places.extend(_places_in_chunk(text, chunk, gazetteer))
    places.extend(Place(BAGHDAD, None, m.start(1)) for m in _THE_CAPITAL.finditer(text))
    return sorted(places, key=lambda place: place.start)


BAGHDAD = "Baghdad"
# "In the capital, a bomb ...": Iraq's capital, not a province's or the Kurdistan Region's.
_THE_CAPITAL = re.compile(
    r"\b(?:[Ii]n|[Nn]ear|[Aa]round|[Aa]cross|[Ii]nside)\s+(the\s+(?:Iraqi\s+)?capital)\b"
    r"(?!['’]s\b|\s+(?:of|city\s+of|Baghdad|Erbil|Arbil)\b)")


def _chunks(text: str) -> list[list[re.Match]]:
    """Runs of capitalised words (with "al-" forms and suffixes like "dam") separated by spaces."""
    chunks: list[list[re.Match]] = []
    previous_end = -2
    for token in _PLACE_TOKEN.finditer(text):
        word = token.group(0)
        lower = word.lower()
        joined = chunks and text[previous_end:token.start()] == " "
        if lower in _NOT_PLACES:
            previous_end = -2
            continue
        if word[0].isupper() or _ARTICLE_PREFIX.match(word):
            if joined:
                chunks[-1].append(token)
            else:
                chunks.append([token])
        elif joined and lower in _PLACE_SUFFIXES:
            chunks[-1].append(token)
        else:
            previous_end = -2
            continue
        previous_end = token.end()
    return chunks


def _places_in_chunk(text: str, chunk: list[re.Match], gazetteer: Gazetteer) -> list[Place]:
    """The places in one capitalised run, longest names first.

    Names spelt right anywhere in the run win over a misspelling of the whole run ("the Dora
    district" is Dora, not a misspelt Daquq); a misspelling is tried only when nothing in the run
    is spelt right, and only where a place is expected.
    """
    start = chunk[0].start()
    if _KIN_BEFORE.search(text[max(0, start - 30):start]):
        return []  # "my friend Salman": a man, not the town
    expected = bool(PLACE_CONTEXT.search(text[max(0, start - 60):start])
                    or _POSSESSIVE_PLACE.match(text[chunk[-1].end():chunk[-1].end() + 50]))
    found, covered = _exact_places(text, chunk, gazetteer)
    quarter = _QUARTER_BEFORE.search(text[max(0, start - 30):start]) or _QUARTER_AFTER.match(
        text[chunk[-1].end():chunk[-1].end() + 20]) or (  # "near the Faruq district" of a city
        len(chunk) > 1 and _QUARTER_AFTER.match(" " + chunk[-1].group(0)))
    if not found and expected and not quarter:  # neighbourhoods are not in the gazetteer
        span = text[start:chunk[-1].end()]
        match = _lookup(gazetteer, span)
        if match.name and len(span) > 4:
            found, covered = [_place(text, start, match)], len(chunk)
    if found and found[0].start > start and chunk[0].group(0) in _NAME_HEADS:
        return []  # "the village of Abu Karma": another village than Karma(h)
    leftovers = [t.group(0).lower() for t in chunk if t.group(0).lower() not in _PLACE_WORDS]
    if found and covered < len(leftovers) and not expected:
        return []  # a person or an organisation ("Qasim Soleimani"), not a place
    province = chunk[-1].group(0).lower() in ("province", "governorate") or _PROVINCE_AFTER.match(
        text[chunk[-1].end():chunk[-1].end() + 14])
    if found and found[-1].town and province:  # "Diwaniya province": the governorate, not a town
        found[-1] = dataclasses.replace(found[-1], town=None)
    if found and found[-1].town is None and covered >= len(chunk) and _NEIGHBOURHOOD_AFTER.match(
            text[chunk[-1].end():chunk[-1].end() + 20]):
        found.pop()  # "the Qadisiya neighbourhood" of Baghdad, not the governorate (but "the
        # Baghdad al-Jadida neighborhood" is in Baghdad)
    return found


# Words that begin a village's or a tribe's name ("Abu Karma", "Umm al-Adham", "Albu Khamis").
_NAME_HEADS = frozenset({"Abu", "Umm", "Albu", "Al-Bu", "Bani", "Beit", "Bayt"})
_KIN_BEFORE = re.compile(r"\b(?:my|his|her|our|their)\s+(?:friend|brother|son|cousin|colleague|"
                         r"neighbou?r|father|uncle|nephew|husband|comrade)\s+$", re.I)
_NEIGHBOURHOOD_AFTER = re.compile(r"\s+(?:neighbou?rhood|quarter|district)\b", re.I)


_PROVINCE_AFTER = re.compile(r"\s+(?:province|governorate)\b", re.I)


def _exact_places(
    text: str, chunk: list[re.Match], gazetteer: Gazetteer
) -> tuple[list[Place], int]:
    """The places spelt right in a capitalised run, longest first, and how many words they take."""
    found, covered, index = [], 0, 0
    while index < len(chunk):
        for end in range(len(chunk), index, -1):
            match = _lookup(gazetteer, text[chunk[index].start():chunk[end - 1].end()], False)
            if match.name:
                found.append(_place(text, chunk[index].start(), match))
                covered += end - index
                index = end
                break
        else:
            index += 1
    return found, covered


# "Baghdad said 16 people were killed": the government speaking, not a scene.
_GOVERNMENT_SPEAKS = re.compile(
    r"[\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:has\s+|had\s+)?(?:said|says|announced|condemned|"
    r"denounced|accused|summoned|insisted|protested|warned|gave\s+no|noticed|rejected|refused|"
    r"objected|demanded|decided)\b")
# "over the objections of Baghdad, Tehran, Ankara and Washington": capitals for governments.
_CAPITALS = r"(?:Tehran|Ankara|Washington|Damascus|Riyadh|Moscow|London|Paris|Amman|Beijing)"
_AMONG_CAPITALS_AFTER = re.compile(rf"(?:\s*,\s*|\s+and\s+){_CAPITALS}\b")
_AMONG_CAPITALS_BEFORE = re.compile(rf"\b{_CAPITALS}(?:\s*,\s*|\s+and\s+)$")
# ... not after a preposition ("in Baghdad said"); a clause's start may be lost with its
# semicolon ("several were killed Baghdad gave no figures").
_CLAUSE_START = re.compile(
    r"(?:^|[.;:,]\s*|(?<!\b(?:in|at|of|to|by))(?<!\bnear|\bfrom|\binto)\s+)$", re.I)


# "nobody in Baghdad had noticed", "politicians in Baghdad": those who rule, not a scene.
_RULERS_IN = re.compile(r"\b(?:nobody|no\s+one|anyone|politicians|decision-makers|the\s+government|"
                        r"(?:the\s+)?authorities|leaders|ministers)\s+in\s+$", re.I)


# "the agreement between Baghdad and Erbil": the federal and the Kurdish governments.
_TWO_GOVERNMENTS = re.compile(
    r"\bbetween\s+(?:Baghdad\s+and\s+(?:Erbil|Arbil)|(?:Erbil|Arbil)\s+and\s+Baghdad)\b")
# "the village of al-Rashad belonging to the district of al-Miqdadiya": the district places it.
PART_OF = re.compile(
    r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+,?\s+(?:belonging|belongs|affiliated|administratively\s+"
    r"(?:linked|attached))\s+to\s+(?:the\s+)?(?:(?:sub-?)?district|nahiya|qadha|qada|governorate|"
    r"province)\s+of\b", re.I)
# "12:15 a.m. (Baghdad time)": a clock, not a scene.
_CLOCK = re.compile(r"\s+time\b")


def _place(text: str, start: int, match: Match) -> Place:
    """A Place for a gazetteer match at *start*."""
    before = text[max(0, start - 40):start]
    speaks = bool(_GOVERNMENT_SPEAKS.match(text, start) and _CLAUSE_START.search(before)) or \
        bool(_RULERS_IN.search(before)) or \
        bool(_AMONG_CAPITALS_BEFORE.search(before)) or \
        bool(_AMONG_CAPITALS_AFTER.match(text, start + len(match.name))) or \
        bool(_TWO_GOVERNMENTS.search(text, max(0, start - 25), start + 30))
    clock = bool(_CLOCK.match(text, start + len(match.name)))
    speaks = speaks or clock
    reference = bool(REFERENCE.search(before)) or speaks or bool(PART_OF.match(text, start))
    far = speaks or (reference and re.search(
        r"\d[\d,.]*\s*(?:\([^)]*\)\s*)?(?:miles|kilomet|km)|\bfrom\s+(?:the\s+)?(?:capital\s+)?$",
        before))  # or "flown in from"; a government speaking is not where anything happened
    return Place(match.name, match.town, start, match.corrected, reference, bool(far), clock)


_SPELLING_SWAPS = (
    (r"iz(?=ation|ed\b|ing\b)", "is"), (r"is(?=ation|ed\b|ing\b)", "iz"),
    (r"\bShiite\b", "Shia"), (r"\bShiite\b", "Shi'ite"), (r"\bShia\b", "Shiite"),
    (r"\bal-", "al "), (r"\bU\.S\.", "US"), (r"\bUS\b", "U.S."),
)


def spellings(alias: str) -> set[str]:
    """*alias* and its usual variants: British and American spelling ("Organisation"), Shia or
    Shiite, "al-" or "al ", "U.S." or "US"."""
    found = {alias}
    for pattern, replacement in _SPELLING_SWAPS:
        found |= {re.sub(pattern, replacement, name) for name in found}
    return found


@cache
def _actor_patterns(gazetteer: Gazetteer) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """(case-sensitive acronyms, case-insensitive names, lower-cased alias -> actor)."""
    names: dict[str, str] = {}
    acronyms, words = [], []
    for actor in gazetteer.actors:
        for alias in (v for a in gazetteer.actor_aliases(actor) for v in spellings(a)):
            names.setdefault(alias.lower(), actor)
            is_acronym = re.fullmatch(r"[A-Z]{2,}s?", alias) is not None
            (acronyms if is_acronym else words).append(re.escape(alias))
    def alternation(aliases: list[str]) -> str:
        return "|".join(sorted(set(aliases), key=len, reverse=True))
    described = "|".join(f"(?P<d{i}>{pattern})" for i, (pattern, _) in enumerate(DESCRIPTIVE))
    generic = "|".join(f"(?P<g{i}>{pattern})" for i, (pattern, _) in enumerate(GENERIC))
    insensitive = re.compile(
        rf"(?<![\w-])(?:{described}|(?P<alias>{alternation(words)})|{generic}|"
        rf"(?P<victim>{VICTIM_NOUNS})){_TAIL}(?![\w])",
        re.I,
    )
    sensitive = re.compile(rf"(?<![\w-])(?P<alias>{alternation(acronyms)}){_TAIL}(?![\w])")
    return sensitive, insensitive, names


def find_actors(text: str, gazetteer: Gazetteer) -> list[ActorMention]:
    """Every actor *text* names, in order (civilians only where they are victims, and civilian
    property hit as CIVILIAN_PROPERTY)."""
    sensitive, insensitive, names = _actor_patterns(gazetteer)
    matches = sorted([*sensitive.finditer(text), *insensitive.finditer(text)],
                     key=lambda m: (m.start(), -m.end()))
    mentions, last_end = [], -1
    for hit in _PROPERTY.finditer(text):
        where = next(hit.start(name) for name in ("what", "done", "burnt", "whom")
                     if hit.group(name))
        mentions.append(ActorMention(CIVILIAN_PROPERTY, where, True))
    for hit in _NAMED_VICTIM.finditer(text):  # "Ali Hussein, 34, was shot dead"
        if not _RANK.search(text, max(0, hit.start() - 30), hit.end()):  # not "Petty Officer
            mentions.append(ActorMention(CIVILIANS, hit.start(), True))  # Jason Finan, 34"
    slogans = [(m.start(), m.end()) for m in _SLOGAN.finditer(text)
               if not _NAME_QUOTED.search(text, max(0, m.start() - 20), m.start())]
    for match in matches:
        if match.start() < last_end or _names_someone_else(text, match):
            continue
        if any(start < match.start() < end for start, end in slogans):
            continue  # "chanting 'Iran, out, out'" names no actor
        last_end = match.end()
        actor = _actor_of(match, names)
        victim = _is_victim(text, match)
        if actor == CIVILIANS or match.groupdict().get("victim"):
            if victim and not _OWN_MEN.search(text[max(0, match.start() - 12):match.start()]):
                mentions.append(ActorMention(CIVILIANS, match.start(), True))
            continue
        mentions.append(ActorMention(actor, match.start(), victim))
    return _without_descriptions(text, sorted(mentions, key=lambda m: m.start))


# A person named with an age and then killed or taken: a civilian, as obituaries and local
# reports tell them ("Ali Hussein, 34, a teacher, was shot dead").
_NAMED_VICTIM = re.compile(
    r"\b[A-Z][a-z'’-]+(?:\s+(?:al-|Al-|el-|bin\s+)?[A-Z][a-z'’-]+){1,3},\s+(?:aged\s+)?\d{1,2},\s+"
    r"(?:(?:a|an|the)\s+[\w\s'’-]{1,40},\s+)?(?:was|had\s+been|is)\s+(?:shot|killed|kidnapped|"
    r"abducted|gunned\s+down|assassinated|stabbed|murdered)\b")


# A rank: the named man is a soldier, not a civilian.
_RANK = re.compile(r"\b(?:Officer|Sgt|Sergeant|Corporal|Cpl|Private|Pvt|Capt|Captain|Lt|"
                   r"Lieutenant|Major|Maj|Colonel|Col|General|Gen|Brig|Specialist|Spc|Commander|"
                   r"Cmdr|Airman|Seaman|Marine)\b")


# "The YBS, a Yazidi armed group, ...": a description of the actor just named, not another one;
# "an armed group affiliated with the PKK": the affiliate names it.
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$", re.I)
_AFFILIATED = re.compile(
    r"^armed\s+(?:groups?|gangs?)\s+(?:affiliated\s+(?:with|to)|linked\s+to|allied\s+(?:with|to)|"
    r"loyal\s+to|close\s+to)\s+(?:the\s+)?$", re.I)


_GANGS_OF = re.compile(  # "the gangs of Daesh", "gunmen from Saraya al-Salam"
    r"(?i)(?:criminal\s+|armed\s+)?(?:gangs?|gunmen)\s+(?:of|from|belonging\s+to)\s+(?:the\s+)?$")


def _without_descriptions(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """*mentions* less an unidentified group that only describes an actor named beside it."""
    kept: list[ActorMention] = []
    for index, mention in enumerate(mentions):
        if mention.actor == "Unidentified armed group" and kept:
            between = text[kept[-1].start:mention.start]
            apposition = _APPOSITION.search(between)
            if apposition and "," not in between[:apposition.start()]:
                continue
        following = mentions[index + 1].start if index + 1 < len(mentions) else mention.start
        if mention.actor == "Unidentified armed group" and following > mention.start and \
                _GANGS_OF.match(text, mention.start, following):
            continue
        if mention.actor == "Unidentified armed group" and _AFFILIATED.search(
                text[mention.start:following]):
            continue
        kept.append(mention)
    return kept


# A short quotation inside a sentence: a slogan, a chant, a name for something (and its
# translation in brackets).
_SLOGAN = re.compile(r"(?<=\w[ ,])[\"“][^\"”]{1,40}[\"”](?:\s*\([^)]{1,40}\))?|"
                     r"^[\"“][^\"”]{1,40}[\"”](?=\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:chanted|shouted|"
                     r"sang|cried)\b)")  # '"Iran, Iran, out, out," the young men chanted'
# 'the so-called "Islamic Resistance in Iraq"': a name in quotation marks, not a slogan.
_NAME_QUOTED = re.compile(r"\b(?:the|so-called|called|named|known\s+as|calling\s+itself)\s+$",
                          re.I)
# "seven of his men were wounded": the speaker's fighters, not civilians.
_OWN_MEN = re.compile(r"\b(?:his|their|its|our)\s+$", re.I)


def _actor_of(match: re.Match, names: dict[str, str]) -> str:
    """The actor a match of the actor patterns names."""
    for key, value in match.groupdict().items():
        if value is None:
            continue
        if key == "alias":
            return names[value.lower()]
        if key.startswith("d"):
            return DESCRIPTIVE[int(key[1:])][1]
        if key.startswith("g"):
            return GENERIC[int(key[1:])][1]
    return CIVILIANS


# Whom an act is for or an accusation names, not who acts ("arrested ... spying for Turkey").
_BENEFICIARY = re.compile(
    r"\b(?:supplies|goods|equipment|fuel|cargo|logistics)\s+(?:[\w-]+\s+)?for\s+(?:the\s+)?$|"
    r"\b(?:caches?|weapons|depots?|arsenal|explosives|ammunition|launchers?|hideouts?)\s+"
    r"(?:[\w-]+\s+){0,3}(?:belong(?:ing|ed|s)\s+to|used\s+by|owned\s+by)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}$|"
    r"\b(?:offices?|headquarters|home|homes|house|houses|those|that)\s+of\s+(?:the\s+|a\s+)?"
    r"(?:[\w'’-]+\s+){0,3}(?:and\s+(?:the\s+)?)?$|\b(?:blamed|accused|accusing|blaming)\s+(?:the\s+)?$|"
    r"\b(?:spy(?:ing)?|spied|spies|working|worked|informing|informers?|collaborat\w+|"
    r"smuggling|recruiting|fundraising)\s+(?:for|with)\s+(?:the\s+)?$|"
    r"\bon\s+behalf\s+of\s+(?:the\s+)?$|\bhallmarks\s+of\s+(?:the\s+|an?\s+)?$|\b(?:reach|reached|reaching|toward|towards|fled\s+to|"
    r"flee(?:ing)?\s+to|escape\s+to)\s+(?:the\s+)?$|\b(?:links?|ties|loyalty)\s+(?:to|with)\s+(?:the\s+)?$|"
    r"\b(?:close|closer|aligned|allied)\s+(?:to|with)\s+"
    r"(?:the\s+)?$",
    re.I,
)


# "Gunmen wearing army uniforms", "disguised as police": a disguise, not the army or police.
_DISGUISE = re.compile(r"\s+uniforms?\b")
_DISGUISED_AS = re.compile(
    r"\b(?:disguised|dressed|posing|masquerading)\s+as\s+(?:[\w-]+\s+){0,3}$", re.I)


# "The PKK, which Ankara and the EU list as a terrorist organization": what the named group is
# called, not another group.
_LISTED_AS = re.compile(r"\b(?:lists?|listed|designates?|designated|considers?|considered|brands?|"
                        r"branded|classif(?:y|ies|ied)|labels?|labell?ed)\s+(?:it\s+)?as\s+"
                        r"(?:a|an)\s+$", re.I)
# "They shot at us like we were Daesh": a likeness, not the group.
_SIMILE = re.compile(r"\b(?:like|as\s+if|as\s+though)\s+(?:we|they|you|he|she|I|it)\s+"
                     r"(?:were|are|was)\s+(?:a\s+|an\s+|the\s+)?$", re.I)
# "the offices of at least four political parties, including the Dawa party and the Badr
# Organisation": the party's property was hit; the party did nothing.
_OFFICES_OF = re.compile(
    r"\b(?:set\s+fire\s+to|torched|burned|burnt|stormed|ransacked|attacked)\s+(?:the\s+)?"
    r"(?:offices?|headquarters|premises)\s+of\s+(?:[\w-]+\s+){0,6}?(?:(?:[\w-]+,\s+)?including\s+)?"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){1,3}(?:and|or)\s+(?:the\s+)?)?$", re.I)
_GUARDS_OF = re.compile(
    r"\b(?:guards?|gunmen|fighters|security\s+(?:men|staff))\s+(?:at|of|guarding|protecting)\s+"
    r"(?:the\s+)?(?:offices?|headquarters|building|compound)\s+of\s+(?:the\s+)?$", re.I)


# "Iran's Foreign Ministry summoned ...", "Turkey's ambassador": diplomats, not the armed forces.
_DIPLOMATS = re.compile(
    r"['’]s\s+(?:foreign\s+(?:ministry|minister|office)|embassy|consulate|ambassador|envoy|"
    r"diplomatic\s+mission|influence|role|interference|government|leaders?|"
    r"supreme\s+leader|president)\b", re.I)  # nor "Iran's influence"


# "houses belonging to families of tribesmen": the families are hit, not the tribes' fighters.
_KIN_OF = re.compile(r"\b(?:famil(?:y|ies)|relatives|wives|children|homes|houses)\s+of\s+(?:the\s+|"
                     r"(?:local|slain|dead|former)\s+)?$", re.I)


def _names_someone_else(text: str, match: re.Match) -> bool:
    """Whether the mention is part of "anti-X" or "X-backed", or names a beneficiary ("spying
    for X")."""
    before = text[max(0, match.start() - 40):match.start()]
    after = text[match.end():match.end() + 12].lower()
    if _GUARDS_OF.search(text[max(0, match.start() - 70):match.start()]):
        return False  # "guards at the headquarters of the Badr Organisation opened fire"
    if _OFFICES_OF.search(text[max(0, match.start() - 140):match.start()]):
        return True  # "set fire to the offices of four parties, including the Badr Organisation"
    return (before.lower().endswith("anti-") or _BENEFICIARY.search(before) is not None
            or re.match(r"-(?:backed|aligned|allied|linked|affiliated|funded|supported)\b", after)
            or _DISGUISE.match(after) is not None
            or _DISGUISED_AS.search(before) is not None
            or _DIPLOMATS.match(text, match.end()) is not None
            or _KIN_OF.search(before) is not None
            or _SUPPORTERS.match(text, match.end()) is not None
            or _STUDIED.search(before) is not None
            or (before.endswith("Iranian ") and match.group(0).lower().startswith("kurdish"))
            or _SIMILE.search(before) is not None  # "They shot at us like we were Daesh"
            or _LISTED_AS.search(before) is not None  # "which Ankara lists as a terrorist group"
            # "Iranian Kurdish rebels" are Iran's Kurdish parties, not the PKK
            or (match.group(0) in ("Iran", "Turkey")
                and _GOVERNMENT_TALKS.match(text, match.end()) is not None))


# "Iran condemned the attack and summoned Iraq's ambassador": a government talking, no party.
_GOVERNMENT_TALKS = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+)?(?:condemned|denied|summoned|said|says|accused|demanded|called|"
    r"urged|protested|rejected|warned|announced|insisted|blamed|vowed|recalled|welcomed)\b")
# "a researcher in the affairs of the armed groups": what someone studies, not who acts.
_STUDIED = re.compile(r"\b(?:affairs\s+of|experts?\s+on|specialists?\s+(?:in|on)|"
                      r"researchers?\s+(?:on|of|in)|research\s+on|studies\s+of)\s+(?:the\s+)?$",
                      re.I)
# "KH supporters and mourners gathered": the group's crowd, not the group.
_SUPPORTERS = re.compile(r"\s+(?:supporters|loyalists|followers|sympathi[sz]ers)\b", re.I)


def _is_victim(text: str, match: re.Match) -> bool:
    """Whether the mention names those killed, hurt or taken (not "ambushed by IS fighters")."""
    before = text[max(0, match.start() - 80):match.start()]
    if _BY.search(before):
        return False
    return bool(_VICTIM_BEFORE.search(before) or _VICTIM_AFTER.match(text[match.end():]))


_BY = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?$", re.I)
