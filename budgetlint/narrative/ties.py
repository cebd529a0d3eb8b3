"""Ties: the table cells an amount of the text speaks of.

Three kinds of amount are tied:

- a subject that names one line of a table: the totals and fund rows of
  收入支出决算总表, 一般公共预算财政拨款支出 (决算); the totals of 部门收支总表,
  财政拨款收支总表, 一般公共预算支出表 and the 三公 budget (预算). A subject that a
  fund, a level or a unit narrows ("财政拨款收支总计", "本级支出合计") never reaches
  the table of all funds: the words before the subject must be empty, a
  department's name, or a heading the line join glued to it. Where a subject
  may name more than one line ("收入预算" is 本年收入合计 or 收入总计), every
  candidate is kept, and a rule may only say the amount matches none of them;
- 三公经费, each of its parts and 机关运行经费, against the cell of the 三公 table
  that prints it (a part per column, or a part per row); in a 决算 only an
  amount said to be the 决算, against the 决算数 side; 机关运行经费 also against
  the 合计 of its own table;
- the classes a sentence lists as shares of 一般公共预算(财政拨款)支出;
- the 类/款/项 a completion sentence names, against 一般公共预算财政拨款支出决算表;
- an amount of a 类/款/项 named in full or by name and code, in a list the text
  says is of 一般公共预算 spending, against that fund's table by function (by
  code, or in a table without codes by names each printed once, in order), in
  the column of the year's own figure (not a budget's 上年执行数 beside it).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..figures import WAN_PER_UNIT
from ..kinds import family_of
from ..lazy import lazy_pattern
from ..model import Document, Table
from ..places import Place, row_key
from ..records import record
from ..text import is_ideograph, key
from .sentences import MONEY, OTHER
from .statements import Amount, Statements, subject_of

__all__ = ["Tie", "tie"]


@record
class _Subject:
    pattern: re.Pattern
    family: str  # 决算 | 预算
    kind: str
    part: str | None
    rows: tuple[str, ...]


def _subject(pattern: str, family: str, kind: str, part: str | None, *rows: str) -> _Subject:
    return _Subject(lazy_pattern(rf"(?:{pattern})$"), family, kind, part, rows)


_SUBJECTS = (
    _subject("收支总计|收入总计", "决算", "收入支出决算总表", "收入", "总计"),
    _subject("支出总计", "决算", "收入支出决算总表", "支出", "总计"),
    _subject("(?:本年)?收入合计", "决算", "收入支出决算总表", "收入", "本年收入合计"),
    _subject("(?:本年)?支出合计", "决算", "收入支出决算总表", "支出", "本年支出合计"),
    _subject("一般公共预算财政拨款收入", "决算", "收入支出决算总表", "收入", "一般公共预算财政拨款收入"),
    _subject("政府性基金预算财政拨款收入", "决算", "收入支出决算总表", "收入", "政府性基金预算财政拨款收入"),
    _subject("一般公共预算财政拨款支出", "决算", "一般公共预算财政拨款支出决算表", None, "合计"),
    _subject("一般公共预算(?:财政拨款|拨款)?支出预算(?:合计|总计)?", "预算", "一般公共预算支出表", None, "合计"),
    _subject("财政拨款收支总预算|财政拨款收支预算总计", "预算", "财政拨款收支总表", "收入", "收入总计", "总计"),
    _subject("财政拨款收入预算(?:合计|总计)?", "预算", "财政拨款收支总表", "收入", "收入总计", "本年收入合计", "总计"),
    _subject("财政拨款支出预算(?:合计|总计)?", "预算", "财政拨款收支总表", "支出", "支出总计", "本年支出合计", "总计"),
    _subject(
        "(?:一般公共预算|财政拨款的?)?(?:安排的?)?机关运行经费(?:财政拨款)?(?:预算)?(?:支出)?",
        "预算",
        "机关运行经费支出表",
        None,
        "合计",
    ),
    _subject("收支总预算|收支预算总计", "预算", "部门收支总表", "收入", "收入总计", "总计"),
    _subject("收入预算(?:总计|合计)?", "预算", "部门收支总表", "收入", "收入总计", "本年收入合计", "总计"),
    _subject("支出预算(?:总计|合计)?", "预算", "部门收支总表", "支出", "支出总计", "本年支出合计", "总计"),
)

#: The last word of a department's name.
_DEPARTMENT = "部门|单位|局|院|厅|委|会|办公室|中心|站|所|处"
#: The words that may stand before a subject that speaks of the whole department.
_OWNER = lazy_pattern(rf"(?:{_DEPARTMENT}|说明|情况|[一二三四五六七八九十]、)$")


def _opens(text: str, end: int, words) -> bool:
    """Whether ``text[:end]`` may stand before a name: nothing, anything but a
    Chinese character, or one of ``words`` (a pattern ending in "$").

    The character is compared here rather than with "[^\u4e00-\u9fff]" in a
    pattern: that class alone takes 1.5 ms to compile."""
    return not end or not is_ideograph(text[end - 1]) or words.search(text, 0, end) is not None


def _owned(before: str) -> bool:
    """Whether the text ``before`` a subject lets it speak of the whole department."""
    return _opens(before, len(before), _OWNER)


@record
class Tie:
    """An amount of the text and the cells it may stand for (one or more)."""

    amount: Amount
    places: tuple[Place, ...]
    factor: Decimal  # 万元 per unit of the table


def _one_table(document: Document, kind: str) -> tuple[Table, Decimal] | None:
    """The one readable table of ``kind`` the document prints, and 万元 per its unit."""
    tables = [t for t in document.tables if t.kind == kind and t.columns and not t.unrecognised]
    factor = WAN_PER_UNIT.get(tables[0].unit or "万元") if len(tables) == 1 else None
    return (tables[0], factor) if factor is not None else None


#: The table of 一般公共预算 spending by 类/款/项.
_FUND_TABLE = {"决算": "一般公共预算财政拨款支出决算表", "预算": "一般公共预算支出表"}
#: Columns (or sides of a 三公 table) that are not the year's own figure: a
#: budget's 上年执行数 or 增减 beside it, a final account's 年初预算 beside it.
_OTHER_FIGURES = {
    "预算": lazy_pattern(r"执行数|上年|决算|增减|变化|比较"),
    "决算": lazy_pattern(r"预算数|年初|全年预算|调整"),
}


def _year_column(table: Table, family: str):
    """The first column of ``table`` that prints the year's own figure (its 合计)."""
    other = _OTHER_FIGURES[family]
    return next((column for column in table.columns if not other.search("".join(column.path))), None)


def _fund_table(document: Document, family: str) -> tuple[Table, object, Decimal] | None:
    """The 一般公共预算 table by function, the column of the year's own figure, and
    万元 per its unit."""
    found = _one_table(document, _FUND_TABLE[family])
    column = found and _year_column(found[0], family)
    return (found[0], column, found[1]) if column is not None else None


def _places(table: Table, rows: tuple[str, ...]) -> list[Place]:
    if not table.columns:
        return []
    column = table.columns[0]
    return [Place(table, row, column) for row in table.rows if row_key(row.label) in rows]


def tie(document: Document, statements: Statements) -> list[Tie]:
    """The amounts whose subject names a line of a summary table the document prints."""
    family = family_of(t.kind for t in document.tables)
    year = document.year
    if family is None:
        return []
    amounts = statements.amounts()
    ties = _classes(document, statements, family) + _subject_lines(document, statements, family)
    ties += _listed_lines(document, statements, amounts, family, {id(t.amount.token) for t in ties})
    three_public = _three_public_table(document, family)
    lines: dict[_Subject, tuple | None] = {}
    for amount in amounts:
        if amount.years and (year is None or any(y != year for y in amount.years)):
            continue
        if three_public is not None:
            found = _three_public_tie(amount, family, *three_public)
            if found is not None:
                ties.append(found)
                continue
        for subject in _SUBJECTS:
            found = subject.pattern.search(amount.subject)
            if not found:
                continue
            if subject.family == family and _owned(amount.subject[: found.start()]):
                if subject not in lines:
                    lines[subject] = _subject_places(document, subject)
                if lines[subject] is not None:
                    ties.append(Tie(amount, *lines[subject]))
            break
    return ties


def _subject_places(document: Document, subject: _Subject) -> tuple[tuple[Place, ...], Decimal] | None:
    """The cells a subject names and 万元 per their unit, or None where they are
    none or printed in different units. Worked out once per subject: a document
    N times as long has N times the amounts and the tables."""
    tables = [
        t
        for t in document.tables
        if t.kind == subject.kind and (t.part is None or t.part.startswith(subject.part or "")) and not t.unrecognised
    ]
    units = {t.unit for t in tables}
    places = tuple(place for t in tables for place in _places(t, subject.rows))
    if not places or len(units) != 1:
        return None
    factor = WAN_PER_UNIT.get(units.pop() or "万元")
    return (places, factor) if factor is not None else None


#: The parts of 三公经费 as a sentence or a table names them, then the whole:
#: vehicles (购置及运行) before their two parts, whose names it contains.
_THREE_PUBLIC = (
    ("车辆", r"公务用车购置及运行(?:维护|及维护)?(?:费用?|经费|支出)?"),
    ("购置", r"公务用车购置(?:费用?|经费|支出)?"),
    ("运行", r"公务用车运行(?:维护|及维护)?(?:费用?|经费|支出)?"),
    ("出国", r"因公出国\(境\)(?:费用?|经费|支出)?"),
    ("接待", r"公务接待(?:费用?|经费|支出)?"),
    ("三公", r"三公经费(?:财政拨款)?(?:支出)?(?:合计|小计|总额)?"),
    ("机关运行", r"机关运行经费"),  # not a part, but printed beside them in some 三公 tables
)
#: Each part's name as a pattern: in a 三公 table's header, or at the end of an amount's subject.
_PARTS = tuple((part, lazy_pattern(pattern)) for part, pattern in _THREE_PUBLIC)
#: The words that may stand before a part's name at the end of an amount's subject.
_BEFORE_PART = lazy_pattern(rf"(?:安排的?|其中|三公经费|财政拨款的?|一般公共预算|中|{_DEPARTMENT})$")


def _ends_with_part(stem: str, pattern) -> bool:
    """Whether ``stem`` ends with the part's name, opened as _opens says with the
    words of _BEFORE_PART."""
    if pattern.search(stem) is None:
        return False
    return any(pattern.fullmatch(stem, start) and _opens(stem, start, _BEFORE_PART) for start in range(len(stem) + 1))


_STATED_AS = lazy_pattern(r"(?:支出|预算|决算|安排|数|合计)*$")
#: Columns or rows of a 三公 table that are not 三公 (a 合计 beside them is not its whole).
_NOT_THREE_PUBLIC = lazy_pattern(r"会议|培训|行政经费|机关运行")
#: The parts of 公务用车购置及运行费 printed under it by their short names.
_VEHICLE_PARTS = {"购置费": "购置", "运行费": "运行", "运行维护费": "运行"}


def _three_public_part(text: str) -> str | None:
    text = key(text).replace("（", "(").replace("）", ")")
    return next((part for part, pattern in _PARTS if pattern.search(text)), None)


def _three_public_table(document: Document, family: str):
    """The 三公 table and, for each part, the one cell that prints it: a part per
    column (one data row, or a 合计 row) or a part per row (one amount column).
    In a 决算 the cells are those under 决算数 only."""
    found = _one_table(document, "三公经费支出决算表" if family == "决算" else "三公经费支出表")
    if found is None:
        return None
    table, factor = found
    cells: dict[str, list[Place]] = {}
    by_row = [row for row in table.rows if _three_public_part(row.label)]
    if by_row and family == "预算":
        column = table.columns[0]
        if _NOT_THREE_PUBLIC.search("".join(r.label for r in table.rows)) is None:
            by_row += [row for row in table.rows if row_key(row.label) == "合计"]
        for row in by_row:
            part = _three_public_part(row.label) or "三公"
            cells.setdefault(part, []).append(Place(table, row, column))
    else:
        totals = [row for row in table.rows if row_key(row.label) == "合计"]
        rows = totals if totals else list(table.rows)
        if len(rows) != 1:
            return None
        generic_whole = _NOT_THREE_PUBLIC.search("".join(c.header or "" for c in table.columns)) is None
        for column in table.columns:
            side = column.path[0] if column.path else ""
            if family == "决算" and "决算" not in side:
                continue
            if family == "预算" and _OTHER_FIGURES["预算"].search(side):
                continue
            years = re.findall(r"20\d\d", side)
            if years and document.year is not None and years != [str(document.year)]:
                continue
            header = (column.header or "").replace("/", "")
            part = _three_public_part(header)
            if part is None and any("公务用车" in above for above in column.path[:-1]):
                part = _VEHICLE_PARTS.get(header)
            if part is None and generic_whole and header.endswith("合计"):
                part = "三公"
            if part is not None:
                cells.setdefault(part, []).append(Place(table, rows[0], column))
    return {part: places[0] for part, places in cells.items() if len(places) == 1}, factor


def _three_public_tie(amount: Amount, family: str, cells: dict, factor: Decimal) -> Tie | None:
    """The cell of the 三公 part an amount's subject ends with ("其中：因公出国(境)费")."""
    said = _STATED_AS.search(amount.subject)
    if (family == "决算") != ("决算" in said[0]):
        return None
    stem = amount.subject[: said.start()]
    for part, pattern in _PARTS:
        if _ends_with_part(stem, pattern):
            return Tie(amount, (cells[part],), factor) if part in cells else None
    return None


#: The words that name 一般公共预算 spending in a sentence that lists its classes.
_CLASS_WHOLE = {
    "决算": lazy_pattern(r"一般公共预算财政拨款支出(?:决算)?$"),
    "预算": lazy_pattern(r"一般公共预算(?:财政拨款|拨款)?支出(?:预算)?$"),
}


def _classes(document: Document, statements: Statements, family: str) -> list[Tie]:
    """The classes a sentence lists as shares of a fund's spending ("一般公共预算财政
    拨款支出 1627.17 万元，主要用于以下方面：卫生健康支出(类) 1589.41 万元，占 97.7%"),
    tied to their rows of that fund's table. Another whole (财政拨款支出, which may
    hold other funds) ties nothing."""
    whole_words = _CLASS_WHOLE[family]
    found = _fund_table(document, family)
    if found is None:
        return []
    table, column, factor = found
    ties = []
    for share in statements.shares:
        if share.whole is None or share.whole_sentence is None:
            continue
        if not whole_words.search(subject_of(share.whole_sentence, share.whole)):
            continue
        subject = subject_of(share.sentence, share.part)
        found = _PATH.match(subject)
        if not found or found["item"] or subject[found.end() :] not in ("", "支出"):
            continue  # "卫生健康(类)支出" and "卫生健康支出(类)" name the class; anything more is not one
        row = _row_of_path(table, found)
        if row is not None:
            amount = Amount(share.sentence, share.part, f"{row_key(row.label)}（类）", ())
            ties.append(Tie(amount, (Place(table, row, column),), factor))
    return ties


_PATH = lazy_pattern(
    r"(?P<class>[^()（）\d.、，,：:；;。\s-]+?)\(类\)(?:(?P<item>[^()（）。]+?)\(款\))?(?:(?P<entry>[^()（）。]+?)\(项\))?"
)
_FUND = lazy_pattern(
    r"一般公共预算(?:当年)?(?:财政)?拨款(?:支出)?|一般公共预算支出|政府性基金预算(?:财政)?拨款|国有资本经营预算(?:财政)?拨款|财政拨款支出"
)
_LOOK_BACK = 20  # sentences back to the one that says which fund a list of subjects is of


def _fund(words: str) -> str:
    """The fund ``words`` name: 一般公共预算, 政府性基金, 国有资本经营, or 财政拨款 (all of them)."""
    return next((fund for fund in ("一般公共预算", "政府性基金", "国有资本经营") if words.startswith(fund)), "财政拨款")


def _fund_of(sentences: tuple, index: int, position: int | None = None) -> str | None:
    """The fund named last before ``position`` of sentence ``index`` (its start if
    None), within a few sentences."""
    if position is not None:
        found = list(_FUND.finditer(sentences[index].marked, 0, position))
        if found:
            return _fund(found[-1][0])
    for sentence in reversed(sentences[max(0, index - _LOOK_BACK) : index]):
        found = list(_FUND.finditer(sentence.marked))
        if found:
            return _fund(found[-1][0])
    return None


def _path_in(sentence, end: int) -> re.Match | None:
    """The 类/款/项 the sentence names before ``end``."""
    return _PATH.search(sentence.words(0, end).replace("（", "(").replace("）", ")"))


def _row_of_path(table: Table, found: re.Match):
    """The row of 类/款/项 named by ``found``, each level under the one above it
    (by code; in a table that prints no codes, each name printed once, in order)."""
    names = [found["class"], found["item"], found["entry"]]
    if not any(row.code for row in table.rows):
        return _row_of_names(table, [name for name in names if name])
    rows, prefix = None, ""
    for length, name in zip((3, 5, 7), names, strict=True):
        if name is None:
            break
        wanted = _level_key(name, length == 3)
        matches = [
            row
            for row in table.rows
            if row.code and len(row.code) == length and row.code.startswith(prefix) and row_key(row.label) == wanted
        ]
        if len(matches) != 1:
            return None
        rows, prefix = matches[0], matches[0].code
    return rows


def _level_key(name: str, is_class: bool) -> str:
    """A 类/款/项 name as its row prints it: a 类 always ends in 支出 ("卫生健康(类)")."""
    return row_key(name + "支出" if is_class and not name.endswith("支出") else name)


def _row_of_names(table: Table, names: list[str]):
    """The row of the last of ``names`` in a table without codes: each name must be
    printed on exactly one row, and those rows must come in the order of the path."""
    wanted = [_level_key(name, i == 0) for i, name in enumerate(names)]
    keys = [row_key(row.label) for row in table.rows]
    at = []
    for name in wanted:
        if keys.count(name) != 1:
            return None
        at.append(keys.index(name))
    return table.rows[at[-1]] if at == sorted(at) else None


def _subject_lines(document: Document, statements: Statements, family: str) -> list[Tie]:
    """The amount spent on a 类/款/项 a completion sentence names ("1. 社会保障和就业支出(类)。
    年初预算为 9.66 万元，支出决算为 9 万元"), tied to its row of 一般公共预算财政拨款支出
    决算表, when the sentences before say that the list is of that fund's spending."""
    found = _fund_table(document, family) if family == "决算" else None
    if found is None:
        return []
    table, column, factor = found
    order = {id(sentence): index for index, sentence in enumerate(statements.sentences)}
    seen = set()
    ties = []
    completions = list(statements.completions) + [c.completion for c in statements.comparisons if c.completion]
    for completion in completions:
        if completion.actual is None or id(completion) in seen:
            continue
        seen.add(id(completion))
        index = order[id(completion.sentence)]
        sentence = completion.sentence
        found = _path_in(sentence, max(sentence.marked.find("预算"), 0))
        if found is None and index:
            previous = statements.sentences[index - 1]
            if previous.paragraph == sentence.paragraph and previous.index + 1 == sentence.index:
                found = _path_in(previous, len(previous.marked))
        if found is None or _fund_of(statements.sentences, index) != "一般公共预算":
            continue
        row = _row_of_path(table, found)
        if row is None:
            continue
        subject = "".join(f"{name}({level})" for name, level in zip(found.groups(), "类款项", strict=True) if name)
        amount = Amount(sentence, completion.actual, subject, ())
        ties.append(Tie(amount, (Place(table, row, column),), factor))
    return ties


_SAID_AS = {"决算": ("", "支出", "决算", "支出决算"), "预算": ("", "支出", "预算", "支出预算")}
#: The code and amount after a subject named with its code: "行政运行（2010601）4,702.02万元";
#: the name is the Chinese characters before it (see _coded).
_CODED = lazy_pattern(rf"[（(]({OTHER})[）)]({MONEY})")


def _coded(marked: str):
    """(name, code's position, amount's position) of each subject named with its code."""
    for found in _CODED.finditer(marked):
        start = found.start()
        while start and is_ideograph(marked[start - 1]):
            start -= 1
        if start < found.start():
            yield marked[start : found.start()], found.start(1), found.start(2)


def _listed_lines(
    document: Document, statements: Statements, amounts: list[Amount], family: str, tied: set
) -> list[Tie]:
    """The amounts of a 类/款/项 named in full ("卫生健康支出（类）行政事业单位医疗（款）
    行政单位医疗（项）61.17 万元") or by name and code ("行政运行（2010601）4,702.02万元"),
    tied to its row of the 一般公共预算 table by function, when the text before names
    that fund (and not 财政拨款 as a whole)."""
    found = _fund_table(document, family)
    if found is None:
        return []
    table, column, factor = found
    order = {id(sentence): index for index, sentence in enumerate(statements.sentences)}
    ties = []

    def add(sentence, token, subject, row):
        if id(token) in tied or row is None:
            return
        if _fund_of(statements.sentences, order[id(sentence)], token.start) != "一般公共预算":
            return
        tied.add(id(token))
        ties.append(Tie(Amount(sentence, token, subject, ()), (Place(table, row, column),), factor))

    for amount in amounts:
        if "类)" not in amount.subject:
            continue
        subject = amount.subject.lstrip(")）")
        found = _PATH.match(subject)
        if found and subject[found.end() :] in _SAID_AS[family]:
            add(amount.sentence, amount.token, subject[: found.end()], _row_of_path(table, found))
    for sentence in statements.sentences:
        if "（" not in sentence.marked and "(" not in sentence.marked:
            continue
        for name, code_at, amount_at in _coded(sentence.marked):
            code = sentence.token_at(code_at).figure
            if code.decimals or len(str(code.value)) not in (3, 5, 7):
                continue
            row = table.row_by_code(str(code.value))
            if row is not None and row_key(row.label) == row_key(name):
                add(sentence, sentence.token_at(amount_at), f"{name}({code.value})", row)
    return ties
