// Managing tiers (docs/model.md § Managing tiers): a post's scope is the unit at its title's
// tier level above the post's unit; succession candidates, deputies for appointment and the
// destinations of within-parent rotations come from that scope, not from the parent unit.
// Without tiers each post is managed by its unit's parent, exactly as before tiers existed.
// tests/data/tiers-small.json gives commune chairs to the provincial standing committee.
#include <gtest/gtest.h>

#include <set>     // titles whose scope changed
#include <string>  // std::string

#include "engine_test_support.hpp"
#include "sim/engine/engine.hpp"
#include "sim/rules/rotation.hpp"
#include "sim/rules/succession.hpp"

namespace cadresim::enginetest {
namespace {

const model::Scenario& untiered() {
  static const model::Scenario s = load_scenario("scenarios/training/small-district.json");
  return s;
}

const model::Scenario& tiered() {
  static const model::Scenario s = load_scenario("tests/data/tiers-small.json");
  return s;
}

// The baseline's JSON without its "managing_tiers": the default rule on a tree with agencies.
model::Scenario baseline_without_tiers() {
  const auto path = source_path("scenarios/dien-bien/baseline.json");
  nlohmann::json doc = scenario::read_json_document(path);
  doc.erase("managing_tiers");
  return scenario::build_scenario(doc, path.string(), path.parent_path()).scenario;
}

std::uint64_t fingerprint(const model::Scenario& s, std::uint64_t seed) {
  engine::Engine e(s, seed, 0);
  FingerprintObserver f;
  e.add_observer(f);
  e.run();
  return f.hash;
}

const Day kReview = ymd(2025, 12, 1);

TEST(ManagingTiers, WithoutTiersEveryPostIsManagedByItsUnitsParent) {
  const model::Scenario s = baseline_without_tiers();
  const auto& org = s.organisation;
  for (PostId p = 0; p < org.posts.size(); ++p) {
    const model::UnitId u = org.posts[p].unit;
    const model::UnitId parent = org.units[u].parent == model::kNoUnit ? u : org.units[u].parent;
    ASSERT_EQ(rules::managing_unit(org, p), parent) << org.post_label(p);
  }
  // One default tier per level of titles, named after the level of the posts it manages.
  ASSERT_EQ(org.tiers.size(), 4u);
  for (const auto& t : org.tiers) EXPECT_TRUE(t.parent_scope) << t.id;
  EXPECT_EQ(org.tiers[org.titles[org.find_title("commune-pc-chair")].tier].id, "parent-of-commune");
}

TEST(ManagingTiers, TheScopeIsTheUnitAtTheTiersLevelAboveThePost) {
  const auto& org = tiered().organisation;
  auto scope = [&](const char* unit, const char* title) {
    return rules::managing_unit(org, org.find_post(org.find_unit(unit), org.find_title(title)));
  };
  EXPECT_EQ(scope("north-1", "commune-chair"), org.find_unit("province"));
  EXPECT_EQ(scope("north-1", "commune-secretary"), org.find_unit("north"));
  EXPECT_EQ(scope("south", "district-chair"), org.find_unit("province"));
  EXPECT_EQ(scope("province", "province-chair"), org.find_unit("province"));
  // In the baseline an agency under its province at the same level is scoped to the province.
  const model::Scenario base = load_scenario("scenarios/dien-bien/baseline.json");
  const auto& b = base.organisation;
  auto base_scope = [&](const char* unit, const char* title) {
    return b.units[rules::managing_unit(b, b.find_post(b.find_unit(unit), b.find_title(title)))].id;
  };
  EXPECT_EQ(base_scope("dien-bien-home-affairs", "province-agency-head"), "dien-bien");
  EXPECT_EQ(base_scope("dien-bien", "province-party-secretary"), "centre");
  EXPECT_EQ(base_scope("dien-bien", "province-vice-chair"), "dien-bien");
  EXPECT_EQ(base_scope("nam-po", "district-pc-chair"), "dien-bien");
  EXPECT_EQ(base_scope("nam-po", "district-department-head"), "nam-po");
  EXPECT_EQ(base_scope("si-pa-phin", "commune-pc-chair"), "nam-po");
}

TEST(ManagingTiers, TheBaselineTiersChangeTheScopeOfFourTitlesOnly) {
  const model::Scenario tiers = load_scenario("scenarios/dien-bien/baseline.json");
  const model::Scenario parent = baseline_without_tiers();
  std::set<std::string> changed;
  for (PostId p = 0; p < tiers.organisation.posts.size(); ++p)
    if (rules::managing_unit(tiers.organisation, p) != rules::managing_unit(parent.organisation, p))
      changed.insert(tiers.organisation.title_of(p).id);
  // Province-level territorial posts: the centre -> the province; district non-key posts: the
  // province -> their own district.
  EXPECT_EQ(changed, (std::set<std::string>{"province-vice-chair", "province-department-director",
                                            "district-department-head", "district-specialist"}));
}

TEST(ManagingTiers, ExplicitTiersThatMirrorTheParentRuleGiveTheSameRun) {
  const model::Scenario mirror = load_scenario("tests/data/tiers-as-default.json");
  for (PostId p = 0; p < mirror.organisation.posts.size(); ++p)
    ASSERT_EQ(rules::managing_unit(mirror.organisation, p),
              rules::managing_unit(untiered().organisation, p));
  for (std::uint64_t seed : {1u, 2u, 3u})
    EXPECT_EQ(fingerprint(mirror, seed), fingerprint(untiered(), seed)) << seed;
  // Giving commune chairs to the province changes the run.
  EXPECT_NE(fingerprint(tiered(), 1), fingerprint(untiered(), 1));
}

// A competent commune civil servant of South commune 2, the only cadre in the world.
CadreId add_south_official(RuleHarness& h) {
  RuleHarness::NewCadre n;
  n.post = h.post("south-2", "commune-official");
  n.birth = ymd(1988, 1, 1);
  n.competence = 0.8;
  return h.add(n);
}

bool planned_in(const RuleHarness& h, CadreId c, const char* district) {
  const auto& org = h.org();
  for (const auto& e : h.world.plan)
    if (e.cadre == c && org.within(org.posts[e.post].unit, org.find_unit(district))) return true;
  return false;
}

TEST(ManagingTiers, PlanningCandidatesComeFromTheTiersScopeNotTheParent) {
  for (const bool tiers : {false, true}) {
    SCOPED_TRACE(tiers ? "tiers" : "default");
    model::Scenario s = tiers ? tiered() : untiered();
    s.succession.removal_probability_per_year = 0;
    RuleHarness h(std::move(s), kReview);
    const CadreId c = add_south_official(h);
    auto ctx = h.ctx();
    rules::planning_review(ctx, 2025);
    EXPECT_TRUE(planned_in(h, c, tiers ? "north" : "south"));
    EXPECT_EQ(planned_in(h, c, "north"), tiers);  // north chairs: only the province plans them
  }
}

TEST(ManagingTiers, ADeputyIsAppointedFromTheTiersScope) {
  for (const bool tiers : {false, true}) {
    SCOPED_TRACE(tiers ? "tiers" : "default");
    RuleHarness h(tiers ? tiered() : untiered(), kReview);
    const CadreId c = add_south_official(h);
    const PostId chair = h.post("north-1", "commune-chair");
    auto ctx = h.ctx();
    rules::fill_post(ctx, chair);
    EXPECT_EQ(h.world.posts[chair].holder, tiers ? c : model::kNoCadre);
    const auto appointed = h.events(EventType::kAppointed);
    ASSERT_EQ(appointed.size(), tiers ? 1u : 0u);
    if (tiers) {
      EXPECT_EQ(appointed[0].reason, events::kReasonDeputy);
    }
  }
}

TEST(ManagingTiers, WithinParentRotationsStayInTheScopeOfTheCadresTier) {
  for (const bool tiers : {false, true}) {
    SCOPED_TRACE(tiers ? "tiers" : "default");
    model::Scenario s = tiers ? tiered() : untiered();
    model::RotationFlow flow;
    flow.id = "commune-commune";
    flow.from_level = flow.to_level =
        static_cast<model::LevelId>(s.organisation.find_level("commune"));
    flow.count_per_year = 1;
    flow.within_parent = true;
    s.rotation.flows = {flow};
    s.reluctance.accept_intercept = 50;  // every offer accepted
    RuleHarness h(std::move(s), ymd(2026, 1, 15));
    // The rotatee chairs North commune 1; the other North chairs were just appointed and
    // cannot be moved aside; every South chair post is vacant.
    RuleHarness::NewCadre n;
    n.post = h.post("north-1", "commune-chair");
    n.birth = ymd(1988, 1, 1);
    n.competence = 0.7;
    const CadreId c = h.add(n);
    h.plan(c, h.post("north-1", "commune-secretary"));
    for (int k = 2; k <= 5; ++k) {
      RuleHarness::NewCadre other;
      other.post = h.post("north-" + std::to_string(k), "commune-chair");
      other.months_in_post = 1;
      h.add(other);
    }
    auto ctx = h.ctx();
    rules::rotation_plan(ctx, 0);
    const auto moved = h.events(EventType::kMoved);
    ASSERT_EQ(moved.size(), tiers ? 1u : 0u);  // by default: nothing movable in North
    if (tiers) {
      EXPECT_EQ(moved[0].cadre, c);
      EXPECT_TRUE(h.org().within(h.org().posts[moved[0].to].unit, h.unit("south")));
    }
  }
}

}  // namespace
}  // namespace cadresim::enginetest
