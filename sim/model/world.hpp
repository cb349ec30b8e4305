#pragma once
/// @file The mutable state of one replication: cadres, who holds which post, open vacancies
/// and the succession plan. Rules (sim/rules) change it; observers (analysis) read it.

#include <array>    // std::array
#include <cstddef>  // offsetof
#include <cstdint>  // fixed-width integers
#include <cstring>  // std::memcpy
#include <limits>   // the bounds' infinities
#include <vector>   // std::vector

#include "sim/model/cadre.hpp"
#include "sim/model/organisation.hpp"
#include "sim/model/scenario.hpp"
#include "sim/model/succession_plan.hpp"

namespace cadresim::model {

/// State of a post.
struct PostState {
  CadreId holder = kNoCadre;  ///< substantive holder
  CadreId acting = kNoCadre;  ///< acting holder while vacant (keeps their own post too)
  Day vacant_since = 0;       ///< start of the current vacancy (valid when holder is none)
  std::uint32_t chain = 0;    ///< vacancy chain the current vacancy belongs to (0 = none)
  bool fill_pending = false;  ///< a fill attempt (or a recruit's arrival) is scheduled
  Day fill_day = 0;
  /// The holder may not continue (term limit or age) and serves until a successor takes over
  /// (docs/model.md § Terms of office); a fill attempt is pending.
  bool outgoing = false;
  bool unmet_reported = false;  ///< non_native_unmet already emitted for this vacancy ///< its day:
                                ///< an older event for a vacancy since filled is ignored
};

/// A vacancy chain (White): started when a post opens from outside the chain (exit,
/// retirement, new post), extended each time a filler's own post opens.
struct VacancyChain {
  Day started = 0;
  PostId first_post = kNoPost;
  std::uint16_t length = 0;  ///< moves so far
  LevelId top_level = 0;     ///< highest level reached
  LevelId bottom_level = 0;  ///< lowest level reached
  bool ended = false;
  std::uint8_t end_reason = 0;  ///< see engine::ChainEnd
};

/// What the candidate searches read of a cadre before its record (World::candidate_summary):
/// the inputs of rules::candidate_score_base in 16 bytes.
struct CandidateSummary {
  double competence = 0;
  std::uint8_t rating = 0;  ///< rating_index of the last rating (its bonus's index)
  /// Months served at the levels below level l, for l = 0 .. kMaxLevels − 2, capped at 60 (the
  /// most the score counts); nothing lies below the last level.
  std::array<std::uint8_t, kMaxLevels - 1> months_below{};
  bool operator==(const CandidateSummary&) const = default;
};

/// An upper bound of the candidate summaries of a block of World::kSummaryBlock tour slots
/// (World::summary_bound_by_block): the largest competence, rating index and months below each
/// level among the block's holders. rules::SummaryBoundScore takes candidate_score_base of these
/// (with the largest bonus of any rating index up to the bound's): each term grows with its
/// input, and floating-point addition is monotone, so that is at least every holder's score, and
/// the deputy search skips a block whose bound cannot win unread. Vacant slots add nothing (a
/// block without a holder has competence −∞); a holder without a summary (past
/// candidate_summary's end: the search reads the record) makes it +∞.
struct SummaryBound {
  double competence = -std::numeric_limits<double>::infinity();
  std::uint8_t rating = 0;  ///< the largest rating index
  std::array<std::uint8_t, kMaxLevels - 1> months_below{};
  /// Widens the bound to cover `s`.
  void cover(const CandidateSummary& s) {
    competence = s.competence > competence ? s.competence : competence;
    // The rating and the months, the 8 bytes from the rating on, byte by byte the larger, all
    // at once: every byte is below 128 (a rating index below kRatingGrades, a count capped at
    // 60), so byte 0x80 + a − b never borrows from the next byte, and its top bit is set
    // exactly when a ≥ b.
    static_assert(offsetof(CandidateSummary, months_below) ==
                      offsetof(CandidateSummary, rating) + 1 &&
                  offsetof(SummaryBound, months_below) == offsetof(SummaryBound, rating) + 1 &&
                  sizeof(months_below) == 7 && sizeof(s.months_below) == 7);
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    auto* const mine = reinterpret_cast<unsigned char*>(this) + offsetof(SummaryBound, rating);
    const auto* const theirs =
        reinterpret_cast<const unsigned char*>(&s) + offsetof(CandidateSummary, rating);
    std::uint64_t a, b;
    std::memcpy(&a, mine, sizeof a);
    std::memcpy(&b, theirs, sizeof b);
    const std::uint64_t keep_a = ((((a | kHigh) - b) & kHigh) >> 7) * 0xFFu;
    const std::uint64_t word = (a & keep_a) | (b & ~keep_a);
    std::memcpy(mine, &word, sizeof word);
  }
  /// Covers a holder whose summary is not known (every score).
  void cover_unknown() { competence = std::numeric_limits<double>::infinity(); }
  bool covers(const CandidateSummary& s) const;
};

/// A cadre's attrition (rules/attrition.hpp): the cumulative hazard, the personal Exp(1)
/// threshold at which the cadre leaves, and the multiplier reluctance puts on the hazard.
struct AttritionState {
  double hazard = 0;
  double threshold = 0;
  double multiplier = 1;  ///< 1 = none
};

/// The whole mutable state.
struct World {
  const Scenario* scenario = nullptr;
  const Organisation* org = nullptr;
  std::vector<Cadre> cadres;
  std::vector<PostState> posts;
  /// Current succession plan (reviewed yearly), always in post order (entries of one post in
  /// the order they were added): plan_of finds a post's entries by binary search. Rules add
  /// entries with rules::add_plan_entry (or append and merge them) and remove them with
  /// SuccessionPlan::remove, which leaves a gap instead of moving the entries after it.
  SuccessionPlan plan;
  std::vector<std::uint8_t> plan_count;  ///< posts each cadre is planned for (by CadreId)
  /// Per cadre, a post at or below the lowest post of its plan entries (kept by note_planned on
  /// every addition, not raised on removals), so a search for a cadre's entries starts there
  /// instead of at the front of the plan. Cadres past its end: no bound.
  std::vector<PostId> plan_first_post;
  /// Posts of each unit of `org` that have a holder, kept by set_holder and rebuilt when the
  /// organisation changes; empty in a world built by hand (held_posts then counts them).
  std::vector<std::uint32_t> held_in_unit;
  /// The holder of each post in force, in the organisation's tour-slot order (titles end to
  /// end, each in Euler-tour order): the holders of posts_of_title_within(t, scope) are one
  /// contiguous run here, while the post states are scattered. Kept like held_in_unit; the
  /// deputy search reads it, so a world must have it (the engine and the test harness build
  /// it with rebuild_holder_indexes).
  std::vector<CadreId> holder_by_tour_slot;
  /// Beside holder_by_tour_slot, each slot's holder's candidate summary: equal to
  /// candidate_summary[holder] wherever the holder is below candidate_summary's end (the deputy
  /// search reads a contiguous run of these instead of one scattered summary per holder, a
  /// cache miss each in a large organisation). Kept by set_holder, by set_slot_summary after one
  /// summary changes (a rating), by copy_summaries_to_slots after many change (the month-end
  /// pass, the annual evaluation), and rebuilt with holder_by_tour_slot; an entry whose holder
  /// lies past candidate_summary's end means nothing.
  std::vector<CandidateSummary> summary_by_tour_slot;
  /// Tour slots per entry of summary_bound_by_block.
  static constexpr std::size_t kSummaryBlock = 8;
  /// Below this many cadres the month's sweeps (the engine's month pass, the copy of the
  /// summaries to the tour slots, the metrics' month end) ask for nothing ahead: what they read
  /// fits the 1 MiB L2 of the build machine's cores (about 200 bytes a cadre a month;
  /// docs/performance.md § "3 December (twenty-sixth session)"), so the requests only add
  /// instructions. Paired runs of the baseline (about 2,100 cadres): 4-6 % less time without
  /// them. From 4 provinces (about 8,000 active cadres) on they are kept; at 63 provinces they
  /// save 5 %.
  static constexpr std::size_t kPrefetchFromCadres = 4096;
  /// Whether the month's sweeps ask for lines ahead: kPrefetchFromCadres cadres or more.
  bool asks_ahead() const { return cadres.size() >= kPrefetchFromCadres; }
  /// For each block of kSummaryBlock tour slots (slot / kSummaryBlock), a SummaryBound of its
  /// holders' summaries as they are in summary_by_tour_slot (or unknown). Computed exactly by
  /// copy_summaries_to_slots and only widened in between (set_holder, set_slot_summary), so it
  /// stays a bound while the deputy search reads it.
  std::vector<SummaryBound> summary_bound_by_block;
  /// Each cadre's candidate summary (rules::candidate_summary), written at every month end, when
  /// competence and experience change (they change only then, and when a cadre is created), and
  /// when a rating changes (rules::refresh_candidate_summary): the candidate scans read this
  /// compact array before the cadre's record. Cadres created since the last month end (and
  /// every cadre after a world is read) lie past its end.
  std::vector<CandidateSummary> candidate_summary;
  /// Cadres in a rotation (rotation.active), kept by set_rotation_active; counted again when
  /// the world is built or read.
  std::uint64_t rotating = 0;
  /// Attrition state per cadre (rules/attrition.hpp), the three together: the month-end pass
  /// reads all three for every active cadre.
  std::vector<AttritionState> attrition;
  std::vector<VacancyChain> chains;  ///< index 0 unused
  /// Active cadres without a post (term-limited heads, displaced holders, the surplus of a
  /// restructuring). Change it only through add_unplaced / remove_unplaced / clear_unplaced,
  /// which keep unplaced_last_title.
  std::vector<CadreId> unplaced;
  /// The title of each unplaced cadre's last post (kNoTitle without one), entry by entry: a
  /// placement, which needs its level and rank, reads the cadres' records only where they fit.
  /// Rebuilt on load and epoch switch (rebuild_unplaced_titles).
  std::vector<TitleId> unplaced_last_title;
  /// The unplaced cadres with a last post, by that post's title: (-competence, id) pairs in
  /// ascending order, the most competent first and equals by id. A placement reads the titles
  /// equivalent to the post, each from its most competent cadre down, and stops where nobody
  /// further can win. An unplaced cadre's competence does not change (it grows only in a post,
  /// at month ends), so the order holds while the cadre is on the list. Kept with the list;
  /// rebuilt with unplaced_last_title.
  std::vector<std::vector<std::pair<double, CadreId>>> unplaced_by_title;
  /// Each cadre's index in `unplaced` (kNotUnplaced if not there; cadres beyond the end are not
  /// there), so that adding and removing do not search the list. Kept with the list.
  std::vector<std::uint32_t> unplaced_slot;
  static constexpr std::uint32_t kNotUnplaced = 0xFFFFFFFFu;
  std::vector<int> staff;  ///< non-leadership staff per unit (rules/staffing); empty when off
  std::uint64_t initial_cadres = 0;
  std::uint64_t recruited = 0;
  std::uint64_t exited = 0;

  /// Records an entry of `cadre` for `post` in plan_first_post (call on every addition).
  void note_planned(CadreId cadre, PostId post);
  /// Rebuilds plan_first_post from the plan (after reading a saved state).
  void rebuild_plan_first_post();
  /// Starts or ends `cadre`'s rotation flag, keeping `rotating`.
  void set_rotation_active(CadreId cadre, bool active);
  /// Counts `rotating` again from the cadres.
  void recount_rotating();
  /// Makes `cadre` (or kNoCadre) the holder of `post`, keeping held_in_unit,
  /// holder_by_tour_slot and summary_by_tour_slot.
  void set_holder(PostId post, CadreId cadre);
  /// Copies candidate_summary[cadre] to the tour slot of the post `cadre` holds, if any (call
  /// after changing a holder's summary).
  void set_slot_summary(CadreId cadre);
  /// Copies every slot's holder's candidate summary to summary_by_tour_slot, in one pass in
  /// tour order (after changing many summaries, e.g. every rating at the annual evaluation),
  /// and computes summary_bound_by_block again from them.
  void copy_summaries_to_slots();
  /// Rebuilds held_in_unit, holder_by_tour_slot and summary_by_tour_slot for `org` (after
  /// building, reading or switching the organisation).
  void rebuild_holder_indexes();
  /// Puts `cadre` (who holds no post) on the unplaced list, or, if it is there already,
  /// records the title of its last post again (it may have changed).
  void add_unplaced(CadreId cadre);
  /// Takes `cadre` off the unplaced list if it is there (the last entry takes its place: no
  /// reader depends on the order, every one keeps the best by score with ties to the lower id).
  void remove_unplaced(CadreId cadre);
  /// Empties the unplaced list.
  void clear_unplaced();
  /// Rebuilds unplaced_last_title and unplaced_by_title from the cadres' last posts and
  /// competence (after reading a world, or switching the organisation).
  void rebuild_unplaced_titles();
  /// Number of active cadres.
  std::size_t active_count() const;
  /// The plan entries for `post` (a contiguous range of the post-ordered plan).
  SuccessionPlan::Range<const PlanEntry> plan_of(PostId post) const { return plan.of(post); }
  /// The same, writable (readiness updates).
  SuccessionPlan::Range<PlanEntry> plan_of(PostId post) { return plan.of(post); }

 private:
  /// Files `cadre` in unplaced_by_title under `title` (nothing for kNoTitle), or takes it out.
  void file_unplaced(CadreId cadre, TitleId title);
  void unfile_unplaced(CadreId cadre, TitleId title);
};

}  // namespace cadresim::model
