// MetricsCollector's saved state (docs/architecture.md § Saved state): the accumulators so far,
// so that a run continued from a snapshot reports the whole period.
#include <set>  // std::set of restored series keys

#include "analysis/metrics.hpp"

namespace cadresim::analysis {

namespace {
void save_series(kernel::ByteWriter& w, const std::map<SeriesKey, std::vector<double>>& m) {
  w.u(m.size());
  for (const auto& [key, values] : m) {
    w.s(key.metric);
    w.s(key.group);
    w.u(values.size());
    for (double v : values) w.fc(v);
  }
}
// Into the existing map, so that pointers to its declared series (pipeline_series_) stay valid.
// A series the saved run lacks (a variant's new flow, say) gets leading zeros up to `length`.
void load_series(kernel::ByteReader& r, std::map<SeriesKey, std::vector<double>>& m,
                 std::size_t length) {
  std::set<SeriesKey> saved;
  const std::size_t n = r.count(3);
  for (std::size_t i = 0; i < n; ++i) {
    SeriesKey key;
    key.metric = r.s();
    key.group = r.s();
    std::vector<double> values(r.count(1));
    for (double& v : values) v = r.fc();
    if (values.size() > length) throw kernel::FormatError("a saved series is too long");
    m[key] = std::move(values);
    saved.insert(std::move(key));
  }
  for (auto& [key, values] : m)
    if (!saved.count(key) && values.size() < length)
      values.insert(values.begin(), length - values.size(), 0.0);
}
void save_days(kernel::ByteWriter& w, const std::vector<Day>& days) {
  w.u(days.size());
  for (Day d : days) w.i(d);
}
std::vector<Day> load_days(kernel::ByteReader& r) {
  std::vector<Day> days(r.count(1));
  for (Day& d : days) d = r.i32();
  return days;
}
void save_doubles(kernel::ByteWriter& w, const std::vector<double>& v) {
  w.u(v.size());
  for (double x : v) w.fc(x);
}
std::vector<double> load_doubles(kernel::ByteReader& r) {
  std::vector<double> v(r.count(1));
  for (double& x : v) x = r.fc();
  return v;
}
}  // namespace

void MetricsCollector::save_state(kernel::ByteWriter& w) const {
  save_days(w, result_.months);
  save_series(w, result_.monthly);
  save_days(w, result_.years);
  save_series(w, result_.yearly);
  w.u(result_.totals.size());
  for (const auto& [key, v] : result_.totals) {
    w.s(key.metric);
    w.s(key.group);
    w.fc(v);
  }
  save_doubles(w, result_.shortfalls);
  save_doubles(w, result_.fill_days);
  w.u(year_acc_.size());
  for (const auto& [key, v] : year_acc_) {
    w.s(key.metric);
    w.s(key.group);
    w.fc(v);
  }
  w.i(last_year_end_);
  w.u(unit_flags_.size());
  for (auto f : unit_flags_) w.u(f);
  w.b(finished_);
  save_doubles(w, last_headcount_);
  w.u(election_acc_.size());
  for (const auto& row : election_acc_) save_doubles(w, row);
}

void MetricsCollector::load_state(kernel::ByteReader& r) {
  using kernel::FormatError;
  // The series are read into the maps anew: the slots that point into them are found again.
  month_slots_.clear();
  month_slots_org_ = nullptr;
  year_close_slots_.clear();
  result_.months = load_days(r);
  load_series(r, result_.monthly, result_.months.size());
  result_.years = load_days(r);
  load_series(r, result_.yearly, result_.years.size());
  result_.totals.clear();
  for (std::size_t i = 0, n = r.count(10); i < n; ++i) {
    SeriesKey key;
    key.metric = r.s();
    key.group = r.s();
    result_.totals[key] = r.fc();
  }
  result_.shortfalls = load_doubles(r);
  result_.fill_days = load_doubles(r);
  for (std::size_t i = 0, n = r.count(10); i < n; ++i) {
    SeriesKey key;
    key.metric = r.s();
    key.group = r.s();
    year_acc_[key] = r.fc();
  }
  last_year_end_ = r.i32();
  std::vector<std::uint8_t> flags(r.count(1));
  for (auto& f : flags) f = r.narrow<std::uint8_t>();
  if (!flags.empty() && flags.size() != s_.organisation.units.size())
    throw FormatError("saved per-unit metrics do not match the units");
  unit_flags_ = std::move(flags);
  finished_ = r.b();
  last_headcount_ = load_doubles(r);
  if (!last_headcount_.empty() && last_headcount_.size() != s_.organisation.units.size())
    throw FormatError("saved per-unit metrics do not match the units");
  if (r.count(1) != election_acc_.size())
    throw FormatError("saved election metrics do not match the scenario's elections");
  for (auto& row : election_acc_) {
    std::vector<double> saved = load_doubles(r);
    if (saved.size() != row.size())
      throw FormatError("saved election metrics do not match the scenario's elections");
    row = std::move(saved);
  }
}

}  // namespace cadresim::analysis
