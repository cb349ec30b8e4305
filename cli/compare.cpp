// `cadresim compare BASE VARIANT...`: runs every scenario with the same seeds (common random
// numbers) and reports paired differences against the base with 95 % intervals, the relative
// change and cost-effectiveness; writes the same files as `run`, with the variants side by side.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include <list>  // stable addresses of loaded scenarios

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/ranks.hpp"      // MPI ranks
#include "cli/run_store.hpp"  // run_record, --rerun-of
#include "cli/run_support.hpp"
#include "cli/scenario_options.hpp"  // --set
#include "sim/scenario/variant.hpp"  // scenario_changes

namespace po = boost::program_options;

namespace cadresim::cli {

int compare_main(std::span<const std::string> args) {
  CommandLine line{
      po::options_description(
          "Usage: cadresim compare [options] BASE VARIANT...\n\n"
          "Runs the base scenario and each variant with the same seeds and personal draws (common "
          "random\n"
          "numbers) and reports paired differences with 95% intervals, relative changes and "
          "support "
          "cost per\n"
          "unit of effect. Use 'baseline' as BASE for the built-in Điện Biên baseline.\n\n"
          "Examples:\n"
          "  cadresim compare baseline scenarios/dien-bien/housing.json -n 200\n"
          "  cadresim compare baseline scenarios/dien-bien/housing.json "
          "scenarios/dien-bien/grant-only.json\n"
          "  cadresim compare baseline scenarios/dien-bien/no-rotation.json --seed 3 --out cmp "
          "-q\n"
          "  cadresim compare baseline scenarios/dien-bien/housing.json --lang vi\n\n"
          "Options"),
      {},
      {}};
  std::string n_text, seed_text, threads_text;
  std::string out;
  std::vector<std::string> sets;
  line.visible.add_options()("help,h", "show this help")("replications,n",
                                                         po::value(&n_text)->default_value("100"),
                                                         "replications per scenario (1 to 100000)")(
      "seed", po::value(&seed_text)->default_value("1"),
      "random seed, 0 to 2^64-1 (the same for every scenario)")(
      "threads", po::value(&threads_text)->default_value("0"),
      "worker threads (0 = all cores, at most 1024)")(
      "out", po::value(&out),
      "output folder (default: a new folder results/<base>-compare/<run id>, with a link "
      "'latest')")("overwrite", "with --out: replace an existing folder as a whole")(
      "with-names", "write cadre names into the reports (files made 0600)")(
      "quiet,q", "print only the path of report.html (warnings still go to standard error)");
  add_set_option(line.visible, &sets);
  std::string lang;
  add_lang_option(line.visible, &lang);
  std::vector<std::string> shock_files;
  add_shocks_option(line.visible, &shock_files, "every scenario compared, the base included");
  line.visible.add_options()("set-base", "apply --set to the base too (default: variants only)");
  std::string rerun_of;
  line.hidden.add_options()("scenarios", po::value<std::vector<std::string>>(), "scenario files")(
      "rerun-of", po::value(&rerun_of), "run folder to repeat (set by cadresim rerun)");
  line.positional.add("scenarios", -1);
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "compare", rc);
  if (!parsed) return rc;
  if (!apply_lang_option(lang, "compare")) return kUsageError;
  const po::variables_map& vm = *parsed;
  std::vector<std::string> files;
  if (vm.count("scenarios")) files = vm["scenarios"].as<std::vector<std::string>>();
  if (files.size() < 2) {
    fmt::print(stderr, "{}\n", message("cli.compare.words"));
    return kUsageError;
  }
  const auto numbers = parse_run_numbers(n_text, seed_text, threads_text, "compare");
  if (!numbers) return kUsageError;
  const auto [n, seed, threads] = *numbers;
  const bool with_names = vm.count("with-names") > 0;
  if (vm.count("overwrite") && out.empty()) {
    fmt::print(stderr, "{}\n", message("cli.overwrite_needs_out", "compare"));
    return kUsageError;
  }
  const auto overrides = parse_sets(sets, "compare");
  if (!overrides) return kUsageError;
  // From here on Ctrl-C and SIGTERM only set a flag: the run stops at the next month end of a
  // replication, or before the outputs are moved into place, and nothing is written.
  install_interrupt_handler();
  // Load everything first: a bad variant must not cost a long base run. --set applies to every
  // variant (and to the base with --set-base).
  std::list<scenario::LoadedScenario> loaded;
  std::optional<Rerun> rerun;
  bool ok = true;
  if (!rerun_of.empty()) {
    rerun = load_rerun_for_cli(rerun_of, files.size(), "compare");
    if (!rerun) return kInvalidInput;
    for (auto& l : rerun->scenarios) loaded.push_back(std::move(l));
  } else {
    for (const auto& f : files) {
      const bool is_base = &f == &files.front();
      auto l = load_scenario_for(
          f, is_base && !vm.count("set-base") ? std::vector<scenario::Override>{} : *overrides,
          "compare", shock_files);
      if (!l)
        ok = false;
      else
        loaded.push_back(std::move(l->loaded));
    }
  }
  if (!ok) return kInvalidInput;
  const auto& base_sc = loaded.front().scenario;
  for (const auto& l : loaded)
    if (l.scenario.calendar.start != base_sc.calendar.start ||
        l.scenario.calendar.end != base_sc.calendar.end) {
      fmt::print(stderr, "{}\n", message("cli.compare.other_period", l.source));
      return kInvalidInput;
    }
  analysis::Provenance prov = make_provenance(seed, n, "compare", args);
  prov.with_names = with_names;
  if (rerun) {  // the same provenance, so the reports come out byte for byte the same
    prov.created = rerun->created;
    prov.command = rerun->command;
  }
  const auto plan = plan_outputs(out, vm.count("overwrite") > 0,
                                 safe_name(base_sc.name) + "-compare", prov.created, "compare", rc);
  if (!plan) return rc;
  try {
    // Replication r of every scenario runs in one task: the paired differences are folded as
    // replications finish (memory flat in -n), over MPI ranks if any.
    analysis::RunOptions ro;
    ro.seed = seed;
    ro.replications = n;
    ro.threads = threads;
    TerminalProgress progress(fmt::format("running {} scenarios", loaded.size()));
    ro.progress = &progress;
    ro.cancel = &g_interrupted;
    ro.ranks = process_ranks();
    std::vector<const model::Scenario*> scenarios;
    for (const auto& l : loaded) scenarios.push_back(&l.scenario);
    const analysis::StreamedRun streamed = analysis::run_streamed(scenarios, ro);
    interrupt_point("after-replications");
    std::vector<analysis::ScenarioResults> results;
    std::size_t k = 0;
    for (const auto& l : loaded) {
      analysis::ScenarioResults r;
      r.name = l.scenario.name;
      r.source = l.source;
      r.resolved = l.resolved;
      r.scenario = &l.scenario;
      r.aggregate = streamed.scenarios[k].result();
      if (k > 0) {
        // Exactly what this variant changes from the base of the comparison.
        r.changes =
            scenario::changes_json(scenario::scenario_changes(loaded.front().resolved, l.resolved));
        r.changed_from = loaded.front().source;
        r.difference = streamed.differences[k - 1].result();
        r.has_difference = true;
      }
      results.push_back(std::move(r));
      ++k;
    }
    if (g_interrupted.load()) throw analysis::RunCancelled{};
    if (!ro.ranks.is_root()) return kOk;  // rank 0 writes every output
    std::vector<GivenScenario> given;
    auto file = files.begin();
    for (const auto& l : loaded) {
      given.push_back({*file == "baseline" ? std::string() : *file, &l, nullptr, {}});
      ++file;
    }
    const std::vector<OutputFile> record =
        rerun ? copy_record(rerun_of) : run_record("compare", args, prov, given);
    return finish_run(*plan, results, prov, vm.count("quiet") > 0, with_names, record);
  } catch (const analysis::RunCancelled&) {
    fmt::print(stderr, "\n{}\n", message("cli.interrupted", "compare"));
    return kInterrupted;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim compare: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
