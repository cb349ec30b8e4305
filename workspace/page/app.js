// The workspace page (docs/workspace.md): plain JavaScript, no build step. It talks only to the
// server that sent it (/api/...), draws its charts with the embedded Chart.js, and keeps every
// word in i18n.js, which the server makes from cadresim's message catalog (page.*, metric.* as
// "m_...", lever.* as "t_..."; sim/text/message_catalog_page.cpp). Nothing is logged to the console unless something is wrong.
"use strict";

const state = {
  lang: "en",
  scenario: null,      // path of the selected scenario
  catalog: null,       // /api/levers answer
  runId: null,
  result: null,        // last finished run's result
  charts: {},
  room: null,          // {code, key} for the facilitator
  team: null,          // {code, name} for a team
  roomTimer: null,
};

// ---- words ---------------------------------------------------------------------------------
function t(key, args) {
  const dict = window.CADRESIM_I18N[state.lang] || {};
  let s = dict[key] !== undefined ? dict[key] : (window.CADRESIM_I18N.en[key] !== undefined ? window.CADRESIM_I18N.en[key] : key.replace(/^[lmt]_/, "").replace(/_/g, " "));
  if (args) for (const [k, v] of Object.entries(args)) s = s.replace("{" + k + "}", v);
  return s;
}
function translatePage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
}
const $ = id => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
// null: a figure that does not apply (a ratio with nothing to divide by, e.g. plan fulfilment
// without a plan), shown as such rather than as 0.
const fmt = (x, d) => x === null || x === undefined || !isFinite(x) ? t("not_applicable") : (Math.abs(x) < 0.5 * Math.pow(10, -d) ? 0 : Number(x)).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });

// ---- the server ------------------------------------------------------------------------------
async function api(method, path, body) {
  const opts = { method, headers: {} };
  if (body !== undefined) { opts.body = JSON.stringify(body); opts.headers["Content-Type"] = "application/json"; }
  // The server answers problems (a scenario that does not load, a lever out of range) in the page's language.
  const res = await fetch(path + (path.includes("?") ? "&" : "?") + "lang=" + state.lang, opts);
  const json = await res.json();
  if (!res.ok) {
    const e = json.error || {};
    throw new Error((e.pointer ? e.pointer + ": " : "") + (e.message || res.status));
  }
  return json;
}
function showError(err) {
  const m = $("message");
  m.textContent = t("error") + ": " + (err && err.message ? err.message : err);
  m.hidden = false;
}
function clearError() { $("message").hidden = true; }

// ---- scenario and levers ---------------------------------------------------------------------
async function loadScenarios() {
  const { scenarios, shocks } = await api("GET", "/api/scenarios");
  const box = $("shocks");
  box.replaceChildren();
  for (const card of shocks) {
    const cb = el("input", { type: "checkbox", "data-shock": card.path });
    box.append(el("label", { class: "check", title: card.description }, cb, card.name + " (" + card.path + ")"));
  }
  const select = $("scenario");
  select.replaceChildren();
  for (const s of scenarios) {
    const o = el("option", { value: s.path, text: s.path + (s.exercise ? " (" + t("exercise") + ")" : "") });
    select.append(o);
  }
  const preferred = scenarios.find(s => s.path === "training/son-mai.json") || scenarios[0];
  if (preferred) { select.value = preferred.path; await selectScenario(preferred.path); }
}

async function selectScenario(path) {
  state.scenario = path;
  // No run until this scenario's levers are drawn: the old ones would be sent with the new path.
  $("run").disabled = true;
  try {
    state.catalog = await api("GET", "/api/levers?scenario=" + encodeURIComponent(path));
    const sc = state.catalog.scenario;
    $("scenario-description").textContent = sc.description;
    showPeriod();
    $("branch-from").min = sc.start; $("branch-from").max = sc.end; $("branch-from").value = "";
    const list = $("cadres"); list.replaceChildren();
    for (const c of state.catalog.cadres) list.append(el("option", { value: c }));
    if (state.catalog.cadres.length) $("who").value = state.catalog.cadres[0];
    drawLevers();
    $("levers").dataset.scenario = path;
  } finally {
    if (!state.runId) $("run").disabled = false;
  }
}

// Units come from the server in English; the dictionary has them as "u:<unit>".
function unit(u) { const k = "u:" + u; return t(k) === k.replace(/_/g, " ") ? u : t(k); }
function showPeriod() {
  const sc = state.catalog.scenario;
  $("scenario-period").textContent = t("period") + ": " + sc.start + " – " + sc.end + " · " + state.catalog.key_posts + " " + t("key_posts");
}
function sourcesNote(item) {
  const parts = [];
  if (item.sources && item.sources.length) parts.push(t("sources") + ": " + item.sources.join(", "));
  if (item.assumption) parts.push(t("assumption", { min: item.assumption.min, max: item.assumption.max }));
  return parts.join(" · ");
}

function numberControl(id, value, min, max, step, unit, onChange) {
  const range = el("input", { type: "range", min, max: Math.max(max, value), step, value, id: id + "-range" });
  const box = el("input", { type: "number", min, step, value, id, "aria-label": id });
  range.addEventListener("input", () => { box.value = range.value; onChange && onChange(); });
  box.addEventListener("input", () => { range.value = box.value; onChange && onChange(); });
  return el("div", { class: "row" }, range, box, el("span", { class: "unit", text: unit }));
}

function drawLevers() {
  const c = state.catalog;
  const root = $("levers"); root.replaceChildren();
  for (const lever of c.support) {
    const name = el("span", { class: "lever-name", text: t("l_" + lever.key) });
    const head = el("div", { class: "lever-head" }, name, el("span", { class: "src", text: sourcesNote(lever) }));
    const box = el("div", { class: "lever", "data-lever": lever.key }, head);
    const id = "lever-" + lever.key;
    if (lever.kind === "switch") {
      const cb = el("input", { type: "checkbox", id });
      cb.checked = !!lever.value;
      box.append(el("label", { class: "check" }, cb, el("span", { class: "unit", text: unit(lever.unit) })));
    } else if (lever.kind === "grant_bands") {
      box.append(el("span", { class: "unit", text: unit(lever.unit) }));
      lever.value.forEach((band, i) => {
        box.append(el("label", {}, el("span", { text: t("grant_band", { km: band.min_km }) }),
          el("input", { type: "number", min: 0, step: 100000, value: band.vnd, id: id + "-" + i, "data-km": band.min_km })));
      });
    } else {
      box.append(numberControl(id, lever.value, lever.min, lever.max, lever.step, unit(lever.unit)));
    }
    root.append(box);
  }
  const targets = $("targets"); targets.replaceChildren();
  for (const lever of c.targets.levers) {
    const cur = c.targets.current[lever] || {};
    const row = el("div", { class: "target", "data-target": lever }, el("strong", { text: t("t_" + lever) }));
    const ed = el("input", { type: "checkbox", "data-field": "especially_difficult_only" }); ed.checked = !!cur.especially_difficult_only;
    const key = el("input", { type: "checkbox", "data-field": "key_posts_only" }); key.checked = !!cur.key_posts_only;
    row.append(el("label", { class: "check" }, ed, t("target_ed")), el("label", { class: "check" }, key, t("target_key")));
    const levels = el("span", {}, t("target_levels") + ": ");
    for (const lv of c.targets.levels) {
      const cb = el("input", { type: "checkbox", "data-level": lv }); cb.checked = (cur.to_levels || []).includes(lv);
      levels.append(el("label", { class: "check" }, cb, lv));
    }
    row.append(levels);
    targets.append(row);
  }
  const flows = $("flows"); flows.replaceChildren();
  for (const f of c.flows) {
    const head = el("div", { class: "lever-head" },
      el("span", { class: "lever-name", text: f.id + " (" + f.from_level + " → " + f.to_level + ", " + f.purpose + ")" }),
      el("span", { class: "src", text: sourcesNote(f) }));
    flows.append(el("div", { class: "lever", "data-flow": f.id }, head, numberControl("flow-" + f.id, f.value, f.min, f.max, f.step, unit(f.unit))));
  }
}

// The lever settings as the API takes them: every lever's current control value.
function currentLevers() {
  const c = state.catalog, support = {}, flows = {};
  for (const lever of c.support) {
    const id = "lever-" + lever.key;
    if (lever.kind === "switch") support[lever.key] = $(id).checked;
    else if (lever.kind === "grant_bands") support[lever.key] = lever.value.map((b, i) => ({ min_km: b.min_km, vnd: Number($(id + "-" + i).value) }));
    else support[lever.key] = Number($(id).value);
  }
  const targets = {};
  document.querySelectorAll("#targets .target").forEach(row => {
    const ed = row.querySelector('[data-field="especially_difficult_only"]').checked;
    const key = row.querySelector('[data-field="key_posts_only"]').checked;
    const levels = [...row.querySelectorAll("[data-level]")].filter(x => x.checked).map(x => x.dataset.level);
    if (!ed && !key && !levels.length) { targets[row.dataset.target] = null; return; }
    targets[row.dataset.target] = { especially_difficult_only: ed, key_posts_only: key, to_levels: levels.length ? levels : null };
  });
  if (Object.keys(targets).length) support.targets = targets;
  for (const f of c.flows) flows[f.id] = Number($("flow-" + f.id).value);
  return { support, flows };
}

// The shock files ticked (both sides of a run play under them), or undefined for none.
function currentShocks() {
  const list = [...document.querySelectorAll("#shocks [data-shock]")].filter(x => x.checked).map(x => x.dataset.shock);
  return list.length ? list : undefined;
}
function setShocks(list) {
  document.querySelectorAll("#shocks [data-shock]").forEach(x => { x.checked = (list || []).includes(x.dataset.shock); });
}

// ---- runs --------------------------------------------------------------------------------------
async function startRun() {
  clearError();
  const body = {
    scenario: state.scenario,
    levers: currentLevers(),
    replications: Number($("replications").value),
    seed: Number($("seed").value),
    label: $("label").value || "what-if",
  };
  if ($("branch-from").value) body.branch_from = $("branch-from").value;
  body.shocks = currentShocks();
  const { id } = await api("POST", "/api/runs", body);
  state.runId = id;
  $("run").disabled = true; $("cancel").disabled = false;
  pollRun();
}
async function pollRun() {
  if (!state.runId) return;
  const r = await api("GET", "/api/runs/" + state.runId);
  $("progress").max = Math.max(1, r.total); $("progress").value = r.done;
  if (r.state === "queued" || r.state === "running") {
    $("run-status").textContent = r.state === "queued" ? t("queued") : t("running", { done: r.done, total: r.total });
    setTimeout(() => pollRun().catch(showError), 250);
    return;
  }
  $("run").disabled = false; $("cancel").disabled = true; state.runId = null;
  if (r.state === "done") {
    $("run-status").textContent = t("done", { n: r.result.replications });
    state.result = r.result;
    showResult(r.result);
  } else {
    $("run-status").textContent = r.state === "cancelled" ? t("cancelled") : t("failed", { error: r.error });
  }
}
async function cancelRun() { if (state.runId) await api("DELETE", "/api/runs/" + state.runId); }

// ---- results -----------------------------------------------------------------------------------
const HIGHER_IS_BETTER = { key_posts_covered: true, successor_coverage_1_run_mean: true, rotations: true, plan_fulfilment: true };
// Costs in million VND; coverage and plan fulfilment in % as the metric.* labels say (shared with
// the summary and report.html); the league's share of key posts covered stays a share.
function scaled(metric, x) { return x === null ? null : metric === "support_cost_vnd" ? x / 1e6 : /coverage|fulfil/.test(metric) ? x * 100 : x; }
function decimals(metric) { return /covered/.test(metric) ? 3 : 1; }
function interval(metric, s) {
  const d = decimals(metric);
  if (s.mean === null) return fmt(null, d);
  return fmt(scaled(metric, s.mean), d) + " [" + fmt(scaled(metric, s.ci_low), d) + ", " + fmt(scaled(metric, s.ci_high), d) + "]";
}

function showResult(result) {
  $("results").hidden = false;
  const [base, variant] = result.scenarios;
  const table = $("headlines"); table.replaceChildren();
  table.append(el("tr", {}, el("th", { text: t("metric") }), el("th", { text: t("baseline") }), el("th", { text: variant.label }), el("th", { text: t("difference") })));
  variant.headlines.forEach((h, i) => {
    const b = base.headlines[i];
    const d = h.difference;
    // A figure that applies nowhere (null: e.g. plan fulfilment without a plan) has no verdict.
    let cls = "", word = d && d.mean === null ? "" : t("not_clear");
    // Every paired difference 0: the policy does not move this figure at all.
    if (d && d.mean === 0 && d.ci_low === 0 && d.ci_high === 0) word = t("same");
    if (d && (d.ci_low > 0 || d.ci_high < 0)) {
      const up = d.mean > 0, better = (HIGHER_IS_BETTER[h.metric] || false) === up;
      const costly = h.metric === "support_cost_vnd";
      cls = costly ? "" : (better ? "good" : "bad"); word = costly ? "" : t(better ? "better" : "worse");
    }
    table.append(el("tr", {}, el("td", { text: t("m_" + h.metric) }), el("td", { text: fmt(scaled(h.metric, b.value.mean), decimals(h.metric)) }),
      el("td", { text: fmt(scaled(h.metric, h.value.mean), decimals(h.metric)) }),
      el("td", { class: cls, text: d ? interval(h.metric, d) + (word ? " · " + word : "") : "—" })));
  });
  drawCharts(base, variant);
  drawPipeline(variant);
}

const COLORS = { base: "#52606d", variant: "#0b6e4f" };
// Draws with CadresimCharts (analysis/report/charts.js, on Chart.js) and offers the numbers drawn
// as CSV under the chart.
function chartDrawn(id, chart) {
  state.charts[id] = chart;
  // A legend naming the baseline and the what-if (the interval bands are not listed).
  chart.options.maintainAspectRatio = false;  // the .chart-box sets the height
  chart.options.plugins.legend = { display: true, position: "top",
    labels: { boxWidth: 14, filter: item => !/ (hi|lo)$/.test(item.text) } };
  chart.update();
  const canvas = $(id);
  canvas.dataset.rendered = "1";
  const slot = $(id + "-download");
  if (slot) {
    slot.replaceChildren();
    CadresimCharts.downloadButton(slot, id + ".csv", chart.cadresimData.header, chart.cadresimData.rows, t("download"));
  }
}
function lineChart(id, series, opts) {
  if (state.charts[id]) state.charts[id].destroy();
  const chart = CadresimCharts.line($(id), {
    decimals: (opts && opts.decimals) || 1, dates: series[0].data.dates, words: { interval: t("interval") },
    reference: opts && opts.zero ? { value: 0, label: "0" } : undefined,
    // Levels (counts, shares) are never negative: their band is floored at 0, as report.html's
    // bars are; a difference (opts.zero) keeps its sign.
    series: series.map(s => ({ label: s.label, colour: s.color, mean: s.data.mean,
      lo: opts && opts.zero ? s.data.ci_low : s.data.ci_low.map(v => (v === null ? null : Math.max(0, v))),
      hi: s.data.ci_high })),
  });
  chartDrawn(id, chart);
}
function barChart(id, series, scale) {
  if (state.charts[id]) state.charts[id].destroy();
  const chart = CadresimCharts.bars($(id), {
    decimals: 0, words: { interval: t("interval") }, categories: series[0].data.dates.map(d => d.slice(0, 4)),
    series: series.map(s => ({ label: s.label, colour: s.color, mean: s.data.mean.map(x => x * scale),
      lo: s.data.ci_low.map(x => x * scale), hi: s.data.ci_high.map(x => x * scale) })),
  });
  chartDrawn(id, chart);
}
function drawCharts(base, variant) {
  const pair = m => [{ label: t("baseline"), data: base.series[m], color: COLORS.base },
                     { label: variant.label, data: variant.series[m], color: COLORS.variant }];
  lineChart("chart-vacant-key", pair("vacancies_key"));
  lineChart("chart-vacant-key-diff", [{ label: variant.label + " − " + t("baseline"), data: variant.difference_series.vacancies_key, color: COLORS.variant }], { zero: true });
  barChart("chart-cost", pair("support_cost_vnd"), 1e-6);
  lineChart("chart-coverage", pair("successor_coverage_1"), { decimals: 2 });
}
function drawPipeline(variant) {
  const table = $("pipeline"); table.replaceChildren();
  const fields = ["posts", "ready_0", "ready_1", "ready_2+", "renewal_share"];
  table.append(el("tr", {}, el("th", { text: t("pipeline_date") }), el("th", { text: t("pipeline_title") }), ...fields.map(f => el("th", { text: t(f) }))));
  for (const row of variant.pipeline)
    table.append(el("tr", {}, el("td", { text: row.date }), el("td", { text: row.title }), ...fields.map(f => el("td", { text: row[f] === undefined ? "—" : fmt(row[f], f === "renewal_share" ? 2 : 1) }))));
}

// ---- story -------------------------------------------------------------------------------------
async function tellStory() {
  clearError();
  const r = await api("POST", "/api/story", { scenario: state.scenario, shocks: currentShocks(), levers: currentLevers(), seed: Number($("seed").value), who: $("who").value, lang: state.lang });
  $("story-subject").textContent = r.subject;
  const ol = $("story-lines"); ol.replaceChildren();
  for (const line of r.lines) ol.append(el("li", {}, el("span", { class: "date", text: line.date_text }), line.text));
}

// ---- room --------------------------------------------------------------------------------------
async function openRoom() {
  clearError();
  const r = await api("POST", "/api/rooms", { scenario: state.scenario, shocks: currentShocks(), budget_million_vnd: Number($("budget").value), replications: Number($("room-replications").value) });
  state.room = { code: r.code, key: r.key };
  $("room-code").textContent = r.code;
  $("run-round").disabled = false; $("next-round").disabled = false;
  $("team-panel").hidden = true;  // this screen is the facilitator's now
  showRoom(r); watchRoom(r.code);
}
async function joinRoom() {
  clearError();
  const code = $("join-code").value.trim().toUpperCase();
  const r = await api("GET", "/api/rooms/" + encodeURIComponent(code));
  state.team = { code: r.code, name: $("team-name").value.trim() };
  if (r.scenario !== state.scenario) { $("scenario").value = r.scenario; await selectScenario(r.scenario); }
  setShocks(r.shocks);  // the team plays under the room's shock cards
  $("submit-team").disabled = false;
  $("facilitator-panel").hidden = true;  // this screen is a team's now
  showRoom(r); watchRoom(r.code);
}
async function submitTeam() {
  clearError();
  state.team.name = $("team-name").value.trim();
  const r = await api("POST", "/api/rooms/" + state.team.code + "/submissions", { team: state.team.name, levers: currentLevers() });
  const e = r.estimate, c = e.cost_million_vnd;
  $("team-status").textContent = t("submitted", { round: r.round }) + " " +
    t(e.over_budget ? "estimate_over" : "estimate", { cost: fmt(c.mean, 1), n: e.replications, budget: fmt(r.budget_million_vnd, 0) });
  $("team-status").classList.toggle("flag", e.over_budget);
  showRoom(r);
}
async function runRound() {
  clearError();
  const r = await api("POST", "/api/rooms/" + state.room.code + "/run", { key: state.room.key });
  showRoom(r);
}
async function nextRound() {
  clearError();
  const r = await api("POST", "/api/rooms/" + state.room.code + "/next", { key: state.room.key });
  showRoom(r);
}
function watchRoom(code) {
  if (state.roomTimer) clearInterval(state.roomTimer);
  state.roomTimer = setInterval(() => api("GET", "/api/rooms/" + code).then(showRoom).catch(showError), 1000);
}
let shownLeagueRun = null;
function showRoom(r) {
  $("room-round").textContent = r.round;
  $("room-teams").textContent = r.teams.join(", ") || "—";
  if (r.run) { $("room-progress").max = Math.max(1, r.run.total); $("room-progress").value = r.run.done; }
  if (!r.league) { if (!r.run) { $("league").replaceChildren(); $("team-charts").replaceChildren(); shownLeagueRun = null; } return; }
  if (shownLeagueRun === r.run.id) return;
  shownLeagueRun = r.run.id;
  const table = $("league"); table.replaceChildren();
  table.append(el("tr", {}, el("th", { text: t("rank") }), el("th", { text: t("team") }), el("th", { text: t("cost") }), el("th", { text: t("covered") }), el("th", { text: t("gain") })));
  for (const row of r.league) {
    const c = row.cost_million_vnd, k = row.key_posts_covered, g = row.covered_gain;
    table.append(el("tr", { "data-team": row.team }, el("td", { text: row.rank + ". " }),
      el("td", {}, row.team, row.over_budget ? el("span", { class: "flag", text: " (" + t("over_budget") + ")" }) : null),
      el("td", { text: fmt(c.mean, 1) + " [" + fmt(c.ci_low, 1) + ", " + fmt(c.ci_high, 1) + "]" }),
      el("td", { text: fmt(100 * k.mean, 1) + "% [" + fmt(100 * k.ci_low, 1) + ", " + fmt(100 * k.ci_high, 1) + "]" }),
      el("td", { text: fmt(100 * g.mean, 1) + " [" + fmt(100 * g.ci_low, 1) + ", " + fmt(100 * g.ci_high, 1) + "] pp" })));
  }
  const grid = $("team-charts"); grid.replaceChildren();
  const base = r.result.scenarios[0];
  const teams = r.result.scenarios.slice(1);
  // Every figure is in the grid before the first chart is drawn, so each is drawn at its width.
  teams.forEach((team, i) => grid.append(el("figure", {}, el("figcaption", { text: team.label }),
    el("div", { class: "chart-box" }, el("canvas", { id: "team-chart-" + i })), el("span", { class: "download-slot", id: "team-chart-" + i + "-download" }))));
  teams.forEach((team, i) => {
    const id = "team-chart-" + i;
    lineChart(id, [{ label: t("baseline"), data: base.series.vacancies_key, color: COLORS.base },
                   { label: team.label, data: team.series.vacancies_key, color: COLORS.variant }]);
  });
}

// ---- start -------------------------------------------------------------------------------------
function wire(id, event, f) { $(id).addEventListener(event, () => { Promise.resolve().then(f).catch(showError); }); }
async function start() {
  const url = new URL(window.location.href);
  if (url.searchParams.has("token")) { url.searchParams.delete("token"); history.replaceState(null, "", url.pathname + url.search); }
  state.lang = url.searchParams.get("lang") === "vi" ? "vi" : (localStorage.getItem("cadresim-lang") || "en");
  $("lang").value = state.lang;
  translatePage();
  wire("lang", "change", () => {
    state.lang = $("lang").value; localStorage.setItem("cadresim-lang", state.lang); translatePage();
    if (state.catalog) { showPeriod(); drawLevers(); }
    if (state.result) showResult(state.result);
  });
  wire("projector", "change", () => { document.body.classList.toggle("projector", $("projector").checked); Object.values(state.charts).forEach(c => c.resize()); });
  document.querySelectorAll(".tab").forEach(b => b.addEventListener("click", () => {
    document.querySelectorAll(".tab").forEach(x => x.classList.toggle("active", x === b));
    document.querySelectorAll(".tab-page").forEach(p => { p.hidden = p.id !== b.dataset.tab; });
  }));
  wire("scenario", "change", () => selectScenario($("scenario").value));
  wire("reset", "click", () => drawLevers());
  wire("run", "click", startRun);
  wire("cancel", "click", cancelRun);
  wire("tell", "click", tellStory);
  wire("open-room", "click", openRoom);
  wire("join", "click", joinRoom);
  wire("submit-team", "click", submitTeam);
  wire("run-round", "click", runRound);
  wire("next-round", "click", nextRound);
  await loadScenarios();
  document.body.dataset.status = "ok";
}
start().catch(err => { document.body.dataset.status = "error"; showError(err); });
