"""eprom-distribution: how an ePROM form order or message reaches a Norwegian patient.

A pure, typed evaluator of ePROM's distribution rules. Give it a rule and the patient's channel
availability; it returns the ordered fallback chain and the chosen channel, and explains why in
bokmål or English. No I/O, no clocks, no global mutable state.

>>> import distribution as d
>>> decision = d.decide("BasicOrPaper", d.Availability(paper=True))
>>> decision.channel.api_name, decision.outcome.name
('PhysicalMailbox', 'NOTIFIED')
"""

from importlib import import_module
from typing import TYPE_CHECKING

from distribution.availability import Availability
from distribution.codes import (
    DistributionRule,
    EpromCode,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
)
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
from distribution.routes import route

if TYPE_CHECKING:
    __version__: str
    from distribution.cohorts import BadRow, CsvCohort, RuleTally, Simulation, simulate
    from distribution.eligibility import (
        Eligibility,
        HelsenorgeConsent,
        PatientFacts,
        Reason,
        assess,
    )
    from distribution.explainer import describe, explain, explain_decision, rules_reaching
    from distribution.krr import KrrRecord, KrrStatus
    from distribution.orders import Problem, ProblemCode, national_id_problem, preflight

# The explainer, eligibility, KRR, pre-flight and cohort modules load on first use: a service
# that only decides should not pay for dates, texts and ID checks when it imports the library.
_LAZY = {
    "BadRow": "cohorts",
    "CsvCohort": "cohorts",
    "RuleTally": "cohorts",
    "Simulation": "cohorts",
    "simulate": "cohorts",
    "Eligibility": "eligibility",
    "HelsenorgeConsent": "eligibility",
    "PatientFacts": "eligibility",
    "Reason": "eligibility",
    "assess": "eligibility",
    "describe": "explainer",
    "explain": "explainer",
    "explain_decision": "explainer",
    "rules_reaching": "explainer",
    "KrrRecord": "krr",
    "KrrStatus": "krr",
    "Problem": "orders",
    "ProblemCode": "orders",
    "national_id_problem": "orders",
    "preflight": "orders",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(import_module(f"distribution.{_LAZY[name]}"), name)
    # importlib.metadata costs more to import than the whole library, so the version is looked
    # up only when asked for.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("eprom-distribution")
    raise AttributeError(f"module 'distribution' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Availability",
    "BadRow",
    "CsvCohort",
    "Decision",
    "DistributionError",
    "DistributionRule",
    "Eligibility",
    "EpromCode",
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
    "RuleTally",
    "SentStatus",
    "Simulation",
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
    "simulate",
]
