"""A finding as the Language Server Protocol shows it: a ``Diagnostic`` (as JSON)
with its range counted from 0, its related figures as related information, and
the rule's documentation as codeDescription when its address is known. Used by
`--format lsp` and by `budgetlint server`."""

from __future__ import annotations

from pathlib import Path

__all__ = ["documentation_uri", "file_uri", "lsp_diagnostic"]


def documentation_uri() -> str | None:
    """Where the rule reference is: the package metadata's Documentation URL, or the
    reference.md installed with the rules (as a file: URI)."""
    from importlib import metadata, resources

    try:
        urls = metadata.distribution("budgetlint").metadata.get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    given = [url.split(",", 1)[1].strip() for url in urls if url.lower().startswith("documentation,")]
    if given:
        return given[0]
    try:
        reference = resources.files("budgetlint.rules").joinpath("reference.md")
        return Path(str(reference)).resolve().as_uri() if reference.is_file() else None
    except (ModuleNotFoundError, TypeError):
        return None


def file_uri(path: str) -> str:
    """A file's URI (standard input keeps its name)."""
    return Path(path).resolve().as_uri() if path not in ("-", "<stdin>") else path


def lsp_diagnostic(diagnostic, documentation: str | None = None, uris: dict | None = None) -> dict:
    """An LSP ``Diagnostic`` (as JSON) for a finding. ``uris`` holds the URI of each
    path already seen, to share among the findings of one report: resolving a path
    takes system calls, and a finding names several places of its file."""
    uris = {} if uris is None else uris

    def uri(path: str) -> str:
        if path not in uris:
            uris[path] = file_uri(path)
        return uris[path]

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
                    "uri": uri(item.path),
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
