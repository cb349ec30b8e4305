// `cadresim run [SCENARIO]`: replications of one scenario, a summary on the terminal, and
// summary.txt, report.json, series.csv and report.html in the output directory.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include "analysis/assumptions.hpp"  // run --assumptions
#include "analysis/event_log_csv.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/run_support.hpp"
#include "cli/scenario_options.hpp"  // --set
#include "sim/engine/engine.hpp"

namespace po = boost::program_options;

namespace cadresim::cli {

int run_main(std::span<const std::string> args) {
  CommandLine line{
      po::options_description(
          "Usage: cadresim run [options] [SCENARIO]\n\n"
          "Runs replications of a scenario (the built-in Điện Biên baseline when SCENARIO is "
          "omitted),\n"
          "prints a summary and writes summary.txt, report.json, series.csv and "
          "report.html.\n\nOptions"),
      {},
      {}};
  std::size_t n = 100;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::string out, events, until;
  std::vector<std::string> sets;
  std::size_t assumption_sets = 0;
  line.visible.add_options()("help,h", "show this help")(
      "replications,n", po::value(&n)->default_value(100), "number of replications")(
      "seed", po::value(&seed)->default_value(1),
      "random seed (replication r uses the key (seed, r))")(
      "threads", po::value(&threads)->default_value(0), "worker threads (0 = all cores)")(
      "out", po::value(&out), "output directory (default results/<scenario name>)")(
      "events", po::value(&events),
      "also write the event log of replication 0 as CSV to this file")(
      "until", po::value(&until), "stop at this date (YYYY-MM-DD) instead of the scenario's end")(
      "quiet,q", "do not print the summary");
  add_set_option(line.visible, &sets);
  line.visible.add_options()(
      "assumptions", po::value(&assumption_sets)->default_value(0),
      "also sample N parameter sets from the scenario's assumption ranges (Latin hypercube), "
      "run each -n times, and report total uncertainty beside the Monte Carlo interval");
  line.hidden.add_options()("scenario", po::value<std::string>(), "scenario file");
  line.positional.add("scenario", 1);
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "run", rc);
  if (!parsed) return rc;
  const po::variables_map& vm = *parsed;
  if (n == 0) {
    fmt::print(stderr, "cadresim run: --replications must be at least 1\n");
    return kUsageError;
  }
  if (assumption_sets == 1 || (assumption_sets > 0 && n < 2)) {
    fmt::print(
        stderr,
        "cadresim run: --assumptions needs at least 2 parameter sets and -n of at least 2\n");
    return kUsageError;
  }
  const auto overrides = parse_sets(sets, "run");
  if (!overrides) return kUsageError;
  const std::string path = vm.count("scenario") ? vm["scenario"].as<std::string>() : std::string();
  auto cli_scenario = load_scenario_for(path, *overrides, "run");
  if (!cli_scenario) return kInvalidInput;
  auto* loaded = &cli_scenario->loaded;
  const model::Scenario& sc = loaded->scenario;
  if (assumption_sets > 0 && loaded->assumptions.empty()) {
    fmt::print(stderr,
               "cadresim run: {}: no \"assumptions\" section, so --assumptions has nothing to "
               "sample (docs/scenarios.md)\n",
               loaded->source);
    return kInvalidInput;
  }
  kernel::Day until_day = 0;
  if (!until.empty()) {
    const auto d = kernel::parse_iso_date(until);
    if (!d || *d <= sc.calendar.start || *d > sc.calendar.end) {
      fmt::print(
          stderr, "cadresim run: --until must be a date YYYY-MM-DD after {} and not after {}\n",
          kernel::format_iso_date(sc.calendar.start), kernel::format_iso_date(sc.calendar.end));
      return kUsageError;
    }
    until_day = *d;
  }
  install_interrupt_handler();
  try {
    analysis::RunOptions ro;
    ro.seed = seed;
    ro.replications = n;
    ro.threads = threads;
    ro.until = until_day;
    TerminalProgress progress("running " + sc.name);
    ro.progress = &progress;
    ro.cancel = &g_interrupted;
    std::vector<analysis::ReplicationResult> reps = analysis::run_replications(sc, ro);
    analysis::ScenarioResults res;
    res.name = sc.name;
    res.source = loaded->source;
    res.resolved = loaded->resolved;
    res.scenario = &sc;
    res.changes = cli_scenario->changes;
    res.changed_from = cli_scenario->changed_from;
    res.aggregate = analysis::aggregate(reps);
    if (assumption_sets > 0) {
      TerminalProgress sets_progress("assumption sets");
      ro.progress = &sets_progress;
      const analysis::AssumptionStudy study = analysis::run_assumption_study(
          *loaded, assumption_sets, analysis::default_metrics(), ro, &reps);
      res.uncertainty = analysis::assumption_study_json(study);
      res.uncertainty_summary = analysis::format_assumption_study(study);
    }
    const analysis::Provenance prov = make_provenance(seed, n, "run", args);
    const std::vector<analysis::ScenarioResults> all_results{std::move(res)};
    if (g_interrupted.load()) throw analysis::RunCancelled{};
    const std::filesystem::path dir = out.empty()
                                          ? std::filesystem::path("results") / safe_name(sc.name)
                                          : std::filesystem::path(out);
    if (!events.empty()) {
      engine::Engine engine(sc, seed, 0);
      analysis::EventLogCsv log(sc);
      engine.add_observer(log);
      engine.run_until(until_day ? until_day : sc.calendar.end);
      analysis::write_file_atomic(events, log.text());
    }
    return finish_run(dir, all_results, prov, vm.count("quiet") > 0);
  } catch (const scenario::InvalidInput& e) {  // a sampled assumption set breaks a rule
    for (const auto& p : e.problems()) fmt::print(stderr, "{}\n", scenario::format_problem(p));
    fmt::print(stderr,
               "cadresim run: a sampled assumption set is not a valid scenario; narrow the "
               "range in \"assumptions\"; nothing was written\n");
    return kInvalidInput;
  } catch (const analysis::RunCancelled&) {
    fmt::print(stderr, "\ncadresim run: interrupted; nothing was written\n");
    return kInterrupted;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim run: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
