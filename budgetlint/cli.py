"""The command line: ``budgetlint tables FILE`` shows what was read.

Bad input is a message on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import __version__
from .layout import read_path
from .source import NotText

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT_ERROR = 2


def _error(message: str) -> None:
    print(f"budgetlint: 错误：{message}", file=sys.stderr)


def _tables(args: argparse.Namespace) -> int:
    try:
        document = read_path(args.file)
    except NotText as error:
        _error(f"{args.file}：{error}")
        return EXIT_INPUT_ERROR
    except IsADirectoryError:
        _error(f"{args.file}：是目录，请给出一个文件")
        return EXIT_INPUT_ERROR
    except OSError as error:
        _error(f"{args.file}：无法读取（{error.strerror or error}）")
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="budgetlint",
        description="查找部门预算、决算公开文件中自相矛盾之处。",
    )
    parser.add_argument("--version", action="version", version=f"budgetlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    tables = commands.add_parser("tables", help="显示从文件中读出的表格", description="显示从文件中读出的全部表格。")
    tables.add_argument("file", metavar="FILE", help="公开文件的文本（.txt）")
    tables.add_argument(
        "--format", choices=("text", "json"), default="text", help="text：供人阅读（默认）；json：供程序读取"
    )
    tables.set_defaults(handler=_tables)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader (head, less) went away; nothing left to say.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
