"""The 类 of 支出功能分类 by code and name, for tables that print no codes:
a row named 卫生健康支出 is the 类 210 whether or not its code is printed."""

from __future__ import annotations

from .text import key

__all__ = ["CLASSES", "class_code"]

#: 类 code → its names (the current one first, then older or local variants).
CLASSES: dict[str, tuple[str, ...]] = {
    "201": ("一般公共服务支出",),
    "202": ("外交支出",),
    "203": ("国防支出",),
    "204": ("公共安全支出",),
    "205": ("教育支出",),
    "206": ("科学技术支出",),
    "207": ("文化旅游体育与传媒支出", "文化体育与传媒支出"),
    "208": ("社会保障和就业支出",),
    "209": ("社会保险基金支出",),
    "210": ("卫生健康支出", "医疗卫生与计划生育支出", "医疗健康支出"),
    "211": ("节能环保支出",),
    "212": ("城乡社区支出",),
    "213": ("农林水支出",),
    "214": ("交通运输支出",),
    "215": ("资源勘探工业信息等支出", "资源勘探电力信息等支出"),
    "216": ("商业服务业等支出",),
    "217": ("金融支出",),
    "219": ("援助其他地区支出",),
    "220": ("自然资源海洋气象等支出", "国土海洋气象等支出"),
    "221": ("住房保障支出",),
    "222": ("粮油物资储备支出",),
    "223": ("国有资本经营预算支出",),
    "224": ("灾害防治及应急管理支出", "灾难防治及应急管理支出"),
    "227": ("预备费",),
    "229": ("其他支出",),
    "230": ("转移性支出",),
    "231": ("债务还本支出",),
    "232": ("债务付息支出",),
    "233": ("债务发行费用支出",),
    "234": ("抗疫特别国债安排的支出",),
}

_BY_NAME = {key(name): code for code, names in CLASSES.items() for name in names}


def class_code(name: str) -> str | None:
    """The 类 code of a row name ("卫生健康支出" → "210"), or None."""
    return _BY_NAME.get(key(name))
