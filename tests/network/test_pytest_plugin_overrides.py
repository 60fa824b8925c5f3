"""The fake_eprom fixture with its fixtures overridden: own patients, key and callback base."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from distribution.http.receiver import CallbackReceiver
from tests.helpers.fake import API_KEY, NOBODY, order_body
from tests.network.test_server import order

if TYPE_CHECKING:
    from collections.abc import Iterator

    from distribution.http.server import FakeEpromServer


@pytest.fixture
def receiver() -> Iterator[CallbackReceiver]:
    with CallbackReceiver(API_KEY) as running:
        yield running


@pytest.fixture
def fake_eprom_patients() -> dict[str, object]:
    return {NOBODY: {}}


@pytest.fixture
def fake_eprom_api_key() -> str:
    return API_KEY


@pytest.fixture
def fake_eprom_callback_base(receiver: CallbackReceiver) -> str:
    return receiver.url


def test_the_overridden_fake_puts_its_callbacks_to_the_registry(
    fake_eprom: FakeEpromServer, receiver: CallbackReceiver
) -> None:
    status, _ = order(fake_eprom.url, order_body(NOBODY))
    assert status == 200
    assert receiver.wait_for(1, timeout=5)
    assert '"formOrderStatus": "Error"' in receiver.taken[0]
