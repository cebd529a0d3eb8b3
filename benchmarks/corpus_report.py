"""The corpus report: per document, pages, tables read, tables recognised with
their kind, tables left unrecognised, and findings.

    python benchmarks/corpus_report.py [DIR]      (default: ../shared/corpus)

The numbers of the closing notes of the reading issues come from here.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import budgetlint
from budgetlint.engine import lint_document, load_rules


def main(folder: str) -> None:
    rules = load_rules()
    totals = Counter()
    print("| document | pages | tables | recognised | unrecognised | findings | seconds |")
    print("|---|---|---|---|---|---|---|")
    for path in sorted(Path(folder).glob("*.pdf")) + sorted(Path(folder).glob("*.txt")):
        start = time.perf_counter()
        document = budgetlint.read_path(path)
        diagnostics = lint_document(document, rules)
        seconds = time.perf_counter() - start
        pages = len(document.source.pages)
        printed = document.blocks()
        known = [b for b in printed if b[0].kind]
        unknown = [
            (b[0].title or f"第 {document.source.page_of(b[0].line)} 页无标题表")
            + (f"（{b[0].unrecognised}）" if b[0].unrecognised else "")
            for b in printed
            if not b[0].kind
        ]
        kinds = Counter(b[0].kind for b in known)
        totals.update(pages=pages, tables=len(printed), known=len(known), findings=len(diagnostics))
        print(
            f"| {path.name} | {pages} | {len(printed)} | {len(known)}: "
            + "，".join(f"{k}×{n}" if n > 1 else k for k, n in kinds.items())
            + f" | {len(unknown)}: {'；'.join(unknown)} | {len(diagnostics)} | {seconds:.1f} |"
        )
        for diagnostic in diagnostics:
            print(f"  {diagnostic.format()}", file=sys.stderr)
    print(
        f"| total | {totals['pages']} | {totals['tables']} | {totals['known']} | "
        f"{totals['tables'] - totals['known']} | {totals['findings']} | |"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "corpus"))
