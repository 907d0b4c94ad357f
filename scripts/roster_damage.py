"""Damage a valid workbook the way attachments arrive damaged: cut off in transit, carrying an
XML entity bomb, or protected by a password."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile

from roster_write import normalise_zip

BOMB_DOCTYPE = (
    "<!DOCTYPE lolz [\n"
    ' <!ENTITY lol "lol">\n'
    ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    + "".join(f' <!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">\n' for i in range(2, 10))
    + "]>\n"
)
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_OVERRIDE = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}" />'
SST_RELATION = f'<Relationship Type="{SST_REL}" Target="sharedStrings.xml" Id="rId9" />'
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def truncate(valid: bytes, keep: int | str) -> bytes:
    """The first `keep` bytes ("half": the first half)."""
    return valid[: len(valid) // 2 if keep == "half" else int(keep)]


def add_bomb(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    decl = re.match(r"<\?xml[^>]*\?>\s*", text)
    head = decl.group(0) if decl else ""
    return (head + BOMB_DOCTYPE + text[len(head) :]).encode("utf-8")


def entity_bomb(valid: bytes) -> bytes:
    """Billion laughs in both the first worksheet and the shared strings.

    openpyxl writes inline strings, so a sharedStrings part is added (content type, relation)
    and cell K1 refers to it; J1 holds the entity as an inline string.
    """
    sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + BOMB_DOCTYPE
        + f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    ).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(valid)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = add_bomb(content)
                content = re.sub(
                    rb"(<row r=\"1\"[^>]*>.*?)(</row>)",
                    rb'\1<c r="J1" t="inlineStr"><is><t>&lol9;</t></is></c>'
                    rb'<c r="K1" t="s"><v>0</v></c>\2',
                    content,
                    count=1,
                    flags=re.S,
                )
                content = re.sub(
                    rb'<dimension ref="A1:I(\d+)" />', rb'<dimension ref="A1:K\1" />', content
                )
            elif info.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", (SST_OVERRIDE + "</Types>").encode())
            elif info.filename == "xl/_rels/workbook.xml.rels":
                content = content.replace(
                    b"</Relationships>", (SST_RELATION + "</Relationships>").encode()
                )
            dst.writestr(info, content)
            if info.filename == "xl/worksheets/sheet1.xml":
                dst.writestr(zipfile.ZipInfo("xl/sharedStrings.xml", info.date_time), sst)
    data = normalise_zip(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"&lol9;" in z.read("xl/sharedStrings.xml")
        assert z.read("xl/worksheets/sheet1.xml").count(b"&lol9;") == 1
    return data


def encrypt(valid: bytes, password: str) -> bytes:
    """A real ECMA-376 agile-encrypted workbook (needs msoffcrypto-tool), its random salts
    seeded and its CFB directory timestamps fixed so the bytes are reproducible."""
    import msoffcrypto.method.container.ecma376_encrypted as container
    import msoffcrypto.method.ecma376_agile as agile
    from msoffcrypto.format.ooxml import OOXMLFile

    rng = random.Random(20261031)

    class FixedNow(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> FixedNow:  # type: ignore[override]
            return cls(2026, 10, 31, 17, 0, 0)

    original = agile._random_buffer, container.datetime
    agile._random_buffer = lambda size: rng.randbytes(size)
    container.datetime = FixedNow
    try:
        out = io.BytesIO()
        OOXMLFile(io.BytesIO(valid)).encrypt(password, out)
    finally:
        agile._random_buffer, container.datetime = original
    return out.getvalue()
