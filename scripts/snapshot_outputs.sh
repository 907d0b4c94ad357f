#!/usr/bin/env bash
# Every output of `check`, `annotate` and `report` on the bundled samples and the test fixtures,
# in every format and language, written to DIR; run it before and after a refactor and
# `diff -r` the two folders: a refactor that claims "no behaviour change" must show none.
# Usage: scripts/snapshot_outputs.sh DIR   (run from the repository root, venv active)
set -uo pipefail
out=${1:?usage: snapshot_outputs.sh DIR}
mkdir -p "$out"
sets=(sample_rosters tests/fixtures tests/fixtures/field tests/fixtures/field2)
for set in "${sets[@]}"; do
    tag=${set//\//_}
    for lang in en fr es; do
        for fmt in json text sarif junit markdown github csv; do
            roster-check check "$set" --jobs 1 --quiet --color never --lang "$lang" \
                --format "$fmt" -o "$out/$tag.$lang.$fmt" >/dev/null 2>"$out/$tag.$lang.$fmt.stderr"
            echo "exit $?" >>"$out/$tag.$lang.$fmt.stderr"
        done
    done
done
for lang in en fr es; do
    for fmt in md json; do
        roster-check report sample_rosters --jobs 1 --lang "$lang" --format "$fmt" \
            -o "$out/report.$lang.$fmt" >/dev/null 2>&1
        echo "exit $?" >"$out/report.$lang.$fmt.exit"
    done
done
# Annotated copies are zip files with timestamps: compare their cell contents instead.
for lang in en fr; do
    roster-check annotate sample_rosters/KEN_2026-10.xlsx --lang "$lang" -o "$out/annot.$lang.xlsx" \
        >/dev/null 2>&1
    python - "$out/annot.$lang.xlsx" >"$out/annot.$lang.cells" <<'PY'
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
for sheet in book.worksheets:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None or cell.comment is not None:
                note = cell.comment.text if cell.comment else ""
                print(sheet.title, cell.coordinate, repr(cell.value), repr(note))
PY
    rm -f "$out/annot.$lang.xlsx"
done
# What legitimately differs between two runs: the checkout's path (SARIF's absolute URIs) and
# the time a report was generated.
find "$out" -type f -exec sed -i -E -e "s#$PWD#ROOT#g" -e 's/ · [^·]* UTC$/ · GENERATED/' \
    -e 's/"generated": "[^"]*"/"generated": "GENERATED"/' {} +
