"""budgetlint: finds the internal contradictions in Chinese government budget
and final-account disclosures (部门预算/决算公开, 绩效自评).

Reading a document::

    import budgetlint
    document = budgetlint.read_path("examples/000_hanyang_2020_final.txt")
    for table in document.tables:
        print(table.kind, table.title, len(table.rows))
"""

from .diagnostics import Diagnostic, Related, Severity
from .layout import read_bytes_document, read_document, read_path, read_text
from .model import Cell, Column, Document, Figure, Footnote, Paragraph, Row, Span, Table
from .source import NotText, Source, read_bytes, read_file

__version__ = "0.1.0"

__all__ = [
    "Cell",
    "Column",
    "Diagnostic",
    "Document",
    "Figure",
    "Footnote",
    "NotText",
    "Paragraph",
    "Related",
    "Row",
    "Severity",
    "Source",
    "Span",
    "Table",
    "__version__",
    "read_bytes",
    "read_bytes_document",
    "read_document",
    "read_file",
    "read_path",
    "read_text",
]
