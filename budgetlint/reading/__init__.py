"""Reading: a file's bytes (text in any of its encodings, or a PDF) into a
:class:`~budgetlint.model.Document`. One module per source layout (tab rows,
one cell per line, PDF) feeds one table builder; what cannot be read becomes
a reading problem (see :mod:`.problems`), never a guess."""

from .layout import read_bytes_document, read_document, read_path, read_text
from .source import NotText, read_bytes, read_file

__all__ = ["NotText", "read_bytes", "read_bytes_document", "read_document", "read_file", "read_path", "read_text"]
