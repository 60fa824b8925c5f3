"""The JSON wire format of a decision (internal; documented in ``docs/wire-format.md``).

Other stacks read this format, so it is stable: codes travel with their API names, the
availability by field name, the outcome by name. Reading it back re-derives the decision from its
rule (or priority list) and availability and refuses anything the payload says differently.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, TypeVar

from distribution.availability import CHANNEL_FIELDS, Availability
from distribution.codes import DistributionRule, NotificationChannel
from distribution.engine import Decision, Outcome, decide, decide_priority_list
from distribution.errors import InvalidValueError, wrong_type

_KEYS: Final = ("rule", "route", "availability", "chain", "channel", "outcome")
_CODE_KEYS: Final = ("code", "name")

CodeT = TypeVar("CodeT", DistributionRule, NotificationChannel)


def code_to_dict(member: DistributionRule | NotificationChannel) -> dict[str, object]:
    """Return ``{"code": …, "name": …}`` for a member."""
    return {"code": member.value, "name": member.api_name}


def decision_to_dict(decision: Decision) -> dict[str, object]:
    """Return *decision* in the wire format."""
    return {
        "rule": None if decision.rule is None else code_to_dict(decision.rule),
        "route": [code_to_dict(channel) for channel in decision.route],
        "availability": decision.availability.to_dict(),
        "chain": [code_to_dict(channel) for channel in decision.chain],
        "channel": code_to_dict(decision.channel),
        "outcome": decision.outcome.value,
    }


def _mapping(value: object, field: str, keys: tuple[str, ...]) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise wrong_type(value, field=field, expected="an object")
    unknown = sorted(str(key) for key in value if key not in keys)
    if unknown:
        raise InvalidValueError("unknown_keys", value=unknown, field=field, choices=keys)
    for key in keys:
        if key not in value:
            raise InvalidValueError("missing_key", value=None, field=f"{field}.{key}", choices=keys)
    return value


def _list(value: object, field: str) -> list[object]:
    if not isinstance(value, list | tuple):
        raise wrong_type(value, field=field, expected="a list")
    return list(value)


def _code(value: object, field: str, cls: type[CodeT]) -> CodeT:
    item = _mapping(value, field, _CODE_KEYS)
    code = item["code"]
    if type(code) is not int:
        # Only an int: the wire carries the number, the name travels beside it.
        raise wrong_type(code, field=f"{field}.code", expected="int")
    member = cls.parse(code)
    name = item["name"]
    if name != member.api_name:
        raise InvalidValueError(
            "name_mismatch", value=name, field=f"{field}.name", code=code, expected=member.api_name
        )
    return member


def _availability(value: object) -> Availability:
    flags = _mapping(value, "availability", tuple(CHANNEL_FIELDS.values()))
    return Availability(**{name: flags[name] for name in CHANNEL_FIELDS.values()})  # type: ignore[arg-type]  # Availability checks each flag is a bool


def _channels(value: object, field: str) -> tuple[NotificationChannel, ...]:
    items = _list(value, field)
    return tuple(_code(item, f"{field}[{i}]", NotificationChannel) for i, item in enumerate(items))


def _outcome(value: object) -> Outcome:
    if type(value) is not str:
        raise wrong_type(value, field="outcome", expected="str")
    try:
        return Outcome(value)
    except ValueError:
        raise InvalidValueError(
            "unknown_code", value=value, field="outcome", choices=[o.value for o in Outcome]
        ) from None


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(channel.api_name for channel in value) + "]"
    if isinstance(value, NotificationChannel):
        return value.api_name
    return str(getattr(value, "value", value))


def decision_from_dict(payload: object) -> Decision:
    """Read a decision from the wire format, refusing anything malformed or inconsistent."""
    data = _mapping(payload, "decision", _KEYS)
    availability = _availability(data["availability"])
    route = _channels(data["route"], "route")
    said = {
        "route": route,
        "chain": _channels(data["chain"], "chain"),
        "channel": _code(data["channel"], "channel", NotificationChannel),
        "outcome": _outcome(data["outcome"]),
    }
    if data["rule"] is None:
        decision = decide_priority_list(route, availability)
    else:
        decision = decide(_code(data["rule"], "rule", DistributionRule), availability)
    for key, value in said.items():
        expected = getattr(decision, key)
        if value != expected:
            raise InvalidValueError(
                "inconsistent", value=_show(value), field=key, expected=_show(expected)
            )
    return decision
