"""The ePROM client, sync and async: typed answers, and the library's errors for everything else.

The calls go to the fake on 127.0.0.1, or to httpx's MockTransport, never off this machine.
"""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import httpx
import pytest

from distribution import (
    DistributionError,
    FormOrderRequest,
    InvalidTypeError,
    InvalidValueError,
    MessageToCitizenRequest,
    NotificationChannel,
)
from distribution.fake import FakeEprom, FormSettings
from distribution.http.client import AsyncEpromClient, EpromClient
from distribution.http.errors import (
    EpromBadRequestError,
    EpromConnectionError,
    EpromError,
    EpromServerError,
    EpromStatusError,
    EpromTimeoutError,
)
from distribution.http.server import FakeEpromServer
from tests.helpers.fake import (
    API_KEY,
    DIGIPOST,
    FORM_ID,
    HELSENORGE,
    NOBODY,
    NOT_IN_DIRECTORY,
    directory,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

UNPUBLISHED = "3bc5f9f0-2607-49eb-94f0-6af955bbd79c"
EXPIRY = datetime(2099, 1, 1, tzinfo=UTC)


def form_order(national_id: str = HELSENORGE, form_id: str = FORM_ID) -> FormOrderRequest:
    return FormOrderRequest(form_id=form_id, national_id=national_id, expiry_date=EXPIRY)


def message(national_id: str = HELSENORGE) -> MessageToCitizenRequest:
    return MessageToCitizenRequest(
        national_id=national_id,
        sender_info={"organisationName": "HUNT"},
        message_info={"title": "Brev"},
        document_collection=[{"title": "Brev"}],
        notification_priority_list=["DigitalMailbox", "Helsenorge"],
    )


@pytest.fixture(scope="module")
def server() -> Iterator[FakeEpromServer]:
    patients = {**directory(), DIGIPOST: {"digital_mailbox": True, "scenarios": ["GatewayTimeout"]}}
    forms = {FORM_ID: FormSettings(), UNPUBLISHED: FormSettings(published=False)}
    with FakeEpromServer(FakeEprom(patients, api_key=API_KEY, forms=forms)) as running:
        yield running


@pytest.fixture
def client(server: FakeEpromServer) -> Iterator[EpromClient]:
    with EpromClient(server.url + "/promswebapi", api_key=API_KEY) as made:
        yield made


def quiet(error: BaseException) -> None:
    """The error stands alone: no httpx exception behind it, no key in it."""
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    assert API_KEY not in str(error)
    assert API_KEY not in repr(error)


# --- answers ---------------------------------------------------------------------------------


def test_an_order_returns_eproms_answer(client: EpromClient) -> None:
    response = client.create_form_order(form_order())
    assert response.created
    assert response.channel is NotificationChannel.HELSENORGE
    assert not client.create_form_order(form_order(NOT_IN_DIRECTORY)).created


def test_a_message_returns_eproms_answer(client: EpromClient) -> None:
    response = client.send_message(message())
    assert response.sent
    assert response.channel is NotificationChannel.HELSENORGE
    assert not client.send_message(message(NOBODY)).sent


def test_the_client_names_its_base_and_never_its_key(client: EpromClient) -> None:
    assert repr(client).startswith("EpromClient('http://127.0.0.1:")
    assert API_KEY not in repr(client)


# --- errors ----------------------------------------------------------------------------------


def test_a_bad_request_carries_eproms_text(client: EpromClient) -> None:
    with pytest.raises(EpromBadRequestError) as raised:
        client.create_form_order(form_order(form_id=UNPUBLISHED))
    error = raised.value
    assert (error.status, error.text) == (400, "The ordered form is not Published")
    assert str(error) == (
        "ePROM refused POST /api/v2/formorder (400 Bad Request): The ordered form is not Published"
    )
    assert error.message("nb") == (
        "ePROM avviste POST /api/v2/formorder (400 Bad Request): The ordered form is not Published"
    )
    assert isinstance(error, ValueError)
    quiet(error)


def test_a_wrong_key_is_a_bad_request_that_shows_no_key(server: FakeEpromServer) -> None:
    with (
        EpromClient(server.url, api_key="guess") as wrong,
        pytest.raises(EpromBadRequestError, match=r"apiKey '<hidden>' doesn't exists") as raised,
    ):
        wrong.send_message(message())
    assert "guess" not in str(raised.value)


def test_a_gateway_timeout_is_a_server_error(client: EpromClient) -> None:
    with pytest.raises(EpromServerError) as raised:
        client.create_form_order(form_order(DIGIPOST))
    assert raised.value.status == 504
    assert raised.value.text == "Timeout while waiting for response from Helsenorge"
    assert str(raised.value).endswith("try again later")
    quiet(raised.value)


def test_an_unexpected_status_is_its_own_error(server: FakeEpromServer) -> None:
    with (
        EpromClient(server.url + "/elsewhere", api_key=API_KEY) as lost,
        pytest.raises(EpromStatusError, match="HTTP status 404") as raised,
    ):
        lost.create_form_order(form_order())
    assert raised.value.status == 404


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_no_connection_is_a_connection_error() -> None:
    base = f"http://127.0.0.1:{closed_port()}"
    with (
        EpromClient(base, api_key=API_KEY) as nowhere,
        pytest.raises(EpromConnectionError) as raised,
    ):
        nowhere.create_form_order(form_order())
    assert str(raised.value) == (
        f"could not reach ePROM at '{base}' for POST /api/v2/formorder; check the address and "
        "the network"
    )
    assert isinstance(raised.value, ConnectionError)
    assert raised.value.status is None
    quiet(raised.value)


def mock(answer: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    return httpx.MockTransport(answer)


def slow(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("read timed out", request=request)


def test_no_answer_in_time_is_a_timeout_that_warns_of_a_double_order() -> None:
    with (
        EpromClient(
            "https://eprom.invalid", api_key=API_KEY, timeout=2.5, transport=mock(slow)
        ) as client,
        pytest.raises(EpromTimeoutError) as raised,
    ):
        client.create_form_order(form_order())
    assert str(raised.value) == (
        "ePROM did not answer POST /api/v2/formorder within 2.5 seconds; the order may have "
        "been made all the same, so check before sending it again"
    )
    assert isinstance(raised.value, TimeoutError)
    quiet(raised.value)


def test_eproms_text_is_shown_without_the_key_or_a_national_id_and_kept_short() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == f"Basic {API_KEY}"
        return httpx.Response(400, text=f"apiKey '{API_KEY}' doesn't exists for {HELSENORGE}")

    with EpromClient("https://eprom.invalid", api_key=API_KEY, transport=mock(echo)) as client:
        with pytest.raises(EpromBadRequestError) as raised:
            client.create_form_order(form_order())
        assert raised.value.text == "apiKey '<hidden>' doesn't exists for <hidden>"
        quiet(raised.value)

    def long(_: httpx.Request) -> httpx.Response:
        return httpx.Response(503, text="x" * 800)

    with (
        EpromClient("https://eprom.invalid", api_key=API_KEY, transport=mock(long)) as client,
        pytest.raises(EpromServerError) as raised_long,
    ):
        client.send_message(message())
    assert raised_long.value.text == "x" * 499 + "…"


@pytest.mark.parametrize(
    ("arguments", "error", "text"),
    [
        ({"base_url": "proms2.hemit.org"}, InvalidValueError, "base_url"),
        ({"base_url": 42}, InvalidTypeError, "base_url"),
        ({"api_key": " "}, InvalidValueError, "api_key is empty"),
        ({"api_key": None}, InvalidTypeError, "api_key must be a string"),
    ],
)
def test_the_client_refuses_what_it_cannot_use(
    arguments: dict[str, object], error: type[DistributionError], text: str
) -> None:
    given: dict[str, object] = {"base_url": "https://eprom.invalid", "api_key": API_KEY}
    given.update(arguments)
    for kind in (EpromClient, AsyncEpromClient):
        with pytest.raises(error, match=text):
            kind(**given)  # type: ignore[arg-type]


def test_a_request_of_the_wrong_kind_is_refused(client: EpromClient) -> None:
    with pytest.raises(InvalidTypeError, match="request must be FormOrderRequest"):
        client.create_form_order(message())  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="request must be MessageToCitizenRequest"):
        client.send_message(form_order())  # type: ignore[arg-type]


# --- async -----------------------------------------------------------------------------------


def test_the_async_client_answers_as_the_sync_one(server: FakeEpromServer) -> None:
    async def talk() -> tuple[bool, bool, str, int | None]:
        async with AsyncEpromClient(server.url, api_key=API_KEY) as client:
            created = (await client.create_form_order(form_order())).created
            sent = (await client.send_message(message())).sent
            shown = repr(client)
            try:
                await client.create_form_order(form_order(DIGIPOST))
            except EpromError as error:
                quiet(error)
                return created, sent, shown, error.status
        return created, sent, shown, None

    created, sent, shown, status = asyncio.run(talk())
    assert (created, sent, status) == (True, True, 504)
    assert shown.startswith("AsyncEpromClient('http://127.0.0.1:")


def test_the_async_client_maps_timeouts_and_lost_connections() -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async def talk(transport: httpx.MockTransport) -> EpromError:
        client = AsyncEpromClient("https://eprom.invalid", api_key=API_KEY, transport=transport)
        try:
            await client.send_message(message())
        except EpromError as error:
            return error
        finally:
            await client.aclose()
        raise AssertionError

    timed_out = asyncio.run(talk(mock(slow)))
    assert isinstance(timed_out, EpromTimeoutError)
    lost = asyncio.run(talk(mock(broken)))
    assert isinstance(lost, EpromConnectionError)
    quiet(timed_out)
    quiet(lost)
