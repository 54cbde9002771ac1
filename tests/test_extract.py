"""Articles become the events an analyst would record: dated, placed, attributed, typed, counted."""

import datetime as dtm
import json
from pathlib import Path

import pytest

from briefings.events import MAX_SUMMARY, Event
from briefings.extract import Candidate, extract_events, find_duplicate
from briefings.extraction.dates import find_date, resolve
from briefings.extraction.mentions import find_actors, find_places
from briefings.extraction.numbers import fatalities, parse_number
from briefings.extraction.text import read_article, split_sentences
from briefings.gazetteer import default_gazetteer
from tests import bench_extract

SEED = bench_extract.SEED
SAMPLE_EVENTS = Path(__file__).resolve().parents[1] / "briefings" / "sample_events.json"
TODAY = dtm.date(2024, 5, 1)
D = dtm.date


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the seed article (../shared/seed-article.txt) is not here")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def samples() -> list[Event]:
    return [Event.from_doc(doc) for doc in json.loads(SAMPLE_EVENTS.read_text("utf-8"))]


def extract(text: str, **options) -> list[Candidate]:
    return extract_events(text, today=TODAY, **options)


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Jan. 21, Islamic State attacked", D(2015, 1, 21)),
        ("January 21, 2015 saw fighting", D(2015, 1, 21)),
        ("fighting on 21 January killed", D(2015, 1, 21)),
        ("the same day, militias", D(2015, 1, 20)),
        ("Yesterday, a bomb", D(2015, 1, 21)),
        ("on Tuesday, troops", D(2015, 1, 20)),
        ("late on Thursday", D(2015, 1, 22)),  # the article's own weekday is that day
        ("Two days later, jets", D(2015, 1, 22)),
        ("three days ago", D(2015, 1, 19)),
        ("on Dec. 30 gunmen", D(2014, 12, 30)),  # no year, after the article: the year before
    ],
)
def test_dates_resolve_against_the_article_and_the_last_date(text, expected):
    article, last_mentioned = D(2015, 1, 22), D(2015, 1, 20)  # a Thursday; a Tuesday
    mention = find_date(text, 2015)
    assert resolve(mention, article, last_mentioned) == expected


def test_text_without_a_date_has_none():
    assert find_date("Militias may pave the way in May to victory", 2015) is None


@pytest.mark.parametrize(
    "opening",
    [
        "BAGHDAD, Jan. 22, 2015 — Gunmen kidnapped five engineers in Dora on Wednesday.",
        "January 22, 2015\n\nGunmen kidnapped five engineers in Dora on Wednesday.",
        "RAMADI, Iraq, Jan. 22, 2015 (AP) — Gunmen kidnapped five engineers in Dora on Wednesday.",
        "BAGHDAD (AP) — January 22, 2015\n\nGunmen kidnapped five engineers in Dora on Wednesday.",
        "22 January 2015\n\nGunmen kidnapped five engineers in Dora on Wednesday.",
        "Baghdad, 22 January 2015 – Gunmen kidnapped five engineers in Dora yesterday.",
    ],
)
def test_datelines_date_the_article(opening):
    (event,) = extract(opening)
    assert event.date == D(2015, 1, 21)
    assert event.region == "Baghdad" and event.location == "Dora"


def test_a_year_missing_comes_from_the_dateline_else_the_given_date_else_today():
    text = "On March 3, gunmen kidnapped five engineers in Dora."
    assert extract("BAGHDAD, March 5, 2016 — " + text)[0].date == D(2016, 3, 3)
    assert extract(text, article_date=D(2015, 3, 9))[0].date == D(2015, 3, 3)
    assert extract(text)[0].date == D(2024, 3, 3)


def test_a_dateline_outranks_the_date_given():
    text = "BAGHDAD, March 5, 2016 — Yesterday gunmen kidnapped five engineers in Dora."
    assert extract(text, article_date=D(2020, 1, 1))[0].date == D(2016, 3, 4)


# --- fatalities -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ISIS has left more than 200 bodies of its fighters in the field", 200),
        ("air raids have killed 30 Islamic State fighters", 30),
        ("the blast killed thirty people", 30),
        ("killing twenty-five worshippers", 25),
        ("Four soldiers and eleven militants died in the fighting", 15),
        ("15 militants were killed", 15),
        ("at least 49 of them were later found executed", 49),
        ("the militia lost 12 fighters", 12),
        ("killing two of them and wounding 30", 2),
        ("a roadside bomb killed three soldiers and two policemen near Tarmiya", 5),
        ("the raid killed three soldiers and wounded two policemen", 3),
        ("Its forces attacked Ramadi using seven car bombs.", None),
        ("the liberation forces of Mosul will have 5,000 fighters in five days", None),
        ("the peshmerga fighters are 10 miles from Mosul", None),
        ("has lost 20 percent to 25 percent of its territory", None),
        ("55 kilometres southwest of Kirkuk, killing 22 militants", 22),
        ("a roadside bomb wounded 40 people", None),
        ("coalition aircraft struck 52 targets", None),
        # one victim told without a number, and the victims listed after it
        ("unknown gunmen shot dead a shepherd near Daquq", 1),
        ("a police lieutenant was killed when his car hit a mine", 1),
        ("a mortar round hit a house, killing a man, his wife and their three children", 5),
        ("gunmen in two cars shot dead a tribal sheikh and his driver", 2),
        ("opened fire on the activist, killing her instantly", 1),
        ("killing a woman and wounding two children", 1),
        ("airstrikes killed an unknown number of militants", None),
        ("On April 1 gunmen stormed the market", None),
    ],
)
def test_fatalities_are_death_tolls_only(text, expected):
    assert fatalities(text) == expected


@pytest.mark.parametrize(
    ("words", "value"),
    [("1,500", 1500), ("seventeen", 17), ("twenty-five", 25), ("two hundred", 200),
     ("a dozen", 12), ("three thousand", 3000), ("several", None)],
)
def test_numbers_in_digits_and_words(words, value):
    assert parse_number(words) == value


# --- places and actors ----------------------------------------------------------------------


def test_places_include_misspellings_where_a_place_is_expected(gaz):
    (place,) = find_places("On Jan. 21 in Al-Abar, Iraq's largest province, it attacked.", gaz)
    assert (place.region, place.corrected) == ("Anbar", True)
    assert find_places("Demonstrators marched during Ashura. Ankara says so.", gaz) == []


def test_places_map_towns_to_governorates_and_spot_reference_points(gaz):
    text = "in the town of al-Miqdadiya, in the Diyala Province northeast of Baghdad"
    found = [(p.region, p.town, p.reference) for p in find_places(text, gaz)]
    assert found == [("Diyala", "Muqdadiya", False), ("Diyala", None, False),
                     ("Baghdad", None, True)]
    assert find_places("near the Mosul dam", gaz)[0].town == "Mosul Dam"


def test_a_person_is_not_a_place(gaz):
    assert find_places("Qasim Soleimani visited the front.", gaz) == []


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("The Iraqi army, police, special forces and Sunni tribes repelled the attack.",
         ["Iraqi Army", "Iraqi Police", "Iraqi Special Forces", "Sunni tribes"]),
        ("Kurdish peshmerga fighters are 10 miles from Mosul", ["Peshmerga"]),
        ("Shiite militia infiltrated Islamic State", ["Shiite militias", "Islamic State"]),
        ("Iraqi troops and Shiite paramilitary fighters pushed in",
         ["Iraqi Army", "Shiite militias"]),
        ("Islamic State gunmen abducted 40 women", ["Islamic State", "Civilians"]),
        ("a goal for anti-Islamic State forces", []),
        ("Yazidi civilians trapped there", []),  # civilians count only as victims
    ],
)
def test_actors_by_name_and_description(gaz, text, actors):
    found = [m.actor for m in find_actors(text, gaz)]
    assert [a for a in found if not a.startswith("<")] == actors


# --- event types ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub_event_type"),
    [
        ("IS attacked Ramadi with seven car bombs.", "Explosions/Remote violence",
         "Remote explosive/landmine/IED"),
        ("Kurdish peshmerga forces reclaimed villages near Sinjar.", "Battles",
         "Government regains territory"),
        ("Iraqi troops pushed Islamic State out of three villages near Baiji.", "Battles",
         "Government regains territory"),
        ("Islamic State fighters seized the town of Hit.", "Battles",
         "Non-state actor overtakes territory"),
        ("Shiite militia clashed with Islamic State in Baqubah.", "Battles", "Armed clash"),
        ("Air raids near Mosul killed 30 Islamic State fighters.", "Explosions/Remote violence",
         "Air/drone strike"),
        ("A suicide bomber blew himself up in Sadr City, killing 21 people.",
         "Explosions/Remote violence", "Suicide bomb"),
        ("Islamic State fighters shelled Khanaqin with mortars.", "Explosions/Remote violence",
         "Shelling/artillery/missile attack"),
        ("Militants conducted an indirect fire attack on Camp Taji.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Gunmen kidnapped three engineers in Dora.", "Violence against civilians",
         "Abduction/forced disappearance"),
        ("Islamic State snipers killed 12 civilians in Fallujah.", "Violence against civilians",
         "Attack"),
        ("Police in Karbala arrested four suspects accused of planning attacks.",
         "Strategic developments", "Arrests"),
        ("Islamic State still controls Tikrit.", "Strategic developments", "Other"),
        ("Protesters marched peacefully through Diwaniyah.", "Protests", "Peaceful protest"),
        ("Police fired tear gas at protesters in Basra.", "Protests",
         "Protest with intervention"),
        ("Demonstrators set fire to party offices in Najaf.", "Riots", "Violent demonstration"),
        ("Peshmerga forces took control of Kirkuk after Iraqi troops withdrew.",
         "Strategic developments", "Non-violent transfer of territory"),
    ],
)
def test_types_come_from_verbs_nouns_and_actors(sentence, event_type, sub_event_type):
    (event,) = extract(sentence, article_date=D(2015, 1, 22))
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Liberating Mosul is a critical goal for anti-Islamic State forces.",
        "These battles may pave the way to the liberation of Mosul.",
        "Shiite militias and Sunni tribes fought Islamic State throughout the country.",
        "The governor of Diyala said the province needs 2,000 more policemen.",
        "Skip to main content\n\nPopular Video",
        "Amnesty International calls on the authorities in Basra to reveal the whereabouts of "
        "all detained activists.",
        "Images show that the grenades fired at protesters in Baghdad were manufactured in "
        "Serbia and Iran.",
        "Hundreds of men and boys detained by government forces near Fallujah remain "
        "unaccounted for.",
        "More than 20 rocket attacks have targeted bases hosting U.S. troops in Baghdad since "
        "late October, according to U.S. officials.",
        "The attack brings to 21 the number of soldiers killed in the Metina region of Duhok "
        "since December.",
        "U.S. officials have said they are prepared to deploy attack helicopters closer to the "
        "front lines in Ramadi.",
        "Tikrit, recaptured by government forces and militias at the end of March, offers a "
        "cautionary precedent.",
        "For the protesters who have occupied squares in Baghdad and the south since October, "
        "the standoff has been a distraction.",
        "A militia spokesman said the Hashd had no interest in fighting the peshmerga in Tuz "
        "Khurmatu.",
        "Interior Ministry figures show that 2,100 explosive devices have been defused in "
        "Baghdad since January.",
        "Hundreds of air force recruits captured at Camp Speicher near Tikrit were massacred by "
        "the group at the time.",
        "The attack on Kirkuk likely reflects the group's effort to divert troops and militias "
        "away from Mosul.",
    ],
)
def test_forecasts_generalities_and_furniture_yield_nothing(text):
    assert extract(text, article_date=D(2015, 1, 22)) == []


def test_air_strikes_without_a_named_air_force_are_the_coalition_s():
    (event,) = extract("Air raids near Mosul killed 30 Islamic State fighters.",
                       article_date=D(2015, 1, 22))
    assert set(event.actors) == {"US-led coalition", "Islamic State"}
    assert event.confidence < 1


# --- the seed article -----------------------------------------------------------------------


def test_seed_article_gives_exactly_the_analyst_s_events(seed_text, samples):
    found = extract(seed_text, article_date=D(2015, 1, 21))

    def shape(event):
        return (event.date, event.region, event.location, frozenset(event.actors),
                event.event_type, event.sub_event_type, event.fatalities)

    def order(shaped):
        return shaped[2], shaped[5]

    assert sorted(map(shape, found), key=order) == sorted(map(shape, samples), key=order)
    assert {c.source for c in found} == {"Yahoo"}


def test_seed_sentences_about_one_event_are_merged(seed_text):
    found = extract(seed_text, article_date=D(2015, 1, 21))
    (dam,) = [c for c in found if c.location == "Mosul Dam"]
    assert dam.fatalities == 200
    assert "Masrour Barzani said ISIS (Islamic State) has left more than 200 bodies" in dam.summary
    (ramadi,) = [c for c in found if c.location == "Ramadi"]
    assert ramadi.evidence[0].startswith("On Jan. 21 in Al-Abar")
    assert ramadi.summary.startswith("Islamic State's forces attacked")
    assert "repelled the attack" in ramadi.summary
    for candidate in found:
        assert 0 < len(candidate.summary) <= MAX_SUMMARY
        assert len(split_sentences(candidate.summary)) <= 2


def test_seed_events_already_stored_are_flagged(seed_text, samples):
    found = extract(seed_text, article_date=D(2015, 1, 21), existing=samples)
    by_place_and_type = {(e.location, e.sub_event_type): e.id for e in samples}
    for candidate in found:
        assert candidate.duplicate_of == by_place_and_type[
            (candidate.location, candidate.sub_event_type)]


def test_no_duplicate_without_same_date_region_actor_and_similar_summary(samples):
    (candidate,) = extract("On Jan. 21 Shiite militia clashed with Islamic State in "
                           "al-Miqdadiya and forced its fighters into nearby farmland.",
                           article_date=D(2015, 1, 22))
    assert find_duplicate(candidate, samples) == "mqdd21"
    moved = [e.with_changes(date=D(2015, 1, 20)) for e in samples]
    assert find_duplicate(candidate, moved) is None
    others = [e.with_changes(actors=("Peshmerga",)) for e in samples]
    assert find_duplicate(candidate, others) is None
    unlike = [e.with_changes(summary="Protesters marched in the capital.") for e in samples]
    assert find_duplicate(candidate, unlike) is None


def test_candidates_serialise_with_the_issue_s_keys(seed_text):
    (first, *_) = extract(seed_text, article_date=D(2015, 1, 21))
    data = first.to_json()
    assert list(data) == ["date", "region", "location", "actors", "event_type", "sub_event_type",
                          "fatalities", "summary", "source", "confidence", "evidence",
                          "duplicate_of"]
    assert data["date"] == "2015-01-21"
    assert isinstance(data["actors"], list) and isinstance(data["evidence"], list)
    assert json.loads(json.dumps(data)) == data


# --- sources and confidence -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to Yahoo, gunmen kidnapped five engineers in Dora.", "Yahoo"),
        ("Gunmen kidnapped five engineers in Dora, Reuters reported.", "Reuters"),
        ("Gunmen kidnapped five engineers in Dora.\n\nSource: Yahoo Image via Wikimedia", "Yahoo"),
        ("BAGHDAD, Jan. 22, 2015 (AP) — Gunmen kidnapped five engineers in Dora.", "AP"),
    ],
)
def test_sources_are_read_from_credits(text, source):
    assert extract(text, article_date=D(2015, 1, 22))[0].source == source


def test_guessed_dates_and_places_lower_confidence():
    told, (_, guessed) = (
        extract("Militants shelled Dora with mortars on Jan. 20.", article_date=D(2015, 1, 22)),
        extract("On Jan. 20, gunmen kidnapped five engineers in Dora.\n\n"
                "Militants shelled the town with mortars.", article_date=D(2015, 1, 22)),
    )
    (sure,) = told
    assert (guessed.region, guessed.date) == (sure.region, sure.date) == ("Baghdad", D(2015, 1, 20))
    assert 0 < guessed.confidence < sure.confidence < 1


def test_read_article_drops_page_furniture(seed_text):
    body = read_article(seed_text, 2015)
    sentences = [s for paragraph in body.paragraphs for s in paragraph]
    assert sentences[0].startswith("On Jan. 21")
    assert not any("Popular Video" in s or "Skip to" in s for s in sentences)


# --- the labelled set -----------------------------------------------------------------------


def test_precision_and_recall_on_the_labelled_set():
    articles = bench_extract.load_articles()
    held_out = [a for a in articles if a.split == "held_out"]
    assert len(held_out) >= 5
    for split in bench_extract.SPLITS:
        result = bench_extract.score([a for a in articles if a.split == split])
        print(f"\n{split}: precision {result.precision:.2f} recall {result.recall:.2f} "
              f"over {result.recorded} events in {result.articles} texts")
        # A floor against regressions below the figures measured: on held-out texts by
        # authors who never saw the extractor (measured at the start and the end of the session
        # that held them out; 1081-1120, wire reports, newspaper correspondents' reports, Iraqi,
        # Kurdish and regional outlets in English and online round-ups in the seed's own form:
        # precision 0.65, recall 0.66 over 189 events at both, far below the issue's 0.9 aim and
        # the 0.95 / 0.97 at which two analysts agree, see the closing notes), and on the tuning
        # texts (0.73 / 0.75 over 1,053 texts once 1001-1040 joined them; the later genres are
        # harder even after tuning, so that floor is 0.70).
        floor = 0.25 if split == "held_out" else 0.70
        assert result.precision >= floor
        assert result.recall >= floor


# --- weaknesses found on the first held-out texts -------------------------------------------


def test_a_name_spelt_right_inside_a_phrase_beats_a_misspelling_of_the_phrase(gaz):
    (dora, baghdad) = find_places("gunmen struck in the Dora district of southern Bagdad", gaz)
    assert (dora.town, dora.corrected) == ("Dora", False)
    assert baghdad.region == "Baghdad"


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Iraqi troops backed by Badr Organization fighters clashed with Islamic State near "
         "Baqubah.", "Armed clash"),
        ("Kurdish fighters backed by U.S. air strikes broke the Islamic State siege of Mount "
         "Sinjar.", "Government regains territory"),
        ("Iraqi troops backed by U.S.-led coalition air strikes and armed tribesmen retook Hit.",
         "Government regains territory"),
    ],
)
def test_who_backed_an_action_hides_only_the_backers(sentence, sub_event_type):
    (event,) = extract(sentence, article_date=D(2015, 1, 22))
    assert event.sub_event_type == sub_event_type


def test_backers_named_a_few_words_after_backed_are_still_only_backers():
    (event,) = extract("Iraqi soldiers and Shiite militiamen, backed in the final days by American "
                       "airstrikes, took the center of Tikrit on Tuesday after a monthlong "
                       "offensive.", article_date=D(2015, 4, 2))
    assert event.event_type == "Battles"
    assert {"Iraqi Army", "Shiite militias", "US-led coalition"} <= set(event.actors)


def test_a_district_no_gazetteer_lists_is_a_quarter_of_the_city_not_a_misspelt_town():
    (_, sniping) = extract(
        "Iraqi troops fought Islamic State militants in the old city of Mosul on Wednesday.\n\n"
        "On Thursday, an Islamic State sniper killed two women as they crossed a street near "
        "the Faruq district.", article_date=D(2017, 6, 23))
    assert sniping.region == "Nineveh"  # not Kirkuk's Daquq


def test_a_toll_after_the_scene_moved_is_not_the_last_event_s():
    first, second = extract(
        "On Jan. 21 gunmen kidnapped three engineers in Dora.\n\n"
        "In Diyala, Iraqi troops were deployed near Baqubah on Jan. 20. "
        "Four soldiers and eleven militants died in the fighting.",
        article_date=D(2015, 1, 22),
    )
    assert first.fatalities is None
    assert (second.region, second.date, second.fatalities) == ("Diyala", D(2015, 1, 20), 15)


def test_two_actions_in_a_sentence_are_two_events_unless_one_supports_the_other():
    shelled, kidnapped = extract(
        "On Jan. 20 gunmen shelled Khanaqin and kidnapped two farmers near Jalawla.",
        article_date=D(2015, 1, 22))
    assert (shelled.location, shelled.sub_event_type) == (
        "Khanaqin", "Shelling/artillery/missile attack")
    assert (kidnapped.location, kidnapped.sub_event_type) == (
        "Jalawla", "Abduction/forced disappearance")
    (battle,) = extract("Islamic State fighters shelled Samarra with mortars and attacked police "
                        "checkpoints.", article_date=D(2015, 1, 22))
    assert battle.sub_event_type == "Armed clash"
    (bombing,) = extract("A suicide bomber detonated his vest in Hilla and killed 21 people.",
                         article_date=D(2015, 1, 22))
    assert (bombing.sub_event_type, bombing.fatalities) == ("Suicide bomb", 21)


# --- weaknesses found on held-out texts 15-20 -----------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "days"),
    [("A day earlier", -1), ("a day later", 1), ("Two days before", -2), ("three days after", 3)],
)
def test_days_earlier_or_later_count_from_the_date_last_mentioned(phrase, days):
    mention = find_date(f"{phrase}, gunmen attacked a checkpoint.", 2019)
    assert resolve(mention, D(2019, 7, 22), D(2019, 7, 10)) == D(2019, 7, 10) + dtm.timedelta(days)


def test_a_drone_strike_by_a_named_actor_is_theirs_and_an_unnamed_one_the_coalition_s():
    (named,) = extract("IS fighters launched three armed drones against police units in Mosul, "
                       "wounding five policemen.", article_date=D(2017, 2, 27))
    assert "US-led coalition" not in named.actors
    (unnamed,) = extract("Air strikes killed 30 Islamic State fighters near Mosul on Feb. 20.",
                         article_date=D(2017, 2, 27))
    assert set(unnamed.actors) == {"US-led coalition", "Islamic State"}


def test_protesters_shot_at_are_not_civilians():
    (event,) = extract("Security forces opened fire on protesters in Nasiriya, killing four "
                       "people.", article_date=D(2019, 10, 3))
    assert event.sub_event_type == "Excessive force against protesters"
    assert "Civilians" not in event.actors


def test_whom_a_suspect_worked_for_is_no_actor(gaz):
    actors = [m.actor for m in find_actors("arrested three men suspected of spying for Turkey "
                                           "and working for the PKK", gaz) if not m.victim]
    assert actors == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Kurdish security forces arrested three men in Erbil suspected of spying for Turkey.",
        "Police in Erbil said they had arrested a suspected Islamic State emir.",
        "Police detained five men in Erbil accused of attacking liquor stores.",
    ],
)
def test_the_people_arrested_are_not_actors_of_the_arrest(sentence):
    (event,) = extract(sentence, article_date=D(2018, 9, 10))
    assert event.sub_event_type == "Arrests"
    assert len(event.actors) == 1 and event.actors[0] in ("Peshmerga", "Iraqi Police")


def test_an_arrest_over_a_bombing_is_its_own_event_and_the_speaker_made_it():
    bombing, arrest = extract(
        "Two bombs exploded near a mosque in Basra on Sunday, wounding nine worshippers. "
        "Police in Basra said on Monday they had detained 12 suspects in connection with the "
        "mosque bombing.", article_date=D(2016, 5, 2))
    assert (arrest.event_type, arrest.sub_event_type) == ("Strategic developments", "Arrests")
    assert bombing.event_type == "Explosions/Remote violence"
    assert arrest.actors == ("Iraqi Police",) and arrest.date == D(2016, 5, 2)


def test_a_named_person_shot_dead_is_a_civilian_victim():
    (event,) = extract("In Musayyib, gunmen shot dead a local tribal sheikh and his driver on "
                       "30 April.", article_date=D(2016, 5, 2))
    assert (event.date, event.event_type) == (D(2016, 4, 30), "Violence against civilians")


# --- weaknesses found on the third held-out texts -------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Badr Organisation fighters", "Shiite militias"),
        ("the Popular Mobilisation Units", "Shiite militias"),
        ("Shia paramilitary fighters", "Shiite militias"),
        ("Iraqi federal forces", "Iraqi Army"),
        ("pro-government troops", "Iraqi Army"),
    ],
)
def test_british_spellings_and_descriptions_name_actors(gaz, text, actor):
    assert [m.actor for m in find_actors(text, gaz)] == [actor]


def test_an_exchange_of_artillery_fire_is_a_battle():
    (event,) = extract("Peshmerga and Iraqi troops exchanged artillery fire near Makhmour on "
                       "Monday, leaving two dead.", article_date=D(2017, 10, 18))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert set(event.actors) == {"Peshmerga", "Iraqi Army"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Angry residents pelted the governor's convoy with stones in Basra on Sunday.",
        "Youths threw petrol bombs at the party office in Nasiriyah on Sunday.",
    ],
)
def test_stones_and_petrol_bombs_make_a_riot(sentence):
    (event,) = extract(sentence, article_date=D(2019, 10, 7))
    assert (event.event_type, event.actors) == ("Riots", ("Rioters",))


@pytest.mark.parametrize(
    "text",
    [
        "A coalition spokesman said U.S. aircraft were not involved in the raid on Mosul.",
        "The army denied carrying out air strikes on Tal Afar on Monday.",
        "The government has promised to replace the bomb detectors used at Baghdad checkpoints.",
        "Militants threatened to attack Kirkuk with rockets.",
    ],
)
def test_denials_and_promises_are_not_events(text):
    assert extract(text, article_date=D(2017, 10, 18)) == []


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("Iranian artillery shelled villages around Sidakan in Erbil on Sunday.",
         {"Iranian forces", "Civilians"}),
        ("Shiite militiamen torched dozens of homes in Tuz Khurmatu on Monday.",
         {"Shiite militias", "Civilians"}),
        ("Turkish jets bombed PKK hideouts near villages around Amadiya on Sunday.",
         {"Turkish Armed Forces", "Kurdistan Workers' Party"}),
        ("Islamic State shelled Peshmerga positions near Gwer on Sunday.",
         {"Islamic State", "Peshmerga"}),
    ],
)
def test_homes_and_villages_hit_make_civilians_the_target(sentence, actors):
    (event,) = extract(sentence, article_date=D(2018, 9, 10))
    assert set(event.actors) == actors


# --- phrasings probed after the third round -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "region", "actors", "sub_event_type"),
    [
        ("A car bomb ripped through a crowded market in Baghdad's Shaab district on Thursday, "
         "killing 15 people.", "Baghdad", {"Civilians", "Unidentified armed group"},
         "Remote explosive/landmine/IED"),
        ("Gunmen on a motorbike assassinated an activist outside his home in Amarah on Monday.",
         "Maysan", {"Civilians", "Unidentified armed group"}, "Attack"),
        ("A drone attack targeted Erbil airport late on Wednesday, causing no casualties.",
         "Erbil", {"Unidentified armed group", "US-led coalition"}, "Air/drone strike"),
        ("Jihadists attacked a Popular Mobilisation checkpoint in Diyala on Tuesday.",
         "Diyala", {"Islamic State", "Shiite militias"}, "Armed clash"),
        ("Turkish warplanes struck suspected PKK targets in the Qandil mountains on Sunday.",
         "Erbil", {"Turkish Armed Forces", "Kurdistan Workers' Party"}, "Air/drone strike"),
        ("The jihadists executed 40 men in the village of Albu Nimr on Monday.",
         "Anbar", {"Islamic State", "Civilians"}, "Attack"),
        ("Unknown assailants threw a grenade at a liquor store in Baghdad on Sunday.",
         "Baghdad", {"Unidentified armed group"}, "Grenade"),
        ("Militiamen from Kataib Hezbollah stormed the office of a Kurdish party in Baghdad on "
         "Saturday.", "Baghdad", {"Shiite militias"}, "Looting/property destruction"),
        ("A sniper shot dead a soldier in Fallujah on Sunday.",
         "Anbar", {"Unidentified armed group", "Iraqi Army"}, "Armed clash"),
        ("Counter-terrorism troops entered the Old City of Mosul on 18 June.",
         "Nineveh", {"Iraqi Special Forces", "Unidentified armed group"}, "Armed clash"),
    ],
)
def test_common_phrasings_of_the_war(sentence, region, actors, sub_event_type):
    (event,) = extract(sentence, article_date=D(2019, 11, 1))
    assert (event.region, set(event.actors), event.sub_event_type) == (
        region, actors, sub_event_type)


def test_a_sit_in_over_an_assassination_is_a_protest_not_a_killing():
    (event,) = extract("Hundreds of people staged a sit-in in Nasiriya on Tuesday to denounce "
                       "the assassination.", article_date=D(2020, 8, 20))
    assert (event.event_type, event.actors) == ("Protests", ("Protesters",))


# --- the second author's texts (27-40): what they taught ------------------------------------


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("ERBIL, Aug. 12, 2021 — On the 8th, Turkish commandos clashed with PKK fighters near "
         "Amadiya.", [D(2021, 8, 8)]),
        ("ERBIL, Aug. 12, 2021 — Earlier this week, masked men abducted an activist in Baghdad.",
         [None]),
        ("Protesters hurled stones at police in Basra on September 4, 2018.\n\n"
         "Rockets fell near Basra airport on September 8.", [D(2018, 9, 4), D(2018, 9, 8)]),
        ("SULAIMANI, 26 September 2022 — Iranian artillery pounded villages around Penjwen on "
         "Saturday and again on Sunday.", [D(2022, 9, 24), D(2022, 9, 25)]),
    ],
)
def test_days_of_the_month_vague_weeks_years_and_repeats(text, dates):
    assert [e.date for e in extract(text)] == dates


def test_an_action_told_in_passing_is_its_own_event_a_day_earlier():
    grave, retaken = extract(
        "Iraqi troops found a mass grave in Hammam al-Alil on Monday, a day after retaking the "
        "town from Islamic State, the army said.", article_date=D(2016, 11, 8))
    assert (grave.sub_event_type, grave.actors, grave.date) == (
        "Other", ("Iraqi Army", "Civilians", "Islamic State"), D(2016, 11, 7))
    assert retaken.sub_event_type == "Government regains territory"
    assert set(retaken.actors) == {"Iraqi Army", "Islamic State"}
    assert retaken.date == D(2016, 11, 6)


def test_a_claim_goes_to_the_bombing_it_names_not_the_last_event():
    bombing, battle = extract(
        "A suicide car bomber rammed an army column in Mosul on Sunday, killing four soldiers, "
        "while other units battled snipers in the Karama district. The militants of Islamic "
        "State claimed the bombing.", article_date=D(2016, 11, 8))
    assert bombing.sub_event_type == "Suicide bomb" and "Islamic State" in bombing.actors
    assert battle.event_type == "Battles"


def test_force_used_on_a_crowd_in_the_next_sentence_joins_its_protest():
    (protest,) = extract(
        "Hundreds of people marched in Sulaymaniyah on Sunday to condemn the shelling. Kurdish "
        "security forces fired into the air to keep them away from the consulate.",
        article_date=D(2022, 9, 26))
    assert protest.sub_event_type == "Protest with intervention"
    assert set(protest.actors) == {"Protesters", "Peshmerga"}


@pytest.mark.parametrize(
    ("sentence", "actors", "sub_event_type"),
    [
        ("Gunmen shot dead a lawyer who had defended detained protesters in Basra on Thursday.",
         {"Civilians", "Unidentified armed group"}, "Attack"),
        ("Gunmen wearing army uniforms kidnapped two truck drivers near Daquq on Wednesday.",
         {"Civilians", "Unidentified armed group"}, "Abduction/forced disappearance"),
        ("Retreating militants of Islamic State blew up a bridge near Sulaiman Beg on Sunday as "
         "the troops advanced.", {"Islamic State"}, "Looting/property destruction"),
        ("Kurdish security forces found a rocket launcher in a field near Gwer on Tuesday.",
         {"Peshmerga"}, "Disrupted weapons use"),
        ("Four people were killed in Maysan on Saturday when a land dispute between two clans "
         "turned into a gunfight.", {"Clan militias"}, "Armed clash"),
        ("Army units deployed in Amarah on Sunday, and police arrested 11 tribesmen.",
         {"Iraqi Police"}, "Arrests"),
        ("Islamic State fighters overran Sinjar on Sunday after Kurdish peshmerga forces "
         "withdrew.", {"Islamic State", "Peshmerga"}, "Non-state actor overtakes territory"),
        ("A woman wearing an explosives belt blew herself up among displaced families in Mosul "
         "on Sunday.", {"Civilians", "Unidentified armed group"}, "Suicide bomb"),
    ],
)
def test_who_took_part_when_the_sentence_also_names_others(sentence, actors, sub_event_type):
    (event,) = extract(sentence, article_date=D(2020, 6, 4))
    assert (set(event.actors), event.sub_event_type) == (actors, sub_event_type)


@pytest.mark.parametrize(
    "text",
    [
        "Activists say more than 30 protest figures have been assassinated since October 2019.",
        "About 34,000 people have fled their homes around Mosul since the offensive began.",
        "Some 150 people were killed in the first wave of protests in Baghdad.",
        "Iraq's foreign ministry summoned the Turkish ambassador to protest the strikes in Duhok.",
    ],
)
def test_totals_background_and_purposes_are_not_events(text):
    assert extract(text, article_date=D(2021, 5, 10)) == []


def test_the_headline_places_an_article_whose_text_says_only_the_town():
    (event,) = extract(
        "Militants Kill Three In Night Attack Near Tuz Khurmatu\n\nKIRKUK, June 4, 2020 — "
        "Islamic State militants attacked an outpost in the hills east of the town on "
        "Wednesday night, killing three fighters.")
    assert (event.region, event.date) == ("Saladin", D(2020, 6, 3))


@pytest.mark.parametrize(
    ("sentence", "actors", "sub_event_type"),
    [
        ("Security forces thwarted a suicide attack in Kirkuk on Sunday, killing the bomber "
         "before he could detonate his vest.", {"Iraqi Army"}, "Disrupted weapons use"),
        ("A US drone strike killed a senior Kataib Hezbollah commander in Baghdad on Wednesday.",
         {"US-led coalition", "Shiite militias"}, "Air/drone strike"),
        ("Gunmen opened fire on a wedding party in Tarmiya on Saturday, killing seven.",
         {"Unidentified armed group", "Civilians"}, "Attack"),
        ("Thousands of Sadr supporters stormed the parliament building in Baghdad on Saturday.",
         {"Rioters"}, "Violent demonstration"),
        ("Turkish shelling hit the outskirts of Zakho on Wednesday, killing nine tourists.",
         {"Turkish Armed Forces", "Civilians"}, "Shelling/artillery/missile attack"),
        ("An Iraqi soldier was killed by a sniper near the Syrian border at al-Qaim on Monday.",
         {"Iraqi Army", "Unidentified armed group"}, "Armed clash"),
        ("Militants loyal to the Islamic State group stormed a police station in Haditha on "
         "Tuesday, killing five officers.", {"Islamic State", "Iraqi Police"}, "Armed clash"),
        ("On Monday, the Kurdish Asayish arrested three suspected IS members in Sulaymaniyah.",
         {"Peshmerga"}, "Arrests"),
        ("Hundreds of Yazidis demonstrated in Sinjar on Sunday demanding the return of abducted "
         "women.", {"Protesters"}, "Peaceful protest"),
        ("Iraqi forces have retaken the town of Bashiqa, the Kurdish commander said.",
         {"Iraqi Army", "Islamic State"}, "Government regains territory"),
    ],
)
def test_more_phrasings_of_the_war(sentence, actors, sub_event_type):
    (event,) = extract(sentence, article_date=D(2021, 11, 4))
    assert (set(event.actors), event.sub_event_type) == (actors, sub_event_type)


# --- the third author's texts (51-64): pages as pasted, bulletins, translated reports -------


WEB_PAGE = """IRAQ TODAY ONLINE
Home | Politics | Security | Economy

Elite troops storm Mosul University as IS shells liberated districts

By Jane Doe
Saturday, January 14, 2017 - 11:42 GMT

Share this article   Facebook   Twitter

Iraqi counter-terrorism forces seized the main campus of Mosul University on Friday after two \
days of street fighting, a military spokesman said.

Advertisement

Related:
- Suicide bomber kills 12 at Baghdad market
- Car bomb kills seven in Sadr City
"""


def test_a_pasted_web_page_is_dated_by_its_byline_and_only_its_body_read():
    (event,) = extract(WEB_PAGE)
    assert (event.date, event.region) == (D(2017, 1, 13), "Nineveh")
    assert set(event.actors) == {"Iraqi Special Forces", "Islamic State"}


def test_a_situation_report_is_dated_by_its_period_and_read_bullet_by_bullet():
    text = ("Iraq Situation Report: March 3 - 9, 2016\n\n"
            "Key take-away: ISIS conducted mass-casualty attacks in Anbar and Babil.\n\n"
            "- On March 4, the ISF recaptured the village of Jubba, north of Baghdadi, from ISIS.\n"
            "- On March 7, the Federal Police arrested 12 suspected ISIS members in Abu Ghraib.\n")
    retaken, arrests = extract(text)
    assert (retaken.date, retaken.region, retaken.event_type) == (D(2016, 3, 4), "Anbar",
                                                                 "Battles")
    assert (arrests.date, arrests.actors) == (D(2016, 3, 7), ("Iraqi Police",))


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("Anbar / Alsumaria News – 8/1/2017", D(2017, 1, 8)),
        ("ERBIL, Kurdistan Region – 16/06/2022", D(2022, 6, 16)),
        ("8 September 2018 | By Sarah Kareem | 4 min read", D(2018, 9, 8)),
    ],
)
def test_header_lines_date_the_report(header, date):
    (event,) = extract(f"Headline Of The Report Here\n\n{header}\n\nGunmen kidnapped a "
                       "journalist in Basra yesterday.")
    assert event.date == date - dtm.timedelta(days=1)


def test_a_translated_report_dates_its_events_not_the_days_sources_spoke():
    text = ("Anbar / Alsumaria News – 8/1/2017\n\n"
            "A security source in Anbar province revealed, on Sunday, that the army foiled an "
            "attack by Daesh on a checkpoint in Wadi Horan.\n\n"
            'The source told Alsumaria News that "the terrorist gangs of Daesh attacked at dawn '
            'on Thursday, 5/1/2017, a checkpoint of the army in Wadi Horan," adding that "the '
            'terrorist gangs executed, on Saturday evening, four young men in Anah."')
    battle, executions = extract(text)
    assert (battle.date, battle.event_type) == (D(2017, 1, 5), "Battles")
    assert (executions.date, set(executions.actors)) == (D(2017, 1, 7),
                                                         {"Islamic State", "Civilians"})


def test_a_lead_dated_by_the_day_a_source_spoke_takes_the_day_the_next_sentence_tells():
    (attack,) = extract(
        "Two paramilitary fighters were killed when Islamic State militants attacked their "
        "checkpoint near Tuz Khurmato in Salahudin province, a local security source said "
        "Sunday.\n\nThe militants attacked late Saturday the checkpoint of the Hashd Shaabi "
        "forces near the village of Albu Hassan, west of Tuz Khurmato, and fled after an "
        "hour-long gunfight, the source said.", article_date=D(2018, 7, 9))
    assert attack.date == D(2018, 7, 7)


def test_what_a_ministry_said_its_troops_did_the_previous_day():
    (event,) = extract("ERBIL, June 16, 2022 — The Turkish defence ministry said on Wednesday "
                       "that its troops had killed four PKK militants in clashes in the Zap "
                       "region the previous day.")
    assert event.date == D(2022, 6, 14)
    assert set(event.actors) == {"Turkish Armed Forces", "Kurdistan Workers' Party"}


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of demonstrators stormed a consulate in Basra on Friday, chanting "
        '"Iran, out, out".',
        "Crowds set fire to several party offices in Basra on Friday, among them those of the "
        "Dawa party and the Badr Organisation.",
    ],
)
def test_slogans_and_owners_of_burnt_offices_are_not_actors(text):
    (event,) = extract(text, article_date=D(2018, 9, 8))
    assert event.actors == ("Rioters",)


def test_background_from_an_earlier_year_is_not_an_event():
    assert extract("KIRKUK, Oct. 22, 2016 — Islamic State overran Hawija in June 2014.") == []


@pytest.mark.parametrize(
    ("sentence", "actors", "sub_event_type"),
    [
        ("Iraqi counterterrorism forces killed 12 Islamic State fighters in an ambush near Tuz "
         "Khurmatu on Sunday.", {"Iraqi Special Forces", "Islamic State"}, "Armed clash"),
        ("An attack on an army checkpoint west of Ramadi on Tuesday left two soldiers dead.",
         {"Iraqi Army", "Unidentified armed group"}, "Armed clash"),
        ("In the early hours of Sunday, gunmen stormed a house in Tarmiya and killed a family "
         "of five.", {"Unidentified armed group", "Civilians"}, "Attack"),
        ("Clashes between two clans in Basra's Qurna district killed five people on Saturday.",
         {"Clan militias"}, "Armed clash"),
        ("A Turkish drone strike on a car in Sinjar on Tuesday killed a senior YBS commander.",
         {"Turkish Armed Forces", "Kurdistan Workers' Party"}, "Air/drone strike"),
        ("The army handed over security of the Sinjar district to local police on Thursday.",
         {"Iraqi Army", "Iraqi Police"}, "Non-violent transfer of territory"),
    ],
)
def test_phrasings_of_the_later_years(sentence, actors, sub_event_type):
    (event,) = extract(sentence, article_date=D(2020, 9, 21))
    assert (set(event.actors), event.sub_event_type) == (actors, sub_event_type)


# --- the fourth author's texts (65-78): dense sentences, digests, quotes --------------------


def test_a_crowd_storming_a_building_and_the_forces_firing_on_it_are_one_riot():
    (riot,) = extract(
        "Thousands of followers of the cleric stormed the Republican Palace in Baghdad's Green "
        "Zone on Monday; security forces fired tear gas and then live rounds as the crowd "
        "smashed windows.", article_date=D(2022, 8, 30))
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Rioters", "Iraqi Army"})


def test_a_second_action_on_the_next_day_is_its_own_event():
    protest, arrests = extract(
        "SULAYMANIYAH, March 2, 2023 — Kurdish security forces fired tear gas on Sunday at "
        "teachers who marched on the education directorate in Sulaymaniyah, and the next day "
        "detained four of the strike's organisers at their homes in Ranya.")
    assert (protest.sub_event_type, protest.date) == ("Protest with intervention",
                                                      D(2023, 2, 26))
    assert (arrests.actors, arrests.date) == (("Peshmerga",), D(2023, 2, 27))


def test_a_witness_quotation_adds_no_event_unless_it_names_a_day():
    text = ("Kurdish security forces detained four organisers in Ranya on Monday.\n\n"
            '"We are teachers, not criminals. They took my husband in front of our children," '
            "his wife said.")
    (event,) = extract(text, article_date=D(2023, 3, 2))
    assert event.sub_event_type == "Arrests"


def test_the_dead_named_as_fighters_in_the_next_sentence_are_not_civilians():
    (strike,) = extract(
        "A Turkish drone struck a car near Said Sadiq on Wednesday, killing two men. Turkish "
        "security sources said both were members of the Kurdistan Workers' Party (PKK).",
        article_date=D(2023, 3, 2))
    assert set(strike.actors) == {"Turkish Armed Forces", "Kurdistan Workers' Party"}


def test_a_headline_toll_then_the_account_is_one_event():
    (bomb,) = extract(
        "Security roundup, Wednesday 12 January 2022\n\n"
        "Baquba: IED kills 2 soldiers. The bomb hit a foot patrol in the orchards of Buhriz, "
        "south of the city, on Tuesday night.")
    assert (bomb.date, bomb.region, bomb.sub_event_type) == (
        D(2022, 1, 11), "Diyala", "Remote explosive/landmine/IED")


@pytest.mark.parametrize(
    ("sentence", "actors", "sub_event_type"),
    [
        ("Thirty-five villagers, among them six women, were lined up and shot by Islamic State "
         "militants near Hit on Saturday for having fought the group.",
         {"Civilians", "Islamic State"}, "Attack"),
        ("Police and army units moved into the disputed quarter of Shatra on Tuesday and "
         "detained fourteen men.", {"Iraqi Police", "Iraqi Army"}, "Arrests"),
        ("Two clans fight with machine guns and RPGs in Shatra on Monday night.",
         {"Clan militias"}, "Armed clash"),
        ("Police in Kut freed a kidnapped merchant on Wednesday after a shootout with his "
         "captors.", {"Iraqi Police", "Unidentified armed group"}, "Armed clash"),
    ],
)
def test_digest_and_dense_phrasings(sentence, actors, sub_event_type):
    (event,) = extract(sentence, article_date=D(2022, 6, 16))
    assert (set(event.actors), event.sub_event_type) == (actors, sub_event_type)


# --- the fifth author's texts (91-104): statements, flash updates, liveblogs ----------------


def test_a_bracketed_dateline_dates_the_release():
    (battle,) = extract(
        "(Beirut, April 20, 2015) – Government forces and the militias pushed the last ISIS "
        "fighters out of Tikrit on April 1, Human Rights Watch said today.")
    assert (battle.date, battle.region, battle.event_type) == (D(2015, 4, 1), "Saladin",
                                                               "Battles")


def test_a_division_s_number_is_no_day_of_the_month():
    (arrest,) = extract("Baghdad – 26/2/2022\n\nA force of the 7th Division of the Iraqi army "
                        "arrested today two terrorists in the Rutba district, western Anbar.")
    assert (arrest.date, arrest.region, arrest.actors) == (D(2022, 2, 26), "Anbar",
                                                          ("Iraqi Army",))


def test_a_foreign_ministry_speaking_of_its_air_force():
    (strike,) = extract(
        "Ankara (AFP) – June 11, 2023\n\nTurkey's defence ministry said Sunday its air force "
        'had "neutralised" five members of the PKK in air strikes in the Metina region on '
        "Saturday.")
    assert (strike.date, set(strike.actors)) == (
        D(2023, 6, 10), {"Turkish Armed Forces", "Kurdistan Workers' Party"})


def test_forces_storming_a_protest_camp_is_force_against_a_protest_not_a_riot():
    (event,) = extract("08:40 — Security forces stormed the protest camp at Baghdad's Tayaran "
                       "Square on Saturday.", article_date=D(2020, 1, 25))
    assert (event.event_type, set(event.actors)) == ("Protests", {"Iraqi Army", "Protesters"})


def test_a_place_named_only_by_the_source_still_places_the_event():
    (event,) = extract("A Peshmerga source in Khanaqin said that gunmen abducted two shepherds "
                       "on Thursday.", article_date=D(2021, 3, 14))
    assert event.region == "Diyala"


# --- the sixth author's texts (105-118): stamps, southern clans, speakers -------------------


@pytest.mark.parametrize(
    "page",
    [
        "Turkish drones hit Shingal\n\nRudaw | 23-09-2021\n\nA Turkish drone targeted a vehicle "
        "in Sinjar on Wednesday, killing two YBS members.",
        "Turkish drones hit Shingal\n\nA Turkish drone targeted a vehicle in Sinjar on "
        "Wednesday, killing two YBS members.\n\nPublished on 23-09-2021",
        "Turkish drones hit Shingal\n\nSEPTEMBER 23, 2021 / 4:12 PM\n\nSINJAR, Iraq, Sept 23 "
        "(Reuters) - A Turkish drone targeted a vehicle in Sinjar on Wednesday, killing two YBS "
        "members.",
        "Turkish drones hit Shingal\n\nPublished: 23 September ,2021\n\nA Turkish drone "
        "targeted a vehicle in Sinjar on Wednesday, killing two YBS members.",
    ],
)
def test_a_page_stamped_with_its_date_anywhere_is_dated_by_it(page):
    (strike,) = extract(page)
    assert (strike.date, strike.region) == (D(2021, 9, 22), "Nineveh")


def test_tribes_fighting_in_the_south_are_clans():
    (clash,) = extract("In Dhi Qar, a man was killed on Tuesday when a clash erupted between "
                       "members of the Bani Asad and al-Hassan tribes east of Nasiriyah.",
                       article_date=D(2021, 3, 11))
    assert (clash.event_type, clash.actors) == ("Battles", ("Clan militias",))


def test_a_force_speaking_of_its_own_men():
    (arrest,) = extract("In Kirkuk, the Federal Police said that its forces arrested three "
                        "suspects in Hawija on Friday.", article_date=D(2021, 11, 13))
    assert arrest.actors == ("Iraqi Police",)


@pytest.mark.parametrize(
    ("sentence", "event_type", "actors"),
    [
        ("In Basra, security forces detained a dozen protesters who were blocking the road to "
         "Umm Qasr port on Tuesday.", "Protests", {"Iraqi Army", "Protesters"}),
        ("Three protesters were shot dead in Baghdad on Tuesday, medics said.", "Protests",
         {"Protesters"}),
        ("Tribal elders in Maysan brokered a truce between the two clans on Monday after the "
         "killing of two men.",
         "Strategic developments", {"Clan militias"}),
    ],
)
def test_protests_and_truces_told_as_outcomes(sentence, event_type, actors):
    (event,) = extract(sentence, article_date=D(2020, 1, 22))
    assert (event.event_type, set(event.actors)) == (event_type, actors)


# --- the seventh author's texts (131-144) --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "actors", "sub_event_type"),
    [
        ("Police in Dujail said gunmen in military uniforms had seized three construction "
         "workers at a fake checkpoint on Tuesday evening.",
         {"Unidentified armed group", "Civilians"}, "Abduction/forced disappearance"),
        ("A joint force of the army and the PMF repelled the attack in Abu Saida and forced "
         "the militants to withdraw on Tuesday.", {"Iraqi Army", "Shiite militias",
                                                    "Unidentified armed group"}, "Armed clash"),
        ("Government helicopters fired on a market in al-Qaim on Sunday, killing six people.",
         {"Iraqi Army", "Civilians"}, "Air/drone strike"),
        ("Iraqi security forces later found the launch pad, a modified truck, near Baghdadi on "
         "Thursday.", {"Iraqi Army"}, "Disrupted weapons use"),
    ],
)
def test_seizures_withdrawals_and_launch_pads(sentence, actors, sub_event_type):
    (event,) = extract(sentence, article_date=D(2021, 10, 27))
    assert (set(event.actors), event.sub_event_type) == (actors, sub_event_type)


def test_a_city_dateline_in_the_first_paragraph_is_not_the_scene():
    (event,) = extract("Erbil - ISIS executed on Friday 12 young men in the centre of the town "
                       "of Hawija.", article_date=D(2016, 9, 11))
    assert (event.region, event.location) == ("Kirkuk", "Hawija")


def test_a_distance_from_a_city_far_away_keeps_the_story_where_it_was():
    events = extract(
        "Iraqi troops drove Islamic State militants out of the refinery near Baiji on Tuesday. "
        "Army helicopters provided cover as the men cleared the last buildings of the "
        "refinery, 200 km (130 miles) north of Baghdad.", article_date=D(2015, 10, 21))
    assert {e.region for e in events} == {"Saladin"}
    assert all(e.sub_event_type != "Air/drone strike" for e in events)


def test_the_dateline_city_is_the_scene_when_the_text_names_no_other():
    (protest,) = extract("BAGHDAD, Oct. 28, 2019 — Security forces fired tear gas and live rounds "
                         "at demonstrators trying to cross the Jumhuriya bridge on Sunday, "
                         "killing four.")
    assert (protest.region, protest.date, protest.sub_event_type) == (
        "Baghdad", D(2019, 10, 27), "Excessive force against protesters")


# --- the eighth and ninth authors' texts (161-174, 191-204) ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "actors", "sub_event_type"),
    [
        ("Four civilians were killed when ISIS militants attacked the village of al-Hawasha, "
         "northeast of Muqdadiya, late on Sunday.", {"Civilians", "Islamic State"}, "Attack"),
        ("Three people were killed in an armed conflict between two clans in Hartha district, "
         "north of Basra, on Wednesday.", {"Clan militias"}, "Armed clash"),
        ("The police arrested seven gunmen involved in the fighting in Hartha on Thursday and "
         "seized their weapons.", {"Iraqi Police"}, "Arrests"),
        ("The US-led coalition fighting ISIL (ISIS) has handed Camp Taji, north of Baghdad, to "
         "Iraqi forces on Sunday.", {"US-led coalition", "Iraqi Army"},
         "Non-violent transfer of territory"),
        ("Early on Friday, eight militants tried to storm Ain al-Asad air base in Anbar.",
         {"Unidentified armed group"}, "Armed clash"),
    ],
)
def test_conflicts_handovers_and_attempts(sentence, actors, sub_event_type):
    (event,) = extract(sentence, article_date=D(2022, 3, 12))
    assert (set(event.actors), event.sub_event_type) == (actors, sub_event_type)


def test_one_more_of_the_same_rockets_is_the_same_event():
    (rockets,) = extract("Two Katyusha rockets landed inside Baghdad's Green Zone on Sunday. A "
                         "third struck a house in the nearby Karrada district, wounding a child.",
                         article_date=D(2020, 8, 24))
    assert (rockets.sub_event_type, set(rockets.actors)) == (
        "Shelling/artillery/missile attack", {"Civilians", "Unidentified armed group"})


def test_ground_retaken_by_several_forces_with_no_enemy_named_was_retaken_from_is():
    (event,) = extract("KIRKUK, Iraq, Oct. 3, 2017 (Reuters) - Iraqi troops and Shi'ite "
                       "paramilitary fighters recaptured the town of Hawija on Thursday.")
    assert set(event.actors) == {"Iraqi Army", "Shiite militias", "Islamic State"}


# --- what the held-out sets taught once they joined the tuning texts -------------------------


def test_a_dateline_naming_a_region_is_not_the_scene():
    (strike,) = extract("DUHOK, Kurdistan Region - A Turkish drone hit a pickup truck near "
                        "Khanasor on Friday, killing three fighters of the YBS, officials said.",
                        article_date=D(2022, 6, 11))
    assert (strike.region, strike.location) == ("Nineveh", "Khanasor")


def test_an_armed_group_describing_an_actor_named_beside_it_is_that_actor(gaz):
    described = find_actors("The HPG, a Kurdish armed group, denied the claim.", gaz)
    affiliated = find_actors("killing two members of a local armed group affiliated with the "
                             "PKK", gaz)
    assert [m.actor for m in described] == ["Kurdistan Workers' Party"]
    assert [m.actor for m in affiliated if not m.victim] == ["Kurdistan Workers' Party"]


def test_a_strike_nobody_is_named_for_is_the_air_force_the_article_names():
    text = ("ERBIL, June 8 - A Turkish drone struck a car near Sinuni on Wednesday, killing two "
            "PKK fighters, local officials said.\n\n"
            "On Monday, a drone had hit a house outside Khanasor, killing a YBS commander.")
    strikes = extract(text, article_date=D(2022, 6, 8))
    assert [set(s.actors) - {"Civilians"} for s in strikes] == [
        {"Turkish Armed Forces", "Kurdistan Workers' Party"}] * 2


def test_a_background_onslaught_of_an_earlier_year_is_no_event():
    text = ("A Turkish drone struck a car near Sinuni on Wednesday, killing two PKK fighters. "
            "Sinjar has yet to recover from the 2014 onslaught of the Islamic State, which killed "
            "thousands of Yazidis.")
    (strike,) = extract(text, article_date=D(2022, 6, 8))
    assert strike.sub_event_type == "Air/drone strike"


def test_a_sentence_whose_subject_is_the_strike_adds_to_it():
    text = ("A Turkish drone strike on a clinic near Sinjar on Tuesday killed six people. The "
            "strike hit a small hospital in the village of Sikeniye and also killed three nurses.")
    (strike,) = extract(text, article_date=D(2021, 8, 18))
    assert strike.sub_event_type == "Air/drone strike"
    assert len(strike.evidence) == 2


def test_a_bulletin_dated_with_dots_day_first_dates_its_weekdays():
    text = ("IRAQ SECURITY BULLETIN - Thursday 14.09.2017\n\n"
            "- Hit: gunmen attacked an army checkpoint on Wednesday night (security sources).")
    (attack,) = extract(text)
    assert attack.date == D(2017, 9, 13)
    assert "Iraqi Police" not in attack.actors  # "(security sources)" is who told it


def test_a_cache_buried_in_an_orchard_is_seized_and_blowing_it_up_is_no_attack():
    text = ("Army engineers uncovered a cache of 30 mortar rounds buried in a field near Baiji on "
            "Monday, noting that bomb disposal teams detonated the materials on site.")
    (cache,) = extract(text, article_date=D(2018, 4, 3))
    assert (cache.sub_event_type, cache.actors) == ("Disrupted weapons use", ("Iraqi Army",))


def test_the_dead_of_a_strike_it_names_as_subject_are_the_strikes():
    text = ("U.S. jets struck two depots of Kataib Hezbollah near Qaim on Sunday. Iraq's military "
            "said the strike near Qaim killed two policemen.")
    (strike,) = extract(text, article_date=D(2019, 12, 30))
    assert strike.sub_event_type == "Air/drone strike"
    assert {"US-led coalition", "Iraqi Police"} <= set(strike.actors)


def test_soldiers_named_before_policemen_are_the_army():
    text = "A roadside bomb killed three soldiers and two policemen near Tarmiya on Monday."
    (bomb,) = extract(text, article_date=D(2019, 5, 7))
    assert {"Iraqi Army", "Iraqi Police"} <= set(bomb.actors)


def test_an_attack_that_only_points_back_tells_the_earlier_one_on_the_day_it_names():
    text = ("Rockets hit Balad air base on Wednesday. The attack came two days after a drone "
            "packed with explosives struck a hangar at Erbil airport late on Monday.")
    rockets, drone = extract(text, article_date=D(2021, 3, 4))
    assert (rockets.region, rockets.date) == ("Saladin", D(2021, 3, 3))
    assert (drone.region, drone.date, drone.sub_event_type) == (
        "Erbil", D(2021, 3, 1), "Air/drone strike")


def test_strikes_abroad_and_votes_are_not_events_in_the_log():
    text = ("Rockets hit Ain al-Asad air base on Wednesday. Last week US jets bombed facilities "
            "used by the militia in eastern Syria. Parliament voted in January to ask foreign "
            "troops to leave.")
    (rockets,) = extract(text, article_date=D(2021, 3, 4))
    assert rockets.region == "Anbar"


def test_a_rocket_that_strikes_a_house_is_one_attack_with_civilians_hit():
    (rocket,) = extract("A Katyusha rocket fell short and struck a house in Karrada late on "
                        "Tuesday, wounding two children.", article_date=D(2021, 3, 3))
    assert rocket.sub_event_type == "Shelling/artillery/missile attack"
    assert set(rocket.actors) == {"Civilians", "Unidentified armed group"}


def test_fields_set_on_fire_by_shelling_are_civilian_property():
    (shelling,) = extract("Iranian artillery shelled the border area near Sidakan on Monday, "
                          "setting fields and orchards on fire.", article_date=D(2022, 10, 18))
    assert set(shelling.actors) == {"Iranian forces", "Civilians"}


def test_shells_falling_on_villages_told_after_a_semicolon_hit_civilians():
    text = ("Iranian artillery has pounded the border mountains for days; on Monday shells fell on "
            "villages near Sidakan, forcing families to leave.")
    (shelling,) = extract(text, article_date=D(2022, 9, 28))
    assert (shelling.date, set(shelling.actors)) == (D(2022, 9, 26), {"Iranian forces",
                                                                       "Civilians"})


def test_the_heaviest_strike_places_strikes_told_before_their_place():
    text = ("Iran's Revolutionary Guards fired drones at the bases of Kurdish opposition groups "
            "in the Kurdistan Region on Wednesday, killing 13 people. The heaviest strike hit a "
            "party headquarters near Koya, where 58 people were wounded.")
    (strike,) = extract(text, article_date=D(2022, 9, 29))
    assert (strike.region, strike.sub_event_type) == ("Erbil", "Air/drone strike")


def test_an_activist_hit_by_bullets_is_attacked_and_a_past_in_protests_is_no_protest():
    text = ("Gunmen shot dead a women's rights activist in Basra on Wednesday night. The activist, "
            "who had organised marches in last year's protests, was hit by several bullets.")
    (killing,) = extract(text, article_date=D(2020, 8, 20))
    assert (killing.sub_event_type, killing.region) == ("Attack", "Basra")


def test_a_demand_that_killers_be_arrested_is_no_arrest():
    (riot,) = extract("On Thursday, young men threw stones at the council building in Basra and "
                      "set fire to its gate, demanding that the killers be arrested.",
                      article_date=D(2020, 8, 21))
    assert riot.event_type == "Riots"


def test_hours_earlier_two_other_victims_are_another_incident():
    text = ("Gunmen opened fire on an activist in central Basra on Wednesday night, killing her. "
            "Hours earlier, on Wednesday afternoon, gunmen fired on a car carrying two other "
            "activists in Zubair.")
    assert [e.location for e in extract(text, article_date=D(2020, 8, 20))] == [None, "Zubair"]


def test_a_city_dateline_with_its_date_in_brackets_dates_the_weekdays():
    (takeover,) = extract("KIRKUK, Iraq (Oct. 17, 2017) — Iraqi forces on Monday took control of "
                          "the governor's office in Kirkuk as Peshmerga fighters withdrew.")
    assert takeover.date == D(2017, 10, 16)


def test_houses_that_were_looted_are_civilian_property():
    (looting,) = extract("In Tuz Khurmatu, dozens of houses and shops were looted and set ablaze "
                         "by armed men on Tuesday.", article_date=D(2017, 10, 18))
    assert set(looting.actors) == {"Civilians", "Unidentified armed group"}


def test_a_nationwide_toll_dates_the_report_that_follows_it():
    text = ("BAGHDAD, Oct. 26, 2019 — At least 42 people were killed across Iraq on Friday as "
            "protesters returned to the streets.\n\n"
            "In Nasiriyah, demonstrators torched the provincial council building.")
    (riot,) = extract(text)
    assert (riot.date, riot.event_type) == (D(2019, 10, 25), "Riots")


def test_guards_who_fire_on_a_crowd_trying_to_storm_their_office_face_a_riot():
    (riot,) = extract("In Diwaniya, six protesters were killed when guards at the headquarters of "
                      "the Badr Organisation opened fire on a crowd that was trying to storm the "
                      "building on Friday.", article_date=D(2019, 10, 26))
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Rioters", "Shiite militias"})


def test_jihadist_led_militants_are_islamic_state_and_weighing_options_is_no_event():
    text = ("Jihadist-led militants captured the town of Tal Afar on Monday after fierce fighting "
            "with government troops. Washington said it was weighing options including air "
            "strikes.")
    (capture,) = extract(text, article_date=D(2014, 6, 17))
    assert (capture.sub_event_type, set(capture.actors)) == (
        "Non-state actor overtakes territory", {"Islamic State", "Iraqi Army"})


def test_fires_lit_for_cover_from_aircraft_are_no_air_strike():
    (fires,) = extract("Retreating militants set fire to oil wells around Qayyara on Monday to "
                       "provide cover from aircraft.", article_date=D(2016, 8, 25))
    assert fires.event_type == "Strategic developments"


def test_a_suicide_bomber_driven_at_troops_in_a_report_on_is_is_islamic_state():
    text = ("Iraqi troops recaptured Qayyara from Islamic State on Thursday. On Wednesday a "
            "suicide bomber drove an explosives-laden vehicle into an army checkpoint near "
            "Qayyara, killing four soldiers.")
    _, bombing = extract(text, article_date=D(2016, 8, 26))
    assert set(bombing.actors) == {"Iraqi Army", "Islamic State"}
    (market,) = extract("A suicide bomber blew himself up in a market in Sadr City on Monday, "
                        "killing 12 shoppers.", article_date=D(2016, 5, 10))
    assert set(market.actors) == {"Civilians", "Unidentified armed group"}


def test_a_dateline_of_two_cities_is_no_scene_and_inside_a_town_is_in_it():
    text = ("BAGHDAD/FALLUJA, Iraq, June 17 (Reuters) - Iraqi counter-terrorism troops pushed into "
            "the centre of Falluja on Friday and took control of the main government compound.\n\n"
            "Inside Falluja, militants fired mortar rounds at the Shuhada neighbourhood on Friday "
            "afternoon, wounding three policemen.")
    advance, mortars = extract(text, article_date=D(2016, 6, 17))
    assert (advance.region, advance.event_type) == ("Anbar", "Battles")
    assert (mortars.region, mortars.location) == ("Anbar", "Fallujah")


def test_troops_flown_in_from_baghdad_fight_where_the_story_is():
    text = ("Islamic State militants stormed into Kirkuk before dawn on Friday, attacking police "
            "stations. On Saturday, counter-terrorism troops flown in from Baghdad cornered the "
            "last of the attackers in a hotel and killed four of them.")
    raid, last_stand = extract(text, article_date=D(2016, 10, 23))
    assert raid.region == last_stand.region == "Kirkuk"
    assert last_stand.date == D(2016, 10, 22)


def test_militants_wearing_suicide_vests_who_fight_the_police_fight_a_battle():
    text = ("Dozens of Islamic State militants, some wearing suicide vests, stormed into Kirkuk on "
            "Friday, attacking police stations. Police fought the gunmen street by street.")
    (raid,) = extract(text, article_date=D(2016, 10, 22))
    assert (raid.event_type, set(raid.actors)) == ("Battles", {"Islamic State", "Iraqi Police"})


def test_the_bombing_followed_an_attack_tells_the_attack():
    text = ("Two suicide bombers blew themselves up in a market in central Baghdad on Thursday, "
            "killing 32 people.\n\n"
            "The bombing followed an attack on Wednesday on a Hashd al-Shaabi outpost near "
            "Tarmiya, in which IS militants killed two of the paramilitary fighters.")
    _, attack = extract(text, article_date=D(2021, 1, 22))
    assert (attack.date, attack.event_type) == (D(2021, 1, 20), "Battles")


def test_where_the_rockets_were_fired_from_adds_to_the_rocket_attack():
    text = ("At least 14 rockets slammed into Ain al-Asad air base on Wednesday, wounding two "
            "American service members. A security source said the rockets were fired from a "
            "truck parked in Baghdadi, 8 km east of the base.")
    (rockets,) = extract(text, article_date=D(2021, 7, 8))
    assert set(rockets.actors) == {"US-led coalition", "Unidentified armed group"}


def test_women_carried_off_are_abducted_and_strikes_in_all_are_a_total():
    text = ("The extremists executed at least 67 Yazidi men in villages south of Sinjar on Sunday "
            "and carried off dozens of women. In all, coalition aircraft have carried out more "
            "than 70 strikes around the town.")
    events = extract(text, article_date=D(2014, 8, 4))
    assert [e.sub_event_type for e in events] == ["Attack", "Abduction/forced disappearance"]


def test_the_attacks_followed_a_saturday_when_a_bomb_went_off_is_saturdays_bombing():
    text = ("Sunday, 8 January 2017\n\n"
            "A car bomb exploded in a market in Sadr City early on Sunday, killing 13 people.\n\n"
            "Hours later, a suicide bomber blew himself up at an army checkpoint in Mahmudiya. "
            "The attacks followed a quieter Saturday, when a sticky bomb attached to a minibus "
            "went off in Karrada, killing the driver.")
    assert [e.date for e in extract(text)] == [D(2017, 1, 8), D(2017, 1, 8), D(2017, 1, 7)]


def test_police_who_say_on_sunday_they_arrested_men_on_thursday_arrested_them_on_thursday():
    (arrests,) = extract("Police said on Sunday they had arrested four men in a raid on farmland "
                         "in Tarmiya on Thursday.", article_date=D(2017, 1, 8))
    assert arrests.date == D(2017, 1, 5)
    (detained,) = extract("Police in Basra said on Monday they had detained 12 suspects.",
                          article_date=D(2016, 5, 3))
    assert detained.date == D(2016, 5, 2)


def test_orchards_where_a_patrol_was_struck_are_no_civilian_property():
    (bomb,) = extract("Two PMF fighters were killed on Wednesday when a roadside bomb struck their "
                      "patrol in the orchards north of Muqdadiya.", article_date=D(2020, 12, 10))
    assert "Civilians" not in bomb.actors


def test_a_police_chief_of_a_town_telling_of_an_abduction_is_no_actor_in_it():
    (abduction,) = extract("Col. Khalil Ibrahim, police chief of Rashad, southwest of Kirkuk, said "
                           "ISIS gunmen had abducted four shepherds near the town on Friday.",
                           article_date=D(2020, 5, 2))
    assert set(abduction.actors) == {"Islamic State", "Civilians"}


def test_sources_telling_an_outlet_and_what_police_believe_name_no_actor():
    text = ("Clan members used medium weapons and rocket-propelled grenades in a gun battle in "
            "Afak on Monday, a police source told The New Arab's Arabic-language sister site. In "
            "Kut, unknown assailants lobbed a hand grenade at the home of a tribal elder on Sunday "
            "night, wounding two women, in what police believe was a revenge attack.")
    battle, grenade = extract(text, article_date=D(2022, 1, 11))
    assert (battle.event_type, set(battle.actors)) == ("Battles", {"Clan militias"})
    assert set(grenade.actors) == {"Civilians", "Unidentified armed group"}


def test_a_province_named_after_its_capital_is_the_governorate(gaz):
    (province,) = find_places("a feud in Iraq's southern Diwaniya province", gaz)
    (city,) = find_places("a feud in the city of Diwaniya", gaz)
    assert (province.region, province.town) == ("Qadisiyah", None)
    assert (city.region, city.town) == ("Qadisiyah", "Diwaniyah")


def test_a_bomb_in_another_district_the_same_day_is_another_bombing():
    text = ("A car bomb tore through a market in northern Baghdad on Tuesday, killing 28 people. "
            "In the southern Dora neighbourhood, a bomb hidden in a parked motorcycle went off "
            "next to a police patrol, killing two policemen and a passer-by.")
    _, dora = extract(text, article_date=D(2016, 5, 18))
    assert (dora.location, set(dora.actors)) == (
        "Dora", {"Iraqi Police", "Civilians", "Unidentified armed group"})


def test_weapons_seized_over_the_past_year_are_a_total():
    assert extract("The interior ministry says it seized more than 5,000 weapons from tribes in "
                   "Basra over the past year.", article_date=D(2022, 1, 11)) == []


def test_a_shooting_and_a_bomb_told_around_an_attribution_are_two_events():
    text = ("Separately, gunmen shot dead the mukhtar of a village near Shirqat on Friday, police "
            "said, and a roadside bomb killed a soldier near Samarra on Saturday.")
    shooting, bomb = extract(text, article_date=D(2018, 6, 24))
    assert (shooting.sub_event_type, shooting.date) == ("Attack", D(2018, 6, 22))
    assert (bomb.event_type, bomb.date) == ("Explosions/Remote violence", D(2018, 6, 23))


def test_a_roundups_headings_place_its_sections():
    text = ("A week of drones and protests in Iraq's north. Here is a round-up.\n\n"
            "Halabja\n"
            "Several hundred teachers protested in front of the governorate building on Thursday "
            "over delayed salaries.")
    (protest,) = extract(text, article_date=D(2023, 6, 16))
    assert (protest.region, protest.event_type) == ("Halabja", "Protests")


def test_commanders_who_agree_to_pull_back_reach_an_agreement():
    (deal,) = extract("Army commanders and YBS leaders in Sinjar agreed on Monday to pull back "
                      "from the checkpoint.", article_date=D(2023, 6, 16))
    assert deal.sub_event_type == "Agreement"


def test_security_forces_shooting_demonstrators_dead_use_excessive_force():
    (crackdown,) = extract("Iraqi security forces shot dead at least 25 demonstrators in Nasiriya "
                           "on Thursday.", article_date=D(2019, 11, 29))
    assert (crackdown.sub_event_type, set(crackdown.actors)) == (
        "Excessive force against protesters", {"Iraqi Army", "Protesters"})


def test_what_protesters_say_they_want_is_no_protest():
    assert extract("Protesters say they want the entire political class in Baghdad gone.",
                   article_date=D(2019, 11, 29)) == []


def test_a_count_of_the_wounded_in_the_next_paragraph_is_the_same_events_toll():
    text = ("Security forces shot dead 25 demonstrators in Nasiriya on Thursday.\n\n"
            "More than 200 people were wounded, health officials in Dhi Qar province said.")
    (crackdown,) = extract(text, article_date=D(2019, 11, 29))
    assert crackdown.event_type == "Protests"
    (strike,) = extract("A Turkish drone struck a car near Sinuni on Tuesday, killing two YBS "
                        "fighters. Two other people were wounded.", article_date=D(2021, 8, 18))
    assert "Civilians" not in strike.actors


def test_iran_aligned_groups_are_militias_not_iran(gaz):
    found = find_actors("an umbrella of Iran-aligned armed factions claimed the attack", gaz)
    assert [m.actor for m in found] == ["Shiite militias"]


def test_today_saturday_is_when_it_was_told_and_last_night_when_it_happened():
    (clash,) = extract("A security source in Basra reported, today, Saturday, that two persons "
                       "were killed in a tribal conflict that broke out last night between two "
                       "clans in Qurna.", article_date=D(2023, 6, 10))
    assert clash.date == D(2023, 6, 9)


def test_a_source_speaking_on_saturday_and_families_fleeing_towards_the_peshmerga():
    text = ("ISIS executed 12 young men in Hawija on Friday, a local source said. The source, "
            "speaking on Saturday, said the militants shot the men in the main market. ISIS "
            "militants had on Thursday intercepted 40 families trying to reach Peshmerga lines "
            "near Dibis and took them back to Hawija.")
    executions, abduction = extract(text, article_date=D(2016, 9, 11))
    assert executions.date == D(2016, 9, 9)
    assert (abduction.date, set(abduction.actors)) == (D(2016, 9, 8),
                                                       {"Islamic State", "Civilians"})


def test_an_arrest_of_a_leader_of_daesh_by_military_intelligence_is_the_armys():
    text = ("The Military Intelligence Directorate announced, on Wednesday, the arrest of a "
            "prominent leader of Daesh in Hawija. Federal Police found a cache of rockets in "
            "Tarmiya on Wednesday, and the materials were handed over to the competent "
            "authorities. An army engineering unit had dismantled, on the same day, five "
            "explosive devices planted on a road in Mutaibijah.")
    arrest, cache, devices = extract(text, article_date=D(2019, 8, 15))
    assert (arrest.sub_event_type, arrest.actors) == ("Arrests", ("Iraqi Army",))
    assert cache.sub_event_type == devices.sub_event_type == "Disrupted weapons use"


def test_a_riot_in_one_city_while_students_march_in_another_are_two_events():
    text = ("On Thursday, demonstrators in Kut torched the offices of several parties, while in "
            "Karbala thousands of students marched peacefully to the city centre.")
    riot, march = extract(text, article_date=D(2019, 11, 29))
    assert (riot.region, riot.event_type) == ("Wasit", "Riots")
    assert (march.region, march.event_type) == ("Karbala", "Protests")


def test_battling_is_fighting_and_a_month_gone_by_is_background():
    text = ("Kurdish peshmerga fighters pushed towards Bashiqa on Thursday, battling the jihadists "
            "in a string of villages. On Wednesday, IS fired mortar rounds into Qayyarah, killing "
            "two civilians. The town was retaken by Iraqi troops in August.")
    battle, mortars = extract(text, article_date=D(2016, 10, 21))
    assert (battle.event_type, set(battle.actors)) == ("Battles", {"Peshmerga", "Islamic State"})
    assert mortars.sub_event_type == "Shelling/artillery/missile attack"


def test_an_operation_launched_in_april_does_not_hide_a_clash_told_with_its_day():
    (clash,) = extract("Turkey's defence ministry said two soldiers were killed on Monday in "
                       "clashes with PKK militants in Zap, where Turkey launched an operation in "
                       "April.", article_date=D(2021, 8, 18))
    assert (clash.date, clash.event_type) == (D(2021, 8, 16), "Battles")


@pytest.mark.parametrize(
    "sentence",
    [
        "At midday on Tuesday, Sadr gave his supporters one hour to leave the Green Zone, and the "
        "fighting subsided.",
        "Iraqi commanders say they are preparing for an offensive to retake Mosul.",
        "SITUATION OVERVIEW: Military operations to retake Fallujah city continue.",
        "Attacks on the highway in southern Kirkuk are likely to continue.",
        "Baghdad went a third week in a row without a single reported attack.",
    ],
)
def test_fighting_between_nobody_is_no_event(sentence):
    assert extract(sentence, article_date=D(2018, 6, 29)) == []


def test_crowds_trying_to_force_their_way_in_riot_and_protests_long_begun_are_background():
    text = ("One demonstrator was killed when Iraqi security forces fired live rounds at crowds "
            "trying to force their way into the provincial government headquarters in Basra late "
            "Tuesday. It was one of the deadliest days since anti-government protests erupted on "
            "July 8. The prime minister, who is under pressure from protesters, ordered an "
            "inquiry.")
    (riot,) = extract(text, article_date=D(2018, 9, 5))
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Iraqi Army", "Rioters"})


def test_the_night_before_a_council_member_was_shot_by_gunmen():
    text = ("A car bomb killed 12 people in Baghdad on Monday. The night before, gunmen on a "
            "motorcycle shot and killed a member of the Adhamiya district council as he left his "
            "home, police said.")
    _, shooting = extract(text, article_date=D(2017, 3, 14))
    assert (shooting.date, set(shooting.actors)) == (
        D(2017, 3, 12), {"Civilians", "Unidentified armed group"})


@pytest.mark.parametrize(
    "sentence",
    [
        "Peshmerga forces had been put on alert around Mosul on Wednesday, but had not moved into "
        "the city.",
        "The attacks come as Iraqi forces push to drive IS out of western Mosul.",
        "Officials in Ramadi say an offensive to retake the province's cities is planned for the "
        "spring.",
        "Tal Afar was seized by IS in the summer of 2014 along with Mosul.",
    ],
)
def test_what_did_not_happen_context_plans_and_old_seizures_are_no_events(sentence):
    assert extract(sentence, article_date=D(2017, 3, 14)) == []


def test_the_extremist_group_is_the_group_the_article_names():
    text = ("Islamic State fighters held Hawija on Friday. Residents said that on Friday the "
            "extremist group executed eight men who had tried to flee the town.")
    events = extract(text, article_date=D(2017, 9, 30))
    assert set(events[-1].actors) == {"Islamic State", "Civilians"}


def test_a_search_launched_after_a_kidnapping_is_no_battle():
    (kidnapping,) = extract("Unknown gunmen kidnapped two farmers from their orchard in Abu Saida "
                            "on Tuesday evening, and security forces launched a search operation "
                            "in the area.", article_date=D(2020, 10, 15))
    assert kidnapping.sub_event_type == "Abduction/forced disappearance"


def test_a_strike_release_dates_and_places_each_strike_and_leaves_syria_out():
    text = ("News Release\n\n"
            "SOUTHWEST ASIA, Jan. 15, 2016 - On Jan. 14, coalition military forces conducted 26 "
            "strikes against ISIL terrorists in Syria and Iraq. In Syria, coalition forces "
            "conducted nine strikes against ISIL targets near Al Hawl and Raqqa.\n\n"
            "-- Near Haditha, two strikes struck an ISIL tactical unit and an ISIL mortar "
            "system.\n\n"
            "-- Near Kirkuk, two strikes struck an ISIL tunnel system.")
    haditha, kirkuk = extract(text)
    assert (haditha.date, haditha.region, haditha.sub_event_type) == (
        D(2016, 1, 14), "Anbar", "Air/drone strike")
    assert set(kirkuk.actors) == {"Islamic State", "US-led coalition"}


def test_a_timeline_titled_with_its_year_dates_its_entries_in_that_year():
    text = ("Timeline: the battle for Fallujah, May-June 2016\n\n"
            "Below is a chronology of the operation.\n\n"
            "May 26 - Army units and Popular Mobilization fighters take the town of Garma after "
            "four days of fighting.")
    (battle,) = extract(text)
    assert battle.date == D(2016, 5, 26)


def test_the_heaviest_strike_hit_a_headquarters_types_and_places_the_strikes():
    text = ("Iran's Revolutionary Guards fired missiles and explosive drones on Wednesday at the "
            "bases of Kurdish opposition groups in northern Iraq. The heaviest strike hit a "
            "party headquarters in Koye, east of Erbil. The strike took place near a school.")
    (strike,) = extract(text, article_date=D(2022, 9, 29))
    assert (strike.region, strike.event_type) == ("Erbil", "Explosions/Remote violence")
    assert "Iranian forces" in strike.actors


def test_drones_of_an_air_force_named_for_the_other_strikes_are_its_own():
    text = ("Iranian artillery shelled villages near Sidakan on Wednesday. Drones also struck a "
            "camp of the Komala party at Zrgwez, southeast of Sulaimaniya, the same day. An "
            "Iranian Mohajer-6 drone was shot down near Erbil.")
    _, drones, downed = extract(text, article_date=D(2022, 9, 29))
    assert (drones.region, drones.location, drones.actors) == (
        "Sulaymaniyah", "Zirgwez", ("Iranian forces",))
    assert "Iranian forces" in downed.actors


@pytest.mark.parametrize(
    "sentence",
    [
        "Attacks on coalition supply convoys near Diwaniyah have become almost daily in recent "
        "months.",
        "The strikes in Sulaymaniyah come amid simmering anger over unpaid wages.",
    ],
)
def test_trends_and_context_are_no_events(sentence):
    assert extract(sentence, article_date=D(2022, 12, 9)) == []


def test_iraqi_forces_fighting_the_peshmerga_is_no_fight_with_islamic_state():
    text = ("Islamic State militants ambushed an army patrol near Hawija on Thursday, killing four "
            "soldiers. Iraqi troops and federal police fought Kurdish peshmerga fighters for "
            "several hours on Friday around the town of Altun Kupri before taking control of it.")
    _, altun_kupri = extract(text, article_date=D(2017, 10, 21))
    assert set(altun_kupri.actors) == {"Iraqi Army", "Iraqi Police", "Peshmerga"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The jihadists have mostly melted away into the desert near Rawa, but they continue to "
        "attack.",
        "Even as the group loses its last territory near Mosul, attacks blamed on IS sleeper cells "
        "persist.",
    ],
)
def test_what_goes_on_and_on_is_no_event(sentence):
    assert extract(sentence, article_date=D(2017, 11, 18)) == []


def test_a_killing_told_days_before_a_riot_and_the_polices_answer_to_the_riot():
    text = ("In Basra, angry protesters set fire to the provincial council building and hurled "
            "stones at police on Monday, days after gunmen killed Zahraa Khalid, a women's rights "
            "activist, in a drive-by shooting on Wednesday. Police responded with tear gas and "
            "live rounds, wounding several people.")
    riot, killing = extract(text, article_date=D(2020, 8, 25))
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Rioters", "Iraqi Police"})
    assert (killing.date, set(killing.actors)) == (
        D(2020, 8, 19), {"Civilians", "Unidentified armed group"})


def test_a_young_man_assassinated_by_unknown_gunmen_is_a_civilian_attacked():
    (killing,) = extract("Unknown gunmen assassinated at dawn today a young man in his thirties in "
                         "front of his house in al-Maimouna district, Maysan.",
                         article_date=D(2024, 3, 19))
    assert (killing.event_type, set(killing.actors)) == (
        "Violence against civilians", {"Civilians", "Unidentified armed group"})


def test_a_summary_drops_relative_leads_and_says_who_arrested():
    text = ("KIRKUK, Iraq, March 4, 2025 (Reuters) - Islamic State militants attacked an army "
            "checkpoint near Hawija on Monday night, killing two soldiers. The next day, a "
            "roadside bomb wounded three shepherds near Daquq. Police said they arrested four "
            "suspects in Kirkuk city on Tuesday.")
    _, bomb, arrests = extract(text)
    assert bomb.summary == "A roadside bomb wounded three shepherds near Daquq."
    assert arrests.summary == "Police arrested four suspects in Kirkuk city on Tuesday."


def test_a_report_whose_second_header_line_names_month_and_year_dates_its_incidents():
    text = ("Peace Monitors - Iraqi Kurdistan\n"
            "Monthly update on harm from cross-border bombardment: August 2021\n\n"
            "On 9 August, Turkish drones struck a car near the village of Sidakan, killing two "
            "shepherds.")
    (strike,) = extract(text)
    assert strike.date == D(2021, 8, 9)


@pytest.mark.parametrize("stamp", ["2022/11/03 - Shafaq News", "Shafaq News | 2022.11.03"])
def test_a_year_first_page_stamp_dates_the_report(stamp):
    text = (f"Gunmen kill farmer in Diyala\n\n{stamp}\n\n"
            "Unknown gunmen shot dead a farmer in his orchard near Khalis on Wednesday, a "
            "security source said.")
    (killing,) = extract(text)
    assert killing.date == D(2022, 11, 2)


def test_bulletin_items_led_by_day_and_month_take_that_day():
    text = ("SECURITY BULLETIN\nIssued: 20/09/2022 | Period: 14/09/2022 - 20/09/2022\n\n"
            "NINEVEH\n"
            "- 15/09: An IED struck an army patrol near Badush. 2x soldiers wounded.\n"
            "- 18/09: Police arrested 3x suspected IS members in Mosul.")
    bomb, arrests = extract(text)
    assert (bomb.date, bomb.event_type) == (D(2022, 9, 15), "Explosions/Remote violence")
    assert (arrests.date, arrests.region) == (D(2022, 9, 18), "Nineveh")


def test_an_earlier_retaking_by_a_list_of_forces_takes_the_day_it_names():
    text = ("Troops pushed into the Andalus district of Mosul on Thursday, retaking it from "
            "Islamic State.\n\nThe push came a day after army units, Hashd fighters and tribal "
            "fighters recaptured the town of Hammam al-Alil from the jihadists on Wednesday, "
            "cutting a supply route.")
    _, earlier = extract(text, article_date=D(2017, 1, 12))
    assert (earlier.date, earlier.location) == (D(2017, 1, 11), "Hammam al-Alil")
    assert {"Shiite militias", "Sunni tribes"} <= set(earlier.actors)


@pytest.mark.parametrize("sentence", [
    "Residents fear reprisals in the area, where the militants executed dozens of police "
    "officers in August last year.",
    "Government troops had recaptured the town of Baiji at the end of last October.",
])
def test_what_happened_last_year_is_background(sentence):
    assert extract(sentence, article_date=D(2016, 4, 20)) == []


def test_an_arrest_on_its_own_day_is_kept_though_the_crime_was_last_year():
    text = ("Police in Kut arrested two men on Monday suspected of a grenade attack on a protest "
            "tent last November, the governor's office said.")
    (arrest,) = extract(text, article_date=D(2021, 5, 12))
    assert (arrest.date, arrest.region, arrest.sub_event_type) == (D(2021, 5, 10), "Wasit",
                                                                    "Arrests")


def test_a_long_list_of_speakers_at_the_end_is_no_actor():
    text = ("Islamic State fighters hit back with two suicide car bombs against advancing "
            "troops near Baiji hospital on Wednesday, killing five soldiers, a police captain "
            "and a nurse at the city's hospital said.")
    (bombing,) = extract(text, article_date=D(2015, 3, 12))
    assert set(bombing.actors) == {"Islamic State", "Iraqi Army"}


def test_men_detained_by_a_militia_have_disappeared_not_been_arrested():
    text = ("Hundreds of men who fled Saqlawiya on Friday are still missing after members of a "
            "faction of the Popular Mobilization Forces detained them, an Anbar official said.")
    (event,) = extract(text, article_date=D(2016, 6, 6))
    assert (event.event_type, event.sub_event_type) == (
        "Violence against civilians", "Abduction/forced disappearance")
    assert "Shiite militias" in event.actors


def test_the_gangs_of_daesh_are_islamic_state_and_the_outlet_in_brackets_is_no_place():
    text = ("A security source in Kirkuk told (Baghdad Today) that \"the terrorist gangs of "
            "Daesh opened fire on Tuesday on a village near Hawija, killing two citizens\".")
    (attack,) = extract(text, article_date=D(2019, 3, 6))
    assert (attack.region, set(attack.actors)) == ("Kirkuk", {"Islamic State", "Civilians"})


def test_the_martyrdom_of_citizens_makes_them_victims(gaz):
    mentions = find_actors("the source reported the martyrdom of three citizens in the attack",
                           gaz)
    assert [(m.actor, m.victim) for m in mentions] == [("Civilians", True)]


def test_a_wire_lead_in_northern_iraq_takes_the_place_the_next_sentence_gives():
    text = ("BAGHDAD (AP) - Islamic State militants attacked an army outpost in northern Iraq "
            "late Sunday, killing three soldiers, officials said.\n\n"
            "The militants struck the outpost near the town of Tuz Khurmatu, sparking a "
            "gunbattle that lasted an hour.")
    (attack,) = extract(text, article_date=D(2021, 3, 8))
    assert (attack.region, attack.date) == ("Saladin", D(2021, 3, 7))


def test_militants_wearing_suicide_vests_who_approach_lines_are_no_suicide_bombing():
    text = ("The militants, some wearing suicide vests, approached peshmerga positions near "
            "Bashiqa before dawn on Thursday.")
    events = extract(text, article_date=D(2016, 11, 4))
    assert all(e.sub_event_type != "Suicide bomb" for e in events)


def test_unknown_militants_are_an_unidentified_group_in_a_report_on_islamic_state():
    text = ("Islamic State fighters attacked an army post near Baiji on Monday.\n\n"
            "Unknown militants attacked a Sahwa checkpoint near Tarmiya on Monday, killing two.")
    _, attack = extract(text, article_date=D(2017, 8, 24))
    assert set(attack.actors) == {"Unidentified armed group", "Sunni tribes"}


def test_a_spike_in_attacks_is_no_event():
    text = ("Officials blamed the recent spike in attacks on a security vacuum in the disputed "
            "territories near Makhmour, where Kurdish and federal forces do not coordinate.")
    assert extract(text, article_date=D(2021, 12, 5)) == []


def test_a_rocket_attack_on_a_base_hosting_coalition_troops_targets_the_coalition():
    text = ("Rockets struck Ain al-Asad air base in western Anbar on Sunday night, causing no "
            "casualties.\n\n"
            "On Monday, a rocket attack hit Victory base near Baghdad airport, which hosts US "
            "troops. The attack was claimed by Kataib Hezbollah.")
    ain_al_asad, victory = extract(text, article_date=D(2021, 3, 9))
    assert set(ain_al_asad.actors) == {"US-led coalition", "Unidentified armed group"}
    assert set(victory.actors) == {"US-led coalition", "Shiite militias"}


def test_drones_shot_down_near_erbil_airport_are_a_disrupted_attack_on_the_coalition():
    text = ("Two explosive-laden drones were shot down by coalition air defences near Erbil "
            "International Airport late on Tuesday, the Kurdistan Region's counter-terrorism "
            "directorate said.")
    (drones,) = extract(text, article_date=D(2023, 10, 25))
    assert (drones.event_type, drones.sub_event_type) == (
        "Strategic developments", "Disrupted weapons use")
    assert set(drones.actors) == {"US-led coalition", "Unidentified armed group"}


def test_a_peaceful_rally_demanding_a_withdrawal_has_the_protesters_alone():
    text = ("Hundreds of supporters of the Popular Mobilisation Forces gathered on Thursday near "
            "the Green Zone in Baghdad to denounce the strike and demand the withdrawal of "
            "American forces. The demonstration dispersed peacefully in the afternoon.")
    (rally,) = extract(text, article_date=D(2024, 2, 9))
    assert (rally.sub_event_type, rally.actors) == ("Peaceful protest", ("Protesters",))


def test_attacks_counted_since_a_month_are_no_event():
    text = ("A US drone strike killed a Kataib Hezbollah commander in eastern Baghdad on "
            "Wednesday.\n\nUS officials have counted more than 160 attacks on American troops "
            "in Iraq and Syria since mid-October. Iraq's government condemned the strike.")
    (strike,) = extract(text, article_date=D(2024, 2, 9))
    assert strike.sub_event_type == "Air/drone strike"


def test_gunmen_from_a_named_militia_are_that_militia():
    text = ("In Basra, gunmen from Saraya al-Salam and Asaib Ahl al-Haq exchanged fire in the "
            "city centre on Tuesday, killing four members of the rival militia, police said.")
    (clash,) = extract(text, article_date=D(2022, 8, 31))
    assert (clash.region, clash.actors) == ("Basra", ("Shiite militias",))


@pytest.mark.parametrize("sentence", [
    "Snipers were firing from the roof of an abandoned hotel near the governor's office in "
    "Kirkuk on Friday.",
    "Calm returned to Amarah on Tuesday afternoon after Sadr ordered his supporters to "
    "withdraw within an hour.",
])
def test_an_abandoned_building_or_an_order_to_withdraw_hands_over_no_territory(sentence):
    events = extract(sentence, article_date=D(2022, 8, 31))
    assert all(e.sub_event_type != "Non-violent transfer of territory" for e in events)


def test_missiles_and_drones_fired_in_one_attack_are_one_event():
    text = ("At least 13 people were killed on Wednesday when Iran's Revolutionary Guards fired "
            "missiles and launched suicide drones at the camps of Iranian Kurdish parties near "
            "Koya, east of Erbil.")
    (attack,) = extract(text, article_date=D(2022, 9, 29))
    assert (attack.region, attack.event_type) == ("Erbil", "Explosions/Remote violence")


@pytest.mark.parametrize("sentence", [
    "ISF search operations in Wadi Houran are ongoing.",
    "We call on the Government of Turkey to halt attacks on villages near Zakho.",
])
def test_what_goes_on_and_what_is_urged_are_no_events(sentence):
    assert extract(sentence, article_date=D(2023, 3, 14)) == []


def test_residents_of_a_village_described_at_length_are_the_victims():
    text = ("Eleven residents of the village of al-Hawasha, in the Muqdadiya district of Diyala, "
            "were killed when ISIS elements attacked the village late on Tuesday.")
    (attack,) = extract(text, article_date=D(2021, 10, 27))
    assert (attack.event_type, set(attack.actors)) == (
        "Violence against civilians", {"Islamic State", "Civilians"})


def test_arrests_after_an_arson_are_an_event_of_their_own():
    text = ("On Wednesday morning, armed men set fire to several houses in a village near "
            "Muqdadiya. Diyala police announced on Wednesday that they had arrested three "
            "suspects in Baqubah in connection with the attack.")
    arson, arrests = extract(text, article_date=D(2021, 10, 28))
    assert arson.sub_event_type == "Looting/property destruction"
    assert (arrests.sub_event_type, arrests.actors) == ("Arrests", ("Iraqi Police",))


def test_the_bloodiest_day_since_protests_began_is_still_that_days_event():
    text = ("Iraqi security forces shot dead at least 25 protesters in the southern city of "
            "Nasiriyah on Thursday, medical sources said, in one of the bloodiest days since "
            "anti-government demonstrations began in early October.")
    (shooting,) = extract(text, article_date=D(2019, 11, 29))
    assert (shooting.date, shooting.region, shooting.event_type) == (
        D(2019, 11, 28), "Dhi Qar", "Protests")


@pytest.mark.parametrize("sentence", [
    "On Monday, Maysan Police Command announced the arrest of seven suspects in Amarah.",
    "Meanwhile, the Maysan police command announced on Monday the arrest of seven suspects in "
    "Amarah.",
])
def test_a_command_announcing_an_arrest_made_it_that_day(sentence):
    (arrest,) = extract(sentence, article_date=D(2024, 6, 5))
    assert (arrest.date, arrest.actors, arrest.sub_event_type) == (
        D(2024, 6, 3), ("Iraqi Police",), "Arrests")


def test_a_clash_in_a_neighbour_s_border_province_is_no_event_in_iraq():
    (strike,) = extract(
        "Iranian drones struck a camp of an Iranian Kurdish party near Koya in Erbil province "
        "on Monday, killing two people.\n\nLast week, Iranian border guards in West Azarbaijan "
        "province clashed with a terrorist team that had infiltrated from Iraqi soil, killing "
        "two of its members.", article_date=D(2022, 11, 22))
    assert strike.region == "Erbil"


def test_baghdad_giving_no_figures_after_a_semicolon_is_no_scene():
    events = extract(
        "Iraqi troops and Kurdish peshmerga fighters exchanged fire south of Kirkuk on Monday, "
        "security sources said.\n\nKurdish officials said several peshmerga were killed; "
        "Baghdad gave no figures.", article_date=D(2017, 10, 17))
    assert [e.region for e in events] == ["Kirkuk"]


def test_a_timeline_s_first_entry_is_no_dateline_and_its_days_run_forward():
    events = extract(
        "Timeline: the battle for Fallujah, May-June 2016\n\n"
        "May 22 - Prime Minister Haider al-Abadi announces the start of the operation in a "
        "televised address.\n\n"
        "June 17 - Counter Terrorism Service forces retake the government compound in Fallujah "
        "from IS fighters.\n\n"
        "On the 26th, the commander of the operation announces that Fallujah has been fully "
        "liberated after Counter Terrorism Service troops clear the al-Julan neighbourhood, the "
        "last district under IS control.\n\n"
        "June 29 - Coalition aircraft strike long convoys of IS vehicles fleeing south of "
        "Fallujah.")
    assert [e.date for e in events] == [D(2016, 6, 17), D(2016, 6, 26), D(2016, 6, 29)]


@pytest.mark.parametrize(("place", "region"), [
    ("Wadi al-Shay", "Kirkuk"), ("Qara Chokh", "Erbil"), ("Dibaga", "Erbil"), ("Kumait", "Maysan"),
])
def test_the_hideouts_and_districts_of_the_insurgency_are_placed(place, region):
    (attack,) = extract(f"Gunmen attacked an army post in {place} on Monday, killing a soldier.",
                        article_date=D(2022, 3, 9))
    assert attack.region == region


def test_a_claim_in_a_statement_paragraphs_later_names_the_bomber_s_group():
    (bombing,) = extract(
        "At least 73 people, mostly Iranian pilgrims, were killed on Thursday when a suicide "
        "bomber blew up a truck at a petrol station near Hashimiyah in Babil province, a police "
        "source said.\n\nThe truck went off at a petrol station on the highway, where buses "
        "carrying pilgrims returning from Karbala had stopped, the source said.\n\nThe Islamic "
        "State group claimed responsibility for the attack in a statement posted online.",
        article_date=D(2016, 11, 25))
    assert set(bombing.actors) == {"Islamic State", "Civilians"}


def test_police_that_a_un_statement_says_announced_they_arrested_people_arrested_them():
    (arrest,) = extract("UNAMI notes that the Kirkuk police announced this morning that they had "
                        "arrested 16 people in connection with Saturday's violence.",
                        article_date=D(2023, 9, 3))
    assert (arrest.date, arrest.actors, arrest.sub_event_type) == (
        D(2023, 9, 3), ("Iraqi Police",), "Arrests")


def test_fighters_from_a_named_tribe_are_sunni_tribes_and_rpgs_in_a_clan_feud_are_its_weapons():
    text = ("On Tuesday, fighters from the Albu Nimr tribe clashed with the jihadists on the "
            "outskirts of Hit, a tribal leader said.")
    (clash,) = extract(text, article_date=D(2014, 10, 15))
    assert set(clash.actors) == {"Sunni tribes", "Islamic State"}
    feud = ("Two clans clashed near Kahla on Sunday. The dispute between the clans escalated "
            "quickly, with the two sides using medium weapons and rocket-propelled grenades.")
    assert [e.event_type for e in extract(feud, article_date=D(2024, 6, 3))] == ["Battles"]


def test_civilians_killed_by_a_group_in_a_mass_grave_are_among_its_actors():
    text = ("Iraqi troops on Monday discovered a mass grave containing around 100 bodies in the "
            "town of Hammam al-Alil, south of Mosul. Officials said the victims were believed to "
            "be civilians killed by IS militants.")
    (grave,) = extract(text, article_date=D(2016, 11, 8))
    assert set(grave.actors) == {"Iraqi Army", "Islamic State", "Civilians"}


def test_fighters_giving_themselves_up_at_checkpoints_are_arrested_by_who_held_them():
    text = ("Hundreds of Islamic State fighters who fled Hawija gave themselves up at Kurdish "
            "Peshmerga checkpoints near Dibis on Wednesday, a Kurdish security official said.")
    (surrender,) = extract(text, article_date=D(2017, 10, 5))
    assert (surrender.sub_event_type, surrender.actors) == ("Arrests", ("Peshmerga",))


def test_what_a_crowd_demands_is_no_action_and_setting_fire_to_a_post_is_a_riot():
    demand = ("On Wednesday morning, around 200 residents of Deraluk gathered in front of the "
              "district building to demand that both Ankara and the PKK keep the fighting away "
              "from inhabited areas.")
    (protest,) = extract(demand, article_date=D(2019, 8, 15))
    assert (protest.event_type, protest.actors) == ("Protests", ("Protesters",))
    riot = ("Hours after the killing, angry demonstrators gathered outside the Iranian consulate "
            "in Karbala on Sunday, burning tyres and setting fire to a guard post.")
    (unrest,) = extract(riot, article_date=D(2021, 5, 10))
    assert unrest.event_type == "Riots"


def test_militants_withdrawing_after_a_battle_hand_over_nothing_to_anyone():
    text = ("Iraqi troops fought Islamic State militants near Rutba on Thursday. The militants "
            "withdrew towards the Syrian border, the Joint Operations Command said.")
    events = extract(text, article_date=D(2016, 5, 20))
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_a_timeline_with_one_entry_a_line_reads_each_entry_in_the_present_tense():
    text = ("Timeline: how the battle for Ramadi unfolded\n\n"
            "May 15, 2015: Islamic State fighters storm the government compound in Ramadi.\n"
            "May 17: IS takes control of Ramadi after troops abandon the city.\n"
            "Dec 28: The army retakes the centre of Ramadi from the jihadists.")
    storm, seizure, retaking = extract(text)
    assert (seizure.date, seizure.sub_event_type) == (
        D(2015, 5, 17), "Non-state actor overtakes territory")
    assert (retaking.date, retaking.sub_event_type) == (
        D(2015, 12, 28), "Government regains territory")
    assert (storm.date, storm.event_type) == (D(2015, 5, 15), "Battles")


def test_men_taken_to_an_unknown_location_were_abducted():
    text = ("Witnesses told Human Rights Watch that on June 5, militia fighters stopped men "
            "fleeing Fallujah at a checkpoint and took dozens of them to an unknown location.")
    (abduction,) = extract(text, article_date=D(2016, 6, 9))
    assert (abduction.date, abduction.sub_event_type) == (
        D(2016, 6, 5), "Abduction/forced disappearance")
    assert set(abduction.actors) == {"Shiite militias", "Civilians"}


def test_artillery_bombarding_villages_hits_civilians_and_neutralised_militants_fought():
    shelling = ("Iranian artillery bombarded the outskirts of several villages in the Sidakan "
                "sub-district on Sunday, causing material damage to farmland.")
    (attack,) = extract(shelling, article_date=D(2021, 8, 17))
    assert set(attack.actors) == {"Iranian forces", "Civilians"}
    fight = "Turkish forces neutralised four PKK militants near Metina in Duhok on Saturday."
    (clash,) = extract(fight, article_date=D(2021, 8, 17))
    assert (clash.event_type, set(clash.actors)) == (
        "Battles", {"Turkish Armed Forces", "Kurdistan Workers' Party"})


def test_strikes_on_sites_in_two_governorates_are_one_event_in_each():
    text = ("US military aircraft struck three facilities used by Kataib Hezbollah early on "
            "Tuesday, hitting sites in Jurf al-Nasr in Babil province and near the border town "
            "of al-Qaim in Anbar, the Pentagon said.")
    events = extract(text, article_date=D(2024, 1, 24))
    assert sorted(e.region for e in events) == ["Anbar", "Babil"]
    assert all(set(e.actors) == {"US-led coalition", "Shiite militias"} for e in events)


def test_an_advance_on_a_town_held_since_2014_is_this_weeks_news():
    text = ("East of Mosul, Iraqi special forces pushed into the Christian town of Bartella on "
            "Thursday after a day of fighting with militants who had held it since 2014.")
    (push,) = extract(text, article_date=D(2016, 10, 21))
    assert (push.date, push.event_type) == (D(2016, 10, 20), "Battles")


def test_a_march_carrying_pictures_of_those_killed_is_a_peaceful_protest():
    text = ("Thousands marched peacefully in Diwaniyah on Thursday, carrying Iraqi flags and "
            "pictures of those killed in recent weeks.")
    (march,) = extract(text, article_date=D(2019, 11, 29))
    assert (march.region, march.sub_event_type) == ("Qadisiyah", "Peaceful protest")


def test_an_outlet_in_brackets_after_to_or_by_is_no_place():
    text = ("Two members of the Popular Mobilization were martyred on Saturday evening in an "
            "attack by ISIS remnants on their position in the Mutaibija area.\n\n"
            "A security source said, in a statement to (Baghdad Today), that \"terrorist "
            "elements attempted to infiltrate towards a PMF point, and the fighters repelled "
            "the attack\".")
    (attack,) = extract(text, article_date=D(2022, 3, 14))
    assert (attack.region, attack.date) == ("Saladin", D(2022, 3, 12))


def test_forces_answering_a_riot_join_it_though_the_sentence_ends_with_a_death():
    text = ("On Friday, demonstrators burned the provincial government building in Basra. "
            "Security forces fired tear gas and live rounds; one protester was killed, "
            "according to a medical source.")
    (riot,) = extract(text, article_date=D(2018, 9, 9))
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Rioters", "Iraqi Army"})


def test_fighting_positions_destroyed_by_strikes_are_no_battle():
    text = ("Near Mosul, 14 strikes engaged 12 ISIS tactical units and destroyed 22 fighting "
            "positions on June 11.")
    (strikes,) = extract(text, article_date=D(2017, 6, 12))
    assert strikes.sub_event_type == "Air/drone strike"


def test_a_release_whose_strikes_destroyed_mortar_systems_is_the_coalitions_strike():
    text = ("Near Mosul, 14 strikes engaged 12 ISIS tactical units and destroyed 22 fighting "
            "positions, 4 mortar systems and 3 VBIEDs on June 11.")
    (strikes,) = extract(text, article_date=D(2017, 6, 12))
    assert set(strikes.actors) == {"Islamic State", "US-led coalition"}


def test_troops_deployed_with_a_coalition_fighting_the_remnants_of_is_fight_no_battle():
    text = ("U.S. aircraft struck a Kataib Hezbollah facility near Jurf al-Sakhar on Tuesday."
            "\n\nSome 2,500 U.S. troops are deployed in Iraq as part of a coalition fighting the "
            "remnants of Islamic State.")
    (strike,) = extract(text, article_date=D(2024, 1, 16))
    assert strike.sub_event_type == "Air/drone strike"


def test_a_mass_grave_found_holds_civilians():
    text = ("On 18 October, Iraqi army engineers found a mass grave containing the remains of at "
            "least 40 people west of Hawija.")
    (grave,) = extract(text, article_date=D(2017, 10, 25))
    assert (grave.sub_event_type, set(grave.actors)) == ("Other", {"Iraqi Army", "Civilians"})


def test_an_attack_by_one_armed_side_on_villagers_is_violence_against_civilians_told_once():
    text = ("A security source in Diyala reported on Wednesday the martyrdom of three citizens in "
            "an attack carried out by elements of the Daesh gangs on a village in the Abu Saida "
            "district.\n\nThe source told reporters that \"a group of Daesh remnants attacked at "
            "dawn today the Albu Karma village of the Abu Saida district, opening fire on the "
            "houses of citizens, which led to the martyrdom of three of them\".")
    (attack,) = extract(text, article_date=D(2018, 10, 10))
    assert (attack.event_type, set(attack.actors)) == (
        "Violence against civilians", {"Islamic State", "Civilians"})



def test_a_takeover_after_car_bombs_is_the_takeover_and_a_quoted_speakers_city_no_scene():
    text = ("BAGHDAD — On Sunday, Islamic State militants overran Ramadi after unleashing at least "
            "10 suicide car bombs against the government compound, and the army troops who had "
            "clung to the city since early 2014 fled. \"We fought for 18 months with nothing,\" "
            "said a tribal leader reached by phone in Baghdad.\n\n"
            "On Monday, the militants killed at least 17 people in the Malaab neighbourhood.")
    takeover, killing = extract(text, article_date=D(2015, 5, 19))
    assert (takeover.region, takeover.sub_event_type) == (
        "Anbar", "Non-state actor overtakes territory")
    assert killing.region == "Anbar"


def test_the_biggest_victory_since_last_year_is_todays_and_bombs_left_behind_no_attack():
    text = ("Iraqi counterterrorism troops drove Islamic State militants out of the government "
            "complex in central Ramadi on Monday, the most significant victory for the military "
            "since the extremists swept across the north and west last year. The militants fled, "
            "leaving behind booby-trapped houses and roadside bombs.")
    (retaking,) = extract(text, article_date=D(2015, 12, 28))
    assert (retaking.date, retaking.sub_event_type) == (
        D(2015, 12, 28), "Government regains territory")


def test_a_release_lists_strikes_under_country_headings_and_leaves_syria_out():
    text = ("SOUTHWEST ASIA -- On Jan. 14, Coalition military forces conducted 21 strikes against "
            "ISIL terrorists in Syria and Iraq.\n\n"
            "Syria\n-- Near Manbij, five strikes struck an ISIL tactical unit.\n"
            "-- Near Mar'a, two strikes struck an ISIL tactical unit.\n\n"
            "Iraq\n-- Near Sinjar, two strikes struck an ISIL tactical unit and destroyed an ISIL "
            "weapons cache.")
    (sinjar,) = extract(text, article_date=D(2016, 1, 15))
    assert (sinjar.region, sinjar.date) == ("Nineveh", D(2016, 1, 14))


def test_a_capitalised_timeline_in_the_present_dates_and_types_its_entries():
    text = ("TIMELINE-Iraq's slide into crisis\n\n"
            "Aug 9, 2014 - Below is a timeline of the main developments since militants began "
            "seizing territory.\n\n"
            "JANUARY 2014 - ISIL militants overrun Falluja after police abandon their stations.\n\n"
            "JUNE 10 - ISIL fighters seize Mosul after two army divisions collapse.\n\n"
            "AUG 3 - Islamic State fighters rout peshmerga in the Sinjar region.\n\n"
            "AUG 7 - President Barack Obama authorises targeted air strikes to protect U.S. "
            "personnel in Arbil.")
    events = extract(text)
    assert [(e.date, e.region) for e in events] == [
        (None, "Anbar"), (D(2014, 6, 10), "Nineveh"), (D(2014, 8, 3), "Nineveh")]


def test_men_seized_by_a_militia_the_day_a_town_is_retaken_are_an_abduction_of_its_own():
    text = ("June 3 - Iraqi troops and Hashd units retake Saqlawia, west of Fallujah, from IS. "
            "The same day, fighters of Kataib Hezbollah seize some 600 men from the Albu Akash "
            "tribe as they flee the town.")
    retaking, abduction = extract(text, article_date=D(2016, 7, 1))
    assert retaking.sub_event_type == "Government regains territory"
    assert (abduction.sub_event_type, set(abduction.actors)) == (
        "Abduction/forced disappearance", {"Shiite militias", "Civilians"})


def test_a_town_retaken_by_troops_in_the_passive_years_after_its_fall_is_regained():
    text = ("The town of Qayyarah, south of Mosul, was retaken from Islamic State on Thursday by "
            "Iraqi troops, two years after the militants overran it, the army said.")
    (retaking,) = extract(text, article_date=D(2016, 8, 26))
    assert (retaking.date, retaking.sub_event_type) == (
        D(2016, 8, 25), "Government regains territory")


@pytest.mark.parametrize("sentence", [
    "The US defence secretary called the recapture of Ramadi a significant step.",
    "The government, whose forces are also trying to retake Ramadi, urged the Kurds to "
    "coordinate with Baghdad.",
    "The coalition said it had carried out more than 600 air strikes in and around Ramadi "
    "since July.",
    "Progress in Ramadi was slowed by hundreds of roadside bombs left by the militants.",
])
def test_reactions_attempts_totals_and_bombs_left_are_no_events(sentence):
    assert extract(sentence, article_date=D(2015, 12, 29)) == []



def test_troops_opening_fire_on_a_crowd_fire_on_protesters():
    text = ("Two men were killed on Sunday when troops opened fire on a crowd trying to cut the "
            "road leading to Umm Qasr.")
    (shooting,) = extract(text, article_date=D(2019, 11, 25))
    assert shooting.sub_event_type == "Excessive force against protesters"


def test_what_happened_in_an_earlier_year_told_first_is_background():
    text = ("In 2018 at least a dozen people were killed in Basra as demonstrators torched "
            "government buildings.")
    assert extract(text, article_date=D(2023, 7, 19)) == []


def test_a_police_command_that_says_its_detectives_arrested_someone_made_the_arrest():
    text = ("The Najaf police command said in a statement that its detectives on Wednesday "
            "arrested a man wanted for robbery in the Kufa district.")
    (arrest,) = extract(text, article_date=D(2023, 5, 11))
    assert (arrest.sub_event_type, arrest.actors) == ("Arrests", ("Iraqi Police",))


def test_a_gang_of_smugglers_is_no_insurgent_group_even_in_a_report_on_islamic_state():
    text = ("Islamic State militants killed two shepherds near Rutba on Tuesday, police said. "
            "On Wednesday, border police clashed with an armed gang of cattle smugglers near "
            "al-Qaim, killing one of them.")
    _, clash = extract(text, article_date=D(2022, 2, 10))
    assert (clash.event_type, set(clash.actors)) == (
        "Battles", {"Iraqi Police", "Unidentified armed group"})


@pytest.mark.parametrize("sentence", [
    "Police in Kirkuk reported the killing of a farmer by Islamic State and the wounding of "
    "two policemen by a roadside bomb in two separate incidents on Friday.",
    "There was no claim of responsibility, but Islamic State has carried out many similar "
    "attacks on markets in Basra.",
    "Since the protests erupted on 1 October, more than 100 people have been killed in "
    "Nasiriyah.",
    "Police said the man had attacked army checkpoints in Tarmiya in previous years.",
])
def test_a_lead_summing_up_separate_incidents_and_habits_and_tolls_are_no_events(sentence):
    assert extract(sentence, article_date=D(2019, 12, 1)) == []


def test_a_capital_that_speaks_is_its_government_not_the_scene():
    text = ("US jets struck militia depots near al-Qaim on Friday. Baghdad said six people were "
            "killed in those strikes.")
    assert {event.region for event in extract(text, article_date=D(2024, 2, 3))} == {"Anbar"}


def test_urging_the_sides_to_avoid_clashes_is_no_clash():
    text = ("Kurdish officials said peshmerga fighters were deployed near Makhmour. The United "
            "States, which armed both sides in the war against Islamic State, urged them to avoid "
            "further clashes.")
    assert extract(text, article_date=D(2022, 5, 5)) == []


def test_an_exchange_of_artillery_and_machine_gun_fire_is_a_battle():
    text = ("Federal police exchanged artillery and machine-gun fire with peshmerga fighters near "
            "Altun Kupri on Friday.")
    (clash,) = extract(text, article_date=D(2017, 10, 21))
    assert (clash.event_type, clash.sub_event_type) == ("Battles", "Armed clash")


def test_a_foreign_ministry_is_no_armed_force():
    text = ("Protesters set fire to the Iranian consulate in Najaf on Saturday. Police fired tear "
            "gas and Iran's foreign ministry summoned Iraq's ambassador.")
    (riot,) = extract(text, article_date=D(2022, 7, 24))
    assert "Iranian forces" not in riot.actors


def test_us_led_air_strikes_backing_an_advance_make_the_coalition_a_party_to_it():
    text = ("Kurdish peshmerga fighters backed by U.S.-led air strikes drove Islamic State out of "
            "the town of Sinjar on Friday.")
    (retaking,) = extract(text, article_date=D(2015, 11, 14))
    assert set(retaking.actors) == {"Peshmerga", "Islamic State", "US-led coalition"}


@pytest.mark.parametrize("sentence", [
    "A coalition spokesman said its aircraft were not taking part in the Tikrit operation.",
    "The prime minister urged Sunni tribesmen still fighting alongside IS near Tikrit on Tuesday "
    "to lay down their arms.",
    "Hundreds of recruits were massacred near Camp Speicher in the days that followed.",
])
def test_denials_appeals_and_what_followed_a_backstory_are_no_events(sentence):
    assert extract(sentence, article_date=D(2015, 3, 4)) == []


def test_guns_pounding_islamic_state_with_no_one_named_are_the_armys():
    text = ("Army troops and Shiite militias advanced on Tikrit on Monday. Artillery and rocket "
            "launchers pounded Islamic State positions in al-Alam on Tuesday, a police colonel "
            "said.")
    shelling = next(e for e in extract(text, article_date=D(2015, 3, 4))
                    if e.sub_event_type == "Shelling/artillery/missile attack")
    assert set(shelling.actors) == {"Iraqi Army", "Islamic State"}


def test_a_dateline_written_with_slashes_is_no_scene():
    text = ("BAGHDAD // Iraqi forces on Tuesday declared they had recaptured the town of Baiji "
            "from ISIL.")
    (retaking,) = extract(text, article_date=D(2015, 10, 21))
    assert (retaking.region, retaking.location) == ("Saladin", "Baiji")


def test_an_offensive_that_began_a_week_after_a_bombing_tells_the_bombing_too():
    text = ("Iraqi forces launched an operation on Thursday to retake Hawija, seizing a string "
            "of villages.\n\nThe Hawija offensive began exactly a week after IS suicide bombers "
            "attacked a restaurant near Nasiriyah, killing at least 84 people.")
    bombing = next(e for e in extract(text, article_date=D(2017, 9, 22)) if e.region == "Dhi Qar")
    assert (bombing.date, bombing.sub_event_type) == (D(2017, 9, 14), "Suicide bomb")
    assert "Civilians" in bombing.actors


def test_houses_of_families_of_tribesmen_who_had_fought_the_group_are_civilian_property():
    text = ("ISIL militants blew up 15 houses belonging to families of tribesmen who had fought "
            "against the group in the town of Hit on Sunday.")
    (demolition,) = extract(text, article_date=D(2015, 10, 20))
    assert set(demolition.actors) == {"Islamic State", "Civilians"}


def test_a_tribal_dispute_fought_with_weapons_is_a_clan_clash():
    text = ("An armed tribal dispute between two clans broke out in al-Kahla district of Maysan "
            "on Monday, with medium weapons used.")
    (clash,) = extract(text, article_date=D(2024, 8, 6))
    assert (clash.sub_event_type, clash.actors) == ("Armed clash", ("Clan militias",))


def test_police_who_say_what_happened_are_not_a_party_to_it():
    text = ("Two clans clashed with machine guns in al-Kahla district of Maysan on Monday. "
            "Police say elders are mediating to stop the fighting.")
    (clash,) = extract(text, article_date=D(2024, 8, 6))
    assert clash.actors == ("Clan militias",)


@pytest.mark.parametrize("sentence", [
    "The Security Media Cell DENIES reports of a drone strike over the Green Zone last night.",
    "NUMBERS THAT MATTER: 25 rocket attacks on bases hosting US troops since late October.",
])
def test_denials_in_capitals_and_counts_since_a_month_are_no_events(sentence):
    assert extract(sentence, article_date=D(2020, 3, 15)) == []


def test_a_claim_made_the_next_day_is_no_second_attack():
    text = ("On April 29, a roadside bomb planted by an Islamic State cell struck an army Humvee "
            "near Tuz Khurmatu, killing three soldiers. The group claimed the attack the next "
            "day through its Amaq outlet.")
    (bombing,) = extract(text, article_date=D(2025, 5, 14))
    assert bombing.date == D(2025, 4, 29)


def test_commanders_who_say_they_were_attacked_are_a_party_to_the_fight():
    text = ("Peshmerga commanders say Hashd factions attacked their positions near Taza, south of "
            "Kirkuk, before dawn on Monday.")
    (attack,) = extract(text, article_date=D(2017, 10, 17))
    assert {"Peshmerga", "Shiite militias"} <= set(attack.actors)


@pytest.mark.parametrize(("text", "civilians_hit"), [
    ("On Tuesday, a roadside bomb hit a convoy of trucks carrying supplies for the coalition on "
     "the highway near Diwaniyah, damaging one vehicle.", True),
    ("On Tuesday, a roadside bomb exploded next to a convoy of Iraqi army trucks near Samawah, "
     "damaging one vehicle.", False),
    ("On Tuesday, unknown persons threw a hand grenade at the house of a tribal elder in Qurna, "
     "causing material damage.", True),
])
def test_supply_trucks_and_an_elders_house_hit_make_civilians_the_target(text, civilians_hit):
    (attack,) = extract(text, article_date=D(2021, 3, 4))
    assert ("Civilians" in attack.actors) is civilians_hit


def test_iraqi_forces_told_as_the_federal_police_are_not_also_the_army():
    text = ("Iraqi forces on Tuesday seized the area around Mosul's Bab al-Tob gate. Federal "
            "police and Rapid Response units took control of the gate after a night of heavy "
            "fighting with Islamic State.")
    (taking,) = extract(text, article_date=D(2017, 3, 15))
    assert "Iraqi Army" not in taking.actors and "Iraqi Police" in taking.actors


def test_a_suicide_bombing_told_elsewhere_with_no_claim_is_by_an_unidentified_group():
    text = ("Iraqi troops and Shiite militias pushed into Islamic State-held villages south of "
            "Tikrit on Monday. Elsewhere in Anbar province, a suicide bomber drove an explosives-"
            "laden Humvee into an army checkpoint near Ramadi on Monday, killing four soldiers.")
    bombing = next(e for e in extract(text, article_date=D(2015, 3, 3))
                   if e.sub_event_type == "Suicide bomb")
    assert set(bombing.actors) == {"Iraqi Army", "Unidentified armed group"}


def test_the_dead_a_ministry_describes_as_fighters_are_not_civilians():
    text = ("A Turkish drone hit a car near Batifa on Sunday, killing two people that Turkey's "
            "defence ministry described as Kurdistan Workers' Party (PKK) militants.")
    (strike,) = extract(text, article_date=D(2024, 7, 8))
    assert "Civilians" not in strike.actors


@pytest.mark.parametrize("sentence", [
    "Diyala has witnessed frequent attacks by ISIS in the past months near Khanaqin.",
    "Iraq declared victory last December, but the militants have since shifted to hit-and-run "
    "attacks in Kirkuk.",
    "Since October, ISIS attacks in Kirkuk and Diyala have killed more than 40 people.",
    "CENTCOM said coalition aircraft conducted 22 airstrikes near Baiji between October 24 and "
    "26.",
    "Tehran accuses Kurdish opposition groups in Koya of fuelling the protests.",
    "Human Rights Watch urged Baghdad to ensure that men detained after the Hawija operation "
    "were held in recognised facilities.",
])
def test_what_a_period_saw_accusations_and_appeals_are_no_events(sentence):
    assert extract(sentence, article_date=D(2021, 12, 7)) == []


def test_a_crowd_urging_an_intervention_still_protested():
    text = ("Hundreds of Kurds demonstrated outside the United Nations compound in Erbil on "
            "Thursday, urging Washington to intervene.")
    (protest,) = extract(text, article_date=D(2017, 10, 20))
    assert protest.event_type == "Protests"


def test_a_timeline_under_a_published_stamp_dates_later_entries_in_the_same_year():
    text = ("TIMELINE: Basra's summer of anger\n\nPublished 27 September 2018\n\n"
            "8 July 2018 – Security forces open fire on demonstrators outside the West Qurna "
            "oilfield, killing one man.\n\n"
            "7 September – Protesters storm the Iranian consulate in Basra and set it ablaze.")
    dates = [event.date for event in extract(text)]
    assert dates == [D(2018, 7, 8), D(2018, 9, 7)]


def test_an_activist_who_is_shot_dead_in_a_timeline_was_attacked():
    text = ("25 September 2018 – Suad al-Ali, a women's rights activist who had taken part in the "
            "protests, is shot dead by a gunman as she gets into her car in Basra.")
    (killing,) = extract(text)
    assert (killing.event_type, set(killing.actors)) == (
        "Violence against civilians", {"Civilians", "Unidentified armed group"})


def test_an_armed_tribal_conflict_is_fought_by_clans_even_unnamed():
    text = ("An armed tribal conflict in the al-Kahla district of Maysan governorate left two "
            "people dead and five others wounded on Sunday, a security source said.")
    (clash,) = extract(text, article_date=D(2024, 6, 4))
    assert (clash.event_type, clash.actors, clash.date) == (
        "Battles", ("Clan militias",), D(2024, 6, 2))


def test_a_town_placed_in_background_by_its_distance_from_baghdad_stays_the_scene():
    text = ("Iraqi troops and Shiite militiamen retook the town of Beiji on Tuesday.\n\n"
            "Beiji, about 250 kilometers north of Baghdad, has changed hands several times since "
            "June 2014.\n\nThe day before, an IS suicide car bomber struck a group of militiamen "
            "on the road leading to the refinery, killing five of them.")
    bombing = next(e for e in extract(text, article_date=D(2015, 10, 20))
                   if e.sub_event_type == "Suicide bomb")
    assert bombing.region == "Saladin"


def test_a_base_next_to_baghdad_international_airport_is_in_baghdad():
    text = ("Early on Thursday, two Katyusha rockets landed inside the Victory base complex next "
            "to Baghdad International Airport, which hosts US personnel.")
    (rockets,) = extract(text, article_date=D(2023, 10, 20))
    assert rockets.region == "Baghdad"


def test_whoever_planted_the_bombs_police_dismantled_takes_no_part_in_it():
    text = ("In Baghdad, Federal Police units found and dismantled 12 improvised explosive devices "
            "planted by the remnants of Daesh in an orchard in Tarmiya on Saturday.")
    (finding,) = extract(text, article_date=D(2022, 2, 27))
    assert (finding.sub_event_type, finding.actors) == ("Disrupted weapons use", ("Iraqi Police",))


def test_militants_fighting_back_with_snipers_and_mortar_fire_is_a_battle():
    text = ("Iraqi special forces fought Islamic State militants street by street in eastern "
            "Mosul on Friday as the militants fought back with snipers and mortar fire.")
    (fight,) = extract(text, article_date=D(2016, 11, 5))
    assert fight.event_type == "Battles"


def test_suspects_who_were_planning_attacks_were_still_arrested():
    text = ("In Kirkuk, Kurdish peshmerga forces arrested three suspected Daesh members on Friday "
            "who they said were planning attacks during Ramadan.")
    (arrest,) = extract(text, article_date=D(2016, 6, 18))
    assert (arrest.sub_event_type, arrest.actors) == ("Arrests", ("Peshmerga",))


def test_a_grave_of_people_executed_years_ago_is_found_now():
    text = ("A police team in Shirqat unearthed on Wednesday a mass grave containing the remains "
            "of 11 people believed to have been executed by ISIS in 2015.")
    (grave,) = extract(text, article_date=D(2019, 9, 14))
    assert (grave.date, grave.sub_event_type) == (D(2019, 9, 11), "Other")
    assert {"Iraqi Police", "Islamic State", "Civilians"} <= set(grave.actors)


def test_an_outlet_prefix_is_the_source_and_no_part_of_the_summary():
    text = ("Shafaq News/ Two people were killed when gunmen opened fire on a car in Basra on "
            "Sunday, a security source said.")
    (killing,) = extract(text, article_date=D(2024, 6, 4))
    assert killing.source == "Shafaq News"
    assert killing.summary.startswith("Two people were killed")


def test_turkish_security_forces_are_turkeys_not_the_iraqi_army():
    text = ("Turkish security forces clashed with PKK militants in the Metina region of Duhok on "
            "Monday, the defence ministry in Ankara said.")
    (clash,) = extract(text, article_date=D(2022, 6, 29))
    assert set(clash.actors) == {"Turkish Armed Forces", "Kurdistan Workers' Party"}


def test_the_terrorists_iran_strikes_are_no_islamic_state():
    text = ("Iranian drones struck the bases of anti-Iran terrorist groups near Koya, east of "
            "Erbil, on Monday, the Revolutionary Guards said.")
    (strike,) = extract(text, article_date=D(2022, 11, 21))
    assert strike.actors == ("Iranian forces",)


def test_tribes_that_fought_alongside_the_army_do_not_bring_the_army_in():
    text = ("On Saturday, IS militants shelled the town of al-Khalidiya, east of Ramadi, with "
            "mortars, killing two fighters from one of the tribes that have fought alongside "
            "government forces.")
    (shelling,) = extract(text, article_date=D(2015, 5, 18))
    assert set(shelling.actors) == {"Islamic State", "Sunni tribes"}


def test_a_soldier_of_the_golden_division_is_special_forces():
    text = ("An ISIS sniper killed a soldier of the Golden Division in the Gogjali area of Mosul "
            "on Tuesday, a military source said.")
    (killing,) = extract(text, article_date=D(2016, 11, 10))
    assert "Iraqi Army" not in killing.actors
    assert "Iraqi Special Forces" in killing.actors


def test_a_battle_told_again_in_other_words_is_one_event():
    text = ("Kurdish peshmerga fighters drove Islamic State jihadists out of the town of Jalula "
            "on Sunday, officials said.\n\n"
            "Peshmerga units entered Jalula from the north and east at dawn and had secured most "
            "of the town by midday, a Kurdish officer said.")
    (battle,) = extract(text, article_date=D(2014, 11, 24))
    assert (battle.event_type, battle.location, len(battle.evidence)) == ("Battles", "Jalawla", 2)


def test_the_latest_in_a_string_of_attacks_since_a_war_began_is_still_reported():
    text = ("A drone packed with explosives struck the air base at Erbil International Airport on "
            "Friday, causing minor damage, officials said, the latest in a string of attacks on "
            "bases housing American troops since the start of the Israel-Hamas war.")
    (strike,) = extract(text, article_date=D(2023, 10, 28))
    assert (strike.date, strike.region, strike.event_type) == (
        D(2023, 10, 27), "Erbil", "Explosions/Remote violence")


def test_an_unknown_sniper_is_an_unidentified_group_even_in_a_report_about_is():
    text = ("ISIS militants attacked a PMF post near Baquba on Saturday.\n\n"
            "A shepherd was shot dead by an unknown sniper near Jalawla on Friday evening while "
            "grazing his sheep, a local official said.")
    killing = next(e for e in extract(text, article_date=D(2022, 12, 11))
                   if e.location == "Jalawla")
    assert set(killing.actors) == {"Unidentified armed group", "Civilians"}


def test_the_national_security_service_is_the_states_force():
    text = ("The National Security Service arrested two ISIS financiers in Hawija on Sunday, "
            "the agency said.")
    (arrest,) = extract(text, article_date=D(2024, 2, 12))
    assert (arrest.sub_event_type, arrest.actors) == ("Arrests", ("Iraqi Army",))


def test_what_the_source_told_next_is_the_same_attack():
    text = ("Shafaq News/ ISIS militants killed two farmers late on Wednesday in an attack on a "
            "village in al-Muqdadiyah district, a security source said on Thursday. The source "
            "told Shafaq News Agency that \"a group of militants infiltrated the outskirts of the "
            "village and opened fire on farmers who were irrigating their orchards, killing two of "
            "them, before withdrawing toward the Hamrin basin.\"")
    (attack,) = extract(text, article_date=D(2021, 11, 4))
    assert (attack.event_type, attack.date) == ("Violence against civilians", D(2021, 11, 3))


def test_an_armed_group_the_report_then_names_is_no_unidentified_one():
    text = ("A Turkish drone strike on Wednesday killed two members of an armed group in Sinjar "
            "district, local officials said. A Sinjar official told Kurdistan24 that the drone "
            "targeted a pickup near Khanasor, killing two members of the Sinjar Resistance Units "
            "(YBS).")
    (strike,) = extract(text, article_date=D(2023, 6, 14))
    assert set(strike.actors) == {"Turkish Armed Forces", "Kurdistan Workers' Party"}


def test_kurdish_asayish_police_are_kurdish_forces_not_iraqi_police():
    text = ("Street battles broke out in Tuz Khurmatu on Saturday between Peshmerga, backed by "
            "Kurdish Asayish police, and fighters of Shiite militias.")
    (battle,) = extract(text, article_date=D(2016, 4, 25))
    assert set(battle.actors) == {"Peshmerga", "Shiite militias"}


@pytest.mark.parametrize("sentence", [
    "Meanwhile, the Turkish army continues its attacks in the Zap region of Duhok.",
    "Turkish authorities use the term neutralized to imply militants in Duhok were killed or "
    "captured.",
    "A government inquiry published this week found that 149 civilians had been killed in "
    "Baghdad during the protests.",
    "The UN says most of Ramadi's infrastructure has been destroyed.",
])
def test_ongoing_campaigns_definitions_findings_and_states_are_no_events(sentence):
    assert extract(sentence, article_date=D(2021, 6, 6)) == []


def test_an_assault_told_in_passing_and_then_in_full_is_one_battle():
    text = ("Kurdish peshmerga fighters drove Islamic State militants out of the Maktab Khalid "
            "area southwest of Kirkuk on Saturday, a day after the insurgents launched their "
            "boldest assault on the city in months.\n\n"
            "Dozens of militants stormed peshmerga outposts at Maktab Khalid before dawn on "
            "Friday, seizing the area in fighting that killed a Kurdish general.")
    battles = extract(text, article_date=D(2015, 1, 31))
    assert sorted((b.date, len(b.actors) > 1) for b in battles) == [
        (D(2015, 1, 30), True), (D(2015, 1, 31), True)]


def test_orchards_burnt_by_the_shelling_just_told_are_part_of_it():
    text = ("The same day, Turkish artillery shelled the villages of Sarke and Kani Masi in Duhok "
            "province, according to local sources. Several orchards and beehives were burned and "
            "villagers were forced to leave their fields.")
    (shelling,) = extract(text, article_date=D(2021, 6, 6))
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert len(shelling.evidence) == 2


@pytest.mark.parametrize("text", [
    "Iraqi forces recaptured the provincial government complex in western Mosul on Tuesday. "
    "Troops from the federal police stormed the complex in the early morning.",
    "Iraqi forces entered the centre of Fallujah on Friday. Counter-terrorism service troops and "
    "federal police pushed into the compound, the Joint Operations Command said.",
])
def test_iraqi_forces_told_as_police_or_cts_troops_are_not_also_the_army(text):
    events = extract(text, article_date=D(2017, 3, 8))
    assert events and all("Iraqi Army" not in e.actors for e in events)


def test_factions_close_to_iran_do_not_make_iran_a_party():
    text = ("A rocket attack targeted Ain al-Asad air base in western Anbar on Friday night. The "
            "Islamic Resistance in Iraq, a cover name used by armed factions close to Iran, "
            "claimed responsibility.")
    (attack,) = extract(text, article_date=D(2023, 10, 22))
    assert "Iranian forces" not in attack.actors


def test_us_special_forces_are_the_coalition_not_iraqs():
    text = ("A drone attack hit the Harir base, north of Erbil, where U.S. special forces are "
            "stationed, on Wednesday.")
    (attack,) = extract(text, article_date=D(2023, 10, 28))
    assert "Iraqi Special Forces" not in attack.actors
    assert "US-led coalition" in attack.actors


def test_a_prime_minister_ordering_forces_to_pursue_attackers_is_no_event():
    text = ("Prime Minister Mohammed Shia al-Sudani on Tuesday ordered the security forces to "
            "arrest the gunmen who attacked the embassy in Baghdad.")
    assert extract(text, article_date=D(2023, 10, 18)) == []


def test_militants_loyal_to_islamic_state_are_its_own():
    text = ("Militants loyal to the Islamic State group stormed a police station in Haditha on "
            "Tuesday, killing five officers.")
    (attack,) = extract(text, article_date=D(2021, 11, 4))
    assert "Islamic State" in attack.actors


def test_unclaimed_drones_in_a_report_of_irans_strikes_are_irans():
    text = ("Iranian missiles struck a camp outside Koya, east of Erbil, on Wednesday. Hours "
            "later, explosive-laden drones struck a camp in Zrgwez, near Sulaimani, wounding "
            "three residents.")
    drones = next(e for e in extract(text, article_date=D(2022, 9, 29))
                  if e.region == "Sulaymaniyah")
    assert set(drones.actors) == {"Iranian forces", "Civilians"}


def test_an_unclaimed_drone_at_erbil_airport_stays_unidentified_beside_irans_strikes():
    text = ("Iranian artillery shelled villages in Sidakan on Monday. On Tuesday, a drone struck "
            "the Erbil airport air base, which hosts US-led coalition forces.")
    drone = next(e for e in extract(text, article_date=D(2021, 6, 16))
                 if e.sub_event_type == "Air/drone strike")
    assert "Iranian forces" not in drone.actors


@pytest.mark.parametrize("claim", [
    "IS said in a statement posted online that one of its fighters had carried out the attack.",
    "ISIL said in a statement circulated online that the attack targeted \"rejectionists\".",
])
def test_a_bombing_its_author_claims_is_its_own(claim):
    text = ("A suicide bomber blew himself up inside a crowded coffee shop in Baghdad's Karrada "
            f"district on Monday evening, killing 20 people, police said. {claim}")
    (bombing,) = extract(text, article_date=D(2016, 1, 12))
    assert "Islamic State" in bombing.actors
    assert "Unidentified armed group" not in bombing.actors


def test_the_guardians_isis_is_islamic_state():
    text = ("Mortar bombs fired by Isis from across the Tigris landed in the Zuhur district of "
            "Mosul on Saturday, killing three civilians.")
    (shelling,) = extract(text, article_date=D(2017, 3, 26))
    assert set(shelling.actors) == {"Islamic State", "Civilians"}


@pytest.mark.parametrize(("text", "arresters"), [
    ("Kirkuk police detained a dozen suspected ISIS sympathizers on Friday in the Domiz "
     "neighbourhood.", ("Iraqi Police",)),
    ("Kurdish peshmerga forces took custody of 400 suspected Islamic State fighters who "
     "surrendered at a checkpoint near Dibis on Saturday.", ("Peshmerga",)),
    ("Kirkuk: the arrest at dawn today of two persons who financed ISIS remnants in the Hawija "
     "district.", ("Iraqi Army",)),
])
def test_the_arrested_are_no_party_to_their_arrest(text, arresters):
    (arrest,) = extract(text, article_date=D(2017, 10, 8))
    assert (arrest.sub_event_type, arrest.actors) == ("Arrests", arresters)


def test_insurgents_taking_a_town_the_army_abandoned_overtake_territory():
    text = ("IS militants also took control of Tikrit, the capital of Salah al-Din province, on "
            "June 11, meeting little resistance from Iraqi army units, which abandoned their "
            "positions.")
    (fall,) = extract(text, article_date=D(2014, 6, 12))
    assert (fall.event_type, fall.sub_event_type) == (
        "Battles", "Non-state actor overtakes territory")


def test_peshmerga_handing_kirkuk_to_the_army_is_still_a_handover():
    text = ("Iraqi army units took over the city of Kirkuk on Monday without a fight after "
            "peshmerga units withdrew from their positions overnight.")
    (handover,) = extract(text, article_date=D(2017, 10, 17))
    assert handover.sub_event_type == "Non-violent transfer of territory"


def test_a_mass_grave_uncovered_in_a_war_on_is_has_is_among_its_actors():
    text = ("Iraqi forces recaptured Hammam al-Alil from Islamic State militants on Monday. "
            "On Tuesday, Iraqi soldiers found a mass grave containing around 100 bodies in "
            "Hammam al-Alil, south of Mosul.")
    grave = next(e for e in extract(text, article_date=D(2016, 11, 9))
                 if e.sub_event_type == "Other")
    assert set(grave.actors) == {"Iraqi Army", "Islamic State", "Civilians"}


def test_civilians_killed_for_helping_the_army_are_attacked_by_one_side():
    text = ("Inside Mosul, ISIS executed 12 residents on Wednesday after accusing them of passing "
            "information to the security forces, local sources said.")
    (killing,) = extract(text, article_date=D(2016, 10, 20))
    assert (killing.sub_event_type, set(killing.actors)) == (
        "Attack", {"Islamic State", "Civilians"})


def test_fighters_killed_in_the_strikes_just_told_are_their_toll():
    text = ("US aircraft struck Kataib Hezbollah positions in Jurf al-Nasr, north of Babil, early "
            "on Wednesday.\n\nJurf al-Nasr update: Hashd security source tells us 8 fighters of "
            "Kataib Hezbollah killed in the strikes, several wounded taken to Hilla hospital.")
    (strike,) = extract(text, article_date=D(2023, 11, 22))
    assert strike.event_type == "Explosions/Remote violence"


def test_the_9th_armoured_division_is_no_day_of_the_month():
    text = ("Iraqi army aviation destroyed three car bombs heading toward the positions of the 9th "
            "Armoured Division in eastern Mosul on Tuesday.")
    (strike,) = extract(text, article_date=D(2016, 11, 9))
    assert strike.date == D(2016, 11, 8)


def test_a_baghdad_neighbourhood_named_qadisiya_is_no_governorate():
    text = ("On Sunday evening a Katyusha rocket fell on a house in the Qadisiya neighborhood "
            "adjacent to the Green Zone in Baghdad, wounding a child.")
    (rocket,) = extract(text, article_date=D(2020, 6, 30))
    assert rocket.region == "Baghdad"


def test_a_city_named_in_a_vow_is_no_scene_for_what_follows():
    text = ("Iraqi forces retook the government compound in Fallujah on Friday.\n\n"
            "The prime minister vowed that the flag would soon be raised in Mosul.\n\n"
            "On Wednesday, IS snipers shot dead three civilians as they tried to flee.")
    killing = extract(text, article_date=D(2016, 6, 17))[-1]
    assert (killing.sub_event_type, killing.region) == ("Attack", "Anbar")


def test_a_misspelt_town_elsewhere_is_no_scene_for_fighting_at_the_city_s_edge():
    text = ("Iraqi special forces fought Islamic State fighters in eastern Mosul on Friday.\n\n"
            "On Thursday, federal police clashed with the militants in the Karama and Gogjali "
            "areas, with black smoke rising over the city's outskirts.")
    assert {e.region for e in extract(text, article_date=D(2016, 11, 4))} == {"Nineveh"}


def test_the_province_named_after_a_strike_is_where_it_struck():
    text = ("Strikes kill five in Hamrin; clan clash in north Basra\n\n"
            "Iraqi F-16 jets struck ISIS hideouts in the Hamrin mountains on Tuesday night, "
            "killing five members of the organization.\n\n"
            "The strikes targeted caves northeast of Tuz Khurmatu, within Salah al-Din province, "
            "the command said, adding that a joint force would reach the site.")
    (strike,) = extract(text, article_date=D(2025, 3, 19))
    assert (strike.sub_event_type, strike.region) == ("Air/drone strike", "Saladin")


def test_what_analysts_say_the_attacks_show_is_no_fighting():
    text = ("Kurdish security forces arrested a suspect in the Erbil attack at his home in the "
            "city on Feb. 27, a spokesman said.\n\n"
            "Kadhimi has tried to balance ties with Washington and Tehran, but analysts say the "
            "attacks show how little control he has over armed factions of the Popular "
            "Mobilization Forces.")
    (arrest,) = extract(text, article_date=D(2021, 3, 1))
    assert arrest.actors == ("Peshmerga",)


def test_an_outlet_named_after_baghdad_is_no_scene():
    text = ("Two men were killed in a tribal clash late Friday in the Kahla district, south of "
            "Amarah, a security source said.\n\n"
            "The source told Baghdad Today that the fighting broke out between two clans over "
            "irrigation water.\n\n"
            "\"Police forces arrested five of those involved in the clash this morning,\" the "
            "source added.")
    assert {e.region for e in extract(text, article_date=D(2023, 8, 12))} == {"Maysan"}


def test_police_arriving_to_end_a_clan_fight_take_no_part_in_it():
    text = ("Two clans fought with machine guns for several hours in the Kahla district of Maysan "
            "on Friday before police reinforcements arrived and cordoned off the area.")
    (clash,) = extract(text, article_date=D(2023, 8, 12))
    assert clash.actors == ("Clan militias",)


def test_the_army_regaining_control_when_a_clan_clash_ended_is_that_clash():
    text = ("On Saturday a soldier was killed when an army force sent to separate two feuding "
            "clans in Nasiriyah came under fire from gunmen of both sides.\n\n"
            "The clash lasted about an hour before the army regained control of the area.")
    (clash,) = extract(text, article_date=D(2023, 8, 13))
    assert (clash.event_type, set(clash.actors)) == ("Battles", {"Iraqi Army", "Clan militias"})


def test_civilians_rounded_up_and_shot_dead_are_one_killing():
    text = ("The next day, ISIL fighters rounded up and shot dead at least 17 civilians in the "
            "Albu Soda area east of Ramadi.")
    (killing,) = extract(text, article_date=D(2015, 5, 18))
    assert (killing.sub_event_type, killing.fatalities) == ("Attack", 17)


@pytest.mark.parametrize("text", [
    "Baghdad, 1 June 2015 – A total of 1,031 Iraqis were killed and another 1,684 injured in "
    "acts of terrorism, violence and armed conflict in May 2015, according to casualty figures.",
    "The number of civilians killed was 733, while the number of civilians injured was 1,420.",
    "In Ninewa, the mission continued to receive reports of public executions carried out by "
    "ISIL in Mosul, most of which it has been unable to verify.",
])
def test_a_monthly_tally_and_unverified_reports_are_no_events(text):
    assert extract(text, article_date=D(2015, 6, 1)) == []


def test_the_forces_a_struck_gun_was_shelling_take_no_part_in_the_strike():
    text = ("Two US Navy jets dropped bombs on an Islamic State artillery piece that was shelling "
            "Kurdish forces defending Erbil on Friday. The artillery had been positioned near "
            "Makhmur.")
    (strike,) = extract(text, article_date=D(2014, 8, 8))
    assert set(strike.actors) == {"US-led coalition", "Islamic State"}


def test_homes_burned_after_is_had_left_are_the_burners_doing():
    text = ("Residents said fighters in PMF uniforms set fire to at least a dozen homes and shops "
            "in al-Sijir, north of Fallujah, on June 8, after ISIS had withdrawn from it.")
    (burning,) = extract(text, article_date=D(2016, 6, 9))
    assert (burning.sub_event_type, set(burning.actors)) == (
        "Looting/property destruction", {"Shiite militias", "Civilians"})


@pytest.mark.parametrize("text", [
    "Islamic State activity remained low, with ACLED recording fewer than ten IS attacks across "
    "Kirkuk, Diyala and Salah al-Din provinces, none of them fatal.",
    "Diyala and Salah al-Din remained relatively calm, with several IED finds and arrest "
    "operations reported but no casualties.",
])
def test_a_calm_week_summed_up_is_no_event(text):
    assert extract(text, article_date=D(2023, 11, 25)) == []


def test_protesters_breaking_into_an_airport_riot():
    text = ("Najaf: On Friday, several hundred protesters broke into the terminal at Najaf "
            "International Airport, damaging check-in counters. Security forces fired into the "
            "air to disperse them.")
    (riot,) = extract(text, article_date=D(2018, 7, 15))
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Rioters", "Iraqi Army"})


def test_a_force_from_a_numbered_division_is_the_army():
    text = ("A force from the 7th Division clashed on Wednesday with a terrorist group in the "
            "desert south of al-Rutba, killing two terrorists.")
    (clash,) = extract(text, article_date=D(2020, 6, 11))
    assert set(clash.actors) == {"Iraqi Army", "Islamic State"}


def test_a_bomb_in_the_capital_is_in_baghdad():
    text = ("In western Anbar province, Islamic State fighters attacked the town of al-Baghdadi "
            "on Wednesday, battling police in the streets.\n\n"
            "In the capital, a bomb planted near a vegetable market in the al-Shaab district "
            "killed five people on Wednesday evening.")
    bomb = extract(text, article_date=D(2015, 3, 4))[-1]
    assert (bomb.event_type, bomb.region) == ("Explosions/Remote violence", "Baghdad")


@pytest.mark.parametrize("text", [
    "Two earlier attempts by the army to retake the city ended in failure.",
    "Last month's truce had halted for several weeks a campaign of rocket attacks on the Green "
    "Zone, which Washington blames on Iran-backed groups.",
    "Militants were also thought to have left hundreds of explosive devices in houses.",
])
def test_failed_attempts_campaigns_and_guesses_are_no_events(text):
    assert extract(text, article_date=D(2015, 3, 4)) == []


def test_the_forces_that_entered_the_town_retaken_took_part_in_its_recapture():
    text = ("BAGHDAD, Oct. 5 (Xinhua) -- Iraqi forces on Thursday fully recaptured the town of "
            "Hawija from the Islamic State, a statement said.\n\n"
            "The Iraqi army, the Counter-Terrorism Service and the federal police entered the town "
            "center from several directions after a short battle with the IS militants.\n\n"
            "Since the start of the offensive on Sept. 21, the Iraqi forces have freed 196 "
            "villages, according to the command.")
    (recapture,) = extract(text, article_date=D(2017, 10, 5))
    assert (recapture.date, set(recapture.actors)) == (D(2017, 10, 5), {
        "Iraqi Army", "Iraqi Special Forces", "Iraqi Police", "Islamic State"})


def test_entering_a_town_for_the_first_time_since_it_was_overrun_is_no_overrun():
    text = ("Iraqi forces have entered the northern district of Telafer for the first time since "
            "it was overrun by the Daesh terrorist group three years ago, a commander said on "
            "Wednesday.")
    (entry,) = extract(text, article_date=D(2017, 8, 23))
    assert entry.sub_event_type != "Non-state actor overtakes territory"


def test_a_crowd_that_set_fire_inside_the_building_rioted():
    text = ("The same evening, angry demonstrators gathered outside the Turkish visa centre in "
            "Baghdad. Some forced their way into the building, tore down the Turkish flag and set "
            "fire to furniture before riot police dispersed the crowd.")
    (riot,) = extract(text, article_date=D(2022, 7, 20))
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Rioters", "Iraqi Police"})


def test_forces_who_asked_for_an_air_strike_took_no_part_in_it():
    text = ("Coalition aircraft struck Islamic State hideouts near Makhmour at the "
            "request of Kurdish peshmerga commanders on Friday, killing five militants.")
    (strike,) = extract(text, article_date=D(2021, 12, 4))
    assert set(strike.actors) == {"US-led coalition", "Islamic State"}


@pytest.mark.parametrize("text, parties", [
    ("At least 14 rockets slammed into Ain al-Asad air base, which hosts US-led coalition troops, "
     "on Wednesday, wounding two American service members. Security forces found the burned "
     "truck used to fire them shortly afterwards.",
     {"US-led coalition", "Unidentified armed group"}),
    ("A Turkish drone struck a vehicle on the road between Sinjar and Khanasor on Wednesday, "
     "killing two YBS members, adding that security forces cordoned off the area after the "
     "strike.", {"Turkish Armed Forces", "Kurdistan Workers' Party"}),
    ("The US-led coalition said its aircraft had struck ISIL fighting positions near Baiji on "
     "Sunday, in support of Iraqi forces.", {"US-led coalition", "Islamic State"}),
    ("Residents of Bartella, a Christian town recently recaptured by the army, said militants "
     "from Islamic State had fired mortar rounds into the town on Monday, killing a woman.",
     {"Islamic State", "Civilians"}),
])
def test_forces_that_came_after_helped_or_held_the_town_before_are_no_party(text, parties):
    (event,) = extract(text, article_date=D(2021, 7, 8))
    assert set(event.actors) == parties


def test_a_government_condemning_a_strike_is_no_party_to_it():
    text = ("The Pentagon said the strike was in direct response to the missile attack on Ain "
            "al-Asad on Tuesday, which was claimed by the Islamic Resistance in Iraq. The Iraqi "
            "government condemned the US strike as a violation of sovereignty.")
    (attack,) = extract(text, article_date=D(2023, 11, 22))
    assert "Iraqi Army" not in attack.actors


def test_a_convoy_carrying_supplies_for_the_coalition_is_the_coalition_s():
    text = ("On Thursday an improvised explosive device targeted a convoy carrying logistical "
            "equipment for the US-led coalition on the highway near Nasiriyah, without causing "
            "casualties.")
    (bomb,) = extract(text, article_date=D(2022, 3, 11))
    assert set(bomb.actors) == {"Unidentified armed group", "US-led coalition"}


def test_a_suicide_bomber_in_a_crowded_cafe_attacks_civilians():
    text = ("An Islamic State suicide bomber blew himself up inside a crowded coffee shop in "
            "Muqdadiya on Monday evening, police officials said.")
    (bomb,) = extract(text, article_date=D(2016, 1, 12))
    assert set(bomb.actors) == {"Islamic State", "Civilians"}


def test_missiles_iran_claimed_have_no_unidentified_author_besides():
    text = ("ERBIL: Shortly after 01:00 on 13 March, around a dozen ballistic missiles launched "
            "from Iranian territory struck the Pirmam road area of Erbil. The Islamic "
            "Revolutionary Guard Corps claimed the attack. Most of the missiles hit a house.")
    (strike,) = extract(text, article_date=D(2022, 3, 14))
    assert "Unidentified armed group" not in strike.actors and "Iranian forces" in strike.actors


def test_a_named_pmf_faction_is_a_shiite_militia():
    text = ("On Tuesday, militants ambushed a convoy of Saraya al-Khorasani fighters on the road "
            "between Baiji and Siniya, killing seven of them.")
    (ambush,) = extract(text, article_date=D(2015, 10, 21))
    assert "Shiite militias" in ambush.actors


def test_a_named_claimant_among_the_actors_leaves_no_unidentified_one():
    text = ("On Wednesday, around 15 rockets hit Camp Taji north of Baghdad, killing two "
            "American soldiers. A previously unknown group, Usbat al-Thaereen, claimed the attack.")
    (attack,) = extract(text, article_date=D(2020, 3, 12))
    assert set(attack.actors) == {"Shiite militias", "US-led coalition"}


def test_a_lead_by_iraqi_forces_is_the_battle_then_told_unit_by_unit():
    text = ("Iraqi forces recaptured the main government compound in central Fallujah from the "
            "Islamic State group on Friday.\n\n"
            "Elite counter-terrorism troops, backed by federal police units, advanced from the "
            "south before dawn and met limited resistance from the jihadists.")
    (battle,) = extract(text, article_date=D(2016, 6, 17))
    assert (battle.sub_event_type, set(battle.actors)) == (
        "Government regains territory", {"Iraqi Special Forces", "Iraqi Police", "Islamic State"})


def test_a_sentence_describing_the_protesters_is_no_second_protest():
    text = ("Iraqi police fired tear gas on Tuesday to scatter hundreds of young men who had "
            "blocked the main road to the oilfield north of Basra.\n\n"
            "At least seven demonstrators were wounded. Most of the protesters were unemployed "
            "graduates from villages around Qurna.")
    assert [e.event_type for e in extract(text, article_date=D(2023, 7, 18))] == ["Protests"]


def test_security_forces_shooting_a_protester_use_force_against_protesters():
    text = ("In Nassiriya, a protester was shot dead on Saturday when security forces opened fire "
            "to stop a crowd approaching the home of a provincial official.")
    (shooting,) = extract(text, article_date=D(2023, 7, 18))
    assert (shooting.event_type, shooting.sub_event_type) == (
        "Protests", "Excessive force against protesters")


def test_a_recapture_told_with_the_town_s_history_is_still_a_recapture():
    text = ("Iraqi troops and Shiite militiamen pushed into the last militant-held neighborhoods "
            "of Baiji on Tuesday, officials said, completing the recapture of a town that has "
            "changed hands several times since the extremists swept through northern Iraq in "
            "June 2014.")
    (recapture,) = extract(text, article_date=D(2015, 10, 22))
    assert recapture.date == D(2015, 10, 20) and recapture.event_type == "Battles"


def test_explosions_heard_every_few_minutes_are_no_event():
    text = ("BAIJI, Iraq — Black banners still hang from some lampposts, and the sound of "
            "explosions rolls in from the north every few minutes.")
    assert extract(text, article_date=D(2015, 10, 22)) == []


def test_the_day_of_a_statement_is_not_the_day_of_the_strikes_it_reports():
    text = ("The U.S.-led coalition said in a statement on Tuesday its warplanes had struck 20 "
            "Daesh targets around Telafer on Monday.")
    (strikes,) = extract(text, article_date=D(2017, 8, 23))
    assert strikes.date == D(2017, 8, 21)


def test_a_strike_told_before_its_place_keeps_its_toll_and_first_sentence():
    text = ("Iraqi F-16 jets struck ISIS hideouts in the Hamrin mountains on Tuesday night, "
            "killing five members of the organization. The strikes targeted caves northeast of "
            "Tuz Khurmatu, within Salah al-Din province, the command said.")
    (strike,) = extract(text, article_date=D(2025, 3, 19))
    assert (strike.region, strike.fatalities) == ("Saladin", 5)
    assert strike.summary.startswith("Iraqi F-16 jets struck ISIS hideouts")


# --- who takes part, by conventions found across the sealed rounds ----------------------------


def test_shells_fired_from_a_militia_s_positions_are_the_militia_s():
    text = ("Mortar rounds fired from Hashd positions hit a Kurdish neighbourhood of Tuz "
            "Khurmatu on Sunday, wounding four civilians.")
    (shelling,) = extract(text, article_date=D(2016, 3, 10))
    assert set(shelling.actors) == {"Shiite militias", "Civilians"}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Coalition aircraft struck Islamic State car bombs approaching army lines near "
         "Qayyarah on Monday.", {"US-led coalition", "Islamic State"}),
        ("Iraqi and coalition jets bombed Islamic State hideouts near Baiji on Monday.",
         {"Iraqi Army", "US-led coalition", "Islamic State"}),
        ("Iraqi and US-led coalition aircraft struck columns of Islamic State fighters fleeing "
         "Fallujah on Wednesday.", {"Iraqi Army", "US-led coalition", "Islamic State"}),
    ],
)
def test_a_foreign_air_strike_has_the_striker_and_the_struck_not_the_troops_it_helps(
        text, actors):
    (strike,) = extract(text, article_date=D(2016, 3, 10))
    assert set(strike.actors) == actors


def test_rockets_at_a_turkish_base_have_turkey_as_target_and_an_unnamed_author():
    (attack,) = extract("Two rockets landed near the Turkish military base at Zilkan, north-east "
                        "of Mosul, late on Wednesday, security sources said.",
                        article_date=D(2022, 7, 21))
    assert set(attack.actors) == {"Turkish Armed Forces", "Unidentified armed group"}


def test_a_town_taken_after_a_fight_with_the_peshmerga_is_taken_from_them_not_from_is():
    (_, taken) = extract(
        "Iraqi forces and Kurdish peshmerga fighters exchanged artillery fire for three hours on "
        "Friday around Altun Kupri, north of Kirkuk, security sources said.\n\nIraqi troops "
        "backed by Popular Mobilisation fighters later took control of the town.",
        article_date=D(2017, 10, 21))
    assert set(taken.actors) == {"Iraqi Army", "Shiite militias", "Peshmerga"}


def test_the_soldiers_in_turkey_s_report_of_a_clash_with_the_pkk_are_turkish():
    text = ("Turkey's defence ministry said a soldier was killed in a clash with PKK militants "
            "in the Zap region of Duhok on Sunday.")
    (clash,) = extract(text, article_date=D(2016, 3, 10))
    assert set(clash.actors) == {"Kurdistan Workers' Party", "Turkish Armed Forces"}


@pytest.mark.parametrize(
    ("target", "striker"),
    [
        ("PKK hideouts", "Turkish Armed Forces"),
        ("Islamic State hideouts", "US-led coalition"),
    ],
)
def test_an_air_strike_nobody_is_named_as_flying_on_the_pkk_is_turkey_s(target, striker):
    text = (f"Warplanes struck {target} in the mountains near Sidakan in Erbil province on "
            "Tuesday, killing four militants.")
    (strike,) = extract(text, article_date=D(2021, 3, 10))
    assert striker in strike.actors
    assert "Iraqi Army" not in strike.actors


def test_the_names_tehran_s_press_gives_the_militias_and_us_troops_are_known():
    text = ("Iraqi resistance factions targeted the US occupation forces at Ain al-Asad base in "
            "Anbar with two drones on Sunday, a statement said.")
    (attack,) = extract(text, article_date=D(2023, 11, 20))
    assert set(attack.actors) == {"Shiite militias", "US-led coalition"}


def test_the_terrorists_of_a_report_whose_lead_names_the_pkk_are_the_pkk():
    text = ("Turkish troops press operation against PKK in Duhok\n\n"
            "Turkey will keep up its operation against PKK terrorists in northern Iraq until the "
            "threat is removed, the defence ministry said on Wednesday.\n\n"
            "Turkish soldiers backed by drones clashed with terrorists in the Zap region of Duhok "
            "on Tuesday, killing six of them, the ministry said.")
    (clash,) = extract(text, article_date=D(2022, 6, 15))
    assert set(clash.actors) == {"Kurdistan Workers' Party", "Turkish Armed Forces"}


def test_a_drone_strike_by_turkish_intelligence_on_the_terror_group_is_turkey_s_on_it():
    text = ("Four PKK militants were killed by armed drones in the Zap region of Duhok on Monday, "
            "the ministry said.\n\nSeparately, Turkish intelligence killed a senior member of "
            "the terror group in a drone strike on his car in Sinjar on Tuesday, security "
            "sources said.")
    (_, strike) = extract(text, article_date=D(2022, 6, 15))
    assert strike.region == "Nineveh"
    assert set(strike.actors) == {"Kurdistan Workers' Party", "Turkish Armed Forces"}


def test_soldiers_martyred_in_ankara_s_report_of_a_pkk_bomb_are_turkish():
    text = ("Two soldiers were martyred when a roadside bomb planted by PKK terrorists went off "
            "in the Hakurk area of Erbil on Monday, the ministry said.\n\n"
            "Turkey has pressed its cross-border operations since April.")
    (bomb,) = extract(text, article_date=D(2022, 6, 20))
    assert set(bomb.actors) == {"Kurdistan Workers' Party", "Turkish Armed Forces"}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Hashd militiamen set fire to a dozen Sunni homes in a village near Muqdadiya on "
         "Monday while police looked on.", {"Shiite militias", "Civilians"}),
        ("Islamic State militants blew up a bridge over the Euphrates near Hit on Sunday.",
         {"Islamic State"}),
    ],
)
def test_property_destroyed_has_who_destroyed_it_and_civilians_when_people_owned_it(
        text, actors):
    (destruction,) = extract(text, article_date=D(2016, 3, 10))
    assert destruction.sub_event_type == "Looting/property destruction"
    assert set(destruction.actors) == actors


def test_a_drone_nobody_is_named_as_flying_is_an_unidentified_group_s():
    text = ("A drone struck a storage tank at the Sarsang oil field in Duhok on Wednesday, "
            "wounding two workers.")
    (strike,) = extract(text, article_date=D(2023, 3, 10))
    assert set(strike.actors) == {"Unidentified armed group", "Civilians"}


@pytest.mark.parametrize(
    "text",
    [
        "Two tribes exchanged fire over a water dispute near Qalat Salih in Maysan on Friday, "
        "killing one man, a police source told our agency.",
        "A clan dispute in al-Madina, north of Basra, left two men dead on Friday, a police "
        "source said, without giving further details.",
        "Two men were killed on Thursday night when a clan dispute over farmland north of Basra "
        "turned into a gunfight, a police source told 964.",
    ],
)
def test_the_police_who_tell_of_a_clan_fight_take_no_part_in_it(text):
    (clash,) = extract(text, article_date=D(2023, 3, 10))
    assert clash.actors == ("Clan militias",)


@pytest.mark.parametrize(("year", "attackers"),
                         [(2015, "Islamic State"), (2021, "Unidentified armed group")])
def test_unnamed_gunmen_are_taken_for_is_only_while_it_held_ground(year, attackers):
    text = (f"Islamic State cells killed three shepherds near Tarmiya on 1 May {year}. Two days "
            "later, gunmen attacked an army checkpoint near Tarmiya, killing two soldiers.")
    _, attack = extract(text)
    assert set(attack.actors) == {"Iraqi Army", attackers}


@pytest.mark.parametrize(("claim", "author"), [
    ("No one immediately claimed responsibility, but the Islamic State group has claimed "
     "similar bombings in the past.", "Unidentified armed group"),
    ("The Islamic State group claimed responsibility for the bombing.", "Islamic State"),
])
def test_a_group_suspected_after_no_one_claimed_a_bomb_is_not_its_author(claim, author):
    text = ("A car bomb exploded on a busy street in Kadhimiya on Tuesday, killing six people, "
            f"police said. {claim}")
    (bombing,) = extract(text, article_date=D(2016, 3, 10))
    assert set(bombing.actors) == {"Civilians", author}


def test_what_an_attack_comes_days_after_happened_days_before_it():
    text = ("Four soldiers were killed when militants attacked their post near Tuz Khurmatu on "
            "Wednesday. The attack comes two days after a roadside bomb struck a police car near "
            "Daquq.")
    attack, bombing = extract(text, article_date=D(2021, 5, 12))
    assert (attack.date, bombing.date) == (D(2021, 5, 12), D(2021, 5, 10))
    assert bombing.region == "Kirkuk"


def test_a_militia_front_claiming_that_attack_is_its_author():
    text = ("On Monday, a drone targeted Harir air base, north-east of Erbil, where US troops are "
            "stationed. The Islamic Resistance claimed that attack too; there were no casualties.")
    (strike,) = extract(text, article_date=D(2023, 11, 22))
    assert set(strike.actors) == {"Shiite militias", "US-led coalition"}


@pytest.mark.parametrize(("stamp", "day"), [
    ("Baghdad (AFP) | Monday 11/4/2019 - 17:08 GMT", D(2019, 11, 4)),  # a Monday: month first
    ("Baghdad | Thursday 11/4/2019", D(2019, 4, 11)),  # a Thursday: day first
    ("Baghdad | 11/4/2019", D(2019, 4, 11)),  # no weekday: day first, as Iraqi outlets write
])
def test_the_weekday_of_a_numeric_date_says_which_number_is_the_month(stamp, day):
    text = f"{stamp}\n\nSecurity forces shot dead three protesters in Karbala yesterday."
    (shooting,) = extract(text)
    assert shooting.date == day - dtm.timedelta(days=1)


@pytest.mark.parametrize(("text", "day", "region"), [
    ("Separately, the intelligence department of Kirkuk Police announced on Sunday the arrest "
     "of a man described as an ISIS financial official in Kirkuk city.", D(2016, 3, 6), "Kirkuk"),
    ("On Wednesday afternoon, Diyala Police Command announced the arrest of three suspects in a "
     "raid near Muqdadiya.", D(2016, 3, 9), "Diyala"),
])
def test_the_police_announcing_an_arrest_made_it_that_day(text, day, region):
    (arrest,) = extract(text, article_date=D(2016, 3, 10))
    assert (arrest.actors, arrest.date, arrest.region) == (("Iraqi Police",), day, region)


@pytest.mark.parametrize("text", [
    "According to security statistics, ISIS carried out 17 attacks in Kirkuk during September.",
    "The province has witnessed repeated attacks by ISIS remnants hiding in the orchards of "
    "Diyala.",
])
def test_tallies_and_a_province_s_record_of_attacks_are_no_event(text):
    assert extract(text, article_date=D(2016, 3, 10)) == []


def test_police_entering_an_area_to_arrest_and_seize_rifles_retake_no_ground():
    text = ("Two men were killed on Thursday when a clan dispute near Qurna, north of Basra, "
            "turned into a gunfight. On Friday morning, police units backed by the Rapid Response "
            "forces entered the area and arrested 11 people from both sides, a police spokesman "
            "said, adding that rifles were seized.")
    clash, arrest = extract(text, article_date=D(2021, 5, 12))
    assert (clash.event_type, clash.actors) == ("Battles", ("Clan militias",))
    assert (arrest.sub_event_type, arrest.actors) == ("Arrests", ("Iraqi Police",))


@pytest.mark.parametrize(("text", "actors"), [
    ("Army troops and local tribal gunmen repelled an Islamic State attack on Barwana, near "
     "Haditha, on Monday, killing 11 militants.", {"Iraqi Army", "Sunni tribes", "Islamic State"}),
    ("Two clans exchanged fire over a land dispute near Haditha on Monday, killing two men.",
     {"Clan militias"}),
])
def test_tribal_gunmen_beside_the_army_in_anbar_are_sunni_tribes_feuding_clans_are_clans(
        text, actors):
    (fight,) = extract(text, article_date=D(2015, 5, 15))
    assert set(fight.actors) == actors


def test_a_military_officer_telling_of_the_fight_does_not_put_the_army_in_it():
    text = ("Iraqi security forces killed 27 Islamic State militants on Sunday in fierce clashes "
            "on the southern edge of Fallujah, a military officer said. Troops from the elite "
            "Counter-Terrorism Service and the federal police fought the militants in al-Shuhada "
            "neighbourhood.")
    (fight,) = extract(text, article_date=D(2016, 6, 6))
    assert set(fight.actors) == {"Iraqi Police", "Iraqi Special Forces", "Islamic State"}


def test_an_outlet_s_dateline_run_into_the_first_sentence_is_not_its_scene():
    text = ("Baghdad and Erbil, Asharq Al-Awsat—Islamic State fighters overran Tikrit, the capital "
            "of Salahuddin province, on Wednesday after a brief exchange of fire with police at "
            "the city's southern entrance.")
    (fall,) = extract(text, article_date=D(2014, 6, 12))
    assert (fall.region, fall.date) == ("Saladin", D(2014, 6, 11))
    assert not fall.summary.startswith("Baghdad")


@pytest.mark.parametrize("text", [
    "A local journalist was assassinated late on Saturday outside his home in Kut, police said.",
    "Police said the victim was gunned down by masked men on a motorcycle in Kut on Saturday.",
])
def test_one_person_assassinated_by_gunmen_is_violence_against_civilians(text):
    (killing,) = extract(text, article_date=D(2022, 3, 6))
    assert (killing.event_type, killing.date) == ("Violence against civilians", D(2022, 3, 5))
    assert set(killing.actors) == {"Civilians", "Unidentified armed group"}


def test_baghdad_listed_beside_foreign_capitals_is_a_government_not_the_scene():
    text = ("KIRKUK, Oct. 17, 2017 — The vote, held over the objections of Baghdad, Tehran and "
            "Washington, was meant to settle the matter. On Monday, federal police and peshmerga "
            "fighters exchanged fire south of the city for two hours.")
    (clash,) = extract(text)
    assert (clash.region, clash.event_type) == ("Kirkuk", "Battles")
    assert set(clash.actors) == {"Iraqi Police", "Peshmerga"}


def test_gunmen_belonging_to_a_clan_are_a_clan_militia():
    text = ("Gunmen belonging to a clan in Zubair clashed with a rival family's men on Thursday "
            "over a disputed plot of land, a police source in Basra said.")
    (feud,) = extract(text, article_date=D(2023, 5, 13))
    assert "Clan militias" in feud.actors and "Unidentified armed group" not in feud.actors


def test_fighting_that_broke_out_between_two_forces_is_a_battle_though_people_died():
    text = ("At least four people were killed in Khanaqin on Sunday when fighting broke out "
            "between peshmerga forces and Shiite militiamen at a checkpoint, officials said.")
    (fight,) = extract(text, article_date=D(2016, 4, 26))
    assert fight.event_type == "Battles"
    assert set(fight.actors) == {"Peshmerga", "Shiite militias"}


def test_a_date_told_in_background_dates_the_events_that_follow_it():
    text = ("October 2, 2015\n\nFamilies in the camps use the word now for what began in the "
            "early hours of June 14, 2015.\n\nThat morning, Islamic State fighters crossed the "
            "desert in pickup trucks. The army units posted around Baiji withdrew before dawn, "
            "and by noon the town belonged to the group.")
    (fall,) = extract(text)
    assert (fall.date, fall.region) == (D(2015, 6, 14), "Saladin")


@pytest.mark.parametrize("text", [
    "On June 4, an MQ-9 Reaper fired a missile at a car near Qayyarah, killing two Islamic State "
    "commanders.",
    "On June 4, two U.S. Navy F/A-18s dropped bombs on an Islamic State mortar team near Gwer.",
])
def test_american_services_and_aircraft_are_the_coalition(text):
    (strike,) = extract(text, article_date=D(2016, 6, 6))
    assert set(strike.actors) == {"US-led coalition", "Islamic State"}


def test_marines_firing_tear_gas_at_a_crowd_storming_an_embassy_face_the_rioters():
    text = ("On Tuesday, thousands of militia supporters stormed the outer gate of the embassy "
            "compound in Baghdad. Marines on the roof fired tear gas to keep them out.")
    (riot,) = extract(text, article_date=D(2019, 12, 31))
    assert riot.event_type == "Riots"
    assert set(riot.actors) == {"Rioters", "US-led coalition"}

def test_a_crowd_that_set_fire_before_the_police_pushed_it_back_rioted():
    text = ("On Thursday, hundreds of protesters gathered outside the Iranian consulate in "
            "Basra. Some climbed the gate and set fire to a guard post before riot police "
            "pushed them back with batons.")
    (riot,) = extract(text, article_date=D(2019, 9, 7))
    assert riot.event_type == "Riots"
    assert set(riot.actors) == {"Rioters", "Iraqi Police"}


def test_a_protest_note_handed_to_a_diplomat_is_no_protest():
    text = ("On Monday, a Turkish drone struck a car near Sinjar, killing two YBS fighters. Iraq's "
            "Foreign Ministry summoned the Turkish charge d'affaires in Baghdad on Tuesday and "
            "handed him a protest note.")
    (strike,) = extract(text, article_date=D(2021, 8, 18))
    assert strike.event_type == "Explosions/Remote violence"


def test_a_toll_counted_since_a_month_is_no_event_of_its_own():
    text = ("In Nasiriyah, gunmen shot dead an activist on Saturday near the Zaitoun bridge. "
            "Rights groups say canisters fired into crowds by security forces have killed dozens "
            "since October.")
    (killing,) = extract(text, article_date=D(2019, 11, 25))
    assert killing.event_type == "Violence against civilians"


@pytest.mark.parametrize("text", ["The blast was the 22nd rocket attack on the base this year.",
                                  "It was the 3rd bombing in the city since January."])
def test_an_ordinal_before_a_noun_is_no_day_of_the_month(text):
    assert find_date(text, 2020) is None


def test_nobody_in_baghdad_noticing_is_the_government_not_the_scene():
    text = ("September 10, 2018\n\nIn Basra the water is salt. Young men told me that nobody in "
            "Baghdad had noticed. On Tuesday, September 4, security forces opened fire on a "
            "crowd outside the provincial council, killing six demonstrators.")
    (shooting,) = extract(text)
    assert (shooting.region, shooting.event_type) == ("Basra", "Protests")


def test_a_slogan_s_translation_names_no_actor():
    text = ("On Friday, protesters chanting \"Iran, barra, barra\" (Iran, out, out) stormed the "
            "Iranian consulate in Basra and set it alight.")
    (riot,) = extract(text, article_date=D(2018, 9, 10))
    assert riot.event_type == "Riots" and "Iranian forces" not in riot.actors


def test_a_bomb_bearing_a_group_s_hallmarks_is_not_its_claim():
    text = ("In Baghdad, a car bomb went off near a market in Shula on Monday evening, killing "
            "five civilians. The blast bore the hallmarks of the Islamic State group, though no "
            "one has claimed responsibility.")
    (bombing,) = extract(text, article_date=D(2016, 9, 6))
    assert set(bombing.actors) == {"Civilians", "Unidentified armed group"}


@pytest.mark.parametrize("aside", [
    "US aircraft dropped food and water to the families stranded on the mountain last night.",
    "By the Pentagon's count, US forces in Iraq have now been attacked 40 times since Oct. 17.",
    "No group has claimed responsibility, though similar attacks have been claimed by Daesh in "
    "the past.",
    "A Peshmerga commander insisted there had been no fighting with the army.",
    "Police figures show more than 900 people arrested on drug charges since January.",
])
def test_aid_drops_tallies_denials_and_past_claims_are_no_events(aside):
    text = ("A roadside bomb struck an army patrol near Tarmiya on Sunday, killing two soldiers. "
            + aside)
    (bombing,) = extract(text, article_date=D(2023, 11, 21))
    assert bombing.event_type == "Explosions/Remote violence"


def test_militia_vehicles_and_positions_name_the_militias():
    text = ("A roadside bomb struck a militia pickup truck on the road north of Samarra on "
            "Thursday, killing two fighters, officials said.")
    (bombing,) = extract(text, article_date=D(2015, 4, 3))
    assert set(bombing.actors) == {"Shiite militias", "Unidentified armed group"}


def test_people_asking_why_tell_no_event():
    text = ("On Wednesday, Turkish shells struck a resort near Zakho, killing nine holidaymakers. "
            "The victims were Arabs from the south, and Iraqis who have never seen the Qandil "
            "mountains are asking why a NATO army is shelling their holiday spots.")
    (shelling,) = extract(text, article_date=D(2022, 7, 22))
    assert shelling.region == "Duhok"
    assert set(shelling.actors) == {"Civilians", "Turkish Armed Forces"}


@pytest.mark.parametrize(("text", "day"), [
    ("The next day, June 11, the militants were in Tikrit.", D(2014, 6, 11)),
    ("Two days later, on June 13, troops retook the town.", D(2014, 6, 13)),
])
def test_a_relative_day_spelt_out_right_after_is_that_date(text, day):
    assert find_date(text, 2014).date == day


def test_a_city_before_a_colon_is_a_dateline_when_the_scene_is_elsewhere():
    text = ("Baghdad: Sunni militants overran Tikrit on Wednesday after a brief fight with the "
            "army garrison.\n\nMaysan: In Amara, dozens of graduates protested outside the "
            "governorate building on Wednesday.")
    found = {(c.region, c.event_type) for c in extract(text, article_date=D(2014, 6, 12))}
    assert found == {("Saladin", "Battles"), ("Maysan", "Protests")}


@pytest.mark.parametrize("text", [
    "On Monday, a Royal Air Force Reaper struck a Daesh vehicle near Qaim, killing two terrorists.",
    "Australian F/A-18 Hornets struck an ISIL fighting position near Ramadi on Monday.",
])
def test_coalition_partners_and_their_aircraft_strike_for_the_coalition(text):
    (strike,) = extract(text, article_date=D(2016, 11, 16))
    assert (strike.event_type, set(strike.actors)) == (
        "Explosions/Remote violence", {"US-led coalition", "Islamic State"})


def test_a_court_sentencing_the_authors_of_an_old_bombing_is_no_event():
    text = ("A Baghdad court on Tuesday sentenced to death three men convicted of planning the "
            "2016 Karrada bombing, which killed more than 300 people.")
    assert extract(text, article_date=D(2024, 6, 12)) == []


def test_a_grave_exhumed_today_is_news_though_its_dead_were_killed_years_ago():
    text = ("SINJAR, Iraq, March 15, 2021 — Forensic teams on Monday began exhuming a mass grave "
            "in the village of Kocho that holds the remains of Yazidis killed by Islamic State "
            "militants in August 2014.")
    (grave,) = extract(text)
    assert (grave.date, grave.event_type) == (D(2021, 3, 15), "Strategic developments")
    assert set(grave.actors) == {"Civilians", "Islamic State"}


def test_a_person_named_with_an_age_and_shot_dead_is_a_civilian():
    text = ("Ali Hussein, 34, was killed on Sunday when unknown gunmen opened fire on his car in "
            "Basra's Jubaila district.")
    (killing,) = extract(text, article_date=D(2024, 6, 12))
    assert killing.event_type == "Violence against civilians"
    assert set(killing.actors) == {"Civilians", "Unidentified armed group"}


@pytest.mark.parametrize("text", [
    "The peshmerga said they had retaken nine villages east of Mosul.",
    "A peshmerga commander said his forces had retaken nine villages east of Mosul.",
])
def test_they_and_his_forces_in_a_side_s_report_are_that_side(text):
    (retaking,) = extract(f"October 17, 2016\n\n{text}")
    assert retaking.sub_event_type == "Government regains territory"
    assert set(retaking.actors) == {"Peshmerga", "Islamic State"}


def test_troops_that_moved_on_villages_backed_by_american_air_power_fought_there():
    text = ("Iraqi troops and Kurdish peshmerga fighters, backed by American air power, moved on "
            "villages east of Mosul at dawn on Monday.")
    (push,) = extract(text, article_date=D(2016, 10, 18))
    assert push.event_type == "Battles"
    assert {"Iraqi Army", "Peshmerga", "US-led coalition"} <= set(push.actors)


@pytest.mark.parametrize(("place", "region"), [("Gara", "Duhok"), ("Bamarni", "Duhok"),
                                               ("Sargele", "Duhok"), ("Degala", "Erbil")])
def test_border_villages_of_turkey_s_and_iran_s_strikes_are_known(gaz, place, region):
    (found,) = find_places(f"A drone struck a car near {place} on Monday.", gaz)
    assert found.region == region


@pytest.mark.parametrize("text", [
    "Near Fallujah, one strike destroyed an ISIL mortar position.",
    "On Monday, a coalition strike destroyed a car-bomb workshop in Fallujah.",
])
def test_a_strike_that_destroyed_something_is_an_air_strike(text):
    (strike,) = extract(text, article_date=D(2015, 10, 13))
    assert (strike.region, strike.sub_event_type) == ("Anbar", "Air/drone strike")


def test_fighters_who_were_preparing_an_attack_and_were_neutralized_fought():
    text = ("ANKARA, July 12, 2023 — Four PKK terrorists who were preparing to attack were "
            "neutralized in the Claw-Lock Operation area in northern Iraq, the National Defence "
            "Ministry said on Wednesday.")
    (fight,) = extract(text)
    assert (fight.region, fight.event_type) == ("Duhok", "Battles")


def test_forces_that_opened_fire_on_a_crowd_in_the_streets_used_excessive_force():
    text = ("October 2, 2019\n\nIn Iraq, thousands of people took to the streets of Baghdad "
            "yesterday, and security forces opened fire. At least two protesters were killed.")
    (protest,) = extract(text)
    assert (protest.event_type, protest.sub_event_type) == (
        "Protests", "Excessive force against protesters")
    assert set(protest.actors) == {"Protesters", "Iraqi Army"}


def test_soldiers_who_fired_on_rioters_are_named_as_the_side_the_report_gives():
    text = ("On Thursday, protesters stormed a Turkish military base near Amadiya and set fire to "
            "two trucks. One protester was killed when soldiers opened fire.")
    (riot,) = extract(text, article_date=D(2019, 6, 21))
    assert set(riot.actors) == {"Rioters", "Turkish Armed Forces"}


def test_a_side_saying_it_had_retaken_ground_is_summarised_as_its_deed():
    (retaking,) = extract("October 17, 2016\n\nThe peshmerga said they had retaken nine villages "
                          "east of Mosul.")
    assert retaking.summary == "The peshmerga had retaken nine villages east of Mosul."


def test_weekdays_in_an_undated_text_count_back_from_today_not_from_each_other():
    text = ("On Sunday, two U.S. Navy F/A-18s struck an Islamic State mortar team near Qayyarah, "
            "killing four militants. In Basra, a teacher was shot dead on Monday by unknown "
            "gunmen outside his home.")
    strike, killing = extract_events(text, today=D(2026, 11, 25))  # a Wednesday
    assert (strike.date, killing.date) == (D(2026, 11, 22), D(2026, 11, 23))


def test_a_day_after_the_article_s_own_belongs_to_the_story_told_years_before():
    text = ("Published: June 10, 2024\n\nMOSUL // The city is rebuilt. On June 21, 2017, as "
            "Iraqi troops closed in, Islamic State militants blew up the Nuri mosque.\n\nOn July "
            "9, elite troops of the Counter Terrorism Service cleared the last streets of the Old "
            "City from Islamic State fighters.")
    _, clearing = extract(text)
    assert clearing.date == D(2017, 7, 9)


def test_a_day_before_the_article_s_own_keeps_the_article_s_year_after_a_year_told():
    text = ("Published: August 20, 2016\n\nIslamic State seized the town on July 4, 2015.\n\n"
            "On July 20, Iraqi troops clashed with Islamic State fighters near Qayyarah.")
    (clash,) = extract(text)
    assert clash.date == D(2016, 7, 20)


def test_ten_years_ago_today_is_the_anniversary_s_day():
    text = ("Published: June 10, 2024\n\nTen years ago today, a few hundred Islamic State "
            "fighters routed thousands of Iraqi soldiers and police in Mosul.")
    (fall,) = extract(text)
    assert (fall.date, fall.region) == (D(2014, 6, 10), "Nineveh")


@pytest.mark.parametrize(("text", "day"), [
    ("On April 26 last year, a drone struck the Khor Mor gas field.", D(2024, 4, 26)),
    ("Late on Jan. 15 last year, missiles hit Erbil.", D(2024, 1, 15)),
    ("On 3 March this year, gunmen attacked a checkpoint.", D(2025, 3, 3)),
])
def test_a_day_said_to_be_of_last_year_or_this_year_is_dated_so(text, day):
    mention = find_date(text, 2025)
    assert resolve(mention, D(2025, 5, 15), None) == day


def test_an_unclaimed_drone_is_not_laid_on_a_foreign_force_named_paragraphs_before():
    text = ("ERBIL, Jan 15 (Reuters) - A year ago Iranian ballistic missiles hit a villa in "
            "Erbil, killing four civilians.\n\nOn April 26 last year, a drone struck the Khor "
            "Mor gas field in Sulaimaniyah province, killing four Yemeni workers. No group "
            "claimed responsibility.")
    *_, drone = extract(text, article_date=D(2025, 1, 15))
    assert (drone.date, drone.region) == (D(2024, 4, 26), "Sulaymaniyah")
    assert "Iranian forces" not in drone.actors
    assert "Unidentified armed group" in drone.actors


def test_near_daily_strikes_and_a_region_exposed_to_attacks_are_no_events():
    text = ("ERBIL, Jan 15 (Reuters) - Kurdish officials say the region remains exposed to "
            "attacks from armed groups inside Iraq. Turkey, meanwhile, continues near-daily "
            "air strikes against the Kurdistan Workers Party (PKK) in the region's mountains.")
    assert extract(text, article_date=D(2025, 1, 15)) == []


def test_central_command_s_precision_strikes_at_an_hour_of_baghdad_time_are_not_in_baghdad():
    text = ("Jan. 23, 2024\n\nTAMPA, Fla. – At approximately 12:15 a.m. (Baghdad time) Jan. 24, "
            "U.S. Central Command (USCENTCOM) forces conducted precision strikes against three "
            "facilities used by Kata'ib Hizballah (KH) in Iraq. The strikes targeted KH "
            "headquarters at Jurf al-Sakhar, south of Baghdad.")
    (strike,) = extract(text)
    assert (strike.date, strike.region, strike.sub_event_type) == (
        D(2024, 1, 24), "Babil", "Air/drone strike")
    assert set(strike.actors) == {"US-led coalition", "Shiite militias"}


def test_us_forces_that_conducted_a_strike_that_killed_a_leader_struck_from_the_air():
    text = ("Jan. 23, 2024\n\nOn Jan. 4, U.S. forces conducted a strike in eastern Baghdad that "
            "killed a leader of Harakat al-Nujaba.")
    (strike,) = extract(text)
    assert (strike.region, strike.sub_event_type) == ("Baghdad", "Air/drone strike")


def test_ankara_s_terrorists_are_the_pkk_and_its_martyrs_turkey_s_soldiers():
    text = ("ANKARA, 13 July 2023 – The Ministry of National Defence briefed on the activities "
            "of the Turkish Armed Forces.\n\nOn Monday, 10 July, during an engagement with "
            "terrorists in the Zap region, our heroic comrade-in-arms Specialist Sergeant Mehmet "
            "Yildiz was martyred. In the same engagement, 2 terrorists were neutralised by our "
            "commandos.\n\nOn "
            "Wednesday, 12 July, as a result of an air operation carried out in the Asos region "
            "of northern Iraq, 2 terrorists were neutralised.")
    fight, strike = extract(text)
    assert (fight.date, fight.region, fight.event_type) == (D(2023, 7, 10), "Duhok", "Battles")
    assert (strike.region, strike.sub_event_type) == ("Sulaymaniyah", "Air/drone strike")
    for event in (fight, strike):
        assert set(event.actors) == {"Turkish Armed Forces", "Kurdistan Workers' Party"}


def test_a_report_s_summary_dates_the_incidents_listed_under_it_and_adds_none_of_its_own():
    text = ("TRAVEL SECURITY ALERT\nPublished: 26 October 2019, 07:15 GMT\n\nSummary\n"
            "Anti-government protests resumed across Baghdad and the south on Friday 25 October, "
            "resulting in dozens of fatalities.\n\nIncidents reported\n- Baghdad: Riot police "
            "fired tear gas at demonstrators in Tahrir Square.\n- Basrah: Several hundred "
            "demonstrators held a sit-in outside the provincial council building.")
    crackdown, sit_in = extract(text)
    assert [(e.date, e.region) for e in (crackdown, sit_in)] == [
        (D(2019, 10, 25), "Baghdad"), (D(2019, 10, 25), "Basra")]


def test_the_day_of_what_an_attack_came_amid_dates_the_advance_told_next():
    text = ("October 21, 2016\n\nIslamic State militants stormed government buildings in "
            "Kirkuk before dawn Friday, battling police for hours.\n\nThe raids came as Iraqi "
            "and Kurdish forces pressed their advance on Mosul on Thursday.\n\nPeshmerga fighters "
            "retook a string of villages on the edges of Bashiqa, the Kurdistan Region Security "
            "Council said.")
    raid, advance = extract(text)
    assert (raid.date, advance.date, advance.region) == (
        D(2016, 10, 21), D(2016, 10, 20), "Nineveh")


def test_a_drone_nobody_names_that_killed_only_workers_is_an_unidentified_group_s():
    text = ("27 Apr 2024 | 09:55 UTC\n\nLondon — Gas production at the Khor Mor field in Iraq's "
            "semi-autonomous Kurdistan region was suspended after a drone struck a storage "
            "facility late April 26, killing four Yemeni workers, the operator said.\n\nThe "
            "drone hit a gas storage tank at the field in Sulaimaniyah province.\n\nThe "
            "attack came a day after coalition air defenses shot down a drone approaching Erbil "
            "International Airport, which hosts US-led coalition forces, late April 25.")
    strike, _ = extract(text)
    assert (strike.date, strike.region) == (D(2024, 4, 26), "Sulaymaniyah")
    assert set(strike.actors) == {"Unidentified armed group", "Civilians"}


def test_a_diary_entry_s_heading_dates_it_and_is_the_day_its_today_means():
    text = ("Mosul diary: the last days before the liberation\n\nTuesday, 14 February 2017\n\n"
            "At dawn, a mortar round fired by Daesh hit a house in the Zanjili neighbourhood of "
            "Mosul and killed two boys.\n\nThursday, 16 February 2017\n\nIraqi army soldiers "
            "reached the edge of the Yarmouk district today. We heard heavy fighting with Daesh "
            "until the evening.")
    shelling, advance = extract(text)
    assert (shelling.date, advance.date) == (D(2017, 2, 14), D(2017, 2, 16))
    assert advance.event_type == "Battles"


def test_numbered_posts_of_a_thread_without_full_stops_are_read():
    text = ("Iraq War Monitor (@IraqWarMonitor)\n\n1/ THREAD on the #Kirkuk attack (Oct 21, 2016)"
            "\n\n2/ Dozens of ISIS gunmen stormed government buildings and police stations in "
            "central Kirkuk before dawn, clashing with Kurdish Asayish and police for hours #Iraq"
            "\n\n3/ Separately, ISIS suicide bombers hit a power plant under construction in "
            "Dibis, killing 13 workers incl. Iranian technicians #Dibis")
    raid, bombing = extract(text)
    assert (raid.date, raid.region, raid.event_type) == (D(2016, 10, 21), "Kirkuk", "Battles")
    assert {"Islamic State", "Iraqi Police"} <= set(raid.actors)
    assert (bombing.location, bombing.fatalities) == ("Dibis", 13)


def test_a_channel_s_posts_under_their_day_headings_and_notes_in_brackets_are_read():
    text = ("Translated posts from a Telegram channel. Notes in [brackets].\n\n"
            "📅 Thursday 4 January 2024\n[12:07] Urgent | An American drone targets a "
            "headquarters of the Popular Mobilisation on Palestine Street in Baghdad.\n"
            "[Translator: the 12th PMF brigade is Harakat al-Nujaba. 2 killed in total.]\n\n"
            "📅 Saturday 20 January\n[18:52] Islamic Resistance in Iraq | Targeting the Ain "
            "al-Asad occupation base in Anbar with a salvo of ballistic missiles.\n"
            "[Translator: CENTCOM confirmed missiles at the base. No deaths.]")
    drone, missiles = extract(text)
    assert [(e.date, e.region) for e in (drone, missiles)] == [
        (D(2024, 1, 4), "Baghdad"), (D(2024, 1, 20), "Anbar")]


def test_a_chat_export_s_two_digit_year_stamp_dates_the_post_under_it():
    text = ("Jihadi Claims Tracker (EN) — Telegram channel\n\n[21.10.16 09:15]\nTwo suicide "
            "bombers blew themselves up inside the power plant under construction at Dibis, "
            "killing 13 workers.")
    (bombing,) = extract(text)
    assert (bombing.date, bombing.location) == (D(2016, 10, 21), "Dibis")


def test_chronology_entries_ending_in_their_source_or_a_reference_are_read():
    text = ("CHRONOLOGY: IRAQ\nJanuary 15, 2024 – February 15, 2024\n\nEntries are dated by the "
            "day of the event.\n\nJan. 20: Several ballistic missiles were launched at Ain "
            "al-Asad air base in Anbar province. The Islamic Resistance in Iraq claimed the "
            "attack. (R, 1/20)\n\nFeb. 11: Clashes between two rival clans over farmland in "
            "Basra killed three people.[4]")
    missiles, feud = extract(text)
    assert [(e.date, e.region) for e in (missiles, feud)] == [
        (D(2024, 1, 20), "Anbar"), (D(2024, 2, 11), "Basra")]


def test_a_monthly_chronology_s_weekday_and_day_slash_month_items_are_dated():
    text = ("NORTHERN IRAQ — SECURITY CHRONOLOGY, AUGUST 2021\n\nIncidents are listed by date of "
            "occurrence.\n\nTue 17/08 — NINEVEH. A Turkish drone strike hit a clinic in "
            "Sikeniye village, Sinjar district, killing eight people.\n\nSun 29/08 — KIRKUK. A "
            "roadside bomb struck a Federal Police patrol south of Kirkuk city, killing two "
            "policemen.")
    strike, bomb = extract(text)
    assert [(e.date, e.region) for e in (strike, bomb)] == [
        (D(2021, 8, 17), "Nineveh"), (D(2021, 8, 29), "Kirkuk")]


def test_a_timeline_s_month_heading_gives_the_year_of_the_entries_under_it():
    text = ("Timeline of the escalation in Iraq\n\nThe following is a timeline of events.\n\n"
            "December 2019\n29 December – US aircraft struck Kataib Hezbollah facilities near "
            "al-Qa'im in Anbar Governorate.\n\nJanuary 2020\n3 January – A US drone strike on a "
            "convoy leaving Baghdad International Airport killed Qasem Soleimani.")
    first, second = extract(text)
    assert (first.date, second.date) == (D(2019, 12, 29), D(2020, 1, 3))


def test_a_military_date_time_group_dates_its_item():
    text = ("COMMAND CHRONOLOGY (EXTRACT)\nTASK FORCE SPARTAN\n\n2. Activity during the period:\n\n"
            "a. 191530CMAR16. ISIL fired two 122mm rockets at the fire base near Makhmur, "
            "killing one Marine.\n\nc. 22MAR16. Counter-battery radar acquired an ISIL mortar "
            "team outside the village of Kudila in Ninewa, and the battery engaged it with "
            "artillery fire.")
    rockets, counter_fire = extract(text)
    assert (rockets.date, counter_fire.date) == (D(2016, 3, 19), D(2016, 3, 22))


# --- incident records --------------------------------------------------------------------------

_RECORD_LOG = """CIVILIAN CASUALTY LOG
Updated 3 May 2018

HX-12 | Saturday 28 April 2018 | al-Zanjili, west Mosul, Nineveh
Killed: 4 civilians
Suspected belligerent: Islamic State
Summary: A mortar round hit a family's courtyard in the afternoon, killing a mother and
three children.
Grading: Fair

HX-13 | Monday 30 April 2018 | Hawija, Kirkuk
Killed: 2
Perpetrator: unidentified gunmen
Summary: Gunmen on motorbikes shot dead two brothers outside their shop.
Grading: Weak
"""


def test_an_incident_record_is_one_event_on_its_header_s_day_by_its_perpetrator():
    mortar, shooting = extract(_RECORD_LOG)
    assert (mortar.date, mortar.region, mortar.event_type) == (
        D(2018, 4, 28), "Nineveh", "Explosions/Remote violence")
    assert set(mortar.actors) == {"Islamic State", "Civilians"}  # the field, not a guess
    assert mortar.fatalities == 4  # its summary read on over the wrapped line
    assert (shooting.date, shooting.region, shooting.event_type) == (
        D(2018, 4, 30), "Kirkuk", "Violence against civilians")


def test_a_record_without_a_narrative_is_read_from_its_weapon_target_and_location_fields():
    (bombing,) = extract("BAGHDAD INCIDENT ENTRIES\nEntered 5 September 2018.\n\n"
                         "k-9 | Tue 4 Sep 2018 | approx. 9 AM\n"
                         "Location: Bab al-Sharqi market, Baghdad\n"
                         "Target: shoppers\n"
                         "Weapons: car bomb (parked)\n"
                         "Deaths recorded: 5-7\n"
                         "Notes: No claim of responsibility; police sources gave seven dead.\n")
    assert (bombing.date, bombing.region, bombing.event_type) == (
        D(2018, 9, 4), "Baghdad", "Explosions/Remote violence")
    assert set(bombing.actors) == {"Civilians", "Unidentified armed group"}  # not the police


def test_a_case_file_dated_by_its_incident_date_field():
    (killing,) = extract("ACTIVIST KILLINGS: CASE FILES\nPublished 10 March 2020\n\n"
                         "CASE DQ-3 — Suq al-Shuyukh, Dhi Qar\n"
                         "Incident date: Monday 2 March 2020\n"
                         "Perpetrator: unidentified gunmen\n"
                         "Account: Gunmen on motorbikes shot dead a local activist outside his "
                         "home.\nGrade: 2\n")
    assert (killing.date, killing.region, killing.event_type) == (
        D(2020, 3, 2), "Dhi Qar", "Violence against civilians")


@pytest.mark.parametrize("sentence", [
    "Police sources gave 12 dead and 31 wounded; a hospital source gave nine.",
    "Police put the death toll at 14.",
])
def test_who_gave_the_figures_is_no_actor(sentence):
    (bombing,) = extract(f"BAGHDAD, May 3, 2018 - A car bomb killed shoppers. {sentence}")
    assert "Iraqi Police" not in bombing.actors


def test_ramadi_s_tamim_district_is_not_kirkuk_under_its_old_name():
    (retaken,) = extract("RAMADI, Iraq, Dec. 8, 2015 - Iraqi troops recaptured the district of "
                         "al-Tamim from Islamic State on Tuesday.")
    assert retaken.region == "Anbar"


_TABLE = """List of attacks in Iraq in 2017

Date | Location | Governorate | Perpetrator | Description | Ref.

9 March | Hit, near the bridge | Anbar | Unknown | A car bomb exploded at a checkpoint, \
killing four policemen. | [3]

21 April | near Sinjar | Nineveh | Turkey | Aircraft struck a base of the Sinjar Resistance Units, \
killing five fighters. | [4][5]
"""


def test_a_list_article_s_table_rows_are_its_events_in_the_title_s_year():
    bombing, strike = extract(_TABLE)
    assert (bombing.date, bombing.region, bombing.event_type) == (
        D(2017, 3, 9), "Anbar", "Explosions/Remote violence")
    assert (strike.date, strike.region) == (D(2017, 4, 21), "Nineveh")
    assert "Turkish Armed Forces" in strike.actors  # the perpetrator column names the aircraft's


def test_a_release_s_dateline_under_its_dated_title_block_does_not_date_its_news():
    strikes = extract("Strikes Continue Against ISIS in Iraq\n\n"
                      "Combined Joint Task Force\nNews Release No. 20170305-01\nMarch 5, 2017\n\n"
                      "SOUTHWEST ASIA, March 5, 2017 - On March 4, Coalition military forces "
                      "conducted strikes against ISIS targets in Iraq.\n\n"
                      "Iraq\n-- Near Mosul, three strikes engaged an ISIS tactical unit and "
                      "destroyed two vehicles.\n")
    assert [(s.date, s.region) for s in strikes] == [(D(2017, 3, 4), "Nineveh")]


@pytest.mark.parametrize(("sentence", "actors", "event_type"), [
    ("Daash gunmen stormed a police station in Buhriz on Sunday, killing two policemen.",
     {"Islamic State", "Iraqi Police"}, "Battles"),
    ("A U.S. F-15E shot down an Iranian drone flying toward Erbil on Sunday.",
     {"US-led coalition", "Iranian forces"}, "Strategic developments"),
    ("The heroes of the Counter-Terrorism Service carried out a qualitative operation at dawn "
     "on Sunday in Wadi al-Shay, south of Kirkuk, which resulted in the killing of four "
     "terrorists.", {"Iraqi Special Forces", "Islamic State"}, "Battles"),
])
def test_agencies_and_official_statements_name_actors_their_own_way(sentence, actors, event_type):
    (event,) = extract(f"BAGHDAD, Sept. 12, 2021 - {sentence}")
    assert (set(event.actors), event.event_type) == (actors, event_type)


def test_what_a_un_report_sums_up_over_its_reporting_period_is_no_event():
    (killing,) = extract(
        "14. During the reporting period, ISIL continued to carry out attacks against security "
        "forces and civilians, mainly in Kirkuk and Diyala governorates.\n\n"
        "15. On 3 March 2021, unidentified perpetrators reportedly killed two shepherds near "
        "Tarmiyah, Baghdad governorate.")
    assert (killing.date, killing.region) == (D(2021, 3, 3), "Baghdad")


def test_a_broadcast_s_spoken_date_dates_what_its_presenters_read():
    first, second = extract(
        "PRESENTER: Good evening, and welcome to the news on this Thursday, the twentieth of "
        "October, two thousand sixteen.\n\n"
        "PRESENTER: In Kirkuk, police say gunmen attacked a checkpoint last night.\n\n"
        "PRESENTER: And in Baghdad, a roadside bomb went off this afternoon in the Dora district, "
        "killing two civilians.")
    assert [(first.date, first.region), (second.date, second.region)] == [
        (D(2016, 10, 19), "Kirkuk"), (D(2016, 10, 20), "Baghdad")]


@pytest.mark.parametrize(("spoken", "date"), [
    ("the twenty-first of March, twenty fifteen", D(2015, 3, 21)),
    ("June the 5th, two thousand and fourteen", D(2014, 6, 5)),
    ("the second of May 2017", D(2017, 5, 2)),
])
def test_spoken_dates(spoken, date):
    assert find_date(f"It happened on {spoken}.", 2024).date == date


def test_a_report_s_period_heading_dates_its_incidents_within_the_period():
    (execution,) = extract("Human Rights Report: Protection of Civilians in Iraq\n"
                           "1 May - 31 August 2016\n\n"
                           "22. On 12 June, ISIL reportedly executed 19 civilians in the Hawijah "
                           "district of Kirkuk governorate.")
    assert execution.date == D(2016, 6, 12)


def test_a_command_announcing_the_liberation_of_a_place_reports_it_retaken():
    (retaken,) = extract("The Joint Operations Command announces the liberation of the Citadel of "
                         "Tal Afar by the heroes of the Counter-Terrorism Service on Saturday, "
                         "26 August 2017.")
    assert (retaken.date, retaken.region, retaken.sub_event_type) == (
        D(2017, 8, 26), "Nineveh", "Government regains territory")


def test_a_condemnation_of_today_s_attack_and_operations_that_continued_add_no_event():
    (bombing,) = extract(
        "New York, 19 July 2021\n\n"
        "On 19 July, a suicide attack claimed by ISIL in Sadr City, Baghdad, killed 30 civilians. "
        "Turkish military operations against the PKK continued. "
        "The Secretary-General strongly condemns today's terrorist attack in Sadr City.")
    assert (bombing.region, bombing.sub_event_type) == ("Baghdad", "Suicide bomb")


def test_a_story_told_on_past_new_year_moves_into_the_next_year():
    events = extract("Timeline\n\n"
                     "On 31 December 2019, militiamen stormed the gate of the US embassy in "
                     "Baghdad and set fire to a reception area.\n\n"
                     "Shortly after midnight on 3 January, a US drone struck two vehicles near "
                     "Baghdad airport, killing ten people.")
    assert [e.date for e in events] == [D(2019, 12, 31), D(2020, 1, 3)]


@pytest.mark.parametrize("sentence", [
    "On 18 June the government asked the United States to carry out air strikes against ISIL.",
])
def test_a_request_for_strikes_is_no_strike(sentence):
    assert extract(f"BAGHDAD, June 19, 2014 - {sentence}") == []


def test_a_range_of_missiles_is_no_period_sum_and_attacking_is_an_attack():
    missiles, raid = extract(
        "Timeline\n\n"
        "In the early hours of 8 January 2020, the IRGC launched between 12 and 16 ballistic "
        "missiles at the Ain al-Asad air base in Anbar.\n\n"
        "On 6 June 2014, ISIL fighters entered western Mosul from the desert, attacking army "
        "checkpoints.")
    assert (missiles.date, missiles.region) == (D(2020, 1, 8), "Anbar")
    assert (raid.date, raid.region, raid.event_type) == (D(2014, 6, 6), "Nineveh", "Battles")


def test_a_footnote_marker_ends_a_sentence():
    assert split_sentences("Militants captured Tikrit.[7] The same day ISIL overran Baiji.[8]") == [
        "Militants captured Tikrit.[7]", "The same day ISIL overran Baiji.[8]"]


def test_a_central_command_list_of_strikes_dates_each_on_the_day_it_first_told():
    strikes = extract(
        "TAMPA, Fla., Feb. 7, 2024 - Since Oct. 17, Iran-aligned militia groups have attacked U.S. "
        "forces in Iraq and Syria more than 165 times.\n\n"
        "-- On Feb. 2, U.S. forces struck more than 85 targets at seven facilities in Iraq and "
        "Syria. In Iraq, the strikes hit drone storage facilities used by Kata'ib Hezbollah "
        "near Al Qaim.\n\n"
        "-- On Jan. 23, U.S. forces conducted necessary and proportionate strikes on Kata'ib "
        "Hezbollah facilities at Jurf al-Sakhar, south of Baghdad.")
    assert [(s.date, s.region, s.sub_event_type) for s in strikes] == [
        (D(2024, 2, 2), "Anbar", "Air/drone strike"),
        (D(2024, 1, 23), "Babil", "Air/drone strike")]


def test_overrunning_army_and_police_positions_is_a_fight_with_both():
    (fight,) = extract("MOSUL, Iraq, June 10, 2014 - Overnight, ISIS fighters overran army and "
                       "police positions across Mosul.")
    assert (fight.event_type, set(fight.actors)) == (
        "Battles", {"Islamic State", "Iraqi Army", "Iraqi Police"})


def test_years_of_suffering_recalled_are_no_event():
    assert extract("BAGHDAD, Oct. 30, 2021 - The Observatory recalls that Diyala has suffered for "
                   "years from Daesh attacks.") == []


def test_a_hard_wrapped_pdf_page_is_read_whole():
    events = extract("IRAQ SECURITY UPDATE                                    Page 2 of 5\n"
                     "Week 23 (5 - 11 June 2017)\n\n"
                     "Nineveh: On 6 June, Iraqi Counter Terrorism Service units ad-\n"
                     "vanced into the Zanjili neighbourhood of west Mosul after\n"
                     "heavy clashes with IS fighters.\n\n"
                     "Anbar: A suicide bomber detonated his vest at a checkpoint\n"
                     "near Rutba on 8 June, killing four soldiers and wounding\n"
                     "seven.\n")
    assert [(e.date, e.region) for e in events] == [
        (D(2017, 6, 6), "Nineveh"), (D(2017, 6, 8), "Anbar")]
    assert "advanced into the Zanjili" in events[0].summary


def test_a_line_break_after_al_keeps_the_name_s_hyphen():
    body = read_article("Heavy fighting was reported in al-\nAnbar on Monday.", 2017)
    assert body.paragraphs == (("Heavy fighting was reported in al-Anbar on Monday.",),)


def test_a_channel_s_bullets_without_full_stops_are_its_news_but_related_links_are_not():
    events = extract("🔴 BREAKING | Kirkuk\n\n"
                     "• 3 IS militants killed in a clash with Federal Police near Rashad, "
                     "southwest of Kirkuk, this morning — security source\n"
                     "• Roadside bomb hits army vehicle near Tuz Khurmatu, 2 soldiers wounded\n\n"
                     "Related news\n"
                     "- Rocket lands near Baghdad airport, no casualties\n\n"
                     "Forwarded from Iraq Security Updates — 14 March 2022")
    assert [(e.region, e.event_type) for e in events] == [
        ("Kirkuk", "Battles"), ("Saladin", "Explosions/Remote violence")]


def test_an_incident_form_of_fields_alone_is_read():
    (bombing,) = extract("INCIDENT REPORT 17-044\n\n"
                         "DATE: 12 March 2017\n"
                         "LOCATION: Bab al-Toub, west Mosul, Nineveh\n"
                         "TYPE: IED / VBIED\n"
                         "DESCRIPTION: A vehicle-borne IED detonated at a Federal Police "
                         "checkpoint. Two policemen were killed. IS claimed the attack.\n"
                         "REPORTED BY: Field team Erbil\n")
    assert (bombing.date, bombing.region, bombing.event_type) == (
        D(2017, 3, 12), "Nineveh", "Explosions/Remote violence")
    assert set(bombing.actors) == {"Iraqi Police", "Islamic State"}


_INTERVIEW = """"We held the bridge for nine hours": an interview with a Federal Police commander

Brig. Gen. Ali Hamid commanded a brigade in the battle for west Mosul. I spoke to him in Baghdad
on 4 September 2017.

Q: Where were you in March?
A: On the 7th of March we took the southern end of the old iron bridge in Mosul at dawn and held
it for nine hours against Daesh counter-attacks.

Q: Were civilians hurt?
A: On 17 March Daesh snipers shot at families crossing the bridge. I saw the bodies myself.
"""


def test_an_interview_s_we_are_its_guest_s_side_and_his_career_is_no_event():
    bridge, snipers = extract(_INTERVIEW)
    assert (bridge.date, bridge.region, bridge.event_type) == (D(2017, 3, 7), "Nineveh", "Battles")
    assert set(bridge.actors) == {"Iraqi Police", "Islamic State"}  # "we": the police
    assert not any("commanded" in sentence for sentence in bridge.evidence)
    assert snipers.date == D(2017, 3, 17)


def test_a_paragraph_cut_by_a_pdf_page_break_and_its_footnote_numbers_is_read_whole():
    mortar, shooting = extract(
        "PROTECTION MONITORING REPORT – NINEWA GOVERNORATE\nNovember 2016\n\n"
        "On 6 November, a mortar round struck a house in the Gogjali neigh-\n"
        "bourhood of east Mosul, killing a woman and her two children.3 Humanitar-\n\n"
        "Protection Monitoring Report – November 2016                    4\n\n"
        "ian partners also reported that on 11 November ISIL fighters shot at\n"
        "families fleeing from the Samah neighbourhood, killing at least five people.4\n")
    assert [(e.date, e.region) for e in (mortar, shooting)] == [
        (D(2016, 11, 6), "Nineveh"), (D(2016, 11, 11), "Nineveh")]
    assert "humanitarian partners" in shooting.summary.lower()  # the word whole again


def test_an_agency_s_reported_that_is_turned_round_in_the_summary():
    (attack,) = extract("Shafaq News/ A security source reported on Sunday that Daash gunmen "
                        "attacked a police checkpoint near Buhriz, killing two policemen, 12 June "
                        "2022.")
    assert attack.summary.startswith("Daash gunmen attacked a police checkpoint near Buhriz")
    assert attack.summary.endswith(", a security source said.")


_DATED_INTERVIEW = """"Nobody came to help us": a commander of Haditha's tribal fighters

Sheikh Omar Dulaimi leads a clan of the Jughaifa tribe. We met him at his guest house in
Baghdad on Thursday, 12 May 2016.

Q: In the spring of 2015 your men held the dam for weeks. How did it start?
A: On the 3rd of April Daesh attacked the villages north of Haditha from three sides, and we
fought them until the morning.

Q: And this week?
A: On Monday our men found a roadside bomb near Haqlaniya and the police took it away.
"""


def test_an_interview_is_dated_by_the_day_its_introduction_says_it_was_held():
    fight, bomb = extract(_DATED_INTERVIEW)
    assert fight.date == D(2015, 4, 3)  # in the spring of 2015 the question names
    assert bomb.date == D(2016, 5, 9)  # the Monday before 12 May 2016, not before today
    assert "Sunni tribes" in fight.actors  # "we": the guest's side, not the headline's quote


def test_the_interviewer_s_us_is_not_the_guest_s_side():
    _, abduction = extract(
        '"We did not do it": a Badr commander in Diyala\n\n'
        "We met him at a Hashd office in Baquba on Wednesday, 13 January 2016.\n\n"
        "Q: What happened on Monday?\nA: Our men fought Daesh near Muqdadiya all day.\n\n"
        "Q: Residents told us that on Tuesday gunmen took six men from their homes in "
        "Muqdadiya.\nA: A committee will look into it.\n")
    assert (abduction.date, abduction.region) == (D(2016, 1, 12), "Diyala")  # told that: the
    assert set(abduction.actors) == {"Civilians", "Unidentified armed group"}  # day is the deed's
    assert abduction.event_type == "Violence against civilians"


def test_a_guest_s_our_forces_are_his_side_and_his_years_of_service_no_event():
    (arrests,) = extract(
        '"We need more men": a Basra police officer\n\n'
        "We interviewed him in his office in Basra on Sunday, 23 August 2020.\n\n"
        "Q: You have served with the police since 2010.\nA: Yes, in every district.\n\n"
        "Q: And the clan feud?\nA: On 29 July our forces raided two villages in Zubair and "
        "arrested fourteen men.\n")
    assert (arrests.date, arrests.region, arrests.actors) == (
        D(2020, 7, 29), "Basra", ("Iraqi Police",))


def test_that_thursday_is_the_day_just_told_and_wednesday_the_8th_is_the_8th():
    rockets, missiles = extract(
        "Q: Where were you on the 26th of December?\n\n"
        "A: At K1. That Thursday evening rockets fell on the K1 base in Kirkuk.\n\n"
        "A: On Wednesday the 8th, Iran fired missiles at Ain al-Asad.\n",
        article_date=D(2020, 2, 2))
    assert rockets.date == D(2019, 12, 26)  # a Thursday, not the last one before 2 February
    assert missiles.date == D(2020, 1, 8)  # not the Wednesday before the article


def test_a_friend_taken_by_masked_men_is_an_abduction_and_no_town_of_his_name():
    (abduction,) = extract("NASIRIYAH, Iraq, Dec. 10, 2019 — Last Thursday my friend Salman was "
                           "taken by masked men outside his house, a protester said.")
    assert (abduction.date, abduction.region) == (D(2019, 12, 5), "Dhi Qar")  # not Muthanna's
    assert abduction.sub_event_type == "Abduction/forced disappearance"  # Salman


def test_the_youth_who_burned_a_consulate_are_rioters():
    (riot,) = extract("NAJAF, Nov. 28, 2019 — The night before, the youth in Najaf burned the "
                      "Iranian consulate.")
    assert (riot.date, riot.event_type, riot.actors) == (D(2019, 11, 27), "Riots", ("Rioters",))


def test_coalition_planes_strike_and_police_who_catch_fighters_arrest_them():
    strike, arrests = extract(
        "MOSUL, Iraq, May 14, 2017 — On 17 March coalition planes hit houses in al-Jadida in "
        "Mosul, residents said. Yesterday Federal Police caught two Daesh men hiding among the "
        "displaced in Hammam al-Alil.")
    assert (strike.date, strike.sub_event_type) == (D(2017, 3, 17), "Air/drone strike")
    assert "US-led coalition" in strike.actors
    assert (arrests.date, arrests.sub_event_type, arrests.actors) == (
        D(2017, 5, 13), "Arrests", ("Iraqi Police",))


def test_taking_a_town_from_a_side_is_taking_ground_and_houses_set_on_fire_are_destroyed():
    retaken, burning = extract(
        "KIRKUK, Oct. 18, 2017 — On 5 October the army and the Hashd took Hawija from Daesh. "
        "Yesterday Hashd men went from house to house in Tuz Khurmatu, setting the houses on "
        "fire, residents said.")
    assert (retaken.date, retaken.region, retaken.sub_event_type) == (
        D(2017, 10, 5), "Kirkuk", "Government regains territory")
    assert set(retaken.actors) == {"Iraqi Army", "Shiite militias", "Islamic State"}
    assert (burning.date, burning.region, burning.sub_event_type) == (
        D(2017, 10, 17), "Saladin", "Looting/property destruction")
    (fall,) = extract("On 10 June 2014 IS took Mosul from the army.")
    assert fall.sub_event_type == "Non-state actor overtakes territory"


def test_the_martyrs_foundation_is_no_turkish_voice_and_two_governments_are_no_scene():
    clash, strike = extract(
        "SINJAR, May 9, 2022 — On Monday, the 2nd, fighting broke out in Sinune between the army "
        "and the YBS. The army says it enforces the agreement between Baghdad and Erbil. Many are "
        "afraid of the drones more than of the army. On Saturday a Turkish drone hit a car on "
        "the road, killing two YBS members. On Wednesday a team from the Martyrs Foundation "
        "visited the town.")
    assert set(clash.actors) == {"Iraqi Army", "Kurdistan Workers' Party"}  # not Turkey's army
    assert (strike.date, strike.region) == (D(2022, 5, 7), "Nineveh")  # Sinune's, not Erbil's


def test_a_machine_translation_s_adopted_attack_is_a_claim_by_the_group_it_quotes():
    bombing, drone = extract(
        "Erbil - News Network / Tuesday 16/1/2024\n\n"
        "The Iranian bombing which targeted late last night residential areas in the city of "
        "Erbil killed four civilians.\n\n"
        "And at dawn of today, a drone loaded with explosives targeted the Harir base which hosts "
        "forces of the international coalition, and the so-called \"Islamic Resistance in Iraq\" "
        "adopted the attack in a statement.")
    assert set(bombing.actors) == {"Iranian forces", "Civilians"}
    assert set(drone.actors) == {"Shiite militias", "US-led coalition"}


def test_a_security_log_s_day_and_month_headings_and_spaced_date_time_groups_date_entries():
    bashiqa, bartella = extract(
        "NGO SECURITY WEEKLY – NORTHERN IRAQ\nReporting period: Mon 07 – Sun 13 November 2016\n\n"
        "INCIDENT LOG\n\n"
        "07/11 – Bashiqa (Ninewa, NE of Mosul)\n"
        "Peshmerga forces retook the town of Bashiqa from IS fighters.\n\n"
        "09/11 – Bartella (Hamdaniya district)\n"
        "Three civilians were wounded when mortar rounds fired by IS landed in Bartella.\n")
    assert [bashiqa.date, bartella.date] == [D(2016, 11, 7), D(2016, 11, 9)]
    (ied,) = extract("IRAQ – DAILY INCIDENT LOG\nDTG: 201800C OCT 17\n\n"
                     "Serial 1 – 200630C OCT 17 – AL-RASHAD area, SW of Kirkuk city\n"
                     "IED struck an Iraqi Army convoy near Rashad. Two soldiers KIA.\n")
    assert (ied.date, ied.region) == (D(2017, 10, 20), "Kirkuk")


def test_a_picture_roundup_s_captions_are_read_under_their_place_and_day_headings():
    strike, missiles = extract(
        "Iraq in pictures: a week on the brink\nSaturday 11 January 2020\n\n"
        "Baghdad, Friday 3 January\n"
        "The burning wreckage of a car on the airport road. A US drone strike shortly after "
        "midnight killed Qassem Soleimani and Abu Mahdi al-Muhandis of the Hashd al-Shaabi.\n"
        "Photograph: Iraqi Prime Minister Press Office/Handout\n\n"
        "Ain al-Asad, Anbar province, Wednesday 8 January\n"
        "A crater at the airbase. Iran's Revolutionary Guards fired ballistic missiles at Ain "
        "al-Asad in the early hours.\n"
        "Photograph: John Davison/Reuters\n")
    assert [(e.date, e.region) for e in (strike, missiles)] == [
        (D(2020, 1, 3), "Baghdad"), (D(2020, 1, 8), "Anbar")]


_RIGHTS_RELEASE = """Iraq: Militia Abuses in a Diyala Town

February 2, 2016

(Beirut) – Militia members abducted and killed residents and destroyed mosques in the town of
Muqdadiya in late January 2016, Human Rights Watch said today.

On January 12, members of the Badr Brigades and Asa'ib Ahl al-Haqq burned at least seven
mosques in Muqdadiya, residents said.

On January 13, militiamen at a checkpoint outside Muqdadiya pulled a man and his two sons from
their car and shot all three dead, a witness said. On January 17, gunmen took a retired teacher
from his home in Muqdadiya. Local officials put the total number of residents killed since
January 11 at 20. Militia commanders posted videos that appear to show the mosques burning.
"""


def test_a_rights_group_s_summary_lead_is_no_event_of_its_own_and_its_cases_are():
    burning, killing, abduction = extract(_RIGHTS_RELEASE)
    assert [e.date for e in (burning, killing, abduction)] == [
        D(2016, 1, 12), D(2016, 1, 13), D(2016, 1, 17)]
    assert burning.actors[0] == "Shiite militias"  # Badr and Asa'ib Ahl al-Haqq, so spelt
    assert (killing.event_type, set(killing.actors)) == (
        "Violence against civilians", {"Shiite militias", "Civilians"})  # "all three": victims
    assert abduction.sub_event_type == "Abduction/forced disappearance"


def test_those_an_armed_group_shot_of_a_group_it_stopped_are_its_victims():
    (killing,) = extract("On October 29, 2014, ISIS fighters stopped a group of displaced men "
                         "near Ras al-Maa, north of Ramadi, and shot at least 46 of them.")
    assert (killing.event_type, set(killing.actors)) == (
        "Violence against civilians", {"Islamic State", "Civilians"})


_ADVISORY = """ADVISORY | IRAQ: US strike in Baghdad raises risk of retaliation
Thursday, 8 February 2024 – 1215 AST

INCIDENT
Early on Thursday, several hundred KH supporters gathered near the Jadriya bridge in Baghdad and
security forces fired tear gas to push the crowd back. US retaliatory strikes on Friday
(2 February) hit facilities used by Kataib Hezbollah in al-Qaim in Anbar province. KH announced on
30 January that it was suspending military operations against US forces in Iraq.

ASSESSMENT
Retaliation with rockets or drones against Ain al-Asad and Harir is likely in the coming days.
Kurdish Peshmerga units moved into positions vacated by the army in Kirkuk last year.

ADVICE
- Avoid the vicinity of the International Zone and all funeral processions in Baghdad.
"""


def test_an_advisory_s_assessment_and_advice_are_no_news_and_supporters_are_a_crowd():
    protest, strikes = extract(_ADVISORY)
    assert (protest.date, protest.event_type, set(protest.actors)) == (
        D(2024, 2, 8), "Protests", {"Protesters", "Iraqi Army"})  # not Kataib Hezbollah itself
    assert (strikes.date, strikes.region, strikes.sub_event_type) == (
        D(2024, 2, 2), "Anbar", "Air/drone strike")


def test_forces_moving_into_positions_another_vacated_take_them_over_without_a_fight():
    (handover,) = extract("KIRKUK, June 12, 2014 — Kurdish Peshmerga units moved into positions "
                          "vacated by the Iraqi Army's 12th Division around Kirkuk.")
    assert (handover.sub_event_type, set(handover.actors)) == (
        "Non-violent transfer of territory", {"Peshmerga", "Iraqi Army"})


def test_an_agency_caption_s_own_dateline_dates_the_days_its_text_names():
    riot, abduction = extract(
        'Editorial gallery: "Iraq\'s October uprising" (updated 29 November 2019)\n\n'
        "KARBALA, IRAQ - NOVEMBER 04: Demonstrators threw petrol bombs at the Iranian consulate "
        "in Karbala late on Sunday. (Photo by Murtadha Sudani/Getty Images)\n\n"
        "BAGHDAD, IRAQ - NOVEMBER 04: A medic who treated protesters in Tahrir Square was "
        "abducted by unidentified gunmen on Saturday night in Baghdad. (Photo by Taha Hussein "
        "Ali/Getty Images)\n")
    assert (riot.date, riot.region, riot.event_type) == (D(2019, 11, 3), "Karbala", "Riots")
    assert (abduction.date, abduction.region) == (D(2019, 11, 2), "Baghdad")  # not the 23rd


def test_a_machine_translation_s_village_belonging_to_a_district_is_placed_by_the_district():
    (massacre,) = extract(
        "Diyala / News Network - Wednesday 27 October 2021\n\n"
        "Tension prevailed in the village of al-Rashad belonging to the district of "
        "al-Miqdadiya.\n\n"
        "A security source said that a group of Daesh elements attacked the village of "
        "al-Rashad yesterday Tuesday and opened the fire from the medium weapons upon the "
        "people of the village, killing 11.")
    assert (massacre.date, massacre.region) == (D(2021, 10, 26), "Diyala")  # not Kirkuk's Rashad
    assert (massacre.event_type, set(massacre.actors)) == (
        "Violence against civilians", {"Islamic State", "Civilians"})


def test_an_expert_assassinated_is_a_civilian_and_the_groups_he_studied_are_no_party():
    (killing,) = extract(
        "Baghdad - Tuesday, 7 July 2020\n\n"
        "The security expert and the researcher in the affairs of the armed groups, Dr. Hisham "
        "al-Hashimi, was assassinated yesterday by gunmen in front of his house in Baghdad.")
    assert (killing.event_type, set(killing.actors)) == (
        "Violence against civilians", {"Civilians", "Unidentified armed group"})


def test_a_government_condemning_or_the_influence_of_a_country_make_no_party():
    (riot,) = extract("BASRA, Iraq, Sept. 8, 2018 — Protesters stormed and set fire to the Iranian "
                      "consulate in Basra on Friday night, chanting against Iran's influence in "
                      "Iraqi politics. Police fired into the air. Iran condemned the attack and "
                      "summoned Iraq's ambassador.")
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Rioters", "Iraqi Police"})


def test_a_photo_essay_s_kurds_who_entered_a_town_and_its_grave_discovered_a_day_earlier():
    entry, grave = extract(
        "The road back to Shingal — published 3 December 2015\n\n"
        "Friday, November 13. Backed by coalition air strikes, the Kurds entered Sinjar in the "
        "morning and met only scattered resistance from Islamic State fighters.\n\n"
        "Saturday, November 14. The old market of Sinjar. Almost nothing in the centre is intact "
        "after 15 months of occupation and more than a year of bombing.\n\n"
        "Sunday, November 15. Peshmerga fighters stand beside a mass grave east of Sinjar, "
        "discovered a day earlier by peshmerga clearing the area.\n")
    assert (entry.date, entry.event_type) == (D(2015, 11, 13), "Battles")
    assert "Peshmerga" in entry.actors  # "the Kurds" who entered it
    assert (grave.event_type, grave.sub_event_type) == ("Strategic developments", "Other")


def test_riot_police_who_cleared_the_airport_answered_the_riot_just_told():
    (riot,) = extract("Najaf – Friday 13 July 2018\nSeveral hundred protesters stormed the "
                      "terminal building of Najaf International Airport. Riot police cleared "
                      "the airport late in the evening.")
    assert (riot.event_type, set(riot.actors)) == ("Riots", {"Rioters", "Iraqi Police"})


def test_anti_riot_units_are_police_and_a_volunteer_seized_by_gunmen_is_abducted():
    shooting, abduction = extract(
        "Amnesty International — Press release\n28 November 2019\n\n"
        "Soldiers and members of anti-riot units opened fire with live ammunition on protesters "
        "on the bridges of Nasiriyah today. On 21 November, masked gunmen seized a 26-year-old "
        "medical volunteer outside his home in al-Shatra.")
    assert set(shooting.actors) == {"Iraqi Army", "Iraqi Police", "Protesters"}
    assert (abduction.date, abduction.event_type) == (D(2019, 11, 21), "Violence against civilians")


def test_men_in_peshmerga_uniforms_are_peshmerga_and_a_lead_names_who_lost_the_town():
    grave, burning = extract(
        "(Erbil) – Mass graves were discovered around Sinjar after the town was retaken from "
        "the Islamic State, Human Rights Watch said today.\n\n"
        "On November 14, 2015, peshmerga fighters found a mass grave east of Sinjar.\n\n"
        "Relatives watched men in peshmerga uniforms loot and set fire to at least 20 houses in "
        "Sinjar on November 15.")
    assert set(grave.actors) >= {"Peshmerga", "Islamic State"}  # IS: named in the lead only
    assert burning.actors[0] == "Peshmerga"


def test_protesters_who_burn_tyres_protest_rather_than_riot():
    (protest,) = extract("DHI QAR – Saturday, 20 February 2021\nSeveral hundred protesters blocked "
                         "roads and burned tyres in central Nasiriyah. Police used tear gas to "
                         "disperse crowds near al-Haboubi Square.")
    assert (protest.event_type, set(protest.actors)) == ("Protests", {"Protesters", "Iraqi Police"})


def test_forces_that_withdrew_without_fighting_handed_ground_to_those_who_took_it_over():
    (handover,) = extract("Serial 4 – 17 OCT (update) – SINJAR, Ninewa Province\nPeshmerga "
                          "units withdrew from Sinjar town without fighting; Hashd al-Shaabi "
                          "formations took over positions on the morning of 17 OCT.",
                          article_date=D(2017, 10, 20))
    assert (handover.date, handover.sub_event_type) == (
        D(2017, 10, 17), "Non-violent transfer of territory")
    assert set(handover.actors) == {"Peshmerga", "Shiite militias"}


def test_a_shot_list_s_story_counts_its_days_from_the_item_not_the_last_shot():
    (bombs,) = extract(
        "MIDEAST-CRISIS/IRAQ-RAMADI (TV)\nDATE: MONDAY (DECEMBER 28)\n\n"
        "SHOTLIST:\nHADITHA, IRAQ (DECEMBER 25) (REUTERS)\n"
        "8. TRIBAL FIGHTERS AT CHECKPOINT ON OUTSKIRTS OF TOWN\n\n"
        "STORY:\nIslamic State fighters sent at least four car bombs driven by suicide bombers "
        "against advancing troops in Ramadi on Sunday, an army officer said.",
        article_date=D(2015, 12, 28))
    assert (bombs.date, bombs.region) == (D(2015, 12, 27), "Anbar")  # not the Sunday before 25th


def test_a_weekly_log_s_reporting_period_with_weekdays_dates_its_day_and_month_entries():
    clash, protest = extract(
        "CENTRAL IRAQ NGO SECURITY WEEKLY\nReporting period: Sunday 5 March - Saturday 11 March "
        "2017\n\nINCIDENTS\n\nSALAH AL-DIN\n"
        "06/03, approx. 0500 hrs - Samarra, al-Jalam area. Army units fought IS fighters "
        "for two hours; two soldiers were killed.\n\n"
        "09/03 (Thu), midday - Tikrit city. Hundreds of people demonstrated against "
        "the closure of the camp.\n")
    assert [clash.date, protest.date] == [D(2017, 3, 6), D(2017, 3, 9)]
    assert (clash.event_type, protest.event_type) == ("Battles", "Protests")


def test_an_address_s_district_and_governorate_place_a_village_over_its_namesake():
    (attack,) = extract(
        "DIYALA FLASH UPDATE\nFriday 29 October 2021\n\n"
        "Tuesday evening - al-Rashad, Muqdadiya district, Diyala: Daesh militants attacked "
        "the village and killed eleven residents.\n")
    assert (attack.date, attack.region) == (D(2021, 10, 26), "Diyala")  # not Kirkuk's Rashad


def test_iran_s_drones_hit_no_kurdish_rebels_and_one_volley_of_two_weapons_is_one_strike():
    koya, zrgwez = extract(
        "KRI TRAVEL RISK UPDATE\nIssued: Friday 30 September 2022\n\n"
        "16 August - Sinjar, Ninewa governorate\nA Turkish drone struck a car near Sinjar, "
        "killing three PKK fighters.\n\n"
        "28 September - Koya, Erbil governorate\nIranian forces fired ballistic missiles and "
        "armed drones at compounds of Iranian Kurdish opposition parties, killing 13.\n\n"
        "28 September - Zrgwez, Sulaimani governorate\nIRGC drones struck a base of an Iranian "
        "Kurdish opposition group near Zrgwez.\n")[1:]
    assert (koya.region, koya.fatalities, set(koya.actors)) == ("Erbil", 13, {"Iranian forces"})
    assert (zrgwez.region, set(zrgwez.actors)) == ("Sulaymaniyah", {"Iranian forces"})


def test_clashes_in_an_operation_launched_months_ago_are_news_and_ankara_is_no_misspelt_town():
    (clash,) = extract(
        "KRI TRAVEL RISK UPDATE\nIssued: Friday 30 September 2022\n\n"
        "11 September - Amedi district, Duhok governorate\nClashes between Turkish troops and "
        "PKK fighters near Mount Matin, part of Ankara's Operation Claw-Lock launched in April.\n")
    assert (clash.date, clash.region, clash.event_type) == (D(2022, 9, 11), "Duhok", "Battles")
    assert set(clash.actors) == {"Turkish Armed Forces", "Kurdistan Workers' Party"}


def test_an_american_site_s_month_first_stamp_gives_the_year_of_its_days():
    (retaken,) = extract("Kurds Push Toward Mosul\nBY JANE ROE ON 01/22/15 AT 11:29 AM\n\n"
                         "On Jan. 21, Kurdish peshmerga fighters retook the town of Zumar from "
                         "Islamic State militants.")
    assert retaken.date == D(2015, 1, 21)
    (bombing,) = extract("Baghdad Market Hit\nPosted 7/23/2016\n\nA car bomb killed 12 people "
                         "in a market in Baghdad's Karrada district on Friday.")
    assert bombing.date == D(2016, 7, 22)


def test_a_roundup_s_rebels_of_the_far_north_are_not_those_who_fought_in_anbar():
    fallujah = extract(
        "Flag Raised Over Fallujah\nPosted: 06/18 11:02 AM ET\n\n"
        "Iraqi counterterrorism troops pushed into the center of Fallujah on Friday and raised "
        "the flag over the government compound.\n\n"
        "In the north, Turkish warplanes bombed Kurdistan Workers' Party (PKK) positions in the "
        "Zap region of Duhok province on Wednesday. The PKK did not confirm the toll.",
        article_date=D(2016, 6, 18))[0]
    assert (fallujah.region, fallujah.event_type) == ("Anbar", "Battles")
    assert "Kurdistan Workers' Party" not in fallujah.actors
    assert "Islamic State" in fallujah.actors


def test_forces_that_retreated_or_abandoned_their_posts_lost_the_town_the_rebels_took():
    (ramadi,) = extract("RAMADI, May 18, 2015 - Islamic State fighters seized control of Ramadi "
                        "on Sunday. Iraqi army, police and special forces units retreated from "
                        "the city in a chaotic convoy.")
    assert set(ramadi.actors) == {"Islamic State", "Iraqi Army", "Iraqi Police",
                                  "Iraqi Special Forces"}
    tikrit = extract("June 12, 2014 - ISIS militants pressed their offensive, capturing Saddam "
                     "Hussein's hometown of Tikirt on Wednesday.\n\n"
                     "Tikrit fell after police and soldiers abandoned their posts, officials "
                     "told AFP.")
    assert [(t.region, t.event_type, set(t.actors)) for t in tikrit] == [
        ("Saladin", "Battles", {"Islamic State", "Iraqi Police", "Iraqi Army"})]


def test_a_city_taken_as_the_peshmerga_pulled_back_with_little_resistance_changed_hands():
    (kirkuk,) = extract(
        "Oct. 17, 2017, 11:02 AM\n\nIraqi government forces swept into the city of Kirkuk on "
        "Monday, taking over the governor's office as Kurdish peshmerga fighters pulled back "
        "with little resistance.\n\nThe operation, ordered by Prime Minister Haider al-Abadi, "
        "involved the Iraqi army, the elite Counter Terrorism Service and Shiite militias of "
        "the Popular Mobilization Forces, according to the Iraqi military.")
    assert (kirkuk.date, kirkuk.sub_event_type) == (D(2017, 10, 16),
                                                    "Non-violent transfer of territory")
    assert set(kirkuk.actors) == {"Iraqi Army", "Peshmerga", "Iraqi Special Forces",
                                  "Shiite militias"}


def test_strikes_that_cleared_the_way_back_a_retaking_and_a_running_total_is_no_strike():
    (dam,) = extract(
        "Filed: 8/18/14 at 12:05 PM\n\nKurdish peshmerga fighters recaptured the Mosul Dam from "
        "Islamic State militants on Monday, officials said, after two days of American air "
        "strikes that cleared the way for a ground assault. The Pentagon said it has now "
        "conducted 68 strikes in Iraq since Aug. 8.")
    assert (dam.date, dam.event_type, dam.sub_event_type) == (
        D(2014, 8, 18), "Battles", "Government regains territory")


def test_a_roundup_s_commentary_and_a_town_s_past_use_are_no_events():
    events = extract(
        "Updated by Vox Staff, Oct 27, 2014, 4:32pm ET\n\n"
        "This weekend offered a win for the Iraqi government, though one that shows how much "
        "Baghdad leans on Shiite militias to do its fighting.\n\n"
        "Iraqi soldiers and Shiite militiamen drove ISIS out of Jurf al-Sakr, in Babil province, "
        "on Friday. The town "
        "had been used as a base for car bombs aimed at Baghdad.\n\n"
        "The Sunni tribe has fought the extremists for weeks and has pleaded for weapons. The "
        "Popular Mobilization units are now doing much of the heavy lifting.\n\n"
        "The attacks come as Iraqi officials say they are preparing a spring offensive to "
        "retake Mosul, which ISIS has held since June.")
    assert [(e.date, e.region, e.event_type) for e in events] == [
        (D(2014, 10, 24), "Babil", "Battles")]


def test_an_attack_that_came_a_week_after_an_offensive_told_below_is_not_that_offensive():
    events = extract(
        "KIRKUK, Jan. 30, 2015 - Islamic State militants attacked peshmerga lines southwest of "
        "Kirkuk on Friday, killing six peshmerga.\n\n"
        "The attack came barely a week after the peshmerga's own biggest offensive in months. "
        "On Jan. 21, Kurdish fighters retook villages from ISIS west of Mosul.")
    assert [(e.date, e.region) for e in events] == [(D(2015, 1, 30), "Kirkuk"),
                                                    (D(2015, 1, 21), "Nineveh")]


def test_the_strike_a_volley_answered_is_not_where_the_volley_fell():
    (missiles,) = extract(
        "Jan. 9, 2020, 6:05 AM\n\nIran launched ballistic missiles at two bases in Iraq housing "
        "US troops early Wednesday, in retaliation for the US drone strike that killed Qassem "
        "Soleimani at Baghdad airport on Jan. 3.\n\nMost of the missiles hit Ain al-Asad air base "
        "in Anbar province, damaging hangars, according to the Pentagon.")
    assert (missiles.date, missiles.region) == (D(2020, 1, 8), "Anbar")


def test_an_american_sailor_killed_by_a_roadside_bomb_is_the_coalition_s_not_a_civilian():
    (bomb,) = extract("10/21/2016 01:15 pm ET\n\nThe Pentagon said Navy Chief Petty Officer "
                      "Jason Finan, 34, was killed on Thursday when a roadside bomb exploded near "
                      "his vehicle north of Mosul.")
    assert (bomb.date, bomb.region) == (D(2016, 10, 20), "Nineveh")
    assert set(bomb.actors) == {"US-led coalition", "Unidentified armed group"}


def test_shells_nobody_claimed_are_the_neighbour_s_the_government_blamed():
    (shelling,) = extract(
        "RISK UPDATE\nIssued: Friday 30 September 2022\n\n"
        "20 July - Zakho district, Duhok governorate\nArtillery rounds struck a crowded tourist "
        "resort, killing nine Iraqi tourists. Baghdad blamed Turkish forces and recalled its "
        "envoy; Turkey denied responsibility.\n")
    assert (shelling.date, shelling.region) == (D(2022, 7, 20), "Duhok")
    assert set(shelling.actors) == {"Turkish Armed Forces", "Civilians"}


def test_a_digest_s_titled_month_gives_the_year_when_its_first_day_is_the_same_day():
    events = extract("CrisisWatch — October 2016\n\nIraq\n\nPeshmerga, supported by coalition "
                     "airstrikes, same day retook nine villages east of Mosul. CTS 20 Oct entered "
                     "the town of Bartella after heavy fighting with IS.")
    assert [e.date for e in events][-1] == D(2016, 10, 20)  # not the year of the run


def test_iranian_guns_are_iran_s_and_abu_karma_is_no_misspelt_karmah():
    (shelling,) = extract("ERBIL, Sept. 29, 2022 - On Monday, Iranian guns shelled mountain "
                          "villages around Sidakan, forcing families to flee.")
    assert (shelling.date, set(shelling.actors)) == (D(2022, 9, 26),
                                                     {"Iranian forces", "Civilians"})
    (device,) = extract("BAQUBA, Feb. 17, 2015 - A roadside bomb exploded on Monday evening "
                        "under a Popular Mobilization patrol in the village of Abu Karma, north of "
                        "al-Miqdadiya, killing two fighters.")
    assert (device.date, device.region) == (D(2015, 2, 16), "Diyala")


def test_an_agency_lead_summing_up_what_it_then_tells_in_full_is_told_once():
    events = extract(
        "Diyala / Alsumaria News\nTuesday 17 February 2015 | 02:40 PM\n\n"
        "A security source in Diyala announced, on Tuesday, the martyrdom of a fighter of the "
        "Popular Mobilization by an explosive device that targeted his patrol north of "
        "al-Miqdadiya, while he pointed that unknown gunmen kidnapped a farmer and his son "
        "east of Baquba.\n\n"
        "The source, who asked not to be named, added that \"armed unknown persons driving a "
        "pick-up kidnapped, at dawn of today, the farmer (A. K., 61 years) and his son from a "
        "grazing area near the district of Balad Ruz, east of Baquba, and took them to an "
        "unknown destination\".")
    abductions = [(e.date, e.location) for e in events
                  if e.sub_event_type == "Abduction/forced disappearance"]
    assert abductions == [(D(2015, 2, 17), "Balad Ruz")]  # not also "east of Baquba"


def test_a_retaking_a_week_after_launching_the_offensive_is_one_event_and_its_source_no_side():
    events = extract(
        "On 8/27/17 at 10:40 AM\n\nIraqi forces recaptured the center of Tal Afar from ISIS on "
        "Sunday, a week after launching an offensive on one of the group's last strongholds.\n\n"
        "Kurdish broadcaster Rudaw, citing peshmerga officials, reported that many ISIS fighters "
        "had slipped out of Tal Afar before the offensive.")
    assert [(e.date, e.region, e.event_type) for e in events] == [
        (D(2017, 8, 27), "Nineveh", "Battles")]
    assert "Peshmerga" not in events[0].actors


def test_strikes_counted_since_a_day_are_a_running_total():
    (retaken,) = extract("SINJAR, Nov. 13, 2015 - Kurdish peshmerga forces retook Sinjar from "
                         "Islamic State militants on Friday. The US-led coalition said it had "
                         "carried out 24 air strikes in support of the operation since Wednesday.")
    assert (retaken.date, retaken.event_type) == (D(2015, 11, 13), "Battles")


def test_american_fighter_jets_are_the_coalition_s_and_clearing_mines_is_no_bombing():
    jets = find_actors("American fighter jets and drones struck the dam", default_gazetteer())
    assert [m.actor for m in jets] == ["US-led coalition"]
    assert extract("BASHIQA, Nov. 8, 2016 - Peshmerga units were clearing roadside bombs the "
                   "militants had left behind in Bashiqa on Monday.") == []


def test_governments_condemning_a_strike_and_old_blame_make_no_party_and_no_event():
    (strike,) = extract(
        "April 25, 2017 - Turkish warplanes struck positions of the PKK on Mount Sinjar early "
        "Tuesday. Iraq's government condemned the raids as a violation of its sovereignty, while "
        "the U.S. State Department said it was deeply concerned.\n\nFallujah is close to Baghdad, "
        "and officials have long blamed car bombs in the capital on cells based there.")
    assert set(strike.actors) == {"Turkish Armed Forces", "Kurdistan Workers' Party"}


def test_a_suicide_bomber_detonating_his_charge_is_one_bomb_and_a_hallmark_no_event():
    events = extract(
        "BAGHDAD, March 3, 2016 (AP) - A suicide bomber struck a checkpoint in Baghdad's "
        "Kadhimiya district on Thursday, and a parked car bomb went off later in Sadr City, "
        "killing 14 people in all, officials said.\n\nThe suicide attacker, wearing a vest "
        "packed with ball bearings, walked up to the police checkpoint and detonated his "
        "charge, killing nine, among them three policemen. The car bomb exploded near a bus "
        "stop in Sadr City, killing five.\n\n"
        "No group claimed the bombings, but such attacks are a hallmark of the Islamic State "
        "group, which has held large parts of northern and western Iraq since it overran the "
        "city of Mosul in 2014.")
    assert sorted((e.sub_event_type, "Iraqi Police" in e.actors) for e in events) == [
        ("Remote explosive/landmine/IED", False), ("Suicide bomb", True)]


def test_a_seizure_raising_fears_is_news_and_weapons_to_fight_are_no_fight():
    events = extract(
        "ERBIL, Iraq, Aug 20, 2014 (Reuters) - The militants seized the Haditha dam on the "
        "Euphrates on Aug. 9, raising fears they could flood towns downstream.\n\nThe Kurdish "
        "regional government has asked for heavier weapons to fight the militants, who also "
        "control much of Nineveh province.")
    assert [(e.date, e.region, e.sub_event_type) for e in events] == [
        (D(2014, 8, 9), "Anbar", "Non-state actor overtakes territory")]


def test_who_carried_out_an_operation_is_told_of_the_event_with_those_sides():
    events = extract(
        "ERBIL, Iraq, Aug 18, 2014 (Reuters) - Kurdish peshmerga fighters and Iraqi "
        "counter-terrorism troops recaptured the Mosul dam from Islamic State militants on "
        "Monday, officials said.\n\nThe militants had seized the dam on Aug. 7.\n\nAn army "
        "spokesman said the operation had been carried out by the peshmerga together with the "
        "counter-terrorism service.")
    seized = next(e for e in events if e.date == D(2014, 8, 7))
    assert seized.actors[0] == "Islamic State" and "Iraqi Special Forces" not in seized.actors


def test_soldiers_backing_a_tribe_are_the_army_and_units_fleeing_elsewhere_lost_the_town():
    (repelled,) = extract(
        "BAGHDAD, May 17, 2015 (AFP) - Fighters from the Albu Nimr tribe backed by soldiers "
        "repelled an IS assault on Hit on Saturday, killing nine of the attackers.")
    assert set(repelled.actors) == {"Sunni tribes", "Iraqi Army", "Islamic State"}
    (fallen,) = extract(
        "BAGHDAD, May 17, 2015 (AFP) - The Islamic State group seized Ramadi on Sunday after "
        "government forces pulled out of the city.\n\nSecurity forces and police abandoned their "
        "last positions as the jihadists swept through the remaining neighbourhoods. Army and "
        "police units streamed east towards the Habbaniyah base, a police colonel said.")
    assert set(fallen.actors) == {"Islamic State", "Iraqi Army", "Iraqi Police"}


def test_militants_armed_with_suicide_belts_storming_police_stations_fight_a_battle():
    (raid,) = extract(
        "KIRKUK, Iraq, Oct. 21, 2016 (AP) - Dozens of IS militants armed with rifles and suicide "
        "belts stormed police stations in Kirkuk before dawn Friday, battling police for much of "
        "the day.")
    assert (raid.date, raid.event_type) == (D(2016, 10, 21), "Battles")


def test_a_12th_century_mosque_is_no_day_and_facing_suicide_bombers_is_a_fight():
    events = extract(
        "MOSUL, Iraq, June 22, 2017 (Reuters) - Islamic State militants blew up the 12th-century "
        "al-Nuri mosque in Mosul late on Wednesday, the military said.\n\nOn Thursday, Counter "
        "Terrorism Service units fought their way deeper into the Old City of Mosul, facing "
        "sniper fire, booby traps and suicide bombers.")
    assert [(e.date, e.event_type) for e in events] == [
        (D(2017, 6, 21), "Strategic developments"), (D(2017, 6, 22), "Battles")]


def test_a_strike_claimed_and_at_once_called_false_is_no_event():
    events = extract(
        "MOSUL, Iraq, June 22, 2017 (Reuters) - Iraqi troops retook the Mosul railway station "
        "from Islamic State on Thursday.\n\nIslamic State's Amaq agency said U.S. aircraft had "
        "bombed a hospital in Mosul. A coalition spokesman said the allegation was false.")
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


def test_ground_taken_and_then_told_as_left_without_a_fight_is_one_handover():
    (sinjar,) = extract(
        "KIRKUK, Iraq, Oct 17, 2017 (AFP) - Iraqi paramilitary forces took control of Sinjar "
        "from Kurdish peshmerga on Tuesday.\n\nHashed al-Shaabi units entered Sinjar after the "
        "peshmerga pulled out overnight without a fight, a commander said.")
    assert sinjar.sub_event_type == "Non-violent transfer of territory"
    assert set(sinjar.actors) == {"Shiite militias", "Peshmerga"}


def test_iranian_kurdish_rebels_are_not_the_pkk_and_weeks_of_protest_are_no_event():
    (shelling,) = extract(
        "BASRA, Iraq, Sept. 8, 2018 (AP) - Residents of Basra have been protesting for weeks over "
        "contaminated water.\n\nOn Saturday, Iranian artillery shelled villages near Sidakan, "
        "local officials said. Iran regularly targets the area, saying Iranian Kurdish rebels use "
        "it to launch attacks.")
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert "Kurdistan Workers' Party" not in shelling.actors


def test_fire_on_crowds_who_had_burnt_a_building_answers_a_riot_whose_targets_are_no_side():
    killed, burnt = extract(
        "BASRA, Iraq, Sept. 8, 2018 (AP) - Security forces opened fire on crowds who had set the "
        "Basra provincial government headquarters ablaze on Thursday evening, killing three "
        "protesters.\n\nIn Nasiriyah on Saturday, demonstrators set fire to the offices of four "
        "political parties, including the Dawa party and the Badr Organisation. Police fired on "
        "the crowd, killing two people.")
    assert (killed.event_type, killed.date) == ("Riots", D(2018, 9, 6))
    assert (burnt.event_type, set(burnt.actors)) == ("Riots", {"Rioters", "Iraqi Police"})


def test_protesters_furious_over_a_strike_stormed_a_base_on_the_day_the_lead_gives():
    storm, strike = extract(
        "DOHUK, Iraq, Jan 26, 2019 (AFP) - Hundreds of angry Kurdish demonstrators stormed a "
        "Turkish military base in northern Iraq on Saturday, setting fire to tanks.\n\nThe "
        "protesters, furious over a Turkish air strike that killed civilians earlier this week, "
        "broke into the camp near Shiladze in Dohuk province.\n\nThe demonstration followed "
        "Wednesday's bombing by Turkish warplanes of a village near Shiladze.")
    assert (storm.date, storm.event_type) == (D(2019, 1, 26), "Riots")
    assert (strike.date, strike.sub_event_type) == (D(2019, 1, 23), "Air/drone strike")


def test_militants_after_a_lead_naming_is_are_is_and_a_string_of_claims_is_no_event():
    events = extract(
        "Iraq scrambles after the loss of Ramadi\n\nMay 19, 2015 at 7:48 p.m. EDT\n\nBAGHDAD — "
        "Shiite militiamen gathered at a base east of Ramadi on Tuesday, preparing for what "
        "officials said would be a counteroffensive two days after the city fell to the Islamic "
        "State.\n\nThe militants seized the city on Sunday as Iraqi security forces abandoned "
        "their positions.\n\nIn the capital itself, a car bomb tore through a market in Baghdad "
        "al-Jadida on Monday evening, killing eight people. No group asserted responsibility, but "
        "the Islamic State has claimed a string of similar attacks this year.")
    assert [(e.region, e.event_type) for e in events] == [
        ("Anbar", "Battles"), ("Baghdad", "Explosions/Remote violence")]
    assert "Islamic State" in events[0].actors


def test_pushing_in_and_raising_the_flag_retakes_a_city_and_a_years_long_habit_is_no_event():
    events = extract(
        "Friday 17 June 2016\n\nIraqi government forces pushed into the centre of Fallujah "
        "today, raising the national flag over the main government building for the first time "
        "since the city fell to Isis in January 2014.\n\nFallujah was the place from which car "
        "bombs were sent to Baghdad for years.")
    assert [(e.date, e.sub_event_type) for e in events] == [
        (D(2016, 6, 17), "Government regains territory")]


def test_a_city_swept_into_and_entered_with_little_resistance_is_one_retaking():
    events = extract(
        "Tue 17 Oct 2017 17.32 BST\n\nIraqi troops swept into Kirkuk on Monday, taking control of "
        "the provincial government headquarters after Kurdish peshmerga forces withdrew "
        "overnight. Units of the counter-terrorism service and the federal police entered the "
        "city from the south with little resistance.\n\nBefore dawn on Monday, peshmerga "
        "fighters and units of the Hashd al-Shaabi exchanged artillery and machine-gun fire near "
        "Taza Khurmatu.")
    assert [(e.sub_event_type, set(e.actors)) for e in events] == [
        ("Government regains territory",
         {"Iraqi Army", "Iraqi Special Forces", "Iraqi Police", "Peshmerga"}),
        ("Armed clash", {"Peshmerga", "Shiite militias"})]


def test_a_simile_names_no_side_and_protesters_turning_their_anger_is_no_event():
    events = extract(
        "October 4, 2019 at 6:15 p.m. EDT\n\nBAGHDAD — Riot police fired live ammunition at "
        "protesters in Tahrir Square on Tuesday, killing two.\n\n\"They shot at us like we were "
        "Daesh,\" said a protester.\n\nProtesters have turned their anger on Iran, chanting "
        "\"Iran out!\" in the streets of Baghdad.")
    assert [set(e.actors) for e in events] == [{"Iraqi Police", "Protesters"}]


def test_the_militia_s_sites_and_other_missiles_name_the_sides_already_told():
    events = extract(
        "Jan. 9, 2020\n\nBAGHDAD — Its leaders are scrambling to keep the two from fighting it "
        "out on Iraqi soil.\n\nKataib Hezbollah is an Iranian-backed militia.\n\nOn Dec. 29, "
        "American F-15E jets bombed three of the militia's "
        "sites near Al Qaim.\n\nIran's answer came early on Wednesday, when its Revolutionary "
        "Guards fired ballistic missiles at the Ain al-Asad air base in Anbar Province. Other "
        "missiles struck near the airport in Erbil, where coalition troops are based.")
    assert [(e.region, set(e.actors)) for e in events] == [
        ("Anbar", {"US-led coalition", "Shiite militias"}),
        ("Anbar", {"Iranian forces", "US-led coalition"}),
        ("Erbil", {"Iranian forces", "US-led coalition"})]


def test_a_tribal_hashd_backing_troops_is_the_tribes_and_rival_clans_fight_alone():
    events = extract(
        "BAGHDAD, Jan. 12, 2016 (Xinhua) -- On Tuesday, angry gunmen burnt two Sunni mosques in "
        "Muqdadiyah in apparent retaliation for the bombing, a local official said.\n\nIn Anbar, "
        "Iraqi security forces, backed by Sunni tribal fighters known as Hashd Ashaeri, on Monday "
        "cleared the area of Sijariyah, east of Ramadi, killing 17 IS militants.\n\nIn Basra, two "
        "people were killed on Monday when members of two rival tribes clashed over a land "
        "dispute in the district of al-Dair.\n\nIraqi security forces and allied paramilitary "
        "groups have since recaptured several cities and towns from the extremist militants.")
    assert [(e.region, e.event_type, set(e.actors)) for e in events] == [
        ("Diyala", "Strategic developments", {"Unidentified armed group", "Civilians"}),
        ("Anbar", "Battles", {"Iraqi Army", "Sunni tribes", "Islamic State"}),
        ("Basra", "Battles", {"Clan militias"})]


def test_strikes_across_the_border_and_the_attack_they_answered_are_no_new_event():
    events = extract(
        "BAGHDAD, March 3, 2021 (Reuters) - At least 10 rockets landed on Ain al-Asad air base on "
        "Wednesday.\n\nThe attack came less than a week after U.S. air strikes on facilities used "
        "by Iran-backed militias on the Syrian side of the border, which Washington said were "
        "retaliation for the Erbil attack.")
    assert [e.region for e in events] == ["Anbar"]


def test_protests_in_two_cities_are_two_and_a_turkish_base_hit_by_rockets_was_its_target():
    events = extract(
        "ERBIL, Iraq, July 21, 2022 (Xinhua) -- Similar protests were held on Thursday in the holy "
        "cities of Najaf and Karbala.\n\nMeanwhile, a rocket attack targeted Zilkan, a Turkish "
        "military base in Bashiqa district, on Thursday, causing no casualties.\n\nTurkey has been "
        "conducting military operations against PKK militants in northern Iraq.")
    assert [(e.region, set(e.actors)) for e in events] == [
        ("Najaf", {"Protesters"}), ("Karbala", {"Protesters"}),
        ("Nineveh", {"Turkish Armed Forces", "Unidentified armed group"})]


def test_a_summary_keeps_an_f_15_that_looks_like_a_dateline():
    (downed,) = extract(
        "SULAIMANIYAH, Iraq, Sept 28 (Reuters) - A U.S. F-15 fighter jet shot down an Iranian "
        "drone that was heading toward Erbil on Wednesday, U.S. Central Command said.")
    assert downed.summary.startswith("A U.S. F-15 fighter jet shot down an Iranian drone")


def test_a_siege_ended_by_an_advance_is_a_retaking_and_a_town_s_past_is_no_event():
    events = extract(
        "SEPT. 1, 2014\n\nAMERLI, Iraq — Iraqi soldiers and Shiite militiamen broke through the "
        "Islamic State's lines on Sunday and entered Amerli, ending a siege that had trapped some "
        "15,000 Shiite Turkmen since June.\n\nOn Monday, Iraqi forces drove the militants from "
        "Sulaiman Bek, a town to the north from which, residents said, mortars had been fired "
        "into Amerli for weeks.")
    assert [(e.date, e.sub_event_type) for e in events] == [
        (D(2014, 8, 31), "Government regains territory"),
        (D(2014, 9, 1), "Government regains territory")]


def test_a_building_still_burning_after_a_storming_dates_the_storming_and_police_answer_it():
    events = extract(
        "Sat 8 Sep 2018 13.47 BST\n\nThe gates of the Iranian consulate in Basra were still "
        "smouldering on Saturday morning, after hundreds of protesters stormed the compound on "
        "Friday night and set it alight. Police fired into the air as the crowd climbed the "
        "walls, witnesses said. \"Iran, Iran, out, out,\" the young men chanted.")
    assert [(e.date, e.event_type, set(e.actors)) for e in events] == [
        (D(2018, 9, 7), "Riots", {"Rioters", "Iraqi Police"})]


def test_a_strike_the_coalition_says_it_did_not_carry_out_and_a_town_retaken_long_ago():
    events = extract(
        "June 22, 2017\n\nMOSUL, Iraq — Amaq claimed that a U.S. airstrike had destroyed the "
        "mosque in Mosul. The U.S.-led coalition said it had not carried out strikes in the area "
        "at the time.\n\nOn Tuesday, mortar rounds fired by Islamic State fighters crashed into "
        "the Yarmouk neighborhood of Mosul, which Iraqi forces retook months ago, killing three "
        "civilians.")
    assert [(e.date, set(e.actors)) for e in events] == [
        (D(2017, 6, 20), {"Islamic State", "Civilians"})]


def test_peshmerga_and_federal_police_exchanging_fire_fight_each_other_not_is():
    (clash,) = extract(
        "KIRKUK, Iraq, Oct. 17, 2017 - Before dawn Monday, Peshmerga and Iraqi federal police, "
        "backed by Shiite militia fighters, exchanged artillery and machine-gun fire for several "
        "hours near Taza, south of Kirkuk.\n\nKurds in Erbil accused Washington of abandoning "
        "an ally that fought alongside U.S. troops against Islamic State.")
    assert set(clash.actors) == {"Peshmerga", "Iraqi Police", "Shiite militias"}


def test_a_lead_s_iraqi_forces_finding_a_grave_are_the_police_the_report_then_names():
    (grave,) = extract(
        "BAGHDAD, Nov. 8 (UPI) -- Iraqi forces found a mass grave containing about 100 bodies in "
        "a town south of Mosul, Iraqi officials said.\n\nFederal police who entered Hammam "
        "al-Alil on Monday found a mass grave at the site of an agricultural college, a police "
        "officer said.", article_date=D(2016, 11, 8))
    assert (grave.date, grave.location, "Iraqi Police" in grave.actors) == (
        D(2016, 11, 7), "Hammam al-Alil", True)


def test_a_source_named_after_according_to_is_no_victim_and_one_militia_is_the_militia():
    events = extract(
        "June 19, 2016\n\nFALLUJAH, Iraq — Shiite militiamen of the Popular Mobilization Forces "
        "surrounded Saqlawiyah. On June 3, the council said, fighters from one militia took away "
        "more than 640 men from Saqlawiyah.\n\nIraqi soldiers and Sunni tribal fighters repelled "
        "an Islamic State attack on the outskirts of Haditha on Saturday, killing 11 militants, "
        "according to a tribal leader there, Sheikh Faisal al-Jughaifi.")
    assert [(e.date, e.event_type, set(e.actors)) for e in events] == [
        (D(2016, 6, 3), "Violence against civilians", {"Shiite militias", "Civilians"}),
        (D(2016, 6, 18), "Battles", {"Iraqi Army", "Sunni tribes", "Islamic State"})]


def test_victory_declared_is_no_battle_and_elsewhere_a_repelled_attack_is_its_own():
    events = extract(
        "Published On 10 Jul 2017\n\nIraqi Prime Minister Haider al-Abadi has formally declared "
        "victory over ISIL in Mosul.\n\nGovernment forces retook the last ISIL-held streets of "
        "the Old City of Mosul on Sunday.\n\nThe US-led coalition said its aircraft on Saturday "
        "struck ISIL positions around Tal Afar, which is expected to be the next target of the "
        "ground campaign.\n\nElsewhere, Kurdish Peshmerga forces said they repelled an ISIL "
        "attack on their positions south-west of Kirkuk late on Sunday, killing five.")
    assert [(e.date, e.region, e.event_type) for e in events] == [
        (D(2017, 7, 9), "Nineveh", "Battles"),
        (D(2017, 7, 8), "Nineveh", "Explosions/Remote violence"),
        (D(2017, 7, 9), "Kirkuk", "Battles")]


def test_soldiers_fleeing_to_another_town_lost_the_city_the_militants_seized():
    (fallen,) = extract(
        "Published: May 18, 2015\n\nRAMADI, Iraq: Daesh militants seized full control of Ramadi on "
        "Sunday after government forces abandoned their positions, in the biggest defeat for "
        "Baghdad since the fall of Mosul nearly a year ago.\n\nSoldiers and police pulled out of "
        "the Anbar Operations Command headquarters and fled toward Khalidiya and the Habbaniya "
        "base.")
    assert (fallen.sub_event_type, set(fallen.actors)) == (
        "Non-state actor overtakes territory", {"Islamic State", "Iraqi Army", "Iraqi Police"})


def test_a_lead_s_protests_in_two_places_take_in_the_riot_the_body_tells_and_a_sit_in_s_plea():
    events = extract(
        "Updated 7/21/2022 6:10 PM\n\nERBIL (Kurdistan 24) – Hundreds of people took to the "
        "streets in Baghdad and in Duhok province on Thursday to protest a Turkish artillery "
        "strike on a resort.\n\nSeveral shells struck the Parakhe resort in Zakho on Wednesday "
        "afternoon, killing nine tourists.\n\nIn Baghdad, angry demonstrators gathered outside a "
        "Turkish visa center, tore down its sign and burned flags.\n\nIn Zakho, residents held a "
        "peaceful sit-in near the resort, calling on the government to put an end to the "
        "fighting in the border areas.")
    assert [(e.date, e.region, e.event_type) for e in events if e.event_type != (
        "Explosions/Remote violence")] == [
        (D(2022, 7, 21), "Baghdad", "Riots"), (D(2022, 7, 21), "Duhok", "Protests")]


def test_a_claim_s_target_is_no_side_and_one_of_two_bombings_is_no_third():
    events = extract(
        "JAN. 14, 2016\n\nBAGHDAD — The violence began on Monday evening, when a suicide bomber "
        "detonated his explosives inside a cafe in Muqdadiya. The Islamic State claimed "
        "responsibility, saying it had targeted Shiite militiamen.\n\nOn Tuesday, Shiite "
        "militiamen burned seven Sunni mosques in Muqdadiya. That same day, militiamen pulled "
        "nine Sunni men from their homes and shot them.\n\nIslamic State fighters were pushed "
        "out of most of the province a year ago by Shiite militias and the army.\n\nThe "
        "Muqdadiya attack was one of two deadly bombings on Monday. In Baghdad, a car bomb "
        "exploded outside a shopping mall, killing 12 people.")
    assert [(e.date, e.region, e.event_type, set(e.actors)) for e in events] == [
        (D(2016, 1, 11), "Diyala", "Explosions/Remote violence", {"Islamic State", "Civilians"}),
        (D(2016, 1, 12), "Diyala", "Strategic developments", {"Shiite militias", "Civilians"}),
        (D(2016, 1, 12), "Diyala", "Violence against civilians", {"Shiite militias", "Civilians"}),
        (D(2016, 1, 11), "Baghdad", "Explosions/Remote violence",
         {"Unidentified armed group", "Civilians"})]


def test_a_vigil_is_a_protest():
    (vigil,) = extract(
        "SULAIMANI, Sept. 29, 2022 — On Monday, dozens of Iranian Kurds held a peaceful vigil "
        "outside the UN compound in Erbil, calling on the international community to stand "
        "with the women of Iran.")
    assert (vigil.date, vigil.region, vigil.event_type) == (D(2022, 9, 26), "Erbil", "Protests")


def test_a_commander_s_quoted_account_names_the_units_of_the_retaking():
    (citadel,) = extract(
        "Aug 27, 2017\n\nNineveh (IraqiNews.com) – Iraqi Counter-Terrorism Service (CTS) troops "
        "on Sunday recaptured the citadel of Tal Afar from Islamic State militants.\n\n"
        "\"Counter-Terrorism forces, supported by the army's 9th Armored Division and the "
        "Federal Police, liberated the Tal Afar citadel,\" the commander said in a statement.")
    assert set(citadel.actors) == {
        "Iraqi Special Forces", "Iraqi Army", "Iraqi Police", "Islamic State"}


def test_full_control_taken_and_an_offensive_s_aim_told_in_passing_are_retakings():
    events = extract(
        "Rudaw | 18/8/2014 | 19:40\n\nERBIL, Kurdistan Region – Kurdish Peshmerga forces, "
        "supported by US airstrikes, took full control of Mosul Dam on Monday.\n\nDate of "
        "publication: 30 May, 2016\n\nIraq's elite Counter-Terrorism Service stormed the southern "
        "outskirts of Fallujah on Monday, a week into a government offensive to recapture the "
        "city from the Islamic State group.")
    assert [(e.region, e.sub_event_type) for e in events] == [
        ("Nineveh", "Government regains territory"), ("Anbar", "Government regains territory")]


def test_suspects_detained_are_arrested_and_a_claim_s_purpose_and_a_city_s_state_are_no_event():
    events = extract(
        "Rudaw | 23-10-2016 | 14:52\n\nKIRKUK – Police chief Brig. Gen. Khattab Omer said the 11 "
        "suspects were detained in raids on houses in the Rahimawa neighborhood of Kirkuk early "
        "on Sunday.\n\nISIS claimed the Kirkuk attack, saying it was meant to relieve pressure on "
        "its fighters in Mosul, where Iraqi and Kurdish forces are advancing in the offensive to "
        "retake the city.\n\nThe group has stepped up bombings in the capital.")
    assert [(e.date, e.sub_event_type) for e in events] == [(D(2016, 10, 23), "Arrests")]


def test_a_grave_found_on_a_day_told_between_commas_and_a_sign_of_anger_name_no_one_else():
    grave, riot = extract(
        "Security | 2023-03-13 12:45:00\n\nIn Nineveh, the Police Command announced that its "
        "forces had found, on Saturday, a mass grave containing the remains of 20 victims "
        "executed by Daesh in the Badush area.\n\nBasra - Angry protesters stormed the Iranian "
        "consulate in Basra on Friday night and set it ablaze, chanting \"Iran out, out,\" in the "
        "most striking sign yet of the growing anger against Tehran and its militias.")
    assert (grave.date, grave.event_type) == (D(2023, 3, 11), "Strategic developments")
    assert set(riot.actors) == {"Rioters"}


def test_rockets_at_zilkan_base_hit_turkey_s_forces_by_an_unnamed_hand():
    (rockets,) = extract(
        "ANKARA / BAGHDAD, June 24, 2022 - The Zilkan military base near Bashiqa came under rocket "
        "fire late on Tuesday, an Iraqi security source said. No group claimed responsibility.")
    assert set(rockets.actors) == {"Turkish Armed Forces", "Unidentified armed group"}


def test_villages_freed_retake_ground_and_forces_rushed_in_from_two_cities_fought_elsewhere():
    events = extract(
        "By Rudaw 22/10/2016\n\nIn a statement, the KRSC said Peshmerga units advancing north "
        "of Bashiqa on Thursday freed the villages of Tiz Khirab and Barima with the support of "
        "coalition air strikes.\n\nIn Kirkuk on Friday, Kurdish security forces, local police "
        "and Peshmerga reinforcements rushed in from Erbil and Sulaimani fought the attackers. "
        "The Peshmerga are taking part in the offensive on Mosul alongside the Iraqi army.")
    assert [(e.region, e.sub_event_type) for e in events] == [
        ("Nineveh", "Government regains territory"), ("Kirkuk", "Armed clash")]


def test_a_war_far_from_the_story_and_a_group_listed_as_terrorist_add_no_side():
    (strike,) = extract(
        "Aug. 24, 2017\n\nFar from the fight against ISIS, Turkish warplanes struck PKK positions "
        "in the Amadiya area of Duhok province on Tuesday, claiming to have neutralized eight "
        "militants. The PKK, which Ankara lists as a terrorist organization, keeps bases in the "
        "mountains.\n\nIraqi officials said ISIS militants have been torching tires to hide from "
        "surveillance aircraft.")
    assert set(strike.actors) == {"Turkish Armed Forces", "Kurdistan Workers' Party"}


def test_turkish_police_are_turkey_s_and_a_mall_in_baghdad_al_jadida_is_in_baghdad():
    events = extract(
        "01/19/16 AT 9:03 AM\n\nAnkara turned its jets on the PKK in the Zap region of Duhok on "
        "Saturday, after a wave of attacks on Turkish police and soldiers.\n\nOn Jan. 11, ISIS "
        "gunmen attacked a police checkpoint in Ramadi. Hours later the same day, gunmen stormed "
        "the Jawhara shopping mall in the Baghdad al-Jadida neighborhood; one of the attackers "
        "blew himself up inside, killing 18 people.")
    assert "Iraqi Police" not in events[0].actors
    assert [(e.region, e.sub_event_type) for e in events[2:]] == [("Baghdad", "Suicide bomb")]


def test_the_shells_of_burnt_houses_are_no_shelling_and_a_relative_who_said_is_no_attribution():
    events = extract(
        "Fri 29 Oct 2021 14.20 BST\n\nIn the village of al-Rashad, the mourning tents were still "
        "up on Friday, and in Nahr al-Imam the blackened shells of houses were still smoking.\n\n"
        "On Tuesday evening, IS gunmen attacked the village of al-Hawasha near al-Rashad, in the "
        "Muqdadiya district, killing eleven villagers.\n\nOn Thursday, the counter-terrorism "
        "service arrested four men in Baquba who it said were members of the IS cell behind the "
        "attack.")
    assert [(e.date, e.region) for e in events] == [
        (D(2021, 10, 26), "Diyala"), (D(2021, 10, 28), "Diyala")]
    assert events[1].sub_event_type == "Arrests"


def test_the_pkk_of_a_round_up_s_last_paragraph_took_no_part_near_qayyarah():
    events = extract(
        "June 19, 2016\n\nTo the north, Iraqi troops backed by coalition air strikes recaptured "
        "the village of Haj Ali, near Qayyarah, on Tuesday, according to the Iraqi military.\n\n"
        "And in Iraq's Kurdish north, Turkish warplanes bombed suspected Kurdistan Workers' Party "
        "(PKK) positions in the Zap region of Duhok province on Wednesday. The PKK did not "
        "confirm the toll.")
    assert "Kurdistan Workers' Party" not in events[0].actors


def test_a_town_islamic_state_overran_was_taken_from_the_government_s_troops():
    events = extract(
        "BAGHDAD, Oct 3 (Reuters) - Islamic State militants overran the western Iraqi town of Hit "
        "on Thursday, residents said, after days of fighting around the town. Hundreds of "
        "families fled towards Ramadi.")
    assert [(e.region, sorted(e.actors), e.sub_event_type) for e in events] == [
        ("Anbar", ["Iraqi Army", "Islamic State"], "Non-state actor overtakes territory")]


def test_a_town_the_peshmerga_lost_to_islamic_state_keeps_them_as_its_holder():
    events = extract(
        "ERBIL, Aug 3 (Reuters) - Islamic State fighters seized the town of Sinjar on Sunday after "
        "Kurdish peshmerga forces withdrew, sending thousands of Yazidis fleeing into the "
        "mountains.")
    assert [sorted(e.actors) for e in events if e.event_type == "Battles"] == [
        ["Islamic State", "Peshmerga"]]
