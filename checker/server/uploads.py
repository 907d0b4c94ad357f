"""What an uploaded file is: a safe name to show and check it under, and its type judged by its
first bytes rather than by the name the browser sent.

The checker picks its reader by suffix, so the suffix the file is checked under is chosen here:
a name with a roster suffix keeps it (the reader then verifies the content, with the same E1xx
findings as the command line: a PNG named .xlsx is E101); a name without one gets the suffix
of what the content is — a zip workbook, an OLE (.xls) file, or text read as CSV. Content that
is none of these is refused before anything is stored.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from io import BytesIO

from checker.reader import ROSTER_SUFFIXES

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
MAX_NAME = 120


class RefusedUpload(Exception):
    """An upload that is not checked at all (the page says why; nothing is stored)."""

    def __init__(self, key: str, status: int, **values: object) -> None:
        super().__init__(key)
        self.key = key  # the message in the server catalogue
        self.status = status
        self.values = values


@dataclass(frozen=True)
class Upload:
    name: str  # the name shown and put in the result's `path`: a bare file name
    suffix: str  # the suffix it is checked and stored under
    content: bytes


def safe_name(given: str | None) -> str:
    """The bare file name of what a browser or client sent: no folders (either slash), no
    control characters, nothing but letters, digits and a few marks; never empty."""
    text = unicodedata.normalize("NFC", given or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = re.sub(r"[^\w .()\-+,]", "_", text).strip(" .")
    if len(text) > MAX_NAME:
        stem, dot, suffix = text.rpartition(".")
        text = (stem[: MAX_NAME - len(suffix) - 1] + dot + suffix) if dot and len(suffix) <= 5 \
            else text[:MAX_NAME]  # fmt: skip
    return text or "roster"


def content_kind(content: bytes) -> str:
    """zip, ole, text or binary, from the first bytes."""
    head = content[:8]
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    sample = content[:4096]
    if b"\x00" in sample:
        return "text" if _utf16(sample) else "binary"
    try:
        sample.decode("utf-8")
        return "text"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut by the sample's end
            return "text"
    # Legacy 8-bit text (Latin-1 CSV exports): mostly printable characters.
    printable = sum(32 <= b < 127 or b in (9, 10, 13) or b >= 160 for b in sample)
    return "text" if printable >= 0.95 * len(sample) else "binary"


def _utf16(sample: bytes) -> bool:
    return sample.startswith((b"\xff\xfe", b"\xfe\xff"))


def roster_suffix(name: str, content: bytes) -> str:
    """The suffix to check the file under; RefusedUpload when it is no kind of roster."""
    if not content:
        raise RefusedUpload("upload_empty", 400)
    given = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = content_kind(content)
    if given in ROSTER_SUFFIXES and not (given == ".csv" and kind in ("zip", "ole")):
        return given
    if kind == "zip":
        return ".ods" if _is_opendocument(content) else ".xlsx"
    if kind == "ole":
        return ".xls"
    if kind == "text":
        return ".csv"
    raise RefusedUpload("upload_wrong_type", 415, name=name)


def _is_opendocument(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(content)) as archive:
            return archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument")
    except Exception:  # not readable: the checker reports it (E101)
        return False


def check_name(name: str, suffix: str) -> str:
    """The name the file is checked under and shown with: the uploaded name with the suffix
    of what it is (KEN_2026-10.pdf holding a workbook becomes KEN_2026-10.xlsx)."""
    stem, dot, given = name.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,5}", given):
        stem = name
    return (stem or "roster") + suffix
