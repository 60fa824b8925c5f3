"""The one toolkit every reader of outside data uses (distribution._reading, with
distribution._evidence): guards, exact JSON types, keys, times, GUIDs, codes, and values shown
safely; and errors by whose fault."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType

import pytest

from distribution import (
    DistributionError,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    UnknownCodeError,
)
from distribution._evidence import Stand, evidence
from distribution._formats import (
    guid,
    iso_time,
)
from distribution._reading import (
    MAX_JSON_SIZE,
    check_keys,
    choice,
    code,
    exact,
    given_mapping,
    json_list,
    json_object,
    load_json,
    parse,
    read_object,
)
from tests.strategies import OPAQUE

FNR = "15108695088"
ID = "184738d0-3c39-e611-9c2a-34e6d72e03c7"


# --- showing values safely -----------------------------------------------------------------------


def test_evidence_shows_scalars_and_stands_in_for_the_rest() -> None:
    assert evidence("x") == "x"
    assert evidence(3) == 3
    assert evidence(None) is None
    assert evidence([]) == []
    assert evidence({}) == {}
    assert repr(evidence(2**70)) == "<int of 71 bits>"
    assert repr(evidence({"a": 1})) == "<dict of length 1>"
    assert repr(evidence([[]])) == "<list of length 1>"
    assert repr(evidence(OPAQUE)) == "<Opaque>"
    stand = Stand("<x>")
    assert stand == pickle.loads(pickle.dumps(stand))  # noqa: S301  # our own value
    assert stand != "<x>"
    assert hash(stand) == hash(Stand("<x>"))


def test_a_national_id_is_never_shown_whatever_reads_it() -> None:
    errors: list[DistributionError] = []
    for call in (
        lambda: exact(int(FNR), str, "national_id", "a string", secret=True),
        lambda: exact(FNR, int, "age", "an integer"),
        lambda: guid(FNR, "formOrderId"),
        lambda: code(DistributionRule, FNR, "distributionRule"),
        lambda: choice(FNR, "status", {"AKTIV": 1}),
        lambda: iso_time(FNR, "reference_time"),
        lambda: check_keys({FNR: 1}, "facts", allowed=("age",)),
        lambda: given_mapping(f'{{"nationalId": "{FNR}"}}', "facts"),
    ):
        with pytest.raises(DistributionError) as caught:
            call()
        errors.append(caught.value)
    for error in errors:
        for text in (str(error), error.message("nb"), repr(error.value)):
            assert FNR not in text


# --- whose fault ---------------------------------------------------------------------------------


def test_text_and_mappings_are_taken_as_said_and_anything_else_is_the_callers_type() -> None:
    assert read_object('{"a": 1}', "facts") == {"a": 1}
    assert read_object(b'{"a": 1}', "facts") == {"a": 1}
    proxy = MappingProxyType({"a": 1})
    assert given_mapping(proxy, "facts") is proxy
    assert load_json(proxy, "callback") is proxy
    assert load_json(bytearray(b"{}"), "callback") == {}
    with pytest.raises(InvalidTypeError) as caught:
        read_object({"a": 1}, "facts")
    assert str(caught.value) == (
        "facts must be JSON text (str or bytes), not object <dict of length 1>"
    )
    with pytest.raises(InvalidTypeError) as caught:
        given_mapping("{}", "facts")
    assert str(caught.value) == "facts must be a mapping of decoded JSON (dict), not text"
    assert caught.value.message("nb") == (
        "facts må være et ferdig lest JSON-objekt (dict), ikke tekst"
    )
    with pytest.raises(InvalidTypeError, match=r"text \(str or bytes\) or a mapping of decoded"):
        load_json(42, "callback")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: read_object("[]", "facts"), "facts must be an object, not list []"),
        (lambda: read_object("null", "facts"), "facts must be an object, not None"),
        (
            lambda: load_json("[1]", "callback"),
            "callback must be a JSON object, not list <list of length 1>",
        ),
        (lambda: json_object(3, "krr"), "krr must be an object, not integer 3"),
        (lambda: json_list("x", "personer"), "personer must be a list, not text 'x'"),
        (lambda: exact(True, int, "age", "an integer"), "age must be an integer, not True"),
        (
            lambda: exact(1, bool, "paper", "true or false"),
            "paper must be true or false, not integer 1",
        ),
        (
            lambda: exact(38.0, int, "age", "an integer"),
            "age must be an integer, not decimal number 38.0",
        ),
    ],
)
def test_a_value_of_the_wrong_json_type_is_bad_data(call: object, message: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        call()  # type: ignore[operator]
    assert not isinstance(caught.value, TypeError)
    assert str(caught.value) == message


# --- guards --------------------------------------------------------------------------------------


def test_size_and_depth_are_refused_before_anything_is_read() -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse(" " * (MAX_JSON_SIZE + 1), "response")
    assert str(caught.value) == (
        "response is <2097153 characters>, longer than the limit of 2097152 characters or bytes;"
        " it is not read"
    )
    with pytest.raises(InvalidValueError, match="<2097153 bytes>"):
        parse(b" " * (MAX_JSON_SIZE + 1), "response")
    assert parse(" " * (MAX_JSON_SIZE - 2) + "{}", "response") == {}
    with pytest.raises(InvalidValueError) as caught:
        parse("[" * 100_000, "response")
    assert caught.value.key == "too_deep"
    with pytest.raises(InvalidValueError) as caught:
        parse('{"a": 1', "response")
    assert str(caught.value) == "response is not valid JSON: line 1, column 8"
    assert caught.value.message("nb") == "response er ikke gyldig JSON: linje 1, kolonne 8"


# --- keys ----------------------------------------------------------------------------------------


def test_one_check_of_keys_refuses_unknown_then_missing() -> None:
    keys = ("rule", "route")
    check_keys(
        {"rule": None, "route": []}, "decision", required=keys, allowed=keys, null_is_missing=False
    )
    with pytest.raises(InvalidValueError) as caught:
        check_keys({"rule": 1, "rout": [], "x": 2}, "decision", required=keys, allowed=keys)
    assert str(caught.value) == (
        "decision has unexpected keys ['rout', 'x']; allowed keys: rule, route"
    )
    with pytest.raises(InvalidValueError) as caught:
        check_keys({"rule": None, "route": []}, "decision", required=keys)
    assert str(caught.value) == "decision.rule is missing; expected keys: rule, route"
    with pytest.raises(InvalidValueError) as caught:
        check_keys({"a": 1}, "", required=("personer",))
    assert (caught.value.field, str(caught.value)) == (
        "personer",
        "personer is missing; expected keys: personer",
    )
    with pytest.raises(InvalidValueError) as caught:
        check_keys({}, "callback", required=("b",), listed=("a", "b"))
    assert str(caught.value) == "callback.b is missing; expected keys: a, b"
    with pytest.raises(InvalidValueError) as caught:
        check_keys({10**5000: 1}, "facts", allowed=("age",))  # type: ignore[dict-item]
    assert "<int of 16610 bits>" in str(caught.value)


# --- times, GUIDs, codes, choices -----------------------------------------------------------------

PLUS_TWO = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("text", "naive", "expected"),
    [
        ("2023-06-29T10:14:52+02:00", "refuse", datetime(2023, 6, 29, 10, 14, 52, tzinfo=PLUS_TWO)),
        ("2023-06-29T10:14:52+02", "refuse", datetime(2023, 6, 29, 10, 14, 52, tzinfo=PLUS_TWO)),
        (
            "2023-08-05T10:45:15.768Z",
            "refuse",
            datetime(2023, 8, 5, 10, 45, 15, 768000, tzinfo=UTC),
        ),
        ("20230629T101452+0200", "refuse", datetime(2023, 6, 29, 10, 14, 52, tzinfo=PLUS_TWO)),
        ("2023-06-29 10:14:52+02:00", "refuse", datetime(2023, 6, 29, 10, 14, 52, tzinfo=PLUS_TWO)),
        ("2023-03-29 08:20", "utc", datetime(2023, 3, 29, 8, 20, tzinfo=UTC)),
        ("2023-03-29T08:20+02:00", "utc", datetime(2023, 3, 29, 8, 20, tzinfo=PLUS_TWO)),
        ("2023-03-29T10:20:10.1804332", "allow", datetime(2023, 3, 29, 10, 20, 10, 180433)),  # noqa: DTZ001  # ePROM's local time
    ],
)
def test_one_reading_of_times(text: str, naive: str, expected: datetime) -> None:
    assert iso_time(text, "t", naive=naive) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "naive", "key"),
    [
        ("2023-06-29", "refuse", "bad_timestamp"),  # a date is no time
        ("2023-06-29+02:00", "refuse", "bad_timestamp"),  # which fromisoformat reads as 02:00
        ("2023-06-29x10:14+02:00", "refuse", "bad_timestamp"),  # which it reads too
        ("2023-06-29T10:14:52", "refuse", "bad_timestamp"),  # no offset
        ("yesterday", "refuse", "bad_timestamp"),
        ("2023-02-30T10:00:00+01", "refuse", "bad_timestamp"),
        ("29.03.2023 10:20", "allow", "bad_time"),
        ("2023-03-29", "utc", "bad_time"),
    ],
)
def test_what_is_no_time_is_refused(text: str, naive: str, key: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        iso_time(text, "t", naive=naive)  # type: ignore[arg-type]
    assert caught.value.key == key
    assert caught.value.value == text


def test_a_guid_is_read_in_lower_case() -> None:
    assert guid(ID.upper(), "formOrderId") == ID
    with pytest.raises(InvalidValueError, match="formOrderId is '184738d0', not a GUID"):
        guid("184738d0", "formOrderId")
    with pytest.raises(InvalidValueError, match="formOrderId must be a GUID, not integer 7"):
        guid(7, "formOrderId")


def test_codes_by_name_or_number_and_choices_by_text() -> None:
    assert code(DistributionRule, 3, "rule") is DistributionRule.BASIC_OR_PAPER
    assert code(DistributionRule, "basicorpaper", "rule") is DistributionRule.BASIC_OR_PAPER
    assert code(DistributionRule, DistributionRule.BASIC, "rule") is DistributionRule.BASIC
    with pytest.raises(UnknownCodeError, match="'Nope' is not a known rule; valid codes"):
        code(DistributionRule, "Nope", "rule")
    with pytest.raises(UnknownCodeError, match="<int of 134 bits> is not a known rule"):
        code(DistributionRule, 2**133, "rule")
    with pytest.raises(InvalidValueError, match="rule must be a DistributionRule code"):
        code(DistributionRule, 3.0, "rule")
    assert choice(" Full ", "consent", {"full": 1}, fold=True) == 1
    with pytest.raises(UnknownCodeError, match="' Full ' is not a known consent"):
        choice(" Full ", "consent", {"full": 1})
    with pytest.raises(InvalidValueError, match="status is missing; expected one of: AKTIV"):
        choice(None, "status", {"AKTIV": 1})


@pytest.mark.parametrize("name", ["NaN", "Infinity", "-Infinity"])
def test_numbers_json_does_not_have_are_refused_by_name(name: str) -> None:
    """Python's parser reads NaN and the infinities; a strict one, as ePROM's, refuses them."""
    with pytest.raises(InvalidValueError) as caught:
        parse(f'{{"a": [1, {name}]}}', "body")
    assert str(caught.value) == f"body is not valid JSON: {name} is not a number in JSON"
    assert caught.value.message("nb") == f"body er ikke gyldig JSON: {name} er ikke et tall i JSON"
    # The words inside a string are text, and 1e999 is a number JSON has (too big for a float).
    assert parse('{"a": "NaN"}', "body") == {"a": "NaN"}
    assert parse("[1e999]", "body") == [float("inf")]
