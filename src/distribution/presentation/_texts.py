"""The texts of everything longer than a sentence: explanations, reports, tables, timelines.

Every table has the shape ``{lang: {key: text}}`` and is listed in :data:`TABLES`;
``tests/test_texts.py`` proves that each language has every key with the same ``{placeholders}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from distribution.presentation._audit_texts import AUDIT
from distribution.presentation._reply_texts import REPLY
from distribution.presentation._undecided_texts import FACT_WORDS, UNDECIDED

if TYPE_CHECKING:
    from distribution._texts import Lang

# How the patient is reached on each channel, after "kan også nås" / "can also be reached".
CHANNEL_REACH: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "HELSENORGE": "på Helsenorge",
        "DIGITAL_MAILBOX": "i sikker digital postkasse (Digipost/e-Boks)",
        "UNSECURE": "på SMS eller e-post (kontaktinformasjon fra KRR)",
        "PHYSICAL_MAILBOX": "med papirbrev",
    },
    "en": {
        "HELSENORGE": "on Helsenorge",
        "DIGITAL_MAILBOX": "in a secure digital mailbox (Digipost/e-Boks)",
        "UNSECURE": "by SMS or e-mail (contact details from KRR)",
        "PHYSICAL_MAILBOX": "by paper letter",
    },
}


# What the patient gets when a channel is chosen, by member.
RESULTS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "HELSENORGE": "Resultat: pasienten får skjemaet på Helsenorge.",
        "DIGITAL_MAILBOX": "Resultat: pasienten får skjemaet i sikker digital postkasse (Digipost/e-Boks).",
        "UNSECURE": "Resultat: pasienten får varsel på SMS eller e-post (kontaktinformasjon fra KRR).",
        "PHYSICAL_MAILBOX": "Resultat: pasienten får papirbrev i posten.",
    },
    "en": {
        "HELSENORGE": "Result: the patient gets the form on Helsenorge.",
        "DIGITAL_MAILBOX": "Result: the patient gets the form in their secure digital mailbox (Digipost/e-Boks).",
        "UNSECURE": "Result: the patient is notified by SMS or e-mail (contact details from KRR).",
        "PHYSICAL_MAILBOX": "Result: the patient gets a paper letter in the post.",
    },
}


# Sentences of an explanation. Keys ending in an outcome's name are chosen by the outcome;
# "order" texts are for a form order with a rule, "message" texts for a message's priority list,
# "rule"/"list" texts name what permits the channels, "one"/"many" how many it permits.
PHRASES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "rule": "Regel: {code} {name}. {meaning}",
        "priority_list": "Prioritetsliste for en melding til innbygger (ingen distribusjonsregel).",
        "route": "Kanaler som prøves, i rekkefølge: {route}.",
        "route_empty": "Kanaler som prøves: ingen. Denne regelen sender ikke varsel.",
        "step_chosen": "  {n}. {channel}: tilgjengelig, valgt.",
        "step_fallback": "  {n}. {channel}: tilgjengelig, brukes hvis {above} likevel ikke kan brukes når ePROM sender.",
        "step_fallback_many": "  {n}. {channel}: tilgjengelig, brukes hvis verken {above} kan brukes når ePROM sender.",
        "nor": "eller",
        "step_missing": "  {n}. {channel}: ikke tilgjengelig.",
        "because": "  (hvorfor: {reasons})",
        "result_NOT_DISTRIBUTED": (
            "Resultat: ingenting sendes. Med NoDistribution gir bestillersystemet pasienten en"
            " engangskode som åpner skjemaet."
        ),
        "unreachable_rule_one": "Resultat: skjemaet blir ikke sendt. Regelen tillater bare {route}, og pasienten kan ikke nås på den.",
        "unreachable_rule_many": "Resultat: skjemaet blir ikke sendt. Regelen tillater {route}, men pasienten kan ikke nås på noen av disse.",
        "unreachable_list_one": "Resultat: meldingen blir ikke sendt. Prioritetslisten har bare {route}, og pasienten kan ikke nås på den.",
        "unreachable_list_many": "Resultat: meldingen blir ikke sendt. Prioritetslisten har {route}, men pasienten kan ikke nås på noen av disse.",
        "fallbacks": "Reservekanaler som gjenstår: {channels}.",
        "fallbacks_none": "Reservekanaler som gjenstår: ingen.",
        "callback_order_NOTIFIED": (
            "Dette melder ePROM tilbake (callback): Bestilt (FormOrderStatus 2 Ordered), og Besvart"
            " (0 Completed) når pasienten har svart."
        ),
        "callback_order_NOT_DISTRIBUTED": (
            "ePROM svarer på bestillingen med engangskoden pasienten skal få (singleUseCode), og"
            " melder etterpå status Bestilt (FormOrderStatus 2 Ordered) i tilbakemeldingen."
        ),
        "callback_order_UNREACHABLE": (
            "Dette melder ePROM tilbake (callback): Feilet (FormOrderStatus 3 Error) fordi"
            " pasienten ikke kunne nås (FormOrderStatusErrorCode 1 PatientUnreachable)."
        ),
        "callback_message_NOTIFIED": (
            "Dette melder ePROM tilbake (callback): Sendt (SentStatus 0 Sent) med"
            " NotificationChannel {code} {name}."
        ),
        "callback_message_UNREACHABLE": (
            "Dette melder ePROM tilbake (callback): Feilet (SentStatus 1 Error) med"
            " NotificationChannel 0 None."
        ),
        "unused_rule_one": "Merk: pasienten kan også nås {channels}, men regelen bruker ikke den kanalen.",
        "unused_rule_many": "Merk: pasienten kan også nås {channels}, men regelen bruker ikke de kanalene.",
        "unused_list_one": "Merk: pasienten kan også nås {channels}, men den kanalen står ikke i prioritetslisten.",
        "unused_list_many": "Merk: pasienten kan også nås {channels}, men de kanalene står ikke i prioritetslisten.",
        "whatif": "Regler som ville nådd pasienten:",
        "whatif_paper": "Regler som ville nådd pasienten digitalt i stedet for med papirbrev:",
        "whatif_item": "  - {code} {name}: {channel}",
        "whatif_none": "Ingen regel når denne pasienten. Med NoDistribution får pasienten en engangskode i stedet.",
    },
    "en": {
        "rule": "Rule: {code} {name}. {meaning}",
        "priority_list": "Priority list of a message to a citizen (no distribution rule).",
        "route": "Channels tried, in order: {route}.",
        "route_empty": "Channels tried: none. This rule sends no notice.",
        "step_chosen": "  {n}. {channel}: available, chosen.",
        "step_fallback": "  {n}. {channel}: available, used if {above} cannot be used after all when ePROM sends.",
        "step_fallback_many": "  {n}. {channel}: available, used if neither {above} can be used when ePROM sends.",
        "nor": "nor",
        "step_missing": "  {n}. {channel}: not available.",
        "because": "  (why: {reasons})",
        "result_NOT_DISTRIBUTED": (
            "Result: nothing is sent. With NoDistribution the ordering system gives the patient"
            " a one-time code (engangskode) that opens the form."
        ),
        "unreachable_rule_one": "Result: the form is not sent. The rule permits only {route}, and the patient cannot be reached there.",
        "unreachable_rule_many": "Result: the form is not sent. The rule permits {route}, but the patient cannot be reached on any of them.",
        "unreachable_list_one": "Result: the message is not sent. The priority list has only {route}, and the patient cannot be reached there.",
        "unreachable_list_many": "Result: the message is not sent. The priority list has {route}, but the patient cannot be reached on any of them.",
        "fallbacks": "Fallbacks left: {channels}.",
        "fallbacks_none": "Fallbacks left: none.",
        "callback_order_NOTIFIED": (
            "What ePROM reports back (callback): Ordered (FormOrderStatus 2 Ordered), then"
            " Completed (0 Completed) when the patient has answered."
        ),
        "callback_order_NOT_DISTRIBUTED": (
            "ePROM answers the order with the one-time code to give the patient (singleUseCode),"
            " and then reports the status Ordered (FormOrderStatus 2 Ordered) in its callback."
        ),
        "callback_order_UNREACHABLE": (
            "What ePROM reports back (callback): Failed (FormOrderStatus 3 Error), because the"
            " patient could not be reached (FormOrderStatusErrorCode 1 PatientUnreachable)."
        ),
        "callback_message_NOTIFIED": (
            "What ePROM reports back (callback): Sent (SentStatus 0 Sent) with"
            " NotificationChannel {code} {name}."
        ),
        "callback_message_UNREACHABLE": (
            "What ePROM reports back (callback): Failed (SentStatus 1 Error) with"
            " NotificationChannel 0 None."
        ),
        "unused_rule_one": "Note: the patient can also be reached {channels}, but the rule does not use that channel.",
        "unused_rule_many": "Note: the patient can also be reached {channels}, but the rule does not use those channels.",
        "unused_list_one": "Note: the patient can also be reached {channels}, but that channel is not on the priority list.",
        "unused_list_many": "Note: the patient can also be reached {channels}, but those channels are not on the priority list.",
        "whatif": "Rules that would reach this patient:",
        "whatif_paper": "Rules that would reach this patient digitally instead of by paper letter:",
        "whatif_item": "  - {code} {name}: {channel}",
        "whatif_none": "No rule reaches this patient. With NoDistribution the patient gets a one-time code instead.",
    },
}


# What became of a decision (engine.Outcome), with the value a log shows.
OUTCOMES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "NOTIFIED": "skjemaet sendes (NOTIFIED)",
        "NOT_DISTRIBUTED": "ingenting sendes, engangskode (NOT_DISTRIBUTED)",
        "UNREACHABLE": "pasienten kan ikke nås (UNREACHABLE)",
    },
    "en": {
        "NOTIFIED": "the form is sent (NOTIFIED)",
        "NOT_DISTRIBUTED": "nothing is sent, one-time code (NOT_DISTRIBUTED)",
        "UNREACHABLE": "the patient cannot be reached (UNREACHABLE)",
    },
}


# The key under the decision matrix.
LEGEND: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "legend": "Tilgjengelighet og celler: H = Helsenorge, D = DigitalMailbox (sikker digital postkasse), U = Unsecure (SMS/e-post fra KRR), P = PhysicalMailbox (brev i posten), . = ikke tilgjengelig. En celle er reservekjeden, med valgt kanal først; ✗ = kan ikke nås (Error, PatientUnreachable); code = NoDistribution (engangskode).",
    },
    "en": {
        "legend": "Availability and cells: H = Helsenorge, D = DigitalMailbox, U = Unsecure (e-mail/SMS from KRR), P = PhysicalMailbox (paper), . = not available. A cell is the fallback chain, the chosen channel first; ✗ = unreachable (Error, PatientUnreachable); code = NoDistribution (one-time code).",
    },
}


# The end of ``verify``'s report (``tables.verification_text``): the counts.
VERIFY: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "orders": "Bestillinger og meldinger: {count}",
        "attention": "Må følges opp: {count}.",
        "unjudged": "Returnerte skjemaer uten kanal, ikke vurdert (trenger ikke oppfølging): {count}",
        "all_well": "Ingenting må følges opp.",
    },
    "en": {
        "orders": "Orders and messages: {count}",
        "attention": "Needs attention: {count}.",
        "unjudged": "Returned forms without a channel, not judged (need no attention): {count}",
        "all_well": "Nothing needs attention.",
    },
}


# A returned form's event log as a timeline (``timeline.explain_timeline``).
TIMELINE: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "header": "Skjema {id}: {status}; kanal: {channel}.",
        "header_no_channel": "Skjema {id}: {status}; svaret sier ikke hvilken kanal ePROM brukte.",
        "signed": "Skjemaet er signert (signedFormId).",
        "on_paper": "Svaret kom på papir og ble skannet (scannedPaperId).",
        "no_time": "(uten tidspunkt)",
        "no_channel": "kanalen ePROM brukte",
        "FORM_OPENED": "åpnet skjemaet",
        "QUESTION_ACCESSED": "så på spørsmålet {question}",
        "QUESTION_ACCESSED_unnamed": "så på et spørsmål",
        "questions": "så på {count} spørsmål ({first} … {last})",
        "SIGNING_STARTED": "begynte å signere",
        "SIGNING_CANCELLED": "avbrøt signeringen",
        "SIGNING_ERROR": "signeringen feilet",
        "SIGNING_COMPLETED": "fullførte signeringen",
        "FORM_DELIVERED": "leverte skjemaet",
        "no_events": "Loggen har ingen hendelser.",
        "filled_out_by": "Fylt ut av: {who}.",
        "filled_out_by_none": "Fylt ut av: ikke oppgitt (ePROM oppgir det bare for Helsenorge).",
        "who_Ukjent": "ukjent (Ukjent)",
        "who_SegSelv": "pasienten selv (SegSelv)",
        "who_Foreldrerepresentasjon": "en forelder på vegne av pasienten (Foreldrerepresentasjon)",
        "who_Fullmakt": "en med fullmakt fra pasienten (Fullmakt)",
        "who_other": "filledOutByActType {value}",
        "completed": "Hva det betyr: svaret har kommet fram til bestillersystemet.",
        "delivered_but_expired": "Hva det betyr: loggen sier at skjemaet ble levert, men bestillingen gikk ut likevel; meld fra til Hemit og oppgi bestillingens id.",
        "signed_not_delivered": "Hva det betyr: signeringen ble fullført, men skjemaet ble aldri levert; meld fra til Hemit og oppgi bestillingens id.",
        "signing_failed": "Hva det betyr: pasienten begynte å signere, men signeringen feilet, så skjemaet ble aldri levert. Pasienten kan tro at skjemaet er sendt. Bestill på nytt og be pasienten fullføre signeringen.",
        "signing_cancelled": "Hva det betyr: pasienten begynte å signere, men avbrøt, så skjemaet ble aldri levert. Pasienten kan tro at skjemaet er sendt. Bestill på nytt og be pasienten fullføre signeringen.",
        "opened_not_delivered": "Hva det betyr: pasienten åpnet skjemaet, men leverte det ikke før fristen. Bestill på nytt om svaret fortsatt trengs.",
        "never_opened": "Hva det betyr: pasienten åpnet aldri skjemaet. Sjekk at pasienten fikk varselet ({channel}), og bestill på nytt om svaret fortsatt trengs.",
    },
    "en": {
        "header": "Form {id}: {status}; channel: {channel}.",
        "header_no_channel": "Form {id}: {status}; the body does not say which channel ePROM used.",
        "signed": "The form is signed (signedFormId).",
        "on_paper": "The answer came on paper and was scanned (scannedPaperId).",
        "no_time": "(no time)",
        "no_channel": "the channel ePROM used",
        "FORM_OPENED": "opened the form",
        "QUESTION_ACCESSED": "looked at question {question}",
        "QUESTION_ACCESSED_unnamed": "looked at a question",
        "questions": "looked at {count} questions ({first} … {last})",
        "SIGNING_STARTED": "started signing",
        "SIGNING_CANCELLED": "cancelled the signing",
        "SIGNING_ERROR": "signing failed",
        "SIGNING_COMPLETED": "completed the signing",
        "FORM_DELIVERED": "delivered the form",
        "no_events": "The log has no events.",
        "filled_out_by": "Filled out by: {who}.",
        "filled_out_by_none": "Filled out by: not stated (ePROM states it for Helsenorge only).",
        "who_Ukjent": "unknown (Ukjent)",
        "who_SegSelv": "the patient themself (SegSelv)",
        "who_Foreldrerepresentasjon": "a parent on the patient's behalf (Foreldrerepresentasjon)",
        "who_Fullmakt": "someone with the patient's power of attorney (Fullmakt)",
        "who_other": "filledOutByActType {value}",
        "completed": "What it means: the answer has reached the ordering system.",
        "delivered_but_expired": "What it means: the log says the form was delivered, yet the order expired; report it to Hemit with the order's id.",
        "signed_not_delivered": "What it means: the signing was completed, but the form was never delivered; report it to Hemit with the order's id.",
        "signing_failed": "What it means: the patient started signing, but the signing failed, so the form was never delivered. The patient may believe it was sent. Order again and ask the patient to finish signing.",
        "signing_cancelled": "What it means: the patient started signing but cancelled, so the form was never delivered. The patient may believe it was sent. Order again and ask the patient to finish signing.",
        "opened_not_delivered": "What it means: the patient opened the form but did not deliver it before the deadline. Order again if the answer is still needed.",
        "never_opened": "What it means: the patient never opened the form. Check that the patient got the notice ({channel}), and order again if the answer is still needed.",
    },
}


# What a reconciliation says: its labels, what was predicted and reported, and for each finer case
# (``eprom.reconciliation.CASES``, by key) what it means ("meaning_…") and what to do ("todo_…").
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
        "predicted_NOTIFIED": "ePROM bruker {channel}{fallbacks}; tilbakemeldingen fra ePROM skal si {status} med NotificationChannel {code} {name}.",
        "predicted_fallbacks": ", ellers {channels}",
        "and_then": "{first} og deretter {second}",
        "then": "{first}, deretter {second}",
        "and_last": "{first} og til sist {second}",
        "predicted_NOT_DISTRIBUTED": "ingenting sendes (NoDistribution, pasienten får en engangskode); tilbakemeldingen fra ePROM skal si {status} med NotificationChannel 0 None.",
        "predicted_UNREACHABLE": "pasienten kan ikke nås på noen kanal regelen tillater; tilbakemeldingen fra ePROM skal si {status}{error} og NotificationChannel 0 None.",
        "meaning_as_predicted": "ePROM brukte kanalen beslutningen valgte, {channel}.",
        "todo_as_predicted": "Ingenting å gjøre med kanalen.",
        "meaning_no_distribution": "ePROM sendte ikke varsel, slik NoDistribution sier: pasienten åpner skjemaet med engangskoden.",
        "todo_no_distribution": "Sørg for at pasienten har fått engangskoden (singleUseCode i svaret på bestillingen).",
        "meaning_fallback": "ePROM brukte {channel}, en senere kanal i reservekjeden: beslutningens kanal, {predicted}, kunne ikke brukes da ePROM sendte.",
        "todo_fallback": "Finn ut hvorfor {predicted} ikke kunne brukes: sjekk det som avgjør om pasienten kan nås der. Skjer det ofte, spør det samme for de andre pasientene.",
        "meaning_unreachable": "ePROM kunne ikke nå pasienten, slik beslutningen forutså: regelen tillater ingen kanal pasienten har.",
        "todo_unreachable": "Bestill på nytt med en regel som når pasienten (se explain), eller bruk NoDistribution og gi pasienten en engangskode.",
        "meaning_reached_elsewhere": "ePROM brukte {channel}, som beslutningen regnet som ikke tilgjengelig: pasienten ser ut til å ha blitt mulig å nå der etter at beslutningen ble tatt (eller kanalene ble oppgitt feil).",
        "meaning_reached_instead": "ePROM brukte {channel} i stedet for {predicted}, som beslutningen valgte: da ePROM sendte, kunne {predicted} ikke brukes, mens {channel}, som beslutningen regnet som ikke tilgjengelig, kunne det. Pasientens kanaler har endret seg etter at beslutningen ble tatt, eller de ble oppgitt feil.",
        "todo_reached_instead": "Finn ut hvorfor {predicted} ikke kunne brukes, og hent pasientens opplysninger (KRR og Helsenorge) på nytt før neste beslutning.",
        "todo_returned": "Kanalen var riktig, men brevet kom i retur, så pasienten har ikke fått skjemaet. Sjekk pasientens adresse i Folkeregisteret, eller oppgi en adresse i bestillingen (physicalAddress), og bestill på nytt.",
        "predicted_UNREACHABLE_list": "pasienten kan ikke nås på noen kanal i prioritetslisten; tilbakemeldingen fra ePROM skal si {status}{error} og NotificationChannel 0 None.",
        "meaning_unreachable_list": "ePROM kunne ikke nå pasienten, slik beslutningen forutså: prioritetslisten har ingen kanal pasienten kan nås på.",
        "todo_unreachable_list": "Send meldingen på nytt med en prioritetsliste som når pasienten, for eksempel med papirbrev til sist.",
        "todo_lost_since_list": "Sjekk pasientens opplysninger i KRR og samtykket på Helsenorge, og send meldingen på nytt med en prioritetsliste som når pasienten.",
        "todo_check_order_list": "Sjekk at meldingen ble sendt med prioritetslisten du tror (notificationPriorityList i meldingen); var den det, meld fra til Hemit og oppgi meldingens id.",
        "meaning_silent_list": "ePROM melder status {status} uten kanal, men prioritetslisten har kanaler: enten ble ingenting sendt, eller ePROM sa ikke hvordan.",
        "todo_silent_list": "Spør Hemit hvordan pasienten ble varslet, og oppgi meldingens id; ikke regn med at pasienten har fått meldingen.",
        "todo_report_list": "Tilbakemeldingen fra ePROM motsier seg selv eller beslutningen: ta vare på det, og meld fra til Hemit med meldingens id.",
        "todo_reached_elsewhere_list": "Ingenting å gjøre med denne meldingen; hent pasientens opplysninger (KRR og Helsenorge) på nytt før neste beslutning.",
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
        "todo_report": "Tilbakemeldingen fra ePROM motsier seg selv eller beslutningen: ta vare på det, og meld fra til Hemit med bestillingens id.",
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
        "predicted_NOTIFIED": "ePROM uses {channel}{fallbacks}; the callback from ePROM should say {status} with NotificationChannel {code} {name}.",
        "predicted_fallbacks": ", or else {channels}",
        "and_then": "{first} and then {second}",
        "then": "{first}, then {second}",
        "and_last": "{first} and last {second}",
        "predicted_NOT_DISTRIBUTED": "nothing is sent (NoDistribution, the patient gets a one-time code); the callback from ePROM should say {status} with NotificationChannel 0 None.",
        "predicted_UNREACHABLE": "the patient cannot be reached on any channel the rule permits; the callback from ePROM should say {status}{error} and NotificationChannel 0 None.",
        "meaning_as_predicted": "ePROM used the channel the decision chose, {channel}.",
        "todo_as_predicted": "Nothing to do about the channel.",
        "meaning_no_distribution": "ePROM sent no notice, as NoDistribution says: the patient opens the form with the one-time code.",
        "todo_no_distribution": "Make sure the patient has been given the one-time code (singleUseCode in the order response).",
        "meaning_fallback": "ePROM used {channel}, a later channel of the fallback chain: the decision's channel, {predicted}, could not be used when ePROM sent it.",
        "todo_fallback": "Find out why {predicted} could not be used: check what decides whether the patient can be reached there. If it happens often, ask the same for the other patients.",
        "meaning_unreachable": "ePROM could not reach the patient, as the decision foresaw: the rule permits no channel the patient has.",
        "todo_unreachable": "Order again with a rule that reaches the patient (see explain), or use NoDistribution and give the patient a one-time code.",
        "meaning_reached_elsewhere": "ePROM used {channel}, which the decision took to be unavailable: the patient seems to have become reachable there after the decision was made (or the channels were given wrong).",
        "meaning_reached_instead": "ePROM used {channel} instead of {predicted}, which the decision chose: when ePROM sent it, {predicted} could not be used, while {channel}, which the decision took to be unavailable, could. The patient's channels have changed since the decision was made, or they were given wrong.",
        "todo_reached_instead": "Find out why {predicted} could not be used, and fetch the patient's facts (KRR and Helsenorge) again before the next decision.",
        "todo_returned": "The channel was right, but the letter came back, so the patient has not got the form. Check the patient's address in Folkeregisteret, or give an address in the order (physicalAddress), and order again.",
        "predicted_UNREACHABLE_list": "the patient cannot be reached on any channel in the priority list; the callback from ePROM should say {status}{error} and NotificationChannel 0 None.",
        "meaning_unreachable_list": "ePROM could not reach the patient, as the decision foresaw: the priority list has no channel the patient can be reached on.",
        "todo_unreachable_list": "Send the message again with a priority list that reaches the patient, for example with a paper letter last.",
        "todo_lost_since_list": "Check the patient's details in KRR and their consent on Helsenorge, then send the message again with a priority list that reaches them.",
        "todo_check_order_list": "Check that the message was sent with the priority list you think (notificationPriorityList in the message); if it was, report it to Hemit with the message's id.",
        "meaning_silent_list": "ePROM reports status {status} without a channel, yet the priority list has channels: either nothing was sent, or ePROM did not say how.",
        "todo_silent_list": "Ask Hemit how the patient was notified, giving the message's id; do not assume the patient got the message.",
        "todo_report_list": "The callback contradicts itself or the decision: keep it, and report it to Hemit with the message's id.",
        "todo_reached_elsewhere_list": "Nothing to do for this message; fetch the patient's facts (KRR and Helsenorge) again before the next decision.",
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
        "INCONSISTENT": "tilbakemeldingen fra ePROM henger ikke sammen",
        "DELIVERY_FAILED": "leveringen feilet",
    },
    "en": {
        "AS_PREDICTED": "as predicted",
        "FALLBACK": "a fallback channel was used (the rule allows it)",
        "UNREACHABLE_AS_PREDICTED": "the patient could not be reached, as predicted",
        "AVAILABILITY_CHANGED": "the patient's channels seem to have changed",
        "NOT_PERMITTED": "ePROM used a channel the rule does not permit",
        "INCONSISTENT": "ePROM's callback does not add up",
        "DELIVERY_FAILED": "delivery failed",
    },
}


# A status as the word a support desk says, then its code (``docs/sources.md`` §6).
STATUS_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "FormOrderStatus.COMPLETED": "Besvart (FormOrderStatus 0 Completed)",
        "FormOrderStatus.EXPIRED": "Utgått (FormOrderStatus 1 Expired)",
        "FormOrderStatus.ORDERED": "Bestilt (FormOrderStatus 2 Ordered)",
        "FormOrderStatus.ERROR": "Feilet (FormOrderStatus 3 Error)",
        "FormOrderStatus.PHYSICAL_MAIL_RETURNED": "Brev i retur (FormOrderStatus 4 PhysicalMailReturned)",
        "FormOrderStatus.DIGIPOST_DELIVERED": "Levert i digital postkasse (FormOrderStatus 5 DigipostDelivered)",
        "SentStatus.SENT": "Sendt (SentStatus 0 Sent)",
        "SentStatus.ERROR": "Feilet (SentStatus 1 Error)",
    },
    "en": {
        "FormOrderStatus.COMPLETED": "Completed (FormOrderStatus 0 Completed)",
        "FormOrderStatus.EXPIRED": "Expired (FormOrderStatus 1 Expired)",
        "FormOrderStatus.ORDERED": "Ordered (FormOrderStatus 2 Ordered)",
        "FormOrderStatus.ERROR": "Failed (FormOrderStatus 3 Error)",
        "FormOrderStatus.PHYSICAL_MAIL_RETURNED": "Letter returned (FormOrderStatus 4 PhysicalMailReturned)",
        "FormOrderStatus.DIGIPOST_DELIVERED": "Delivered to the digital mailbox (FormOrderStatus 5 DigipostDelivered)",
        "SentStatus.SENT": "Sent (SentStatus 0 Sent)",
        "SentStatus.ERROR": "Failed (SentStatus 1 Error)",
    },
}


# A moment as people read it (``_dates.spoken_time``): the months, and where day, month, year and
# the time of day go.
DATES: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "moment": "{day}. {month} {year} kl. {hour:02d}.{minute:02d}",
        "day": "{day}. {month} {year}",
        "month_1": "januar",
        "month_2": "februar",
        "month_3": "mars",
        "month_4": "april",
        "month_5": "mai",
        "month_6": "juni",
        "month_7": "juli",
        "month_8": "august",
        "month_9": "september",
        "month_10": "oktober",
        "month_11": "november",
        "month_12": "desember",
    },
    "en": {
        "moment": "{day} {month} {year} at {hour:02d}:{minute:02d}",
        "day": "{day} {month} {year}",
        "month_1": "January",
        "month_2": "February",
        "month_3": "March",
        "month_4": "April",
        "month_5": "May",
        "month_6": "June",
        "month_7": "July",
        "month_8": "August",
        "month_9": "September",
        "month_10": "October",
        "month_11": "November",
        "month_12": "December",
    },
}


TABLES: Final[dict[str, dict[Lang, dict[str, str]]]] = {
    "CHANNEL_REACH": CHANNEL_REACH,
    "RESULTS": RESULTS,
    "PHRASES": PHRASES,
    "OUTCOMES": OUTCOMES,
    "LEGEND": LEGEND,
    "VERIFY": VERIFY,
    "TIMELINE": TIMELINE,
    "RECONCILE": RECONCILE,
    "VERDICT_NAMES": VERDICT_NAMES,
    "STATUS_WORDS": STATUS_WORDS,
    "AUDIT": AUDIT,
    "UNDECIDED": UNDECIDED,
    "FACT_WORDS": FACT_WORDS,
    "DATES": DATES,
    "REPLY": REPLY,
}
"""Every text table of this layer by name, for the tests that compare the languages."""
