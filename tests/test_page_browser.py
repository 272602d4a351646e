"""The comparison page in a real browser: headless Debian Chromium driven by Playwright.

No browser is downloaded: Playwright drives the system's Chromium (`/usr/bin/chromium`, or
FUPIN_CHROMIUM). Without one these tests skip with the reason, except where
FUPIN_BROWSER_TESTS=required (`.ci/run` sets it), where a missing browser is a failure.
Every page is opened from a file, as from a mail attachment, and every request the page
makes is recorded: there must be none but the file itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from fupin_cli.corpus import Corpus
from fupin_cli.normalize import normalize

from pages import SCRIPT, hostile_copy

#: The flags the machine notes give for Chromium as root on a closed network.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRED = os.environ.get("FUPIN_BROWSER_TESTS") == "required"
#: A4 less the print style sheet's side margins (10 mm each), in CSS pixels (96 per inch).
A4_PRINT_WIDTH = round((210 - 20) / 25.4 * 96)


def chromium_path() -> tuple[str | None, str]:
    """The Chromium to drive, or None and why there is none."""
    named = os.environ.get("FUPIN_CHROMIUM")
    if named:
        if os.path.isfile(named) and os.access(named, os.X_OK):
            return named, ""
        return None, f"FUPIN_CHROMIUM={named} is not an executable"
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found, "" if found else "no Chromium found (apt-get install chromium, or FUPIN_CHROMIUM)"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path, reason = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "Playwright is not installed (pip install '.[test]')"
    if reason:
        if REQUIRED:
            pytest.fail(f"{reason}; FUPIN_BROWSER_TESTS=required does not allow a skip")
        pytest.skip(f"browser tests skipped: {reason}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def fupin(*args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point, as a user runs it."""
    env = {k: v for k, v in os.environ.items() if k not in ("FUPIN_DATA", "FUPIN_TERMINAL")}
    proc = subprocess.run(
        [sys.executable, "-m", "fupin_cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc


def rows_of(data: dict[str, Any]) -> int:
    return len(data["pairs"]) + len(data["left_only"]) + len(data["right_only"])


@pytest.fixture(scope="module")
def diff_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "central-yunnan.html"
    fupin("diff", "central", "yunnan", "-f", "html", "-o", str(path))
    return path


@pytest.fixture(scope="module")
def diff_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(fupin("diff", "central", "yunnan", "-f", "json").stdout)
    return data


@dataclass
class Opened:
    """A page opened from its file, with everything it asked the network for."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def visible_rows(self) -> int:
        return int(self.page.locator("tr.row:not([hidden])").count())

    def shown(self) -> int:
        return int(self.page.locator("#shown").inner_text())

    def show(self, value: str) -> None:
        self.page.locator(f'input[name="show"][value="{value}"] + span').click()

    def current(self) -> str:
        return str(self.page.evaluate("document.activeElement.id"))


@pytest.fixture()
def open_page(browser: Any) -> Iterator[Any]:
    contexts = []

    def opener(path: Path, width: int = 1280) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.resolve().as_uri())

        def guard(route: Any) -> None:  # anything but the file itself is refused and noted
            if route.request.url == opened.url:
                route.continue_()
            else:
                opened.refused.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
        page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(opened.url)
        return opened

    yield opener
    for context in contexts:
        context.close()


def test_one_row_per_article_as_in_json(
    open_page: Any, diff_page: Path, diff_json: dict[str, Any]
) -> None:
    opened = open_page(diff_page)
    total = rows_of(diff_json)
    assert opened.visible_rows() == total == opened.shown() == 33
    pairs = opened.page.locator("tr.row.pair")
    assert pairs.count() == len(diff_json["pairs"])
    labels = pairs.locator("td.art:first-child a.label").all_inner_texts()
    assert labels == [p["left_label"] for p in diff_json["pairs"]]  # the left document's order
    assert opened.page.locator("tr.row.pair.moved").count() == 4
    assert opened.errors == []


@pytest.mark.parametrize("only", ["changed", "left", "right", "actor"])
def test_show_filters_agree_with_only(
    open_page: Any, diff_page: Path, diff_json: dict[str, Any], only: str
) -> None:
    expected = rows_of(
        json.loads(fupin("diff", "central", "yunnan", "--only", only, "-f", "json").stdout)
    )
    opened = open_page(diff_page)
    opened.show(only)
    assert opened.visible_rows() == opened.shown() == expected
    assert 0 < expected < rows_of(diff_json)
    assert opened.page.locator("tr.place:not([hidden])").count() == 0
    opened.show("all")
    assert opened.visible_rows() == rows_of(diff_json)
    assert opened.page.locator("tr.place:not([hidden])").count() == 4


def _rows_holding(corpus: Corpus, data: dict[str, Any], words: str) -> int:
    """Rows whose left or right article holds `words` after folding, counted from the JSON."""
    left, right = corpus.document(data["left"]), corpus.document(data["right"])

    def holds(doc: Any, no: int) -> bool:
        return normalize(words) in normalize(doc.article(no).full_text)

    count = sum(holds(left, p["left"]) or holds(right, p["right"]) for p in data["pairs"])
    count += sum(holds(left, no) for no in data["left_only"])
    return count + sum(holds(right, no) for no in data["right_only"])


@pytest.mark.parametrize("words", ["州(市)", "州（市）", "签署 脱贫责任书", "县级党委"])
def test_filter_box(
    open_page: Any, diff_page: Path, diff_json: dict[str, Any], corpus: Corpus, words: str
) -> None:
    opened = open_page(diff_page)
    opened.page.fill("#filter", words)
    expected = _rows_holding(corpus, diff_json, words)
    assert 0 < expected < rows_of(diff_json)
    assert opened.visible_rows() == opened.shown() == expected
    # the filters combine: only the changed pairs among them
    opened.show("changed")
    assert opened.visible_rows() <= expected
    opened.page.locator("#filter").press("Escape")
    opened.show("all")
    assert opened.visible_rows() == rows_of(diff_json)


def test_filter_finds_traditional_words_as_printed(open_page: Any, diff_page: Path) -> None:
    opened = open_page(diff_page)
    opened.page.fill("#filter", "鄉(鎮)")
    texts = opened.page.locator("tr.row:not([hidden])").all_inner_texts()
    assert len(texts) == opened.shown() > 0
    assert all("鄉(鎮)" in text for text in texts)
    opened.page.fill("#filter", "没有这样的话")
    assert opened.visible_rows() == 0
    assert opened.page.locator("#empty").is_visible()


def test_keyboard_jumps_between_changes(open_page: Any, diff_page: Path) -> None:
    opened = open_page(diff_page)
    page = opened.page
    changes = page.locator('tr.row[data-change="1"]').evaluate_all("rows => rows.map(r => r.id)")
    assert changes[:3] == ["L1", "R1", "L2"]  # unpaired articles are changes too
    page.keyboard.press("j")
    assert opened.current() == "L1"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert opened.current() == "L2"
    page.keyboard.press("k")
    assert opened.current() == "R1"
    # identical pairs are passed over: yunnan 第十四 條 (only there), then central 第十五条;
    # central 第十四条 is word for word yunnan 第十五條
    page.locator("#R14 td.meta").click()
    page.keyboard.press("j")
    assert opened.current() == "L15"
    # a jump brings the row into view
    box = page.locator("#L15").bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    # with a filter, only the rows shown are stops
    opened.show("right")
    page.keyboard.press("k")
    assert opened.current() == "R14"  # the nearest shown change before 第十五条
    page.keyboard.press("k")
    assert opened.current() == "R13"
    page.keyboard.press("/")
    assert opened.current() == "filter"


def test_no_request_leaves_the_page(open_page: Any, diff_page: Path) -> None:
    opened = open_page(diff_page)
    page = opened.page
    opened.show("changed")
    page.fill("#filter", "省")
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.locator("a.tag.moved").first.click()
    assert opened.requests == [opened.url] and opened.refused == []
    assert opened.errors == []  # the policy admitted the page's own style and script
    struck = page.evaluate("getComputedStyle(document.querySelector('del')).textDecorationLine")
    assert "line-through" in struck
    # the policy itself forbids requests: a fetch and an image are refused before the network
    outcome = page.evaluate(
        """async () => {
            const seen = [];
            document.addEventListener(
                'securitypolicyviolation', e => seen.push(e.violatedDirective));
            const img = new Image(); img.src = 'https://example.com/pixel.png';
            let fetched = 'allowed';
            try { await fetch('https://example.com/x'); } catch (e) { fetched = 'refused'; }
            await new Promise(r => setTimeout(r, 100));
            return {fetched, seen};
        }"""
    )
    assert outcome["fetched"] == "refused"
    assert {"connect-src", "img-src"} <= set(outcome["seen"])
    assert opened.refused == []  # refused by the page itself: neither reached the network


def test_screenshot(open_page: Any, diff_page: Path, tmp_path: Path) -> None:
    opened = open_page(diff_page)
    page = opened.page
    top, moved = tmp_path / "central-yunnan.png", tmp_path / "central-yunnan-moved.png"
    page.screenshot(path=str(top))
    page.evaluate("document.getElementById('R4-place').scrollIntoView({block: 'start'})")
    page.screenshot(path=str(moved))
    for shot in (top, moved):
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    print(f"screenshots: {top} {moved}")


def test_print_fits_a4(open_page: Any, diff_page: Path, tmp_path: Path) -> None:
    opened = open_page(diff_page, width=A4_PRINT_WIDTH)
    page = opened.page
    page.emulate_media(media="print")
    assert page.locator(".toolbar").is_hidden()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= A4_PRINT_WIDTH
    pdf = tmp_path / "central-yunnan.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-"
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) >= 3
    boxes = {
        tuple(round(float(x)) for x in m)
        for m in re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", data)
    }
    assert boxes == {(596, 843)} or boxes == {(595, 842)}  # A4 in points


def test_trace_page(open_page: Any, tmp_path: Path) -> None:
    path = tmp_path / "trace.html"
    fupin("trace", "central", "14", "--down", "-f", "html", "-o", str(path))
    opened = open_page(path)
    assert opened.visible_rows() == 2
    opened.show("changed")
    assert opened.visible_rows() == 1
    assert "weiyuan" in opened.page.locator("tr.row:not([hidden])").inner_text()
    assert opened.requests == [opened.url] and opened.errors == []


def test_markup_in_a_document_is_shown_as_text(open_page: Any, tmp_path: Path) -> None:
    data = hostile_copy(tmp_path / "data")
    path = tmp_path / "hostile.html"
    fupin("diff", "central", "weiyuan", "-f", "html", "-o", str(path), "--data", str(data))
    opened = open_page(path)
    page = opened.page
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator("img").count() == 0
    assert SCRIPT in page.locator("article.doc h2").last.inner_text()
    assert page.get_by_text(f"全县20个{SCRIPT}", exact=False).count() == 1
    assert opened.dialogs == [] and opened.errors == []
    assert opened.requests == [opened.url] and opened.refused == []
