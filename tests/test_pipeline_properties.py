"""Properties of the whole pipeline (reading, every rule, every output format):
no input makes a stage raise; linting is deterministic and does not depend on
the order of the files, on --jobs or on the file's encoding; a retyped figure
of a generated PDF is found as in its text. The long run of the same damage is
benchmarks/fuzz.py."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from decimal import Decimal

import pytest
from conftest import SEEDS
from fuzzing import check, mutated
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_generated_documents import _budget_tables, _render, _tables, budgets
from test_pdf_roundtrip import _pdf

import budgetlint
from budgetlint.cli import main
from budgetlint.engine import load_rules
from budgetlint.figures import parse_number
from budgetlint.kinds import FINANCIAL

TEXTS = [path.read_text(encoding="utf-8") for path in SEEDS.values()]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32))
def test_a_damaged_document_goes_through_every_stage(seed):
    data = mutated(random.Random(seed), TEXTS)
    assert check(data, load_rules(), every_format=seed % 5 == 0) is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600) | st.binary(max_size=600).map(lambda data: data.decode("latin-1")))
def test_arbitrary_text_goes_through_every_stage(text):
    assert check(text.encode("utf-8", "surrogatepass"), load_rules()) is None


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_go_through_every_stage(data):
    assert check(data, load_rules(), every_format=False) is None


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_re_encoding_a_document_changes_no_finding(encoding):
    for path in SEEDS.values():
        text = path.read_text(encoding="utf-8")
        as_utf8 = [d.format() for d in budgetlint.lint_document(budgetlint.read_bytes_document(text.encode(), "d.txt"))]
        encoded = budgetlint.read_bytes_document(text.encode(encoding), "d.txt")
        assert encoded.source.encoding == encoding
        assert [d.format() for d in budgetlint.lint_document(encoded)] == as_utf8, (path.name, encoding)


def test_linting_twice_gives_the_same_findings():
    for path in SEEDS.values():
        first = budgetlint.lint_file(path)
        assert budgetlint.lint_file(path) == first


def test_the_output_is_the_same_byte_for_byte_in_any_process_and_file_order(tmp_path):
    """Another hash seed, the files named in another order or linted by two workers:
    each file's findings are the same bytes, in the order the files were named."""
    names = [str(path) for path in SEEDS.values()]

    def run(order, hash_seed, *extra):
        done = subprocess.run(
            [sys.executable, "-m", "budgetlint", *order, "--format", "json", *extra],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            timeout=300,
        )
        assert done.returncode == 1, done.stderr
        return done.stdout

    first = run(names, "1")
    assert run(names, "2") == first
    assert run(names, "3", "--jobs", "2") == first
    by_file = _by_file(first)
    reversed_run = _by_file(run(names[::-1], "4", "--jobs", "2"))
    assert list(reversed_run) == [os.path.basename(n) for n in names[::-1]]
    assert all(reversed_run[name] == findings for name, findings in by_file.items())


def _by_file(output: bytes) -> dict:
    import json

    found: dict = {}
    for item in json.loads(output):
        found.setdefault(os.path.basename(item["path"]), []).append(item)
    return found


def test_a_file_linted_alone_or_among_others_has_the_same_findings(capsys):
    """Nothing read from one file (caches, the rounding convention of a sheet)
    leaks into the findings of the next."""
    alone = {}
    for name, path in SEEDS.items():
        main([str(path), "--format", "text"])
        alone[name] = capsys.readouterr().out
    main([str(path) for path in SEEDS.values()] + ["--format", "text"])
    together = capsys.readouterr().out
    assert together == "".join(alone.values())


def _rendered_row(tables, line: int) -> tuple[int, int]:
    """The (table, row of header + rows) that ``_render(tables, "tab")`` prints on ``line``."""
    at = 3  # the document's title and a blank line before the first table
    for t, (_title, header, rows) in enumerate(tables):
        at += 4  # title, 部门, 单位, blank
        if line < at + len(header) + len(rows):
            return t, line - at
        at += len(header) + len(rows) + 3  # blank, 注, blank
    raise AssertionError(line)


def _cells(document):
    """Every figure of the document's financial tables, by (table, row, cell)."""
    return {
        (t, r, c): cell.figure
        for t, table in enumerate(document.tables)
        if table.kind in FINANCIAL
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row.cells)
        if cell is not None and cell.figure is not None
    }


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(budgets(), st.sampled_from(["决算", "预算"]), st.data())
def test_a_retyped_figure_of_a_generated_pdf_is_found_as_in_its_text(items, family, data):
    tables = _tables(items, "column") if family == "决算" else _budget_tables(items, "column")
    assert budgetlint.lint_document(budgetlint.read_bytes_document(_pdf(tables), "doc.pdf")) == []
    text = _render(tables, "tab")
    cells = _cells(budgetlint.read_text(text))
    where = data.draw(st.sampled_from(sorted(cells)))
    span = cells[where].span
    line = text.split("\n")[span.line - 1]
    t, r = _rendered_row(tables, span.line)
    c = line[: span.column - 1].count("\t")
    title, header, rows = tables[t]
    printed = (header + rows)[r][c]
    assert parse_number(printed).value == cells[where].value
    rows = [list(row) for row in header + rows]
    rows[r][c] = f"{cells[where].value + Decimal('1.00'):.2f}"
    tables = [*tables[:t], (title, rows[: len(header)], rows[len(header) :]), *tables[t + 1 :]]
    from_text = budgetlint.lint_text(_render(tables, "tab"), "doc.txt")
    document = budgetlint.read_bytes_document(_pdf(tables), "doc.pdf")
    from_pdf = budgetlint.lint_document(document)
    assert from_text
    assert sorted(d.code for d in from_pdf) == sorted(d.code for d in from_text)
    # The PDF's finding stands at the retyped figure or names it, as the text's does, on its page.
    place = _cells(document)[where].span
    places = {(d.line, d.column) for d in from_pdf} | {(x.line, x.column) for d in from_pdf for x in d.related}
    assert (place.line, place.column) in places
    assert all(d.page == document.source.page_of(d.line) for d in from_pdf)
