"""Properties of reading whole documents: nothing crashes on arbitrary input,
every figure points at text that prints it, and generated tables in either
extraction layout come back figure for figure."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import budgetlint
from budgetlint.figures import parse_number
from budgetlint.reading.source import NotText

TABLE_CHARS = st.sampled_from(list("\t\n \u3000合计项目栏次1234567890.,%-—表（）注：部门单位万元行=+<>p/#"))


def _check_figures_point_at_their_text(document):
    lines = document.source.lines
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell is None or cell.figure is None:
                    continue
                span = cell.figure.span
                if span.line != span.end_line:
                    continue
                printed = lines[span.line - 1][span.column - 1 : span.end_column - 1]
                number = parse_number(printed)
                assert number is not None, printed
                assert number.value == cell.figure.value


@settings(max_examples=300)
@given(st.text(max_size=400) | st.text(TABLE_CHARS, max_size=400))
def test_reading_arbitrary_text_never_raises(text):
    document = budgetlint.read_text(text)
    _check_figures_point_at_their_text(document)
    for problem in document.problems:
        assert 1 <= problem.line <= len(document.source.lines)


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_reading_arbitrary_bytes_gives_a_document_or_a_refusal(data):
    try:
        document = budgetlint.read_bytes_document(data)
    except NotText as refusal:
        assert str(refusal)
    else:
        _check_figures_point_at_their_text(document)


LABELS = [
    "社会保障和就业支出",
    "行政事业单位养老支出",
    "卫生健康支出",
    "医疗救助",
    "行政运行",
    "住房保障支出",
    "住房公积金",
    "其他支出",
]


@st.composite
def amounts(draw):
    if draw(st.integers(0, 5)) == 0:
        return None  # an empty cell
    cents = draw(st.integers(min_value=0, max_value=10**9))
    value = Decimal(cents).scaleb(-2)
    printed = f"{value:,.2f}" if draw(st.booleans()) else f"{value:.2f}"
    return printed, value


@st.composite
def spending_tables(draw):
    labels = draw(st.lists(st.sampled_from(LABELS), min_size=1, max_size=len(LABELS), unique=True))
    rows = [(label, [draw(amounts()) for _ in range(3)]) for label in labels]
    return rows


def _tab_layout(rows):
    lines = ["2020年度支出决算表(表3)", "部门：某某局\t\t单位：万元", "项目\t合计\t基本支出\t项目支出", "栏次\t1\t2\t3"]
    for label, cells in rows:
        lines.append("\t".join([label] + [cell[0] if cell else "" for cell in cells]))
    return "\n".join(lines + ["", "注：本表反映部门本年度各项支出情况。"]) + "\n"


def _cell_layout(rows):
    lines = ["2020年度支出决算表(表3)", ""]
    for texts in [["项目", "合计", "基本支出", "项目支出"], ["栏次", "1", "2", "3"]] + [
        [label] + [cell[0] if cell else "" for cell in cells] for label, cells in rows
    ]:
        lines.extend("\t" + text for text in texts)
        lines.append("")
    return "\n".join(lines) + "\n"


@given(spending_tables(), st.sampled_from([_tab_layout, _cell_layout]))
def test_generated_tables_come_back_figure_for_figure(rows, layout):
    text = layout(rows)
    document = budgetlint.read_text(text)
    (table,) = document.tables
    assert table.kind == "支出决算表"
    assert [c.number for c in table.columns] == [1, 2, 3]
    assert [r.label for r in table.rows] == [label for label, _ in rows]
    for row, (_, cells) in zip(table.rows, rows, strict=True):
        for cell, expected in zip(row.cells, cells, strict=True):
            if expected is None:
                assert cell is None or cell.empty
            else:
                assert cell.figure.value == expected[1]
                assert cell.figure.decimals == 2
                span = cell.figure.span
                assert document.source.lines[span.line - 1][span.column - 1 : span.end_column - 1] == expected[0]
    _check_figures_point_at_their_text(document)
