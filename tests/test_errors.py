"""Error messages pinned word for word: they are part of the interface a support desk reads."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

from distribution import (
    Availability,
    Decision,
    DistributionError,
    DistributionRule,
    InvalidTypeError,
    InvalidValueError,
    NotificationChannel,
    PatientFacts,
    UnknownCodeError,
    decide_each,
    route,
)
from distribution._errors import HIDDEN, Expected, TypeName, looks_personal, without_secret

R = DistributionRule
A = Availability(paper=True)
UNKNOWN_FAX = (
    "'fax' is not a known channel; valid channels: helsenorge, digital_mailbox (digipost,"
    " e-boks), krr_contact (sms, e-post), paper (papir, brev)"
)
FACTS = PatientFacts(reference_time=datetime(2026, 11, 25, tzinfo=UTC))


def untyped(value: object) -> Any:
    return value


@pytest.mark.parametrize(
    ("call", "error", "key", "field", "value", "message"),
    [
        (
            lambda: Decision(untyped(3), route(3), A),
            InvalidTypeError,
            "wrong_type",
            "Decision.rule",
            3,
            "Decision.rule must be a DistributionRule or None, not integer 3",
        ),
        (
            lambda: Decision(R.BASIC, route(R.BASIC), untyped("paper")),
            InvalidTypeError,
            "wrong_type",
            "Decision.availability",
            "paper",
            "Decision.availability must be an Availability, not text 'paper'",
        ),
        (
            lambda: Decision(R.BASIC, (NotificationChannel.PHYSICAL_MAILBOX,), A),
            InvalidValueError,
            "inconsistent",
            "Decision.route",
            "[PhysicalMailbox]",
            (
                "Decision.route is '[PhysicalMailbox]', but the rule and availability give"
                " [Helsenorge, DigitalMailbox]"
            ),
        ),
        (
            lambda: Decision(None, untyped(("fax",)), A),
            UnknownCodeError,
            "unknown_channel",
            "Decision.route",
            "fax",
            UNKNOWN_FAX,
        ),
        (
            lambda: Decision(R.BASIC, untyped("HD"), A),
            InvalidTypeError,
            "wrong_type",
            "Decision.route",
            "HD",
            "Decision.route must be a sequence of channels, not text 'HD'",
        ),
        (
            lambda: Decision(R.BASIC, untyped(("fax",)), A),
            UnknownCodeError,
            "unknown_channel",
            "Decision.route",
            "fax",
            UNKNOWN_FAX,
        ),
        (
            lambda: decide_each([(R.BASIC, A), (R.BASIC, untyped(None))]),
            InvalidTypeError,
            "wrong_type",
            "availability",
            None,
            "availability must be an Availability, not None",
        ),
        (
            lambda: decide_each([(R.BASIC, A), untyped((1, 2, 3))]),
            InvalidTypeError,
            "wrong_type",
            "pair",
            (1, 2, 3),
            "pair must be a (rule, availability) pair, not list (1, 2, 3)",
        ),
        (
            lambda: decide_each([(R.BASIC, A), untyped("xy")]),
            InvalidTypeError,
            "wrong_type",
            "pair",
            "xy",
            "pair must be a (rule, availability) pair, not text 'xy'",
        ),
        (
            lambda: decide_each([(R.BASIC, A), untyped([R.BASIC, A]), untyped(None)]),
            InvalidTypeError,
            "wrong_type",
            "pair",
            None,
            "pair must be a (rule, availability) pair, not None",
        ),
        (
            lambda: decide_each([(R.BASIC, A), (untyped(True), A)]),
            InvalidTypeError,
            "code_type",
            "DistributionRule",
            True,
            (
                "DistributionRule takes a code (integer) or a name (text), not True; valid codes"
                " and names: 0=Basic, 1=AllowUnsecure, 2=NoDistribution,"
                " 3=BasicOrPaper, 4=AllowUnsecureOrPaper, 5=PaperOnly, 6=HelsenorgeOnly,"
                " 7=DigitalMailboxOnly, 8=UnsecureOnly"
            ),
        ),
        (
            lambda: attrs.evolve(FACTS, age=True),
            InvalidTypeError,
            "wrong_type",
            "PatientFacts.age",
            True,
            "PatientFacts.age must be integer or null, not True",
        ),
        (
            lambda: attrs.evolve(FACTS, physical_address=untyped(None)),
            InvalidTypeError,
            "wrong_type",
            "PatientFacts.physical_address",
            None,
            "PatientFacts.physical_address must be true/false, not None",
        ),
        (
            lambda: attrs.evolve(FACTS, reference_time=untyped("2026-01-01")),
            InvalidTypeError,
            "wrong_type",
            "PatientFacts.reference_time",
            "2026-01-01",
            "PatientFacts.reference_time must be time with a time zone, not text '2026-01-01'",
        ),
        (
            lambda: attrs.evolve(FACTS, krr=untyped({"status": "AKTIV"})),
            InvalidTypeError,
            "wrong_type",
            "PatientFacts.krr",
            {"status": "AKTIV"},
            "PatientFacts.krr must be KrrRecord or null, not object {'status': 'AKTIV'}",
        ),
        (
            lambda: attrs.evolve(FACTS, reference_time=datetime(2026, 1, 1)),  # noqa: DTZ001
            InvalidValueError,
            "bad_timestamp",
            "PatientFacts.reference_time",
            "2026-01-01T00:00:00",
            (
                "PatientFacts.reference_time is '2026-01-01T00:00:00', not an ISO 8601 time with"
                " a UTC offset (for example 2023-06-29T10:14:52+02:00)"
            ),
        ),
        (
            lambda: Availability.from_index(untyped(True)),
            InvalidTypeError,
            "wrong_type",
            "index",
            True,
            "index must be an integer, not True",
        ),
        (
            lambda: Availability.from_index(16),
            InvalidValueError,
            "unknown_code",
            "Availability index",
            16,
            "16 is not a known Availability index; valid codes and names: 0-15",
        ),
        (
            lambda: Availability(krr_contact=untyped(0)),
            InvalidTypeError,
            "not_bool",
            "Availability.krr_contact",
            0,
            "Availability.krr_contact must be true or false, not integer 0",
        ),
    ],
)
def test_errors_word_for_word(
    call: Any, error: type, key: str, field: str, value: object, message: str
) -> None:
    with pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, DistributionError)
    assert (caught.value.key, caught.value.field, caught.value.value) == (key, field, value)
    assert str(caught.value) == message


def test_bokmal_messages_word_for_word() -> None:
    with pytest.raises(InvalidTypeError) as caught:
        Availability(paper=untyped("ja"))
    assert (
        caught.value.message("nb") == "Availability.paper må være true eller false, ikke tekst 'ja'"
    )
    with pytest.raises(UnknownCodeError) as unknown:
        DistributionRule.parse("Nope")
    assert unknown.value.message("nb") == (
        "'Nope' er ikke en gyldig DistributionRule; gyldige koder og navn: 0=Basic,"
        " 1=AllowUnsecure, 2=NoDistribution, 3=BasicOrPaper, 4=AllowUnsecureOrPaper, 5=PaperOnly,"
        " 6=HelsenorgeOnly, 7=DigitalMailboxOnly, 8=UnsecureOnly"
    )


def test_a_memory_address_in_a_repr_is_not_taken_for_personal_data() -> None:
    class Plain:
        pass

    # Every address a default repr can show, including ones with eight decimal digits in a row.
    for address in ("0x7f3a12345678", "0x55d012345678", "0x1", "0xffffffffffff"):
        text = f"<tests.Plain object at {address}>"
        assert not looks_personal(_Repr(text)), text
    assert looks_personal(_Repr("<x 12345678>"))
    assert looks_personal(_Repr("<x ola@example.no at 0x1>"))
    with pytest.raises(InvalidTypeError) as caught:
        DistributionRule.parse(Plain())
    assert caught.value.value is not HIDDEN


class _Repr:
    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def test_no_test_builds_a_bare_object_whose_repr_is_an_address() -> None:
    # The cause of a flaky test: object()'s repr holds an address, which can look like a
    # national ID and be masked. Tests use tests.strategies.OPAQUE instead.
    bare = re.compile(r"(?<![`'\"\w])object\(\)(?![`'\"])")
    for path in Path(__file__).parent.rglob("*.py"):
        assert not bare.search(path.read_text(encoding="utf-8")), path


def test_without_secret_hides_the_secret_wherever_the_error_would_show_it() -> None:
    key = "s3cret-Key"
    plain = InvalidValueError("contradiction", value="x", field="f", other="y")
    assert without_secret(plain, key) is plain
    assert without_secret(plain, "") is plain
    other = InvalidValueError("contradiction", value="x", field="f", other=f"status {key}")
    assert str(without_secret(other, key)) == "f is <hidden>, which contradicts <hidden>"
    typed = InvalidTypeError(
        "wrong_type", value=key, field="f", expected=Expected("a string"), type=TypeName(key)
    )
    hidden = without_secret(typed, key)
    assert key not in str(hidden)
    assert str(hidden) == "f must be a string, not text"
    typo = UnknownCodeError(
        "unknown_code",
        value="Orderd",
        field="formOrderStatus",
        choices=["Ordered"],
        suggestion="Ordered",
    )
    assert without_secret(typo, "Orderd").suggestion is None
