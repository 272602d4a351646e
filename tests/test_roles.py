"""Roles and units of documents nobody curated (issue 12, sections 1 and 3), through the CLI.

A data folder is made with `fupin ingest` from hand-written plans: a city plan with inline
assignments (lead, responsible and co-operating units, generic holders, units the registry
does not know) and a Sichuan plan whose 省发展改革委员会 must not become Yunnan's unit.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from fupin_cli.cli.app import app
from fupin_cli.corpus import Corpus
from fupin_cli.query.responsibility import actor_loads

ASSETS = Path(__file__).parent / "assets"

SICHUAN = "\n".join(
    [
        "四川省某某产业帮扶行动方案",
        "一、重点任务",
        "（一）发展特色产业。（牵头单位：省发展改革委员会；配合单位：省农业农村厅）",
        "（二）做好消费帮扶。（省商务厅牵头，各市（州）人民政府配合）",
    ]
)


def fupin(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env={"FUPIN_DATA": "", **(env or {})})


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("roles")
    src = root / "src"
    src.mkdir()
    shutil.copy(ASSETS / "city_plan_inline.txt", src / "nanchuan.txt")
    (src / "sichuan.txt").write_text(SICHUAN, encoding="utf-8")
    out = root / "data"
    result = fupin("ingest", str(src), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def test_who_leads_shows_all_three_roles(data: Path) -> None:
    result = fupin("who-leads", "低收入人口", "--data", str(data), "-f", "json")
    assert result.exit_code == 0, result.stderr
    (hit,) = json.loads(result.stdout)
    assert (hit["lead"], hit["responsible"], hit["co"]) == (
        [],
        ["市民政局", "各区、县级市人民政府"],
        [],
    )
    table = fupin("who-leads", "低收入人口", "--data", str(data))
    assert "responsible" in table.stdout.splitlines()[0]


def test_duties_finds_a_unit_the_registry_does_not_know_under_its_name(data: Path) -> None:
    result = fupin("duties", "市民政局", "--data", str(data), "-f", "json")
    assert result.exit_code == 0, result.stderr
    (res,) = json.loads(result.stdout)
    assert res["actor"] == "市民政局"
    assert res["counts"] == {"lead": 0, "responsible": 1, "co": 1, "articles": 0}
    table = fupin("duties", "市民政局", "--data", str(data))
    assert "市民政局: leads 0, responsible for 1, co-operates on 1" in table.stdout


def test_duties_finds_a_generic_holder_as_written(data: Path) -> None:
    (res,) = json.loads(fupin("duties", "各有关单位", "--data", str(data), "-f", "json").stdout)
    assert [h["ref"] for h in res["co"]] == ["二、 （五） 财政支持"]


def test_a_yunnan_alias_never_renames_a_unit_of_another_province(data: Path) -> None:
    (res,) = json.loads(
        fupin("duties", "省发展改革委员会", "--data", str(data), "-f", "json").stdout
    )
    assert [(h["doc"], h["lead"]) for h in res["lead"]] == [("sichuan", ["省发展改革委员会"])]
    actors = fupin("actors", "--data", str(data), "-f", "json")
    rows = {r["name"]: r for r in json.loads(actors.stdout)}
    assert "省发展改革委" not in rows  # the Yunnan unit carries nothing here
    assert (rows["省发展改革委员会"]["kind"], rows["省发展改革委员会"]["lead"]) == (
        "unregistered",
        1,
    )


def test_actors_with_data_lists_the_units_of_its_documents(data: Path) -> None:
    result = fupin("actors", "--data", str(data), "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert set(rows) >= {"市财政局", "市民政局", "各有关单位", "各市（州）人民政府"}
    assert rows["各有关单位"]["kind"] == "generic"
    assert rows["市民政局"]["responsible"] == 1
    # no unit of the bundled registry that these documents never name
    assert "省扶贫办" not in rows and all(
        r["lead"] + r["responsible"] + r["co"] + r["articles"] for r in rows.values()
    )


def test_the_bundled_registry_is_listed_whole_without_data(corpus: Corpus) -> None:
    rows = json.loads(fupin("actors", "-f", "json").stdout)
    assert [r["name"] for r in rows if r["kind"] not in ("unregistered", "generic")] == [
        a.name for a in actor_loads(corpus)
    ]
    assert len(rows) == len(corpus.actors)
    assert all("responsible" in r for r in rows)


def test_the_matrix_marks_lead_responsible_and_co(data: Path) -> None:
    result = fupin("actors", "--matrix", "--data", str(data), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    row = next(r for r in table if r["task"] == "二、 （二）")
    assert (row["市民政局"], row["各区、县级市人民政府"]) == ("R", "R")
    row = next(r for r in table if r["task"] == "二、 （一）")
    assert (row["市乡村振兴局"], row["市民政局"]) == ("L", "C")


def test_prose_never_makes_a_unit_of_a_word_that_contains_one(data: Path) -> None:
    result = fupin("who-leads", "中央", "--data", str(data), "-f", "json")
    for hit in json.loads(result.stdout or "[]"):
        assert "中央" not in hit["lead"]


def test_show_a_task_names_its_roles(data: Path) -> None:
    result = fupin("show", "nanchuan", "二、 （四） [1]", "--data", str(data), "-f", "json")
    assert result.exit_code == 0, result.stderr
    task = json.loads(result.stdout)
    assert (task["lead"], task["lead_word"], task["co"]) == (
        ["市委组织部（人才办）"],
        "牵头",
        ["市农业农村局", "市人力资源社会保障局"],
    )


def test_the_text_under_a_heading_is_searchable(data: Path) -> None:
    result = fupin("search", "人民为中心", "--data", str(data), "-f", "json")
    assert result.exit_code == 0, result.stderr
    (hit,) = json.loads(result.stdout)
    assert (hit["doc"], hit["kind"], hit["ref"]) == ("nanchuan", "section", "一、")


def test_a_document_is_named_by_its_title_in_either_script(data: Path) -> None:
    # an ingested document's id is made up (doc-…, or the file's name); a reader names it by
    # its title, as printed or in the other script
    for name in ("四川省某某产业帮扶行动方案", "四川省某某產業幫扶行動方案"):
        result = fupin("show", name, "--data", str(data), "-f", "json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["id"] == "sichuan"
