"""PDF: a PDF's text layer rendered as the text budgetlint reads.

Ruled tables are read from their cell geometry (pdfplumber's ruling lines),
never from guessed spacing, and written as tab rows, one line per table row,
a cell's lines joined. The words outside the tables become lines of text.
Tables and text keep their order down the page, and every page opens with a
page mark ("--- 第 3 页 ---"), so that a figure's line and column in this
text name its page, and ``budgetlint text report.pdf`` prints exactly what
the findings point into.

pdfplumber is imported only when a PDF is read.
"""

from __future__ import annotations

import io
import re

from ..model import Source, page_mark
from .source import NotText

__all__ = ["UnreadablePdf", "is_pdf", "read_pdf"]


class UnreadablePdf(NotText):
    """A PDF that cannot be read: damaged, encrypted, or without a text layer."""


#: Ruled tables only: the cell borders drawn in the PDF, as lines or as thin rectangles.
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
#: Narrower than any character: a column that can hold nothing (points).
_MARGIN = 12.0
_CELL_BREAK = re.compile(r"\s*\n\s*")
_CAPTION_BREAK = re.compile(r"\s*\n\s*(?=(?:编制部门|编制单位|部门名称|单位名称|预算单位|金额单位|部门|单位)\s*[:：])")
_INNER_BLANKS = re.compile(r"[\t\r\f\v]+")


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def _cell_text(text: str | None) -> str:
    """A cell's text on one line: its lines joined, as the cell prints them (a
    word broken over lines is one word; a 部门/单位 line after a title stays apart)."""
    if not text:
        return ""
    text = _CAPTION_BREAK.sub(" ", text.strip())
    return _INNER_BLANKS.sub(" ", _CELL_BREAK.sub("", text))


def _table_lines(rows: list[list[str | None]], first_width: float) -> list[str]:
    """A table's rows as tab rows; a table of one column is text, not a grid."""
    texts = [[_cell_text(cell) for cell in row] for row in rows]
    texts = [row for row in texts if any(row)]
    if not texts:
        return []
    if first_width < _MARGIN and all(row and not row[0] for row in texts):
        texts = [row[1:] for row in texts]  # a margin column the ruling draws left of the table
    if max(len(row) for row in texts) < 2:
        return [row[0] for row in texts]
    return ["\t".join(row) for row in texts]


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
    whole table, its title inside): they hold no cell of their own."""
    if len(cells) < 2:
        return set()
    areas = sorted((c[2] - c[0]) * (c[3] - c[1]) for c in cells)
    typical = areas[len(areas) // 2]
    large = [c for c in cells if (c[2] - c[0]) * (c[3] - c[1]) > 4 * typical]
    return {c for c in large if any(o is not c and _contains(c, o) for o in cells)}


def _table_place(table) -> tuple[list[str], float, list[tuple]]:
    """A table's tab rows, the top of its first row, and where its cells' text is:
    the table's box, or its cells when a frame cell holds text that belongs outside."""
    edges = sorted({cell[0] for cell in table.cells} | {cell[2] for cell in table.cells})
    first_width = edges[1] - edges[0] if len(edges) > 1 else 0.0
    frames = _frames(table.cells)
    rows = table.extract()
    if not frames:
        return _table_lines(rows, first_width), table.bbox[1], [table.bbox]
    if not any(cell[0] == edges[0] for cell in table.cells if cell not in frames):
        first_width = 0.0  # the first column is the frame's own: nothing of the table stands in it
    for row, texts in zip(table.rows, rows, strict=True):
        for index, cell in enumerate(row.cells):
            if cell in frames:
                texts[index] = ""
    inner = [cell for cell in table.cells if cell not in frames]
    return _table_lines(rows, first_width), min(cell[1] for cell in inner), inner


def _page_lines(page) -> list[str]:
    """The lines of one page, top to bottom: text lines and table rows."""
    tables = _without_frames(page.find_tables(_TABLE_SETTINGS))
    boxes: list[tuple] = []
    placed: list[tuple[float, int, list[str]]] = []
    for order, table in enumerate(tables):
        lines, top, where = _table_place(table)
        boxes.extend(where)
        if lines:
            placed.append((top, order, lines))
    text = page.filter(lambda obj: obj.get("object_type") != "char" or not any(_inside(b, obj) for b in boxes))
    for order, line in enumerate(text.extract_text_lines(return_chars=False), len(tables)):
        words = _INNER_BLANKS.sub(" ", line["text"]).strip()
        if words:
            placed.append((line["top"], order, [words]))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [text for _, _, lines in placed for text in lines]


def _from_pdf_library(error: BaseException) -> bool:
    return type(error).__module__.startswith(("pdfminer", "pdfplumber"))


def read_pdf(data: bytes, path: str = "<pdf>") -> Source:
    """The text of a PDF as budgetlint reads it; raises :class:`UnreadablePdf`."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as error:  # pragma: no cover - a broken installation
        raise UnreadablePdf(f"读取 PDF 需要 pdfplumber（{error}）；请重新安装 budgetlint") from None
    lines: list[str] = []
    characters = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                lines.append(page_mark(number))
                characters += len(page.chars)
                lines.extend(_page_lines(page))
    except Exception as error:  # pdfminer raises many kinds on damaged files, pdfplumber wraps them
        cause = error.args[0] if type(error).__name__ == "PdfminerException" and error.args else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise UnreadablePdf("PDF 已加密，无法读取其文字") from None
        if isinstance(cause, (PDFSyntaxError, ValueError, KeyError, TypeError)) or _from_pdf_library(cause):
            detail = str(cause) or type(cause).__name__
            raise UnreadablePdf(f"PDF 已损坏，无法读取（{detail}）") from None
        raise
    if not lines:
        raise UnreadablePdf("PDF 没有页面")
    if characters == 0:
        raise UnreadablePdf("PDF 没有文字层（可能是扫描件）；budgetlint 不做文字识别，请提供带文字的 PDF 或文本")
    return Source.from_text("\n".join(lines) + "\n", path=path, encoding="pdf")
