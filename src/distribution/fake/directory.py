"""The fake ePROM's population: who exists, on which channels each can be reached, and faults.

One reason to change: what the patient directory file holds. It is a JSON object from national
ID to either an availability (the keys ``helsenorge``, ``digital_mailbox``, ``krr_contact`` and
``paper``, each ``true`` or ``false``; a missing key is ``false``) or patient facts as
:meth:`~distribution.PatientFacts.from_json` reads them, which :func:`~distribution.assess`
turns into an availability when the directory is read. Either may add ``"scenarios"``: a list
of :class:`~distribution.fake.scenarios.Scenario` names played for every order to that patient.
A national ID that is not in the directory does not exist, as far as the fake knows.

>>> directory = PatientDirectory.from_json('''{
...     "26670271527": {"helsenorge": true, "paper": true},
...     "20914695016": {"paper": true, "scenarios": ["PhysicalMailReturned"]}
... }''')
>>> len(directory), directory.get("26670271527").availability.channels
(2, (<NotificationChannel.HELSENORGE: 1>, <NotificationChannel.PHYSICAL_MAILBOX: 4>))
>>> directory.get("15108695088") is None
True
>>> directory
PatientDirectory(<2 patients>)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, final

import attrs

from distribution import Availability, DistributionError, PatientFacts, assess, national_id_kind
from distribution._errors import Expected, InvalidValueError, exactly, wrong_type
from distribution._reading import exact, json_object, load_json
from distribution.fake.scenarios import Scenario, parse_scenarios

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Patient", "PatientDirectory"]

AVAILABILITY_KEYS: Final = frozenset({"helsenorge", "digital_mailbox", "krr_contact", "paper"})


def _scenario_set(value: frozenset[Scenario]) -> frozenset[Scenario]:
    return frozenset(Scenario.parse(item) for item in value)


@final
@attrs.frozen(kw_only=True)
class Patient:
    """One person in the directory: the channels they can be reached on, and their scenarios."""

    availability: Availability = attrs.field(validator=exactly(Availability))
    scenarios: frozenset[Scenario] = attrs.field(default=frozenset(), converter=_scenario_set)


def _patient(entry: object, *, research: bool) -> Patient:
    entry = json_object(entry, "entry")
    scenarios = parse_scenarios(entry.get("scenarios"))
    facts = {key: value for key, value in entry.items() if key != "scenarios"}
    if facts.keys() <= AVAILABILITY_KEYS:
        flags = {
            key: exact(value, bool, f"entry.{key}", "true or false") for key, value in facts.items()
        }
        availability = Availability(**flags)
    else:
        availability = assess(PatientFacts.from_dict(facts), research=research).availability
    return Patient(availability=availability, scenarios=scenarios)


@final
class PatientDirectory:
    """National ID → :class:`Patient`: everyone the fake ePROM knows.

    Build it with :meth:`from_json`, or from a mapping of national IDs to patients. Each national
    ID must be a valid fødselsnummer or D-nummer (synthetic test numbers too); none is ever
    shown in a repr or an error, which name an entry by its position instead.
    """

    __slots__ = ("_patients",)

    def __init__(self, patients: Mapping[str, Patient]) -> None:
        if not isinstance(patients, Mapping):
            raise wrong_type(patients, field="patients", expected="an object")
        checked: dict[str, Patient] = {}
        for index, (national_id, patient) in enumerate(patients.items()):
            try:
                national_id_kind(national_id)
                if type(patient) is not Patient:
                    raise wrong_type(patient, field="patient", expected=Expected(types=(Patient,)))
            except DistributionError as error:
                raise error.within(f"patients[{index}]") from None
            # An order's national ID is read without its spaces: so is the directory's, and
            # "151086 95088" beside "15108695088" is one person given twice.
            key = national_id.replace(" ", "")
            if key in checked:
                raise InvalidValueError("same_person", value=None, field=f"patients[{index}]")
            checked[key] = patient
        self._patients = checked

    @classmethod
    def from_json(cls, obj: object, *, research: bool = False) -> PatientDirectory:
        """Read the directory from a mapping or its JSON text.

        With *research* the facts are assessed for an ordering system marked as research (a
        reservation on Helsenorge then closes Helsenorge), as :func:`~distribution.assess` does.
        """
        data = load_json(obj, "patients")
        patients: dict[str, Patient] = {}
        for index, (national_id, entry) in enumerate(data.items()):
            try:
                patients[national_id] = _patient(entry, research=research)
            except DistributionError as error:
                raise error.within(f"patients[{index}]") from None
        return cls(patients)

    def get(self, national_id: str) -> Patient | None:
        """Return the patient with *national_id*, or ``None``: that person does not exist."""
        return self._patients.get(national_id)

    def __len__(self) -> int:
        return len(self._patients)

    def __iter__(self) -> Iterator[str]:
        return iter(self._patients)

    def __repr__(self) -> str:
        return f"PatientDirectory(<{len(self._patients)} patients>)"
