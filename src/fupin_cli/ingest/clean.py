"""Cleaning steps applied to raw text before its structure is parsed.

Each step is a small named function so that it can be tested on its own; `clean` runs them in
order. No step removes a CJK character of the content: what is dropped (web-page debris) is
returned so that the caller can list it in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    r"^(?:第[ \t]*[一二三四五六七八九十百零〇两]+[ \t]*[章节節条條]"
    r"|[一二三四五六七八九十百零〇两]+、|[(（][一二三四五六七八九十百零〇两\d]+[)）]|\d{1,3}[.、．]"
    r"|主要责任单位|主要責任單位|牵头单位|牽頭單位|责任单位|責任單位|协同单位|協同單位"
    r"|配合单位|配合單位|参与单位|參與單位)"
)

# Once one of these lines appears, the rest of the page is not the document.
_END_OF_CONTENT = re.compile(r"^(?:分享到|分享至|出处|出處|相关新闻|相關新聞|【打印】)[:：]?")


@dataclass
class Cleaned:
    """Cleaned lines plus what was dropped on the way (for warnings)."""

    lines: list[str]
    dropped: list[str] = field(default_factory=list)

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


def normalize_spaces(text: str) -> str:
    """Turn odd spaces into ASCII spaces, unify line ends, strip each line's ends."""
    text = _ODD_SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.strip() for line in text.split("\n"))


def split_run_on_headings(text: str) -> str:
    """Move a chapter heading that runs on at the end of an article onto its own line."""
    return _RUN_ON_HEADING.sub("\n", text)


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


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join a line that stops inside an open 《 (a title broken over lines) with its rest.

    A line that starts a new article, outline item or unit list is never joined: a stray 《 must
    not swallow the next article.
    """
    out: list[str] = []
    pending = ""
    for line in lines:
        if pending and _STARTS_UNIT.match(line):
            out.append(pending)
            pending = ""
        pending += line
        if pending.count("《") > pending.count("》") and len(pending) < 200:
            continue
        out.append(pending)
        pending = ""
    if pending:
        out.append(pending)
    return out


def drop_blank_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line]


def clean(text: str) -> Cleaned:
    """Run every cleaning step; the result's lines are non-empty and stripped."""
    text = strip_pinyin_annotations(text)
    text = normalize_spaces(text)
    text = split_run_on_headings(text)
    result = drop_web_debris(text.split("\n"))
    result.lines = join_broken_lines(drop_blank_lines([line.strip() for line in result.lines]))
    return result
