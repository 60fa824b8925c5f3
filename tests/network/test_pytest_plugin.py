"""The fake_eprom fixture as a registry's test suite gets it: defaults, overrides, entry point."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from distribution import FormOrderRequest, FormOrderStatusCallback, FormReturnCallback
from distribution.http.client import EpromClient
from distribution.http.pytest_plugin import PATIENTS

if TYPE_CHECKING:
    import pytest

    from distribution.http.server import FakeEpromServer

FORM_ID = "1bc5f9f0-2607-49eb-94f0-6af955bbd79a"


def test_the_fixture_serves_a_fake_and_keeps_its_callbacks(
    fake_eprom: FakeEpromServer, fake_eprom_api_key: str
) -> None:
    assert fake_eprom.url.startswith("http://127.0.0.1:")
    with EpromClient(fake_eprom.url, api_key=fake_eprom_api_key) as client:
        response = client.create_form_order(
            FormOrderRequest(
                form_id=FORM_ID,
                national_id="26670271527",
                expiry_date=datetime(2099, 1, 1, tzinfo=UTC),
            )
        )
    assert response.channel.api_name == "Helsenorge"
    assert fake_eprom.wait_for(2, timeout=5)
    status, answered = fake_eprom.callbacks()
    assert isinstance(status, FormOrderStatusCallback)
    assert isinstance(answered, FormReturnCallback)
    assert status.api_key_matches("fake-eprom-key")
    assert len(fake_eprom.orders) == 1


def test_the_default_patients_are_one_per_channel_and_one_no_channel_reaches() -> None:
    assert list(PATIENTS.values()) == [
        {"helsenorge": True},
        {"digital_mailbox": True},
        {"krr_contact": True},
        {"paper": True},
        {},
    ]


def test_the_fixture_is_installed_as_a_pytest_plugin() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert found["fake_eprom"] == "distribution.http.pytest_plugin"


def test_loading_the_plugin_loads_no_server_until_a_test_asks_for_one() -> None:
    # pytest loads the plugin in every run of a suite that has the package installed.
    probe = "import sys, distribution.http.pytest_plugin\n"
    probe += "print(sorted({'http.server', 'distribution.fake', 'httpx'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_a_suite_gets_the_fixture_from_the_entry_point(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_uses_it(fake_eprom, fake_eprom_api_key):
            assert fake_eprom.url.startswith("http://127.0.0.1:")
            assert fake_eprom_api_key == "fake-eprom-key"
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
