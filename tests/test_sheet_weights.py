"""Weights printed in a sheet's labels ("产出指标 (40分)", "数量指标 (15分)") and
indicators that restate the sheet's own figures, on seed 000's Hubei sheets: all
of their weights add up (silent), each weight changed is found at the label that
no longer adds up, and the one indicator that restates another 执行率 is found."""

from __future__ import annotations

import pytest
from conftest import SEEDS

import budgetlint
from budgetlint.scoring import read_sheets, weight_trees


def _text() -> str:
    return SEEDS["000"].read_text(encoding="utf-8")


def _found(old: str, new: str, line: int, select=("BL503", "BL504")):
    """The findings of 000 with ``old`` replaced by ``new`` on ``line`` only."""
    lines = _text().split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return [(d.code, d.line, d.column) for d in budgetlint.lint_text("\n".join(lines), select=list(select))]


def test_the_weighted_labels_of_seed_000_are_read_and_add_up():
    sheets = [s for s in read_sheets(budgetlint.read_path(SEEDS["000"])) if s.style == "湖北"]
    first = sheets[0]
    assert [(w.name, w.level, w.points) for w in first.weights] == [
        ("年度绩效目标", 0, 80),
        ("产出指标", 1, 40),
        ("数量指标", 2, 15),
        ("质量指标", 2, 10),
        ("时效指标", 2, 10),
        ("成本指标", 1, 5),  # 一级 in the national framework, 二级 in Hubei's: read both ways
        ("效益指标", 1, 40),
        ("社会效益指标", 2, 30),
        ("可持续影响指标", 2, 10),
    ]
    assert first.weights[2].span.line == 550 and first.weights[5].ambiguous
    # Hubei's reading first: 成本指标 under 产出指标, 15 + 10 + 10 + 5 = 40
    tree = weight_trees(first.weights, second=True)[0]
    assert [c.weight.name for c in tree.children] == ["产出指标", "效益指标"]
    assert [c.weight.points for c in tree.children[0].children] == [15, 10, 10, 5]
    assert budgetlint.lint_file(SEEDS["000"], select=["BL503", "BL504"]) == []


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        # a second-level weight changed: its first-level label no longer adds up
        ("数量指标 (15分)", "数量指标 (16分)", 550, [("BL504", 550, 8)]),
        ("成本指标 (5分)", "成本指标 (6分)", 557, [("BL504", 550, 8)]),
        # a first-level weight changed: found at itself, not again at the root
        ("产出指标 (40分)", "产出指标 (45分)", 550, [("BL504", 550, 8)]),
        # the root and the 20 points of budget execution make 100
        ("年度绩效目标 (80分)", "年度绩效目标 (85分)", 549, [("BL504", 549, 9)]),
        # 政府买岗经费: no first-level weights; the second-level ones make the root's 80
        ("(7分)", "(8分)", 609, [("BL504", 608, 11)]),
        # the department sheet: each 年度目标 (16 分) is its 产出 8 + 效益 8
        ("(8 分)", "(9 分)", 735, [("BL504", 733, 10)]),
    ],
)
def test_each_weight_changed_is_found_once(old, new, line, expected):
    assert _found(old, new, line) == expected


def test_indicators_scored_above_their_label_weight():
    """社会效益 指标 (30分) holds three indicators of 10: at 20 they overscore it (and 效益's
    40 no longer adds up); an indicator raised from 5 to 7 overscores 数量指标 (15分)."""
    assert _found("社会效益 指标 (30分)", "社会效益 指标 (20分)", 558) == [("BL504", 558, 8), ("BL503", 558, 21)]
    assert _found("2331 人次\t5", "2331 人次\t7", 550) == [("BL503", 550, 19)]


def test_an_indicator_restating_another_execution_rate():
    """政府买岗经费 (line 607: 执行率 44.45%) scores its indicator "97% ≤ 预算执行率 ≤ 100%" on
    33.13% (line 613). The five cost indicators that restate their sheet's 执行数
    ("784.29 万元") agree with it."""
    (found,) = budgetlint.lint_file(SEEDS["000"], select=["BL507"])
    assert (found.code, found.line, found.column) == ("BL507", 613, 39)
    assert "33.13%" in found.message and "44.45%" in found.message and "湖北 20 分制" in found.message
    assert [(r.line, r.column) for r in found.related] == [(607, 19)]
    assert _found("33.13%", "44.45%", 613, ("BL507",)) == []
    assert _found("784.29 万元", "748.29 万元", 557, ("BL507",)) == [("BL507", 557, 32), ("BL507", 613, 39)]
    assert _found("0.84 万元", "0.48 万元", 714, ("BL507",)) == [("BL507", 613, 39), ("BL507", 714, 23)]
