"""The texts the MRS layer speaks: a flagged row of the datadump audit.

Every table has the shape ``{lang: {key: text}}`` and is listed in :data:`TABLES`;
``tests/test_texts.py`` proves that each language has every key with the same ``{placeholders}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from distribution._texts import Lang

# One flagged datadump row (``mrs.audit.AuditAnomaly.describe``): the row, its kind, and for
# each case (``mrs.audit._CASES``, as "case_…") why it cannot be right.
AUDIT_ANOMALY: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "anomaly": "rad {row}: {kind} – {text}",
        "case_outside_route": "kanal {channel} er ikke en kanal regel {rule} bruker.",
        "case_failed_with_channel": "status {status}, men kanal {channel}: en bestilling som feilet, har ikke varslet pasienten (kanal 0).",
        "case_not_ordered_with_channel": "status {status}, men kanal {channel}: en bestilling som ikke ble sendt, har ikke varslet pasienten (kanal 0).",
        "case_silent": "status {status} med kanal 0, men regel {rule} sender varsel; kanal 0 betyr engangskode (bare NoDistribution) eller en bestilling som feilet.",
        "case_failed_without_error": "status {status} med feilkode {error}: en bestilling som feilet, skal ha en feilkode som sier hvorfor.",
        "case_error_without_failure": "status {status} med feilkode {error}: bare en bestilling som ikke kom fram, har feilkode.",
        "case_should_not_happen": "feilkode {error}, som MRS sier ikke bør skje; meld fra til Hemit.",
        "case_bad_value": "kolonnen {column} har {value}, som ikke er en av kodene MRS bruker der ({choices}).",
    },
    "en": {
        "anomaly": "row {row}: {kind} – {text}",
        "case_outside_route": "channel {channel} is not a channel rule {rule} uses.",
        "case_failed_with_channel": "status {status}, yet channel {channel}: an order that failed has not notified the patient (channel 0).",
        "case_not_ordered_with_channel": "status {status}, yet channel {channel}: an order that was never sent has not notified the patient (channel 0).",
        "case_silent": "status {status} with channel 0, yet rule {rule} sends a notice; channel 0 means a one-time code (NoDistribution only) or an order that failed.",
        "case_failed_without_error": "status {status} with error code {error}: an order that failed should have an error code that says why.",
        "case_error_without_failure": "status {status} with error code {error}: only an order that did not get through has an error code.",
        "case_should_not_happen": "error code {error}, which MRS says should not happen; report it to Hemit.",
        "case_bad_value": "column {column} holds {value}, which is not one of the codes MRS uses there ({choices}).",
    },
}


TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "AUDIT_ANOMALY": AUDIT_ANOMALY,
}
"""Every text table of this layer by name, for the tests that compare the languages."""
