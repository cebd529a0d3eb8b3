"""The text helpers keep the meaning of the patterns they replaced for speed."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from budgetlint.narrative import ties
from budgetlint.narrative.sentences import MONEY, OTHER
from budgetlint.text import is_cjk, squeeze

#: squeeze as it was written with a pattern, which took 4 ms to compile.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_GAP = re.compile(rf"(?<=[{_CJK}])[ \u3000\xa0]+(?=[{_CJK}])")
_SPACES = re.compile(r"[ \u3000\xa0]+")

# every edge of the ranges, the blanks, and ordinary characters on both sides
_ALPHABET = "合计 \u3000\xa0a1（）,\u2e7f\u2e80\u303f\u3040\u9fff\ua000\uf8ff\uf900\ufaff\ufb00\ufeff\uff00\uffef\ufff0\U00020000"


@settings(max_examples=1500)
@given(st.text(alphabet=_ALPHABET, max_size=12))
def test_squeeze_drops_exactly_the_blanks_the_pattern_dropped(text):
    assert squeeze(text) == _SPACES.sub(" ", _GAP.sub("", text))


def test_squeeze_on_extracted_labels():
    assert squeeze("合 计") == "合计"
    assert squeeze("一般公共预算\u3000 财政拨款") == "一般公共预算财政拨款"
    assert squeeze("GDP  增长") == "GDP 增长"
    assert squeeze("（一） 基本支出") == "（一）基本支出"


def test_is_cjk_agrees_with_the_ranges():
    pattern = re.compile(f"[{_CJK}]")
    for code in range(0x2E00, 0x10000):
        assert is_cjk(chr(code)) == bool(pattern.match(chr(code))), hex(code)


# The ties of narrative amounts: patterns whose "[^\u4e00-\u9fff]" or
# "[\u4e00-\u9fff]+" became a comparison, against the patterns as they were.

_DEPARTMENT = ties._DEPARTMENT
_OLD_OWNER = re.compile(rf"(?:^|[^\u4e00-\u9fff]|{_DEPARTMENT}|说明|情况|[一二三四五六七八九十]、)$")
_OLD_PARTS = [
    re.compile(rf"(?:^|[^\u4e00-\u9fff]|安排的?|其中|三公经费|财政拨款的?|一般公共预算|中|{_DEPARTMENT})({pattern})$")
    for _, pattern in ties._THREE_PUBLIC
]
_OLD_CODED = re.compile(rf"([\u4e00-\u9fff]+)[（(]({OTHER})[）)]({MONEY})")

_WORDS = [
    "公务用车",
    "购置",
    "运行",
    "维护",
    "费",
    "经费",
    "支出",
    "因公出国(境)",
    "公务接待",
    "三公经费",
    "财政拨款",
    "机关运行经费",
    "安排的",
    "其中",
    "一般公共预算",
    "中",
    "局",
    "部门",
    "说明",
    "情况",
    "一、",
    "二",
    "a",
    "1",
    "，",
    "（",
    "(",
    ")",
    "）",
    "行政运行",
    "\ue000",
    "\ue001",
    "\uec00",
    "\uec01",
    "\u4dff",
    "\ua000",
]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_WORDS), max_size=8).map("".join))
def test_ties_match_what_their_patterns_matched(text):
    assert ties._owned(text) == bool(_OLD_OWNER.search(text))
    for (_, pattern), old in zip(ties._PARTS, _OLD_PARTS, strict=True):
        assert ties._ends_with_part(text, pattern) == bool(old.search(text)), (text, old.pattern)
    assert list(ties._coded(text)) == [(m[1], m.start(2), m.start(3)) for m in _OLD_CODED.finditer(text)]
