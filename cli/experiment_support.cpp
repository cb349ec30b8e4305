#include "cli/experiment_support.hpp"
#include "cli/options.hpp"  // ui_lang

#include <fmt/core.h>  // fmt::print

#include <algorithm>  // std::max
#include <cmath>      // std::isfinite
#include <limits>     // the saturated count of design_size

#include "analysis/experiment.hpp"     // run_points
#include "analysis/runner.hpp"         // run_replications
#include "cli/ranks.hpp"               // process_ranks
#include "cli/run_store.hpp"           // run_record
#include "cli/run_support.hpp"         // TerminalProgress, g_interrupted
#include "sim/scenario/limits.hpp"     // kMaxSweepValues
#include "sim/scenario/overrides.hpp"  // with_overrides

namespace cadresim::cli {

bool resolve_levers(const scenario::LoadedScenario& base, std::vector<analysis::Lever>& levers,
                    const char* command) {
  bool ok = true;
  for (auto& l : levers) {
    const nlohmann::json* v = nullptr;
    try {
      const nlohmann::json::json_pointer ptr(l.pointer);
      if (base.resolved.contains(ptr)) v = &base.resolved.at(ptr);
    } catch (const nlohmann::json::exception&) {
    }
    if (!v || !v->is_number()) {
      fmt::print(
          stderr, "{}\n",
          message(v ? "cli.vary.not_a_number" : "cli.vary.unresolved", base.source, l.pointer));
      ok = false;
      continue;
    }
    l.base = v->get<double>();
    l.integer = v->is_number_integer() || v->is_number_unsigned();
  }
  if (!ok) fmt::print(stderr, "{}\n", message("cli.lever_not_number", command, base.source));
  return ok;
}

std::vector<scenario::Override> point_overrides(const std::vector<analysis::Lever>& levers,
                                                const analysis::SweepPoint& point) {
  std::vector<scenario::Override> ov;
  for (std::size_t j = 0; j < levers.size(); ++j)
    ov.push_back(scenario::number_override(levers[j].pointer, point.values[j], levers[j].integer));
  return ov;
}

bool check_point_scenarios(const scenario::LoadedScenario& base,
                           const std::vector<analysis::Lever>& levers,
                           const std::vector<analysis::SweepPoint>& points, const char* command) {
  for (const auto& p : points) {
    const auto ov = point_overrides(levers, p);
    try {
      (void)scenario::with_overrides(base, ov);
    } catch (const scenario::InvalidInput& e) {
      for (const auto& pr : e.problems())
        fmt::print(stderr, "{}\n", scenario::format_problem(pr, ui_lang()));
      fmt::print(stderr, "{}\n", message("cli.point_invalid", command, scenario::describe(ov)));
      return false;
    }
  }
  return true;
}

bool check_metrics(const model::Scenario& s, const std::vector<analysis::MetricSpec>& metrics,
                   const char* command) {
  analysis::RunOptions o;
  o.replications = 1;
  o.threads = 1;
  const auto reps = analysis::run_replications(s, o);
  bool ok = true;
  for (const auto& m : metrics)
    if (!analysis::has_metric(reps.front(), m)) {
      fmt::print(stderr, "{}\n",
                 message("cli.unknown_metric", command, m.name, m.metric, m.group,
                         analysis::tr(ui_lang(), m.kind == analysis::MetricSpec::Kind::kEnd
                                                     ? "cli.series.monthly"
                                                     : "cli.series.whole_run")));
      ok = false;
    }
  return ok;
}

std::optional<std::vector<analysis::Lever>> parse_levers(const std::vector<std::string>& vary,
                                                         const char* command) {
  std::vector<analysis::Lever> levers;
  for (const auto& v : vary) {
    std::string error;
    auto l = analysis::parse_lever(v, error);
    if (!l) {
      fmt::print(stderr, "cadresim {}: --vary {}\n", command, error);
      return std::nullopt;
    }
    for (const auto& earlier : levers)
      if (earlier.pointer == l->pointer) {
        fmt::print(stderr, "{}\n", message("cli.vary.twice", command, l->pointer));
        return std::nullopt;
      }
    levers.push_back(*l);
  }
  return levers;
}

int check_design_size(std::size_t points, std::size_t metrics, std::size_t replications,
                      const char* command) {
  if (points > scenario::kMaxDesignPoints) {
    fmt::print(stderr, "{}\n",
               points == std::numeric_limits<std::size_t>::max()
                   ? message("cli.too_many_points_uncounted", command)
                   : message("cli.too_many_points", command, points));
    return kUsageError;
  }
  // Each factor is bounded (points by the check above, metrics by the names given, replications
  // by kMaxReplications), so the product of the first two cannot overflow; the third is
  // divided instead of multiplied.
  const std::size_t per_replication = points * std::max<std::size_t>(metrics, 1);
  if (replications > scenario::kMaxSweepValues / per_replication) {
    fmt::print(stderr, "{}\n",
               message("cli.sweep_too_large", command, points, metrics, replications,
                       scenario::kMaxSweepValues));
    return kInvalidInput;
  }
  return 0;
}

std::optional<std::vector<analysis::MetricSpec>> parse_metrics(
    const std::vector<std::string>& names, const char* command) {
  std::vector<analysis::MetricSpec> out;
  for (const auto& n : names) {
    std::string error;
    auto m = analysis::parse_metric(n, error);
    if (!m) {
      fmt::print(stderr, "cadresim {}: --metric {}\n", command, error);
      return std::nullopt;
    }
    out.push_back(*m);
  }
  return out;
}

std::vector<std::vector<std::vector<double>>> run_design_points(
    std::size_t points, const analysis::MakePointScenario& make,
    const std::vector<analysis::MetricSpec>& metrics, std::uint64_t seed, std::size_t n,
    unsigned threads, const char* command) {
  analysis::RunOptions ro;
  ro.seed = seed;
  ro.replications = n;
  ro.threads = threads;
  TerminalProgress progress(fmt::format("{}: {} points", command, points));
  ro.progress = &progress;
  ro.cancel = &g_interrupted;
  ro.ranks = process_ranks();  // points × replications shared among MPI ranks, if any
  return analysis::run_points(points, make, metrics, ro);
}

std::vector<std::vector<std::vector<double>>> run_design_points(
    const scenario::LoadedScenario& base, const std::vector<analysis::Lever>& levers,
    const std::vector<analysis::SweepPoint>& points,
    const std::vector<analysis::MetricSpec>& metrics, std::uint64_t seed, std::size_t n,
    unsigned threads, const char* command) {
  return run_design_points(
      points.size(),
      [&](std::size_t p) {
        return analysis::share_scenario(
            scenario::with_overrides(base, point_overrides(levers, points[p])));
      },
      metrics, seed, n, threads, command);
}

std::optional<OutputPlan> plan_experiment_outputs(const std::string& out, bool overwrite,
                                                  const model::Scenario& scenario,
                                                  const analysis::Provenance& prov,
                                                  const char* command, int& exit_code) {
  return plan_outputs(out, overwrite, safe_name(scenario.name) + "-" + command, prov.created,
                      command, exit_code);
}

void write_experiment_outputs(const OutputPlan& plan, std::vector<OutputFile> files,
                              const char* command, std::span<const std::string> args,
                              const analysis::Provenance& prov, const std::string& scenario_path,
                              const CliScenario& scenario) {
  for (auto& f : run_record(command, args, prov,
                            {{scenario_path == "baseline" ? std::string() : scenario_path,
                              &scenario.loaded, &scenario.changes, scenario.changed_from}}))
    files.push_back(std::move(f));
  write_output_set(plan, files);
}

}  // namespace cadresim::cli
