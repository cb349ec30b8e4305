#pragma once
/// @file Readers for the sections of a scenario document (internal to sim/scenario).
/// Each reads its keys through a FieldReader, records problems, and fills model::Scenario.

#include <filesystem>  // std::filesystem::path

#include "sim/model/scenario.hpp"
#include "sim/scenario/json_fields.hpp"

namespace cadresim::scenario {

/// What every section reader works on.
struct SectionContext {
  model::Scenario& scenario;
  Problems& problems;
  std::filesystem::path base_dir;  ///< directory of the scenario file (roster paths)
};

/// "levels": the ordered hierarchy (default central, province, district, commune).
void read_levels(FieldReader& top, SectionContext& ctx);
/// "calendar": start, end, party congresses and state elections.
void read_calendar(FieldReader& top, SectionContext& ctx);
/// "units" and "generated_units": the unit tree.
void read_units(FieldReader& top, SectionContext& ctx);
/// "titles": titles and the career ladder.
void read_titles(FieldReader& top, SectionContext& ctx);
/// Checks on the finalised organisation (titles no one can fill, posts vs establishment).
void check_organisation(SectionContext& ctx);
/// "managing_tiers": the bodies that manage titles (after "titles", before finalise()).
void read_managing_tiers(FieldReader& top, SectionContext& ctx);
/// Checks on the finalised organisation: every post has a scope under its title's tier.
void check_managing_tiers(SectionContext& ctx);
/// Mechanism sections: retirement, attrition, recruitment, succession, terms, appointment,
/// rotation, income, reluctance, adaptation, support.
void read_mechanisms(FieldReader& top, SectionContext& ctx);
/// "population": synthesis distributions, named cadres and the optional roster CSV.
void read_population(FieldReader& top, SectionContext& ctx);
/// "pools": push-model pool states (grades) with yearly transitions and recruitment. Read
/// before "titles": a scenario with pools may have no titles.
void read_pools(FieldReader& top, SectionContext& ctx);
/// "staffing": non-leadership staff stocks per unit (docs/model.md § Staffing). Absent: off.
void read_staffing(FieldReader& top, SectionContext& ctx);
/// "script": dated moves of named cadres (training exercises, the article's story).
void read_script(FieldReader& top, SectionContext& ctx);

/// Reads {"<level id>": value, ...} into a vector indexed by level; unknown levels are problems.
/// Levels absent from the object keep `fallback`.
std::vector<double> read_level_map(FieldReader& r, const std::string& key, double fallback,
                                   double lo, double hi, const SectionContext& ctx);
/// Resolves a level id (problem at `pointer` when unknown); returns -1 when unknown.
int resolve_level(const std::string& id, const std::string& pointer, const SectionContext& ctx);
/// Resolves "unit-id/title-id[#n]" to a post (problem at `pointer` when unknown).
model::PostId resolve_post(const std::string& label, const std::string& pointer,
                           const SectionContext& ctx);

}  // namespace cadresim::scenario
