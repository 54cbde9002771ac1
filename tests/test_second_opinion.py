"""A second analyst's labels of the same texts measure how far two careful analysts agree."""

import json

from briefings import acled
from briefings.gazetteer import DEFAULT_PATH
from tests import bench_extract

GAZETTEER = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
REGIONS = {region["name"] for region in GAZETTEER["regions"]}
ACTORS = {actor["name"] for actor in GAZETTEER["actors"]}


def _second_opinion():
    return json.loads(bench_extract.SECOND_OPINION.read_text(encoding="utf-8"))["articles"]


def test_the_second_opinion_labels_the_same_texts_with_the_same_names():
    labelled = {a.name: a for a in bench_extract.load_articles()}
    for entry in _second_opinion():
        article = labelled[entry["file"]]
        given = entry["article_date"]
        assert given == (article.article_date.isoformat() if article.article_date else None)
        for event in entry["events"]:
            assert event["region"] in REGIONS and set(event["actors"]) <= ACTORS, event
            assert event["sub_event_type"] in acled.EVENT_TYPES[event["event_type"]], event


def test_agreement_counts_each_labelled_event_once(tmp_path, monkeypatch):
    labels = json.loads((bench_extract.DATA / "labels.json").read_text(encoding="utf-8"))
    first = next(e for e in labels["articles"] if e["file"].startswith("articles/1001-"))
    changed = json.loads(json.dumps(first))
    changed["events"][0]["actors"] = ["Rioters"]  # one event told with the wrong sides
    changed["events"].append(first["events"][1])  # and one told twice
    path = tmp_path / "second.json"
    path.write_text(json.dumps({"articles": [changed]}), encoding="utf-8")
    monkeypatch.setattr(bench_extract, "SECOND_OPINION", path)
    analysts, extractor = bench_extract.agreement(bench_extract.load_articles())
    n = len(first["events"])
    assert (analysts.right, analysts.extracted, analysts.recorded) == (n - 1, n + 1, n)
    assert extractor.recorded == n and extractor.articles == 1
