"""Values kept between runs, in $XDG_CACHE_HOME/roster-check (~/.cache/… by default): what
costs every run more to build than to unpickle (the vocabulary, the message catalogues).

Each file is named by a hash of all that its value is made from (the files read, the code
that reads them, the versions that matter), so that any change looks for another name: a
stale value is never read. A file is written whole (a temporary file renamed, mode 0600),
ignored when unreadable, garbled, of another type, or writable by group or others; a cache
that cannot be written only costs the time it would have saved.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_file(kind: str, sources: Iterable[Path], salt: str = "") -> Path | None:
    """Where the value `kind` made from `sources` is kept; None when no such place can be
    named or a source cannot be read."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        if not base.is_absolute():  # the XDG specification says to ignore it then
            base = Path.home() / ".cache"
        key = hashlib.sha256(f"{sys.version}|{salt}".encode())
        for path in sources:
            key.update(f"|{path.name}|".encode())
            key.update(path.read_bytes())
    except (OSError, RuntimeError):  # no home directory; a file the loading will name
        return None
    return base / "roster-check" / f"{kind}-{key.hexdigest()[:32]}.pickle"


def read(path: Path, kind: type[T]) -> T | None:
    """The value kept at `path`; None when there is none, or it is unreadable or not a
    `kind`, or the file is not the user's own (a pickle runs code as it loads: only ours is
    trusted)."""
    try:
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if status.st_mode & 0o022 or (hasattr(os, "getuid") and status.st_uid != os.getuid()):
                return None
            value = pickle.load(file)
    except Exception:  # missing, truncated, garbled: pickle raises many kinds; load afresh
        return None
    return value if isinstance(value, kind) else None


def keep(value: object, path: Path) -> None:
    """Write the value at `path` whole or not at all, and drop old ones of the same kind."""
    kind = path.name.rsplit("-", 1)[0]
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        week_ago = time.time() - 7 * 24 * 3600
        for old in path.parent.glob(f"{kind}-*.pickle"):
            # Another version's, unless written lately: two installs or checkouts that
            # share the cache would otherwise drop each other's at every run.
            if old != path and old.stat().st_mtime < week_ago:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass
