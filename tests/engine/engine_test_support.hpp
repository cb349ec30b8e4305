#pragma once
/// @file Helpers shared by the engine tests: loading test scenarios, a hand-built world in
/// which one rule can be exercised in isolation (RuleHarness), observers that collect or
/// fingerprint the domain events of a run.

#include <gtest/gtest.h>

#include <array>        // per-level experience of a new cadre
#include <bit>          // std::bit_cast for hashing doubles
#include <cstdint>      // fixed-width integers
#include <filesystem>   // std::filesystem::path
#include <span>         // std::span
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "sim/engine/observer.hpp"
#include "sim/kernel/calendar.hpp"
#include "sim/kernel/random.hpp"
#include "sim/kernel/simulation.hpp"
#include "sim/model/domain_events.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/world.hpp"
#include "sim/rules/appointment.hpp"
#include "sim/rules/context.hpp"
#include "sim/rules/recruitment.hpp"
#include "sim/rules/retirement.hpp"
#include "sim/rules/terms.hpp"
#include "sim/scenario/loader.hpp"

namespace cadresim::enginetest {

using events::DomainEvent;
using events::EventType;
using kernel::Day;
using model::CadreId;
using model::PostId;

/// A date literal for tests.
inline Day ymd(int y, unsigned m, unsigned d) {
  return kernel::make_day(y, m, d);
}

/// Path of a file in the source tree (e.g. "tests/data/engine-small.json").
inline std::filesystem::path source_path(std::string_view relative) {
  return std::filesystem::path(CADRESIM_SOURCE_DIR) / relative;
}

/// Loads a scenario from the source tree (throws scenario::InvalidInput if it is invalid).
inline model::Scenario load_scenario(std::string_view relative) {
  return scenario::load_scenario_file(source_path(relative)).scenario;
}

/// The small test scenario (tests/data/engine-small.json), loaded once per test program.
inline const model::Scenario& small() {
  static const model::Scenario s = load_scenario("tests/data/engine-small.json");
  return s;
}

/// The bundled Điện Biên baseline, loaded once per test program.
inline const model::Scenario& baseline() {
  static const model::Scenario s = scenario::load_builtin_baseline().scenario;
  return s;
}

/// A world built by hand around a scenario's organisation, for testing one rule at a time:
/// every post starts vacant with no fill pending, there are no cadres and no plan, and the
/// clock stands at `today`. Cadres are added with add(); pending kernel events run with
/// advance_to(), which dispatches them to the rules as the engine does.
class RuleHarness {
 public:
  /// Takes the scenario by value so a test can edit its parameters first.
  RuleHarness(model::Scenario s, Day today, std::uint64_t seed = 1, std::uint64_t replication = 0)
      : scenario(std::move(s)), sim(today), key(seed, replication) {
    world.scenario = &scenario;
    world.org = &scenario.organisation;
    world.posts.assign(scenario.organisation.posts.size(), {});
    world.rebuild_holder_indexes();  // kept by World::set_holder, as in the engine
    world.chains.assign(1, {});
    vacancy_counter.assign(scenario.organisation.posts.size(), 0);
  }
  RuleHarness(const RuleHarness&) = delete;
  RuleHarness& operator=(const RuleHarness&) = delete;

  /// The context the rules work on.
  rules::RuleContext ctx() {
    return rules::RuleContext{world, scenario, scenario.organisation, sim,
                              key,   log,      vacancy_counter};
  }
  /// The organisation.
  const model::Organisation& org() const { return scenario.organisation; }
  /// Post "unit/title" (n-th of that title in the unit); fails the test if absent.
  PostId post(std::string_view unit, std::string_view title, int nth = 0) const {
    const auto& o = scenario.organisation;
    const model::UnitId u = o.find_unit(std::string(unit));
    const model::TitleId t = o.find_title(std::string(title));
    const PostId p =
        (u == model::kNoUnit || t == model::kNoTitle) ? model::kNoPost : o.find_post(u, t, nth);
    EXPECT_NE(p, model::kNoPost) << unit << "/" << title;
    return p;
  }
  /// Unit by id; fails the test if absent.
  model::UnitId unit(std::string_view id) const {
    const model::UnitId u = scenario.organisation.find_unit(std::string(id));
    EXPECT_NE(u, model::kNoUnit) << id;
    return u;
  }

  /// What a test says about a new cadre.
  struct NewCadre {
    PostId post = model::kNoPost;         ///< post held (kNoPost: none)
    model::Sex sex = model::Sex::kMale;   ///< sets the statutory age
    Day birth = 0;                        ///< 0: 40 years before today
    model::UnitId home = model::kNoUnit;  ///< kNoUnit: the post's unit (a native)
    double competence = 0.7;              ///< 0..1
    int months_in_post = 36;              ///< post_since = today - this many months
    int consecutive_terms = 1;            ///< terms in the current post, this one included
    std::array<std::uint16_t, model::kMaxLevels> experience{};  ///< months per level
    Day retirement_date = 0;            ///< 0: the statutory date from the scenario's table
    PostId last_post = model::kNoPost;  ///< without a post: the last one held (sets its level)
  };
  /// Adds an active cadre (counted in initial_cadres) and returns its id.
  CadreId add(const NewCadre& n) {
    const CadreId id = static_cast<CadreId>(world.cadres.size());
    model::Cadre c;
    c.id = "t";
    c.id += std::to_string(id);
    c.sex = n.sex;
    c.birth = n.birth != 0 ? n.birth : kernel::add_months(sim.now(), -40 * 12);
    c.post = n.post;
    c.last_post = n.last_post;
    c.home_unit = n.home != model::kNoUnit   ? n.home
                  : n.post != model::kNoPost ? org().posts[n.post].unit
                                             : 0;
    c.competence = n.competence;
    c.post_since = kernel::add_months(sim.now(), -n.months_in_post);
    c.equivalent_since = c.post_since;  // in this post or an equivalent one as long
    c.equivalent_rank = n.post != model::kNoPost ? org().title_of(n.post).rank : -1;
    c.consecutive_terms = n.consecutive_terms;
    c.experience_months = n.experience;
    c.entered = sim.now();
    c.retirement_date = n.retirement_date != 0
                            ? n.retirement_date
                            : rules::statutory_retirement_date(scenario.retirement, c.sex, c.birth);
    if (n.post != model::kNoPost) {
      EXPECT_EQ(world.posts[n.post].holder, model::kNoCadre) << "post already held";
      world.set_holder(n.post, id);
    }
    world.cadres.push_back(std::move(c));
    if (n.post == model::kNoPost) world.add_unplaced(id);
    world.plan_count.push_back(0);
    world.attrition.push_back({0, 1e300, 1});  // no attrition unless a test draws one
    ++world.initial_cadres;
    sim.reserve_subjects(world.cadres.size());
    return id;
  }
  /// Adds a succession-plan entry (as a review would) and counts it.
  void plan(CadreId c, PostId p) {
    world.plan.push_back({c, p, model::Readiness::kNotReady, sim.now()});
    world.note_planned(c, p);
    ++world.plan_count[c];
  }

  /// Kernel dispatch for the rule events a hand-built world can produce.
  void handle(const kernel::Event& e) {
    rules::RuleContext c = ctx();
    switch (static_cast<rules::EventKind>(e.kind)) {
      case rules::kRetire:
        rules::retire(c, e.subject);
        break;
      case rules::kAppointmentTermEnd:
        rules::appointment_term_end(c, e.subject);
        break;
      case rules::kFillPost:
        rules::fill_post(c, e.stamp);
        break;
      case rules::kRecruitArrival:
        rules::recruit_arrives(c, e.stamp);
        break;
      default:
        ADD_FAILURE() << "unexpected kernel event kind " << e.kind;
    }
  }
  /// Runs pending kernel events up to `day` and moves the clock there.
  void advance_to(Day day) { sim.run_until(day, *this); }

  /// Events of one type recorded so far.
  std::vector<DomainEvent> events(EventType type) const {
    std::vector<DomainEvent> out;
    for (const auto& e : log)
      if (e.type == type) out.push_back(e);
    return out;
  }
  /// Number of plan entries for a post.
  int planned_for(PostId p) const {
    int n = 0;
    for (const auto& e : world.plan) n += e.post == p;
    return n;
  }
  /// True if `c` is planned for `p`.
  bool is_planned(CadreId c, PostId p) const {
    for (const auto& e : world.plan)
      if (e.cadre == c && e.post == p) return true;
    return false;
  }

  model::Scenario scenario;  ///< editable until the rules run
  model::World world;        ///< the hand-built state
  kernel::Simulation sim;    ///< clock and pending events
  events::EventLog log;      ///< every domain event so far (never cleared by rules)
  std::vector<std::uint32_t> vacancy_counter;  ///< per post, as in the engine
  kernel::RandomKey key;                       ///< (seed, replication)
};

/// FNV-1a 64-bit over raw bytes, continued from `h`.
inline std::uint64_t fnv1a(std::uint64_t h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}
/// FNV-1a 64 offset basis.
inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

/// Fingerprint of the event log: FNV-1a 64 over every field of every DomainEvent (field by
/// field, so struct padding never enters the hash).
class FingerprintObserver : public engine::Observer {
 public:
  void on_events(std::span<const DomainEvent> events, const model::World&) override {
    for (const auto& e : events) {
      const auto type = static_cast<std::uint8_t>(e.type);
      const auto value = std::bit_cast<std::uint64_t>(e.value);
      hash = fnv1a(hash, &e.day, sizeof e.day);
      hash = fnv1a(hash, &type, sizeof type);
      hash = fnv1a(hash, &e.reason, sizeof e.reason);
      hash = fnv1a(hash, &e.cadre, sizeof e.cadre);
      hash = fnv1a(hash, &e.from, sizeof e.from);
      hash = fnv1a(hash, &e.to, sizeof e.to);
      hash = fnv1a(hash, &value, sizeof value);
      ++count;
    }
  }
  std::uint64_t hash = kFnvOffset;  ///< fingerprint so far
  std::uint64_t count = 0;          ///< events hashed
};

/// Keeps every event of a run.
class CollectObserver : public engine::Observer {
 public:
  void on_events(std::span<const DomainEvent> e, const model::World&) override {
    events.insert(events.end(), e.begin(), e.end());
  }
  std::vector<DomainEvent> events;  ///< all events, in order
};

}  // namespace cadresim::enginetest
