// Summary text, report.json and series.csv for runs and comparisons.
#include "analysis/report.hpp"

#include <fmt/core.h>  // fmt::format

#include <unistd.h>   // getpid for temporary names
#include <algorithm>  // std::sort
#include <cmath>      // std::abs, std::pow
#include <fstream>    // std::ofstream
#include <initializer_list>
#include <stdexcept>  // std::runtime_error
#include <system_error>

#include "analysis/csv_cell.hpp"           // csv_cell: quoting and formula neutralisation
#include "analysis/output_set.hpp"         // write_file_atomically
#include "analysis/report/html_parts.hpp"  // html::verdict, the rule of "better / worse"
#include "analysis/text_width.hpp"         // display_width, pad_left/right, format_grouped

namespace cadresim::analysis {

namespace fs = std::filesystem;
using json = nlohmann::json;

nlohmann::json without_names(nlohmann::json resolved) {
  if (!resolved.is_object()) return resolved;
  const auto population = resolved.find("population");
  if (population == resolved.end() || !population->is_object()) return resolved;
  const auto named = population->find("named_cadres");
  if (named == population->end() || !named->is_array()) return resolved;
  for (auto& cadre : *named)
    if (cadre.is_object()) cadre.erase("name");
  return resolved;
}

void write_file_atomic(const fs::path& path, const std::string& content) {
  write_file_atomically(path, content);
}

std::string format_interval(const Summary& s, int decimals) {
  // Adding 0.0 turns -0 into 0, and values that round to zero are printed without a sign.
  const double limit = 0.5 * std::pow(10.0, -decimals);
  auto clean = [&](double v) { return std::abs(v) < limit ? 0.0 : v + 0.0; };
  if (s.n < 2) return format_grouped(clean(s.mean), decimals);
  return fmt::format("{} [{}, {}]", format_grouped(clean(s.mean), decimals),
                     format_grouped(clean(s.ci_low), decimals),
                     format_grouped(clean(s.ci_high), decimals));
}

namespace {

// The decimals of a count of events: whole numbers when every figure shown is one, else one
// decimal for all of them (docs/cli.md § Numbers in the summary).
constexpr int kCount = -1;

// A headline quantity: a total over the run, or the value of a monthly series at the end.
struct Headline {
  const char* metric;
  const char* group;
  bool total;  ///< else: monthly value at the end
  const char* label;
  double scale;  ///< display multiplier (100 for shares, 1e-6 for VND → million)
  int decimals;  ///< or kCount
  int better;    ///< +1 higher is better, -1 lower is better, 0 neither (as in report.html)
};

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
std::string difference_verdict(const Summary& d, int better) {
  html::Value v;
  v.n = static_cast<double>(d.n), v.mean = d.mean, v.lo = d.ci_low, v.hi = d.ci_high;
  const html::Verdict verdict = html::verdict(v, better);
  return std::string_view(verdict.css) == "better" || std::string_view(verdict.css) == "worse"
             ? verdict.css
             : verdict.words;
}

// A table: the first column left-aligned, the others right-aligned, each as wide as its widest
// cell in displayed characters.
std::string format_table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], display_width(row[c]));
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += c == 0 ? " " : "  ";
      line += c == 0 ? pad_right(row[c], width[c]) : pad_left(row[c], width[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

// No headline is a last-day snapshot: states are averaged over the run's month ends (values at
// each congress are in the pipeline tables); end-of-run values are listed apart, as such.
constexpr Headline kHeadlines[] = {
    {"vacancy_months", "all", true, "Vacancy-months, all posts (sum over the period)", 1, kCount,
     -1},
    {"vacancies_run_mean", "all", true, "Vacant posts (average over the period's month ends)", 1, 1,
     -1},
    {"vacancies_key_run_mean", "all", true,
     "Vacant key posts (average over the period's month ends)", 1, 1, -1},
    {"time_to_fill_days_mean", "all", true, "Average days to fill a vacancy", 1, 0, -1},
    {"successor_coverage_1_run_mean", "all", true,
     "Key posts with at least one ready successor, % (average over month ends)", 100, 1, 1},
    {"successor_coverage_2_run_mean", "all", true,
     "Key posts with at least two ready successors, % (average over month ends)", 100, 1, 1},
    {"bench_strength_run_mean", "all", true,
     "Planned successors per key post (average over month ends)", 1, 2, 1},
    {"without_post_run_mean", "all", true, "Cadres without a post (average over month ends)", 1, 1,
     -1},
    {"appointments", "all", true, "Appointments", 1, kCount, 0},
    {"elections", "all", true, "Elections of a new holder", 1, kCount, 0},
    {"retirements", "all", true, "Retirements", 1, kCount, 0},
    {"exits", "all", true, "Cadres who left the service (resignation, health, discipline)", 1,
     kCount, -1},
    {"recruitments", "all", true, "Recruitments", 1, kCount, 0},
    {"rotations", "all", true, "Rotations carried out", 1, kCount, 0},
    {"plan_fulfilment", "all", true, "Rotation plan fulfilled, % of the planned quota", 100, 1, 1},
    {"refusals", "all", true, "Rotation offers refused", 1, kCount, -1},
    {"early_returns", "all", true, "Early returns from rotation", 1, kCount, -1},
    {"completed_well_share", "all", true, "Rotated cadres rated \"completed well\", %", 100, 1, 1},
    {"shortfall_mean", "all", true,
     "Average income shortfall of a rotated cadre, % of previous income", 100, 1, -1},
    {"support_cost_vnd", "all", true, "Support cost over the period, million VND", 1e-6, 1, -1},
    {"effectiveness_key_run_mean", "all", true,
     "Effectiveness of key-post holders (1 = full; average over month ends)", 1, 3, 1},
    // Staffing (only in scenarios with a "staffing" section): means over the run's month ends.
    {"units_short_mean", "all", true, "Units short of establishment (mean over the run)", 1, 1, -1},
    {"units_in_surplus_mean", "all", true, "Units in surplus (mean over the run)", 1, 1, -1},
    {"headcount_surplus_mean", "all", true, "Staff surplus, persons (mean over the run)", 1, 1, -1},
    // Structural events (only in scenarios with a "structure" section): the surplus and its fate.
    {"reform_posts_ended", "all", true, "Structural change: posts ended", 1, kCount, 0},
    {"reform_placed", "all", true, "Structural change: holders placed in new posts", 1, kCount, 1},
    {"reform_surplus", "all", true, "Structural change: surplus holders (no new post)", 1, kCount,
     -1},
    {"reform_surplus", "reassigned", true, "  of whom reassigned (in service, no post yet)", 1,
     kCount, -1},
    {"reform_surplus", "seconded", true, "  of whom seconded", 1, kCount, -1},
    {"reform_surplus", "exited", true, "  of whom left early (Decrees 178/2024, 67/2025)", 1,
     kCount, -1},
    {"reform_exit_cost_vnd", "all", true, "Structural change: exit cost, million VND", 1e-6, 1, -1},
};

// End-of-run values: kept available, labelled as the last day's snapshot.
constexpr Headline kEndValues[] = {
    {"vacancies", "all", false, "Vacant posts on the last day", 1, 1, -1},
    {"vacancies_key", "all", false, "Vacant key posts on the last day (end-of-run value)", 1, 1,
     -1},
    {"successor_coverage_1", "all", false,
     "Key posts with at least one ready successor, % (last day)", 100, 1, 1},
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

json summary_json(const Summary& s) {
  return {{"n", s.n},           {"mean", s.mean},       {"sd", s.sd},
          {"ci_low", s.ci_low}, {"ci_high", s.ci_high}, {"p05", s.p05},
          {"p50", s.p50},       {"p95", s.p95}};
}

json aggregate_json(const Aggregate& a) {
  json j;
  j["replications"] = a.replications;
  auto series = [](const std::vector<AggregateSeries>& list) {
    json arr = json::array();
    for (const auto& s : list) {
      json o{{"metric", s.key.metric}, {"group", s.key.group}};
      json dates = json::array(), mean = json::array(), lo = json::array(), hi = json::array(),
           p05 = json::array(), p50 = json::array(), p95 = json::array();
      for (std::size_t t = 0; t < s.stats.size(); ++t) {
        dates.push_back(kernel::format_iso_date(s.dates[t]));
        mean.push_back(s.stats[t].mean);
        lo.push_back(s.stats[t].ci_low);
        hi.push_back(s.stats[t].ci_high);
        p05.push_back(s.stats[t].p05);
        p50.push_back(s.stats[t].p50);
        p95.push_back(s.stats[t].p95);
      }
      o["dates"] = dates, o["mean"] = mean, o["ci_low"] = lo, o["ci_high"] = hi;
      o["p05"] = p05, o["p50"] = p50, o["p95"] = p95;
      arr.push_back(o);
    }
    return arr;
  };
  j["monthly"] = series(a.monthly);
  j["yearly"] = series(a.yearly);
  json totals = json::array();
  for (const auto& [k, s] : a.totals) {
    json o = summary_json(s);
    o["metric"] = k.metric;
    o["group"] = k.group;
    totals.push_back(o);
  }
  j["totals"] = totals;
  return j;
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
std::string personnel_actions_table(const model::Scenario& s, const Aggregate& a) {
  static constexpr const char* kActions[] = {"planned", "appointed", "mobilised", "rotated"};
  std::string rows;
  for (const auto& tier : s.organisation.tiers) {
    rows += "  ";
    rows += pad_right(tier.name, 36);
    for (const char* action : kActions) {
      const Summary* v = a.total("personnel_actions", tier.id + "/" + action);
      rows += fmt::format(" {:>22}", v ? format_interval(*v, 1) : std::string("-"));
    }
    rows += "\n";
  }
  if (rows.empty()) return rows;
  return fmt::format(
             "\nPersonnel actions by managing tier (whole run)\n  {:<36} {:>22} {:>22} "
             "{:>22} {:>22}\n",
             "tier", "planned", "appointed", "mobilised", "rotated") +
         rows;
}

// The pipeline table of each election in the period (docs/model.md § Metrics,
// election_pipeline): per key title, posts, posts with 0 / 1 / 2+ ready-now successors before
// the election, and how the posts were filled.
std::string election_pipeline_tables(const model::Scenario& s, const Aggregate& a) {
  std::vector<std::pair<Day, std::string>> elections;
  for (const auto& e : s.calendar.party_congresses)
    if (e.date > s.calendar.start && e.date <= s.calendar.end)
      elections.push_back({e.date, "party congress"});
  for (const auto& e : s.calendar.state_elections)
    if (e.date > s.calendar.start && e.date <= s.calendar.end)
      elections.push_back({e.date, "state election"});
  std::sort(elections.begin(), elections.end());
  static constexpr const char* kCols[] = {"ready_0",     "ready_1",         "ready_2+",
                                          "reelected",   "ready_successor", "not_ready_successor",
                                          "unit_deputy", "designated",      "held_over",
                                          "left_vacant", "from_outside"};
  static constexpr const char* kHeads[] = {
      "0 ready",     "1 ready",    "2+ ready",  "re-elected", "ready succ.", "not-ready succ.",
      "unit deputy", "designated", "held over", "vacant",     "from outside"};
  std::string out;
  for (const auto& [date, kind] : elections) {
    const std::string d = kernel::format_iso_date(date);
    std::string rows;
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
    for (const auto& who : whos) {
      const Summary* posts = a.total("election_pipeline", d + "/" + who + "/posts");
      if (!posts || posts->mean <= 0) continue;
      rows += fmt::format("  {:<30.30} {:>6.1f}",
                          who == "key"   ? std::string("all key posts")
                          : who == "all" ? std::string("all elected posts")
                                         : who,
                          posts->mean);
      for (const char* c : kCols) {
        const Summary* v = a.total("election_pipeline", d + "/" + who + "/" + c);
        rows += fmt::format(" {:>17}", v ? format_interval(*v, 1) : std::string("-"));
      }
      if (const Summary* r = a.total("election_pipeline", d + "/" + who + "/renewal_share"))
        rows += fmt::format(" {:>17}", format_interval(scaled(*r, 100), 1));
      rows += "\n";
    }
    if (rows.empty()) continue;
    out +=
        fmt::format("\n{} {}: pipeline before the election and how posts were filled\n", d, kind);
    out += fmt::format("  {:<30} {:>6}", "title", "posts");
    for (const char* h : kHeads) out += fmt::format(" {:>17}", h);
    out += fmt::format(" {:>17}\n", "renewed %");
    out += rows;
  }
  return out;
}

// A line per shock card of each scenario (docs/scenarios.md § Shock cards): its date, what it
// says and what it did — for a departure, how many cadres it took out (mean [95 % interval]).
std::string shock_lines(const std::vector<ScenarioResults>& results) {
  std::string out;
  for (const auto& r : results) {
    if (r.scenario == nullptr || r.scenario->shocks.empty()) continue;
    out += fmt::format("\nShock cards of {}\n", r.name);
    for (const auto& card : r.scenario->shocks) {
      std::string did;
      switch (card.kind) {
        case model::ShockKind::kDeparture: {
          const Summary* left = r.aggregate.total("shock_departures", card.id);
          did = fmt::format("cadres who left: {}", left ? format_interval(*left, 1) : "0");
          break;
        }
        case model::ShockKind::kChange:
        case model::ShockKind::kAllowanceCut:
          did = "a dated change of the parameters, in force from this date";
          break;
        case model::ShockKind::kHiringFreeze:
          did = "no recruitment of non-leadership staff from this date";
          break;
        case model::ShockKind::kExtraRotationRound:
          did = "a rotation plan held on this date (counted in rotations and plan fulfilment)";
          break;
        case model::ShockKind::kMerge:
          did = "units merged: see \"Structural change\" below";
          break;
      }
      out += fmt::format("  {} {:<10} {}: {}\n", kernel::format_iso_date(card.date), card.id,
                         card.label, did);
    }
  }
  return out;
}

}  // namespace

std::string format_summary(const std::vector<ScenarioResults>& results, const Provenance& prov) {
  std::string out;
  if (results.empty()) return out;
  const ScenarioResults& base = results.front();
  const auto& cal = base.scenario->calendar;
  out += fmt::format("cadresim {} — {} ({})\n", prov.version, base.name, base.source);
  out += fmt::format(
      "Period {} to {}; {} replication(s), seed {}. Figures: mean [95% confidence interval].\n",
      kernel::format_iso_date(cal.start), kernel::format_iso_date(cal.end), prov.replications,
      prov.seed);
  out += format_changes(results);
  out += shock_lines(results);
  if (results.size() == 1) {
    const Aggregate& a = base.aggregate;
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& h : kHeadlines)
      if (const Summary* s = find_headline(a, h)) {
        const Summary v = scaled(*s, h.scale);
        rows.emplace_back(h.label, format_interval(v, decimals_for(h, {&v})));
      }
    out += "\n" + aligned_rows(rows);
    rows.clear();
    for (const auto& h : kEndValues)
      if (const Summary* s = find_headline(a, h)) {
        const Summary v = scaled(*s, h.scale);
        rows.emplace_back(h.label, format_interval(v, decimals_for(h, {&v})));
      }
    out += "\nEnd-of-run values (the last day only)\n" + aligned_rows(rows);
    out += election_pipeline_tables(*base.scenario, a);
    rows.clear();
    for (const auto& l : base.scenario->organisation.levels) {
      for (const auto& s : a.monthly)
        if (s.key.metric == "vacancies" && s.key.group == l.id && !s.stats.empty())
          rows.emplace_back(l.name, format_interval(s.stats.back(), 1));
    }
    out += "\nVacant posts on the last day, by level\n" + aligned_rows(rows);
    out += personnel_actions_table(*base.scenario, a);
    if (!base.scenario->rotation.flows.empty()) {
      out += "\nRotations by flow (whole run; first calendar years as in the article's window)\n";
      out += fmt::format("  {:<28} {:>22}   {}\n", "flow", "whole run", "per year (mean)");
      for (const auto& id : model::all_flow_ids(*base.scenario)) {  // dated changes' too
        const Summary* s = a.total("rotations_flow", id);
        if (!s) continue;
        std::string per_year;
        for (const auto& ys : a.yearly)
          if (ys.key.metric == "rotations_flow" && ys.key.group == id)
            for (std::size_t t = 0; t < ys.stats.size() && t < 4; ++t)
              per_year += fmt::format("{}{}: {:.1f}", t ? ", " : "",
                                      kernel::split(ys.dates[t]).year, ys.stats[t].mean);
        out += fmt::format("  {:<28} {:>22}   {}\n", id, format_interval(*s, 1), per_year);
      }
      out += "\nRotation outcomes (whole run)\n";
      for (const char* o : {"returned", "promoted", "stayed"})
        if (const Summary* s = a.total("rotation_outcomes", o))
          out += fmt::format("  {:<52} {}\n", o, format_interval(*s, 1));
      if (a.shortfall_per_move.n > 0)
        out += fmt::format(
            "\nIncome shortfall per move (pooled over {} moves): mean {:.1f}%, median {:.1f}%, "
            "5-95%: {:.1f}% to {:.1f}%\n",
            a.shortfall_per_move.n, 100 * a.shortfall_per_move.mean, 100 * a.shortfall_per_move.p50,
            100 * a.shortfall_per_move.p05, 100 * a.shortfall_per_move.p95);
    }
    return out;
  }
  // Comparison: one table, a column per scenario, then each variant's paired difference from
  // the base with its interval and verdict (the rule of report.html: html::verdict).
  const double keys = static_cast<double>(key_post_count(*base.scenario));
  std::vector<std::vector<std::string>> table;  // header row first
  std::vector<std::string> head{"metric"};
  for (const auto& r : results) head.push_back(r.name);
  for (std::size_t v = 1; v < results.size(); ++v) {
    head.push_back(results.size() > 2 ? fmt::format("{} - {} [95% CI]", results[v].name, base.name)
                                      : std::string("difference [95% CI]"));
    head.push_back("verdict");
  }
  table.push_back(head);
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
    std::vector<std::string> row{h.label};
    for (const auto& x : values) row.push_back(format_grouped(x.mean, decimals));
    for (const auto& d : diffs) {
      row.push_back(format_interval(d, decimals));
      row.push_back(difference_verdict(d, h.better));
    }
    table.push_back(row);
  }
  out += fmt::format("\n{} (paired by replication: common random numbers)\n",
                     results.size() > 2 ? std::string("Variants versus ") + base.name
                                        : results[1].name + " versus " + base.name);
  out += format_table(table);
  out += "  (verdict: a difference whose 95% interval contains zero is \"no clear difference\".)\n";
  for (std::size_t v = 1; v < results.size(); ++v) {
    const ScenarioResults& var = results[v];
    if (results.size() > 2) out += fmt::format("\n{} versus {}\n", var.name, base.name);
    // Cost-effectiveness, only where both the cost and the effect are clear.
    const Summary* dcost = var.difference.total("support_cost_vnd");
    auto per = [&](const char* what, const Summary* effect, double sign, double units) {
      if (!dcost || !effect) return;
      if (!interval_excludes_zero(*effect) || sign * effect->mean <= 0) {
        out += fmt::format("  Support cost per {}: not meaningful (no clear improvement)\n", what);
        return;
      }
      if (dcost->mean <= 0) {
        // Better and not dearer: no price to quote.
        out += fmt::format(
            "  Support cost per {}: none — the variant improves this and costs {:.1f} million VND "
            "less\n",
            what, -dcost->mean * 1e-6);
        return;
      }
      out += fmt::format("  Support cost per {}: {} million VND\n", what,
                         format_grouped(dcost->mean * 1e-6 / (sign * effect->mean * units), 1));
    };
    per("vacancy-month avoided", var.difference.total("vacancy_months"), -1, 1);
    const Summary* dcov = var.difference.total("successor_coverage_1_run_mean");
    per("additional key post with a ready successor", dcov, 1, keys);
    per("early return avoided", var.difference.total("early_returns"), -1, 1);
  }
  return out;
}

std::string replication_warning(const Provenance& prov) {
  if (prov.replications >= kMinStableReplications) return {};
  return fmt::format(
      "Warning: with fewer than {} replications the intervals are unstable; use -n {} or more.\n",
      kMinStableReplications, 2 * kMinStableReplications);
}

json report_json(const std::vector<ScenarioResults>& results, const Provenance& prov) {
  json j;
  j["cadresim"] = {{"version", prov.version}};
  j["created"] = prov.created;
  j["command"] = prov.command;
  j["seed"] = prov.seed;
  j["replications"] = prov.replications;
  j["cadre_names_included"] = prov.with_names;
  json warnings = json::array();
  if (prov.replications < kMinStableReplications)
    warnings.push_back(fmt::format("fewer than {} replications: confidence intervals are unstable",
                                   kMinStableReplications));
  j["warnings"] = warnings;
  json list = json::array();
  for (const auto& r : results) {
    json s;
    s["name"] = r.name;
    s["source"] = r.source;
    s["resolved_scenario"] = prov.with_names ? r.resolved : without_names(r.resolved);
    std::vector<std::string> levels;
    for (const auto& l : r.scenario->organisation.levels) levels.push_back(l.id);
    s["levels"] = levels;
    s["results"] = aggregate_json(r.aggregate);
    s["pooled"] = {{"shortfall_per_move", summary_json(r.aggregate.shortfall_per_move)},
                   {"days_to_fill_per_vacancy", summary_json(r.aggregate.fill_days_per_vacancy)}};
    if (r.has_difference) s["difference_from_base"] = aggregate_json(r.difference);
    if (!r.changes.empty()) s["changes"] = {{"from", r.changed_from}, {"list", r.changes}};
    if (!r.uncertainty.is_null()) s["uncertainty"] = r.uncertainty;
    list.push_back(s);
  }
  j["scenarios"] = list;
  return j;
}

std::string series_csv(const std::vector<ScenarioResults>& results) {
  std::string out = "scenario,metric,group,date,mean,ci_low,ci_high,p05,p50,p95\n";
  auto quote = [](const std::string& s) { return csv_cell(s); };
  auto row = [&](const std::string& scen, const std::string& metric, const std::string& group,
                 Day date, const Summary& s) {
    out += fmt::format("{},{},{},{},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g}\n", quote(scen),
                       quote(metric), quote(group), kernel::format_iso_date(date), s.mean, s.ci_low,
                       s.ci_high, s.p05, s.p50, s.p95);
  };
  auto emit = [&](const std::string& scen, const Aggregate& a, Day end) {
    for (const auto& s : a.monthly)
      for (std::size_t t = 0; t < s.stats.size(); ++t)
        row(scen, s.key.metric, s.key.group, s.dates[t], s.stats[t]);
    for (const auto& s : a.yearly)
      for (std::size_t t = 0; t < s.stats.size(); ++t)
        row(scen, s.key.metric + "_per_year", s.key.group, s.dates[t], s.stats[t]);
    for (const auto& [k, s] : a.totals) {
      // The congress pipeline is dated by its election: "<date>/<title>/<field>" becomes the
      // row's date and the group "<title>/<field>".
      if (k.metric == "election_pipeline" && k.group.size() > 11 && k.group[10] == '/')
        if (const auto d = kernel::parse_iso_date(std::string_view(k.group).substr(0, 10))) {
          row(scen, k.metric, k.group.substr(11), *d, s);
          continue;
        }
      row(scen, k.metric + "_total", k.group, end, s);
    }
  };
  for (const auto& r : results) {
    emit(r.name, r.aggregate, r.scenario->calendar.end);
    if (r.has_difference)
      emit(r.name + " - " + results.front().name, r.difference, r.scenario->calendar.end);
  }
  return out;
}

}  // namespace cadresim::analysis
