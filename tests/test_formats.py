"""Each output format checked by its consumer: SARIF against the SARIF 2.1.0 JSON
schema (tests/schemas), `lsp` structured into lsprotocol's types, and both
carrying what the text format says (rule, place, related figures)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from conftest import SEEDS
from lsprotocol import converters, types

from budgetlint.cli import main

SCHEMAS = Path(__file__).resolve().parent / "schemas"
CHANGSHA = Path(__file__).resolve().parent / "pdf" / "changsha_guoziwei_2020_p7-8.pdf"


def _output(capsys, *argv) -> str:
    main([*argv])
    return capsys.readouterr().out


def test_sarif_is_valid_and_says_what_the_text_says(capsys):
    log = json.loads(_output(capsys, str(SEEDS["000"]), str(CHANGSHA), "--format", "sarif"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {"BL501", "BL507"} <= {rule["id"] for rule in rules}
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)
    text = _output(capsys, str(SEEDS["000"]), str(CHANGSHA)).splitlines()
    assert len(run["results"]) == len(text) == 20
    for result, line in zip(run["results"], text, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        path = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert line.startswith(f"{path}:{region['startLine']}:{region['startColumn']}: {result['ruleId']}: ")
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert len(result["partialFingerprints"]["budgetlint/v1"]) == 16
    (bl507,) = [r for r in run["results"] if r["ruleId"] == "BL507"]
    assert bl507["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 607, "startColumn": 19}
    (changsha,) = [r for r in run["results"] if r["ruleId"] == "BL501"]
    assert changsha["properties"] == {"page": 2}


def test_lsp_diagnostics_structure_into_lsprotocol_types(capsys):
    by_file = json.loads(_output(capsys, str(SEEDS["000"]), "--format", "lsp"))
    ((uri, diagnostics),) = by_file.items()
    assert uri == SEEDS["000"].resolve().as_uri()
    converter = converters.get_converter()
    structured = converter.structure(diagnostics, list[types.Diagnostic])
    assert len(structured) == 19 and all(d.source == "budgetlint" for d in structured)
    (bl507,) = [d for d in structured if d.code == "BL507"]
    assert bl507.severity == types.DiagnosticSeverity.Error
    assert (bl507.range.start.line, bl507.range.start.character) == (612, 38)  # 613:39, from 0
    (related,) = bl507.related_information
    assert related.location.uri == uri and related.location.range.start.line == 606
