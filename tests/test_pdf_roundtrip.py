"""Generated documents rendered to PDF (ruled tables, text lines) and to
tab-separated text read back to the same tables: the PDF reader feeds the
same table builder as the text reader and loses nothing on the way."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_writer import Page, write_pdf
from test_generated_documents import _budget_tables, _render, _tables, budgets

import budgetlint
from budgetlint.render import cell_value


def _model(document) -> list:
    return [
        (
            table.title,
            table.kind,
            table.part,
            table.unit,
            table.department,
            [(column.number, column.header) for column in table.columns],
            [(row.label, row.code, row.number, [cell_value(cell) for cell in row.cells]) for row in table.rows],
            [note.text for note in table.footnotes],
        )
        for table in document.tables
    ]


def _pdf(tables, split: float | None = None, repeat_header: bool = False) -> bytes:
    """One table a page; with ``split``, each table's rows run over two pages at
    that fraction, the second page opening with the header again or not, and
    every page ends with its page number."""
    pages = []
    for title, header, rows in tables:
        page = Page()
        pages.append(page)
        for line in (title, "部门：某局", "单位：万元"):
            page.line(line)
        at = max(1, int(len(rows) * split)) if split is not None and len(rows) > 1 else len(rows)
        page.table(header + rows[:at])
        if at < len(rows):
            page.line(f"- {len(pages)} -")
            page = Page()
            pages.append(page)
            page.table((header if repeat_header else []) + rows[at:])
        page.line("注：本表反映部门本年度情况。")
        page.line(f"- {len(pages)} -")
    return write_pdf(pages)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets(), st.sampled_from(["column", "inline"]), st.sampled_from(["决算", "预算"]))
def test_generated_tables_read_the_same_from_pdf_and_from_text(items, code_style, family):
    tables = _tables(items, code_style) if family == "决算" else _budget_tables(items, code_style)
    from_text = budgetlint.read_text(_render(tables, "tab"), "doc.txt")
    from_pdf = budgetlint.read_bytes_document(_pdf(tables), "doc.pdf")
    assert len(from_pdf.source.pages) == len(tables)
    assert _model(from_pdf) == _model(from_text)
    assert all(table.kind for table in from_pdf.tables)
    # Every figure of the PDF's text sits on the page of its table.
    for table in from_pdf.tables:
        page = from_pdf.source.page_of(table.line)
        for row in table.rows:
            for cell in row.cells:
                if cell is not None and cell.figure is not None:
                    assert from_pdf.source.page_of(cell.figure.span.line) == page
    assert budgetlint.lint_document(from_pdf) == budgetlint.lint_document(from_text) == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    budgets(),
    st.sampled_from(["决算", "预算"]),
    st.floats(min_value=0.1, max_value=0.9),
    st.booleans(),
)
def test_tables_split_over_pages_read_as_one(items, family, split, repeat_header):
    """After a page number and a page break, the rest of a table (with its header
    printed again or not) continues it."""
    tables = _tables(items, "column") if family == "决算" else _budget_tables(items, "column")
    from_text = budgetlint.read_text(_render(tables, "tab"), "doc.txt")
    from_pdf = budgetlint.read_bytes_document(_pdf(tables, split, repeat_header), "doc.pdf")
    assert _model(from_pdf) == _model(from_text)
    assert budgetlint.lint_document(from_pdf) == []


def _small_pdf() -> bytes:
    page = Page()
    page.line("2020年度支出决算表（表3）")
    page.table([["项目", "合计", "基本支出"], ["208", "1,234.56", "1,234.56"]])
    return write_pdf([page])


SMALL = _small_pdf()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SMALL) - 1), st.integers(0, 255)), min_size=1, max_size=20))
def test_a_damaged_pdf_is_read_or_refused_never_a_crash(damage):
    data = bytearray(SMALL)
    for position, value in damage:
        data[position] = value
    try:
        document = budgetlint.read_bytes_document(bytes(data), "damaged.pdf")
    except budgetlint.NotText as refusal:
        assert str(refusal)
    else:
        budgetlint.lint_document(document)  # whatever was read can be linted
