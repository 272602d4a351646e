"""Cleaning steps applied to raw text before its structure is parsed.

Each step is a small named function so that it can be tested on its own; `clean` runs them in
order. No step removes a CJK character of the content: what is dropped (web-page debris) is
returned so that the caller can list it in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tables import Table, replace_tables

# A parenthesised pinyin syllable left by a converter: 發(fā), 統(tǒng), 區(qū). It must hold at
# least one tone-marked vowel and nothing but Latin letters, so 州(市) or (2016) never match.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_ANNOTATION = re.compile(rf"[(（]([a-zü]*[{_TONED}][a-z{_TONED}ü]*)[)）]")

# Spaces that are not ASCII: no-break, ideographic, en/em spaces, zero width, BOM.
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")

# A chapter or section heading glued to the end of the previous article: "……體系。 第二章省負總責"
_RUN_ON_HEADING = re.compile(
    r"(?<=[。；;！!？?])[ \t]*(?=第[一二三四五六七八九十百零〇两]+[ \t]*[章节節])"
)

# An article run on after a run-on heading's short title: "第六章附则第四十条本条例…"
_RUN_ON_ARTICLE = re.compile(
    r"^(第[一二三四五六七八九十百零〇两]{1,4}[章节節][^\n。；，,：:]{1,15}?)"
    r"(?=第[一二三四五六七八九十百千零〇两]+[条條])",
    re.M,
)

# Lines of web-page furniture. Matched against a whole (stripped) line.
_DEBRIS_LINE = re.compile(
    r"""^(?:
        (?:当前位置|當前位置|您现在的位置|您的位置)[:：].*
      | .*(?:发布时间|發佈時間|发布日期|發布時間)[:：].*
      | .*(?:阅读次数|閱讀次數|打印本页|打印本頁|关闭窗口|關閉窗口).*
      | (?:文章来源|文章來源|来源|來源|责任编辑|責任編輯)[:：].*
      | [+|\-\s]+
      | \d{1,2}\.\d{1,2}\.\d{4}\s+\d{1,2}:\d{2}
      | \d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(?::\d{2})?
    )$""",
    re.VERBOSE,
)

# A line that opens a new structural unit is never the rest of a title broken over lines.
_STARTS_UNIT = re.compile(
    r"^(?:#|第[ \t]*[一二三四五六七八九十百千零〇两]+[ \t]*[编章节節条條]"
    r"|[一二三四五六七八九十百千零〇两]+、|[(（][一二三四五六七八九十百零〇两\d]+[)）]|\d{1,3}[.、．]"
    r"|\||\x00)"
)
# Brackets a line may leave open: a title or a list of units broken over lines.
_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("〔", "〕"))
# A role word broken over two lines: 牵头部 / 门, 责任 / 单位.
_SPLIT_WORD = re.compile(r"(?:牵头|牽頭|责任|責任|配合|协同|協同|参与|參與)(?:单|單|部)?$")
_WORD_REST = re.compile(r"^(?:位|門|门|单位|單位|部门|部門)")

# Markup that is not text: an HTML comment (<!-- INFO END -->), a list bullet, bold marks.
_COMMENT = re.compile(r"^<!--.*-->$")
_BULLET = re.compile(r"^[-*+•·●▪◆■□][ \t]+")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
# The dated lines of a law database's header (1982年11月19日 …通过), broken over lines.
_INFO_END = "<!-- INFO END -->"
_STARTS_EVENT = re.compile(r"^(?:#|[(（]?\d{4}\s*年|[(（]?[〇零一二三四五六七八九○]{4}年)")

# Once one of these lines appears, the rest of the page is not the document.
_END_OF_CONTENT = re.compile(r"^(?:分享到|分享至|出处|出處|相关新闻|相關新聞|【打印】)[:：]?")


@dataclass
class Cleaned:
    """Cleaned lines plus what was taken out on the way: web-page debris (for warnings),
    markup (HTML comments such as a law database's <!-- INFO END -->) and task tables (read
    from the raw lines; a placeholder line stands where each was, see `tables`)."""

    lines: list[str]
    dropped: list[str] = field(default_factory=list)
    markup: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def strip_pinyin_annotations(text: str) -> str:
    """Remove converter annotations such as 發(fā); keep every other parenthesis.

    Repeated until nothing changes, so that removing an inner annotation cannot leave a new one
    behind (`(f(fā)ā)`) and cleaning stays idempotent.
    """
    while True:
        stripped = PINYIN_ANNOTATION.sub("", text)
        if stripped == text:
            return text
        text = stripped


def layout_lines(text: str) -> list[str]:
    """The raw lines with their alignment kept: an ideographic space is two columns wide,
    other odd spaces one; only line ends are unified and trailing spaces dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", "  ")
    return [_ODD_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]


def normalize_spaces(text: str) -> str:
    """Turn odd spaces into ASCII spaces, unify line ends, strip each line's ends."""
    text = _ODD_SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.strip() for line in text.split("\n"))


def split_run_on_headings(text: str) -> str:
    """Move a chapter heading that runs on at the end of an article onto its own line, and
    an article that runs on after such a heading's title (第六章附则第四十条本条例…)."""
    text = _RUN_ON_HEADING.sub("\n", text)
    return _RUN_ON_ARTICLE.sub("\\1\n", text)


def drop_web_debris(lines: list[str]) -> Cleaned:
    """Drop page furniture (位置, 发布时间, 打印本页, 分享到 and all after it); keep the rest."""
    kept: list[str] = []
    dropped: list[str] = []
    for i, line in enumerate(lines):
        if _END_OF_CONTENT.match(line):
            dropped.extend(x for x in lines[i:] if x)
            break
        if line and _DEBRIS_LINE.match(line):
            dropped.append(line)
        else:
            kept.append(line)
    return Cleaned(kept, dropped)


def _open(text: str) -> bool:
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


def _starts_unit(line: str) -> bool:
    from ..extract.assignments import is_unit_line

    return bool(_STARTS_UNIT.match(line)) or is_unit_line(line)


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join a line that stops inside an open 《 or （ (a title or a list of units broken over
    lines) with its rest, and a role word broken in two (牵头部 / 门：…).

    A line that starts a new article, outline item or unit list is never joined: a stray 《 must
    not swallow the next article.
    """
    out: list[str] = []
    pending = ""
    for line in lines:
        if (
            pending
            and _starts_unit(line)
            and not (_SPLIT_WORD.search(pending) and _WORD_REST.match(line))
        ):
            out.append(pending)
            pending = ""
        pending += line
        if len(pending) < 200 and (_open(pending) or _SPLIT_WORD.search(pending)):
            continue
        out.append(pending)
        pending = ""
    if pending:
        out.append(pending)
    return out


def strip_markup(lines: list[str]) -> Cleaned:
    """Drop HTML comments, list bullets and bold marks; join the broken lines of a law
    database's dated header (the lines before <!-- INFO END -->)."""
    kept: list[str] = []
    markup: list[str] = []
    info_end = lines.index(_INFO_END) if _INFO_END in lines else -1
    for i, line in enumerate(lines):
        if _COMMENT.match(line):
            markup.append(line)
            continue
        line = _BOLD.sub(lambda m: m.group(1) or m.group(2), _BULLET.sub("", line))
        if (
            i < info_end
            and kept
            and line
            and not _STARTS_EVENT.match(line)
            and _STARTS_EVENT.match(kept[-1])
            and not kept[-1].startswith("#")
        ):
            kept[-1] += line  # a dated line broken in two
            continue
        kept.append(line)
    return Cleaned(kept, markup=markup)


def drop_blank_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line]


def clean(text: str) -> Cleaned:
    """Run every cleaning step; the result's lines are non-empty and stripped."""
    text = strip_pinyin_annotations(text)
    lines, tables = replace_tables(layout_lines(text))
    text = normalize_spaces("\n".join(lines))
    text = split_run_on_headings(text)
    result = drop_web_debris(text.split("\n"))
    result.tables = tables
    marked = strip_markup(drop_blank_lines([line.strip() for line in result.lines]))
    result.markup = marked.markup
    result.lines = join_broken_lines(drop_blank_lines([line.strip() for line in marked.lines]))
    return result
