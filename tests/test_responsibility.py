"""who-leads, duties and actors: the library verbs, the CLI contracts, golden tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from fupin_cli.corpus import Corpus
from fupin_cli.errors import AmbiguousActor, UnknownActor
from fupin_cli.query.responsibility import (
    actor_loads,
    duties,
    hit_record,
    responsibility_matrix,
    who_leads,
)

from goldens import TABLE_ENV, check_golden

Run = Callable[..., Result]


def test_who_leads_drinking_water(corpus: Corpus) -> None:
    hits = who_leads(corpus, ["饮水安全"])
    tasks = [h for h in hits if h.kind == "task"]
    assert [(h.doc, h.ref) for h in tasks] == [
        ("yunnan-division", "一、 (一) 3. (2)"),
        ("yunnan-division", "一、 (二) 1. (6)"),
    ]
    assert all(h.lead == ("省水利厅",) for h in tasks)
    assert tasks[0].co == ("省发展改革委", "省财政厅", "省环境保护厅", "省卫生计生委")


def test_tasks_rank_before_articles_and_by_coverage(corpus: Corpus) -> None:
    hits = who_leads(corpus, ["扶贫"])
    kinds = [h.kind for h in hits]
    assert "task" in kinds and "article" in kinds
    assert kinds == sorted(kinds, key=lambda k: k != "task")
    tasks = [h.score for h in hits if h.kind == "task"]
    assert tasks == sorted(tasks, reverse=True)


def test_all_terms_must_match(corpus: Corpus) -> None:
    both = who_leads(corpus, ["饮水", "环境保护"])
    assert both == [] or all("饮水" in h.text for h in both)
    assert who_leads(corpus, ["饮水安全", "不存在的词"]) == []


@pytest.mark.parametrize(
    ("trad", "simp"),
    [("飲水安全", "饮水安全"), ("建檔立卡", "建档立卡"), ("縣級黨委和政府", "县级党委和政府")],
)
def test_traditional_and_simplified_queries_agree(corpus: Corpus, trad: str, simp: str) -> None:
    assert who_leads(corpus, [trad]) == who_leads(corpus, [simp])
    assert who_leads(corpus, [simp])


def test_articles_from_traditional_documents_match(corpus: Corpus) -> None:
    hits = who_leads(corpus, ["县级党委和政府", "主体责任"], kind="article")
    assert {h.doc for h in hits} >= {"central", "yunnan"}


def test_filters(corpus: Corpus) -> None:
    assert {h.doc for h in who_leads(corpus, ["扶贫"], doc="central")} == {"central"}
    assert {h.kind for h in who_leads(corpus, ["扶贫"], kind="article")} == {"article"}
    assert len(who_leads(corpus, ["扶贫"], limit=3)) == 3
    assert {h.doc for h in who_leads(corpus, ["扶贫"], level="county")} <= {  # type: ignore[arg-type]
        "weiyuan",
        "weiyuan-accountability",
    }


def test_who_leads_json_equals_library(run: Run, corpus: Corpus) -> None:
    result = run("who-leads", "饮水安全", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [hit_record(h) for h in who_leads(corpus, ["饮水安全"])]
    for record in json.loads(result.stdout):
        assert set(record) == {"doc", "kind", "ref", "text", "lead", "co", "responsible"}


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl"])
def test_who_leads_flat_formats(run: Run, fmt: str) -> None:
    out = run("who-leads", "饮水安全", "-f", fmt).stdout
    if fmt == "jsonl":
        rows = [json.loads(x) for x in out.splitlines()]
        assert rows[0]["lead"] == ["省水利厅"]
    else:
        delim = "\t" if fmt == "tsv" else ","
        rows_csv = list(csv.DictReader(io.StringIO(out), delimiter=delim))
        assert rows_csv[0]["co"] == "省发展改革委、省财政厅、省环境保护厅、省卫生计生委"


def test_exit_codes(run: Run) -> None:
    assert run("who-leads", "饮水安全").exit_code == 0
    result = run("who-leads", "量子计算")
    assert result.exit_code == 1 and result.stdout == ""  # like grep: nothing at all
    assert run("who-leads", "量子计算", "-f", "json").stdout.strip() == "[]"


def test_queries_from_stdin_are_tagged(run: Run) -> None:
    result = run("who-leads", "-", "-f", "jsonl", input="饮水安全\n\n量子计算\n教育\n")
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert {r["query"] for r in rows} == {"饮水安全", "教育"}
    assert result.exit_code == 0


def test_who_leads_golden_table(run: Run) -> None:
    result = run("who-leads", "饮水安全", env=TABLE_ENV)
    assert "\x1b[31m" not in result.stdout and "\x1b[1;31m" not in result.stdout  # NO_COLOR
    check_golden("who_leads_drinking_water.txt", result.stdout)


def test_who_leads_plain_output_has_no_borders(run: Run) -> None:
    out = run("who-leads", "饮水安全").stdout
    assert not any(ch in out for ch in "│─┃━")
    assert out.splitlines()[0].split()[:2] == ["document", "ref"]


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("省交通厅", "省交通运输厅"),
        ("水利厅", "省水利厅"),
        ("省水利廳", "省水利厅"),
        ("银监会云南监管局", "中国银监会云南监管局"),
        ("省发展改革委员会", "省发展改革委"),
    ],
)
def test_duties_resolves_names(corpus: Corpus, query: str, canonical: str) -> None:
    assert duties(corpus, query).actor == canonical


def test_duties_counts_roles(corpus: Corpus) -> None:
    res = duties(corpus, "省交通运输厅")
    doc = corpus.document("yunnan-division")
    assert len(res.lead) == sum("省交通运输厅" in t.lead for t in doc.tasks) > 0
    assert len(res.co) == sum("省交通运输厅" in t.co for t in doc.tasks) > 0
    # the task that wrote 省交通厅 is counted under the canonical unit
    assert any(
        "省交通厅" in (t.co_line or "") for t in doc.tasks if t.path in {h.ref for h in res.co}
    )


def test_duties_unknown_and_ambiguous(corpus: Corpus) -> None:
    with pytest.raises(UnknownActor):
        duties(corpus, "火星开发局")
    with pytest.raises(AmbiguousActor) as info:
        duties(corpus, "厅")
    assert len(info.value.candidates) > 2


def test_duties_cli_ambiguous_lists_candidates(run: Run) -> None:
    result = run("duties", "监管局")
    assert result.exit_code == 2
    assert "中国银监会云南监管局" in result.stderr


def test_duties_json_contract(run: Run, corpus: Corpus) -> None:
    result = run("duties", "省交通厅", "-f", "json")
    assert result.exit_code == 0
    (data,) = json.loads(result.stdout)  # a list, whatever the number of units
    res = duties(corpus, "省交通厅")
    assert data["actor"] == "省交通运输厅"
    assert data["lead"] == [hit_record(h, corpus) | {} for h in res.lead] or [
        {
            k: v
            for k, v in r.items()
            if k not in {"lead_current", "co_current", "responsible_current"}
        }
        for r in data["lead"]
    ] == [hit_record(h) for h in res.lead]
    assert len(data["co"]) == len(res.co) and len(data["articles"]) == len(res.articles)


def test_current_name_covers_historical_units(run: Run, corpus: Corpus) -> None:
    res = duties(corpus, "省文化和旅游厅")
    assert set(res.covers) == {"省文化厅", "省旅游发展委"}
    assert res.lead
    result = run("duties", "省乡村振兴局", "-f", "json")
    assert json.loads(result.stdout)[0]["covers"] == ["省扶贫办"]
    assert "省扶贫办" in result.stderr


def test_current_flag_shows_todays_names(run: Run) -> None:
    rows = json.loads(run("who-leads", "饮水安全", "--current", "-f", "json").stdout)
    assert "省卫生健康委" in rows[0]["co_current"]
    assert "省卫生计生委" in rows[0]["co"]


def test_duties_of_several_units_from_stdin(run: Run, corpus: Corpus) -> None:
    names = ["省交通厅", "省水利厅"]
    expected = [duties(corpus, name) for name in names]
    as_json = json.loads(run("duties", "-", "-f", "json", input="\n".join(names)).stdout)
    assert [d["actor"] for d in as_json] == ["省交通运输厅", "省水利厅"]
    assert [d["counts"]["lead"] for d in as_json] == [len(r.lead) for r in expected]
    tsv = run("duties", "-", "-f", "tsv", input="\n".join(names)).stdout.splitlines()
    table = run("duties", "-", input="\n".join(names)).stdout.splitlines()
    rows = sum(len(r.lead) + len(r.co) + len(r.articles) for r in expected)
    assert len(tsv) == rows + 1  # one header, then every unit's rows
    assert len(table) == rows + 2  # the title with both units' counts, the header, the rows
    assert table[0].startswith("省交通运输厅: leads") and "; 省水利厅: leads" in table[0]
    assert table[1].split()[:2] == ["unit", "role"]
    assert {line.split("\t")[0] for line in tsv[1:]} == {"省交通运输厅", "省水利厅"}
    one = json.loads(run("duties", "省水利厅", "-f", "json").stdout)
    assert isinstance(one, list) and one[0] == as_json[1]


def test_duties_golden_table(run: Run) -> None:
    result = run("duties", "省交通厅", env=TABLE_ENV)
    assert result.exit_code == 0
    check_golden("duties_transport.txt", result.stdout)


def test_actors_json_and_order(run: Run, corpus: Corpus) -> None:
    rows = json.loads(run("actors", "-f", "json").stdout)
    assert [r["name"] for r in rows] == [a.name for a in actor_loads(corpus)]
    assert set(rows[0]) >= {"name", "aliases", "level", "kind", "lead", "co"}
    loads = [r["lead"] + r["co"] for r in rows]
    assert loads == sorted(loads, reverse=True)
    only = json.loads(run("actors", "--doc", "central", "-f", "json").stdout)
    assert {r["name"] for r in only} >= {"县级党委和政府", "审计署"}
    assert all(r["lead"] == 0 for r in only)


def test_matrix_has_one_mark_per_named_pair(run: Run, corpus: Corpus) -> None:
    out = run("actors", "--matrix", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    tasks = {(d.id, t.path): t for d, t in corpus.all_tasks()}
    assert len(rows) == len(tasks) == 82
    units = [c for c in rows[0] if c not in ("doc", "task", "text")]
    for row in rows:
        task = tasks[(row["doc"], row["task"])]
        for unit in units:
            expected = "L" if unit in task.lead else "C" if unit in task.co else ""
            assert row[unit] == expected
        assert sum(1 for u in units if row[u]) == len(task.lead) + len(task.co)
    columns, _ = responsibility_matrix(corpus)
    assert columns[3:] == units


def test_match_is_highlighted_on_a_colour_terminal(run: Run) -> None:
    env = {"COLUMNS": "100", "FUPIN_TERMINAL": "1"}
    out = run("who-leads", "飲水安全", env=env).stdout
    assert "\x1b[1;31m饮水安全" in out or "\x1b[1;31m饮" in out
