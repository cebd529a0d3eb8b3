"""Rule packs: checks an auditor writes in the formula language, without Python.

A pack file (grammar: ``grammars/pack.lark``) holds rules; each names its
code, symbol, severity and message and states one relation, within one kind
of table ("[收入决算表] 1栏各行=（2……7）栏各行") or between cells of several
("[表A] 27行 1栏 = [表B] "合计"行 1栏"). The comment lines right above a rule
are its documentation. Reading a pack never runs anything it contains; a
malformed pack is a :class:`PackError` naming the file, line and column.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from decimal import Decimal

from .arithmetic import Interval, addable, disagreement
from .findings import Finding, say
from .footnote_checks import bind, evaluate
from .formulas import COLUMN, ROW, Formula, FormulaSyntaxError, formula_from_tree, syntax_error
from .kinds import KINDS
from .model import Column, Document, Row, Table
from .places import Place, describe, row_key
from .records import record
from .subjects import class_code
from .text import key

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (3 ms)
if TYPE_CHECKING:  # the generated parsers load when a pack is first read
    from .grammars.parsers import Lark, Token, Tree

__all__ = [
    "CellRef",
    "PackError",
    "PackRule",
    "builtin_packs",
    "builtin_rules",
    "load_pack",
    "parse_pack",
    "resolve",
    "run_pack_rule",
]


class PackError(ValueError):
    """A rule pack that cannot be read, with the place of the problem."""

    def __init__(self, message: str, path: str, line: int, column: int) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path, self.line, self.column = path, line, column


@record
class TableRef:
    kind: str
    part: str | None = None


@record
class CellRef:
    """A cell named in a pack: table by kind, row by 行次/label/code (or each row),
    column by 栏次 or header."""

    table: TableRef
    row: tuple[str, int | str | None]  # ("number", 27) ("label", "合计") ("code", "208") ("each", None)
    column: tuple[str, int | str] | None  # ("number", 1) ("header", "决算数"); None: the first


@record
class PackRule:
    code: str
    symbol: str
    severity: str
    message: str
    path: str
    line: int
    text: str  # the relation as written
    doc: str = ""
    table: TableRef | None = None  # within one table ...
    formula: Formula | None = None
    left: CellRef | None = None  # ... or across tables
    right: tuple[tuple[int, CellRef], ...] = ()

    @property
    def equality(self) -> bool:
        """Does the rule say that two cells hold the same quantity?"""
        return self.left is not None and len(self.right) == 1 and self.right[0][0] > 0


@functools.cache
def _parser() -> Lark:
    """The parser of ``grammars/pack.lark``, generated once (grammars/generate.py)."""
    from .grammars.parsers import pack_parser

    return pack_parser()


@functools.cache
def _kind_names() -> dict[str, str]:
    names = {}
    for kind in KINDS:
        for name in (kind.name, *kind.aliases):
            names[key(name)] = kind.name
    return names


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _string(token: Token) -> str:
    return str(token)[1:-1]


class _Reader:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.lines = text.split("\n")

    def error(self, message: str, token: Token | Tree) -> PackError:
        meta = token.meta if hasattr(token, "children") else token
        return PackError(message, self.path, meta.line, meta.column)

    def table(self, tree: Tree) -> TableRef:
        name, *part = tree.children
        kind = _kind_names().get(key(str(name)))
        if kind is None:
            raise self.error(f"未知的表格种类「{name}」", name)
        return TableRef(kind, str(part[0]) if part else None)

    def unit(self, token: Token, expected: str) -> None:
        if str(token) != expected:
            raise self.error(f"这里应是“{expected}”，而不是“{token}”", token)

    def cell(self, tree: Tree) -> CellRef:
        table, row, column = tree.children
        if row.data == "row_each":
            row_ref = ("each", None)
        else:
            *parts, unit = row.children
            self.unit(unit, ROW)
            value = parts[-1]
            if row.data == "row_number":
                row_ref = ("number", int(str(value).translate(_FULL_WIDTH_DIGITS)))
            elif row.data == "row_label":
                row_ref = ("label", _string(value))
            else:
                row_ref = ("code", str(value).translate(_FULL_WIDTH_DIGITS))
        column_ref = None  # 首栏: the first value column
        if column.data != "column_first":
            value, unit = column.children
            self.unit(unit, COLUMN)
            if column.data == "column_number":
                column_ref = ("number", int(str(value).translate(_FULL_WIDTH_DIGITS)))
            else:
                column_ref = ("header", _string(value))
        return CellRef(self.table(table), row_ref, column_ref)

    def doc(self, line: int) -> str:
        """The comment lines right above line ``line`` (1-based)."""
        comments: list[str] = []
        index = line - 2
        while index >= 0 and self.lines[index].lstrip().startswith("#"):
            comments.append(self.lines[index].lstrip()[1:].strip())
            index -= 1
        return "\n".join(reversed(comments))

    def rule(self, tree: Tree) -> PackRule:
        code, symbol, *rest = tree.children
        severity = str(rest.pop(0)) if getattr(rest[0], "type", None) == "SEVERITY" else "error"
        message, check = _string(rest[0]), rest[1]
        relation = self.text[check.meta.start_pos : check.meta.end_pos]
        common = {
            "code": str(code),
            "symbol": str(symbol),
            "severity": severity,
            "message": message,
            "path": self.path,
            "line": code.line,
            "text": " ".join(relation.split()),
            "doc": self.doc(tree.meta.line),
        }
        if check.data == "within":
            table, formula = check.children
            try:
                parsed = formula_from_tree(formula)
            except FormulaSyntaxError as error:  # a unit or range problem the grammar lets through
                offset = error.offset
                line = self.text.count("\n", 0, offset) + 1
                column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
                raise PackError(str(error), self.path, line, column) from None
            return PackRule(table=self.table(table), formula=parsed, **common)
        left, total = check.children
        right = [(1, self.cell(total.children[0]))]
        for sign, cell in zip(total.children[1::2], total.children[2::2], strict=True):
            right.append((-1 if str(sign) in "-－" else 1, self.cell(cell)))
        left_ref = self.cell(left)
        if left_ref.row[0] != "each" and any(ref.row[0] == "each" for _, ref in right):
            raise self.error("等号左边不是“各行”时，右边也不能用“各行”", total)
        return PackRule(left=left_ref, right=tuple(right), **common)


def parse_pack(text: str, path: str = "<pack>") -> tuple[PackRule, ...]:
    """Read a rule pack; raises :class:`PackError` at the first problem."""
    from .grammars.parsers import UnexpectedInput

    reader = _Reader(text, path)
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as error:
        problem = syntax_error(error, text)
        raise PackError(f"无法解析规则包：{problem.message}", path, error.line, error.column) from None
    rules = []
    seen: dict[str, PackRule] = {}
    for child in tree.children:
        rule = reader.rule(child)
        if rule.code in seen:
            raise reader.error(f"规则代码 {rule.code} 在第 {seen[rule.code].line} 行已用过", child)
        seen[rule.code] = rule
        rules.append(rule)
    return tuple(rules)


def load_pack(path) -> tuple[PackRule, ...]:
    """Read a rule pack file; raises :class:`PackError` (also when it cannot be read)."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"无法读取规则包（{getattr(error, 'strerror', None) or error}）", str(path), 1, 1) from None
    return parse_pack(text, str(path))


def builtin_rules(name: str, text: str) -> tuple[PackRule, ...]:
    """The rules of built-in pack ``name``: as grammars/generate.py read them, when
    ``text`` is still the text it read (parsing it takes 22 ms of every start), else
    parsed now."""
    from budgetlint.rules import compiled_packs

    if compiled_packs.TEXTS.get(name) == text:
        return compiled_packs.PACKS[name]
    return parse_pack(text, name)


def builtin_packs() -> list[tuple[str, str]]:
    """The packs shipped in ``budgetlint.rules``: (name, text)."""
    import budgetlint.rules

    folder = os.path.dirname(budgetlint.rules.__file__)  # a folder on disk, as pip installs it
    if os.path.isdir(folder):  # (os.path, not pathlib: 5 ms less on every start)
        found = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".rules"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    found.append((name, handle.read()))
        return found
    from importlib import resources  # a zip import: through importlib.resources (and its zipfile)

    entries = resources.files("budgetlint.rules").iterdir()
    return sorted((entry.name, entry.read_text(encoding="utf-8")) for entry in entries if entry.name.endswith(".rules"))


# --------------------------------------------------------------------------
# resolving references


def _tables(document: Document, ref: TableRef) -> list[Table]:
    return [t for t in document.tables if t.kind == ref.kind and (ref.part is None or t.part == ref.part)]


def _column(table: Table, ref: tuple[str, int | str] | None) -> Column | None:
    if ref is None:
        return table.columns[0] if table.columns else None
    how, value = ref
    if how == "number":
        return table.column(value)
    wanted = key(value)
    return next((c for c in table.columns if wanted in key("/".join(c.path) or c.header or "")), None)


def _row(table: Table, ref: tuple, like: Row | None = None, same_table: bool = False) -> Row | None:
    how, value = ref
    if how == "number":
        return table.row(value)
    if how == "code":
        return table.row_by_code(value)
    if how == "label":
        wanted = row_key(value)
        return next((r for r in table.rows if row_key(r.label) == wanted), None)
    if like is None:
        return None
    if same_table:
        return like
    code = like.code or class_code(row_key(like.label))
    if code:
        found = table.row_by_code(code)
        if found is not None:
            return found
    wanted = row_key(like.label)
    if not wanted:
        return None
    found = next((r for r in table.rows if row_key(r.label) == wanted), None)
    if found is None and code:  # the same 类 under another of its names (医疗健康支出 / 卫生健康支出)
        found = next((r for r in table.rows if not r.code and class_code(row_key(r.label)) == code), None)
    return found


def _place(document: Document, ref: CellRef) -> Place | None:
    """The one cell a reference names: its row looked for on every side of the table."""
    for table in _tables(document, ref.table):
        row = _row(table, ref.row)
        column = _column(table, ref.column) if row is not None else None
        if column is not None:
            return Place(table, row, column)
    return None


def resolve(document: Document, rule: PackRule) -> Iterator[tuple[Place, list[tuple[int, Place]]]]:
    """Every instance of an across rule in the document: left place, signed right places."""
    if rule.left.row[0] != "each":
        left = _place(document, rule.left)
        rights = [(sign, _place(document, ref)) for sign, ref in rule.right]
        if left is not None and all(place is not None for _, place in rights):
            yield left, rights
        return
    left_tables = _tables(document, rule.left.table)
    left_column = _column(left_tables[0], rule.left.column) if left_tables else None
    if left_column is None:
        return
    left_table = left_tables[0]
    sides = []
    for sign, ref in rule.right:
        tables = _tables(document, ref.table)
        column = _column(tables[0], ref.column) if tables else None
        if column is None:
            return
        sides.append((sign, ref, tables[0], column))
    for row in left_table.rows:
        right_places = []
        for sign, ref, table, column in sides:
            match = _row(table, ref.row, like=row, same_table=table is left_table)
            if match is not None:
                right_places.append((sign, Place(table, match, column)))
            elif len(sides) == 1:
                break
        # A sum over several tables: a table that does not print the row adds nothing,
        # but at least one of them must print it.
        if right_places:
            yield Place(left_table, row, left_column), right_places


# --------------------------------------------------------------------------
# evaluating


class Equalities:
    """Cells that rules say hold one quantity, grouped, so that a disagreement can
    be blamed on the copy that disagrees with the others."""

    def __init__(self, document: Document, rules: list[PackRule]) -> None:
        self.parent: dict[tuple, tuple] = {}
        self.places: dict[tuple, Place] = {}
        self.blamed: set[tuple] = set()  # copies already reported as the odd one out
        for rule in rules:
            if not rule.equality:
                continue
            for left, ((_, right),) in resolve(document, rule):
                if addable(left.cell) and addable(right.cell):
                    self._join(left, right)

    def _find(self, node: tuple) -> tuple:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def _join(self, a: Place, b: Place) -> None:
        for place in (a, b):
            self.places.setdefault(place.identity, place)
            self.parent.setdefault(place.identity, place.identity)
        self.parent[self._find(a.identity)] = self._find(b.identity)

    def agreeing(self, place: Place, slack: Decimal) -> list[Place] | None:
        """The copies the majority of the group holds, or None when there is no majority."""
        if place.identity not in self.parent:
            return None
        root = self._find(place.identity)
        group = [p for identity, p in self.places.items() if self._find(identity) == root]
        support = {p.identity: [q for q in group if p.interval.meets(q.interval, slack)] for p in group}
        best = max(len(agree) for agree in support.values())
        leaders = [p for p in group if len(support[p.identity]) == best]
        majority = support[leaders[0].identity]
        holders = {p.identity for p in majority}
        if best * 2 <= len(group) or any(p.identity not in holders for p in leaders):
            return None
        return majority


def run_pack_rule(rule: PackRule, context) -> Iterator:
    """The findings of one pack rule in a lint context."""

    if rule.formula is not None:
        stated = context.footnote_relations
        for parts in context.document.blocks():
            chosen = [t for t in parts if t.kind == rule.table.kind and (rule.table.part in (None, t.part))]
            if not chosen:
                continue
            for check in bind(rule.formula, chosen, rule.message):
                if check.relation in stated:  # the table's own footnote says it; BL110 checks it
                    continue
                yield from evaluate(check, context.slack)
        return
    for left, rights in resolve(context.document, rule):
        sides = disagreement(left.cell, [(sign, place.cell) for sign, place in rights], context.slack)
        if sides is None:
            continue
        finding = _blame(rule, left, rights, sides[1], context)
        if finding is not None:
            yield finding


def _blame(rule: PackRule, left: Place, rights: list[tuple[int, Place]], total: Interval, context):
    if rule.equality:
        right = rights[0][1]
        agreeing = context.equalities.agreeing(left, context.slack)
        holders = {p.identity for p in agreeing or ()}
        if agreeing is not None and left.identity not in holders and right.identity in holders:
            odd, other = left, right
        elif agreeing is not None and right.identity not in holders and left.identity in holders:
            odd, other = right, left
        else:
            odd, other, agreeing = left, right, [right]
        if agreeing is not None and len(agreeing) > 1:
            # One finding per odd copy: the other rules it breaks name the same copies.
            if odd.identity in context.equalities.blamed:
                return None
            context.equalities.blamed.add(odd.identity)
        difference = odd.interval.value - other.interval.value
        message = say(
            "{statement}：{odd} {odd_figure} ≠ {other} {other_figure}（差 {difference}）",
            "{statement}: {odd} {odd_figure} ≠ {other} {other_figure} (difference {difference})",
            statement=rule.message,
            odd=describe(odd),
            odd_figure=odd.shown,
            other=describe(other),
            other_figure=other.shown,
            difference=difference,
        )
        related = tuple((p.span, f"{describe(p)} 为 {p.shown}") for p in agreeing if p.identity != odd.identity)
        return Finding(odd.span, message, related)
    parts = " ".join(("+ " if sign > 0 else "- ") + describe(p) for sign, p in rights).removeprefix("+ ")
    difference = left.interval.value - total.value
    message = say(
        "{statement}：{left} {figure} ≠ {parts} = {total}（差 {difference}）",
        "{statement}: {left} {figure} ≠ {parts} = {total} (difference {difference})",
        statement=rule.message,
        left=describe(left),
        figure=left.shown,
        parts=parts,
        total=total.value,
        difference=difference,
    )
    related = tuple((p.span, f"{describe(p)} 为 {p.shown}") for _, p in rights)
    return Finding(left.span, message, related)
