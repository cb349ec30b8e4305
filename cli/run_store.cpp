#include "cli/run_store.hpp"
#include "cli/options.hpp"  // ui_lang

#include <fmt/core.h>         // fmt::format
#include <nlohmann/json.hpp>  // run.json

#include <stdexcept>  // std::runtime_error

#include "sim/scenario/input_paths.hpp"  // check_referenced_file, allowed_roots
#include "sim/scenario/limits.hpp"       // kMaxJsonFileBytes, kMaxCsvFileBytes
#include "sim/scenario/loader.hpp"       // read_json_document, build_scenario
#include "sim/scenario/strict_json.hpp"  // read_file_bytes

namespace cadresim::cli {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

constexpr mode_t kPrivate = 0600;

/// The files a scenario was read from, in order: the file, the bases of its extends chain, the
/// roster. (Read again here; the loader already refused anything these paths could break.)
std::vector<fs::path> input_files(const fs::path& top, const json& resolved) {
  std::vector<fs::path> files{top};
  const auto roots = scenario::allowed_roots(top.parent_path());
  fs::path current = top;
  for (int depth = 0; depth < 33; ++depth) {
    json doc;
    try {
      doc = scenario::read_json_document(current);
    } catch (const scenario::InvalidInput&) {
      break;
    }
    if (!doc.is_object() || !doc.contains("extends") || !doc["extends"].is_string()) break;
    const std::string written = doc["extends"].get<std::string>();
    text::Message error;  // not shown: the load reports a bad chain
    const auto base =
        scenario::check_referenced_file(current.parent_path() / written, written, ".json", roots,
                                        "problem.path.base_scenario", error);
    if (!base) break;
    files.push_back(*base);
    current = *base;
  }
  const auto population = resolved.find("population");
  if (population != resolved.end() && population->contains("roster") &&
      (*population)["roster"].is_string())
    files.push_back(top.parent_path() / (*population)["roster"].get<std::string>());
  return files;
}

}  // namespace

std::vector<OutputFile> run_record(const char* command, std::span<const std::string> args,
                                   const analysis::Provenance& prov,
                                   const std::vector<GivenScenario>& scenarios) {
  std::vector<OutputFile> files;
  json record = {{"command", command},
                 {"args", std::vector<std::string>(args.begin(), args.end())},
                 {"command_line", prov.command},
                 {"created", prov.created},
                 {"seed", prov.seed},
                 {"replications", prov.replications},
                 {"with_names", prov.with_names},
                 {"version", prov.version}};
  json list = json::array();
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    const GivenScenario& given = scenarios[k];
    const std::string resolved_name = fmt::format("scenario-{}.resolved.json", k + 1);
    files.push_back({resolved_name, given.loaded->resolved.dump(2) + "\n", kPrivate});
    json entry = {{"source", given.loaded->source}, {"resolved", resolved_name}};
    json copies = json::array();
    if (!given.path.empty()) {
      const auto inputs = input_files(given.path, given.loaded->resolved);
      for (std::size_t i = 0; i < inputs.size(); ++i) {
        const bool is_roster = inputs[i].extension() == ".csv";
        const auto bytes = scenario::read_file_bytes(
            inputs[i], is_roster ? scenario::kMaxCsvFileBytes : scenario::kMaxJsonFileBytes);
        if (!bytes.error.empty()) continue;
        const std::string copy =
            fmt::format("input/{}/{}-{}", k + 1, i + 1, inputs[i].filename().string());
        files.push_back({copy, bytes.bytes, kPrivate});
        copies.push_back({{"given", inputs[i].string()}, {"copy", copy}});
        if (is_roster) entry["roster"] = copy;
      }
    }
    entry["inputs"] = copies;
    if (given.changes != nullptr && !given.changes->empty()) {
      entry["changes"] = *given.changes;
      entry["changed_from"] = given.changed_from;
    }
    list.push_back(entry);
  }
  record["scenarios"] = list;
  files.insert(files.begin(), {"run.json", record.dump(2) + "\n", 0644});
  return files;
}

std::vector<OutputFile> copy_record(const fs::path& dir) {
  std::vector<OutputFile> files;
  auto copy = [&](const fs::path& relative, mode_t mode) {
    const auto bytes = scenario::read_file_bytes(dir / relative, scenario::kMaxCsvFileBytes);
    if (!bytes.error.empty())
      throw std::runtime_error(
          fmt::format("cannot read {}: {}", (dir / relative).string(), bytes.error));
    files.push_back({relative, bytes.bytes, mode});
  };
  copy("run.json", 0644);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("scenario-", 0) == 0 && name.ends_with(".resolved.json")) copy(name, kPrivate);
  }
  if (fs::is_directory(dir / "input", ec))
    for (const auto& entry : fs::recursive_directory_iterator(dir / "input", ec))
      if (entry.is_regular_file()) copy(fs::relative(entry.path(), dir), kPrivate);
  return files;
}

Rerun load_rerun(const fs::path& dir) {
  const json record = scenario::read_json_document(dir / "run.json");
  auto damaged = [&](const std::string& what) {
    return scenario::InvalidInput({{(dir / "run.json").string(), "", what}});
  };
  if (!record.is_object() || !record.contains("scenarios") || !record["scenarios"].is_array() ||
      !record.contains("created") || !record.contains("command_line"))
    throw damaged("not a run record of cadresim (scenarios, created or command_line missing)");
  Rerun out;
  out.created = record["created"].get<std::string>();
  out.command = record["command_line"].get<std::string>();
  for (const auto& entry : record["scenarios"]) {
    if (!entry.is_object() || !entry.contains("resolved") || !entry["resolved"].is_string() ||
        !entry.contains("source"))
      throw damaged("a scenario entry lacks \"resolved\" or \"source\"");
    const json resolved = scenario::read_json_document(dir / entry["resolved"].get<std::string>());
    json doc = resolved;
    if (entry.contains("roster") && doc.contains("population"))
      doc["population"]["roster"] = entry["roster"];  // the copy kept in the run folder
    scenario::LoadedScenario loaded =
        scenario::build_scenario(doc, entry["source"].get<std::string>(), dir);
    loaded.resolved = resolved;  // as recorded, the roster path as the user wrote it
    out.scenarios.push_back(std::move(loaded));
    out.changes.push_back(entry.contains("changes") ? entry["changes"] : json::array());
    out.changed_from.push_back(entry.contains("changed_from") && entry["changed_from"].is_string()
                                   ? entry["changed_from"].get<std::string>()
                                   : std::string());
  }
  return out;
}

std::optional<Rerun> load_rerun_for_cli(const std::string& dir, std::size_t expected,
                                        const char* command) {
  try {
    Rerun r = load_rerun(dir);
    if (r.scenarios.size() != expected) {
      fmt::print(stderr, "{}\n",
                 message("cli.rerun.count", command, dir, r.scenarios.size(), expected));
      return std::nullopt;
    }
    return r;
  } catch (const scenario::InvalidInput& e) {
    for (const auto& l : scenario::format_problems(e.problems(), e.total(),
                                                   scenario::kMaxListedProblems, ui_lang()))
      fmt::print(stderr, "{}\n", l);
    fmt::print(stderr, "{}\n", message("cli.rerun.cannot", command, dir));
    return std::nullopt;
  }
}

std::optional<std::pair<std::string, std::vector<std::string>>> rerun_arguments(
    const fs::path& dir, std::string& error) {
  json record;
  try {
    record = scenario::read_json_document(dir / "run.json");
  } catch (const scenario::InvalidInput& e) {
    error = scenario::format_problem(e.problems().front(), ui_lang());
    return std::nullopt;
  }
  if (!record.is_object() || !record.contains("command") || !record["command"].is_string() ||
      !record.contains("args") || !record["args"].is_array()) {
    error = (dir / "run.json").string() + ": not a run record of cadresim";
    return std::nullopt;
  }
  const std::string command = record["command"].get<std::string>();
  if (command == "sweep" || command == "optimise") {
    // Their folders keep the record for provenance; the command line and seed repeat them.
    const std::string line = record.contains("command_line") && record["command_line"].is_string()
                                 ? record["command_line"].get<std::string>()
                                 : "cadresim " + command;
    error = (dir / "run.json").string() + ": a folder of `cadresim " + command +
            "`; rerun repeats run and compare folders only. Its recorded command gives the same "
            "figures again (the scenario as it was is in " +
            (dir / "input").string() + "): " + line;
    return std::nullopt;
  }
  if (command != "run" && command != "compare") {
    error = (dir / "run.json").string() + ": unknown command \"" + command + "\"";
    return std::nullopt;
  }
  std::vector<std::string> args;
  const auto& recorded = record["args"];
  for (std::size_t i = 0; i < recorded.size(); ++i) {
    const std::string a = recorded[i].is_string() ? recorded[i].get<std::string>() : "";
    // A snapshot is a side file like the event log: a rerun repeats the reports only. A run
    // continued from a snapshot needs that file, which the folder does not hold.
    if (a == "--from-state" || a.rfind("--from-state=", 0) == 0) {
      error = (dir / "run.json").string() +
              ": the run continued a snapshot (--from-state), which the run folder does not "
              "hold; run the recorded command again instead";
      return std::nullopt;
    }
    if (a == "--out" || a == "--events" || a == "--save-state") {
      ++i;  // and its value
      continue;
    }
    if (a == "--rerun-of") {
      ++i;
      continue;
    }
    if (a.rfind("--out=", 0) == 0 || a.rfind("--events=", 0) == 0 ||
        a.rfind("--save-state=", 0) == 0 || a == "--overwrite" || a.rfind("--rerun-of=", 0) == 0)
      continue;
    args.push_back(a);
  }
  args.push_back("--rerun-of");
  args.push_back(dir.string());
  return std::pair{command, args};
}

}  // namespace cadresim::cli
