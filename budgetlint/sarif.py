"""Findings as SARIF 2.1.0, the format code-scanning services and editors read:
one run, the rules as the tool's metadata (help text from each rule's
docstring), each finding with its region, its related figures and the
fingerprint a baseline uses, so that a service tracks it across edits."""

from __future__ import annotations

__all__ = ["to_sarif"]

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule(rule, documentation: str | None) -> dict:
    entry = {
        "id": rule.code,
        "name": rule.symbol,
        "shortDescription": {"text": rule.summary or rule.symbol},
        "fullDescription": {"text": rule.doc or rule.summary or rule.symbol},
        "help": {"text": rule.doc or rule.summary or rule.symbol},
        "defaultConfiguration": {"level": _LEVELS.get(str(rule.severity), "warning")},
    }
    if documentation:
        entry["helpUri"] = f"{documentation}#{rule.code.lower()}"
    return entry


def _region(line: int, column: int, end_line: int | None = None, end_column: int | None = None) -> dict:
    region = {"startLine": line, "startColumn": column}
    if end_line is not None and end_column is not None and (end_line, end_column) > (line, column):
        region |= {"endLine": end_line, "endColumn": end_column}
    return region


def _uri(path: str) -> str:
    """A file's path as a URI reference: an absolute path as a file: URI, a relative one
    percent-encoded (spaces, Chinese characters)."""
    from pathlib import Path, PurePath
    from urllib.parse import quote

    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(PurePath(path).as_posix())


def _location(path: str, region: dict) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _result(diagnostic, index: dict) -> dict:
    where = _region(diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)
    result = {
        "ruleId": diagnostic.code,
        "level": _LEVELS.get(str(diagnostic.severity), "warning"),
        "message": {"text": diagnostic.message},
        "locations": [_location(diagnostic.path, where)],
        "partialFingerprints": {"budgetlint/v1": diagnostic.fingerprint},
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    if diagnostic.page is not None:
        result["properties"] = {"page": diagnostic.page}
    related = [
        _location(item.path, _region(item.line, item.column, item.end_line, item.end_column))
        | {"id": number, "message": {"text": item.message}}
        for number, item in enumerate(diagnostic.related, 1)
    ]
    if related:
        result["relatedLocations"] = related
    return result


def to_sarif(diagnostics, rules, version: str, documentation: str | None = None) -> dict:
    """The SARIF log of one run over ``diagnostics`` by ``rules``; ``documentation``, the
    address of the rule reference (rules/reference.md), gives each rule its help URI."""
    index = {rule.code: number for number, rule in enumerate(rules)}
    driver = {
        "name": "budgetlint",
        "version": version,
        "rules": [_rule(rule, documentation) for rule in rules],
    }
    if documentation:
        driver["informationUri"] = documentation
    return {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": [_result(d, index) for d in diagnostics]}],
    }
