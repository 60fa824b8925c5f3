"""The texts the ePROM layer speaks: verdicts and reconciliations.

Every table has the shape ``{lang: {key: text}}`` and is listed in :data:`TABLES`;
``tests/test_texts.py`` proves that each language has every key with the same ``{placeholders}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from distribution._texts import Lang

# What a reconciliation says: its labels, what was predicted and reported, and for each finer case
# (``reconciliation._CASES``, by key) what it means ("meaning_…") and what to do ("todo_…").
RECONCILE: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "verdict_expected": "Vurdering: {name} ({verdict}).",
        "verdict_attention": "Vurdering: {name} ({verdict}) – må følges opp.",
        "predicted": "Forventet: {text}",
        "reported": "ePROM meldte: {status}{error}; kanal: {channel} (NotificationChannel {code} {name}).",
        "no_channel": "ingen",
        "reported_error": " med FormOrderStatusErrorCode {code} {name}",
        "meaning": "Hva det betyr: {text}",
        "about_status": "Om statusen: {text}",
        "todo": "Hva du gjør: {text}",
        "predicted_NOTIFIED": "ePROM bruker {channel}{fallbacks}; statuskallet skal si {status} med NotificationChannel {code} {name}.",
        "predicted_fallbacks": ", ellers {channels}",
        "and_then": "{first} og deretter {second}",
        "then": "{first}, deretter {second}",
        "and_last": "{first} og til sist {second}",
        "predicted_NOT_DISTRIBUTED": "ingenting sendes (NoDistribution, pasienten får en engangskode); statuskallet skal si {status} med NotificationChannel 0 None.",
        "predicted_UNREACHABLE": "pasienten kan ikke nås på noen kanal regelen tillater; statuskallet skal si {status}{error} og NotificationChannel 0 None.",
        "meaning_as_predicted": "ePROM brukte kanalen beslutningen valgte, {channel}.",
        "todo_as_predicted": "Ingenting å gjøre med kanalen.",
        "meaning_no_distribution": "ePROM sendte ikke varsel, slik NoDistribution sier: pasienten åpner skjemaet med engangskoden.",
        "todo_no_distribution": "Sørg for at pasienten har fått engangskoden (singleUseCode i svaret på bestillingen).",
        "meaning_fallback": "ePROM brukte {channel}, en senere kanal i reservekjeden: beslutningens kanal, {predicted}, må ha feilet da ePROM prøvde den.",
        "todo_fallback": "Ingenting å gjøre; skjer det ofte, finn ut hvorfor {predicted} feiler for disse pasientene.",
        "meaning_unreachable": "ePROM kunne ikke nå pasienten, slik beslutningen forutså: regelen tillater ingen kanal pasienten har.",
        "todo_unreachable": "Bestill på nytt med en regel som når pasienten (se explain), eller bruk NoDistribution og gi pasienten en engangskode.",
        "meaning_reached_elsewhere": "ePROM brukte {channel}, som beslutningen regnet som ikke tilgjengelig: pasientens kanaler har endret seg siden beslutningen (for eksempel nytt samtykke på Helsenorge eller ny kontaktinformasjon i KRR).",
        "todo_reached_elsewhere": "Ingenting å gjøre med denne bestillingen; hent pasientens opplysninger (KRR og Helsenorge) på nytt før neste beslutning.",
        "meaning_lost_since": "ePROM kunne ikke nå pasienten, selv om beslutningen valgte {predicted}: pasienten ser ut til å ha mistet den kanalen etter at beslutningen ble tatt (eller kanalene ble oppgitt feil).",
        "todo_lost_since": "Sjekk pasientens opplysninger i KRR og samtykket på Helsenorge, og bestill på nytt med en regel som når pasienten.",
        "meaning_outside_route": "ePROM brukte {channel}, som regelen eller prioritetslisten ikke tillater.",
        "todo_check_order": "Sjekk at bestillingen ble sendt med regelen du tror (distributionRule i bestillingen); var den det, meld fra til Hemit og oppgi bestillingens id.",
        "meaning_silent": "ePROM melder status {status} uten kanal, men regelen tillater kanaler: enten ble ingenting sendt, eller ePROM sa ikke hvordan.",
        "todo_silent": "Spør Hemit hvordan pasienten ble varslet, og oppgi bestillingens id; ikke regn med at pasienten har fått skjemaet.",
        "meaning_sent_without_distribution": "ePROM brukte {channel} selv om regelen er NoDistribution, som ikke sender noe.",
        "meaning_error_with_channel": "ePROM melder {status}, men oppgir også en kanal ({channel}); et feilkall har ingen kanal (NotificationChannel 0 None).",
        "meaning_ordered_with_error_code": "ePROM melder {status} sammen med en annen feilkode enn None; bare Error har feilkode.",
        "meaning_digipost_elsewhere": "ePROM melder at skjemaet er levert i digital postkasse (DigipostDelivered), men oppgir {channel} som kanal.",
        "meaning_returned_elsewhere": "ePROM melder at brevet kom i retur (PhysicalMailReturned), men oppgir {channel} som kanal.",
        "meaning_error_without_distribution": "ePROM melder {status}, men med NoDistribution sender ePROM ingenting, og da er det ingenting som kan feile.",
        "todo_report": "Statuskallet motsier seg selv eller beslutningen: ta vare på det, og meld fra til Hemit med bestillingens id.",
        "meaning_delivery_failed": "Noe feilet da ePROM sendte skjemaet med sikker digital post (SikkerDigitalPostError): en feil i utsendingen, ikke noe ved pasienten.",
        "todo_delivery_failed": "Bestill skjemaet på nytt senere; feiler det igjen, meld fra til Hemit og oppgi bestillingens id.",
    },
    "en": {
        "verdict_expected": "Verdict: {name} ({verdict}).",
        "verdict_attention": "Verdict: {name} ({verdict}) – needs attention.",
        "predicted": "Predicted: {text}",
        "reported": "ePROM reported: {status}{error}; channel: {channel} (NotificationChannel {code} {name}).",
        "no_channel": "none",
        "reported_error": " with FormOrderStatusErrorCode {code} {name}",
        "meaning": "What it means: {text}",
        "about_status": "About the status: {text}",
        "todo": "What to do: {text}",
        "predicted_NOTIFIED": "ePROM uses {channel}{fallbacks}; the status callback should say {status} with NotificationChannel {code} {name}.",
        "predicted_fallbacks": ", or else {channels}",
        "and_then": "{first} and then {second}",
        "then": "{first}, then {second}",
        "and_last": "{first} and last {second}",
        "predicted_NOT_DISTRIBUTED": "nothing is sent (NoDistribution, the patient gets a one-time code); the status callback should say {status} with NotificationChannel 0 None.",
        "predicted_UNREACHABLE": "the patient cannot be reached on any channel the rule permits; the status callback should say {status}{error} and NotificationChannel 0 None.",
        "meaning_as_predicted": "ePROM used the channel the decision chose, {channel}.",
        "todo_as_predicted": "Nothing to do about the channel.",
        "meaning_no_distribution": "ePROM sent no notice, as NoDistribution says: the patient opens the form with the one-time code.",
        "todo_no_distribution": "Make sure the patient has been given the one-time code (singleUseCode in the order response).",
        "meaning_fallback": "ePROM used {channel}, a later channel of the fallback chain: the decision's channel, {predicted}, must have failed when ePROM tried it.",
        "todo_fallback": "Nothing to do; if it happens often, find out why {predicted} fails for these patients.",
        "meaning_unreachable": "ePROM could not reach the patient, as the decision foresaw: the rule permits no channel the patient has.",
        "todo_unreachable": "Order again with a rule that reaches the patient (see explain), or use NoDistribution and give the patient a one-time code.",
        "meaning_reached_elsewhere": "ePROM used {channel}, which the decision took to be unavailable: the patient's channels have changed since the decision (for example a new consent on Helsenorge or new contact details in KRR).",
        "todo_reached_elsewhere": "Nothing to do for this order; fetch the patient's facts (KRR and Helsenorge) again before the next decision.",
        "meaning_lost_since": "ePROM could not reach the patient, although the decision chose {predicted}: the patient seems to have lost that channel after the decision was made (or the channels were given wrong).",
        "todo_lost_since": "Check the patient's details in KRR and their consent on Helsenorge, then order again with a rule that reaches them.",
        "meaning_outside_route": "ePROM used {channel}, which the rule or priority list does not permit.",
        "todo_check_order": "Check that the order was sent with the rule you think (distributionRule in the order's body); if it was, report it to Hemit with the order's id.",
        "meaning_silent": "ePROM reports status {status} without a channel, yet the rule permits channels: either nothing was sent, or ePROM did not say how.",
        "todo_silent": "Ask Hemit how the patient was notified, giving the order's id; do not assume the patient got the form.",
        "meaning_sent_without_distribution": "ePROM used {channel} although the rule is NoDistribution, which sends nothing.",
        "meaning_error_with_channel": "ePROM reports {status} but also names a channel ({channel}); an error callback has no channel (NotificationChannel 0 None).",
        "meaning_ordered_with_error_code": "ePROM reports {status} together with an error code other than None; only Error carries an error code.",
        "meaning_digipost_elsewhere": "ePROM reports the form delivered to the digital mailbox (DigipostDelivered), but names {channel} as the channel.",
        "meaning_returned_elsewhere": "ePROM reports that the letter came back (PhysicalMailReturned), but names {channel} as the channel.",
        "meaning_error_without_distribution": "ePROM reports {status}, but under NoDistribution it sends nothing, so nothing can fail.",
        "todo_report": "The callback contradicts itself or the decision: keep it, and report it to Hemit with the order's id.",
        "meaning_delivery_failed": "Something failed while ePROM sent the form by secure digital post (SikkerDigitalPostError): a failure in the sending, not a fact about the patient.",
        "todo_delivery_failed": "Order the form again later; if it fails again, report it to Hemit with the order's id.",
    },
}


# Each verdict of reconcile() in words, by Verdict value.
VERDICT_NAMES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "AS_PREDICTED": "som forventet",
        "FALLBACK": "en reservekanal ble brukt (regelen tillater det)",
        "UNREACHABLE_AS_PREDICTED": "pasienten kunne ikke nås, som forventet",
        "AVAILABILITY_CHANGED": "pasientens kanaler ser ut til å ha endret seg",
        "NOT_PERMITTED": "ePROM brukte en kanal regelen ikke tillater",
        "INCONSISTENT": "statuskallet henger ikke sammen",
        "DELIVERY_FAILED": "leveringen feilet",
    },
    "en": {
        "AS_PREDICTED": "as predicted",
        "FALLBACK": "a fallback channel was used (the rule allows it)",
        "UNREACHABLE_AS_PREDICTED": "the patient could not be reached, as predicted",
        "AVAILABILITY_CHANGED": "the patient's channels seem to have changed",
        "NOT_PERMITTED": "ePROM used a channel the rule does not permit",
        "INCONSISTENT": "the callback does not add up",
        "DELIVERY_FAILED": "delivery failed",
    },
}


# A status as a code and, where bokmål has its own word, that word (``docs/sources.md`` §6).
STATUS_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "FormOrderStatus.COMPLETED": "FormOrderStatus 0 Completed (Besvart)",
        "FormOrderStatus.EXPIRED": "FormOrderStatus 1 Expired (Utgått)",
        "FormOrderStatus.ORDERED": "FormOrderStatus 2 Ordered (Bestilt)",
        "FormOrderStatus.ERROR": "FormOrderStatus 3 Error (Feilet)",
        "FormOrderStatus.PHYSICAL_MAIL_RETURNED": "FormOrderStatus 4 PhysicalMailReturned (Brev i retur)",
        "FormOrderStatus.DIGIPOST_DELIVERED": "FormOrderStatus 5 DigipostDelivered (Levert i digital postkasse)",
        "SentStatus.SENT": "SentStatus 0 Sent (Sendt)",
        "SentStatus.ERROR": "SentStatus 1 Error (Feilet)",
    },
    "en": {
        "FormOrderStatus.COMPLETED": "FormOrderStatus 0 Completed",
        "FormOrderStatus.EXPIRED": "FormOrderStatus 1 Expired",
        "FormOrderStatus.ORDERED": "FormOrderStatus 2 Ordered",
        "FormOrderStatus.ERROR": "FormOrderStatus 3 Error",
        "FormOrderStatus.PHYSICAL_MAIL_RETURNED": "FormOrderStatus 4 PhysicalMailReturned",
        "FormOrderStatus.DIGIPOST_DELIVERED": "FormOrderStatus 5 DigipostDelivered",
        "SentStatus.SENT": "SentStatus 0 Sent",
        "SentStatus.ERROR": "SentStatus 1 Error",
    },
}


TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "RECONCILE": RECONCILE,
    "VERDICT_NAMES": VERDICT_NAMES,
    "STATUS_WORDS": STATUS_WORDS,
}
"""Every text table of this layer by name, for the tests that compare the languages."""
