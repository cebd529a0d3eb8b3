"""The table of contents (目录): its entries and the kind of table each names.

The 目录 follows a line that says only "目录"; its entries run until the body
begins (the first entry printed again, or a new page after the entries). An
entry broken over two lines is joined; numbering, dot leaders and page
numbers are not part of its name.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..kinds import recognise
from ..lazy import lazy_pattern
from ..model import PAGE_MARK
from ..records import record
from ..text import ITEM_MARK, PART_MARK, clean, key

__all__ = ["ContentsEntry", "read_contents"]

_CONTENTS = lazy_pattern(r"^[#\s]*目\s*录\s*$")
_MARKER = lazy_pattern(rf"^(?:[-*]\s*)?(?P<marker>{PART_MARK}|{ITEM_MARK})?\s*")
_LEADER = lazy_pattern(r"\s*(?:[.…·．。\-—_ ]{2,}\s*\d*|\s\d{1,3})\s*$")
_NUMBER = lazy_pattern(r"[（(]\s*表\s*([一二三四五六七八九十\d]+)\s*[)）]")
#: A table's name: ends with 表, perhaps followed by how it classifies ("（按功能分类科目）").
_TABLE = lazy_pattern(r"表(?:[（(][^（()）]*[)）])?$")
_ENDS = ("表", "说明", "情况", "解释", "概况", "职能", "职责", "。", "目标", "任务", "构成", "设置", "结果")
_LOOK = 120  # lines from the top where a 目录 may start
_LONGEST = 60  # an entry is a line, not a paragraph


@record
class ContentsEntry:
    """One entry of the 目录: where it is printed, its name, the kind of table it
    names (if a table) and its 表 number (if printed)."""

    line: int
    column: int
    name: str
    kind: str | None
    number: str | None


def _entries(lines: Sequence[str]) -> tuple[int, list[list]]:
    start = next((n for n, text in enumerate(lines[:_LOOK]) if _CONTENTS.match(text)), None)
    if start is None:
        return 0, []
    entries: list[list] = []  # [line, column, name, has_marker]
    end = start + 1
    for number in range(start + 1, min(len(lines), start + 1 + 2 * _LOOK)):
        text = lines[number]
        end = number + 1
        if PAGE_MARK.match(text.strip()):
            if entries:
                break
            continue
        stripped = clean(text)
        if not stripped or stripped.isdigit():
            continue
        found = _MARKER.match(text)
        name = _LEADER.sub("", text[found.end() :]).strip()
        if not name:
            continue
        if len(name) > _LONGEST or (entries and key(name) == key(entries[0][2])):
            end = number
            break
        column = found.end() + 1
        previous = entries[-1] if entries else None
        if not found["marker"] and previous is not None and not previous[2].endswith(_ENDS):
            previous[2] += name  # "九、……“三公”经费、会议费、培训费支" / "出预算表"
            continue
        entries.append([number + 1, column, name, bool(found["marker"])])
    return end, entries


def read_contents(lines: Sequence[str]) -> tuple[ContentsEntry, ...]:
    """The 目录's entries (none for a document without a 目录)."""
    _, entries = _entries(lines)
    found = []
    for line, column, name, _ in entries:
        numbered = _NUMBER.search(name)
        plain = _NUMBER.sub("", name).strip()
        kind = recognise(plain, ()) if _TABLE.search(plain) else None
        found.append(ContentsEntry(line, column, plain, kind, numbered[1] if numbered else None))
    return tuple(found)
