"""Chinese and English: the reader's language for people, English identifiers for programs."""

from __future__ import annotations

import gettext
import importlib.util
import json
from collections.abc import Callable

import pytest
from rich.cells import cell_len
from typer.testing import Result

from fupin_cli.corpus import Corpus
from fupin_cli.i18n import language, translations
from fupin_process import ROOT, fupin

from goldens import ANSI, check_golden

Run = Callable[..., Result]


def _catalogs() -> object:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_both_catalogs_translate_every_message_of_the_code() -> None:
    catalogs = _catalogs()
    found, bare = catalogs.extract()  # type: ignore[attr-defined]
    assert not bare, f"help texts not marked for translation: {bare}"
    assert len(found) > 150
    for lang in ("en", "zh"):
        catalog = catalogs.updated(lang, catalogs.template(found))  # type: ignore[attr-defined]
        assert catalogs.missing(catalog) == [], lang  # type: ignore[attr-defined]


def test_the_committed_catalogs_are_current_and_compiled() -> None:
    assert _catalogs().main(["--check"]) == 0  # type: ignore[attr-defined]


def test_the_installed_package_carries_the_compiled_catalogs() -> None:
    zh = translations("zh")
    assert isinstance(zh, gettext.GNUTranslations)
    assert zh.gettext("Options:") == "选项："


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "FUPIN_LANG": "en"}, "en"),
        ({"FUPIN_LANG": "zh"}, "zh"),
        ({}, "en"),
    ],
)
def test_language_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str
) -> None:
    for name in ("FUPIN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert language() == lang


TABLES = [("docs", ["docs"]), ("who_leads", ["who-leads", "饮水安全"])]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", ["80", "120"])
@pytest.mark.parametrize(("name", "args"), TABLES, ids=[n for n, _ in TABLES])
def test_tables_golden(run: Run, name: str, args: list[str], lang: str, width: str) -> None:
    env = {"COLUMNS": width, "NO_COLOR": "1", "FUPIN_TERMINAL": "1", "FUPIN_LANG": lang}
    result = run(*args, env=env)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cell_len(ANSI.sub("", line).rstrip()) <= int(width) for line in lines)
    check_golden(f"{name}_{lang}_{width}.txt", result.stdout)


def test_the_plain_table_of_a_pipe_is_never_wrapped(run: Run) -> None:
    out = run("docs", env={"COLUMNS": "80", "FUPIN_LANG": "zh"}).stdout.splitlines()
    assert len(out) == 7  # a header and one line per document, however long
    assert out[0].split()[:2] == ["编号", "标题"]


@pytest.mark.parametrize(
    "args",
    [
        ["docs", "-f", "json"],
        ["chain", "--doc", "heilongjiang", "-f", "tsv"],
        ["duties", "省交通厅", "-f", "csv"],
        ["lineage", "weiyuan", "-f", "jsonl"],
    ],
)
def test_machine_formats_are_the_same_in_both_languages(run: Run, args: list[str]) -> None:
    english = run(*args, env={"FUPIN_LANG": "en"})
    chinese = run(*args, env={"FUPIN_LANG": "zh"})
    assert english.exit_code == 0
    assert english.stdout == chinese.stdout


def test_relations_read_as_words_in_a_table_and_stay_ids_for_programs(run: Run) -> None:
    args = ["chain", "--doc", "heilongjiang", "--relation", "signs_pledge_to"]
    assert "签订责任书" in run(*args, env={"FUPIN_LANG": "zh"}).stdout
    assert "signs a pledge to" in run(*args, env={"FUPIN_LANG": "en"}).stdout
    assert "\tsigns_pledge_to\t" in run(*args, "-f", "tsv", env={"FUPIN_LANG": "zh"}).stdout


def test_messages_and_suggestions_in_chinese(run: Run) -> None:
    result = run("show", "centrl", env={"FUPIN_LANG": "zh"})
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：找不到文件“centrl”；是否要找 central？")


def test_help_in_chinese() -> None:
    out = fupin("--help", env={"LANG": "zh_CN.UTF-8", "COLUMNS": "80"}).stdout
    for words in ("用法：fupin", "查询文件：", "比较与溯源：", "文件与数据：", "入门示例"):
        assert words in out
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    who = fupin("who-leads", "--help", env={"FUPIN_LANG": "zh", "COLUMNS": "80"}).stdout
    assert "fupin who-leads [选项] 词语..." in who and "示例：fupin who-leads 饮水安全" in who


def test_the_welcome_lists_the_documents_and_five_examples(run: Run, corpus: Corpus) -> None:
    result = run()
    assert result.exit_code == 0
    listed = [ln.split()[0] for ln in result.stdout.splitlines() if ln.startswith("  ")]
    assert listed[:6] == corpus.ids()
    assert result.stdout.count("  fupin ") == 5
    chinese = fupin(env={"FUPIN_LANG": "zh"})
    assert chinese.returncode == 0 and "五个入门问题：" in chinese.stdout


def test_every_example_of_the_welcome_answers(run: Run) -> None:
    from fupin_cli.cli.welcome import EXAMPLES

    for command, _question in EXAMPLES:
        result = run(*command.split()[1:])
        assert result.exit_code in (0, 1) and result.stdout, command  # diff: 1 = different


def test_json_keys_stay_english(run: Run) -> None:
    rows = json.loads(run("who-leads", "饮水安全", "-f", "json", env={"FUPIN_LANG": "zh"}).stdout)
    assert set(rows[0]) >= {"doc", "kind", "ref", "text", "lead", "co"}
