"""Build docs/support.html: the first line's explainer page, one offline file (a developer tool).

Every text on the page is rendered here, by the library, when the page is generated: each
explanation (``explain``/``explain_decision``), each verdict (``reconcile(...).explain``), the
matrix and the labels. The page's script only parses the link, keeps the choices the worker
made, and looks the pre-rendered text up in tables; it holds no rule. The tests drive the page in
a real browser and compare every text it shows with the library's.

Texts are stored once: ``lines`` holds every distinct line, ``texts`` every distinct text as line
numbers, and the tables hold text numbers.

The facts tab's tables (eligibility per channel, possible decisions, the values tried for each
fact not known) are made by :mod:`tools.support_facts`; its script, ``facts.js``, looks them up,
goes through the completions of the facts as the library does, and fills in words.

The page's markup, style sheet and scripts are files in ``tools/support_page/`` (``page.html``,
``page.css``, ``page.js``, ``facts.js``); this module fills in the data and the title. It
changes when what the page shows changes; the look and the behaviour change in those files.
"""

from __future__ import annotations

import html
import itertools
import json
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from distribution import (
    Availability,
    DistributionRule,
    FormOrderStatus,
    FormOrderStatusErrorCode,
    NotificationChannel,
    SentStatus,
    decide,
    decide_priority_list,
    explain_decision,
    explain_reconciliation,
    reconcile,
)
from distribution._texts import (
    CHANNEL_LABELS,
    CHANNEL_NAMES,
    LANGUAGES,
    Lang,
)
from distribution.availability import CHANNEL_FIELDS, CHANNEL_WORDS
from distribution.eprom.callbacks import (
    FormOrderStatusCallback,
    FormReturnCallback,
    MessageStatusCallback,
)
from distribution.patient._rules import REQUIREMENTS
from distribution.presentation._texts import CHANNEL_REACH, PHRASES, RESULTS
from distribution.presentation.decision import meaning
from distribution.presentation.tables import grid
from tools import support_facts
from tools.page_texts import FACT_CHOICES, PAGE

if TYPE_CHECKING:
    from collections.abc import Callable

    from distribution.engine import Decision
    from distribution.eprom.callbacks import Callback

TEMPLATES = Path(__file__).with_suffix("")  # tools/support_page/, beside this module
S, E, C = FormOrderStatus, FormOrderStatusErrorCode, NotificationChannel
ID = "00000000-0000-0000-0000-000000000001"
REACHABLE = tuple(CHANNEL_FIELDS)
PRIORITY_LISTS = tuple(
    order for length in range(1, 5) for order in itertools.permutations(REACHABLE, length)
)
# The statuses a form order's callback can report, as the page offers them: (key, status, error).
ORDER_STATUSES = (
    ("Ordered", S.ORDERED, E.NONE),
    ("Completed", S.COMPLETED, None),
    ("Expired", S.EXPIRED, None),
    ("Error", S.ERROR, E.PATIENT_UNREACHABLE),
    ("SikkerDigitalPostError", S.ERROR, E.SIKKER_DIGITAL_POST_ERROR),
    ("PhysicalMailReturned", S.PHYSICAL_MAIL_RETURNED, E.NONE),
    ("DigipostDelivered", S.DIGIPOST_DELIVERED, E.NONE),
)
MESSAGE_STATUSES = (("Sent", SentStatus.SENT), ("Error", SentStatus.ERROR))


def order_callback(channel: NotificationChannel, index: int) -> Callback:
    """Return the form order callback the page's status choice *index* stands for."""
    _, status, error = ORDER_STATUSES[index]
    if error is None:
        return FormReturnCallback(form_order_id=ID, channel=channel, status=status)
    return FormOrderStatusCallback(
        form_order_id=ID, channel=channel, status=status, error_code=error
    )


def message_callback(channel: NotificationChannel, index: int) -> Callback:
    """Return the message callback the page's status choice *index* stands for."""
    return MessageStatusCallback(
        message_to_citizen_id=ID, channel=channel, status=MESSAGE_STATUSES[index][1]
    )


class _Store:
    """Every distinct line and text once; tables refer to them by number."""

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.texts: dict[str, int] = {}

    def text(self, text: str) -> int:
        key = ".".join(
            str(self.lines.setdefault(line, len(self.lines))) for line in text.split("\n")
        )
        return self.texts.setdefault(key, len(self.texts))


def _explanations(
    store: _Store,
    decision: Decision,
    lang: Lang,
    make: Callable[[NotificationChannel, int], Callback],
    count: int,
) -> list[object]:
    """Return the explanation of *decision*, then per callback channel the verdicts per status."""
    return [
        store.text(explain_decision(decision, lang=lang)),
        [
            [
                store.text(explain_reconciliation(reconcile(decision, make(channel, i)), lang=lang))
                for i in range(count)
            ]
            for channel in NotificationChannel
        ],
    ]


def data() -> dict[str, object]:
    """Return everything the page shows, rendered by the library, in both languages."""
    store = _Store()
    rules: dict[str, object] = {}
    lists: dict[str, object] = {}
    for lang in LANGUAGES:
        rules[lang] = [
            [
                _explanations(store, decide(rule, a), lang, order_callback, len(ORDER_STATUSES))
                for a in Availability.all()
            ]
            for rule in DistributionRule
        ]
        lists[lang] = {
            ",".join(str(ch.value) for ch in order): [
                _explanations(
                    store,
                    decide_priority_list(order, a),
                    lang,
                    message_callback,
                    len(MESSAGE_STATUSES),
                )
                for a in Availability.all()
            ]
            for order in PRIORITY_LISTS
        }
    return {
        "lines": list(store.lines),
        "texts": list(store.texts),
        "rules": rules,
        "lists": lists,
        "words": words(),
    }


def words() -> dict[str, object]:
    """Return the spellings a link may use, as the command line reads them: tables, no rule."""
    rules = {}
    for rule in DistributionRule:
        for spelling in (str(rule.value), rule.api_name, rule.name):
            rules[spelling.lower()] = rule.value
    channels = {word: channel.value for word, channel in CHANNEL_WORDS.items()}
    for channel in NotificationChannel:
        for spelling in (str(channel.value), channel.api_name, channel.name):
            channels[spelling.lower()] = channel.value
    order_status = {}
    for index, (key, status, _) in enumerate(ORDER_STATUSES):
        order_status[key.lower()] = index
        if key not in {"Error", "SikkerDigitalPostError"}:
            order_status[str(status.value)] = index
            order_status[status.name.lower()] = index
    order_status |= {
        "3": 3,
        "besvart": 1,
        "utgått": 2,
        "bestilt": 0,
        "feilet": 3,
        "brev i retur": 5,
        "levert": 6,
        "2": 0,
    }
    message_status = {"sent": 0, "0": 0, "sendt": 0, "error": 1, "1": 1, "feilet": 1}
    return {
        "rules": rules,
        "channels": channels,
        "none": ["", "ingen", "none", "-"],
        "orderStatus": order_status,
        "messageStatus": message_status,
        "languages": {"nb": "nb", "no": "nb", "nn": "nb", "en": "en"},
    }


def _status_label(
    status: FormOrderStatus | SentStatus, error: FormOrderStatusErrorCode | None, lang: Lang
) -> str:
    """Return "Bestilt (2 Ordered)": the status's word from its meaning, and its code."""
    word = meaning(status, lang).split(":")[0]
    code = f"{status.value} {status.api_name}"
    if error is not None and error is not E.NONE:
        code += f", {error.api_name}"
    return f"{word} ({code})"


def _options(lang: Lang) -> dict[str, object]:
    say = PAGE[lang]
    return {
        "page": dict(say),
        "rules": [
            f"{_sentence(meaning(rule, lang))} ({rule.value} {rule.api_name})"
            for rule in DistributionRule
        ],
        "channels": [CHANNEL_LABELS[lang][ch.name] for ch in NotificationChannel],
        "channelNames": [CHANNEL_NAMES[lang][ch.name] for ch in NotificationChannel],
        "reach": ["", *(CHANNEL_REACH[lang][ch.name] for ch in support_facts.REACHABLE)],
        "results": ["", *(RESULTS[lang][ch.name] for ch in support_facts.REACHABLE)],
        "notDistributed": PHRASES[lang]["result_NOT_DISTRIBUTED"],
        "factChoices": {
            name: [
                say[value]
                if values == support_facts.YES_NO
                else FACT_CHOICES[lang][f"{name}_{value}"]
                for value in values
            ]
            for name, values in support_facts.FIELDS
            if name not in {"age", "research", "contact-updated"}
        },
        "orderStatuses": [
            _status_label(status, error, lang) for _, status, error in ORDER_STATUSES
        ],
        "messageStatuses": [_status_label(status, None, lang) for _, status in MESSAGE_STATUSES],
        "matrix": grid(lang),
        "legend": say["legend"],
        "checklist": [
            [
                say["checklist_channel"].format(
                    channel=_capital(CHANNEL_LABELS[lang][channel.name])
                ),
                [reason.describe(lang=lang) for reason in reasons],
            ]
            for channel, reasons in REQUIREMENTS.items()
        ],
        "triage": [say[f"triage_{n}"] for n in range(1, 5)],
    }


def _sentence(text: str) -> str:
    """Return *text* without its last full stop: a label, not a sentence."""
    return text.removesuffix(".")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def template() -> str:
    """Return the page's HTML with its style sheet and script in place, the data still out."""
    page = (TEMPLATES / "page.html").read_text(encoding="utf-8")
    for name in ("page.css", "page.js", "facts.js"):
        # The placeholder stands alone on its line; the file brings its own last newline.
        page = page.replace(f"@@{name}@@\n", (TEMPLATES / name).read_text(encoding="utf-8"))
    return page


def build() -> str:
    """Return the whole page."""
    payload = {
        **data(),
        "ui": {lang: _options(lang) for lang in LANGUAGES},
        "ruleApi": [rule.api_name for rule in DistributionRule],
        "facts": support_facts.data(),
        "version": version("eprom-distribution"),
    }
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</" would end the element: JSON allows the escaped form.
    blob = blob.replace("</", "<\\/")
    say = PAGE["nb"]
    # The data last: no text inside it is ever read as a placeholder.
    return template().replace("@@TITLE@@", html.escape(say["title"])).replace("@@DATA@@", blob)
