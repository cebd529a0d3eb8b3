"""What budgetlint reads in the 绩效自评 sheets, and how many retyped sheet
figures it notices.

Run:  python benchmarks/sheets.py [--corpus] [FILE...]

For each document with score sheets prints the sheets read, their budget
lines, indicators, and what was left unread; then retypes every figure the
BL5xx rules look at (each budget line's 预算数, 执行数, 执行率, 得分 and 分值,
each indicator's 分值 and 得分, the 总分, the amounts of 年度资金总额 and its parts,
the weights of labels and headers) in two ways (its last printed digit
moved by 11 units; each digit replaced in turn), lints the document again, and
counts the change as found when a finding appears that the unchanged document
does not have.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from narrative import _each_digit, _last_digit, _text, paths_of, retyped_found

import budgetlint
from budgetlint.model import Figure
from budgetlint.scoring import read_sheets


def figures(sheets) -> list:
    """Every figure a BL5xx rule reads: the cells of budget lines, indicators and totals,
    the amounts of money blocks, and the weights printed in labels and headers."""
    places = []
    found = []
    for sheet in sheets:
        for line in sheet.executions:
            places += [line.budget, line.spent, line.rate, line.score, line.points]
        for indicator in sheet.indicators:
            places += [indicator.points, indicator.score]
        places += [sheet.total, sheet.total_points]
        for funding in sheet.fundings:
            found += [part.figure for part in (funding.total, *funding.parts) if part.figure is not None]
        for weight in (*sheet.weights, sheet.declared):
            if weight is not None and weight.points is not None and weight.span.end_column - weight.span.column < 4:
                found.append(Figure(weight.points, 0, False, weight.span))
    found += [p.cell.figure for p in places if p is not None and p.cell is not None and p.cell.figure is not None]
    return found


def mutate(path: Path, text: str, found: list, retype) -> tuple[int, int]:
    found, total, _ = retyped_found(path, text, [(figure, "sheet") for figure in found], retype)
    return found, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="the examples and every PDF of ../shared/corpus")
    parser.add_argument("files", nargs="*", type=Path)
    paths = paths_of(parser.parse_args())
    print(
        "| document | sheets | budget lines | indicators | unread | last digit +11, found | one digit changed, found |"
    )
    print("|---|---|---|---|---|---|---|")
    sums = [0, 0, 0, 0]
    for path in paths:
        text = _text(path)
        sheets = read_sheets(budgetlint.read_text(text, str(path)))
        if not sheets:
            continue
        places = figures(sheets)
        last = mutate(path, text, places, _last_digit)
        each = mutate(path, text, places, _each_digit)
        for i, value in enumerate(last + each):
            sums[i] += value
        lines = sum(len(s.executions) for s in sheets)
        indicators = sum(len(s.indicators) for s in sheets)
        unread = sum(len(s.unread) for s in sheets)
        counts = f"{len(sheets)} | {lines} | {indicators} | {unread}"
        print(f"| {path.name} | {counts} | {last[0]}/{last[1]} | {each[0]}/{each[1]} |")
    share = lambda found, total: f"{found}/{total} ({found * 100 // max(total, 1)}%)"  # noqa: E731
    print(f"| total | | | | | {share(sums[0], sums[1])} | {share(sums[2], sums[3])} |")


if __name__ == "__main__":
    main()
