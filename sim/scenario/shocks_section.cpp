// "shocks": shock cards (docs/scenarios.md § Shock cards), dated events a trainer adds to a
// scenario. Each card is read as strictly as the rest of the file and turned into what the
// model already has: a parameter change, an allowance cut or a hiring freeze into dated changes
// (a JSON Merge Patch on a date), a merge into a structural event (read by read_structure), and
// departures and extra rotation rounds into model::Shock entries that the engine runs on their
// dates (sim/rules/shocks.cpp). A shock file (`run --shocks FILE`) adds its cards to this
// section (with_shocks, below), so a run's resolved scenario holds every card it ran with.
#include "sim/scenario/shocks.hpp"

#include <fmt/core.h>  // fmt::format

#include <set>  // card ids

#include "sim/scenario/changes.hpp"  // DatedChange, check_dated_patch

namespace cadresim::scenario {

namespace {

constexpr const char* kKinds[] = {
    "departure", "change", "allowance_cut", "hiring_freeze", "extra_rotation_round", "merge"};
// Keys of a merge card that read_structure reads (the keys of a structural event).
constexpr const char* kMergeKeys[] = {"create", "merge", "abolish", "move", "placement_rank_step",
                                      "surplus"};

model::ShockKind kind_of(const std::string& k) {
  if (k == "departure") return model::ShockKind::kDeparture;
  if (k == "allowance_cut") return model::ShockKind::kAllowanceCut;
  if (k == "hiring_freeze") return model::ShockKind::kHiringFreeze;
  if (k == "extra_rotation_round") return model::ShockKind::kExtraRotationRound;
  if (k == "merge") return model::ShockKind::kMerge;
  return model::ShockKind::kChange;
}

// An allowance a card can cut: the section and key it sets, and the range of its value.
struct Allowance {
  const char* name;
  const char* section;
  const char* key;
  double max;  // 0: a boolean (the card sets false)
};
constexpr Allowance kAllowances[] = {
    {"attraction", "income", "attraction_share", 1},
    {"public_service", "income", "public_service_share", 1},
    {"top_up", "support", "top_up_vnd_per_month", 1e9},
    {"travel", "support", "travel_allowance_vnd_per_month", 1e9},
    {"reserved_position_allowance", "support", "reserve_position_allowance", 0},
};

void read_departure(FieldReader& r, model::Shock& card, SectionContext& ctx) {
  const auto& org = ctx.scenario.organisation;
  std::string cause = "resignation";
  r.choice("cause", cause, {"resignation", "health", "discipline", "transfer"});
  card.cause = cause == "health"       ? model::ExitCause::kHealth
               : cause == "discipline" ? model::ExitCause::kDiscipline
               : cause == "transfer"   ? model::ExitCause::kTransfer
                                       : model::ExitCause::kResignation;
  // Only the keys of the card's form are read (and resolved), so the resolved card reads back
  // the same.
  if (r.has("cadre")) {
    r.string("cadre", card.cadre_id, true);
    if (r.has("count") || r.has("level") || r.has("title") || r.has("key_only"))
      ctx.problems.add(r.pointer(), text::message("problem.shocks.cadre_not_both"));
    if (card.cadre_id.empty()) return;
    bool known = false;
    for (const auto& n : ctx.scenario.named_cadres) known = known || n.cadre.id == card.cadre_id;
    if (!known) {
      std::vector<std::string> ids;
      for (const auto& n : ctx.scenario.named_cadres) ids.push_back(n.cadre.id);
      const std::string near = closest_match(card.cadre_id, ids);
      ctx.problems.add(r.at("cadre"),
                       near.empty() ? text::message("problem.shocks.unknown_cadre", card.cadre_id)
                                    : text::message("problem.shocks.unknown_cadre_did_you_mean",
                                                    card.cadre_id, near));
    }
    return;
  }
  if (!r.has("count")) {
    ctx.problems.add(r.pointer(), text::message("problem.shocks.cadre_or_count"));
    return;
  }
  std::string level, title;
  r.integer("count", card.count, 1, 100000);
  if (r.has("level")) r.string("level", level, true);
  if (r.has("title")) r.string("title", title, true);
  if (r.has("key_only") || r.has("level")) r.boolean("key_only", card.key_only);
  if (level.empty() && title.empty())
    ctx.problems.add(r.at("count"), text::message("problem.shocks.which_posts"));
  if (!level.empty()) card.level = resolve_level(level, r.at("level"), ctx);
  if (!title.empty()) {
    card.title = org.find_title(title);
    if (card.title == model::kNoTitle) {
      std::vector<std::string> ids;
      for (const auto& t : org.titles) ids.push_back(t.id);
      ctx.problems.add(r.at("title"),
                       unknown_reference("problem.ref.title", title, closest_match(title, ids)));
    } else if (card.level >= 0 && org.titles[card.title].level != card.level) {
      ctx.problems.add(r.at("title"),
                       text::message("problem.shocks.title_not_at_level", title, level));
    }
  }
}

std::string default_label(const model::Shock& card, const json& in, const SectionContext& ctx) {
  const auto& org = ctx.scenario.organisation;
  switch (card.kind) {
    case model::ShockKind::kDeparture: {
      if (!card.cadre_id.empty()) return "departure of " + card.cadre_id;
      std::string where =
          card.title != model::kNoTitle ? org.titles[card.title].id
          : card.level >= 0
              ? std::string(card.key_only ? "key posts of level " : "posts of level ") +
                    org.levels[static_cast<std::size_t>(card.level)].id
              : std::string("posts");
      return fmt::format("{} holder(s) of {} leave", card.count, where);
    }
    case model::ShockKind::kAllowanceCut:
      return fmt::format("{} cut to {}", in.value("allowance", std::string("allowance")),
                         in.contains("to") ? in["to"].dump() : std::string("none"));
    case model::ShockKind::kHiringFreeze:
      return in.contains("until") && in["until"].is_string()
                 ? "hiring freeze until " + in["until"].get<std::string>()
                 : std::string("hiring freeze");
    case model::ShockKind::kExtraRotationRound:
      return "extra rotation round";
    case model::ShockKind::kMerge:
      return "merger of units";
    case model::ShockKind::kChange:
      break;
  }
  return "parameter change";
}

}  // namespace

std::vector<ShockStructure> shock_structure_events(const json& shocks) {
  std::vector<ShockStructure> out;
  if (!shocks.is_array()) return out;
  for (std::size_t i = 0; i < shocks.size(); ++i) {
    const json& card = shocks[i];
    if (!card.is_object() || card.value("kind", std::string()) != "merge") continue;
    ShockStructure s;
    s.event = json::object();
    for (const auto& [key, value] : card.items())
      if (key == "date" || key == "$comment") s.event[key] = value;
    for (const char* key : kMergeKeys)
      if (card.contains(key)) s.event[key] = card[key];
    s.pointer = fmt::format("/shocks/{}", i);
    s.card = static_cast<int>(i);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<DatedChange> read_shocks(FieldReader& top, SectionContext& ctx) {
  std::vector<DatedChange> out;
  if (!top.has("shocks")) return out;
  auto& s = ctx.scenario;
  const auto& cal = s.calendar;
  std::set<std::string> ids;
  for_each_object(top, "shocks", false, [&](FieldReader& r, std::size_t i) {
    model::Shock card;
    std::string kind;
    if (r.has("kind"))
      r.choice("kind", kind, {std::begin(kKinds), std::end(kKinds)});
    else
      ctx.problems.add(r.at("kind"), text::message("problem.shocks.kind_required"));
    card.kind = kind_of(kind);
    r.date("date", card.date, true);
    if (r.has("date") && (card.date <= cal.start || card.date > cal.end))
      ctx.problems.add(r.at("date"), text::message("problem.shocks.during_run",
                                                   kernel::format_iso_date(cal.start),
                                                   kernel::format_iso_date(cal.end)));
    // The default id depends on what the card is, not where it stands, so the same card draws
    // the same holders in a base and in a variant that lists other cards before it.
    r.string("id", card.id);
    if (card.id.empty()) {
      card.id = kind + "-" + (r.has("date") ? kernel::format_iso_date(card.date) : "undated");
      for (int k = 2; ids.count(card.id) != 0; ++k)
        card.id = fmt::format("{}-{}-{}", kind, kernel::format_iso_date(card.date), k);
    } else if (ids.count(card.id) != 0) {
      ctx.problems.add(r.at("id"), text::message("problem.shocks.duplicate_card", card.id));
    }
    ids.insert(card.id);
    r.string("label", card.label);
    const json* raw_card = nullptr;
    if (const json* all = top.raw("shocks"); all != nullptr && all->is_array() && i < all->size())
      raw_card = &(*all)[i];
    switch (card.kind) {
      case model::ShockKind::kDeparture:
        read_departure(r, card, ctx);
        break;
      case model::ShockKind::kChange: {
        const json* patch = r.raw("patch");
        if (patch == nullptr) {
          ctx.problems.add(r.at("patch"), text::message("problem.shocks.patch_required"));
          break;
        }
        check_dated_patch(*patch, r.at("patch"), ctx);
        r.out()["patch"] = *patch;
        if (patch->is_object()) out.push_back({card.date, *patch, i, r.at("patch"), true});
        break;
      }
      case model::ShockKind::kAllowanceCut: {
        std::string name;
        std::vector<std::string> names;
        for (const auto& a : kAllowances) names.push_back(a.name);
        r.choice("allowance", name, names);
        if (name.empty())
          ctx.problems.add(r.at("allowance"), text::message("problem.shocks.required"));
        for (const auto& a : kAllowances) {
          if (name != a.name) continue;
          json patch = json::object();
          if (a.max == 0) {
            if (r.has("to"))
              ctx.problems.add(r.at("to"), text::message("problem.shocks.allowance_off"));
            patch[a.section][a.key] = false;
          } else {
            double to = -1;
            r.number("to", to, 0, a.max);
            if (!r.has("to"))
              ctx.problems.add(r.at("to"), text::message("problem.shocks.to_required"));
            patch[a.section][a.key] = to;
          }
          out.push_back({card.date, patch, i, r.pointer(), false});
        }
        break;
      }
      case model::ShockKind::kHiringFreeze: {
        kernel::Day until = 0;
        if (r.has("until")) r.date("until", until);
        if (!s.staffing.enabled)
          ctx.problems.add(r.at("kind"), text::message("problem.shocks.freeze_needs_staffing"));
        out.push_back(
            {card.date, {{"staffing", {{"hiring_freeze", true}}}}, i, r.pointer(), false});
        if (r.has("until")) {
          if (until <= card.date || until > cal.end)
            ctx.problems.add(r.at("until"), text::message("problem.shocks.until"));
          else
            out.push_back(
                {until, {{"staffing", {{"hiring_freeze", false}}}}, i, r.at("until"), false});
        }
        break;
      }
      case model::ShockKind::kExtraRotationRound:
        break;
      case model::ShockKind::kMerge:
        // The structural keys are read by read_structure (problems at this card's pointer).
        for (const char* key : kMergeKeys)
          if (const json* v = r.raw(key)) r.out()[key] = *v;
        if (!r.has("merge"))
          ctx.problems.add(r.at("merge"), text::message("problem.shocks.merge_required"));
        for (std::size_t k = 0; k < s.structure.size(); ++k)
          if (s.structure[k].shock == static_cast<int>(i)) card.structure = static_cast<int>(k);
        break;
    }
    if (card.label.empty())
      card.label = default_label(card, raw_card != nullptr ? *raw_card : json::object(), ctx);
    r.out()["label"] = card.label;
    r.out()["id"] = card.id;
    r.finish();
    s.shocks.push_back(std::move(card));
  });
  return out;
}

LoadedScenario with_shocks(const LoadedScenario& base, const std::filesystem::path& file) {
  const json doc = read_json_document(file);  // strict; problems name the file
  Problems problems;
  problems.set_file(file.string());
  json resolved_file = json::object();
  FieldReader top(&doc, resolved_file, "", problems);
  top.allow("$schema");
  std::string name, description;
  top.string("name", name);
  top.string("description", description);
  const json* cards = top.array("cards", true);
  if (cards != nullptr && cards->empty())
    problems.add("/cards", text::message("problem.shocks.no_card"));
  if (cards != nullptr)
    for (std::size_t i = 0; i < cards->size(); ++i)
      if (!(*cards)[i].is_object())
        problems.add(fmt::format("/cards/{}", i),
                     text::message("problem.shocks.card_object", type_arg((*cards)[i])));
  top.finish();
  if (!problems.empty()) throw InvalidInput(problems.items());
  json scenario = base.resolved;
  if (!scenario.contains("shocks") || !scenario["shocks"].is_array())
    scenario["shocks"] = json::array();
  const std::size_t offset = scenario["shocks"].size();
  for (const auto& card : *cards) scenario["shocks"].push_back(card);
  try {
    LoadedScenario out = build_scenario(scenario, base.source, base.base_dir);
    out.warnings = base.warnings;
    return out;
  } catch (const InvalidInput& e) {
    // Problems in the file's cards are reported in the file, at /cards/N.
    std::vector<Problem> mapped;
    for (Problem p : e.problems()) {
      const std::string prefix = "/shocks/";
      if (p.where.rfind(prefix, 0) == 0) {
        const std::size_t end = p.where.find('/', prefix.size());
        const std::string number = p.where.substr(prefix.size(), end - prefix.size());
        if (!number.empty() && number.find_first_not_of("0123456789") == std::string::npos &&
            std::stoul(number) >= offset) {
          p.file = file.string();
          p.where = fmt::format("/cards/{}{}", std::stoul(number) - offset,
                                end == std::string::npos ? std::string() : p.where.substr(end));
        }
      }
      mapped.push_back(std::move(p));
    }
    throw InvalidInput(std::move(mapped), e.total());
  }
}

}  // namespace cadresim::scenario
