// MetricsCollector's month end: the states read from the world once a month (docs/model.md §
// Metrics): vacancies, coverage, bench strength, effectiveness, staffing, the pipeline.
#include "analysis/metric_keys.hpp"
#include "analysis/metrics.hpp"
#include "sim/rules/adaptation.hpp"  // effectiveness (a model formula, read-only)
#include "sim/rules/staffing.hpp"    // unit_headcount: held posts + non-leadership staff

namespace cadresim::analysis {

using namespace metric_keys;

void MetricsCollector::on_month_end(Day day, const model::World& w) {
  // The structure in force (docs/model.md § Structural events): posts of ended or future
  // units count nowhere, so a level that ends shows zero posts.
  const auto& org = w.org != nullptr ? *w.org : s_.organisation;
  result_.months.push_back(day);
  std::size_t slot = 0;
  const bool verify = &org != month_slots_org_;
  // The scattered reads below ask for their lines ahead only in a large world: in a small one
  // what they read is in the core's cache already (model::World::kPrefetchFromCadres).
  const bool ask_ahead = w.asks_ahead();
  auto put = [&](std::string_view m, std::string_view g, double v) {
    put_month(slot, verify, m, g, v);
  };
  // Vacancies and acting holders.
  auto& vac = month_vacancies_;
  vac.assign(level_ids_.size(), 0);
  double vac_all = 0, vac_key = 0, acting = 0;
  if (w.org == &org && !w.holder_by_tour_slot.empty()) {
    // The holders of the posts in force, title by title in the world's compact tour-order
    // array (4 bytes a post instead of a post state's 28): a title's posts share its level and
    // key flag, and only a vacant post's state is read (its acting holder). The sums count
    // whole posts, so their order does not change them.
    for (model::TitleId t = 0; t < org.titles.size(); ++t) {
      const auto& title_posts = org.posts_of_title_by_tour[t];
      const model::CadreId* const holders = w.holder_by_tour_slot.data() + org.title_tour_offset[t];
      double vacant = 0;
      // A vacant post's state is scattered: asked for when the holders' array, read ahead,
      // shows it vacant.
      constexpr std::size_t kVacantAhead = 16;
      const std::size_t ask_until =
          ask_ahead && title_posts.size() > kVacantAhead ? title_posts.size() - kVacantAhead : 0;
      for (std::size_t i = 0; i < title_posts.size(); ++i) {
        if (i < ask_until && holders[i + kVacantAhead] == model::kNoCadre)
          __builtin_prefetch(&w.posts[title_posts[i + kVacantAhead]]);
        if (holders[i] != model::kNoCadre) continue;
        ++vacant;
        acting += w.posts[title_posts[i]].acting != model::kNoCadre;
      }
      vac[org.titles[t].level] += vacant;
      vac_all += vacant;
      if (org.titles[t].key) vac_key += vacant;
    }
  } else {
    // A world without the tour-order index (built by hand): every post state.
    for (model::PostId p = 0; p < w.posts.size(); ++p) {
      if (w.posts[p].holder != model::kNoCadre || !org.in_force(p)) continue;
      ++vac[org.level_of(p)];
      ++vac_all;
      vac_key += org.title_of(p).key;
      acting += w.posts[p].acting != model::kNoCadre;
    }
  }
  for (std::size_t l = 0; l < level_ids_.size(); ++l) {
    put("vacancies", level_ids_[l], vac[l]);
    add("vacancy_months", level_ids_[l], vac[l]);
  }
  put("vacancies", "all", vac_all);
  add("vacancy_months", "all", vac_all);
  put("vacancies_key", "all", vac_key);
  put("acting", "all", acting);
  // Successor pipeline.
  auto& ready = month_ready_;
  auto& bench = month_bench_;
  ready.assign(org.posts.size(), 0);
  bench.assign(org.posts.size(), 0);
  double later = 0, women = 0, young = 0;
  // Younger than the age limit ⇔ born after the day the limit age was reached.
  const Day young_born_after = kernel::add_months(day, -12 * s_.succession.young_max_age_years);
  for (std::size_t id = cadre_traits_.size(); id < w.cadres.size(); ++id)
    cadre_traits_.push_back({w.cadres[id].birth, w.cadres[id].sex == model::Sex::kFemale});
  // The planned cadres are scattered: the lines of the entry kPlanAhead entries on are asked for
  // while this one is counted.
  constexpr std::size_t kPlanAhead = 16;
  const auto plan_end = w.plan.end();
  auto ahead = ask_ahead ? w.plan.begin() : plan_end;
  for (std::size_t k = 0; k < kPlanAhead && ahead != plan_end; ++k) ++ahead;
  for (const auto& e : w.plan) {
    if (ahead != plan_end) {
      __builtin_prefetch(&cadre_traits_[ahead->cadre]);
      __builtin_prefetch(&w.plan_count[ahead->cadre]);
      ++ahead;
    }
    if (e.readiness == model::Readiness::kReadyNow) ++ready[e.post];
    if (e.readiness == model::Readiness::kReadyLater) ++later;
    if (w.plan_count[e.cadre] > 0) bench[e.post] += 1.0 / w.plan_count[e.cadre];
    const PlannedCadreTraits& traits = cadre_traits_[e.cadre];
    women += traits.female;
    young += traits.birth > young_born_after;
  }
  if (&org != key_posts_org_ || org.posts.size() != key_posts_of_) {
    key_posts_.clear();
    for (model::PostId p = 0; p < org.posts.size(); ++p)
      if (org.title_of(p).key) key_posts_.push_back(p);
    key_posts_org_ = &org;
    key_posts_of_ = org.posts.size();
  }
  double key = 0, cov1 = 0, cov2 = 0, bench_sum = 0, eff_sum = 0, eff_n = 0;
  // The key posts' states and holders are scattered: each state is asked for two steps ahead
  // and each holder's lines one step ahead (docs/performance.md § Prefetching).
  constexpr std::size_t kAhead = 8;
  // The last slot that asks for another's state (two steps on) and holder (one step on).
  auto ask_until = [&](std::size_t n, std::size_t steps) {
    return ask_ahead && n > steps * kAhead ? n - steps * kAhead : 0;
  };
  const std::size_t key_state_until = ask_until(key_posts_.size(), 2);
  const std::size_t key_holder_until = ask_until(key_posts_.size(), 1);
  for (std::size_t i = 0; i < key_posts_.size(); ++i) {
    if (i < key_state_until) __builtin_prefetch(&w.posts[key_posts_[i + 2 * kAhead]]);
    if (i < key_holder_until)
      if (const auto h = w.posts[key_posts_[i + kAhead]].holder; h != model::kNoCadre) {
        __builtin_prefetch(&w.cadres[h].competence);
        __builtin_prefetch(&w.cadres[h].adapt_start);
      }
    const model::PostId p = key_posts_[i];
    if (!org.in_force(p)) continue;
    ++key;
    cov1 += ready[p] >= 1;
    cov2 += ready[p] >= 2;
    bench_sum += bench[p];
    if (const auto h = w.posts[p].holder; h != model::kNoCadre) {
      eff_sum += rules::effectiveness(w.cadres[h], day);
      ++eff_n;
    }
  }
  const double plan_n = static_cast<double>(w.plan.size());
  // The pipeline per key title: posts with 0, 1 and 2+ ready-now planned successors.
  for (std::size_t i = 0; i < key_titles_.size(); ++i) {
    double n[3] = {0, 0, 0};
    for (model::PostId p : org.posts_of_title[key_titles_[i]]) ++n[std::min<int>(ready[p], 2)];
    for (std::size_t k = 0; k < 3; ++k) pipeline_series_[i][k]->push_back(n[k]);
  }
  put("successor_coverage_1", "all", key > 0 ? cov1 / key : kNotApplicable);
  put("successor_coverage_2", "all", key > 0 ? cov2 / key : kNotApplicable);
  put("ready_later", "all", later);
  put("bench_strength", "all", key > 0 ? bench_sum / key : kNotApplicable);
  put("plan_size", "all", plan_n);
  put("plan_women_share", "all", plan_n > 0 ? women / plan_n : kNotApplicable);
  put("plan_young_share", "all", plan_n > 0 ? young / plan_n : kNotApplicable);
  put("effectiveness_key", "all", eff_n > 0 ? eff_sum / eff_n : kNotApplicable);
  // Units created by structural events (docs/model.md § Structural events): vacancies and
  // successor coverage of each: no vacancies, and coverage not applicable (kNotApplicable) before
  // it exists.
  for (const auto& ev : s_.structure)
    for (const model::UnitId u : ev.created) {
      double vac_u = 0, key_u = 0, cov_u = 0;
      for (const model::PostId p : org.posts_of_unit[u]) {
        vac_u += w.posts[p].holder == model::kNoCadre;
        if (!org.title_of(p).key) continue;
        ++key_u;
        cov_u += ready[p] >= 1;
      }
      put("unit_vacancies", org.units[u].id, vac_u);
      put("unit_successor_coverage_1", org.units[u].id, key_u > 0 ? cov_u / key_u : kNotApplicable);
    }
  // The pipeline of each unit asked for (run --pipeline-units): its key posts in force with 0,
  // 1 and 2+ ready-now successors (all zero while the unit is not in force).
  for (const model::UnitId u : pipeline_units_) {
    double n[3] = {0, 0, 0};
    for (const model::PostId p : org.posts_of_unit[u])
      if (org.title_of(p).key) ++n[std::min<int>(ready[p], 2)];
    for (std::size_t k = 0; k < 3; ++k) {
      // The group's name is built only when put_month checks or looks up the key.
      const bool keyed = verify || slot >= month_slots_.size();
      put("unit_pipeline_ready", keyed ? org.units[u].id + "/" + kReadyGroups[k] : std::string(),
          n[k]);
    }
  }
  // Non-native compliance per title with a rule.
  for (model::TitleId t = 0; t < org.titles.size(); ++t) {
    if (org.titles[t].non_native == model::NonNativeRule::kNone) continue;
    double held = 0, ok = 0;
    // The posts' states and their holders' records are scattered: as in the key posts' pass,
    // the state is asked for two steps ahead and the holder's first line one step ahead.
    const auto& title_posts = org.posts_of_title[t];
    const std::size_t state_until = ask_until(title_posts.size(), 2);
    const std::size_t holder_until = ask_until(title_posts.size(), 1);
    for (std::size_t i = 0; i < title_posts.size(); ++i) {
      if (i < state_until) __builtin_prefetch(&w.posts[title_posts[i + 2 * kAhead]]);
      if (i < holder_until)
        if (const auto h = w.posts[title_posts[i + kAhead]].holder; h != model::kNoCadre)
          __builtin_prefetch(&w.cadres[h].home_unit);
      const model::PostId p = title_posts[i];
      const auto h = w.posts[p].holder;
      if (h == model::kNoCadre) continue;
      ++held;
      const model::UnitId home = w.cadres[h].home_unit;
      ok += home == model::kNoUnit || !org.within(home, org.posts[p].unit);
    }
    put("non_native_compliance", org.titles[t].id, held > 0 ? ok / held : kNotApplicable);
  }
  // Staffing against establishment.
  double gap = 0, est = 0;
  last_headcount_.resize(org.units.size());
  for (model::UnitId u = 0; u < org.units.size(); ++u) {
    if (!org.unit_active[u]) continue;
    const double held = rules::unit_headcount(w, org, u);  // held posts (+ staff when on)
    last_headcount_[u] = held;
    gap += std::abs(held - org.units[u].establishment);
    est += org.units[u].establishment;
  }
  put("imbalance_index", "all", est > 0 ? gap / est : kNotApplicable);
  if (s_.staffing.enabled) staffing_month(w, slot, verify);
  // Without pools, the world's counts (the engine's invariants check both) spare a pass over
  // every cadre record; with pools, the pass also counts the members of each pool state.
  double active = 0, rotated = 0;
  std::vector<double> pool_stock(s_.pools.states.size(), 0);  // active members by pool state
  if (pool_stock.empty()) {
    active = static_cast<double>(w.initial_cadres + w.recruited - w.exited);
    rotated = static_cast<double>(w.rotating);
  } else {
    for (std::size_t id = 0; id < w.cadres.size(); ++id) {
      if (ask_ahead && id + kAhead < w.cadres.size())
        __builtin_prefetch(&w.cadres[id + kAhead].status);
      const auto& c = w.cadres[id];
      if (c.status != model::CadreStatus::kActive) continue;
      ++active;
      rotated += c.rotation.active;
      if (c.pool_state < pool_stock.size()) ++pool_stock[c.pool_state];
    }
    double pooled = 0;
    for (std::size_t j = 0; j < pool_stock.size(); ++j) {
      put("pool_stock", s_.pools.states[j].id, pool_stock[j]);
      pooled += pool_stock[j];
    }
    put("pool_stock", "all", pooled);
  }
  put("active_cadres", "all", active);
  put("rotated_now", "all", rotated);
  put("without_post", "all", static_cast<double>(w.unplaced.size()));
  month_slots_org_ = &org;
}

void MetricsCollector::put_month(std::size_t& slot, bool verify, std::string_view m,
                                 std::string_view g, double v) {
  if (slot == month_slots_.size() ||
      (verify && (month_slots_[slot].first->metric != m || month_slots_[slot].first->group != g))) {
    auto it = result_.monthly.try_emplace(SeriesKey{std::string(m), std::string(g)}).first;
    if (slot == month_slots_.size()) month_slots_.emplace_back();
    month_slots_[slot] = {&it->first, &it->second};
  }
  month_slots_[slot++].second->push_back(v);
}

void MetricsCollector::staffing_month(const model::World& w, std::size_t& slot, bool verify) {
  const auto& org = w.org != nullptr ? *w.org : s_.organisation;
  const std::size_t n = level_ids_.size() + 1;  // levels, then "all"
  month_staffing_.assign(6 * n, 0);
  double* const headcount = month_staffing_.data();
  double* const staff = headcount + n;
  double* const surplus = staff + n;
  double* const shortage = surplus + n;
  double* const in_surplus = shortage + n;
  double* const short_units = in_surplus + n;
  unit_flags_.resize(org.units.size(), 0);
  for (model::UnitId u = 0; u < org.units.size(); ++u) {
    if (!org.unit_active[u]) continue;
    const int h = rules::unit_headcount(w, org, u);
    const int d = h - org.units[u].establishment;
    for (const std::size_t g : {static_cast<std::size_t>(org.units[u].level), n - 1}) {
      headcount[g] += h;
      staff[g] += w.staff[u];
      surplus[g] += std::max(0, d);
      shortage[g] += std::max(0, -d);
      in_surplus[g] += d > 0;
      short_units[g] += d < 0;
    }
    unit_flags_[u] |= static_cast<std::uint8_t>((d > 0 ? 1 : 0) | (d < 0 ? 2 : 0));
  }
  for (std::size_t g = 0; g < n; ++g) {
    const std::string& group = g + 1 < n ? level_ids_[g] : kAll;
    put_month(slot, verify, "headcount", group, headcount[g]);
    put_month(slot, verify, "staff", group, staff[g]);
    put_month(slot, verify, "headcount_surplus", group, surplus[g]);
    put_month(slot, verify, "headcount_shortage", group, shortage[g]);
    put_month(slot, verify, "units_in_surplus", group, in_surplus[g]);
    put_month(slot, verify, "units_short", group, short_units[g]);
  }
}

}  // namespace cadresim::analysis
