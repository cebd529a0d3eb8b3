"""Golden files: what budgetlint reads and finds in each real PDF kept in
tests/pdf/ and in each seed of examples/, compared in full, so that a table recognised, lost or misread, or
a finding that appears or disappears, fails a test. Every finding in a golden
file has been verified by recomputing it from the document.

    BUDGETLINT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py   # rewrite them
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import SEEDS

import budgetlint

PDF = Path(__file__).resolve().parent / "pdf"
GOLDEN = Path(__file__).resolve().parent / "golden"
DOCUMENTS = sorted(p for p in PDF.glob("*.pdf") if p.name not in ("encrypted.pdf", "no_text_layer.pdf"))


def _observed(path: Path) -> dict:
    document = budgetlint.read_path(path)
    return {
        "pages": len(document.source.pages),
        "tables": [
            {"line": t.line, "title": t.title, "kind": t.kind, "part": t.part, "rows": len(t.rows)}
            | ({"unrecognised": t.unrecognised} if t.unrecognised else {})
            for t in document.tables
        ],
        "findings": [d.format().replace(str(path), path.name) for d in budgetlint.lint_document(document)],
    }


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_golden(path: Path):
    golden = GOLDEN / f"{path.stem}.json"
    observed = _observed(path)
    if os.environ.get("BUDGETLINT_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(observed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert observed == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_golden(name: str):
    path = SEEDS[name]
    golden = GOLDEN / f"seed_{name}.json"
    observed = [d.format().replace(str(path), path.name) for d in budgetlint.lint_file(path)]
    if os.environ.get("BUDGETLINT_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(observed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert observed == json.loads(golden.read_text(encoding="utf-8"))
