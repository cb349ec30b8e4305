#pragma once
/// @file Succession planning — quy hoạch (docs/model.md § Succession). At each annual review
/// every key post keeps up to N planned candidates (default 3) and every candidate is planned
/// for at most M posts (default 3); candidates come from the titles that feed the post, within
/// the scope of the tier that manages its title (§ Managing tiers; by default the parent of the
/// post's unit), only for a higher post than the
/// one held, and only with a full term (60 months) before retirement at the start of the term
/// planned for. Entries leave the plan when the cadre ages out, fails the review (a yearly
/// probability) or leaves. Readiness: ready now (competence, months in post and months at
/// lower levels all at their thresholds), ready later (competence at the lower threshold).

#include <algorithm>  // std::max_element
#include <array>      // the experience terms
#include <bit>        // std::endian
#include <cstddef>    // offsetof
#include <cstdint>    // std::uint8_t
#include <cstring>    // std::memcpy
#include <limits>     // std::numeric_limits
#include <tuple>      // std::tuple_size_v
#include <vector>     // candidate lists

#include "sim/rules/context.hpp"

namespace cadresim::rules {

/// The scope of the body that manages the post: the unit at the level of its title's managing
/// tier above the post's unit (by default its unit's parent, or itself at the root).
model::UnitId managing_unit(const model::Organisation& org, PostId post);
/// Start of the next term of the post's title after `now` (its next election, or `now` for
/// appointed titles).
Day next_term_start(const RuleContext& ctx, PostId post);
/// Readiness of `cadre` for `post` now.
model::Readiness readiness(const RuleContext& ctx, CadreId cadre, PostId post);
/// readiness() for many cadres on one day: the day by which the months-in-post threshold is
/// met (a date conversion) is worked out once, not per cadre. The form for loops.
class ReadinessCheck {
 public:
  explicit ReadinessCheck(const RuleContext& ctx);
  model::Readiness operator()(CadreId cadre, PostId post) const;

 private:
  const RuleContext& ctx_;
  Day in_post_since_floor_;  ///< in the current or an equivalent post since this day or earlier
};
/// Earliest retirement date that leaves a full planning period after `term_start`.
Day planning_retirement_floor(const RuleContext& ctx, Day term_start);
/// Whether `cadre` may be planned for `post` whose next term starts on `term_start` (rank, age
/// and non-native rules).
bool may_plan(const RuleContext& ctx, CadreId cadre, PostId post, Day term_start);
/// The same with the age rule given as the earliest acceptable retirement date
/// (planning_retirement_floor of the term start): the form for loops over many candidates.
bool may_plan_by_floor(const RuleContext& ctx, CadreId cadre, PostId post, Day retire_floor);
/// Ranking score of a candidate for a post (higher is better): candidate_score_base for the
/// post's level plus 0.1 when the title prefers non-natives and the cadre is one.
double candidate_score(const RuleContext& ctx, CadreId cadre, PostId post);
/// The part of candidate_score that reads only the cadre (competence, lower-level experience,
/// rating), for a post of `level`. candidate_score is this plus 0.1 × the non-native preference
/// (0 or 1), added last, so `base + 0.1` bounds it exactly and needs no look-up of units.
double candidate_score_base(const RuleContext& ctx, const model::Cadre& c, model::LevelId level);
/// The most lower-level experience candidate_score_base counts (5 years).
inline constexpr int kScoredLowerLevelMonths = 60;
/// candidate_score_base's experience term for `months` (0 .. kScoredLowerLevelMonths) of
/// lower-level experience: 0.02 per year, as 0.02 × (months / 12.0), from a table.
inline double experience_term(int months) {
  static const std::array<double, kScoredLowerLevelMonths + 1> table = [] {
    std::array<double, kScoredLowerLevelMonths + 1> t{};
    for (int m = 0; m <= kScoredLowerLevelMonths; ++m)
      t[static_cast<std::size_t>(m)] = 0.02 * (m / 12.0);
    return t;
  }();
  return table[static_cast<std::size_t>(months)];
}
/// candidate_score_base's sum, in its one order: competence, then the experience term for
/// `months` (already capped), then the rating's bonus. The record, its summary and a block's
/// bound (SummaryBoundScore) all add through this, so the summary gives the record's value
/// exactly and the bound, each of whose inputs is at least a holder's, at least every holder's.
inline double score_base_sum(double competence, int months, double rating_bonus) {
  return competence + experience_term(months) + rating_bonus;
}
/// The summary of `c` that World::candidate_summary keeps.
model::CandidateSummary candidate_summary(const model::Cadre& c);
/// Counts one more month served at `level` in a summary, as candidate_summary would count it
/// from the record after the month is added to experience_months[level] (the month-end pass
/// keeps the summaries so, without recounting every level).
inline void count_month_served(model::CandidateSummary& s, model::LevelId level) {
  constexpr std::size_t kCounts = std::tuple_size_v<decltype(s.months_below)>;
  using model::CandidateSummary;
  constexpr std::size_t kRatingAt = offsetof(CandidateSummary, rating);
  if constexpr (std::endian::native == std::endian::little && kCounts == 7 &&
                offsetof(CandidateSummary, months_below) == kRatingAt + 1) {
    // The month-end pass calls this for every holder every month: the counts of the levels
    // below `level` are counted at once, as bytes 1..7 of the word that starts at the rating
    // (byte 0, left as it is). Every byte is at most the cap C (< 128; a rating is at most 3),
    // so byte (0x80 + C - 1) - b never borrows from the next byte, and its top bit is set
    // exactly when b < C; adding that bit to the chosen bytes never carries.
    static_assert(kScoredLowerLevelMonths > 0 && kScoredLowerLevelMonths < 128);
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kBias = kOnes * (0x80u + kScoredLowerLevelMonths - 1);
    // Bytes 1..n of the word, n = min(level, 7): the counts a month at `level` adds to.
    static constexpr auto kCountsBelow = [] {
      std::array<std::uint64_t, kCounts + 1> m{};
      for (std::size_t n = 0; n <= kCounts; ++n) m[n] = ((std::uint64_t{1} << (8 * n)) - 1) << 8;
      return m;
    }();
    auto* const bytes = reinterpret_cast<unsigned char*>(&s) + kRatingAt;
    std::uint64_t word;
    std::memcpy(&word, bytes, sizeof word);
    word += ((kBias - word) >> 7) & kOnes & kCountsBelow[level < kCounts ? level : kCounts];
    std::memcpy(bytes, &word, sizeof word);
  } else {
    const std::size_t n = level < kCounts ? level : kCounts;
    for (std::size_t l = 0; l < n; ++l)
      s.months_below[l] += s.months_below[l] < kScoredLowerLevelMonths;
  }
}
/// Whether refresh_candidate_summary also copies the summary to the cadre's tour slot
/// (World::summary_by_tour_slot), or the caller copies every slot afterwards
/// (World::copy_summaries_to_slots: one pass in tour order, after changing many).
enum class SlotCopy : std::uint8_t { kNow, kCallerCopiesAll };
/// Records `cadre`'s new rating in World::candidate_summary, if the array holds the cadre (call
/// after a change of its rating: the rest of a summary changes only at month ends).
void refresh_candidate_summary(RuleContext& ctx, CadreId cadre, SlotCopy slot = SlotCopy::kNow);
/// candidate_score_base from a cadre's summary: the same value as from the record (the same
/// operations on the same numbers).
inline double candidate_score_base(const RuleContext& ctx, const model::CandidateSummary& s,
                                   model::LevelId level) {
  const int months = level + 1u < model::kMaxLevels ? s.months_below[level] : 0;
  return score_base_sum(s.competence, months, ctx.scenario.evaluation.planning_bonus[s.rating]);
}
/// An upper bound of candidate_score_base, for a post of `level`, over the holders of a block
/// of tour slots (model::SummaryBound): candidate_score_base's sum taken of the block's largest
/// competence and months, and the largest bonus of the rating indexes up to the block's largest,
/// in the same order (each term is at least the holder's and floating-point addition is
/// monotone, so no holder's base exceeds it). Built once per search.
class SummaryBoundScore {
 public:
  SummaryBoundScore(const RuleContext& ctx, model::LevelId level) : level_(level) {
    const auto& bonus = ctx.scenario.evaluation.planning_bonus;
    static_assert(std::tuple_size_v<std::decay_t<decltype(bonus)>> == model::kRatingGrades);
    for (std::size_t r = 0; r < bonus.size(); ++r)
      top_bonus_[r] = r == 0 ? bonus[0] : std::max(top_bonus_[r - 1], bonus[r]);
  }
  double operator()(const model::SummaryBound& b) const {
    const int months = level_ + 1u < model::kMaxLevels ? b.months_below[level_] : 0;
    return score_base_sum(b.competence, months, top_bonus_[b.rating]);
  }

 private:
  model::LevelId level_;
  std::array<double, model::kRatingGrades> top_bonus_{};
};
/// An upper bound of candidate_score(ctx, cadre, post) for the post being filled: the cadre's
/// competence plus the largest possible experience and rating terms and, when the post's title
/// prefers non-natives, the non-native term (otherwise that term is 0 for every cadre), added in
/// the same order (floating-point addition is monotone, so the bound holds exactly). Loops that
/// keep the best candidate skip a cadre whose bound is below the best score so far without
/// changing the result. Built once per scan (it takes the scenario's largest rating bonus then);
/// inline, since the scans call it for every candidate (it reads the competence from the candidate
/// summaries).
class CandidateScoreBound {
 public:
  CandidateScoreBound(const RuleContext& ctx, PostId post)
      : summaries_(ctx.world.candidate_summary),
        cadres_(ctx.world.cadres),
        top_experience_(experience_term(kScoredLowerLevelMonths)),
        top_bonus_(*std::max_element(ctx.scenario.evaluation.planning_bonus.begin(),
                                     ctx.scenario.evaluation.planning_bonus.end())),
        non_native_term_(
            0.1 *
            (ctx.org.title_of(post).non_native == model::NonNativeRule::kPreferred ? 1.0 : 0.0)) {}
  double operator()(CadreId cadre) const {
    // The same value as the record's, in a compact array (a world built by hand has none).
    const double competence =
        cadre < summaries_.size() ? summaries_[cadre].competence : cadres_[cadre].competence;
    return competence + top_experience_ + top_bonus_ + non_native_term_;
  }
  /// The largest value of candidate_score's last term (0.1 × the non-native preference) for
  /// this post: candidate_score_base + this bounds candidate_score exactly.
  double non_native_term() const { return non_native_term_; }

 private:
  const std::vector<model::CandidateSummary>& summaries_;
  const std::vector<model::Cadre>& cadres_;
  double top_experience_;  ///< the experience term at its cap
  double top_bonus_;
  double non_native_term_;
};
/// Active holders of titles that feed `post`'s title, within the managing unit's subtree.
void feeder_candidates(const RuleContext& ctx, PostId post, std::vector<CadreId>& out);
/// The annual review: removals, additions up to N per post, readiness update. `year` keys the
/// removal draws.
void planning_review(RuleContext& ctx, int year);
/// Best ready-now planned successor for `post` who may take it now, or kNoCadre.
CadreId best_ready_successor(const RuleContext& ctx, PostId post);

}  // namespace cadresim::rules
