"""A fake ePROM for testing an integration: pure, deterministic, with no sockets and no clock.

:class:`FakeEprom` answers a form order or a message exactly as ePROM's v2 API receives it (the
body and the ``Authorization`` header) and schedules the callbacks ePROM would send, as data
(:class:`ScheduledCallback`), which :meth:`FakeEprom.due` hands out at the time the caller says.
It decides each patient's channel with this library, from a :class:`PatientDirectory`, and can
plant faults (:class:`Scenario`) for a test to find with :func:`~distribution.verify`.

This package imports no I/O; ``eprom-distribution fake-eprom`` (:mod:`distribution.http`) serves
it over HTTP. It is not imported by ``import distribution``. See ``docs/fake-eprom.md``.
"""

from __future__ import annotations

from distribution.fake._requests import FormSettings
from distribution.fake.directory import Patient, PatientDirectory
from distribution.fake.machine import FakeEprom, Reply, ScheduledCallback, Timing
from distribution.fake.scenarios import Scenario, parse_scenarios

__all__ = [
    "FakeEprom",
    "FormSettings",
    "Patient",
    "PatientDirectory",
    "Reply",
    "Scenario",
    "ScheduledCallback",
    "Timing",
    "parse_scenarios",
]
