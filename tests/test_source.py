"""Reading bytes: every encoding the exporters use, refusal of what is not text,
and line/column positions that stay those of the original file."""

from __future__ import annotations

import pytest

import budgetlint
from budgetlint.reading.source import NotText, decode, read_bytes

TEXT = "2020年度收入决算表(表2)\n部门：汉阳区医疗保障局\t单位：万元\n项目\t合计\n栏次\t1\n合计\t１，２２４．４８\n"


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8-sig", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
        ("gb18030", TEXT.encode("gb18030")),
        ("gb18030", TEXT.encode("gbk")),
        ("utf-16", TEXT.encode("utf-16")),
        ("utf-16", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ],
)
def test_every_encoding_decodes_to_the_same_text(encoding, data):
    text, found = decode(data)
    assert text == TEXT
    assert found == encoding


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_do_not_depend_on_line_ends(newline):
    data = TEXT.replace("\n", newline).encode("utf-8")
    document = budgetlint.read_bytes_document(data, "t.txt")
    (table,) = document.tables
    figure = table.row_by_label("合计").cells[0].figure
    assert figure.value == __import__("decimal").Decimal("1224.48")
    assert (figure.span.line, figure.span.column, figure.span.end_column) == (5, 4, 12)


def test_columns_count_characters_after_a_bom():
    document = budgetlint.read_bytes_document(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    figure = document.tables[0].rows[0].cells[0].figure
    assert (figure.span.line, figure.span.column) == (5, 4)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "docx"),
        (b"abc\x00def\x00", "空字节"),
        (bytes(range(1, 32)) * 20, "控制字符"),
        (b"\xef\xbb\xbf\xff\xfe\xfa", "无法"),
        (b"\x80\x80\xff\xff\xfe" * 10, "无法"),
    ],
)
def test_what_is_not_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(NotText, match=reason):
        read_bytes(data)


def test_empty_file_is_an_empty_document():
    document = budgetlint.read_bytes_document(b"")
    assert document.tables == ()
    assert document.source.lines == ("",)
