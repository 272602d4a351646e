"""Finding the registry's actors in text: every name, the name a text starts with, a list.

One matcher serves the whole package: names are looked for longest first and never overlap,
so 省扶贫开发领导小组办公室 is not also read as 省扶贫开发领导小组.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..corpus import ActorRegistry
from ..normalize import char_keys, normalize

_NAME_SEPARATORS = ("、", "和", "或", "及")


@dataclass(frozen=True)
class Span:
    """An actor named at keys[start:end], by its canonical name."""

    start: int
    end: int
    actor: str


def actor_spans(
    keys: str, registry: ActorRegistry, blocked: list[bool] | None = None
) -> list[Span]:
    """Registry actors named in `keys` (a folded text): longest names first, no overlaps.

    Args:
        keys: the text in a folded form (`char_keys` or `normalize`), matched as it is.
        registry: whose names are looked for.
        blocked: positions no name may cover (True), e.g. the inside of a cited 《title》.

    Returns:
        The spans in text order.
    """
    taken = list(blocked) if blocked is not None else [False] * len(keys)
    spans: list[Span] = []
    for needle, canon in registry.folded_names:
        start = keys.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(needle)
                spans.append(Span(start, end, canon))
            start = keys.find(needle, start + 1)
    return sorted(spans, key=lambda s: s.start)


def inside_titles(keys: str) -> list[bool]:
    """True for every position inside a cited 《title》 (the marks included)."""
    inside = [False] * len(keys)
    depth = 0
    for i, ch in enumerate(keys):
        depth += ch == "《"
        inside[i] = depth > 0
        depth -= ch == "》" and depth > 0
    return inside


# What may follow a duty bearer's name: a clause boundary, or the duty itself (a modal, a
# verb, a preposition that leads to one). A short name followed by anything else is part of
# a longer word (中央一般性转移支付, 中央和国家机关, 中央有关规定) and names no one; a longer
# name may also govern a noun (县级党委和政府扶贫开发工作), unless the noun is money or
# property (省级财政资金).
_BOUNDARY = ",.;:、)]》”’!?。，；：）】"
_DUTY_NEXT = re.compile(
    r"(?:应当|应|要|须|必须|需|可以|可|不得|负责|负|主要|具体|承担|统筹|牵头|组织|加强|提出|对|向|在|"
    r"按照|按|根据|依托|依据|依照|结合|每年|每半年|每季度|定期|及时|切实|全面|认真|进一步|签署|签订|"
    r"报告|报送|报|备案|参与|做好|建立|健全|建设|制定|组建|实施|开展|落实|推进|推动|完善|审定|审核|"
    r"审批|评议|核实|考核|督查|检查|监督|指导|协调|决策|支持|配合|会同|把|将|以|为|是|作为|给予|"
    r"安排|研究|部署|出台|办理|受理|确定|分管|共同|分别|履行|抓|做|管|给|同|与|从|经|于|已|均|都|也|"
    r"进行|开展|实行|推行|提供|发挥|保障|保证|确保|督导|统一|集中|继续|不断|积极|主动|严格|依法|加大|"
    r"强化|牵头|带头|帮助|协助|参加|召开|听取|汇报|反馈|通报|发布|公布|印发|转发|下达|拨付|筹集|"
    r"整合|使用|管理|负有|享有|行使|接受|作出|做出|提请|批准|决定|同意|授权|委托|聘请|邀请|"
    r"和|及|或|以及|等|的(?!决定|通知|意见|规定)|党组|领导班子|主要负责|负责人|书记|主任|组长)"
)
_DUTY_BEFORE = (
    "由",
    "向",
    "报",
    "经",
    "会同",
    "对",
    "请",
    "接受",
    "与",
    "送",
    "和",
    "及",
    "、",
    "或",
)
_SHORT = 3
_THING = re.compile(
    r"(?:财政|资金|一般性|转移支付|预算|投资|专项|补助|补贴|奖补|债|资产|项目|企业|直属|所属|下属"
    r"|文件|有关规定|规定|政策|精神|会议|名义|标准|账户|经费|拨付|安排的)"
)


def _bears(keys: str, span: Span, spans: list[Span]) -> bool:
    """Whether a name found at `span` names an actor of the text (not part of a longer word)."""
    rest = keys[span.end :]
    if not rest or rest[0] in _BOUNDARY or rest[0].isspace():
        return True
    m = _DUTY_NEXT.match(rest)
    if m is None:
        if span.end - span.start > _SHORT:
            return not _THING.match(rest)
        return keys[: span.start].endswith(_DUTY_BEFORE) and _ends_name(rest)
    if m.group(0) in ("和", "及", "或", "以及", "与", "同"):  # a list: the next must be a name
        after = span.end + len(m.group(0))
        return any(s.start == after for s in spans) or bool(
            re.match(r"(?:其|各级|所属|有关|相关|驻|干部|工作人员|负责人)", keys[after:])
        )
    return True


def _ends_name(rest: str) -> bool:
    """After 由X / 向X: the name is whole when a verb follows, not another noun."""
    return bool(_DUTY_NEXT.match(rest))


def propose_actors(text: str, registry: ActorRegistry) -> list[str]:
    """Registry actors named in `text` as bearers of its duties, each once, in text order.

    Names inside a cited title (《中共中央、国务院关于…》) are the issuers of another rule,
    not actors this text gives a duty to, so they are skipped; so is a name that is only
    part of a longer word (中央一般性转移支付 is money, not 中央).
    """
    key = normalize(text)
    out: list[str] = []
    spans = actor_spans(key, registry, inside_titles(key))
    for span in spans:
        if span.actor not in out and _bears(key, span, spans):
            out.append(span.actor)
    return out


def leading_actor(text: str, registry: ActorRegistry) -> tuple[str, str] | None:
    """(the name as written, canonical name) of the registry actor `text` starts with."""
    keys = char_keys(text)
    for key, canon in registry.folded_names:
        if keys.startswith(key):
            return text[: len(key)], canon
    return None


def split_names(text: str, registry: ActorRegistry) -> list[str]:
    """Split a list of units (X、Y或Z) keeping registry names whole (镇党委、政府).

    A part that is not a registry name runs to the end of the list, so a description such as
    驻威市直管单位的上级业务主管部门或单位 stays one unit.
    """
    out: list[str] = []
    rest = text
    while rest:
        found = leading_actor(rest, registry)
        if found is None or not (
            len(found[0]) == len(rest) or rest[len(found[0])] in "".join(_NAME_SEPARATORS)
        ):
            out.append(rest)
            break
        out.append(found[0])
        rest = rest[len(found[0]) :]
        rest = rest[1:] if rest[:1] in _NAME_SEPARATORS else rest
    return [x for x in out if x]
