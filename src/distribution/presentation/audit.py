"""An audit of MRS's datadump in words a register uses: outcomes, counts, rows and lookups.

Rule 1: how an audit reads (which counts, in which order, what to look up) is decided here, with
the words in ``_audit_texts`` (``AUDIT``); which rows need attention is
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

import csv
import io
import json
from collections import Counter
from typing import TYPE_CHECKING, Final

from distribution._errors import UnknownCodeError, check_lang, wrong_type
from distribution._texts import Lang, join_list
from distribution.codes import MrsErrorCode, MrsOrderStatus, NotificationChannel
from distribution.mrs.audit import RECORD_COLUMNS, Audit
from distribution.mrs.statuses import WENT_OUT
from distribution.presentation._audit_texts import AUDIT

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["AUDIT_FORMATS", "audit_report", "explain_audit"]

_M = MrsOrderStatus
_E = MrsErrorCode
AUDIT_FORMATS: Final = ("text", "json", "csv")


def audit_report(result: Audit, fmt: str = "text", *, lang: Lang = "en") -> str:
    """Return an audit as ``text`` (:func:`explain_audit`), ``json`` or ``csv``.

    JSON is :meth:`Audit.to_dict`, CSV the rows of :meth:`Audit.to_records` under a header of
    stable English snake_case names, the same in every language.
    """
    lang = check_lang(lang)
    if type(result) is not Audit:
        raise wrong_type(result, field="audit", expected="an Audit")
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, (*result.by, *RECORD_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(result.to_records())
        return out.getvalue()
    if fmt != "text":
        raise UnknownCodeError("unknown_code", value=fmt, field="format", choices=AUDIT_FORMATS)
    return explain_audit(result, lang=lang) + "\n"


def explain_audit(audit: Audit, *, lang: Lang = "en") -> str:
    """Return *audit* in words a register uses, in *lang* (``"nb"`` or ``"en"``).

    What became of the orders, their statuses, why patients did not get the form, the share
    answered per channel and per rule, the counts per rule, channel and status (each with its
    share of the orders), the rows that need attention, what to look up, and the same for each
    group when the audit was grouped.
    """
    lang = check_lang(lang)
    if type(audit) is not Audit:
        raise wrong_type(audit, field="audit", expected="an Audit")
    say = AUDIT[lang]
    lines = [_counted(say, "rows", audit.rows), say["skipped"].format(n=audit.skipped)]
    outcomes = _outcomes(audit, lang)
    if outcomes:
        lines.append(say["outcomes"])
        lines += [f"  - {text}" for text in outcomes]
    statuses = [
        f"{n} {say['status_' + s.name]} ({_share(n, audit.rows, lang)})"
        for s in MrsOrderStatus
        if (n := audit.count(status=s))
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
        lines.append(say["response_note"])
    lines += _tables(audit, lang)
    if audit.anomalies:
        lines.append(say["anomalies"])
        lines += [f"  {anomaly.describe(lang=lang)}" for anomaly in audit.anomalies]
        if audit.not_shown:
            lines.append("  " + _counted(say, "not_shown", audit.not_shown))
    lines += _what_if(audit, lang)
    for group in audit.groups:
        values = ", ".join(
            f"{column} = {value}" for column, value in zip(audit.by, group.values, strict=True)
        )
        lines += ["", _counted(say, "group", group.audit.rows, values=values)]
        lines += _tables(group.audit, lang)
    total = sum(n for _, n in audit.attention)
    if audit.groups:
        lines.append("")
    lines.append(_counted(say, "attention", total) if total else say["all_well"])
    return "\n".join(lines)


def _share(count: int, whole: int, lang: Lang) -> str:
    """Return *count* as a share of *whole* in per cent, as *lang* writes it (``12,5 %``)."""
    share = f"{100 * count / whole if whole else 0.0:.1f}"
    return f"{share.replace('.', ',') if lang == 'nb' else share} %"


def _tables(audit: Audit, lang: Lang) -> list[str]:
    """Return the share answered per channel and per rule, and the counts, each with its share.

    The counts are per rule, channel and status; their shares are of all the orders.
    """
    say = AUDIT[lang]
    lines = []
    rates = audit.response_rates()
    for kind in ("channel", "rule"):
        if rates[f"{kind}s"]:
            lines.append(say[f"response_{kind}s"])
        lines += [
            "  "
            + say[f"response_{kind}"].format(
                name=f"{rate[kind + '_code']} {rate[kind + '_name']}",
                answered=rate["completed"],
                orders=rate["orders"],
                share=_share(int(rate["completed"]), int(rate["orders"]), lang),  # type: ignore[call-overload]
            )
            for rate in rates[f"{kind}s"]
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
                share=_share(n, audit.rows, lang),
            )
            for (r, c, s), n in audit.counts
        ]
    return lines


def _counted(
    say: Mapping[str, str], key: str, n: int, *, of: tuple[int, Lang] | None = None, **params: str
) -> str:
    """Return the text *key* for *n* (one or many); *of* (whole, lang) adds n's share of it."""
    shown = str(n) if of is None else f"{n} ({_share(n, *of)})"
    return say[f"{key}_{'one' if n == 1 else 'many'}"].format(n=shown, **params)


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
    whole = (result.rows, lang)
    lines = [
        _counted(say, f"got_{c.name}", reached[c], of=whole)
        for c in NotificationChannel
        if reached[c]
    ]
    return lines + [_counted(say, key, others[key], of=whole) for key in _OTHERS if others[key]]


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
