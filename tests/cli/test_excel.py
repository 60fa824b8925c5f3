"""Reading the datadump from Excel: values, formulas, the limits and hostile workbooks.

Every workbook here is written part by part (``benchmarks.make_workbook``), so each test holds
exactly the bytes it is about. The limits are stated in ``distribution.cli._excel``.
"""

from __future__ import annotations

import struct
import sys
import zipfile
import zlib
from typing import TYPE_CHECKING

import pytest
from benchmarks.make_workbook import MAIN, Formula, workbook

from tests.helpers.cli import HEADER, assert_one_line_error, run, xlsx

if TYPE_CHECKING:
    from pathlib import Path

PROG = "eprom-distribution: error: "
ROW: list[object] = ["a", "HEMMELIG", 3, 4, 1, 0]  # BasicOrPaper, paper letter, answered


def sheet_xml(rows: str, head: str = "") -> str:
    """Return a worksheet's XML around *rows* (``<row>`` elements written out by hand)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet xmlns="{MAIN}">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def with_sheet(path: Path, rows: str, head: str = "") -> Path:
    """Write a workbook whose one sheet (Bestillinger) is *rows*, as the XML gives them."""
    return workbook(
        path, {"Bestillinger": []}, parts={"xl/worksheets/sheet1.xml": sheet_xml(rows, head)}
    )


# The header as inline texts, in row 1, and a good order in row 2: the start of a sheet by hand.
_HEAD = (
    '<row r="1">'
    + "".join(
        f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for col, name in zip("CDEF", HEADER[2:], strict=True)
    )
    + "</row>"
)


def test_values_formulas_and_sheets_are_read(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "d.xlsx",
        {
            "Forside": [["Datadump fra MRS"]],
            "Bestillinger": [
                HEADER,
                ROW,
                # A formula with its saved value is read by that value: rule 3, channel 4.
                ["b", "X", Formula("1+2", 3), Formula("2*2", 4), 1, 0],
                # A formula whose saved value is "" is a blank cell, as Excel shows it.
                ["c", "Y", Formula('""', ""), None, None, None],
            ],
        },
    )
    code, out, err = run("audit", str(path), "--sheet", "Bestillinger", "--json")
    assert (code, err) == (0, "")
    assert '"rows": 2' in out
    assert "HEMMELIG" not in out
    code, out, err = run("audit", str(path))  # the first sheet, which has no datadump
    assert_one_line_error(code, out, err, "no column 'DistributionRule'")


@pytest.mark.parametrize(
    ("cell", "column"),
    [
        ('<c r="E3"><f>SUM(A1:A9)</f></c>', "E"),  # no value saved at all
        ('<c r="F3"><f>1+1</f><v/></c>', "F"),  # as openpyxl writes a formula: <v/>
        ('<c r="D3" t="b"><f>TRUE()</f><v></v></c>', "D"),  # an empty value of no text type
        ('<c r="E3"><f t="shared" si="0"/></c>', "E"),  # a shared formula, unsaved
        ('<c r="C3"><v>3</v></c><c><f>D2</f></c>', "D"),  # a cell without r: after C3
    ],
)
def test_a_formula_without_its_saved_value_names_its_cell(
    tmp_path: Path, cell: str, column: str
) -> None:
    """Before, such a cell read as empty: the row was skipped, "0 orders", exit 0."""
    good = '<row r="2"><c r="C2"><v>3</v></c><c r="D2"><v>4</v></c><c r="E2"><v>1</v></c></row>'
    path = with_sheet(tmp_path / "d.xlsx", f'{_HEAD}{good}<row r="3">{cell}</row>')
    code, out, err = run("audit", str(path))
    assert (code, out) == (2, "")
    assert err == (
        f"{PROG}{path} row 3, column {column}: a formula without a saved value, so the row "
        "cannot be read; open the workbook in Excel and save it again (Excel saves the value "
        "of each formula), or copy the cells and paste them as values\n"
    )


def test_a_formula_without_its_value_is_named_in_bokmal(tmp_path: Path) -> None:
    path = with_sheet(tmp_path / "d.xlsx", _HEAD + '<row r="7"><c r="C7"><f>A1</f></c></row>')
    code, out, err = run("audit", str(path), "--lang", "nb")
    assert (code, out) == (2, "")
    assert err == (
        f"{PROG.replace('error', 'feil')}{path} rad 7, kolonne C: en formel uten lagret verdi, "
        "så raden kan ikke leses; åpne arbeidsboken i Excel og lagre den på nytt (Excel lagrer "
        "verdien av hver formel), eller kopier cellene og lim dem inn som verdier\n"
    )


# --- the limits -----------------------------------------------------------------------------------


def _local(name: str, data: bytes, size: int, crc: int, method: int) -> bytes:
    head = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(name), 0
    )
    return head + name.encode() + data


def _central(name: str, data: bytes, size: int, crc: int, method: int, offset: int) -> bytes:
    head = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size, len(name), 0, 0, 0, 0, 0,
        offset,
    )  # fmt: skip
    return head + name.encode()


def raw_zip(path: Path, parts: list[tuple[str, bytes, int, int]]) -> Path:
    """Write a ZIP archive of raw-deflated *parts*: (name, data, size claimed, CRC claimed)."""
    body, directory = b"", b""
    for name, data, size, crc in parts:
        directory += _central(name, data, size, crc, 8, len(body))
        body += _local(name, data, size, crc, 8)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory),
                      len(body), 0)  # fmt: skip
    path.write_bytes(body + directory + end)
    return path


def deflated(data: bytes) -> tuple[bytes, int, int]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(), len(data), zlib.crc32(data)


def repeated(chunk: bytes, times: int) -> bytes:
    """Return raw deflate data that unpacks to *chunk* × *times*, made in no time.

    A block ended with a full flush refers to nothing before it, so it can be repeated; an
    empty final block closes the stream.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * times + b"\x03\x00"


def workbook_parts(tmp_path: Path) -> list[tuple[str, bytes, int, int]]:
    """The parts of a small good workbook, deflated, to build a hostile one from."""
    with zipfile.ZipFile(xlsx(tmp_path / "good.xlsx", [HEADER, ROW])) as archive:
        return [(n, *deflated(archive.read(n))) for n in archive.namelist()]


_MIB = 1024 * 1024


def bomb(tmp_path: Path, *, claimed: int | None = None, mib: int = 2048) -> Path:
    """A workbook whose shared texts are 2 MB packed and *mib* MiB unpacked."""
    parts = [p for p in workbook_parts(tmp_path) if p[0] != "xl/sharedStrings.xml"]
    data = repeated(b"a" * _MIB, mib)
    parts.append(("xl/sharedStrings.xml", data, claimed or mib * _MIB, 0))
    return raw_zip(tmp_path / "bomb.xlsx", parts)


def test_a_shared_strings_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = bomb(tmp_path)
    assert path.stat().st_size < 3 * _MIB  # 2 GiB of text in 2 MB
    code, out, err = run("audit", str(path))
    assert (code, out) == (2, "")
    assert err == (
        f"{PROG}{path}: unpacked, the parts of the workbook come to more than the limit of "
        "268,435,456 bytes; it is not read (a ZIP bomb, or far more than a datadump)\n"
    )


def test_a_bomb_whose_zip_directory_lies_is_refused_as_damaged(tmp_path: Path) -> None:
    """The directory claims 1 KB; zipfile unpacks no more than that, and the CRC fails."""
    path = bomb(tmp_path, claimed=1024)
    assert_one_line_error(
        *run("audit", str(path)), "the workbook's ZIP container is damaged or cut short"
    )


@pytest.mark.parametrize("part", ["_rels/.rels", "xl/worksheets/sheet1.xml"])
def test_a_part_whose_crc_fails_is_refused_as_damaged(tmp_path: Path, part: str) -> None:
    # A part beside the sheet is read cell by cell; the sheet is searched first, in large chunks.
    parts = [
        (name, data, size, crc ^ 1 if name == part else crc)
        for name, data, size, crc in workbook_parts(tmp_path)
    ]
    path = raw_zip(tmp_path / "crc.xlsx", parts)
    assert_one_line_error(
        *run("audit", str(path)), "the workbook's ZIP container is damaged or cut short"
    )


def test_a_part_packed_tighter_than_the_ratio_is_refused(tmp_path: Path) -> None:
    path = bomb(tmp_path, mib=50)  # 50 MiB in about 50 KB: under the total, over the ratio
    code, out, err = run("audit", str(path), "--lang", "nb")
    assert (code, out) == (2, "")
    assert err == (
        f"eprom-distribution: feil: {path}: delen 'xl/sharedStrings.xml' blir over 100 ganger "
        "så stor når den pakkes ut, mer enn grensen; den leses ikke (en ZIP-bombe)\n"
    )


def test_the_limit_is_on_the_parts_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("distribution.cli._excel.MAX_UNPACKED", 2000)
    path = xlsx(tmp_path / "d.xlsx", [HEADER, ROW])  # no part of 2,000 bytes, all of them more
    assert_one_line_error(*run("audit", str(path)), "more than the limit of 2,000 bytes")


def test_a_part_longer_than_its_claim_is_never_unpacked_past_it(tmp_path: Path) -> None:
    """The directory claims 1 KB, with the CRC of the first 1 KB; the part holds 1 GiB.

    zipfile unpacks the 1 KB claimed and no more, which is not a whole XML document; calamine's
    ZIP reader would refuse the part as larger than it claims.
    """
    parts = [p for p in workbook_parts(tmp_path) if p[0] != "xl/sharedStrings.xml"]
    head = f'<sst xmlns="{MAIN}"><si><t>'.encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH) + repeated(b"a" * _MIB, 1024)
    claimed = head + b"a" * (1024 - len(head))
    parts.append(("xl/sharedStrings.xml", data, len(claimed), zlib.crc32(claimed)))
    path = raw_zip(tmp_path / "d.xlsx", parts)
    assert_one_line_error(
        *run("audit", str(path)),
        f"{path}: the part 'xl/sharedStrings.xml' of the workbook is damaged (not well-formed "
        "XML, line 1); it is not read",
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        # Two cells 2 KB apart in the file, a grid of 17 billion: calamine would abort.
        (
            (
                '<row r="1"><c r="A1"><v>1</v></c></row>'
                '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'
            ),
            (
                "{path} row 1,048,576 has a cell in column 'XFD', past the limit of 64 cells per "
                "row; it is not read"
            ),
        ),
        (
            # A prefix hides nothing: calamine matches elements by their local names.
            f'<x:row xmlns:x="{MAIN}" r="3"><x:c r="XFD3"><x:v>2</x:v></x:c></x:row>',
            (
                "{path} row 3 has a cell in column 'XFD', past the limit of 64 cells per row; "
                "it is not read"
            ),
        ),
        (
            '<row r="9"><c r="bm9"><v>2</v></c></row>',  # letters in either case
            (
                "{path} row 9 has a cell in column 'BM', past the limit of 64 cells per row; it "
                "is not read"
            ),
        ),
        (
            '<row r="2"><c r="AAAAAAAAAAAAAAAA2"><v>2</v></c></row>',
            (
                "{path} row 2 has a cell in column 'AAAAAAAAAAAAAAAA', past the limit of 64 cells "
                "per row; it is not read"
            ),
        ),
        (
            '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
            (
                "{path} has row 1,048,577, past the limit of 1,048,576 rows (Excel's own); it is "
                "not read"
            ),
        ),
        (
            '<row r="99999999999999999999"><c><v>1</v></c></row>',
            (
                "{path} has row 1,048,577, past the limit of 1,048,576 rows (Excel's own); it is "
                "not read"
            ),
        ),
        (
            '<row r="1">' + "".join(f'<c r="{c}1"><v>1</v></c>' for c in "ABCDEFGHIJK") + "</row>"
            '<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
            (
                "{path}: the sheet spans 11,534,336 cells (rows × columns), over the limit of "
                "10,485,760; it is not read"
            ),
        ),
        (
            '<row r="2"><c r="B2" t="inlineStr"><is><t>' + "x" * 32_768 + "</t></is></c></row>",
            (
                "{path} row 2, column B: the cell is longer than the limit of 32,767 characters "
                "(Excel's own); it is not read"
            ),
        ),
        (
            '<row r="4"><c r="C4" t="str"><f>REPT("x",40000)</f><v>'
            + "x" * 40_000
            + "</v></c></row>",
            (
                "{path} row 4, column C: the cell is longer than the limit of 32,767 characters "
                "(Excel's own); it is not read"
            ),
        ),
    ],
)
def test_each_limit_of_a_sheet_names_itself(tmp_path: Path, rows: str, message: str) -> None:
    path = with_sheet(tmp_path / "d.xlsx", rows)
    code, out, err = run("audit", str(path))
    assert (code, out) == (2, "")
    assert err == PROG + message.format(path=path) + "\n"


def test_a_limit_reads_in_bokmal_with_its_digits_grouped(tmp_path: Path) -> None:
    path = with_sheet(tmp_path / "d.xlsx", '<row r="1048577"><c r="A1048577"><v>1</v></c></row>')
    code, out, err = run("audit", str(path), "--lang", "nb")
    assert (code, out) == (2, "")
    assert err == (
        f"eprom-distribution: feil: {path} har rad 1\u00a0048\u00a0577, forbi grensen på "
        "1\u00a0048\u00a0576 rader (Excels egen); den leses ikke\n"
    )


def test_a_long_shared_text_is_refused_where_a_cell_uses_it(tmp_path: Path) -> None:
    long, short = "x" * 32_768, "x" * 32_767
    path = xlsx(tmp_path / "d.xlsx", [HEADER, ROW, ["b", short, 3, 4, 1, 0], ["c", long, 3, 4]])
    assert_one_line_error(
        *run("audit", str(path)),
        f"{path} row 4, column B: the cell is longer than the limit of 32,767 characters",
    )
    path = xlsx(tmp_path / "e.xlsx", [HEADER, ROW, ["b", short, 3, 4, 1, 0]])  # at the limit
    assert run("audit", str(path))[0] == 0


def test_the_sheets_text_counts_a_shared_text_wherever_it_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """calamine copies a shared text into each cell that uses it: that is what is counted."""
    monkeypatch.setattr("distribution.cli._excel.MAX_TEXT", 1000)
    rows = [HEADER, *([["order", "K" * 100, 3, 4, 1, 0]] * 8)]
    path = xlsx(tmp_path / "d.xlsx", rows)  # 61 in the header, 8 × 105 in the rows: 901
    assert run("audit", str(path))[0] == 0
    path = xlsx(tmp_path / "e.xlsx", [*rows, ["order", "K" * 100, 3, 4, 1, 0]])  # 1,006
    assert_one_line_error(
        *run("audit", str(path)),
        f"{path}: the sheet's text is over the limit of 1,000 characters (a shared text "
        "counted wherever it is used); it is not read",
    )


# --- what is no workbook, or a damaged or hostile one -----------------------------------------


_CSV = b"DistributionRule;NotificationChannel;OrderStatus;ErrorCode\r\n3;4;1;0\r\n"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (_CSV, "it is a CSV file with an Excel name; rename it to .csv and it is read as CSV"),
        (b"\xef\xbb\xbf" + _CSV, "it is a CSV file with an Excel name"),  # with a BOM
        ("Ordre\tKanal\næøå\t1\n".encode(), "it is a CSV file with an Excel name"),
        (b"Datadump fra MRS\n", "it is a text file, not an Excel workbook (.xlsx)"),
        ("Datadump fra MRS æ".encode()[:-1], "it is a text file, not an Excel workbook"),
        (b"\x00\x01\x02garbage\xff", "it is neither an Excel workbook (.xlsx) nor text"),
        (b"\xff\xfe\x00", "it is neither an Excel workbook (.xlsx) nor text"),
        (b"", "it is neither an Excel workbook (.xlsx) nor text"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
            (
                "it is an old Excel file (.xls) or a password-protected workbook; save it in Excel "
                "as an Excel Workbook (.xlsx) without a password, or as CSV"
            ),
        ),
        (b"PK\x03\x04 cut short", "the workbook's ZIP container is damaged or cut short"),
    ],
)
def test_a_file_that_is_no_workbook_says_what_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, problem: str
) -> None:
    monkeypatch.chdir(tmp_path)  # a short name: a long one is shortened in the message
    (tmp_path / "d.xlsx").write_bytes(content)
    code, out, err = run("audit", "d.xlsx")
    assert (code, out) == (2, "")
    assert err.startswith(f"{PROG}cannot read 'd.xlsx': {problem}")


_XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
_LAUGHS = '<!DOCTYPE x [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/styles.xml"])
@pytest.mark.parametrize("doctype", [_XXE, _LAUGHS])
def test_a_dtd_in_a_part_that_is_read_is_refused(tmp_path: Path, part: str, doctype: str) -> None:
    content = sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>', doctype)
    path = workbook(tmp_path / "d.xlsx", {"Bestillinger": []}, parts={part: content})
    code, out, err = run("audit", str(path))
    assert (code, out) == (2, "")
    assert err == (
        f"{PROG}{path}: the part '{part}' declares a DTD (<!DOCTYPE …>), which Excel never "
        "writes and which can make a program fetch other files (XXE); it is not read\n"
    )


def test_a_dtd_in_a_sheet_not_read_is_no_matter(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "d.xlsx",
        {"Bestillinger": [HEADER, ROW], "Notater": []},
        parts={"xl/worksheets/sheet2.xml": sheet_xml("", _XXE)},
    )
    assert run("audit", str(path))[0] == 0


@pytest.mark.parametrize(
    ("part", "content", "line"),
    [
        ("xl/worksheets/sheet1.xml", sheet_xml('<row r="1"><c r="A1"><v>1</c></row>'), 1),
        ("xl/workbook.xml", "<workbook>\n<sheets>\n<sheet", 3),
        ("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">\n<si><t>a</si></sst>', 2),
    ],
)
def test_xml_that_is_not_well_formed_names_its_part_and_line(
    tmp_path: Path, part: str, content: str, line: int
) -> None:
    path = workbook(tmp_path / "d.xlsx", {"Bestillinger": [HEADER]}, parts={part: content})
    code, out, err = run("audit", str(path))
    assert (code, out) == (2, "")
    assert err == (
        f"{PROG}{path}: the part '{part}' of the workbook is damaged (not well-formed XML, "
        f"line {line}); it is not read\n"
    )


_DAMAGED = "the workbook is damaged: a part is missing or holds what Excel does not write"


@pytest.mark.parametrize(
    "parts",
    [
        {"xl/workbook.xml": f'<workbook xmlns="{MAIN}"><sheets/></workbook>'},  # no sheet
        # The sheet's relation points to a part that is not there.
        {"xl/worksheets/sheet1.xml": None},
        # What only calamine finds: a shared text that is not there, a boolean that is not 0/1.
        {"xl/worksheets/sheet1.xml": sheet_xml('<row r="1"><c r="A1" t="s"><v>99</v></c></row>')},
        {"xl/worksheets/sheet1.xml": sheet_xml('<row r="1"><c r="A1" t="b"><v>x</v></c></row>')},
        # A cell reference or a row number that is no reference.
        {"xl/worksheets/sheet1.xml": sheet_xml('<row r="1"><c r="1A"><v>1</v></c></row>')},
        {"xl/worksheets/sheet1.xml": sheet_xml('<row r="x"><c><v>1</v></c></row>')},
    ],
)
def test_a_damaged_workbook_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parts: dict[str, str | None]
) -> None:
    monkeypatch.chdir(tmp_path)
    path = workbook(tmp_path / "d.xlsx", {"Bestillinger": [HEADER, ROW]})
    with zipfile.ZipFile(path) as archive:
        kept = {n: archive.read(n) for n in archive.namelist() if parts.get(n, "") is not None}
    replaced = {n: c.encode() for n, c in parts.items() if c is not None}
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in {**kept, **replaced}.items():
            archive.writestr(name, content)
    code, out, err = run("audit", "d.xlsx")
    assert (code, out) == (2, "")
    assert err == f"{PROG}cannot read 'd.xlsx': {_DAMAGED}\n"


def test_a_workbook_without_its_workbook_part_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert_one_line_error(*run("audit", str(path)), _DAMAGED)


def test_a_missing_or_unreadable_workbook_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(*run("audit", str(tmp_path / "none.xlsx")), "no such file")
    (tmp_path / "dir.xlsx").mkdir()
    assert_one_line_error(*run("audit", str(tmp_path / "dir.xlsx")), "it is a directory")


def test_the_sheet_is_found_by_its_relation_from_the_root_too(tmp_path: Path) -> None:
    path = workbook(tmp_path / "d.xlsx", {"Bestillinger": [HEADER, ROW]})
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    absolute = rels.replace('Target="worksheets/', 'Target="/xl/worksheets/')
    path = workbook(
        tmp_path / "e.xlsx",
        {"Bestillinger": [HEADER, ROW]},
        parts={"xl/_rels/workbook.xml.rels": absolute},
    )
    assert run("audit", str(path))[0] == 0
    assert sys.modules["python_calamine"] is not None


def test_a_workbook_with_no_shared_texts_is_read(tmp_path: Path) -> None:
    rows = '<row r="2"><c r="C2"><v>3</v></c><c r="D2"><v>4</v></c><c r="E2"><v>1</v></c>'
    path = with_sheet(tmp_path / "d.xlsx", _HEAD + rows + '<c r="F2"><v>0</v></c></row>')
    with zipfile.ZipFile(path) as archive:
        kept = {n: archive.read(n) for n in archive.namelist() if n != "xl/sharedStrings.xml"}
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in kept.items():
            archive.writestr(name, content)
    code, out, _ = run("audit", str(path), "--json")
    assert code == 0
    assert '"rows": 1' in out


def test_a_phonetic_run_of_a_shared_text_is_not_its_length(tmp_path: Path) -> None:
    """Excel shows the text of a shared item, not its phonetic guide (<rPh>)."""
    path = xlsx(tmp_path / "d.xlsx", [HEADER, ["a", "x" * 32_767, 3, 4, 1, 0]])
    with zipfile.ZipFile(path) as archive:
        shared = archive.read("xl/sharedStrings.xml").decode()
    long = shared.replace("</t></si>", '</t><rPh sb="0" eb="1"><t>yy</t></rPh></si>')
    path = workbook(
        tmp_path / "e.xlsx",
        {"Bestillinger": [HEADER, ["a", "x" * 32_767, 3, 4, 1, 0]]},
        parts={"xl/sharedStrings.xml": long},
    )
    assert run("audit", str(path))[0] == 0


def test_ctrl_c_while_calamine_reads_is_not_a_damaged_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Interrupted:
        @staticmethod
        def from_path(_: str) -> None:
            raise KeyboardInterrupt

    monkeypatch.setattr("python_calamine.CalamineWorkbook", Interrupted)
    path = xlsx(tmp_path / "d.xlsx", [HEADER, ROW])
    code, out, err = run("audit", str(path))
    assert (code, out) == (130, "")
    assert "damaged" not in err


@pytest.mark.parametrize(
    "rows",
    [
        # Rows and cells without r count on from the one before, as calamine counts them.
        '<row><c t="inlineStr"><is><t>a</t></is></c></row><row><c><v>1</v></c></row>',
        # Rows out of order: the grid is as large as the largest row, whatever came first.
        '<row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>',
        '<row r="1"/>',  # a row with no cell
        "",  # no row
    ],
)
def test_a_sheet_without_a_datadump_is_checked_and_read(tmp_path: Path, rows: str) -> None:
    path = with_sheet(tmp_path / "d.xlsx", rows)
    code, out, err = run("audit", str(path))
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert "DistributionRule" in err or "empty" in err


def _renamed(path: Path, renames: dict[str, str], extra: dict[str, bytes] | None = None) -> Path:
    """Rewrite the workbook at *path* with some parts renamed (and *extra* parts added)."""
    with zipfile.ZipFile(path) as archive:
        parts = {renames.get(n, n): archive.read(n) for n in archive.namelist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in {**parts, **(extra or {})}.items():
            archive.writestr(name, content)
    return path


def test_a_part_named_in_other_letter_case_is_checked_as_calamine_reads_it(tmp_path: Path) -> None:
    """calamine finds xl/SharedStrings.xml as the shared texts: the limits must see it too."""
    long = "x" * 32_768
    path = xlsx(tmp_path / "d.xlsx", [HEADER, ROW, ["c", long, 3, 4]])
    _renamed(path, {"xl/sharedStrings.xml": "xl/SharedStrings.xml"})
    assert_one_line_error(
        *run("audit", str(path)),
        f"{path} row 3, column B: the cell is longer than the limit of 32,767 characters",
    )
    # The other parts too: a workbook whose names are in capitals is read like any other.
    path = xlsx(tmp_path / "e.xlsx", [HEADER, ROW])
    _renamed(
        path,
        {
            "xl/workbook.xml": "XL/WORKBOOK.XML",
            "xl/_rels/workbook.xml.rels": "xl/_rels/Workbook.xml.rels",
            "xl/worksheets/sheet1.xml": "xl/worksheets/Sheet1.xml",
        },
    )
    code, out, _ = run("audit", str(path), "--json")
    assert code == 0, out
    assert '"rows": 1' in out


def test_two_parts_whose_names_differ_only_in_case_are_refused(tmp_path: Path) -> None:
    """Which of the two calamine reads depends on their order: neither is trusted."""
    path = xlsx(tmp_path / "d.xlsx", [HEADER, ROW])
    with zipfile.ZipFile(path) as archive:
        shared = archive.read("xl/sharedStrings.xml")
    _renamed(path, {}, {"XL/SHAREDSTRINGS.XML": shared})
    for lang, message in [
        ("en", "the workbook has two parts whose names differ only in letter case"),
        ("nb", "arbeidsboken har to deler med samme navn når store og små bokstaver regnes som"),
    ]:
        code, out, err = run("audit", str(path), "--lang", lang)
        assert (code, out) == (2, "")
        assert message in err
        assert len(err.splitlines()) == 1
