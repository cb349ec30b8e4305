// `cadresim run [SCENARIO]`: replications of one scenario, a summary on the terminal, and
// summary.txt, report.json, series.csv and report.html in the output directory.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include "analysis/assumptions.hpp"  // run --assumptions
#include "analysis/event_log_csv.hpp"
#include "analysis/output_set.hpp"  // write_file_atomically
#include "analysis/snapshot.hpp"    // --save-state, --from-state
#include "cli/commands.hpp"
#include "cli/experiment_support.hpp"  // check_design_size: --assumptions
#include "cli/options.hpp"
#include "cli/ranks.hpp"      // MPI ranks
#include "cli/run_store.hpp"  // run_record, --rerun-of
#include "cli/run_support.hpp"
#include "cli/scenario_options.hpp"  // --set
#include "sim/engine/engine.hpp"
#include "sim/scenario/limits.hpp"  // kMaxDesignPoints: --assumptions

namespace po = boost::program_options;

namespace cadresim::cli {

int run_main(std::span<const std::string> args) {
  CommandLine line{
      po::options_description(
          "Usage: cadresim run [options] [SCENARIO]\n\n"
          "Runs replications of a scenario (the built-in Điện Biên baseline when SCENARIO is "
          "omitted),\n"
          "prints a summary and writes summary.txt, report.json, series.csv and "
          "report.html.\n\n"
          "Examples:\n"
          "  cadresim run -n 20\n"
          "  cadresim run scenarios/dien-bien/housing.json -n 200 --seed 7 --out results/housing\n"
          "  cadresim run --set /support/top_up_vnd_per_month=1500000 -q\n"
          "  cadresim run -n 20 --lang vi\n\n"
          "Options"),
      {},
      {}};
  std::string n_text, seed_text, threads_text;
  std::string out, events, until, pipeline_units, save_state, from_state;
  std::vector<std::string> sets;
  std::string assumption_sets_text;
  line.visible.add_options()("help,h", "show this help")("replications,n",
                                                         po::value(&n_text)->default_value("100"),
                                                         "number of replications (1 to 100000)")(
      "seed", po::value(&seed_text)->default_value("1"),
      "random seed, 0 to 2^64-1 (replication r uses the key (seed, r))")(
      "threads", po::value(&threads_text)->default_value("0"),
      "worker threads (0 = all cores, at most 1024)")(
      "out", po::value(&out),
      "output folder (default: a new folder results/<scenario name>/<run id>, with a link "
      "'latest')")("overwrite", "with --out: replace an existing folder as a whole")(
      "with-names", "write cadre names into the reports and the event log (files made 0600)")(
      "events", po::value(&events),
      "also write the event log of replication 0 as CSV to this file")(
      "until", po::value(&until), "stop at this date (YYYY-MM-DD) instead of the scenario's end")(
      "pipeline-units", po::value(&pipeline_units),
      "also report the successor pipeline of these units (comma-separated unit ids, or a level "
      "id for all its units): monthly in series.csv, and a row per unit at each election")(
      "save-state", po::value(&save_state),
      "with --until: also save the state of every replication at that date to this file")(
      "from-state", po::value(&from_state),
      "continue the replications saved in this file (run --save-state) with SCENARIO: the same "
      "one, or a variant with the same organisation and dated calendar")(
      "quiet,q", "print only the path of report.html (warnings still go to standard error)");
  add_set_option(line.visible, &sets);
  std::string lang;
  add_lang_option(line.visible, &lang);
  std::vector<std::string> shock_files;
  add_shocks_option(line.visible, &shock_files, "the scenario");
  line.visible.add_options()(
      "assumptions", po::value(&assumption_sets_text)->default_value("0"),
      "also sample N parameter sets from the scenario's assumption ranges (Latin hypercube), "
      "run each -n times, and report total uncertainty beside the Monte Carlo interval");
  std::string rerun_of;
  line.hidden.add_options()("scenario", po::value<std::string>(), "scenario file")(
      "rerun-of", po::value(&rerun_of), "run folder to repeat (set by cadresim rerun)");
  line.positional.add("scenario", 1);
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "run", rc);
  if (!parsed) return rc;
  if (!apply_lang_option(lang, "run")) return kUsageError;
  const po::variables_map& vm = *parsed;
  const auto numbers = parse_run_numbers(n_text, seed_text, threads_text, "run");
  if (!numbers) return kUsageError;
  const auto [n, seed, threads] = *numbers;
  const auto sets_read =
      parse_whole_number(assumption_sets_text, "assumptions", 0, scenario::kMaxDesignPoints, "run");
  if (!sets_read) return kUsageError;
  const std::size_t assumption_sets = *sets_read;
  // The study keeps each set's values, as a sweep keeps each point's.
  if (assumption_sets > 0)
    if (const int code =
            check_design_size(assumption_sets, analysis::default_metrics().size(), n, "run"))
      return code;
  const bool with_names = vm.count("with-names") > 0;
  if (vm.count("overwrite") && out.empty()) {
    fmt::print(stderr, "{}\n", message("cli.overwrite_needs_out", "run"));
    return kUsageError;
  }
  if (assumption_sets == 1 || (assumption_sets > 0 && n < 2)) {
    fmt::print(stderr, "{}\n", message("cli.assumptions.too_few"));
    return kUsageError;
  }
  const bool saving = !save_state.empty(), continuing = !from_state.empty();
  if (saving && continuing) {
    fmt::print(stderr, "{}\n", message("cli.run.state_both"));
    return kUsageError;
  }
  if ((saving || continuing) && (assumption_sets > 0 || !rerun_of.empty())) {
    fmt::print(stderr, "{}\n",
               message("cli.run.state_with_assumptions", saving ? "save-state" : "from-state"));
    return kUsageError;
  }
  if ((saving || continuing) && process_ranks().distributed()) {
    fmt::print(stderr, "{}\n",
               message("cli.run.state_one_process", saving ? "save-state" : "from-state"));
    return kUsageError;
  }
  if (saving && until.empty()) {
    fmt::print(stderr, "{}\n", message("cli.run.save_needs_until"));
    return kUsageError;
  }
  if (continuing && (!vm["replications"].defaulted() || !vm["seed"].defaulted())) {
    fmt::print(stderr, "{}\n", message("cli.run.from_state_no_n"));
    return kUsageError;
  }
  const auto overrides = parse_sets(sets, "run");
  if (!overrides) return kUsageError;
  // From here on Ctrl-C and SIGTERM only set a flag: the run stops at the next month end of a
  // replication, or before the outputs are moved into place, and nothing is written.
  install_interrupt_handler();
  const std::string path = vm.count("scenario") ? vm["scenario"].as<std::string>() : std::string();
  // A snapshot is read and checked whole before anything else (docs/cli.md § run).
  std::optional<analysis::Snapshot> snapshot;
  if (continuing) {
    try {
      snapshot = analysis::read_snapshot(from_state);
    } catch (const analysis::SnapshotError& e) {
      fmt::print(stderr, "{}\n", message("cli.nothing_written", "run", e.what()));
      return kInvalidInput;
    }
  }
  std::optional<scenario::LoadedScenario> loaded;
  std::optional<Rerun> rerun;
  nlohmann::json changes = nlohmann::json::array();
  std::string changed_from;
  if (!rerun_of.empty()) {
    rerun = load_rerun_for_cli(rerun_of, 1, "run");
    if (!rerun) return kInvalidInput;
    loaded = std::move(rerun->scenarios.front());
    changes = rerun->changes.front();
    changed_from = rerun->changed_from.front();
  } else {
    auto cli_scenario = load_scenario_for(path, *overrides, "run", shock_files);
    if (!cli_scenario) return kInvalidInput;
    loaded = std::move(cli_scenario->loaded);
    changes = std::move(cli_scenario->changes);
    changed_from = std::move(cli_scenario->changed_from);
  }
  if (!loaded) return kInvalidInput;
  if (assumption_sets > 0 && loaded->assumptions.empty()) {
    fmt::print(stderr, "{}\n", message("cli.assumptions.none", loaded->source));
    return kInvalidInput;
  }
  const model::Scenario& sc = loaded->scenario;
  if (snapshot) {
    if (const std::string problem =
            analysis::continuation_problem(snapshot->header, sc, from_state, loaded->source);
        !problem.empty()) {
      fmt::print(stderr, "{}\n", message("cli.nothing_written", "run", problem));
      return kInvalidInput;
    }
    if (!events.empty() && snapshot->header.with_names != with_names) {
      fmt::print(stderr, "{}\n",
                 message(snapshot->header.with_names ? "cli.run.saved_with_names"
                                                     : "cli.run.saved_without_names",
                         from_state));
      return kUsageError;
    }
  }
  // The first day --until may name: after the start, or after the snapshot's date; before the
  // end when the state is saved there (nothing would be left to continue).
  const kernel::Day earliest = snapshot ? snapshot->header.date : sc.calendar.start;
  const kernel::Day latest = saving ? sc.calendar.end - 1 : sc.calendar.end;
  kernel::Day until_day = 0;
  if (!until.empty()) {
    const auto d = kernel::parse_iso_date(until);
    if (!d || *d <= earliest || *d > latest) {
      fmt::print(stderr, "{}\n",
                 message("cli.run.until", kernel::format_iso_date(earliest),
                         kernel::format_iso_date(latest)));
      return kUsageError;
    }
    until_day = *d;
  }
  std::vector<model::UnitId> units;
  if (!pipeline_units.empty()) {
    if (saving || snapshot) {
      fmt::print(stderr, "{}\n", message("cli.run.pipeline_with_state"));
      return kUsageError;
    }
    try {
      units = analysis::resolve_pipeline_units(sc, pipeline_units);
    } catch (const std::invalid_argument& e) {
      fmt::print(stderr, "cadresim run: --pipeline-units: {}\n", e.what());
      return kUsageError;
    }
  }
  const std::size_t runs = snapshot ? static_cast<std::size_t>(snapshot->header.replications) : n;
  const std::uint64_t run_seed = snapshot ? snapshot->header.seed : seed;
  // Only the snapshot runs keep every replication; the others aggregate as they go.
  if ((saving || snapshot) && !check_run_size(runs, horizon_months(sc, until_day), "run"))
    return kInvalidInput;
  analysis::Provenance prov = make_provenance(run_seed, runs, "run", args);
  prov.with_names = with_names;
  if (rerun) {  // the same provenance, so the reports come out byte for byte the same
    prov.created = rerun->created;
    prov.command = rerun->command;
  }
  const auto plan =
      plan_outputs(out, vm.count("overwrite") > 0, safe_name(sc.name), prov.created, "run", rc);
  if (!plan) return rc;
  if (!check_events_file(events, "run")) return kRuntimeFailure;
  if (saving) {
    if (const std::string why = check_writable_file(save_state); !why.empty()) {
      fmt::print(stderr, "{}\n", message("cli.run.cannot_write_state", save_state, why));
      return kRuntimeFailure;
    }
  }
  if (snapshot && !vm.count("quiet") &&
      snapshot->header.scenario_hash != analysis::scenario_hash(loaded->resolved))
    fmt::print(stderr, "{}\n",
               message("cli.run.continuing", snapshot->header.scenario_name,
                       kernel::format_iso_date(snapshot->header.date), loaded->source));
  try {
    analysis::RunOptions ro;
    ro.seed = run_seed;
    ro.replications = runs;
    ro.threads = threads;
    ro.until = until_day;
    ro.pipeline_units = units;
    TerminalProgress progress("running " + sc.name);
    ro.progress = &progress;
    ro.cancel = &g_interrupted;
    std::vector<analysis::ReplicationResult> reps;  // kept only by the snapshot runs
    analysis::Aggregate aggregate;
    std::string event_log;
    bool have_event_log = false;  // computed with the replications (snapshot runs)
    if (saving) {
      analysis::SavedRun saved = analysis::run_and_save(sc, loaded->resolved, ro, with_names);
      reps = std::move(saved.results);
      event_log = std::move(saved.event_log);
      have_event_log = true;
      if (g_interrupted.load()) throw analysis::RunCancelled{};
      analysis::write_snapshot(save_state, saved.snapshot);
      aggregate = analysis::aggregate(reps);
    } else if (snapshot) {
      analysis::ContinuedRun cont =
          analysis::continue_from(sc, *snapshot, from_state, ro, !events.empty());
      reps = std::move(cont.results);
      event_log = std::move(cont.event_log);
      have_event_log = true;
      aggregate = analysis::aggregate(reps);
    } else {
      // Aggregated as they finish (memory flat in --replications), over MPI ranks if any.
      ro.ranks = process_ranks();
      aggregate = analysis::run_streamed({&sc}, ro).scenarios.front().result();
    }
    interrupt_point("after-replications");
    analysis::ScenarioResults res;
    res.name = sc.name;
    res.source = loaded->source;
    res.resolved = loaded->resolved;
    res.scenario = &sc;
    res.changes = changes;
    res.changed_from = changed_from;
    res.aggregate = std::move(aggregate);
    if (assumption_sets > 0) {
      TerminalProgress sets_progress("assumption sets");
      ro.progress = &sets_progress;
      const analysis::AssumptionStudy study =
          analysis::run_assumption_study(*loaded, assumption_sets, analysis::default_metrics(), ro,
                                         reps.empty() ? nullptr : &reps);
      res.uncertainty = analysis::assumption_study_json(study);
      res.uncertainty_summary = analysis::format_assumption_study(study, ui_lang());
    }
    const std::vector<analysis::ScenarioResults> all_results{std::move(res)};
    if (g_interrupted.load()) throw analysis::RunCancelled{};
    if (!ro.ranks.is_root()) return kOk;  // rank 0 writes every output
    if (!events.empty() && !have_event_log) {
      engine::Engine engine(sc, seed, 0);
      analysis::EventLogCsv log(sc, with_names);
      engine.add_observer(log);
      analysis::CancelCheck check(&g_interrupted);
      engine.add_observer(check);
      engine.run_until(until_day ? until_day : sc.calendar.end);
      event_log = log.text();
    }
    const std::vector<OutputFile> record =
        rerun ? copy_record(rerun_of)
              : run_record("run", args, prov, {{path, &*loaded, &changes, changed_from}});
    const int code =
        finish_run(*plan, all_results, prov, vm.count("quiet") > 0, with_names, record);
    // The event log is a file of its own (--events), written once the output set is in place.
    if (!events.empty())
      analysis::write_file_atomically(
          events, event_log, with_names ? analysis::kPrivateFileMode : analysis::kPublicFileMode);
    return code;
  } catch (const scenario::InvalidInput& e) {  // a sampled assumption set breaks a rule
    for (const auto& p : e.problems())
      fmt::print(stderr, "{}\n", scenario::format_problem(p, ui_lang()));
    fmt::print(stderr, "{}\n", message("cli.run.sampled_set_invalid"));
    return kInvalidInput;
  } catch (const analysis::SnapshotError& e) {
    fmt::print(stderr, "{}\n", message("cli.nothing_written", "run", e.what()));
    return kInvalidInput;
  } catch (const analysis::RunCancelled&) {
    fmt::print(stderr, "\n{}\n", message("cli.interrupted", "run"));
    return kInterrupted;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim run: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
