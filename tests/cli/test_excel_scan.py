"""The quick proof that a plain sheet is within the limits never changes what the check decides.

``distribution.cli._excel_scan`` searches a sheet's bytes; when it proves every limit holds,
the check of each cell is skipped. The law: for every workbook, the outcome of the check
(the sheet chosen, or the error and its message) is the same with the quick proof as without
it. Workbooks are generated around the edges: every limit (made small), cells with and without
their reference, prefixed tags, formulas with and without a saved value, inline texts, long
values and shared texts, comments that look like cells.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from benchmarks.make_workbook import MAIN, datadump, workbook
from hypothesis import given, settings
from hypothesis import strategies as st

from distribution.cli import _excel, _excel_scan
from distribution.cli._excel_scan import UNBOUNDED, Limits, longest_shared, scan_sheet
from distribution.errors import DistributionError


def small_limits() -> contextlib.AbstractContextManager[object]:
    """The limits of the check made small, so that generated sheets reach each of them.

    The search reads 64 bytes at a time, so every cut between a tag and the next is tried.
    """
    return mock.patch.multiple(
        _excel,
        MAX_ROWS=100,
        MAX_COLUMNS=12,
        MAX_CELLS=300,
        MAX_CELL=40,
        MAX_TEXT=400,
        _SCAN_CHUNK=64,
    )


def outcome(path: Path, *, quick: bool) -> tuple[str, str]:
    """Return what the check decides of *path*: ("ok", sheet) or (error type, message)."""
    skip = contextlib.nullcontext() if quick else mock.patch.object(_excel, "scan_sheet")
    with path.open("rb") as handle, skip as scan:
        if scan is not None:
            scan.return_value = False
        try:
            return "ok", _excel._check(handle, str(path), None)
        except DistributionError as error:
            return type(error).__name__, str(error)


# Plain cells, as most writers write them; an oddity is put into one cell of a sheet below.
_cells: st.SearchStrategy[dict[str, object]] = st.fixed_dictionaries(
    {
        "letters": st.sampled_from(["A", "B", "C", "J", "K", "L", "L", "M"]),
        "row": st.sampled_from([0, 1, 2, 3, 9, 10, 24, 25, 26, 30, 100, 101]),
        "reference": st.just("r"),
        "type": st.sampled_from([None, "s", "n", "b"]),
        "value": st.one_of(
            st.none(),
            st.integers(0, 12).map(str),
            st.text("xyzæ&", min_size=35, max_size=45),
        ),
        "formula": st.just(False),
        "space": st.booleans(),
    }
)
_ODDITIES: dict[str, dict[str, object]] = {
    "far": {"row": 12345678},
    "far letters": {"letters": "AAAA"},
    "lower": {"letters": "a"},
    "no reference": {"reference": "none"},
    "reference last": {"reference": "last"},
    "formula": {"formula": True},
    "formula text": {"formula": True, "type": "str"},
    "inline text": {"type": "inlineStr"},
}


def _cell(cell: dict[str, object], prefix: str) -> str:
    reference = f"{cell['letters']}{cell['row']}"
    kind = "" if cell["type"] is None else f' t="{cell["type"]}"'
    head = {"r": f' r="{reference}"{kind}', "last": f'{kind} r="{reference}"', "none": kind}
    value = cell["value"]
    inner = f"<{prefix}f>1+1</{prefix}f>" if cell["formula"] else ""
    if value is not None:
        text = str(value).replace("&", "&amp;")
        if cell["type"] == "inlineStr":
            inner += f"<{prefix}is><{prefix}t>{text}</{prefix}t></{prefix}is>"
        else:
            inner += f"<{prefix}v>{text}</{prefix}v>"
    space = "\n  " if cell["space"] else ""
    return f"<{prefix}c{head[str(cell['reference'])]}>{space}{inner}</{prefix}c>"


_rows = st.lists(
    st.tuples(st.sampled_from([1, 2, 3, 25, 100, 101, None]), st.lists(_cells, max_size=4)),
    max_size=5,
)


@st.composite
def sheets(draw: st.DrawFn) -> tuple[str, str]:
    """A sheet's XML, with at most one oddity, and its shared texts' XML."""
    rows = draw(_rows)
    oddity = draw(st.sampled_from([None, None, None, "prefix", "comment", *_ODDITIES]))
    cells = [cell for _, row in rows for cell in row]
    if oddity in _ODDITIES and cells:
        draw(st.sampled_from(cells)).update(_ODDITIES[oddity])
    prefix = "x:" if oddity == "prefix" else ""
    body = "".join(
        (f'<{prefix}row r="{number}">' if number is not None else f"<{prefix}row>")
        + "".join(_cell(cell, prefix) for cell in row)
        + f"</{prefix}row>"
        for number, row in rows
    )
    if oddity == "comment":
        body = '<!-- <c r="ZZ999"> -->' + body
    space = f' xmlns:{prefix[:-1]}="{MAIN}"' if prefix else f' xmlns="{MAIN}"'
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><{prefix}worksheet{space}>'
        f"<{prefix}sheetData>{body}</{prefix}sheetData></{prefix}worksheet>"
    )
    texts = draw(st.lists(st.text("kq", min_size=1, max_size=30), max_size=4))
    items = "".join(f"<si><t>{text}</t></si>" for text in texts)
    shared = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{items}</sst>'
    return sheet, shared


@given(sheets())
@settings(max_examples=400, deadline=None)
def test_the_quick_proof_never_changes_the_outcome(sheet: tuple[str, str]) -> None:
    xml, shared = sheet
    with tempfile.TemporaryDirectory() as tmp, small_limits():
        path = workbook(
            Path(tmp) / "d.xlsx",
            {"Bestillinger": []},
            parts={"xl/worksheets/sheet1.xml": xml, "xl/sharedStrings.xml": shared},
        )
        assert outcome(path, quick=True) == outcome(path, quick=False)


def both_ways(tmp_path: Path, xml: str, shared: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """Return what the check decides of a workbook of *xml* and *shared*, quickly and not."""
    path = workbook(
        tmp_path / "d.xlsx",
        {"Bestillinger": []},
        parts={"xl/worksheets/sheet1.xml": xml, "xl/sharedStrings.xml": shared},
    )
    with small_limits():
        return outcome(path, quick=True), outcome(path, quick=False)


def _sheet(rows: str, prefix: str = "") -> str:
    space = f' xmlns:{prefix[:-1]}="{MAIN}"' if prefix else f' xmlns="{MAIN}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{prefix}worksheet{space}>'
        f"<{prefix}sheetData>{rows}</{prefix}sheetData></{prefix}worksheet>"
    )


_SHARED = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>kq</t></si></sst>'
_LONG_SHARED = _SHARED.replace("kq", "k" * 41)


@pytest.mark.parametrize(
    ("xml", "shared", "decided"),
    [
        (_sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), _SHARED, "ok"),
        (_sheet('<row r="1"><c r="A1"><f>1+1</f></c></row>'), _SHARED, "a formula without"),
        (_sheet('<row r="1"><c r="A1" t="str"><f>""</f><v></v></c></row>'), _SHARED, "ok"),
        (_sheet('<row r="1"><c r="M1"><v>1</v></c></row>'), _SHARED, "column 'M'"),
        (_sheet('<row r="1"><c r="L25"><v>1</v></c></row>'), _SHARED, "ok"),
        (_sheet('<row r="1"><c r="L26"><v>1</v></c></row>'), _SHARED, "the sheet spans 312"),
        (_sheet('<row r="101"></row>'), _SHARED, "has row 101"),
        (_sheet('<row r="1"><c r="A101"/></row>'), _SHARED, "has row 101"),
        (_sheet('<row r="1"><c r="A1234567"/></row>'), _SHARED, "has row 1,234,567"),
        (
            _sheet(
                "".join(
                    f'<row r="{n}"><c r="A{n}" t="str"><v>{"y" * 39}</v></c></row>'
                    for n in range(1, 12)
                )
            ),
            _SHARED,
            "the sheet's text",
        ),
        (
            # A shared text's cell whose value the search does not find: not an index, but text.
            _sheet(
                "".join(
                    f'<row r="{n}"><c r="A{n}" t="s"><extLst/><v>{"y" * 39}</v></c></row>'
                    for n in range(1, 12)
                )
            ),
            _SHARED,
            "the sheet's text",
        ),
        (_sheet(f'<row r="1"><c r="A1"><v>{"x" * 41}</v></c></row>'), _SHARED, "column A"),
        (_sheet(f'<row r="1"><c r="A1"><v>{"x" * 40}</v></c></row>'), _SHARED, "ok"),
        (_sheet('<row r="1"><c r="A1" t="s"><v>\u00b2</v></c></row>'), _SHARED, "ok"),
        (_sheet('<row r="1"><c r="A1" t="s"/></row>'), _SHARED, "ok"),
        (_sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), _LONG_SHARED, "column A"),
        (_sheet('<row r="1"><c r="A1" t="s">\n<v>0</v></c></row>'), _LONG_SHARED, "column A"),
        (_sheet('<row r="1"><c r="A1" t="s"><v>1</v></c></row>'), _LONG_SHARED, "ok"),
        (
            _sheet(
                "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>' for n in range(1, 22))
            ),
            _SHARED.replace("kq", "k" * 20),
            "the sheet's text",
        ),
        (
            _sheet('<x:row r="1"><x:c r="M1"><x:v>1</x:v></x:c></x:row>', "x:"),
            _SHARED,
            "column 'M'",
        ),
        (_sheet('<!-- <c r="ZZ9"> --><row r="1"><c r="A1"><v>1</v></c></row>'), _SHARED, "ok"),
        (_sheet('<row r="1"><c t="n" r="M1"><v>1</v></c></row>'), _SHARED, "column 'M'"),
        (_sheet('<row r="1"><c r="m1"><v>1</v></c></row>'), _SHARED, "column 'M'"),
        (_sheet("<row><c><v>1</v></c><c><v>1</v></c></row>" * 101), _SHARED, "has row 101"),
        (
            _sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>' + "y" * 41 + "</t></is></c></row>"),
            _SHARED,
            "column A",
        ),
        (
            _sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
            _SHARED.replace("<si>", "<x:si>")
            .replace("</si>", "</x:si>")
            .replace("<sst ", '<sst xmlns:x="' + MAIN + '" ')
            .replace("kq", "k" * 41),
            "column A",
        ),
    ],
)
def test_the_quick_proof_agrees_with_the_check_at_each_edge(
    tmp_path: Path, xml: str, shared: str, decided: str
) -> None:
    quick, checked = both_ways(tmp_path, xml, shared)
    assert quick == checked
    assert quick == ("ok", "Bestillinger") if decided == "ok" else decided in quick[1]


def _many(cell: str, count: int = 1) -> str:
    return "".join(f'<row r="{n}">{cell.format(n=n)}</row>' for n in range(1, count + 1))


_SHARED_20 = _SHARED.replace("kq", "k" * 20)
_Y = "y" * 41  # one character over the cell limit of small_limits()


# Sheets that look plain to a quick search and are not: each is refused by the check of each
# cell, so the quick proof must not pass any of them (found by a review of the proof).
@pytest.mark.parametrize(
    ("xml", "shared"),
    [
        (_sheet(_many("<c r='A{n}' t='str'><v>" + "y" * 39 + "</v></c>", 11)), _SHARED),
        (_sheet(_many('<c r="A{n}" t="inlineStr"><t>' + _Y + "</t></c>")), _SHARED),
        (_sheet(_many('<c r="A{n}"\tt="s"><v>0</v></c>', 21)), _SHARED_20),
        (_sheet(_many('<c r="A{n}" t="&#115;"><v>0</v></c>', 21)), _SHARED_20),
        (_sheet(_many(f'<c r="A{{n}}"><v><![CDATA[{_Y}]]></v></c>')), _SHARED),
        (_sheet(_many(f'<c r="A{{n}}"><v>{"y" * 25}<!---->{"y" * 25}</v></c>')), _SHARED),
        (_sheet(_many(f'<c r="A{{n}}"><v>{"y" * 25}</v><v>{"y" * 25}</v></c>')), _SHARED),
        (_sheet(_many(f'<c r="A{{n}}"><v>1</v>{_Y}</c>')), _SHARED),
        (_sheet(_many(f'<c r="A{{n}}"><v>1</v></c>{" " * 41}')), _SHARED),
        (
            _sheet(_many('<c r="A{n}"><v>1</v></c>')).replace(
                "</sheetData>",
                f"</sheetData><headerFooter><oddHeader>{_Y}</oddHeader></headerFooter>",
            ),
            _SHARED,
        ),
        (
            _sheet(_many('<c r="A{n}" t="s"><v>0</v></c>')),
            _SHARED.replace("kq", ("k" * 20 + "<!--<si>-->") * 3),
        ),
        (_sheet('<x:c r="ZZ999999"/>' + _many('<c r="A{n}"><v>1</v></c>')), _SHARED),
        (_sheet('<row r="9999999"/>' + _many('<c r="A{n}"><v>1</v></c>')), _SHARED),
        # Digits that str.isdigit takes and int does not: the check refuses them, never raises.
        (_sheet('<row r="1"><c r="A\u00b2"><v>1</v></c></row>'), _SHARED),
        (_sheet('<row r="\u00b2"><c><v>1</v></c></row>'), _SHARED),
    ],
)
def test_the_quick_proof_passes_no_sheet_the_check_refuses(
    tmp_path: Path, xml: str, shared: str
) -> None:
    quick, checked = both_ways(tmp_path, xml, shared)
    assert checked[0] != "ok", checked
    assert quick == checked


def test_a_shared_item_over_a_mebibyte_is_not_bounded_and_is_read_in_linear_time() -> None:
    head = b'<sst xmlns="' + MAIN.encode() + b'"><si><t>'
    chunks = [head, *([b"k" * 65536] * 32), b"</t></si></sst>"]
    assert longest_shared(chunks) == UNBOUNDED


@pytest.mark.parametrize("chunk", [97, 1 << 20])
def test_a_plain_datadump_is_proved_without_the_check_of_each_cell(
    tmp_path: Path, chunk: int
) -> None:
    path = workbook(tmp_path / "d.xlsx", {"Bestillinger": datadump(500)})
    with (
        mock.patch.object(_excel, "_listen_cells") as cells,
        mock.patch.object(_excel, "_SCAN_CHUNK", chunk),
    ):
        assert outcome(path, quick=True) == ("ok", "Bestillinger")
    cells.assert_not_called()
    # A row longer than the search carries from one chunk to the next is left to the check.
    with (
        mock.patch.object(_excel, "_listen_cells", wraps=_excel._listen_cells) as cells,
        mock.patch.object(_excel, "_SCAN_CHUNK", chunk),
        mock.patch.object(_excel_scan, "_CARRY", 50),
    ):
        assert outcome(path, quick=True) == ("ok", "Bestillinger")
    assert cells.called == (chunk < 1 << 20)
    # Over a limit, the check runs and names the row.
    with mock.patch.object(_excel, "MAX_ROWS", 400):
        assert outcome(path, quick=True) == outcome(path, quick=False)
        assert outcome(path, quick=True)[1].endswith(
            "d.xlsx has row 401, past the limit of 400 rows (Excel's own); it is not read"
        )


def test_the_bound_of_the_shared_texts_is_their_longest_item_and_no_more() -> None:
    head = b'<?xml version="1.0"?><sst xmlns="' + MAIN.encode() + b'">'
    items = b"<si><t>kq</t></si><si><t>" + b"k" * 50 + b"</t></si>"
    # Item by item, tags and all, in any chunks; what comes before the first is no item, and
    # the last runs to the end of the part.
    longest = len(b"<t>" + b"k" * 50 + b"</t></si></sst>")
    assert longest_shared([head + items + b"</sst>"]) == longest
    assert longest_shared([head, items[:9], items[9:], b"</sst>"]) == longest
    assert longest_shared([head + b"</sst>"]) == 0
    assert longest_shared([head + items.replace(b"<si>", b"<x:si>")]) == UNBOUNDED


def test_the_searches_give_the_same_answer_however_the_part_is_cut() -> None:
    declaration = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    shared = declaration + b'<sst xmlns="' + MAIN.encode() + b'"><si><t>kq</t></si></sst>'
    sheet = (
        declaration
        + _sheet('<row r="2"><c r="B2" t="s"><v>0</v></c></row>').encode()[
            len('<?xml version="1.0" encoding="UTF-8"?>') :
        ]
    )
    limits = Limits(rows=100, columns=12, cells=300, cell=40, text=400)
    for size in (1, 2, 7, 1 << 20):
        shared_chunks = [shared[i : i + size] for i in range(0, len(shared), size)]
        sheet_chunks = [sheet[i : i + size] for i in range(0, len(sheet), size)]
        assert longest_shared(shared_chunks) == len(b"<t>kq</t></si></sst>")
        assert scan_sheet(sheet_chunks, 2, limits)
    # A declaration that never ends is no declaration: what follows is not searched as plain.
    assert longest_shared([b"<?xml version=", b'"1.0"', b"<sst>"]) == UNBOUNDED
    assert longest_shared([]) == 0
