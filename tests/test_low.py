"""Smaller hardenings: abbreviated flags, encodings, secrets of the wrong type, duplicate keys,
Ctrl-C while loading, and reprs of hostile records."""

from __future__ import annotations

import gzip
import io
import json
import pickle
import runpy
import sys
import types
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from distribution import (
    FormOrderStatus,
    FormOrderStatusCallback,
    InvalidTypeError,
    InvalidValueError,
    KrrRecord,
    NotificationChannel,
    read_callback,
    verify,
)
from distribution.cli import main
from distribution.eprom._api_key import ApiKey, key_of
from tests.helpers.cli import run

if TYPE_CHECKING:
    from pathlib import Path

GUID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"
DECISION = (
    '{"rule": {"code": 3, "name": "BasicOrPaper"}, "route": [{"code": 1, "name": "Helsenorge"},'
    ' {"code": 2, "name": "DigitalMailbox"}, {"code": 4, "name": "PhysicalMailbox"}],'
    ' "availability": {"helsenorge": false, "digital_mailbox": false, "krr_contact": false,'
    ' "paper": true}, "chain": [{"code": 4, "name": "PhysicalMailbox"}],'
    ' "channel": {"code": 4, "name": "PhysicalMailbox"}, "outcome": "NOTIFIED"}'
)


@pytest.mark.parametrize("flag", ["--lan", "--la", "--lang"])
def test_an_abbreviated_lang_flag_is_read_as_the_flag(flag: str) -> None:
    code, out, err = run("rules", flag, "xx")
    assert (code, out) == (2, "")
    assert err == (
        "eprom-distribution: error: 'xx' is not a supported language; choose from: nb, en\n"
    )
    assert run("rules", f"{flag}=xx")[2] == err
    assert run("rules", flag, "nb")[0] == 0


_NO_BOM = (
    "eprom-distribution: error: dump.csv does not start with a byte-order mark (BOM), which "
    "--encoding {value} needs to know the order of the bytes; give the order yourself: "
    "--encoding {choices} (Windows writes -le)\n"
)
_COHORT = "helsenorge,digital_mailbox,krr_contact,paper\n1,0,0,1\n"


@pytest.mark.parametrize("command", ["audit", "simulate"])
@pytest.mark.parametrize(
    ("encoding", "choices"),
    [
        ("utf-16", "utf-16-le, utf-16-be"),
        ("UTF16", "utf-16-le, utf-16-be"),
        ("utf_32", "utf-32-le, utf-32-be"),
    ],
)
def test_a_file_in_utf16_without_its_bom_is_bad_input_with_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, encoding: str, choices: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dump.csv").write_bytes(_COHORT.encode("utf-16-le"))
    code, out, err = run(command, "dump.csv", "--encoding", encoding)
    assert (code, out) == (2, "")
    assert err == _NO_BOM.format(value=f"'{encoding}'", choices=choices)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_with_its_bom_or_its_order_named_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    monkeypatch.chdir(tmp_path)
    text = _COHORT.encode("utf-16") if encoding == "utf-16" else _COHORT.encode("utf-16-le")
    (tmp_path / "c.csv").write_bytes(text)
    code, out, _ = run("simulate", "c.csv", "--encoding", encoding, "--format", "csv")
    assert code == 0
    assert "5,PaperOnly,1,0,0.0,0,0.0,0,0.0,1,100.0," in out


@pytest.mark.parametrize("peeks", [True, False])
def test_utf16_without_its_bom_on_standard_input_is_bad_input(peeks: bool) -> None:
    raw = io.BytesIO(_COHORT.encode("utf-16-le"))
    stdin = io.TextIOWrapper(io.BufferedReader(raw) if peeks else raw, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["simulate", "-", "--encoding", "utf-16"], environ={}, stdout=out, stderr=err, stdin=stdin
    )
    assert (code, out.getvalue()) == (2, "")
    assert err.getvalue() == _NO_BOM.replace("dump.csv", "-").format(
        value="'utf-16'", choices="utf-16-le, utf-16-be"
    )
    assert not stdin.closed  # standard input is left open


def test_gzipped_utf16_without_its_bom_is_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(_COHORT.encode("utf-16-le")))
    code, out, err = run("simulate", "c.csv.gz", "--encoding", "utf-16")
    assert (code, out) == (2, "")
    assert err == (
        "eprom-distribution: error: c.csv.gz is not saved as utf-16; try --encoding cp1252 "
        "(common from Excel on Norwegian Windows)\n"
    )


def test_an_empty_file_in_utf16_has_no_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dump.csv").write_bytes(b"")
    code, _, err = run("audit", "dump.csv", "--encoding", "utf-16")
    assert code == 2
    assert "dump.csv" in err
    assert "byte-order mark" not in err


@pytest.mark.parametrize("key", [["KEY-s3cret"], b"KEY-s3cret", 15108695088, {"k": "KEY-s3cret"}])
def test_an_api_key_of_the_wrong_type_is_never_shown(key: object) -> None:
    with pytest.raises(InvalidTypeError) as raised:
        FormOrderStatusCallback(
            form_order_id=GUID,
            channel=NotificationChannel.NONE,
            status=FormOrderStatus.ORDERED,
            api_key=key,  # type: ignore[arg-type]
        )
    message = str(raised.value)
    assert message.startswith("api_key must be text or null, not ")
    assert "s3cret" not in message
    assert "15108695088" not in message


def test_the_api_key_is_in_no_dict_nor_pickle_text() -> None:
    body = {"apiKey": "KEY-s3cret", "formOrderId": GUID, "notificationChannel": 0}
    callback = read_callback({**body, "formOrderStatus": 2})
    assert "s3cret" not in repr(attrs.asdict(callback))
    assert "s3cret" not in repr(vars(callback) if hasattr(callback, "__dict__") else callback)
    again = pickle.loads(pickle.dumps(callback))  # noqa: S301  # our own pickle
    assert again.api_key_matches("KEY-s3cret")
    assert key_of("") is None
    assert isinstance(key_of(ApiKey("k")), ApiKey)


@pytest.mark.parametrize(
    "body",
    [
        (
            f'{{"formOrderId": "{GUID}", "notificationChannel": 0, "formOrderStatus": 2,'
            ' "formOrderStatus": 3}'
        ),
        (
            f'{{"formOrderId": "{GUID}", "formOrderId": "{GUID}", "notificationChannel": 0,'
            ' "formOrderStatus": 2}'
        ),
    ],
)
def test_a_callback_with_a_key_twice_is_refused_naming_the_key(body: str) -> None:
    with pytest.raises(InvalidValueError) as raised:
        read_callback(body)
    key = "formOrderStatus" if body.count("formOrderStatus") == 2 else "formOrderId"
    assert str(raised.value) == (
        f"callback has the key '{key}' more than once; a key may appear only once, or it is"
        " unclear which value counts"
    )


def test_an_order_line_with_a_key_twice_is_refused_on_the_fast_path_too() -> None:
    other = "284738d0-3c39-e611-9c2a-34e6d72e03c7"
    good = f'{{"formOrderId": "{GUID}", "decision": {DECISION}}}\n'
    # The same shape the fast path knows, with formOrderId given again inside the tail.
    twice = (
        f'{{"formOrderId": "{other}", "decision": {DECISION[:-1]}}}, "formOrderId": "{GUID}",'
        f' "decision": {DECISION}}}\n'
    )
    with pytest.raises(InvalidValueError) as raised:
        list(verify([good, twice], []))
    assert str(raised.value).startswith("orders line 2: order has the key ")
    assert "more than once" in str(raised.value)


def test_a_nested_object_with_a_key_twice_is_refused_too() -> None:
    with pytest.raises(InvalidValueError, match="'x' more than once"):
        read_callback(f'{{"formOrderId": "{GUID}", "formData": {{"x": 1, "x": 2}}}}')


def test_ctrl_c_while_loading_is_130_and_quiet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Interrupted(types.ModuleType):
        def __getattr__(self, name: str) -> Any:
            # Only the name __main__ asks for: tools that scan sys.modules must not be hit.
            if name == "main":
                raise KeyboardInterrupt
            raise AttributeError(name)

    monkeypatch.setitem(sys.modules, "distribution.cli", Interrupted("distribution.cli"))
    # pytest's assert-rewriting import hook cannot give runpy a module's code (the package
    # ships a pytest plugin, so its modules are rewritten): find the module without it.
    finders = [f for f in sys.meta_path if type(f).__name__ != "AssertionRewritingHook"]
    monkeypatch.setattr(sys, "meta_path", finders)
    with pytest.raises(SystemExit) as done:
        runpy.run_module("distribution", run_name="__main__")
    assert done.value.code == 130
    assert capsys.readouterr().err == ""


def test_a_records_repr_shows_unrecognised_keys_shortened_and_few() -> None:
    record = {"personidentifikator": "15108695088", "reservasjon": "NEI", "status": "AKTIV"}
    many = KrrRecord.from_dict({**record, **{f"k{i}": 1 for i in range(9)}})
    assert repr(many).endswith("unrecognised=('k0', 'k1', 'k2', 'k3', 'k4', … 9 in all))")
    huge = KrrRecord.from_dict({**record, "x" * 10_000_000: 1, "spraak": "nb" * 500_000})
    assert len(repr(huge)) < 1000
    one = KrrRecord.from_dict({**record, "y": 1})
    assert repr(one).endswith("unrecognised=('y',))")
    assert json.dumps(None) == "null"
