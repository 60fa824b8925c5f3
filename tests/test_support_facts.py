"""The support page's facts tab: its tables against the library, and its script in a real browser.

The tables are the library's answers (tools/support_facts.py); what the page's script adds is the
step from the form to a table index (an age to its age class, a date to "within 18 months"), the
partial availability's index, and the words. Each is checked here against the library, over
every combination of the facts each channel reads.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import pytest
from tools import support_facts
from tools.page_texts import PAGE as PAGE_TEXTS
from tools.support_facts import FIELDS, READS, SIZES, Judged, judge

from distribution import (
    DistributionRule,
    HelsenorgeConsent,
    KrrRecord,
    KrrStatus,
    NotificationChannel,
    Outcome,
    PatientFacts,
    assess,
    diagnose_facts,
    possible_decisions,
)
from distribution._errors import nearest
from distribution.availability import CHANNEL_FIELDS
from distribution.patient._rules import FRESH_MONTHS, activity_of, months_before
from distribution.patient.completions import possible_availabilities
from distribution.patient.diagnosis import LIKELY, FactsDiagnosis
from distribution.patient.facts import OSLO
from distribution.patient.reasons import Reason
from distribution.presentation._texts import PHRASES, RESULTS
from tests.helpers.browser import PAGE

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from playwright.sync_api import Page

REACHABLE = tuple(CHANNEL_FIELDS)
STATUS = {"AVAILABLE": 0, "UNAVAILABLE": 1, "UNKNOWN": 2}
# The facts a worker can leave unknown (research is the order's flag, "no" unless given).
FACTS_FORM = [name for name, _ in FIELDS if name != "research"]


def combinations(names: tuple[str, ...]) -> Iterator[dict[str, int]]:
    """Every combination of the value indexes of *names*, in the tables' order."""
    for values in itertools.product(*(range(SIZES[name]) for name in names)):
        yield dict(zip(names, values, strict=True))


def test_a_fact_a_channel_does_not_read_changes_nothing() -> None:
    """Law: a channel's outcome depends only on the facts READS lists for it."""
    for channel, names in READS.items():
        others = [name for name, _ in FIELDS if name not in names]
        for index, form in enumerate(combinations(names)):
            if index % 11:  # every 11th combination, each with every other fact changed
                continue
            expected = judge(form, channel)
            for other in others:
                for value in range(1, SIZES[other]):
                    assert judge({**form, other: value}, channel) == expected, (form, other)


def _contradicts(names: tuple[str, ...], key: tuple[int, ...]) -> bool:
    """Whether *key* says KRR both reserved and can notify: Digdir never reports that
    (docs/sources.md §5), so it is no way an unknown fact can turn out."""
    given = dict(zip(names, key, strict=True))
    return given.get("reserved") == 1 and given.get("can-notify") == 1


def _table(channel: NotificationChannel) -> dict[tuple[int, ...], Judged]:
    return {tuple(form.values()): judge(form, channel) for form in combinations(READS[channel])}


@pytest.mark.parametrize("channel", REACHABLE, ids=lambda c: c.api_name)
def test_a_settled_channel_stays_settled_whatever_an_unknown_fact_turns_out_to_be(
    channel: NotificationChannel,
) -> None:
    """Law: available or unavailable with a fact unknown means the same for each of its values.

    Checked one fact at a time over every combination, which by induction covers every way
    of filling in the unknown facts. Unknown means some value of some fact changes it.
    """
    names = READS[channel]
    table = _table(channel)
    for key, (status, _, missing) in table.items():
        filled = [
            table[other][0]
            for i, name in enumerate(names)
            if key[i] == 0 and name != "research"
            for value in range(1, SIZES[name])
            if not _contradicts(names, other := (*key[:i], value, *key[i + 1 :]))
        ]
        if status == "UNKNOWN":
            assert missing, key
        else:
            assert missing == ()
            assert all(other == status for other in filled), (key, status, filled)


def test_an_unknown_mailbox_is_read_from_both_records() -> None:
    """With KRR active and the mailbox not given: open only if both records open it."""
    names = READS[NotificationChannel.DIGITAL_MAILBOX]
    for form in combinations(names):
        if form["krr-status"] != 1 or form["digital-mailbox"] != 0:
            continue
        ways = {judge({**form, "digital-mailbox": v}, REACHABLE[1])[0] for v in (1, 2)}
        status = judge(form, REACHABLE[1])[0]
        assert status == (ways.pop() if len(ways) == 1 else "UNKNOWN"), form


def _library(form: Mapping[str, int], channel: NotificationChannel) -> Judged | None:
    """The library's own answer where a PatientFacts can hold the form; None where not."""
    aktiv = form.get("krr-status") == 1
    if aktiv and (form.get("digital-mailbox", 0) == 0 or form.get("contact-updated", 0) == 0):
        return None
    made, research = support_facts.facts(form)
    eligibility = assess(made, research=research)
    return (
        eligibility.status(channel).name,
        eligibility.reasons(channel),
        eligibility.missing(channel),
    )


@pytest.mark.parametrize("channel", REACHABLE, ids=lambda c: c.api_name)
def test_the_page_shows_the_librarys_answer_for_every_combination_of_a_channels_facts(
    page: Page, channel: NotificationChannel
) -> None:
    names = READS[channel]
    forms = list(combinations(names))
    shown = page.evaluate(
        """([channel, names, forms]) => forms.map((values) => {
            const idx = Object.fromEntries(F.fields.map(([name]) => [name, 0]));
            names.forEach((name, i) => { idx[name] = values[i]; });
            const [status, reasons, missing] = judge(channel, idx);
            return [status, reasons.map((n) => F.reasons.en[n]), missing.map((n) => F.facts[n])];
        })""",
        [REACHABLE.index(channel), list(names), [list(form.values()) for form in forms]],
    )
    for form, (status, reasons, missing) in zip(forms, shown, strict=True):
        expected = judge(form, channel)
        assert status == STATUS[expected[0]], form
        assert reasons == [r.describe(lang="en") for r in expected[1]], form
        assert missing == list(expected[2]), form
        library = _library(form, channel)
        if library is not None:
            assert library == expected, form


def test_every_age_falls_in_the_class_the_library_judges_it_by(page: Page) -> None:
    classes = page.evaluate(
        "(ages) => ages.map((age) => ageClass(age))",
        [str(age) for age in range(151)] + ["", "x", "151", "-1", "1.5"],
    )
    assert classes[151:] == [0, 0, 0, 0, 0]
    for age, klass in enumerate(classes[:151]):
        for channel in REACHABLE:
            form = {"age": klass, "level4-eid": 1, "consent": 1, "representable": 2}
            made = PatientFacts(
                reference_time=support_facts.REFERENCE,
                age=age,
                level4_eid=True,
                helsenorge_consent=HelsenorgeConsent.FULL,
                helsenorge_representable=False,
            )
            eligibility = assess(made)
            assert judge(form, channel)[0] == eligibility.status(channel).name, (age, channel)
            assert judge(form, channel)[1] == eligibility.reasons(channel), (age, channel)


def test_a_contact_date_is_within_18_months_exactly_when_the_library_says(page: Page) -> None:
    days = [date(2023, 1, 1) + timedelta(days=n) for n in range(0, 6 * 366, 3)]
    pairs = []
    for day in days:
        since = months_before(day, FRESH_MONTHS)
        pairs += [(since - timedelta(days=1), day), (since, day), (day, day)]
    shown = page.evaluate(
        """(pairs) => pairs.map(([c, r]) => [contactClass("date", c, r), monthsBefore(r, 18)])""",
        [[c.isoformat(), r.isoformat()] for c, r in pairs],
    )
    assert page.evaluate("F.freshMonths") == FRESH_MONTHS
    for (contact, reference), (klass, since) in zip(pairs, shown, strict=True):
        assert since == months_before(reference, FRESH_MONTHS).isoformat()
        record = KrrRecord(
            status=KrrStatus.AKTIV,
            email="(oppgitt)",
            email_updated=datetime.combine(contact, time(), OSLO),
        )
        made = PatientFacts(reference_time=datetime.combine(reference, time(12), OSLO), krr=record)
        activity = activity_of(made)
        assert isinstance(activity, tuple)
        assert klass == (1 if activity[0] == "current" else 2), (contact, reference)
    assert page.evaluate("""() => [contactClass("none", "", ""), contactClass("", "", "2026-01-01"),
        contactClass("date", "2026-02-30", "2026-03-01")]""") == [3, 0, 0]


def test_the_partial_availability_index_is_the_tables(page: Page) -> None:
    partials = support_facts.partials()
    codes = {True: 0, False: 1, None: 2}
    shown = page.evaluate(
        "(all) => all.map((statuses) => partialIndex(statuses.map((s) => [s])))",
        [[codes[flag] for flag in p.to_dict().values()] for p in partials],
    )
    assert shown == list(range(len(partials)))


def test_a_typo_in_the_rule_gets_the_librarys_suggestion(page: Page) -> None:
    names = [rule.api_name for rule in DistributionRule]
    typos = ["Basci", "", "x", "basic", "PaperOnyl", "Helsenorge", "nodistribution!", "Allow"]
    for name in names:
        typos += [name[:i] + name[i + 1 :] for i in range(len(name))]
        typos += [name[:i] + name[i + 1] + name[i] + name[i + 2 :] for i in range(len(name) - 1)]
        typos += [name + "Q", "Z" + name[1:]]
    shown = page.evaluate("([typos, names]) => typos.map((t) => nearest(t, names))", [typos, names])
    assert shown == [nearest(typo, names) for typo in typos]


GOT = {
    "ingen": NotificationChannel.NONE,
    **dict(zip(("helsenorge", "digipost", "sms", "papir"), REACHABLE, strict=True)),
}
# Facts as a worker gives them in a link, and as the library is given them. Each fact is left
# unknown in some and given in others. Tickets a support desk got: a 17-year-old with consent
# who got an SMS (the second), and the last four: 80 years old without BankID, a reserved
# patient with a digital mailbox, a research reservation, contact details two years old.
CASES = [
    "",
    "age=17&consent=full",
    "age=15&level4-eid=yes&consent=full&representable=no&postal-address=yes",
    (
        "age=40&level4-eid=yes&consent=limited&krr-status=active&reserved=no&can-notify=yes"
        "&contact-updated=2026-01-10&reference-time=2026-06-01&digital-mailbox=yes"
    ),
    (
        "age=40&level4-eid=yes&krr-status=active&reserved=yes&can-notify=no"
        "&contact-updated=none&digital-mailbox=no&postal-address=no"
    ),
    "age=70&bankid=ja&samtykke=ingen&krr-status=slettet&postadresse=ja",
    "age=12&representable=yes&research=yes&research-reserved=yes",
    "level4-eid=no&postal-address=yes",
    (
        "age=30&level4-eid=yes&consent=full&krr-status=active&can-notify=yes&reserved=no"
        "&contact-updated=2020-01-01&reference-time=2026-06-01&digital-mailbox=yes"
    ),
    "age=14&consent=none&representable=yes&krr-status=not-registered&postal-address=no",
    "research=yes&consent=full&level4-eid=yes",
    (
        "age=50&krr-status=active&reserved=no&contact-updated=2026-05-01"
        "&reference-time=2026-06-01&digital-mailbox=no"
    ),
    "age=80&level4-eid=no",
    (
        "krr-status=active&reserved=yes&contact-updated=2026-03-01&reference-time=2026-06-01"
        "&digital-mailbox=yes"
    ),
    "age=35&research=yes&research-reserved=yes&level4-eid=yes&consent=full",
    (
        "age=45&level4-eid=yes&krr-status=active&contact-updated=2024-06-01"
        "&reference-time=2026-06-01&digital-mailbox=no"
    ),
]
YES = {"yes": True, "ja": True, "no": False, "nei": False}
CONSENT = {"full": "full", "limited": "limited", "ingen": "none", "none": "none"}
KRR_STATUS = {
    "active": KrrStatus.AKTIV,
    "slettet": KrrStatus.SLETTET,
    "not-registered": KrrStatus.IKKE_REGISTRERT,
}


def _facts(query: str) -> tuple[PatientFacts, bool]:
    """The facts a link's query gives, built by hand as the library takes them."""
    given = dict(part.split("=") for part in query.split("&") if part)
    given.pop("got", None)
    for bokmal, english in (("bankid", "level4-eid"), ("samtykke", "consent")):
        given[english] = given.pop(bokmal, given.get(english, ""))
    given["postal-address"] = given.pop("postadresse", given.get("postal-address", ""))
    day = date.fromisoformat(given.get("reference-time", "2026-06-01"))
    krr = None
    if "krr-status" in given:
        updated = given.get("contact-updated", "none")
        when = None if updated == "none" else date.fromisoformat(updated)
        krr = KrrRecord(
            status=KRR_STATUS[given["krr-status"]],
            reserved=YES.get(given.get("reserved", "")),
            can_notify=YES.get(given.get("can-notify", "")),
            email=None if when is None else "(oppgitt)",
            email_updated=None if when is None else datetime.combine(when, time(), OSLO),
            mailbox_address="(oppgitt)" if given.get("digital-mailbox") == "yes" else None,
        )
    consent = CONSENT.get(given["consent"])
    made = PatientFacts(
        reference_time=datetime.combine(day, time(12), OSLO),
        age=int(given["age"]) if "age" in given else None,
        level4_eid=YES.get(given.get("level4-eid", "")),
        helsenorge_consent=None if consent is None else HelsenorgeConsent(consent),
        helsenorge_representable=YES.get(given.get("representable", "")),
        research_reserved=YES.get(given.get("research-reserved", "")),
        krr=krr,
        postal_address=YES.get(given.get("postal-address", "")),
    )
    return made, given.get("research") == "yes"


def _shown(page: Page, fragment: str) -> dict[str, object]:
    return page.evaluate(  # type: ignore[no-any-return]
        """(fragment) => {
            history.replaceState(null, "", fragment);
            window.dispatchEvent(new HashChangeEvent("hashchange"));
            const all = (sel) => [...document.querySelectorAll(sel)];
            const items = (sel) => all(sel).map((li) => ({...li.dataset}));
            return {
                channels: items("#facts-answer li[data-status]"),
                cases: items("#facts-answer li[data-assuming]"),
                result: all("#facts-answer .result").map((p) => p.innerText),
                inconsistent: all("#facts-diagnosis .inconsistent").map((p) => p.dataset.facts),
                diagnosis: items("#facts-diagnosis li"),
                text: document.getElementById("panel-facts").innerText,
            };
        }""",
        fragment,
    )


def _expected_diagnosis(found: FactsDiagnosis) -> list[dict[str, str]]:
    """The page's list for the library's diagnosis: per channel that must have been closed,
    why (the facts known close it), what must hold and what to check; then the rest."""
    reasons = list(Reason)
    explained, must, check = dict(found.explained), dict(found.must), dict(found.check)
    said = []
    for ch in found.diagnosis.must_be_unavailable:
        channel = str(ch.value)
        if ch in explained:
            why = ",".join(str(reasons.index(r)) for r in explained[ch])
            said.append({"kind": "explained", "channel": channel, "reasons": why})
        elif ch not in must and ch not in check:
            said.append({"kind": "closed", "channel": channel})
        if ch in must:
            why = ",".join(str(reasons.index(r)) for r in must[ch])
            said.append({"kind": "must", "channel": channel, "reasons": why})
        if ch in check:
            said.append({"kind": "check", "channel": channel, "facts": ",".join(check[ch])})
    for kind, channels in (
        ("available", found.diagnosis.must_be_available),
        ("either", found.diagnosis.irrelevant),
    ):
        said += [{"kind": kind, "channel": str(ch.value)} for ch in channels]
    return said


def test_the_facts_tab_shows_the_librarys_cases_and_diagnosis(page: Page) -> None:
    """The cases are explain's (only those the facts allow), the diagnosis is diagnose's."""
    fields = list(CHANNEL_FIELDS.values())
    for query, rule, (word, got) in itertools.product(CASES, DistributionRule, GOT.items()):
        made, research = _facts(query)
        eligibility = assess(made, research=research)
        fragment = f"#rule={rule.api_name}&{query}&got={word}&lang=en".replace("&&", "&")
        shown = _shown(page, fragment)
        channels = shown["channels"]
        assert isinstance(channels, list)
        statuses = [(int(c["channel"]), int(c["status"]), c["facts"]) for c in channels]
        assert statuses == [
            (
                ch.value,
                STATUS[eligibility.status(ch).name],
                ",".join(sorted(eligibility.missing(ch), key=LIKELY.index)),
            )
            for ch in REACHABLE
        ], fragment
        possible = possible_decisions(rule, eligibility.partial).within(
            possible_availabilities(made, research=research)
        )
        if possible.settled:
            decision = possible.cases[0].decision
            assert shown["cases"] == [], fragment
            if decision.outcome is Outcome.NOT_DISTRIBUTED:  # nothing sent, on purpose
                assert shown["result"] == [PHRASES["en"]["result_NOT_DISTRIBUTED"]], fragment
            elif decision.channel is NotificationChannel.NONE:
                assert shown["result"] == [PAGE_TEXTS["en"]["settled_none"]], fragment
            else:
                assert shown["result"] == [RESULTS["en"][decision.channel.name]], fragment
        else:
            assert shown["result"] == [], fragment  # nothing definite while a case is open
            assert shown["cases"] == [
                {
                    "channel": str(case.decision.channel.value),
                    "assuming": ",".join(
                        f"{fields.index(k)}:{int(v)}" for k, v in case.assuming.items()
                    ),
                }
                for case in possible.cases
            ], fragment
        found = diagnose_facts(rule, got=got, facts=made, research=research)
        if not found.diagnosis.consistent:
            assert shown["inconsistent"] == [",".join(found.suspects)], fragment
            assert shown["diagnosis"] == [], fragment
            continue
        assert shown["inconsistent"] == [], fragment
        assert shown["diagnosis"] == _expected_diagnosis(found), fragment


def test_basic_nothing_known_and_a_digital_mailbox_says_what_must_hold(page: Page) -> None:
    """By hand: Digipost worked, so BankID and KRR were fine; Helsenorge was closed by consent
    and representation, which must both fail, and nothing else is left to check."""
    shown = _shown(page, "#rule=Basic&got=digipost&lang=en")
    assert shown["diagnosis"] == [
        {"kind": "must", "channel": "1", "reasons": "16,18"},  # no consent, not representable
        {"kind": "available", "channel": "2"},
        {"kind": "available", "channel": "3"},  # BankID and KRR let Digipost through
        {"kind": "either", "channel": "4"},
    ]
    text = shown["text"]
    assert isinstance(text, str)
    assert "Helsenorge: could not be used. So this must hold: " in text
    assert "Check" not in text.split("What the patient got")[-1]


def test_a_birth_date_gives_the_age_the_library_counts(page: Page) -> None:
    births = [date(2008, 2, 29), date(2010, 3, 1), date(2013, 12, 31), date(1950, 6, 15)]
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 800, 7)]
    days += [date(2026, 2, 28), date(2026, 3, 1), date(2028, 2, 28), date(2028, 2, 29)]
    pairs = [(born, day) for born in births for day in days]
    shown = page.evaluate(
        "(pairs) => pairs.map(([b, d]) => yearsBetween(b, d))",
        [[born.isoformat(), day.isoformat()] for born, day in pairs],
    )
    for (born, day), years in zip(pairs, shown, strict=True):
        made = PatientFacts(reference_time=datetime.combine(day, time(12), OSLO), birth_date=born)
        assert years == made.age_at_reference, (born, day)


def test_a_link_with_a_birth_date_is_judged_at_its_reference_time(page: Page) -> None:
    page.goto(f"{PAGE.as_uri()}#rule=Basic&birth-date=2010-03-01&reference-time=2026-02-28&lang=en")
    assert page.evaluate("indexes().age") == 2  # 15 years old: 13-15
    page.goto(
        f"{PAGE.as_uri()}#rule=Basic&fodselsdato=2010-03-01&reference-time=2026-03-01&lang=en"
    )
    assert page.evaluate("indexes().age") == 3  # 16 on the day: 16-17
    assert page.inner_text("#facts-link").endswith(
        "#rule=Basic&birth-date=2010-03-01&reference-time=2026-03-01&lang=en"
    )
