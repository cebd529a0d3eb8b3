"""The kinds of table a disclosure prints, recognised by title aliases and,
where the title is missing or unknown, by the words of their header.

Tables are numbered differently in every province and year (表4 here is
表七 there), so the number is never used. Kind names are the canonical
Chinese titles without year, department or quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from .text import key

__all__ = ["FINANCIAL", "KINDS", "Kind", "PERFORMANCE", "SCORE", "kind_of", "recognise"]


@attrs.frozen
class Kind:
    name: str
    family: str  # 决算 | 预算 | 绩效
    aliases: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    # 决算: the nine tables
    Kind("收入支出决算总表", "决算", ("收入支出决算总表", "收支决算总表")),
    Kind("收入决算表", "决算", ("收入决算表",)),
    Kind("支出决算表", "决算", ("支出决算表",)),
    Kind("财政拨款收入支出决算总表", "决算", ("财政拨款收入支出决算总表", "财政拨款收支决算总表")),
    Kind("一般公共预算财政拨款支出决算表", "决算", ("一般公共预算财政拨款支出决算表",)),
    Kind(
        "一般公共预算财政拨款基本支出决算表",
        "决算",
        ("一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表"),
    ),
    Kind("三公经费支出决算表", "决算", ("三公经费支出决算表",)),
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
    # 预算
    Kind("部门收支总表", "预算", ("部门收支总表", "部门收支预算总表")),
    Kind("部门收入总表", "预算", ("部门收入总表", "部门收入预算总表", "部门收入预算表")),
    Kind("部门支出总表", "预算", ("部门支出总表", "部门支出预算总表", "部门支出预算表")),
    Kind("财政拨款收支总表", "预算", ("财政拨款收支预算总表", "财政拨款收支总表")),
    Kind("一般公共预算支出表", "预算", ("一般公共预算支出表", "一般公共预算财政拨款支出表", "一般公共预算支出预算表")),
    Kind(
        "一般公共预算基本支出表",
        "预算",
        ("一般公共预算基本支出表", "一般公共预算财政拨款基本支出表", "一般公共预算基本支出预算表"),
    ),
    Kind("三公经费支出表", "预算", ("三公经费支出表", "三公经费支出预算表", "三公经费预算表")),
    Kind("政府性基金预算支出表", "预算", ("政府性基金预算支出表", "政府性基金预算财政拨款支出表")),
    # 绩效
    Kind("项目支出绩效自评表", "绩效", ("项目支出绩效自评表", "项目绩效自评表", "项目自评表")),
    Kind("部门整体支出绩效自评表", "绩效", ("整体支出绩效自评表", "整体绩效自评表")),
    Kind("绩效评分表", "绩效", ("考核评分表", "绩效评分表", "自评得分表")),
)

_BY_NAME = {kind.name: kind for kind in KINDS}
_ALIASES = sorted(((alias, kind) for kind in KINDS for alias in kind.aliases), key=lambda pair: -len(pair[0]))

FINANCIAL = frozenset(kind.name for kind in KINDS if kind.family in ("决算", "预算"))
PERFORMANCE = frozenset({"项目支出绩效自评表", "部门整体支出绩效自评表"})
SCORE = "绩效评分表"

_NOT_THE_TABLE = re.compile(r"情况说明|说明$|报告$|结果$|申报表|基础数据表")


def kind_of(name: str | None) -> Kind | None:
    return _BY_NAME.get(name) if name else None


def _by_title(title: str) -> str | None:
    normalised = key(title)
    if _NOT_THE_TABLE.search(normalised):
        return None
    for alias, kind in _ALIASES:
        if alias in normalised:
            return kind.name
    return None


def _by_header(words: Iterable[str]) -> str | None:
    """Recognise a table from the words of its first rows."""
    words = {key(word) for word in words if word}
    text = "|".join(sorted(words))

    def has(*needles: str) -> bool:
        return all(needle in text for needle in needles)

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
