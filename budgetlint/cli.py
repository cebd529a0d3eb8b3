"""The command line.

    budgetlint FILE...            lint files and directories (same as `budgetlint check`)
    budgetlint tables FILE        show the tables read from a file
    budgetlint text FILE          print the text as budgetlint read it (a PDF's, with page marks)
    budgetlint rules              list the rules
    budgetlint rule CODE          print a rule's documentation
    budgetlint server             a language server (LSP over stdio) for editors

Exit status: 0 nothing found, 1 something found, 2 a usage or input error.
Bad input is a message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import sys
from decimal import Decimal, InvalidOperation

from . import __version__
from .config import LANGUAGES, PROFILE_NAMES, configured, file_matches, selection
from .reading import NotText, read_path

__all__ = ["main"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:  # pathlib is imported where a directory, a baseline or a configuration needs it
    from pathlib import Path

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_INPUT_ERROR = 2
_COMMANDS = ("check", "tables", "text", "rules", "rule", "server")


def _error(message: str) -> None:
    print(f"budgetlint: 错误：{message}", file=sys.stderr)


def _read(path: str, read=read_path):
    """``read(path)`` (by default the document at ``path``), or None after saying
    why the file cannot be read."""
    found, problem = _load(path, read)
    if problem:
        _error(problem)
    return found


def _load(path: str, read=read_path):
    """(``read(path)``, None), or (None, why the file cannot be read)."""
    try:
        return read(path), None
    except NotText as error:
        return None, f"{path}：{error}"
    except IsADirectoryError:
        return None, f"{path}：是目录，请给出一个文件"
    except OSError as error:
        return None, f"{path}：无法读取（{error.strerror or error}）"


def _files(paths: list[str], config) -> tuple[list[str], bool]:
    """The files named, and those found under the directories named that match an
    include glob (by name, in any case) and no exclude glob (by path relative to the
    configuration's folder), skipping hidden folders (.git, .venv); and whether any
    name was missing or a directory held nothing to check."""
    files: list[str] = []
    failed = False
    for name in paths:
        if name == "-":
            files.append(name)
        elif os.path.isdir(name):
            found, unreadable = _walk(name, config)
            for problem in unreadable:
                _error(problem)
            if not found and not unreadable:
                _error(f"{name}：目录中没有可检查的文件（{'、'.join(config.include)}）")
            failed = failed or not found or bool(unreadable)
            files.extend(map(str, found))
        elif os.path.exists(name):
            files.append(name)
        else:
            _error(f"{name}：文件不存在")
            failed = True
    return files, failed


def _walk(directory: str, config) -> tuple[list[Path], list[str]]:
    """The files under ``directory`` to check, in order, and why the folders that
    cannot be listed and the links that lead nowhere were not read (skipping them
    silently would pass a document unchecked)."""
    from pathlib import Path

    folder = Path(directory)
    found: list[Path] = []
    unreadable: list[str] = []

    def refused(error: OSError) -> None:
        unreadable.append(f"{error.filename}：无法读取目录（{error.strerror or error}）")

    for root, folders, names in os.walk(folder, onerror=refused, followlinks=True):
        if _loops(Path(root), folder):
            folders[:] = []  # a link back up the tree: its files are listed already
            continue
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in names:
            path = Path(root, name)
            if not _wanted(path, folder, config):
                continue
            if path.is_file():
                found.append(path)
            elif path.is_symlink() and not path.exists():
                unreadable.append(f"{path}：无法读取（链接指向的文件不存在）")
    return sorted(found), unreadable


def _loops(path: Path, top: Path) -> bool:
    """Is ``path`` (below ``top``) one of its own ancestors, reached again through a link?"""
    real = os.path.realpath(path)
    return any(os.path.realpath(parent) == real for parent in path.parents if parent.is_relative_to(top))


def _wanted(found: Path, folder: Path, config) -> bool:
    from fnmatch import fnmatch

    if any(part.startswith(".") for part in found.relative_to(folder).parts[:-1]):
        return False
    if not any(fnmatch(found.name.lower(), glob.lower()) for glob in config.include):
        return False
    return not any(file_matches(config, str(found), glob) for glob in config.exclude)


def _selectors(values: list[str] | None) -> list[str]:
    return [item.strip() for value in values or () for item in value.split(",") if item.strip()]


def _config(args: argparse.Namespace):
    """The configuration in force, or None after saying why it cannot be used."""
    from .config import Config, ConfigError, find_config, load_config

    try:
        path = args.config or find_config(os.getcwd())
        return load_config(path) if path else Config()
    except ConfigError as error:
        _error(str(error))
        return None


def _check(args: argparse.Namespace) -> int:
    from .engine import select_rules

    config = _config(args)
    if config is None:
        return EXIT_INPUT_ERROR
    every = _load_rules(list(config.rules) + (args.rules or []))
    if every is None:
        return EXIT_INPUT_ERROR
    select, ignore = selection(config, _selectors(args.select), _selectors(args.ignore))
    slack = config.slack if args.slack is None else args.slack
    scoring = args.scoring or config.scoring
    named = (
        select + ignore + [c for _, codes in config.per_file_ignores for c in codes] + [c for c, _ in config.severity]
    )
    unknown = [s for s in named if not any(r.matches(s) for r in every)]
    if unknown:
        _error(f"没有与 {'、'.join(unknown)} 对应的规则；用 `budgetlint rules` 列出全部规则")
        return EXIT_INPUT_ERROR
    rules = select_rules(every, select, ignore)
    if args.paths.count("-") > 1:
        _error("标准输入（-）只能给一次")
        return EXIT_INPUT_ERROR
    if args.stdin_filename and "-" not in args.paths:
        _error("--stdin-filename 只在从标准输入（-）读入时有用")
        return EXIT_INPUT_ERROR
    files, failed = _files(args.paths, config)
    if not files and not failed:
        _error("没有可检查的文件")
        return EXIT_INPUT_ERROR
    diagnostics = []
    documents: dict = {}  # the documents linted, by name, for the outputs that show their text
    keep = (args.format or ("full" if sys.stdout.isatty() and not args.output else "text")) in ("full", "html")
    language = args.lang or config.language
    setup = (tuple(list(config.rules) + (args.rules or [])), tuple(select), tuple(ignore), slack, scoring, language)
    for name, (found, problem, document) in zip(files, _lint_all(files, args, setup, rules, keep), strict=True):
        if found is None:
            if problem:
                _error(problem)
            failed = True
            continue
        if document is not None:
            documents[document.source.path] = document
        diagnostics.extend(configured(found, name if name != "-" else args.stdin_filename or "-", config))
    if args.write_baseline:
        return _write_baseline(_path(args.write_baseline), diagnostics, failed)
    if args.baseline:
        diagnostics = _without_baseline(_path(args.baseline), diagnostics)
        if diagnostics is None:
            return EXIT_INPUT_ERROR
    status = EXIT_INPUT_ERROR if failed else EXIT_FOUND if diagnostics and not args.exit_zero else EXIT_OK
    args.status = status  # what a broken pipe while reporting still returns
    if not _report(args, diagnostics, rules, documents):
        return EXIT_INPUT_ERROR
    return status


def _path(name: str) -> Path:
    from pathlib import Path

    return Path(name)


def _baseline_key(baseline: Path, diagnostic) -> tuple[str, str]:
    """A finding as a baseline knows it: its file relative to the baseline's folder
    (so that it is found from any working directory) and its fingerprint."""
    path = _path(diagnostic.path)
    if path.exists():
        path = _path(os.path.relpath(path.resolve(), baseline.resolve().parent))
    return path.as_posix(), diagnostic.fingerprint


def _write_baseline(baseline: Path, diagnostics: list, failed: bool) -> int:
    """Record the findings as accepted: later runs with --baseline report only new ones."""
    import json

    entries = sorted(
        {"path": key[0], "code": d.code, "fingerprint": key[1], "message": d.message}.items()
        for d in diagnostics
        for key in [_baseline_key(baseline, d)]
    )
    record = {"budgetlint": __version__, "findings": [dict(entry) for entry in entries]}
    try:
        baseline.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        _error(f"{baseline}：无法写入（{error.strerror or error}）")
        return EXIT_INPUT_ERROR
    print(f"已把 {len(diagnostics)} 处发现记入基线 {baseline}", file=sys.stderr)
    return EXIT_INPUT_ERROR if failed else EXIT_OK


def _without_baseline(baseline: Path, diagnostics: list) -> list | None:
    """The findings a baseline does not hold (each recorded finding excuses one), or
    None after saying why the baseline cannot be used."""
    import json
    from collections import Counter

    try:
        record = json.loads(baseline.read_text(encoding="utf-8"))
        known = Counter((entry["path"], entry["fingerprint"]) for entry in record["findings"])
    except OSError as error:
        _error(f"{baseline}：无法读取基线（{error.strerror or error}）")
        return None
    except (ValueError, KeyError, TypeError):
        _error(f"{baseline}：不是 budgetlint 的基线文件（用 --write-baseline 生成）")
        return None
    new = []
    for diagnostic in diagnostics:
        key = _baseline_key(baseline, diagnostic)
        if known[key] > 0:
            known[key] -= 1
        else:
            new.append(diagnostic)
    return new


def _lint_all(files: list[str], args: argparse.Namespace, setup: tuple, rules: list, keep: bool):
    """(diagnostics, None, document) or (None, why not, None) for each file, in the order
    of ``files``: in this process, or with ``--jobs N`` in N worker processes (the same
    output; the documents are then read again here only if ``keep`` asks for them)."""
    from .engine import lint_document

    jobs = args.jobs if args.jobs else os.cpu_count() or 1
    if jobs == 1 or len(files) < 2 or "-" in files:
        for name in files:
            if name == "-":
                document, problem = _stdin(args.stdin_filename), None
            else:
                document, problem = _load(name)
            if document is None:
                yield None, problem, None
            else:
                yield lint_document(document, rules, *setup[3:]), None, document if keep else None
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_worker_setup, initargs=setup) as pool:
        chunks = max(1, len(files) // (jobs * 4))
        for name, (found, problem) in zip(files, pool.map(_worker_lint, files, chunksize=chunks), strict=True):
            yield found, problem, (_load(name)[0] if keep and found is not None else None)


_WORKER: dict = {}


def _worker_setup(packs: tuple, select: tuple, ignore: tuple, slack, scoring, language) -> None:
    """A worker process loads the rules once."""
    from .engine import load_rules, select_rules

    rules = select_rules(load_rules(packs), select, ignore)
    _WORKER.update(rules=rules, slack=slack, scoring=scoring, language=language)


def _worker_lint(name: str):
    from .engine import lint_document

    document, problem = _load(name)
    if document is None:
        return None, problem
    return lint_document(document, _WORKER["rules"], _WORKER["slack"], _WORKER["scoring"], _WORKER["language"]), None


def _stdin(name: str | None):
    """The document given on standard input, named ``name`` in the findings."""
    from .reading import read_bytes_document
    from .reading.source import read_limited

    try:
        return read_bytes_document(read_limited(sys.stdin.buffer), name or "<stdin>")
    except NotText as error:
        _error(f"{name or '<stdin>'}：{error}")
        return None


def _report(args: argparse.Namespace, diagnostics: list, rules: list, documents: dict) -> bool:
    """Write the findings as ``args`` asks, to ``--output`` or standard output; False
    after saying why the output file cannot be written. Without --format: `full` on a
    terminal, `text` otherwise. ``--quiet`` leaves only the count (text and full);
    ``--statistics`` adds the count per rule after them, or on standard error beside a
    machine-readable format. json, sarif, lsp and html are always UTF-8."""
    if args.format is None:
        args.format = "full" if sys.stdout.isatty() and not args.output else "text"
    machine = args.format in ("json", "sarif", "lsp", "html")
    try:
        target = open(args.output, "w", encoding="utf-8") if args.output else None
    except OSError as error:
        _error(f"{args.output}：无法写入（{error.strerror or error}）")
        return False
    if target is None:
        target = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", write_through=True) if machine else sys.stdout
    try:
        lines: list[str] = []
        if args.format == "json":
            import json  # here, not at the top: the common `text` output does without it

            lines.append(json.dumps([_as_json(d) for d in diagnostics], ensure_ascii=False, indent=2))
        elif args.format == "full" and not args.quiet:
            from .full import render_full

            summaries = {rule.code: rule.summary for rule in rules}
            render_full(diagnostics, lambda path: _lines(documents, path), summaries, target)
        elif args.format == "html":
            from .report import html_report

            by_path: dict = {}
            for d in diagnostics:
                by_path.setdefault(d.path, []).append(d)
            lines.append(html_report(list(documents.values()), by_path, rules, __version__))
        elif args.format == "lsp":
            import json

            lines.append(json.dumps(_lsp(diagnostics), ensure_ascii=False, indent=2))
        elif args.format == "sarif":
            import json

            from .sarif import to_sarif

            log = to_sarif(diagnostics, rules, __version__, _documentation())
            lines.append(json.dumps(log, ensure_ascii=False, indent=2))
        elif args.format == "github":
            lines += [_github(d) for d in diagnostics]
        elif not args.quiet:
            lines += [d.format() for d in diagnostics]
        if not machine and (args.statistics or args.quiet and args.format != "github"):
            lines += _statistics(diagnostics, args.statistics)
        elif args.statistics:  # beside a machine-readable output, not inside it
            print("\n".join(_statistics(diagnostics, True)), file=sys.stderr)
        target.write("".join(line + "\n" for line in lines))
        target.flush()
    finally:
        if args.output:
            target.close()
        elif target is not sys.stdout:
            target.detach()  # standard output stays open for whoever writes next
    return True


def _lines(documents: dict, path: str) -> tuple[str, ...]:
    """A linted file's lines as budgetlint read them (a PDF's, from its text)."""
    document = documents.get(path)
    return document.source.lines if document is not None else ()


def _lsp(diagnostics: list) -> dict:
    """Each file's URI and its findings as LSP Diagnostics (lines and characters from 0)."""
    from .lsp import file_uri, lsp_diagnostic

    by_file: dict = {}
    uris: dict = {}
    documentation = _documentation()
    for d in diagnostics:
        if d.path not in uris:
            uris[d.path] = file_uri(d.path)
        by_file.setdefault(uris[d.path], []).append(lsp_diagnostic(d, documentation, uris))
    return by_file


def _documentation() -> str | None:
    """The address of the rule reference: the package metadata's Project-URL
    Documentation if it gives one, else the reference installed with the rules (a
    file: URI, opened by editors and SARIF viewers; "#bl110" finds a rule in it)."""
    from .lsp import documentation_uri

    return documentation_uri()


def _statistics(diagnostics: list, per_rule: bool) -> list[str]:
    from collections import Counter

    counts = Counter((d.code, d.symbol) for d in diagnostics)
    lines = [f"{count:>5}  {code}  {symbol}" for (code, symbol), count in sorted(counts.items())] if per_rule else []
    files = len({d.path for d in diagnostics})
    return lines + [f"共 {len(diagnostics)} 处发现，涉及 {files} 个文件" if diagnostics else "没有发现"]


def _github(diagnostic) -> str:
    """A GitHub Actions workflow command: ::error file=…,line=…,col=…,title=…::message"""

    def escape(text: str, property: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if property else text

    level = {"error": "error", "warning": "warning"}.get(str(diagnostic.severity), "notice")
    where = (
        f"file={escape(diagnostic.path, True)},line={diagnostic.line},col={diagnostic.column},"
        f"endLine={diagnostic.end_line},endColumn={diagnostic.end_column},"
        f"title={escape(f'{diagnostic.code} {diagnostic.symbol}', True)}"
    )
    return f"::{level} {where}::{escape(diagnostic.message)}"


def _as_json(diagnostic) -> dict:
    return {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "code": diagnostic.code,
        "symbol": diagnostic.symbol,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "arguments": dict(diagnostic.arguments),
        "page": diagnostic.page,
        "related": [
            {
                "path": r.path,
                "line": r.line,
                "column": r.column,
                "end_line": r.end_line,
                "end_column": r.end_column,
                "page": r.page,
                "message": r.message,
            }
            for r in diagnostic.related
        ],
    }


def _tables(args: argparse.Namespace) -> int:
    import json

    document = _read(args.file)
    if document is None:
        return EXIT_INPUT_ERROR
    if args.format == "json":
        from .render import tables_to_json

        json.dump(tables_to_json(document), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from .render import print_tables

        print_tables(document)
    for problem in document.problems:
        print(problem.format(), file=sys.stderr)
    return EXIT_OK


def _source(path: str):
    from .reading.layout import read_source

    with open(path, "rb") as handle:
        return read_source(handle.read(), path)


def _text(args: argparse.Namespace) -> int:
    source = _read(args.file, _source)
    if source is None:
        return EXIT_INPUT_ERROR
    text = source.text
    sys.stdout.write(text if not text or text.endswith("\n") else text + "\n")
    return EXIT_OK


def _load_rules(packs: list[str] | None = None):
    """Every rule (with the rule packs named), or None after saying why they cannot be loaded."""
    from .engine import RuleError, load_rules

    try:
        return load_rules(tuple(packs or ()))
    except RuleError as error:
        _error(str(error))
        return None


def _rules(args: argparse.Namespace) -> int:
    rules = _load_rules(args.rules)
    if rules is None:
        return EXIT_INPUT_ERROR
    if args.format == "markdown":
        sys.stdout.write(rule_reference(rules))
        return EXIT_OK
    width = max(len(r.symbol) for r in rules)
    for item in rules:
        print(f"{item.code}  {item.symbol:<{width}}  {item.severity:<7}  {item.summary}")
    return EXIT_OK


def rule_reference(rules) -> str:
    """The rule reference (rules/reference.md, installed with the rules): every rule's
    code, name, severity and documentation, as its docstring says; a test keeps the
    file in step."""
    lines = [
        "# budgetlint 规则说明",
        "",
        "本文件由 `budgetlint rules --format markdown > rules/reference.md` 从各规则的说明生成，请勿手改。",
        "",
        "| 代码 | 名称 | 级别 | 说明 |",
        "|---|---|---|---|",
    ]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {r.symbol} | {r.severity} | {r.summary} |" for r in rules]
    for item in rules:
        lines += ["", f"## {item.code}", "", f"`{item.symbol}`（默认级别：{item.severity}）", "", item.doc]
    return "\n".join(lines) + "\n"


def _rule(args: argparse.Namespace) -> int:
    rules = _load_rules(args.rules)
    if rules is None:
        return EXIT_INPUT_ERROR
    wanted = args.code
    found = next((r for r in rules if r.code == wanted.upper() or r.symbol == wanted), None)
    if found is None:
        _error(f"没有规则 {wanted}；用 `budgetlint rules` 列出全部规则")
        return EXIT_INPUT_ERROR
    print(f"{found.code} {found.symbol}（默认级别：{found.severity}）\n")
    print(found.doc)
    return EXIT_OK


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是整数：{text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"应为非负整数：{text!r}")
    return value


def _server(args: argparse.Namespace) -> int:
    try:
        from .server import serve
    except ImportError as error:
        _error(f"语言服务器需要 pygls 和 lsprotocol（pip install pygls lsprotocol）：{error}")
        return EXIT_INPUT_ERROR
    serve()
    return EXIT_OK


def _slack(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"不是数字：{text!r}") from None
    if not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"应为非负数：{text!r}")
    return value


#: argparse's own words, in Chinese (argparse looks each up through its module's ``_``).
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有子命令 %(parser_name)r（可选：%(choices)s）",
}


def _speak_chinese() -> None:
    """Help and usage errors wholly in Chinese: argparse's own phrases translated."""
    english = argparse._
    if getattr(english, "budgetlint", False):
        return

    def chinese(message: str) -> str:
        return _ARGPARSE_ZH.get(message) or english(message)

    chinese.budgetlint = True
    argparse._ = chinese


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, given the terminal's width: argparse would look it up
    through shutil, whose import (3 ms) every run paid, help or not."""

    def __init__(self, prog: str) -> None:
        try:  # as shutil.get_terminal_size: COLUMNS, else the terminal's, else 80
            width = int(os.environ.get("COLUMNS", "0"))
        except ValueError:
            width = 0
        if width <= 0:
            try:
                width = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
            except (AttributeError, ValueError, OSError):
                width = 80
        super().__init__(prog, width=width - 2)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        formatter_class=_Formatter,
        prog="budgetlint",
        description="查找部门预算、决算公开文件中自相矛盾之处。不写子命令时等同于 check。",
    )
    parser.add_argument("--version", action="version", version=f"budgetlint {__version__}", help="显示版本号并退出")
    commands = parser.add_subparsers(
        dest="command",
        metavar="COMMAND",
        required=True,
        parser_class=functools.partial(argparse.ArgumentParser, formatter_class=_Formatter),
    )

    check = commands.add_parser("check", help="检查文件和目录（默认）", description="检查公开文件，报告矛盾之处。")
    check.add_argument(
        "paths",
        nargs="+",
        metavar="FILE",
        help="文件（文本或 PDF；- 为标准输入），或其中 .txt、.pdf 文件要检查的目录",
    )
    check.add_argument(
        "--format",
        choices=("full", "text", "json", "github", "sarif", "lsp", "html"),
        default=None,
        help="输出格式：full（在终端上的默认：标出所在行和数字）、text（输出不是终端时的默认，每处一行）、json、"
        "github（GitHub Actions 的注释）、sarif（SARIF 2.1.0）、lsp（各文件的 LSP Diagnostic）、"
        "html（供浏览器阅读和打印的报告，与 --output 同用）",
    )
    check.add_argument("--output", "-o", metavar="FILE", help="把结果写入这个文件（默认写到标准输出）")
    check.add_argument("--stdin-filename", metavar="NAME", help="从标准输入（FILE 为 -）读入时，结果中用的文件名")
    check.add_argument("--statistics", action="store_true", help="最后列出每条规则的发现数")
    check.add_argument("--quiet", "-q", action="store_true", help="不逐条列出，只报告发现数（退出码照常）")
    check.add_argument(
        "--select", action="append", metavar="CODES", help="只运行这些规则：代码、代码前缀或名称，逗号分隔"
    )
    check.add_argument(
        "--ignore", action="append", metavar="CODES", help="不运行这些规则：代码、代码前缀或名称，逗号分隔"
    )
    check.add_argument(
        "--slack", type=_slack, default=None, metavar="N", help="在四舍五入之外再容许的差额（舍位平衡），默认 0"
    )
    check.add_argument(
        "--scoring",
        choices=PROFILE_NAMES,
        default=None,
        help="绩效自评表的评分办法：湖北（预算执行 20 分）、全国（10 分）、四川（各资金行有分值）；默认从表中推断",
    )
    check.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="结果所用的语言：zh（中文，默认）或 en（英文，规则给出英文时）"
    )
    check.add_argument(
        "--config", metavar="FILE", help="配置文件（默认：当前目录或其上级中的 budgetlint.toml 或 pyproject.toml）"
    )
    check.add_argument("--rules", action="append", metavar="FILE", help="另加一个规则包文件（可重复）")
    check.add_argument("--exit-zero", action="store_true", help="有发现时也以 0 退出（输入错误仍为 2）")
    check.add_argument(
        "--write-baseline", metavar="FILE", help="把现有的发现记入基线文件（不报告它们），以后用 --baseline 只看新的"
    )
    check.add_argument("--baseline", metavar="FILE", help="不报告基线文件中已记下的发现（按指纹，不按行号）")
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="用 N 个进程同时检查多个文件（0：每个 CPU 一个），输出与单进程相同",
    )
    check.set_defaults(handler=_check)

    tables = commands.add_parser("tables", help="显示从文件中读出的表格", description="显示从文件中读出的全部表格。")
    tables.add_argument("file", metavar="FILE", help="公开文件（文本或 PDF）")
    tables.add_argument(
        "--format", choices=("text", "json"), default="text", help="text：供人阅读（默认）；json：供程序读取"
    )
    tables.set_defaults(handler=_tables)

    text = commands.add_parser(
        "text",
        help="显示 budgetlint 读到的文本",
        description="显示 budgetlint 读到的文本：PDF 按页给出（每页以「--- 第 N 页 ---」开头），"
        "检查结果的行号、列号即指这段文本。",
    )
    text.add_argument("file", metavar="FILE", help="公开文件（文本或 PDF）")
    text.set_defaults(handler=_text)

    listing = commands.add_parser("rules", help="列出全部规则", description="列出全部规则。")
    listing.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="text：每条一行（默认）；markdown：完整的规则说明（即 rules/reference.md）",
    )
    listing.add_argument("--rules", action="append", metavar="FILE", help="连同这个规则包文件中的规则（可重复）")
    listing.set_defaults(handler=_rules)
    server = commands.add_parser(
        "server",
        help="作为语言服务器运行（LSP，经标准输入输出），供编辑器使用",
        description="作为语言服务器运行：经标准输入输出讲 LSP，文件打开、修改、保存时检查并报告。",
    )
    server.set_defaults(handler=_server)
    one = commands.add_parser("rule", help="显示一条规则的说明", description="显示一条规则的说明。")
    one.add_argument("code", metavar="CODE", help="规则代码（如 BL110）或名称（如 formula-failed）")
    one.add_argument("--rules", action="append", metavar="FILE", help="连同这个规则包文件中的规则（可重复）")
    one.set_defaults(handler=_rule)
    return parser


def _tolerate_any_console() -> None:
    """A console that cannot print a character (a GBK console and "☑") shows an escape
    instead of stopping the run."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or detached stream
                pass


def _quiet_stdout() -> None:
    """Point standard output at nothing, so that flushing it at exit raises no error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in _COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "check")  # `budgetlint FILE` is `budgetlint check FILE`
    _tolerate_any_console()
    _speak_chinese()
    args = _parser().parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader (head, less) went away: nothing left to say, but the status
        # still tells whether something was found.
        _quiet_stdout()
        return getattr(args, "status", EXIT_OK)
    except KeyboardInterrupt:
        _error("已中断")
        return 130
    except Exception as error:
        if os.environ.get("BUDGETLINT_DEBUG"):
            raise
        _error(f"内部错误：{error!r}。这是 budgetlint 的缺陷，请报告；设置 BUDGETLINT_DEBUG=1 可显示详细信息")
        return EXIT_INPUT_ERROR


def run() -> None:
    """The command's entry point: :func:`main`, then an exit that does not tear the
    interpreter down. Freeing every module and the document model takes some 10 ms
    of a 100 ms run and serves nothing: main has closed its files and shut down its
    workers, and the standard streams are flushed here (mypy ends the same way)."""
    status = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone away, a stream already closed
            pass
    os._exit(status)


if __name__ == "__main__":
    run()
