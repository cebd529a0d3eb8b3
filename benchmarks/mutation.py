"""Mutation measurement: how many retyped figures does budgetlint notice?

Run:  python benchmarks/mutation.py [--delta 0.11] [--seed NAME] [FILE...]

Every figure printed in a table of an example document (or of the files named:
text, or PDF as ``budgetlint text`` renders it) is changed, one at a time, by
``delta`` in units of two decimals (0.11 for a figure printed with two
decimals, 11 for one printed in whole 元: a retyping error well beyond what
rounding explains), the changed document is linted with every rule, and the
change counts as caught when a finding appears that the unchanged document
does not have. Survivors are sorted by why nothing could notice them: the
table is not one budgetlint knows (绩效 sheets, unrecognised tables), or the
figure takes part in no relation the rules state.
"""

from __future__ import annotations

import argparse
from collections import Counter
from decimal import Decimal
from pathlib import Path

import budgetlint
from budgetlint.engine import lint_document, load_rules
from budgetlint.kinds import FINANCIAL

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _findings(document) -> set:
    return {(d.code, d.line, d.column, d.message) for d in lint_document(document, load_rules())}


def mutate(path: Path, delta: Decimal) -> dict:
    from budgetlint.reading.layout import read_source

    text = read_source(path.read_bytes(), str(path)).text
    lines = text.split("\n")
    document = budgetlint.read_text(text, str(path))
    baseline = _findings(document)
    caught = 0
    survivors: Counter = Counter()
    examples: dict = {}
    total = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell is None or cell.figure is None or cell.figure.percent:
                    continue
                span = cell.figure.span
                if span.line != span.end_line:
                    continue
                total += 1
                line = lines[span.line - 1]
                decimals = cell.figure.decimals
                changed = f"{cell.figure.value + delta.scaleb(2 - decimals):.{decimals}f}"
                lines[span.line - 1] = line[: span.column - 1] + changed + line[span.end_column - 1 :]
                mutated = budgetlint.read_text("\n".join(lines), str(path))
                lines[span.line - 1] = line
                if _findings(mutated) - baseline:
                    caught += 1
                    continue
                if table.kind not in FINANCIAL:
                    reason = f"not a financial table ({table.kind or '未识别'})"
                else:
                    reason = f"in no stated relation ({table.kind}{'/' + table.part if table.part else ''})"
                survivors[reason] += 1
                examples.setdefault(reason, f"{span.line}:{span.column} {row.label or row.code or ''} {cell.figure}")
    return {"total": total, "caught": caught, "survivors": survivors, "examples": examples}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delta", type=Decimal, default=Decimal("0.11"))
    parser.add_argument("--seed", help="only the example whose name starts with this")
    parser.add_argument("files", nargs="*", type=Path, help="documents to use instead of the examples")
    args = parser.parse_args()
    for path in args.files or sorted(EXAMPLES.glob("*.txt")):
        if args.seed and not path.name.startswith(args.seed):
            continue
        result = mutate(path, args.delta)
        total, caught = result["total"], result["caught"]
        rate = f"{caught / total:.0%}" if total else "—"
        print(f"{path.name}: {caught}/{total} changed figures caught ({rate})")
        for reason, count in result["survivors"].most_common():
            print(f"    survived {count:4d}: {reason}, e.g. {result['examples'][reason]}")


if __name__ == "__main__":
    main()
