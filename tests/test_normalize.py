"""The one normalizer: script, width and whitespace folded; idempotent; display untouched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fupin_cli.corpus import Corpus
from fupin_cli.normalize import find_spans, normalize, snippet


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("飲水安全", "饮水安全"),
        ("網際網路", "互联网"),
        ("資訊管理系統", "信息管理系统"),
        ("臺賬", "台账"),
        ("第十四 條", "第十四条"),
        ("州（市）", "州(市)"),
        ("省级党委和政府，应当；", "省级党委和政府,应当;"),
        ("牵头单位：省扶贫办", "牵头单位:省扶贫办"),
        ("省 农业厅\u00a0\u3000", "省农业厅"),
        ("厅字〔2016〕33号", "厅字[2016]33号"),
        ("ＡＢＣ１２３", "ABC123"),
    ],
)
def test_equivalent_forms_normalize_alike(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(("a", "b"), [("饮水", "饮食"), ("省委", "省政府"), ("应当", "可以")])
def test_different_words_stay_different(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalize_is_idempotent_and_total(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert not any(ch.isspace() for ch in once)


def test_heilongjiang_traditional_text_matches_simplified_queries(corpus: Corpus) -> None:
    doc = corpus.document("heilongjiang")
    text = normalize("".join(a.full_text for a in doc.articles))
    for query in ("互联网", "饮水安全", "建档立卡", "信息管理系统", "支持"):
        assert normalize(query) in text


def test_find_spans_points_into_the_text_as_written() -> None:
    text = "實施農村飲水安全鞏固提高工程"
    spans = find_spans(text, ["饮水安全"])
    assert [text[a:b] for a, b in spans] == ["飲水安全"]


def test_snippet_cuts_around_the_match() -> None:
    text = "甲" * 100 + "饮水安全" + "乙" * 100
    cut, spans = snippet(text, find_spans(text, ["饮水安全"]), width=30)
    assert cut.startswith("…") and cut.endswith("…")
    assert [cut[a:b] for a, b in spans] == ["饮水安全"]
