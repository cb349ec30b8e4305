// Streaming aggregation of replications into Accumulators (see aggregation.hpp).
#include "analysis/aggregation.hpp"

#include <algorithm>    // std::max, std::min
#include <limits>       // infinity: no bound
#include <string_view>  // an election key's field

#include "analysis/metric_keys.hpp"  // kElectionFields: the posts of an election's title

namespace cadresim::analysis {

const Summary* Aggregate::total(const std::string& metric, const std::string& group) const {
  for (const auto& [k, s] : totals)
    if (k.metric == metric && k.group == group) return &s;
  return nullptr;
}

namespace {

using SeriesMap = std::map<SeriesKey, std::vector<double>>;

std::vector<std::pair<SeriesKey, std::size_t>> shape_of(const SeriesMap& m) {
  std::vector<std::pair<SeriesKey, std::size_t>> out;
  for (const auto& [key, values] : m) out.push_back({key, values.size()});
  return out;
}

SeriesMap totals_as_series(const std::map<SeriesKey, double>& totals) {
  SeriesMap out;
  for (const auto& [key, v] : totals) out[key] = {v};
  return out;
}

// variant − base, key by key over both (a key one of them lacks counts as 0 there).
SeriesMap difference(const SeriesMap& base, const SeriesMap& variant) {
  SeriesMap out = variant;
  for (const auto& [key, values] : base) {
    auto& d = out[key];
    if (d.size() < values.size()) d.resize(values.size(), 0.0);
    for (std::size_t t = 0; t < values.size(); ++t) d[t] -= values[t];
  }
  return out;
}

}  // namespace

void AggregateAccumulator::fold_section(Section& into, std::size_t before,
                                        const SeriesMap& values) {
  // Every cell holds `before` values; after this, one more (0 where the replication lacks it).
  // Both maps are sorted by key: walked side by side (after the first replication, every key
  // is usually there already).
  auto hint = into.begin();
  for (const auto& [key, v] : values) {
    hint = into.try_emplace(hint, key);
    Cells& cells = hint->second;
    while (cells.size() < v.size()) {
      cells.emplace_back();
      cells.back().add_zeros(before);
    }
    ++hint;
  }
  auto it = values.begin();
  for (auto& [key, cells] : into) {
    while (it != values.end() && it->first < key) ++it;
    const bool has = it != values.end() && it->first == key;
    const std::size_t have = has ? it->second.size() : 0;
    for (std::size_t t = 0; t < cells.size(); ++t)
      if (t < have)
        cells[t].add(it->second[t]);
      else
        cells[t].add_zeros(1);
  }
}

void AggregateAccumulator::merge_section(Section& into, std::size_t mine, const Section& from,
                                         std::size_t theirs) {
  for (auto& [key, cells] : into)
    if (!from.count(key))
      for (auto& c : cells) c.add_zeros(theirs);
  for (const auto& [key, other] : from) {
    Cells& cells = into[key];
    for (std::size_t t = 0; t < std::max(cells.size(), other.size()); ++t) {
      if (t == cells.size()) {
        cells.emplace_back();
        cells.back().add_zeros(mine);
      }
      if (t < other.size())
        cells[t].merge(other[t]);
      else
        cells[t].add_zeros(theirs);
    }
  }
}

void AggregateAccumulator::fold(std::size_t replication, const ReplicationResult& r) {
  if (replication == 0) {
    has_layout_ = true;
    layout_ = {r.months, r.years, shape_of(r.monthly), shape_of(r.yearly),
               shape_of(totals_as_series(r.totals))};
  }
  fold_section(monthly_, replications_, r.monthly);
  fold_section(yearly_, replications_, r.yearly);
  fold_section(totals_, replications_, totals_as_series(r.totals));
  ++replications_;
}

void AggregateAccumulator::add(std::size_t replication, const ReplicationResult& r) {
  fold(replication, r);
  for (double v : r.shortfalls) shortfall_.add(v);
  for (double v : r.fill_days) fill_days_.add(v);
}

void AggregateAccumulator::add_difference(std::size_t replication, const ReplicationResult& base,
                                          const ReplicationResult& variant) {
  // Replication r of the variant minus replication r of the base: same seeds, same personal
  // draws, so the noise common to both cancels.
  if (replication == 0) {
    has_layout_ = true;
    layout_ = {variant.months, variant.years, shape_of(variant.monthly), shape_of(variant.yearly),
               shape_of(totals_as_series(variant.totals))};
  }
  differences_ = true;
  fold_section(monthly_, replications_, difference(base.monthly, variant.monthly));
  fold_section(yearly_, replications_, difference(base.yearly, variant.yearly));
  fold_section(totals_, replications_,
               difference(totals_as_series(base.totals), totals_as_series(variant.totals)));
  ++replications_;
}

void AggregateAccumulator::settle() {
  for (Section* section : {&monthly_, &yearly_, &totals_})
    for (auto& [key, cells] : *section)
      for (Accumulator& cell : cells) cell.settle();
  shortfall_.settle();
  fill_days_.settle();
}

void AggregateAccumulator::merge(const AggregateAccumulator& o) {
  if (o.replications_ == 0) return;
  if (o.has_layout_) has_layout_ = true, layout_ = o.layout_;
  differences_ = differences_ || o.differences_;
  merge_section(monthly_, replications_, o.monthly_, o.replications_);
  merge_section(yearly_, replications_, o.yearly_, o.replications_);
  merge_section(totals_, replications_, o.totals_, o.replications_);
  replications_ += o.replications_;
  shortfall_.merge(o.shortfall_);
  fill_days_.merge(o.fill_days_);
}

namespace {
// An election's pipeline and outcome columns count the title's posts in force (ready_0 + ready_1
// + ready_2+ = posts, and each post has one outcome), so in every replication they are at most
// its posts, and their mean at most the largest number of posts over the replications: the
// upper bound of their interval (docs/model.md § Statistics). Infinite for every other series,
// and where the posts were not recorded.
double election_count_bound(const std::map<SeriesKey, std::vector<Accumulator>>& totals,
                            const SeriesKey& key) {
  constexpr double kNone = std::numeric_limits<double>::infinity();
  if (key.metric != "election_pipeline") return kNone;
  const auto slash = key.group.rfind('/');
  if (slash == std::string::npos) return kNone;
  const std::string_view field = std::string_view(key.group).substr(slash + 1);
  if (field == metric_keys::kElectionFields[metric_keys::kFieldPosts] || field == "renewal_share")
    return kNone;
  const auto posts = totals.find(SeriesKey{
      key.metric,
      key.group.substr(0, slash + 1) + metric_keys::kElectionFields[metric_keys::kFieldPosts]});
  if (posts == totals.end() || posts->second.empty() || posts->second.front().count() == 0)
    return kNone;
  return posts->second.front().max();
}
}  // namespace

Aggregate AggregateAccumulator::result() const {
  Aggregate out;
  out.replications = replications_;
  auto list = [&](const Section& from, const std::vector<std::pair<SeriesKey, std::size_t>>& shape,
                  const std::vector<Day>& dates, std::vector<AggregateSeries>& dest) {
    for (const auto& [key, length] : shape) {
      AggregateSeries a{key, dates, {}};
      const auto it = from.find(key);
      ValueRange range = differences_ ? ValueRange{} : value_range(key);
      if (!differences_) range.high = std::min(range.high, election_count_bound(from, key));
      for (std::size_t t = 0; t < length; ++t) {
        if (it == from.end() || t >= it->second.size()) {
          a.stats.push_back(Summary{});
          continue;
        }
        const Accumulator& cell = it->second[t];
        a.stats.push_back(within(cell.summary(), range, cell.min(), cell.max()));
      }
      dest.push_back(std::move(a));
    }
  };
  list(monthly_, layout_.monthly, layout_.months, out.monthly);
  list(yearly_, layout_.yearly, layout_.years, out.yearly);
  std::vector<AggregateSeries> totals;
  list(totals_, layout_.totals, {}, totals);
  for (auto& t : totals) out.totals.push_back({t.key, t.stats.front()});
  out.shortfall_per_move = shortfall_.summary();
  out.fill_days_per_vacancy = fill_days_.summary();
  return out;
}

void AggregateAccumulator::save(kernel::ByteWriter& w) const {
  w.u(replications_);
  w.b(has_layout_);
  w.b(differences_);
  auto days = [&](const std::vector<Day>& d) {
    w.u(d.size());
    for (Day x : d) w.i(x);
  };
  auto key = [&](const SeriesKey& k) { w.s(k.metric), w.s(k.group); };
  days(layout_.months);
  days(layout_.years);
  for (const auto* shape : {&layout_.monthly, &layout_.yearly, &layout_.totals}) {
    w.u(shape->size());
    for (const auto& [k, length] : *shape) key(k), w.u(length);
  }
  for (const auto* section : {&monthly_, &yearly_, &totals_}) {
    w.u(section->size());
    for (const auto& [k, cells] : *section) {
      key(k);
      w.u(cells.size());
      for (const auto& c : cells) c.save(w);
    }
  }
  shortfall_.save(w);
  fill_days_.save(w);
}

void AggregateAccumulator::load(kernel::ByteReader& r) {
  AggregateAccumulator a;
  a.replications_ = r.count(0);
  a.has_layout_ = r.b();
  a.differences_ = r.b();
  auto days = [&](std::vector<Day>& d) {
    const std::size_t n = r.count(1);
    for (std::size_t i = 0; i < n; ++i) d.push_back(static_cast<Day>(r.i()));
  };
  auto key = [&] {
    SeriesKey k;
    k.metric = r.s();
    k.group = r.s();
    return k;
  };
  days(a.layout_.months);
  days(a.layout_.years);
  for (auto* shape : {&a.layout_.monthly, &a.layout_.yearly, &a.layout_.totals}) {
    const std::size_t n = r.count(3);
    for (std::size_t i = 0; i < n; ++i) {
      SeriesKey k = key();
      shape->push_back({std::move(k), r.count(0)});
    }
  }
  for (auto* section : {&a.monthly_, &a.yearly_, &a.totals_}) {
    const std::size_t n = r.count(3);
    for (std::size_t i = 0; i < n; ++i) {
      SeriesKey k = key();
      Cells& cells = (*section)[k];
      cells.resize(r.count(8));
      for (auto& c : cells) c.load(r);
    }
  }
  a.shortfall_.load(r);
  a.fill_days_.load(r);
  *this = std::move(a);
}

Aggregate aggregate(const std::vector<ReplicationResult>& reps) {
  AggregateAccumulator acc;
  for (std::size_t r = 0; r < reps.size(); ++r) acc.add(r, reps[r]);
  return acc.result();
}

Aggregate paired_difference(const std::vector<ReplicationResult>& base,
                            const std::vector<ReplicationResult>& variant) {
  AggregateAccumulator acc;
  const ReplicationResult none;
  for (std::size_t r = 0; r < variant.size(); ++r)
    acc.add_difference(r, r < base.size() ? base[r] : none, variant[r]);
  return acc.result();
}

}  // namespace cadresim::analysis
