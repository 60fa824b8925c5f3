"""MRS's order statuses beside ePROM's: the one table between them, read both ways.

Rule 1: how MRS's statuses stand for ePROM's is one literal table, :data:`MRS_TO_EPROM`; which
statuses mean the form went out, or failed, are :data:`WENT_OUT` and :data:`FAILED`. Nothing
else decides either. MRS, Hemit's register platform, keeps its own list of PROMS orders
(``docs/sources.md`` §9); this module changes when MRS's statuses or their meaning do.

>>> eprom_status("Besvart")
(<FormOrderStatus.COMPLETED: 0>, None)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from distribution.codes import FormOrderStatus, FormOrderStatusErrorCode, MrsOrderStatus

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FAILED", "MRS_TO_EPROM", "WENT_OUT", "EpromStatus", "eprom_status", "mrs_statuses"]

_M = MrsOrderStatus
_S = FormOrderStatus

EpromStatus = tuple[FormOrderStatus, FormOrderStatusErrorCode | None]

MRS_TO_EPROM: Final[Mapping[MrsOrderStatus, EpromStatus | None]] = MappingProxyType(
    {
        # MRS status: (ePROM's status, its error code if one is implied), or None where ePROM
        # has no such status. docs/sources.md §9 says which rows the documents state.
        _M.ORDERED: (_S.ORDERED, None),  # Statuser.md: bestilt (stated)
        _M.COMPLETED: (_S.COMPLETED, None),  # besvart (stated)
        _M.EXPIRED: (_S.EXPIRED, None),  # utgått (stated)
        _M.FAILED: (_S.ERROR, None),  # feilet (stated); MRS's ErrorCode says why
        _M.NOT_ORDERED: None,  # not stated: no order reached ePROM
        _M.RECIPIENT_UNREACHABLE: (
            _S.ERROR,
            FormOrderStatusErrorCode.PATIENT_UNREACHABLE,
        ),  # a choice
        _M.PROCESSING: None,  # not stated: ePROM has not answered yet
    }
)
"""Each MRS status and the ePROM status (and error code) it stands for, or ``None``."""


def eprom_status(status: MrsOrderStatus | int | str) -> EpromStatus | None:
    """Return the ePROM status (and error code) MRS's *status* stands for, or ``None``.

    >>> eprom_status("Mottaker ikke nådd")
    (<FormOrderStatus.ERROR: 3>, <FormOrderStatusErrorCode.PATIENT_UNREACHABLE: 1>)
    >>> eprom_status(4) is None
    True
    """
    return MRS_TO_EPROM[MrsOrderStatus.parse(status)]


def mrs_statuses(
    status: FormOrderStatus | int | str,
    error_code: FormOrderStatusErrorCode | int | str | None = None,
) -> tuple[MrsOrderStatus, ...]:
    """Return the MRS statuses that may show ePROM's *status* (with *error_code*, if given).

    >>> [s.api_name for s in mrs_statuses("Error", "PatientUnreachable")]
    ['Feilet', 'Mottaker ikke nådd']
    >>> mrs_statuses("PhysicalMailReturned")
    ()
    """
    wanted = FormOrderStatus.parse(status)
    code = None if error_code is None else FormOrderStatusErrorCode.parse(error_code)
    return tuple(
        mrs
        for mrs, eprom in MRS_TO_EPROM.items()
        if eprom is not None and eprom[0] is wanted and eprom[1] in {None, code}
    )


WENT_OUT: Final = frozenset({_M.ORDERED, _M.COMPLETED, _M.EXPIRED})
"""The MRS statuses of an order that went out to the patient (ordered, completed, expired)."""

FAILED: Final = frozenset({_M.FAILED, _M.RECIPIENT_UNREACHABLE})
"""The MRS statuses of an order that did not reach the patient (failed, recipient not reached)."""
