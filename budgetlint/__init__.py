"""budgetlint: finds the internal contradictions in Chinese government budget
and final-account disclosures (部门预算/决算公开, 绩效自评).

Linting and reading a document::

    import budgetlint
    for diagnostic in budgetlint.lint_file("examples/000_hanyang_2020_final.txt"):
        print(diagnostic.format())
    document = budgetlint.read_path("examples/000_hanyang_2020_final.txt")
    for table in document.tables:
        print(table.kind, table.title, len(table.rows))
"""

import os as _os
from collections.abc import Sequence
from decimal import Decimal

from .findings import Diagnostic, Finding, Related, Severity
from .model import Cell, Column, Document, Figure, Footnote, Paragraph, Row, Source, Span, Table
from .reading import NotText, read_bytes, read_bytes_document, read_document, read_file, read_path, read_text

# In a source checkout rules/ and grammars/ sit beside this folder, and install as
# budgetlint.rules and budgetlint.grammars; run from the checkout (the folder then
# shadows the installed package), the package finds them there.
# (os.path, not pathlib: pathlib and the urllib it imports cost every start 5 ms.)
_checkout = _os.path.dirname(_os.path.dirname(_os.path.realpath(__file__)))
if not _os.path.isdir(_os.path.join(_os.path.dirname(__file__), "rules")) and _os.path.isfile(
    _os.path.join(_checkout, "rules", "__init__.py")
):
    __path__.append(_checkout)  # noqa: F821 (a package's own __path__)

__version__ = "0.1.0"

# The formula language loads lark; reading a document does not need it.
_LAZY = {"Formula": ".formulas", "FormulaSyntaxError": ".formulas", "parse_formula": ".formulas"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'budgetlint' has no attribute {name!r}")


def lint_document(
    document: Document,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    slack: Decimal | str | int = 0,
    packs: Sequence[str] = (),
    scoring: str | None = None,
    language: str = "zh",
) -> list[Diagnostic]:
    """The findings of the selected rules (all by default, with the rule packs
    named in ``packs``) on a read document; ``scoring`` names the scoring profile of
    the 绩效 sheets ("湖北", "全国", "四川"; inferred from the sheets when None);
    ``language`` the messages' ("zh", or "en" where a rule gives English)."""
    from .engine import lint_document as run
    from .engine import load_rules, select_rules

    rules = select_rules(load_rules(tuple(str(p) for p in packs)), select, ignore)
    return run(document, rules, Decimal(slack), scoring, language)


def lint_text(
    text: str,
    path: str = "<text>",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    slack: Decimal | str | int = 0,
    packs: Sequence[str] = (),
    scoring: str | None = None,
    language: str = "zh",
) -> list[Diagnostic]:
    """Lint a document given as text; diagnostics in file order."""
    return lint_document(read_text(text, path), select, ignore, slack, packs, scoring, language)


def lint_file(
    path,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    slack: Decimal | str | int = 0,
    packs: Sequence[str] = (),
    scoring: str | None = None,
    language: str = "zh",
) -> list[Diagnostic]:
    """Lint a file; raises :class:`NotText` for a file that is not text and ``OSError``
    for one that cannot be read."""
    return lint_document(read_path(path), select, ignore, slack, packs, scoring, language)


__all__ = [
    "Cell",
    "Column",
    "Diagnostic",
    "Document",
    "Figure",
    "Finding",
    "Footnote",
    "Formula",
    "FormulaSyntaxError",
    "NotText",
    "Paragraph",
    "Related",
    "Row",
    "Severity",
    "Source",
    "Span",
    "Table",
    "__version__",
    "lint_document",
    "lint_file",
    "lint_text",
    "parse_formula",
    "read_bytes",
    "read_bytes_document",
    "read_document",
    "read_file",
    "read_path",
    "read_text",
]
