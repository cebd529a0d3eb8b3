"""Compiling each table's footnote formulas into checks bound to its rows and
columns, and evaluating them with rounding-aware arithmetic.

Compiling is also where a footnote shows its own defects: text that cannot
be read, a formula that refers to itself, to a row or column the table does
not have, or that the table's own column headers contradict. Those become
problems; only sound formulas become checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .arithmetic import disagreement
from .findings import Finding, say
from .formulas import COLUMN, Formula, Operand, PrintedFormula, formulas_in, render
from .kept import Kept
from .model import Cell, Column, Document, Row, Span, Table
from .places import row_name
from .records import evolve, record

__all__ = ["Check", "Compiled", "Problem", "bind", "compile_footnotes", "evaluate"]

#: Header words naming a whole side of a table: a column under one can never
#: be the sum of columns under another.
_SIDES = frozenset({"预算数", "决算数", "年初预算数", "全年预算数", "上年决算数", "本年决算数"})
_SUBTOTAL = "小计"


@record
class Problem:
    """A defect of a footnote formula itself, found while compiling it."""

    code: str
    span: Span
    message: str
    related: tuple[tuple[Span, str], ...] = ()


@record
class Check:
    """A sound formula bound to its table: rows by 行次 or columns by 栏次.

    ``statement`` opens every finding's message ("脚注公式「…」不成立");
    ``related`` are the places every finding names besides the figure.
    """

    statement: object  # a str or a Message
    table: Table
    target: Row | Column
    operands: tuple[tuple[int, Row | Column], ...]
    related: tuple[tuple[Span, str], ...] = ()

    @property
    def relation(self) -> tuple:
        """What the check states, whoever states it: the same for a footnote and
        a rule pack that say the same thing of the same table."""
        axis = "row" if isinstance(self.target, Row) else "column"
        return (self.table.block, axis, self.target.number, frozenset((s, o.number) for s, o in self.operands))


@record
class Compiled:
    problems: tuple[Problem, ...]
    checks: tuple[Check, ...]


def _where(printed: PrintedFormula, operand: Operand) -> Span:
    return printed.span(operand.start, operand.end)


def _formula_place(printed: PrintedFormula) -> tuple[Span, str]:
    return printed.span(), f"脚注公式「{printed.text}」"


def _columns(table: Table, number: int) -> list[Column]:
    return [column for column in table.columns if column.number == number]


class _Compiler:
    def __init__(self, parts: list[Table]) -> None:
        self.parts = parts
        self.problems: list[Problem] = []
        self.checks: list[Check] = []

    @staticmethod
    def check(printed: PrintedFormula, table: Table, target: Row | Column, operands: tuple) -> Check:
        statement = say("脚注公式「{formula}」不成立", "footnote formula {formula} does not hold", formula=printed.text)
        return Check(statement, table, target, operands, (_formula_place(printed),))

    def problem(self, code: str, span: Span, message, printed: PrintedFormula) -> None:
        self.problems.append(Problem(code, span, message, (_formula_place(printed),)))

    def compile(self, printed: PrintedFormula) -> None:
        if printed.formula is None:
            error = printed.error
            span = printed.span(error.offset, error.offset + 1)
            message = say(
                "脚注公式「{formula}」无法解析：{error}",
                "footnote formula {formula} cannot be parsed: {error}",
                formula=printed.text,
                error=error.message,
            )
            self.problem("BL101", span, message, printed)
            return
        formula = printed.formula
        itself = formula.refers_to_itself()
        if itself is not None:
            self.problem(
                "BL102",
                _where(printed, itself),
                say(
                    "脚注公式「{formula}」引用了自身：第 {number} {axis}出现在等号两边",
                    "footnote formula {formula} refers to itself: {axis} {number} is on both sides",
                    formula=printed.text,
                    number=formula.target.first,
                    axis=formula.axis,
                ),
                printed,
            )
            return
        if formula.axis == COLUMN:
            self.compile_columns(printed, formula)
        else:
            self.compile_rows(printed, formula)

    def compile_rows(self, printed: PrintedFormula, formula: Formula) -> None:
        number = formula.target.first
        part = next((table for table in self.parts if table.row(number) is not None), None)
        if part is None:
            message = say("表中没有行次为 {number} 的行", "the table has no row numbered {number}", number=number)
            self.problem("BL103", _where(printed, formula.target), message, printed)
            return
        operands = []
        for term in formula.terms:
            for wanted in term.operand.numbers:
                row = part.row(wanted)
                if row is None:
                    side = f"（{part.part}）" if part.part else ""
                    message = say(
                        "第 {number} 行所在的表{side}中没有行次为 {wanted} 的行",
                        "the table{side} of row {number} has no row numbered {wanted}",
                        number=number,
                        side=side,
                        wanted=wanted,
                    )
                    self.problem("BL103", _where(printed, term.operand), message, printed)
                    return
                operands.append((term.sign, row))
        self.checks.append(self.check(printed, part, part.row(number), tuple(operands)))

    def compile_columns(self, printed: PrintedFormula, formula: Formula) -> None:
        number = formula.target.first
        part = next((table for table in self.parts if _columns(table, number)), None)
        if part is None:
            message = say("表中没有栏次为 {number} 的栏", "the table has no column numbered {number}", number=number)
            self.problem("BL103", _where(printed, formula.target), message, printed)
            return
        found: dict[int, Column] = {}
        for operand, wanted in [(formula.target, number)] + [
            (term.operand, n) for term in formula.terms for n in term.operand.numbers
        ]:
            columns = _columns(part, wanted)
            if len(columns) != 1:
                message = say(
                    "表中没有栏次为 {wanted} 的栏" if not columns else "表中有不止一个栏次为 {wanted} 的栏",
                    "the table has no column numbered {wanted}"
                    if not columns
                    else "the table has more than one column numbered {wanted}",
                    wanted=wanted,
                )
                self.problem("BL103", _where(printed, operand), message, printed)
                return
            found[wanted] = columns[0]
        operands = tuple((term.sign, found[n]) for term in formula.terms for n in term.operand.numbers)
        contradiction = _header_contradiction(found[number], [column for _, column in operands], part.columns)
        if contradiction:
            message = say(
                "脚注公式「{formula}」与表头矛盾：{contradiction}",
                "footnote formula {formula} contradicts the headers: {contradiction}",
                formula=printed.text,
                contradiction=contradiction,
            )
            self.problem("BL104", _where(printed, formula.target), message, printed)
            return
        self.checks.append(self.check(printed, part, found[number], operands))


def _name(column: Column) -> str:
    return f"{column.number}栏「{'/'.join(column.path) or column.header or ''}」"


def _header_contradiction(target: Column, operands: list[Column], columns: tuple[Column, ...]) -> str | None:
    """Why the headers say ``target`` cannot be the sum of ``operands``, when that is certain:
    the two sides of the table mixed (预算数 with 决算数), a 小计 added to one of its own
    parts, or parts whose 小计 is another column than the target."""
    target_side = target.path[0] if target.path and target.path[0] in _SIDES else None
    for column in operands:
        side = column.path[0] if column.path and column.path[0] in _SIDES else None
        if target_side and side and side != target_side:
            return f"{_name(target)}属于“{target_side}”，{_name(column)}却属于“{side}”"
    for subtotal in operands:
        if subtotal.path and subtotal.path[-1] == _SUBTOTAL:
            group = subtotal.path[:-1]
            for part in operands:
                if part is not subtotal and len(part.path) > len(group) and part.path[: len(group)] == group:
                    return f"{_name(subtotal)}已包含{_name(part)}，两者相加重复计算"
    groups = {column.path[:-1] for column in operands}
    if len(operands) > 1 and len(groups) == 1:
        (group,) = groups
        subtotal = next((c for c in columns if group and c.path == group + (_SUBTOTAL,)), None)
        if subtotal is not None and subtotal is not target:
            names = "、".join(_name(c) for c in operands)
            return f"{names}同属“{group[-1]}”，其和是{_name(subtotal)}，而不是{_name(target)}"
    return None


def bind(formula: Formula, parts: list[Table], statement: str) -> list[Check]:
    """The checks ``formula`` makes on one printed table; none where it does not fit
    the table (a row or column it lacks), since a rule pack speaks of every variant."""
    compiler = _Compiler(parts)
    compiler.compile(PrintedFormula(render(formula), 0, 1, formula))
    return [evolve(check, statement=statement, related=()) for check in compiler.checks]


def compile_footnotes(document: Document, kept: Kept | None = None) -> Compiled:
    """Every footnote formula of the document, compiled against its table; a printed
    table that ``kept`` holds from the last lint (the same objects) is not
    compiled again."""
    kept = kept or Kept(None)
    problems: list[Problem] = []
    checks: list[Check] = []
    for parts in document.blocks():
        if parts[0].footnotes:
            found = kept.get_for(tuple(parts), lambda parts=parts: _compiled_block(parts))
            problems.extend(found.problems)
            checks.extend(found.checks)
    kept.keep()
    return Compiled(tuple(problems), tuple(checks))


def _compiled_block(parts: list[Table]) -> Compiled:
    compiler = _Compiler(parts)
    for footnote in parts[0].footnotes:
        for printed in formulas_in(footnote):
            compiler.compile(printed)
    return Compiled(tuple(compiler.problems), tuple(compiler.checks))


# --------------------------------------------------------------------------
# evaluation


def _equation(
    check: Check, place: Span, left: Cell | None, right: list[tuple[int, Cell | None]], slack: Decimal, where: str
) -> Finding | None:
    sides = disagreement(left, right, slack)
    if sides is None:
        return None
    lhs, total = sides
    difference = lhs.value - total.value
    empty = left is None or left.empty
    message = say(
        "{statement}：{where}" + ("为空" if empty else "为 {printed}") + "，按公式应为 {total}（差 {difference}）",
        "{statement}: {where} "
        + ("is empty" if empty else "is {printed}")
        + ", the formula gives {total} (difference {difference})",
        statement=check.statement,
        where=where,
        printed=lhs.value,
        total=total.value,
        difference=difference,
    )
    addends = tuple(
        (cell.figure.span, f"{'加' if sign > 0 else '减'} {cell.figure}")
        for sign, cell in right
        if cell is not None and cell.figure is not None
    )
    return Finding(place, message, check.related + addends)


def evaluate(check: Check, slack: Decimal = Decimal(0)) -> Iterator[Finding]:
    """Where the check's equation does not hold, beyond what rounding explains."""
    table, target = check.table, check.target
    if isinstance(target, Row):
        columns = [c for c in table.columns if c.number is not None] or list(table.columns)
        for column in columns:
            right = [(sign, row.cell(column.index)) for sign, row in check.operands]
            where = f"{row_name(target)} {_name(column) if column.number is not None else column.header or ''}"
            found = _equation(check, target.span_at(column.index), target.cell(column.index), right, slack, where)
            if found:
                yield found
    else:
        for row in table.rows:
            right = [(sign, row.cell(column.index)) for sign, column in check.operands]
            where = f"{row_name(row)} {target.number}栏"
            found = _equation(check, row.span_at(target.index), row.cell(target.index), right, slack, where)
            if found:
                yield found


def relations_at(checks, table: Table, row: Row, index: int) -> Iterator[tuple[Check, str, bool | None]]:
    """The footnote relations the cell ``row``/``index`` of ``table`` takes part in, each
    with its equation as printed here and whether it holds (None: it cannot be judged,
    a cell holding words): what an editor shows when the figure is hovered."""
    from .arithmetic import addable

    for check in checks:
        if check.table.block != table.block or check.table.part != table.part:
            continue
        if isinstance(check.target, Row):
            rows = [check.target] + [operand for _, operand in check.operands]
            if not any(candidate is row for candidate in rows):
                continue
            left = check.target.cell(index)
            right = [(sign, operand.cell(index)) for sign, operand in check.operands]
            names = [f"{operand.number}行" for _, operand in check.operands]
            target = f"{check.target.number}行"
        else:
            columns = [check.target] + [operand for _, operand in check.operands]
            if not any(candidate.index == index for candidate in columns):
                continue
            left = row.cell(check.target.index)
            right = [(sign, row.cell(operand.index)) for sign, operand in check.operands]
            names = [f"{operand.number}栏" for _, operand in check.operands]
            target = f"{check.target.number}栏"
        cells = [left] + [cell for _, cell in right]
        judged = all(map(addable, cells)) and any(cell is not None and cell.figure for cell in cells)

        def shown(cell: Cell | None) -> str:
            return str(cell.figure) if cell is not None and cell.figure is not None else "空"

        terms = " ".join(
            f"{'+' if sign > 0 else '−'} {name} {shown(cell)}" for (sign, cell), name in zip(right, names, strict=True)
        ).removeprefix("+ ")
        equation = f"{target} {shown(left)} = {terms}"
        yield check, equation, (disagreement(left, right) is None) if judged else None
