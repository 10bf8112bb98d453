"""The `budgetlint` command: typer commands only; the work happens in the modules they call."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console

from budgetlint import __version__
from budgetlint.cli_words import Command, Group
from budgetlint.exit_codes import EXIT_CLEAN, EXIT_ERROR, exit_code
from budgetlint.i18n import choose_language, set_language, t
from budgetlint.report.formats import FORMATS
from budgetlint.textnorm import printable

if TYPE_CHECKING:
    from budgetlint.engine.pack import RuleSet

# Everything else is imported where a command needs it: `budgetlint --version` and `--help`
# should not pay for loading the checks, the loaders and the reports.


def _lang_flag(argv: list[str]) -> str | None:
    """The `--lang` the command line gives, read before typer parses it: the help texts are
    written in the run's language when the commands are defined."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


set_language(choose_language(_lang_flag(sys.argv[1:])))

app = typer.Typer(
    name="budgetlint",
    cls=Group,
    help=t("Check Chinese budget disclosures (预算/决算公开): do the tables and the narrative add up?"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,  # help texts say `[default: …]`: plain text, not markup
)


Format = StrEnum("Format", {name.upper(): name for name in FORMATS})


class Color(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


class Lang(StrEnum):
    ZH = "zh"
    EN = "en"


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def _stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _error_line(message: str) -> str:
    """The one line of an error; control characters of a path in it (`\x1b[2J`) become spaces."""
    return printable(t("budgetlint: error: {message}", message=message))


def _fail(message: str) -> typer.Exit:
    """Print a one-line error on stderr; the caller raises the returned exit."""
    _stderr().print(_error_line(message), markup=False)
    return typer.Exit(EXIT_ERROR)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for raw in values or [] for v in raw.split(",") if v.strip()]


def _settings(paths: list[str], given: dict, config_file: Path | None = None, isolated: bool = False) -> tuple:
    """The run's settings, and the settings file they come from (None: defaults and flags only)."""
    from budgetlint import config

    try:
        if isolated:
            found = None
        elif config_file is not None:
            found = config.named_settings_file(config_file)
        else:
            found = config.find_settings_file(config.common_folder(paths))
        return config.resolve(found, given), found
    except config.ConfigError as exc:
        raise _fail(str(exc)) from None


def _resolved(given: list[Path] | None) -> list[str]:
    from budgetlint.paths import PathError, resolved

    try:
        return [str(resolved(p)) for p in given or []]
    except PathError as exc:
        raise _fail(str(exc)) from None


def _writable(target: Path | None, option: str, inputs: list[str]) -> None:
    """Refuse, before any work, an output that cannot be written or would overwrite an input."""
    from budgetlint import outputs

    try:
        if target is not None:
            outputs.check_target(target, inputs, option)
    except outputs.OutputError as exc:
        raise _fail(str(exc)) from None


def _written(write) -> None:
    from budgetlint import outputs

    try:
        write()
    except outputs.OutputError as exc:
        raise _fail(str(exc)) from None


def _rules(settings: dict) -> RuleSet:
    from budgetlint import run
    from budgetlint.engine.yamlsource import RuleError

    try:
        return run.ruleset(settings)
    except RuleError as exc:
        raise _fail(str(exc)) from None


def _version(value: bool) -> None:
    if value:
        print(f"budgetlint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=t("Show the version."))] = False,
) -> None:
    """budgetlint — a linter for budget disclosures."""


# the language is set from the command line before typer parses it (_lang_flag); each command accepts the flag
LangOption = Annotated[Optional[Lang], typer.Option("--lang", help=t("The language of the report: zh (default) or en [default: BUDGETLINT_LANG, else the locale]."))]
RulesOption = Annotated[
    Optional[list[Path]], typer.Option("--rules", help=t("An extra YAML rule pack (repeatable)."), metavar=t("FILE"))
]


@app.command(cls=Command, help=t("Check disclosures; exit 0 when clean, 1 on findings (at or above --fail-on), 2 on a usage or input error."))
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help=t("Files or folders to check."), metavar=t("PATH..."))] = None,
    format: Annotated[Optional[Format], typer.Option("--format", "-f", help=t("Output format [default: text on a terminal, else concise]."))] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=t("Write the report to FILE."), metavar=t("FILE"))] = None,
    rules: RulesOption = None,
    select: Annotated[Optional[list[str]], typer.Option(help=t("Only these rules: ids, id prefixes (BL1) or names; comma-separated."))] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help=t("Skip these rules: ids, id prefixes or names; comma-separated."))] = None,
    fail_on: Annotated[Optional[Level], typer.Option("--fail-on", help=t("Exit 1 only for findings at this level or above [default: info]."))] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=t("Processes: files in parallel, or the pages of one long PDF [default: all cores]."))] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=t("Parse every file again instead of using the cache."))] = False,
    waivers: Annotated[Optional[list[Path]], typer.Option("--waivers", help=t("A waiver file of accepted findings (repeatable)."), metavar=t("FILE"))] = None,
    write_waivers: Annotated[Optional[Path], typer.Option("--write-waivers", help=t("Write the findings as a baseline waiver file, then exit 0."), metavar=t("FILE"))] = None,
    show_waived: Annotated[bool, typer.Option("--show-waived", help=t("Also show the findings a waiver accepted."))] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help=t("Count the findings per rule instead of listing them."))] = False,
    no_timing: Annotated[bool, typer.Option("--no-timing", help=t("Leave out timings, for byte-reproducible output."))] = False,
    show_config: Annotated[bool, typer.Option("--show-config", help=t("Print the settings in force and where each comes from, then exit."))] = False,
    group: Annotated[Optional[list[str]], typer.Option("--group", help=t("Files that are one disclosure (the 说明 and the tables), comma-separated; repeatable."), metavar=t("FILES"))] = None,
    series: Annotated[Optional[list[str]], typer.Option("--series", help=t("Disclosures of one agency to compare with each other (last year's and this year's budget, the 部门's and its 单位's), comma-separated; repeatable. Without it, disclosures whose covers name the same agency are compared."), metavar=t("FILES"))] = None,
    no_auto_group: Annotated[bool, typer.Option("--no-auto-group", help=t("Do not check files named as parts of one disclosure (x-text.pdf, x-tables.pdf) together."))] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help=t("Exit 0 even when there are findings (still 2 on a usage or input error)."))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("Print the findings only: no summary line, no progress bar."))] = False,
    color: Annotated[Color, typer.Option("--color", help=t("Colour the text report: auto (on a terminal, unless NO_COLOR is set), always, never."))] = Color.AUTO,
    config_file: Annotated[Optional[Path], typer.Option("--config", help=t("Use this settings file (budgetlint.toml or pyproject.toml) for every file instead of each folder's own."), metavar=t("FILE"))] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help=t("Ignore every settings file: defaults and flags only."))] = False,
    lang: LangOption = None,
    resume: Annotated[bool, typer.Option("--resume", help=t("With --format jsonl --output FILE: check only the files FILE does not record yet (a stopped batch goes on)."))] = False,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help=t("Check on this Dask cluster (tcp://host:8786) instead of local processes; needs budgetlint[dask]."), metavar=t("ADDRESS"))] = None,
) -> None:
    from budgetlint import outputs, results
    from budgetlint.config import ConfigError, for_output
    from budgetlint.report import settings_view
    from budgetlint.report.formats import BINARY_FORMATS, Rendering, renderer

    if config_file is not None and isolated:
        raise _fail(t("--config and --isolated exclude each other"))
    groups = [_split([g]) for g in group or []]
    named = [_split([s]) for s in series or []]
    paths = paths or [p for g in groups + named for p in g]  # `--group a.pdf,b.pdf` alone names the files to check
    if not paths:
        raise _fail(t("give the files or folders to check (or --group FILES)"))
    flags = {
        "format": format.value if format else None, "rules": _resolved(rules),
        "select": _split(select), "ignore": _split(ignore), "fail-on": fail_on.value if fail_on else None,
        "jobs": jobs, "cache": False if no_cache else None, "waivers": _resolved(waivers),
        "timing": False if no_timing else None, "auto-group": False if no_auto_group else None,
    }
    settings, found = _settings(paths, flags, config_file, isolated)
    to_terminal = output is None and sys.stdout is not None and sys.stdout.isatty()
    settings = for_output(settings, to_terminal, statistics or show_waived or color == Color.ALWAYS)
    if show_config:
        settings_view.render(settings, _stdout())
        raise typer.Exit(EXIT_CLEAN)
    _writable(output, "--output", paths + settings["waivers"].value)
    _writable(write_waivers, "--write-waivers", paths + settings["waivers"].value)
    name = settings["format"].value
    stream = output if name == "jsonl" and output is not None else None
    if resume and stream is None:
        raise _fail(t("--resume goes on from a jsonl report: give --format jsonl --output FILE"))
    if name in BINARY_FORMATS and output is None and sys.stdout is not None and sys.stdout.isatty():
        raise _fail(t("--format {name} writes a workbook, not text: give --output FILE.{name}", name=name))
    if statistics and name != "text":
        raise _fail(t("--statistics counts the findings in the text report; it does not go with --format {name}",
                      name=name))
    interactive = (name == "text" and output is None and not quiet and sys.stderr is not None
                   and sys.stderr.isatty() and not os.environ.get("CI"))
    report, rules_used = None, results.LazyRules(lambda: _rules(settings))
    if settings["cache"].value and not (settings["waivers"].value or write_waivers or stream or scheduler or named):
        try:  # every disclosure checked before with these rules: no rule parsed, no check run
            report = results.cached_report(paths, settings, found[0] if found else None,
                                           not (config_file or isolated), groups)
        except ConfigError as exc:
            raise _fail(str(exc)) from None
    if report is None:
        report, rules_used = _check(paths, settings, flags, found, groups, not (config_file or isolated),
                                    write_waivers, scheduler, stream, resume, interactive, named)
    for error in report.errors:
        _stderr().print(_error_line(t("{path}: {message}", path=error.path, message=error.message)), markup=False)
    if write_waivers is not None:
        if report.errors:  # a baseline without them would drop the waivers of the files not checked
            raise _fail(t("--write-waivers {file}: not written, {n} file(s) could not be checked",
                          file=write_waivers, n=len(report.errors)))
        from budgetlint.waivers import write_waivers as write_waiver_file

        _written(lambda: write_waiver_file(write_waivers, report.violations))
        _stderr().print(printable(f"budgetlint: wrote {len(report.violations)} waivers to {write_waivers}"),
                        markup=False)
        raise typer.Exit(EXIT_ERROR if report.errors else EXIT_CLEAN)
    colored = color == Color.ALWAYS or (color == Color.AUTO and to_terminal and not os.environ.get("NO_COLOR"))
    rendering = Rendering(report, rules_used, color=colored, width=_stdout().width if to_terminal else 120,
                          statistics=statistics, show_waived=show_waived, timing=settings["timing"].value, quiet=quiet)
    text = renderer(name)(rendering)
    if output is None:
        _written(lambda: outputs.write_stdout(text))
    else:
        _written(lambda: outputs.write_text(output, text))
    raise typer.Exit(exit_code(report, settings["fail-on"].value, exit_zero))


def _check(paths: list[str], settings: dict, flags: dict, found: tuple | None, groups: list[list[str]],
           per_folder_settings: bool, write_waivers: Path | None, scheduler: str | None, stream: Path | None,
           resume: bool, interactive: bool, named: list[list[str]]) -> tuple:
    """The check proper: the rules parsed (each folder's own, where it has a settings file), the files
    checked (the progress bar on a terminal); the report and the rules it used."""
    from budgetlint import outputs, run
    from budgetlint.cluster import ClusterError
    from budgetlint.config import ConfigError
    from budgetlint.engine.yamlsource import RuleError
    from budgetlint.report import progress
    from budgetlint.resume import ResumeError
    from budgetlint.waivers import check_baseline_target

    ruleset = _rules(settings)
    per_folder = run.FolderRules(flags, found[0] if found else None, ruleset) if per_folder_settings else None
    if write_waivers is not None:
        _written(lambda: check_baseline_target(write_waivers))
    try:
        with progress.bar(interactive, _stderr()) as on_file:
            report = run.run_check(paths, settings, ruleset, on_file, groups, per_folder, scheduler, stream, resume,
                                   named)
    except (RuleError, ConfigError, ClusterError, ResumeError, outputs.OutputError) as exc:
        raise _fail(str(exc)) from None
    return report, per_folder.in_use() if per_folder else ruleset


def _rules_here(extra: list[Path] | None) -> RuleSet:
    """The rules in force in the current folder (its settings file, plus --rules)."""
    return _rules(_settings(["."], {"rules": _resolved(extra), "select": [], "ignore": []})[0])


@app.command("rules", cls=Command, help=t("List the rules: id, name, kind, severity and what each checks."))
def list_rules(rules: RulesOption = None, lang: LangOption = None) -> None:
    from budgetlint.report import rules_doc

    rules_doc.list_rules(_rules_here(rules), _stdout())


@app.command(cls=Command, help=t("Explain one rule: what it checks, why, an example, its settings and message."))
def explain(
    rule_id: Annotated[str, typer.Argument(help=t("A rule id (BL101) or name."), metavar=t("RULE"))],
    rules: RulesOption = None,
    lang: LangOption = None,
) -> None:
    from budgetlint.report import rules_doc

    rule = _rules_here(rules).get(rule_id)
    if rule is None:
        raise _fail(t("no rule '{rule}' (see `budgetlint rules`)", rule=rule_id))
    rules_doc.explain(rule, _stdout())


@app.command(cls=Command, help=t("Show what budgetlint read from a file, page by page: tables (kind, unit, columns, facts) and paragraphs."))
def extract(
    path: Annotated[Path, typer.Argument(help=t("The file to show."), metavar=t("FILE"))],
    facts: Annotated[bool, typer.Option("--facts/--no-facts", help=t("List each table's figures."), show_default=False)] = True,
    paragraphs: Annotated[bool, typer.Option("--paragraphs/--no-paragraphs", help=t("Print the narrative paragraphs too."), show_default=False)] = True,
    rules: RulesOption = None,
    lang: LangOption = None,
) -> None:
    from budgetlint.load import LoadError, load_document
    from budgetlint.report import extract as extract_view
    from budgetlint.understand.reading import understand

    ruleset = _rules_here(rules)
    try:
        document = load_document(path)
    except LoadError as exc:
        raise _fail(f"{path}: {exc}") from None
    extract_view.render(understand(document, ruleset.kinds), _stdout(), show_facts=facts, show_paragraphs=paragraphs,
                        vocabulary=ruleset.vocabulary)


@app.command(cls=Command, help=t("Open a page in the browser (http://127.0.0.1:8000) to check disclosures without a terminal; needs budgetlint[web]."))
def serve(
    host: Annotated[str, typer.Option(help=t("The address to listen on; 127.0.0.1 keeps the page on this machine."))] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help=t("The port."))] = 8000,
    max_upload: Annotated[int, typer.Option("--max-upload", min=1, help=t("The largest upload, in MB."), metavar="MB")] = 200,
    rules: RulesOption = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help=t("Do not open the page in the default browser."))] = False,
    lang: LangOption = None,
) -> None:
    try:
        from budgetlint import web
    except ImportError:
        raise _fail(t("budgetlint serve needs the web extra: pip install 'budgetlint[web]'")) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        _stderr().print(t("budgetlint: warning: listening on {host}: anyone who can reach it can upload files and read "
                          "the reports", host=host), markup=False)
    try:
        free = web.free_port(host, port)
    except OSError as exc:
        raise _fail(f"--port {port}: {exc}") from None
    if free != port:
        _stderr().print(t("budgetlint: port {port} is in use; using {free}", port=port, free=free), markup=False)
    _stderr().print(t("budgetlint: open {url} (Ctrl-C to stop)", url=f"http://{host}:{free}"), markup=False)
    web.serve(_rules_here(rules), host, free, max_upload * 2**20, browser=not no_browser)
