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
import re
from decimal import Decimal

import attrs

from ..model import Row, Span, Table

__all__ = ["Weight", "read_weights", "weight_trees"]


@attrs.frozen
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


_WEIGHTED = re.compile(r"^(?P<name>[\u4e00-\u9fff\d：:]{2,16}?)[：:]?[（(](?P<points>\d+(?:\.\d+)?)分[)）]$")
_FIRST = re.compile(r"^(产出|效益)(指标)?$")
_EITHER = re.compile(r"^(成本|满意度|服务对象满意度)(指标)?$")
_SECOND = re.compile(
    r"^(数量|质量|时效|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|可持续性|可持续)(指标)?$"
)
_HINT = re.compile(r"指\s*标|目\s*标|分|效益|影响|满意|数量|质量|时效|成本")
_TARGET = re.compile(r"^(年度)?(绩效)?目标\d*[：:]?\d*$")


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


def _label(text: str, span: Span, row: Row) -> Weight | None:
    compact = re.sub(r"\s+", "", text)
    found = _WEIGHTED.match(compact)
    name = found["name"] if found else compact
    level = _level(name)
    if level is None:
        return None
    points = Decimal(found["points"]) if found else None
    where = span
    if found and span.line == span.end_line and text.count(found["points"]) == 1:
        start = span.column + text.index(found["points"])
        where = Span(span.line, start, span.line, start + len(found["points"]))
    return Weight(name, level[0], points, where, row, level[1], text.strip())


def read_weights(table: Table, rows: list[Row]) -> tuple[Weight, ...]:
    """The labels of ``rows`` (the indicator part of a sheet), in reading order."""
    labels = []
    for row in rows:
        texts = [(row.label, row.label_span)] + [(cell.text, cell.span) for cell in row.cells if cell is not None]
        for text, span in texts:
            # a label is short, and names an indicator (指标), a target (目标) or its weight (分)
            if not text or len(text) > 24 or not _HINT.search(text) or span is None:
                continue
            if (label := _label(text, span, row)) is not None:
                labels.append(label)
    return tuple(labels)


@attrs.frozen
class Node:
    """A label with the labels under it, as one reading of the sheet places them."""

    weight: Weight | None  # None: the sheet's root when it prints none
    children: list = attrs.field(factory=list)


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
    second (Hubei's 2020 sheets). With a single label that prints a weight, nothing
    under it can be compared, and one reading is enough."""
    either = [i for i, label in enumerate(labels) if label.ambiguous]
    if len(either) > 6 or sum(1 for label in labels if label.points is not None) < 2:
        either = []  # (more than 64 readings: a sheet no one prints)
    trees = []
    for choice in itertools.product((2, 1) if second else (1, 2), repeat=len(either)):
        levels = [label.level for label in labels]
        for i, level in zip(either, choice, strict=True):
            levels[i] = level
        trees.append(_tree(labels, tuple(levels)))
    return trees
