// The terminal summary of a run or a comparison (summary.txt), in the language asked for
// (analysis/messages.hpp): headline figures, end-of-run values, election pipelines, personnel
// actions, rotation flows and, for a comparison, one side-by-side table with verdicts.
#include <fmt/core.h>  // fmt::format

#include <algorithm>  // std::sort, std::max
#include <cmath>      // std::abs, std::pow, std::round
#include <initializer_list>

#include "analysis/messages.hpp"  // tr, trf: every text of the summary
#include "analysis/report.hpp"
#include "analysis/report/html_parts.hpp"  // html::verdict, the rule of "better / worse"
#include "analysis/text_width.hpp"         // display_width, pad_left/right, format_table

namespace cadresim::analysis {

std::string format_interval(const Summary& s, int decimals, Lang lang) {
  // Adding 0.0 turns -0 into 0, and values that round to zero are printed without a sign.
  const double limit = 0.5 * std::pow(10.0, -decimals);
  auto clean = [&](double v) { return std::abs(v) < limit ? 0.0 : v + 0.0; };
  if (not_applicable_anywhere(s)) return std::string(tr(lang, "value.not_applicable"));
  if (s.n < 2) return format_number(lang, clean(s.mean), decimals);
  // Vietnamese writes a decimal comma, so its bounds are parted by a semicolon.
  return fmt::format("{} [{}{}{}]", format_number(lang, clean(s.mean), decimals),
                     format_number(lang, clean(s.ci_low), decimals), text::list_separator(lang),
                     format_number(lang, clean(s.ci_high), decimals));
}

namespace {

// The decimals of a count of events: whole numbers when every figure shown is one, else one
// decimal for all of them (docs/cli.md § Numbers in the summary).
constexpr int kCount = -1;

// A headline quantity: a total over the run, or the value of a monthly series at the end.
struct Headline {
  const char* metric;
  const char* group;
  bool total;         ///< else: monthly value at the end
  const char* label;  ///< message id of its label (analysis/message_catalog.cpp)
  double scale;       ///< display multiplier (100 for shares, 1e-6 for VND → million)
  int decimals;       ///< or kCount
  int better;         ///< +1 higher is better, -1 lower is better, 0 neither (as in report.html)
};

// The mean alone (a comparison's column per scenario), or "n/a" where it applies nowhere.
std::string format_mean(const Summary& s, int decimals, Lang lang) {
  if (not_applicable_anywhere(s)) return std::string(tr(lang, "value.not_applicable"));
  return format_number(lang, s.mean, decimals);
}

bool whole(double v) {
  return std::abs(v - std::round(v)) < 1e-9;
}

// The decimals of headline `h` for the figures `shown` (already scaled): its fixed decimals, or
// for a count, 0 when every mean and interval bound shown is a whole number, else 1.
int decimals_for(const Headline& h, std::initializer_list<const Summary*> shown) {
  if (h.decimals != kCount) return h.decimals;
  for (const Summary* s : shown)
    if (s && (!whole(s->mean) || (s->n >= 2 && (!whole(s->ci_low) || !whole(s->ci_high)))))
      return 1;
  return 0;
}

// Rows of (label, value), the labels padded to the widest one's displayed width.
std::string aligned_rows(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, display_width(row.first));
  std::string out;
  for (const auto& row : rows) {
    out += "  ";
    out += pad_right(row.first, width);
    out += "  ";
    out += row.second;
    out += '\n';
  }
  return out;
}

// The verdict on a paired difference, in report.html's words and by its rule: only an interval
// that excludes zero is a difference; then better or worse by the metric's direction.
std::string difference_verdict(const Summary& d, int better, Lang lang) {
  if (not_applicable_anywhere(d)) return std::string(tr(lang, "verdict.not_applicable"));
  html::Value v;
  v.n = static_cast<double>(d.n), v.mean = d.mean, v.lo = d.ci_low, v.hi = d.ci_high;
  const html::Verdict verdict = html::verdict(v, better, lang);
  const std::string_view css = verdict.css;
  if (css == "better") return std::string(tr(lang, "verdict.better"));
  if (css == "worse") return std::string(tr(lang, "verdict.worse"));
  return verdict.words;
}

// No headline is a last-day snapshot: states are averaged over the run's month ends (values at
// each congress are in the pipeline tables); end-of-run values are listed apart, as such.
constexpr Headline kHeadlines[] = {
    {"vacancy_months", "all", true, "metric.vacancy_months", 1, kCount, -1},
    {"vacancies_run_mean", "all", true, "metric.vacancies_run_mean", 1, 1, -1},
    {"vacancies_key_run_mean", "all", true, "metric.vacancies_key_run_mean", 1, 1, -1},
    {"time_to_fill_days_mean", "all", true, "metric.time_to_fill_days_mean", 1, 0, -1},
    {"successor_coverage_1_run_mean", "all", true, "metric.successor_coverage_1_run_mean", 100, 1,
     1},
    {"successor_coverage_2_run_mean", "all", true, "metric.successor_coverage_2_run_mean", 100, 1,
     1},
    {"bench_strength_run_mean", "all", true, "metric.bench_strength_run_mean", 1, 2, 1},
    {"without_post_run_mean", "all", true, "metric.without_post_run_mean", 1, 1, -1},
    {"appointments", "all", true, "metric.appointments", 1, kCount, 0},
    {"elections", "all", true, "metric.elections", 1, kCount, 0},
    {"retirements", "all", true, "metric.retirements", 1, kCount, 0},
    {"exits", "all", true, "metric.exits", 1, kCount, -1},
    {"recruitments", "all", true, "metric.recruitments", 1, kCount, 0},
    {"rotations", "all", true, "metric.rotations", 1, kCount, 0},
    {"plan_fulfilment", "all", true, "metric.plan_fulfilment", 100, 1, 1},
    {"refusals", "all", true, "metric.refusals", 1, kCount, -1},
    {"early_returns", "all", true, "metric.early_returns", 1, kCount, -1},
    {"completed_well_share", "all", true, "metric.completed_well_share", 100, 1, 1},
    {"shortfall_mean", "all", true, "metric.shortfall_mean", 100, 1, -1},
    // The mean hides a skewed spread (large gains of a few moves, up to better-paid posts or into
    // especially difficult communes, beside most moves losing): the share of moves that lose
    // income says how many are worse off.
    {"shortfall_positive_share", "all", true, "metric.shortfall_positive_share", 100, 1, -1},
    {"support_cost_vnd", "all", true, "metric.support_cost_vnd", 1e-6, 1, -1},
    {"effectiveness_key_run_mean", "all", true, "metric.effectiveness_key_run_mean", 1, 3, 1},
    // Staffing (only in scenarios with a "staffing" section): means over the run's month ends.
    {"units_short_mean", "all", true, "metric.units_short_mean", 1, 1, -1},
    {"units_in_surplus_mean", "all", true, "metric.units_in_surplus_mean", 1, 1, -1},
    {"headcount_surplus_mean", "all", true, "metric.headcount_surplus_mean", 1, 1, -1},
    // Structural events (only in scenarios with a "structure" section): the surplus and its fate.
    {"reform_posts_ended", "all", true, "metric.reform_posts_ended", 1, kCount, 0},
    {"reform_placed", "all", true, "metric.reform_placed", 1, kCount, 1},
    {"reform_surplus", "all", true, "metric.reform_surplus", 1, kCount, -1},
    {"reform_surplus", "reassigned", true, "metric.reform_surplus.reassigned", 1, kCount, -1},
    {"reform_surplus", "seconded", true, "metric.reform_surplus.seconded", 1, kCount, -1},
    {"reform_surplus", "exited", true, "metric.reform_surplus.exited", 1, kCount, -1},
    {"reform_exit_cost_vnd", "all", true, "metric.reform_exit_cost_vnd", 1e-6, 1, -1},
};

// End-of-run values: kept available, labelled as the last day's snapshot.
constexpr Headline kEndValues[] = {
    {"vacancies", "all", false, "metric.vacancies.last_day", 1, 1, -1},
    {"vacancies_key", "all", false, "metric.vacancies_key.last_day", 1, 1, -1},
    {"successor_coverage_1", "all", false, "metric.successor_coverage_1.last_day", 100, 1, 1},
};

const Summary* find_headline(const Aggregate& a, const Headline& h) {
  if (h.total) return a.total(h.metric, h.group);
  for (const auto& s : a.monthly)
    if (s.key.metric == h.metric && s.key.group == h.group && !s.stats.empty())
      return &s.stats.back();
  return nullptr;
}

Summary scaled(const Summary& s, double k) {
  Summary r = s;
  r.mean *= k, r.sd *= std::abs(k), r.ci_low *= k, r.ci_high *= k, r.p05 *= k, r.p50 *= k,
      r.p95 *= k;
  if (k < 0) std::swap(r.ci_low, r.ci_high), std::swap(r.p05, r.p95);
  return r;
}

std::size_t key_post_count(const model::Scenario& s) {
  std::size_t n = 0;
  for (model::PostId p = 0; p < s.organisation.posts.size(); ++p)
    n += s.organisation.title_of(p).key;
  return n;
}

bool interval_excludes_zero(const Summary& s) {
  return s.n >= 2 && (s.ci_low > 0 || s.ci_high < 0);
}

// Whole-run personnel actions by managing tier (docs/model.md § Managing tiers), one row per
// tier; empty when the run has no such series.
std::string personnel_actions_table(const model::Scenario& s, const Aggregate& a, Lang lang) {
  static constexpr const char* kActions[] = {"planned", "appointed", "mobilised", "rotated"};
  std::vector<std::vector<std::string>> table{{std::string(tr(lang, "summary.actions.tier"))}};
  for (const char* id : {"summary.actions.planned", "summary.actions.appointed",
                         "summary.actions.mobilised", "summary.actions.rotated"})
    table.front().emplace_back(tr(lang, id));
  for (const auto& tier : s.organisation.tiers) {
    auto& row = table.emplace_back(std::vector<std::string>{tier.name});
    for (const char* action : kActions) {
      const Summary* v = a.total("personnel_actions", tier.id + "/" + action);
      row.push_back(v ? format_interval(*v, 1, lang) : std::string("-"));
    }
  }
  if (table.size() == 1) return {};
  return std::string("\n") + std::string(tr(lang, "summary.actions.title")) + "\n" +
         format_table(table);
}

// The pipeline table of each election in the period (docs/model.md § Metrics,
// election_pipeline): per key title, posts, posts with 0 / 1 / 2+ ready-now successors before
// the election, and how the posts were filled.
std::string election_pipeline_tables(const model::Scenario& s, const Aggregate& a, Lang lang) {
  std::vector<std::pair<Day, std::string>> elections;
  for (const auto& e : s.calendar.party_congresses)
    if (e.date > s.calendar.start && e.date <= s.calendar.end)
      elections.push_back({e.date, std::string(tr(lang, "summary.pipeline.congress"))});
  for (const auto& e : s.calendar.state_elections)
    if (e.date > s.calendar.start && e.date <= s.calendar.end)
      elections.push_back({e.date, std::string(tr(lang, "summary.pipeline.state_election"))});
  std::sort(elections.begin(), elections.end());
  static constexpr const char* kCols[] = {"ready_0",     "ready_1",         "ready_2+",
                                          "reelected",   "ready_successor", "not_ready_successor",
                                          "unit_deputy", "designated",      "held_over",
                                          "left_vacant", "from_outside"};
  static constexpr const char* kHeads[] = {
      "summary.pipeline.ready_0",     "summary.pipeline.ready_1",
      "summary.pipeline.ready_2",     "summary.pipeline.reelected",
      "summary.pipeline.ready_succ",  "summary.pipeline.not_ready_succ",
      "summary.pipeline.unit_deputy", "summary.pipeline.designated",
      "summary.pipeline.held_over",   "summary.pipeline.vacant",
      "summary.pipeline.from_outside"};
  std::string out;
  for (const auto& [date, kind] : elections) {
    const std::string d = kernel::format_iso_date(date);  // the key of the election's figures
    std::vector<std::string> whos;
    for (const auto& t : s.organisation.titles)
      if (t.key) whos.push_back(t.id);
    whos.push_back("key");
    whos.push_back("all");
    // Units asked for with --pipeline-units: a row each, after the totals.
    const std::string unit_prefix = d + "/unit:";
    for (const auto& [k, v] : a.totals)
      if (k.metric == "election_pipeline" && k.group.starts_with(unit_prefix) &&
          k.group.ends_with("/posts"))
        whos.push_back(k.group.substr(d.size() + 1, k.group.size() - d.size() - 7));
    // Each column as wide as its widest cell (format_table): a national run's counts and a
    // unit's long name keep the columns in line.
    std::vector<std::vector<std::string>> table{
        {std::string(tr(lang, "summary.pipeline.title_column")),
         std::string(tr(lang, "summary.pipeline.posts"))}};
    for (const char* h : kHeads) table.front().emplace_back(tr(lang, h));
    table.front().emplace_back(tr(lang, "summary.pipeline.renewed"));
    for (const auto& who : whos) {
      const Summary* posts = a.total("election_pipeline", d + "/" + who + "/posts");
      if (!posts || posts->mean <= 0) continue;
      auto& row = table.emplace_back();
      row.push_back(who == "key"   ? std::string(tr(lang, "summary.pipeline.all_key"))
                    : who == "all" ? std::string(tr(lang, "summary.pipeline.all_elected"))
                                   : who);
      row.push_back(format_number(lang, posts->mean, 1));
      for (const char* c : kCols) {
        const Summary* v = a.total("election_pipeline", d + "/" + who + "/" + c);
        row.push_back(v ? format_interval(*v, 1, lang) : std::string("-"));
      }
      const Summary* r = a.total("election_pipeline", d + "/" + who + "/renewal_share");
      row.push_back(r ? format_interval(scaled(*r, 100), 1, lang) : std::string("-"));
    }
    if (table.size() == 1) continue;
    out += std::string("\n") + trf(lang, "summary.pipeline.title", short_date(lang, date), kind) +
           "\n" + format_table(table);
  }
  return out;
}

// A line per shock card of each scenario (docs/scenarios.md § Shock cards): its date, what it
// says and what it did — for a departure, how many cadres it took out (mean [95 % interval]).
std::string shock_lines(const std::vector<ScenarioResults>& results, Lang lang) {
  std::string out;
  for (const auto& r : results) {
    if (r.scenario == nullptr || r.scenario->shocks.empty()) continue;
    out += std::string("\n") + trf(lang, "summary.shocks.title", r.name) + "\n";
    for (const auto& card : r.scenario->shocks) {
      std::string did;
      switch (card.kind) {
        case model::ShockKind::kDeparture: {
          const Summary* left = r.aggregate.total("shock_departures", card.id);
          did = trf(lang, "summary.shocks.departure", left ? format_interval(*left, 1, lang) : "0");
          break;
        }
        case model::ShockKind::kChange:
        case model::ShockKind::kAllowanceCut:
          did = tr(lang, "summary.shocks.change");
          break;
        case model::ShockKind::kHiringFreeze:
          did = tr(lang, "summary.shocks.hiring_freeze");
          break;
        case model::ShockKind::kExtraRotationRound:
          did = tr(lang, "summary.shocks.extra_round");
          break;
        case model::ShockKind::kMerge:
          did = tr(lang, "summary.shocks.merge");
          break;
      }
      out += fmt::format("  {} {} {}: {}\n", short_date(lang, card.date), pad_right(card.id, 10),
                         card.label, did);
    }
  }
  return out;
}

}  // namespace

std::string format_summary(const std::vector<ScenarioResults>& results, const Provenance& prov,
                           Lang lang) {
  std::string out;
  if (results.empty()) return out;
  const ScenarioResults& base = results.front();
  const auto& cal = base.scenario->calendar;
  out += fmt::format("cadresim {} — {} ({})\n", prov.version, base.name, base.source);
  out += trf(lang, "summary.period", short_date(lang, cal.start), short_date(lang, cal.end),
             prov.replications, prov.seed) +
         "\n";
  out += format_changes(results, lang);
  out += shock_lines(results, lang);
  if (results.size() == 1) {
    const Aggregate& a = base.aggregate;
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& h : kHeadlines)
      if (const Summary* s = find_headline(a, h)) {
        const Summary v = scaled(*s, h.scale);
        std::string value = format_interval(v, decimals_for(h, {&v}), lang);
        if (v.n > 0 && v.not_applicable > 0)  // the mean is over the replications it applies in
          value += " " + trf(lang, "value.applies_in", v.n, v.n + v.not_applicable);
        rows.emplace_back(tr(lang, h.label), std::move(value));
      }
    out += std::string("\n") + aligned_rows(rows);
    rows.clear();
    for (const auto& h : kEndValues)
      if (const Summary* s = find_headline(a, h)) {
        const Summary v = scaled(*s, h.scale);
        rows.emplace_back(tr(lang, h.label), format_interval(v, decimals_for(h, {&v}), lang));
      }
    out +=
        std::string("\n") + std::string(tr(lang, "summary.end_values")) + "\n" + aligned_rows(rows);
    out += election_pipeline_tables(*base.scenario, a, lang);
    rows.clear();
    for (const auto& l : base.scenario->organisation.levels) {
      for (const auto& s : a.monthly)
        if (s.key.metric == "vacancies" && s.key.group == l.id && !s.stats.empty())
          rows.emplace_back(l.name, format_interval(s.stats.back(), 1, lang));
    }
    out += std::string("\n") + std::string(tr(lang, "summary.vacancies_by_level")) + "\n" +
           aligned_rows(rows);
    out += personnel_actions_table(*base.scenario, a, lang);
    if (!base.scenario->rotation.flows.empty()) {
      std::vector<std::vector<std::string>> flows{
          {std::string(tr(lang, "summary.flows.flow")),
           std::string(tr(lang, "summary.flows.whole_run")),
           std::string(tr(lang, "summary.flows.per_year"))}};
      for (const auto& id : model::all_flow_ids(*base.scenario)) {  // dated changes' too
        const Summary* s = a.total("rotations_flow", id);
        if (!s) continue;
        std::string per_year;
        for (const auto& ys : a.yearly)
          if (ys.key.metric == "rotations_flow" && ys.key.group == id)
            for (std::size_t t = 0; t < ys.stats.size() && t < 4; ++t)
              per_year += fmt::format("{}{}: {}", t == 0 ? "" : text::list_separator(lang),
                                      kernel::split(ys.dates[t]).year,
                                      format_number(lang, ys.stats[t].mean, 1));
        flows.push_back({id, format_interval(*s, 1, lang), per_year});
      }
      out += std::string("\n") + std::string(tr(lang, "summary.flows.title")) + "\n" +
             format_table(flows, 2);
      const std::pair<const char*, const char*> outcomes[] = {
          {"returned", "summary.outcomes.returned"},
          {"promoted", "summary.outcomes.promoted"},
          {"stayed", "summary.outcomes.stayed"}};
      std::vector<std::pair<std::string, std::string>> outcome_rows;
      for (const auto& [o, label] : outcomes)
        if (const Summary* s = a.total("rotation_outcomes", o))
          outcome_rows.emplace_back(tr(lang, label), format_interval(*s, 1, lang));
      out += std::string("\n") + std::string(tr(lang, "summary.outcomes.title")) + "\n" +
             aligned_rows(outcome_rows);
      if (a.shortfall_per_move.n > 0) {
        const auto pct = [lang](double v) { return format_number(lang, 100 * v, 1); };
        out += std::string("\n") +
               trf(lang, "summary.shortfall_per_move",
                   format_number(lang, static_cast<double>(a.shortfall_per_move.n), 0),
                   pct(a.shortfall_per_move.mean), pct(a.shortfall_per_move.p50),
                   pct(a.shortfall_per_move.p05), pct(a.shortfall_per_move.p95)) +
               "\n";
      }
    }
    return out;
  }
  // Comparison: one table, a column per scenario, then each variant's paired difference from
  // the base with its interval and verdict (the rule of report.html: html::verdict).
  const double keys = static_cast<double>(key_post_count(*base.scenario));
  std::vector<std::vector<std::string>> table;  // header row first
  std::vector<std::string> head{std::string(tr(lang, "summary.compare.metric"))};
  for (const auto& r : results) head.push_back(r.name);
  for (std::size_t v = 1; v < results.size(); ++v) {
    head.push_back(results.size() > 2
                       ? trf(lang, "summary.compare.difference_of", results[v].name, base.name)
                       : std::string(tr(lang, "summary.compare.difference")));
    head.push_back(std::string(tr(lang, "summary.compare.verdict")));
  }
  table.push_back(head);
  bool any_not_applicable = false;  // a figure shown as "n/a"
  std::vector<std::string> partly;  // figures that apply in only some replications
  for (const auto& h : kHeadlines) {
    std::vector<Summary> values, diffs;
    bool all = true;
    for (std::size_t v = 0; v < results.size() && all; ++v) {
      const Summary* x = find_headline(results[v].aggregate, h);
      all = x != nullptr;
      if (x) values.push_back(scaled(*x, h.scale));
      if (v > 0 && all) {
        const Summary* d = find_headline(results[v].difference, h);
        all = d != nullptr;
        if (d) diffs.push_back(scaled(*d, h.scale));
      }
    }
    if (!all) continue;
    // One number of decimals for the metric across the whole row.
    int decimals = h.decimals;
    if (decimals == kCount) {
      decimals = 0;
      for (const auto& x : values) decimals = std::max(decimals, decimals_for(h, {&x}));
      for (const auto& x : diffs) decimals = std::max(decimals, decimals_for(h, {&x}));
    }
    std::vector<std::string> row{std::string(tr(lang, h.label))};
    for (std::size_t v = 0; v < values.size(); ++v) {
      const Summary& x = values[v];
      row.push_back(format_mean(x, decimals, lang));
      any_not_applicable = any_not_applicable || not_applicable_anywhere(x);
      if (x.n > 0 && x.not_applicable > 0)
        partly.push_back(trf(lang, "summary.compare.applies_in", tr(lang, h.label), results[v].name,
                             x.n, x.n + x.not_applicable));
    }
    for (const auto& d : diffs) {
      row.push_back(format_interval(d, decimals, lang));
      row.push_back(difference_verdict(d, h.better, lang));
    }
    table.push_back(row);
  }
  out += std::string("\n") +
         (results.size() > 2 ? trf(lang, "summary.compare.variants_title", base.name)
                             : trf(lang, "summary.compare.title", results[1].name, base.name)) +
         "\n";
  out += format_table(table);
  out += std::string("  ") + std::string(tr(lang, "summary.compare.verdict_rule")) + "\n";
  if (any_not_applicable)
    out += std::string("  ") + std::string(tr(lang, "summary.compare.not_applicable_rule")) + "\n";
  for (const auto& line : partly) out += "  " + line + "\n";
  for (std::size_t v = 1; v < results.size(); ++v) {
    const ScenarioResults& var = results[v];
    if (results.size() > 2)
      out += std::string("\n") + trf(lang, "summary.compare.versus", var.name, base.name) + "\n";
    // Cost-effectiveness, only where both the cost and the effect are clear.
    const Summary* dcost = var.difference.total("support_cost_vnd");
    auto per = [&](const char* what_id, const Summary* effect, double sign, double units) {
      if (!dcost || !effect) return;
      const std::string_view what = tr(lang, what_id);
      if (!interval_excludes_zero(*effect) || sign * effect->mean <= 0) {
        out += std::string("  ") + trf(lang, "summary.cost.not_meaningful", what) + "\n";
        return;
      }
      if (dcost->mean <= 0) {
        // Better and not dearer: no price to quote.
        out += std::string("  ") +
               trf(lang, "summary.cost.none", what, format_number(lang, -dcost->mean * 1e-6, 1)) +
               "\n";
        return;
      }
      out += std::string("  ") +
             trf(lang, "summary.cost.per", what,
                 format_number(lang, dcost->mean * 1e-6 / (sign * effect->mean * units), 1)) +
             "\n";
    };
    per("summary.cost.vacancy_month", var.difference.total("vacancy_months"), -1, 1);
    const Summary* dcov = var.difference.total("successor_coverage_1_run_mean");
    per("summary.cost.ready_successor", dcov, 1, keys);
    per("summary.cost.early_return", var.difference.total("early_returns"), -1, 1);
  }
  return out;
}

std::string replication_warning(const Provenance& prov, Lang lang) {
  if (prov.replications >= kMinStableReplications) return {};
  return trf(lang, "summary.warning.replications", kMinStableReplications,
             2 * kMinStableReplications) +
         "\n";
}

}  // namespace cadresim::analysis
