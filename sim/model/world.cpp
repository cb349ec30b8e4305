#include "sim/model/world.hpp"

#include <algorithm>  // std::equal_range
#include <cstring>    // std::memcpy
#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>  // the block bounds, 16 bytes at a time
#endif

namespace cadresim::model {

void World::note_planned(CadreId cadre, PostId post) {
  if (plan_first_post.size() <= cadre)
    plan_first_post.resize(cadres.size() > cadre ? cadres.size() : cadre + 1, kNoPost);
  if (post < plan_first_post[cadre]) plan_first_post[cadre] = post;
}

void World::rebuild_plan_first_post() {
  plan_first_post.assign(cadres.size(), kNoPost);
  for (const auto& e : plan) note_planned(e.cadre, e.post);
}

void World::set_rotation_active(CadreId cadre, bool active) {
  bool& flag = cadres[cadre].rotation.active;
  if (flag != active) rotating = active ? rotating + 1 : rotating - 1;
  flag = active;
}

void World::recount_rotating() {
  rotating = 0;
  for (const auto& c : cadres) rotating += c.rotation.active;
}

void World::set_holder(PostId post, CadreId cadre) {
  CadreId& holder = posts[post].holder;
  if (!held_in_unit.empty() && (holder == kNoCadre) != (cadre == kNoCadre)) {
    std::uint32_t& n = held_in_unit[org->posts[post].unit];
    n = cadre == kNoCadre ? n - 1 : n + 1;
  }
  if (!holder_by_tour_slot.empty())
    if (const std::uint32_t slot = org->tour_slot_of_post[post];
        slot != Organisation::kNoTourSlot) {
      holder_by_tour_slot[slot] = cadre;
      SummaryBound& bound = summary_bound_by_block[slot / kSummaryBlock];
      if (cadre < candidate_summary.size()) {
        summary_by_tour_slot[slot] = candidate_summary[cadre];
        bound.cover(candidate_summary[cadre]);
      } else if (cadre != kNoCadre) {
        bound.cover_unknown();
      }
    }
  holder = cadre;
}

void World::set_slot_summary(CadreId cadre) {
  if (holder_by_tour_slot.empty() || cadre >= candidate_summary.size()) return;
  const PostId post = cadres[cadre].post;
  if (post == kNoPost) return;
  if (const std::uint32_t slot = org->tour_slot_of_post[post]; slot != Organisation::kNoTourSlot) {
    summary_by_tour_slot[slot] = candidate_summary[cadre];
    summary_bound_by_block[slot / kSummaryBlock].cover(candidate_summary[cadre]);
  }
}

void World::rebuild_holder_indexes() {
  held_in_unit.clear();
  holder_by_tour_slot.clear();
  summary_by_tour_slot.clear();
  summary_bound_by_block.clear();
  if (org == nullptr) return;
  held_in_unit.assign(org->units.size(), 0);
  for (PostId p = 0; p < posts.size() && p < org->posts.size(); ++p)
    if (posts[p].holder != kNoCadre) ++held_in_unit[org->posts[p].unit];
  for (TitleId t = 0; t < org->titles.size(); ++t)
    for (const PostId p : org->posts_of_title_by_tour[t])
      holder_by_tour_slot.push_back(p < posts.size() ? posts[p].holder : kNoCadre);
  summary_by_tour_slot.resize(holder_by_tour_slot.size());
  copy_summaries_to_slots();
}

namespace {
#if defined(__SSE2__) && defined(__x86_64__)
// The bound of one block of tour slots, built while its summaries are copied. A summary and a
// bound are laid out alike, 16 bytes: the competence, then the rating and the months below
// each level, one byte each. A summary is copied and the bound widened in three instructions:
// the competence by MAXSD, which keeps the summary's value exactly when it is the larger
// (`s > b ? s : b`, as SummaryBound::cover), and the eight bytes by PMAXUB, byte by byte the
// larger (the low eight bytes of that register, the competence's, are not used). The engine's
// invariants check every bound against its block (CI's sanitizer build).
class BlockBound {
 public:
  void copy_and_cover(const CandidateSummary& s, CandidateSummary& slot) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&s));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&slot), v);
    competence_ = _mm_max_sd(_mm_castsi128_pd(v), competence_);
    bytes_ = _mm_max_epu8(bytes_, v);
  }
  void cover_unknown() { unknown_ = true; }
  SummaryBound bound() const {
    static_assert(sizeof(CandidateSummary) == 16 && offsetof(CandidateSummary, competence) == 0 &&
                  offsetof(CandidateSummary, rating) == 8 && sizeof(SummaryBound) == 16 &&
                  offsetof(SummaryBound, competence) == 0 && offsetof(SummaryBound, rating) == 8);
    SummaryBound b;
    b.competence = unknown_ ? std::numeric_limits<double>::infinity() : _mm_cvtsd_f64(competence_);
    const auto high =
        static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(bytes_, bytes_)));
    std::memcpy(reinterpret_cast<unsigned char*>(&b) + offsetof(SummaryBound, rating), &high,
                sizeof high);
    return b;
  }

 private:
  __m128d competence_ = _mm_set_sd(-std::numeric_limits<double>::infinity());
  __m128i bytes_ = _mm_setzero_si128();
  bool unknown_ = false;
};
#else
// Without SSE2: SummaryBound's own arithmetic, a field at a time.
class BlockBound {
 public:
  void copy_and_cover(const CandidateSummary& s, CandidateSummary& slot) {
    slot = s;
    bound_.cover(s);
  }
  void cover_unknown() { bound_.cover_unknown(); }
  SummaryBound bound() const { return bound_; }

 private:
  SummaryBound bound_;
};
#endif
}  // namespace

void World::copy_summaries_to_slots() {
  // The holders' summaries are scattered: the one kAhead slots on is asked for while this one is
  // copied.
  constexpr std::size_t kAhead = 16;
  const std::size_t n = std::min(holder_by_tour_slot.size(), summary_by_tour_slot.size());
  summary_bound_by_block.resize((n + kSummaryBlock - 1) / kSummaryBlock);
  const CadreId* const holders = holder_by_tour_slot.data();
  const CandidateSummary* const summaries = candidate_summary.data();
  CandidateSummary* const slots = summary_by_tour_slot.data();
  SummaryBound* const bounds = summary_bound_by_block.data();
  const std::size_t known = candidate_summary.size();  // kNoCadre (a vacant slot) is not
  // Nothing is asked for in a small world (asks_ahead): one bound test serves both.
  const std::size_t ask_until = asks_ahead() && n > kAhead ? n - kAhead : 0;
  for (std::size_t slot = 0, block = 0; slot < n; ++block) {
    BlockBound bound;
    for (const std::size_t end = std::min(n, slot + kSummaryBlock); slot < end; ++slot) {
      if (slot < ask_until)
        if (const CadreId later = holders[slot + kAhead]; later < known)
          __builtin_prefetch(&summaries[later]);
      if (const CadreId h = holders[slot]; h < known)
        bound.copy_and_cover(summaries[h], slots[slot]);
      else if (h != kNoCadre)
        bound.cover_unknown();
    }
    bounds[block] = bound.bound();
  }
}

bool SummaryBound::covers(const CandidateSummary& s) const {
  if (!(s.competence <= competence) || s.rating > rating) return false;
  for (std::size_t l = 0; l < months_below.size(); ++l)
    if (s.months_below[l] > months_below[l]) return false;
  return true;
}

namespace {
TitleId last_post_title(const World& w, CadreId cadre) {
  const PostId last = w.cadres[cadre].last_post;
  return last != kNoPost && w.org != nullptr && last < w.org->posts.size()
             ? w.org->posts[last].title
             : kNoTitle;
}
}  // namespace

void World::file_unplaced(CadreId cadre, TitleId title) {
  if (title == kNoTitle) return;
  if (unplaced_by_title.size() <= title) unplaced_by_title.resize(title + 1u);
  auto& bucket = unplaced_by_title[title];
  const std::pair<double, CadreId> entry{-cadres[cadre].competence, cadre};
  bucket.insert(std::lower_bound(bucket.begin(), bucket.end(), entry), entry);
}

void World::unfile_unplaced(CadreId cadre, TitleId title) {
  if (title == kNoTitle || title >= unplaced_by_title.size()) return;
  auto& bucket = unplaced_by_title[title];
  // Filed with its competence then, which has not changed (the invariants check it).
  const std::pair<double, CadreId> entry{-cadres[cadre].competence, cadre};
  auto it = std::lower_bound(bucket.begin(), bucket.end(), entry);
  if (it == bucket.end() || *it != entry)
    it = std::find_if(bucket.begin(), bucket.end(),
                      [cadre](const auto& e) { return e.second == cadre; });
  if (it != bucket.end()) bucket.erase(it);
}

void World::add_unplaced(CadreId cadre) {
  const TitleId title = last_post_title(*this, cadre);
  if (unplaced_slot.size() <= cadre) unplaced_slot.resize(cadre + 1u, kNotUnplaced);
  if (const std::uint32_t slot = unplaced_slot[cadre]; slot != kNotUnplaced) {
    unfile_unplaced(cadre, unplaced_last_title[slot]);
    unplaced_last_title[slot] = title;
  } else {
    unplaced_slot[cadre] = static_cast<std::uint32_t>(unplaced.size());
    unplaced.push_back(cadre);
    unplaced_last_title.push_back(title);
  }
  file_unplaced(cadre, title);
}

void World::remove_unplaced(CadreId cadre) {
  if (cadre >= unplaced_slot.size() || unplaced_slot[cadre] == kNotUnplaced) return;
  const std::uint32_t slot = unplaced_slot[cadre];
  unfile_unplaced(cadre, unplaced_last_title[slot]);
  const CadreId moved = unplaced.back();
  unplaced[slot] = moved;
  unplaced_last_title[slot] = unplaced_last_title.back();
  unplaced_slot[moved] = slot;
  unplaced.pop_back();
  unplaced_last_title.pop_back();
  unplaced_slot[cadre] = kNotUnplaced;
}

void World::clear_unplaced() {
  unplaced.clear();
  unplaced_last_title.clear();
  unplaced_by_title.clear();
  unplaced_slot.clear();
}

void World::rebuild_unplaced_titles() {
  unplaced_last_title.clear();
  unplaced_by_title.clear();
  unplaced_slot.clear();
  for (std::uint32_t i = 0; i < unplaced.size(); ++i) {
    const CadreId id = unplaced[i];
    if (unplaced_slot.size() <= id) unplaced_slot.resize(id + 1u, kNotUnplaced);
    unplaced_slot[id] = i;
    unplaced_last_title.push_back(last_post_title(*this, id));
    file_unplaced(id, unplaced_last_title.back());
  }
}

std::size_t World::active_count() const {
  std::size_t n = 0;
  for (const auto& c : cadres) n += c.status == CadreStatus::kActive;
  return n;
}

}  // namespace cadresim::model
