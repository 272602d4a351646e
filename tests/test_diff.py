"""Article alignment and `fupin diff`, on pairs checked by reading both texts."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from fupin_cli.align import align
from fupin_cli.corpus import Corpus
from fupin_cli.diff import (
    Change,
    actor_changes,
    clause_changes,
    diff_documents,
    inline,
    modal_changes,
    select,
)
from fupin_cli.normalize import normalize, readable

from goldens import TABLE_ENV, check_golden

Run = Callable[..., Result]

# (left, right, left no, right no): pairs a reader finds by reading both documents.
MUST_PAIR = [
    ("central", "yunnan", 14, 15),  # word for word, in traditional script
    ("central", "yunnan", 9, 4),  # 省负总责: moved from chapter 3 to chapter 2
    ("central", "yunnan", 5, 8),  # the leading group: moved down
    ("central", "yunnan", 15, 16),  # 乡 -> 乡(镇)
    ("central", "yunnan", 22, 23),  # 军队 -> 驻滇解放军, 有条件的 dropped
    ("central", "yunnan", 27, 28),  # 参照本办法 -> 参照本实施细则
    ("central", "weiyuan", 14, 9),  # 县级党委和政府 -> 镇党委、政府
    ("central", "weiyuan", 13, 10),  # the city's supervision duty, given to the towns
    ("central", "weiyuan", 15, 11),
    ("central", "weiyuan", 21, 16),
    ("yunnan", "weiyuan", 15, 9),
    ("yunnan", "weiyuan", 29, 21),  # who interprets the rules
]
# (left, right, side, no): articles with no counterpart on the other side.
MUST_STAY_UNPAIRED = [
    ("central", "yunnan", "left", 4),  # 党中央、国务院's own duties
    ("central", "yunnan", "right", 12),  # the 州(市) articles are new in Yunnan
    ("central", "yunnan", "right", 13),
    ("central", "yunnan", "right", 14),  # 第十四 條
    ("central", "weiyuan", "left", 20),  # east-west cooperation: no county counterpart
    ("central", "weiyuan", "left", 22),  # the army
    ("central", "weiyuan", "right", 7),  # 五个一 teams: Weiyuan's own
    ("central", "weiyuan", "right", 14),  # reporting data to the office
    ("yunnan", "weiyuan", "left", 6),  # provincial audit: not the town's project duty
]


@pytest.mark.parametrize(("left", "right", "lno", "rno"), MUST_PAIR)
def test_pairs_are_found(corpus: Corpus, left: str, right: str, lno: int, rno: int) -> None:
    result = align(corpus.document(left), corpus.document(right))
    pair = result.partner_of_left(lno)
    assert pair is not None and pair.right == rno, pair


@pytest.mark.parametrize(("left", "right", "side", "no"), MUST_STAY_UNPAIRED)
def test_articles_stay_unpaired(corpus: Corpus, left: str, right: str, side: str, no: int) -> None:
    result = align(corpus.document(left), corpus.document(right))
    assert no in (result.left_only if side == "left" else result.right_only)


@pytest.mark.parametrize(
    ("left", "right"), [("central", "yunnan"), ("yunnan", "weiyuan"), ("central", "heilongjiang")]
)
def test_alignment_is_one_to_one_and_complete(corpus: Corpus, left: str, right: str) -> None:
    ldoc, rdoc = corpus.document(left), corpus.document(right)
    result = align(ldoc, rdoc)
    lefts = [p.left for p in result.pairs]
    rights = [p.right for p in result.pairs]
    assert len(set(lefts)) == len(lefts) and len(set(rights)) == len(rights)
    assert sorted(lefts + list(result.left_only)) == [a.no for a in ldoc.articles]
    assert sorted(rights + list(result.right_only)) == sorted(a.no for a in rdoc.articles)
    assert all(result.threshold <= p.similarity <= 1 for p in result.pairs)


def test_unrelated_documents_share_no_article(corpus: Corpus) -> None:
    assert align(corpus.document("central"), corpus.document("heilongjiang")).pairs == ()


def test_threshold_is_configurable(corpus: Corpus) -> None:
    strict = align(corpus.document("central"), corpus.document("yunnan"), threshold=0.999)
    assert [(p.left, p.right) for p in strict.pairs] == [(14, 15), (19, 20)]
    loose = align(corpus.document("central"), corpus.document("yunnan"), threshold=0.0)
    assert len(loose.pairs) == 29


def test_the_alignment_is_global_not_greedy(corpus: Corpus) -> None:
    """Greedy best-first pairing would give central 9 its best partner; the assignment may
    not, but the total must be at least the greedy total."""
    from fupin_cli.align import similarity, unit_text

    ldoc, rdoc = corpus.document("central"), corpus.document("weiyuan")
    result = align(ldoc, rdoc)
    scores = sorted(
        (
            (similarity(unit_text(a), unit_text(b)), a.no, b.no)
            for a in ldoc.articles
            for b in rdoc.articles
        ),
        reverse=True,
    )
    used_l: set[int] = set()
    used_r: set[int] = set()
    greedy = 0.0
    for score, lno, rno in scores:
        if score >= result.threshold and lno not in used_l and rno not in used_r:
            used_l.add(lno)
            used_r.add(rno)
            greedy += score
    assert sum(p.similarity for p in result.pairs) >= greedy - 1e-3


# --- typed changes ----------------------------------------------------------------------------


def _pair(corpus: Corpus, left: str, right: str, lno: int):  # type: ignore[no-untyped-def]
    diff = diff_documents(corpus, left, right)
    return next(p for p in diff.pairs if p.left == lno)


def test_same_text_in_another_script_is_same(corpus: Corpus) -> None:
    pair = _pair(corpus, "central", "yunnan", 14)
    assert (pair.right, pair.similarity, pair.status, pair.changes) == (15, 1.0, "same", ())
    assert pair.right_label == "第十五條"


def test_actor_change_central_to_county(corpus: Corpus) -> None:
    pair = _pair(corpus, "central", "weiyuan", 14)
    assert pair.status == "changed"
    assert pair.changes == (Change(kind="actor", left="县级党委和政府", right="镇党委、政府"),)
    assert inline(pair.ops) == (
        "[-县级-]{+镇+}党委[-和-]{+、+}政府承担脱贫攻坚主体责任,负责制定脱贫攻坚实施规划,"
        "优化配置各类资源要素,组织落实各项政策措施,[-县级-]{+镇+}党委[-和-]{+、+}政府主要负责人"
        "是第一责任人。"
    )


def test_modal_change(corpus: Corpus) -> None:
    pair = _pair(corpus, "central", "yunnan", 22)
    kinds = [(c.kind, c.left, c.right) for c in pair.changes]
    assert ("modal", "有条件的", None) in kinds and ("modal", "应当", None) in kinds
    assert ("actor", "军队和武警部队", "驻滇解放军和武警部队") in kinds


def test_clause_added(corpus: Corpus) -> None:
    pair = _pair(corpus, "central", "yunnan", 18)
    added = [c.right for c in pair.changes if c.kind == "clause_added"]
    assert added == [
        "确保基层脱贫攻坚力量的稳定",
        "按照属地管理原则",
        "加强对驻村扶贫工作人员的管理和考核",
    ]


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (
            "县级党委和政府应当指导",
            "县级党委和政府可以指导",
            [("modal", "应当", None), ("modal", None, "可以")],
        ),
        ("必须亲力亲为", "必须亲力亲为", []),
        ("鼓励民营企业参与", "民营企业参与", [("modal", "鼓励", None)]),
    ],
)
def test_modal_changes_table(
    left: str, right: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert [(c.kind, c.left, c.right) for c in modal_changes(left, right)] == expected


def test_actor_changes_use_the_registry(corpus: Corpus) -> None:
    registry = corpus.registry
    same = actor_changes(registry, normalize("縣級黨委和政府負責"), "县级党委和政府负责")
    assert same == []
    moved = actor_changes(registry, "审计署进行跟踪审计", "审计局进行跟踪审计")
    assert [(c.left, c.right) for c in moved] == [("审计署", "审计局")]


def test_clause_changes_ignore_edited_clauses() -> None:
    changes = clause_changes("甲乙丙丁戊己,庚辛壬癸。", "甲乙丙丁戊,子丑寅卯。")
    assert [(c.kind, c.left, c.right) for c in changes] == [
        ("clause_removed", "庚辛壬癸", None),
        ("clause_added", None, "子丑寅卯"),
    ]


def test_ops_rebuild_both_normalized_texts(corpus: Corpus) -> None:
    for left, right in [("central", "yunnan"), ("central", "weiyuan"), ("yunnan", "weiyuan")]:
        diff = diff_documents(corpus, left, right)
        ldoc, rdoc = corpus.document(left), corpus.document(right)
        for p in diff.pairs:
            la, ra = ldoc.article(p.left), rdoc.article(p.right)
            assert la is not None and ra is not None
            left_text = "".join(t for op, t in p.ops if op != "insert")
            right_text = "".join(t for op, t in p.ops if op != "delete")
            assert left_text == readable(la.full_text)
            if p.status == "changed":
                assert right_text == readable(ra.full_text)
            assert normalize(right_text) == normalize(ra.full_text)


def test_diff_shows_the_documents_words_not_taiwan_rewrites(corpus: Corpus) -> None:
    """tw2sp would show 建立 as 创建; the diff shows the words the documents use."""
    diff = diff_documents(corpus, "central", "weiyuan")
    shown = "".join(t for p in diff.pairs for _, t in p.ops)
    assert "建立" in shown and "创建" not in shown


# --- relations and filters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "relation"),
    [
        ("central", "yunnan", "superior"),
        ("yunnan", "weiyuan", "sibling"),
        ("central", "weiyuan-accountability", "unrelated"),
        ("weiyuan", "central", "inferior"),
    ],
)
def test_diff_says_how_documents_are_related(
    corpus: Corpus, left: str, right: str, relation: str
) -> None:
    diff = diff_documents(corpus, left, right)
    assert diff.relation == relation and not diff.same


def test_select(corpus: Corpus) -> None:
    diff = diff_documents(corpus, "central", "weiyuan")
    changed = select(diff, "changed")
    assert changed.pairs and all(p.status == "changed" for p in changed.pairs)
    assert changed.left_only == changed.right_only == ()
    actor = select(diff, "actor")
    assert 14 in [p.left for p in actor.pairs] and 21 not in [p.left for p in actor.pairs]
    assert select(diff, "left").left_only == diff.left_only and not select(diff, "left").pairs
    assert select(diff, "right").right_only == (7, 14)


# --- the command -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("central", "yunnan"),
        ("yunnan", "weiyuan"),
        ("central", "weiyuan", "--only", "actor"),
        ("central", "yunnan", "--threshold", "0.9"),
    ],
)
def test_json_is_the_library_result(run: Run, corpus: Corpus, args: tuple[str, ...]) -> None:
    result = run("diff", *args, "-f", "json")
    assert result.exit_code == 1
    threshold = float(args[3]) if "--threshold" in args else None
    only = args[3] if "--only" in args else None
    expected = diff_documents(
        corpus, args[0], args[1], **({"threshold": threshold} if threshold else {})
    )
    assert json.loads(result.stdout) == select(expected, only).model_dump(mode="json")  # type: ignore[arg-type]


def test_json_contract(run: Run) -> None:
    data = json.loads(run("diff", "central", "weiyuan", "-f", "json").stdout)
    assert (data["left"], data["right"], data["relation"]) == ("central", "weiyuan", "superior")
    pair = next(p for p in data["pairs"] if p["left"] == 14)
    assert (
        pair["right"] == 9 and pair["left_label"] == "第十四条" and pair["right_label"] == "第九条"
    )
    assert 0 <= pair["similarity"] <= 1 and pair["status"] == "changed"
    assert pair["ops"][0] == ["delete", "县级"]
    assert {"kind": "actor", "left": "县级党委和政府", "right": "镇党委、政府"} in pair["changes"]
    assert data["right_only"] == [7, 14]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("central", "central"), 0),
        (("中央", "central"), 0),
        (("central", "yunnan"), 1),
        (("central", "heilongjiang"), 1),
        (("central", "nowhere"), 2),
        (("central", "yunnan", "--threshold", "2"), 2),
    ],
)
def test_exit_codes_like_diff(run: Run, args: tuple[str, ...], code: int) -> None:
    assert run("diff", *args).exit_code == code


def test_unknown_document_is_one_sentence(run: Run) -> None:
    result = run("diff", "central", "yunan")
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith('Error: unknown document "yunan"') and "yunnan" in result.stderr


def test_plain_report(run: Run) -> None:
    out = run("diff", "central", "weiyuan").stdout
    lines = out.splitlines()
    assert lines[0] == (
        "central ↔ weiyuan [superior]: weiyuan implements central (第一条); "
        "central is the superior rule"
    )
    assert lines[1] == "20 paired, of which 17 changed; 9 only left; 2 only right"
    assert "  actor: 县级党委和政府 → 镇党委、政府" in lines
    assert "only in weiyuan:" in lines
    assert "\x1b[" not in out


def test_colour_on_a_terminal(run: Run) -> None:
    out = run("diff", "central", "weiyuan", env={"FUPIN_TERMINAL": "1", "COLUMNS": "100"}).stdout
    assert "\x1b[" in out and "[-县级-]" in out


@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "csv"])
def test_record_formats(run: Run, fmt: str) -> None:
    result = run("diff", "central", "weiyuan", "-f", fmt)
    assert result.exit_code == 1
    rows = result.stdout.strip().splitlines()
    assert len(rows) == 20 + 9 + 2 + (0 if fmt == "jsonl" else 1)


def test_golden_sibling_plain(run: Run) -> None:
    check_golden("diff_yunnan_weiyuan.txt", run("diff", "yunnan", "weiyuan").stdout)


def test_golden_actor_table(run: Run) -> None:
    result = run("diff", "central", "weiyuan", "--only", "actor", env=TABLE_ENV)
    check_golden("diff_central_weiyuan_actor.txt", result.stdout)
