"""The footnote formula language ("27行=（1+2+3）行", "1栏各行=(2+3)栏各行").

Parsing gives a typed AST whose every operand knows where it was printed, so
a finding can point at the exact column of a wrong operand. Rendering gives
the text back in any of the notations the documents use; every notation of
one formula parses to the same AST. The grammar is ``grammars/footnote.lark``.
"""

from __future__ import annotations

import functools

from .lazy import lazy_pattern
from .model import Footnote, Span
from .records import field, record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (3 ms)
if TYPE_CHECKING:  # the generated parsers load when a formula is first read
    from .grammars.parsers import Lark, Token, Tree, UnexpectedInput

__all__ = [
    "COLUMN",
    "ROW",
    "Formula",
    "FormulaSyntaxError",
    "Notation",
    "Operand",
    "PrintedFormula",
    "Term",
    "formulas_in",
    "parse_formula",
    "render",
]

ROW = "行"
COLUMN = "栏"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Where a formula starts in running text ("27行=", "1栏各行＝"), and what ends it.
_FORMULA_START = lazy_pattern(r"[0-9０-９]+[ \u3000]*[行栏](?:各行)?[ \u3000]*[=＝]")
# The first character that cannot belong to the formula language ends a run of formulas.
_FORMULA_END = lazy_pattern(r"[^0-9０-９行栏各+＋\-－()（）=＝…⋯.~～至— \t\u3000；;，,]")
_SEPARATOR = lazy_pattern(r"[；;，,]")


class FormulaSyntaxError(ValueError):
    """A formula that cannot be read; ``offset`` is where the problem starts."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@record
class Operand:
    """A 行次/栏次 number, or an inclusive range of them; offsets are where it was printed."""

    first: int
    last: int
    start: int = field(default=0, eq=False)
    end: int = field(default=0, eq=False)

    @property
    def numbers(self) -> range:
        return range(self.first, self.last + 1)


@record
class Term:
    sign: int  # +1 or -1
    operand: Operand


@record
class Formula:
    """``target = Σ sign × operand`` over rows (行) or columns (栏); ``each``: 各行."""

    axis: str
    target: Operand
    terms: tuple[Term, ...]
    each: bool = False
    start: int = field(default=0, eq=False)
    end: int = field(default=0, eq=False)

    def refers_to_itself(self) -> Operand | None:
        """The operand that includes the target, if one does ("28行=（28+29）行")."""
        return next((t.operand for t in self.terms if self.target.first in t.operand.numbers), None)


@functools.cache
def _parser() -> Lark:
    """The parser of ``grammars/footnote.lark``, generated once (grammars/generate.py)."""
    from .grammars.parsers import footnote_parser

    return footnote_parser()


def _number(token: Token) -> int:
    return int(str(token).translate(_FULL_WIDTH_DIGITS))


def _operand(tree: Tree) -> Operand:
    tokens = tree.children
    first = _number(tokens[0])
    last = _number(tokens[-1])
    if last < first:
        raise FormulaSyntaxError(f"范围 {first}…{last} 的两端颠倒", tokens[0].start_pos)
    return Operand(first, last, tokens[0].start_pos, tokens[-1].end_pos)


def _terms(children: list) -> list[Term]:
    """Operands alternating with the signs between them; the first is added."""
    terms = [Term(1, children[0])]
    for sign, operand in zip(children[1::2], children[2::2], strict=True):
        terms.append(Term(-1 if str(sign) in "-－" else 1, operand))
    return terms


def formula_from_tree(tree: Tree) -> Formula:
    target, expression = tree.children
    number, unit, *each = target.children
    axis = str(unit)
    units: list[Token] = []
    if expression.data.endswith("grouped"):  # "footnote__grouped" when imported by the pack grammar
        terms_tree, *rest = expression.children
        operands = [_operand(c) if hasattr(c, "children") else c for c in terms_tree.children]
        terms = _terms(operands)
        units.append(rest[0])
        each += rest[1:]
    else:
        operands = []
        for child in expression.children:
            if hasattr(child, "children"):
                operand_tree, unit_token, *more = child.children
                operands.append(_operand(operand_tree))
                units.append(unit_token)
                each += more
            else:
                operands.append(child)
        terms = _terms(operands)
    for token in units:
        if str(token) != axis:
            raise FormulaSyntaxError(f"等号左边是“{axis}”，右边却是“{token}”", token.start_pos)
    if each and axis == ROW:
        raise FormulaSyntaxError("“各行”只能用于栏", each[0].start_pos)
    return Formula(
        axis=axis,
        target=Operand(_number(number), _number(number), number.start_pos, unit.end_pos),
        terms=tuple(terms),
        each=bool(each),
        start=tree.meta.start_pos,
        end=tree.meta.end_pos,
    )


def syntax_error(error: UnexpectedInput, text: str) -> FormulaSyntaxError:
    offset = getattr(error, "pos_in_stream", None)
    token = getattr(error, "token", None)
    if token is not None and token.type == "$END":
        return FormulaSyntaxError("公式不完整", len(text.rstrip()))
    if offset is None or offset < 0:
        offset = 0
    shown = text[offset : offset + 1] or "结尾"
    return FormulaSyntaxError(f"“{shown}”处有误", offset)


def parse_formula(text: str) -> tuple[Formula, ...]:
    """Parse one or more formulas separated by "；" into their AST.

    Raises :class:`FormulaSyntaxError` with the offset of the problem.
    """
    from .grammars.parsers import UnexpectedInput

    try:
        tree = _parser().parse(text, start="formulas")
    except UnexpectedInput as error:
        raise syntax_error(error, text) from None
    return tuple(formula_from_tree(child) for child in tree.children)


def _parse_one(text: str) -> Formula:
    from .grammars.parsers import UnexpectedInput

    try:
        return formula_from_tree(_parser().parse(text, start="formula"))
    except UnexpectedInput as error:
        raise syntax_error(error, text) from None


# --------------------------------------------------------------------------
# rendering


@record
class Notation:
    """One of the ways the documents print the same formula."""

    full_width: bool = True  # （）＝ or ()=
    plus: str = "+"
    minus: str = "-"
    range_mark: str = "……"
    grouped: bool = True  # （2+3）栏 or 2栏+3栏
    separator: str = "；"


RANGE_MARKS = ("……", "…", "+……+", "~", "～", "至", "—")


def _render_operand(operand: Operand, notation: Notation) -> str:
    if operand.first == operand.last:
        return str(operand.first)
    return f"{operand.first}{notation.range_mark}{operand.last}"


_USUAL = Notation()


def render(formulas: Formula | tuple[Formula, ...], notation: Notation = _USUAL) -> str:
    """The text of ``formulas`` in ``notation``; parses back to the same AST."""
    if isinstance(formulas, Formula):
        formulas = (formulas,)
    lpar, rpar, equals = ("（", "）", "＝") if notation.full_width else ("(", ")", "=")
    texts = []
    for formula in formulas:
        suffix = formula.axis + ("各行" if formula.each else "")
        parts = []
        for index, term in enumerate(formula.terms):
            sign = "" if index == 0 else (notation.plus if term.sign > 0 else notation.minus)
            operand = _render_operand(term.operand, notation)
            parts.append(sign + (operand if notation.grouped else operand + suffix))
        right = f"{lpar}{''.join(parts)}{rpar}{suffix}" if notation.grouped else "".join(parts)
        texts.append(f"{formula.target.first}{suffix}{equals}{right}")
    return notation.separator.join(texts)


# --------------------------------------------------------------------------
# formulas in footnotes


@record
class PrintedFormula:
    """A formula as printed in a footnote: its text, where it stands, and its
    AST or the reason it cannot be read."""

    text: str
    line: int
    column: int  # 1-based column of the first character of ``text``
    formula: Formula | None
    error: FormulaSyntaxError | None = None

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The place of ``text[start:end]`` in the file."""
        end = len(self.text) if end is None else end
        return Span(self.line, self.column + start, self.line, self.column + max(end, start + 1))


def formulas_in(footnote: Footnote) -> list[PrintedFormula]:
    """Every formula stated in a footnote, read one by one so that a broken
    formula does not hide the ones beside it; prose around them is ignored."""
    found = []
    for segment in footnote.segments:
        text = segment.text
        position = 0
        while True:
            start = _FORMULA_START.search(text, position)
            if start is None:
                break
            end_match = _FORMULA_END.search(text, start.start())
            end = end_match.start() if end_match else len(text)
            chunk_start = start.start()
            for piece in [*_SEPARATOR.finditer(text, chunk_start, end), None]:
                chunk_end = piece.start() if piece else end
                raw = text[chunk_start:chunk_end]
                body = raw.strip(" \t\u3000")
                if body:
                    offset = chunk_start + (len(raw) - len(raw.lstrip(" \t\u3000")))
                    column = segment.column + offset
                    try:
                        found.append(PrintedFormula(body, segment.line, column, _parse_one(body)))
                    except FormulaSyntaxError as error:
                        found.append(PrintedFormula(body, segment.line, column, None, error))
                chunk_start = chunk_end + 1
            position = end + 1
    return found
