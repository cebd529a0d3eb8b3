"""Decoding: bytes of a text file into a Source whose every line and column
is that of the original file.

The files come from unknown exporters, so the encoding is detected, never
assumed, and anything that is not text is refused with a reason a person can
act on instead of being decoded into garbage.
"""

from __future__ import annotations

import re

from ..model import Source

__all__ = ["NotText", "Source", "decode", "read_bytes", "read_file"]


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
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


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
        return text, encoding
    names = "、".join(encoding for encoding, _ in candidates)
    raise NotText(f"无法按 {names} 解码，不是可读的文本文件")


def read_bytes(data: bytes, path: str = "<bytes>") -> Source:
    """Decode ``data``; raises :class:`NotText` for anything that is not text."""
    text, encoding = decode(data)
    return Source.from_text(text, path=path, encoding=encoding)


def read_file(path) -> Source:
    """Read and decode a file; raises :class:`NotText` or :class:`OSError`."""
    with open(path, "rb") as handle:
        data = handle.read()
    return read_bytes(data, path=str(path))
