// Exact, order-independent streaming statistics (see accumulator.hpp).
#include "analysis/accumulator.hpp"

#include <boost/multiprecision/cpp_int.hpp>  // fixed-width exact integers

#include <algorithm>  // std::lower_bound, std::min, std::max, std::sort
#include <bit>        // std::bit_cast
#include <cmath>      // std::frexp, std::ldexp, std::sqrt, std::isfinite, std::isnan
#include <cstring>    // std::memcpy
#include <limits>     // quiet_NaN
#include <stdexcept>  // std::invalid_argument
#include <string>     // std::string

namespace cadresim::analysis {

namespace mp = boost::multiprecision;
using Int512 = mp::int512_t;
using Int1024 = mp::int1024_t;

namespace {

__extension__ typedef unsigned __int128 U128;

constexpr int kSumFraction = 64;          // non-integer sums on the grid 2^-64
constexpr int kSquareFraction = 128;      // their squares on 2^-128
constexpr double kIntegerLimit = 0x1p40;  // integers below this go to the 128-bit sums
constexpr double kMagnitudeLimit = 0x1p150;
constexpr int kBucketShift = 42;  // keep sign-less exponent + 10 mantissa bits

// m · 2^shift rounded to the nearest integer (ties away from zero).
// (Shifts work on magnitudes: the sign is put back afterwards.)
Int512 scaled(const Int512& m, int shift) {
  const bool negative = m < 0;
  Int512 a = negative ? Int512(-m) : m;
  if (shift >= 0)
    a <<= shift;
  else if (shift < -500)
    a = 0;
  else
    a = (a + (Int512(1) << (-shift - 1))) >> -shift;
  return negative ? Int512(-a) : a;
}

template <class Int, class Small>
Int widen(Small v) {
  const bool negative = v < 0;
  const auto mag = negative ? U128{0} - static_cast<U128>(v) : static_cast<U128>(v);
  Int r = static_cast<std::uint64_t>(mag >> 64);
  r <<= 64;
  r += static_cast<std::uint64_t>(mag);
  return negative ? Int(-r) : r;
}

template <class Int>
double to_double(const Int& v, int fraction) {
  return std::ldexp(v.template convert_to<double>(), -fraction);
}

std::int64_t bucket_key(double v) {
  if (v == 0) return 0;
  const auto mag =
      static_cast<std::int64_t>(std::bit_cast<std::uint64_t>(std::abs(v)) >> kBucketShift) + 1;
  return v < 0 ? -mag : mag;
}

double bucket_value(std::int64_t key) {
  if (key == 0) return 0;
  const auto mag = static_cast<std::uint64_t>(key < 0 ? -key : key) - 1;
  const double lo = std::bit_cast<double>(mag << kBucketShift);
  const double hi = std::bit_cast<double>((mag + 1) << kBucketShift);
  const double mid = lo + (hi - lo) / 2;
  return key < 0 ? -mid : mid;
}

void write_big(kernel::ByteWriter& w, const Int512& v) {
  w.s(v.str());
}
Int512 read_big(kernel::ByteReader& r) {
  const std::string s = r.s();
  if (s.empty() || s.find_first_not_of("-0123456789") != std::string::npos)
    throw kernel::FormatError("accumulator: malformed sum");
  return Int512(s);
}

template <class Table>
void add_count(Table& t, typename Table::value_type::first_type key, std::uint64_t count) {
  auto it = std::lower_bound(t.begin(), t.end(), key,
                             [](const auto& e, const auto& k) { return e.first < k; });
  if (it != t.end() && it->first == key)
    it->second += count;
  else
    t.insert(it, {key, count});
}

}  // namespace

struct Accumulator::Big {
  Int512 sum = 0;    ///< on the grid 2^-kSumFraction
  Int512 sumsq = 0;  ///< on the grid 2^-kSquareFraction
};

Accumulator::Accumulator(std::size_t exact_limit) : exact_limit_(exact_limit) {}
Accumulator::~Accumulator() = default;
Accumulator::Accumulator(Accumulator&&) noexcept = default;
Accumulator& Accumulator::operator=(Accumulator&&) noexcept = default;
Accumulator::Accumulator(const Accumulator& o)
    : exact_limit_(o.exact_limit_),
      n_(o.n_),
      not_applicable_(o.not_applicable_),
      int_sum_(o.int_sum_),
      int_sumsq_(o.int_sumsq_),
      big_(o.big_ ? std::make_unique<Big>(*o.big_) : nullptr),
      not_finite_(o.not_finite_),
      min_(o.min_),
      max_(o.max_),
      bucketed_(o.bucketed_),
      values_(o.values_),
      buckets_(o.buckets_),
      pending_(o.pending_) {}
Accumulator& Accumulator::operator=(const Accumulator& o) {
  if (this != &o) *this = Accumulator(o);
  return *this;
}

void Accumulator::add(double v) {
  if (std::isnan(v)) {
    ++not_applicable_;
    return;
  }
  ++n_;
  if (!std::isfinite(v)) {
    not_finite_ = true;
    return;
  }
  if (v == 0) v = 0;  // -0 and +0 are one value
  if (std::abs(v) >= kMagnitudeLimit)
    throw std::invalid_argument("a metric value is too large to summarise");
  min_ = n_ == 1 ? v : std::min(min_, v);
  max_ = n_ == 1 ? v : std::max(max_, v);
  if (v == std::floor(v) && std::abs(v) < kIntegerLimit) {
    const auto i = static_cast<std::int64_t>(v);
    int_sum_ += i;
    int_sumsq_ += static_cast<Int128>(i) * i;
  } else {
    if (!big_) big_ = std::make_unique<Big>();
    int e = 0;
    const double f = std::frexp(v, &e);                             // v = f · 2^e, 0.5 ≤ |f| < 1
    const Int512 m = static_cast<std::int64_t>(std::ldexp(f, 53));  // v = m · 2^(e-53)
    big_->sum += scaled(m, e - 53 + kSumFraction);
    big_->sumsq += scaled(m * m, 2 * (e - 53) + kSquareFraction);
  }
  if (pending_.empty()) pending_.reserve(kPendingValues);
  pending_.push_back(v);
  if (pending_.size() == kPendingValues) settle();
}

void Accumulator::settle() {
  if (pending_.empty()) return;
  // The table holds counts of values (or of buckets), so the order values reach it in changes
  // nothing, and neither does when it turns into buckets: that happens once the distinct
  // values exceed the limit, which depends only on which values came.
  std::sort(pending_.begin(), pending_.end());
  for (std::size_t i = 0; i < pending_.size();) {
    std::size_t j = i + 1;
    while (j < pending_.size() && pending_[j] == pending_[i]) ++j;
    count_value(pending_[i], j - i);
    i = j;
  }
  pending_.clear();
}

void Accumulator::count_value(double v, std::uint64_t count) {
  if (bucketed_) {
    add_count(buckets_, bucket_key(v), count);
  } else {
    add_count(values_, v, count);
    if (values_.size() > exact_limit_) to_buckets();
  }
}

Accumulator Accumulator::settled() const {
  Accumulator copy(*this);
  copy.settle();
  return copy;
}

bool Accumulator::exact_quantiles() const {
  return pending_.empty() ? !bucketed_ : settled().exact_quantiles();
}

void Accumulator::add_zeros(std::uint64_t count) {
  if (count == 0) return;
  min_ = n_ == 0 ? 0.0 : std::min(min_, 0.0);
  max_ = n_ == 0 ? 0.0 : std::max(max_, 0.0);
  n_ += count;
  count_value(0.0, count);
}

void Accumulator::to_buckets() {
  for (const auto& [v, c] : values_) add_count(buckets_, bucket_key(v), c);
  values_.clear();
  values_.shrink_to_fit();
  bucketed_ = true;
}

void Accumulator::merge(const Accumulator& o) {
  not_applicable_ += o.not_applicable_;
  if (o.n_ == 0) return;
  settle();
  if (n_ == 0 || o.min_ < min_) min_ = o.min_;
  if (n_ == 0 || o.max_ > max_) max_ = o.max_;
  n_ += o.n_;
  not_finite_ = not_finite_ || o.not_finite_;
  int_sum_ += o.int_sum_;
  int_sumsq_ += o.int_sumsq_;
  if (o.big_) {
    if (!big_) big_ = std::make_unique<Big>();
    big_->sum += o.big_->sum;
    big_->sumsq += o.big_->sumsq;
  }
  if (!bucketed_ && !o.bucketed_) {
    for (const auto& [v, c] : o.values_) add_count(values_, v, c);
    if (values_.size() > exact_limit_) to_buckets();
  } else {
    if (!bucketed_) to_buckets();
    for (const auto& [v, c] : o.values_) add_count(buckets_, bucket_key(v), c);
    for (const auto& [k, c] : o.buckets_) add_count(buckets_, k, c);
  }
  for (const double v : o.pending_) count_value(v, 1);  // `o`'s buffer, counted here
}

double Accumulator::quantile(double q) const {
  // Type 7 (as quantile_sorted): the order statistics around (n−1)q, interpolated.
  const double h = (static_cast<double>(n_) - 1) * q;
  const auto lo = static_cast<std::uint64_t>(std::floor(h));
  const std::uint64_t hi = std::min<std::uint64_t>(lo + 1, n_ - 1);
  auto kth = [&](std::uint64_t k) {
    std::uint64_t seen = 0;
    if (!bucketed_) {
      for (const auto& [v, c] : values_)
        if ((seen += c) > k) return v;
      return values_.back().first;
    }
    for (const auto& [key, c] : buckets_)
      if ((seen += c) > k) {
        // Integers only (no non-integer sum): the integer nearest the bucket's middle.
        const double mid = big_ ? bucket_value(key) : std::round(bucket_value(key));
        return std::clamp(mid, min_, max_);
      }
    return max_;
  };
  const double a = kth(lo), b = kth(hi);
  return a + (h - static_cast<double>(lo)) * (b - a);
}

Summary Accumulator::summary(double confidence) const {
  if (!pending_.empty()) return settled().summary(confidence);
  Summary s;
  s.n = static_cast<std::size_t>(n_);
  s.not_applicable = static_cast<std::size_t>(not_applicable_);
  if (n_ == 0 && not_applicable_ == 0) return s;
  if (n_ == 0 || not_finite_) {  // applies nowhere, or an infinity was added
    const double nan = std::numeric_limits<double>::quiet_NaN();
    s.mean = s.sd = s.ci_low = s.ci_high = s.p05 = s.p50 = s.p95 = nan;
    return s;
  }
  const auto n = static_cast<double>(n_);
  // The exact sums, on the grid of the squares (2^-128) and of the values (2^-64).
  Int1024 sum = widen<Int1024>(int_sum_);
  Int1024 sumsq = widen<Int1024>(int_sumsq_);
  if (big_) {
    sum = sum * (Int1024(1) << kSumFraction) + Int1024(big_->sum);
    sumsq = sumsq * (Int1024(1) << kSquareFraction) + Int1024(big_->sumsq);
    s.mean = to_double(sum, kSumFraction) / n;
  } else {
    // Integer values: the sum is what a plain double sum of them gives (exact below 2^53).
    s.mean = sum.convert_to<double>() / n;
  }
  if (n_ > 1) {
    // n·Σv² − (Σv)², exact; 0 exactly when every value is the same.
    const int sq_fraction = big_ ? kSquareFraction : 0;
    const Int1024 spread = Int1024(n_) * sumsq - sum * sum;
    const double var = to_double(spread, sq_fraction) / (n * (n - 1));
    s.sd = std::sqrt(std::max(0.0, var));
    const double half = t_critical(confidence, n - 1) * s.sd / std::sqrt(n);
    s.ci_low = s.mean - half;
    s.ci_high = s.mean + half;
  } else {
    s.ci_low = s.ci_high = s.mean;
  }
  s.p05 = quantile(0.05);
  s.p50 = quantile(0.50);
  s.p95 = quantile(0.95);
  return s;
}

void Accumulator::save(kernel::ByteWriter& w) const {
  if (!pending_.empty()) return settled().save(w);  // the saved form has no buffer
  w.u(n_);
  w.u(not_applicable_);
  w.b(not_finite_);
  w.f(min_);
  w.f(max_);
  w.s(std::string(reinterpret_cast<const char*>(&int_sum_), sizeof int_sum_));
  w.s(std::string(reinterpret_cast<const char*>(&int_sumsq_), sizeof int_sumsq_));
  w.b(big_ != nullptr);
  if (big_) {
    write_big(w, big_->sum);
    write_big(w, big_->sumsq);
  }
  w.b(bucketed_);
  if (!bucketed_) {
    w.u(values_.size());
    for (const auto& [v, c] : values_) w.f(v), w.u(c);
  } else {
    w.u(buckets_.size());
    for (const auto& [k, c] : buckets_) w.i(k), w.u(c);
  }
}

void Accumulator::load(kernel::ByteReader& r) {
  Accumulator a(exact_limit_);
  a.n_ = r.u();
  a.not_applicable_ = r.u();
  a.not_finite_ = r.b();
  a.min_ = r.f();
  a.max_ = r.f();
  for (Int128* target : {&a.int_sum_, &a.int_sumsq_}) {
    const std::string bytes = r.s();
    if (bytes.size() != sizeof(Int128)) throw kernel::FormatError("accumulator: malformed sum");
    std::memcpy(target, bytes.data(), sizeof(Int128));
  }
  if (r.b()) {
    a.big_ = std::make_unique<Big>();
    a.big_->sum = read_big(r);
    a.big_->sumsq = read_big(r);
  }
  a.bucketed_ = r.b();
  const std::size_t size = r.count(2);
  for (std::size_t i = 0; i < size; ++i) {
    if (!a.bucketed_) {
      const double v = r.f();
      a.values_.emplace_back(v, r.u());
    } else {
      const std::int64_t k = r.i();
      a.buckets_.emplace_back(k, r.u());
    }
  }
  *this = std::move(a);
}

}  // namespace cadresim::analysis
