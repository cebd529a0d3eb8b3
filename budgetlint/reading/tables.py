"""Turning a raw grid into logical tables.

A printed table is read in this order: the title and the 部门/单位 lines
that some exporters put inside the grid; the 栏次 row that numbers the
columns; the header rows above it; the column groups printed side by side
(收入 | 支出, 人员经费 | 公用经费), each read as a table of its own; then,
per row, the label, the subject code, the 行次 and the value cells.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator

from ..figures import EMPTY_MARKS, parse_number
from ..findings import Diagnostic
from ..kinds import FINANCIAL, PERFORMANCE, recognise
from ..lazy import lazy_pattern
from ..model import Cell, Column, Figure, Footnote, Row, Segment, Span, Table
from ..records import evolve, field, record
from ..text import clean, is_ideograph, key, squeeze
from .breakdowns import breakdowns
from .captions import Meta, caption_of, locate_department, meta_of
from .codes import SubjectCodes
from .grid import RawRow
from .problems import problem

__all__ = ["PhysicalTable", "build_tables", "printed_row"]

_UNIT_IN_HEADER = lazy_pattern(r"[（(]\s*(万元|元)\s*[)）]")
_YEAR = lazy_pattern(r"((?:19|20)\d{2})\s*年")
_RULE_ROW = lazy_pattern(r"^[-:|=\s]+$")
_DIGITS_AND_SPACES = lazy_pattern(r"[\d ]+")
_LANCI_WORDS = frozenset({"栏次", "栏", "次", "类", "款", "项", "行次", ""})
_LABEL_WORDS = frozenset({"项目", "项", "目", "类", "款", "栏次", "栏", "次", "编码", "名称", "功能分类", "序号"})
_BUDGET_WORDS = ("预算数", "执行数", "执行率", "得分", "分值", "全年预算数", "年初预算数", "全年执行数")
_GROUP_STARTS = frozenset({"项目", "项", "项目名称", "科目编码", "项目(按功能分类)", "经济科目编码", "功能科目编码"})
#: A cell longer than this in a financial table is text extracted in the
#: wrong place (a table read twice, a row collapsed), not a cell.
_GARBLED_CELL = 80
_PADDING = " \u3000\xa0\r"
_NEW = tuple.__new__  # builds a Span without NamedTuple's keyword-handling wrapper


@record(frozen=False)
class PhysicalTable:
    """One printed table (all pages merged) before it is read into logical tables."""

    meta: Meta
    rows: list[RawRow]
    first_line: int
    footnote: list[Segment] = field(factory=list)


class _Row(namedtuple("_Row", "raw texts")):
    """A raw row and the cleaned text of each of its cells."""

    __slots__ = ()
    raw: RawRow
    texts: list[str]


def _trimmed(texts: list[str]) -> tuple[str, ...]:
    """The texts without trailing empty cells, for comparing rows."""
    end = len(texts)
    while end and not texts[end - 1]:
        end -= 1
    return tuple(texts[:end])


def printed_row(raw: RawRow) -> tuple[str, ...]:
    """What a raw row prints, for recognising a header printed again."""
    return _trimmed([clean(text) if text else "" for text in raw.texts])


def _is_figure(text: str) -> bool:
    return bool(text) and parse_number(text) is not None


# --------------------------------------------------------------------------
# cells


def _cell_span(raw: RawRow, i: int, cleaned: str | None = None) -> Span:
    """Where cell ``i`` stands, surrounding blanks excluded. ``cleaned`` is the cell's
    cleaned text: when cleaning left the raw text as it was, there is nothing to trim."""
    line, start = raw.lines[i], raw.starts[i]
    if line != raw.end_lines[i]:
        return _NEW(Span, (line, start + 1, raw.end_lines[i], raw.ends[i] + 1))
    body = raw.texts[i]
    if cleaned is body:
        return _NEW(Span, (line, start + 1, line, start + len(body) + 1))
    lead = len(body) - len(body.lstrip(_PADDING))
    trail = len(body.rstrip(_PADDING))
    if lead >= trail:
        lead = trail = 0
    return _NEW(Span, (line, start + lead + 1, line, start + trail + 1))


def _figure(raw: RawRow, i: int, text: str, span: Span) -> Figure | None:
    """The figure cell ``i`` prints, if any; ``span`` is the cell's own span."""
    body = raw.texts[i]
    line, start = raw.lines[i], raw.starts[i]
    single = line == raw.end_lines[i]
    if single and "<" not in body:
        number = parse_number(body)
        if number is None:
            return None
        first, end = start + number.start + 1, start + number.end + 1
        if (first, end) != (span.column, span.end_column):
            span = _NEW(Span, (line, first, line, end))
    else:
        # Markup or a line break inside the cell: find the printed figure.
        number = parse_number(text)
        if number is None:
            return None
        printed = text[number.start : number.end]
        at = body.find(printed) if single else -1
        if at >= 0:
            span = _NEW(Span, (line, start + at + 1, line, start + at + len(printed) + 1))
    return Figure(number.value, number.decimals, number.percent, span, number.unit)


def _model_cell(raw: RawRow, i: int, text: str) -> Cell:
    """The model of cell ``i``, whose cleaned text ``text`` prints something."""
    span = _cell_span(raw, i, text)
    if text in EMPTY_MARKS:  # already cleaned, so no need to strip again
        return Cell("", span, None)
    return Cell(text, span, _figure(raw, i, text, span))


# --------------------------------------------------------------------------
# structure


def _clean_rows(rows: list[RawRow]) -> list[_Row]:
    """Cleaned rows, without empty rows and markdown rule rows ("---|---")."""
    cleaned = []
    for raw in rows:
        texts = [clean(text) if text else "" for text in raw.texts]
        filled = [text for text in texts if text]
        if filled and not all(len(text) > 2 and _RULE_ROW.match(text) for text in filled):
            cleaned.append(_Row(raw, texts))
    return cleaned


def _take_inner_meta(rows: list[_Row], meta: Meta) -> list[_Row]:
    """Titles and 部门/单位 cells that the exporter put inside the grid."""
    index = 0
    while index < min(len(rows), 3):
        row = rows[index]
        filled = [i for i, text in enumerate(row.texts) if text]
        title, facts = caption_of(row.texts[filled[0]]) if len(filled) == 1 else (None, None)
        if title:
            meta.title = title
            meta.title_line = row.raw.lines[filled[0]]
            if facts:
                first = filled[0]
                meta.add(locate_department(facts, row.raw.lines[first], row.raw.texts[first], row.raw.starts[first]))
            del rows[index]
            continue
        kept = list(row.texts)
        for i in filled:
            facts = locate_department(meta_of(kept[i]), row.raw.lines[i], row.raw.texts[i], row.raw.starts[i])
            if facts:
                meta.add(facts)
                kept[i] = ""
        if kept == row.texts:
            break
        if any(kept):
            rows[index] = _Row(row.raw, kept)
            index += 1
        else:
            del rows[index]
    return rows


def _lanci(texts: list[str]) -> dict[int, int] | None:
    """The 栏次 row's column numbers by position, if ``texts`` is a 栏次 row."""
    numbers: dict[int, int] = {}
    # A row that says it is the 栏次 row may number past 99 (a table of a thousand columns).
    digits = 4 if any(key(text) in ("栏次", "栏") for text in texts) else 2
    for position, text in enumerate(texts):
        if text.isdigit() and len(text) <= digits:
            numbers[position] = int(text)
        elif key(text) not in _LANCI_WORDS and not _DIGITS_AND_SPACES.fullmatch(text):
            return None
    values = list(numbers.values())
    if values == [1] and any(key(text) in ("栏次", "栏") for text in texts):
        return numbers
    if len(values) < 2 or not 1 <= values[0] <= 3 or values[-1] <= values[0]:
        return None
    if any(b < a for a, b in zip(values, values[1:], strict=False)):
        return None
    return numbers


def _is_label_word(text: str) -> bool:
    word = key(text)
    return word in _LABEL_WORDS or "科目" in word or word.endswith("编码") or word.startswith("项目(")


def _join_header(fragments: list[str]) -> str | None:
    header = ""
    for fragment in fragments:
        if not header:
            header = fragment
        elif len(fragment) == 1:
            header += fragment  # a word broken over two header rows ("合" / "计")
        else:
            header += "/" + fragment
    return header or None


class _Split(namedtuple("_Split", "header lanci lanci_texts data lanci_row", defaults=(None,))):
    """The parts of a grid: header rows, the 栏次 row and its numbers, data rows."""

    __slots__ = ()
    header: list[_Row]
    lanci: dict[int, int] | None
    lanci_texts: list[str]
    data: list[_Row]
    lanci_row: _Row | None


def _split_rows(rows: list[_Row], kind: str | None) -> _Split:
    for index, row in enumerate(rows[:7]):
        numbers = _lanci(row.texts)
        if numbers is not None:
            return _Split(rows[:index], numbers, row.texts, rows[index + 1 :], row)
    if kind in FINANCIAL:
        first = next((i for i, row in enumerate(rows) if any(map(_is_figure, row.texts))), min(1, len(rows)))
        return _Split(rows[:first], None, [], rows[first:])
    if kind in PERFORMANCE:
        # The row naming 预算数/执行数/执行率/得分 heads the columns; the rows
        # above it (项目名称, 主管部门 …) are data like any other.
        for index, row in enumerate(rows):
            joined = "|" + "|".join(map(key, row.texts))
            if sum(f"|{word}" in joined for word in _BUDGET_WORDS) >= 2:
                return _Split([row], None, [], rows[:index] + rows[index + 1 :])
        return _Split([], None, [], rows)
    if rows:
        first = rows[0].texts
        if sum(1 for text in first if text) >= 2 and not any(map(_is_figure, first)):
            return _Split(rows[:1], None, [], rows[1:])
    return _Split([], None, [], rows)


# --------------------------------------------------------------------------
# side-by-side groups


class _Group(namedtuple("_Group", "part ranges")):
    __slots__ = ()
    part: str | None
    ranges: tuple[tuple[int, int], ...]


_CLASSIFIED_LABEL = lazy_pattern(r"科目\(按[^()]*\)$")


def _starts_group(text: str) -> bool:
    """A header word that heads the label column of a group: 项目, 科目编码,
    "支出功能分类科目（按大类）"."""
    word = key(text)
    return word in _GROUP_STARTS or word.endswith("科目名称") or bool(_CLASSIFIED_LABEL.search(word))


def _group_starts(header: list[_Row]) -> tuple[list[int], int | None]:
    """Where side-by-side column groups start, and the lowest header row that says so.

    A group starts at a label header (项目, 科目编码, 功能科目名称 …) that stands
    right of an amount column; the header rows may say it at different heights
    ("项目名称" over the 收入 side, "功能科目名称" one row lower on the 支出 side).
    """
    width = max((len(row.texts) for row in header), default=0)
    words = [[row.texts[c] for row in header if c < len(row.texts) and row.texts[c]] for c in range(width)]

    def after_amounts(position: int) -> bool:
        before = words[position - 1]
        return bool(before) and not any(_starts_group(t) or _is_label_word(t) for t in before)

    starts: set[int] = set()
    marker_row = None
    for index in range(len(header) - 1, -1, -1):
        texts = header[index].texts
        found = [p for p, text in enumerate(texts) if _starts_group(text) and (p == 0 or after_amounts(p))]
        if found:
            starts.update(found)
            marker_row = index if marker_row is None else marker_row
    if len(starts) < 2:
        return [0], None
    ordered = sorted(starts)
    ordered[0] = 0
    return ordered, marker_row


_AMOUNT_WORDS = frozenset({"金额", "预算数", "决算数", "合计", "小计", "数额"})


def _part_name(text: str) -> str | None:
    """A side's name (收入, 支出, 人员经费), never a column's own header (项目名称, 金额)."""
    name = key(text)
    if name in _AMOUNT_WORDS or _starts_group(text) or _is_label_word(text):
        return None
    return name if len(name) >= 2 and any(map(is_ideograph, name)) else None


def _part_names(header: list[_Row], marker_row: int, bounds: list[tuple[int, int]]) -> list[str | None]:
    """Group names (收入/支出, 人员经费/公用经费) from the nearest header row above the
    marker row that names the first group."""
    for index in range(marker_row - 1, -1, -1):
        texts = header[index].texts
        names = [next(filter(None, map(_part_name, texts[start:end])), None) for start, end in bounds]
        if names[0]:
            for position in range(1, len(names)):
                names[position] = names[position] or names[position - 1]
            return names
    return [None] * len(bounds)


def _groups(header: list[_Row], width: int) -> list[_Group]:
    """The logical tables of a grid; groups with the same name and header are stacked."""
    starts, marker_row = _group_starts(header)
    if marker_row is None:
        return [_Group(None, ((0, width),))]
    bounds = list(zip(starts, starts[1:] + [width], strict=True))
    names = _part_names(header, marker_row, bounds)
    marker = header[marker_row].texts
    groups: list[_Group] = []
    for (start, end), name in zip(bounds, names, strict=True):
        if groups and groups[-1].part == name:
            first_start, first_end = groups[-1].ranges[0]
            if _trimmed(marker[start:end]) == _trimmed(marker[first_start:first_end]):
                groups[-1] = _Group(name, groups[-1].ranges + ((start, end),))
                continue
        groups.append(_Group(name, ((start, end),)))
    seen: dict[str | None, int] = {}
    named = []
    for group in groups:
        count = seen[group.part] = seen.get(group.part, 0) + 1
        part = group.part if count == 1 or group.part is None else f"{group.part}（{count}）"
        named.append(_Group(part, group.ranges))
    return named


def _header_paths(header: list[_Row], ranges: tuple[tuple[int, int], ...]) -> dict[int, tuple[str, ...]]:
    """Each column's header fragments top to bottom, a group header (any row but
    the last) counted over the empty cells to its right within the group."""
    paths: dict[int, list[str]] = {c: [] for start, end in ranges for c in range(start, end)}
    bottom = len(header) - 1
    for index, row in enumerate(header):
        texts = row.texts
        for start, end in ranges:
            carried = ""
            for column in range(start, end):
                text = texts[column] if column < len(texts) else ""
                if index < bottom:
                    carried = text or carried
                    text = carried
                path = paths[column]
                if text and (not path or path[-1] != text):
                    path.append(text)
    return {column: tuple(path) for column, path in paths.items()}


def _roles(columns: list[int], headers: dict[int, list[str]], split: _Split, financial: bool) -> dict[int, str]:
    """Each column's role: "label" (names, codes), "number" (行次) or "value"."""
    lanci, lanci_texts = split.lanci, split.lanci_texts
    numbered = [c for c in columns if lanci and c in lanci]
    first_numbered = numbered[0] if numbered else None
    roles: dict[int, str] = {}
    for column in columns:
        fragments = headers.get(column, [])
        lanci_text = lanci_texts[column] if column < len(lanci_texts) else ""
        if any("行次" in key(f) for f in fragments) or key(lanci_text) == "行次":
            roles[column] = "number"
        elif (
            financial
            and (
                any(map(_is_label_word, fragments))
                or (lanci_text and not lanci_text.isdigit())
                or (lanci and column not in lanci and first_numbered is not None and column < first_numbered)
            )
        ) or key(lanci_text) in ("栏次", "栏"):  # the column that says "栏次" holds the rows' names
            roles[column] = "label"
        else:
            roles[column] = "value"
    if not lanci and "label" not in roles.values() and columns and not _all_figures(split.data, columns[0]):
        roles[columns[0]] = "label"  # a table of amounts alone (三公 合计 first) has no label column
    if financial:
        labels = [c for c in columns if roles[c] == "label"]
        for column in columns:
            if labels and column < labels[-1] and roles[column] == "value" and not headers.get(column):
                if _holds_codes(split.data, column):
                    roles[column] = "label"  # the 款 or 项 digits of a code split over columns
    return roles


def _column_texts(data: list[_Row], column: int) -> list[str]:
    """What the data rows print in ``column``, empty cells left out."""
    return [row.texts[column] for row in data if column < len(row.texts) and row.texts[column]]


def _all_figures(data: list[_Row], column: int) -> bool:
    texts = _column_texts(data, column)
    return bool(texts) and all(map(_is_figure, texts))


_CODE_PART = lazy_pattern(r"\d{1,7}")
_LEVEL_WORDS = frozenset({"类", "款", "项"})


def _holds_codes(data: list[_Row], column: int) -> bool:
    """A column without a header whose cells are all code digits ("06", "01")."""
    texts = _column_texts(data, column)
    return bool(texts) and all(_CODE_PART.fullmatch(t) or t in _LEVEL_WORDS for t in texts)


# --------------------------------------------------------------------------
# rows


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) <= 4 else None


def _rows(
    data: list[_Row],
    skip: list[bool],
    bounds: tuple[int, int],
    roles: dict[int, str],
    codes: SubjectCodes | None,
    path: str,
    problems: list[Diagnostic],
    segment: int = 0,
) -> list[Row]:
    """The rows of one column group; subject codes are read where ``codes`` is given."""
    start, end = bounds
    label_columns = [c for c in range(start, end) if roles[c] == "label"]
    number_column = next((c for c in range(start, end) if roles[c] == "number"), None)
    value_columns = [c for c in range(start, end) if roles[c] == "value"]
    rows = []
    for row, repeated in zip(data, skip, strict=True):
        texts = row.texts
        part = texts[start:end]
        if repeated or not any(part):
            continue
        if codes is not None and max(map(len, part)) > _GARBLED_CELL:
            problems.append(_garbled_row(path, row, start, end))
            continue
        width = len(texts)
        labels = [c for c in label_columns if c < width]
        label_texts = [texts[c] for c in labels]
        # "类 款 项" of a header row that the PDF's ruling fused with the first data row.
        label_texts = [text if text not in _LEVEL_WORDS else "" for text in label_texts]
        if codes is not None:
            code, names = codes.read(label_texts)
        else:
            code, names = None, label_texts
        raw = row.raw
        label_span = None
        for c in labels:
            if texts[c]:
                label_span = _cell_span(raw, c, texts[c])
                break
        number = number_span = None
        if number_column is not None and number_column < width:
            number = _number(texts[number_column])
            if number is not None:
                number_span = _cell_span(raw, number_column)
        # (a list, not a generator: a row's cells are built in one go)
        cells = tuple([_model_cell(raw, c, texts[c]) if c < width and texts[c] else None for c in value_columns])
        label = squeeze("".join(names))
        rows.append(Row(raw.lines[start], label, code, number, cells, label_span, number_span, segment))
    return rows


def _garbled_row(path: str, row: _Row, start: int, end: int) -> Diagnostic:
    longest = max(range(start, min(end, len(row.texts))), key=lambda i: len(row.texts[i]))
    return problem("BL002", path, _cell_span(row.raw, longest), length=len(row.texts[longest]))


# --------------------------------------------------------------------------
# tables


def _unit(meta: Meta, header: list[_Row]) -> str | None:
    if meta.unit:
        return meta.unit
    for row in header:
        for text in row.texts:
            found = _UNIT_IN_HEADER.search(text)
            if found:
                return found[1]
    return None


def _column_numbers(split: _Split, path: str) -> Iterator[Diagnostic]:
    """A 栏次 row that numbers two columns alike ("… 9 9 10 11") or skips a number."""
    if not split.lanci or split.lanci_row is None or len(split.lanci) < 3:
        return
    if any(" " in text and _DIGITS_AND_SPACES.fullmatch(text) for text in split.lanci_texts):
        return  # numbers fused into one cell by the export (003 公开07表 "1 2 3 4 5"): not what was printed
    positions = sorted(split.lanci)
    for before, after in zip(positions, positions[1:], strict=False):
        a, b = split.lanci[before], split.lanci[after]
        if b == a or b > a + 1:
            span = _cell_span(split.lanci_row.raw, after)
            previous = _cell_span(split.lanci_row.raw, before)
            what = (
                f"栏次 {b} 印了两次"
                if b == a
                else f"栏次从 {a} 跳到 {b}，缺了 {a + 1}" + (f"–{b - 1}" if b > a + 2 else "")
            )
            yield problem("BL003", path, span, ((previous, f"前一栏的栏次 {a}"),), what=what)


_FUSED = lazy_pattern(r"\d+\.\d+\.\d+")


def _fused_figures(rows: list[_Row], path: str) -> Iterator[Diagnostic]:
    """Cells printing two numbers with nothing between them ("48.5044.05"): where
    one ends is not known, so no split is offered."""
    for row in rows:
        for i, text in enumerate(row.texts):
            if "." in text and _FUSED.fullmatch(text):
                yield problem("BL004", path, _cell_span(row.raw, i, text), text=text)


def build_tables(
    physical: PhysicalTable, block: int, path: str, year: int | None
) -> tuple[list[Table], list[Diagnostic]]:
    """Read one printed table into its logical tables, and what could not be read."""
    meta = physical.meta
    rows = _take_inner_meta(_clean_rows(physical.rows), meta)
    if not rows:
        return [], []
    kind = recognise(meta.title, [text for row in rows[:8] for text in row.texts])
    financial = kind in FINANCIAL
    split = _split_rows(rows, kind)
    header = split.header
    # A header row printed again further down (a page break inside the grid).
    printed_before = {_trimmed(row.texts) for row in header}
    if split.lanci_texts:
        printed_before.add(_trimmed(split.lanci_texts))
    skip = [_trimmed(row.texts) in printed_before for row in split.data]
    width = max(len(_trimmed(row.texts)) for row in rows)
    title_year = _YEAR.search(meta.title) if meta.title else None
    common = {
        "title": meta.title,
        "kind": kind,
        "line": meta.title_line or physical.first_line,
        "unit": _unit(meta, header),
        "department": meta.department,
        "department_span": meta.department_span,
        "year": int(title_year[1]) if title_year else year,
        "block": block,
        "footnotes": (Footnote(tuple(physical.footnote)),) if physical.footnote else (),
    }
    problems: list[Diagnostic] = list(_fused_figures(rows, path))
    if financial:
        problems.extend(_column_numbers(split, path))
    tables = []
    groups = _groups(header, width) if financial else [_Group(None, ((0, width),))]
    unrecognised = None
    for group in groups:
        columns = [c for start, end in group.ranges for c in range(start, end)]
        headers: dict[int, list[str]] = {}
        for row in header:
            for column in columns:
                if column < len(row.texts) and row.texts[column]:
                    headers.setdefault(column, []).append(row.texts[column])
        roles = _roles(columns, headers, split, financial)
        if financial and any(_interleaved(split.data, roles, bounds) for bounds in group.ranges):
            unrecognised = "名称栏与数字栏交错（并排的几组未能分开），表的结构未能读懂"
        codes = SubjectCodes() if financial else None
        table_rows: list[Row] = []
        for segment, bounds in enumerate(group.ranges):
            table_rows.extend(_rows(split.data, skip, bounds, roles, codes, path, problems, segment))
        table_rows = breakdowns(table_rows)
        first_start, first_end = group.ranges[0]
        value_columns = [c for c in range(first_start, first_end) if roles[c] == "value"]
        paths = _header_paths(header, group.ranges[:1])
        table_columns = tuple(
            Column(i, split.lanci.get(c) if split.lanci else None, _join_header(headers.get(c, [])), paths[c])
            for i, c in enumerate(value_columns)
        )
        tables.append(Table(part=group.part, columns=table_columns, rows=tuple(table_rows), **common))
    if unrecognised:
        # One group whose names and amounts interleave: the whole printed table is not understood.
        tables = [evolve(t, kind=None, unrecognised=unrecognised) for t in tables]
    return tables, problems


def _interleaved(data: list[_Row], roles: dict[int, str], bounds: tuple[int, int]) -> bool:
    """Names printed right of amounts within one group: groups side by side that
    were not told apart, whose rows would mix two sides of the table."""
    start, end = bounds
    filled = {c for row in data for c in range(start, min(end, len(row.texts))) if row.texts[c]}
    seen_value = False
    for column in range(start, end):
        if column not in filled:
            continue
        if roles[column] == "value":
            seen_value = True
        elif roles[column] == "label" and seen_value:
            return True
    return False
