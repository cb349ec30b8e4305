// `cadresim story [SCENARIO] WHO`: the career of one cadre, or the history of one post or unit,
// as dated sentences from one replication, in English or Vietnamese, as text or an HTML page.
#include <fmt/core.h>                 // fmt::print
#include <boost/program_options.hpp>  // options of the subcommand

#include "analysis/output_set.hpp"  // write_file_atomically, kPrivateFileMode
#include "analysis/story.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/run_support.hpp"
#include "cli/scenario_options.hpp"  // --shocks
#include "sim/engine/engine.hpp"

namespace po = boost::program_options;

namespace cadresim::cli {

int story_main(std::span<const std::string> args) {
  CommandLine line{
      po::options_description(
          "Usage: cadresim story [options] [SCENARIO] WHO\n\n"
          "Tells the career of one cadre (WHO = an id, or a name with or without diacritics),\n"
          "or the history of a post (WHO = post:UNIT-ID/TITLE-ID) or a unit (WHO = unit:UNIT-ID),\n"
          "from one replication of SCENARIO (default: the built-in Điện Biên baseline).\n\n"
          "Examples:\n"
          "  cadresim story \"Vàng A Kỷ\"\n"
          "  cadresim story \"Vang A Ky\" --lang vi --html story.html\n"
          "  cadresim story scenarios/dien-bien/housing.json "
          "post:nam-po/district-party-secretary\n\n"
          "Options"),
      {},
      {}};
  std::string seed_text, replication_text, lang, html, until;
  line.visible.add_options()("help,h", "show this help")(
      "seed", po::value(&seed_text)->default_value("1"), "random seed, 0 to 2^64-1")(
      "replication", po::value(&replication_text)->default_value("0"),
      "which replication of the seed (as in `run`: replication r uses the key (seed, r))")(
      "html", po::value(&html), "also write the story as a self-contained HTML page to this file")(
      "until", po::value(&until), "stop at this date (YYYY-MM-DD) instead of the scenario's end");
  add_lang_option(line.visible, &lang);
  std::vector<std::string> shock_files;
  add_shocks_option(line.visible, &shock_files, "the scenario");
  line.hidden.add_options()("words", po::value<std::vector<std::string>>(), "SCENARIO WHO");
  line.positional.add("words", -1);
  int rc = kOk;
  const auto parsed = parse_command_line(args, line, "story", rc);
  if (!parsed) return rc;
  const po::variables_map& vm = *parsed;
  const auto words =
      vm.count("words") ? vm["words"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (words.empty() || words.size() > 2) {
    fmt::print(stderr, "{}\n", message("cli.story.words"));
    return kUsageError;
  }
  if (!apply_lang_option(lang, "story")) return kUsageError;
  // Read as run reads its numbers: "--seed -1" is refused, never wrapped around to 2^64 - 1.
  const auto seed_read = parse_whole_number(seed_text, "seed", 0, UINT64_MAX, "story");
  if (!seed_read) return kUsageError;
  const auto replication_read =
      parse_whole_number(replication_text, "replication", 0, UINT64_MAX, "story");
  if (!replication_read) return kUsageError;
  const std::uint64_t seed = *seed_read, replication = *replication_read;
  const std::string path = words.size() == 2 ? words[0] : std::string();
  const std::string who = words.back();
  auto cli_scenario = load_scenario_for(path, {}, "story", shock_files);
  if (!cli_scenario) return kInvalidInput;
  std::optional<scenario::LoadedScenario> loaded = std::move(cli_scenario->loaded);
  const model::Scenario& sc = loaded->scenario;
  kernel::Day until_day = sc.calendar.end;
  if (!until.empty()) {
    const auto d = kernel::parse_iso_date(until);
    if (!d || *d <= sc.calendar.start || *d > sc.calendar.end) {
      fmt::print(stderr, "{}\n",
                 message("cli.story.until", kernel::format_iso_date(sc.calendar.start),
                         kernel::format_iso_date(sc.calendar.end)));
      return kUsageError;
    }
    until_day = *d;
  }
  try {
    // First find the subject in the initial world (to follow its readiness month by month);
    // recruits exist only later, so look again at the end if needed.
    std::string error;
    analysis::StoryRecorder rec;
    std::optional<analysis::StorySubject> subject;
    {
      engine::Engine probe(sc, seed, replication);
      subject = analysis::find_subject(sc, probe.world(), who, error, ui_lang());
    }
    if (subject && subject->kind == analysis::StorySubject::Kind::kCadre)
      rec.follow = subject->cadre;
    engine::Engine engine(sc, seed, replication);
    engine.add_observer(rec);
    engine.run_until(until_day);
    if (!subject) {
      subject = analysis::find_subject(sc, engine.world(), who, error, ui_lang());
      if (!subject) {
        fmt::print(stderr, "cadresim story: {}\n", error);
        return kUsageError;
      }
    }
    const analysis::Lang language = ui_lang();
    const auto lines = analysis::tell_story(sc, engine.world(), rec, *subject, language);
    if (!html.empty())
      // A story names its cadre (its purpose): the page is private like --with-names outputs.
      analysis::write_file_atomically(html, analysis::story_html(*subject, lines, language),
                                      analysis::kPrivateFileMode);
    fmt::print("{}", analysis::story_text(*subject, lines, language));
    return kOk;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cadresim story: {}\n", e.what());
    return kRuntimeFailure;
  }
}

}  // namespace cadresim::cli
