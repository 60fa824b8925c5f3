"""The texts of the explanations: channels reached, results, phrases, tables, timelines.

Every table has the shape ``{lang: {key: text}}`` and is listed in :data:`TABLES`;
``tests/test_texts.py`` proves that each language has every key with the same ``{placeholders}``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

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
        "step_fallback": "  {n}. {channel}: tilgjengelig, brukes hvis kanalen over feiler.",
        "step_missing": "  {n}. {channel}: ikke tilgjengelig.",
        "because": "  (hvorfor: {reasons})",
        "result_NOT_DISTRIBUTED": (
            "Resultat: ingenting sendes. Med NoDistribution gir bestillersystemet pasienten en"
            " engangskode som åpner skjemaet."
        ),
        "unreachable_rule_one": "Resultat: ingenting kunne sendes. Regelen tillater bare {route}, og pasienten kan ikke nås på den.",
        "unreachable_rule_many": "Resultat: ingenting kunne sendes. Regelen tillater {route}, men pasienten kan ikke nås på noen av disse.",
        "unreachable_list_one": "Resultat: ingenting kunne sendes. Prioritetslisten har bare {route}, og pasienten kan ikke nås på den.",
        "unreachable_list_many": "Resultat: ingenting kunne sendes. Prioritetslisten har {route}, men pasienten kan ikke nås på noen av disse.",
        "fallbacks": "Reservekanaler som gjenstår: {channels}.",
        "fallbacks_none": "Reservekanaler som gjenstår: ingen.",
        "callback_order_NOTIFIED": (
            "Dette melder ePROM tilbake (callback): Bestilt (FormOrderStatus 2 Ordered), og Besvart"
            " (0 Completed) når pasienten har svart."
        ),
        "callback_order_NOT_DISTRIBUTED": (
            "Dette svarer ePROM på bestillingen: engangskoden pasienten skal få (singleUseCode),"
            " og status Bestilt (FormOrderStatus 2 Ordered)."
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
        "step_fallback": "  {n}. {channel}: available, used if the channel above fails.",
        "step_missing": "  {n}. {channel}: not available.",
        "because": "  (why: {reasons})",
        "result_NOT_DISTRIBUTED": (
            "Result: nothing is sent. With NoDistribution the ordering system gives the patient"
            " a one-time code (engangskode) that opens the form."
        ),
        "unreachable_rule_one": "Result: nothing could be sent. The rule permits only {route}, and the patient cannot be reached there.",
        "unreachable_rule_many": "Result: nothing could be sent. The rule permits {route}, but the patient cannot be reached on any of them.",
        "unreachable_list_one": "Result: nothing could be sent. The priority list has only {route}, and the patient cannot be reached there.",
        "unreachable_list_many": "Result: nothing could be sent. The priority list has {route}, but the patient cannot be reached on any of them.",
        "fallbacks": "Fallbacks left: {channels}.",
        "fallbacks_none": "Fallbacks left: none.",
        "callback_order_NOTIFIED": (
            "What ePROM reports back (callback): FormOrderStatus 2 Ordered, then 0 Completed"
            " when the patient has answered."
        ),
        "callback_order_NOT_DISTRIBUTED": (
            "What ePROM answers the order with: the one-time code to give the patient"
            " (singleUseCode), and FormOrderStatus 2 Ordered."
        ),
        "callback_order_UNREACHABLE": (
            "What ePROM reports back (callback): FormOrderStatus 3 Error, because the patient"
            " could not be reached (FormOrderStatusErrorCode 1 PatientUnreachable)."
        ),
        "callback_message_NOTIFIED": (
            "What ePROM reports back (callback): SentStatus 0 Sent on NotificationChannel"
            " {code} {name}."
        ),
        "callback_message_UNREACHABLE": (
            "What ePROM reports back (callback): SentStatus 1 Error with NotificationChannel"
            " 0 None."
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


# The report of ``verify`` (``_render``): one line per anomaly, then the counts.
VERIFY: Final[dict[Lang, dict[str, str]]] = {
    "nb": {
        "verdict": "{kind} {id}, linje {line}: ePROM meldte {status}, kanal {channel}; beslutningen ventet {expected_status}, kanal {expected_channel} ({case})",
        "DUPLICATE": "{kind} {id}, linje {line}: {status} kom mer enn én gang",
        "UNKNOWN_ORDER": "{kind} {id}, linje {line}: {status}, kanal {channel}, men ingen bestilling eller melding av det slaget har denne id-en",
        "NO_CALLBACK": "{kind} {id}: ingen statuskall kom; forventet {expected_status}, kanal {expected_channel}",
        "orders": "Bestillinger og meldinger: {count}",
        "attention": "Må følges opp: {count}.",
        "all_well": "Ingenting må følges opp.",
    },
    "en": {
        "verdict": "{kind} {id}, line {line}: ePROM reported {status}, channel {channel}; the decision expected {expected_status}, channel {expected_channel} ({case})",
        "DUPLICATE": "{kind} {id}, line {line}: {status} arrived more than once",
        "UNKNOWN_ORDER": "{kind} {id}, line {line}: {status}, channel {channel}, but no order or message of that kind has this id",
        "NO_CALLBACK": "{kind} {id}: no status callback arrived; expected {expected_status}, channel {expected_channel}",
        "orders": "Orders and messages: {count}",
        "attention": "Needs attention: {count}.",
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
        "never_opened": "Hva det betyr: pasienten åpnet aldri skjemaet. Sjekk at pasienten fikk varselet (kanalen over), og bestill på nytt om svaret fortsatt trengs.",
    },
    "en": {
        "header": "Form {id}: {status}; channel: {channel}.",
        "header_no_channel": "Form {id}: {status}; the body does not say which channel ePROM used.",
        "signed": "The form is signed (signedFormId).",
        "on_paper": "The answer came on paper and was scanned (scannedPaperId).",
        "no_time": "(no time)",
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
        "never_opened": "What it means: the patient never opened the form. Check that the patient got the notice (the channel above), and order again if the answer is still needed.",
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
}
"""Every text table of this layer by name, for the tests that compare the languages."""
