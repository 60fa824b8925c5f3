"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const $ = (id) => document.getElementById(id);
const state = { lang: "nb", kind: "order", rule: 0, list: [], available: [false, false, false, false], cbChannel: -1, cbStatus: -1, bad: [] };

function textOf(n) { return D.texts[n].split(".").map((i) => D.lines[+i]).join("\n"); }
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
  const norm = (v) => v.trim().replace(/\s+/g, " ").toLowerCase();
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
