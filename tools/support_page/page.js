"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const $ = (id) => document.getElementById(id);
const state = { lang: "nb", kind: "order", rule: 0, list: [], available: [false, false, false, false], cbChannel: -1, cbStatus: -1, bad: [], badRule: null, tab: "explain" };

function textOf(n) { return D.texts[n].split(".").map((i) => D.lines[+i]).join("\n"); }
function availabilityIndex() { return state.available.reduce((acc, on, bit) => acc | (on ? 1 << bit : 0), 0); }
function listKey() { return state.list.join(","); }
function entry() {
  const a = availabilityIndex();
  if (state.kind === "order") return state.rule < 0 ? null : D.rules[state.lang][state.rule][a];
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
  for (const [id, key] of [["title", "title"], ["intro", "intro"], ["lang-label", "language"], ["tab-explain", "tab_explain"], ["tab-print", "tab_print"], ["tab-facts", "tab_facts"], ["facts-intro", "facts_intro"], ["facts-rule-label", "rule"], ["facts-legend", "facts_legend"], ["krr-note", "krr_note"], ["got-label", "got"], ["got-hint", "got_hint"], ["diag-heading", "diag_heading"], ["facts-link-label", "link"], ["rules-heading", "rules_heading"], ["kind-legend", "kind"], ["kind-order-label", "kind_order"], ["kind-message-label", "kind_message"], ["rule-label", "rule"], ["priority-label", "priority"], ["available-legend", "available"], ["callback-legend", "callback"], ["cb-channel-label", "callback_channel"], ["cb-status-label", "callback_status"], ["explanation-heading", "explanation"], ["verdict-heading", "verdict"], ["link-label", "link"], ["matrix-heading", "matrix"], ["checklist-heading", "checklist"], ["triage-heading", "triage"]]) {
    $(id).textContent = say[key];
  }
  $("footer").textContent = say.footer.replace("{version}", D.version);
  document.querySelectorAll(".lang button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang)));
  for (const id of ["rule", "facts-rule"]) fill($(id), ui.rules, state.rule, state.rule < 0 ? say.rule_unchosen : undefined);
  const rl = $("rules-list"); rl.innerHTML = "";
  for (const r of ui.rules) { const li = document.createElement("li"); li.textContent = r; rl.appendChild(li); }
  renderFactsForm();
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
    // A header may break inside a rule's name, between its words: AllowUnsecure|OrPaper.
    row.forEach((cell) => { const c = document.createElement(r === 0 ? "th" : "td"); c.textContent = r === 0 ? cell.replace(/([a-z])([A-Z])/g, "$1\u200b$2") : cell; if (r === 0) c.scope = "col"; tr.appendChild(c); });
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
  const bad = $("bad-link"), say = D.ui[state.lang].page, notes = [];
  if (state.badRule) notes.push((state.badRule.suggestion ? say.bad_rule : say.bad_rule_plain).replace("{value}", state.badRule.value).replace("{suggestion}", state.badRule.suggestion));
  if (state.bad.length) notes.push(say.bad_link + " " + state.bad.join(", "));
  bad.classList.toggle("hidden", notes.length === 0);
  bad.textContent = notes.join(" ");
  const rule = state.rule < 0 ? [] : ["rule=" + D.ruleApi[state.rule]];
  let parts;
  if (state.tab === "facts") {
    const given = factsLinkParts();
    parts = [...rule, ...given, "lang=" + state.lang];
    if (!given.length) parts.unshift("tab=facts");
  } else {
    parts = [...(state.kind === "order" ? rule : ["list=" + state.list.join(",")]),
      "available=" + (["helsenorge", "digital_mailbox", "krr_contact", "paper"].filter((_, i) => state.available[i]).join(",") || "ingen"),
      "lang=" + state.lang];
    if (state.cbChannel >= 0) parts.push("channel=" + state.cbChannel);
    if (state.cbStatus >= 0) parts.push("status=" + (state.kind === "order" ? ["Ordered", "Completed", "Expired", "Error", "SikkerDigitalPostError", "PhysicalMailReturned", "DigipostDelivered"] : ["Sent", "Error"])[state.cbStatus]);
    if (state.tab === "print") parts.unshift("tab=print");
  }
  const hash = "#" + parts.join("&");
  for (const id of ["link", "facts-link"]) { $(id).textContent = location.href.split("#")[0] + hash; $(id).href = hash; }
  if (location.hash !== hash) history.replaceState(null, "", hash);
  updateFactsForm();
  renderFacts();
  selectTab(state.tab);
}

// The library's nearest(): at most one edit per four letters, ignoring case; ties to the first.
function distance(a, b) {
  let previous2 = [], previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i].concat(new Array(b.length).fill(0));
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], previous2[j - 2] + 1);
    }
    previous2 = previous; previous = current;
  }
  return previous[b.length];
}
function nearest(value, choices) {
  const typed = value.trim().toLowerCase();
  if (!typed || typed.length > 60) return null;
  let best = null, bestDistance = Math.max(1, Math.floor(typed.length / 4)) + 1;
  for (const choice of choices) { const d = distance(typed, choice.toLowerCase()); if (d < bestDistance) { best = choice; bestDistance = d; } }
  return best;
}

const KNOWN_KEYS = ["lang", "rule", "list", "available", "channel", "status", "error", "tab"];
function parse(hash) {
  const W = D.words; state.bad = []; state.badRule = null;
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const norm = (v) => v.trim().replace(/\s+/g, " ").toLowerCase();
  if (params.has("lang")) { const code = norm(params.get("lang")).split(/[-_.@]/)[0]; if (code in W.languages) state.lang = W.languages[code]; else state.bad.push("lang"); }
  if (params.has("rule")) {
    const v = norm(params.get("rule"));
    if (v in W.rules) { state.kind = "order"; state.rule = W.rules[v]; }
    else { state.kind = "order"; state.rule = -1; state.badRule = { value: params.get("rule").trim(), suggestion: nearest(params.get("rule"), D.ruleApi) }; }
  }
  const badFacts = parseFacts(params, norm);
  state.bad.push(...badFacts);
  for (const key of params.keys()) if (!KNOWN_KEYS.includes(key) && F.aliases[key.toLowerCase().replace(/[-_]/g, "")] === undefined && !state.bad.includes(key)) state.bad.push(key);
  if (params.has("tab")) { const t = norm(params.get("tab")); if (["explain", "facts", "print"].includes(t)) state.tab = t; else state.bad.push("tab"); }
  else if ([...params.keys()].some((key) => F.aliases[key.toLowerCase().replace(/[-_]/g, "")] !== undefined)) state.tab = "facts";
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

const TABS = ["explain", "facts", "print"];
function selectTab(which) {
  for (const name of TABS) {
    const tab = $("tab-" + name), panel = $("panel-" + name), on = name === which;
    tab.setAttribute("aria-selected", String(on)); tab.tabIndex = on ? 0 : -1; panel.hidden = !on;
  }
}

function wire() {
  document.querySelectorAll(".lang button").forEach((b) => b.addEventListener("click", () => { state.lang = b.dataset.lang; renderLabels(); update(); }));
  $("kind-order").addEventListener("change", () => { state.kind = "order"; state.cbStatus = -1; renderLabels(); update(); });
  $("kind-message").addEventListener("change", () => { state.kind = "message"; if (!state.list.length) state.list = [4]; state.cbStatus = -1; renderLabels(); update(); });
  $("cb-channel").addEventListener("change", () => { state.cbChannel = +$("cb-channel").value; update(); });
  $("cb-status").addEventListener("change", () => { state.cbStatus = +$("cb-status").value; update(); });
  const tabs = TABS.map((name) => $("tab-" + name));
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => { state.tab = TABS[i]; update(); });
    tab.addEventListener("keydown", (ev) => {
      if (ev.key === "ArrowRight" || ev.key === "ArrowLeft") {
        const next = (i + (ev.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length;
        tabs[next].focus(); state.tab = TABS[next]; update(); ev.preventDefault();
      }
    });
  });
  for (const id of ["rule", "facts-rule"]) $(id).addEventListener("change", () => { state.rule = +$(id).value; state.badRule = null; renderLabels(); update(); });
  $("got").addEventListener("change", () => { facts.got = +$("got").value; update(); });
  window.addEventListener("hashchange", () => { parse(location.hash); renderLabels(); update(); });
}
