// `cadresim markov FILE.json [--format json|table] [--out FILE]`: the analytic Markov manpower
// model of a set of grades (analysis/markov): projection, fundamental matrix, limiting or
// stationary stocks, attainability of a target structure and vacancy chains.
// `cadresim markov --from-scenario SCENARIO [-n N] [--seed S] [--by level|title|pool]`: the
// yearly transition matrix estimated from simulated histories (analysis/markov/estimation),
// with its standard errors, and the analytic projection next to the simulated mean stocks.
// This file only checks options and wires them to analysis/markov; the reports are computed and
// formatted in analysis/markov/markov_report. See docs/cli.md.
#include <fmt/core.h>                 // fmt::format, fmt::print
#include <fmt/ostream.h>              // fmt::streamed (the options description)
#include <boost/program_options.hpp>  // options and the FILE positional

#include <cstdio>  // std::fflush
#include <span>
#include <string>
#include <vector>

#include "analysis/markov/estimation.hpp"     // estimate_transitions, state_ids
#include "analysis/markov/markov_input.hpp"   // read_markov_input
#include "analysis/markov/markov_report.hpp"  // the reports and their JSON / table forms
#include "analysis/output_set.hpp"            // write_file_atomically
#include "cli/commands.hpp"                   // ExitCode
#include "cli/options.hpp"                    // parse_run_numbers, check_writable_file
#include "cli/run_support.hpp"                // load_for_cli, interrupts, progress

namespace cadresim::cli {
namespace {

namespace po = boost::program_options;
namespace mk = cadresim::analysis::markov;

// Writes `content` to a temporary file in the same directory, flushed, then renamed over
// `path`, so readers never see a half-written file (errors give the system's reason).
void write_atomically(const std::string& path, const std::string& content) {
  analysis::write_file_atomically(path, content);
}

// Writes `text` to --out or stdout.
void emit(const po::variables_map& vm, const std::string& text) {
  if (vm.count("out")) {
    write_atomically(vm["out"].as<std::string>(), text);
  } else {
    fmt::print("{}", text);
    std::fflush(stdout);
  }
}

// `cadresim markov --from-scenario SCENARIO ...` once the options are checked.
int from_scenario_main(const po::variables_map& vm, const std::string& format) {
  const std::string path = vm["from-scenario"].as<std::string>();
  const auto numbers =
      parse_run_numbers(vm["replications"].as<std::string>(), vm["seed"].as<std::string>(),
                        vm["threads"].as<std::string>(), "markov");
  if (!numbers) return kUsageError;
  const std::size_t n = numbers->replications;
  const std::uint64_t seed = numbers->seed;
  const std::string by_name = vm["by"].as<std::string>();
  if (by_name != "auto" && by_name != "level" && by_name != "title" && by_name != "pool") {
    fmt::print(stderr, "{}\n", message("cli.markov.by", by_name));
    return kUsageError;
  }
  if (path.empty()) {
    fmt::print(stderr, "{}\n", message("cli.markov.needs_scenario"));
    return kUsageError;
  }
  auto loaded = load_for_cli(path, "markov");
  if (!loaded) return kInvalidInput;
  const model::Scenario& sc = loaded->scenario;
  mk::StateBy by = by_name == "title"        ? mk::StateBy::kTitle
                   : by_name == "pool"       ? mk::StateBy::kPool
                   : by_name == "level"      ? mk::StateBy::kLevel
                   : sc.pools.states.empty() ? mk::StateBy::kLevel
                                             : mk::StateBy::kPool;
  if (mk::state_ids(sc, by).empty()) {
    fmt::print(stderr, "{}\n",
               message(by == mk::StateBy::kPool    ? "cli.markov.no_pools"
                       : by == mk::StateBy::kTitle ? "cli.markov.no_titles"
                                                   : "cli.markov.no_levels",
                       sc.name));
    return kUsageError;
  }
  if (!check_run_size(n, horizon_months(sc), "markov")) return kInvalidInput;
  install_interrupt_handler();
  try {
    mk::EstimateOptions o;
    o.by = by;
    o.seed = seed;
    o.replications = n;
    o.threads = numbers->threads;
    o.cancel = &g_interrupted;
    TerminalProgress progress("simulating " + sc.name);
    o.progress = &progress;
    mk::TransitionEstimate e = mk::estimate_transitions(sc, o);
    const mk::EstimateReport r = mk::analyse_estimate(std::move(e), path, sc.name, by, seed);
    emit(vm,
         format == "json" ? mk::estimate_report_json(r) : mk::estimate_report_table(r, ui_lang()));
    return kOk;
  } catch (const mk::EstimateCancelled&) {
    fmt::print(stderr, "{}\n", message("cli.interrupted", "markov"));
    return kInterrupted;
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "cadresim markov: {}: {}\n", path, e.what());
    return kInvalidInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim markov: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace

/// Entry point of `cadresim markov`; `args` are the arguments after the command name.
int markov_main(std::span<const std::string> args) {
  po::options_description visible(
      "Usage: cadresim markov FILE.json [--format json|table] [--out FILE]\n"
      "       cadresim markov --from-scenario SCENARIO [-n N] [--seed S] [--by level|title|pool]\n"
      "                       [--threads T] [--format json|table] [--out FILE]\n\n"
      "Analytic Markov manpower model: projection, fundamental matrix, limiting or stationary\n"
      "stocks, recruitment for a target structure, vacancy chains. With --from-scenario: the\n"
      "yearly transition matrix estimated from simulated histories, with standard errors, and\n"
      "the analytic projection next to the simulated mean stocks. Options");
  visible.add_options()("help,h", "show this help")(
      "format", po::value<std::string>()->default_value("json"), "output format: json or table")(
      "out,o", po::value<std::string>(), "write the output to this file instead of stdout")(
      "from-scenario", po::value<std::string>(), "estimate the matrix from runs of this scenario")(
      "replications,n", po::value<std::string>()->default_value("100"),
      "with --from-scenario: number of replications (1 to 100000)")(
      "seed", po::value<std::string>()->default_value("1"),
      "with --from-scenario: random seed (replication r uses the key (seed, r))")(
      "by", po::value<std::string>()->default_value("auto"),
      "with --from-scenario: states are levels, titles or pool states (auto: pool states when "
      "the scenario has pools, else levels)")(
      "threads", po::value<std::string>()->default_value("0"),
      "with --from-scenario: worker threads (0 = all cores)");
  std::string lang;
  add_lang_option(visible, &lang);
  po::options_description all;
  all.add(visible).add_options()("input", po::value<std::vector<std::string>>(), "input file");
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(std::vector<std::string>(args.begin(), args.end()))
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    fmt::print(stderr, "{}\n", message("cli.see_help", "markov", e.what()));
    return kUsageError;
  }
  if (!apply_lang_option(lang, "markov")) return kUsageError;
  if (vm.count("help")) {
    fmt::print("{}\n", fmt::streamed(visible));
    return kOk;
  }
  const auto inputs =
      vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{};
  const bool from_scenario = vm.count("from-scenario") > 0;
  if (from_scenario && !inputs.empty()) {
    fmt::print(stderr, "{}\n", message("cli.markov.not_both"));
    return kUsageError;
  }
  if (!from_scenario && inputs.size() != 1) {
    fmt::print(stderr, "{}\n", message("cli.markov.one_input", inputs.size()));
    return kUsageError;
  }
  if (!from_scenario) {
    for (const char* opt : {"replications", "seed", "by", "threads"})
      if (!vm[opt].defaulted()) {
        fmt::print(stderr, "{}\n", message("cli.markov.scenario_only", opt));
        return kUsageError;
      }
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "json" && format != "table") {
    fmt::print(stderr, "{}\n", message("cli.markov.format", format));
    return kUsageError;
  }
  if (vm.count("out")) {
    // Before any work: an --out that cannot be written fails now, not after the runs.
    if (const std::string why = check_writable_file(vm["out"].as<std::string>()); !why.empty()) {
      fmt::print(stderr, "{}\n", message("cli.markov.cannot_write", why));
      return kRuntimeFailure;
    }
  }
  if (from_scenario) return from_scenario_main(vm, format);

  try {
    const mk::MarkovInput in = mk::read_markov_input(inputs.front());
    const mk::ModelReport report = mk::analyse_model(in, inputs.front());
    emit(vm, format == "json" ? mk::model_report_json(report)
                              : mk::model_report_table(report, ui_lang()));
    return kOk;
  } catch (const mk::InputError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kInvalidInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim markov: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
