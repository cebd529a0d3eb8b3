"""What budgetlint reads in the running text, and how many retyped figures of it
it notices.

Run:  python benchmarks/narrative.py [--mutate] [--samples 10] [FILE...]

For each document (the examples, or the files named: text, or PDF as
``budgetlint text`` renders it) prints the statements extracted, those tied
to every figure they make a claim about, and the BL4xx findings; then a sample
of untied statements with the reason each was left alone. With ``--mutate``,
every figure of every tied statement is retyped in turn (its last printed
digit moved by 11 units: 2.22 → 2.33, 24.2% → 25.3%), the document is linted
again, and the change counts as found when a finding appears that the
unchanged document does not have.
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

import budgetlint
from budgetlint.engine import Context, lint_document, load_rules
from budgetlint.narrative import Change, Comparison, Completion, Enumeration, Share
from budgetlint.narrative.statements import Product, Restatement

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _text(path: Path) -> str:
    from budgetlint.reading.layout import read_source

    return read_source(path.read_bytes(), str(path)).text


def claims(context: Context) -> tuple[list, list]:
    """(tied, untied): each tied claim with the tokens it rests on; each untied
    statement with the reason it was left alone."""
    statements = context.statements
    tied, untied = [], []
    for item in statements.changes:
        if item.reason is None and item.current is not None and (item.rate is not None or item.prior is not None):
            tied.append((item, [t for t in (item.current, item.prior, item.change, item.rate) if t is not None]))
        elif item.reason is not None:
            untied.append((item, item.reason))
    for item in statements.completions:
        if item.reason is None and item.budget is not None:
            tied.append((item, [item.budget, item.actual, item.rate]))
        else:
            untied.append((item, item.reason))
    for item in statements.comparisons:
        if item.reason is None and item.completion is not None:
            tied.append((item, [item.completion.budget, item.completion.actual]))
        else:
            untied.append((item, item.reason))
    for item in statements.shares:
        if item.reason is None and item.whole is not None:
            tied.append((item, [item.part, item.whole, item.rate]))
        else:
            untied.append((item, item.reason))
    for item in statements.enumerations:
        tied.append((item, [item.whole, *item.parts]))
    for item in statements.products:
        tied.append((item, [item.quantity, item.rate, item.total]))
    for item in statements.restatements:
        tied.append((item, [item.first, item.again]))
    for item in context.ties:
        tied.append((item.amount, [item.amount.token]))
    return tied, untied


def _kind(item) -> str:
    names = {
        Change: "增减",
        Completion: "完成率",
        Comparison: "比较词",
        Share: "比例",
        Enumeration: "组成",
        Product: "乘积",
        Restatement: "换算",
    }
    return names.get(type(item), "金额")


def _sentence(item) -> str:
    sentence = item.sentence
    text = sentence.words(0, len(sentence.marked))
    return text if len(text) <= 90 else text[:88] + "……"


def _last_digit(figure) -> list[str]:
    """The figure with its last printed digit moved by 11 units: 2.22 → 2.33."""
    value = figure.value + Decimal(11).scaleb(-figure.decimals)
    return [f"{value:.{figure.decimals}f}" + ("%" if figure.percent else "")]


def _each_digit(figure) -> list[str]:
    """The figure with one digit replaced (by the digit five away), for each digit in turn."""
    printed = f"{figure.value:.{figure.decimals}f}"
    variants = []
    for index, character in enumerate(printed):
        if character.isdigit():
            digit = (int(character) + 5) % 10
            if index == 0 and digit == 0 and len(printed) > 1 and printed[1] != ".":
                digit = 9
            variants.append(printed[:index] + str(digit) + printed[index + 1 :] + ("%" if figure.percent else ""))
    return variants


def retyped_found(path: Path, text: str, figures: list, retype) -> tuple[int, int, list]:
    """Retype each (figure, label) in turn; (found, total, missed) where a retyping is
    found when the document then has a finding it did not have."""
    rules = load_rules()
    lines = text.split("\n")
    document = budgetlint.read_text(text, str(path))
    baseline = {(d.code, d.line, d.column, d.message) for d in lint_document(document, rules)}
    seen, found, total, missed = set(), 0, 0, []
    for figure, label in figures:
        span = figure.span
        if span in seen or span.line != span.end_line:
            continue
        seen.add(span)
        line = lines[span.line - 1]
        for retyped in retype(figure):
            total += 1
            lines[span.line - 1] = line[: span.column - 1] + retyped + line[span.end_column - 1 :]
            mutated = budgetlint.read_text("\n".join(lines), str(path))
            lines[span.line - 1] = line
            if {(d.code, d.line, d.column, d.message) for d in lint_document(mutated, rules)} - baseline:
                found += 1
            else:
                missed.append(f"{span.line}:{span.column} {figure} → {retyped} ({label})")
    return found, total, missed


def mutate(path: Path, text: str, tied: list, retype=_last_digit) -> tuple[int, int, list]:
    figures = [(token.figure, _kind(item)) for item, tokens in tied for token in tokens]
    return retyped_found(path, text, figures, retype)


def paths_of(args) -> list[Path]:
    """The files named, or the examples (and with --corpus every PDF of ../shared/corpus)."""
    if args.corpus:
        return sorted(EXAMPLES.glob("*.txt")) + sorted(CORPUS.glob("*.pdf"))
    return args.files or sorted(EXAMPLES.glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutate", action="store_true", help="also retype every figure of the tied statements")
    parser.add_argument("--samples", type=int, default=10, help="untied statements to show")
    parser.add_argument("--corpus", action="store_true", help="the examples and every PDF of ../shared/corpus")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    paths = paths_of(args)
    header = "| document | statements | tied | findings |"
    if args.mutate:
        header += " last digit +11, found | one digit changed, found |"
    print(header)
    print("|---|---|---|---|" + ("---|---|" if args.mutate else ""))
    totals = [0, 0, 0, 0, 0, 0, 0]
    untied_all = []
    for path in paths:
        text = _text(path)
        document = budgetlint.read_text(text, str(path))
        context = Context(document, rules=load_rules())
        tied, untied = claims(context)
        statements = len(tied) + len(untied)
        findings = [d for d in lint_document(document) if d.code.startswith("BL4")]
        row = f"| {path.name} | {statements} | {len(tied)} | {len(findings)} |"
        totals[:3] = [totals[0] + statements, totals[1] + len(tied), totals[2] + len(findings)]
        if args.mutate:
            found, retyped, _ = mutate(path, text, tied)
            digits_found, digits, _ = mutate(path, text, tied, _each_digit)
            totals[3:] = [totals[3] + found, totals[4] + retyped, totals[5] + digits_found, totals[6] + digits]
            row += f" {found}/{retyped} | {digits_found}/{digits} |"
        print(row)
        seen = set()
        for item, reason in untied:  # one sample per sentence: a sentence may hold several
            if id(item.sentence) not in seen:
                seen.add(id(item.sentence))
                untied_all.append((path.name, item, reason))
    total = f"| total | {totals[0]} | {totals[1]} | {totals[2]} |"
    if args.mutate:
        for found, retyped in ((totals[3], totals[4]), (totals[5], totals[6])):
            share = f" ({found / retyped:.0%})" if retyped else ""
            total += f" {found}/{retyped}{share} |"
    print(total)
    if args.samples and untied_all:
        print(f"\nUntied statements (a sample of {min(args.samples, len(untied_all))} of {len(untied_all)}):")
        for name, item, reason in random.Random(8).sample(untied_all, min(args.samples, len(untied_all))):
            print(f"- {name} ({_kind(item)}): {reason}: 「{_sentence(item)}」")


if __name__ == "__main__":
    main()
