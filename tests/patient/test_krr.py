"""KRR person records: reading Digdir's format strictly, and never showing personal data.

Whose fault: what is wrong in an answer raises the ValueError family; a caller who hands
from_json anything but text, or from_dict anything but a mapping, gets InvalidTypeError."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from distribution import (
    DistributionError,
    InvalidTypeError,
    InvalidValueError,
    KrrRecord,
    KrrResponse,
    KrrStatus,
    UnknownCodeError,
)
from distribution.patient.krr import mask_email, mask_national_id, mask_phone

DATA = Path(__file__).parents[1] / "data" / "krr_response.json"
SECRETS = [
    "15108695088",
    "kari.nordmann@example.no",
    "+4791234567",
    "91234567",
    "kari.nordmann#9QX3",
    "ola.nordmann#7ZP1",
]


def _read_record(record: Any) -> KrrRecord:
    """Read JSON text with from_json, a decoded record with from_dict."""
    return KrrRecord.from_json(record) if isinstance(record, str) else KrrRecord.from_dict(record)


def _read_response(response: Any) -> KrrResponse:
    """Read JSON text with from_json, a decoded answer with from_dict."""
    if isinstance(response, str):
        return KrrResponse.from_json(response)
    return KrrResponse.from_dict(response)


def test_reads_the_realistic_response_file() -> None:
    response = KrrResponse.from_json(DATA.read_text(encoding="utf-8"))
    kari, ola, deleted, unregistered, stale = response.records_or_raise()
    assert kari.status is KrrStatus.AKTIV
    assert kari.reserved is False
    assert kari.can_notify is True
    assert kari.email == "kari.nordmann@example.no"
    assert kari.email_updated == datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert kari.email_verified == datetime(
        2026, 3, 1, 9, 31, 12, tzinfo=timezone(timedelta(hours=1))
    )
    assert kari.mobile_verified == datetime(
        2023, 6, 29, 10, 14, 52, tzinfo=timezone(timedelta(hours=2))
    )
    assert kari.has_digital_mailbox
    assert kari.mailbox_provider == "984661185"
    assert kari.language == "nb"
    assert ola.reserved is True
    assert ola.can_notify is False
    assert ola.has_digital_mailbox
    assert deleted.status is KrrStatus.SLETTET
    assert unregistered.status is KrrStatus.IKKE_REGISTRERT
    assert stale.email_updated == datetime(2021, 2, 14, 12, tzinfo=UTC)


def test_reads_a_mapping_as_well_as_text() -> None:
    payload = json.loads(DATA.read_text(encoding="utf-8"))
    response = KrrResponse.from_dict(payload)
    assert response == KrrResponse.from_json(json.dumps(payload))
    assert response == KrrResponse.from_json(json.dumps(payload).encode())
    first = payload["personer"][0]
    assert KrrRecord.from_dict(first) == response.records[0]
    assert KrrRecord.from_json(json.dumps(first)) == response.records[0]


@pytest.mark.parametrize(
    ("read", "message"),
    [
        (
            lambda: KrrResponse.from_json({"personer": []}),  # type: ignore[arg-type]
            "response must be JSON text (str or bytes), not object <dict of length 1>",
        ),
        (
            lambda: KrrResponse.from_dict('{"personer": []}'),  # type: ignore[arg-type]
            "response must be a mapping of decoded JSON (dict), not text",
        ),
        (
            lambda: KrrRecord.from_json({"status": "AKTIV"}),  # type: ignore[arg-type]
            "person must be JSON text (str or bytes), not object <dict of length 1>",
        ),
        (
            lambda: KrrRecord.from_dict('{"personidentifikator": "15108695088"}'),  # type: ignore[arg-type]
            "person must be a mapping of decoded JSON (dict), not text",
        ),
    ],
)
def test_the_wrong_python_type_is_the_callers(read: Any, message: str) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        read()
    assert str(caught.value) == message


def test_documented_keys_are_recognised() -> None:
    # Every key of the realistic file is on Digdir's attribute list (spraak_oppdatert and
    # sertifikat included), and so are the newer ones written here by hand.
    for record in KrrResponse.from_json(DATA.read_text(encoding="utf-8")).records:
        assert record.unrecognised == ()
    newer = KrrRecord.from_dict(
        {
            "status": "AKTIV",
            "reservasjon": "JA",
            "reservasjonstidspunkt": "2023-06-13T13:42:34+02",
            "reservasjon_oppdatert": "2023-06-13T13:42:34+02",
            "kontaktinformasjon": {
                "epostadresse": "NULLstillt@default.digdir.no",
                "epostadresse_oppdatert": "2023-08-05T10:45:15.768Z",
                "epostadresse_sist_validert": "2023-08-05T10:45:15.768Z",
                "epostadresse_duplisert": "NEI",
                "mobiltelefonnummer_sist_validert": "2023-08-05T10:45:15.768Z",
                "mobiltelefonnummer_duplisert": "NEI",
            },
        }
    )
    assert newer.unrecognised == ()
    # Digdir's own example time stamp, with milliseconds and "Z".
    assert newer.email_updated == datetime(2023, 8, 5, 10, 45, 15, 768000, tzinfo=UTC)


def test_undocumented_keys_are_reported_not_ignored() -> None:
    record = KrrRecord.from_dict(
        {
            "status": "AKTIV",
            "kontaktinfo": {"epostadresse": "kari.nordmann@example.no"},
            "digitalpost": {"postkasseadresse": "kari.nordmann#9QX3"},
            "kontaktinformasjon": {"mobil": "+4791234567"},
            "digital_post": {"leverandoer": "984661185"},
            "kari.nordmann@example.no": True,
        }
    )
    assert record.unrecognised == (
        "<hidden>",
        "digital_post.leverandoer",
        "digitalpost",
        "kontaktinfo",
        "kontaktinformasjon.mobil",
    )
    assert record.email is None  # what is under an unknown key is not read
    assert not record.has_digital_mailbox
    assert "unrecognised=('<hidden>', 'digital_post.leverandoer'" in repr(record)
    assert "kari.nordmann@example.no" not in repr(record)


def test_no_personal_data_in_repr_or_str() -> None:
    for record in KrrResponse.from_json(DATA.read_text(encoding="utf-8")).records_or_raise():
        for shown in (repr(record), str(record)):
            for secret in SECRETS:
                assert secret not in shown


@pytest.mark.parametrize(
    ("record", "error", "words"),
    [
        (
            {"status": "ACTIVE"},
            UnknownCodeError,
            ["status", "'ACTIVE'", "AKTIV", "SLETTET", "IKKE_REGISTRERT"],
        ),
        ({}, InvalidValueError, ["status", "missing"]),
        ({"status": 1}, InvalidValueError, ["status", "a string"]),
        (
            {"status": "AKTIV", "reservasjon": "MAYBE"},
            UnknownCodeError,
            ["reservasjon", "JA", "NEI"],
        ),
        ({"status": "AKTIV", "varslingsstatus": True}, InvalidValueError, ["varslingsstatus"]),
        (
            {"status": "AKTIV", "kontaktinformasjon": []},
            InvalidValueError,
            ["kontaktinformasjon", "an object"],
        ),
        (
            {"status": "AKTIV", "kontaktinformasjon": {"epostadresse_oppdatert": "2023-06-29"}},
            InvalidValueError,
            ["epostadresse_oppdatert", "UTC offset"],
        ),
        (
            {
                "status": "AKTIV",
                "kontaktinformasjon": {"epostadresse_oppdatert": "2023-06-29T10:14:52"},
            },
            InvalidValueError,
            ["epostadresse_oppdatert"],
        ),
        (
            {
                "status": "AKTIV",
                "kontaktinformasjon": {"mobiltelefonnummer_sist_verifisert": "yesterday"},
            },
            InvalidValueError,
            ["mobiltelefonnummer_sist_verifisert", "'yesterday'"],
        ),
        (
            {"status": "AKTIV", "kontaktinformasjon": {"mobiltelefonnummer_oppdatert": 1700000000}},
            InvalidValueError,
            ["mobiltelefonnummer_oppdatert"],
        ),
        ({"status": "AKTIV", "digital_post": "Digipost"}, InvalidValueError, ["digital_post"]),
        ("[]", InvalidValueError, ["person", "an object"]),
        ("{broken", InvalidValueError, ["not valid JSON"]),
    ],
)
def test_bad_records_raise_an_error_naming_the_field(
    record: object, error: type, words: list[str]
) -> None:
    with pytest.raises(error) as caught:
        _read_record(record)
    for word in words:
        assert word in str(caught.value)
    assert isinstance(caught.value, ValueError)  # what is wrong in a record is bad data


@pytest.mark.parametrize(
    "record",
    [
        {"status": "AKTIV", "personidentifikator": 15108695088},
        {"status": "AKTIV", "kontaktinformasjon": {"epostadresse": ["kari.nordmann@example.no"]}},
        {"status": "AKTIV", "kontaktinformasjon": {"mobiltelefonnummer": 4791234567}},
        '{"personidentifikator": "15108695088", "status": ',
    ],
)
def test_errors_never_show_the_personal_value(record: object) -> None:
    with pytest.raises(DistributionError) as caught:
        _read_record(record)
    for secret in (*SECRETS, "4791234567"):
        assert secret not in str(caught.value)
        assert secret not in caught.value.message("nb")
        assert secret not in repr(caught.value.value)


@pytest.mark.parametrize(
    ("record", "field", "message"),
    [
        ({"personidentifikator": 1234}, "personidentifikator", "must be a string, not integer"),
        (
            {"kontaktinformasjon": {"mobiltelefonnummer": 47}},
            "kontaktinformasjon.mobiltelefonnummer",
            "must be a string, not integer",
        ),
        (
            {"digital_post": {"postkasseadresse": 77}},
            "digital_post.postkasseadresse",
            "must be a string, not integer",
        ),
    ],
)
def test_a_personal_field_of_the_wrong_type_is_never_shown(
    record: dict[str, object], field: str, message: str
) -> None:
    """Short values do not look personal, so the field itself says to hide them."""
    with pytest.raises(InvalidValueError) as caught:
        KrrRecord.from_dict({"status": "AKTIV", **record})
    assert caught.value.field == field
    assert str(caught.value) == f"{field} {message}"
    assert caught.value.value == "<hidden>"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"reservasjon": "KANSKJE"}, "reservasjon"),
        ({"varslingsstatus": "X"}, "varslingsstatus"),
        ({"kontaktinformasjon": []}, "kontaktinformasjon"),
        ({"digital_post": 3}, "digital_post"),
        (
            {"digital_post": {"postkasseleverandoeradresse": 5}},
            "digital_post.postkasseleverandoeradresse",
        ),
        (
            {"kontaktinformasjon": {"epostadresse_sist_verifisert": "i går"}},
            "kontaktinformasjon.epostadresse_sist_verifisert",
        ),
    ],
)
def test_a_bad_record_names_the_field_by_its_path_in_krr(
    record: dict[str, object], field: str
) -> None:
    with pytest.raises(DistributionError) as caught:
        KrrRecord.from_dict({"status": "AKTIV", **record})
    assert caught.value.field == field


def test_response_errors_name_the_person_by_position() -> None:
    response = KrrResponse.from_dict({"personer": [{"status": "AKTIV"}, {"status": "GONE"}]})
    with pytest.raises(UnknownCodeError, match=r"personer\[1\]\.status"):
        response.records_or_raise()
    with pytest.raises(InvalidValueError, match="personer"):
        KrrResponse.from_dict({"people": []})
    with pytest.raises(InvalidValueError, match="personer must be a list"):
        KrrResponse.from_dict({"personer": {}})


def test_masks_by_hand() -> None:
    assert mask_national_id("15108695088") == "***********"
    assert mask_email("kari.nordmann@example.no") == "k***@***.no"
    assert mask_email("nodomain") == "n***"
    assert mask_phone("+4791234567") == "*********67"
    assert mask_phone(None) is None


def test_repr_shows_the_masked_values() -> None:
    record = KrrRecord.from_dict(
        {
            "personidentifikator": "15108695088",
            "status": "AKTIV",
            "kontaktinformasjon": {
                "epostadresse": "kari.nordmann@example.no",
                "mobiltelefonnummer": "+4791234567",
            },
        }
    )
    text = repr(record)
    assert "national_id='***********'" in text
    assert "email='k***@***.no'" in text
    assert "mobile='*********67'" in text


def test_personal_data_in_the_free_text_fields_is_hidden_in_the_repr() -> None:
    """spraak and the mailbox provider are free text: a value typed into the wrong one is hidden."""
    record = KrrRecord.from_dict(
        {
            "status": "AKTIV",
            "spraak": "ola.nordmann@example.no",
            "digital_post": {"postkasseleverandoeradresse": "+47 41234567"},
        }
    )
    text = repr(record)
    assert "mailbox_provider='+<hidden>'" in text
    assert "language=<hidden>" in text
    assert "nordmann" not in text
    assert "41234567" not in text
    plain = KrrRecord.from_dict(
        {"status": "AKTIV", "spraak": "nb", "digital_post": {"postkasseleverandoeradresse": "x"}}
    )
    assert "mailbox_provider='x'" in repr(plain)
    assert "language='nb'" in repr(plain)


@pytest.mark.parametrize(
    ("response", "error", "field", "message"),
    [
        ("[]", InvalidValueError, "response", "response must be an object, not list []"),
        ("[1", InvalidValueError, "response", "response is not valid JSON: line 1, column 3"),
        (
            {"people": []},
            InvalidValueError,
            "personer",
            "personer is missing; expected keys: personer",
        ),
        (
            {"personer": {"a": 1}},
            InvalidValueError,
            "personer",
            "personer must be a list, not object <dict of length 1>",
        ),
        (
            {"personer": None},
            InvalidValueError,
            "personer",
            "personer must be a list, not None",
        ),
    ],
)
def test_response_errors_word_for_word(
    response: object, error: type[DistributionError], field: str, message: str
) -> None:
    with pytest.raises(error) as caught:
        _read_response(response)
    assert caught.value.field == field
    assert str(caught.value) == message


# --- a whole answer, person by person -----------------------------------------------------------


def test_one_malformed_person_leaves_the_others_readable() -> None:
    payload = json.loads(DATA.read_text(encoding="utf-8"))
    people = payload["personer"]
    broken = {**people[1], "status": "GONE"}
    response = KrrResponse.from_dict({"personer": [people[0], broken, *people[2:], "oops"]})
    assert [type(entry).__name__ for entry in response.entries] == [
        "KrrRecord",
        "UnknownCodeError",
        "KrrRecord",
        "KrrRecord",
        "KrrRecord",
        "InvalidValueError",
    ]
    assert len(response.records) == 4
    assert [error.field for error in response.errors] == ["personer[1].status", "personer[5]"]
    assert response.get("15108695088") == KrrRecord.from_dict(people[0])
    assert response.get("151086 95088") == response.get("15108695088")
    assert response.get("04040412345") is response.records[-1]
    with pytest.raises(UnknownCodeError, match=r"personer\[1\]\.status"):
        response.get("01010112345")  # that person's entry could not be read
    assert response.get("20914695016") is None  # not in this answer
    with pytest.raises(UnknownCodeError):
        KrrResponse.from_dict({"personer": [people[0], broken]}).records_or_raise()  # all or none


def test_a_thousand_people_with_one_broken() -> None:
    people: list[dict[str, object]] = [
        {"personidentifikator": f"{n:011}", "status": "AKTIV", "reservasjon": "NEI"}
        for n in range(1000)
    ]
    people[500] = {**people[500], "kontaktinformasjon": {"epostadresse_oppdatert": "i går"}}
    response = KrrResponse.from_json(json.dumps({"personer": people}))
    assert len(response.records) == 999
    (error,) = response.errors
    assert error.field == "personer[500].kontaktinformasjon.epostadresse_oppdatert"
    assert response.get(f"{999:011}") is not None
    with pytest.raises(InvalidValueError):
        response.get(f"{500:011}")


def test_a_person_named_twice_is_not_guessed() -> None:
    person = {"personidentifikator": "20914695016", "status": "AKTIV"}
    response = KrrResponse.from_dict({"personer": [person, {**person, "reservasjon": "JA"}]})
    with pytest.raises(InvalidValueError) as caught:
        response.get("20914695016")
    assert str(caught.value) == (
        "personer has 2 entries for this national ID; which one holds is not known"
    )
    assert "20914695016" not in caught.value.message("nb")


def test_an_unreadable_person_without_a_readable_id_is_found_by_no_id() -> None:
    response = KrrResponse.from_dict(
        {"personer": [{"personidentifikator": 20914695016, "status": "AKTIV"}, []]}
    )
    assert response.records == ()
    assert response.national_ids == (None, None)
    assert response.get("20914695016") is None


def test_the_response_and_its_lookup_refuse_what_from_json_never_builds() -> None:
    record = KrrRecord(national_id="20914695016", status=KrrStatus.AKTIV)
    assert KrrResponse((record,), ("20914695016",)).get("20914695016") is record
    with pytest.raises(InvalidTypeError, match=r"KrrResponse\.entries"):
        KrrResponse(({"status": "AKTIV"},), (None,))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"KrrResponse\.entries"):
        KrrResponse([record], ("20914695016",))  # type: ignore[arg-type]
    for ids in ((), ("01039494104",), (20914695016,), ["20914695016"]):
        with pytest.raises(InvalidTypeError, match=r"KrrResponse\.national_ids") as caught:
            KrrResponse((record,), ids)  # type: ignore[arg-type]
        assert "20914695016" not in str(caught.value)
    with pytest.raises(InvalidTypeError, match="national_id must be a string") as caught:
        KrrResponse((record,), ("20914695016",)).get(20914695016)  # type: ignore[arg-type]
    assert "20914695016" not in str(caught.value)
    with pytest.raises(InvalidTypeError, match=r"KrrRecord\.unrecognised"):
        KrrRecord(status=KrrStatus.AKTIV, unrecognised=["x"])  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=r"KrrRecord\.unrecognised"):
        KrrRecord(status=KrrStatus.AKTIV, unrecognised=(1,))  # type: ignore[arg-type]


def test_an_answer_with_more_persons_than_one_lookup_gives_is_refused_before_it_is_read() -> None:
    """KRR answers 1 to 1000 persons; a bad entry keeps its error, so more is not read."""
    answer = KrrResponse.from_json('{"personer": [' + ",".join(["{}"] * 1000) + "]}")
    assert len(answer.entries) == 1000
    with pytest.raises(InvalidValueError) as caught:
        KrrResponse.from_json('{"personer": [' + ",".join(["1"] * 1001) + "]}")
    assert str(caught.value) == (
        "personer has 1001 persons, but KRR answers at most 1000 per lookup; the answer is not read"
    )
    assert caught.value.message("nb") == (
        "personer har 1001 personer, men KRR svarer på høyst 1000 per oppslag; svaret leses ikke"
    )
