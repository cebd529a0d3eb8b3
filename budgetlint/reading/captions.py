"""What the lines around a table say about it: its title, 部门, 单位 and 表号.

These lines stand above the table, or inside its first rows when the
exporter put them in the grid ("部门：…→→单位：万元").
"""

from __future__ import annotations

import re

from ..lazy import lazy_pattern
from ..model import Span
from ..records import record
from ..text import clean

__all__ = ["META_WORDS", "Meta", "caption_of", "locate_department", "meta_of", "title_of"]

_DEPARTMENT = lazy_pattern(r"^(?:部门|部门名称|单位名称|编制部门|编制单位|预算单位|填报单位)\s*[:：]\s*(.*)$")
_UNIT = lazy_pattern(r"(?:金额|资金)?单位\s*[:：]\s*(万元|元|千元|亿元)")
_MARKER = lazy_pattern(r"^(?:表\s*[一二三四五六七八九十\d]+|公开\s*\d+\s*表)$")
_TITLE_END = lazy_pattern(r"表\s*(?:[（(][^（()）]{0,12}[)）])?$")
_PAREN_TITLE = lazy_pattern(r"^[（(][^（()）]{2,40}[)）]$")
#: Longer than any department name: a "部门：" line this long is something else.
_LONGEST_NAME = 40
_LONGEST_TITLE = 60


@record(frozen=False)
class Meta:
    """What the lines around a table say about it."""

    title: str | None = None
    title_line: int | None = None
    department: str | None = None
    unit: str | None = None
    marker: str | None = None
    department_span: Span | None = None

    def add(self, facts: "Meta") -> None:
        """Take the facts another line states, keeping what is already known."""
        if facts.department:
            self.department, self.department_span = facts.department, facts.department_span
        self.unit = facts.unit or self.unit
        self.unit = facts.unit or self.unit
        self.marker = facts.marker or self.marker


def locate_department(facts: Meta | None, line: int, raw: str, offset: int = 0) -> Meta | None:
    """``facts`` with the place of the 部门 name they state in ``raw`` (a line, or a
    cell starting at ``offset`` of line ``line``); the whole text where the name
    was cleaned out of recognition."""
    if facts is not None and facts.department:
        at = raw.find(facts.department)
        if at >= 0:
            facts.department_span = Span(line, offset + at + 1, line, offset + at + len(facts.department) + 1)
        else:
            facts.department_span = Span(line, offset + 1, line, offset + len(raw.rstrip()) + 1)
    return facts


def title_of(line: str) -> str | None:
    """The table title a line states, if it states one."""
    heading = line.lstrip().startswith("#")
    if "表" not in line and not heading:
        return None
    text = clean(line.lstrip(" #-*\t"))
    if not text or len(text) > _LONGEST_TITLE or text.startswith(("注", "说明")):
        return None
    if text[-1] in "。；;：:，," or _MARKER.match(text):
        return None
    if _TITLE_END.search(text) or (heading and _PAREN_TITLE.match(text)):
        return text
    return None


def meta_of(text: str) -> Meta | None:
    """The 部门/单位/表号 facts a line or cell states, or ``None`` if it says more."""
    if "单位" not in text and "部门" not in text and "表" not in text:
        return None
    text = clean(text)
    meta = Meta()
    unit = _UNIT.search(text)
    if unit:
        meta.unit = unit[1]
        text = (text[: unit.start()] + text[unit.end() :]).strip()
    department = _DEPARTMENT.match(text)
    if department and len(department[1]) <= _LONGEST_NAME:
        meta.department = department[1].strip() or None
        text = ""
    if _MARKER.match(text):
        meta.marker = re.sub(r"\s+", "", text)
        text = ""
    if text or (meta.unit is None and meta.department is None and meta.marker is None):
        return None
    return meta


#: The words that open a 部门 or 单位 fact ("编制部门：", "金额单位：").
META_WORDS = r"(?:编制部门|编制单位|部门名称|单位名称|预算单位|填报单位|金额单位|部门|单位)\s*[:：]"
_META_START = lazy_pattern(META_WORDS)


def caption_of(text: str) -> tuple[str | None, Meta | None]:
    """The title a line or cell states, and the 部门/单位 facts printed after it on
    the same line ("收支预算总表 部门：中共江苏省委办公厅 单位：万元")."""
    title = title_of(text)
    if title:
        return title, None
    found = _META_START.search(text)
    if found and found.start() > 0:
        head, facts = title_of(text[: found.start()]), meta_of(text[found.start() :])
        if head and facts:
            return head, facts
    return None, None
