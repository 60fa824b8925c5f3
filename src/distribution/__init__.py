"""eprom-distribution: how an ePROM form order or message reaches a Norwegian patient.

A pure, typed evaluator of ePROM's distribution rules. Give it a rule and the patient's channel
availability; it returns the ordered fallback chain and the chosen channel, and explains why in
bokmål or English. No I/O, no clocks, no global mutable state.

>>> import distribution as d
>>> decision = d.decide("BasicOrPaper", d.Availability(paper=True))
>>> decision.channel.api_name, decision.outcome.name
('PhysicalMailbox', 'NOTIFIED')
"""

from distribution.availability import Availability
from distribution.codes import (
    DistributionRule,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)
from distribution.eligibility import Eligibility, HelsenorgeConsent, PatientFacts, Reason, assess
from distribution.engine import (
    Decision,
    Outcome,
    channels_many,
    decide,
    decide_each,
    decide_many,
    decide_priority_list,
    fallback_chain,
)
from distribution.errors import (
    DistributionError,
    InvalidTypeError,
    InvalidValueError,
    UnknownCodeError,
)
from distribution.explain import describe, explain, explain_decision, rules_reaching
from distribution.krr import KrrRecord, KrrStatus
from distribution.preflight import Problem, ProblemCode, national_id_problem, preflight
from distribution.routes import route


def __getattr__(name: str) -> str:
    # importlib.metadata costs more to import than the whole library, so the version is looked
    # up only when asked for.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("eprom-distribution")
    raise AttributeError(f"module 'distribution' has no attribute {name!r}")


__all__ = [
    "Availability",
    "Decision",
    "DistributionError",
    "DistributionRule",
    "Eligibility",
    "FormOrderEventLogType",
    "FormOrderStatus",
    "FormOrderStatusErrorCode",
    "HelsenorgeConsent",
    "InvalidTypeError",
    "InvalidValueError",
    "KrrRecord",
    "KrrStatus",
    "NotificationChannel",
    "Outcome",
    "PatientFacts",
    "Problem",
    "ProblemCode",
    "Reason",
    "SentStatus",
    "UnknownCodeError",
    "__version__",
    "assess",
    "channels_many",
    "decide",
    "decide_each",
    "decide_many",
    "decide_priority_list",
    "describe",
    "explain",
    "explain_decision",
    "fallback_chain",
    "national_id_problem",
    "preflight",
    "route",
    "rules_reaching",
]
