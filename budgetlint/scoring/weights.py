"""The weights a score sheet prints in its labels ("产出指标 (40分)", "数量指标
(15分)", "年度绩效目标 (80分)") and the tree they form.

A label's level comes from its name: 产出 and 效益 are first-level indicators,
数量, 质量, 时效, 社会效益 … second-level, a 年度(绩效)目标 the root (or, when a
sheet prints several, one target's group). 成本指标 and 满意度指标 are first
level in the national framework and second level in Hubei's 2020 sheets, so
their level is read both ways and only what fails under every reading is a
contradiction. A label without a weight still closes the group before it, so a
sum is only compared when every part of it prints its weight.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from ..lazy import lazy_pattern
from ..model import Row, Span
from ..records import field, record
from ..text import unspaced

__all__ = ["Weight", "read_weights", "weight_trees"]


@record
class Weight:
    """A label of a sheet and the points it is worth (None when it prints none)."""

    name: str
    #: 0 a target (or the root), 1 一级指标, 2 二级指标.
    level: int
    points: Decimal | None
    #: Where the weight is printed (the label itself when it prints none).
    span: Span
    row: Row
    #: 成本指标 and 满意度指标: first or second level, depending on the framework.
    ambiguous: bool = False
    #: The label as printed ("产出指标 (40分)").
    text: str = ""
    #: A total in per cent ("指标权重(%)": 100), not in points.
    percent: bool = False


_WEIGHTED = lazy_pattern(r"^(?P<name>[\u4e00-\u9fff\d：:]{2,16}?)[：:]?[（(](?P<points>\d+(?:\.\d+)?)分[)）]$")
_FIRST = lazy_pattern(r"^(产出|效益)(指标)?$")
_EITHER = lazy_pattern(r"^(成本|满意度)(指标)?$")
_SECOND = lazy_pattern(
    r"^(数量|质量|时效|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|可持续性|可持续"
    r"|服务对象满意度)(指标)?$"
)
_HINT = lazy_pattern(r"指\s*标|目\s*标|分|效益|影响|满意|数量|质量|时效|成本")
_TARGET = lazy_pattern(r"^(年度)?(绩效)?目标\d*[：:]?\d*$")
#: Weighted cells that are not indicator labels ("预算执行情况 (20分)", "得分 (20分)").
_NOT_A_LABEL = lazy_pattern(r"预算|执行|得分|分值|总分|合计|权重")


def _level(name: str) -> tuple[int, bool] | None:
    if _TARGET.match(name):
        return 0, False
    if _FIRST.match(name):
        return 1, False
    if _EITHER.match(name):
        return 1, True
    if _SECOND.match(name):
        return 2, False
    return None


def number_span(text: str, span: Span, number: str) -> Span:
    """Where ``number`` is printed inside a cell ``text`` at ``span`` (the cell when it
    spans lines or prints the number twice)."""
    if span.line != span.end_line or text.count(number) != 1:
        return span
    start = span.column + text.index(number)
    return Span(span.line, start, span.line, start + len(number))


class Unknown(Exception):
    """A weighted label whose level no name tells ("履职效能 (20分)")."""


def _label(text: str, span: Span, row: Row) -> Weight | None:
    compact = unspaced(text)
    found = _WEIGHTED.match(compact)
    name = found["name"] if found else compact
    level = _level(name)
    if level is None:
        if found and not _NOT_A_LABEL.search(name):
            raise Unknown(name)
        return None
    points = Decimal(found["points"]) if found else None
    where = number_span(text, span, found["points"]) if found else span
    return Weight(name, level[0], points, where, row, level[1], text.strip())


def read_weights(rows: list[Row]) -> tuple[Weight, ...]:
    """The labels of a sheet's ``rows``, in reading order; none at all when a weighted
    label has a name whose level is unknown, as its weight and its indicators would
    otherwise be counted under the label before it."""
    labels = []
    for row in rows:
        texts = [(row.label, row.label_span)] + [(cell.text, cell.span) for cell in row.cells if cell is not None]
        for text, span in texts:
            # a label is short, and names an indicator (指标), a target (目标) or its weight (分)
            if not text or len(text) > 24 or not _HINT.search(text) or span is None:
                continue
            try:
                label = _label(text, span, row)
            except Unknown:
                return ()
            if label is not None:
                labels.append(label)
    return tuple(labels)


@record
class Node:
    """A label with the labels under it, as one reading of the sheet places them."""

    weight: Weight | None  # None: the sheet's root when it prints none
    children: list = field(factory=list)


def _tree(labels: tuple[Weight, ...], levels: tuple[int, ...]) -> Node:
    """Under one reading of the levels: each label's parent is the last label of a
    higher level before it. Several targets make one implicit root of them."""
    targets = [label for label, level in zip(labels, levels, strict=True) if level == 0]
    root = Node(targets[0] if len(targets) == 1 else None)
    stack: list[tuple[int, Node]] = [(-1, root)]
    for label, level in zip(labels, levels, strict=True):
        if level == 0 and len(targets) == 1:
            continue
        node = Node(label)
        while stack[-1][0] >= level:
            stack.pop()
        stack[-1][1].children.append(node)
        stack.append((level, node))
    return root


def weight_trees(labels: tuple[Weight, ...], second: bool = False) -> list[Node]:
    """Every reading of the sheet's labels: the ambiguous ones at either level, the
    first reading with them at the first level (national) or, if ``second``, at the
    second (Hubei's 2020 sheets); and a label printed again on the next row with the
    same text either a group of its own or the same merged cell printed per row.
    With a single label that prints a weight one reading is enough (nothing under it
    can be compared); with more than 6 ambiguous labels there is none (too many to
    tell, and nothing is checked)."""
    if sum(1 for label in labels if label.points is not None) < 2:
        return [_tree(labels, tuple(label.level for label in labels))]
    either = [i for i, label in enumerate(labels) if label.ambiguous]
    if len(either) > 6:
        return []
    repeated = {
        i
        for i in range(1, len(labels))
        if labels[i].text == labels[i - 1].text and labels[i].row is not labels[i - 1].row
    }
    merges = (False, True) if repeated else (False,)
    trees = []
    for merge in merges:
        kept = [i for i in range(len(labels)) if not (merge and i in repeated)]
        for choice in itertools.product((2, 1) if second else (1, 2), repeat=len(either)):
            levels = {i: labels[i].level for i in kept}
            for i, level in zip(either, choice, strict=True):
                if i in levels:
                    levels[i] = level
            trees.append(_tree(tuple(labels[i] for i in kept), tuple(levels[i] for i in kept)))
    return trees
