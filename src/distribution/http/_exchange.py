"""One call to ePROM's v2 API, without the I/O: what to send, and what the answer means.

One reason to change: ePROM's request or answer changes. The sync and async clients share it,
so they can differ only in how they wait (``docs/sources.md`` §3, §8 and §10).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Final, final
from urllib.parse import urlsplit

import attrs

from distribution import (
    FormOrderRequest,
    FormOrderResponse,
    InvalidValueError,
    MessageResponse,
    MessageToCitizenRequest,
)
from distribution._errors import HIDDEN, Expected, mask_personal, wrong_type
from distribution.http.errors import (
    EpromBadRequestError,
    EpromConnectionError,
    EpromServerError,
    EpromStatusError,
    EpromTimeoutError,
)

if TYPE_CHECKING:
    from distribution.http.errors import EpromError

FORM_ORDER_PATH: Final = "/api/v2/formorder"
MESSAGE_PATH: Final = "/api/v2/messagetocitizen"
_LONGEST_TEXT: Final = 500  # characters of ePROM's text an error keeps


@final
@attrs.frozen
class Call:
    """One request to ePROM: its path under the base URL and its JSON body (internal)."""

    path: str
    body: bytes = attrs.field(repr=False)

    @property
    def what(self) -> str:
        """The request as an error names it: ``POST /api/v2/formorder``."""
        return f"POST {self.path}"


def base_url(value: object) -> str:
    """Return *value* as a base URL without a trailing slash; refuse anything but http(s)."""
    if type(value) is not str:
        raise wrong_type(value, field="base_url", expected="a string")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise InvalidValueError(
            "out_of_range", value=value, field="base_url", choices="an http(s) URL"
        )
    return value.rstrip("/")


def api_key(value: object) -> str:
    """Return *value* if it is a usable apiKey; never show it."""
    if type(value) is not str:
        raise wrong_type(value, field="api_key", expected="a string", secret=True)
    if not value.strip():
        raise InvalidValueError("empty_key", value=None, field="api_key")
    return value


def headers(key: str) -> dict[str, str]:
    """Return the request's headers: v2 takes the key as it is, after ``Basic``."""
    return {
        "Authorization": f"Basic {key}",
        "Content-Type": "application/json; charset=utf-8",
        "Accept": "application/json",
    }


def form_order(request: object) -> Call:
    """Return the call that places *request*, a :class:`~distribution.FormOrderRequest`."""
    if type(request) is not FormOrderRequest:
        raise wrong_type(request, field="request", expected=Expected(types=(FormOrderRequest,)))
    return Call(FORM_ORDER_PATH, json.dumps(request.to_dict()).encode())


def message(request: object) -> Call:
    """Return the call that sends *request*, a :class:`~distribution.MessageToCitizenRequest`."""
    if type(request) is not MessageToCitizenRequest:
        raise wrong_type(
            request, field="request", expected=Expected(types=(MessageToCitizenRequest,))
        )
    return Call(MESSAGE_PATH, json.dumps(request.to_dict()).encode())


def _shown(text: str, key: str) -> str:
    text = mask_personal(text.replace(key, HIDDEN).strip())
    return text if len(text) <= _LONGEST_TEXT else text[: _LONGEST_TEXT - 1] + "…"


def answer(call: Call, status: int, text: str, key: str) -> str:
    """Return the body of a ``2xx`` answer; raise the client's error for any other."""
    if 200 <= status < 300:  # the 2xx range
        return text
    shown = _shown(text, key)
    if status == 400:  # BadRequest
        raise EpromBadRequestError(
            "eprom_bad_request", value=status, field=call.what, status=status, text=shown
        )
    if status >= 500:  # the server's fault
        raise EpromServerError(
            "eprom_server_error", value=status, field=call.what, status=status, text=shown
        )
    raise EpromStatusError("eprom_status", value=status, field=call.what, status=status, text=shown)


def timed_out(call: Call, seconds: float) -> EpromError:
    """Return the error for a call that got no answer within *seconds*."""
    return EpromTimeoutError("eprom_timeout", value=None, field=call.what, seconds=f"{seconds:g}")


def unreachable(call: Call, base: str) -> EpromError:
    """Return the error for a call that could not reach *base*."""
    return EpromConnectionError("eprom_connection", value=base, field=call.what)


def form_order_response(text: str) -> FormOrderResponse:
    """Read ePROM's answer to an order."""
    return FormOrderResponse.from_json(text)


def message_response(text: str) -> MessageResponse:
    """Read ePROM's answer to a message."""
    return MessageResponse.from_json(text)
