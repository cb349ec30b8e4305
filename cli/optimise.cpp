// `cadresim optimise SCENARIO --vary ... --target metric<=x ...`: the cheapest combination of
// lever settings (a grid search) whose means meet every target, how often the targets are met
// across replications and (with --assumptions N) across sampled assumption sets; says so
// plainly when no point of the searched space meets them. Writes optimise.csv, optimise.json
// and summary.txt.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include "analysis/assumptions.hpp"  // sample_assumption_sets
#include "analysis/csv_cell.hpp"     // csv_number: empty where a target metric does not apply
#include "analysis/messages.hpp"     // tr, trf, Lang: the summary in English or Vietnamese
#include "analysis/sweep.hpp"
#include "analysis/text_width.hpp"  // format_table, plain_number: numbers without exponents
#include "cli/commands.hpp"
#include "cli/experiment_support.hpp"
#include "cli/options.hpp"
#include "cli/ranks.hpp"  // MPI ranks
#include "cli/run_support.hpp"
#include "cli/scenario_options.hpp"
#include "sim/scenario/limits.hpp"  // kMaxDesignPoints: --assumptions
#include "sim/scenario/overrides.hpp"

namespace po = boost::program_options;

namespace cadresim::cli {

namespace {
using analysis::Lang;
std::string point_text(const std::vector<analysis::Lever>& levers, const std::vector<double>& v,
                       Lang lang) {
  std::string s;
  for (std::size_t j = 0; j < levers.size(); ++j)
    s += fmt::format("{}{} = {}", j ? text::list_separator(lang) : "", levers[j].pointer,
                     analysis::plain_number(v[j], 6, false, lang));
  return s;
}
// "mean [low, high]" to 4 significant digits, without exponents (analysis::plain_number), with
// the language's marks ("1,5 [1,2; 1,8]" in Vietnamese).
std::string interval_text(const analysis::Summary& s, Lang lang) {
  return analysis::plain_interval(s.mean, s.ci_low, s.ci_high, 4, false, lang);
}
// "≤ 1" or "≥ 0,5": a target's bound.
std::string target_text(const analysis::Target& t, Lang lang) {
  return std::string(t.at_most ? "≤ " : "≥ ") + analysis::plain_number(t.bound, 4, false, lang);
}
}  // namespace

int optimise_main(std::span<const std::string> args) {
  CommandLine line{
      po::options_description(
          "Usage: cadresim optimise [options] SCENARIO --vary /pointer=from:to:step ... --target "
          "METRIC<=X ...\n\n"
          "Searches every combination of the levers' grid values for the cheapest one (by the "
          "mean of\n--cost) whose means meet every target, and says how often the targets are met "
          "across\nreplications and, with --assumptions N, across sampled assumption sets.\n\n"
          "Options"),
      {},
      {}};
  std::string n_text, seed_text, threads_text, sets_text, out, lang,
      cost_name = "support_cost_vnd_total";
  std::vector<std::string> vary, target_texts, sets;
  line.visible.add_options()("help,h", "show this help")(
      "vary", po::value(&vary)->composing(),
      "a lever and its grid: /pointer=from:to:step; repeatable")(
      "target", po::value(&target_texts)->composing(),
      "a target on a metric's mean: METRIC<=X or METRIC>=X; repeatable")(
      "cost", po::value(&cost_name)->default_value("support_cost_vnd_total"),
      "the metric to minimise")("assumptions", po::value(&sets_text)->default_value("0"),
                                "check the answer against N assumption sets (Latin hypercube "
                                "over the scenario's ranges)")(
      "replications,n", po::value(&n_text)->default_value("20"),
      "replications per point (1 to 100000)")("seed", po::value(&seed_text)->default_value("1"),
                                              "random seed, 0 to 2^64-1 (the same at every point)")(
      "threads", po::value(&threads_text)->default_value("0"),
      "worker threads (0 = all cores, at most 1024)")(
      "out", po::value(&out),
      "output folder (default: a new folder results/<scenario name>-optimise/<run id>, with a "
      "link 'latest')")("overwrite", "with --out: replace an existing folder as a whole")(
      "quiet,q", "print only the path of the report");
  add_set_option(line.visible, &sets);
  add_lang_option(line.visible, &lang);
  line.hidden.add_options()("scenario", po::value<std::string>(), "scenario file");
  line.positional.add("scenario", 1);
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "optimise", rc);
  if (!parsed) return rc;
  const po::variables_map& vm = *parsed;
  if (!apply_lang_option(lang, "optimise")) return kUsageError;
  if (vm.count("overwrite") && out.empty()) {
    fmt::print(stderr, "{}\n", message("cli.overwrite_needs_out", "optimise"));
    return kUsageError;
  }
  const Lang L = ui_lang();
  const auto words = [L](const char* id) { return std::string(analysis::tr(L, id)); };
  const auto numbers = parse_run_numbers(n_text, seed_text, threads_text, "optimise");
  if (!numbers) return kUsageError;
  const auto [n, seed, threads] = *numbers;
  const auto sets_read =
      parse_whole_number(sets_text, "assumptions", 0, scenario::kMaxDesignPoints, "optimise");
  if (!sets_read) return kUsageError;
  const std::size_t assumption_sets = *sets_read;
  if (!vm.count("scenario") || vary.empty() || target_texts.empty() || assumption_sets == 1) {
    fmt::print(stderr, "{}\n", message("cli.optimise.words"));
    return kUsageError;
  }
  auto parsed_levers = parse_levers(vary, "optimise");
  if (!parsed_levers) return kUsageError;
  std::vector<analysis::Lever> levers = std::move(*parsed_levers);
  std::vector<analysis::MetricSpec> metrics;
  {
    std::string error;
    auto c = analysis::parse_metric(cost_name, error);
    if (!c) {
      fmt::print(stderr, "cadresim optimise: --cost {}\n", error);
      return kUsageError;
    }
    metrics.push_back(*c);
  }
  std::vector<analysis::Target> targets;
  std::vector<std::size_t> target_metric;
  for (const auto& t : target_texts) {
    std::string error;
    auto tg = analysis::parse_target(t, error);
    if (!tg) {
      fmt::print(stderr, "cadresim optimise: --target {}\n", error);
      return kUsageError;
    }
    targets.push_back(*tg);
    metrics.push_back(tg->metric);
    target_metric.push_back(metrics.size() - 1);
  }
  const auto overrides = parse_sets(sets, "optimise");
  if (!overrides) return kUsageError;
  const std::string scenario_path = vm["scenario"].as<std::string>();
  auto cli_scenario = load_scenario_for(scenario_path, *overrides, "optimise");
  if (!cli_scenario) return kInvalidInput;
  const scenario::LoadedScenario& base = cli_scenario->loaded;
  if (assumption_sets > 0 && base.assumptions.empty()) {
    fmt::print(stderr, "{}\n", message("cli.no_assumptions", "optimise", base.source));
    return kInvalidInput;
  }
  if (!resolve_levers(base, levers, "optimise")) return kInvalidInput;
  // Counted before it is built: a grid of several fine levers would not fit in memory. The
  // assumption sets' runs of the answer keep as many values as that many points.
  if (const int code = check_design_size(
          std::max(analysis::design_size(levers, analysis::Design::kGrid, 0), assumption_sets),
          metrics.size(), n, "optimise"))
    return code;
  const auto points = analysis::design_points(levers, analysis::Design::kGrid, 0, seed);
  if (!check_metrics(base.scenario, metrics, "optimise")) return kUsageError;
  if (!check_point_scenarios(base, levers, points, "optimise")) return kInvalidInput;
  // Where the outputs go, decided (and an existing --out refused) before any work.
  const analysis::Provenance prov = make_provenance(seed, n, "optimise", args);
  int rc_out = kOk;
  const auto plan = plan_experiment_outputs(out, vm.count("overwrite") > 0, base.scenario, prov,
                                            "optimise", rc_out);
  if (!plan) return rc_out;
  install_interrupt_handler();
  try {
    auto values = run_design_points(base, levers, points, metrics, seed, n, threads, "optimise");
    interrupt_point("after-replications");  // a test hook (docs/reliability.md)
    const analysis::OptimiseResult best =
        analysis::choose_cheapest(values, 0, targets, target_metric);
    const analysis::SweepResult table =
        analysis::summarise_sweep(levers, analysis::Design::kGrid, points, metrics, values, seed);

    std::string text =
        analysis::trf(L, "optimise.title", prov.version, base.scenario.name, base.source) + "\n";
    text += analysis::trf(L, "optimise.intro", points.size(), n, seed, metrics[0].name);
    for (const auto& t : target_texts) text += " " + t;
    text += "\n\n";
    // Columns as wide as their cells (analysis::format_table), the levers last and whole.
    std::vector<std::vector<std::string>> rows{
        {words("optimise.rank"), words("optimise.cost"), words("optimise.meets"),
         words("optimise.share_meeting"), words("optimise.levers")}};
    std::size_t more = 0;
    for (std::size_t i = 0; i < best.order.size(); ++i) {
      if (i >= 25 && best.order.size() > 30) {
        more = best.order.size() - i;
        break;
      }
      const std::size_t p = best.order[i];
      rows.push_back({std::to_string(i + 1), interval_text(table.stats[p][0], L),
                      words(best.feasible[p] ? "optimise.yes" : "optimise.no"),
                      fmt::format("{:.0f}%", 100 * best.replication_share[p]),
                      point_text(levers, points[p].values, L)});
    }
    text += analysis::format_table(rows, 4);
    if (more > 0) text += "  " + analysis::trf(L, "optimise.more", more) + "\n";
    nlohmann::json j;
    j["cadresim"] = {{"version", prov.version}};
    j["command"] = prov.command;
    j["created"] = prov.created;
    j["scenario"] = base.scenario.name;
    j["source"] = base.source;
    j["cost"] = metrics[0].name;
    j["targets"] = target_texts;
    j["search"] = analysis::sweep_json(table);
    j["changes"] = cli_scenario->changes;
    if (!best.best) {
      const std::size_t p = best.closest;
      text += "\n" + analysis::trf(L, "optimise.none", point_text(levers, points[p].values, L),
                                   analysis::plain_number(table.stats[p][0].mean, 4, false, L));
      for (std::size_t t = 0; t < targets.size(); ++t) {
        const auto& s = table.stats[p][target_metric[t]];
        // A target on a metric that applies in no replication there (a ratio with nothing to
        // divide by) cannot be met: it reads n/a, not a number.
        text += " " +
                analysis::trf(L, "optimise.target_value", targets[t].metric.name,
                              analysis::not_applicable_anywhere(s) ? words("value.not_applicable")
                                                                   : interval_text(s, L),
                              target_text(targets[t], L)) +
                (t + 1 < targets.size() ? ";" : ".");
      }
      text += " " + words("optimise.widen") + "\n";
      j["answer"] = nullptr;
      j["closest"] = {{"point", p}, {"values", points[p].values}};
    } else {
      const std::size_t p = *best.best;
      text += "\n" +
              analysis::trf(L, "optimise.answer", point_text(levers, points[p].values, L),
                            interval_text(table.stats[p][0], L)) +
              "\n";
      for (std::size_t t = 0; t < targets.size(); ++t) {
        const auto& s = table.stats[p][target_metric[t]];
        text += "  " +
                analysis::trf(L, "optimise.target_value", targets[t].metric.name,
                              interval_text(s, L), target_text(targets[t], L)) +
                "\n";
      }
      text += analysis::trf(L, "optimise.how_sure",
                            fmt::format("{:.0f}", 100 * best.replication_share[p])) +
              "\n";
      nlohmann::json answer{{"point", p},
                            {"values", points[p].values},
                            {"cost_mean", table.stats[p][0].mean},
                            {"replications_meeting_all_targets", best.replication_share[p]}};
      if (assumption_sets > 0) {
        // The answer under N assumption sets: each set's levers at the answer, R replications.
        const auto asets =
            analysis::sample_assumption_sets(base.assumptions, assumption_sets, seed);
        const scenario::LoadedScenario at_answer =
            scenario::with_overrides(base, point_overrides(levers, points[p]));
        const auto set_overrides = [&](std::size_t k) {
          return analysis::assumption_overrides(base.assumptions, asets[k]);
        };
        // Each set read once up front (one that breaks a rule ends here, exit 3), then made
        // again only while its replications run.
        for (std::size_t k = 0; k < asets.size(); ++k)
          (void)scenario::with_overrides(at_answer, set_overrides(k));
        const auto avalues = run_design_points(
            asets.size(),
            [&](std::size_t k) {
              return analysis::share_scenario(
                  scenario::with_overrides(at_answer, set_overrides(k)));
            },
            metrics, seed, n, threads, "optimise, assumption sets");
        const analysis::OptimiseResult under =
            analysis::choose_cheapest(avalues, 0, targets, target_metric);
        std::size_t sets_ok = 0;
        double reps_ok = 0;
        for (std::size_t s = 0; s < avalues.size(); ++s) {
          sets_ok += under.feasible[s];
          reps_ok += under.replication_share[s];
        }
        const double set_share = static_cast<double>(sets_ok) / static_cast<double>(avalues.size());
        const double rep_share = reps_ok / static_cast<double>(avalues.size());
        text +=
            analysis::trf(L, "optimise.assumption_sets", avalues.size(), base.assumptions.size(), n,
                          sets_ok, fmt::format("{:.0f}", 100 * set_share),
                          fmt::format("{:.0f}", 100 * rep_share)) +
            "\n";
        answer["assumption_sets"] = avalues.size();
        answer["assumption_sets_meeting_targets"] = set_share;
        answer["assumption_runs_meeting_all_targets"] = rep_share;
      }
      j["answer"] = answer;
    }
    std::string csv = "rank,point";
    for (const auto& l : levers) csv.append(",").append(l.pointer);
    csv += ",cost_mean,cost_ci_low,cost_ci_high,feasible,replications_meeting_all_targets";
    for (const auto& t : targets) csv.append(",").append(t.metric.name).append("_mean");
    csv += "\n";
    for (std::size_t i = 0; i < best.order.size(); ++i) {
      const std::size_t p = best.order[i];
      csv += fmt::format("{},{}", i + 1, p);
      for (double v : points[p].values) csv += fmt::format(",{:.10g}", v);
      const auto& c = table.stats[p][0];
      csv += fmt::format(",{:.10g},{:.10g},{:.10g},{},{:.10g}", c.mean, c.ci_low, c.ci_high,
                         best.feasible[p] ? "true" : "false", best.replication_share[p]);
      for (std::size_t t = 0; t < targets.size(); ++t)  // empty where it does not apply
        csv += "," + analysis::csv_number(table.stats[p][target_metric[t]].mean);
      csv += "\n";
    }
    if (!process_ranks().is_root()) return kOk;  // rank 0 writes every output
    // One output set (the files and the run record: run.json, the resolved scenario, the input
    // files as given), moved into place whole.
    std::vector<OutputFile> files{
        {"optimise.csv", csv}, {"optimise.json", j.dump(1)}, {"summary.txt", text}};
    write_experiment_outputs(*plan, std::move(files), "optimise", args, prov, scenario_path,
                             *cli_scenario);
    const std::filesystem::path summary = plan->folder / "summary.txt";
    // -q: only the path, as for run (docs/cli.md).
    if (vm.count("quiet"))
      fmt::print("{}\n", summary.string());
    else
      fmt::print("{}\n{}\n", text, analysis::trf(L, "optimise.written", summary.string()));
    return kOk;
  } catch (const scenario::InvalidInput& e) {
    for (const auto& p : e.problems())
      fmt::print(stderr, "{}\n", scenario::format_problem(p, ui_lang()));
    fmt::print(stderr, "{}\n", message("cli.sampled_set_invalid"));
    return kInvalidInput;
  } catch (const analysis::RunCancelled&) {
    fmt::print(stderr, "\n{}\n", message("cli.interrupted", "optimise"));
    return kInterrupted;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim optimise: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
