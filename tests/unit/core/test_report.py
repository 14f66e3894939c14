"""navigator.core.report: every problem with file, line and field, errors apart from warnings."""

from __future__ import annotations

from navigator.core.report import Problem, Report


def test_a_problem_reads_as_file_line_field_message() -> None:
    assert str(Problem("content/en/glossary/url.yaml", 3, "term", "must be text")) == "content/en/glossary/url.yaml:3: term: must be text"
    assert str(Problem("content/en/platform", None, "", "unknown folder")) == "content/en/platform: unknown folder"
    assert str(Problem("a.yaml", 1, "", "old", "warning")) == "[warning] a.yaml:1: old"


def test_only_errors_fail_the_report() -> None:
    report = Report()
    assert report.ok
    report.add(Problem("b.yaml", 2, "", "worth knowing", "note"))
    report.add(Problem("b.yaml", 1, "", "look at this", "warning"))
    assert report.ok and report.errors == [] and len(report.warnings) == 1
    report.extend([Problem("a.yaml", 9, "x", "broken"), Problem("a.yaml", None, "", "broken too")])
    assert not report.ok and len(report.errors) == 2
    assert [(p.path, p.line) for p in report.sorted()] == [("a.yaml", None), ("a.yaml", 9), ("b.yaml", 1), ("b.yaml", 2)]
