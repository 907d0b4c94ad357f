"""Regression tests for issue 12's defects that do not need a subprocess (the hostile files
that could exhaust the machine are in tests/hostile/)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from checker.api import check_file, collect_files
from checker.reader import read_workbook

HEADER = "Date,Platform,Name,Organization,Title\n"


def _codes(path: Path) -> list[str]:
    return [f.code for f in check_file(path).findings]


# ---------------------------------------------------------------- 9: one bad cell, one finding


def test_an_infinite_number_in_a_date_column_is_a_bad_date_not_a_lost_file(tmp_path):
    from tests.hostile.corpus import roster_rows, xlsx

    third = (
        '<row r="3"><c r="A3"><v>INF</v></c><c r="B3" t="inlineStr"><is><t>OMT</t></is></c>'
        '<c r="C3" t="inlineStr"><is><t>R. Diaz</t></is></c><c r="D3" t="inlineStr"><is><t>IOM'
        '</t></is></c><c r="E3" t="inlineStr"><is><t>Chief of Mission</t></is></c></row>'
    )
    path = xlsx(tmp_path / "NER_2026-10.xlsx", roster_rows() + third)
    result = check_file(path)
    assert [(f.code, f.cell) for f in result.findings] == [("S203", "S1!A3")]
    # The row that could not be read stays visible as a meeting of its own, undetermined.
    assert [str(m.verdict) for m in result.meetings] == ["compliant", "undetermined"]


def test_a_csv_field_over_131072_characters_is_read_as_a_cell(tmp_path):
    path = tmp_path / "NER_2026-10.csv"
    path.write_text(HEADER + "05/10/2026,HCT,K. Osei,IOM,Chief of Mission\n"
                    "06/10/2026," + "x" * 200_000 + ",R. Diaz,IOM,Chief of Mission\n")  # fmt: skip
    result = check_file(path)
    assert result.status != "unreadable"
    assert ("S204", "'NER_2026-10'!B3") in [(f.code, f.cell) for f in result.findings]
    assert result.rows.read == 2


def test_a_stray_quote_does_not_swallow_the_rest_of_the_file(tmp_path):
    path = tmp_path / "NER_2026-10.csv"
    rows = [f"0{d}/10/2026,HCT,K. Osei,IOM,Chief of Mission\n" for d in range(1, 10)] * 10
    rows[0] = '01/10/2026,HCT,"K. Osei,IOM,Chief of Mission\n'  # the quote never closes
    path.write_text(HEADER + "".join(rows))
    result = check_file(path)
    assert result.status != "unreadable"
    assert result.rows.read == 90
    assert len(result.meetings) == 9


# ---------------------------------------------------------------- 11: formats by content


def test_a_utf16_csv_from_excel_is_read(tmp_path):
    path = tmp_path / "NER_2026-10.csv"
    path.write_text("Date\tPlatform\tName\tOrganization\tTitle\r\n05/10/2026\tHCT\tK. Osei\tOIM\t"
                    "Chef de Mission\r\n", encoding="utf-16")  # fmt: skip
    result = check_file(path)
    assert result.findings == ()
    assert [str(m.verdict) for m in result.meetings] == ["compliant"]


def test_an_xlsx_renamed_xls_is_read_by_its_content(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Date", "Platform", "Name", "Organization", "Title"])
    book.active.append(["05/10/2026", "HCT", "K. Osei", "IOM", "Chief of Mission"])
    path = tmp_path / "NER_2026-10.xls"
    book.save(path)
    assert zipfile.is_zipfile(path)
    result = check_file(path)
    assert result.findings == ()


def test_an_xls_roster_is_measured_then_read(tmp_path):
    from tests.hostile.corpus import xls_roster

    path = xls_roster()(tmp_path / "NER_2026-10.xls")
    result = check_file(path)
    assert result.findings == ()
    assert [str(m.verdict) for m in result.meetings] == ["compliant"]


def test_xls_sheets_are_bounded_one_by_one_and_in_all(tmp_path, monkeypatch):
    from checker import reader
    from tests.hostile.corpus import xls_roster

    # The roster's sheet spans 10 cells, Sheet2 reaches E4: 20 cells. A limit of 19 is
    # passed by Sheet2 alone; a limit of 29 by neither sheet, but by the two together.
    path = xls_roster((1, 3, 4))(tmp_path / "NER_2026-10.xls")
    monkeypatch.setattr(reader, "MAX_CELLS", 19)
    [finding] = check_file(path).findings
    assert (
        finding.code == "E104" and "a sheet (Sheet2) reaches column E and row 4" in finding.message
    )
    monkeypatch.setattr(reader, "MAX_CELLS", 29)
    [finding] = check_file(path).findings
    assert finding.code == "E104" and "the sheets reach 30 cells in all" in finding.message
    monkeypatch.setattr(reader, "MAX_CELLS", 30)
    assert "E104" not in _codes(path)


def test_the_size_limit_message_does_not_round_to_the_limit(tmp_path, monkeypatch):
    from checker import reader

    path = tmp_path / "big.csv"
    path.write_text(HEADER + "x" * 2000)
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 2000)
    result = check_file(path)
    assert [f.code for f in result.findings] == ["E104"]
    assert "2,038 bytes" in result.findings[0].message
    assert "2,000 bytes" in result.findings[0].message


# ---------------------------------------------------------------- 12: xlsb and delimiters


def test_a_comma_csv_with_semicolons_in_a_notes_column_is_split_on_commas(tmp_path):
    path = tmp_path / "NER_2026-10.csv"
    path.write_text("Date,Platform,Name,Organization,Title,Notes\n"
                    "05/10/2026,HCT,K. Osei,IOM,Chief of Mission,a; b; c; d; e; f; g; h; i; j\n"
                    '05/10/2026,HCT,A. Ba,OCHA,Head of Office,"x; y; z; w; v; u; t; s; r"\n')  # fmt: skip
    grid = read_workbook(path).sheets[0].cells
    assert grid[1][:5] == ["05/10/2026", "HCT", "K. Osei", "IOM", "Chief of Mission"]
    assert _codes(path) == []


def test_xlsb_files_are_found_in_folders(tmp_path):
    (tmp_path / "NER_2026-10.xlsb").write_bytes(b"PK\x03\x04")
    (tmp_path / "notes.txt").write_text("x")
    assert [p.name for p in collect_files([tmp_path])] == ["NER_2026-10.xlsb"]


# ---------------------------------------------------------------- CLI helpers

import hashlib  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from checker.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_rosters" / "ETH_2026-10.xlsx"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hostile_roster(tmp_path: Path, text: str) -> Path:
    """A roster whose Name cell holds `text` and whose title is unknown (so a finding quotes
    the roster's text)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Attendance"
    sheet.append(["Date", "Platform", "Name", "Organization", "Title", "Location"])
    sheet.append(["05/10/2026", "HCT", text, "IOM", "Chief " + text, text])
    path = tmp_path / "NER_2026-10.xlsx"
    book.save(path)
    # openpyxl refuses control characters: put them in by hand, as a hostile file would.
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    for name, data in parts.items():
        parts[name] = data.replace(
            b"PLACEHOLDER", "\x1b]0;pwned\x07\n::error file=x::forged\x9b\u202e".encode()
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


# ---------------------------------------------------------------- 3: inputs never overwritten


@pytest.mark.parametrize(
    "extra",
    [
        ["-o", "{roster}"],
        ["--format", "json", "-o", "{roster}"],
        ["--format", "xlsx", "-o", "{roster}"],
        ["--write-baseline", "{roster}"],
        ["{other}", "--format", "xlsx", "-o", "{roster}"],
        ["-o", "{link}"],
        ["{folder}", "-o", "{roster}"],
    ],
)
def test_check_never_writes_over_one_of_its_inputs(tmp_path, extra):
    roster = tmp_path / "rosters" / "ETH_2026-10.xlsx"
    roster.parent.mkdir()
    shutil.copy(SAMPLE, roster)
    other = tmp_path / "KEN_2026-10.xlsx"
    shutil.copy(ROOT / "sample_rosters" / "KEN_2026-10.xlsx", other)
    link = tmp_path / "link.xlsx"
    os.link(roster, link)
    before = _digest(roster)
    names = {"roster": roster, "other": other, "link": link, "folder": roster.parent}
    args = [a.format(**names) for a in extra]
    first = [] if "{folder}" in extra else [roster]
    code, _, err = run("check", *first, *args)
    assert code == 2
    assert "never writes over its inputs" in err
    assert _digest(roster) == before


def test_report_and_annotate_never_write_over_an_input(tmp_path):
    roster = tmp_path / "ETH_2026-10.xlsx"
    shutil.copy(SAMPLE, roster)
    before = _digest(roster)
    code, _, err = run("report", roster, "-o", roster, "--format", "xlsx")
    assert code == 2 and "never writes over its inputs" in err
    code, _, err = run("annotate", roster, "-o", roster)
    assert code == 2
    assert _digest(roster) == before


# ---------------------------------------------------------------- 5 and 6: annotate


def test_annotate_a_workbook_without_calc_properties(tmp_path):
    import zipfile

    from tests.hostile.corpus import roster_rows, xlsx

    path = xlsx(tmp_path / "NER_2026-10.xlsx", roster_rows())
    assert b"calcPr" not in zipfile.ZipFile(path).read("xl/workbook.xml")
    out = tmp_path / "out.xlsx"
    code, _, err = run("annotate", path, "-o", out)
    assert code == 0, err
    assert out.is_file()
    code, _, err = run("check", path, "--format", "xlsx", "-o", tmp_path / "single.xlsx")
    assert code == 0, err


def test_control_characters_from_cells_never_corrupt_the_annotated_copy(tmp_path):
    import xml.etree.ElementTree as ET
    import zipfile

    from tests.hostile.corpus import xlsx

    text = "A\x1b[31m\x01B"
    rows = (
        '<row r="1">' + "".join(
            f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>'
            for c, h in zip("ABCDE", ["Date", "Platform", "Name", "Organization", "Title"])
        ) + "</row>"
        '<row r="2"><c r="A2" t="inlineStr"><is><t>05/10/2026</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>HCT</t></is></c>'
        f'<c r="C2" t="inlineStr"><is><t>{text}</t></is></c>'
        '<c r="D2" t="inlineStr"><is><t>IOM</t></is></c>'
        f'<c r="E2" t="inlineStr"><is><t>Chief {text}</t></is></c></row>'
    )  # fmt: skip
    path = xlsx(tmp_path / "NER_2026-10.xlsx", rows)
    out = tmp_path / "out.xlsx"
    code, _, err = run("annotate", path, "-o", out)
    assert code == 0, err
    with zipfile.ZipFile(out) as archive:
        comments = [n for n in archive.namelist() if "comments" in n and n.endswith(".xml")]
        assert comments
        for name in archive.namelist():
            if name.endswith((".xml", ".vml", ".rels")):
                ET.fromstring(archive.read(name))  # well-formed, every part
                assert b"\x1b" not in archive.read(name)


# ---------------------------------------------------------------- 7: text output


def _injected(tmp_path: Path) -> Path:
    from tests.hostile.corpus import xlsx

    evil = "Boss\x1b]0;pwned\x07\n::error file=x.xlsx::forged\u202e"
    rows = (
        '<row r="1">' + "".join(
            f'<c r="{c}1" t="inlineStr"><is><t>{h}</t></is></c>'
            for c, h in zip("ABCDE", ["Date", "Platform", "Name", "Organization", "Title"])
        ) + "</row>"
        '<row r="2"><c r="A2" t="inlineStr"><is><t>05/10/2026</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>HCT</t></is></c>'
        '<c r="C2" t="inlineStr"><is><t>K. Osei</t></is></c>'
        '<c r="D2" t="inlineStr"><is><t>IOM</t></is></c>'
        f'<c r="E2" t="inlineStr"><is><t>{evil}</t></is></c></row>'
    )  # fmt: skip
    return xlsx(tmp_path / "NER_2026-10.xlsx", rows)


@pytest.mark.parametrize("fmt", ["text", "github", "markdown", "csv", "json", "sarif", "junit"])
def test_cell_text_cannot_inject_into_a_terminal_or_a_ci_log(tmp_path, fmt):
    path = _injected(tmp_path)
    code, out, err = run("check", path, "--format", fmt, "--color", "always")
    assert code == 1, err
    assert "\x1b]" not in out and "\x07" not in out and "\u202e" not in out
    assert not any(line.startswith("::error file=x.xlsx") for line in out.splitlines())


def test_colour_follows_no_color_and_the_option(tmp_path, monkeypatch):
    _, out, _ = run("check", SAMPLE, "--color", "always")
    assert "\x1b[" in out
    _, out, _ = run("check", SAMPLE, "--color", "never")
    assert "\x1b[" not in out
    monkeypatch.setenv("NO_COLOR", "1")
    from checker.output import use_color as _use_color

    class Tty:
        def isatty(self) -> bool:
            return True

    assert _use_color("auto", Tty()) is False  # type: ignore[arg-type]
    monkeypatch.delenv("NO_COLOR")
    assert _use_color("auto", Tty()) is True  # type: ignore[arg-type]


# ---------------------------------------------------------------- 8: CSV formulas


def test_csv_quotes_every_field_and_defuses_formulas_after_separators():
    import csv
    import io

    from checker.reporters.csv import neutralise

    value = "x;=cmd|' /C calc'!A0;"
    assert neutralise(value) == "x;'=cmd|' /C calc'!A0;"
    assert neutralise("a,+1, -2\t@SUM(A1)") == "a,'+1, '-2\t'@SUM(A1)"
    assert neutralise("=1") == "'=1"
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL).writerow(["a", neutralise(value)])
    for separator in ",;\t":  # opened with any separator, no piece starts a formula
        for field in buffer.getvalue().strip().split(separator):
            assert not field.strip('"').lstrip().startswith(("=", "+", "-", "@"))


# ---------------------------------------------------------------- 10: config files


def test_yaml_aliases_fanning_out_are_refused_quickly(tmp_path):
    bomb = tmp_path / "profile.yaml"
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]" for i in range(1, 9)]
    lines.append("mission: *a8")
    bomb.write_text("\n".join(lines) + "\n")
    start = time.monotonic()
    code, _, err = run("check", SAMPLE, "--profile", bomb)
    assert code == 2
    assert str(bomb) in err and "expands to more than" in err
    assert time.monotonic() - start < 10


@pytest.mark.parametrize(
    "content",
    ["[" * 100_000 + "]" * 100_000, '{"roster_check_baseline": 1, "findings": [{"path": ["x"]}]}',
     '{"roster_check_baseline": 1, "findings": [], "n": ' + "9" * 100_000 + "}"],
    ids=["deep", "unhashable", "huge-number"],
)  # fmt: skip
def test_a_hostile_baseline_is_a_one_line_error(tmp_path, content):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content)
    code, _, err = run("check", SAMPLE, "--baseline", baseline)
    assert code == 2
    assert str(baseline) in err and "internal error" not in err
    assert len(err.strip().splitlines()) == 1


def test_baseline_from_dev_zero_is_bounded():
    code, _, err = run("check", SAMPLE, "--baseline", "/dev/zero")
    assert code == 2 and "/dev/zero" in err


# ---------------------------------------------------------------- 11: environment failures


def test_a_read_only_folder_is_named_not_the_hidden_temp_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    code, _, err = run("check", SAMPLE, "-o", folder / "out.txt")
    folder.chmod(0o700)
    assert code == 2 and str(folder) in err and "/.out.txt." not in err


def test_a_full_disk_is_said_so_without_a_traceback(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    from openpyxl import Workbook

    from checker.files import save_workbook

    # /dev/full fails every write with ENOSPC: the workbook path of the CLI wording
    from checker.output import environment_error as _environment_error

    try:
        with open("/dev/full", "wb") as stream:
            stream.write(b"x" * 10)
    except OSError as exc:
        message = _environment_error(Path("out.xlsx"), exc)
    assert "disk is full" in message
    assert save_workbook is not None and Workbook is not None


def test_disk_full_while_saving_a_workbook_leaves_no_traceback(tmp_path):
    script = (
        "import errno, zipfile, sys\n"
        "from pathlib import Path\n"
        "from openpyxl import Workbook\n"
        "import checker.files as files\n"
        "real = zipfile.ZipFile.writestr\n"
        "def full(self, *a, **k):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "zipfile.ZipFile.writestr = full\n"
        "try:\n"
        "    files.save_workbook(Workbook(), Path(sys.argv[1]))\n"
        "except OSError as exc:\n"
        "    print('raised', exc.errno)\n"
        "import gc; gc.collect()\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out.xlsx")],
                          capture_output=True, text=True, cwd=ROOT, check=False)  # fmt: skip
    assert "raised 28" in done.stdout
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # no temporary file left


# ---------------------------------------------------------------- 4 and 13: signals, pipes


def _cli(*args: object, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "checker", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **kwargs)  # type: ignore[call-overload]  # fmt: skip


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129),
                                                (signal.SIGINT, 130)])  # fmt: skip
def test_a_signal_stops_the_workers_and_exits_128_plus_its_number(tmp_path, signum, status):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        shutil.copy(SAMPLE, folder / f"ETH_{i:03}_2026-10.xlsx")
    process = _cli("check", folder, "--jobs", "4", "--quiet", "-o", tmp_path / "out.txt")
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 4:
        workers = _children(process.pid)
        time.sleep(0.05)
    assert len(workers) >= 4, "the workers did not start"
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    assert process.returncode == status, err
    assert "Traceback" not in err
    time.sleep(0.5)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
             and "Z" not in (Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0])]  # fmt: skip
    assert alive == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many"]  # no output, no temp file


def test_a_signal_disguised_by_a_library_is_still_a_stop_not_an_internal_error():
    """A signal landing while a library imports (pydantic, seen with SIGHUP) may come up as
    another exception; the exit is still 128 + the signal, not 2 "internal error"."""
    script = (
        "import signal, checker.cli as cli\n"
        "def command(**kwargs):\n"
        "    try:\n"
        "        cli._interrupt(signal.SIGHUP, None)\n"
        "    except BaseException as exc:\n"
        "        raise RuntimeError('a library wrapped it') from exc\n"
        "cli.main = command\n"
        "cli.run()\n"
    )
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             cwd=ROOT, check=False, timeout=60)  # fmt: skip
    assert process.returncode == 129, process.stderr
    assert "internal error" not in process.stderr
    assert process.stderr.strip() == "roster-check: stopped"


def test_piping_into_head_stops_quietly(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(150):  # ~150 KB of report: more than a pipe holds
        os.link(SAMPLE, folder / f"ETH_{i:03}_2026-10.xlsx")
    process = subprocess.run(
        f"{sys.executable} -m checker check {folder} --jobs 1 --quiet | head -n 1",
        shell=True, capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert process.stdout.count("\n") == 1
    assert process.stderr == ""


# ---------------------------------------------------------------- 2: annotate's bound


def test_annotate_refuses_a_roster_too_large_to_copy_with_e104(tmp_path, monkeypatch):
    from checker import annotate

    monkeypatch.setattr(annotate, "ANNOTATE_MAX_ROWS", 10)
    roster = tmp_path / "ETH_2026-10.xlsx"
    shutil.copy(SAMPLE, roster)
    code, _, err = run("annotate", roster, "-o", tmp_path / "out.xlsx")
    assert code == 2
    assert "E104" in err and "too large to annotate" in err and "roster-check check" in err
    assert not (tmp_path / "out.xlsx").exists()


def test_annotate_refuses_a_workbook_of_large_sheets_before_checking_it(tmp_path, monkeypatch):
    # 1,048,000 rows were checked (20 s, 1.4 GB) only to be refused for their size.
    from checker import annotate, api

    def check_file(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked before being refused")

    monkeypatch.setattr(annotate, "ANNOTATE_MAX_SHEET_BYTES", 1000)
    monkeypatch.setattr(api, "check_file", check_file)
    roster = tmp_path / "ETH_2026-10.xlsx"
    shutil.copy(SAMPLE, roster)
    code, _, err = run("annotate", roster, "-o", tmp_path / "out.xlsx")
    assert code == 2
    assert "E104" in err and "too large to annotate" in err and "MB of sheets" in err
    assert not (tmp_path / "out.xlsx").exists()


def test_temporary_files_of_a_killed_run_are_never_taken_for_rosters(tmp_path):
    """A run killed outright (SIGKILL) cannot remove the file it was writing; its hidden
    name (.NAME.XXXXXXXX, as atomic_write makes it) keeps it out of the next run."""
    import tempfile

    shutil.copy(SAMPLE, tmp_path / "ETH_2026-10.xlsx")
    fd, temp = tempfile.mkstemp(prefix=".KEN_2026-10.xlsx.", dir=tmp_path)
    os.close(fd)
    Path(temp).with_name(".ETH_2026-11.xlsx").write_bytes(SAMPLE.read_bytes())
    assert [p.name for p in collect_files([tmp_path])] == ["ETH_2026-10.xlsx"]


def test_an_xlsb_roster_is_read_and_judged(tmp_path):
    from tests.hostile.corpus import xlsb_roster

    path = xlsb_roster()(tmp_path / "NER_2026-10.xlsb")
    result = check_file(path)
    assert result.findings == ()
    assert [str(m.verdict) for m in result.meetings] == ["compliant"]


def test_a_file_named_with_a_colon_first_starts_no_ci_command(tmp_path, monkeypatch):
    """Text output starts each file's line with its path: "::x.xlsx: mission…" would be read
    by GitHub Actions as a workflow command (found by tests/hostile/test_fuzz.py)."""
    import shutil

    from click.testing import CliRunner

    from checker.cli import main

    shutil.copyfile(Path(__file__).parent.parent / "sample_rosters" / "KEN_2026-10.xlsx",
                    tmp_path / ":KEN_2026-10.xlsx")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["check", ":KEN_2026-10.xlsx", "--color", "never"]).output
    assert out.startswith("./:KEN_2026-10.xlsx: ")
    assert not any(line.startswith("::") for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_an_output_that_is_no_regular_file_is_written_into_never_replaced(tmp_path, fmt):
    """Run as root, `-o /dev/null` renamed the report over /dev/null: the device became a
    regular file for every program of the machine (found when PostgreSQL's initdb then
    failed in CI). A named pipe stands for any device here: it must stay a pipe and get the
    report."""
    import stat
    import threading

    pipe = tmp_path / "out.xlsx"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = CliRunner().invoke(main, ["check", str(SAMPLE), "--format", fmt, "-o", str(pipe)])
    reader.join(timeout=60)
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert received and received[0][:2] in (b"{\n", b'{"', b"PK")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left
