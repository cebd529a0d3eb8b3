"""Configuration: which rules to run, the rounding slack, and the rule packs
to add, kept beside the documents instead of repeated on every command line.

Read from ``budgetlint.toml`` or the ``[tool.budgetlint]`` table of
``pyproject.toml``, in the working directory or the nearest folder above it::

    [tool.budgetlint]
    select = ["BL1", "BL3"]
    extend-select = ["BL5"]
    ignore = ["BL104"]
    per-file-ignores = { "2019/*" = ["BL017"] }
    severity = { BL015 = "warning" }
    slack = "0.01"
    rules = ["audit/本局.rules"]      # relative to this file
    scoring = "湖北"                  # 绩效 sheets' profile: 湖北, 全国 or 四川
    include = ["*.txt", "*.pdf"]      # what a directory is searched for
    exclude = ["草稿/*"]
    language = "zh"                   # or "en"

``budgetlint.toml`` takes the same keys at its top level (or under the same
[tool.budgetlint] heading, as pasted from pyproject.toml).
"""

from __future__ import annotations

import os
from decimal import Decimal, InvalidOperation

from .records import record

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "LANGUAGES",
    "PROFILE_NAMES",
    "Config",
    "ConfigError",
    "configured",
    "file_matches",
    "find_config",
    "load_config",
    "matches",
    "selection",
]

#: The scoring profiles a configuration may name (budgetlint.scoring.profiles).
PROFILE_NAMES = ("湖北", "全国", "四川")
#: The languages findings are told in: Chinese, and English where a rule gives it.
LANGUAGES = ("zh", "en")

_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "severity",
    "slack",
    "rules",
    "scoring",
    "include",
    "exclude",
    "language",
}
_SEVERITIES = ("error", "warning", "info")
#: The files a directory is searched for, unless ``include`` says otherwise.
DEFAULT_INCLUDE = ("*.txt", "*.pdf")


class ConfigError(ValueError):
    """A configuration file that cannot be used, naming the file."""


@record
class Config:
    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    slack: Decimal = Decimal(0)
    rules: tuple[str, ...] = ()
    #: The scoring profile of the 绩效 sheets ("湖北", "全国", "四川"), None: inferred.
    scoring: str | None = None
    extend_select: tuple[str, ...] = ()
    #: (glob, rules): the rules not reported for the files the glob matches.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: (rule, severity): the severity a rule's findings are reported with.
    severity: tuple[tuple[str, str], ...] = ()
    #: Globs of the files a directory is searched for, and of those left out.
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    #: The language of the messages: "zh" or "en".
    language: str = "zh"


def _toml():
    """tomllib, loaded only when there is a configuration to read (7 ms of a start)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    return tomllib


def _folders(start: str) -> list[str]:
    """``start`` and the folders above it, as Path(start).parents would list them."""
    folders = [start]
    while True:
        above = os.path.dirname(folders[-1]) or ("." if folders[-1] not in (".", "") else "")
        if not above or above == folders[-1]:
            return folders
        folders.append(above)


def find_config(start: Path | str) -> Path | None:
    """The nearest budgetlint.toml, or pyproject.toml with [tool.budgetlint], from ``start`` up.

    Walked with os.path: on a run without a configuration, pathlib is not needed."""
    for folder in _folders(os.path.normpath(os.fspath(start))):
        own = os.path.join(folder, "budgetlint.toml")
        if os.path.isfile(own):
            return _path(own)
        project = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(project):
            try:
                with open(project, encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError):
                continue
            if "budgetlint" not in text:
                continue  # another tool's file: not read as TOML at all
            tomllib = _toml()
            try:
                tool = tomllib.loads(text).get("tool")
            except tomllib.TOMLDecodeError:
                # Another tool's broken file is not ours to judge; ours is reported.
                if "[tool.budgetlint" in text:
                    return _path(project)
                continue
            if isinstance(tool, dict) and "budgetlint" in tool:
                return _path(project)
    return None


def _path(name: str) -> Path:
    from pathlib import Path

    return Path(name)


def _strings(table: dict, name: str, path: Path) -> tuple[str, ...]:
    value = table.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}：{name} 应是字符串列表")
    return tuple(value)


def load_config(path: Path) -> Config:
    """Read a configuration file; raises :class:`ConfigError` naming the file."""
    path = _path(path)
    tomllib = _toml()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}：无法读取（{getattr(error, 'strerror', None) or error}）") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}：不是有效的 TOML（{error}）") from None
    tool = data.get("tool")
    if path.name == "pyproject.toml":
        table = tool.get("budgetlint", {}) if isinstance(tool, dict) else None
    elif set(data) == {"tool"} and isinstance(tool, dict) and "budgetlint" in tool:
        table = tool["budgetlint"]  # the [tool.budgetlint] table pasted from pyproject.toml
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}：[tool.budgetlint] 应是一张表")
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{path}：未知的设置 {'、'.join(sorted(unknown))}（可用：{'、'.join(sorted(_KEYS))}）")
    try:
        slack = Decimal(str(table.get("slack", 0)))
    except InvalidOperation:
        raise ConfigError(f"{path}：slack 应是数字") from None
    if not slack.is_finite() or slack < 0:
        raise ConfigError(f"{path}：slack 应是非负数")
    rules = tuple(str((path.parent / pack).resolve()) for pack in _strings(table, "rules", path))
    scoring = table.get("scoring")
    if scoring is not None and scoring not in PROFILE_NAMES:
        raise ConfigError(f"{path}：scoring 应是 {'、'.join(PROFILE_NAMES)} 之一，而不是 {scoring!r}")
    select, ignore = _strings(table, "select", path), _strings(table, "ignore", path)
    return Config(
        str(path),
        select,
        ignore,
        slack,
        rules,
        scoring,
        extend_select=_strings(table, "extend-select", path),
        per_file_ignores=tuple(
            (glob, _strings(table["per-file-ignores"], glob, path)) for glob in _table(table, "per-file-ignores", path)
        ),
        severity=_severities(table, path),
        include=_strings(table, "include", path) or DEFAULT_INCLUDE,
        exclude=_strings(table, "exclude", path),
        language=_language(table, path),
    )


def _language(table: dict, path: Path) -> str:
    language = table.get("language", "zh")
    if language not in LANGUAGES:
        raise ConfigError(f"{path}：language 应是 {'、'.join(LANGUAGES)} 之一，而不是 {language!r}")
    return language


def _table(table: dict, name: str, path: Path) -> dict:
    value = table.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f'{path}：{name} 应是一张表（如 {name} = {{ "*.pdf" = ["BL104"] }}）')
    return value


def _severities(table: dict, path: Path) -> tuple[tuple[str, str], ...]:
    levels = _table(table, "severity", path)
    for code, level in levels.items():
        if level not in _SEVERITIES:
            raise ConfigError(f"{path}：severity 中 {code} 的级别应是 {'、'.join(_SEVERITIES)} 之一，而不是 {level!r}")
    return tuple(levels.items())


def matches(code: str, symbol: str, selector: str) -> bool:
    """A rule chosen by a code prefix ("BL1", "BL103") or by its symbol."""
    return code.startswith(selector.upper()) or selector == symbol


def _relative(config: Config, name: str) -> str:
    """A file's path relative to the configuration's folder (as given, without one)."""
    from pathlib import Path

    path = Path(name)
    if config.path and path.exists():
        return Path(os.path.relpath(path.resolve(), Path(config.path).resolve().parent)).as_posix()
    return path.as_posix()


def file_matches(config: Config, name: str, glob: str) -> bool:
    """Whether ``glob`` names the file ``name``: matched against its path relative to
    the configuration's folder, whole ("2019/*.txt") or from the right ("雨花.TXT")."""
    from fnmatch import fnmatch
    from pathlib import PurePosixPath

    relative = _relative(config, name)
    return fnmatch(relative, glob) or PurePosixPath(relative).match(glob)


def configured(diagnostics: list, name: str, config: Config) -> list:
    """The findings of file ``name`` without the rules its per-file-ignores leave out,
    each with the severity the configuration gives its rule (the most specific
    selector wins: "BL101" over "BL1"). Used by the command line and the server."""
    from .records import evolve

    ignored = [code for glob, codes in config.per_file_ignores if file_matches(config, name, glob) for code in codes]
    levels = sorted(config.severity, key=lambda item: -len(item[0]))
    kept = []
    for diagnostic in diagnostics:
        if any(matches(diagnostic.code, diagnostic.symbol, code) for code in ignored):
            continue
        level = next((lv for code, lv in levels if matches(diagnostic.code, diagnostic.symbol, code)), None)
        kept.append(evolve(diagnostic, severity=level) if level else diagnostic)
    return kept


def selection(config: Config, select: list[str] | None = None, ignore: list[str] | None = None):
    """The rule selectors in force: the command line's, else the configuration's (whose
    extend-select adds to a select of its own)."""
    chosen = list(select or ()) or list(config.select) + (list(config.extend_select) if config.select else [])
    return chosen, list(ignore or ()) or list(config.ignore)
