"""The support page's texts, in bokmål and English.

Every table has the shape ``{lang: {key: text}}`` and is listed in :data:`TABLES`;
``tests/test_texts.py`` proves that each language has every key with the same ``{placeholders}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from distribution._texts import Lang

# The support page (docs/support.html): its headings, labels and hints. The page shows only texts
# the library rendered; its script picks among them.
PAGE: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "title": "Hvordan når skjemaet pasienten?",
        "intro": "Velg regelen (eller meldingens prioritetsliste) og kanalene pasienten kan nås på. Har du statuskallet fra ePROM, velg kanalen og statusen det oppgir, så får du vurderingen og hva du gjør.",
        "language": "Språk",
        "tab_explain": "Forklaring",
        "tab_print": "Oversikt til utskrift",
        "kind": "Hva gjelder det?",
        "kind_order": "Skjemabestilling (distribusjonsregel)",
        "kind_message": "Melding til innbygger (prioritetsliste)",
        "rule": "Distribusjonsregel",
        "priority": "Prioritetsliste, i rekkefølge",
        "priority_item": "Kanal nr. {n}",
        "priority_none": "(ingen)",
        "available": "Kanaler pasienten kan nås på",
        "callback": "Statuskall fra ePROM (valgfritt)",
        "callback_channel": "Kanal i statuskallet",
        "callback_status": "Status i statuskallet",
        "callback_none": "(ikke valgt)",
        "explanation": "Forklaring",
        "verdict": "Vurdering av statuskallet",
        "link": "Lenke til akkurat dette tilfellet (kan limes inn i saken):",
        "matrix": "Alle regler for alle kombinasjoner av kanaler",
        "checklist": "Hvorfor kan ikke pasienten nås? Sjekkliste per kanal",
        "checklist_channel": "{channel} kan ikke brukes når pasienten:",
        "triage": "Når pasienten ringer: hva du spør om",
        "triage_1": "Hva skjedde? Be om en kort beskrivelse med pasientens egne ord.",
        "triage_2": "Be om et skjermbilde av siden der det feiler: stopper det ved innlogging, under utfyllingen eller ved innsending, og på hvilken enhet?",
        "triage_3": "Hvordan fikk pasienten skjemaet? Helsenorge er kanal 1, brev i Digipost eller e-Boks kanal 2, e-post eller SMS med innlogging med BankID kanal 3, e-post eller SMS med engangskode regelen NoDistribution (ingen varsel fra ePROM), brev i posten kanal 4.",
        "triage_4": "Be om skjemaets id: et skjermbilde av adressefeltet i nettleseren. Med den finner registeret bestillingen og statusen i MRS.",
        "bad_link": "Lenken inneholdt noe siden ikke forstår, og det er hoppet over:",
        "footer": "Laget av eprom-distribution {version}. Siden virker uten nett, og alle tekstene er laget av biblioteket.",
    },
    "en": {
        "title": "How does the form reach the patient?",
        "intro": "Choose the rule (or the message's priority list) and the channels the patient can be reached on. If you have ePROM's callback, choose the channel and status it reports to get the verdict and what to do.",
        "language": "Language",
        "tab_explain": "Explanation",
        "tab_print": "Overview to print",
        "kind": "What is it?",
        "kind_order": "Form order (distribution rule)",
        "kind_message": "Message to a citizen (priority list)",
        "rule": "Distribution rule",
        "priority": "Priority list, in order",
        "priority_item": "Channel no. {n}",
        "priority_none": "(none)",
        "available": "Channels the patient can be reached on",
        "callback": "ePROM's callback (optional)",
        "callback_channel": "Channel in the callback",
        "callback_status": "Status in the callback",
        "callback_none": "(not chosen)",
        "explanation": "Explanation",
        "verdict": "Verdict on the callback",
        "link": "Link to exactly this case (paste it into the ticket):",
        "matrix": "Every rule for every combination of channels",
        "checklist": "Why can the patient not be reached? A checklist per channel",
        "checklist_channel": "{channel} cannot be used when the patient:",
        "triage": "When the patient calls: what to ask",
        "triage_1": "What happened? Ask for a short description in the patient's own words.",
        "triage_2": "Ask for a screenshot of the page where it fails: does it stop at login, while filling in or on sending, and on which device?",
        "triage_3": "How did the patient get the form? Helsenorge is channel 1, a letter in Digipost or e-Boks channel 2, e-mail or SMS with a BankID login channel 3, e-mail or SMS with a one-time code the rule NoDistribution (no notice from ePROM), a letter in the post channel 4.",
        "triage_4": "Ask for the form's id: a screenshot of the browser's address bar. With it the register finds the order and its status in MRS.",
        "bad_link": "The link held something the page does not understand, and it was skipped:",
        "footer": "Made by eprom-distribution {version}. The page works offline, and every text on it was made by the library.",
    },
}


TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "PAGE": PAGE,
}
"""Every text table of this layer by name, for the tests that compare the languages."""
