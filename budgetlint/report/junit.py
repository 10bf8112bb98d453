"""``--format junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

Each checked file is a test suite and each rule that ran a test case in it, so a
clean rule counts as a passed test; a rule with findings fails once, listing every
finding with its place and figures.  A file that could not be read is a suite
with one test case in error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from budgetlint.i18n import t
from budgetlint.report.formats import Rendering
from budgetlint.report.result import Violation
from budgetlint.report.text import place

# Characters XML 1.0 cannot carry (a form feed from a text extraction, say).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _finding(v: Violation) -> str:
    printed, expected = v.labels
    figures = f"{t(printed)} {v.reported}  {t(expected)} {v.computed}" + (
        f"  {t('difference')} {v.difference}" if v.difference else "")
    basis = f"\n    {t('confirmed by: ')}{v.basis}" if v.basis else ""
    return f"{place(v.subject.location)}  {v.message}\n    {figures}{basis}"


def _suite(root: ET.Element, name: str, time: float | None) -> ET.Element:
    suite = ET.SubElement(root, "testsuite", name=_xml(name))
    if time is not None:
        suite.set("time", f"{time:.3f}")
    return suite


def _count(element: ET.Element, tests: int, failures: int, errors: int) -> None:
    """The counts a suite carries; `skipped` only on a <testsuite> (Jenkins' schema has none on <testsuites>)."""
    for key, value in (("tests", tests), ("failures", failures), ("errors", errors)):
        element.set(key, str(value))
    if element.tag == "testsuite":
        element.set("skipped", "0")


def _failure(case: ET.Element, found: list[Violation]) -> None:
    first = found[0].message if len(found) == 1 else t("{n} findings, the first: {message}", n=len(found),
                                                         message=found[0].message)
    failure = ET.SubElement(case, "failure", message=_xml(first), type=found[0].severity)
    failure.text = _xml("\n".join(_finding(v) for v in found))


def junit_xml(rendering: Rendering) -> ET.Element:
    report = rendering.report
    root = ET.Element("testsuites", name="budgetlint")
    if rendering.timing and report.seconds:  # measured by a whole run, not by check_paths alone
        root.set("time", f"{report.seconds:.3f}")
    found: dict[str, dict[str, list[Violation]]] = {}
    for v in report.violations:
        found.setdefault(v.file, {}).setdefault(v.rule, []).append(v)
    seconds = {f.path: f.seconds for f in report.files}
    every_rule = [(r.id, r.name) for r in rendering.rules.rules]
    # A finding about a file that was not checked (a stale waiver is about the waiver file)
    # makes a suite of its own, of the rules that found something there.
    for path in [*seconds, *(p for p in found if p not in seconds)]:
        in_file = found.get(path, {})
        cases = every_rule if path in seconds else [(rule, vs[0].name) for rule, vs in sorted(in_file.items())]
        suite = _suite(root, path, seconds.get(path) if rendering.timing else None)
        for rule, name in cases:
            case = ET.SubElement(suite, "testcase", classname=_xml(path), name=f"{rule} {name}")
            if rule in in_file:
                _failure(case, in_file[rule])
        _count(suite, len(cases), sum(rule in in_file for rule, _ in cases), 0)
    for e in report.errors:
        suite = _suite(root, e.path, None)
        case = ET.SubElement(suite, "testcase", classname=_xml(e.path), name="load")
        ET.SubElement(case, "error", message=_xml(e.message), type="input-error").text = _xml(e.message)
        _count(suite, 1, 0, 1)
    _count(root, *(sum(int(s.get(key)) for s in root) for key in ("tests", "failures", "errors")))
    return root


def render(rendering: Rendering) -> str:
    root = junit_xml(rendering)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
