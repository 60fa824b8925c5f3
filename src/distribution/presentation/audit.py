"""An audit of MRS's datadump in words a register uses: outcomes, counts, rows and lookups.

Rule 1: how an audit reads (which counts, in which order, what to look up) is decided here, with
the words in ``_texts`` (``AUDIT``); which rows need attention is
:mod:`distribution.mrs.audit`'s, and each flagged row says itself
(:meth:`~distribution.mrs.audit.AuditAnomaly.describe`). This module changes when the report
should say something else.

>>> from distribution import audit
>>> result = audit([{"DistributionRule": 3, "NotificationChannel": 4, "OrderStatus": 1,
...                  "ErrorCode": 0}])
>>> print(explain_audit(result).splitlines()[0])
The datadump has one order.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Final

from distribution._errors import check_lang, wrong_type
from distribution._texts import Lang, join_list
from distribution.codes import MrsErrorCode, MrsOrderStatus, NotificationChannel
from distribution.mrs.audit import Audit
from distribution.mrs.statuses import WENT_OUT
from distribution.presentation._texts import AUDIT

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["explain_audit"]

_M = MrsOrderStatus
_E = MrsErrorCode


def explain_audit(audit: Audit, *, lang: Lang = "en") -> str:
    """Return *audit* in words a register uses, in *lang* (``"nb"`` or ``"en"``).

    What became of the orders, their statuses, why patients did not get the form, the counts per
    rule, channel and status, the rows that need attention, and what to look up.
    """
    lang = check_lang(lang)
    if type(audit) is not Audit:
        raise wrong_type(audit, field="audit", expected="an Audit")
    say = AUDIT[lang]
    lines = [_counted(say, "rows", audit.rows)]
    outcomes = _outcomes(audit, lang)
    if outcomes:
        lines.append(say["outcomes"])
        lines += [f"  - {text}" for text in outcomes]
    statuses = [
        f"{n} {say['status_' + s.name]}" for s in MrsOrderStatus if (n := audit.count(status=s))
    ]
    if statuses:
        lines.append(say["statuses"].format(statuses=join_list(statuses, lang)))
    if audit.errors:
        lines.append(say["errors"])
        lines += [
            "  - " + _counted(say, f"failed_{s.name}", n, reason=_reason(say, e, n))
            for (s, e), n in audit.errors
        ]
    if audit.counts:
        lines.append(say["table"])
        lines += [
            "  "
            + say["table_row"].format(
                rule=f"{r.value} {r.api_name}",
                channel=f"{c.value} {c.api_name}",
                status=f"{s.value} {s.api_name}",
                n=n,
            )
            for (r, c, s), n in audit.counts
        ]
    if audit.anomalies:
        lines.append(say["anomalies"])
        lines += [f"  {anomaly.describe(lang=lang)}" for anomaly in audit.anomalies]
        if audit.not_shown:
            lines.append("  " + _counted(say, "not_shown", audit.not_shown))
    lines += _what_if(audit, lang)
    total = sum(n for _, n in audit.attention)
    lines.append(_counted(say, "attention", total) if total else say["all_well"])
    return "\n".join(lines)


def _counted(say: Mapping[str, str], key: str, n: int, **params: str) -> str:
    return say[f"{key}_{'one' if n == 1 else 'many'}"].format(n=n, **params)


def _reason(say: Mapping[str, str], error: MrsErrorCode, n: int) -> str:
    return say[f"reason_{error.name}_{'one' if n == 1 else 'many'}"]


def _outcomes(result: Audit, lang: Lang) -> list[str]:
    """Return what became of the orders: how many got the form on which channel, and the rest."""
    say = AUDIT[lang]
    reached: Counter[NotificationChannel] = Counter()
    others: Counter[str] = Counter()
    for (_, channel, status), n in result.counts:
        if status in WENT_OUT:
            reached[channel] += n
        else:
            others[_OTHER_OUTCOME[status]] += n
    lines = [_counted(say, f"got_{c.name}", reached[c]) for c in NotificationChannel if reached[c]]
    return lines + [_counted(say, key, others[key]) for key in _OTHERS if others[key]]


_OTHERS: Final = ("failed", "not_ordered", "processing")
_OTHER_OUTCOME: Final = {
    _M.FAILED: "failed",
    _M.RECIPIENT_UNREACHABLE: "failed",
    _M.NOT_ORDERED: "not_ordered",
    _M.PROCESSING: "processing",
}


def _what_if(result: Audit, lang: Lang) -> list[str]:
    """Return what the register should look up for rows that got paper or were not reached.

    Which rule would have reached them digitally depends on facts the datadump does not hold
    (KRR and Helsenorge), so the audit says where to look instead of guessing.
    """
    say = AUDIT[lang]
    paper = sum(
        n
        for (_, channel, status), n in result.counts
        if status in WENT_OUT and channel is NotificationChannel.PHYSICAL_MAILBOX
    )
    unreached = sum(
        n
        for (status, error), n in result.errors
        if status is _M.RECIPIENT_UNREACHABLE or error is _E.NOT_DIGITALLY_ACTIVE
    )
    lines = [say["whatif"]] if paper or unreached else []
    if paper:
        lines.append("  - " + _counted(say, "whatif_paper", paper))
    if unreached:
        lines.append("  - " + _counted(say, "whatif_unreached", unreached))
    return lines
