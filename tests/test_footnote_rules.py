"""BL1xx on real documents and generated ones: the seeds' known footnote
defects are found where they are; consistent tables yield nothing; one
figure changed beyond rounding yields one finding; rounding stays silent."""

from __future__ import annotations

from decimal import Decimal

from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

import budgetlint


def _found(diagnostics):
    return [(d.line, d.column, d.code) for d in diagnostics]


def test_seed_000_footnote_defects_and_the_one_failing_equation():
    diagnostics = budgetlint.lint_file(SEEDS["000"], select=["BL1"])
    assert _found(diagnostics) == [
        (215, 3, "BL110"),  # 表4: 29行 is empty but 29行=（27+28）行 says 1224.45
        (221, 19, "BL102"),  # 28行=（28+29+31）行 refers to itself, at the operand "28"
        (222, 12, "BL101"),  # 37行=（32+34+—38）行: at the "—"
        (291, 1, "BL104"),  # 1栏=（2+3+4）栏: 3 is the 小计 of 4
        (291, 13, "BL104"),  # 2栏=（4+5）栏: 4+5 make up 3, not 2
        (291, 23, "BL104"),  # 3栏=（8+9+10）栏: 预算数 against 决算数
    ]
    failed = diagnostics[0]
    assert "1224.45" in failed.message and "差 -1224.45" in failed.message
    assert failed.related[0].line == 221 and failed.related[0].column == 30
    assert all(d.related for d in diagnostics)


def test_other_seeds_have_no_footnote_findings():
    for name in ("001", "002", "003", "004"):
        assert [d for d in budgetlint.lint_file(SEEDS[name]) if d.code.startswith("BL1")] == []


def _mutate(name: str, line: int, old: str, new: str) -> str:
    lines = SEEDS[name].read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def _new_findings(text: str, path: str = "mutated.txt", select=("BL1",)):
    before = {(d.code, d.message) for d in budgetlint.lint_file(SEEDS["000"], select=select)}
    return [d for d in budgetlint.lint_text(text, path, select=select) if (d.code, d.message) not in before]


def test_a_changed_figure_in_a_column_formula_is_found_at_its_row():
    # 表2 row 2080505: 本年收入合计 8.16 retyped as 8.19 while 财政预算收入 stays 8.16.
    text = _mutate("000", 135, "8.16→8.16".replace("→", "\t"), "8.19\t8.16")
    (finding,) = _new_findings(text)
    assert (finding.code, finding.line, finding.column, finding.end_column) == ("BL110", 135, 27, 31)
    assert "8.19" in finding.message and "8.16" in finding.message and "差 0.03" in finding.message
    assert finding.related[0].line == 152


def test_a_changed_operand_in_a_row_formula_is_found_at_the_total():
    # 表1 row 2: 7.03 retyped as 7.00, so 27行=（1+…+8）行 no longer holds.
    text = _mutate("000", 90, "\t7.03\t", "\t7.00\t")
    (finding,) = _new_findings(text)
    assert (finding.code, finding.line, finding.column) == ("BL110", 115, 12)
    assert "1224.48" in finding.message and "1224.45" in finding.message and "差 0.03" in finding.message


def test_rounding_explains_a_cent_but_not_two():
    # 表3 合计: 1,224.48 = 163.08 + 1,061.40. Printed 1,224.49 the gap of 0.01 is within
    # the half-units of three two-decimal figures; 1,224.50 is not.
    assert _new_findings(_mutate("000", 160, "1,224.48", "1,224.49")) == []
    (finding,) = _new_findings(_mutate("000", 160, "1,224.48", "1,224.50"))
    assert (finding.line, finding.code) == (160, "BL110")
    assert "差 0.02" in finding.message


def test_slack_absorbs_rounding_conventions():
    # 1,224.50 stands for [1224.495, 1224.505], 163.08 + 1,061.40 for [1224.47, 1224.49]:
    # 0.005 apart, so a slack of 0.005 closes the gap and 0.004 does not.
    text = _mutate("000", 160, "1,224.48", "1,224.50")
    assert [d for d in budgetlint.lint_text(text, select=["BL1"], slack="0.005") if d.line == 160] == []
    assert [d.line for d in budgetlint.lint_text(text, select=["BL1"], slack="0.004") if d.line == 160] == [160]


def test_selection_by_prefix_symbol_and_ignore():
    assert {d.code for d in budgetlint.lint_file(SEEDS["000"], select=["BL10"])} == {"BL101", "BL102", "BL104"}
    assert {d.code for d in budgetlint.lint_file(SEEDS["000"], select=["formula-failed"])} == {"BL110"}
    ignored = budgetlint.lint_file(SEEDS["000"], select=["BL1"], ignore=["BL104", "BL110"])
    assert {d.code for d in ignored} == {"BL101", "BL102"}


# --------------------------------------------------------------------------
# generated documents


@st.composite
def consistent_tables(draw):
    """A 收入决算表-like table whose footnote holds: a column total or a row total."""
    axis = draw(st.sampled_from(["column", "row"]))
    columns = draw(st.integers(2, 5))
    rows = draw(st.integers(2, 6))
    cents = st.integers(0, 10**7)
    body = [[draw(cents) for _ in range(columns)] for _ in range(rows)]
    if axis == "column":  # 1栏各行=(2+…+k)栏各行
        grid = [[sum(row)] + row for row in body]
        formula = f"1栏各行=（{'+'.join(str(c) for c in range(2, columns + 2))}）栏各行。"
        numbers = list(range(1, columns + 2))
    else:  # N行=(1+…+N-1)行
        grid = body + [[sum(column) for column in zip(*body, strict=True)]]
        formula = f"{rows + 1}行=（{'+'.join(str(r) for r in range(1, rows + 1))}）行。"
        numbers = list(range(1, columns + 1))
    return axis, grid, formula, numbers


def _document(grid, formula, numbers, printed):
    lines = ["2020年度收入决算表(表2)", "项目\t行次\t" + "\t".join(f"金额{n}" for n in numbers)]
    lines.append("栏次\t\t" + "\t".join(str(n) for n in numbers))
    for index, row in enumerate(grid, 1):
        lines.append(f"项目{index}\t{index}\t" + "\t".join(printed(cell) for cell in row))
    lines += ["", "注：本表反映部门本年度取得的各项收入情况。", formula]
    return "\n".join(lines) + "\n"


def _money(cents: int) -> str:
    return f"{Decimal(cents).scaleb(-2):,.2f}"


@given(consistent_tables())
def test_a_consistent_generated_table_yields_nothing(case):
    axis, grid, formula, numbers = case
    assert budgetlint.lint_text(_document(grid, formula, numbers, _money)) == []


@given(consistent_tables(), st.data())
def test_one_figure_changed_beyond_rounding_breaks_exactly_one_relation(case, data):
    axis, grid, formula, numbers = case
    r = data.draw(st.integers(0, len(grid) - 1))
    c = data.draw(st.integers(0, len(grid[0]) - 1))
    terms = len(grid[0]) - 1 if axis == "column" else len(grid) - 1
    # Beyond what rounding of the 1 + terms printed figures can explain.
    delta = data.draw(st.sampled_from([1, -1])) * (terms + 2)
    if grid[r][c] + delta < 0:
        delta = -delta
    changed = [row[:] for row in grid]
    changed[r][c] += delta
    text = _document(changed, formula, numbers, _money)
    (finding,) = budgetlint.lint_text(text)
    assert finding.code == "BL110"
    line = 4 + r  # title, header and 栏次 rows come first
    if axis == "column":
        assert finding.line == line  # the row whose total no longer holds
    else:
        assert finding.line == 4 + len(grid) - 1  # the total row, in the changed column
        assert f"为 {Decimal(changed[-1][c]).scaleb(-2)}" in finding.message


@given(consistent_tables(), st.data())
def test_a_change_within_rounding_yields_nothing(case, data):
    axis, grid, formula, numbers = case
    r = data.draw(st.integers(0, len(grid) - 1))
    c = data.draw(st.integers(0, len(grid[0]) - 1))
    changed = [row[:] for row in grid]
    changed[r][c] += 1 if changed[r][c] == 0 else data.draw(st.sampled_from([1, -1]))
    assert budgetlint.lint_text(_document(changed, formula, numbers, _money)) == []
