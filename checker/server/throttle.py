"""Login attempts: after a few wrong passwords for one account from one address, that pair
must wait before trying again, so that passwords cannot be guessed at the server's speed.

Kept in memory, per server process: a restart forgets, which only helps a legitimate user.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

ATTEMPTS = 5  # wrong passwords allowed within WINDOW before waiting
WINDOW = 15 * 60.0  # seconds
MAX_TRACKED = 10_000  # pairs remembered at most; the oldest are forgotten first


class LoginThrottle:
    def __init__(self, attempts: int = ATTEMPTS, window: float = WINDOW,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.attempts = attempts
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], list[float]] = {}
        self._lock = threading.Lock()

    def wait(self, name: str, address: str) -> float:
        """Seconds before `name` may try again from `address` (0: now)."""
        with self._lock:
            recent = self._recent((name.lower(), address))
            if len(recent) < self.attempts:
                return 0.0
            return max(0.0, recent[-self.attempts] + self.window - self.clock())

    def failed(self, name: str, address: str) -> None:
        with self._lock:
            key = (name.lower(), address)
            self._failures[key] = [*self._recent(key), self.clock()]
            if len(self._failures) > MAX_TRACKED:
                del self._failures[next(iter(self._failures))]

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._failures.pop((name.lower(), address), None)

    def _recent(self, key: tuple[str, str]) -> list[float]:
        since = self.clock() - self.window
        return [t for t in self._failures.get(key, []) if t > since]
