"""Statements: what a sentence claims about figures, each tied to the figures
it rests on, or left alone with the reason why.

These are read, each by one pattern over a :class:`Sentence`'s markers:

- a **change** ("比上年增加 393.1 万元，增长 24.2%"): the amount it follows is
  the current year's, the prior is current ∓ change unless printed;
- a **completion** ("年初预算为 a 万元，支出决算为 b 万元，完成年初预算的 c%")
  and the comparison words under it ("决算数大于预算数");
- a **share** ("基本支出 163.08 万元，占本年支出 13.3%"): its base is the whole
  the sentence enumerates, or an amount stated earlier under the base's name;
- an **enumeration** of a whole whose parts are fixed by the classification
  (人员经费 + 公用经费 = 基本支出, 货物 + 工程 + 服务 = 政府采购 …);
- a **product** ("人数53000人、标准每人33.50元……资金180.00万元"), a
  **restatement** in another unit ("15000元（1.5万元）"), and the **year** a figure
  is compared with ("比 2019 年");
- an **amount** with its subject, for the rules that look it up in a table.

Where a statement's figures cannot be told for certain, it is kept with
``reason`` set and no rule looks at it: precision before recall.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..lazy import lazy_pattern
from ..records import record
from .sentences import AMOUNT, MONEY, OTHER, PERCENT, YEAR, Sentence, Token, stops_subject

__all__ = [
    "Amount",
    "Change",
    "Comparison",
    "Completion",
    "Enumeration",
    "Share",
    "Statements",
    "extract",
    "subject_key",
]

_STOP = "，,；;。！？!?：:、（()）"
_LIST_START = lazy_pattern(
    r"其中[：:，,]?|主要用于(?:以下方面)?[：:]|包括[：:]|分类来看[，,：:]|具体(?:情况|支出情况)?(?:如下|为)?[：:]"
)
_SUBJECT_DROP = lazy_pattern(rf"{YEAR}年?度?|本年度?|本部门|本单位|我部门|我单位|[“”\"'‘’「」]")
_YEAR_MARKER = lazy_pattern(YEAR)
_SUBJECT_TAIL = lazy_pattern(r"(?:为|是|达到|达|共计|合计为|总计为|共|约)$")


@functools.lru_cache(maxsize=4096)
def subject_key(words: str) -> str:
    """A subject as compared: no years, no "本年", no quotes, no "为" at the end;
    "收、支总计" and "收支总计" are one."""
    words = _SUBJECT_DROP.sub("", words)
    previous = None
    while previous != words:
        previous = words
        words = _SUBJECT_TAIL.sub("", words)
        words = re.sub(r"的$", "", words)
    return words.lstrip("-.、．·:：").replace("、", "").replace("（", "(").replace("）", ")")


def _subject(sentence: Sentence, position: int) -> str:
    """The words printed before the marker at ``position``, back to the nearest
    stop or number: "收入合计" for "2024年度收入合计1627.17万元"."""
    found = sentence.memo.get(position)
    if found is None:
        found = sentence.memo[position] = _subject_of(sentence, position)
    return found


def _subject_of(sentence: Sentence, position: int) -> str:
    start = position
    marked = sentence.marked
    while start > 0:
        character = marked[start - 1]
        if character == "、" and marked[start - 2 : start - 1] == "收" and marked[start : start + 1] == "支":
            start -= 1  # "收、支总计" is one subject
            continue
        if character in "）)" and marked[start - 3 : start - 1] in _LEVEL_MARKS:
            start -= 3  # "社会保障和就业支出(类)": the level is part of the name
            continue
        if character in _STOP or stops_subject(character):
            break
        start -= 1
    return marked[start:position]


#: Brackets that belong to a name: "支出(类)", "因公出国（境）费".
_LEVEL_MARKS = frozenset(f"{bracket}{level}" for bracket in "（(" for level in "类款项境")


def subject_of(sentence: Sentence, token: Token) -> str:
    """The subject a sentence states ``token`` under, as compared (see subject_key)."""
    return subject_key(_subject(sentence, token.start))


_CHANGED = lazy_pattern(r"(?:增加|减少|增长|下降|降低|上升|减|增)了?$")


def _levels(sentence: Sentence, start: int, end: int) -> list[int]:
    """Positions of the amounts in ``marked[start:end]`` that state a level, not
    a change ("增加 393.1 万元" is not a whole anything is a share of)."""
    levels = sentence.memo.get("levels")
    if levels is None:
        levels = sentence.memo["levels"] = [i for i in sentence.money if not _CHANGED.search(_subject(sentence, i))]
    return [i for i in levels if start <= i < end]


def _money(sentence: Sentence, start: int, end: int) -> list[int]:
    """Positions of the amounts in ``marked[start:end]``."""
    return [i for i in sentence.money if start <= i < end]


@record
class Change:
    """A year-over-year (or against-budget) change of one amount."""

    sentence: Sentence
    current: Token | None
    prior: Token | None
    change: Token
    direction: int  # +1 增加, -1 减少
    rate: Token | None
    rate_direction: int | None
    reference: str  # the words between 比 and the change: "2019年度", "年初预算数"
    reason: str | None = None


@record
class Completion:
    """A budget, the amount spent against it, and the rate of completion stated."""

    sentence: Sentence
    budget: Token | None
    actual: Token | None
    rate: Token | None
    which: str  # 年初, 全年 … as the sentence names the budget
    reason: str | None = None


@record
class Comparison:
    """ "决算数大于预算数" and the like: a claim about the sign of actual − budget."""

    sentence: Sentence
    word: str
    start: int
    end: int
    completion: Completion | None
    reason: str | None = None


@record
class Share:
    """A part stated as a percentage of a whole."""

    sentence: Sentence
    part: Token
    rate: Token
    base_words: str
    whole: Token | None
    whole_sentence: Sentence | None
    reason: str | None = None


@record
class Enumeration:
    """A whole and the parts the classification says make it up."""

    sentence: Sentence
    whole: Token
    parts: tuple[Token, ...]
    name: str


@record
class Amount:
    """An amount stated as a level (not a change) under its subject: "收入合计 1627.17 万元"."""

    sentence: Sentence
    token: Token
    subject: str
    #: The years the subject names ("2024年度收入合计"): none for "本年收入合计".
    years: tuple[int, ...]


@record
class Product:
    """A quantity times a rate per unit, and the total the sentence says it makes:
    "享受财政补助人数53000人、补助标准每人33.50元计算，……计划资金180.00万元"."""

    sentence: Sentence
    quantity: Token
    unit: str
    rate: Token
    total: Token


_UNIT_WORDS = "人次|人|户|辆|台|家|个|件|名|套"
_QUANTITY = lazy_pattern(rf"(?P<n>{OTHER})(?P<unit>{_UNIT_WORDS})(?![/每])")
_PER = lazy_pattern(
    rf"每(?P<unit>{_UNIT_WORDS})(?:[^，,；;。{AMOUNT[1:-1]}]{{0,3}})(?P<rate>{MONEY})(?!/)|(?P<rate2>{MONEY})/(?P<unit2>{_UNIT_WORDS})"
)


def _products(sentence: Sentence) -> Iterable[Product]:
    """One rate per unit, one quantity of that unit, and the first amount after
    both: anything more in the sentence and it is left alone."""
    marked = sentence.marked
    rates = list(_PER.finditer(marked))
    if len(rates) != 1:
        return
    found = rates[0]
    unit = found["unit"] or found["unit2"]
    rate_at = found.start("rate") if found["rate"] else found.start("rate2")
    quantities = [q for q in _QUANTITY.finditer(marked) if q["unit"] == unit]
    if len(quantities) != 1:
        return
    quantity = quantities[0]
    after = max(found.end(), quantity.end())
    totals = [i for i in sentence.money if i >= after]
    if not totals:
        return
    rate = sentence.token_at(rate_at)
    if rate.figure.unit not in ("元", "万元"):
        return
    yield Product(sentence, sentence.token_at(quantity.start("n")), unit, rate, sentence.token_at(totals[0]))


@record
class Restatement:
    """One amount said again in another unit, in brackets: "15000元（1.5万元）"."""

    sentence: Sentence
    first: Token
    again: Token


_RESTATED = lazy_pattern(rf"(?P<first>{MONEY})[（(](?:即|约|合)?(?P<again>{MONEY})[)）]")


def _restatements(sentence: Sentence) -> Iterable[Restatement]:
    for found in _RESTATED.finditer(sentence.marked):
        first, again = sentence.token_at(found.start("first")), sentence.token_at(found.start("again"))
        if first.figure.unit != again.figure.unit:
            yield Restatement(sentence, first, again)


@record
class PriorYear:
    """ "比 2019 年…", "与 2023 年度相比": the year a figure is compared with, and
    the year the sentence speaks of (the first it names before, if any)."""

    sentence: Sentence
    year: Token
    own: Token | None


_PRIOR_YEAR = lazy_pattern(rf"(?:(?<![相对])比|较|与)(?P<year>{YEAR})年")


def _prior_years(sentence: Sentence) -> Iterable[PriorYear]:
    for found in _PRIOR_YEAR.finditer(sentence.marked):
        if found["year"] is None:
            continue
        own = re.search(YEAR, sentence.marked[: found.start()])
        yield PriorYear(
            sentence, sentence.token_at(found.start("year")), sentence.token_at(own.start()) if own else None
        )


@record
class Statements:
    sentences: tuple[Sentence, ...]
    prior_years: tuple[PriorYear, ...]
    products: tuple[Product, ...]
    restatements: tuple[Restatement, ...]
    changes: tuple[Change, ...]
    completions: tuple[Completion, ...]
    comparisons: tuple[Comparison, ...]
    shares: tuple[Share, ...]
    enumerations: tuple[Enumeration, ...]

    def amounts(self) -> list[Amount]:
        """Every amount stated as a level, with its subject. Read only when asked
        for: only a document with summary tables has anything to tie them to."""
        return [amount for sentence in self.sentences for amount in _amounts(sentence)]


# ---------------------------------------------------------------- changes

_INCREASE = ("增加", "增长", "上升", "提高", "增幅")
_DECREASE = ("减少", "下降", "降低", "减幅", "降幅")
_CHANGE = lazy_pattern(rf"(?P<each>各|分别)?(?P<word>增加|减少|增长|下降|降低|上升)了?(?P<change>{MONEY})")
_RATE = lazy_pattern(
    rf"[，,]?(?:同比)?(?P<word>增长|下降|降低|减少|增加|上升|增幅|减幅|降幅)(?:率|幅度)?(?:为|了|达)?(?P<rate>{PERCENT})"
)
_ANCHOR = lazy_pattern(r"(?<![相对])(?:比|较)(?!例|重|好|为|大|多|少|高|低)|与(?=[^，,；;。]{0,20}?相比)")
_REFERENCE = lazy_pattern(rf"上年|上一年|去年|同期|年初|预算|{YEAR}")


def _depths(marked: str, end: int) -> list[int]:
    """For each position before ``end``, how many brackets that close before
    ``end`` enclose it (a bracket counts as outside itself)."""
    depths = [0] * end
    depth = 0
    for position in range(end - 1, -1, -1):
        character = marked[position]
        if character in "）)":
            depths[position] = depth
            depth += 1
            continue
        if character in "（(":
            depth = max(0, depth - 1)
        depths[position] = depth
    return depths


def _clause_start(marked: str, end: int) -> int:
    """Where the clause that ends at ``end`` begins: after the last "；" outside brackets."""
    depths = _depths(marked, end)
    return next((p + 1 for p in range(end - 1, -1, -1) if marked[p] in "；;" and not depths[p]), 0)


def _outside_brackets(marked: str, positions: list[int], end: int) -> list[int]:
    """The positions not inside a bracket that closes before ``end``: in "购置及运行
    维护费346.67万元（…运行维护费310.67万元…）比上年增加33.44万元" the change is 346.67's."""
    depths = _depths(marked, end)
    return [position for position in positions if not depths[position]]


def _direction(word: str) -> int:
    return 1 if word in _INCREASE else -1


def _changes(sentence: Sentence, previous: Sentence | None) -> Iterable[Change]:
    marked = sentence.marked
    for found in _CHANGE.finditer(marked):
        change = sentence.token_at(found.start("change"))
        direction = _direction(found["word"])
        rate_found = _RATE.match(marked, found.end())
        rate = sentence.token_at(rate_found.start("rate")) if rate_found else None
        rate_direction = _direction(rate_found["word"]) if rate_found else None
        clause_start = _clause_start(marked, found.start())
        anchors = list(_ANCHOR.finditer(marked, clause_start, found.start()))
        if not anchors:
            continue
        anchor = anchors[-1]
        reference = marked[anchor.end() : found.start()]
        if not _REFERENCE.search(reference):
            continue
        kwargs = dict(
            sentence=sentence,
            change=change,
            direction=direction,
            rate=rate,
            rate_direction=rate_direction,
            reference=sentence.words(anchor.end(), found.start()),
        )
        if found["each"] == "分别":
            yield Change(current=None, prior=None, reason="一句话同时说几个数的变化（分别…）", **kwargs)
            continue
        amounts = _money(sentence, anchor.end(), found.start())
        prior = None
        if amounts:
            if len(amounts) > 1 or amounts[0] != found.start() - 1:
                yield Change(current=None, prior=None, reason="比较对象中有几个金额", **kwargs)
                continue
            prior = sentence.token_at(amounts[0])
        before = _outside_brackets(marked, _levels(sentence, clause_start, anchor.start()), anchor.start())
        current = sentence.token_at(before[-1]) if before else None
        if current is not None and prior is None:
            # "2020年…22.13万元，2019年…22.95万元，比2019年减少…": the nearest amount is the prior's
            named = _years(sentence, anchor.end(), found.start())
            if named & _years(sentence, before[-1] - len(_subject(sentence, before[-1])), before[-1]):
                prior = current
                current = sentence.token_at(before[-2]) if len(before) > 1 else None
        if current is None and not before and previous is not None and marked[: anchor.start()].strip("，,") == "":
            money = previous.money
            if money:
                current = previous.token_at(money[-1])
        if current is None:
            yield Change(current=None, prior=prior, reason="找不到变化所指的本年金额", **kwargs)
            continue
        if direction > 0 and prior is None and change.in_wan > current.in_wan:
            yield Change(current=current, prior=prior, reason="增加额大于所指金额：所指的不是本年数", **kwargs)
            continue
        yield Change(current=current, prior=prior, **kwargs)


def _years(sentence: Sentence, start: int, end: int) -> set[int]:
    """The years ``marked[start:end]`` names."""
    return {
        int(sentence.token_at(found.start()).figure.value)
        for found in _YEAR_MARKER.finditer(sentence.marked, start, end)
    }


# ---------------------------------------------------------------- completions

_COMPLETION = lazy_pattern(
    rf"完成了?(?P<which>年初|全年|调整后的?)?(?:预算|预算数|计划)?数?的?(?P<rate>{PERCENT})"
    rf"|(?P<which2>年初|全年)?预算执行率(?:为|达|是)?(?P<rate2>{PERCENT})"
)
_BUDGET = lazy_pattern(r"(?P<which>年初|全年|调整后的?|调整)?(?:支出)?预算(?:数|金额|资金)?(?:合计|总额)?(?:为|是)?$")
_ACTUAL = lazy_pattern(r"(?:支出)?(?:决算|执行|实际支出|实际执行)(?:数|资金|金额)?(?:合计|总额)?(?:为|是)?$")


def _labelled(sentence: Sentence, start: int, end: int) -> tuple[list, list]:
    budgets, actuals = [], []
    for position in _money(sentence, start, end):
        subject = subject_key(_subject(sentence, position))
        if _ACTUAL.search(subject):
            actuals.append(position)
        elif (found := _BUDGET.search(subject)) and "增资" not in subject:
            budgets.append((position, (found["which"] or "").rstrip("的")))
    return budgets, actuals


def _completions(sentence: Sentence) -> Iterable[Completion]:
    marked = sentence.marked
    start = 0
    for found in _COMPLETION.finditer(marked):
        rate = sentence.token_at(found.start("rate") if found["rate"] else found.start("rate2"))
        which = (found["which"] or found["which2"] or "").rstrip("的")
        budgets, actuals = _labelled(sentence, start, found.start())
        start = found.end()
        if len(budgets) != 1 or len(actuals) != 1:
            reason = "句中没有预算数或决算数" if not budgets or not actuals else "句中有几个预算数或决算数"
            yield Completion(sentence, None, None, rate, which, reason)
            continue
        (position, named), actual = budgets[0], actuals[0]
        if which and named and which != named:
            yield Completion(sentence, None, None, rate, which, f"完成率说的是{which}预算，句中的是{named}预算")
            continue
        yield Completion(sentence, sentence.token_at(position), sentence.token_at(actual), rate, which or named)
    if start == 0 and "预算" in marked and ("决算" in marked or "执行" in marked or "实际" in marked):
        budgets, actuals = _labelled(sentence, 0, len(marked))
        if len(budgets) == 1 and len(actuals) == 1:
            position, named = budgets[0]
            yield Completion(sentence, sentence.token_at(position), sentence.token_at(actuals[0]), None, named)


_COMPARISON = lazy_pattern(
    r"决算数?(?P<word>大于|小于|等于|高于|低于|超过|少于|多于)(?:年初|全年|调整后的?)?预算数?"
    r"|决算数?与(?:年初|全年|调整后的?)?预算数?(?P<word2>持平|相等|一致)"
)


def _comparisons(sentence: Sentence, completion: Completion | None) -> Iterable[Comparison]:
    for found in _COMPARISON.finditer(sentence.marked):
        word = found["word"] or found["word2"]
        rest = sentence.marked[found.end() : found.end() + 3]
        if rest.startswith(("（或", "(或", "或")):
            yield Comparison(sentence, word, found.start(), found.end(), None, "模板中的两说并存（……或……）")
        elif completion is None or completion.budget is None:
            yield Comparison(sentence, word, found.start(), found.end(), None, "同一段中没有预算数和决算数")
        else:
            yield Comparison(sentence, word, found.start(), found.end(), completion)


# ---------------------------------------------------------------- shares

_SHARE = lazy_pattern(
    rf"(?P<part>{MONEY})[，,]?占(?P<base>[^，,；;。{AMOUNT[1:-1]}]{{0,24}}?)(?:的)?(?:比重|比例)?(?:为|是|达)?(?P<rate>{PERCENT})"
)
_BASE_DROP = lazy_pattern(r"的$|比重$|比例$")


def _head(sentence: Sentence, position: int, previous: Sentence | None) -> tuple[Sentence, int] | None:
    """The amount an enumeration before ``position`` is a list of: the last amount
    before the last "其中"/"主要用于…：" that precedes ``position``, or, for a
    sentence that opens with "其中：", the last amount of the sentence before."""
    starts = [m for m in _LIST_START.finditer(sentence.marked, 0, position)]
    if not starts:
        return None
    before = _levels(sentence, 0, starts[-1].start())
    if before:
        # "包括：A、B；支出包括：C，占 x%": an amount the "；" closes is not C's whole
        between = sentence.marked[before[-1] : starts[-1].start()]
        return None if "；" in between or ";" in between else (sentence, before[-1])
    if previous is not None and not sentence.marked[: starts[-1].start()].strip("-"):
        money = _levels(previous, 0, len(previous.marked))
        if money:
            return previous, money[-1]
    return None


_ITEM = lazy_pattern(rf"-?(?:{OTHER}[.、]|[（(][一二三四五六七八九十{OTHER[1:-1]}]+[)）]|[一二三四五六七八九十]+、)")


def _compatible(base: str, whole: str) -> bool:
    return bool(base) and (base in whole or whole in base)


class _Subjects:
    """Amounts stated so far under each subject, to find the whole a share names.

    The subjects of a sentence are worked out only when a share names a whole
    not in its own sentence, which few do."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences  # the sentences read so far, the one being read last
        self.read = 0
        self.seen: list[tuple[str, Sentence, int]] = []
        # per whole asked for: how far ``seen`` was searched, the last amount found, their values
        self.found: dict[str, tuple[int, tuple[Sentence, int] | None, set]] = {}

    def find(self, base: str) -> tuple[Sentence, int] | None | str:
        if len(base) < 2:
            return None
        earlier = len(self.sentences) - 1  # the last is the sentence the share is in
        for sentence in self.sentences[self.read : earlier]:
            for position in _levels(sentence, 0, len(sentence.marked)):
                self.seen.append((subject_key(_subject(sentence, position)), sentence, position))
        self.read = max(self.read, earlier)
        # Only what was read since this whole was last asked for is searched (a long
        # document asks for the same wholes again and again).
        searched, last, values = self.found.get(base, (0, None, set()))
        for subject, sentence, position in self.seen[searched:]:
            if subject and subject.endswith(base):
                last = (sentence, position)
                values.add(sentence.token_at(position).in_wan)
        self.found[base] = (len(self.seen), last, values)
        if len(values) > 1:
            return "ambiguous"
        return last


def _shares(sentence: Sentence, subjects: _Subjects, previous: Sentence | None, items: list) -> Iterable[Share]:
    """``items`` holds the whole of a numbered list whose items may be printed as
    paragraphs of their own ("主要用于以下方面：" then "2. 卫生健康支出 … 占 97.7%")."""
    for found in _SHARE.finditer(sentence.marked):
        part = sentence.token_at(found.start("part"))
        rate = sentence.token_at(found.start("rate"))
        base = _BASE_DROP.sub("", subject_key(found["base"]))
        head = _head(sentence, found.start("part"), previous)
        if head is None and not base and items and _ITEM.match(sentence.marked):
            head = items[0]
        if head is not None:
            head_sentence, position = head
            if not base or _compatible(base, subject_key(_subject(head_sentence, position))):
                if not base:
                    items[:] = [head]
                yield Share(sentence, part, rate, found["base"], head_sentence.token_at(position), head_sentence)
                continue
        if not base:
            yield Share(sentence, part, rate, found["base"], None, None, "没有说占什么的比例，句中也没有总数")
            continue
        whole = subjects.find(base)
        if whole == "ambiguous":
            yield Share(sentence, part, rate, found["base"], None, None, f"前文中「{base}」有几个不同的金额")
        elif whole is None:
            yield Share(sentence, part, rate, found["base"], None, None, f"前文中找不到「{base}」的金额")
        else:
            whole_sentence, position = whole
            yield Share(sentence, part, rate, found["base"], whole_sentence.token_at(position), whole_sentence)


# ---------------------------------------------------------------- enumerations

#: Wholes whose parts the classification fixes, with a pattern for each part.
_PARTITIONS: tuple[tuple[str, re.Pattern, tuple[re.Pattern, ...]], ...] = (
    ("基本支出", lazy_pattern(r"基本支出$"), (lazy_pattern(r"人员经费$"), lazy_pattern(r"公用经费$"))),
    (
        "政府采购",
        lazy_pattern(r"政府采购(?:支出|预算)?(?:总额|合计|总计)?$"),
        (lazy_pattern(r"货物"), lazy_pattern(r"工程"), lazy_pattern(r"服务")),
    ),
    (
        "三公经费",
        lazy_pattern(r"三公经费(?:财政拨款)?(?:支出|预算|决算)*(?:数)?(?:合计)?$"),
        (lazy_pattern(r"因公出国"), lazy_pattern(r"公务用车购置及运行"), lazy_pattern(r"公务接待")),
    ),
    (
        "公务用车购置及运行费",
        lazy_pattern(r"公务用车购置及运行(?:维护)?费$"),
        (lazy_pattern(r"购置费$"), lazy_pattern(r"运行(?:维护)?费$")),
    ),
)


def _enumerations(sentence: Sentence, previous: Sentence | None) -> Iterable[Enumeration]:
    """A whole before "其中" (in this sentence, or the last of the sentence before
    one that opens with "其中"), and the parts after it outside brackets (a part's
    own breakdown in brackets is not one of the whole's parts)."""
    marked = sentence.marked
    starts = list(_LIST_START.finditer(marked))
    for index, start in enumerate(starts):
        head = _head(sentence, start.end(), previous)
        if head is None:
            continue
        head_sentence, head_position = head
        whole_subject = subject_key(_subject(head_sentence, head_position))
        end = starts[index + 1].start() if index + 1 < len(starts) else len(marked)
        parts = _outside_brackets(marked, _money(sentence, start.end(), end), end)
        for name, whole_pattern, part_patterns in _PARTITIONS:
            if not whole_pattern.search(whole_subject):
                continue
            matched: list[int | None] = [None] * len(part_patterns)
            for position in parts:
                subject = subject_key(_subject(sentence, position))
                hits = [k for k, pattern in enumerate(part_patterns) if pattern.search(subject)]
                if len(hits) != 1 or matched[hits[0]] is not None:
                    break
                matched[hits[0]] = position
            else:
                if all(position is not None for position in matched):
                    parts_tokens = tuple(sentence.token_at(p) for p in matched)
                    yield Enumeration(sentence, head_sentence.token_at(head_position), parts_tokens, name)
            break


# ---------------------------------------------------------------- amounts

_ELSEWHEN = lazy_pattern(r"上年|上一年|去年|同期|年初|以前年度|下年")


def _amounts(sentence: Sentence) -> Iterable[Amount]:
    for position in _levels(sentence, 0, len(sentence.marked)):
        words = _subject(sentence, position)
        if _ELSEWHEN.search(words) or "比" in words or "较" in words:
            continue
        years = tuple(sorted(_years(sentence, position - len(words), position)))
        yield Amount(sentence, sentence.token_at(position), subject_key(words), years)


# ---------------------------------------------------------------- all


def extract(sentences: Iterable[Sentence]) -> Statements:
    """Every statement of the sentences, in order."""
    read: list[Sentence] = []
    prior_years: list[PriorYear] = []
    products: list[Product] = []
    restatements: list[Restatement] = []
    changes: list[Change] = []
    completions: list[Completion] = []
    comparisons: list[Comparison] = []
    shares: list[Share] = []
    enumerations: list[Enumeration] = []
    subjects = _Subjects(read)
    previous: Sentence | None = None
    last_completion: Completion | None = None
    items: list = []
    paragraph = None
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph = sentence.paragraph
            previous = None
            last_completion = None
            if not _ITEM.match(sentence.marked):
                items.clear()
        elif previous is not None and previous.index + 1 != sentence.index:
            previous = None  # a sentence between them stated nothing: the two are not adjacent
        read.append(sentence)
        marked = sentence.marked
        # each reader looks only where the words it needs are printed
        if "比" in marked or "较" in marked or "与" in marked:
            prior_years.extend(_prior_years(sentence))
        if "每" in marked or "/" in marked:
            products.extend(_products(sentence))
        if "（" in marked or "(" in marked:
            restatements.extend(_restatements(sentence))
        if "增" in marked or "减" in marked or "降" in marked or "上升" in marked:
            changes.extend(_changes(sentence, previous))
        found = list(_completions(sentence)) if "完成" in marked or "执行" in marked or "预算" in marked else []
        completions.extend(c for c in found if c.rate is not None)
        tied = [c for c in found if c.budget is not None]
        if tied:
            last_completion = tied[-1]
        if "决算" in marked:
            comparisons.extend(_comparisons(sentence, last_completion))
        if "占" in marked:
            shares.extend(_shares(sentence, subjects, previous, items))
        if _LIST_START.search(marked):
            enumerations.extend(_enumerations(sentence, previous))
        previous = sentence
    return Statements(
        tuple(read),
        tuple(prior_years),
        tuple(products),
        tuple(restatements),
        tuple(changes),
        tuple(completions),
        tuple(comparisons),
        tuple(shares),
        tuple(enumerations),
    )
