#include "cli/scenario_options.hpp"

#include <fmt/core.h>  // fmt::print

#include "cli/options.hpp"           // message
#include "cli/run_support.hpp"       // load_for_cli
#include "sim/scenario/shocks.hpp"   // with_shocks
#include "sim/scenario/variant.hpp"  // scenario_changes

namespace po = boost::program_options;

namespace cadresim::cli {

void add_set_option(po::options_description& options, std::vector<std::string>* sets) {
  options.add_options()("set", po::value(sets)->composing(),
                        "set one value of the resolved scenario: /pointer=value (JSON, else a "
                        "string); repeatable");
}

void add_shocks_option(po::options_description& options, std::vector<std::string>* shock_files,
                       const char* what) {
  options.add_options()("shocks", po::value(shock_files)->composing(),
                        (std::string("add the shock cards of this file (JSON, docs/scenarios.md § "
                                     "Shock cards) to ") +
                         what + "; repeatable")
                            .c_str());
}

std::optional<std::vector<scenario::Override>> parse_sets(const std::vector<std::string>& sets,
                                                          const char* command) {
  std::vector<scenario::Override> out;
  for (const auto& s : sets) {
    text::Message error;
    auto o = scenario::parse_override(s, error);
    if (!o) {
      fmt::print(stderr, "cadresim {}: --set {}\n", command, text::render(ui_lang(), error));
      return std::nullopt;
    }
    out.push_back(std::move(*o));
  }
  return out;
}

void print_warnings(const scenario::LoadedScenario& loaded) {
  for (const auto& w : loaded.warnings)
    fmt::print(stderr, "{}\n",
               message("cli.warning", w.file, w.where, scenario::problem_message(w, ui_lang())));
}

std::optional<CliScenario> load_scenario_for(const std::string& path,
                                             const std::vector<scenario::Override>& overrides,
                                             const char* command,
                                             const std::vector<std::string>& shock_files) {
  const std::string file = path == "baseline" ? std::string() : path;
  auto loaded = load_for_cli(file, command);
  if (!loaded) return std::nullopt;
  print_warnings(*loaded);
  CliScenario out;
  // The base of a variant: the file it extends, resolved (its own chain applied).
  nlohmann::json base = loaded->resolved;
  out.changed_from = loaded->source;
  if (!file.empty()) {
    try {
      const nlohmann::json doc = scenario::read_json_document(file);
      if (doc.is_object() && doc.contains("extends") && doc["extends"].is_string()) {
        const auto base_path =
            std::filesystem::path(file).parent_path() / doc["extends"].get<std::string>();
        base = scenario::load_scenario_file(base_path).resolved;
        out.changed_from = base_path.string();
      }
    } catch (const scenario::InvalidInput&) {
      // The variant loaded, so its base did too; nothing to add.
    }
  }
  if (!overrides.empty()) {
    try {
      out.loaded = scenario::with_overrides(*loaded, overrides);
    } catch (const scenario::InvalidInput& e) {
      for (const auto& p : e.problems())
        fmt::print(stderr, "{}\n", scenario::format_problem(p, ui_lang()));
      fmt::print(stderr, "{}\n",
                 message("cli.invalid_with_set", command, loaded->source,
                         scenario::describe(overrides), e.problems().size()));
      return std::nullopt;
    }
  } else {
    out.loaded = std::move(*loaded);
  }
  for (const auto& shock_file : shock_files) {
    try {
      out.loaded = scenario::with_shocks(out.loaded, shock_file);
    } catch (const scenario::InvalidInput& e) {
      for (const auto& p : scenario::format_problems(e.problems(), e.total(),
                                                     scenario::kMaxListedProblems, ui_lang()))
        fmt::print(stderr, "{}\n", p);
      fmt::print(stderr, "{}\n",
                 message("cli.invalid_with_shocks", command, out.loaded.source, shock_file));
      return std::nullopt;
    }
  }
  out.changes = scenario::changes_json(scenario::scenario_changes(base, out.loaded.resolved));
  return out;
}

}  // namespace cadresim::cli
