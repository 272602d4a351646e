"""The one fold: each character to one character (or none), idempotent, and a piece of a text
folds to a piece of the folded text; regional phrases are the query's business, not the fold's."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fupin_cli import opencc_tables
from fupin_cli.corpus import Corpus
from fupin_cli.normalize import (
    char_keys,
    find_spans,
    fold,
    normalize,
    regional_pairs,
    script_pairs,
    script_spellings,
    snippet,
    spellings,
    usable_variants,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("飲水安全", "饮水安全"),
        ("臺賬", "台账"),
        ("檯", "台"),
        ("第十四 條", "第十四条"),
        ("州（市）", "州(市)"),
        ("省级党委和政府，应当；", "省级党委和政府,应当;"),
        ("牵头单位：省扶贫办", "牵头单位:省扶贫办"),
        ("省 农业厅\u00a0\u3000", "省农业厅"),
        ("厅字〔2016〕33号", "厅字[2016]33号"),
        ("ＡＢＣ１２３", "ABC123"),
        ("扶\u200b贫", "扶贫"),  # an invisible format character
        ("衞生", "卫生"),  # a Hong Kong variant character
        ("麻痺", "麻痹"),  # a Taiwan variant character
    ],
)
def test_equivalent_forms_fold_alike(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("饮水", "饮食"),
        ("省委", "省政府"),
        ("应当", "可以"),
        # different mainland words that OpenCC's Taiwan phrases pair: the fold keeps them apart
        ("创建", "建立"),
        ("程序", "进程"),
        ("支持", "支援"),
        ("文件", "文档"),
        ("互联网", "网际网路"),
        # mainland characters in their own right that OpenCC lists as Taiwan variants
        ("显著", "显着"),
        ("什么", "什幺"),
    ],
)
def test_different_words_stay_different(a: str, b: str) -> None:
    assert fold(a) != fold(b)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_fold_is_idempotent_total_and_one_character_at_a_time(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert not any(ch.isspace() for ch in once)
    assert once == "".join(fold(ch) for ch in text)
    assert all(len(fold(ch)) <= 1 for ch in text)
    assert len(char_keys(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), min_size=1), st.data())
def test_a_piece_of_a_text_folds_to_a_piece_of_the_folded_text(
    text: str, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    assert fold(text[i:j]) in fold(text)


def test_normalize_is_the_fold() -> None:
    assert normalize is fold


def test_the_character_table_is_opencc_s() -> None:
    import opencc

    table = opencc_tables.character_table()
    assert len(table) > 4000
    t2s = opencc.OpenCC("t2s")
    for trad, simple in list(table.items())[::97]:
        assert len(simple) == 1
        assert str(t2s.convert(trad)) in (simple, trad)  # t2s, or a regional variant


def test_dictionaries_are_read_from_the_installed_package() -> None:
    share = opencc_tables.share_dir()
    assert share is not None
    phrases = opencc_tables.read_dictionary(share / "TWPhrases.ocd2")
    assert phrases["互聯網"] == ["網際網路"]
    assert phrases["信息"][0] == "資訊"
    characters = opencc_tables.read_dictionary(share / "STCharacters.ocd2")
    assert "臺" in characters["台"]
    with pytest.raises(ValueError):
        opencc_tables.read_dictionary(share / "t2s.json")


@pytest.mark.parametrize(
    ("query", "other"), [("了解情况", "瞭解情況"), ("答复", "答覆"), ("凭借", "憑藉")]
)
def test_a_phrase_written_with_other_characters_is_a_script_spelling(
    query: str, other: str
) -> None:
    assert fold(query) != fold(other)  # the characters differ, not just their script
    assert fold(other) in script_spellings(fold(query), script_pairs())
    assert fold(query) in script_spellings(fold(other), script_pairs())


def test_a_word_s_spellings() -> None:
    regional = {"互联网": ("网际网路",)}
    assert spellings("互聯網", script_pairs(), regional) == ("互联网", "网际网路")
    assert spellings("了解", script_pairs(), {}) == ("了解", "瞭解")
    assert spellings(" ", script_pairs(), {}) == ()


@pytest.mark.parametrize(
    ("mainland", "regional"),
    [("互联网", "网际网路"), ("信息", "资讯"), ("软件", "软体"), ("创建", "建立")],
)
def test_regional_pairs_come_from_opencc(mainland: str, regional: str) -> None:
    assert (mainland, regional) in regional_pairs()


def test_a_regional_spelling_that_is_a_mainland_word_is_no_variant() -> None:
    pairs = [("互联网", "网际网路"), ("创建", "建立")]
    usable = usable_variants(pairs, lambda spelling: spelling == "建立")
    assert usable == {"互联网": ("网际网路",), "网际网路": ("互联网",)}


def test_heilongjiang_traditional_text_folds_to_simplified_words(corpus: Corpus) -> None:
    doc = corpus.document("heilongjiang")
    text = fold("".join(a.full_text for a in doc.articles))
    for query in ("饮水安全", "建档立卡", "资讯管理系统", "网际网路"):
        assert fold(query) in text


def test_find_spans_points_into_the_text_as_written() -> None:
    text = "實施農村飲水安全鞏固提高工程"
    spans = find_spans(text, ["饮水安全"])
    assert [text[a:b] for a, b in spans] == ["飲水安全"]
    spaced = "飲 水\u200b安全"
    assert [spaced[a:b] for a, b in find_spans(spaced, ["饮水安全"])] == [spaced]


def test_snippet_cuts_around_the_match() -> None:
    text = "甲" * 100 + "饮水安全" + "乙" * 100
    cut, spans = snippet(text, find_spans(text, ["饮水安全"]), width=30)
    assert cut.startswith("…") and cut.endswith("…")
    assert [cut[a:b] for a, b in spans] == ["饮水安全"]
