"""What the fake ePROM writes: the answers to an order and a message, and the callback bodies.

One reason to change: the shape of a body ePROM sends. Each follows the guide's example
(``docs/sources.md`` §8): field names, codes by name (or by number, as later examples give
them), times as .NET writes them. Every body here is read back by the library's readers in the
tests, so the fake can never send what the library could not read.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo

from distribution import (
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)

if TYPE_CHECKING:
    from distribution.fake._requests import Order

NIL_GUID: Final = "00000000-0000-0000-0000-000000000000"
# ePROM's local time ("timestamp" has no offset: "2023-03-29T10:20:10.1804332") is Norway's.
OSLO: Final = ZoneInfo("Europe/Oslo")

Code = FormOrderStatus | FormOrderStatusErrorCode | NotificationChannel | SentStatus


def _code(member: Code, numeric: bool) -> int | str:
    return member.value if numeric else member.api_name


def _dotnet(moment: datetime) -> str:
    """Return *moment*'s wall time with seven decimals, as .NET writes a DateTime."""
    # isoformat, not strftime: formatting must not even look like reading the clock.
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "0"


def local_time(moment: datetime) -> str:
    """Return the time in Norway without an offset, as the status callback's ``timestamp``."""
    return _dotnet(moment.astimezone(OSLO))


def utc_time(moment: datetime) -> str:
    """Return the instant in UTC with a ``Z``, as ``timestampUtc``."""
    return _dotnet(moment.astimezone(UTC)) + "Z"


def event_time(moment: datetime) -> str:
    """Return an event log's time as the guide's example writes it (``2021-05-07 09:17:51.220``)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", timespec="milliseconds")


def _dumps(body: object) -> str:
    return json.dumps(body, ensure_ascii=False)


def order_response(
    order: Order,
    *,
    form_order_id: str,
    channel: NotificationChannel,
    single_use_code: str | None,
    login_url: str | None,
) -> str:
    """Return the answer to an order (BestillingAvSkjemaV2.md).

    Its input parameters, then ``id``, ``singleUseCode``, ``loginUrl`` and the *preferred*
    ``notificationChannel``.
    """
    return _dumps(
        {
            **order.echo,
            "id": form_order_id,
            "singleUseCode": single_use_code,
            "loginUrl": login_url,
            "notificationChannel": channel.api_name,
        }
    )


def unknown_person_response(order: Order) -> str:
    """Return the answer when the national ID does not exist: the all-zero id, no order."""
    return _dumps(
        {
            **order.echo,
            "id": NIL_GUID,
            "singleUseCode": None,
            "loginUrl": None,
            "notificationChannel": NotificationChannel.NONE.api_name,
        }
    )


def message_response(message_id: str | None, channel: NotificationChannel) -> str:
    """Return the answer to a message, its channel as the guide writes it (``"0"``: not sent)."""
    return _dumps({"notificationChannel": str(channel.value), "messageToCitizenId": message_id})


def order_status(  # noqa: PLR0913  # the fields of the body
    *,
    api_key: str,
    form_order_id: str,
    channel: NotificationChannel,
    status: FormOrderStatus,
    error_code: FormOrderStatusErrorCode,
    initiated: datetime | None,
    numeric: bool,
) -> str:
    """Return the status of an order (``PUT /api/PromsFormOrder``).

    Without *initiated* the body has no timestamps, as the guide's ``Error`` example has none.
    """
    times = (
        {}
        if initiated is None
        else {
            "timestamp": local_time(initiated),
            "timestampUtc": utc_time(initiated),
        }
    )
    return _dumps(
        {
            "apiKey": api_key,
            "formOrderId": form_order_id,
            "notificationChannel": _code(channel, numeric),
            **times,
            "formOrderStatus": _code(status, numeric),
            "formOrderStatusErrorCode": _code(error_code, numeric),
        }
    )


def returned_form(  # noqa: PLR0913  # the fields of the body
    *,
    api_key: str,
    form_order_id: str,
    status: FormOrderStatus,
    channel: NotificationChannel,
    submitted: datetime,
    form_data: str | None,
    signed_form_id: str,
    scanned_paper_id: str,
    events: list[dict[str, str]],
    filled_out_by: dict[str, str] | None,
    numeric: bool,
) -> str:
    """Return the completed or expired form (``PUT /api/PromsFormOrder``)."""
    body: dict[str, object] = {
        "apiKey": api_key,
        "formOrderId": form_order_id,
        "formData": form_data,
        "formOrderStatus": _code(status, numeric),
        "signedFormId": signed_form_id,
        "timestamp": submitted.astimezone(OSLO).isoformat(),
        "scannedPaperId": scanned_paper_id,
        "formDataWarnings": [],
        "notificationChannel": _code(channel, numeric),
        "isPatientInitiated": False,
        "patientInitiatedValues": None,
        "formOrderEventLog": events,
    }
    if filled_out_by is not None:
        body["filledOutBy"] = filled_out_by
    return _dumps(body)


def message_status(
    *,
    api_key: str,
    message_id: str,
    channel: NotificationChannel,
    status: SentStatus,
    numeric: bool,
) -> str:
    """Return the status of a message (``PUT /api/MessageToCitizen``)."""
    return _dumps(
        {
            "apiKey": api_key,
            "messageToCitizenId": message_id,
            "notificationChannel": _code(channel, numeric),
            "sentStatus": _code(status, numeric),
        }
    )
