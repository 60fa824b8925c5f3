"""Person records from the contact register, KRR (Digdir's lookup API, ``docs/sources.md`` §5).

:class:`KrrResponse` is the one way into a lookup answer: ``from_json`` reads the JSON text of
the whole ``{"personer": [...]}`` answer (``from_dict`` the same decoded), person by person, so one
malformed person spoils only its own entry, and :meth:`KrrResponse.get` finds a person by national
ID. :meth:`KrrRecord.from_dict` reads one person record as the answer holds it. What is wrong in
the data (a value of the wrong JSON type, an unknown enum value, a bad timestamp) raises the
``ValueError`` family naming the field; a caller passing the wrong Python type,
:class:`~distribution.errors.InvalidTypeError`. A key Digdir does not document is kept in
:attr:`KrrRecord.unrecognised` rather than ignored: a misspelt ``digitalpost`` must not silently
read as "no mailbox".

The national ID, e-mail address and mobile number never show in a repr, an error or an
explanation: they are masked.

>>> record = KrrRecord.from_dict({
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
from typing import Final, final

import attrs

from distribution._errors import (
    HIDDEN,
    DistributionError,
    InvalidValueError,
    aware,
    exactly,
    looks_personal,
    mask_personal,
    show,
    wrong_type,
)
from distribution._evidence import wrong_json_type
from distribution._formats import (
    iso_time,
)
from distribution._reading import (
    check_keys,
    choice,
    given_mapping,
    json_list,
    json_object,
    maybe,
    read_object,
)

__all__ = [
    "KrrRecord",
    "KrrResponse",
    "KrrStatus",
    "mask_email",
    "mask_national_id",
    "mask_phone",
]


class KrrStatus(enum.Enum):
    """A person's ``status`` in KRR."""

    AKTIV = "AKTIV"
    """Registered and active."""
    SLETTET = "SLETTET"
    """Deleted from the register."""
    IKKE_REGISTRERT = "IKKE_REGISTRERT"
    """Never registered."""

    # Singletons: hashing by identity keeps dict lookups keyed by a member in C (as Reason).
    __hash__ = object.__hash__


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


def _repr_text(value: str | None) -> str:
    """Show a free-text field with any personal data in it hidden, then shortened.

    Masked first: a national ID cut in two by the shortening would escape the mask.
    """
    return "None" if value is None else show(mask_personal(value))


_NAMES_SHOWN = 5  # unrecognised keys a repr names; a hostile answer may hold thousands
_MAX_PERSONS = 1000  # one lookup asks for 1 to 1000 personidentifikatorer (docs/sources.md §5)


def _repr_names(names: tuple[str, ...]) -> str:
    """Return the unrecognised keys as a repr does, each shortened and at most a few of them."""
    shown = [repr(name) if name == HIDDEN else show(name) for name in names[:_NAMES_SHOWN]]
    if len(names) > _NAMES_SHOWN:
        shown.append(f"… {len(names)} in all")
    return f"({', '.join(shown)}{',' if len(names) == 1 else ''})"


_OPTIONAL_TIME: Final = attrs.validators.and_(exactly(datetime, optional=True), aware)


def _check_unrecognised(
    _instance: object, _attribute: attrs.Attribute[tuple[str, ...]], value: object
) -> None:
    if type(value) is not tuple or any(type(key) is not str for key in value):
        raise wrong_type(value, field="KrrRecord.unrecognised", expected="a tuple of str")


@final
@attrs.frozen(kw_only=True)
class KrrRecord:
    """One person's record in KRR, as the lookup API returns it.

    Attributes mirror Digdir's fields (``krr_attributter``): ``reservasjon`` as ``reserved``
    (``JA`` is ``True``), ``varslingsstatus`` as ``can_notify`` (``KAN_VARSLES`` is ``True``),
    ``kontaktinformasjon`` as the e-mail and mobile fields with their ``_oppdatert`` (updated)
    and ``_sist_verifisert`` (verified) times, and ``digital_post`` as ``mailbox_address`` and
    ``mailbox_provider``. A field the record lacks is ``None``.

    ``unrecognised`` names the keys of the record (``"digitalpost"``,
    ``"kontaktinformasjon.epost"``) that Digdir's attribute list does not have. They are not an
    error, since Digdir may add fields, but they may carry a fact under a name this library does
    not read, so :func:`~distribution.patient.eligibility.assess` no longer states an absence in
    such a record as a fact. A key that looks like personal data is shown as ``<hidden>``.
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
    mailbox_provider: str | None = attrs.field(
        default=None, repr=_repr_text, validator=exactly(str, optional=True)
    )
    language: str | None = attrs.field(
        default=None, repr=_repr_text, validator=exactly(str, optional=True)
    )
    unrecognised: tuple[str, ...] = attrs.field(
        default=(), repr=_repr_names, validator=_check_unrecognised
    )

    @classmethod
    def from_dict(cls, record: Mapping[str, object]) -> KrrRecord:
        """Read one person record, decoded from JSON: an entry of the answer's ``personer``."""
        record = given_mapping(record, "person")
        contact = json_object(record.get("kontaktinformasjon", {}), "kontaktinformasjon")
        post = json_object(record.get("digital_post", {}), "digital_post")
        unrecognised = tuple(
            sorted(
                HIDDEN if looks_personal(key) else key
                for level, known, prefix in (
                    (record, _PERSON_KEYS, ""),
                    (contact, _CONTACT_KEYS, "kontaktinformasjon."),
                    (post, _POST_KEYS, "digital_post."),
                )
                for key in (prefix + str(name) for name in level if name not in known)
            )
        )
        reserved, can_notify = record.get("reservasjon"), record.get("varslingsstatus")
        return cls(
            national_id=_text(record, "personidentifikator", secret=True),
            status=choice(record.get("status"), "status", _STATUSES),
            reserved=None if reserved is None else choice(reserved, "reservasjon", _YES_NO),
            can_notify=None
            if can_notify is None
            else choice(can_notify, "varslingsstatus", _NOTIFY),
            email=_text(contact, "epostadresse", secret=True, prefix="kontaktinformasjon."),
            email_updated=_time(contact, "kontaktinformasjon.epostadresse_oppdatert"),
            email_verified=_time(contact, "kontaktinformasjon.epostadresse_sist_verifisert"),
            mobile=_text(contact, "mobiltelefonnummer", secret=True, prefix="kontaktinformasjon."),
            mobile_updated=_time(contact, "kontaktinformasjon.mobiltelefonnummer_oppdatert"),
            mobile_verified=_time(contact, "kontaktinformasjon.mobiltelefonnummer_sist_verifisert"),
            mailbox_address=_text(post, "postkasseadresse", secret=True, prefix="digital_post."),
            mailbox_provider=_text(post, "postkasseleverandoeradresse", prefix="digital_post."),
            language=_text(record, "spraak"),
            unrecognised=unrecognised,
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> KrrRecord:
        """Read one person record from its JSON text."""
        return cls.from_dict(read_object(text, "person"))

    @property
    def has_digital_mailbox(self) -> bool:
        """Whether the record names a secure digital mailbox (``digital_post``)."""
        return self.mailbox_address is not None


def _check_entries(
    _instance: object,
    _attribute: attrs.Attribute[tuple[KrrRecord | DistributionError, ...]],
    value: object,
) -> None:
    if type(value) is not tuple or not all(
        type(entry) is KrrRecord or isinstance(entry, DistributionError) for entry in value
    ):
        raise wrong_type(
            value,
            field="KrrResponse.entries",
            expected="a tuple of KrrRecord or DistributionError",
        )


def _check_ids(
    instance: KrrResponse, _attribute: attrs.Attribute[tuple[str | None, ...]], value: object
) -> None:
    # One ID (or None, where none could be read) per entry; a record's own ID where it has one.
    expected = "one national ID (or None) per entry, a record's own where it has one"
    if (
        type(value) is not tuple
        or len(value) != len(instance.entries)
        or any(
            not (item is None or type(item) is str)
            or (type(entry) is KrrRecord and item != entry.national_id)
            for item, entry in zip(value, instance.entries, strict=True)
        )
    ):
        raise wrong_type(value, field="KrrResponse.national_ids", expected=expected, secret=True)


@final
@attrs.frozen
class KrrResponse:
    """A whole lookup answer, ``{"personer": [...]}``, read person by person.

    Each entry is the person's :class:`KrrRecord`, or the :class:`DistributionError` that says
    why that person's record could not be read (its field starts ``personer[i]``): one malformed
    person in an answer of a thousand leaves the other 999 readable. :meth:`get` finds a person
    by national ID. ``national_ids`` holds the ID each entry names, as far as it could be read;
    it never shows in a repr.

    >>> response = KrrResponse.from_json('''{"personer": [
    ...     {"personidentifikator": "20914695016", "status": "AKTIV"},
    ...     {"personidentifikator": "01039494104", "status": "GONE"}]}''')
    >>> [type(entry).__name__ for entry in response.entries]
    ['KrrRecord', 'UnknownCodeError']
    >>> response.get("20914695016").status
    <KrrStatus.AKTIV: 'AKTIV'>
    >>> response.errors[0].field  # response.get("01039494104") raises this error
    'personer[1].status'

    :meth:`records_or_raise` reads the answer all or nothing instead.
    """

    entries: tuple[KrrRecord | DistributionError, ...] = attrs.field(validator=_check_entries)
    national_ids: tuple[str | None, ...] = attrs.field(repr=False, validator=_check_ids)
    _positions: Mapping[str, tuple[int, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        positions: dict[str, tuple[int, ...]] = {}
        for position, national_id in enumerate(self.national_ids):
            if national_id is not None:
                key = national_id.replace(" ", "")
                positions[key] = (*positions.get(key, ()), position)
        object.__setattr__(self, "_positions", positions)

    @classmethod
    def from_dict(cls, response: Mapping[str, object]) -> KrrResponse:
        """Read a lookup answer, decoded from JSON (by ``json.loads`` or an HTTP client).

        Only an answer that is not ``{"personer": [...]}`` at all raises; a malformed person
        becomes an error entry.
        """
        response = given_mapping(response, "response")
        check_keys(response, "", required=("personer",), null_is_missing=False)
        people = json_list(response["personer"], "personer")
        if len(people) > _MAX_PERSONS:  # each bad entry keeps its error: bound them
            raise InvalidValueError(
                "krr_too_many", value=len(people), field="personer", limit=_MAX_PERSONS
            )
        entries: list[KrrRecord | DistributionError] = []
        ids: list[str | None] = []
        for index, person in enumerate(people):
            if not isinstance(person, Mapping):
                entries.append(wrong_json_type(person, f"personer[{index}]", "an object"))
                ids.append(None)
                continue
            try:
                record = KrrRecord.from_dict(person)
            except DistributionError as error:
                entries.append(error.within(f"personer[{index}]"))
                named = person.get("personidentifikator")
                ids.append(named if isinstance(named, str) else None)
            else:
                entries.append(record)
                ids.append(record.national_id)
        return cls(tuple(entries), tuple(ids))

    @classmethod
    def from_json(cls, text: str | bytes) -> KrrResponse:
        """Read a lookup answer from its JSON text, as :meth:`from_dict` reads it decoded."""
        return cls.from_dict(read_object(text, "response"))

    @property
    def records(self) -> tuple[KrrRecord, ...]:
        """The records that could be read, in the answer's order."""
        return tuple(entry for entry in self.entries if type(entry) is KrrRecord)

    @property
    def errors(self) -> tuple[DistributionError, ...]:
        """Why each unreadable person could not be read, in the answer's order."""
        return tuple(entry for entry in self.entries if isinstance(entry, DistributionError))

    def records_or_raise(self) -> tuple[KrrRecord, ...]:
        """Return every record, all or nothing: the first person who could not be read raises."""
        if self.errors:
            raise self.errors[0]
        return self.records

    def get(self, national_id: str) -> KrrRecord | None:
        """Return the record of the person with *national_id* (spaces ignored).

        ``None`` when the answer has no such person. Raises that person's error when their
        record could not be read, and :class:`InvalidValueError` when the answer names them more
        than once.
        """
        if not isinstance(national_id, str):
            raise wrong_type(
                national_id, field="national_id", expected="a string of 11 digits", secret=True
            )
        found = self._positions.get(national_id.replace(" ", ""), ())
        if not found:
            return None
        if len(found) > 1:
            raise InvalidValueError(
                "repeated_person", value=HIDDEN, field="personer", count=len(found)
            )
        entry = self.entries[found[0]]
        if isinstance(entry, DistributionError):
            raise entry
        return entry


# Digdir's attribute list (krr_attributter, docs/sources.md §5): every key a person record may
# have, at each level. Anything else is reported in KrrRecord.unrecognised.
_PERSON_KEYS: Final = frozenset(
    {
        "personidentifikator",
        "reservasjon",
        "reservasjonstidspunkt",
        "reservasjon_oppdatert",
        "status",
        "varslingsstatus",
        "kontaktinformasjon",
        "digital_post",
        "sertifikat",
        "spraak",
        "spraak_oppdatert",
    }
)
_CONTACT_KEYS: Final = frozenset(
    f"{kind}{suffix}"
    for kind in ("epostadresse", "mobiltelefonnummer")
    for suffix in ("", "_oppdatert", "_sist_verifisert", "_sist_validert", "_duplisert")
)
_POST_KEYS: Final = frozenset({"postkasseadresse", "postkasseleverandoeradresse"})
_STATUSES: Final = {status.value: status for status in KrrStatus}
_YES_NO: Final = {"JA": True, "NEI": False}
_NOTIFY: Final = {"KAN_VARSLES": True, "KAN_IKKE_VARSLES": False}


def _text(
    record: Mapping[str, object], key: str, *, secret: bool = False, prefix: str = ""
) -> str | None:
    return maybe(record.get(key), str, prefix + key, "a string", secret=secret)


def _time(record: Mapping[str, object], path: str) -> datetime | None:
    value = record.get(path.rsplit(".", 1)[-1])
    return None if value is None else iso_time(value, path)
