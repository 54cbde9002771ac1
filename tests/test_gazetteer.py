"""The gazetteer finds Iraqi places and actors however they are spelt, and never guesses wildly."""

import json
from collections import defaultdict

import pytest

from briefings.gazetteer import (
    DEFAULT_PATH,
    Gazetteer,
    Match,
    default_gazetteer,
    normalise,
)

DATA = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
GOVERNORATES = (
    "Anbar", "Babil", "Baghdad", "Basra", "Dhi Qar", "Diyala", "Duhok", "Erbil", "Halabja",
    "Karbala", "Kirkuk", "Maysan", "Muthanna", "Najaf", "Nineveh", "Qadisiyah", "Saladin",
    "Sulaymaniyah", "Wasit",
)
CORE_ACTORS = (
    "Islamic State", "Peshmerga", "Iraqi Army", "Iraqi Police", "Iraqi Special Forces",
    "Shiite militias", "Sunni tribes", "US-led coalition", "Civilians",
)

REGION_NAMES = [
    (region["name"], alias)
    for region in DATA["regions"]
    for alias in (region["name"], *region["aliases"])
]
TOWN_NAMES = [
    (region["name"], town["name"], alias)
    for region in DATA["regions"]
    for town in region["towns"]
    for alias in (town["name"], *town["aliases"])
]
ACTOR_NAMES = [
    (actor["name"], alias)
    for actor in DATA["actors"]
    for alias in (actor["name"], *actor["aliases"])
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def owners(pairs) -> dict[str, set]:
    """Normalised alias -> every target claiming it."""
    claims = defaultdict(set)
    for target, alias in pairs:
        claims[normalise(alias)].add(target)
    return claims


# --- the data -------------------------------------------------------------------------------


def test_canonical_names(gaz):
    assert gaz.regions == GOVERNORATES
    assert gaz.actors[: len(CORE_ACTORS)] == CORE_ACTORS
    assert {"Kurdistan Workers' Party", "Turkish Armed Forces", "Unidentified armed group",
            "Protesters"} <= set(gaz.actors)


@pytest.mark.parametrize("region", DATA["regions"], ids=lambda region: region["name"])
def test_capital_is_the_first_town(region):
    assert region["towns"][0]["name"] == region["capital"]


@pytest.mark.parametrize("actor", DATA["actors"], ids=lambda actor: actor["name"])
def test_inter_is_an_acled_actor_type(actor):
    assert actor["inter"] in range(1, 9)


@pytest.mark.parametrize("alias", [alias for *_, alias in REGION_NAMES + TOWN_NAMES + ACTOR_NAMES])
def test_no_alias_normalises_to_nothing(alias):
    assert normalise(alias)


def test_no_alias_names_two_governorates():
    claims = owners(REGION_NAMES)
    assert {key: regions for key, regions in claims.items() if len(regions) > 1} == {}


def test_no_alias_names_two_towns():
    claims = owners(((region, town), alias) for region, town, alias in TOWN_NAMES)
    assert {key: towns for key, towns in claims.items() if len(towns) > 1} == {}


def test_no_town_alias_names_another_governorate():
    governorate_of = {key: regions.pop() for key, regions in owners(REGION_NAMES).items()}
    clashes = {
        alias: (region, governorate_of[normalise(alias)])
        for region, _, alias in TOWN_NAMES
        if governorate_of.get(normalise(alias), region) != region
    }
    assert clashes == {}


def test_no_alias_names_two_actors():
    claims = owners(ACTOR_NAMES)
    assert {key: actors for key, actors in claims.items() if len(actors) > 1} == {}


# --- normalising ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Al-Anbar Governorate", "anbar"),
        ("  ANBAR   province ", "anbar"),
        ("al-Ramadi", "ramadi"),
        ("Salah al-Din", "salah din"),
        ("El Kut", "kut"),
        ("Nīnawā", "ninawa"),
        ("at-Ta'mim", "at tamim"),
        ("Ta’mim", "tamim"),
        ("Ṣalāḥ ad-Dīn", "salah ad din"),
        ("the Iraqi army", "iraqi army"),
        ("U.S.-led coalition", "u s led coalition"),
        ("Wasit gov.", "wasit"),
        ("dhi_qar/province", "dhi qar"),
        ("   ", ""),
    ],
)
def test_normalise(text, key):
    assert normalise(text) == key


# --- regions and towns ----------------------------------------------------------------------


@pytest.mark.parametrize(("region", "alias"), REGION_NAMES)
def test_every_governorate_name_is_found(gaz, region, alias):
    assert gaz.region(alias) == Match(region, ())


@pytest.mark.parametrize(("region", "town", "alias"), TOWN_NAMES)
def test_every_town_name_is_found(gaz, region, town, alias):
    match = gaz.region(alias)
    assert (match.name, match.corrected) == (region, False)
    assert match.town in (town, None)  # None: the town shares a name with its governorate
    assert gaz.town(alias) == (town, region)


@pytest.mark.parametrize(
    "text",
    ["Al-Anbar", "al anbar", "ANBAR", "Anbar Province", "Anbar governorate",
     "Al-Anbar Governorate", "the Anbar province"],
)
def test_anbar_spellings(gaz, text):
    assert gaz.region(text) == Match("Anbar", ())


@pytest.mark.parametrize(
    ("text", "region", "town"),
    [
        ("Anbr", "Anbar", None),
        ("Al-Abar", "Anbar", None),
        ("Ninawah", "Nineveh", None),
        ("Salahudeen", "Saladin", None),
        ("Ramadee", "Anbar", "Ramadi"),
        ("Bagdhad", "Baghdad", None),
        ("Kirkk", "Kirkuk", None),
        ("Nasriyah", "Dhi Qar", "Nasiriyah"),
    ],
)
def test_near_misses_are_corrected(gaz, text, region, town):
    assert gaz.region(text) == Match(region, (), town, corrected=True)


@pytest.mark.parametrize(
    ("text", "region", "town"),
    [
        ("Ramadi", "Anbar", "Ramadi"),
        ("al-Ramadi", "Anbar", "Ramadi"),
        ("Mosul Dam", "Nineveh", "Mosul Dam"),
        ("al-Miqdadiya", "Diyala", "Muqdadiya"),
        ("Muqdadiya", "Diyala", "Muqdadiya"),
        ("Diwaniyah", "Qadisiyah", "Diwaniyah"),
        ("Kirkuk", "Kirkuk", None),
        ("Salah al-Din", "Saladin", None),
        ("Salahuddin", "Saladin", None),
        ("Salah ad-Din", "Saladin", None),
        ("Nīnawā", "Nineveh", None),
        ("Diyalah", "Diyala", None),
        ("Dhiqar", "Dhi Qar", None),
        ("Thi Qar", "Dhi Qar", None),
    ],
)
def test_seed_article_and_guide_spellings(gaz, text, region, town):
    assert gaz.region(text) == Match(region, (), town)


@pytest.mark.parametrize("text", ["Narnia", "Narnya", "Gondor", "Mordor"])
def test_a_different_word_is_no_near_miss(gaz, text):
    """Sharing letters is not enough: "Narnia" is two edits from "Nasriya", not a typo of it."""
    match = gaz.region(text)
    assert (match.name, match.corrected) == (None, False)


def test_a_typo_in_a_long_name_may_be_two_edits(gaz):
    assert gaz.region("Sulaimanyia").name == "Sulaymaniyah"


def test_ambiguous_near_miss_gives_suggestions(gaz):
    match = gaz.region("Abil")  # Babil or Arbil?
    assert match.name is None
    assert {"Babil", "Erbil"} <= set(match.suggestions)
    assert len(match.suggestions) == len(set(match.suggestions)) <= 5


@pytest.mark.parametrize("text", ["Atlantis", "Qwertyuiop", "Ir", "", "   "])
def test_no_match(gaz, text):
    assert gaz.region(text).name is None
    assert gaz.town(text) is None


@pytest.mark.parametrize("text", ["", "   ", "Ir", "al-"])
def test_short_or_blank_text_finds_nothing(gaz, text):
    assert gaz.region(text) == Match(None, ())
    assert gaz.actor(text) == Match(None, ())


def test_town_lookup(gaz):
    assert gaz.town("Fallouja") == ("Fallujah", "Anbar")
    assert gaz.town("Tall Afar") == ("Tal Afar", "Nineveh")
    assert gaz.town("Ramadee") == ("Ramadi", "Anbar")
    assert gaz.town("Kirkuk") == ("Kirkuk", "Kirkuk")
    assert gaz.town("Anbar") is None


def test_region_details(gaz):
    assert gaz.capital("Anbar") == "Ramadi"
    assert gaz.capital("Qadisiyah") == "Diwaniyah"
    assert gaz.towns("Anbar")[0] == "Ramadi"
    assert {"Fallujah", "Haditha", "Hit", "al-Qaim", "Rutba"} <= set(gaz.towns("Anbar"))
    assert {"Mosul", "Mosul Dam", "Tal Afar", "Sinjar"} <= set(gaz.towns("Nineveh"))
    assert gaz.region_aliases("Anbar")[:3] == ("Anbar", "Al Anbar", "al-Anbar")
    with pytest.raises(KeyError):
        gaz.towns("Atlantis")


# --- actors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("actor", "alias"), ACTOR_NAMES)
def test_every_actor_name_is_found(gaz, actor, alias):
    assert gaz.actor(alias) == Match(actor, ())


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("ISIS", "Islamic State"),
        ("daesh", "Islamic State"),
        ("Daish", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("IS", "Islamic State"),
        ("Kurdish peshmerga fighters", "Peshmerga"),
        ("peshmerga", "Peshmerga"),
        ("Kurdish forces", "Peshmerga"),
        ("Shiite militia", "Shiite militias"),
        ("Hashd al-Shaabi", "Shiite militias"),
        ("PMF", "Shiite militias"),
        ("the Iraqi army", "Iraqi Army"),
        ("Iraqi security forces", "Iraqi Army"),
        ("tribal fighters", "Sunni tribes"),
        ("U.S.-led coalition", "US-led coalition"),
        ("coalition air strikes", "US-led coalition"),
    ],
)
def test_actor_spellings(gaz, text, actor):
    assert gaz.actor(text) == Match(actor, ())


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Islamic Stat", "Islamic State"),
        ("Peshmerga fighter", "Peshmerga"),
        ("Iraqi polise", "Iraqi Police"),
        ("Sunni tribal fighter", "Sunni tribes"),
    ],
)
def test_actor_near_misses_are_corrected(gaz, text, actor):
    assert gaz.actor(text) == Match(actor, (), corrected=True)


def test_ambiguous_actor_gives_suggestions(gaz):
    match = gaz.actor("Shwa militia")  # Sahwa militia or Shia militia?
    assert match.name is None
    assert {"Sunni tribes", "Shiite militias"} <= set(match.suggestions)


def test_unknown_actor(gaz):
    assert gaz.actor("Martians").name is None


def test_actor_details(gaz):
    assert gaz.actor_inter("Islamic State") == 2
    assert gaz.actor_inter("Iraqi Army") == 1
    assert gaz.actor_inter("Civilians") == 7
    assert gaz.actor_inter("US-led coalition") == 8
    assert gaz.actor_inter("Martians") is None
    assert gaz.actor_aliases("Islamic State")[0] == "Islamic State"
    assert {"ISIS", "ISIL", "Daesh", "Daish"} <= set(gaz.actor_aliases("Islamic State"))


# --- loading --------------------------------------------------------------------------------


def test_default_instance_is_shared():
    assert Gazetteer.load() is default_gazetteer() is Gazetteer.load(None)


def test_load_from_a_path(tmp_path):
    path = tmp_path / "mini.json"
    path.write_text(json.dumps({
        "regions": [{"name": "Wasit", "aliases": ["Wassit"], "capital": "Kut",
                     "towns": [{"name": "Kut", "aliases": ["al-Kut"]}]}],
        "actors": [{"name": "Civilians", "aliases": ["residents"], "inter": 7}],
    }), encoding="utf-8")
    mini = Gazetteer.load(path)
    assert mini.regions == ("Wasit",)
    assert mini.region("al-Kut") == Match("Wasit", (), "Kut")
    assert mini.actor("residents") == Match("Civilians", ())
    assert mini is not default_gazetteer()


@pytest.mark.parametrize("text", ["Diyala", "Diyala Province", "Al-Anbar Governorate"])
def test_a_governorate_name_is_not_read_as_a_misspelt_town(text):
    assert default_gazetteer().town(text) is None
