"""The kinds of table a disclosure prints, recognised by title aliases and,
where the title is missing or unknown, by the words of their header.

Tables are numbered differently in every province and year (表4 here is
表七 there), so the number is never used. Kind names are the canonical
Chinese titles without year, department or quotes.
"""

from __future__ import annotations

from collections.abc import Iterable

from .lazy import lazy_pattern
from .records import record
from .text import key

__all__ = ["FINANCIAL", "KINDS", "Kind", "PERFORMANCE", "SCORE", "family_of", "kind_of", "recognise"]


@record
class Kind:
    name: str
    family: str  # 决算 | 预算 | 绩效
    aliases: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    # 决算: the nine tables
    Kind("收入支出决算总表", "决算", ("收入支出决算总表", "收支决算总表", "决算收入支出总表")),
    Kind("收入决算表", "决算", ("收入决算表",)),
    Kind("支出决算表", "决算", ("支出决算表",)),
    Kind("财政拨款收入支出决算总表", "决算", ("财政拨款收入支出决算总表", "财政拨款收支决算总表")),
    Kind("一般公共预算财政拨款支出决算表", "决算", ("一般公共预算财政拨款支出决算表",)),
    Kind(
        "一般公共预算财政拨款基本支出决算表",
        "决算",
        ("一般公共预算财政拨款基本支出决算表",),
    ),
    Kind("三公经费支出决算表", "决算", ("三公经费支出决算表", "三公经费")),
    Kind(
        "政府性基金预算财政拨款收入支出决算表",
        "决算",
        ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出决算表"),
    ),
    Kind(
        "国有资本经营预算财政拨款支出决算表",
        "决算",
        ("国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款收入支出决算表"),
    ),
    # 预算. Titles are compared without 预算, 情况, 明细, 部门 … and a fund's "财政拨款"
    # (see _title_key), so "部门收支总表", "收支预算总表" and "部门收支总体情况表" are one
    # alias, and "一般公共预算财政拨款支出表" is "一般公共预算支出表".
    Kind("部门收支总表", "预算", ("部门收支总表", "财务收支总表")),
    Kind("部门收入总表", "预算", ("部门收入总表",)),
    Kind("部门支出总表", "预算", ("部门支出总表", "本年支出总表")),
    Kind("财政拨款收支总表", "预算", ("财政拨款收支总表", "财政拨款收支表")),
    Kind("财政拨款支出表", "预算", ("财政拨款支出表",)),
    Kind("财政拨款基本支出表", "预算", ("财政拨款基本支出表",)),
    Kind("一般公共预算支出表", "预算", ("一般公共预算支出表",)),
    Kind("一般公共预算支出经济分类表", "预算", ()),
    Kind(
        "一般公共预算基本支出表",
        "预算",
        ("一般公共预算基本支出表",),
    ),
    Kind("一般公共预算基本支出功能分类表", "预算", ()),
    Kind("一般公共预算项目支出表", "预算", ("一般公共预算项目支出表",)),
    Kind("三公经费支出表", "预算", ("三公经费",)),
    Kind("政府性基金预算支出表", "预算", ("政府性基金预算支出表",)),
    Kind("国有资本经营预算支出表", "预算", ("国有资本经营预算支出表",)),
    Kind("机关运行经费支出表", "预算", ("机关运行经费支出表",)),
    Kind("政府采购预算表", "预算", ("政府采购",)),
    # 绩效
    Kind("项目支出绩效自评表", "绩效", ("项目支出绩效自评表", "项目绩效自评表", "项目自评表")),
    Kind("部门整体支出绩效自评表", "绩效", ("整体支出绩效自评表", "整体绩效自评表")),
    Kind("绩效评分表", "绩效", ("考核评分表", "绩效评分表", "自评得分表")),
    Kind(
        "项目支出绩效目标表",
        "绩效",
        (
            "项目支出绩效目标表",
            "项目绩效目标表",
            "绩效目标填报表",
            "专项资金绩效目标表",
            "经费绩效目标表",
            "项目支出绩效表",
            "绩效目标表",
        ),
    ),
    Kind("部门整体支出绩效目标表", "绩效", ("整体支出绩效目标表", "整体绩效目标表")),
)

_BY_NAME = {kind.name: kind for kind in KINDS}

FINANCIAL = frozenset(kind.name for kind in KINDS if kind.family in ("决算", "预算"))
PERFORMANCE = frozenset({"项目支出绩效自评表", "部门整体支出绩效自评表"})
SCORE = "绩效评分表"

_NOT_THE_TABLE = lazy_pattern(r"情况说明|说明$|报告$|结果$|申报表|基础数据表")
#: Words that titles add or leave out without changing the kind of table.
_FILLER = lazy_pattern(r"情况|明细|综合|预算单位|市级部门|部门预算|部门|单位|预算|年度")
#: "一般公共预算拨款支出", "政府性基金预算财政拨款支出表" (budget): the fund's own money.
_FUND_GRANT = lazy_pattern(r"(一般公共|政府性基金|国有资本经营)(?:财政)?拨款(?=.*支出)(?!.*决算)")
_BY_CLASS = lazy_pattern(r"[（(]按?(?:支出)?(功能|经济)(?:分类)?(?:科目)?[）)]|(功能|经济)(?:分类|科目)")


def _title_key(text: str) -> str:
    """A title without the words that vary between provinces for one kind of table."""
    text = _FILLER.sub("", key(text).replace("总体", "总"))
    return _FUND_GRANT.sub(r"\1", text)


_ALIASES = sorted(
    ((_title_key(alias), kind) for kind in KINDS for alias in kind.aliases), key=lambda pair: -len(pair[0])
)


def kind_of(name: str | None) -> Kind | None:
    return _BY_NAME.get(name) if name else None


def _by_title(title: str) -> str | None:
    if _NOT_THE_TABLE.search(key(title)):
        return None
    normalised = _title_key(title)
    classification = _BY_CLASS.search(normalised)
    by = (classification[1] or classification[2]) if classification else None
    if classification:
        normalised = _BY_CLASS.sub("", normalised)
    final = "决算" in normalised  # a 决算 title is never one of the budget kinds, whose aliases lost 预算
    for alias, kind in _ALIASES:
        if alias in normalised and (kind.family == "决算") == final:
            name = kind.name
            if by == "经济" and name == "一般公共预算支出表":
                return "一般公共预算支出经济分类表"
            if by == "功能" and name == "一般公共预算基本支出表":
                return "一般公共预算基本支出功能分类表"
            return name
    return None


def _by_header(words: Iterable[str]) -> str | None:
    """Recognise a table from the words of its first rows."""
    words = {key(word) for word in words if word}
    text = "|".join(sorted(words))

    def has(*needles: str) -> bool:
        return all(needle in text for needle in needles)

    targets = has("指标值") or has("绩效目标") or has("年度目标")
    if targets and not (has("执行数") or has("得分") or has("实际完成") or has("完成值")):
        return "部门整体支出绩效目标表" if has("部门整体") or has("整体支出") else "项目支出绩效目标表"
    if has("执行率") and (has("项目名称") or has("项目类别") or has("项目属性")):
        return "项目支出绩效自评表"
    if has("执行率") and (has("部门整体") or has("整体支出")):
        return "部门整体支出绩效自评表"
    if (has("评价指标") or has("一级标准")) and (has("得分") or has("评分")) and (has("权重") or has("分值")):
        return SCORE
    if has("本年收入合计", "上级补助收入", "事业收入"):
        return "收入决算表"
    if has("本年支出合计", "基本支出", "项目支出", "上缴上级支出"):
        return "支出决算表"
    if has("因公出国", "公务接待") and has("决算"):
        return "三公经费支出决算表"
    if has("年初结转", "本年收入", "本年支出", "年末结转"):
        return "政府性基金预算财政拨款收入支出决算表"
    return None


def recognise(title: str | None, header_words: Iterable[str]) -> str | None:
    """The canonical kind of a table, or ``None`` when it is not one we know."""
    if title:
        kind = _by_title(title)
        if kind:
            return kind
    return _by_header(header_words)


def family_of(kinds: Iterable[str | None]) -> str | None:
    """决算 or 预算: what a document is, by the kinds of its tables (None when
    it prints neither, or both)."""
    families = {kind.name: kind.family for kind in KINDS}
    found = {families.get(name) for name in kinds if name} & {"决算", "预算"}
    return found.pop() if len(found) == 1 else None
