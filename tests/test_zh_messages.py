"""Every message a user can cause, in Chinese when the language is Chinese and in English
otherwise: through the real program (`python -m fupin_cli`, so the framework's usage errors pass
the same boundary as in a terminal), with the hostile inputs of issue 15 that trigger them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "sources" / "000_50533539ccc110ed.txt"
WEIYUAN = ROOT / "data" / "policies" / "weiyuan.yaml"

#: A run of Latin words: what an English sentence left in a Chinese message looks like.
ENGLISH_WORDS = re.compile(r"\b(?:the|is|not|no|a|an|of|to|or|and|give|cannot|with)\b")


def fupin(
    lang: str, *args: str, stdin: bytes | None = b"", extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")} | {
        "FUPIN_LANG": lang,
        "FUPIN_TERMINAL": "0",
        "NO_COLOR": "1",
        **(extra or {}),
    }
    env.pop("FUPIN_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "fupin_cli", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def last_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode("utf-8", "backslashreplace").strip().splitlines()
    return lines[-1] if lines else ""


def chinese(line: str) -> bool:
    """Chinese prose: Han characters and none of the English sentence words."""
    return bool(re.search(r"[\u4e00-\u9fff]", line)) and not ENGLISH_WORDS.search(
        re.sub(r"/\S+|--\S+|\S+\.(?:yaml|txt|sqlite)", "", line)
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folders and files that trigger the data-folder and ingest messages."""
    tmp = tmp_path_factory.mktemp("hostile")
    (tmp / "empty").mkdir()
    (tmp / "dup").mkdir()
    (tmp / "dup" / "d.yaml").write_text("id: a\nid: b\ntitle: x\n", encoding="utf-8")
    (tmp / "nul").mkdir()
    (tmp / "nul" / "d.yaml").write_bytes(b"id: x\ntitle: \0\n")
    (tmp / "big").mkdir()
    (tmp / "big" / "d.yaml").write_text("id: x\ntitle: " + "长" * 1_000_001 + "\n")
    (tmp / "loop").mkdir()
    (tmp / "loop" / "weiyuan.yaml").write_bytes(WEIYUAN.read_bytes())
    (tmp / "loop" / "self").symlink_to(tmp / "loop")
    (tmp / "dang").mkdir()
    (tmp / "dang" / "weiyuan.yaml").write_bytes(WEIYUAN.read_bytes())
    (tmp / "dang" / "gone.yaml").symlink_to(tmp / "nowhere.yaml")
    (tmp / "early").mkdir()
    early = WEIYUAN.read_text(encoding="utf-8").replace(
        "effective: '2016-12-09'", "effective: '2015-01-01'"
    )
    (tmp / "early" / "weiyuan.yaml").write_text(early, encoding="utf-8")
    (tmp / "exists.yaml").write_text("x\n")
    (tmp / "bad.txt").write_bytes("第一条 测试".encode() + b"\xff\xfe\n")
    (tmp / "flat.txt").write_text("这是一段没有任何编号的文字。\n", encoding="utf-8")
    return tmp


# (name, arguments with {tmp}, stdin, the Chinese wanted, the English wanted)
CASES = [
    ("undecodable argument", ["who-leads", "\udcff"], b"", "既不是 UTF-8", "is neither UTF-8"),
    (
        "gb18030 argument",
        ["who-leads", "\udcd2\udcfb\udccb\udcae"],
        b"",
        "已按 GB18030",
        "read it as GB18030",
    ),
    ("undecodable stdin", ["duties", "-"], b"\xff\xfe\xfa", "标准输入既不是", "stdin is neither"),
    ("empty stdin", ["duties", "-"], b"", "标准输入为空", "stdin was empty"),
    ("empty query", ["who-leads", ""], b"", "为空；请给出要查找的词语", "is empty; give it"),
    ("link loop", ["docs", "--data", "{tmp}/loop"], b"", "形成循环", "loops back"),
    ("dangling link", ["docs", "--data", "{tmp}/dang"], b"", "不存在的文件", "does not exist"),
    ("empty folder", ["docs", "--data", "{tmp}/empty"], b"", "此处没有文件", "no document files"),
    ("duplicate key", ["docs", "--data", "{tmp}/dup"], b"", "重复出现", "given twice"),
    ("NUL byte", ["docs", "--data", "{tmp}/nul"], b"", "NUL 字节", "a NUL byte"),
    ("oversize value", ["docs", "--data", "{tmp}/big"], b"", "超过上限", "over the limit"),
    ("validate summary", ["validate", "{tmp}/dup"], b"", "个文件中有 1 个问题", "1 problem(s)"),
    ("validate ok", ["validate"], b"", "通过：", "ok: "),
    (
        "validate a problem",
        ["validate", "{tmp}/early"],
        b"",
        "施行日期早于印发日期",
        "effective date is before",
    ),
    (
        "ingest --out a file",
        ["ingest", str(SOURCE), "--out", "{tmp}/exists.yaml"],
        b"",
        "是文件",
        "is a file",
    ),
    ("ingest bad bytes", ["ingest", "{tmp}/bad.txt"], b"", "既不是 UTF-8", "neither UTF-8"),
    (
        "ingest no structure",
        ["ingest", "{tmp}/flat.txt"],
        b"",
        "未识别出结构",
        "no structure found",
    ),
    ("ingest summary", ["ingest", str(SOURCE)], b"", "项任务", " tasks ("),
    ("index note", ["index"], b"", "建立索引", "Indexed "),
    (
        "operating-system reason",
        ["ingest", str(SOURCE), "--out", "/proc/fupin-nope"],
        b"",
        "无法创建文件夹 /proc/fupin-nope：文件或目录不存在",
        "cannot create the folder /proc/fupin-nope: no such file or directory",
    ),
    ("ingest warning", ["ingest", str(SOURCE)], b"", "未找到标题行", "no title line found"),
    ("quoted argument", ["who-leads", "\udcff"], b"", "第 2 个参数（\\xff）", "argument 2 (\\xff)"),
    ("missing argument", ["show"], b"", "缺少参数", "Missing argument"),
    ("unknown option", ["who-leads", "x", "--limi", "3"], b"", "没有此选项", "No such option"),
    ("bad number", ["who-leads", "x", "--limit", "abc"], b"", "不是整数", "not a whole number"),
    ("number too small", ["who-leads", "x", "--limit", "0"], b"", "不得小于 1", "at least 1"),
    ("option without value", ["who-leads", "x", "--doc"], b"", "需要一个值", "needs a value"),
    ("unknown command", ["who-lead"], b"", "没有命令", "No such command"),
    ("extra arguments", ["show", "central", "1", "2"], b"", "多余的参数", "Unexpected extra"),
]


@pytest.mark.parametrize(("name", "args", "stdin", "zh", "en"), CASES, ids=[c[0] for c in CASES])
def test_a_message_is_in_the_readers_language(
    hostile: Path, name: str, args: list[str], stdin: bytes, zh: str, en: str
) -> None:
    argv = [a.replace("{tmp}", str(hostile)) for a in args]
    zh_run, en_run = fupin("zh", *argv, stdin=stdin), fupin("en", *argv, stdin=stdin)
    zh_err = zh_run.stderr.decode("utf-8", "backslashreplace")
    en_err = en_run.stderr.decode("utf-8", "backslashreplace")
    assert zh_run.returncode == en_run.returncode
    assert zh in zh_err, zh_err
    assert en in en_err, en_err
    assert not re.search(r"[\u4e00-\u9fff]", en) and zh not in en_err
    assert "Traceback" not in zh_err
    if zh_run.returncode == 2:  # the one sentence an error is: Chinese throughout
        assert chinese(last_line(zh_run)), last_line(zh_run)


def test_usage_errors_show_the_usage_line_and_where_help_is(hostile: Path) -> None:
    err = fupin("zh", "show").stderr.decode()
    assert err.splitlines()[:2] == [
        "用法：fupin show [选项] 文件 [条款]",
        "运行“fupin show -h”查看帮助。",
    ]
    assert err.strip().splitlines()[-1] == "错误：缺少参数 '文件'。"
    assert (
        fupin("en", "show").stderr.decode().splitlines()[0]
        == "Usage: fupin show [OPTIONS] DOC [ARTICLE]"
    )


def test_a_damaged_cache_is_rebuilt_with_a_chinese_warning(tmp_path: Path) -> None:
    cache = {"FUPIN_CACHE_DIR": str(tmp_path)}
    assert fupin("zh", "index", extra=cache).returncode == 0
    (db,) = tmp_path.glob("index-*.sqlite")
    with db.open("r+b") as fh:
        fh.write(os.urandom(100))
    zh = fupin("zh", "who-leads", "饮水安全", extra=cache)
    assert zh.returncode == 0
    assert "警告：正在重建索引" in zh.stderr.decode()
    assert "索引已损坏或不是 fupin 索引" in zh.stderr.decode()


def test_a_cache_folder_that_cannot_be_written_falls_back_in_chinese() -> None:
    result = fupin("zh", "docs", extra={"FUPIN_CACHE_DIR": "/dev/null/x"})
    assert result.returncode == 0
    assert "改用内存中的索引" in result.stderr.decode()
    english = fupin("en", "docs", extra={"FUPIN_CACHE_DIR": "/dev/null/x"})
    assert "using an in-memory index" in english.stderr.decode()


def test_an_ambiguous_document_lists_its_candidates_with_chinese_punctuation() -> None:
    from fupin_cli.errors import AmbiguousDocument

    os.environ["FUPIN_LANG"] = "zh"
    try:
        zh = str(
            AmbiguousDocument("云南", [("yunnan", "云南实施办法"), ("yunnan-division", "分工")])
        )
    finally:
        os.environ["FUPIN_LANG"] = "en"
    try:
        en = str(
            AmbiguousDocument("云南", [("yunnan", "云南实施办法"), ("yunnan-division", "分工")])
        )
    finally:
        del os.environ["FUPIN_LANG"]
    assert "yunnan（云南实施办法）；yunnan-division（分工）" in zh
    assert "yunnan (云南实施办法); yunnan-division (分工)" in en


def test_a_bug_is_reported_in_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from fupin_cli.cli.runtime import report_bug

    monkeypatch.setenv("FUPIN_LANG", "zh")
    monkeypatch.delenv("FUPIN_DEBUG", raising=False)
    report_bug(ValueError("boom"))
    err = capsys.readouterr().err
    assert err.startswith("错误：内部错误（ValueError: boom）；这是 fupin 的缺陷")
    monkeypatch.setenv("FUPIN_LANG", "en")
    report_bug(ValueError("boom"))
    assert "this is a bug in fupin" in capsys.readouterr().err


def test_the_more_hits_note_of_search_is_chinese() -> None:
    zh = fupin("zh", "search", "扶贫", extra={"FUPIN_TERMINAL": "1", "COLUMNS": "120"})
    assert "条结果未显示" in zh.stderr.decode()
    en = fupin("en", "search", "扶贫", extra={"FUPIN_TERMINAL": "1", "COLUMNS": "120"})
    assert "more hit(s) not shown" in en.stderr.decode()


def test_actor_is_one_shared_option_completed_with_unit_names() -> None:
    from typing import get_type_hints

    from fupin_cli.cli import complete
    from fupin_cli.cli.commands.deadlines import deadlines
    from fupin_cli.cli.commands.targets import targets
    from fupin_cli.cli.options import ActorOpt

    for fn in (deadlines, targets):
        assert get_type_hints(fn.__wrapped__, include_extras=True)["actor"] == ActorOpt
    (info,) = ActorOpt.__metadata__
    assert info.autocompletion is complete.units
    from fupin_cli.cli.app import load_command

    for name in ("deadlines", "targets"):
        assert [p.opts for p in load_command(name).params if p.name == "actor"] == [["--actor"]]
