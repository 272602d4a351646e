"""Level and region of a document, from what the document itself prints.

The issuers come first (中共成都市委办公厅 is a prefecture), then the title, then the lines
that record its adoption (北京市人民代表大会常务委员会…通过). Where nothing names a place or a
central body, the answer is `unknown`: a guess would put a city plan among the central rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..levels import Level
from ..normalize import normalize

UNKNOWN_REGION = "unknown"

_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北"
    "|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾"
)
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# a province's name with its suffix as printed: 四川省, 广西壮族自治区, 北京市
_PROVINCE = re.compile(
    rf"(?:{_PROVINCES})(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)?"
)
# one step below: a prefecture (市, 州, 自治州, 盟, 地区) or a county (县, 自治县, 区, 旗); the
# look-behinds keep words such as 城市, 上市, 小区, 保护区 and 县城 from reading as places
_LONG = r"[\u4e00-\u9fff]{2,10}?"
_PREFECTURE = re.compile(
    r"[\u4e00-\u9fff]{2,12}?族自治州"
    r"|[\u4e00-\u9fff]{2,5}?(?:(?<![上超市])市|州|盟)(?!场|民|级|县城|直|属)"
)
_AUTONOMOUS = re.compile(rf"{_LONG}(?:族自治县|族自治旗)")
_COUNTY = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:县|旗)(?!城|级|域|直|属|乡)")
_DISTRICT = re.compile(
    r"[\u4e00-\u9fff]{2,3}?(?<![小港宅老产貌特园发景护胜税洪保])区(?!域|级|直|属)"
)
_TOWNSHIP = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)(?!级|村)")
_CENTRAL = re.compile(
    r"^(?:中共中央|中央|国务院|全国人民代表大会|全国人大|最高人民法院|最高人民检察院"
    r"|中华人民共和国|中办|国办|国家[\u4e00-\u9fff]{1,12}(?:委员会|委|局|署|院|部|办公室)"
    r"|[\u4e00-\u9fff]{1,10}部(?:办公厅)?$|[\u4e00-\u9fff]{2,10}部(?:关于|令)"
    r"|人力资源社会保障部|财政部|教育部|民政部|农业农村部|审计署|中国人民银行)"
)
_SKIP = re.compile(r"^(?:中共|中国共产党)")


class Jurisdiction(NamedTuple):
    """A document's level and its region as printed (四川省成都市), or `unknown`."""

    level: Level
    region: str
    source: str  # what it was read from: issuer, title, history, or nothing


def _place(text: str, *, issuer: bool = False) -> tuple[Level, str] | None:
    """The place a name or title starts with: 四川省成都市 -> (prefecture, 四川省成都市).

    An issuer is a body's name, so 武侯区人民政府 is a county; in a title a district (区) counts
    only after its city (成都市武侯区), because titles start with words like 保税区 too.
    """
    s = _SKIP.sub("", normalize(text))
    if s.startswith(("关于", "关於")):
        return None
    region = ""
    level: Level | None = None
    m = _PROVINCE.match(s)
    if m:
        name = m.group(0)
        bare = re.sub(r"(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$", "", name)
        if name == bare and s[len(name) : len(name) + 1] not in ("", "委", "人", "政", "党"):
            return None  # 云南农业大学, 北京大学: a name that only starts with the place
        region, level, s = name, Level.province, s[len(name) :]
        if bare in _MUNICIPALITIES and not name.endswith("市"):
            region = bare + "市"
    if level is None:
        m = _PREFECTURE.match(s)
        if m:
            region, level, s = m.group(0), Level.prefecture, s[m.end() :]
    elif bare not in _MUNICIPALITIES:
        m = _PREFECTURE.match(s)
        if m:
            region, level, s = region + m.group(0), Level.prefecture, s[m.end() :]
    district_ok = issuer or level is not None
    for pattern in (_AUTONOMOUS, _COUNTY, _DISTRICT):
        if pattern is _DISTRICT and not district_ok:
            continue
        m = pattern.match(s)
        if m:
            region, level, s = region + m.group(0), Level.county, s[m.end() :]
            break
    if level is None:
        return None
    if level == Level.county or issuer:
        m = _TOWNSHIP.match(s)
        if m and level in (Level.county, Level.prefecture):
            region, level = region + m.group(0), Level.township
    return level, region


def _central(text: str) -> bool:
    return bool(_CENTRAL.match(_SKIP.sub("", normalize(text)) or "")) or bool(
        re.match(r"^(?:中共中央|中央)", normalize(text))
    )


def _without_citations(title: str) -> str:
    return re.sub(r"《[^》]*》", "", title)


def jurisdiction(
    *, issuers: Iterable[str] = (), title: str = "", history: Iterable[str] = ()
) -> Jurisdiction:
    """Level and region from the issuers, then the title, then the adoption lines."""
    issuers = [x for x in issuers if x]
    for issuer in issuers:
        found = _place(issuer, issuer=True)
        if found:
            return Jurisdiction(*found, "issuer")
    if any(_central(x) for x in issuers):
        return Jurisdiction(Level.central, "全国", "issuer")
    bare = _without_citations(title)
    found = _place(bare)
    if found:
        return Jurisdiction(*found, "title")
    head = re.match(r"^(.*?)(?:关于|關於)", bare)
    if head:  # the issuers a title names before 关于
        for name in re.split(r"[\s、,，]+", head.group(1)):
            found = _place(name, issuer=True) if name else None
            if found:
                return Jurisdiction(*found, "title")
    if _central(bare) or (head and _central(head.group(1))):
        return Jurisdiction(Level.central, "全国", "title")
    found = _place(re.sub(r"^.*?(?:关于|關於)", "", bare))
    if found:
        return Jurisdiction(*found, "title")
    for line in history:
        words = re.sub(r"^[\s\d年月日〇零一二三四五六七八九十()（）]+", "", line)
        found = _place(words)
        if found:
            return Jurisdiction(*found, "history")
        if _central(words) or "全国人民代表大会" in words:
            return Jurisdiction(Level.central, "全国", "history")
    for cited in re.findall(r"《([^》]*)》", title):  # 贯彻落实《中共云南省委…》: the place cited
        found = _place(cited)
        if found:
            return Jurisdiction(*found, "title")
    return Jurisdiction(Level.unknown, UNKNOWN_REGION, "")
