"""Every hostile file of the corpus gets a finding, within a time and memory bound measured by
running the CLI in a subprocess under an RLIMIT_AS cap: never a crash, a traceback or a hang.

Files that used to abort the whole process (issue 12, defect 1) or take gigabytes (defect 2)
are here; so are the classic attacks the checker already withstood.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.corpus import ATTACKS, build
from tests.hostile.run import MEMORY_CAP, run_cli

# Per file: CI machines are shared, so the bound is generous, but a regression to reading a
# far cell or a repeated ODS cell takes minutes or is killed by the cap.
SECONDS = 60.0


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_hostile_file_gives_a_finding_within_bounds(attack: str, corpus: Path) -> None:
    path, codes = build(corpus, [attack])[attack]
    outcome = run_cli("check", path, "--format", "json", "--quiet", "--fail-on", "never")
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    assert "Traceback" not in outcome.stderr and "panicked" not in outcome.stderr
    assert outcome.seconds < SECONDS
    assert outcome.peak_mb * 2**20 < MEMORY_CAP
    found = outcome.codes
    if codes:
        assert found & codes, f"{attack}: {found}, expected one of {sorted(codes)}"
    else:  # a file that must simply be read, e.g. a UTF-16 CSV
        assert not found & {"E101", "E102", "E104"}, found
