"""The rule engine: how rules are declared, found, selected and run.

A rule is a function of a :class:`Context` that yields :class:`Finding`s,
declared with :func:`rule`, which gives it a stable code, a symbolic name, a
default severity and its docstring as documentation. Built-in rules live in
``budgetlint.rules``; other packages add rules through the
``budgetlint.rules`` entry-point group (an entry point names a rule, a list
of rules, or a module holding rules). The engine turns findings into
:class:`~budgetlint.findings.Diagnostic`s with the file's path.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from types import ModuleType

from .collection import fewer_collections
from .findings import Diagnostic, Finding, Message, Related, Severity, say
from .kept import Kept
from .model import Document, Source, Span
from .records import evolve, field, record

__all__ = [
    "Context",
    "Finding",
    "Rule",
    "RuleError",
    "lint_document",
    "load_rules",
    "rule",
    "select_rules",
]

ENTRY_POINT_GROUP = "budgetlint.rules"
_BUILTIN_MODULES = (
    "budgetlint.rules.reading",
    "budgetlint.rules.document",
    "budgetlint.rules.footnotes",
    "budgetlint.rules.hierarchy",
    "budgetlint.rules.copies",
    "budgetlint.rules.narrative",
    "budgetlint.rules.scoring",
)


class RuleError(Exception):
    """Rules that cannot be loaded: a broken plug-in, two rules with one code."""


class Context:
    """What a rule sees: the document, the options, and analyses shared by
    several rules (computed once, when first asked for)."""

    def __init__(
        self,
        document: Document,
        slack: Decimal = Decimal(0),
        rules: Sequence["Rule"] = (),
        scoring: str | None = None,
        earlier: dict | None = None,
    ) -> None:
        self.document = document
        self.slack = slack
        self.rules = rules
        #: The scoring profile configured for the 绩效 sheets (None: inferred from them).
        self.scoring = scoring
        self._shared: dict = {}
        #: What the last lint of the same file worked out (see lint_document).
        self._earlier = earlier

    def remembered(self, name: str) -> Kept:
        """What the last lint of the same file kept for the analysis ``name`` (see
        :mod:`budgetlint.kept`); nothing outside the language server."""
        return Kept(None if self._earlier is None else self._earlier.setdefault(name, {}))

    def shared(self, analysis: Callable[["Context"], object]):
        """``analysis(self)``, worked out once however many rules ask for it: the way a
        family shares an analysis of its own without the engine knowing of it."""
        if analysis not in self._shared:
            self._shared[analysis] = analysis(self)
        return self._shared[analysis]

    @functools.cached_property
    def footnotes(self):
        """The document's footnote formulas compiled against their tables."""
        from .footnote_checks import compile_footnotes

        return compile_footnotes(self.document, self.remembered("footnotes"))

    @functools.cached_property
    def footnote_relations(self) -> frozenset:
        """What the footnotes state, so that a rule pack does not state it again."""
        return frozenset(check.relation for check in self.footnotes.checks)

    @functools.cached_property
    def statements(self):
        """What the running text states about figures (see :mod:`budgetlint.narrative`):
        those of the last lint of the same file when its paragraphs are the same."""
        from .narrative import statements_of

        kept = self.remembered("statements")
        found = kept.get(self.document.paragraphs, lambda: statements_of(self.document))
        kept.keep()
        return found

    @functools.cached_property
    def ties(self):
        """The amounts of the text tied to the table cells they speak of."""
        from .narrative.ties import tie

        return tie(self.document, self.statements)

    @functools.cached_property
    def equalities(self):
        """The cells the running pack rules say hold one quantity, grouped."""
        from .packs import Equalities

        return Equalities(self.document, [r.source for r in self.rules if r.source is not None])


@record
class Rule:
    code: str
    symbol: str
    severity: str
    check: Callable[[Context], Iterable[Finding]] = field(eq=False, repr=False)
    doc: str = field(default="", eq=False, repr=False)
    source: object = field(default=None, eq=False, repr=False)  # the pack rule, for pack rules

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    def matches(self, selector: str) -> bool:
        """Selected by a code prefix ("BL1", "BL103") or by its symbol."""
        from .config import matches

        return matches(self.code, self.symbol, selector)


def _cleandoc(doc: str) -> str:
    """A docstring without its indentation and its blank first and last lines, as
    ``inspect.cleandoc`` gives it: inspect takes 8 ms to import."""
    first, *rest = doc.expandtabs().split("\n")
    margin = min((len(line) - len(line.lstrip()) for line in rest if line.strip()), default=0)
    lines = [first.lstrip(), *(line[margin:] for line in rest)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def rule(code: str, symbol: str, severity: str = Severity.ERROR) -> Callable[[Callable], Rule]:
    """Declare a rule; the decorated function's docstring is its documentation."""

    def declare(check: Callable[[Context], Iterable[Finding]]) -> Rule:
        return Rule(code, symbol, severity, check, _cleandoc(check.__doc__ or ""))

    return declare


def _rules_in(found: object, origin: str) -> list[Rule]:
    if isinstance(found, Rule):
        return [found]
    if isinstance(found, ModuleType):
        return [value for value in vars(found).values() if isinstance(value, Rule)]
    if isinstance(found, Iterable) and not isinstance(found, (str, bytes)):
        rules = list(found)
        if all(isinstance(item, Rule) for item in rules):
            return rules
    raise RuleError(f"{origin} 不是规则、规则列表或含有规则的模块")


def _pack_rule(item) -> Rule:
    doc = "\n\n".join(
        filter(None, [item.message, item.doc, f"规则包 {item.path} 第 {item.line} 行：\n\n    {item.text}"])
    )
    return Rule(item.code, item.symbol, item.severity, functools.partial(_run_pack_rule, item), doc, item)


def _run_pack_rule(item, context: Context):
    from .packs import run_pack_rule

    return run_pack_rule(item, context)


def _packs(packs: Sequence[str]) -> list[tuple[str, list[Rule]]]:
    from .packs import PackError, builtin_packs, builtin_rules, load_pack

    try:
        found = [(f"规则包 {name}", builtin_rules(name, text)) for name, text in builtin_packs()]
        found += [(f"规则包 {path}", load_pack(path)) for path in packs]
    except PackError as error:
        raise RuleError(str(error)) from None
    return [(origin, [_pack_rule(item) for item in items]) for origin, items in found]


def plugin_entry_points() -> Iterable:
    """The entry points of group ``budgetlint.rules`` of the installed distributions.

    Loading importlib.metadata and scanning every distribution costs some 20 ms of
    each start, so the distributions' entry_points.txt files are first read here
    (a few files of a few lines); importlib.metadata is asked only when one of them
    names the group.
    """
    marker = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:  # a zip file, or a folder gone
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder or ".", name, "entry_points.txt"), encoding="utf-8") as handle:
                    if marker not in handle.read():
                        continue
            except (OSError, UnicodeDecodeError):
                continue
            from importlib import metadata

            return metadata.entry_points(group=ENTRY_POINT_GROUP)
    return ()


@functools.cache
def load_rules(packs: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Every rule: the built-in ones, the built-in rule packs, those of installed
    plug-ins, then the rule packs named in ``packs``; sorted by code."""
    rules: dict[str, Rule] = {}
    sources: list[tuple[str, object]] = [(name, importlib.import_module(name)) for name in _BUILTIN_MODULES]
    for entry in plugin_entry_points():
        try:
            sources.append((f"插件 {entry.name}（{entry.value}）", entry.load()))
        except Exception as error:  # a broken plug-in must not read as our crash
            raise RuleError(f"无法加载插件 {entry.name}（{entry.value}）：{error}") from error
    sources += _packs(packs)
    for origin, found in sources:
        for item in _rules_in(found, origin):
            if item.code in rules and rules[item.code] is not item:
                raise RuleError(f"规则代码 {item.code} 重复：{origin} 中的 {item.symbol} 与 {rules[item.code].symbol}")
            rules[item.code] = item
    return tuple(sorted(rules.values(), key=lambda r: r.code))


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """The rules chosen by ``select`` (all when empty) and not by ``ignore``."""
    chosen = [r for r in rules if not select or any(r.matches(s) for s in select)]
    return [r for r in chosen if not any(r.matches(s) for s in ignore)]


def _diagnostic(source: Source, rule: Rule, finding: Finding, language: str = "zh") -> Diagnostic:
    path, page = source.path, source.page_of
    related = tuple(
        Related(path, where.line, where.column, note, page(where.line), where.end_line, where.end_column)
        for where, note in finding.related
    )
    message = finding.message
    text = message.render(language) if isinstance(message, Message) else str(message)
    diagnostic = Diagnostic.at(
        path, finding.span, rule.code, rule.symbol, rule.severity, text, related, page(finding.span.line)
    )
    if isinstance(message, Message):
        arguments = tuple((name, str(value)) for name, value in message.arguments.items())
        diagnostic = evolve(diagnostic, arguments=arguments)
    return diagnostic


def lint_document(
    document: Document,
    rules: Sequence[Rule] | None = None,
    slack: Decimal = Decimal(0),
    scoring: str | None = None,
    language: str = "zh",
    earlier: dict | None = None,
) -> list[Diagnostic]:
    """Run ``rules`` (all by default) over ``document``; diagnostics in file order, their
    messages in ``language`` ("zh"; "en" where a rule gives an English template).
    ``earlier`` (a dict, empty at first) keeps what this lint works out of the running
    text and of each table (footnote formulas, 绩效 sheets), for the next lint of the
    same file: the language server keeps one per open document, so that an edit
    works out again only what it touched.
    Raises ValueError for a ``scoring`` profile or a language that does not exist."""
    from .config import LANGUAGES, PROFILE_NAMES

    if scoring is not None and scoring not in PROFILE_NAMES:
        raise ValueError(f"未知的评分办法 {scoring!r}（可用：{'、'.join(PROFILE_NAMES)}）")
    if language not in LANGUAGES:
        raise ValueError(f"未知的语言 {language!r}（可用：{'、'.join(LANGUAGES)}）")
    rules = load_rules() if rules is None else rules
    with fewer_collections():
        return _lint(document, rules, Context(document, slack, rules, scoring, earlier), language)


def _lint(document: Document, rules: Sequence[Rule], context: Context, language: str) -> list[Diagnostic]:
    diagnostics = []
    for item in rules:
        try:
            found = list(item.check(context))
        except Exception as error:  # one faulty rule must not hide every other finding
            failed = say(
                "规则 {code} 运行出错，未能完成检查：{error}",
                "rule {code} failed and checked nothing: {error}",
                code=item.code,
                error=repr(error),
            )
            found = [Finding(Span(1, 1, 1, 1), failed)]
        diagnostics.extend(_diagnostic(document.source, item, finding, language) for finding in found)
    return sorted(diagnostics, key=lambda d: (d.line, d.column, d.code))
