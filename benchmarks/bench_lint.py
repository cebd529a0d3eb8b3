"""Footnote formula parsing and whole-document linting, in process.

Run:  python benchmarks/bench_lint.py [--repeat N]

Reports, per example document: its footnote formulas and the median time to
parse one (the LALR parser is built once, before timing), and the median
time to read, lay out and lint the whole document with every rule, beside
the time to read it alone. Shared machines vary in speed; the first line
says how fast this one runs plain Python right now.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from timing import machine_speed, timings_ms

import budgetlint
from budgetlint.engine import lint_document, load_rules
from budgetlint.formulas import formulas_in, parse_formula

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def median_ms(action, repeat: int) -> float:
    return statistics.median(timings_ms(action, repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    print(machine_speed())
    rules = load_rules()
    parse_formula("1栏=（2+3）栏")  # build the parser before timing
    header = f"{'document':32} {'formulas':>8} {'parse µs/formula':>17} {'read ms':>8} {'lint ms':>8} {'findings':>8}"
    print(header)
    for path in sorted(EXAMPLES.glob("*.txt")):
        data = path.read_bytes()
        document = budgetlint.read_bytes_document(data, str(path))
        texts = [p.text for t in document.tables for f in t.footnotes for p in formulas_in(f)]
        texts = list(dict.fromkeys(texts))  # halves share their footnote
        per_formula = 0.0
        if texts:

            def parse_all(texts: list[str] = texts) -> None:
                for text in texts:
                    try:
                        parse_formula(text)
                    except budgetlint.FormulaSyntaxError:
                        pass

            per_formula = median_ms(parse_all, args.repeat) * 1000 / len(texts)
        name = str(path)
        read = median_ms(lambda data=data, name=name: budgetlint.read_bytes_document(data, name), args.repeat)
        lint = median_ms(
            lambda data=data, name=name: lint_document(budgetlint.read_bytes_document(data, name), rules), args.repeat
        )
        findings = len(lint_document(document, rules))
        print(f"{path.name:32} {len(texts):8d} {per_formula:17.1f} {read:8.2f} {lint:8.2f} {findings:8d}")


if __name__ == "__main__":
    main()
