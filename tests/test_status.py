"""In force or not, by when, how much, through the real CLI: status, docs --as-of, deadlines,
targets, repeals in lineage and graph, a target change in diff (issue 16)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]

OLD = """某县扶贫资金管理暂行办法

第一条 为加强扶贫资金管理，制定本办法。
第二条 县财政局负责扶贫资金管理，每季度向县政府报告。
第三条 本办法自2015年1月1日起施行，有效期三年。
"""
NEW = """某县扶贫资金管理办法

第一条 为加强扶贫资金管理，制定本办法。
第二条 县财政局负责扶贫资金管理，2018年6月底前完成清理，贫困人口减少3万人以上。
第三条 本办法自2018年3月1日起施行，原《某县扶贫资金管理暂行办法》同时废止。
"""
LOCAL = """某县扶贫资金管理办法实施细则

第一条 为加强扶贫资金管理，制定本细则。
第二条 县财政局负责扶贫资金管理，2018年6月底前完成清理，贫困人口减少5万人以上。
第三条 本细则自2018年5月1日起施行。
"""


def _tsv(result: Result) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))


@pytest.mark.parametrize(
    ("as_of", "status", "source"),
    [
        ("2016-10-01", "not_yet_in_force", "central 第二十九条"),
        ("2016-10-12", "in_force", "http://crnews.net/323/43068_20161017082903.html"),
        ("2017-03-01", "in_force", "yunnan 第一條"),
        ("2017-05-26", "in_force", "yunnan 第一條"),
        ("2017-05-27", "unknown", "yunnan 第一條"),
    ],
)
def test_status_of_central(run: Run, as_of: str, status: str, source: str) -> None:
    result = run("status", "central", "--as-of", as_of, "-f", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["status"] == status
    assert found["source"].startswith(source)
    assert found["basis"]


def test_status_without_a_date_is_today_and_never_guessed(run: Run) -> None:
    found = json.loads(run("status", "中央", "-f", "json").stdout)
    assert found["status"] == "unknown"  # no source says whether it was repealed
    assert "本办法自2016年10月11日起施行" in found["basis"]


def test_status_errors(run: Run) -> None:
    bad = run("status", "central", "--as-of", "2017-13-01")
    assert bad.exit_code == 2
    unknown = run("status", "nowhere")
    assert unknown.exit_code != 0 and "nowhere" in unknown.output


def test_docs_as_of(run: Run) -> None:
    rows = _tsv(run("docs", "--as-of", "2017-01-01", "-f", "tsv"))
    by_id = {r["doc"]: r for r in rows}
    assert by_id["central"]["status"] == "in_force"
    assert "yunnan" not in by_id  # it took effect on 2017-05-26
    assert by_id["weiyuan-accountability"]["provisional"] == "暂行"
    assert {r["status"] for r in rows} <= {"in_force", "unknown"}
    before_all = run("docs", "--as-of", "2015-01-01")
    assert before_all.exit_code == 1


def test_deadlines_filters(run: Run) -> None:
    rows = _tsv(run("deadlines", "--before", "2018-01-01", "-f", "tsv"))
    assert rows and all(r["due"] <= "2018-01-01" for r in rows)
    assert {"2016年", "到2017年年末"} <= {r["deadline"] for r in rows}
    after = _tsv(run("deadlines", "--after", "2019-06-01", "--doc", "heilongjiang", "-f", "tsv"))
    assert {r["deadline"] for r in after} == {"到2019年年末", "到2020年", "2020年", "到2019年"}
    mine = _tsv(run("deadlines", "--actor", "省扶贫办", "-f", "tsv"))
    assert mine and all(
        "省扶贫办" in r["lead"] + r["co"] + r["responsible"] + r["actors"] for r in mine
    )
    assert run("deadlines", "--before", "2000-01-01").exit_code == 1


def test_targets_topic_and_units(run: Run) -> None:
    rows = _tsv(run("targets", "森林覆盖率", "-f", "tsv"))
    assert [r["quantity"] for r in rows] == ["60%以上", "43%以上", "75%以上", "42%以上"]
    assert all(r["lead"] == "省林业厅" and r["comparison"] == "at_least" for r in rows)
    # a traditional-script document answers a simplified query
    poor = _tsv(run("targets", "贫困人口", "--doc", "heilongjiang", "-f", "tsv"))
    assert {"211萬", "80萬"} <= {r["quantity"] for r in poor}
    assert run("targets", "不存在的指标").exit_code == 1


@pytest.fixture()
def repealing(tmp_path: Path, run: Run) -> Path:
    for name, text in (("old.txt", OLD), ("new.txt", NEW), ("local.txt", LOCAL)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "data"
    result = run("ingest", *(str(tmp_path / n) for n in ("old.txt", "new.txt", "local.txt")),
                 "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    return out


def test_repeals_in_lineage_graph_and_status(run: Run, repealing: Path) -> None:
    data = ("--data", str(repealing))
    mine = _tsv(run("lineage", "new", "-f", "tsv", *data))
    assert [(r["id"], r["relation"], r["label"]) for r in mine] == [("old", "repeals", "第三条")]
    theirs = _tsv(run("lineage", "old", "-f", "tsv", *data))
    assert [(r["id"], r["relation"]) for r in theirs] == [("new", "repealed_by")]
    graph = json.loads(run("graph", "-f", "json", *data).stdout)
    edge = next(e for e in graph["edges"] if e["relation"] == "repeals")
    assert (edge["source"], edge["target"]) == ("new", "old")
    assert edge["eli"].endswith("#repeals")
    assert not any(e["relation"] == "cites" and e["target"] == "old" for e in graph["edges"])

    def status(as_of: str) -> dict[str, str]:
        return dict(json.loads(run("status", "old", "--as-of", as_of, "-f", "json", *data).stdout))

    assert status("2014-12-31")["status"] == "not_yet_in_force"
    assert status("2016-06-01")["status"] == "in_force"  # within its stated three years
    assert status("2016-06-01")["expires"] == "2017-12-31"
    assert status("2018-01-15")["status"] == "expired"
    repealed = status("2018-03-01")
    assert repealed["status"] == "repealed" and repealed["source"] == "new 第三条"
    assert "同时废止" in repealed["basis"]


def test_a_changed_figure_is_a_target_change(run: Run, repealing: Path) -> None:
    result = run("diff", "new", "local", "-f", "json", "--data", str(repealing))
    changes = [c for p in json.loads(result.stdout)["pairs"] for c in p["changes"]]
    assert {"kind": "target", "left": "贫困人口减少 3万人以上",
            "right": "贫困人口减少 5万人以上"} in changes  # fmt: skip
