// `cadresim run [SCENARIO]`: replications of one scenario, a summary on the terminal, and
// summary.txt, report.json, series.csv and report.html in the output directory.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include "analysis/event_log_csv.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/run_support.hpp"
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
  const std::string path = vm.count("scenario") ? vm["scenario"].as<std::string>() : std::string();
  auto loaded = load_for_cli(path, "run");
  if (!loaded) return kInvalidInput;
  const model::Scenario& sc = loaded->scenario;
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
    res.aggregate = analysis::aggregate(reps);
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
  } catch (const analysis::RunCancelled&) {
    fmt::print(stderr, "\ncadresim run: interrupted; nothing was written\n");
    return kInterrupted;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim run: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
