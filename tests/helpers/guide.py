"""The integration guide's rules as letters, written by hand from its prose, not from routes.py.

H is Helsenorge, D the secure digital mailbox, U e-mail or SMS from KRR and P the paper letter; a
rule's string is the order the guide tries them in.
"""

from __future__ import annotations

from distribution import NotificationChannel

ROUTE = {
    "Basic": "HD",
    "AllowUnsecure": "HDU",
    "NoDistribution": "",
    "BasicOrPaper": "HDP",
    "AllowUnsecureOrPaper": "HDUP",
    "PaperOnly": "P",
    "HelsenorgeOnly": "H",
    "DigitalMailboxOnly": "D",
    "UnsecureOnly": "U",
}
LETTER_OF_FLAG = {"helsenorge": "H", "digital_mailbox": "D", "krr_contact": "U", "paper": "P"}
CHANNEL_OF = {
    "H": NotificationChannel.HELSENORGE,
    "D": NotificationChannel.DIGITAL_MAILBOX,
    "U": NotificationChannel.UNSECURE,
    "P": NotificationChannel.PHYSICAL_MAILBOX,
}
LETTER_OF_CHANNEL = {channel: letter for letter, channel in CHANNEL_OF.items()}
