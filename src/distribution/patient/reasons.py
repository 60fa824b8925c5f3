"""Why a channel is, or is not, available: the reasons an assessment gives, and their words.

Rule 1: the reasons are named here, once; which facts give which reason is the table of
:mod:`distribution.patient._rules`, and their words (bokmål and English) are in
:mod:`distribution.patient._texts`.

>>> Reason.UNDER_16.describe(lang="nb")
'pasienten er under 16 år'
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from distribution._errors import check_lang
from distribution.patient._texts import REASONS

if TYPE_CHECKING:
    from distribution._texts import Lang

__all__ = ["Reason"]


class Reason(enum.Enum):
    """Why a channel is, or is not, available. Values are stable identifiers.

    Each states only what is known: where a fact is missing the reason says it is not known.
    :attr:`ON_BEHALF_OF` is context, neither for nor against: it leads Helsenorge's reasons when
    the order is on behalf of someone, whose facts they then are.
    """

    ON_BEHALF_OF = "on_behalf_of"
    # Why a channel is available.
    HELSENORGE_ACTIVE = "helsenorge_active"
    HELSENORGE_REPRESENTED = "helsenorge_represented"
    RESEARCH_NOT_RESERVED = "research_not_reserved"
    DIGITALLY_ACTIVE = "digitally_active"
    DIGITAL_MAILBOX_ACTIVE = "digital_mailbox_active"
    EMAIL_CURRENT = "email_current"
    MOBILE_CURRENT = "mobile_current"
    POSTAL_ADDRESS = "postal_address"
    PHYSICAL_ADDRESS = "physical_address"
    # Why it is not: electronic ID and age.
    NO_LEVEL4_EID = "no_level4_eid"
    EID_UNKNOWN = "eid_unknown"
    AGE_UNKNOWN = "age_unknown"
    UNDER_13 = "under_13"
    UNDER_16 = "under_16"
    UNDER_18 = "under_18"
    # Helsenorge.
    NO_HELSENORGE_CONSENT = "no_helsenorge_consent"
    HELSENORGE_UNKNOWN = "helsenorge_unknown"
    NOT_REPRESENTABLE = "not_representable"
    REPRESENTATION_UNKNOWN = "representation_unknown"
    RESEARCH_RESERVED = "research_reserved"
    RESEARCH_RESERVATION_UNKNOWN = "research_reservation_unknown"
    # Digitally active, and the KRR facts behind it.
    NOT_DIGITALLY_ACTIVE = "not_digitally_active"
    DIGITAL_ACTIVITY_UNKNOWN = "digital_activity_unknown"
    KRR_UNKNOWN = "krr_unknown"
    KRR_NOT_REGISTERED = "krr_not_registered"
    KRR_DELETED = "krr_deleted"
    NO_CONTACT_DETAILS = "no_contact_details"
    EMAIL_STALE = "email_stale"
    MOBILE_STALE = "mobile_stale"
    EMAIL_UNDATED = "email_undated"
    MOBILE_UNDATED = "mobile_undated"
    KRR_UNRECOGNISED = "krr_unrecognised"
    # The digital mailbox and e-mail/SMS.
    KRR_RESERVED = "krr_reserved"
    KRR_RESERVATION_UNKNOWN = "krr_reservation_unknown"
    KRR_CANNOT_NOTIFY = "krr_cannot_notify"
    KRR_NOTIFY_UNKNOWN = "krr_notify_unknown"
    KRR_CONTRADICTORY = "krr_contradictory"
    NO_DIGITAL_MAILBOX = "no_digital_mailbox"
    DIGITAL_MAILBOX_UNKNOWN = "digital_mailbox_unknown"
    # Paper.
    NO_POSTAL_ADDRESS = "no_postal_address"
    POSTAL_ADDRESS_UNKNOWN = "postal_address_unknown"

    # Members are singletons, so identity is equality: hashing by identity keeps the dict
    # lookups keyed by a member in C, where Enum's own __hash__ runs in Python.
    __hash__ = object.__hash__

    def describe(self, *, lang: Lang = "en") -> str:
        """Return the reason in words, in *lang* (``"nb"`` or ``"en"``)."""
        return REASONS[check_lang(lang)][self.value]
