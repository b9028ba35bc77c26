"""Problems found in staff files, collected first and reported together."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int
    col: int
    message: str
    hint: str = ""
    severity: str = "error"  # or "warning"; or "notice": the build already made it harmless, and
    # only says so at info level, so that a strict build on the default branch does not fail on it

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        if self.severity != "error":
            text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        return f"{text}. Fix: {self.hint}" if self.hint else text


class Problems(list):
    """A list of Problem with helpers to add one."""

    def add(self, path: str, line: int, message: str, hint: str = "", col: int = 1,
            severity: str = "error") -> None:
        self.append(Problem(path, line or 1, col or 1, message, hint, severity))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == "error"]


def to_text(problems) -> str:
    return "\n".join(str(p) for p in sorted(set(problems)))


def to_json(problems) -> str:
    return json.dumps([asdict(p) for p in sorted(set(problems))], indent=2, ensure_ascii=False)
