// The facts tab. Each channel's answer is a lookup in tables the library made (D.facts); this
// script turns the form into table indexes (an age into its age class, a date into "within 18
// months" or not), goes through every completion of the facts not known as the library's
// diagnose_facts does (the values tried are the library's), and fills in words.
// tests/test_support_facts.py checks each step against the library.
const F = D.facts;
const SIZE = Object.fromEntries(F.fields.map(([name, values]) => [name, values.length + 1]));
const UNKNOWN = 2, UNAVAILABLE = 1;
// What the worker gave: an index per fact (0: not known), and the raw age and dates.
const facts = { idx: Object.fromEntries(F.fields.map(([name]) => [name, 0])), age: "", birth: "", contact: "", contactDate: "", reference: "", got: -1 };

function isDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
  return !!m && +m[1] >= 1 && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= daysIn(+m[1], +m[2]);
}
function daysIn(year, month) {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
const pad = (n, w) => String(n).padStart(w, "0");
// The library's months_before: back by whole calendar months, the day clamped to the month's end.
function monthsBefore(day, months) {
  const [y, m, d] = day.split("-").map(Number);
  const index = y * 12 + m - 1 - months, year = Math.floor(index / 12), month = index - year * 12 + 1;
  return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(Math.min(d, daysIn(year, month)), 2);
}
function ageClass(text) {
  if (!/^\d{1,3}$/.test(String(text).trim()) || +text > 150) return 0;
  let c = 1; for (const limit of F.ageLimits) if (+text >= limit) c++;
  return c;
}
function contactClass(kind, date, reference) {
  if (kind === "none") return 3;
  if (kind !== "date" || !isDate(date) || !isDate(reference)) return 0;
  return date >= monthsBefore(reference, F.freshMonths) ? 1 : 2;
}
function today() {  // the date in Norway now, as the command line's default reference time
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return parts;
}
// Whole years from a birth date to a day, as the library counts them: a birthday counts once its
// month and day are reached, so 29 February is reached on 1 March in a common year.
function yearsBetween(born, on) {
  const [by, bm, bd] = born.split("-").map(Number), [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
// The age the form gives: the age field, or else the birth date at the reference date.
function ageText() {
  if (facts.age.trim() || !isDate(facts.birth)) return facts.age;
  const on = facts.reference || today();
  return isDate(on) && facts.birth <= on ? String(yearsBetween(facts.birth, on)) : "";
}
function indexes() {
  return { ...facts.idx, age: ageClass(ageText()), "contact-updated": contactClass(facts.contact, facts.contactDate, facts.reference || today()) };
}
// One channel (0-3): [status 0 available/1 unavailable/2 not known, reason numbers, fact numbers].
function judge(channel, idx) {
  const t = F.channels[channel]; let k = 0;
  for (const name of t.reads) k = k * SIZE[name] + idx[name];
  return F.outcomes[t.table[k]];
}
function judgeAll(idx) { return [0, 1, 2, 3].map((c) => judge(c, idx)); }
function partialIndex(judged) { return judged.reduce((acc, [status]) => acc * 3 + status, 0); }
function byLikely(numbers) { return [...numbers].sort((a, b) => F.likely.indexOf(a) - F.likely.indexOf(b)); }
// The KRR records a completion may have, as the form's fields: the one given, completed, or
// any kind (a deleted one, or an active one with each notice, contact date and mailbox).
function krrRecords(idx) {
  const C = F.completions, status = idx["krr-status"], out = [];
  const active = (notices, contacts, mailboxes) => {
    for (const [reserved, notify] of notices) for (const contact of contacts) for (const mailbox of mailboxes)
      out.push({ "krr-status": 1, reserved, "can-notify": notify, "contact-updated": contact, "digital-mailbox": mailbox });
  };
  if (status === 0) {
    out.push({ "krr-status": C.deleted, reserved: 0, "can-notify": 0, "contact-updated": 0, "digital-mailbox": 0 });
    active(C.notices, C.contacts, C.yesNo);
  } else if (status === 1) {
    const fits = C.notices.filter(([r, n]) => [0, r].includes(idx.reserved) && [0, n].includes(idx["can-notify"]));
    const given = (name, all) => idx[name] ? [idx[name]] : all;
    active(fits.length ? fits : [[idx.reserved, idx["can-notify"]]], given("contact-updated", C.contacts), given("digital-mailbox", C.yesNo));
  } else out.push({ "krr-status": status, reserved: idx.reserved, "can-notify": idx["can-notify"], "contact-updated": idx["contact-updated"], "digital-mailbox": idx["digital-mailbox"] });
  return out;
}
// Every completion of the form's facts, each as its four channels judged (every one settled):
// at most 4,864 (nothing known, the order marked as research), a few milliseconds.
function completions(idx) {
  const C = F.completions, person = [];
  if (!idx.age) person.push(["age", C.ages]);
  for (const name of ["level4-eid", "representable", "postal-address"]) if (!idx[name]) person.push([name, C.yesNo]);
  if (!idx.consent) person.push(["consent", C.consents]);
  if (idx.research === 1 && !idx["research-reserved"]) person.push(["research-reserved", C.yesNo]);
  const records = krrRecords(idx), out = [], filled = { ...idx };
  const fill = (i) => {
    if (i === person.length) {
      for (const record of records) out.push(judgeAll(Object.assign(filled, record)));
      return;
    }
    for (const value of person[i][1]) { filled[person[i][0]] = value; fill(i + 1); }
  };
  fill(0);
  return out;
}
function decided(rule, judged) { return F.cases[rule][partialIndex(judged)][0][1]; }
function admits(known, judged) { return known.every(([status], c) => status === UNKNOWN || status === judged[c][0]); }
// The library's _closing: the reasons that close the channel, or all of them.
function closing(c, reasons) { const found = reasons.filter((r) => F.completions.closing[c].includes(r)); return found.length ? found : reasons; }
// The library's _fact: the fact behind a reason, the KRR record itself when it is not known.
function factOf(reason, open) {
  const fact = F.completions.factOf[reason], record = F.facts.indexOf("krr_record");
  return F.completions.inKrr.includes(fact) && open.includes(record) ? record : fact;
}
// What the channel ePROM used (got: its code, 0 nothing) says, as diagnose_facts says it.
function diagnoseFacts(rule, idx, got, judged, all) {
  const chosen = all.filter((each) => decided(rule, each) === got);
  if (!chosen.length) return { consistent: false, suspects: suspects(rule, idx, got) };
  const flags = [0, 1, 2, 3].map((c) => new Set(chosen.map((each) => each[c][0])));
  const only = (status) => [0, 1, 2, 3].filter((c) => flags[c].size === 1 && flags[c].has(status));
  const unavailable = only(UNAVAILABLE), available = only(0);
  const irrelevant = [0, 1, 2, 3].filter((c) => !unavailable.includes(c) && !available.includes(c));
  const found = { consistent: true, unavailable, available, irrelevant, explained: [], must: [], check: [] };
  for (const c of unavailable) {
    if (judged[c][0] === UNAVAILABLE) { found.explained.push([c, closing(c, judged[c][1])]); continue; }
    const open = judged[c][2];
    const closed = chosen.map((each) => closing(c, each[c][1]).filter((r) => open.includes(factOf(r, open))));
    const certain = closed[0].filter((r) => closed.every((why) => why.includes(r)));
    const maybe = [...new Set(closed.flat())].filter((r) => !certain.includes(r));
    const facts = byLikely(new Set(maybe.map((r) => factOf(r, open))));
    if (certain.length) found.must.push([c, certain]);
    if (facts.length) found.check.push([c, facts]);
  }
  return found;
}
// The facts given one of which must be wrong: each, were it not known, would let ePROM choose got.
function suspects(rule, idx, got) {
  const found = [];
  for (const [fact, fields] of F.completions.forget) {
    if (!idx[fields[0]]) continue;  // not given
    const forgot = { ...idx }; for (const name of fields) forgot[name] = 0;
    if (completions(forgot).some((each) => decided(rule, each) === got)) found.push(fact);
  }
  return byLikely(found);
}
// What the page computes, as data: the tests compare it with the library's. The cases are only
// those some completion of the facts falls in (PossibleDecisions.within), all when none does.
function factsAnswer(rule, idx, got) {
  const judged = judgeAll(idx), p = partialIndex(judged), all = completions(idx);
  const cases = F.cases[rule][p].filter(([assuming]) => all.some((each) => admits(judged, each) && assuming.every(([c, on]) => (each[c][0] === 0) === on)));
  const answer = { judged, partial: p, cases: cases.length ? cases : F.cases[rule][p] };
  if (got >= 0) answer.diagnosis = diagnoseFacts(rule, idx, got, judged, all);
  return answer;
}

function joinList(items, lang, word) {
  if (items.length < 2) return items.join("");
  return items.slice(0, -1).join(", ") + " " + (word || D.ui[lang].page.and) + " " + items[items.length - 1];
}
const cap = (text) => text[0].toUpperCase() + text.slice(1);

function renderFacts() {
  const lang = state.lang, say = D.ui[lang].page, names = D.ui[lang].channelNames, reach = D.ui[lang].reach;
  const out = $("facts-answer"), diag = $("facts-diagnosis");
  out.innerHTML = ""; diag.innerHTML = "";
  $("facts-diagnosis-block").classList.toggle("hidden", facts.got < 0 || state.rule < 0);
  if (state.rule < 0) return;
  const idx = indexes(), answer = factsAnswer(state.rule, idx, facts.got);
  const para = (parent, text, cls) => { const p = document.createElement("p"); p.textContent = text; if (cls) p.className = cls; parent.appendChild(p); return p; };
  const heading = (parent, text) => { const h = document.createElement("h3"); h.textContent = text; parent.appendChild(h); };
  const reasons = (numbers) => numbers.map((n) => F.reasons[lang][n]).join("; ");
  const check = (numbers) => joinList(byLikely(numbers).map((n) => F.factWords[lang][n][1]), lang);
  heading(out, say.channels_heading);
  const ul = document.createElement("ul"); out.appendChild(ul);
  answer.judged.forEach(([status, why, missing], c) => {
    const li = document.createElement("li"); li.dataset.status = String(status); li.dataset.channel = String(c + 1); li.dataset.facts = byLikely(missing).map((n) => F.facts[n]).join(",");
    const channel = cap(names[c + 1]);
    li.textContent = status === 0 ? say.ch_available.replace("{channel}", channel).replace("{reasons}", reasons(why))
      : status === UNAVAILABLE ? say.ch_unavailable.replace("{channel}", channel).replace("{reasons}", reasons(closing(c, why)))
      : say.ch_unknown.replace("{channel}", channel).replace("{reasons}", reasons(why)).replace("{facts}", check(missing));
    ul.appendChild(li);
  });
  heading(out, say.cases_heading);
  const result = (channel) => channel === 0 ? say.result_none : say.result_channel.replace("{reach}", reach[channel]);
  if (answer.cases.length === 1) {
    const [, channel] = answer.cases[0];
    // NoDistribution (rule 2) sends nothing on purpose: not a patient who cannot be reached.
    const none = state.rule === 2 ? D.ui[lang].notDistributed : say.settled_none;
    para(out, channel === 0 ? none : D.ui[lang].results[channel], "result");
  } else {
    para(out, say.unsettled, "unsettled");
    const ol = document.createElement("ul"); ol.className = "cases"; out.appendChild(ol);
    const turning = [];
    for (const [assuming, channel] of answer.cases) {
      const conditions = assuming.map(([c, on]) => { if (!turning.includes(c)) turning.push(c); return (on ? say.reach_yes : say.reach_no).replace("{reach}", reach[c + 1]); });
      const li = document.createElement("li"); li.dataset.channel = String(channel);
      li.dataset.assuming = assuming.map(([c, on]) => c + ":" + (on ? 1 : 0)).join(",");
      li.textContent = conditions.length ? say.case_if.replace("{conditions}", joinList(conditions, lang)).replace("{result}", result(channel)) : cap(result(channel)) + ".";
      ol.appendChild(li);
    }
    const settle = [...new Set(turning.flatMap((c) => answer.judged[c][2]))];
    para(out, say.settles.replace("{facts}", check(settle)), "settles");
  }
  if (facts.got < 0) return;
  const got = facts.got === 0 ? say.got_nothing_short : D.ui[lang].channelNames[facts.got];
  const found = answer.diagnosis;
  if (!found.consistent) {
    const p = para(diag, found.suspects.length ? say.diag_suspects.replace("{got}", got).replace("{facts}", check(found.suspects)) : say.diag_inconsistent.replace("{got}", got), "inconsistent");
    p.dataset.facts = found.suspects.map((n) => F.facts[n]).join(",");
    return;
  }
  para(diag, (facts.got === 0 ? say.diag_head_none : say.diag_head).replace("{got}", got));
  const list = document.createElement("ul"); diag.appendChild(list);
  const add = (text, kind, c, data) => {
    const li = document.createElement("li"); li.textContent = text; li.dataset.kind = kind; li.dataset.channel = String(c + 1);
    Object.assign(li.dataset, data || {}); list.appendChild(li);
  };
  const explained = new Map(found.explained), must = new Map(found.must), toCheck = new Map(found.check);
  for (const c of found.unavailable) {
    const channel = cap(names[c + 1]);
    if (explained.has(c)) add(say.diag_explained.replace("{channel}", channel).replace("{reasons}", reasons(explained.get(c))), "explained", c, { reasons: explained.get(c).join(",") });
    else if (!must.has(c) && !toCheck.has(c)) add(say.diag_closed.replace("{channel}", channel).replace("{reach}", reach[c + 1]), "closed", c);
    if (must.has(c)) add(say.diag_must.replace("{channel}", channel).replace("{reasons}", reasons(must.get(c))), "must", c, { reasons: must.get(c).join(",") });
    if (toCheck.has(c)) {
      const text = must.has(c) ? say.diag_check_also : say.diag_check;
      add(text.replace("{channel}", channel).replace("{facts}", check(toCheck.get(c))), "check", c, { facts: toCheck.get(c).map((n) => F.facts[n]).join(",") });
    }
  }
  for (const c of found.available) add(say.diag_available.replace("{channel}", cap(names[c + 1])), "available", c);
  for (const c of found.irrelevant) add(say.diag_either.replace("{channel}", cap(names[c + 1])), "either", c);
}

function renderFactsForm() {
  const say = D.ui[state.lang].page, choices = D.ui[state.lang].factChoices, box = $("facts-fields");
  box.innerHTML = "";
  for (const [name, values] of F.fields) {
    const div = document.createElement("div"); div.className = "fact"; div.dataset.fact = name;
    const label = document.createElement("label"); label.htmlFor = "fact-" + name; label.textContent = say["f_" + name.replace(/-/g, "_")];
    div.appendChild(label); div.appendChild(document.createElement("br"));
    if (name === "age") {
      const input = document.createElement("input"); input.id = "fact-age"; input.inputMode = "numeric"; input.size = 4; input.value = facts.age; input.placeholder = say.unknown;
      input.addEventListener("input", () => { facts.age = input.value; update(); });
      const b = document.createElement("input"); b.type = "date"; b.id = "fact-birth-date"; b.value = facts.birth;
      const bl = document.createElement("label"); bl.htmlFor = b.id; bl.textContent = say.f_birth_date;
      b.addEventListener("change", () => { facts.birth = b.value; update(); });
      div.appendChild(input); div.appendChild(document.createTextNode(" ")); div.appendChild(bl); div.appendChild(b);
    } else if (name === "contact-updated") {
      const s = document.createElement("select"); s.id = "fact-contact-updated";
      [["", say.unknown], ["date", say.contact_date], ["none", say.contact_none]].forEach(([v, t]) => { const o = document.createElement("option"); o.value = v; o.textContent = t; s.appendChild(o); });
      s.value = facts.contact;
      const d = document.createElement("input"); d.type = "date"; d.id = "fact-contact-date"; d.value = facts.contactDate; d.disabled = facts.contact !== "date";
      const dl = document.createElement("label"); dl.htmlFor = d.id; dl.className = "sr-only"; dl.textContent = say.contact_date;
      const r = document.createElement("input"); r.type = "date"; r.id = "fact-reference"; r.value = facts.reference || today();
      const rl = document.createElement("label"); rl.htmlFor = r.id; rl.textContent = say.f_reference;
      s.addEventListener("change", () => { facts.contact = s.value; d.disabled = s.value !== "date"; update(); });
      d.addEventListener("change", () => { facts.contactDate = d.value; update(); });
      r.addEventListener("change", () => { facts.reference = r.value; update(); });
      div.appendChild(s); div.appendChild(document.createTextNode(" ")); div.appendChild(dl); div.appendChild(d);
      div.appendChild(document.createElement("br")); div.appendChild(rl); div.appendChild(document.createTextNode(" ")); div.appendChild(r);
    } else {
      const s = document.createElement("select"); s.id = "fact-" + name;
      const labels = name === "research" ? [say.no, say.yes] : [say.unknown, ...choices[name]];
      labels.forEach((t, i) => { const o = document.createElement("option"); o.value = String(i); o.textContent = t; s.appendChild(o); });
      s.value = String(facts.idx[name]);
      s.addEventListener("change", () => { facts.idx[name] = +s.value; update(); });
      div.appendChild(s);
    }
    box.appendChild(div);
  }
  const got = $("got"); got.innerHTML = "";
  [[-1, say.got_unchosen], [1, null], [2, null], [3, null], [4, null], [0, say.got_nothing]].forEach(([v, t]) => {
    const o = document.createElement("option"); o.value = String(v); o.textContent = t || cap(D.ui[state.lang].channelNames[v]); got.appendChild(o);
  });
  got.value = String(facts.got);
}

function updateFactsForm() {
  const active = facts.idx["krr-status"] === 1;
  for (const name of ["reserved", "can-notify", "contact-updated", "digital-mailbox"]) {
    document.querySelector(`.fact[data-fact="${name}"]`).classList.toggle("inactive", !active);
  }
  document.querySelector('.fact[data-fact="research-reserved"]').classList.toggle("inactive", facts.idx.research !== 1);
}

// The link's part for the facts: the command line's long options without their dashes.
function factsLinkParts() {
  const parts = [];
  if (facts.age.trim()) parts.push("age=" + encodeURIComponent(facts.age.trim()));
  else if (isDate(facts.birth)) parts.push("birth-date=" + facts.birth);
  for (const [name, values] of F.fields) {
    if (name === "age" || name === "contact-updated") continue;
    if (facts.idx[name]) parts.push(name + "=" + values[facts.idx[name] - 1]);
  }
  if (facts.contact === "none") parts.push("contact-updated=none");
  if (facts.contact === "date" && facts.contactDate) parts.push("contact-updated=" + facts.contactDate);
  if ((facts.contact === "date" && facts.contactDate) || (!facts.age.trim() && isDate(facts.birth))) parts.push("reference-time=" + (facts.reference || today()));
  if (facts.got >= 0) parts.push("got=" + D.facts.gotWords[facts.got]);
  return parts;
}

// Reads the facts from the link; returns the parameters it did not understand.
function parseFacts(params, norm) {
  const bad = [];
  Object.assign(facts, { idx: Object.fromEntries(F.fields.map(([name]) => [name, 0])), age: "", birth: "", contact: "", contactDate: "", reference: "", got: -1 });
  for (const [key, raw] of params) {
    const name = F.aliases[key.toLowerCase().replace(/[-_]/g, "")];
    if (name === undefined) continue;
    const v = norm(raw);
    if (name === "age") { if (ageClass(v) || v === "") facts.age = v; else bad.push(key); }
    else if (name === "birth-date") { const day = v.slice(0, 10); if (isDate(day)) facts.birth = day; else bad.push(key); }
    else if (name === "reference-time") { const day = v.slice(0, 10); if (isDate(day)) facts.reference = day; else bad.push(key); }
    else if (name === "contact-updated") {
      if (["none", "ingen"].includes(v)) facts.contact = "none";
      else if (isDate(v.slice(0, 10))) { facts.contact = "date"; facts.contactDate = v.slice(0, 10); }
      else bad.push(key);
    } else if (name === "got") { const c = D.words.channels[v]; const none = D.words.none.includes(v) || v === "null"; if (c !== undefined) facts.got = c; else if (none) facts.got = 0; else bad.push(key); }
    else { const i = F.values[name][v]; if (i === undefined) bad.push(key); else facts.idx[name] = i; }
  }
  return bad;
}
