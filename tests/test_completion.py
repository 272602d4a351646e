"""Shell completion through typer's own entry (`_FUPIN_COMPLETE`), as the shells call it."""

from __future__ import annotations

import pytest

from fupin_process import fupin


def bash(words: str) -> list[str]:
    parts = words.split(" ")
    env = {
        "_FUPIN_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
    }
    result = fupin(env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_document_ids_and_aliases_complete() -> None:
    assert bash("fupin show yun") == ["yunnan-division", "yunnan"]
    assert {"云南", "云南实施细则", "云南分工方案"} <= set(bash("fupin who-leads 饮水 --doc 云"))
    assert bash("fupin diff central wei") == ["weiyuan", "weiyuan-accountability"]


def test_unit_names_complete_from_the_registry() -> None:
    assert "省交通运输厅" in bash("fupin duties 省交")
    assert "县级党委和政府" in bash("fupin chain 县级")


def test_relations_complete_with_their_words_in_zsh_and_fish() -> None:
    assert bash("fupin chain --relation si") == ["signs_pledge_to"]
    zsh = fupin(
        env={"_FUPIN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "fupin chain -r re"}
    )
    assert '"reports_to":"reports to"' in zsh.stdout
    fish = fupin(
        env={
            "_FUPIN_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_ARGS": "fupin chain --relation as",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "FUPIN_LANG": "zh",
        }
    )
    assert fish.stdout.split("\n")[0] == "assesses\t考核"


def test_commands_complete() -> None:
    assert {"who-leads", "duties", "diff"} <= set(bash("fupin "))


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete_bash"), ("zsh", "complete_zsh"), ("fish", "complete_fish")],
)
def test_show_completion_prints_the_script_of_each_shell(shell: str, marker: str) -> None:
    env = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = fupin("--show-completion", shell, env=env)
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout and "_FUPIN_COMPLETE" in result.stdout


def test_a_data_folder_that_cannot_be_read_completes_nothing(tmp_path: object) -> None:
    env = {"FUPIN_DATA": "/nonexistent/folder"}
    words = "fupin show yun"
    result = fupin(
        env={**env, "_FUPIN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "2"}
    )
    assert result.returncode == 0 and result.stdout.strip() == ""
