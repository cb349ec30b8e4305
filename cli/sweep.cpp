// `cadresim sweep SCENARIO --vary /pointer=from:to:step ...`: runs a design of points (grid,
// Latin hypercube or one at a time) with common random numbers and writes sweep.csv (one row
// per point × metric), sweep.json, sweep.html (charts with bands; tornado) and summary.txt.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include "analysis/messages.hpp"  // trf: the summary in English or Vietnamese
#include "analysis/sweep.hpp"
#include "cli/commands.hpp"
#include "cli/experiment_support.hpp"
#include "cli/options.hpp"
#include "cli/ranks.hpp"  // MPI ranks
#include "cli/run_support.hpp"
#include "cli/scenario_options.hpp"
#include "sim/scenario/limits.hpp"  // kMaxDesignPoints: --lhs

namespace po = boost::program_options;

namespace cadresim::cli {

int sweep_main(std::span<const std::string> args) {
  CommandLine line{
      po::options_description(
          "Usage: cadresim sweep [options] SCENARIO --vary /pointer=from:to[:step] ...\n\n"
          "Runs the scenario at every point of a design over the varied parameters (grid by "
          "default),\nevery point with the same seeds (common random numbers), and writes "
          "sweep.csv, sweep.json,\nsweep.html and summary.txt. 'baseline' is the built-in "
          "baseline.\n\nOptions"),
      {},
      {}};
  std::string n_text, seed_text, threads_text, lhs_text, out, lang;
  std::vector<std::string> vary, metric_names, sets;
  line.visible.add_options()("help,h", "show this help")(
      "vary", po::value(&vary)->composing(),
      "a varied parameter: /pointer=from:to:step (grid values) or /pointer=from:to; repeatable")(
      "lhs", po::value(&lhs_text)->default_value("0"),
      "Latin hypercube of N points in the [from, to] boxes (without --vary: the scenario's "
      "assumption ranges)")("oat",
                            "one at a time: each lever over its grid, the others at the "
                            "scenario's values; adds a tornado chart")(
      "metric", po::value(&metric_names)->composing(),
      "a metric to report (e.g. refusals_per_year, successor_coverage_1_end); repeatable; "
      "default: the headlines")("replications,n", po::value(&n_text)->default_value("20"),
                                "replications per point (1 to 100000)")(
      "seed", po::value(&seed_text)->default_value("1"),
      "random seed, 0 to 2^64-1 (the same at every point)")(
      "threads", po::value(&threads_text)->default_value("0"),
      "worker threads (0 = all cores, at most 1024)")(
      "out", po::value(&out),
      "output folder (default: a new folder results/<scenario name>-sweep/<run id>, with a "
      "link 'latest')")("overwrite", "with --out: replace an existing folder as a whole")(
      "quiet,q", "print only the path of the report");
  add_set_option(line.visible, &sets);
  add_lang_option(line.visible, &lang);
  line.hidden.add_options()("scenario", po::value<std::string>(), "scenario file");
  line.positional.add("scenario", 1);
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "sweep", rc);
  if (!parsed) return rc;
  const po::variables_map& vm = *parsed;
  if (!apply_lang_option(lang, "sweep")) return kUsageError;
  if (vm.count("overwrite") && out.empty()) {
    fmt::print(stderr, "{}\n", message("cli.overwrite_needs_out", "sweep"));
    return kUsageError;
  }
  const auto numbers = parse_run_numbers(n_text, seed_text, threads_text, "sweep");
  if (!numbers) return kUsageError;
  const auto [n, seed, threads] = *numbers;
  const auto lhs_read = parse_whole_number(lhs_text, "lhs", 0, scenario::kMaxDesignPoints, "sweep");
  if (!lhs_read) return kUsageError;
  const std::size_t lhs = *lhs_read;
  const bool oat = vm.count("oat") > 0;
  if (!vm.count("scenario") || (oat && lhs > 0) || lhs == 1 || (vary.empty() && lhs == 0)) {
    fmt::print(stderr, "{}\n", message("cli.sweep.words"));
    return kUsageError;
  }
  auto parsed_levers = parse_levers(vary, "sweep");
  if (!parsed_levers) return kUsageError;
  std::vector<analysis::Lever> levers = std::move(*parsed_levers);
  auto metrics = metric_names.empty() ? std::optional(analysis::default_metrics())
                                      : parse_metrics(metric_names, "sweep");
  if (!metrics) return kUsageError;
  const auto overrides = parse_sets(sets, "sweep");
  if (!overrides) return kUsageError;
  const std::string scenario_path = vm["scenario"].as<std::string>();
  auto cli_scenario = load_scenario_for(scenario_path, *overrides, "sweep");
  if (!cli_scenario) return kInvalidInput;
  const scenario::LoadedScenario& base = cli_scenario->loaded;
  if (levers.empty()) {  // --lhs over the scenario's own assumption ranges
    if (base.assumptions.empty()) {
      fmt::print(stderr, "{}\n", message("cli.sweep.nothing_to_vary", base.source));
      return kInvalidInput;
    }
    for (const auto& a : base.assumptions) {
      analysis::Lever l;
      l.pointer = a.pointer, l.from = a.min, l.to = a.max;
      levers.push_back(l);
    }
  }
  if (!resolve_levers(base, levers, "sweep")) return kInvalidInput;
  const analysis::Design design = oat       ? analysis::Design::kOneAtATime
                                  : lhs > 0 ? analysis::Design::kLhs
                                            : analysis::Design::kGrid;
  // Counted before it is built: a grid of several fine levers would not fit in memory.
  if (const int code = check_design_size(analysis::design_size(levers, design, lhs),
                                         metrics->size(), n, "sweep"))
    return code;
  auto points = analysis::design_points(levers, design, lhs, seed);
  bool has_base = false;
  for (const auto& p : points) has_base = has_base || p.is_base;
  if (!has_base) {  // the reference of the paired differences: the scenario itself
    analysis::SweepPoint b;
    for (const auto& l : levers) b.values.push_back(l.base);
    b.is_base = true;
    points.insert(points.begin(), b);
  }
  if (!check_metrics(base.scenario, *metrics, "sweep")) return kUsageError;
  if (!check_point_scenarios(base, levers, points, "sweep")) return kInvalidInput;
  // Where the outputs go, decided (and an existing --out refused) before any work.
  const analysis::Provenance prov = make_provenance(seed, n, "sweep", args);
  int rc_out = kOk;
  const auto plan =
      plan_experiment_outputs(out, vm.count("overwrite") > 0, base.scenario, prov, "sweep", rc_out);
  if (!plan) return rc_out;
  install_interrupt_handler();
  try {
    auto values = run_design_points(base, levers, points, *metrics, seed, n, threads, "sweep");
    interrupt_point("after-replications");  // a test hook (docs/reliability.md)
    const analysis::SweepResult result = analysis::summarise_sweep(
        levers, design, std::move(points), *metrics, std::move(values), seed);
    std::string summary =
        analysis::trf(ui_lang(), "sweep.title", prov.version, base.scenario.name, base.source) +
        "\n" + analysis::format_sweep(result, ui_lang());
    nlohmann::json j = analysis::sweep_json(result);
    j["scenario"] = base.scenario.name;
    j["source"] = base.source;
    j["command"] = prov.command;
    j["created"] = prov.created;
    j["cadresim"] = {{"version", prov.version}};
    j["changes"] = cli_scenario->changes;
    if (!process_ranks().is_root()) return kOk;  // rank 0 writes every output
    // One output set (the files and the run record: run.json, the resolved scenario, the input
    // files as given), moved into place whole.
    std::vector<OutputFile> files{
        {"sweep.csv", analysis::sweep_csv(result)},
        {"sweep.json", j.dump(1)},
        {"sweep.html", analysis::sweep_html(result, "cadresim sweep: " + base.scenario.name,
                                            prov.command, ui_lang())},
        {"summary.txt", summary}};
    write_experiment_outputs(*plan, std::move(files), "sweep", args, prov, scenario_path,
                             *cli_scenario);
    const std::filesystem::path html = plan->folder / "sweep.html";
    // -q: only the path, as for run (docs/cli.md).
    if (vm.count("quiet"))
      fmt::print("{}\n", html.string());
    else
      fmt::print("{}\n{}\n", summary, analysis::trf(ui_lang(), "sweep.written", html.string()));
    return kOk;
  } catch (const analysis::RunCancelled&) {
    fmt::print(stderr, "\n{}\n", message("cli.interrupted", "sweep"));
    return kInterrupted;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim sweep: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
