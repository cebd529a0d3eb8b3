"""A small PDF writer for the tests: pages of text lines and ruled tables, as
the reporting software prints them, so that generated documents can be read
back from PDF and from text and compared.

Text is set in a CID font with Identity-H encoding and a ToUnicode map (code =
Unicode code point), every character one em wide; no glyphs are embedded,
which a PDF reader does not need to extract the text.
"""

from __future__ import annotations

SIZE = 8  # points; every character is SIZE wide
ROW = 14
MARGIN = 30


def _hex(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text)


def _text(x: float, y: float, text: str) -> str:
    return f"BT /F1 {SIZE} Tf {x:.2f} {y:.2f} Td <{_hex(text)}> Tj ET"


class Page:
    """Lines of text and ruled tables, top to bottom."""

    def __init__(self) -> None:
        self.items: list[tuple[str, object]] = []

    def line(self, text: str) -> None:
        self.items.append(("line", text))

    def table(self, rows: list[list[str]]) -> None:
        self.items.append(("table", rows))

    def _widths(self, rows: list[list[str]]) -> list[float]:
        columns = max(len(row) for row in rows)
        return [max((len(row[c]) if c < len(row) else 0) for row in rows) * SIZE + 2 * SIZE for c in range(columns)]

    def size(self) -> tuple[float, float]:
        width = height = 0.0
        for kind, item in self.items:
            if kind == "line":
                width = max(width, len(item) * SIZE)
                height += ROW
            else:
                width = max(width, sum(self._widths(item)))
                height += ROW * len(item) + ROW
        return width + 2 * MARGIN, height + 2 * MARGIN

    def content(self) -> str:
        _, height = self.size()
        top = height - MARGIN
        ops = ["0.5 w"]
        for kind, item in self.items:
            if kind == "line":
                ops.append(_text(MARGIN, top - ROW + 4, item))
                top -= ROW
                continue
            widths = self._widths(item)
            edges = [MARGIN]
            for width in widths:
                edges.append(edges[-1] + width)
            bottom = top - ROW * len(item)
            for index in range(len(item) + 1):
                y = top - index * ROW
                ops.append(f"{edges[0]:.2f} {y:.2f} m {edges[-1]:.2f} {y:.2f} l S")
            for x in edges:
                ops.append(f"{x:.2f} {top:.2f} m {x:.2f} {bottom:.2f} l S")
            for index, row in enumerate(item):
                y = top - (index + 1) * ROW + 4
                for column, text in enumerate(row):
                    if text:
                        ops.append(_text(edges[column] + SIZE, y, text))
            top = bottom - ROW
        return "\n".join(ops)


def _to_unicode() -> bytes:
    ranges = [f"<{high:02X}00> <{high:02X}FF> <{high:02X}00>" for high in range(256)]
    blocks = []
    for start in range(0, len(ranges), 100):
        chunk = ranges[start : start + 100]
        blocks.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CIDInit /ProcSet findresource /defineresource pop\nend\nend\n"
    ).encode("ascii")


def write_pdf(pages: list[Page]) -> bytes:
    """The bytes of a PDF with ``pages``."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    catalog = add(b"")  # filled in below
    tree = add(b"")
    unicode_map = add(stream(_to_unicode()))
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /BudgetSong /Flags 4 /FontBBox [0 -120 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BudgetSong"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>" % descriptor
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /BudgetSong /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, unicode_map)
    )
    kids = []
    for page in pages:
        width, height = page.size()
        content = add(stream(page.content().encode("ascii")))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R"
                b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (tree, width, height, content, font)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)
