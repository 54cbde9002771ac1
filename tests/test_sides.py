"""The sides of a proposed event, settled by models learned from unseen text: shipped as
trained, better than the rules alone on rounds they did not learn from, and kept from the
mistakes a reader would see at once."""

import datetime as dtm
import json

import pytest

import briefings.extraction.sides as sides
from briefings.extract import extract_events
from briefings.extraction.sides import WEIGHTS, learned_sides
from briefings.gazetteer import default_gazetteer
from tests.train_sides import examples_of, load_articles, train_sides

SURE_NOT = -9.0  # a bias that makes a model all but certain the actor took no part
SURE = 9.0


@pytest.fixture(scope="module")
def articles():
    return load_articles()


@pytest.fixture(scope="module")
def examples(articles):
    return examples_of(articles)


def test_the_shipped_weights_are_what_the_committed_rows_train(examples):
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    trained = train_sides(examples)
    assert shipped["trained_on"] * len(trained) == len(examples)
    assert set(shipped["actors"]) == set(trained)
    for actor, weights in trained.items():
        assert shipped["actors"][actor] == pytest.approx(weights, abs=2e-4)


def test_models_trained_on_earlier_rounds_make_more_of_later_rounds_right(articles, examples):
    rounds = list(dict.fromkeys(a.round for a in articles))
    earlier = set(rounds[:7])  # 7 rounds to learn from, 6 by other authors to be tested on
    weights = train_sides([e for e in examples if e.round in earlier])
    tested = [a for a in articles if a.round not in earlier]
    gazetteer = default_gazetteer()
    by_rules = sum(a.right([c["actors"] for c in a.candidates]) for a in tested)
    learned = sum(a.right(learned_sides(a.candidates, a.text, gazetteer, weights))
                  for a in tested)
    assert learned >= by_rules + 10


def _candidate(actors, event_type="Battles", evidence="Iraqi troops fought IS in Baiji."):
    return {"date": "2016-04-12", "region": "Saladin", "location": "Baiji",
            "actors": list(actors), "event_type": event_type, "sub_event_type": "Armed clash",
            "fatalities": None, "confidence": 1.0, "evidence": [evidence]}


def _sides(candidate, weights, settled=None):
    (found,) = learned_sides([candidate], " ".join(candidate["evidence"]), default_gazetteer(),
                             {actor: {"bias": bias} for actor, bias in weights.items()},
                             [settled] if settled is not None else None)
    return found


def test_an_actor_its_model_is_sure_of_is_added_after_the_rules_own():
    assert _sides(_candidate(["Iraqi Army", "Islamic State"]), {"Shiite militias": SURE}) == [
        "Iraqi Army", "Islamic State", "Shiite militias"]


def test_an_actor_its_model_is_sure_took_no_part_is_dropped_in_the_rules_order():
    candidate = _candidate(["Iraqi Police", "Iraqi Army", "Islamic State"])
    assert _sides(candidate, {"Iraqi Army": SURE_NOT}) == ["Iraqi Police", "Islamic State"]


def test_a_model_in_doubt_leaves_the_rules_choice():
    candidate = _candidate(["Iraqi Police", "Iraqi Army", "Islamic State"])
    assert _sides(candidate, {"Iraqi Army": 0.0, "Peshmerga": 0.0}) == candidate["actors"]


def test_those_the_evidence_names_as_killed_stay():
    bomb = _candidate(["Unidentified armed group", "Iraqi Police", "Iraqi Army"],
                      "Explosions/Remote violence",
                      "A roadside bomb killed three soldiers and two policemen near Tarmiya.")
    assert _sides(bomb, {"Iraqi Army": SURE_NOT}) == bomb["actors"]


def test_a_battle_keeps_both_its_sides_and_an_event_its_two_actors():
    fight = _candidate(["Iraqi Army", "Shiite militias", "Unidentified armed group"])
    assert _sides(fight, {"Unidentified armed group": SURE_NOT}) == fight["actors"]
    strike = _candidate(["US-led coalition", "Islamic State"], "Explosions/Remote violence",
                        "Coalition jets struck an IS convoy near Baiji.")
    assert _sides(strike, {"Islamic State": SURE_NOT}) == strike["actors"]


def test_an_actor_a_rule_settled_from_the_evidence_is_left_alone():
    candidate = _candidate(["Iraqi Police", "Iraqi Army", "Islamic State"])
    assert _sides(candidate, {"Iraqi Army": SURE_NOT}, settled={"Iraqi Army"}) == \
        candidate["actors"]


def test_extraction_gives_the_sides_the_shipped_models_settle(monkeypatch):
    text = ("Iraqi and US-led coalition aircraft struck columns of Islamic State fighters "
            "fleeing Fallujah on Wednesday. Police and army units fought IS in Ramadi on "
            "Thursday.")
    monkeypatch.setattr(sides, "shipped_weights", lambda: {
        "Iraqi Army": {"bias": SURE_NOT}, "Peshmerga": {"bias": SURE}})
    strike, fight = extract_events(text, article_date=dtm.date(2016, 3, 10))
    # the rule that reads "Iraqi ... aircraft" settled the army; nothing settled the fight's
    assert set(strike.actors) == {"Iraqi Army", "US-led coalition", "Islamic State", "Peshmerga"}
    assert set(fight.actors) == {"Iraqi Police", "Islamic State", "Peshmerga"}
