"""The support page in a real browser: every text it shows is the library's, offline, by keyboard.

The page (docs/support.html) is driven in headless Chromium through Playwright. CI installs the
browser; it never skips these tests (a missing browser fails the run there).
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import pytest

from distribution import (
    Availability,
    DistributionRule,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
    decide,
    decide_priority_list,
    explain,
    explain_decision,
    explain_reconciliation,
    reconcile,
)
from distribution.eprom.callbacks import (
    FormOrderStatusCallback,
    FormReturnCallback,
    MessageStatusCallback,
)
from distribution.patient._rules import REQUIREMENTS
from tests.helpers.browser import PAGE

if TYPE_CHECKING:
    from playwright.sync_api import Page

FIELDS = ("helsenorge", "digital_mailbox", "krr_contact", "paper")
ID = "00000000-0000-0000-0000-000000000001"


def show(page: Page, fragment: str) -> tuple[str, str]:
    """Follow a deep link (a new fragment) and return the explanation and verdict shown."""
    return page.evaluate(  # type: ignore[no-any-return]
        """(fragment) => {
            history.replaceState(null, "", fragment);
            window.dispatchEvent(new HashChangeEvent("hashchange"));
            return [document.getElementById("explanation").innerText,
                    document.getElementById("verdict").innerText];
        }""",
        fragment,
    )


def _available(a: Availability) -> str:
    return ",".join(name for name in FIELDS if a.to_dict()[name]) or "ingen"


def test_the_page_is_one_small_file_with_nothing_from_outside() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert len(text.encode()) <= 1024 * 1024
    assert "http://" not in text
    assert "https://" not in text
    assert "<link" not in text
    assert "src=" not in text


def test_every_rule_availability_and_language_shows_the_librarys_explanation(page: Page) -> None:
    for lang in ("nb", "en"):
        for rule in DistributionRule:
            for a in Availability.all():
                shown, _ = show(
                    page, f"#rule={rule.api_name}&available={_available(a)}&lang={lang}"
                )
                assert shown == explain(rule, a, lang=lang), (lang, rule, a)


def test_priority_lists_show_the_librarys_explanation(page: Page) -> None:
    reachable = list(NotificationChannel)[1:]
    for order in itertools.islice(itertools.permutations(reachable, 3), 0, 24, 5):
        for a in Availability.all()[::3]:
            names = ",".join(channel.api_name for channel in order)
            shown, _ = show(page, f"#list={names}&available={_available(a)}&lang=nb")
            assert shown == explain_decision(decide_priority_list(order, a), lang="nb")


ORDER_STATUSES = [
    (
        "Ordered",
        lambda c: FormOrderStatusCallback(
            form_order_id=ID, channel=c, status=FormOrderStatus.ORDERED
        ),
    ),
    (
        "Completed",
        lambda c: FormReturnCallback(form_order_id=ID, channel=c, status=FormOrderStatus.COMPLETED),
    ),
    (
        "Expired",
        lambda c: FormReturnCallback(form_order_id=ID, channel=c, status=FormOrderStatus.EXPIRED),
    ),
    (
        "Error",
        lambda c: FormOrderStatusCallback(
            form_order_id=ID,
            channel=c,
            status=FormOrderStatus.ERROR,
            error_code=FormOrderStatusErrorCode.PATIENT_UNREACHABLE,
        ),
    ),
    (
        "SikkerDigitalPostError",
        lambda c: FormOrderStatusCallback(
            form_order_id=ID,
            channel=c,
            status=FormOrderStatus.ERROR,
            error_code=FormOrderStatusErrorCode.SIKKER_DIGITAL_POST_ERROR,
        ),
    ),
    (
        "PhysicalMailReturned",
        lambda c: FormOrderStatusCallback(
            form_order_id=ID, channel=c, status=FormOrderStatus.PHYSICAL_MAIL_RETURNED
        ),
    ),
]


def test_a_sample_of_callbacks_shows_the_librarys_verdict(page: Page) -> None:
    cases = itertools.product(
        [
            DistributionRule.BASIC_OR_PAPER,
            DistributionRule.ALLOW_UNSECURE,
            DistributionRule.NO_DISTRIBUTION,
        ],
        [Availability(paper=True), Availability(krr_contact=True), Availability()],
        NotificationChannel,
        ORDER_STATUSES,
    )
    for rule, a, channel, (status, make) in cases:
        fragment = (
            f"#rule={rule.value}&available={_available(a)}&lang=en"
            f"&channel={channel.value}&status={status}"
        )
        _, verdict = show(page, fragment)
        judged = reconcile(decide(rule, a), make(channel))
        assert verdict == explain_reconciliation(judged, lang="en"), fragment
    for sent in SentStatus:
        for channel in NotificationChannel:
            decision = decide_priority_list(["sms", "papir"], Availability(paper=True))
            fragment = (
                "#list=sms,papir&available=papir&lang=nb"
                f"&channel={channel.api_name}&status={sent.api_name}"
            )
            _, verdict = show(page, fragment)
            callback = MessageStatusCallback(message_to_citizen_id=ID, channel=channel, status=sent)
            judged = reconcile(decision, callback)
            assert verdict == explain_reconciliation(judged, lang="nb"), fragment


@pytest.mark.parametrize(
    ("fragment", "rule", "available", "lang"),
    [
        (
            "#rule=3&available=Papir,SMS&lang=nb-NO",
            DistributionRule.BASIC_OR_PAPER,
            ("paper", "krr_contact"),
            "nb",
        ),
        (
            "#rule=basic_or_paper&available=digipost&lang=EN-gb",
            DistributionRule.BASIC_OR_PAPER,
            ("digital_mailbox",),
            "en",
        ),
        (
            "#rule=HelsenorgeOnly&available=hn,e-post&lang=no",
            DistributionRule.HELSENORGE_ONLY,
            ("helsenorge", "krr_contact"),
            "nb",
        ),
        (
            "#rule=nodistribution&available=ingen&lang=en",
            DistributionRule.NO_DISTRIBUTION,
            (),
            "en",
        ),
    ],
)
def test_deep_links_take_the_command_lines_spellings(
    page: Page, fragment: str, rule: DistributionRule, available: tuple[str, ...], lang: str
) -> None:
    page.goto(PAGE.as_uri() + fragment)
    a = Availability(**dict.fromkeys(available, True))
    assert page.inner_text("#explanation") == explain(rule, a, lang=lang)  # type: ignore[arg-type]
    checked = [page.is_checked(f"#available-{i}") for i in range(4)]
    assert checked == [name in available for name in FIELDS]
    assert page.evaluate("document.documentElement.lang") == lang


def test_a_deep_link_with_a_callback_opens_with_the_verdict(page: Page) -> None:
    page.goto(
        PAGE.as_uri()
        + "#rule=BasicOrPaper&available=digital_mailbox,paper&lang=nb&channel=4&status=Ordered"
    )
    decision = decide("BasicOrPaper", Availability(digital_mailbox=True, paper=True))
    callback = FormOrderStatusCallback(
        form_order_id=ID,
        channel=NotificationChannel.PHYSICAL_MAILBOX,
        status=FormOrderStatus.ORDERED,
    )
    assert page.inner_text("#verdict") == explain_reconciliation(
        reconcile(decision, callback), lang="nb"
    )
    assert page.is_visible("#verdict")


def test_a_misspelt_rule_is_named_with_the_nearest_and_no_other_rule_is_answered(
    page: Page,
) -> None:
    page.goto(PAGE.as_uri() + "#rule=Basci&available=papir&lang=nb")
    assert page.is_visible("#bad-link")
    assert page.inner_text("#bad-link") == "Ukjent regel «Basci» i lenken. Mente du Basic?"
    assert page.inner_text("#explanation") == ""
    assert page.input_value("#rule") == "-1"
    page.goto(PAGE.as_uri() + "#rule=Basci&age=17&got=sms&lang=en")
    assert page.inner_text("#bad-link") == "Unknown rule «Basci» in the link. Did you mean Basic?"
    assert page.inner_text("#facts-answer") == ""
    assert not page.is_visible("#facts-diagnosis")
    page.goto(PAGE.as_uri() + "#rule=Zzzzzzzz&lang=nb")
    assert (
        page.inner_text("#bad-link") == "Ukjent regel «Zzzzzzzz» i lenken. Velg regelen i listen."
    )


def test_a_parameter_the_page_does_not_understand_is_said_and_skipped(page: Page) -> None:
    page.goto(PAGE.as_uri() + "#rule=Basic&available=papir&level4-eid=kanskje&colour=red&lang=en")
    warning = page.inner_text("#bad-link")
    assert "level4-eid" in warning
    assert "colour" in warning
    assert page.evaluate("facts.idx['level4-eid']") == 0  # left unknown


def test_the_link_shown_is_the_case_on_the_page(page: Page) -> None:
    page.goto(PAGE.as_uri() + "#rule=4&available=paper&lang=en")
    link = page.inner_text("#link")
    assert link.endswith("#rule=AllowUnsecureOrPaper&available=paper&lang=en")


def test_the_page_can_be_used_with_the_keyboard_alone(page: Page) -> None:
    page.goto(PAGE.as_uri() + "#rule=Basic&available=ingen&lang=nb")
    page.keyboard.press("Tab")  # the first control: the language buttons
    focused = page.evaluate("document.activeElement.dataset.lang")
    assert focused == "nb"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # English
    assert page.evaluate("document.documentElement.lang") == "en"
    # On to the rule list: choose the next rule with the arrow key.
    page.focus("#rule")
    page.keyboard.press("ArrowDown")
    assert page.inner_text("#explanation") == explain("AllowUnsecure", Availability(), lang="en")
    # Tab to the first channel box and tick it with the space bar.
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.inner_text("#explanation") == explain(
        "AllowUnsecure", Availability(helsenorge=True), lang="en"
    )
    # The second tab is reached with the arrow keys on the tab list.
    page.focus("#tab-explain")
    page.keyboard.press("ArrowRight")
    assert page.is_visible("#facts-form")
    page.keyboard.press("ArrowRight")
    assert page.is_visible("#matrix")
    assert not page.is_visible("#explanation")


def test_every_control_has_a_label_and_focus_is_visible(page: Page) -> None:
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll("input, select")]
               .filter((c) => c.labels.length === 0).map((c) => c.id)"""
    )
    assert unlabelled == []
    page.focus("#rule")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_the_print_tab_has_the_matrix_the_checklist_and_the_triage(page: Page) -> None:
    page.goto(PAGE.as_uri() + "#rule=Basic&available=ingen&lang=nb")
    page.click("#tab-print")
    checklist = page.inner_text("#checklist")
    for reasons in REQUIREMENTS.values():
        for reason in reasons:
            assert reason.describe(lang="nb") in checklist
    assert "Helsenorge kan ikke brukes når pasienten:" in checklist
    assert page.locator("#triage li").count() == 4
    assert page.locator("#matrix tr").count() == 17  # the header and the 16 availabilities
    page.emulate_media(media="print")
    assert not page.is_visible("#form")


A4_WIDTH = round((210 - 2 * 12) / 25.4 * 96)  # A4 less the print margins, in CSS pixels


def test_the_overview_prints_on_a4_without_cutting_the_table(page: Page) -> None:
    page.set_viewport_size({"width": A4_WIDTH, "height": 1000})
    page.goto(PAGE.as_uri() + "#tab=print&lang=nb")
    page.emulate_media(media="print")
    widths = page.evaluate(
        """() => [document.documentElement.scrollWidth,
                  document.getElementById("matrix").getBoundingClientRect().right,
                  document.getElementById("matrix").scrollWidth]"""
    )
    assert max(widths) <= A4_WIDTH, widths
    assert page.is_visible("#matrix")
    assert not page.is_visible("#facts-form")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 3, pages


def test_a_long_link_never_scrolls_the_page_sideways(page: Page) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    long = (
        "#rule=AllowUnsecureOrPaper&age=17&level4-eid=yes&consent=limited&representable=no"
        "&research=yes&research-reserved=no&krr-status=active&reserved=no&can-notify=yes"
        "&contact-updated=2026-01-10&reference-time=2026-06-01&digital-mailbox=no"
        "&postal-address=yes&got=papir&lang=nb"
    )
    for fragment in (long, "#rule=BasicOrPaper&available=hn,digipost,sms,papir&channel=4"):
        page.goto(PAGE.as_uri() + fragment)
        for tab in ("#tab-explain", "#tab-facts", "#tab-print"):
            page.click(tab)
            scroll = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert scroll[0] <= scroll[1], (fragment, tab, scroll)


def test_the_bokmal_page_shows_api_names_only_in_parentheses(page: Page) -> None:
    page.goto(PAGE.as_uri() + "#rule=AllowUnsecure&age=17&consent=full&got=sms&lang=nb")
    rules = page.eval_on_selector_all("#rule option", "(os) => os.map((o) => o.textContent)")
    for rule, label in zip(DistributionRule, rules, strict=True):
        assert label.endswith(f" ({rule.value} {rule.api_name})"), label
        assert not label.startswith((str(rule.value), rule.api_name)), label
    statuses = page.evaluate("D.ui.nb.orderStatuses")
    assert statuses[:2] == ["Bestilt (2 Ordered)", "Besvart (0 Completed)"]
    shown = page.evaluate(
        """() => ["facts-fields", "got", "facts-answer", "facts-diagnosis"]
               .map((id) => document.getElementById(id).textContent).join("\\n")"""
    )
    api = [c.api_name for c in NotificationChannel if c.api_name != "Helsenorge"]
    api += [rule.api_name for rule in DistributionRule]
    assert [name for name in api if name in shown] == []
    assert "SMS eller e-post" in shown


def test_a_deep_link_opens_the_facts_tab_with_the_facts_and_what_the_patient_got(
    page: Page,
) -> None:
    page.goto(PAGE.as_uri() + "#rule=AllowUnsecure&age=17&consent=full&got=sms&lang=nb")
    assert page.is_visible("#facts-form")
    assert not page.is_visible("#form")
    assert page.input_value("#fact-age") == "17"
    assert page.input_value("#fact-consent") == "1"
    assert page.input_value("#got") == "3"
    assert page.input_value("#facts-rule") == "1"
    assert page.inner_text("#facts-link").endswith(
        "#rule=AllowUnsecure&age=17&consent=full&got=sms&lang=nb"
    )
    diagnosis = page.inner_text("#facts-diagnosis")
    # A 17-year-old with full consent who got an SMS: BankID and current KRR data would have
    # opened Helsenorge, so something given is wrong (the library's diagnose_facts).
    assert diagnosis.startswith(
        "Dette stemmer ikke: med regelen og opplysningene over kunne ePROM ikke velge SMS eller"
    )
    assert diagnosis.endswith(
        "Sjekk om pasienten har gitt fullt samtykke på Helsenorge og pasientens alder."
    )
    # Bokmål spellings and the options without their dashes are the same link.
    page.goto(PAGE.as_uri() + "#rule=1&alder=17&samtykke=full&fikk=e-post&lang=nb")
    assert page.inner_text("#facts-link").endswith(
        "#rule=AllowUnsecure&age=17&consent=full&got=sms&lang=nb"
    )
    page.goto(PAGE.as_uri() + "#rule=Basic&level4eid=ja&krrstatus=aktiv&lang=en")
    assert page.inner_text("#facts-link").endswith(
        "#rule=Basic&level4-eid=yes&krr-status=active&lang=en"
    )


def test_each_tab_can_be_linked_and_the_link_follows_the_form(page: Page) -> None:
    page.goto(PAGE.as_uri() + "#tab=facts&rule=Basic&lang=en")
    assert page.is_visible("#facts-form")
    assert page.inner_text("#facts-link").endswith("#tab=facts&rule=Basic&lang=en")
    page.fill("#fact-age", "15")
    page.select_option("#fact-level4-eid", "1")
    page.select_option("#fact-krr-status", "1")
    page.select_option("#fact-contact-updated", "date")
    page.fill("#fact-contact-date", "2026-01-31")
    page.fill("#fact-reference", "2026-06-01")
    page.dispatch_event("#fact-reference", "change")
    page.select_option("#got", "0")
    link = page.inner_text("#facts-link")
    assert link.endswith(
        "#rule=Basic&age=15&level4-eid=yes&krr-status=active"
        "&contact-updated=2026-01-31&reference-time=2026-06-01&got=ingen&lang=en"
    )
    shown = page.inner_text("#facts-answer")
    page.goto("about:blank")
    page.goto(link)
    assert page.inner_text("#facts-answer") == shown
    page.click("#tab-print")
    assert page.inner_text("#link").split("#")[1].startswith("tab=print&")
    page.goto(PAGE.as_uri() + "#tab=print&rule=Basic&available=ingen&lang=nb")
    assert page.is_visible("#matrix")


def test_nothing_is_stated_as_settled_while_a_fact_could_change_it(page: Page) -> None:
    page.goto(PAGE.as_uri() + "#rule=BasicOrPaper&lang=nb")
    text = page.inner_text("#facts-answer")
    assert "Kan ikke avgjøres ennå." in text
    assert "Resultat" not in text
    page.goto(PAGE.as_uri() + "#rule=PaperOnly&postal-address=yes&lang=nb")
    assert "Resultat: pasienten får papirbrev i posten." in page.inner_text("#facts-answer")


def test_a_closed_channel_is_said_closed_by_what_closes_it(page: Page) -> None:
    """A 15-year-old: the mailbox is closed by the age, not by the facts nobody gave."""
    page.goto(PAGE.as_uri() + "#tab=facts&rule=Basic&age=15&lang=nb")
    mailbox = page.inner_text('#facts-answer li[data-channel="2"]')
    assert mailbox == (
        "Sikker digital postkasse (Digipost/e-Boks): kan ikke brukes. Hvorfor: pasienten er"
        " under 18 år."
    )
    assert "fordi" not in page.inner_text("#facts-answer")  # "fordi vi vet ikke" is bad bokmål


def test_no_distribution_in_the_facts_tab_sends_nothing_on_purpose(page: Page) -> None:
    page.goto(PAGE.as_uri() + "#tab=facts&rule=NoDistribution&age=40&lang=nb")
    text = page.inner_text("#facts-answer")
    assert "Resultat: ingenting sendes. Med NoDistribution gir bestillersystemet" in text
    assert "kan ikke nås" not in text
