"""grammars/parsers.py, the parsers generated from the grammars once instead of on
every start: in step with the grammars, and parsing every input as Lark itself
does from the grammar (trees, positions and errors alike)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from budgetlint.grammars import generate, parsers
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import budgetlint
from budgetlint.formulas import formulas_in
from budgetlint.packs import builtin_packs

FORMULA_CHARACTERS = st.sampled_from(list("0123456789０１２行栏各行=＝+＋-－（）()……~～至—；;，, \u3000x"))


def _shape(tree) -> object:
    """A tree or token as plain values, positions included, whichever runtime made it."""
    if hasattr(tree, "children"):
        meta = tree.meta
        where = (meta.start_pos, meta.end_pos) if not meta.empty else None
        return (tree.data, where, [_shape(child) for child in tree.children])
    return (tree.type, str(tree), tree.start_pos, tree.end_pos)


def _outcome(parser, text: str, start: str) -> object:
    try:
        return _shape(parser.parse(text, start=start))
    except Exception as error:  # the two runtimes raise their own classes of the same names
        return (type(error).__name__, getattr(error, "pos_in_stream", None))


@pytest.fixture(scope="module")
def built():
    pytest.importorskip("lark")
    return {name: generate.build(grammar, start) for name, grammar, start in generate.PARSERS}


def test_the_generated_parsers_are_those_of_the_grammars_as_they_are():
    assert parsers.GRAMMARS == generate.grammar_digests(), "run: python -m budgetlint.grammars.generate"


def test_every_footnote_and_pack_parses_as_lark_parses_it(built):
    footnote, pack = parsers.footnote_parser(), parsers.pack_parser()
    texts = [
        printed.text
        for path in SEEDS.values()
        for table in budgetlint.read_path(path).tables
        for note in table.footnotes
        for printed in formulas_in(note)
    ]
    assert len(texts) >= 20
    for text in texts:
        assert _outcome(footnote, text, "formulas") == _outcome(built["FOOTNOTE"], text, "formulas"), text
    for _name, text in builtin_packs():
        assert _outcome(pack, text, "pack") == _outcome(built["PACK"], text, "pack")


@settings(max_examples=300, deadline=None)
@given(st.text(FORMULA_CHARACTERS, max_size=40), st.sampled_from(["formulas", "formula"]))
def test_any_text_parses_or_fails_as_lark_would(built, text, start):
    assert _outcome(parsers.footnote_parser(), text, start) == _outcome(built["FOOTNOTE"], text, start)


def test_a_run_does_not_import_lark():
    code = (
        "import sys, budgetlint; budgetlint.lint_file(sys.argv[1]); "
        "print(budgetlint.parse_formula('1栏=（2+3）栏')[0].axis, 'lark' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(SEEDS["000"])], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["栏", "False"]


def test_the_compiled_built_in_packs_are_the_packs_as_read_now():
    from budgetlint.rules import compiled_packs

    from budgetlint.packs import builtin_rules, parse_pack

    packs = dict(builtin_packs())
    assert compiled_packs.TEXTS == packs, "run: python -m budgetlint.grammars.generate"
    for name, text in packs.items():
        parsed = parse_pack(text, name)
        assert repr(compiled_packs.PACKS[name]) == repr(parsed)  # positions included
        assert builtin_rules(name, text) is compiled_packs.PACKS[name]
        # A pack edited since it was compiled is read from its text.
        edited = text.replace("收入决算表本年收入合计应等于各项收入之和", "收入决算表的合计等于各项收入之和")
        assert builtin_rules(name, edited) != parsed and builtin_rules(name, edited) == parse_pack(edited, name)


def test_loading_the_parsers_imports_neither_logging_nor_dataclasses_nor_inspect():
    code = (
        "import sys; import budgetlint.grammars.parsers as p; p.footnote_parser().parse('3栏=1栏+2栏', 'formula');"
        "print(sorted(m for m in ('logging', 'dataclasses', 'inspect') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_text_slice_stand_in_behaves_as_the_frozen_dataclass_it_replaces():
    from budgetlint.grammars.parsers import TextSlice

    whole = TextSlice("合计=1栏", 0, 5)
    assert whole == TextSlice("合计=1栏", 0, 5) and hash(whole) == hash(TextSlice("合计=1栏", 0, 5))
    assert whole != TextSlice("合计=1栏", 1, 5) and whole.is_complete_text() and len(whole) == 5
    assert TextSlice("abc", -2, None) == TextSlice("abc", 1, 3)  # __post_init__ still runs
    assert repr(whole) == "TextSlice(text='合计=1栏', start=0, end=5)"
    with pytest.raises(AttributeError):
        whole.start = 1
    with pytest.raises(TypeError):
        TextSlice(3, 0, 1)
