"""A finding as the Language Server Protocol shows it: a ``Diagnostic`` (as JSON)
with its range counted from 0, its related figures as related information, and
the rule's documentation as codeDescription when its address is known. Used by
`--format lsp` and by `budgetlint server`."""

from __future__ import annotations

from pathlib import Path

__all__ = ["file_uri", "lsp_diagnostic"]


def file_uri(path: str) -> str:
    """A file's URI (standard input keeps its name)."""
    return Path(path).resolve().as_uri() if path not in ("-", "<stdin>") else path


def lsp_diagnostic(diagnostic, documentation: str | None = None) -> dict:
    """An LSP ``Diagnostic`` (as JSON) for a finding."""

    def position(line: int, column: int) -> dict:
        return {"line": line - 1, "character": column - 1}

    severity = {"error": 1, "warning": 2, "info": 3}.get(str(diagnostic.severity), 2)
    end = (diagnostic.end_line, diagnostic.end_column)
    result = {
        "range": {"start": position(diagnostic.line, diagnostic.column), "end": position(*end)},
        "severity": severity,
        "code": diagnostic.code,
        "source": "budgetlint",
        "message": f"{diagnostic.message} ({diagnostic.symbol})",
        "relatedInformation": [
            {
                "location": {
                    "uri": file_uri(item.path),
                    "range": {
                        "start": position(item.line, item.column),
                        "end": position(item.end_line or item.line, item.end_column or item.column),
                    },
                },
                "message": item.message,
            }
            for item in diagnostic.related
        ],
    }
    if documentation:
        result["codeDescription"] = {"href": f"{documentation}#{diagnostic.code.lower()}"}
    return result
