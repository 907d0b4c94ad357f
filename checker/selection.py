"""--select / --ignore: which finding codes a run reports, by code or prefix, as ruff does.

`--select C3,S205 --ignore C307` reports the C3xx codes and S205, except C307. A code is
matched by the longest prefix that names it in either list; on a tie, --ignore wins. Codes
left out are dropped before anything else sees the report, exactly as if a profile had
turned them off: each file's status and summary, the exit status and every format describe
the selected findings only. Meeting verdicts are not findings and stay as judged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from checker.findings import FileResult, Report


class SelectionError(ValueError):
    """A code or prefix that names no finding code. The CLI exits 2."""


def parse_codes(values: Iterable[str]) -> tuple[str, ...]:
    """'C3,S205' and repeated options → ('C3', 'S205'), upper-cased, blanks dropped."""
    return tuple(code.strip().upper() for value in values for code in value.split(",")
                 if code.strip())  # fmt: skip


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()  # empty: every code
    ignore: tuple[str, ...] = ()

    def validate(self, known: Iterable[str]) -> None:
        codes = list(known)
        for prefix in (*self.select, *self.ignore):
            if not any(code.startswith(prefix) for code in codes):
                raise SelectionError(
                    f"{prefix}: no finding code starts with this (see `roster-check rules`)"
                )

    def wants(self, code: str) -> bool:
        selected = _longest(code, self.select) if self.select else 0
        ignored = _longest(code, self.ignore)
        if self.select and not selected:
            return False
        return ignored == 0 or selected > ignored

    def apply(self, report: Report) -> Report:
        if not (self.select or self.ignore):
            return report
        return Report(tuple(self.apply_to(r) for r in report.results), lang=report.lang)

    def apply_to(self, result: FileResult) -> FileResult:
        """One file's result with the codes left out dropped."""
        if not (self.select or self.ignore):
            return result
        return replace(result, findings=tuple(f for f in result.findings if self.wants(f.code)))


def _longest(code: str, prefixes: tuple[str, ...]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=0)
