"""The confidence of a proposed event: a probability learned from unseen text, shipped as
trained, and better than the rules' own doubts at telling right proposals from wrong ones."""

import json

import pytest

from briefings.extraction.likelihood import WEIGHTS, features, likelihoods
from tests.train_likelihood import auc, load_examples, probability, train


@pytest.fixture(scope="module")
def examples():
    return load_examples()


def test_the_shipped_weights_are_what_the_committed_rows_train(examples):
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert shipped["trained_on"] == len(examples)
    assert shipped["weights"] == pytest.approx(train(examples), abs=2e-4)


# The first round whose rows carry the shipped model's confidence: earlier rows carry the
# confidence the rules' own doubts gave, the baseline the model has to beat.
MODEL_SHIPPED = "8c9364a"


def test_a_model_trained_on_earlier_rounds_ranks_later_rounds_better_than_the_rules(examples):
    rounds = list(dict.fromkeys(e.round for e in examples))
    earlier, later = set(rounds[:7]), rounds[7:]  # 7 rounds to learn from, the rest unseen
    weights = train([e for e in examples if e.round in earlier])
    tested = [e for e in examples if e.round in later]
    learned = [(probability(weights, e.found), e.right) for e in tested]
    assert auc(learned) > 0.65  # 0.67 over the 17 later rounds of 24
    doubted = set(later[:later.index(MODEL_SHIPPED)])  # rounds the rules' doubts scored
    against_rules = [e for e in tested if e.round in doubted]
    assert auc((probability(weights, e.found), e.right) for e in against_rules) > \
        auc((e.guess_score, e.right) for e in against_rules) + 0.05  # 0.73 against 0.65
    likely = [right for p, right in learned if p >= 0.7]
    unlikely = [right for p, right in learned if p < 0.4]
    assert sum(likely) / len(likely) > sum(unlikely) / len(unlikely) + 0.3


def _candidate(**fields):
    base = {"date": "2016-04-12", "region": "Anbar", "location": "Haditha",
            "actors": ["Islamic State", "Iraqi Army"], "event_type": "Explosions/Remote violence",
            "sub_event_type": "Suicide bomb", "fatalities": 4, "confidence": 1.0,
            "evidence": ["A suicide bomber hit an army checkpoint near Haditha, killing four."]}
    return base | fields


def test_an_event_told_twice_is_less_likely_the_second_time():
    other = _candidate(date="2016-04-10", region="Nineveh", location="Bashiqa",
                       evidence=["A car bomb hit a Peshmerga post near Bashiqa."])
    (_, after_another), (_, told_again) = (likelihoods([other, _candidate()]),
                                           likelihoods([_candidate(), _candidate()]))
    assert 0 < told_again < after_another < 1
    assert "told-before" in features([_candidate(), _candidate()], 1)


def test_a_background_sentence_is_rated_below_the_news_it_frames():
    news, background = likelihoods([
        _candidate(),
        _candidate(date="2016-04-13", location=None, sub_event_type="Other", fatalities=None,
                   event_type="Strategic developments", actors=["Islamic State"],
                   evidence=["The militants have controlled the town since 2014."]),
    ])
    assert background < news
