"""Turning a raw grid into logical tables.

A printed table is read in this order: the title and the 部门/单位 lines
that some exporters put inside the grid; the 栏次 row that numbers the
columns; the header rows above it; the column groups printed side by side
(收入 | 支出, 人员经费 | 公用经费), each read as a table of its own; then,
per row, the label, the subject code (in its own column, split over 类/款/项
columns, inside the name cell, or absent), the 行次 and the value cells.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs

from .blocks import RawCell
from .diagnostics import Diagnostic, Severity
from .figures import is_empty_mark, parse_number
from .kinds import FINANCIAL, PERFORMANCE, recognise
from .model import Cell, Column, Figure, Row, Span, Table
from .text import clean, key, squeeze

__all__ = ["Meta", "PhysicalTable", "build_tables", "meta_of", "title_of"]

_DEPARTMENT = re.compile(r"^(?:部门|部门名称|单位名称|编制部门|编制单位|预算单位|填报单位)\s*[:：]\s*(.*)$")
_UNIT = re.compile(r"(?:金额|资金)?单位\s*[:：]\s*(万元|元|千元|亿元)")
_UNIT_IN_HEADER = re.compile(r"[（(]\s*(万元|元)\s*[)）]")
_MARKER = re.compile(r"^(?:表\s*[一二三四五六七八九十\d]+|公开\s*\d+\s*表)$")
_TITLE_END = re.compile(r"表\s*(?:[（(][^（()）]{0,12}[)）])?$")
_PAREN_TITLE = re.compile(r"^[（(][^（()）]{2,40}[)）]$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_IN_NAME = re.compile(r"^(\d{3}(?:\d{2}){0,2})[ \u3000]+(\S.*)$")
_LANCI_WORDS = frozenset({"栏次", "栏", "次", "类", "款", "项", "行次", "栏 次", ""})
_LABEL_WORDS = frozenset({"项目", "项", "目", "类", "款", "栏次", "栏", "次", "编码", "名称", "功能分类", "序号"})
_BUDGET_WORDS = ("预算数", "执行数", "执行率", "得分", "分值", "全年预算数", "年初预算数", "全年执行数")
_GROUP_STARTS = frozenset({"项目", "项", "科目编码", "项目(按功能分类)", "经济科目编码", "功能科目编码"})
#: Longer than any department name: a "部门：" line this long is something else.
_LONGEST_NAME = 40
#: A cell longer than this in a financial table is text extracted in the
#: wrong place (a table read twice, a row collapsed), not a cell.
_GARBLED_CELL = 80


@attrs.define
class Meta:
    """What the lines around a table say about it."""

    title: str | None = None
    title_line: int | None = None
    department: str | None = None
    unit: str | None = None
    marker: str | None = None


@attrs.define
class PhysicalTable:
    """One printed table (all pages merged) before it is read into logical tables."""

    meta: Meta
    rows: list[tuple[RawCell, ...]]
    first_line: int
    footnote: list = attrs.field(factory=list)


def title_of(line: str) -> str | None:
    """The table title a line states, if it states one."""
    heading = line.lstrip().startswith("#")
    if "表" not in line and not heading:
        return None
    text = clean(line.lstrip(" #-*\t"))
    if not text or len(text) > 60 or text.startswith(("注", "说明")):
        return None
    if text[-1] in "。；;：:，," or _MARKER.match(text):
        return None
    if _TITLE_END.search(text) or (heading and _PAREN_TITLE.match(text)):
        return text
    return None


def meta_of(text: str) -> Meta | None:
    """The 部门/单位/表号 facts a line or cell states, or ``None``."""
    if "单位" not in text and "部门" not in text and "表" not in text:
        return None
    text = clean(text)
    if not text:
        return None
    meta = Meta()
    unit = _UNIT.search(text)
    if unit:
        meta.unit = unit[1]
        text = (text[: unit.start()] + text[unit.end() :]).strip()
    department = _DEPARTMENT.match(text)
    if department and len(department[1]) <= _LONGEST_NAME:
        meta.department = department[1].strip() or None
        text = ""
    if _MARKER.match(text):
        meta.marker = re.sub(r"\s+", "", text)
        text = ""
    if text or (meta.unit is None and meta.department is None and meta.marker is None):
        return None
    return meta


# --------------------------------------------------------------------------
# cells


class _Cell(NamedTuple):
    """A raw cell with its cleaned text."""

    text: str
    raw: RawCell


def _cell_span(raw: RawCell) -> Span:
    if raw.line == raw.end_line:
        body = raw.text
        lead = len(body) - len(body.lstrip(" \u3000\xa0\r"))
        trail = len(body.rstrip(" \u3000\xa0\r"))
        if lead < trail:
            return Span.on_line(raw.line, raw.start + lead, raw.start + trail)
        return Span.on_line(raw.line, raw.start, raw.start)
    return Span(raw.line, raw.start + 1, raw.end_line, raw.end + 1)


def _figure(cell: _Cell) -> Figure | None:
    if not cell.text:
        return None
    raw = cell.raw
    single = raw.line == raw.end_line
    if single and "<" not in raw.text:
        number = parse_number(raw.text)
        if number is None:
            return None
        span = Span.on_line(raw.line, raw.start + number.start, raw.start + number.end)
    else:
        number = parse_number(cell.text)
        if number is None:
            return None
        printed = cell.text[number.start : number.end]
        at = raw.text.find(printed) if single else -1
        span = Span.on_line(raw.line, raw.start + at, raw.start + at + len(printed)) if at >= 0 else _cell_span(raw)
    return Figure(number.value, number.decimals, number.percent, span, number.unit)


def _model_cell(cell: _Cell) -> Cell | None:
    """The model of a cell; ``None`` when it prints nothing at all."""
    if not cell.text:
        return None
    text = "" if is_empty_mark(cell.text) else cell.text
    return Cell(text, _cell_span(cell.raw), _figure(cell) if text else None)


def _is_figure(text: str) -> bool:
    return bool(text) and parse_number(text) is not None


_RULE_ROW = re.compile(r"^[-:|=\s]+$")


def _clean_rows(rows: list[tuple[RawCell, ...]]) -> list[list[_Cell]]:
    """Cleaned rows, without empty rows and markdown rule rows ("---|---")."""
    cleaned = []
    new = tuple.__new__
    for row in rows:
        cells = [new(_Cell, (clean(raw.text), raw)) for raw in row]
        filled = [cell.text for cell in cells if cell.text]
        if filled and not all(_RULE_ROW.match(text) and len(text) > 2 for text in filled):
            cleaned.append(cells)
    return cleaned


def _texts(row: list[_Cell]) -> tuple[str, ...]:
    texts = [cell.text for cell in row]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


# --------------------------------------------------------------------------
# structure


def _take_inner_meta(rows: list[list[_Cell]], meta: Meta) -> list[list[_Cell]]:
    """Titles and 部门/单位 cells that the exporter put inside the grid."""
    index = 0
    while index < min(len(rows), 3):
        row = rows[index]
        filled = [cell for cell in row if cell.text]
        if len(filled) == 1 and title_of(filled[0].text):
            meta.title = filled[0].text
            meta.title_line = filled[0].raw.line
            index += 1
            continue
        found = False
        kept = []
        for cell in row:
            facts = meta_of(cell.text) if cell.text else None
            if facts:
                found = True
                meta.department = facts.department or meta.department
                meta.unit = facts.unit or meta.unit
                kept.append(cell._replace(text=""))
            else:
                kept.append(cell)
        if not found:
            break
        if any(cell.text for cell in kept):
            rows[index] = kept
            index += 1
        else:
            del rows[index]
    return rows


def _lanci(row: list[_Cell]) -> dict[int, int] | None:
    """The 栏次 row's column numbers by position, if ``row`` is a 栏次 row."""
    numbers: dict[int, int] = {}
    for position, cell in enumerate(row):
        text = cell.text
        if text.isdigit() and len(text) <= 2:
            numbers[position] = int(text)
        elif key(text) not in _LANCI_WORDS and not re.fullmatch(r"[\d ]+", text):
            return None
    values = list(numbers.values())
    if values == [1] and any(key(cell.text) in ("栏次", "栏") for cell in row):
        return numbers
    if len(values) < 2 or not 1 <= values[0] <= 3 or values[-1] <= values[0]:
        return None
    if any(b < a for a, b in zip(values, values[1:])):
        return None
    return numbers


def _first_figure_row(rows: list[list[_Cell]]) -> int | None:
    for index, row in enumerate(rows):
        if any(_is_figure(cell.text) for cell in row):
            return index
    return None


def _is_label_word(text: str) -> bool:
    word = key(text)
    return word in _LABEL_WORDS or "科目" in word or word.endswith("编码") or word.startswith("项目(")


def _join_header(fragments: list[str]) -> str | None:
    header = ""
    for fragment in fragments:
        if not header:
            header = fragment
        elif len(fragment) == 1:
            header += fragment
        else:
            header += "/" + fragment
    return header or None


def _groups(header: list[list[_Cell]], width: int) -> tuple[list[int], int | None]:
    """Where side-by-side column groups start, and which header row says so."""
    for index in range(len(header) - 1, -1, -1):
        starts = [p for p, cell in enumerate(header[index]) if key(cell.text) in _GROUP_STARTS]
        if len(starts) >= 2:
            if starts[0] != 0:
                starts[0] = 0
            return starts, index
    return [0], None


def _part_name(cell: _Cell) -> str | None:
    name = key(cell.text)
    return name if len(name) >= 2 and re.search(r"[\u4e00-\u9fff]", name) else None


def _part_names(header: list[list[_Cell]], marker_row: int, bounds: list[tuple[int, int]]) -> list[str | None]:
    """Group names (收入/支出, 人员经费/公用经费) from the nearest header row that has any."""
    for index in range(marker_row - 1, -1, -1):
        names = [next(filter(None, map(_part_name, header[index][start:end])), None) for start, end in bounds]
        if any(names):
            for position in range(1, len(names)):
                names[position] = names[position] or names[position - 1]
            return names
    return [None] * len(bounds)


@attrs.frozen
class _Group:
    part: str | None
    ranges: tuple[tuple[int, int], ...]


def _split(header: list[list[_Cell]], width: int) -> list[_Group]:
    starts, marker_row = _groups(header, width)
    if marker_row is None:
        return [_Group(None, ((0, width),))]
    bounds = list(zip(starts, starts[1:] + [width]))
    names = _part_names(header, marker_row, bounds)
    signature = [_texts(header[marker_row][s:e]) for s, e in bounds]
    groups: list[_Group] = []
    for (start, end), name, sig in zip(bounds, names, signature):
        previous = groups[-1] if groups else None
        if previous and previous.part == name and sig == signature[bounds.index(previous.ranges[0])]:
            groups[-1] = _Group(name, previous.ranges + ((start, end),))
        else:
            groups.append(_Group(name, ((start, end),)))
    seen: dict[str | None, int] = {}
    named = []
    for group in groups:
        count = seen.get(group.part, 0) + 1
        seen[group.part] = count
        part = group.part if count == 1 or group.part is None else f"{group.part}（{count}）"
        named.append(_Group(part, group.ranges))
    return named


# --------------------------------------------------------------------------
# rows


class _Codes:
    """Subject codes, including 款/项 rows printed without their 类 digits."""

    def __init__(self) -> None:
        self.last: dict[int, str] = {}

    def read(self, label_cells: list[_Cell]) -> tuple[str | None, str, Span | None]:
        parts: list[tuple[int, str]] = []
        names: list[str] = []
        span = None
        for position, cell in enumerate(label_cells):
            text = cell.text
            if not text:
                continue
            if span is None:
                span = _cell_span(cell.raw)
            if text.isdigit() and len(text) in (2, 3, 5, 7) and not names:
                parts.append((position, text))
                continue
            inline = _CODE_IN_NAME.match(text)
            if inline and not parts and not names:
                parts.append((position, inline[1]))
                names.append(inline[2])
                continue
            names.append(text)
        code = self._code(parts)
        if code:
            for length in (3, 5):
                if len(code) > length:
                    self.last[length] = code[:length]
            self.last[len(code)] = code
        return code, squeeze("".join(names)), span

    def _code(self, parts: list[tuple[int, str]]) -> str | None:
        if not parts:
            return None
        digits = [text for _, text in parts]
        if _CODE.match(digits[0]) and all(len(d) == 2 for d in digits[1:]):
            code = "".join(digits)
            return code if _CODE.match(code) else None
        if all(len(d) == 2 for d in digits):
            position = parts[0][0]
            prefix = self.last.get(3) if len(digits) == 2 or position <= 1 else self.last.get(5)
            if prefix:
                code = prefix + "".join(digits)
                return code if _CODE.match(code) else None
        return None


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) <= 4 else None


# --------------------------------------------------------------------------
# tables


def _header_rows(rows: list[list[_Cell]], kind: str | None) -> tuple[list, dict | None, list, list]:
    """Split rows into (header rows, 栏次 numbers, 栏次 row, data rows)."""
    for index, row in enumerate(rows[:8]):
        numbers = _lanci(row)
        if numbers is not None and index <= 6:
            return rows[:index], numbers, row, rows[index + 1 :]
    if kind in FINANCIAL:
        first = _first_figure_row(rows)
        if first is None:
            first = min(1, len(rows))
        return rows[:first], None, [], rows[first:]
    if kind in PERFORMANCE:
        for index, row in enumerate(rows):
            words = [key(cell.text) for cell in row]
            if sum(any(w == word or w.startswith(word) for w in words) for word in _BUDGET_WORDS) >= 2:
                return [row], None, [], rows[:index] + rows[index + 1 :]
        return [], None, [], rows
    if rows and len([c for c in rows[0] if c.text]) >= 2 and not any(_is_figure(c.text) for c in rows[0]):
        return rows[:1], None, [], rows[1:]
    return [], None, [], rows


def _roles(
    columns: list[int],
    headers: dict[int, list[str]],
    lanci: dict[int, int] | None,
    lanci_row: list[_Cell],
    financial: bool,
) -> dict[int, str]:
    roles: dict[int, str] = {}
    numbered = [c for c in columns if lanci and c in lanci]
    first_numbered = numbered[0] if numbered else None
    for column in columns:
        fragments = headers.get(column, [])
        lanci_text = lanci_row[column].text if column < len(lanci_row) else ""
        if any("行次" in key(f) for f in fragments) or key(lanci_text) == "行次":
            roles[column] = "number"
        elif financial and (
            any(_is_label_word(f) for f in fragments)
            or (lanci_text and not lanci_text.isdigit())
            or (lanci and column not in lanci and first_numbered is not None and column < first_numbered)
        ):
            roles[column] = "label"
        else:
            roles[column] = "value"
    if not lanci and "label" not in roles.values() and columns:
        roles[columns[0]] = "label"
    return roles


def build_tables(
    physical: PhysicalTable, block: int, path: str, year: int | None
) -> tuple[list[Table], list[Diagnostic]]:
    """Read one printed table into its logical tables, and what could not be read."""
    meta = physical.meta
    rows = _take_inner_meta(_clean_rows(physical.rows), meta)
    if not rows:
        return [], []
    early_words = [cell.text for row in rows[:8] for cell in row]
    kind = recognise(meta.title, early_words)
    financial = kind in FINANCIAL
    header, lanci, lanci_row, data = _header_rows(rows, kind)
    repeated = {_texts(row) for row in header} | ({_texts(lanci_row)} if lanci_row else set())
    # Each data row's texts, or None for a header row printed again.
    data_texts = [None if _texts(row) in repeated else [cell.text for cell in row] for row in data]
    width = max(len(_texts(row)) for row in rows)
    unit = meta.unit
    if unit is None:
        for row in header:
            for cell in row:
                found = _UNIT_IN_HEADER.search(cell.text)
                if found:
                    unit = found[1]
                    break
            if unit:
                break
    title_year = _YEAR.search(meta.title) if meta.title else None
    table_year = int(title_year[1]) if title_year else year
    line = meta.title_line or physical.first_line
    problems: list[Diagnostic] = []
    tables = []
    for group in _split(header, width) if financial else [_Group(None, ((0, width),))]:
        columns = [c for start, end in group.ranges for c in range(start, end)]
        headers: dict[int, list[str]] = {}
        for row in header:
            for column in columns:
                if column < len(row) and row[column].text:
                    headers.setdefault(column, []).append(row[column].text)
        roles = _roles(columns, headers, lanci, lanci_row, financial)
        codes = _Codes() if financial else None
        table_rows: list[Row] = []
        for start, end in group.ranges:
            table_rows.extend(_rows(data, data_texts, start, end, roles, codes, path, problems))
        first_start, first_end = group.ranges[0]
        value_columns = [c for c in range(first_start, first_end) if roles[c] == "value"]
        table_columns = tuple(
            Column(i, lanci.get(c) if lanci else None, _join_header(headers.get(c, [])))
            for i, c in enumerate(value_columns)
        )
        tables.append(
            Table(
                title=meta.title,
                kind=kind,
                line=line,
                unit=unit,
                department=meta.department,
                year=table_year,
                part=group.part,
                block=block,
                columns=table_columns,
                rows=tuple(table_rows),
            )
        )
    return tables, problems


def _rows(
    data: list[list[_Cell]],
    data_texts: list[list[str] | None],
    start: int,
    end: int,
    roles: dict[int, str],
    codes: _Codes | None,
    path: str,
    problems: list[Diagnostic],
) -> list[Row]:
    """The rows of one column group ``[start, end)``; codes only where ``codes`` is given."""
    label_columns = [c for c in range(start, end) if roles[c] == "label"]
    number_column = next((c for c in range(start, end) if roles[c] == "number"), None)
    value_columns = [c for c in range(start, end) if roles[c] == "value"]
    rows = []
    for row, texts in zip(data, data_texts):
        if texts is None:
            continue
        part = texts[start:end]
        if not any(part):
            continue
        if codes is not None and max(map(len, part)) > _GARBLED_CELL:
            problems.append(_garbled_row(path, row[start:end]))
            continue
        width = len(row)
        label_cells = [row[c] for c in label_columns if c < width]
        if codes is not None:
            code, label, label_span = codes.read(label_cells)
        else:
            code = None
            label = squeeze("".join(cell.text for cell in label_cells))
            label_span = next((_cell_span(c.raw) for c in label_cells if c.text), None)
        number = _number(texts[number_column]) if number_column is not None and number_column < width else None
        cells = tuple(_model_cell(row[c]) if c < width else None for c in value_columns)
        rows.append(Row(row[start].raw.line, label, code, number, cells, label_span))
    return rows


def _garbled_row(path: str, cells: list[_Cell]) -> Diagnostic:
    longest = max(cells, key=lambda cell: len(cell.text))
    span = _cell_span(longest.raw)
    return Diagnostic(
        path=path,
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        code="BL002",
        symbol="garbled-row",
        severity=Severity.WARNING,
        message=f"表格行文本错乱，未能读取（单元格长 {len(longest.text)} 字），已忽略",
    )
