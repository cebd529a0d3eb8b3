"""The reading problems (BL0xx) in one place: their codes, symbols, default
severities and messages. The reader records a problem with :func:`problem`;
``rules/reading.py`` publishes each code as a rule, so that it can be
selected, ignored and documented like any other finding."""

from __future__ import annotations

from collections import namedtuple

from ..findings import Diagnostic, Related, Severity
from ..records import evolve

__all__ = ["PROBLEMS", "ProblemKind", "problem"]


class ProblemKind(namedtuple("ProblemKind", "code symbol severity template english", defaults=("",))):
    __slots__ = ()
    code: str
    symbol: str
    severity: str
    template: str
    english: str


_UNREADABLE = "表格无法读取：「{title}」的内容挤在一行，无法恢复行列，未作猜测"
_GARBLED = "表格行文本错乱，未能读取（单元格长 {length} 字），已忽略"
_FUSED = "两个数字粘连成「{text}」：一格中有两个小数点，无法确定是哪两个数，这一格无法核对"
_NOTHING = "没有可检查的内容：{what}"
_COLUMN_NUMBERS = "表头的栏次有误：{what}；按栏次引用的公式和说明可能指错了栏"

PROBLEMS: dict[str, ProblemKind] = {
    kind.code: kind
    for kind in (
        ProblemKind(
            "BL001",
            "unreadable-table",
            Severity.WARNING,
            _UNREADABLE,
            "unreadable table: {title} is crammed into one line; its rows and columns cannot be recovered, "
            "and nothing was guessed",
        ),
        ProblemKind(
            "BL002",
            "garbled-row",
            Severity.WARNING,
            _GARBLED,
            "a garbled table row was not read (a cell {length} characters long) and is left out",
        ),
        ProblemKind(
            "BL003",
            "column-numbers-out-of-order",
            Severity.WARNING,
            _COLUMN_NUMBERS,
            "the header's column numbers are wrong: {what}; formulas and text citing columns may point at "
            "the wrong one",
        ),
        ProblemKind(
            "BL004",
            "fused-figures",
            Severity.WARNING,
            _FUSED,
            "two figures fused into {text}: a cell with two decimal points, which two cannot be told, "
            "so it cannot be checked",
        ),
        ProblemKind("BL005", "nothing-to-check", Severity.WARNING, _NOTHING, "nothing to check: {what_en}"),
    )
}


def problem(code: str, path: str, span, related: tuple[tuple[object, str], ...] = (), **arguments) -> Diagnostic:
    """The diagnostic of reading problem ``code`` at ``span`` (related: (span, note) pairs)."""
    kind = PROBLEMS[code]
    notes = tuple(Related(path, where.line, where.column, note) for where, note in related)
    found = Diagnostic.at(path, span, code, kind.symbol, kind.severity, kind.template.format(**arguments), notes)
    return evolve(found, arguments=tuple((name, str(value)) for name, value in arguments.items()))
