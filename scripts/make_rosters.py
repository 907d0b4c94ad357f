"""(Re)create the sample rosters and the test fixtures from their data files, deterministically.

    python scripts/make_rosters.py                  # sample_rosters/ and tests/fixtures/
    python scripts/make_rosters.py --write-expected # also tests/expected/<stem>.json

scripts/samples/sample_rosters/*.yaml make sample_rosters/, scripts/samples/fixtures/*.yaml make
tests/fixtures/ (not field/ and field2/: real rosters, written by hand). The data files live
outside both folders because the checker reads every roster file in a folder it is given. A
data file declares one file and what the checker should make of it (roster_source.py says
how), so the file and its golden tests/expected/<stem>.json come from one declaration. The
expected files are reviewed by hand; re-run with --write-expected only when a sample changes
on purpose.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import roster_damage
import roster_write
from roster_expected import EXPECTED, expected_json, expected_name, expected_record
from roster_source import ROOT, Source, load_source

DATA = Path(__file__).resolve().parent / "samples"
TARGETS = {"sample_rosters": ROOT / "sample_rosters", "fixtures": ROOT / "tests" / "fixtures"}
WRITERS = {
    "xlsx": roster_write.workbook_bytes,
    "csv": roster_write.csv_bytes,
    "ods": roster_write.ods_bytes,
    "text": roster_write.text_bytes,
}


def sources() -> Iterator[tuple[Source, Path]]:
    """Every data file that declares a file, with the folder the file goes to."""
    for name, folder in TARGETS.items():
        for path in sorted((DATA / name).glob("*.yaml")):
            source = load_source(path)
            if source.file is not None:
                yield source, folder


def file_bytes(source: Source) -> bytes:
    if source.format != "damaged":
        return WRITERS[source.format](source)
    damage = source.raw["damage"]
    valid = file_bytes(load_source(source.path.parent / f"{damage['from']}.yaml"))
    if "keep" in damage:
        return roster_damage.truncate(valid, damage["keep"])
    if damage.get("entity_bomb"):
        return roster_damage.entity_bomb(valid)
    return roster_damage.encrypt(valid, damage["password"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write-expected", action="store_true", help="also (re)write tests/expected/<stem>.json"
    )
    args = parser.parse_args(argv)
    for source, folder in sources():
        assert source.file is not None
        target = folder / source.file
        try:
            data = file_bytes(source)
        except ImportError as missing:  # encryption needs msoffcrypto-tool
            print(f"{target.relative_to(ROOT)}: left as it is ({missing.name} is not installed)")
            continue
        target.write_bytes(data)
        record = expected_record(source)
        print(f"{target.relative_to(ROOT)}: {record['status']}, {record['findings']}")
        if args.write_expected:
            EXPECTED.mkdir(parents=True, exist_ok=True)
            (EXPECTED / expected_name(source.file)).write_text(
                expected_json(record), encoding="utf-8"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
