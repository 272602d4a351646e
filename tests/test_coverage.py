"""Honest coverage (issue 12, section 4): what ingest and validate say a reading missed.

`fupin ingest` takes files and folders, prints one summary line per document and a warning
for what it could not place; `fupin validate DIR` reports the same, `--strict` fails on it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from fupin_cli.cli.app import app
from fupin_cli.corpus import ActorRegistry
from fupin_cli.coverage import findings, summary
from fupin_cli.datafolder import ACTORS_FILE, bundled_data_dir
from fupin_cli.ingest.parse import parse_text
from fupin_cli.loader import load_actors
from fupin_cli.models import Document

ASSETS = Path(__file__).parent / "assets"
ROOT = Path(__file__).resolve().parent.parent


def fupin(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"FUPIN_DATA": ""})


REGISTRY = ActorRegistry(load_actors(bundled_data_dir() / ACTORS_FILE))


def doc_of(text: str) -> Document:
    (draft,) = parse_text(text, source="t.txt", registry=REGISTRY)
    return draft.document


def messages(text: str) -> list[str]:
    return [f.message for f in findings(doc_of(text))]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "某某方案\n一、任务\n（一）做好工作。",
            "level unknown: no issuer, place or central body is named; "
            "give --level and --region to fupin ingest",
            id="unknown-level",
        ),
        pytest.param(
            "某县办法\n第一条 甲。\n第三条 乙。",
            "第三条 skips after 第一条",
            id="article-skips",
        ),
        pytest.param(
            "某县办法\n第一条 甲。\n第二条 乙。\n第二条 丙。",
            "第二条 repeats after 第二条",
            id="article-repeats",
        ),
        pytest.param(
            "某县方案\n一、任务\n（一）甲。\n（三）乙。",
            "（三） skips after （一）",
            id="item-skips",
        ),
        pytest.param(
            "某县办法\n第一条 甲。\n第二条 乙。\n附：牵头单位：县政府办公室",
            "names 牵头单位 / 责任单位 but no task was made of it",
            id="role-label-without-a-task",
        ),
        pytest.param(
            "某县方案\n一、任务\n（一）做好排查。（由县政府统一领导，县民政局牵头推进实施）",
            "names 牵头单位 / 责任单位 but no task was made of it",
            id="a-bracket-naming-a-lead-that-made-no-task",
        ),
        pytest.param(
            "某县方案\n一、任务\n（一）做好排查工作，每季度一次。\n"
            "扶贫开发事关全局，全县上下要凝心聚力，确保如期实现目标。",
            "the closing holds body text: "
            "扶贫开发事关全局，全县上下要凝心聚力，确保如期实现目标。…",
            id="body-text-in-the-closing",
        ),
        pytest.param(
            "某县方案\n一、任务\n（一）做好排查。（牵头单位：县民政局）",
            "1 unit(s) not in the actor registry, kept as written: 县民政局",
            id="unknown-units",
        ),
    ],
)
def test_findings(text: str, message: str) -> None:
    assert message in messages(text)


def test_an_outline_restarting_under_each_heading_is_not_a_finding() -> None:
    text = "某县方案\n一、目标\n（一）甲。\n（二）乙。\n二、措施\n（一）丙。\n（二）丁。"
    assert not [m for m in messages(text) if "skips" in m or "repeats" in m]


def test_the_summary_line() -> None:
    (draft,) = parse_text(
        (ASSETS / "county_table_tsv.txt").read_text(encoding="utf-8"), source="c.txt"
    )
    assert summary(draft.document) == (
        "doc-1: county 城关县, 0 chapters, 0 articles, 0 items, 3 tasks (3 with units), "
        "preamble 1 line, closing 2 lines"
    )


def test_ingest_takes_a_folder_recursively_and_says_what_it_read(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "county").mkdir(parents=True)
    shutil.copy(ASSETS / "city_plan_inline.txt", src / "南川市方案.txt")
    shutil.copy(ASSETS / "county_table_tsv.txt", src / "county" / "城关县分工.txt")
    shutil.copy(ASSETS / "law_markdown.md", src / "county" / "条例.md")
    (src / "county" / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a text file: not read
    out = tmp_path / "out"
    result = fupin("ingest", str(src), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in out.glob("*.yaml"))
    assert len(written) == 3 and all(name.startswith("doc-") for name in written)
    summaries = [x for x in result.stderr.splitlines() if " chapters, " in x]
    assert len(summaries) == 3
    assert any(
        "prefecture 南川市, 0 chapters, 0 articles, 0 items, 10 tasks" in x for x in summaries
    )
    assert "Warning: doc-" in result.stderr and "level unknown" in result.stderr
    assert f"wrote 3 document(s) to {out}" in result.stderr


def test_keep_going_writes_what_it_could_read(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ASSETS / "county_table_tsv.txt", src / "a.txt")
    (src / "b.txt").write_text("只有一句话，没有任何结构。", encoding="utf-8")
    out = tmp_path / "out"
    stopped = fupin("ingest", str(src), "--out", str(out))
    assert stopped.exit_code == 2 and not out.exists()
    result = fupin("ingest", str(src), "--out", str(out), "--keep-going")
    assert result.exit_code == 2
    assert "Error: b.txt: no structure found" in result.stderr
    assert "1 file(s) could not be read" in result.stderr
    assert [p.name for p in out.glob("*.yaml")] == ["a.yaml"]


def test_level_and_region_can_be_given(tmp_path: Path) -> None:
    src = tmp_path / "plan.txt"
    src.write_text("某某实施方案\n一、任务\n（一）做好工作。", encoding="utf-8")
    result = fupin("ingest", str(src), "--level", "county", "--region", "四川省某县")
    assert result.exit_code == 0, result.stderr
    assert "level: county\nregion: 四川省某县\n" in result.stdout
    assert "level unknown" not in result.stderr


def test_validate_reports_warnings_and_strict_fails_on_them(tmp_path: Path) -> None:
    out = tmp_path / "data"
    assert fupin("ingest", str(ASSETS / "city_plan_inline.txt"), "--out", str(out)).exit_code == 0
    checked = fupin("validate", str(out))
    assert checked.exit_code == 0, checked.stderr
    line = next(x for x in checked.stderr.splitlines() if "warning:" in x)
    assert line.startswith(f"{out / 'city-plan-inline.yaml'}:")
    assert "warning: 16 unit(s) not in the actor registry, kept as written" in line
    assert "ok: 1 document file(s), no problems; 1 warning(s)" in checked.stderr
    strict = fupin("validate", str(out), "--strict")
    assert strict.exit_code == 2
    assert "1 warning(s) in 1 document file(s) (--strict)" in strict.stderr


def test_validate_still_fails_on_a_unit_neither_registered_nor_kept_as_written(
    tmp_path: Path,
) -> None:
    out = tmp_path / "data"
    fupin("ingest", str(ASSETS / "county_table_tsv.txt"), "--out", str(out), "--id", "c")
    path = out / "c.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  unknown:\n  - 县水利局\n", ""),
        encoding="utf-8",
    )
    checked = fupin("validate", str(out))
    assert checked.exit_code == 2
    assert 'unit "县水利局" is not in the registry (nor listed as unknown)' in checked.stderr
