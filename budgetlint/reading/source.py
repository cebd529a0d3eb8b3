"""Decoding: bytes of a text file into a Source whose every line and column
is that of the original file.

The files come from unknown exporters, so the encoding is detected, never
assumed, and anything that is not text is refused with a reason a person can
act on instead of being decoded into garbage.
"""

from __future__ import annotations

import os

from ..lazy import lazy_pattern
from ..model import Source

__all__ = [
    "MAX_PDF_BYTES",
    "MAX_TEXT_BYTES",
    "NotText",
    "Source",
    "decode",
    "is_pdf",
    "read_bytes",
    "read_file",
    "read_limited",
]

#: The largest text a disclosure can be: a whole province's budget book exported
#: as text is a few MB, and reading takes about 16 bytes of memory per byte of
#: text, so a larger file is refused rather than read (memory stays bounded).
MAX_TEXT_BYTES = 32 * 2**20
#: The largest PDF read (a thousand-page budget book is a few tens of MB).
MAX_PDF_BYTES = 256 * 2**20


class NotText(ValueError):
    """The input is not a text document (a PDF, an image, random bytes ...)."""


# Signatures of the binary formats people most often hand us by mistake.
_MAGIC = (
    (b"%PDF", "PDF 文档"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"PK\x03\x04", "ZIP 压缩包或 Office 文档（docx/xlsx）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文档（doc/xls）"),
    (b"{\\rtf", "RTF 文档"),
)

# Control characters that never occur in a real disclosure text.
_CONTROL = lazy_pattern(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def is_pdf(data: bytes) -> bool:
    """Is ``data`` a PDF (its header within the first kilobyte, as readers accept it)?"""
    return b"%PDF-" in data[:1024]


def too_large(size: int, pdf: bool, whole: bool = True) -> NotText | None:
    """The refusal of an input of ``size`` bytes (at least, unless ``whole``), if it is
    larger than any disclosure."""
    limit = MAX_PDF_BYTES if pdf else MAX_TEXT_BYTES
    if size <= limit:
        return None
    kind = "PDF" if pdf else "文本文件"
    shown = f"{size / 2**20:.0f} MB" if whole else f"超过 {limit // 2**20} MB"
    return NotText(f"文件过大（{shown}）：{kind}最多读取 {limit // 2**20} MB，这不像一份预决算公开文件")


def read_limited(handle) -> bytes:
    """All of a binary stream, or :class:`NotText` once it is larger than a PDF or a
    text may be (by its first bytes); a regular file's size is checked before reading."""
    head = handle.read(1024)
    pdf = is_pdf(head)
    limit = MAX_PDF_BYTES if pdf else MAX_TEXT_BYTES
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, AttributeError, ValueError):  # a stream without a file
        size = 0
    data = b"" if size > limit else head + handle.read(limit + 1 - len(head))
    refusal = too_large(max(size, len(data)), pdf, whole=bool(size))
    if refusal:
        raise refusal
    return data


# Chinese text in GB18030 is nearly all characters of GB2312's 6,763; GB18030
# decodes almost any bytes, and bytes of another kind come out as rare characters.
_FEW_COMMON = 0.6


def _uncommon(text: str) -> bool:
    """Are the characters of ``text`` decoded from GB18030 mostly rare ones, so
    that the bytes were not GB18030 (Big5, another code page, random bytes)?"""
    wide = [c for c in set(text) if ord(c) > 0x7F]
    if len(wide) < 20:
        return False
    common = 0
    for character in wide:
        try:
            character.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common < _FEW_COMMON * len(wide)


def _binary_kind(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes into text, returning ``(text, encoding)``.

    UTF-8 (with or without BOM), UTF-16 with BOM and GB18030 (a superset of
    GBK and GB2312) are accepted. Raises :class:`NotText` otherwise.
    """
    kind = _binary_kind(data)
    if kind:
        raise NotText(f"不是文本文件（看起来是{kind}）")
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = [("utf-8-sig", data)]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = [("utf-16", data)]
    elif b"\x00" in data:
        raise NotText("不是文本文件（含有空字节：二进制文件，或没有 BOM 的 UTF-16）")
    else:
        candidates = [("utf-8", data), ("gb18030", data)]
    for encoding, payload in candidates:
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = len(_CONTROL.findall(text))
        if controls > max(2, len(text) // 200):
            raise NotText("不是文本文件（含有大量控制字符）")
        if encoding == "gb18030" and _uncommon(text):
            raise NotText("无法识别文件的编码：按 UTF-8 不能解码，按 GB18030 解码得到的多是生僻字，不像中文文本")
        return text, encoding
    names = "、".join(encoding for encoding, _ in candidates)
    raise NotText(f"无法按 {names} 解码，不是可读的文本文件")


def read_bytes(data: bytes, path: str = "<bytes>") -> Source:
    """Decode ``data``; raises :class:`NotText` for anything that is not text."""
    refusal = too_large(len(data), pdf=False)
    if refusal:
        raise refusal
    text, encoding = decode(data)
    return Source.from_text(text, path=path, encoding=encoding)


def read_file(path) -> Source:
    """Read and decode a file; raises :class:`NotText` or :class:`OSError`."""
    with open(path, "rb") as handle:
        data = read_limited(handle)
    return read_bytes(data, path=str(path))
