"""`fupin ingest` through the real entry point: files, stdin, --out, encodings and errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from fupin_cli.cli.app import app
from fupin_cli.models import Document

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"
SEED_002 = SOURCES / "002_316c6a89e7b059df.txt"
ASSETS = Path(__file__).parent / "assets"


def fupin(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=input, env={"FUPIN_DATA": ""})


def one_error_sentence(result: Result) -> str:
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    # warnings about files read before the failure may come first; then one error sentence
    *before, last = lines
    assert last.startswith("Error: ") and not any(x.startswith("Error: ") for x in before), lines
    assert "Traceback" not in result.stderr
    return last


def test_seed_002_writes_two_valid_documents(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = fupin("ingest", str(SEED_002), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    files = sorted(out.glob("*.yaml"))
    assert [f.name for f in files] == [
        "002-316c6a89e7b059df-1.yaml",
        "002-316c6a89e7b059df-2.yaml",
    ]
    docs = [Document.model_validate(yaml.safe_load(f.read_text(encoding="utf-8"))) for f in files]
    assert [len(d.articles) for d in docs] == [22, 12]
    assert [d.title for d in docs] == [
        "威远县脱贫攻坚责任制实施办法",
        "威远县脱贫攻坚工作责任追究暂行办法",
    ]
    assert all(d.doc_number == "威脱贫攻坚办[2016]74号" for d in docs)
    assert f"wrote 2 document(s) to {out}" in result.stderr
    assert "002-316c6a89e7b059df-1: county 威远县, 6 chapters, 22 articles" in result.stderr
    assert (
        "Warning: 002_316c6a89e7b059df.txt: dropped 1 line(s) of web-page debris" in result.stderr
    )
    # the files pass the project's own validator, with the bundled actors alongside
    shutil.copy(ROOT / "data" / "policies" / "actors.yaml", out / "actors.yaml")
    checked = fupin("validate", str(out))
    assert checked.exit_code == 0, checked.stdout + checked.stderr


def test_stdout_holds_one_yaml_document_per_policy() -> None:
    result = fupin("ingest", str(SEED_002))
    assert result.exit_code == 0, result.stderr
    docs = list(yaml.safe_load_all(result.stdout))
    assert [d["id"] for d in docs] == ["002-316c6a89e7b059df-1", "002-316c6a89e7b059df-2"]
    assert "威远县脱贫攻坚责任制实施办法" in result.stdout  # Chinese unescaped


def test_dash_reads_stdin() -> None:
    text = (ASSETS / "central_notice.txt").read_text(encoding="utf-8")
    result = fupin("ingest", "-", "--id", "central-draft", input=text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    doc = Document.model_validate(yaml.safe_load(result.stdout))
    assert doc.id == "central-draft"
    assert doc.source == "<stdin>"
    assert [a.no for a in doc.articles] == [1, 2, 3]


def test_gb18030_input_is_detected_and_reported(tmp_path: Path) -> None:
    gbk = tmp_path / "weiyuan-gbk.txt"
    gbk.write_bytes(SEED_002.read_text(encoding="utf-8").encode("gb18030"))
    result = fupin("ingest", str(gbk), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "weiyuan-gbk.txt: read as gb18030" in result.stderr
    utf8 = fupin("ingest", str(SEED_002))
    assert "read as" not in utf8.stderr
    written = sorted((tmp_path / "out").glob("*.yaml"))
    assert len(written) == 2
    first = yaml.safe_load(written[0].read_text(encoding="utf-8"))
    expected = next(yaml.safe_load_all(utf8.stdout))
    assert first["articles"] == expected["articles"]


def test_named_encoding_is_used_without_a_note(tmp_path: Path) -> None:
    gbk = tmp_path / "g.txt"
    gbk.write_bytes((ASSETS / "central_notice.txt").read_text(encoding="utf-8").encode("gbk"))
    result = fupin("ingest", str(gbk), "--encoding", "gbk")
    assert result.exit_code == 0, result.stderr
    assert "read as" not in result.stderr
    assert yaml.safe_load(result.stdout)["title"] == "脱贫攻坚责任制实施办法"


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (b"", [], "the file is empty"),
        (b"\n \r\n", [], "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), [], "binary file"),
        ("扶贫开发工作座谈会纪要\n会议强调。".encode(), [], "no structure found"),
        ("第一条 甲。".encode("gb18030"), ["--encoding", "utf-8"], "not valid utf-8"),
        (b"x", ["--encoding", "klingon"], "unknown encoding 'klingon'"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, content: bytes, extra: list[str], message: str
) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(content)
    out = tmp_path / "out"
    line = one_error_sentence(fupin("ingest", str(src), "--out", str(out), *extra))
    assert message in line and "in.txt" in line
    assert not out.exists()


def test_missing_file_names_the_argument(tmp_path: Path) -> None:
    line = one_error_sentence(fupin("ingest", str(tmp_path / "nope.txt")))
    assert line == f"Error: {tmp_path / 'nope.txt'}: no such file"


def test_one_bad_file_among_good_ones_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    one_error_sentence(fupin("ingest", str(SEED_002), str(bad), "--out", str(out)))
    assert not out.exists() or not any(out.iterdir())


def test_an_id_given_to_several_files_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    a, b = ASSETS / "central_notice.txt", ASSETS / "run_on_traditional.txt"
    line = one_error_sentence(fupin("ingest", str(a), str(b), "--id", "x", "--out", str(out)))
    assert "two documents would get the id 'x'" in line
    assert not out.exists()


def test_as_paragraphs_keeps_unstructured_text(tmp_path: Path) -> None:
    src = ASSETS / "paragraphs.txt"
    refused = fupin("ingest", str(src))
    assert "use --as-paragraphs" in one_error_sentence(refused)
    result = fupin("ingest", str(src), "--as-paragraphs")
    assert result.exit_code == 0, result.stderr
    doc = Document.model_validate(yaml.safe_load(result.stdout))
    assert [a.label for a in doc.articles] == ["1", "2", "3"]
    assert doc.id == "paragraphs"


def test_warnings_name_unknown_and_repeated_units() -> None:
    result = fupin("ingest", str(ASSETS / "task_table.txt"))
    assert result.exit_code == 0, result.stderr
    assert (
        "Warning: task-table: 1 unit(s) not in the actor registry, kept as written: 某某县水务局"
        in result.stderr
    )
    assert "unit listed twice in one list, kept once: 省财政厅" in result.stderr
    doc = Document.model_validate(yaml.safe_load(result.stdout))
    assert doc.tasks[0].co[:3] == ("省发展改革委", "省林业厅", "省水利厅")
