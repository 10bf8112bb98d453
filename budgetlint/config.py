"""Settings kept with the disclosures: ``[tool.budgetlint]`` in pyproject.toml, or budgetlint.toml.

A file is found by walking up from a folder (a budgetlint.toml wins over a
pyproject.toml in the same folder; a pyproject.toml without a ``[tool.budgetlint]``
table does not count), as ruff finds its settings: each checked file's rules come
from its nearest settings file (:data:`PER_FILE` keys), the run's own settings
(format, jobs …) from the one nearest the folder all checked paths share, so the
order of the paths changes nothing.  ``--config FILE`` names one file for all,
``--isolated`` uses none.  Command-line flags override any file; every setting
remembers where its value came from, for ``--show-config``.  Paths in the file
(extra rule packs, the waiver file) are relative to it.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from budgetlint.i18n import t
from budgetlint.severity import Severity
from budgetlint.workers import usable_processors
from budgetlint.paths import PathError, resolved

DEFAULT = "default"
COMMAND_LINE = "command line"


class ConfigError(Exception):
    """A settings file problem: the message names the file and the key."""


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str  # DEFAULT, COMMAND_LINE or the settings file


def _strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in items):
        raise ValueError(t("must be a string or a list of strings"))
    return [v for v in items if v]


def _level(value: Any) -> str:
    if value not in [s.value for s in Severity]:
        raise ValueError(t("must be error, warning or info"))
    return value


def _severities(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(t("must be a table of rule = level, e.g. {example}", example='{ BL402 = "error" }'))
    return {str(k): _level(v) for k, v in value.items()}


def _jobs(value: Any) -> int:
    """Processes to use: a settings file in a pull request must not start ten thousand."""
    processors = usable_processors()
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(t("must be a whole number of processes, 1 or more"))
    if value > processors:
        raise ValueError(t("must be at most {n}, the processors of this machine", n=processors))
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(t("must be true or false"))
    return value


def _format(value: Any) -> str:
    from budgetlint.report.formats import FORMATS

    if value not in FORMATS:
        raise ValueError(t("must be one of {values}", values=", ".join(FORMATS)))
    return value


# key: (parse, default value, is a path or list of paths relative to the file)
KEYS: dict[str, tuple[Any, Any, bool]] = {
    "select": (_strings, [], False),
    "ignore": (_strings, [], False),
    "severity": (_severities, {}, False),
    "rules": (_strings, [], True),
    "fail-on": (_level, "info", False),
    "jobs": (_jobs, usable_processors(), False),
    "format": (_format, "text", False),
    "waivers": (_strings, [], True),
    "cache": (_flag, True, False),
    "timing": (_flag, True, False),
    "auto-group": (_flag, True, False),
}


def for_output(settings: dict[str, Setting], to_terminal: bool, text_asked: bool = False) -> dict[str, Setting]:
    """The settings with the report format decided: the one asked for, else text for a person at a
    terminal (or one who asked for what only the text report shows: statistics, colour, waived
    findings), and concise (a clickable line a finding) for a pipe, a file or a CI log."""
    if settings["format"].source != DEFAULT or to_terminal or text_asked:
        return settings
    return {**settings, "format": Setting("concise", "default (output is not a terminal)")}


# What a folder's own settings file decides for the files under it; the rest is the run's.
PER_FILE = ("select", "ignore", "severity", "rules")

Found = tuple[Path, dict[str, Any]] | None  # a settings file and its budgetlint table, or none


def common_folder(paths: list[str]) -> Path:
    """The deepest folder holding every path: where the run's settings are looked for.  A path that
    cannot be resolved (a link that loops) is left out: the check names it as an input error."""
    found = []
    for p in paths:
        try:
            found.append(str(resolved(Path(p))))
        except PathError:
            continue
    try:
        return Path(os.path.commonpath(found)) if found else Path.cwd()
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


def named_settings_file(path: Path) -> tuple[Path, dict[str, Any]]:
    """``--config FILE``: a budgetlint.toml, or a pyproject.toml with a ``[tool.budgetlint]`` table."""
    try:
        file = resolved(path)
    except PathError as exc:
        raise ConfigError(str(exc)) from None
    if not file.is_file():
        raise ConfigError(t("--config {path}: no such file", path=path))
    data = _read(file)
    if file.name != "pyproject.toml":
        return file, data
    tool = data.get("tool", {})
    table = tool.get("budgetlint") if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(t("--config {path}: has no [tool.budgetlint] table of settings", path=path))
    return file, table


def find_settings_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest settings file at or above ``start``, and its budgetlint table."""
    try:
        directory = resolved(start)
    except PathError as exc:
        raise ConfigError(str(exc)) from None
    if not directory.is_dir():
        directory = directory.parent
    for folder in [directory, *directory.parents]:
        own = folder / "budgetlint.toml"
        if own.is_file():
            return own, _read(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            tool = _read(project).get("tool", {})
            table = tool.get("budgetlint") if isinstance(tool, dict) else None  # `tool = 5` is not ours to judge
            if isinstance(table, dict):
                return project, table
            if table is not None:
                raise ConfigError(t("{path}: [tool.budgetlint] must be a table of settings", path=project))
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(t("{path}: cannot read: {reason}", path=path, reason=exc.strerror or exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_invalid(path, exc)) from None
    except ValueError:  # an integer of thousands of digits, past Python's limit on converting one
        raise ConfigError(t("{path}: invalid TOML: a number of thousands of digits", path=path)) from None


_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _invalid(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    """A settings file that is not TOML, said with where (`第 2 行第 5 列`), not tomllib's English."""
    at = _AT.search(str(exc))
    if at is None:
        return t("{path}: invalid TOML", path=path)
    return t("{path}: invalid TOML at line {line}, column {column}", path=path, line=at.group(1), column=at.group(2))


def resolve(found: Found, given: dict[str, Any]) -> dict[str, Setting]:
    """The settings in force: command line (``given``, None = not given) over the file over defaults."""
    settings = {key: Setting(default, DEFAULT) for key, (_, default, _) in KEYS.items()}
    if found is not None:
        path, table = found
        where = "[tool.budgetlint] " if path.name == "pyproject.toml" else ""
        for key, raw in table.items():
            if key not in KEYS:
                raise ConfigError(t("{path}: {where}unknown key '{key}' (known: {known})", path=path, where=where, key=key,
                                    known=", ".join(KEYS)))
            parse, _, relative = KEYS[key]
            try:
                value = parse(raw)
            except ValueError as exc:
                raise ConfigError(t("{path}: {where}key '{key}': {reason}", path=path, where=where, key=key,
                                    reason=exc)) from None
            if relative:
                try:
                    value = [str(resolved(path.parent / v)) for v in value]
                except PathError as exc:
                    raise ConfigError(t("{path}: {where}key '{key}': {reason}", path=path, where=where, key=key,
                                        reason=exc)) from None
            settings[key] = Setting(value, str(path))
    for key, value in given.items():
        if value is not None and value != []:
            if key == "jobs":
                try:
                    value = _jobs(value)
                except ValueError as exc:
                    raise ConfigError(t("{source}: --jobs: {reason}", source=t(COMMAND_LINE), reason=exc)) from None
            settings[key] = Setting(value, COMMAND_LINE)
    return settings
