"""The foundation commands through the real entry point: docs, show, validate, errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from fupin_cli import __version__
from fupin_cli.corpus import Corpus
from fupin_cli.query.documents import article_record, document_summaries

Run = Callable[..., Result]
FORMATS = ["table", "json", "jsonl", "tsv", "csv"]


def test_version_and_help(run: Run) -> None:
    assert run("--version").stdout.strip() == f"fupin {__version__}"
    result = run("--help")
    assert result.exit_code == 0
    for command in ("docs", "show", "who-leads", "duties", "actors", "validate", "ingest"):
        assert command in result.stdout


def test_docs_json_contract(run: Run, corpus: Corpus) -> None:
    result = run("docs", "-f", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows == document_summaries(corpus)
    assert [r["id"] for r in rows] == [
        "central",
        "yunnan-division",
        "yunnan",
        "heilongjiang",
        "weiyuan",
        "weiyuan-accountability",
    ]
    central = rows[0]
    assert {k: central[k] for k in ("level", "region", "articles", "tasks")} == {
        "level": "central",
        "region": "全国",
        "articles": 29,
        "tasks": 0,
    }
    assert "中" in result.stdout  # Chinese unescaped


@pytest.mark.parametrize("fmt", FORMATS)
def test_docs_every_format(run: Run, fmt: str) -> None:
    result = run("docs", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    if fmt == "jsonl":
        assert len([json.loads(x) for x in out.splitlines()]) == 6
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(out)))) == 7
    elif fmt == "tsv":
        assert out.splitlines()[0].split("\t")[:3] == ["id", "title", "level"]
    elif fmt == "table":
        assert "yunnan-division" in out and "│" not in out and "\x1b[" not in out


def test_no_headers(run: Run) -> None:
    assert run("docs", "-f", "tsv", "--no-headers").stdout.splitlines()[0].startswith("central")


@pytest.mark.parametrize("ref", ["14", "第十四条", "十四"])
def test_show_article_json_contract(run: Run, corpus: Corpus, ref: str) -> None:
    result = run("show", "central", ref, "-f", "json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    doc = corpus.document("central")
    assert record == article_record(doc, doc.article(14))  # type: ignore[arg-type]
    assert {k: record[k] for k in ("doc", "no", "label")} == {
        "doc": "central",
        "no": 14,
        "label": "第十四条",
    }
    assert record["text"].startswith("县级党委和政府承担脱贫攻坚主体责任")
    assert record["actors"] == ["县级党委和政府"]


@pytest.mark.parametrize(
    ("doc", "ref", "label"),
    [
        ("heilongjiang", "(十四)", "(十四)"),
        ("heilongjiang", "（十四）", "(十四)"),
        ("yunnan", "第十四條", "第十四 條"),
        ("yunnan", "14", "第十四 條"),
        ("云南实施细则", "3", "第三條"),
        ("yunnan-division", "(二)", "(二)"),
    ],
)
def test_show_reference_forms(run: Run, doc: str, ref: str, label: str) -> None:
    result = run("show", doc, ref, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["label"] == label


def test_show_task_by_path(run: Run) -> None:
    result = run("show", "yunnan-division", "(一) 3. (2)", "-f", "json")
    assert result.exit_code == 0, result.stderr
    task = json.loads(result.stdout)
    assert task["path"] == "一、 (一) 3. (2)"
    assert task["lead"] == ["省水利厅"]


def test_show_whole_document_has_every_text(run: Run, corpus: Corpus) -> None:
    for doc in corpus.documents:
        result = run("show", doc.id, "-f", "json")
        assert result.exit_code == 0
        assert json.loads(result.stdout) == doc.model_dump(mode="json", by_alias=True)
    table = run("show", "weiyuan").stdout
    assert "第九条" in table and "镇党委、政府承担脱贫攻坚主体责任" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "yunan"), 'unknown document "yunan"; did you mean yunnan'),
        (("show", "central", "99"), 'unknown reference "99"'),
        (("show", "central", "第九十九条"), "central has 29 articles"),
        (("duties", "不存在的单位"), 'unknown actor "不存在的单位"'),
        (("docs", "--data", "/nonexistent/folder"), "does not exist"),
    ],
)
def test_errors_exit_2_with_one_sentence(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2(run: Run) -> None:
    assert run("docs", "-f", "xml").exit_code == 2
    assert run("who-leads", "饮水", "--kind", "row").exit_code == 2


def test_validate_bundled_data_is_clean(run: Run) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert "no problems" in result.stderr


def test_validate_reports_file_line_and_field(run: Run, tmp_path: Path, policies_dir: Path) -> None:
    good = (policies_dir / "central.yaml").read_text(encoding="utf-8")
    bad = good.replace("level: central", "level: galaxy").replace("short_title:", "short_titel:")
    (tmp_path / "central.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    level_line = next(i for i, x in enumerate(bad.splitlines(), 1) if x == "level: galaxy")
    assert any(x.startswith(f"{tmp_path / 'central.yaml'}:{level_line}: level:") for x in lines)
    assert any("short_titel" in x for x in lines)
    assert any(x.startswith(f"{tmp_path / 'broken.yaml'}:") and "invalid YAML" in x for x in lines)
    # query commands refuse the same folder with one sentence, not a traceback
    result = run("docs", "--data", str(tmp_path))
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_data_option_and_environment(run: Run, tmp_path: Path, policies_dir: Path) -> None:
    (tmp_path / "central.yaml").write_text(
        (policies_dir / "central.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    rows = json.loads(run("docs", "-f", "json", "--data", str(tmp_path)).stdout)
    assert [r["id"] for r in rows] == ["central"]
    rows = json.loads(run("docs", "-f", "json", env={"FUPIN_DATA": str(tmp_path)}).stdout)
    assert [r["id"] for r in rows] == ["central"]


def test_module_entry_point_and_broken_pipe() -> None:
    cmd = [sys.executable, "-m", "fupin_cli", "show", "yunnan-division", "-f", "jsonl"]
    proc = subprocess.run(
        f"{' '.join(cmd)} | head -1", shell=True, capture_output=True, text=True, check=False
    )
    assert proc.stdout.count("\n") == 1
    assert "Error" not in proc.stderr and "BrokenPipe" not in proc.stderr


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "args",
    [
        ("show", "central"),
        ("show", "yunnan", "14"),
        ("show", "yunnan-division", "(二) 7."),
        ("who-leads", "建档立卡"),
        ("duties", "县级党委和政府"),
        ("actors",),
        ("actors", "--matrix"),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, tuple) else a,
)
def test_every_command_in_every_format(run: Run, args: tuple[str, ...], fmt: str) -> None:
    result = run(*args, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.strip()
    if fmt == "json":
        json.loads(out)
    elif fmt == "jsonl":
        assert all(isinstance(json.loads(x), dict) for x in out.splitlines())
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len({len(r) for r in rows}) == 1
    elif fmt == "tsv":
        assert len({x.count("\t") for x in out.splitlines()}) == 1
    assert "\x1b[" not in out
