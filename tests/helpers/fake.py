"""Synthetic patients and order bodies for the fake ePROM's tests, written out by hand.

The national IDs are synthetic (Tenor-style, month + 80) fødselsnumre with valid check digits;
none belongs to a real person.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from distribution import Availability

API_KEY = "s3cret-key"
AUTH = f"Basic {API_KEY}"
FORM_ID = "1bc5f9f0-2607-49eb-94f0-6af955bbd79a"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # 10:00 in Oslo (CET)
EXPIRY = "2026-03-16T00:00:00Z"

# Sixteen synthetic patients, one per availability: SYNTHETIC[i] has Availability.from_index(i).
SYNTHETIC = (
    "01818510078",
    "01818512321",
    "01818523420",
    "01818545629",
    "01858510038",
    "01858512391",
    "01858523490",
    "01858545699",
    "01898512351",
    "01898523450",
    "01898545659",
    "01928510006",
    "01928523469",
    "01928534568",
    "01928545667",
    "04818510085",
)
NOT_IN_DIRECTORY = "04818512339"  # valid, synthetic, and not in any directory here
H_NUMBER = "15508695088"
FH_NUMBER = "81234567055"
BAD_CHECKSUM = "55108695088"

HELSENORGE = SYNTHETIC[1]  # Availability(helsenorge=True)
DIGIPOST = SYNTHETIC[2]  # Availability(digital_mailbox=True)
PAPER = SYNTHETIC[8]  # Availability(paper=True)
NOBODY = SYNTHETIC[0]  # reachable on no channel


def directory() -> dict[str, dict[str, bool]]:
    """The sixteen patients as a patient directory (availability objects)."""
    return {
        national_id: Availability.from_index(index).to_dict()
        for index, national_id in enumerate(SYNTHETIC)
    }


def order_body(national_id: str = HELSENORGE, /, **fields: object) -> str:
    """An order's body as a registry sends it; *fields* add to or replace the defaults."""
    body: dict[str, object] = {
        "formId": FORM_ID,
        "nationalId": national_id,
        "expiryDate": EXPIRY,
        "distributionRule": "Basic",
    }
    body.update(fields)
    return json.dumps(body)


def message_body(national_id: str = HELSENORGE, /, **fields: object) -> str:
    """A message's body; *fields* add to or replace the defaults."""
    body: dict[str, object] = {
        "nationalId": national_id,
        "senderInfo": {"organisationName": "HUNT"},
        "messageInfo": {"title": "Brev"},
        "documentCollection": [{"title": "Brev", "content": "JVBERi0="}],
        "notificationPriorityList": ["Helsenorge", "DigitalMailbox", "PhysicalMailbox"],
    }
    body.update(fields)
    return json.dumps(body)
