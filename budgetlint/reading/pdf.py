"""PDF: a PDF's text layer rendered as the text budgetlint reads.

Ruled tables are read from their cell geometry (pdfplumber's ruling lines),
never from guessed spacing, and written as tab rows, one line per table row,
a cell's lines joined. The one use of spacing: a line printed just outside a
table's ruling whose words each stand inside one of the table's columns is
that table's row (a continued page whose top border is not drawn). The words outside the tables become lines of text.
Tables and text keep their order down the page, and every page opens with a
page mark ("--- 第 3 页 ---"), so that a figure's line and column in this
text name its page, and ``budgetlint text report.pdf`` prints exactly what
the findings point into.

pdfplumber is imported only when a PDF is read.
"""

from __future__ import annotations

import io
import logging
import traceback

from ..lazy import lazy_pattern
from ..model import Source, page_mark
from ..records import record
from .captions import META_WORDS
from .source import NotText

__all__ = ["UnreadablePdf", "read_pdf"]


class UnreadablePdf(NotText):
    """A PDF that cannot be read: damaged, encrypted, or without a text layer."""


#: Ruled tables only: the cell borders drawn in the PDF, as lines or as thin rectangles.
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
#: Narrower than any character: a column that can hold nothing (points).
_MARGIN = 12.0
#: How far two ruling lines may stand apart and still be one edge (points).
_EDGE = 1.5
_CELL_BREAK = lazy_pattern(r"\s*\n\s*")
_CAPTION_BREAK = lazy_pattern(rf"\s*\n\s*(?={META_WORDS})")
_MEANINGFUL = lazy_pattern(r"[0-9\u4e00-\u9fffA-Za-z]")
_INNER_BLANKS = lazy_pattern(r"[\t\r\f\v]+")


def _cell_text(text: str | None) -> str:
    """A cell's text on one line: its lines joined, as the cell prints them (a
    word broken over lines is one word; a 部门/单位 line after a title stays apart)."""
    if not text:
        return ""
    text = _CAPTION_BREAK.sub(" ", text.strip())
    return _INNER_BLANKS.sub(" ", _CELL_BREAK.sub("", text))


def _table_lines(rows: list[list[str]]) -> list[str]:
    """A table's rows as tab rows; a table of one column is text, not a grid."""
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    if max(len(row) for row in rows) < 2:
        return [row[0] for row in rows]
    return ["\t".join(row) for row in rows]


def _columns(table, texts_by_row: list[list], frames: set[tuple]) -> tuple[list[float], list[int]]:
    """The grid's column edges, and the columns that hold the table's cells.

    A column narrower than a character that no cell of its own fills is a sliver
    of the ruling (a margin left of the table, the gap of a double border between
    two columns), and a column only a frame stands in is the frame's: neither is
    a column of the table.
    """
    edges = sorted({cell[0] for cell in table.cells} | {cell[2] for cell in table.cells})
    starts = {edge: index for index, edge in enumerate(edges)}
    own_text: set[int] = set()
    own_cell: set[int] = set()
    for row, texts in zip(table.rows, texts_by_row, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            if cell is None or cell in frames:
                continue
            index = starts[cell[0]]
            own_cell.add(index)
            if text and starts[cell[2]] == index + 1:
                own_text.add(index)
    kept = [
        index
        for index in range(len(edges) - 1)
        if index in own_text or (index in own_cell and edges[index + 1] - edges[index] >= _MARGIN)
    ]
    return edges, kept


def _grid(
    table, frames: set[tuple], above: list[tuple[float, float]]
) -> tuple[list[list[str]], list[tuple[float, float]]]:
    """The table's rows, each cell's text in the first kept column the cell spans,
    and the kept columns' left and right edges. ``above`` are the columns of the
    table that ends the page before: a table that draws fewer of them (a 合计 row
    whose name spans the code columns, alone at the top of a page) is read in them."""
    texts_by_row = table.extract()
    edges, kept = _columns(table, texts_by_row, frames)
    columns = [(edges[index], edges[index + 1]) for index in kept]
    if above and len(columns) < len(above) and all(_aligned(left, above) for left, _ in columns):
        columns = above
    rows = []
    for row, texts in zip(table.rows, texts_by_row, strict=True):
        cells = [""] * len(columns)
        for cell, text in zip(row.cells, texts, strict=True):
            if cell is None or cell in frames or not text:
                continue
            target = next((k for k, (left, _) in enumerate(columns) if cell[0] - _EDGE <= left < cell[2] - _EDGE), None)
            if target is not None:
                cells[target] = (cells[target] + " " + _cell_text(text)).strip()
        filled = [k for k, text in enumerate(cells) if text]
        if not filled:
            continue  # a spacer row of a double border
        if rows and len(filled) == 1 and _wrapped(rows[-1][filled[0]], cells[filled[0]]):
            rows[-1][filled[0]] += cells[filled[0]]  # "九、医疗卫生与计划生育支" / "出"
            continue
        rows.append(cells)
    return rows, columns


def _aligned(left: float, columns: list[tuple[float, float]]) -> bool:
    return any(abs(left - other) <= _EDGE for other, _ in columns)


def _wrapped(above: str, text: str) -> bool:
    """The last character of a long name, put in a row of its own by a ruling that
    splits the name's cell (a word of one character is no row; "无" and a dash are
    a cell's own content)."""
    return len(text) == 1 and text.isalpha() and text != "无" and len(above) >= 6 and above[-1].isalpha()


def _inside(box: tuple[float, float, float, float], obj: dict) -> bool:
    x0, top, x1, bottom = box
    middle_x = (obj["x0"] + obj["x1"]) / 2
    middle_y = (obj["top"] + obj["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _contains(outer: tuple, inner: tuple, slack: float = 1.0) -> bool:
    return (
        outer[0] - slack <= inner[0]
        and outer[1] - slack <= inner[1]
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def _without_frames(tables: list) -> list:
    """The tables, without a frame drawn around other tables (its one cell would
    hold all their text again)."""
    return [
        table
        for table in tables
        if not any(other is not table and _contains(table.bbox, other.bbox) for other in tables)
    ]


def _frames(cells: list[tuple]) -> set[tuple]:
    """The cells of a table that only frame other cells (a border drawn around the
    whole table, its title inside): each holds two cells of the table or more.
    Sizes are compared among cells that can hold a character, not the slivers of
    a double border."""
    real = [c for c in cells if c[2] - c[0] >= _MARGIN and c[3] - c[1] >= _MARGIN / 2]
    if len(real) < 3:
        return set()
    areas = sorted((c[2] - c[0]) * (c[3] - c[1]) for c in real)
    typical = areas[len(areas) // 2]
    large = [c for c in real if (c[2] - c[0]) * (c[3] - c[1]) > 4 * typical]
    return {c for c in large if sum(1 for o in real if o is not c and _contains(c, o, slack=0.5)) >= 2}


@record(frozen=False)
class _Placed:
    """A table on its page: its tab rows, where it stands, its columns' edges."""

    lines: list[str]
    box: tuple
    columns: list[tuple[float, float]]
    row_height: float


def _table_place(table, above: list[tuple[float, float]] = ()) -> _Placed:
    frames = _frames(table.cells)
    rows, columns = _grid(table, frames, list(above))
    inner = [cell for cell in table.cells if cell not in frames]
    heights = sorted(cell[3] - cell[1] for cell in inner) or [0.0]
    # Within a frame, only the cells' own box holds the table's text; the rest is caption.
    box = _union(inner) if frames and inner else table.bbox
    return _Placed(_table_lines(rows), box, columns, heights[len(heights) // 2])


def _union(boxes: list[tuple]) -> tuple:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _words(chars: list[dict]) -> list[tuple[float, float, str]]:
    """A line's characters as words: runs with no gap wider than a quarter character."""
    words: list[list] = []
    for char in chars:
        if char["text"].isspace():
            continue
        if words and char["x0"] - words[-1][1] <= char["size"] / 4:
            words[-1][1] = char["x1"]
            words[-1][2] += char["text"]
        else:
            words.append([char["x0"], char["x1"], char["text"]])
    return [(x0, x1, text) for x0, x1, text in words]


def _stray_row(line: dict, placed: _Placed) -> str | None:
    """A row of the table printed just above or below its ruling (a page's first row
    whose top border the PDF does not draw): a line next to the table whose words
    each stand inside one column, in two columns at least."""
    near = placed.row_height * 1.5
    top, bottom = placed.box[1], placed.box[3]
    if not (top - near <= line["bottom"] <= top + 1 or bottom - 1 <= line["top"] <= bottom + near):
        return None
    cells = [""] * len(placed.columns)
    for x0, x1, text in _words(line["chars"]):
        column = next((k for k, (left, right) in enumerate(placed.columns) if left - 1 <= x0 and x1 <= right + 1), None)
        if column is None:
            return None
        cells[column] += text
    if sum(1 for cell in cells if _MEANINGFUL.search(cell)) < 2:
        return None  # a page number ("- 9 -") or a rule of dashes is no row
    return "\t".join(cells)


def _page_lines(page, above: list[tuple[float, float]]) -> tuple[list[str], list[tuple[float, float]]]:
    """The lines of one page, top to bottom (text lines and table rows), and the
    columns of the table that ends it. ``above``: those of the page before."""
    found = sorted(_without_frames(page.find_tables(_TABLE_SETTINGS)), key=lambda table: table.bbox[1])
    tables = [_table_place(table, above if index == 0 else ()) for index, table in enumerate(found)]
    boxes = [placed.box for placed in tables]
    text = page.filter(lambda obj: obj.get("object_type") != "char" or not any(_inside(b, obj) for b in boxes))
    lines: list[tuple[float, int, list[str]]] = []
    for order, line in enumerate(text.extract_text_lines(return_chars=True), len(tables)):
        row = next(filter(None, (_stray_row(line, placed) for placed in tables if placed.lines)), None)
        if row is not None:
            lines.append((line["top"], order, [row]))
            continue
        words = _INNER_BLANKS.sub(" ", line["text"]).strip()
        if words:
            lines.append((line["top"], order, [words]))
    lines.extend((placed.box[1], order, placed.lines) for order, placed in enumerate(tables) if placed.lines)
    lines.sort(key=lambda item: (item[0], item[1]))
    return [text for _, _, block in lines for text in block], (tables[-1].columns if tables else [])


def _from_pdf_library(error: BaseException) -> bool:
    """Raised inside pdfminer or pdfplumber (by the file), not by budgetlint's own code."""
    if type(error).__module__.startswith(("pdfminer", "pdfplumber")):
        return True
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and any(part in frames[-1].filename for part in ("pdfminer", "pdfplumber"))


def read_pdf(data: bytes, path: str = "<pdf>") -> Source:
    """The text of a PDF as budgetlint reads it; raises :class:`UnreadablePdf`."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as error:  # pragma: no cover - a broken installation
        raise UnreadablePdf(f"读取 PDF 需要 pdfplumber（{error}）；请重新安装 budgetlint") from None
    # pdfminer logs what it repairs in a damaged file; the user is told in one message.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    lines: list[str] = []
    characters = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            columns: list[tuple[float, float]] = []
            for number, page in enumerate(pdf.pages, 1):
                lines.append(page_mark(number))
                characters += len(page.chars)
                page_lines, columns = _page_lines(page, columns)
                lines.extend(page_lines)
                page.close()  # its parsed objects: memory stays that of one page
    except Exception as error:  # pdfminer raises many kinds on damaged files, pdfplumber wraps them
        cause = error.args[0] if type(error).__name__ == "PdfminerException" and error.args else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise UnreadablePdf("PDF 已加密，无法读取其文字") from None
        if isinstance(cause, PDFSyntaxError) or _from_pdf_library(cause):
            detail = str(cause) or type(cause).__name__
            raise UnreadablePdf(f"PDF 已损坏，无法读取（{detail}）") from None
        raise
    if not lines:
        raise UnreadablePdf("PDF 没有页面")
    if characters == 0:
        raise UnreadablePdf("PDF 没有文字层（可能是扫描件）；budgetlint 不做文字识别，请提供带文字的 PDF 或文本")
    return Source.from_text("\n".join(lines) + "\n", path=path, encoding="pdf")
