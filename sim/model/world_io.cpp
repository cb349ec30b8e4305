// Saving and loading the world of one replication, field by field (docs/architecture.md
// § Saved state).
#include "sim/model/world_io.hpp"

#include <algorithm>  // std::is_sorted: the plan order
#include <string>     // std::string for messages

namespace cadresim::model {

using kernel::ByteReader;
using kernel::ByteWriter;
using kernel::FormatError;

// A new field must be saved below (and the snapshot format version raised): these sizes make
// the build fail when a struct changes, so a field cannot be forgotten silently (measured with
// libstdc++ on a 64-bit target, where the project is built).
#if defined(__GLIBCXX__) && __SIZEOF_POINTER__ == 8
static_assert(sizeof(Cadre) == 256, "Cadre changed: update world_io.cpp and kSnapshotFormat");
static_assert(sizeof(RotationRecord) == 64, "RotationRecord changed: update world_io.cpp");
static_assert(sizeof(PostState) == 28, "PostState changed: update world_io.cpp");
static_assert(sizeof(PlanEntry) == 16, "PlanEntry changed: update world_io.cpp");
static_assert(sizeof(VacancyChain) == 16, "VacancyChain changed: update world_io.cpp");
// World's derived indexes (plan_first_post, held_in_unit, candidate_summary, summary_by_tour_slot,
// summary_bound_by_block, unplaced_last_title, unplaced_by_title, unplaced_slot, ...) are not
// saved; nor are the plan's gaps (its entries are).
static_assert(sizeof(World) == 464, "World changed: update world_io.cpp");
static_assert(sizeof(events::DomainEvent) == 32, "DomainEvent changed: update world_io.cpp");
#endif

namespace {

template <class E>
E read_enum(ByteReader& r, E last) {
  const auto v = r.narrow<std::uint8_t>();
  if (v > static_cast<std::uint8_t>(last)) throw FormatError("enumeration value out of range");
  return static_cast<E>(v);
}

// Ids are written plus one, so that the common "none" (0xFFFFFFFF for units, posts and cadres)
// takes one byte rather than five.
static_assert(kNoUnit == 0xFFFFFFFFu && kNoPost == 0xFFFFFFFFu && kNoCadre == 0xFFFFFFFFu);
void put_ref(ByteWriter& w, std::uint32_t v) {
  w.u(v == 0xFFFFFFFFu ? 0 : std::uint64_t{v} + 1);
}
std::uint32_t get_ref(ByteReader& r) {
  const std::uint64_t v = r.u();
  if (v > 0xFFFFFFFFu) throw FormatError("reference out of range");
  return v == 0 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(v - 1);
}

// An id that must be `none` or below `n`.
std::uint32_t read_ref(ByteReader& r, std::size_t n, std::uint32_t none, const char* what) {
  const auto v = get_ref(r);
  if (v != none && v >= n) throw FormatError(std::string(what) + " reference out of range");
  return v;
}

void save_cadre(ByteWriter& w, const Cadre& c) {
  w.s(c.id);
  w.s(c.name);
  w.u(static_cast<std::uint8_t>(c.sex));
  w.i(c.birth);
  put_ref(w, c.home_unit);
  put_ref(w, c.post);
  put_ref(w, c.last_post);
  w.i(c.post_since);
  w.i(c.equivalent_since);
  w.i(c.equivalent_rank);
  w.i(c.consecutive_terms);
  w.i(c.term_end);
  w.fc(c.grade_coefficient);
  w.fc(c.competence);
  for (const auto m : c.experience_months) w.u(m);
  w.i(c.hardship_months);
  w.i(c.attraction_months_used);
  w.u(static_cast<std::uint8_t>(c.status));
  w.u(static_cast<std::uint8_t>(c.exit_cause));
  w.i(c.entered);
  w.i(c.exited);
  w.i(c.retirement_date);
  const RotationRecord& rr = c.rotation;
  w.b(rr.active);
  put_ref(w, rr.origin_post);
  put_ref(w, rr.origin_unit);
  w.i(rr.start);
  w.i(rr.planned_end);
  w.u(rr.flow);
  w.u(rr.count);
  w.fc(rr.shortfall);
  w.fc(rr.shortfall_vnd);
  w.fc(rr.early_return_hazard);
  w.fc(rr.early_return_threshold);
  w.i(rr.offers_refused);
  w.u(rr.levers);
  w.b(rr.second_household);
  w.i(c.adapt_start);
  w.fc(c.adapt_deficit);
  w.fc(c.adapt_tau_months);
  w.fc(c.effort_penalty);
  w.u(static_cast<std::uint8_t>(c.rating));
  w.b(c.term_limit_rotation_candidate);
  w.u(c.pool_state);
}

Cadre load_cadre(ByteReader& r, std::size_t posts, std::size_t units) {
  Cadre c;
  c.id = r.s();
  c.name = r.s();
  c.sex = read_enum(r, Sex::kFemale);
  c.birth = r.i32();
  c.home_unit = read_ref(r, units, kNoUnit, "unit");
  c.post = read_ref(r, posts, kNoPost, "post");
  c.last_post = read_ref(r, posts, kNoPost, "post");
  c.post_since = r.i32();
  c.equivalent_since = r.i32();
  c.equivalent_rank = r.i32();
  c.consecutive_terms = r.i32();
  c.term_end = r.i32();
  c.grade_coefficient = r.fc();
  c.competence = r.fc();
  for (auto& m : c.experience_months) m = r.narrow<std::uint16_t>();
  c.hardship_months = static_cast<std::uint16_t>(r.i32());  // written from 16 bits
  c.attraction_months_used = static_cast<std::uint16_t>(r.i32());
  c.status = read_enum(r, CadreStatus::kLeft);
  c.exit_cause = read_enum(r, ExitCause::kTransfer);
  c.entered = r.i32();
  c.exited = r.i32();
  c.retirement_date = r.i32();
  RotationRecord& rr = c.rotation;
  rr.active = r.b();
  rr.origin_post = read_ref(r, posts, kNoPost, "post");
  rr.origin_unit = read_ref(r, units, kNoUnit, "unit");
  rr.start = r.i32();
  rr.planned_end = r.i32();
  rr.flow = r.narrow<std::uint16_t>();
  rr.count = r.narrow<std::uint16_t>();
  rr.shortfall = r.fc();
  rr.shortfall_vnd = r.fc();
  rr.early_return_hazard = r.fc();
  rr.early_return_threshold = r.fc();
  rr.offers_refused = r.i32();
  rr.levers = r.narrow<std::uint8_t>();
  rr.second_household = r.b();
  c.adapt_start = r.i32();
  c.adapt_deficit = r.fc();
  c.adapt_tau_months = r.fc();
  c.effort_penalty = r.fc();
  c.rating = read_enum(r, Rating::kExcellent);
  c.term_limit_rotation_candidate = r.b();
  c.pool_state = r.narrow<std::uint16_t>();
  return c;
}

template <class T, class Put>
void save_vector(ByteWriter& w, const T& v, Put put) {
  w.u(v.size());
  for (const auto& x : v) put(x);
}

}  // namespace

void save_world(ByteWriter& w, const World& world) {
  save_vector(w, world.cadres, [&](const Cadre& c) { save_cadre(w, c); });
  save_vector(w, world.posts, [&](const PostState& p) {
    put_ref(w, p.holder);
    put_ref(w, p.acting);
    w.i(p.vacant_since);
    w.u(p.chain);
    w.b(p.fill_pending);
    w.i(p.fill_day);
    w.b(p.outgoing);
    w.b(p.unmet_reported);
  });
  save_vector(w, world.plan, [&](const PlanEntry& e) {
    put_ref(w, e.cadre);
    put_ref(w, e.post);
    w.u(static_cast<std::uint8_t>(e.readiness));
    w.i(e.since);
  });
  save_vector(w, world.plan_count, [&](std::uint8_t n) { w.u(n); });
  // The attrition state, as three tables (hazard, threshold, multiplier) of one length.
  save_vector(w, world.attrition, [&](const AttritionState& a) { w.fc(a.hazard); });
  save_vector(w, world.attrition, [&](const AttritionState& a) { w.fc(a.threshold); });
  save_vector(w, world.attrition, [&](const AttritionState& a) { w.fc(a.multiplier); });
  save_vector(w, world.chains, [&](const VacancyChain& ch) {
    w.i(ch.started);
    put_ref(w, ch.first_post);
    w.u(ch.length);
    w.u(ch.top_level);
    w.u(ch.bottom_level);
    w.b(ch.ended);
    w.u(ch.end_reason);
  });
  save_vector(w, world.unplaced, [&](CadreId id) { put_ref(w, id); });
  save_vector(w, world.staff, [&](int n) { w.i(n); });
  w.u(world.initial_cadres);
  w.u(world.recruited);
  w.u(world.exited);
}

void load_world(ByteReader& r, World& world, std::size_t posts, std::size_t units) {
  World out;
  out.cadres.resize(r.count(40));
  for (auto& c : out.cadres) c = load_cadre(r, posts, units);
  const std::size_t cadres = out.cadres.size();
  out.posts.resize(r.count(1));
  if (out.posts.size() != posts)
    throw FormatError("the saved world has " + std::to_string(out.posts.size()) +
                      " posts, the organisation " + std::to_string(posts));
  for (auto& p : out.posts) {
    p.holder = read_ref(r, cadres, kNoCadre, "cadre");
    p.acting = read_ref(r, cadres, kNoCadre, "cadre");
    p.vacant_since = r.i32();
    p.chain = r.narrow<std::uint32_t>();
    p.fill_pending = r.b();
    p.fill_day = r.i32();
    p.outgoing = r.b();
    p.unmet_reported = r.b();
  }
  {
    std::vector<PlanEntry> plan(r.count(4));
    for (auto& e : plan) {
      e.cadre = read_ref(r, cadres, kNoCadre, "cadre");
      e.post = read_ref(r, posts, kNoPost, "post");
      e.readiness = read_enum(r, Readiness::kReadyNow);
      e.since = r.i32();
    }
    // A gap is not an entry: an entry without a cadre is refused below.
    for (const auto& e : plan)
      if (e.cadre == kNoCadre) throw FormatError("a plan entry without its cadre's count or post");
    out.plan.assign(std::move(plan));
  }
  out.plan_count.resize(r.count(1));
  for (auto& n : out.plan_count) n = r.narrow<std::uint8_t>();
  out.attrition.resize(r.count(1));
  for (auto& a : out.attrition) a.hazard = r.fc();
  for (double AttritionState::*field : {&AttritionState::threshold, &AttritionState::multiplier}) {
    if (r.count(1) != out.attrition.size())
      throw FormatError("the attrition tables differ in length");
    for (auto& a : out.attrition) a.*field = r.fc();
  }
  out.chains.resize(r.count(7));
  for (auto& ch : out.chains) {
    ch.started = r.i32();
    ch.first_post = read_ref(r, posts, kNoPost, "post");
    ch.length = r.narrow<std::uint16_t>();
    ch.top_level = r.narrow<std::uint8_t>();
    ch.bottom_level = r.narrow<std::uint8_t>();
    ch.ended = r.b();
    ch.end_reason = r.narrow<std::uint8_t>();
  }
  for (const auto& p : out.posts)
    if (p.chain != 0 && p.chain >= out.chains.size())
      throw FormatError("chain reference out of range");
  out.unplaced.resize(r.count(1));
  for (auto& id : out.unplaced) {
    id = read_ref(r, cadres, kNoCadre, "cadre");
    if (id == kNoCadre) throw FormatError("an unplaced entry without a cadre");
  }
  out.staff.resize(r.count(1));
  for (int& n : out.staff) n = r.i32();
  // Per-cadre vectors grow lazily (rules resize them), so they may be shorter, never longer.
  for (const std::size_t n : {out.plan_count.size(), out.attrition.size()})
    if (n > cadres) throw FormatError("a per-cadre table is longer than the population");
  // The plan is read with plan_count of its cadres (analysis/metrics.cpp), and by post.
  for (const auto& e : out.plan)
    if (e.cadre >= out.plan_count.size() || e.post == kNoPost)
      throw FormatError("a plan entry without its cadre's count or post");
  if (!std::is_sorted(out.plan.begin(), out.plan.end(), PlanByPost{}))
    throw FormatError("the plan is not in post order");
  {  // Each cadre's count is the number of its entries (rules::unplan_cadre relies on it).
    std::vector<std::size_t> entries(out.plan_count.size(), 0);
    for (const auto& e : out.plan) ++entries[e.cadre];
    for (std::size_t c = 0; c < entries.size(); ++c)
      if (out.plan_count[c] != std::min<std::size_t>(entries[c], 255))
        throw FormatError("a cadre's plan count does not match its plan entries");
  }
  out.rebuild_plan_first_post();
  // Derived, not saved: in how many posts each cadre acts.
  for (const auto& p : out.posts)
    if (p.acting != kNoCadre) ++out.cadres[p.acting].acting_posts;
  if (!out.staff.empty() && out.staff.size() != units)
    throw FormatError("the staff table does not match the units");
  if (world.scenario != nullptr)
    for (const auto& c : out.cadres)
      if (c.pool_state != kNoPoolState && c.pool_state >= world.scenario->pools.states.size())
        throw FormatError("pool state reference out of range");
  out.initial_cadres = r.u();
  out.recruited = r.u();
  out.exited = r.u();
  out.scenario = world.scenario;
  out.org = world.org;
  world = std::move(out);
}

void save_events(ByteWriter& w, const events::EventLog& log) {
  save_vector(w, log, [&](const events::DomainEvent& e) {
    w.i(e.day);
    w.u(static_cast<std::uint8_t>(e.type));
    w.u(e.reason);
    put_ref(w, e.cadre);
    put_ref(w, e.from);
    put_ref(w, e.to);
    w.fc(e.value);
  });
}

events::EventLog load_events(ByteReader& r) {
  events::EventLog log(r.count(13));
  for (auto& e : log) {
    e.day = r.i32();
    const auto type = r.narrow<std::uint8_t>();
    if (type >= static_cast<std::uint8_t>(events::EventType::kCount))
      throw FormatError("event type out of range");
    e.type = static_cast<events::EventType>(type);
    e.reason = r.narrow<std::uint16_t>();
    e.cadre = get_ref(r);
    e.from = get_ref(r);
    e.to = get_ref(r);
    e.value = r.fc();
  }
  return log;
}

}  // namespace cadresim::model
