"""The exception a signal (SIGINT, SIGTERM, SIGHUP) raises in the command's process.

A BaseException of our own rather than KeyboardInterrupt, because click turns
KeyboardInterrupt into "Aborted!" and exit 1 (indistinguishable from "findings found"). Code
that catches BaseException around a worker's result (a Rust panic is one) lets it through.
"""

from __future__ import annotations


class Interrupted(BaseException):
    """Unwinds like Ctrl-C, so that the worker pool is stopped and temporary files are
    removed; the command then exits 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
