"""Person records from the contact register, KRR (Digdir's lookup API, ``docs/sources.md`` §5).

:meth:`KrrRecord.from_json` reads one person record as ``POST /rest/v2/personer`` returns it;
:meth:`KrrRecord.from_response` reads the whole ``{"personer": [...]}`` answer. Unknown extra
fields are ignored (Digdir may add some); wrong types, unknown enum values and bad timestamps
raise a :class:`~distribution.errors.DistributionError` naming the field.

The national ID, e-mail address and mobile number never show in a repr, an error or an
explanation: they are masked.

>>> record = KrrRecord.from_json({
...     "personidentifikator": "20914695016", "reservasjon": "NEI", "status": "AKTIV",
...     "varslingsstatus": "KAN_VARSLES",
...     "kontaktinformasjon": {"epostadresse": "ola@example.no",
...                            "epostadresse_oppdatert": "2023-06-29T10:14:52+02"}})
>>> record.email_updated.isoformat()
'2023-06-29T10:14:52+02:00'
>>> "20914695016" in repr(record) or "ola@example.no" in repr(record)
False
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import datetime
from typing import Final, TypeVar, final

import attrs

from distribution._json import load
from distribution.errors import (
    DistributionError,
    InvalidValueError,
    UnknownCodeError,
    aware,
    exactly,
    wrong_type,
)

T = TypeVar("T")

__all__ = ["KrrRecord", "KrrStatus", "mask_email", "mask_national_id", "mask_phone"]


class KrrStatus(enum.Enum):
    """A person's ``status`` in KRR."""

    AKTIV = "AKTIV"
    """Registered and active."""
    SLETTET = "SLETTET"
    """Deleted from the register."""
    IKKE_REGISTRERT = "IKKE_REGISTRERT"
    """Never registered."""


def mask_national_id(value: str | None) -> str | None:
    """Return a national ID with every digit hidden (its length stays visible)."""
    return None if value is None else "*" * len(value)


def mask_email(value: str | None) -> str | None:
    """Return an e-mail address with all but its first letter and top-level domain hidden."""
    if value is None:
        return None
    local, _, domain = value.partition("@")
    top = domain.rsplit(".", 1)[-1] if "." in domain else ""
    return f"{local[:1]}***@***.{top}" if top else f"{local[:1]}***"


def mask_phone(value: str | None) -> str | None:
    """Return a phone number with all but its last two digits hidden."""
    if value is None:
        return None
    return "*" * max(len(value) - 2, 0) + value[-2:]


# repr() of each personal field: module-level functions, so each runs (and is tested) per call.
def _repr_national_id(value: str | None) -> str:
    return repr(mask_national_id(value))


def _repr_email(value: str | None) -> str:
    return repr(mask_email(value))


def _repr_phone(value: str | None) -> str:
    return repr(mask_phone(value))


_OPTIONAL_TIME: Final = attrs.validators.and_(exactly(datetime, optional=True), aware)


@final
@attrs.frozen(kw_only=True)
class KrrRecord:
    """One person's record in KRR, as the lookup API returns it.

    Attributes mirror Digdir's fields (``krr_attributter``): ``reservasjon`` as ``reserved``
    (``JA`` is ``True``), ``varslingsstatus`` as ``can_notify`` (``KAN_VARSLES`` is ``True``),
    ``kontaktinformasjon`` as the e-mail and mobile fields with their ``_oppdatert`` (updated)
    and ``_sist_verifisert`` (verified) times, and ``digital_post`` as ``mailbox_address`` and
    ``mailbox_provider``. A field the record lacks is ``None``.
    """

    national_id: str | None = attrs.field(
        default=None, repr=_repr_national_id, validator=exactly(str, optional=True, secret=True)
    )
    status: KrrStatus = attrs.field(validator=exactly(KrrStatus))
    reserved: bool | None = attrs.field(default=None, validator=exactly(bool, optional=True))
    can_notify: bool | None = attrs.field(default=None, validator=exactly(bool, optional=True))
    email: str | None = attrs.field(
        default=None, repr=_repr_email, validator=exactly(str, optional=True, secret=True)
    )
    email_updated: datetime | None = attrs.field(default=None, validator=_OPTIONAL_TIME)
    email_verified: datetime | None = attrs.field(default=None, validator=_OPTIONAL_TIME)
    mobile: str | None = attrs.field(
        default=None, repr=_repr_phone, validator=exactly(str, optional=True, secret=True)
    )
    mobile_updated: datetime | None = attrs.field(default=None, validator=_OPTIONAL_TIME)
    mobile_verified: datetime | None = attrs.field(default=None, validator=_OPTIONAL_TIME)
    mailbox_address: str | None = attrs.field(
        default=None, repr=False, validator=exactly(str, optional=True, secret=True)
    )
    mailbox_provider: str | None = attrs.field(default=None, validator=exactly(str, optional=True))
    language: str | None = attrs.field(default=None, validator=exactly(str, optional=True))

    @classmethod
    def from_json(cls, obj: object) -> KrrRecord:
        """Read one person record: a mapping, or its JSON text."""
        record = _object(load(obj, "person"), "person")
        contact = _object(record.get("kontaktinformasjon", {}), "kontaktinformasjon")
        post = _object(record.get("digital_post", {}), "digital_post")
        return cls(
            national_id=_text(record, "personidentifikator", secret=True),
            status=_choice(record, "status", _STATUSES, required=True),  # type: ignore[arg-type]  # required
            reserved=_choice(record, "reservasjon", _YES_NO),
            can_notify=_choice(record, "varslingsstatus", _NOTIFY),
            email=_text(contact, "epostadresse", secret=True, prefix="kontaktinformasjon."),
            email_updated=_time(contact, "kontaktinformasjon.epostadresse_oppdatert"),
            email_verified=_time(contact, "kontaktinformasjon.epostadresse_sist_verifisert"),
            mobile=_text(contact, "mobiltelefonnummer", secret=True, prefix="kontaktinformasjon."),
            mobile_updated=_time(contact, "kontaktinformasjon.mobiltelefonnummer_oppdatert"),
            mobile_verified=_time(contact, "kontaktinformasjon.mobiltelefonnummer_sist_verifisert"),
            mailbox_address=_text(post, "postkasseadresse", secret=True, prefix="digital_post."),
            mailbox_provider=_text(post, "postkasseleverandoeradresse", prefix="digital_post."),
            language=_text(record, "spraak"),
        )

    @classmethod
    def from_response(cls, obj: object) -> tuple[KrrRecord, ...]:
        """Read a whole lookup answer, ``{"personer": [...]}``: a mapping, or its JSON text."""
        response = _object(load(obj, "response"), "response")
        if "personer" not in response:
            raise InvalidValueError(
                "missing_key", value=None, field="personer", choices=("personer",)
            )
        people = response["personer"]
        if not isinstance(people, list):
            raise wrong_type(people, field="personer", expected="a list")
        records = []
        for index, person in enumerate(people):
            try:
                records.append(cls.from_json(person))
            except DistributionError as error:
                raise error.within(f"personer[{index}]") from None
        return tuple(records)

    @property
    def has_digital_mailbox(self) -> bool:
        """Whether the record names a secure digital mailbox (``digital_post``)."""
        return self.mailbox_address is not None


_STATUSES: Final = {status.value: status for status in KrrStatus}
_YES_NO: Final = {"JA": True, "NEI": False}
_NOTIFY: Final = {"KAN_VARSLES": True, "KAN_IKKE_VARSLES": False}


def _object(value: object, field: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise wrong_type(value, field=field, expected="an object")
    return value


def _text(
    record: Mapping[str, object], key: str, *, secret: bool = False, prefix: str = ""
) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise wrong_type(value, field=prefix + key, expected="a string", secret=secret)
    return value


def _choice(
    record: Mapping[str, object], key: str, choices: Mapping[str, T], *, required: bool = False
) -> T | None:
    value = record.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        if value is None:
            raise InvalidValueError("missing_value", value=None, field=key, choices=tuple(choices))
        raise wrong_type(value, field=key, expected="a string")
    if value not in choices:
        raise UnknownCodeError("unknown_code", value=value, field=key, choices=tuple(choices))
    return choices[value]


def _time(record: Mapping[str, object], path: str) -> datetime | None:
    value = record.get(path.rsplit(".", 1)[-1])
    if value is None:
        return None
    if not isinstance(value, str):
        raise wrong_type(value, field=path, expected="a string")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    # A date without a time, or a time without an offset, cannot be compared with the
    # reference time safely, so it is refused rather than guessed.
    if moment is None or moment.utcoffset() is None or "T" not in value.upper():
        raise InvalidValueError("bad_timestamp", value=value, field=path)
    return moment
