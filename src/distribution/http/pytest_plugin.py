"""The ``fake_eprom`` pytest fixture: a fake ePROM on a free port for the length of one test.

One reason to change: what a registry's test suite gets from the fixture. Installed with the
package, pytest finds it by itself (the ``pytest11`` entry point ``fake_eprom``). The fixture
starts a :class:`~distribution.http.server.FakeEpromServer` on ``127.0.0.1`` and a free port,
yields it (``.url``, ``.callbacks()``, ``.orders``, ``.wait_for(n)``), and stops it after the
test. Override the fixtures it takes to change the fake:

- ``fake_eprom_patients``: the patient directory (default :data:`PATIENTS`);
- ``fake_eprom_api_key``: the apiKey orders must carry (default ``"fake-eprom-key"``);
- ``fake_eprom_callback_base``: where callbacks are PUT; ``None`` (the default) keeps them in
  the server instead, as if delivered;
- ``fake_eprom_timing``: when callbacks fall due (default: the status at once, the answer after
  half a second).

The national IDs of :data:`PATIENTS` are synthetic test numbers, valid in ePROM's test
environments and no real person's.
"""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module
from typing import TYPE_CHECKING, Final

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from distribution.fake import Timing
    from distribution.http.server import FakeEpromServer

__all__ = [
    "PATIENTS",
    "fake_eprom",
    "fake_eprom_api_key",
    "fake_eprom_callback_base",
    "fake_eprom_patients",
    "fake_eprom_timing",
]

PATIENTS: Final[Mapping[str, Mapping[str, object]]] = {
    # A synthetic test person (month + 65, Norsk helsenett's kind): on Helsenorge.
    "26670271527": {"helsenorge": True},
    # Digdir's example person in KRR (+80 synthetic number): a secure digital mailbox.
    "20914695016": {"digital_mailbox": True},
    "01818523420": {"krr_contact": True},  # e-mail or SMS from KRR only
    "01898512351": {"paper": True},  # a postal address only
    "01818510078": {},  # reachable on no channel
}
"""The fixture's patients by default: one per channel, and one no channel reaches."""


@pytest.fixture
def fake_eprom_patients() -> Mapping[str, object]:
    """Return the patient directory of the fake ePROM (override to give your own)."""
    return PATIENTS


@pytest.fixture
def fake_eprom_api_key() -> str:
    """Return the apiKey the fake ePROM expects and sends back (override to change)."""
    return "fake-eprom-key"


@pytest.fixture
def fake_eprom_callback_base() -> str | None:
    """Return where the fake ePROM PUTs its callbacks; ``None`` keeps them (override to send)."""
    return None


@pytest.fixture
def fake_eprom_timing() -> Timing:
    """Return when the fake ePROM's callbacks fall due (override to change)."""
    timing: type[Timing] = import_module("distribution.fake").Timing
    return timing(delivery=timedelta(seconds=0.2), answer=timedelta(seconds=0.5))


@pytest.fixture
def fake_eprom(
    fake_eprom_patients: Mapping[str, object],
    fake_eprom_api_key: str,
    fake_eprom_callback_base: str | None,
    fake_eprom_timing: Timing,
) -> Iterator[FakeEpromServer]:
    """Yield a fake ePROM on ``127.0.0.1`` and a free port, and stop it after the test."""
    # Imported here, not at the top: pytest imports this plugin at the start of every run in an
    # environment that has the package, and most runs never ask for the fixture.
    fakes = import_module("distribution.fake")
    servers = import_module("distribution.http.server")
    fake = fakes.FakeEprom(
        fake_eprom_patients, api_key=fake_eprom_api_key, timing=fake_eprom_timing
    )
    server: FakeEpromServer
    with servers.FakeEpromServer(fake, callback_base=fake_eprom_callback_base) as server:
        yield server
