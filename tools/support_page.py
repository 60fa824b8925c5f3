"""Build docs/support.html: the first line's explainer page, one offline file (a developer tool).

Every text on the page is rendered here, by the library, when the page is generated: each
explanation (``explain``/``explain_decision``), each verdict (``reconcile(...).explain``), the
matrix and the labels. The page's script only parses the link, keeps the choices the worker
made, and looks the pre-rendered text up in tables; it holds no rule. The tests drive the page in
a real browser and compare every text it shows with the library's.

Texts are stored once: ``lines`` holds every distinct line, ``texts`` every distinct text as line
numbers, and the tables hold text numbers.
"""

from __future__ import annotations

import html
import itertools
import json
from importlib.metadata import version
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
    reconcile,
)
from distribution._texts import (
    CHANNEL_LABELS,
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
from distribution.presentation._texts import LEGEND
from distribution.presentation.decision import meaning
from distribution.presentation.tables import grid
from tools.page_texts import PAGE

if TYPE_CHECKING:
    from collections.abc import Callable

    from distribution.engine import Decision
    from distribution.eprom.callbacks import Callback

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
                store.text(reconcile(decision, make(channel, i)).explain(lang=lang))
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
            f"{rule.value} {rule.api_name} – {meaning(rule, lang)}" for rule in DistributionRule
        ],
        "channels": [CHANNEL_LABELS[lang][ch.name] for ch in NotificationChannel],
        "orderStatuses": [
            f"{status.value} {status.api_name}"
            + (f" ({error.api_name})" if error and error is not E.NONE else "")
            for _, status, error in ORDER_STATUSES
        ],
        "messageStatuses": [f"{status.value} {status.api_name}" for _, status in MESSAGE_STATUSES],
        "matrix": grid(lang),
        "legend": LEGEND[lang]["legend"],
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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def build() -> str:
    """Return the whole page."""
    payload = {
        **data(),
        "ui": {lang: _options(lang) for lang in LANGUAGES},
        "version": version("eprom-distribution"),
    }
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "</" would end the element: JSON allows the escaped form.
    blob = blob.replace("</", "<\\/")
    say = PAGE["nb"]
    return TEMPLATE.replace("@@DATA@@", blob).replace("@@TITLE@@", html.escape(say["title"]))


TEMPLATE = """<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>@@TITLE@@</title>
<style>
:root { --ink: #1a1a1a; --muted: #444; --line: #767676; --accent: #00509e; --bg: #fff; --soft: #eef3f8; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--bg); margin: 0; }
header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 1rem; padding-top: 1rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
p.intro { color: var(--muted); max-width: 48rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: 0.5rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { margin-right: 1.25rem; display: inline-block; padding: 0.2rem 0; }
select { font: inherit; padding: 0.25rem; max-width: 100%; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); }
input[type=checkbox], input[type=radio] { width: 1.1rem; height: 1.1rem; vertical-align: -0.15rem; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
button { font: inherit; }
[role=tablist] { display: flex; gap: 0.25rem; border-bottom: 2px solid var(--accent); margin: 1rem 0; }
[role=tab] { border: 1px solid var(--line); border-bottom: none; background: var(--soft); color: var(--ink); padding: 0.4rem 0.9rem; border-radius: 6px 6px 0 0; cursor: pointer; }
[role=tab][aria-selected=true] { background: var(--accent); color: #fff; border-color: var(--accent); }
.lang button { border: 1px solid var(--accent); background: #fff; color: var(--accent); padding: 0.25rem 0.7rem; border-radius: 4px; cursor: pointer; }
.lang button[aria-pressed=true] { background: var(--accent); color: #fff; }
pre.text { white-space: pre-wrap; font: inherit; background: var(--soft); border-left: 4px solid var(--accent); padding: 0.75rem 1rem; margin: 0; }
.row { display: flex; flex-wrap: wrap; gap: 1rem; }
.row > div { min-width: 14rem; }
.hidden { display: none !important; }
.warning { color: #8a1c00; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { border: 1px solid var(--line); padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
code, .mono { font-family: ui-monospace, Consolas, monospace; }
footer { color: var(--muted); font-size: 0.85rem; padding: 2rem 1rem; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { font-size: 10pt; }
  header .lang, [role=tablist], form, .link, footer, .noprint { display: none !important; }
  section[hidden] { display: none !important; }
  pre.text { border: none; background: none; padding: 0; }
  .page-break { break-before: page; }
}
</style>
</head>
<body>
<header>
  <h1 id="title"></h1>
  <div class="lang" role="group" aria-labelledby="lang-label">
    <span id="lang-label"></span>
    <button type="button" data-lang="nb" lang="nb">Bokmål</button>
    <button type="button" data-lang="en" lang="en">English</button>
  </div>
</header>
<main>
  <p class="intro" id="intro"></p>
  <div role="tablist" aria-labelledby="title">
    <button role="tab" id="tab-explain" aria-controls="panel-explain" aria-selected="true"></button>
    <button role="tab" id="tab-print" aria-controls="panel-print" aria-selected="false" tabindex="-1"></button>
  </div>
  <section id="panel-explain" role="tabpanel" aria-labelledby="tab-explain">
    <p id="bad-link" class="warning hidden" role="alert"></p>
    <form id="form" onsubmit="return false">
      <fieldset>
        <legend id="kind-legend"></legend>
        <label><input type="radio" name="kind" id="kind-order" value="order" checked> <span id="kind-order-label"></span></label>
        <label><input type="radio" name="kind" id="kind-message" value="message"> <span id="kind-message-label"></span></label>
        <div id="order-controls">
          <label for="rule" id="rule-label"></label><br>
          <select id="rule"></select>
        </div>
        <div id="message-controls" class="hidden">
          <span id="priority-label"></span>
          <div class="row" id="priority"></div>
        </div>
      </fieldset>
      <fieldset>
        <legend id="available-legend"></legend>
        <div id="available"></div>
      </fieldset>
      <fieldset>
        <legend id="callback-legend"></legend>
        <div class="row">
          <div><label for="cb-channel" id="cb-channel-label"></label><br><select id="cb-channel"></select></div>
          <div><label for="cb-status" id="cb-status-label"></label><br><select id="cb-status"></select></div>
        </div>
      </fieldset>
    </form>
    <h2 id="explanation-heading"></h2>
    <pre class="text" id="explanation" aria-live="polite"></pre>
    <div id="verdict-block" class="hidden">
      <h2 id="verdict-heading"></h2>
      <pre class="text" id="verdict" aria-live="polite"></pre>
    </div>
    <p class="link"><span id="link-label"></span><br><a id="link" href="#"></a></p>
  </section>
  <section id="panel-print" role="tabpanel" aria-labelledby="tab-print" hidden>
    <h2 id="matrix-heading"></h2>
    <table id="matrix"></table>
    <p id="legend"></p>
    <h2 id="checklist-heading" class="page-break"></h2>
    <div id="checklist"></div>
    <h2 id="triage-heading"></h2>
    <ol id="triage"></ol>
  </section>
</main>
<footer id="footer"></footer>
<script type="application/json" id="data">@@DATA@@</script>
<script>
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const $ = (id) => document.getElementById(id);
const state = { lang: "nb", kind: "order", rule: 0, list: [], available: [false, false, false, false], cbChannel: -1, cbStatus: -1, bad: [] };

function textOf(n) { return D.texts[n].split(".").map((i) => D.lines[+i]).join("\\n"); }
function availabilityIndex() { return state.available.reduce((acc, on, bit) => acc | (on ? 1 << bit : 0), 0); }
function listKey() { return state.list.join(","); }
function entry() {
  const a = availabilityIndex();
  if (state.kind === "order") return D.rules[state.lang][state.rule][a];
  const table = D.lists[state.lang][listKey()];
  return table ? table[a] : null;
}
function statuses() { const ui = D.ui[state.lang]; return state.kind === "order" ? ui.orderStatuses : ui.messageStatuses; }

function fill(select, labels, chosen, none) {
  select.innerHTML = "";
  if (none !== undefined) { const o = document.createElement("option"); o.value = "-1"; o.textContent = none; select.appendChild(o); }
  labels.forEach((label, i) => { const o = document.createElement("option"); o.value = String(i); o.textContent = label; select.appendChild(o); });
  select.value = String(chosen);
}

function renderLabels() {
  const ui = D.ui[state.lang], say = ui.page;
  document.documentElement.lang = state.lang;
  document.title = say.title;
  for (const [id, key] of [["title", "title"], ["intro", "intro"], ["lang-label", "language"], ["tab-explain", "tab_explain"], ["tab-print", "tab_print"], ["kind-legend", "kind"], ["kind-order-label", "kind_order"], ["kind-message-label", "kind_message"], ["rule-label", "rule"], ["priority-label", "priority"], ["available-legend", "available"], ["callback-legend", "callback"], ["cb-channel-label", "callback_channel"], ["cb-status-label", "callback_status"], ["explanation-heading", "explanation"], ["verdict-heading", "verdict"], ["link-label", "link"], ["matrix-heading", "matrix"], ["checklist-heading", "checklist"], ["triage-heading", "triage"]]) {
    $(id).textContent = say[key];
  }
  $("footer").textContent = say.footer.replace("{version}", D.version);
  document.querySelectorAll(".lang button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang)));
  fill($("rule"), ui.rules, state.rule);
  const box = $("available"); box.innerHTML = "";
  ui.channels.slice(1).forEach((label, i) => {
    const l = document.createElement("label"); const c = document.createElement("input");
    c.type = "checkbox"; c.id = "available-" + i; c.checked = state.available[i];
    c.addEventListener("change", () => { state.available[i] = c.checked; update(); });
    l.appendChild(c); l.appendChild(document.createTextNode(" " + label[0].toUpperCase() + label.slice(1))); box.appendChild(l);
  });
  const pri = $("priority"); pri.innerHTML = "";
  for (let n = 0; n < 4; n++) {
    const div = document.createElement("div"); const l = document.createElement("label"); const s = document.createElement("select");
    s.id = "priority-" + n; l.htmlFor = s.id; l.textContent = say.priority_item.replace("{n}", String(n + 1));
    fill(s, ui.channels.slice(1), state.list[n] === undefined ? -1 : state.list[n] - 1, say.priority_none);
    s.addEventListener("change", () => { readList(); update(); });
    div.appendChild(l); div.appendChild(document.createElement("br")); div.appendChild(s); pri.appendChild(div);
  }
  fill($("cb-channel"), ui.channels, state.cbChannel, say.callback_none);
  fill($("cb-status"), statuses(), state.cbStatus, say.callback_none);
  const table = $("matrix"); table.innerHTML = "";
  ui.matrix.forEach((row, r) => {
    const tr = document.createElement("tr");
    row.forEach((cell) => { const c = document.createElement(r === 0 ? "th" : "td"); c.textContent = cell; if (r === 0) c.scope = "col"; tr.appendChild(c); });
    table.appendChild(tr);
  });
  $("legend").textContent = ui.legend;
  const list = $("checklist"); list.innerHTML = "";
  for (const [heading, items] of ui.checklist || []) {
    const h = document.createElement("h3"); h.textContent = heading; list.appendChild(h);
    const ul = document.createElement("ul");
    for (const item of items) { const li = document.createElement("li"); li.textContent = "☐ " + item; ul.appendChild(li); }
    list.appendChild(ul);
  }
  const triage = $("triage"); triage.innerHTML = "";
  for (const item of ui.triage) { const li = document.createElement("li"); li.textContent = item; triage.appendChild(li); }
}

function readList() {
  const chosen = [];
  for (let n = 0; n < 4; n++) { const v = +$("priority-" + n).value; if (v >= 0 && !chosen.includes(v + 1)) chosen.push(v + 1); }
  state.list = chosen;
}

function update() {
  $("order-controls").classList.toggle("hidden", state.kind !== "order");
  $("message-controls").classList.toggle("hidden", state.kind !== "message");
  $("kind-order").checked = state.kind === "order"; $("kind-message").checked = state.kind === "message";
  const e = entry();
  $("explanation").textContent = e ? textOf(e[0]) : "";
  const showVerdict = e && state.cbChannel >= 0 && state.cbStatus >= 0 && state.cbStatus < statuses().length;
  $("verdict-block").classList.toggle("hidden", !showVerdict);
  $("verdict").textContent = showVerdict ? textOf(e[1][state.cbChannel][state.cbStatus]) : "";
  const bad = $("bad-link");
  bad.classList.toggle("hidden", state.bad.length === 0);
  bad.textContent = state.bad.length ? D.ui[state.lang].page.bad_link + " " + state.bad.join(", ") : "";
  const parts = [state.kind === "order" ? "rule=" + D.ui.en.rules[state.rule].split(" ")[1] : "list=" + state.list.join(","),
    "available=" + (["helsenorge", "digital_mailbox", "krr_contact", "paper"].filter((_, i) => state.available[i]).join(",") || "ingen"),
    "lang=" + state.lang];
  if (state.cbChannel >= 0) parts.push("channel=" + state.cbChannel);
  if (state.cbStatus >= 0) parts.push("status=" + (state.kind === "order" ? ["Ordered", "Completed", "Expired", "Error", "SikkerDigitalPostError", "PhysicalMailReturned", "DigipostDelivered"] : ["Sent", "Error"])[state.cbStatus]);
  const hash = "#" + parts.join("&");
  $("link").textContent = location.href.split("#")[0] + hash; $("link").href = hash;
  if (location.hash !== hash) history.replaceState(null, "", hash);
}

function parse(hash) {
  const W = D.words; state.bad = [];
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const norm = (v) => v.trim().replace(/\\s+/g, " ").toLowerCase();
  if (params.has("lang")) { const code = norm(params.get("lang")).split(/[-_.@]/)[0]; if (code in W.languages) state.lang = W.languages[code]; else state.bad.push("lang"); }
  if (params.has("rule")) { const v = norm(params.get("rule")); if (v in W.rules) { state.kind = "order"; state.rule = W.rules[v]; } else state.bad.push("rule"); }
  if (params.has("list")) {
    const items = params.get("list").split(",").map(norm).filter((x) => x); const chosen = [];
    let ok = items.length > 0;
    for (const item of items) { const c = W.channels[item]; if (!c || chosen.includes(c)) ok = false; else chosen.push(c); }
    if (ok) { state.kind = "message"; state.list = chosen; } else state.bad.push("list");
  }
  if (params.has("available")) {
    const raw = norm(params.get("available")); const flags = [false, false, false, false]; let ok = true;
    if (!W.none.includes(raw)) for (const item of raw.split(",").map(norm).filter((x) => x)) { const c = W.channels[item]; if (!c) ok = false; else flags[c - 1] = true; }
    if (ok) state.available = flags; else state.bad.push("available");
  }
  if (params.has("channel")) { const c = W.channels[norm(params.get("channel"))]; if (c === undefined) state.bad.push("channel"); else state.cbChannel = c; }
  if (params.has("status")) {
    const table = state.kind === "order" ? W.orderStatus : W.messageStatus; let s = table[norm(params.get("status"))];
    if (s === undefined) state.bad.push("status"); else {
      if (state.kind === "order" && s === 3 && params.has("error") && ["2", "sikkerdigitalposterror"].includes(norm(params.get("error")))) s = 4;
      state.cbStatus = s;
    }
  }
}

function selectTab(which) {
  for (const name of ["explain", "print"]) {
    const tab = $("tab-" + name), panel = $("panel-" + name), on = name === which;
    tab.setAttribute("aria-selected", String(on)); tab.tabIndex = on ? 0 : -1; panel.hidden = !on;
  }
}

function wire() {
  document.querySelectorAll(".lang button").forEach((b) => b.addEventListener("click", () => { state.lang = b.dataset.lang; renderLabels(); update(); }));
  $("kind-order").addEventListener("change", () => { state.kind = "order"; state.cbStatus = -1; renderLabels(); update(); });
  $("kind-message").addEventListener("change", () => { state.kind = "message"; if (!state.list.length) state.list = [4]; state.cbStatus = -1; renderLabels(); update(); });
  $("rule").addEventListener("change", () => { state.rule = +$("rule").value; update(); });
  $("cb-channel").addEventListener("change", () => { state.cbChannel = +$("cb-channel").value; update(); });
  $("cb-status").addEventListener("change", () => { state.cbStatus = +$("cb-status").value; update(); });
  const tabs = [$("tab-explain"), $("tab-print")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => selectTab(i ? "print" : "explain"));
    tab.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") { const next = tabs[1 - i]; next.focus(); selectTab(i ? "explain" : "print"); ev.preventDefault(); }
    });
  });
  window.addEventListener("hashchange", () => { parse(location.hash); renderLabels(); update(); });
}

parse(location.hash);
wire();
renderLabels();
update();
</script>
</body>
</html>
"""
