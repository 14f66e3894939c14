"""Problems found in content, collected into one report instead of stopping at the first."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) about one place in one file."""

    path: str
    line: int | None
    field: str
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        lead = f"{where}: " + (f"{self.field}: " if self.field else "")
        tag = "" if self.level == "error" else f"[{self.level}] "
        return f"{tag}{lead}{self.message}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.path, p.line or 0, p.field, p.message))
