"""The texts the ePROM layer speaks: one anomaly of an integration run.

Every table has the shape ``{lang: {key: text}}`` and is listed in :data:`TABLES`;
``tests/test_texts.py`` proves that each language has every key with the same ``{placeholders}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from distribution._texts import Lang

# One line of ``verify``'s report for each anomaly (``verification.Anomaly.describe``): a
# verdict's line, or the line of an AnomalyKind by its value.
VERIFY_ANOMALY: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "verdict": "{kind} {id}, linje {line}: ePROM meldte {status}, kanal {channel}; beslutningen ventet {expected_status}, kanal {expected_channel} ({case})",
        "DUPLICATE": "{kind} {id}, linje {line}: {status} kom mer enn én gang",
        "UNKNOWN_ORDER": "{kind} {id}, linje {line}: {status}, kanal {channel}, men ingen bestilling eller melding av det slaget har denne id-en",
        "NO_CALLBACK": "{kind} {id}: ingen tilbakemelding fra ePROM kom; forventet {expected_status}, kanal {expected_channel}",
        "CONTRADICTS": "{kind} {id}, linje {line}: {status}, kanal {channel}, strider mot en tidligere tilbakemelding fra ePROM for samme bestilling ({earlier})",
        "UNREADABLE": "{kind}, {problem}",
        "ref": " (ref {ref})",
    },
    "en": {
        "verdict": "{kind} {id}, line {line}: ePROM reported {status}, channel {channel}; the decision expected {expected_status}, channel {expected_channel} ({case})",
        "DUPLICATE": "{kind} {id}, line {line}: {status} arrived more than once",
        "UNKNOWN_ORDER": "{kind} {id}, line {line}: {status}, channel {channel}, but no order or message of that kind has this id",
        "NO_CALLBACK": "{kind} {id}: no status callback arrived; expected {expected_status}, channel {expected_channel}",
        "CONTRADICTS": "{kind} {id}, line {line}: {status}, channel {channel}, contradicts an earlier callback for the same order ({earlier})",
        "UNREADABLE": "{kind}, {problem}",
        "ref": " (ref {ref})",
    },
}


TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "VERIFY_ANOMALY": VERIFY_ANOMALY,
}
"""Every text table of this layer by name, for the tests that compare the languages."""
