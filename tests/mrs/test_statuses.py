"""MRS's statuses beside ePROM's: the one table, read both ways (docs/sources.md §9)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from distribution import FormOrderStatus, FormOrderStatusErrorCode, MrsOrderStatus
from distribution.mrs.statuses import FAILED, MRS_TO_EPROM, WENT_OUT, eprom_status, mrs_statuses

M = MrsOrderStatus


def test_the_mapping_is_the_documents_words_and_the_projects_choices() -> None:
    # Written out by hand from Statuser.md's words (bestilt, besvart, utgått, feilet) and the
    # choices in docs/sources.md §9.
    assert dict(MRS_TO_EPROM) == {
        M.ORDERED: (FormOrderStatus.ORDERED, None),
        M.COMPLETED: (FormOrderStatus.COMPLETED, None),
        M.EXPIRED: (FormOrderStatus.EXPIRED, None),
        M.FAILED: (FormOrderStatus.ERROR, None),
        M.NOT_ORDERED: None,
        M.RECIPIENT_UNREACHABLE: (
            FormOrderStatus.ERROR,
            FormOrderStatusErrorCode.PATIENT_UNREACHABLE,
        ),
        M.PROCESSING: None,
    }


def test_the_mapping_read_both_ways() -> None:
    assert eprom_status("Utgått") == (FormOrderStatus.EXPIRED, None)
    assert eprom_status(6) is None
    assert mrs_statuses("Ordered") == (M.ORDERED,)
    assert mrs_statuses(3) == (M.FAILED,)
    assert mrs_statuses("Error", 2) == (M.FAILED,)
    assert mrs_statuses("Error", "PatientUnreachable") == (M.FAILED, M.RECIPIENT_UNREACHABLE)
    assert mrs_statuses("DigipostDelivered") == ()


@given(st.sampled_from(list(MrsOrderStatus)))
def test_every_mrs_status_that_maps_comes_back_from_its_eprom_status(status: M) -> None:
    """eprom_status and mrs_statuses agree: an MRS status is among those of its ePROM status."""
    eprom = eprom_status(status)
    if eprom is not None:
        assert status in mrs_statuses(*eprom)


def test_which_statuses_went_out_and_which_failed() -> None:
    assert {M.ORDERED, M.COMPLETED, M.EXPIRED} == WENT_OUT
    assert {M.FAILED, M.RECIPIENT_UNREACHABLE} == FAILED
