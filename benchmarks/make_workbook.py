"""Write an Excel workbook (.xlsx) as Excel writes one, for the benchmark and the tests.

Excel keeps texts once, in ``xl/sharedStrings.xml``, and saves each formula's value beside the
formula; a program that writes workbooks may do neither. This writer does what it is told,
cell by cell, so a test can build the workbook it needs (a formula without its value, a DTD, a
ZIP bomb) byte for byte, without a library that would tidy it up.

    python -m benchmarks.make_workbook OUT.xlsx 100000   # a datadump of 100,000 orders
"""

from __future__ import annotations

import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _types(sheets: int) -> str:
    """Return ``[Content_Types].xml``: what each part is, as Excel lists it."""
    overrides = [("/xl/workbook.xml", "sheet.main"), ("/xl/sharedStrings.xml", "sharedStrings")]
    overrides += [(f"/xl/worksheets/sheet{n}.xml", "worksheet") for n in range(1, sheets + 1)]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Override PartName="{name}" ContentType="{_OFFICE}.{kind}+xml"/>'
            for name, kind in overrides
        )
        + "</Types>"
    )


_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


@dataclass(frozen=True)
class Formula:
    """A formula cell; *saved* is the value Excel saved with it (``None``: none saved)."""

    text: str
    saved: object = None


def column(number: int) -> str:
    """Return the letters of a column: 1 is ``A``, 64 is ``BL``."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _value(value: object, strings: dict[str, int]) -> tuple[str, str]:
    """Return a cell's type attribute and its <v> or <is> element."""
    if isinstance(value, bool):
        return ' t="b"', f"<v>{int(value)}</v>"
    if isinstance(value, int | float):
        return "", f"<v>{value}</v>"
    text = str(value)
    index = strings.setdefault(text, len(strings))
    return ' t="s"', f"<v>{index}</v>"


def sheet_xml(rows: Iterable[Iterable[object]], strings: dict[str, int]) -> str:
    """Return a worksheet's XML; texts are added to *strings* (text → index) as Excel does."""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">']
    out.append("<sheetData>")
    for number, cells in enumerate(rows, start=1):
        out.append(f'<row r="{number}">')
        for place, value in enumerate(cells, start=1):
            if value is None:
                continue
            where = f"{column(place)}{number}"
            if isinstance(value, Formula):
                if value.saved is None:
                    out.append(f'<c r="{where}"><f>{escape(value.text)}</f></c>')
                    continue
                kind, saved = (
                    (' t="str"', f"<v>{escape(value.saved)}</v>")
                    if isinstance(value.saved, str)
                    else _value(value.saved, strings)
                )
                out.append(f'<c r="{where}"{kind}><f>{escape(value.text)}</f>{saved}</c>')
                continue
            kind, saved = _value(value, strings)
            out.append(f'<c r="{where}"{kind}>{saved}</c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def shared_xml(strings: Mapping[str, int]) -> str:
    """Return ``xl/sharedStrings.xml`` for *strings* (text → index)."""
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    )


def workbook(
    path: Path,
    sheets: Mapping[str, Iterable[Iterable[object]]],
    *,
    parts: Mapping[str, str | bytes] | None = None,
) -> Path:
    """Write the workbook *path* with *sheets* (name → rows) as Excel does, and return *path*.

    *parts* adds parts to the package or replaces the ones written here (by their name in
    the ZIP archive, as ``xl/worksheets/sheet1.xml``).
    """
    strings: dict[str, int] = {}
    written: dict[str, str | bytes] = {
        "[Content_Types].xml": _types(len(sheets)),
        "_rels/.rels": _ROOT_RELS,
    }
    entries, relations = [], []
    for number, (name, rows) in enumerate(sheets.items(), start=1):
        written[f"xl/worksheets/sheet{number}.xml"] = sheet_xml(rows, strings)
        entries.append(f'<sheet name="{escape(name)}" sheetId="{number}" r:id="rId{number}"/>')
        relations.append(
            f'<Relationship Id="rId{number}" Type="{_REL}/worksheet" '
            f'Target="worksheets/sheet{number}.xml"/>'
        )
    relations.append(
        f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/sharedStrings" '
        'Target="sharedStrings.xml"/>'
    )
    written["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<workbook xmlns="{MAIN}" xmlns:r="{_REL}"><sheets>{"".join(entries)}</sheets></workbook>'
    )
    written["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE}">'
        f"{''.join(relations)}</Relationships>"
    )
    written["xl/sharedStrings.xml"] = shared_xml(strings)
    written.update(parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in written.items():
            archive.writestr(name, content)
    return path


HEADER = (
    "Id",
    "TargetFormId",
    "TargetFormTypeId",
    "CreatedFormId",
    "Code",
    "UniqueId",
    "DistributionRule",
    "NotificationChannel",
    "OrderStatus",
    "ErrorCode",
)
"""The datadump's columns, as MRS names them."""


def datadump(rows: int) -> Iterable[tuple[object, ...]]:
    """Yield a datadump's header and *rows* orders whose codes cycle through valid values."""
    yield HEADER
    for n in range(rows):
        # Codes that agree: BasicOrPaper (3) by paper letter (4), answered (1), no error (0).
        yield (n + 1, 7, 1, 1000 + n, f"K{n:07d}", f"u-{n:08x}", 3, 4, 1, 0)


def main(argv: list[str]) -> int:
    out, rows = argv
    workbook(Path(out), {"Bestillinger": datadump(int(rows))})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
