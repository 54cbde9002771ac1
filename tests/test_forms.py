"""The /addevent form: what admins type, what gets stored, and what is refused."""

from __future__ import annotations

import datetime as dtm

import pytest

from briefings.forms import parse_form, validate

TODAY = dtm.date(2026, 11, 24)

RAMADI_FORM = """
date: 2015-01-21
region: Anbar
location: Ramadi
actors: Islamic State, Iraqi Army, Sunni tribes
type: Explosions/Remote violence
fatalities: 0
source: Yahoo
summary: Islamic State attacked Ramadi with seven car bombs; the attack was repelled.
"""


def check(text, gazetteer, **kw):
    raw, errors = parse_form(text)
    result = validate(raw, gazetteer, TODAY, **kw)
    return result, errors + result.errors


def test_the_documented_form_is_accepted(gazetteer):
    result, errors = check(RAMADI_FORM, gazetteer)
    assert errors == []
    assert result.values == {
        "date": dtm.date(2015, 1, 21),
        "region": "Anbar",
        "location": "Ramadi",
        "actors": ("Islamic State", "Iraqi Army", "Sunni tribes"),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": None,
        "fatalities": 0,
        "sources": ("Yahoo",),
        "summary": "Islamic State attacked Ramadi with seven car bombs; the attack was repelled.",
    }


def test_spellings_are_normalised_through_the_gazetteer(gazetteer):
    result, errors = check(
        "region: Al-Anbar\nlocation: al-Ramadi\nactors: ISIS; tribal fighters, Daesh\n"
        "summary: x", gazetteer,
    )
    assert errors == []
    assert result.values["region"] == "Anbar"
    assert result.values["location"] == "Ramadi"
    assert result.values["actors"] == ("Islamic State", "Sunni tribes")


def test_a_town_given_as_region_leads_to_its_governorate(gazetteer):
    result, errors = check("region: Ramadi\nactors: ISIS\nsummary: x", gazetteer)
    assert errors == []
    assert (result.values["region"], result.values["location"]) == ("Anbar", "Ramadi")


def test_a_sub_type_alone_sets_its_type(gazetteer):
    result, _ = check("region: Anbar\nactors: ISIS\ntype: air/drone strike\nsummary: x", gazetteer)
    assert result.values["event_type"] == "Explosions/Remote violence"
    assert result.values["sub_event_type"] == "Air/drone strike"


def test_every_problem_is_reported_by_field_name(gazetteer):
    _, errors = check(
        "date: 2015-02-30\nregion: Atlantis\nactors: ISIS\nfatalities: many\n"
        "colour: red\nsummary: x",
        gazetteer,
    )
    assert {e.field for e in errors} == {"date", "region", "fatalities", "colour"}


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ("actors: ISIS\nsummary: x", "region"),
        ("region: Anbar\nsummary: x", "actors"),
        ("region: Anbar\nactors: ISIS", "summary"),
        ("region: Anbar\nactors: ISIS\nsummary:", "summary"),
        ("region: Anbar\nactors: ISIS\nsummary: x\ndate: 2099-01-01", "date"),
        ("region: Anbar\nactors: ISIS\nsummary: x\nfatalities: -3", "fatalities"),
        ("region: Anbar\nactors: ISIS\nsummary: x\nfatalities: 2.5", "fatalities"),
        ("region: Anbar\nactors: ISIS\nsummary: x\ntype: Skirmish", "type"),
        ("region: Anbar\nactors: ISIS\nsummary: " + "y" * 601, "summary"),
        ("region: Anbar\nlocation: Mosul\nactors: ISIS\nsummary: x", "location"),
        ("region: Anbar\nactors: ISIS\nsummary: x\nregion: Diyala", "region"),
        ("region: Anbar\nactors: ISIS\ntype: Battles\nsubtype: Air/drone strike\nsummary: x",
         "subtype"),
    ],
)
def test_invalid_forms_name_the_field(form, field, gazetteer):
    _, errors = check(form, gazetteer)
    assert field in {e.field for e in errors}


def test_summary_may_continue_on_following_lines(gazetteer):
    result, errors = check("region: Anbar\nactors: ISIS\nsummary: First line\nsecond line.",
                           gazetteer)
    assert errors == []
    assert result.values["summary"] == "First line second line."


def test_control_characters_become_single_spaces(gazetteer):
    result, _ = check("region: Anbar\nactors: ISIS\nsummary: a\x00b\x07  c", gazetteer)
    assert result.values["summary"] == "a b c"


def test_unknown_actors_are_kept_as_written_with_a_note(gazetteer):
    result, errors = check("region: Anbar\nactors: Jaish al-Mahdi\nsummary: x", gazetteer)
    assert errors == []
    assert result.values["actors"] == ("Jaish al-Mahdi",)
    assert any("Jaish al-Mahdi" in note for note in result.notes)


def test_an_edit_changes_only_the_given_fields(gazetteer, sample_log):
    event = sample_log.get("ramd21")
    result, errors = check("fatalities: 12", gazetteer, base=event)
    assert errors == []
    assert result.values == {"fatalities": 12}


def test_an_edit_checks_the_location_against_the_stored_region(gazetteer, sample_log):
    event = sample_log.get("ramd21")
    _, errors = check("location: Tikrit", gazetteer, base=event)
    assert [e.field for e in errors] == ["location"]


def test_a_governorate_given_as_location_is_not_mistaken_for_a_distant_town(gazetteer):
    result, errors = check("region: Diyala\nlocation: Diyala Province\nactors: ISIS\nsummary: x",
                           gazetteer)
    assert errors == []
    assert result.values["region"] == "Diyala"
