"""A sealed round is measured by the same comparison as the bench, and its rows can be written."""

import json
import shutil

from tests import bench_extract, measure_round


def _round_of(tmp_path, names):
    labels = json.loads((bench_extract.DATA / "labels.json").read_text(encoding="utf-8"))
    entries = [dict(e, split="held_out") for e in labels["articles"] if e["file"] in names]
    (tmp_path / "articles").mkdir()
    for entry in entries:
        shutil.copy(bench_extract.DATA / entry["file"], tmp_path / entry["file"])
    (tmp_path / "labels.json").write_text(json.dumps({"articles": entries}), encoding="utf-8")
    return entries


NAMES = ("articles/612-baghdadtoday-amarah-activist-killed.txt",
         "articles/620-ina-dhiqar-muthanna-basra-security.txt")


def test_a_round_counts_what_the_bench_counts(tmp_path, capsys):
    _round_of(tmp_path, NAMES)
    articles = [a for a in bench_extract.load_articles() if a.name in NAMES]
    expected = bench_extract.score(articles)
    counts, scored, rows = measure_round.measure(tmp_path)
    assert (counts["right"], counts["proposed"], counts["recorded"]) == (
        expected.right, expected.extracted, expected.recorded)
    assert sum(right for _, right in scored) == expected.right and rows == []
    measure_round.main([str(tmp_path)])
    assert f"{expected.right} right of {expected.extracted} proposed" in capsys.readouterr().out


def test_rows_name_the_commit_and_carry_the_fields_the_confidence_model_learns_from(tmp_path):
    _round_of(tmp_path, NAMES)
    out = tmp_path / "rows.jsonl"
    measure_round.main([str(tmp_path), "--rows", str(out), "--by", "abc1234"])
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {row["extracted_by"] for row in rows} == {"abc1234"}
    assert {row["file"] for row in rows} == set(NAMES)
    assert set(measure_round.ROW_FIELDS) <= set(rows[0])
