"""The comparison page and the Markdown table, read back without a browser: structure,
escaping, the Content-Security-Policy, where unpaired and moved articles stand, `-o FILE`."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from fupin_cli.corpus import Corpus
from fupin_cli.diff import diff_documents, select
from fupin_cli.query.trace import trace
from fupin_cli.render.comparison import Comparison, of_diff, of_trace
from fupin_cli.render.page import environment

from goldens import check_golden
from pages import SCRIPT, hostile_copy, parse, skeleton

Run = Callable[..., Result]

BUNDLED_PAIRS = [
    ("central", "yunnan"),
    ("central", "weiyuan"),
    ("yunnan", "weiyuan"),
    ("central", "heilongjiang"),
    ("weiyuan", "central"),  # the local rule on the left: its superior's order on the right
]


def page(run: Run, *args: str) -> str:
    result = run(*args, "-f", "html")
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def test_golden_structure_of_central_yunnan(run: Run) -> None:
    check_golden("page_central_yunnan.txt", skeleton(page(run, "diff", "central", "yunnan")))


def test_golden_structure_of_a_trace(run: Run) -> None:
    html = page(run, "trace", "central", "14", "--down")
    check_golden("page_trace_central_14_down.txt", skeleton(html))


def test_the_templates_ship_inside_the_package() -> None:
    # the tests run against `pip install .` in CI: a template missing from the wheel fails here
    names = set(environment().list_templates())
    assert {"comparison.html", "page.css", "page.js"} <= names


@pytest.mark.parametrize(("left", "right"), BUNDLED_PAIRS)
def test_rows_are_the_articles_in_place(corpus: Corpus, left: str, right: str) -> None:
    full = diff_documents(corpus, left, right)
    comparison = of_diff(corpus, full)
    rows = comparison.counted
    assert len(rows) == len(full.pairs) + len(full.left_only) + len(full.right_only)
    ldoc, rdoc = corpus.document(left), corpus.document(right)
    # the left column, read down, is the left document in order, each article once
    assert [r.left.no for r in rows if r.left is not None] == [a.no for a in ldoc.articles]
    # the right column, read down without the moved pairs (their places stand in for them),
    # is the right document in order: unpaired articles stand where that document has them
    order = {a.no: j for j, a in enumerate(rdoc.articles)}
    right_column = [
        r.right.no
        for r in comparison.rows
        if r.right is not None and (r.kind != "pair" or not r.moved)
    ]
    assert right_column == sorted(right_column, key=order.__getitem__)
    assert sorted(right_column) == sorted(a.no for a in rdoc.articles)


def test_moved_pairs_link_to_their_place_and_back(corpus: Corpus) -> None:
    comparison = of_diff(corpus, diff_documents(corpus, "central", "yunnan"))
    by_anchor = {r.anchor: r for r in comparison.rows}
    moved = [r for r in comparison.rows if r.moved]
    # central 9-12 (the province's duties) stand as yunnan 4-7, before the leading group
    assert [(r.left.no, r.right.no) for r in moved if r.left and r.right] == [
        (9, 4),
        (10, 5),
        (11, 6),
        (12, 7),
    ]
    for row in moved:
        assert row.link is not None
        place = by_anchor[row.link]
        assert place.kind == "place" and place.link == row.anchor
    assert dict(comparison.summary)["moved"] == 4


def test_a_selection_keeps_its_rows_and_the_whole_summary(corpus: Corpus) -> None:
    full = diff_documents(corpus, "central", "yunnan")
    shown = select(full, "changed")
    comparison = of_diff(corpus, full, shown)
    assert len(comparison.counted) == len(shown.pairs)
    assert all(r.status == "changed" for r in comparison.counted)
    assert dict(comparison.summary)["paired"] == len(full.pairs)
    places = [r for r in comparison.rows if r.kind == "place"]
    assert {p.link for p in places} == {r.anchor for r in comparison.counted if r.moved}


def test_marks_show_the_documents_own_script(corpus: Corpus) -> None:
    comparison = of_diff(corpus, diff_documents(corpus, "central", "yunnan"))
    row = next(r for r in comparison.rows if r.anchor == "L15")
    assert row.right is not None
    assert ("insert", "(鎮)") in row.right.pieces  # 乡 -> 乡(镇), as Yunnan printed it
    assert row.right.text == corpus.document("yunnan").article(16).full_text  # type: ignore[union-attr]


def test_every_cell_is_the_article_as_written(corpus: Corpus) -> None:
    full = diff_documents(corpus, "central", "weiyuan")
    for row in of_diff(corpus, full).counted:
        for cell in (row.left, row.right):
            if cell is not None:
                article = corpus.document(cell.doc).article(cell.no)
                assert article is not None and cell.text == article.full_text


def _csp_sources(html: str) -> dict[str, str]:
    root = parse(html)
    meta = next(
        m for m in root.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    )
    return {
        part.split()[0]: " ".join(part.split()[1:])
        for part in meta.attrs["content"].split(";")
        if part.strip()
    }


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_admits_only_the_pages_own_style_and_script(run: Run) -> None:
    html = page(run, "diff", "central", "yunnan")
    policy = _csp_sources(html)
    assert policy["default-src"] == "'none'"
    root = parse(html)
    (style,) = root.find_all("style")
    (script,) = root.find_all("script")
    assert policy["style-src"] == _sha(style.text())
    assert policy["script-src"] == _sha(script.text())
    assert not script.attrs and not style.attrs


def test_the_page_names_nothing_to_fetch(run: Run) -> None:
    html = page(run, "diff", "central", "yunnan")
    root = parse(html)
    ids = {e.attrs["id"] for e in root.iter() if "id" in e.attrs}
    for element in root.iter():
        assert "src" not in element.attrs and "srcset" not in element.attrs, element.tag
        href = element.attrs.get("href")
        assert href is None or (href.startswith("#") and href[1:] in ids), href
        assert "style" not in element.attrs, element.tag  # the policy would refuse it
        assert not any(k.startswith("on") for k in element.attrs), element.tag
    assert not re.search(r"url\(|@import|@font-face|https?://", html)


@pytest.fixture()
def hostile_data(tmp_path: Path) -> Path:
    return hostile_copy(tmp_path / "data")


def test_document_text_is_escaped_on_the_page(run: Run, hostile_data: Path) -> None:
    result = run("diff", "central", "weiyuan", "-f", "html", "--data", str(hostile_data))
    assert result.exit_code == 1, result.stderr
    html = result.stdout
    assert SCRIPT not in html and "<img" not in html and "&amp;<b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    root = parse(html)
    assert len(root.find_all("script")) == 1  # the page's own
    assert not root.find_all("img")
    assert not any(td.find_all("b") for td in root.find_all("td", "art"))
    # the parsed page shows the markup as text, where the document wrote it
    assert any(f"全县20个{SCRIPT}&amp;<b>|*$镇" in td.text() for td in root.find_all("td", "art"))
    assert any(SCRIPT in h2.text() for h2 in root.find_all("h2"))
    assert any("<img src=x onerror=alert(1)>" in dd.text() for dd in root.find_all("dd"))


def test_document_text_is_escaped_in_markdown(run: Run, hostile_data: Path) -> None:
    result = run("diff", "central", "weiyuan", "-f", "md", "--data", str(hostile_data))
    md = result.stdout
    assert "<script>" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;" in md
    table = [line for line in md.splitlines() if line.startswith("|")]
    # every row has three cells: a | in a text is escaped, never a cell break
    assert {len(re.findall(r"(?<!\\)\|", line)) for line in table} == {4}
    assert r"&amp;amp;&lt;b&gt;\|\*\$镇" in md


def test_markdown_of_a_diff_has_a_row_per_article(run: Run) -> None:
    md = run("diff", "central", "yunnan", "-f", "md").stdout
    data = json.loads(run("diff", "central", "yunnan", "-f", "json").stdout)
    rows = [line for line in md.splitlines() if line.startswith("| **")]
    rows += [line for line in md.splitlines() if line.startswith("|  | **")]
    expected = len(data["pairs"]) + len(data["left_only"]) + len(data["right_only"])
    assert len(rows) == expected
    assert "4 moved" in md


def test_trace_page_shows_each_step_beside_its_source(corpus: Corpus) -> None:
    comparison: Comparison = of_trace(corpus, trace(corpus, "central", "14", down=True))
    pairs = [
        (r.left.doc, r.left.no, r.right.doc, r.right.no)
        for r in comparison.rows
        if r.left and r.right
    ]
    assert pairs == [("central", 14, "yunnan", 15), ("central", 14, "weiyuan", 9)]
    up = of_trace(corpus, trace(corpus, "weiyuan", "9"))
    assert [(r.left.doc, r.right.doc) for r in up.rows if r.left and r.right] == [
        ("central", "weiyuan")
    ]  # the superior rule on the left, whichever way the trace walked


def test_a_trace_that_finds_nothing_is_a_page_that_says_so(run: Run) -> None:
    result = run("trace", "yunnan", "第十四 條", "-f", "html")
    assert result.exit_code == 1
    root = parse(result.stdout)
    assert not [tr for tr in root.find_all("tr") if "row" in tr.classes]
    assert "no other document is the source of yunnan" in result.stdout


def test_output_file_is_written_whole(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "central-yunnan.html"
    target.write_text("old", encoding="utf-8")
    result = run("diff", "central", "yunnan", "-f", "html", "-o", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == page(run, "diff", "central", "yunnan")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_output_dash_is_stdout(run: Run) -> None:
    result = run("trace", "central", "14", "--down", "-f", "md", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("## central 第十四条")


@pytest.mark.parametrize("where", ["missing/x.html", "file.txt/x.html"])
def test_an_unwritable_output_is_one_sentence(run: Run, tmp_path: Path, where: str) -> None:
    (tmp_path / "file.txt").write_text("", encoding="utf-8")
    result = run("diff", "central", "yunnan", "-f", "html", "-o", str(tmp_path / where))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot write ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_failed_write_leaves_the_old_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("diff", "central", "yunnan", "-f", "md", "-o", str(target))
    assert result.exit_code == 2
    assert "permission denied" in result.stderr.lower()
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_other_commands_refuse_html(run: Run) -> None:
    result = run("docs", "-f", "html")
    assert result.exit_code == 2
    assert "html" in result.stderr and "table, json" in result.stderr
