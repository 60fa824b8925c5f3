"""The stand-in ordering system: takes callbacks with the right key, refuses the rest."""

from __future__ import annotations

import json

import pytest

from distribution import DistributionError
from distribution.eprom.callbacks import MAX_JSON_SIZE
from distribution.http.receiver import CallbackReceiver
from tests.helpers.fake import API_KEY
from tests.network.test_server import request

STATUS = {
    "formOrderId": "184738d0-3c39-e611-9c2a-34e6d72e03c7",
    "notificationChannel": "Helsenorge",
    "formOrderStatus": "Ordered",
}


def test_the_receiver_answers_as_the_guide_says_an_ordering_system_does() -> None:
    with CallbackReceiver(API_KEY) as receiver:
        put = {"Content-Type": "application/json"}
        good = json.dumps({**STATUS, "apiKey": API_KEY})
        wrong = json.dumps({**STATUS, "apiKey": "guess"})
        assert request(receiver.url, "PUT", "/api/PromsFormOrder", good, **put) == (
            200,
            '{"success": true}',
        )
        assert request(receiver.url, "PUT", "/api/PromsFormOrder/", wrong, **put) == (
            200,
            '{"success": false}',
        )
        assert request(receiver.url, "PUT", "/api/MessageToCitizen", "not json", **put) == (
            200,
            '{"success": false}',
        )
        assert request(receiver.url, "PUT", "/api/Other", good, **put) == (
            404,
            '{"success": false}',
        )
        assert receiver.wait_for(3, timeout=1)
        assert not receiver.wait_for(4, timeout=0.05)
    assert receiver.taken == [good]
    assert receiver.refused == [wrong, "not json"]


def test_the_receiver_reads_no_body_longer_than_a_callback_may_be() -> None:
    with CallbackReceiver(API_KEY) as receiver:
        # Only the length is sent: the receiver answers without reading the body, so a client
        # still writing a real 2 MiB body could meet a closed connection (EPIPE) first.
        too_long = {"Content-Length": str(MAX_JSON_SIZE + 1)}
        assert request(receiver.url, "PUT", "/api/PromsFormOrder", "{}", **too_long) == (
            413,
            '{"success": false}',
        )
        assert request(
            receiver.url, "PUT", "/api/PromsFormOrder", "{}", **{"Content-Length": "-1"}
        ) == (411, '{"success": false}')
    assert receiver.taken == receiver.refused == []


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ([API_KEY], "api_key must be a string, not list"),
        (API_KEY.encode(), "api_key must be a string, not bytes"),
        ("  ", "api_key is empty; an empty apiKey would match anyone, so it is not compared"),
    ],
)
def test_a_key_of_the_wrong_type_or_blank_is_refused_unshown(key: object, message: str) -> None:
    # Taken as it was, every callback would be refused later, with no word why.
    with pytest.raises(DistributionError) as raised:
        CallbackReceiver(key)  # type: ignore[arg-type]
    assert str(raised.value) == message
