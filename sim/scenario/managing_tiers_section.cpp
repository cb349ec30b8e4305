// "managing_tiers": the bodies that manage cadres (docs/model.md § Managing tiers). Each tier
// sits at a level and lists the titles it manages; every title is managed by exactly one tier.
// Without the section, Organisation::finalise() gives each title the default tier of its level
// (the parent unit decides, as before tiers existed) and the resolved scenario omits the key.
#include <fmt/core.h>  // fmt::format

#include <string>  // std::string
#include <vector>  // std::vector

#include "sim/scenario/sections.hpp"

namespace cadresim::scenario {

using model::TierId;
using model::TitleId;

void read_managing_tiers(FieldReader& top, SectionContext& ctx) {
  if (!top.has("managing_tiers")) return;  // the default rule; nothing in the resolved scenario
  auto& org = ctx.scenario.organisation;
  std::vector<std::string> title_ids;
  for (const auto& t : org.titles) title_ids.push_back(t.id);
  // Where each title was listed (a pointer), to report a second listing precisely.
  std::vector<std::string> listed_at(org.titles.size());
  bool every_list_read = true;  // else unlisted titles would only echo that problem
  const bool present =
      for_each_object(top, "managing_tiers", false, [&](FieldReader& r, std::size_t) {
        model::ManagingTier tier;
        std::string level;
        r.string("id", tier.id, true);
        r.string("name", tier.name);
        if (tier.name.empty()) tier.name = tier.id;
        r.string("level", level, true);
        const json* titles = r.array("titles", true);
        if (titles != nullptr) r.out()["titles"] = *titles;
        every_list_read = every_list_read && titles != nullptr;
        r.finish();
        for (const auto& prev : org.tiers)
          if (!tier.id.empty() && prev.id == tier.id)
            ctx.problems.add(r.at("id"), text::message("problem.tiers.duplicate", tier.id));
        const int l = level.empty() ? -1 : resolve_level(level, r.at("level"), ctx);
        tier.level = static_cast<model::LevelId>(l < 0 ? 0 : l);
        const auto index = static_cast<TierId>(org.tiers.size());
        if (titles != nullptr)
          for (std::size_t k = 0; k < titles->size(); ++k) {
            const std::string ptr = r.at("titles") + "/" + std::to_string(k);
            if (!(*titles)[k].is_string()) {
              ctx.problems.add(ptr, text::message("problem.org.title_id"));
              continue;
            }
            const std::string& id = (*titles)[k].get_ref<const std::string&>();
            const TitleId t = org.find_title(id);
            if (t == model::kNoTitle) {
              const std::string near = closest_match(id, title_ids);
              const text::Message msg = unknown_reference("problem.ref.title", id, near);
              ctx.problems.add(ptr, msg);
              continue;
            }
            if (!listed_at[t].empty()) {
              ctx.problems.add(ptr, text::message("problem.tiers.already_managed", id,
                                                  org.tiers[org.titles[t].tier].id, listed_at[t]));
              continue;
            }
            listed_at[t] = ptr;
            org.titles[t].tier = index;
            if (l >= 0 && org.titles[t].level < tier.level)
              ctx.problems.add(ptr, text::message("problem.tiers.below_title", tier.id, level,
                                                  org.levels[org.titles[t].level].id, id));
          }
        org.tiers.push_back(std::move(tier));
      });
  if (!present) return;  // present but not an array: already a problem
  if (org.tiers.size() >= model::kNoTier) {
    ctx.problems.add("/managing_tiers", text::message("problem.tiers.too_many"));
    return;
  }
  std::string unlisted;
  std::size_t n = 0;
  for (TitleId t = 0; t < org.titles.size(); ++t)
    if (listed_at[t].empty()) unlisted += (n++ ? ", \"" : "\"") + org.titles[t].id + "\"";
  if (n > 0 && every_list_read)
    ctx.problems.add("/managing_tiers",
                     n == 1 ? text::message("problem.tiers.unmanaged_one", unlisted)
                            : text::message("problem.tiers.unmanaged", n, unlisted));
}

void check_managing_tiers(SectionContext& ctx) {
  const auto& org = ctx.scenario.organisation;
  // A tier above the title's level whose level some branch of the unit tree skips.
  std::vector<bool> reported(org.tiers.size(), false);
  for (model::PostId p = 0; p < org.posts.size(); ++p) {
    // Posts not in force have no scope; structural events check theirs on their dates.
    if (org.managing_scope[p] != model::kNoUnit || !org.in_force(p)) continue;
    const TierId t = org.title_of(p).tier;
    if (reported[t] || org.title_of(p).level < org.tiers[t].level) continue;  // reported when read
    reported[t] = true;
    ctx.problems.add(fmt::format("/managing_tiers/{}/level", t),
                     text::message("problem.tiers.no_scope", org.post_label(p),
                                   org.levels[org.tiers[t].level].id, org.tiers[t].id));
  }
}

}  // namespace cadresim::scenario
