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

from distribution._texts import Lang
from distribution.availability import Availability
from distribution.codes import (
    DistributionRule,
    EpromCode,
    FormOrderEventLogType,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    MrsErrorCode,
    MrsOrderStatus,
    NotificationChannel,
    SentStatus,
)
from distribution.engine import (
    AvailabilityDict,
    CodeDict,
    Decision,
    DecisionDict,
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
    OrderRefusedError,
    UnknownCodeError,
)
from distribution.routes import route

if TYPE_CHECKING:
    # What type checkers see: every lazy name below, with its real type, so that a typo in
    # `from distribution import …` fails type checking.
    from distribution.callbacks import (
        Callback,
        FilledOutBy,
        FormEvent,
        FormOrderEvent,
        FormOrderResponse,
        FormOrderStatusCallback,
        FormReturnCallback,
        MessageResponse,
        MessageStatusCallback,
        read_callback,
    )
    from distribution.cohorts import BadRow, CsvCohort, RuleTally, Simulation, simulate
    from distribution.eligibility import Eligibility, Reason, assess
    from distribution.explainer import describe, explain, explain_decision, rules_reaching
    from distribution.facts import (
        HelsenorgeConsent,
        NationalIdKind,
        PatientFacts,
        national_id_kind,
    )
    from distribution.krr import KrrRecord, KrrResponse, KrrStatus
    from distribution.orders import Problem, ProblemCode, national_id_problem, preflight
    from distribution.reconciliation import (
        Anomaly,
        AnomalyKind,
        ExpectedCallbacks,
        Reconciliation,
        Verdict,
        Verification,
        expected_callbacks,
        explain_timeline,
        reconcile,
        verify,
    )
    from distribution.register import (
        Audit,
        AuditAnomaly,
        AuditKind,
        audit,
        datadump_rows,
        eprom_status,
        mrs_statuses,
    )
    from distribution.requests import (
        FormOrderRequest,
        MessageToCitizenRequest,
        OrderProblem,
        PhysicalAddress,
    )
    from distribution.resources import read_data
    from distribution.sql import channel_case_sql, decision_table_sql

    __version__: str

# These modules load on first use, because they cost more to import than the decision core: the
# pre-flight pulls in python-stdnum and the data files importlib.resources (about 20 ms each),
# eligibility dates and JSON, the explainer its texts, the callbacks JSON, hmac and re, the
# requests the pre-flight. A service that only decides does not pay for them. Each is loaded
# once, then cached as a module global.
_LAZY = {
    "Callback": "callbacks",
    "FilledOutBy": "callbacks",
    "FormEvent": "callbacks",
    "FormOrderEvent": "callbacks",
    "FormOrderResponse": "callbacks",
    "FormOrderStatusCallback": "callbacks",
    "FormReturnCallback": "callbacks",
    "MessageResponse": "callbacks",
    "MessageStatusCallback": "callbacks",
    "read_callback": "callbacks",
    "BadRow": "cohorts",
    "CsvCohort": "cohorts",
    "RuleTally": "cohorts",
    "Simulation": "cohorts",
    "simulate": "cohorts",
    "Eligibility": "eligibility",
    "Reason": "eligibility",
    "assess": "eligibility",
    "describe": "explainer",
    "explain": "explainer",
    "explain_decision": "explainer",
    "rules_reaching": "explainer",
    "HelsenorgeConsent": "facts",
    "NationalIdKind": "facts",
    "PatientFacts": "facts",
    "national_id_kind": "facts",
    "KrrRecord": "krr",
    "KrrResponse": "krr",
    "KrrStatus": "krr",
    "Problem": "orders",
    "ProblemCode": "orders",
    "national_id_problem": "orders",
    "preflight": "orders",
    "Anomaly": "reconciliation",
    "AnomalyKind": "reconciliation",
    "ExpectedCallbacks": "reconciliation",
    "Reconciliation": "reconciliation",
    "Verdict": "reconciliation",
    "Verification": "reconciliation",
    "expected_callbacks": "reconciliation",
    "explain_timeline": "reconciliation",
    "reconcile": "reconciliation",
    "verify": "reconciliation",
    "Audit": "register",
    "AuditAnomaly": "register",
    "AuditKind": "register",
    "audit": "register",
    "datadump_rows": "register",
    "eprom_status": "register",
    "mrs_statuses": "register",
    "FormOrderRequest": "requests",
    "MessageToCitizenRequest": "requests",
    "OrderProblem": "requests",
    "PhysicalAddress": "requests",
    "read_data": "resources",
    "channel_case_sql": "sql",
    "decision_table_sql": "sql",
}

if not TYPE_CHECKING:  # pragma: no branch  # always true when the code runs
    # Hidden from type checkers: a module __getattr__ would make every unknown name type-check.

    def __getattr__(name: str) -> object:
        if name in _LAZY:
            value = getattr(import_module(f"distribution.{_LAZY[name]}"), name)
        elif name == "__version__":
            # importlib.metadata costs more to import than the whole library.
            value = import_module("importlib.metadata").version("eprom-distribution")
        else:
            raise AttributeError(f"module 'distribution' has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Anomaly",
    "AnomalyKind",
    "Audit",
    "AuditAnomaly",
    "AuditKind",
    "Availability",
    "AvailabilityDict",
    "BadRow",
    "Callback",
    "CodeDict",
    "CsvCohort",
    "Decision",
    "DecisionDict",
    "DistributionError",
    "DistributionRule",
    "Eligibility",
    "EpromCode",
    "ExpectedCallbacks",
    "FilledOutBy",
    "FormEvent",
    "FormOrderEvent",
    "FormOrderEventLogType",
    "FormOrderRequest",
    "FormOrderResponse",
    "FormOrderStatus",
    "FormOrderStatusCallback",
    "FormOrderStatusErrorCode",
    "FormReturnCallback",
    "HelsenorgeConsent",
    "InvalidTypeError",
    "InvalidValueError",
    "KrrRecord",
    "KrrResponse",
    "KrrStatus",
    "Lang",
    "MessageResponse",
    "MessageStatusCallback",
    "MessageToCitizenRequest",
    "MrsErrorCode",
    "MrsOrderStatus",
    "NationalIdKind",
    "NotificationChannel",
    "OrderProblem",
    "OrderRefusedError",
    "Outcome",
    "PatientFacts",
    "PhysicalAddress",
    "Problem",
    "ProblemCode",
    "Reason",
    "Reconciliation",
    "RuleTally",
    "SentStatus",
    "Simulation",
    "UnknownCodeError",
    "Verdict",
    "Verification",
    "__version__",
    "assess",
    "audit",
    "channel_case_sql",
    "channels_many",
    "datadump_rows",
    "decide",
    "decide_each",
    "decide_many",
    "decide_priority_list",
    "decision_table_sql",
    "describe",
    "eprom_status",
    "expected_callbacks",
    "explain",
    "explain_decision",
    "explain_timeline",
    "fallback_chain",
    "mrs_statuses",
    "national_id_kind",
    "national_id_problem",
    "preflight",
    "read_callback",
    "read_data",
    "reconcile",
    "route",
    "rules_reaching",
    "simulate",
    "verify",
]
